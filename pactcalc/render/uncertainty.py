"""The entry points of ``pactcalc sensitivity`` and ``pactcalc simulate`` per format, and
the uncertainty chapter on its own: each builds the report model
(:mod:`pactcalc.report.uncertainty`) and draws it with a format (``render.*``).

# TODO(integrator): cli.py, xlsx.py and the tests still import these names from here;
# once they call ``pactcalc.report`` and the formats' ``draw`` directly, delete this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.console import Group

from pactcalc.render import csv as csv_format
from pactcalc.render import json as json_format
from pactcalc.render import markdown as markdown_format
from pactcalc.render import terminal as terminal_format
from pactcalc.render.figures import section_charts
from pactcalc.render.terminal import required_width_of as required_width
from pactcalc.render.terminal import to_text
from pactcalc.report import build_sensitivity, build_simulation
from pactcalc.report.uncertainty import (
    BAR_WIDTH,
    CHART_NAMES,
    HISTOGRAM_BINS,
    SENSITIVITY_CSV_HEADER,
    SIMULATION_CSV_HEADER,
    event_text,
    histogram_rows,
    report_sections,
    switching_sentences,
)

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.model import Scenario
    from pactcalc.uncertainty import Analysis, Sensitivity, Simulation

__all__ = [
    "BAR_WIDTH",
    "CHART_NAMES",
    "HISTOGRAM_BINS",
    "SENSITIVITY_CSV_HEADER",
    "SIMULATION_CSV_HEADER",
    "event_text",
    "histogram_rows",
    "html_section",
    "markdown_section",
    "required_width",
    "section_charts",
    "sensitivity_csv",
    "sensitivity_json",
    "sensitivity_markdown",
    "sensitivity_renderable",
    "simulation_csv",
    "simulation_json",
    "simulation_markdown",
    "simulation_renderable",
    "switching_sentences",
    "to_text",
]


def sensitivity_renderable(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> Group:
    return terminal_format.draw(build_sensitivity(sens, scenario, lang))


def sensitivity_json(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> str:
    return json_format.draw(build_sensitivity(sens, scenario, lang))


def sensitivity_csv(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> str:
    return csv_format.draw(build_sensitivity(sens, scenario, lang))


def sensitivity_markdown(sens: Sensitivity, scenario: Scenario, lang: str = "nl") -> str:
    return markdown_format.draw(build_sensitivity(sens, scenario, lang))


def simulation_renderable(sim: Simulation, lang: str = "nl") -> Group:
    return terminal_format.draw(build_simulation(sim, lang))


def simulation_json(sim: Simulation, lang: str = "nl") -> str:
    return json_format.draw(build_simulation(sim, lang))


def simulation_csv(sim: Simulation, lang: str = "nl") -> str:
    return csv_format.draw(build_simulation(sim, lang))


def simulation_markdown(sim: Simulation, lang: str = "nl") -> str:
    return markdown_format.draw(build_simulation(sim, lang))


def html_section(analysis: Analysis | None, result: Result, lang: str) -> str:
    """The uncertainty chapter as HTML (empty without an analysis)."""
    if analysis is None:
        return ""
    from pactcalc.render import html

    sections = report_sections(analysis, result, lang)
    return html.draw_sections(sections, section_charts(analysis, result, lang))


def markdown_section(
    analysis: Analysis | None, result: Result, lang: str, chart_files: Mapping[str, str]
) -> str:
    """The uncertainty chapter as Markdown (empty without an analysis); ``chart_files``:
    chart name → the SVG file beside the report (a chart without one is left out)."""
    if analysis is None:
        return ""
    return markdown_format.draw_sections(report_sections(analysis, result, lang), chart_files)
