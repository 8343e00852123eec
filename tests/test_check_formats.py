"""`pactcalc check --format text|json|junit|github`: the same verdicts in every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import runner

from pactcalc.cli import app
from pactcalc.render.check_run import _escape_data, _escape_property

FAILING = """\
pactcalc: 1
name: Faalt
start_year: 2024
years: 2
partners:
  - {id: gemeente, name: Gemeente}
baseline:
  - {name: Oud, partner: gemeente, amount: 1000}
budget:
  - {name: Budget, partner: gemeente, amount: 1000}
effort:
  - {name: Nieuw, partner: gemeente, amount: 400}
investments:
  - {name: Start, partner: gemeente, amount: 300}
checks:
  - npv > 0
  - headroom_min >= 500
"""
# By hand: headroom 2024 = 1000 − 400 − 300 = 300, so `headroom_min >= 500` (line 17,
# col 5) fails; npv = 300 + 600/1.0225 > 0 holds.
INVALID = FAILING.replace("years: 2", "years: 2\nyeers: 2")  # unknown key on line 5


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    failing = tmp_path / "failing.yaml"
    failing.write_text(FAILING, encoding="utf-8")
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(INVALID, encoding="utf-8")
    return failing, invalid


def test_junit_failing_check_is_a_failed_test_case(files):
    failing, invalid = files
    result = runner.invoke(
        app, ["check", str(failing), str(invalid), "-f", "junit", "--lang", "en"]
    )
    assert result.exit_code == 2  # invalid wins over failing
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    cases = {c.get("name"): c for c in suites[str(failing)].iter("testcase")}
    assert cases["npv > 0"].find("failure") is None
    failure = cases["headroom_min >= 500"].find("failure")
    assert failure is not None
    assert failure.get("message") == "lowest headroom in a year is €300"
    assert cases["headroom_min >= 500"].get("line") == "17"
    error = suites[str(invalid)].find("testcase/error")
    assert error is not None
    assert error.get("type") == "PC102"
    assert f"{invalid}:5:1: PC102" in (error.text or "")


def test_github_annotations_on_the_lines(files):
    failing, invalid = files
    result = runner.invoke(
        app, ["check", str(failing), str(invalid), "-f", "github", "--lang", "en"]
    )
    lines = result.stdout.splitlines()
    assert (
        f"::error file={failing},line=17,col=5,title=pactcalc check failed::check "
        "'headroom_min >= 500' failed: lowest headroom in a year is €300" in lines
    )
    assert any(
        line.startswith(f"::error file={invalid},line=5,col=1,title=pactcalc PC102::")
        for line in lines
    )
    assert result.exit_code == 2


def test_github_is_the_default_inside_github_actions(files, monkeypatch):
    failing, _ = files
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = runner.invoke(app, ["check", str(failing)])
    assert result.stdout.startswith("::error ")
    assert result.exit_code == 1


def test_json_report(files):
    failing, invalid = files
    result = runner.invoke(app, ["check", str(failing), str(invalid), "-f", "json", "--lang", "en"])
    data = json.loads(result.stdout)
    by_file = {f["file"]: f for f in data["files"]}
    assert by_file[str(failing)]["status"] == "failed"
    assert by_file[str(invalid)]["status"] == "invalid"
    assert by_file[str(invalid)]["errors"][0]["code"] == "PC102"
    assert by_file[str(invalid)]["errors"][0]["line"] == 5
    checks = {c["expression"]: c for c in by_file[str(failing)]["checks"]}
    assert checks["headroom_min >= 500"]["passed"] is False
    assert checks["headroom_min >= 500"]["actual"] == 300.0
    assert data["summary"] == {
        "files": 2,
        "passed": 0,
        "failed": 1,
        "invalid": 1,
        "skipped": 0,
        "exit_code": 2,
    }


def test_output_file_for_a_format(files, tmp_path):
    failing, _ = files
    out = tmp_path / "report.xml"
    result = runner.invoke(app, ["check", str(failing), "-f", "junit", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert ET.parse(out).getroot().get("failures") == "1"


def test_output_never_over_an_input(files):
    failing, _ = files
    result = runner.invoke(app, ["check", str(failing), "-f", "json", "-o", str(failing)])
    assert result.exit_code == 2
    assert failing.read_text("utf-8") == FAILING


def test_text_is_quiet_when_all_holds(files):
    failing, _ = files
    failing.write_text(FAILING.replace(">= 500", ">= 0"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(failing), "-q"]).stdout == ""


def test_workflow_command_escaping():
    assert _escape_data("50% of a\nb") == "50%25 of a%0Ab"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"
