"""The payback periods as live formulas, for a workbook whose inputs can be retyped (the
actuals workbook, DOMAIN.md §8): a block of rows under the Year-by-year sheet's rows, and
the formulas of the two paybacks that the Summary sheet shows.

The convention of DOMAIN.md §2 (:func:`pactcalc.finance.payback`), one row per step:
the returns r[k] (savings + benefits), the cumulative at the start of the year after its
investment S[k] = E[k] − r[k] (E[k] is the cumulative at its end), whether either is
negative at the cent, and in the first year with S[k] < 0 ≤ E[k] the moment k + (−S[k])
/ r[k]. The payback is 0 when nothing is negative, the moment when there is one, else
"not within the horizon" in words. The discounted payback: the same on the discounted
returns and the cumulative of the discounted net. The plan's workbook keeps pactcalc's
values (no such rows): its inputs are the plan's.
"""

from __future__ import annotations

from typing import Any

from pactcalc.i18n import years_text
from pactcalc.render.xlsx.cells import RATIO_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, sheet_ref, text_literal

#: A payback this close to a year's end is that year's end (as :mod:`pactcalc.finance`).
_YEAR_END = "1E-12"


def payback_rows(context: WorkbookContext, sheet: Any) -> None:
    """Write the payback block under the Year-by-year ``sheet``'s rows and record the
    two paybacks' formulas in the layout (for the Summary sheet)."""
    lang, horizon, rows = context.lang, context.horizon, context.layout.by_year_rows
    cells = SheetCells(sheet, lang)
    row = max(rows.values()) + 2
    cells.text(row, 1, label("payback_block", lang), bold=True)
    row += 1
    # (metric, returns row formula, end-of-year cumulative row or None: write one)
    for metric in ("payback_years", "discounted_payback_years"):
        discounted = metric == "discounted_payback_years"
        own: dict[str, int] = {}
        keys = ["payback_returns"]
        if discounted:
            keys.append("payback_end")
        keys += ["payback_start", "payback_negative", "payback_moment"]
        for key in keys:
            own[key] = row
            cells.text(
                row, 1, label(key, lang) + (label("payback_discounted", lang) if discounted else "")
            )
            row += 1
        end_row = own.get("payback_end", rows["cumulative"])
        for year_index in range(horizon):
            column = 2 + year_index
            c = column_letters(column)
            returns = f"{c}{own['payback_returns']}"
            start = f"{c}{own['payback_start']}"
            end = f"{c}{end_row}"
            plain_returns = f"{c}{rows['savings']}+{c}{rows['benefits']}"
            cells.formula(
                own["payback_returns"],
                column,
                f"({plain_returns})*{c}{rows['discount_factor']}" if discounted else plain_returns,
                context.money,
            )
            if discounted:
                previous = f"{column_letters(column - 1)}{end_row}+" if year_index else ""
                cells.formula(
                    end_row, column, f"{previous}{c}{rows['discounted_net']}", context.money
                )
            cells.formula(own["payback_start"], column, f"{end}-{returns}", context.money)
            cells.formula(
                own["payback_negative"],
                column,
                f"IF(OR(ROUND({start},2)<0,ROUND({end},2)<0),1,0)",
            )
            moment = own["payback_moment"]
            first = f",SUM($B{moment}:{column_letters(column - 1)}{moment})=0" if year_index else ""
            fraction = f"-{start}/IF({returns}=0,1,{returns})"
            cells.formula(
                moment,
                column,
                f"IF(AND(ROUND({start},2)<0,ROUND({end},2)>=0{first}),"
                f"{c}$1-$B$1+IF({fraction}>1-{_YEAR_END},1,{fraction}),0)",
                RATIO_FORMAT,
            )
        last = column_letters(1 + horizon)
        title = context.sheet_name("by_year")
        negative = sheet_ref(
            title, f"$B${own['payback_negative']}:${last}${own['payback_negative']}"
        )
        moments = sheet_ref(title, f"$B${own['payback_moment']}:${last}${own['payback_moment']}")
        none = text_literal(years_text(None, lang, horizon))
        context.layout.payback[metric] = (
            f"IF(SUM({negative})=0,0,IF(SUM({moments})=0,{none},SUM({moments})))"
        )
