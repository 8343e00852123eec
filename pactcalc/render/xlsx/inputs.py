"""The Inputs sheet (Invoer): every parameter with unit, range, source and note; then
``weeks_per_year``, ``discount_rate``, ``indexation`` and ``price_year``; then the series,
one column per calendar year.

Each parameter and scalar input becomes an Excel *defined name*, so that a line reads
``=… clients*hours*weeks_per_year*rate …``. A parameter whose name Excel cannot take as
a defined name (it looks like a cell reference such as ``ab12``, is ``TRUE``/``FALSE``,
or clashes case-insensitively with another name) is referenced by an absolute address
(``'Invoer'!$B$7``) instead. The scalar inputs are defined first: they keep their names.
"""

from __future__ import annotations

from typing import Any

from pactcalc.render.xlsx.agreement_inputs import agreement_inputs
from pactcalc.render.xlsx.cells import PERCENT_FORMAT, YEAR_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, excel_name_ok, sheet_ref
from pactcalc.report.business import rate_source


def inputs_sheet(context: WorkbookContext, sheet: Any) -> None:
    """Fill the Inputs ``sheet`` and record the names and series cells in the layout."""
    lang, scenario, years = context.lang, context.scenario, context.years
    layout, cells, title = context.layout, SheetCells(sheet), sheet.title
    cells.header(
        1, [label(k, lang) for k in ("name", "value", "unit", "low", "high", "source", "note")]
    )
    names = DefinedNames(context.workbook)

    def define(name: str, row: int, target: dict[str, str]) -> None:
        target[name] = names.define(name, sheet_ref(title, f"$B${row}"))

    row = 2 + len(scenario.parameters)
    for name, value, source, note, fmt in _scalar_inputs(context):
        cells.text(row, 1, name)
        cells.number(row, 2, value, fmt)
        cells.text(row, 6, source)
        cells.text(row, 7, note)
        define(name, row, layout.scalars)
        row += 1

    for index, (name, parameter) in enumerate(scenario.parameters.items()):
        parameter_row = 2 + index
        cells.text(parameter_row, 1, name)
        cells.number(parameter_row, 2, parameter.value)
        cells.text(parameter_row, 3, parameter.unit)
        cells.number(parameter_row, 4, parameter.low)
        cells.number(parameter_row, 5, parameter.high)
        cells.text(parameter_row, 6, parameter.source)
        cells.text(parameter_row, 7, parameter.note)
        define(name, parameter_row, layout.names)

    # series: one row each, one column per calendar year
    horizon = len(years)
    row += 1
    cells.header(
        row,
        [
            label("series_header", lang),
            *years,
            label("unit", lang),
            label("source", lang),
            label("note", lang),
        ],
    )
    for name, series in scenario.series.items():
        row += 1
        values = series.values if isinstance(series.values, list) else [series.values] * horizon
        cells.text(row, 1, name)
        refs = {}
        for offset, (year, value) in enumerate(zip(years, values, strict=True)):
            cells.number(row, 2 + offset, value)
            refs[year] = sheet_ref(title, f"${column_letters(2 + offset)}${row}")
        layout.series[name] = refs
        cells.text(row, 2 + horizon, series.unit)
        cells.text(row, 3 + horizon, series.source)
        cells.text(row, 4 + horizon, series.note)
    if scenario.kpis or scenario.agreement:
        agreement_inputs(context, sheet, row + 2, names)
    sheet.freeze_panes = "B2"
    cells.widths({1: 34, 2: 14, 3: 16, 4: 12, 5: 12, 6: 60, 7: 50})
    for offset in range(horizon + 3):
        column = 2 + offset
        if column > 7:
            sheet.column_dimensions[column_letters(column)].width = 14 if offset < horizon else 40


class DefinedNames:
    """The workbook's defined names: a name Excel can take, not yet used regardless of
    case, becomes a defined name; any other is referred to by its address."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.used: set[str] = set()  # defined names so far, in lower case (Excel ignores case)

    def define(self, name: str, address: str) -> str:
        """Define ``name`` for ``address`` (a cell or a range) where Excel can take it;
        return the text a formula refers to it by: the name, or the address."""
        from openpyxl.workbook.defined_name import DefinedName

        if excel_name_ok(name) and name.lower() not in self.used:
            self.used.add(name.lower())
            self.workbook.defined_names[name] = DefinedName(name, attr_text=address)
            return name
        return address


def _scalar_inputs(
    context: WorkbookContext,
) -> list[tuple[str, float, str | None, str | None, str]]:
    """The scalar inputs as (name, value, source, note, number format)."""
    lang, scenario, result = context.lang, context.scenario, context.result
    price_year = scenario.price_year if scenario.price_year is not None else scenario.start_year
    indexation_note = f"{label('indexation_label', lang)}: {label('indexation_note', lang)}"
    return [
        (
            "weeks_per_year",
            scenario.weeks_per_year,
            None,
            label("weeks_per_year_note", lang),
            "General",
        ),
        (
            "discount_rate",
            result.discount_rate,
            rate_source(result, lang),
            label("discount_rate", lang),
            PERCENT_FORMAT,
        ),
        ("indexation", scenario.indexation, None, indexation_note, PERCENT_FORMAT),
        ("price_year", price_year, None, label("price_year_label", lang), YEAR_FORMAT),
    ]
