"""Charts as SVG text (or PNG bytes) for the HTML and Markdown reports: formatting only.

One entry point draws any chart by name, for the report model's ``Figure(chart=...)``
blocks (:mod:`pactcalc.report.blocks`)::

    charts.svg("cumulative", result, analysis, "nl")      # SVG text, inlinable in HTML
    charts.png("tornado", result, analysis, "en", dpi=150)  # PNG bytes

:data:`NAMES` lists the valid names. The package is split along its seams:

* :mod:`~pactcalc.render.charts.base`: palette, sizes, rc parameters, one renderer to
  bytes with the deterministic SVG settings, one legend, the axes and money ticks;
* :mod:`~pactcalc.render.charts.business`: cumulative net, effort against budget, cost
  without the PACT beside the cost in the PACT situation (from the Result);
* :mod:`~pactcalc.render.charts.agreement`: each partner's net before and after the
  agreement (DOMAIN.md §7), only for a scenario with one;
* :mod:`~pactcalc.render.charts.uncertainty`: tornado, NPV distribution, fan chart and
  partner nets (from the Analysis: sensitivity and simulation);
* :mod:`~pactcalc.render.charts.monitoring`: the plan's cumulative net against the
  current expectation, the variance waterfall and the KPIs against target (from the
  Monitoring of actuals beside the plan, DOMAIN.md §8).

Every number plotted is a field of the engine's or the analysis' results as is; the only
arithmetic is layout. matplotlib is imported inside the functions that draw, so that
importing this package (and ``pactcalc run``) stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactcalc.render.charts.agreement import (
    AGREEMENT_CHARTS,
    agreement_charts,
    agreement_nets_spec,
    agreement_nets_svg,
)
from pactcalc.render.charts.base import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    FONT_STACK,
    HEIGHT_IN,
    ORANGE,
    PARTNER_COLOURS,
    PARTNER_HATCHES,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    WIDTH_IN,
    YELLOW,
    ChartSpec,
    money_tick,
    render,
    svg_text,
)
from pactcalc.render.charts.business import (
    BUSINESS_CHARTS,
    baseline_vs_pact_svg,
    business_spec,
    captions,
    chart_bytes,
    cumulative_svg,
    effort_vs_budget_svg,
)
from pactcalc.render.charts.business import (
    all_charts as business_charts,
)
from pactcalc.render.charts.monitoring import (
    MONITORING_CHARTS,
    monitoring_charts,
    monitoring_spec,
)
from pactcalc.render.charts.uncertainty import (
    UNCERTAINTY_CHARTS,
    fan_chart_spec,
    fan_chart_svg,
    npv_distribution_spec,
    npv_distribution_svg,
    partner_nets_spec,
    partner_nets_svg,
    tornado_spec,
    tornado_svg,
    uncertainty_chart_bytes,
)

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.model import Scenario
    from pactcalc.monitor import Monitoring
    from pactcalc.uncertainty import Analysis


def all_charts(result: Result, lang: str) -> dict[str, str]:
    """Every chart of a computed scenario that needs no analysis, by name, in the order
    the reports show them: the business charts, then with an agreement its chart."""
    return {**business_charts(result, lang), **agreement_charts(result, lang)}


#: The charts every report can show, by name, in the order the reports show them; a
#: scenario with an agreement has :data:`AGREEMENT_CHARTS` besides (after the business ones).
NAMES: tuple[str, ...] = (*BUSINESS_CHARTS, *UNCERTAINTY_CHARTS)

__all__ = [
    "BLACK",
    "BLUE",
    "BLUISH_GREEN",
    "FONT_STACK",
    "HEIGHT_IN",
    "NAMES",
    "ORANGE",
    "PARTNER_COLOURS",
    "PARTNER_HATCHES",
    "REDDISH_PURPLE",
    "SKY_BLUE",
    "VERMILLION",
    "WIDTH_IN",
    "YELLOW",
    "AGREEMENT_CHARTS",
    "MONITORING_CHARTS",
    "ChartSpec",
    "agreement_charts",
    "agreement_nets_svg",
    "all_charts",
    "baseline_vs_pact_svg",
    "captions",
    "chart_bytes",
    "chart_spec",
    "cumulative_svg",
    "effort_vs_budget_svg",
    "fan_chart_svg",
    "monitoring_charts",
    "money_tick",
    "npv_distribution_svg",
    "partner_nets_svg",
    "png",
    "svg",
    "tornado_svg",
    "parameter_labels",
    "uncertainty_chart_bytes",
]


def chart_spec(
    name: str,
    result: Result,
    analysis: Analysis | None,
    lang: str,
    monitoring: Monitoring | None = None,
) -> ChartSpec:
    """The chart ``name`` (one of :data:`NAMES`, :data:`AGREEMENT_CHARTS` or
    :data:`MONITORING_CHARTS`) of a computed scenario: the business and agreement charts
    from ``result``, the uncertainty charts from ``analysis`` (its sensitivity and
    simulation; the years and partner names from ``result``), the monitoring charts from
    ``monitoring``.

    A ValueError names the problem: an unknown chart, an uncertainty chart without an
    analysis (the scenario has no ranges), or a monitoring chart without actuals."""
    if name in MONITORING_CHARTS:
        if monitoring is None:
            raise ValueError(f"the chart {name!r} needs a monitoring (an actuals file)")
        return monitoring_spec(name, monitoring, lang)
    if name in BUSINESS_CHARTS:
        return business_spec(name, result, lang)
    if name in AGREEMENT_CHARTS:
        return agreement_nets_spec(result, lang)
    if name not in UNCERTAINTY_CHARTS:
        known = ", ".join((*NAMES, *AGREEMENT_CHARTS, *MONITORING_CHARTS))
        raise ValueError(f"no chart named {name!r}; the charts are: {known}")
    if analysis is None:
        raise ValueError(f"the chart {name!r} needs an analysis (a scenario with ranges)")
    simulation = analysis.simulation
    if name == "tornado":
        return tornado_spec(analysis.sensitivity, lang, parameter_labels(result.scenario))
    if name == "npv_distribution":
        return npv_distribution_spec(simulation, lang)
    if name == "fan_chart":
        return fan_chart_spec(simulation, result.years, lang)
    return partner_nets_spec(simulation, {p.id: p.name for p in result.partners}, lang)


def parameter_labels(scenario: Scenario) -> dict[str, str]:
    """Each parameter as a reader knows it, by id: its ``label``, else its id (the same
    words as the report's tables)."""
    from pactcalc.report.uncertainty import parameter_label

    return {name: parameter_label(scenario, name) for name in scenario.parameters}


def svg(
    name: str,
    result: Result,
    analysis: Analysis | None,
    lang: str,
    monitoring: Monitoring | None = None,
) -> str:
    """The chart ``name`` as SVG text, inlinable in HTML (see :func:`chart_spec`)."""
    return svg_text(chart_spec(name, result, analysis, lang, monitoring))


def png(
    name: str,
    result: Result,
    analysis: Analysis | None,
    lang: str,
    dpi: int = 150,
    monitoring: Monitoring | None = None,
) -> bytes:
    """The chart ``name`` as PNG bytes at ``dpi`` (see :func:`chart_spec`)."""
    return render(chart_spec(name, result, analysis, lang, monitoring), "png", dpi)
