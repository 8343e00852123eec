"""The scenario format (DOMAIN.md §3) as pydantic models: validation, docs and JSON Schema.

Field descriptions are the documentation: they appear in the JSON Schema (editor hover
help) and in the generated format reference. Scalars go through the validators of this
module rather than pydantic's coercion, so that a YAML ``no`` or ``"62000"`` is never
silently a number, and the error says how to write the value.

:func:`validate` turns loaded data into a :class:`Scenario` plus every problem found:
pydantic's errors and the cross-checks that need the whole file (partner ids, names in
expressions, series lengths, the horizon).
"""

from __future__ import annotations

import copy
import keyword
import math
import re
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from pactcalc import expressions
from pactcalc.loader import Plain
from pactcalc.problems import Localized, PathRef, Percent, Problem, suggestion

DEFAULT_DISCOUNT_RATE = 0.0225
DEFAULT_DISCOUNT_SOURCE = (
    "Werkgroep discontovoet 2020: 2,25% reëel standaard voor MKBA's sinds 1 januari 2021 "
    "(rwseconomie.nl, 'discontovoet')"
)
#: Names an expression cannot use for a parameter or series: the built-ins, and the words of
#: the expression grammar (parsed with Python's: `lambda`, `if`, `None`, `True` …).
RESERVED_NAMES = frozenset({"weeks_per_year", "min", "max", *keyword.kwlist})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PARTNER_ID = re.compile(r"[A-Za-z0-9_-]+\Z")

# --- scalar readers ------------------------------------------------------------------------


def _describe(value: Any) -> Localized:
    """What a wrong value is, in words, for "expected X, not Y"."""
    if value is None:
        return Localized("lege waarde", "an empty value")
    if isinstance(value, dict):
        return Localized("mapping ({…})", "a mapping ({…})")
    if isinstance(value, list):
        return Localized("lijst ([…])", "a list ([…])")
    if isinstance(value, Plain) and isinstance(value.value, bool):
        return Localized(f"ja/nee-waarde '{value}'", f"a yes/no value '{value}'")
    if isinstance(value, Plain) and value.value is not None:
        return Localized(f"getal {value}", f"the number {value}")
    return Localized(f"tekst '{value}'", f"the text '{value}'")


def _number_text_problem(text: str, quoted: bool) -> PydanticCustomError:
    """Explain why ``text`` (a YAML scalar that did not read as a number) is not one."""
    t = text.strip()
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", t) and quoted:
        return PydanticCustomError("PC104", "PC104", {"text": t})
    if t.lower() in {"yes", "no", "on", "off", "y", "n", "true", "false"}:
        return PydanticCustomError("PC105", "PC105", {"text": t})
    if re.fullmatch(r"[-+]?0\d+", t):
        return PydanticCustomError("PC106", "PC106", {"text": t, "fixed": str(int(t))})
    if re.fullmatch(r"[-+]?\d+(:[0-5]?\d)+(\.\d*)?", t):
        return PydanticCustomError("PC107", "PC107", {"text": t})
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?", t):
        return PydanticCustomError("PC108", "PC108", {"text": t, "year": t[:4]})
    if re.fullmatch(r"[-+]?\d+,\d+", t):
        return PydanticCustomError("PC109", "PC109", {"text": t, "fixed": t.replace(",", ".")})
    if re.fullmatch(r"[-+]?\d{1,3}([._ ]\d{3})+(,\d+)?", t) or re.fullmatch(r"[-+]?\d+(_\d+)+", t):
        fixed = re.sub(r"[._ ]", "", t).replace(",", ".")
        return PydanticCustomError("PC133", "PC133", {"text": t, "fixed": fixed})
    return PydanticCustomError("PC103", "PC103", {"got": _describe(text)})


def read_number(value: Any) -> float:
    """A finite number; anything else raises a coded, explained error."""
    if isinstance(value, Plain):
        if isinstance(value.value, bool):
            raise PydanticCustomError("PC105", "PC105", {"text": str(value)})
        if value.value is None:
            raise _number_text_problem(str(value), quoted=False)
        number = float(value.value)
        if not math.isfinite(number):
            raise PydanticCustomError("PC111", "PC111", {"text": str(value)})
        return number
    if isinstance(value, bool):
        raise PydanticCustomError("PC105", "PC105", {"text": str(value).lower()})
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise PydanticCustomError("PC111", "PC111", {"text": str(value)})
        return float(value)
    if isinstance(value, str):
        raise _number_text_problem(value, quoted=True)
    raise PydanticCustomError("PC103", "PC103", {"got": _describe(value)})


def read_integer(value: Any) -> int:
    """A whole number (a year, a count)."""
    if (
        isinstance(value, Plain)
        and isinstance(value.value, int)
        and not isinstance(value.value, bool)
    ):
        return value.value
    if isinstance(value, int) and not isinstance(value, bool | Plain):
        return value
    number = read_number(value)  # explains text, booleans, quotes
    raise PydanticCustomError(
        "PC110", "PC110", {"got": _describe(value if isinstance(value, str) else str(number))}
    )


def read_text(value: Any) -> str:
    """Text as written: ``name: 2021`` is the name "2021", ``note: no`` the word "no"."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise PydanticCustomError(
        "PC112", "PC112", {"expected": Localized("tekst", "text"), "got": _describe(value)}
    )


def read_amount(value: Any) -> float | expressions.Expression:
    """A number, or an expression in the whitelisted grammar."""
    if isinstance(value, Plain) and value.value is not None:
        return read_number(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return read_number(value)
    if isinstance(value, str):
        try:
            return expressions.parse(str(value))
        except expressions.ExpressionError as error:
            ctx: dict[str, Any] = dict(error.params)
            ctx["offset"] = error.offset
            raise PydanticCustomError(error.code, error.code, ctx) from None
    raise PydanticCustomError(
        "PC112",
        "PC112",
        {
            "expected": Localized("een getal of formule", "a number or an expression"),
            "got": _describe(value),
        },
    )


def _choice(*choices: str) -> Any:
    def read(value: Any) -> str:
        text = read_text(value)
        if text not in choices:
            raise PydanticCustomError(
                "PC114", "PC114", {"value": text, "choices": ", ".join(choices)}
            )
        return text

    return read


Number = Annotated[float, BeforeValidator(read_number), WithJsonSchema({"type": "number"})]
Integer = Annotated[int, BeforeValidator(read_integer), WithJsonSchema({"type": "integer"})]
Text = Annotated[str, BeforeValidator(read_text), WithJsonSchema({"type": "string"})]
Amount = Annotated[
    Any,
    BeforeValidator(read_amount),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string"}],
            "description": "Euros per year: a number, or an expression over parameter and "
            "series names, weeks_per_year, numbers, + - * / ( ) and min(a, b, …), max(a, b, …). "
            "Inside a flow mapping {…} quote an expression that contains a comma.",
        }
    ),
]
PaidFrom = Annotated[
    Literal["budget", "own"],
    BeforeValidator(_choice("budget", "own")),
]
Language = Annotated[Literal["nl", "en"], BeforeValidator(_choice("nl", "en"))]
Distribution = Annotated[
    Literal["pert", "triangular", "uniform"],
    BeforeValidator(_choice("pert", "triangular", "uniform")),
]


def read_fraction(value: Any) -> float | str:
    """An adjustment: a fraction in [0, 1], or the name of a parameter (that may carry a
    range). The range of a named parameter is checked with the whole scenario."""
    if isinstance(value, str) and not (isinstance(value, Plain) and value.value is not None):
        name = str(value).strip()
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            return name
        return read_number(value)  # explains a quoted number, a decimal comma …
    number = read_number(value)
    if not 0 <= number <= 1:
        raise PydanticCustomError("PC136", "PC136", {"value": str(value)})
    return number


Fraction = Annotated[
    Any,
    BeforeValidator(read_fraction),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "string"}],
            "description": "A fraction in [0, 1] (0.1 is 10 %), or the name of a parameter "
            "(which may carry a range).",
        }
    ),
]


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

    value: Number = Field(description="Real discount rate as a fraction: 0.0225 is 2.25%.")
    source: Text | None = Field(None, description="Where the rate comes from.")


class Parameter(_Strict):
    """A named input: a number with its unit, source and (optional) range."""

    value: Number = Field(description="The value (the most likely one when a range is given).")
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
    start: Integer | None = Field(
        None,
        alias="from",
        validation_alias=AliasChoices("from"),
        description="First calendar year the line runs (inclusive); default: always.",
    )
    until: Integer | None = Field(
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

    year: Integer | None = Field(
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
    start_year: Integer = Field(description="First calendar year of the horizon.")
    years: Integer = Field(description="Length of the horizon in years (1 to 100).")
    discount_rate: Annotated[DiscountRate, _shorthand("value")] = Field(
        DiscountRate(value=DEFAULT_DISCOUNT_RATE, source=DEFAULT_DISCOUNT_SOURCE),
        description="Real discount rate as a fraction (default 0.0225, the Dutch standard "
        "for cost-benefit analysis since 2021), or {value, source}.",
    )
    price_year: Integer | None = Field(
        None, description="Year of the prices of all amounts; default start_year."
    )
    indexation: Number = Field(
        0.0,
        description="Yearly price change as a fraction; raises every money line by "
        "(1 + indexation) ** (year - price_year). Default 0 (real prices).",
    )
    weeks_per_year: Number = Field(52.0, description="Weeks per year, usable in expressions.")
    parameters: dict[str, Annotated[Parameter, _shorthand("value")]] = Field(
        default_factory=dict,
        description="Named inputs: a number, or {value, unit, source, note, low, high}.",
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

    @property
    def calendar_years(self) -> list[int]:
        return list(range(self.start_year, self.start_year + self.years))

    def lines(self, kind: str) -> list[Any]:
        return list(getattr(self, kind))


# --- checks --------------------------------------------------------------------------------

METRICS = (
    "effort_total",
    "investment_total",
    "budget_total",
    "headroom_total",
    "headroom_min",
    "baseline_total",
    "savings_total",
    "benefits_total",
    "npv",
    "roi",
    "bcr",
    "payback_years",
    "discounted_payback_years",
)
#: The metrics in the order every table and chart shows them (each has a label in i18n).
HEADLINE_METRICS = (
    "effort_total",
    "budget_total",
    "headroom_total",
    "headroom_min",
    "investment_total",
    "baseline_total",
    "savings_total",
    "benefits_total",
    "npv",
    "roi",
    "bcr",
    "payback_years",
    "discounted_payback_years",
)
PARTNER_METRICS = ("effort_total", "pays_total", "baseline_total", "benefits_total", "net_total")
_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TARGET = r"(?P<metric>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\[\s*(?P<partner>[^\]\s]+)\s*\])?"
_OP = r"<=|>=|<|>"
_CHECK = re.compile(rf"\s*{_TARGET}\s*(?P<op>{_OP})\s*(?P<bound>{_NUM})\s*\Z")
_PROBABILITY = re.compile(
    rf"\s*P\s*\(\s*{_TARGET}\s*(?P<inner_op>{_OP})\s*(?P<inner_bound>{_NUM})\s*\)\s*"
    rf"(?P<op>{_OP})\s*(?P<bound>{_NUM})\s*\Z"
)
_STATISTIC = re.compile(
    rf"\s*(?:P(?P<percentile>\d{{1,2}})|(?P<mean>mean))\s*\(\s*{_TARGET}\s*\)\s*"
    rf"(?P<op>{_OP})\s*(?P<bound>{_NUM})\s*\Z"
)


class Check(BaseModel):
    """A parsed check.

    * ``METRIC OP NUMBER`` or ``METRIC[partner] OP NUMBER`` — on the deterministic run;
    * ``P(METRIC OP NUMBER) OP PROBABILITY`` — the share of simulated samples;
    * ``P5(METRIC) OP NUMBER`` (any percentile 1–99) or ``mean(METRIC) OP NUMBER``.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    metric: str
    partner: str | None
    op: Literal["<", "<=", ">", ">="]
    bound: float
    statistic: Literal["value", "probability", "percentile", "mean"] = "value"
    percentile: int | None = None
    inner_op: Literal["<", "<=", ">", ">="] | None = None
    inner_bound: float | None = None

    @property
    def is_probabilistic(self) -> bool:
        return self.statistic != "value"


def parse_check(text: str) -> Check | Problem:
    """Parse a check; a :class:`Problem` (without location) when it cannot be read."""
    fields: dict[str, Any]
    if match := _CHECK.match(text):
        fields = {}
    elif match := _PROBABILITY.match(text):
        fields = {
            "statistic": "probability",
            "inner_op": match["inner_op"],
            "inner_bound": float(match["inner_bound"]),
        }
        if not 0 <= float(match["bound"]) <= 1:
            return Problem("PC137", "", args={"text": text.strip(), "bound": match["bound"]})
    elif match := _STATISTIC.match(text):
        if match["mean"]:
            fields = {"statistic": "mean"}
        else:
            percentile = int(match["percentile"])
            if not 1 <= percentile <= 99:
                return Problem(
                    "PC131",
                    "",
                    args={
                        "text": text,
                        "reason": Localized(
                            "een percentiel ligt tussen P1 en P99",
                            "a percentile lies between P1 and P99",
                        ),
                    },
                )
            fields = {"statistic": "percentile", "percentile": percentile}
    else:
        reason = Localized(
            "schrijf METRIEK OPERATOR GETAL, bijvoorbeeld 'payback_years <= 3', of "
            "P(METRIEK OPERATOR GETAL) OPERATOR KANS, bijvoorbeeld 'P(npv > 0) >= 0.8'",
            "write METRIC OPERATOR NUMBER, for example 'payback_years <= 3', or "
            "P(METRIC OPERATOR NUMBER) OPERATOR PROBABILITY, for example 'P(npv > 0) >= 0.8'",
        )
        if re.search(r"\d,\d", text):
            reason = Localized("gebruik een decimale punt", "use a decimal point")
        elif re.search(r"==|!=|=", text):
            reason = Localized("gebruik <, <=, > of >=", "use <, <=, > or >=")
        return Problem("PC131", "", args={"text": text, "reason": reason})
    metric, partner = match["metric"], match["partner"]
    allowed = PARTNER_METRICS if partner else METRICS
    if metric not in allowed:
        return Problem(
            "PC134",
            "",
            args={
                "what": Localized("metriek", "metric"),
                "name": metric,
                "suggestion": suggestion(metric, allowed),
            },
        )
    return Check(
        text=text.strip(),
        metric=metric,
        partner=partner,
        op=match["op"],  # the regex admits only the four operators
        bound=float(match["bound"]),
        **fields,
    )


# --- validation ----------------------------------------------------------------------------


def validate(data: Any, file: str) -> tuple[Scenario | None, list[Check], list[Problem]]:
    """Validate loaded data: the scenario, its parsed checks, and every problem found.

    Problems carry a ``path`` into the data; the caller resolves it to ``line:col``.
    """
    problems: list[Problem] = []
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems.extend(_drop_shadowed_missing(list(_from_pydantic(exc, file))))
        problems.extend(_cross_check_raw(data, file))
        problems.extend(_cross_check_pruned(data, exc, file, problems))
        return None, [], problems
    checks: list[Check] = []
    for index, text in enumerate(scenario.checks):
        parsed = parse_check(text)
        ids = [p.id for p in scenario.partners]
        if isinstance(parsed, Check) and parsed.partner is not None and parsed.partner not in ids:
            parsed = Problem(
                "PC134",
                file,
                args={
                    "what": Localized("partner", "partner"),
                    "name": parsed.partner,
                    "suggestion": suggestion(parsed.partner, ids),
                },
            )
        if isinstance(parsed, Problem):
            problems.append(Problem(parsed.code, file, args=parsed.args, path=("checks", index)))
        else:
            checks.append(parsed)
    problems.extend(_cross_check(scenario, file))
    return scenario, checks, problems


def _from_pydantic(exc: ValidationError, file: str) -> Iterator[Problem]:
    for error in exc.errors():
        loc = tuple(error["loc"])
        kind = error["type"]
        ctx = dict(error.get("ctx") or {})
        if kind.startswith("PC"):
            offset = ctx.pop("offset", None)
            yield Problem(
                kind, file, args=ctx, path=loc, offset=None if offset is None else int(offset)
            )
        elif kind == "missing":
            yield Problem("PC101", file, args={"key": loc[-1], "where": ""}, path=loc[:-1])
        elif kind == "extra_forbidden" and _misplaced_adjustment(loc):
            takes = [k for k, names in ADJUSTMENTS.items() if loc[-1] in names]
            yield Problem(
                "PC135",
                file,
                args={
                    "key": loc[-1],
                    "kind": loc[0],
                    "allowed": Localized(
                        "het hoort bij regels onder " + ", ".join(takes),
                        "it applies to lines under " + ", ".join(takes),
                    ),
                },
                path=loc,
                at_key=True,
            )
        elif kind == "extra_forbidden":
            fields = _field_names(loc[:-1])
            yield Problem(
                "PC102",
                file,
                args={"key": loc[-1], "suggestion": suggestion(str(loc[-1]), fields)},
                path=loc,
                at_key=True,
            )
        elif kind == "too_short":
            yield Problem(
                "PC113",
                file,
                args={
                    "name": loc[-1],
                    "rule": Localized("gevuld", "non-empty"),
                    "value": Localized("een lege lijst", "an empty list"),
                },
                path=loc,
            )
        else:
            expected = {
                "list_type": Localized("een lijst", "a list"),
                "dict_type": Localized("een mapping", "a mapping"),
                "model_type": Localized("een mapping", "a mapping"),
                "model_attributes_type": Localized("een mapping", "a mapping"),
            }.get(kind, Localized(error["msg"], error["msg"]))
            yield Problem(
                "PC112",
                file,
                args={"expected": expected, "got": _describe(error.get("input"))},
                path=loc,
            )


def _cross_check_pruned(
    data: Any, exc: ValidationError, file: str, found: list[Problem]
) -> list[Problem]:
    """Every problem at once: the values pydantic refused are left out of a copy of the
    data; when what is left is a valid scenario, its cross-checks (duplicate ids, the
    horizon, `from` after `until` …) are reported too, without repeating a problem."""
    pruned = copy.deepcopy(data)
    for error in exc.errors():
        if not _remove(pruned, tuple(error["loc"])):
            return []  # removing it would shift a list, and so the places of problems
    try:
        scenario = Scenario.model_validate(pruned)
    except ValidationError:
        return []  # a required value was refused: the rest waits for a valid file
    seen = {(p.code, p.path) for p in found}
    return [p for p in _cross_check(scenario, file) if (p.code, p.path) not in seen]


def _remove(data: Any, loc: tuple[Any, ...]) -> bool:
    """Delete the key at ``loc`` from its mapping (or the deepest key of ``loc`` that still
    exists). False when that would mean deleting an item of a list."""
    for depth in range(len(loc), 0, -1):
        parent = data
        try:
            for part in loc[: depth - 1]:
                parent = parent[part]
        except (KeyError, IndexError, TypeError):
            continue
        key = loc[depth - 1]
        if isinstance(parent, dict) and key in parent:
            del parent[key]
            return True
        if isinstance(parent, list):
            return False
    return True  # already gone


def _misplaced_adjustment(loc: tuple[Any, ...]) -> bool:
    """An adjustment key on a line whose kind does not take it (``deadweight`` on an
    effort line, ``optimism_bias`` on a budget line)."""
    every = {name for names in ADJUSTMENTS.values() for name in names}
    return len(loc) == 3 and loc[0] in ADJUSTMENTS and loc[-1] in every


def _drop_shadowed_missing(problems: list[Problem]) -> list[Problem]:
    """A misspelt key gives "unknown key 'amout'; did you mean 'amount'?" — the "missing
    key 'amount'" beside it says the same thing again, so it is left out."""
    suggested = {
        (p.path[:-1], p.args["suggestion"].en.split("'")[1])
        for p in problems
        if p.code == "PC102" and p.path and p.args["suggestion"].en
    }
    return [
        p
        for p in problems
        if not (p.code == "PC101" and p.path is not None and (p.path, p.args["key"]) in suggested)
    ]


def _unwrap(annotation: Any) -> Iterator[Any]:
    """The model classes an annotation may hold (through Annotated, Optional, list, dict)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        yield from _unwrap(typing.get_args(annotation)[0])
    elif origin in (list, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _unwrap(arg)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation


def _field_names(loc: tuple[Any, ...]) -> list[str]:
    """The valid keys of the model at ``loc`` (for "did you mean …")."""
    model: type[BaseModel] = Scenario
    for part in loc:
        if isinstance(part, int) or part not in _keys(model):
            if isinstance(part, int):
                continue
            # a dict key (a parameter name, say): the model stays the dict's value type
            continue
        field = next(f for name, f in model.model_fields.items() if part in (name, f.alias))
        candidates = list(_unwrap(field.annotation))
        if not candidates:
            return []
        model = candidates[0]
    return _keys(model)


def _keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _position_of_key(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _cross_check_raw(data: Any, file: str) -> Iterator[Problem]:
    """Cross-checks that help even when pydantic rejected the file: partner ids and the
    names used in expressions, read from the raw data where it is well-formed enough."""
    if not isinstance(data, dict):
        return
    years = data.get("years")
    if (
        isinstance(years, Plain)
        and isinstance(years.value, int)
        and isinstance(data.get("series"), dict)
    ):
        for name, series in data["series"].items():
            values = series.get("values") if isinstance(series, dict) else series
            if isinstance(values, list) and len(values) != years.value:
                start = data.get("start_year")
                first = (
                    start.value
                    if isinstance(start, Plain) and isinstance(start.value, int)
                    else "?"
                )
                last = first + years.value - 1 if isinstance(first, int) else "?"
                yield Problem(
                    "PC120",
                    file,
                    args={"got": len(values), "years": years.value, "first": first, "last": last},
                    path=("series", name),
                )
    if isinstance(data.get("checks"), list):
        for index, text in enumerate(data["checks"]):
            if isinstance(text, str):
                parsed = parse_check(str(text))
                if isinstance(parsed, Problem):
                    yield Problem(parsed.code, file, args=parsed.args, path=("checks", index))
    partner_ids = {str(p.get("id")) for p in data.get("partners") or [] if isinstance(p, dict)}
    names = set(RESERVED_NAMES)
    for key in ("parameters", "series"):
        if isinstance(data.get(key), dict):
            names.update(str(k) for k in data[key])
    for kind in LINE_KINDS:
        lines = data.get(kind)
        if not isinstance(lines, list):
            continue
        for index, line in enumerate(lines):
            if not isinstance(line, dict):
                continue
            partner = line.get("partner")
            if isinstance(partner, str) and partner_ids and str(partner) not in partner_ids:
                yield _undeclared(file, str(partner), partner_ids, (kind, index, "partner"))
            amount = line.get("amount")
            if isinstance(amount, str) and not (
                isinstance(amount, Plain) and amount.value is not None
            ):
                try:
                    expr = expressions.parse(str(amount))
                except expressions.ExpressionError:
                    continue  # pydantic reported it
                yield from _unknown_names(file, expr, names, (kind, index, "amount"))


def _undeclared(file: str, partner: str, ids: Any, path: tuple[Any, ...]) -> Problem:
    return Problem(
        "PC121",
        file,
        args={"partner": partner, "suggestion": suggestion(partner, sorted(ids))},
        path=path,
    )


def _unknown_names(
    file: str, expr: expressions.Expression, names: set[str], path: tuple[Any, ...]
) -> Iterator[Problem]:
    for name, offset in expr.names:
        if name not in names:
            yield Problem(
                "PC123",
                file,
                args={"name": name, "suggestion": suggestion(name, sorted(names))},
                path=path,
                offset=offset,
            )


def _check_fractions(s: Scenario, file: str) -> Iterator[Problem]:
    """Adjustments that name a parameter: it must exist, and its value and range must lie
    in [0, 1]."""
    places: list[tuple[tuple[Any, ...], Any]] = []
    defaults = s.adjustments.optimism_bias
    for kind in ("investments", "effort", "benefits"):
        places.append((("adjustments", "optimism_bias", kind), getattr(defaults, kind)))
    for kind, names in ADJUSTMENTS.items():
        for index, line in enumerate(s.lines(kind)):
            for name in names:
                places.append(((kind, index, name), getattr(line, name)))
    for path, value in places:
        if not isinstance(value, str):
            continue
        if value not in s.parameters:
            yield Problem(
                "PC139",
                file,
                args={"name": value, "suggestion": suggestion(value, sorted(s.parameters))},
                path=path,
            )
            continue
        parameter = s.parameters[value]
        for number in (parameter.value, parameter.low, parameter.high):
            if number is not None and not 0 <= number <= 1:
                yield Problem("PC136", file, args={"value": f"{value} = {number:g}"}, path=path)
                break


def _cross_check(s: Scenario, file: str) -> Iterator[Problem]:
    """Checks over the whole validated scenario (DOMAIN.md §3, rules of the format)."""
    first, last = s.start_year, s.start_year + s.years - 1
    if s.pactcalc != 1:
        yield Problem("PC118", file, args={"value": s.pactcalc}, path=("pactcalc",))
    limits = (  # (path, value, lowest, highest or None, rule)
        (
            ("years",),
            s.years,
            1,
            100,
            Localized("een geheel getal van 1 tot 100", "a whole number from 1 to 100"),
        ),
        (
            ("simulation", "samples"),
            s.simulation.samples,
            1,
            1_000_000,
            Localized("een geheel getal van 1 tot 1.000.000", "a whole number from 1 to 1,000,000"),
        ),
        (
            ("simulation", "seed"),
            s.simulation.seed,
            0,
            2**63 - 1,
            Localized("een geheel getal vanaf 0", "a whole number from 0"),
        ),
    )
    for where, value, lowest, highest, rule in limits:
        if not lowest <= value <= highest:
            yield Problem(
                "PC113", file, args={"name": where[-1], "rule": rule, "value": value}, path=where
            )
    rate = s.discount_rate.value
    if rate <= -1:
        yield Problem("PC132", file, args={"value": Percent(rate)}, path=("discount_rate",))
    elif not 0 <= rate <= 0.10:
        yield Problem("PC301", file, args={"value": Percent(rate)}, path=("discount_rate",))
    if s.weeks_per_year <= 0:
        yield Problem(
            "PC113",
            file,
            args={
                "name": "weeks_per_year",
                "rule": Localized("groter dan 0", "greater than 0"),
                "value": s.weeks_per_year,
            },
            path=("weeks_per_year",),
        )

    # names of parameters and series
    seen: dict[str, tuple[str | int, ...]] = {}
    for kind in ("parameters", "series"):
        for name in getattr(s, kind):
            path: tuple[str | int, ...] = (kind, name)
            if name in RESERVED_NAMES:
                yield Problem("PC117", file, args={"name": name}, path=path, at_key=True)
            elif not _IDENTIFIER.match(name):
                yield Problem(
                    "PC115",
                    file,
                    args={
                        "name": name,
                        "rule": Localized(
                            "letters, cijfers en _, niet beginnend met een cijfer",
                            "letters, digits and _, not starting with a digit",
                        ),
                    },
                    path=path,
                    at_key=True,
                )
            if name in seen:
                yield Problem(
                    "PC116",
                    file,
                    args={
                        "name": name,
                        "first_line": PathRef(seen[name], key=True),
                        "what": Localized(
                            "namen van parameters en reeksen", "parameter and series names"
                        ),
                    },
                    path=path,
                    at_key=True,
                )
            seen[name] = path
    for name, parameter in s.parameters.items():
        if (parameter.low is None) != (parameter.high is None):
            yield Problem(
                "PC119",
                file,
                args={
                    "rule": Localized(
                        "geef low én high, of geen van beide", "give both low and high, or neither"
                    )
                },
                path=("parameters", name),
            )
        elif (
            parameter.low is not None
            and parameter.high is not None
            and not (parameter.low <= parameter.value <= parameter.high)
        ):
            yield Problem(
                "PC119",
                file,
                args={
                    "rule": Localized(
                        f"low <= value <= high, maar het is {parameter.low:g}, "
                        f"{parameter.value:g}, {parameter.high:g}",
                        f"low <= value <= high, but it is {parameter.low:g}, {parameter.value:g}, "
                        f"{parameter.high:g}",
                    )
                },
                path=("parameters", name),
            )
    for name, parameter in s.parameters.items():
        if parameter.distribution is not None and parameter.low is None:
            yield Problem("PC138", file, path=("parameters", name, "distribution"), at_key=True)
    yield from _check_fractions(s, file)
    for name, series in s.series.items():
        if isinstance(series.values, list) and len(series.values) != s.years:
            yield Problem(
                "PC120",
                file,
                args={"got": len(series.values), "years": s.years, "first": first, "last": last},
                path=("series", name),
            )

    # partners
    ids: dict[str, int] = {}
    for index, partner in enumerate(s.partners):
        partner_path: tuple[str | int, ...] = ("partners", index, "id")
        path = partner_path
        if not _PARTNER_ID.match(partner.id):
            yield Problem(
                "PC115",
                file,
                args={
                    "name": partner.id,
                    "rule": Localized("letters, cijfers, - en _", "letters, digits, - and _"),
                },
                path=path,
            )
        if partner.id in ids:
            yield Problem(
                "PC116",
                file,
                args={
                    "name": partner.id,
                    "first_line": PathRef(("partners", ids[partner.id], "id")),
                    "what": Localized("partner-ids", "partner ids"),
                },
                path=path,
            )
        ids.setdefault(partner.id, index)

    names = set(s.parameters) | set(s.series) | RESERVED_NAMES
    for kind in LINE_KINDS:
        line_names: dict[str, int] = {}
        for index, line in enumerate(s.lines(kind)):
            base = (kind, index)
            if line.name in line_names:
                yield Problem(
                    "PC116",
                    file,
                    args={
                        "name": line.name,
                        "first_line": PathRef((kind, line_names[line.name], "name")),
                        "what": Localized(
                            "namen van regels binnen één soort", "line names within one kind"
                        ),
                    },
                    path=(*base, "name"),
                )
            line_names.setdefault(line.name, index)
            if line.partner not in ids:
                yield _undeclared(file, line.partner, ids, (*base, "partner"))
            if isinstance(line.amount, expressions.Expression):
                yield from _unknown_names(file, line.amount, names, (*base, "amount"))
            if isinstance(line, InvestmentLine):
                year = line.year if line.year is not None else s.start_year
                if not first <= year <= last:
                    yield Problem(
                        "PC127",
                        file,
                        args={"year": year, "first": first, "last": last},
                        path=(*base, "year"),
                    )
                continue
            start = line.start if line.start is not None else first
            end = line.until if line.until is not None else last
            if line.start is not None and line.until is not None and line.start > line.until:
                yield Problem(
                    "PC126",
                    file,
                    args={"start": line.start, "end": line.until},
                    path=(*base, "from"),
                )
            elif start > last or end < first:
                yield Problem(
                    "PC302", file, args={"line": line.name, "first": first, "last": last}, path=base
                )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, with the shorthands (a bare number for a parameter
    or discount rate, a number or list for a series) that the validators accept."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pactcalc scenario"
    props = schema["properties"]
    props["discount_rate"] = {
        "description": props["discount_rate"].get("description", ""),
        "anyOf": [{"type": "number"}, {"$ref": "#/$defs/DiscountRate"}],
        "default": DEFAULT_DISCOUNT_RATE,
    }
    for key, ref, short in (
        ("parameters", "Parameter", {"type": "number"}),
        (
            "series",
            "Series",
            {"anyOf": [{"type": "number"}, {"type": "array", "items": {"type": "number"}}]},
        ),
    ):
        props[key]["additionalProperties"] = {"anyOf": [short, {"$ref": f"#/$defs/{ref}"}]}
    return schema
