"""The HTML format: a report as one self-contained page (inline CSS, charts as inline SVG,
no network), readable on screen and printable on A4.

How a block looks here: a heading by level (kept with what follows it in print; no
forced page breaks, which left near-empty pages), an answer in bold, a note muted, the
key figures as cards linked to their audit trails, a table with amounts right-aligned
and a total row in bold (small tables unbroken in print, wide ones in smaller type), a
check with its verdict in colour, a chart as inline SVG with its caption, and each audit
trail with the trails it is made from linked (in print, the trails of lines in two
columns). Every text from the scenario is escaped; names break after ``_``, not
mid-word.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from pactcalc import __version__
from pactcalc.pipeline import Document
from pactcalc.render.text import visible
from pactcalc.report import build
from pactcalc.report.blocks import (
    Block,
    Bullets,
    Figure,
    Highlights,
    Paragraph,
    Report,
    Section,
    Table,
    Trail,
    Verdicts,
)
from pactcalc.uncertainty import Analysis

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
h2, h3, h4 { break-after: avoid; }
p { orphans: 2; widows: 2; }
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
table.small { break-inside: avoid; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid var(--line); padding: 1mm 1.5mm; vertical-align: top;
         text-align: left; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
table.money td, table.money th.right { text-align: right; font-variant-numeric: tabular-nums; }
table.money td { white-space: nowrap; }
table.wide { font-size: 8pt; }
table.wide th, table.wide td { padding: 0.8mm 1mm; }
tr.total td, tr.total th { font-weight: 700; border-top: 1px solid var(--ink); }
table.money td.wrap, td.wrap, table.money th.wrap { white-space: normal; text-align: left; }
table.money td.words { white-space: normal; min-width: 22mm; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 9pt; }
.ok { color: var(--good); font-weight: 700; }
.fail { color: var(--bad); font-weight: 700; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt;
       word-break: normal; overflow-wrap: break-word; }
ul { margin: 1mm 0 3mm; padding-left: 5mm; }
li { break-inside: avoid; }
.trail { break-inside: avoid; }
.trail.long { break-inside: auto; }
.trail > :first-child { margin-top: 3mm; }
footer { margin-top: 8mm; color: var(--muted); font-size: 8.5pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10pt; }
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 6mm; }
  figure svg { max-height: 115mm; }
  .trails { columns: 2; column-gap: 6mm; }
  .trail, .trails { font-size: 8.5pt; }
  .trail h3 { font-size: 9.5pt; margin: 0 0 0.5mm; }
  .trail p, .trail ul { margin: 0.5mm 0 1mm; }
  .trail table { font-size: 7.5pt; margin: 0.5mm 0 1mm; }
  .trail th, .trail td { padding: 0.3mm 1mm; }
  .trail code { font-size: 7pt; }
}
"""


def escape(text: Any) -> str:
    """Scenario text as HTML text: ``<script>`` shows as text, never runs; a control or
    bidi character (U+202E would reorder what follows) shows as its escape
    (:func:`~pactcalc.render.text.visible`)."""
    return _html.escape(visible(text), quote=True)


def page(title: str, content: str, lang: str) -> str:
    """A complete, self-contained HTML document."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="pactcalc {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{content}\n</body>\n</html>\n"
    )


def anchor(name: str) -> str:
    """The id of a trail's element: ``trail-npv``."""
    return "trail-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


#: Where a name as written in the scenario may break: after ``_``, ``/`` and ``.``
#: (``uren_specialistisch_per_week`` breaks at its parts, never inside a word).
_NAME_BREAKS = re.compile(r"(?<=[_/.])(?=.)")
#: A run this long with no break in it is cut anyway (the last resort: a table column
#: must not push the page wider than A4).
_LONGEST_RUN = 24
_NAME_RUN = re.compile(rf"[^\s_/.]{{{_LONGEST_RUN + 1},}}")
_PROSE_RUN = re.compile(rf"\S{{{_LONGEST_RUN + 1},}}")
_BREAK = "\0"  # a break while the text is escaped: visible() has escaped every NUL


def _cut_runs(text: str, run: re.Pattern[str]) -> str:
    return run.sub(
        lambda found: _BREAK.join(
            found[0][i : i + _LONGEST_RUN] for i in range(0, len(found[0]), _LONGEST_RUN)
        ),
        text,
    )


def breakable(text: str) -> str:
    """A name as written in the scenario (a parameter, a formula) as escaped HTML that
    breaks after ``_``, ``/`` and ``.`` (a ``<wbr>``) and at spaces, and inside a run of
    more than :data:`_LONGEST_RUN` characters without either; never elsewhere, so that a
    name does not break mid-word.

    >>> breakable("uren_per_week <b>")
    'uren_<wbr>per_<wbr>week &lt;b&gt;'
    """
    shown = _NAME_BREAKS.sub(_BREAK, _cut_runs(visible(text), _NAME_RUN))
    return _html.escape(shown, quote=True).replace(_BREAK, "<wbr>")


def wrappable(text: str) -> str:
    """Prose from the scenario (a name as a header or a row's label) as escaped HTML
    that breaks where the browser breaks prose, and inside a run of more than
    :data:`_LONGEST_RUN` characters without a space: one long word must not make a
    table wider than the page.

    >>> wrappable("Zorg " + "x" * 30)
    'Zorg xxxxxxxxxxxxxxxxxxxxxxxx<wbr>xxxxxx'
    """
    shown = _cut_runs(visible(text), _PROSE_RUN)
    return _html.escape(shown, quote=True).replace(_BREAK, "<wbr>")


def _alignment_class(table: Table, column: int) -> str:
    """The CSS class of a column's cells: ``right`` (amounts), ``wrap`` (text that
    wraps) or none (left, as it is)."""
    align = table.alignment(column)
    return {"right": "right", "text": "wrap"}.get(align, "")


def _cell(table: Table, column: int, value: str) -> str:
    shown = breakable(value) if column in table.code else wrappable(value)
    if column in table.code:
        shown = f"<code>{shown}</code>"
    if column == table.linked:
        shown = f'<a href="#{anchor(value)}">{shown}</a>'
    if column == 0:
        return f"<th>{shown}</th>"
    if table.alignment(column) == "text":
        return f"<td class='wrap'>{shown}</td>"
    if len(value) > LONGEST_AMOUNT:  # words in an amount column ("not within …")
        return f"<td class='words'>{shown}</td>"
    return f"<td>{shown}</td>"


#: An amount column's cells stay on one line up to this many characters (``€
#: -12.345.678.901``); a longer cell is words (no payback within the horizon) and wraps.
LONGEST_AMOUNT = 18


#: A table of at most this many rows is kept on one page in print.
SMALL_TABLE = 15
#: A table of more columns than this gets smaller type (the year tables, adjustments,
#: a comparison of three scenarios).
WIDE_TABLE = 5


#: The most amount columns a table shows side by side: eight amounts of up to
#: € 99.999.999 in 8 pt and the label fill the width of A4. A table with more (a
#: ten-year horizon's years and total) is drawn as parts that repeat the label column.
MOST_AMOUNT_COLUMNS = 7


def _column_parts(table: Table) -> list[Table]:
    """``table`` as one table, or, when it has more than :data:`MOST_AMOUNT_COLUMNS`
    amount columns, as parts as even in size as possible (the larger ones first), each
    with the first (label) column."""
    others = list(range(1, len(table.header)))
    if len(others) <= MOST_AMOUNT_COLUMNS or any(table.alignment(c) != "right" for c in others):
        return [table]
    count = -(-len(others) // MOST_AMOUNT_COLUMNS)
    size, extra = divmod(len(others), count)
    parts, start = [], 0
    for part in range(count):
        end = start + size + (1 if part < extra else 0)
        kept = [0, *others[start:end]]
        parts.append(
            replace(
                table,
                header=[table.header[c] for c in kept],
                rows=[[row[c] for c in kept] for row in table.rows],
                align=[table.alignment(c) for c in kept],
                code=[kept.index(c) for c in table.code if c in kept],
                linked=0 if table.linked == 0 else None,
            )
        )
        start = end
    return parts


def _table(table: Table) -> str:
    return "".join(_one_table(part) for part in _column_parts(table))


def _one_table(table: Table) -> str:
    heads = []
    for column, text in enumerate(table.header):
        css = _alignment_class(table, column) if column else ""
        attribute = f' class="{css}"' if css else ""
        heads.append(f"<th{attribute}>{wrappable(text)}</th>")
    rows = []
    for i, row in enumerate(table.rows):
        total = ' class="total"' if table.total_row and i == len(table.rows) - 1 else ""
        cells = "".join(_cell(table, j, c) for j, c in enumerate(row))
        rows.append(f"<tr{total}>{cells}</tr>")
    thead = f"<thead><tr>{''.join(heads)}</tr></thead>" if any(table.header) else ""
    classes = ["money"]
    if len(table.rows) <= SMALL_TABLE:
        classes.append("small")
    if len(table.header) > WIDE_TABLE:
        classes.append("wide")
    return f'<table class="{" ".join(classes)}">{thead}<tbody>{"".join(rows)}</tbody></table>'


def _svg(svg: str) -> str:
    """An SVG document as inline markup: without its XML declaration and doctype."""
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg.strip())
    return re.sub(r"^<!DOCTYPE[^>]*>\s*", "", svg)


def _figure(figure: Figure, charts: Mapping[str, str]) -> str:
    svg = charts.get(figure.chart)
    if not svg:
        return ""
    return f"<figure>{_svg(svg)}<figcaption>{escape(figure.caption)}</figcaption></figure>"


def _cards(cards: Highlights) -> str:
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><div class="label">{escape(c.label)}</div>'
            f'<div class="value"><a href="#{anchor(c.link)}">{escape(c.value)}</a></div>'
            f'<div class="says">{escape(c.says)}</div></div>'
            for c in cards.items
        )
        + "</div>"
    )


def _verdicts(verdicts: Verdicts) -> str:
    items = []
    for v in verdicts.items:
        css = "ok" if v.passed else "fail"
        items.append(
            f"<li><code>{escape(v.subject)}</code> — "
            f'<span class="{css}">{escape(v.verdict)}</span>: {escape(v.detail)}</li>'
        )
    return f"<ul>{''.join(items)}</ul>"


#: A trail of more steps than this may break across pages: kept whole, it would push its
#: heading to the next page and leave the page before it near-empty.
LONG_TRAIL_STEPS = 12


def _trail_class(trail: Trail) -> str:
    return "trail long" if len(trail.steps) > LONG_TRAIL_STEPS else "trail"


def _trail(trail: Trail) -> str:
    parts = [
        f'<div class="{_trail_class(trail)}" id="{anchor(trail.id)}">',
        f"<h3>{escape(trail.title)}</h3>",
        f"<p><code>{breakable(trail.definition)}</code></p>",
    ]
    if trail.steps:
        rows = "".join(
            f"<tr><th>{escape(s.label)}</th><td class='wrap'><code>{breakable(s.formula)}</code>"
            f"</td><td>{escape(s.value)}</td></tr>"
            for s in trail.steps
        )
        head = "".join(f"<th>{escape(h)}</th>" for h in trail.step_header)
        parts.append(
            f'<table class="money steps"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    if trail.conclusion:
        parts.append(f"<p><strong>{escape(trail.conclusion)}</strong></p>")
    if trail.feeds:
        links = ", ".join(f'<a href="#{anchor(f)}">{escape(f)}</a>' for f in trail.feeds)
        parts.append(f"<p>{escape(trail.feeds_label)} {links}</p>")
    if trail.inputs:
        items = "".join(
            f"<li><code>{breakable(i.name)}</code> = {escape(i.value)} — {escape(i.source)}</li>"
            for i in trail.inputs
        )
        parts.append(f"<ul>{items}</ul>")
    parts.append("</div>")
    return "".join(parts)


def _block(block: Block, section: Section, charts: Mapping[str, str]) -> list[str]:
    if isinstance(block, Paragraph):
        css = ' class="answer"' if block.emphasis else ' class="meta"' if block.note else ""
        return [f"<p{css}>{escape(line)}</p>" for line in block.lines if line]
    if isinstance(block, Table):
        if not block.rows:
            return []  # machine rows only
        title = block.title if block.title != section.title else ""
        level = section.level + 1
        return [*([f"<h{level}>{escape(title)}</h{level}>"] if title else []), _table(block)]
    if isinstance(block, Bullets):
        return ["<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"]
    if isinstance(block, Verdicts):
        return [_verdicts(block)]
    if isinstance(block, Highlights):
        return [_cards(block)]
    if isinstance(block, Figure):
        drawn = _figure(block, charts)
        return [drawn] if drawn else []
    return [_trail(block)]


#: A trail whose widest formula step has at most this many characters is narrow: in
#: print, narrow trails stand in two columns (a line's trail: ``30 × € 31.000``).
NARROW_TRAIL = 40


def _narrow(block: Block) -> bool:
    return isinstance(block, Trail) and all(len(s.formula) <= NARROW_TRAIL for s in block.steps)


def _section(section: Section, charts: Mapping[str, str]) -> list[str]:
    parts: list[str] = []
    narrow: list[str] = []  # consecutive narrow trails, set in two columns in print
    for block in section.blocks:
        drawn = _block(block, section, charts)
        if _narrow(block):
            narrow += drawn
            continue
        if narrow:
            parts.append(f'<div class="trails">{"".join(narrow)}</div>')
            narrow = []
        parts += drawn
    if narrow:
        parts.append(f'<div class="trails">{"".join(narrow)}</div>')
    if not parts:
        return []  # nothing this format can show
    if section.title:
        # ``new_page`` is not a forced page break here: a chapter that starts on a new
        # page leaves the page before it near-empty when the chapter before ends near
        # its top. Headings keep with what follows them instead (``break-after: avoid``).
        level = section.level
        css = ' class="chapter"' if section.new_page else ""
        parts.insert(0, f"<h{level}{css}>{escape(section.title)}</h{level}>")
    return parts


def draw_sections(sections: list[Section], charts: Mapping[str, str]) -> str:
    """Sections as HTML (a part of a page)."""
    return "\n".join(part for section in sections for part in _section(section, charts))


def draw(report: Report, charts: Mapping[str, str]) -> str:
    """The report as one HTML page; ``charts``: chart name → SVG text."""
    out = [f"<h1>{escape(report.title)}</h1>"]
    out += [f'<p class="meta">{escape(line)}</p>' for line in report.header]
    for section in report.sections:
        out += _section(section, charts)
    if report.footer:
        out.append(f"<footer>{escape(report.footer)}</footer>")
    return page(report.title, "\n".join(out), report.lang)


def render(document: Document, lang: str, analysis: Analysis | None = None) -> str:
    """The report as one HTML page; with ``analysis`` (the scenario has ranges) it gains
    the uncertainty chapter."""
    from pactcalc.render.figures import report_charts

    report = build(document, analysis, lang, full=True)
    return draw(report, report_charts(report))
