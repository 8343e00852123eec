"""Whether a table's rounded amounts add up as shown, and which lines the budget pays.

A table shows every amount rounded to whole euros on its own, totals included: the
rounded parts then stay the correctly rounded amounts (the same figure as in every other
table, the CSV and the audit trail), but may not add up to the rounded total (500 + 2.000
− 3 − 1 against a total one euro off). Where they do not, :func:`rounding_note` says so
under the table; where they do, nothing is said. The checks compare whole euros as shown
(:mod:`pactcalc.report.values`): no amount is computed here.
"""

from __future__ import annotations

from pactcalc.engine import Result
from pactcalc.i18n import t
from pactcalc.report.agreement import listed
from pactcalc.report.blocks import Paragraph
from pactcalc.report.values import columns_foot, one_line, parts_foot, rows_foot

#: A row of the year-by-year table: its values per year and its total (None: none).
YearRow = tuple[list[float], float | None]


def rounding_note(foots: bool, lang: str) -> list[Paragraph]:
    """Under a table whose rounded amounts do not add up to its rounded totals: that
    every amount is rounded on its own (a controller adding 500 + 2.000 − 3 − 1 finds a
    total one euro off). Nothing when they add up."""
    return [] if foots else [Paragraph(t("rounding_note", lang), note=True)]


def year_rows_foot(rows: dict[str, YearRow]) -> bool:
    """Whether the year-by-year table's rounded amounts reconcile as shown: each row's
    years to its total, and every column's headroom, savings, net and cumulative."""
    totals = [[*values, total] for values, total in rows.values() if total is not None]
    if not rows_foot(totals):
        return False

    def column(key: str) -> list[float]:
        values, total = rows[key]
        return [*values, *([] if total is None else [total])]

    budget, headroom = column("budget"), column("headroom")
    effort_budget, investment_budget = (
        column("effort_from_budget"),
        column("investment_from_budget"),
    )
    baseline, effort, savings = column("baseline"), column("effort"), column("savings")
    benefits, investment, net = column("benefits"), column("investment"), column("net")
    cumulative = column("cumulative")
    return (
        all(
            parts_foot([budget[i], -effort_budget[i], -investment_budget[i]], headroom[i])
            and parts_foot([baseline[i], -effort[i]], savings[i])
            and parts_foot([savings[i], benefits[i], -investment[i]], net[i])
            for i in range(len(budget))
        )
        and parts_foot([net[0]], cumulative[0])
        and all(
            parts_foot([cumulative[i - 1], net[i]], cumulative[i])
            for i in range(1, len(cumulative))
        )
    )


def who_pays_foots(parts: list[list[float]], totals: list[float]) -> bool:
    """Whether the who-pays table's rounded amounts add up as shown: each column to the
    total row, and each row's net = stops paying + gains − pays (after the agreement:
    net after = net + settlement)."""
    rows = [*parts, totals]
    return columns_foot(parts, totals) and all(
        parts_foot([row[1], row[2], -row[0]], row[3])
        and (len(row) < 6 or parts_foot([row[3], row[4]], row[5]))
        for row in rows
    )


def paid_from_lines(result: Result, lang: str) -> list[str]:
    """Which effort and investments the budget pays, and which are a partner's own
    contribution (``paid_from``): effort by partner, investments by line; a partner whose
    effort is partly both is named in both, "(deels)"."""
    names = {p.id: one_line(p.name) for p in result.partners}
    sources: dict[str, dict[str, set[str]]] = {"budget": {}, "own": {}}
    investments: dict[str, list[str]] = {"budget": [], "own": []}
    for line in result.lines:
        if line.paid_from not in sources:
            continue
        if line.kind == "effort":
            sources[line.paid_from].setdefault(line.partner, set()).add(line.name)
        elif line.kind == "investments":
            investments[line.paid_from].append(one_line(line.name))
    sentences = []
    for paid_from in ("budget", "own"):
        partners = [
            names.get(pid, pid) + (f" ({t('partly', lang)})" if pid in sources[other] else "")
            for pid in names
            for other in ["own" if paid_from == "budget" else "budget"]
            if pid in sources[paid_from]
        ]
        parts = []
        if partners:
            parts.append(t("effort_of", lang, partners=listed(partners, lang)))
        if investments[paid_from]:
            key = "investments_named" if len(investments[paid_from]) > 1 else "investment_named"
            parts.append(t(key, lang, lines=listed(investments[paid_from], lang)))
        if parts:
            sentences.append(t(f"paid_from_{paid_from}_lines", lang, lines="; ".join(parts)))
    return sentences


__all__ = [
    "columns_foot",
    "paid_from_lines",
    "rounding_note",
    "rows_foot",
    "who_pays_foots",
    "year_rows_foot",
]
