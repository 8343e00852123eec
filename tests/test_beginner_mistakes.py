"""Issue 10: extreme numbers and expressions are errors (never tracebacks), beginner
mistakes get messages that name the mistake and its fix, and checks accept the Dutch
labels the output shows. The exact output of one file per class is pinned in
``tests/errors/`` (PC006-tab, PC102-dedented-parameter, PC122-percentage, PC340-…,
PC341-…); these tests cover each class more widely, in both languages.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from pactcalc import expressions, loader, metrics
from pactcalc.cli import app
from pactcalc.expressions import (
    MAX_EXPRESSION_CHARS,
    MAX_EXPRESSION_NESTING,
    MAX_EXPRESSION_TERMS,
    ExpressionError,
    beginner_fix,
)
from pactcalc.i18n import Text
from pactcalc.loader import MAX_NUMBER_DIGITS
from pactcalc.model.checks import Check, parse_check
from pactcalc.pipeline import load_scenario_text, run_file
from pactcalc.problems import Problem

runner = CliRunner()

HEAD = "pactcalc: 1\nname: Klein scenario\nstart_year: 2024\nyears: 2\n"
PARTNERS = "partners:\n  - {id: ggz, name: GGZ Middelstad}\n  - {id: wmo, name: Wmo-loket}\n"


def scenario(amount: str = "1000", check: str = "npv > -1e9", extra: str = "") -> str:
    """A small valid scenario with one effort line of ``amount`` and one check."""
    return (
        HEAD
        + "parameters:\n  clients: 10\n"
        + extra
        + PARTNERS
        + "effort:\n  - name: Begeleiding\n    partner: ggz\n"
        + f"    amount: {amount}\n    paid_from: own\n"
        + f"checks:\n  - {check}\n"
    )


def problems_of(text: str) -> list[Problem]:
    return load_scenario_text(text, "s.yaml").problems


def codes(text: str) -> list[str]:
    return [p.code for p in problems_of(text)]


def words(value: Any, lang: str = "en") -> str:
    return value.text(lang) if isinstance(value, Text) else str(value)


def message(text: str, code: str, lang: str = "en") -> str:
    found = [p for p in problems_of(text) if p.code == code]
    assert found, [p.code for p in problems_of(text)]
    return found[0].message(lang)


def check_cli(tmp_path: Any, text: str, lang: str = "en") -> tuple[str, int]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--lang", lang], env={"GITHUB_ACTIONS": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout, result.exit_code


# --- extreme numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "1" * 400,  # beyond a float: OverflowError before
        "-" + "9" * 400,
        "1" * 5000,  # beyond Python's int-from-text limit (4,300 digits)
        "1" * (MAX_NUMBER_DIGITS + 1),
        "0." + "1" * MAX_NUMBER_DIGITS,  # 31 digits with the 0
        "1" * 400 + ".5e3",
    ],
)
@pytest.mark.parametrize("field", ["parameter", "amount", "years", "quoted amount"])
def test_a_number_of_too_many_digits_is_pc340(tmp_path: Any, written: str, field: str) -> None:
    if field == "parameter":
        text = scenario(extra=f"  big: {written}\n")
    elif field == "amount":
        text = scenario(amount=written)
    elif field == "quoted amount":
        text = scenario(amount=f"'clients * {written}'")
    else:
        text = scenario().replace("years: 2", f"years: {written}")
    # a quoted expression of more than 1,000 characters is too long before anything else
    too_long = field == "quoted amount" and len(written) > 1000
    assert codes(text) == (["PC341"] if too_long else ["PC340"])
    output, exit_code = check_cli(tmp_path, text)
    assert exit_code == 2
    assert "Traceback" not in output
    digits = sum(c.isdigit() for c in written.split("e")[0])
    if not too_long:
        assert f"has {digits} digits; a number in a scenario has at most 30" in output


def test_thirty_digits_are_still_a_number() -> None:
    # 30 digits are read as a number: not PC340, but 1.1e29 is beyond the bound of 1e15
    # (PC309); 15 digits below it (1.1e14) are a number a scenario may hold
    assert codes(scenario(extra=f"  big: {'1' * MAX_NUMBER_DIGITS}\n")) == ["PC309"]
    assert codes(scenario(extra=f"  big: {'1' * 15}\n")) == []
    assert loader.overlong_number("1" * 30) is None  # 30 digits: accepted
    assert loader.overlong_number("1" * 31) == 31


def test_pc340_in_dutch() -> None:
    text = scenario(amount="1" * 400)
    assert message(text, "PC340", "nl").startswith(
        "het getal 111111111111…111111 heeft 400 cijfers"
    )


@pytest.mark.parametrize(
    ("check", "code"),
    [
        ("npv > 1e400", "PC309"),  # read as infinity, every '<' would pass: too large
        (f"npv < {'1' * 400}", "PC340"),  # more than 30 digits: a typo, said before the size
        (f"P(npv > {'1' * 400}) >= 0.5", "PC340"),
        ("P(npv > 1e999) >= 0.5", "PC309"),
        (f"npv < {'1' * 30}", "PC309"),  # 30 digits: a number, but beyond 1e15
    ],
)
def test_an_extreme_bound_in_a_check_is_an_error(tmp_path: Any, check: str, code: str) -> None:
    assert codes(scenario(check=check)) == [code]
    _, exit_code = check_cli(tmp_path, scenario(check=check))
    assert exit_code == 2


def test_a_too_large_number_inside_an_expression_is_pc309() -> None:
    # 1e400 is written as a number (and would read as infinity): too large, as in the YAML
    assert codes(scenario(amount="clients * 1e400")) == ["PC309"]
    assert codes(scenario(amount="clients * 1e15")) == ["PC309"]  # the bound itself
    assert codes(scenario(amount="clients * 9e14")) == []


# --- expression limits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        ("-" * 100_000 + "1", "100001 characters, at most 1000"),  # MemoryError before
        ("1" + " + 1" * 999, "3997 characters, at most 1000"),  # 1,000 terms: RecursionError
        ("1" + "+1" * 149, "150 numbers and names, at most 100"),
        ("-" * 31 + "1", "brackets, signs and min/max nested 31 levels deep, at most 30"),
        (
            "2 * (" * 32 + "1" + ")" * 32,
            "brackets, signs and min/max nested 31 levels deep, at most 30",
        ),
        (
            "max(1, " * 31 + "1" + ")" * 31,
            "brackets, signs and min/max nested 31 levels deep, at most 30",
        ),
        (
            "1 - (" * 32 + "1" + ")" * 32,
            "brackets, signs and min/max nested 31 levels deep, at most 30",
        ),
    ],
)
def test_an_expression_beyond_the_limits_is_pc341(tmp_path: Any, amount: str, reason: str) -> None:
    text = scenario(amount=amount)
    assert message(text, "PC341") == (
        f"the expression is too large: {reason}; split it into parameters or series"
    )
    output, exit_code = check_cli(tmp_path, text)
    assert exit_code == 2
    assert "Traceback" not in output


def test_an_expression_at_the_limits_computes(tmp_path: Any) -> None:
    # 99 terms of 1 → 99 € a year, and 30 signs before 1000: +1000 (an even number of
    # minus signs); 100 terms in all
    at_terms = "1" + "+1" * (MAX_EXPRESSION_TERMS - 2)
    at_nesting = "-" * MAX_EXPRESSION_NESTING + "1000"
    long_text = "1" + " " * (MAX_EXPRESSION_CHARS - 2) + "0"  # 1000 characters: "1 … 0"?
    assert len(long_text) == MAX_EXPRESSION_CHARS
    assert expressions.parse(at_terms).text == at_terms
    assert expressions.parse(at_nesting).text == at_nesting
    with pytest.raises(ExpressionError):  # 1000 characters are read; "1    0" is no number
        expressions.parse(long_text)
    path = tmp_path / "s.yaml"
    path.write_text(scenario(amount=f"'{at_terms} + {at_nesting}'"), encoding="utf-8")
    document = run_file(path)
    assert document.ok, [p.message("en") for p in document.problems]
    assert document.result is not None
    # 99 + 1000 = 1099 € effort a year for two years: 2198 in total
    assert float(document.result.metric("effort_total")) == pytest.approx(2198.0)


def test_a_flat_sum_is_one_level_of_nesting() -> None:
    # a + b + c … is a chain, not 99 nested levels: within the limits
    expressions.parse(" + ".join(["clients"] * MAX_EXPRESSION_TERMS))


# --- beginner mistakes in amounts and checks ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("€ 25.000", "25000"),
        ("€25.000,50", "25000.50"),
        ("EUR 1.250.000 * clients", "1250000 * clients"),
        ("75000 euro", "75000"),
        ("75000 euro per jaar", "75000"),
        ("75000 per year", "75000"),
        ("clients * 110%", "clients * 1.1"),
        ("clients * 2,25%", "clients * 0.0225"),  # 2.25 / 100 = 0.0225
        ("(clients * 80 %) * 100", "(clients * 0.8) * 100"),
    ],
)
def test_beginner_fix_writes_the_amount_as_it_should_be(written: str, fixed: str) -> None:
    found = beginner_fix(written)
    assert found is not None
    assert found[1] == fixed
    expressions.parse(fixed)  # the suggestion reads


@pytest.mark.parametrize(
    ("amount", "en", "nl"),
    [
        (
            "€ 25.000",
            "leave out '€' and the thousands dot; write 25000",
            "laat '€' en de punt tussen de duizendtallen weg; schrijf 25000",
        ),
        ("75000 euro", "leave out 'euro'; write 75000", "laat 'euro' weg; schrijf 75000"),
        (
            "clients * 110%",
            "write a percentage as a fraction (110% is 1.1); write clients * 1.1",
            "schrijf een percentage als fractie (110% is 1.1); schrijf clients * 1.1",
        ),
    ],
)
def test_beginner_mistakes_in_an_amount_are_named(amount: str, en: str, nl: str) -> None:
    text = scenario(amount=amount)
    assert message(text, "PC122", "en").endswith(f"cannot be read: {en}")
    assert message(text, "PC122", "nl").endswith(f"is niet te lezen: {nl}")


def test_an_ordinary_syntax_error_keeps_its_message() -> None:
    assert message(scenario(amount="'(clients * 100'"), "PC122").endswith(
        "check the brackets and operators"
    )


@pytest.mark.parametrize(
    ("check", "reason"),
    [
        (
            "P(npv > 0) >= 80%",
            "write a percentage as a fraction (80% is 0.8); write P(npv > 0) >= 0.8",
        ),
        ("npv > € 0", "leave out '€'; write npv > 0"),
        ("npv = 0", "use <, <=, > or >="),
        ("npv == 0", "use <, <=, > or >="),
        ("P(npv > 0) >= 0,8", "use a decimal point"),
    ],
)
def test_beginner_mistakes_in_a_check_are_named(check: str, reason: str) -> None:
    problem = parse_check(check)
    assert isinstance(problem, Problem)
    assert problem.code == "PC131"
    assert words(problem.args["reason"]) == reason


def test_a_check_with_greater_or_equal_is_never_told_to_use_it() -> None:
    problem = parse_check("P(npv > 0) >= 80%")
    assert isinstance(problem, Problem)
    assert "use <, <=, > or >=" not in problem.message("en")


# --- YAML syntax ----------------------------------------------------------------------------------


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's parser and PyYAML's pure one word their errors differently."""
    if request.param == "python":
        monkeypatch.setattr(loader, "_LOADER", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("libyaml not available")


SYNTAX = {
    "tab": (
        HEAD + "parameters:\n\tclients: 10\n",
        (6, 1),
        "a tab in the indentation; YAML allows no tabs: use spaces",
        "een tab in het inspringen; YAML staat geen tabs toe: gebruik spaties",
    ),
    "tab deeper": (
        HEAD + "parameters:\n  rate:\n  \t value: 3\n",
        (7, 3),
        "a tab in the indentation; YAML allows no tabs: use spaces",
        "een tab in het inspringen; YAML staat geen tabs toe: gebruik spaties",
    ),
    "key too far": (
        HEAD + "parameters:\n  clients: 10\n    hours: 4\n",
        (7, 10),
        "this key is indented further (4 spaces) than the line above it (2), which has a "
        "value already; indent the keys of one mapping equally",
        "deze sleutel springt verder in (4 spaties) dan de regel erboven (2), die al een "
        "waarde heeft; zet sleutels van dezelfde mapping even ver in",
    ),
    "list item": (
        HEAD + "partners:\n  - id: ggz\n    name: GGZ\n   - id: wmo\n",
        (8, 4),
        "this list item ('-', indented 3 spaces) is not in line with the items above it; "
        "indent the '-' of every item equally",
        "dit lijstitem ('-', 3 spaties ingesprongen) staat niet in lijn met de items erboven; "
        "zet de '-' van alle items even ver in",
    ),
    "colon in a value": (
        HEAD + "note: Housing: First\n",
        (5, 14),
        "a ': ' inside a value; put the value in quotes",
        "een ': ' midden in een waarde; zet de waarde tussen aanhalingstekens",
    ),
}


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("case", list(SYNTAX))
def test_yaml_syntax_errors_name_the_mistake(case: str) -> None:
    text, position, en, nl = SYNTAX[case]
    found = [p for p in load_scenario_text(text, "s.yaml").problems if p.code == "PC006"]
    assert len(found) == 1
    problem = found[0]
    assert (problem.line, problem.col) == position
    assert problem.message("en") == (
        f"YAML syntax error: {en}. pactcalc stops reading here: more problems may follow "
        "after this one"
    )
    assert problem.message("nl") == (
        f"YAML-syntaxfout: {nl}. pactcalc leest hier niet verder: na deze fout kunnen er nog "
        "meer volgen"
    )


# --- unknown keys and names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "dedented",
    ["caseload: 12\n", "caseload: 1.5e3\n", "hourly_rate:\n  value: 80\n  unit: EUR/hour\n"],
)
def test_a_dedented_parameter_is_named_without_a_misleading_suggestion(dedented: str) -> None:
    text = scenario().replace(PARTNERS, dedented + PARTNERS)
    found = [p for p in problems_of(text) if p.code == "PC102"]
    assert len(found) == 1
    assert (
        found[0]
        .message("en")
        .endswith(
            "; it looks like a parameter that lost its indentation: indent it under 'parameters:'"
        )
    )
    assert "did you mean" not in found[0].message("en")
    assert "zet hem ingesprongen onder 'parameters:'" in found[0].message("nl")


def test_an_unknown_top_level_key_that_is_no_parameter_keeps_its_suggestion() -> None:
    text = scenario().replace("name: Klein scenario\n", "name: Klein scenario\nnmae: x\n")
    assert message(text, "PC102") == "unknown key 'nmae'; did you mean 'name'?"


@pytest.mark.parametrize(
    ("written", "metric"),
    [
        ("terugverdientijd", "payback_years"),
        ("Terugverdientijd", "payback_years"),
        ("NCW", "npv"),
        ("ncw", "npv"),
        ("NPV", "npv"),
        ("Netto contante waarde", "npv"),
        ("netto_contante_waarde", "npv"),
        ("laagste_ruimte", "headroom_min"),
        ("verdisconteerde terugverdientijd", "discounted_payback_years"),
    ],
)
def test_checks_accept_the_labels_the_output_shows(written: str, metric: str) -> None:
    for form in (f"{written} > 0", f"P({written} > 0) >= 0.5", f"P50({written}) > 0"):
        parsed = parse_check(form)
        assert isinstance(parsed, Check), form
        assert parsed.metric == metric
        assert parsed.text == form  # shown as written


def test_a_partner_metric_alias_with_a_partner() -> None:
    parsed = parse_check("saldo[ggz] >= 0")
    assert isinstance(parsed, Check)
    assert (parsed.metric, parsed.partner) == ("net_total", "ggz")


def test_aliases_come_from_the_registry_and_are_unambiguous() -> None:
    table = metrics.aliases()
    for metric in metrics.REGISTRY.values():
        assert table[metric.name] == metric.name
        for label in (metric.nl, metric.en, metric.short_nl, metric.short_en):
            word = metrics._normalised(label) if label else ""
            labelled = [
                m.name
                for m in metrics.REGISTRY.values()
                if word
                in {metrics._normalised(x) for x in (m.nl, m.en, m.short_nl, m.short_en) if x}
            ]
            if (
                word
                and len(labelled) == 1
                and (word not in metrics.REGISTRY or word == metric.name)
            ):
                assert table[word] == metric.name
            elif word:
                assert word not in table or word in metrics.REGISTRY
    assert metrics.by_alias("Kosten") == "costs_total"
    assert metrics.by_alias("onzin") is None


@pytest.mark.parametrize(
    ("check", "en"),
    [
        (
            "rendament > 0",
            "unknown metric 'rendament' in the check (valid: effort_total, budget_total, "
            "headroom_total, headroom_min, investment_total, baseline_total, savings_total, "
            "benefits_total, npv, roi, bcr, mkba_ratio, payback_years, discounted_payback_years)",
        ),
        (
            "npv[ggz] > 0",  # npv is not indexed: the per-partner and per-KPI ones are listed
            "unknown metric 'npv' in the check (valid: effort_total, baseline_total, "
            "benefits_total, pays_total, net_total, settlement_total, net_settled_total, "
            "kpi_last, kpi_total)",
        ),
        (
            "net_total[gz] > 0",
            "unknown partner 'gz' in the check; did you mean 'ggz'? (valid: ggz, wmo)",
        ),
        (
            "net_total[GGZ Middelstad] > 0",
            "unknown partner 'GGZ Middelstad' in the check; that is the name of partner "
            "'ggz': use the id 'ggz'",
        ),
        (
            "net_total[wmo-LOKET] > 0",
            "unknown partner 'wmo-LOKET' in the check; that is the name of partner 'wmo': use "
            "the id 'wmo'",
        ),
    ],
)
def test_unknown_names_in_a_check_list_the_valid_ones(check: str, en: str) -> None:
    assert message(scenario(check=check), "PC134") == en


def test_a_partner_name_in_a_line_says_which_id_to_use() -> None:
    text = scenario().replace("partner: ggz", "partner: ggz middelstad")
    assert message(text, "PC121") == (
        "partner 'ggz middelstad' is not declared under 'partners'; that is the name of "
        "partner 'ggz': use the id 'ggz'"
    )
    assert message(text, "PC121", "nl").endswith("gebruik de id 'ggz'")
    unknown = scenario().replace("partner: ggz", "partner: gemeente")
    assert message(unknown, "PC121") == (
        "partner 'gemeente' is not declared under 'partners' (valid: ggz, wmo)"
    )
