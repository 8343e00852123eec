"""Money, numbers and percentages are written without Babel (its locale data took most of
a ``run``'s own time to load), exactly as Babel's CLDR patterns for nl_NL and en_GB
wrote them: the former implementation is rebuilt here and compared over many values."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import localcontext

import pytest

from pactcalc import i18n

babel_numbers = pytest.importorskip("babel.numbers")
babel = pytest.importorskip("babel")

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _babel(kind: str, lang: str, decimals: int):  # the former i18n._pattern
    locale = babel.Locale.parse(_LOCALES[lang])
    if kind == "currency":
        pattern = babel_numbers.parse_pattern(locale.currency_formats["standard"].pattern)
    elif kind == "percent":
        pattern = babel_numbers.parse_pattern(locale.percent_formats[None].pattern)
    else:
        pattern = babel_numbers.parse_pattern(locale.decimal_formats[None].pattern)
    pattern.frac_prec = (decimals, decimals)
    return locale, pattern


def babel_money(value: float, lang: str, decimals: int) -> str:
    locale, pattern = _babel("currency", lang, decimals)
    with localcontext(i18n._CONTEXT):
        text = pattern.apply(
            i18n._round(value, decimals),
            locale,
            currency="EUR",
            currency_digits=False,
            decimal_quantization=True,
        )
    return text.replace("\xa0", " ")


def babel_number(value: float, lang: str, decimals: int) -> str:
    locale, pattern = _babel("decimal", lang, decimals)
    with localcontext(i18n._CONTEXT):
        return pattern.apply(i18n._round(value, decimals), locale, decimal_quantization=True)


def babel_percent(fraction: float, lang: str, decimals: int) -> str:
    locale, pattern = _babel("percent", lang, decimals)
    with localcontext(i18n._CONTEXT):
        shown = i18n._round(fraction * 100, decimals + 2) / 100
        text = pattern.apply(shown, locale, decimal_quantization=True)
    return text.replace("\xa0", " ")


def _values() -> list[float]:
    """Edges (zero, halves, signs, huge, tiny, not a number) and random values of every
    magnitude."""
    edges = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.005, -0.005, 0.004999, 0.0049999999]
    edges += [1234567.5, -1234567.4, 999.5, 999999.5, -999.5, 1e28, -1e28, 1.8e308, 5e-324]
    edges += [0.0225, -0.0225, 0.99995, 0.000049, -0.000051, 123.456789, 1e15 + 0.5]
    edges += [float("inf"), float("-inf"), float("nan")]
    rng = random.Random(10)
    drawn = [rng.uniform(-1, 1) * 10 ** rng.randint(-6, 12) for _ in range(3000)]
    rounded = [round(v, rng.randint(0, 4)) + rng.choice((0, 0.5, 0.05, 0.005)) for v in drawn]
    return edges + drawn + rounded


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
def test_money_number_and_percent_equal_babel(lang: str, decimals: int) -> None:
    for value in _values():
        assert i18n.money(value, lang, decimals) == babel_money(value, lang, decimals), value
        assert i18n.number(value, lang, decimals) == babel_number(value, lang, decimals), value
        fraction = value / 1000
        assert i18n.percent(fraction, lang, decimals) == babel_percent(fraction, lang, decimals), (
            fraction
        )


def test_formats_as_written_out() -> None:
    # by hand: grouping by three, the nl sign after the euro sign, en before it
    assert i18n.money(-1234.5, "nl", 2) == "€ -1.234,50"
    assert i18n.money(-1234.5, "en", 2) == "-€1,234.50"
    assert i18n.number(1234567, "nl") == "1.234.567"
    assert i18n.percent(-0.00001, "nl", 2) == "-0,00%"  # the sign of −0,001 %, as Babel
    assert i18n.money(float("nan"), "nl", 2) == "€ NaN,00"
    assert i18n.number(float("-inf"), "en", 1) == "-∞"


def test_formatting_does_not_import_babel() -> None:
    code = (
        "import sys\nfrom pactcalc import i18n\n"
        "i18n.money(1.5, 'nl'); i18n.number(2, 'en', 1); i18n.percent(0.1, 'nl')\n"
        "print(any(m == 'babel' or m.startswith('babel.') for m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
