"""The values a trail is made of: its formula (a kind and its operands), its steps (one
year of the formula with its numbers), the payback's conclusion, the inputs and rules it
rests on, and :class:`ValueTrail` itself. Data only: the trails are traced by
:mod:`~pactcalc.explain.metric_trails`, :mod:`~pactcalc.explain.partner_trails` and
:mod:`~pactcalc.explain.line_trails`, and worded by :mod:`pactcalc.report.trails`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pactcalc import metrics
from pactcalc.agreement import RuleResult
from pactcalc.engine import Result

# --- what a trail rests on -----------------------------------------------------------------


@dataclass(frozen=True)
class SourcedInput:
    """A parameter, series or constant a line's amount uses, with its unit and source.

    ``values``: one number for a parameter or constant, one per year for a series given
    per year. ``default``: the constant (``weeks_per_year``) is not set in the scenario.
    """

    name: str
    kind: Literal["parameter", "series", "constant"]
    values: tuple[float, ...]
    unit: str | None
    source: str | None
    default: bool = False


@dataclass(frozen=True)
class AppliedAdjustment:
    """An adjustment of DOMAIN.md §6 on a line, with its value (a parameter's value put
    in). ``effect``: ``raise`` a cost ``× (1 + value)``; ``reduce`` a benefit
    ``× (1 − value)``; ``decline`` a benefit ``× (1 − value) ** years since its first year``
    (drop-off)."""

    name: str
    value: float
    effect: Literal["raise", "reduce", "decline"]


# --- formulas: a kind and its operands -----------------------------------------------------


@dataclass(frozen=True)
class SumOfLines:
    """``metric = Σ line_kind[y]``: the total of the lines of one kind."""

    metric: str
    line_kind: str
    kind: Literal["sum_of_lines"] = "sum_of_lines"


@dataclass(frozen=True)
class Headroom:
    """``headroom[y] = budget[y] − Σ (effort + investments paid from the budget)[y]``,
    summed over the years (``aggregate`` ``sum``) or their lowest (``min``)."""

    metric: str
    aggregate: Literal["sum", "min"]
    kind: Literal["headroom"] = "headroom"


@dataclass(frozen=True)
class Savings:
    """``savings[y] = baseline[y] − effort[y]``."""

    kind: Literal["savings"] = "savings"


@dataclass(frozen=True)
class NetPresentValue:
    """``npv = Σ net[y] · df[y]`` with ``df[y] = 1 / (1 + discount_rate) ** (y −
    first_year)``; ``net = savings + benefits − investment``."""

    discount_rate: float
    first_year: int
    kind: Literal["npv"] = "npv"


@dataclass(frozen=True)
class Ratio:
    """``metric = numerator_name / denominator_name`` (roi: the npv, bcr: the present value
    of the returns, over pv_investment; mkba_ratio: pv_gross_benefits / pv_costs), with
    both values."""

    metric: str
    numerator_name: str
    numerator: float
    denominator: float
    kind: Literal["ratio"] = "ratio"
    denominator_name: str = "pv_investment"


@dataclass(frozen=True)
class Payback:
    """The payback moment of DOMAIN.md §3: the first year whose cumulative net crosses
    zero, interpolated within it; ``discounted``: on discounted flows."""

    discounted: bool
    kind: Literal["payback"] = "payback"


@dataclass(frozen=True)
class LineAmount:
    """A line's amount as written in the scenario, then its adjustments.

    ``amount``: the text as written (or the number); ``constant``: the number when the
    amount is one, else None. For an expression, ``pieces`` are its text between the
    names, in order (one more than ``names``), so that each year's values can be put in
    where the names stand.
    """

    line_kind: str
    line: str
    partner: str
    amount: str
    constant: float | None
    pieces: tuple[str, ...]
    names: tuple[str, ...]
    adjustments: tuple[AppliedAdjustment, ...]
    kind: Literal["line"] = "line"


@dataclass(frozen=True)
class PartnerNet:
    """``net[y] = baseline[y] + benefits[y] − pays[y]`` of one partner (``net_total[P]``):
    what it stops paying plus what it gains, minus what it pays."""

    partner: str
    partner_name: str
    kind: Literal["partner_net"] = "partner_net"


@dataclass(frozen=True)
class TransferPart:
    """One transfer of a rule as a partner sees it: ``received`` (the partner is the
    receiver) or paid (the payer), with the other partner's name."""

    rule: str
    other: str
    received: bool


@dataclass(frozen=True)
class PartnerSettlement:
    """``settlement[y] = Σ received − Σ paid`` over the agreement's transfers of one
    partner (``settlement_total[P]``), the transfers in ``parts``' order."""

    partner: str
    partner_name: str
    parts: tuple[TransferPart, ...]
    kind: Literal["partner_settlement"] = "partner_settlement"


@dataclass(frozen=True)
class SettledNet:
    """``net_settled[y] = net[y] + settlement[y]`` of one partner (``net_settled_total[P]``)."""

    partner: str
    partner_name: str
    kind: Literal["settled_net"] = "settled_net"


Formula = (
    SumOfLines
    | Headroom
    | Savings
    | NetPresentValue
    | Ratio
    | Payback
    | LineAmount
    | PartnerNet
    | PartnerSettlement
    | SettledNet
)

# --- steps: one year of a formula with its numbers -----------------------------------------


@dataclass(frozen=True)
class SumStep:
    """One year of a sum of lines: each line's euros and the total."""

    year: int
    parts: tuple[float, ...]
    total: float


@dataclass(frozen=True)
class DifferenceStep:
    """One year of ``minuend − subtrahend = difference`` (headroom, savings)."""

    year: int
    minuend: float
    subtrahend: float
    difference: float


@dataclass(frozen=True)
class DiscountStep:
    """One year of the npv: ``(savings + benefits − investment) × discount_factor``."""

    year: int
    savings: float
    benefits: float
    investment: float
    discount_factor: float
    discounted_net: float


@dataclass(frozen=True)
class CumulativeStep:
    """One year of a payback: the cumulative net at its start (after the year's
    investment), the year's returns, and the cumulative net at its end."""

    year: int
    start: float
    returns: float
    end: float


@dataclass(frozen=True)
class LineStep:
    """One year of a line: the values of the amount's names (in the order of
    :attr:`LineAmount.names`), the index factor (None: no indexation), the years since the
    line's first year (for drop-off), and the euros. ``running`` False: the line does not
    run this year (and the other fields carry nothing)."""

    year: int
    running: bool
    values: tuple[float, ...]
    index_factor: float | None
    years_since_first: int
    value: float


@dataclass(frozen=True)
class PartnerNetStep:
    """One year of a partner's net: what it stops paying, gains and pays."""

    year: int
    baseline: float
    benefits: float
    pays: float
    net: float


@dataclass(frozen=True)
class SettlementStep:
    """One year of a partner's settlement: each transfer (as :attr:`PartnerSettlement.parts`,
    positive as the payer pays it) and the partner's settlement."""

    year: int
    parts: tuple[float, ...]
    settlement: float


@dataclass(frozen=True)
class SettledNetStep:
    """One year of a partner's net after the agreement: its net and its settlement."""

    year: int
    net: float
    settlement: float
    value: float


@dataclass(frozen=True)
class RuleStep:
    """One year of a rule's transfer from payer to receiver, with the year's terms and
    measures the engine settled it on (DOMAIN.md §7): a contribution's or lumpsum's
    amount L, a lumpsum's realised cost C, a gain share's benchmark B and savings G, an
    outcome payment's KPI value K, reference R and units beyond it. None: not of this
    rule."""

    year: int
    rule: str
    rule_kind: str
    receiver: str
    amount: float | None
    cost: float | None
    benchmark: float | None
    gain: float | None
    kpi_value: float | None
    reference: float | None
    units: float | None
    price: float | None
    transfer: float


TrailStep = (
    SumStep
    | DifferenceStep
    | DiscountStep
    | CumulativeStep
    | LineStep
    | PartnerNetStep
    | SettlementStep
    | SettledNetStep
    | RuleStep
)


@dataclass(frozen=True)
class RuleTerms:
    """A rule a partner's trail rests on: its name, its source, and what its sentence is
    worded from (the engine's settled rule and the result it belongs to)."""

    name: str
    source: str | None
    settled: RuleResult
    result: Result = field(repr=False)


# --- the payback's conclusion --------------------------------------------------------------


@dataclass(frozen=True)
class Crossing:
    """The cumulative net crosses zero in ``year`` (index ``whole_years``): the payback is
    ``whole_years + shortfall / returns``, where ``shortfall`` is −S of that year."""

    year: int
    whole_years: int
    shortfall: float
    returns: float
    payback: float


@dataclass(frozen=True)
class NeverNegative:
    """The cumulative net is never negative: the payback is 0."""


@dataclass(frozen=True)
class NotWithinHorizon:
    """The cumulative net does not return to zero within the horizon."""


PaybackConclusion = Crossing | NeverNegative | NotWithinHorizon

# --- the trail -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueTrail:
    """How one number is made, as values only.

    ``subject``: a metric or a line; ``value_kind``: how its value reads (a line is money);
    ``years``: the horizon's calendar years. ``feeds``: the lines and metrics it is made
    from (each has a trail of its own); ``inputs``: the parameters, series and constants a
    line rests on.
    """

    name: str
    subject: Literal["metric", "line"]
    value: float
    value_kind: metrics.Kind
    formula: Formula
    years: tuple[int, ...]
    steps: tuple[TrailStep, ...] = ()
    conclusion: PaybackConclusion | None = None
    feeds: tuple[str, ...] = ()
    inputs: tuple[SourcedInput, ...] = ()
    rules: tuple[RuleTerms, ...] = ()
