"""The workbook of a computed scenario: the formula sheets, in workbook order Summary,
Year by year, Partners, Agreement (when the scenario has KPIs or an agreement), Lines,
Inputs (written in the order their formulas need), and the Uncertainty sheet of values
when there is an analysis."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from pactcalc.render.xlsx.agreement import agreement_sheet
from pactcalc.render.xlsx.archive import save_stable
from pactcalc.render.xlsx.by_year import by_year_sheet
from pactcalc.render.xlsx.context import SHEETS, WorkbookContext
from pactcalc.render.xlsx.inputs import inputs_sheet
from pactcalc.render.xlsx.lines import lines_sheet
from pactcalc.render.xlsx.partners import partners_sheet
from pactcalc.render.xlsx.summary import summary_sheet
from pactcalc.render.xlsx.uncertainty import uncertainty_sheet

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.pipeline import Document
    from pactcalc.uncertainty import Analysis


def write(
    document: Document,
    path: str | os.PathLike[str],
    lang: str = "nl",
    analysis: Analysis | None = None,
) -> None:
    """Write the workbook of a computed document to ``path`` (``.xlsx``); with
    ``analysis`` (the scenario has ranges) an uncertainty sheet of values is added."""
    import openpyxl

    result = document.result
    assert result is not None, "write() needs an evaluated document"
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
    # in dependency order: each sheet's formulas refer to the ones written before it
    inputs_sheet(context, sheets["inputs"])
    lines_sheet(context, sheets["lines"])
    by_year_sheet(context, sheets["by_year"])
    if "agreement" in sheets:
        agreement_sheet(context, sheets["agreement"])
    partners_sheet(context, sheets["partners"])
    summary_sheet(context, sheets["summary"])
    if analysis is not None:
        uncertainty_sheet(workbook, analysis, result.scenario, lang)
    save_stable(workbook, path, result.scenario.name)
