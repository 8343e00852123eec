"""The workbook of an actuals file (DOMAIN.md §8): the plan's workbook on the current
expectation, with an Actuals sheet whose cells the live formulas read.

The workbooks are recalculated with the ``formulas`` package (as in tests/test_xlsx.py)
and compared with ``monitor()``'s expectation at the cent; then actuals are typed into
the workbook (or all of them cleared), it is recalculated again and compared with
``monitor()`` on an actuals file that says the same (or with the plan)."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import ROOT

openpyxl = pytest.importorskip("openpyxl")

from test_xlsx import Book, assert_matches_engine, find_row, formulas_values  # noqa: E402
from test_xlsx_agreement import assert_agreement_matches_engine  # noqa: E402

from pactcalc.engine import Result  # noqa: E402
from pactcalc.monitor import Monitoring  # noqa: E402
from pactcalc.pipeline import (  # noqa: E402
    ActualsDocument,
    load_actuals_text,
    monitor_document,
    monitor_file,
    run_file,
)
from pactcalc.render import xlsx  # noqa: E402

EXAMPLE = ROOT / "examples" / "beschermd-wonen-realisatie-2022.yaml"
YEARS = [2021, 2022, 2023, 2024, 2025]  # the plan's horizon
FIRST_YEAR_COLUMN = 3  # C: the Actuals sheet's first year


def monitored(text: str) -> ActualsDocument:
    """An actuals file's text beside the example plan, monitored."""
    found = monitor_document(load_actuals_text(text, "realisatie.yaml", ROOT / "examples"))
    assert found.ok, [p.message("en") for p in found.all_problems]
    assert found.monitoring is not None
    return found


def expectation_of(found: ActualsDocument) -> Monitoring:
    assert found.monitoring is not None
    return found.monitoring


@pytest.fixture(scope="module")
def example() -> ActualsDocument:
    found = monitor_file(EXAMPLE)
    assert found.monitoring is not None
    return found


@pytest.fixture(scope="module")
def example_book(example: ActualsDocument, tmp_path_factory: Any) -> Path:
    path = tmp_path_factory.mktemp("actuals") / "realisatie.xlsx"
    xlsx.actuals_workbook(example, path, "nl")
    return path


def at_the_cent(got: Any, want: float) -> bool:
    """Money equal to the cent (less than half a cent apart)."""
    return isinstance(got, int | float) and abs(float(got) - float(want)) < 0.005


def actuals_row(sheet: Any, header_key: str, text: str, lang: str = "nl") -> int:
    """The row of ``text`` in column A of the Actuals sheet's block ``header_key``."""
    return find_row(sheet, 1, text, start=find_row(sheet, 1, xlsx.label(header_key, lang)))


def year_column(year: int) -> int:
    return FIRST_YEAR_COLUMN + YEARS.index(year)


def assert_equals_at_the_cent(book: Book, result: Result) -> None:
    """The figures a reader takes from the workbook equal ``result``'s to the cent: the net
    per year, the NPV, the paybacks, the headroom, each partner's net after the agreement;
    the KPIs; and every other cell of the business case and the agreement (to 1e-6
    relative)."""
    assert_matches_engine(book, result)
    assert_agreement_matches_engine(book, result)
    by_year = book.sheet("by_year")
    net = find_row(by_year, 1, xlsx.label("net", "nl"))
    for t, year in enumerate(result.years):
        got = book.value(by_year, net, 2 + t)
        assert at_the_cent(got, result.net_per_year[t]), (year, got)
    summary = book.sheet("summary")
    for name in ("npv", "headroom_min", "headroom_total"):
        got = book.value(summary, find_row(summary, 4, name), 2)
        assert at_the_cent(got, float(result.metric(name))), (name, got)
    for name in ("payback_years", "discounted_payback_years"):
        got = book.value(summary, find_row(summary, 4, name), 2)
        assert math.isclose(got, float(result.metric(name)), abs_tol=1e-9), (name, got)
    # the KPIs (measured where typed) on the Agreement sheet
    agreement = book.sheet("agreement")
    for kpi in result.kpis:
        row = find_row(agreement, 1, kpi.name)
        got = [book.value(agreement, row, 3 + t) for t in range(len(result.years))]
        assert got == pytest.approx(kpi.values_per_year.tolist(), rel=1e-12), kpi.id
    partners = book.sheet("partners")
    settled = find_row(partners, 1, xlsx.label("net_settled", "nl"))
    for index, partner in enumerate(result.partners):
        for t in range(len(result.years)):
            got = book.value(partners, settled + 1 + index, 3 + t)
            assert at_the_cent(got, partner.net_settled_per_year[t]), (partner.id, t, got)


# --- recalculated -------------------------------------------------------------------------


@pytest.mark.slow
def test_the_example_recalculates_to_the_expectation(
    example: ActualsDocument, example_book: Path
) -> None:
    monitoring = expectation_of(example)
    book = Book(example_book, formulas_values(example_book))
    assert_equals_at_the_cent(book, monitoring.expectation)
    # the example differs from its plan: the workbook is not the plan's
    assert not at_the_cent(monitoring.expectation.npv, float(monitoring.plan.npv))

    # the Actuals sheet: the plan's figures (values) beside the expectation's (formulas)
    sheet = book.sheet("actuals")
    plan, expected = monitoring.plan, monitoring.expectation
    net_plan = find_row(sheet, 1, xlsx.label("net_plan", "nl"))
    for t in range(len(YEARS)):
        column = FIRST_YEAR_COLUMN + t
        assert at_the_cent(sheet.cell(net_plan, column).value, plan.net_per_year[t])
        assert at_the_cent(book.value(sheet, net_plan + 1, column), expected.net_per_year[t])
        difference = monitoring.total.difference_per_year[t]
        assert at_the_cent(book.value(sheet, net_plan + 2, column), difference)
    header = find_row(sheet, 1, xlsx.label("metric", "nl"))
    for name in ("npv", "payback_years", "headroom_min"):
        row = find_row(sheet, 2, name, start=header)
        assert math.isclose(sheet.cell(row, 3).value, float(plan.metric(name)), rel_tol=1e-12)
        assert math.isclose(book.value(sheet, row, 4), float(expected.metric(name)), rel_tol=1e-9)
    for partner in expected.partners:
        row = find_row(sheet, 2, f"net_settled_total[{partner.id}]", start=header)
        want = float(partner.total("net_settled_total"))
        assert at_the_cent(book.value(sheet, row, 4), want), partner.id
    # a KPI: measured in 2021 and 2022 (10 and 19 ambulant residents), the expression on
    # the 2023 forecast's series (29) after that, the plan's 30 in the unlisted years
    value_row = find_row(sheet, 1, xlsx.label("actuals_kpi_value", "nl", kpi=_kpi_name(example)))
    got = [book.value(sheet, value_row, FIRST_YEAR_COLUMN + t) for t in range(len(YEARS))]
    assert got == pytest.approx([10, 19, 29, 30, 30])


# Next year's actuals, as typed into the workbook and as written in the actuals file: 2023
# becomes provisional (realised: no optimism bias), 2024 a forecast with a series, two
# parameters (one the baseline uses: the baseline keeps the plan's), a booked amount and a
# measured KPI.
TYPED = {
    ("status", None): {2023: "provisional", 2024: "forecast"},
    ("actuals_series", "inwoners_ambulant"): {2024: 33},
    ("actuals_parameters", "tarief_reguliere_begeleiding"): {2024: 48.5},
    ("actuals_parameters", "bw_kosten_per_plek"): {2024: 99999},
    ("actuals_booked", "Dagbesteding"): {2024: 123456.78},
    ("actuals_kpis", "uitstroom"): {2024: 31},
}
NEXT_YEAR = """\
  2024:
    status: forecast
    series: {inwoners_ambulant: 33}
    parameters: {tarief_reguliere_begeleiding: 48.5, bw_kosten_per_plek: 99999}
    amounts: {effort: {Dagbesteding: 123456.78}}
    kpis: {uitstroom: 31}
"""


@pytest.mark.slow
def test_typing_next_years_actuals_reforecasts(
    example: ActualsDocument, example_book: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(example_book)
    sheet = wb[xlsx.label("sheet_actuals", "nl")]
    kpi_name = _kpi_name(example)
    for (block, name), values in TYPED.items():
        if block == "status":
            row = find_row(sheet, 1, xlsx.label("status", "nl"))
        else:
            row = actuals_row(sheet, block, kpi_name if name == "uitstroom" else str(name))
        for year, value in values.items():
            sheet.cell(row, year_column(year)).value = value
    typed = tmp_path / "typed.xlsx"
    wb.save(typed)
    book = Book(typed, formulas_values(typed))

    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("    status: forecast\n", "    status: provisional\n") + NEXT_YEAR
    reforecast = expectation_of(monitored(text))
    assert reforecast.status == {
        2021: "final",
        2022: "provisional",
        2023: "provisional",
        2024: "forecast",
        2025: "plan",
    }
    assert_equals_at_the_cent(book, reforecast.expectation)
    # it moved: the 2024 net is another than the example's
    before = expectation_of(example).expectation.net_per_year[3]
    assert not at_the_cent(reforecast.expectation.net_per_year[3], before)
    # the baseline kept the plan's cost per place (the counterfactual is not observed)
    by_year = book.sheet("by_year")
    baseline = find_row(by_year, 1, xlsx.label("baseline", "nl"))
    plan_baseline = expectation_of(example).plan.baseline_per_year[3]
    assert at_the_cent(book.value(by_year, baseline, 2 + 3), plan_baseline)


@pytest.mark.slow
def test_an_emptied_actuals_sheet_is_the_plan(example_book: Path, tmp_path: Path) -> None:
    """Clear every typed cell (status, series, parameters, booked amounts, measured KPIs):
    the workbook recalculates to the plan, with its optimism bias and paybacks."""
    wb = openpyxl.load_workbook(example_book)
    sheet = wb[xlsx.label("sheet_actuals", "nl")]
    cleared = 0
    for row in sheet.iter_rows(min_col=FIRST_YEAR_COLUMN, max_col=FIRST_YEAR_COLUMN + 4):
        for cell in row:
            if cell.fill.fgColor.rgb == "00FFF2CC" and cell.value is not None:
                cell.value = None
                cleared += 1
    # 3 statuses, 9 series, 2 prices, 2 booked amounts, 4 KPI values in the example
    assert cleared == 3 + 9 + 2 + 2 + 4
    path = tmp_path / "empty.xlsx"
    wb.save(path)
    book = Book(path, formulas_values(path))
    plan = run_file(ROOT / "examples" / "beschermd-wonen.yaml").result
    assert plan is not None
    assert_equals_at_the_cent(book, plan)


# --- the sheet, its words and its formulas ---------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sheet_names_and_labels(example: ActualsDocument, tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"{lang}.xlsx"
    xlsx.actuals_workbook(example, path, lang)
    wb = openpyxl.load_workbook(path)
    want = {
        "nl": [
            "Samenvatting",
            "Realisatie",
            "Per jaar",
            "Partners",
            "Afspraken",
            "Regels",
            "Invoer",
        ],
        "en": ["Summary", "Actuals", "Year by year", "Partners", "Agreement", "Lines", "Inputs"],
    }[lang]
    assert wb.sheetnames == want
    sheet = wb[want[1]]
    column_a = [sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)]
    words = {
        "nl": ["Status", "Plan en verwachting", "Saldo, plan", "Saldo, verwachting"],
        "en": ["Status", "Plan and expectation", "Net, plan", "Net, expectation"],
    }[lang]
    for word in words:
        assert word in column_a, word
    assert column_a[0] == {"nl": "Realisatie: ", "en": "Actuals: "}[lang] + str(
        expectation_of(example).actuals.name
    )
    headers = [str(v) for v in column_a if v]
    blocks = {
        "nl": ("Reeksen: volume", "Parameters: prijs", "Geboekte bedragen", "Gemeten KPI's"),
        "en": ("Series: volume", "Parameters: price", "Booked amounts", "Measured KPIs"),
    }[lang]
    for block in blocks:
        assert any(h.startswith(block) for h in headers), block
    # the year header and the statuses as the actuals file writes them, in every language
    header = find_row(sheet, 1, xlsx.label("actuals_item", lang))
    years = [sheet.cell(header, FIRST_YEAR_COLUMN + t).value for t in range(5)]
    assert years == YEARS
    status = [sheet.cell(header + 1, FIRST_YEAR_COLUMN + t).value for t in range(5)]
    assert status == ["final", "provisional", "forecast", None, None]
    summary = wb[want[0]]
    row = find_row(summary, 4, "payback_years")
    assert summary.cell(row, 2).value.startswith("=IF(SUM(")
    assert summary.cell(row, 3).value == xlsx.label("payback_formula_note", lang)


def test_formulas_read_the_actuals_where_they_should(
    example: ActualsDocument, example_book: Path
) -> None:
    """Effort lines read the typed series and parameters; the baseline reads the plan's
    only (but a booked baseline amount replaces it); the optimism bias of an investment
    depends on the year's status; a KPI reads its measured value."""
    wb = openpyxl.load_workbook(example_book)
    lines = wb[xlsx.label("sheet_lines", "nl")]
    first = xlsx.LINE_FIRST_YEAR_COLUMN

    def formula(name: str, t: int = 1) -> str:
        return str(lines.cell(find_row(lines, 2, name), first + t).value)

    baseline = formula("Beschermd wonen intramuraal, 30 plekken")
    # only its booked amount: IF('Realisatie'!$D$<row>="",<the plan's formula>,…)
    assert baseline.startswith("=IF('Realisatie'!$D$")
    assert baseline.count("'Realisatie'!") == 2
    assert "(30*bw_kosten_per_plek)" in baseline
    rate = r"IF\('Realisatie'!\$D\$\d+=\"\",tarief_reguliere_begeleiding,'Realisatie'!\$D\$\d+\)"
    assert re.search(rate, formula("Reguliere begeleiding"))
    bias = "(1+IF(OR('Realisatie'!$C$6=\"final\",'Realisatie'!$C$6=\"provisional\"),0,0.2))"
    assert bias in formula("Inrichting en aanpassing woningen", 0)
    agreement = wb[xlsx.label("sheet_agreement", "nl")]
    kpi_row = find_row(agreement, 1, _kpi_name(example))
    assert str(agreement.cell(kpi_row, 3).value).startswith("=IF('Realisatie'!$C$")


def test_the_plans_workbook_has_no_actuals(tmp_path: Path) -> None:
    """The plan's workbook is unchanged: no Actuals sheet, no reference to one, the
    paybacks as pactcalc's values."""
    path = tmp_path / "plan.xlsx"
    document = run_file(ROOT / "examples" / "beschermd-wonen.yaml")
    xlsx.write(document, path, "nl")
    wb = openpyxl.load_workbook(path)
    assert "Realisatie" not in wb.sheetnames
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert "Realisatie" not in str(cell.value or ""), cell.coordinate
    summary = wb[xlsx.label("sheet_summary", "nl")]
    payback = summary.cell(find_row(summary, 4, "payback_years"), 2).value
    assert isinstance(payback, float)


HOSTILE = """\
pactcalc-actuals: 1
scenario: beschermd-wonen.yaml
name: "=HYPERLINK(\\"http://x\\")"
years:
  2021:
    status: final
    source: "=1+1"
    note: "@SUM(A1)"
    series: {inwoners_ambulant: 10}
  2022:
    status: forecast
    source: "-2+3"
    note: "+cmd|' /C calc'!A0"
"""


def test_actuals_text_is_data(tmp_path: Path) -> None:
    found = monitored(HOSTILE)
    path = tmp_path / "hostile.xlsx"
    xlsx.actuals_workbook(found, path, "nl")
    wb = openpyxl.load_workbook(path)
    sheet = wb[xlsx.label("sheet_actuals", "nl")]
    source = find_row(sheet, 1, xlsx.label("source", "nl"))
    for row, column, text in (
        (source, 3, "=1+1"),
        (source + 1, 3, "@SUM(A1)"),
        (source, 4, "-2+3"),
        (source + 1, 4, "+cmd|' /C calc'!A0"),
    ):
        cell = sheet.cell(row, column)
        assert cell.value == text
        assert cell.data_type == "s"
        assert cell.quotePrefix
    # the title starts with the sheet's words, never with the file's text
    assert sheet.cell(1, 1).value == 'Realisatie: =HYPERLINK("http://x")'
    assert sheet.cell(1, 1).data_type == "s"


def test_same_actuals_same_bytes(example: ActualsDocument, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    xlsx.actuals_workbook(example, first, "nl")
    xlsx.actuals_workbook(example, second, "nl")
    assert first.read_bytes() == second.read_bytes()


def test_an_unmonitored_document_is_refused(tmp_path: Path) -> None:
    found = load_actuals_text(EXAMPLE.read_text(encoding="utf-8"), "r.yaml", ROOT / "examples")
    assert found.monitoring is None
    with pytest.raises(ValueError, match="monitored"):
        xlsx.actuals_workbook(found, tmp_path / "x.xlsx", "nl")


def test_the_actuals_values_fill_the_sheet(example: ActualsDocument, example_book: Path) -> None:
    """Every value of the actuals file is in its cell, nothing else is typed."""
    wb = openpyxl.load_workbook(example_book)
    sheet = wb[xlsx.label("sheet_actuals", "nl")]
    calendar = expectation_of(example).actuals.calendar()
    rate = actuals_row(sheet, "actuals_parameters", "tarief_reguliere_begeleiding")
    assert [sheet.cell(rate, year_column(y)).value for y in YEARS] == [
        45.1,
        46.25,
        None,
        None,
        None,
    ]
    places = actuals_row(sheet, "actuals_series", "plekken_gesloten")
    assert [sheet.cell(places, year_column(y)).value for y in YEARS] == [9, 9, 11, None, None]
    booked = actuals_row(sheet, "actuals_booked", "Transitie en projectleiding")
    assert sheet.cell(booked, 2).value == "investments"
    assert [sheet.cell(booked, year_column(y)).value for y in YEARS] == [
        171500,
        None,
        None,
        None,
        None,
    ]
    assert calendar[2021].amounts.investments == {"Transitie en projectleiding": 171500}
    # the status cells offer the file's three words
    validations = sheet.data_validations.dataValidation
    assert [v.formula1 for v in validations] == ['"final,provisional,forecast"']
    assert str(validations[0].sqref) == "C6:G6"
    assert np.isclose(sheet.cell(rate, year_column(2021)).value, 45.10)


def _kpi_name(found: ActualsDocument) -> str:
    scenario = expectation_of(found).scenario
    return scenario.kpis["uitstroom"].name


SMALL_PLAN = """\
pactcalc: 1
name: Klein plan
start_year: 2024
years: 3
discount_rate: 0.04
partners:
  - {id: gemeente, name: Gemeente}
baseline:
  - {name: Oud, partner: gemeente, amount: 1000}
effort:
  - {name: Nieuw, partner: gemeente, amount: 400, paid_from: own}
investments:
  - {name: Start, partner: gemeente, amount: 1000, paid_from: own}
"""


NO_PAYBACK = "niet binnen de horizon van 3 jaar"


@pytest.mark.parametrize(
    ("invested", "payback"),
    [
        # savings 600 a year: 1000 is paid back after 1 + 400 / 600 years
        (1000, 1 + 400 / 600),
        # 1800 = 3 × 600: paid back exactly at the end of the third year
        (1800, 3.0),
        # 2000 > 1800: not within the 3-year horizon, said in words
        (2000, None),
        # nothing invested: the cumulative is never negative
        (0, 0.0),
    ],
)
def test_the_paybacks_are_live_formulas(
    invested: float, payback: float | None, tmp_path: Path
) -> None:
    (tmp_path / "plan.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    text = (
        "pactcalc-actuals: 1\nscenario: plan.yaml\nyears:\n"
        f"  2024: {{status: final, amounts: {{investments: {{Start: {invested}}}}}}}\n"
    )
    found = monitor_document(load_actuals_text(text, "actuals.yaml", tmp_path))
    assert found.ok, [p.message("en") for p in found.all_problems]
    path = tmp_path / "small.xlsx"
    xlsx.actuals_workbook(found, path, "nl")
    book = Book(path, formulas_values(path))
    summary = book.sheet("summary")
    got = book.value(summary, find_row(summary, 4, "payback_years"), 2)
    expectation = expectation_of(found).expectation
    if payback is None:
        assert math.isnan(float(expectation.payback_years))
        assert got == NO_PAYBACK
    else:
        assert math.isclose(float(expectation.payback_years), payback, abs_tol=1e-12)
        assert math.isclose(got, payback, abs_tol=1e-12)
    # the discounted payback follows the engine's too (the savings discounted at 4 %)
    discounted = book.value(summary, find_row(summary, 4, "discounted_payback_years"), 2)
    want = float(expectation.discounted_payback_years)
    if math.isnan(want):
        assert discounted == NO_PAYBACK
    else:
        assert math.isclose(discounted, want, abs_tol=1e-12)
