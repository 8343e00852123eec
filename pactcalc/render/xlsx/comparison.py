"""The Comparison sheet of ``pactcalc compare``: the headline metrics of each scenario
side by side, and the differences to the first, as values (no formulas: each scenario
is its own model)."""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

from pactcalc import metrics
from pactcalc.i18n import t
from pactcalc.render.xlsx.archive import save_stable
from pactcalc.render.xlsx.cells import MONEY_FORMAT, RATIO_FORMAT, SheetCells

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Comparison


def comparison_sheet(sheet: Any, comparison: Comparison, lang: str) -> None:
    """Fill ``sheet`` with a metric per row; per scenario a value column, then per
    scenario after the first its difference to the first (``Δ name``)."""
    cells = SheetCells(sheet)
    heads = [*comparison.names, *(f"Δ {name}" for name in comparison.names[1:])]
    for i, head in enumerate(heads):
        cells.text(1, 2 + i, head, bold=True)
    for j, metric in enumerate(comparison.metrics):
        cells.text(2 + j, 1, t(metric, lang))
        fmt = MONEY_FORMAT[lang] if metrics.kind_of(metric) == "money" else RATIO_FORMAT
        values = [*comparison.values[:, j], *comparison.differences[1:, j]]
        for i, value in enumerate(values):
            if math.isnan(value):  # no payback, no ratio: said in words
                cells.text(2 + j, 2 + i, "—")
            else:
                cells.number(2 + j, 2 + i, float(value), fmt)
    sheet.column_dimensions["A"].width = 40


def write_comparison(comparison: Comparison, path: str | os.PathLike[str], lang: str) -> None:
    """Write the comparison as a workbook of one sheet to ``path`` (``.xlsx``)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("compare_sheet", lang)
    comparison_sheet(sheet, comparison, lang)
    save_stable(workbook, path, t("compare_title", lang))
