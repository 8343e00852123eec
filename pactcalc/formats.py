"""The output formats of the command line, in one place: which formats each command
writes, which ``--output`` suffix chooses which, and the function that draws each.

The functions are named as ``module:function`` strings and imported only when used, so
that a command loads the format it writes and nothing heavier (matplotlib, openpyxl).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.report.blocks import Report


class OutputFormat(str, Enum):
    """The formats of run, sensitivity, simulate and monitor."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class CheckFormat(str, Enum):
    """The formats of check."""

    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


#: The suffixes of ``--output`` that choose a format (report, compare), in the order an
#: error lists them.
SUFFIX_FORMATS: dict[str, str] = {
    ".html": "html",
    ".xlsx": "xlsx",
    ".md": "markdown",
    ".csv": "csv",
}

#: The formats of a report model (``run``, ``sensitivity``, ``simulate``, ``monitor``):
#: each format's ``draw(report)``, as ``module:function``, imported only when used (heavy
#: modules stay out of start-up). ``draw`` returns text, or for ``table`` a rich
#: renderable (printed on a console, or as plain text in a file).
DRAWERS: dict[str, str] = {
    "table": "pactcalc.render.terminal:draw",
    "json": "pactcalc.render.json:draw",
    "csv": "pactcalc.render.csv:draw",
    "markdown": "pactcalc.render.markdown:draw",
}

#: The other commands, per format: the renderer, as ``module:function``, imported only
#: when used. A renderer returns text, a rich renderable (``compare``'s table) or, for
#: xlsx, writes the file at the path it is given.
RENDERERS: dict[str, dict[str, str]] = {
    "check": {
        "text": "pactcalc.render.check_run:as_text",
        "json": "pactcalc.render.check_run:as_json",
        "junit": "pactcalc.render.check_run:as_junit",
        "github": "pactcalc.render.check_run:as_github",
    },
    "report": {
        "html": "pactcalc.render.html:render",
        "xlsx": "pactcalc.render.xlsx:write",
        "markdown": "pactcalc.render.markdown:render",
        "csv": "pactcalc.render.csv:render",
    },
    # an actuals file (DOMAIN.md §8): the report model with the monitoring first, drawn
    # with its charts (html, markdown), or the variance (csv, drawn from ``monitor``'s
    # report model); xlsx: the plan's workbook with an Actuals sheet that feeds its formulas
    "report-actuals": {
        "html": "pactcalc.render.html:draw",
        "xlsx": "pactcalc.render.xlsx:actuals_workbook",
        "markdown": "pactcalc.render.markdown:draw",
        "csv": "pactcalc.render.csv:draw",
    },
    "compare": {
        "table": "pactcalc.render.compare:renderable",
        "html": "pactcalc.render.compare:html",
        "xlsx": "pactcalc.render.xlsx:write_comparison",
        "markdown": "pactcalc.render.compare:markdown",
        "csv": "pactcalc.render.compare:as_csv",
    },
}


def function(reference: str) -> Callable[..., Any]:
    """The function ``module:function`` names, its module imported now."""
    module, function = reference.split(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return found


def drawer(output_format: str) -> Callable[[Report], Any]:
    """The ``draw`` of ``output_format`` (see :data:`DRAWERS`)."""
    return function(DRAWERS[output_format])


def drawn(output_format: OutputFormat, built: Report, dialect: CsvDialect) -> Any:
    """``built`` drawn in ``output_format``; CSV in ``dialect``."""
    if output_format is OutputFormat.csv:
        return function(DRAWERS["csv"])(built, dialect.value)
    return drawer(output_format.value)(built)


def renderer(command: str, output_format: str) -> Callable[..., Any]:
    """The function that renders ``command``'s output in ``output_format``."""
    return function(RENDERERS[command][output_format])


class CsvDialect(str, Enum):
    """The CSV dialects (:data:`pactcalc.render.csv.DIALECTS`)."""

    standard = "standard"
    excel_nl = "excel-nl"
