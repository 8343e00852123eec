"""A value as the report writes it: a metric (money, years, a ratio), a parameter in its
unit, a signed change. Formatting only: every number comes from the engine or the
analysis; rounding for display is the one operation done here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from pactcalc.i18n import _round as _displayed  # the rounding money() shows
from pactcalc.i18n import money, number, percent, t
from pactcalc.metrics import kind_of

#: The finest a probability is shown: 0,001% (one sample in 100.000 is 0,001%).
_MOST_DECIMALS = 3


def is_missing(value: float | None) -> bool:
    """No value: None, NaN or unbounded (a payback that leaves the horizon)."""
    return value is None or math.isnan(value) or math.isinf(value)


def metric_text(
    name: str, value: float | None, lang: str, horizon: int | None = None, decimals: int = 1
) -> str:
    """A metric's value in ``lang`` by its kind in the registry: money, years or a ratio.

    ``horizon``: the scenario's number of years when the value is the scenario's own; a
    missing payback or ratio is then said in words ("niet binnen de horizon van 5 jaar",
    "geen (geen investering)"). Without it the value is an analysis's (a sensitivity, a
    percentile of a simulation): a missing payback is "buiten de horizon", anything else
    missing "—". ``decimals``: of a payback in years.

    >>> metric_text("npv", 1234.4, "nl"), metric_text("payback_years", None, "en", 5)
    ('€ 1.234', 'not within the 5-year horizon')
    >>> metric_text("net_total[wmo]", None, "nl"), metric_text("payback_years", None, "nl")
    ('—', 'buiten de horizon')
    """
    kind = kind_of(name)
    if kind == "years":
        if is_missing(value):
            if horizon is None:
                return t("unc.beyond", lang)
            return t("no_payback", lang, years=horizon)
        assert value is not None
        return t("n_years", lang, n=number(value, lang, decimals))
    if is_missing(value):
        return t("no_ratio", lang) if kind == "ratio" and horizon is not None else "—"
    assert value is not None
    if kind == "money":
        return money(value, lang)
    return number(value, lang, 2)


def plain_number(value: float, lang: str) -> str:
    """A number as written in a check or a scenario: no decimals for a whole number,
    else two."""
    return number(value, lang, 0 if float(value) == int(value) else 2)


def input_decimals(value: float) -> int:
    """As few decimals as an input needs, up to four: 0.3 → 1, 57.6 → 1, 0.0225 → 4."""
    return next((d for d in range(5) if abs(round(value, d) - value) < 1e-9), 4)


def _found_decimals(value: float) -> int:
    """Decimals of a value found by a search: about three significant digits."""
    size = abs(value)
    return 0 if size >= 1000 or size == 0 else 1 if size >= 10 else 2 if size >= 1 else 3


def _is_money(unit: str | None) -> bool:
    return bool(unit) and str(unit).strip().upper().startswith(("EUR", "€"))


def param_value(
    value: float, unit: str | None, lang: str, found: bool = False, with_unit: bool = False
) -> str:
    """A parameter's value in its unit: euros for an EUR unit, else a number (``found``:
    a switching value, shown to about three significant digits)."""
    value = float(value)
    if _is_money(unit):
        decimals = 0 if value == int(value) or (found and abs(value) >= 1000) else 2
        return money(value, lang, decimals)
    decimals = _found_decimals(value) if found else input_decimals(value)
    text = number(value, lang, decimals)
    return f"{text} {unit}" if with_unit and unit else text


def change_text(change: float | None, lang: str) -> str:
    """A signed percentage with a true minus: "−42%", "+15%"."""
    if change is None:
        return ""
    decimals = 0 if abs(change) >= 0.1 or change == 0 else 1
    shown = percent(abs(change), lang, decimals)
    if shown == percent(0, lang, decimals):
        return shown
    return ("−" if change < 0 else "+") + shown


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def one_line(text: str) -> str:
    """Scenario text put into a sentence: a line break (``\\n``, ``\\r``) becomes a space,
    so that a name or a source never starts a line of a paragraph of its own (a
    paragraph's lines are split at ``\\n``; under GitHub Actions a line ``::error`` is a
    workflow command).

    >>> one_line("bron\\r\\n::error::x")
    'bron ::error::x'
    """
    return re.sub(r"\r\n|[\r\n]", " ", str(text))


def probability_percent(p: float, lang: str) -> str:
    """A probability with enough decimals that it is never shown as 0% or 100% unless it
    is exactly that: 0.9998 → "99,98%", 0.00003 → "0,003%", 0.5 → "50,0%"; beyond three
    decimals "< 0,001%" / "> 99,999%".

    >>> probability_percent(0.9998, "nl"), probability_percent(0.00003, "nl")
    ('99,98%', '0,003%')
    >>> probability_percent(1.0, "nl"), probability_percent(0.955, "en")
    ('100,0%', '95.5%')
    >>> probability_percent(0.0000001, "nl"), probability_percent(0.9999999, "nl")
    ('< 0,001%', '> 99,999%')
    """
    p = float(p)
    if math.isnan(p) or p in (0.0, 1.0):
        return percent(p, lang, 1)
    for decimals in range(1, _MOST_DECIMALS + 1):
        shown = percent(p, lang, decimals)
        if shown not in (percent(0.0, lang, decimals), percent(1.0, lang, decimals)):
            return shown
    step = 10.0 ** -(_MOST_DECIMALS + 2)  # 0,001% as a fraction
    if p < 0.5:
        return f"< {percent(step, lang, _MOST_DECIMALS)}"
    return f"> {percent(1.0 - step, lang, _MOST_DECIMALS)}"


def whole_euros(value: float) -> Decimal:
    """An amount as a table shows it: whole euros, half away from zero (money()'s rounding)."""
    return _displayed(float(value), 0)


def parts_foot(parts: Iterable[float], total: float) -> bool:
    """Whether ``parts`` (signed: a part subtracted is negative), each rounded to whole
    euros as shown, add up to ``total`` rounded as shown: 500,4 + 2.000,4 − 2,6 − 1,4 =
    2.496,8 shows 500 + 2.000 − 3 − 1 = 2.496, not 2.497.

    >>> parts_foot([500.4, 2000.4, -2.6, -1.4], 2496.8), parts_foot([1.0, 2.0], 3.0)
    (False, True)
    """
    return sum((whole_euros(part) for part in parts), Decimal(0)) == whole_euros(total)


def columns_foot(rows: Sequence[Sequence[float]], totals: Sequence[float]) -> bool:
    """Whether every column of ``rows`` (the parts) foots to its entry in ``totals``."""
    return all(
        parts_foot([row[column] for row in rows], total) for column, total in enumerate(totals)
    )


def rows_foot(rows: Sequence[Sequence[float]]) -> bool:
    """Whether every row's amounts but the last foot to its last (a total column)."""
    return all(parts_foot(row[:-1], row[-1]) for row in rows)
