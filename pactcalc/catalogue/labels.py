"""Labels and sentences shared by the outputs: id → (nl, en), ``{named}`` placeholders."""

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "no_payback": (
        "niet binnen de horizon van {years} jaar",
        "not within the {years}-year horizon",
    ),
    "n_years": ("{n} jaar", "{n} years"),
    "no_ratio": ("geen (geen investering)", "none (no investment)"),
    "summary": ("Samenvatting", "Summary"),
    "adjustments_title": (
        "Aanpassingen (totaal over de horizon)",
        "Adjustments (total over the horizon)",
    ),
    "gross": ("Bruto", "Gross"),
    "kind_baseline": ("kosten zonder PACT", "cost without PACT"),
    "kind_budget": ("budget", "budget"),
    "kind_effort": ("inzet", "effort"),
    "kind_investments": ("investering", "investment"),
    "kind_benefits": ("baat", "benefit"),
    "counted": ("Meegeteld", "Counted"),
    "optimism_bias": ("Optimisme-correctie", "Optimism bias"),
    "deadweight": ("Wat toch al gebeurd was", "Deadweight"),
    "displacement": ("Verplaatsing", "Displacement"),
    "attribution": ("Toe te rekenen aan anderen", "Attribution"),
    "drop_off": ("Afname per jaar", "Drop-off"),
    "the_answer": ("Het antwoord", "The answer"),
    "says_headroom_ok": (
        "Het budget volstaat in elk jaar; het krapst is {year}.",
        "The budget suffices every year; the tightest year is {year}.",
    ),
    "says_headroom_short": (
        "Het budget schiet tekort, het meest in {year}.",
        "The budget falls short, most in {year}.",
    ),
    "says_payback": (
        "De investering is na {years} terugverdiend.",
        "The investment is paid back after {years}.",
    ),
    "says_no_payback": (
        "Niet terugverdiend binnen de horizon van {years} jaar.",
        "Not paid back within the {years}-year horizon.",
    ),
    "says_no_investment": (
        "Er is geen investering: niets om terug te verdienen.",
        "There is no investment: nothing to pay back.",
    ),
    "says_npv": (
        "Wat de PACT over {years} jaar oplevert, in geld van nu ({rate} per jaar).",
        "What the PACT yields over {years} years, in today's money ({rate} a year).",
    ),
    "says_effort": (
        "Wat {n} partners samen inzetten over {years} jaar.",
        "What {n} partners contribute together over {years} years.",
    ),
    "says_investment": (
        "De eenmalige kosten van de omslag (de investeringen).",
        "The one-off costs of the change (the lines under 'investments').",
    ),
    "says_savings": (
        "Kosten zonder PACT min de inzet in de PACT.",
        "Cost without the PACT minus the effort in the PACT.",
    ),
    "payback_title": (
        "Investering, besparing en terugverdientijd",
        "Investment, savings and payback",
    ),
    "chart_effort": (
        "Inzet per partner, gestapeld, tegen het beschikbare budget.",
        "Each partner's effort, stacked, against the available budget.",
    ),
    "chart_cumulative": (
        "Cumulatief saldo (besparing + baten − investering) met het moment van terugverdienen.",
        "Cumulative net (savings + benefits − investment) with the payback moment.",
    ),
    "chart_baseline": (
        "Kosten zonder PACT tegen kosten in de PACT-situatie (inzet + investering).",
        "Cost without the PACT against the cost in the PACT situation (effort + investment).",
    ),
    "who_pays_intro": (
        "Betaalt: eigen bijdragen plus het aandeel in de kosten uit het budget, naar rato van "
        "het budget dat de partner inbrengt. Hoeft niet meer te betalen: de kosten zonder "
        "PACT. Baten: overige baten. Saldo = hoeft niet meer te betalen + baten − betaalt.",
        "Pays: own contributions plus the share of the budget-funded costs, pro rata to the "
        "budget the partner holds. Stops paying: the cost without the PACT. Gains: other "
        "benefits. Net = stops paying + gains − pays.",
    ),
    "no_checks": ("Het scenario heeft geen checks.", "The scenario has no checks."),
    "inputs": ("Invoer en bronnen", "Inputs and sources"),
    "name": ("naam", "name"),
    "value": ("waarde", "value"),
    "unit": ("eenheid", "unit"),
    "range": ("bereik", "range"),
    "source": ("bron", "source"),
    "kind": ("soort", "kind"),
    "amount": ("bedrag (formule)", "amount (expression)"),
    "no_assumptions": (
        "Geen aannames: elk getal heeft een bron.",
        "No assumptions: every number has a source.",
    ),
    "audit_trail": (
        "Verantwoording: hoe elk getal ontstaat",
        "Audit trail: how each number is made",
    ),
    "audit_intro": (
        "Per kerncijfer de formule, per jaar met de waarden ingevuld, en de invoer met bron. "
        "Hetzelfde toont het commando pactcalc explain BESTAND NAAM.",
        "For each headline figure the formula, year by year with the values put in, and the "
        "inputs with their sources. The command pactcalc explain FILE NAME shows the same.",
    ),
    "made_from": ("Volgt uit:", "Made from:"),
    "generated_by": ("Gemaakt met pactcalc {version}", "Made with pactcalc {version}"),
    "compare_title": ("Scenario's vergeleken", "Scenarios compared"),
    "compare.difference": ("verschil", "difference"),
    "compare.difference_note": (
        "Verschil: de waarde min die van het eerste scenario, {first}.",
        "Difference: the value minus that of the first scenario, {first}.",
    ),
    "compare_sheet": ("Vergelijking", "Comparison"),
    "cumulative_title": ("Cumulatief saldo per jaar", "Cumulative net per year"),
    "discount_rate": ("Discontovoet", "Discount rate"),
    "rate_set_in_scenario": (
        "ingesteld in het scenario (zonder bron)",
        "set in the scenario (no source)",
    ),
    "effort_by_partner": (
        "Inzet per partner (euro per jaar)",
        "Effort per partner (euros per year)",
    ),
    "by_year": ("Per jaar", "Year by year"),
    "who_pays": ("Wie betaalt, wie profiteert", "Who pays, who benefits"),
    "partner": ("Partner", "Partner"),
    "total": ("Totaal", "Total"),
    "year": ("Jaar", "Year"),
    "budget": ("Budget", "Budget"),
    "effort_from_budget": ("Inzet uit het budget", "Effort paid from the budget"),
    "investment_from_budget": ("Investering uit het budget", "Investment paid from the budget"),
    "effort": ("Inzet", "Effort"),
    "headroom": ("Ruimte", "Headroom"),
    "baseline": ("Kosten zonder PACT", "Cost without PACT"),
    "savings": ("Besparing", "Savings"),
    "benefits": ("Overige baten", "Other benefits"),
    "investment": ("Investering", "Investment"),
    "net": ("Saldo", "Net"),
    "cumulative": ("Cumulatief", "Cumulative"),
    "pays": ("Betaalt", "Pays"),
    "stops_paying": ("Hoeft niet meer te betalen", "Stops paying"),
    "gains": ("Baten", "Gains"),
    "partner_net": ("Saldo", "Net"),
    "checks": ("Checks", "Checks"),
    "check_holds": ("klopt", "holds"),
    "check_fails": ("klopt niet", "fails"),
    "warnings": ("Waarschuwingen", "Warnings"),
    "sources": ("Bronnen", "Sources"),
    "assumptions": (
        "Aannames (zonder bron of als aanname gemarkeerd)",
        "Assumptions (no source, or marked as assumption)",
    ),
    "no_source": ("geen bron", "no source"),
    "inhabitants": ("{n} inwoners", "{n} inhabitants"),
    "horizon": ("{first}–{last}, {years} jaar", "{first}–{last}, {years} years"),
    "answer_budget_ok": (
        "Het budget is in elk jaar toereikend voor de inzet uit het budget.",
        "The budget suffices in every year for the effort it funds.",
    ),
    "answer_budget_short": (
        "Het budget schiet tekort: in {year} is de ruimte {amount}.",
        "The budget falls short: in {year} the headroom is {amount}.",
    ),
    "answer_payback": (
        "De investering is na {years} terugverdiend.",
        "The investment pays back after {years}.",
    ),
    "answer_no_payback": (
        "De investering wordt niet {horizon} terugverdiend.",
        "The investment does not pay back {horizon}.",
    ),
    "answer_no_investment": ("Er is geen investering.", "There is no investment."),
    "answer_no_budget": (
        "Er is geen budget: alle inzet is een eigen bijdrage van de partners.",
        "There is no budget: all effort is the partners' own contribution.",
    ),
    "parameter": ("parameter", "parameter"),
    "series": ("reeks", "series"),
    "line": ("regel", "line"),
    "paid_from_own": ("eigen bijdrage", "own contribution"),
    "paid_from_budget_lines": (
        "Betaald uit het budget: {lines}.",
        "Paid from the budget: {lines}.",
    ),
    "paid_from_own_lines": (
        "Eigen bijdrage (niet uit het budget): {lines}.",
        "Own contribution (not from the budget): {lines}.",
    ),
    "effort_of": ("inzet van {partners}", "effort of {partners}"),
    "investment_named": ("investering {lines}", "investment {lines}"),
    "investments_named": ("investeringen {lines}", "investments {lines}"),
    "partly": ("deels", "partly"),
    "rounding_note": (
        "Elk bedrag is op zichzelf afgerond op hele euro's, ook de totalen; daardoor tellen "
        "de afgeronde bedragen in deze tabel niet overal precies op.",
        "Every amount, totals included, is rounded to whole euros on its own; the rounded "
        "amounts in this table therefore do not add up exactly everywhere.",
    ),
    "check_message_value": ("{label} is {value}", "{label} is {value}"),
    "check_probability": (
        "P({event}) is {p} (± {se}, {n} trekkingen)",
        "P({event}) is {p} (± {se}, {n} samples)",
    ),
    "mean_of": ("gemiddelde {label}", "mean {label}"),
    "too_close": (
        "te dicht bij de grens om te beslissen bij {n} trekkingen; neem meer "
        "trekkingen (simulation: samples)",
        "too close to call at {n} samples; take more samples (simulation: samples)",
    ),
    "check_missing_partner": (
        "partner '{partner}' bestaat niet",
        "partner '{partner}' does not exist",
    ),
    "check_missing_ratio": (
        "{label} bestaat niet: er is geen investering",
        "{label} does not exist: there is no investment",
    ),
    "check_missing_payback": (
        "er is geen terugverdientijd {horizon}",
        "there is no payback {horizon}",
    ),
    "within_horizon": ("binnen de horizon van {years} jaar", "within the {years}-year horizon"),
    "summary_line": (
        "{files} bestand(en) gecontroleerd: {passed} in orde, {failed} met falende "
        "checks, {invalid} ongeldig{skipped}",
        "{files} file(s) checked: {passed} passed, {failed} with failing checks, "
        "{invalid} invalid{skipped}",
    ),
    "skipped": (
        "; {n} YAML-bestand(en) zonder sleutel 'pactcalc' of 'pactcalc-actuals' overgeslagen",
        "; {n} YAML file(s) without a 'pactcalc' or 'pactcalc-actuals' key skipped",
    ),
    "written": ("geschreven: {path}", "written: {path}"),
    "created": (
        "aangemaakt: {path} — probeer: pactcalc run {path}",
        "created: {path} — try: pactcalc run {path}",
    ),
}
