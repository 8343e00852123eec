"""The rules of the format that need the whole scenario (DOMAIN.md §3), by topic.

pydantic checks each value on its own; these check values against each other: the
limits of the horizon and the simulation, the names of parameters and series, the
inputs (ranges, distributions, adjustments that name a parameter, series lengths), the
partners, and the lines (unique names, declared partners, known names in expressions,
years within the horizon). :func:`cross_check` runs them all on a valid scenario;
:func:`cross_check_raw` runs those that still help on data pydantic refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from pactcalc import expressions, i18n
from pactcalc.loader import Plain
from pactcalc.model.agreement import cross_check_agreement
from pactcalc.model.checks import parse_check, valid_names
from pactcalc.model.scenario import (
    ADJUSTMENTS,
    LINE_KINDS,
    InvestmentLine,
    Scenario,
)
from pactcalc.model.values import RESERVED_NAMES, percentage_args, unknown_names, written
from pactcalc.problems import PathRef, Percent, Problem, suggestion

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PARTNER_ID = re.compile(r"[A-Za-z0-9_-]+\Z")

Path = tuple[str | int, ...]


def cross_check(scenario: Scenario, file: str) -> Iterator[Problem]:
    """Every cross-check of a validated scenario, topic by topic."""
    yield from _limits(scenario, file)
    yield from _input_names(scenario, file)
    yield from _inputs(scenario, file)
    yield from _partners(scenario, file)
    yield from _lines(scenario, file)
    yield from cross_check_agreement(scenario, file)


# --- limits -------------------------------------------------------------------------------------


def _limits(s: Scenario, file: str) -> Iterator[Problem]:
    """The format version, the horizon, the simulation, the discount rate and
    indexation (a fraction: 1 or more is a percentage written as a number), weeks per
    year."""
    if s.pactcalc != 1:
        yield Problem("PC118", file, args={"value": s.pactcalc}, path=("pactcalc",))
    limits: tuple[tuple[Path, int, int, int, str], ...] = (  # (path, value, lowest, highest, rule)
        (("years",), s.years, 1, 100, "problem.rule_years"),
        (("simulation", "samples"), s.simulation.samples, 1, 1_000_000, "problem.rule_samples"),
        (("simulation", "seed"), s.simulation.seed, 0, 2**63 - 1, "problem.rule_seed"),
    )
    for where, value, lowest, highest, rule in limits:
        if not lowest <= value <= highest:
            yield Problem(
                "PC113",
                file,
                args={"name": where[-1], "rule": i18n.Text(rule), "value": value},
                path=where,
            )
    rate = s.discount_rate.value
    if rate <= -1:
        yield Problem("PC132", file, args={"value": Percent(rate)}, path=("discount_rate",))
    elif rate >= 1:  # 2.25 meant as 2.25 %: computing at 225 % would pass `npv > 0`
        args = percentage_args(rate, written(rate), "problem.what_discount_rate")
        yield Problem("PC307", file, args=args, path=("discount_rate",))
    elif not 0 <= rate <= 0.10:
        yield Problem("PC301", file, args={"value": Percent(rate)}, path=("discount_rate",))
    if s.indexation <= -1:  # (1 + indexation) ** t is then 0 or not a number
        yield Problem(
            "PC113",
            file,
            args={
                "name": "indexation",
                "rule": i18n.Text("problem.rule_above_minus_one"),
                "value": written(s.indexation),
            },
            path=("indexation",),
        )
    elif s.indexation >= 1:
        args = percentage_args(s.indexation, written(s.indexation), "problem.what_indexation")
        yield Problem("PC307", file, args=args, path=("indexation",))
    if s.weeks_per_year <= 0:
        yield Problem(
            "PC113",
            file,
            args={
                "name": "weeks_per_year",
                "rule": i18n.Text("problem.rule_positive"),
                "value": s.weeks_per_year,
            },
            path=("weeks_per_year",),
        )


# --- names of parameters and series -------------------------------------------------------------


def _input_names(s: Scenario, file: str) -> Iterator[Problem]:
    """Names an expression can use: not reserved, identifiers, unique across both kinds."""
    seen: dict[str, Path] = {}
    for kind in ("parameters", "series"):
        for name in getattr(s, kind):
            path: Path = (kind, name)
            if name in RESERVED_NAMES:
                yield Problem("PC117", file, args={"name": name}, path=path, at_key=True)
            elif not _IDENTIFIER.match(name):
                yield Problem(
                    "PC115",
                    file,
                    args={"name": name, "rule": i18n.Text("problem.rule_identifier")},
                    path=path,
                    at_key=True,
                )
            if name in seen:
                yield Problem(
                    "PC116",
                    file,
                    args={
                        "name": name,
                        "first_line": PathRef(seen[name], key=True),
                        "what": i18n.Text("problem.unique_input_names"),
                    },
                    path=path,
                    at_key=True,
                )
            seen[name] = path


# --- parameters and series ----------------------------------------------------------------------


def _inputs(s: Scenario, file: str) -> Iterator[Problem]:
    """Ranges in order, a distribution only with a range, adjustments that name a
    parameter, and a series value for every year."""
    for name, parameter in s.parameters.items():
        low, value, high = parameter.low, parameter.value, parameter.high
        if (low is None) != (high is None):
            yield Problem(
                "PC119",
                file,
                args={"rule": i18n.Text("problem.range_both")},
                path=("parameters", name),
            )
        elif low is not None and high is not None and not low <= value <= high:
            shown = {"low": f"{low:g}", "value": f"{value:g}", "high": f"{high:g}"}
            yield Problem(
                "PC119",
                file,
                args={"rule": i18n.Text("problem.range_order", shown)},
                path=("parameters", name),
            )
    for name, parameter in s.parameters.items():
        if parameter.distribution is not None and parameter.low is None:
            yield Problem("PC138", file, path=("parameters", name, "distribution"), at_key=True)
    yield from _fractions(s, file)
    first, last = s.start_year, s.start_year + s.years - 1
    for name, series in s.series.items():
        if isinstance(series.values, list) and len(series.values) != s.years:
            yield Problem(
                "PC120",
                file,
                args={"got": len(series.values), "years": s.years, "first": first, "last": last},
                path=("series", name),
            )


def _fractions(s: Scenario, file: str) -> Iterator[Problem]:
    """Adjustments that name a parameter: it must exist, and its value and range must lie
    in [0, 1]."""
    places: list[tuple[Path, Any]] = []
    defaults = s.adjustments.optimism_bias
    for kind in ("investments", "effort", "benefits"):
        places.append((("adjustments", "optimism_bias", kind), getattr(defaults, kind)))
    for kind, names in ADJUSTMENTS.items():
        for index, line in enumerate(s.lines(kind)):
            for name in names:
                places.append(((kind, index, name), getattr(line, name)))
    as_percentage: set[str] = set()  # parameters already reported as a percentage (PC307)
    for path, value in places:
        if not isinstance(value, str) or value in as_percentage:
            continue
        if value not in s.parameters:
            yield Problem(
                "PC139",
                file,
                args={"name": value, "suggestion": suggestion(value, sorted(s.parameters))},
                path=path,
            )
            continue
        parameter = s.parameters[value]
        if parameter.value >= 1:  # a percentage: the parameter's own value is the place
            text = written(parameter.value)
            args = percentage_args(parameter.value, text, "problem.what_adjustment")
            yield Problem("PC307", file, args=args, path=("parameters", value))
            as_percentage.add(value)
            continue
        for number in (parameter.value, parameter.low, parameter.high):
            if number is not None and not 0 <= number <= 1:
                yield Problem("PC136", file, args={"value": f"{value} = {number:g}"}, path=path)
                break


# --- partners -----------------------------------------------------------------------------------


def _partners(s: Scenario, file: str) -> Iterator[Problem]:
    """Partner ids: letters, digits, - and _; unique."""
    first_index: dict[str, int] = {}
    for index, partner in enumerate(s.partners):
        path: Path = ("partners", index, "id")
        if not _PARTNER_ID.match(partner.id):
            yield Problem(
                "PC115",
                file,
                args={"name": partner.id, "rule": i18n.Text("problem.rule_partner_id")},
                path=path,
            )
        if partner.id in first_index:
            yield Problem(
                "PC116",
                file,
                args={
                    "name": partner.id,
                    "first_line": PathRef(("partners", first_index[partner.id], "id")),
                    "what": i18n.Text("problem.unique_partner_ids"),
                },
                path=path,
            )
        first_index.setdefault(partner.id, index)


# --- lines --------------------------------------------------------------------------------------


def _lines(s: Scenario, file: str) -> Iterator[Problem]:
    """Each line: a unique name within its kind, a declared partner, known names in its
    expression, and years that lie within the horizon."""
    ids = {partner.id: partner.name for partner in s.partners}
    names = set(s.parameters) | set(s.series) | RESERVED_NAMES
    for kind in LINE_KINDS:
        first_index: dict[str, int] = {}
        for index, line in enumerate(s.lines(kind)):
            base: Path = (kind, index)
            if line.name in first_index:
                yield Problem(
                    "PC116",
                    file,
                    args={
                        "name": line.name,
                        "first_line": PathRef((kind, first_index[line.name], "name")),
                        "what": i18n.Text("problem.unique_line_names"),
                    },
                    path=(*base, "name"),
                )
            first_index.setdefault(line.name, index)
            if line.partner not in ids:
                yield _undeclared(file, line.partner, ids, (*base, "partner"))
            if isinstance(line.amount, expressions.Expression):
                yield from unknown_names(file, line.amount, names, (*base, "amount"))
            yield from _line_years(s, file, line, base)


def _line_years(s: Scenario, file: str, line: Any, base: Path) -> Iterator[Problem]:
    """An investment's year within the horizon; a running line's ``from`` not after its
    ``until``, and at least one year of it within the horizon."""
    first, last = s.start_year, s.start_year + s.years - 1
    if isinstance(line, InvestmentLine):
        year = line.year if line.year is not None else s.start_year
        if not first <= year <= last:
            yield Problem(
                "PC127",
                file,
                args={"year": year, "first": first, "last": last},
                path=(*base, "year"),
            )
        return
    start = line.start if line.start is not None else first
    end = line.until if line.until is not None else last
    if line.start is not None and line.until is not None and line.start > line.until:
        yield Problem(
            "PC126", file, args={"start": line.start, "end": line.until}, path=(*base, "from")
        )
    elif start > last or end < first:
        yield Problem(
            "PC302", file, args={"line": line.name, "first": first, "last": last}, path=base
        )


def _undeclared(file: str, partner: str, ids: Mapping[str, str], path: Path) -> Problem:
    """PC121, with the id to use when ``partner`` is a partner's name, else the ids."""
    return Problem(
        "PC121",
        file,
        args={"partner": partner, "suggestion": valid_names(partner, sorted(ids), ids)},
        path=path,
    )


# --- on data pydantic refused -------------------------------------------------------------------


def cross_check_raw(data: Any, file: str) -> Iterator[Problem]:
    """Cross-checks that help even when pydantic rejected the file: series lengths, checks,
    partner ids and the names used in expressions, read from the raw data where it is
    well-formed enough."""
    if not isinstance(data, dict):
        return
    yield from _raw_series_lengths(data, file)
    yield from _raw_checks(data, file)
    yield from _raw_lines(data, file)


def _raw_checks(data: dict[str, Any], file: str) -> Iterator[Problem]:
    if not isinstance(data.get("checks"), list):
        return
    for index, text in enumerate(data["checks"]):
        if isinstance(text, str):
            parsed = parse_check(str(text))
            if isinstance(parsed, Problem):
                yield Problem(
                    parsed.code,
                    file,
                    args=parsed.args,
                    path=("checks", index),
                    offset=parsed.offset,
                )


def _raw_lines(data: dict[str, Any], file: str) -> Iterator[Problem]:
    """Undeclared partners and unknown names in expressions, on lines that are mappings."""
    partner_ids = {
        str(p.get("id")): str(p.get("name"))
        for p in data.get("partners") or []
        if isinstance(p, dict)
    }
    names = set(RESERVED_NAMES)
    for key in ("parameters", "series"):
        if isinstance(data.get(key), dict):
            names.update(str(k) for k in data[key])
    for kind in LINE_KINDS:
        lines = data.get(kind)
        if not isinstance(lines, list):
            continue
        for index, line in enumerate(lines):
            if not isinstance(line, dict):
                continue
            partner = line.get("partner")
            if isinstance(partner, str) and partner_ids and str(partner) not in partner_ids:
                yield _undeclared(file, str(partner), partner_ids, (kind, index, "partner"))
            expression = _raw_expression(line.get("amount"))
            if expression is not None:
                yield from unknown_names(file, expression, names, (kind, index, "amount"))


def _raw_expression(amount: Any) -> expressions.Expression | None:
    """The expression of a raw amount; None for a number, or one pydantic reported."""
    if not isinstance(amount, str) or (isinstance(amount, Plain) and amount.value is not None):
        return None
    try:
        return expressions.parse(str(amount))
    except expressions.ExpressionError:
        return None  # pydantic reported it


def _raw_series_lengths(data: dict[str, Any], file: str) -> Iterator[Problem]:
    years = data.get("years")
    if not (
        isinstance(years, Plain)
        and isinstance(years.value, int)
        and isinstance(data.get("series"), dict)
    ):
        return
    for name, series in data["series"].items():
        values = series.get("values") if isinstance(series, dict) else series
        if isinstance(values, list) and len(values) != years.value:
            start = data.get("start_year")
            first = (
                start.value if isinstance(start, Plain) and isinstance(start.value, int) else "?"
            )
            last = first + years.value - 1 if isinstance(first, int) else "?"
            yield Problem(
                "PC120",
                file,
                args={"got": len(values), "years": years.value, "first": first, "last": last},
                path=("series", name),
            )
