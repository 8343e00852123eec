"""The HTML report: one self-contained page (inline CSS, charts as inline SVG, no network),
readable on screen and printable on A4. The answer first, then the pictures, the tables,
the checks, the inputs with their sources, and the audit trail of each headline figure.

Every text from the scenario is escaped. Every number is read from the Result.
"""

from __future__ import annotations

import html as _html
import math
import re
from typing import Any

from pactcalc import __version__
from pactcalc.api import Document
from pactcalc.engine import Result
from pactcalc.explain import Trail, explain
from pactcalc.i18n import money, number, percent, t, years_text
from pactcalc.render import common
from pactcalc.render.common import Table
from pactcalc.render.uncertainty import html_section
from pactcalc.uncertainty import Analysis

#: Headline figures, in the order of the report, each linked to its audit trail.
HEADLINES = (
    "headroom_min",
    "payback_years",
    "npv",
    "effort_total",
    "investment_total",
    "savings_total",
)

CSS = """
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --good: #00734f;
        --bad: #b3261e; --accent: #0062a3; --soft: #f3f6f9; }
* { box-sizing: border-box; }
html { font-family: "Source Sans 3", "Segoe UI", "DejaVu Sans", Arial, sans-serif;
       color: var(--ink); font-size: 10.5pt; line-height: 1.4; }
body { margin: 0 auto; padding: 12mm 10mm; max-width: 190mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 8mm 0 2mm; border-bottom: 1px solid var(--line);
     padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 5mm 0 1mm; }
p.meta { color: var(--muted); margin: 0; }
p.answer { font-size: 12pt; font-weight: 600; margin: 2mm 0; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 4mm 0; }
.card { border: 1px solid var(--line); border-radius: 2mm; padding: 2.5mm 3mm;
        background: var(--soft); break-inside: avoid; }
.card .label { color: var(--muted); font-size: 9pt; }
.card .value { font-size: 14pt; font-weight: 700; white-space: nowrap; }
.card .value a { color: inherit; text-decoration: none; }
.card .value a:hover { text-decoration: underline; }
.card .says { font-size: 9pt; margin-top: 1mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt;
        break-inside: auto; }
th, td { border-bottom: 1px solid var(--line); padding: 1mm 1.5mm; vertical-align: top;
         text-align: left; }
thead th { border-bottom: 2px solid var(--ink); }
table.money td, table.money thead th:not(:first-child) { text-align: right;
         white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.total th { font-weight: 700; border-top: 1px solid var(--ink); }
table.money td.wrap, td.wrap { white-space: normal; text-align: left; }
th code { overflow-wrap: anywhere; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 9pt; }
.ok { color: var(--good); font-weight: 700; }
.fail { color: var(--bad); font-weight: 700; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt;
       overflow-wrap: anywhere; }
ul { margin: 1mm 0 3mm; padding-left: 5mm; }
.trail h3 { break-after: avoid; }
footer { margin-top: 8mm; color: var(--muted); font-size: 8.5pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .pagebreak { break-before: page; }
}
"""


def escape(text: Any) -> str:
    """Scenario text as HTML text: ``<script>`` shows as text, never runs."""
    return _html.escape(str(text), quote=True)


def page(title: str, content: str, lang: str) -> str:
    """A complete, self-contained HTML document."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="pactcalc {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{content}\n</body>\n</html>\n"
    )


def _table(table: Table, css: str = "money", total_row: bool = False) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    rows = []
    for i, row in enumerate(table.rows):
        cls = ' class="total"' if total_row and i == len(table.rows) - 1 else ""
        cells = "".join(
            f"<th>{escape(c)}</th>" if j == 0 else f"<td>{escape(c)}</td>"
            for j, c in enumerate(row)
        )
        rows.append(f"<tr{cls}>{cells}</tr>")
    thead = f"<thead><tr>{head}</tr></thead>" if any(table.header) else ""
    return f'<table class="{css}">{thead}<tbody>{"".join(rows)}</tbody></table>'


def _svg(svg: str) -> str:
    """An SVG document as inline markup: without its XML declaration and doctype."""
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg.strip())
    return re.sub(r"^<!DOCTYPE[^>]*>\s*", "", svg)


def _headline(result: Result, name: str, lang: str) -> str:
    value = float(result.metric(name))
    shown = common.metric_text(result, name, None if math.isnan(value) else value, lang)
    says = _says(result, name, value, lang)
    return (
        f'<div class="card"><div class="label">{escape(t(name, lang))}</div>'
        f'<div class="value"><a href="#{_anchor(name)}">{escape(shown)}</a></div>'
        f'<div class="says">{escape(says)}</div></div>'
    )


def _says(result: Result, name: str, value: float, lang: str) -> str:
    """One plain sentence per headline figure."""
    horizon = len(result.years)
    if name == "headroom_min":
        year = result.years[int(result.headroom_per_year.argmin())]
        key = "says_headroom_ok" if value >= 0 else "says_headroom_short"
        return t(key, lang, year=year)
    if name == "payback_years":
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


def _trail(trail: Trail, lang: str) -> str:
    parts = [
        f'<div class="trail" id="{_anchor(trail.name)}">',
        f"<h3>{escape(trail.name)} = {escape(trail.value)}</h3>",
        f"<p><code>{escape(trail.definition)}</code></p>",
    ]
    if trail.steps:
        rows = "".join(
            f"<tr><th>{s.year}</th><td class='wrap'><code>{escape(s.formula)}</code></td>"
            f"<td>{escape(s.value)}</td></tr>"
            for s in trail.steps
        )
        parts.append(
            f'<table class="money"><thead><tr><th>{escape(t("year", lang))}</th>'
            f"<th></th><th>=</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    if trail.conclusion:
        parts.append(f"<p><strong>{escape(trail.conclusion)}</strong></p>")
    if trail.feeds:
        links = ", ".join(f'<a href="#{_anchor(f)}">{escape(f)}</a>' for f in trail.feeds)
        parts.append(f"<p>{escape(t('made_from', lang))} {links}</p>")
    if trail.inputs:
        items = "".join(
            f"<li><code>{escape(i.name)}</code> = {escape(i.value)}"
            f"{' ' + escape(i.unit) if i.unit else ''} — "
            f"{escape(i.source or t('no_source', lang))}</li>"
            for i in trail.inputs
        )
        parts.append(f"<ul>{items}</ul>")
    parts.append("</div>")
    return "".join(parts)


def _anchor(name: str) -> str:
    return "trail-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _inputs(result: Result, lang: str) -> str:
    scenario = result.scenario
    rows = []
    for name, p in scenario.parameters.items():
        rng = (
            f"{_num(p.low, lang)} – {_num(p.high, lang)}"
            if p.low is not None and p.high is not None
            else ""
        )
        rows.append(
            f"<tr><th><code>{escape(name)}</code></th><td>{escape(_num(p.value, lang))}</td>"
            f"<td class='wrap'>{escape(p.unit or '')}</td><td>{escape(rng)}</td>"
            f"<td class='wrap'>{escape(p.source or t('no_source', lang))}</td></tr>"
        )
    for name, s in scenario.series.items():
        values = s.values if isinstance(s.values, list) else [s.values]
        rows.append(
            f"<tr><th><code>{escape(name)}</code></th>"
            f"<td class='wrap'>{escape(', '.join(_num(v, lang) for v in values))}</td>"
            f"<td class='wrap'>{escape(s.unit or '')}</td><td></td>"
            f"<td class='wrap'>{escape(s.source or t('no_source', lang))}</td></tr>"
        )
    head = "".join(
        f"<th>{escape(t(k, lang))}</th>" for k in ("name", "value", "unit", "range", "source")
    )
    table = (
        f'<table class="money"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    lines = []
    for line in result.lines:
        spec = scenario.lines(line.kind)[line.index]
        lines.append(
            f"<tr><th>{escape(line.kind)}</th><td class='wrap'>"
            f'<a href="#{_anchor(line.name)}">{escape(line.name)}</a></td>'
            f"<td class='wrap'>{escape(line.partner)}</td>"
            f"<td class='wrap'><code>{escape(spec.amount)}</code></td>"
            f"<td>{escape(money(float(line.total), lang))}</td>"
            f"<td class='wrap'>{escape(spec.source or '')}</td></tr>"
        )
    head2 = "".join(
        f"<th>{escape(t(k, lang))}</th>"
        for k in ("kind", "line", "partner", "amount", "total", "source")
    )
    table2 = (
        f'<table class="money"><thead><tr>{head2}</tr></thead>'
        f"<tbody>{''.join(lines)}</tbody></table>"
    )
    return table + table2


def _num(value: float, lang: str) -> str:
    value = float(value)
    return number(value, lang, 0 if value == int(value) else 2)


def render(document: Document, lang: str, analysis: Analysis | None = None) -> str:
    """The report as one HTML page; with ``analysis`` (the scenario has ranges) it gains
    the uncertainty section."""
    result = document.result
    assert result is not None
    from pactcalc.render.charts import all_charts

    charts = all_charts(result, lang)
    scenario = result.scenario
    out: list[str] = [f"<h1>{escape(scenario.name)}</h1>"]
    out += [f'<p class="meta">{escape(line)}</p>' for line in common.header_lines(result, lang)]

    out.append(f"<h2>{escape(t('the_answer', lang))}</h2>")
    out += [f'<p class="answer">{escape(s)}</p>' for s in common.answers(result, lang)]
    out.append(
        '<div class="cards">' + "".join(_headline(result, n, lang) for n in HEADLINES) + "</div>"
    )
    out.append(f'<p class="meta">{escape(common.rate_line(result, lang))}</p>')

    out.append(f"<h2>{escape(t('effort_by_partner', lang))}</h2>")
    out.append(_figure(charts.get("effort_vs_budget"), t("chart_effort", lang)))
    out.append(_table(common.effort_by_partner(result, lang), total_row=True))

    out.append(f"<h2>{escape(t('budget_and_headroom', lang))}</h2>")
    out.append(_table(common.by_year(result, lang)))

    out.append(f"<h2>{escape(t('payback_title', lang))}</h2>")
    out.append(_figure(charts.get("cumulative"), t("chart_cumulative", lang)))
    out.append(_figure(charts.get("baseline_vs_pact"), t("chart_baseline", lang)))

    adjusted = common.adjustments(result, lang)
    if adjusted is not None:
        out.append(f"<h3>{escape(adjusted.title)}</h3>")
        out.append(_table(adjusted))

    out.append(f"<h2>{escape(t('who_pays', lang))}</h2>")
    out.append(f"<p>{escape(t('who_pays_intro', lang))}</p>")
    out.append(_table(common.who_pays(result, lang), total_row=True))

    out.append(f"<h2>{escape(t('checks', lang))}</h2>")
    if result.checks:
        items = []
        for check in result.checks:
            cls, word = (
                ("ok", t("check_holds", lang)) if check.passed else ("fail", t("check_fails", lang))
            )
            items.append(
                f"<li><code>{escape(check.check.text)}</code> — "
                f'<span class="{cls}">{escape(word)}</span>: '
                f"{escape(common.check_detail(result, check, lang))}</li>"
            )
        out.append(f"<ul>{''.join(items)}</ul>")
    else:
        out.append(f"<p>{escape(t('no_checks', lang))}</p>")
    if document.warnings:
        out.append(f"<h2>{escape(t('warnings', lang))}</h2><ul>")
        out += [
            f"<li>{escape(p.where())}: {escape(p.message(lang))}</li>" for p in document.warnings
        ]
        out.append("</ul>")

    out.append(html_section(analysis, result, lang))

    out.append(f'<h2 class="pagebreak">{escape(t("inputs", lang))}</h2>')
    out.append(_inputs(result, lang))
    cited, assumed = common.sources(result, lang)
    out.append(f"<h3>{escape(t('assumptions', lang))}</h3>")
    out.append(
        "<ul>" + "".join(f"<li>{escape(a)}</li>" for a in assumed) + "</ul>"
        if assumed
        else f"<p>{escape(t('no_assumptions', lang))}</p>"
    )
    out.append(f"<h3>{escape(t('sources', lang))}</h3>")
    out.append("<ul>" + "".join(f"<li>{escape(c)}</li>" for c in cited) + "</ul>")

    out.append(f'<h2 class="pagebreak">{escape(t("audit_trail", lang))}</h2>')
    out.append(f"<p>{escape(t('audit_intro', lang))}</p>")
    trails = [explain(result, name, lang) for name in common_trail_names(result)]
    out += [_trail(trail, lang) for trail in trails if trail is not None]

    out.append(
        f"<footer>{escape(t('generated_by', lang, version=__version__))} · "
        f"{escape(document.file)}</footer>"
    )
    return page(scenario.name, "\n".join(out), lang)


def common_trail_names(result: Result) -> list[str]:
    """The trails in the report: the headline figures, what feeds them, then every line."""
    names = [
        *HEADLINES,
        "discounted_payback_years",
        "roi",
        "bcr",
        "budget_total",
        "baseline_total",
        "benefits_total",
        "headroom_total",
    ]
    return names + [line.name for line in result.lines]


def _figure(svg: str | None, caption: str) -> str:
    if not svg:
        return ""
    return f"<figure>{_svg(svg)}<figcaption>{escape(caption)}</figcaption></figure>"
