"""Words of the charts and the XLSX workbook: id → (nl, en), with ``{named}``
placeholders (see the package).

``chart.…``: titles, captions, legends and axes of the SVG charts
(:mod:`pactcalc.render.charts`); ``xlsx.…``: sheet names, headers and notes of the
workbook (:mod:`pactcalc.render.xlsx`). Metric names come from the registry
(:mod:`pactcalc.metrics`), shared labels from :mod:`pactcalc.catalogue.labels`.
"""

WORDS: dict[str, tuple[str, str]] = {
    # -- business-case charts: axes, legends, titles and captions
    "chart.year": ("Jaar", "Year"),
    "chart.eur_per_year": ("euro per jaar", "euros per year"),
    "chart.eur_cumulative": ("euro, cumulatief", "euros, cumulative"),
    "chart.cumulative_title": ("Cumulatief saldo", "Cumulative net cash flow"),
    "chart.cumulative_negative": ("Cumulatief saldo < 0", "Cumulative net < 0"),
    "chart.cumulative_positive": ("Cumulatief saldo ≥ 0", "Cumulative net ≥ 0"),
    "chart.payback_moment": ("Terugverdienmoment", "Payback moment"),
    "chart.payback_label": ("terugverdiend na {years}", "pays back after {years}"),
    "chart.negative_again": ("weer negatief in {year}", "negative again in {year}"),
    "chart.no_payback": ("geen terugverdiening {horizon}", "no payback {horizon}"),
    "chart.cumulative_caption": (
        "Elk jaar beslaat één vak op de tijdas; een staaf is het cumulatieve saldo "
        "(besparing + overige baten − investeringen) aan het eind van dat jaar. De "
        "terugverdientijd telt vanaf het begin van {start}: investeringen vallen aan het "
        "begin van hun jaar, de overige stromen zijn gelijk over het jaar verdeeld.",
        "Each year spans one interval on the time axis; a bar is the cumulative net cash "
        "flow (savings + other benefits − investments) at the end of that year. The payback "
        "is counted from the start of {start}: investments fall at the start of their year, "
        "the other flows are spread evenly over the year.",
    ),
    "chart.effort_title": (
        "Inzet per partner en beschikbaar budget",
        "Effort by partner and budget",
    ),
    "chart.budget": ("Beschikbaar budget", "Available budget"),
    "chart.budget_funded": (
        "Uit het budget betaald (inzet en investeringen)",
        "Paid from the budget (effort and investments)",
    ),
    "chart.effort_caption": (
        "Staven: de inzet van elke partner, gestapeld (partners zonder inzet ontbreken). "
        "Lijn: het beschikbare budget per jaar.",
        "Bars: each partner's effort, stacked (partners without effort are left out). "
        "Line: the available budget per year.",
    ),
    "chart.effort_caption_funded": (
        " Stippellijn: wat uit het budget betaald wordt; het verschil met het budget is de ruimte.",
        " Dashed line: what is paid from the budget; its distance to the budget is the headroom.",
    ),
    "chart.baseline_title": (
        "Kosten zonder PACT en in de PACT-situatie",
        "Cost without the PACT and in the PACT situation",
    ),
    "chart.baseline": ("Kosten zonder PACT (nulalternatief)", "Cost without the PACT (baseline)"),
    "chart.pact_cost": (
        "Kosten in de PACT-situatie (inzet en investeringen)",
        "Cost in the PACT situation (effort and investments)",
    ),
    "chart.baseline_caption": (
        "Overige baten zijn hier niet meegenomen; ze staan in het cumulatieve saldo.",
        "Other benefits are not included here; they are in the cumulative net cash flow.",
    ),
    # -- uncertainty charts: tornado, NPV distribution, fan chart, partner nets
    "chart.tornado_title": (
        "Gevoeligheid: {metric} per parameter",
        "Sensitivity: {metric} by parameter",
    ),
    "chart.tornado_caption": (
        "Elke balk loopt van de uitkomst met alle parameters op hun waarde ({base}) naar de "
        "uitkomst met één parameter op zijn lage of hoge waarde, de andere op hun waarde. "
        "Grootste zwaai bovenaan; tussen haakjes het bereik van de parameter.",
        "Each bar runs from the outcome with every parameter at its value ({base}) to the "
        "outcome with one parameter at its low or high value, the others at their values. "
        "Largest swing at the top; the parameter's range in brackets.",
    ),
    "chart.at_low": ("parameter op laag", "parameter at low"),
    "chart.at_high": ("parameter op hoog", "parameter at high"),
    "chart.base": ("alles op zijn waarde", "all at their values"),
    "chart.threshold": ("drempel: {value}", "threshold: {value}"),
    "chart.threshold_left": (
        "drempel {value}: links buiten beeld",
        "threshold {value}: off the chart, left",
    ),
    "chart.threshold_right": (
        "drempel {value}: rechts buiten beeld",
        "threshold {value}: off the chart, right",
    ),
    "chart.beyond": ("buiten de horizon", "beyond the horizon"),
    "chart.no_uncertain": ("Geen parameter met een bereik.", "No parameter with a range."),
    "chart.npv_title": (
        "Verdeling van de netto contante waarde",
        "Distribution of the net present value",
    ),
    "chart.npv_caption": (
        "Histogram van de NCW over {n} trekkingen (seed {seed}); lijnen: P5, P50 (mediaan) "
        "en P95. {probability}",
        "Histogram of the NPV over {n} samples (seed {seed}); lines: P5, P50 (median) and "
        "P95. {probability}",
    ),
    "chart.npv_axis": ("netto contante waarde (euro)", "net present value (euros)"),
    "chart.samples_axis": ("aantal trekkingen", "number of samples"),
    "chart.p_npv": ("P(NCW > 0) = {p} (± {se}).", "P(NPV > 0) = {p} (± {se})."),
    "chart.zero": ("nul", "zero"),
    "chart.fan_title": ("Cumulatief saldo: bandbreedte", "Cumulative net: range"),
    "chart.fan_caption": (
        "Het cumulatieve saldo aan het eind van elk jaar over {n} trekkingen: de band loopt "
        "van P10 tot P90, de lijn is de mediaan (P50). Per jaar bepaald: de lijn is niet één "
        "trekking.",
        "The cumulative net at the end of each year over {n} samples: the band runs from P10 "
        "to P90, the line is the median (P50). Taken year by year: the line is not one "
        "sample.",
    ),
    "chart.band": ("P10–P90", "P10–P90"),
    "chart.median": ("mediaan (P50)", "median (P50)"),
    "chart.partners_title": ("Saldo per partner", "Net per partner"),
    "chart.partners_caption": (
        "Het saldo van elke partner over {n} trekkingen: de doos loopt van P25 tot P75, de "
        "streep is de mediaan, de snorharen lopen van P5 tot P95. Onder de naam de kans op "
        "een negatief saldo.",
        "Each partner's net over {n} samples: the box runs from P25 to P75, the bar is the "
        "median, the whiskers run from P5 to P95. Under the name the chance of a negative "
        "net.",
    ),
    "chart.p_negative": ("P(saldo < 0) = {p}", "P(net < 0) = {p}"),
    "chart.net_axis": ("saldo over de looptijd (euro)", "net over the horizon (euros)"),
    "chart.years_axis": ("jaar", "years"),
    # -- the workbook: sheet names
    "xlsx.sheet_summary": ("Samenvatting", "Summary"),
    "xlsx.sheet_by_year": ("Per jaar", "Year by year"),
    "xlsx.sheet_partners": ("Partners", "Partners"),
    "xlsx.sheet_lines": ("Regels", "Lines"),
    "xlsx.sheet_inputs": ("Invoer", "Inputs"),
    "xlsx.sheet_uncertainty": ("Onzekerheid", "Uncertainty"),
    # -- the workbook: column headers and row labels
    "xlsx.name": ("Naam", "Name"),
    "xlsx.value": ("Waarde", "Value"),
    "xlsx.unit": ("Eenheid", "Unit"),
    "xlsx.low": ("Laag", "Low"),
    "xlsx.high": ("Hoog", "High"),
    "xlsx.source": ("Bron", "Source"),
    "xlsx.note": ("Toelichting", "Note"),
    "xlsx.series_header": ("Reeks", "Series"),
    "xlsx.kind": ("Soort", "Kind"),
    "xlsx.partner_id": ("Partner (id)", "Partner (id)"),
    "xlsx.partner_name": ("Naam partner", "Partner name"),
    "xlsx.paid_from": ("Betaald uit", "Paid from"),
    "xlsx.from": ("Vanaf", "From"),
    "xlsx.until": ("Tot en met", "Until"),
    "xlsx.expression": ("Bedrag (formule zoals geschreven)", "Amount (expression as written)"),
    "xlsx.metric": ("Kengetal", "Metric"),
    "xlsx.key": ("pactcalc-naam", "pactcalc name"),
    "xlsx.budget_funded": ("Kosten betaald uit het budget", "Costs paid from the budget"),
    "xlsx.discount_factor": ("Disconteringsfactor", "Discount factor"),
    "xlsx.discounted_net": ("Contant saldo", "Discounted net"),
    "xlsx.pv_investment": ("Contante waarde investering", "Present value of investment"),
    "xlsx.pv_returns": (
        "Contante waarde besparing en baten",
        "Present value of savings and benefits",
    ),
    "xlsx.budget_held": ("Budget in beheer", "Budget held"),
    "xlsx.partners_totals": ("Totalen per partner", "Totals per partner"),
    # -- the workbook: notes beside a value
    "xlsx.value_from_pactcalc": (
        "waarde uit pactcalc (geen formule): investering aan het begin van het jaar, "
        "besparing en baten gespreid over het jaar",
        "value from pactcalc (not a formula): investment at the start of its year, "
        "savings and benefits spread over the year",
    ),
    "xlsx.npv_note": (
        "saldo startjaar + NPV(discontovoet; saldi volgende jaren): het startjaar wordt "
        "niet verdisconteerd",
        "net of the start year + NPV(discount rate, later nets): the start year is not discounted",
    ),
    "xlsx.weeks_per_year_note": ("weken per jaar, te gebruiken in formules", "weeks per year"),
    "xlsx.indexation_label": ("Indexatie per jaar", "Indexation per year"),
    "xlsx.indexation_note": (
        "elk bedrag × (1 + indexatie) ^ (jaar − prijsjaar)",
        "every amount × (1 + indexation) ^ (year − price year)",
    ),
    "xlsx.price_year_label": ("Prijsjaar", "Price year"),
    "xlsx.pays_note": (
        "eigen inzet en investeringen + aandeel in de kosten uit het budget, naar rato "
        "van het budget in beheer in dat jaar (in een jaar zonder budget: over de hele "
        "looptijd)",
        "own effort and investments + share of the budget-funded costs, pro rata to the "
        "budget held that year (in a year without budget: over the whole horizon)",
    ),
    # -- the workbook: the uncertainty sheet (values of simulate and sensitivity)
    "xlsx.uncertainty_intro": (
        "Waarden uit pactcalc simulate ({n} trekkingen, seed {seed}) en pactcalc "
        "sensitivity; geen formules: de simulatie draait in pactcalc.",
        "Values from pactcalc simulate ({n} samples, seed {seed}) and pactcalc sensitivity; "
        "not formulas: the simulation runs in pactcalc.",
    ),
    "xlsx.outcomes": ("Uitkomsten", "Outcomes"),
    "xlsx.mean": ("Gemiddelde", "Mean"),
    "xlsx.without_payback": ("Zonder terugverdiening", "Without payback"),
    "xlsx.probabilities": ("Kansen", "Probabilities"),
    "xlsx.probability": ("Kans", "Probability"),
    "xlsx.standard_error": ("Standaardfout", "Standard error"),
    "xlsx.tornado": (
        "Gevoeligheid van de NCW (één parameter tegelijk)",
        "Sensitivity of the NPV (one parameter at a time)",
    ),
    "xlsx.parameter": ("Parameter", "Parameter"),
    "xlsx.npv_at_low": ("NCW bij laag", "NPV at low"),
    "xlsx.npv_at_high": ("NCW bij hoog", "NPV at high"),
    "xlsx.swing": ("Zwaai", "Swing"),
    "xlsx.switching_value": ("Omslagwaarde", "Switching value"),
    "xlsx.no_switching_value": ("geen", "none"),
    "xlsx.value_not_formula": (
        "Waarde van pactcalc, geen formule: de formule van deze cel past niet binnen de "
        "grenzen van Excel (8.192 tekens per formule, 255 argumenten per functie, "
        "64 niveaus). Deze cel rekent daarom niet mee als u een invoer wijzigt.",
        "pactcalc's value, not a formula: this cell's formula does not fit Excel's "
        "limits (8,192 characters per formula, 255 arguments per function, 64 levels). "
        "This cell therefore does not follow when you change an input.",
    ),
    "chart.agreement_nets_title": (
        "Saldo per partner vóór en na de afspraak",
        "Net per partner before and after the agreement",
    ),
    "chart.agreement_nets_caption": (
        "Per partner het saldo over de looptijd zonder de afspraak en met de verrekening "
        "van de afspraak; opgeteld veranderen de saldi niet.",
        "Per partner the net over the term without the agreement and with the agreement's "
        "settlement; summed, the nets do not change.",
    ),
    "chart.net_before": ("vóór de afspraak", "before the agreement"),
    "chart.net_after": ("na de afspraak", "after the agreement"),
}
