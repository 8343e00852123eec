"""The Year-by-year sheet (Per jaar): SUMIFS over the lines by kind and paid_from, and
the arithmetic of DOMAIN.md §2 as formulas (headroom, savings, net, cumulative,
discounting), with a total column."""

from __future__ import annotations

from typing import Any

from pactcalc.render.xlsx.cells import FACTOR_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import LINE_FIRST_YEAR_COLUMN, WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, text_literal

#: The rows of the sheet, in order.
BY_YEAR_ROWS = (
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
)
# Rows that are a sum of the Lines sheet's lines of one kind.
_LINE_KINDS = {
    "budget": "budget",
    "effort": "effort",
    "baseline": "baseline",
    "benefits": "benefits",
    "investment": "investments",
}


def by_year_sheet(context: WorkbookContext, sheet: Any) -> None:
    """Fill the Year-by-year ``sheet`` and record its rows in the layout."""
    lang, horizon = context.lang, context.horizon
    cells = SheetCells(sheet)
    cells.header(1, ["", *context.years, label("total", lang)])
    rows = {key: 2 + i for i, key in enumerate(BY_YEAR_ROWS)}
    context.layout.by_year_rows = rows
    total = 2 + horizon
    for key, row in rows.items():
        cells.text(row, 1, label(key, lang), bold=key in ("headroom", "net"))
    for year_index in range(horizon):
        column = 2 + year_index
        letters = column_letters(column)
        lines_column = LINE_FIRST_YEAR_COLUMN + year_index

        def cell(key: str, letters: str = letters) -> str:
            return f"{letters}{rows[key]}"

        for key, kind in _LINE_KINDS.items():
            cells.formula(
                rows[key], column, context.sum_lines(lines_column, [("A", text_literal(kind))])
            )
        funded = "+".join(
            context.sum_lines(
                lines_column, [("A", text_literal(kind)), ("D", text_literal("budget"))]
            )
            for kind in ("effort", "investments")
        )
        cells.formula(rows["budget_funded"], column, funded)
        cells.formula(rows["headroom"], column, f"{cell('budget')}-{cell('budget_funded')}")
        cells.formula(rows["savings"], column, f"{cell('baseline')}-{cell('effort')}")
        cells.formula(
            rows["net"], column, f"{cell('savings')}+{cell('benefits')}-{cell('investment')}"
        )
        previous = f"{column_letters(column - 1)}{rows['cumulative']}+" if year_index else ""
        cells.formula(rows["cumulative"], column, f"{previous}{cell('net')}")
        cells.formula(
            rows["discount_factor"],
            column,
            f"1/(1+{context.layout.scalars['discount_rate']})^({letters}$1-$B$1)",
            FACTOR_FORMAT,
        )
        cells.formula(rows["discounted_net"], column, f"{cell('net')}*{cell('discount_factor')}")
    for key, row in rows.items():
        for column in range(2, total + 1):
            if key != "discount_factor":
                sheet.cell(row=row, column=column).number_format = context.money
        if key not in ("cumulative", "discount_factor"):
            cells.formula(
                row, total, f"SUM(B{row}:{column_letters(total - 1)}{row})", context.money
            )
    sheet.freeze_panes = "B2"
    cells.widths({1: 34, **{c: 15 for c in range(2, total + 1)}})
