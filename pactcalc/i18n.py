"""Dutch and English: labels, and numbers and money in the locale's format (Babel).

Formatting only: rounding for display (whole euros, half away from zero) is the one
operation done here; every number itself comes from the engine.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, localcontext
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

LANGUAGES = ("nl", "en")
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


@cache
def _pattern(lang: str, kind: str, decimals: int) -> tuple[Locale, NumberPattern]:
    # Babel is imported when a number is first formatted: loading and validating a
    # scenario (which builds Text messages, see below) stays quick.
    from babel import Locale
    from babel.numbers import parse_pattern

    locale = Locale.parse(_LOCALES[lang])
    if kind == "currency":
        pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    elif kind == "percent":
        pattern = parse_pattern(locale.percent_formats[None].pattern)
    else:
        pattern = parse_pattern(locale.decimal_formats[None].pattern)
    pattern.frac_prec = (decimals, decimals)
    return locale, pattern


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


def money(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """Euros as the locale writes them, whole euros by default.

    >>> money(1234567.5, "nl"), money(-1234567.4, "nl"), money(1234567.5, "en")
    ('€ 1.234.568', '€ -1.234.567', '€1,234,568')
    >>> money(-0.4, "nl")
    '€ 0'
    """
    locale, pattern = _pattern(lang, "currency", decimals)
    with localcontext(_CONTEXT):  # Babel quantizes again, in the current context
        text: str = pattern.apply(
            _round(value, decimals),
            locale,
            currency="EUR",
            currency_digits=False,
            decimal_quantization=True,
        )
    return text.replace("\xa0", " ")


def number(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """A plain number in the locale's format.

    >>> number(1234.5, "nl", 1), number(1234.5, "en", 1)
    ('1.234,5', '1,234.5')
    """
    locale, pattern = _pattern(lang, "decimal", decimals)
    with localcontext(_CONTEXT):
        text: str = pattern.apply(_round(value, decimals), locale, decimal_quantization=True)
    return text


def percent(fraction: float, lang: str = "nl", decimals: int = 2) -> str:
    """A fraction as a percentage: 0.0225 → '2,25%'.

    >>> percent(0.0225, "nl"), percent(0.0225, "en")
    ('2,25%', '2.25%')
    """
    locale, pattern = _pattern(lang, "percent", decimals)
    with localcontext(_CONTEXT):
        shown = _round(fraction * 100, decimals + 2) / 100
        text: str = pattern.apply(shown, locale, decimal_quantization=True)
    return text.replace("\xa0", " ")


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
