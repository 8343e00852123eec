"""Charts as SVG: well-formed, deterministic, localized, escaped, and lazy about matplotlib."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES, ROOT

pytest.importorskip("matplotlib")

from pactcalc.engine import Result, compute  # noqa: E402
from pactcalc.i18n import years_text  # noqa: E402
from pactcalc.pipeline import evaluate, load_scenario_text, run_file  # noqa: E402
from pactcalc.render import charts  # noqa: E402

NAMES = ["cumulative", "effort_vs_budget", "baseline_vs_pact"]
SVG = "{http://www.w3.org/2000/svg}"

# A tick label in the locale's euro format: "€ 1.234.567" / "€ 1,5 mln" in Dutch,
# "€1,234,567" / "€1.5m" in English (negatives: "€ -…" and "-€…").
TICK = {
    "nl": re.compile(r"^€ -?(\d{1,3}(\.\d{3})*|\d+(,\d+)? mln)$"),
    "en": re.compile(r"^-?€(\d{1,3}(,\d{3})*|\d+(\.\d+)?m)$"),
}


def scenario(body: str, *, name: str = "t", partners: str = "", years: int = 3) -> Result:
    text = f"pactcalc: 1\nname: {name}\nstart_year: 2021\nyears: {years}\npartners:\n"
    text += textwrap.indent(
        textwrap.dedent(partners or "- {id: gem, name: Gemeente}\n- {id: wmo, name: Wmo}\n"),
        "  ",
    )
    document = evaluate(load_scenario_text(text + textwrap.dedent(body), "t.yaml"))
    assert document.result is not None, [p.message("en") for p in document.problems]
    return document.result


def texts(svg: str) -> list[str]:
    """Every text shown, as the SVG holds it (one <text> element each)."""
    root = ET.fromstring(svg)
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def y_ticks(svg: str) -> list[str]:
    """The y axis tick labels, from matplotlib's groups ``ytick_N``."""
    root = ET.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("id", "").startswith("ytick_"):
            found += ["".join(el.itertext()) for el in group.iter(f"{SVG}text")]
    return found


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> Result:
    document = run_file(request.param)
    assert document.result is not None
    return document.result


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_examples(example: Result, lang: str) -> None:
    svgs = charts.all_charts(example, lang)
    # an example with an agreement (issue 11) also draws each partner's net before and after
    assert list(svgs) == NAMES + (["agreement_nets"] if example.agreement else [])
    assert charts.all_charts(example, lang) == svgs  # byte-identical run after run
    for name, svg in svgs.items():
        root = ET.fromstring(svg)  # well-formed
        assert root.tag == f"{SVG}svg"
        assert svg.startswith("<svg")  # inlinable in HTML: no XML declaration, no DOCTYPE
        if name == "agreement_nets":  # horizontal bars: a partner per row, euros across
            assert all(p.name in texts(svg) for p in example.partners), name
            continue
        ticks = y_ticks(svg)
        assert len(ticks) >= 3, name
        assert all(TICK[lang].match(tick) for tick in ticks), (name, ticks)
        assert charts.captions(example, lang)[name].split(".")[0] in texts(svg)
    cumulative = " ".join(texts(svgs["cumulative"]))
    payback = float(example.payback_years)
    label = "terugverdiend na" if lang == "nl" else "pays back after"
    assert f"{label} {years_text(payback, lang, len(example.years))}" in cumulative
    effort = texts(svgs["effort_vs_budget"])
    for partner in example.partners:
        has_effort = bool(np.any(partner.effort_per_year != 0))
        assert (partner.name in effort) == has_effort, partner.name
    assert ("Beschikbaar budget" if lang == "nl" else "Available budget") in effort


def test_payback_label_and_year_axis() -> None:
    result = scenario(
        """\
        investments: [{name: I, partner: gem, amount: 1000, paid_from: own}]
        benefits: [{name: B, partner: gem, amount: 625}]
        """
    )
    assert float(result.payback_years) == pytest.approx(1.6)  # 1 + (1000 − 625) / 625
    nl, en = charts.cumulative_svg(result, "nl"), charts.cumulative_svg(result, "en")
    assert "terugverdiend na 1,6 jaar" in texts(nl)
    assert "pays back after 1.6 years" in texts(en)
    assert {"2021", "2022", "2023"} <= set(texts(nl))
    assert "vanaf het begin van 2021" in " ".join(texts(nl))  # the caption's convention
    assert "from the start of 2021" in " ".join(texts(en))
    assert "€ 1.000" in y_ticks(nl)
    assert "€1,000" in y_ticks(en)


def test_no_payback_in_words() -> None:
    result = scenario(
        """\
        investments: [{name: I, partner: gem, amount: 1000, paid_from: own}]
        benefits: [{name: B, partner: gem, amount: 100}]
        """,
        years=5,
    )
    assert np.isnan(result.payback_years)
    nl, en = charts.cumulative_svg(result, "nl"), charts.cumulative_svg(result, "en")
    assert "geen terugverdiening binnen de horizon van 5 jaar" in texts(nl)
    assert "no payback within the 5-year horizon" in texts(en)
    for svg in (nl, en):
        assert not re.search(r"terugverdiend na|pays back after|nan|inf", " ".join(texts(svg)))


def test_negative_again_is_named() -> None:
    # DOMAIN.md §2: investments 1000, 0, 500, 0 and returns 600, 600, 100, 600 → 1.67,
    # negative again in year 2 (2023).
    text = """\
    series: {r: [600, 600, 100, 600]}
    investments:
      - {name: I1, partner: gem, amount: 1000, year: 2021, paid_from: own}
      - {name: I2, partner: gem, amount: 500, year: 2023, paid_from: own}
    benefits: [{name: B, partner: gem, amount: r}]
    """
    shown = " ".join(texts(charts.cumulative_svg(scenario(text, years=4), "en")))
    assert "pays back after 1.7 years; negative again in 2023" in shown


def test_big_amounts_in_millions() -> None:
    result = scenario(
        """\
        baseline: [{name: B, partner: gem, amount: 2500000}]
        budget: [{name: Bu, partner: gem, amount: 2500000}]
        effort: [{name: E, partner: wmo, amount: 1500000}]
        """
    )
    nl = y_ticks(charts.baseline_vs_pact_svg(result, "nl"))
    en = y_ticks(charts.baseline_vs_pact_svg(result, "en"))
    assert "€ 1 mln" in nl or "€ 1,0 mln" in nl, nl
    assert any(tick.endswith("m") for tick in en), en
    assert all(TICK["nl"].match(tick) for tick in nl)


def test_money_tick() -> None:
    assert charts.money_tick(1_000_000, [0, 1_000_000, 2_000_000], "nl") == "€ 1 mln"
    assert charts.money_tick(250_000, [0, 250_000, 750_000], "nl") == "€ 250.000"
    assert charts.money_tick(-250_000, [-250_000, 0], "en") == "-€250,000"
    assert charts.money_tick(2_500_000, [0, 2_500_000, 5_000_000], "en") == "€2.5m"
    assert charts.money_tick(-1_250_000, [-1_250_000, 0, 1_250_000], "nl") == "€ -1,25 mln"
    assert charts.money_tick(0, [0, 1e6], "nl") == "€ 0"


HOSTILE = """\
- {id: evil, name: "<script>alert(1)</script>"}
- {id: amp, name: "Zorg & Welzijn <b>"}
- {id: math, name: "Kosten $x$ en $y$"}
"""
HOSTILE_BODY = """\
budget: [{name: B, partner: evil, amount: 1000}]
effort:
  - {name: E1, partner: evil, amount: 100}
  - {name: E2, partner: amp, amount: 200}
  - {name: E3, partner: math, amount: 300}
"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_scenario_text_is_escaped(lang: str) -> None:
    result = scenario(HOSTILE_BODY, name='"A & B <i>"', partners=HOSTILE)
    for name, svg in charts.all_charts(result, lang).items():
        assert "<script" not in svg, name
        assert "<b>" not in svg, name
        assert "<i>" not in svg, name
        assert "& " not in svg, name  # every ampersand is an entity
        ET.fromstring(svg)
        title = ET.fromstring(svg).find(f"{SVG}title")
        assert title is not None
        assert (title.text or "").startswith("A & B <i> — ")
    shown = texts(charts.effort_vs_budget_svg(result, lang))
    assert "<script>alert(1)</script>" in shown  # shown as text, after XML unescaping
    assert "Zorg & Welzijn <b>" in shown
    assert "Kosten $x$ en $y$" in shown  # dollars are text, not mathematics


def test_negative_effort_stacks_below_zero() -> None:
    result = scenario(
        """\
        budget: [{name: B, partner: gem, amount: 1000}]
        effort:
          - {name: E1, partner: gem, amount: 600}
          - {name: E2, partner: wmo, amount: -200}
        """
    )
    svg = charts.effort_vs_budget_svg(result, "nl")
    assert y_ticks(svg)[0] == "€ -250"  # the axis reaches below zero
    assert {"Gemeente", "Wmo"} <= set(texts(svg))


def test_many_partners_and_long_horizon() -> None:
    partners = "".join(f"- {{id: p{i}, name: Partner {i}}}\n" for i in range(12))
    effort = "".join(
        f"  - {{name: E{i}, partner: p{i}, amount: {1000 * (i + 1)}}}\n" for i in range(12)
    )
    result = scenario(
        "budget: [{name: B, partner: p0, amount: 100000}]\neffort:\n" + effort,
        partners=partners,
        years=30,
    )
    svg = charts.effort_vs_budget_svg(result, "en")
    shown = texts(svg)
    assert all(f"Partner {i}" in shown for i in range(12))
    assert "2021" in shown
    assert "2050" not in shown
    root = ET.fromstring(svg)
    assert float(root.get("height", "0").removesuffix("pt")) > 252  # taller for the legend


def test_samples_are_refused() -> None:
    document = run_file(EXAMPLES[0])
    assert document.scenario is not None
    name = next(iter(document.scenario.parameters))
    value = document.scenario.parameters[name].value
    sampled = compute(document.scenario, parameters={name: np.full((4, 1), value)})
    with pytest.raises(ValueError, match="deterministic run"):
        charts.cumulative_svg(sampled, "nl")


def test_png_for_a_look(tmp_path: Path) -> None:
    document = run_file(EXAMPLES[0])
    assert document.result is not None
    png = charts.chart_bytes("cumulative", document.result, "nl")
    assert png.startswith(b"\x89PNG")


def test_import_does_not_import_matplotlib() -> None:
    code = (
        "import sys, pactcalc.render.charts\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_rc_params_do_not_leak() -> None:
    import matplotlib

    before = dict(matplotlib.rcParams)
    charts.cumulative_svg(scenario("benefits: [{name: B, partner: gem, amount: 1}]\n"), "nl")
    assert dict(matplotlib.rcParams) == before


def test_chart_by_name_for_the_report_model() -> None:
    from pactcalc.uncertainty import analyse

    document = run_file(ROOT / "examples" / "beschermd-wonen.yaml")
    assert document.result is not None
    assert document.scenario is not None
    result, analysis = document.result, analyse(document.scenario, document.checks)
    assert analysis is not None
    uncertainty_names = ("tornado", "npv_distribution", "fan_chart", "partner_nets")
    assert tuple(charts.NAMES) == (*NAMES, *uncertainty_names)
    partner_names = {p.id: p.name for p in result.partners}
    by_function = {
        **charts.all_charts(result, "en"),
        "tornado": charts.tornado_svg(analysis.sensitivity, "en"),
        "npv_distribution": charts.npv_distribution_svg(analysis.simulation, "en"),
        "fan_chart": charts.fan_chart_svg(analysis.simulation, result.years, "en"),
        "partner_nets": charts.partner_nets_svg(analysis.simulation, partner_names, "en"),
    }
    for name in charts.NAMES:  # the same bytes as the chart's own function
        assert charts.svg(name, result, analysis, "en") == by_function[name], name
    assert charts.png("tornado", result, analysis, "nl", dpi=40).startswith(b"\x89PNG")
    assert charts.svg("cumulative", result, None, "nl").startswith("<svg")  # no analysis needed
    with pytest.raises(ValueError, match="needs an analysis"):
        charts.svg("tornado", result, None, "nl")
    with pytest.raises(ValueError, match="no chart named 'pie'"):
        charts.svg("pie", result, analysis, "nl")
