"""The audit trails as report blocks: the report's audit trail section and ``pactcalc
explain``'s trail. :mod:`pactcalc.explain` traces a trail as values,
:mod:`pactcalc.report.trails` words it; this module lays a worded trail out as the
:class:`~pactcalc.report.blocks.Trail` the formats draw."""

from __future__ import annotations

from pactcalc import metrics
from pactcalc.engine import Result
from pactcalc.explain import PARTNER_TRAILS, trace
from pactcalc.i18n import t
from pactcalc.report.blocks import Trail, TrailInput, TrailStep
from pactcalc.report.trails import WordedTrail, word_trail

#: Metrics whose trails follow the key figures' in a report: what feeds them.
_FEEDING = (
    "discounted_payback_years",
    "roi",
    "bcr",
    "budget_total",
    "baseline_total",
    "benefits_total",
    "headroom_total",
)


def trail_names(result: Result) -> list[str]:
    """The trails in the report: the key figures, what feeds them, then every line; with
    an agreement each partner's net, settlement and net after it."""
    names = [*metrics.names(metrics.card_metrics()), *_FEEDING]
    names += [line.name for line in result.lines]
    if result.agreement:  # each partner's net after the agreement, down to the rules
        names += [f"{m}[{p.id}]" for m in PARTNER_TRAILS for p in result.partners]
    return names


def trail_block(trail: WordedTrail, lang: str, *, for_explain: bool = False) -> Trail:
    """One trail as a block. ``for_explain``: as ``pactcalc explain`` words it (the
    steps' formula column named, where to look next, the inputs under a heading)."""
    no_source = t("trail.no_source" if for_explain else "no_source", lang)
    title = f"{trail.name} = {trail.value}"
    if not for_explain and trail.kind == "metric" and metrics.is_known(trail.name):
        # the report leads with the figure's label; its name is what explain and a check use
        title = f"{t(trail.name, lang)} — {title}"
    return Trail(
        id=trail.name,
        title=title,
        steps=[TrailStep(s.heading, s.formula, s.value) for s in trail.steps],
        definition=trail.definition,
        step_header=(
            t("year", lang),
            t("trail.values_put_in", lang) if for_explain else "",
            "=",
        ),
        conclusion=trail.conclusion or "",
        feeds=list(trail.feeds),
        feeds_label=t("made_from", lang),
        feeds_note=t("trail.each_of_them", lang) if for_explain else "",
        inputs=[
            TrailInput(
                item.name,
                f"{item.value} {item.unit}" if item.unit else item.value,
                item.source or no_source,
            )
            for item in trail.inputs
        ],
        inputs_title=t("trail.inputs", lang) if for_explain else "",
        source_label=t("trail.source", lang) if for_explain else "",
    )


def trail_blocks(result: Result, lang: str) -> list[Trail]:
    """The report's audit trails, in :func:`trail_names` order."""
    found = (trace(result, name) for name in trail_names(result))
    return [trail_block(word_trail(trail, lang), lang) for trail in found if trail is not None]
