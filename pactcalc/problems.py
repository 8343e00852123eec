"""Problems (errors and warnings) as values, and the catalogue of every problem code.

Every problem pactcalc can report has a stable code (``PC104``), a short English title for
the docs, and a message template in Dutch and English. Loader, validator and engine
*collect* problems and return them; only the CLI prints them and picks the exit code.

Locations are 1-based (PyYAML marks are 0-based: the loader adds 1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Spec:
    """One entry of the catalogue: what a code means and how it is worded."""

    code: str
    title: str
    nl: str
    en: str
    severity: Severity = "error"


_SPECS: list[Spec] = [
    # --- reading the file (loader) -------------------------------------------------------
    Spec(
        "PC001",
        "file cannot be read",
        "kan het bestand niet lezen: {reason}",
        "cannot read the file: {reason}",
    ),
    Spec(
        "PC002",
        "file too large",
        "het bestand is {size} bytes; een scenario mag hoogstens 1 MiB (1.048.576 bytes) zijn",
        "the file is {size} bytes; a scenario may be at most 1 MiB (1,048,576 bytes)",
    ),
    Spec(
        "PC003",
        "empty file",
        "het bestand is leeg; begin met `pactcalc init` voor een voorbeeld",
        "the file is empty; run `pactcalc init` for a starter scenario",
    ),
    Spec(
        "PC004",
        "not UTF-8",
        "het bestand is geen geldige UTF-8-tekst (byte {byte}); sla het op als UTF-8",
        "the file is not valid UTF-8 text (byte {byte}); save it as UTF-8",
    ),
    Spec(
        "PC005",
        "nesting too deep",
        "het bestand is dieper genest dan {limit} niveaus; zo diep is een scenario nooit",
        "the file nests deeper than {limit} levels; no scenario is that deep",
    ),
    Spec(
        "PC006",
        "YAML syntax error",
        "YAML-syntaxfout: {problem}; wat volgt is niet gelezen",
        "YAML syntax error: {problem}; what follows was not read",
    ),
    Spec(
        "PC007",
        "duplicate key",
        "sleutel '{key}' staat twee keer in deze mapping (eerst op regel {first_line}); "
        "laat er één staan",
        "key '{key}' appears twice in this mapping (first on line {first_line}); keep one",
    ),
    Spec(
        "PC008",
        "anchor or alias",
        "ankers (&) en aliassen (*) worden niet ondersteund; schrijf de waarde uit",
        "anchors (&) and aliases (*) are not supported; write the value out",
    ),
    Spec(
        "PC009",
        "merge key",
        "de merge-sleutel '<<' wordt niet ondersteund; schrijf de sleutels uit",
        "the merge key '<<' is not supported; write the keys out",
    ),
    Spec(
        "PC010",
        "not a scenario mapping",
        "een scenario is een mapping van sleutels (pactcalc: 1, name: …), geen {kind}",
        "a scenario is a mapping of keys (pactcalc: 1, name: …), not {kind}",
    ),
    Spec(
        "PC011",
        "decimal comma in a flow mapping",
        "'{number},{digits}' lijkt een decimale komma; YAML leest de komma als scheiding. "
        "Gebruik een decimale punt: {number}.{digits}",
        "'{number},{digits}' looks like a decimal comma; YAML reads the comma as a separator. "
        "Use a decimal point: {number}.{digits}",
    ),
    Spec(
        "PC012",
        "decimal comma in a list",
        "'{number},{digits}' lijkt een decimale komma; YAML leest twee getallen. "
        "Gebruik een decimale punt: {number}.{digits}",
        "'{number},{digits}' looks like a decimal comma; YAML reads two numbers. "
        "Use a decimal point: {number}.{digits}",
    ),
    Spec(
        "PC013",
        "unquoted comma in a flow mapping",
        "binnen {{…}} eindigt YAML de waarde bij de komma; zet de formule tussen "
        'aanhalingstekens: "{text}"',
        'inside {{…}} YAML ends the value at the comma; quote the expression: "{text}"',
    ),
    Spec(
        "PC014",
        "YAML tag",
        "YAML-tags zoals '{tag}' worden niet ondersteund; laat de tag weg",
        "YAML tags such as '{tag}' are not supported; leave the tag out",
    ),
    # --- the command line ------------------------------------------------------------------
    Spec(
        "PC020",
        "output would overwrite the input",
        "--output {path} is het invoerbestand; kies een ander pad",
        "--output {path} is the input file; choose another path",
    ),
    Spec(
        "PC021",
        "file exists",
        "{path} bestaat al; pactcalc overschrijft het niet. Kies een nieuwe naam",
        "{path} exists already; pactcalc does not overwrite it. Choose a new name",
    ),
    Spec(
        "PC022",
        "no scenario found",
        "geen scenario gevonden in {path} (*.yaml of *.yml met een sleutel 'pactcalc')",
        "no scenario found in {path} (*.yaml or *.yml with a 'pactcalc' key)",
    ),
    Spec(
        "PC023",
        "cannot write output",
        "kan {path} niet schrijven: {reason}",
        "cannot write {path}: {reason}",
    ),
    Spec(
        "PC024",
        "unknown name to explain",
        "'{name}' is geen metriek of regel van dit scenario{suggestion}",
        "'{name}' is not a metric or line of this scenario{suggestion}",
    ),
    Spec(
        "PC025",
        "unknown report format",
        "onbekend formaat '{suffix}'; de extensie van --output kiest het formaat: {choices}",
        "unknown format '{suffix}'; the extension of --output chooses the format: {choices}",
    ),
    Spec(
        "PC026",
        "unknown metric on the command line",
        "onbekende metriek '{name}'{suggestion}; kies uit {choices}",
        "unknown metric '{name}'{suggestion}; choose one of {choices}",
    ),
    # --- the format (validation) -------------------------------------------------------------
    Spec(
        "PC101",
        "missing key",
        "de verplichte sleutel '{key}' ontbreekt{where}",
        "the required key '{key}' is missing{where}",
    ),
    Spec(
        "PC102",
        "unknown key",
        "onbekende sleutel '{key}'{suggestion}",
        "unknown key '{key}'{suggestion}",
    ),
    Spec(
        "PC103",
        "not a number",
        "hier hoort een getal, geen {got}",
        "a number is expected here, not {got}",
    ),
    Spec(
        "PC104",
        "quoted number",
        "'{text}' staat tussen aanhalingstekens en is dus tekst; haal ze weg: {text}",
        "'{text}' is quoted and so is text; remove the quotes: {text}",
    ),
    Spec(
        "PC105",
        "boolean where a number is expected",
        "'{text}' is een ja/nee-waarde, geen getal; schrijf een getal",
        "'{text}' is a yes/no value, not a number; write a number",
    ),
    Spec(
        "PC106",
        "leading zero",
        "'{text}' begint met een 0; oude YAML leest dat als octaal getal. Schrijf {fixed}",
        "'{text}' starts with a 0; old YAML reads it as an octal number. Write {fixed}",
    ),
    Spec(
        "PC107",
        "base-60 number",
        "oude YAML leest '{text}' als tijd (60-tallig); schrijf het als decimaal getal",
        "old YAML reads '{text}' as a time (base 60); write the number as a decimal number",
    ),
    Spec(
        "PC108",
        "date where a number is expected",
        "'{text}' is een datum, geen getal; schrijf een getal, zoals het jaartal {year}",
        "'{text}' is a date, not a number; write a number, such as the year {year}",
    ),
    Spec(
        "PC109",
        "decimal comma",
        "'{text}' heeft een decimale komma; gebruik een decimale punt: {fixed}",
        "'{text}' has a decimal comma; use a decimal point: {fixed}",
    ),
    Spec(
        "PC110",
        "not a whole number",
        "hier hoort een geheel getal, geen {got}",
        "a whole number is expected here, not {got}",
    ),
    Spec(
        "PC111",
        "not finite",
        "'{text}' is geen eindig getal; schrijf een gewoon getal",
        "'{text}' is not a finite number; write an ordinary number",
    ),
    Spec(
        "PC112",
        "wrong kind of value",
        "hier hoort {expected}, geen {got}",
        "{expected} is expected here, not {got}",
    ),
    Spec(
        "PC113",
        "value out of range",
        "{name} moet {rule} zijn, niet {value}",
        "{name} must be {rule}, not {value}",
    ),
    Spec(
        "PC114",
        "invalid choice",
        "'{value}' is geen geldige keuze; kies uit {choices}",
        "'{value}' is not a valid choice; choose one of {choices}",
    ),
    Spec(
        "PC115",
        "invalid name",
        "'{name}' is geen geldige naam: {rule}",
        "'{name}' is not a valid name: {rule}",
    ),
    Spec(
        "PC116",
        "duplicate name",
        "'{name}' komt al voor (regel {first_line}); {what} moeten uniek zijn",
        "'{name}' is already used (line {first_line}); {what} must be unique",
    ),
    Spec(
        "PC117",
        "reserved name",
        "'{name}' is een gereserveerd woord; kies een andere naam",
        "'{name}' is a reserved word; choose another name",
    ),
    Spec(
        "PC118",
        "unsupported format version",
        "formaatversie {value} wordt niet ondersteund; deze pactcalc leest 'pactcalc: 1'",
        "format version {value} is not supported; this pactcalc reads 'pactcalc: 1'",
    ),
    Spec(
        "PC119",
        "range not in order",
        "het bereik klopt niet: {rule}",
        "the range is not in order: {rule}",
    ),
    Spec(
        "PC120",
        "series of the wrong length",
        "de reeks heeft {got} waarden; het scenario loopt {years} jaar ({first}–{last}): "
        "geef één getal of {years} getallen",
        "the series has {got} values; the scenario runs {years} years ({first}–{last}): "
        "give one number or {years} numbers",
    ),
    Spec(
        "PC121",
        "undeclared partner",
        "partner '{partner}' is niet gedeclareerd onder 'partners'{suggestion}",
        "partner '{partner}' is not declared under 'partners'{suggestion}",
    ),
    Spec(
        "PC122",
        "expression syntax",
        "de formule '{text}' is niet te lezen: {reason}",
        "the expression '{text}' cannot be read: {reason}",
    ),
    Spec(
        "PC123",
        "unknown name in an expression",
        "onbekende naam '{name}' in de formule{suggestion}",
        "unknown name '{name}' in the expression{suggestion}",
    ),
    Spec(
        "PC124",
        "construct not allowed in an expression",
        "{construct} is niet toegestaan in een formule; gebruik getallen, namen, + - * / ( ) "
        "en min(…), max(…)",
        "{construct} is not allowed in an expression; use numbers, names, + - * / ( ) "
        "and min(…), max(…)",
    ),
    Spec(
        "PC125",
        "min/max with too few arguments",
        "{func}(…) heeft minstens twee argumenten nodig",
        "{func}(…) needs at least two arguments",
    ),
    Spec(
        "PC126",
        "from after until",
        "'from' ({start}) ligt na 'until' ({end})",
        "'from' ({start}) is after 'until' ({end})",
    ),
    Spec(
        "PC127",
        "investment year outside the horizon",
        "investeringsjaar {year} ligt buiten de horizon {first}–{last}",
        "investment year {year} lies outside the horizon {first}–{last}",
    ),
    Spec(
        "PC128",
        "negative budget",
        "budget '{line}' is negatief in {year} ({value}); budgetten zijn nooit negatief",
        "budget '{line}' is negative in {year} ({value}); budgets are never negative",
    ),
    Spec(
        "PC129",
        "budget-funded costs without a budget",
        "er zijn kosten met paid_from: budget maar er is geen budget; voeg een regel onder "
        "'budget' toe, of zet paid_from: own",
        "there are costs paid_from: budget but no budget; add a line under 'budget', or set "
        "paid_from: own",
    ),
    Spec(
        "PC130",
        "division by zero or non-finite amount",
        "regel '{line}' geeft in {year} {what}",
        "line '{line}' gives {what} in {year}",
    ),
    Spec(
        "PC131",
        "invalid check",
        "de check '{text}' is niet te lezen: {reason}",
        "the check '{text}' cannot be read: {reason}",
    ),
    Spec(
        "PC132",
        "discount rate of -100% or below",
        "een discontovoet van {value} kan niet; hij moet groter zijn dan -100% (-1 in het bestand)",
        "a discount rate of {value} is impossible; it must be greater than -100% (-1 in the file)",
    ),
    Spec(
        "PC133",
        "thousands separators in a number",
        "'{text}' heeft scheidingstekens voor duizendtallen; schrijf het getal zonder: {fixed}",
        "'{text}' has thousands separators; write the number without them: {fixed}",
    ),
    Spec(
        "PC134",
        "unknown metric or partner in a check",
        "onbekende {what} '{name}' in de check{suggestion}",
        "unknown {what} '{name}' in the check{suggestion}",
    ),
    Spec(
        "PC135",
        "adjustment on a line kind that does not take it",
        "'{key}' hoort niet bij een regel onder '{kind}'; {allowed}",
        "'{key}' does not apply to a line under '{kind}'; {allowed}",
    ),
    Spec(
        "PC136",
        "fraction outside [0, 1]",
        "'{value}' ligt niet tussen 0 en 1; een aanpassing is een fractie (0.1 is 10%)",
        "'{value}' is not between 0 and 1; an adjustment is a fraction (0.1 is 10%)",
    ),
    Spec(
        "PC137",
        "probability threshold outside [0, 1]",
        "in '{text}' is {bound} geen kans; een kans ligt tussen 0 en 1 (0.8 is 80%)",
        "in '{text}', {bound} is not a probability; a probability lies between 0 and 1 "
        "(0.8 is 80%)",
    ),
    Spec(
        "PC138",
        "distribution without a range",
        "'distribution' heeft alleen zin met 'low' en 'high'",
        "'distribution' needs 'low' and 'high'",
    ),
    Spec(
        "PC139",
        "adjustment names an undeclared parameter",
        "parameter '{name}' is niet gedeclareerd onder 'parameters'{suggestion}",
        "parameter '{name}' is not declared under 'parameters'{suggestion}",
    ),
    Spec(
        "PC140",
        "numbers too large to compute",
        "de getallen onder '{what}' worden te groot om te rekenen (overloop); controleer de "
        "bedragen, of de discontovoet bij deze horizon",
        "the numbers under '{what}' grow too large to compute (overflow); check the amounts, "
        "or the discount rate over this horizon",
    ),
    # --- warnings ----------------------------------------------------------------------------
    Spec(
        "PC301",
        "unusual discount rate",
        "discontovoet {value} ligt buiten 0–10%; klopt dat? (in het bestand een fractie: "
        "0.0225 is 2,25%)",
        "discount rate {value} lies outside 0–10%; is that right? (in the file a fraction: "
        "0.0225 is 2.25%)",
        "warning",
    ),
    Spec(
        "PC302",
        "line runs in no year",
        "regel '{line}' loopt in geen enkel jaar van de horizon {first}–{last}",
        "line '{line}' runs in no year of the horizon {first}–{last}",
        "warning",
    ),
    Spec(
        "PC303",
        "negative investment",
        "investering '{line}' is negatief ({value})",
        "investment '{line}' is negative ({value})",
        "warning",
    ),
    Spec(
        "PC304",
        "dot as thousands separator",
        "'{text}' wordt gelezen als {value}; bedoelt u {thousands}? Schrijf dan {thousands} "
        "(zonder punt)",
        "'{text}' is read as {value}; did you mean {thousands}? Then write {thousands} "
        "(without the dot)",
        "warning",
    ),
    Spec(
        "PC305",
        "budget-funded costs in a year without budget",
        "in {year} zijn er kosten uit het budget maar is er geen budget; ze zijn verdeeld "
        "naar rato van de budgetten over de hele horizon",
        "in {year} there are costs paid from the budget but no budget; they are shared pro "
        "rata to the budgets over the whole horizon",
        "warning",
    ),
    Spec(
        "PC306",
        "cumulative negative again after payback",
        "het cumulatieve saldo wordt na de terugverdientijd opnieuw negatief, in {year}",
        "the cumulative net turns negative again after payback, in {year}",
        "warning",
    ),
]

CATALOGUE: dict[str, Spec] = {spec.code: spec for spec in _SPECS}


@dataclass(frozen=True)
class Localized:
    """A message argument that reads differently per language (a suggestion, say)."""

    nl: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def suggestion(name: str, options: Iterable[str]) -> Localized:
    """ "; did you mean 'x'?" for the nearest of ``options``, or nothing.

    >>> suggestion("amout", ["amount", "name"]).en
    "; did you mean 'amount'?"
    """
    import difflib  # only when there is something to suggest: keeps start-up quick

    matches = difflib.get_close_matches(str(name), [str(o) for o in options], n=1, cutoff=0.6)
    if not matches:
        return Localized("", "")
    return Localized(f"; bedoelt u '{matches[0]}'?", f"; did you mean '{matches[0]}'?")


@dataclass(frozen=True)
class Money:
    """A message argument in euros, written as the language writes money."""

    value: float

    def text(self, lang: str) -> str:
        from pactcalc.i18n import money  # Babel is loaded only when a message is written

        return money(self.value, lang)


@dataclass(frozen=True)
class Percent:
    """A message argument that is a fraction, written as a percentage (0.03 → 3,00%)."""

    value: float

    def text(self, lang: str) -> str:
        from pactcalc.i18n import percent

        return percent(self.value, lang)


@dataclass(frozen=True)
class PathRef:
    """A message argument naming another place in the file; resolved to its line number."""

    path: tuple[str | int, ...]
    key: bool = False


@dataclass(frozen=True)
class Problem:
    """One error or warning, located in a file. ``args`` fill the message template."""

    code: str
    file: str
    line: int | None = None
    col: int | None = None
    args: Mapping[str, Any] = field(default_factory=dict)
    #: Where in the scenario's data the problem is (keys and list indexes), for problems
    #: found after loading; :func:`pactcalc.api` turns it into ``line``/``col``.
    path: tuple[str | int, ...] | None = None
    #: Position inside an expression (characters from its start), or None.
    offset: int | None = None
    #: Point at the key of ``path`` rather than its value (an unknown key, say).
    at_key: bool = False

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "nl") -> str:
        """The message in ``lang`` (``nl`` or ``en``)."""
        spec = CATALOGUE[self.code]
        template = spec.en if lang == "en" else spec.nl
        args = {
            k: v.text(lang) if isinstance(v, Localized | Money | Percent) else v
            for k, v in self.args.items()
        }
        return template.format(**args)

    def where(self) -> str:
        """``file:line:col`` (or less, where the position is unknown)."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line or 0, problem.col or 0, problem.code)
