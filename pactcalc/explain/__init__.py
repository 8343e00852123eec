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

The package by seam: :mod:`~pactcalc.explain.trail` (the value types),
:mod:`~pactcalc.explain.metric_trails` (the metrics, payback included),
:mod:`~pactcalc.explain.partner_trails` (a partner's net and settlement with an
agreement) and :mod:`~pactcalc.explain.line_trails` (a line down to its inputs). Every
name is imported from here.
"""

from __future__ import annotations

from pactcalc import metrics
from pactcalc.engine import Result
from pactcalc.explain.line_trails import line_trail
from pactcalc.explain.metric_trails import metric_trail
from pactcalc.explain.partner_trails import partner_trail
from pactcalc.explain.trail import (
    AppliedAdjustment,
    Crossing,
    CumulativeStep,
    DifferenceStep,
    DiscountStep,
    Formula,
    Headroom,
    LineAmount,
    LineStep,
    NetPresentValue,
    NeverNegative,
    NotWithinHorizon,
    PartnerNet,
    PartnerNetStep,
    PartnerSettlement,
    Payback,
    PaybackConclusion,
    Ratio,
    RuleStep,
    RuleTerms,
    Savings,
    SettledNet,
    SettledNetStep,
    SettlementStep,
    SourcedInput,
    SumOfLines,
    SumStep,
    TrailStep,
    TransferPart,
    ValueTrail,
)

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
        return metric_trail(result, name)
    metric, partner = metrics.split_indexed(name)
    if partner is not None and metric in PARTNER_TRAILS:
        found = next((p for p in result.partners if p.id == partner), None)
        return None if found is None else partner_trail(result, metric, found)
    line = next((line for line in result.lines if line.name == name), None)
    if line is None:
        return None
    return line_trail(result, line)


# --- metrics -------------------------------------------------------------------------------


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
    "names",
    "trace",
]
