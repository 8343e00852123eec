"""Money is compared at the cent (issue 10, "Right to the cent").

Amounts that add up exactly in cents differ in binary floating point by about 1e-13:
1000.11 + 1383.63 is 2383.7400000000002, so a budget of 2383.74 leaves a headroom of
−4.5e-13. Every comparison of money — a check, the payback crossing, "never negative",
"negative again", the budget-sufficient answer — treats amounts less than half a cent
apart as equal. Every expected number is worked out by hand beside its assertion.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from pactcalc import finance
from pactcalc.cli import app
from pactcalc.engine import Result
from pactcalc.model import Check, evaluate_check, parse_check
from pactcalc.model.checks import compare
from pactcalc.pipeline import Document, evaluate, load_scenario_text

runner = CliRunner()


def scenario(body: str, checks: tuple[str, ...] = (), years: int = 3) -> str:
    text = textwrap.dedent(f"""\
        pactcalc: 1
        name: Op de cent
        start_year: 2024
        years: {years}
        discount_rate: 0
        partners:
          - {{id: gem, name: Gemeente}}
        """) + textwrap.dedent(body)
    if checks:
        text += "checks:\n" + "".join(f"  - {check}\n" for check in checks)
    return text


def computed(text: str) -> Result:
    document: Document = evaluate(load_scenario_text(text, "cent.yaml"))
    assert document.result is not None, [(p.code, p.message("en")) for p in document.problems]
    return document.result


# A budget that exactly covers its two effort lines: 1000.11 + 1383.63 = 2383.74 in cents,
# but 2383.74 − (1000.11 + 1383.63) = −4.547e-13 in floating point.
EXACT_BUDGET = """\
    budget:
      - {name: Budget, partner: gem, amount: 2383.74}
    effort:
      - {name: Begeleiding, partner: gem, amount: 1000.11}
      - {name: Huisvesting, partner: gem, amount: 1383.63}
    """

# An investment of 999.95 paid back by 333.30 + 333.30 + 333.35 = 999.95 in cents; the
# cumulative at the end of year 3 is −5.684e-14 in floating point.
EXACT_PAYBACK = """\
    series:
      besparing: [333.30, 333.30, 333.35]
    baseline:
      - {name: Oude zorg, partner: gem, amount: besparing}
    investments:
      - {name: Transitie, partner: gem, amount: 999.95, paid_from: own}
    """


# --- the helper ----------------------------------------------------------------------------


def test_the_sums_really_are_off_in_floating_point() -> None:
    # The premise of every test here: without the cent convention these would fail.
    assert 2383.74 - (1000.11 + 1383.63) < 0  # −4.5e-13
    assert float(np.cumsum([333.30 - 999.95, 333.30, 333.35])[-1]) < 0  # −5.7e-14


@pytest.mark.parametrize(
    ("op", "amount", "bound", "expected"),
    [
        (">=", -4.5e-13, 0, True),  # noise below 0 is 0
        ("<", -4.5e-13, 0, False),
        ("<=", 4.5e-13, 0, True),  # noise above 0 is 0
        (">", 4.5e-13, 0, False),
        (">=", -0.004, 0, True),  # less than half a cent below: still 0
        (">=", -0.005, 0, False),  # half a cent below: negative
        (">", 0.005, 0, True),  # half a cent above: larger
        ("<", 99.99, 100, True),  # a cent below the bound
        ("<", 99.996, 100, False),  # 0.004 below: the same amount
        ("<=", 100.004, 100, True),  # within half a cent of 100
    ],
)
def test_money_compare_at_the_cent(op: str, amount: float, bound: float, expected: bool) -> None:
    assert bool(finance.money_compare(op, amount, bound)) is expected  # type: ignore[arg-type]


def test_money_compare_is_element_wise_on_samples() -> None:
    samples = np.array([-4.5e-13, -0.01, 0.0, 12.5])
    # −4.5e-13 and 0 are 0 (≥ 0); −0.01 is a cent below; 12.5 above
    assert finance.money_compare(">=", samples, 0).tolist() == [True, False, True, True]


def test_cents_rounds_half_away_from_zero_without_negative_zero() -> None:
    # 2383.7400000000002 → 2383.74; −4.5e-13 → 0.0 (not −0.0); 1.005 → 1.01; −0.125 → −0.13
    values = finance.cents([2383.7400000000002, -4.5e-13, 1.005, -0.125]).tolist()
    assert values == [2383.74, 0.0, 1.01, -0.13]
    assert str(values[1]) == "0.0"


# --- checks ----------------------------------------------------------------------------------


def test_budget_equal_to_its_effort_lines_passes_headroom_min_at_least_zero() -> None:
    result = computed(scenario(EXACT_BUDGET, ("headroom_min >= 0",)))
    assert float(result.metric("headroom_min")) < 0  # −4.5e-13 in floating point …
    assert result.checks[0].passed  # … but 0 at the cent
    assert bool(result.budget_sufficient)
    assert float(result.headroom_min_cents) == 0.0


def test_headroom_below_zero_at_the_cent_still_fails() -> None:
    # one cent more effort: 1000.12 + 1383.63 = 2383.75 > 2383.74, headroom −0.01 each year
    body = EXACT_BUDGET.replace("1000.11", "1000.12")
    result = computed(scenario(body, ("headroom_min >= 0", "headroom_min < 0")))
    assert [c.passed for c in result.checks] == [False, True]
    assert not bool(result.budget_sufficient)
    assert float(result.headroom_min_cents) == -0.01


@pytest.mark.parametrize(
    ("check", "passes"),
    [
        ("headroom_min >= 0", True),
        ("headroom_min <= 0", True),
        ("headroom_min > 0", False),  # 0 at the cent is not more than 0
        ("headroom_min < 0", False),
        ("headroom_total >= 0", True),  # 3 × −4.5e-13 = −1.4e-12: 0
        ("budget_total >= 7151.22", True),
    ],
)
def test_every_operator_on_money_is_at_the_cent(check: str, passes: bool) -> None:
    # budget_total: 3 × 2383.74 = 7151.22 (floating point: 7151.219999999999)
    result = computed(scenario(EXACT_BUDGET, (check,)))
    assert result.checks[0].passed is passes


def test_partner_money_metric_is_at_the_cent() -> None:
    # gem pays its budget-funded effort (2383.74 a year) and holds the budget: net −7151.22
    result = computed(scenario(EXACT_BUDGET, ("net_total[gem] >= -7151.22",)))
    assert result.checks[0].passed


def test_years_and_ratios_are_compared_exactly() -> None:
    """Half a cent is a money tolerance: a payback of 3.0 years is not ≤ 2.999."""
    result = computed(scenario(EXACT_PAYBACK, ("payback_years <= 2.999", "payback_years <= 3")))
    assert [c.passed for c in result.checks] == [False, True]
    # compare() itself: years exact, money at the cent
    assert not bool(compare("payback_years", ">=", 2.999, 3.0))
    assert bool(compare("npv", ">=", -0.001, 0.0))


def test_evaluate_check_uses_the_money_compare() -> None:
    class Measured:
        partners: list[object] = []

        def metric(self, name: str, partner: str | None = None) -> float:
            return -1e-9  # a rounding residue of a few sums

    check = parse_check("npv >= 0")
    assert isinstance(check, Check)
    assert evaluate_check(Measured(), check, 0).passed


# --- payback ---------------------------------------------------------------------------------


def test_payback_of_exactly_three_years_is_three() -> None:
    result = computed(scenario(EXACT_PAYBACK, ("payback_years <= 3",)))
    # cumulative: −666.65, −333.35, −5.7e-14 (0 at the cent): paid back at the end of year 3
    assert float(result.payback_years) == 3.0
    assert result.checks[0].passed
    assert result.negative_again_year is None


def test_payback_crossing_at_a_year_end_is_exact() -> None:
    # investment 1000 then 500 + 500: E[1] = 0 exactly → 2.0 (not 1.9999…)
    paid = finance.payback([1000.0, 0.0, 0.0], [500.0, 500.0, 10.0])
    assert float(paid.years) == 2.0
    # same with noise: 0.1 + 0.2 − 0.3 = 5.5e-17 above zero; 999.95 case −5.7e-14 below
    assert float(finance.payback([999.95, 0, 0, 0], [333.30, 333.30, 333.35, 1]).years) == 3.0


def test_payback_just_before_a_year_end_is_not_rounded_to_it() -> None:
    # 299.997 invested, 100 a year: E[2] = +0.003, paid back at 2 + 99.997 / 100 = 2.99997
    # (only float noise at a year end is snapped, so a payback stays continuous)
    paid = finance.payback([299.997, 0, 0, 0], [100.0, 100.0, 100.0, 100.0])
    assert float(paid.years) == pytest.approx(2.99997, abs=1e-12)
    # 300.004 invested: E[2] = −0.004, zero at the cent → exactly 3
    assert float(finance.payback([300.004, 0, 0, 0], [100.0] * 4).years) == 3.0


def test_payback_fraction_within_a_year_is_unchanged() -> None:
    # S[1] = −800 + … : 1000 invested, 200 then 300, 400, 500: E = −800, −500, −100, 400;
    # crossing in year 3 (k = 3): 3 + 100 / 500 = 3.2
    assert float(finance.payback([1000, 0, 0, 0, 0], [200, 300, 400, 500, 600]).years) == 3.2


def test_never_negative_at_the_cent_is_payback_zero() -> None:
    # no investment; returns −4.5e-13 a year (a budget-neutral effort): never negative → 0
    noise = 2383.74 - (1000.11 + 1383.63)
    paid = finance.payback([0.0, 0.0, 0.0], [noise, noise, noise])
    assert float(paid.years) == 0.0
    assert int(paid.negative_again) == -1


def test_negative_again_ignores_residues_below_half_a_cent() -> None:
    # 1000 invested, 1000 back in year 1 (E[0] = 0 → payback 1.0), then returns of −4.5e-13
    noise = 2383.74 - (1000.11 + 1383.63)
    paid = finance.payback([1000.0, 0.0, 0.0], [1000.0, noise, noise])
    assert float(paid.years) == 1.0
    assert int(paid.negative_again) == -1  # no warning PC306
    # a real cent below zero afterwards is still "negative again" (year index 1)
    paid = finance.payback([1000.0, 0.0, 0.0], [1000.0, -0.01, 0.0])
    assert int(paid.negative_again) == 1


def test_engine_does_not_warn_negative_again_for_a_residue() -> None:
    body = """\
        series:
          besparing: [999.95, 1000.11, 0]
          kosten: [0, 1000.11, 0]
        baseline:
          - {name: Oude zorg, partner: gem, amount: besparing}
        effort:
          - {name: Inzet, partner: gem, amount: kosten, paid_from: own}
        investments:
          - {name: Transitie, partner: gem, amount: 999.95, paid_from: own}
        """
    document = evaluate(load_scenario_text(scenario(body), "cent.yaml"))
    assert document.result is not None
    assert float(document.result.payback_years) == 1.0  # 999.95 back in year 1
    assert [p.code for p in document.problems] == []  # no PC306 for 1000.11 − 1000.11


# --- the command line ------------------------------------------------------------------------


def test_checks_pass_on_the_cli(tmp_path: Path) -> None:
    budget, payback = tmp_path / "budget.yaml", tmp_path / "payback.yaml"
    budget.write_text(scenario(EXACT_BUDGET, ("headroom_min >= 0",)), encoding="utf-8")
    payback.write_text(scenario(EXACT_PAYBACK, ("payback_years <= 3",)), encoding="utf-8")
    result = runner.invoke(
        app, ["check", str(budget), str(payback), "--lang", "en"], env={"GITHUB_ACTIONS": None}
    )
    assert result.exit_code == 0, result.stdout
    assert "2 passed" in result.stdout


def _simulated(headroom: list[float]) -> object:
    """A stand-in for a simulation whose samples of headroom_min are ``headroom``."""
    from types import SimpleNamespace

    samples = np.asarray(headroom, dtype=float)
    result = SimpleNamespace(metric=lambda metric, partner=None: samples)
    return SimpleNamespace(result=result, samples=samples.size)


@pytest.mark.parametrize(
    ("check", "passes"),
    [
        # every sample at −4e-13 (a budget equal to its effort lines): 0 at the cent, so
        # the event holds in 4 of 4 samples, P = 1 >= 1
        ("P(headroom_min >= 0) >= 1", True),
        ("P(headroom_min < 0) <= 0", True),  # none below 0 at the cent: P = 0
        ("P5(headroom_min) >= 0", True),  # a percentile of money: at the cent too
        ("mean(headroom_min) >= 0", True),
        ("mean(headroom_min) > 0", False),  # 0 at the cent is not more than 0
    ],
)
def test_probabilistic_checks_compare_money_at_the_cent(check: str, passes: bool) -> None:
    from pactcalc.uncertainty import evaluate_probabilistic

    parsed = parse_check(check)
    assert isinstance(parsed, Check)
    simulation = _simulated([-4e-13] * 4)
    outcome = evaluate_probabilistic(simulation, parsed, 0)  # type: ignore[arg-type]
    assert outcome.passed is passes


def test_a_probability_is_compared_exactly() -> None:
    from pactcalc.uncertainty import evaluate_probabilistic

    # 3 of 4 samples at −4e-13 (0 at the cent), 1 at −0.01 (below 0): P = 3/4 = 0.75,
    # which is not >= 0.750001 (a probability has no cents)
    simulation = _simulated([-4e-13, -4e-13, -4e-13, -0.01])
    holds = parse_check("P(headroom_min >= 0) >= 0.75")
    misses = parse_check("P(headroom_min >= 0) >= 0.750001")
    assert isinstance(holds, Check)
    assert isinstance(misses, Check)
    assert evaluate_probabilistic(simulation, holds, 0).actual == 0.75  # type: ignore[arg-type]
    assert evaluate_probabilistic(simulation, holds, 0).passed is True  # type: ignore[arg-type]
    assert evaluate_probabilistic(simulation, misses, 0).passed is False  # type: ignore[arg-type]
