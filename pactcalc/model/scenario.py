"""The scenario format (DOMAIN.md §3) as pydantic models, and its JSON Schema.

Field descriptions are the documentation: they appear in the JSON Schema (editor hover
help) and in the generated format reference. The fields are declared with the readers of
:mod:`pactcalc.model.values`, so that every scalar is read strictly and explained when it
is wrong; the rules that need the whole file live in :mod:`pactcalc.model.cross_checks`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field

from pactcalc.model.agreement import Kpi, Rule, refine_schema
from pactcalc.model.values import (
    NUMBER_SCHEMA,
    Amount,
    Distribution,
    Fraction,
    Integer,
    Language,
    Number,
    PaidFrom,
    Text,
    Year,
)

#: A rate is a fraction greater than −1 (−100 %) and below 1 (100 %): 1 or more is a
#: percentage written as a number (PC307), −1 or less makes discounting impossible (PC132).
RATE_SCHEMA: dict[str, Any] = {"exclusiveMinimum": -1, "exclusiveMaximum": 1}

DEFAULT_DISCOUNT_RATE = 0.0225
DEFAULT_DISCOUNT_SOURCE = (
    "Werkgroep discontovoet 2020: 2,25% reëel standaard voor MKBA's sinds 1 januari 2021 "
    "(rwseconomie.nl, 'discontovoet')"
)


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, arbitrary_types_allowed=True, frozen=True
    )


def _shorthand(key: str) -> Any:
    """Accept a bare value where a mapping ``{key: value, …}`` is allowed."""

    def expand(value: Any) -> Any:
        if isinstance(value, dict):
            return value
        return {key: value}

    return BeforeValidator(expand)


# --- the models ----------------------------------------------------------------------------


class Municipality(_Strict):
    """The municipality the business case is for; shown in headers."""

    name: Text = Field(description="Name of the municipality, e.g. 'Voorbeeldgemeente'.")
    inhabitants: Integer | None = Field(None, description="Number of inhabitants.")


class DiscountRate(_Strict):
    """A discount rate with the source it comes from."""

    value: Number = Field(
        description="Real discount rate as a fraction: 0.0225 is 2.25%; 1 or more is refused "
        "as a percentage written as a number.",
        json_schema_extra=RATE_SCHEMA,
    )
    source: Text | None = Field(None, description="Where the rate comes from.")


class Parameter(_Strict):
    """A named input: a number with its unit, source and (optional) range."""

    value: Number = Field(description="The value (the most likely one when a range is given).")
    label: Text | None = Field(
        None,
        description="A name for readers, e.g. 'Uurtarief begeleiding': shown instead of the "
        "id where a table or chart names the parameter; expressions keep using the id.",
    )
    unit: Text | None = Field(None, description="Unit, e.g. 'EUR/hour' or 'clients'.")
    source: Text | None = Field(
        None,
        description="Where the number comes from. A source starting with 'assumption' "
        "or 'aanname' (or none) lists the parameter among the assumptions.",
    )
    note: Text | None = Field(None, description="A remark for the reader.")
    low: Number | None = Field(None, description="Lowest plausible value (with high).")
    high: Number | None = Field(None, description="Highest plausible value (with low).")
    distribution: Distribution | None = Field(
        None,
        description="Shape of the range for simulation: 'pert' (default), "
        "'triangular' or 'uniform'; all bounded by low and high, 'value' the most likely.",
    )


class Series(_Strict):
    """A per-year driver: one number for every year, or one number per year."""

    values: Number | list[Number] = Field(
        description="One number (every year) or a list with one number per year."
    )
    unit: Text | None = Field(None, description="Unit, e.g. 'clients'.")
    source: Text | None = Field(None, description="Where the numbers come from.")
    note: Text | None = Field(None, description="A remark for the reader.")


class Partner(_Strict):
    """A party to the pact: delivers effort, holds budget, pays or gains."""

    id: Text = Field(description="Short id used by lines: letters, digits, '-' and '_'.")
    name: Text = Field(description="Name shown in tables, e.g. 'Wmo-aanbieder'.")
    note: Text | None = Field(None, description="A remark for the reader.")


class _Line(_Strict):
    name: Text = Field(description="Name of the line, unique within its kind.")
    partner: Text = Field(description="Id of a partner declared under 'partners'.")
    amount: Amount = Field(description="Euros per year: a number or an expression.")
    source: Text | None = Field(None, description="Where the amount comes from.")
    note: Text | None = Field(None, description="A remark for the reader.")


class _RunningLine(_Line):
    start: Year | None = Field(
        None,
        alias="from",
        validation_alias=AliasChoices("from"),
        description="First calendar year the line runs (inclusive); default: always.",
    )
    until: Year | None = Field(
        None, description="Last calendar year the line runs (inclusive); default: always."
    )


class BaselineLine(_RunningLine):
    """A yearly cost without the pact (nulalternatief); partner: who pays it today."""


class BudgetLine(_RunningLine):
    """Money available for the task; partner: who holds it. Never negative."""


class BenefitLine(_RunningLine):
    """Another monetised effect of the pact; partner: who gains it.

    benefit[y] = gross[y] · (1 − optimism_bias) · (1 − deadweight) · (1 − displacement)
    · (1 − attribution) · (1 − drop_off) ** (y − first year of the line)."""

    optimism_bias: Fraction | None = Field(
        None,
        description="Share by which the benefit is probably overstated (HM Treasury "
        "Green Book); benefit × (1 − optimism_bias). Default: the scenario's adjustments.",
    )
    deadweight: Fraction | None = Field(
        None, description="Share that would have happened without the pact (SROI)."
    )
    displacement: Fraction | None = Field(
        None, description="Share that only moves elsewhere (SROI)."
    )
    attribution: Fraction | None = Field(
        None, description="Share due to others than the partners (SROI)."
    )
    drop_off: Fraction | None = Field(
        None,
        description="Yearly decline after the line's first year (SROI): "
        "× (1 − drop_off) ** (year − first year).",
    )


class _Cost(_Strict):
    """What effort and investment lines have in common: who pays, and optimism bias."""

    optimism_bias: Fraction | None = Field(
        None,
        description="Share by which the cost is probably understated (HM Treasury "
        "Green Book); cost × (1 + optimism_bias). Default: the scenario's adjustments.",
    )
    paid_from: PaidFrom = Field(
        "budget",
        description="'budget' (default): financed from the available budget; "
        "'own': the partner's own contribution, outside the budget.",
    )


class EffortLine(_Cost, _RunningLine):
    """The yearly value of a partner's contribution in the pact; partner: who delivers it."""


class InvestmentLine(_Cost, _Line):
    """A one-off cost (transition, training); partner: who delivers it."""

    year: Year | None = Field(
        None,
        description="Calendar year of the investment; default: start_year. "
        "Must lie within the horizon.",
    )


LINE_KINDS = ("baseline", "budget", "effort", "investments", "benefits")
#: Which adjustments each line kind takes (DOMAIN.md §6).
ADJUSTMENTS = {
    "baseline": (),
    "budget": (),
    "effort": ("optimism_bias",),
    "investments": ("optimism_bias",),
    "benefits": ("optimism_bias", "deadweight", "displacement", "attribution", "drop_off"),
}


class OptimismBias(_Strict):
    """Default optimism bias per line kind (a line's own value wins)."""

    investments: Fraction | None = Field(None, description="For investment lines.")
    effort: Fraction | None = Field(None, description="For effort lines.")
    benefits: Fraction | None = Field(None, description="For benefit lines.")


class Adjustments(_Strict):
    """Scenario-wide defaults for the appraisal adjustments."""

    optimism_bias: OptimismBias = Field(
        default_factory=lambda: OptimismBias(),
        description="Default optimism bias per kind, e.g. {investments: 0.2, effort: 0.05, "
        "benefits: 0.1}.",
    )


class Simulation(_Strict):
    """Settings of the Monte Carlo simulation."""

    samples: Integer = Field(
        10_000, description="Number of draws (default 10,000; 1 to 1,000,000)."
    )
    seed: Integer = Field(
        1,
        description="Seed of the generator (numpy PCG64; default 1): "
        "the same file, seed and samples give the same output.",
    )


class Scenario(_Strict):
    """A PACT business case: partners, their effort in euros, the budget, and the returns."""

    pactcalc: Integer = Field(description="Format version; write 1.")
    name: Text = Field(description="Name of the scenario, shown as the title.")
    case: Text | None = Field(None, description="Free label, e.g. 'beschermd-wonen' or 'crisis'.")
    municipality: Municipality | None = Field(None, description="The municipality.")
    language: Language = Field("nl", description="Language of the output: 'nl' or 'en'.")
    start_year: Year = Field(description="First calendar year of the horizon (1900–2200).")
    years: Integer = Field(description="Length of the horizon in years (1 to 100).")
    discount_rate: Annotated[DiscountRate, _shorthand("value")] = Field(
        DiscountRate(value=DEFAULT_DISCOUNT_RATE, source=DEFAULT_DISCOUNT_SOURCE),
        description="Real discount rate as a fraction (default 0.0225, the Dutch standard "
        "for cost-benefit analysis since 2021), or {value, source}.",
    )
    price_year: Year | None = Field(
        None, description="Year of the prices of all amounts; default start_year."
    )
    indexation: Number = Field(
        0.0,
        description="Yearly price change as a fraction (0.02 is 2%; 1 or more is refused); "
        "raises every money line by (1 + indexation) ** (year - price_year). Default 0 (real "
        "prices).",
        json_schema_extra=RATE_SCHEMA,
    )
    weeks_per_year: Number = Field(52.0, description="Weeks per year, usable in expressions.")
    parameters: dict[str, Annotated[Parameter, _shorthand("value")]] = Field(
        default_factory=dict,
        description="Named inputs: a number, or {value, label, unit, source, note, low, high}.",
    )
    series: dict[str, Annotated[Series, _shorthand("values")]] = Field(
        default_factory=dict,
        description="Per-year drivers: one number, a list of `years` "
        "numbers, or {values, unit, source, note}.",
    )
    partners: list[Partner] = Field(min_length=1, description="The partners of the pact.")
    baseline: list[BaselineLine] = Field(
        default_factory=list, description="Yearly costs without the pact (who pays today)."
    )
    budget: list[BudgetLine] = Field(
        default_factory=list, description="Money available for the task (who holds it)."
    )
    effort: list[EffortLine] = Field(
        default_factory=list, description="Each partner's yearly contribution in euros."
    )
    investments: list[InvestmentLine] = Field(default_factory=list, description="One-off costs.")
    benefits: list[BenefitLine] = Field(
        default_factory=list, description="Other monetised effects (who gains them)."
    )
    adjustments: Adjustments = Field(
        default_factory=Adjustments, description="Scenario-wide defaults for adjustments."
    )
    simulation: Simulation = Field(
        default_factory=lambda: Simulation(), description="Monte Carlo settings: {samples, seed}."
    )
    checks: list[Text] = Field(
        default_factory=list,
        description="Assertions such as 'payback_years <= 3' or "
        "'headroom_min >= 0'; `pactcalc check` fails when one does not hold.",
    )
    kpis: dict[str, Kpi] = Field(
        default_factory=dict,
        description="The pact's KPIs by id: {name, unit, direction, value, reference, "
        "target, tolerance, validation, source, note} (DOMAIN.md §7).",
    )
    agreement: list[Rule] = Field(
        default_factory=list,
        description="Settlement rules between partners, each {name, rule, payer, receiver "
        "or shares, from, until, …}: contribution, lumpsum, gain_share or outcome_payment; "
        "terms are fixed at signing (on the plan).",
    )

    @property
    def calendar_years(self) -> list[int]:
        return list(range(self.start_year, self.start_year + self.years))

    def lines(self, kind: str) -> list[Any]:
        return list(getattr(self, kind))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, with the shorthands (a bare number for a parameter
    or discount rate, a number or list for a series) that the validators accept."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pactcalc scenario"
    props = schema["properties"]
    props["discount_rate"] = {
        "description": props["discount_rate"].get("description", ""),
        "anyOf": [{**NUMBER_SCHEMA, **RATE_SCHEMA}, {"$ref": "#/$defs/DiscountRate"}],
        "default": DEFAULT_DISCOUNT_RATE,
    }
    for key, ref, short in (
        ("parameters", "Parameter", NUMBER_SCHEMA),
        (
            "series",
            "Series",
            {"anyOf": [NUMBER_SCHEMA, {"type": "array", "items": NUMBER_SCHEMA}]},
        ),
    ):
        props[key]["additionalProperties"] = {"anyOf": [short, {"$ref": f"#/$defs/{ref}"}]}
    refine_schema(schema)  # the agreement's rules: which keys each kind takes
    return schema
