"""Tests for the lines and branches the other test files leave out, in engine, loader,
expressions and uncertainty (finance is fully covered already).

Every expected value is worked out by hand from DOMAIN.md (§2, §3, §6) or from the source
text, and the reasoning is written beside the assertion.
"""

from __future__ import annotations

import ast
import os
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from pactcalc import loader, uncertainty
from pactcalc.engine import InputItem, Result
from pactcalc.expressions import Expression, ExpressionError, parse
from pactcalc.expressions import evaluate as evaluate_expression
from pactcalc.i18n import Text
from pactcalc.loader import MAX_BYTES, MAX_DEPTH, Loaded, load_file, load_text, resolve_plain
from pactcalc.model import Check, Scenario, evaluate_check, parse_check
from pactcalc.pipeline import Document, evaluate, load_scenario_text

# --- helpers -----------------------------------------------------------------------------------


def describe(document: Document) -> list[tuple[str, int | None, str]]:
    return [(p.code, p.line, p.message("en")) for p in document.problems]


def document_of(text: str) -> Document:
    """A scenario text that must load and compute without any problem."""
    document = evaluate(load_scenario_text(textwrap.dedent(text), "t.yaml"))
    assert document.problems == [], describe(document)
    assert document.result is not None
    return document


def result_of(text: str) -> Result:
    result = document_of(text).result
    assert result is not None
    return result


def scenario_of(text: str) -> Scenario:
    scenario = document_of(text).scenario
    assert scenario is not None
    return scenario


def problems(loaded: Loaded) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.col) for p in loaded.problems]


def en(value: Any) -> Any:
    """The English side of a (possibly not yet worded) message argument."""
    return value.text("en") if isinstance(value, Text) else value


def parse_error(text: str) -> ExpressionError:
    with pytest.raises(ExpressionError) as info:
        parse(text)
    return info.value


# =============================================================================================
# pactcalc/engine.py
# =============================================================================================

INPUTS = """\
pactcalc: 1
name: t
start_year: 2021
years: 2
discount_rate: 0
partners: [{id: gem, name: Gemeente}]
parameters:
  kosten: {value: 100, source: "Heumen, gmb-2021-55584"}
  opslag: {value: 5, source: "  Aanname: opslag voor overhead"}
  uren: 4
series:
  clienten: {values: [1, 2], source: ""}
baseline:
  - {name: B, partner: gem, amount: kosten * clienten}
effort:
  - {name: E, partner: gem, amount: uren + opslag, paid_from: own}
"""


def test_inputs_without_source_or_with_an_assumption_source_are_assumptions():
    # DOMAIN §3 "Sources": list as assumptions every parameter and series without a source
    # or whose source starts with "assumption"/"aanname".
    inputs = {item.name: item for item in result_of(INPUTS).inputs}
    assert [(i.kind, i.name) for i in result_of(INPUTS).inputs] == [
        ("parameter", "kosten"),
        ("parameter", "opslag"),
        ("parameter", "uren"),
        ("series", "clienten"),
    ]  # parameters in file order, then series
    assert inputs["kosten"].is_assumption is False  # a real source
    assert inputs["opslag"].is_assumption is True  # "  Aanname: …": case and blanks ignored
    assert inputs["uren"].source is None
    assert inputs["uren"].is_assumption is True  # a bare number has no source
    assert inputs["clienten"].is_assumption is True  # an empty source is no source


def test_input_item_assumption_rule_directly():
    def item(source: str | None) -> InputItem:
        return InputItem("parameter", "p", None, source, None)

    assert item(None).is_assumption is True
    assert item("").is_assumption is True
    assert item("assumption (illustrative)").is_assumption is True
    assert item("ASSUMPTION").is_assumption is True
    assert item("CBS Statline 2021").is_assumption is False
    # only a *leading* "assumption" counts: a source that mentions it later is a source
    assert item("CBS, no assumption").is_assumption is False


def test_evaluate_check_on_an_undeclared_partner_fails_and_says_why():
    # A scenario file cannot carry such a check (the validator rejects an unknown partner
    # in a check), but evaluate_check is public: a check on a partner the result does not
    # have is a metric that does not exist, so it fails whatever the operator (§3).
    result = result_of(INPUTS)
    for text in ("net_total[zz] >= 0", "net_total[zz] < 0"):
        check = parse_check(text)
        assert isinstance(check, Check)
        outcome = evaluate_check(result, check, 3)
        assert outcome.passed is False
        assert outcome.actual is None
        assert outcome.missing == "partner"
        assert outcome.index == 3


def test_a_check_on_an_undeclared_partner_is_rejected_in_a_file():
    # why evaluate_check's partner guard is not reached from a file
    text = INPUTS + "checks:\n  - net_total[zz] >= 0\n"
    document = load_scenario_text(text, "t.yaml")
    # the check is the last line (18); '  - ' puts it at column 5
    assert [(p.code, p.line, p.col, p.is_error) for p in document.problems] == [
        ("PC134", 18, 5, True)
    ]
    # issue 10: an unknown name lists the valid ones
    assert document.problems[0].message("en") == "unknown partner 'zz' in the check (valid: gem)"


# =============================================================================================
# pactcalc/loader.py
# =============================================================================================


def test_resolve_plain_integer_beyond_pythons_digit_limit_is_text():
    # int() refuses more than sys.get_int_max_str_digits() digits (4300 by default); since
    # issue 10 any number of more than MAX_NUMBER_DIGITS (30) digits stays text (None),
    # never reaching int() or float(): the validator reports it as PC340.
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(4300)
    try:
        assert resolve_plain("9" * 5000) is None
        assert resolve_plain("-" + "9" * 5000) is None
        assert resolve_plain("9" * 4300) is None
        assert resolve_plain("9" * 30) == int("9" * 30)  # at the limit: still an int
    finally:
        sys.set_int_max_str_digits(old)


def fake_os(fstat: Any) -> types.SimpleNamespace:
    """The loader's view of ``os`` with another ``fstat`` (the rest is the real module)."""
    return types.SimpleNamespace(fspath=os.fspath, fstat=fstat)


def failing_fstat(fd: int) -> os.stat_result:
    raise OSError(5, "Input/output error")


def test_load_file_reads_on_when_the_size_cannot_be_asked(tmp_path: Path, monkeypatch):
    # fstat failing is no reason to refuse the file: the size is then checked after reading
    path = tmp_path / "s.yaml"
    path.write_text("pactcalc: 1\nname: Test\n", encoding="utf-8")
    monkeypatch.setattr(loader, "os", fake_os(failing_fstat))
    loaded = load_file(path)
    assert loaded.problems == []
    assert loaded.data == {"pactcalc": "1", "name": "Test"}
    assert loaded.marks[("name",)] == (2, 7)  # "name: Test": the value at column 7


def test_load_file_without_size_still_refuses_more_than_max_bytes(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 10))
    monkeypatch.setattr(loader, "os", fake_os(failing_fstat))
    loaded = load_file(path, "big.yaml")
    assert problems(loaded) == [("PC002", None, None)]
    # only MAX_BYTES + 1 bytes were read, so the true size is unknown: "more than"
    assert en(loaded.problems[0].args["size"]) == f"more than {MAX_BYTES}"
    assert loaded.data is None and loaded.text is None


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_load_file_on_a_device_whose_size_lies():
    # /dev/zero reports st_size 0 but never ends: reading stops after MAX_BYTES + 1 bytes
    loaded = load_file("/dev/zero", "zero.yaml")
    assert problems(loaded) == [("PC002", None, None)]
    assert en(loaded.problems[0].args["size"]) == f"more than {MAX_BYTES}"
    message = loaded.problems[0].message("en")
    assert message.startswith(f"the file is more than {MAX_BYTES} bytes")


def test_load_text_measures_text_in_utf8_bytes():
    # 524,289 characters "é" are fewer than MAX_BYTES characters but 2 bytes each in UTF-8:
    # 1,048,578 bytes > 1,048,576
    text = "é" * (MAX_BYTES // 2 + 1)
    assert len(text) < MAX_BYTES
    loaded = load_text(text, "s.yaml")
    assert problems(loaded) == [("PC002", None, None)]
    assert loaded.problems[0].args["size"] == str(MAX_BYTES + 2)
    # exactly MAX_BYTES bytes as text is accepted: 3 + 2 · 524,286 + 1 = 1,048,576
    ok = load_text("a: " + "é" * ((MAX_BYTES - 4) // 2) + "\n", "s.yaml")
    assert ok.problems == []
    assert len(ok.data["a"]) == (MAX_BYTES - 4) // 2


def test_a_yaml_directive_is_allowed_and_positions_count_its_lines():
    loaded = load_text("%YAML 1.2\n---\npactcalc: 1\n", "s.yaml")
    assert loaded.problems == []
    assert loaded.data == {"pactcalc": "1"}
    assert loaded.key_marks[("pactcalc",)] == (3, 1)  # after the directive and '---'
    assert loaded.marks[("pactcalc",)] == (3, 11)  # "pactcalc: 1": the 1 at column 11


def test_escaped_quote_in_a_single_quoted_scalar():
    # '' inside '…' is one quote (YAML); the depth pre-scan must not end the scalar there
    loaded = load_text("pactcalc: 1\nname: 'it''s: [[[['\n", "s.yaml")
    assert loaded.problems == []
    assert loaded.data == {"pactcalc": "1", "name": "it's: [[[["}


def nested_keys(depth: int, value: str) -> str:
    """``depth`` block mappings, one key per line (k0 at column 1, k1 at column 2, …); the
    last key has ``value``."""
    lines = [" " * d + f"k{d}:" for d in range(depth - 1)]
    lines.append(" " * (depth - 1) + f"k{depth - 1}: {value}")
    return "\n".join(lines) + "\n"


def test_a_flow_value_one_level_past_the_block_depth_limit_is_refused():
    assert MAX_DEPTH == 64
    # 64 block mappings (k0 … k63) are the limit; the flow sequence as k63's value is level
    # 65. Line 64 is 63 spaces + "k63: [1]", so the '[' is at index 63 + 5 = 68: column 69.
    loaded = load_text(nested_keys(64, "[1]"), "s.yaml")
    assert problems(loaded) == [("PC005", 64, 69)]
    assert en(loaded.problems[0].args["limit"]) == 64
    assert loaded.data is None


def test_a_flow_value_at_the_block_depth_limit_is_read():
    # 63 mappings + 1 flow sequence = 64 levels: allowed
    loaded = load_text(nested_keys(63, "[1]"), "s.yaml")
    assert loaded.problems == []
    node = loaded.data
    for d in range(62):
        node = node[f"k{d}"]
    assert node == {"k62": ["1"]}


def test_brackets_in_a_comment_inside_a_flow_collection_do_not_count():
    # inside [ … ], ' #' starts a comment: its 70 '[' are not nesting. 'x#y' has no blank
    # before '#', so it is part of the scalar.
    loaded = load_text("a: [x#y, # " + "[" * 70 + "\n  2]\n", "s.yaml")
    assert loaded.problems == []
    assert loaded.data == {"a": ["x#y", "2"]}
    # the same brackets outside a comment do nest: the 64th '[' is past the limit. The
    # first '[' is at index 3; the run starts at index 9, so its 63rd is at index 71.
    deep = load_text("a: [x#y, " + "[" * 70 + "\n  2]\n", "s.yaml")
    assert problems(deep) == [("PC005", 1, 72)]


def test_an_alias_as_a_key_is_reported_once_and_left_out():
    # '&a' (line 2) and '*a' (line 3) are each PC008; the alias key is not also reported
    # as a non-text key (PC112) or a duplicate (PC007), and it is not in the data.
    loaded = load_text("pactcalc: 1\n&a name: x\n*a : y\n", "s.yaml")
    assert problems(loaded) == [("PC008", 2, 1), ("PC008", 3, 1)]
    assert loaded.data == {"pactcalc": "1", "name": "x"}


class _BrokenLoader(yaml.SafeLoader):
    """A loader whose reader fails (without a mark) when the 8th event is asked for."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.seen = 0

    def get_event(self) -> Any:
        self.seen += 1
        if self.seen > 7:
            raise yaml.YAMLError("the reader broke")
        return super().get_event()


def test_a_yaml_error_without_a_mark_stops_reading_and_keeps_earlier_problems(monkeypatch):
    # Not reachable from real input (the loader's own check of YAML's forbidden characters
    # runs first); simulated here. Events: stream start, document start, mapping start,
    # 'a', '1', 'a', '2' — the 8th ('b') fails. The open mapping is still checked, so the
    # duplicate key on line 2 is reported next to the error (which has no position).
    monkeypatch.setattr(loader, "_LOADER", _BrokenLoader)
    loaded = load_text("a: 1\na: 2\nb: 3\n", "s.yaml")
    assert problems(loaded) == [("PC006", None, None), ("PC007", 2, 1)]
    assert en(loaded.problems[0].args["problem"]) == "the reader broke"
    assert loaded.problems[1].args["first_line"] == 1
    assert loaded.data is None


# =============================================================================================
# pactcalc/expressions.py
# =============================================================================================


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_expression(text: str):
    error = parse_error(text)
    assert error.code == "PC122"
    assert error.offset == 0
    assert error.params["text"] == text
    assert en(error.params["reason"]) == "the expression is empty"


def test_syntax_error_with_a_comma_between_digits_suggests_a_decimal_point():
    # '2,5 *' does not parse (a dangling '*'); '2,5' is a Dutch decimal comma
    error = parse_error("2,5 *")
    assert error.code == "PC122"
    assert en(error.params["reason"]) == "a comma between digits: use a decimal point"
    # without digits around a comma the reason is the generic one
    other = parse_error("(a, b")
    assert en(other.params["reason"]) == "check the brackets and operators"


def test_a_decimal_comma_that_parses_as_a_tuple_is_named():
    # '57,60' is valid Python (a tuple): the construct names the decimal comma
    error = parse_error("57,60")
    assert error.code == "PC124"
    assert error.offset == 0
    assert en(error.params["construct"]) == "',' (a decimal comma? use a decimal point)"


@pytest.mark.parametrize(
    ("text", "construct", "offset"),
    [
        # operators outside + - * /: offset at the operator, after leading blanks
        ("  x ** 2", "'**'", 4),  # 2 blanks + 'x ' → '**' at index 4
        ("a // b", "'//'", 2),
        ("(a) % 2", "'%'", 4),  # ')' is not the operator: '%' at index 4
        # numbers only in YAML 1.2 / Python decimal notation; no text, booleans, complex
        ("0x10", "'0x10'", 0),
        ("1_000", "'1_000'", 0),
        ("True", "'True'", 0),
        ("1j", "'1j'", 0),
        ("x + 'a'", "''a''", 4),
        # calls: only min and max, positional, not starred
        ("abs(x)", "'abs(…)'", 0),
        ("1 + x.y(1, 2)", "'…(…)'", 4),
        ("max(a, b, key=c)", "key=value", 0),
        ("2 * min(*a, b)", "'*'", 4),
        # anything else: named as written, at the operator where there is one
        ("a < b", "'<'", 2),
        ("[1, 2]", "'[…]'", 0),
    ],
)
def test_constructs_outside_the_grammar(text: str, construct: str, offset: int):
    error = parse_error(text)
    assert error.code == "PC124"
    assert en(error.params["construct"]) == construct
    assert error.offset == offset


@pytest.mark.parametrize("text", ["~x", "not x"])
def test_unary_operators_other_than_sign_are_refused(text: str):
    error = parse_error(text)
    assert error.code == "PC124"
    assert error.offset == 0  # the operator starts the expression


@pytest.mark.parametrize("text", ["x | y", "x @ y", "x & y", "x << y"])
def test_other_binary_operators_are_refused(text: str):
    error = parse_error(text)
    assert error.code == "PC124"


def test_other_binary_operators_are_named_at_the_operator():
    error = parse_error("x | y")
    assert en(error.params["construct"]) == "'|'"
    assert error.offset == 2  # 'x ' → '|' at index 2, as for '**' (line 95's intent)


def test_unary_invert_is_named_by_its_symbol():
    error = parse_error("~x")
    assert en(error.params["construct"]) == "'~'"


def test_evaluate_guards_against_an_unchecked_tree():
    # dead code from the public API: parse() rejects every node _eval does not know
    # (expressions.py:199). An Expression built by hand around a comparison hits it.
    tree = ast.parse("a < b", mode="eval").body
    expression = Expression(text="a < b", tree=tree, names=(("a", 0), ("b", 4)))
    with pytest.raises(AssertionError, match="unchecked node Compare"):
        evaluate_expression(expression, {"a": 1.0, "b": 2.0})


def test_unary_plus_and_minus_evaluate_year_by_year():
    got = evaluate_expression(parse("+a - -b"), {"a": np.array([1.0, 2.0]), "b": 3.0})
    assert got.value.tolist() == [4.0, 5.0]  # 1 + 3, 2 + 3
    assert not got.divided_by_zero.any()  # no division at all


# =============================================================================================
# pactcalc/uncertainty.py
# =============================================================================================

CERTAIN = """\
pactcalc: 1
name: t
start_year: 2021
years: 2
discount_rate: 0
partners: [{id: gem, name: Gemeente}]
parameters:
  kosten: 100
baseline:
  - {name: B, partner: gem, amount: kosten}
effort:
  - {name: E, partner: gem, amount: 5, paid_from: own}
"""


def test_simulate_without_uncertain_parameters_repeats_the_point_estimate():
    # no ranges: every sample is the deterministic run. npv = 2 · (100 − 5) = 190 at rate 0;
    # savings likewise; no budget and no budget-funded costs: headroom 0; no investment and
    # positive returns: payback 0.
    scenario = scenario_of(CERTAIN)
    sim = uncertainty.simulate(scenario, samples=7, seed=3)
    assert sim.samples == 7 and sim.seed == 3
    assert sim.parameters == []
    assert sim.npv.tolist() == [190.0] * 7
    for name, expected in [
        ("npv", 190.0),
        ("savings_total", 190.0),
        ("headroom_min", 0.0),
        ("payback_years", 0.0),
        ("discounted_payback_years", 0.0),
        ("net_total[gem]", 190.0),  # the only partner gets the whole net
    ]:
        s = sim.summaries[name]
        assert (s.mean, s.p5, s.p50, s.p95) == (expected,) * 4, name
        assert s.missing == 0.0
    probs = {p.event: (p.p, p.se) for p in sim.probabilities}
    assert probs == {
        "npv > 0": (1.0, 0.0),  # sqrt(1 · 0 / 7) = 0
        "headroom_min >= 0": (1.0, 0.0),
        "payback within the horizon": (1.0, 0.0),
        "net_total[gem] < 0": (0.0, 0.0),
    }
    # the fan chart of the cumulative net: 95 after 2021, 190 after 2022, in every band
    for q in (10, 50, 90):
        assert sim.cumulative_bands[q].tolist() == [95.0, 190.0]


def test_sensitivity_without_uncertain_parameters_has_no_swings():
    scenario = scenario_of(CERTAIN)
    found = uncertainty.sensitivity(scenario, "npv")
    assert found.metric == "npv"
    assert found.threshold == 0.0  # npv's threshold without a check
    assert found.base == 190.0
    assert found.swings == []
    assert uncertainty.analyse(scenario) is None  # nothing uncertain: no section


NEGATIVE_LOW = """\
pactcalc: 1
name: t
start_year: 2021
years: 1
discount_rate: 0
partners: [{id: gem, name: Gemeente}]
parameters:
  effect: {value: 0, low: -10, high: 30}
baseline:
  - {name: B, partner: gem, amount: 100}
effort:
  - {name: E, partner: gem, amount: 50 - effect, paid_from: own}
"""


def test_switching_value_search_goes_below_zero_when_low_is_negative():
    # npv = savings = 100 − (50 − effect) = 50 + effect (one year, rate 0).
    # at low −10: 40; at high 30: 80; swing 40.
    # searched: w = 40; lo = 0 − 2·(0 − (−10)) − 40 = −60; hi = 0 + 2·30 + 40 = 100. low < 0,
    # so lo is not clamped at 0, and the crossing npv = 0 at effect = −50 lies inside.
    found = uncertainty.sensitivity(scenario_of(NEGATIVE_LOW), "npv")
    assert found.base == 50.0
    [swing] = found.swings
    assert swing.parameter == "effect"
    assert (swing.low, swing.high) == (-10.0, 30.0)
    assert swing.at_low == pytest.approx(40.0)
    assert swing.at_high == pytest.approx(80.0)
    assert swing.swing == pytest.approx(40.0)
    assert swing.searched == (-60.0, 100.0)
    assert swing.switching_value == pytest.approx(-50.0, abs=1e-6)


def test_switching_value_search_stops_at_zero_when_low_is_not_negative():
    # the contrast: low 0 instead of −10: w = 30; lo = 0 − 0 − 30 = −30, clamped to 0;
    # hi = 0 + 2·30 + 30 = 90. npv = 50 + effect never reaches 0 on [0, 90]: none
    text = NEGATIVE_LOW.replace("low: -10", "low: 0")
    [swing] = uncertainty.sensitivity(scenario_of(text), "npv").swings
    assert swing.searched == (0.0, 90.0)
    assert swing.switching_value is None
