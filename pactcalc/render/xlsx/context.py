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

    def name_ref(self, name: str, year: int) -> str:
        """The Excel text of a name in an expression in ``year``: a series' cell of that
        year, a parameter's defined name (or address), or a scalar input."""
        if name in self.series:
            return self.series[name][year]
        if name in self.names:
            return self.names[name]
        return self.scalars[name]  # weeks_per_year


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
