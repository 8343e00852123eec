"""The scenario format, by concept.

* :mod:`~pactcalc.model.values` — the value readers (``Number``, ``Amount``,
  ``Fraction`` …): strict, and explained when a value is wrong;
* :mod:`~pactcalc.model.scenario` — the pydantic models and the JSON Schema;
* :mod:`~pactcalc.model.validate` — loaded data → a scenario, its checks and every
  problem, with the cross-checks of :mod:`~pactcalc.model.cross_checks` by topic;
* :mod:`~pactcalc.model.checks` — a check: parsed, and evaluated (``CheckResult``).

The names below are the package's public face; import them from ``pactcalc.model``.
"""

from pactcalc.model.checks import (
    COMPARE,
    Check,
    CheckResult,
    Measured,
    evaluate_check,
    parse_check,
)
from pactcalc.model.scenario import (
    ADJUSTMENTS,
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_DISCOUNT_SOURCE,
    LINE_KINDS,
    Adjustments,
    BaselineLine,
    BenefitLine,
    BudgetLine,
    DiscountRate,
    EffortLine,
    InvestmentLine,
    Municipality,
    OptimismBias,
    Parameter,
    Partner,
    Scenario,
    Series,
    Simulation,
    json_schema,
)
from pactcalc.model.validate import validate
from pactcalc.model.values import (
    RESERVED_NAMES,
    Amount,
    Fraction,
    Integer,
    Number,
    Text,
    Year,
    describe,
    read_amount,
    read_choice,
    read_fraction,
    read_integer,
    read_number,
    read_text,
    read_year,
)

__all__ = [
    "ADJUSTMENTS",
    "COMPARE",
    "DEFAULT_DISCOUNT_RATE",
    "DEFAULT_DISCOUNT_SOURCE",
    "LINE_KINDS",
    "RESERVED_NAMES",
    "Adjustments",
    "Amount",
    "BaselineLine",
    "BenefitLine",
    "BudgetLine",
    "Check",
    "CheckResult",
    "DiscountRate",
    "EffortLine",
    "Fraction",
    "Integer",
    "InvestmentLine",
    "Measured",
    "Municipality",
    "Number",
    "OptimismBias",
    "Parameter",
    "Partner",
    "Scenario",
    "Series",
    "Simulation",
    "Text",
    "Year",
    "describe",
    "evaluate_check",
    "json_schema",
    "parse_check",
    "read_amount",
    "read_choice",
    "read_fraction",
    "read_integer",
    "read_number",
    "read_text",
    "read_year",
    "validate",
]
