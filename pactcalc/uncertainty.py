"""Uncertainty on the one engine: sampling, Monte Carlo, one-way sensitivity, switching values.

Every function here calls :func:`pactcalc.engine.compute` once (or a few times) with the
uncertain parameters as arrays of shape ``(rows, 1)`` — a leading axis of samples or
variants — never a Python loop over samples. DOMAIN.md §6 is the specification.

Conventions:

* A parameter with ``low`` and ``high`` is uncertain; ``value`` is its most likely value.
  ``distribution``: ``pert`` (default; Beta-PERT with λ = 4), ``triangular`` or
  ``uniform``, all bounded by low and high.
* A missing payback is an outcome, not a number: it sorts as the worst outcome (+∞), and
  inside a probability it counts as a payback beyond the horizon.
* The generator is numpy's PCG64 seeded from the scenario (or the command line), and the
  uncertain parameters are drawn in the order of the file: the same file, seed and number
  of samples give the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from pactcalc import metrics
from pactcalc.engine import Result, compute, plan_of
from pactcalc.lines import Realisation
from pactcalc.model import Check, CheckResult, Parameter, Scenario
from pactcalc.model.checks import compare
from pactcalc.sampled import SampledMetrics, check_capacity, chunk_samples, run_in_chunks
from pactcalc.statistics import (
    Probability,
    Summary,
    mean_of,
    percentile,
    probability,
    summarise,
    worst_last,
)

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.agreement_risk import PartnerRisk, TransferRisk

Array = np.ndarray


def _is_payback(metric: str) -> bool:
    """A payback (in years; "none within the horizon" is an outcome, see above)."""
    return metrics.kind_of(metric) == "years"


def summarised_metrics() -> tuple[str, ...]:
    """The metrics a simulation summarises (DOMAIN.md §6), before the partners' net
    totals: the npv first (the analysis is about it), then in the registry's order."""
    names = metrics.names(metrics.simulated_metrics())
    return tuple(sorted(names, key=lambda name: name != "npv"))


def uncertain(scenario: Scenario) -> dict[str, Parameter]:
    """The parameters with a range, in the order of the file."""
    return {
        name: p
        for name, p in scenario.parameters.items()
        if p.low is not None and p.high is not None
    }


def pert_mean(low: float, mode: float, high: float) -> float:
    """Mean of the Beta-PERT distribution: ``(a + 4m + b) / 6``.

    >>> pert_mean(0, 1, 8)
    2.0
    """
    return (low + 4 * mode + high) / 6


def draw(parameter: Parameter, samples: int, rng: np.random.Generator) -> Array:
    """``samples`` draws of one uncertain parameter, as a column of shape (samples, 1).

    Beta-PERT (λ = 4): ``α = 1 + 4(m − a)/(b − a)``, ``β = 1 + 4(b − m)/(b − a)``,
    ``x = a + (b − a)·Beta(α, β)``. A range of zero width gives the value itself.
    """
    a, m, b = float(parameter.low), float(parameter.value), float(parameter.high)  # type: ignore[arg-type]
    if b == a:
        return np.full((samples, 1), m)
    kind = parameter.distribution or "pert"
    if kind == "uniform":
        x = rng.uniform(a, b, samples)
    elif kind == "triangular":
        x = rng.triangular(a, m, b, samples)
    else:
        alpha = 1 + 4 * (m - a) / (b - a)
        beta = 1 + 4 * (b - m) / (b - a)
        x = a + (b - a) * rng.beta(alpha, beta, samples)
    return np.asarray(x, dtype=float).reshape(samples, 1)


def sample_parameters(scenario: Scenario, samples: int, seed: int) -> dict[str, Array]:
    """Draws of every uncertain parameter, shape (samples, 1) each, in file order."""
    rng = np.random.Generator(np.random.PCG64(seed))
    return {name: draw(p, samples, rng) for name, p in uncertain(scenario).items()}


@dataclass
class Simulation:
    """The outcome of a Monte Carlo run. ``result`` holds every sample's value of the
    metrics summarised and checked (not the engine's per-year arrays: those are computed
    in chunks and dropped, see :mod:`pactcalc.sampled`), with the years and partners."""

    samples: int
    seed: int
    parameters: list[str]
    summaries: dict[str, Summary]  # metric → summary; partners as "net_total[id]"
    probabilities: list[Probability]
    npv: Array  # every sample's npv, for histograms
    cumulative_bands: dict[int, Array]  # percentile → cumulative net per year (fan chart)
    partner_nets: dict[str, Array]  # partner id → every sample's net_total
    result: SampledMetrics = field(repr=False)
    #: The agreement's effect on risk (DOMAIN.md §7; :mod:`pactcalc.agreement_risk`):
    #: partner id → net before/after, and each rule's transfers; empty without one.
    settled_nets: dict[str, PartnerRisk] = field(default_factory=dict)
    rule_transfers: list[TransferRisk] = field(default_factory=list)


def kept_metrics(scenario: Scenario, checks: Sequence[Check]) -> list[tuple[str, str | None]]:
    """The metrics a simulation keeps per sample: those it summarises, each partner's net
    and every metric a probabilistic check is about."""
    kept: list[tuple[str, str | None]] = [(m, None) for m in summarised_metrics()]
    kept += [("net_total", p.id) for p in scenario.partners]
    if scenario.agreement:  # the net after the agreement too (DOMAIN.md §7)
        kept += [("net_settled_total", p.id) for p in scenario.partners]
    kept += [(c.metric, c.partner) for c in checks if c.is_probabilistic]
    return list(dict.fromkeys(kept))


def _kept_per_sample(scenario: Scenario, kept: Sequence[tuple[str, str | None]]) -> int:
    """Float64 values a simulation keeps per sample: the cumulative net of each year, the
    parameters drawn and the metrics ``kept``."""
    return scenario.years + len(uncertain(scenario)) + len(kept)


def simulate(
    scenario: Scenario,
    checks: Sequence[Check] = (),
    samples: int | None = None,
    seed: int | None = None,
    chunk: int | None = None,
    plan: Result | None = None,
) -> Simulation:
    """Run the engine on ``samples`` draws of the uncertain parameters (defaults: the
    scenario's ``simulation``) and summarise. ``plan``: the scenario's deterministic
    result, when the caller has computed it already (the agreement's terms are fixed on
    it).

    The engine runs on ``chunk`` samples at a time (default: as many as fit the memory
    budget of :mod:`pactcalc.sampled`); the numbers do not depend on it. Raises
    :class:`~pactcalc.sampled.SimulationError` with PC320 when the samples do not fit and
    PC321 when a sample is not a number."""
    n = samples if samples is not None else scenario.simulation.samples
    seed_ = seed if seed is not None else scenario.simulation.seed
    kept = kept_metrics(scenario, checks)
    check_capacity(scenario, n, _kept_per_sample(scenario, kept), from_file=samples is None)
    draws = sample_parameters(scenario, n, seed_)
    # nothing uncertain (no draws): n identical samples of the point estimate
    result, cumulative = run_in_chunks(scenario, draws, n, kept, chunk, plan=plan)
    summaries: dict[str, Summary] = {}
    for metric in summarised_metrics():
        summaries[metric] = summarise(result.metric(metric), _is_payback(metric))
    nets = {p.id: result.metric("net_total", p.id) for p in result.partners}
    for partner_id, net in nets.items():
        summaries[f"net_total[{partner_id}]"] = summarise(net)

    npv = result.metric("npv")
    headroom = result.metric("headroom_min")
    payback = result.metric("payback_years")
    probabilities = [
        probability("npv > 0", npv > 0),
        probability("headroom_min >= 0", headroom >= 0),
        probability("payback within the horizon", ~np.isnan(payback)),
    ]
    thresholds = sorted(_payback_thresholds(checks))
    probabilities += [
        probability(f"payback_years <= {t:g}", worst_last(payback) <= t) for t in thresholds
    ]
    probabilities += [probability(f"net_total[{pid}] < 0", net < 0) for pid, net in nets.items()]
    # year by year, so that sorting needs one year's samples beside them, not all years'
    per_year = np.array([np.percentile(year, (10, 50, 90)) for year in cumulative])
    bands = {q: per_year[:, i] for i, q in enumerate((10, 50, 90))}
    from pactcalc.agreement_risk import agreement_risk  # only a whole simulation shows it

    settled, transfers = agreement_risk(result, nets, summaries)
    return Simulation(
        n,
        seed_,
        list(draws),
        summaries,
        probabilities,
        npv,
        bands,
        nets,
        result,
        settled,
        transfers,
    )


@dataclass
class CheckSamples:
    """What checks on a simulation (``P(…)``, ``Pnn(…)``, ``mean(…)``) are evaluated on:
    every sample's value of the metrics they are about, and nothing a report shows
    (summaries, percentiles, the fan chart's bands, the agreement's risk). ``run`` and
    ``check`` show only whether each check holds, so they simulate this much."""

    samples: int
    seed: int
    result: SampledMetrics = field(repr=False)


def simulate_checks(
    scenario: Scenario,
    checks: Sequence[Check],
    samples: int | None = None,
    seed: int | None = None,
    chunk: int | None = None,
    plan: Result | None = None,
    realisation: Realisation | None = None,
) -> CheckSamples:
    """The samples :func:`evaluate_probabilistic` needs for ``checks``: the same draws and
    the same engine runs as :func:`simulate` (so the same numbers, and the same PC320 and
    PC321), keeping per sample only the metrics of the probabilistic checks. ``plan``: the
    scenario's deterministic result, when the caller has computed it already.
    ``realisation``: actuals over the samples (DOMAIN.md §8): the checks of the current
    expectation, whose realised inputs no longer vary."""
    n = samples if samples is not None else scenario.simulation.samples
    seed_ = seed if seed is not None else scenario.simulation.seed
    # the capacity of a whole simulation, so that run, check and simulate agree on PC320
    capacity = _kept_per_sample(scenario, kept_metrics(scenario, checks))
    check_capacity(scenario, n, capacity, from_file=samples is None)
    kept = list(dict.fromkeys((c.metric, c.partner) for c in checks if c.is_probabilistic))
    draws = sample_parameters(scenario, n, seed_)
    result, _ = run_in_chunks(
        scenario, draws, n, kept, chunk, fan=False, plan=plan, realisation=realisation
    )
    return CheckSamples(n, seed_, result)


@dataclass(frozen=True)
class Histogram:
    """Samples counted in equal-width bins: ``counts[i]`` samples lie in ``[edges[i],
    edges[i + 1])``, the last bin including its right edge (numpy's convention)."""

    edges: Array  # bins + 1 ascending edges, from the smallest sample to the largest
    counts: Array  # bins whole numbers; they add up to the number of samples


def histogram(values: Array, bins: int) -> Histogram:
    """The distribution of ``values`` (a simulated metric, e.g. ``Simulation.npv``) in
    ``bins`` equal-width bins over ``[min, max]``, as ``numpy.histogram`` bins them.

    The reports bin the simulated npv this way: the terminal's text histogram in 12 bins,
    the report's chart in 40 (matplotlib's ``hist`` with ``bins=40`` is this same
    ``numpy.histogram``). When every sample is equal, numpy's range is the value ± 0.5
    and all samples fall in the middle bin; the terminal says so in words instead.

    >>> found = histogram(np.array([0.0, 1.0, 1.0, 4.0]), bins=4)
    >>> found.edges.tolist(), found.counts.tolist()
    ([0.0, 1.0, 2.0, 3.0, 4.0], [1, 2, 0, 1])
    """
    counts, edges = np.histogram(np.asarray(values, dtype=float).reshape(-1), bins=bins)
    return Histogram(edges, counts)


def _payback_thresholds(checks: Sequence[Check]) -> set[float]:
    """Every t of a check on the payback: ``payback_years <= t`` and ``P(payback_years <=
    t) >= p`` alike (DOMAIN.md §6: "for each threshold in the checks")."""
    found = set()
    for check in checks:
        if check.metric != "payback_years" or check.partner is not None:
            continue
        if check.statistic == "probability" and check.inner_bound is not None:
            found.add(check.inner_bound)
        elif check.statistic == "value" and check.op in ("<", "<="):
            found.add(check.bound)
    return found


def evaluate_probabilistic(
    simulation: Simulation | CheckSamples, check: Check, index: int
) -> CheckResult:
    """A check on the simulation: ``P(…) OP p``, ``Pnn(metric) OP x`` or ``mean(metric)
    OP x``. A check within two standard errors of its bound is too close to call."""
    values = np.asarray(simulation.result.metric(check.metric, check.partner)).reshape(-1)
    payback = _is_payback(check.metric)
    se: float | None = None
    if check.statistic == "probability":
        assert check.inner_op is not None
        assert check.inner_bound is not None
        outcome = worst_last(values) if payback else values
        hits = compare(check.metric, check.inner_op, outcome, check.inner_bound)
        found = probability(check.text, hits)
        actual, se = found.p, found.se
    elif check.statistic == "percentile":
        assert check.percentile is not None
        ordered = worst_last(values) if payback else values
        actual = percentile(ordered, check.percentile)
        if not math.isfinite(actual):
            return CheckResult(check, index, None, False, missing="payback")
    else:
        if payback and np.isnan(values).any():
            return CheckResult(check, index, None, False, missing="payback")
        actual = mean_of(values)
        se = float(values.std(ddof=1) / math.sqrt(values.size)) if values.size > 1 else 0.0
    # P(…) is a probability, compared exactly; a percentile or mean is in the metric's unit
    compared = None if check.statistic == "probability" else check.metric
    passed = bool(compare(compared, check.op, actual, check.bound))
    close = se is not None and abs(actual - check.bound) < 2 * se
    return CheckResult(
        check, index, actual, passed, se=se, too_close=close, samples=simulation.samples
    )


# --- one-way sensitivity -------------------------------------------------------------------


@dataclass(frozen=True)
class Swing:
    """One bar of the tornado: the metric with the parameter at low and at high (all
    others at value), and where the metric reaches its threshold."""

    parameter: str
    low: float
    high: float
    at_low: float  # NaN: no payback
    at_high: float
    swing: float  # |at_high − at_low|; a missing payback counts as +∞
    switching_value: float | None  # None: no crossing in the searched interval
    searched: tuple[float, float]  # the interval searched for a switching value
    value: float = 0.0  # the parameter's most likely value
    #: (switching value − value) / value; None without a switching value or when value is 0
    switching_change: float | None = None


@dataclass
class Sensitivity:
    metric: str
    threshold: float | None  # None: no threshold (a payback without a check)
    base: float  # the metric with every parameter at its value
    swings: list[Swing]  # by swing, largest first


def threshold_for(metric: str, checks: Sequence[Check]) -> float | None:
    """The threshold of a switching value: the bound of a plain check on the metric, else
    0 for money metrics; none for a payback without a check."""
    name, index = metrics.split_indexed(metric)
    for check in checks:
        if check.metric == name and check.statistic == "value" and check.partner == index:
            return check.bound
    if metrics.kind_of(metric) in ("years", "ratio") or metrics.is_kpi_indexed(name):
        return None  # a KPI has no natural threshold: only a check's bound
    return 0.0


def sensitivity(
    scenario: Scenario,
    metric: str = "npv",
    checks: Sequence[Check] = (),
    grid: int = 64,
    refine: int = 30,
) -> Sensitivity:
    """Tornado and switching values for ``metric``, one variant per row of one engine run.

    Switching value: search outward from ``value`` over ``[value − 2·(value − low) − w,
    value + 2·(high − value) + w]`` with w = high − low (never below 0 when low ≥ 0), on a
    grid, then refine the nearest crossing by bisection.
    """
    params = uncertain(scenario)
    names = list(params)
    base_values = {n: float(p.value) for n, p in params.items()}
    threshold = threshold_for(metric, checks)
    metric_name, metric_index = metrics.split_indexed(metric)  # "net_settled_total[bw]"

    step = chunk_samples(scenario)
    plan = plan_of(scenario)  # the agreement's terms, fixed once for every chunk

    def metric_of_rows(rows: dict[str, Array], count: int) -> Array:
        """The metric for each of ``count`` rows of parameter values (one engine run per
        chunk of rows, so that memory stays within the budget of a simulation's chunk)."""
        found = np.empty(count)
        for start in range(0, count, step):
            stop = min(count, start + step)
            chunk = {name: column[start:stop] for name, column in rows.items()}
            result = compute(scenario, (), parameters=chunk, samples=stop - start, plan=plan)
            found[start:stop] = np.asarray(
                result.metric(metric_name, metric_index), dtype=float
            ).reshape(-1)
        return found

    def variants(values: Array, which: Array) -> dict[str, Array]:
        """Rows where parameter ``which[r]`` takes ``values[r]``, all others their value."""
        return {
            n: np.where(which == i, values, base_values[n]).reshape(-1, 1)
            for i, n in enumerate(names)
        }

    base = float(np.asarray(compute(scenario, ()).metric(metric_name, metric_index)).reshape(-1)[0])
    if not names:
        return Sensitivity(metric, threshold, base, [])
    index = np.arange(len(names))
    lows = np.array([float(params[n].low) for n in names])  # type: ignore[arg-type]
    highs = np.array([float(params[n].high) for n in names])  # type: ignore[arg-type]
    ends = metric_of_rows(
        variants(np.concatenate([lows, highs]), np.concatenate([index, index])), 2 * len(names)
    )
    at_low, at_high = ends[: len(names)], ends[len(names) :]

    switching: list[float | None] = [None] * len(names)
    intervals: list[tuple[float, float]] = []
    for i, n in enumerate(names):
        width = highs[i] - lows[i]
        lo = base_values[n] - 2 * (base_values[n] - lows[i]) - width
        hi = base_values[n] + 2 * (highs[i] - base_values[n]) + width
        if lows[i] >= 0:
            lo = max(lo, 0.0)
        intervals.append((lo, hi))
    if threshold is not None:
        switching = _switching_values(
            names,
            base_values,
            intervals,
            threshold,
            grid,
            refine,
            variants,
            metric_of_rows,
            _is_payback(metric),
        )
    swings = []
    for i, n in enumerate(names):
        a, b = at_low[i], at_high[i]
        if _is_payback(metric):
            a_s, b_s = worst_last(np.array([a, b]))
            swing = abs(b_s - a_s) if not (math.isinf(a_s) and math.isinf(b_s)) else 0.0
        else:
            swing = abs(b - a)
        swings.append(
            Swing(
                n,
                float(lows[i]),
                float(highs[i]),
                float(a),
                float(b),
                float(swing),
                switching[i],
                (float(intervals[i][0]), float(intervals[i][1])),
                base_values[n],
                _change(switching[i], base_values[n]),
            )
        )
    swings.sort(key=lambda s: (-s.swing, s.parameter))
    return Sensitivity(metric, threshold, base, swings)


def _change(new: float | None, old: float) -> float | None:
    """(new − old) / old, the change of a switching value from the parameter's value."""
    if new is None or old == 0:
        return None
    return (new - old) / old


def _switching_values(
    names: list[str],
    base_values: dict[str, float],
    intervals: list[tuple[float, float]],
    threshold: float,
    grid: int,
    refine: int,
    variants: Callable[[Array, Array], dict[str, Array]],
    metric_of_rows: Callable[[dict[str, Array], int], Array],
    payback: bool,
) -> list[float | None]:
    """Nearest crossing of the threshold on each side of the value, refined by bisection;
    all parameters at once (one engine run per step)."""
    count = len(names)
    # grid points on both sides, from the value outward
    steps = np.linspace(0.0, 1.0, grid + 1)[1:]
    points = np.empty((count, 2, grid))
    for i, n in enumerate(names):
        v = base_values[n]
        lo, hi = intervals[i]
        points[i, 0] = v - steps * (v - lo)
        points[i, 1] = v + steps * (hi - v)
    which = np.repeat(np.arange(count), 2 * grid)
    values = metric_of_rows(variants(points.reshape(-1), which), count * 2 * grid).reshape(
        count, 2, grid
    )
    base = metric_of_rows(
        variants(np.array([base_values[n] for n in names]), np.arange(count)), count
    )

    def side(x: Array) -> Array:  # the sign of (metric − threshold); no payback is +∞
        x = worst_last(x) if payback else x
        return np.sign(x - threshold)

    base_side = side(base)
    result: list[float | None] = [None] * count
    brackets: list[tuple[int, float, float]] = []
    for i in range(count):
        best: tuple[float, float, float] | None = None  # (distance, inner, outer)
        for s in (0, 1):
            sides = side(values[i, s])
            changed = np.flatnonzero(sides != base_side[i])
            if changed.size:
                k = int(changed[0])
                inner = base_values[names[i]] if k == 0 else points[i, s, k - 1]
                outer = points[i, s, k]
                distance = abs(outer - base_values[names[i]])
                if best is None or distance < best[0]:
                    best = (distance, inner, outer)
        if best is not None:
            brackets.append((i, best[1], best[2]))
    if not brackets:
        return result
    idx = np.array([b[0] for b in brackets])
    inner = np.array([b[1] for b in brackets])
    outer = np.array([b[2] for b in brackets])
    for _ in range(refine):
        middle = (inner + outer) / 2
        probe = metric_of_rows(variants(middle, idx), len(idx))
        same = side(probe) == base_side[idx]
        inner = np.where(same, middle, inner)
        outer = np.where(same, outer, middle)
    for j, i in enumerate(idx):
        result[int(i)] = float((inner[j] + outer[j]) / 2)
    return result


@dataclass
class Analysis:
    """What the reports show about uncertainty: a simulation and the sensitivity of the
    npv (with its switching values)."""

    simulation: Simulation
    sensitivity: Sensitivity


def analyse(scenario: Scenario, checks: Sequence[Check] = ()) -> Analysis | None:
    """The uncertainty section of a report; None when no parameter has a range."""
    if not uncertain(scenario):
        return None
    return Analysis(simulate(scenario, checks), sensitivity(scenario, "npv", checks))
