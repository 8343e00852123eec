"""The audit trail of one number: how a metric or a line is made, down to its inputs.

``pactcalc explain FILE npv`` shows the formula, then year by year the formula with the
values put in and the result, then what feeds it (lines, other metrics) and the
parameters and series it rests on, with their sources. Every value shown is read from the
engine's Result or the scenario; nothing is computed here (the trail *shows* the
arithmetic the engine did).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pactcalc.engine import LineResult, Result
from pactcalc.expressions import Expression
from pactcalc.i18n import label_from, money, number, percent, years_text
from pactcalc.model import LINE_KINDS, METRICS

_LABELS: dict[str, tuple[str, str]] = {
    "undiscounted": ("startjaar niet verdisconteerd", "start year undiscounted"),
    "sum_of": ("som van de regels onder '{kind}'", "sum of the lines under '{kind}'"),
    "not_running": ("loopt niet in dit jaar", "does not run this year"),
    "index": ("indexatie", "indexation"),
    "none_lines": ("geen regels", "no lines"),
    "value": ("waarde", "value"),
    "unit": ("eenheid", "unit"),
    "source": ("bron", "source"),
    "no_source": ("geen bron (aanname)", "no source (assumption)"),
    "crossing": (
        "eerste jaar met S < 0 ≤ E: {year}; terugverdientijd = {k} + {s} / {r} = {value}",
        "first year with S < 0 ≤ E: {year}; payback = {k} + {s} / {r} = {value}",
    ),
    "never_negative": (
        "het cumulatieve saldo is nooit negatief: terugverdientijd 0",
        "the cumulative net is never negative: payback 0",
    ),
    "no_crossing": (
        "het cumulatieve saldo komt niet terug op nul: {text}",
        "the cumulative net does not return to zero: {text}",
    ),
}


def _t(key: str, lang: str, **args: object) -> str:
    return label_from(_LABELS, key, lang, **args)


@dataclass(frozen=True)
class InputRef:
    """A parameter or series a trail rests on."""

    name: str
    kind: str  # 'parameter' | 'series' | 'constant'
    value: str
    unit: str | None
    source: str | None


@dataclass(frozen=True)
class Step:
    """One year of a trail: the formula with the values put in, and the result."""

    year: int
    formula: str
    value: str


@dataclass
class Trail:
    """How one number is made."""

    name: str
    kind: str  # 'metric' | 'line'
    definition: str
    value: str
    steps: list[Step] = field(default_factory=list)
    conclusion: str | None = None
    feeds: list[str] = field(default_factory=list)  # names of lines and metrics it uses
    inputs: list[InputRef] = field(default_factory=list)


def names(result: Result) -> list[str]:
    """Every name ``explain`` accepts: the metrics, then the lines."""
    return [*METRICS, *(line.name for line in result.lines)]


def explain(result: Result, name: str, lang: str = "nl") -> Trail | None:
    """The trail of metric or line ``name``; None when there is no such name."""
    if name in METRICS:
        return _metric(result, name, lang)
    line = next((line for line in result.lines if line.name == name), None)
    if line is None:
        return None
    return _line(result, line, lang)


def _m(value: float, lang: str) -> str:
    return money(float(value), lang)


def _n(value: float, lang: str) -> str:
    """A plain input number: whole numbers without decimals, others with up to four."""
    value = float(value)
    if value == int(value):
        return number(value, lang, 0)
    decimals = 2 if abs(value) >= 1 else 4
    text = number(value, lang, decimals)
    return text.rstrip("0").rstrip(",.") if abs(value) < 1 else text  # 0,2 not 0,2000


def _lines(result: Result, kind: str, paid_from: str | None = None) -> list[LineResult]:
    return [
        line
        for line in result.lines
        if line.kind == kind and (paid_from is None or line.paid_from == paid_from)
    ]


def _sum_steps(result: Result, lines: list[LineResult], total: np.ndarray, lang: str) -> list[Step]:
    steps = []
    for t, year in enumerate(result.years):
        parts = [_m(line.eur_per_year[t], lang) for line in lines] or ["0"]
        steps.append(Step(year, " + ".join(parts), _m(total[t], lang)))
    return steps


def _metric(result: Result, name: str, lang: str) -> Trail:
    value = float(np.asarray(result.metric(name)))
    text = _m(value, lang)
    kind_of = {  # metric: (line kind, the per-year total on the Result)
        "effort_total": ("effort", result.effort_per_year),
        "investment_total": ("investments", result.investment_per_year),
        "budget_total": ("budget", result.budget_per_year),
        "baseline_total": ("baseline", result.baseline_per_year),
        "benefits_total": ("benefits", result.benefits_per_year),
    }
    if name in kind_of:
        kind, total = kind_of[name]
        lines = _lines(result, kind)
        return Trail(
            name,
            "metric",
            f"{name} = Σ {kind}[y]; {kind}[y] = " + _t("sum_of", lang, kind=kind),
            text,
            _sum_steps(result, lines, total, lang),
            feeds=[line.name for line in lines],
        )
    if name.startswith("headroom"):
        funded = _lines(result, "effort", "budget") + _lines(result, "investments", "budget")
        steps = [
            Step(
                year,
                f"{_m(result.budget_per_year[t], lang)} − "
                f"{_m(result.budget_funded_per_year[t], lang)}",
                _m(result.headroom_per_year[t], lang),
            )
            for t, year in enumerate(result.years)
        ]
        definition = {
            "headroom_total": "headroom_total = Σ headroom[y]",
            "headroom_min": "headroom_min = min headroom[y]",
        }[name]
        definition += "; headroom[y] = budget[y] − Σ (effort + investments paid_from budget)[y]"
        return Trail(
            name,
            "metric",
            definition,
            text,
            steps,
            feeds=["budget_total", *(line.name for line in funded)],
        )
    if name == "savings_total":
        steps = [
            Step(
                year,
                f"{_m(result.baseline_per_year[t], lang)} − {_m(result.effort_per_year[t], lang)}",
                _m(result.savings_per_year[t], lang),
            )
            for t, year in enumerate(result.years)
        ]
        return Trail(
            name,
            "metric",
            "savings[y] = baseline[y] − effort[y]",
            text,
            steps,
            feeds=["baseline_total", "effort_total"],
        )
    if name == "npv":
        steps = [
            Step(
                year,
                f"({_m(result.savings_per_year[t], lang)} + "
                f"{_m(result.benefits_per_year[t], lang)} − "
                f"{_m(result.investment_per_year[t], lang)}) × "
                f"{_n(result.discount_factor_per_year[t], lang)}",
                _m(result.discounted_net_per_year[t], lang),
            )
            for t, year in enumerate(result.years)
        ]
        definition = (
            f"npv = Σ net[y] · df[y]; net = savings + benefits − investment; "
            f"df[y] = 1 / (1 + {percent(result.discount_rate, lang)}) ** (y − "
            f"{result.years[0]}) ({_t('undiscounted', lang)})"
        )
        return Trail(
            name,
            "metric",
            definition,
            text,
            steps,
            feeds=["savings_total", "benefits_total", "investment_total"],
        )
    if name in ("roi", "bcr"):
        numerator = result.npv if name == "roi" else result.pv_returns
        label = "npv" if name == "roi" else "pv_returns"
        ratio = float(np.asarray(getattr(result, name)))
        shown = number(ratio, lang, 2) if not math.isnan(ratio) else "—"
        definition = (
            f"{name} = {label} / pv_investment = {_m(float(numerator), lang)} / "
            f"{_m(float(result.pv_investment), lang)}"
        )
        return Trail(name, "metric", definition, shown, feeds=["npv", "investment_total"])
    return _payback(result, name, lang)


def _payback(result: Result, name: str, lang: str) -> Trail:
    discounted = name == "discounted_payback_years"
    start = (
        result.discounted_cumulative_start_per_year
        if discounted
        else result.cumulative_start_per_year
    )
    end = result.discounted_cumulative_per_year if discounted else result.cumulative_per_year
    returns = result.returns_per_year * (result.discount_factor_per_year if discounted else 1.0)
    value = float(np.asarray(getattr(result, name)))
    shown = years_text(value, lang, len(result.years), 2)
    steps = [
        Step(
            year, f"S = {_m(start[t], lang)}, r = {_m(returns[t], lang)}", f"E = {_m(end[t], lang)}"
        )
        for t, year in enumerate(result.years)
    ]
    if math.isnan(value):
        conclusion = _t("no_crossing", lang, text=shown)
    elif value == 0:
        conclusion = _t("never_negative", lang)
    else:
        k = int(value)
        conclusion = _t(
            "crossing",
            lang,
            year=result.years[k],
            k=k,
            s=_m(-start[k], lang),
            r=_m(returns[k], lang),
            value=number(value, lang, 2),
        )
    definition = (
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] at "
        "its end; investments are lumps at the start of their year, returns r = savings + "
        "benefits are spread evenly" + (" (all discounted)" if discounted else "")
    )
    return Trail(
        name,
        "metric",
        definition,
        shown,
        steps,
        conclusion,
        feeds=["savings_total", "benefits_total", "investment_total"],
    )


def _line(result: Result, line: LineResult, lang: str) -> Trail:
    scenario = result.scenario
    spec = scenario.lines(line.kind)[line.index]
    amount = spec.amount
    inputs: list[InputRef] = []
    used: list[str] = []
    if isinstance(amount, Expression):
        for used_name, _offset in amount.names:
            if used_name not in used:
                used.append(used_name)
    for used_name in used:
        if used_name in scenario.parameters:
            p = scenario.parameters[used_name]
            inputs.append(InputRef(used_name, "parameter", _n(p.value, lang), p.unit, p.source))
        elif used_name in scenario.series:
            s = scenario.series[used_name]
            values = s.values if isinstance(s.values, list) else [s.values]
            inputs.append(
                InputRef(
                    used_name, "series", ", ".join(_n(v, lang) for v in values), s.unit, s.source
                )
            )
        elif used_name == "weeks_per_year":
            given = "weeks_per_year" in scenario.model_fields_set
            inputs.append(
                InputRef(
                    used_name,
                    "constant",
                    _n(scenario.weeks_per_year, lang),
                    None,
                    "weeks_per_year" + ("" if given else " (default)"),
                )
            )
    adjustments = _adjustments_put_in(result, line, spec, inputs, lang)
    steps = []
    indexed = scenario.indexation != 0
    for t, year in enumerate(result.years):
        if not line.running[t]:
            steps.append(Step(year, _t("not_running", lang), _m(0.0, lang)))
            continue
        formula = _substitute(amount, scenario, t, lang)
        if indexed:
            formula = (
                f"({formula}) × {_n(result.index_factor_per_year[t], lang)} ({_t('index', lang)})"
            )
        if adjustments:
            first_year = getattr(spec, "start", None) or result.years[0]
            formula = (
                f"({formula}){_adjustment_text(adjustments, line.kind, first_year, year, lang)}"
            )
        steps.append(Step(year, formula, _m(line.eur_per_year[t], lang)))
    definition = f"{line.kind}: {line.name} ({line.partner}) = {amount}"
    if adjustments:
        definition += "; " + ", ".join(f"{name} = {value}" for name, value in adjustments.items())
    return Trail(line.name, "line", definition, _m(float(line.total), lang), steps, inputs=inputs)


def _adjustment_text(
    adjustments: dict[str, float | str], kind: str, first_year: int, year: int, lang: str
) -> str:
    """The adjustments of DOMAIN.md §6 as factors with their values put in; drop-off
    counts the years since the line's first year."""
    parts = []
    for name, value in adjustments.items():
        shown = _n(value, lang) if isinstance(value, float | int) else value
        if kind in ("effort", "investments"):
            parts.append(f" × (1 + {shown})")
        elif name == "drop_off":
            parts.append(f" × (1 − {shown})^{max(year - first_year, 0)}")
        else:
            parts.append(f" × (1 − {shown})")
    return "".join(parts)


def _adjustments_put_in(
    result: Result, line: LineResult, spec: Any, inputs: list[InputRef], lang: str
) -> dict[str, float | str]:
    """The line's adjustments with parameter names replaced by their values (and those
    parameters added to the inputs, with their sources)."""
    from pactcalc.engine import adjustment_values

    scenario = result.scenario
    values: dict[str, float | str] = {}
    for name, value in adjustment_values(scenario, line.kind, spec).items():
        if isinstance(value, str):
            parameter = scenario.parameters[value]
            if all(i.name != value for i in inputs):
                inputs.append(
                    InputRef(
                        value,
                        "parameter",
                        _n(parameter.value, lang),
                        parameter.unit,
                        parameter.source,
                    )
                )
            values[name] = float(parameter.value)
        else:
            values[name] = float(value)
    return values


def _substitute(amount: object, scenario: object, t: int, lang: str) -> str:
    """The expression with every name replaced by its value in year index ``t``."""
    if not isinstance(amount, Expression):
        return _n(float(amount), lang)  # type: ignore[arg-type]
    text = amount.text
    out, last = [], 0
    for used_name, offset in sorted(amount.names, key=lambda n: n[1]):
        out.append(text[last:offset])
        out.append(_value_of(used_name, scenario, t, lang))
        last = offset + len(used_name)
    out.append(text[last:])
    return "".join(out).replace("*", "×")


def _value_of(name: str, scenario: object, t: int, lang: str) -> str:
    from pactcalc.model import Scenario

    assert isinstance(scenario, Scenario)
    if name in scenario.parameters:
        return _n(scenario.parameters[name].value, lang)
    if name in scenario.series:
        values = scenario.series[name].values
        value = values[t] if isinstance(values, list) else values
        return _n(value, lang)
    return _n(scenario.weeks_per_year, lang)


__all__ = ["LINE_KINDS", "InputRef", "Step", "Trail", "explain", "names"]
