"""Dutch and English: labels, and numbers and money in the locale's format (CLDR's).

Formatting only: rounding for display (whole euros, half away from zero) is the one
operation done here; every number itself comes from the engine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class _NumberFormat:
    """How a locale writes numbers: its symbols, and the prefixes of a positive and a
    negative amount of euros. These are CLDR's patterns for nl_NL and en_GB (currency
    ``¤ #,##0.00;¤ -#,##0.00`` and ``¤#,##0.00``, decimal ``#,##0.###``, percent
    ``#,##0%``: groups of three), written out so that a number is formatted without
    loading a locale database at start-up. ``tests/test_number_format.py`` holds them to
    Babel's output."""

    decimal: str
    group: str
    euro: str  # before a positive amount
    minus_euro: str  # before a negative amount


_FORMATS = {
    "nl": _NumberFormat(decimal=",", group=".", euro="€ ", minus_euro="€ -"),
    "en": _NumberFormat(decimal=".", group=",", euro="€", minus_euro="-€"),
}


#: Enough digits for any float (the largest, 1.8e308, has 309 before the point) and its
#: decimals: quantizing never runs out of precision (``decimal.InvalidOperation``), so an
#: amount of 1e28 or a rate of 1e27 is formatted, however absurd, instead of crashing.
_CONTEXT = Context(prec=400, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _round(value: float, decimals: int) -> Decimal:
    """Half away from zero (Decimal's ROUND_HALF_UP), from the float's shortest repr. Not a
    number (NaN, ±infinity, never shown by the engine) is kept as Decimal's NaN/Infinity.

    >>> str(_round(1e28, 0)), str(_round(-0.4, 0)), str(_round(float("inf"), 2))
    ('10000000000000000000000000000', '0', 'Infinity')
    """
    number = Decimal(repr(float(value)))
    if not number.is_finite():
        return number
    with localcontext(_CONTEXT):
        return number.quantize(Decimal(1).scaleb(-decimals)) + 0  # + 0 turns -0 into 0


def _digits(value: Decimal, lang: str, decimals: int, scale: int = 0) -> tuple[bool, str]:
    """Whether ``value`` × 10 ** ``scale`` is negative, and its absolute value written with
    ``decimals`` decimals (half away from zero) and the locale's separators: ``∞`` for
    infinity, ``NaN`` for not a number — as Babel's ``NumberPattern.apply`` writes them."""
    symbols = _FORMATS[lang]
    with localcontext(_CONTEXT):
        value = value.scaleb(scale)
        negative = value.is_signed()
        value = abs(value).normalize()
        if value.is_infinite():
            return negative, "∞"
        whole, _, fraction = f"{value.quantize(Decimal(10) ** -decimals):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    written = symbols.group.join([whole, *groups])
    if decimals:
        written += symbols.decimal + (fraction or "0").ljust(decimals, "0")
    return negative, written


def money(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """Euros as the locale writes them, whole euros by default.

    >>> money(1234567.5, "nl"), money(-1234567.4, "nl"), money(1234567.5, "en")
    ('€ 1.234.568', '€ -1.234.567', '€1,234,568')
    >>> money(-0.4, "nl"), money(-2.5, "en", 2)
    ('€ 0', '-€2.50')
    """
    negative, written = _digits(_round(value, decimals), lang, decimals)
    symbols = _FORMATS[lang]
    return (symbols.minus_euro if negative else symbols.euro) + written


def number(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """A plain number in the locale's format.

    >>> number(1234.5, "nl", 1), number(1234.5, "en", 1), number(-0.25, "nl", 1)
    ('1.234,5', '1,234.5', '-0,3')
    """
    negative, written = _digits(_round(value, decimals), lang, decimals)
    return ("-" if negative else "") + written


def percent(fraction: float, lang: str = "nl", decimals: int = 2) -> str:
    """A fraction as a percentage: 0.0225 → '2,25%'.

    >>> percent(0.0225, "nl"), percent(0.0225, "en"), percent(-0.5, "nl", 0)
    ('2,25%', '2.25%', '-50%')
    """
    with localcontext(_CONTEXT):
        shown = _round(fraction * 100, decimals + 2) / 100
    negative, written = _digits(shown, lang, decimals, scale=2)
    return ("-" if negative else "") + written + "%"


def optional(value: float | None) -> float | None:
    """None for a missing (NaN) metric; JSON writes it as null."""
    if value is None or math.isnan(value):
        return None
    return float(value)


def years_text(value: float | None, lang: str, horizon: int, decimals: int = 1) -> str:
    """A payback in years, or in words that there is none within the horizon.

    >>> years_text(3.25, "nl", 5), years_text(None, "en", 5)
    ('3,3 jaar', 'not within the 5-year horizon')
    """
    if value is None or math.isnan(value):
        return t("no_payback", lang, years=horizon)
    return t("n_years", lang, n=number(value, lang, decimals))


def ratio_text(value: float | None, lang: str) -> str:
    """A ratio (roi, bcr) with two decimals, or "none (no investment)"."""
    if value is None or math.isnan(value):
        return t("no_ratio", lang)
    return number(value, lang, 2)


def label_from(labels: Mapping[str, tuple[str, str]], key: str, lang: str, /, **args: Any) -> str:
    """Label ``key`` of a table of ``(nl, en)`` pairs in ``lang``, with ``args`` filled in.
    Modules with labels of their own keep such a table and read it through this."""
    nl, en = labels[key]
    return (en if lang == "en" else nl).format(**args)


def t(key: str, lang: str, /, **args: Any) -> str:
    """The catalogue's entry ``key`` in ``lang``, with ``args`` filled in. An argument that
    is itself a :class:`Text` is worded in the same language first. ``key`` and ``lang``
    are positional-only, so that a placeholder may be called ``{key}`` (PC007, PC102)."""
    from pactcalc.catalogue import ENTRIES

    filled = {k: v.text(lang) if isinstance(v, Text) else v for k, v in args.items()}
    return label_from(ENTRIES, key, lang, **filled)


@dataclass(frozen=True)
class Text:
    """A message not yet worded: a catalogue id and its named values. The core returns
    these; a renderer words them with :meth:`text` in the reader's language."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.args)
