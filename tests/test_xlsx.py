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
from conftest import EXAMPLES, ROOT

openpyxl = pytest.importorskip("openpyxl")

from pactcalc.engine import Result  # noqa: E402
from pactcalc.expressions import evaluate as evaluate_expression  # noqa: E402
from pactcalc.expressions import parse  # noqa: E402
from pactcalc.pipeline import Document, evaluate, load_scenario_text, run_file  # noqa: E402
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
    first = xlsx.LINE_FIRST_YEAR_COLUMN
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
    # the example has an agreement since issue 11: its sheet comes before the lines
    assert wb.sheetnames == [
        "Samenvatting",
        "Per jaar",
        "Partners",
        "Afspraken",
        "Regels",
        "Invoer",
    ]
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


def test_report_table_as_values() -> None:
    from pactcalc.report.blocks import Table

    table = Table(
        id="who_pays",
        title="Wie betaalt",
        header=["Partner", "Betaalt", "Terugverdientijd"],
        rows=[
            ['=HYPERLINK("x")', "€ 1.000", "geen"],
            ["Wmo", "€ 2.500", "1,5 jaar"],
            ["Totaal", "€ 3.500", "—"],
        ],
        raw=[['=HYPERLINK("x")', 1000, None], ["Wmo", 2500.5, 1.5], ["Totaal", 3500.5, math.nan]],
        total_row=True,
        note="bedragen in euro",
    )
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    money = xlsx.MONEY_FORMAT["nl"]
    after = xlsx.write_table(sheet, table, row=3, column_formats=[None, money, xlsx.RATIO_FORMAT])
    assert after == 3 + 1 + 1 + 3 + 1  # title, header, three rows, note
    assert sheet.cell(row=3, column=1).value == "Wie betaalt"
    assert sheet.cell(row=3, column=1).font.bold
    assert [sheet.cell(row=4, column=c).value for c in (1, 2, 3)] == table.header
    first = sheet.cell(row=5, column=1)
    assert first.value == '=HYPERLINK("x")'
    assert first.data_type == "s"
    assert first.quotePrefix
    assert sheet.cell(row=5, column=2).value == 1000
    assert sheet.cell(row=5, column=2).number_format == money
    assert sheet.cell(row=5, column=3).value == "geen"  # no raw value: its words
    assert sheet.cell(row=6, column=3).value == 1.5
    assert sheet.cell(row=6, column=3).number_format == xlsx.RATIO_FORMAT
    assert sheet.cell(row=7, column=3).value == "—"  # NaN never reaches a cell
    assert all(sheet.cell(row=7, column=c).font.bold for c in (1, 2, 3))
    assert not sheet.cell(row=6, column=1).font.bold
    assert sheet.cell(row=8, column=1).value == "bedragen in euro"
    # without raw numbers (a table of words only) the text rows are written
    words = Table(id="w", title="T", header=["a"], rows=[["x"]])
    assert xlsx.write_table(sheet, words, row=20, title=False) == 22
    assert sheet.cell(row=21, column=1).value == "x"


def test_compare_writes_the_comparison_workbook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pactcalc.cli import app
    from pactcalc.engine import compare_results

    files = [
        ROOT / "examples" / "beschermd-wonen.yaml",
        ROOT / "examples" / "schuldhulpverlening.yaml",
    ]
    results = [run_file(f).result for f in files]
    comparison = compare_results([r for r in results if r is not None])
    by_cli, direct = tmp_path / "cli.xlsx", tmp_path / "direct.xlsx"
    args = ["compare", *map(str, files), "--lang", "nl", "--output", str(by_cli)]
    assert CliRunner().invoke(app, args).exit_code == 0
    xlsx.write_comparison(comparison, direct, "nl")
    assert by_cli.read_bytes() == direct.read_bytes()


# --- Excel's limits on a formula (issue 10) ------------------------------------------------

EXCEL_MAX_CHARS, EXCEL_MAX_ARGUMENTS, EXCEL_MAX_NESTING = 8192, 255, 64


def limits_scenario(
    count: int, partner: str = "2021", effort_lines: int = 1, depth: int = 25
) -> str:
    """A scenario whose amounts grow with ``count``: ``max`` over ``count`` parameters
    with defined names (``k_1``…), ``min`` over ``count`` parameters that look like cells
    (``p1``…, so referenced by address: 15 characters each), a long sum, ``min`` and
    ``max`` nested ``depth`` deep, and ``effort_lines`` lines of a partner whose id
    SUMIFS would misread (so its sums add the line cells one by one). An expression
    itself is bounded when the scenario is read (PC341: at most 100 numbers and names,
    30 levels), so the formula that outgrows Excel is the one that adds many lines."""
    parameters = "\n".join(
        f"  k_{i}: {i % 97 + 1}\n  p{i}: {i % 89 + 1}" for i in range(1, count + 1)
    )
    named = ", ".join(f"k_{i}" for i in range(1, count + 1))
    addressed = ", ".join(f"p{i}" for i in range(1, count + 1))
    long_sum = " + ".join(f"p{i}" for i in range(1, min(count, 900) + 1))
    deep = "k_1"
    for level in range(depth):
        deep = f"{('min', 'max')[level % 2]}(k_{level % 50 + 2}, {deep})"
    effort = "\n".join(
        f'  - {{name: Inzet {k}, partner: "{partner}", amount: "{k % 7 + 1} * k_1"}}'
        for k in range(effort_lines)
    )
    return f"""\
pactcalc: 1
name: Grenzen van Excel
start_year: 2024
years: 3
parameters:
{parameters}
partners:
  - {{id: "{partner}", name: Gemeente}}
  - {{id: wmo, name: Wmo}}
budget:
  - {{name: Budget, partner: "{partner}", amount: 100000000}}
baseline:
  - {{name: Gesplitst, partner: "{partner}", amount: "max({named})"}}
  - {{name: Waarde, partner: "{partner}", amount: "min({addressed})"}}
  - {{name: Lange som, partner: wmo, amount: "{long_sum}"}}
  - {{name: Diep, partner: wmo, amount: "{deep}"}}
effort:
{effort}
"""


def formula_limits(formula: str) -> tuple[int, int, int, int]:
    """A formula's length (with its ``=``), the most arguments of one function call, the
    deepest nesting of function calls and of brackets: parsed here, independently of
    the writer (text in double quotes and sheet names in single quotes skipped)."""
    most_arguments = calls_deep = brackets_deep = 0
    stack: list[tuple[bool, int]] = []  # per open bracket: is it a call, its arguments
    quote = ""
    previous = ""
    for char in formula:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            stack.append((bool(re.match(r"[A-Za-z0-9_.]", previous)), 1))
            brackets_deep = max(brackets_deep, len(stack))
            calls_deep = max(calls_deep, sum(call for call, _ in stack))
        elif char == ")":
            call, arguments = stack.pop()
            if call:
                most_arguments = max(most_arguments, arguments)
        elif char == "," and stack:
            call, arguments = stack[-1]
            stack[-1] = (call, arguments + 1)
        previous = char
    assert not stack, formula[:200]
    assert not quote, formula[:200]
    return len(formula), most_arguments, calls_deep, brackets_deep


def assert_within_excel_limits(path: Path) -> list[Any]:
    """Every formula in every sheet keeps Excel's limits; returns the cells that hold
    pactcalc's value with a note instead of a formula."""
    workbook = openpyxl.load_workbook(path)
    noted = []
    formulas_seen = 0
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas_seen += 1
                    length, arguments, calls, brackets = formula_limits(cell.value)
                    where = (sheet.title, cell.coordinate)
                    assert length <= EXCEL_MAX_CHARS, (where, length)
                    assert arguments <= EXCEL_MAX_ARGUMENTS, (where, arguments)
                    assert calls <= EXCEL_MAX_NESTING, where
                    assert brackets <= EXCEL_MAX_NESTING, where
                if cell.comment is not None:
                    noted.append(cell)
    assert formulas_seen > 100
    return noted


def test_formula_limits_parser() -> None:
    assert formula_limits("=MAX(MAX(a,b),\"x,(y\",'it''s (1)'!A1)") == (36, 3, 2, 2)
    assert formula_limits("=(1+(2))*SUM(a)") == (15, 1, 1, 2)


def test_formulas_stay_within_excel_limits(tmp_path: Path) -> None:
    """The largest expressions a scenario may hold (``max`` and ``min`` of 49 names each,
    a sum of 49 terms, 25 levels deep) and a partner with 1,000 lines summed cell by
    cell: every formula keeps Excel's limits; what cannot fit (that partner's sums) is
    pactcalc's value with a note that says why."""
    document = document_from_text(limits_scenario(49, effort_lines=1000))
    result = document.result
    assert result is not None, document.problems
    path = tmp_path / "limits.xlsx"
    xlsx.write(document, path, "nl")
    noted = assert_within_excel_limits(path)
    note = xlsx.label("value_not_formula", "nl")
    assert "8.192" in note
    assert "255" in note
    workbook = openpyxl.load_workbook(path)
    lines = workbook[xlsx.label("sheet_lines", "nl")]
    partners = workbook[xlsx.label("sheet_partners", "nl")]
    first = xlsx.LINE_FIRST_YEAR_COLUMN
    # the four long lines fit: live formulas, no note
    for row in range(2, 6):
        assert str(lines.cell(row=row, column=first).value).startswith("=")
        assert lines.cell(row=row, column=first).comment is None
    effort_row = find_row(partners, 1, xlsx.label("effort", "nl")) + 1
    assert partners.cell(row=effort_row, column=1).value == "2021"
    expected: dict[tuple[str, str], float] = {}
    for t in range(3):
        cell = f"{xlsx.column_letters(3 + t)}{effort_row}"
        # 1,000 lines of (k % 7 + 1) × k_1 with k_1 = 2: Σ_k (k % 7 + 1) × 2
        expected[(partners.title, cell)] = sum((k % 7 + 1) * 2 for k in range(1000))
    got = {(cell.parent.title, cell.coordinate): cell for cell in noted}
    assert set(expected) <= set(got), sorted(set(expected) - set(got))
    for key, want in expected.items():
        cell = got[key]
        assert close(cell.value, want), (key, cell.value, want)
        assert cell.comment.text == note
    for cell in noted:
        assert cell.data_type == "n"
        assert cell.comment.text == note
    # the line totals still add the year cells
    assert lines.cell(row=2, column=first + 3).value == "=SUM(H2:J2)"


def test_long_argument_lists_are_split_in_calls_of_at_most_255() -> None:
    """``MAX`` of 600 arguments becomes MAX of MAX calls of at most 255 each (255 + 255 +
    90), the same maximum; within the limits no split happens."""
    from pactcalc.render.xlsx.formulas import associative_call

    args = [f"A{i}" for i in range(1, 601)]
    formula = "=" + associative_call("MAX", args)
    length, most_arguments, calls_deep, _ = formula_limits(formula)
    assert formula.count("MAX(") == 4  # the outer one and three groups
    assert most_arguments <= 255
    assert calls_deep == 2
    assert length <= 8192
    assert associative_call("MIN", ["A1", "A2"]) == "MIN(A1,A2)"


def test_values_for_formulas_too_long_recalculate_to_the_engine(tmp_path: Path) -> None:
    """A partner with 700 lines: its sums on the Partners sheet are values with a note
    (700 cell references do not fit 8,192 characters), and the workbook recalculates
    to the engine's numbers, in either language."""
    document = document_from_text(limits_scenario(10, effort_lines=700, depth=3))
    result = document.result
    assert result is not None, document.problems
    path = tmp_path / "split.xlsx"
    xlsx.write(document, path, "nl")
    noted = assert_within_excel_limits(path)
    workbook = openpyxl.load_workbook(path)
    partners = workbook[xlsx.label("sheet_partners", "nl")]
    assert noted
    assert {cell.parent.title for cell in noted} == {partners.title}
    values = formulas_values(path)
    for sheet in workbook:  # pactcalc's values stand in the recalculated workbook as they are
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int | float):
                    values.setdefault((sheet.title.upper(), cell.coordinate), cell.value)
    assert_matches_engine(Book(path, values), result)
    english = tmp_path / "split-en.xlsx"
    xlsx.write(document, english, "en")
    partners_en = openpyxl.load_workbook(english)[xlsx.label("sheet_partners", "en")]
    texts = {cell.comment.text for row in partners_en.iter_rows() for cell in row if cell.comment}
    assert texts == {xlsx.label("value_not_formula", "en")}
    assert "8,192" in next(iter(texts))


# --- the Uncertainty sheet walks the report model (issue 9) ---------------------------------


def test_machine_table_as_values() -> None:
    """A table with a ``raw_header`` is written as its raw rows (the rows CSV has) under
    that header, a missing value as an empty cell, formats per row where given."""
    from pactcalc.report.blocks import Table

    table = Table(
        id="m",
        title="",
        header=["shown", "columns"],
        rows=[["only", "words"]],
        raw=[["npv", 1.5, None, math.nan], ["=cmd()", 2, 3.0, 4.0]],
        raw_header=("quantity", "value", "standard_error", "other"),
    )
    workbook = openpyxl.Workbook()
    sheet = workbook.active

    def formats(raw: Any) -> list[str | None]:
        return [None, xlsx.PERCENT_FORMAT if raw[0] == "npv" else None, None, None]

    assert xlsx.write_table(sheet, table, row=2, title=False, row_formats=formats) == 5
    assert [c.value for c in sheet[2]] == ["quantity", "value", "standard_error", "other"]
    assert all(c.font.bold for c in sheet[2])
    assert [sheet.cell(row=3, column=c).value for c in (1, 2, 3, 4)] == ["npv", 1.5, None, None]
    assert sheet.cell(row=3, column=2).number_format == xlsx.PERCENT_FORMAT
    formula_like = sheet.cell(row=4, column=1)
    assert formula_like.value == "=cmd()"
    assert formula_like.data_type == "s"
    assert sheet.cell(row=4, column=2).number_format == "General"


def test_uncertainty_sheet_walks_the_model(documents: dict[str, Document], tmp_path: Path) -> None:
    """The Uncertainty sheet is the machine-readable tables of the simulate and the
    sensitivity report, in the model's order, unrounded; every number the analysis has
    (each summary, share without payback, probability with its standard error, each
    swing and switching value) is a number in it, with the format of its metric."""
    from pactcalc.report import build_sensitivity, build_simulation
    from pactcalc.uncertainty import analyse

    document = documents["beschermd-wonen"]
    analysis = analyse(document.scenario, document.checks)
    simulation, sensitivity = analysis.simulation, analysis.sensitivity
    path = tmp_path / "unc.xlsx"
    xlsx.write(document, path, "nl", analysis)
    sheet = openpyxl.load_workbook(path)[xlsx.label("sheet_uncertainty", "nl")]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows[0][0] == xlsx.label(
        "uncertainty_intro", "nl", n=simulation.samples, seed=simulation.seed
    )
    at = 0
    reports = (
        build_simulation(simulation, "nl"),
        build_sensitivity(sensitivity, document.scenario, "nl"),
    )
    tables = [
        (section, table)
        for report in reports
        for section in report.sections
        for table in section.blocks
        if getattr(table, "raw_header", ())
    ]
    # the example has an agreement since issue 11: its risk table walks along
    assert [table.id for _, table in tables] == [
        "simulation_values",
        "agreement_risk_values",
        "sensitivity",
    ]
    for section, table in tables:
        at = rows.index((section.title, *(None,) * (len(rows[0]) - 1)), at)
        width = len(table.raw_header)
        assert rows[at + 1][:width] == tuple(table.raw_header)
        for offset, raw in enumerate(table.raw, start=at + 2):
            assert _same_cells(rows[offset][:width], raw), offset
        at += 2 + len(table.raw)
    numbers = {
        c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, int | float)
    }
    expected = [p.p for p in simulation.probabilities] + [p.se for p in simulation.probabilities]
    for key, summary in simulation.summaries.items():
        expected += [
            v for v in (summary.mean, summary.p5, summary.p50, summary.p95) if v is not None
        ]
        if key.endswith("payback_years"):
            expected.append(summary.missing)
    for swing in sensitivity.swings:
        found = (swing.low, swing.high, swing.at_low, swing.at_high, swing.swing)
        expected += [
            v for v in (*found, swing.switching_value) if v is not None and math.isfinite(v)
        ]
    assert [
        v for v in expected if not any(math.isclose(v, n, rel_tol=1e-14) for n in numbers)
    ] == []
    by_label = {(r[0], r[2]): i + 1 for i, r in enumerate(rows) if r[0] and len(r) > 2}
    money = xlsx.MONEY_FORMAT["nl"]
    assert sheet.cell(row=by_label["npv", "mean"], column=4).number_format == money
    assert (
        sheet.cell(row=by_label["payback_years", "p50"], column=4).number_format
        == xlsx.RATIO_FORMAT
    )
    share = sheet.cell(row=by_label["payback_years", "share_without_payback"], column=4)
    assert share.number_format == xlsx.PERCENT_FORMAT
    probability = by_label["P(npv > 0)", "probability"]
    assert {sheet.cell(row=probability, column=c).number_format for c in (4, 5)} == {
        xlsx.PERCENT_FORMAT
    }
    assert sheet.cell(row=by_label["cumulative[2021]", "p50"], column=4).number_format == money
    assert sheet.cell(row=by_label["samples", "count"], column=4).number_format == "General"


def _same_cells(cells: Any, values: Any) -> bool:
    """A sheet's row holds ``values``: numbers to the precision a cell keeps (openpyxl
    writes 16 significant digits), the rest as they are."""
    if len(cells) != len(values):
        return False
    for cell, value in zip(cells, values, strict=True):
        if isinstance(value, float) and not isinstance(value, bool):
            if not isinstance(cell, int | float) or not math.isclose(cell, value, rel_tol=1e-14):
                return False
        elif cell != value:
            return False
    return True
