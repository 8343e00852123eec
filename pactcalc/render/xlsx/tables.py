"""A table of the report model (:class:`pactcalc.report.blocks.Table`) as values in a
sheet: the way the workbook's value sheets show what every other format shows.

The raw numbers (``Table.raw``) are written as numbers with a number format per column
(or per row, where a number's format depends on what the row is about); where a raw
value is missing (None, NaN: no payback, no ratio) the table's worded cell is written as
text instead, so that a cell never holds NaN. A table with a ``raw_header`` has raw rows
of their own (the rows CSV writes, not its text rows): those are written under that
header, a missing value as an empty cell (CSV's empty field, JSON's null). Text is never
a formula.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pactcalc.render.xlsx.cells import SheetCells

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.report.blocks import Table

#: The number formats of one raw row's columns, where they depend on the row.
RowFormats = Callable[[Sequence[Any]], Sequence[str | None]]


def write_table(
    sheet: Any,
    table: Table,
    row: int = 1,
    column_formats: Sequence[str | None] = (),
    *,
    title: bool = True,
    row_formats: RowFormats | None = None,
) -> int:
    """Write ``table`` to ``sheet`` from ``row`` on: its title (bold, unless ``title`` is
    False), its header (bold), its rows (a total row in bold) and its note; return the
    first row after it.

    ``column_formats[i]`` is the number format of column ``i``'s numbers (None or
    missing: Excel's General); ``row_formats``, when given, gives them per row instead
    (from the raw row). A row is written from ``table.raw`` where the table has raw
    rows, else from its text rows; a table with a ``raw_header`` is written as its raw
    rows under that header.
    """
    cells = SheetCells(sheet)
    if title:
        cells.text(row, 1, table.title, bold=True)
        row += 1
    machine = bool(table.raw_header)
    for column, head in enumerate(table.raw_header if machine else table.header, start=1):
        cells.text(row, column, head, bold=True)
    row += 1
    for raw, shown, bold in _rows(table):
        formats = row_formats(raw) if row_formats is not None else column_formats
        for column, value in enumerate(raw, start=1):
            text = shown[column - 1] if column - 1 < len(shown) else None
            fmt = formats[column - 1] if column - 1 < len(formats) else None
            cell = _write_value(cells, row, column, value, text, fmt)
            if bold:
                cell.font = cells.bold
        row += 1
    if table.note:
        cells.text(row, 1, table.note)
        row += 1
    return row


def _rows(table: Table) -> list[tuple[Sequence[Any], Sequence[str], bool]]:
    """Each row to write: its values, its worded cells (a missing value's words; none
    for a machine row) and whether it is the bold total row."""
    if table.raw_header:
        return [(raw, (), False) for raw in table.raw]
    last = len(table.rows) - 1
    found: list[tuple[Sequence[Any], Sequence[str], bool]] = []
    for index, shown in enumerate(table.rows):
        raw = table.raw[index] if index < len(table.raw) else shown
        found.append((raw[: len(shown)], shown, table.total_row and index == last))
    return found


def _write_value(
    cells: SheetCells, row: int, column: int, value: Any, text: str | None, fmt: str | None
) -> Any:
    """A number with its format; text as text; a missing number (None, NaN, ∞) as its
    worded text (``text``), or an empty cell where it has none."""
    if isinstance(value, bool):
        return cells.text(row, column, str(value))
    if isinstance(value, numbers.Integral):
        return cells.number(row, column, int(value), fmt)
    if isinstance(value, numbers.Real) and math.isfinite(float(value)):
        return cells.number(row, column, float(value), fmt)
    if value is None or isinstance(value, numbers.Real):
        return cells.number(row, column, None) if text is None else cells.text(row, column, text)
    return cells.text(row, column, str(value))
