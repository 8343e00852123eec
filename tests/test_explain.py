"""`pactcalc explain`: the audit trail leads from a number to the sourced inputs."""

from __future__ import annotations

import textwrap

from typer.testing import CliRunner

from pactcalc.api import evaluate, load_scenario_text
from pactcalc.cli import app
from pactcalc.explain import explain, names

SCENARIO = textwrap.dedent("""\
    pactcalc: 1
    name: Uitleg
    start_year: 2024
    years: 2
    discount_rate: 0.0
    parameters:
      tarief: {value: 50, unit: EUR/uur, source: "Heumen, gmb-2021-55584"}
      uren: {value: 2, source: "aanname: twee uur"}
    series:
      clients: [10, 20]
    partners:
      - {id: gem, name: Gemeente}
    baseline:
      - {name: Oud, partner: gem, amount: 3000}
    budget:
      - {name: Budget, partner: gem, amount: 3000}
    effort:
      - {name: Begeleiding, partner: gem, amount: clients * uren * tarief}
    investments:
      - {name: Start, partner: gem, amount: 1500, year: 2024}
    """)
# By hand: effort 10·2·50 = 1000 (2024), 20·2·50 = 2000 (2025); savings 2000, 1000;
# start of 2024: S = −1500, r = 2000 → E = 500: payback 1500/2000 = 0.75.


def result():
    document = evaluate(load_scenario_text(SCENARIO, "t.yaml"))
    assert document.result is not None
    return document.result


def test_line_trail_puts_the_values_in_and_names_the_sources():
    trail = explain(result(), "Begeleiding", "en")
    assert trail is not None
    assert [(s.year, s.formula, s.value) for s in trail.steps] == [
        (2024, "10 × 2 × 50", "€1,000"),
        (2025, "20 × 2 × 50", "€2,000"),
    ]
    sources = {i.name: i.source for i in trail.inputs}
    assert sources == {
        "clients": None,
        "uren": "aanname: twee uur",
        "tarief": "Heumen, gmb-2021-55584",
    }


def test_payback_trail_shows_the_crossing():
    trail = explain(result(), "payback_years", "en")
    assert trail is not None
    assert trail.value == "0.75 years"
    assert trail.steps[0].formula == "S = -€1,500, r = €2,000"
    assert trail.steps[0].value == "E = €500"
    assert (
        trail.conclusion == "first year with S < 0 ≤ E: 2024; payback = 0 + €1,500 / €2,000 = 0.75"
    )


def test_npv_trail_feeds_and_steps():
    trail = explain(result(), "npv", "nl")
    assert trail is not None
    # net 2024 = 2000 − 1500 = 500; 2025 = 1000; at 0 % the npv is 1500
    assert trail.value == "€ 1.500"
    assert [s.value for s in trail.steps] == ["€ 500", "€ 1.000"]
    assert "investment_total" in trail.feeds


def test_every_metric_and_line_can_be_explained():
    r = result()
    for name in names(r):
        assert explain(r, name, "en") is not None, name
    assert explain(r, "no such thing", "en") is None


def test_cli_explain(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", str(path), "Begeleiding", "--lang", "en"])
    assert out.exit_code == 0
    assert "10 × 2 × 50" in out.stdout
    assert "Heumen, gmb-2021-55584" in out.stdout
    bad = CliRunner().invoke(app, ["explain", str(path), "npvv", "--lang", "en"])
    assert bad.exit_code == 2
    assert (
        "PC024 'npvv' is not a metric or line of this scenario; did you mean 'npv'?" in bad.stderr
    )


def test_line_trail_shows_the_adjustments_with_their_values():
    text = SCENARIO.replace(
        "amount: 1500, year: 2024}", "amount: 1500, year: 2024, optimism_bias: ob}"
    ).replace(
        '  uren: {value: 2, source: "aanname: twee uur"}\n',
        '  uren: {value: 2, source: "aanname: twee uur"}\n'
        '  ob: {value: 0.2, low: 0.1, high: 0.4, source: "aanname: Green Book"}\n',
    )
    assert "optimism_bias: ob" in text
    assert "  ob: {" in text
    document = evaluate(load_scenario_text(text, "t.yaml"))
    assert document.result is not None
    trail = explain(document.result, "Start", "en")
    assert trail is not None
    # 1500 × (1 + 0.2) = 1800: the row adds up, and the parameter's source is listed
    assert trail.steps[0].formula == "(1,500) × (1 + 0.2)"
    assert trail.steps[0].value == "€1,800"
    assert {i.name: i.source for i in trail.inputs}["ob"] == "aanname: Green Book"
