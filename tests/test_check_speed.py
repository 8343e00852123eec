"""What ``run`` and ``check`` compute for a check on a simulation, and ``check`` over many
files in two processes: the same verdicts and the same output as the whole simulation
and the serial run (issue 10, "Speed, measured as shipped"). No timing here: the
benchmarks (benchmarks/bench_cli.py) measure; these tests pin the behaviour."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pactcalc import uncertainty
from pactcalc.pipeline import load_scenario, load_scenario_text
from pactcalc.sampled import SimulationError

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))

CHECKS = textwrap.dedent(
    """\
    pactcalc: 1
    name: Checks op de trekkingen
    start_year: 2024
    years: 4
    parameters:
      deelnemers: {value: 20, low: 10, high: 40}
      prijs: {value: 1000, low: 800, high: 1500, distribution: triangular}
    partners: [{id: gem, name: Gemeente}, {id: zk, name: Zorgkantoor}]
    baseline: [{name: Oud, partner: zk, amount: deelnemers * prijs * 2}]
    budget: [{name: Budget, partner: gem, amount: 30000}]
    effort: [{name: Inzet, partner: gem, amount: deelnemers * prijs}]
    investments: [{name: Start, partner: gem, amount: 20000}]
    simulation: {samples: 2000, seed: 7}
    checks:
      - npv > 0
      - P(npv > 0) >= 0.9
      - P(payback_years <= 2) >= 0.5
      - P5(npv) > 0
      - P95(payback_years) <= 3
      - mean(headroom_min) >= 0
      - mean(net_total[zk]) > 0
      - P(net_total[gem] < 0) <= 0.5
    """
)


def _documents() -> list[tuple[str, object]]:
    found = []
    for path in EXAMPLES:
        document = load_scenario(path)
        found.append((path.name, document))
    found.append(("checks", load_scenario_text(CHECKS)))
    return found


@pytest.mark.parametrize(("name", "document"), _documents(), ids=lambda x: str(x)[:30])
def test_checks_on_the_samples_they_need_equal_those_on_a_whole_simulation(
    name: str, document: object
) -> None:
    assert document.ok, document.problems  # type: ignore[attr-defined]
    scenario, checks = document.scenario, document.checks  # type: ignore[attr-defined]
    probabilistic = [(i, c) for i, c in enumerate(checks) if c.is_probabilistic]
    assert probabilistic
    whole = uncertainty.simulate(scenario, checks)
    needed = uncertainty.simulate_checks(scenario, checks)
    for index, check in probabilistic:
        assert uncertainty.evaluate_probabilistic(
            needed, check, index
        ) == uncertainty.evaluate_probabilistic(whole, check, index)
    # only the checks' metrics are kept, and no fan chart
    assert set(needed.result.values) == {(c.metric, c.partner) for _, c in probabilistic}
    assert needed.result.transfers == []


def test_checks_on_the_samples_refuse_what_a_simulation_refuses() -> None:
    # the same capacity as a whole simulation: PC320 at the same number of samples
    document = load_scenario_text(CHECKS.replace("samples: 2000", "samples: 10000000"))
    assert document.scenario is not None
    with pytest.raises(SimulationError) as whole:
        uncertainty.simulate(document.scenario, document.checks)
    with pytest.raises(SimulationError) as needed:
        uncertainty.simulate_checks(document.scenario, document.checks)
    assert [p.args for p in needed.value.problems] == [p.args for p in whole.value.problems]
