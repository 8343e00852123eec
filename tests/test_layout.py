"""The HTML report's layout and the charts' text (issue 10, "What the advisor hit" 7 and
"Text is data in every output").

Print: no forced page breaks (they left near-empty pages), headings kept with what
follows, small tables and figures unbroken, the trails of lines in two columns. Names
in "Invoer en bronnen" break after ``_`` rather than mid-word; a header is aligned as
its column; the adjustments table gets smaller type and wrapping headers. The pages
themselves are counted by Chromium in ``test_report_browser.py``.

Charts: scenario text in a chart (a title, a legend, a tick label, the SVG's ``<title>``)
shows its control characters escaped, is XML-escaped, and is never read as mathematics.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, document_of, write
from test_agreement_report import PACT
from test_text_is_data import ACTIVE, HOSTILE

from pactcalc.pipeline import run_file
from pactcalc.render import html as report_html
from pactcalc.report.blocks import Section, Table, Trail, TrailStep

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def page() -> str:
    document = run_file(EXAMPLES[0], EXAMPLES[0].name)
    return report_html.render(document, "nl")


# ------------------------------------------------------------------------------ print


def test_no_section_forces_a_page_break(page: str) -> None:
    print_css = report_html.CSS[report_html.CSS.index("@media print") :]
    assert "break-before: page" not in report_html.CSS
    assert "pagebreak" not in page
    assert "h2, h3, h4 { break-after: avoid; }" in report_html.CSS
    assert ".trails { columns: 2;" in print_css
    for kept in ("figure {", ".card {", "table.small {", ".trail {"):
        rule = report_html.CSS[report_html.CSS.index(kept) :].split("}")[0]
        assert "break-inside: avoid" in rule, kept


class _Containers(HTMLParser):
    """For each trail (by id): is it inside a ``<div class="trails">``?"""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.in_columns: dict[str, bool] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        found = dict(attrs)
        if found.get("class") == "trail":
            self.in_columns[str(found.get("id"))] = "trails" in self.open
        self.open.append(found.get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self.open.pop()


def test_the_trails_of_lines_stand_in_two_columns(page: str) -> None:
    containers = _Containers()
    containers.feed(page)
    # the example's lines: "Reguliere begeleiding" is 30 × 24 × 48 × 44,64 € a year
    assert containers.in_columns["trail-Reguliere-begeleiding"]
    # effort_total adds every effort line a year: too wide for a column
    assert not containers.in_columns["trail-effort_total"]


def test_a_trail_is_narrow_by_its_widest_formula() -> None:
    step = TrailStep("2024", "30 × € 31.000", "€ 930.000")
    wide = TrailStep("2024", " + ".join(["€ 100.000"] * 6), "€ 600.000")
    narrow_trail = Trail("a", "A = € 1", [step])
    wide_trail = Trail("b", "B = € 1", [step, wide])
    drawn = report_html.draw_sections([Section("s", "S", [narrow_trail, wide_trail])], {})
    assert drawn.count('<div class="trails">') == 1
    assert drawn.index('id="trail-a"') > drawn.index('<div class="trails">')
    assert drawn.index('id="trail-b"') > drawn.index("</div></div>")


def test_names_break_after_underscores_not_mid_word(page: str) -> None:
    # the parameter of the example's specialist hours, as in "Invoer en bronnen"
    assert "<code>uren_<wbr>specialistisch_<wbr>per_<wbr>week</code>" in page
    assert "overflow-wrap: anywhere" not in report_html.CSS
    assert "word-break: normal" in report_html.CSS
    # a run of 24 characters without a break stays whole; a longer one is cut at 24
    assert report_html.breakable("a" * 24) == "a" * 24
    assert report_html.breakable("a" * 30) == "a" * 24 + "<wbr>" + "a" * 6
    assert report_html.wrappable("x_y" + "z" * 30) == "x_y" + "z" * 21 + "<wbr>" + "z" * 9


def test_a_header_is_aligned_as_its_column() -> None:
    table = Table(
        "inputs",
        "Invoer",
        ["naam", "waarde", "bron"],
        [["p", "3", "aanname: drie"]],
        align=["left", "right", "text"],
        code=[0],
    )
    drawn = report_html.draw_sections([Section("inputs", "Invoer", [table])], {})
    assert '<th class="right">waarde</th><th class="wrap">bron</th>' in drawn
    assert '<table class="money small">' in drawn


def test_a_table_of_many_columns_gets_smaller_type_and_wrapping_headers() -> None:
    header = ["Regel", "Bruto", "Optimisme-correctie", "Wat toch al gebeurd was", "a", "b"]
    table = Table("adjustments", "Aanpassingen", header, [["x", *["€ 1"] * 5]])
    drawn = report_html.draw_sections([Section("adjustments", "Aanpassingen", [table])], {})
    assert '<table class="money small wide">' in drawn
    assert "table.wide { font-size: 8pt; }" in report_html.CSS
    # a header wraps at its words: no rule keeps a header cell on one line
    assert not re.search(r"th[^{]*\{[^}]*nowrap", report_html.CSS)


def test_a_long_table_may_break_between_rows_only() -> None:
    rows = [[str(year), "€ 1"] for year in range(2020, 2020 + report_html.SMALL_TABLE + 1)]
    drawn = report_html.draw_sections([Section("y", "Y", [Table("y", "Y", ["", "€"], rows)])], {})
    assert '<table class="money">' in drawn
    assert "tr { break-inside: avoid; }" in report_html.CSS


# ----------------------------------------------------------------------------- charts


def _charts(text: str, tmp_path: Path, names: tuple[str, ...]) -> dict[str, str]:
    from pactcalc.render.charts import svg
    from pactcalc.uncertainty import analyse

    document = run_file(write(tmp_path, text, "hostile.yaml"), "hostile.yaml")
    assert document.result is not None
    assert document.scenario is not None
    analysis = analyse(document.scenario, document.checks)
    return {name: svg(name, document.result, analysis, "nl") for name in names}


#: The hostile scenario with markup and mathematics in a partner's name besides.
MARKED = HOSTILE.replace('name: "Wmo', 'name: "<script>x</script> $x^2$ Wmo')


@pytest.mark.filterwarnings("ignore::UserWarning")  # no glyph for what was an ESC before
def test_scenario_text_in_a_chart_is_escaped(tmp_path: Path) -> None:
    from pactcalc.render.charts import NAMES

    charts = _charts(MARKED, tmp_path, NAMES)
    for name, svg in charts.items():
        ET.fromstring(svg)  # well-formed: XML forbids ESC and most controls
        found = ACTIVE.search(svg)
        assert found is None, (name, svg[max(0, found.start() - 40) : found.end() + 10])
        assert "<script" not in svg, name
    # the scenario's name in the SVG's <title>, its controls written as escapes
    assert "<title>Naam\\x1b]52;c;aGVsbG8=\\x07" in charts["cumulative"]
    # the partner's name in the partner-net chart: markup escaped, "$x^2$" as text
    partner_nets = charts["partner_nets"]
    assert "&lt;script&gt;x&lt;/script&gt; $x^2$ Wmo\\u202eredivoa\\x9b31m" in partner_nets


def test_a_partner_name_in_the_agreement_chart_is_escaped(tmp_path: Path) -> None:
    hostile = PACT.replace("name: Wmo-aanbieder", 'name: "Wmo\\e[2J $y$\\u202e"')
    from pactcalc.render.charts import AGREEMENT_CHARTS

    document_of(hostile)  # loads and computes
    (agreement,) = _charts(hostile, tmp_path, AGREEMENT_CHARTS).values()
    ET.fromstring(agreement)
    assert "Wmo\\x1b[2J $y$\\u202e" in agreement
    assert ACTIVE.search(agreement) is None


def test_a_ten_year_table_is_drawn_in_two_parts_each_with_its_labels() -> None:
    # ten years and the total: eleven amount columns, more than fit A4 side by side;
    # in parts of six and five (as even as possible), each with the partner column
    header = ["Partner", *map(str, range(2025, 2035)), "Totaal"]
    rows = [["Gemeente", *["€ 1.520.000"] * 10, "€ 15.200.000"], ["Totaal", *["€ 1"] * 11]]
    table = Table("effort", "Inzet", header, rows, total_row=True)
    drawn = report_html.draw_sections([Section("effort", "Inzet", [table])], {})
    parts = re.findall(r"<table.*?</table>", drawn, flags=re.S)
    assert len(parts) == 2
    assert [part.count("<th") - part.count("<thead") for part in parts] == [
        (1 + 6) + 2,  # the header row and a label per row
        (1 + 5) + 2,
    ]
    assert ">2030</th>" in parts[0]
    assert ">2031</th>" in parts[1]
    assert all("Gemeente" in part and 'class="total"' in part for part in parts)
    assert ">€ 15.200.000</td>" in parts[1]
    assert report_html.MOST_AMOUNT_COLUMNS == 7


def test_words_in_an_amount_column_wrap() -> None:
    # "no payback within the horizon" in a comparison's value column: it wraps, where an
    # amount (at most 18 characters, "€ -12.345.678.901") stays on one line
    rows = [["Terugverdientijd", "niet binnen de horizon van 10 jaar", "€ -12.345.678.901"]]
    table = Table("compare", "", ["", "A", "B"], rows)
    drawn = report_html.draw_sections([Section("compare", "", [table])], {})
    assert "<td class='words'>niet binnen de horizon van 10 jaar</td>" in drawn
    assert "<td>€ -12.345.678.901</td>" in drawn
    assert "table.money td.words { white-space: normal;" in report_html.CSS
