"""`pactcalc compare` (issue 10, "What the advisor hit" 7): the difference to the first
scenario in a column of its own, signed the same way everywhere and in its metric's unit;
the terminal table fits the window and escapes scenario text; Markdown, CSV and HTML
have the same columns; the HTML page fits the width of A4.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, runner, write
from test_terminal_width import widest
from test_text_is_data import HOSTILE, _assert_inert

from pactcalc.cli import app
from pactcalc.engine import compare_results
from pactcalc.pipeline import run_file
from pactcalc.render import compare as render_compare
from pactcalc.report.compare import MINUS, comparison_table, difference_text

BASE = ROOT / "examples" / "beschermd-wonen.yaml"


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a transition of 200,000 instead of 150,000: with the example's
    20 % optimism bias, 60,000 more investment and 60,000 less net present value."""
    text = BASE.read_text("utf-8").replace("\nname: ", "\nname: Variant — ", 1)
    assert "value: 150000" in text
    return write(
        tmp_path_factory.mktemp("variant"),
        text.replace("value: 150000", "value: 200000", 1),
        "variant.yaml",
    )


def _compared(*paths: Path) -> tuple[object, list[object]]:
    documents = [run_file(p, p.name) for p in paths]
    results = [d.result for d in documents]
    assert all(r is not None for r in results)
    return compare_results(results), results  # type: ignore[arg-type]


# --------------------------------------------------------------- the difference's text


@pytest.mark.parametrize(
    ("metric", "value", "lang", "expected"),
    [
        ("npv", 60_000.0, "nl", "+€ 60.000"),
        ("npv", -4_362_070.4, "nl", f"{MINUS}€ 4.362.070"),
        ("npv", -60_000.0, "en", f"{MINUS}€60,000"),
        ("investment_total", 0.4, "nl", "€ 0"),  # rounds to zero: no sign
        ("payback_years", 0.4, "nl", "+0,4 jaar"),
        ("payback_years", -1.24, "en", f"{MINUS}1.2 years"),
        ("payback_years", 0.0, "nl", "0,0 jaar"),
        ("roi", -2.176, "nl", f"{MINUS}2,18"),  # a ratio: no euro sign
        ("bcr", 0.5, "en", "+0.50"),
        ("payback_years", float("nan"), "nl", "—"),  # one of the two has no payback
    ],
)
def test_a_difference_is_signed_in_its_unit(
    metric: str, value: float, lang: str, expected: str
) -> None:
    assert difference_text(metric, value, lang) == expected


def test_the_difference_has_its_own_column(variant: Path) -> None:
    comparison, results = _compared(BASE, variant)
    table = comparison_table(comparison, results, "nl")  # type: ignore[arg-type]
    assert list(table.header[2:]) == [comparison.names[1], "verschil"]  # type: ignore[attr-defined]
    rows = {row[0]: row for row in table.rows}
    # 150,000 → 200,000 transition, × 1.2 optimism bias: 270,000 → 330,000
    assert rows["Investering (totaal)"][1:] == ["€ 270.000", "€ 330.000", "+€ 60.000"]
    assert rows["Netto contante waarde"][3] == f"{MINUS}€ 60.000"
    assert rows["Terugverdientijd"][3].endswith(" jaar")
    for row in table.rows:  # a value cell holds the value only
        assert all("(" not in cell for cell in row[1:]), row


def test_markdown_and_csv_have_the_same_columns(variant: Path, tmp_path: Path) -> None:
    paths = [BASE, variant, EXAMPLES[1]]
    comparison, results = _compared(*paths)
    table = comparison_table(comparison, results, "en")  # type: ignore[arg-type]
    # a metric, the first scenario, then value and difference for each of the other two
    assert len(table.header) == 1 + 1 + 2 * 2
    markdown = render_compare.markdown(comparison, results, "en")  # type: ignore[arg-type]
    lines = [line for line in markdown.splitlines() if line.startswith("|")]
    assert lines[1] == "| --- |" + " ---: |" * 5
    assert all(line.count(" | ") == 5 for line in lines[2:])
    assert f"| {MINUS}€60,000 |" in markdown
    rows = list(csv.reader(io.StringIO(render_compare.as_csv(comparison, results, "en"))))  # type: ignore[arg-type]
    assert rows[0][0] == "metric"
    assert rows[0][3] == f"diff: {comparison.names[1]}"  # type: ignore[attr-defined]
    assert rows[0][5] == f"diff: {comparison.names[2]}"  # type: ignore[attr-defined]
    by_metric = {row[0]: row for row in rows[1:]}
    assert float(by_metric["investment_total"][3]) == pytest.approx(60_000.0)
    assert float(by_metric["npv"][3]) == pytest.approx(-60_000.0)


# ------------------------------------------------------------------------ the terminal


@pytest.mark.parametrize("width", [80, 120])
def test_the_terminal_table_fits_the_window(variant: Path, width: int) -> None:
    files = [str(BASE), str(variant), *map(str, EXAMPLES[1:])]
    result = runner.invoke(app, ["compare", *files], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    assert widest(result.stdout) <= width
    for amount in ("€ 270.000", "€ 330.000", "+€ 60.000"):  # numbers are never cut
        assert amount in result.stdout


def test_every_format_escapes_scenario_text(tmp_path: Path) -> None:
    hostile = write(tmp_path, HOSTILE, "hostile.yaml")
    shown = runner.invoke(app, ["compare", str(BASE), str(hostile)], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    _assert_inert(shown.stdout)
    assert "\\x1b]52" in shown.stdout
    for suffix in (".md", ".html", ".csv"):
        out = tmp_path / f"c{suffix}"
        written = runner.invoke(app, ["compare", str(BASE), str(hostile), "-o", str(out)])
        assert written.exit_code == 0, written.output
        text = out.read_text("utf-8")
        _assert_inert(text)
        assert "\\u202e" in text


# ------------------------------------------------------------------------------ HTML


def test_the_html_page_sets_at_most_two_scenarios_beside_the_first(variant: Path) -> None:
    paths = [BASE, variant, *EXAMPLES[1:]]
    comparison, results = _compared(*paths)
    page = render_compare.html(comparison, results, "nl")  # type: ignore[arg-type]
    tables = re.findall(r"<table.*?</table>", page, flags=re.S)
    assert len(tables) == 2  # three scenarios beside the first: two, then one
    heads = [re.search(r"<thead>.*?</thead>", table) for table in tables]
    cells = [re.findall(r"<th(?:\s[^>]*)?>", head.group(0)) for head in heads if head]
    assert [len(c) for c in cells] == [1 + 1 + 2 * 2, 1 + 1 + 2]
    for table in tables:  # each repeats the first scenario's value
        assert "€ 270.000" in table
    cells = re.findall(r"<td[^>]*>(.*?)</td>", "".join(tables))
    assert cells
    assert all("(" not in cell for cell in cells)  # a value cell holds the value only
