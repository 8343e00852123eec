"""A Monte Carlo run in bounded memory, where every sample is a number or a problem.

The engine computes a sample as arrays of lines × years; a million samples at once took
gigabytes. :func:`run_in_chunks` runs the engine on chunks of samples whose size adapts to
the scenario's lines × years (:data:`CHUNK_ELEMENTS`; :data:`CACHE_ELEMENTS` for speed),
and keeps per sample only what a simulation summarises: the metrics (samples × metrics)
and the cumulative net of each year (samples × years, for the fan chart). What is kept is
capped (:data:`MAX_KEPT_ELEMENTS`): more samples than fit is an error (PC320) that says
how many fit.

The parameters are drawn for all samples up front, in the order of the file, exactly as
before chunking; the engine's arithmetic is per sample, so the results are identical
whatever the chunk size.

A sample whose amount divides by zero or is not finite, or whose totals overflow, is not
counted as 0 (the engine's deterministic run reports such a year as PC130/PC140): the run
stops with PC321, which names the line, the number of samples and the parameter values
of the first one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from pactcalc import expressions
from pactcalc.engine import Result, compute_kept, plan_of
from pactcalc.engine import _environment as engine_environment
from pactcalc.i18n import Text
from pactcalc.lines import Realisation
from pactcalc.metrics import is_kpi_indexed
from pactcalc.model import LINE_KINDS, Scenario
from pactcalc.problems import Problem

Array = np.ndarray

#: Float64 values of the engine's arrays in one chunk (about 200 MB): the chunk holds
#: ``CHUNK_ELEMENTS // (values per sample)`` samples, see :func:`chunk_samples`.
CHUNK_ELEMENTS = 25_000_000

#: Float64 values of one chunk that stay near the processor (about 12 MB): numpy works
#: faster on arrays found in the processor's caches than on arrays fetched from memory and
#: faulted in afresh, so a chunk holds no more samples than fit in this, though never fewer
#: than :data:`MIN_CHUNK_SAMPLES` (below that Python's own work per engine run outweighs
#: the gain). 10,000 samples of the examples (640 values each) run in chunks of 2,343:
#: their simulation takes 0.8–0.9 of the time of one chunk of 10,000
#: (``benchmarks/bench_uncertainty.py``).
CACHE_ELEMENTS = 1_500_000
MIN_CHUNK_SAMPLES = 1_000

#: Most float64 values a simulation keeps over all its samples (400 MB): per sample the
#: cumulative net of each year, the parameters drawn and the metrics kept.
MAX_KEPT_ELEMENTS = 50_000_000


class SimulationError(Exception):
    """A simulation that cannot give numbers: its problems (PC320, PC321), each with a
    ``path`` into the scenario where there is one."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class PartnerName:
    """A partner of the simulated scenario: its id and display name."""

    id: str
    name: str


#: A transfer moves money in a year when it moves at least half a cent.
HALF_CENT = 0.005


@dataclass
class TransferSamples:
    """One transfer of an agreement's rule over the samples: its total over the horizon
    and whether it moves money (at least half a cent) in some year."""

    rule: str
    kind: str  # contribution | lumpsum | gain_share | outcome_payment
    payer: str
    receiver: str
    totals: Array
    moves: Array


@dataclass
class SampledMetrics:
    """Every sample's value of each metric kept, in place of the engine's per-year arrays
    (computed chunk by chunk and dropped). Answers :meth:`metric` like
    :meth:`pactcalc.engine.Result.metric`, for the metrics it keeps."""

    years: list[int]
    partners: list[PartnerName]
    values: dict[tuple[str, str | None], Array] = field(repr=False)
    #: The agreement's transfers (DOMAIN.md §7), in rule order: each one's total over the
    #: horizon and whether it moves money in some year, per sample; empty without one.
    transfers: list[TransferSamples] = field(default_factory=list, repr=False)

    def metric(self, name: str, partner: str | None = None) -> Array:
        try:
            return self.values[(name, partner)]
        except KeyError:
            raise KeyError(
                f"the simulation did not keep {name!r}"
                + (f" of {partner!r}" if partner else "")
                + "; pass the check to simulate()"
            ) from None


def values_per_sample(scenario: Scenario) -> int:
    """Float64 values the engine makes for one sample: a few arrays per line (amount,
    gross, adjustments, running) and per partner, and the scenario's per-year totals."""
    lines = sum(len(scenario.lines(kind)) for kind in LINE_KINDS)
    return (4 * lines + 6 * len(scenario.partners) + 30) * scenario.years


def chunk_samples(scenario: Scenario, budget: int | None = None) -> int:
    """How many samples one engine run takes, so that a chunk stays within ``budget``
    values (default :data:`CHUNK_ELEMENTS`) and, where that allows more than
    :data:`MIN_CHUNK_SAMPLES`, within :data:`CACHE_ELEMENTS`."""
    per_sample = values_per_sample(scenario)
    near = max(MIN_CHUNK_SAMPLES, CACHE_ELEMENTS // per_sample)
    return max(1, min((budget or CHUNK_ELEMENTS) // per_sample, near))


def check_capacity(
    scenario: Scenario, samples: int, kept_per_sample: int, from_file: bool = True
) -> None:
    """Raise PC320 when ``samples`` × the values kept per sample exceeds
    :data:`MAX_KEPT_ELEMENTS`; the message gives the most samples that fit, and points at
    the scenario's ``simulation.samples`` when the number came ``from_file``."""
    if samples * kept_per_sample <= MAX_KEPT_ELEMENTS:
        return
    raise SimulationError(
        [
            Problem(
                "PC320",
                "",
                args={
                    "samples": samples,
                    "years": scenario.years,
                    "most": MAX_KEPT_ELEMENTS // kept_per_sample,
                    "limit": MAX_KEPT_ELEMENTS,
                },
                path=("simulation", "samples") if from_file else None,
            )
        ]
    )


@dataclass
class _Bad:
    """Samples without a number for one cause (a line, a parameter, the totals)."""

    problem: Problem  # PC321 without the counts yet
    count: int = 0
    first: int = -1  # the first such sample, over all chunks


def run_in_chunks(
    scenario: Scenario,
    draws: Mapping[str, Array],
    samples: int,
    kept: Sequence[tuple[str, str | None]],
    per_chunk: int | None = None,
    fan: bool = True,
    plan: Result | None = None,
    realisation: Realisation | None = None,
) -> tuple[SampledMetrics, Array]:
    """The metrics ``kept`` (name, partner or None) of every sample and the cumulative net
    of every sample per year (years × samples: a year's samples lie together), computing
    ``per_chunk`` samples at a time (default: :func:`chunk_samples`). Without ``fan``
    neither the cumulative nets (an array of years × 0) nor the agreement's transfers are
    kept: a check needs only its metric. The engine computes what those need
    (:func:`~pactcalc.engine.compute_kept`). ``plan``: the scenario computed at its values
    (the agreement's terms, fixed once for every chunk), when the caller has it.
    ``realisation``: actuals replacing the samples in the years they give (a simulation of
    the current expectation, DOMAIN.md §8). Raises
    :class:`SimulationError` (PC321) when a sample is not a number."""
    step = per_chunk or chunk_samples(scenario)
    if plan is None:
        plan = plan_of(scenario)
    metric_names = [name for name, _ in kept]
    # a partner's or a KPI's figure read (each partner's net, for a whole simulation)
    by_partner = fan or any(p is not None or is_kpi_indexed(name) for name, p in kept)
    years = scenario.calendar_years
    values = {key: np.empty(samples) for key in kept}
    cumulative = np.empty((len(years), samples if fan else 0))
    transfers: list[TransferSamples] = []
    bad: dict[tuple[object, ...], _Bad] = {}
    _find_bad_draws(draws, bad)
    for start, stop in _chunks(samples, step):
        rows = {name: column[start:stop] for name, column in draws.items()}
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            result = compute_kept(
                scenario, rows, stop - start, plan, metric_names, fan, realisation, by_partner
            )
            _find_bad(scenario, result, rows, start, bad)
        if bad:
            continue  # count every bad sample; the numbers will not be shown
        for name, partner in kept:
            column = np.asarray(result.metric(name, partner), dtype=float).reshape(-1)
            values[(name, partner)][start:stop] = column
        if not fan:
            continue
        chunk_cumulative = np.asarray(result.cumulative_per_year).reshape(stop - start, -1)
        cumulative[:, start:stop] = chunk_cumulative.T
        _keep_transfers(result, transfers, samples, start, stop)
    if bad:
        raise SimulationError([_worded(found, draws, samples) for found in bad.values()])
    partners = [PartnerName(p.id, p.name) for p in scenario.partners]
    return SampledMetrics(list(years), partners, values, transfers), cumulative


def _keep_transfers(
    result: Result, transfers: list[TransferSamples], samples: int, start: int, stop: int
) -> None:
    """Add one chunk's transfers (every rule's, in order) to ``transfers``."""
    found = [(rule, transfer) for rule in result.agreement for transfer in rule.transfers]
    if not transfers:
        transfers += [
            TransferSamples(
                rule.name,
                rule.rule,
                transfer.payer,
                transfer.receiver,
                np.zeros(samples),
                np.zeros(samples, dtype=bool),
            )
            for rule, transfer in found
        ]
    shape = (stop - start, len(result.years))
    for kept, (_, transfer) in zip(transfers, found, strict=True):
        per_year = np.broadcast_to(
            np.asarray(transfer.per_year, dtype=float).reshape(-1, shape[1]), shape
        )
        kept.totals[start:stop] = per_year.sum(axis=-1)
        kept.moves[start:stop] = (np.abs(per_year) >= HALF_CENT).any(axis=-1)


def _chunks(samples: int, step: int) -> Iterator[tuple[int, int]]:
    for start in range(0, samples, step):
        yield start, min(samples, start + step)


def _find_bad(
    scenario: Scenario,
    result: Result,
    rows: Mapping[str, Array],
    start: int,
    bad: dict[tuple[object, ...], _Bad],
) -> None:
    """Add the samples of this chunk whose lines or totals are not numbers to ``bad``, by
    cause (the draws themselves: :func:`_find_bad_draws`)."""
    count = next(iter(rows.values())).shape[0] if rows else 1
    codes = {p.code for p in result.problems}
    if "PC130" in codes:
        env = engine_environment(scenario, rows)
        for line_result in result.lines:
            line = scenario.lines(line_result.kind)[line_result.index]
            evaluation = expressions.evaluate_expression(line.amount, env)
            value = np.asarray(evaluation.value, dtype=float)
            wrong = ~np.isfinite(value) | np.asarray(evaluation.divided_by_zero)
            wrong = np.broadcast_to(
                wrong, np.broadcast_shapes(wrong.shape, line_result.running.shape)
            )
            wrong = wrong & line_result.running
            what = (
                "problem.division_by_zero"
                if np.asarray(evaluation.divided_by_zero).any()
                else "problem.not_finite"
            )
            subject = Text("problem.sample_line", {"line": line.name, "what": Text(what)})
            _note(
                bad,
                ("line", line_result.kind, line_result.index),
                _per_sample(wrong, count),
                start,
                count,
                Problem(
                    "PC321",
                    "",
                    args={"subject": subject},
                    path=(line_result.kind, line_result.index, "amount"),
                ),
            )
    if "PC140" in codes:
        totals = {
            "baseline": result.baseline_per_year,
            "budget": result.budget_per_year,
            "effort": result.effort_per_year,
            "investments": result.investment_per_year,
            "benefits": result.benefits_per_year,
        }
        for kind, per_year in totals.items():
            subject = Text("problem.sample_totals", {"what": kind})
            problem = Problem("PC321", "", args={"subject": subject}, path=(kind,))
            wrong = _per_sample(~np.isfinite(per_year), count)
            _note(bad, ("totals", kind), wrong, start, count, problem)
        # the lines add up, but their net (savings + benefits − investments) overflows
        net = Problem("PC321", "", args={"subject": Text("problem.sample_net")})
        wrong = _per_sample(~np.isfinite(result.discounted_net_per_year), count)
        _note(bad, ("totals", "net"), wrong, start, count, net)


def _find_bad_draws(draws: Mapping[str, Array], bad: dict[tuple[object, ...], _Bad]) -> None:
    """Add the draws that are not numbers to ``bad``, by parameter: all samples at once."""
    for name, column in draws.items():
        wrong = ~np.isfinite(column).reshape(-1)
        problem = Problem(
            "PC321",
            "",
            args={"subject": Text("problem.sample_parameter", {"name": name})},
            path=("parameters", name),
        )
        _note(bad, ("parameter", name), wrong, 0, wrong.size, problem)


def _per_sample(wrong: Array, count: int) -> Array:
    """A (samples,) mask from a per-year mask that may lack the sample axis."""
    wrong = np.asarray(wrong)
    if wrong.ndim < 2:
        return np.full(count, bool(wrong.any()))
    return np.asarray(wrong.reshape(wrong.shape[0], -1).any(axis=1))


def _note(
    bad: dict[tuple[object, ...], _Bad],
    key: tuple[object, ...],
    wrong: Array,
    start: int,
    count: int,
    problem: Problem,
) -> None:
    wrong = np.broadcast_to(wrong, (count,))
    hits = int(wrong.sum())
    if not hits:
        return
    found = bad.setdefault(key, _Bad(problem))
    if found.first < 0:
        found.first = start + int(np.argmax(wrong))
    found.count += hits


def _worded(found: _Bad, draws: Mapping[str, Array], samples: int) -> Problem:
    """PC321 with its counts and the parameter values of the first bad sample, written
    as in the file (a decimal point, at most 6 significant digits)."""
    values = ", ".join(
        f"{name} = {float(column.reshape(-1)[found.first]):.6g}" for name, column in draws.items()
    )
    args = {
        **found.problem.args,
        "count": found.count,
        "samples": samples,
        "values": values or "-",
    }
    return Problem(found.problem.code, "", args=args, path=found.problem.path)
