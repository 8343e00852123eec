"""The trails of a partner with an agreement: its net, its settlement down to each rule's
transfer with the terms it was settled on, and its net after the agreement."""

from __future__ import annotations

from typing import Any

import numpy as np

from pactcalc.agreement import RuleResult, Transfer
from pactcalc.engine import PartnerResult, Result
from pactcalc.explain.trail import (
    Formula,
    PartnerNet,
    PartnerNetStep,
    PartnerSettlement,
    RuleStep,
    RuleTerms,
    SettledNet,
    SettledNetStep,
    SettlementStep,
    TrailStep,
    TransferPart,
    ValueTrail,
)

Array = np.ndarray


def partner_trail(result: Result, metric: str, partner: PartnerResult) -> ValueTrail:
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
