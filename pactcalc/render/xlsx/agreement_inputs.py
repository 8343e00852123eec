"""The agreement's terms on the Inputs sheet (Invoer): a block under the series with each
KPI's reference and each rule's terms (DOMAIN.md §7), as input cells with defined names.

Terms are fixed at signing: the values written are pactcalc's terms on the plan (a
lumpsum's L and a benchmark B per year, indexed, and 0 outside the rule's years; a
fraction, a cap, a price as written), not formulas over the parameters. Changing a
parameter changes what is realised (the covered cost C, the savings G, the KPI K), never
a term; changing a term here moves the settlement. A rule's terms are named
``rule<n>_<term>`` (``rule1_band``, ``rule2_share_bw``), a per-year term naming the
range of its years; a KPI's reference ``<kpi>_reference``. A name Excel cannot take (or
one already used) is referred to by its address.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pactcalc.expressions import Expression
from pactcalc.render.xlsx.cells import (
    PERCENT_FORMAT,
    YEAR_FORMAT,
    SheetCells,
    label,
)
from pactcalc.render.xlsx.context import WorkbookContext
from pactcalc.render.xlsx.formulas import column_letters, sheet_ref

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.agreement import RuleResult
    from pactcalc.model.agreement import Rule
    from pactcalc.render.xlsx.inputs import DefinedNames

#: One term of a rule: its key, its value (a number, or one per year), its number format
#: (None: money) and its note's catalogue key and arguments.
Term = tuple[str, float | list[float], str | None, str, dict[str, Any]]


def agreement_inputs(context: WorkbookContext, sheet: Any, row: int, names: DefinedNames) -> int:
    """Write the KPI references and the rules' terms from ``row`` on; record their names
    and cells in the layout; return the first row after the block."""
    lang, years, layout = context.lang, context.years, context.layout
    horizon = len(years)
    cells = SheetCells(sheet, lang)
    unit_column, source_column, note_column = 2 + horizon, 3 + horizon, 4 + horizon
    cells.header(
        row,
        [
            label("agreement_inputs", lang),
            *years,
            label("unit", lang),
            label("source", lang),
            label("note", lang),
        ],
    )
    cells.text(row + 1, 1, label("agreement_inputs_note", lang))
    row += 2
    for kpi_id, kpi in context.scenario.kpis.items():
        cells.text(row, 1, f"{kpi_id}_reference")
        cells.number(row, 2, kpi.reference)
        cells.text(row, unit_column, kpi.unit)
        cells.text(row, source_column, kpi.source)
        cells.text(row, note_column, label("kpi_reference", lang, kpi=kpi.name))
        layout.kpi_references[kpi_id] = names.define(
            f"{kpi_id}_reference", sheet_ref(sheet.title, f"$B${row}")
        )
        row += 1
    for rule, settled in zip(context.scenario.agreement, context.result.agreement, strict=True):
        cells.text(row, 1, rule.name, bold=True)
        cells.text(row, source_column, rule.source)
        cells.text(row, note_column, _rule_summary(rule, lang))
        row += 1
        for key, value, fmt, note, args in _terms(context, rule, settled):
            name = f"rule{settled.index + 1}_{_name_part(key)}"
            cells.text(row, 1, name)
            cells.text(row, note_column, label(note, lang, **args))
            if isinstance(value, list):
                refs = []
                for offset, number in enumerate(value):
                    cells.number(row, 2 + offset, number, fmt or context.money)
                    refs.append(sheet_ref(sheet.title, f"${column_letters(2 + offset)}${row}"))
                layout.term_years[(settled.index, key)] = refs
                last = column_letters(1 + horizon)
                names.define(name, sheet_ref(sheet.title, f"$B${row}:${last}${row}"))
            else:
                cells.number(row, 2, value, fmt or context.money)
                address = sheet_ref(sheet.title, f"$B${row}")
                layout.terms[(settled.index, key)] = names.define(name, address)
            row += 1
    return row


def _name_part(key: str) -> str:
    """A term's key as part of a defined name (``share:bw`` → ``share_bw``)."""
    return re.sub(r"[^A-Za-z0-9_.]", "_", key.replace(":", "_"))


def _rule_summary(rule: Rule, lang: str) -> str:
    """The rule's kind, payer and receivers in one line (``lumpsum: gemeente → wmo``)."""
    receivers = ", ".join(rule.receivers)
    kind = label(f"rule_{rule.rule}", lang)
    period = f" ({label(f'period_{rule.period}', lang)})" if rule.rule == "gain_share" else ""
    return f"{kind}{period}: {rule.payer} → {receivers}"


def _per_year(values: Any) -> list[float]:
    return [float(v) for v in values.reshape(-1)]


def _terms(context: WorkbookContext, rule: Rule, settled: RuleResult) -> list[Term]:
    """The terms of ``rule`` in the order they are written."""
    years = context.years
    start = rule.start if rule.start is not None else years[0]
    until = rule.until if rule.until is not None else years[-1]
    terms: list[Term] = [
        ("from", float(start), YEAR_FORMAT, "term_from", {}),
        ("until", float(until), YEAR_FORMAT, "term_until", {}),
    ]
    if rule.rule in ("contribution", "lumpsum"):
        assert settled.amount_per_year is not None
        terms.append(
            ("amount", _per_year(settled.amount_per_year), None, *_written(rule, "amount"))
        )
    if rule.corridor is not None:
        terms += [
            ("band", rule.corridor.band, PERCENT_FORMAT, "term_band", {}),
            ("share", rule.corridor.share, PERCENT_FORMAT, "term_corridor_share", {}),
        ]
    if rule.rule == "gain_share":
        assert settled.benchmark_per_year is not None
        terms += [
            (
                "benchmark",
                _per_year(settled.benchmark_per_year),
                None,
                *_written(rule, "benchmark"),
            ),
            ("minimum_rate", rule.minimum_rate, PERCENT_FORMAT, "term_minimum_rate", {}),
        ]
        if rule.cap is not None:
            terms.append(("cap", rule.cap, PERCENT_FORMAT, "term_gain_cap", {}))
        for partner, share in (rule.shares or {}).items():
            terms.append(
                (f"share:{partner}", share, PERCENT_FORMAT, "term_share", {"partner": partner})
            )
        if rule.losses is not None:
            for partner, share in rule.losses.shares.items():
                terms.append(
                    (
                        f"loss_share:{partner}",
                        share,
                        PERCENT_FORMAT,
                        "term_loss_share",
                        {"partner": partner},
                    )
                )
            terms.append(
                (
                    "loss_minimum_rate",
                    rule.losses.minimum_rate,
                    PERCENT_FORMAT,
                    "term_loss_minimum_rate",
                    {},
                )
            )
            if rule.losses.cap is not None:
                terms.append(("loss_cap", rule.losses.cap, PERCENT_FORMAT, "term_loss_cap", {}))
    if rule.rule == "outcome_payment":
        assert rule.price is not None
        terms.append(("price", rule.price, None, "term_price", {"kpi": rule.kpi}))
        if rule.cap is not None:
            terms.append(("cap", rule.cap, None, "term_year_cap", {}))
        if rule.total_cap is not None:
            terms.append(("total_cap", rule.total_cap, None, "term_total_cap", {}))
    return terms


def _written(rule: Rule, key: str) -> tuple[str, dict[str, Any]]:
    """The note of a per-year amount: as written (indexed, 0 outside the rule's years),
    or its default (the covered lines' cost, the baseline, on the plan)."""
    given = getattr(rule, key)
    if given is None:
        return f"term_{key}_default_{rule.rule}", {}
    written = given.text if isinstance(given, Expression) else f"{float(given):g}"
    return f"term_{key}", {"written": written}
