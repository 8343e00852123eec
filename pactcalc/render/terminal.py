"""The terminal format: a report's sections as rich text, the answer first.

How a block looks here: a heading in bold, an answer in bold, a note dimmed, a table as
a rich table that fits the window and whose numbers are never cut (it wraps, splits or
stacks, see :mod:`pactcalc.render.fitting`), a bullet list with "•", checks with ✓/✗, and
a figure only where it can be drawn in characters (the cumulative net as bars, or a
figure that carries its own text). Cards and the machine-only tables are left out: their
values are in the other tables.

Every text from the scenario is written through :func:`~pactcalc.render.text.visible`:
an escape sequence, a bidi control or a line break in a name shows as ``\\x1b``,
``\\u202e``, ``\\n`` and never acts on the terminal.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.text import Text

from pactcalc.i18n import money
from pactcalc.render.fitting import Column, FittedTable
from pactcalc.render.text import visible
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

#: The widest the cumulative picture's bars get either side of the axis.
CUMULATIVE_WIDTH = 24


def _cells(table: Table) -> list[list[str]]:
    return [[visible(cell) for cell in row] for row in table.rows]


def _ledger(table: Table) -> FittedTable:
    """Amounts that never wrap, the first column a label (and any ``text`` column) that
    may."""
    columns = [
        Column(
            visible(head),
            wraps=i == 0 or table.alignment(i) == "text",
            justify="left" if i == 0 or table.alignment(i) == "text" else "right",
        )
        for i, head in enumerate(table.header)
    ]
    return FittedTable(columns, _cells(table), visible(table.title), show_header=any(table.header))


def _grid(table: Table) -> FittedTable:
    columns = [
        Column(visible(head), wraps=True, justify="left", floor=12)
        if i == 0
        else Column(visible(head))
        for i, head in enumerate(table.header)
    ]
    return FittedTable(columns, _cells(table), visible(table.title))


def _tornado(table: Table, bar_width: int = 16) -> FittedTable:
    last = len(table.header) - 1
    columns = []
    for i, head in enumerate(table.header):
        if i == 0:
            column = Column(visible(head), wraps=True, justify="left")
        elif i == last:  # the switching value: words that may wrap
            column = Column(visible(head), wraps=True, justify="left", floor=20)
        elif not head:  # the bars
            column = Column("", justify="left", floor=bar_width, style="cyan")
        else:
            column = Column(visible(head))
        columns.append(column)
    return FittedTable(columns, _cells(table), look="open")


def _table(table: Table) -> FittedTable:
    if table.layout == "tornado":
        return _tornado(table)
    if table.layout == "grid":
        return _grid(table)
    return _ledger(table)


def cumulative_picture(report: Report, width: int = CUMULATIVE_WIDTH) -> list[Any]:
    """The cumulative net per year as bars either side of a zero axis, with the amounts:
    the shape of the business case at a glance. ``width``: the bars' room either side."""
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


@dataclass(frozen=True)
class CumulativePicture:
    """:func:`cumulative_picture` with bars as long as the width allows (at most
    :data:`CUMULATIVE_WIDTH` either side, at least 4): the amounts are never cut."""

    report: Report

    def _text_width(self) -> int:
        """The year, the axis and the widest amount: all but the bars."""
        result = self.report.result
        years = max((len(str(y)) for y in result.years), default=4)
        amounts = (money(float(v), self.report.lang) for v in result.cumulative_per_year)
        return years + 2 + 1 + 2 + max((len(a) for a in amounts), default=1)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self._text_width() + 8, self._text_width() + 2 * CUMULATIVE_WIDTH)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = (options.max_width - self._text_width()) // 2
        yield from cumulative_picture(self.report, max(4, min(CUMULATIVE_WIDTH, room)))


def _figure(figure: Figure, report: Report) -> list[Any] | None:
    rows: list[Any]
    if figure.chart == "cumulative" and report.result is not None:
        rows = [CumulativePicture(report)]
    elif figure.text:
        rows = [Text(visible(line)) for line in figure.text]
    else:
        return None  # an SVG chart: not in a terminal
    return [Text(visible(figure.title), style="bold"), *rows]


def _steps(trail: Trail) -> FittedTable:
    """The year-by-year steps of an audit trail: the formula with the values put in
    wraps, the value never."""
    year, formula, value = trail.step_header
    columns = [
        Column(visible(year), justify="left"),
        Column(visible(formula), wraps=True, justify="left"),
        Column(visible(value)),
    ]
    rows = [[visible(s.label), visible(s.formula), visible(s.value)] for s in trail.steps]
    return FittedTable(columns, rows)


def _trail(trail: Trail) -> list[Any]:
    """An audit trail: definition, year by year with the values put in, what feeds it,
    and the inputs with their sources."""
    parts: list[Any] = [
        Text(visible(trail.title), style="bold"),
        Text(visible(trail.definition), style="dim"),
        Text(""),
    ]
    if trail.steps:
        parts.append(_steps(trail))
    if trail.conclusion:
        parts.append(Text(visible(trail.conclusion), style="bold"))
    if trail.feeds:
        parts += [Text(""), Text(visible(f"{trail.feeds_label} " + ", ".join(trail.feeds)))]
        if trail.feeds_note:
            parts.append(Text(visible(trail.feeds_note), style="dim"))
    if trail.inputs:
        parts.append(Text(""))
        if trail.inputs_title:
            parts.append(Text(visible(trail.inputs_title), style="bold"))
        for item in trail.inputs:
            source = f"{trail.source_label}: {item.source}" if trail.source_label else item.source
            parts.append(
                Text.assemble(
                    visible(f"• {item.name} = "),
                    (visible(item.value), "bold"),
                    visible(f" — {source}"),
                )
            )
    return parts


def _block(block: Block, previous: Block | None, report: Report) -> list[Any]:
    """A block as rich parts; a table or a figure (and a list right after a table) is
    set off by a blank line."""
    if isinstance(block, Paragraph):
        style = "bold" if block.emphasis else "dim" if block.note else ""
        return [Text(visible(line), style=style) for line in block.lines if line]
    if isinstance(block, Table):
        return [Text(""), _table(block)] if block.rows else []
    if isinstance(block, Figure):
        drawn = _figure(block, report)
        return [Text(""), *drawn] if drawn else []
    gap = [Text("")] if isinstance(previous, Table) else []
    if isinstance(block, Bullets):
        if block.style == "warning":
            return [*gap, *(Text(visible(item), style="yellow") for item in block.items)]
        return [*gap, *(Text(visible(f"• {item}")) for item in block.items)]
    if isinstance(block, Verdicts):
        parts: list[Any] = list(gap)
        for verdict in block.items:
            mark, style = ("✓", "green") if verdict.passed else ("✗", "red")
            parts.append(
                Text.assemble(
                    (f"{mark} ", style),
                    visible(f"{verdict.subject} — {verdict.verdict}: "),
                    visible(verdict.detail),
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
        style = "bold yellow" if warning else "bold"
        heading = [Text(visible(section.title), style=style)]
        parts = heading + parts if first else [Text(""), *heading, *parts]
    return parts


def _visible(section: Section) -> bool:
    """Does the section's title stand on its own (not repeated by its only table)?"""
    tables = [b for b in section.blocks if isinstance(b, Table) and b.rows]
    return not (tables and all(t.title == section.title for t in tables))


def draw(report: Report) -> Group:
    """The report as one rich renderable, drawn to fit the console it is printed on
    (tables wrap, split or stack; see :mod:`pactcalc.render.fitting`)."""
    parts: list[Any] = []
    if report.title:
        parts.append(Text(visible(report.title), style="bold underline"))
        parts += [Text(visible(line), style="dim") for line in report.header]
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


def explain_renderable(trail: WordedTrail, lang: str) -> Group:
    """``pactcalc explain``: one audit trail, with where to look next."""
    return Group(*_trail(trail_block(trail, lang, for_explain=True)))


def required_width_of(renderable: Any, least: int = 100) -> int:
    """Characters a line needs to show ``renderable`` with no table wrapped or split
    (text wraps): at least ``least``."""
    console = Console(width=10_000, file=io.StringIO(), color_system=None)
    parts = renderable.renderables if isinstance(renderable, Group) else [renderable]
    tables = [part for part in parts if not isinstance(part, Text)]  # text wraps
    return max([least, *(console.measure(part).maximum for part in tables)])


def to_text(renderable: Any, width: int | None = None) -> str:
    """Plain text of a renderable, on a console ``width`` wide, or as wide as it needs
    (:func:`required_width_of`) when no width is given."""
    width = width or required_width_of(renderable)
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable, crop=False)
    return console.export_text()
