"""The building blocks of a report: what a report says, not how it looks.

A report is an ordered list of :class:`Section`; a section holds a title, blocks (a
paragraph, a bullet list, a table, a figure, an audit trail) and ``data``, its share of
the machine-readable (JSON) document. Text in a block is already worded in the reader's
language; numbers in tables come formatted (``rows``) and raw (``raw``) so that a machine
format writes the unrounded value. Each format (``pactcalc.render.*``) walks the sections
and decides only how a heading, a table or a figure looks, and may leave out what it
cannot show (the terminal draws no SVG).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Align = Literal["left", "right"]


@dataclass(frozen=True)
class Paragraph:
    """One or more sentences. ``emphasis``: the answer a reader should see first."""

    text: str
    emphasis: bool = False


@dataclass(frozen=True)
class Bullets:
    """A list of short items. ``style``: plain, warning (a caution) or check (a verdict)."""

    items: Sequence[str]
    style: Literal["plain", "warning", "check"] = "plain"


@dataclass(frozen=True)
class Table:
    """A titled table: ``header`` and ``rows`` as text; ``raw`` the same rows with the
    unformatted numbers (None: no value), for CSV, JSON and the XLSX's value sheets.

    ``id`` is stable (``by_year``, ``who_pays``): a machine format keys on it.
    ``align`` gives each column's alignment (default: the first left, the rest right).
    ``total_row``: the last row is a total. ``note``: a line under the table.
    """

    id: str
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    raw: Sequence[Sequence[Any]] = ()
    align: Sequence[Align] = ()
    total_row: bool = False
    note: str | None = None

    def alignment(self, column: int) -> Align:
        if column < len(self.align):
            return self.align[column]
        return "left" if column == 0 else "right"


@dataclass(frozen=True)
class Figure:
    """A chart, by name (``cumulative``, ``tornado`` …), with its caption. The format
    asks ``pactcalc.render.charts`` to draw it from the report's result and analysis."""

    chart: str
    title: str
    caption: str = ""
    alt: str = ""


@dataclass(frozen=True)
class TrailStep:
    """One step of an audit trail: a worded formula and its value."""

    label: str
    formula: str
    value: str
    inputs: Sequence[str] = ()


@dataclass(frozen=True)
class Trail:
    """How one figure is made, from the formula down to the sourced inputs."""

    id: str
    title: str
    steps: Sequence[TrailStep]


Block = Paragraph | Bullets | Table | Figure | Trail


@dataclass(frozen=True)
class Section:
    """A titled part of a report. ``level`` 1 is a chapter, 2 a part of one. ``data`` is
    this section's part of the JSON document (merged into it in section order)."""

    id: str
    title: str
    blocks: Sequence[Block] = ()
    level: int = 2
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    """A whole report: its title, header lines (municipality, horizon, rate), sections in
    order, and the objects its figures are drawn from (never used for arithmetic)."""

    title: str
    lang: str
    sections: list[Section]
    header: Sequence[str] = ()
    result: Any = None
    analysis: Any = None

    def section(self, id: str) -> Section | None:
        return next((s for s in self.sections if s.id == id), None)

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]
