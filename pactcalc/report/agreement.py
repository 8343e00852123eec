"""The pact's sections (DOMAIN.md §7): the KPIs, the agreement's rules in sentences with
their transfers, and how the agreement moves each partner's risk.

Written once for every format, like the other builders of :mod:`pactcalc.report`:

* :func:`kpi_section` (id ``kpis``): value, target and reference per year of each KPI,
  its unit, direction and validation method; JSON ``kpis``;
* :func:`agreement_section` (id ``agreement``): each rule as one sentence with its terms
  in the reader's language and number format, the transfers per year, each partner's
  settlement per year (adding up to zero), in the full report the chart of each
  partner's net before and after and, with an analysis, the risk before and after;
  JSON ``agreement``;
* :func:`risk_section` (id ``agreement_risk``): ``pactcalc simulate``'s table of each
  partner's P(net < 0), P5, P50 and P95 before and after the agreement, and each rule's
  mean transfer and P(transfer ≠ 0); JSON ``agreement`` (the transfers' statistics).

Nothing is computed here: every number is the engine's (:mod:`pactcalc.agreement`) or the
simulation's (:mod:`pactcalc.agreement_risk`); this module words and selects. A scenario
without ``kpis`` and ``agreement`` gets no section from here (its output is as before).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from pactcalc.i18n import money, percent, t
from pactcalc.pipeline import Document
from pactcalc.report.blocks import Block, Bullets, Figure, Paragraph, Section, Table
from pactcalc.report.values import (
    columns_foot,
    input_decimals,
    plain_number,
    probability_percent,
    rows_foot,
)

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.agreement import KpiResult, RuleResult
    from pactcalc.agreement_risk import PartnerRisk, TransferRisk
    from pactcalc.engine import Result
    from pactcalc.model.agreement import Rule
    from pactcalc.statistics import Probability, Summary
    from pactcalc.uncertainty import Analysis, Simulation

#: The chart of each partner's net before and after the agreement (render/charts).
NETS_CHART = "agreement_nets"


def sections(
    document: Document, lang: str, full: bool = False, analysis: Analysis | None = None
) -> list[Section | None]:
    """The KPIs and the agreement, in this order (None where the scenario has neither)."""
    return [kpi_section(document, lang), agreement_section(document, lang, full, analysis)]


# ---------------------------------------------------------------------------- words


def _names(result: Result) -> dict[str, str]:
    return {p.id: p.name for p in result.partners}


def share_text(fraction: float, lang: str) -> str:
    """A fraction as a percentage with as few decimals as it needs: 0.05 → "5%",
    0.125 → "12,5%"."""
    return percent(fraction, lang, max(0, min(input_decimals(fraction) - 2, 2)))


def _money(value: float, lang: str) -> str:
    """Euros, with cents only when the amount has them (a price of € 2.500,50)."""
    return money(value, lang, 0 if round(value, 2) == round(value) else 2)


def listed(items: Sequence[str], lang: str) -> str:
    """ "a, b en c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return t("agr.list_and", lang, items=", ".join(items[:-1]), last=items[-1])


def amount_text(values: Any, running: Any, lang: str) -> str:
    """An amount per year over the years a rule runs: "€ 1.300.000 per jaar", or when it
    differs between years (indexation, a series) its lowest and highest."""
    shown = [
        float(v) for v, runs in zip(np.asarray(values), np.asarray(running), strict=True) if runs
    ]
    if not shown:
        return t("agr.per_year", lang, amount=money(0.0, lang))
    low, high = min(shown), max(shown)
    if round(low, 2) == round(high, 2):
        return t("agr.per_year", lang, amount=_money(low, lang))
    return t("agr.per_year_between", lang, low=_money(low, lang), high=_money(high, lang))


def _years_of(rule: Rule, lang: str) -> str:
    if rule.start is not None and rule.until is not None:
        return t("agr.years_from_until", lang, start=rule.start, until=rule.until)
    if rule.start is not None:
        return t("agr.years_from", lang, start=rule.start)
    if rule.until is not None:
        return t("agr.years_until", lang, until=rule.until)
    return ""


def _shares_text(shares: Mapping[str, float], key: str, names: Mapping[str, str], lang: str) -> str:
    items = [
        t(key, lang, name=names.get(p, p), share=share_text(s, lang)) for p, s in shares.items()
    ]
    return listed(items, lang)


def _part_of(share: float, lang: str) -> str:
    """ "de helft van" / "het hele" / "40% van" the difference."""
    if share == 0.5:
        return t("agr.share_half", lang)
    if share == 1:
        return t("agr.share_all", lang)
    return t("agr.share_part", lang, share=share_text(share, lang))


def rule_sentence(settled: RuleResult, result: Result, lang: str) -> str:
    """One rule as one sentence with its terms: who pays whom, how much and on what
    condition, in the reader's language and number format; its years in brackets when
    ``from``/``until`` limit it."""
    rule = result.scenario.agreement[settled.index]
    names = _names(result)
    payer = names.get(rule.payer, rule.payer)
    receiver = names.get(rule.receiver or "", rule.receiver or "")
    if rule.rule == "contribution":
        amount = amount_text(settled.amount_per_year, settled.running, lang)
        sentence = t("agr.contribution", lang, payer=payer, receiver=receiver, amount=amount)
    elif rule.rule == "lumpsum":
        amount = amount_text(settled.amount_per_year, settled.running, lang)
        if rule.amount is None:
            amount = t("agr.lumpsum_planned", lang, amount=amount)
        if rule.corridor is None:
            terms = t("agr.lumpsum_no_corridor", lang, receiver=receiver)
        else:
            terms = t(
                "agr.lumpsum_corridor",
                lang,
                band=share_text(rule.corridor.band, lang),
                share=_part_of(rule.corridor.share, lang),
            )
        sentence = t(
            "agr.lumpsum",
            lang,
            payer=payer,
            receiver=receiver,
            amount=amount,
            covers=listed(list(settled.covers), lang),
            terms=terms,
        )
    elif rule.rule == "gain_share":
        sentence = _gain_share_sentence(rule, settled, result, payer, lang)
    else:
        sentence = _outcome_sentence(rule, result, payer, receiver, lang)
    years = _years_of(rule, lang)
    if years:
        sentence = t("agr.sentence_with_years", lang, sentence=sentence[:-1], years=years) + "."
    return sentence


def _gain_share_sentence(
    rule: Rule, settled: RuleResult, result: Result, payer: str, lang: str
) -> str:
    names = _names(result)
    amount = amount_text(settled.benchmark_per_year, settled.running, lang)
    key = "agr.benchmark_baseline" if rule.benchmark is None else "agr.benchmark_given"
    benchmark = t(key, lang, amount=amount)
    if rule.period == "horizon":
        running = np.flatnonzero(np.asarray(settled.running))
        last = result.years[int(running[-1])] if running.size else result.years[-1]
        period = t("agr.period_horizon", lang, year=last)
    else:
        period = t("agr.period_year", lang)
    terms = ""
    if rule.minimum_rate > 0:
        terms += t("agr.gate", lang, rate=share_text(rule.minimum_rate, lang))
    if rule.cap is not None:
        terms += t("agr.cap_of_benchmark", lang, cap=share_text(rule.cap, lang))
    if rule.losses is not None:
        loss_terms = ""
        if rule.losses.minimum_rate > 0:
            loss_terms += t("agr.loss_gate", lang, rate=share_text(rule.losses.minimum_rate, lang))
        if rule.losses.cap is not None:
            loss_terms += t("agr.cap_of_benchmark", lang, cap=share_text(rule.losses.cap, lang))
        terms += t(
            "agr.losses",
            lang,
            shares=_shares_text(rule.losses.shares, "agr.pays_share", names, lang),
            terms=loss_terms,
        )
    return t(
        "agr.gain_share",
        lang,
        payer=payer,
        benchmark=benchmark,
        period=period,
        shares=_shares_text(rule.shares or {}, "agr.gets", names, lang),
        terms=terms,
    )


def _outcome_sentence(rule: Rule, result: Result, payer: str, receiver: str, lang: str) -> str:
    kpi = next(k for k in result.kpis if k.id == rule.kpi)
    reference = plain_number(kpi.reference, lang)
    if kpi.unit:
        reference = f"{reference} {kpi.unit}"
    terms = ""
    if rule.cap is not None:
        terms += t("agr.cap_per_year", lang, cap=_money(rule.cap, lang))
    if rule.total_cap is not None:
        terms += t("agr.total_cap", lang, cap=_money(rule.total_cap, lang))
    return t(
        "agr.outcome_payment",
        lang,
        payer=payer,
        receiver=receiver,
        price=_money(float(rule.price or 0.0), lang),
        kpi=kpi.name,
        beyond=t("agr.above" if kpi.direction == "higher" else "agr.below", lang),
        reference=reference,
        terms=terms,
    )


def transfer_label(
    rule: str, payer: str, receiver: str, names: Mapping[str, str], lang: str
) -> str:
    """ "Lumpsum Wmo: Gemeente → Wmo-aanbieder"."""
    return t(
        "agr.transfer_label",
        lang,
        rule=rule,
        payer=names.get(payer, payer),
        receiver=names.get(receiver, receiver),
    )


def transfer_key(rule: str, payer: str, receiver: str) -> str:
    """A transfer as a machine format names it: ``transfer[Lumpsum Wmo:gemeente>wmo]``."""
    return f"transfer[{rule}:{payer}>{receiver}]"


# ---------------------------------------------------------------------------- KPIs


def _floats(values: Any) -> list[float]:
    return [float(v) for v in np.asarray(values).reshape(-1)]


def kpi_data(kpi: KpiResult) -> dict[str, Any]:
    """One KPI in the JSON document."""
    return {
        "id": kpi.id,
        "name": kpi.name,
        "unit": kpi.unit,
        "direction": kpi.direction,
        "validation": kpi.validation,
        "reference": float(kpi.reference),
        "values_per_year": _floats(kpi.values_per_year),
        "target_per_year": _floats(kpi.target_per_year),
        "kpi_last": float(kpi.kpi_last),
        "kpi_total": float(kpi.kpi_total),
    }


def kpi_terms(kpi: KpiResult, lang: str) -> str:
    """A KPI's unit, which way is better and how its effect is established."""
    direction = t(
        "agr.higher_is_better" if kpi.direction == "higher" else "agr.lower_is_better", lang
    )
    validation = t(f"agr.validation.{kpi.validation}", lang)
    key = "agr.kpi_terms" if kpi.unit else "agr.kpi_terms_no_unit"
    return t(
        key,
        lang,
        name=kpi.name,
        id=kpi.id,
        unit=kpi.unit,
        direction=direction,
        validation=validation,
    )


def kpi_section(document: Document, lang: str) -> Section | None:
    """Each KPI's value, target and reference per year, its unit and validation method."""
    result = document.result
    assert result is not None
    if not result.kpis:
        return None
    years = list(result.years)
    header = [t("agr.kpi", lang), "", *map(str, years)]
    rows: list[list[str]] = []
    raw: list[list[Any]] = []
    values_rows: list[list[Any]] = []
    for kpi in result.kpis:
        values, targets = _floats(kpi.values_per_year), _floats(kpi.target_per_year)
        reference = float(kpi.reference)
        rows.append([kpi.name, t("agr.kpi_value", lang), *(plain_number(v, lang) for v in values)])
        rows.append(["", t("agr.kpi_target", lang), *(plain_number(v, lang) for v in targets)])
        rows.append(
            ["", t("agr.kpi_reference", lang), *(plain_number(reference, lang) for _ in years)]
        )
        raw += [
            [kpi.id, "value", *values],
            [kpi.id, "target", *targets],
            [kpi.id, "reference", *(reference for _ in years)],
        ]
        values_rows += [
            [f"kpi[{kpi.id}]", *values, float(kpi.kpi_total)],
            [f"kpi_target[{kpi.id}]", *targets, float(sum(targets))],
            [f"kpi_reference[{kpi.id}]", *(reference for _ in years), None],
        ]
    title = t("agr.kpis_title", lang)
    table = Table("kpis", title, header, rows, raw, align=["text", "left"])
    terms = Bullets([kpi_terms(kpi, lang) for kpi in result.kpis])
    values_table = Table(
        "kpi_values",
        title,
        (),
        (),
        values_rows,
        raw_header=["metric", *map(str, years), "total"],
        layout="grid",
    )
    data = {"kpis": [kpi_data(kpi) for kpi in result.kpis]}
    return Section("kpis", title, [table, terms, values_table], data=data)


# ---------------------------------------------------------------------------- the agreement


def agreement_data(result: Result, lang: str) -> list[dict[str, Any]]:
    """The rules in the JSON document: name, kind, the sentence, and each transfer."""
    return [
        {
            "name": settled.name,
            "rule": settled.rule,
            "text": rule_sentence(settled, result, lang),
            "transfers": [
                {
                    "payer": transfer.payer,
                    "receiver": transfer.receiver,
                    "per_year": _floats(transfer.per_year),
                    "total": float(transfer.total),
                }
                for transfer in settled.transfers
            ],
        }
        for settled in result.agreement
    ]


def transfers_table(result: Result, lang: str) -> Table:
    """Each rule's transfers per year and in total (from payer to receiver)."""
    names = _names(result)
    rows, raw = [], []
    for settled in result.agreement:
        for transfer in settled.transfers:
            values = [*_floats(transfer.per_year), float(transfer.total)]
            label = transfer_label(settled.name, transfer.payer, transfer.receiver, names, lang)
            rows.append([label, *(money(v, lang) for v in values)])
            raw.append([transfer_key(settled.name, transfer.payer, transfer.receiver), *values])
    header = [t("agr.rule", lang), *map(str, result.years), t("total", lang)]
    return Table("transfers", t("agr.transfers_title", lang), header, rows, raw, align=["text"])


def settlement_table(result: Result, lang: str) -> Table:
    """Each partner's settlement per year (received − paid), with the total row that
    shows they add up to zero."""
    rows, raw = [], []
    per_year = [np.asarray(p.settlement_per_year, dtype=float) for p in result.partners]
    for partner, values in zip(result.partners, per_year, strict=True):
        shown = [*_floats(values), float(partner.total("settlement_total"))]
        rows.append([partner.name, *(money(v, lang) for v in shown)])
        raw.append([partner.id, *shown])
    sums = _floats(np.sum(per_year, axis=0))  # a total row: the engine's zero, shown
    totals = [*sums, float(sum(float(p.total("settlement_total")) for p in result.partners))]
    rows.append([t("total", lang), *(money(v, lang) for v in totals)])
    raw.append(["total", *totals])
    header = [t("partner", lang), *map(str, result.years), t("total", lang)]
    return Table(
        "settlement_by_year",
        t("agr.settlement_title", lang),
        header,
        rows,
        raw,
        total_row=True,
        note=t("agr.settlement_note", lang),
    )


def _settlement_values(result: Result) -> Table:
    """The transfers, settlements and nets after the agreement per year, for CSV."""
    rows: list[list[Any]] = []
    for settled in result.agreement:
        for transfer in settled.transfers:
            key = transfer_key(settled.name, transfer.payer, transfer.receiver)
            rows.append([key, *_floats(transfer.per_year), float(transfer.total)])
    for partner in result.partners:
        rows.append(
            [
                f"settlement[{partner.id}]",
                *_floats(partner.settlement_per_year),
                float(partner.total("settlement_total")),
            ]
        )
        rows.append(
            [
                f"net_settled[{partner.id}]",
                *_floats(partner.net_settled_per_year),
                float(partner.total("net_settled_total")),
            ]
        )
    return Table(
        "settlement_values",
        "",
        (),
        (),
        rows,
        raw_header=["metric", *map(str, result.years), "total"],
    )


def agreement_section(
    document: Document, lang: str, full: bool = False, analysis: Analysis | None = None
) -> Section | None:
    """The rules in sentences, the transfers per year and each partner's settlement; in
    the full report the chart of the nets before and after and, with ranges, the risk."""
    result = document.result
    assert result is not None
    if not result.agreement:
        return None
    sentences = [f"{s.name}: {rule_sentence(s, result, lang)}" for s in result.agreement]
    blocks: list[Block] = [Paragraph(t("agr.intro", lang)), Bullets(sentences)]
    if full:
        blocks.append(Figure(NETS_CHART, "", t("agr.chart_nets", lang)))
    transfers, settlement = transfers_table(result, lang), settlement_table(result, lang)
    blocks.append(transfers)
    blocks += _rounding_note([row[1:] for row in transfers.raw], lang, total_row=False)
    blocks.append(settlement)
    blocks += _rounding_note([row[1:] for row in settlement.raw], lang, total_row=True)
    if full and analysis is not None and analysis.simulation.settled_nets:
        blocks += risk_blocks(analysis.simulation, lang)
    blocks.append(_settlement_values(result))
    data = {"agreement": agreement_data(result, lang)}
    return Section("agreement", t("agr.title", lang), blocks, data=data)


def _rounding_note(amounts: list[Any], lang: str, total_row: bool) -> list[Block]:
    """Under a table of amounts per year with a total column (and ``total_row``: a
    total row) whose rounded amounts do not add up as shown: that every amount is
    rounded on its own (as :func:`pactcalc.report.footing.rounding_note`)."""
    rows = [[float(v) for v in row] for row in amounts]
    foots = rows_foot(rows) and (not total_row or columns_foot(rows[:-1], rows[-1]))
    return [] if foots else [Paragraph(t("rounding_note", lang), note=True)]


def partner_columns(result: Result, lang: str) -> tuple[list[str], list[list[float]], list[float]]:
    """The who-pays table's two columns after the agreement: their heads, each partner's
    settlement and net after, and the totals (settlements add up to zero; the net after
    to the total net). Empty without an agreement."""
    if not result.agreement:
        return [], [], []
    header = [t("agr.settlement", lang), t("agr.net_after", lang)]
    values = [
        [float(p.total("settlement_total")), float(p.total("net_settled_total"))]
        for p in result.partners
    ]
    totals = [sum(v[0] for v in values), sum(v[1] for v in values)]
    return header, values, totals


def partner_data(result: Result, partner: Any) -> dict[str, Any]:
    """A partner's keys after the agreement in the JSON document (none without one)."""
    if not result.agreement:
        return {}
    return {
        "settlement_per_year": _floats(partner.settlement_per_year),
        "settlement_total": float(partner.total("settlement_total")),
        "net_settled_per_year": _floats(partner.net_settled_per_year),
        "net_settled_total": float(partner.total("net_settled_total")),
    }


# ---------------------------------------------------------------------------- risk


def _probability(probability: Probability, lang: str) -> str:
    p, se = probability_percent(probability.p, lang), probability_percent(probability.se, lang)
    return t("unc.p_se", lang, p=p, se=se)


def _summary_cells(summary: Summary, lang: str) -> list[str]:
    return [
        money(v, lang) if v is not None else "—" for v in (summary.p5, summary.p50, summary.p95)
    ]


def risk_table(sim: Simulation, lang: str) -> Table:
    """Per partner, before and after the agreement: P(net < 0), P5, P50 and P95."""
    names = {p.id: p.name for p in sim.result.partners}
    rows = []
    for pid, risk in sim.settled_nets.items():
        rows.append(
            [
                names.get(pid, pid),
                t("agr.before", lang),
                _probability(risk.p_net_negative, lang),
                *_summary_cells(risk.net_total, lang),
            ]
        )
        rows.append(
            [
                "",
                t("agr.after", lang),
                _probability(risk.p_net_settled_negative, lang),
                *_summary_cells(risk.net_settled_total, lang),
            ]
        )
    header = [t("unc.partner", lang), "", t("unc.p_negative", lang), "P5", "P50", "P95"]
    title = t("agr.risk_partner_title", lang)
    return Table("agreement_risk", title, header, rows, layout="grid")


def transfer_risk_table(sim: Simulation, lang: str) -> Table:
    """Per transfer of each rule: its mean total (± standard error) and P(transfer ≠ 0)."""
    names = {p.id: p.name for p in sim.result.partners}
    rows = []
    for transfer in sim.rule_transfers:
        mean = t(
            "agr.mean_se",
            lang,
            mean=money(transfer.mean, lang),
            se=money(transfer.se, lang),
        )
        label = transfer_label(transfer.rule, transfer.payer, transfer.receiver, names, lang)
        rows.append([label, mean, _probability(transfer.p_nonzero, lang)])
    header = [t("agr.transfer", lang), t("agr.mean_transfer", lang), t("agr.p_nonzero", lang)]
    return Table("transfer_risk", t("agr.transfer_risk_title", lang), header, rows, layout="grid")


def risk_blocks(sim: Simulation, lang: str) -> list[Block]:
    """The before/after table, the transfers' table and what they mean."""
    return [
        risk_table(sim, lang),
        transfer_risk_table(sim, lang),
        Paragraph(t("agr.risk_note", lang), note=True),
    ]


def _summary_data(summary: Summary) -> dict[str, float | None]:
    return {"mean": summary.mean, "p5": summary.p5, "p50": summary.p50, "p95": summary.p95}


def partner_risk_data(risk: PartnerRisk) -> dict[str, Any]:
    """A partner's keys after the agreement in ``simulate``'s JSON (beside its
    ``net_total`` and ``p_net_negative``)."""
    return {
        "net_settled_total": _summary_data(risk.net_settled_total),
        "p_net_settled_negative": risk.p_net_settled_negative.p,
        "p_net_settled_negative_se": risk.p_net_settled_negative.se,
    }


def transfer_risk_data(transfers: Sequence[TransferRisk]) -> list[dict[str, Any]]:
    """The rules in ``simulate``'s JSON: each with its transfers' mean, se and
    P(transfer ≠ 0) (with its standard error)."""
    rules: dict[str, dict[str, Any]] = {}
    for transfer in transfers:
        rule = rules.setdefault(
            transfer.rule, {"name": transfer.rule, "rule": transfer.kind, "transfers": []}
        )
        rule["transfers"].append(
            {
                "payer": transfer.payer,
                "receiver": transfer.receiver,
                "mean": transfer.mean,
                "se": transfer.se,
                "p_nonzero": transfer.p_nonzero.p,
                "p_nonzero_se": transfer.p_nonzero.se,
            }
        )
    return list(rules.values())


def _risk_values(sim: Simulation, lang: str, csv_header: Sequence[str]) -> Table:
    """The risk before and after in ``simulate``'s long CSV format (``csv_header``: the
    simulation's, :data:`pactcalc.report.uncertainty.SIMULATION_CSV_HEADER`)."""
    names = {p.id: p.name for p in sim.result.partners}
    rows: list[list[Any]] = []
    for pid, risk in sim.settled_nets.items():
        key = f"net_settled_total[{pid}]"
        label = f"{t('agr.net_after', lang)} {names.get(pid, pid)}"
        summary = risk.net_settled_total
        for statistic in ("mean", "p5", "p50", "p95"):
            rows.append([key, label, statistic, getattr(summary, statistic), None])
        found = risk.p_net_settled_negative
        rows.append([f"P({key} < 0)", f"P({label} < 0)", "probability", found.p, found.se])
    for transfer in sim.rule_transfers:
        key = transfer_key(transfer.rule, transfer.payer, transfer.receiver)
        label = transfer_label(transfer.rule, transfer.payer, transfer.receiver, names, lang)
        rows.append([key, label, "mean", transfer.mean, transfer.se])
        found = transfer.p_nonzero
        rows.append([key, label, "p_nonzero", found.p, found.se])
    return Table("agreement_risk_values", "", (), (), rows, raw_header=csv_header, layout="grid")


def risk_section(sim: Simulation, lang: str, csv_header: Sequence[str]) -> Section | None:
    """``pactcalc simulate``: how the agreement moves each partner's risk (None without
    an agreement); its CSV rows under the simulation's ``csv_header``."""
    if not sim.settled_nets:
        return None
    blocks = [*risk_blocks(sim, lang), _risk_values(sim, lang, csv_header)]
    data = {"agreement": transfer_risk_data(sim.rule_transfers)}
    return Section("agreement_risk", t("agr.risk_title", lang), blocks, data=data)


__all__ = [
    "NETS_CHART",
    "agreement_data",
    "agreement_section",
    "amount_text",
    "kpi_data",
    "kpi_section",
    "partner_columns",
    "partner_data",
    "partner_risk_data",
    "risk_section",
    "risk_table",
    "rule_sentence",
    "sections",
    "settlement_table",
    "share_text",
    "transfer_risk_data",
    "transfer_risk_table",
    "transfers_table",
]
