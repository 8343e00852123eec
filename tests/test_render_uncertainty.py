"""The uncertainty renderers: sensitivity and simulation as text, JSON, CSV and Markdown,
the four charts, and the report section. Every number shown comes from the Sensitivity or
the Simulation; the tests compare against their own fields, not against fixed numbers."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import textwrap
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from conftest import ROOT

from pactcalc.engine import Result
from pactcalc.i18n import money, percent
from pactcalc.pipeline import Document, evaluate, load_scenario_text, run_file
from pactcalc.render import csv as csv_format
from pactcalc.render import html, markdown, terminal
from pactcalc.render import json as json_format
from pactcalc.render.csv import neutralise
from pactcalc.render.figures import section_charts
from pactcalc.report import build, build_sensitivity, build_simulation
from pactcalc.report import uncertainty as u
from pactcalc.uncertainty import Analysis, analyse, sensitivity, simulate

SVG = "{http://www.w3.org/2000/svg}"

# Benefits b a year over 3 years against an investment of 1000: with b below 333 there is
# no payback within the horizon, so some samples have none. z has a range of zero width.
# The partners' names and b's unit are hostile.
SMALL = """\
pactcalc: 1
name: "Klein & <b>gemeen</b>"
start_year: 2021
years: 3
parameters:
  b: {value: 500, low: 100, high: 900, unit: "=cmd|' /C calc'!A0"}
  z: {value: 7, low: 7, high: 7, unit: fte}
partners:
  - {id: gem, name: "<script>alert(1)</script>"}
  - {id: wmo, name: "Kosten $x$ & =HYPERLINK(1)"}
investments: [{name: I, partner: gem, amount: 1000, paid_from: own}]
benefits: [{name: B, partner: wmo, amount: b + z - z}]
checks:
  - payback_years <= 2
"""


def document(text: str) -> Document:
    doc = evaluate(load_scenario_text(textwrap.dedent(text), "t.yaml"))
    assert doc.result is not None, [p.message("en") for p in doc.problems]
    return doc


@pytest.fixture(scope="module")
def example() -> tuple[Document, Analysis]:
    doc = run_file(ROOT / "examples" / "beschermd-wonen.yaml")
    assert doc.scenario is not None
    assert doc.result is not None
    analysis = analyse(doc.scenario, doc.checks)
    assert analysis is not None
    return doc, analysis


@pytest.fixture(scope="module")
def small() -> tuple[Document, Analysis]:
    doc = document(SMALL)
    assert doc.scenario is not None
    analysis = Analysis(simulate(doc.scenario, doc.checks, samples=2000), sensitivity(doc.scenario))
    return doc, analysis


def texts(svg: str) -> list[str]:
    return ["".join(el.itertext()) for el in ET.fromstring(svg).iter(f"{SVG}text")]


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------- sensitivity


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_switching_sentences_on_the_example(example: tuple[Document, Analysis], lang: str) -> None:
    doc, analysis = example
    assert doc.scenario is not None
    sens = analysis.sensitivity
    sentences = u.switching_sentences(sens, doc.scenario, lang)
    assert len(sentences) == len(sens.swings)
    for swing, sentence in zip(sens.swings, sentences, strict=True):
        assert swing.parameter in sentence
        if swing.switching_value is None:
            word = "geen omslagwaarde tussen" if lang == "nl" else "no switching value between"
            assert word in sentence
            continue
        value = doc.scenario.parameters[swing.parameter].value
        direction = {
            ("nl", True): "daalt tot",
            ("nl", False): "stijgt tot",
            ("en", True): "falls to",
            ("en", False): "rises to",
        }[lang, swing.switching_value < value]
        start = "De NCW wordt nul als" if lang == "nl" else "The NPV becomes zero if"
        assert sentence.startswith(f"{start} {swing.parameter} {direction} ")
        # € 35.716 (−42%): the value, then the change from the value with a true minus
        assert re.search(r"\((−|\+)\d+%\)\.$", sentence), sentence
    # the example's largest swing has a switching value in euros
    first = sens.swings[0]
    assert first.switching_value is not None
    expected = money(first.switching_value, lang)
    assert expected in sentences[0]


def test_switching_sentence_format() -> None:
    doc = document(SMALL)
    assert doc.scenario is not None
    sens = sensitivity(doc.scenario)
    b = next(s for s in sens.swings if s.parameter == "b")
    assert b.switching_value is not None
    assert b.switching_value < 500
    change = (b.switching_value - 500) / 500
    nl = u.switching_sentences(sens, doc.scenario, "nl")
    en = u.switching_sentences(sens, doc.scenario, "en")
    shown = percent(abs(change), "nl", 0)
    assert "De NCW wordt nul als b daalt tot " in nl[0]
    assert f"(−{shown})." in nl[0]
    assert "The NPV becomes zero if b falls to " in en[0]
    # zero-width range: said in words, never a made-up number
    assert nl[1] == "z heeft geen bereik (laag = hoog = 7 fte): geen omslagwaarde."
    assert en[1] == "z has no range (low = high = 7 fte): no switching value."


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sensitivity_table(example: tuple[Document, Analysis], lang: str) -> None:
    doc, analysis = example
    assert doc.scenario is not None
    sens = analysis.sensitivity
    text = terminal.to_text(terminal.draw(build_sensitivity(sens, doc.scenario, lang)))
    assert text == terminal.to_text(terminal.draw(build_sensitivity(sens, doc.scenario, lang)))
    header = ("Laag → NCW", "Omslagwaarde") if lang == "nl" else ("Low → NPV", "Switching value")
    assert all(h in text for h in header)
    lines = text.splitlines()
    rows = {
        s.parameter: next(line for line in lines if f" {s.parameter} " in line) for s in sens.swings
    }
    first = sens.swings[0]
    row = rows[first.parameter]
    assert f"{money(first.low, lang)} → {money(first.at_low, lang)}" in row
    assert f"{money(first.high, lang)} → {money(first.at_high, lang)}" in row
    assert money(first.swing, lang) in row
    assert "█" * u.BAR_WIDTH in row  # the largest swing fills the bar
    assert ("t.o.v. waarde" if lang == "nl" else "from value") in row
    # bars shrink with the swing; order is the tornado's
    bars = [rows[s.parameter].count("█") for s in sens.swings]
    assert bars == sorted(bars, reverse=True)
    order = [text.index(f" {s.parameter} ") for s in sens.swings]
    assert order == sorted(order)
    none = next(s for s in sens.swings if s.switching_value is None)
    assert ("geen tussen" if lang == "nl" else "none between") in rows[none.parameter]
    threshold = "NCW € 0 wordt (de drempel)" if lang == "nl" else "NPV reaches €0 (the threshold)"
    assert threshold in " ".join(text.split())


def test_sensitivity_json_round_trip(small: tuple[Document, Analysis]) -> None:
    doc, analysis = small
    assert doc.scenario is not None
    sens = analysis.sensitivity
    data = json.loads(json_format.draw(build_sensitivity(sens, doc.scenario, "en")))
    assert data["metric"] == "npv"
    assert data["threshold"] == sens.threshold
    assert data["base"] == sens.base
    assert [p["parameter"] for p in data["parameters"]] == [s.parameter for s in sens.swings]
    for p, swing in zip(data["parameters"], sens.swings, strict=True):
        assert p["low"] == swing.low
        assert p["high"] == swing.high
        assert p["metric_at_low"] == swing.at_low
        assert p["metric_at_high"] == swing.at_high
        assert p["swing"] == swing.swing
        assert p["switching_value"] == swing.switching_value
        assert p["searched"] == list(swing.searched)
        assert p["value"] == doc.scenario.parameters[swing.parameter].value
    b, z = data["parameters"]
    assert b["switching_change"] == pytest.approx((b["switching_value"] - 500) / 500)
    assert z["switching_value"] is None
    assert z["switching_change"] is None
    assert z["swing"] == 0.0


def test_sensitivity_of_payback_missing_in_words() -> None:
    doc = document(SMALL)
    assert doc.scenario is not None
    sens = sensitivity(doc.scenario, "payback_years", doc.checks)
    assert sens.threshold == 2.0
    b = next(s for s in sens.swings if s.parameter == "b")
    assert math.isnan(b.at_low)
    assert math.isinf(b.swing)
    for lang, words in (("nl", "buiten de horizon"), ("en", "beyond the horizon")):
        text = terminal.to_text(terminal.draw(build_sensitivity(sens, doc.scenario, lang)))
        row = next(line for line in text.splitlines() if line.startswith(" b "))
        assert f"100 → {words}" in row
        assert "█" * u.BAR_WIDTH in row  # leaving the horizon is the largest swing
        assert "nan" not in text
        assert "inf" not in text
    data = json.loads(json_format.draw(build_sensitivity(sens, doc.scenario, "nl")))
    assert data["parameters"][0]["metric_at_low"] is None
    assert data["parameters"][0]["swing"] is None  # unbounded: null, never Infinity


def test_sensitivity_without_threshold() -> None:
    doc = document(SMALL.replace("checks:\n  - payback_years <= 2\n", ""))
    assert doc.scenario is not None
    sens = sensitivity(doc.scenario, "payback_years")
    assert sens.threshold is None
    assert u.switching_sentences(sens, doc.scenario, "en") == [
        "No threshold for the payback period (no check on it): no switching values."
    ]
    assert (
        json.loads(json_format.draw(build_sensitivity(sens, doc.scenario, "en")))["threshold"]
        is None
    )


def test_sensitivity_csv_and_markdown(small: tuple[Document, Analysis]) -> None:
    doc, analysis = small
    assert doc.scenario is not None
    rows = csv_rows(csv_format.draw(build_sensitivity(analysis.sensitivity, doc.scenario, "nl")))
    assert tuple(rows[0]) == u.SENSITIVITY_CSV_HEADER
    unit = rows[0].index("unit")
    assert rows[1][unit] == "'=cmd|' /C calc'!A0"  # neutralised, not a formula
    for row in rows:
        assert all(neutralise(c) == c for c in row if not is_number(c))
    column = rows[0].index("switching_value")
    assert float(rows[1][column]) == analysis.sensitivity.swings[0].switching_value
    assert rows[2][column] == ""  # none: an empty cell
    md = markdown.draw(build_sensitivity(analysis.sensitivity, doc.scenario, "en"))
    assert md.startswith("## Sensitivity of the NPV")
    assert "| Parameter | Low → NPV |" in md
    assert "no range" in md
    assert "z has no range" in md


# ---------------------------------------------------------------------------- simulation


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_simulation_text(example: tuple[Document, Analysis], lang: str) -> None:
    doc, analysis = example
    sim = analysis.simulation
    text = terminal.to_text(terminal.draw(build_simulation(sim, lang)))
    npv = sim.summaries["npv"]
    row = next(
        line
        for line in text.splitlines()
        if "Netto contante waarde" in line or "Net present value" in line
    )
    for value in (npv.mean, npv.p5, npv.p50, npv.p95):
        assert money(value, lang) in row  # type: ignore[arg-type]
    assert ("10.000 trekkingen, seed 1" if lang == "nl" else "10,000 samples, seed 1") in text
    for partner in doc.result.partners:  # type: ignore[union-attr]
        assert partner.name in text
        summary = sim.summaries[f"net_total[{partner.id}]"]
        assert money(summary.p5, lang) in text  # type: ignore[arg-type]
    headroom = next(p for p in sim.probabilities if p.event == "headroom_min >= 0")
    assert f"{percent(headroom.p, lang, 1)} (± {percent(headroom.se, lang, 1)})" in text
    # the share without payback is said on its own, also when it is 0
    share = "van de trekkingen" if lang == "nl" else "of the samples"
    assert text.count(share) == 2
    # the histogram: about twelve bins whose counts add up to the samples, P5/P50/P95 marked
    bins = u.histogram_rows(sim, lang)
    assert len(bins) == u.HISTOGRAM_BINS
    found = [re.search(r"│\D*([\d.,]+)", row) for row in bins]
    counts = [int(re.sub(r"[.,]", "", m[1])) for m in found if m is not None]
    assert sum(counts) == sim.samples
    marks = " ".join(bins)
    assert all(f"← {p}" in marks or f", {p}" in marks for p in ("P5", "P50", "P95"))
    assert all(row in text for row in bins)


def test_simulation_missing_payback_in_words(small: tuple[Document, Analysis]) -> None:
    _doc, analysis = small
    sim = analysis.simulation
    payback = sim.summaries["payback_years"]
    assert payback.missing > 0.05
    assert payback.p95 is None
    assert payback.mean is None
    nl = terminal.to_text(terminal.draw(build_simulation(sim, "nl")))
    en = terminal.to_text(terminal.draw(build_simulation(sim, "en")))
    row = next(line for line in nl.splitlines() if "│ Terugverdientijd" in line)
    assert "buiten de horizon" in row
    assert "—" in row
    assert "beyond the horizon" in en
    share = percent(payback.missing, "nl", 1)
    assert f"Niet terugverdiend binnen de horizon van 3 jaar: {share} van de trekkingen" in nl
    assert "Not paid back within the 3-year horizon" in en
    for text in (nl, en):
        assert "nan" not in text
        assert "None" not in text
    data = json.loads(json_format.draw(build_simulation(sim, "nl")))
    assert data["metrics"]["payback_years"]["p95"] is None
    assert data["metrics"]["payback_years"]["mean"] is None
    assert data["metrics"]["payback_years"]["share_without_payback"] == payback.missing
    threshold = next(p for p in data["probabilities"] if p["event"] == "payback_years <= 2")
    assert threshold["label"] == "terugverdientijd ≤ 2 jaar"


def test_simulation_json_round_trip(example: tuple[Document, Analysis]) -> None:
    _doc, analysis = example
    sim = analysis.simulation
    data = json.loads(json_format.draw(build_simulation(sim, "en")))
    assert data["samples"] == sim.samples
    assert data["seed"] == sim.seed
    assert data["parameters"] == sim.parameters
    assert set(data["metrics"]) == set(sim.summaries)
    for key, summary in sim.summaries.items():
        for field in ("mean", "p5", "p50", "p95"):
            assert data["metrics"][key][field] == getattr(summary, field), (key, field)
    assert [(p["event"], p["p"], p["se"]) for p in data["probabilities"]] == [
        (p.event, p.p, p.se) for p in sim.probabilities
    ]
    for partner in data["partners"]:
        risk = next(p for p in sim.probabilities if p.event == f"net_total[{partner['id']}] < 0")
        assert partner["p_net_negative"] == risk.p
        assert partner["p_net_negative_se"] == risk.se
        assert partner["net_total"]["p5"] == sim.summaries[f"net_total[{partner['id']}]"].p5
    for q, band in sim.cumulative_bands.items():
        assert data["cumulative_bands"][f"p{q}"] == [float(v) for v in band]


def test_simulation_csv(small: tuple[Document, Analysis]) -> None:
    _doc, analysis = small
    sim = analysis.simulation
    rows = csv_rows(csv_format.draw(build_simulation(sim, "en")))
    assert tuple(rows[0]) == u.SIMULATION_CSV_HEADER
    for row in rows:
        assert all(neutralise(c) == c for c in row if not is_number(c))
    table = {(r[0], r[2]): r for r in rows[1:]}
    assert float(table["npv", "p50"][3]) == sim.summaries["npv"].p50
    assert table["payback_years", "p95"][3] == ""  # beyond the horizon: empty
    assert float(table["payback_years", "share_without_payback"][3]) == (
        sim.summaries["payback_years"].missing
    )
    p = next(p for p in sim.probabilities if p.event == "npv > 0")
    assert float(table["P(npv > 0)", "probability"][3]) == p.p
    assert float(table["P(npv > 0)", "probability"][4]) == p.se
    assert table["net_total[wmo]", "mean"][1] == "Net Kosten $x$ & =HYPERLINK(1)"


def test_simulation_markdown_escapes(small: tuple[Document, Analysis]) -> None:
    _doc, analysis = small
    md = markdown.draw(build_simulation(analysis.simulation, "nl"))
    assert "<script>" not in md
    assert "&lt;script&gt;" in md
    assert "```" in md
    assert "← P50" in md


@pytest.mark.slow
def test_byte_identical_for_the_same_seed() -> None:
    outputs = []
    for _ in range(2):
        doc = document(SMALL)
        assert doc.scenario is not None
        sim = simulate(doc.scenario, doc.checks, samples=500, seed=7)
        sens = sensitivity(doc.scenario)
        outputs.append(
            (
                terminal.to_text(terminal.draw(build_simulation(sim, "nl"))),
                json_format.draw(build_simulation(sim, "nl")),
                csv_format.draw(build_simulation(sim, "en")),
                markdown.draw(build_simulation(sim, "en")),
                terminal.to_text(terminal.draw(build_sensitivity(sens, doc.scenario, "en"))),
                json_format.draw(build_sensitivity(sens, doc.scenario, "nl")),
                csv_format.draw(build_sensitivity(sens, doc.scenario, "nl")),
                markdown.draw(build_sensitivity(sens, doc.scenario, "nl")),
            )
        )
    assert outputs[0] == outputs[1]
    assert "500 trekkingen, seed 7" in outputs[0][0]


def test_all_samples_equal() -> None:
    """A simulation whose only range has zero width: one histogram row, said in words."""
    doc = document(SMALL.replace("low: 100, high: 900", "low: 500, high: 500"))
    assert doc.scenario is not None
    sim = simulate(doc.scenario, doc.checks, samples=100)
    (row,) = u.histogram_rows(sim, "en")
    assert row == f"all 100 samples: {money(float(sim.npv[0]), 'en')}"


# ---------------------------------------------------------------------------- charts


def test_charts(small: tuple[Document, Analysis]) -> None:
    pytest.importorskip("matplotlib")
    doc, analysis = small
    assert doc.result is not None
    for lang in ("nl", "en"):
        svgs = section_charts(analysis, doc.result, lang)
        assert tuple(svgs) == u.CHART_NAMES
        assert section_charts(analysis, doc.result, lang) == svgs  # byte-identical
        for name, svg in svgs.items():
            root = ET.fromstring(svg)  # well-formed
            assert root.tag == f"{SVG}svg", name
            assert svg.startswith("<svg"), name
            assert "<script" not in svg, name
            assert "<b>" not in svg, name
        partners = texts(svgs["partner_nets"])
        assert "<script>alert(1)</script>" in partners  # shown as text, after unescaping
        assert "Kosten $x$ & =HYPERLINK(1)" in partners  # dollars are text, not mathematics
        tornado = " ".join(texts(svgs["tornado"]))
        assert "b (100 – 900)" in tornado
        assert "z (7 – 7)" in tornado
        npv = " ".join(texts(svgs["npv_distribution"]))
        p50 = analysis.simulation.summaries["npv"].p50
        assert f"P50 {money(p50, lang)}" in npv  # type: ignore[arg-type]
    fan = texts(section_charts(analysis, doc.result, "en")["fan_chart"])
    assert {"2021", "2022", "2023", "median (P50)", "P10–P90"} <= set(fan)


def test_payback_tornado_says_beyond_the_horizon() -> None:
    pytest.importorskip("matplotlib")
    from pactcalc.render import charts

    doc = document(SMALL)
    assert doc.scenario is not None
    sens = sensitivity(doc.scenario, "payback_years", doc.checks)
    svg = charts.tornado_svg(sens, "en")
    ET.fromstring(svg)
    assert "beyond the horizon" in texts(svg)
    assert not re.search(r"\bnan\b|\binf\b", " ".join(texts(svg)))


def test_chart_png_for_a_look(example: tuple[Document, Analysis]) -> None:
    pytest.importorskip("matplotlib")
    from pactcalc.render import charts

    _doc, analysis = example
    png = charts.uncertainty_chart_bytes("tornado", analysis.sensitivity, lang="en", dpi=40)
    assert png.startswith(b"\x89PNG")


# ---------------------------------------------------------------------------- report section


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def html_chapter(analysis: Analysis, result: Result, lang: str) -> str:
    """The uncertainty chapter alone, as HTML with its charts."""
    sections = u.report_sections(analysis, result, lang)
    return html.draw_sections(sections, section_charts(analysis, result, lang))


def markdown_chapter(
    analysis: Analysis, result: Result, lang: str, chart_files: dict[str, str]
) -> str:
    """The uncertainty chapter alone, as Markdown (``chart_files``: chart → SVG file)."""
    return markdown.draw_sections(u.report_sections(analysis, result, lang), chart_files)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_section(small: tuple[Document, Analysis], lang: str) -> None:
    pytest.importorskip("matplotlib")
    doc, analysis = small
    assert doc.result is not None
    section = html_chapter(analysis, doc.result, lang)
    assert section == html_chapter(analysis, doc.result, lang)
    parser = _Tags()
    parser.feed(section)
    assert "script" not in parser.tags
    assert "b" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert parser.tags.count("figure") == 4
    assert parser.tags.count("svg") == 4
    for sentence in u.switching_sentences(analysis.sensitivity, doc.result.scenario, lang):
        assert sentence.replace("'", "&#x27;") in section
    share = percent(analysis.simulation.summaries["payback_years"].missing, lang, 1)
    assert share in section
    assert ("buiten de horizon" if lang == "nl" else "beyond the horizon") in section
    assert "uncertainty" not in [s.id for s in build(doc, None, lang, full=True).sections]


def test_markdown_section(example: tuple[Document, Analysis]) -> None:
    doc, analysis = example
    assert doc.result is not None
    files = {name: f"report-{name}.svg" for name in u.CHART_NAMES}
    md = markdown_chapter(analysis, doc.result, "nl", files)
    assert md.startswith("## Onzekerheid")
    for name in u.CHART_NAMES:
        assert f"](report-{name}.svg)" in md
    assert "De NCW wordt nul als bw\\_kosten\\_per\\_plek daalt tot" in md
    assert "P(NCW &gt; 0) = " in md  # ">" as an entity: no raw HTML
    without = markdown_chapter(analysis, doc.result, "nl", {})
    assert "![" not in without  # no files: no images, the rest stays
    assert "uncertainty" not in [s.id for s in build(doc, None, "nl", full=True).sections]
    assert section_charts(None, doc.result, "nl") == {}


def test_the_tornado_names_a_parameter_by_its_label() -> None:
    """A parameter with a ``label`` is drawn by that label, as the report's tables name it;
    one without keeps its id."""
    pytest.importorskip("matplotlib")
    labelled = SMALL.replace("low: 100, high: 900", "low: 100, high: 900, label: Uurtarief")
    assert labelled != SMALL
    doc = document(labelled)
    assert doc.scenario is not None
    assert doc.result is not None
    analysis = analyse(doc.scenario, doc.checks)
    assert analysis is not None
    tornado = " ".join(texts(section_charts(analysis, doc.result, "nl")["tornado"]))
    assert "Uurtarief (100 – 900)" in tornado
    assert "b (100 – 900)" not in tornado
    assert "z (7 – 7)" in tornado
