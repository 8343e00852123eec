"""The value readers of the scenario format: numbers, amounts, fractions, text, choices.

Scalars go through these readers rather than pydantic's coercion, so that a YAML ``no``
or ``"62000"`` is never silently a number, and the error says how to write the value.
Each reader raises a ``PydanticCustomError`` whose type is the problem code (``PC104``)
and whose context holds the message's values; :mod:`pactcalc.model.validate` turns it
into a :class:`~pactcalc.problems.Problem`.

The annotated types (:data:`Number`, :data:`Integer`, :data:`Year`, :data:`Text`,
:data:`Amount`, :data:`Fraction` and the choices) are what the models of
:mod:`pactcalc.model.scenario` declare their fields with; each also says how it appears
in the JSON Schema, with the bounds of :mod:`pactcalc.limits`.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from pactcalc import expressions, i18n
from pactcalc.limits import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_ABS_INTEGER,
    MAX_ABS_NUMBER,
    MAX_ABS_NUMBER_TEXT,
    number_within_bounds,
)
from pactcalc.loader import Plain
from pactcalc.problems import Percent, Problem, suggestion

#: A percentage written as text: ``20%``, ``2,25 %``, ``-1.5%``.
_PERCENTAGE = re.compile(r"\s*([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*%\s*\Z")

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


def as_fraction(written: str) -> str | None:
    """A percentage as the fraction the file should hold, written without float noise:
    ``"2.25"`` → ``"0.0225"``, ``"20"`` → ``"0.2"``; None when it is not a number.

    >>> as_fraction("2.25"), as_fraction("20"), as_fraction("2,25"), as_fraction("1e2")
    ('0.0225', '0.2', '0.0225', '1')
    """
    try:
        fraction = Decimal(written.strip().replace(",", ".")) / 100
    except (InvalidOperation, ValueError):
        return None
    if not fraction.is_finite():
        return None
    text = format(fraction.normalize(), "f")
    return text


def written(value: float) -> str:
    """A number as a user would write it in the file: ``20`` not ``20.0``, ``2.25``.

    >>> written(20.0), written(2.25), written(1e27)
    ('20', '2.25', '1e+27')
    """
    if value.is_integer() and abs(value) < MAX_ABS_NUMBER:
        return str(int(value))
    return repr(value)


def percentage_problem(value: float, text: str, what: str) -> PydanticCustomError:
    """PC307: a rate or fraction of 1 or more, most likely a percentage written as a
    number (``discount_rate: 2.25`` meant as 2.25 %): the error suggests the fraction.
    ``what`` is the catalogue id of what the value is (a discount rate, an adjustment)."""
    return PydanticCustomError("PC307", "PC307", percentage_args(value, text, what))


def percentage_args(value: float, text: str, what: str) -> dict[str, object]:
    """The arguments of PC307 (see :func:`percentage_problem`): below 100 (so that the
    fraction is below 1) the fraction to write, above it an example."""
    fixed = as_fraction(text) if abs(value) < 100 else None
    if fixed is None:
        reading: object = i18n.Text("problem.far_above_100_percent")
        hint = i18n.Text("problem.fraction_example")
    else:
        reading = Percent(value)
        hint = i18n.Text("problem.write_fraction", {"fixed": fixed, "text": text})
    return {"text": text, "reading": reading, "what": i18n.Text(what), "hint": hint}


def too_large(text: str, bound: str = MAX_ABS_NUMBER_TEXT) -> PydanticCustomError:
    """PC309: a number beyond the bounds of :mod:`pactcalc.limits`."""
    shown: object = text
    if len(text) > 40:  # a number of 400 digits is shown by its start and its length
        shown = i18n.Text("problem.long_number", {"start": text[:12], "length": len(text)})
    return PydanticCustomError("PC309", "PC309", {"text": shown, "bound": bound})


def _number_text_problem(text: str, quoted: bool) -> PydanticCustomError:
    """Explain why ``text`` (a YAML scalar that did not read as a number) is not one."""
    written = text.strip()
    if (percentage := _PERCENTAGE.match(written)) and (fixed := as_fraction(percentage[1])):
        return PydanticCustomError("PC308", "PC308", {"text": written, "fixed": fixed})
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
    """A finite number below :data:`~pactcalc.limits.MAX_ABS_NUMBER` in absolute value;
    anything else raises a coded, explained error."""
    if isinstance(value, Plain):
        if isinstance(value.value, bool):
            raise PydanticCustomError("PC105", "PC105", {"text": str(value)})
        if value.value is None:
            raise _number_text_problem(str(value), quoted=False)
        return _bounded(value.value, str(value))
    if isinstance(value, bool):
        raise PydanticCustomError("PC105", "PC105", {"text": str(value).lower()})
    if isinstance(value, int | float):
        return _bounded(value, str(value))
    if isinstance(value, str):
        raise _number_text_problem(value, quoted=True)
    raise PydanticCustomError("PC103", "PC103", {"got": describe(value)})


def _bounded(number: int | float, text: str) -> float:
    """``number`` as a float, or PC111 (not finite: ``.inf``, ``1e400``) or PC309 (too
    large, also an integer of 400 digits that no float can hold)."""
    if isinstance(number, float) and math.isnan(number):
        raise PydanticCustomError("PC111", "PC111", {"text": text})
    if isinstance(number, float) and math.isinf(number) and not _written_as_number(text):
        raise PydanticCustomError("PC111", "PC111", {"text": text})
    try:
        as_float = float(number)
    except OverflowError:
        raise too_large(text) from None
    if not number_within_bounds(as_float):
        raise too_large(text)
    return as_float


def _written_as_number(text: str) -> bool:
    """``1e400`` (digits that overflow), unlike ``.inf`` (infinity asked for)."""
    return re.fullmatch(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*", text) is not None


def read_integer(value: Any) -> int:
    """A whole number (a year, a count), at most :data:`~pactcalc.limits.MAX_ABS_INTEGER`
    in absolute value."""
    whole: int | None = None
    if (
        isinstance(value, Plain)
        and isinstance(value.value, int)
        and not isinstance(value.value, bool)
    ):
        whole = value.value
    elif isinstance(value, int) and not isinstance(value, bool | Plain):
        whole = value
    if whole is not None:
        if abs(whole) > MAX_ABS_INTEGER:
            raise too_large(str(value), str(MAX_ABS_INTEGER))
        return whole
    number = read_number(value)  # explains text, booleans, quotes
    raise PydanticCustomError(
        "PC110", "PC110", {"got": describe(value if isinstance(value, str) else str(number))}
    )


def read_year(value: Any) -> int:
    """A calendar year from :data:`~pactcalc.limits.FIRST_YEAR` to
    :data:`~pactcalc.limits.LAST_YEAR` (PC113 names the range; also for a year of 30
    digits, which no integer field may hold)."""
    try:
        year: int | None = read_integer(value)
    except PydanticCustomError as error:
        if error.type != "PC309":
            raise
        year = None
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        written = str(value).strip()
        shown: object = written
        if len(written) > 40:
            shown = i18n.Text(
                "problem.long_number", {"start": written[:12], "length": len(written)}
            )
        rule = i18n.Text("problem.rule_year", {"first": FIRST_YEAR, "last": LAST_YEAR})
        raise PydanticCustomError("PC113", "PC113", {"rule": rule, "value": shown})
    return year


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
        percentage = _PERCENTAGE.match(str(value))
        if percentage and (fixed := as_fraction(percentage[1])):
            raise PydanticCustomError(
                "PC308", "PC308", {"text": str(value).strip(), "fixed": fixed}
            )
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
    """An adjustment: a fraction from 0 up to 1, or the name of a parameter (that may carry
    a range). 1 or more is a percentage written as a number (``deadweight: 20``), PC307
    with the fraction to write; below 0, PC136. The range of a named parameter is checked
    with the whole scenario."""
    if isinstance(value, str) and not (isinstance(value, Plain) and value.value is not None):
        name = str(value).strip()
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            return name
        return read_number(value)  # explains a quoted number, a decimal comma …
    number = read_number(value)
    if number >= 1:
        raise percentage_problem(number, str(value).strip(), "problem.what_adjustment")
    if number < 0:
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


#: The bounds of :mod:`pactcalc.limits` as JSON Schema keywords.
NUMBER_SCHEMA: dict[str, Any] = {
    "type": "number",
    "exclusiveMinimum": -MAX_ABS_NUMBER,
    "exclusiveMaximum": MAX_ABS_NUMBER,
}
INTEGER_SCHEMA: dict[str, Any] = {
    "type": "integer",
    "minimum": -MAX_ABS_INTEGER,
    "maximum": MAX_ABS_INTEGER,
}

Number = Annotated[float, BeforeValidator(read_number), WithJsonSchema(NUMBER_SCHEMA)]
Integer = Annotated[int, BeforeValidator(read_integer), WithJsonSchema(INTEGER_SCHEMA)]
Year = Annotated[
    int,
    BeforeValidator(read_year),
    WithJsonSchema({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}),
]
Text = Annotated[str, BeforeValidator(read_text), WithJsonSchema({"type": "string"})]
Amount = Annotated[
    Any,
    BeforeValidator(read_amount),
    WithJsonSchema(
        {
            "anyOf": [NUMBER_SCHEMA, {"type": "string"}],
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
            "anyOf": [
                {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
                {"type": "string"},
            ],
            "description": "A fraction from 0 up to (not including) 1: 0.1 is 10 %, 1 or more "
            "is refused as a percentage written as a number; or the name of a parameter "
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


def unknown_names(
    file: str, expression: expressions.Expression, names: set[str], path: tuple[str | int, ...]
) -> Iterator[Problem]:
    """PC123 for each name in ``expression`` that is not in ``names`` (a parameter, series
    or KPI the scenario declares), at its place in the expression, with a "did you mean"."""
    for name, offset in expression.names:
        if name not in names:
            yield Problem(
                "PC123",
                file,
                args={"name": name, "suggestion": suggestion(name, sorted(names))},
                path=path,
                offset=offset,
            )
