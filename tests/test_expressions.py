"""Tests for :mod:`pactcalc.expressions`: the whitelisted grammar, what it refuses and
where it points, and year-by-year evaluation.

Every expected offset and value is worked out by hand from the source text and written
beside the assertion.
"""

from __future__ import annotations

import ast

import numpy as np
import pytest
from conftest import en

from pactcalc.expressions import Expression, ExpressionError, parse
from pactcalc.expressions import evaluate as evaluate_expression


def parse_error(text: str) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        parse(text)
    return info.value


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_expression(text: str):
    error = parse_error(text)
    assert error.code == "PC122"
    assert error.offset == 0
    assert error.params["text"] == text
    assert en(error.params["reason"]) == "the expression is empty"


def test_syntax_error_with_a_comma_between_digits_suggests_a_decimal_point():
    # '2,5 *' does not parse (a dangling '*'); '2,5' is a Dutch decimal comma
    error = parse_error("2,5 *")
    assert error.code == "PC122"
    assert en(error.params["reason"]) == "a comma between digits: use a decimal point"
    # without digits around a comma the reason is the generic one
    other = parse_error("(a, b")
    assert en(other.params["reason"]) == "check the brackets and operators"


def test_a_decimal_comma_that_parses_as_a_tuple_is_named():
    # '57,60' is valid Python (a tuple): the construct names the decimal comma
    error = parse_error("57,60")
    assert error.code == "PC124"
    assert error.offset == 0
    assert en(error.params["construct"]) == "',' (a decimal comma? use a decimal point)"


@pytest.mark.parametrize(
    ("text", "construct", "offset"),
    [
        # operators outside + - * /: offset at the operator, after leading blanks
        ("  x ** 2", "'**'", 4),  # 2 blanks + 'x ' → '**' at index 4
        ("a // b", "'//'", 2),
        ("(a) % 2", "'%'", 4),  # ')' is not the operator: '%' at index 4
        # numbers only in YAML 1.2 / Python decimal notation; no text, booleans, complex
        ("0x10", "'0x10'", 0),
        ("1_000", "'1_000'", 0),
        ("True", "'True'", 0),
        ("1j", "'1j'", 0),
        ("x + 'a'", "''a''", 4),
        # calls: only min and max, positional, not starred
        ("abs(x)", "'abs(…)'", 0),
        ("1 + x.y(1, 2)", "'…(…)'", 4),
        ("max(a, b, key=c)", "key=value", 0),
        ("2 * min(*a, b)", "'*'", 4),
        # anything else: named as written, at the operator where there is one
        ("a < b", "'<'", 2),
        ("[1, 2]", "'[…]'", 0),
    ],
)
def test_constructs_outside_the_grammar(text: str, construct: str, offset: int):
    error = parse_error(text)
    assert error.code == "PC124"
    assert en(error.params["construct"]) == construct
    assert error.offset == offset


@pytest.mark.parametrize("text", ["~x", "not x"])
def test_unary_operators_other_than_sign_are_refused(text: str):
    error = parse_error(text)
    assert error.code == "PC124"
    assert error.offset == 0  # the operator starts the expression


@pytest.mark.parametrize("text", ["x | y", "x @ y", "x & y", "x << y"])
def test_other_binary_operators_are_refused(text: str):
    error = parse_error(text)
    assert error.code == "PC124"


def test_other_binary_operators_are_named_at_the_operator():
    error = parse_error("x | y")
    assert en(error.params["construct"]) == "'|'"
    assert error.offset == 2  # 'x ' → '|' at index 2, as for '**' (line 95's intent)


def test_unary_invert_is_named_by_its_symbol():
    error = parse_error("~x")
    assert en(error.params["construct"]) == "'~'"


def test_evaluate_guards_against_an_unchecked_tree():
    # dead code from the public API: parse() rejects every node _eval does not know
    # (expressions.py:199). An Expression built by hand around a comparison hits it.
    tree = ast.parse("a < b", mode="eval").body
    expression = Expression(text="a < b", tree=tree, names=(("a", 0), ("b", 4)))
    with pytest.raises(AssertionError, match="unchecked node Compare"):
        evaluate_expression(expression, {"a": 1.0, "b": 2.0})


def test_unary_plus_and_minus_evaluate_year_by_year():
    got = evaluate_expression(parse("+a - -b"), {"a": np.array([1.0, 2.0]), "b": 3.0})
    assert got.value.tolist() == [4.0, 5.0]  # 1 + 3, 2 + 3
    assert not got.divided_by_zero.any()  # no division at all
