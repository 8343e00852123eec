"""The workbook of a computed scenario: the formula sheets, in workbook order Summary,
Year by year, Partners, Agreement (when the scenario has KPIs or an agreement), Lines,
Inputs (written in the order their formulas need), and the Uncertainty sheet of values
when there is an analysis. The workbook of an actuals file (:func:`actuals_workbook`)
adds the Actuals sheet after the Summary: the same formulas, reading its cells."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from pactcalc.render.xlsx.actuals import actuals_inputs, plan_and_expectation
from pactcalc.render.xlsx.agreement import agreement_sheet
from pactcalc.render.xlsx.archive import save_stable
from pactcalc.render.xlsx.by_year import by_year_sheet
from pactcalc.render.xlsx.context import SHEETS, WorkbookContext
from pactcalc.render.xlsx.inputs import inputs_sheet
from pactcalc.render.xlsx.lines import lines_sheet
from pactcalc.render.xlsx.partners import partners_sheet
from pactcalc.render.xlsx.payback import payback_rows
from pactcalc.render.xlsx.summary import summary_sheet
from pactcalc.render.xlsx.uncertainty import uncertainty_sheet

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result
    from pactcalc.monitor import Monitoring
    from pactcalc.pipeline import ActualsDocument, Document
    from pactcalc.uncertainty import Analysis


def write(
    document: Document,
    path: str | os.PathLike[str],
    lang: str = "nl",
    analysis: Analysis | None = None,
) -> None:
    """Write the workbook of a computed document to ``path`` (``.xlsx``); with
    ``analysis`` (the scenario has ranges) an uncertainty sheet of values is added."""
    result = document.result
    assert result is not None, "write() needs an evaluated document"
    _write(result, path, lang, analysis=analysis)


def actuals_workbook(
    document: ActualsDocument, path: str | os.PathLike[str], lang: str = "nl"
) -> None:
    """Write the workbook of a monitored actuals file (DOMAIN.md §8) to ``path``: the
    plan's workbook on the current expectation, with an Actuals sheet (:mod:`.actuals`)
    whose cells the formulas read, so that typing next year's actuals re-forecasts it,
    and live paybacks (:mod:`.payback`)."""
    monitoring = document.monitoring
    if monitoring is None:
        raise ValueError("actuals_workbook() needs a monitored document (monitor_document)")
    _write(monitoring.expectation, path, lang, monitoring=monitoring)


def _write(
    result: Result,
    path: str | os.PathLike[str],
    lang: str,
    analysis: Analysis | None = None,
    monitoring: Monitoring | None = None,
) -> None:
    """The workbook of ``result``; with ``monitoring`` the actuals layer."""
    import openpyxl

    lang = "en" if lang == "en" else "nl"
    workbook = openpyxl.Workbook()
    context = WorkbookContext(workbook, result, lang)
    summary = workbook.active
    summary.title = context.sheet_name("summary")
    sheets = {"summary": summary}
    for key in SHEETS[1:]:
        sheets[key] = workbook.create_sheet(context.sheet_name(key))
    if result.scenario.kpis or result.scenario.agreement:  # after Partners
        position = SHEETS.index("partners") + 1
        sheets["agreement"] = workbook.create_sheet(context.sheet_name("agreement"), position)
    if monitoring is not None:  # after the Summary: where next year's actuals are typed
        sheets["actuals"] = workbook.create_sheet(context.sheet_name("actuals"), 1)
        actuals_inputs(context, sheets["actuals"], monitoring)
    # in dependency order: each sheet's formulas refer to the ones written before it
    inputs_sheet(context, sheets["inputs"])
    lines_sheet(context, sheets["lines"])
    by_year_sheet(context, sheets["by_year"])
    if monitoring is not None:
        payback_rows(context, sheets["by_year"])
    if "agreement" in sheets:
        agreement_sheet(context, sheets["agreement"])
    partners_sheet(context, sheets["partners"])
    summary_sheet(context, sheets["summary"])
    if monitoring is not None:
        plan_and_expectation(context, sheets["actuals"], monitoring)
    if analysis is not None:
        uncertainty_sheet(workbook, analysis, result.scenario, lang)
    save_stable(workbook, path, result.scenario.name)
