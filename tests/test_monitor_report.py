"""``pactcalc report ACTUALS`` and the monitoring's report model (issue 12, DOMAIN.md §8):
the monitoring first, then the plan's report; the three monitoring charts in HTML and
Markdown; the CSV of ``monitor``; the workbook another module writes; the sentences on
the payback; a Dutch report without English words."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import ROOT, runner
from test_report_wording import _leftovers, _quoted_inputs, _Text

from pactcalc.cli import app
from pactcalc.pipeline import monitor_file
from pactcalc.render import charts
from pactcalc.render.charts.monitoring import MONITORING_CHARTS, monitoring_charts
from pactcalc.report.monitoring import build_monitor, payback_sentence
from pactcalc.report.variance import sorted_lines

EXAMPLE = ROOT / "examples" / "beschermd-wonen-realisatie-2022.yaml"
PLAN = ROOT / "examples" / "beschermd-wonen.yaml"

#: The words of the monitoring in English that a Dutch reader should not meet (the
#: example's names and sources are Dutch).
ENGLISH = re.compile(
    r"\b(expectation|expected|favourable|unfavourable|behind|forecast|provisional|booked"
    r"|variance|actuals|on track|target)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def html_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "r.html"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


def _visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "\n".join(parser.parts)


def test_the_html_report_shows_the_monitoring_first(html_report: str) -> None:
    text = _visible_text(html_report)
    monitoring = text.index("Realisatie tegen het plan")
    assert monitoring < text.index("Het getekende plan") < text.index("Het antwoord")
    assert "De terugverdientijd houdt stand" in text
    assert "Verschil per regel: plan tegen verwachting" in text
    assert "Realisatie t/m 2022 (illustratief)" in text  # the actuals' name in the header


def test_the_html_report_draws_the_monitoring_charts(html_report: str) -> None:
    for title in (
        "Cumulatief saldo: plan tegen verwachting",
        "Van plan naar verwachting: het saldo in delen",
        "KPI&#x27;s: waarde tegen doel",
    ):
        assert title in html_report or title.replace("&#x27;", "'") in html_report
    assert html_report.count("<svg") >= 3 + 3  # the monitoring's three and the plan's own
    # the plan's report is whole: its cumulative chart and its audit trail are there
    assert 'id="trail-npv"' in html_report


def test_the_dutch_report_has_no_english(html_report: str) -> None:
    text = _visible_text(html_report)
    quoted = _quoted_inputs(PLAN)
    assert _leftovers(text, quoted) == []
    start, end = text.index("Realisatie tegen het plan"), text.index("Het getekende plan")
    monitoring = text[start:end]
    for check in ("headroom_min >= 0", "npv > 0", "net_settled_total"):  # checks as written
        monitoring = monitoring.replace(check, "")
    assert ENGLISH.findall(monitoring) == []


def test_the_english_report_says_it_in_english(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = _visible_text(out.read_text("utf-8"))
    assert "Actuals against the plan" in text
    assert "The payback still holds" in text
    assert '<html lang="en">' in out.read_text("utf-8")


def test_the_markdown_report_writes_the_charts_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    markdown = out.read_text("utf-8")
    for name in MONITORING_CHARTS:
        svg = tmp_path / f"r-{name}.svg"
        assert svg.read_text("utf-8").startswith("<svg")
        assert f"](r-{name}.svg)" in markdown
    assert (tmp_path / "r-cumulative.svg").exists()  # the plan's charts too
    assert markdown.index("## Realisatie tegen het plan") < markdown.index("Het antwoord")


def test_the_csv_report_is_the_monitor_csv(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["monitor", str(EXAMPLE), "--format", "csv"])
    assert out.read_text("utf-8") == shown.stdout


def test_the_xlsx_report_is_the_workbook_with_its_actuals_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["report", str(EXAMPLE), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    assert "Actuals" in workbook.sheetnames
    assert (tmp_path / "r.xlsx").stat().st_size > 0


def test_an_invalid_actuals_file_writes_no_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        f"pactcalc-actuals: 1\nscenario: {PLAN}\nyears:\n"
        "  2021: {status: final, kpis: {x: 1}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(bad), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(bad))}:4:\d+: error: PC50\d", result.stderr)
    assert not out.exists()


def test_a_scenario_still_gets_the_plans_report(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(PLAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Realisatie tegen het plan" not in out.read_text("utf-8")


# ------------------------------------------------------------------ the charts


def test_the_charts_are_deterministic_and_named() -> None:
    monitoring = monitor_file(EXAMPLE).monitoring
    assert monitoring is not None
    first = monitoring_charts(monitoring, "nl")
    assert list(first) == list(MONITORING_CHARTS)
    assert first == monitoring_charts(monitoring, "nl")  # byte for byte
    drawn = charts.svg("monitoring_waterfall", monitoring.plan, None, "en", monitoring)
    assert drawn == monitoring_charts(monitoring, "en")["monitoring_waterfall"]
    assert "From plan to expectation" in drawn
    with pytest.raises(ValueError, match="needs a monitoring"):
        charts.svg("monitoring_cumulative", monitoring.plan, None, "nl")


def test_no_monitoring_no_charts() -> None:
    assert monitoring_charts(None, "nl") == {}


# ------------------------------------------------------------------ the report model


def test_the_sections_in_order() -> None:
    built = build_monitor(monitor_file(EXAMPLE), "nl")
    assert [s.id for s in built.sections] == [
        "monitoring",
        "monitoring_variance",
        "monitoring_partners",
        "monitoring_years",
        "monitoring_kpis",
        "monitoring_reforecast",
        "monitoring_checks",
        "monitoring_notes",
    ]
    notes = built.section("monitoring_notes")
    assert notes is not None
    # no baseline amount is booked: the baseline stays the plan's, and the report says so
    assert "De kosten zonder PACT blijven die van het plan" in notes.blocks[0].text  # type: ignore[union-attr]


def test_lines_are_sorted_by_the_size_of_their_difference() -> None:
    lines = [
        SimpleNamespace(name="small", difference=-5.0, favourable=True),
        SimpleNamespace(name="none", difference=0.0, favourable=None),
        SimpleNamespace(name="large", difference=120.0, favourable=False),
        SimpleNamespace(name="middle", difference=-60.0, favourable=True),
    ]
    names = [line.name for line in sorted_lines(lines)]  # type: ignore[arg-type]
    assert names == ["large", "middle", "small", "none"]


def _found(plan: float, expectation: float, invested: float = 1.0) -> Any:
    def result(payback: float) -> SimpleNamespace:
        return SimpleNamespace(payback_years=payback, metric=lambda name: invested)

    return SimpleNamespace(
        years=[2021, 2022, 2023], plan=result(plan), expectation=result(expectation)
    )


@pytest.mark.parametrize(
    ("plan", "expectation", "invested", "says"),
    [
        (1.84, 1.79, 1.0, "The payback still holds: 1.79 years expected, 1.84 years in the plan."),
        (1.84, 1.841, 1.0, "The payback still holds"),  # equal as shown
        (1.84, 2.50, 1.0, "The payback moves later: 2.50 years expected, 1.84 years"),
        (1.84, float("nan"), 1.0, "The payback no longer holds"),
        (float("nan"), 2.0, 1.0, "now expected to pay back in 2.00 years"),
        (float("nan"), float("nan"), 1.0, "As in the plan, the investment does not pay back"),
        (float("nan"), float("nan"), 0.0, "There is no investment to pay back."),
    ],
)
def test_whether_the_payback_holds(plan: float, expectation: float, invested: float, says: str):
    assert says in payback_sentence(_found(plan, expectation, invested), "en")
