"""A terminal table that fits the width it is drawn at, its numbers never cut.

rich shrinks a table that is too wide by wrapping its text columns and, when that is not
enough, by cutting every column, numbers included. A :class:`FittedTable` decides itself,
at the width the console gives it (``COLUMNS``, the terminal's width), in this order:

1. the table as it is, when it fits;
2. its text columns (a label, a switching value) wrapped, each at least
   :data:`TEXT_LEAST` characters wide (less only when its text is shorter), and the
   headers of number columns wrapped at words down to the width of their numbers;
3. the other columns split over several tables, each repeating the first (label)
   column: years 2021–2023 above, 2024–2025 and the total below, the groups as even as
   the width allows;
4. stacked, when not even the label and one number fit side by side: each row as its
   label, then one ``header: value`` line per column.

A number column is never narrower than its widest cell, so a number is never cut. The
table measures as wide as it is uncut, so that a file written "as wide as it needs"
(:func:`pactcalc.render.terminal.to_text`) shows it whole, as before.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table as RichTable
from rich.text import Text

#: The narrowest a wrapped text column gets while the table still has other choices.
TEXT_LEAST = 20

#: ``boxed``: a table with edges and a bold header (ledger, grid, steps); ``open``: the
#: tornado's look, a rule under the header and no edges.
Look = Literal["boxed", "open"]


class _Wrapper(textwrap.TextWrapper):
    """Breaks between words and after ``_`` and ``/`` (a snake_case parameter id breaks
    at its parts), never inside an amount such as ``€ 130.000``."""

    def _split(self, text: str) -> list[str]:
        return [chunk for chunk in _BREAKS.split(text) if chunk]


_BREAKS = re.compile(r"( +|(?<=[_/]))")
_AMOUNT = re.compile(r"€ (?=[-−\d])")
_GLUE = "\xa0"  # not a break for textwrap (it breaks at ASCII white space only)


def wrap(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` characters, joined by newlines: broken
    between words, after ``_`` and ``/``, a word longer than a line cut; ``€`` stays with
    its amount.

    >>> wrap("geen tussen € 30.000 en € 130.000", 12)
    'geen tussen\\n€ 30.000 en\\n€ 130.000'
    >>> wrap("uren_specialistisch_per_week", 22)
    'uren_specialistisch_\\nper_week'
    """
    if _GLUE in text:  # never turn a character of the text into another
        return "\n".join(_Wrapper(width, break_on_hyphens=False).wrap(text))
    glued = _AMOUNT.sub("€" + _GLUE, text)
    lines = _Wrapper(width, break_on_hyphens=False).wrap(glued)
    return "\n".join(line.replace(_GLUE, " ") for line in lines)


@dataclass(frozen=True)
class Column:
    """One column: its header, whether its text may wrap, its alignment, the width it
    has at least when there is room (``floor``) and a style for its cells."""

    header: str
    wraps: bool = False
    justify: Literal["left", "right"] = "right"
    floor: int = 0
    style: str = ""


@dataclass(frozen=True)
class FittedTable:
    """A table of text cells (already escaped) that fits the console's width; see the
    module's docstring. ``title``: a bold line above (the first part only)."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    title: str = ""
    look: Look = "boxed"
    show_header: bool = True
    _natural: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _unbroken: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cells = [
            max((cell_len(row[i]) for row in self.rows), default=0)
            for i in range(len(self.columns))
        ]
        natural = tuple(
            max(column.floor, cell_len(column.header), cells[i])
            for i, column in enumerate(self.columns)
        )
        # a number column is as wide as its widest cell; its header may wrap at words
        unbroken = tuple(
            max(column.floor, cells[i], *(cell_len(w) for w in column.header.split(" ")))
            for i, column in enumerate(self.columns)
        )
        object.__setattr__(self, "_natural", natural)
        object.__setattr__(self, "_unbroken", unbroken)

    # ------------------------------------------------------------------ measuring

    def _overhead(self, count: int) -> int:
        """Characters besides the cells of ``count`` columns: a space either side of
        every cell, the rules between the columns and (boxed) the two edges."""
        edges = 2 if self.look == "boxed" else 0
        return 2 * count + (count - 1) + edges

    def _least(self, index: int) -> int:
        if self.columns[index].wraps:
            return min(self._natural[index], TEXT_LEAST)
        return self._unbroken[index]

    def _needs(self, indexes: Sequence[int]) -> int:
        """The least width the columns ``indexes`` need side by side."""
        return sum(self._least(i) for i in indexes) + self._overhead(len(indexes))

    def natural_width(self) -> int:
        """The width of the table with no cell wrapped."""
        return sum(self._natural) + self._overhead(len(self.columns))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(
            min(self.natural_width(), self._needs([0, 1][: len(self.columns)])),
            self.natural_width(),
        )

    # ------------------------------------------------------------------ choosing

    def groups(self, width: int) -> list[list[int]] | None:
        """The columns of each part at ``width``: one part when the table fits (its text
        wrapped if need be), several when the label must be repeated; None: stack."""
        everything = list(range(len(self.columns)))
        if self._needs(everything) <= width:
            return [everything]
        others = everything[1:]
        if not others or self._needs([0, others[0]]) > width:
            return None
        greedy: list[list[int]] = [[0]]
        for index in others:
            if len(greedy[-1]) > 1 and self._needs([*greedy[-1], index]) > width:
                greedy.append([0])
            if self._needs([*greedy[-1], index]) > width:
                return None  # not even the label and this column fit
            greedy[-1].append(index)
        return self._even(others, len(greedy), width) or greedy

    def _even(self, others: list[int], parts: int, width: int) -> list[list[int]] | None:
        """``others`` in ``parts`` groups as even in size as possible (the larger ones
        first), if each fits; None otherwise."""
        size, extra = divmod(len(others), parts)
        groups: list[list[int]] = []
        start = 0
        for part in range(parts):
            end = start + size + (1 if part < extra else 0)
            groups.append([0, *others[start:end]])
            start = end
        return groups if all(self._needs(g) <= width for g in groups) else None

    def _widths(self, indexes: Sequence[int], width: int) -> dict[int, int] | None:
        """Widths for the columns of a part that is too wide as it is, of those that can
        be narrower: the text columns, and the number columns whose header is wider than
        their numbers (the header wraps at words). Each starts at its least; the room
        left goes to the first (the label) as far as it needs it, then to the next.
        None: the part fits whole."""
        natural = sum(self._natural[i] for i in indexes) + self._overhead(len(indexes))
        if natural <= width:
            return None
        wrapping = [i for i in indexes if self.columns[i].wraps]
        numbers = [i for i in indexes if not self.columns[i].wraps]
        shrinking = [*wrapping, *(i for i in numbers if self._least(i) < self._natural[i])]
        widths = {i: self._least(i) for i in shrinking}
        room = width - self._needs(indexes)
        for i in shrinking:  # the label first: a row is found by its label
            grown = min(self._natural[i], widths[i] + room)
            room -= grown - widths[i]
            widths[i] = grown
        return widths

    # ------------------------------------------------------------------ drawing

    def _part(self, indexes: Sequence[int], width: int, title: str) -> RichTable:
        widths = self._widths(indexes, width) or {}

        def cell(index: int, text: str) -> Text:
            return Text(wrap(text, widths[index]) if index in widths else text)

        rich = RichTable(
            title=Text(title, style="bold") if title else None,
            title_justify="left",
            show_header=self.show_header,
            header_style="bold",
            box=box.SIMPLE_HEAD if self.look == "open" else box.HEAVY_HEAD,
            show_edge=self.look != "open",
        )
        for i in indexes:
            column = self.columns[i]
            rich.add_column(
                Text(wrap(column.header, widths[i]) if i in widths else column.header),
                justify=column.justify,
                no_wrap=not column.wraps,
                overflow="fold",
                width=widths.get(i),
                min_width=None if i in widths else self._natural[i],
                style=column.style or None,
            )
        for row in self.rows:
            rich.add_row(*(cell(i, row[i]) for i in indexes))
        return rich

    def _stacked(self) -> Iterator[Text]:
        if self.title:
            yield Text(self.title, style="bold")
        for row in self.rows:
            yield Text(row[0], style="bold")
            for column, cell in zip(self.columns[1:], row[1:], strict=True):
                yield Text(f"  {column.header}: {cell}" if column.header else f"  {cell}")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        groups = self.groups(width)
        if groups is None:
            yield from self._stacked()
            return
        for number, indexes in enumerate(groups):
            if number:
                yield Text("")
            yield self._part(indexes, width, self.title if number == 0 else "")
