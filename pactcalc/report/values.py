"""A value as the report writes it: a metric (money, years, a ratio), a parameter in its
unit, a signed change. Formatting only: every number comes from the engine or the
analysis; rounding for display is the one operation done here.
"""

from __future__ import annotations

import math

from pactcalc.i18n import money, number, percent, t
from pactcalc.metrics import kind_of


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
