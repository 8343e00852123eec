"""The terminal format: a report's sections as rich text, the answer first.

How a block looks here: a heading in bold, an answer in bold, a note dimmed, a table as
a rich table whose numbers are never cut, a bullet list with "•", checks with ✓/✗, and
a figure only where it can be drawn in characters (the cumulative net as bars, or a
figure that carries its own text). Cards and the machine-only tables are left out: their
values are in the other tables.
"""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.table import Table as RichTable
from rich.text import Text

from pactcalc.i18n import money
from pactcalc.report.blocks import (
    Block,
    Bullets,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    Trail,
    Verdicts,
)
from pactcalc.report.trail_sections import trail_block
from pactcalc.report.trails import WordedTrail

#: The widest a label column gets before it wraps (numbers are never cut).
LABEL_WIDTH = 24
CUMULATIVE_WIDTH = 24


def _ledger(table: Table) -> RichTable:
    rich = RichTable(
        title=table.title or None,
        title_justify="left",
        title_style="bold",
        show_header=any(table.header),
        header_style="bold",
    )
    for i, head in enumerate(table.header):
        if i == 0:  # labels may wrap; numbers are never cut
            width = min(LABEL_WIDTH, max(len(head), *(len(row[0]) for row in table.rows)))
            rich.add_column(head, justify="left", overflow="fold", min_width=width)
        else:
            width = max(len(head), *(len(row[i]) for row in table.rows))
            rich.add_column(head, justify="right", no_wrap=True, min_width=width)
    for row in table.rows:
        rich.add_row(*row)
    return rich


def _grid(table: Table) -> RichTable:
    rich = RichTable(
        title=table.title or None,
        title_justify="left",
        title_style="bold",
        show_header=True,
        header_style="bold",
    )
    for i, head in enumerate(table.header):
        if i == 0:
            rich.add_column(head, overflow="fold", min_width=12)
        else:
            rich.add_column(head, justify="right", no_wrap=True)
    for row in table.rows:
        rich.add_row(*(Text(cell) for cell in row))
    return rich


def _tornado(table: Table, bar_width: int = 16) -> RichTable:
    rich = RichTable(show_header=True, header_style="bold", box=box.SIMPLE_HEAD, show_edge=False)
    last = len(table.header) - 1
    for i, head in enumerate(table.header):
        if i == 0:
            rich.add_column(head, no_wrap=True)
        elif i == last:  # the switching value: words that may wrap
            rich.add_column(head, overflow="fold", min_width=20)
        elif not head:  # the bars
            rich.add_column(head, no_wrap=True, min_width=bar_width, style="cyan")
        else:
            rich.add_column(head, justify="right", no_wrap=True)
    for row in table.rows:
        rich.add_row(*(Text(cell) for cell in row))
    return rich


def _table(table: Table) -> RichTable:
    if table.layout == "tornado":
        return _tornado(table)
    if table.layout == "grid":
        return _grid(table)
    return _ledger(table)


def cumulative_picture(report: Report, width: int = CUMULATIVE_WIDTH) -> list[Any]:
    """The cumulative net per year as bars either side of a zero axis, with the amounts:
    the shape of the business case at a glance."""
    result = report.result
    values = [float(v) for v in result.cumulative_per_year]
    scale = max((abs(v) for v in values), default=0.0) or 1.0
    rows: list[Any] = []
    for year, value in zip(result.years, values, strict=True):
        # bar length is drawing, not arithmetic; a non-zero value always shows
        cells = max(1, round(abs(value) / scale * width)) if value else 0
        left = ("█" * cells).rjust(width) if value < 0 else " " * width
        right = ("█" * cells).ljust(width) if value >= 0 else " " * width
        amount = money(value, report.lang)
        rows.append(Text.assemble(f"{year}  ", (left, "red"), "│", (right, "green"), f"  {amount}"))
    return rows


def _figure(figure: Figure, report: Report) -> list[Any] | None:
    if figure.chart == "cumulative" and report.result is not None:
        rows = cumulative_picture(report)
    elif figure.text:
        rows = [Text(line) for line in figure.text]
    else:
        return None  # an SVG chart: not in a terminal
    return [Text(figure.title, style="bold"), *rows]


def _trail(trail: Trail) -> list[Any]:
    """An audit trail: definition, year by year with the values put in, what feeds it,
    and the inputs with their sources."""
    parts: list[Any] = [
        Text(trail.title, style="bold"),
        Text(trail.definition, style="dim"),
        Text(""),
    ]
    if trail.steps:
        table = RichTable(show_header=True, header_style="bold")
        year, formula, value = trail.step_header
        table.add_column(year)
        table.add_column(formula, overflow="fold")
        table.add_column(value, justify="right", no_wrap=True)
        for step in trail.steps:
            table.add_row(step.label, step.formula, step.value)
        parts.append(table)
    if trail.conclusion:
        parts.append(Text(trail.conclusion, style="bold"))
    if trail.feeds:
        parts += [Text(""), Text(f"{trail.feeds_label} " + ", ".join(trail.feeds))]
        if trail.feeds_note:
            parts.append(Text(trail.feeds_note, style="dim"))
    if trail.inputs:
        parts.append(Text(""))
        if trail.inputs_title:
            parts.append(Text(trail.inputs_title, style="bold"))
        for item in trail.inputs:
            source = f"{trail.source_label}: {item.source}" if trail.source_label else item.source
            parts.append(Text.assemble(f"• {item.name} = ", (item.value, "bold"), f" — {source}"))
    return parts


def _block(block: Block, previous: Block | None, report: Report) -> list[Any]:
    """A block as rich parts; a table or a figure (and a list right after a table) is
    set off by a blank line."""
    if isinstance(block, Paragraph):
        style = "bold" if block.emphasis else "dim" if block.note else ""
        return [Text(line, style=style) for line in block.lines if line]
    if isinstance(block, Table):
        return [Text(""), _table(block)] if block.rows else []
    if isinstance(block, Figure):
        drawn = _figure(block, report)
        return [Text(""), *drawn] if drawn else []
    gap = [Text("")] if isinstance(previous, Table) else []
    if isinstance(block, Bullets):
        if block.style == "warning":
            return [*gap, *(Text(item, style="yellow") for item in block.items)]
        return [*gap, *(Text(f"• {item}") for item in block.items)]
    if isinstance(block, Verdicts):
        parts: list[Any] = list(gap)
        for verdict in block.items:
            mark, style = ("✓", "green") if verdict.passed else ("✗", "red")
            parts.append(
                Text.assemble(
                    (f"{mark} ", style),
                    f"{verdict.subject} — {verdict.verdict}: ",
                    verdict.detail,
                )
            )
        return parts
    if isinstance(block, Trail):
        return [Text(""), *_trail(block)]
    return []  # cards: their values are in the summary table


def _section(section: Section, report: Report, first: bool) -> list[Any]:
    parts: list[Any] = []
    previous: Block | None = None
    for block in section.blocks:
        parts += _block(block, previous, report)
        previous = block
    if not parts:
        return []  # nothing this format can show
    if section.title:
        warning = all(isinstance(b, Bullets) and b.style == "warning" for b in section.blocks)
        heading = [Text(section.title, style="bold yellow" if warning else "bold")]
        parts = heading + parts if first else [Text(""), *heading, *parts]
    return parts


def _visible(section: Section) -> bool:
    """Does the section's title stand on its own (not repeated by its only table)?"""
    tables = [b for b in section.blocks if isinstance(b, Table) and b.rows]
    return not (tables and all(t.title == section.title for t in tables))


def draw(report: Report) -> Group:
    """The report as one rich renderable."""
    parts: list[Any] = []
    if report.title:
        parts.append(Text(report.title, style="bold underline"))
        parts += [Text(line, style="dim") for line in report.header]
        parts.append(Text(""))
    for section in report.sections:
        shown = Section(
            section.id,
            section.title if _visible(section) else "",
            section.blocks,
            section.level,
        )
        parts += _section(shown, report, first=not parts)
    return Group(*parts)


def _ledgers(report: Report) -> list[Table]:
    return [t for t in report.tables() if t.rows and t.layout == "ledger"]


def required_width(report: Report) -> int:
    """Characters a line needs so that no ledger's number is cut: a console narrower than
    this is widened (the terminal then wraps the line, but every digit stays)."""
    widest = 0
    for table in _ledgers(report):
        first = min(LABEL_WIDTH, max(len(table.header[0]), *(len(row[0]) for row in table.rows)))
        numbers = sum(
            max(len(table.header[i]), *(len(row[i]) for row in table.rows))
            for i in range(1, len(table.header))
        )
        widest = max(widest, first + numbers + 3 * len(table.header) + 1)
    return widest


def explain_renderable(trail: WordedTrail, lang: str) -> Group:
    """``pactcalc explain``: one audit trail, with where to look next."""
    return Group(*_trail(trail_block(trail, lang, for_explain=True)))


def required_width_of(renderable: Any, least: int = 100) -> int:
    """Characters a line needs to show ``renderable`` without folding a cell: print it on
    a console at least this wide (a narrower terminal then wraps the line, every digit
    stays)."""
    console = Console(width=10_000, file=io.StringIO(), color_system=None)
    parts = renderable.renderables if isinstance(renderable, Group) else [renderable]
    tables = [part for part in parts if not isinstance(part, Text)]  # text wraps
    return max([least, *(console.measure(part).maximum for part in tables)])


def to_text(renderable: Any, width: int | None = None) -> str:
    """Plain text of a renderable (for ``--output`` in the terminal format), on a console
    as wide as it needs (:func:`required_width_of`) unless ``width`` is given."""
    width = width or required_width_of(renderable)
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable, crop=False)
    return console.export_text()
