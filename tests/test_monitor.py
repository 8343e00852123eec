"""Monitoring (DOMAIN.md §8): the realisation by sequential substitution, computed by the one
engine. Expected numbers are worked out by hand beside each assertion."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest
from conftest import ACTUALS_EXAMPLES, EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactcalc.model.actuals import Actuals
from pactcalc.monitor import PARTS, Monitoring, behind, favourable, monitor
from pactcalc.pipeline import ActualsDocument, load_actuals, load_scenario, monitor_file, run_file

#: A small plan: two years, one budget holder, a care provider paid from the budget.
PLAN = """\
pactcalc: 1
name: Klein plan
start_year: 2021
years: 3
discount_rate: 0.0
parameters:
  prijs: 1000
  plek: 2000
series:
  clienten: [10, 10, 10]
partners:
  - {id: gemeente, name: Gemeente}
  - {id: zorg, name: Zorgaanbieder}
baseline:
  - {name: Plekken, partner: gemeente, amount: clienten * plek}
budget:
  - {name: Budget, partner: gemeente, amount: clienten * plek}
effort:
  - {name: Begeleiding, partner: zorg, amount: clienten * prijs, paid_from: budget}
investments:
  - {name: Start, partner: gemeente, amount: 5000, year: 2021, paid_from: own}
adjustments:
  optimism_bias: {investments: 0.2}
"""


def _monitoring(tmp_path: Path, actuals: str, plan: str = PLAN) -> Monitoring:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    path = tmp_path / "actuals.yaml"
    path.write_text(
        "pactcalc-actuals: 1\nscenario: plan.yaml\n" + textwrap.dedent(actuals), encoding="utf-8"
    )
    document = monitor_file(path)
    assert document.all_problems == [], [
        (p.code, p.line, p.message("en")) for p in document.all_problems
    ]
    assert document.monitoring is not None
    return document.monitoring


def _line(monitoring: Monitoring, name: str):  # noqa: ANN202 - a Variance
    return next(v for v in monitoring.lines if v.name == name)


# --- repeating the plan -----------------------------------------------------------------------


def test_actuals_that_repeat_the_plan_show_no_difference(tmp_path: Path) -> None:
    """Forecast years that repeat the plan's inputs: every part is 0, and the expectation is
    the plan to the cent (the bias stays: a forecast keeps its correction)."""
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021: {status: forecast, series: {clienten: 10}, parameters: {prijs: 1000, plek: 2000}}
          2022: {status: forecast, series: {clienten: 10}}
        """,
    )
    for variance in [*monitoring.lines, *monitoring.partners, monitoring.total]:
        assert variance.difference == pytest.approx(0.0, abs=0.005), variance.name
        assert variance.favourable is None
    assert float(monitoring.expectation.npv) == pytest.approx(float(monitoring.plan.npv), abs=0.005)


def test_the_example_with_its_plan_repeated_equals_run_to_the_cent(tmp_path: Path) -> None:
    """The shipped plan with every series and parameter at its plan value, every year a
    forecast: `monitor`'s expectation equals `run`, metric by metric, to the cent."""
    plan_file = next(p for p in EXAMPLES if p.name == "beschermd-wonen.yaml")
    plan = load_scenario(plan_file).scenario
    assert plan is not None
    years = []
    for position, year in enumerate(plan.calendar_years):
        series = ", ".join(f"{name}: {s.values[position]}" for name, s in plan.series.items())
        parameters = ", ".join(f"{name}: {p.value}" for name, p in plan.parameters.items())
        years.append(
            f"  {year}: {{status: forecast, series: {{{series}}}, parameters: {{{parameters}}}}}"
        )
    monitoring = _monitoring(
        tmp_path, "years:\n" + "\n".join(years) + "\n", plan_file.read_text("utf-8")
    )
    run = run_file(plan_file).result
    assert run is not None
    for name in ("npv", "payback_years", "headroom_min", "net_total", "mkba_ratio", "effort_total"):
        assert float(monitoring.expectation.metric(name)) == pytest.approx(
            float(run.metric(name)), abs=0.005
        ), name
    for partner in run.partners:
        for name in ("net_total", "settlement_total", "net_settled_total"):
            assert float(monitoring.expectation.metric(name, partner.id)) == pytest.approx(
                float(run.metric(name, partner.id)), abs=0.005
            ), (partner.id, name)
    assert all(abs(v.difference) < 0.005 for v in monitoring.lines)


# --- the four parts ---------------------------------------------------------------------------


def test_parts_of_a_realised_year(tmp_path: Path) -> None:
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021:
            status: final
            series: {clienten: 12}
            parameters: {prijs: 1100}
            amounts: {investments: {Start: 5500}}
        """,
    )
    care = _line(monitoring, "Begeleiding")
    # plan 10 · 1000 = 10.000; volume 12 · 1000 = 12.000 (+2.000); price 12 · 1100 = 13.200
    assert care.part("volume") == pytest.approx(2000.0)
    assert care.part("price") == pytest.approx(1200.0)
    assert care.difference == pytest.approx(3200.0)
    assert care.favourable is False  # a cost that rises is N
    start = _line(monitoring, "Start")
    # plan 5.000 · 1,2 = 6.000; the bias goes in a final year (−1.000); booked 5.500 (+500)
    assert start.part("bias") == pytest.approx(-1000.0)
    assert start.part("booked") == pytest.approx(500.0)
    assert start.expectation_total == pytest.approx(5500.0)
    budget = _line(monitoring, "Budget")
    # the budget follows the year's series like any line: 12 · 2.000 − 10 · 2.000 = +4.000, V
    assert budget.part("volume") == pytest.approx(4000.0)
    assert budget.favourable is True
    baseline = _line(monitoring, "Plekken")
    # the baseline is a counterfactual: the actuals' series does not reach it
    assert baseline.difference == pytest.approx(0.0)
    assert monitoring.baseline_booked is False


def test_a_booked_amount_replaces_the_line_exactly_even_where_it_does_not_run(
    tmp_path: Path,
) -> None:
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021: {status: final, amounts: {effort: {Begeleiding: 12345.67}}}
          2022:
            status: provisional
            amounts: {investments: {Start: 800}, baseline: {Plekken: 19000}}
        """,
    )
    care = _line(monitoring, "Begeleiding")
    assert float(care.expectation_per_year[0]) == 12345.67  # exactly, as written
    start = _line(monitoring, "Start")
    # the investment falls in 2021 only; a booked 800 in 2022 counts in 2022, unbiased
    assert float(start.expectation_per_year[1]) == 800.0
    assert float(start.expectation_per_year[0]) == pytest.approx(5000.0)  # 2021 final: no bias
    assert float(_line(monitoring, "Plekken").expectation_per_year[1]) == 19000.0
    assert monitoring.baseline_booked is True


def test_a_booked_amount_is_nominal_without_indexation(tmp_path: Path) -> None:
    indexed = PLAN.replace("discount_rate: 0.0", "discount_rate: 0.0\nindexation: 0.1")
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021: {status: final}
          2022: {status: final, amounts: {effort: {Begeleiding: 10000}}}
        """,
        indexed,
    )
    care = _line(monitoring, "Begeleiding")
    # plan 2022: 10.000 · 1,1 = 11.000; booked 10.000 counts as written
    assert float(care.plan_per_year[1]) == pytest.approx(11000.0)
    assert float(care.expectation_per_year[1]) == 10000.0


def test_optimism_bias_is_absent_in_realised_years_and_present_in_forecast_years(
    tmp_path: Path,
) -> None:
    plan = PLAN.replace("investments: 0.2}", "investments: 0.2, effort: 0.1}")
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021: {status: final}
          2022: {status: provisional}
          2023: {status: forecast}
        """,
        plan,
    )
    care = _line(monitoring, "Begeleiding")
    # effort 10.000 · 1,1 = 11.000 in the plan; realised 2021 and 2022 without the 10 %
    assert care.expectation_per_year.tolist() == pytest.approx([10000.0, 10000.0, 11000.0])
    assert care.part("bias") == pytest.approx(-2000.0)
    assert _line(monitoring, "Start").part("bias") == pytest.approx(-1000.0)  # 6.000 → 5.000


def test_parameters_apply_to_their_own_year_only(tmp_path: Path) -> None:
    monitoring = _monitoring(
        tmp_path, "years:\n  2022: {status: final, parameters: {prijs: 1500}}\n"
    )
    care = _line(monitoring, "Begeleiding")
    assert care.expectation_per_year.tolist() == pytest.approx([10000.0, 15000.0, 10000.0])


_EXAMPLE_PLAN = next(p for p in EXAMPLES if p.name == "beschermd-wonen.yaml")
_SCENARIO = load_scenario(_EXAMPLE_PLAN).scenario
assert _SCENARIO is not None
_STATUS_ORDERS = [
    ("final", "final", "provisional", "forecast", "forecast"),
    ("provisional", "forecast", "forecast", "forecast", "forecast"),
    ("final", "final", "final", "final", "final"),
]


@st.composite
def _actuals(draw: st.DrawFn) -> Actuals:
    """Random actuals for the example plan: statuses in order, random series, parameters
    and booked amounts in random years."""
    statuses = draw(st.sampled_from(_STATUS_ORDERS))
    count = draw(st.integers(min_value=1, max_value=5))
    amount = st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2))
    effort_names = [line.name for line in _SCENARIO.effort]
    years = {}
    for position, year in enumerate(_SCENARIO.calendar_years[:count]):
        years[str(year)] = {
            "status": statuses[position],
            "series": draw(
                st.dictionaries(
                    st.sampled_from(sorted(_SCENARIO.series)), st.integers(0, 40), max_size=3
                )
            ),
            "parameters": draw(
                st.dictionaries(
                    st.sampled_from(
                        ["tarief_reguliere_begeleiding", "bw_kosten_per_plek", "fte_expertise_bw"]
                    ),
                    st.floats(min_value=0.1, max_value=90000).map(lambda x: round(x, 2)),
                    max_size=2,
                )
            ),
            "amounts": {
                "effort": draw(st.dictionaries(st.sampled_from(effort_names), amount, max_size=2))
            },
        }
    return Actuals.model_validate(
        {"pactcalc-actuals": 1, "scenario": "beschermd-wonen.yaml", "years": years}
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_actuals())
def test_the_four_parts_add_up_to_the_difference_of_every_line_in_every_year(
    actuals: Actuals,
) -> None:
    assert _SCENARIO is not None
    monitoring = monitor(_SCENARIO, [], actuals)
    for variance in [*monitoring.lines, *monitoring.partners, monitoring.total]:
        summed = sum(variance.parts_per_year[part] for part in PARTS)
        # to the rounding of floats: amounts up to 1e10 here, so to a relative 1e-9
        np.testing.assert_allclose(summed, variance.difference_per_year, rtol=1e-9, atol=1e-6)
        assert sum(variance.part(p) for p in PARTS) == pytest.approx(
            variance.difference, rel=1e-9, abs=1e-6
        )
    # the partners' nets add up to the total net, in the plan and in the expectation
    np.testing.assert_allclose(
        sum(v.expectation_per_year for v in monitoring.partners),
        monitoring.total.expectation_per_year,
        rtol=1e-9,
        atol=1e-6,
    )


# --- the agreement settles on the expectation -------------------------------------------------

_LUMPSUM = """\
kpis:
  bereik:
    name: Cliënten bereikt
    direction: higher
    value: clienten
    reference: 5
    target: [10, 10, 10]
    tolerance: 0.1
agreement:
  - name: Lumpsum zorg
    rule: lumpsum
    payer: gemeente
    receiver: zorg
    corridor: {band: 0.05, share: 0.5}
"""


def test_a_lumpsum_corridor_settles_on_realised_costs(tmp_path: Path) -> None:
    monitoring = _monitoring(
        tmp_path, "years:\n  2021: {status: final, series: {clienten: 12}}\n", PLAN + _LUMPSUM
    )
    care = next(p for p in monitoring.expectation.partners if p.id == "zorg")
    # L = the plan's cost 10.000 (fixed at signing); C = 12 · 1.000 = 12.000; D = 2.000;
    # X = 2.000 − 0,05 · 10.000 = 1.500; transfer = L − C + 0,5 · X = −2.000 + 750 = −1.250
    assert care.settlement_per_year.tolist() == pytest.approx([-1250.0, 0.0, 0.0])
    (breach,) = monitoring.breaches
    assert (breach.rule, breach.year, breach.over) == ("Lumpsum zorg", 2021, True)
    assert breach.cost == pytest.approx(12000.0)
    assert breach.lumpsum == pytest.approx(10000.0)


def test_no_breach_inside_the_corridor(tmp_path: Path) -> None:
    # C = 10 · 1.040 = 10.400: 400 ≤ 0,05 · 10.000 = 500, inside the band
    monitoring = _monitoring(
        tmp_path, "years:\n  2021: {status: final, parameters: {prijs: 1040}}\n", PLAN + _LUMPSUM
    )
    assert monitoring.breaches == []


def test_a_gain_share_settles_on_realised_spending_against_the_fixed_benchmark(
    tmp_path: Path,
) -> None:
    plan = PLAN.replace(
        "investments:\n  - {name: Start, partner: gemeente, amount: 5000, year: 2021, "
        "paid_from: own}\n",
        "",
    )
    plan += (
        "agreement:\n  - {name: Delen, rule: gain_share, payer: gemeente, "
        "shares: {zorg: 0.5}, period: year}\n"
    )
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021:
            status: final
            series: {clienten: 12}
            amounts: {baseline: {Plekken: 30000}}
        """,
        plan,
    )
    care = next(p for p in monitoring.expectation.partners if p.id == "zorg")
    # B = the plan's baseline 10 · 2.000 = 20.000 (fixed: the booked baseline of 30.000 does
    # not move it); G = 20.000 − 12 · 1.000 = 8.000; the provider's half: 4.000. Plan years:
    # G = 20.000 − 10.000 = 10.000 → 5.000
    assert care.settlement_per_year.tolist() == pytest.approx([4000.0, 5000.0, 5000.0])


def test_an_outcome_payment_settles_on_measured_kpis(tmp_path: Path) -> None:
    plan = (
        PLAN
        + _LUMPSUM.split("agreement:")[0]
        + (
            "agreement:\n"
            "  - {name: Resultaat, rule: outcome_payment, payer: gemeente, receiver: zorg, "
            "kpi: bereik, price: 100}\n"
        )
    )
    monitoring = _monitoring(
        tmp_path,
        """\
        years:
          2021: {status: final, kpis: {bereik: 8}}
          2022: {status: provisional, series: {clienten: 7}}
        """,
        plan,
    )
    care = next(p for p in monitoring.expectation.partners if p.id == "zorg")
    # units = K − R: 8 − 5 = 3 (measured), 7 − 5 = 2 (the year's series), 10 − 5 = 5 (plan)
    assert care.settlement_per_year.tolist() == pytest.approx([300.0, 200.0, 500.0])
    # a measured value changes no line: 2021's effort stays 10 · 1.000
    assert float(_line(monitoring, "Begeleiding").expectation_per_year[0]) == pytest.approx(10000.0)
    (kpi,) = monitoring.kpis
    first, second = kpi.years
    # higher, tolerance 10 %: behind below 10 · 0,9 = 9 → 8 is behind, measured; 7 too
    assert (first.value, first.target, first.measured, first.behind) == (8.0, 10.0, True, True)
    assert (second.value, second.measured, second.behind) == (7.0, False, True)


# --- KPIs, V/N ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "value", "target", "tolerance", "expected"),
    [
        ("higher", 9.0, 10.0, 0.1, False),  # 9 is not below 10 · 0,9 = 9
        ("higher", 8.99, 10.0, 0.1, True),
        ("lower", 3.3, 2.0, 0.5, True),  # above 2 · 1,5 = 3
        ("lower", 3.0, 2.0, 0.5, False),
        ("lower", 0.1 * 30, 3.0, 0.0, False),  # 3.0000000000000004 is not above 3
    ],
)
def test_behind(
    direction: str, value: float, target: float, tolerance: float, expected: bool
) -> None:
    assert behind(direction, value, target, tolerance) is expected


def test_favourable_by_kind_at_the_cent() -> None:
    assert favourable("effort", -1.0) is True  # lower costs: V
    assert favourable("investments", 1.0) is False
    assert favourable("budget", 1.0) is True  # a higher budget: V
    assert favourable("benefits", -1.0) is False
    assert favourable("effort", 0.004) is None  # within half a cent: no difference


# --- the shipped example ------------------------------------------------------------------------


def test_the_shipped_example_monitors_without_errors() -> None:
    (path,) = ACTUALS_EXAMPLES
    document = monitor_file(path)
    assert [p.code for p in document.all_problems if p.is_error] == []
    monitoring = document.monitoring
    assert monitoring is not None
    assert monitoring.status == {
        2021: "final",
        2022: "provisional",
        2023: "forecast",
        2024: "plan",
        2025: "plan",
    }
    # Woningen voor uitstromers: 19 instead of 20 in 2022, 29 instead of 30 in 2023, € 2.000
    # per home: −4.000, all volume
    homes = _line(monitoring, "Woningen voor uitstromers")
    assert homes.difference == pytest.approx(-4000.0)
    assert homes.part("volume") == pytest.approx(-4000.0)


# --- errors, all at once, at file:line:col --------------------------------------------------------


def _problems(tmp_path: Path, actuals: str, plan: str = PLAN) -> ActualsDocument:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    path = tmp_path / "actuals.yaml"
    path.write_text(textwrap.dedent(actuals), encoding="utf-8")
    return load_actuals(path)


def test_every_problem_of_an_actuals_file_at_once(tmp_path: Path) -> None:
    document = _problems(
        tmp_path,
        """\
        pactcalc-actuals: 1
        scenario: plan.yaml
        years:
          2021:
            status: forecast
            series: {clienton: 12}
            amounts: {effort: {Begeleidng: 100}}
          2022:
            status: final
            kpis: {bereik: 3}
          2030: {status: forecast}
        """,
    )
    found = [(p.code, p.line) for p in document.problems]
    assert ("PC502", 6) in found  # clienton: did you mean clienten
    assert ("PC502", 7) in found  # an unknown effort line
    assert ("PC504", 8) in found  # a final year after a forecast one
    assert ("PC502", 10) in found  # no KPI bereik in this plan
    assert ("PC503", 11) in found  # outside 2021–2023
    series = next(p for p in document.problems if p.line == 6)
    assert "did you mean 'clienten'" in series.message("en")
    assert not document.ok


def test_a_booked_amount_that_is_not_a_number(tmp_path: Path) -> None:
    document = _problems(
        tmp_path,
        """\
        pactcalc-actuals: 1
        scenario: plan.yaml
        years:
          2021: {status: final, amounts: {effort: {Begeleiding: veel}}}
        """,
    )
    assert [(p.code, p.line) for p in document.problems] == [("PC103", 4)]


def test_a_missing_plan_is_reported_at_the_scenario_key(tmp_path: Path) -> None:
    path = tmp_path / "actuals.yaml"
    path.write_text(
        "pactcalc-actuals: 1\nname: x\nscenario: nergens.yaml\nyears: {2021: {status: final}}\n",
        encoding="utf-8",
    )
    document = load_actuals(path)
    assert [(p.code, p.line, p.col) for p in document.problems] == [("PC500", 3, 11)]


def test_an_invalid_plan_reports_its_own_problems_at_its_own_lines(tmp_path: Path) -> None:
    document = _problems(
        tmp_path,
        "pactcalc-actuals: 1\nscenario: plan.yaml\nyears: {2021: {status: final}}\n",
        PLAN.replace("prijs: 1000", "prijs: 1000 euro"),
    )
    assert [(p.code, p.line) for p in document.problems] == [("PC501", 2)]
    assert document.plan is not None
    errors = document.plan.errors
    assert (errors[0].file, errors[0].line, errors[0].code) == (
        str(tmp_path / "plan.yaml"),
        7,
        "PC103",
    )
    assert all(p.file == str(tmp_path / "plan.yaml") for p in errors)  # and its consequences


def test_an_unlisted_year_between_listed_ones_keeps_the_plan_with_a_warning(
    tmp_path: Path,
) -> None:
    document = _problems(
        tmp_path,
        "pactcalc-actuals: 1\nscenario: plan.yaml\n"
        "years:\n  2021: {status: final}\n  2023: {status: forecast}\n",
    )
    assert [(p.code, p.is_error) for p in document.problems] == [("PC560", False)]
    assert document.ok


# --- checks on a simulation, on the expectation ---------------------------------------------


def _probabilistic(monitoring: Monitoring) -> dict[str, float]:
    return {
        check.check.text: float(check.actual)
        for check in monitoring.expectation.checks
        if check.check.is_probabilistic
    }


def test_a_simulated_check_on_a_forecast_that_repeats_the_plan_is_the_plans(
    tmp_path: Path,
) -> None:
    """Forecast years that repeat only the plan's series change no draw and no bias: the
    expectation's P(…) is the plan file's own, sample for sample (same seed)."""
    plan_file = next(p for p in EXAMPLES if p.name == "beschermd-wonen.yaml")
    years = "".join(
        f"  {year}: {{status: forecast, series: {{inwoners_ambulant: {count}}}}}\n"
        for year, count in zip(range(2021, 2026), (10, 20, 30, 30, 30), strict=True)
    )
    monitoring = _monitoring(tmp_path, "years:\n" + years, plan_file.read_text("utf-8"))
    run = run_file(plan_file).result
    assert run is not None
    plans = {c.check.text: float(c.actual) for c in run.checks if c.check.is_probabilistic}
    assert _probabilistic(monitoring) == plans
    assert set(plans) == {"P(headroom_min >= 0) >= 0.8", "P(net_settled_total[bw] < 0) <= 0.2"}


def test_a_simulated_check_without_anything_left_to_vary_is_certain(tmp_path: Path) -> None:
    """Every ranged parameter realised at its value in every (final) year: no draw moves a
    line any more, so P(headroom_min >= 0) is exactly 1 (the deterministic lowest headroom
    is positive) and P(net_settled_total[bw] < 0) exactly 0."""
    plan_file = next(p for p in EXAMPLES if p.name == "beschermd-wonen.yaml")
    plan = load_scenario(plan_file).scenario
    assert plan is not None
    ranged = ", ".join(
        f"{name}: {p.value}" for name, p in plan.parameters.items() if p.low is not None
    )
    years = "".join(
        f"  {year}: {{status: final, parameters: {{{ranged}}}}}\n" for year in range(2021, 2026)
    )
    monitoring = _monitoring(tmp_path, "years:\n" + years, plan_file.read_text("utf-8"))
    assert float(monitoring.expectation.metric("headroom_min")) > 0
    assert _probabilistic(monitoring) == {
        "P(headroom_min >= 0) >= 0.8": 1.0,
        "P(net_settled_total[bw] < 0) <= 0.2": 0.0,
    }
