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

#: A column's alignment: ``text`` is left-aligned text that may wrap (a source, a name).
Align = Literal["left", "right", "text"]
#: How a table is laid out where a format has a choice: ``ledger`` (amounts that never
#: wrap, the first column a label), ``grid`` (statistics), ``tornado`` (a bar column).
Layout = Literal["ledger", "grid", "tornado"]


@dataclass(frozen=True)
class Paragraph:
    """One or more sentences. ``emphasis``: the answer a reader should see first;
    ``note``: a line of context under something (the discount rate's source). Several
    lines are separated by ``\n``: a format keeps them on lines of their own."""

    text: str
    emphasis: bool = False
    note: bool = False

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


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

    ``raw_header``: the header of the machine-readable rows (CSV), when they have one.
    ``code``: columns whose cells are code (a name as written in the scenario);
    ``linked``: a column whose cells name an audit trail (a format may link to it).
    ``layout``: see :data:`Layout`.
    """

    id: str
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    raw: Sequence[Sequence[Any]] = ()
    align: Sequence[Align] = ()
    total_row: bool = False
    note: str | None = None
    raw_header: Sequence[str] = ()
    code: Sequence[int] = ()
    linked: int | None = None
    layout: Layout = "ledger"

    def alignment(self, column: int) -> Align:
        if column < len(self.align):
            return self.align[column]
        return "left" if column == 0 else "right"


@dataclass(frozen=True)
class Figure:
    """A chart, by name (``cumulative``, ``tornado`` …), with its caption. The format
    asks ``pactcalc.render.charts`` to draw it from the report's result and analysis.
    ``text``: the same picture in characters, for a format that draws no SVG."""

    chart: str
    title: str
    caption: str = ""
    alt: str = ""
    text: Sequence[str] = ()


@dataclass(frozen=True)
class Highlight:
    """A key figure: its label, its value, one sentence on what it says, and the trail
    it links to (``link``, a trail id; empty: none)."""

    label: str
    value: str
    says: str = ""
    link: str = ""


@dataclass(frozen=True)
class Highlights:
    """The key figures as cards. A format without cards leaves them out: the same values
    are in the summary table."""

    items: Sequence[Highlight]


@dataclass(frozen=True)
class Verdict:
    """One check and its outcome: the check as written, whether it holds, the verdict in
    words and why."""

    subject: str
    passed: bool
    verdict: str
    detail: str


@dataclass(frozen=True)
class Verdicts:
    """A list of checks with their verdicts."""

    items: Sequence[Verdict]


@dataclass(frozen=True)
class TrailStep:
    """One step of an audit trail: a worded formula and its value."""

    label: str
    formula: str
    value: str
    inputs: Sequence[str] = ()


@dataclass(frozen=True)
class TrailInput:
    """An input a trail rests on: its name, its value (with its unit) and its source in
    words (or that it has none)."""

    name: str
    value: str
    source: str


@dataclass(frozen=True)
class Trail:
    """How one figure is made, from the formula down to the sourced inputs.

    ``definition``: the formula; ``step_header``: the steps' column heads; ``conclusion``:
    a closing sentence; ``feeds``: the trails it is made from (ids), said after
    ``feeds_label`` (with ``feeds_note`` under them); ``inputs`` under ``inputs_title``,
    each source after ``source_label`` (empty: the source alone).
    """

    id: str
    title: str
    steps: Sequence[TrailStep]
    definition: str = ""
    step_header: Sequence[str] = ()
    conclusion: str = ""
    feeds: Sequence[str] = ()
    feeds_label: str = ""
    feeds_note: str = ""
    inputs: Sequence[TrailInput] = ()
    inputs_title: str = ""
    source_label: str = ""


Block = Paragraph | Bullets | Table | Figure | Highlights | Verdicts | Trail


@dataclass(frozen=True)
class Section:
    """A titled part of a report. ``level`` 1 is a chapter, 2 a part of one. ``data`` is
    this section's part of the JSON document (merged into it in section order).

    A format leaves out a section it has nothing to show of (no blocks, or only what it
    cannot draw), and draws a table's title only where it differs from the section's.
    ``new_page``: a printed format starts the section on a new page.
    """

    id: str
    title: str
    blocks: Sequence[Block] = ()
    level: int = 2
    data: Mapping[str, Any] = field(default_factory=dict)
    new_page: bool = False


@dataclass
class Report:
    """A whole report: its title, header lines (municipality, horizon, rate), sections in
    order, and the objects its figures are drawn from (never used for arithmetic):
    ``result``, ``analysis`` and, for actuals beside the plan, ``monitoring`` (a
    :class:`pactcalc.monitor.Monitoring`)."""

    title: str
    lang: str
    sections: list[Section]
    header: Sequence[str] = ()
    result: Any = None
    analysis: Any = None
    footer: str = ""
    monitoring: Any = None

    def section(self, id: str) -> Section | None:
        return next((s for s in self.sections if s.id == id), None)

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def data(self) -> dict[str, Any]:
        """The machine-readable document: every section's ``data``, merged in order."""
        merged: dict[str, Any] = {}
        for section in self.sections:
            merged.update(section.data)
        return merged
