"""The business case's sections: the answer, effort by partner, year by year, payback,
adjustments, who pays, the checks, warnings, inputs, sources and assumptions.

Each builder returns one :class:`~pactcalc.report.blocks.Section` (or None when there is
nothing to say) with its sentences already worded (:func:`pactcalc.i18n.t`), its tables
formatted and raw, and its share of the JSON document. ``full``: the report a
municipality is handed (cards, pictures, the inputs and every empty verdict said in
words); without it the quick view of ``pactcalc run``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from pactcalc import __version__, finance, metrics
from pactcalc.engine import Result
from pactcalc.i18n import money, number, optional, percent, t, years_text
from pactcalc.metrics import kind_of
from pactcalc.model import CheckResult
from pactcalc.pipeline import Document
from pactcalc.report import agreement
from pactcalc.report.blocks import (
    Bullets,
    Figure,
    Highlight,
    Highlights,
    Paragraph,
    Section,
    Table,
    Verdict,
    Verdicts,
)
from pactcalc.report.footing import (
    columns_foot,
    paid_from_lines,
    rounding_note,
    rows_foot,
    who_pays_foots,
    year_rows_foot,
)
from pactcalc.report.values import (
    is_missing,
    metric_text,
    one_line,
    plain_number,
    probability_percent,
)

#: The rows of the year-by-year table: catalogue id, per-year series, total metric. The
#: rows reconcile as shown: budget − effort and investment paid from the budget = headroom;
#: cost without PACT − effort = savings; savings + benefits − investment = net.
YEAR_ROWS = (
    ("budget", "budget_per_year", "budget_total"),
    ("effort_from_budget", "effort", None),
    ("investment_from_budget", "investments", None),
    ("headroom", "headroom_per_year", "headroom_total"),
    ("baseline", "baseline_per_year", "baseline_total"),
    ("effort", "effort_per_year", "effort_total"),
    ("savings", "savings_per_year", "savings_total"),
    ("benefits", "benefits_per_year", "benefits_total"),
    ("investment", "investment_per_year", "investment_total"),
    ("net", "net_per_year", "net_total"),
    ("cumulative", "cumulative_per_year", None),
)
#: Appraisal adjustments (DOMAIN.md §6), in the order of the adjustments table.
ADJUSTMENTS = ("optimism_bias", "deadweight", "displacement", "attribution", "drop_off")


def _result(document: Document) -> Result:
    assert document.result is not None
    return document.result


def _horizon(result: Horizon) -> int:
    return len(result.years)


def _total(result: Result, name: str) -> float:
    return float(result.metric(name))


def _no_investment(result: Result) -> bool:
    """The scenario invests nothing (at the cent): there is nothing to pay back."""
    return bool(finance.is_zero(result.metric("investment_total")))


# ---------------------------------------------------------------------------- words


def rate_source(result: Result, lang: str) -> str:
    """The discount rate's source, on one line (it goes into a sentence)."""
    return one_line(result.discount_rate_source or t("rate_set_in_scenario", lang))


def rate_line(result: Result, lang: str) -> str:
    """ "Discontovoet 2,25%: <source>" — shown under every summary, so that a stale
    default is never silent."""
    return (
        f"{t('discount_rate', lang)} {percent(result.discount_rate, lang)}: "
        f"{rate_source(result, lang)}"
    )


def header_lines(result: Result, lang: str) -> list[str]:
    """Municipality, horizon and case, under the title."""
    scenario = result.scenario
    lines = []
    if scenario.municipality is not None:
        text = scenario.municipality.name
        if scenario.municipality.inhabitants is not None:
            text += " — " + t(
                "inhabitants", lang, n=number(scenario.municipality.inhabitants, lang)
            )
        lines.append(text)
    lines.append(
        t("horizon", lang, first=result.years[0], last=result.years[-1], years=_horizon(result))
    )
    return lines


def answers(result: Result, lang: str) -> list[str]:
    """One sentence each: does the budget suffice, when does the investment pay back."""
    sentences = []
    if _total(result, "budget_total") == 0:
        sentences.append(t("answer_no_budget", lang))
    elif bool(result.budget_sufficient):  # at the cent: a budget equal to its lines suffices
        sentences.append(t("answer_budget_ok", lang))
    else:
        year = result.years[int(result.headroom_per_year.argmin())]
        cents = float(result.headroom_min_cents)  # in cents when it would show as € 0
        shortfall = money(cents, lang, 2 if abs(cents) < 0.5 else 0)
        sentences.append(t("answer_budget_short", lang, year=year, amount=shortfall))
    payback = optional(float(result.payback_years))
    if _no_investment(result):
        sentences.append(t("answer_no_investment", lang))
    elif payback is None:
        horizon = t("within_horizon", lang, years=_horizon(result))
        sentences.append(t("answer_no_payback", lang, horizon=horizon))
    else:
        shown = years_text(payback, lang, _horizon(result))
        sentences.append(t("answer_payback", lang, years=shown))
    return sentences


class Horizon(Protocol):
    """What the words about a check need of a result: its years. A Result, or the
    findings ``pactcalc check`` keeps of a file (:class:`pactcalc.gate.FileReport`)."""

    @property
    def years(self) -> Sequence[int]: ...


def check_detail(result: Horizon, check: CheckResult, lang: str) -> str:
    """Why a check holds or fails, in words: "payback is 3.80 years"."""
    name = check.check.metric
    label = t(name, lang) if check.check.partner is None else f"{name}[{check.check.partner}]"
    horizon = t("within_horizon", lang, years=_horizon(result))
    if check.missing == "payback":
        return t("check_missing_payback", lang, horizon=horizon)
    if check.missing == "ratio":
        return t("check_missing_ratio", lang, label=label)
    if check.missing == "partner":
        return t("check_missing_partner", lang, partner=check.check.partner)
    statistic = check.check.statistic
    if statistic == "probability":
        partner = f"[{check.check.partner}]" if check.check.partner else ""
        bound = plain_number(check.check.inner_bound or 0.0, lang)
        text = t(
            "check_probability",
            lang,
            event=f"{check.check.metric}{partner} {check.check.inner_op} {bound}",
            p=probability_percent(check.actual or 0.0, lang),
            se=probability_percent(check.se or 0.0, lang),
            n=number(check.samples or 0, lang),
        )
    else:
        value = metric_text(name, check.actual, lang, _horizon(result), decimals=2)
        shown_label = label.lower() if lang == "en" else label
        if statistic == "percentile":
            shown_label = f"P{check.check.percentile} ({shown_label})"
        elif statistic == "mean":
            shown_label = t("mean_of", lang, label=shown_label)
        text = t("check_message_value", lang, label=shown_label, value=value)
    if check.too_close:
        text += "; " + t("too_close", lang, n=number(check.samples or 0, lang))
    return text


def check_line(document: Document, check: CheckResult, lang: str) -> str:
    """``file:line:col: check 'payback_years <= 3' failed: payback is 3.80 years``."""
    location = document.locate(("checks", check.index))
    return located_check_line(document.file, location, _result(document), check, lang)


def located_check_line(
    file: str,
    location: tuple[int | None, int | None],
    result: Horizon,
    check: CheckResult,
    lang: str,
) -> str:
    """:func:`check_line` from the check's file and location (``line, col``)."""
    line, col = location
    where = ":".join(str(x) for x in (file, line, col) if x is not None)
    verdict = "passed" if check.passed else "failed"
    return f"{where}: check '{check.check.text}' {verdict}: {check_detail(result, check, lang)}"


def _figure(result: Result, name: str, value: float | None, lang: str) -> str:
    """A headline figure's value; without investment a payback that does not exist is
    "geen (geen investering)", like the ratios: there is nothing to pay back."""
    if is_missing(value) and kind_of(name) == "years" and _no_investment(result):
        return t("no_ratio", lang)
    return metric_text(name, value, lang, _horizon(result))


def _says(result: Result, name: str, value: float, lang: str) -> str:
    """One plain sentence per headline figure (its card)."""
    horizon = _horizon(result)
    if name == "headroom_min":
        year = result.years[int(result.headroom_per_year.argmin())]
        key = "says_headroom_ok" if bool(result.budget_sufficient) else "says_headroom_short"
        return t(key, lang, year=year)
    if name == "payback_years":
        if _no_investment(result):
            return t("says_no_investment", lang)
        if math.isnan(value):
            return t("says_no_payback", lang, years=horizon)
        return t("says_payback", lang, years=years_text(value, lang, horizon))
    if name == "npv":
        return t("says_npv", lang, rate=percent(result.discount_rate, lang), years=horizon)
    if name == "effort_total":
        return t("says_effort", lang, n=len(result.partners), years=horizon)
    if name == "investment_total":
        return t("says_investment", lang)
    return t("says_savings", lang)


# ---------------------------------------------------------------------------- data


def _floats(values: Any) -> list[float]:
    return [float(v) for v in values]


def _optional(value: Any) -> float | None:
    return optional(float(value))


def result_data(document: Document, lang: str) -> dict[str, Any]:
    """The documented JSON object of one computed scenario (see the README), but for its
    warnings and checks (:func:`checks_data`)."""
    result = _result(document)
    partners = [
        {
            "id": p.id,
            "name": p.name,
            "effort_per_year": _floats(p.effort_per_year),
            "effort_total": float(p.total("effort_total")),
            "budget_total": float(p.total("budget_total")),
            "pays_per_year": _floats(p.pays_per_year),
            "pays_total": float(p.total("pays_total")),
            "baseline_total": float(p.total("baseline_total")),
            "benefits_total": float(p.total("benefits_total")),
            "net_per_year": _floats(p.net_per_year),
            "net_total": float(p.total("net_total")),
            **agreement.partner_data(result, p),
        }
        for p in result.partners
    ]
    lines = [
        {
            "kind": line.kind,
            "name": line.name,
            "partner": line.partner,
            "paid_from": line.paid_from,
            "eur_per_year": _floats(line.eur_per_year),
            "total": float(line.total),
            "gross_per_year": _floats(
                line.gross_per_year if line.gross_per_year is not None else line.eur_per_year
            ),
            "gross_total": float(line.gross_total),
            "adjustments": {name: _floats(effect) for name, effect in line.adjustments},
        }
        for line in result.lines
    ]
    data: dict[str, Any] = {
        "pactcalc_version": __version__,
        "scenario": result.scenario.name,
        "file": document.file,
        "language": lang,
        "years": result.years,
        "discount_rate": result.discount_rate,
        "discount_rate_source": result.discount_rate_source,
        "partners": partners,
        "lines": lines,
    }
    for name in ("effort", "budget", "headroom", "baseline", "savings", "benefits", "investment"):
        data[f"{name}_per_year"] = _floats(getattr(result, f"{name}_per_year"))
        data[f"{name}_total"] = _total(result, f"{name}_total")
        if name == "headroom":
            data["headroom_min"] = _total(result, "headroom_min")
    data["net_per_year"] = _floats(result.net_per_year)
    data["cumulative_per_year"] = _floats(result.cumulative_per_year)
    data["discount_factor_per_year"] = _floats(result.discount_factor_per_year)
    data["npv"] = float(result.npv)
    data["pv_investment"] = float(result.pv_investment)
    data["pv_returns"] = float(result.pv_returns)
    for name in ("roi", "bcr", "mkba_ratio", "payback_years", "discounted_payback_years"):
        data[name] = _optional(getattr(result, name))
    return data


def checks_data(document: Document, lang: str) -> dict[str, Any]:
    """The warnings and the checks of the JSON document (its last keys, in this order)."""
    result = _result(document)
    checks = []
    for check in result.checks:
        line, col = document.locate(("checks", check.index))
        checks.append(
            {
                "expression": check.check.text,
                "file": document.file,
                "line": line,
                "col": col,
                "passed": check.passed,
                "actual": check.actual,
                "message": check_detail(result, check, lang),
            }
        )
    warnings = [
        {"code": p.code, "file": p.file, "line": p.line, "col": p.col, "message": p.message(lang)}
        for p in document.warnings
    ]
    return {"warnings": warnings, "checks": checks}


# ---------------------------------------------------------------------------- sections


def answer(document: Document, lang: str, full: bool) -> Section:
    """The answer first: the two sentences, the cumulative picture, the key figures, the
    summary table and the discount rate with its source. Carries the JSON's figures."""
    result = _result(document)
    blocks: list[Any] = [
        Paragraph("\n".join(answers(result, lang)), emphasis=True),
        Figure("cumulative", t("cumulative_title", lang), t("chart_cumulative", lang)),
    ]
    if full:
        cards = []
        for metric in metrics.card_metrics():
            value = float(result.metric(metric.name))
            shown = None if math.isnan(value) else value
            cards.append(
                Highlight(
                    t(metric.name, lang),
                    _figure(result, metric.name, shown, lang),
                    _says(result, metric.name, value, lang),
                    link=metric.name,
                )
            )
        blocks.append(Highlights(cards))
    blocks += [summary(result, lang), Paragraph(rate_line(result, lang), note=True)]
    title = t("the_answer", lang) if full else ""
    return Section("answer", title, blocks, data=result_data(document, lang))


def summary(result: Result, lang: str) -> Table:
    """The headline metrics with their values (the registry's headline rows)."""
    rows, raw = [], []
    for metric in metrics.headline_metrics():
        value = optional(float(result.metric(metric.name)))
        label = t(metric.name, lang)
        if metric.name == "npv":
            rate = percent(result.discount_rate, lang)
            label = f"{label} ({t('discount_rate', lang).lower()} {rate})"
        rows.append([label, _figure(result, metric.name, value, lang)])
        raw.append([metric.name, value])
    rows.append([t("discount_rate", lang), percent(result.discount_rate, lang)])
    raw.append(["discount_rate", result.discount_rate])
    return Table("summary", t("summary", lang), ["", ""], rows, raw)


def effort(document: Document, lang: str) -> Section:
    """Each partner's effort per year, against the budget (the picture), and which
    effort and investments the budget pays."""
    result = _result(document)
    header = [t("partner", lang), *map(str, result.years), t("total", lang)]
    rows, raw = [], []
    parts: list[list[float]] = []  # each partner's amounts, to see whether they foot
    for partner in result.partners:
        values = [*_floats(partner.effort_per_year), float(partner.total("effort_total"))]
        rows.append([partner.name, *(money(v, lang) for v in values)])
        raw.append([partner.id, *values])
        parts.append(values)
    values = [*_floats(result.effort_per_year), _total(result, "effort_total")]
    rows.append([t("total", lang), *(money(v, lang) for v in values)])
    raw.append(["total", *values])
    foots = columns_foot(parts, values) and rows_foot([*parts, values])
    title = t("effort_by_partner", lang)
    table = Table("effort_by_partner", title, header, rows, raw, total_row=True)
    figure = Figure("effort_vs_budget", "", t("chart_effort", lang))
    paid_from = paid_from_lines(result, lang)
    blocks: list[Any] = [figure, table, *rounding_note(foots, lang)]
    if paid_from:
        blocks.append(Paragraph("\n".join(paid_from), note=True))
    return Section("effort_by_partner", title, blocks)


#: The engine's sums of the lines the budget pays, by kind (the year table's rows that make
#: budget − effort − investments paid from the budget = headroom visible).
_FROM_BUDGET = {
    "effort": "effort_from_budget_per_year",
    "investments": "investment_from_budget_per_year",
}


def _year_row(result: Result, series: str, total: str | None) -> tuple[list[float], float | None]:
    """A row of the year-by-year table: its values per year and its total (None: none)."""
    if series in _FROM_BUDGET:  # the budget's share of a kind of line
        from_budget = getattr(result, _FROM_BUDGET[series])
        return _floats(from_budget), float(from_budget.sum(axis=-1))
    return _floats(getattr(result, series)), (_total(result, total) if total else None)


def by_year(document: Document, lang: str) -> Section:
    """Budget, what the budget pays (effort and investment), headroom, savings, benefits,
    investment and net, year by year — rows that reconcile; and for machine formats (CSV)
    the same rows with each partner's effort under them."""
    result = _result(document)
    header = ["", *map(str, result.years), t("total", lang)]
    rows, raw = [], []
    found = {}
    for key, series, total in YEAR_ROWS:
        values, total_value = _year_row(result, series, total)
        found[key] = (values, total_value)
        shown_total = money(total_value, lang) if total_value is not None else ""
        rows.append([t(key, lang), *(money(v, lang) for v in values), shown_total])
        raw.append([key, *values, total_value])
    values_rows = list(raw)
    for partner in result.partners:
        values = [*_floats(partner.effort_per_year), float(partner.total("effort_total"))]
        values_rows.append([f"effort[{partner.id}]", *values])
    values_rows.append(
        ["effort_total_all", *_floats(result.effort_per_year), _total(result, "effort_total")]
    )
    title = t("by_year", lang)
    table = Table("by_year", title, header, rows, raw)
    values_table = Table(
        "year_values",
        title,
        (),
        (),
        values_rows,
        raw_header=["metric", *map(str, result.years), "total"],
    )
    blocks: list[Any] = [table, *rounding_note(year_rows_foot(found), lang), values_table]
    return Section("by_year", title, blocks)


def payback(document: Document, lang: str) -> Section:
    """What the PACT costs against what it saves (the picture)."""
    figure = Figure("baseline_vs_pact", "", t("chart_baseline", lang))
    return Section("payback", t("payback_title", lang), [figure])


def adjustments(document: Document, lang: str) -> Section | None:
    """Lines with appraisal adjustments: gross, the effect of each adjustment, and what
    the business case counts (DOMAIN.md §6) — so every assumption's effect is visible."""
    result = _result(document)
    adjusted = [line for line in result.lines if line.adjustments]
    if not adjusted:
        return None
    names = [n for n in ADJUSTMENTS if any(n in dict(line.adjustments) for line in adjusted)]
    header = [
        t("line", lang).capitalize(),
        t("gross", lang),
        *(t(n, lang) for n in names),
        t("counted", lang),
    ]
    rows, raw = [], []
    amounts: list[list[float]] = []
    for line in adjusted:
        effects = dict(line.adjustment_totals())
        values = [
            float(line.gross_total),
            *(float(effects.get(n, 0.0)) for n in names),
            float(line.total),
        ]
        label = f"{line.name} ({t('kind_' + line.kind, lang)})"
        rows.append([label, *(money(v, lang) for v in values)])
        raw.append([line.name, *values])
        amounts.append(values)
    foots = rows_foot(amounts)  # gross + the effects = counted
    title = t("adjustments_title", lang)
    table = Table("adjustments", title, header, rows, raw)
    return Section("adjustments", title, [table, *rounding_note(foots, lang)])


def who_pays(document: Document, lang: str, full: bool) -> Section:
    """What each partner pays, stops paying and gains, and its net; with an agreement
    also its settlement and its net after the agreement (:mod:`.agreement`)."""
    result = _result(document)
    header = [
        t("partner", lang),
        t("pays", lang),
        t("stops_paying", lang),
        t("gains", lang),
        t("partner_net", lang),
    ]
    columns = ("pays_total", "baseline_total", "benefits_total", "net_total")
    settled_header, settled, settled_totals = agreement.partner_columns(result, lang)
    header += settled_header
    rows, raw = [], []
    parts: list[list[float]] = []
    for index, partner in enumerate(result.partners):
        values = [float(partner.total(m)) for m in columns]
        values += settled[index] if settled else []
        rows.append([partner.name, *(money(v, lang) for v in values)])
        raw.append([partner.id, *values])
        parts.append(values)
    values = [_total(result, m) for m in ("costs_total", *columns[1:])] + settled_totals
    rows.append([t("total", lang), *(money(v, lang) for v in values)])
    raw.append(["total", *values])
    title = t("who_pays", lang)
    table = Table("who_pays", title, header, rows, raw, total_row=True)
    intro = [Paragraph(t("who_pays_intro", lang))] if full else []
    return Section(
        "who_pays", title, [*intro, table, *rounding_note(who_pays_foots(parts, values), lang)]
    )


def check_verdicts(result: Result, lang: str) -> list[Verdict]:
    """Each check of ``result`` (the plan, or an expectation) with its verdict and why."""
    return [
        Verdict(
            check.check.text,
            check.passed,
            t("check_holds" if check.passed else "check_fails", lang),
            check_detail(result, check, lang),
        )
        for check in result.checks
    ]


def checks(document: Document, lang: str, full: bool) -> Section:
    """Each check with its verdict and why; the JSON's warnings and checks (the warnings
    come first there, the documented key order, so this section carries both)."""
    result = _result(document)
    verdicts = check_verdicts(result, lang)
    blocks: list[Any] = []
    if verdicts:
        blocks.append(Verdicts(verdicts))
    elif full:
        blocks.append(Paragraph(t("no_checks", lang)))
    return Section("checks", t("checks", lang), blocks, data=checks_data(document, lang))


def warnings(document: Document, lang: str) -> Section | None:
    """The scenario's warnings, each with where it is and its code."""
    if not document.warnings:
        return None
    items = [f"{p.where()}: {p.code} {p.message(lang)}" for p in document.warnings]
    return Section("warnings", t("warnings", lang), [Bullets(items, style="warning")])


def sources(result: Result, lang: str) -> tuple[list[str], list[str]]:
    """The sources (parameters, series and lines with a source) and the assumptions."""
    cited, assumed = [], []
    for item in result.inputs:
        label = f"{one_line(item.name)} ({t(item.kind, lang)})"
        if item.is_assumption:
            assumed.append(f"{label}: {one_line(item.source or t('no_source', lang))}")
        else:
            cited.append(f"{label}: {one_line(item.source or '')}")
    scenario = result.scenario
    for line in result.lines:
        source = scenario.lines(line.kind)[line.index].source
        if source:  # a line's source marked as an assumption is one, like a parameter's
            listed = assumed if _is_assumption(source) else cited
            listed.append(f"{one_line(line.name)} ({t('line', lang)}): {one_line(source)}")
    cited.append(rate_line(result, lang))
    return cited, assumed


def _is_assumption(source: str) -> bool:
    """A source that says it is an assumption ("aanname: …", "assumption: …"), as
    :attr:`pactcalc.engine.InputItem.is_assumption` reads a parameter's."""
    return source.strip().lower().startswith(("assumption", "aanname"))


def inputs(document: Document, lang: str) -> Section:
    """The parameters and series with their values, units, ranges and sources, and each
    line with its amount (the formula), its total and its source."""
    result = _result(document)
    scenario = result.scenario
    rows: list[list[str]] = []
    for name, p in scenario.parameters.items():
        shown_range = (
            f"{plain_number(p.low, lang)} – {plain_number(p.high, lang)}"
            if p.low is not None and p.high is not None
            else ""
        )
        source = p.source or t("no_source", lang)
        rows.append([name, plain_number(p.value, lang), p.unit or "", shown_range, source])
    for name, s in scenario.series.items():
        values = s.values if isinstance(s.values, list) else [s.values]
        shown = ", ".join(plain_number(v, lang) for v in values)
        rows.append([name, shown, s.unit or "", "", s.source or t("no_source", lang)])
    header = [t(k, lang) for k in ("name", "value", "unit", "range", "source")]
    parameters = Table(
        "parameters",
        "",
        header,
        rows,
        align=["left", "text", "text", "right", "text"],  # a series may be long: it wraps
        code=[0],
    )
    line_rows = []
    for line in result.lines:
        spec = scenario.lines(line.kind)[line.index]
        total = money(float(line.total), lang)
        line_rows.append(
            [
                t(f"kind_{line.kind}", lang),
                line.name,
                str(line.partner),
                _amount_text(spec.amount, lang),
                total,
                spec.source or "",
            ]
        )
    line_header = [t(k, lang) for k in ("kind", "line", "partner", "amount", "total", "source")]
    lines = Table(
        "lines",
        "",
        line_header,
        line_rows,
        align=["left", "text", "text", "text", "right", "text"],
        code=[3],
        linked=1,
    )
    return Section("inputs", t("inputs", lang), [parameters, lines], new_page=True)


def _amount_text(amount: object, lang: str) -> str:
    """A line's amount as written: an expression as is, a number as the reader writes it
    (75.000, not 75000.0)."""
    if isinstance(amount, int | float) and not isinstance(amount, bool):
        return plain_number(float(amount), lang)
    return str(amount)


def sources_sections(document: Document, lang: str, full: bool) -> list[Section]:
    """The sources, then the assumptions (in the full report under the inputs, and an
    empty list of assumptions said in words)."""
    cited, assumed = sources(_result(document), lang)
    level = 3 if full else 2
    found = [Section("sources", t("sources", lang), [Bullets(cited)], level=level)]
    if assumed:
        found.append(
            Section("assumptions", t("assumptions", lang), [Bullets(assumed)], level=level)
        )
    elif full:
        found.append(
            Section(
                "assumptions",
                t("assumptions", lang),
                [Paragraph(t("no_assumptions", lang))],
                level=level,
            )
        )
    return found
