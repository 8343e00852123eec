"""Property tests of the agreement (DOMAIN.md §7) over generated agreements:

* every year the partners' settlements add up to zero, to the cent;
* an agreement never changes the scenario's totals, NPV, payback or headroom, nor any
  partner's net before the agreement;
* terms fixed at signing: with zero-width ranges, simulate's nets after the agreement are
  run's.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import agreements, scenarios, to_yaml, zero_width

from pactcalc import uncertainty
from pactcalc.pipeline import Document, evaluate, load_scenario_text

SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
CENT = 0.005


def run(data: dict[str, Any]) -> Document:
    document = evaluate(load_scenario_text(to_yaml(data), "generated.yaml"))
    assert document.ok, [p.message("en") for p in document.errors]
    return document


@st.composite
def with_agreement(draw: st.DrawFn) -> dict[str, Any]:
    return draw(agreements(draw(scenarios(budget="ample"))))


@SETTINGS
@given(with_agreement())
def test_settlements_add_up_to_zero_every_year(data: dict[str, Any]) -> None:
    result = run(data).result
    assert result is not None
    total = sum(np.asarray(p.settlement_per_year, dtype=float) for p in result.partners)
    assert np.all(np.abs(total) < CENT)
    # and each partner's settled net is its net plus its settlement
    for partner in result.partners:
        np.testing.assert_allclose(
            partner.net_settled_per_year,
            np.asarray(partner.net_per_year) + np.asarray(partner.settlement_per_year),
        )


@SETTINGS
@given(with_agreement())
def test_agreement_changes_no_total(data: dict[str, Any]) -> None:
    without = copy.deepcopy(data)
    without.pop("agreement", None)
    without.pop("kpis", None)
    plain, settled = run(without).result, run(data).result
    assert plain is not None
    assert settled is not None
    for name in (
        "npv",
        "payback_years",
        "discounted_payback_years",
        "headroom_min",
        "headroom_total",
        "effort_total",
        "savings_total",
        "net_total",
    ):
        assert np.array_equal(plain.metric(name), settled.metric(name), equal_nan=True), name
    for before, after in zip(plain.partners, settled.partners, strict=True):
        assert np.array_equal(before.net_per_year, after.net_per_year)


@settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(with_agreement())
def test_zero_width_ranges_simulate_equals_run(data: dict[str, Any]) -> None:
    document = run(zero_width(data))
    assert document.scenario is not None
    assert document.result is not None
    simulation = uncertainty.simulate(document.scenario, samples=7, seed=1)
    if not document.scenario.agreement:
        assert simulation.settled_nets == {}
        return
    for partner in document.result.partners:
        risk = simulation.settled_nets[partner.id]
        expected = float(partner.total("net_settled_total"))
        assert risk.net_settled_total.mean == expected
        assert risk.net_settled_total.p50 == expected
        assert risk.p_net_settled_negative.p == float(expected < 0)
    for rule, risk in zip(
        [t for r in document.result.agreement for t in r.transfers],
        simulation.rule_transfers,
        strict=True,
    ):
        assert risk.mean == float(rule.total)
