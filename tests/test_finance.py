"""The money functions, against hand arithmetic and every worked payback case of DOMAIN.md §2."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pactcalc.finance import discount_factors, npv, payback, ratio_or_nan

# (investment by year, savings + benefits by year, expected payback, expected negative-again index)
WORKED_CASES = [
    # 3 full years repay 200+300+400 = 900 of 1000; the last 100 comes from year 3's 500.
    ([1000, 0, 0, 0, 0], [200, 300, 400, 500, 600], 3 + 100 / 500, -1),
    ([1000, 0, 0, 0, 0, 0], [0, 200, 300, 400, 500, 600], 4 + 100 / 500, -1),
    # 1000 a year spread evenly: 100 is back after 0.1 year.
    ([100], [1000], 0.1, -1),
    ([0, 0], [50, 50], 0.0, -1),
    ([1000, 0], [100, 100], math.nan, -1),
    # −1000+600 = −400 at the end of year 0; year 1 brings 600: 400/600 = 0.667.
    # Year 2 starts at 200 − 500 = −300: negative again in year index 2.
    ([1000, 0, 500, 0], [600, 600, 100, 600], 1 + 400 / 600, 2),
    # 10+13+16 = 39 of 50 after 3 years; 11 more of year 3's 19. finance.js said 3.42.
    ([50, 0, 0, 0, 0], [10, 13, 16, 19, 22], 3 + 11 / 19, -1),
    # 600 before year 2; 600 − 1000 = −400, +300 → −100 at the end of year 2; 100/300 of year 3.
    ([0, 0, 1000, 0], [300, 300, 300, 300], 3 + 100 / 300, -1),
]


@pytest.mark.parametrize(("investment", "returns", "expected", "again"), WORKED_CASES)
def test_worked_payback_cases(investment, returns, expected, again):
    result = payback(investment, returns)
    if math.isnan(expected):
        assert math.isnan(float(result.years))
    else:
        assert float(result.years) == pytest.approx(expected, abs=1e-12)
    assert int(result.negative_again) == again


def test_payback_is_vectorised_over_a_leading_axis():
    # Two rows of different lengths cannot share an axis; pad the short ones with zeros,
    # which changes nothing after the payback moment.
    rows = [c for c in WORKED_CASES if len(c[0]) == 5]
    inv = np.array([c[0] for c in rows], dtype=float)
    ret = np.array([c[1] for c in rows], dtype=float)
    result = payback(inv, ret)
    assert result.years.shape == (len(rows),)
    for i, case in enumerate(rows):
        assert result.years[i] == pytest.approx(case[2])


def test_discount_factors_start_year_undiscounted():
    df = discount_factors(3, 0.0225)
    assert df[0] == 1.0
    assert df[1] == pytest.approx(1 / 1.0225)
    assert df[2] == pytest.approx(1 / 1.0225**2)


def test_npv_by_hand():
    # −1000 + 600/1.1 + 600/1.21 = −1000 + 545.4545… + 495.8678… = 41.3223…
    assert float(npv([-1000, 600, 600], 0.1)) == pytest.approx(41.32231405, abs=1e-6)


def test_npv_with_leading_axis_of_rates():
    values = npv(np.array([[100.0, 100.0], [100.0, 100.0]]), np.array([0.0, 1.0]))
    # 100 + 100 at 0 %; 100 + 100/2 at 100 %.
    assert values.tolist() == [200.0, 150.0]


def test_zero_returns_in_a_crossing_year_are_not_divided():
    # Investment 0, returns 0: never negative, payback 0 (no division by zero).
    assert float(payback([0, 0], [0, 0]).years) == 0.0


def test_negative_returns_then_recovery():
    # Year 0 loses 100 (spread) → E0 = −100; year 1 earns 200: back at zero after 0.5 year.
    assert float(payback([0, 0], [-100, 200]).years) == pytest.approx(1.5)


def test_ratio_or_nan():
    assert ratio_or_nan(1.0, 4.0) == 0.25
    assert math.isnan(float(ratio_or_nan(1.0, 0.0)))
