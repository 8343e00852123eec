"""The Actuals sheet (Realisatie) of an actuals workbook (DOMAIN.md §8): what happened,
year by year, as input cells that the live formulas read, and the plan beside the
current expectation.

One column per calendar year of the horizon (C…). From the top:

* the year's **status** (``final``, ``provisional``, ``forecast``; empty: the plan), its
  source and note;
* **plan and expectation**: the net and the cumulative per year, each KPI's value against
  its target, then the key figures (NPV, paybacks, headroom, totals) and each partner's
  net before and after the agreement. The plan's figures are values (the signed plan does
  not change); the expectation's are formulas over the other sheets, so that they follow
  what is typed below; the difference is a formula too;
* the **inputs**: a row per series (the volume), per parameter (the price, of that year
  only), per line (a booked amount, nominal) and per KPI (a measured value), filled with
  the actuals file's values. An empty cell keeps the plan's value (or the computed
  amount): the Lines sheet reads ``IF(cell="", plan, cell)``
  (:meth:`~pactcalc.render.xlsx.context.Layout.name_ref`), a baseline line keeps the
  plan's inputs, and the optimism bias is 0 in a final or provisional year.

The sheet is written in two steps: :func:`actuals_inputs` before the Lines sheet (whose
formulas refer to its cells), :func:`plan_and_expectation` after the Summary and
Partners sheets (whose cells it refers to). Text from the actuals file is data
(:func:`~pactcalc.render.xlsx.guards.set_text`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pactcalc.i18n import years_text
from pactcalc.render.xlsx.cells import RATIO_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import ActualsCells, WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, sheet_ref

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.monitor import Monitoring

#: The first year column (C): a row's label and its detail (unit, kind, note) first.
FIRST_YEAR_COLUMN = 3
#: The row of the year header; the status, source and note rows follow it.
HEADER_ROW = 5
#: The statuses a year's cell takes (the actuals file's words, in every language).
STATUS_WORDS = ("final", "provisional", "forecast")
#: The key figures compared, in order (each a row of the Summary sheet).
COMPARED_METRICS = (
    "npv",
    "payback_years",
    "discounted_payback_years",
    "headroom_min",
    "headroom_total",
    "budget_total",
    "effort_total",
    "investment_total",
    "savings_total",
    "benefits_total",
)
# The per-year figures compared, in order (each a row of the Year-by-year sheet).
_PER_YEAR = ("net", "cumulative")


@dataclass(frozen=True)
class _Rows:
    """Where the comparison block starts and ends, for the two steps to agree."""

    first: int
    after: int


def _comparison_rows(context: WorkbookContext) -> _Rows:
    """The rows of the plan-and-expectation block: a title, three rows per per-year
    figure, two per KPI, a blank, a header, the key figures, one or two per partner;
    ``after``: the first row after it."""
    first = HEADER_ROW + 5
    per_year = 3 * len(_PER_YEAR) + 2 * len(context.scenario.kpis)
    per_partner = 2 if context.scenario.agreement else 1
    figures = len(COMPARED_METRICS) + per_partner * len(context.scenario.partners)
    return _Rows(first, first + 1 + per_year + 2 + figures)


def actuals_inputs(context: WorkbookContext, sheet: Any, monitoring: Monitoring) -> None:
    """Write the title, the status rows and the input rows of the Actuals ``sheet``,
    filled with the actuals' values, and record their cells in the layout."""
    lang, years, scenario = context.lang, context.years, context.scenario
    actuals = monitoring.actuals
    cells = SheetCells(sheet, lang)
    layer = ActualsCells()
    context.layout.actuals = layer
    calendar = {year: entry for year, entry in actuals.calendar().items() if year in years}
    title = cells.text(1, 1, label("actuals_title", lang, name=actuals.name or scenario.name))
    title.font = _title_font()
    cells.text(2, 1, label("actuals_how", lang))
    cells.text(3, 1, label("actuals_plan", lang))
    cells.text(3, 2, actuals.scenario)
    cells.header(
        HEADER_ROW,
        [label("actuals_item", lang), label("actuals_detail", lang), *years, label("total", lang)],
    )
    status_row, source_row, note_row = HEADER_ROW + 1, HEADER_ROW + 2, HEADER_ROW + 3
    cells.text(status_row, 1, label("status", lang), bold=True)
    cells.text(status_row, 2, label("status_note", lang))
    cells.text(source_row, 1, label("source", lang))
    cells.text(note_row, 1, label("note", lang))
    title_name = sheet.title
    for offset, year in enumerate(years):
        column = FIRST_YEAR_COLUMN + offset
        entry = calendar.get(year)
        _input_cell(cells.text(status_row, column, entry.status if entry else None))
        cells.text(source_row, column, entry.source if entry else None)
        cells.text(note_row, column, entry.note if entry else None)
        layer.status[year] = sheet_ref(title_name, f"${column_letters(column)}${status_row}")
    _status_choices(sheet, status_row, len(years))

    row = _comparison_rows(context).after + 1
    writer = _InputRows(context, cells, calendar)
    row = writer.block(
        row,
        "actuals_series",
        "unit",
        [
            (name, s.unit, name, lambda e, n=name: e.series.get(n))
            for name, s in scenario.series.items()
        ],
        layer.inputs,
    )
    row = writer.block(
        row + 1,
        "actuals_parameters",
        "unit",
        [
            (name, p.unit, name, lambda e, n=name: e.parameters.get(n))
            for name, p in scenario.parameters.items()
        ],
        layer.inputs,
    )
    row = writer.block(
        row + 1,
        "actuals_booked",
        "kind",
        [
            (
                line.name,
                line.kind,
                (line.kind, line.index),
                lambda e, k=line.kind, n=line.name: getattr(e.amounts, k).get(n),
            )
            for line in context.result.lines
        ],
        layer.booked,
        context.money,
    )
    if scenario.kpis:
        writer.block(
            row + 1,
            "actuals_kpis",
            "unit",
            [
                (kpi.name, kpi.unit or kpi_id, kpi_id, lambda e, k=kpi_id: e.kpis.get(k))
                for kpi_id, kpi in scenario.kpis.items()
            ],
            layer.measured,
        )
    sheet.freeze_panes = f"{column_letters(FIRST_YEAR_COLUMN)}{HEADER_ROW + 1}"
    total = FIRST_YEAR_COLUMN + len(years)
    cells.widths({1: 44, 2: 30, **{c: 15 for c in range(FIRST_YEAR_COLUMN, total + 1)}})


class _InputRows:
    """Writes a block of input rows: a header with the years, then per item its label,
    its detail and a cell per year (the actuals' value, or empty)."""

    def __init__(
        self,
        context: WorkbookContext,
        cells: SheetCells,
        calendar: dict[int, Any],
    ) -> None:
        self.context = context
        self.cells = cells
        self.calendar = calendar

    def block(
        self,
        row: int,
        title: str,
        detail: str,
        items: list[tuple[str, str | None, Any, Any]],
        target: dict[Any, dict[int, str]],
        fmt: str | None = None,
    ) -> int:
        """Write the block from ``row``: ``items`` as (label, detail, key in ``target``,
        the value of an actual year or None); return the row after the block."""
        lang, years, cells = self.context.lang, self.context.years, self.cells
        cells.header(row, [label(title, lang), label(detail, lang), *years])
        sheet_title = cells.sheet.title
        for text, detail_text, key, value_of in items:
            row += 1
            cells.text(row, 1, text)
            cells.text(row, 2, detail_text)
            refs = {}
            for offset, year in enumerate(years):
                column = FIRST_YEAR_COLUMN + offset
                entry = self.calendar.get(year)
                value = value_of(entry) if entry is not None else None
                _input_cell(cells.number(row, column, value, fmt))
                refs[year] = sheet_ref(sheet_title, f"${column_letters(column)}${row}")
            target[key] = refs
        return row + 1


def plan_and_expectation(context: WorkbookContext, sheet: Any, monitoring: Monitoring) -> None:
    """Write the plan-and-expectation block of the Actuals ``sheet``: the plan's figures
    as values, the expectation's as formulas over the other sheets, the difference."""
    lang, horizon = context.lang, context.horizon
    cells = SheetCells(sheet, lang)
    row = _comparison_rows(context).first
    cells.text(row, 1, label("plan_and_expectation", lang), bold=True)
    cells.text(row, 2, label("plan_and_expectation_note", lang))
    row = _per_year_rows(context, cells, monitoring, row + 1)
    row = _kpi_rows(context, cells, monitoring, row) + 1
    cells.header(
        row,
        [
            label("metric", lang),
            label("key", lang),
            label("plan", lang),
            label("expectation", lang),
            label("difference", lang),
        ],
    )
    for text, key, value, expected, fmt in _figures(context, monitoring):
        row += 1
        cells.text(row, 1, text)
        cells.text(row, 2, key)
        if math.isnan(value):  # no payback: in words, as the Summary sheet says it
            cells.text(row, 3, years_text(None, lang, horizon))
        else:
            cells.number(row, 3, value, fmt)
        cells.formula(row, 4, expected, fmt)
        cells.formula(row, 5, f'IF(AND(ISNUMBER(C{row}),ISNUMBER(D{row})),D{row}-C{row},"")', fmt)


def _per_year_rows(
    context: WorkbookContext, cells: SheetCells, monitoring: Monitoring, row: int
) -> int:
    """The net and the cumulative per year: the plan's (values), the expectation's (the
    Year-by-year sheet's cells) and the difference; the row after them."""
    lang, horizon, money = context.lang, context.horizon, context.money
    total = FIRST_YEAR_COLUMN + horizon
    first, last = column_letters(FIRST_YEAR_COLUMN), column_letters(total - 1)
    by_year = context.sheet_name("by_year")
    for key in _PER_YEAR:
        plan_row, expected_row, difference_row = row, row + 1, row + 2
        cells.text(plan_row, 1, label(f"{key}_plan", lang))
        cells.text(expected_row, 1, label(f"{key}_expectation", lang))
        cells.text(difference_row, 1, label("difference", lang))
        values = getattr(monitoring.plan, f"{key}_per_year").reshape(-1)
        source_row = context.layout.by_year_rows[key]
        for offset in range(horizon):
            column = FIRST_YEAR_COLUMN + offset
            c = column_letters(column)
            cells.number(plan_row, column, float(values[offset]), money)
            expected = sheet_ref(by_year, f"{column_letters(2 + offset)}{source_row}")
            cells.formula(expected_row, column, expected, money)
            cells.formula(difference_row, column, f"{c}{expected_row}-{c}{plan_row}", money)
        if key == "net":  # a cumulative has no total
            for summed in (plan_row, expected_row, difference_row):
                cells.formula(summed, total, f"SUM({first}{summed}:{last}{summed})", money)
        row += 3
    return row


def _kpi_rows(context: WorkbookContext, cells: SheetCells, monitoring: Monitoring, row: int) -> int:
    """Per KPI its target per year (the plan's, a value) and its value (the Agreement
    sheet's KPI row: measured where typed); the row after them."""
    lang, layout = context.lang, context.layout
    agreement = context.sheet_name("agreement")
    for kpi in monitoring.expectation.kpis:
        cells.text(row, 1, label("actuals_kpi_target", lang, kpi=kpi.name))
        cells.text(row + 1, 1, label("actuals_kpi_value", lang, kpi=kpi.name))
        cells.text(row, 2, kpi.id)
        cells.text(row + 1, 2, label(f"kpi_{kpi.direction}", lang))
        targets = kpi.target_per_year.reshape(-1)
        kpi_row = layout.kpi_rows[kpi.id]
        for offset in range(context.horizon):
            column = FIRST_YEAR_COLUMN + offset
            cells.number(row, column, float(targets[offset]))
            # the Agreement sheet's year columns are these (C…)
            cell = sheet_ref(agreement, f"{column_letters(column)}{kpi_row}")
            cells.formula(row + 1, column, cell)
        row += 2
    return row


def _figures(
    context: WorkbookContext, monitoring: Monitoring
) -> list[tuple[str, str, float, str, str | None]]:
    """The key figures as (label, pactcalc name, the plan's value, the expectation's
    formula, number format): :data:`COMPARED_METRICS` (the Summary sheet's cells), then
    each partner's net (and net after the agreement) over the horizon (the Partners
    sheet's total column)."""
    lang, layout, plan = context.lang, context.layout, monitoring.plan
    summary = context.sheet_name("summary")
    figures: list[tuple[str, str, float, str, str | None]] = []
    for name in COMPARED_METRICS:
        expected = sheet_ref(summary, f"$B${layout.summary_rows[name]}")
        fmt = RATIO_FORMAT if name.endswith("payback_years") else context.money
        value = float(plan.metric(name).reshape(-1)[0])
        figures.append((label(name, lang), name, value, expected, fmt))
    partners_sheet = context.sheet_name("partners")
    partner_total = column_letters(3 + context.horizon)
    blocks = [("partner_net", "net_total")]
    if context.scenario.agreement:
        blocks.append(("net_settled", "net_settled_total"))
    for block, metric in blocks:
        for partner in context.scenario.partners:
            source = layout.partner_rows[block][partner.id]
            figures.append(
                (
                    label(f"compare_{block}", lang, partner=partner.name),
                    f"{metric}[{partner.id}]",
                    float(plan.metric(metric, partner.id).reshape(-1)[0]),
                    sheet_ref(partners_sheet, f"${partner_total}${source}"),
                    context.money,
                )
            )
    return figures


def _input_cell(cell: Any) -> Any:
    """Mark a cell to type in (a light fill)."""
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor="FFF2CC")
    return cell


def _status_choices(sheet: Any, row: int, horizon: int) -> None:
    """The status cells offer the three statuses (an empty cell: the plan)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    choices = DataValidation(
        type="list", formula1='"' + ",".join(STATUS_WORDS) + '"', allow_blank=True
    )
    sheet.add_data_validation(choices)
    first = column_letters(FIRST_YEAR_COLUMN)
    last = column_letters(FIRST_YEAR_COLUMN + horizon - 1)
    choices.add(f"{first}{row}:{last}{row}")


def _title_font() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True, size=14)
