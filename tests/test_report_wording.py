"""Issue 10, the report's content: rounded tables foot or say why not, the budget
sentence at the cent, which lines the budget pays, a year table that reconciles, no
investment said as such, line sources marked as assumptions, probabilities never shown
as a rounded 0% or 100%, scenario text on one line in a sentence, and a Dutch report
without English or technical leftovers. Expected numbers from the arithmetic beside them."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from pactcalc import metrics
from pactcalc.cli import app
from pactcalc.pipeline import Document, evaluate, load_scenario_text
from pactcalc.report import build
from pactcalc.report.blocks import Paragraph, Report, Table
from pactcalc.report.business import answers, sources
from pactcalc.report.uncertainty import parameter_label
from pactcalc.report.values import one_line, parts_foot, probability_percent

ROUNDING_NOTE = "Elk bedrag is op zichzelf afgerond op hele euro's"


def document(body: str) -> Document:
    text = "pactcalc: 1\nname: T\nstart_year: 2024\n" + textwrap.dedent(body)
    found = evaluate(load_scenario_text(text, "t.yaml"))
    assert found.result is not None, found.problems
    return found


def section_blocks(report: Report, id: str) -> list[Any]:
    section = report.section(id)
    assert section is not None
    return list(section.blocks)


def table(report: Report, id: str) -> Table:
    return next(t for t in report.tables() if t.id == id)


def notes(report: Report, id: str) -> list[str]:
    return [b.text for b in section_blocks(report, id) if isinstance(b, Paragraph) and b.note]


# --------------------------------------------------------------------------- rounding


def test_parts_foot_as_a_controller_adds_them():
    # 500,4 + 2.000,4 − 2,6 − 1,4 = 2.496,8 → shown 500 + 2.000 − 3 − 1 = 2.496 ≠ 2.497
    assert not parts_foot([500.4, 2000.4, -2.6, -1.4], 2496.8)
    assert parts_foot([500.0, 2000.0, -3.0, -1.0], 2496.0)
    # half away from zero, as money() shows: 0,5 → 1 and −0,5 → −1
    assert parts_foot([0.5, -0.5], 0.0)


TWO_PARTNERS = """\
years: 1
partners: [{id: a, name: A}, {id: b, name: B}]
baseline: [{name: Oud, partner: a, amount: 5000}]
budget: [{name: Budget, partner: a, amount: 5000}]
effort:
  - {name: Een, partner: a, amount: EEN}
  - {name: Twee, partner: b, amount: TWEE}
"""


def test_a_table_whose_rounded_parts_do_not_foot_says_so_under_it():
    # 500,4 + 2.000,4 = 2.500,8: shown € 500 + € 2.000 against a total of € 2.501
    found = build(document(TWO_PARTNERS.replace("EEN", "500.4").replace("TWEE", "2000.4")))
    effort = table(found, "effort_by_partner")
    assert [row[-1] for row in effort.rows] == ["€ 500", "€ 2.000", "€ 2.501"]
    assert any(ROUNDING_NOTE in note for note in notes(found, "effort_by_partner"))
    # the parts stay the correctly rounded amounts (2.000,4 is € 2.000 everywhere)
    assert table(found, "effort_by_partner").rows[1][1] == "€ 2.000"


def test_a_table_whose_parts_foot_has_no_note():
    found = build(document(TWO_PARTNERS.replace("EEN", "500").replace("TWEE", "2000")))
    for id in ("effort_by_partner", "by_year", "who_pays"):
        assert not any(ROUNDING_NOTE in note for note in notes(found, id)), id


# --------------------------------------------------------------------------- the budget


def test_a_budget_that_equals_its_lines_to_the_cent_suffices():
    # 1.000,11 + 1.383,63 = 2.383,74: the float headroom is −4.5e-13, at the cent 0
    found = document(
        """\
        years: 1
        partners: [{id: g, name: G}]
        baseline: [{name: Oud, partner: g, amount: 2383.74}]
        budget: [{name: Budget, partner: g, amount: 2383.74}]
        effort:
          - {name: Een, partner: g, amount: 1000.11}
          - {name: Twee, partner: g, amount: 1383.63}
        """
    )
    assert found.result is not None
    said = answers(found.result, "nl")
    assert said[0] == "Het budget is in elk jaar toereikend voor de inzet uit het budget."


def test_a_shortfall_under_half_a_euro_is_said_in_cents():
    # 1.000 − 1.000,40 = −0,40: "€ 0" would say there is no shortfall
    found = document(
        """\
        years: 1
        partners: [{id: g, name: G}]
        baseline: [{name: Oud, partner: g, amount: 2000}]
        budget: [{name: Budget, partner: g, amount: 1000}]
        effort: [{name: Een, partner: g, amount: 1000.40}]
        """
    )
    assert found.result is not None
    assert (
        answers(found.result, "nl")[0] == "Het budget schiet tekort: in 2024 is de ruimte € -0,40."
    )


# --------------------------------------------------------------------------- paid from

PAID_FROM = """\
years: 2
partners: [{id: g, name: Gemeente}, {id: w, name: Wmo}, {id: c, name: Corporatie}]
baseline: [{name: Oud, partner: g, amount: 1000}]
budget: [{name: Budget, partner: g, amount: 1000}]
effort:
  - {name: Begeleiding, partner: w, amount: 600}
  - {name: Woningen, partner: c, amount: 100, paid_from: own}
  - {name: Regie, partner: g, amount: 50}
  - {name: Eigen regie, partner: g, amount: 10, paid_from: own}
investments:
  - {name: Start, partner: g, amount: 200, year: 2024}
  - {name: Verbouwing, partner: c, amount: 30, year: 2024, paid_from: own}
"""


def test_run_says_which_lines_the_budget_pays():
    found = build(document(PAID_FROM))
    assert notes(found, "effort_by_partner") == [
        "Betaald uit het budget: inzet van Gemeente (deels) en Wmo; investering Start.\n"
        "Eigen bijdrage (niet uit het budget): inzet van Gemeente (deels) en Corporatie; "
        "investering Verbouwing."
    ]


def test_the_year_table_reconciles_budget_and_headroom():
    found = build(document(PAID_FROM))
    rows = {row[0]: row[1:] for row in table(found, "by_year").rows}
    # 2024: 1.000 − (600 + 50) − 200 = 150; 2025: 1.000 − 650 − 0 = 350; total 500
    assert rows["Budget"] == ["€ 1.000", "€ 1.000", "€ 2.000"]
    assert rows["Inzet uit het budget"] == ["€ 650", "€ 650", "€ 1.300"]
    assert rows["Investering uit het budget"] == ["€ 200", "€ 0", "€ 200"]
    assert rows["Ruimte"] == ["€ 150", "€ 350", "€ 500"]
    # cost without PACT − effort (600 + 100 + 50 + 10 = 760) = savings 240
    assert rows["Inzet"] == ["€ 760", "€ 760", "€ 1.520"]
    assert rows["Besparing"] == ["€ 240", "€ 240", "€ 480"]
    # savings + benefits − investment (200 + 30): 240 − 230 = 10, then 240
    assert rows["Saldo"] == ["€ 10", "€ 240", "€ 250"]
    assert list(rows)[:4] == [
        "Budget",
        "Inzet uit het budget",
        "Investering uit het budget",
        "Ruimte",
    ]


def test_a_scenario_without_investment_says_there_is_none():
    # savings 1.000 − 1.200 = −200 a year: the cumulative never returns to zero, but
    # there is no investment that is "not paid back"
    found = build(
        document(
            """\
            years: 3
            partners: [{id: g, name: G}, {id: w, name: W}]
            baseline: [{name: Oud, partner: g, amount: 1000}]
            budget: [{name: Budget, partner: g, amount: 1000}]
            effort: [{name: Een, partner: w, amount: 1200}]
            """
        )
    )
    assert found.sections[0].blocks[0].text.split("\n")[1] == "Er is geen investering."  # type: ignore[union-attr]
    rows = dict(table(found, "summary").rows)
    assert rows["Terugverdientijd"] == "geen (geen investering)"
    text = "\n".join(str(b) for s in found.sections for b in s.blocks)
    assert "niet binnen de horizon" not in text


def test_a_line_source_marked_as_assumption_is_an_assumption():
    found = document(
        """\
        years: 1
        partners: [{id: g, name: G}]
        baseline: [{name: Oud, partner: g, amount: 1000, source: "aanname: schatting"}]
        budget: [{name: Budget, partner: g, amount: 1000, source: "Begroting 2024"}]
        """
    )
    assert found.result is not None
    cited, assumed = sources(found.result, "nl")
    assert "Oud (regel): aanname: schatting" in assumed
    assert "Budget (regel): Begroting 2024" in cited
    assert not any(item.startswith("Oud") for item in cited)


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("p", "lang", "shown"),
    [
        (0.9998, "nl", "99,98%"),  # not 100,0%
        (3 / 100_000, "nl", "0,003%"),  # 3 samples in 100.000, not 0,0%
        (0.843, "nl", "84,3%"),  # the common case unchanged
        (4.47e-5, "nl", "0,004%"),  # the standard error of 99,98% at 100.000 samples
        (0.0, "nl", "0,0%"),  # exactly 0 is 0
        (1.0, "en", "100.0%"),
        (1e-7, "nl", "< 0,001%"),
        (1 - 1e-7, "nl", "> 99,999%"),
    ],
)
def test_a_probability_is_never_a_rounded_0_or_100(p: float, lang: str, shown: str):
    assert probability_percent(p, lang) == shown


def test_a_literal_amount_reads_as_written():
    found = build(
        document(
            """\
            years: 1
            partners: [{id: g, name: G}]
            baseline: [{name: Oud, partner: g, amount: 75000}]
            """
        ),
        full=True,
    )
    lines = table(found, "lines")
    assert lines.rows[0][:4] == ["kosten zonder PACT", "Oud", "g", "75.000"]


def test_scenario_text_goes_into_a_sentence_on_one_line():
    assert one_line("bron\r\n::error::x\rz\ny") == "bron ::error::x z y"


def test_the_tornado_shows_a_parameters_label_when_it_has_one():
    scenario: Any = SimpleNamespace(
        parameters={
            "bw_kosten": SimpleNamespace(label="Kosten per\nBW-plek"),
            "uren": SimpleNamespace(),
        }
    )
    assert parameter_label(scenario, "bw_kosten") == "Kosten per BW-plek"
    assert parameter_label(scenario, "uren") == "uren"


# --------------------------------------------------------------------------- Dutch

#: English words and technical tokens a Dutch reader should not meet outside quoted
#: inputs (the scenario's names, ids, expressions, sources and checks) and the names a
#: check and ``pactcalc explain`` use (the metrics' own names).
LEFTOVERS = re.compile(
    r"cumulative|headroom\[|paid_from|\beffort\b|\bbaseline\b|\binvestments\b|\(default\)"
    r"|spread evenly|\bsum of\b|under '|`"
)


class _Text(HTMLParser):
    """The text a reader sees of an HTML page (no scripts, styles or attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _quoted_inputs(path: Path) -> list[str]:
    found = evaluate(load_scenario_text(path.read_text(encoding="utf-8"), str(path)))
    assert found.result is not None
    scenario = found.result.scenario
    quoted = [*scenario.parameters, *scenario.series, "weeks_per_year"]
    quoted += [check.check.text for check in found.result.checks]
    for line in found.result.lines:
        spec = scenario.lines(line.kind)[line.index]
        quoted += [line.name, str(spec.amount), spec.source or ""]
    quoted += list(metrics.REGISTRY)  # the names a check and explain use
    return sorted((q for q in quoted if q), key=len, reverse=True)


def _leftovers(text: str, quoted: list[str]) -> list[str]:
    text = text.replace("\\_", "_")  # Markdown's escaped underscore
    for item in quoted:
        text = text.replace(item, "")
    return [line.strip()[:120] for line in text.splitlines() if LEFTOVERS.search(line)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_dutch_report_has_no_english_or_technical_leftovers(example: Path, tmp_path: Path):
    runner = CliRunner()
    quoted = _quoted_inputs(example)
    html = tmp_path / "r.html"
    assert runner.invoke(app, ["report", str(example), "-o", str(html)]).exit_code == 0
    page = _Text()
    page.feed(html.read_text(encoding="utf-8"))
    assert _leftovers("\n".join(page.parts), quoted) == []

    markdown_file = tmp_path / "r.md"
    assert runner.invoke(app, ["report", str(example), "-o", str(markdown_file)]).exit_code == 0
    markdown = markdown_file.read_text(encoding="utf-8")
    assert "\\`" not in markdown  # a backtick shown as a backtick, in prose
    markdown = re.sub(r"\]\([^)]*\)", "]", markdown)  # a picture's file name
    markdown = re.sub(r"`([^`]*)`", r"\1", markdown)  # code spans: markup, their text stays
    assert _leftovers(markdown, quoted) == []

    result = runner.invoke(app, ["run", str(example)], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert _leftovers(result.stdout, quoted) == []
