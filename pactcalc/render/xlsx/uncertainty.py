"""The Uncertainty sheet (Onzekerheid): the simulation and the tornado as values
(DOMAIN.md §6). No formulas: the simulation runs in pactcalc."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from pactcalc import metrics
from pactcalc.i18n import t
from pactcalc.render.xlsx.cells import MONEY_FORMAT, PERCENT_FORMAT, RATIO_FORMAT, SheetCells, label

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.uncertainty import Analysis

_NO_VALUE = "—"  # a value that does not exist (no payback), said in words, never NaN


def uncertainty_sheet(workbook: Any, analysis: Analysis, lang: str) -> None:
    """Add the sheet of the simulation's outcomes and probabilities and the tornado's
    swings to ``workbook``, as values."""
    from pactcalc.report.uncertainty import event_text

    simulation, sensitivity = analysis.simulation, analysis.sensitivity
    sheet = workbook.create_sheet(label("sheet_uncertainty", lang))
    cells = SheetCells(sheet)
    money = MONEY_FORMAT[lang]
    cells.text(1, 1, label("uncertainty_intro", lang, n=simulation.samples, seed=simulation.seed))
    row = 3
    cells.text(row, 1, label("outcomes", lang), bold=True)
    heads = (label("mean", lang), "P5", "P50", "P95", label("without_payback", lang))
    for i, head in enumerate(heads):
        cells.text(row, 2 + i, head, bold=True)
    names = {p.id: p.name for p in simulation.result.partners}
    for key, summary in simulation.summaries.items():
        row += 1
        partner = key[len("net_total[") : -1] if key.startswith("net_total[") else None
        shown = (
            f"{t('partner_net', lang)} {names.get(partner, partner)}" if partner else t(key, lang)
        )
        cells.text(row, 1, shown)
        is_payback = metrics.kind_of(key) == "years"
        fmt = RATIO_FORMAT if is_payback else money
        for i, value in enumerate((summary.mean, summary.p5, summary.p50, summary.p95)):
            if value is None:  # among the samples without payback: said in words
                cells.text(row, 2 + i, _NO_VALUE)
            else:
                cells.number(row, 2 + i, float(value), fmt)
        if is_payback:
            cells.number(row, 6, float(summary.missing), PERCENT_FORMAT)
    row += 2
    cells.text(row, 1, label("probabilities", lang), bold=True)
    cells.text(row, 2, label("probability", lang), bold=True)
    cells.text(row, 3, label("standard_error", lang), bold=True)
    horizon = len(simulation.result.years)
    for found in simulation.probabilities:
        row += 1
        cells.text(row, 1, event_text(found.event, lang, horizon, names))
        cells.number(row, 2, found.p, PERCENT_FORMAT)
        cells.number(row, 3, found.se, PERCENT_FORMAT)
    row += 2
    cells.text(row, 1, label("tornado", lang), bold=True)
    tornado_heads = (
        "parameter",
        "low",
        "high",
        "npv_at_low",
        "npv_at_high",
        "swing",
        "switching_value",
    )
    for i, key in enumerate(tornado_heads):
        cells.text(row + 1, 1 + i, label(key, lang), bold=True)
    row += 1
    for swing in sensitivity.swings:
        row += 1
        cells.text(row, 1, swing.parameter)
        cells.number(row, 2, swing.low)
        cells.number(row, 3, swing.high)
        for column, value in ((4, swing.at_low), (5, swing.at_high), (6, swing.swing)):
            if math.isfinite(value):
                cells.number(row, column, float(value), money)
            else:  # no payback: said in words, never NaN in a cell
                cells.text(row, column, _NO_VALUE)
        if swing.switching_value is None:
            cells.text(row, 7, label("no_switching_value", lang))
        else:
            cells.number(row, 7, swing.switching_value)
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = 16
