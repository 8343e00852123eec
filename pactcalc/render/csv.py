"""CSV output: the report's machine-readable rows (tables with a ``raw_header``) as one
sheet. Amounts of a ledger table to the cent with a decimal point (floating-point noise
never shows; JSON keeps the unrounded numbers); other tables unrounded; a missing value
empty. Text cells that a spreadsheet would run as a formula are neutralised, and their
control characters and line breaks are shown escaped (``\\n``, ``\\x1b``): a line of the
CSV is one row, so no line of the output starts with text from the scenario (under GitHub
Actions a line ``::error …`` would be a workflow command)."""

from __future__ import annotations

import csv
import io
from typing import Any

from pactcalc.pipeline import Document
from pactcalc.render.text import visible
from pactcalc.report import build
from pactcalc.report.blocks import Report, Table

_FORMULA_START = ("=", "+", "-", "@")


def neutralise(cell: Any) -> Any:
    """Text starting with = + - @ is prefixed with ' so that Excel and LibreOffice show
    it as text instead of running it (CSV/formula injection); its control characters and
    line breaks show escaped (a tab or CR at the start then no longer starts a formula).

    >>> neutralise("=HYPERLINK(1)"), neutralise("Gemeente"), neutralise(-5.0)
    ("'=HYPERLINK(1)", 'Gemeente', -5.0)
    """
    if not isinstance(cell, str):
        return cell
    shown = visible(cell)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


def _cell(value: Any, to_the_cent: bool) -> Any:
    if value is None:
        return ""
    if to_the_cent and isinstance(value, float):
        return round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    return neutralise(value)


#: The dialects of ``--csv-dialect``: ``standard`` — comma, decimal point, UTF-8 (for
#: scripts and CI, the default); ``excel-nl`` — what Excel with Dutch settings opens as
#: columns: semicolon, decimal comma, and a UTF-8 byte order mark so that € and ë survive.
DIALECTS = ("standard", "excel-nl")


def _decimal_comma(cell: Any) -> Any:
    """A number with a decimal comma (``-1234.5`` → ``-1234,5``); other cells as they are."""
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        return str(cell).replace(".", ",")
    return cell


def draw(report: Report, dialect: str = "standard") -> str:
    """The rows of every table that has a ``raw_header``, under the first one's header
    (the tables of one report share it), in ``dialect`` (:data:`DIALECTS`)."""
    tables: list[Table] = [table for table in report.tables() if table.raw_header]
    out = io.StringIO()
    excel_nl = dialect == "excel-nl"
    writer = csv.writer(out, delimiter=";" if excel_nl else ",", lineterminator="\n")
    if excel_nl:
        out.write("\ufeff")
    if tables:
        writer.writerow(tables[0].raw_header)
    for table in tables:
        for row in table.raw:
            cells = [_cell(c, table.layout == "ledger") for c in row]
            writer.writerow([_decimal_comma(c) for c in cells] if excel_nl else cells)
    return out.getvalue()


def render(document: Document, lang: str, dialect: str = "standard") -> str:
    return draw(build(document, None, lang), dialect)
