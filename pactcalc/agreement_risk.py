"""How the agreement moves risk (DOMAIN.md §7 "Results and metrics"): per partner, the
net before and after the agreement over the simulated samples, and per transfer of each
rule its mean and how often it moves money.

:func:`agreement_risk` reads what a simulation kept of every sample
(:class:`~pactcalc.sampled.SampledMetrics`: each partner's net before and after, each
transfer's total) and is called by :func:`pactcalc.uncertainty.simulate`; its output is on the
:class:`~pactcalc.uncertainty.Simulation` as ``settled_nets`` (partner id →
:class:`PartnerRisk`) and ``rule_transfers`` (list of :class:`TransferRisk`, in rule
order, a gain share with one per receiver). Both are empty without an agreement.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pactcalc.statistics import Probability, Summary, probability, summarise

if TYPE_CHECKING:
    from pactcalc.sampled import SampledMetrics

Array = np.ndarray


@dataclass(frozen=True)
class PartnerRisk:
    """One partner's net over the horizon before (``net_total``) and after
    (``net_settled_total``) the agreement: mean, P5, P50, P95, and P(net < 0) with its
    Monte Carlo standard error (``Probability.p``, ``Probability.se``)."""

    id: str
    net_total: Summary
    net_settled_total: Summary
    p_net_negative: Probability
    p_net_settled_negative: Probability


@dataclass(frozen=True)
class TransferRisk:
    """One transfer of a rule over the samples: the mean of its total over the horizon
    with the standard error of that mean, and P(transfer ≠ 0) — the share of samples in
    which it moves money in some year."""

    rule: str
    kind: str  # contribution | lumpsum | gain_share | outcome_payment
    payer: str
    receiver: str
    mean: float
    se: float
    p_nonzero: Probability


def agreement_risk(
    sampled: SampledMetrics,
    nets: Mapping[str, Array] | None = None,
    summaries: Mapping[str, Summary] | None = None,
) -> tuple[dict[str, PartnerRisk], list[TransferRisk]]:
    """Per partner the risk before and after the agreement, and per transfer its mean and
    P(≠ 0), from what a simulation kept; empty when the scenario has no agreement.

    ``nets`` (partner id → every sample's net_total) and ``summaries`` (with the keys
    ``net_total[id]``) are what :func:`~pactcalc.uncertainty.simulate` already has: given,
    they are used rather than computed again."""
    if not any(name == "net_settled_total" for name, _ in sampled.values):
        return {}, []  # no agreement: the simulation kept no net after one
    partners: dict[str, PartnerRisk] = {}
    for partner in sampled.partners:
        if nets is not None and partner.id in nets:
            before = np.asarray(nets[partner.id], dtype=float).reshape(-1)
        else:
            before = np.asarray(sampled.metric("net_total", partner.id), dtype=float)
        after = np.asarray(sampled.metric("net_settled_total", partner.id), dtype=float)
        known = (summaries or {}).get(f"net_total[{partner.id}]")
        partners[partner.id] = PartnerRisk(
            partner.id,
            known if known is not None else summarise(before),
            summarise(after),
            probability(f"net_total[{partner.id}] < 0", before < 0),
            probability(f"net_settled_total[{partner.id}] < 0", after < 0),
        )
    transfers: list[TransferRisk] = []
    for kept in sampled.transfers:
        totals = kept.totals
        mean = summarise(totals).mean
        se = float(totals.std(ddof=1) / math.sqrt(totals.size)) if totals.size > 1 else 0.0
        transfers.append(
            TransferRisk(
                kept.rule,
                kept.kind,
                kept.payer,
                kept.receiver,
                float(mean) if mean is not None else 0.0,
                se,
                probability(f"{kept.rule}: {kept.payer} → {kept.receiver} ≠ 0", kept.moves),
            )
        )
    return partners, transfers
