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
    # -- the workbook: the agreement (DOMAIN.md §7)
    "xlsx.sheet_agreement": ("Afspraken", "Agreement"),
    "xlsx.agreement_inputs": (
        "Afspraken (vast bij ondertekening)",
        "Agreement (terms fixed at signing)",
    ),
    "xlsx.agreement_inputs_note": (
        "De voorwaarden zijn bij ondertekening vastgelegd op het plan. Een andere parameter "
        "verandert wat er gerealiseerd wordt (kosten, besparing, KPI), nooit een voorwaarde; "
        "wijzig hier een voorwaarde en de verrekening op het blad Afspraken en de saldi op "
        "het blad Partners rekenen mee.",
        "The terms are fixed at signing, on the plan. Another parameter changes what is "
        "realised (cost, savings, KPI), never a term; change a term here and the settlement "
        "on the Agreement sheet and the nets on the Partners sheet follow.",
    ),
    "xlsx.kpi_reference": ("nulmeting (referentie) van {kpi}", "reference (0-meting) of {kpi}"),
    "xlsx.rule_contribution": ("bijdrage", "contribution"),
    "xlsx.rule_lumpsum": ("lumpsum", "lumpsum"),
    "xlsx.rule_gain_share": ("gedeelde besparing", "gain share"),
    "xlsx.rule_outcome_payment": ("resultaatbetaling", "outcome payment"),
    "xlsx.period_horizon": ("over de looptijd", "over the horizon"),
    "xlsx.period_year": ("per jaar", "per year"),
    "xlsx.term_from": ("eerste jaar van de afspraak", "first year of the rule"),
    "xlsx.term_until": ("laatste jaar van de afspraak", "last year of the rule"),
    "xlsx.term_amount": (
        "bedrag per jaar, geïndexeerd, 0 buiten de jaren van de afspraak (geschreven: {written})",
        "amount per year, indexed, 0 outside the rule's years (written: {written})",
    ),
    "xlsx.term_amount_default_lumpsum": (
        "lumpsum L per jaar: de kosten van de gedekte regels volgens plan, 0 buiten de jaren "
        "van de afspraak",
        "lumpsum L per year: the covered lines' cost on the plan, 0 outside the rule's years",
    ),
    "xlsx.term_benchmark": (
        "benchmark B per jaar, geïndexeerd, 0 buiten de jaren van de afspraak (geschreven: "
        "{written})",
        "benchmark B per year, indexed, 0 outside the rule's years (written: {written})",
    ),
    "xlsx.term_benchmark_default_gain_share": (
        "benchmark B per jaar: de uitgaven zonder PACT volgens plan, 0 buiten de jaren van "
        "de afspraak",
        "benchmark B per year: the spending without PACT on the plan, 0 outside the rule's years",
    ),
    "xlsx.term_band": (
        "corridor: halve bandbreedte als deel van L",
        "corridor: half-width of the band as a fraction of L",
    ),
    "xlsx.term_corridor_share": (
        "corridor: deel van het verschil buiten de band dat de betaler verrekent",
        "corridor: share of the difference beyond the band that the payer settles",
    ),
    "xlsx.term_minimum_rate": (
        "minimale besparingsgraad G/B voordat er gedeeld wordt",
        "minimum savings rate G/B before anything is shared",
    ),
    "xlsx.term_gain_cap": (
        "plafond: samen ten hoogste dit deel van B",
        "cap: in all at most this fraction of B",
    ),
    "xlsx.term_share": (
        "deel van de besparing voor {partner}",
        "share of the savings for {partner}",
    ),
    "xlsx.term_loss_share": (
        "deel van het verlies dat {partner} draagt",
        "share of the losses {partner} pays",
    ),
    "xlsx.term_loss_minimum_rate": (
        "verlies: minimale graad −G/B voordat het gedeeld wordt",
        "losses: minimum rate −G/B before they are shared",
    ),
    "xlsx.term_loss_cap": (
        "verlies: samen ten hoogste dit deel van B",
        "losses: in all at most this fraction of B",
    ),
    "xlsx.term_price": (
        "prijs per eenheid van {kpi} (nominaal)",
        "price per unit of {kpi} (nominal)",
    ),
    "xlsx.term_year_cap": ("plafond per jaar (nominaal)", "cap per year (nominal)"),
    "xlsx.term_total_cap": (
        "plafond over de jaren van de afspraak (nominaal)",
        "cap over the rule's years (nominal)",
    ),
    "xlsx.kpis": ("KPI's", "KPIs"),
    "xlsx.running": ("Afspraak loopt (1 = ja)", "Rule applies (1 = yes)"),
    "xlsx.transfer": ("Overdracht", "Transfer"),
    "xlsx.lumpsum_l": ("Lumpsum (L)", "Lumpsum (L)"),
    "xlsx.covered_cost": ("Kosten gedekte regels (C)", "Cost of the covered lines (C)"),
    "xlsx.corridor_difference": ("Verschil (D = C − L)", "Difference (D = C − L)"),
    "xlsx.corridor_excess": ("Buiten de band (X)", "Beyond the band (X)"),
    "xlsx.benchmark_b": ("Benchmark (B)", "Benchmark (B)"),
    "xlsx.pact_cost": ("Kosten (inzet + investering)", "Cost (effort + investment)"),
    "xlsx.gain_g": ("Besparing (G = B − kosten)", "Savings (G = B − cost)"),
    "xlsx.savings_rate": ("Besparingsgraad (G/B)", "Savings rate (G/B)"),
    "xlsx.gain_cap_factor": (
        "Factor plafond besparing (naar rato)",
        "Cap factor on the savings (pro rata)",
    ),
    "xlsx.loss_cap_factor": (
        "Factor plafond verlies (naar rato)",
        "Cap factor on the losses (pro rata)",
    ),
    "xlsx.period_horizon_note": (
        "over de looptijd (totaalkolom), geboekt in het laatste jaar van de afspraak",
        "over the horizon (total column), booked in the rule's last year",
    ),
    "xlsx.period_year_note": ("per jaar", "per year"),
    "xlsx.kpi_value": ("KPI-waarde (K)", "KPI value (K)"),
    "xlsx.units_higher": (
        "Eenheden boven de referentie (K − R)",
        "Units above the reference (K − R)",
    ),
    "xlsx.units_lower": (
        "Eenheden onder de referentie (R − K)",
        "Units below the reference (R − K)",
    ),
    "xlsx.payment_before_total_cap": (
        "Betaling vóór het totaalplafond",
        "Payment before the total cap",
    ),
    "xlsx.settlement": ("Verrekening", "Settlement"),
    "xlsx.net_settled": ("Saldo na de afspraak", "Net after the agreement"),
    # -- the workbook of an actuals file (DOMAIN.md §8): the Actuals sheet, the live paybacks
    "xlsx.sheet_actuals": ("Realisatie", "Actuals"),
    "xlsx.actuals_title": ("Realisatie: {name}", "Actuals: {name}"),
    "xlsx.actuals_how": (
        "Typ wat er gebeurde in de gele cellen; een lege cel houdt het plan (of het "
        "berekende bedrag). Alle formules rekenen mee: de verwachting hieronder volgt.",
        "Type what happened into the yellow cells; an empty cell keeps the plan (or the "
        "computed amount). Every formula follows: the expectation below is recalculated.",
    ),
    "xlsx.actuals_plan": ("Plan (scenariobestand)", "Plan (scenario file)"),
    "xlsx.actuals_item": ("Onderdeel", "Item"),
    "xlsx.actuals_detail": ("Eenheid, soort of toelichting", "Unit, kind or note"),
    "xlsx.status": ("Status", "Status"),
    "xlsx.status_note": (
        "final (jaarrekening), provisional (voorlopig) of forecast (nieuwe verwachting); "
        "leeg: het plan. In final en provisional jaren geen optimism bias.",
        "final (annual accounts), provisional (to be corrected) or forecast (a new "
        "expectation); empty: the plan. No optimism bias in final and provisional years.",
    ),
    "xlsx.actuals_series": ("Reeksen: volume (leeg = plan)", "Series: volume (empty = plan)"),
    "xlsx.actuals_parameters": (
        "Parameters: prijs, alleen in dat jaar (leeg = plan)",
        "Parameters: price, in that year only (empty = plan)",
    ),
    "xlsx.actuals_booked": (
        "Geboekte bedragen: nominaal, vervangen de regel (leeg = berekend)",
        "Booked amounts: nominal, replace the line (empty = computed)",
    ),
    "xlsx.actuals_kpis": ("Gemeten KPI's (leeg = berekend)", "Measured KPIs (empty = computed)"),
    "xlsx.plan_and_expectation": ("Plan en verwachting", "Plan and expectation"),
    "xlsx.plan_and_expectation_note": (
        "plan: waarden van het getekende plan; verwachting: formules (realisatie plus "
        "prognose); de basislijn blijft die van het plan tenzij er bedragen op geboekt zijn",
        "plan: values of the signed plan; expectation: formulas (realised plus forecast); "
        "the baseline stays the plan's unless amounts are booked on it",
    ),
    "xlsx.net_plan": ("Saldo, plan", "Net, plan"),
    "xlsx.net_expectation": ("Saldo, verwachting", "Net, expectation"),
    "xlsx.cumulative_plan": ("Cumulatief, plan", "Cumulative, plan"),
    "xlsx.cumulative_expectation": ("Cumulatief, verwachting", "Cumulative, expectation"),
    "xlsx.difference": ("Verschil", "Difference"),
    "xlsx.actuals_kpi_target": ("{kpi}: doel (plan)", "{kpi}: target (plan)"),
    "xlsx.actuals_kpi_value": ("{kpi}: waarde (verwachting)", "{kpi}: value (expectation)"),
    "xlsx.kpi_higher": ("hoger is beter", "higher is better"),
    "xlsx.kpi_lower": ("lager is beter", "lower is better"),
    "xlsx.plan": ("Plan", "Plan"),
    "xlsx.expectation": ("Verwachting", "Expectation"),
    "xlsx.compare_partner_net": ("Saldo {partner}", "Net {partner}"),
    "xlsx.compare_net_settled": (
        "Saldo na de afspraak {partner}",
        "Net after the agreement {partner}",
    ),
    "xlsx.payback_block": (
        "Terugverdientijd (DOMAIN §2): investering aan het begin van het jaar, besparing "
        "en baten gespreid over het jaar",
        "Payback (DOMAIN §2): investment at the start of its year, savings and benefits "
        "spread over the year",
    ),
    "xlsx.payback_returns": ("Besparing + baten", "Savings + benefits"),
    "xlsx.payback_end": ("Cumulatief aan het eind van het jaar", "Cumulative at the year's end"),
    "xlsx.payback_start": (
        "Cumulatief aan het begin van het jaar, na de investering",
        "Cumulative at the year's start, after the investment",
    ),
    "xlsx.payback_negative": ("Negatief op de cent (1 = ja)", "Negative at the cent (1 = yes)"),
    "xlsx.payback_moment": (
        "Terugverdiend in dit jaar: jaren vanaf de start",
        "Paid back in this year: years from the start",
    ),
    "xlsx.payback_discounted": (" (contant)", " (discounted)"),
    "xlsx.payback_formula_note": (
        "formule over de rijen terugverdientijd op het blad Per jaar",
        "formula over the payback rows of the Year-by-year sheet",
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
