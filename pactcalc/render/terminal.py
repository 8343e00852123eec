"""The terminal view: rich tables that answer first."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.table import Table as RichTable
from rich.text import Text

from pactcalc.api import Document
from pactcalc.explain import Trail
from pactcalc.i18n import money, t
from pactcalc.render import common
from pactcalc.render.common import Table


def _rich_table(table: Table, show_header: bool = True) -> RichTable:
    rich = RichTable(
        title=table.title,
        title_justify="left",
        title_style="bold",
        show_header=show_header,
        header_style="bold",
    )
    for i, head in enumerate(table.header):
        if i == 0:  # labels may wrap; numbers are never cut
            width = min(24, max(len(head), *(len(row[0]) for row in table.rows)))
            rich.add_column(head, justify="left", overflow="fold", min_width=width)
        else:
            width = max(len(head), *(len(row[i]) for row in table.rows))
            rich.add_column(head, justify="right", no_wrap=True, min_width=width)
    for row in table.rows:
        rich.add_row(*row)
    return rich


def _tables(document: Document, lang: str) -> list[Table]:
    result = document.result
    assert result is not None
    return [
        common.summary(result, lang),
        common.effort_by_partner(result, lang),
        common.by_year(result, lang),
        common.who_pays(result, lang),
    ]


def required_width(document: Document, lang: str) -> int:
    """Characters a line needs so that no number is cut: a console narrower than this
    is widened (the terminal then wraps the line, but every digit stays)."""
    widest = 0
    for table in _tables(document, lang):
        first = min(24, max(len(table.header[0]), *(len(row[0]) for row in table.rows)))
        numbers = sum(
            max(len(table.header[i]), *(len(row[i]) for row in table.rows))
            for i in range(1, len(table.header))
        )
        widest = max(widest, first + numbers + 3 * len(table.header) + 1)
    return widest


def renderable(document: Document, lang: str) -> Group:
    result = document.result
    assert result is not None
    parts: list = [Text(result.scenario.name, style="bold underline")]
    for line in common.header_lines(result, lang):
        parts.append(Text(line, style="dim"))
    parts.append(Text(""))
    for sentence in common.answers(result, lang):
        parts.append(Text(sentence, style="bold"))
    parts.append(Text(""))
    parts.append(cumulative_picture(document, lang))
    parts.append(Text(""))
    summary, *tables = _tables(document, lang)
    parts.append(_rich_table(summary, show_header=False))
    parts.append(Text(common.rate_line(result, lang), style="dim"))
    adjusted = common.adjustments(result, lang)
    for table in [*tables, *([adjusted] if adjusted else [])]:
        parts.append(Text(""))
        parts.append(_rich_table(table))
    if result.checks:
        parts += [Text(""), Text(t("checks", lang), style="bold")]
        for check in result.checks:
            verdict = t("check_holds" if check.passed else "check_fails", lang)
            mark, style = ("✓", "green") if check.passed else ("✗", "red")
            parts.append(
                Text.assemble(
                    (f"{mark} ", style),
                    f"{check.check.text} — {verdict}: ",
                    common.check_detail(result, check, lang),
                )
            )
    if document.warnings:
        parts += [Text(""), Text(t("warnings", lang), style="bold yellow")]
        for problem in document.warnings:
            parts.append(
                Text(f"{problem.where()}: {problem.code} {problem.message(lang)}", style="yellow")
            )
    cited, assumed = common.sources(result, lang)
    parts += [Text(""), Text(t("sources", lang), style="bold")]
    parts += [Text(f"• {s}") for s in cited]
    if assumed:
        parts += [Text(""), Text(t("assumptions", lang), style="bold")]
        parts += [Text(f"• {s}") for s in assumed]
    return Group(*parts)


def render(document: Document, lang: str, console: Console | None = None) -> str:
    """Plain text of the terminal view (for --output); printing uses :func:`renderable`."""
    console = console or Console(
        width=max(100, required_width(document, lang)),
        record=True,
        file=io.StringIO(),
        color_system=None,
    )
    console.print(renderable(document, lang), crop=False)
    return console.export_text()


def explain_renderable(trail: Trail, lang: str) -> Group:
    """An audit trail: definition, year by year with the values put in, what feeds it,
    and the inputs with their sources."""
    parts: list[Any] = [
        Text(f"{trail.name} = {trail.value}", style="bold"),
        Text(trail.definition, style="dim"),
        Text(""),
    ]
    if trail.steps:
        table = RichTable(show_header=True, header_style="bold")
        table.add_column(t("year", lang))
        table.add_column(_EXPLAIN[lang][0], overflow="fold")
        table.add_column("=", justify="right", no_wrap=True)
        for step in trail.steps:
            table.add_row(str(step.year), step.formula, step.value)
        parts.append(table)
    if trail.conclusion:
        parts.append(Text(trail.conclusion, style="bold"))
    if trail.feeds:
        parts += [Text(""), Text(_EXPLAIN[lang][1] + ", ".join(trail.feeds))]
        parts.append(Text(_EXPLAIN[lang][2], style="dim"))
    if trail.inputs:
        parts += [Text(""), Text(_EXPLAIN[lang][3], style="bold")]
        for item in trail.inputs:
            unit = f" {item.unit}" if item.unit else ""
            parts.append(
                Text.assemble(
                    f"• {item.name} = ",
                    (f"{item.value}{unit}", "bold"),
                    f" — {_EXPLAIN[lang][7]}: {item.source or _EXPLAIN[lang][8]}",
                )
            )
    return Group(*parts)


_EXPLAIN = {
    "nl": (
        "ingevuld",
        "Volgt uit: ",
        "(pactcalc explain FILE NAAM voor elk daarvan)",
        "Invoer",
        "naam",
        "waarde",
        "eenheid",
        "bron",
        "geen bron (aanname)",
    ),
    "en": (
        "values put in",
        "Made from: ",
        "(pactcalc explain FILE NAME for each of them)",
        "Inputs",
        "name",
        "value",
        "unit",
        "source",
        "no source (assumption)",
    ),
}


def cumulative_picture(document: Document, lang: str, width: int = 24) -> Group:
    """The cumulative net per year as bars either side of a zero axis, with the payback
    moment in words: the shape of the business case at a glance."""
    result = document.result
    assert result is not None
    values = [float(v) for v in result.cumulative_per_year]
    scale = max((abs(v) for v in values), default=0.0) or 1.0
    rows = [Text(t("cumulative_title", lang), style="bold")]
    for year, value in zip(result.years, values, strict=True):
        # bar length is drawing, not arithmetic; a non-zero value always shows
        cells = max(1, round(abs(value) / scale * width)) if value else 0
        left = ("█" * cells).rjust(width) if value < 0 else " " * width
        right = ("█" * cells).ljust(width) if value >= 0 else " " * width
        rows.append(
            Text.assemble(
                f"{year}  ", (left, "red"), "│", (right, "green"), f"  {money(value, lang)}"
            )
        )
    return Group(*rows)
