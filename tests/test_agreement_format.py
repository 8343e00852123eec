"""The agreement's format errors (DOMAIN.md §7 "Rules of the format"): one test per class,
each at its file:line:col, and all of a file's problems at once."""

from __future__ import annotations

import pytest

from pactcalc.pipeline import load_scenario_text

HEAD = """\
pactcalc: 1
name: Pact
start_year: 2024
years: 2
parameters: {clienten: 10}
partners:
  - {id: gemeente, name: Gemeente}
  - {id: wmo, name: Wmo-aanbieder}
budget: [{name: B, partner: gemeente, amount: 5000}]
effort:
  - {name: Begeleiding, partner: wmo, amount: 1000}
  - {name: Eigen, partner: wmo, amount: 10, paid_from: own}
kpis:
  uitstroom: {name: Uitstroom, direction: higher, value: clienten, reference: 0}
"""  # 14 lines: what a case adds starts on line 15


def problems(body: str) -> list[tuple[str, int | None, int | None]]:
    document = load_scenario_text(HEAD + body, "p.yaml")
    return [(p.code, p.line, p.col) for p in document.problems]


def at(body: str, line: int, marker: str) -> tuple[int, int]:
    """Line and column (1-based) of ``marker`` on ``line`` of HEAD + body."""
    text = (HEAD + body).splitlines()[line - 1]
    return line, text.index(marker) + 1


def test_valid_agreement_has_no_problem() -> None:
    assert problems("agreement: [{name: L, rule: lumpsum, payer: gemeente, receiver: wmo}]\n") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a key of another kind of rule, at the key
        (
            "agreement: [{name: L, rule: lumpsum, "
            "payer: gemeente, receiver: wmo, kpi: uitstroom}]\n",
            [("PC400", 15, "kpi:")],
        ),
        # a key the kind needs (contribution without amount), at the rule
        (
            "agreement: [{name: C, rule: contribution, payer: gemeente, receiver: wmo}]\n",
            [("PC101", 15, "{name")],
        ),
        # shares summing to more than 1
        (
            "agreement: [{name: G, rule: gain_share, "
            "payer: gemeente, shares: {wmo: 1.0, x: 0.5}}]\n",
            [("PC401", 15, "{wmo"), ("PC121", 15, "x:")],
        ),
        # a covered line paid from own funds
        (
            "agreement: [{name: L, rule: lumpsum, "
            "payer: gemeente, receiver: wmo, covers: [Eigen]}]\n",
            [("PC402", 15, "Eigen")],
        ),
        # payer equal to receiver
        (
            "agreement: [{name: C, rule: contribution, payer: wmo, receiver: wmo, amount: 1}]\n",
            [("PC403", 15, "wmo, amount")],
        ),
        # an unknown partner, with "did you mean"
        (
            "agreement: [{name: C, rule: contribution, "
            "payer: gemeent, receiver: wmo, amount: 1}]\n",
            [("PC121", 15, "gemeent,")],
        ),
        # an unknown KPI
        (
            "agreement: [{name: O, rule: outcome_payment, payer: gemeente, receiver: wmo, "
            "kpi: uitstrom, price: 1}]\n",
            [("PC404", 15, "uitstrom")],
        ),
        # a fraction outside [0, 1]
        (
            "agreement: [{name: G, rule: gain_share, payer: gemeente, shares: {wmo: 0.5}, "
            "minimum_rate: 5}]\n",
            [("PC405", 15, "5}]")],
        ),
        # a negative cap
        (
            "agreement: [{name: G, rule: gain_share, payer: gemeente, shares: {wmo: 0.5}, "
            "cap: -1}]\n",
            [("PC406", 15, "-1")],
        ),
        # an unknown name in a rule's expression
        (
            "agreement: [{name: C, rule: contribution, payer: gemeente, receiver: wmo, "
            "amount: clienten * prijs}]\n",
            [("PC123", 15, "prijs")],
        ),
        # from after until
        (
            "agreement: [{name: C, rule: contribution, payer: gemeente, receiver: wmo, "
            "amount: 1, from: 2025, until: 2024}]\n",
            [("PC126", 15, "2025")],
        ),
        # duplicate rule names
        (
            "agreement:\n  - {name: C, rule: contribution, "
            "payer: gemeente, receiver: wmo, amount: 1}"
            "\n  - {name: C, rule: contribution, payer: gemeente, receiver: wmo, amount: 2}\n",
            [("PC116", 17, "C,")],
        ),
    ],
)
def test_format_error(body: str, expected: list[tuple[str, int, str]]) -> None:
    assert problems(body) == [(code, *at(body, line, marker)) for code, line, marker in expected]


def test_kpi_id_clashing_with_a_parameter() -> None:
    text = HEAD.replace("  uitstroom: {", "  clienten: {")
    document = load_scenario_text(text, "p.yaml")
    assert [(p.code, p.line, p.col) for p in document.problems] == [("PC116", 14, 3)]
    assert "line 5" in document.problems[0].message("en")


def test_unknown_name_in_a_kpi_and_a_wrong_target_length() -> None:
    text = HEAD.replace("value: clienten,", "value: klanten, target: [1, 2, 3],")
    document = load_scenario_text(text, "p.yaml")
    assert [p.code for p in document.problems] == ["PC123", "PC120"]


def test_all_problems_at_once() -> None:
    body = (
        "agreement:\n"
        "  - {name: C, rule: contribution, payer: wmo, receiver: wmo, amount: 1}\n"
        "  - {name: G, rule: gain_share, payer: gemeente, shares: {wmo: 2}, cap: -1}\n"
        "checks:\n  - kpi_last[uitstrom] >= 1\n"
    )
    codes = sorted(p.code for p in load_scenario_text(HEAD + body, "p.yaml").problems)
    assert codes == ["PC134", "PC401", "PC403", "PC405", "PC406"]


def test_check_on_an_unknown_kpi_names_the_kpis() -> None:
    document = load_scenario_text(HEAD + "checks:\n  - kpi_last[uitstrom] >= 1\n", "p.yaml")
    [problem] = document.problems
    assert problem.message("en") == "unknown KPI 'uitstrom' in the check; did you mean 'uitstroom'?"


def test_value_errors_read_like_the_rest_of_the_format() -> None:
    body = (
        "agreement:\n"
        "  - {name: C, rule: bijdrage, payer: gemeente, receiver: wmo, amout: 1}\n"
        "  - {name: D, rule: outcome_payment, payer: gemeente, receiver: wmo, kpi: uitstroom,"
        " price: '12'}\n"
    )
    document = load_scenario_text(HEAD.replace("higher", "hoger") + body, "p.yaml")
    codes = [p.code for p in document.problems]
    # direction not a choice; rule not a choice; a misspelt key; a quoted number
    assert codes == ["PC114", "PC114", "PC102", "PC104"]
    assert "did you mean 'amount'" in document.problems[2].message("en")
