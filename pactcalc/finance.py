"""Money functions: discounting, net present value and the payback period.

Pure functions over numpy arrays. The last axis is always the year axis (t = 0 … T−1,
t = 0 being the scenario's ``start_year``); any leading axes (Monte Carlo samples,
sensitivity variants) are carried through untouched, so one engine serves one run and
many.

Conventions (DOMAIN.md §2):

* **Discounting** — ``df[t] = 1 / (1 + rate) ** t``: the start year is *not* discounted.
  This differs from Excel's ``NPV(rate; v1; …)``, which discounts its first value by a
  full year; in Excel the same figure is ``v1 + NPV(rate; v2; …)``.
* **Payback** — measured in years from the start of ``start_year``. An investment is paid
  as a lump at the *start* of its year; every other flow (savings, benefits) is spread
  evenly over its year. The payback is the first moment the cumulative goes from negative
  back to zero; 0 when it is never negative; missing (NaN here, "none" to the user) when
  it does not return to zero within the horizon.
* **Money is compared at the cent** — two amounts less than half a cent apart are equal
  (:func:`money_compare`, :func:`is_negative`, :func:`is_zero`). Amounts that add up
  exactly in cents (1000.11 + 1383.63 = 2383.74) differ in binary floating point by
  about 1e-13; without
  this a budget that exactly covers its costs would fail ``headroom_min >= 0``, and a
  payback of exactly 3 years would be "no payback". Every comparison of money — checks,
  the payback crossing, "never negative", "negative again", "the budget suffices" — goes
  through these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:  # numpy.typing costs start-up time; the names are for type checkers
    from numpy.typing import ArrayLike, NDArray

    FloatArray = NDArray[np.float64]
else:
    ArrayLike = NDArray = FloatArray = Any


#: Half a cent, in euros: amounts closer together than this are the same amount.
HALF_CENT = 0.005

#: The comparison operators of a check (and of the engine's own tests of money).
MoneyOperator = Literal["<", "<=", ">", ">="]


def money_compare(op: MoneyOperator, amount: ArrayLike, bound: ArrayLike) -> NDArray[np.bool_]:
    """``amount OP bound`` at the cent: amounts less than half a cent apart are equal.

    Element-wise on arrays (samples). ``op`` is one of ``<``, ``<=``, ``>``, ``>=``.

    >>> budget, effort = 2383.74, 1000.11 + 1383.63
    >>> budget - effort  # binary floating point: not quite 0
    -4.547473508864641e-13
    >>> bool(money_compare(">=", budget - effort, 0)), bool(money_compare("<", budget - effort, 0))
    (True, False)
    >>> money_compare(">", [0.004, 0.005, 0.01], 0).tolist()  # half a cent or more: larger
    [False, True, True]
    """
    difference = np.asarray(amount, dtype=float) - np.asarray(bound, dtype=float)
    if op == "<":
        return np.asarray(difference <= -HALF_CENT)
    if op == "<=":
        return np.asarray(difference < HALF_CENT)
    if op == ">":
        return np.asarray(difference >= HALF_CENT)
    if op == ">=":
        return np.asarray(difference > -HALF_CENT)
    raise ValueError(f"unknown operator {op!r}")


def is_negative(amount: ArrayLike) -> NDArray[np.bool_]:
    """Below zero at the cent: ``−4.5e-13`` is zero, ``−0.005`` (half a cent) is negative.

    >>> is_negative([-4.5e-13, -0.004, -0.005, 0.0]).tolist()
    [False, False, True, False]
    """
    return money_compare("<", amount, 0.0)


def is_zero(amount: ArrayLike) -> NDArray[np.bool_]:
    """Zero at the cent: less than half a cent from zero either way.

    >>> is_zero([4.5e-13, 0.004, -0.005]).tolist()
    [True, True, False]
    """
    return np.asarray(np.abs(np.asarray(amount, dtype=float)) < HALF_CENT)


def cents(amount: ArrayLike) -> FloatArray:
    """Rounded to the cent, half away from zero, without a negative zero: what a reader
    of the amount sees when cents are shown (``−4.5e-13`` → ``0.0``).

    >>> cents([2383.7399999999998, -4.5e-13, 0.125, -0.125]).tolist()
    [2383.74, 0.0, 0.13, -0.13]
    """
    value = np.asarray(amount, dtype=float)
    # The nudge of 1e-9 cent rounds 1.005 (stored as 1.00499999…) up, as it is written.
    rounded = np.sign(value) * np.floor(np.abs(value) * 100 + 0.5 + 1e-9) / 100
    return np.asarray(rounded + 0.0)


def discount_factors(years: int, rate: ArrayLike) -> FloatArray:
    """Discount factor per year: ``df[t] = 1 / (1 + rate) ** t``, t = 0 … years−1.

    ``rate`` is a fraction (0.0225 is 2.25 %); an array of rates gives a leading axis.

    >>> discount_factors(3, 0.1).round(6).tolist()
    [1.0, 0.909091, 0.826446]
    """
    rate_arr = np.asarray(rate, dtype=float)[..., np.newaxis]
    t = np.arange(years, dtype=float)
    return np.asarray(1.0 / (1.0 + rate_arr) ** t, dtype=float)


def npv(net_eur_per_year: ArrayLike, rate: ArrayLike) -> FloatArray:
    """Net present value in euros: ``Σ_t net[t] / (1 + rate) ** t``, start year undiscounted.

    >>> float(npv([-1000, 600, 600], 0.1).round(2))
    41.32
    >>> float(npv([-1000, 600, 600], 0.0))  # at 0 % the plain sum
    200.0

    In Excel: ``=-1000 + NPV(10%; 600; 600)`` gives the same 41.32; ``=NPV(10%; -1000;
    600; 600)`` gives 37.57, because Excel discounts its first value too.
    """
    net = np.asarray(net_eur_per_year, dtype=float)
    return np.asarray((net * discount_factors(net.shape[-1], rate)).sum(axis=-1))


#: A payback this close to a year's end (in years) is that year's end: float noise of a
#: cumulative that is exactly zero in cents, not a part of a year.
_YEAR_END = 1e-12


@dataclass(frozen=True)
class Payback:
    """Payback moments, one per leading index.

    ``years``: years from the start of ``start_year``; NaN where there is no payback within
    the horizon. ``negative_again``: the year index t in which the cumulative turns
    negative again after the payback moment, or −1 when it does not.
    """

    years: FloatArray
    negative_again: NDArray[np.int64]  # type: ignore[type-arg,unused-ignore]


def payback(investment_eur: ArrayLike, returns_eur: ArrayLike) -> Payback:
    """Payback period under the lump-investment, spread-returns convention.

    With ``r[k]`` the returns (savings + benefits) of year k, ``S[k]`` the cumulative at
    the start of year k after that year's investment and ``E[k] = S[k] + r[k]`` the
    cumulative at its end (``S[0] = −investment[0]``, ``S[k] = E[k−1] − investment[k]``),
    and k the first year with ``S[k] < 0 <= E[k]``::

        payback_years = k + (−S[k]) / r[k]

    0 when the cumulative is never negative; NaN when it never returns to zero.
    "Negative" is at the cent (:func:`is_negative`): a cumulative within half a cent of
    zero is zero, so a crossing at a year's end is exact (k + 1, not "none" because of a
    cumulative of −5.7e-14).

    >>> float(payback([1000, 0, 0, 0, 0], [200, 300, 400, 500, 600]).years)
    3.2
    >>> round(float(payback([50, 0, 0, 0, 0], [10, 13, 16, 19, 22]).years), 3)
    3.579
    >>> float(payback([1000, 0], [100, 100]).years)
    nan
    >>> float(payback([999.95, 0, 0], [333.30, 333.30, 333.35]).years)  # E[2] = −5.7e-14
    3.0
    """
    inv = np.asarray(investment_eur, dtype=float)
    ret = np.asarray(returns_eur, dtype=float)
    inv, ret = np.broadcast_arrays(inv, ret)
    n_years = inv.shape[-1]
    end = np.cumsum(ret - inv, axis=-1)  # E[k]
    start = end - ret  # S[k] = E[k] − r[k]
    start_negative = is_negative(start)
    end_negative = is_negative(end)

    never_negative = ~start_negative.any(axis=-1) & ~end_negative.any(axis=-1)
    crossing = start_negative & ~end_negative
    has_crossing = np.asarray(crossing.any(axis=-1))
    never_negative = np.asarray(never_negative)
    k = np.argmax(crossing, axis=-1)
    s_k = np.take_along_axis(start, k[..., np.newaxis], axis=-1)[..., 0]
    r_k = np.take_along_axis(ret, k[..., np.newaxis], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(has_crossing, -s_k / np.where(r_k == 0, 1.0, r_k), 0.0)
    # The crossing is exact at a year's end: an end below zero by less than half a cent is
    # zero (the fraction, above 1, is 1), and one above zero by float noise (a fraction of
    # 1 − 1e-16) is the end too. Elsewhere the fraction is untouched, so that a payback is
    # a continuous function of the amounts (sensitivity's switching values need that).
    fraction = np.minimum(fraction, 1.0)
    fraction = np.where(fraction > 1.0 - _YEAR_END, 1.0, fraction)
    years = np.where(never_negative, 0.0, np.where(has_crossing, k + fraction, np.nan))

    # Negative again after the first crossing: any later year whose start or end is < 0.
    t = np.arange(n_years)
    later = t > k[..., np.newaxis]
    dips = later & (start_negative | end_negative) & has_crossing[..., np.newaxis]
    dips &= ~never_negative[..., np.newaxis]
    negative_again = np.where(dips.any(axis=-1), np.argmax(dips, axis=-1), -1)
    return Payback(
        years=np.asarray(years, dtype=float),
        negative_again=np.asarray(negative_again, dtype=np.int64),
    )


def ratio_or_nan(numerator: ArrayLike, denominator: ArrayLike) -> FloatArray:
    """``numerator / denominator``, NaN (shown as "none") where the denominator is 0.

    >>> ratio_or_nan([3.0, 1.0], [2.0, 0.0]).tolist()
    [1.5, nan]
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.where(den == 0, np.nan, num / np.where(den == 0, 1.0, den)))
