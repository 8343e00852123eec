"""Extreme numbers and percentages written as numbers get errors, never tracebacks
(issue 10, "Right to the cent" and "Extreme numbers").

Every case goes through ``pactcalc check``: exit code 2 (an invalid file, not "a check
failed"), the error at ``file:line:col``, and no traceback. The bounds are those of
:mod:`pactcalc.limits`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pactcalc import i18n, limits
from pactcalc.cli import app
from pactcalc.model import Check, json_schema, parse_check
from pactcalc.model.values import as_fraction
from pactcalc.pipeline import load_scenario_text

runner = CliRunner()

HEADER = """\
pactcalc: 1
name: Extreem
start_year: 2024
years: 2
"""
PARTNERS = """\
partners:
  - {id: gem, name: Gemeente}
"""
BASELINE = """\
baseline:
  - {name: Oude zorg, partner: gem, amount: 1000}
"""
DIGITS_400 = "1" + "0" * 399


def check(tmp_path: Path, text: str, *args: str) -> tuple[str, int]:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(
        app, ["check", str(path), "--lang", "en", *args], env={"GITHUB_ACTIONS": None}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout.replace(str(path), "FILE"), result.exit_code


#: (what, the scenario text, the text the caret points at (its first occurrence), the
#: code and words of the message)
CASES = [
    # --- numbers too large (PC309) --------------------------------------------------------
    (
        "literal amount 1e28",
        HEADER + PARTNERS + "baseline:\n  - {name: Oude zorg, partner: gem, amount: 1e28}\n",
        "1e28}",
        "PC309",
        "1e28 is too large",
    ),
    (
        "negative literal amount -1e28",
        HEADER + PARTNERS + "baseline:\n  - {name: Oude zorg, partner: gem, amount: -1e28}\n",
        "-1e28}",
        "PC309",
        "-1e28 is too large",
    ),
    (
        "parameter value of 400 digits: more than 30 digits is a typo (PC340), said first",
        HEADER + f"parameters:\n  p: {DIGITS_400}\n" + PARTNERS + BASELINE,
        DIGITS_400,
        "PC340",
        "has 400 digits; a number in a scenario has at most 30",
    ),
    (
        "parameter value of 30 digits: a number, but too large",
        HEADER + f"parameters:\n  p: {'1' * 30}\n" + PARTNERS + BASELINE,
        "1" * 30,
        "PC309",
        f"{'1' * 30} is too large",
    ),
    (
        "a number of 1e16 inside an expression",
        HEADER + PARTNERS + "baseline:\n  - {name: Oude zorg, partner: gem, amount: '2 * 1e16'}\n",
        "1e16'",
        "PC309",
        "1e16 is too large",
    ),
    (
        "1e400 inside an expression reads as infinity",
        HEADER + PARTNERS + "baseline:\n  - {name: Oude zorg, partner: gem, amount: '2 * 1e400'}\n",
        "1e400'",
        "PC309",
        "1e400 is too large",
    ),
    (
        "parameter low of -1e308",
        HEADER + "parameters:\n  p: {value: 1, low: -1e308, high: 2}\n" + PARTNERS + BASELINE,
        "-1e308",
        "PC309",
        "-1e308 is too large",
    ),
    (
        "parameter high of 1e400 (infinity)",
        HEADER + "parameters:\n  p: {value: 1, low: 0, high: 1e400}\n" + PARTNERS + BASELINE,
        "1e400",
        "PC309",
        "1e400 is too large",
    ),
    (
        "series entry",
        HEADER + "series:\n  s: [1, 1e16]\n" + PARTNERS + BASELINE,
        "1e16]",
        "PC309",
        "1e16 is too large",
    ),
    (
        "series entry in the long form",
        HEADER + "series:\n  s: {values: [1e16, 1]}\n" + PARTNERS + BASELINE,
        "1e16,",
        "PC309",
        "1e16 is too large",
    ),
    (
        "discount rate of 1e27",
        HEADER + "discount_rate: 1e27\n" + PARTNERS + BASELINE,
        "1e27",
        "PC309",
        "1e27 is too large",
    ),
    (
        "check bound of 1e400 reads as infinity",
        HEADER + PARTNERS + BASELINE + "checks:\n  - npv < 1e400\n",
        "1e400",
        "PC309",
        "1e400 is too large",
    ),
    (
        "check bound inside P(...)",
        HEADER + PARTNERS + BASELINE + "checks:\n  - P(npv > -1e20) >= 0.5\n",
        "-1e20",
        "PC309",
        "-1e20 is too large",
    ),
    (
        "weeks per year",
        HEADER + "weeks_per_year: 1e300\n" + PARTNERS + BASELINE,
        "1e300",
        "PC309",
        "1e300 is too large",
    ),
    # --- years (PC113) ----------------------------------------------------------------------
    (
        "start_year of 10^29",
        HEADER.replace("2024", "1" + "0" * 29) + PARTNERS + BASELINE,
        "1" + "0" * 29,
        "PC113",
        "start_year must be a year from 1900 to 2200",
    ),
    (
        "start_year of 1e29",
        HEADER.replace("2024", "1e29") + PARTNERS + BASELINE,
        "1e29",
        "PC113",
        "not 1e29",
    ),
    (
        "start_year before 1900",
        HEADER.replace("2024", "1899") + PARTNERS + BASELINE,
        "1899",
        "PC113",
        "not 1899",
    ),
    (
        "price_year after 2200",
        HEADER + "price_year: 2201\n" + PARTNERS + BASELINE,
        "2201",
        "PC113",
        "price_year must be a year from 1900 to 2200, not 2201",
    ),
    (
        "a line's until",
        HEADER + PARTNERS + "baseline:\n  - {name: O, partner: gem, amount: 1, until: 99999}\n",
        "99999",
        "PC113",
        "until must be a year",
    ),
    # --- percentages (PC307, PC308) --------------------------------------------------------
    (
        "discount rate 2.25 meant as 2.25 %",
        HEADER + "discount_rate: 2.25\n" + PARTNERS + BASELINE,
        "2.25",
        "PC307",
        "'2.25' means 225.00%: a discount rate is a fraction; write 0.0225 for 2.25%",
    ),
    (
        "discount rate of exactly 1 (100 %)",
        HEADER + "discount_rate: {value: 1, source: x}\n" + PARTNERS + BASELINE,
        "{value: 1",
        "PC307",
        "write 0.01 for 1%",
    ),
    (
        "indexation 3",
        HEADER + "indexation: 3\n" + PARTNERS + BASELINE,
        "3\n",
        "PC307",
        "indexation is a fraction; write 0.03 for 3%",
    ),
    (
        "deadweight 20",
        HEADER + PARTNERS + "benefits:\n  - {name: B, partner: gem, amount: 1, deadweight: 20}\n",
        "20}",
        "PC307",
        "an adjustment is a fraction; write 0.2 for 20%",
    ),
    (
        "default optimism bias 1",
        HEADER + "adjustments: {optimism_bias: {effort: 1}}\n" + PARTNERS + BASELINE,
        "1}}",
        "PC307",
        "write 0.01 for 1%",
    ),
    (
        "an adjustment that names a parameter of 15",
        HEADER
        + "parameters:\n  dw: 15\n"
        + PARTNERS
        + "benefits:\n  - {name: B, partner: gem, amount: 1, deadweight: dw}\n",
        "15\n",
        "PC307",
        "write 0.15 for 15%",
    ),
    (
        "discount rate far above 100 %",
        HEADER + "discount_rate: 5000\n" + PARTNERS + BASELINE,
        "5000",
        "PC307",
        "far above 100%: a discount rate is a fraction (0.0225 is 2.25%)",
    ),
    (
        "discount rate '2,25%' as text",
        HEADER + "discount_rate: 2,25%\n" + PARTNERS + BASELINE,
        "2,25%",
        "PC308",
        "'2,25%' is a percentage written as text; the file holds a fraction: write 0.0225",
    ),
    (
        "deadweight '20%' as text",
        HEADER + PARTNERS + "benefits:\n  - {name: B, partner: gem, amount: 1, deadweight: 20%}\n",
        "20%}",
        "PC308",
        "write 0.2",
    ),
    (
        "indexation quoted '2%'",
        HEADER + 'indexation: "2%"\n' + PARTNERS + BASELINE,
        '"2%"',
        "PC308",
        "write 0.02",
    ),
]


def line_col(text: str, token: str) -> str:
    """``line:col`` (1-based) of the first occurrence of ``token`` in ``text``."""
    offset = text.index(token)
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{col}"


def test_line_col() -> None:
    assert line_col("ab\ncd: 1e28\n", "1e28") == "2:5"


@pytest.mark.parametrize(
    ("text", "token", "code", "words"),
    [pytest.param(text, token, code, words, id=what) for what, text, token, code, words in CASES],
)
def test_an_error_at_its_place_with_exit_code_2(
    tmp_path: Path, text: str, token: str, code: str, words: str
) -> None:
    where = line_col(text, token)
    output, exit_code = check(tmp_path, text)
    assert exit_code == 2, output
    assert "Traceback" not in output
    assert f"FILE:{where}: error: {code} " in output, output
    assert words in output, output


@pytest.mark.parametrize("command", ["run", "simulate", "sensitivity"])
def test_other_commands_refuse_too_large_numbers_with_exit_code_2(
    tmp_path: Path, command: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        HEADER + PARTNERS + "baseline:\n  - {name: Oude zorg, partner: gem, amount: 1e28}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, [command, str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "PC309" in result.output
    assert "Traceback" not in result.output


def test_all_problems_at_once(tmp_path: Path) -> None:
    text = (
        HEADER.replace("2024", "1e29")
        + "discount_rate: 2.25\nparameters:\n  p: 1e28\n"
        + PARTNERS
        + BASELINE
        + "checks:\n  - npv < 1e400\n"
    )
    output, exit_code = check(tmp_path, text)
    assert exit_code == 2
    # start_year (PC113), p (PC309) and the check (PC309) are refused by the readers; the
    # discount rate is checked on the scenario once they are (PC307 needs a valid file)
    assert "FILE:3:13: error: PC113" in output
    assert "FILE:7:6: error: PC309" in output  # line 7: "  p: 1e28"
    assert "FILE:13:11: error: PC309" in output  # line 13: "  - npv < 1e400"


# --- the bounds themselves ------------------------------------------------------------------


def test_bounds_are_inclusive_below_and_exclusive_at_the_limit() -> None:
    assert limits.number_within_bounds(999_999_999_999_999.0)  # 1e15 − 1
    assert not limits.number_within_bounds(1e15)
    assert not limits.number_within_bounds(-1e15)
    assert not limits.number_within_bounds(float("inf"))
    assert not limits.number_within_bounds(float("nan"))
    assert limits.MAX_ABS_NUMBER_TEXT == "1e15"


def test_largest_allowed_amount_computes(tmp_path: Path) -> None:
    text = HEADER + PARTNERS + "baseline:\n  - {name: Oude zorg, partner: gem, amount: 9.9e14}\n"
    output, exit_code = check(tmp_path, text)
    assert exit_code == 0, output


@pytest.mark.parametrize(
    ("rate", "codes"),
    [
        ("0.0225", []),
        ("0.1", []),  # 10 %: the edge of the usual range
        ("0.5", ["PC301"]),  # 50 %: unusual, a warning
        ("0.9999", ["PC301"]),
        ("1", ["PC307"]),  # 100 %: a percentage written as a number
        ("-0.01", ["PC301"]),
        ("-1", ["PC132"]),
    ],
)
def test_discount_rate_ranges(rate: str, codes: list[str]) -> None:
    document = load_scenario_text(
        HEADER + f"discount_rate: {rate}\n" + PARTNERS + BASELINE, "x.yaml"
    )
    assert [p.code for p in document.problems] == codes


def test_indexation_of_minus_one_or_below_is_an_error() -> None:
    document = load_scenario_text(HEADER + "indexation: -1\n" + PARTNERS + BASELINE, "x.yaml")
    assert [p.code for p in document.problems] == ["PC113"]
    assert "greater than -1 (-100%)" in document.problems[0].message("en")


def test_adjustment_just_below_one_is_still_a_fraction() -> None:
    text = (
        HEADER + PARTNERS + "benefits:\n  - {name: B, partner: gem, amount: 1, deadweight: 0.99}\n"
    )
    assert load_scenario_text(text, "x.yaml").problems == []


@pytest.mark.parametrize(
    ("written", "fraction"),
    [("2.25", "0.0225"), ("20", "0.2"), ("2,25", "0.0225"), ("1", "0.01"), ("12.5", "0.125")],
)
def test_the_suggested_fraction_is_written_without_float_noise(written: str, fraction: str) -> None:
    assert as_fraction(written) == fraction


def test_check_bounds_beyond_the_limit_are_problems() -> None:
    for text in ("npv < 1e400", "npv > -1e16", "P(npv > 1e300) >= 0.5", "P5(npv) > 1e20"):
        parsed = parse_check(text)
        assert not isinstance(parsed, Check), text
        assert parsed.code == "PC309", text
    assert isinstance(parse_check("npv > 999999999999999"), Check)


def test_json_schema_carries_the_bounds() -> None:
    schema = json_schema()
    parameter_value = schema["$defs"]["Parameter"]["properties"]["value"]
    assert parameter_value["exclusiveMaximum"] == limits.MAX_ABS_NUMBER
    assert parameter_value["exclusiveMinimum"] == -limits.MAX_ABS_NUMBER
    start_year = schema["properties"]["start_year"]
    assert (start_year["minimum"], start_year["maximum"]) == (1900, 2200)
    rate = schema["$defs"]["DiscountRate"]["properties"]["value"]
    assert (rate["exclusiveMinimum"], rate["exclusiveMaximum"]) == (-1, 1)
    shorthand = schema["properties"]["discount_rate"]["anyOf"][0]
    assert shorthand["exclusiveMaximum"] == 1
    fraction = schema["$defs"]["BenefitLine"]["properties"]["deadweight"]["anyOf"][0]
    assert fraction["anyOf"][0]["exclusiveMaximum"] == 1


# --- formatting never fails -------------------------------------------------------------------


@pytest.mark.parametrize("value", [1e28, -1e27, 1e308, -1.7976931348623157e308, 5e-324])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_formatting_huge_values_never_raises(value: float, lang: str) -> None:
    # decimal's default context holds 28 digits: 1e28 quantized to whole euros needs 29
    assert i18n.money(value, lang)
    assert i18n.money(value, lang, 2)
    assert i18n.number(value, lang, 1)
    assert i18n.percent(value / 1000, lang)


def test_formatting_huge_values_is_exact() -> None:
    assert i18n.money(1e28, "nl") == "€ 10.000.000.000.000.000.000.000.000.000"  # 1 and 28 zeros
    assert i18n.number(-1e27, "en", 2) == "-1,000,000,000,000,000,000,000,000,000.00"
    assert i18n.money(-4.5e-13, "nl", 2) == "€ 0,00"  # no "€ -0,00"


def test_formatting_not_a_number_does_not_raise() -> None:
    assert i18n.money(float("inf"), "nl") == "€ ∞"
    assert i18n.number(float("nan"), "en") == "NaN"
