"""An audit trail in words: a :class:`~pactcalc.explain.ValueTrail` worded in Dutch or English.

:mod:`pactcalc.explain` picks the values of a trail (the formula and its operands, year by
year); this module words them: the formula's sentence from the catalogue
(``explain.*`` ids, :mod:`pactcalc.catalogue.explain`), the values put into it formatted
for the reader (money in whole euros, input numbers as the scenario gives them).

- :func:`word_trail` gives a :class:`WordedTrail`: the shape ``pactcalc explain`` prints
  and the reports' audit trail section lists (the same text as before the split).
- :func:`trail_block` gives the report model's generic :class:`~pactcalc.report.blocks.Trail`.

>>> from pactcalc.explain import Savings, DifferenceStep, ValueTrail
>>> trail = ValueTrail("savings_total", "metric", 3000.0, "money", Savings(), (2024,),
...                    (DifferenceStep(2024, 5000.0, 2000.0, 3000.0),))
>>> worded = word_trail(trail, "en")
>>> worded.value, worded.steps[0].formula
('€3,000', '€5,000 − €2,000')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pactcalc.explain import (
    Crossing,
    CumulativeStep,
    DifferenceStep,
    DiscountStep,
    Formula,
    Headroom,
    LineAmount,
    LineStep,
    NetPresentValue,
    NeverNegative,
    NotWithinHorizon,
    PartnerNet,
    PartnerNetStep,
    PartnerSettlement,
    Payback,
    PaybackConclusion,
    Ratio,
    RuleStep,
    RuleTerms,
    Savings,
    SettledNet,
    SettledNetStep,
    SettlementStep,
    SourcedInput,
    SumOfLines,
    SumStep,
    TrailStep,
    ValueTrail,
)
from pactcalc.i18n import money, number, percent, t, years_text
from pactcalc.report import blocks


@dataclass(frozen=True)
class WordedInput:
    """A parameter, series or constant a trail rests on, worded: its value(s) as text, its
    unit and its source (None: no source given, an assumption)."""

    name: str
    kind: str  # 'parameter' | 'series' | 'constant'
    value: str
    unit: str | None
    source: str | None


@dataclass(frozen=True)
class WordedStep:
    """One year of a trail: the formula with the values put in, and the result.
    ``label``: what the step is when not only a year (a rule's transfer in a year)."""

    year: int
    formula: str
    value: str
    label: str = ""

    @property
    def heading(self) -> str:
        """The step's label as a table shows it: the label, else the year."""
        return self.label or str(self.year)


@dataclass
class WordedTrail:
    """How one number is made, in words: the formula (``definition``), the value, the
    years, a conclusion (a payback's crossing), what feeds it and its sourced inputs."""

    name: str
    kind: str  # 'metric' | 'line'
    definition: str
    value: str
    steps: list[WordedStep] = field(default_factory=list)
    conclusion: str | None = None
    feeds: list[str] = field(default_factory=list)  # names of lines and metrics it uses
    inputs: list[WordedInput] = field(default_factory=list)


def word_trail(trail: ValueTrail, lang: str) -> WordedTrail:
    """``trail`` in ``lang``: every sentence from the catalogue, every number formatted."""
    return WordedTrail(
        name=trail.name,
        kind=trail.subject,
        definition=formula_text(trail.formula, lang),
        value=value_text(trail, lang),
        steps=[step_text(trail.formula, step, lang) for step in trail.steps],
        conclusion=(
            None
            if trail.conclusion is None
            else conclusion_text(trail.conclusion, len(trail.years), lang)
        ),
        feeds=list(trail.feeds),
        inputs=[
            *(input_text(item, lang) for item in trail.inputs),
            *(rule_input_text(rule, lang) for rule in trail.rules),
        ],
    )


def trail_block(trail: ValueTrail, lang: str) -> blocks.Trail:
    """``trail`` as the report model's block: titled ``name = value``; the first step is
    the formula (labelled with the name, valued with the result), then one step per year
    (labelled with the year), then the conclusion when there is one (unlabelled). The
    first step's ``inputs`` are what the figure is made from: the names of the lines and
    metrics that feed it (each a trail of its own), or for a line its sourced inputs as
    sentences (``name = value unit — source: …``)."""
    worded = word_trail(trail, lang)
    made_from: list[str] = list(worded.feeds)
    for item in worded.inputs:
        unit = f" {item.unit}" if item.unit else ""
        source = item.source or t("explain.no_source", lang)
        made_from.append(
            t("explain.input", lang, name=item.name, value=f"{item.value}{unit}", source=source)
        )
    steps = [blocks.TrailStep(worded.name, worded.definition, worded.value, made_from)]
    steps += [blocks.TrailStep(step.heading, step.formula, step.value) for step in worded.steps]
    if worded.conclusion:
        steps.append(blocks.TrailStep("", worded.conclusion, worded.value))
    return blocks.Trail(worded.name, f"{worded.name} = {worded.value}", steps)


# --- numbers -------------------------------------------------------------------------------


def input_number(value: float, lang: str) -> str:
    """An input number as a reader would write it: whole numbers without decimals, others
    with two (four below 1, without trailing zeros: 0,2 not 0,2000).

    >>> input_number(52.0, "nl"), input_number(50.5, "en"), input_number(0.25, "nl")
    ('52', '50.50', '0,25')
    """
    if value == int(value):
        return number(value, lang, 0)
    decimals = 2 if abs(value) >= 1 else 4
    text = number(value, lang, decimals)
    return text.rstrip("0").rstrip(",.") if abs(value) < 1 else text


def value_text(trail: ValueTrail, lang: str) -> str:
    """The trail's figure as its kind reads: euros, a ratio (— when there is none), or a
    payback in years (in words when it is not within the horizon)."""
    if trail.value_kind == "ratio":
        return "—" if math.isnan(trail.value) else number(trail.value, lang, 2)
    if trail.value_kind == "years":
        return years_text(trail.value, lang, len(trail.years), 2)
    return money(trail.value, lang)


# --- formulas ------------------------------------------------------------------------------


def formula_text(formula: Formula, lang: str) -> str:
    """The formula's definition, with its operands put in."""
    if isinstance(formula, SumOfLines):
        kind = t(f"explain.kind.{formula.line_kind}", lang)
        return t("explain.formula.sum_of_lines", lang, metric=formula.metric, kind=kind)
    if isinstance(formula, Headroom):
        return t(f"explain.formula.headroom_{formula.aggregate}", lang)
    if isinstance(formula, Savings):
        return t("explain.formula.savings", lang)
    if isinstance(formula, NetPresentValue):
        return t(
            "explain.formula.npv",
            lang,
            rate=percent(formula.discount_rate, lang),
            first_year=formula.first_year,
        )
    if isinstance(formula, Ratio):
        return t(
            "explain.formula.ratio",
            lang,
            metric=formula.metric,
            numerator_name=t(f"explain.numerator.{formula.numerator_name}", lang),
            denominator_name=t(f"explain.denominator.{formula.denominator_name}", lang),
            numerator=money(formula.numerator, lang),
            denominator=money(formula.denominator, lang),
        )
    if isinstance(formula, Payback):
        key = "discounted_payback" if formula.discounted else "payback"
        return t(f"explain.formula.{key}", lang)
    if isinstance(formula, PartnerNet | PartnerSettlement | SettledNet):
        return _partner_formula_text(formula, lang)
    amount = formula.amount if formula.constant is None else input_number(formula.constant, lang)
    text = t(
        "explain.formula.line",
        lang,
        kind=t(f"explain.kind.{formula.line_kind}", lang),
        line=formula.line,
        partner=formula.partner,
        amount=amount,
    )
    if formula.adjustments:
        text += "; " + ", ".join(f"{a.name} = {a.value}" for a in formula.adjustments)
    return text


# --- steps ---------------------------------------------------------------------------------


def step_text(formula: Formula, step: TrailStep, lang: str) -> WordedStep:
    """One year of ``formula``: its numbers put in, and its result."""
    if isinstance(step, SumStep):
        parts = [money(part, lang) for part in step.parts] or ["0"]
        return WordedStep(step.year, " + ".join(parts), money(step.total, lang))
    if isinstance(step, DifferenceStep):
        return WordedStep(
            step.year,
            f"{money(step.minuend, lang)} − {money(step.subtrahend, lang)}",
            money(step.difference, lang),
        )
    if isinstance(step, DiscountStep):
        return WordedStep(
            step.year,
            f"({money(step.savings, lang)} + {money(step.benefits, lang)} − "
            f"{money(step.investment, lang)}) × {input_number(step.discount_factor, lang)}",
            money(step.discounted_net, lang),
        )
    if isinstance(step, CumulativeStep):
        return WordedStep(
            step.year,
            f"S = {money(step.start, lang)}, r = {money(step.returns, lang)}",
            f"E = {money(step.end, lang)}",
        )
    if isinstance(step, PartnerNetStep | SettlementStep | SettledNetStep | RuleStep):
        return _agreement_step_text(formula, step, lang)
    assert isinstance(formula, LineAmount), "a line's step belongs to a line's formula"
    return _line_step_text(formula, step, lang)


# --- a partner's net and the agreement -----------------------------------------------------


def _partner_formula_text(formula: PartnerNet | PartnerSettlement | SettledNet, lang: str) -> str:
    """A partner's net, settlement or net after the agreement, as a formula in words."""
    if isinstance(formula, PartnerNet):
        return t("agr.trail.net", lang, partner=formula.partner_name, id=formula.partner)
    if isinstance(formula, SettledNet):
        return t("agr.trail.net_settled", lang, partner=formula.partner_name, id=formula.partner)
    parts = [
        t(
            "agr.trail.received" if part.received else "agr.trail.paid",
            lang,
            rule=part.rule,
            other=part.other,
        )
        for part in formula.parts
    ]
    return t(
        "agr.trail.settlement",
        lang,
        partner=formula.partner_name,
        id=formula.partner,
        parts="; ".join(parts) or "—",
    )


def _signed(values: list[float], lang: str) -> str:
    """ "€ 1.800 − € 625 + € 150": the first value as is, the others with their sign."""
    text = money(values[0], lang) if values else money(0.0, lang)
    for value in values[1:]:
        text += f" {'−' if value < 0 else '+'} {money(abs(value), lang)}"
    return text


def _agreement_step_text(
    formula: Formula,
    step: PartnerNetStep | SettlementStep | SettledNetStep | RuleStep,
    lang: str,
) -> WordedStep:
    if isinstance(step, PartnerNetStep):
        shown = _signed([step.baseline, step.benefits, -step.pays], lang)
        return WordedStep(step.year, shown, money(step.net, lang))
    if isinstance(step, SettledNetStep):
        shown = _signed([step.net, step.settlement], lang)
        return WordedStep(step.year, shown, money(step.value, lang))
    if isinstance(step, SettlementStep):
        assert isinstance(formula, PartnerSettlement)
        signed = [
            value if part.received else -value
            for part, value in zip(formula.parts, step.parts, strict=True)
        ]
        shown = " ".join(
            f"{'−' if value < 0 else '+'} {money(abs(value), lang)} ({part.rule})"
            for part, value in zip(formula.parts, signed, strict=True)
        )
        return WordedStep(step.year, shown or money(0.0, lang), money(step.settlement, lang))
    return WordedStep(
        step.year,
        rule_step_formula(step, lang),
        money(step.transfer, lang),
        label=f"{step.rule} {step.year}",
    )


def rule_step_formula(step: RuleStep, lang: str) -> str:
    """A rule's transfer in one year: its formula and the terms and measures put in."""
    values = {
        "amount": money(step.amount or 0.0, lang),
        "cost": money(step.cost or 0.0, lang),
        "benchmark": money(step.benchmark or 0.0, lang),
        "gain": money(step.gain or 0.0, lang),
        "kpi": input_number(step.kpi_value or 0.0, lang),
        "reference": input_number(step.reference or 0.0, lang),
        "units": input_number(step.units or 0.0, lang),
        "price": money(
            step.price or 0.0, lang, 0 if float(step.price or 0) == int(step.price or 0) else 2
        ),
    }
    return t(f"agr.trail.{step.rule_kind}", lang, **values)


def rule_input_text(rule: RuleTerms, lang: str) -> WordedInput:
    """A rule a trail rests on: its sentence with its terms, and its source."""
    from pactcalc.report.agreement import rule_sentence

    sentence = rule_sentence(rule.settled, rule.result, lang)
    return WordedInput(rule.name, "rule", sentence, None, rule.source)


def _line_step_text(formula: LineAmount, step: LineStep, lang: str) -> WordedStep:
    """A year of a line: the amount with this year's values where its names stand, then
    the index factor and the adjustments as factors."""
    if not step.running:
        return WordedStep(step.year, t("explain.not_running", lang), money(0.0, lang))
    if formula.constant is not None:
        text = input_number(formula.constant, lang)
    else:
        values = [input_number(value, lang) for value in step.values]
        pieces = [formula.pieces[0]]
        for value, piece in zip(values, formula.pieces[1:], strict=True):
            pieces += [value, piece]
        text = "".join(pieces).replace("*", "×")
    if step.index_factor is not None:
        text = (
            f"({text}) × {input_number(step.index_factor, lang)} ({t('explain.indexation', lang)})"
        )
    if formula.adjustments:
        factors = ""
        for adjustment in formula.adjustments:
            shown = input_number(adjustment.value, lang)
            if adjustment.effect == "raise":
                factors += f" × (1 + {shown})"
            elif adjustment.effect == "decline":
                factors += f" × (1 − {shown})^{step.years_since_first}"
            else:
                factors += f" × (1 − {shown})"
        text = f"({text}){factors}"
    return WordedStep(step.year, text, money(step.value, lang))


# --- conclusion and inputs -----------------------------------------------------------------


def conclusion_text(conclusion: PaybackConclusion, horizon: int, lang: str) -> str:
    """Where the cumulative net crosses zero, or why it does not."""
    if isinstance(conclusion, Crossing):
        return t(
            "explain.crossing",
            lang,
            year=conclusion.year,
            k=conclusion.whole_years,
            s=money(conclusion.shortfall, lang),
            r=money(conclusion.returns, lang),
            value=number(conclusion.payback, lang, 2),
        )
    if isinstance(conclusion, NeverNegative):
        return t("explain.never_negative", lang)
    assert isinstance(conclusion, NotWithinHorizon)
    return t("explain.no_crossing", lang, text=years_text(None, lang, horizon, 2))


def input_text(item: SourcedInput, lang: str) -> WordedInput:
    """An input with its value(s) written out; a constant's source is its own name."""
    source = item.source
    if item.kind == "constant":
        key = "explain.constant_default" if item.default else "explain.constant_source"
        source = t(key, lang, name=item.name)
    values = ", ".join(input_number(value, lang) for value in item.values)
    return WordedInput(item.name, item.kind, values, item.unit, source)


__all__ = [
    "WordedInput",
    "WordedStep",
    "WordedTrail",
    "conclusion_text",
    "formula_text",
    "input_number",
    "input_text",
    "rule_input_text",
    "rule_step_formula",
    "step_text",
    "trail_block",
    "value_text",
]
