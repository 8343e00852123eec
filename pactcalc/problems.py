"""Problems (errors and warnings) as values, and the catalogue of every problem code.

Every problem pactcalc can report has a stable code (``PC104``), a short English title for
the docs and a severity here; its message template in Dutch and English is the catalogue
entry of the same id (:mod:`pactcalc.catalogue.problems`). Loader, validator and engine
*collect* problems and return them, carrying a code and values (words as catalogue ids,
:class:`~pactcalc.i18n.Text`); only the CLI words and prints them and picks the exit code.

Locations are 1-based (PyYAML marks are 0-based: the loader adds 1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pactcalc.i18n import Text, t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Spec:
    """One entry of the catalogue: what a code means and how bad it is. Its words are the
    catalogue entry ``code`` (:attr:`nl`, :attr:`en`)."""

    code: str
    title: str
    severity: Severity = "error"

    @property
    def nl(self) -> str:
        """The Dutch message template."""
        return _template(self.code)[0]

    @property
    def en(self) -> str:
        """The English message template."""
        return _template(self.code)[1]


def _template(code: str) -> tuple[str, str]:
    from pactcalc.catalogue.problems import WORDS  # the words only when they are wanted

    return WORDS[code]


_SPECS: list[Spec] = [
    # --- reading the file (loader) --------------------------------------------
    Spec("PC001", "file cannot be read"),
    Spec("PC002", "file too large"),
    Spec("PC003", "empty file"),
    Spec("PC004", "not UTF-8"),
    Spec("PC005", "nesting too deep"),
    Spec("PC006", "YAML syntax error"),
    Spec("PC007", "duplicate key"),
    Spec("PC008", "anchor or alias"),
    Spec("PC009", "merge key"),
    Spec("PC010", "not a scenario mapping"),
    Spec("PC011", "decimal comma in a flow mapping"),
    Spec("PC012", "decimal comma in a list"),
    Spec("PC013", "unquoted comma in a flow mapping"),
    Spec("PC014", "YAML tag"),
    # --- the command line -----------------------------------------------------
    Spec("PC020", "output would overwrite the input"),
    Spec("PC021", "file exists"),
    Spec("PC022", "no scenario found"),
    Spec("PC023", "cannot write output"),
    Spec("PC024", "unknown name to explain"),
    Spec("PC025", "unknown report format"),
    Spec("PC026", "unknown metric on the command line"),
    # --- the format (validation) ----------------------------------------------
    Spec("PC101", "missing key"),
    Spec("PC102", "unknown key"),
    Spec("PC103", "not a number"),
    Spec("PC104", "quoted number"),
    Spec("PC105", "boolean where a number is expected"),
    Spec("PC106", "leading zero"),
    Spec("PC107", "base-60 number"),
    Spec("PC108", "date where a number is expected"),
    Spec("PC109", "decimal comma"),
    Spec("PC110", "not a whole number"),
    Spec("PC111", "not finite"),
    Spec("PC112", "wrong kind of value"),
    Spec("PC113", "value out of range"),
    Spec("PC114", "invalid choice"),
    Spec("PC115", "invalid name"),
    Spec("PC116", "duplicate name"),
    Spec("PC117", "reserved name"),
    Spec("PC118", "unsupported format version"),
    Spec("PC119", "range not in order"),
    Spec("PC120", "series of the wrong length"),
    Spec("PC121", "undeclared partner"),
    Spec("PC122", "expression syntax"),
    Spec("PC123", "unknown name in an expression"),
    Spec("PC124", "construct not allowed in an expression"),
    Spec("PC125", "min/max with too few arguments"),
    Spec("PC126", "from after until"),
    Spec("PC127", "investment year outside the horizon"),
    Spec("PC128", "negative budget"),
    Spec("PC129", "budget-funded costs without a budget"),
    Spec("PC130", "division by zero or non-finite amount"),
    Spec("PC131", "invalid check"),
    Spec("PC132", "discount rate of -100% or below"),
    Spec("PC133", "thousands separators in a number"),
    Spec("PC134", "unknown metric or partner in a check"),
    Spec("PC135", "adjustment on a line kind that does not take it"),
    Spec("PC136", "fraction outside [0, 1]"),
    Spec("PC137", "probability threshold outside [0, 1]"),
    Spec("PC138", "distribution without a range"),
    Spec("PC139", "adjustment names an undeclared parameter"),
    Spec("PC140", "numbers too large to compute"),
    # --- warnings -------------------------------------------------------------
    Spec("PC301", "unusual discount rate", "warning"),
    Spec("PC302", "line runs in no year", "warning"),
    Spec("PC303", "negative investment", "warning"),
    Spec("PC304", "dot as thousands separator", "warning"),
    Spec("PC305", "budget-funded costs in a year without budget", "warning"),
    Spec("PC306", "cumulative negative again after payback", "warning"),
    # --- issue 10: what an advisor hits ------------------------------------------
    Spec("PC360", "budget of another partner pays by default", "warning"),
    # --- the simulation (issue 10: bounded memory, samples are numbers) ----------
    Spec("PC320", "too many samples for memory"),
    Spec("PC321", "a sample that is not a number"),
    # --- issue 10: extreme input ---------------------------------------------------
    Spec("PC340", "number with too many digits"),
    Spec("PC341", "expression too large"),
    # --- the agreement (DOMAIN.md §7) ------------------------------------------
    Spec("PC400", "key of another kind of rule"),
    Spec("PC401", "shares sum to more than 1"),
    Spec("PC402", "covered line is not the receiver's budget-funded effort"),
    Spec("PC403", "payer is also a receiver"),
    Spec("PC404", "unknown KPI"),
    Spec("PC405", "agreement fraction outside [0, 1]"),
    Spec("PC406", "negative cap, price or band"),
    Spec("PC407", "benchmark sums to zero or less"),
    Spec("PC408", "KPI or rule gives a non-finite value"),
    # --- monitoring: actuals against the plan (DOMAIN.md §8) ---------------------
    Spec("PC500", "plan file of the actuals cannot be read"),
    Spec("PC501", "plan file of the actuals is invalid"),
    Spec("PC502", "name in the actuals that the plan does not have"),
    Spec("PC503", "year outside the plan's horizon"),
    Spec("PC504", "year out of order"),
    Spec("PC506", "unsupported actuals format version"),
    Spec("PC507", "negative booked budget"),
    Spec("PC508", "a scenario where an actuals file is expected"),
    Spec("PC560", "year between listed years keeps the plan", "warning"),
    Spec("PC561", "KPI behind in a provisional year", "warning"),
    # issue 10, right to the cent and extreme numbers (PC307–PC309): errors, although in
    # the 300s, the range this work was given
    Spec("PC307", "rate or fraction written as a percentage"),
    Spec("PC308", "percentage written as text"),
    Spec("PC309", "number too large"),
]

CATALOGUE: dict[str, Spec] = {spec.code: spec for spec in _SPECS}


def suggestion(name: str, options: Iterable[str]) -> Text | str:
    """ "; did you mean 'x'?" for the nearest of ``options``, or nothing ("").

    >>> suggestion("amout", ["amount", "name"]).text("en")
    "; did you mean 'amount'?"
    >>> suggestion("xyz", ["amount"])
    ''
    """
    import difflib  # only when there is something to suggest: keeps start-up quick

    matches = difflib.get_close_matches(str(name), [str(o) for o in options], n=1, cutoff=0.6)
    if not matches:
        return ""
    return Text("problem.did_you_mean", {"name": matches[0]})


def suggested(argument: Any) -> str | None:
    """The name a :func:`suggestion` suggests, or None when it suggests nothing."""
    if isinstance(argument, Text) and argument.key == "problem.did_you_mean":
        return str(argument.args["name"])
    return None


@dataclass(frozen=True)
class Money:
    """A message argument in euros, written as the language writes money."""

    value: float

    def text(self, lang: str) -> str:
        from pactcalc.i18n import money  # Babel is loaded only when a message is written

        return money(self.value, lang)


@dataclass(frozen=True)
class Percent:
    """A message argument that is a fraction, written as a percentage (0.03 → 3,00%;
    with ``decimals=0``, 0.5 → 50%)."""

    value: float
    decimals: int = 2

    def text(self, lang: str) -> str:
        from pactcalc.i18n import percent

        return percent(self.value, lang, self.decimals)


@dataclass(frozen=True)
class Figure:
    """A message argument that is a plain number (a KPI's value), written as the language
    writes numbers with as few decimals as it needs, up to two: 8 → 8, 1.7 → 1,7."""

    value: float

    def text(self, lang: str) -> str:
        from pactcalc.i18n import number

        decimals = next((d for d in range(2) if abs(round(self.value, d) - self.value) < 1e-9), 2)
        return number(self.value, lang, decimals)


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
    #: found after loading; :func:`pactcalc.pipeline` turns it into ``line``/``col``.
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
        """The message in ``lang`` (``nl`` or ``en``): the catalogue's template of the code,
        filled in with the arguments (words and amounts in the same language)."""
        args = {
            k: v.text(lang) if isinstance(v, Money | Percent | Figure) else v
            for k, v in self.args.items()
        }
        return t(self.code, lang, **args)

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
