"""The SVG charts a report's figures name, drawn by :mod:`pactcalc.render.charts`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactcalc.report.blocks import Report

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.uncertainty import Analysis


def section_charts(analysis: Analysis | None, result: Result, lang: str) -> dict[str, str]:
    """The uncertainty chapter's charts by name as SVG text; none without an analysis (no
    parameter has a range)."""
    if analysis is None:
        return {}
    from pactcalc.render import charts

    sim = analysis.simulation
    names = {p.id: p.name for p in result.partners}
    return {
        "tornado": charts.tornado_svg(
            analysis.sensitivity, lang, charts.parameter_labels(result.scenario)
        ),
        "npv_distribution": charts.npv_distribution_svg(sim, lang),
        "fan_chart": charts.fan_chart_svg(sim, result.years, lang),
        "partner_nets": charts.partner_nets_svg(sim, names, lang),
    }


def report_charts(report: Report) -> dict[str, str]:
    """Every chart of a business case's report by name, as SVG text; with actuals beside
    the plan (``report.monitoring``) the monitoring charts first."""
    from pactcalc.render.charts import all_charts, monitoring_charts

    return {
        **monitoring_charts(report.monitoring, report.lang),
        **all_charts(report.result, report.lang),
        **section_charts(report.analysis, report.result, report.lang),
    }
