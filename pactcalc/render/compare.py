"""``pactcalc compare``: headline metrics side by side, with the differences to the first
scenario in columns of their own (:mod:`pactcalc.report.compare`), in the terminal,
Markdown, HTML and CSV (the workbook is :func:`pactcalc.render.xlsx.write_comparison`).
Formatting only; the differences come from :func:`pactcalc.engine.compare_results`.

Every format here has the signature ``(comparison, results, lang)`` and draws the same
report with the format's own drawer, so that scenario text is escaped and a table fits as
everywhere else: the terminal's table fits the window (:mod:`pactcalc.render.fitting`),
and the HTML page fits the width of A4 by setting at most :data:`HTML_COMPARED` scenarios
beside the first per table.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pactcalc.engine import Comparison, Result
from pactcalc.report.blocks import Section, Table
from pactcalc.report.compare import build_comparison

if TYPE_CHECKING:
    from rich.console import Group

#: Scenarios set beside the first in one HTML table: with each one's difference that is
#: five amount columns and the metric's name, as wide as an A4 page allows.
HTML_COMPARED = 2


def renderable(comparison: Comparison, results: list[Result], lang: str) -> Group:
    """The comparison for the terminal: a table that fits the window (its headers wrap,
    its columns split over parts, or its rows stack)."""
    from pactcalc.render import terminal

    report = build_comparison(comparison, results, lang)
    # the title as the section's heading: right above the table, as in `run`
    sections = [replace(s, title=report.title, level=1) for s in report.sections[:1]]
    return terminal.draw(replace(report, title="", sections=sections + report.sections[1:]))


def markdown(comparison: Comparison, results: list[Result], lang: str) -> str:
    """A Markdown page: a heading, the table and the note on the differences."""
    from pactcalc.render import markdown as render_markdown

    drawn = render_markdown.draw(build_comparison(comparison, results, lang))
    return re.sub(r"\n{3,}", "\n\n", drawn).rstrip("\n") + "\n"


def as_csv(comparison: Comparison, results: list[Result], lang: str) -> str:
    """Raw numbers, in the columns of the table: the metric's id, the first scenario's
    value, then per other scenario its value and its difference (``diff: NAME``); the
    same in every language: a machine reads it."""
    from pactcalc.render.csv import neutralise

    table = build_comparison(comparison, results, lang).tables()[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralise(head) for head in table.raw_header])
    for row in table.raw:
        writer.writerow([_raw(cell) for cell in row])
    return out.getvalue()


def _raw(cell: Any) -> Any:
    """A cell for CSV: empty where there is no number (no payback, no ratio)."""
    from pactcalc.render.csv import neutralise

    if cell is None:
        return ""
    return float(cell) if isinstance(cell, int | float) else neutralise(cell)


def html_parts(table: Table, compared: int = HTML_COMPARED) -> list[Table]:
    """``table`` as tables of at most ``compared`` scenarios beside the first, each
    repeating the metric's name and the first scenario's value."""
    # columns: 0 metric, 1 first scenario, then pairs (value, difference)
    pairs = [(2 + 2 * k, 3 + 2 * k) for k in range((len(table.header) - 2) // 2)]
    if len(pairs) <= compared:
        return [table]
    parts = []
    for start in range(0, len(pairs), compared):
        kept = [0, 1, *(c for pair in pairs[start : start + compared] for c in pair)]
        parts.append(
            replace(
                table,
                header=[table.header[c] for c in kept],
                rows=[[row[c] for c in kept] for row in table.rows],
                raw=(),
                align=[table.alignment(c) for c in kept],
            )
        )
    return parts


def html(comparison: Comparison, results: list[Result], lang: str) -> str:
    """A self-contained HTML page, as wide as A4 at most: a heading, the table (in parts
    of :data:`HTML_COMPARED` scenarios beside the first) and the note."""
    from pactcalc.render.html import draw

    report = build_comparison(comparison, results, lang)
    sections = []
    for section in report.sections:
        blocks = [
            part
            for block in section.blocks
            for part in (html_parts(block) if isinstance(block, Table) else [block])
        ]
        sections.append(Section(section.id, section.title, blocks, section.level))
    return draw(replace(report, sections=sections), {})
