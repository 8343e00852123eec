"""CSV output: the year-by-year table, euros to the cent with a decimal point (for
spreadsheets and scripts; JSON keeps the unrounded numbers). Text cells that a
spreadsheet would run as a formula are neutralised."""

from __future__ import annotations

import csv
import io
from typing import Any

from pactcalc.api import Document
from pactcalc.render.common import by_year, effort_by_partner

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """Text starting with = + - @ (or a tab/CR) is prefixed with ' so that Excel and
    LibreOffice show it as text instead of running it (CSV/formula injection).

    >>> neutralise("=HYPERLINK(1)"), neutralise("Gemeente"), neutralise(-5.0)
    ("'=HYPERLINK(1)", 'Gemeente', -5.0)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _cell(value: Any) -> Any:
    """Euros to the cent (floating-point noise such as 1696726.4000000001 never shows),
    text neutralised, a missing total empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    return neutralise(value)


def render(document: Document, lang: str) -> str:
    assert document.result is not None
    result = document.result
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    year_table = by_year(result, lang)
    writer.writerow(["metric", *map(str, result.years), "total"])
    for row in year_table.raw:
        writer.writerow([_cell(c) for c in row])
    for row in effort_by_partner(result, lang).raw:
        name = row[0]
        label = "effort_total_all" if name == "total" else f"effort[{name}]"
        writer.writerow([neutralise(label), *(_cell(c) for c in row[1:])])
    return out.getvalue()
