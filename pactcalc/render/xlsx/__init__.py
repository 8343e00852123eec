"""Excel output: a workbook whose numbers are live formulas over the scenario's inputs.

For a controller who wants to follow (and change) the calculation in Excel:

* **Inputs** (Invoer, :mod:`.inputs`): every parameter, scalar input and series; each an
  Excel *defined name* where Excel allows one.
* **Lines** (Regels, :mod:`.lines`): every line, per calendar year a formula translated
  from the expression's syntax tree (:mod:`.formulas`).
* **Year by year** (Per jaar, :mod:`.by_year`): SUMIFS over the lines and the arithmetic
  of DOMAIN.md §2 as formulas.
* **Partners** (:mod:`.partners`): per partner and year what it puts in, pays, stops
  paying, gains and nets, and the totals.
* **Agreement** (Afspraken, :mod:`.agreement`), when the scenario has KPIs or an
  agreement (DOMAIN.md §7): the KPIs per year and each rule's transfers per year as
  formulas over the terms, which the Inputs sheet holds as named input cells fixed at
  signing (:mod:`.agreement_inputs`); the Partners sheet then adds each partner's
  settlement and net after the agreement.
* **Summary** (Samenvatting, :mod:`.summary`): the headline metrics as formulas.
* **Uncertainty** (Onzekerheid, :mod:`.uncertainty`): values, not formulas: the
  machine-readable tables of the report model of ``pactcalc simulate`` and ``pactcalc
  sensitivity``, written with :func:`write_table`.
* **Comparison** (:mod:`.comparison`): values, not formulas.
* **Actuals** (Realisatie, :mod:`.actuals`), in the workbook of an actuals file
  (:func:`actuals_workbook`, DOMAIN.md §8): per year the status and the typed series,
  parameters, booked amounts and measured KPIs; the formulas read them where typed
  (``IF(cell="", plan, cell)``), so that typing next year's actuals re-forecasts the
  workbook; the plan's key figures beside the expectation's. The paybacks are then
  formulas too (:mod:`.payback`).

Text from the scenario is always written as text, never as a formula (:mod:`.guards`).
The file is byte-identical for the same scenario: fixed document dates and fixed zip
entry times (:mod:`.archive`). A report model's table is written as values with
:func:`write_table` (:mod:`.tables`).

openpyxl is imported inside the functions that write only: start-up time of the CLI
matters.
"""

from __future__ import annotations

from pactcalc.render.xlsx.archive import FIXED_TIME, save_stable
from pactcalc.render.xlsx.cells import (
    FACTOR_FORMAT,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    RATIO_FORMAT,
    YEAR_FORMAT,
    label,
)
from pactcalc.render.xlsx.comparison import comparison_sheet, write_comparison
from pactcalc.render.xlsx.context import LINE_FIRST_YEAR_COLUMN, SHEETS
from pactcalc.render.xlsx.formulas import (
    column_letters,
    excel_name_ok,
    number_literal,
    sheet_ref,
    to_excel,
)
from pactcalc.render.xlsx.guards import clean_text, is_formula_like, set_text
from pactcalc.render.xlsx.tables import write_table
from pactcalc.render.xlsx.uncertainty import uncertainty_sheet
from pactcalc.render.xlsx.workbook import actuals_workbook, write

__all__ = [
    "FACTOR_FORMAT",
    "FIXED_TIME",
    "LINE_FIRST_YEAR_COLUMN",
    "MONEY_FORMAT",
    "PERCENT_FORMAT",
    "RATIO_FORMAT",
    "SHEETS",
    "YEAR_FORMAT",
    "actuals_workbook",
    "clean_text",
    "column_letters",
    "comparison_sheet",
    "excel_name_ok",
    "is_formula_like",
    "label",
    "number_literal",
    "save_stable",
    "set_text",
    "sheet_ref",
    "to_excel",
    "uncertainty_sheet",
    "write",
    "write_comparison",
    "write_table",
]
