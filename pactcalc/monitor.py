"""Monitoring (DOMAIN.md §8): actuals against the signed plan, by sequential substitution.

A realised year is the plan with some inputs replaced, computed by the one engine
(:func:`pactcalc.engine.compute` with a :class:`~pactcalc.lines.Realisation`). Five
computations, each one step further from the plan::

    plan ─bias─▶ (optimism bias removed in realised years)
         ─volume─▶ (+ the years' series)
         ─price─▶ (+ the years' parameters, each for its year only)
         ─booked─▶ (+ booked amounts replacing their lines) = the current expectation

Each part of the variance is the difference between two neighbours, so the four parts
add up to the difference between the plan and the expectation, per line, per partner,
in total, and per year. The expectation carries every metric, check and the agreement
settled on it (terms fixed on the plan); the KPIs are judged against their targets in
realised years. No words here: :mod:`pactcalc.report.monitoring` words them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from pactcalc import finance
from pactcalc.engine import Result, compute
from pactcalc.lines import Realisation
from pactcalc.model import LINE_KINDS, Check, Scenario
from pactcalc.model.actuals import REALISED, Actuals
from pactcalc.problems import Problem

Array = np.ndarray

#: The parts of a variance, in the order they are substituted.
PARTS = ("bias", "volume", "price", "booked")
#: A year that the actuals do not list keeps the plan.
PLAN = "plan"
#: Line kinds where more is favourable (V); for costs (effort, investments) less is.
HIGHER_IS_FAVOURABLE = frozenset({"budget", "baseline", "benefits", "partner", "total"})
#: A KPI's value is compared with its target to this relative precision (KPI values such as
#: 0.1 · 17 = 1.7000000000000002 are not behind a target of 1.7).
_KPI_PRECISION = 1e-9


@dataclass(frozen=True)
class Variance:
    """Plan against expectation for one line, one partner's net, or the total net.

    ``kind``: a line kind, ``partner`` (the partner's net before the agreement) or
    ``total`` (the business case's net). ``parts_per_year``: each part of :data:`PARTS`
    per year; they add up to ``difference_per_year``."""

    kind: str
    name: str
    partner: str | None
    plan_per_year: Array
    expectation_per_year: Array
    parts_per_year: Mapping[str, Array]
    index: int | None = None  # the line's index within its kind

    @property
    def difference_per_year(self) -> Array:
        return np.asarray(self.expectation_per_year - self.plan_per_year)

    @property
    def plan_total(self) -> float:
        return float(np.sum(self.plan_per_year))

    @property
    def expectation_total(self) -> float:
        return float(np.sum(self.expectation_per_year))

    @property
    def difference(self) -> float:
        return self.expectation_total - self.plan_total

    def part(self, name: str) -> float:
        """One part over the horizon, in euros."""
        return float(np.sum(self.parts_per_year[name]))

    @property
    def share(self) -> float | None:
        """The difference as a fraction of the plan (None when the plan is zero)."""
        if finance.is_zero(np.asarray(self.plan_total)):
            return None
        return self.difference / abs(self.plan_total)

    @property
    def favourable(self) -> bool | None:
        """V (True) or N (False); None when there is no difference at the cent."""
        return favourable(self.kind, self.difference)

    def favourable_in(self, position: int) -> bool | None:
        """V or N in one year (by its position in the horizon)."""
        return favourable(self.kind, float(self.difference_per_year[position]))

    def above(self, threshold: float | None) -> bool:
        """Whether the difference over the horizon is larger than ``threshold`` euros
        (compared at the cent); nothing is above no threshold."""
        if threshold is None:
            return False
        return bool(finance.money_compare(">", abs(self.difference), threshold))


def favourable(kind: str, difference: float) -> bool | None:
    """V or N for a difference of a line kind (DOMAIN.md §8): lower costs, or a higher
    budget, baseline, benefit or net, is favourable; None within half a cent of zero."""
    if finance.is_zero(np.asarray(difference)):
        return None
    return (difference > 0) == (kind in HIGHER_IS_FAVOURABLE)


@dataclass(frozen=True)
class KpiYear:
    """A KPI in one listed year: its value (measured, or the expression on that year's
    inputs) against the plan's target; ``behind`` only in realised years."""

    year: int
    status: str
    value: float
    target: float
    measured: bool
    behind: bool | None  # None in forecast years: not judged


@dataclass(frozen=True)
class KpiProgress:
    id: str
    name: str
    unit: str | None
    direction: str
    tolerance: float
    years: tuple[KpiYear, ...]


@dataclass(frozen=True)
class CorridorBreach:
    """A lumpsum whose realised cost in a realised year falls outside its corridor."""

    rule: str
    year: int
    cost: float
    lumpsum: float
    band: float
    over: bool  # cost above the lumpsum (else below)


@dataclass
class Monitoring:
    """The actuals computed against the plan: the status of each year, the plan and the
    current expectation, the variance by line, partner and in total, the KPIs against
    their targets, the corridors breached, and the problems found."""

    scenario: Scenario
    actuals: Actuals
    years: list[int]
    status: dict[int, str]
    plan: Result
    expectation: Result
    lines: list[Variance]
    partners: list[Variance]
    total: Variance
    kpis: list[KpiProgress]
    breaches: list[CorridorBreach]
    #: Whether any baseline amount is booked; without one the baseline stays the plan's.
    baseline_booked: bool
    problems: list[Problem] = field(default_factory=list)

    @property
    def realised_years(self) -> list[int]:
        return [year for year in self.years if self.status[year] in REALISED]

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)

    @property
    def kpis_behind(self) -> list[tuple[KpiProgress, KpiYear]]:
        """Every KPI year that is behind its target (in a realised year)."""
        return [(kpi, year) for kpi in self.kpis for year in kpi.years if year.behind]


def realisation_of(actuals: Actuals, scenario: Scenario) -> dict[str, Realisation]:
    """The realisation of each step after the plan (``bias``, ``volume``, ``price`` and
    ``booked``, the last being the current expectation), from valid actuals."""
    horizon = scenario.calendar_years
    n_years = len(horizon)
    listed = {year: entry for year, entry in actuals.calendar().items() if year in horizon}
    unbiased = np.zeros(n_years, dtype=bool)
    series: dict[str, tuple[Array, Array]] = {}
    parameters: dict[str, tuple[Array, Array]] = {}
    booked: dict[tuple[str, int], Array] = {}
    measured: dict[str, Array] = {}
    line_index = {
        (kind, line.name): index
        for kind in LINE_KINDS
        for index, line in reversed(list(enumerate(scenario.lines(kind))))
    }
    for year, entry in listed.items():
        position = horizon.index(year)
        unbiased[position] = entry.status in REALISED
        for target, given in ((series, entry.series), (parameters, entry.parameters)):
            for name, value in given.items():
                _put(target, name, position, value, n_years)
        for kind in LINE_KINDS:
            for name, value in getattr(entry.amounts, kind).items():
                found = booked.setdefault(
                    (kind, line_index[(kind, name)]), np.full(n_years, np.nan)
                )
                found[position] = value
        for kpi, value in entry.kpis.items():
            measured.setdefault(kpi, np.full(n_years, np.nan))[position] = value
    volume = dict(series)
    price = {**series, **parameters}
    return {
        "bias": Realisation(unbiased=unbiased),
        "volume": Realisation(values=volume, unbiased=unbiased),
        "price": Realisation(values=price, unbiased=unbiased),
        "booked": Realisation(values=price, unbiased=unbiased, booked=booked, measured=measured),
    }


def _put(
    target: dict[str, tuple[Array, Array]], name: str, position: int, value: float, n: int
) -> None:
    replaced, values = target.setdefault(name, (np.zeros(n, dtype=bool), np.zeros(n)))
    replaced[position] = True
    values[position] = value


def monitor(scenario: Scenario, checks: Sequence[Check], actuals: Actuals) -> Monitoring:
    """Compute the plan, the steps of the substitution and the current expectation, and
    compare them. ``checks``: the scenario's checks, evaluated on the plan (those on a
    simulation are the plan file's own) and on the expectation (all of them: those on a
    simulation on the same draws, the realised inputs no longer varying)."""
    horizon = scenario.calendar_years
    calendar = actuals.calendar()
    status = {year: calendar[year].status if year in calendar else PLAN for year in horizon}
    plan = compute(scenario, checks)
    steps = realisation_of(actuals, scenario)
    results = [plan] + [
        compute(scenario, checks if part == "booked" else (), plan=plan, realisation=steps[part])
        for part in PARTS
    ]
    expectation = results[-1]
    _simulate_checks(scenario, checks, plan, expectation, steps["booked"])
    lines = [
        _variance(
            line.kind,
            line.name,
            line.partner,
            [r.lines[i].eur_per_year for r in results],
            line.index,
        )
        for i, line in enumerate(plan.lines)
    ]
    partners = [
        _variance(
            "partner",
            partner.name,
            partner.id,
            [r.partners[i].net_per_year for r in results],
        )
        for i, partner in enumerate(plan.partners)
    ]
    total = _variance("total", scenario.name, None, [r.net_per_year for r in results])
    seen = {(p.code, p.path) for p in plan.problems}
    found = [p for p in expectation.problems if (p.code, p.path) not in seen]
    return Monitoring(
        scenario=scenario,
        actuals=actuals,
        years=horizon,
        status=status,
        plan=plan,
        expectation=expectation,
        lines=lines,
        partners=partners,
        total=total,
        kpis=_kpis(expectation, horizon, status, steps["booked"].measured),
        breaches=_breaches(expectation, horizon, status),
        baseline_booked=any(kind == "baseline" for kind, _ in steps["booked"].booked),
        problems=found,
    )


def _simulate_checks(
    scenario: Scenario,
    checks: Sequence[Check],
    plan: Result,
    expectation: Result,
    realisation: Realisation,
) -> None:
    """The checks on a simulation (``P(…)``, ``P5(…)``, ``mean(…)``) on the current
    expectation, added to ``expectation.checks`` in the scenario's order: the same seeded
    draws as the plan's, each replaced by the actuals in the years they give, so that what
    is realised no longer varies. Raises :class:`~pactcalc.sampled.SimulationError` (too
    many samples, a sample without a number) as the plan's simulation does."""
    from pactcalc import uncertainty

    probabilistic = [(i, check) for i, check in enumerate(checks) if check.is_probabilistic]
    if not probabilistic or not expectation.ok:
        return
    samples = uncertainty.simulate_checks(scenario, checks, plan=plan, realisation=realisation)
    expectation.checks += [
        uncertainty.evaluate_probabilistic(samples, check, i) for i, check in probabilistic
    ]
    expectation.checks.sort(key=lambda check: check.index)


def _variance(
    kind: str, name: str, partner: str | None, steps: list[Array], index: int | None = None
) -> Variance:
    """A variance from the values of the five steps (plan, bias, volume, price, booked)."""
    values = [np.asarray(step, dtype=float).reshape(-1) for step in steps]
    parts = {part: values[i + 1] - values[i] for i, part in enumerate(PARTS)}
    return Variance(kind, name, partner, values[0], values[-1], parts, index)


def behind(direction: str, value: float, target: float, tolerance: float) -> bool:
    """DOMAIN.md §8: ``value < target·(1 − tolerance)`` for ``higher``,
    ``value > target·(1 + tolerance)`` for ``lower`` (to a relative 1e-9)."""
    if direction == "higher":
        limit = target * (1 - tolerance)
        return value < limit - _KPI_PRECISION * max(1.0, abs(limit))
    limit = target * (1 + tolerance)
    return value > limit + _KPI_PRECISION * max(1.0, abs(limit))


def _kpis(
    expectation: Result,
    horizon: list[int],
    status: Mapping[int, str],
    measured: Mapping[str, Array],
) -> list[KpiProgress]:
    found = []
    for kpi in expectation.kpis:
        values = np.asarray(kpi.values_per_year, dtype=float).reshape(-1)
        targets = np.asarray(kpi.target_per_year, dtype=float).reshape(-1)
        was_measured = measured.get(kpi.id)
        years = []
        for position, year in enumerate(horizon):
            if status[year] == PLAN:
                continue
            value, target = float(values[position]), float(targets[position])
            realised = status[year] in REALISED
            years.append(
                KpiYear(
                    year=year,
                    status=status[year],
                    value=value,
                    target=target,
                    measured=was_measured is not None and not np.isnan(was_measured[position]),
                    behind=behind(kpi.direction, value, target, kpi.tolerance)
                    if realised
                    else None,
                )
            )
        found.append(
            KpiProgress(kpi.id, kpi.name, kpi.unit, kpi.direction, kpi.tolerance, tuple(years))
        )
    return found


def _breaches(
    expectation: Result, horizon: list[int], status: Mapping[int, str]
) -> list[CorridorBreach]:
    """Each realised year in which a lumpsum's realised cost lies outside its corridor:
    the settlement's excess X (the part of C − L beyond band · L) is not zero at the cent."""
    found = []
    for settled in expectation.agreement:
        if settled.excess_per_year is None:  # not a lumpsum with a corridor
            continue
        corridor = expectation.scenario.agreement[settled.index].corridor
        assert corridor is not None
        assert settled.cost_per_year is not None
        assert settled.amount_per_year is not None
        excess = np.asarray(settled.excess_per_year, dtype=float).reshape(-1)
        cost = np.asarray(settled.cost_per_year, dtype=float).reshape(-1)
        lumpsum = np.asarray(settled.amount_per_year, dtype=float).reshape(-1)
        for position, year in enumerate(horizon):
            if status[year] in REALISED and not finance.is_zero(excess[position]):
                found.append(
                    CorridorBreach(
                        settled.name,
                        year,
                        float(cost[position]),
                        float(lumpsum[position]),
                        corridor.band,
                        bool(excess[position] > 0),
                    )
                )
    return found
