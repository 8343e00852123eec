"""The one registry of metrics: every list, label and unit of a metric comes from here.

A check (``npv > 0``, ``net_total[wmo] >= 0``), a sensitivity ``--metric``, the JSON keys,
the tables' rows and order, the labels in Dutch and English, and which metrics a
simulation summarises are all read from :data:`REGISTRY`. Adding a metric is one row.

>>> REGISTRY["npv"].kind
'money'
>>> [m.name for m in partner_metrics()][:2]
['effort_total', 'baseline_total']
>>> is_known("net_total", partner=True), is_known("roi", partner=True)
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

Kind = Literal["money", "years", "ratio", "probability", "count"]


@dataclass(frozen=True)
class Metric:
    """One metric: its name (as written in checks and JSON), its kind (how it is shown and
    compared), where it exists, and its labels.

    ``scenario``: exists for the scenario as a whole (``npv``); ``partner``: exists per
    partner, indexed by partner id (``net_total[wmo]``); ``headline``: a row of the
    summary table (in registry order); ``simulated``: summarised by a simulation (mean,
    P5, P50, P95); ``card``: its rank among the report's headline cards (None: no card).
    """

    name: str
    kind: Kind
    nl: str
    en: str
    short_nl: str = ""
    short_en: str = ""
    scenario: bool = True
    partner: bool = False
    headline: bool = True
    simulated: bool = False
    card: int | None = None
    #: Exists per KPI, indexed by KPI id (``kpi_last[uitstroom]``); see DOMAIN.md §7.
    kpi: bool = False

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    def short(self, lang: str) -> str:
        """A short label for chart axes and narrow tables (the label when none is set)."""
        text = self.short_en if lang == "en" else self.short_nl
        return text or self.label(lang)

    @property
    def is_payback(self) -> bool:
        return self.kind == "years"


_ROWS = (
    Metric(
        "effort_total",
        "money",
        "Inzet partners (totaal)",
        "Partner effort (total)",
        partner=True,
        card=4,
    ),
    Metric("budget_total", "money", "Beschikbaar budget (totaal)", "Available budget (total)"),
    Metric("headroom_total", "money", "Ruimte in het budget (totaal)", "Budget headroom (total)"),
    Metric(
        "headroom_min",
        "money",
        "Laagste ruimte in een jaar",
        "Lowest headroom in a year",
        "laagste ruimte",
        "lowest headroom",
        simulated=True,
        card=1,
    ),
    Metric("investment_total", "money", "Investering (totaal)", "Investment (total)", card=5),
    Metric(
        "baseline_total",
        "money",
        "Kosten zonder PACT (totaal)",
        "Cost without the PACT (total)",
        partner=True,
    ),
    Metric(
        "savings_total",
        "money",
        "Besparing (totaal)",
        "Savings (total)",
        simulated=True,
        card=6,
    ),
    Metric(
        "benefits_total",
        "money",
        "Overige baten (totaal)",
        "Other benefits (total)",
        partner=True,
    ),
    Metric(
        "npv",
        "money",
        "Netto contante waarde",
        "Net present value",
        "NCW",
        "NPV",
        simulated=True,
        card=3,
    ),
    # The three ratios say in their label what they divide: ROI and BCR set against the
    # investment alone (effort is already netted out of the savings), the MKBA ratio all
    # gross benefits against all costs. Ratios, not percentages: 1,50 is € 1,50 per euro.
    Metric(
        "roi",
        "ratio",
        "NCW per euro investering (ROI)",
        "NPV per euro invested (ROI)",
        "ROI",
        "ROI",
    ),
    Metric(
        "bcr",
        "ratio",
        "Besparing en baten per euro investering (BCR)",
        "Savings and benefits per euro invested (BCR)",
        "BCR",
        "BCR",
    ),
    # The MKBA's baten-kostenverhouding: PV(baten) / PV(kosten), with baten = the cost
    # without the PACT that is avoided (baseline) + other benefits, and kosten = effort +
    # investment, all discounted as the npv. None when there are no costs.
    Metric(
        "mkba_ratio",
        "ratio",
        "Baten-kostenverhouding (MKBA: baten / kosten)",
        "Benefit-cost ratio (CBA: benefits / costs)",
        "baten / kosten",
        "benefits / costs",
        headline=False,
    ),
    Metric(
        "payback_years",
        "years",
        "Terugverdientijd",
        "Payback period",
        "terugverdientijd",
        "payback",
        simulated=True,
        card=2,
    ),
    Metric(
        "discounted_payback_years",
        "years",
        "Verdisconteerde terugverdientijd",
        "Discounted payback period",
        "verdisconteerde terugverdientijd",
        "discounted payback",
        simulated=True,
    ),
    # Per partner only (DOMAIN.md §6 "Checks on partners"):
    Metric(
        "pays_total",
        "money",
        "Betaalt (totaal)",
        "Pays (total)",
        scenario=False,
        partner=True,
        headline=False,
    ),
    Metric(
        "net_total",
        "money",
        "Saldo (totaal)",
        "Net (total)",
        "saldo",
        "net",
        scenario=False,
        partner=True,
        headline=False,
        simulated=True,
    ),
    # What all partners pay together (effort + investment): a column of the who-pays table.
    Metric(
        "costs_total",
        "money",
        "Kosten (totaal)",
        "Costs (total)",
        scenario=False,
        headline=False,
    ),
    # The agreement (DOMAIN.md §7): per partner after settlement, and per KPI.
    Metric(
        "settlement_total",
        "money",
        "Verrekening (totaal)",
        "Settlement (total)",
        "verrekening",
        "settlement",
        scenario=False,
        partner=True,
        headline=False,
    ),
    Metric(
        "net_settled_total",
        "money",
        "Saldo na de afspraak (totaal)",
        "Net after the agreement (total)",
        "saldo na afspraak",
        "net after agreement",
        scenario=False,
        partner=True,
        headline=False,
    ),
    Metric(
        "kpi_last",
        "count",
        "KPI in het laatste jaar",
        "KPI in the last year",
        scenario=False,
        headline=False,
        kpi=True,
    ),
    Metric(
        "kpi_total",
        "count",
        "KPI opgeteld over de horizon",
        "KPI summed over the horizon",
        scenario=False,
        headline=False,
        kpi=True,
    ),
)

#: Every metric by name, in the order tables show them.
REGISTRY: dict[str, Metric] = {m.name: m for m in _ROWS}


def get(name: str) -> Metric:
    """The metric ``name`` (a KeyError names it when it does not exist)."""
    return REGISTRY[name]


def scenario_metrics() -> tuple[Metric, ...]:
    """Metrics a check may name without a partner (``npv > 0``), in table order."""
    return tuple(m for m in _ROWS if m.scenario)


def partner_metrics() -> tuple[Metric, ...]:
    """Metrics a check may index by partner (``net_total[wmo] >= 0``)."""
    return tuple(m for m in _ROWS if m.partner)


def headline_metrics() -> tuple[Metric, ...]:
    """The rows of the summary table and of a comparison, in order."""
    return tuple(m for m in _ROWS if m.headline)


def simulated_metrics() -> tuple[Metric, ...]:
    """Scenario-wide metrics a simulation summarises (each partner's ``net_total`` too)."""
    return tuple(m for m in _ROWS if m.simulated and m.scenario)


def card_metrics() -> tuple[Metric, ...]:
    """The report's headline cards, in their order."""
    return tuple(sorted((m for m in _ROWS if m.card is not None), key=lambda m: m.card or 0))


def names(metrics: tuple[Metric, ...]) -> tuple[str, ...]:
    return tuple(m.name for m in metrics)


def is_known(name: str, partner: bool = False) -> bool:
    """Is ``name`` a metric (indexed — per partner or per KPI — when ``partner``)?"""
    metric = REGISTRY.get(name)
    if metric is None:
        return False
    return (metric.partner or metric.kpi) if partner else metric.scenario


def _normalised(label: str) -> str:
    """A label as a check may write it: lower case, without a part in brackets, runs of
    spaces and dashes as ``_`` ("Inzet partners (totaal)" → ``inzet_partners``)."""
    without_brackets = re.sub(r"\([^)]*\)", " ", label)
    return re.sub(r"[\s\-/]+", "_", without_brackets.strip().lower()).strip("_")


@cache
def aliases() -> dict[str, str]:
    """Every unambiguous other name of a metric → the metric's name: its labels and short
    labels in Dutch and English, normalised (``ncw``, ``terugverdientijd``,
    ``netto_contante_waarde``), and its name in lower case. A word that labels two
    metrics is left out, and so is a word that is another metric's name."""
    found: dict[str, set[str]] = {}
    for metric in _ROWS:
        words = {metric.name.lower()}
        for label in (metric.nl, metric.en, metric.short_nl, metric.short_en):
            if label:
                words.add(_normalised(label))
        for word in words:
            found.setdefault(word, set()).add(metric.name)
    return {
        word: next(iter(names))
        for word, names in found.items()
        if len(names) == 1 and (word not in REGISTRY or word in names)
    }


def by_alias(word: str) -> str | None:
    """The metric a word written in a check or on the command line means: its name, or an
    unambiguous alias (:func:`aliases`) in any case; None when it means none.

    >>> by_alias("NCW"), by_alias("terugverdientijd"), by_alias("Netto contante waarde")
    ('npv', 'payback_years', 'npv')
    """
    if word in REGISTRY:
        return word
    return aliases().get(_normalised(word))


def kind_of(name: str) -> Kind | None:
    """The kind of ``name``, also when indexed (``net_total[wmo]`` → money)."""
    metric = REGISTRY.get(name.split("[", 1)[0])
    return metric.kind if metric else None


def kpi_metrics() -> tuple[Metric, ...]:
    """Metrics indexed by KPI id (``kpi_last[uitstroom] >= 25``)."""
    return tuple(m for m in _ROWS if m.kpi)


def indexed_metrics() -> tuple[Metric, ...]:
    """Metrics a check may index: by partner id, then by KPI id."""
    return partner_metrics() + kpi_metrics()


def is_kpi_indexed(name: str) -> bool:
    """Is ``name`` indexed by KPI id (rather than by partner id)?"""
    metric = REGISTRY.get(name)
    return metric is not None and metric.kpi


def split_indexed(text: str) -> tuple[str, str | None]:
    """``"net_total[wmo]"`` → ``("net_total", "wmo")``; ``"npv"`` → ``("npv", None)``.

    >>> split_indexed("kpi_last[uitstroom]"), split_indexed("npv")
    (('kpi_last', 'uitstroom'), ('npv', None))
    """
    text = text.strip()
    if text.endswith("]") and "[" in text:
        name, index = text[:-1].split("[", 1)
        return name.strip(), index.strip()
    return text, None


def choices(partners: list[str], kpis: list[str]) -> tuple[str, ...]:
    """Every metric a command line may name for one scenario: the scenario's metrics,
    then each partner metric per partner and each KPI metric per KPI, indexed."""
    found = list(names(scenario_metrics()))
    found += [f"{m.name}[{p}]" for m in partner_metrics() for p in partners]
    found += [f"{m.name}[{k}]" for m in kpi_metrics() for k in kpis]
    return tuple(found)


def canonical(text: str) -> str:
    """A metric as written on a command line, with its name resolved through
    :func:`by_alias` and spaces dropped from the index; unchanged (but stripped of spaces)
    when it names no metric, so that the caller can report it with the valid names.

    >>> canonical("NCW"), canonical("terugverdientijd"), canonical("Saldo [wmo]")
    ('npv', 'payback_years', 'net_total[wmo]')
    >>> canonical("onzin")
    'onzin'
    """
    name, index = split_indexed(text)
    found = by_alias(name)
    if found is None:
        return text.replace(" ", "")
    return found if index is None else f"{found}[{index.replace(' ', '')}]"
