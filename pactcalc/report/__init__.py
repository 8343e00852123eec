"""The report model: a computed scenario (and its analysis) as an ordered list of
sections, written once for every format. See :mod:`pactcalc.report.blocks`.

:func:`build` holds the order of a business case's sections; each section's title,
sentences, tables and JSON data come from its builder (:mod:`.business`,
:mod:`.uncertainty`, :mod:`.trail_sections`). The formats (``pactcalc.render.*``) walk
the sections and hold no order, title or sentence of their own. Adding a section to every
format is one builder and one line in :func:`build`.

Actuals beside the plan (DOMAIN.md §8): :func:`.monitoring.build_monitor` is ``pactcalc
monitor``'s report, :func:`.monitoring.build_with_plan` the plan's full report with the
monitoring first (imported from :mod:`.monitoring`, so that ``run`` does not load them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactcalc.i18n import t
from pactcalc.pipeline import Document
from pactcalc.report import agreement, business, uncertainty
from pactcalc.report.blocks import Block, Paragraph, Report, Section

__all__ = ["build", "build_sensitivity", "build_simulation"]

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.model import Scenario
    from pactcalc.uncertainty import Analysis, Sensitivity, Simulation


def build(
    document: Document, analysis: Analysis | None = None, lang: str = "nl", full: bool = False
) -> Report:
    """The business case of a computed ``document`` as a report in ``lang``.

    ``full``: the report handed to a municipality (``pactcalc report``): key figures as
    cards, the pictures, the uncertainty chapter (with ``analysis``), the inputs and the
    audit trail of every figure. Without it, the quick view of ``pactcalc run``.
    """
    from pactcalc import __version__

    result = document.result
    assert result is not None
    sections: list[Section | None] = [
        business.answer(document, lang, full),
        business.effort(document, lang),
        business.by_year(document, lang),
        business.payback(document, lang) if full else None,
        business.who_pays(document, lang, full),
        *agreement.sections(document, lang, full, analysis if full else None),
        business.adjustments(document, lang),
        business.checks(document, lang, full),
        business.warnings(document, lang),
        *(uncertainty.report_sections(analysis, result, lang) if analysis and full else []),
        business.inputs(document, lang) if full else None,
        *business.sources_sections(document, lang, full),
        _audit_trail(document, lang) if full else None,
    ]
    footer = f"{t('generated_by', lang, version=__version__)} · {document.file}"
    return Report(
        title=result.scenario.name,
        lang=lang,
        sections=[s for s in sections if s is not None],
        header=business.header_lines(result, lang),
        result=result,
        analysis=analysis,
        footer=footer if full else "",
    )


def _audit_trail(document: Document, lang: str) -> Section:
    """How each figure is made: the formula, year by year, and the sourced inputs."""
    assert document.result is not None
    from pactcalc.report.trail_sections import trail_blocks  # the full report's only

    blocks: list[Block] = [Paragraph(t("audit_intro", lang)), *trail_blocks(document.result, lang)]
    return Section("audit_trail", t("audit_trail", lang), blocks, new_page=True)


def build_sensitivity(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> Report:
    """The report of ``pactcalc sensitivity``: one section, the tornado."""
    section = uncertainty.sensitivity_section(sens, scenario, lang)
    return Report(title="", lang=lang, sections=[section])


def build_simulation(sim: Simulation, lang: str = "nl") -> Report:
    """The report of ``pactcalc simulate``: the spread of the outcomes; with an agreement
    also how it moves each partner's risk (:func:`.agreement.risk_section`)."""
    found = [
        uncertainty.simulation_section(sim, lang),
        agreement.risk_section(sim, lang, uncertainty.SIMULATION_CSV_HEADER),
    ]
    return Report(title="", lang=lang, sections=[s for s in found if s], result=sim.result)
