"""The pact in every output (issue 11): the KPI section, the agreement in sentences with its
transfers, the who-pays columns after the agreement, the simulated risk before and after,
the chart of the nets, and ``explain`` of a partner's net after the agreement.

The numbers come from the arithmetic written beside the assertions, on one small scenario:

* Begeleiding (Wmo-aanbieder, from the budget): uren · 10 = 120 · 10 = € 1.200 a year,
  paid by the Gemeente as budget holder; the Gemeente stops paying Zorg, € 3.000 a year.
  Without the agreement: net Gemeente 3.000 − 1.200 = € 1.800 a year (€ 3.600), the others 0.
* Lumpsum L = 1.000 with corridor {band 5 %, share ½}: C = 1.200, D = 200, b·L = 50,
  X = 150, s·X = 75; transfer L − C + s·X = −125 a year (the provider carries 125).
* Winstdeling, per year, ½ to the BW-instelling, cap 20 %: B = baseline = 3.000,
  G = 3.000 − 1.200 = 1.800; ½ · 1.800 = 900 > cap 0,2 · 3.000 = 600 → 600 a year.
* Uitstroombonus: KPI = uren / 10 = 12, reference 10 → 2 units · € 100 = 200, cap 150 a
  year → 150; total cap 250 → 150 in 2024, 100 in 2025.
* Settlement: Gemeente +125 − 600 − 150 = −625, +125 − 600 − 100 = −575 (−1.200);
  Wmo −125 a year (−250); BW 600 + 150 = 750, 600 + 100 = 700 (1.450). Σ = 0 each year.
* Net after: Gemeente 3.600 − 1.200 = 2.400; Wmo −250; BW 1.450; together 3.600.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, document_of, runner, write

from pactcalc.cli import app
from pactcalc.report import build, build_simulation
from pactcalc.report.agreement import rule_sentence

PACT = """\
pactcalc: 1
name: Pact
start_year: 2024
years: 2
partners:
  - {id: gemeente, name: Gemeente}
  - {id: wmo, name: Wmo-aanbieder}
  - {id: bw, name: BW-instelling}
parameters:
  uren: {value: 120}
budget: [{name: Wmo-budget, partner: gemeente, amount: 5000}]
effort: [{name: Begeleiding, partner: wmo, amount: "uren * 10", paid_from: budget}]
baseline: [{name: Zorg, partner: gemeente, amount: 3000}]
kpis:
  uitstroom:
    name: Inwoners ambulant
    unit: inwoners
    direction: higher
    value: "uren / 10"
    reference: 10
    target: [12, 14]
    validation: pre-post
agreement:
  - {name: Lumpsum, rule: lumpsum, payer: gemeente, receiver: wmo, amount: 1000,
     corridor: {band: 0.05, share: 0.5}}
  - {name: Winstdeling, rule: gain_share, payer: gemeente, shares: {bw: 0.5}, period: year,
     cap: 0.2}
  - {name: Uitstroombonus, rule: outcome_payment, payer: gemeente, receiver: bw,
     kpi: uitstroom, price: 100, cap: 150, total_cap: 250}
"""

#: The settlement per partner per year and the net after the agreement (see above).
SETTLEMENT = {"gemeente": [-625.0, -575.0], "wmo": [-125.0, -125.0], "bw": [750.0, 700.0]}
NET = {"gemeente": 3600.0, "wmo": 0.0, "bw": 0.0}
NET_AFTER = {"gemeente": 2400.0, "wmo": -250.0, "bw": 1450.0}


@pytest.fixture
def pact(tmp_path: Path) -> Path:
    return write(tmp_path, PACT, "pact.yaml")


def _json(args: list[str]) -> dict:
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


# --- the sentences ----------------------------------------------------------------------------


def test_the_issue_s_lumpsum_sentence_in_dutch() -> None:
    # the issue's example, word for word but the articles (names are used as written)
    text = PACT.replace("amount: 1000,", "amount: 1300000,")
    result = document_of(text).result
    assert result is not None
    assert rule_sentence(result.agreement[0], result, "nl") == (
        "Gemeente betaalt Wmo-aanbieder een lumpsum van € 1.300.000 per jaar voor Begeleiding; "
        "valt de inzet meer dan 5% hoger of lager uit, dan wordt de helft van het verschil "
        "daarbuiten verrekend."
    )


def test_sentences_in_dutch_and_english() -> None:
    result = document_of(PACT).result
    assert result is not None
    nl = [rule_sentence(rule, result, "nl") for rule in result.agreement]
    en = [rule_sentence(rule, result, "en") for rule in result.agreement]
    assert nl[1] == (
        "Gemeente deelt de besparing ten opzichte van de kosten zonder PACT als ijkpunt "
        "(€ 3.000 per jaar), per jaar: BW-instelling krijgt 50%, samen hoogstens 20% van de "
        "benchmark."
    )
    assert nl[2] == (
        "Gemeente betaalt BW-instelling € 100 per eenheid dat Inwoners ambulant boven de "
        "nulmeting van 10 inwoners uitkomt, hoogstens € 150 per jaar, hoogstens € 250 in totaal."
    )
    assert en[0] == (
        "Gemeente pays Wmo-aanbieder a lumpsum of €1,000 a year for Begeleiding; if the effort "
        "turns out more than 5% higher or lower, half of the difference beyond that is settled."
    )
    assert en[1] == (
        "Gemeente shares the savings against the baseline as benchmark (€3,000 a year), year "
        "by year: BW-instelling gets 50%, together at most 20% of the benchmark."
    )
    assert en[2] == (
        "Gemeente pays BW-instelling €100 per unit that Inwoners ambulant comes out above its "
        "reference of 10 inwoners, at most €150 a year, at most €250 in total."
    )


def test_sentences_of_a_contribution_a_plain_lumpsum_and_a_two_sided_gain_share() -> None:
    text = PACT.split("agreement:")[0] + (
        "agreement:\n"
        "  - {name: Bijdrage, rule: contribution, payer: bw, receiver: gemeente, amount: 250,\n"
        "     from: 2025}\n"
        "  - {name: Lumpsum, rule: lumpsum, payer: gemeente, receiver: wmo, until: 2024}\n"
        "  - {name: Deling, rule: gain_share, payer: gemeente, shares: {bw: 0.3, wmo: 0.125},\n"
        "     minimum_rate: 0.02, benchmark: 2500,\n"
        "     losses: {shares: {bw: 0.1}, minimum_rate: 0.05, cap: 0.1}}\n"
    )
    result = document_of(text).result
    assert result is not None
    nl = [rule_sentence(rule, result, "nl") for rule in result.agreement]
    en = [rule_sentence(rule, result, "en") for rule in result.agreement]
    assert nl[0] == "BW-instelling draagt € 250 per jaar bij aan Gemeente (vanaf 2025)."
    assert en[0] == "BW-instelling contributes €250 a year to Gemeente (from 2025 on)."
    # the default L: the covered lines' planned cost, 120 · 10 = 1.200
    assert nl[1] == (
        "Gemeente betaalt Wmo-aanbieder een lumpsum van de geplande kosten (€ 1.200 per jaar) "
        "voor Begeleiding; Wmo-aanbieder draagt zelf het verschil met de werkelijke kosten "
        "(tot en met 2024)."
    )
    assert en[2] == (
        "Gemeente shares the savings against a benchmark of €2,500 a year, over the whole "
        "term, settled in 2025: BW-instelling gets 30% and Wmo-aanbieder gets 12.5%, if the "
        "savings reach at least 2% of the benchmark; on a loss: BW-instelling pays 10%, if the "
        "loss reaches at least 5% of the benchmark, together at most 10% of the benchmark."
    )


# --- run: JSON, the who-pays columns, CSV, Markdown --------------------------------------------


def test_run_json_kpis_agreement_and_partners(pact: Path) -> None:
    data = _json(["run", str(pact), "-f", "json", "--lang", "en"])
    assert data["kpis"] == [
        {
            "id": "uitstroom",
            "name": "Inwoners ambulant",
            "unit": "inwoners",
            "direction": "higher",
            "validation": "pre-post",
            "reference": 10.0,
            "values_per_year": [12.0, 12.0],  # 120 / 10
            "target_per_year": [12.0, 14.0],
            "kpi_last": 12.0,
            "kpi_total": 24.0,
        }
    ]
    rules = {rule["name"]: rule for rule in data["agreement"]}
    assert [rule["rule"] for rule in data["agreement"]] == [
        "lumpsum",
        "gain_share",
        "outcome_payment",
    ]
    assert rules["Lumpsum"]["transfers"] == [
        {"payer": "gemeente", "receiver": "wmo", "per_year": [-125.0, -125.0], "total": -250.0}
    ]
    assert rules["Winstdeling"]["transfers"][0]["per_year"] == [600.0, 600.0]
    assert rules["Uitstroombonus"]["transfers"][0]["per_year"] == [150.0, 100.0]
    assert rules["Lumpsum"]["text"].startswith("Gemeente pays Wmo-aanbieder a lumpsum")
    for partner in data["partners"]:
        pid = partner["id"]
        assert partner["settlement_per_year"] == SETTLEMENT[pid]
        assert partner["settlement_total"] == sum(SETTLEMENT[pid])
        assert partner["net_total"] == NET[pid]
        assert partner["net_settled_total"] == NET_AFTER[pid]
    # the totals of the scenario do not change: the nets after add up to the net
    assert sum(p["net_settled_total"] for p in data["partners"]) == data["net_per_year"][0] * 2
    keys = list(data)
    assert keys.index("kpis") < keys.index("agreement") < keys.index("warnings")


def test_who_pays_gains_settlement_and_net_after() -> None:
    report = build(document_of(PACT), None, "en")
    section = report.section("who_pays")
    assert section is not None
    table = next(b for b in section.blocks if getattr(b, "id", "") == "who_pays")
    assert list(table.header)[-2:] == ["Settlement", "Net after agreement"]
    rows = {row[0]: row[1:] for row in table.raw}
    for pid in NET:
        *_, net, settlement, after = rows[pid]
        assert settlement == sum(SETTLEMENT[pid])
        assert after == net + settlement == NET_AFTER[pid]
    *_, net, settlement, after = rows["total"]
    assert settlement == 0.0  # Σ settlement = 0
    assert after == net == 3600.0
    settled = report.section("agreement")
    assert settled is not None
    by_year = next(b for b in settled.blocks if getattr(b, "id", "") == "settlement_by_year")
    assert by_year.raw[-1] == ["total", 0.0, 0.0, 0.0]  # every year


def test_section_ids_and_order() -> None:
    ids = [s.id for s in build(document_of(PACT), None, "nl").sections]
    assert ids[ids.index("who_pays") + 1 : ids.index("who_pays") + 3] == ["kpis", "agreement"]


def test_run_csv_carries_transfers_settlements_and_kpis(pact: Path) -> None:
    out = runner.invoke(app, ["run", str(pact), "-f", "csv"])
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    assert lines[0] == "metric,2024,2025,total"
    assert "kpi[uitstroom],12.0,12.0,24.0" in lines
    assert "transfer[Lumpsum:gemeente>wmo],-125.0,-125.0,-250.0" in lines
    assert "settlement[gemeente],-625.0,-575.0,-1200.0" in lines
    assert "net_settled[bw],750.0,700.0,1450.0" in lines


def test_run_markdown_and_terminal_carry_the_sections(pact: Path) -> None:
    markdown = runner.invoke(app, ["run", str(pact), "-f", "markdown", "--lang", "en"]).stdout
    assert "## KPIs" in markdown
    assert "## The agreement: settlement between partners" in markdown
    assert "| Lumpsum: Gemeente → Wmo-aanbieder | -€125 | -€125 | -€250 |" in markdown
    assert "half of the difference beyond that is settled" in markdown
    assert "pre-post measurement" in markdown  # the KPI's validation method
    table = runner.invoke(app, ["run", str(pact)], env={"COLUMNS": "200"}).stdout
    assert "Saldo na afspraak" in table
    assert "Verrekening per partner per jaar" in table


# --- simulate -----------------------------------------------------------------------------------


def test_simulate_before_and_after(tmp_path: Path) -> None:
    # uren 100–140: the lumpsum's transfer varies (C = 10 · uren), the gain share's does
    # not (G = 3.000 − C ≥ 1.600 → ½G ≥ 800 > cap 600), and the outcome payment pays in
    # every sample (K = uren / 10 > 10 but at the edge, which has probability 0).
    path = write(tmp_path, PACT.replace("{value: 120}", "{value: 120, low: 100, high: 140}"))
    data = _json(["simulate", str(path), "-f", "json", "--samples", "2000", "--lang", "en"])
    partners = {p["id"]: p for p in data["partners"]}
    wmo = partners["wmo"]
    assert wmo["p_net_negative"] == 0.0  # without the agreement the provider's net is 0
    # after: the lumpsum's −125-ish a year; an underrun (C < 950 = L − b·L) would be
    # positive, but C = 10 · uren ≥ 1.000 > 950 → never: always a loss
    assert wmo["p_net_settled_negative"] == 1.0
    assert wmo["p_net_settled_negative_se"] == 0.0
    assert set(wmo["net_settled_total"]) == {"mean", "p5", "p50", "p95"}
    assert wmo["net_settled_total"]["p5"] < wmo["net_settled_total"]["p95"] < 0
    rules = {rule["name"]: rule for rule in data["agreement"]}
    share = rules["Winstdeling"]["transfers"][0]
    assert share["mean"] == 1200.0
    assert share["se"] == 0.0
    assert share["p_nonzero"] == 1.0
    bonus = rules["Uitstroombonus"]["transfers"][0]
    assert bonus["p_nonzero"] == 1.0
    # at most 150 + 100 = 250 (the total cap), at least a little above 0
    assert 0.0 < bonus["mean"] <= 250.0
    assert set(bonus) == {"payer", "receiver", "mean", "se", "p_nonzero", "p_nonzero_se"}


def test_simulate_without_ranges_equals_run(pact: Path) -> None:
    data = _json(["simulate", str(pact), "-f", "json", "--samples", "50"])
    for partner in data["partners"]:
        after = partner["net_settled_total"]
        assert after["mean"] == after["p50"] == NET_AFTER[partner["id"]]
    table = runner.invoke(
        app, ["simulate", str(pact), "--samples", "50", "--lang", "en"], env={"COLUMNS": "200"}
    ).stdout
    assert "How the agreement moves risk" in table
    assert "Transfers per rule" in table


def test_simulate_report_tables() -> None:
    from pactcalc.uncertainty import simulate

    document = document_of(PACT)
    assert document.scenario is not None
    report = build_simulation(simulate(document.scenario, samples=20), "nl")
    section = report.section("agreement_risk")
    assert section is not None
    risk = next(b for b in section.blocks if getattr(b, "id", "") == "agreement_risk")
    assert list(risk.header) == ["Partner", "", "P(saldo < 0)", "P5", "P50", "P95"]
    assert risk.rows[2] == [
        "Wmo-aanbieder",
        "vóór",
        "0,0% (± 0,0%)",
        "€ 0",
        "€ 0",
        "€ 0",
    ]
    assert risk.rows[3] == ["", "na", "100,0% (± 0,0%)", "€ -250", "€ -250", "€ -250"]


# --- the chart and the report ------------------------------------------------------------------


def test_chart_of_the_nets_is_drawn_and_deterministic(tmp_path: Path) -> None:
    from pactcalc.render import charts

    result = document_of(PACT).result
    first = charts.svg("agreement_nets", result, None, "nl")
    assert first.startswith("<svg")
    assert first == charts.svg("agreement_nets", result, None, "nl")
    assert "na de afspraak" in first
    assert "#0072b2" in first.lower()
    assert "agreement_nets" in charts.all_charts(result, "en")
    path = write(tmp_path, PACT, "pact.yaml")
    out = runner.invoke(app, ["report", str(path), "-o", str(tmp_path / "r.md"), "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "r-agreement_nets.svg").exists()
    assert "(r-agreement_nets.svg)" in (tmp_path / "r.md").read_text(encoding="utf-8")
    out = runner.invoke(app, ["report", str(path), "-o", str(tmp_path / "r.html")])
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Saldo per partner vóór en na de afspraak" in html
    assert html.count("<svg") >= 4


def test_without_an_agreement_nothing_new() -> None:
    from pactcalc.render import charts

    plain = []
    for example in EXAMPLES:
        document = document_of(example.read_text(encoding="utf-8"))
        assert document.scenario is not None
        if document.scenario.agreement or document.scenario.kpis:
            continue  # the two examples with a pact are tested above
        plain.append(example.name)
        report = build(document, None, "nl", full=True)
        ids = {section.id for section in report.sections}
        assert not ids & {"kpis", "agreement"}
        who = report.section("who_pays")
        assert who is not None
        assert all(len(b.header) == 5 for b in who.blocks if getattr(b, "id", "") == "who_pays")
        data = report.data()
        assert "agreement" not in data
        assert "kpis" not in data
        assert all("settlement_total" not in p for p in data["partners"])
        assert "agreement_nets" not in charts.all_charts(document.result, "nl")
    assert plain == ["schuldhulpverlening.yaml"]  # the example without a pact


# --- explain ----------------------------------------------------------------------------------


def test_explain_net_settled_total(pact: Path) -> None:
    out = runner.invoke(
        app, ["explain", str(pact), "net_settled_total[bw]", "--lang", "en"], env={"COLUMNS": "200"}
    )
    assert out.exit_code == 0, out.output
    text = out.stdout
    assert "net_settled_total[bw] = €1,450" in text
    assert "€0 + €750" in text
    assert "€0 + €700" in text
    assert "net_total[bw], settlement_total[bw]" in text
    assert "Uitstroombonus 2025" in text
    assert "€100 × 2" in text
    assert "B = €3,000, G = €1,800" in text  # the gain share's terms
    assert "at most €250 in total" in text  # the rule's sentence among the inputs


def test_explain_settlement_total_adds_each_rule(pact: Path) -> None:
    from pactcalc.explain import trace

    result = document_of(PACT).result
    assert result is not None
    trail = trace(result, "settlement_total[gemeente]")
    assert trail is not None
    assert trail.value == -1200.0
    first = trail.steps[0]
    # 2024: the lumpsum's −125 flows back to the Gemeente, it pays 600 and 150
    assert first.parts == (-125.0, 600.0, 150.0)  # type: ignore[union-attr]
    assert first.settlement == -625.0  # type: ignore[union-attr]
    assert [rule.name for rule in trail.rules] == ["Lumpsum", "Winstdeling", "Uitstroombonus"]


def test_explain_unknown_partner_suggests(pact: Path) -> None:
    out = runner.invoke(app, ["explain", str(pact), "net_settled_total[bx]", "--lang", "en"])
    assert out.exit_code != 0
    assert "net_settled_total[bw]" in out.output
