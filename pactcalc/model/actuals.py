"""The actuals format (DOMAIN.md §8): what happened, year by year, beside the signed plan.

An actuals file names its plan (``scenario:``, relative to the file) and lists calendar
years, each with a ``status`` (``final``, ``provisional`` or ``forecast``) and what is
known of it: ``series`` and ``parameters`` values for that year, booked ``amounts`` by line
kind and line name, measured ``kpis``, a ``source``. The plan file never changes.

:func:`cross_check_actuals` holds the rules that need the plan: every name must be the
plan's (with a "did you mean"), every year inside its horizon, and the years in the order
final…, provisional…, forecast…. The arithmetic lives in :mod:`pactcalc.monitor`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from pactcalc import finance, i18n
from pactcalc.limits import FIRST_YEAR, LAST_YEAR
from pactcalc.model.scenario import LINE_KINDS
from pactcalc.model.values import Integer, Number, Text, read_choice
from pactcalc.problems import Money, Problem, suggestion

if TYPE_CHECKING:
    from pactcalc.model.scenario import Scenario

#: The statuses of a year, in the order the years must follow.
STATUSES = ("final", "provisional", "forecast")
#: The statuses whose years are realised (the others are a new expectation).
REALISED = ("final", "provisional")
#: The key that marks a YAML file as an actuals file (beside ``pactcalc`` for a scenario).
VERSION_KEY = "pactcalc-actuals"

Status = Annotated[
    Literal["final", "provisional", "forecast"], BeforeValidator(read_choice(*STATUSES))
]
Path = tuple[str | int, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class BookedAmounts(_Strict):
    """Booked euros of one year, by line kind and line name (nominal, as written)."""

    baseline: dict[str, Number] = Field(
        default_factory=dict,
        description="Baseline lines by name: e.g. the costs of a comparison group. Without "
        "them the baseline stays the plan's (a counterfactual cannot be observed).",
    )
    budget: dict[str, Number] = Field(default_factory=dict, description="Budget lines by name.")
    effort: dict[str, Number] = Field(default_factory=dict, description="Effort lines by name.")
    investments: dict[str, Number] = Field(
        default_factory=dict, description="Investment lines by name."
    )
    benefits: dict[str, Number] = Field(default_factory=dict, description="Benefit lines by name.")


class ActualYear(_Strict):
    """What is known of one calendar year."""

    status: Status = Field(
        description="'final' (the annual accounts), 'provisional' (realised, to be "
        "corrected) or 'forecast' (a new expectation, not realised)."
    )
    source: Text | None = Field(None, description="Where the figures of this year come from.")
    note: Text | None = Field(None, description="A remark for the reader.")
    series: dict[str, Number] = Field(
        default_factory=dict,
        description="Series values of this year by series name (the volume), e.g. "
        "{inwoners_ambulant: 8}.",
    )
    parameters: dict[str, Number] = Field(
        default_factory=dict,
        description="Parameter values of this year only, by parameter name (the price), "
        "e.g. {tarief_reguliere_begeleiding: 45.10}.",
    )
    amounts: BookedAmounts = Field(
        default_factory=BookedAmounts,
        description="Booked euros by kind and line name: {effort: {Line name: 180000}}; "
        "a booked amount replaces the computed line in this year, as written.",
    )
    kpis: dict[str, Number] = Field(
        default_factory=dict,
        description="Measured KPI values by KPI id; default: the KPI's expression on this "
        "year's series and parameters.",
    )


class Actuals(_Strict):
    """Actuals beside a signed plan: the realisation and the current expectation."""

    version: Integer = Field(alias=VERSION_KEY, description="Format version; write 1.")
    scenario: Text = Field(description="The plan's scenario file, relative to this file.")
    name: Text | None = Field(None, description="A title, e.g. 'Realisatie t/m 2022'.")
    years: dict[str, ActualYear] = Field(
        min_length=1,
        description="Calendar year → {status, source, series, parameters, amounts, kpis}; "
        "final years first, then provisional, then forecast.",
    )

    def calendar(self) -> dict[int, ActualYear]:
        """The years by calendar year (valid after :func:`cross_check_actuals`)."""
        return {int(key): year for key, year in self.years.items()}


def validate_actuals(data: Any, file: str) -> tuple[Actuals | None, list[Problem]]:
    """Validate loaded actuals data (without the plan): the model and every problem.

    Data with errors still gives the model of what is valid of it, where it can (see
    :func:`_salvaged`), so that the rules that need the plan report at once too."""
    from pactcalc.model.validate import pydantic_problems

    problems: list[Problem] = []
    try:
        actuals: Actuals | None = Actuals.model_validate(data)
    except ValidationError as exc:
        problems = list(pydantic_problems(exc, file, data, Actuals))
        actuals = _salvaged(data, problems)
    version = actuals.version if actuals is not None else _raw_version(data)
    if version is not None and version != 1:
        problems.append(Problem("PC506", file, args={"value": version}, path=(VERSION_KEY,)))
    if actuals is not None:
        problems.extend(_negative_budgets(actuals, file))
    return actuals, problems


def _raw_version(data: Any) -> int | None:
    """The version as written, when the model could not be read (so that a wrong version
    is reported with the other problems)."""
    from pactcalc.model.values import read_integer

    try:
        return read_integer(data.get(VERSION_KEY)) if isinstance(data, dict) else None
    except (ValueError, TypeError, PydanticCustomError):
        return None


def _negative_budgets(actuals: Actuals, file: str) -> Iterator[Problem]:
    """PC507 for a booked budget below zero (at the cent): money available for the task is
    never negative (DOMAIN.md §2), in a realised year no more than in the plan."""
    for key, year in actuals.years.items():
        for name, value in year.amounts.budget.items():
            if finance.is_negative(np.asarray(value)):
                yield Problem(
                    "PC507",
                    file,
                    args={"line": name, "year": key, "value": Money(value)},
                    path=("years", key, "amounts", "budget", name),
                )


def _salvaged(data: Any, problems: list[Problem]) -> Actuals | None:
    """The actuals without each value that a problem is at (a booked amount that is text,
    say), so that the rules that need the plan find every other problem at once; None
    when what is left is no actuals file (a required key missing or wrong). The problems
    are errors: a salvaged file is never computed."""
    if any(not problem.path for problem in problems):
        return None
    pruned = _copied(data)
    for problem in problems:
        assert problem.path is not None
        *parents, last = problem.path
        node = pruned
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(last, None)
    try:
        return Actuals.model_validate(pruned)
    except ValidationError:
        return None


def _copied(data: Any) -> Any:
    """A copy of loaded data's mappings (values shared), to prune."""
    if isinstance(data, dict):
        return {key: _copied(value) for key, value in data.items()}
    return data


def cross_check_actuals(actuals: Actuals, plan: Scenario, file: str) -> Iterator[Problem]:
    """The rules that need the plan: known names, years in the horizon and in order."""
    horizon = plan.calendar_years
    order: list[tuple[int, str, str]] = []  # (status rank, key, status)
    for key, year in actuals.years.items():
        path: Path = ("years", key)
        number = _year_number(key)
        if number is None:
            yield Problem(
                "PC503",
                file,
                args={"year": key, "first": horizon[0], "last": horizon[-1]},
                path=path,
                at_key=True,
            )
            continue
        if number not in horizon:
            yield Problem(
                "PC503",
                file,
                args={"year": key, "first": horizon[0], "last": horizon[-1]},
                path=path,
                at_key=True,
            )
            continue
        order.append((STATUSES.index(year.status), key, year.status))
        yield from _names(year, plan, file, path)
    yield from _order(order, file)
    listed = sorted(int(key) for _rank, key, _status in order)
    if listed:
        for missing in range(listed[0], listed[-1] + 1):
            if missing not in listed:
                yield Problem("PC560", file, args={"year": missing}, path=("years",), at_key=True)


def _year_number(key: str) -> int | None:
    """A key that is a calendar year (digits only, 1900–2200), else None."""
    text = key.strip()
    if not text.isdigit() or len(text) != 4:
        return None
    number = int(text)
    return number if FIRST_YEAR <= number <= LAST_YEAR else None


def _order(order: list[tuple[int, str, str]], file: str) -> Iterator[Problem]:
    """Years run final…, provisional…, forecast…, in calendar order: a year out of that
    order is an error at its own key (PC504)."""
    by_year = sorted(order, key=lambda item: int(item[1]))
    highest = 0
    previous: tuple[str, str] | None = None
    for rank, key, status in by_year:
        if rank < highest and previous is not None:
            yield Problem(
                "PC504",
                file,
                args={
                    "year": key,
                    "status": status,
                    "earlier": previous[0],
                    "earlier_status": previous[1],
                },
                path=("years", key),
                at_key=True,
            )
            continue
        if rank >= highest:
            highest = rank
            previous = (key, status)


def _names(year: ActualYear, plan: Scenario, file: str, path: Path) -> Iterator[Problem]:
    """PC502 for each series, parameter, line or KPI name the plan does not have."""
    groups: list[tuple[str, Mapping[str, Any], list[str], Path]] = [
        ("series", year.series, list(plan.series), (*path, "series")),
        ("parameter", year.parameters, list(plan.parameters), (*path, "parameters")),
        ("kpi", year.kpis, list(plan.kpis), (*path, "kpis")),
    ]
    for kind in LINE_KINDS:
        booked = getattr(year.amounts, kind)
        names = [line.name for line in plan.lines(kind)]
        groups.append((kind, booked, names, (*path, "amounts", kind)))
    for what, given, known, where in groups:
        for name in given:
            if name not in known:
                yield Problem(
                    "PC502",
                    file,
                    args={
                        "what": i18n.Text(f"problem.actuals_{what}"),
                        "name": name,
                        "suggestion": suggestion(name, known),
                        "choices": ", ".join(known) if known else "—",
                    },
                    path=(*where, name),
                    at_key=True,
                )


#: A year's key in ``years:``: four digits (a calendar year of the plan's horizon).
YEAR_KEY_PATTERN = "^[0-9]{4}$"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the actuals format, for editors (``pactcalc schema --actuals``):
    the model's, with the version key that is read (``pactcalc-actuals: 1``) and the years
    as four-digit keys, as the validators accept them."""
    schema = Actuals.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pactcalc actuals"
    props = schema["properties"]
    props[VERSION_KEY] = {
        "description": props[VERSION_KEY].get("description", ""),
        "type": "integer",
        "const": 1,
    }
    years = props["years"]
    years["patternProperties"] = {YEAR_KEY_PATTERN: years.pop("additionalProperties")}
    years["additionalProperties"] = False
    return schema
