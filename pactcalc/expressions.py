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
from typing import Any

import numpy as np

from pactcalc.i18n import Text

FUNCTIONS = ("min", "max")
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
    try:
        module = ast.parse(stripped, mode="eval")
    except SyntaxError as exc:
        offset = max(0, (exc.offset or 1) - 1) + lead
        raise ExpressionError(
            "PC122", {"text": stripped, "reason": _reason("syntax", stripped)}, offset
        ) from None
    names: list[tuple[str, int]] = []
    _check(module.body, stripped, lead, names)
    return Expression(text=stripped, tree=module.body, names=tuple(names))


def _reason(kind: str, text: str = "") -> Text:
    """Why an expression cannot be read (PC122's reason): empty, a decimal comma, or else
    its brackets and operators."""
    if kind == "empty":
        return Text("problem.expression_empty")
    if re.search(r"\d,\d", text):
        return Text("problem.expression_decimal_comma")
    return Text("problem.expression_syntax")


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
    """A number as written in the grammar (no ``True``, text, ``1j`` or ``0x10``)."""
    literal = text[node.col_offset : node.end_col_offset or node.col_offset]
    if (
        isinstance(node.value, bool)
        or not isinstance(node.value, int | float)
        or not _NUMBER.match(literal)
    ):
        raise ExpressionError("PC124", {"construct": f"'{literal}'"}, offset)


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
