"""One line of a scenario in euros per year: its amount evaluated in the years it runs,
indexed, checked, then adjusted (DOMAIN.md §2 and §6).

The engine (:mod:`pactcalc.engine`) makes a :class:`LineResult` of every line with
:func:`line_result` and adds them up; :func:`adjustment_values` (which adjustments apply
to a line) is shared with the audit trail and the workbook's formulas, so that all three
apply the same ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pactcalc import expressions, finance, i18n
from pactcalc.model import ADJUSTMENTS, InvestmentLine, Scenario
from pactcalc.problems import Money, Problem

Array = np.ndarray


@dataclass(frozen=True)
class Realisation:
    """Inputs of the plan replaced in some years by actuals (DOMAIN.md §8): a realised year
    is the plan with some inputs replaced, computed by the one engine.

    ``values``: a series or parameter name → (bool per year: replaced?, value per year),
    applied over the plan's value (or a sample of it); lines of kind ``baseline`` ignore
    them (the counterfactual cannot be observed). ``unbiased``: bool per year, the years
    whose optimism bias is removed (the realised ones). ``booked``: (kind, index of the
    line) → euros per year, NaN where nothing is booked; a booked amount replaces the
    line as written (nominal: no indexation, no adjustment). ``measured``: KPI id → value
    per year, NaN where not measured; a measured value changes no line.
    """

    values: Mapping[str, tuple[Array, Array]] = field(default_factory=dict)
    unbiased: Array | None = None
    booked: Mapping[tuple[str, int], Array] = field(default_factory=dict)
    measured: Mapping[str, Array] = field(default_factory=dict)


@dataclass(frozen=True)
class LineResult:
    """One line of the scenario in euros per year (after indexation, zero where it does
    not run)."""

    kind: str
    index: int
    name: str
    partner: str
    paid_from: str | None
    eur_per_year: Array  # after the adjustments: what the business case counts
    running: Array  # bool per year: does the line run in that year
    gross_per_year: Array | None = None  # before the adjustments (None: there are none)
    #: Each adjustment's effect in euros per year, in the order applied (DOMAIN.md §6):
    #: gross + Σ effects = eur_per_year.
    adjustments: tuple[tuple[str, Array], ...] = ()

    @property
    def total(self) -> Array:
        return np.asarray(self.eur_per_year.sum(axis=-1))

    @property
    def gross_total(self) -> Array:
        """Before the adjustments (equal to ``total`` when there are none)."""
        gross = self.eur_per_year if self.gross_per_year is None else self.gross_per_year
        return np.asarray(gross.sum(axis=-1))

    def adjustment_totals(self) -> list[tuple[str, Array]]:
        """Each adjustment's effect over the horizon, in euros."""
        return [(name, effect.sum(axis=-1)) for name, effect in self.adjustments]


def line_result(
    scenario: Scenario,
    kind: str,
    index: int,
    line: Any,
    env: Mapping[str, Any],
    index_factor: Array,
    problems: list[Problem],
    realisation: Realisation | None = None,
) -> LineResult:
    """One line in euros per year: its amount evaluated where it runs, indexed, and
    adjusted. A division by zero, a non-finite amount, a negative budget or investment is
    added to ``problems`` (the amount counts as 0 where it is not a number). With a
    ``realisation``, the optimism bias is left out in its ``unbiased`` years and a booked
    amount replaces the line in its year."""
    years = scenario.calendar_years
    n_years = len(years)
    mask = _running_mask(scenario, line)
    evaluation = expressions.evaluate_expression(line.amount, env)
    value = np.broadcast_to(
        evaluation.value,
        (*evaluation.value.shape[:-1], n_years) if evaluation.value.ndim else (n_years,),
    )
    # Checked on the line's own shape (a line without sampled inputs stays one row).
    bad = ~np.isfinite(value)
    zero_div = None  # made only for a line that divides by zero somewhere
    if evaluation.divided_by_zero.any():
        zero_div = np.broadcast_to(evaluation.divided_by_zero, value.shape)
        bad = bad | zero_div
    bad &= mask
    if bad.any():
        first_bad = int(np.argmax(bad.reshape(-1, n_years).any(axis=0)))
        divided = zero_div is not None and (zero_div & mask).any()
        what = i18n.Text("problem.division_by_zero" if divided else "problem.not_finite")
        problems.append(
            Problem(
                "PC130",
                "",
                args={"line": line.name, "year": years[first_bad], "what": what},
                path=(kind, index, "amount"),
            )
        )
        value = np.where(bad, 0.0, value)
    eur = value if mask.all() else np.where(mask, value, 0.0)
    if scenario.indexation != 0:
        eur = eur * index_factor
    if kind in ("budget", "investments"):  # the kinds that cannot be negative
        problems += _negative(kind, index, line.name, eur, years)
    gross = eur
    unbiased = realisation.unbiased if realisation is not None else None
    effects = _adjustments(scenario, kind, line, env, years, eur, unbiased)
    for _name, effect in effects:
        eur = eur + effect
    booked = realisation.booked.get((kind, index)) if realisation is not None else None
    if booked is not None:  # as written: replaces the line, its indexation and adjustments
        is_booked = ~np.isnan(booked)
        eur = np.where(is_booked, booked, eur)
        gross = np.where(is_booked, booked, gross)
        effects = [(name, np.where(is_booked, 0.0, effect)) for name, effect in effects]
        mask = mask | is_booked
    return LineResult(
        kind,
        index,
        line.name,
        line.partner,
        getattr(line, "paid_from", None),
        eur,
        mask,
        gross if effects else None,
        tuple(effects),
    )


def _negative(kind: str, index: int, name: str, eur: Array, years: list[int]) -> list[Problem]:
    """PC128 for a budget negative in a year, PC303 for a negative investment (at the
    cent: ``finance.is_negative``)."""
    negative = finance.is_negative(eur)
    if not negative.any():
        return []
    path = (kind, index, "amount")
    if kind == "investments":
        total = float(eur.sum(axis=-1).min())
        return [Problem("PC303", "", args={"line": name, "value": Money(total)}, path=path)]
    n_years = len(years)
    first = int(np.argmax(negative.reshape(-1, n_years).any(axis=0)))
    lowest = float(eur.reshape(-1, n_years)[:, first].min())
    args = {"line": name, "year": years[first], "value": Money(lowest)}
    return [Problem("PC128", "", args=args, path=path)]


def adjustment_values(scenario: Scenario, kind: str, line: Any) -> dict[str, float | str]:
    """The adjustments that apply to a line, each a number or a parameter name: the line's
    own, else the scenario's default optimism bias for its kind."""
    values: dict[str, float | str] = {}
    defaults = scenario.adjustments.optimism_bias
    for name in ADJUSTMENTS[kind]:
        value = getattr(line, name, None)
        if value is None and name == "optimism_bias":
            value = getattr(defaults, kind)
        if value is not None:
            values[name] = value
    return values


def _adjustments(
    scenario: Scenario,
    kind: str,
    line: Any,
    env: Mapping[str, Any],
    years: list[int],
    gross: Array,
    unbiased: Array | None = None,
) -> list[tuple[str, Array]]:
    """The effect in euros of each adjustment, applied one after the other (DOMAIN.md §6):
    cost × (1 + optimism_bias); benefit × (1 − optimism_bias) · (1 − deadweight) ·
    (1 − displacement) · (1 − attribution) · (1 − drop_off) ** (y − first year). The
    optimism bias corrects a forecast: it is 0 in the ``unbiased`` (realised) years."""
    effects: list[tuple[str, Array]] = []
    current = gross
    for name, given in adjustment_values(scenario, kind, line).items():
        fraction = env[given] if isinstance(given, str) else given
        fraction = np.asarray(fraction, dtype=float)
        if name == "optimism_bias" and unbiased is not None:
            fraction = np.where(unbiased, 0.0, fraction)
        if kind in ("effort", "investments"):
            factor = 1.0 + fraction
        elif name == "drop_off":
            first = line.start if line.start is not None else years[0]
            factor = (1.0 - fraction) ** np.maximum(np.asarray(years) - first, 0)
        else:
            factor = 1.0 - fraction
        adjusted = current * factor
        effects.append((name, adjusted - current))
        current = adjusted
    return effects


def _running_mask(scenario: Scenario, line: Any) -> Array:
    years = np.asarray(scenario.calendar_years)
    if isinstance(line, InvestmentLine):
        year = line.year if line.year is not None else scenario.start_year
        return np.asarray(years == year)
    start = line.start if line.start is not None else years[0]
    end = line.until if line.until is not None else years[-1]
    return np.asarray((years >= start) & (years <= end))
