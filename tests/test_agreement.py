"""The agreement's rules (DOMAIN.md §7), each from arithmetic written beside the assertion.

Scenarios are small YAML texts through the public pipeline (load → validate → compute).
A transfer goes from payer to receiver; a partner's settlement is received − paid.
"""

from __future__ import annotations

import numpy as np
import pytest

from pactcalc.engine import Result, compute
from pactcalc.pipeline import evaluate, load_scenario_text

HEAD = """\
pactcalc: 1
name: Pact
start_year: 2024
years: {years}
partners:
  - {{id: gemeente, name: Gemeente}}
  - {{id: wmo, name: Wmo-aanbieder}}
  - {{id: bw, name: BW-instelling}}
  - {{id: zk, name: Zorgkantoor}}
"""


def run(body: str, years: int = 2) -> Result:
    document = evaluate(load_scenario_text(HEAD.format(years=years) + body, "pact.yaml"))
    assert document.ok, [p.message("en") for p in document.problems]
    assert document.result is not None
    return document.result


def transfers(result: Result, rule: str) -> dict[tuple[str, str], list[float]]:
    found = next(r for r in result.agreement if r.name == rule)
    return {(t.payer, t.receiver): np.asarray(t.per_year).tolist() for t in found.transfers}


def settlement(result: Result, partner: str) -> list[float]:
    found = next(p for p in result.partners if p.id == partner)
    return np.asarray(found.settlement_per_year).tolist()


# --- contribution -----------------------------------------------------------------------------


def test_contribution_moves_its_amount_every_year() -> None:
    result = run(
        """\
baseline: [{name: Zorg, partner: gemeente, amount: 1000}]
agreement:
  - {name: Bijdrage, rule: contribution, payer: zk, receiver: gemeente, amount: 250}
"""
    )
    assert transfers(result, "Bijdrage") == {("zk", "gemeente"): [250.0, 250.0]}
    assert settlement(result, "gemeente") == [250.0, 250.0]  # received
    assert settlement(result, "zk") == [-250.0, -250.0]  # paid
    gemeente = next(p for p in result.partners if p.id == "gemeente")
    # net 1000 a year (baseline it stops paying) + 250 received = 1250 a year, 2500 in all
    assert float(gemeente.total("net_settled_total")) == 2500.0
    assert float(result.metric("settlement_total", "zk")) == -500.0


def test_from_until_and_indexation_on_a_rule() -> None:
    # 2024–2026; the rule applies in 2025 only; amounts indexed 10 % a year from 2024:
    # 500 · 1.1 ** (2025 − 2024) = 550 in 2025, nothing in 2024 and 2026.
    result = run(
        """\
indexation: 0.1
agreement:
  - {name: Bijdrage, rule: contribution, payer: zk, receiver: gemeente, amount: 500,
     from: 2025, until: 2025}
""",
        years=3,
    )
    assert transfers(result, "Bijdrage")[("zk", "gemeente")] == pytest.approx([0.0, 550.0, 0.0])


# --- lumpsum ----------------------------------------------------------------------------------

LUMPSUM = """\
parameters:
  uren: {value: %s}
budget: [{name: Wmo-budget, partner: gemeente, amount: 5000}]
effort: [{name: Begeleiding, partner: wmo, amount: "uren * 10"}]
agreement:
  - {name: Lumpsum, rule: lumpsum, payer: gemeente, receiver: wmo, amount: 1000,
     corridor: {band: 0.05, share: 0.5}}
"""


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        # overrun beyond the band: C = 1200, D = 200, b·L = 50, X = 150, s·X = 75;
        # L − C + s·X = 1000 − 1200 + 75 = −125 (the provider carries 125 of the 200)
        (120, -125.0),
        # inside the band: C = 1040, D = 40 <= 50, X = 0; L − C = −40
        (104, -40.0),
        # underrun beyond the band: C = 800, D = −200, X = −150, s·X = −75;
        # L − C + s·X = 200 − 75 = 125 (the provider keeps 125 of the 200 it saved)
        (80, 125.0),
    ],
)
def test_lumpsum_corridor(hours: int, expected: float) -> None:
    result = run(LUMPSUM % hours)
    assert transfers(result, "Lumpsum")[("gemeente", "wmo")] == pytest.approx([expected] * 2)
    assert settlement(result, "wmo") == pytest.approx([expected] * 2)
    assert settlement(result, "gemeente") == pytest.approx([-expected] * 2)


def test_lumpsum_terms_fixed_at_signing() -> None:
    # Default L = C on the plan: uren at its value 100 → L = 1000. A realisation with
    # uren = 120 costs C = 1200: L stays 1000 and the transfer is −125 as above.
    text = HEAD.format(years=2) + (LUMPSUM % 100).replace(" amount: 1000,", "")
    scenario = load_scenario_text(text, "p.yaml").scenario
    assert scenario is not None
    assert scenario.agreement[0].amount is None
    realised = compute(scenario, parameters={"uren": np.array([[120.0], [100.0]])}, samples=2)
    rule = realised.agreement[0]
    assert np.asarray(rule.amount_per_year).tolist() == [1000.0, 1000.0]
    np.testing.assert_allclose(rule.transfers[0].per_year, [[-125.0, -125.0], [0.0, 0.0]])


def test_lumpsum_with_two_budget_holders() -> None:
    # Budgets 3000 (gemeente) and 1000 (zk): the 1200 of budget-funded effort is paid
    # 900 by the gemeente and 300 by the zk. The lumpsum L = 1000 is settled by its payer
    # alone: the gemeente pays the provider L − C = −200 (the provider pays back 200);
    # the zk keeps its pro-rata 300.
    result = run(
        """\
budget:
  - {name: Gemeentebudget, partner: gemeente, amount: 3000}
  - {name: Zorgkantoorbudget, partner: zk, amount: 1000}
effort: [{name: Begeleiding, partner: wmo, amount: 1200}]
agreement:
  - {name: Lumpsum, rule: lumpsum, payer: gemeente, receiver: wmo, amount: 1000}
"""
    )
    pays = {p.id: np.asarray(p.pays_per_year).tolist() for p in result.partners}
    assert pays["gemeente"] == [900.0, 900.0]
    assert pays["zk"] == [300.0, 300.0]
    assert settlement(result, "gemeente") == [200.0, 200.0]
    assert settlement(result, "wmo") == [-200.0, -200.0]
    assert settlement(result, "zk") == [0.0, 0.0]
    # net after: gemeente −900 + 200 = −700 a year; zk −300; wmo −200
    nets = {p.id: float(p.total("net_settled_total")) for p in result.partners}
    assert nets == {"gemeente": -1400.0, "wmo": -400.0, "bw": 0.0, "zk": -600.0}


def test_lumpsum_default_covers_only_budget_lines_of_the_receiver() -> None:
    # Covered by default: Begeleiding (wmo, budget) only — not Eigen (own-paid), not the
    # bw line. L defaults to C on the plan, so the transfer is 0.
    result = run(
        """\
budget: [{name: B, partner: gemeente, amount: 5000}]
effort:
  - {name: Begeleiding, partner: wmo, amount: 1000}
  - {name: Eigen, partner: wmo, amount: 50, paid_from: own}
  - {name: Wonen, partner: bw, amount: 700}
agreement:
  - {name: Lumpsum, rule: lumpsum, payer: gemeente, receiver: wmo}
"""
    )
    rule = result.agreement[0]
    assert rule.covers == ("Begeleiding",)
    assert np.asarray(rule.amount_per_year).tolist() == [1000.0, 1000.0]
    assert transfers(result, "Lumpsum")[("gemeente", "wmo")] == [0.0, 0.0]


# --- gain share -------------------------------------------------------------------------------

GAIN = """\
budget: [{name: B, partner: gemeente, amount: 5000}]
baseline: [{name: BW, partner: gemeente, amount: 1000}]
effort: [{name: Begeleiding, partner: wmo, amount: %s}]
agreement:
  - name: Delen
    rule: gain_share
    payer: gemeente
%s
"""


def test_gain_share_gate_not_passed() -> None:
    # G = 2·1000 − 2·950 = 100, B = 2000, g = 5 % < the minimum rate of 10 %: nothing.
    result = run(GAIN % (950, "    shares: {bw: 0.5}\n    minimum_rate: 0.1"))
    assert transfers(result, "Delen") == {("gemeente", "bw"): [0.0, 0.0]}


def test_gain_share_gate_passed_first_euro() -> None:
    # g = 5 % >= 2 %: the bw gets 0.5 · 100 = 50 (first euro: not 0.5 · (100 − 2 % · 2000)),
    # booked in the last year of the horizon.
    result = run(GAIN % (950, "    shares: {bw: 0.5}\n    minimum_rate: 0.02"))
    assert transfers(result, "Delen") == {("gemeente", "bw"): [0.0, 50.0]}


def test_gain_share_cap_binds_pro_rata() -> None:
    # G = 2000 − 1000 = 1000; shares 0.6 + 0.2 → 800 shared; cap 0.1 · B = 200 → scaled by
    # 200 / 800 = 0.25: wmo 600 · 0.25 = 150, bw 200 · 0.25 = 50.
    result = run(GAIN % (500, "    shares: {wmo: 0.6, bw: 0.2}\n    cap: 0.1"))
    assert transfers(result, "Delen") == {
        ("gemeente", "wmo"): [0.0, 150.0],
        ("gemeente", "bw"): [0.0, 50.0],
    }


def test_gain_share_per_year() -> None:
    # period year: G = 1000 − 500 = 500 each year; bw 0.3 · 500 = 150 each year.
    result = run(GAIN % (500, "    shares: {bw: 0.3}\n    period: year"))
    assert transfers(result, "Delen") == {("gemeente", "bw"): [150.0, 150.0]}


def test_gain_share_losses_two_sided() -> None:
    # G = 2000 − 2400 = −400, B = 2000, −g = 20 % >= 10 %: wmo pays 0.5 · 400 = 200, capped
    # at 0.05 · 2000 = 100: the transfer gemeente → wmo is −100 in the last year. The bw's
    # share of the gains gets nothing (G < 0).
    rule = "    shares: {bw: 0.5}\n    losses: {shares: {wmo: 0.5}, minimum_rate: 0.1, cap: 0.05}"
    result = run(GAIN % (1200, rule))
    assert transfers(result, "Delen") == {
        ("gemeente", "bw"): [0.0, 0.0],
        ("gemeente", "wmo"): [0.0, -100.0],
    }
    assert settlement(result, "gemeente") == [0.0, 100.0]


def test_gain_share_own_benchmark_and_own_paid_lines_count() -> None:
    # B = 1500 a year (own benchmark); effort 1000 (budget) + 200 (own) = 1200: G = 2·300 =
    # 600 over the horizon, the bw's 0.5 → 300; benefits do not count.
    result = run(
        """\
budget: [{name: B, partner: gemeente, amount: 5000}]
effort:
  - {name: Begeleiding, partner: wmo, amount: 1000}
  - {name: Eigen, partner: wmo, amount: 200, paid_from: own}
benefits: [{name: Baat, partner: zk, amount: 999}]
agreement:
  - {name: Delen, rule: gain_share, payer: gemeente, shares: {bw: 0.5}, benchmark: 1500}
"""
    )
    assert transfers(result, "Delen") == {("gemeente", "bw"): [0.0, 300.0]}


def test_gain_share_benchmark_not_positive_is_an_error() -> None:
    text = HEAD.format(years=2) + (
        "agreement:\n  - {name: Delen, rule: gain_share, payer: gemeente, shares: {bw: 0.5}}\n"
    )
    document = evaluate(load_scenario_text(text, "p.yaml"))
    # no baseline: the default benchmark sums to 0 over the horizon
    assert [p.code for p in document.errors] == ["PC407"]
    assert document.errors[0].line == 11  # the rule's `rule:` key


# --- outcome payment --------------------------------------------------------------------------


def test_outcome_payment_caps() -> None:
    # units = K − R = 2, 5, 10; price 100 → 200, 500, 1000; cap per year 800 → 200, 500,
    # 800; total cap 1000: 200 + 500 = 700 paid, the third year is cut to 300.
    result = run(
        """\
series: {uitstroom_reeks: [12, 15, 20]}
kpis:
  uitstroom: {name: Uitstroom, direction: higher, value: uitstroom_reeks, reference: 10}
agreement:
  - {name: Resultaat, rule: outcome_payment, payer: gemeente, receiver: bw, kpi: uitstroom,
     price: 100, cap: 800, total_cap: 1000}
""",
        years=3,
    )
    assert transfers(result, "Resultaat") == {("gemeente", "bw"): [200.0, 500.0, 300.0]}


def test_outcome_payment_lower_is_better_and_not_indexed() -> None:
    # direction lower: units = max(0, R − K) = 2, 0; price 50 is nominal (no indexation).
    result = run(
        """\
indexation: 0.5
series: {crises: [8, 12]}
kpis:
  herhaling: {name: Herhaalde crises, direction: lower, value: crises, reference: 10}
agreement:
  - {name: Resultaat, rule: outcome_payment, payer: zk, receiver: wmo, kpi: herhaling,
     price: 50}
"""
    )
    assert transfers(result, "Resultaat") == {("zk", "wmo"): [100.0, 0.0]}


# --- the invariants on one example ------------------------------------------------------------


def test_agreement_changes_no_total() -> None:
    body = LUMPSUM % 120
    plain = run(body.split("agreement:")[0])
    settled = run(body)
    for name in ("npv", "effort_total", "headroom_min", "payback_years", "savings_total"):
        assert np.array_equal(plain.metric(name), settled.metric(name), equal_nan=True), name
    totals = sum(np.asarray(p.settlement_per_year) for p in settled.partners)
    assert np.abs(totals).max() < 0.005


def test_checks_on_settled_metrics() -> None:
    result = run(
        LUMPSUM % 120
        + "checks:\n  - net_settled_total[wmo] >= 0\n  - settlement_total[gemeente] <= 500000\n"
    )
    held = {c.check.text: (c.passed, c.actual) for c in result.checks}
    # wmo: net 0, settlement −125 · 2 = −250 → fails; gemeente: +250 → holds
    assert held == {
        "net_settled_total[wmo] >= 0": (False, -250.0),
        "settlement_total[gemeente] <= 500000": (True, 250.0),
    }
