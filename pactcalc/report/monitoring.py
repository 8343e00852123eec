"""The monitoring sections (DOMAIN.md §8): actuals against the signed plan, in words.

Built once for every format from an :class:`~pactcalc.pipeline.ActualsDocument` whose
monitoring is computed (:mod:`pactcalc.monitor` holds every number; this module words,
orders and selects):

* ``monitoring`` — the answer (the net against the plan, whether the payback holds, the
  KPIs behind), the status of each year with its source; JSON ``status``, ``threshold``;
* ``monitoring_variance`` — each line's plan, expectation, difference, %, V/N and the
  bias / volume / price / booked parts, largest difference first (lines without a
  difference named in one note), the largest drivers in a sentence, a difference above
  ``--threshold`` marked ``*``; JSON ``variance``, ``variance_partners``,
  ``variance_total``;
* ``monitoring_partners`` — the same per partner (the net before the agreement) and in
  total; ``monitoring_years`` — the total net per year, and for CSV every variance per
  year;
* ``monitoring_kpis`` — each KPI per listed year against its target, "achter"/"behind"
  in words (forecast years: expected, not judged); JSON ``kpis``;
* ``monitoring_reforecast`` — every headline metric of the registry beside the plan's,
  each partner's net before and after the agreement; JSON ``plan`` and ``expectation``,
  each with the keys of ``run``'s JSON (:func:`pactcalc.report.build`'s data);
* ``monitoring_checks`` — the scenario's checks on the expectation, each corridor breach
  in words; JSON ``checks``, ``breaches``; ``monitoring_notes`` — the baseline note and the
  warnings; JSON ``warnings``.

V/N is Dutch planning-and-control's voordelig/nadelig; in English F/U (favourable,
unfavourable), the two explained under the table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pactcalc import __version__, finance, metrics
from pactcalc.i18n import money, optional, t, years_text
from pactcalc.monitor import Monitoring
from pactcalc.pipeline import ActualsDocument, Document
from pactcalc.report.agreement import listed, share_text
from pactcalc.report.blocks import (
    Align,
    Block,
    Bullets,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    Verdicts,
)
from pactcalc.report.business import check_verdicts
from pactcalc.report.values import metric_text, one_line, plain_number
from pactcalc.report.variance import (
    partners_section,
    status_word,
    variance_section,
    verdict_word,
    years_section,
)

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.uncertainty import Analysis

#: The charts of the monitoring sections (drawn by :mod:`pactcalc.render.charts.monitoring`).
CUMULATIVE_CHART = "monitoring_cumulative"
KPI_CHART = "monitoring_kpis"


# ---------------------------------------------------------------------------- builders


def build_monitor(
    document: ActualsDocument, lang: str = "nl", threshold: float | None = None
) -> Report:
    """The report of ``pactcalc monitor``: the monitoring sections alone."""
    found = _monitoring(document)
    return Report(
        title=t("mon.title", lang, name=found.scenario.name),
        lang=lang,
        sections=sections(document, lang, threshold),
        header=actuals_header(document, lang),
        result=found.expectation,
        monitoring=found,
    )


def build_with_plan(
    document: ActualsDocument,
    plan: Document,
    analysis: Analysis | None,
    lang: str = "nl",
    threshold: float | None = None,
) -> Report:
    """The report of ``pactcalc report ACTUALS``: the monitoring first (a reader of a
    monitoring report asks "are we on track?" before anything else), then the plan's
    full report as signed (``plan``: the computed plan document)."""
    from pactcalc.report import build

    report = build(plan, analysis, lang, full=True)
    introduction = Section(
        "plan_chapter",
        t("mon.plan_chapter", lang),
        [Paragraph(t("mon.plan_intro", lang))],
        new_page=True,
    )
    report.sections = [
        *sections(document, lang, threshold, full=True),
        introduction,
        *report.sections,
    ]
    report.header = [*report.header, *actuals_header(document, lang)]
    report.monitoring = _monitoring(document)
    return report


def sections(
    document: ActualsDocument, lang: str, threshold: float | None = None, full: bool = False
) -> list[Section]:
    """The monitoring sections in order (see the module). ``full``: in the report beside
    the plan (with charts, the parts under one chapter); else ``pactcalc monitor``'s."""
    found = _monitoring(document)
    level = 3 if full else 2
    found_sections = [
        overview(document, lang, threshold, full),
        variance_section(found, lang, threshold, full, level),
        partners_section(found, lang, threshold, level),
        years_section(found, lang, threshold, level),
        kpi_section(found, lang, full, level),
        reforecast_section(document, lang, level),
        checks_section(document, lang, level),
        notes_section(document, lang, level),
    ]
    return [section for section in found_sections if section is not None]


def actuals_header(document: ActualsDocument, lang: str) -> list[str]:
    """The actuals' name and file, and the plan's file, under the title."""
    found = _monitoring(document)
    name = found.actuals.name or t("mon.unnamed", lang)
    plan_file = document.plan.file if document.plan is not None else ""
    return [
        t("mon.actuals_line", lang, name=one_line(name), file=document.file),
        t("mon.plan_line", lang, file=plan_file),
    ]


def _monitoring(document: ActualsDocument) -> Monitoring:
    assert document.monitoring is not None, "monitor the document first (monitor_document)"
    return document.monitoring


# ---------------------------------------------------------------------------- words


def _horizon_years(years: Sequence[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def status_sentence(found: Monitoring, lang: str) -> str:
    """ "Realisatie t/m 2022: 2021 definitief, 2022 voorlopig, 2023 prognose; 2024–2025
    volgen het plan." """
    listed_years = [
        t("mon.year_status", lang, year=year, status=status_word(found.status[year], lang))
        for year in found.years
        if found.status[year] != "plan"
    ]
    text = ", ".join(listed_years)
    planned = [year for year in found.years if found.status[year] == "plan"]
    if planned:
        runs = _runs(planned)
        key = "mon.year_plan" if len(planned) == 1 else "mon.years_plan"
        text += "; " + t(key, lang, years=", ".join(map(_horizon_years, runs)))
    name = one_line(found.actuals.name or t("mon.unnamed", lang))
    return t("mon.status_sentence", lang, name=name, years=text)


def _runs(years: list[int]) -> list[list[int]]:
    """Consecutive years grouped: [2024, 2025, 2027] → [[2024, 2025], [2027]]."""
    runs: list[list[int]] = []
    for year in years:
        if runs and runs[-1][-1] == year - 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return runs


def net_sentence(found: Monitoring, lang: str) -> str:
    """The net over the horizon: expected against the plan, the difference, V or N."""
    total = found.total
    expectation = money(total.expectation_total, lang)
    if total.favourable is None:
        return t("mon.net_unchanged", lang, expectation=expectation)
    return t(
        "mon.net_sentence",
        lang,
        expectation=expectation,
        plan=money(total.plan_total, lang),
        difference=money(total.difference, lang),
        verdict=verdict_word(total.favourable, lang),
    )


def payback_sentence(found: Monitoring, lang: str) -> str:
    """Whether the payback still holds: the expectation's payback no later than the
    plan's (as shown, to two decimals), within the horizon."""
    horizon = len(found.years)
    plan = optional(float(found.plan.payback_years))
    expectation = optional(float(found.expectation.payback_years))
    invests = [
        not finance.is_zero(result.metric("investment_total"))
        for result in (found.plan, found.expectation)
    ]
    if not any(invests):
        return t("mon.payback_no_investment", lang)

    def shown(value: float | None) -> str:
        return years_text(value, lang, horizon, 2)

    if plan is None and expectation is None:
        return t("mon.payback_none", lang)
    if expectation is None:
        return t("mon.payback_lost", lang, plan=shown(plan))
    if plan is None:
        return t("mon.payback_found", lang, expectation=shown(expectation))
    key = "mon.payback_holds" if round(expectation, 2) <= round(plan, 2) else "mon.payback_later"
    return t(key, lang, expectation=shown(expectation), plan=shown(plan))


def kpi_sentence(found: Monitoring, lang: str) -> str | None:
    """The KPIs behind their target in a realised year, or that every one is on track;
    None when the actuals list no KPI year."""
    if not any(kpi.years for kpi in found.kpis):
        return None
    behind = found.kpis_behind
    if not behind:
        return t("mon.kpis_on_track", lang)
    items = [
        t(
            "mon.kpi_behind_item",
            lang,
            name=one_line(kpi.name),
            year=year.year,
            status=status_word(year.status, lang),
        )
        for kpi, year in behind
    ]
    return t("mon.kpis_behind_count", lang, items=listed(items, lang))


# ---------------------------------------------------------------------------- sections


def overview(document: ActualsDocument, lang: str, threshold: float | None, full: bool) -> Section:
    """The answer first, then the status and source of each year of the horizon."""
    found = _monitoring(document)
    answer = [status_sentence(found, lang), net_sentence(found, lang)]
    answer.append(payback_sentence(found, lang))
    kpis = kpi_sentence(found, lang)
    if kpis:
        answer.append(kpis)
    blocks: list[Block] = [Paragraph("\n".join(answer), emphasis=True)]
    if full:
        blocks.append(
            Figure(
                CUMULATIVE_CHART,
                t("mon.chart.cumulative_title", lang),
                t("mon.cumulative_caption", lang),
            )
        )
    calendar = found.actuals.calendar()
    rows, raw = [], []
    for year in found.years:
        status = found.status[year]
        entry = calendar.get(year)
        source = "" if entry is None else entry.source or t("mon.no_source", lang)
        rows.append([str(year), status_word(status, lang), source])
        raw.append([year, status, entry.source if entry is not None else None])
    header = [t("year", lang), t("mon.status", lang), t("mon.source", lang)]
    table = Table(
        "monitoring_status",
        t("mon.status_title", lang),
        header,
        rows,
        raw,
        align=["left", "text", "text"],
    )
    blocks.append(table)
    data = {
        "pactcalc_version": __version__,
        "actuals": found.actuals.name,
        "file": document.file,
        "scenario_file": document.plan.file if document.plan is not None else None,
        "language": lang,
        "years": found.years,
        "status": {str(year): found.status[year] for year in found.years},
        "threshold": threshold,
        "baseline_booked": found.baseline_booked,
    }
    title = t("mon.chapter", lang)
    return Section("monitoring", title, blocks, data=data, new_page=full)


def kpi_section(found: Monitoring, lang: str, full: bool, level: int) -> Section | None:
    """Each KPI per listed year: value, target and the judgement in words; a sentence for
    each KPI behind. None when the plan has no KPIs."""
    if not found.kpis:
        return None
    rows, raw = [], []
    for kpi in found.kpis:
        for year in kpi.years:
            if year.behind is None:
                judgement = t("mon.expected", lang)
            else:
                judgement = t("mon.behind" if year.behind else "mon.on_track", lang)
            rows.append(
                [
                    kpi.name,
                    str(year.year),
                    status_word(year.status, lang),
                    plain_number(year.value, lang),
                    plain_number(year.target, lang),
                    judgement,
                ]
            )
            raw.append([kpi.id, year.year, year.status, year.value, year.target, year.behind])
    header = [
        t("mon.kpi", lang),
        t("year", lang),
        t("mon.status", lang),
        t("mon.value", lang),
        t("mon.target", lang),
        t("mon.judgement", lang),
    ]
    title = t("mon.kpis_title", lang)
    blocks: list[Block] = []
    behind = [
        t(
            "mon.kpi_behind",
            lang,
            name=one_line(kpi.name),
            year=year.year,
            status=status_word(year.status, lang),
            value=plain_number(year.value, lang),
            target=plain_number(year.target, lang),
        )
        for kpi, year in found.kpis_behind
    ]
    if behind:
        blocks.append(Bullets(behind, style="warning"))
    if rows:
        if full:
            blocks.append(Figure(KPI_CHART, "", t("mon.kpi_caption", lang)))
        align: list[Align] = ["left", "left", "text", "right", "right", "text"]
        blocks.append(Table("monitoring_kpis", title, header, rows, raw, align=align))
    data = {
        "kpis": [
            {
                "id": kpi.id,
                "name": kpi.name,
                "unit": kpi.unit,
                "direction": kpi.direction,
                "tolerance": kpi.tolerance,
                "years": [
                    {
                        "year": year.year,
                        "status": year.status,
                        "value": year.value,
                        "target": year.target,
                        "measured": year.measured,
                        "behind": year.behind,
                    }
                    for year in kpi.years
                ],
            }
            for kpi in found.kpis
        ]
    }
    return Section("monitoring_kpis", title, blocks, level=level, data=data)


def _computed(document: ActualsDocument, result: Result) -> Document:
    """The plan's document with ``result`` as its result: the plan's, or the expectation's
    (both are the plan's scenario, at the plan's lines)."""
    assert document.plan is not None
    return dataclasses.replace(document.plan, result=result)


def reforecast_section(document: ActualsDocument, lang: str, level: int) -> Section:
    """Every headline metric of the registry, plan beside expectation; each partner's
    net before (and with an agreement after) it; JSON ``plan`` and ``expectation``."""
    from pactcalc.report import build

    found = _monitoring(document)
    horizon = len(found.years)
    rows, raw = [], []
    for metric in metrics.headline_metrics():
        values = [optional(float(r.metric(metric.name))) for r in (found.plan, found.expectation)]
        rows.append(
            [t(metric.name, lang), *(metric_text(metric.name, v, lang, horizon) for v in values)]
        )
        raw.append([metric.name, *values])
    header = [t("mon.metric", lang), t("mon.plan", lang), t("mon.expectation", lang)]
    title = t("mon.reforecast_title", lang)
    figures = Table("monitoring_reforecast", t("mon.reforecast_table", lang), header, rows, raw)
    blocks: list[Block] = [
        Paragraph(payback_sentence(found, lang), emphasis=True),
        figures,
        _partner_nets(found, lang),
    ]
    data = {
        "plan": build(_computed(document, found.plan), None, lang).data(),
        "expectation": build(_computed(document, found.expectation), None, lang).data(),
    }
    return Section("monitoring_reforecast", title, blocks, level=level, data=data)


def _partner_nets(found: Monitoring, lang: str) -> Table:
    """Each partner's net in the plan and expected; with an agreement also after it."""
    settled = bool(found.plan.agreement)
    names = ["net_total", *(["net_settled_total"] if settled else [])]
    rows, raw = [], []
    for index, partner in enumerate(found.plan.partners):
        values = [
            float(result.partners[index].total(name))
            for name in names
            for result in (found.plan, found.expectation)
        ]
        rows.append([partner.name, *(money(v, lang) for v in values)])
        raw.append([partner.id, *values])
    header = [t("partner", lang), t("mon.net_plan", lang), t("mon.net_expectation", lang)]
    if settled:
        header += [t("mon.settled_plan", lang), t("mon.settled_expectation", lang)]
    title = t("mon.partner_nets_title", lang)
    return Table("monitoring_partner_nets", title, header, rows, raw)


def breach_sentence(found: Monitoring, index: int, lang: str) -> str:
    breach = found.breaches[index]
    return t(
        "mon.breach_over" if breach.over else "mon.breach_under",
        lang,
        rule=one_line(breach.rule),
        year=breach.year,
        status=status_word(found.status[breach.year], lang),
        cost=money(breach.cost, lang),
        band=share_text(breach.band, lang),
        lumpsum=money(breach.lumpsum, lang),
    )


def checks_section(document: ActualsDocument, lang: str, level: int) -> Section:
    """The scenario's checks on the expectation, and each corridor a realised year
    breaches, in words."""
    from pactcalc.report.business import checks_data

    found = _monitoring(document)
    expectation = found.expectation
    verdicts = check_verdicts(expectation, lang)
    blocks: list[Block] = (
        [Verdicts(verdicts)] if verdicts else [Paragraph(t("mon.no_checks", lang))]
    )
    breaches = [breach_sentence(found, i, lang) for i in range(len(found.breaches))]
    if breaches:
        blocks.append(Bullets(breaches, style="warning"))
    elif expectation.agreement:
        blocks.append(Paragraph(t("mon.no_breach", lang)))
    data = {
        "checks": checks_data(_computed(document, expectation), lang)["checks"],
        "breaches": [
            {
                "rule": breach.rule,
                "year": breach.year,
                "status": found.status[breach.year],
                "cost": breach.cost,
                "lumpsum": breach.lumpsum,
                "band": breach.band,
                "over": breach.over,
                "message": text,
            }
            for breach, text in zip(found.breaches, breaches, strict=True)
        ],
    }
    title = t("mon.checks_title", lang)
    return Section("monitoring_checks", title, blocks, level=level, data=data)


def notes_section(document: ActualsDocument, lang: str, level: int) -> Section:
    """That the baseline stays the plan's (unless booked), and the warnings of the plan
    and the actuals, each at its ``file:line:col``."""
    found = _monitoring(document)
    warnings = [p for p in document.all_problems if not p.is_error]
    key = "mon.baseline_booked" if found.baseline_booked else "mon.baseline_plan"
    blocks: list[Block] = [Paragraph(t(key, lang))]
    if warnings:
        items = [f"{p.where()}: {p.code} {p.message(lang)}" for p in warnings]
        blocks += [Paragraph(t("mon.warnings", lang)), Bullets(items, style="warning")]
    data = {
        "warnings": [
            {
                "code": p.code,
                "file": p.file,
                "line": p.line,
                "col": p.col,
                "message": p.message(lang),
            }
            for p in warnings
        ]
    }
    return Section("monitoring_notes", t("mon.notes_title", lang), blocks, level=level, data=data)
