"""``pactcalc compare`` as a report: the headline metrics of several scenarios side by
side, and each one's difference to the first in a column of its own.

The columns, the same in every format (terminal, Markdown, HTML, CSV): the metric, the
first scenario's value, then per other scenario its value and its difference to the
first. A difference is written with its sign before the amount (``+€ 60.000``,
``−€ 4.362.070``) in the unit of its metric: euros for money, years for a payback
(``+0,4 jaar``), a plain number for a ratio. The differences themselves come from
:func:`pactcalc.engine.compare_results`; this module only words and selects.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pactcalc.i18n import money, number, t
from pactcalc.metrics import REGISTRY
from pactcalc.report.blocks import Align, Paragraph, Report, Section, Table
from pactcalc.report.values import metric_text

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Comparison, Result

#: The sign of a negative difference: the minus sign (U+2212), not the hyphen, so that
#: ``+`` and ``−`` line up as a pair in a column.
MINUS = "\u2212"


def difference_text(metric: str, value: float, lang: str) -> str:
    """A difference to the first scenario: its sign first, then the amount in the
    metric's own unit; ``—`` where either scenario has no value (no payback).

    >>> difference_text("npv", -4362070.4, "nl"), difference_text("npv", 60000, "en")
    ('−€ 4.362.070', '+€60,000')
    >>> difference_text("payback_years", 0.4, "nl"), difference_text("bcr", -0.25, "nl")
    ('+0,4 jaar', '−0,25')
    >>> difference_text("npv", 0.3, "nl"), difference_text("payback_years", float("nan"), "nl")
    ('€ 0', '—')
    """
    if math.isnan(value):
        return "—"
    kind = REGISTRY[metric].kind
    if kind == "years":
        size = number(abs(value), lang, 1)
    elif kind == "ratio":
        size = number(abs(value), lang, 2)
    else:
        size = money(abs(value), lang)
    sign = "" if _is_zero(size) else "+" if value > 0 else MINUS
    shown = sign + size
    return t("n_years", lang, n=shown) if kind == "years" else shown


def _is_zero(shown: str) -> bool:
    """Is a formatted amount zero (``€ 0``, ``0,0``): no digit but 0 in it?"""
    return not any(c.isdigit() and c != "0" for c in shown)


def columns(names: Sequence[str], lang: str) -> list[str]:
    """The header: an empty metric column, the first scenario, then per other scenario
    its name and ``verschil``."""
    header = ["", names[0]]
    for name in names[1:]:
        header += [name, t("compare.difference", lang)]
    return header


def comparison_table(comparison: Comparison, results: Sequence[Result], lang: str) -> Table:
    """The comparison as one table (see the module's docstring). ``raw`` holds the
    numbers (None: none) under ``raw_header``, the metric's id first."""
    names = list(comparison.names)
    rows: list[list[str]] = []
    raw: list[list[object]] = []
    for j, metric in enumerate(comparison.metrics):
        row = [t(metric, lang)]
        numbers: list[object] = [metric]
        for i, result in enumerate(results):
            value = float(comparison.values[i, j])
            row.append(
                metric_text(metric, None if math.isnan(value) else value, lang, len(result.years))
            )
            numbers.append(None if math.isnan(value) else value)
            if i:
                difference = float(comparison.differences[i, j])
                row.append(difference_text(metric, difference, lang))
                numbers.append(None if math.isnan(difference) else difference)
        rows.append(row)
        raw.append(numbers)
    raw_header = ["metric", names[0]]
    for name in names[1:]:
        raw_header += [name, f"diff: {name}"]
    amounts: list[Align] = ["right"] * (len(rows[0]) - 1 if rows else 1)
    align: list[Align] = ["left", *amounts]
    return Table(
        "compare",
        "",
        columns(names, lang),
        rows,
        raw,
        align=align,
        raw_header=raw_header,
        layout="grid",
    )


def build_comparison(comparison: Comparison, results: Sequence[Result], lang: str) -> Report:
    """The comparison as a report: the title, the table, and a note that says what the
    differences are measured from."""
    table = comparison_table(comparison, results, lang)
    note = Paragraph(t("compare.difference_note", lang, first=comparison.names[0]), note=True)
    return Report(
        title=t("compare_title", lang),
        lang=lang,
        sections=[Section("compare", "", [table, note])],
    )
