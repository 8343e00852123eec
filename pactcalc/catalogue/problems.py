"""Words of the problems area: id → (nl, en), with ``{named}`` placeholders (see the package).

Each problem code (``PC102``) is the id of its message template; :meth:`Problem.message
<pactcalc.problems.Problem.message>` fills it in. The ``problem.`` ids are the words that
go *into* those templates (a suggestion, what a wrong value is, a rule), so that the
loader, the validator and the engine return ids and values and never a sentence.
"""

WORDS: dict[str, tuple[str, str]] = {
    # --- message templates, by code -------------------------------------------------------
    "PC001": (
        "kan het bestand niet lezen: {reason}",
        "cannot read the file: {reason}",
    ),
    "PC002": (
        "het bestand is {size} bytes; een scenario mag hoogstens 1 MiB (1.048.576 bytes) zijn",
        "the file is {size} bytes; a scenario may be at most 1 MiB (1,048,576 bytes)",
    ),
    "PC003": (
        "het bestand is leeg; begin met `pactcalc init` voor een voorbeeld",
        "the file is empty; run `pactcalc init` for a starter scenario",
    ),
    "PC004": (
        "het bestand is geen geldige UTF-8-tekst (byte {byte}); sla het op als UTF-8",
        "the file is not valid UTF-8 text (byte {byte}); save it as UTF-8",
    ),
    "PC005": (
        "het bestand is dieper genest dan {limit} niveaus; zo diep is een scenario nooit",
        "the file nests deeper than {limit} levels; no scenario is that deep",
    ),
    "PC006": (
        "YAML-syntaxfout: {problem}. pactcalc leest hier niet verder: na deze fout kunnen er "
        "nog meer volgen",
        "YAML syntax error: {problem}. pactcalc stops reading here: more problems may follow "
        "after this one",
    ),
    "PC007": (
        "sleutel '{key}' staat twee keer in deze mapping (eerst op regel {first_line}); laat er "
        "één staan",
        "key '{key}' appears twice in this mapping (first on line {first_line}); keep one",
    ),
    "PC008": (
        "ankers (&) en aliassen (*) worden niet ondersteund; schrijf de waarde uit",
        "anchors (&) and aliases (*) are not supported; write the value out",
    ),
    "PC009": (
        "de merge-sleutel '<<' wordt niet ondersteund; schrijf de sleutels uit",
        "the merge key '<<' is not supported; write the keys out",
    ),
    "PC010": (
        "een scenario is een mapping van sleutels (pactcalc: 1, name: …), geen {kind}",
        "a scenario is a mapping of keys (pactcalc: 1, name: …), not {kind}",
    ),
    "PC011": (
        "'{number},{digits}' lijkt een decimale komma; YAML leest de komma als scheiding. "
        "Gebruik een decimale punt: {number}.{digits}",
        "'{number},{digits}' looks like a decimal comma; YAML reads the comma as a separator. "
        "Use a decimal point: {number}.{digits}",
    ),
    "PC012": (
        "'{number},{digits}' lijkt een decimale komma; YAML leest twee getallen. Gebruik een "
        "decimale punt: {number}.{digits}",
        "'{number},{digits}' looks like a decimal comma; YAML reads two numbers. Use a decimal "
        "point: {number}.{digits}",
    ),
    "PC013": (
        "binnen {{…}} eindigt YAML de waarde bij de komma; zet de formule tussen "
        'aanhalingstekens: "{text}"',
        'inside {{…}} YAML ends the value at the comma; quote the expression: "{text}"',
    ),
    "PC014": (
        "YAML-tags zoals '{tag}' worden niet ondersteund; laat de tag weg",
        "YAML tags such as '{tag}' are not supported; leave the tag out",
    ),
    "PC020": (
        "--output {path} is het invoerbestand; kies een ander pad",
        "--output {path} is the input file; choose another path",
    ),
    "PC021": (
        "{path} bestaat al; pactcalc overschrijft het niet. Kies een nieuwe naam",
        "{path} exists already; pactcalc does not overwrite it. Choose a new name",
    ),
    "PC022": (
        "geen scenario gevonden in {path} (*.yaml of *.yml met een sleutel 'pactcalc')",
        "no scenario found in {path} (*.yaml or *.yml with a 'pactcalc' key)",
    ),
    "PC023": (
        "kan {path} niet schrijven: {reason}",
        "cannot write {path}: {reason}",
    ),
    "PC024": (
        "'{name}' is geen metriek of regel van dit scenario{suggestion}; kies een metriek "
        "({metrics}, of een naam uit de uitvoer zoals NCW of terugverdientijd) of een regel "
        "({lines})",
        "'{name}' is not a metric or line of this scenario{suggestion}; choose a metric "
        "({metrics}, or a name the output shows such as NPV or payback) or a line ({lines})",
    ),
    "PC025": (
        "onbekend formaat '{suffix}'; de extensie van --output kiest het formaat: {choices}",
        "unknown format '{suffix}'; the extension of --output chooses the format: {choices}",
    ),
    "PC026": (
        "onbekende metriek '{name}'{suggestion}; kies uit {choices}",
        "unknown metric '{name}'{suggestion}; choose one of {choices}",
    ),
    "PC101": (
        "de verplichte sleutel '{key}' ontbreekt{where}",
        "the required key '{key}' is missing{where}",
    ),
    "PC102": (
        "onbekende sleutel '{key}'{suggestion}",
        "unknown key '{key}'{suggestion}",
    ),
    "PC103": (
        "hier hoort een getal, geen {got}",
        "a number is expected here, not {got}",
    ),
    "PC104": (
        "'{text}' staat tussen aanhalingstekens en is dus tekst; haal ze weg: {text}",
        "'{text}' is quoted and so is text; remove the quotes: {text}",
    ),
    "PC105": (
        "'{text}' is een ja/nee-waarde, geen getal; schrijf een getal",
        "'{text}' is a yes/no value, not a number; write a number",
    ),
    "PC106": (
        "'{text}' begint met een 0; oude YAML leest dat als octaal getal. Schrijf {fixed}",
        "'{text}' starts with a 0; old YAML reads it as an octal number. Write {fixed}",
    ),
    "PC107": (
        "oude YAML leest '{text}' als tijd (60-tallig); schrijf het als decimaal getal",
        "old YAML reads '{text}' as a time (base 60); write the number as a decimal number",
    ),
    "PC108": (
        "'{text}' is een datum, geen getal; schrijf een getal, zoals het jaartal {year}",
        "'{text}' is a date, not a number; write a number, such as the year {year}",
    ),
    "PC109": (
        "'{text}' heeft een decimale komma; gebruik een decimale punt: {fixed}",
        "'{text}' has a decimal comma; use a decimal point: {fixed}",
    ),
    "PC110": (
        "hier hoort een geheel getal, geen {got}",
        "a whole number is expected here, not {got}",
    ),
    "PC111": (
        "'{text}' is geen eindig getal; schrijf een gewoon getal",
        "'{text}' is not a finite number; write an ordinary number",
    ),
    "PC112": (
        "hier hoort {expected}, geen {got}",
        "{expected} is expected here, not {got}",
    ),
    "PC113": (
        "{name} moet {rule} zijn, niet {value}",
        "{name} must be {rule}, not {value}",
    ),
    "PC114": (
        "'{value}' is geen geldige keuze; kies uit {choices}",
        "'{value}' is not a valid choice; choose one of {choices}",
    ),
    "PC115": (
        "'{name}' is geen geldige naam: {rule}",
        "'{name}' is not a valid name: {rule}",
    ),
    "PC116": (
        "'{name}' komt al voor (regel {first_line}); {what} moeten uniek zijn",
        "'{name}' is already used (line {first_line}); {what} must be unique",
    ),
    "PC117": (
        "'{name}' is een gereserveerd woord; kies een andere naam",
        "'{name}' is a reserved word; choose another name",
    ),
    "PC118": (
        "formaatversie {value} wordt niet ondersteund; deze pactcalc leest 'pactcalc: 1'",
        "format version {value} is not supported; this pactcalc reads 'pactcalc: 1'",
    ),
    "PC119": (
        "het bereik klopt niet: {rule}",
        "the range is not in order: {rule}",
    ),
    "PC120": (
        "de reeks heeft {got} waarden; het scenario loopt {years} jaar ({first}–{last}): geef "
        "één getal of {years} getallen",
        "the series has {got} values; the scenario runs {years} years ({first}–{last}): give "
        "one number or {years} numbers",
    ),
    "PC121": (
        "partner '{partner}' is niet gedeclareerd onder 'partners'{suggestion}",
        "partner '{partner}' is not declared under 'partners'{suggestion}",
    ),
    "PC122": (
        "de formule '{text}' is niet te lezen: {reason}",
        "the expression '{text}' cannot be read: {reason}",
    ),
    "PC123": (
        "onbekende naam '{name}' in de formule{suggestion}",
        "unknown name '{name}' in the expression{suggestion}",
    ),
    "PC124": (
        "{construct} is niet toegestaan in een formule; gebruik getallen, namen, + - * / ( ) en "
        "min(…), max(…)",
        "{construct} is not allowed in an expression; use numbers, names, + - * / ( ) and "
        "min(…), max(…)",
    ),
    "PC125": (
        "{func}(…) heeft minstens twee argumenten nodig",
        "{func}(…) needs at least two arguments",
    ),
    "PC126": (
        "'from' ({start}) ligt na 'until' ({end})",
        "'from' ({start}) is after 'until' ({end})",
    ),
    "PC127": (
        "investeringsjaar {year} ligt buiten de horizon {first}–{last}",
        "investment year {year} lies outside the horizon {first}–{last}",
    ),
    "PC128": (
        "budget '{line}' is negatief in {year} ({value}); budgetten zijn nooit negatief",
        "budget '{line}' is negative in {year} ({value}); budgets are never negative",
    ),
    "PC129": (
        "er zijn kosten met paid_from: budget maar er is geen budget; voeg een regel onder "
        "'budget' toe, of zet paid_from: own",
        "there are costs paid_from: budget but no budget; add a line under 'budget', or set "
        "paid_from: own",
    ),
    "PC130": (
        "regel '{line}' geeft in {year} {what}",
        "line '{line}' gives {what} in {year}",
    ),
    "PC131": (
        "de check '{text}' is niet te lezen: {reason}",
        "the check '{text}' cannot be read: {reason}",
    ),
    "PC132": (
        "een discontovoet van {value} kan niet; hij moet groter zijn dan -100% (-1 in het bestand)",
        "a discount rate of {value} is impossible; it must be greater than -100% (-1 in the file)",
    ),
    "PC133": (
        "'{text}' heeft scheidingstekens voor duizendtallen; schrijf het getal zonder: {fixed}",
        "'{text}' has thousands separators; write the number without them: {fixed}",
    ),
    "PC134": (
        "onbekende {what} '{name}' in de check{suggestion}",
        "unknown {what} '{name}' in the check{suggestion}",
    ),
    "PC135": (
        "'{key}' hoort niet bij een regel onder '{kind}'; {allowed}",
        "'{key}' does not apply to a line under '{kind}'; {allowed}",
    ),
    "PC136": (
        "'{value}' ligt niet tussen 0 en 1; een aanpassing is een fractie (0.1 is 10%)",
        "'{value}' is not between 0 and 1; an adjustment is a fraction (0.1 is 10%)",
    ),
    "PC137": (
        "in '{text}' is {bound} geen kans; een kans ligt tussen 0 en 1 (0.8 is 80%)",
        "in '{text}', {bound} is not a probability; a probability lies between 0 and 1 (0.8 is "
        "80%)",
    ),
    "PC138": (
        "'distribution' heeft alleen zin met 'low' en 'high'",
        "'distribution' needs 'low' and 'high'",
    ),
    "PC139": (
        "parameter '{name}' is niet gedeclareerd onder 'parameters'{suggestion}",
        "parameter '{name}' is not declared under 'parameters'{suggestion}",
    ),
    "PC140": (
        "de getallen onder '{what}' worden te groot om te rekenen (overloop); controleer de "
        "bedragen, of de discontovoet bij deze horizon",
        "the numbers under '{what}' grow too large to compute (overflow); check the amounts, or "
        "the discount rate over this horizon",
    ),
    "PC301": (
        "discontovoet {value} ligt buiten 0–10%; klopt dat? (in het bestand een fractie: 0.0225 "
        "is 2,25%)",
        "discount rate {value} lies outside 0–10%; is that right? (in the file a fraction: "
        "0.0225 is 2.25%)",
    ),
    "PC302": (
        "regel '{line}' loopt in geen enkel jaar van de horizon {first}–{last}",
        "line '{line}' runs in no year of the horizon {first}–{last}",
    ),
    "PC303": (
        "investering '{line}' is negatief ({value})",
        "investment '{line}' is negative ({value})",
    ),
    "PC304": (
        "'{text}' wordt gelezen als {value}; bedoelt u {thousands}? Schrijf dan {thousands} "
        "(zonder punt)",
        "'{text}' is read as {value}; did you mean {thousands}? Then write {thousands} (without "
        "the dot)",
    ),
    "PC305": (
        "in {year} zijn er kosten uit het budget maar is er geen budget; ze zijn verdeeld naar "
        "rato van de budgetten over de hele horizon",
        "in {year} there are costs paid from the budget but no budget; they are shared pro rata "
        "to the budgets over the whole horizon",
    ),
    "PC306": (
        "het cumulatieve saldo wordt na de terugverdientijd opnieuw negatief, in {year}",
        "the cumulative net turns negative again after payback, in {year}",
    ),
    # --- issue 10: what an advisor hits (PC360–PC369) -------------------------------------
    "PC360": (
        "'{line}' van {partner} wordt uit het budget van {holders} betaald, omdat paid_from "
        "ontbreekt ({partner} heeft zelf geen budget). Is het een eigen bijdrage van {partner}, "
        "schrijf dan `paid_from: own`; betaalt het budget het echt, schrijf dan "
        "`paid_from: budget`",
        "'{line}' of {partner} is paid from the budget of {holders} because paid_from is "
        "missing ({partner} holds no budget). If it is {partner}'s own contribution, write "
        "`paid_from: own`; if the budget really pays it, write `paid_from: budget`",
    ),
    # --- monitoring: actuals against the plan (PC500–PC561) --------------------------------
    "PC500": (
        "het plan '{path}' is niet te lezen ({reason}); 'scenario:' noemt het scenariobestand "
        "van het plan, relatief aan dit bestand",
        "the plan '{path}' cannot be read ({reason}); 'scenario:' names the plan's scenario "
        "file, relative to this file",
    ),
    "PC501": (
        "het plan '{path}' heeft {count} fout(en), hierboven bij het plan zelf gemeld; "
        "herstel eerst het plan",
        "the plan '{path}' has {count} error(s), reported above at the plan itself; fix the "
        "plan first",
    ),
    "PC502": (
        "{what} '{name}' staat niet in het plan (dat kent: {choices}){suggestion}",
        "{what} '{name}' is not in the plan (it has: {choices}){suggestion}",
    ),
    "PC503": (
        "'{year}' is geen jaar van de looptijd van het plan ({first}–{last})",
        "'{year}' is not a year of the plan's horizon ({first}–{last})",
    ),
    "PC504": (
        "{year} ({status}) staat na {earlier} ({earlier_status}): de jaren lopen van final, "
        "via provisional, naar forecast; een gerealiseerd jaar volgt nooit op een prognose",
        "{year} ({status}) comes after {earlier} ({earlier_status}): years run from final, "
        "through provisional, to forecast; a realised year never follows a forecast",
    ),
    "PC506": (
        "formaatversie {value} wordt niet ondersteund; deze pactcalc leest 'pactcalc-actuals: 1'",
        "format version {value} is not supported; this pactcalc reads 'pactcalc-actuals: 1'",
    ),
    "PC507": (
        "het geboekte budget van '{line}' in {year} is negatief ({value}); een budget is "
        "geld dat beschikbaar is en nooit minder dan nul: boek een terugbetaling als lagere "
        "inzet, of het budget als € 0",
        "the booked budget of '{line}' in {year} is negative ({value}); a budget is money "
        "available and never below zero: book a repayment as lower effort, or the budget "
        "as 0",
    ),
    "PC508": (
        "dit is een scenario (een plan, 'pactcalc: {version}'), geen realisatiebestand; "
        "{command} leest een bestand met 'pactcalc-actuals: 1' dat het plan noemt. Maak er "
        "een met: pactcalc init --actuals {file}",
        "this is a scenario (a plan, 'pactcalc: {version}'), not an actuals file; {command} "
        "reads a file with 'pactcalc-actuals: 1' that names the plan. Write one with: "
        "pactcalc init --actuals {file}",
    ),
    "PC560": (
        "{year} staat er niet bij, tussen genoemde jaren in: dat jaar houdt het plan",
        "{year} is not listed, between listed years: that year keeps the plan",
    ),
    "PC561": (
        "KPI '{kpi}' blijft in {year} (voorlopig) achter: {value} tegen doel {target} "
        "(tolerantie {tolerance})",
        "KPI '{kpi}' is behind in {year} (provisional): {value} against target {target} "
        "(tolerance {tolerance})",
    ),
    # --- `pactcalc check` on an actuals file: its findings that are not problems ------------
    # a KPI behind in a final year: a failure (exit 1), like a check that does not hold
    "gate.kpi_behind": (
        "KPI '{kpi}' blijft in {year} achter: {value} tegen doel {target} (tolerantie {tolerance})",
        "KPI '{kpi}' is behind in {year}: {value} against target {target} (tolerance {tolerance})",
    ),
    # after the words of a check that fails on the current expectation
    "gate.on_expectation": (
        "op de huidige verwachting (realisatie plus prognose); de check staat in het plan, {plan}",
        "on the current expectation (realised plus forecast); the check is in the plan, {plan}",
    ),
    # a note, once per actuals file whose plan has checks on a simulation
    # what a name in the actuals is (PC502)
    "problem.actuals_series": ("reeks", "series"),
    "problem.actuals_parameter": ("parameter", "parameter"),
    "problem.actuals_kpi": ("KPI", "KPI"),
    "problem.actuals_baseline": ("nulalternatief-regel", "baseline line"),
    "problem.actuals_budget": ("budgetregel", "budget line"),
    "problem.actuals_effort": ("inzetregel", "effort line"),
    "problem.actuals_investments": ("investeringsregel", "investment line"),
    "problem.actuals_benefits": ("batenregel", "benefit line"),
    # --- words inside the templates ---------------------------------------------------------
    # a suggestion (PC024, PC026, PC102, PC121, PC123, PC134, PC139)
    "problem.did_you_mean": ("; bedoelt u '{name}'?", "; did you mean '{name}'?"),
    # what a value is, for "expected X, not Y" (PC010, PC103, PC110, PC112)
    "problem.value_empty": ("lege waarde", "an empty value"),
    "problem.value_mapping": ("mapping ({{…}})", "a mapping ({{…}})"),
    "problem.value_list": ("lijst ([…])", "a list ([…])"),
    "problem.value_yes_no": ("ja/nee-waarde '{text}'", "a yes/no value '{text}'"),
    "problem.value_number": ("getal {text}", "the number {text}"),
    "problem.value_text": ("tekst '{text}'", "the text '{text}'"),
    "problem.kind_mapping": ("mapping", "a mapping"),
    "problem.kind_list": ("lijst", "a list"),
    "problem.kind_single": ("losse waarde", "a single value"),
    # what was expected (PC112)
    "problem.expected_text": ("tekst", "text"),
    "problem.expected_amount": ("een getal of formule", "a number or an expression"),
    "problem.expected_list": ("een lijst", "a list"),
    "problem.expected_mapping": ("een mapping", "a mapping"),
    "problem.expected_key_text": ("tekst als sleutel", "text as a key"),
    # reading the file (PC001, PC002, PC006)
    "problem.not_found": ("niet gevonden", "not found"),
    "problem.is_folder": ("dit is een map", "this is a folder"),
    "problem.no_permission": ("geen leesrechten", "no permission to read it"),
    "problem.more_than": ("meer dan {limit}", "more than {limit}"),
    "problem.forbidden_character": (
        "het teken U+{code} is niet toegestaan in YAML",
        "the character U+{code} is not allowed in YAML",
    ),
    "problem.one_document": (
        "een scenariobestand bevat één YAML-document",
        "a scenario file holds one YAML document",
    ),
    # rules (PC113, PC115, PC119, PC135)
    "problem.rule_non_empty": ("gevuld", "non-empty"),
    "problem.empty_list": ("een lege lijst", "an empty list"),
    "problem.empty_mapping": ("een lege mapping", "an empty mapping"),
    "problem.rule_years": ("een geheel getal van 1 tot 100", "a whole number from 1 to 100"),
    "problem.rule_samples": (
        "een geheel getal van 1 tot 1.000.000",
        "a whole number from 1 to 1,000,000",
    ),
    "problem.rule_seed": ("een geheel getal vanaf 0", "a whole number from 0"),
    "problem.rule_positive": ("groter dan 0", "greater than 0"),
    "problem.rule_identifier": (
        "letters, cijfers en _, niet beginnend met een cijfer",
        "letters, digits and _, not starting with a digit",
    ),
    "problem.rule_partner_id": ("letters, cijfers, - en _", "letters, digits, - and _"),
    "problem.range_both": (
        "geef low én high, of geen van beide",
        "give both low and high, or neither",
    ),
    "problem.range_order": (
        "low <= value <= high, maar het is {low}, {value}, {high}",
        "low <= value <= high, but it is {low}, {value}, {high}",
    ),
    "problem.applies_to": (
        "het hoort bij regels onder {kinds}",
        "it applies to lines under {kinds}",
    ),
    # what must be unique (PC116)
    "problem.unique_input_names": (
        "namen van parameters en reeksen",
        "parameter and series names",
    ),
    "problem.unique_partner_ids": ("partner-ids", "partner ids"),
    "problem.unique_line_names": (
        "namen van regels binnen één soort",
        "line names within one kind",
    ),
    # checks (PC131, PC134)
    "problem.check_form": (
        "schrijf METRIEK OPERATOR GETAL, bijvoorbeeld 'payback_years <= 3', of "
        "P(METRIEK OPERATOR GETAL) OPERATOR KANS, bijvoorbeeld 'P(npv > 0) >= 0.8'",
        "write METRIC OPERATOR NUMBER, for example 'payback_years <= 3', or "
        "P(METRIC OPERATOR NUMBER) OPERATOR PROBABILITY, for example 'P(npv > 0) >= 0.8'",
    ),
    "problem.check_percentile": (
        "een percentiel ligt tussen P1 en P99",
        "a percentile lies between P1 and P99",
    ),
    "problem.decimal_point": ("gebruik een decimale punt", "use a decimal point"),
    "problem.check_operator": ("gebruik <, <=, > of >=", "use <, <=, > or >="),
    "problem.what_metric": ("metriek", "metric"),
    "problem.what_partner": ("partner", "partner"),
    # expressions (PC122, PC124)
    "problem.expression_empty": ("de formule is leeg", "the expression is empty"),
    "problem.expression_decimal_comma": (
        "een komma tussen cijfers: gebruik een decimale punt",
        "a comma between digits: use a decimal point",
    ),
    "problem.expression_syntax": (
        "controleer haakjes en rekentekens",
        "check the brackets and operators",
    ),
    "problem.expression_tuple": (
        "',' (een decimale komma? gebruik een punt)",
        "',' (a decimal comma? use a decimal point)",
    ),
    # computing (PC130)
    "problem.division_by_zero": ("een deling door nul", "a division by zero"),
    "problem.not_finite": ("een waarde die geen eindig getal is", "a non-finite value"),
    # bounds (issue 10): many problems of one kind, samples that are no numbers
    "problem.more_like_this": ("… en nog {n} van deze soort", "… and {n} more like this"),
    "PC320": (
        "{samples} trekkingen over {years} jaar passen niet in het geheugen: bij dit scenario "
        "kunnen hoogstens {most} trekkingen (trekkingen × (jaren + parameters + metrieken) ≤ "
        "{limit}); kies minder trekkingen (samples of --samples)",
        "{samples} samples over {years} years do not fit in memory: this scenario takes at "
        "most {most} samples (samples × (years + parameters + metrics) ≤ {limit}); choose "
        "fewer samples (samples or --samples)",
    ),
    "PC321": (
        "{count} van de {samples} trekkingen geven geen getal: {subject}; de eerste bij "
        "{values}. Een trekking telt nooit als 0: begrens de formule (bijvoorbeeld max(x, 1)) "
        "of het bereik van de parameter",
        "{count} of {samples} samples are not a number: {subject}; the first at {values}. "
        "A sample never counts as 0: bound the expression (for example max(x, 1)) or the "
        "parameter's range",
    ),
    "problem.sample_line": ("regel '{line}' geeft {what}", "line '{line}' gives {what}"),
    "problem.sample_parameter": (
        "het bereik van parameter '{name}' is te groot om te rekenen",
        "the range of parameter '{name}' is too wide to compute",
    ),
    "problem.sample_net": (
        "het saldo per jaar (besparingen + baten − investeringen) wordt te groot (overloop)",
        "the net per year (savings + benefits − investments) grows too large (overflow)",
    ),
    "problem.sample_totals": (
        "de getallen onder '{what}' worden te groot (overloop)",
        "the numbers under '{what}' grow too large (overflow)",
    ),
    # --- issue 10: extreme numbers, beginner mistakes, names (PC340–PC341) ------------
    "PC340": (
        "het getal {text} heeft {digits} cijfers; een getal in een scenario heeft er hoogstens "
        "{limit}. Controleer op een tikfout",
        "the number {text} has {digits} digits; a number in a scenario has at most {limit}. "
        "Check for a typo",
    ),
    "PC341": (
        "de formule is te groot: {reason}; splits haar in parameters of reeksen",
        "the expression is too large: {reason}; split it into parameters or series",
    ),
    "problem.expression_too_long": (
        "{length} tekens, hoogstens {limit}",
        "{length} characters, at most {limit}",
    ),
    "problem.expression_too_many_terms": (
        "{terms} getallen en namen, hoogstens {limit}",
        "{terms} numbers and names, at most {limit}",
    ),
    "problem.expression_too_deep": (
        "haakjes, tekens en min/max {depth} niveaus diep genest, hoogstens {limit}",
        "brackets, signs and min/max nested {depth} levels deep, at most {limit}",
    ),
    # beginner mistakes in an expression or a check (PC122, PC131)
    "problem.mistake_leave_out": ("laat {text} weg", "leave out {text}"),
    "problem.mistake_thousands": (
        "de punt tussen de duizendtallen",
        "the thousands dot",
    ),
    "problem.mistake_percent": (
        "schrijf een percentage als fractie ({text} is {fraction})",
        "write a percentage as a fraction ({text} is {fraction})",
    ),
    "problem.mistake_and": ("{first} en {second}", "{first} and {second}"),
    "problem.mistake_fix": ("{mistakes}; schrijf {fixed}", "{mistakes}; write {fixed}"),
    "problem.check_operator_alone": (
        "'=' is geen vergelijking; gebruik <, <=, > of >=",
        "'=' is not a comparison; use <, <=, > or >=",
    ),
    # YAML syntax a beginner gets wrong (PC006)
    "problem.yaml_tab": (
        "een tab in het inspringen; YAML staat geen tabs toe: gebruik spaties",
        "a tab in the indentation; YAML allows no tabs: use spaces",
    ),
    "problem.yaml_key_too_far": (
        "deze sleutel springt verder in ({indent} spaties) dan de regel erboven ({above}), "
        "die al een waarde heeft; zet sleutels van dezelfde mapping even ver in",
        "this key is indented further ({indent} spaces) than the line above it ({above}), "
        "which has a value already; indent the keys of one mapping equally",
    ),
    "problem.yaml_colon_in_value": (
        "een ': ' midden in een waarde; zet de waarde tussen aanhalingstekens",
        "a ': ' inside a value; put the value in quotes",
    ),
    "problem.yaml_item_indent": (
        "dit lijstitem ('-', {indent} spaties ingesprongen) staat niet in lijn met de items "
        "erboven; zet de '-' van alle items even ver in",
        "this list item ('-', indented {indent} spaces) is not in line with the items above "
        "it; indent the '-' of every item equally",
    ),
    "problem.yaml_key_indent": (
        "deze regel ({indent} spaties ingesprongen) staat niet in lijn met de sleutels erboven; "
        "zet de sleutels van één mapping even ver in",
        "this line (indented {indent} spaces) is not in line with the keys above it; indent "
        "the keys of one mapping equally",
    ),
    "problem.yaml_unclosed_quote": (
        "een aanhalingsteken dat niet gesloten wordt; sluit de waarde af met hetzelfde "
        "aanhalingsteken",
        "a quote that is not closed; end the value with the same quote",
    ),
    "problem.yaml_no_colon": (
        "een regel zonder ':' waar een sleutel verwacht wordt; schrijf 'sleutel: waarde'",
        "a line without ':' where a key is expected; write 'key: value'",
    ),
    # unknown names (PC102, PC121, PC134)
    "problem.dedented_parameter": (
        "; dit lijkt een parameter die zijn inspringing kwijt is: zet hem ingesprongen onder "
        "'parameters:'",
        "; it looks like a parameter that lost its indentation: indent it under 'parameters:'",
    ),
    "problem.use_id": (
        "; dat is de naam van partner '{id}': gebruik de id '{id}'",
        "; that is the name of partner '{id}': use the id '{id}'",
    ),
    "problem.valid_names": (
        "{suggestion} (geldig: {names})",
        "{suggestion} (valid: {names})",
    ),
    # --- the agreement (DOMAIN.md §7): templates and their words ---------------------------
    "PC400": (
        "'{key}' hoort niet bij een regel van soort '{rule}'; die neemt {keys}",
        "'{key}' does not belong to a rule of kind '{rule}'; it takes {keys}",
    ),
    "PC401": (
        "de aandelen tellen op tot {total}; samen hoogstens 1 (100%)",
        "the shares add up to {total}; together at most 1 (100%)",
    ),
    "PC402": (
        "'{line}' is geen inzetregel van '{partner}' met paid_from: budget (hij zou twee keer "
        "betaald worden){suggestion}; mogelijk: {choices}",
        "'{line}' is not an effort line of '{partner}' paid from the budget (it would be paid "
        "twice){suggestion}; possible: {choices}",
    ),
    "PC403": (
        "'{partner}' betaalt al in deze regel en kan niet ook ontvangen",
        "'{partner}' is the payer of this rule and cannot also receive",
    ),
    "PC404": (
        "KPI '{name}' is niet gedeclareerd onder 'kpis'{suggestion}; gedeclareerd: {choices}",
        "KPI '{name}' is not declared under 'kpis'{suggestion}; declared: {choices}",
    ),
    "PC405": (
        "'{key}' is {value}; dat moet een fractie tussen 0 en 1 zijn (0.1 is 10%)",
        "'{key}' is {value}; it must be a fraction between 0 and 1 (0.1 is 10%)",
    ),
    "PC406": (
        "'{key}' is {value}; dat kan niet negatief zijn",
        "'{key}' is {value}; it cannot be negative",
    ),
    "PC407": (
        "de benchmark van '{rule}' telt {period} op tot {value}; een besparingspercentage "
        "vraagt een positieve benchmark",
        "the benchmark of '{rule}' adds up to {value} {period}; a savings rate needs a positive "
        "benchmark",
    ),
    "PC408": (
        "'{name}' geeft in {year} {what}",
        "'{name}' gives {what} in {year}",
    ),
    "problem.expected_target": (
        "een getal, een lijst getallen of een formule",
        "a number, a list of numbers or an expression",
    ),
    "problem.unique_kpi_ids": (
        "KPI-ids en namen van parameters en reeksen",
        "KPI ids and parameter and series names",
    ),
    "problem.unique_rule_names": ("namen van regels in de afspraak", "rule names in the agreement"),
    "problem.what_kpi": ("KPI", "KPI"),
    "problem.period_horizon": ("over de horizon", "over the horizon"),
    "problem.period_year": ("in {year}", "in {year}"),
    # --- issue 10: right to the cent, extreme numbers (PC307–PC309) ---------------------------
    "PC307": (
        "'{text}' betekent {reading}: {what} is een fractie{hint}",
        "'{text}' means {reading}: {what} is a fraction{hint}",
    ),
    "PC308": (
        "'{text}' is een percentage als tekst; in het bestand staat een fractie: schrijf {fixed}",
        "'{text}' is a percentage written as text; the file holds a fraction: write {fixed}",
    ),
    "PC309": (
        "{text} is te groot: een getal in een scenario ligt tussen -{bound} en {bound}",
        "{text} is too large: a number in a scenario lies between -{bound} and {bound}",
    ),
    "problem.what_discount_rate": ("een discontovoet", "a discount rate"),
    "problem.what_indexation": ("de indexatie", "indexation"),
    "problem.what_adjustment": ("een aanpassing", "an adjustment"),
    "problem.write_fraction": ("; schrijf {fixed} voor {text}%", "; write {fixed} for {text}%"),
    "problem.fraction_example": (" (0.0225 is 2,25%)", " (0.0225 is 2.25%)"),
    "problem.far_above_100_percent": ("ver boven 100%", "far above 100%"),
    "problem.long_number": (
        "{start}… (een getal van {length} tekens)",
        "{start}… (a number of {length} characters)",
    ),
    "problem.rule_above_minus_one": (
        "groter dan -1 (-100%)",
        "greater than -1 (-100%)",
    ),
    "problem.rule_year": ("een jaartal van {first} tot {last}", "a year from {first} to {last}"),
}
