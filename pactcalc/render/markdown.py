"""Markdown output: the same sections as the terminal, as GitHub-flavoured tables."""

from __future__ import annotations

from pactcalc.api import Document
from pactcalc.i18n import t
from pactcalc.render import common
from pactcalc.render.common import Table


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(table: Table) -> list[str]:
    lines = [f"## {_cell(table.title)}", ""]
    header = table.header if any(table.header) else ["", ""]
    lines.append("| " + " | ".join(_cell(h) for h in header) + " |")
    align = ["---"] + ["---:"] * (len(header) - 1)
    lines.append("| " + " | ".join(align) + " |")
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return [*lines, ""]


def render(document: Document, lang: str) -> str:
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
    for table in (
        common.effort_by_partner(result, lang),
        common.by_year(result, lang),
        common.who_pays(result, lang),
    ):
        lines += _table(table)
    if result.checks:
        lines += [f"## {t('checks', lang)}", ""]
        for check in result.checks:
            verdict = t("check_holds" if check.passed else "check_fails", lang)
            lines.append(
                f"- `{_cell(check.check.text)}` — {verdict}: "
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
    return "\n".join(lines)
