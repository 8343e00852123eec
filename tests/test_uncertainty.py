"""Uncertainty, sensitivity and adjustments (DOMAIN.md §6).

Every expected number is worked out by hand from DOMAIN.md and written beside the
assertion; none is copied from the program's output. Monte Carlo figures are compared with
their formulas within a few standard errors, or with the same draws put through a
hand-written formula of the scenario (``sample_parameters`` gives the draws).
"""

from __future__ import annotations

import math
import textwrap
from itertools import pairwise
from typing import Any

import numpy as np
import pytest
from conftest import describe, scenario_of_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import scenarios, to_yaml

from pactcalc import uncertainty
from pactcalc.engine import Result, compute
from pactcalc.model import CheckResult, Parameter, Scenario
from pactcalc.pipeline import Document, evaluate, load_scenario_text

# --- helpers -------------------------------------------------------------------------------


def load(text: str) -> Document:
    """A scenario text that must be valid (warnings allowed)."""
    document = load_scenario_text(textwrap.dedent(text), "t.yaml")
    assert document.ok, describe(document)
    return document


def scenario_of(text: str) -> Scenario:
    scenario = load(text).scenario
    assert scenario is not None
    return scenario


def run(text: str) -> Result:
    document = evaluate(load(text))
    assert document.result is not None, describe(document)
    return document.result


def check_results(text: str) -> dict[str, CheckResult]:
    """Every check of a scenario, evaluated through the public pipeline, by its text."""
    return {c.check.text: c for c in run(text).checks}


def scalar(value: Any) -> float:
    return float(np.asarray(value).reshape(-1)[0])


def line(result: Result, kind: str, name: str) -> Any:
    return next(x for x in result.lines if x.kind == kind and x.name == name)


# --- ranges and distributions --------------------------------------------------------------

N = 20_000


@pytest.mark.parametrize(
    ("kind", "low", "mode", "high", "mean", "variance"),
    [
        # PERT: mean (a + 4m + b)/6 = (2 + 20 + 11)/6 = 5.5; variance (μ − a)(b − μ)/7
        # = 3.5 · 5.5 / 7 = 2.75
        ("pert", 2.0, 5.0, 11.0, 5.5, 2.75),
        # skewed PERT: (0 + 4 + 8)/6 = 2 (α and β swapped would give 8 − 2 = 6);
        # variance 2 · 6 / 7
        ("pert", 0.0, 1.0, 8.0, 2.0, 12 / 7),
        # no distribution given: PERT is the default
        (None, 0.0, 1.0, 8.0, 2.0, 12 / 7),
        # triangular: (2 + 5 + 11)/3 = 6; variance (a² + b² + c² − ab − ac − bc)/18
        # = (4 + 25 + 121 − 10 − 22 − 55)/18 = 63/18
        ("triangular", 2.0, 5.0, 11.0, 6.0, 63 / 18),
        # triangular with the mode at the low end: (0 + 0 + 3)/3 = 1; variance 9/18
        ("triangular", 0.0, 0.0, 3.0, 1.0, 0.5),
        # uniform: (2 + 11)/2 = 6.5; variance 9²/12 = 6.75
        ("uniform", 2.0, 5.0, 11.0, 6.5, 6.75),
    ],
)
def test_sample_mean_and_variance_match_the_distribution(
    kind: str | None, low: float, mode: float, high: float, mean: float, variance: float
) -> None:
    parameter = Parameter(value=mode, low=low, high=high, distribution=kind)
    x = uncertainty.draw(parameter, N, np.random.Generator(np.random.PCG64(7)))
    assert x.shape == (N, 1)
    se = math.sqrt(variance / N)  # standard error of the sample mean
    assert abs(float(x.mean()) - mean) < 3 * se
    # the sample variance within 5 % (its own relative standard error is about 1 %)
    assert float(x.var(ddof=1)) == pytest.approx(variance, rel=0.05)
    assert float(x.min()) >= low
    assert float(x.max()) <= high


def test_pert_mean_formula() -> None:
    assert uncertainty.pert_mean(2, 5, 11) == 5.5  # (2 + 20 + 11)/6
    assert uncertainty.pert_mean(0, 1, 8) == 2.0  # (0 + 4 + 8)/6


DISTRIBUTIONS = """\
pactcalc: 1
name: d
start_year: 2021
years: 1
parameters:
  p: {value: 5, low: 2, high: 11}
  t: {value: 5, low: 2, high: 11, distribution: triangular}
  u: {value: 5, low: 2, high: 11, distribution: uniform}
  fixed: 7
  z: {value: 3.7, low: 3.7, high: 3.7, distribution: uniform}
partners: [{id: gem, name: G}]
baseline: [{name: b, partner: gem, amount: p + t + u + fixed + z}]
"""


def test_sample_parameters_from_a_file() -> None:
    draws = uncertainty.sample_parameters(scenario_of(DISTRIBUTIONS), N, 3)
    # only the ranged parameters, in the order of the file
    assert list(draws) == ["p", "t", "u", "z"]
    expected = {
        "p": (5.5, 2.75),  # PERT (2 + 20 + 11)/6; (5.5 − 2)(11 − 5.5)/7
        "t": (6.0, 63 / 18),  # triangular (2 + 5 + 11)/3
        "u": (6.5, 6.75),  # uniform (2 + 11)/2; 9²/12
    }
    for name, (mean, variance) in expected.items():
        x = draws[name]
        assert x.shape == (N, 1)
        assert abs(float(x.mean()) - mean) < 3 * math.sqrt(variance / N), name
        assert float(x.min()) >= 2.0, name
        assert float(x.max()) <= 11.0, name
    # zero width: the value itself, exactly
    assert (draws["z"] == 3.7).all()


@pytest.mark.parametrize("kind", ["pert", "triangular", "uniform", None])
def test_zero_width_range_gives_the_value_exactly(kind: str | None) -> None:
    parameter = Parameter(value=0.1, low=0.1, high=0.1, distribution=kind)
    x = uncertainty.draw(parameter, 100, np.random.Generator(np.random.PCG64(1)))
    assert x.shape == (100, 1)
    assert (x == 0.1).all()


def test_same_seed_same_draws_other_seed_other_draws() -> None:
    scenario = scenario_of(DISTRIBUTIONS)
    first = uncertainty.sample_parameters(scenario, 1000, 5)
    again = uncertainty.sample_parameters(scenario, 1000, 5)
    other = uncertainty.sample_parameters(scenario, 1000, 6)
    for name in ("p", "t", "u"):
        assert np.array_equal(first[name], again[name])
        assert not np.array_equal(first[name], other[name])


def test_generator_is_pcg64() -> None:
    """DOMAIN §6: numpy PCG64 seeded from the scenario; the first ranged parameter, uniform,
    gets the generator's first uniform draws."""
    only_u = DISTRIBUTIONS.replace("  p: {value: 5, low: 2, high: 11}\n", "  p: 5\n").replace(
        "  t: {value: 5, low: 2, high: 11, distribution: triangular}\n", "  t: 5\n"
    )
    draws = uncertainty.sample_parameters(scenario_of(only_u), 50, 9)
    assert list(draws) == ["u", "z"]
    expected = np.random.Generator(np.random.PCG64(9)).uniform(2.0, 11.0, 50)
    np.testing.assert_array_equal(draws["u"].reshape(-1), expected)


ORDER = """\
pactcalc: 1
name: o
start_year: 2021
years: 1
parameters:
{parameters}
partners: [{{id: gem, name: G}}]
baseline: [{{name: b, partner: gem, amount: 1}}]
"""
ZETA = "  zeta: {value: 5, low: 1, high: 10}"
ALPHA = "  alpha: {value: 0.5, low: 0, high: 1, distribution: uniform}"
FIXED = "  fixed: {value: 3, unit: x}"


def order_draws(*parameters: str) -> dict[str, np.ndarray]:
    text = ORDER.format(parameters="\n".join(parameters))
    return uncertainty.sample_parameters(scenario_of(text), 500, 4)


def test_draws_follow_the_file_order() -> None:
    alone = order_draws(ZETA)
    both = order_draws(ZETA, ALPHA)
    assert list(both) == ["zeta", "alpha"]  # the file's order, not the alphabet's
    # adding a parameter after another does not change the earlier one's draws
    np.testing.assert_array_equal(both["zeta"], alone["zeta"])
    # a fixed parameter in between draws nothing
    with_fixed = order_draws(ZETA, FIXED, ALPHA)
    assert list(with_fixed) == ["zeta", "alpha"]
    np.testing.assert_array_equal(with_fixed["zeta"], both["zeta"])
    np.testing.assert_array_equal(with_fixed["alpha"], both["alpha"])
    # the order is the file's: put alpha first and zeta gets other draws
    swapped = order_draws(ALPHA, ZETA)
    assert list(swapped) == ["alpha", "zeta"]
    assert not np.array_equal(swapped["zeta"], alone["zeta"])


# --- zero-width ranges: the simulation is the deterministic run ----------------------------

ZERO_WIDTH = """\
pactcalc: 1
name: z
start_year: 2021
years: 3
discount_rate: 0.1
parameters:
  c: {value: 700, low: 700, high: 700}
  extra: {value: 35.5, low: 35.5, high: 35.5, distribution: triangular}
  inv: {value: 600, low: 600, high: 600, distribution: uniform}
partners: [{id: gem, name: G}, {id: zorg, name: Z}, {id: zk, name: K}]
baseline: [{name: b, partner: gem, amount: 1000}]
budget:
  - {name: bu, partner: gem, amount: 900}
  - {name: bz, partner: zk, amount: 300}
effort: [{name: e, partner: zorg, amount: c}]
investments: [{name: i, partner: gem, amount: inv, paid_from: own}]
benefits: [{name: x, partner: zk, amount: extra}]
"""
# payback never reached: investment 5000, returns 1000 − 700 + 35.5 = 335.5 a year
NO_PAYBACK = ZERO_WIDTH.replace(
    "inv: {value: 600, low: 600, high: 600", "inv: {value: 5000, low: 5000, high: 5000"
)


@pytest.mark.parametrize("text", [ZERO_WIDTH, NO_PAYBACK], ids=["payback", "no-payback"])
def test_zero_width_simulation_equals_the_run(text: str) -> None:
    scenario = scenario_of(text)
    result = compute(scenario)
    simulation = uncertainty.simulate(scenario, samples=257, seed=3)
    expected = {
        "npv": scalar(result.npv),
        "headroom_min": scalar(result.metric("headroom_min")),
        "savings_total": scalar(result.metric("savings_total")),
        "payback_years": scalar(result.payback_years),
        "discounted_payback_years": scalar(result.discounted_payback_years),
    }
    for partner in result.partners:
        expected[f"net_total[{partner.id}]"] = scalar(partner.total("net_total"))
    assert set(simulation.summaries) == set(expected)
    for metric, value in expected.items():
        summary = simulation.summaries[metric]
        if math.isnan(value):  # no payback: said in words, never a number
            assert summary.missing == 1.0, metric
            assert (summary.mean, summary.p5, summary.p50, summary.p95) == (None,) * 4
            continue
        assert summary.missing == 0.0, metric
        assert summary.p5 == value, metric
        assert summary.p50 == value, metric
        assert summary.p95 == value, metric
        assert summary.mean == value, metric  # exactly: every sample is the run's value
    # every sample's npv is the run's npv, exactly
    assert (simulation.npv == scalar(result.npv)).all()


def test_zero_width_run_by_hand() -> None:
    """The numbers the zero-width simulation repeats, from DOMAIN §2 by hand."""
    result = compute(scenario_of(ZERO_WIDTH))
    # net = 1000 − 700 + 35.5 = 335.5 a year, minus 600 in 2021: −264.5, 335.5, 335.5
    # npv at 10 %: −264.5 + 335.5/1.1 + 335.5/1.21 = −264.5 + 305 + 277.272727… = 317.7727…
    assert scalar(result.npv) == pytest.approx(-264.5 + 305 + 335.5 / 1.21)
    # payback: S[0] = −600, r = 335.5 → 1 + (600 − 335.5)/335.5 = 1.788…
    assert scalar(result.payback_years) == pytest.approx(600 / 335.5)
    # headroom = 900 + 300 − 700 = 500 each year
    assert scalar(result.metric("headroom_min")) == 500


@pytest.mark.parametrize("metric", ["npv", "headroom_min", "savings_total"])
def test_zero_width_sensitivity_equals_the_run(metric: str) -> None:
    scenario = scenario_of(ZERO_WIDTH)
    value = scalar(compute(scenario).metric(metric))
    found = uncertainty.sensitivity(scenario, metric)
    assert found.base == value
    assert [s.parameter for s in found.swings] == ["c", "extra", "inv"]  # all swings 0
    for swing in found.swings:
        assert swing.at_low == value
        assert swing.at_high == value
        assert swing.swing == 0


def test_sensitivity_ends_are_deterministic_runs_at_low_and_high() -> None:
    scenario = scenario_of(SWITCHING)
    found = uncertainty.sensitivity(scenario, "npv")
    for swing in found.swings:
        p = scenario.parameters[swing.parameter]
        at_low = scalar(compute(scenario, parameters={swing.parameter: p.low}).npv)
        at_high = scalar(compute(scenario, parameters={swing.parameter: p.high}).npv)
        assert swing.at_low == pytest.approx(at_low, rel=1e-12)
        assert swing.at_high == pytest.approx(at_high, rel=1e-12)


# --- the sample axis gives, row by row, the deterministic result ---------------------------

ADJ_OB = "zz_adjustment_ob"  # longer than any name strategies.identifiers() draws
ADJ_DROP = "zz_adjustment_drop"


@st.composite
def ranged_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """A generated scenario in which some parameters carry a range (with a distribution),
    plus two ranged adjustment parameters used by some lines."""
    data = draw(scenarios())
    parameters = data.setdefault("parameters", {})
    for name, written in list(parameters.items()):
        if not draw(st.booleans()):
            continue
        entry = dict(written) if isinstance(written, dict) else {"value": written}
        value = float(entry["value"])
        # low ≥ 0 keeps the strategy's guarantees (divisions by `name + 1`, budgets ≥ 0)
        entry["low"] = min(value, round(value * draw(st.sampled_from([0.0, 0.5, 0.9, 1.0])), 2))
        entry["high"] = value + draw(st.sampled_from([0.0, 1.0, 10.0, 250.5]))
        distribution = draw(st.sampled_from([None, "pert", "triangular", "uniform"]))
        if distribution:
            entry["distribution"] = distribution
        parameters[name] = entry
    parameters[ADJ_OB] = {"value": 0.1, "low": 0.0, "high": 0.5}
    parameters[ADJ_DROP] = {"value": 0.05, "low": 0.0, "high": 0.2, "distribution": "uniform"}
    for kind in ("effort", "investments", "benefits"):
        for item in data.get(kind, []):
            choice = draw(st.integers(0, 2))
            if choice == 1:
                item["optimism_bias"] = ADJ_OB
            elif choice == 2:
                item["optimism_bias"] = 0.15
            if kind == "benefits" and draw(st.booleans()):
                item["drop_off"] = ADJ_DROP
                item["deadweight"] = 0.1
    return data


K = 5


def assert_rows(vector: Any, one: Any, k: int, scale: float, what: str) -> None:
    """Row k of the sample-axis array (a line that depends on no sampled parameter keeps
    its shape (years,): broadcast it) against the deterministic array."""
    one = np.asarray(one, dtype=float)
    np.testing.assert_allclose(
        np.broadcast_to(np.asarray(vector, dtype=float), (K, *one.shape))[k],
        one,
        rtol=1e-12,
        atol=1e-12 * scale,
        equal_nan=True,
        err_msg=what,
    )


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=ranged_scenarios(), seed=st.integers(0, 2**32 - 1))
def test_sample_axis_equals_deterministic_rows(data: dict[str, Any], seed: int) -> None:
    document = load_scenario_text(to_yaml(data), "hypothesis.yaml")
    assert document.ok, (to_yaml(data), describe(document))
    assert document.scenario is not None, (to_yaml(data), describe(document))
    scenario = document.scenario
    draws = uncertainty.sample_parameters(scenario, K, seed)
    assert ADJ_OB in draws
    assert ADJ_DROP in draws
    vector = compute(scenario, parameters=draws, samples=K)
    assert vector.npv.shape == (K,)
    for k in range(K):
        row = {name: float(column[k, 0]) for name, column in draws.items()}
        one = compute(scenario, parameters=row)
        assert one.ok == vector.ok
        scale = 1.0 + max((float(np.abs(x.eur_per_year).max()) for x in one.lines), default=0.0)
        scale *= scenario.years
        for attribute in (
            "effort_per_year",
            "headroom_per_year",
            "net_per_year",
            "cumulative_per_year",
            "npv",
            "payback_years",
            "discounted_payback_years",
        ):
            assert_rows(getattr(vector, attribute), getattr(one, attribute), k, scale, attribute)
        for p_vec, p_one in zip(vector.partners, one.partners, strict=True):
            assert p_vec.id == p_one.id
            assert_rows(p_vec.total("net_total"), p_one.total("net_total"), k, scale, p_one.id)
        for l_vec, l_one in zip(vector.lines, one.lines, strict=True):
            assert_rows(l_vec.eur_per_year, l_one.eur_per_year, k, scale, l_one.name)


# --- switching values ----------------------------------------------------------------------

SWITCHING = """\
pactcalc: 1
name: s
start_year: 2021
years: 3
discount_rate: 0.1
parameters:
  c: {value: 700, low: 650, high: 900}
  inv: {value: 600, low: 500, high: 700}
  extra: {value: 10, low: 0, high: 20}
partners: [{id: gem, name: G}, {id: zorg, name: Z}]
baseline: [{name: b, partner: gem, amount: 1000}]
budget: [{name: bu, partner: gem, amount: 850}]
effort: [{name: e, partner: zorg, amount: c}]
investments: [{name: i, partner: gem, amount: inv, paid_from: own}]
benefits: [{name: x, partner: gem, amount: extra}]
"""
# Σ df over three years at 10 %: 1 + 1/1.1 + 1/1.21 = 3.31/1.21 = 2.7355371900…
SUM_DF = 3.31 / 1.21
# npv = (1000 − c + extra) · Σdf − inv; at the values (310 · 2.73553719) − 600 = 248.0165…
BASE_NPV = 310 * SUM_DF - 600


def npv_with(scenario: Scenario, **values: float) -> float:
    return scalar(compute(scenario, parameters=values).npv)


def test_npv_switching_values_by_hand() -> None:
    scenario = scenario_of(SWITCHING)
    assert npv_with(scenario) == pytest.approx(BASE_NPV)
    # by hand: Σdf = 2.7355372; 310 · 2.7355372 = 848.0165, minus 600
    assert npv_with(scenario) == pytest.approx(248.0165, abs=1e-4)
    found = uncertainty.sensitivity(scenario, "npv")
    assert found.threshold == 0  # the threshold of npv
    assert found.base == pytest.approx(BASE_NPV)
    swings = {s.parameter: s for s in found.swings}
    # tornado by swing: c 250·Σdf = 683.9, inv 200, extra 20·Σdf = 54.7
    assert [s.parameter for s in found.swings] == ["c", "inv", "extra"]
    assert swings["c"].swing == pytest.approx(250 * SUM_DF)
    assert swings["inv"].swing == pytest.approx(200)
    assert swings["extra"].swing == pytest.approx(20 * SUM_DF)
    # at_low of c: (1000 − 650 + 10) · Σdf − 600 = 360 · 2.7355… − 600 = 384.79…
    assert swings["c"].at_low == pytest.approx(360 * SUM_DF - 600)
    assert swings["c"].at_high == pytest.approx(110 * SUM_DF - 600)

    # c: (1010 − c) · Σdf = 600 → c = 1010 − 600/Σdf = 1010 − 726/3.31 = 790.6646…
    c_star = 1010 - 600 / SUM_DF
    # by hand: 600 / 2.7355372 = 219.3353, and 1010 − 219.3353 = 790.6647
    assert swings["c"].switching_value == pytest.approx(790.6647, abs=1e-4)
    assert swings["c"].switching_value == pytest.approx(c_star, abs=1e-6)
    # searched from the value outward: [700 − 2·50 − 250, 700 + 2·200 + 250] = [350, 1350]
    assert swings["c"].searched == pytest.approx((350, 1350))
    # inv: 310 · Σdf − inv = 0 → inv = 848.0165…; searched [600 − 200 − 200, 600 + 200 + 200]
    assert swings["inv"].switching_value == pytest.approx(310 * SUM_DF, abs=1e-6)
    assert swings["inv"].searched == pytest.approx((200, 1000))
    # extra: npv = 0 needs extra = 10 − 248.0165/Σdf = −80.7, outside [max(0, 10 − 20 − 20),
    # 10 + 20 + 20] = [0, 50]: none
    assert swings["extra"].switching_value is None
    assert swings["extra"].searched == pytest.approx((0, 50))

    # put back into the model, the switching values reach the threshold
    for name in ("c", "inv"):
        at = npv_with(scenario, **{name: swings[name].switching_value})
        assert abs(at) <= 1e-6 * swings[name].swing, name


def test_headroom_switching_value_by_hand() -> None:
    scenario = scenario_of(SWITCHING)
    found = uncertainty.sensitivity(scenario, "headroom_min")
    assert found.threshold == 0
    # headroom = 850 − c each year (the investment is paid from own funds): 150 at the value
    assert found.base == pytest.approx(150)
    swings = {s.parameter: s for s in found.swings}
    assert swings["c"].switching_value == pytest.approx(850, abs=1e-6)  # 850 − c = 0
    assert swings["c"].swing == pytest.approx(250)
    for name in ("inv", "extra"):  # no effect on the headroom: no crossing
        assert swings[name].switching_value is None
        assert swings[name].swing == 0
    at = scalar(
        compute(scenario, parameters={"c": swings["c"].switching_value}).metric("headroom_min")
    )
    assert abs(at) <= 1e-6 * 250


PAYBACK_SWITCH = """\
pactcalc: 1
name: p
start_year: 2021
years: 5
discount_rate: 0
parameters:
  inv: {value: 250, low: 200, high: 400}
partners: [{id: gem, name: G}]
baseline: [{name: b, partner: gem, amount: 100}]
investments: [{name: i, partner: gem, amount: inv, paid_from: own}]
checks: [payback_years <= 3]
"""


def test_payback_switching_value_uses_the_check_bound() -> None:
    document = load(PAYBACK_SWITCH)
    scenario = document.scenario
    assert scenario is not None
    # payback = inv / 100 (S[k] = −inv + 100k, returns 100 a year): 2.5 at the value
    assert scalar(compute(scenario).payback_years) == pytest.approx(2.5)
    found = uncertainty.sensitivity(scenario, "payback_years", document.checks)
    assert found.threshold == 3  # `payback_years <= 3` → 3
    (swing,) = found.swings
    # inv / 100 = 3 → inv = 300
    assert swing.switching_value == pytest.approx(300, abs=1e-6)
    # searched: [max(0, 250 − 2·50 − 200), 250 + 2·150 + 200] = [0, 750]
    assert swing.searched == pytest.approx((0, 750))
    # at low 2.0, at high 4.0
    assert swing.at_low == pytest.approx(2.0)
    assert swing.at_high == pytest.approx(4.0)
    at = scalar(compute(scenario, parameters={"inv": swing.switching_value}).payback_years)
    assert at == pytest.approx(3, abs=1e-6)
    # without a check there is no threshold for a payback, so no switching value
    plain = uncertainty.sensitivity(scenario, "payback_years")
    assert plain.threshold is None
    assert plain.swings[0].switching_value is None


def test_payback_switching_value_none_when_no_crossing() -> None:
    # over 10 years: payback inv / 100 ≤ 7.5 everywhere in the searched [0, 750], never 8
    text = PAYBACK_SWITCH.replace("years: 5", "years: 10")
    document = load(text.replace("payback_years <= 3", "payback_years <= 8"))
    assert document.scenario is not None
    found = uncertainty.sensitivity(document.scenario, "payback_years", document.checks)
    assert found.threshold == 8
    (swing,) = found.swings
    assert swing.switching_value is None
    assert swing.searched == pytest.approx((0, 750))  # max(0, 250 − 100 − 200), 250 + 300 + 200


def test_payback_switching_value_where_the_payback_leaves_the_horizon() -> None:
    # over 5 years: inv ≤ 500 pays back in inv / 100 ≤ 5 < 10; inv > 500 has none, which
    # counts as the worst outcome (beyond 10): the check stops holding at inv = 500
    document = load(PAYBACK_SWITCH.replace("payback_years <= 3", "payback_years <= 10"))
    assert document.scenario is not None
    found = uncertainty.sensitivity(document.scenario, "payback_years", document.checks)
    (swing,) = found.swings
    # money at the cent (issue 10): an investment less than half a cent above 500 is still
    # paid back by 5 × 100, so the check stops holding between 500 and 500.005
    assert swing.switching_value == pytest.approx(500.0025, abs=0.0025)


# --- adjustments ---------------------------------------------------------------------------

ADJUSTED = """\
pactcalc: 1
name: a
start_year: 2021
years: 3
discount_rate: 0
partners: [{id: gem, name: G}]
baseline: [{name: b, partner: gem, amount: 2000}]
budget: [{name: bu, partner: gem, amount: 5000}]
effort: [{name: e, partner: gem, amount: 1000, optimism_bias: 0.1}]
investments: [{name: i, partner: gem, amount: 500, optimism_bias: 0.2}]
benefits:
  - name: x
    partner: gem
    amount: 1000
    optimism_bias: 0.1
    deadweight: 0.2
    displacement: 0.25
    attribution: 0.5
    drop_off: 0.1
"""


def assert_effects_add_up(result: Result) -> None:
    """gross + Σ adjustment effects = adjusted, per year, for every adjusted line."""
    for item in result.lines:
        if item.gross_per_year is None:
            assert item.adjustments == ()
            continue
        total = item.gross_per_year + sum(effect for _, effect in item.adjustments)
        np.testing.assert_allclose(total, item.eur_per_year, rtol=1e-12, atol=1e-9)


def test_adjustments_by_hand() -> None:
    result = run(ADJUSTED)
    effort = line(result, "effort", "e")
    np.testing.assert_allclose(effort.gross_per_year, [1000, 1000, 1000])
    np.testing.assert_allclose(effort.eur_per_year, [1100, 1100, 1100])  # 1000 · 1.1
    assert [n for n, _ in effort.adjustments] == ["optimism_bias"]
    np.testing.assert_allclose(effort.adjustments[0][1], [100, 100, 100])

    investment = line(result, "investments", "i")
    np.testing.assert_allclose(investment.eur_per_year, [600, 0, 0])  # 500 · 1.2
    np.testing.assert_allclose(investment.adjustments[0][1], [100, 0, 0])

    benefit = line(result, "benefits", "x")
    # 1000 · 0.9 · 0.8 · 0.75 · 0.5 = 270, then × 0.9 ** t: 270, 243, 218.7
    np.testing.assert_allclose(benefit.eur_per_year, [270, 243, 218.7])
    effects = dict(benefit.adjustments)
    assert list(effects) == [
        "optimism_bias",
        "deadweight",
        "displacement",
        "attribution",
        "drop_off",
    ]
    np.testing.assert_allclose(effects["optimism_bias"], [-100] * 3)  # 1000 → 900
    np.testing.assert_allclose(effects["deadweight"], [-180] * 3)  # 900 → 720
    np.testing.assert_allclose(effects["displacement"], [-180] * 3)  # 720 → 540
    np.testing.assert_allclose(effects["attribution"], [-270] * 3)  # 540 → 270
    np.testing.assert_allclose(effects["drop_off"], [0, -27, -51.3])  # 270 · (0.9^t − 1)
    assert_effects_add_up(result)

    # the business case counts the adjusted amounts
    # savings 2000 − 1100 = 900; net = 900 + 270 − 600, 900 + 243, 900 + 218.7
    np.testing.assert_allclose(result.net_per_year, [570, 1143, 1118.7])
    assert scalar(result.npv) == pytest.approx(2831.7)  # rate 0: the sum
    # headroom = 5000 − 1100 − 600, 5000 − 1100, 5000 − 1100
    np.testing.assert_allclose(result.headroom_per_year, [3300, 3900, 3900])
    # the partner's benefits are the adjusted ones too
    np.testing.assert_allclose(result.partners[0].benefits_per_year, [270, 243, 218.7])


DEFAULTS = """\
pactcalc: 1
name: d
start_year: 2021
years: 2
discount_rate: 0
adjustments: {optimism_bias: {investments: 0.2, effort: 0.05, benefits: 0.1}}
partners: [{id: gem, name: G}]
baseline: [{name: b, partner: gem, amount: 10000}]
budget: [{name: bu, partner: gem, amount: 10000}]
effort:
  - {name: default, partner: gem, amount: 1000}
  - {name: own, partner: gem, amount: 1000, optimism_bias: 0.3}
  - {name: zero, partner: gem, amount: 1000, optimism_bias: 0}
investments:
  - {name: default, partner: gem, amount: 500}
  - {name: own, partner: gem, amount: 500, optimism_bias: 0.5}
benefits:
  - {name: default, partner: gem, amount: 1000}
  - {name: own, partner: gem, amount: 1000, optimism_bias: 0.5, deadweight: 0.2}
"""


def test_scenario_default_optimism_bias_and_line_override() -> None:
    result = run(DEFAULTS)
    expected = {
        ("effort", "default"): [1050, 1050],  # 1000 · 1.05 (default)
        ("effort", "own"): [1300, 1300],  # 1000 · 1.3 (the line's own)
        ("effort", "zero"): [1000, 1000],  # the line's own 0 overrides the default 0.05
        ("investments", "default"): [600, 0],  # 500 · 1.2
        ("investments", "own"): [750, 0],  # 500 · 1.5
        ("benefits", "default"): [900, 900],  # 1000 · 0.9
        ("benefits", "own"): [400, 400],  # 1000 · 0.5 · 0.8 (no default on top)
    }
    for (kind, name), values in expected.items():
        np.testing.assert_allclose(line(result, kind, name).eur_per_year, values, err_msg=name)
    assert_effects_add_up(result)
    # effort 1050 + 1300 + 1000 = 3350 a year
    np.testing.assert_allclose(result.effort_per_year, [3350, 3350])
    # net = 10000 − 3350 + 1300 − (600 + 750), then 10000 − 3350 + 1300
    np.testing.assert_allclose(result.net_per_year, [6600, 7950])


DROP_OFF = """\
pactcalc: 1
name: d
start_year: 2021
years: 4
discount_rate: 0
partners: [{id: gem, name: G}]
benefits:
  - {name: always, partner: gem, amount: 1000, drop_off: 0.1}
  - {name: later, partner: gem, amount: 1000, drop_off: 0.1, from: 2022}
  - {name: before, partner: gem, amount: 1000, drop_off: 0.1, from: 2019}
  - {name: window, partner: gem, amount: 1000, drop_off: 0.5, from: 2022, until: 2023}
"""


def test_drop_off_counts_from_the_lines_first_year() -> None:
    result = run(DROP_OFF)
    # from the start of the horizon: 1000 · 0.9^t
    np.testing.assert_allclose(
        line(result, "benefits", "always").eur_per_year, [1000, 900, 810, 729]
    )
    # from 2022: nothing in 2021, then 1000, 900, 810
    np.testing.assert_allclose(line(result, "benefits", "later").eur_per_year, [0, 1000, 900, 810])
    # running since 2019 (before the horizon): 1000 · 0.9^(y − 2019) = 0.9², 0.9³, 0.9⁴, 0.9⁵
    np.testing.assert_allclose(
        line(result, "benefits", "before").eur_per_year, [810, 729, 656.1, 590.49]
    )
    # 2022–2023 only, halving: 0, 1000, 500, 0
    np.testing.assert_allclose(line(result, "benefits", "window").eur_per_year, [0, 1000, 500, 0])
    assert_effects_add_up(result)


RANGED_ADJUSTMENT = """\
pactcalc: 1
name: r
start_year: 2021
years: 1
discount_rate: 0
parameters:
  ob: {{value: 0.1, low: 0, high: 0.4, distribution: uniform}}
{top}partners: [{{id: gem, name: G}}]
baseline: [{{name: b, partner: gem, amount: 2000}}]
effort: [{{name: e, partner: gem, amount: 1000, paid_from: own{own}}}]
"""


@pytest.mark.parametrize(
    ("top", "own"),
    [("", ", optimism_bias: ob"), ("adjustments: {optimism_bias: {effort: ob}}\n", "")],
    ids=["on-the-line", "scenario-default"],
)
def test_adjustment_as_ranged_parameter_varies_in_the_simulation(top: str, own: str) -> None:
    scenario = scenario_of(RANGED_ADJUSTMENT.format(top=top, own=own))
    # npv = 2000 − 1000 · (1 + ob) = 1000 − 1000 · ob: 900 at the value 0.1
    assert npv_with(scenario) == pytest.approx(900)
    n = 2000
    simulation = uncertainty.simulate(scenario, samples=n, seed=3)
    assert simulation.parameters == ["ob"]
    ob = uncertainty.sample_parameters(scenario, n, 3)["ob"].reshape(-1)
    np.testing.assert_allclose(simulation.npv, 1000 - 1000 * ob, rtol=1e-12)
    # uniform on [0, 0.4]: mean npv 1000 − 1000 · 0.2 = 800, sd 1000 · 0.4/√12 = 115.47
    assert float(simulation.npv.std()) > 100
    assert abs(simulation.summaries["npv"].mean - 800) < 3 * 115.47 / math.sqrt(n)
    (swing,) = uncertainty.sensitivity(scenario, "npv").swings
    assert swing.at_low == pytest.approx(1000)  # ob = 0
    assert swing.at_high == pytest.approx(600)  # ob = 0.4: 2000 − 1400
    # the engine's per-line arrays of these samples (a simulation keeps only the metrics)
    sampled = compute(
        scenario, (), parameters=uncertainty.sample_parameters(scenario, n, 3), samples=n
    )
    assert_effects_add_up(sampled)
    effort = sampled.lines[1]
    assert effort.kind == "effort"
    np.testing.assert_allclose(effort.adjustments[0][1].reshape(-1), 1000 * ob, rtol=1e-12)


# --- probabilistic checks ------------------------------------------------------------------

MONEY = """\
pactcalc: 1
name: m
start_year: 2021
years: 2
discount_rate: 0
parameters:
  cost: {{value: 900, low: 800, high: 1040, distribution: uniform}}
partners: [{{id: gem, name: G}}, {{id: zorg, name: Z}}]
baseline: [{{name: b, partner: gem, amount: 1000}}]
budget: [{{name: bu, partner: gem, amount: 1100}}]
effort: [{{name: e, partner: zorg, amount: cost}}]
{simulation}checks:
{checks}
"""
SIM_4000 = "simulation: {samples: 4000, seed: 11}\n"


def money_text(*checks: str, simulation: str = SIM_4000) -> str:
    return MONEY.format(simulation=simulation, checks="\n".join(f"  - {c!r}" for c in checks))


def money_by_hand(n: int, seed: int) -> dict[str, np.ndarray]:
    """npv, headroom and the partners' nets of MONEY for the same draws, by hand:
    npv = 2 · (1000 − cost); gem holds the whole budget, so pays the effort: its net is
    the npv; zorg delivers, pays nothing: net 0; headroom = 1100 − cost."""
    cost = uncertainty.sample_parameters(scenario_of(money_text("npv > 0")), n, seed)["cost"]
    cost = cost.reshape(-1)
    npv = 2 * (1000 - cost)
    return {"cost": cost, "npv": npv, "gem": npv, "zorg": np.zeros(n), "headroom": 1100 - cost}


def se_of(p: float, n: int) -> float:
    return math.sqrt(p * (1 - p) / n)


def test_probabilistic_money_checks() -> None:
    checks = check_results(
        money_text(
            "P(npv > 0) >= 0.8",
            "P5(npv) > 0",
            "mean(npv) > 100",
            "P(net_total[gem] < 0) <= 0.1",
            "P(net_total[zorg] < 0) <= 0.1",
            "P(headroom_min >= 0) >= 0.9",
            "npv > 0",
        )
    )
    hand = money_by_hand(4000, 11)
    n = 4000

    c = checks["P(npv > 0) >= 0.8"]
    # P(cost < 1000) = 200/240 = 0.8333…; se ≈ √(0.833 · 0.167 / 4000) ≈ 0.0059
    p = float((hand["npv"] > 0).mean())
    assert c.actual == pytest.approx(p, abs=1e-12)
    assert abs(p - 200 / 240) < 3 * se_of(200 / 240, n)
    assert c.se == pytest.approx(se_of(p, n))
    assert c.samples == n
    assert c.passed
    assert not c.too_close

    c = checks["P5(npv) > 0"]
    # P5 of npv ↔ P95 of cost = 800 + 0.95 · 240 = 1028 → npv 2 · (1000 − 1028) = −56
    assert c.actual == pytest.approx(float(np.percentile(hand["npv"], 5)), rel=1e-9)
    assert c.actual == pytest.approx(-56, abs=8)  # sd of the quantile ≈ 1.7
    assert not c.passed

    c = checks["mean(npv) > 100"]
    # mean cost 920 → mean npv 160; sd of npv 2 · 240/√12 = 138.6 → se ≈ 2.19
    assert c.actual == pytest.approx(float(hand["npv"].mean()), rel=1e-9)
    assert abs(c.actual - 160) < 4 * 138.6 / math.sqrt(n)
    assert c.se == pytest.approx(float(hand["npv"].std(ddof=1)) / math.sqrt(n), rel=1e-9)
    assert c.passed
    assert not c.too_close

    c = checks["P(net_total[gem] < 0) <= 0.1"]
    # P(cost > 1000) = 40/240 = 0.1667
    p = float((hand["gem"] < 0).mean())
    assert c.actual == pytest.approx(p, abs=1e-12)
    assert abs(p - 40 / 240) < 3 * se_of(40 / 240, n)
    assert not c.passed
    assert not c.too_close

    c = checks["P(net_total[zorg] < 0) <= 0.1"]
    assert c.actual == 0
    assert c.se == 0
    assert c.passed
    assert not c.too_close

    c = checks["P(headroom_min >= 0) >= 0.9"]
    assert c.actual == 1.0  # cost ≤ 1040 < 1100 always
    assert c.passed

    c = checks["npv > 0"]  # the plain check stays deterministic: 2 · (1000 − 900) = 200
    assert c.actual == pytest.approx(200)
    assert c.se is None
    assert c.samples is None


def test_simulation_probabilities_for_partners() -> None:
    document = load(money_text("P(npv > 0) >= 0.8"))
    assert document.scenario is not None
    simulation = uncertainty.simulate(document.scenario, document.checks)
    assert (simulation.samples, simulation.seed) == (4000, 11)  # from the file
    hand = money_by_hand(4000, 11)
    found = {p.event: p for p in simulation.probabilities}
    expected = {
        "npv > 0": float((hand["npv"] > 0).mean()),
        "headroom_min >= 0": 1.0,
        "payback within the horizon": float((hand["npv"] >= 0).mean()),
        "net_total[gem] < 0": float((hand["gem"] < 0).mean()),
        "net_total[zorg] < 0": 0.0,
    }
    for event, p in expected.items():
        assert found[event].p == pytest.approx(p, abs=1e-12), event
        assert found[event].se == pytest.approx(se_of(p, 4000)), event
    # partner summaries: gem's net is the npv, zorg's 0
    assert simulation.summaries["net_total[gem]"].mean == pytest.approx(float(hand["npv"].mean()))
    assert simulation.summaries["net_total[zorg]"].p95 == 0


def test_too_close_within_two_standard_errors() -> None:
    hand = money_by_hand(4000, 11)
    n = 4000
    p = float((hand["npv"] > 0).mean())
    bound = round(p, 3)  # |p − bound| ≤ 0.0005 < 2 se ≈ 0.012
    mean = float(hand["npv"].mean())
    se_mean = float(hand["npv"].std(ddof=1)) / math.sqrt(n)
    mean_bound = round(mean - se_mean, 4)  # one standard error below: passes, too close
    checks = check_results(
        money_text(f"P(npv > 0) >= {bound}", f"mean(npv) > {mean_bound}", "P(npv > 0) >= 0.7")
    )
    c = checks[f"P(npv > 0) >= {bound}"]
    assert c.too_close
    assert c.se == pytest.approx(se_of(p, n))
    c = checks[f"mean(npv) > {mean_bound}"]
    assert c.passed
    assert c.too_close
    c = checks["P(npv > 0) >= 0.7"]  # 0.83 − 0.7 ≫ 2 · 0.006
    assert c.passed
    assert not c.too_close


PAYBACK = """\
pactcalc: 1
name: p
start_year: 2021
years: 4
discount_rate: 0
parameters:
  r: {{value: 300, low: 200, high: 500, distribution: uniform}}
partners: [{{id: gem, name: G}}]
baseline: [{{name: b, partner: gem, amount: r}}]
investments: [{{name: i, partner: gem, amount: 1000, paid_from: own}}]
simulation: {{samples: 4000, seed: 5}}
checks:
{checks}
"""


def payback_text(*checks: str) -> str:
    return PAYBACK.format(checks="\n".join(f"  - {c!r}" for c in checks))


def payback_by_hand(n: int, seed: int) -> np.ndarray:
    """Payback of PAYBACK for the same draws: 1000 / r when 4r ≥ 1000, else none (+∞, a
    payback beyond the horizon)."""
    scenario = scenario_of(payback_text("npv > 0"))
    r = uncertainty.sample_parameters(scenario, n, seed)["r"].reshape(-1)
    return np.where(4 * r >= 1000, 1000 / r, np.inf)


def test_probabilistic_payback_checks() -> None:
    checks = check_results(
        payback_text(
            "P(payback_years <= 3) >= 0.5",
            "P(payback_years > 3) >= 0.4",
            "P5(payback_years) < 2.5",
            "mean(payback_years) < 10",
        )
    )
    n = 4000
    payback = payback_by_hand(n, 5)
    missing = float(np.isinf(payback).mean())
    assert abs(missing - 50 / 300) < 3 * se_of(1 / 6, n)  # P(r < 250) = 1/6

    c = checks["P(payback_years <= 3) >= 0.5"]
    # P(r ≥ 1000/3) = (500 − 333.3)/300 = 0.5556; a sample without payback is beyond 3
    p = float((payback <= 3).mean())
    assert c.actual == pytest.approx(p, abs=1e-12)
    assert abs(p - 5 / 9) < 3 * se_of(5 / 9, n)
    assert c.se == pytest.approx(se_of(p, n))
    assert c.passed
    assert not c.too_close

    c = checks["P(payback_years > 3) >= 0.4"]
    # 1 − 5/9 = 0.444, of which 1/6 without payback (counted as beyond the horizon);
    # ignoring those would give 0.278 and fail
    assert c.actual == pytest.approx(1 - p, abs=1e-12)
    assert c.actual == pytest.approx(float((payback > 3).mean()), abs=1e-12)
    assert abs(c.actual - 4 / 9) < 3 * se_of(4 / 9, n)
    assert c.passed

    c = checks["P5(payback_years) < 2.5"]
    # P5 of payback ↔ P95 of r ≈ 200 + 0.95 · 300 = 485 → 1000/485 = 2.062
    assert c.actual == pytest.approx(float(np.percentile(payback, 5)), rel=1e-9)
    assert c.actual == pytest.approx(1000 / 485, abs=0.01)
    assert c.passed
    assert c.missing is None

    c = checks["mean(payback_years) < 10"]  # no mean over samples without payback
    assert c.actual is None
    assert c.missing == "payback"
    assert not c.passed


@pytest.mark.parametrize("check", ["P95(payback_years) <= 4", "P95(payback_years) > 4"])
def test_percentile_among_missing_paybacks_fails_and_says_so(check: str) -> None:
    # 1/6 of the samples have no payback (r < 250), so the 95th percentile falls among them
    c = check_results(payback_text(check))[check]
    assert not c.passed  # whatever the operator
    assert c.missing == "payback"
    assert c.actual is None


def test_percentile_at_the_edge_of_the_missing_paybacks() -> None:
    """P80 lies among finite paybacks (5/6 = 0.833 have one): a number, not missing."""
    n = 4000
    payback = payback_by_hand(n, 5)
    c = check_results(payback_text("P80(payback_years) <= 4"))["P80(payback_years) <= 4"]
    assert c.missing is None
    assert c.actual == pytest.approx(float(np.percentile(payback, 80)), rel=1e-9)
    # P80 of payback ↔ P20 of r ≈ 200 + 0.2 · 300 = 260 → 1000/260 = 3.85 ≤ 4
    assert c.actual == pytest.approx(1000 / 260, abs=0.1)  # sd of the quantile ≈ 0.03
    assert c.passed


def test_payback_threshold_probability_in_the_simulation() -> None:
    document = load(payback_text("P(payback_years <= 3) >= 0.5"))
    assert document.scenario is not None
    simulation = uncertainty.simulate(document.scenario, document.checks)
    payback = payback_by_hand(4000, 5)
    found = {p.event: p for p in simulation.probabilities}
    assert found["payback_years <= 3"].p == pytest.approx(float((payback <= 3).mean()), abs=1e-12)
    assert found["payback within the horizon"].p == pytest.approx(
        float(np.isfinite(payback).mean()), abs=1e-12
    )  # ≈ 5/6
    summary = simulation.summaries["payback_years"]
    assert summary.missing == pytest.approx(float(np.isinf(payback).mean()), abs=1e-12)
    assert summary.p95 is None  # among the samples without payback: said in words
    assert summary.mean is None
    assert summary.p5 == pytest.approx(float(np.percentile(payback, 5)), rel=1e-9)


def test_plain_payback_check_threshold_gets_a_probability() -> None:
    document = load(payback_text("payback_years <= 3"))
    assert document.scenario is not None
    simulation = uncertainty.simulate(document.scenario, document.checks, samples=1000)
    events = [p.event for p in simulation.probabilities]
    assert "payback_years <= 3" in events


def test_same_seed_same_results_other_seed_other_results() -> None:
    checks = ("P(npv > 0) >= 0.8", "P5(npv) > 0", "mean(npv) > 100")
    first = check_results(money_text(*checks))
    again = check_results(money_text(*checks))
    other = check_results(money_text(*checks, simulation="simulation: {samples: 4000, seed: 12}\n"))
    for text in checks:
        assert first[text].actual == again[text].actual
        assert first[text].se == again[text].se
    assert first["mean(npv) > 100"].actual != other["mean(npv) > 100"].actual
    assert first["P5(npv) > 0"].actual != other["P5(npv) > 0"].actual


def test_simulation_settings_in_the_file_are_used() -> None:
    c = check_results(
        money_text("mean(npv) > 100", simulation="simulation: {samples: 1234, seed: 77}\n")
    )["mean(npv) > 100"]
    assert c.samples == 1234
    assert c.actual == pytest.approx(float(money_by_hand(1234, 77)["npv"].mean()), rel=1e-12)
    assert c.actual != pytest.approx(float(money_by_hand(1234, 1)["npv"].mean()), rel=1e-12)


def test_simulation_defaults_are_10000_samples_seed_1() -> None:
    c = check_results(money_text("mean(npv) > 100", simulation=""))["mean(npv) > 100"]
    assert c.samples == 10_000
    # seed 1 with numpy PCG64: cost is the generator's first 10,000 uniform draws
    cost = np.random.Generator(np.random.PCG64(1)).uniform(800, 1040, 10_000)
    assert c.actual == pytest.approx(float((2 * (1000 - cost)).mean()), rel=1e-12)


# --- the distribution of a simulated metric -------------------------------------------------


def test_summaries_npv_first_then_the_registry_order() -> None:
    """What a simulation summarises (DOMAIN.md §6), in the order the outputs list it."""
    simulation = uncertainty.simulate(scenario_of(money_text("npv > 0")))
    assert list(simulation.summaries) == [
        "npv",
        "headroom_min",
        "savings_total",
        "payback_years",
        "discounted_payback_years",
        "net_total[gem]",
        "net_total[zorg]",
    ]


def test_histogram_by_hand() -> None:
    found = uncertainty.histogram(np.array([[3.0], [0.0], [1.5], [1.0], [2.9]]), bins=3)
    assert found.edges.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert found.counts.tolist() == [1, 2, 2]  # 1.0 opens the second bin; 3.0 closes the last


def test_histogram_of_equal_samples_is_one_middle_bin() -> None:
    found = uncertainty.histogram(np.full(7, 5.0), bins=3)
    assert found.edges[0] == 4.5
    assert found.edges[-1] == 5.5
    assert found.counts.tolist() == [0, 7, 0]


@pytest.mark.parametrize("bins", [12, 40])  # the terminal's text histogram, the report's chart
def test_histogram_of_the_simulated_npv(bins: int) -> None:
    simulation = uncertainty.simulate(scenario_of(money_text("npv > 0")))
    npv = np.asarray(simulation.npv).reshape(-1)
    assert npv == pytest.approx(money_by_hand(4000, 11)["npv"], rel=1e-12)
    found = uncertainty.histogram(simulation.npv, bins)
    assert len(found.edges) == bins + 1
    assert len(found.counts) == bins
    assert found.edges[0] == npv.min()
    assert found.edges[-1] == npv.max()
    assert int(found.counts.sum()) == simulation.samples == 4000
    widths = np.diff(found.edges)
    assert widths == pytest.approx(np.full(bins, (npv.max() - npv.min()) / bins))
    inside = [int(((npv >= lo) & (npv < hi)).sum()) for lo, hi in pairwise(found.edges)]
    inside[-1] += int((npv == npv.max()).sum())  # the last bin includes its right edge
    assert found.counts.tolist() == inside


# --- no uncertain parameters; the switching-value search interval -------------------------------

CERTAIN = """\
pactcalc: 1
name: t
start_year: 2021
years: 2
discount_rate: 0
partners: [{id: gem, name: Gemeente}]
parameters:
  kosten: 100
baseline:
  - {name: B, partner: gem, amount: kosten}
effort:
  - {name: E, partner: gem, amount: 5, paid_from: own}
"""


def test_simulate_without_uncertain_parameters_repeats_the_point_estimate():
    # no ranges: every sample is the deterministic run. npv = 2 · (100 − 5) = 190 at rate 0;
    # savings likewise; no budget and no budget-funded costs: headroom 0; no investment and
    # positive returns: payback 0.
    scenario = scenario_of_text(CERTAIN)
    sim = uncertainty.simulate(scenario, samples=7, seed=3)
    assert sim.samples == 7
    assert sim.seed == 3
    assert sim.parameters == []
    assert sim.npv.tolist() == [190.0] * 7
    for name, expected in [
        ("npv", 190.0),
        ("savings_total", 190.0),
        ("headroom_min", 0.0),
        ("payback_years", 0.0),
        ("discounted_payback_years", 0.0),
        ("net_total[gem]", 190.0),  # the only partner gets the whole net
    ]:
        s = sim.summaries[name]
        assert (s.mean, s.p5, s.p50, s.p95) == (expected,) * 4, name
        assert s.missing == 0.0
    probs = {p.event: (p.p, p.se) for p in sim.probabilities}
    assert probs == {
        "npv > 0": (1.0, 0.0),  # sqrt(1 · 0 / 7) = 0
        "headroom_min >= 0": (1.0, 0.0),
        "payback within the horizon": (1.0, 0.0),
        "net_total[gem] < 0": (0.0, 0.0),
    }
    # the fan chart of the cumulative net: 95 after 2021, 190 after 2022, in every band
    for q in (10, 50, 90):
        assert sim.cumulative_bands[q].tolist() == [95.0, 190.0]


def test_sensitivity_without_uncertain_parameters_has_no_swings():
    scenario = scenario_of_text(CERTAIN)
    found = uncertainty.sensitivity(scenario, "npv")
    assert found.metric == "npv"
    assert found.threshold == 0.0  # npv's threshold without a check
    assert found.base == 190.0
    assert found.swings == []
    assert uncertainty.analyse(scenario) is None  # nothing uncertain: no section


NEGATIVE_LOW = """\
pactcalc: 1
name: t
start_year: 2021
years: 1
discount_rate: 0
partners: [{id: gem, name: Gemeente}]
parameters:
  effect: {value: 0, low: -10, high: 30}
baseline:
  - {name: B, partner: gem, amount: 100}
effort:
  - {name: E, partner: gem, amount: 50 - effect, paid_from: own}
"""


def test_switching_value_search_goes_below_zero_when_low_is_negative():
    # npv = savings = 100 − (50 − effect) = 50 + effect (one year, rate 0).
    # at low −10: 40; at high 30: 80; swing 40.
    # searched: w = 40; lo = 0 − 2·(0 − (−10)) − 40 = −60; hi = 0 + 2·30 + 40 = 100. low < 0,
    # so lo is not clamped at 0, and the crossing npv = 0 at effect = −50 lies inside.
    found = uncertainty.sensitivity(scenario_of_text(NEGATIVE_LOW), "npv")
    assert found.base == 50.0
    [swing] = found.swings
    assert swing.parameter == "effect"
    assert (swing.low, swing.high) == (-10.0, 30.0)
    assert swing.at_low == pytest.approx(40.0)
    assert swing.at_high == pytest.approx(80.0)
    assert swing.swing == pytest.approx(40.0)
    assert swing.searched == (-60.0, 100.0)
    assert swing.switching_value == pytest.approx(-50.0, abs=1e-6)


def test_switching_value_search_stops_at_zero_when_low_is_not_negative():
    # the contrast: low 0 instead of −10: w = 30; lo = 0 − 0 − 30 = −30, clamped to 0;
    # hi = 0 + 2·30 + 30 = 90. npv = 50 + effect never reaches 0 on [0, 90]: none
    text = NEGATIVE_LOW.replace("low: -10", "low: 0")
    [swing] = uncertainty.sensitivity(scenario_of_text(text), "npv").swings
    assert swing.searched == (0.0, 90.0)
    assert swing.switching_value is None
