"""Scenario text is data in every output (issue 10, "Text is data in every output").

A name, a source or a key can hold a terminal escape (``ESC ] 52`` writes the clipboard,
``ESC [2J`` clears the screen), a C1 control, a bidi control (U+202E shows the text in
another order), or a line break (a line ``::error …`` is a GitHub workflow command; in a
Markdown table a ``\\r`` starts a heading). Every human format shows them escaped
(``\\x1b``, ``\\u202e``, ``\\n``), the JSON keeps them exactly but inert, and JUnit
stays well-formed XML.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import runner, write

from pactcalc.cli import app
from pactcalc.problems import Problem
from pactcalc.render import csv as csv_format
from pactcalc.render.diagnostics import excerpt, format_problem
from pactcalc.render.markdown import text as markdown_text
from pactcalc.render.text import json_safe, visible, xml_safe
from pactcalc.report.blocks import Report, Section, Table

# Double-quoted YAML turns \e, \a, \uXXXX, \n and \r into the characters themselves.
HOSTILE = r"""pactcalc: 1
name: "Naam\e]52;c;aGVsbG8=\a\e[2J\u202eevil\u0085x\n::error file=x.py,line=1::forged\r## kop"
municipality: {name: "Gem\e[31mrood\n::add-mask::geheim", inhabitants: 1000}
start_year: 2024
years: 2
partners:
  - {id: gemeente, name: "Gemeente\e[2J\n::error::partner\u2066"}
  - {id: wmo, name: "Wmo\u202eredivoa\u009b31m"}
parameters:
  p: {value: 10, low: 5, high: 20, source: "aanname: a\rb\n::warning::p\u0090"}
baseline:
  - {name: "Oude zorg\e]52;c;eA==\a", partner: gemeente, amount: 1000}
budget:
  - {name: Budget, partner: gemeente, amount: 1000}
effort:
  - {name: "Begeleiding\n::error::line\r# heading", partner: wmo, amount: 40 * p}
investments:
  - {name: "Start\u0090x", partner: gemeente, amount: 300}
checks:
  - payback_years <= 1
  - headroom_min >= 500
"""

#: The characters that must never reach a terminal as they are.
ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

#: A line a GitHub runner would execute (it trims leading white space first), or a
#: Markdown heading, made from the scenario.
FORGED = re.compile(r"^\s*(::|##\[|#+ (kop|heading))")


def _assert_inert(output: str) -> None:
    found = ACTIVE.search(output)
    assert found is None, f"{found[0]!r} at {output[max(0, found.start() - 30) : found.end()]!r}"
    forged = [line for line in output.split("\n") if FORGED.match(line)]
    assert forged == [], forged


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write(tmp_path, HOSTILE, "hostile.yaml")


# ----------------------------------------------------------------------- the rules


def test_visible_escapes_control_bidi_and_line_breaks() -> None:
    assert visible("a\x1b]52;c;eA==\x07b") == "a\\x1b]52;c;eA==\\x07b"
    assert visible("\x1b[2J") == "\\x1b[2J"
    assert visible("x\u0085y\u009bz") == "x\\x85y\\x9bz"  # C1: NEL, CSI
    assert visible("\u202a\u202b\u202c\u202d\u202e") == "\\u202a\\u202b\\u202c\\u202d\\u202e"
    assert visible("\u2066\u2067\u2068\u2069") == "\\u2066\\u2067\\u2068\\u2069"
    assert visible("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert visible("a\u2028b") == "a\\u2028b"
    # ordinary text, Dutch and euro signs included, is left as it is
    assert visible("Gemeente — € 1.234, één") == "Gemeente — € 1.234, één"
    assert visible("C:\\pad") == "C:\\pad"  # a backslash stays: escapes are for a reader


def test_markdown_text_neither_breaks_a_table_nor_starts_a_heading() -> None:
    cell = markdown_text("Regel\r## kop|x\n- item")
    assert "\r" not in cell
    assert "\n" not in cell
    assert cell == "Regel\\\\r## kop\\|x\\\\n- item"  # shown as \r and \n


def test_diagnostic_escapes_the_message_and_keeps_the_caret_under_its_character() -> None:
    problem = Problem(
        "PC102", "s.yaml", 2, 9, args={"key": "name\x1b[2J\n::error::x", "suggestion": ""}
    )
    source = "a: 1\nname\x1b[2J: x\n"
    shown = format_problem(problem, "en", source)
    _assert_inert(shown)
    assert shown.count("\n") == 3  # the head, the gutter, the line, the caret: no more
    assert shown.splitlines()[-1].index("^") == shown.splitlines()[-2].index(": x")
    line, caret = excerpt("name\x1b[2J: x", 9)  # column 9 is the ':'
    assert line == "name\\x1b[2J: x"
    assert line[caret - 1] == ":"


def test_json_keeps_the_text_exactly_but_inert() -> None:
    data = {"name": "a\u202eb\u0085c\x1bd\ne"}
    dumped = json_safe(json.dumps(data, ensure_ascii=False))
    _assert_inert(dumped)
    assert json.loads(dumped) == data  # the same value, character for character


def test_xml_safe_removes_what_xml_forbids() -> None:
    assert xml_safe("a\x01b\x1bc\ufffed\uffff") == "a\\x01b\\x1bc\\ufffed\\uffff"
    assert xml_safe("tab\tnew\nline\r") == "tab\tnew\nline\r"  # XML allows these


# ------------------------------------------------------------------ every format


@pytest.mark.parametrize("output_format", ["table", "markdown", "csv"])
def test_run_shows_scenario_text_escaped(hostile: Path, output_format: str) -> None:
    result = runner.invoke(
        app, ["run", str(hostile), "-f", output_format], env={"GITHUB_ACTIONS": "true"}
    )
    assert result.exit_code == 0, result.output
    _assert_inert(result.stdout)
    if output_format != "csv":  # the CSV has the ids and numbers only
        assert "x1b" in result.stdout  # shown, not acted on
        assert "u202e" in result.stdout


def test_csv_cells_are_one_line_each_and_never_a_formula() -> None:
    table = Table(
        "t",
        "",
        ["a"],
        [["x"]],
        [["Begeleiding\n::error::line\r# heading"], ["\t=1+1"]],
        raw_header=["name"],
    )
    written = csv_format.draw(Report("", "nl", [Section("s", "", [table])]))
    _assert_inert(written)
    rows = list(csv.reader(io.StringIO(written)))
    assert len(rows) == written.count("\n") == 3  # no cell spans two lines
    assert rows[1] == ["Begeleiding\\n::error::line\\r# heading"]
    assert rows[2] == ["\\t=1+1"]  # shown, so not a formula either


def test_run_json_keeps_every_character(hostile: Path) -> None:
    result = runner.invoke(app, ["run", str(hostile), "-f", "json"])
    _assert_inert(result.stdout)
    data = json.loads(result.stdout)
    assert data["scenario"].startswith("Naam\x1b]52;c;aGVsbG8=\x07\x1b[2J\u202eevil\u0085x\n")


def test_report_markdown_and_html_escape_scenario_text(hostile: Path, tmp_path: Path) -> None:
    for name in ("r.md", "r.html"):
        out = tmp_path / name
        result = runner.invoke(app, ["report", str(hostile), "-o", str(out)])
        assert result.exit_code == 0, result.output
        written = out.read_text("utf-8")
        # the charts (SVG, drawn by render/charts) are not part of this check
        _assert_inert(re.sub(r"<svg.*?</svg>", "", written, flags=re.S))


def test_explain_escapes_the_trail(hostile: Path) -> None:
    for name in ("npv", "Oude zorg\x1b]52;c;eA==\x07"):
        result = runner.invoke(app, ["explain", str(hostile), name])
        assert result.exit_code == 0, result.output
        _assert_inert(result.stdout)


def test_sensitivity_and_simulate_escape_scenario_text(hostile: Path) -> None:
    for command in (["sensitivity"], ["simulate", "-n", "200"]):
        result = runner.invoke(app, [*command, str(hostile)])
        assert result.exit_code == 0, result.output
        _assert_inert(result.stdout)


# ------------------------------------------------------------------ check's formats

BAD_KEY = """\
pactcalc: 1
name: Sleutel
start_year: 2024
years: 1
"bad\\x01key\\e[2J\\uFFFE\\n::error::forged": 1
partners:
  - {id: gemeente, name: "Gemeente\\e]52;c;eA==\\a"}
baseline:
  - {name: "Oud\\n::add-mask::geheim", partner: gemeente, amount: 100}
budget:
  - {name: Budget, partner: gemeente, amount: 100}
effort:
  - {name: Nieuw, partner: gemeente, amount: 50}
"""

FAILING = HOSTILE  # valid, and its check headroom_min >= 500 fails


@pytest.fixture
def check_files(tmp_path: Path) -> list[str]:
    return [
        str(write(tmp_path, BAD_KEY, "bad.yaml")),
        str(write(tmp_path, FAILING, "failing.yaml")),
    ]


@pytest.mark.parametrize("check_format", ["text", "github", "json"])
def test_check_formats_escape_scenario_text(check_files: list[str], check_format: str) -> None:
    result = runner.invoke(
        app, ["check", *check_files, "-f", check_format], env={"GITHUB_ACTIONS": "true"}
    )
    assert result.exit_code == 2, result.output
    if check_format == "github":  # its own commands, one a line; none taken from a file
        commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
        assert commands
        assert all(c.startswith(("::error ", "::warning ")) for c in commands)
        assert ACTIVE.search(result.stdout) is None
        assert "::error::forged" not in result.stdout.replace("%0A", "\n").splitlines()
    else:
        _assert_inert(result.stdout)
    if check_format == "json":
        assert "bad\x01key" in result.stdout.replace("\\u0001", "\x01")


def test_github_annotations_keep_their_line_breaks_encoded(check_files: list[str]) -> None:
    result = runner.invoke(app, ["check", *check_files, "-f", "github"])
    key_lines = [line for line in result.stdout.splitlines() if "bad" in line]
    assert key_lines, result.stdout
    assert all("%0A::error::forged" in line for line in key_lines)  # one annotation
    assert all("\\x1b[2J" in line for line in key_lines)  # the escape shown, not sent


def test_junit_is_well_formed_xml_with_control_characters(check_files: list[str]) -> None:
    result = runner.invoke(app, ["check", *check_files, "-f", "junit"])
    assert result.exit_code == 2
    root = ET.fromstring(result.stdout)  # raises on a character XML 1.0 forbids
    texts = [v for e in root.iter() for v in (*e.attrib.values(), e.text or "")]
    assert any("bad\\x01key\\x1b[2J\\ufffe" in text for text in texts)
    assert not any(ACTIVE.search(text.replace("\n", "").replace("\r", "")) for text in texts)


def test_every_problem_of_an_invalid_file_is_printed_inert(tmp_path: Path) -> None:
    path = write(tmp_path, BAD_KEY, "bad.yaml")
    result = runner.invoke(app, ["run", str(path)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 2
    _assert_inert(result.stderr)
    assert "\\x01" in result.stderr


def test_a_line_break_in_the_discount_rate_source_starts_no_line(tmp_path: Path) -> None:
    text = HOSTILE.replace(
        "years: 2\n", 'years: 2\ndiscount_rate: {value: 0.02, source: "bron\\n::error::x"}\n'
    )
    result = runner.invoke(app, ["run", str(write(tmp_path, text))])
    assert result.exit_code == 0, result.output
    _assert_inert(result.stdout)  # no command: inert_lines escapes the line
    # and the break starts no line: the report model puts the source on one line
    # (report.values.one_line), so the rate's note stays one line
    lines = result.stdout.split("\n")
    assert not any(line.lstrip("\\ ").startswith("::error::x") for line in lines)


def test_no_line_of_a_human_format_is_a_workflow_command(tmp_path: Path) -> None:
    """No line break is needed for a command: the scenario's name is the first line of
    ``run``, and a long source wraps so that a word ``::error`` may start a line."""
    filler = "woord " * 13  # wraps before the command at 80 columns
    text = (
        HOSTILE.replace('name: "Naam', 'name: "::add-mask::geheim Naam')
        .replace("name: Budget", f'name: "{filler}::error::gewrapt"')
        .replace('source: "aanname: a', f'source: "{filler}::warning::p ##[error]x a')
    )
    path = write(tmp_path, text)
    for command in (["run"], ["run", "-f", "markdown"], ["sensitivity"]):
        arguments = [*command, str(path)]
        result = runner.invoke(app, arguments, env={"COLUMNS": "80", "GITHUB_ACTIONS": "true"})
        assert result.exit_code == 0, result.output
        _assert_inert(result.stdout)
        if command == ["run"]:  # the title, the first line: shown, escaped
            assert result.stdout.startswith("\\::add-mask::geheim")


def test_a_file_name_is_no_workflow_command(tmp_path: Path) -> None:
    path = write(tmp_path, BAD_KEY, "::error::x.yaml")
    for check_format in ("text", "junit"):
        result = runner.invoke(app, ["check", str(tmp_path), "-f", check_format])
        assert result.exit_code == 2
        _assert_inert(result.stdout)
    result = runner.invoke(app, ["run", str(path)])
    _assert_inert(result.stderr)
