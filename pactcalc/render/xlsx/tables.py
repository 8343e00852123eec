"""A table of the report model (:class:`pactcalc.report.blocks.Table`) as values in a
sheet: the way the workbook's value sheets show what every other format shows.

The raw numbers (``Table.raw``) are written as numbers with a number format per column;
where a raw value is missing (None, NaN: no payback, no ratio) the table's worded cell
is written as text instead, so that a cell never holds NaN. Text is never a formula.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pactcalc.render.xlsx.cells import SheetCells

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.report.blocks import Table


def write_table(
    sheet: Any,
    table: Table,
    row: int = 1,
    column_formats: Sequence[str | None] = (),
    *,
    title: bool = True,
) -> int:
    """Write ``table`` to ``sheet`` from ``row`` on: its title (bold, unless ``title`` is
    False), its header (bold), its rows (a total row in bold) and its note; return the
    first row after it.

    ``column_formats[i]`` is the number format of column ``i``'s numbers (None or
    missing: Excel's General). A row is written from ``table.raw`` where the table has
    raw rows, else from its text rows.
    """
    cells = SheetCells(sheet)
    if title:
        cells.text(row, 1, table.title, bold=True)
        row += 1
    for column, head in enumerate(table.header, start=1):
        cells.text(row, column, head, bold=True)
    row += 1
    last = len(table.rows) - 1
    for index, shown in enumerate(table.rows):
        raw = table.raw[index] if index < len(table.raw) else shown
        bold = table.total_row and index == last
        for column, (value, text) in enumerate(zip(raw, shown, strict=False), start=1):
            fmt = column_formats[column - 1] if column - 1 < len(column_formats) else None
            cell = _write_value(cells, row, column, value, text, fmt)
            if bold:
                cell.font = cells.bold
        row += 1
    if table.note:
        cells.text(row, 1, table.note)
        row += 1
    return row


def _write_value(
    cells: SheetCells, row: int, column: int, value: Any, text: str, fmt: str | None
) -> Any:
    """A number with its format; text as text; a missing number as its worded text."""
    if isinstance(value, bool) or value is None:
        return cells.text(row, column, text if value is None else str(value))
    if isinstance(value, numbers.Integral):
        return cells.number(row, column, int(value), fmt)
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isfinite(number):
            return cells.number(row, column, number, fmt)
        return cells.text(row, column, text)
    return cells.text(row, column, str(value))
