"""`pactcalc explain`: the audit trail leads from a number to the sourced inputs."""

from __future__ import annotations

import textwrap

from typer.testing import CliRunner

from pactcalc.cli import app
from pactcalc.explain import (
    Crossing,
    CumulativeStep,
    DiscountStep,
    LineAmount,
    NetPresentValue,
    Payback,
    names,
    trace,
)
from pactcalc.pipeline import evaluate, load_scenario_text
from pactcalc.report import blocks
from pactcalc.report.trails import trail_block, word_trail

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


def explained(r, name, lang):
    """The trail ``pactcalc explain`` prints for ``name``: traced, then worded (None: no
    such name)."""
    found = trace(r, name)
    return None if found is None else word_trail(found, lang)


def test_line_trail_puts_the_values_in_and_names_the_sources():
    trail = explained(result(), "Begeleiding", "en")
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
    trail = explained(result(), "payback_years", "en")
    assert trail is not None
    assert trail.value == "0.75 years"
    assert trail.steps[0].formula == "S = -€1,500, r = €2,000"
    assert trail.steps[0].value == "E = €500"
    assert (
        trail.conclusion == "first year with S < 0 ≤ E: 2024; payback = 0 + €1,500 / €2,000 = 0.75"
    )


def test_npv_trail_feeds_and_steps():
    trail = explained(result(), "npv", "nl")
    assert trail is not None
    # net 2024 = 2000 − 1500 = 500; 2025 = 1000; at 0 % the npv is 1500
    assert trail.value == "€ 1.500"
    assert [s.value for s in trail.steps] == ["€ 500", "€ 1.000"]
    assert "investment_total" in trail.feeds


def test_every_metric_and_line_can_be_explained():
    r = result()
    for name in names(r):
        assert explained(r, name, "en") is not None, name
    assert explained(r, "no such thing", "en") is None


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
    trail = explained(document.result, "Start", "en")
    assert trail is not None
    # 1500 × (1 + 0.2) = 1800: the row adds up, and the parameter's source is listed
    assert trail.steps[0].formula == "(1,500) × (1 + 0.2)"
    assert trail.steps[0].value == "€1,800"
    assert {i.name: i.source for i in trail.inputs}["ob"] == "aanname: Green Book"


# --- the trail as values (pactcalc.explain.trace) and its wording (pactcalc.report.trails) --


def test_trace_carries_values_not_words():
    trail = trace(result(), "Begeleiding")
    assert trail is not None
    assert (trail.subject, trail.value, trail.value_kind) == ("line", 3000.0, "money")
    assert isinstance(trail.formula, LineAmount)
    assert trail.formula.names == ("clients", "uren", "tarief")
    assert trail.formula.pieces == ("", " * ", " * ", "")
    assert [(s.year, s.values, s.value) for s in trail.steps] == [
        (2024, (10.0, 2.0, 50.0), 1000.0),
        (2025, (20.0, 2.0, 50.0), 2000.0),
    ]
    assert [(i.name, i.kind, i.values, i.unit) for i in trail.inputs] == [
        ("clients", "series", (10.0, 20.0), None),
        ("uren", "parameter", (2.0,), None),
        ("tarief", "parameter", (50.0,), "EUR/uur"),
    ]


def test_trace_of_a_payback_names_the_crossing_in_numbers():
    trail = trace(result(), "payback_years")
    assert trail is not None
    assert trail.formula == Payback(discounted=False)
    assert trail.conclusion == Crossing(
        year=2024, whole_years=0, shortfall=1500.0, returns=2000.0, payback=0.75
    )
    first = trail.steps[0]
    assert isinstance(first, CumulativeStep)
    assert (first.start, first.returns, first.end) == (-1500.0, 2000.0, 500.0)


def test_trace_of_the_npv_gives_the_rate_and_each_years_operands():
    trail = trace(result(), "npv")
    assert trail is not None
    assert trail.formula == NetPresentValue(discount_rate=0.0, first_year=2024)
    assert trail.steps[0] == DiscountStep(2024, 2000.0, 0.0, 1500.0, 1.0, 500.0)
    assert trace(result(), "no such thing") is None


def test_trail_block_carries_formula_years_conclusion_and_inputs():
    payback = trace(result(), "payback_years")
    assert payback is not None
    block = trail_block(payback, "en")
    assert isinstance(block, blocks.Trail)
    assert (block.id, block.title) == ("payback_years", "payback_years = 0.75 years")
    definition, *years, conclusion = block.steps
    assert definition.label == "payback_years"
    assert definition.formula.startswith("S[k] = cumulative at the start of year k")
    assert definition.value == "0.75 years"
    assert list(definition.inputs) == ["savings_total", "benefits_total", "investment_total"]
    assert [(s.label, s.formula, s.value) for s in years] == [
        ("2024", "S = -€1,500, r = €2,000", "E = €500"),
        ("2025", "S = €500, r = €1,000", "E = €1,500"),
    ]
    assert conclusion.label == ""
    assert conclusion.formula.startswith("first year with S < 0 ≤ E: 2024")

    line = trace(result(), "Begeleiding")
    assert line is not None
    block = trail_block(line, "nl")
    assert block.title == "Begeleiding = € 3.000"
    assert list(block.steps[0].inputs) == [
        "clients = 10, 20 — bron: geen bron (aanname)",
        "uren = 2 — bron: aanname: twee uur",
        "tarief = 50 EUR/uur — bron: Heumen, gmb-2021-55584",
    ]
    assert [s.formula for s in block.steps[1:]] == ["10 × 2 × 50", "20 × 2 × 50"]


EDGES = textwrap.dedent("""\
    pactcalc: 1
    name: Randgevallen
    start_year: 2024
    years: 4
    discount_rate: 0.03
    price_year: 2023
    indexation: 0.02
    weeks_per_year: 50
    parameters:
      tarief: {value: 50.5, unit: EUR/uur, source: "Heumen, gmb-2021-55584"}
      uren: {value: 0.25, source: "aanname: een kwartier"}
      dw: {value: 0.1, low: 0.05, high: 0.2}
    series:
      clients: [10, 20, 30.5, 40]
      vast: 7
    partners:
      - {id: gem, name: Gemeente}
      - {id: zk, name: Zorgkantoor}
    baseline:
      - {name: Oud, partner: gem, amount: clients * uren * tarief * weeks_per_year}
    budget:
      - {name: Budget, partner: gem, amount: 3000}
    effort:
      - {name: Begeleiding, partner: gem, amount: clients * uren * tarief, from: 2025}
      - {name: Vast, partner: zk, amount: vast * 100, until: 2025, paid_from: own}
    investments:
      - {name: Start, partner: gem, amount: 15000, year: 2024, optimism_bias: 0.15}
    benefits:
      - {name: Baat, partner: zk, amount: 1000 * clients, drop_off: 0.1, deadweight: dw, from: 2025}
    """)


def test_line_trails_word_indexation_drop_off_constants_and_idle_years():
    # Pinned from the output of before the trail was split into values and words.
    document = evaluate(load_scenario_text(EDGES, "t.yaml"))
    assert document.result is not None
    baat = explained(document.result, "Baat", "en")
    assert baat is not None
    assert baat.definition == (
        "benefits: Baat (zk) = 1000 * clients; deadweight = 0.1, drop_off = 0.1"
    )
    assert [(s.formula, s.value) for s in baat.steps] == [
        ("does not run this year", "€0"),
        ("((1000 × 20) × 1.04 (indexation)) × (1 − 0.1) × (1 − 0.1)^0", "€18,727"),
        ("((1000 × 30.50) × 1.06 (indexation)) × (1 − 0.1) × (1 − 0.1)^1", "€26,217"),
        ("((1000 × 40) × 1.08 (indexation)) × (1 − 0.1) × (1 − 0.1)^2", "€31,564"),
    ]
    assert [(i.name, i.value) for i in baat.inputs] == [
        ("clients", "10, 20, 30.50, 40"),
        ("dw", "0.1"),
    ]
    start = explained(document.result, "Start", "en")
    assert start is not None
    # Deliberately changed (issue 10, "75000.0 for a literal"): a number written as the
    # amount shows as a reader writes it, like its steps (15,000), no longer 15000.0.
    assert start.definition == "investments: Start (gem) = 15,000; optimism_bias = 0.15"
    assert start.steps[0].formula == "((15,000) × 1.02 (indexation)) × (1 + 0.15)"
    old = explained(document.result, "Oud", "nl")
    assert old is not None
    assert old.steps[2].formula == "(30,50 × 0,25 × 50,50 × 50) × 1,06 (indexatie)"
    assert (old.inputs[-1].value, old.inputs[-1].source) == ("50", "weeks_per_year")
    fixed = explained(document.result, "Vast", "en")
    assert fixed is not None
    assert fixed.inputs[0].value == "7"
    assert fixed.steps[3].formula == "does not run this year"

    default_weeks = EDGES.replace("weeks_per_year: 50\n", "")
    document = evaluate(load_scenario_text(default_weeks, "t.yaml"))
    assert document.result is not None
    old = explained(document.result, "Oud", "nl")
    assert old is not None
    # Deliberately changed (issue 10): "(default)" is worded in Dutch in a Dutch trail.
    assert (old.inputs[-1].value, old.inputs[-1].source) == (
        "52",
        "weeks_per_year (standaardwaarde)",
    )


NO_INVESTMENT = textwrap.dedent("""\
    pactcalc: 1
    name: Geen investering
    start_year: 2024
    years: 3
    discount_rate: 0.0
    partners:
      - {id: gem, name: Gemeente}
    baseline:
      - {name: Oud, partner: gem, amount: 100}
    effort:
      - {name: Nieuw, partner: gem, amount: 50, paid_from: own}
    """)


def test_payback_trails_that_never_cross_and_a_ratio_without_investment():
    document = evaluate(load_scenario_text(NO_INVESTMENT, "t.yaml"))
    assert document.result is not None
    payback = explained(document.result, "payback_years", "en")
    assert payback is not None
    assert payback.value == "0.00 years"
    assert payback.conclusion == "the cumulative net is never negative: payback 0"
    roi = explained(document.result, "roi", "en")
    assert roi is not None
    assert (roi.definition, roi.value) == ("roi = npv / pv_investment = €150 / €0", "—")

    losing = NO_INVESTMENT.replace("discount_rate: 0.0", "discount_rate: 0.05").replace(
        "amount: 50, paid_from: own}",
        "amount: 500, paid_from: own}\n"
        "investments:\n"
        "  - {name: Start, partner: gem, amount: 1000, year: 2024, paid_from: own}",
    )
    document = evaluate(load_scenario_text(losing, "t.yaml"))
    assert document.result is not None
    payback = explained(document.result, "discounted_payback_years", "nl")
    assert payback is not None
    # Deliberately changed (issue 10, "English leftovers"): the Dutch trail words the
    # payback's definition in Dutch; it read in English in both languages before.
    assert payback.definition.endswith("is gelijk over het jaar verdeeld (alles verdisconteerd)")
    assert payback.value == "niet binnen de horizon van 3 jaar"
    assert [s.formula for s in payback.steps] == [
        "S = € -1.000, r = € -400",
        "S = € -1.400, r = € -381",
        "S = € -1.781, r = € -363",
    ]
    assert payback.conclusion == (
        "het cumulatieve saldo komt niet terug op nul: niet binnen de horizon van 3 jaar"
    )
