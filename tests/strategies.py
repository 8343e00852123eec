"""Hypothesis strategies for pactcalc: valid scenario files, money flows, mutated YAML.

:func:`scenarios` draws the *data* of a valid scenario (plain dicts, lists, numbers and
strings); :func:`to_yaml` writes it as the text an advisor would write. Numbers are dumped
as plain YAML numbers (pactcalc reads a quoted ``"62000"`` as text, not as a number);
expressions are strings. Magnitudes stay moderate (parameters 0–1000, series 0–100, line
amounts up to about 1e6) so that a relative tolerance is meaningful.

Validity is built in, not filtered:

* every division is by a literal ≥ 1 or by ``(name + 1)`` with a non-negative name, so no
  division by zero;
* budget and investment amounts never use subtraction or negative literals, so budgets are
  never negative (PC128) and investments never negative (PC303 is only a warning, but a
  negative investment breaks the "investment is a downward jump" reasoning of the payback
  properties);
* when a line is paid from the budget, a budget line with a positive literal amount is
  added (PC129), running every year — or, in ``budget="gap"`` mode, every year but the
  first, so that a year with budget-funded costs and no budget occurs (PC305).
"""

from __future__ import annotations

import copy
import keyword
from typing import Any

import yaml
from hypothesis import strategies as st

RESERVED = frozenset({"weeks_per_year", "min", "max"})
LINE_KINDS = ("baseline", "budget", "effort", "investments", "benefits")

# Identifiers that are safe in expressions: no Python keyword or constant (see the bug
# test on keyword names in test_properties.py), no YAML 1.1 boolean/null spelling.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def identifiers() -> st.SearchStrategy[str]:
    """Parameter and series names: identifiers (letters, digits, `_`, not a digit first)."""
    return st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,9}", fullmatch=True).filter(
        lambda name: (
            name not in RESERVED and not keyword.iskeyword(name) and name.lower() not in _YAML_WORDS
        )
    )


partner_ids = st.from_regex(r"[a-z][a-z0-9_-]{0,7}", fullmatch=True).filter(
    lambda name: name.lower() not in _YAML_WORDS
)

# Numbers written in files: a few decimals at most, like real tariffs and counts.
small_numbers = st.one_of(
    st.integers(0, 1000).map(float), st.decimals(0, 1000, places=2).map(float)
)
money = st.one_of(
    st.integers(0, 1_000_000).map(float), st.decimals(0, 1_000_000, places=2).map(float)
)


def number_text(value: float) -> str:
    """A number as it would appear inside an expression."""
    return repr(float(value))


@st.composite
def expressions(draw: st.DrawFn, names: list[str], *, signed: bool) -> str:
    """An amount expression over ``names`` (all non-negative): a product of a name and a
    literal, a sum, min/max, a safe division; with subtraction when ``signed``."""
    name = st.sampled_from([*names, "weeks_per_year"])
    literal = small_numbers.map(number_text)
    atom = st.one_of(name, literal)
    a, b, c = draw(atom), draw(atom), draw(atom)
    forms = [
        f"{draw(name)} * {draw(literal)}",
        f"{a} * {b}",
        f"({a} + {b}) * {c}",
        f"max({a}, {b}) * {draw(literal)}",
        f"min({a}, {b}, {c})",
        f"{a} * {b} / ({draw(name)} + 1)",
        f"{a} / {draw(st.integers(1, 12))}",
    ]
    if signed:
        forms += [f"{a} * {b} - {c}", f"-{a}", f"{a} - {b} * {c}"]
    return draw(st.sampled_from(forms))


@st.composite
def amounts(draw: st.DrawFn, names: list[str], *, signed: bool = False) -> float | str:
    """A line amount: a plain number, or an expression over the parameters and series."""
    if not names or draw(st.booleans()):
        value = draw(money)
        if signed and draw(st.integers(0, 5)) == 0:
            value = -value
        return value
    return draw(expressions(names, signed=signed))


# One draw per part of the format, in the format's order: its branches are the format's
# options, and splitting them would hide which draw feeds which key.
@st.composite
def scenarios(  # noqa: C901
    draw: st.DrawFn,
    *,
    budget: str | None = None,
    discount_rate: float | None = None,
    conventional: bool = False,
    signed: bool = True,
    min_years: int = 1,
) -> dict[str, Any]:
    """The data of a valid scenario (DOMAIN.md §3).

    ``budget``: ``"ample"`` (every budget-funded cost has a budget line in every year),
    ``"gap"`` (no budget in the start year while budget-funded costs run there; needs
    ``years >= 2``), ``"none"`` (no budget line; everything paid from own funds) or None
    (drawn). ``conventional``: all investments in the start year and no subtraction.
    ``signed``: allow negative baseline, effort and benefit amounts.
    """
    start_year = draw(st.integers(2015, 2035))
    years = draw(st.integers(max(1, min_years), 6))
    mode = budget or draw(st.sampled_from(["ample", "ample", "gap", "none"]))
    if mode == "gap" and years < 2:
        years = 2
    if conventional:
        signed = False

    names = draw(st.lists(identifiers(), min_size=0, max_size=6, unique=True))
    split = draw(st.integers(0, len(names)))
    parameter_names, series_names = names[:split], names[split:]
    parameters: dict[str, Any] = {}
    for name in parameter_names:
        value = draw(small_numbers)
        parameters[name] = draw(
            st.sampled_from(
                [
                    value,
                    {"value": value},
                    {"value": value, "unit": "EUR/jaar", "source": "aanname: test"},
                ]
            )
        )
    series: dict[str, Any] = {}
    for name in series_names:
        values = draw(
            st.one_of(small_numbers, st.lists(small_numbers, min_size=years, max_size=years))
        )
        series[name] = draw(st.sampled_from([values, {"values": values}]))

    ids = draw(st.lists(partner_ids, min_size=1, max_size=4, unique=True))
    partners = [{"id": pid, "name": f"Partner {pid}"} for pid in ids]
    partner = st.sampled_from(ids)
    last_year = start_year + years - 1

    def running(line: dict[str, Any]) -> dict[str, Any]:
        """Sometimes a `from` and/or `until`, possibly outside the horizon."""
        choice = draw(st.integers(0, 5))
        if choice >= 3:
            first = draw(st.integers(start_year - 2, last_year + 1))
            if choice in (3, 5):
                line["from"] = first
            if choice in (4, 5):
                line["until"] = draw(st.integers(first, last_year + 2))
        return line

    data: dict[str, Any] = {
        "pactcalc": 1,
        "name": draw(st.sampled_from(["Scenario", "Beschermd wonen", "Spoed voor Jeugd"])),
        "language": draw(st.sampled_from(["nl", "en"])),
        "start_year": start_year,
        "years": years,
    }
    rate = (
        discount_rate
        if discount_rate is not None
        else draw(
            st.one_of(st.just(0.0), st.floats(0, 0.1), st.decimals("0", "0.1", places=4).map(float))
        )
    )
    data["discount_rate"] = draw(st.sampled_from([rate, {"value": rate, "source": "test"}]))
    if draw(st.integers(0, 3)) == 0:
        data["indexation"] = float(draw(st.decimals("0", "0.05", places=3)))
        if draw(st.booleans()):
            data["price_year"] = draw(st.integers(start_year - 2, last_year))
    if parameters:
        data["parameters"] = parameters
    if series:
        data["series"] = series
    data["partners"] = partners

    lines: dict[str, list[dict[str, Any]]] = {kind: [] for kind in LINE_KINDS}
    for kind in ("baseline", "effort", "benefits"):
        for i in range(draw(st.integers(0, 3))):
            line = {
                "name": f"{kind} {i}",
                "partner": draw(partner),
                "amount": draw(amounts(names, signed=signed)),
            }
            if kind == "effort":
                line["paid_from"] = (
                    "own" if mode == "none" else draw(st.sampled_from(["budget", "own", None]))
                )
                if line["paid_from"] is None:
                    del line["paid_from"]  # the default: budget
            lines[kind].append(running(line))
    for i in range(draw(st.integers(0, 3))):
        line = {"name": f"investment {i}", "partner": draw(partner), "amount": draw(amounts(names))}
        if conventional:
            year = draw(st.sampled_from([start_year, None]))
        else:
            year = draw(st.one_of(st.none(), st.integers(start_year, last_year)))
        if year is not None:
            line["year"] = year
        if mode == "none":
            line["paid_from"] = "own"
        elif draw(st.booleans()):
            line["paid_from"] = draw(st.sampled_from(["budget", "own"]))
        lines["investments"].append(line)

    if mode == "gap":
        # A budget-funded effort that runs in the first year, which has no budget.
        lines["effort"].append(
            {
                "name": "effort gap",
                "partner": draw(partner),
                "amount": float(draw(st.integers(1, 100_000))),
                "paid_from": "budget",
            }
        )
    if mode != "none":
        for i in range(draw(st.integers(0, 2))):
            line = {"name": f"budget {i}", "partner": draw(partner), "amount": draw(amounts(names))}
            if mode == "gap":
                line["from"] = start_year + 1
            lines["budget"].append(running(line) if mode != "gap" else line)
        funded = any(
            line.get("paid_from", "budget") == "budget"
            for kind in ("effort", "investments")
            for line in lines[kind]
        )
        if funded:
            line = {
                "name": "budget main",
                "partner": draw(partner),
                "amount": float(draw(st.integers(1, 2_000_000))),
            }
            if mode == "gap":
                line["from"] = start_year + 1
            lines["budget"].append(line)

    for kind in LINE_KINDS:
        if lines[kind] or draw(st.booleans()):
            data[kind] = lines[kind]
    if draw(st.booleans()):
        data["checks"] = draw(
            st.lists(
                st.sampled_from(
                    [
                        "npv > 0",
                        "payback_years <= 3",
                        "headroom_min >= 0",
                        "roi >= 0",
                        "discounted_payback_years < 5",
                        "bcr > 1",
                    ]
                ),
                max_size=3,
                unique=True,
            )
        )
    return data


def to_yaml(data: dict[str, Any]) -> str:
    """The scenario as YAML text; numbers plain, expressions as (possibly quoted) text."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def amount_text(amount: float | str) -> str:
    return number_text(amount) if isinstance(amount, int | float) else amount


def scaled(data: dict[str, Any], k: float) -> dict[str, Any]:
    """The same scenario with every line amount multiplied by ``k`` (as ``k * (amount)``):
    every money input scaled, nothing else changed."""
    result = copy.deepcopy(data)
    for kind in LINE_KINDS:
        for line in result.get(kind, []):
            line["amount"] = f"{number_text(k)} * ({amount_text(line['amount'])})"
    return result


# --- money flows for finance.payback -------------------------------------------------------

flow_values = st.integers(-1_000_000, 1_000_000).map(float)
nonneg_flow_values = st.integers(0, 1_000_000).map(float)


@st.composite
def flows(
    draw: st.DrawFn, *, nonneg_returns: bool = False, investment_in_start_year_only: bool = False
) -> tuple[list[float], list[float]]:
    """``(investment, returns)`` per year: investments ≥ 0, returns of any sign unless
    ``nonneg_returns``."""
    n_years = draw(st.integers(1, 8))
    investment = draw(
        st.lists(st.just(0.0) | nonneg_flow_values, min_size=n_years, max_size=n_years)
    )
    if investment_in_start_year_only:
        investment = [investment[0]] + [0.0] * (n_years - 1)
    values = nonneg_flow_values if nonneg_returns else flow_values
    returns = draw(st.lists(values, min_size=n_years, max_size=n_years))
    return investment, returns


# --- mutated example files for the fuzz tests ----------------------------------------------

YAML_TOKENS = [
    ":",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!",
    "!!str ",
    "%",
    ",",
    "010",
    "no",
    "12:30",
    "~",
    "<<: *a",
    "'",
    '"',
    "#",
    "\t",
    "  ",
    "\n",
    "1e999",
    "nan",
    ".inf",
    "2021-01-01",
    "57,60",
    "62.000",
    "x / 0",
    "max(1)",
    "?",
    "|",
    ">",
    "\\",
    "\x00",
    "é",
    "\ufeff",
    "0x1F",
    "-.inf",
    "1_000",
    "!!python/object ",
]


@st.composite
def mutated_texts(draw: st.DrawFn, sources: list[str]) -> str | bytes:
    """An example file after a few random edits: lines deleted, duplicated or swapped,
    YAML tokens or random characters inserted, characters replaced, the text truncated;
    or (sometimes) random bytes spliced in."""
    text = draw(st.sampled_from(sources))
    for _ in range(draw(st.integers(1, 6))):
        lines = text.split("\n")
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "token", "chars", "replace", "truncate", "indent"]
            )
        )
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, max(0, len(lines) - 1)))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["  ", " ", "- ", "\t"])) + lines[i]
        text = "\n".join(lines)
        pos = draw(st.integers(0, len(text)))
        if op == "token":
            text = text[:pos] + draw(st.sampled_from(YAML_TOKENS)) + text[pos:]
        elif op == "chars":
            text = text[:pos] + draw(st.text(max_size=5)) + text[pos:]
        elif op == "replace" and pos < len(text):
            text = text[:pos] + draw(st.sampled_from(YAML_TOKENS)) + text[pos + 1 :]
        elif op == "truncate":  # from the end or (less often) from the start
            text = text[:pos] if draw(st.integers(0, 3)) == 0 else text[: len(text) - pos]
    if draw(st.integers(0, 9)) == 0:
        data = text.encode("utf-8", "surrogatepass")
        pos = draw(st.integers(0, len(data)))
        return data[:pos] + draw(st.binary(max_size=16)) + data[pos:]
    return text


# --- the agreement (DOMAIN.md §7) ------------------------------------------------------------


# A generator with one branch per kind of rule and per optional term: splitting it would
# hide which draw feeds which key.
@st.composite
def agreements(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:  # noqa: C901
    """``data`` (a scenario from :func:`scenarios`) with KPIs and an agreement added: rules
    of every kind between its partners, valid by construction — payer ≠ receiver, shares
    summing to at most 1, fractions in [0, 1], caps and prices ≥ 0, a gain share's benchmark
    a positive literal (so that it never sums to ≤ 0). Needs at least two partners to add
    rules; with one, only KPIs are added."""
    result = copy.deepcopy(data)
    ids = [p["id"] for p in result["partners"]]
    names = [*result.get("parameters", {}), *result.get("series", {})]
    start, years = result["start_year"], result["years"]
    fraction = st.decimals("0", "1", places=2).map(float)

    kpis: dict[str, Any] = {}
    for i in range(draw(st.integers(0, 2))):
        kpis[f"kpi_{i}"] = {
            "name": f"KPI {i}",
            "direction": draw(st.sampled_from(["higher", "lower"])),
            "value": draw(amounts(names, signed=True)),
            "reference": draw(small_numbers),
        }
    if kpis:
        result["kpis"] = kpis
    if len(ids) < 2:
        return result

    def pair() -> tuple[str, str]:
        payer = draw(st.sampled_from(ids))
        return payer, draw(st.sampled_from([p for p in ids if p != payer]))

    rules: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["contribution", "lumpsum", "gain_share"] + (["outcome_payment"] if kpis else [])
            )
        )
        payer, receiver = pair()
        rule: dict[str, Any] = {"name": f"rule {i}", "rule": kind, "payer": payer}
        if kind == "contribution":
            rule |= {"receiver": receiver, "amount": draw(amounts(names, signed=True))}
        elif kind == "lumpsum":
            rule["receiver"] = receiver
            if draw(st.booleans()):
                rule["amount"] = draw(amounts(names))
            if draw(st.booleans()):
                rule["corridor"] = {"band": draw(fraction), "share": draw(fraction)}
        elif kind == "gain_share":
            others = [p for p in ids if p != payer]
            chosen = draw(st.lists(st.sampled_from(others), min_size=1, unique=True))
            rule["shares"] = {p: round(draw(fraction) / len(chosen), 4) for p in chosen}
            rule["benchmark"] = float(draw(st.integers(1, 2_000_000)))
            rule["period"] = draw(st.sampled_from(["horizon", "year"]))
            rule["minimum_rate"] = draw(st.decimals("0", "0.2", places=2).map(float))
            if draw(st.booleans()):
                rule["cap"] = draw(fraction)
            if draw(st.booleans()):
                losers = draw(st.lists(st.sampled_from(others), min_size=1, unique=True))
                rule["losses"] = {
                    "shares": {p: round(draw(fraction) / len(losers), 4) for p in losers}
                }
        else:
            rule |= {
                "receiver": receiver,
                "kpi": draw(st.sampled_from(sorted(kpis))),
                "price": draw(small_numbers),
            }
            if draw(st.booleans()):
                rule["cap"] = draw(money)
            if draw(st.booleans()):
                rule["total_cap"] = draw(money)
        choice = draw(st.integers(0, 4))
        if choice >= 2:
            first = draw(st.integers(start - 1, start + years))
            rule["from"] = first
            if choice == 3:
                rule["until"] = draw(st.integers(first, start + years + 1))
        rules.append(rule)
    result["agreement"] = rules
    return result


def zero_width(data: dict[str, Any]) -> dict[str, Any]:
    """The same scenario with every parameter given a range of zero width (low = value =
    high): uncertain for `simulate`, yet every sample is the plan."""
    result = copy.deepcopy(data)
    for name, parameter in result.get("parameters", {}).items():
        value = parameter["value"] if isinstance(parameter, dict) else parameter
        result["parameters"][name] = {"value": value, "low": value, "high": value}
    return result
