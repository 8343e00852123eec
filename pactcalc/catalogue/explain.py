"""Words of the explain area: id → (nl, en), with ``{named}`` placeholders (see the package).

The audit trail of a number (:mod:`pactcalc.report.trails` words it). Formulas are written
in the scenario's own names (``npv``, ``savings[y]``), so most read the same in both
languages; the numbers put into them come formatted for the reader.
"""

WORDS: dict[str, tuple[str, str]] = {
    # The formula of each kind of trail. The Dutch formulas name their terms in Dutch
    # (ruimte, inzet, besparing); the metric's own name (npv, headroom_min) is what a
    # check and ``pactcalc explain`` write, so it stays. The English read as they always
    # have (the pinned English output).
    "explain.formula.sum_of_lines": (
        "{metric} = Σ {kind}[j]; {kind}[j] = som van de regels {kind} in jaar j",
        "{metric} = Σ {kind}[y]; {kind}[y] = sum of the lines under '{kind}'",
    ),
    "explain.formula.headroom_sum": (
        "headroom_total = Σ ruimte[j]; ruimte[j] = budget[j] − (inzet + investeringen die "
        "het budget betaalt)[j]",
        "headroom_total = Σ headroom[y]; headroom[y] = budget[y] − Σ (effort + investments "
        "paid_from budget)[y]",
    ),
    "explain.formula.headroom_min": (
        "headroom_min = laagste ruimte[j]; ruimte[j] = budget[j] − (inzet + investeringen die "
        "het budget betaalt)[j]",
        "headroom_min = min headroom[y]; headroom[y] = budget[y] − Σ (effort + investments "
        "paid_from budget)[y]",
    ),
    "explain.formula.savings": (
        "besparing[j] = kosten zonder PACT[j] − inzet[j]",
        "savings[y] = baseline[y] − effort[y]",
    ),
    "explain.formula.npv": (
        "npv = Σ saldo[j] · df[j]; saldo = besparing + baten − investering; "
        "df[j] = 1 / (1 + {rate}) ** (j − {first_year}) (startjaar niet verdisconteerd)",
        "npv = Σ net[y] · df[y]; net = savings + benefits − investment; "
        "df[y] = 1 / (1 + {rate}) ** (y − {first_year}) (start year undiscounted)",
    ),
    "explain.formula.ratio": (
        "{metric} = {numerator_name} / {denominator_name} = {numerator} / {denominator}",
        "{metric} = {numerator_name} / {denominator_name} = {numerator} / {denominator}",
    ),
    # The names of a ratio's denominator.
    "explain.denominator.pv_investment": (
        "contante waarde van de investering",
        "pv_investment",
    ),
    "explain.denominator.pv_costs": (
        "contante waarde van inzet + investering",
        "pv_costs",
    ),
    # The names of a ratio's numerator.
    "explain.numerator.npv": ("npv", "npv"),
    "explain.numerator.pv_returns": (
        "contante waarde van besparing + baten",
        "pv_returns",
    ),
    "explain.numerator.pv_gross_benefits": (
        "contante waarde van kosten zonder PACT + baten",
        "pv_gross_benefits",
    ),
    "explain.formula.payback": (
        "S[k] = cumulatief saldo aan het begin van jaar k, na de investering van dat jaar; "
        "E[k] = S[k] + r[k] aan het eind; een investering valt in één keer aan het begin "
        "van haar jaar, de opbrengst r = besparing + baten is gelijk over het jaar verdeeld",
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] "
        "at its end; investments are lumps at the start of their year, returns r = savings "
        "+ benefits are spread evenly",
    ),
    "explain.formula.discounted_payback": (
        "S[k] = cumulatief saldo aan het begin van jaar k, na de investering van dat jaar; "
        "E[k] = S[k] + r[k] aan het eind; een investering valt in één keer aan het begin "
        "van haar jaar, de opbrengst r = besparing + baten is gelijk over het jaar verdeeld "
        "(alles verdisconteerd)",
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] "
        "at its end; investments are lumps at the start of their year, returns r = savings "
        "+ benefits are spread evenly (all discounted)",
    ),
    "explain.formula.line": (
        "{kind}: {line} ({partner}) = {amount}",
        "{kind}: {line} ({partner}) = {amount}",
    ),
    # A kind of line as a formula names it (English: the scenario's key, as always).
    "explain.kind.baseline": ("kosten zonder PACT", "baseline"),
    "explain.kind.budget": ("budget", "budget"),
    "explain.kind.effort": ("inzet", "effort"),
    "explain.kind.investments": ("investeringen", "investments"),
    "explain.kind.benefits": ("overige baten", "benefits"),
    # A year of a line.
    "explain.not_running": ("loopt niet in dit jaar", "does not run this year"),
    "explain.indexation": ("indexatie", "indexation"),
    # The payback's conclusion.
    "explain.crossing": (
        "eerste jaar met S < 0 ≤ E: {year}; terugverdientijd = {k} + {s} / {r} = {value}",
        "first year with S < 0 ≤ E: {year}; payback = {k} + {s} / {r} = {value}",
    ),
    "explain.never_negative": (
        "het cumulatieve saldo is nooit negatief: terugverdientijd 0",
        "the cumulative net is never negative: payback 0",
    ),
    "explain.no_crossing": (
        "het cumulatieve saldo komt niet terug op nul: {text}",
        "the cumulative net does not return to zero: {text}",
    ),
    # Where an input comes from: the constant's source is its own name.
    "explain.constant_source": ("{name}", "{name}"),
    "explain.constant_default": ("{name} (standaardwaarde)", "{name} (default)"),
    "explain.no_source": ("geen bron (aanname)", "no source (assumption)"),
    # The audit trail as a report block.
    "explain.made_from": ("Volgt uit: {names}", "Made from: {names}"),
    "explain.input": ("{name} = {value} — bron: {source}", "{name} = {value} — source: {source}"),
}
