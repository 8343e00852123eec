"""Excel output: a workbook whose numbers are live formulas over the scenario's inputs.

For a controller who wants to follow (and change) the calculation in Excel:

* **Inputs** (Invoer): every parameter with unit, range, source and note; then
  ``weeks_per_year``, ``discount_rate``, ``indexation`` and ``price_year``; then the series,
  one column per calendar year. Each parameter and scalar input is an Excel *defined name*,
  so that a line reads ``=… clients*hours*weeks_per_year*rate …``. A parameter whose name
  Excel cannot take as a defined name (it looks like a cell reference such as ``ab12``, is
  ``TRUE``/``FALSE``, or clashes case-insensitively with another name) is referenced by an
  absolute address (``'Invoer'!$B$7``) instead.
* **Lines** (Regels): every line with kind, name, partner, paid_from, the years it runs
  and its amount as written; per calendar year a formula translated from the expression's
  syntax tree, times the running condition and the indexation factor::

      =IF(AND(H$1>=$E2,H$1<=$F2),(clients*hours*weeks_per_year*rate)*(1+indexation)^(H$1-price_year),0)

* **Year by year** (Per jaar): SUMIFS over the lines by kind and paid_from, and the
  arithmetic of DOMAIN.md §2 as formulas, with a total column.
* **Partners**: per partner and year SUMIFS of effort, budget held, what it pays (own
  costs plus its pro-rata share of the budget-funded costs, as a formula), stops paying,
  gains and net; and the totals.
* **Summary** (Samenvatting): the headline metrics as formulas; the two payback periods
  are pactcalc's values (the convention of DOMAIN.md §2 is not a one-cell formula).

Text from the scenario is always written as text, never as a formula (formula
injection). The file is byte-identical for the same scenario: fixed document dates and
fixed zip entry times.

openpyxl is imported inside :func:`write` only: start-up time of the CLI matters.
"""

from __future__ import annotations

import ast
import datetime
import io
import math
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pactcalc.api import Document
from pactcalc.engine import Result
from pactcalc.expressions import Expression
from pactcalc.i18n import label_from, t, years_text
from pactcalc.render.common import header_lines, rate_source
from pactcalc.uncertainty import Analysis

FIXED_TIME = datetime.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

# Number formats. Separators follow the reader's Excel locale; the pattern is the same.
MONEY_FORMAT = {"nl": '"€ "#,##0;"€ "-#,##0', "en": '"€"#,##0;-"€"#,##0'}
PERCENT_FORMAT = "0.00%"
FACTOR_FORMAT = "0.000000"
RATIO_FORMAT = "0.00"
YEAR_FORMAT = "0"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
SHEETS = ("summary", "by_year", "partners", "lines", "inputs")  # in workbook order

# Labels of this module: key -> (nl, en). Others come from pactcalc.i18n.
LABELS: dict[str, tuple[str, str]] = {
    "sheet_summary": ("Samenvatting", "Summary"),
    "sheet_by_year": ("Per jaar", "Year by year"),
    "sheet_partners": ("Partners", "Partners"),
    "sheet_lines": ("Regels", "Lines"),
    "sheet_inputs": ("Invoer", "Inputs"),
    "name": ("Naam", "Name"),
    "value": ("Waarde", "Value"),
    "unit": ("Eenheid", "Unit"),
    "low": ("Laag", "Low"),
    "high": ("Hoog", "High"),
    "source": ("Bron", "Source"),
    "note": ("Toelichting", "Note"),
    "series_header": ("Reeks", "Series"),
    "kind": ("Soort", "Kind"),
    "partner_id": ("Partner (id)", "Partner (id)"),
    "partner_name": ("Naam partner", "Partner name"),
    "paid_from": ("Betaald uit", "Paid from"),
    "from": ("Vanaf", "From"),
    "until": ("Tot en met", "Until"),
    "expression": ("Bedrag (formule zoals geschreven)", "Amount (expression as written)"),
    "metric": ("Kengetal", "Metric"),
    "key": ("pactcalc-naam", "pactcalc name"),
    "budget_funded": ("Kosten betaald uit het budget", "Costs paid from the budget"),
    "discount_factor": ("Disconteringsfactor", "Discount factor"),
    "discounted_net": ("Contant saldo", "Discounted net"),
    "pv_investment": ("Contante waarde investering", "Present value of investment"),
    "pv_returns": ("Contante waarde besparing en baten", "Present value of savings and benefits"),
    "budget_held": ("Budget in beheer", "Budget held"),
    "value_from_pactcalc": (
        "waarde uit pactcalc (geen formule): investering aan het begin van het jaar, "
        "besparing en baten gespreid over het jaar",
        "value from pactcalc (not a formula): investment at the start of its year, "
        "savings and benefits spread over the year",
    ),
    "npv_note": (
        "saldo startjaar + NPV(discontovoet; saldi volgende jaren): het startjaar wordt "
        "niet verdisconteerd",
        "net of the start year + NPV(discount rate, later nets): the start year is not discounted",
    ),
    "weeks_per_year_note": ("weken per jaar, te gebruiken in formules", "weeks per year"),
    "indexation_label": ("Indexatie per jaar", "Indexation per year"),
    "indexation_note": (
        "elk bedrag × (1 + indexatie) ^ (jaar − prijsjaar)",
        "every amount × (1 + indexation) ^ (year − price year)",
    ),
    "price_year_label": ("Prijsjaar", "Price year"),
    "pays_note": (
        "eigen inzet en investeringen + aandeel in de kosten uit het budget, naar rato "
        "van het budget in beheer in dat jaar (in een jaar zonder budget: over de hele "
        "looptijd)",
        "own effort and investments + share of the budget-funded costs, pro rata to the "
        "budget held that year (in a year without budget: over the whole horizon)",
    ),
    "partners_totals": ("Totalen per partner", "Totals per partner"),
}


def label(key: str, lang: str, **args: Any) -> str:
    """A label of this module, else one of :mod:`pactcalc.i18n`."""
    if key in LABELS:
        nl, en = LABELS[key]
        return (en if lang == "en" else nl).format(**args)
    return t(key, lang, **args)


def is_formula_like(text: str) -> bool:
    """Text that a spreadsheet would take as a formula when typed."""
    return text.startswith(_FORMULA_START)


# --- expressions → Excel ---------------------------------------------------------------------

_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}
_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_ATOM = 4


def number_literal(value: float) -> str:
    """A number as an Excel formula literal (``1E-05``, not ``1e-05``)."""
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number).upper()


def to_excel(node: ast.expr, name_ref: Callable[[str], str]) -> str:
    """An expression tree (:attr:`Expression.tree`) as an Excel formula (without ``=``).

    ``name_ref`` gives the Excel text for a parameter or series name. Parentheses are
    written where the tree needs them, so the grouping is the one pactcalc computes.

    >>> import ast
    >>> tree = ast.parse("max(a - (b - c), 0) / -d * 2", mode="eval").body
    >>> to_excel(tree, str.upper)
    'MAX(A-(B-C),0)/-D*2'
    """
    return _excel(node, name_ref)[0]


def _excel(node: ast.expr, name_ref: Callable[[str], str]) -> tuple[str, int]:
    if isinstance(node, ast.Constant):
        assert isinstance(node.value, int | float)
        return number_literal(node.value), _ATOM
    if isinstance(node, ast.Name):
        return name_ref(node.id), _ATOM
    if isinstance(node, ast.UnaryOp):
        text, precedence = _excel(node.operand, name_ref)
        if precedence < 3:
            text = f"({text})"
        if isinstance(node.op, ast.USub):
            return f"-{text}", 3
        return text, precedence if precedence >= 3 else _ATOM
    if isinstance(node, ast.BinOp):
        precedence = _PRECEDENCE[type(node.op)]
        left, left_prec = _excel(node.left, name_ref)
        right, right_prec = _excel(node.right, name_ref)
        if left_prec < precedence:
            left = f"({left})"
        # the tree is left-associative: a right operand of equal precedence was bracketed
        if right_prec <= precedence:
            right = f"({right})"
        return f"{left}{_OPS[type(node.op)]}{right}", precedence
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        args = ",".join(_excel(arg, name_ref)[0] for arg in node.args)
        return f"{node.func.id.upper()}({args})", _ATOM
    raise AssertionError(f"unchecked node {type(node).__name__}")  # parse() rejects it


# --- defined names ---------------------------------------------------------------------------

_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}[0-9]+\Z|[RrCc][0-9]*\Z|[Rr][0-9]*[Cc][0-9]*\Z")


def excel_name_ok(name: str) -> bool:
    """Whether Excel (and LibreOffice) accept ``name`` as a defined name."""
    return (
        0 < len(name) <= 255
        and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name) is not None
        and not _CELL_LIKE.match(name)
        and name.upper() not in ("TRUE", "FALSE")
        and not name.lower().startswith("_xl")
    )


def col(index: int) -> str:
    """Column letters for a 1-based column index."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_ref(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# --- the workbook ----------------------------------------------------------------------------


@dataclass
class _Layout:
    """Where things are, for formulas that refer across sheets."""

    names: dict[str, str] = field(default_factory=dict)  # parameter -> Excel text
    scalars: dict[str, str] = field(default_factory=dict)  # weeks_per_year, … -> Excel text
    series: dict[str, dict[int, str]] = field(default_factory=dict)  # name -> year -> ref
    line_rows: list[int] = field(default_factory=list)
    by_year_rows: dict[str, int] = field(default_factory=dict)
    summary_rows: dict[str, int] = field(default_factory=dict)


def write(
    document: Document,
    path: str | os.PathLike[str],
    lang: str = "nl",
    analysis: Analysis | None = None,
) -> None:
    """Write the workbook of a computed document to ``path`` (``.xlsx``); with
    ``analysis`` (the scenario has ranges) an uncertainty sheet of values is added."""
    import openpyxl

    result = document.result
    assert result is not None, "write() needs an evaluated document"
    lang = "en" if lang == "en" else "nl"
    workbook = openpyxl.Workbook()
    _Builder(workbook, result, lang).build()
    if analysis is not None:
        uncertainty_sheet(workbook, analysis, lang)

    save_stable(workbook, path, result.scenario.name)


def save_stable(workbook: Any, path: str | os.PathLike[str], title: str) -> None:
    """Save so that the same workbook gives the same bytes: fixed document dates and
    fixed dates on every entry of the zip archive."""
    from openpyxl.writer.excel import ExcelWriter

    properties = workbook.properties
    properties.creator = "pactcalc"
    properties.title = clean_text(title)
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.lastModifiedBy = None

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    with open(path, "wb") as out:
        out.write(_fixed_zip_times(raw.getvalue()))


_UNCERTAINTY_LABELS = {
    "sheet": ("Onzekerheid", "Uncertainty"),
    "intro": (
        "Waarden uit pactcalc simulate ({n} trekkingen, seed {seed}) en pactcalc "
        "sensitivity; geen formules: de simulatie draait in pactcalc.",
        "Values from pactcalc simulate ({n} samples, seed {seed}) and pactcalc sensitivity; "
        "not formulas: the simulation runs in pactcalc.",
    ),
    "outcomes": ("Uitkomsten", "Outcomes"),
    "mean": ("Gemiddelde", "Mean"),
    "missing": ("Zonder terugverdiening", "Without payback"),
    "probabilities": ("Kansen", "Probabilities"),
    "p": ("Kans", "Probability"),
    "se": ("Standaardfout", "Standard error"),
    "tornado": (
        "Gevoeligheid van de NCW (één parameter tegelijk)",
        "Sensitivity of the NPV (one parameter at a time)",
    ),
    "parameter": ("Parameter", "Parameter"),
    "low": ("Laag", "Low"),
    "high": ("Hoog", "High"),
    "at_low": ("NCW bij laag", "NPV at low"),
    "at_high": ("NCW bij hoog", "NPV at high"),
    "swing": ("Zwaai", "Swing"),
    "switching": ("Omslagwaarde", "Switching value"),
    "none": ("geen", "none"),
}


def _u(key: str, lang: str, **args: Any) -> str:
    return label_from(_UNCERTAINTY_LABELS, key, lang, **args)


def uncertainty_sheet(workbook: Any, analysis: Analysis, lang: str) -> None:
    """The simulation and the tornado as values (DOMAIN.md §6), in their own sheet."""
    from openpyxl.styles import Font

    from pactcalc.i18n import t
    from pactcalc.render.uncertainty import event_text

    simulation, sensitivity = analysis.simulation, analysis.sensitivity
    sheet = workbook.create_sheet(_u("sheet", lang))
    bold = Font(bold=True)
    money = MONEY_FORMAT[lang]
    set_text(
        sheet.cell(row=1, column=1), _u("intro", lang, n=simulation.samples, seed=simulation.seed)
    )
    row = 3
    set_text(sheet.cell(row=row, column=1), _u("outcomes", lang)).font = bold
    for i, head in enumerate((_u("mean", lang), "P5", "P50", "P95", _u("missing", lang))):
        set_text(sheet.cell(row=row, column=2 + i), head).font = bold
    names = {p.id: p.name for p in simulation.result.partners}
    for key, summary in simulation.summaries.items():
        row += 1
        partner = key[len("net_total[") : -1] if key.startswith("net_total[") else None
        label_text = (
            f"{t('partner_net', lang)} {names.get(partner, partner)}" if partner else t(key, lang)
        )
        set_text(sheet.cell(row=row, column=1), label_text)
        fmt = RATIO_FORMAT if "payback" in key else money
        for i, value in enumerate((summary.mean, summary.p5, summary.p50, summary.p95)):
            if value is None:  # among the samples without payback: said in words
                set_text(sheet.cell(row=row, column=2 + i), "—")
            else:
                sheet.cell(row=row, column=2 + i, value=float(value)).number_format = fmt
        if "payback" in key:
            cell = sheet.cell(row=row, column=6, value=float(summary.missing))
            cell.number_format = PERCENT_FORMAT
    row += 2
    set_text(sheet.cell(row=row, column=1), _u("probabilities", lang)).font = bold
    set_text(sheet.cell(row=row, column=2), _u("p", lang)).font = bold
    set_text(sheet.cell(row=row, column=3), _u("se", lang)).font = bold
    horizon = len(simulation.result.years)
    for found in simulation.probabilities:
        row += 1
        set_text(sheet.cell(row=row, column=1), event_text(found.event, lang, horizon, names))
        sheet.cell(row=row, column=2, value=found.p).number_format = PERCENT_FORMAT
        sheet.cell(row=row, column=3, value=found.se).number_format = PERCENT_FORMAT
    row += 2
    set_text(sheet.cell(row=row, column=1), _u("tornado", lang)).font = bold
    heads = ("parameter", "low", "high", "at_low", "at_high", "swing", "switching")
    for i, key in enumerate(heads):
        set_text(sheet.cell(row=row + 1, column=1 + i), _u(key, lang)).font = bold
    row += 1
    for swing in sensitivity.swings:
        row += 1
        set_text(sheet.cell(row=row, column=1), swing.parameter)
        sheet.cell(row=row, column=2, value=swing.low)
        sheet.cell(row=row, column=3, value=swing.high)
        for index, value in ((4, swing.at_low), (5, swing.at_high), (6, swing.swing)):
            if math.isfinite(value):
                sheet.cell(row=row, column=index, value=float(value)).number_format = money
            else:  # no payback: said in words, never NaN in a cell
                set_text(sheet.cell(row=row, column=index), "—")
        if swing.switching_value is None:
            set_text(sheet.cell(row=row, column=7), _u("none", lang))
        else:
            sheet.cell(row=row, column=7, value=swing.switching_value)
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = 16


def _fixed_zip_times(data: bytes) -> bytes:
    """The same archive with every entry dated :data:`_ZIP_TIME` (zipfile stamps the
    current time), so that the same workbook gives the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def set_text(cell: Any, value: str | None) -> Any:
    """Put ``value`` in ``cell`` as text, never as a formula: a leading = + - @ gets a quote
    prefix (formula injection), control characters are dropped."""
    if value is None:
        return cell
    value = clean_text(str(value))
    cell.value = value
    cell.data_type = "s"
    if is_formula_like(value):
        cell.quotePrefix = True
    return cell


def clean_text(text: str) -> str:
    """Text without the control characters that XML (and so xlsx) cannot hold."""
    return _ILLEGAL.sub("", text)[:32767]


class _Builder:
    def __init__(self, workbook: Any, result: Result, lang: str) -> None:
        from openpyxl.styles import Font

        self.wb = workbook
        self.result = result
        self.scenario = result.scenario
        self.lang = lang
        self.years = list(result.years)
        self.n = len(self.years)
        self.layout = _Layout()
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=14)
        self.money = MONEY_FORMAT[lang]
        names = {key: label(f"sheet_{key}", lang) for key in SHEETS}
        self.sheet_names = names

    # cells -----------------------------------------------------------------------------

    def text(self, ws: Any, row: int, column: int, value: str | None, bold: bool = False) -> Any:
        """Scenario or label text, always as text: a leading = + - @ never runs."""
        cell = set_text(ws.cell(row=row, column=column), value)
        if value is None:
            return cell
        if bold:
            cell.font = self.bold
        return cell

    def number(
        self, ws: Any, row: int, column: int, value: float | None, fmt: str | None = None
    ) -> Any:
        cell = ws.cell(row=row, column=column)
        if value is not None:
            cell.value = value
        if fmt:
            cell.number_format = fmt
        return cell

    def formula(self, ws: Any, row: int, column: int, formula: str, fmt: str | None = None) -> Any:
        cell = ws.cell(row=row, column=column)
        cell.value = "=" + formula
        if fmt:
            cell.number_format = fmt
        return cell

    def header(self, ws: Any, row: int, values: Sequence[str | int], first: int = 1) -> None:
        for offset, value in enumerate(values):
            if isinstance(value, int):
                cell = self.number(ws, row, first + offset, value, YEAR_FORMAT)
                cell.font = self.bold
            else:
                self.text(ws, row, first + offset, value, bold=True)

    def widths(self, ws: Any, widths: dict[int, float]) -> None:
        for index, width in widths.items():
            ws.column_dimensions[col(index)].width = width

    # build -----------------------------------------------------------------------------

    def build(self) -> None:
        summary = self.wb.active
        summary.title = self.sheet_names["summary"]
        by_year = self.wb.create_sheet(self.sheet_names["by_year"])
        partners = self.wb.create_sheet(self.sheet_names["partners"])
        lines = self.wb.create_sheet(self.sheet_names["lines"])
        inputs = self.wb.create_sheet(self.sheet_names["inputs"])
        self.inputs(inputs)
        self.lines(lines)
        self.by_year(by_year)
        self.partners(partners)
        self.summary(summary)

    # Inputs ----------------------------------------------------------------------------

    def inputs(self, ws: Any) -> None:
        from openpyxl.workbook.defined_name import DefinedName

        lang, scenario, sheet = self.lang, self.scenario, ws.title
        self.header(
            ws,
            1,
            [label(k, lang) for k in ("name", "value", "unit", "low", "high", "source", "note")],
        )
        used: set[str] = set()

        def define(name: str, row: int, target: dict[str, str]) -> None:
            address = sheet_ref(sheet, f"$B${row}")
            if excel_name_ok(name) and name.lower() not in used:
                used.add(name.lower())
                self.wb.defined_names[name] = DefinedName(name, attr_text=address)
                target[name] = name
            else:
                target[name] = address

        # scalar inputs first: they keep their names; a parameter that clashes is addressed
        row = 2 + len(scenario.parameters)
        price_year = scenario.price_year if scenario.price_year is not None else scenario.start_year
        scalars: list[tuple[str, float, str | None, str | None, str]] = [
            (
                "weeks_per_year",
                scenario.weeks_per_year,
                None,
                label("weeks_per_year_note", lang),
                "General",
            ),
            (
                "discount_rate",
                self.result.discount_rate,
                rate_source(self.result, lang),
                label("discount_rate", lang),
                PERCENT_FORMAT,
            ),
            (
                "indexation",
                scenario.indexation,
                None,
                f"{label('indexation_label', lang)}: {label('indexation_note', lang)}",
                PERCENT_FORMAT,
            ),
            ("price_year", price_year, None, label("price_year_label", lang), YEAR_FORMAT),
        ]
        for name, value, source, note, fmt in scalars:
            self.text(ws, row, 1, name)
            self.number(ws, row, 2, value, fmt)
            self.text(ws, row, 6, source)
            self.text(ws, row, 7, note)
            define(name, row, self.layout.scalars)
            row += 1

        for index, (name, parameter) in enumerate(scenario.parameters.items()):
            prow = 2 + index
            self.text(ws, prow, 1, name)
            self.number(ws, prow, 2, parameter.value)
            self.text(ws, prow, 3, parameter.unit)
            self.number(ws, prow, 4, parameter.low)
            self.number(ws, prow, 5, parameter.high)
            self.text(ws, prow, 6, parameter.source)
            self.text(ws, prow, 7, parameter.note)
            define(name, prow, self.layout.names)

        # series: one row each, one column per calendar year
        row += 1
        self.header(
            ws,
            row,
            [
                label("series_header", lang),
                *self.years,
                label("unit", lang),
                label("source", lang),
                label("note", lang),
            ],
        )
        for name, series in scenario.series.items():
            row += 1
            values = series.values if isinstance(series.values, list) else [series.values] * self.n
            self.text(ws, row, 1, name)
            refs = {}
            for offset, (year, value) in enumerate(zip(self.years, values, strict=True)):
                self.number(ws, row, 2 + offset, value)
                refs[year] = sheet_ref(sheet, f"${col(2 + offset)}${row}")
            self.layout.series[name] = refs
            self.text(ws, row, 2 + self.n, series.unit)
            self.text(ws, row, 3 + self.n, series.source)
            self.text(ws, row, 4 + self.n, series.note)
        ws.freeze_panes = "B2"
        self.widths(ws, {1: 34, 2: 14, 3: 16, 4: 12, 5: 12, 6: 60, 7: 50})
        for offset in range(self.n + 3):
            column = 2 + offset
            if column > 7:
                ws.column_dimensions[col(column)].width = 14 if offset < self.n else 40

    # Lines -----------------------------------------------------------------------------

    LINE_FIRST_YEAR_COLUMN = 8

    def lines(self, ws: Any) -> None:
        lang, scenario = self.lang, self.scenario
        first = self.LINE_FIRST_YEAR_COLUMN
        total_column = first + self.n
        self.header(
            ws,
            1,
            [
                label("kind", lang),
                label("name", lang),
                label("partner", lang),
                label("paid_from", lang),
                label("from", lang),
                label("until", lang),
                label("expression", lang),
                *self.years,
                label("total", lang),
                label("source", lang),
                label("note", lang),
            ],
        )
        for offset, line in enumerate(self.result.lines):
            row = 2 + offset
            self.layout.line_rows.append(row)
            spec = scenario.lines(line.kind)[line.index]
            self.text(ws, row, 1, line.kind)
            self.text(ws, row, 2, line.name)
            self.text(ws, row, 3, line.partner)
            self.text(ws, row, 4, line.paid_from)
            if line.kind == "investments":
                year = spec.year if spec.year is not None else scenario.start_year
                start, end = year, year
            else:
                start = spec.start if spec.start is not None else self.years[0]
                end = spec.until if spec.until is not None else self.years[-1]
            self.number(ws, row, 5, start, YEAR_FORMAT)
            self.number(ws, row, 6, end, YEAR_FORMAT)
            amount = spec.amount
            if isinstance(amount, Expression):
                self.text(ws, row, 7, amount.text)
            else:
                self.number(ws, row, 7, float(amount))
            for t_index, year in enumerate(self.years):
                column = first + t_index
                year_cell = f"{col(column)}$1"

                def ref(name: str, year: int = year) -> str:
                    if name in self.layout.series:
                        return self.layout.series[name][year]
                    if name in self.layout.names:
                        return self.layout.names[name]
                    return self.layout.scalars[name]  # weeks_per_year

                if isinstance(amount, Expression):
                    expression = to_excel(amount.tree, ref)
                else:
                    expression = number_literal(float(amount))
                self.formula(
                    ws,
                    row,
                    column,
                    f"IF(AND({year_cell}>=$E{row},{year_cell}<=$F{row}),"
                    f"({expression})*(1+{self.layout.scalars['indexation']})"
                    f"^({year_cell}-{self.layout.scalars['price_year']})"
                    f"{self._adjustment_factors(line.kind, spec, year_cell, ref)},0)",
                    self.money,
                )
            self.formula(
                ws,
                row,
                total_column,
                f"SUM({col(first)}{row}:{col(total_column - 1)}{row})",
                self.money,
            )
            self.text(ws, row, total_column + 1, spec.source)
            self.text(ws, row, total_column + 2, spec.note)
        ws.freeze_panes = "C2"
        self.widths(ws, {1: 12, 2: 40, 3: 14, 4: 11, 5: 8, 6: 10, 7: 50})
        for column in range(first, total_column + 1):
            ws.column_dimensions[col(column)].width = 15
        self.widths(ws, {total_column + 1: 50, total_column + 2: 40})

    def _adjustment_factors(
        self, kind: str, spec: Any, year_cell: str, ref: Callable[[str], str]
    ) -> str:
        """The appraisal adjustments of DOMAIN.md §6 as factors of the line's formula:
        cost × (1 + optimism_bias); benefit × (1 − each) and × (1 − drop_off) ^ (year −
        first year). A parameter name becomes its defined name, so it stays live."""
        from pactcalc.engine import adjustment_values

        factors = []
        for name, value in adjustment_values(self.scenario, kind, spec).items():
            term = ref(value) if isinstance(value, str) else number_literal(float(value))
            if kind in ("effort", "investments"):
                factors.append(f"*(1+{term})")
            elif name == "drop_off":
                first = spec.start if spec.start is not None else self.years[0]
                factors.append(f"*(1-{term})^MAX({year_cell}-{first},0)")
            else:
                factors.append(f"*(1-{term})")
        return "".join(factors)

    def _lines_range(self, column: int | str, absolute_column: bool = False) -> str:
        last = max(2, 1 + len(self.result.lines))
        letters = col(column) if isinstance(column, int) else column
        dollar = "$" if absolute_column else ""
        return sheet_ref(self.sheet_names["lines"], f"{dollar}{letters}$2:{dollar}{letters}${last}")

    def _sum_lines(self, year_column: int, criteria: Sequence[tuple[str, str]]) -> str:
        """SUMIFS over the Lines sheet; criteria as (column letter, criterion formula)."""
        parts = [self._lines_range(year_column)]
        for letters, criterion in criteria:
            parts += [self._lines_range(letters, absolute_column=True), criterion]
        return f"SUMIFS({','.join(parts)})"

    # Year by year ----------------------------------------------------------------------

    def by_year(self, ws: Any) -> None:
        lang, n = self.lang, self.n
        self.header(ws, 1, ["", *self.years, label("total", lang)])
        keys = [
            "budget",
            "effort",
            "budget_funded",
            "headroom",
            "baseline",
            "savings",
            "benefits",
            "investment",
            "net",
            "cumulative",
            "discount_factor",
            "discounted_net",
        ]
        rows = {key: 2 + i for i, key in enumerate(keys)}
        self.layout.by_year_rows = rows
        line_first = self.LINE_FIRST_YEAR_COLUMN
        total = 2 + n
        kinds = {
            "budget": "budget",
            "effort": "effort",
            "baseline": "baseline",
            "benefits": "benefits",
            "investment": "investments",
        }
        for key, row in rows.items():
            self.text(ws, row, 1, label(key, lang), bold=key in ("headroom", "net"))
        for t_index in range(n):
            column = 2 + t_index
            c = col(column)
            lines_column = line_first + t_index

            def r(key: str, c: str = c) -> str:
                return f"{c}{rows[key]}"

            for key, kind in kinds.items():
                self.formula(
                    ws, rows[key], column, self._sum_lines(lines_column, [("A", _quote(kind))])
                )
            funded = "+".join(
                self._sum_lines(lines_column, [("A", _quote(kind)), ("D", _quote("budget"))])
                for kind in ("effort", "investments")
            )
            self.formula(ws, rows["budget_funded"], column, funded)
            self.formula(ws, rows["headroom"], column, f"{r('budget')}-{r('budget_funded')}")
            self.formula(ws, rows["savings"], column, f"{r('baseline')}-{r('effort')}")
            self.formula(
                ws, rows["net"], column, f"{r('savings')}+{r('benefits')}-{r('investment')}"
            )
            previous = f"{col(column - 1)}{rows['cumulative']}+" if t_index else ""
            self.formula(ws, rows["cumulative"], column, f"{previous}{r('net')}")
            self.formula(
                ws,
                rows["discount_factor"],
                column,
                f"1/(1+{self.layout.scalars['discount_rate']})^({c}$1-$B$1)",
                FACTOR_FORMAT,
            )
            self.formula(ws, rows["discounted_net"], column, f"{r('net')}*{r('discount_factor')}")
        for key, row in rows.items():
            for column in range(2, total + 1):
                if key != "discount_factor":
                    ws.cell(row=row, column=column).number_format = self.money
            if key not in ("cumulative", "discount_factor"):
                self.formula(ws, row, total, f"SUM(B{row}:{col(total - 1)}{row})", self.money)
        ws.freeze_panes = "B2"
        self.widths(ws, {1: 34, **{c: 15 for c in range(2, total + 1)}})

    def by_year_ref(self, key: str, column: int | None = None, absolute: bool = False) -> str:
        """A cell (``column``) or the year range (``None``) of a Year-by-year row."""
        row = self.layout.by_year_rows[key]
        d = "$" if absolute else ""
        if column is None:
            cell = f"{d}B{d}{row}:{d}{col(1 + self.n)}{d}{row}"
        else:
            cell = f"{d}{col(column)}{d}{row}"
        return sheet_ref(self.sheet_names["by_year"], cell)

    # Partners --------------------------------------------------------------------------

    def partners(self, ws: Any) -> None:
        lang, n = self.lang, self.n
        partners = self.scenario.partners
        self.header(
            ws,
            1,
            [
                label("partner_id", lang),
                label("partner_name", lang),
                *self.years,
                label("total", lang),
            ],
        )
        total = 3 + n
        line_first = self.LINE_FIRST_YEAR_COLUMN
        # SUMIFS compares text case-insensitively and reads a criterion such as "2021",
        # "1-2" or "TRUE" as a number, date or boolean: unless every id is plain (letters,
        # '_' and '-', unique regardless of case), sum the partner's own line cells.
        lowered = [p.id.lower() for p in partners]
        use_sumifs = len(set(lowered)) == len(lowered) and all(
            re.fullmatch(r"[A-Za-z_-]+", p.id) and p.id.upper() not in ("TRUE", "FALSE")
            for p in partners
        )
        lines_sheet = self.sheet_names["lines"]

        def partner_sum(
            t_index: int, row: int, partner_id: str, kind: str, paid_from: str | None = None
        ) -> str:
            lines_column = line_first + t_index
            if use_sumifs:
                criteria = [("A", _quote(kind)), ("C", f"$A{row}")]
                if paid_from:
                    criteria.append(("D", _quote(paid_from)))
                return self._sum_lines(lines_column, criteria)
            cells = [
                sheet_ref(lines_sheet, f"{col(lines_column)}{line_row}")
                for line, line_row in zip(self.result.lines, self.layout.line_rows, strict=True)
                if line.kind == kind
                and line.partner == partner_id
                and (paid_from is None or line.paid_from == paid_from)
            ]
            return "+".join(cells) if cells else "0"

        blocks = ["effort", "budget_held", "pays", "stops_paying", "gains", "partner_net"]
        block_labels = {"partner_net": "net"}
        block_rows: dict[str, dict[str, int]] = {}
        block_total_rows: dict[str, int] = {}
        row = 2
        for block in blocks:
            self.text(ws, row, 1, label(block_labels.get(block, block), lang), bold=True)
            if block == "pays":
                self.text(ws, row, 2, label("pays_note", lang))
            row += 1
            block_rows[block] = {}
            for partner in partners:
                block_rows[block][partner.id] = row
                self.text(ws, row, 1, partner.id)
                self.text(ws, row, 2, partner.name)
                row += 1
            block_total_rows[block] = row
            self.text(ws, row, 1, label("total", lang), bold=True)
            row += 2

        for t_index in range(n):
            column = 3 + t_index
            c = col(column)
            for partner in partners:
                pid = partner.id
                rows = {block: block_rows[block][pid] for block in blocks}
                self.formula(
                    ws, rows["effort"], column, partner_sum(t_index, rows["effort"], pid, "effort")
                )
                self.formula(
                    ws,
                    rows["budget_held"],
                    column,
                    partner_sum(t_index, rows["budget_held"], pid, "budget"),
                )
                prow = rows["pays"]
                own = "+".join(
                    partner_sum(t_index, prow, pid, kind, "own")
                    for kind in ("effort", "investments")
                )
                budget_y = self.by_year_ref("budget", 2 + t_index)
                budget_total = self.by_year_ref("budget", 2 + n, absolute=True)
                held_y = f"{c}{rows['budget_held']}"
                held_total = f"${col(total)}{rows['budget_held']}"
                share = (
                    f"IF({budget_y}>0,{held_y}/{budget_y},"
                    f"IF({budget_total}>0,{held_total}/{budget_total},0))"
                )
                funded = self.by_year_ref("budget_funded", 2 + t_index)
                self.formula(ws, prow, column, f"{own}+{share}*{funded}")
                self.formula(
                    ws,
                    rows["stops_paying"],
                    column,
                    partner_sum(t_index, rows["stops_paying"], pid, "baseline"),
                )
                self.formula(
                    ws, rows["gains"], column, partner_sum(t_index, rows["gains"], pid, "benefits")
                )
                self.formula(
                    ws,
                    rows["partner_net"],
                    column,
                    f"{c}{rows['stops_paying']}+{c}{rows['gains']}-{c}{rows['pays']}",
                )
        for block in blocks:
            first_row = min(block_rows[block].values()) if partners else block_total_rows[block]
            last_row = block_total_rows[block] - 1
            for column in range(3, total + 1):
                c = col(column)
                self.formula(
                    ws, block_total_rows[block], column, f"SUM({c}{first_row}:{c}{last_row})"
                )
            for prow in [*block_rows[block].values(), block_total_rows[block]]:
                if prow != block_total_rows[block]:
                    self.formula(ws, prow, total, f"SUM(C{prow}:{col(total - 1)}{prow})")
                for column in range(3, total + 1):
                    ws.cell(row=prow, column=column).number_format = self.money
            for column in range(1, total + 1):
                ws.cell(row=block_total_rows[block], column=column).font = self.bold

        # totals per partner: who pays, who benefits
        self.text(ws, row, 1, label("partners_totals", lang), bold=True)
        self.text(ws, row, 2, label("who_pays", lang))
        row += 1
        self.header(
            ws,
            row,
            [
                label("partner_id", lang),
                label("partner_name", lang),
                label("pays", lang),
                label("stops_paying", lang),
                label("gains", lang),
                label("partner_net", lang),
            ],
        )
        totals_blocks = ["pays", "stops_paying", "gains", "partner_net"]
        entries: list[Any] = [*partners, None]
        for partner in entries:
            row += 1
            if partner is None:
                self.text(ws, row, 1, label("total", lang), bold=True)
                sources = {b: block_total_rows[b] for b in totals_blocks}
            else:
                self.text(ws, row, 1, partner.id)
                self.text(ws, row, 2, partner.name)
                sources = {b: block_rows[b][partner.id] for b in totals_blocks}
            for offset, block in enumerate(totals_blocks):
                cell = self.formula(
                    ws, row, 3 + offset, f"${col(total)}${sources[block]}", self.money
                )
                if partner is None:
                    cell.font = self.bold
        ws.freeze_panes = "C2"
        self.widths(ws, {1: 18, 2: 34, **{c: 15 for c in range(3, total + 1)}})

    # Summary ---------------------------------------------------------------------------

    def summary(self, ws: Any) -> None:
        lang, result, n = self.lang, self.result, self.n
        title = self.text(ws, 1, 1, self.scenario.name)
        title.font = self.title_font
        row = 2
        for line in header_lines(result, lang):
            self.text(ws, row, 1, line)
            row += 1
        row += 1
        self.header(
            ws,
            row,
            [label("metric", lang), label("value", lang), label("note", lang), label("key", lang)],
        )
        header_row = row
        rate = self.layout.scalars["discount_rate"]

        def total(key: str) -> str:
            return self.by_year_ref(key, 2 + n)

        rows: dict[str, int] = {}
        metrics: list[tuple[str, str | float | None, str, str | None]] = []
        for name, key in (
            ("effort_total", "effort"),
            ("budget_total", "budget"),
            ("headroom_total", "headroom"),
        ):
            metrics.append((name, total(key), self.money, None))
        metrics.append(("headroom_min", f"MIN({self.by_year_ref('headroom')})", self.money, None))
        for name, key in (
            ("investment_total", "investment"),
            ("baseline_total", "baseline"),
            ("savings_total", "savings"),
            ("benefits_total", "benefits"),
        ):
            metrics.append((name, total(key), self.money, None))
        net_first = self.by_year_ref("net", 2)
        if n > 1:
            rest = sheet_ref(
                self.sheet_names["by_year"],
                f"C{self.layout.by_year_rows['net']}:{col(1 + n)}{self.layout.by_year_rows['net']}",
            )
            npv = f"{net_first}+NPV({rate},{rest})"
        else:
            npv = net_first
        metrics.append(("npv", npv, self.money, label("npv_note", lang)))
        df = self.by_year_ref("discount_factor")
        metrics.append(
            (
                "pv_investment",
                f"SUMPRODUCT({self.by_year_ref('investment')},{df})",
                self.money,
                None,
            )
        )
        metrics.append(
            (
                "pv_returns",
                f"SUMPRODUCT({self.by_year_ref('savings')},{df})"
                f"+SUMPRODUCT({self.by_year_ref('benefits')},{df})",
                self.money,
                None,
            )
        )
        metrics += [("roi", None, RATIO_FORMAT, None), ("bcr", None, RATIO_FORMAT, None)]
        metrics += [
            ("payback_years", None, RATIO_FORMAT, label("value_from_pactcalc", lang)),
            ("discounted_payback_years", None, RATIO_FORMAT, label("value_from_pactcalc", lang)),
        ]
        metrics.append(("discount_rate", rate, PERCENT_FORMAT, rate_source(result, lang)))
        for offset, (name, _, _, _) in enumerate(metrics):
            rows[name] = header_row + 1 + offset
        self.layout.summary_rows = rows
        no_ratio = _quote(label("no_ratio", lang))
        for name, formula, fmt, note in metrics:
            row = rows[name]
            self.text(ws, row, 1, label(name, lang), bold=name in ("npv", "headroom_min"))
            if name in ("roi", "bcr"):
                numerator = f"B{rows['npv']}" if name == "roi" else f"B{rows['pv_returns']}"
                denominator = f"B{rows['pv_investment']}"
                formula = f"IF({denominator}=0,{no_ratio},{numerator}/{denominator})"
            if name in ("payback_years", "discounted_payback_years"):
                value = float(getattr(result, name).reshape(-1)[0])
                if math.isnan(value):
                    self.text(ws, row, 2, years_text(None, lang, n))
                else:
                    self.number(ws, row, 2, value, fmt)
            else:
                assert isinstance(formula, str)
                self.formula(ws, row, 2, formula, fmt)
            self.text(ws, row, 3, note)
            self.text(ws, row, 4, name)
        ws.freeze_panes = f"A{header_row + 1}"
        self.widths(ws, {1: 44, 2: 18, 3: 90, 4: 26})
