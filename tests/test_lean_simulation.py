"""A check's simulation computes only what the check reads, and the same numbers, bit for
bit, as the full engine run on the same samples (``engine.compute_kept``)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES

from pactcalc import engine, metrics, uncertainty
from pactcalc.lines import LineResult
from pactcalc.model import Check
from pactcalc.pipeline import load_scenario, load_scenario_text


def _scenario(path: Path):  # type: ignore[no-untyped-def]
    document = load_scenario(path)
    assert document.scenario is not None
    return document.scenario


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """The same shape and the same bytes (so 0.0 and −0.0 differ, and NaN equals NaN)."""
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_lean_run_gives_every_metric_it_keeps_as_the_full_run(path: Path) -> None:
    scenario = _scenario(path)
    draws = uncertainty.sample_parameters(scenario, 500, 7)
    plan = engine.plan_of(scenario)
    full = engine.compute(scenario, (), parameters=draws, samples=500, plan=plan)
    kept = [m for m in metrics.REGISTRY if metrics.REGISTRY[m].scenario]
    lean = engine.compute_kept(scenario, draws, 500, plan, kept, cumulative=True)
    for name in kept:
        assert _same(lean.metric(name), full.metric(name)), name
    for partner in scenario.partners:
        for name in ("net_total", "net_settled_total", "pays_total", "settlement_total"):
            assert _same(lean.metric(name, partner.id), full.metric(name, partner.id))
    assert _same(lean.cumulative_per_year, full.cumulative_per_year)
    assert _same(lean.discounted_net_per_year, full.discounted_net_per_year)
    # what no metric kept reads is left out, as NaN
    assert math.isnan(float(lean.discounted_cumulative_per_year))


def test_a_run_for_the_headroom_leaves_out_the_paybacks_and_the_cumulatives() -> None:
    scenario = _scenario(EXAMPLES[0])
    draws = uncertainty.sample_parameters(scenario, 300, 1)
    lean = engine.compute_kept(
        scenario, draws, 300, engine.plan_of(scenario), ["headroom_min"], cumulative=False
    )
    full = engine.compute(scenario, (), parameters=draws, samples=300)
    assert _same(lean.metric("headroom_min"), full.metric("headroom_min"))
    for left_out in ("payback_years", "discounted_payback_years", "mkba_ratio"):
        assert math.isnan(float(lean.metric(left_out)))
        assert np.asarray(full.metric(left_out)).shape == (300,)
    assert math.isnan(float(lean.cumulative_per_year))


def test_line_sums_that_start_without_samples_are_the_sums_in_full() -> None:
    """A sum of lines of one row and of lines per sample, in that order, equals the sum
    made in the samples' shape from the start: 0 + l0 + l1 + l2, element by element."""
    year_row = np.array([1.0, 0.1, -0.0])
    # 1 + 1e16 rounds to 1e16 (the spacing there is 2), so the order of the additions
    # shows: adding the two rows first would give 1e16 + 2
    per_sample = np.array([[1e16, 0.3, 1.0], [0.7, -0.1, 1.0]])
    lines = [
        LineResult("effort", i, f"l{i}", "p", "budget", eur, np.ones(3, bool), None, ())
        for i, eur in enumerate([year_row, per_sample, year_row])
    ]
    sums = engine._Sums(lines, (2, 3))
    expected = np.zeros((2, 3)) + year_row
    expected += per_sample
    expected += year_row
    assert _same(sums.total("effort"), expected)
    assert sums.total("effort")[0, 0] == 1e16
    assert _same(sums.total("effort", "p", "budget"), expected)
    only_rows = engine._Sums(lines[:1], (2, 3)).total("effort")
    assert _same(only_rows, np.zeros((2, 3)) + year_row)
    assert only_rows.flags.writeable  # its own array, in the samples' shape


def test_a_check_simulated_on_the_run_s_plan_is_the_same() -> None:
    document = load_scenario(EXAMPLES[0])
    assert document.scenario is not None
    check = Check(
        text="P(net_settled_total[bw] < 0) <= 0.2",
        metric="net_settled_total",
        partner="bw",
        op="<=",
        bound=0.2,
        statistic="probability",
        inner_op="<",
        inner_bound=0.0,
    )
    plan = engine.compute(document.scenario, document.checks)
    given = uncertainty.simulate_checks(document.scenario, [check], 2000, 5, plan=plan)
    own = uncertainty.simulate_checks(document.scenario, [check], 2000, 5)
    assert _same(
        given.result.metric("net_settled_total", "bw"), own.result.metric("net_settled_total", "bw")
    )


LONG_HORIZON = """\
pactcalc: 1
name: Dertig jaar
start_year: 2025
years: 30
parameters:
  clients: {value: 30, low: 20, high: 45}
  rate: {value: 61.5, low: 55, high: 70}
  avoided: {value: 0.4, low: 0.1, high: 0.6}
partners:
  - {id: gemeente, name: Gemeente}
  - {id: zorg, name: Zorgaanbieder}
  - {id: corporatie, name: Corporatie}
budget:
  - {name: Budget, partner: gemeente, amount: 900000}
  - {name: Huurbudget, partner: corporatie, amount: 120000, until: 2040}
baseline:
  - {name: Intramuraal, partner: gemeente, amount: clients * 40000}
  - {name: Huur, partner: corporatie, amount: 50000}
effort:
  - {name: Begeleiding, partner: zorg, amount: clients * rate * 8 * weeks_per_year}
  - {name: Woningen, partner: corporatie, amount: 30000, paid_from: own}
investments:
  - {name: Opstart, partner: zorg, amount: 150000, year: 2026}
benefits:
  - {name: Minder crisis, partner: gemeente, amount: clients * avoided * 9000, drop_off: 0.02}
"""


def test_a_lean_run_over_thirty_years_is_the_full_run() -> None:
    """Sums over 8 years or more are made pairwise by numpy, in an order that depends on
    the array's shape: the lean run keeps every shape, so its numbers stay the same."""
    document = load_scenario_text(LONG_HORIZON)
    assert document.ok, document.problems
    scenario = document.scenario
    assert scenario is not None
    draws = uncertainty.sample_parameters(scenario, 400, 3)
    full = engine.compute(scenario, (), parameters=draws, samples=400)
    kept = ["npv", "headroom_min", "payback_years", "savings_total"]
    lean = engine.compute_kept(scenario, draws, 400, None, kept, cumulative=True)
    for name in kept:
        assert _same(lean.metric(name), full.metric(name)), name
    for lean_partner, full_partner in zip(lean.partners, full.partners, strict=True):
        assert _same(lean_partner.pays_per_year, full_partner.pays_per_year)
        assert _same(lean_partner.total("net_total"), full_partner.total("net_total"))
    assert _same(lean.cumulative_per_year, full.cumulative_per_year)
    assert np.asarray(lean.metric("npv")).shape == (400,)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_run_that_reads_no_partner_leaves_out_partners_kpis_and_agreement(path: Path) -> None:
    scenario = _scenario(path)
    draws = uncertainty.sample_parameters(scenario, 300, 2)
    plan = engine.plan_of(scenario)
    kept = ["headroom_min", "npv"]
    full = engine.compute(scenario, (), parameters=draws, samples=300, plan=plan)
    lean = engine.compute_kept(scenario, draws, 300, plan, kept, False, partners=False)
    for name in kept:
        assert _same(lean.metric(name), full.metric(name)), name
    assert (lean.partners, lean.kpis, lean.agreement) == ([], [], [])
    assert full.partners  # the full run has them


def test_a_check_on_the_headroom_alone_simulates_no_partner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``P(headroom_min >= 0)`` reads no partner: the engine is asked for none; a check on
    a partner's net asks for them."""
    asked: list[bool] = []
    kept_run = engine.compute_kept

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[7] if len(args) > 7 else kwargs.get("partners", True))
        return kept_run(*args, **kwargs)

    monkeypatch.setattr("pactcalc.sampled.compute_kept", spy)
    document = load_scenario(EXAMPLES[0])
    assert document.scenario is not None
    on_headroom = [c for c in document.checks if c.text == "P(headroom_min >= 0) >= 0.8"]
    on_partner = [c for c in document.checks if c.text.startswith("P(net_settled_total[bw]")]
    assert on_headroom
    assert on_partner
    uncertainty.simulate_checks(document.scenario, on_headroom, 200, 1)
    uncertainty.simulate_checks(document.scenario, on_partner, 200, 1)
    assert asked == [False, True]
