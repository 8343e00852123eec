"""The trails of the scenario's metrics: the totals of the lines of a kind, the headroom,
the savings, the npv, the ratios and the paybacks (with the year the cumulative net
crosses zero)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from pactcalc import metrics
from pactcalc.engine import Result
from pactcalc.explain.trail import (
    Crossing,
    CumulativeStep,
    DifferenceStep,
    DiscountStep,
    Headroom,
    NetPresentValue,
    NeverNegative,
    NotWithinHorizon,
    Payback,
    PaybackConclusion,
    Ratio,
    Savings,
    SumOfLines,
    SumStep,
    ValueTrail,
)
from pactcalc.lines import LineResult

Array = np.ndarray

_LINE_KIND_TOTALS = {
    "effort_total": ("effort", "effort_per_year"),
    "investment_total": ("investments", "investment_per_year"),
    "budget_total": ("budget", "budget_per_year"),
    "baseline_total": ("baseline", "baseline_per_year"),
    "benefits_total": ("benefits", "benefits_per_year"),
}
#: What the npv, the ratios and the paybacks are made from.
_RETURNS_FEEDS = ("savings_total", "benefits_total", "investment_total")


def _lines_of(result: Result, kind: str, paid_from: str | None = None) -> list[LineResult]:
    return [
        line
        for line in result.lines
        if line.kind == kind and (paid_from is None or line.paid_from == paid_from)
    ]


def metric_trail(result: Result, name: str) -> ValueTrail:
    years = tuple(result.years)
    common: dict[str, Any] = {
        "name": name,
        "subject": "metric",
        "value": float(np.asarray(result.metric(name))),
        "value_kind": metrics.get(name).kind,
        "years": years,
    }
    if name in _LINE_KIND_TOTALS:
        return _sum_of_lines_trail(result, name, common)
    if name in ("headroom_total", "headroom_min"):
        return _headroom_trail(result, name, common)
    if name == "savings_total":
        steps = zip(
            years,
            result.baseline_per_year,
            result.effort_per_year,
            result.savings_per_year,
            strict=True,
        )
        return ValueTrail(
            **common,
            formula=Savings(),
            steps=tuple(DifferenceStep(y, float(a), float(b), float(d)) for y, a, b, d in steps),
            feeds=("baseline_total", "effort_total"),
        )
    if name == "npv":
        return _npv_trail(result, common)
    if name in ("roi", "bcr"):
        numerator_name = "npv" if name == "roi" else "pv_returns"
        numerator = result.npv if name == "roi" else result.pv_returns
        common["value"] = float(np.asarray(getattr(result, name)))
        formula = Ratio(name, numerator_name, float(numerator), float(result.pv_investment))
        return ValueTrail(**common, formula=formula, feeds=("npv", "investment_total"))
    if name == "mkba_ratio":  # PV(baseline + benefits) / PV(effort + investment)
        formula = Ratio(
            name,
            "pv_gross_benefits",
            float(result.pv_gross_benefits),
            float(result.pv_costs),
            denominator_name="pv_costs",
        )
        feeds = ("baseline_total", "benefits_total", "effort_total", "investment_total")
        return ValueTrail(**common, formula=formula, feeds=feeds)
    return _payback_trail(result, name, common)


def _sum_of_lines_trail(result: Result, name: str, common: dict[str, Any]) -> ValueTrail:
    line_kind, total_attribute = _LINE_KIND_TOTALS[name]
    lines = _lines_of(result, line_kind)
    totals = getattr(result, total_attribute)
    steps = tuple(
        SumStep(year, tuple(float(line.eur_per_year[t]) for line in lines), float(totals[t]))
        for t, year in enumerate(result.years)
    )
    return ValueTrail(
        **common,
        formula=SumOfLines(name, line_kind),
        steps=steps,
        feeds=tuple(line.name for line in lines),
    )


def _headroom_trail(result: Result, name: str, common: dict[str, Any]) -> ValueTrail:
    funded = _lines_of(result, "effort", "budget") + _lines_of(result, "investments", "budget")
    rows = zip(
        result.years,
        result.budget_per_year,
        result.budget_funded_per_year,
        result.headroom_per_year,
        strict=True,
    )
    return ValueTrail(
        **common,
        formula=Headroom(name, "sum" if name == "headroom_total" else "min"),
        steps=tuple(DifferenceStep(y, float(a), float(b), float(d)) for y, a, b, d in rows),
        feeds=("budget_total", *(line.name for line in funded)),
    )


def _npv_trail(result: Result, common: dict[str, Any]) -> ValueTrail:
    rows = zip(
        result.years,
        result.savings_per_year,
        result.benefits_per_year,
        result.investment_per_year,
        result.discount_factor_per_year,
        result.discounted_net_per_year,
        strict=True,
    )
    steps = tuple(DiscountStep(year, *(float(v) for v in values)) for year, *values in rows)
    formula = NetPresentValue(float(result.discount_rate), int(result.years[0]))
    return ValueTrail(**common, formula=formula, steps=steps, feeds=_RETURNS_FEEDS)


def _payback_trail(result: Result, name: str, common: dict[str, Any]) -> ValueTrail:
    discounted = name == "discounted_payback_years"
    if discounted:
        start = result.discounted_cumulative_start_per_year
        end = result.discounted_cumulative_per_year
        returns = result.returns_per_year * result.discount_factor_per_year
    else:
        start = result.cumulative_start_per_year
        end = result.cumulative_per_year
        returns = result.returns_per_year
    value = float(np.asarray(getattr(result, name)))
    common["value"] = value
    steps = tuple(
        CumulativeStep(year, float(start[t]), float(returns[t]), float(end[t]))
        for t, year in enumerate(result.years)
    )
    conclusion: PaybackConclusion
    if math.isnan(value):
        conclusion = NotWithinHorizon()
    elif value == 0:
        conclusion = NeverNegative()
    else:
        k = int(value)
        conclusion = Crossing(result.years[k], k, float(-start[k]), float(returns[k]), value)
    return ValueTrail(
        **common,
        formula=Payback(discounted),
        steps=steps,
        conclusion=conclusion,
        feeds=_RETURNS_FEEDS,
    )


# --- a partner's net and the agreement -----------------------------------------------------
