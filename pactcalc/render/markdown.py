"""Markdown output: the same sections as the terminal, as GitHub-flavoured tables."""

from __future__ import annotations

import re

from pactcalc.api import Document
from pactcalc.i18n import t
from pactcalc.render import common
from pactcalc.render.common import Table
from pactcalc.render.uncertainty import markdown_section
from pactcalc.uncertainty import Analysis


def _cell(text: str) -> str:
    """Scenario text as Markdown text: no table breaks, no raw HTML (a Markdown viewer
    would render ``<script>`` as markup), no emphasis or code from ``*``, ``_``, `````."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("`", "\\`")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("\n", " ")
    )


text = _cell  # the public name: other renderers escape Markdown with it


def _code(text: str) -> str:
    """Text as an inline code span: shown literally (no HTML is interpreted inside, so
    nothing is escaped), with a fence longer than any run of backticks in the text."""
    text = str(text).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _table(table: Table) -> list[str]:
    lines = [f"## {_cell(table.title)}", ""]
    header = table.header if any(table.header) else ["", ""]
    lines.append("| " + " | ".join(_cell(h) for h in header) + " |")
    align = ["---"] + ["---:"] * (len(header) - 1)
    lines.append("| " + " | ".join(align) + " |")
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return [*lines, ""]


def render(
    document: Document,
    lang: str,
    charts: dict[str, str] | None = None,
    analysis: Analysis | None = None,
) -> str:
    """The business case in Markdown. With ``charts`` (chart name → file name of its SVG
    beside the Markdown file) it is the full report: pictures, inputs and audit trails."""
    result = document.result
    assert result is not None
    scenario = result.scenario
    lines = [f"# {_cell(scenario.name)}", ""]
    lines += [f"{_cell(line)}  " for line in common.header_lines(result, lang)]
    lines.append("")
    lines += [f"**{_cell(s)}**" for s in common.answers(result, lang)]
    lines.append("")
    lines += _table(common.summary(result, lang))
    lines += [_cell(common.rate_line(result, lang)), ""]
    for name, caption in (
        ("cumulative", "chart_cumulative"),
        ("effort_vs_budget", "chart_effort"),
        ("baseline_vs_pact", "chart_baseline"),
    ):
        if charts and name in charts:
            lines += [f"![{_cell(t(caption, lang))}]({charts[name]})", ""]
    adjusted = common.adjustments(result, lang)
    for table in (
        common.effort_by_partner(result, lang),
        common.by_year(result, lang),
        common.who_pays(result, lang),
        *([adjusted] if adjusted else []),
    ):
        lines += _table(table)
    if analysis is not None:
        lines += [markdown_section(analysis, result, lang, charts or {}), ""]
    if result.checks:
        lines += [f"## {t('checks', lang)}", ""]
        for check in result.checks:
            verdict = t("check_holds" if check.passed else "check_fails", lang)
            lines.append(
                f"- {_code(check.check.text)} — {verdict}: "
                f"{_cell(common.check_detail(result, check, lang))}"
            )
        lines.append("")
    if document.warnings:
        lines += [f"## {t('warnings', lang)}", ""]
        lines += [f"- {_cell(p.where())}: {_cell(p.message(lang))}" for p in document.warnings]
        lines.append("")
    cited, assumed = common.sources(result, lang)
    lines += [f"## {t('sources', lang)}", ""] + [f"- {_cell(s)}" for s in cited] + [""]
    if assumed:
        lines += [f"## {t('assumptions', lang)}", ""] + [f"- {_cell(s)}" for s in assumed]
        lines.append("")
    if charts is not None:
        lines += _trails(document, lang)
    return "\n".join(lines)


def _trails(document: Document, lang: str) -> list[str]:
    from pactcalc.explain import explain
    from pactcalc.render.html import common_trail_names

    result = document.result
    assert result is not None
    lines = [f"## {_cell(t('audit_trail', lang))}", "", _cell(t("audit_intro", lang)), ""]
    for name in common_trail_names(result):
        trail = explain(result, name, lang)
        if trail is None:
            continue
        lines += [
            f"### {_cell(trail.name)} = {_cell(trail.value)}",
            "",
            _code(trail.definition),
            "",
        ]
        if trail.steps:
            lines += [f"| {t('year', lang)} | | = |", "| --- | --- | ---: |"]
            lines += [f"| {s.year} | {_cell(s.formula)} | {_cell(s.value)} |" for s in trail.steps]
            lines.append("")
        if trail.conclusion:
            lines += [f"**{_cell(trail.conclusion)}**", ""]
        if trail.inputs:
            lines += [
                f"- {_code(i.name)} = {_cell(i.value)}{' ' + _cell(i.unit) if i.unit else ''}"
                f" — {_cell(i.source or t('no_source', lang))}"
                for i in trail.inputs
            ]
            lines.append("")
    return lines
