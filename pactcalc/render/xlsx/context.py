"""What the sheet builders of one workbook share: the result, the language, the sheet
names, and where things are (:class:`Layout`), for formulas that refer across sheets.

The sheets are written in dependency order (Inputs, Lines, Year by year, Agreement,
Partners, Summary): each records in the layout where its cells are, and the later ones refer to
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pactcalc.render.xlsx.cells import MONEY_FORMAT, label
from pactcalc.render.xlsx.formulas import column_letters, sheet_ref

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.model import Scenario

#: The formula sheets, in workbook order.
SHEETS = ("summary", "by_year", "partners", "lines", "inputs")
#: The Lines sheet's first year column (H): kind, name, partner, paid_from, from, until
#: and the amount as written come first.
LINE_FIRST_YEAR_COLUMN = 8


@dataclass
class ActualsCells:
    """The Actuals sheet's input cells (DOMAIN.md §8), for the formulas that read them: a
    year's status, and per year the cell of each series, parameter, booked line amount and
    measured KPI. An empty cell keeps the plan (or the computed value)."""

    status: dict[int, str] = field(default_factory=dict)  # year -> cell
    inputs: dict[str, dict[int, str]] = field(default_factory=dict)  # series/parameter
    booked: dict[tuple[str, int], dict[int, str]] = field(default_factory=dict)  # (kind, index)
    measured: dict[str, dict[int, str]] = field(default_factory=dict)  # KPI id -> year -> cell

    def realised(self, year: int) -> str:
        """A condition: the year's status is final or provisional (its optimism bias is
        removed)."""
        cell = self.status[year]
        return f'OR({cell}="final",{cell}="provisional")'


def typed_or(cell: str, otherwise: str) -> str:
    """``cell``'s value where something is typed in it, else ``otherwise``."""
    return f'IF({cell}="",{otherwise},{cell})'


@dataclass
class Layout:
    """Where things are, for formulas that refer across sheets."""

    names: dict[str, str] = field(default_factory=dict)  # parameter -> Excel text
    scalars: dict[str, str] = field(default_factory=dict)  # weeks_per_year, … -> Excel text
    series: dict[str, dict[int, str]] = field(default_factory=dict)  # name -> year -> ref
    line_rows: list[int] = field(default_factory=list)
    by_year_rows: dict[str, int] = field(default_factory=dict)
    summary_rows: dict[str, int] = field(default_factory=dict)
    # the agreement (DOMAIN.md §7): its terms on the Inputs sheet, its rows on its sheet
    terms: dict[tuple[int, str], str] = field(default_factory=dict)  # (rule, term) -> Excel
    term_years: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # per year
    kpi_references: dict[str, str] = field(default_factory=dict)  # KPI id -> Excel text
    kpi_rows: dict[str, int] = field(default_factory=dict)  # KPI id -> Agreement sheet row
    transfer_rows: list[tuple[str, str, int]] = field(default_factory=list)  # payer, receiver
    partner_rows: dict[str, dict[str, int]] = field(default_factory=dict)  # block -> id -> row
    # an actuals workbook (DOMAIN.md §8): the Actuals sheet's cells; None: the plan's workbook
    actuals: ActualsCells | None = None
    payback: dict[str, str] = field(default_factory=dict)  # metric -> formula (actuals only)

    def name_ref(self, name: str, year: int, realised: bool = True) -> str:
        """The Excel text of a name in an expression in ``year``: a series' cell of that
        year, a parameter's defined name (or address), or a scalar input. In an actuals
        workbook (and ``realised``: not for a baseline line) a series or parameter reads
        the Actuals sheet's cell of that year where one is typed, else the plan's."""
        if name in self.series:
            plan = self.series[name][year]
        elif name in self.names:
            plan = self.names[name]
        else:
            return self.scalars[name]  # weeks_per_year
        if realised and self.actuals is not None and name in self.actuals.inputs:
            return typed_or(self.actuals.inputs[name][year], plan)
        return plan


@dataclass
class WorkbookContext:
    """One workbook being written: the openpyxl workbook, the result, the language and
    the layout the sheets fill in."""

    workbook: Any
    result: Result
    lang: str
    layout: Layout = field(default_factory=Layout)

    @property
    def scenario(self) -> Scenario:
        return self.result.scenario

    @property
    def years(self) -> list[int]:
        return list(self.result.years)

    @property
    def horizon(self) -> int:
        """The number of years."""
        return len(self.result.years)

    @property
    def money(self) -> str:
        """The money number format in the reader's language."""
        return MONEY_FORMAT[self.lang]

    def sheet_name(self, key: str) -> str:
        """The name of a sheet of :data:`SHEETS` in the reader's language."""
        return label(f"sheet_{key}", self.lang)

    def lines_range(self, column: int | str, absolute_column: bool = False) -> str:
        """A column of the Lines sheet over all the lines (``'Regels'!H$2:H$9``)."""
        last = max(2, 1 + len(self.result.lines))
        letters = column_letters(column) if isinstance(column, int) else column
        dollar = "$" if absolute_column else ""
        return sheet_ref(self.sheet_name("lines"), f"{dollar}{letters}$2:{dollar}{letters}${last}")

    def sum_lines(self, year_column: int, criteria: Sequence[tuple[str, str]]) -> str:
        """SUMIFS over the Lines sheet; criteria as (column letter, criterion formula)."""
        parts = [self.lines_range(year_column)]
        for letters, criterion in criteria:
            parts += [self.lines_range(letters, absolute_column=True), criterion]
        return f"SUMIFS({','.join(parts)})"

    def by_year_ref(self, key: str, column: int | None = None, absolute: bool = False) -> str:
        """A cell (``column``) or the year range (``None``) of a Year-by-year row."""
        row = self.layout.by_year_rows[key]
        dollar = "$" if absolute else ""
        if column is None:
            last = column_letters(1 + self.horizon)
            cell = f"{dollar}B{dollar}{row}:{dollar}{last}{dollar}{row}"
        else:
            cell = f"{dollar}{column_letters(column)}{dollar}{row}"
        return sheet_ref(self.sheet_name("by_year"), cell)
