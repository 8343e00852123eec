"""Writing cells: the number formats, the workbook's labels, and a sheet's cell writer.

Every text goes through :func:`~pactcalc.render.xlsx.guards.set_text` (never a
formula); numbers and formulas carry a number format. A formula that Excel would refuse
(:func:`~pactcalc.render.xlsx.formulas.fits_excel`) is written as pactcalc's value with
a note that says why. openpyxl is imported inside the functions only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pactcalc.i18n import t
from pactcalc.render.xlsx.formulas import column_letters, fits_excel
from pactcalc.render.xlsx.guards import set_text

# Number formats. Separators follow the reader's Excel locale; the pattern is the same.
MONEY_FORMAT = {"nl": '"€ "#,##0;"€ "-#,##0', "en": '"€"#,##0;-"€"#,##0'}
PERCENT_FORMAT = "0.00%"
FACTOR_FORMAT = "0.000000"
RATIO_FORMAT = "0.00"
YEAR_FORMAT = "0"


def label(key: str, lang: str, **args: Any) -> str:
    """A label of the workbook (catalogue id ``xlsx.<key>``), else the shared label
    ``key`` of the catalogue (``total``, ``npv``, …)."""
    from pactcalc.catalogue import ENTRIES

    own = f"xlsx.{key}"
    return t(own if own in ENTRIES else key, lang, **args)


class SheetCells:
    """Writes the cells of one worksheet: text (never a formula), numbers and formulas
    with a number format, bold header rows, column widths. ``lang`` is the language of
    the notes on cells."""

    def __init__(self, sheet: Any, lang: str = "nl") -> None:
        from openpyxl.styles import Font

        self.sheet = sheet
        self.lang = lang
        self.bold = Font(bold=True)

    def text(self, row: int, column: int, value: str | None, bold: bool = False) -> Any:
        """Scenario or label text, always as text: a leading = + - @ never runs."""
        cell = set_text(self.sheet.cell(row=row, column=column), value)
        if value is not None and bold:
            cell.font = self.bold
        return cell

    def number(self, row: int, column: int, value: float | None, fmt: str | None = None) -> Any:
        """A number (None: the cell stays empty) with the number format ``fmt``."""
        cell = self.sheet.cell(row=row, column=column)
        if value is not None:
            cell.value = value
        if fmt:
            cell.number_format = fmt
        return cell

    def formula(
        self,
        row: int,
        column: int,
        formula: str,
        fmt: str | None = None,
        value: float | None = None,
    ) -> Any:
        """A formula (written without its ``=``) with the number format ``fmt``.

        A formula beyond Excel's limits (one whose length grows with the scenario)
        is written as pactcalc's ``value`` with a note instead (:meth:`engine_value`);
        without a ``value`` that is a bug, not a cell to leave wrong."""
        if not fits_excel(formula):
            if value is None:
                raise ValueError(f"a formula beyond Excel's limits and no value: {formula[:80]}…")
            return self.engine_value(row, column, value, fmt)
        cell = self.sheet.cell(row=row, column=column)
        cell.value = "=" + formula
        if fmt:
            cell.number_format = fmt
        return cell

    def engine_value(self, row: int, column: int, value: float, fmt: str | None = None) -> Any:
        """pactcalc's ``value`` where a formula would go, with a note in the reader's
        language that says why the cell is a value: its formula does not fit Excel's
        limits (8,192 characters, 255 arguments, 64 levels)."""
        from openpyxl.comments import Comment

        cell = self.number(row, column, float(value), fmt)
        cell.comment = Comment(label("value_not_formula", self.lang), "pactcalc", 120, 320)
        return cell

    def header(self, row: int, values: Sequence[str | int], first: int = 1) -> None:
        """A bold header row from column ``first``: texts, and years as numbers."""
        for offset, value in enumerate(values):
            if isinstance(value, int):
                cell = self.number(row, first + offset, value, YEAR_FORMAT)
                cell.font = self.bold
            else:
                self.text(row, first + offset, value, bold=True)

    def widths(self, widths: dict[int, float]) -> None:
        """Column widths by 1-based column index."""
        for index, width in widths.items():
            self.sheet.column_dimensions[column_letters(index)].width = width
