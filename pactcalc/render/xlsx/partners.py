"""The Partners sheet: per partner and year SUMIFS of effort, budget held, what it pays
(own costs plus its pro-rata share of the budget-funded costs, as a formula), stops
paying, gains and net; and the totals per partner (who pays, who benefits).

Where SUMIFS cannot be used, a partner's sum adds its own line cells: with thousands of
lines that formula passes Excel's limits, and the cell holds pactcalc's value with a
note instead (:meth:`SheetCells.engine_value`)."""

from __future__ import annotations

import re
from typing import Any

from pactcalc.render.xlsx.cells import SheetCells, label
from pactcalc.render.xlsx.context import LINE_FIRST_YEAR_COLUMN, WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, sheet_ref, text_literal

#: The blocks of the sheet, one row per partner each, in order.
PARTNER_BLOCKS = ("effort", "budget_held", "pays", "stops_paying", "gains", "partner_net")
# A block's label where it is not the block's name.
_BLOCK_LABELS = {"partner_net": "net"}
# The blocks of the totals table at the bottom.
_TOTALS_BLOCKS = ("pays", "stops_paying", "gains", "partner_net")
#: The blocks a scenario with an agreement adds (DOMAIN.md §7): each partner's settlement
#: (the Agreement sheet's transfers it receives less those it pays) and its net after it.
AGREEMENT_BLOCKS = ("settlement", "net_settled")


def partners_sheet(context: WorkbookContext, sheet: Any) -> None:
    """Fill the Partners ``sheet``."""
    lang, horizon, partners = context.lang, context.horizon, context.scenario.partners
    cells = SheetCells(sheet, lang)
    cells.header(
        1,
        [
            label("partner_id", lang),
            label("partner_name", lang),
            *context.years,
            label("total", lang),
        ],
    )
    total = 3 + horizon
    partner_sum = _partner_sum(context)

    settled = bool(context.scenario.agreement)
    added = AGREEMENT_BLOCKS if settled else ()
    blocks, totals_blocks = (*PARTNER_BLOCKS, *added), (*_TOTALS_BLOCKS, *added)
    block_rows: dict[str, dict[str, int]] = {}
    block_total_rows: dict[str, int] = {}
    row = 2
    for block in blocks:
        cells.text(row, 1, label(_BLOCK_LABELS.get(block, block), lang), bold=True)
        if block == "pays":
            cells.text(row, 2, label("pays_note", lang))
        row += 1
        block_rows[block] = {}
        for partner in partners:
            block_rows[block][partner.id] = row
            cells.text(row, 1, partner.id)
            cells.text(row, 2, partner.name)
            row += 1
        block_total_rows[block] = row
        cells.text(row, 1, label("total", lang), bold=True)
        row += 2
    context.layout.partner_rows = block_rows

    for year_index in range(horizon):
        column = 3 + year_index
        letters = column_letters(column)
        for partner, computed in zip(partners, context.result.partners, strict=True):
            pid = partner.id
            rows = {block: block_rows[block][pid] for block in PARTNER_BLOCKS}

            def engine(series: Any, year_index: int = year_index) -> float:
                """pactcalc's value of the year, for a formula beyond Excel's limits."""
                return float(series.reshape(-1)[year_index])

            cells.formula(
                rows["effort"],
                column,
                partner_sum(year_index, rows["effort"], pid, "effort"),
                value=engine(computed.effort_per_year),
            )
            cells.formula(
                rows["budget_held"],
                column,
                partner_sum(year_index, rows["budget_held"], pid, "budget"),
                value=engine(computed.budget_per_year),
            )
            pays_row = rows["pays"]
            own = "+".join(
                partner_sum(year_index, pays_row, pid, kind, "own")
                for kind in ("effort", "investments")
            )
            budget_in_year = context.by_year_ref("budget", 2 + year_index)
            budget_total = context.by_year_ref("budget", 2 + horizon, absolute=True)
            held_in_year = f"{letters}{rows['budget_held']}"
            held_total = f"${column_letters(total)}{rows['budget_held']}"
            share = (
                f"IF({budget_in_year}>0,{held_in_year}/{budget_in_year},"
                f"IF({budget_total}>0,{held_total}/{budget_total},0))"
            )
            funded = context.by_year_ref("budget_funded", 2 + year_index)
            cells.formula(
                pays_row,
                column,
                f"{own}+{share}*{funded}",
                value=engine(computed.pays_per_year),
            )
            cells.formula(
                rows["stops_paying"],
                column,
                partner_sum(year_index, rows["stops_paying"], pid, "baseline"),
                value=engine(computed.baseline_per_year),
            )
            cells.formula(
                rows["gains"],
                column,
                partner_sum(year_index, rows["gains"], pid, "benefits"),
                value=engine(computed.benefits_per_year),
            )
            cells.formula(
                rows["partner_net"],
                column,
                f"{letters}{rows['stops_paying']}+{letters}{rows['gains']}-{letters}{rows['pays']}",
            )
    if settled:
        _settlement_cells(context, cells, block_rows)
    _block_totals(context, cells, blocks, block_rows, block_total_rows)
    _totals_table(context, cells, row, totals_blocks, block_rows, block_total_rows)
    sheet.freeze_panes = "C2"
    cells.widths({1: 18, 2: 34, **{c: 15 for c in range(3, total + 1)}})


def _block_totals(
    context: WorkbookContext,
    cells: SheetCells,
    blocks: tuple[str, ...],
    block_rows: dict[str, dict[str, int]],
    block_total_rows: dict[str, int],
) -> None:
    """Each block's total row (a SUM per year) and each row's total column; the money
    format on every number of a block, the total rows in bold."""
    partners, total, sheet = context.scenario.partners, 3 + context.horizon, cells.sheet
    for block in blocks:
        first_row = min(block_rows[block].values()) if partners else block_total_rows[block]
        last_row = block_total_rows[block] - 1
        for column in range(3, total + 1):
            letters = column_letters(column)
            cells.formula(
                block_total_rows[block], column, f"SUM({letters}{first_row}:{letters}{last_row})"
            )
        for partner_row in [*block_rows[block].values(), block_total_rows[block]]:
            if partner_row != block_total_rows[block]:
                cells.formula(
                    partner_row,
                    total,
                    f"SUM(C{partner_row}:{column_letters(total - 1)}{partner_row})",
                )
            for column in range(3, total + 1):
                sheet.cell(row=partner_row, column=column).number_format = context.money
        for column in range(1, total + 1):
            sheet.cell(row=block_total_rows[block], column=column).font = cells.bold


def _totals_table(
    context: WorkbookContext,
    cells: SheetCells,
    row: int,
    totals_blocks: tuple[str, ...],
    block_rows: dict[str, dict[str, int]],
    block_total_rows: dict[str, int],
) -> None:
    """The totals per partner from ``row`` on (who pays, who benefits): a column per
    block of ``totals_blocks``, each the total column of that block's row."""
    lang, partners, total = context.lang, context.scenario.partners, 3 + context.horizon
    cells.text(row, 1, label("partners_totals", lang), bold=True)
    cells.text(row, 2, label("who_pays", lang))
    row += 1
    cells.header(
        row,
        [
            label("partner_id", lang),
            label("partner_name", lang),
            *(label(block, lang) for block in totals_blocks),
        ],
    )
    entries: list[Any] = [*partners, None]  # None: the total row
    for partner in entries:
        row += 1
        if partner is None:
            cells.text(row, 1, label("total", lang), bold=True)
            sources = {block: block_total_rows[block] for block in totals_blocks}
        else:
            cells.text(row, 1, partner.id)
            cells.text(row, 2, partner.name)
            sources = {block: block_rows[block][partner.id] for block in totals_blocks}
        for offset, block in enumerate(totals_blocks):
            cell = cells.formula(
                row, 3 + offset, f"${column_letters(total)}${sources[block]}", context.money
            )
            if partner is None:
                cell.font = cells.bold


def _settlement_cells(
    context: WorkbookContext, cells: SheetCells, block_rows: dict[str, dict[str, int]]
) -> None:
    """Each partner's settlement per year (:func:`_settlement`) and its net after the
    agreement: net + settlement."""
    partners = zip(context.scenario.partners, context.result.partners, strict=True)
    for partner, computed in partners:
        settlement_row = block_rows["settlement"][partner.id]
        net_row = block_rows["partner_net"][partner.id]
        for year_index in range(context.horizon):
            column = 3 + year_index
            letters = column_letters(column)
            cells.formula(
                settlement_row,
                column,
                _settlement(context, partner.id, year_index),
                value=float(computed.settlement_per_year.reshape(-1)[year_index]),
            )
            cells.formula(
                block_rows["net_settled"][partner.id],
                column,
                f"{letters}{net_row}+{letters}{settlement_row}",
            )


def _settlement(context: WorkbookContext, partner_id: str, year_index: int) -> str:
    """A partner's settlement in a year: the Agreement sheet's transfers it receives less
    those it pays (0 where it has none)."""
    from pactcalc.render.xlsx.agreement import FIRST_YEAR_COLUMN

    sheet = context.sheet_name("agreement")
    letters = column_letters(FIRST_YEAR_COLUMN + year_index)
    terms = []
    for payer, receiver, row in context.layout.transfer_rows:
        cell = sheet_ref(sheet, f"{letters}{row}")
        if receiver == partner_id:
            terms.append(f"+{cell}")
        if payer == partner_id:
            terms.append(f"-{cell}")
    return "".join(terms).lstrip("+") or "0"


class _PartnerSum:
    """The formula of what one partner's lines of a kind add up to in one year."""

    def __init__(self, context: WorkbookContext, use_sumifs: bool) -> None:
        self.context = context
        self.use_sumifs = use_sumifs

    def __call__(
        self,
        year_index: int,
        row: int,
        partner_id: str,
        kind: str,
        paid_from: str | None = None,
    ) -> str:
        """SUMIFS on the partner id in column A of ``row``, or the sum of the partner's
        own line cells where SUMIFS would misread the id."""
        context = self.context
        lines_column = LINE_FIRST_YEAR_COLUMN + year_index
        if self.use_sumifs:
            criteria = [("A", text_literal(kind)), ("C", f"$A{row}")]
            if paid_from:
                criteria.append(("D", text_literal(paid_from)))
            return context.sum_lines(lines_column, criteria)
        lines_sheet = context.sheet_name("lines")
        found = [
            sheet_ref(lines_sheet, f"{column_letters(lines_column)}{line_row}")
            for line, line_row in zip(context.result.lines, context.layout.line_rows, strict=True)
            if line.kind == kind
            and line.partner == partner_id
            and (paid_from is None or line.paid_from == paid_from)
        ]
        return "+".join(found) if found else "0"


def _partner_sum(context: WorkbookContext) -> _PartnerSum:
    """SUMIFS compares text case-insensitively and reads a criterion such as "2021",
    "1-2" or "TRUE" as a number, date or boolean: unless every id is plain (letters,
    '_' and '-', unique regardless of case), sum the partner's own line cells."""
    partners = context.scenario.partners
    lowered = [p.id.lower() for p in partners]
    use_sumifs = len(set(lowered)) == len(lowered) and all(
        re.fullmatch(r"[A-Za-z_-]+", p.id) and p.id.upper() not in ("TRUE", "FALSE")
        for p in partners
    )
    return _PartnerSum(context, use_sumifs)
