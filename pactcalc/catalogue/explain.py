"""Words of the explain area: id → (nl, en), with ``{named}`` placeholders (see the package).

The audit trail of a number (:mod:`pactcalc.report.trails` words it). Formulas are written
in the scenario's own names (``npv``, ``savings[y]``), so most read the same in both
languages; the numbers put into them come formatted for the reader.
"""

WORDS: dict[str, tuple[str, str]] = {
    # The formula of each kind of trail.
    "explain.formula.sum_of_lines": (
        "{metric} = Σ {kind}[y]; {kind}[y] = som van de regels onder '{kind}'",
        "{metric} = Σ {kind}[y]; {kind}[y] = sum of the lines under '{kind}'",
    ),
    "explain.formula.headroom_sum": (
        "headroom_total = Σ headroom[y]; headroom[y] = budget[y] − Σ (effort + investments "
        "paid_from budget)[y]",
        "headroom_total = Σ headroom[y]; headroom[y] = budget[y] − Σ (effort + investments "
        "paid_from budget)[y]",
    ),
    "explain.formula.headroom_min": (
        "headroom_min = min headroom[y]; headroom[y] = budget[y] − Σ (effort + investments "
        "paid_from budget)[y]",
        "headroom_min = min headroom[y]; headroom[y] = budget[y] − Σ (effort + investments "
        "paid_from budget)[y]",
    ),
    "explain.formula.savings": (
        "savings[y] = baseline[y] − effort[y]",
        "savings[y] = baseline[y] − effort[y]",
    ),
    "explain.formula.npv": (
        "npv = Σ net[y] · df[y]; net = savings + benefits − investment; "
        "df[y] = 1 / (1 + {rate}) ** (y − {first_year}) (startjaar niet verdisconteerd)",
        "npv = Σ net[y] · df[y]; net = savings + benefits − investment; "
        "df[y] = 1 / (1 + {rate}) ** (y − {first_year}) (start year undiscounted)",
    ),
    "explain.formula.ratio": (
        "{metric} = {numerator_name} / {denominator_name} = {numerator} / {denominator}",
        "{metric} = {numerator_name} / {denominator_name} = {numerator} / {denominator}",
    ),
    # The payback's definition reads in English in both languages (as it always has: a
    # Dutch wording would change the pinned output).
    "explain.formula.payback": (
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] "
        "at its end; investments are lumps at the start of their year, returns r = savings "
        "+ benefits are spread evenly",
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] "
        "at its end; investments are lumps at the start of their year, returns r = savings "
        "+ benefits are spread evenly",
    ),
    "explain.formula.discounted_payback": (
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] "
        "at its end; investments are lumps at the start of their year, returns r = savings "
        "+ benefits are spread evenly (all discounted)",
        "S[k] = cumulative at the start of year k after its investment, E[k] = S[k] + r[k] "
        "at its end; investments are lumps at the start of their year, returns r = savings "
        "+ benefits are spread evenly (all discounted)",
    ),
    "explain.formula.line": (
        "{kind}: {line} ({partner}) = {amount}",
        "{kind}: {line} ({partner}) = {amount}",
    ),
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
    # Where an input comes from. The constant's source is its own name; "(default)" reads
    # in English in both languages (as it always has).
    "explain.constant_source": ("{name}", "{name}"),
    "explain.constant_default": ("{name} (default)", "{name} (default)"),
    "explain.no_source": ("geen bron (aanname)", "no source (assumption)"),
    # The audit trail as a report block.
    "explain.made_from": ("Volgt uit: {names}", "Made from: {names}"),
    "explain.input": ("{name} = {value} — bron: {source}", "{name} = {value} — source: {source}"),
}
