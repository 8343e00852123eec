"""The Summary sheet (Samenvatting): the scenario's header lines and the headline
metrics (:func:`pactcalc.metrics.headline_metrics`, in registry order) as formulas over
the Year-by-year sheet. The two payback periods are pactcalc's values (the convention of
DOMAIN.md §2 is not a one-cell formula), except in an actuals workbook, whose inputs can
be retyped: there they are formulas over the payback rows of :mod:`.payback`."""

from __future__ import annotations

import math
from typing import Any

from pactcalc import metrics
from pactcalc.i18n import years_text
from pactcalc.render.xlsx.cells import PERCENT_FORMAT, RATIO_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, sheet_ref, text_literal
from pactcalc.report.business import header_lines, rate_source

# A total metric and the Year-by-year row it is the total of.
_TOTAL_OF_ROW = {
    "effort_total": "effort",
    "budget_total": "budget",
    "headroom_total": "headroom",
    "investment_total": "investment",
    "baseline_total": "baseline",
    "savings_total": "savings",
    "benefits_total": "benefits",
}
# Rows of the sheet that are no metric of the registry: the present values the ratios
# are made of (after the NPV), and the discount rate (last).
_PRESENT_VALUE_ROWS = ("pv_investment", "pv_returns")
_BOLD_ROWS = ("npv", "headroom_min")


def summary_sheet(context: WorkbookContext, sheet: Any) -> None:
    """Fill the Summary ``sheet``."""
    lang, result = context.lang, context.result
    cells = SheetCells(sheet)
    cells.text(1, 1, context.scenario.name).font = _title_font()
    row = 2
    for line in header_lines(result, lang):
        cells.text(row, 1, line)
        row += 1
    row += 1
    cells.header(
        row, [label("metric", lang), label("value", lang), label("note", lang), label("key", lang)]
    )
    header_row = row
    names = _row_names()
    rows = {name: header_row + 1 + offset for offset, name in enumerate(names)}
    context.layout.summary_rows = rows
    for name in names:
        row = rows[name]
        cells.text(row, 1, label(name, lang), bold=name in _BOLD_ROWS)
        kind = metrics.kind_of(name)
        if name in context.layout.payback:  # live (an actuals workbook: :mod:`.payback`)
            cells.formula(row, 2, context.layout.payback[name], RATIO_FORMAT)
            cells.text(row, 3, label("payback_formula_note", lang))
        elif kind == "years":  # pactcalc's value, or in words that there is none
            value = float(getattr(result, name).reshape(-1)[0])
            if math.isnan(value):
                cells.text(row, 2, years_text(None, lang, context.horizon))
            else:
                cells.number(row, 2, value, RATIO_FORMAT)
            cells.text(row, 3, label("value_from_pactcalc", lang))
        else:
            formula, fmt, note = _formula(context, name, rows)
            cells.formula(row, 2, formula, fmt)
            cells.text(row, 3, note)
        cells.text(row, 4, name)
    sheet.freeze_panes = f"A{header_row + 1}"
    cells.widths({1: 44, 2: 18, 3: 90, 4: 26})


def _title_font() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True, size=14)


def _row_names() -> list[str]:
    """The sheet's rows: the headline metrics, the present values after the NPV, the
    discount rate last."""
    names: list[str] = []
    for metric in metrics.headline_metrics():
        names.append(metric.name)
        if metric.name == "npv":
            names += _PRESENT_VALUE_ROWS
    return [*names, "discount_rate"]


def _formula(
    context: WorkbookContext, name: str, rows: dict[str, int]
) -> tuple[str, str, str | None]:
    """The formula of the summary row ``name``, its number format and its note."""
    lang, money, horizon = context.lang, context.money, context.horizon
    rate = context.layout.scalars["discount_rate"]
    if name in _TOTAL_OF_ROW:
        return context.by_year_ref(_TOTAL_OF_ROW[name], 2 + horizon), money, None
    if name == "headroom_min":
        return f"MIN({context.by_year_ref('headroom')})", money, None
    if name == "npv":
        net_first = context.by_year_ref("net", 2)
        if horizon == 1:
            return net_first, money, label("npv_note", lang)
        net_row = context.layout.by_year_rows["net"]
        later = sheet_ref(
            context.sheet_name("by_year"), f"C{net_row}:{column_letters(1 + horizon)}{net_row}"
        )
        return f"{net_first}+NPV({rate},{later})", money, label("npv_note", lang)
    factor = context.by_year_ref("discount_factor")
    if name == "pv_investment":
        return f"SUMPRODUCT({context.by_year_ref('investment')},{factor})", money, None
    if name == "pv_returns":
        return (
            f"SUMPRODUCT({context.by_year_ref('savings')},{factor})"
            f"+SUMPRODUCT({context.by_year_ref('benefits')},{factor})",
            money,
            None,
        )
    if name in ("roi", "bcr"):
        numerator = f"B{rows['npv']}" if name == "roi" else f"B{rows['pv_returns']}"
        denominator = f"B{rows['pv_investment']}"
        no_ratio = text_literal(label("no_ratio", lang))
        return f"IF({denominator}=0,{no_ratio},{numerator}/{denominator})", RATIO_FORMAT, None
    if name == "discount_rate":
        return rate, PERCENT_FORMAT, rate_source(context.result, lang)
    raise AssertionError(f"no workbook formula for the metric {name!r}")
