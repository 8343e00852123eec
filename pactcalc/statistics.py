"""Statistics of simulated samples: summaries (mean, P5, P50, P95), probabilities with
their Monte Carlo standard error, and the convention that a missing payback sorts last.

Used by :mod:`pactcalc.uncertainty` (the simulation) and :mod:`pactcalc.agreement_risk`
(the agreement's effect on each partner's risk); no words, no formatting.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


def worst_last(values: Array) -> Array:
    """Paybacks with "none within the horizon" as +∞, so that it sorts as the worst."""
    return np.where(np.isnan(values), np.inf, values)


# --- Monte Carlo ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Mean and percentiles of one simulated metric. For a payback, ``missing`` is the
    share of samples without payback within the horizon; a percentile that falls among
    them is None (say it in words), and so is the mean when any sample has none."""

    mean: float | None
    p5: float | None
    p50: float | None
    p95: float | None
    missing: float = 0.0


@dataclass(frozen=True)
class Probability:
    """P(event) with its Monte Carlo standard error ``sqrt(p(1 − p)/n)``."""

    event: str
    p: float
    se: float


def percentile(values: Array, q: float) -> float:
    """A percentile where +∞ (no payback) may be among the values: one that falls among
    them is +∞ (numpy's interpolation would give ∞ − ∞ = NaN)."""
    (value,) = percentiles(values, (q,))
    return value


def percentiles(values: Array, qs: Sequence[float]) -> list[float]:
    """:func:`percentile` for each of ``qs``, in one pass over the values."""
    with np.errstate(invalid="ignore"):
        found = [float(v) for v in np.percentile(values, qs)]
    if all(math.isfinite(v) for v in found) or not np.isinf(values).any():
        return found
    return [v if math.isfinite(v) else math.inf for v in found]


def mean_of(values: Array) -> float:
    """The mean; exactly the value when every sample is the same (zero-width ranges), so
    that a simulation without uncertainty equals the deterministic run to the last bit."""
    if values.size and (values == values[0]).all():
        return float(values[0])
    return float(values.mean())


def summarise(values: Array, payback: bool = False) -> Summary:
    values = np.asarray(values, dtype=float).reshape(-1)
    if payback:
        ordered = worst_last(values)
        missing = float(np.isnan(values).mean())
        p5, p50, p95 = percentiles(ordered, (5, 50, 95))
        mean = None if missing else mean_of(values)
        shown = [None if math.isinf(v) or math.isnan(v) else v for v in (p5, p50, p95)]
        return Summary(mean, shown[0], shown[1], shown[2], missing=missing)
    p5, p50, p95 = (float(v) for v in np.percentile(values, [5, 50, 95]))
    return Summary(mean_of(values), p5, p50, p95)


def probability(event: str, hits: Array) -> Probability:
    n = hits.size
    p = float(hits.mean())
    return Probability(event, p, math.sqrt(p * (1 - p) / n))
