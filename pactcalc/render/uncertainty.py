"""Uncertainty in words, tables and pictures: ``pactcalc sensitivity``, ``pactcalc simulate``
and the uncertainty section of the reports (DOMAIN.md §6).

Formatting only: every number shown is a field of a :class:`~pactcalc.uncertainty.Sensitivity`
or a :class:`~pactcalc.uncertainty.Simulation` (the parameters' values and units come from
the Scenario). The only arithmetic here is for display: the length of a text bar, the bin
counts of the text histogram, and the change of a switching value from the parameter's
value in percent.

Dutch by default, English with ``lang="en"``. A missing payback is said in words ("buiten de
horizon"/"beyond the horizon"); the share of samples without payback is said on its own.
Machine formats (JSON, CSV) carry the raw numbers, ``null``/empty for none. The same input
gives byte-identical output.
"""

from __future__ import annotations

import csv
import html as _html
import io
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group
from rich.table import Table as RichTable
from rich.text import Text

from pactcalc.i18n import label_from, money, number, percent, t
from pactcalc.model import HEADLINE_METRICS
from pactcalc.render import common
from pactcalc.render.csv import neutralise

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.model import Scenario
    from pactcalc.uncertainty import Analysis, Probability, Sensitivity, Simulation, Summary, Swing

MONEY_METRICS = common.MONEY_METRICS
PAYBACK_METRICS = common.PAYBACK_METRICS
#: The simulated metrics, in the order shown (DOMAIN.md §6); then each partner's net.
SHOWN_METRICS = (
    "npv",
    "headroom_min",
    "savings_total",
    "payback_years",
    "discounted_payback_years",
)
#: The charts of the report section, by name, in the order shown.
CHART_NAMES = ("tornado", "npv_distribution", "fan_chart", "partner_nets")

BAR_WIDTH = 16
HISTOGRAM_BINS = 12
HISTOGRAM_WIDTH = 32
_EIGHTHS = " ▏▎▍▌▋▊▉"

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "uncertainty": ("Onzekerheid", "Uncertainty"),
    "sensitivity_title": (
        "Gevoeligheid van de {metric}: één parameter tegelijk",
        "Sensitivity of the {metric}: one parameter at a time",
    ),
    "parameter": ("Parameter", "Parameter"),
    "at_low": ("Laag → {metric}", "Low → {metric}"),
    "at_high": ("Hoog → {metric}", "High → {metric}"),
    "swing": ("Zwaai", "Swing"),
    "switching": ("Omslagwaarde", "Switching value"),
    "base_line": (
        "{Metric} met elke parameter op zijn waarde: {base}. Laag en hoog: de {metric} met één "
        "parameter op zijn lage of hoge waarde, de andere op hun waarde; grootste zwaai "
        "bovenaan.",
        "{Metric} with every parameter at its value: {base}. Low and high: the {metric} with "
        "one parameter at its low or high value, the others at their values; largest swing "
        "first.",
    ),
    "threshold_line": (
        "Omslagwaarde: de waarde van de parameter waarbij de {metric} {threshold} wordt "
        "(de drempel), de andere parameters op hun waarde.",
        "Switching value: the value of the parameter at which the {metric} reaches "
        "{threshold} (the threshold), the other parameters at their values.",
    ),
    "no_threshold_line": (
        "Geen drempel voor de {metric} (geen check erop): geen omslagwaarden.",
        "No threshold for the {metric} (no check on it): no switching values.",
    ),
    "from_value": ("{change} t.o.v. waarde", "{change} from value"),
    "none_between": ("geen tussen {low} en {high}", "none between {low} and {high}"),
    "no_range": ("geen bereik", "no range"),
    "switch_zero": (
        "De {metric} wordt nul als {parameter} {direction} tot {value} ({change}).",
        "The {metric} becomes zero if {parameter} {direction} to {value} ({change}).",
    ),
    "switch_threshold": (
        "De {metric} wordt {threshold} als {parameter} {direction} tot {value} ({change}).",
        "The {metric} reaches {threshold} if {parameter} {direction} to {value} ({change}).",
    ),
    "falls": ("daalt", "falls"),
    "rises": ("stijgt", "rises"),
    "switch_none": (
        "{parameter}: geen omslagwaarde tussen {low} en {high}.",
        "{parameter}: no switching value between {low} and {high}.",
    ),
    "switch_no_range": (
        "{parameter} heeft geen bereik (laag = hoog = {value}): geen omslagwaarde.",
        "{parameter} has no range (low = high = {value}): no switching value.",
    ),
    "no_uncertain": (
        "Geen parameter heeft een bereik (low/high): niets om te variëren.",
        "No parameter has a range (low/high): nothing to vary.",
    ),
    "simulation_title": ("Monte Carlo-simulatie", "Monte Carlo simulation"),
    "run_line": (
        "{n} trekkingen, seed {seed}; {k} parameters met een bereik tegelijk gevarieerd.",
        "{n} samples, seed {seed}; {k} parameters with a range varied together.",
    ),
    "outcomes": ("Uitkomsten", "Outcomes"),
    "mean": ("Gemiddelde", "Mean"),
    "beyond": ("buiten de horizon", "beyond the horizon"),
    "net_of": ("Saldo {name}", "Net {name}"),
    "missing_line": (
        "Niet terugverdiend binnen de horizon van {years} jaar: {share} van de trekkingen "
        "({label}).",
        "Not paid back within the {years}-year horizon: {share} of the samples ({label}).",
    ),
    "no_mean": (
        " Daarom is er geen gemiddelde; een percentiel dat daarin valt, is 'buiten de horizon'.",
        " Hence there is no mean; a percentile that falls among them is 'beyond the horizon'.",
    ),
    "probabilities": ("Kansen", "Probabilities"),
    "probability": ("Kans", "Probability"),
    "event": ("Gebeurtenis", "Event"),
    "p_se": ("{p} (± {se})", "{p} (± {se})"),
    "se_note": (
        "± is de Monte Carlo-standaardfout √(p(1 − p)/n).",
        "± is the Monte Carlo standard error √(p(1 − p)/n).",
    ),
    "partner_risk": ("Risico per partner", "Risk per partner"),
    "partner": ("Partner", "Partner"),
    "p_negative": ("P(saldo < 0)", "P(net < 0)"),
    "p5_net": ("P5 van het saldo", "P5 of the net"),
    "histogram": (
        "Verdeling van de NCW ({n} trekkingen)",
        "Distribution of the NPV ({n} samples)",
    ),
    "histogram_range": ("NCW van … tot …", "NPV from … to …"),
    "samples": ("trekkingen", "samples"),
    "all_samples": ("alle {n} trekkingen: {value}", "all {n} samples: {value}"),
    "percentiles": ("P5 {p5} · P50 {p50} · P95 {p95}", "P5 {p5} · P50 {p50} · P95 {p95}"),
    # events of the Simulation's probabilities
    "ev_npv": ("NCW > 0", "NPV > 0"),
    "ev_headroom": ("laagste ruimte in een jaar ≥ 0", "lowest headroom in a year ≥ 0"),
    "ev_within": (
        "terugverdiend binnen de horizon van {years} jaar",
        "paid back within the {years}-year horizon",
    ),
    "ev_payback": ("terugverdientijd ≤ {t} jaar", "payback ≤ {t} years"),
    "ev_partner": ("saldo {name} < 0", "net {name} < 0"),
    # the report section
    "intro": (
        "Elke parameter met een bereik (low/high) is onzeker. De simulatie trekt ze "
        "tegelijk, {n} keer (seed {seed}); de gevoeligheidsanalyse varieert ze één voor één.",
        "Every parameter with a range (low/high) is uncertain. The simulation draws them "
        "together, {n} times (seed {seed}); the sensitivity analysis varies them one at a "
        "time.",
    ),
    "key_probabilities": ("De belangrijkste kansen", "The key probabilities"),
    "switching_title": ("Gevoeligheid en omslagwaarden", "Sensitivity and switching values"),
    "distribution_title": ("Verdeling van de NCW", "Distribution of the NPV"),
    "fan_title": ("Cumulatief saldo: bandbreedte", "Cumulative net: range"),
    "partners_title": ("Saldo per partner", "Net per partner"),
    "chart_tornado": (
        "Tornado: de NCW met één parameter op laag of hoog, grootste zwaai bovenaan.",
        "Tornado: the NPV with one parameter at low or high, largest swing at the top.",
    ),
    "chart_npv": (
        "Verdeling van de NCW over de trekkingen, met P5, P50 en P95.",
        "Distribution of the NPV over the samples, with P5, P50 and P95.",
    ),
    "chart_fan": (
        "Cumulatief saldo per jaar: de band van P10 tot P90 rond de mediaan.",
        "Cumulative net per year: the band from P10 to P90 around the median.",
    ),
    "chart_partners": (
        "Saldo per partner: doos P25–P75, snorharen P5–P95.",
        "Net per partner: box P25–P75, whiskers P5–P95.",
    ),
}

_METRIC_NAMES: dict[str, tuple[str, str]] = {
    # how a sentence names the metric: "De NCW wordt nul …"
    "npv": ("NCW", "NPV"),
    "headroom_min": ("laagste ruimte in een jaar", "lowest headroom in a year"),
    "headroom_total": ("ruimte in het budget", "budget headroom"),
    "savings_total": ("besparing", "savings"),
    "payback_years": ("terugverdientijd", "payback period"),
    "discounted_payback_years": (
        "verdisconteerde terugverdientijd",
        "discounted payback period",
    ),
    "roi": ("rendement", "ROI"),
    "bcr": ("baten-kostenverhouding", "benefit-cost ratio"),
}


def _l(key: str, lang: str, **args: Any) -> str:
    return label_from(_LABELS, key, lang, **args)


def metric_name(metric: str, lang: str) -> str:
    """The metric as a sentence names it: "NCW", "terugverdientijd"; else its own name."""
    if metric in _METRIC_NAMES:
        nl, en = _METRIC_NAMES[metric]
        return en if lang == "en" else nl
    return metric


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------- numbers


def _missing(value: float | None) -> bool:
    return value is None or math.isnan(value)


def metric_text(metric: str, value: float | None, lang: str) -> str:
    """A metric's value: money, years, or a plain number; a missing payback in words."""
    if metric in PAYBACK_METRICS:
        if _missing(value) or math.isinf(value):  # type: ignore[arg-type]
            return _l("beyond", lang)
        return t("n_years", lang, n=number(value, lang, 1))  # type: ignore[arg-type]
    if _missing(value):
        return "—"
    assert value is not None
    if metric.split("[")[0] in MONEY_METRICS:
        return money(value, lang)
    return number(value, lang, 2)


def _swing_text(metric: str, swing: float, lang: str) -> str:
    if math.isinf(swing):  # a payback that leaves the horizon at one end
        return _l("beyond", lang)
    return metric_text(metric, swing, lang)


def _is_money(unit: str | None) -> bool:
    return bool(unit) and str(unit).strip().upper().startswith(("EUR", "€"))


def _input_decimals(value: float) -> int:
    """As few decimals as an input needs, up to four: 0.3 → 1, 57.6 → 1, 0.0225 → 4."""
    return next((d for d in range(5) if abs(round(value, d) - value) < 1e-9), 4)


def _found_decimals(value: float) -> int:
    """Decimals of a value found by a search: about three significant digits."""
    size = abs(value)
    return 0 if size >= 1000 or size == 0 else 1 if size >= 10 else 2 if size >= 1 else 3


def param_value(
    value: float, unit: str | None, lang: str, found: bool = False, with_unit: bool = False
) -> str:
    """A parameter's value in its unit: euros for an EUR unit, else a number (``found``:
    a switching value, shown to about three significant digits)."""
    value = float(value)
    if _is_money(unit):
        decimals = 0 if value == int(value) or (found and abs(value) >= 1000) else 2
        return money(value, lang, decimals)
    decimals = _found_decimals(value) if found else _input_decimals(value)
    text = number(value, lang, decimals)
    return f"{text} {unit}" if with_unit and unit else text


def change_text(change: float | None, lang: str) -> str:
    """A signed percentage with a true minus: "−42%", "+15%"."""
    if change is None:
        return ""
    decimals = 0 if abs(change) >= 0.1 or change == 0 else 1
    shown = percent(abs(change), lang, decimals)
    if shown in (percent(0, lang, decimals),):
        return shown
    return ("−" if change < 0 else "+") + shown


# ---------------------------------------------------------------------------- sensitivity


def _parameter(scenario: Scenario, name: str) -> tuple[float, str | None]:
    parameter = scenario.parameters[name]
    return float(parameter.value), parameter.unit


def _threshold_text(sens: Sensitivity, lang: str) -> str:
    assert sens.threshold is not None
    if sens.metric in PAYBACK_METRICS:
        return t("n_years", lang, n=number(sens.threshold, lang, 1 if sens.threshold % 1 else 0))
    return metric_text(sens.metric, sens.threshold, lang)


def switching_text(swing: Swing, scenario: Scenario, lang: str) -> str:
    """A table cell: "€ 35.716 (−42% t.o.v. waarde)", "geen tussen 0 en 10" or "—" (no
    threshold: there is no switching value to look for)."""
    value, unit = _parameter(scenario, swing.parameter)
    if swing.switching_value is None:
        low, high = swing.searched
        if low == high:
            return _l("no_range", lang)
        return _l(
            "none_between",
            lang,
            low=param_value(low, unit, lang),
            high=param_value(high, unit, lang),
        )
    change = change_text(swing.switching_change, lang)
    text = param_value(swing.switching_value, unit, lang, found=True)
    return f"{text} ({_l('from_value', lang, change=change)})" if change else text


def switching_sentences(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> list[str]:
    """The switching value of each parameter, by swing, in words:

    "De NCW wordt nul als bw_kosten_per_plek daalt tot € 35.716 (−42%)." or
    "fte_schuldhulp: geen omslagwaarde tussen 0 en 0,9."
    """
    name = metric_name(sens.metric, lang)
    if sens.threshold is None:
        return [_l("no_threshold_line", lang, metric=name)]
    threshold = _threshold_text(sens, lang)
    sentences = []
    for swing in sens.swings:
        value, unit = _parameter(scenario, swing.parameter)
        if swing.switching_value is None:
            low, high = swing.searched
            if low == high:
                sentences.append(
                    _l(
                        "switch_no_range",
                        lang,
                        parameter=swing.parameter,
                        value=param_value(value, unit, lang, with_unit=True),
                    )
                )
                continue
            sentences.append(
                _l(
                    "switch_none",
                    lang,
                    parameter=swing.parameter,
                    low=param_value(low, unit, lang),
                    high=param_value(high, unit, lang, with_unit=True),
                )
            )
            continue
        change = change_text(swing.switching_change, lang)
        key = "switch_zero" if sens.threshold == 0 else "switch_threshold"
        sentence = _l(
            key,
            lang,
            metric=name,
            threshold=threshold,
            parameter=swing.parameter,
            direction=_l("falls" if swing.switching_value < value else "rises", lang),
            value=param_value(swing.switching_value, unit, lang, found=True, with_unit=True),
            change=change or "—",
        )
        sentences.append(_capital(sentence))
    return sentences


def _bar(swing: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A bar of block characters, in eighths, scaled to the largest swing (drawing)."""
    if math.isinf(swing):
        return "█" * width
    if largest <= 0 or swing <= 0:
        return ""
    eighths = max(1, round(swing / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _largest_swing(sens: Sensitivity) -> float:
    return max((s.swing for s in sens.swings if not math.isinf(s.swing)), default=0.0)


def _sensitivity_rows(sens: Sensitivity, scenario: Scenario, lang: str) -> list[list[str]]:
    largest = _largest_swing(sens)
    rows = []
    for swing in sens.swings:
        _value, unit = _parameter(scenario, swing.parameter)
        rows.append(
            [
                swing.parameter,
                f"{param_value(swing.low, unit, lang)} → "
                f"{metric_text(sens.metric, swing.at_low, lang)}",
                f"{param_value(swing.high, unit, lang)} → "
                f"{metric_text(sens.metric, swing.at_high, lang)}",
                _swing_text(sens.metric, swing.swing, lang),
                _bar(swing.swing, largest),
                switching_text(swing, scenario, lang) if sens.threshold is not None else "—",
            ]
        )
    return rows


def _sensitivity_header(sens: Sensitivity, lang: str) -> list[str]:
    name = metric_name(sens.metric, lang)
    return [
        _l("parameter", lang),
        _l("at_low", lang, metric=name),
        _l("at_high", lang, metric=name),
        _l("swing", lang),
        "",
        _l("switching", lang),
    ]


def sensitivity_lines(sens: Sensitivity, lang: str) -> list[str]:
    """What the table shows: the base outcome, and the metric's threshold."""
    name = metric_name(sens.metric, lang)
    lines = [
        _l(
            "base_line",
            lang,
            Metric=_capital(name),
            metric=name,
            base=metric_text(sens.metric, sens.base, lang),
        )
    ]
    if sens.threshold is None:
        lines.append(_l("no_threshold_line", lang, metric=name))
    else:
        lines.append(_l("threshold_line", lang, metric=name, threshold=_threshold_text(sens, lang)))
    return lines


def sensitivity_renderable(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> Group:
    """The tornado as a rich table: parameter, low → metric, high → metric, swing, a bar
    scaled to the largest swing, and the switching value; then the sentences."""
    name = metric_name(sens.metric, lang)
    parts: list[Any] = [Text(_l("sensitivity_title", lang, metric=name), style="bold")]
    parts += [Text(line, style="dim") for line in sensitivity_lines(sens, lang)]
    if not sens.swings:
        return Group(*parts, Text(_l("no_uncertain", lang)))
    table = RichTable(show_header=True, header_style="bold", box=box.SIMPLE_HEAD, show_edge=False)
    header = _sensitivity_header(sens, lang)
    table.add_column(header[0], no_wrap=True)
    for head in header[1:4]:
        table.add_column(head, justify="right", no_wrap=True)
    table.add_column(header[4], no_wrap=True, min_width=BAR_WIDTH, style="cyan")
    table.add_column(header[5], overflow="fold", min_width=20)
    for row in _sensitivity_rows(sens, scenario, lang):
        table.add_row(*(Text(cell) for cell in row))
    parts += [Text(""), table, Text("")]
    parts += [Text(f"• {s}") for s in switching_sentences(sens, scenario, lang)]
    return Group(*parts)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _raw(value: float | None) -> float | None:
    """A number for JSON/CSV: None for a missing (NaN) or unbounded (∞) value."""
    if value is None or math.isnan(value) or math.isinf(value):
        return None
    return float(value)


def sensitivity_object(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> dict[str, Any]:
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
                "metric_at_low": _raw(swing.at_low),
                "metric_at_high": _raw(swing.at_high),
                "swing": _raw(swing.swing),
                "switching_value": _raw(swing.switching_value),
                "switching_change": _raw(swing.switching_change),
                "searched": [swing.searched[0], swing.searched[1]],
            }
        )
    return {
        "metric": sens.metric,
        "metric_label": t(sens.metric, lang) if sens.metric in _I18N_METRICS else sens.metric,
        "threshold": _raw(sens.threshold),
        "base": _raw(sens.base),
        "language": lang,
        "parameters": parameters,
        "switching_sentences": switching_sentences(sens, scenario, lang),
    }


_I18N_METRICS = frozenset(HEADLINE_METRICS)


def sensitivity_json(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> str:
    """The sensitivity as JSON (stable keys; a missing value is null)."""
    return _json(sensitivity_object(sens, scenario, lang))


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


def _csv(rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if c is None else neutralise(c) for c in row])
    return out.getvalue()


def sensitivity_csv(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> str:
    """One row per parameter, by swing: unrounded numbers, empty for none; text cells that
    a spreadsheet would run as a formula are neutralised."""
    data = sensitivity_object(sens, scenario, lang)
    rows: list[Sequence[Any]] = [SENSITIVITY_CSV_HEADER]
    for p in data["parameters"]:
        rows.append(
            [
                data["metric"],
                data["threshold"],
                data["base"],
                p["parameter"],
                p["unit"],
                p["value"],
                p["low"],
                p["high"],
                p["metric_at_low"],
                p["metric_at_high"],
                p["swing"],
                p["switching_value"],
                p["switching_change"],
                p["searched"][0],
                p["searched"][1],
            ]
        )
    return _csv(rows)


def _md(value: Any) -> str:
    """Scenario text as Markdown text (one escaper for every Markdown output)."""
    from pactcalc.render.markdown import text

    return text(value)


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str]], left: int = 1) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |"]
    lines.append(
        "| " + " | ".join("---" if i < left else "---:" for i in range(len(header))) + " |"
    )
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _sensitivity_md(sens: Sensitivity, scenario: Scenario, lang: str, level: int) -> list[str]:
    name = metric_name(sens.metric, lang)
    hashes = "#" * level
    lines = [f"{hashes} {_md(_l('sensitivity_title', lang, metric=name))}", ""]
    lines += [_md(line) for line in sensitivity_lines(sens, lang)]
    lines.append("")
    if not sens.swings:
        return [*lines, _md(_l("no_uncertain", lang)), ""]
    header = _sensitivity_header(sens, lang)
    rows = _sensitivity_rows(sens, scenario, lang)
    lines += _md_table(header, rows)
    lines += [f"- {_md(s)}" for s in switching_sentences(sens, scenario, lang)]
    return [*lines, ""]


def sensitivity_markdown(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> str:
    """The tornado table and the switching values in words, as Markdown."""
    return "\n".join(_sensitivity_md(sens, scenario, lang, 2))


# ---------------------------------------------------------------------------- simulation


def _partner_names(sim: Simulation) -> dict[str, str]:
    return {p.id: p.name for p in sim.result.partners}


def _horizon(sim: Simulation) -> int:
    return len(sim.result.years)


def event_text(event: str, lang: str, horizon: int, names: Mapping[str, str]) -> str:
    """A probability's event in words: "npv > 0" → "NCW > 0"; an unknown event as is."""
    if event == "npv > 0":
        return _l("ev_npv", lang)
    if event == "headroom_min >= 0":
        return _l("ev_headroom", lang)
    if event == "payback within the horizon":
        return _l("ev_within", lang, years=horizon)
    found = re.fullmatch(r"payback_years <= (\S+)", event)
    if found:
        return _l(
            "ev_payback", lang, t=number(float(found[1]), lang, _input_decimals(float(found[1])))
        )
    found = re.fullmatch(r"net_total\[(.+)\] < 0", event)
    if found:
        return _l("ev_partner", lang, name=names.get(found[1], found[1]))
    return event


def probability_text(probability: Probability, lang: str) -> str:
    """ "95,5% (± 0,2%)"."""
    return _l("p_se", lang, p=percent(probability.p, lang, 1), se=percent(probability.se, lang, 1))


def _summary_label(key: str, lang: str, names: Mapping[str, str]) -> str:
    found = re.fullmatch(r"net_total\[(.+)\]", key)
    if found:
        return _l("net_of", lang, name=names.get(found[1], found[1]))
    return t(key, lang) if key in _I18N_METRICS else key


def _summary_keys(sim: Simulation) -> list[str]:
    keys = [k for k in SHOWN_METRICS if k in sim.summaries]
    keys += [k for k in sim.summaries if k not in keys]
    return keys


def _summary_rows(sim: Simulation, lang: str) -> list[list[str]]:
    names = _partner_names(sim)
    rows = []
    for key in _summary_keys(sim):
        summary = sim.summaries[key]
        metric = key.split("[")[0]
        rows.append(
            [
                _summary_label(key, lang, names),
                "—" if summary.mean is None else metric_text(metric, summary.mean, lang),
                *(metric_text(metric, v, lang) for v in (summary.p5, summary.p50, summary.p95)),
            ]
        )
    return rows


def _summary_header(lang: str) -> list[str]:
    return ["", _l("mean", lang), "P5", "P50", "P95"]


def missing_lines(sim: Simulation, lang: str) -> list[str]:
    """The share of samples without payback within the horizon, on its own (always said,
    also when it is 0%)."""
    lines = []
    for key in ("payback_years", "discounted_payback_years"):
        summary: Summary | None = sim.summaries.get(key)
        if summary is None:
            continue
        line = _l(
            "missing_line",
            lang,
            years=_horizon(sim),
            share=percent(summary.missing, lang, 1),
            label=t(key, lang).lower(),
        )
        if summary.mean is None:
            line += _l("no_mean", lang)
        lines.append(line)
    return lines


def _partner_event(pid: str) -> str:
    return f"net_total[{pid}] < 0"


def _general_probabilities(sim: Simulation) -> list[Probability]:
    partners = {_partner_event(pid) for pid in sim.partner_nets}
    return [p for p in sim.probabilities if p.event not in partners]


def _probability_rows(sim: Simulation, lang: str) -> list[list[str]]:
    names = _partner_names(sim)
    return [
        [f"P({event_text(p.event, lang, _horizon(sim), names)})", probability_text(p, lang)]
        for p in _general_probabilities(sim)
    ]


def _risk_rows(sim: Simulation, lang: str) -> list[list[str]]:
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
    return rows


def _risk_header(lang: str) -> list[str]:
    return [_l("partner", lang), _l("p_negative", lang), _l("p5_net", lang)]


def run_line(sim: Simulation, lang: str) -> str:
    return _l(
        "run_line",
        lang,
        n=number(sim.samples, lang),
        seed=sim.seed,
        k=len(sim.parameters),
    )


def histogram_rows(
    sim: Simulation, lang: str, bins: int = HISTOGRAM_BINS, width: int = HISTOGRAM_WIDTH
) -> list[str]:
    """The NPV's distribution as text: one row per bin ("€ a – € b │████▍ count"), the
    bins holding P5, P50 and P95 marked. Bin counts are presentation (numpy.histogram)."""
    import numpy as np

    values = np.asarray(sim.npv, dtype=float).reshape(-1)
    summary = sim.summaries["npv"]
    if values.size == 0:
        return []
    if float(values.min()) == float(values.max()):
        return [
            _l(
                "all_samples",
                lang,
                n=number(values.size, lang),
                value=money(float(values[0]), lang),
            )
        ]
    counts, edges = np.histogram(values, bins=bins)
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
        marks = [
            name
            for name, value in (("P5", summary.p5), ("P50", summary.p50), ("P95", summary.p95))
            if value is not None
            and edges[i] <= value
            and (value < edges[i + 1] or (i == len(counts) - 1 and value <= edges[i + 1]))
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
    return _l(
        "percentiles",
        lang,
        p5=metric_text("npv", summary.p5, lang),
        p50=metric_text("npv", summary.p50, lang),
        p95=metric_text("npv", summary.p95, lang),
    )


def _rich(header: Sequence[str], rows: Iterable[Sequence[str]], title: str | None = None) -> Any:
    table = RichTable(
        title=title,
        title_justify="left",
        title_style="bold",
        show_header=True,
        header_style="bold",
    )
    for i, head in enumerate(header):
        if i == 0:
            table.add_column(head, overflow="fold", min_width=12)
        else:
            table.add_column(head, justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def simulation_renderable(sim: Simulation, lang: str = "nl") -> Group:
    """Mean, P5, P50 and P95 of each metric and each partner's net, the share without
    payback, the probabilities with their standard errors, each partner's risk, and a text
    histogram of the NPV."""
    parts: list[Any] = [
        Text(_l("simulation_title", lang), style="bold"),
        Text(run_line(sim, lang), style="dim"),
        Text(""),
        _rich(_summary_header(lang), _summary_rows(sim, lang), _l("outcomes", lang)),
    ]
    parts += [Text(line) for line in missing_lines(sim, lang)]
    parts += [
        Text(""),
        _rich(
            [_l("event", lang), _l("probability", lang)],
            _probability_rows(sim, lang),
            _l("probabilities", lang),
        ),
    ]
    if sim.partner_nets:
        parts += [
            Text(""),
            _rich(_risk_header(lang), _risk_rows(sim, lang), _l("partner_risk", lang)),
        ]
    parts.append(Text(_l("se_note", lang), style="dim"))
    parts += [
        Text(""),
        Text(_l("histogram", lang, n=number(sim.samples, lang)), style="bold"),
    ]
    parts += [Text(row) for row in histogram_rows(sim, lang)]
    parts.append(Text(percentile_line(sim, lang)))
    return Group(*parts)


def _summary_object(summary: Summary, payback: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "mean": _raw(summary.mean),
        "p5": _raw(summary.p5),
        "p50": _raw(summary.p50),
        "p95": _raw(summary.p95),
    }
    if payback:
        data["share_without_payback"] = summary.missing
    return data


def simulation_object(sim: Simulation, lang: str = "nl") -> dict[str, Any]:
    """The simulation as plain data: raw numbers, None (null) for a percentile among the
    samples without payback."""
    names = _partner_names(sim)
    found = {p.event: p for p in sim.probabilities}
    partners = []
    for pid, _net in sim.partner_nets.items():
        risk = found.get(_partner_event(pid))
        summary = sim.summaries.get(f"net_total[{pid}]")
        partners.append(
            {
                "id": pid,
                "name": names.get(pid, pid),
                "net_total": _summary_object(summary, False) if summary else None,
                "p_net_negative": risk.p if risk else None,
                "p_net_negative_se": risk.se if risk else None,
            }
        )
    return {
        "samples": sim.samples,
        "seed": sim.seed,
        "language": lang,
        "parameters": list(sim.parameters),
        "years": list(sim.result.years),
        "metrics": {
            key: _summary_object(sim.summaries[key], key in PAYBACK_METRICS)
            for key in _summary_keys(sim)
        },
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


def simulation_json(sim: Simulation, lang: str = "nl") -> str:
    """The simulation as JSON (stable keys; a missing value is null)."""
    return _json(simulation_object(sim, lang))


SIMULATION_CSV_HEADER = ("quantity", "label", "statistic", "value", "standard_error")


def simulation_csv(sim: Simulation, lang: str = "nl") -> str:
    """Long format, one number a row: ``quantity,label,statistic,value,standard_error``.
    Unrounded; empty for a missing value; text cells neutralised for spreadsheets."""
    names = _partner_names(sim)
    rows: list[Sequence[Any]] = [SIMULATION_CSV_HEADER]
    rows.append(["samples", _l("samples", lang), "count", sim.samples, None])
    rows.append(["seed", "seed", "value", sim.seed, None])
    for key in _summary_keys(sim):
        summary = sim.summaries[key]
        label = _summary_label(key, lang, names)
        for statistic, value in (
            ("mean", summary.mean),
            ("p5", summary.p5),
            ("p50", summary.p50),
            ("p95", summary.p95),
        ):
            rows.append([key, label, statistic, _raw(value), None])
        if key in PAYBACK_METRICS:
            rows.append([key, label, "share_without_payback", summary.missing, None])
    for p in sim.probabilities:
        label = f"P({event_text(p.event, lang, _horizon(sim), names)})"
        rows.append([f"P({p.event})", label, "probability", p.p, p.se])
    for q, band in sorted(sim.cumulative_bands.items()):
        for year, value in zip(sim.result.years, band, strict=False):
            rows.append([f"cumulative[{year}]", t("cumulative", lang), f"p{q}", float(value), None])
    return _csv(rows)


def _simulation_md(sim: Simulation, lang: str, level: int) -> list[str]:
    hashes = "#" * level
    lines = [f"{hashes} {_md(_l('simulation_title', lang))}", "", _md(run_line(sim, lang)), ""]
    lines += _md_table(_summary_header(lang), _summary_rows(sim, lang))
    lines += [f"{_md(line)}  " for line in missing_lines(sim, lang)]
    lines.append("")
    lines += [f"{hashes}# {_md(_l('probabilities', lang))}", ""]
    lines += _md_table([_l("event", lang), _l("probability", lang)], _probability_rows(sim, lang))
    if sim.partner_nets:
        lines += [f"{hashes}# {_md(_l('partner_risk', lang))}", ""]
        lines += _md_table(_risk_header(lang), _risk_rows(sim, lang))
    lines += [_md(_l("se_note", lang)), ""]
    return lines


def simulation_markdown(sim: Simulation, lang: str = "nl") -> str:
    """The simulation as Markdown, the histogram as a code block."""
    lines = _simulation_md(sim, lang, 2)
    lines += [f"### {_md(_l('histogram', lang, n=number(sim.samples, lang)))}", "", "```"]
    lines += [row.replace("`", "'") for row in histogram_rows(sim, lang)]
    lines += ["```", "", _md(percentile_line(sim, lang)), ""]
    return "\n".join(lines)


def required_width(renderable: Any, least: int = 100) -> int:
    """Characters a line needs to show ``renderable`` without folding a cell: print it on
    a console at least this wide (a narrower terminal then wraps the line, every digit
    stays)."""
    console = Console(width=10_000, file=io.StringIO(), color_system=None)
    parts = renderable.renderables if isinstance(renderable, Group) else [renderable]
    tables = [part for part in parts if not isinstance(part, Text)]  # text wraps
    return max([least, *(console.measure(part).maximum for part in tables)])


def to_text(renderable: Any, width: int | None = None) -> str:
    """Plain text of a renderable (for ``--output`` in the terminal format), on a console
    as wide as it needs (:func:`required_width`) unless ``width`` is given."""
    width = width or required_width(renderable)
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable, crop=False)
    return console.export_text()


# ---------------------------------------------------------------------------- report section


def section_charts(analysis: Analysis | None, result: Result, lang: str) -> dict[str, str]:
    """The section's charts by name (:data:`CHART_NAMES`) as SVG text; none without an
    analysis (no parameter has a range)."""
    if analysis is None:
        return {}
    from pactcalc.render import charts

    sim = analysis.simulation
    names = {p.id: p.name for p in result.partners}
    return {
        "tornado": charts.tornado_svg(analysis.sensitivity, lang),
        "npv_distribution": charts.npv_distribution_svg(sim, lang),
        "fan_chart": charts.fan_chart_svg(sim, result.years, lang),
        "partner_nets": charts.partner_nets_svg(sim, names, lang),
    }


_CAPTIONS = {
    "tornado": "chart_tornado",
    "npv_distribution": "chart_npv",
    "fan_chart": "chart_fan",
    "partner_nets": "chart_partners",
}
_HEADINGS = {
    "tornado": "switching_title",
    "npv_distribution": "distribution_title",
    "fan_chart": "fan_title",
    "partner_nets": "partners_title",
}


def key_probabilities(sim: Simulation, lang: str) -> list[str]:
    """ "P(NCW > 0) = 95,5% (± 0,2%)" for each probability but the partners' (those are in
    the partners' table), then the share without payback."""
    rows = [f"{label} = {value}" for label, value in _probability_rows(sim, lang)]
    return rows + missing_lines(sim, lang)


def _e(text: Any) -> str:
    return _html.escape(str(text), quote=True)


def _html_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(f"<th>{_e(c)}</th>" if j == 0 else f"<td>{_e(c)}</td>" for j, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f'<table class="money"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _html_figure(svg: str | None, caption: str) -> str:
    if not svg:
        return ""
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>"


def html_section(analysis: Analysis | None, result: Result, lang: str) -> str:
    """The uncertainty section of the HTML report (empty without an analysis): the key
    probabilities, the simulated outcomes, the tornado with the switching values in
    words, the NPV's distribution, the fan chart and each partner's net. Scenario text is
    escaped; the charts are inline SVG."""
    if analysis is None:
        return ""
    sim, sens = analysis.simulation, analysis.sensitivity
    svgs = section_charts(analysis, result, lang)
    out = [
        f'<section class="uncertainty" id="uncertainty">'
        f'<h2 class="pagebreak">{_e(_l("uncertainty", lang))}</h2>',
        f"<p>{_e(_l('intro', lang, n=number(sim.samples, lang), seed=sim.seed))}</p>",
        f"<h3>{_e(_l('key_probabilities', lang))}</h3>",
        "<ul>" + "".join(f"<li>{_e(s)}</li>" for s in key_probabilities(sim, lang)) + "</ul>",
        f'<p class="meta">{_e(_l("se_note", lang))}</p>',
        f"<h3>{_e(_l('outcomes', lang))}</h3>",
        _html_table(_summary_header(lang), _summary_rows(sim, lang)),
        f"<h3>{_e(_l(_HEADINGS['tornado'], lang))}</h3>",
        "".join(f'<p class="meta">{_e(s)}</p>' for s in sensitivity_lines(sens, lang)),
        _html_figure(svgs.get("tornado"), _l(_CAPTIONS["tornado"], lang)),
        "<ul>"
        + "".join(f"<li>{_e(s)}</li>" for s in switching_sentences(sens, result.scenario, lang))
        + "</ul>",
    ]
    for name in ("npv_distribution", "fan_chart"):
        out.append(f"<h3>{_e(_l(_HEADINGS[name], lang))}</h3>")
        out.append(_html_figure(svgs.get(name), _l(_CAPTIONS[name], lang)))
    if sim.partner_nets:
        out.append(f"<h3>{_e(_l(_HEADINGS['partner_nets'], lang))}</h3>")
        out.append(_html_figure(svgs.get("partner_nets"), _l(_CAPTIONS["partner_nets"], lang)))
        out.append(_html_table(_risk_header(lang), _risk_rows(sim, lang)))
    out.append("</section>")
    return "\n".join(out)


def markdown_section(
    analysis: Analysis | None, result: Result, lang: str, chart_files: Mapping[str, str]
) -> str:
    """The uncertainty section of the Markdown report (empty without an analysis), the
    charts as images: ``chart_files`` maps a chart name (:func:`section_charts`) to the
    file written beside the report; a chart without a file is left out."""
    if analysis is None:
        return ""
    sim, sens = analysis.simulation, analysis.sensitivity

    def image(name: str) -> list[str]:
        if name not in chart_files:
            return []
        return [f"![{_md(_l(_CAPTIONS[name], lang))}]({chart_files[name]})", ""]

    lines = [
        f"## {_md(_l('uncertainty', lang))}",
        "",
        _md(_l("intro", lang, n=number(sim.samples, lang), seed=sim.seed)),
        "",
        f"### {_md(_l('key_probabilities', lang))}",
        "",
    ]
    lines += [f"- {_md(s)}" for s in key_probabilities(sim, lang)]
    lines += ["", _md(_l("se_note", lang)), "", f"### {_md(_l('outcomes', lang))}", ""]
    lines += _md_table(_summary_header(lang), _summary_rows(sim, lang))
    lines += [f"### {_md(_l(_HEADINGS['tornado'], lang))}", ""]
    lines += [f"{_md(s)}  " for s in sensitivity_lines(sens, lang)]
    lines.append("")
    lines += image("tornado")
    lines += [f"- {_md(s)}" for s in switching_sentences(sens, result.scenario, lang)]
    lines.append("")
    for name in ("npv_distribution", "fan_chart"):
        lines += [f"### {_md(_l(_HEADINGS[name], lang))}", ""]
        lines += image(name)
        if name == "npv_distribution":
            lines += [_md(percentile_line(sim, lang)), ""]
    if sim.partner_nets:
        lines += [f"### {_md(_l(_HEADINGS['partner_nets'], lang))}", ""]
        lines += image("partner_nets")
        lines += _md_table(_risk_header(lang), _risk_rows(sim, lang))
    return "\n".join(lines)
