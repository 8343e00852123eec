"""The audit trail of one number, as values: how a metric or a line is made.

:func:`trace` selects from the engine's :class:`~pactcalc.engine.Result` and the scenario
what a reader needs to follow a figure down to its inputs: the formula (a kind and its
operands), year by year the numbers that go into it and its result, what feeds it (lines,
other metrics) and the parameters and series it rests on, with their sources. Nothing is
computed here beyond picking values (the trail *shows* the arithmetic the engine did), and
nothing is worded: :mod:`pactcalc.report.trails` words a :class:`ValueTrail` in Dutch or
English, with the numbers formatted for the reader.

``pactcalc explain FILE npv`` prints such a worded trail; the reports list one per headline
figure and per line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from pactcalc import metrics
from pactcalc.agreement import RuleResult, Transfer
from pactcalc.engine import LineResult, PartnerResult, Result, adjustment_values
from pactcalc.expressions import Expression
from pactcalc.model import Scenario

Array = np.ndarray

# --- what a trail rests on -----------------------------------------------------------------


@dataclass(frozen=True)
class SourcedInput:
    """A parameter, series or constant a line's amount uses, with its unit and source.

    ``values``: one number for a parameter or constant, one per year for a series given
    per year. ``default``: the constant (``weeks_per_year``) is not set in the scenario.
    """

    name: str
    kind: Literal["parameter", "series", "constant"]
    values: tuple[float, ...]
    unit: str | None
    source: str | None
    default: bool = False


@dataclass(frozen=True)
class AppliedAdjustment:
    """An adjustment of DOMAIN.md §6 on a line, with its value (a parameter's value put
    in). ``effect``: ``raise`` a cost ``× (1 + value)``; ``reduce`` a benefit
    ``× (1 − value)``; ``decline`` a benefit ``× (1 − value) ** years since its first year``
    (drop-off)."""

    name: str
    value: float
    effect: Literal["raise", "reduce", "decline"]


# --- formulas: a kind and its operands -----------------------------------------------------


@dataclass(frozen=True)
class SumOfLines:
    """``metric = Σ line_kind[y]``: the total of the lines of one kind."""

    metric: str
    line_kind: str
    kind: Literal["sum_of_lines"] = "sum_of_lines"


@dataclass(frozen=True)
class Headroom:
    """``headroom[y] = budget[y] − Σ (effort + investments paid from the budget)[y]``,
    summed over the years (``aggregate`` ``sum``) or their lowest (``min``)."""

    metric: str
    aggregate: Literal["sum", "min"]
    kind: Literal["headroom"] = "headroom"


@dataclass(frozen=True)
class Savings:
    """``savings[y] = baseline[y] − effort[y]``."""

    kind: Literal["savings"] = "savings"


@dataclass(frozen=True)
class NetPresentValue:
    """``npv = Σ net[y] · df[y]`` with ``df[y] = 1 / (1 + discount_rate) ** (y −
    first_year)``; ``net = savings + benefits − investment``."""

    discount_rate: float
    first_year: int
    kind: Literal["npv"] = "npv"


@dataclass(frozen=True)
class Ratio:
    """``metric = numerator_name / denominator_name`` (roi: the npv, bcr: the present value
    of the returns, over pv_investment; mkba_ratio: pv_gross_benefits / pv_costs), with
    both values."""

    metric: str
    numerator_name: str
    numerator: float
    denominator: float
    kind: Literal["ratio"] = "ratio"
    denominator_name: str = "pv_investment"


@dataclass(frozen=True)
class Payback:
    """The payback moment of DOMAIN.md §3: the first year whose cumulative net crosses
    zero, interpolated within it; ``discounted``: on discounted flows."""

    discounted: bool
    kind: Literal["payback"] = "payback"


@dataclass(frozen=True)
class LineAmount:
    """A line's amount as written in the scenario, then its adjustments.

    ``amount``: the text as written (or the number); ``constant``: the number when the
    amount is one, else None. For an expression, ``pieces`` are its text between the
    names, in order (one more than ``names``), so that each year's values can be put in
    where the names stand.
    """

    line_kind: str
    line: str
    partner: str
    amount: str
    constant: float | None
    pieces: tuple[str, ...]
    names: tuple[str, ...]
    adjustments: tuple[AppliedAdjustment, ...]
    kind: Literal["line"] = "line"


@dataclass(frozen=True)
class PartnerNet:
    """``net[y] = baseline[y] + benefits[y] − pays[y]`` of one partner (``net_total[P]``):
    what it stops paying plus what it gains, minus what it pays."""

    partner: str
    partner_name: str
    kind: Literal["partner_net"] = "partner_net"


@dataclass(frozen=True)
class TransferPart:
    """One transfer of a rule as a partner sees it: ``received`` (the partner is the
    receiver) or paid (the payer), with the other partner's name."""

    rule: str
    other: str
    received: bool


@dataclass(frozen=True)
class PartnerSettlement:
    """``settlement[y] = Σ received − Σ paid`` over the agreement's transfers of one
    partner (``settlement_total[P]``), the transfers in ``parts``' order."""

    partner: str
    partner_name: str
    parts: tuple[TransferPart, ...]
    kind: Literal["partner_settlement"] = "partner_settlement"


@dataclass(frozen=True)
class SettledNet:
    """``net_settled[y] = net[y] + settlement[y]`` of one partner (``net_settled_total[P]``)."""

    partner: str
    partner_name: str
    kind: Literal["settled_net"] = "settled_net"


Formula = (
    SumOfLines
    | Headroom
    | Savings
    | NetPresentValue
    | Ratio
    | Payback
    | LineAmount
    | PartnerNet
    | PartnerSettlement
    | SettledNet
)

# --- steps: one year of a formula with its numbers -----------------------------------------


@dataclass(frozen=True)
class SumStep:
    """One year of a sum of lines: each line's euros and the total."""

    year: int
    parts: tuple[float, ...]
    total: float


@dataclass(frozen=True)
class DifferenceStep:
    """One year of ``minuend − subtrahend = difference`` (headroom, savings)."""

    year: int
    minuend: float
    subtrahend: float
    difference: float


@dataclass(frozen=True)
class DiscountStep:
    """One year of the npv: ``(savings + benefits − investment) × discount_factor``."""

    year: int
    savings: float
    benefits: float
    investment: float
    discount_factor: float
    discounted_net: float


@dataclass(frozen=True)
class CumulativeStep:
    """One year of a payback: the cumulative net at its start (after the year's
    investment), the year's returns, and the cumulative net at its end."""

    year: int
    start: float
    returns: float
    end: float


@dataclass(frozen=True)
class LineStep:
    """One year of a line: the values of the amount's names (in the order of
    :attr:`LineAmount.names`), the index factor (None: no indexation), the years since the
    line's first year (for drop-off), and the euros. ``running`` False: the line does not
    run this year (and the other fields carry nothing)."""

    year: int
    running: bool
    values: tuple[float, ...]
    index_factor: float | None
    years_since_first: int
    value: float


@dataclass(frozen=True)
class PartnerNetStep:
    """One year of a partner's net: what it stops paying, gains and pays."""

    year: int
    baseline: float
    benefits: float
    pays: float
    net: float


@dataclass(frozen=True)
class SettlementStep:
    """One year of a partner's settlement: each transfer (as :attr:`PartnerSettlement.parts`,
    positive as the payer pays it) and the partner's settlement."""

    year: int
    parts: tuple[float, ...]
    settlement: float


@dataclass(frozen=True)
class SettledNetStep:
    """One year of a partner's net after the agreement: its net and its settlement."""

    year: int
    net: float
    settlement: float
    value: float


@dataclass(frozen=True)
class RuleStep:
    """One year of a rule's transfer from payer to receiver, with the year's terms and
    measures the engine settled it on (DOMAIN.md §7): a contribution's or lumpsum's
    amount L, a lumpsum's realised cost C, a gain share's benchmark B and savings G, an
    outcome payment's KPI value K, reference R and units beyond it. None: not of this
    rule."""

    year: int
    rule: str
    rule_kind: str
    receiver: str
    amount: float | None
    cost: float | None
    benchmark: float | None
    gain: float | None
    kpi_value: float | None
    reference: float | None
    units: float | None
    price: float | None
    transfer: float


TrailStep = (
    SumStep
    | DifferenceStep
    | DiscountStep
    | CumulativeStep
    | LineStep
    | PartnerNetStep
    | SettlementStep
    | SettledNetStep
    | RuleStep
)


@dataclass(frozen=True)
class RuleTerms:
    """A rule a partner's trail rests on: its name, its source, and what its sentence is
    worded from (the engine's settled rule and the result it belongs to)."""

    name: str
    source: str | None
    settled: RuleResult
    result: Result = field(repr=False)


# --- the payback's conclusion --------------------------------------------------------------


@dataclass(frozen=True)
class Crossing:
    """The cumulative net crosses zero in ``year`` (index ``whole_years``): the payback is
    ``whole_years + shortfall / returns``, where ``shortfall`` is −S of that year."""

    year: int
    whole_years: int
    shortfall: float
    returns: float
    payback: float


@dataclass(frozen=True)
class NeverNegative:
    """The cumulative net is never negative: the payback is 0."""


@dataclass(frozen=True)
class NotWithinHorizon:
    """The cumulative net does not return to zero within the horizon."""


PaybackConclusion = Crossing | NeverNegative | NotWithinHorizon

# --- the trail -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueTrail:
    """How one number is made, as values only.

    ``subject``: a metric or a line; ``value_kind``: how its value reads (a line is money);
    ``years``: the horizon's calendar years. ``feeds``: the lines and metrics it is made
    from (each has a trail of its own); ``inputs``: the parameters, series and constants a
    line rests on.
    """

    name: str
    subject: Literal["metric", "line"]
    value: float
    value_kind: metrics.Kind
    formula: Formula
    years: tuple[int, ...]
    steps: tuple[TrailStep, ...] = ()
    conclusion: PaybackConclusion | None = None
    feeds: tuple[str, ...] = ()
    inputs: tuple[SourcedInput, ...] = ()
    rules: tuple[RuleTerms, ...] = ()


#: The partner metrics a trail can be traced for, indexed (``net_settled_total[bw]``).
PARTNER_TRAILS = ("net_total", "settlement_total", "net_settled_total")


def names(result: Result) -> list[str]:
    """Every name a trail can be traced for: the metrics (in registry order), then the
    lines, then with an agreement each partner's net, settlement and net after it."""
    found = [*metrics.names(metrics.scenario_metrics()), *(line.name for line in result.lines)]
    if result.agreement:
        found += [f"{m}[{p.id}]" for m in PARTNER_TRAILS for p in result.partners]
    return found


def trace(result: Result, name: str) -> ValueTrail | None:
    """The trail of metric or line ``name`` as values; None when there is no such name.
    A partner's ``net_total``, ``settlement_total`` and ``net_settled_total`` are traced
    indexed by its id (``net_settled_total[bw]``)."""
    if metrics.is_known(name):
        return _metric_trail(result, name)
    metric, partner = metrics.split_indexed(name)
    if partner is not None and metric in PARTNER_TRAILS:
        found = next((p for p in result.partners if p.id == partner), None)
        return None if found is None else _partner_trail(result, metric, found)
    line = next((line for line in result.lines if line.name == name), None)
    if line is None:
        return None
    return _line_trail(result, line)


# --- metrics -------------------------------------------------------------------------------

#: The metrics that total the lines of one kind: metric → (line kind, its per-year total
#: on the Result).
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


def budget_paid_per_year(result: Result, kind: str) -> Array:
    """Per year, what the budget pays of the lines of ``kind`` (``effort`` or
    ``investments``): the lines the headroom's trail names, added in the engine's order
    (so that budget − effort − investments paid from the budget is the engine's headroom).
    The year-by-year table shows them, so that its rows reconcile; zeros when the budget
    pays none."""
    found = np.zeros(len(result.years))
    for line in _lines_of(result, kind, "budget"):
        found = found + line.eur_per_year
    return found


def _metric_trail(result: Result, name: str) -> ValueTrail:
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


def _partner_trail(result: Result, metric: str, partner: PartnerResult) -> ValueTrail:
    """A partner's net, settlement or net after the agreement, year by year; the
    settlement down to each rule's transfer with its terms."""
    years = tuple(result.years)
    common: dict[str, Any] = {
        "name": f"{metric}[{partner.id}]",
        "subject": "metric",
        "value": float(partner.total(metric)),
        "value_kind": "money",
        "years": years,
    }
    net = np.asarray(partner.net_per_year, dtype=float)
    settlement = np.asarray(partner.settlement_per_year, dtype=float)
    if metric == "net_total":
        rows = zip(
            years,
            partner.baseline_per_year,
            partner.benefits_per_year,
            partner.pays_per_year,
            net,
            strict=True,
        )
        net_steps = tuple(PartnerNetStep(y, *(float(v) for v in values)) for y, *values in rows)
        return ValueTrail(**common, formula=PartnerNet(partner.id, partner.name), steps=net_steps)
    involved = [
        (settled, transfer)
        for settled in result.agreement
        for transfer in settled.transfers
        if partner.id in (transfer.payer, transfer.receiver)
    ]
    names_by_id = {p.id: p.name for p in result.partners}
    rule_steps = tuple(
        step for settled, transfer in involved for step in _rule_steps(result, settled, transfer)
    )
    rules = tuple(
        RuleTerms(
            settled.name,
            result.scenario.agreement[settled.index].source,
            settled,
            result,
        )
        for settled in {settled.index: settled for settled, _ in involved}.values()
    )
    if metric == "settlement_total":
        parts = tuple(
            TransferPart(
                settled.name,
                names_by_id[
                    transfer.payer if transfer.receiver == partner.id else transfer.receiver
                ],
                transfer.receiver == partner.id,
            )
            for settled, transfer in involved
        )
        steps: list[TrailStep] = [
            SettlementStep(
                year,
                tuple(float(transfer.per_year[t]) for _, transfer in involved),
                float(settlement[t]),
            )
            for t, year in enumerate(years)
        ]
        formula: Formula = PartnerSettlement(partner.id, partner.name, parts)
        feeds: tuple[str, ...] = ()
    else:
        steps = [
            SettledNetStep(year, float(net[t]), float(settlement[t]), float(net[t] + settlement[t]))
            for t, year in enumerate(years)
        ]
        formula = SettledNet(partner.id, partner.name)
        feeds = (f"net_total[{partner.id}]", f"settlement_total[{partner.id}]")
    return ValueTrail(
        **common,
        formula=formula,
        steps=(*steps, *rule_steps),
        feeds=feeds,
        rules=rules,
    )


def _value(values: Array | None, t: int) -> float | None:
    return None if values is None else float(np.asarray(values).reshape(-1)[t])


def _rule_steps(result: Result, settled: RuleResult, transfer: Transfer) -> list[RuleStep]:
    """Each year the rule runs: its transfer with the terms and measures it is made of."""
    rule = result.scenario.agreement[settled.index]
    kpi = next((k for k in result.kpis if k.id == rule.kpi), None)
    steps = []
    for t, year in enumerate(result.years):
        if not bool(np.asarray(settled.running)[t]):
            continue
        steps.append(
            RuleStep(
                year=year,
                rule=settled.name,
                rule_kind=settled.rule,
                receiver=transfer.receiver,
                amount=_value(settled.amount_per_year, t),
                cost=_value(settled.cost_per_year, t),
                benchmark=_value(settled.benchmark_per_year, t),
                gain=_value(settled.gain_per_year, t),
                kpi_value=None if kpi is None else _value(kpi.values_per_year, t),
                reference=None if kpi is None else float(kpi.reference),
                units=_value(settled.units_per_year, t),
                price=rule.price,
                transfer=float(np.asarray(transfer.per_year)[t]),
            )
        )
    return steps


# --- lines ---------------------------------------------------------------------------------


def _line_trail(result: Result, line: LineResult) -> ValueTrail:
    scenario = result.scenario
    spec = scenario.lines(line.kind)[line.index]
    amount = spec.amount
    inputs = _expression_inputs(scenario, amount)
    adjustments = _applied_adjustments(scenario, line.kind, spec, inputs)
    if isinstance(amount, Expression):
        occurrences = sorted(amount.names, key=lambda found: found[1])
        pieces, last = [], 0
        for used_name, offset in occurrences:
            pieces.append(amount.text[last:offset])
            last = offset + len(used_name)
        pieces.append(amount.text[last:])
        formula = LineAmount(
            line.kind,
            line.name,
            line.partner,
            str(amount),
            None,
            tuple(pieces),
            tuple(used_name for used_name, _offset in occurrences),
            adjustments,
        )
    else:
        formula = LineAmount(
            line.kind, line.name, line.partner, str(amount), float(amount), (), (), adjustments
        )
    first_year = getattr(spec, "start", None) or result.years[0]
    indexed = scenario.indexation != 0
    steps = []
    for t, year in enumerate(result.years):
        if not line.running[t]:
            steps.append(LineStep(year, False, (), None, 0, 0.0))
            continue
        steps.append(
            LineStep(
                year,
                True,
                tuple(_value_in_year(scenario, used_name, t) for used_name in formula.names),
                float(result.index_factor_per_year[t]) if indexed else None,
                max(year - first_year, 0),
                float(line.eur_per_year[t]),
            )
        )
    return ValueTrail(
        name=line.name,
        subject="line",
        value=float(line.total),
        value_kind="money",
        formula=formula,
        years=tuple(result.years),
        steps=tuple(steps),
        inputs=tuple(inputs),
    )


def _expression_inputs(scenario: Scenario, amount: object) -> list[SourcedInput]:
    """The parameters, series and constant an amount uses, each once, in order of use."""
    used: list[str] = []
    if isinstance(amount, Expression):
        for used_name, _offset in amount.names:
            if used_name not in used:
                used.append(used_name)
    inputs = []
    for used_name in used:
        if used_name in scenario.parameters:
            parameter = scenario.parameters[used_name]
            inputs.append(
                SourcedInput(
                    used_name,
                    "parameter",
                    (float(parameter.value),),
                    parameter.unit,
                    parameter.source,
                )
            )
        elif used_name in scenario.series:
            series = scenario.series[used_name]
            given = series.values if isinstance(series.values, list) else [series.values]
            inputs.append(
                SourcedInput(
                    used_name,
                    "series",
                    tuple(float(v) for v in given),
                    series.unit,
                    series.source,
                )
            )
        elif used_name == "weeks_per_year":
            inputs.append(
                SourcedInput(
                    used_name,
                    "constant",
                    (float(scenario.weeks_per_year),),
                    None,
                    None,
                    default="weeks_per_year" not in scenario.model_fields_set,
                )
            )
    return inputs


def _applied_adjustments(
    scenario: Scenario, line_kind: str, spec: Any, inputs: list[SourcedInput]
) -> tuple[AppliedAdjustment, ...]:
    """The line's adjustments with their values; a parameter named by one is added to the
    inputs (with its source) when the amount does not already use it."""
    applied = []
    for name, given in adjustment_values(scenario, line_kind, spec).items():
        if isinstance(given, str):
            parameter = scenario.parameters[given]
            if all(known.name != given for known in inputs):
                inputs.append(
                    SourcedInput(
                        given,
                        "parameter",
                        (float(parameter.value),),
                        parameter.unit,
                        parameter.source,
                    )
                )
            value = float(parameter.value)
        else:
            value = float(given)
        if line_kind in ("effort", "investments"):
            effect: Literal["raise", "reduce", "decline"] = "raise"
        elif name == "drop_off":
            effect = "decline"
        else:
            effect = "reduce"
        applied.append(AppliedAdjustment(name, value, effect))
    return tuple(applied)


def _value_in_year(scenario: Scenario, name: str, t: int) -> float:
    """The value of a name of an expression in year index ``t``: a parameter, a series
    (one value or one per year), else the constant ``weeks_per_year``."""
    if name in scenario.parameters:
        return float(scenario.parameters[name].value)
    if name in scenario.series:
        values = scenario.series[name].values
        return float(values[t] if isinstance(values, list) else values)
    return float(scenario.weeks_per_year)


__all__ = [
    "AppliedAdjustment",
    "Crossing",
    "CumulativeStep",
    "DifferenceStep",
    "DiscountStep",
    "Formula",
    "Headroom",
    "LineAmount",
    "LineStep",
    "NetPresentValue",
    "NeverNegative",
    "NotWithinHorizon",
    "PARTNER_TRAILS",
    "PartnerNet",
    "PartnerNetStep",
    "PartnerSettlement",
    "Payback",
    "PaybackConclusion",
    "Ratio",
    "RuleStep",
    "RuleTerms",
    "Savings",
    "SettledNet",
    "SettledNetStep",
    "SettlementStep",
    "SourcedInput",
    "SumOfLines",
    "SumStep",
    "TrailStep",
    "TransferPart",
    "ValueTrail",
    "budget_paid_per_year",
    "names",
    "trace",
]
