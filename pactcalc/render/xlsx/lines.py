"""The Lines sheet (Regels): every line with kind, name, partner, paid_from, the years it
runs and its amount as written; per calendar year a formula translated from the
expression's syntax tree, times the running condition, the indexation factor and the
appraisal adjustments::

    =IF(AND(H$1>=$E2,H$1<=$F2),(clients*hours*weeks_per_year*rate)*(1+indexation)^(H$1-price_year),0)

An amount too long for Excel's limits (thousands of terms) is written as pactcalc's
value of that year, with a note (:meth:`SheetCells.engine_value`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactcalc.expressions import Expression
from pactcalc.render.xlsx.cells import YEAR_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import LINE_FIRST_YEAR_COLUMN, WorkbookContext, typed_or
from pactcalc.render.xlsx.formulas import column_letters, number_literal, to_excel


def lines_sheet(context: WorkbookContext, sheet: Any) -> None:
    """Fill the Lines ``sheet`` and record each line's row in the layout."""
    lang, scenario, years, layout = context.lang, context.scenario, context.years, context.layout
    cells = SheetCells(sheet, lang)
    first = LINE_FIRST_YEAR_COLUMN
    total_column = first + len(years)
    cells.header(
        1,
        [
            label("kind", lang),
            label("name", lang),
            label("partner", lang),
            label("paid_from", lang),
            label("from", lang),
            label("until", lang),
            label("expression", lang),
            *years,
            label("total", lang),
            label("source", lang),
            label("note", lang),
        ],
    )
    indexation, price_year = layout.scalars["indexation"], layout.scalars["price_year"]
    for offset, line in enumerate(context.result.lines):
        row = 2 + offset
        layout.line_rows.append(row)
        spec = scenario.lines(line.kind)[line.index]
        cells.text(row, 1, line.kind)
        cells.text(row, 2, line.name)
        cells.text(row, 3, line.partner)
        cells.text(row, 4, line.paid_from)
        if line.kind == "investments":
            year = spec.year if spec.year is not None else scenario.start_year
            start, end = year, year
        else:
            start = spec.start if spec.start is not None else years[0]
            end = spec.until if spec.until is not None else years[-1]
        cells.number(row, 5, start, YEAR_FORMAT)
        cells.number(row, 6, end, YEAR_FORMAT)
        amount = spec.amount
        if isinstance(amount, Expression):
            cells.text(row, 7, amount.text)
        else:
            cells.number(row, 7, float(amount))
        # the baseline is a counterfactual: the actuals' series and parameters do not reach it
        realised = line.kind != "baseline"
        for year_index, year in enumerate(years):
            column = first + year_index
            year_cell = f"{column_letters(column)}$1"

            def ref(name: str, year: int = year, realised: bool = realised) -> str:
                return layout.name_ref(name, year, realised)

            value = float(line.eur_per_year.reshape(-1)[year_index])
            try:
                if isinstance(amount, Expression):
                    expression = to_excel(amount.tree, ref)
                else:
                    expression = number_literal(float(amount))
            except RecursionError:  # nested too deep to write: far beyond Excel's 64 levels
                cells.engine_value(row, column, value, context.money)
                continue
            adjustments = _adjustment_factors(context, line.kind, spec, year, year_cell, ref)
            formula = (
                f"IF(AND({year_cell}>=$E{row},{year_cell}<=$F{row}),"
                f"({expression})*(1+{indexation})^({year_cell}-{price_year})"
                f"{adjustments},0)"
            )
            actuals = layout.actuals
            booked = actuals.booked.get((line.kind, line.index)) if actuals else None
            if booked is not None:  # a booked amount replaces the line, as written
                formula = typed_or(booked[year], formula)
            cells.formula(row, column, formula, context.money, value)
        cells.formula(
            row,
            total_column,
            f"SUM({column_letters(first)}{row}:{column_letters(total_column - 1)}{row})",
            context.money,
        )
        cells.text(row, total_column + 1, spec.source)
        cells.text(row, total_column + 2, spec.note)
    sheet.freeze_panes = "C2"
    cells.widths({1: 12, 2: 40, 3: 14, 4: 11, 5: 8, 6: 10, 7: 50})
    for column in range(first, total_column + 1):
        sheet.column_dimensions[column_letters(column)].width = 15
    cells.widths({total_column + 1: 50, total_column + 2: 40})


def _adjustment_factors(
    context: WorkbookContext,
    kind: str,
    spec: Any,
    year: int,
    year_cell: str,
    ref: Callable[[str], str],
) -> str:
    """The appraisal adjustments of DOMAIN.md §6 as factors of the line's formula:
    cost × (1 + optimism_bias); benefit × (1 − each) and × (1 − drop_off) ^ (year −
    first year). A parameter name becomes its defined name, so it stays live. In an
    actuals workbook the optimism bias is 0 in a year whose status is final or
    provisional (DOMAIN.md §8)."""
    from pactcalc.engine import adjustment_values

    actuals = context.layout.actuals
    factors = []
    for name, value in adjustment_values(context.scenario, kind, spec).items():
        term = ref(value) if isinstance(value, str) else number_literal(float(value))
        if name == "optimism_bias" and actuals is not None:
            term = f"IF({actuals.realised(year)},0,{term})"
        if kind in ("effort", "investments"):
            factors.append(f"*(1+{term})")
        elif name == "drop_off":
            first = spec.start if spec.start is not None else context.years[0]
            factors.append(f"*(1-{term})^MAX({year_cell}-{first},0)")
        else:
            factors.append(f"*(1-{term})")
    return "".join(factors)
