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
}
