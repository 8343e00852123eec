"""The agreement computed (DOMAIN.md §7): KPIs per year, and each rule's transfers.

Pure numpy, no words: every per-year array has the year axis last and may carry the
engine's leading axis (samples, sensitivity variants). :func:`settle` is called by
:func:`pactcalc.engine.compute` at its end; its output lands on the engine's
:class:`~pactcalc.engine.Result` as ``result.kpis`` (list of :class:`KpiResult`),
``result.agreement`` (list of :class:`RuleResult`) and each partner's
``settlement_per_year``.

**Terms fixed at signing.** A rule's own amounts — a contribution's amount, a lumpsum's
L, a gain share's benchmark B — are evaluated on the *plan*: the deterministic result
(every parameter at ``value``, after the scenario's adjustments), indexed like lines. A
KPI's reference, a price and caps are numbers (nominal). What is settled is the
*realisation*: the realised result, with its sample axis in a simulation. So with
zero-width ranges a simulation equals the run, and a ranged parameter moves the realised
cost C, savings G or KPI K, never L, B or the price.

Per rule and year y, inside the rule's ``from``/``until`` (nothing outside):

* ``contribution``: transfer = amount[y];
* ``lumpsum``: transfer = L[y] − C[y] + s·X[y] with C the realised cost of the covered
  lines, D = C − L, X = sign(D)·max(0, |D| − b·L) (corridor ``{band: b, share: s}``;
  without a corridor s = 0);
* ``gain_share``: G = B − (effort + investment) (own-paid lines included, benefits not),
  per year or summed over the rule's years (``period: horizon``, booked in the last of
  them); if G > 0 and G/B ≥ minimum_rate, receiver i gets shares[i]·G, the total at most
  cap·B (scaled down pro rata); ``losses``: if G < 0 and −G/B ≥ its minimum_rate,
  receiver i pays loss_shares[i]·(−G), at most cap·B in total — one transfer per receiver
  (gains minus losses);
* ``outcome_payment``: units = max(0, K − R) (direction higher) or max(0, R − K) (lower);
  payment = min(price·units, cap), and with ``total_cap`` the running total never passes
  it (payment[y] = min(…, total_cap − Σ earlier payments)).

A transfer goes from payer to receiver; a negative one flows back. Each partner's
settlement is received − paid over all transfers, so the settlements of all partners add
up to zero every year, and the scenario's totals never change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from pactcalc import expressions, i18n
from pactcalc.model.agreement import Kpi, Rule
from pactcalc.problems import Money, Problem

if TYPE_CHECKING:
    from pactcalc.engine import Result
    from pactcalc.model.scenario import Scenario

Array = np.ndarray
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class KpiResult:
    """A KPI computed: its value per year (realised; with the leading axis in a
    simulation), its target per year (on the plan) and its reference (the 0-meting)."""

    id: str
    name: str
    unit: str | None
    direction: str  # 'higher' | 'lower'
    validation: str
    reference: float
    tolerance: float
    values_per_year: Array
    target_per_year: Array  # shape (years,)
    source: str | None = None

    @property
    def kpi_last(self) -> Array:
        """The value in the last year of the horizon (the metric ``kpi_last``)."""
        return np.asarray(self.values_per_year[..., -1])

    @property
    def kpi_total(self) -> Array:
        """The value summed over the horizon (the metric ``kpi_total``)."""
        return np.asarray(self.values_per_year.sum(axis=-1))


@dataclass(frozen=True)
class Transfer:
    """Money from ``payer`` to ``receiver`` per year (negative: it flows back)."""

    payer: str
    receiver: str
    per_year: Array

    @property
    def total(self) -> Array:
        return np.asarray(self.per_year.sum(axis=-1))


@dataclass(frozen=True)
class RuleResult:
    """One rule settled: its transfers and the terms and measures they come from.

    Terms (fixed at signing, shape (years,), zero outside the rule's years):
    ``amount_per_year`` (a contribution's amount, a lumpsum's L), ``benchmark_per_year``
    (a gain share's B). Measures (realised, with the leading axis): ``cost_per_year``
    (a lumpsum's C), ``gain_per_year`` (a gain share's G = B − effort − investment, per
    year), ``units_per_year`` (an outcome payment's units beyond the reference).
    ``running``: bool per year, does the rule apply. ``covers``: the lines a lumpsum
    covers (the default resolved).
    """

    index: int
    name: str
    rule: str
    payer: str
    transfers: tuple[Transfer, ...]
    running: Array
    amount_per_year: Array | None = None
    benchmark_per_year: Array | None = None
    cost_per_year: Array | None = None
    gain_per_year: Array | None = None
    units_per_year: Array | None = None
    covers: tuple[str, ...] = ()
    #: A lumpsum's X: the part of C − L outside its corridor (zero inside it, or without
    #: a corridor); what a monitoring calls a breach.
    excess_per_year: Array | None = None

    @property
    def per_year(self) -> Array:
        """All transfers of the rule together, per year (a gain share's receivers summed)."""
        total: Array = sum((t.per_year for t in self.transfers), np.zeros(self.running.shape))
        return total


@dataclass
class Settlement:
    """What :func:`settle` returns: the KPIs, the rules, each partner's settlement per
    year (received − paid), and the problems found (a benchmark that sums to ≤ 0 …)."""

    kpis: list[KpiResult]
    rules: list[RuleResult]
    per_partner: dict[str, Array]
    problems: list[Problem] = field(default_factory=list)


def settle(
    scenario: Scenario,
    realised: Result,
    env: Mapping[str, Any],
    plan: Result,
    plan_env: Mapping[str, Any],
    measured: Mapping[str, Array] | None = None,
) -> Settlement:
    """Compute the KPIs and settle every rule of ``scenario.agreement``.

    ``realised``/``env``: the result and the expression environment being computed (with
    the leading axis in a simulation); ``plan``/``plan_env``: the deterministic result and
    environment, on which the terms are fixed (the same objects in a plain run).
    ``measured``: KPI id → value per year, NaN where not measured (DOMAIN.md §8): a
    measured value replaces the KPI's expression in its year.
    """
    problems: list[Problem] = []
    years = scenario.calendar_years
    kpis = [
        _kpi(scenario, kpi_id, kpi, env, plan_env, problems, (measured or {}).get(kpi_id))
        for kpi_id, kpi in scenario.kpis.items()
    ]
    by_id = {k.id: k for k in kpis}
    shape = np.asarray(realised.net_per_year).shape
    per_partner = {p.id: np.zeros(shape) for p in scenario.partners}
    rules: list[RuleResult] = []
    for index, rule in enumerate(scenario.agreement):
        running = running_years(years, rule)
        if rule.rule == "contribution":
            found = _contribution(scenario, rule, index, running, plan, plan_env, problems)
        elif rule.rule == "lumpsum":
            found = _lumpsum(scenario, rule, index, running, realised, plan, plan_env, problems)
        elif rule.rule == "gain_share":
            found = _gain_share(scenario, rule, index, running, realised, plan, plan_env, problems)
        else:
            found = _outcome_payment(rule, index, running, by_id[str(rule.kpi)])
        for transfer in found.transfers:
            per_partner[transfer.receiver] = per_partner[transfer.receiver] + transfer.per_year
            per_partner[transfer.payer] = per_partner[transfer.payer] - transfer.per_year
        rules.append(found)
    return Settlement(kpis, rules, per_partner, problems)


def running_years(years: Sequence[int], rule: Rule) -> Array:
    """Bool per year: does the rule apply (its ``from``/``until``, inclusive)?"""
    calendar = np.asarray(years)
    start = rule.start if rule.start is not None else calendar[0]
    end = rule.until if rule.until is not None else calendar[-1]
    return np.asarray((calendar >= start) & (calendar <= end))


def _per_year(
    amount: float | expressions.Expression,
    env: Mapping[str, Any],
    years: Sequence[int],
    name: str,
    path: Path,
    problems: list[Problem],
) -> Array:
    """An amount or value per year (year axis last); a non-finite year is a PC408 problem
    and counts as 0."""
    n_years = len(years)
    evaluation = expressions.evaluate_expression(amount, env)
    value = evaluation.value
    value = np.broadcast_to(value, (*value.shape[:-1], n_years) if value.ndim else (n_years,))
    zero = np.broadcast_to(evaluation.divided_by_zero, value.shape)
    bad = ~np.isfinite(value) | zero
    if bad.any():
        first = int(np.argmax(bad.reshape(-1, n_years).any(axis=0)))
        what = i18n.Text("problem.division_by_zero" if zero.any() else "problem.not_finite")
        problems.append(
            Problem("PC408", "", args={"name": name, "year": years[first], "what": what}, path=path)
        )
        value = np.where(bad, 0.0, value)
    return np.asarray(value, dtype=float)


def _kpi(
    scenario: Scenario,
    kpi_id: str,
    kpi: Kpi,
    env: Mapping[str, Any],
    plan_env: Mapping[str, Any],
    problems: list[Problem],
    measured: Array | None = None,
) -> KpiResult:
    years = scenario.calendar_years
    path: Path = ("kpis", kpi_id)
    values = _per_year(kpi.value, env, years, kpi_id, (*path, "value"), problems)
    if measured is not None:
        values = np.where(np.isnan(measured), values, measured)
    if kpi.target is None:
        target = _per_year(kpi.value, plan_env, years, kpi_id, (*path, "value"), [])
    elif isinstance(kpi.target, list):
        target = np.asarray(kpi.target, dtype=float)
    else:
        target = _per_year(kpi.target, plan_env, years, kpi_id, (*path, "target"), problems)
    return KpiResult(
        id=kpi_id,
        name=kpi.name,
        unit=kpi.unit,
        direction=kpi.direction,
        validation=kpi.validation,
        reference=kpi.reference,
        tolerance=kpi.tolerance,
        values_per_year=values,
        target_per_year=np.broadcast_to(target, (len(years),)).copy(),
        source=kpi.source,
    )


def _fixed_amount(
    scenario: Scenario,
    rule: Rule,
    index: int,
    key: str,
    plan: Result,
    plan_env: Mapping[str, Any],
    problems: list[Problem],
) -> Array:
    """A rule's amount or benchmark on the plan, indexed like a line (shape (years,))."""
    given = getattr(rule, key)
    value = _per_year(
        given, plan_env, scenario.calendar_years, rule.name, ("agreement", index, key), problems
    )
    if scenario.indexation != 0:
        value = value * np.asarray(plan.index_factor_per_year)
    return np.asarray(value).reshape(-1)[-len(scenario.calendar_years) :]


def _contribution(
    scenario: Scenario,
    rule: Rule,
    index: int,
    running: Array,
    plan: Result,
    plan_env: Mapping[str, Any],
    problems: list[Problem],
) -> RuleResult:
    assert rule.receiver is not None
    amount = _fixed_amount(scenario, rule, index, "amount", plan, plan_env, problems)
    amount = np.where(running, amount, 0.0)
    transfer = Transfer(rule.payer, rule.receiver, amount)
    return RuleResult(
        index, rule.name, rule.rule, rule.payer, (transfer,), running, amount_per_year=amount
    )


def covered_lines(scenario: Scenario, rule: Rule) -> tuple[str, ...]:
    """The effort lines a lumpsum covers: ``covers``, or every effort line of the
    receiver paid from the budget."""
    if rule.covers:
        return tuple(rule.covers)
    return tuple(
        line.name
        for line in scenario.effort
        if line.partner == rule.receiver and line.paid_from == "budget"
    )


def _cost_of(result: Result, names: tuple[str, ...]) -> Array:
    """The summed euros per year of the named effort lines of ``result``."""
    total: Array = np.zeros(len(result.years))
    for line in result.lines:
        if line.kind == "effort" and line.name in names:
            total = total + line.eur_per_year
    return total


def _lumpsum(
    scenario: Scenario,
    rule: Rule,
    index: int,
    running: Array,
    realised: Result,
    plan: Result,
    plan_env: Mapping[str, Any],
    problems: list[Problem],
) -> RuleResult:
    assert rule.receiver is not None
    covers = covered_lines(scenario, rule)
    cost = _cost_of(realised, covers)
    if rule.amount is None:
        lumpsum = np.asarray(_cost_of(plan, covers)).reshape(-1)[-len(running) :]
    else:
        lumpsum = _fixed_amount(scenario, rule, index, "amount", plan, plan_env, problems)
    lumpsum = np.where(running, lumpsum, 0.0)
    transfer = lumpsum - cost
    excess = None
    if rule.corridor is not None:
        difference = cost - lumpsum
        excess = np.sign(difference) * np.maximum(
            0.0, np.abs(difference) - rule.corridor.band * lumpsum
        )
        transfer = transfer + rule.corridor.share * excess
        excess = np.where(running, excess, 0.0)
    transfer = np.where(running, transfer, 0.0)
    return RuleResult(
        index,
        rule.name,
        rule.rule,
        rule.payer,
        (Transfer(rule.payer, rule.receiver, transfer),),
        running,
        amount_per_year=lumpsum,
        cost_per_year=np.where(running, cost, 0.0),
        covers=covers,
        excess_per_year=excess,
    )


def _gain_share(
    scenario: Scenario,
    rule: Rule,
    index: int,
    running: Array,
    realised: Result,
    plan: Result,
    plan_env: Mapping[str, Any],
    problems: list[Problem],
) -> RuleResult:
    years = scenario.calendar_years
    if rule.benchmark is None:
        benchmark = np.asarray(plan.baseline_per_year, dtype=float).reshape(-1)[-len(years) :]
    else:
        benchmark = _fixed_amount(scenario, rule, index, "benchmark", plan, plan_env, problems)
    benchmark = np.where(running, benchmark, 0.0)
    gain = np.where(running, benchmark - np.asarray(realised.pact_cost_per_year), 0.0)
    receivers = rule.receivers
    zeros = np.zeros(gain.shape)
    amounts = {partner: zeros for partner in receivers}
    if running.any():
        if rule.period == "horizon":
            last = int(np.flatnonzero(running)[-1])
            booked = np.zeros(len(years))
            booked[last] = 1.0
            period_gain = gain.sum(axis=-1, keepdims=True)
            period_benchmark = benchmark.sum(keepdims=True)
            if period_benchmark[0] <= 0:
                problems.append(_benchmark_problem(rule, index, float(period_benchmark[0]), None))
            shared = _shared(rule, period_gain, period_benchmark)
            amounts = {p: value * booked for p, value in shared.items()}
        else:
            for position in np.flatnonzero(running & (benchmark <= 0)):
                year = years[int(position)]
                problems.append(_benchmark_problem(rule, index, float(benchmark[position]), year))
            amounts = _shared(rule, gain, benchmark)
    transfers = tuple(Transfer(rule.payer, p, amounts[p]) for p in receivers)
    return RuleResult(
        index,
        rule.name,
        rule.rule,
        rule.payer,
        transfers,
        running,
        benchmark_per_year=benchmark,
        gain_per_year=gain,
    )


def _benchmark_problem(rule: Rule, index: int, value: float, year: int | None) -> Problem:
    period = (
        i18n.Text("problem.period_horizon")
        if year is None
        else i18n.Text("problem.period_year", {"year": year})
    )
    path: Path = ("agreement", index, "benchmark" if rule.benchmark is not None else "rule")
    return Problem(
        "PC407", "", args={"rule": rule.name, "value": Money(value), "period": period}, path=path
    )


def _shared(rule: Rule, gain: Array, benchmark: Array) -> dict[str, Array]:
    """Each receiver's share of the gain (positive) and of the losses (negative), per
    period: the gate, first-euro sharing and the cap scaled pro rata."""
    positive = benchmark > 0
    safe = np.where(positive, benchmark, 1.0)
    rate = gain / safe
    amounts = {
        partner: np.zeros(np.broadcast_shapes(gain.shape, benchmark.shape))
        for partner in rule.receivers
    }
    shares = rule.shares or {}
    gate = positive & (gain > 0) & (rate >= rule.minimum_rate)
    factor = _cap_factor(sum(shares.values()) * np.maximum(gain, 0.0), rule.cap, benchmark)
    for partner, share in shares.items():
        amounts[partner] = amounts[partner] + np.where(gate, share * gain * factor, 0.0)
    if rule.losses is not None:
        losses = rule.losses.shares
        loss = np.maximum(-gain, 0.0)
        gate = positive & (gain < 0) & (-rate >= rule.losses.minimum_rate)
        factor = _cap_factor(sum(losses.values()) * loss, rule.losses.cap, benchmark)
        for partner, share in losses.items():
            amounts[partner] = amounts[partner] - np.where(gate, share * loss * factor, 0.0)
    return amounts


def _cap_factor(shared: Array, cap: float | None, benchmark: Array) -> Array | float:
    """The pro-rata factor that keeps the total shared within cap·B (1 without a cap)."""
    if cap is None:
        return 1.0
    limit = cap * benchmark
    return np.where(shared > limit, limit / np.where(shared > 0, shared, 1.0), 1.0)


def _outcome_payment(rule: Rule, index: int, running: Array, kpi: KpiResult) -> RuleResult:
    assert rule.receiver is not None
    assert rule.price is not None
    values = kpi.values_per_year
    if kpi.direction == "higher":
        units = np.maximum(0.0, values - kpi.reference)
    else:
        units = np.maximum(0.0, kpi.reference - values)
    units = np.where(running, units, 0.0)
    payment = rule.price * units
    if rule.cap is not None:
        payment = np.minimum(payment, rule.cap)
    if rule.total_cap is not None:
        paid = np.minimum(np.cumsum(payment, axis=-1), rule.total_cap)
        payment = np.diff(paid, axis=-1, prepend=0.0)
    transfer = Transfer(rule.payer, rule.receiver, np.asarray(payment, dtype=float))
    return RuleResult(
        index, rule.name, rule.rule, rule.payer, (transfer,), running, units_per_year=units
    )
