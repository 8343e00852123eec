"""Numbers, money and percentages are written as CLDR's nl_NL and en_GB patterns write
them (Babel's output, byte for byte), without loading Babel's locale data at start-up."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import Decimal, localcontext

import pytest
from babel import Locale
from babel.numbers import parse_pattern

from pactcalc import i18n

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def babel_text(kind: str, value: float, lang: str, decimals: int) -> str:
    """What pactcalc wrote with Babel before: the locale's pattern, ``decimals`` decimals,
    applied to the value rounded half away from zero (the same ``_round``)."""
    locale = Locale.parse(LOCALES[lang])
    if kind == "money":
        pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    elif kind == "percent":
        pattern = parse_pattern(locale.percent_formats[None].pattern)
    else:
        pattern = parse_pattern(locale.decimal_formats[None].pattern)
    pattern.frac_prec = (decimals, decimals)
    with localcontext(i18n._CONTEXT):
        if kind == "percent":
            shown: Decimal = i18n._round(value * 100, decimals + 2) / 100
        else:
            shown = i18n._round(value, decimals)
        currency = "EUR" if kind == "money" else None
        text: str = pattern.apply(
            shown, locale, currency=currency, currency_digits=False, decimal_quantization=True
        )
    return text.replace("\xa0", " ")


EDGES = [
    0.0,
    -0.0,
    0.5,
    -0.5,
    1.005,
    -1.005,
    0.125,
    -0.125,
    999.5,
    -999.5,
    999_999.5,
    1e15,
    -1e15,
    1e28,
    1.7e308,
    -1.7e308,
    float("nan"),
    float("inf"),
    float("-inf"),
    1e-20,
    -1e-20,
    0.0049,
    -0.005,
    123_456_789.123456,
]


def _values() -> list[float]:
    rng = random.Random(5)
    drawn = [rng.choice((-1, 1)) * 10 ** rng.uniform(-6, 16) for _ in range(1500)]
    return EDGES + drawn + [round(v, rng.randint(0, 4)) for v in drawn]


@pytest.mark.parametrize("kind", ["money", "number", "percent"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_number_is_written_as_babel_writes_it(kind: str, lang: str) -> None:
    write = getattr(i18n, kind)
    for value in _values():
        for decimals in range(4):
            assert write(value, lang, decimals) == babel_text(kind, value, lang, decimals), (
                value,
                decimals,
            )


def test_the_written_forms_worked_out() -> None:
    # 1234567.5 → whole euros half away from zero: 1234568; groups of three
    assert i18n.money(1234567.5, "nl") == "€ 1.234.568"
    assert i18n.money(-1234567.5, "nl") == "€ -1.234.568"
    assert i18n.money(-1234567.5, "en") == "-€1,234,568"
    assert i18n.money(0.125, "nl", 2) == "€ 0,13"  # half a cent up
    assert i18n.number(-0.25, "en", 1) == "-0.3"
    assert i18n.number(float("nan"), "nl", 2) == "NaN,00"
    assert i18n.percent(0.0225, "nl") == "2,25%"
    assert i18n.percent(12.345, "en", 0) == "1,235%"  # 1234.5 % → 1235 %
    assert i18n.money(float("-inf"), "nl") == "€ -∞"


def test_formatting_loads_no_locale_database() -> None:
    """Babel (its import and its pickled locale data cost about 15 ms) stays out of a
    command that writes numbers."""
    code = (
        "import sys\nfrom pactcalc import i18n\n"
        "i18n.money(1.5, 'nl'); i18n.percent(0.1, 'en'); i18n.number(2, 'nl', 1)\n"
        "print('babel' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
