"""The value readers of the scenario format: numbers, amounts, fractions, text, choices.

Scalars go through these readers rather than pydantic's coercion, so that a YAML ``no``
or ``"62000"`` is never silently a number, and the error says how to write the value.
Each reader raises a ``PydanticCustomError`` whose type is the problem code (``PC104``)
and whose context holds the message's values; :mod:`pactcalc.model.validate` turns it
into a :class:`~pactcalc.problems.Problem`.

The annotated types (:data:`Number`, :data:`Integer`, :data:`Text`, :data:`Amount`,
:data:`Fraction` and the choices) are what the models of :mod:`pactcalc.model.scenario`
declare their fields with; each also says how it appears in the JSON Schema.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from pactcalc import expressions, i18n
from pactcalc.loader import Plain

#: Names an expression cannot use for a parameter or series: the built-ins, and the words of
#: the expression grammar (parsed with Python's: `lambda`, `if`, `None`, `True` …).
RESERVED_NAMES = frozenset({"weeks_per_year", "min", "max", *keyword.kwlist})


def describe(value: Any) -> i18n.Text:
    """What a wrong value is, in words (a catalogue id), for "expected X, not Y"."""
    if value is None:
        return i18n.Text("problem.value_empty")
    if isinstance(value, dict):
        return i18n.Text("problem.value_mapping")
    if isinstance(value, list):
        return i18n.Text("problem.value_list")
    if isinstance(value, Plain) and isinstance(value.value, bool):
        return i18n.Text("problem.value_yes_no", {"text": str(value)})
    if isinstance(value, Plain) and value.value is not None:
        return i18n.Text("problem.value_number", {"text": str(value)})
    return i18n.Text("problem.value_text", {"text": str(value)})


def _number_text_problem(text: str, quoted: bool) -> PydanticCustomError:
    """Explain why ``text`` (a YAML scalar that did not read as a number) is not one."""
    written = text.strip()
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", written) and quoted:
        return PydanticCustomError("PC104", "PC104", {"text": written})
    if written.lower() in {"yes", "no", "on", "off", "y", "n", "true", "false"}:
        return PydanticCustomError("PC105", "PC105", {"text": written})
    if re.fullmatch(r"[-+]?0\d+", written):
        return PydanticCustomError("PC106", "PC106", {"text": written, "fixed": str(int(written))})
    if re.fullmatch(r"[-+]?\d+(:[0-5]?\d)+(\.\d*)?", written):
        return PydanticCustomError("PC107", "PC107", {"text": written})
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?", written):
        return PydanticCustomError("PC108", "PC108", {"text": written, "year": written[:4]})
    if re.fullmatch(r"[-+]?\d+,\d+", written):
        fixed = written.replace(",", ".")
        return PydanticCustomError("PC109", "PC109", {"text": written, "fixed": fixed})
    if re.fullmatch(r"[-+]?\d{1,3}([._ ]\d{3})+(,\d+)?", written) or re.fullmatch(
        r"[-+]?\d+(_\d+)+", written
    ):
        fixed = re.sub(r"[._ ]", "", written).replace(",", ".")
        return PydanticCustomError("PC133", "PC133", {"text": written, "fixed": fixed})
    return PydanticCustomError("PC103", "PC103", {"got": describe(text)})


def read_number(value: Any) -> float:
    """A finite number; anything else raises a coded, explained error."""
    if isinstance(value, Plain):
        if isinstance(value.value, bool):
            raise PydanticCustomError("PC105", "PC105", {"text": str(value)})
        if value.value is None:
            raise _number_text_problem(str(value), quoted=False)
        number = float(value.value)
        if not math.isfinite(number):
            raise PydanticCustomError("PC111", "PC111", {"text": str(value)})
        return number
    if isinstance(value, bool):
        raise PydanticCustomError("PC105", "PC105", {"text": str(value).lower()})
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise PydanticCustomError("PC111", "PC111", {"text": str(value)})
        return float(value)
    if isinstance(value, str):
        raise _number_text_problem(value, quoted=True)
    raise PydanticCustomError("PC103", "PC103", {"got": describe(value)})


def read_integer(value: Any) -> int:
    """A whole number (a year, a count)."""
    if (
        isinstance(value, Plain)
        and isinstance(value.value, int)
        and not isinstance(value.value, bool)
    ):
        return value.value
    if isinstance(value, int) and not isinstance(value, bool | Plain):
        return value
    number = read_number(value)  # explains text, booleans, quotes
    raise PydanticCustomError(
        "PC110", "PC110", {"got": describe(value if isinstance(value, str) else str(number))}
    )


def read_text(value: Any) -> str:
    """Text as written: ``name: 2021`` is the name "2021", ``note: no`` the word "no"."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise PydanticCustomError(
        "PC112",
        "PC112",
        {"expected": i18n.Text("problem.expected_text"), "got": describe(value)},
    )


def read_amount(value: Any) -> float | expressions.Expression:
    """A number, or an expression in the whitelisted grammar."""
    if isinstance(value, Plain) and value.value is not None:
        return read_number(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return read_number(value)
    if isinstance(value, str):
        try:
            return expressions.parse(str(value))
        except expressions.ExpressionError as error:
            context: dict[str, Any] = dict(error.params)
            context["offset"] = error.offset
            raise PydanticCustomError(error.code, error.code, context) from None
    raise PydanticCustomError(
        "PC112",
        "PC112",
        {"expected": i18n.Text("problem.expected_amount"), "got": describe(value)},
    )


def read_fraction(value: Any) -> float | str:
    """An adjustment: a fraction in [0, 1], or the name of a parameter (that may carry a
    range). The range of a named parameter is checked with the whole scenario."""
    if isinstance(value, str) and not (isinstance(value, Plain) and value.value is not None):
        name = str(value).strip()
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            return name
        return read_number(value)  # explains a quoted number, a decimal comma …
    number = read_number(value)
    if not 0 <= number <= 1:
        raise PydanticCustomError("PC136", "PC136", {"value": str(value)})
    return number


def read_choice(*choices: str) -> Callable[[Any], str]:
    """A reader of text that must be one of ``choices`` (PC114 names them)."""

    def read(value: Any) -> str:
        text = read_text(value)
        if text not in choices:
            raise PydanticCustomError(
                "PC114", "PC114", {"value": text, "choices": ", ".join(choices)}
            )
        return text

    return read


Number = Annotated[float, BeforeValidator(read_number), WithJsonSchema({"type": "number"})]
Integer = Annotated[int, BeforeValidator(read_integer), WithJsonSchema({"type": "integer"})]
Text = Annotated[str, BeforeValidator(read_text), WithJsonSchema({"type": "string"})]
Amount = Annotated[
    Any,
    BeforeValidator(read_amount),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string"}],
            "description": "Euros per year: a number, or an expression over parameter and "
            "series names, weeks_per_year, numbers, + - * / ( ) and min(a, b, …), max(a, b, …). "
            "Inside a flow mapping {…} quote an expression that contains a comma.",
        }
    ),
]
Fraction = Annotated[
    Any,
    BeforeValidator(read_fraction),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "string"}],
            "description": "A fraction in [0, 1] (0.1 is 10 %), or the name of a parameter "
            "(which may carry a range).",
        }
    ),
]
PaidFrom = Annotated[
    Literal["budget", "own"],
    BeforeValidator(read_choice("budget", "own")),
]
Language = Annotated[Literal["nl", "en"], BeforeValidator(read_choice("nl", "en"))]
Distribution = Annotated[
    Literal["pert", "triangular", "uniform"],
    BeforeValidator(read_choice("pert", "triangular", "uniform")),
]
