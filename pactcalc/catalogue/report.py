"""Words of the report area: id → (nl, en), with ``{named}`` placeholders (see the package).

``unc.*``: the uncertainty section and the ``sensitivity`` and ``simulate`` reports;
``unc.metric.*``: how a sentence names a metric ("De NCW wordt nul …"); ``trail.*``: the
audit trail as ``pactcalc explain`` shows it.
"""

WORDS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "unc.uncertainty": ("Onzekerheid", "Uncertainty"),
    "unc.sensitivity_title": (
        "Gevoeligheid van de {metric}: één parameter tegelijk",
        "Sensitivity of the {metric}: one parameter at a time",
    ),
    "unc.parameter": ("Parameter", "Parameter"),
    "unc.at_low": ("Laag → {metric}", "Low → {metric}"),
    "unc.at_high": ("Hoog → {metric}", "High → {metric}"),
    "unc.swing": ("Zwaai", "Swing"),
    "unc.switching": ("Omslagwaarde", "Switching value"),
    "unc.base_line": (
        "{Metric} met elke parameter op zijn waarde: {base}. Laag en hoog: de {metric} met één "
        "parameter op zijn lage of hoge waarde, de andere op hun waarde; grootste zwaai "
        "bovenaan.",
        "{Metric} with every parameter at its value: {base}. Low and high: the {metric} with "
        "one parameter at its low or high value, the others at their values; largest swing "
        "first.",
    ),
    "unc.threshold_line": (
        "Omslagwaarde: de waarde van de parameter waarbij de {metric} {threshold} wordt "
        "(de drempel), de andere parameters op hun waarde.",
        "Switching value: the value of the parameter at which the {metric} reaches "
        "{threshold} (the threshold), the other parameters at their values.",
    ),
    "unc.no_threshold_line": (
        "Geen drempel voor de {metric} (geen check erop): geen omslagwaarden.",
        "No threshold for the {metric} (no check on it): no switching values.",
    ),
    "unc.from_value": ("{change} t.o.v. waarde", "{change} from value"),
    "unc.none_between": ("geen tussen {low} en {high}", "none between {low} and {high}"),
    "unc.no_range": ("geen bereik", "no range"),
    "unc.switch_zero": (
        "De {metric} wordt nul als {parameter} {direction} tot {value} ({change}).",
        "The {metric} becomes zero if {parameter} {direction} to {value} ({change}).",
    ),
    "unc.switch_threshold": (
        "De {metric} wordt {threshold} als {parameter} {direction} tot {value} ({change}).",
        "The {metric} reaches {threshold} if {parameter} {direction} to {value} ({change}).",
    ),
    "unc.falls": ("daalt", "falls"),
    "unc.rises": ("stijgt", "rises"),
    "unc.switch_none": (
        "{parameter}: geen omslagwaarde tussen {low} en {high}.",
        "{parameter}: no switching value between {low} and {high}.",
    ),
    "unc.switch_no_range": (
        "{parameter} heeft geen bereik (laag = hoog = {value}): geen omslagwaarde.",
        "{parameter} has no range (low = high = {value}): no switching value.",
    ),
    "unc.no_uncertain": (
        "Geen parameter heeft een bereik (low/high): niets om te variëren.",
        "No parameter has a range (low/high): nothing to vary.",
    ),
    "unc.simulation_title": ("Monte Carlo-simulatie", "Monte Carlo simulation"),
    "unc.run_line": (
        "{n} trekkingen, seed {seed}; {k} parameters met een bereik tegelijk gevarieerd.",
        "{n} samples, seed {seed}; {k} parameters with a range varied together.",
    ),
    "unc.outcomes": ("Uitkomsten", "Outcomes"),
    "unc.mean": ("Gemiddelde", "Mean"),
    "unc.beyond": ("buiten de horizon", "beyond the horizon"),
    "unc.net_of": ("Saldo {name}", "Net {name}"),
    "unc.missing_line": (
        "Niet terugverdiend binnen de horizon van {years} jaar: {share} van de trekkingen "
        "({label}).",
        "Not paid back within the {years}-year horizon: {share} of the samples ({label}).",
    ),
    "unc.no_mean": (
        " Daarom is er geen gemiddelde; een percentiel dat daarin valt, is 'buiten de horizon'.",
        " Hence there is no mean; a percentile that falls among them is 'beyond the horizon'.",
    ),
    "unc.probabilities": ("Kansen", "Probabilities"),
    "unc.probability": ("Kans", "Probability"),
    "unc.event": ("Gebeurtenis", "Event"),
    "unc.p_se": ("{p} (± {se})", "{p} (± {se})"),
    "unc.se_note": (
        "± is de Monte Carlo-standaardfout √(p(1 − p)/n).",
        "± is the Monte Carlo standard error √(p(1 − p)/n).",
    ),
    "unc.partner_risk": ("Risico per partner", "Risk per partner"),
    "unc.partner": ("Partner", "Partner"),
    "unc.p_negative": ("P(saldo < 0)", "P(net < 0)"),
    "unc.p5_net": ("P5 van het saldo", "P5 of the net"),
    "unc.histogram": (
        "Verdeling van de NCW ({n} trekkingen)",
        "Distribution of the NPV ({n} samples)",
    ),
    "unc.histogram_range": ("NCW van … tot …", "NPV from … to …"),
    "unc.samples": ("trekkingen", "samples"),
    "unc.all_samples": ("alle {n} trekkingen: {value}", "all {n} samples: {value}"),
    "unc.percentiles": ("P5 {p5} · P50 {p50} · P95 {p95}", "P5 {p5} · P50 {p50} · P95 {p95}"),
    # events of the Simulation's probabilities
    "unc.ev_npv": ("NCW > 0", "NPV > 0"),
    "unc.ev_headroom": ("laagste ruimte in een jaar ≥ 0", "lowest headroom in a year ≥ 0"),
    "unc.ev_within": (
        "terugverdiend binnen de horizon van {years} jaar",
        "paid back within the {years}-year horizon",
    ),
    "unc.ev_payback": ("terugverdientijd ≤ {t} jaar", "payback ≤ {t} years"),
    "unc.ev_partner": ("saldo {name} < 0", "net {name} < 0"),
    # the report section
    "unc.intro": (
        "Elke parameter met een bereik (low/high) is onzeker. De simulatie trekt ze "
        "tegelijk, {n} keer (seed {seed}); de gevoeligheidsanalyse varieert ze één voor één.",
        "Every parameter with a range (low/high) is uncertain. The simulation draws them "
        "together, {n} times (seed {seed}); the sensitivity analysis varies them one at a "
        "time.",
    ),
    "unc.key_probabilities": ("De belangrijkste kansen", "The key probabilities"),
    "unc.switching_title": ("Gevoeligheid en omslagwaarden", "Sensitivity and switching values"),
    "unc.distribution_title": ("Verdeling van de NCW", "Distribution of the NPV"),
    "unc.fan_title": ("Cumulatief saldo: bandbreedte", "Cumulative net: range"),
    "unc.partners_title": ("Saldo per partner", "Net per partner"),
    "unc.chart_tornado": (
        "Tornado: de NCW met één parameter op laag of hoog, grootste zwaai bovenaan.",
        "Tornado: the NPV with one parameter at low or high, largest swing at the top.",
    ),
    "unc.chart_npv": (
        "Verdeling van de NCW over de trekkingen, met P5, P50 en P95.",
        "Distribution of the NPV over the samples, with P5, P50 and P95.",
    ),
    "unc.chart_fan": (
        "Cumulatief saldo per jaar: de band van P10 tot P90 rond de mediaan.",
        "Cumulative net per year: the band from P10 to P90 around the median.",
    ),
    "unc.chart_partners": (
        "Saldo per partner: doos P25–P75, snorharen P5–P95.",
        "Net per partner: box P25–P75, whiskers P5–P95.",
    ),
    "unc.metric.npv": ("NCW", "NPV"),
    "unc.metric.headroom_min": ("laagste ruimte in een jaar", "lowest headroom in a year"),
    "unc.metric.headroom_total": ("ruimte in het budget", "budget headroom"),
    "unc.metric.savings_total": ("besparing", "savings"),
    "unc.metric.payback_years": ("terugverdientijd", "payback period"),
    "unc.metric.discounted_payback_years": (
        "verdisconteerde terugverdientijd",
        "discounted payback period",
    ),
    "unc.metric.roi": ("rendement", "ROI"),
    "unc.metric.bcr": ("baten-kostenverhouding", "benefit-cost ratio"),
    "trail.values_put_in": ("ingevuld", "values put in"),
    "trail.each_of_them": (
        "(pactcalc explain FILE NAAM voor elk daarvan)",
        "(pactcalc explain FILE NAME for each of them)",
    ),
    "trail.inputs": ("Invoer", "Inputs"),
    "trail.source": ("bron", "source"),
    "trail.no_source": ("geen bron (aanname)", "no source (assumption)"),
    # --- the agreement (DOMAIN.md §7): KPIs, rules in sentences, transfers, risk ------------
    "agr.kpis_title": ("KPI's", "KPIs"),
    "agr.kpi": ("KPI", "KPI"),
    "agr.kpi_value": ("waarde", "value"),
    "agr.kpi_target": ("doel", "target"),
    "agr.kpi_reference": ("nulmeting", "reference"),
    "agr.kpi_terms": (
        "{name} ({id}): in {unit}, {direction}; validatie: {validation}",
        "{name} ({id}): in {unit}, {direction}; validation: {validation}",
    ),
    "agr.kpi_terms_no_unit": (
        "{name} ({id}): {direction}; validatie: {validation}",
        "{name} ({id}): {direction}; validation: {validation}",
    ),
    "agr.higher_is_better": ("hoger is beter", "higher is better"),
    "agr.lower_is_better": ("lager is beter", "lower is better"),
    "agr.validation.rct": ("gerandomiseerd experiment (rct)", "randomised controlled trial (rct)"),
    "agr.validation.quasi-experimental": ("quasi-experimenteel", "quasi-experimental"),
    "agr.validation.historical-comparison": (
        "historische vergelijking",
        "historical comparison",
    ),
    "agr.validation.pre-post": ("voor- en nameting", "pre-post measurement"),
    "agr.validation.ex-post": ("achteraf (ex post)", "after the fact (ex post)"),
    "agr.validation.none": ("geen", "none"),
    "agr.title": (
        "De afspraak: verrekening tussen partners",
        "The agreement: settlement between partners",
    ),
    "agr.intro": (
        "Geld dat de partners volgens de afspraak aan elkaar overmaken. De totalen van de "
        "business case veranderen niet; het saldo van elke partner wel.",
        "Money the partners transfer to each other under the agreement. The business "
        "case's totals do not change; each partner's net does.",
    ),
    "agr.rule": ("Regel", "Rule"),
    "agr.transfers_title": ("Overdrachten per jaar", "Transfers per year"),
    "agr.transfer_label": ("{rule}: {payer} → {receiver}", "{rule}: {payer} → {receiver}"),
    "agr.settlement_title": ("Verrekening per partner per jaar", "Settlement per partner per year"),
    "agr.settlement_note": (
        "Ontvangen min betaald; opgeteld over de partners elk jaar € 0.",
        "Received minus paid; summed over the partners € 0 every year.",
    ),
    "agr.settlement": ("Verrekening", "Settlement"),
    "agr.net_after": ("Saldo na afspraak", "Net after agreement"),
    "agr.sentence_with_years": ("{sentence} ({years})", "{sentence} ({years})"),
    "agr.years_from_until": ("van {start} tot en met {until}", "from {start} to {until}"),
    "agr.years_from": ("vanaf {start}", "from {start} on"),
    "agr.years_until": ("tot en met {until}", "until {until}"),
    "agr.per_year": ("{amount} per jaar", "{amount} a year"),
    "agr.per_year_between": ("{low} tot {high} per jaar", "{low} to {high} a year"),
    "agr.list_and": ("{items} en {last}", "{items} and {last}"),
    "agr.contribution": (
        "{payer} draagt {amount} bij aan {receiver}.",
        "{payer} contributes {amount} to {receiver}.",
    ),
    "agr.lumpsum": (
        "{payer} betaalt {receiver} een lumpsum van {amount} voor {covers}{terms}.",
        "{payer} pays {receiver} a lumpsum of {amount} for {covers}{terms}.",
    ),
    "agr.lumpsum_planned": (
        "de geplande kosten ({amount})",
        "the planned cost ({amount})",
    ),
    "agr.lumpsum_no_corridor": (
        "; {receiver} draagt zelf het verschil met de werkelijke kosten",
        "; {receiver} carries the difference with the actual cost itself",
    ),
    "agr.lumpsum_corridor": (
        "; valt de inzet meer dan {band} hoger of lager uit, dan wordt {share} het verschil "
        "daarbuiten verrekend",
        "; if the effort turns out more than {band} higher or lower, {share} the difference "
        "beyond that is settled",
    ),
    "agr.share_half": ("de helft van", "half of"),
    "agr.share_all": ("het hele", "all of"),
    "agr.share_part": ("{share} van", "{share} of"),
    "agr.gain_share": (
        "{payer} deelt de besparing ten opzichte van {benchmark}, {period}: {shares}{terms}.",
        "{payer} shares the savings against {benchmark}, {period}: {shares}{terms}.",
    ),
    "agr.benchmark_given": ("een benchmark van {amount}", "a benchmark of {amount}"),
    "agr.benchmark_baseline": (
        "de kosten zonder PACT als ijkpunt ({amount})",
        "the baseline as benchmark ({amount})",
    ),
    "agr.period_horizon": (
        "over de hele looptijd, verrekend in {year}",
        "over the whole term, settled in {year}",
    ),
    "agr.period_year": ("per jaar", "year by year"),
    "agr.gets": ("{name} krijgt {share}", "{name} gets {share}"),
    "agr.pays_share": ("{name} betaalt {share}", "{name} pays {share}"),
    "agr.gate": (
        ", als de besparing minstens {rate} van de benchmark is",
        ", if the savings reach at least {rate} of the benchmark",
    ),
    "agr.cap_of_benchmark": (
        ", samen hoogstens {cap} van de benchmark",
        ", together at most {cap} of the benchmark",
    ),
    "agr.losses": ("; bij een verlies: {shares}{terms}", "; on a loss: {shares}{terms}"),
    "agr.loss_gate": (
        ", als het verlies minstens {rate} van de benchmark is",
        ", if the loss reaches at least {rate} of the benchmark",
    ),
    "agr.outcome_payment": (
        "{payer} betaalt {receiver} {price} per eenheid dat {kpi} {beyond} de nulmeting van "
        "{reference} uitkomt{terms}.",
        "{payer} pays {receiver} {price} per unit that {kpi} comes out {beyond} its reference "
        "of {reference}{terms}.",
    ),
    "agr.above": ("boven", "above"),
    "agr.below": ("onder", "below"),
    "agr.cap_per_year": (", hoogstens {cap} per jaar", ", at most {cap} a year"),
    "agr.total_cap": (", hoogstens {cap} in totaal", ", at most {cap} in total"),
    "agr.chart_nets": (
        "Saldo per partner vóór en na de afspraak: wat elke partner over de looptijd "
        "overhoudt, zonder en met de verrekening.",
        "Net per partner before and after the agreement: what each partner keeps over the "
        "term, without and with the settlement.",
    ),
    "agr.risk_title": ("Hoe de afspraak het risico verschuift", "How the agreement moves risk"),
    "agr.risk_partner_title": (
        "Saldo per partner vóór en na de afspraak",
        "Net per partner before and after the agreement",
    ),
    "agr.before": ("vóór", "before"),
    "agr.after": ("na", "after"),
    "agr.p_negative": ("P(saldo < 0) {when}", "P(net < 0) {when}"),
    "agr.percentile": ("{p} {when}", "{p} {when}"),
    "agr.transfer_risk_title": ("Overdrachten per regel", "Transfers per rule"),
    "agr.transfer": ("Overdracht", "Transfer"),
    "agr.mean_transfer": ("Gemiddelde overdracht", "Mean transfer"),
    "agr.p_nonzero": ("P(overdracht ≠ 0)", "P(transfer ≠ 0)"),
    "agr.risk_note": (
        "Vóór: het saldo zonder afspraak; na: met de verrekening. Overdracht: het totaal over "
        "de looptijd, gemiddeld over de trekkingen (± de standaardfout).",
        "Before: the net without the agreement; after: with the settlement. Transfer: the "
        "total over the term, averaged over the samples (± its standard error).",
    ),
    "agr.mean_se": ("{mean} (± {se})", "{mean} (± {se})"),
    # the audit trail of a partner's net, settlement and net after the agreement
    "agr.trail.net": (
        "saldo van {partner} per jaar = wat het niet meer hoeft te betalen + baten − wat het "
        "betaalt; net_total[{id}] = Σ over de jaren",
        "net of {partner} per year = what it stops paying + gains − what it pays; "
        "net_total[{id}] = Σ over the years",
    ),
    "agr.trail.settlement": (
        "verrekening van {partner} per jaar = ontvangen − betaald onder de afspraak ({parts}); "
        "settlement_total[{id}] = Σ over de jaren",
        "settlement of {partner} per year = received − paid under the agreement ({parts}); "
        "settlement_total[{id}] = Σ over the years",
    ),
    "agr.trail.received": ("ontvangt {rule} van {other}", "receives {rule} from {other}"),
    "agr.trail.paid": ("betaalt {rule} aan {other}", "pays {rule} to {other}"),
    "agr.trail.net_settled": (
        "saldo van {partner} na de afspraak per jaar = saldo + verrekening; "
        "net_settled_total[{id}] = Σ over de jaren",
        "net of {partner} after the agreement per year = net + settlement; "
        "net_settled_total[{id}] = Σ over the years",
    ),
    "agr.trail.contribution": ("bedrag {amount}", "amount {amount}"),
    "agr.trail.lumpsum": (
        "L − C (+ de verrekening buiten de corridor): L = {amount}, C = {cost}",
        "L − C (+ the settlement beyond the corridor): L = {amount}, C = {cost}",
    ),
    "agr.trail.gain_share": (
        "aandeel in G = B − (inzet + investering), na drempel en plafond: B = {benchmark}, "
        "G = {gain}",
        "share of G = B − (effort + investment), after gate and cap: B = {benchmark}, G = {gain}",
    ),
    "agr.trail.outcome_payment": (
        "prijs × eenheden voorbij de nulmeting, na de plafonds: {price} × {units} "
        "(KPI {kpi}, nulmeting {reference})",
        "price × units beyond the reference, after the caps: {price} × {units} "
        "(KPI {kpi}, reference {reference})",
    ),
}
