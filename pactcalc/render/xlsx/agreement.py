"""The Agreement sheet (Afspraken): the KPIs per year and each rule's transfers per year as
live formulas over the Inputs sheet's terms, the Lines sheet and the Year-by-year sheet,
exactly as DOMAIN.md §7 (and :mod:`pactcalc.agreement`) computes them.

Per rule a block of rows (years in columns C…, the total last):

* every rule: ``running`` = 1 inside ``rule<n>_from`` … ``rule<n>_until``, else 0; a rule
  transfers nothing outside its years;
* ``contribution``: the transfer is the amount;
* ``lumpsum``: L, the covered cost C (the covered effort lines' cells on the Lines
  sheet), with a corridor D = C − L and X = SIGN(D)·MAX(0, ABS(D) − b·L); the transfer
  L − C + s·X;
* ``gain_share``: B, the cost (effort + investment of the Year-by-year sheet), G = B −
  cost, the savings rate G/B and the caps' pro-rata factors, per year (``period: year``)
  or in the total column (``period: horizon``, booked in the rule's last year); per
  receiver its share of G when G > 0 and G/B ≥ the minimum rate, less its share of the
  losses (two-sided) when −G/B reaches the losses' minimum rate;
* ``outcome_payment``: the KPI's value K, the units MAX(0, K − R) (``lower``: R − K), the
  payment MIN(price·units, cap), and with a total cap the transfer MIN(payment,
  total_cap − the transfers of the years before).

Each transfer row goes from its payer to its receiver (column B says which); the
Partners sheet adds them up per partner (:mod:`.partners`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pactcalc.expressions import Expression
from pactcalc.render.xlsx.cells import FACTOR_FORMAT, PERCENT_FORMAT, SheetCells, label
from pactcalc.render.xlsx.context import LINE_FIRST_YEAR_COLUMN, WorkbookContext, typed_or
from pactcalc.render.xlsx.formulas import column_letters, number_literal, sheet_ref, to_excel

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.agreement import RuleResult
    from pactcalc.model.agreement import Rule

#: The first year column (C): the row's label and its payer → receiver (or note) first.
FIRST_YEAR_COLUMN = 3


def agreement_sheet(context: WorkbookContext, sheet: Any) -> None:
    """Fill the Agreement ``sheet`` and record its KPI and transfer rows in the layout."""
    lang, horizon = context.lang, context.horizon
    writer = _RuleWriter(context, SheetCells(sheet, lang))
    writer.cells.header(1, ["", "", *context.years, label("total", lang)])
    row = 2
    if context.scenario.kpis:
        writer.cells.text(row, 1, label("kpis", lang), bold=True)
        row = writer.kpis(row + 1) + 1
    for rule, settled in zip(context.scenario.agreement, context.result.agreement, strict=True):
        row = writer.rule(rule, settled, row) + 1
    sheet.freeze_panes = "C2"
    total = FIRST_YEAR_COLUMN + horizon
    writer.cells.widths({1: 44, 2: 34, **{c: 15 for c in range(FIRST_YEAR_COLUMN, total + 1)}})


class _RuleWriter:
    """Writes the rows of the KPIs and of each rule: a row is a label, a note and a
    formula per year (from a function of the year's column letters)."""

    def __init__(self, context: WorkbookContext, cells: SheetCells) -> None:
        self.context = context
        self.cells = cells
        self.lang = context.lang
        self.horizon = context.horizon
        self.total = FIRST_YEAR_COLUMN + self.horizon
        self.settled: RuleResult | None = None  # the rule being written

    # --- rows -------------------------------------------------------------------------

    def letters(self, year_index: int) -> str:
        return column_letters(FIRST_YEAR_COLUMN + year_index)

    def row(
        self,
        row: int,
        key: str,
        formula: Any,
        fmt: str | None = "money",
        note: str | None = None,
        total: str | None = "sum",
        values: Any = None,
    ) -> int:
        """Write the row ``key``: ``formula(year_index, letters)`` per year; ``total``
        'sum' (a SUM), None (empty) or a formula of its own; ``values`` pactcalc's values
        per year, for a formula beyond Excel's limits."""
        money = self.context.money if fmt == "money" else fmt
        self.cells.text(row, 1, label(key, self.lang))
        if note is not None:
            self.cells.text(row, 2, note)
        for year_index in range(self.horizon):
            value = None if values is None else float(values.reshape(-1)[year_index])
            self.cells.formula(
                row,
                FIRST_YEAR_COLUMN + year_index,
                formula(year_index, self.letters(year_index)),
                money,
                value,
            )
        last = column_letters(self.total - 1)
        if total == "sum":
            self.cells.formula(row, self.total, f"SUM(C{row}:{last}{row})", money)
        elif total is not None:
            self.cells.formula(row, self.total, total, money)
        return row

    def kpis(self, row: int) -> int:
        """A row per KPI: its value per year, translated from its expression (live over
        the parameters); the next free row."""
        layout = self.context.layout
        years = self.context.years
        for kpi_id, kpi in self.context.scenario.kpis.items():
            computed = next(k for k in self.context.result.kpis if k.id == kpi_id)

            self.cells.text(row, 1, kpi.name)
            self.cells.text(row, 2, f"{kpi_id} ({kpi.unit})" if kpi.unit else kpi_id)
            for year_index, year in enumerate(years):
                column = FIRST_YEAR_COLUMN + year_index
                engine = float(computed.values_per_year.reshape(-1)[year_index])

                def ref(name: str, year: int = year) -> str:
                    return layout.name_ref(name, year)

                try:
                    formula = (
                        to_excel(kpi.value.tree, ref)
                        if isinstance(kpi.value, Expression)
                        else number_literal(float(kpi.value))
                    )
                except RecursionError:  # nested too deep to write: far beyond Excel's 64
                    self.cells.engine_value(row, column, engine)
                    continue
                measured = layout.actuals.measured.get(kpi_id) if layout.actuals else None
                if measured is not None:  # a measured value replaces the expression's
                    formula = typed_or(measured[year], formula)
                self.cells.formula(row, column, formula, None, engine)
            self.cells.formula(
                row, self.total, f"SUM(C{row}:{column_letters(self.total - 1)}{row})"
            )
            layout.kpi_rows[kpi_id] = row
            row += 1
        return row

    def rule(self, rule: Rule, settled: RuleResult, row: int) -> int:
        """The block of ``rule``: its title, its rows, its transfers; the next free row."""
        terms, index = self.context.layout.terms, settled.index
        self.settled = settled
        self.cells.text(row, 1, rule.name, bold=True)
        self.cells.text(row, 2, label(f"rule_{rule.rule}", self.lang), bold=True)
        row += 1
        start, until = terms[(index, "from")], terms[(index, "until")]
        running = self.row(
            row,
            "running",
            lambda _, c: f"IF(AND({c}$1>={start},{c}$1<={until}),1,0)",
            fmt=None,
            total=None,
        )
        row += 1
        if rule.rule == "contribution":
            amount = self.context.layout.term_years[(index, "amount")]
            row = self.transfer(
                row,
                rule.payer,
                str(rule.receiver),
                lambda t, c: f"IF({c}{running}=1,{amount[t]},0)",
            )
        elif rule.rule == "lumpsum":
            row = self.lumpsum(rule, settled, row, running)
        elif rule.rule == "gain_share":
            row = self.gain_share(rule, settled, row, running)
        else:
            row = self.outcome_payment(rule, settled, row, running)
        return row

    def transfer(self, row: int, payer: str, receiver: str, formula: Any) -> int:
        """A transfer row from ``payer`` to ``receiver`` (with the engine's values, for a
        formula beyond Excel's limits); the next free row."""
        assert self.settled is not None, "a transfer belongs to the rule being written"
        engine = next(t for t in self.settled.transfers if t.receiver == receiver)
        self.row(row, "transfer", formula, note=f"{payer} → {receiver}", values=engine.per_year)
        self.cells.sheet.cell(row=row, column=1).font = self.cells.bold
        self.context.layout.transfer_rows.append((payer, receiver, row))
        return row + 1

    # --- the rules --------------------------------------------------------------------

    def lumpsum(self, rule: Rule, settled: RuleResult, row: int, running: int) -> int:
        layout, index = self.context.layout, settled.index
        amount = layout.term_years[(index, "amount")]
        lines_sheet = self.context.sheet_name("lines")
        covered = [
            line_row
            for line, line_row in zip(self.context.result.lines, layout.line_rows, strict=True)
            if line.kind == "effort" and line.name in settled.covers
        ]

        def cost(year_index: int, letters: str) -> str:
            lines_column = column_letters(LINE_FIRST_YEAR_COLUMN + year_index)
            cells = [sheet_ref(lines_sheet, f"{lines_column}{r}") for r in covered]
            return f"IF({letters}{running}=1,{'+'.join(cells) or '0'},0)"

        lumpsum = self.row(row, "lumpsum_l", lambda t, c: f"IF({c}{running}=1,{amount[t]},0)")
        cost_row = self.row(
            row + 1,
            "covered_cost",
            cost,
            note=", ".join(settled.covers),
            values=settled.cost_per_year,
        )
        row += 2
        excess, share = None, ""
        if rule.corridor is not None:
            band, share = layout.terms[(index, "band")], layout.terms[(index, "share")]
            difference = self.row(
                row, "corridor_difference", lambda _, c: f"{c}{cost_row}-{c}{lumpsum}"
            )
            excess = self.row(
                row + 1,
                "corridor_excess",
                lambda _, c: (
                    f"SIGN({c}{difference})*MAX(0,ABS({c}{difference})-{band}*{c}{lumpsum})"
                ),
            )
            row += 2

        def transfer(_: int, c: str) -> str:
            settled_corridor = "" if excess is None else f"+{share}*{c}{excess}"
            return f"{c}{lumpsum}-{c}{cost_row}{settled_corridor}"

        return self.transfer(row, rule.payer, str(rule.receiver), transfer)

    def gain_share(self, rule: Rule, settled: RuleResult, row: int, running: int) -> int:
        layout, index, context = self.context.layout, settled.index, self.context
        benchmark_terms = layout.term_years[(index, "benchmark")]
        horizon_period = rule.period == "horizon"
        benchmark = self.row(
            row, "benchmark_b", lambda t, c: f"IF({c}{running}=1,{benchmark_terms[t]},0)"
        )
        cost = self.row(
            row + 1,
            "pact_cost",
            lambda t, c: (
                f"IF({c}{running}=1,{context.by_year_ref('effort', 2 + t)}"
                f"+{context.by_year_ref('investment', 2 + t)},0)"
            ),
        )
        gain = self.row(row + 2, "gain_g", lambda _, c: f"{c}{benchmark}-{c}{cost}")
        row += 3
        total_letters = column_letters(self.total)
        period_note = label(f"period_{rule.period}_note", self.lang)

        def period_row(key: str, formula: Any, fmt: str) -> int:
            """A row of the period: per year, or in the total column over the horizon."""
            nonlocal row
            if horizon_period:
                self.cells.text(row, 1, label(key, self.lang))
                self.cells.text(row, 2, period_note)
                self.cells.formula(row, self.total, formula(total_letters), fmt)
            else:
                self.row(row, key, lambda _, c: formula(c), fmt=fmt, total=None)
            row += 1
            return row - 1

        rate = period_row(
            "savings_rate",
            lambda c: f"IF({c}{benchmark}>0,{c}{gain}/{c}{benchmark},0)",
            PERCENT_FORMAT,
        )
        shares = rule.shares or {}
        gain_factor = None
        if rule.cap is not None and shares:
            total_share = "+".join(layout.terms[(index, f"share:{p}")] for p in shares)
            cap = layout.terms[(index, "cap")]
            gain_factor = period_row(
                "gain_cap_factor",
                lambda c: _cap_factor(f"({total_share})*MAX({c}{gain},0)", f"{cap}*{c}{benchmark}"),
                FACTOR_FORMAT,
            )
        loss_factor = None
        losses = rule.losses.shares if rule.losses is not None else {}
        if rule.losses is not None and rule.losses.cap is not None and losses:
            total_loss = "+".join(layout.terms[(index, f"loss_share:{p}")] for p in losses)
            loss_cap = layout.terms[(index, "loss_cap")]
            loss_factor = period_row(
                "loss_cap_factor",
                lambda c: _cap_factor(
                    f"({total_loss})*MAX(-{c}{gain},0)", f"{loss_cap}*{c}{benchmark}"
                ),
                FACTOR_FORMAT,
            )
        minimum = layout.terms[(index, "minimum_rate")]

        def received(partner: str, c: str) -> str:
            """The partner's share of the gains less its share of the losses, in the
            period of column ``c``."""
            parts = []
            if partner in shares:
                share = layout.terms[(index, f"share:{partner}")]
                factor = f"*{c}{gain_factor}" if gain_factor is not None else ""
                parts.append(
                    f"IF(AND({c}{benchmark}>0,{c}{gain}>0,{c}{rate}>={minimum}),"
                    f"{share}*{c}{gain}{factor},0)"
                )
            if partner in losses:
                share = layout.terms[(index, f"loss_share:{partner}")]
                loss_minimum = layout.terms[(index, "loss_minimum_rate")]
                factor = f"*{c}{loss_factor}" if loss_factor is not None else ""
                parts.append(
                    f"-IF(AND({c}{benchmark}>0,{c}{gain}<0,-{c}{rate}>={loss_minimum}),"
                    f"{share}*MAX(-{c}{gain},0){factor},0)"
                )
            return "".join(parts)

        until = layout.terms[(index, "until")]
        last_year = f"${column_letters(self.total - 1)}$1"
        for partner in rule.receivers:

            def formula(_: int, c: str, partner: str = partner) -> str:
                if horizon_period:
                    booked = f"MIN({until},{last_year})"
                    return f"IF({c}$1={booked},{received(partner, total_letters)},0)"
                return received(partner, c)

            row = self.transfer(row, rule.payer, partner, formula)
        return row

    def outcome_payment(self, rule: Rule, settled: RuleResult, row: int, running: int) -> int:
        layout, index = self.context.layout, settled.index
        kpi_id = str(rule.kpi)
        kpi = self.context.scenario.kpis[kpi_id]
        reference = layout.kpi_references[kpi_id]
        kpi_row = layout.kpi_rows[kpi_id]
        value = self.row(row, "kpi_value", lambda _, c: f"{c}{kpi_row}", fmt=None, total=None)

        def units_formula(_: int, c: str) -> str:
            beyond = (
                f"{c}{value}-{reference}"
                if kpi.direction == "higher"
                else f"{reference}-{c}{value}"
            )
            return f"IF({c}{running}=1,MAX(0,{beyond}),0)"

        units = self.row(row + 1, f"units_{kpi.direction}", units_formula, fmt=None)
        row += 2
        price = layout.terms[(index, "price")]
        cap = layout.terms.get((index, "cap"))
        total_cap = layout.terms.get((index, "total_cap"))

        def payment(_: int, c: str) -> str:
            paid = f"{price}*{c}{units}"
            return f"MIN({paid},{cap})" if cap is not None else paid

        if total_cap is None:
            return self.transfer(row, rule.payer, str(rule.receiver), payment)
        before = self.row(row, "payment_before_total_cap", payment)
        row += 1
        transfer_row = row

        def capped(year_index: int, c: str) -> str:
            if year_index == 0:
                return f"MIN({c}{before},{total_cap})"
            earlier = f"SUM($C{transfer_row}:{self.letters(year_index - 1)}{transfer_row})"
            return f"MIN({c}{before},{total_cap}-{earlier})"

        return self.transfer(row, rule.payer, str(rule.receiver), capped)


def _cap_factor(shared: str, limit: str) -> str:
    """The pro-rata factor that keeps the total ``shared`` within ``limit`` (as
    :func:`pactcalc.agreement._cap_factor`: 1 when it is within)."""
    return f"IF({shared}>{limit},IF({shared}>0,{limit}/({shared}),{limit}),1)"
