"""The agreement's format (DOMAIN.md §7): KPIs and the settlement rules between partners.

Two optional top-level keys of a scenario, declared here and hooked into
:class:`~pactcalc.model.scenario.Scenario` as ``kpis`` and ``agreement``:

``kpis``: a mapping id → :class:`Kpi` ``{name, unit, direction, value, reference,
target, tolerance, validation, source, note}``. ``value`` is an expression (evaluated per
year like a line, varying with ranged parameters); ``reference`` (the 0-meting) is a
number; ``target`` a number, a list of ``years`` numbers or an expression (default:
``value`` on the plan).

``agreement``: a list of :class:`Rule`, one flat model for the four rule kinds (the key
``rule`` says which; :data:`RULE_KEYS` lists the keys each kind takes, and a key of
another kind is a PC400 error at that key):

* ``contribution`` ``{amount}`` — a fixed amount per year from payer to receiver;
* ``lumpsum`` ``{amount?, covers?, corridor?: {band, share}}`` — the payer pays the
  receiver L − C (+ the corridor's settlement);
* ``gain_share`` ``{shares, benchmark?, period?, minimum_rate?, cap?, losses?: {shares,
  minimum_rate, cap}}`` — the payer hands out part of the savings G = B − (effort +
  investment), and, two-sided, collects part of the losses;
* ``outcome_payment`` ``{kpi, price, cap?, total_cap?}`` — price per unit of the KPI
  beyond its reference.

Values are read with the readers of :mod:`pactcalc.model.values` (strict numbers,
expressions, text). :func:`cross_check_agreement` holds every rule of the format that
needs the whole scenario (declared partners, known KPIs and lines, fractions in [0, 1],
caps and prices ≥ 0, shares summing to at most 1, payer ≠ receiver, names in
expressions, ``from`` ≤ ``until``); :mod:`pactcalc.model.cross_checks` calls it. The
computation lives in :mod:`pactcalc.agreement`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from pactcalc import expressions, i18n
from pactcalc.model.values import (
    RESERVED_NAMES,
    Amount,
    Integer,
    Number,
    Text,
    describe,
    read_amount,
    read_choice,
    read_number,
    unknown_names,
)
from pactcalc.problems import PathRef, Problem, suggestion

if TYPE_CHECKING:
    from pactcalc.model.scenario import Scenario

Path = tuple[str | int, ...]

RULE_KINDS = ("contribution", "lumpsum", "gain_share", "outcome_payment")
VALIDATIONS = ("rct", "quasi-experimental", "historical-comparison", "pre-post", "ex-post", "none")

#: The keys every rule takes, and those of each kind (DOMAIN.md §7 "Settlement rules").
COMMON_KEYS = ("name", "rule", "payer", "from", "until", "source", "note")
RULE_KEYS: dict[str, tuple[str, ...]] = {
    "contribution": ("receiver", "amount"),
    "lumpsum": ("receiver", "amount", "covers", "corridor"),
    "gain_share": ("shares", "benchmark", "period", "minimum_rate", "cap", "losses"),
    "outcome_payment": ("receiver", "kpi", "price", "cap", "total_cap"),
}
#: The keys a kind cannot do without (``name``, ``rule`` and ``payer`` always).
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "contribution": ("receiver", "amount"),
    "lumpsum": ("receiver",),
    "gain_share": ("shares",),
    "outcome_payment": ("receiver", "kpi", "price"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, arbitrary_types_allowed=True, frozen=True
    )


def read_target(value: Any) -> float | list[float] | expressions.Expression:
    """A KPI target: a number, a list of numbers (one per year) or an expression."""
    if isinstance(value, list):
        return [read_number(item) for item in value]
    if value is None or isinstance(value, dict):
        raise PydanticCustomError(
            "PC112",
            "PC112",
            {"expected": i18n.Text("problem.expected_target"), "got": describe(value)},
        )
    result: float | expressions.Expression = read_amount(value)
    return result


Target = Annotated[
    Any,
    BeforeValidator(read_target),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "array", "items": {"type": "number"}},
                {"type": "string"},
            ],
            "description": "A number (every year), a list of `years` numbers, or an "
            "expression over parameter and series names.",
        }
    ),
]
Direction = Annotated[Literal["higher", "lower"], BeforeValidator(read_choice("higher", "lower"))]
Validation = Annotated[
    Literal["rct", "quasi-experimental", "historical-comparison", "pre-post", "ex-post", "none"],
    BeforeValidator(read_choice(*VALIDATIONS)),
]
RuleKind = Annotated[
    Literal["contribution", "lumpsum", "gain_share", "outcome_payment"],
    BeforeValidator(read_choice(*RULE_KINDS)),
]
Period = Annotated[Literal["horizon", "year"], BeforeValidator(read_choice("horizon", "year"))]


class Kpi(_Strict):
    """A KPI of the pact: its value per year, its 0-meting (reference) and its target."""

    name: Text = Field(description="Name shown in tables, e.g. 'Inwoners ambulant'.")
    unit: Text | None = Field(None, description="Unit, e.g. 'inwoners'.")
    direction: Direction = Field(description="Which way is better: 'higher' or 'lower' (required).")
    value: Amount = Field(
        description="The value per year: an expression over parameters and series (it "
        "varies with ranged parameters in simulation, like a line)."
    )
    reference: Number = Field(
        description="The 0-meting: the value before the pact (a number, fixed at signing)."
    )
    target: Target | None = Field(
        None,
        description="The target per year: a number, a list of `years` numbers or an "
        "expression; default: `value` on the plan.",
    )
    tolerance: Number = Field(
        0.0,
        description="Monitoring: behind target by more than this fraction fails "
        "(default 0; 0.1 is 10 %).",
    )
    validation: Validation = Field(
        "none",
        description="How the effect is established: 'rct', 'quasi-experimental', "
        "'historical-comparison', 'pre-post', 'ex-post' or 'none' (GO Lab's INDIGO list).",
    )
    source: Text | None = Field(None, description="Where the KPI and its figures come from.")
    note: Text | None = Field(None, description="A remark for the reader.")


class Corridor(_Strict):
    """A lumpsum's corridor: beyond a band around L, a share of the difference is settled."""

    band: Number = Field(
        description="Half-width of the band as a fraction of L (0.05: 5 % over or under)."
    )
    share: Number = Field(
        description="Share of the difference beyond the band that the payer settles (0–1)."
    )


class Losses(_Strict):
    """The two-sided part of a gain share: who pays part of the losses (G < 0)."""

    shares: dict[str, Number] = Field(
        description="Partner id → share of the losses it pays (each 0–1, summing to ≤ 1)."
    )
    minimum_rate: Number = Field(
        0.0, description="Losses are shared only when −G/B reaches this rate (default 0)."
    )
    cap: Number | None = Field(
        None, description="Total losses shared at most cap·B (a fraction; default no cap)."
    )


class Rule(_Strict):
    """A settlement rule: how money moves from payer to receiver(s) each year."""

    name: Text = Field(description="Name of the rule, unique within the agreement.")
    rule: RuleKind = Field(
        description="'contribution', 'lumpsum', 'gain_share' or 'outcome_payment'."
    )
    payer: Text = Field(description="Id of the partner that pays.")
    receiver: Text | None = Field(
        None,
        description="Id of the partner that receives (all rules but gain_share, which "
        "has `shares`).",
    )
    start: Integer | None = Field(
        None,
        alias="from",
        validation_alias=AliasChoices("from"),
        description="First calendar year the rule applies (inclusive); default: always.",
    )
    until: Integer | None = Field(
        None, description="Last calendar year the rule applies (inclusive); default: always."
    )
    source: Text | None = Field(None, description="Where the terms come from.")
    note: Text | None = Field(None, description="A remark for the reader.")
    amount: Amount | None = Field(
        None,
        description="contribution: euros per year (required); lumpsum: L, euros per year "
        "(default: the covered lines' cost on the plan). Fixed at signing, indexed like lines.",
    )
    covers: list[Text] | None = Field(
        None,
        description="lumpsum: names of the receiver's effort lines paid from the budget "
        "that the lumpsum replaces (default: all of them).",
    )
    corridor: Corridor | None = Field(
        None, description="lumpsum: {band, share}: the difference beyond band·L is shared."
    )
    shares: dict[str, Number] | None = Field(
        None,
        description="gain_share: partner id → share of the savings G (each 0–1, summing to ≤ 1).",
    )
    benchmark: Amount | None = Field(
        None,
        description="gain_share: B, euros per year (default: the baseline on the plan); "
        "fixed at signing, indexed like lines.",
    )
    period: Period = Field(
        "horizon",
        description="gain_share: 'horizon' (default: G and B summed over the rule's years, "
        "booked in the last) or 'year'.",
    )
    minimum_rate: Number = Field(
        0.0, description="gain_share: savings are shared only when G/B reaches this rate."
    )
    cap: Number | None = Field(
        None,
        description="gain_share: total shared at most cap·B (a fraction); outcome_payment: "
        "at most this many euros per year (nominal).",
    )
    losses: Losses | None = Field(
        None, description="gain_share: {shares, minimum_rate, cap}: share the losses too."
    )
    kpi: Text | None = Field(None, description="outcome_payment: the id of a declared KPI.")
    price: Number | None = Field(
        None, description="outcome_payment: euros per unit beyond the reference (nominal)."
    )
    total_cap: Number | None = Field(
        None,
        description="outcome_payment: at most this many euros over the rule's years "
        "(nominal); the year that reaches it is cut.",
    )

    @property
    def receivers(self) -> list[str]:
        """The partners that receive: ``receiver``, or a gain share's receivers (those of
        ``shares`` first, then those only in ``losses.shares``)."""
        if self.rule != "gain_share":
            return [self.receiver] if self.receiver is not None else []
        found = list(self.shares or {})
        if self.losses is not None:
            found += [p for p in self.losses.shares if p not in found]
        return found


def refine_schema(schema: dict[str, Any]) -> None:
    """Make the JSON Schema of a rule say which keys each kind takes (``if rule is X then
    only its keys``, and its required keys), so that an editor completes and flags them."""
    rule = schema.get("$defs", {}).get("Rule")
    if rule is None:
        return
    rule["allOf"] = [
        {
            "if": {"properties": {"rule": {"const": kind}}, "required": ["rule"]},
            "then": {
                "propertyNames": {"enum": [*COMMON_KEYS, *RULE_KEYS[kind]]},
                "required": list(REQUIRED_KEYS[kind]),
            },
        }
        for kind in RULE_KINDS
    ]


# --- cross-checks -----------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
#: Model field name → the key as written (``start`` is written ``from``).
_WRITTEN = {"start": "from"}


def cross_check_agreement(s: Scenario, file: str) -> Iterator[Problem]:
    """Every rule of DOMAIN.md §7 "Rules of the format" on a validated scenario, each at
    its place in the file."""
    yield from _kpis(s, file)
    yield from _rules(s, file)


def _kpis(s: Scenario, file: str) -> Iterator[Problem]:

    names = set(s.parameters) | set(s.series) | RESERVED_NAMES
    first, last = s.start_year, s.start_year + s.years - 1
    for kpi_id, kpi in s.kpis.items():
        path: Path = ("kpis", kpi_id)
        if not _IDENTIFIER.match(kpi_id) or kpi_id in RESERVED_NAMES:
            yield Problem(
                "PC115",
                file,
                args={"name": kpi_id, "rule": i18n.Text("problem.rule_identifier")},
                path=path,
                at_key=True,
            )
        for kind in ("parameters", "series"):
            if kpi_id in getattr(s, kind):
                yield Problem(
                    "PC116",
                    file,
                    args={
                        "name": kpi_id,
                        "first_line": PathRef((kind, kpi_id), key=True),
                        "what": i18n.Text("problem.unique_kpi_ids"),
                    },
                    path=path,
                    at_key=True,
                )
        for key in ("value", "target"):
            given = getattr(kpi, key)
            if isinstance(given, expressions.Expression):
                yield from unknown_names(file, given, names, (*path, key))
        if isinstance(kpi.target, list) and len(kpi.target) != s.years:
            yield Problem(
                "PC120",
                file,
                args={"got": len(kpi.target), "years": s.years, "first": first, "last": last},
                path=(*path, "target"),
            )
        yield from _fraction(file, kpi.tolerance, (*path, "tolerance"))


def _rules(s: Scenario, file: str) -> Iterator[Problem]:

    ids = [p.id for p in s.partners]
    names = set(s.parameters) | set(s.series) | RESERVED_NAMES
    first_index: dict[str, int] = {}
    for index, rule in enumerate(s.agreement):
        base: Path = ("agreement", index)
        if rule.name in first_index:
            yield Problem(
                "PC116",
                file,
                args={
                    "name": rule.name,
                    "first_line": PathRef(("agreement", first_index[rule.name], "name")),
                    "what": i18n.Text("problem.unique_rule_names"),
                },
                path=(*base, "name"),
            )
        first_index.setdefault(rule.name, index)
        yield from _keys_of_kind(rule, file, base)
        yield from _partners_of(rule, ids, file, base)
        for key in ("amount", "benchmark"):
            given = getattr(rule, key)
            if isinstance(given, expressions.Expression):
                yield from unknown_names(file, given, names, (*base, key))
        yield from _numbers_of(rule, file, base)
        if rule.rule == "lumpsum" and rule.covers and rule.receiver in ids:
            yield from _covers(s, rule, file, base)
        if rule.kpi is not None and rule.kpi not in s.kpis:
            yield Problem(
                "PC404",
                file,
                args={
                    "name": rule.kpi,
                    "suggestion": suggestion(rule.kpi, sorted(s.kpis)),
                    "choices": ", ".join(sorted(s.kpis)) or "—",
                },
                path=(*base, "kpi"),
            )
        if rule.start is not None and rule.until is not None and rule.start > rule.until:
            yield Problem(
                "PC126", file, args={"start": rule.start, "end": rule.until}, path=(*base, "from")
            )


def _keys_of_kind(rule: Rule, file: str, base: Path) -> Iterator[Problem]:
    """A key of another kind of rule (PC400), and a key this kind needs (PC101)."""
    takes = RULE_KEYS[rule.rule]
    for field_name in rule.model_fields_set:
        key = _WRITTEN.get(field_name, field_name)
        if key not in COMMON_KEYS and key not in takes:
            yield Problem(
                "PC400",
                file,
                args={"key": key, "rule": rule.rule, "keys": ", ".join(takes)},
                path=(*base, key),
                at_key=True,
            )
    for key in REQUIRED_KEYS[rule.rule]:
        if getattr(rule, key) is None:
            yield Problem("PC101", file, args={"key": key, "where": ""}, path=base)


def _partners_of(rule: Rule, ids: list[str], file: str, base: Path) -> Iterator[Problem]:
    """Payer and receivers declared; no receiver equal to the payer."""
    places: list[tuple[str, Path]] = [(rule.payer, (*base, "payer"))]
    if rule.rule != "gain_share" and rule.receiver is not None:
        places.append((rule.receiver, (*base, "receiver")))
    for partner in rule.shares or {}:
        places.append((partner, (*base, "shares", partner)))
    for partner in rule.losses.shares if rule.losses is not None else {}:
        places.append((partner, (*base, "losses", "shares", partner)))
    for index, (partner, path) in enumerate(places):
        at_key = len(path) > len(base) + 1  # a key of a shares mapping
        if partner not in ids:
            yield Problem(
                "PC121",
                file,
                args={"partner": partner, "suggestion": suggestion(partner, sorted(ids))},
                path=path,
                at_key=at_key,
            )
        elif index > 0 and partner == rule.payer:
            yield Problem("PC403", file, args={"partner": partner}, path=path, at_key=at_key)


def _numbers_of(rule: Rule, file: str, base: Path) -> Iterator[Problem]:
    """Fractions in [0, 1], shares summing to ≤ 1, caps, prices and bands ≥ 0."""
    for key, shares in (("shares", rule.shares), ("losses", None)):
        if key == "losses" and rule.losses is not None:
            shares = rule.losses.shares
        if not shares:
            continue
        where: Path = (*base, "shares") if key == "shares" else (*base, "losses", "shares")
        for partner, share in shares.items():
            yield from _fraction(file, share, (*where, partner))
        total = sum(shares.values())
        if total > 1 + 1e-9:
            yield Problem("PC401", file, args={"total": f"{total:g}"}, path=where)
    yield from _fraction(file, rule.minimum_rate, (*base, "minimum_rate"))
    if rule.corridor is not None:
        yield from _fraction(file, rule.corridor.share, (*base, "corridor", "share"))
        yield from _not_negative(file, rule.corridor.band, (*base, "corridor", "band"))
    if rule.losses is not None:
        yield from _fraction(file, rule.losses.minimum_rate, (*base, "losses", "minimum_rate"))
        yield from _not_negative(file, rule.losses.cap, (*base, "losses", "cap"))
    for key in ("cap", "price", "total_cap"):
        yield from _not_negative(file, getattr(rule, key), (*base, key))


def _fraction(file: str, value: float | None, path: Path) -> Iterator[Problem]:
    if value is not None and not 0 <= value <= 1:
        yield Problem("PC405", file, args={"key": path[-1], "value": f"{value:g}"}, path=path)


def _not_negative(file: str, value: float | None, path: Path) -> Iterator[Problem]:
    if value is not None and value < 0:
        yield Problem("PC406", file, args={"key": path[-1], "value": f"{value:g}"}, path=path)


def _covers(s: Scenario, rule: Rule, file: str, base: Path) -> Iterator[Problem]:
    """Each covered line: an effort line of the receiver, paid from the budget."""
    eligible = [
        line.name
        for line in s.effort
        if line.partner == rule.receiver and line.paid_from == "budget"
    ]
    for index, name in enumerate(rule.covers or []):
        if name not in eligible:
            yield Problem(
                "PC402",
                file,
                args={
                    "line": name,
                    "partner": rule.receiver,
                    "suggestion": suggestion(name, eligible),
                    "choices": ", ".join(eligible) or "—",
                },
                path=(*base, "covers", index),
            )
