"""KPIs (DOMAIN.md §7): value and target per year, the metrics kpi_last and kpi_total, and
checks on them — plain and probabilistic."""

from __future__ import annotations

import numpy as np

from pactcalc import uncertainty
from pactcalc.engine import compute
from pactcalc.pipeline import evaluate, load_scenario_text

TEXT = """\
pactcalc: 1
name: KPI
start_year: 2024
years: 3
parameters:
  effect: {value: 10, low: 5, high: 15}
series:
  instroom: [1, 2, 3]
partners: [{id: gemeente, name: Gemeente}]
kpis:
  uitstroom:
    name: Inwoners ambulant
    unit: inwoners
    direction: higher
    value: effect * instroom
    reference: 4
    target: "effect * instroom + 1"
    validation: pre-post
  wachttijd: {name: Wachttijd, direction: lower, value: 8, reference: 12, target: [10, 9, 8]}
  standaard: {name: Zonder doel, direction: higher, value: effect, reference: 0}
checks:
  - kpi_last[uitstroom] >= 25
  - kpi_total[wachttijd] < 20
  - P(kpi_last[uitstroom] >= 25) >= 0.5
"""


def test_kpi_values_targets_and_metrics() -> None:
    document = evaluate(load_scenario_text(TEXT, "k.yaml"))
    assert document.ok
    assert document.result is not None
    result = document.result
    kpis = {k.id: k for k in result.kpis}
    # effect 10 × instroom 1, 2, 3
    assert np.asarray(kpis["uitstroom"].values_per_year).tolist() == [10.0, 20.0, 30.0]
    assert np.asarray(kpis["uitstroom"].target_per_year).tolist() == [11.0, 21.0, 31.0]
    assert kpis["uitstroom"].reference == 4.0
    assert kpis["uitstroom"].validation == "pre-post"
    assert np.asarray(kpis["wachttijd"].target_per_year).tolist() == [10.0, 9.0, 8.0]
    # default target: the value on the plan
    assert np.asarray(kpis["standaard"].target_per_year).tolist() == [10.0, 10.0, 10.0]
    assert float(result.metric("kpi_last", kpi="uitstroom")) == 30.0
    assert float(result.metric("kpi_total", "wachttijd")) == 24.0  # 8 × 3
    outcome = {c.check.text: c.passed for c in result.checks}
    # 30 >= 25 holds; 24 < 20 fails; P(10·U(5..15 pert)·3 >= 25) = P(effect >= 8.33) ≈ 0.8
    assert outcome["kpi_last[uitstroom] >= 25"] is True
    assert outcome["kpi_total[wachttijd] < 20"] is False
    assert outcome["P(kpi_last[uitstroom] >= 25) >= 0.5"] is True


def test_kpi_varies_in_simulation_target_does_not() -> None:
    document = load_scenario_text(TEXT, "k.yaml")
    assert document.scenario is not None
    # the engine on 200 drawn samples, as a simulation runs it chunk by chunk
    draws = uncertainty.sample_parameters(document.scenario, 200, 3)
    sampled = compute(document.scenario, (), parameters=draws, samples=200)
    kpi = next(k for k in sampled.kpis if k.id == "uitstroom")
    last = np.asarray(kpi.kpi_last)
    assert last.shape == (200,)
    assert last.min() >= 15.0
    assert last.max() <= 45.0
    assert len(np.unique(last)) > 100  # varies with the ranged effect
    assert np.asarray(kpi.target_per_year).tolist() == [11.0, 21.0, 31.0]  # on the plan
