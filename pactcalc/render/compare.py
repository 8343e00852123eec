"""``pactcalc compare``: headline metrics side by side, with the differences to the first
scenario, in the terminal, Markdown, HTML and CSV (the workbook is
:func:`pactcalc.render.xlsx.write_comparison`). Formatting only; the differences come from
:func:`pactcalc.engine.compare_results`.

Every format here has the signature ``(comparison, results, lang)``; the terminal's
:func:`renderable` returns a rich table.
"""

from __future__ import annotations

import csv
import io
import math
from typing import TYPE_CHECKING, Any

from pactcalc.engine import Comparison, Result
from pactcalc.i18n import money, number, t
from pactcalc.metrics import REGISTRY
from pactcalc.report.values import metric_text

if TYPE_CHECKING:
    from rich.table import Table as RichTable


def _difference(metric: str, value: float, lang: str) -> str:
    """A difference to the first scenario: signed, in the metric's own unit."""
    if math.isnan(value):
        return "—"
    if value == 0:
        return "="
    sign = "+" if value > 0 else ""
    kind = REGISTRY[metric].kind
    if kind == "years":
        return f"{sign}{number(value, lang, 1)}"
    if kind == "ratio":
        return f"{sign}{number(value, lang, 2)}"
    return f"{sign}{money(value, lang)}" if value > 0 else money(value, lang)


def table(
    comparison: Comparison, results: list[Result], lang: str
) -> tuple[list[str], list[list[str]]]:
    """Header and rows: a metric per row; per scenario its value, and from the second on
    the difference to the first in brackets."""
    header = [""] + comparison.names
    rows: list[list[str]] = []
    for j, metric in enumerate(comparison.metrics):
        row = [t(metric, lang)]
        for i, result in enumerate(results):
            value = comparison.values[i, j]
            text = metric_text(
                metric, None if math.isnan(value) else value, lang, len(result.years)
            )
            if i:
                text += f" ({_difference(metric, comparison.differences[i, j], lang)})"
            row.append(text)
        rows.append(row)
    return header, rows


def renderable(comparison: Comparison, results: list[Result], lang: str) -> RichTable:
    """The table for the terminal: metric names left, values right, folding rather than
    cutting a cell."""
    from rich.table import Table as RichTable

    header, rows = table(comparison, results, lang)
    shown = RichTable(title=t("compare_title", lang), title_justify="left", header_style="bold")
    for index, head in enumerate(header):
        shown.add_column(head, justify="left" if index == 0 else "right", overflow="fold")
    for row in rows:
        shown.add_row(*row)
    return shown


def markdown(comparison: Comparison, results: list[Result], lang: str) -> str:
    """A Markdown page: a heading and the table."""
    header, rows = table(comparison, results, lang)
    esc = [[c.replace("|", "\\|") for c in r] for r in [header, *rows]]
    lines = [
        f"# {t('compare_title', lang)}",
        "",
        "| " + " | ".join(esc[0]) + " |",
        "| --- |" + " ---: |" * (len(header) - 1),
    ]
    lines += ["| " + " | ".join(r) + " |" for r in esc[1:]]
    return "\n".join(lines) + "\n"


def as_csv(comparison: Comparison, results: list[Result], lang: str) -> str:
    """Raw numbers: one row per metric, a value column per scenario, then the differences
    (the same in every language: a machine reads it)."""
    from pactcalc.render.csv import neutralise

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [neutralise(n) for n in comparison.names]
    writer.writerow(["metric", *names, *(neutralise(f"diff: {n}") for n in comparison.names[1:])])
    for j, metric in enumerate(comparison.metrics):
        values: list[Any] = [_raw(v) for v in comparison.values[:, j]]
        diffs = [_raw(v) for v in comparison.differences[1:, j]]
        writer.writerow([metric, *values, *diffs])
    return out.getvalue()


def _raw(value: float) -> float | str:
    """A number for CSV: empty where there is none (no payback, no ratio)."""
    return "" if math.isnan(value) else float(value)


def html(comparison: Comparison, results: list[Result], lang: str) -> str:
    """A self-contained HTML page: a heading and the table."""
    from pactcalc.render.html import escape, page

    header, rows = table(comparison, results, lang)
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<{'th' if i == 0 else 'td'}>{escape(c)}</{'th' if i == 0 else 'td'}>"
            for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    content = (
        f"<h1>{escape(t('compare_title', lang))}</h1>"
        f"<table class='money'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    return page(t("compare_title", lang), content, lang)
