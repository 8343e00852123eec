"""What every renderer shows, as labelled rows: formatting and selection only.

Each table is a list of rows of cells; a cell is text (already formatted for the language)
or, for machine formats, the raw number. Numbers come from the engine's Result; nothing
here adds, subtracts or rounds anything but for display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from pactcalc.api import Document
from pactcalc.engine import CheckResult, Result
from pactcalc.i18n import money, number, optional, percent, ratio_text, t, years_text
from pactcalc.model import HEADLINE_METRICS
from pactcalc.render.diagnostics import format_problem

#: Metrics in euros (the rest are ratios or years).
MONEY_METRICS = frozenset(
    {
        "effort_total",
        "investment_total",
        "budget_total",
        "headroom_total",
        "headroom_min",
        "baseline_total",
        "savings_total",
        "benefits_total",
        "npv",
        "pays_total",
        "net_total",
        "costs_total",
    }
)
PAYBACK_METRICS = {"payback_years", "discounted_payback_years"}


@dataclass(frozen=True)
class Table:
    """A titled table: header cells and rows. ``raw`` rows hold the unformatted numbers."""

    title: str
    header: list[str]
    rows: list[list[str]]
    raw: list[list[Any]]


def scalar(value: Any) -> float:
    return float(value)


def metric_text(
    result: Result, name: str, value: float | None, lang: str, payback_decimals: int = 1
) -> str:
    """A metric's value as text in ``lang``: money, years or a ratio."""
    if name in PAYBACK_METRICS:
        return years_text(value, lang, len(result.years), payback_decimals)
    if name in ("roi", "bcr"):
        return ratio_text(value, lang)
    if value is None or math.isnan(value):
        return "—"
    if name in MONEY_METRICS:
        return money(value, lang)
    return number(value, lang, 2)


def plain_number(value: float, lang: str) -> str:
    """A number as written in a check: no decimals for a whole number, else two."""
    return number(value, lang, 0 if float(value) == int(value) else 2)


def rate_source(result: Result, lang: str) -> str:
    return result.discount_rate_source or t("rate_set_in_scenario", lang)


def rate_line(result: Result, lang: str) -> str:
    """ "Discontovoet 2,25%: <source>" — shown under every summary, so that a stale
    default is never silent."""
    return (
        f"{t('discount_rate', lang)} {percent(result.discount_rate, lang)}: "
        f"{rate_source(result, lang)}"
    )


def summary(result: Result, lang: str) -> Table:
    """The answer first: the headline metrics with their values."""
    rows, raw = [], []
    for name in HEADLINE_METRICS:
        value = optional(scalar(result.metric(name)))
        label = t(name, lang)
        if name == "npv":
            label = (
                f"{label} ({t('discount_rate', lang).lower()} "
                f"{percent(result.discount_rate, lang)})"
            )
        rows.append([label, metric_text(result, name, value, lang)])
        raw.append([name, value])
    rows.append([t("discount_rate", lang), percent(result.discount_rate, lang)])
    raw.append(["discount_rate", result.discount_rate])
    return Table(t("summary", lang), ["", ""], rows, raw)


def answers(result: Result, lang: str) -> list[str]:
    """One sentence each: does the budget suffice, when does the investment pay back."""
    sentences = []
    headroom_min = scalar(result.metric("headroom_min"))
    if scalar(result.metric("budget_total")) == 0:
        sentences.append(t("answer_no_budget", lang))
    elif headroom_min >= 0:
        sentences.append(t("answer_budget_ok", lang))
    else:
        year = result.years[int(result.headroom_per_year.argmin())]
        sentences.append(
            t("answer_budget_short", lang, year=year, amount=money(headroom_min, lang))
        )
    if scalar(result.metric("investment_total")) == 0 and scalar(result.payback_years) == 0:
        sentences.append(t("answer_no_investment", lang))
    else:
        payback = optional(scalar(result.payback_years))
        if payback is None:
            sentences.append(
                t(
                    "answer_no_payback",
                    lang,
                    horizon=t("within_horizon", lang, years=len(result.years)),
                )
            )
        else:
            sentences.append(
                t("answer_payback", lang, years=years_text(payback, lang, len(result.years)))
            )
    return sentences


def effort_by_partner(result: Result, lang: str) -> Table:
    header = [t("partner", lang), *map(str, result.years), t("total", lang)]
    rows, raw = [], []
    for partner in result.partners:
        values = [*map(float, partner.effort_per_year), float(partner.total("effort_total"))]
        rows.append([partner.name, *(money(v, lang) for v in values)])
        raw.append([partner.id, *values])
    values = [*map(float, result.effort_per_year), scalar(result.metric("effort_total"))]
    rows.append([t("total", lang), *(money(v, lang) for v in values)])
    raw.append(["total", *values])
    return Table(t("effort_by_partner", lang), header, rows, raw)


YEAR_ROWS = [
    ("budget", "budget_per_year", "budget_total"),
    ("effort", "effort_per_year", "effort_total"),
    ("headroom", "headroom_per_year", "headroom_total"),
    ("baseline", "baseline_per_year", "baseline_total"),
    ("savings", "savings_per_year", "savings_total"),
    ("benefits", "benefits_per_year", "benefits_total"),
    ("investment", "investment_per_year", "investment_total"),
    ("net", "net_per_year", "net_total"),
    ("cumulative", "cumulative_per_year", None),
]


def by_year(result: Result, lang: str) -> Table:
    header = ["", *map(str, result.years), t("total", lang)]
    rows, raw = [], []
    for label, field, total in YEAR_ROWS:
        values = [float(v) for v in getattr(result, field)]
        total_value = scalar(result.metric(total)) if total else None
        rows.append(
            [
                t(label, lang),
                *(money(v, lang) for v in values),
                money(total_value, lang) if total_value is not None else "",
            ]
        )
        raw.append([label, *values, total_value])
    return Table(t("by_year", lang), header, rows, raw)


def who_pays(result: Result, lang: str) -> Table:
    header = [
        t("partner", lang),
        t("pays", lang),
        t("stops_paying", lang),
        t("gains", lang),
        t("partner_net", lang),
    ]
    rows, raw = [], []
    for partner in result.partners:
        values = [
            float(partner.total(m))
            for m in ("pays_total", "baseline_total", "benefits_total", "net_total")
        ]
        rows.append([partner.name, *(money(v, lang) for v in values)])
        raw.append([partner.id, *values])
    values = [
        scalar(result.metric(m))
        for m in ("costs_total", "baseline_total", "benefits_total", "net_total")
    ]
    rows.append([t("total", lang), *(money(v, lang) for v in values)])
    raw.append(["total", *values])
    return Table(t("who_pays", lang), header, rows, raw)


def adjustments(result: Result, lang: str) -> Table | None:
    """Lines with appraisal adjustments: gross, the effect of each adjustment, and what
    the business case counts (DOMAIN.md §6) — so every assumption's effect is visible."""
    adjusted = [line for line in result.lines if line.adjustments]
    if not adjusted:
        return None
    names = [
        n
        for n in ("optimism_bias", "deadweight", "displacement", "attribution", "drop_off")
        if any(n in dict(line.adjustments) for line in adjusted)
    ]
    header = [
        t("line", lang).capitalize(),
        t("gross", lang),
        *(t(n, lang) for n in names),
        t("counted", lang),
    ]
    rows, raw = [], []
    for line in adjusted:
        effects = dict(line.adjustment_totals())
        values = [
            float(line.gross_total),
            *(float(effects.get(n, 0.0)) for n in names),
            float(line.total),
        ]
        rows.append(
            [f"{line.name} ({t('kind_' + line.kind, lang)})", *(money(v, lang) for v in values)]
        )
        raw.append([line.name, *values])
    return Table(t("adjustments_title", lang), header, rows, raw)


def check_detail(result: Result, check: CheckResult, lang: str) -> str:
    """Why a check holds or fails, in words: "payback is 3.80 years"."""
    name = check.check.metric
    label = t(name, lang) if check.check.partner is None else f"{name}[{check.check.partner}]"
    horizon = t("within_horizon", lang, years=len(result.years))
    if check.missing == "payback":
        return t("check_missing_payback", lang, horizon=horizon)
    if check.missing == "ratio":
        return t("check_missing_ratio", lang, label=label)
    if check.missing == "partner":
        return t("check_missing_partner", lang, partner=check.check.partner)
    statistic = check.check.statistic
    if statistic == "probability":
        inner = f"{check.check.metric}" + (
            f"[{check.check.partner}]" if check.check.partner else ""
        )
        text = t(
            "check_probability",
            lang,
            event=f"{inner} {check.check.inner_op} "
            f"{plain_number(check.check.inner_bound or 0.0, lang)}",
            p=percent(check.actual or 0.0, lang, 1),
            se=percent(check.se or 0.0, lang, 1),
            n=number(check.samples or 0, lang),
        )
    else:
        value = metric_text(result, name, check.actual, lang, payback_decimals=2)
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
    assert document.result is not None
    line, col = document.locate(("checks", check.index))
    where = ":".join(str(x) for x in (document.file, line, col) if x is not None)
    verdict = "passed" if check.passed else "failed"
    return (
        f"{where}: check '{check.check.text}' {verdict}: "
        f"{check_detail(document.result, check, lang)}"
    )


def problem_lines(document: Document, lang: str, excerpt: bool = True) -> list[str]:
    source = document.loaded.text if excerpt else None
    return [format_problem(p, lang, source) for p in document.problems]


def sources(result: Result, lang: str) -> tuple[list[str], list[str]]:
    """The sources (parameters, series and lines with a source) and the assumptions."""
    cited, assumed = [], []
    for item in result.inputs:
        label = f"{item.name} ({t(item.kind, lang)})"
        if item.is_assumption:
            assumed.append(f"{label}: {item.source or t('no_source', lang)}")
        else:
            cited.append(f"{label}: {item.source}")
    scenario = result.scenario
    for line in result.lines:
        source = scenario.lines(line.kind)[line.index].source
        if source:
            cited.append(f"{line.name} ({t('line', lang)}): {source}")
    cited.append(rate_line(result, lang))
    return cited, assumed


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
        t("horizon", lang, first=result.years[0], last=result.years[-1], years=len(result.years))
    )
    return lines
