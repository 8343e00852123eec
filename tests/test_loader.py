"""Tests for :mod:`pactcalc.loader`: bytes → positioned plain data, problems as values.

Every expected position and value here is worked out by hand from the source text
(columns are 1-based and count characters, not bytes).
"""

from __future__ import annotations

import copy
import math
import os
import pickle
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import en
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactcalc import loader
from pactcalc.loader import MAX_BYTES, MAX_DEPTH, Loaded, Plain, load_file, load_text
from pactcalc.problems import Problem


def load(text: str | bytes) -> Loaded:
    return load_text(text, "s.yaml")


def codes(loaded: Loaded) -> list[str]:
    return [p.code for p in loaded.problems]


def only(loaded: Loaded, code: str) -> Problem:
    """The single problem of ``loaded``, which must have ``code``."""
    assert codes(loaded) == [code], [
        (p.code, p.line, p.col, p.message("en")) for p in loaded.problems
    ]
    return loaded.problems[0]


@pytest.fixture(params=["libyaml", "python"])
def both_parsers(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a test with libyaml's parser (when available) and with PyYAML's pure one."""
    if request.param == "python":
        monkeypatch.setattr(loader, "_LOADER", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("libyaml not available")


# --- values and positions --------------------------------------------------------------------

POSITIONS = (
    "pactcalc: 1\n"  # line 1
    "name: Test\n"  # line 2
    "rate: 0.0225\n"  # line 3
    "items:\n"  # line 4
    "  - 1e5\n"  # line 5
    "  - -3\n"  # line 6
    "  - {amount: 5}\n"  # line 7
    "empty:\n"  # line 8
)


@pytest.mark.usefixtures("both_parsers")
def test_marks_of_values_and_keys() -> None:
    loaded = load(POSITIONS)
    assert loaded.problems == []
    assert loaded.marks[()] == (1, 1)
    assert loaded.marks[("pactcalc",)] == (1, 11)
    assert loaded.key_marks[("pactcalc",)] == (1, 1)
    assert loaded.marks[("name",)] == (2, 7)
    assert loaded.marks[("rate",)] == (3, 7)
    assert loaded.marks[("items",)] == (5, 3)  # a block sequence starts at its first '-'
    assert loaded.key_marks[("items",)] == (4, 1)
    assert loaded.marks[("items", 0)] == (5, 5)
    assert loaded.marks[("items", 1)] == (6, 5)
    assert loaded.marks[("items", 2)] == (7, 5)
    assert loaded.marks[("items", 2, "amount")] == (7, 14)
    assert loaded.key_marks[("items", 2, "amount")] == (7, 6)
    assert ("items", 0) not in loaded.key_marks  # list items have no key
    assert loaded.marks[("empty",)] == (8, 7)  # an empty value: just after the ':'


def test_locate() -> None:
    loaded = load(POSITIONS)
    assert loaded.locate(("name",)) == (2, 7)
    assert loaded.locate(("name",), key=True) == (2, 1)
    # no key for a list item: the value's position
    assert loaded.locate(("items", 0), key=True) == (5, 5)
    # unknown paths fall back to the longest known prefix
    assert loaded.locate(("items", 2, "partner")) == (7, 5)
    assert loaded.locate(("items", 2, "partner"), key=True) == (7, 5)
    assert loaded.locate(("nope", 3)) == (1, 1)
    assert loaded.locate(()) == (1, 1)
    nothing = load("- a\n")
    assert nothing.locate(("a",)) == (None, None)


def test_data_tree_types() -> None:
    loaded = load(POSITIONS)
    data = loaded.data
    assert list(data) == ["pactcalc", "name", "rate", "items", "empty"]
    assert all(type(key) is str for key in data)
    assert isinstance(data["name"], Plain)
    assert data["name"] == "Test"
    assert data["name"].value is None
    assert data["pactcalc"].value == 1
    assert type(data["pactcalc"].value) is int
    assert data["items"][0].value == 100000.0
    assert type(data["items"][0].value) is float
    assert data["items"][1].value == -3
    assert data["items"][2] == {"amount": "5"}
    assert data["empty"] is None
    assert loaded.text == POSITIONS
    assert loaded.file == "s.yaml"


def test_columns_count_characters_not_bytes() -> None:
    loaded = load("é: ü\nx: [é, 5]\n".encode())
    assert loaded.problems == []
    assert loaded.marks[("é",)] == (1, 4)
    assert loaded.marks[("x", 1)] == (2, 8)


def test_crlf_line_endings() -> None:
    loaded = load(b"a: 1\r\nb: [2, 3]\r\n")
    assert loaded.problems == []
    assert loaded.marks[("b", 1)] == (2, 8)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1e5", 100000.0),
        ("1E+5", 100000.0),
        ("0.0225", 0.0225),
        ("-3", -3),
        ("+7", 7),
        ("0", 0),
        ("1.", 1.0),
        (".5", 0.5),
        ("-.5", -0.5),
        ("1.5e-3", 0.0015),
        ("62.000", 62.0),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        # YAML 1.1 readings and other look-alikes stay text
        ("010", None),
        ("01.5", None),
        ("no", None),
        ("yes", None),
        ("on", None),
        ("off", None),
        ("y", None),
        ("n", None),
        ("tRue", None),
        ("12:30", None),
        ("2021-01-01", None),
        ("1_000", None),
        ("57,60", None),
        ("0x1F", None),
        ("0o17", None),
        ("1e", None),
        ("e5", None),
        ("Beschermd wonen", None),
    ],
)
def test_plain_scalar_readings(text: str, value: Any) -> None:
    loaded = load(f"v: {text}\n")
    read = loaded.data["v"]
    assert isinstance(read, Plain)
    assert str(read) == text
    assert read.value == value
    assert type(read.value) is type(value)


def test_non_finite_readings() -> None:
    data = load("a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: .iNf\n").data
    assert data["a"].value == math.inf
    assert data["b"].value == -math.inf
    assert data["c"].value == math.inf
    assert all(math.isnan(data[k].value) for k in "def")
    assert data["g"].value is None


@pytest.mark.parametrize("text", ["~", "null", "Null", "NULL", ""])
def test_nulls_are_none(text: str) -> None:
    assert load(f"v: {text}\n").data["v"] is None


def test_null_lookalike_is_text() -> None:
    value = load("v: nULL\n").data["v"]
    assert isinstance(value, Plain)
    assert value.value is None


def test_quoted_and_block_scalars_are_str() -> None:
    data = load("a: \"62000\"\nb: 'true'\nc: |\n  x\n  y\nd: >\n  p\n  q\n").data
    for key in "abcd":
        assert type(data[key]) is str
    assert data["a"] == "62000"
    assert data["b"] == "true"
    assert data["c"] == "x\ny\n"
    assert data["d"] == "p q\n"


def test_text_field_keeps_text() -> None:
    value = load("name: 2021\n").data["name"]
    assert value == "2021"
    assert value.value == 2021


def test_keys_are_text() -> None:
    data = load("2021: a\ntrue: b\n'x': c\n").data
    assert list(data) == ["2021", "true", "x"]
    assert all(type(key) is str for key in data)


def test_plain_constructor_copy_and_pickle() -> None:
    assert Plain("57.60").value == 57.6
    assert Plain("x").value is None
    assert Plain("max(0, x)", None).value is None
    assert Plain("5") == "5"
    assert repr(Plain("5")) == "Plain('5')"
    for clone in (copy.deepcopy(Plain("1e5")), pickle.loads(pickle.dumps(Plain("1e5")))):
        assert isinstance(clone, Plain)
        assert clone.value == 100000.0


# --- reading the file ------------------------------------------------------------------------


def test_load_file_and_display_name(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert load_file(path).file == str(path)
    loaded = load_file(path, display_name="shown.yaml")
    assert loaded.file == "shown.yaml"
    assert loaded.data == {"a": "1"}


def test_unreadable_file_pc001(tmp_path: Path) -> None:
    loaded = load_file(tmp_path / "missing.yaml", display_name="missing.yaml")
    problem = only(loaded, "PC001")
    assert problem.file == "missing.yaml"
    assert problem.args["reason"]
    assert loaded.data is None
    assert loaded.text is None
    directory = load_file(tmp_path)
    assert codes(directory) == ["PC001"]


def test_too_large_pc002(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n#" + b"x" * (MAX_BYTES + 1 - 6))
    problem = only(load_file(path), "PC002")
    assert problem.args == {"size": "1048577"}
    assert problem.message("en").startswith("the file is 1048577 bytes")


def test_exactly_one_mib_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "edge.yaml"
    path.write_bytes(b"a: 1\n#" + b"x" * (MAX_BYTES - 6))
    assert path.stat().st_size == 1_048_576
    loaded = load_file(path)
    assert loaded.problems == []
    assert loaded.data == {"a": "1"}


def test_too_large_text_pc002() -> None:
    assert codes(load(b"#" * (MAX_BYTES + 1))) == ["PC002"]


@pytest.mark.parametrize("source", [b"", "", "   \n\n", "# only a comment\n  # another\n", "---\n"])
def test_empty_file_pc003(source: str | bytes) -> None:
    loaded = load(source)
    only(loaded, "PC003")
    assert loaded.data is None


def test_not_utf8_pc004() -> None:
    loaded = load(b"a: 1\nb: caf\xe9\n")  # Latin-1 'e acute'
    problem = only(loaded, "PC004")
    assert (problem.line, problem.col) == (2, 7)
    assert problem.args == {"byte": "0xe9"}
    assert loaded.text is None
    assert loaded.data is None


def test_utf16_file_is_pc004() -> None:
    problem = only(load("a: 1\n".encode("utf-16")), "PC004")
    assert problem.args == {"byte": "0xff"}
    assert (problem.line, problem.col) == (1, 1)


def test_truncated_multibyte_sequence_pc004() -> None:
    problem = only(load(b"a: \xc3\xa9\nb: \xc3\n"), "PC004")
    assert (problem.line, problem.col) == (2, 4)
    assert problem.args == {"byte": "0xc3"}


def test_bom_is_accepted() -> None:
    loaded = load(b"\xef\xbb\xbfa: 1\n")
    assert loaded.problems == []
    assert loaded.data == {"a": "1"}
    assert loaded.marks[("a",)] == (1, 4)
    assert loaded.text == "a: 1\n"
    assert load("\ufeffa: 1\n").data == {"a": "1"}


# --- nesting depth ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "[" * 10000,
        "{a: " * 10000,
        "- " * 10000 + "x\n",
        "".join(" " * i + "k:\n" for i in range(1000)),
        "a:\n" + "".join("  " * i + "- k:\n" for i in range(1000)),
        "a: " + "[" * 200_000 + "]" * 200_000 + "\n",
    ],
)
def test_deep_nesting_refused_quickly_pc005(source: str) -> None:
    start = time.perf_counter()
    loaded = load(source)
    assert time.perf_counter() - start < 2.0
    problem = only(loaded, "PC005")
    assert problem.args == {"limit": 64}
    assert loaded.data is None


def test_nesting_limit_is_64() -> None:
    assert MAX_DEPTH == 64
    # a mapping holding 63 nested lists: 64 levels
    fine = load("a: " + "[" * 63 + "]" * 63 + "\n")
    assert fine.problems == []
    # one more: the 64th bracket (column 3 + 64) is level 65
    deep = load("a: " + "[" * 64 + "]" * 64 + "\n")
    problem = only(deep, "PC005")
    assert (problem.line, problem.col) == (1, 67)


def test_block_nesting_limit() -> None:
    fine = "".join(" " * i + "k:\n" for i in range(64))  # 64 mappings
    loaded = load(fine)
    assert loaded.problems == []
    assert ("k",) * 63 + ("k",) in loaded.marks
    deep = fine + " " * 64 + "k:\n"
    problem = only(load(deep), "PC005")
    assert (problem.line, problem.col) == (65, 65)


def test_compact_sequences_count_as_levels() -> None:
    assert codes(load("a:\n  " + "- " * 62 + "x\n")) == []  # 63 levels
    problem = only(load("a:\n  " + "- " * 64 + "x\n"), "PC005")
    # the 64th dash (level 65) is at column 3 + 2 * 63
    assert (problem.line, problem.col) == (2, 129)


def test_brackets_in_quotes_comments_and_block_scalars_do_not_count() -> None:
    source = (
        'a: "' + "[" * 100 + '"\n'
        "b: '" + "{" * 100 + "'\n"
        "c: x # " + "[" * 100 + "\n"
        "d: see [ and { " + "[" * 100 + "\n"
        "e: |\n" + "".join(" " * (i + 2) + "[\n" for i in range(100)) + "f: 1\n"
    )
    loaded = load(source)
    assert loaded.problems == []
    assert loaded.data["a"] == "[" * 100
    assert loaded.data["f"] == "1"


# --- YAML syntax -----------------------------------------------------------------------------


@pytest.mark.usefixtures("both_parsers")
def test_syntax_error_pc006() -> None:
    # ' b: 2' continues the plain scalar '1'; the ':' after it cannot start a value
    loaded = load("a: 1\n b: 2\n")
    problem = only(loaded, "PC006")
    assert (problem.line, problem.col) == (2, 3)
    # PyYAML's "mapping values are not allowed" is named for what it is (issue 10)
    assert en(problem.args["problem"]).startswith("this key is indented further (1 spaces)")
    assert loaded.data is None


@pytest.mark.usefixtures("both_parsers")
def test_problems_before_a_syntax_error_stay() -> None:
    loaded = load("a: 1\na: 2\nb: 1\n c: 2\n")
    assert [(p.code, p.line, p.col) for p in loaded.problems] == [
        ("PC007", 2, 1),
        ("PC006", 4, 3),
    ]
    assert loaded.data is None


@pytest.mark.usefixtures("both_parsers")
def test_multiple_documents_pc006() -> None:
    loaded = load("a: 1\n---\nb: 2\n")
    problem = only(loaded, "PC006")
    assert (problem.line, problem.col) == (2, 1)
    assert en(problem.args["problem"]) == "a scenario file holds one YAML document"
    assert "one YAML document" in problem.message("en")
    assert loaded.data is None


def test_control_character_pc006() -> None:
    problem = only(load("a: b\x07\n"), "PC006")
    assert (problem.line, problem.col) == (1, 5)
    assert "U+0007" in problem.message("en")


# --- keys, anchors, tags ---------------------------------------------------------------------


@pytest.mark.usefixtures("both_parsers")
def test_duplicate_key_pc007_keeps_first() -> None:
    loaded = load("a: 1\nb: 2\na: 3\n")
    problem = only(loaded, "PC007")
    assert (problem.line, problem.col) == (3, 1)
    assert problem.args == {"key": "a", "first_line": 1}
    assert loaded.data == {"a": "1", "b": "2"}
    assert loaded.marks[("a",)] == (1, 4)
    assert loaded.key_marks[("a",)] == (1, 1)


def test_duplicate_key_in_flow_mapping() -> None:
    problem = only(load("m: {x: 1, x: 2}\n"), "PC007")
    assert (problem.line, problem.col) == (1, 11)
    assert problem.args == {"key": "x", "first_line": 1}


def test_duplicate_key_quoted_and_plain() -> None:
    problem = only(load("a: 1\n'a': 2\n"), "PC007")
    assert (problem.line, problem.col) == (2, 1)


def test_anchor_and_alias_pc008() -> None:
    loaded = load("base: &b 5\nother: *b\n")
    assert [(p.code, p.line, p.col) for p in loaded.problems] == [
        ("PC008", 1, 7),
        ("PC008", 2, 8),
    ]
    assert loaded.data["base"] == "5"
    assert loaded.data["other"] is None  # an alias is not expanded


def test_anchor_on_a_mapping_pc008() -> None:
    loaded = load("a: &x {b: 1}\n")
    problem = only(loaded, "PC008")
    assert (problem.line, problem.col) == (1, 4)
    assert loaded.data == {"a": {"b": "1"}}


def test_merge_key_pc009() -> None:
    loaded = load("<<: {a: 1}\nb: 2\n")
    problem = only(loaded, "PC009")
    assert (problem.line, problem.col) == (1, 1)
    assert loaded.data == {"b": "2"}
    quoted = load("'<<': 1\n")
    assert quoted.problems == []
    assert quoted.data == {"<<": "1"}


def test_tags_pc014() -> None:
    loaded = load("a: !!str 5\nb: !foo x\nc: !!map {}\n")
    assert [(p.code, p.line, p.col, p.args["tag"]) for p in loaded.problems] == [
        ("PC014", 1, 4, "!!str"),
        ("PC014", 2, 4, "!foo"),
        ("PC014", 3, 4, "!!map"),
    ]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("- a\n- b\n", "a list"),
        ("just text\n", "a single value"),
        ("42\n", "a single value"),
        ("'quoted'\n", "a single value"),
    ],
)
def test_top_level_not_a_mapping_pc010(source: str, kind: str) -> None:
    loaded = load(source)
    problem = only(loaded, "PC010")
    assert (problem.line, problem.col) == (1, 1)
    assert en(problem.args["kind"]) == kind
    assert problem.message("en").endswith(f"not {kind}")
    assert loaded.data is None
    assert loaded.marks == {}


def test_collection_as_key_pc112() -> None:
    loaded = load("x: 1\n[a, b]: 2\n? {c: 1}\n: 3\n")
    assert [(p.code, p.line, p.col, en(p.args["got"])) for p in loaded.problems] == [
        ("PC112", 2, 1, "a list"),
        ("PC112", 3, 3, "a mapping"),
    ]
    assert en(loaded.problems[0].args["expected"]) == "text as a key"
    assert loaded.data == {"x": "1"}


# --- Dutch number habits and commas in flow collections ----------------------------------------


@pytest.mark.usefixtures("both_parsers")
def test_decimal_comma_in_flow_mapping_pc011_repaired() -> None:
    loaded = load("p: {value: 57,60, unit: EUR}\n")
    problem = only(loaded, "PC011")
    assert (problem.line, problem.col) == (1, 12)
    assert problem.args == {"number": "57", "digits": "60"}
    assert "57.60" in problem.message("en")
    data = loaded.data["p"]
    assert list(data) == ["value", "unit"]
    assert isinstance(data["value"], Plain)
    assert data["value"] == "57.60"
    assert data["value"].value == 57.6
    assert ("p", "60") not in loaded.marks
    assert ("p", "60") not in loaded.key_marks
    assert loaded.marks[("p", "value")] == (1, 12)


def test_decimal_comma_negative_number() -> None:
    loaded = load("{value: -1,5}\n")
    only(loaded, "PC011")
    assert loaded.data["value"].value == -1.5


def test_digit_key_after_text_is_not_a_decimal_comma() -> None:
    loaded = load("p: {name: a,60}\n")
    assert loaded.problems == []
    assert loaded.data["p"] == {"name": "a", "60": None}


@pytest.mark.usefixtures("both_parsers")
def test_unquoted_comma_in_flow_mapping_pc013_repaired() -> None:
    loaded = load("e: {name: X, amount: max(0, x)}\n")
    problem = only(loaded, "PC013")
    assert (problem.line, problem.col) == (1, 22)
    assert problem.args == {"text": "max(0, x)"}
    assert '"max(0, x)"' in problem.message("en")
    data = loaded.data["e"]
    assert data == {"name": "X", "amount": "max(0, x)"}
    assert isinstance(data["amount"], Plain)
    assert data["amount"].value is None
    assert ("e", "x)") not in loaded.marks


def test_unquoted_commas_several_arguments() -> None:
    loaded = load("- {amount: max(a, b, c), partner: p}\n- {amount: max(0, min(1, x))}\n")
    # top level is a list: PC010 too, but the repairs are reported first
    assert [(p.code, p.line, p.args.get("text")) for p in loaded.problems] == [
        ("PC010", 1, None),
        ("PC013", 1, "max(a, b, c)"),
        ("PC013", 2, "max(0, min(1, x))"),
    ]
    fixed = load("l: {amount: max(a, b, c), partner: p}\n")
    assert fixed.data == {"l": {"amount": "max(a, b, c)", "partner": "p"}}


def test_same_expression_twice_is_no_duplicate_key() -> None:
    loaded = load("a: {x: max(0, y), z: max(0, y)}\n")
    assert codes(loaded) == ["PC013", "PC013"]
    assert loaded.data == {"a": {"x": "max(0, y)", "z": "max(0, y)"}}


def test_quoted_or_block_expressions_are_fine() -> None:
    loaded = load('a: {amount: "max(0, x)"}\nb: max(0, x)\n')
    assert loaded.problems == []
    assert loaded.data == {"a": {"amount": "max(0, x)"}, "b": "max(0, x)"}


@pytest.mark.usefixtures("both_parsers")
def test_decimal_comma_in_flow_sequence_pc012_repaired() -> None:
    loaded = load("s: [10,5, 20, 30]\n")
    problem = only(loaded, "PC012")
    assert (problem.line, problem.col) == (1, 5)
    assert problem.args == {"number": "10", "digits": "5"}
    items = loaded.data["s"]
    assert items == ["10.5", "20", "30"]
    assert [item.value for item in items] == [10.5, 20, 30]
    assert loaded.marks[("s", 0)] == (1, 5)
    assert loaded.marks[("s", 1)] == (1, 11)
    assert loaded.marks[("s", 2)] == (1, 15)
    assert ("s", 3) not in loaded.marks


@pytest.mark.parametrize("source", ["s: [1,2,3]\n", "s: [10,5]\n", "s: [10, 5]\n"])
def test_lists_without_a_decimal_comma(source: str) -> None:
    loaded = load(source)
    assert loaded.problems == []
    assert all(type(item.value) is int for item in loaded.data["s"])


@pytest.mark.usefixtures("both_parsers")
def test_thousands_dot_warning_pc304() -> None:
    loaded = load("a: 62.000\nb: [1.500]\nc: 0.025\nd: 62.0001\ne: '62.000'\nf: -1.250\n")
    assert [(p.code, p.line, p.col, dict(p.args)) for p in loaded.problems] == [
        ("PC304", 1, 4, {"text": "62.000", "value": "62.0", "thousands": "62000"}),
        ("PC304", 2, 5, {"text": "1.500", "value": "1.5", "thousands": "1500"}),
        ("PC304", 6, 4, {"text": "-1.250", "value": "-1.25", "thousands": "-1250"}),
    ]
    assert all(p.severity == "warning" for p in loaded.problems)
    assert loaded.data["a"].value == 62.0  # the value is kept as read


def test_all_problems_of_a_file_at_once() -> None:
    loaded = load("a: 1\na: 2\np: {value: 57,60}\nq: &x 62.000\nr: !!int 3\ns: [10,5, 2]\n")
    assert [(p.code, p.line) for p in loaded.problems] == [
        ("PC007", 2),
        ("PC011", 3),
        ("PC008", 4),
        ("PC304", 4),
        ("PC014", 5),
        ("PC012", 6),
    ]
    assert loaded.data is not None


# --- a realistic scenario --------------------------------------------------------------------

SCENARIO = """\
# yaml-language-server: $schema=../schema/scenario.schema.json
pactcalc: 1                       # format version
name: Beschermd Wonen — ambulante ondersteuning voor 30 inwoners
municipality: {name: Voorbeeldgemeente, inhabitants: 50000}
start_year: 2021
years: 5
discount_rate: 0.0225
parameters:
  bw_cost_per_client:
    value: 62000
    source: "assumption: intramural BW place incl. housing (illustrative)"
  begeleiding_rate: {value: 57.60, unit: EUR/hour, source: "Heumen, pgb 2021"}
series:
  clients_ambulant:   [10, 20, 30, 30, 30]
partners:
  - {id: gemeente, name: Gemeente}
effort:
  - name: Ambulante begeleiding
    partner: wmo
    amount: clients_ambulant * begeleiding_rate
benefits: []
checks:
  - payback_years <= 3
"""


@pytest.mark.usefixtures("both_parsers")
def test_realistic_scenario() -> None:
    loaded = load(SCENARIO)
    assert loaded.problems == []
    data = loaded.data
    assert data["pactcalc"].value == 1
    assert data["name"] == "Beschermd Wonen — ambulante ondersteuning voor 30 inwoners"
    assert data["parameters"]["bw_cost_per_client"]["value"].value == 62000
    assert type(data["parameters"]["bw_cost_per_client"]["source"]) is str
    assert data["parameters"]["begeleiding_rate"]["value"].value == 57.6
    assert [x.value for x in data["series"]["clients_ambulant"]] == [10, 20, 30, 30, 30]
    assert data["benefits"] == []
    assert data["checks"] == ["payback_years <= 3"]
    assert loaded.marks[("series", "clients_ambulant", 1)] == (14, 28)
    assert loaded.marks[("effort", 0, "amount")] == (20, 13)
    assert loaded.key_marks[("effort", 0, "amount")] == (20, 5)
    assert loaded.marks[("partners", 0, "id")] == (16, 10)


# --- robustness ------------------------------------------------------------------------------

_PIECES = list("ab:-[]{},'\"#&*!|>? \n\t0123456789.~<") + ["max(", "x)", "\ufeff", "é", "---"]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in a loaded tree (the root included)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, path + (index,))
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_any_text_loads_without_raising(source: str) -> None:
    """Whatever is written, the loader returns; every value of the data has a mark."""
    loaded = load(source)
    if loaded.data is not None:
        assert isinstance(loaded.data, dict)
        assert set(_paths(loaded.data)) == set(loaded.marks)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=60))
def test_any_bytes_load_without_raising(source: bytes) -> None:
    assert isinstance(load(source), Loaded)


# --- edges of reading: sizes, depth, directives, broken readers ---------------------------------


def problems(loaded: Loaded) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.col) for p in loaded.problems]


def test_resolve_plain_integer_beyond_pythons_digit_limit_is_text():
    # int() refuses more than sys.get_int_max_str_digits() digits (4300 by default); since
    # issue 10 any number of more than MAX_NUMBER_DIGITS (30) digits stays text (None),
    # never reaching int() or float(): the validator reports it as PC340.
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(4300)
    try:
        assert loader.resolve_plain("9" * 5000) is None
        assert loader.resolve_plain("-" + "9" * 5000) is None
        assert loader.resolve_plain("9" * 4300) is None
        assert loader.resolve_plain("9" * 30) == int("9" * 30)  # at the limit: still an int
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
    assert loaded.data is None
    assert loaded.text is None


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
