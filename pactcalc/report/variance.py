"""The variance of actuals against the plan (DOMAIN.md §8), as tables and data.

Part of the monitoring sections (:mod:`.monitoring`): each line's, each partner's and the
total's plan, current expectation, difference, %, V/N and the bias / volume / price /
booked parts, largest difference first, with the drivers in a sentence and a difference
above ``--threshold`` marked; the total net per year; the CSV's rows (every variance per
year and over the horizon) and the JSON's ``variance``, ``variance_partners`` and
``variance_total``. Every number is :mod:`pactcalc.monitor`'s; this module words and
orders them.

V/N is Dutch planning-and-control's voordelig/nadelig; in English F/U (favourable,
unfavourable), the two explained under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from pactcalc.i18n import money, t
from pactcalc.monitor import PARTS, Monitoring, Variance
from pactcalc.report.agreement import listed
from pactcalc.report.blocks import Align, Block, Figure, Paragraph, Section, Table
from pactcalc.report.values import change_text, one_line

#: The waterfall from the plan's net to the expectation's (render/charts/monitoring.py).
WATERFALL_CHART = "monitoring_waterfall"
#: How many lines the sentence on the drivers names.
DRIVERS = 3
#: The mark of a difference above the threshold.
MARK = "*"
#: The header of the CSV: one row per variance and year (``year`` ``total``: the horizon).
CSV_HEADER = (
    "kind",
    "name",
    "partner",
    "year",
    "status",
    "plan",
    "expectation",
    "difference",
    "favourable",
    *PARTS,
    "above_threshold",
)


# ---------------------------------------------------------------------------- words


def status_word(status: str, lang: str) -> str:
    """definitief / voorlopig / prognose / plan."""
    return t(f"mon.status.{status}", lang)


def verdict_mark(favourable: bool | None, lang: str) -> str:
    """V or N (F or U in English); empty when there is no difference at the cent."""
    if favourable is None:
        return ""
    return t("mon.V" if favourable else "mon.N", lang)


def verdict_word(favourable: bool | None, lang: str) -> str:
    """voordelig / nadelig (favourable / unfavourable)."""
    return t("mon.favourable" if favourable else "mon.unfavourable", lang)


def drivers_sentence(found: Monitoring, lang: str) -> str:
    """The lines with the largest difference, in words (or that none differs)."""
    drivers = [line for line in sorted_lines(found.lines) if line.favourable is not None]
    if not drivers:
        return t("mon.no_difference", lang)
    items = [
        t(
            "mon.driver_item",
            lang,
            name=one_line(line.name),
            difference=money(line.difference, lang),
            verdict=verdict_mark(line.favourable, lang),
        )
        for line in drivers[:DRIVERS]
    ]
    return t("mon.drivers", lang, items=listed(items, lang))


def sorted_lines(lines: Sequence[Variance]) -> list[Variance]:
    """The lines with a difference first, the largest (in euros, either way) on top; then
    those without one, each group in plan order."""
    with_difference = [line for line in lines if line.favourable is not None]
    without = [line for line in lines if line.favourable is None]
    return [*sorted(with_difference, key=lambda line: -abs(line.difference)), *without]


# ---------------------------------------------------------------------------- tables


def _variance_cells(variance: Variance, lang: str, threshold: float | None) -> list[str]:
    mark = f" {MARK}" if variance.above(threshold) else ""
    return [
        money(variance.plan_total, lang),
        money(variance.expectation_total, lang),
        money(variance.difference, lang),
        change_text(variance.share, lang) if variance.favourable is not None else "",
        verdict_mark(variance.favourable, lang) + mark,
        *(money(variance.part(part), lang) for part in PARTS),
    ]


def _variance_raw(variance: Variance, threshold: float | None) -> list[Any]:
    return [
        variance.plan_total,
        variance.expectation_total,
        variance.difference,
        variance.share,
        variance.favourable,
        *(variance.part(part) for part in PARTS),
    ]


def _amount_header(lang: str) -> list[str]:
    return [
        t("mon.plan", lang),
        t("mon.expectation", lang),
        t("mon.difference", lang),
        t("mon.share", lang),
        t("mon.verdict", lang),
        *(t(f"mon.part.{part}", lang) for part in PARTS),
    ]


def _threshold_notes(variances: Sequence[Variance], lang: str, threshold: float | None) -> str:
    if threshold is None:
        return t("mon.verdict_note", lang)
    shown = money(threshold, lang)
    marked = any(variance.above(threshold) for variance in variances)
    key = "mon.marked" if marked else "mon.none_marked"
    return t("mon.verdict_note", lang) + "\n" + t(key, lang, threshold=shown)


def variance_section(
    found: Monitoring, lang: str, threshold: float | None, full: bool, level: int
) -> Section:
    """Each line: plan, expectation, difference, %, V/N and its parts, largest first; the
    lines without a difference named in a note; the drivers in a sentence."""
    partners = {p.id: p.name for p in found.plan.partners}
    changed = [line for line in sorted_lines(found.lines) if line.favourable is not None]
    unchanged = [line for line in found.lines if line.favourable is None]
    rows, raw = [], []
    for line in changed:
        label = t("mon.line_label", lang, name=line.name, kind=t(f"kind_{line.kind}", lang))
        partner = partners.get(line.partner or "", line.partner or "")
        rows.append([label, partner, *_variance_cells(line, lang, threshold)])
        raw.append([line.name, line.partner, *_variance_raw(line, threshold)])
    header = [t("mon.line", lang), t("partner", lang), *_amount_header(lang)]
    title = t("mon.variance_title", lang)
    blocks: list[Block] = [
        Paragraph(t("mon.variance_intro", lang)),
        Paragraph(drivers_sentence(found, lang), emphasis=True),
    ]
    if full:
        blocks.append(Figure(WATERFALL_CHART, "", t("mon.waterfall_caption", lang)))
    if rows:
        align: list[Align] = ["left", "text"]
        align += ["right"] * (len(header) - 2)
        blocks.append(Table("monitoring_variance", title, header, rows, raw, align=align))
    notes = [_threshold_notes(found.lines, lang, threshold)]
    if unchanged:
        names = ", ".join(one_line(line.name) for line in unchanged)
        notes.append(t("mon.unchanged", lang, count=len(unchanged), names=names))
    blocks.append(Paragraph("\n".join(notes), note=True))
    data = {
        "variance": [variance_data(line, found, threshold) for line in found.lines],
        "variance_partners": [variance_data(p, found, threshold) for p in found.partners],
        "variance_total": variance_data(found.total, found, threshold),
    }
    return Section("monitoring_variance", title, blocks, level=level, data=data)


def partners_section(found: Monitoring, lang: str, threshold: float | None, level: int) -> Section:
    """Each partner's net before the agreement, plan against expectation, and the total."""
    rows, raw = [], []
    for partner in [*found.partners, found.total]:
        label = partner.name if partner.kind == "partner" else t("mon.net_total", lang)
        rows.append([label, *_variance_cells(partner, lang, threshold)])
        raw.append([partner.partner or "total", *_variance_raw(partner, threshold)])
    header = [t("partner", lang), *_amount_header(lang)]
    title = t("mon.partners_title", lang)
    table = Table("monitoring_partners", title, header, rows, raw, total_row=True)
    return Section("monitoring_partners", title, [table], level=level)


def years_section(found: Monitoring, lang: str, threshold: float | None, level: int) -> Section:
    """The total net per year (plan, expectation, difference, V/N); and for CSV every
    variance per year and over the horizon."""
    total = found.total
    rows, raw = [], []
    for position, year in enumerate(found.years):
        status = found.status[year]
        plan = float(total.plan_per_year[position])
        expectation = float(total.expectation_per_year[position])
        difference = float(total.difference_per_year[position])
        favourable = total.favourable_in(position)
        rows.append(
            [
                str(year),
                status_word(status, lang),
                money(plan, lang),
                money(expectation, lang),
                money(difference, lang),
                verdict_mark(favourable, lang),
            ]
        )
        raw.append([year, status, plan, expectation, difference, favourable])
    rows.append(
        [
            t("total", lang),
            "",
            money(total.plan_total, lang),
            money(total.expectation_total, lang),
            money(total.difference, lang),
            verdict_mark(total.favourable, lang),
        ]
    )
    raw.append(["total", None, total.plan_total, total.expectation_total, total.difference, None])
    header = [
        t("year", lang),
        t("mon.status", lang),
        t("mon.plan", lang),
        t("mon.expectation", lang),
        t("mon.difference", lang),
        t("mon.verdict", lang),
    ]
    title = t("mon.years_title", lang)
    table = Table(
        "monitoring_years", title, header, rows, raw, align=["left", "text"], total_row=True
    )
    values = Table(
        "monitoring_values",
        title,
        (),
        (),
        _csv_rows(found, threshold),
        raw_header=CSV_HEADER,
    )
    return Section("monitoring_years", title, [table, values], level=level)


def _csv_rows(found: Monitoring, threshold: float | None) -> list[list[Any]]:
    """Every variance per year, then over the horizon (``year`` ``total``)."""
    rows: list[list[Any]] = []
    for variance in [*found.lines, *found.partners, found.total]:
        for entry in _per_year(variance, found):
            rows.append(
                [
                    variance.kind,
                    variance.name,
                    variance.partner,
                    entry["year"],
                    entry["status"],
                    entry["plan"],
                    entry["expectation"],
                    entry["difference"],
                    _bool_text(entry["favourable"]),
                    *(entry["parts"][part] for part in PARTS),
                    None,
                ]
            )
        rows.append(
            [
                variance.kind,
                variance.name,
                variance.partner,
                "total",
                None,
                variance.plan_total,
                variance.expectation_total,
                variance.difference,
                _bool_text(variance.favourable),
                *(variance.part(part) for part in PARTS),
                _bool_text(variance.above(threshold)) if threshold is not None else None,
            ]
        )
    return rows


def _bool_text(value: bool | None) -> str | None:
    return None if value is None else "true" if value else "false"


# ---------------------------------------------------------------------------- data


def _per_year(variance: Variance, found: Monitoring) -> list[dict[str, Any]]:
    return [
        {
            "year": year,
            "status": found.status[year],
            "plan": float(variance.plan_per_year[position]),
            "expectation": float(variance.expectation_per_year[position]),
            "difference": float(variance.difference_per_year[position]),
            "favourable": variance.favourable_in(position),
            "parts": {
                part: float(np.asarray(variance.parts_per_year[part])[position]) for part in PARTS
            },
        }
        for position, year in enumerate(found.years)
    ]


def variance_data(variance: Variance, found: Monitoring, threshold: float | None) -> dict[str, Any]:
    """One variance as the JSON writes it (a line, a partner's net or the total net)."""
    return {
        "kind": variance.kind,
        "name": variance.name,
        "partner": variance.partner,
        "plan_total": variance.plan_total,
        "expectation_total": variance.expectation_total,
        "difference": variance.difference,
        "share": variance.share,
        "favourable": variance.favourable,
        "above_threshold": variance.above(threshold),
        "parts": {part: variance.part(part) for part in PARTS},
        "per_year": _per_year(variance, found),
    }
