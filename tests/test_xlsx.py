"""The Excel workbook: structure, formats, formula injection, determinism, and the live
formulas recalculated (with the ``formulas`` package, and LibreOffice where installed)
against the engine's numbers."""

from __future__ import annotations

import ast
import math
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

openpyxl = pytest.importorskip("openpyxl")

from pactcalc.api import Document, evaluate, load_scenario_text, run_file  # noqa: E402
from pactcalc.engine import Result  # noqa: E402
from pactcalc.expressions import evaluate as evaluate_expression  # noqa: E402
from pactcalc.expressions import parse  # noqa: E402
from pactcalc.render import xlsx  # noqa: E402

# from/until, an investment in a later year, indexation with an earlier price year,
# min/max, division, unary minus, nested subtraction, own-funded effort, scalar series.
RUNNING = """\
pactcalc: 1
name: Looptijden en indexatie
start_year: 2024
years: 4
price_year: 2022
indexation: 0.031
discount_rate: 0.04
weeks_per_year: 50
parameters:
  clients: {value: 12, unit: clients, source: "aanname"}
  hours: 3.5
  rate: 61.25
  cap: 30000
  fixed: 1e4
series:
  phase: [0.25, 0.5, 1, 1]
  flat: 7
partners:
  - {id: gemeente, name: Gemeente}
  - {id: wmo, name: Wmo-aanbieder}
  - {id: corp, name: Corporatie}
baseline:
  - {name: Oude zorg, partner: gemeente, amount: clients * 9000}
  - {name: Afbouw, partner: corp, amount: "max(0, 20000 - 5000 * phase)", until: 2025}
budget:
  - {name: Budget, partner: gemeente, amount: 150000}
  - {name: Extra, partner: corp, amount: 20000, from: 2025, until: 2026}
effort:
  - name: Begeleiding
    partner: wmo
    amount: clients * phase * hours * weeks_per_year * rate
  - {name: Plafond, partner: wmo, amount: "min(cap, clients * 1000 / phase)", from: 2025}
  - {name: Eigen, partner: corp, amount: -(fixed - 2500) / -4 + flat, paid_from: own}
  - {name: Teruggave, partner: gemeente, amount: -1500 - (300 - 100)}
investments:
  - {name: Start, partner: gemeente, amount: 20000}
  - {name: Later, partner: corp, amount: fixed / 2, year: 2026, paid_from: own}
benefits:
  - {name: Baten, partner: corp, amount: 1000 * phase / (1 + 1), from: 2020, until: 2030}
"""

# A year without budget: its budget-funded costs are shared pro rata over the horizon.
NO_BUDGET_YEAR = """\
pactcalc: 1
name: Jaar zonder budget
start_year: 2024
years: 3
partners:
  - {id: gemeente, name: Gemeente}
  - {id: provincie, name: Provincie}
  - {id: wmo, name: Wmo}
baseline:
  - {name: Oud, partner: gemeente, amount: 5000}
budget:
  - {name: Budget gemeente, partner: gemeente, amount: 3000, from: 2025}
  - {name: Budget provincie, partner: provincie, amount: 1000, from: 2025}
effort:
  - {name: Inzet, partner: wmo, amount: 2500}
investments:
  - {name: Start, partner: gemeente, amount: 800}
"""

# One year, no investment (roi and bcr do not exist), a budget shortfall.
ONE_YEAR = """\
pactcalc: 1
name: Eén jaar
start_year: 2023
years: 1
partners:
  - {id: gemeente, name: Gemeente}
budget:
  - {name: Budget, partner: gemeente, amount: 100}
effort:
  - {name: Inzet, partner: gemeente, amount: 150}
baseline:
  - {name: Oud, partner: gemeente, amount: 120}
"""

# Names Excel cannot take as defined names, names that clash, partner ids that differ
# only in case (SUMIFS would merge them), and no payback within the horizon.
NAMES = """\
pactcalc: 1
name: Lastige namen
start_year: 2024
years: 3
indexation: 0.02
parameters:
  ab12: 100
  indexation: 2
  discount_rate: 3
  rate: 10
  Rate: 20
  r: 1
  "TRUE": 5
  x: 7
series:
  c1: [1, 2, 3]
partners:
  - {id: Wmo, name: Wmo groot}
  - {id: wmo, name: wmo klein}
  - {id: "2021", name: Cijfers}
baseline:
  - {name: Oud, partner: Wmo, amount: ab12 * indexation * c1}
budget:
  - {name: B1, partner: Wmo, amount: 1000}
  - {name: B2, partner: wmo, amount: 500}
effort:
  - {name: E1, partner: Wmo, amount: rate * Rate + r * TRUE}
  - {name: E2, partner: wmo, amount: x * discount_rate * c1}
  - {name: E3, partner: "2021", amount: 50, paid_from: own}
investments:
  - {name: I, partner: wmo, amount: 100000}
"""

INJECTION = """\
pactcalc: 1
name: '=HYPERLINK("http://x","y")'
municipality: {name: "=1+1"}
start_year: 2024
years: 2
discount_rate: {value: 0.03, source: "@SUM(1)"}
parameters:
  x: {value: 4, source: "=EVIL()", note: "+note", unit: "-eur"}
series:
  s: {values: [1, 2], source: "@src", note: "=n"}
partners:
  - {id: "-p", name: "+SUM(A1)"}
  - {id: q, name: "@q"}
baseline:
  - {name: "-2+3", partner: "-p", amount: 1000, source: "=cmd|' /C calc'!A0", note: "@x"}
budget:
  - {name: "=B", partner: q, amount: 900}
effort:
  - {name: "=E", partner: "-p", amount: -500 * x + 3000}
  - {name: "bell\\x07name", partner: q, amount: "+x"}
"""

ADJUSTED = """\
pactcalc: 1
name: Aanpassingen
start_year: 2024
years: 4
parameters:
  ob: {value: 0.15, low: 0.05, high: 0.3}
  dw: 0.2
partners:
  - {id: gem, name: Gemeente}
baseline:
  - {name: Oud, partner: gem, amount: 1000}
budget:
  - {name: Budget, partner: gem, amount: 2000}
effort:
  - {name: Nieuw, partner: gem, amount: 400, optimism_bias: ob}
investments:
  - {name: Start, partner: gem, amount: 300}
benefits:
  - {name: Baat, partner: gem, amount: 500, from: 2022, deadweight: dw, displacement: 0.1,
     attribution: 0.05, drop_off: 0.2}
adjustments:
  optimism_bias: {investments: 0.25, benefits: 0.1}
"""

SMALL = {
    "adjusted": ADJUSTED,
    "running": RUNNING,
    "no_budget_year": NO_BUDGET_YEAR,
    "one_year": ONE_YEAR,
    "names": NAMES,
    "injection": INJECTION,
}

FORMULA_PREFIX = ("=", "+", "-", "@")


def document_from_text(text: str) -> Document:
    document = evaluate(load_scenario_text(text, "small.yaml"))
    assert document.result is not None, [p.message("en") for p in document.problems]
    return document


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    found = {path.stem: run_file(path) for path in EXAMPLES}
    found.update({name: document_from_text(text) for name, text in SMALL.items()})
    for name, document in found.items():
        assert document.result is not None, name
    return found


@pytest.fixture(scope="module")
def workbooks(documents: dict[str, Document], tmp_path_factory: Any) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("xlsx")
    paths = {}
    for name, document in documents.items():
        path = folder / f"{name}.xlsx"
        xlsx.write(document, path, "nl")
        paths[name] = path
    return paths


ALL = [path.stem for path in EXAMPLES] + list(SMALL)


# --- reading back ---------------------------------------------------------------------------


def close(got: Any, want: float) -> bool:
    return isinstance(got, int | float) and math.isclose(
        float(got), float(want), rel_tol=1e-6, abs_tol=1e-6
    )


def scalar(value: Any) -> float:
    return float(value.reshape(-1)[0]) if hasattr(value, "reshape") else float(value)


def find_row(ws: Any, column: int, text: str, start: int = 1) -> int:
    for row in range(start, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == text:
            return row
    raise AssertionError(f"{text!r} not in column {column} of {ws.title}")


class Book:
    """A written workbook with values per cell: recalculated ones where given, else the
    cells as written."""

    def __init__(self, path: Path, values: dict[tuple[str, str], Any], lang: str = "nl"):
        self.wb = openpyxl.load_workbook(path)
        self.values = values
        self.lang = lang

    def sheet(self, key: str) -> Any:
        return self.wb[xlsx.label(f"sheet_{key}", self.lang)]

    def value(self, ws: Any, row: int, column: int) -> Any:
        return self.values[(ws.title.upper(), f"{openpyxl.utils.get_column_letter(column)}{row}")]


def formulas_values(path: Path) -> dict[tuple[str, str], Any]:
    formulas = pytest.importorskip("formulas")
    model = formulas.ExcelModel().loads(str(path)).finish()
    solution = model.calculate()
    values: dict[tuple[str, str], Any] = {}
    for key, value in solution.items():
        match = re.fullmatch(r"'\[(.+)\](.+)'!([A-Z]+[0-9]+)", key)
        if match:
            cell = value.value[0][0] if hasattr(value, "value") else value
            if hasattr(cell, "item") and not isinstance(cell, str):
                cell = cell.item()
            values[(match.group(2).upper(), match.group(3))] = cell
    return values


def assert_matches_engine(  # noqa: C901 (one check per sheet, in the workbook's order)
    book: Book, result: Result, values_too: bool = True
) -> None:
    """Every computed cell that matters equals the engine's number (``values_too``: also
    the paybacks, which are pactcalc's values, not formulas)."""
    n = len(result.years)
    lang = book.lang

    # Lines: every line, every year
    lines = book.sheet("lines")
    first = xlsx._Builder.LINE_FIRST_YEAR_COLUMN
    for offset, line in enumerate(result.lines):
        row = 2 + offset
        assert lines.cell(row=row, column=2).value == xlsx.clean_text(line.name)
        for t in range(n):
            got = book.value(lines, row, first + t)
            assert close(got, line.eur_per_year[t]), (line.name, result.years[t], got)
        assert close(book.value(lines, row, first + n), line.total)

    # Year by year
    by_year = book.sheet("by_year")
    df = result.discount_factor_per_year
    expected = {
        "budget": result.budget_per_year,
        "effort": result.effort_per_year,
        "budget_funded": result.budget_funded_per_year,
        "headroom": result.headroom_per_year,
        "baseline": result.baseline_per_year,
        "savings": result.savings_per_year,
        "benefits": result.benefits_per_year,
        "investment": result.investment_per_year,
        "net": result.net_per_year,
        "cumulative": result.cumulative_per_year,
        "discount_factor": df,
        "discounted_net": result.net_per_year * df,
    }
    for key, series in expected.items():
        row = find_row(by_year, 1, xlsx.label(key, lang))
        for t in range(n):
            got = book.value(by_year, row, 2 + t)
            assert close(got, series[t]), (key, result.years[t], got, series[t])
        if key not in ("cumulative", "discount_factor"):
            assert close(book.value(by_year, row, 2 + n), series.sum()), key

    # Summary: formulas, and the two paybacks as values
    summary = book.sheet("summary")
    for name in (
        "effort_total",
        "budget_total",
        "headroom_total",
        "headroom_min",
        "investment_total",
        "baseline_total",
        "savings_total",
        "benefits_total",
        "npv",
        "pv_investment",
        "pv_returns",
        "roi",
        "bcr",
        *(("payback_years", "discounted_payback_years") if values_too else ()),
    ):
        row = find_row(summary, 4, name)
        want = scalar(result.metric(name))
        got = book.value(summary, row, 2)
        if math.isnan(want):
            assert isinstance(got, str), (name, got)
            assert got, (name, got)
        else:
            assert close(got, want), (name, got, want)
    row = find_row(summary, 4, "discount_rate")
    assert close(book.value(summary, row, 2), result.discount_rate)

    # Partners: per year blocks and the totals table
    partners = book.sheet("partners")
    for block, field in (
        ("effort", "effort_per_year"),
        ("budget_held", "budget_per_year"),
        ("pays", "pays_per_year"),
        ("stops_paying", "baseline_per_year"),
        ("gains", "benefits_per_year"),
        ("net", "net_per_year"),
    ):
        title = find_row(partners, 1, xlsx.label(block, lang))
        for index, partner in enumerate(result.partners):
            row = title + 1 + index
            assert partners.cell(row=row, column=1).value == partner.id
            series = getattr(partner, field)
            for t in range(n):
                got = book.value(partners, row, 3 + t)
                assert close(got, series[t]), (block, partner.id, result.years[t], got)
            assert close(book.value(partners, row, 3 + n), series.sum()), (block, partner.id)
    table = find_row(partners, 1, xlsx.label("partners_totals", lang)) + 1
    for index, partner in enumerate(result.partners):
        row = table + 1 + index
        for offset, metric in enumerate(("pays_total", "baseline_total", "benefits_total")):
            assert close(book.value(partners, row, 3 + offset), partner.total(metric))
        assert close(book.value(partners, row, 6), partner.total("net_total"))
    total_row = table + 1 + len(result.partners)
    assert close(book.value(partners, total_row, 6), result.net_per_year.sum())


# --- recalculation ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_recalculated_formulas_equal_the_engine(
    name: str, documents: dict[str, Document], workbooks: dict[str, Path]
) -> None:
    path = workbooks[name]
    book = Book(path, formulas_values(path))
    result = documents[name].result
    assert result is not None
    assert_matches_engine(book, result)


@pytest.mark.slow
def test_english_workbook_recalculates(documents: dict[str, Document], tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    xlsx.write(documents["running"], path, "en")
    book = Book(path, formulas_values(path), lang="en")
    assert book.wb.sheetnames == ["Summary", "Year by year", "Partners", "Lines", "Inputs"]
    result = documents["running"].result
    assert result is not None
    assert_matches_engine(book, result)
    money = book.sheet("by_year").cell(row=2, column=2).number_format
    assert money == xlsx.MONEY_FORMAT["en"]


@pytest.mark.slow
def test_changing_an_input_changes_the_result(
    documents: dict[str, Document], tmp_path: Path
) -> None:
    """The formulas are live: raise a parameter in the Inputs sheet and recompute."""
    path = tmp_path / "live.xlsx"
    xlsx.write(documents["running"], path, "nl")
    wb = openpyxl.load_workbook(path)
    inputs = wb[xlsx.label("sheet_inputs", "nl")]
    row = find_row(inputs, 1, "clients")
    inputs.cell(row=row, column=2).value = 24
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    values = formulas_values(changed)
    doubled = document_from_text(RUNNING.replace("value: 12,", "value: 24,"))
    assert doubled.result is not None
    book = Book(changed, values)
    assert_matches_engine(book, doubled.result, values_too=False)
    # the paybacks are values from pactcalc: they do not follow the change
    summary = book.sheet("summary")
    original = documents["running"].result
    assert original is not None
    payback = summary.cell(row=find_row(summary, 4, "payback_years"), column=2).value
    # (openpyxl writes numbers with 16 significant digits: equal to about 1e-16)
    assert math.isclose(payback, scalar(original.payback_years), rel_tol=1e-15)
    assert not math.isclose(payback, scalar(doubled.result.payback_years))


# --- structure and formats -----------------------------------------------------------------


def test_structure_names_and_formats(workbooks: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(workbooks["beschermd-wonen"])
    assert wb.sheetnames == ["Samenvatting", "Per jaar", "Partners", "Regels", "Invoer"]
    inputs = wb["Invoer"]
    assert [c.value for c in inputs[1]][:7] == [
        "Naam",
        "Waarde",
        "Eenheid",
        "Laag",
        "Hoog",
        "Bron",
        "Toelichting",
    ]
    assert all(c.font.b for c in inputs[1] if c.value is not None)
    assert inputs.freeze_panes == "B2"
    row = find_row(inputs, 1, "bw_kosten_per_plek")
    assert inputs.cell(row=row, column=2).value == 62000
    assert inputs.cell(row=row, column=4).value == 55000
    assert inputs.cell(row=row, column=5).value == 75000
    # every parameter and scalar input is a defined name pointing at its value cell
    for name in ["bw_kosten_per_plek", "weeks_per_year", "discount_rate", "indexation"]:
        defined = wb.defined_names[name]
        row = find_row(inputs, 1, name)
        assert defined.attr_text == f"'Invoer'!$B${row}"
    assert inputs.cell(row=find_row(inputs, 1, "discount_rate"), column=2).number_format == (
        "0.00%"
    )
    series_row = find_row(inputs, 1, "inwoners_ambulant")
    assert [inputs.cell(row=series_row, column=c).value for c in range(2, 7)] == [
        10,
        20,
        30,
        30,
        30,
    ]

    lines = wb["Regels"]
    assert lines.freeze_panes == "C2"
    assert [lines.cell(row=1, column=c).value for c in range(8, 13)] == list(range(2021, 2026))
    row = find_row(lines, 2, "Reguliere begeleiding")
    assert lines.cell(row=row, column=7).value == (
        "inwoners_ambulant * uren_regulier_per_week * weeks_per_year * tarief_reguliere_begeleiding"
    )
    formula = lines.cell(row=row, column=8).value
    assert formula == (
        f"=IF(AND(H$1>=$E{row},H$1<=$F{row}),('Invoer'!$B${series_row}*uren_regulier_per_week"
        "*weeks_per_year*tarief_reguliere_begeleiding)*(1+indexation)^(H$1-price_year),0)"
    )
    assert lines.cell(row=row, column=8).number_format == xlsx.MONEY_FORMAT["nl"]
    investment = find_row(lines, 2, "Scholing Wmo-medewerkers")
    assert lines.cell(row=investment, column=5).value == 2022
    assert lines.cell(row=investment, column=6).value == 2022

    by_year = wb["Per jaar"]
    assert by_year.freeze_panes == "B2"
    assert by_year.cell(row=1, column=7).value == "Totaal"
    budget = find_row(by_year, 1, "Budget")
    assert by_year.cell(row=budget, column=2).value.startswith("=SUMIFS('Regels'!H$2:H$")
    assert by_year.cell(row=budget, column=2).number_format == xlsx.MONEY_FORMAT["nl"]
    factor = find_row(by_year, 1, xlsx.label("discount_factor", "nl"))
    assert by_year.cell(row=factor, column=3).value == "=1/(1+discount_rate)^(C$1-$B$1)"

    summary = wb["Samenvatting"]
    npv = find_row(summary, 4, "npv")
    assert "NPV(discount_rate," in summary.cell(row=npv, column=2).value
    assert summary.cell(row=npv, column=2).number_format == xlsx.MONEY_FORMAT["nl"]
    headroom_min = find_row(summary, 4, "headroom_min")
    assert summary.cell(row=headroom_min, column=2).value.startswith("=MIN(")
    payback = find_row(summary, 4, "payback_years")
    assert isinstance(summary.cell(row=payback, column=2).value, float)
    assert summary.cell(row=payback, column=3).value.startswith("waarde uit pactcalc")
    rate = find_row(summary, 4, "discount_rate")
    assert summary.cell(row=rate, column=2).value == "=discount_rate"
    assert summary.cell(row=rate, column=2).number_format == "0.00%"
    assert "rwseconomie.nl" in summary.cell(row=rate, column=3).value
    assert summary.column_dimensions["A"].width > 30

    partners = wb["Partners"]
    effort = find_row(partners, 1, "Inzet")
    assert "SUMIFS(" in partners.cell(row=effort + 1, column=3).value


def test_names_excel_cannot_take_are_absolute_references(workbooks: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(workbooks["names"])
    names = set(wb.defined_names)
    assert {"rate", "x", "weeks_per_year", "indexation", "discount_rate"} <= names
    assert not {"ab12", "r", "TRUE", "Rate"} & names  # cell-like, R1C1, boolean, clash
    lines = wb["Regels"]
    row = find_row(lines, 2, "Oud")
    formula = lines.cell(row=row, column=8).value
    # the parameter 'indexation' is not the scalar input 'indexation'
    assert re.search(r"\('Invoer'!\$B\$\d+\*'Invoer'!\$B\$\d+\*'Invoer'!\$B\$\d+\)", formula)
    partners = wb["Partners"]
    effort = find_row(partners, 1, "Inzet")
    assert "SUMIFS" not in partners.cell(row=effort + 1, column=3).value  # ids Wmo / wmo


def test_scenario_text_is_never_a_formula(workbooks: dict[str, Path]) -> None:
    path = workbooks["injection"]
    wb = openpyxl.load_workbook(path)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.data_type == "s":
                    texts.append(cell.value)
                    if cell.value.startswith(FORMULA_PREFIX):
                        assert cell.quotePrefix, (ws.title, cell.coordinate)
    for expected in (
        '=HYPERLINK("http://x","y")',
        "=1+1",
        "@SUM(1)",
        "=EVIL()",
        "+note",
        "-eur",
        "@src",
        "=n",
        "-p",
        "+SUM(A1)",
        "@q",
        "-2+3",
        "=cmd|' /C calc'!A0",
        "@x",
        "=B",
        "=E",
        "-500 * x + 3000",
        "+x",
        "bellname",  # a control character XML cannot hold is dropped
    ):
        assert expected in texts, expected
    summary = wb["Samenvatting"]
    assert summary["A1"].value == '=HYPERLINK("http://x","y")'
    assert summary["A1"].data_type == "s"
    # and in the file itself: no formula mentions the scenario's texts
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode()
                for formula in re.findall(r"<f>(.*?)</f>", xml):
                    assert "HYPERLINK" not in formula
                    assert "EVIL" not in formula
                    assert "cmd" not in formula


@pytest.mark.slow
def test_same_scenario_same_bytes(documents: dict[str, Document], tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    xlsx.write(documents["crisisinterventie-jeugd"], first, "nl")
    xlsx.write(documents["crisisinterventie-jeugd"], second, "nl")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2
    wb = openpyxl.load_workbook(first)
    assert wb.properties.creator == "pactcalc"


def test_openpyxl_is_not_imported_at_start_up() -> None:
    code = "import sys, pactcalc.render.xlsx; print('openpyxl' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


# --- expression translation ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a - (b - c)",
        "a - b - c",
        "a / (b / c)",
        "a / b / c",
        "a * (b / c)",
        "(a + b) * (c - a)",
        "-(a + b) * c",
        "-a * -b",
        "a - -b",
        "+(a - b)",
        "-(-a)",
        "max(a - 5, 0, min(b, c / 2)) / -(b - 0.5)",
        "1e-5 * a + 2.5E3",
    ],
)
def test_translation_keeps_the_grouping(text: str) -> None:
    """Evaluate the Excel text as arithmetic (MIN/MAX as min/max): same number."""
    env = {"a": 7.0, "b": 3.0, "c": 11.0}
    excel = xlsx.to_excel(parse(text).tree, lambda name: name)
    assert "^" not in excel
    python = excel.replace("MIN(", "min(").replace("MAX(", "max(")
    tree = ast.parse(python, mode="eval")
    value = eval(
        compile(tree, "<excel>", "eval"), {"__builtins__": {}, "min": min, "max": max}, env
    )  # noqa: S307
    want = float(evaluate_expression(parse(text), env).value)
    assert math.isclose(value, want, rel_tol=1e-12)


def test_excel_names() -> None:
    assert xlsx.excel_name_ok("bw_kosten_per_plek")
    assert xlsx.excel_name_ok("clients1_total")
    for bad in ("ab12", "XFD1", "r", "C", "R1C1", "r2c", "TRUE", "false", "_xlfn_x", ""):
        assert not xlsx.excel_name_ok(bad), bad


# --- LibreOffice -------------------------------------------------------------------------

_RECALC_PROFILE = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", ["beschermd-wonen", "running", "names"])
def test_libreoffice_recalculation(
    name: str, documents: dict[str, Document], workbooks: dict[str, Path], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_PROFILE)
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(workbooks[name]),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = out / workbooks[name].name
    cached = openpyxl.load_workbook(converted, data_only=True)
    values = {
        (ws.title.upper(), cell.coordinate): cell.value
        for ws in cached.worksheets
        for row in ws.iter_rows()
        for cell in row
    }
    result = documents[name].result
    assert result is not None
    assert_matches_engine(Book(converted, values), result)
