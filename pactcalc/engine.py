"""The engine: a validated :class:`~pactcalc.model.Scenario` in, a :class:`Result` out.

Pure numpy: no printing, no I/O. Every money series has the year axis last; parameters
may carry leading axes (samples, sensitivity variants) and everything broadcasts, so the
deterministic run is the case with no leading axis and there is only one engine.

The formulas are those of DOMAIN.md §2::

    effort[y]     = Σ effort lines                 (also per partner)
    headroom[y]   = budget[y] − Σ (effort + investment lines paid_from budget)[y]
    savings[y]    = baseline[y] − effort[y]
    net[y]        = savings[y] + benefits[y] − investment[y]
    npv           = Σ net[y] · df[y],  df[y] = 1 / (1 + rate) ** t   (start year undiscounted)
    roi = npv / pv_investment,  bcr = pv_returns / pv_investment      (none without investment)
    mkba_ratio = PV(baseline + benefits) / PV(effort + investment)     (none without costs)

Each line's euros per year (evaluated, indexed, adjusted) come from :mod:`pactcalc.lines`;
this module adds them up into the totals and metrics above.

With ``kpis``/``agreement`` (DOMAIN.md §7) :func:`compute` ends by settling the agreement
(:mod:`pactcalc.agreement`) on terms fixed on the plan: ``Result.kpis``,
``Result.agreement`` and each partner's ``settlement_per_year``; the totals above never
change.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pactcalc import finance, metrics
from pactcalc.agreement import KpiResult, RuleResult, settle
from pactcalc.lines import LineResult, Realisation, line_result
from pactcalc.lines import adjustment_values as adjustment_values  # for the workbook's formulas
from pactcalc.model import (
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_DISCOUNT_SOURCE,
    LINE_KINDS,
    Check,
    CheckResult,
    Scenario,
    evaluate_check,
)
from pactcalc.problems import Problem

Array = np.ndarray


@dataclass(frozen=True)
class PartnerResult:
    """Who delivers, pays, stops paying and gains, per year, for one partner.

    ``pays`` is what the partner funds: its own-funded effort and investments plus its
    share, as budget holder, of the budget-funded costs. ``net = baseline + benefits −
    pays``; the partners' nets add up to the total net.
    """

    id: str
    name: str
    effort_per_year: Array
    budget_per_year: Array
    pays_per_year: Array
    baseline_per_year: Array
    benefits_per_year: Array
    #: Received − paid under the agreement (DOMAIN.md §7); zeros without one.
    settlement_per_year: Array = field(default_factory=lambda: np.zeros(1))

    @property
    def net_per_year(self) -> Array:
        return np.asarray(self.baseline_per_year + self.benefits_per_year - self.pays_per_year)

    @property
    def net_settled_per_year(self) -> Array:
        """The net after the agreement: net + settlement."""
        return np.asarray(self.net_per_year + self.settlement_per_year)

    def total(self, metric: str) -> Array:
        """``effort_total``, ``pays_total``, ``baseline_total``, ``benefits_total``,
        ``net_total`` or ``budget_total``; after the agreement ``settlement_total`` and
        ``net_settled_total``."""
        if metric == "settlement_total":  # each computed only when asked (sample arrays)
            return np.asarray(self.settlement_per_year.sum(axis=-1))
        if metric == "net_settled_total":
            return np.asarray(self.net_settled_per_year.sum(axis=-1))
        series = {
            "effort_total": self.effort_per_year,
            "pays_total": self.pays_per_year,
            "baseline_total": self.baseline_per_year,
            "benefits_total": self.benefits_per_year,
            "net_total": self.net_per_year,
            "budget_total": self.budget_per_year,
        }[metric]
        return np.asarray(series.sum(axis=-1))


@dataclass(frozen=True)
class InputItem:
    """A parameter or series as an input, for the sources and assumptions lists."""

    kind: str  # 'parameter' | 'series'
    name: str
    unit: str | None
    source: str | None
    note: str | None

    @property
    def is_assumption(self) -> bool:
        if not self.source:
            return True
        return self.source.strip().lower().startswith(("assumption", "aanname"))


@dataclass
class Result:
    """Everything the engine computes; renderers read it and never compute themselves."""

    scenario: Scenario
    years: list[int]
    discount_rate: float
    discount_rate_source: str | None  # None: set in the scenario without a source
    lines: list[LineResult]
    partners: list[PartnerResult]
    effort_per_year: Array
    investment_per_year: Array
    budget_per_year: Array
    budget_funded_per_year: Array  # effort + investments paid from the budget
    effort_from_budget_per_year: Array  # the effort lines paid from the budget
    investment_from_budget_per_year: Array  # the investment lines paid from the budget
    pact_cost_per_year: Array  # effort + investment: the cost in the PACT situation
    headroom_per_year: Array
    baseline_per_year: Array
    savings_per_year: Array
    benefits_per_year: Array
    net_per_year: Array
    cumulative_per_year: Array  # E[k]: the cumulative net at the end of each year
    discount_factor_per_year: Array
    returns_per_year: Array  # r[k] = savings + benefits
    #: S[k] = E[k] − r[k]: the cumulative at the start of each year, after its investment
    #: (the payback convention: investments are lumps at the start, returns spread evenly).
    cumulative_start_per_year: Array
    discounted_net_per_year: Array  # net[y] · df[y]
    discounted_cumulative_per_year: Array
    discounted_cumulative_start_per_year: Array
    index_factor_per_year: Array  # (1 + indexation) ** (year − price_year)
    npv: Array
    pv_investment: Array
    pv_returns: Array
    roi: Array
    bcr: Array
    payback_years: Array
    discounted_payback_years: Array
    negative_again_year: int | None
    inputs: list[InputItem]
    checks: list[CheckResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The KPIs per year and the agreement's rules settled (DOMAIN.md §7,
    #: :mod:`pactcalc.agreement`); empty without ``kpis``/``agreement``.
    kpis: list[KpiResult] = field(default_factory=list)
    agreement: list[RuleResult] = field(default_factory=list)
    #: The MKBA's baten-kostenverhouding (:func:`_add_mkba_ratio`): the present value of
    #: the gross benefits (the baseline avoided + other benefits) over that of the costs
    #: (effort + investment); NaN without costs. Unlike ``bcr`` it does not net the
    #: effort out of the benefits.
    pv_gross_benefits: Array = field(default_factory=lambda: np.asarray(math.nan))
    pv_costs: Array = field(default_factory=lambda: np.asarray(math.nan))
    mkba_ratio: Array = field(default_factory=lambda: np.asarray(math.nan))

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def budget_sufficient(self) -> Array:
        """Whether the budget covers what it pays in every year, at the cent: a lowest
        headroom of −4.5e-13 (a budget of 2383.74 against 1000.11 + 1383.63) is 0, and
        sufficient. One bool per leading index (a 0-d array for one run). The sentence
        "the budget suffices" reads this, never ``headroom_min >= 0`` on the float."""
        return np.asarray(~finance.is_negative(self.metric("headroom_min")))

    @property
    def headroom_min_cents(self) -> Array:
        """The lowest headroom in a year, rounded to the cent (−4.5e-13 → 0.0): the amount
        to print beside :attr:`budget_sufficient`."""
        return finance.cents(self.metric("headroom_min"))

    def metric(self, name: str, partner: str | None = None, kpi: str | None = None) -> Array:
        """A metric by name (DOMAIN.md §3 "Metrics"); NaN where it does not exist. A
        KPI metric (``kpi_last``, ``kpi_total``) takes the KPI id as ``kpi`` or, as a check
        writes it, as ``partner`` (the index)."""
        if metrics.is_kpi_indexed(name):
            wanted = kpi if kpi is not None else partner
            found_kpi = next(k for k in self.kpis if k.id == wanted)
            value: Array = getattr(found_kpi, name)
            return value
        if partner is not None:
            found = next(p for p in self.partners if p.id == partner)
            return found.total(name)
        totals = {
            "effort_total": self.effort_per_year,
            "investment_total": self.investment_per_year,
            "budget_total": self.budget_per_year,
            "headroom_total": self.headroom_per_year,
            "baseline_total": self.baseline_per_year,
            "savings_total": self.savings_per_year,
            "benefits_total": self.benefits_per_year,
            "net_total": self.net_per_year,
        }
        if name in totals:
            return np.asarray(totals[name].sum(axis=-1))
        if name == "costs_total":  # what all partners pay together: effort + investment
            return np.asarray(self.pact_cost_per_year.sum(axis=-1))
        if name == "headroom_min":
            return np.asarray(self.headroom_per_year.min(axis=-1))
        value = getattr(self, name)
        return value


def compute(
    scenario: Scenario,
    checks: Sequence[Check] = (),
    parameters: Mapping[str, Array | float] | None = None,
    samples: int | None = None,
    plan: Result | None = None,
    realisation: Realisation | None = None,
) -> Result:
    """Compute the business case.

    ``parameters`` overrides parameter values (e.g. arrays of samples of shape ``(S, 1)``
    for a leading sample axis); by default each parameter's ``value``. ``samples`` gives
    every per-year array that leading axis even where no line depends on a sampled
    parameter. ``plan``: the scenario computed at its values (:func:`plan_of`), whose
    agreement terms are fixed at signing; computed here when parameters are overridden and
    none is given (a simulation in chunks passes it once). ``realisation``: inputs replaced
    by actuals in some years (DOMAIN.md §8, :mod:`pactcalc.monitor`); the agreement then
    settles on the realised figures with its terms fixed on ``plan``. Checks on a simulation
    (``P(…)``, ``P5(…)``, ``mean(…)``) are left to :mod:`pactcalc.uncertainty`.
    Problems found while computing (a division by zero, a negative budget …) are in
    ``result.problems`` with a ``path`` into the scenario; ``result.ok`` is False when one
    of them is an error, and the numbers are then not to be shown.
    """
    # Overflow and 0/0 are found and reported as problems (PC130, PC140); numpy's own
    # warnings would only reach the user's terminal as noise.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _compute(scenario, checks, parameters, samples, plan, realisation)


def plan_of(scenario: Scenario) -> Result | None:
    """The plan whose terms an agreement fixes at signing (DOMAIN.md §7), for
    :func:`compute`'s ``plan`` when it runs many times with overridden parameters; None
    when the scenario has no KPIs or agreement (nothing to fix)."""
    if not (scenario.kpis or scenario.agreement):
        return None
    return compute(scenario)


#: What :func:`compute_kept` leaves out when no metric it keeps reads it.
OPTIONAL_PARTS: dict[str, tuple[str, ...]] = {
    "payback": ("payback_years",),
    "discounted_payback": ("discounted_payback_years",),
    "mkba": ("mkba_ratio",),
}

#: The value of a field left out: not a number, whatever is asked of it.
_LEFT_OUT = np.full((), math.nan)
_LEFT_OUT.flags.writeable = False


def compute_kept(
    scenario: Scenario,
    parameters: Mapping[str, Array | float],
    samples: int,
    plan: Result | None,
    kept: Sequence[str],
    cumulative: bool,
    realisation: Realisation | None = None,
    partners: bool = True,
) -> Result:
    """:func:`compute` of a chunk of samples of which a simulation reads only the metrics
    ``kept`` (of any partner), the per-year totals, lines, agreement and problems and,
    with ``cumulative``, the cumulative net per year (the fan chart). Left out: the
    paybacks, MKBA ratio and discounted cumulatives no kept metric reads (NaN, see
    :data:`OPTIONAL_PARTS`) and the deterministic run's problems about the file (PC129,
    PC305, PC306: a simulation looks only for samples without a number). Every number
    it computes is :func:`compute`'s, bit for bit: the same arithmetic in the same order.
    ``realisation``: actuals over the samples (DOMAIN.md §8), for a check on a simulation of
    the current expectation. Without ``partners`` (no metric kept is a partner's or a
    KPI's) the partners, the KPIs and the agreement are left out too (empty lists)."""
    left_out = {part for part, readers in OPTIONAL_PARTS.items() if not set(readers) & set(kept)}
    left_out |= {"discounted_cumulative", "file_problems"}
    if not cumulative:
        left_out.add("cumulative")
    if not partners:
        left_out.add("partners")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _compute(
            scenario, (), parameters, samples, plan, realisation, left_out=frozenset(left_out)
        )


def _compute(
    scenario: Scenario,
    checks: Sequence[Check],
    parameters: Mapping[str, Array | float] | None,
    samples: int | None,
    plan: Result | None = None,
    realisation: Realisation | None = None,
    left_out: frozenset[str] = frozenset(),
) -> Result:
    years = scenario.calendar_years
    n_years = len(years)
    problems: list[Problem] = []
    env = _environment(scenario, parameters, realisation)
    # The baseline is a counterfactual: actuals' series and parameters do not reach it.
    baseline_env = env if realisation is None else _environment(scenario, parameters)
    price_year = scenario.price_year if scenario.price_year is not None else scenario.start_year
    index_factor = (1.0 + scenario.indexation) ** (np.asarray(years, dtype=float) - price_year)

    lines = [
        line_result(
            scenario,
            kind,
            index,
            line,
            baseline_env if kind == "baseline" else env,
            index_factor,
            problems,
            realisation,
        )
        for kind in LINE_KINDS
        for index, line in enumerate(scenario.lines(kind))
    ]

    lead_shape = np.broadcast_shapes(
        (n_years,) if samples is None else (samples, n_years),
        *(line.eur_per_year.shape for line in lines),
    )
    sums = _Sums(lines, lead_shape, by_partner="partners" not in left_out)
    total = sums.total
    effort = total("effort")
    investment = total("investments")
    budget = total("budget")
    baseline = total("baseline")
    benefits = total("benefits")
    effort_from_budget = total("effort", paid_from="budget")
    investment_from_budget = total("investments", paid_from="budget")
    budget_funded = effort_from_budget + investment_from_budget
    headroom = budget - budget_funded
    savings = baseline - effort
    returns = savings + benefits
    net = returns - investment
    rate = scenario.discount_rate.value
    df = finance.discount_factors(n_years, rate)
    discounted_net = net * df  # each product made once: with samples, each is large
    discounted_investment = investment * df
    discounted_returns = returns * df
    npv = discounted_net.sum(axis=-1)
    pv_investment = discounted_investment.sum(axis=-1)
    pv_returns = discounted_returns.sum(axis=-1)
    simple = _payback(investment, returns, "payback" in left_out)
    discounted = _payback(
        discounted_investment, discounted_returns, "discounted_payback" in left_out
    )

    problems.extend(
        _overflow(
            scenario,
            {
                "baseline": baseline,
                "budget": budget,
                "effort": effort,
                "investments": investment,
                "benefits": benefits,
                "discount_rate": (df, discounted_net, npv),
            },
        )
    )
    partners = [] if "partners" in left_out else _partners(scenario, sums, budget, budget_funded)
    negative_again_year = None
    if "file_problems" not in left_out:
        problems.extend(_budget_problems(lines, budget, budget_funded, years))
        negative_again_year = _negative_again(simple, lines, years, problems)

    cumulative = cumulative_start = discounted_cumulative = discounted_start = _LEFT_OUT
    if "cumulative" not in left_out:
        cumulative = np.cumsum(net, axis=-1)
        cumulative_start = cumulative - returns
    if "discounted_cumulative" not in left_out:
        discounted_cumulative = np.cumsum(discounted_net, axis=-1)
        discounted_start = discounted_cumulative - discounted_returns
    result = Result(
        scenario=scenario,
        years=years,
        discount_rate=rate,
        discount_rate_source=_rate_source(scenario),
        lines=lines,
        partners=partners,
        effort_per_year=effort,
        investment_per_year=investment,
        budget_per_year=budget,
        budget_funded_per_year=budget_funded,
        effort_from_budget_per_year=effort_from_budget,
        investment_from_budget_per_year=investment_from_budget,
        pact_cost_per_year=effort + investment,
        headroom_per_year=headroom,
        baseline_per_year=baseline,
        savings_per_year=savings,
        benefits_per_year=benefits,
        net_per_year=net,
        cumulative_per_year=cumulative,
        discount_factor_per_year=df,
        returns_per_year=returns,
        cumulative_start_per_year=cumulative_start,
        discounted_net_per_year=discounted_net,
        discounted_cumulative_per_year=discounted_cumulative,
        discounted_cumulative_start_per_year=discounted_start,
        index_factor_per_year=index_factor,
        npv=npv,
        pv_investment=pv_investment,
        pv_returns=pv_returns,
        roi=finance.ratio_or_nan(npv, pv_investment),
        bcr=finance.ratio_or_nan(pv_returns, pv_investment),
        payback_years=simple.years,
        discounted_payback_years=discounted.years,
        negative_again_year=negative_again_year,
        inputs=_inputs(scenario),
        problems=problems,
    )
    if "partners" not in left_out:
        overridden = parameters is not None or realisation is not None
        _settle(scenario, result, env, overridden, plan, realisation)
    if "mkba" not in left_out:
        _add_mkba_ratio(result)
    # A warning about the file: once, not per sample or variant; PC129 (no budget at all)
    # already says what to do about budget-funded costs.
    if parameters is None and realisation is None and not any(p.code == "PC129" for p in problems):
        problems.extend(budget_of_another_partner(scenario))
    # Probabilistic checks need a simulation: pactcalc.uncertainty evaluates them.
    result.checks = [
        evaluate_check(result, check, i)
        for i, check in enumerate(checks)
        if not check.is_probabilistic
    ]
    return result


def _budget_problems(
    lines: Sequence[LineResult], budget: Array, budget_funded: Array, years: list[int]
) -> list[Problem]:
    """PC129 (costs paid from a budget that no line holds) and PC305 (a year whose
    budget-funded costs have no budget that year). Money at the cent
    (``finance.is_zero``, ``money_compare``): noise of 1e-13 is no amount."""
    problems = []
    budget_funded_nonzero = ~finance.is_zero(budget_funded)
    has_budget = finance.money_compare(">", budget.sum(axis=-1), 0.0)
    if budget_funded_nonzero.any() and not has_budget.all():
        first = next(
            line
            for line in lines
            if line.paid_from == "budget" and (~finance.is_zero(line.eur_per_year)).any()
        )
        problems.append(Problem("PC129", "", path=(first.kind, first.index)))
    if budget_funded_nonzero.any():
        for year_index in np.flatnonzero(
            (budget_funded_nonzero & finance.is_zero(budget)).reshape(-1, len(years)).any(axis=0)
        ):
            if has_budget.all():
                problems.append(
                    Problem("PC305", "", args={"year": years[int(year_index)]}, path=("budget",))
                )
    return problems


def _negative_again(
    simple: finance.Payback, lines: Sequence[LineResult], years: list[int], problems: list[Problem]
) -> int | None:
    """The year in which the cumulative turns negative again after the payback (one run
    only), with PC306 added to ``problems`` at the investment that causes it."""
    again = simple.negative_again.reshape(-1)
    if not (again.size == 1 and again[0] >= 0):
        return None
    year = years[int(again[0])]
    t_again = years.index(year)
    cause = next(
        (
            line
            for line in lines
            if line.kind == "investments" and (line.eur_per_year[..., t_again] != 0).any()
        ),
        None,
    )
    problems.append(
        Problem("PC306", "", args={"year": year}, path=(cause.kind, cause.index) if cause else None)
    )
    return year


def _payback(investment: Array, returns: Array, left_out: bool) -> finance.Payback:
    """:func:`pactcalc.finance.payback`, or, ``left_out``, none (NaN; never again
    negative)."""
    if left_out:
        return finance.Payback(years=_LEFT_OUT, negative_again=np.full((), -1, dtype=np.int64))
    return finance.payback(investment, returns)


def _add_mkba_ratio(result: Result) -> None:
    """The MKBA ratio and its two present values on ``result``, in place, from its
    per-year arrays: PV(baseline + benefits) / PV(effort + investment)."""
    df = result.discount_factor_per_year
    result.pv_gross_benefits = ((result.baseline_per_year + result.benefits_per_year) * df).sum(
        axis=-1
    )
    result.pv_costs = (result.pact_cost_per_year * df).sum(axis=-1)
    result.mkba_ratio = finance.ratio_or_nan(result.pv_gross_benefits, result.pv_costs)


def budget_of_another_partner(scenario: Scenario) -> list[Problem]:
    """PC360 for each effort or investment line that is paid from the budget only because
    ``paid_from`` was left out, when its partner holds no budget and other partners do:
    the default then silently charges, say, a housing corporation's own effort to the
    municipality's budget. Writing ``paid_from`` (``own`` or ``budget``) settles it."""
    holders = list(dict.fromkeys(line.partner for line in scenario.budget))
    if not holders:
        return []
    names = {partner.id: partner.name for partner in scenario.partners}
    found = []
    for kind in ("effort", "investments"):
        for index, line in enumerate(scenario.lines(kind)):
            defaulted = "paid_from" not in line.model_fields_set
            if defaulted and line.paid_from == "budget" and line.partner not in holders:
                args = {
                    "line": line.name,
                    "partner": names.get(line.partner, line.partner),
                    "holders": ", ".join(names.get(h, h) for h in holders),
                }
                found.append(Problem("PC360", "", args=args, path=(kind, index)))
    return found


def _settle(
    scenario: Scenario,
    result: Result,
    env: Mapping[str, Any],
    overridden: bool,
    given_plan: Result | None,
    realisation: Realisation | None = None,
) -> None:
    """The KPIs and the agreement (DOMAIN.md §7) on ``result``, in place: terms fixed on
    the plan — this result itself, or (``overridden`` parameters: a simulation or a
    sensitivity) ``given_plan`` or else a deterministic compute of the same scenario."""
    shape = np.asarray(result.net_per_year).shape
    if not (scenario.kpis or scenario.agreement):
        none = np.broadcast_to(0.0, shape)
        result.partners = [
            dataclasses.replace(p, settlement_per_year=none) for p in result.partners
        ]
        return
    plan, plan_env = result, env
    if overridden:
        plan = given_plan if given_plan is not None else _compute(scenario, (), None, None)
        plan_env = _environment(scenario, None)
    measured = realisation.measured if realisation is not None else None
    settled = settle(scenario, result, env, plan, plan_env, measured)
    result.kpis = settled.kpis
    result.agreement = settled.rules
    result.partners = [
        dataclasses.replace(
            p, settlement_per_year=np.broadcast_to(settled.per_partner[p.id], shape)
        )
        for p in result.partners
    ]
    if not overridden:  # the plan's problems are the run's; a simulation repeats them
        result.problems.extend(settled.problems)


def _environment(
    scenario: Scenario,
    overrides: Mapping[str, Array | float] | None,
    realisation: Realisation | None = None,
) -> dict[str, Any]:
    env: dict[str, Any] = {"weeks_per_year": scenario.weeks_per_year}
    for name, parameter in scenario.parameters.items():
        env[name] = parameter.value
    if overrides:
        env.update(overrides)
    for name, series in scenario.series.items():
        values = series.values if isinstance(series.values, list) else [series.values]
        env[name] = np.broadcast_to(np.asarray(values, dtype=float), (scenario.years,))
    if realisation is not None:  # the actuals' years over the plan's value (or its samples)
        for name, (replaced, actual) in realisation.values.items():
            env[name] = np.where(replaced, actual, env[name])
    return env


def _overflow(scenario: Scenario, totals: Mapping[str, Array | tuple[Array, ...]]) -> list[Problem]:
    """Amounts too large for floating point (their sum overflows), or a discount rate
    that makes the discount factors of a long horizon overflow: an error, never an
    infinity in the output. A kind may name several arrays (the discount factors, the
    discounted net and the npv for the rate)."""
    for kind, values in totals.items():
        parts = values if isinstance(values, tuple) else (values,)
        if not all(np.isfinite(part).all() for part in parts):
            return [Problem("PC140", "", args={"what": kind}, path=(kind,))]
    return []


def _fits(shape: tuple[int, ...], into: tuple[int, ...]) -> bool:
    """Does an array of ``shape`` broadcast into ``into`` (as ``np.broadcast_shapes(into,
    shape) == into``, without numpy's cost per call: the engine asks this for every line
    and sum of every chunk)?

    >>> _fits((5,), (100, 5)), _fits((100, 5), (5,)), _fits((1, 5), (100, 5))
    (True, False, True)
    """
    return len(shape) <= len(into) and all(
        size in (1, other) for size, other in zip(reversed(shape), reversed(into), strict=False)
    )


class _Sums:
    """The lines added up once, by kind, by partner and by who pays (one pass over the
    lines: with a sample axis each sum is a large array, so none is made twice). A sum
    stays one row of years until a line of it varies with the samples or it is asked for
    (:meth:`total`): the same additions in the same order, with less work and memory.
    Without ``by_partner`` only the scenario's sums are made (a simulation that reads no
    partner's figures)."""

    def __init__(
        self, lines: list[LineResult], shape: tuple[int, ...], by_partner: bool = True
    ) -> None:
        self.zeros = np.zeros(shape)
        self.zeros.flags.writeable = False  # shared by every empty sum
        sums: dict[tuple[str, str | None, str | None], Array] = {}
        for line in lines:
            keys: set[tuple[str, str | None, str | None]] = {(line.kind, None, None)}
            if line.paid_from is not None:
                keys.add((line.kind, None, line.paid_from))
            if by_partner:
                keys |= {(kind, line.partner, paid_from) for kind, _, paid_from in keys}
            eur = line.eur_per_year
            for key in keys:
                found = sums.get(key)
                if found is None:
                    sums[key] = 0.0 + np.asarray(eur, dtype=float)  # a fresh array, 0 + x
                elif _fits(eur.shape, found.shape):
                    found += eur
                else:
                    sums[key] = found + eur
        self.shape = shape
        self.sums = sums

    def total(self, kind: str, partner: str | None = None, paid_from: str | None = None) -> Array:
        """The lines of ``kind`` (of ``partner``, paid from ``paid_from``) summed, in the
        samples' shape: a fresh array, laid out as one made in that shape (numpy sums a
        row of 8 or more years in an order that depends on the layout)."""
        key = (kind, partner, paid_from)
        found = self.sums.get(key)
        if found is None:
            return self.zeros
        if found.shape != self.shape:
            found = self.sums[key] = np.array(np.broadcast_to(found, self.shape))
        return found


def _partners(
    scenario: Scenario,
    sums: _Sums,
    budget: Array,
    budget_funded: Array,
) -> list[PartnerResult]:
    def of(partner: str, kind: str, paid_from: str | None = None) -> Array:
        return sums.total(kind, partner, paid_from)

    budget_horizon = budget.sum(axis=-1, keepdims=True)
    has_budget = budget > 0
    safe_budget = np.where(has_budget, budget, 1.0)
    safe_horizon = np.where(budget_horizon > 0, budget_horizon, 1.0)
    result = []
    for partner in scenario.partners:
        held = of(partner.id, "budget")
        pays = of(partner.id, "effort", "own") + of(partner.id, "investments", "own")
        if held is not sums.zeros:  # a budget holder also pays its share of the budget
            # Pro rata to the budget held that year; in a year without budget, pro rata
            # to the budgets over the whole horizon (DOMAIN.md §2, "who pays").
            share = np.where(
                has_budget,
                held / safe_budget,
                np.where(budget_horizon > 0, held.sum(axis=-1, keepdims=True) / safe_horizon, 0.0),
            )
            pays = pays + share * budget_funded
        result.append(
            PartnerResult(
                id=partner.id,
                name=partner.name,
                effort_per_year=of(partner.id, "effort"),
                budget_per_year=held,
                pays_per_year=pays,
                baseline_per_year=of(partner.id, "baseline"),
                benefits_per_year=of(partner.id, "benefits"),
            )
        )
    return result


def _rate_source(scenario: Scenario) -> str | None:
    given = "discount_rate" in scenario.model_fields_set
    rate = scenario.discount_rate
    if given and rate.source:
        return rate.source
    if math.isclose(rate.value, DEFAULT_DISCOUNT_RATE, rel_tol=0, abs_tol=1e-12):
        return DEFAULT_DISCOUNT_SOURCE
    return None


def _inputs(scenario: Scenario) -> list[InputItem]:
    items = [
        InputItem("parameter", name, p.unit, p.source, p.note)
        for name, p in scenario.parameters.items()
    ]
    items += [
        InputItem("series", name, s.unit, s.source, s.note) for name, s in scenario.series.items()
    ]
    return items


@dataclass(frozen=True)
class Comparison:
    """Headline metrics of several scenarios side by side, and each one's difference to
    the first (NaN where either value does not exist, e.g. no payback)."""

    names: list[str]
    metrics: tuple[str, ...]
    values: Array  # scenarios × metrics
    differences: Array  # scenarios × metrics: value − value of the first scenario


def compare_results(results: Sequence[Result]) -> Comparison:
    """Compare computed scenarios (the first is the reference)."""
    compared = metrics.names(metrics.headline_metrics())
    values = np.array(
        [[float(np.asarray(r.metric(m)).reshape(-1)[0]) for m in compared] for r in results]
    )
    return Comparison(
        names=[r.scenario.name for r in results],
        metrics=compared,
        values=values,
        differences=values - values[0],
    )
