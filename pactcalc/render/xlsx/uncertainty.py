"""The Uncertainty sheet (Onzekerheid): the simulation and the sensitivity as values
(DOMAIN.md §6). No formulas: the simulation runs in pactcalc.

The sheet walks the report model of ``pactcalc simulate`` and ``pactcalc sensitivity``
(:func:`pactcalc.report.build_simulation`, :func:`pactcalc.report.build_sensitivity`)
and writes each machine-readable table (one with a ``raw_header``: the rows CSV holds)
under its section's title, unrounded. What is shown and in which order is the model's;
this module decides only the number format of a value, from the metric it is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pactcalc import metrics
from pactcalc.render.xlsx.cells import MONEY_FORMAT, PERCENT_FORMAT, RATIO_FORMAT, SheetCells, label
from pactcalc.render.xlsx.tables import RowFormats, write_table
from pactcalc.report import build_sensitivity, build_simulation
from pactcalc.report.blocks import Table

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.model import Scenario
    from pactcalc.report.blocks import Report
    from pactcalc.uncertainty import Analysis

#: Statistics of a simulation row that are a share of the samples.
_SHARES = ("probability", "share_without_payback")
#: Columns of a sensitivity row in the sensitivity's metric (the rest: the parameter's).
_IN_METRIC = ("threshold", "base", "metric_at_low", "metric_at_high", "swing")


def uncertainty_sheet(workbook: Any, analysis: Analysis, scenario: Scenario, lang: str) -> None:
    """Add the sheet of the simulation's and the sensitivity's values to ``workbook``."""
    simulation, sensitivity = analysis.simulation, analysis.sensitivity
    sheet = workbook.create_sheet(label("sheet_uncertainty", lang))
    cells = SheetCells(sheet)
    cells.text(1, 1, label("uncertainty_intro", lang, n=simulation.samples, seed=simulation.seed))
    row = 3
    reports = (
        build_simulation(simulation, lang),
        build_sensitivity(sensitivity, scenario, lang),
    )
    for report in reports:
        row = _write_report(sheet, report, row, MONEY_FORMAT[lang])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 40
    for letter in "CDEFGHIJKLMNO":
        sheet.column_dimensions[letter].width = 16


def _write_report(sheet: Any, report: Report, row: int, money: str) -> int:
    """Each machine-readable table of ``report`` under its section's title; the next
    free row after a blank one."""
    cells = SheetCells(sheet)
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Table) and block.raw_header:
                cells.text(row, 1, block.title or section.title, bold=True)
                formats = _row_formats(block.raw_header, money)
                row = write_table(sheet, block, row + 1, title=False, row_formats=formats) + 1
    return row


def _row_formats(header: Sequence[str], money: str) -> RowFormats:
    """The number formats of a simulation row (by its quantity and statistic) or of a
    sensitivity row (by its metric), keyed on the table's column names."""

    def formats(raw: Sequence[Any]) -> list[str | None]:
        values = dict(zip(header, raw, strict=False))
        if "statistic" in values:  # simulation: quantity, label, statistic, value, se
            fmt: str | None = PERCENT_FORMAT
            if values["statistic"] not in _SHARES:
                fmt = _metric_format(str(values["quantity"]), money)
            return [fmt if column in ("value", "standard_error") else None for column in header]
        metric_format = _metric_format(str(values.get("metric")), money)
        return [
            metric_format
            if column in _IN_METRIC
            else PERCENT_FORMAT
            if column == "switching_change"
            else None
            for column in header
        ]

    return formats


def _metric_format(quantity: str, money: str) -> str | None:
    """A value of ``quantity`` (``npv``, ``net_total[wmo]``, ``cumulative[2027]``):
    money, a ratio or years to two decimals, a probability; a count in General."""
    kind = "money" if quantity.startswith("cumulative[") else metrics.kind_of(quantity)
    if kind == "money":
        return money
    if kind in ("years", "ratio"):
        return RATIO_FORMAT
    if kind == "probability":
        return PERCENT_FORMAT
    return None
