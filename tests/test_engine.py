"""The engine through the public API: YAML text → load_scenario_text → evaluate → result.

Every expected number is worked out by hand from DOMAIN.md §2 and written beside the
assertion; none is copied from the program's output.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import numpy as np
import pytest
from conftest import describe, result_of_text

from pactcalc.engine import InputItem, Result
from pactcalc.model import DEFAULT_DISCOUNT_SOURCE, Check, evaluate_check, parse_check
from pactcalc.pipeline import Document, evaluate, load_scenario_text

HEADER = """\
pactcalc: 1
name: t
start_year: {start_year}
years: {years}
{top}partners:
  - {{id: gem, name: Gemeente}}
  - {{id: wmo, name: Wmo-aanbieder}}
  - {{id: zk, name: Zorgverzekeraar}}
"""


def text_of(body: str, *, years: int = 3, start_year: int = 2021, top: str = "") -> str:
    """A scenario with partners gem, wmo and zk, and ``body`` (the lines) after them."""
    top = textwrap.dedent(top)
    return HEADER.format(start_year=start_year, years=years, top=top) + textwrap.dedent(body)


def run(body: str, **kwargs: Any) -> Document:
    return evaluate(load_scenario_text(text_of(body, **kwargs), "t.yaml"))


def result_of(body: str, **kwargs: Any) -> Result:
    """The result of a scenario that must compute without errors."""
    document = run(body, **kwargs)
    assert document.result is not None, describe(document)
    return document.result


def codes(document: Document) -> list[str]:
    return [p.code for p in document.problems]


def only(document: Document, code: str) -> Any:
    """The single problem of ``document``, which must have ``code``."""
    assert codes(document) == [code], describe(document)
    return document.problems[0]


def line_of(text: str, fragment: str) -> int:
    """1-based number of the (only) line of ``text`` containing ``fragment``."""
    found = [i + 1 for i, line in enumerate(text.splitlines()) if fragment in line]
    assert len(found) == 1, found
    return found[0]


def values(array: Any) -> list[float]:
    return [float(v) for v in np.asarray(array).reshape(-1)]


def metric(result: Result, name: str, partner: str | None = None) -> float:
    return float(np.asarray(result.metric(name, partner)).reshape(-1)[0])


def check(result: Result, text: str) -> Any:
    return next(c for c in result.checks if c.check.text == text)


# --- per-year formulas -------------------------------------------------------------------------

FORMULAS = """\
discount_rate: 0
baseline:
  - {name: Intramuraal, partner: gem, amount: 1000}
budget:
  - {name: Budget, partner: gem, amount: 800}
effort:
  - {name: Begeleiding, partner: wmo, amount: 300}
  - {name: Eigen inzet, partner: gem, amount: 100, paid_from: own}
investments:
  - {name: Transitie, partner: gem, amount: 200, year: 2021}
  - {name: Opleiding, partner: wmo, amount: 50, year: 2022, paid_from: own}
benefits:
  - {name: Minder crisis, partner: zk, amount: 40}
"""


def test_per_year_formulas():
    r = result_of(FORMULAS)
    assert r.years == [2021, 2022, 2023]
    # effort 300 + 100 (own counts in effort too) = 400 every year
    assert values(r.effort_per_year) == pytest.approx([400, 400, 400])
    # investment 200 in 2021, 50 in 2022
    assert values(r.investment_per_year) == pytest.approx([200, 50, 0])
    assert values(r.budget_per_year) == pytest.approx([800, 800, 800])
    # budget-funded: effort 300 + investment 200 in 2021 (own effort 100, own invest 50 excluded)
    assert values(r.budget_funded_per_year) == pytest.approx([500, 300, 300])
    # headroom = 800 − 500 = 300 in 2021; 800 − 300 = 500 in 2022 and 2023
    assert values(r.headroom_per_year) == pytest.approx([300, 500, 500])
    assert values(r.baseline_per_year) == pytest.approx([1000, 1000, 1000])
    # savings = baseline 1000 − effort 400 = 600
    assert values(r.savings_per_year) == pytest.approx([600, 600, 600])
    assert values(r.benefits_per_year) == pytest.approx([40, 40, 40])
    # net = 600 + 40 − investment [200, 50, 0] = [440, 590, 640]
    assert values(r.net_per_year) == pytest.approx([440, 590, 640])
    # cumulative 440, 440 + 590 = 1030, 1030 + 640 = 1670
    assert values(r.cumulative_per_year) == pytest.approx([440, 1030, 1670])


def test_totals_and_headroom_min():
    r = result_of(FORMULAS)
    assert metric(r, "effort_total") == pytest.approx(1200)  # 3 × 400
    assert metric(r, "investment_total") == pytest.approx(250)  # 200 + 50
    assert metric(r, "budget_total") == pytest.approx(2400)  # 3 × 800
    assert metric(r, "headroom_total") == pytest.approx(1300)  # 300 + 500 + 500
    assert metric(r, "headroom_min") == pytest.approx(300)  # lowest of 300, 500, 500
    assert metric(r, "baseline_total") == pytest.approx(3000)  # 3 × 1000
    assert metric(r, "savings_total") == pytest.approx(1800)  # 3 × 600
    assert metric(r, "benefits_total") == pytest.approx(120)  # 3 × 40
    assert metric(r, "net_total") == pytest.approx(1670)  # 440 + 590 + 640
    # at rate 0: npv = plain sum of net = 1670; pv_investment = 250; pv_returns = 3 × 640
    assert metric(r, "npv") == pytest.approx(1670)
    assert metric(r, "pv_investment") == pytest.approx(250)
    assert metric(r, "pv_returns") == pytest.approx(1920)
    assert metric(r, "roi") == pytest.approx(1670 / 250)  # 6.68
    assert metric(r, "bcr") == pytest.approx(1920 / 250)  # 7.68
    # S[0] = −200, r[0] = 640 → 200/640 = 0.3125 of the first year; S[1] = 440 − 50 ≥ 0
    assert metric(r, "payback_years") == pytest.approx(0.3125)
    assert r.negative_again_year is None


def test_headroom_counts_only_budget_funded_costs():
    r = result_of(
        """\
        budget:
          - {name: Budget, partner: gem, amount: 1000}
        effort:
          - {name: Uit budget, partner: wmo, amount: 300}
          - {name: Eigen, partner: wmo, amount: 5000, paid_from: own}
        investments:
          - {name: Eigen investering, partner: gem, amount: 9000, paid_from: own}
          - {name: Budget investering, partner: gem, amount: 200}
        """,
        years=2,
    )
    # budget 1000 − (effort 300 + invest 200 paid from budget) = 500 in 2021; 1000 − 300 = 700
    assert values(r.headroom_per_year) == pytest.approx([500, 700])
    assert metric(r, "headroom_min") == pytest.approx(500)
    # effort counts both lines: 300 + 5000; investment both lines in 2021: 9000 + 200
    assert values(r.effort_per_year) == pytest.approx([5300, 5300])
    assert values(r.investment_per_year) == pytest.approx([9200, 0])


# --- expressions, series, when a line runs -----------------------------------------------------


def test_expressions_with_parameters_series_and_weeks_per_year():
    r = result_of("""\
        weeks_per_year: 50
        parameters:
          rate: {value: 50, unit: EUR/hour, source: "assumption"}
          hours: 2
        series:
          clients: [1, 2, 3]
          flat: 10
        baseline:
          - {name: Vast, partner: gem, amount: flat * 1000}
        effort:
          - {name: Begeleiding, partner: wmo, amount: clients * hours * weeks_per_year * rate,
             paid_from: own}
        benefits:
          - {name: Maximaal, partner: zk, amount: "max(clients * 100, 250)"}
          - {name: Minimaal, partner: zk, amount: "min(clients, 2) * 10"}
        """)
    # flat = 10 every year: 10 × 1000
    assert values(r.lines[0].eur_per_year) == pytest.approx([10000, 10000, 10000])
    # clients × 2 h × 50 weeks × € 50 = clients × 5000
    assert values(r.effort_per_year) == pytest.approx([5000, 10000, 15000])
    # max([100, 200, 300], 250) = [250, 250, 300]; min([1, 2, 3], 2) × 10 = [10, 20, 20]
    by_name = {line.name: line for line in r.lines}
    assert values(by_name["Maximaal"].eur_per_year) == pytest.approx([250, 250, 300])
    assert values(by_name["Minimaal"].eur_per_year) == pytest.approx([10, 20, 20])
    # benefits 250 + 10, 250 + 20, 300 + 20
    assert values(r.benefits_per_year) == pytest.approx([260, 270, 320])


def test_weeks_per_year_defaults_to_52():
    r = result_of(
        """\
        baseline:
          - {name: Weken, partner: gem, amount: weeks_per_year * 10}
        """,
        years=1,
    )
    assert values(r.baseline_per_year) == pytest.approx([520])  # 52 × 10


def test_from_and_until_limit_the_years_a_line_runs():
    r = result_of(
        """\
        baseline:
          - {name: Al lopend, partner: gem, amount: 100, from: 2019, until: 2022}
          - {name: Later, partner: gem, amount: 100, from: 2023}
          - {name: Eerste jaar, partner: gem, amount: 100, until: 2021}
          - {name: Midden, partner: gem, amount: 100, from: 2022, until: 2023}
        """,
        years=4,
    )
    by_name = {line.name: values(line.eur_per_year) for line in r.lines}
    # horizon 2021–2024
    assert by_name["Al lopend"] == pytest.approx([100, 100, 0, 0])  # started 2019, runs to 2022
    assert by_name["Later"] == pytest.approx([0, 0, 100, 100])  # 2023 and 2024
    assert by_name["Eerste jaar"] == pytest.approx([100, 0, 0, 0])  # only 2021
    assert by_name["Midden"] == pytest.approx([0, 100, 100, 0])  # 2022 and 2023
    # 2021: 100 + 100; 2022: 100 + 100; 2023: 100 + 100; 2024: 100
    assert values(r.baseline_per_year) == pytest.approx([200, 200, 200, 100])


def test_investment_year_takes_the_series_value_of_that_year():
    r = result_of(
        """\
        series:
          clients: [1, 2, 3, 4]
        investments:
          - {name: Later, partner: gem, amount: clients * 10, year: 2023, paid_from: own}
          - {name: Standaard, partner: wmo, amount: 7, paid_from: own}
        """,
        years=4,
    )
    by_name = {line.name: values(line.eur_per_year) for line in r.lines}
    # clients in 2023 = 3 → 30, only in 2023
    assert by_name["Later"] == pytest.approx([0, 0, 30, 0])
    # no year: start_year 2021
    assert by_name["Standaard"] == pytest.approx([7, 0, 0, 0])
    assert values(r.investment_per_year) == pytest.approx([7, 0, 30, 0])


# --- indexation --------------------------------------------------------------------------------


def test_indexation_from_price_year():
    r = result_of(
        """\
        baseline:
          - {name: B, partner: gem, amount: 1000}
        investments:
          - {name: I, partner: gem, amount: 100, year: 2022, paid_from: own}
        """,
        top="price_year: 2020\nindexation: 0.1\n",
    )
    # 1000 × 1.1^(2021−2020) = 1100; × 1.1^2 = 1210; × 1.1^3 = 1331
    assert values(r.baseline_per_year) == pytest.approx([1100, 1210, 1331])
    # investment 100 × 1.1^(2022−2020) = 121
    assert values(r.investment_per_year) == pytest.approx([0, 121, 0])


def test_indexation_price_year_defaults_to_start_year():
    r = result_of(
        """\
        baseline:
          - {name: B, partner: gem, amount: 1000}
        budget:
          - {name: Bud, partner: gem, amount: 200}
        """,
        top="indexation: 0.1\n",
    )
    # 1000 × 1.1^0, ^1, ^2
    assert values(r.baseline_per_year) == pytest.approx([1000, 1100, 1210])
    assert values(r.budget_per_year) == pytest.approx([200, 220, 242])


def test_indexation_price_year_after_start_year_deflates_earlier_years():
    r = result_of(
        """\
        baseline:
          - {name: B, partner: gem, amount: 1000}
        """,
        top="price_year: 2022\nindexation: 0.1\n",
    )
    # 1000 × 1.1^(−1) = 909.09…; 1000; 1000 × 1.1 = 1100
    assert values(r.baseline_per_year) == pytest.approx([1000 / 1.1, 1000, 1100])


# --- npv, pv, roi, bcr, discounted payback -----------------------------------------------------

NPV_BODY = """\
series:
  returns: [0, 600, 600]
baseline:
  - {name: B, partner: gem, amount: returns}
investments:
  - {name: I, partner: gem, amount: 1000, paid_from: own}
"""


def test_npv_at_default_rate_start_year_undiscounted():
    r = result_of(NPV_BODY)
    assert r.discount_rate == 0.0225
    # df = 1, 1/1.0225, 1/1.0225²
    assert values(r.discount_factor_per_year) == pytest.approx([1, 1 / 1.0225, 1 / 1.0225**2])
    assert values(r.net_per_year) == pytest.approx([-1000, 600, 600])
    # −1000 + 600/1.0225 (586.797) + 600/1.04550625 (573.885) = 160.682
    expected_npv = -1000 + 600 / 1.0225 + 600 / 1.0225**2
    assert metric(r, "npv") == pytest.approx(expected_npv)
    assert metric(r, "npv") == pytest.approx(160.6817, abs=1e-3)
    assert metric(r, "pv_investment") == pytest.approx(1000)  # in the undiscounted start year
    # 586.797 + 573.885 = 1160.682
    assert metric(r, "pv_returns") == pytest.approx(600 / 1.0225 + 600 / 1.0225**2)
    assert metric(r, "roi") == pytest.approx(expected_npv / 1000)  # 0.1607
    assert metric(r, "bcr") == pytest.approx((expected_npv + 1000) / 1000)  # 1.1607
    # simple: S[2] = −1000 + 600 = −400, r[2] = 600 → 2 + 400/600
    assert metric(r, "payback_years") == pytest.approx(2 + 400 / 600)
    # discounted: after 2021 and 2022 −1000 + 586.797 = −413.203; 2023 brings 573.885
    # → 2 + 413.203/573.885 = 2.7200
    discounted = 2 + (1000 - 600 / 1.0225) / (600 / 1.0225**2)
    assert metric(r, "discounted_payback_years") == pytest.approx(discounted)
    assert metric(r, "discounted_payback_years") == pytest.approx(2.7200, abs=1e-4)


def test_npv_at_rate_zero_is_the_plain_sum():
    r = result_of(NPV_BODY, top="discount_rate: 0\n")
    assert values(r.discount_factor_per_year) == pytest.approx([1, 1, 1])
    assert metric(r, "npv") == pytest.approx(200)  # −1000 + 600 + 600
    assert metric(r, "npv") == pytest.approx(metric(r, "net_total"))
    assert metric(r, "roi") == pytest.approx(0.2)  # 200 / 1000
    assert metric(r, "bcr") == pytest.approx(1.2)  # 1200 / 1000
    # at 0 the discounted payback equals the simple one: 2 + 400/600
    assert metric(r, "discounted_payback_years") == pytest.approx(2 + 400 / 600)


def test_npv_at_another_rate_discounts_a_later_investment():
    r = result_of(
        """\
        baseline:
          - {name: B, partner: gem, amount: 500}
        investments:
          - {name: I, partner: gem, amount: 1100, year: 2022, paid_from: own}
        """,
        top="discount_rate: 0.1\n",
    )
    # net = [500, 500 − 1100, 500] = [500, −600, 500]
    # npv = 500 − 600/1.1 + 500/1.21 = 500 − 545.4545 + 413.2231 = 367.7686
    assert metric(r, "npv") == pytest.approx(500 - 600 / 1.1 + 500 / 1.21)
    assert metric(r, "pv_investment") == pytest.approx(1000)  # 1100 / 1.1
    # pv_returns = 500 + 500/1.1 + 500/1.21 = 1367.7686
    assert metric(r, "pv_returns") == pytest.approx(500 + 500 / 1.1 + 500 / 1.21)
    assert metric(r, "roi") == pytest.approx((500 - 600 / 1.1 + 500 / 1.21) / 1000)
    assert metric(r, "bcr") == pytest.approx((500 + 500 / 1.1 + 500 / 1.21) / 1000)


def test_roi_and_bcr_are_nan_without_investment():
    r = result_of("""\
        baseline:
          - {name: B, partner: gem, amount: 100}
        checks:
          - roi > 0
          - roi < 0
          - bcr >= 0
        """)
    assert metric(r, "pv_investment") == 0
    assert math.isnan(metric(r, "roi"))
    assert math.isnan(metric(r, "bcr"))
    # a metric that does not exist fails, whatever the operator
    for text in ("roi > 0", "roi < 0", "bcr >= 0"):
        c = check(r, text)
        assert c.passed is False
        assert c.actual is None
        assert c.missing == "ratio"


# --- payback through the engine: every worked case of DOMAIN.md §2 -----------------------------

# (investment by year, savings + benefits by year, payback, negative-again index or None)
WORKED = [
    # −1000 + 200 + 300 + 400 = −100 after 3 years; year 3 brings 500: 3 + 100/500
    ([1000, 0, 0, 0, 0], [200, 300, 400, 500, 600], 3.2, None),
    ([1000, 0, 0, 0, 0, 0], [0, 200, 300, 400, 500, 600], 4.2, None),
    ([100], [1000], 0.1, None),  # 100 of 1000 spread over the year
    ([0, 0], [50, 50], 0.0, None),  # never negative
    ([1000, 0], [100, 100], math.nan, None),  # −800 at the end: none
    # −400 after year 0, +600 in year 1: 1 + 400/600; then 200 − 500 < 0 in year index 2
    ([1000, 0, 500, 0], [600, 600, 100, 600], 1 + 400 / 600, 2),
    ([50, 0, 0, 0, 0], [10, 13, 16, 19, 22], 3 + 11 / 19, None),  # 39 of 50, 11/19 of year 3
    # 600 − 1000 = −400, +300 → −100 after year 2: 3 + 100/300 (positive first)
    ([0, 0, 1000, 0], [300, 300, 300, 300], 3 + 100 / 300, None),
]


def payback_body(investment: list[int], returns: list[int]) -> str:
    lines = [
        f"series:\n  returns: {returns}\n",
        "baseline:\n  - {name: R, partner: gem, amount: returns}\n",
    ]
    invest = [
        f"  - {{name: I{i}, partner: gem, amount: {amount}, year: {2021 + i}, paid_from: own}}\n"
        for i, amount in enumerate(investment)
        if amount
    ]
    if invest:
        lines.append("investments:\n" + "".join(invest))
    return "".join(lines) + "discount_rate: 0\n"


@pytest.mark.parametrize(("investment", "returns", "expected", "again"), WORKED)
def test_worked_payback_cases_through_the_engine(investment, returns, expected, again):
    document = run(payback_body(investment, returns), years=len(returns))
    assert document.result is not None, describe(document)
    r = document.result
    got = metric(r, "payback_years")
    if math.isnan(expected):
        assert math.isnan(got)
    else:
        assert got == pytest.approx(expected)
    # at rate 0 the discounted payback is the same
    if math.isnan(expected):
        assert math.isnan(metric(r, "discounted_payback_years"))
    else:
        assert metric(r, "discounted_payback_years") == pytest.approx(expected)
    if again is None:
        assert r.negative_again_year is None
        assert "PC306" not in codes(document)
    else:
        assert r.negative_again_year == 2021 + again


def test_negative_again_warning_names_the_calendar_year():
    document = run(payback_body([1000, 0, 500, 0], [600, 600, 100, 600]), years=4)
    warning = only(document, "PC306")
    assert not warning.is_error
    assert document.result is not None
    # E[1] = −1000 + 600 + 600 = 200; 2023 starts at 200 − 500 = −300 → year index 2 = 2023
    assert warning.args["year"] == 2023
    assert "2023" in warning.message("en")
    assert metric(document.result, "payback_years") == pytest.approx(1 + 400 / 600)  # 1.67


def test_missing_payback_fails_a_payback_check_with_actual_none():
    r = result_of(
        """\
        baseline:
          - {name: B, partner: gem, amount: 100}
        investments:
          - {name: I, partner: gem, amount: 1000, paid_from: own}
        checks:
          - payback_years <= 3
          - payback_years > 0
          - discounted_payback_years <= 3
        """,
        years=2,
    )
    # −1000 + 100 + 100 = −800 at the end of the horizon: no payback
    assert math.isnan(metric(r, "payback_years"))
    for text in ("payback_years <= 3", "payback_years > 0", "discounted_payback_years <= 3"):
        c = check(r, text)
        assert c.passed is False
        assert c.actual is None
        assert c.missing == "payback"


# --- who pays, who benefits --------------------------------------------------------------------

WHO_PAYS = """\
discount_rate: 0
series:
  gem_budget: [300, 100]
baseline:
  - {name: B, partner: gem, amount: 500}
budget:
  - {name: Budget gemeente, partner: gem, amount: gem_budget}
  - {name: Budget wmo, partner: wmo, amount: 100}
effort:
  - {name: Eigen inzet, partner: zk, amount: 50, paid_from: own}
  - {name: Begeleiding, partner: wmo, amount: 200}
investments:
  - {name: Transitie, partner: gem, amount: 100}
benefits:
  - {name: Minder opnames, partner: zk, amount: 20}
checks:
  - net_total[wmo] >= -50000
  - net_total[zk] >= 0
  - pays_total[gem] <= 325
  - effort_total[wmo] > 399
"""


def test_who_pays_pro_rata_to_the_budget_that_year():
    document = run(WHO_PAYS, years=2)
    assert document.problems == [], describe(document)
    r = document.result
    assert r is not None
    p = {partner.id: partner for partner in r.partners}
    # budget-funded: 2021 effort 200 + investment 100 = 300; 2022 200
    assert values(r.budget_funded_per_year) == pytest.approx([300, 200])
    # shares: 2021 gem 300/400 = 0.75, wmo 0.25; 2022 gem 100/200 = 0.5, wmo 0.5
    # gem pays 0.75 × 300 = 225, 0.5 × 200 = 100
    assert values(p["gem"].pays_per_year) == pytest.approx([225, 100])
    # wmo pays 0.25 × 300 = 75, 0.5 × 200 = 100 (its effort is budget-funded, not own)
    assert values(p["wmo"].pays_per_year) == pytest.approx([75, 100])
    # zk pays only its own effort, 50 a year; it holds no budget
    assert values(p["zk"].pays_per_year) == pytest.approx([50, 50])
    assert metric(r, "pays_total", "gem") == pytest.approx(325)
    # partner effort is who delivers it
    assert metric(r, "effort_total", "wmo") == pytest.approx(400)  # 2 × 200
    assert metric(r, "effort_total", "zk") == pytest.approx(100)  # 2 × 50
    assert metric(r, "effort_total", "gem") == pytest.approx(0)
    # nets: gem 2 × 500 − 325 = 675; wmo −175; zk 2 × 20 − 100 = −60
    assert metric(r, "net_total", "gem") == pytest.approx(675)
    assert metric(r, "net_total", "wmo") == pytest.approx(-175)
    assert metric(r, "net_total", "zk") == pytest.approx(-60)
    # total net: savings (500 − 250) × 2 + benefits 40 − investment 100 = 440 = 675 − 175 − 60
    assert metric(r, "net_total") == pytest.approx(440)
    assert sum(metric(r, "net_total", pid) for pid in p) == pytest.approx(metric(r, "net_total"))
    for t in range(2):
        assert sum(values(partner.net_per_year)[t] for partner in r.partners) == pytest.approx(
            values(r.net_per_year)[t]
        )


def test_partner_checks():
    r = result_of(WHO_PAYS, years=2)
    c = check(r, "net_total[wmo] >= -50000")
    assert c.passed is True
    assert c.actual == pytest.approx(-175)  # see the test above
    c = check(r, "net_total[zk] >= 0")
    assert c.passed is False
    assert c.actual == pytest.approx(-60)
    c = check(r, "pays_total[gem] <= 325")
    assert c.passed is True  # 325 <= 325
    assert check(r, "effort_total[wmo] > 399").passed is True  # 400 > 399


BUDGET_GAP = """\
baseline:
  - {name: B, partner: gem, amount: 250}
budget:
  - {name: Budget gemeente, partner: gem, amount: 300, until: 2022}
  - {name: Budget wmo, partner: wmo, amount: 100, from: 2022, until: 2022}
effort:
  - {name: Begeleiding, partner: wmo, amount: 200}
"""


def test_year_without_budget_warns_and_shares_pro_rata_over_the_horizon():
    document = run(BUDGET_GAP)
    warning = only(document, "PC305")
    assert not warning.is_error
    # budget [300, 400, 0]; 2023 has 200 budget-funded effort and no budget
    assert warning.args["year"] == 2023
    assert "2023" in warning.message("en")
    r = document.result
    assert r is not None
    assert values(r.budget_per_year) == pytest.approx([300, 400, 0])
    # headroom 300 − 200, 400 − 200, 0 − 200
    assert values(r.headroom_per_year) == pytest.approx([100, 200, -200])
    assert metric(r, "headroom_min") == pytest.approx(-200)
    p = {partner.id: partner for partner in r.partners}
    # 2021: gem holds all → 200; 2022: gem 300/400 → 150, wmo 100/400 → 50;
    # 2023 over the horizon: gem 600/700 × 200 = 171.43, wmo 100/700 × 200 = 28.57
    assert values(p["gem"].pays_per_year) == pytest.approx([200, 150, 600 / 700 * 200])
    assert values(p["wmo"].pays_per_year) == pytest.approx([0, 50, 100 / 700 * 200])
    assert values(p["zk"].pays_per_year) == pytest.approx([0, 0, 0])
    # gem net: 3 × 250 − (350 + 171.43) = 228.57; wmo −78.57; total 750 − 600 = 150
    assert metric(r, "net_total", "gem") == pytest.approx(750 - 350 - 1200 / 7)
    assert metric(r, "net_total", "wmo") == pytest.approx(-50 - 200 / 7)
    assert metric(r, "net_total") == pytest.approx(150)
    assert sum(metric(r, "net_total", pid) for pid in p) == pytest.approx(150)


@pytest.mark.parametrize(
    "budget",
    [
        "",  # no budget line at all
        "budget:\n  - {name: Leeg, partner: gem, amount: 0}\n",  # budget lines that sum to zero
    ],
)
def test_budget_funded_costs_without_any_budget_is_an_error(budget):
    document = run(
        budget
        + """\
effort:
  - {name: Begeleiding, partner: wmo, amount: 200}
"""
    )
    problem = only(document, "PC129")
    assert problem.is_error
    assert "paid_from: own" in problem.message("en")
    assert document.result is None
    assert not document.ok


def test_own_funded_costs_need_no_budget():
    r = result_of("""\
        effort:
          - {name: Begeleiding, partner: wmo, amount: 200, paid_from: own}
        investments:
          - {name: I, partner: gem, amount: 50, paid_from: own}
        """)
    # nothing budget-funded: headroom = 0 − 0
    assert values(r.headroom_per_year) == pytest.approx([0, 0, 0])
    assert values(r.partners[1].pays_per_year) == pytest.approx([200, 200, 200])


# --- errors and warnings from computing --------------------------------------------------------


def test_division_by_zero_in_a_running_year_names_line_and_year():
    body = """\
        series:
          d: [1, 0, 2]
        baseline:
          - {name: Per deler, partner: gem, amount: 100 / d}
        """
    text = text_of(body)
    document = run(body)
    problem = only(document, "PC130")
    assert problem.is_error
    assert problem.args["line"] == "Per deler"
    assert problem.args["year"] == 2022  # d is 0 in the second year
    assert problem.line == line_of(text, "Per deler")
    message = problem.message("en")
    assert "Per deler" in message
    assert "2022" in message
    assert "division by zero" in message
    assert document.result is None


def test_division_by_zero_parameter_is_reported_in_the_first_running_year():
    document = run("""\
        parameters:
          z: 0
        baseline:
          - {name: Nul, partner: gem, amount: 100 / z, from: 2022}
        """)
    problem = only(document, "PC130")
    assert problem.args["year"] == 2022  # the line runs from 2022 only


def test_no_error_when_the_zero_denominator_falls_in_a_year_the_line_does_not_run():
    r = result_of("""\
        series:
          d: [0, 4, 2]
          e: [1, 2, 0]
        baseline:
          - {name: Later, partner: gem, amount: 100 / d, from: 2022}
          - {name: Eerder, partner: gem, amount: 100 / e, until: 2022}
        investments:
          - {name: I, partner: gem, amount: 100 / d, year: 2023, paid_from: own}
        """)
    by_name = {line.name: values(line.eur_per_year) for line in r.lines}
    assert by_name["Later"] == pytest.approx([0, 25, 50])  # 100/4, 100/2
    assert by_name["Eerder"] == pytest.approx([100, 50, 0])  # 100/1, 100/2
    assert by_name["I"] == pytest.approx([0, 0, 50])  # 100/2 in 2023


def test_negative_budget_is_an_error():
    body = """\
        series:
          b: [100, -50, 100]
        budget:
          - {name: Krimp, partner: gem, amount: b}
        """
    text = text_of(body)
    document = run(body)
    problem = only(document, "PC128")
    assert problem.is_error
    assert problem.args["line"] == "Krimp"
    assert problem.args["year"] == 2022
    assert problem.line == line_of(text, "Krimp")
    assert "2022" in problem.message("en")
    assert document.result is None


def test_negative_investment_is_a_warning():
    document = run("""\
        baseline:
          - {name: B, partner: gem, amount: 100}
        investments:
          - {name: Terugbetaling, partner: gem, amount: -100, paid_from: own}
        """)
    warning = only(document, "PC303")
    assert not warning.is_error
    assert warning.args["line"] == "Terugbetaling"
    assert document.result is not None
    assert metric(document.result, "investment_total") == pytest.approx(-100)
    # net = 100 + 100 (negative investment adds), then 100, 100
    assert values(document.result.net_per_year) == pytest.approx([200, 100, 100])


# --- checks ------------------------------------------------------------------------------------


def test_checks_pass_and_fail_with_their_actual_values():
    r = result_of(
        FORMULAS
        + """\
checks:
  - headroom_min >= 0
  - headroom_min > 300
  - npv > 1669
  - npv < 1670
  - payback_years <= 3
  - effort_total < 1200.5
"""
    )
    expected = {
        "headroom_min >= 0": (300, True),  # 300 >= 0
        "headroom_min > 300": (300, False),  # not strictly above
        "npv > 1669": (1670, True),
        "npv < 1670": (1670, False),
        "payback_years <= 3": (0.3125, True),
        "effort_total < 1200.5": (1200, True),
    }
    assert [c.check.text for c in r.checks] == list(expected)
    for c in r.checks:
        actual, passed = expected[c.check.text]
        assert c.actual == pytest.approx(actual)
        assert c.passed is passed
        assert c.missing is None


def test_payback_of_zero_passes_a_payback_check():
    r = result_of(
        """\
        baseline:
          - {name: B, partner: gem, amount: 50}
        checks:
          - payback_years <= 3
        """,
        years=2,
    )
    # never negative: payback 0
    c = check(r, "payback_years <= 3")
    assert c.actual == 0
    assert c.passed is True


# --- the discount rate and its source ----------------------------------------------------------

ONE_LINE = "baseline:\n  - {name: B, partner: gem, amount: 1}\n"


@pytest.mark.parametrize(
    ("top", "rate", "source"),
    [
        ("", 0.0225, DEFAULT_DISCOUNT_SOURCE),  # not given
        ("discount_rate: 0.0225\n", 0.0225, DEFAULT_DISCOUNT_SOURCE),  # equal to the default
        ("discount_rate: {value: 0.0225}\n", 0.0225, DEFAULT_DISCOUNT_SOURCE),
        ("discount_rate: {value: 0.03, source: Werkgroep 2015}\n", 0.03, "Werkgroep 2015"),
        ("discount_rate: {value: 0.0225, source: Eigen bron}\n", 0.0225, "Eigen bron"),
        ("discount_rate: 0.03\n", 0.03, None),  # another value without a source
        ("discount_rate: {value: 0.016}\n", 0.016, None),
    ],
)
def test_discount_rate_source(top, rate, source):
    r = result_of(ONE_LINE, top=top)
    assert r.discount_rate == pytest.approx(rate)
    assert r.discount_rate_source == source


def test_discount_rate_zero_is_set_in_the_scenario_without_a_source():
    r = result_of(ONE_LINE, top="discount_rate: 0\n")
    assert r.discount_rate == 0
    assert r.discount_rate_source is None  # 0 ≠ 0.0225 and no source given


# --- more edges --------------------------------------------------------------------------------


def test_non_finite_amount_is_an_error_naming_line_and_year():
    # every number within the bound of 1e15, but (1e14)^23 = 1e322 overflows to infinity
    # (beyond 1.797e308) in every year; the first is 2021
    product = " * ".join(["1e14"] * 23)
    document = run(f"""\
        baseline:
          - {{name: Groot, partner: gem, amount: {product}}}
        """)
    problem = only(document, "PC130")
    assert problem.args["year"] == 2021
    assert "non-finite" in problem.message("en")
    assert document.result is None


def test_negative_budget_in_a_year_the_line_does_not_run_is_no_error():
    r = result_of("""\
        series:
          b: [-1, 100, 100]
        budget:
          - {name: Later, partner: gem, amount: b, from: 2022}
        """)
    assert values(r.budget_per_year) == pytest.approx([0, 100, 100])  # 2021 not running


def test_each_year_without_budget_gets_its_own_warning():
    document = run("""\
        budget:
          - {name: Alleen 2021, partner: gem, amount: 100, until: 2021}
        effort:
          - {name: E, partner: wmo, amount: 10, paid_from: budget}
        """)
    # budget [100, 0, 0], budget-funded 10 every year: 2022 and 2023 lack a budget
    assert codes(document) == ["PC305", "PC305"]
    assert sorted(p.args["year"] for p in document.problems) == [2022, 2023]
    r = document.result
    assert r is not None
    # gem holds the whole horizon's budget: it pays all 30; wmo 0
    assert metric(r, "pays_total", "gem") == pytest.approx(30)
    assert metric(r, "net_total", "gem") + metric(r, "net_total", "wmo") + metric(
        r, "net_total", "zk"
    ) == pytest.approx(metric(r, "net_total"))  # −30


def test_year_without_budget_and_without_budget_funded_costs_is_silent():
    document = run("""\
        budget:
          - {name: Alleen 2021, partner: gem, amount: 100, until: 2021}
        effort:
          - {name: E, partner: wmo, amount: 10, until: 2021, paid_from: budget}
        """)
    assert document.problems == [], describe(document)


def test_negative_returns_first_then_payback_by_the_formula():
    r = result_of(payback_body([0, 0], [-10, 50]), years=2)
    # S[0] = 0, E[0] = −10 (negative during 2021); S[1] = −10 < 0 <= E[1] = 40
    # → 1 + 10/50 = 1.2
    assert metric(r, "payback_years") == pytest.approx(1.2)


def test_positive_then_negative_for_good_has_no_payback():
    r = result_of(
        """\
        discount_rate: 0
        baseline:
          - {name: B, partner: gem, amount: 300}
        investments:
          - {name: I, partner: gem, amount: 1000, year: 2022, paid_from: own}
        checks:
          - payback_years <= 3
        """,
        years=2,
    )
    # cumulative 300 after 2021, 300 − 1000 + 300 = −400 after 2022: never back to zero
    assert math.isnan(metric(r, "payback_years"))
    assert check(r, "payback_years <= 3").actual is None
    assert r.negative_again_year is None


def test_one_element_series_list_is_the_wrong_length():
    document = load_scenario_text(
        text_of("""\
        series:
          s: [5]
        baseline:
          - {name: B, partner: gem, amount: s}
        """),
        "t.yaml",
    )
    assert "PC120" in codes(document)


# --- the inputs list and checks on an undeclared partner ----------------------------------------

INPUTS = """\
pactcalc: 1
name: t
start_year: 2021
years: 2
discount_rate: 0
partners: [{id: gem, name: Gemeente}]
parameters:
  kosten: {value: 100, source: "Heumen, gmb-2021-55584"}
  opslag: {value: 5, source: "  Aanname: opslag voor overhead"}
  uren: 4
series:
  clienten: {values: [1, 2], source: ""}
baseline:
  - {name: B, partner: gem, amount: kosten * clienten}
effort:
  - {name: E, partner: gem, amount: uren + opslag, paid_from: own}
"""


def test_inputs_without_source_or_with_an_assumption_source_are_assumptions():
    # DOMAIN §3 "Sources": list as assumptions every parameter and series without a source
    # or whose source starts with "assumption"/"aanname".
    inputs = {item.name: item for item in result_of_text(INPUTS).inputs}
    assert [(i.kind, i.name) for i in result_of_text(INPUTS).inputs] == [
        ("parameter", "kosten"),
        ("parameter", "opslag"),
        ("parameter", "uren"),
        ("series", "clienten"),
    ]  # parameters in file order, then series
    assert inputs["kosten"].is_assumption is False  # a real source
    assert inputs["opslag"].is_assumption is True  # "  Aanname: …": case and blanks ignored
    assert inputs["uren"].source is None
    assert inputs["uren"].is_assumption is True  # a bare number has no source
    assert inputs["clienten"].is_assumption is True  # an empty source is no source


def test_input_item_assumption_rule_directly():
    def item(source: str | None) -> InputItem:
        return InputItem("parameter", "p", None, source, None)

    assert item(None).is_assumption is True
    assert item("").is_assumption is True
    assert item("assumption (illustrative)").is_assumption is True
    assert item("ASSUMPTION").is_assumption is True
    assert item("CBS Statline 2021").is_assumption is False
    # only a *leading* "assumption" counts: a source that mentions it later is a source
    assert item("CBS, no assumption").is_assumption is False


def test_evaluate_check_on_an_undeclared_partner_fails_and_says_why():
    # A scenario file cannot carry such a check (the validator rejects an unknown partner
    # in a check), but evaluate_check is public: a check on a partner the result does not
    # have is a metric that does not exist, so it fails whatever the operator (§3).
    result = result_of_text(INPUTS)
    for text in ("net_total[zz] >= 0", "net_total[zz] < 0"):
        check = parse_check(text)
        assert isinstance(check, Check)
        outcome = evaluate_check(result, check, 3)
        assert outcome.passed is False
        assert outcome.actual is None
        assert outcome.missing == "partner"
        assert outcome.index == 3


def test_a_check_on_an_undeclared_partner_is_rejected_in_a_file():
    # why evaluate_check's partner guard is not reached from a file
    text = INPUTS + "checks:\n  - net_total[zz] >= 0\n"
    document = load_scenario_text(text, "t.yaml")
    # the check is the last line (18); '  - ' puts it at column 5
    assert [(p.code, p.line, p.col, p.is_error) for p in document.problems] == [
        ("PC134", 18, 5, True)
    ]
    # issue 10: an unknown name lists the valid ones
    assert document.problems[0].message("en") == "unknown partner 'zz' in the check (valid: gem)"
