"""The trail of one line: its amount as written, year by year with the values of the names
it uses put in, its adjustments, and the parameters, series and constant it rests on with
their sources."""

from __future__ import annotations

from typing import Any, Literal

from pactcalc.engine import Result
from pactcalc.explain.trail import (
    AppliedAdjustment,
    LineAmount,
    LineStep,
    SourcedInput,
    ValueTrail,
)
from pactcalc.expressions import Expression
from pactcalc.lines import LineResult, adjustment_values
from pactcalc.model import Scenario


def line_trail(result: Result, line: LineResult) -> ValueTrail:
    scenario = result.scenario
    spec = scenario.lines(line.kind)[line.index]
    amount = spec.amount
    inputs = _expression_inputs(scenario, amount)
    adjustments = _applied_adjustments(scenario, line.kind, spec, inputs)
    if isinstance(amount, Expression):
        occurrences = sorted(amount.names, key=lambda found: found[1])
        pieces, last = [], 0
        for used_name, offset in occurrences:
            pieces.append(amount.text[last:offset])
            last = offset + len(used_name)
        pieces.append(amount.text[last:])
        formula = LineAmount(
            line.kind,
            line.name,
            line.partner,
            str(amount),
            None,
            tuple(pieces),
            tuple(used_name for used_name, _offset in occurrences),
            adjustments,
        )
    else:
        formula = LineAmount(
            line.kind, line.name, line.partner, str(amount), float(amount), (), (), adjustments
        )
    first_year = getattr(spec, "start", None) or result.years[0]
    indexed = scenario.indexation != 0
    steps = []
    for t, year in enumerate(result.years):
        if not line.running[t]:
            steps.append(LineStep(year, False, (), None, 0, 0.0))
            continue
        steps.append(
            LineStep(
                year,
                True,
                tuple(_value_in_year(scenario, used_name, t) for used_name in formula.names),
                float(result.index_factor_per_year[t]) if indexed else None,
                max(year - first_year, 0),
                float(line.eur_per_year[t]),
            )
        )
    return ValueTrail(
        name=line.name,
        subject="line",
        value=float(line.total),
        value_kind="money",
        formula=formula,
        years=tuple(result.years),
        steps=tuple(steps),
        inputs=tuple(inputs),
    )


def _expression_inputs(scenario: Scenario, amount: object) -> list[SourcedInput]:
    """The parameters, series and constant an amount uses, each once, in order of use."""
    used: list[str] = []
    if isinstance(amount, Expression):
        for used_name, _offset in amount.names:
            if used_name not in used:
                used.append(used_name)
    inputs = []
    for used_name in used:
        if used_name in scenario.parameters:
            parameter = scenario.parameters[used_name]
            inputs.append(
                SourcedInput(
                    used_name,
                    "parameter",
                    (float(parameter.value),),
                    parameter.unit,
                    parameter.source,
                )
            )
        elif used_name in scenario.series:
            series = scenario.series[used_name]
            given = series.values if isinstance(series.values, list) else [series.values]
            inputs.append(
                SourcedInput(
                    used_name,
                    "series",
                    tuple(float(v) for v in given),
                    series.unit,
                    series.source,
                )
            )
        elif used_name == "weeks_per_year":
            inputs.append(
                SourcedInput(
                    used_name,
                    "constant",
                    (float(scenario.weeks_per_year),),
                    None,
                    None,
                    default="weeks_per_year" not in scenario.model_fields_set,
                )
            )
    return inputs


def _applied_adjustments(
    scenario: Scenario, line_kind: str, spec: Any, inputs: list[SourcedInput]
) -> tuple[AppliedAdjustment, ...]:
    """The line's adjustments with their values; a parameter named by one is added to the
    inputs (with its source) when the amount does not already use it."""
    applied = []
    for name, given in adjustment_values(scenario, line_kind, spec).items():
        if isinstance(given, str):
            parameter = scenario.parameters[given]
            if all(known.name != given for known in inputs):
                inputs.append(
                    SourcedInput(
                        given,
                        "parameter",
                        (float(parameter.value),),
                        parameter.unit,
                        parameter.source,
                    )
                )
            value = float(parameter.value)
        else:
            value = float(given)
        if line_kind in ("effort", "investments"):
            effect: Literal["raise", "reduce", "decline"] = "raise"
        elif name == "drop_off":
            effect = "decline"
        else:
            effect = "reduce"
        applied.append(AppliedAdjustment(name, value, effect))
    return tuple(applied)


def _value_in_year(scenario: Scenario, name: str, t: int) -> float:
    """The value of a name of an expression in year index ``t``: a parameter, a series
    (one value or one per year), else the constant ``weeks_per_year``."""
    if name in scenario.parameters:
        return float(scenario.parameters[name].value)
    if name in scenario.series:
        values = scenario.series[name].values
        return float(values[t] if isinstance(values, list) else values)
    return float(scenario.weeks_per_year)
