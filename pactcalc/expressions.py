"""The amount expressions of a scenario: a whitelisted grammar, evaluated year by year.

An amount is a number or an expression over parameter names, series names,
``weeks_per_year``, numbers, ``+ - * / ( )`` and ``min(a, b, …)`` / ``max(a, b, …)`` (two
or more arguments, element-wise per year). Nothing else: no attribute access, no other
calls, no power, no comparison. Scenario text is data: it is parsed with :mod:`ast` and
walked here; it is never given to ``eval``.

Values are numpy arrays whose last axis is the year axis; scalars broadcast. Leading axes
(samples) pass through untouched.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from pactcalc.i18n import Text
from pactcalc.limits import MAX_ABS_NUMBER_TEXT, number_within_bounds
from pactcalc.loader import MAX_NUMBER_DIGITS, overlong_number, shortened_number

FUNCTIONS = ("min", "max")

#: Longest expression, in characters (PC341). A real amount such as
#: ``clients * hours_per_week * weeks_per_year * rate`` has under 100; the bound keeps
#: Python's parser from running out of memory (100,000 unary minus signs do that).
MAX_EXPRESSION_CHARS = 1_000
#: Most numbers and names in one expression (PC341); a real one has fewer than 20. With
#: :data:`MAX_EXPRESSION_NESTING` it bounds the depth of the tree that is walked
#: recursively, far from Python's recursion limit.
MAX_EXPRESSION_TERMS = 100
#: Deepest nesting of brackets, signs and ``min``/``max`` calls (PC341); a real
#: expression nests two or three deep. A chain ``a + b + c`` is one level, not three.
MAX_EXPRESSION_NESTING = 30
_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")
_OPS: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class ExpressionError(Exception):
    """A problem in an expression: a catalogue code, its message args and the character
    offset (0-based) in the expression text where it was found."""

    def __init__(self, code: str, args: Mapping[str, object], offset: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.params = dict(args)
        self.offset = offset


@dataclass(frozen=True)
class Expression:
    """A parsed, checked expression. ``names`` lists each name used with its offset."""

    text: str
    tree: ast.expr
    names: tuple[tuple[str, int], ...]

    def __str__(self) -> str:
        return self.text


def parse(text: str) -> Expression:
    """Parse and check ``text`` against the grammar; raise :class:`ExpressionError`.

    >>> parse("clients * hours_per_week * weeks_per_year").names[0]
    ('clients', 0)
    >>> try:
    ...     parse("x.y")
    ... except ExpressionError as error:
    ...     print(error.code, error.params)
    PC124 {'construct': "'.y'"}
    """
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise ExpressionError("PC122", {"text": text, "reason": _reason("empty")}, 0)
    digits = overlong_number(stripped)
    if digits is not None:  # one number, however long: say so rather than "too long"
        args = {"text": shortened_number(stripped), "digits": digits, "limit": MAX_NUMBER_DIGITS}
        raise ExpressionError("PC340", args, lead)
    if len(stripped) > MAX_EXPRESSION_CHARS:
        reason = Text(
            "problem.expression_too_long",
            {"length": len(stripped), "limit": MAX_EXPRESSION_CHARS},
        )
        raise ExpressionError("PC341", {"reason": reason}, lead)
    try:
        module = ast.parse(stripped, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        offset = max(0, (getattr(exc, "offset", None) or 1) - 1) + lead
        raise ExpressionError(
            "PC122", {"text": stripped, "reason": _reason("syntax", stripped)}, offset
        ) from None
    _check_size(module.body, lead)
    names: list[tuple[str, int]] = []
    _check(module.body, stripped, lead, names)
    return Expression(text=stripped, tree=module.body, names=tuple(names))


def _check_size(tree: ast.expr, lead: int) -> None:
    """PC341 when the tree has more terms or deeper nesting than a real amount ever has.
    Iterative, so that it is safe on any tree the parser returns."""
    terms = 0
    deepest = 0
    todo: list[tuple[ast.AST, int]] = [(tree, 0)]
    while todo:
        node, level = todo.pop()
        deepest = max(deepest, level)
        if isinstance(node, ast.Constant | ast.Name):
            terms += 1
        elif isinstance(node, ast.BinOp):
            todo.append((node.left, level))  # a chain a + b + c is one level
            todo.append((node.right, level + 1 if isinstance(node.right, ast.BinOp) else level))
        elif isinstance(node, ast.UnaryOp):
            todo.append((node.operand, level + 1))
        else:
            todo.extend((child, level + 1) for child in ast.iter_child_nodes(node))
    if terms > MAX_EXPRESSION_TERMS:
        reason = Text(
            "problem.expression_too_many_terms", {"terms": terms, "limit": MAX_EXPRESSION_TERMS}
        )
        raise ExpressionError("PC341", {"reason": reason}, lead)
    if deepest > MAX_EXPRESSION_NESTING:
        reason = Text(
            "problem.expression_too_deep", {"depth": deepest, "limit": MAX_EXPRESSION_NESTING}
        )
        raise ExpressionError("PC341", {"reason": reason}, lead)


def _reason(kind: str, text: str = "") -> Text:
    """Why an expression cannot be read (PC122's reason): empty, a beginner's mistake
    (a euro sign, a unit word, a thousands dot, a percentage) with the expression as it
    should be written, a decimal comma, or else its brackets and operators."""
    if kind == "empty":
        return Text("problem.expression_empty")
    fix = beginner_fix(text)
    if fix is not None:
        mistakes, fixed = fix
        if fixed is None or not _parses(fixed):
            return mistakes
        return Text("problem.mistake_fix", {"mistakes": mistakes, "fixed": fixed})
    if re.search(r"\d,\d", text):
        return Text("problem.expression_decimal_comma")
    return Text("problem.expression_syntax")


# --- beginner mistakes ----------------------------------------------------------------------

#: A euro sign or a currency word (``€ 25.000``, ``75000 euro``, ``EUR 100``).
_CURRENCY = re.compile(r"€|\b(?:euros?|eur)\b", re.IGNORECASE)
#: A period written after an amount: amounts are per year already.
_PER_YEAR = re.compile(
    r"(?:\bper\s+(?:jaar|year|annum)\b|/\s*(?:jaar|year|jr|yr)\b|\bp\.\s?j\.|\bjaarlijks\b)",
    re.IGNORECASE,
)
#: A number written the Dutch way: dots between thousands, maybe a decimal comma.
_DUTCH_NUMBER = re.compile(r"(?<![\w.,])([1-9]\d{0,2}(?:\.\d{3})+|\d+)(,\d+)?(?![\w.,])")
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*%")


def beginner_fix(text: str) -> tuple[Text, str | None] | None:
    """The mistakes a beginner makes in a number or an expression, in words, and the text
    as it should be written; None when there are none of these.

    Found: a euro sign or currency word and a period word (left out), a thousands dot
    or a decimal comma beside a currency (``€ 25.000,50`` → ``25000.50``) and a
    percentage (``110%`` → ``1.1``). The fixed text is only a suggestion: the caller
    shows it when it reads.

    >>> beginner_fix("€ 25.000")[1], beginner_fix("75000 euro")[1], beginner_fix("x * 110%")[1]
    ('25000', '75000', 'x * 1.1')
    """
    mistakes: list[Text] = []
    fixed = text
    units = [m.group() for m in _CURRENCY.finditer(text)] + [
        m.group() for m in _PER_YEAR.finditer(text)
    ]
    if units:
        left_out: list[str | Text] = [f"'{unit}'" for unit in dict.fromkeys(units)]
        fixed = _PER_YEAR.sub(" ", _CURRENCY.sub(" ", fixed))
        if any("." in m.group(1) for m in _DUTCH_NUMBER.finditer(fixed)):
            left_out.append(Text("problem.mistake_thousands"))
        mistakes.append(Text("problem.mistake_leave_out", {"text": _and(left_out)}))
        fixed = _DUTCH_NUMBER.sub(
            lambda m: m.group(1).replace(".", "") + (m.group(2) or "").replace(",", "."), fixed
        )
    for match in _PERCENT.finditer(fixed):
        fraction = _fraction(match.group(1))
        mistakes.append(
            Text(
                "problem.mistake_percent",
                {"text": match.group().replace(" ", ""), "fraction": fraction},
            )
        )
    fixed = _PERCENT.sub(lambda m: _fraction(m.group(1)), fixed)
    if not mistakes:
        return None
    words = _and(mistakes)
    fixed = re.sub(r"\s+", " ", fixed).strip()
    fixed = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", fixed))
    return words, fixed or None


def _and(parts: list[Any]) -> Any:
    """``a``, ``a and b``, ``a and b and c``: parts (text or :class:`Text`) joined in the
    message's language."""
    words = parts[0]
    for part in parts[1:]:
        words = Text("problem.mistake_and", {"first": words, "second": part})
    return words


def _fraction(percentage: str) -> str:
    """``110`` (per cent) → ``1.1``; ``2,25`` → ``0.0225``; exact, in decimals."""
    value = Decimal(percentage.replace(",", ".")) / 100
    return format(value.normalize(), "f")


def _parses(text: str) -> bool:
    try:
        parse(text)
    except ExpressionError:
        return False
    return True


def _check(node: ast.expr, text: str, lead: int, names: list[tuple[str, int]]) -> None:
    """Walk ``node``: raise :class:`ExpressionError` at the first construct outside the
    grammar; collect each name used with its offset into ``names``."""
    offset = lead + getattr(node, "col_offset", 0)
    if isinstance(node, ast.BinOp | ast.Compare) and (
        isinstance(node, ast.Compare) or type(node.op) not in _OPS
    ):
        raise ExpressionError(
            "PC124", {"construct": _describe(node)}, _operator_offset(node, text, lead)
        )
    if isinstance(node, ast.BinOp):
        _check(node.left, text, lead, names)
        _check(node.right, text, lead, names)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, ast.USub | ast.UAdd):
            raise ExpressionError("PC124", {"construct": _describe(node)}, offset)
        _check(node.operand, text, lead, names)
    elif isinstance(node, ast.Constant):
        _check_number(node, text, offset)
    elif isinstance(node, ast.Name):
        names.append((node.id, offset))
    elif isinstance(node, ast.Call):
        _check_call(node, offset)
        for arg in node.args:  # in order: the first problem is reported
            if isinstance(arg, ast.Starred):
                raise ExpressionError("PC124", {"construct": "'*'"}, offset)
            _check(arg, text, lead, names)
    else:
        raise ExpressionError("PC124", {"construct": _describe(node)}, offset)


def _operator_offset(node: ast.BinOp | ast.Compare, text: str, lead: int) -> int:
    """Where an operator outside the grammar is: at the operator, not at the start of its
    left operand."""
    right = node.right if isinstance(node, ast.BinOp) else node.comparators[0]
    between = text[node.left.end_col_offset or 0 : right.col_offset]
    symbol = str(_describe(node)).strip("'")
    if symbol in between:
        return lead + (node.left.end_col_offset or 0) + between.index(symbol)
    return lead + node.col_offset


def _check_number(node: ast.Constant, text: str, offset: int) -> None:
    """A number as written in the grammar (no ``True``, text, ``1j`` or ``0x10``), of at
    most :data:`~pactcalc.loader.MAX_NUMBER_DIGITS` digits (PC340, a typo) and below
    :data:`~pactcalc.limits.MAX_ABS_NUMBER` (PC309, also ``1e400``, read as infinity): the
    same rules, in the same order, as for a number in the YAML or a check's bound."""
    literal = text[node.col_offset : node.end_col_offset or node.col_offset]
    if (
        isinstance(node.value, bool)
        or not isinstance(node.value, int | float)
        or not _NUMBER.match(literal)
    ):
        raise ExpressionError("PC124", {"construct": f"'{literal}'"}, offset)
    digits = overlong_number(literal)
    if digits is not None:
        raise ExpressionError(
            "PC340",
            {"text": shortened_number(literal), "digits": digits, "limit": MAX_NUMBER_DIGITS},
            offset,
        )
    if not number_within_bounds(float(node.value)):
        raise ExpressionError("PC309", {"text": literal, "bound": MAX_ABS_NUMBER_TEXT}, offset)


def _check_call(node: ast.Call, offset: int) -> None:
    """``min(a, b, …)`` or ``max(a, b, …)``: two or more arguments, none by keyword."""
    if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
        raise ExpressionError("PC124", {"construct": _describe(node)}, offset)
    if node.keywords:
        raise ExpressionError("PC124", {"construct": "key=value"}, offset)
    if len(node.args) < 2:
        raise ExpressionError("PC125", {"func": node.func.id}, offset)


_SYMBOLS: dict[type, str] = {
    ast.Pow: "**",
    ast.Mod: "%",
    ast.FloorDiv: "//",
    ast.MatMult: "@",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.Invert: "~",
    ast.Not: "not",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.And: "and",
    ast.Or: "or",
}
#: What the user wrote, for constructs that are not operators.
_WRITTEN: dict[type, str] = {
    ast.List: "[…]",
    ast.Set: "{…}",
    ast.Dict: "{…: …}",
    ast.Subscript: "[…]",
    ast.IfExp: "if … else …",
    ast.Lambda: "lambda",
    ast.Starred: "*",
    ast.JoinedStr: "f'…'",
    ast.NamedExpr: ":=",
    ast.ListComp: "[… for …]",
    ast.GeneratorExp: "(… for …)",
    ast.SetComp: "{… for …}",
    ast.DictComp: "{… for …}",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield from",
    ast.Slice: ":",
}


def _describe(node: ast.expr) -> str | Text:
    """The construct as the user wrote it, for "… is not allowed"."""
    if isinstance(node, ast.Attribute):
        return f"'.{node.attr}'"
    if isinstance(node, ast.Call):
        func = node.func.id if isinstance(node.func, ast.Name) else "…"
        return f"'{func}(…)'"
    if isinstance(node, ast.BinOp | ast.UnaryOp | ast.BoolOp):
        return f"'{_SYMBOLS.get(type(node.op), '?')}'"
    if isinstance(node, ast.Compare):
        return f"'{_SYMBOLS.get(type(node.ops[0]), '?')}'"
    if isinstance(node, ast.Tuple):
        return Text("problem.expression_tuple")
    return f"'{_WRITTEN.get(type(node), type(node).__name__)}'"


@dataclass
class Evaluation:
    """The value of an expression and where it divided by zero (a boolean mask)."""

    value: np.ndarray
    divided_by_zero: np.ndarray


def evaluate_expression(
    expression: Expression | float, env: Mapping[str, np.ndarray | float]
) -> Evaluation:
    """The value of an amount (a number or a parsed expression), year by year with numpy
    broadcasting. Names must all be in ``env``.

    >>> evaluate_expression(parse("max(a - 5, 0) / b"), {"a": np.array([4.0, 9.0]), "b": 2.0}).value
    array([0., 2.])
    """
    if not isinstance(expression, Expression):
        value = np.asarray(float(expression))
        return Evaluation(value, np.zeros(value.shape, dtype=bool))
    zero = [np.zeros((), dtype=bool)]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        value = np.asarray(_value_of(expression.tree, env, zero), dtype=float)
    return Evaluation(value, zero[0])


#: The former name, kept for callers outside the core (the CLI, tests, xlsx).
evaluate = evaluate_expression


def _value_of(node: ast.expr, env: Mapping[str, np.ndarray | float], zero: list[np.ndarray]) -> Any:
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float)  # parse() admits numbers only
        return float(node.value)
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _value_of(node.operand, env, zero)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left = _value_of(node.left, env, zero)
        right = _value_of(node.right, env, zero)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        zero[0] = zero[0] | (np.asarray(right) == 0)
        return np.asarray(left, dtype=float) / right
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        reduce = np.minimum if node.func.id == "min" else np.maximum
        result = _value_of(node.args[0], env, zero)
        for arg in node.args[1:]:
            result = reduce(result, _value_of(arg, env, zero))
        return result
    raise AssertionError(f"unchecked node {type(node).__name__}")  # parse() rejects it
