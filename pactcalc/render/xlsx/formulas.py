"""From pactcalc's expressions to Excel formulas, and the names formulas refer to.

A line's amount (``clients * hours * weeks_per_year * rate``) is a syntax tree
(:attr:`pactcalc.expressions.Expression.tree`); :func:`to_excel` writes it as an Excel
formula over the Inputs sheet's *defined names*, with parentheses where the tree needs
them, so that Excel groups as pactcalc computes. A name Excel cannot take as a defined
name (:func:`excel_name_ok`) is referenced by its absolute address instead.

Excel refuses a formula of more than 8,192 characters, a function call of more than 255
arguments and more than 64 nested levels. :func:`to_excel` splits a long ``min``/``max``
into nested calls of the same function (the result is the same: both are associative);
:func:`fits_excel` says whether a formula keeps all three limits, so that a cell whose
formula still does not fit is written as pactcalc's value with a note instead.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

# How tightly an operator binds; an atom (number, name, call, bracketed) binds tightest.
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}
_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_UNARY = 3
_ATOM = 4

#: Excel's limits on one formula: characters (with its ``=``), arguments of one function
#: call, nested levels.
FORMULA_MAX_CHARS = 8192
FUNCTION_MAX_ARGUMENTS = 255
FORMULA_MAX_NESTING = 64


def number_literal(value: float) -> str:
    """A number as an Excel formula literal (``1E-05``, not ``1e-05``).

    >>> number_literal(3.0), number_literal(0.00001), number_literal(2.5)
    ('3', '1E-05', '2.5')
    """
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number).upper()


def text_literal(text: str) -> str:
    """Text as an Excel formula string literal: in double quotes, quotes doubled.

    >>> text_literal('a"b')
    '"a""b"'
    """
    return '"' + text.replace('"', '""') + '"'


def to_excel(node: ast.expr, name_ref: Callable[[str], str]) -> str:
    """An expression tree (:attr:`Expression.tree`) as an Excel formula (without ``=``).

    ``name_ref`` gives the Excel text for a parameter or series name. Parentheses are
    written where the tree needs them, so the grouping is the one pactcalc computes.

    >>> import ast
    >>> tree = ast.parse("max(a - (b - c), 0) / -d * 2", mode="eval").body
    >>> to_excel(tree, str.upper)
    'MAX(A-(B-C),0)/-D*2'
    """
    return _formula_and_precedence(node, name_ref)[0]


def _formula_and_precedence(node: ast.expr, name_ref: Callable[[str], str]) -> tuple[str, int]:
    """The formula of ``node`` and how tightly its outermost operator binds."""
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float)
        return number_literal(node.value), _ATOM
    if isinstance(node, ast.Name):
        return name_ref(node.id), _ATOM
    if isinstance(node, ast.UnaryOp):
        text, precedence = _formula_and_precedence(node.operand, name_ref)
        if precedence < _UNARY:
            text = f"({text})"
        if isinstance(node.op, ast.USub):
            return f"-{text}", _UNARY
        return text, precedence if precedence >= _UNARY else _ATOM
    if isinstance(node, ast.BinOp):
        precedence = _PRECEDENCE[type(node.op)]
        left, left_precedence = _formula_and_precedence(node.left, name_ref)
        right, right_precedence = _formula_and_precedence(node.right, name_ref)
        if left_precedence < precedence:
            left = f"({left})"
        # the tree is left-associative: a right operand of equal precedence was bracketed
        if right_precedence <= precedence:
            right = f"({right})"
        return f"{left}{_OPERATORS[type(node.op)]}{right}", precedence
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        args = [_formula_and_precedence(arg, name_ref)[0] for arg in node.args]
        return associative_call(node.func.id.upper(), args), _ATOM
    raise AssertionError(f"unchecked node {type(node).__name__}")  # parse() rejects it


def associative_call(function: str, args: list[str]) -> str:
    """A call of an associative function (``MIN``, ``MAX``) within Excel's 255 arguments:
    more arguments are grouped into nested calls of the same function, which gives the
    same result (``MAX(MAX(a, …), MAX(…))``); each level multiplies the arguments by 255.

    >>> associative_call("MAX", ["a", "b"])
    'MAX(a,b)'
    >>> formula = associative_call("MAX", [str(i) for i in range(600)])
    >>> formula.count("MAX("), fits_excel(formula)
    (4, True)
    """
    while len(args) > FUNCTION_MAX_ARGUMENTS:
        args = [
            f"{function}({','.join(args[start : start + FUNCTION_MAX_ARGUMENTS])})"
            for start in range(0, len(args), FUNCTION_MAX_ARGUMENTS)
        ]
    return f"{function}({','.join(args)})"


def fits_excel(formula: str) -> bool:
    """Whether Excel takes ``formula`` (written without its ``=``): at most 8,192
    characters with the ``=``, at most 255 arguments in any function call, at most 64
    nested levels (every bracket counts as a level, so grouping counts too: the safe
    side). Text in double quotes and sheet names in single quotes are skipped.

    >>> fits_excel("MAX(a,b)"), fits_excel("MAX(" + ",".join(["1"] * 256) + ")")
    (True, False)
    >>> fits_excel("(" * 65 + "1" + ")" * 65), fits_excel("1+" * 4096 + "1")
    (False, False)
    """
    if len(formula) + 1 > FORMULA_MAX_CHARS:
        return False
    arguments: list[int] = []  # per open bracket: the arguments so far
    quote = ""
    for char in formula:
        if quote:
            if char == quote:  # a doubled quote closes and reopens: still inside
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            arguments.append(1)
            if len(arguments) > FORMULA_MAX_NESTING:
                return False
        elif char == ")" and arguments:
            arguments.pop()
        elif char == "," and arguments:
            arguments[-1] += 1
            if arguments[-1] > FUNCTION_MAX_ARGUMENTS:
                return False
    return True


# --- defined names and addresses -------------------------------------------------------------

_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}[0-9]+\Z|[RrCc][0-9]*\Z|[Rr][0-9]*[Cc][0-9]*\Z")


def excel_name_ok(name: str) -> bool:
    """Whether Excel (and LibreOffice) accept ``name`` as a defined name: not one that
    looks like a cell (``ab12``, ``R1C1``), a boolean or a reserved ``_xl`` name.

    >>> excel_name_ok("clients"), excel_name_ok("ab12"), excel_name_ok("TRUE")
    (True, False, False)
    """
    return (
        0 < len(name) <= 255
        and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name) is not None
        and not _CELL_LIKE.match(name)
        and name.upper() not in ("TRUE", "FALSE")
        and not name.lower().startswith("_xl")
    )


def column_letters(index: int) -> str:
    """Column letters for a 1-based column index.

    >>> column_letters(1), column_letters(27), column_letters(703)
    ('A', 'AA', 'AAA')
    """
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_ref(sheet: str, cell: str) -> str:
    """A reference to ``cell`` (or a range) on the sheet named ``sheet``.

    >>> sheet_ref("Per jaar", "$B$2"), sheet_ref("it's", "A1")
    ("'Per jaar'!$B$2", "'it''s'!A1")
    """
    return "'" + sheet.replace("'", "''") + "'!" + cell
