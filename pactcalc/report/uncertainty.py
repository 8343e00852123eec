"""Uncertainty as sections (DOMAIN.md §6): the one-way sensitivity with its switching
values, the simulation's summaries, probabilities and each partner's risk, and the NPV's
histogram — for ``pactcalc sensitivity``, ``pactcalc simulate`` and the reports.

Every number shown is a field of a :class:`~pactcalc.uncertainty.Sensitivity` or a
:class:`~pactcalc.uncertainty.Simulation` (a parameter's value and unit come from the
Scenario). The only arithmetic here is for display: the length of a text bar and the bin
counts of the text histogram. A missing payback is said in words ("buiten de horizon");
the share of samples without payback is said on its own. The sections' ``data`` carry
the raw numbers (None for none).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pactcalc import metrics
from pactcalc.i18n import money, number, t
from pactcalc.report.agreement import partner_risk_data
from pactcalc.report.blocks import Bullets, Figure, Paragraph, Section, Table
from pactcalc.report.values import (
    capitalised,
    change_text,
    input_decimals,
    is_missing,
    metric_text,
    one_line,
    param_value,
    probability_percent,
)

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.model import Scenario
    from pactcalc.statistics import Probability, Summary
    from pactcalc.uncertainty import Analysis, Sensitivity, Simulation, Swing

#: The charts of the report's uncertainty section, by name, in the order shown.
CHART_NAMES = ("tornado", "npv_distribution", "fan_chart", "partner_nets")
BAR_WIDTH = 16
HISTOGRAM_BINS = 12
HISTOGRAM_WIDTH = 32
_EIGHTHS = " ▏▎▍▌▋▊▉"

SENSITIVITY_CSV_HEADER = (
    "metric",
    "threshold",
    "base",
    "parameter",
    "unit",
    "value",
    "low",
    "high",
    "metric_at_low",
    "metric_at_high",
    "swing",
    "switching_value",
    "switching_change",
    "searched_low",
    "searched_high",
)
SIMULATION_CSV_HEADER = ("quantity", "label", "statistic", "value", "standard_error")


def metric_name(metric: str, lang: str) -> str:
    """The metric as a sentence names it: "NCW", "terugverdientijd"; else its own name."""
    key = f"unc.metric.{metric}"
    from pactcalc.catalogue import ENTRIES

    return t(key, lang) if key in ENTRIES else metric


def _label(metric: str, lang: str) -> str:
    """A headline metric's label; any other by its name."""
    return t(metric, lang) if metric in metrics.names(metrics.headline_metrics()) else metric


def raw(value: float | None) -> float | None:
    """A number for JSON/CSV: None for a missing (NaN) or unbounded (∞) value."""
    return None if is_missing(value) else float(value)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- sensitivity


def _parameter(scenario: Scenario, name: str) -> tuple[float, str | None]:
    parameter = scenario.parameters[name]
    return float(parameter.value), parameter.unit


def parameter_label(scenario: Scenario, name: str) -> str:
    """A parameter as a reader knows it: its ``label`` when it has one (an optional
    field of a parameter), else its name; on one line (it goes into a sentence)."""
    label = getattr(scenario.parameters[name], "label", None)
    return one_line(str(label) if label else name)


def _threshold_text(sens: Sensitivity, lang: str) -> str:
    assert sens.threshold is not None
    if metrics.kind_of(sens.metric) == "years":
        decimals = 1 if sens.threshold % 1 else 0
        return t("n_years", lang, n=number(sens.threshold, lang, decimals))
    return metric_text(sens.metric, sens.threshold, lang)


def switching_text(swing: Swing, scenario: Scenario, lang: str) -> str:
    """A table cell: "€ 35.716 (−42% t.o.v. waarde)", "geen tussen 0 en 10" or "—" (no
    threshold: there is no switching value to look for)."""
    _value, unit = _parameter(scenario, swing.parameter)
    if swing.switching_value is None:
        low, high = swing.searched
        if low == high:
            return t("unc.no_range", lang)
        return t(
            "unc.none_between",
            lang,
            low=param_value(low, unit, lang),
            high=param_value(high, unit, lang),
        )
    change = change_text(swing.switching_change, lang)
    text = param_value(swing.switching_value, unit, lang, found=True)
    return f"{text} ({t('unc.from_value', lang, change=change)})" if change else text


def _switching_sentence(
    sens: Sensitivity, swing: Swing, scenario: Scenario, lang: str, threshold: str
) -> str:
    value, unit = _parameter(scenario, swing.parameter)
    label = parameter_label(scenario, swing.parameter)
    if swing.switching_value is None:
        low, high = swing.searched
        if low == high:
            shown = param_value(value, unit, lang, with_unit=True)
            return t("unc.switch_no_range", lang, parameter=label, value=shown)
        return t(
            "unc.switch_none",
            lang,
            parameter=label,
            low=param_value(low, unit, lang),
            high=param_value(high, unit, lang, with_unit=True),
        )
    key = "unc.switch_zero" if sens.threshold == 0 else "unc.switch_threshold"
    sentence = t(
        key,
        lang,
        metric=metric_name(sens.metric, lang),
        threshold=threshold,
        parameter=label,
        direction=t("unc.falls" if swing.switching_value < value else "unc.rises", lang),
        value=param_value(swing.switching_value, unit, lang, found=True, with_unit=True),
        change=change_text(swing.switching_change, lang) or "—",
    )
    return capitalised(sentence)


def switching_sentences(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> list[str]:
    """The switching value of each parameter, by swing, in words:

    "De NCW wordt nul als bw_kosten_per_plek daalt tot € 35.716 (−42%)." or
    "fte_schuldhulp: geen omslagwaarde tussen 0 en 0,9."
    """
    if sens.threshold is None:
        return [t("unc.no_threshold_line", lang, metric=metric_name(sens.metric, lang))]
    threshold = _threshold_text(sens, lang)
    return [_switching_sentence(sens, s, scenario, lang, threshold) for s in sens.swings]


def _bar(swing: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A bar of block characters, in eighths, scaled to the largest swing (drawing)."""
    if math.isinf(swing):
        return "█" * width
    if largest <= 0 or swing <= 0:
        return ""
    eighths = max(1, round(swing / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _swing_text(metric: str, swing: float, lang: str) -> str:
    if math.isinf(swing):  # a payback that leaves the horizon at one end
        return t("unc.beyond", lang)
    return metric_text(metric, swing, lang)


def sensitivity_lines(sens: Sensitivity, lang: str) -> list[str]:
    """What the table shows: the base outcome, and the metric's threshold."""
    name = metric_name(sens.metric, lang)
    base = metric_text(sens.metric, sens.base, lang)
    lines = [t("unc.base_line", lang, Metric=capitalised(name), metric=name, base=base)]
    if sens.threshold is None:
        lines.append(t("unc.no_threshold_line", lang, metric=name))
    else:
        threshold = _threshold_text(sens, lang)
        lines.append(t("unc.threshold_line", lang, metric=name, threshold=threshold))
    return lines


def sensitivity_data(sens: Sensitivity, scenario: Scenario, lang: str) -> dict[str, Any]:
    """The sensitivity as plain data: raw numbers, None for none (JSON null)."""
    parameters = []
    for swing in sens.swings:
        value, unit = _parameter(scenario, swing.parameter)
        parameters.append(
            {
                "parameter": swing.parameter,
                "unit": unit,
                "value": value,
                "low": swing.low,
                "high": swing.high,
                "metric_at_low": raw(swing.at_low),
                "metric_at_high": raw(swing.at_high),
                "swing": raw(swing.swing),
                "switching_value": raw(swing.switching_value),
                "switching_change": raw(swing.switching_change),
                "searched": [swing.searched[0], swing.searched[1]],
            }
        )
    return {
        "metric": sens.metric,
        "metric_label": _label(sens.metric, lang),
        "threshold": raw(sens.threshold),
        "base": raw(sens.base),
        "language": lang,
        "parameters": parameters,
        "switching_sentences": switching_sentences(sens, scenario, lang),
    }


def tornado_table(sens: Sensitivity, scenario: Scenario, lang: str) -> Table:
    """Parameter, low → metric, high → metric, swing, a bar scaled to the largest swing,
    and the switching value; raw: one CSV row per parameter."""
    name = metric_name(sens.metric, lang)
    header = [
        t("unc.parameter", lang),
        t("unc.at_low", lang, metric=name),
        t("unc.at_high", lang, metric=name),
        t("unc.swing", lang),
        "",
        t("unc.switching", lang),
    ]
    largest = max((s.swing for s in sens.swings if not math.isinf(s.swing)), default=0.0)
    rows = []
    for swing in sens.swings:
        _value, unit = _parameter(scenario, swing.parameter)
        low = (
            f"{param_value(swing.low, unit, lang)} → {metric_text(sens.metric, swing.at_low, lang)}"
        )
        high = (
            f"{param_value(swing.high, unit, lang)} → "
            f"{metric_text(sens.metric, swing.at_high, lang)}"
        )
        switching = switching_text(swing, scenario, lang) if sens.threshold is not None else "—"
        rows.append(
            [
                parameter_label(scenario, swing.parameter),
                low,
                high,
                _swing_text(sens.metric, swing.swing, lang),
                _bar(swing.swing, largest),
                switching,
            ]
        )
    data = sensitivity_data(sens, scenario, lang)
    csv_rows = [
        [
            data["metric"],
            data["threshold"],
            data["base"],
            *(p[k] for k in SENSITIVITY_CSV_HEADER[3:-2]),
            p["searched"][0],
            p["searched"][1],
        ]
        for p in data["parameters"]
    ]
    return Table(
        "sensitivity",
        "",
        header,
        rows,
        csv_rows,
        raw_header=SENSITIVITY_CSV_HEADER,
        layout="tornado",
    )


def sensitivity_section(sens: Sensitivity, scenario: Scenario, lang: str) -> Section:
    """``pactcalc sensitivity``: the tornado table, what it shows, the switching values."""
    name = metric_name(sens.metric, lang)
    blocks: list[Any] = [Paragraph("\n".join(sensitivity_lines(sens, lang)), note=True)]
    if sens.swings:
        blocks += [
            tornado_table(sens, scenario, lang),
            Bullets(switching_sentences(sens, scenario, lang)),
        ]
    else:
        blocks.append(Paragraph(t("unc.no_uncertain", lang)))
    return Section(
        "sensitivity",
        t("unc.sensitivity_title", lang, metric=name),
        blocks,
        data=sensitivity_data(sens, scenario, lang),
    )


# ---------------------------------------------------------------------------- simulation


def _partner_names(sim: Simulation) -> dict[str, str]:
    return {p.id: p.name for p in sim.result.partners}


def _horizon(sim: Simulation) -> int:
    return len(sim.result.years)


def event_text(event: str, lang: str, horizon: int, names: Mapping[str, str]) -> str:
    """A probability's event in words: "npv > 0" → "NCW > 0"; an unknown event as is."""
    if event == "npv > 0":
        return t("unc.ev_npv", lang)
    if event == "headroom_min >= 0":
        return t("unc.ev_headroom", lang)
    if event == "payback within the horizon":
        return t("unc.ev_within", lang, years=horizon)
    found = re.fullmatch(r"payback_years <= (\S+)", event)
    if found:
        bound = float(found[1])
        return t("unc.ev_payback", lang, t=number(bound, lang, input_decimals(bound)))
    found = re.fullmatch(r"net_total\[(.+)\] < 0", event)
    if found:
        return t("unc.ev_partner", lang, name=names.get(found[1], found[1]))
    return event


def probability_text(probability: Probability, lang: str) -> str:
    """ "95,5% (± 0,2%)"; never 0% or 100% unless exactly so ("99,98% (± 0,004%)")."""
    p, se = probability_percent(probability.p, lang), probability_percent(probability.se, lang)
    return t("unc.p_se", lang, p=p, se=se)


def _summary_label(key: str, lang: str, names: Mapping[str, str]) -> str:
    found = re.fullmatch(r"net_total\[(.+)\]", key)
    if found:
        return t("unc.net_of", lang, name=names.get(found[1], found[1]))
    return _label(key, lang)


def _partner_event(pid: str) -> str:
    return f"net_total[{pid}] < 0"


def _is_payback(key: str) -> bool:
    return metrics.kind_of(key) == "years"


def outcomes_table(sim: Simulation, lang: str) -> Table:
    """Mean, P5, P50 and P95 of each simulated metric and each partner's net (in the
    analysis's order)."""
    names = _partner_names(sim)
    rows = []
    for key, summary in sim.summaries.items():
        rows.append(
            [
                _summary_label(key, lang, names),
                "—" if summary.mean is None else metric_text(key, summary.mean, lang),
                *(metric_text(key, v, lang) for v in (summary.p5, summary.p50, summary.p95)),
            ]
        )
    header = ["", t("unc.mean", lang), "P5", "P50", "P95"]
    return Table("outcomes", t("unc.outcomes", lang), header, rows, layout="grid")


def missing_lines(sim: Simulation, lang: str) -> list[str]:
    """The share of samples without payback within the horizon, on its own (always said,
    also when it is 0%)."""
    lines = []
    for key in metrics.names(metrics.simulated_metrics()):
        summary: Summary | None = sim.summaries.get(key)
        if summary is None or not _is_payback(key):
            continue
        line = t(
            "unc.missing_line",
            lang,
            years=_horizon(sim),
            share=probability_percent(summary.missing, lang),
            label=t(key, lang).lower(),
        )
        if summary.mean is None:
            line += t("unc.no_mean", lang)
        lines.append(line)
    return lines


def _probability_rows(sim: Simulation, lang: str) -> list[list[str]]:
    names = _partner_names(sim)
    partners = {_partner_event(pid) for pid in sim.partner_nets}
    return [
        [f"P({event_text(p.event, lang, _horizon(sim), names)})", probability_text(p, lang)]
        for p in sim.probabilities
        if p.event not in partners
    ]


def probabilities_table(sim: Simulation, lang: str) -> Table:
    header = [t("unc.event", lang), t("unc.probability", lang)]
    rows = _probability_rows(sim, lang)
    return Table("probabilities", t("unc.probabilities", lang), header, rows, layout="grid")


def risk_table(sim: Simulation, lang: str, title: str) -> Table:
    """Each partner's chance of a loss and the P5 of its net."""
    names = _partner_names(sim)
    found = {p.event: p for p in sim.probabilities}
    rows = []
    for pid in sim.partner_nets:
        risk = found.get(_partner_event(pid))
        summary = sim.summaries.get(f"net_total[{pid}]")
        rows.append(
            [
                names.get(pid, pid),
                probability_text(risk, lang) if risk is not None else "—",
                metric_text("net_total", summary.p5 if summary else None, lang),
            ]
        )
    header = [t("unc.partner", lang), t("unc.p_negative", lang), t("unc.p5_net", lang)]
    return Table("partner_risk", title, header, rows, layout="grid")


def run_line(sim: Simulation, lang: str) -> str:
    n = number(sim.samples, lang)
    return t("unc.run_line", lang, n=n, seed=sim.seed, k=len(sim.parameters))


def histogram_rows(
    sim: Simulation, lang: str, bins: int = HISTOGRAM_BINS, width: int = HISTOGRAM_WIDTH
) -> list[str]:
    """The NPV's distribution as text: one row per bin ("€ a – € b │████▍ count"), the
    bins holding P5, P50 and P95 marked; the bins are :func:`pactcalc.uncertainty.histogram`'s."""
    import numpy as np

    from pactcalc.uncertainty import histogram

    values = np.asarray(sim.npv, dtype=float).reshape(-1)
    summary = sim.summaries["npv"]
    if values.size == 0:
        return []
    if float(values.min()) == float(values.max()):
        shown = money(float(values[0]), lang)
        return [t("unc.all_samples", lang, n=number(values.size, lang), value=shown)]
    binned = histogram(values, bins)
    counts, edges = binned.counts, binned.edges
    lows = [money(float(e), lang) for e in edges[:-1]]
    highs = [money(float(e), lang) for e in edges[1:]]
    left = max(len(a) for a in lows)
    right = max(len(b) for b in highs)
    largest = int(counts.max())
    shown_counts = [number(int(c), lang) for c in counts]
    count_width = max(len(c) for c in shown_counts)
    rows = []
    for i, count in enumerate(counts):
        eighths = round(int(count) / largest * width * 8) if largest else 0
        if count and not eighths:
            eighths = 1  # a bin with samples always shows
        bar = "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")
        last = i == len(counts) - 1
        marks = [
            name
            for name, value in (("P5", summary.p5), ("P50", summary.p50), ("P95", summary.p95))
            if value is not None
            and edges[i] <= value
            and (value < edges[i + 1] or (last and value <= edges[i + 1]))
        ]
        row = (
            f"{lows[i].rjust(left)} – {highs[i].rjust(right)} │{bar.ljust(width)} "
            f"{shown_counts[i].rjust(count_width)}"
        )
        if marks:
            row += "  ← " + ", ".join(marks)
        rows.append(row.rstrip())
    return rows


def percentile_line(sim: Simulation, lang: str) -> str:
    summary = sim.summaries["npv"]
    p5, p50, p95 = (metric_text("npv", v, lang) for v in (summary.p5, summary.p50, summary.p95))
    return t("unc.percentiles", lang, p5=p5, p50=p50, p95=p95)


def _summary_data(summary: Summary, payback: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "mean": raw(summary.mean),
        "p5": raw(summary.p5),
        "p50": raw(summary.p50),
        "p95": raw(summary.p95),
    }
    if payback:
        data["share_without_payback"] = summary.missing
    return data


def simulation_data(sim: Simulation, lang: str) -> dict[str, Any]:
    """The simulation as plain data: raw numbers, None (null) for a percentile among the
    samples without payback."""
    names = _partner_names(sim)
    found = {p.event: p for p in sim.probabilities}
    partners = []
    for pid in sim.partner_nets:
        risk = found.get(_partner_event(pid))
        summary = sim.summaries.get(f"net_total[{pid}]")
        partners.append(
            {
                "id": pid,
                "name": names.get(pid, pid),
                "net_total": _summary_data(summary, False) if summary else None,
                "p_net_negative": risk.p if risk else None,
                "p_net_negative_se": risk.se if risk else None,
                **(partner_risk_data(sim.settled_nets[pid]) if pid in sim.settled_nets else {}),
            }
        )
    return {
        "samples": sim.samples,
        "seed": sim.seed,
        "language": lang,
        "parameters": list(sim.parameters),
        "years": list(sim.result.years),
        "metrics": {key: _summary_data(s, _is_payback(key)) for key, s in sim.summaries.items()},
        "probabilities": [
            {
                "event": p.event,
                "label": event_text(p.event, lang, _horizon(sim), names),
                "p": p.p,
                "se": p.se,
            }
            for p in sim.probabilities
        ],
        "partners": partners,
        "cumulative_bands": {
            f"p{q}": [float(v) for v in band] for q, band in sorted(sim.cumulative_bands.items())
        },
    }


def simulation_values(sim: Simulation, lang: str) -> Table:
    """Every number of the simulation in long format, one a row (for CSV): unrounded,
    None for a missing value."""
    names = _partner_names(sim)
    rows: list[Sequence[Any]] = [
        ["samples", t("unc.samples", lang), "count", sim.samples, None],
        ["seed", "seed", "value", sim.seed, None],
    ]
    for key, summary in sim.summaries.items():
        label = _summary_label(key, lang, names)
        for statistic in ("mean", "p5", "p50", "p95"):
            rows.append([key, label, statistic, raw(getattr(summary, statistic)), None])
        if _is_payback(key):
            rows.append([key, label, "share_without_payback", summary.missing, None])
    for p in sim.probabilities:
        label = f"P({event_text(p.event, lang, _horizon(sim), names)})"
        rows.append([f"P({p.event})", label, "probability", p.p, p.se])
    for q, band in sorted(sim.cumulative_bands.items()):
        for year, value in zip(sim.result.years, band, strict=False):
            rows.append([f"cumulative[{year}]", t("cumulative", lang), f"p{q}", float(value), None])
    return Table(
        "simulation_values", "", (), (), rows, raw_header=SIMULATION_CSV_HEADER, layout="grid"
    )


def simulation_section(sim: Simulation, lang: str) -> Section:
    """``pactcalc simulate``: the summaries, the share without payback, the probabilities
    with their standard errors, each partner's risk, and a text histogram of the NPV."""
    blocks: list[Any] = [
        Paragraph(run_line(sim, lang), note=True),
        outcomes_table(sim, lang),
        Paragraph("\n".join(missing_lines(sim, lang))),
        probabilities_table(sim, lang),
    ]
    if sim.partner_nets:
        blocks.append(risk_table(sim, lang, t("unc.partner_risk", lang)))
    blocks += [
        Paragraph(t("unc.se_note", lang), note=True),
        Figure(
            "npv_histogram",
            t("unc.histogram", lang, n=number(sim.samples, lang)),
            text=histogram_rows(sim, lang),
        ),
        Paragraph(percentile_line(sim, lang)),
        simulation_values(sim, lang),
    ]
    return Section(
        "simulation", t("unc.simulation_title", lang), blocks, data=simulation_data(sim, lang)
    )


# ---------------------------------------------------------------------------- report section


def key_probabilities(sim: Simulation, lang: str) -> list[str]:
    """ "P(NCW > 0) = 95,5% (± 0,2%)" for each probability but the partners' (those are in
    the partners' table), then the share without payback."""
    rows = [f"{label} = {value}" for label, value in _probability_rows(sim, lang)]
    return rows + missing_lines(sim, lang)


def report_sections(analysis: Analysis, result: Result, lang: str) -> list[Section]:
    """The uncertainty chapter of a report: the key probabilities, the simulated outcomes,
    the tornado with the switching values in words, the NPV's distribution, the fan chart
    and each partner's net."""
    sim, sens = analysis.simulation, analysis.sensitivity
    intro = t("unc.intro", lang, n=number(sim.samples, lang), seed=sim.seed)
    outcomes = outcomes_table(sim, lang)
    found = [
        Section("uncertainty", t("unc.uncertainty", lang), [Paragraph(intro)], new_page=True),
        Section(
            "key_probabilities",
            t("unc.key_probabilities", lang),
            [
                Bullets(key_probabilities(sim, lang)),
                Paragraph(t("unc.se_note", lang), note=True),
            ],
            level=3,
        ),
        Section("outcomes", outcomes.title, [outcomes], level=3),
        Section(
            "switching",
            t("unc.switching_title", lang),
            [
                Paragraph("\n".join(sensitivity_lines(sens, lang)), note=True),
                Figure("tornado", "", t("unc.chart_tornado", lang)),
                Bullets(switching_sentences(sens, result.scenario, lang)),
            ],
            level=3,
        ),
        Section(
            "npv_distribution",
            t("unc.distribution_title", lang),
            [
                Figure("npv_distribution", "", t("unc.chart_npv", lang)),
                Paragraph(percentile_line(sim, lang)),
            ],
            level=3,
        ),
        Section(
            "fan_chart",
            t("unc.fan_title", lang),
            [Figure("fan_chart", "", t("unc.chart_fan", lang))],
            level=3,
        ),
    ]
    if sim.partner_nets:
        title = t("unc.partners_title", lang)
        found.append(
            Section(
                "partner_nets",
                title,
                [
                    Figure("partner_nets", "", t("unc.chart_partners", lang)),
                    risk_table(sim, lang, title),
                ],
                level=3,
            )
        )
    return found
