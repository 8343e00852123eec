"""The Markdown format: a report's sections as GitHub-flavoured Markdown.

How a block looks here: a heading with ``#``s by level, an answer in bold, a table as a
pipe table, a list with ``-``, a check with its text as code, a chart as an image of the
SVG file written beside the Markdown (when there is one), a text figure as a code block,
and an audit trail as a heading, its formula, a table of steps and its inputs. Cards and
the machine-only tables are left out. Every text is escaped: no raw HTML, no emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pactcalc.pipeline import Document
from pactcalc.render.text import visible
from pactcalc.report import build
from pactcalc.report.blocks import (
    Bullets,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    Trail,
    Verdicts,
)
from pactcalc.uncertainty import Analysis


def text(value: object) -> str:
    """Scenario text as Markdown text: no table breaks, no raw HTML (a Markdown viewer
    would render ``<script>`` as markup), no emphasis or code from ``*``, ``_``, `````;
    control characters and line breaks shown escaped (a ``\\r`` in a table cell would
    start a heading), see :func:`~pactcalc.render.text.visible`.

    >>> text("a\\rb # c|d")
    'a\\\\\\\\rb # c\\\\|d'
    """
    return (
        visible(value)
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
    )


def code(value: object) -> str:
    """Text as an inline code span: shown literally (no HTML is interpreted inside, so
    nothing is escaped but control characters and line breaks, shown as ``\\n``, ``\\x1b``),
    with a fence longer than any run of backticks in the text."""
    shown = visible(value)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    padded = f" {shown} " if shown.startswith("`") or shown.endswith("`") else shown
    return f"{fence}{padded}{fence}"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(table: Table, heading: str) -> list[str]:
    if not table.rows:
        return []  # machine rows only
    lines = [f"{heading} {text(table.title)}", ""] if heading else []
    header = table.header if any(table.header) else ["", ""]
    lines.append(_row([text(h) for h in header]))
    lines.append(
        _row(["---:" if table.alignment(i) == "right" else "---" for i in range(len(header))])
    )
    for row in table.rows:
        cells = [code(c) if i in table.code else text(c) for i, c in enumerate(row)]
        lines.append(_row(cells))
    return [*lines, ""]


def _paragraph(paragraph: Paragraph) -> list[str]:
    lines = [line for line in paragraph.lines if line]
    if not lines:
        return []
    if paragraph.emphasis:
        return [*(f"**{text(line)}**" for line in lines), ""]
    if paragraph.note or len(lines) == 1:
        return [*(text(line) for line in lines), ""]
    return [*(f"{text(line)}  " for line in lines), ""]  # lines of their own


def _trail(trail: Trail) -> list[str]:
    lines = [f"### {text(trail.title)}", "", code(trail.definition), ""]
    if trail.steps:
        lines += [f"| {text(trail.step_header[0])} | | = |", "| --- | --- | ---: |"]
        lines += [f"| {text(s.label)} | {text(s.formula)} | {text(s.value)} |" for s in trail.steps]
        lines.append("")
    if trail.conclusion:
        lines += [f"**{text(trail.conclusion)}**", ""]
    if trail.inputs:
        lines += [f"- {code(i.name)} = {text(i.value)} — {text(i.source)}" for i in trail.inputs]
        lines.append("")
    return lines


def _section(section: Section, charts: Mapping[str, str]) -> list[str]:
    hashes = "#" * section.level
    sub = "#" * (section.level + 1) if section.title else hashes
    lines: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines += _paragraph(block)
        elif isinstance(block, Table):
            title = block.title if block.title and block.title != section.title else ""
            lines += _table(block, sub if title else "")
        elif isinstance(block, Bullets):
            lines += [*(f"- {text(item)}" for item in block.items), ""]
        elif isinstance(block, Verdicts):
            lines += [f"- {code(v.subject)} — {v.verdict}: {text(v.detail)}" for v in block.items]
            lines.append("")
        elif isinstance(block, Figure):
            if block.chart in charts:
                lines += [f"![{text(block.caption)}]({charts[block.chart]})", ""]
            elif block.text:
                lines += [f"{sub} {text(block.title)}", "", "```"]
                lines += [visible(row).replace("`", "'") for row in block.text]
                lines += ["```", ""]
        elif isinstance(block, Trail):
            lines += _trail(block)
    if not lines:
        return []  # nothing this format can show
    if section.title:
        lines = [f"{hashes} {text(section.title)}", "", *lines]
    return lines


def draw_sections(sections: list[Section], charts: Mapping[str, str]) -> str:
    """Sections as Markdown (a part of a document)."""
    return "\n".join(line for section in sections for line in _section(section, charts))


def draw(report: Report, charts: Mapping[str, str] | None = None) -> str:
    """The report in Markdown. ``charts``: chart name → file name of its SVG beside the
    Markdown file; a chart without a file is left out."""
    lines: list[str] = []
    if report.title:
        lines += [f"# {text(report.title)}", ""]
        lines += [f"{text(line)}  " for line in report.header]
        lines.append("")
    for section in report.sections:
        lines += _section(section, charts or {})
    return "\n".join(lines)


def render(
    document: Document,
    lang: str,
    charts: dict[str, str] | None = None,
    analysis: Analysis | None = None,
) -> str:
    """The business case in Markdown. With ``charts`` (chart name → file name of its SVG
    beside the Markdown file) it is the full report: pictures, inputs and audit trails."""
    report = build(document, analysis, lang, full=charts is not None)
    return draw(report, charts)
