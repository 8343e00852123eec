"""Words of the monitoring area: id → (nl, en), with ``{named}`` placeholders (see the package).

``mon.*``: ``pactcalc monitor`` and the monitoring chapter of ``pactcalc report ACTUALS``
(DOMAIN.md §8): the status of each year, the variance table with its V/N (Dutch
planning-and-control's voordelig/nadelig; in English F/U, favourable/unfavourable), the
re-forecast, the KPIs against their targets, a corridor breached, and the charts.
"""

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    # -- titles and the header
    "mon.title": ("Monitoring: {name}", "Monitoring: {name}"),
    "mon.chapter": ("Realisatie tegen het plan", "Actuals against the plan"),
    "mon.actuals_line": ("{name} — {file}", "{name} — {file}"),
    "mon.plan_line": ("Plan: {file}", "Plan: {file}"),
    "mon.unnamed": ("Realisatie", "Actuals"),
    "mon.plan_chapter": ("Het getekende plan", "The signed plan"),
    "mon.plan_intro": (
        "De hoofdstukken hieronder tonen het plan zoals het getekend is; de realisatie "
        "hierboven is ermee vergeleken.",
        "The chapters below show the plan as it was signed; the actuals above are compared "
        "with it.",
    ),
    # -- the status of the years
    "mon.status.final": ("definitief", "final"),
    "mon.status.provisional": ("voorlopig", "provisional"),
    "mon.status.forecast": ("prognose", "forecast"),
    "mon.status.plan": ("plan", "plan"),
    "mon.status_title": ("Status per jaar", "Status of each year"),
    "mon.status": ("Status", "Status"),
    "mon.source": ("Bron", "Source"),
    "mon.no_source": ("geen bron opgegeven", "no source given"),
    "mon.year_status": ("{year} {status}", "{year} {status}"),
    "mon.years_plan": ("{years} volgen het plan", "{years} follow the plan"),
    "mon.year_plan": ("{years} volgt het plan", "{years} follows the plan"),
    "mon.status_sentence": ("{name}: {years}.", "{name}: {years}."),
    # -- the answer
    "mon.net_sentence": (
        "Het saldo over de looptijd wordt nu {expectation} verwacht, tegen {plan} in het plan: "
        "{difference} ({verdict}).",
        "The net over the horizon is now expected at {expectation}, against {plan} in the "
        "plan: {difference} ({verdict}).",
    ),
    "mon.net_unchanged": (
        "Het saldo over de looptijd wordt nu {expectation} verwacht, gelijk aan het plan.",
        "The net over the horizon is now expected at {expectation}, as in the plan.",
    ),
    "mon.favourable": ("voordelig", "favourable"),
    "mon.unfavourable": ("nadelig", "unfavourable"),
    "mon.V": ("V", "F"),
    "mon.N": ("N", "U"),
    "mon.payback_holds": (
        "De terugverdientijd houdt stand: {expectation} verwacht, {plan} in het plan.",
        "The payback still holds: {expectation} expected, {plan} in the plan.",
    ),
    "mon.payback_later": (
        "De terugverdientijd schuift op: {expectation} verwacht, {plan} in het plan.",
        "The payback moves later: {expectation} expected, {plan} in the plan.",
    ),
    "mon.payback_lost": (
        "De terugverdientijd houdt geen stand: de investering verdient zich naar verwachting "
        "niet terug binnen de horizon ({plan} in het plan).",
        "The payback no longer holds: the investment is not expected to pay back within the "
        "horizon ({plan} in the plan).",
    ),
    "mon.payback_found": (
        "De investering verdient zich nu naar verwachting terug in {expectation}; het plan "
        "deed dat niet binnen de horizon.",
        "The investment is now expected to pay back in {expectation}; the plan did not within "
        "the horizon.",
    ),
    "mon.payback_none": (
        "De investering verdient zich, als in het plan, niet terug binnen de horizon.",
        "As in the plan, the investment does not pay back within the horizon.",
    ),
    "mon.payback_no_investment": (
        "Er is geen investering om terug te verdienen.",
        "There is no investment to pay back.",
    ),
    "mon.kpis_on_track": (
        "Elke KPI haalt zijn doel in de gerealiseerde jaren.",
        "Every KPI meets its target in the realised years.",
    ),
    "mon.kpis_behind_count": (
        "KPI's die achterblijven: {items}.",
        "KPIs behind their target: {items}.",
    ),
    "mon.kpi_behind_item": ("{name} in {year} ({status})", "{name} in {year} ({status})"),
    # -- the variance
    "mon.variance_title": (
        "Verschil per regel: plan tegen verwachting",
        "Variance by line: plan against expectation",
    ),
    "mon.variance_intro": (
        "Per regel over de looptijd: het plan, de huidige verwachting (gerealiseerde jaren "
        "plus prognose), het verschil en of het voordelig (V) of nadelig (N) is, met de "
        "delen waaruit het bestaat: optimisme-correctie (bias), volume, prijs en geboekt. "
        "Grootste verschil bovenaan.",
        "Each line over the horizon: the plan, the current expectation (realised years plus "
        "forecast), the difference and whether it is favourable (F) or unfavourable (U), with "
        "the parts it is made of: optimism bias removed (bias), volume, price and booked. "
        "Largest difference first.",
    ),
    "mon.line": ("Regel", "Line"),
    "mon.line_label": ("{name} ({kind})", "{name} ({kind})"),
    "mon.plan": ("Plan", "Plan"),
    "mon.expectation": ("Verwachting", "Expectation"),
    "mon.difference": ("Verschil", "Difference"),
    "mon.share": ("%", "%"),
    "mon.verdict": ("V/N", "F/U"),
    "mon.part.bias": ("Bias", "Bias"),
    "mon.part.volume": ("Volume", "Volume"),
    "mon.part.price": ("Prijs", "Price"),
    "mon.part.booked": ("Geboekt", "Booked"),
    "mon.drivers": (
        "Het verschil komt vooral van: {items}.",
        "The difference comes mainly from: {items}.",
    ),
    "mon.driver_item": ("{name} ({difference} {verdict})", "{name} ({difference} {verdict})"),
    "mon.no_difference": (
        "Geen regel wijkt af van het plan.",
        "No line differs from the plan.",
    ),
    "mon.unchanged": (
        "Zonder verschil ({count}): {names}.",
        "Without a difference ({count}): {names}.",
    ),
    "mon.marked": (
        "* verschil groter dan de drempel van {threshold}: toelichten.",
        "* difference above the threshold of {threshold}: to be explained.",
    ),
    "mon.none_marked": (
        "Geen verschil is groter dan de drempel van {threshold}.",
        "No difference is above the threshold of {threshold}.",
    ),
    "mon.verdict_note": (
        "V = voordelig (minder kosten, of meer budget, kosten zonder PACT of baten), N = nadelig.",
        "F = favourable (lower costs, or a higher budget, cost without the PACT or benefit), "
        "U = unfavourable.",
    ),
    "mon.partners_title": (
        "Verschil per partner: saldo vóór de afspraak",
        "Variance by partner: net before the agreement",
    ),
    "mon.net_total": ("Saldo (totaal)", "Net (total)"),
    "mon.years_title": ("Saldo per jaar", "Net per year"),
    "mon.waterfall_caption": (
        "Van het saldo van het plan naar het verwachte saldo, per deel van het verschil.",
        "From the plan's net to the expected net, by part of the difference.",
    ),
    "mon.cumulative_caption": (
        "Het cumulatieve saldo van het plan tegen de huidige verwachting.",
        "The cumulative net of the plan against the current expectation.",
    ),
    "mon.kpi_caption": (
        "Elke KPI per jaar tegen zijn doel.",
        "Each KPI per year against its target.",
    ),
    # -- the re-forecast
    "mon.reforecast_title": ("Herprognose", "Re-forecast"),
    "mon.reforecast_table": (
        "Kerncijfers: plan en verwachting",
        "Key figures: plan and expectation",
    ),
    "mon.reforecast_intro": (
        "Elk kerncijfer van het plan naast dat van de huidige verwachting.",
        "Every headline figure of the plan beside that of the current expectation.",
    ),
    "mon.metric": ("Kerncijfer", "Figure"),
    "mon.partner_nets_title": (
        "Saldo per partner: plan en verwachting",
        "Net per partner: plan and expectation",
    ),
    "mon.net_plan": ("Saldo plan", "Net plan"),
    "mon.net_expectation": ("Saldo verwacht", "Net expected"),
    "mon.settled_plan": ("Na afspraak plan", "After agreement plan"),
    "mon.settled_expectation": ("Na afspraak verwacht", "After agreement expected"),
    # -- KPIs
    "mon.kpis_title": ("KPI's tegen hun doel", "KPIs against their target"),
    "mon.kpi": ("KPI", "KPI"),
    "mon.value": ("Waarde", "Value"),
    "mon.target": ("Doel", "Target"),
    "mon.judgement": ("Oordeel", "Judgement"),
    "mon.on_track": ("op koers", "on track"),
    "mon.behind": ("achter", "behind"),
    "mon.expected": ("verwacht, niet beoordeeld", "expected, not judged"),
    "mon.measured": ("gemeten", "measured"),
    "mon.kpi_behind": (
        "{name} blijft in {year} ({status}) achter: {value} tegen een doel van {target}.",
        "{name} is behind in {year} ({status}): {value} against a target of {target}.",
    ),
    "mon.no_listed_kpis": ("Het plan heeft geen KPI's.", "The plan has no KPIs."),
    # -- the agreement, checks and notes
    "mon.checks_title": (
        "Checks en afspraak op de verwachting",
        "Checks and agreement on the expectation",
    ),
    "mon.no_checks": (
        "Het plan heeft geen checks op één berekening.",
        "The plan has no checks on one computation.",
    ),
    "mon.breach_over": (
        "{rule}: in {year} ({status}) lagen de werkelijke kosten ({cost}) boven de corridor van "
        "{band} rond de lumpsum ({lumpsum}).",
        "{rule}: in {year} ({status}) the actual cost ({cost}) was above the corridor of "
        "{band} around the lumpsum ({lumpsum}).",
    ),
    "mon.breach_under": (
        "{rule}: in {year} ({status}) lagen de werkelijke kosten ({cost}) onder de corridor van "
        "{band} rond de lumpsum ({lumpsum}).",
        "{rule}: in {year} ({status}) the actual cost ({cost}) was below the corridor of "
        "{band} around the lumpsum ({lumpsum}).",
    ),
    "mon.no_breach": (
        "Geen gerealiseerd jaar valt buiten een corridor van de afspraak.",
        "No realised year falls outside a corridor of the agreement.",
    ),
    "mon.baseline_plan": (
        "De kosten zonder PACT blijven die van het plan: een nulalternatief is niet waar "
        "te nemen, en de realisatie boekt er geen bedragen voor.",
        "The cost without the PACT stays the plan's: a counterfactual cannot be observed, and "
        "the actuals book no amounts for it.",
    ),
    "mon.baseline_booked": (
        "De kosten zonder PACT volgen de geboekte bedragen (bijvoorbeeld van een "
        "vergelijkingsgroep) in de jaren die ze noemen.",
        "The cost without the PACT follows the booked amounts (e.g. of a comparison group) "
        "in the years that list them.",
    ),
    "mon.notes_title": ("Toelichting", "Notes"),
    "mon.warnings": ("Waarschuwingen", "Warnings"),
    # -- the charts
    "mon.chart.cumulative_title": (
        "Cumulatief saldo: plan tegen verwachting",
        "Cumulative net: plan against expectation",
    ),
    "mon.chart.cumulative_caption": (
        "Het cumulatieve saldo aan het eind van elk jaar: het plan, en de verwachting "
        "doorgetrokken in gerealiseerde jaren (definitief of voorlopig), gestreept waar het "
        "een prognose is.",
        "The cumulative net at the end of each year: the plan, and the expectation solid in "
        "realised years (final or provisional), dashed where it is a forecast.",
    ),
    "mon.chart.plan": ("Plan", "Plan"),
    "mon.chart.realised": ("Gerealiseerd", "Realised"),
    "mon.chart.forecast": ("Verwachting (prognose)", "Expectation (forecast)"),
    "mon.chart.eur_cumulative": ("Cumulatief saldo (€)", "Cumulative net (€)"),
    "mon.chart.waterfall_title": (
        "Van plan naar verwachting: het saldo in delen",
        "From plan to expectation: the net in parts",
    ),
    "mon.chart.waterfall_caption": (
        "Het saldo over de looptijd van het plan, de delen van het verschil (groen voordelig, "
        "rood nadelig) en het verwachte saldo. De as begint niet bij nul.",
        "The net over the horizon of the plan, the parts of the difference (green favourable, "
        "red unfavourable) and the expected net. The axis does not start at zero.",
    ),
    "mon.chart.eur_net": ("Saldo over de looptijd (€)", "Net over the horizon (€)"),
    "mon.chart.kpis_title": ("KPI's: waarde tegen doel", "KPIs: value against target"),
    "mon.chart.kpis_caption": (
        "Per KPI en gemeld jaar de waarde (groen op koers, rood achter, lichtblauw "
        "verwacht) en het doel (zwart streepje).",
        "Each KPI's value per listed year (green on track, red behind, light blue expected) "
        "and its target (black dash).",
    ),
    "mon.chart.value_on_track": ("Op koers", "On track"),
    "mon.chart.value_behind": ("Achter", "Behind"),
    "mon.chart.value_expected": ("Verwacht", "Expected"),
    "mon.chart.target": ("Doel", "Target"),
    # -- the command line
}
