"""`pactcalc check` on actuals files (DOMAIN.md §8): the plan's checks on the current
expectation, KPIs behind in final years (exit 1) or provisional years (PC561, a warning),
every finding at the actuals file's lines, in every CI format."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, runner, write

from pactcalc.cli import app
from pactcalc.gate import check_paths

#: More than the 16 KiB a first look at a file used to read for its key.
FIRST_LOOK = 16_384

# By hand, per year 2021, 2022, 2023: effort = clienten · tarief = 1000, 2000, 3000;
# investment 1000 in 2021; budget 5000 a year, so headroom = 5000 − effort − investment =
# 3000, 3000, 2000: `headroom_min >= 1500` holds on the plan (line 21, col 5).
PLAN = """\
pactcalc: 1
name: Plan
start_year: 2021
years: 3
partners:
  - {id: gemeente, name: Gemeente}
parameters:
  tarief: 100
series:
  clienten: [10, 20, 30]
budget:
  - {name: Budget, partner: gemeente, amount: 5000}
effort:
  - {name: Begeleiding, partner: gemeente, amount: clienten * tarief, paid_from: budget}
investments:
  - {name: Projectleiding, partner: gemeente, amount: 1000}
kpis:
  uitstroom: {name: Uitstroom, direction: higher, value: clienten, reference: 0,
              target: [10, 20, 30], tolerance: 0.1}
checks:
  - headroom_min >= 1500
"""


def _actuals(years: str) -> str:
    return f"pactcalc-actuals: 1\nscenario: plan.yaml\nyears:\n{years}"


def _check(*args: str | Path) -> tuple[str, int]:
    result = runner.invoke(
        app, ["check", *map(str, args), "--lang", "en"], env={"GITHUB_ACTIONS": None}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout, result.exit_code


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write(tmp_path, PLAN, "plan.yaml")


def test_a_kpi_behind_in_a_final_year_fails_at_its_measured_value(tmp_path, plan):
    # target 10, tolerance 10%: behind below 10 · 0.9 = 9; 8.5 is behind (line 6, col 12)
    path = write(
        tmp_path,
        _actuals("  2021:\n    status: final\n    kpis: {uitstroom: 8.5}\n"),
        "a.yaml",
    )
    out, code = _check(path)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:6:12: KPI 'uitstroom' is behind in 2021: 8.5 against target 10 (tolerance 10%)"
    )


def test_at_the_tolerance_is_not_behind(tmp_path, plan):
    # 9 = 10 · (1 − 0.1): exactly at the limit, not below it
    path = write(
        tmp_path, _actuals("  2021:\n    status: final\n    kpis: {uitstroom: 9}\n"), "a.yaml"
    )
    out, code = _check(path, "--quiet")
    assert (out, code) == ("", 0)


def test_a_kpi_from_its_expression_is_located_at_the_year(tmp_path, plan):
    # no measured value: the KPI is clienten = 8 in 2021 (series), behind 9; at the year's
    # key (line 4, col 3)
    path = write(
        tmp_path,
        _actuals("  2021:\n    status: final\n    series: {clienten: 8}\n"),
        "a.yaml",
    )
    out, code = _check(path)
    assert code == 1
    assert f"{path}:4:3: KPI 'uitstroom' is behind in 2021: 8 against target 10" in out


def test_a_kpi_behind_in_a_provisional_year_is_a_warning(tmp_path, plan):
    # 2022: target 20, limit 18; 17 is behind, but provisional: PC561, exit 0 (line 7, col 12)
    path = write(
        tmp_path,
        _actuals(
            "  2021: {status: final}\n  2022:\n    status: provisional\n    kpis: {uitstroom: 17}\n"
        ),
        "a.yaml",
    )
    out, code = _check(path)
    assert code == 0
    assert out.splitlines()[0] == (
        f"{path}:7:12: warning: PC561 KPI 'uitstroom' is behind in 2022 (provisional): 17 "
        "against target 20 (tolerance 10%)"
    )


def test_a_forecast_kpi_is_not_judged(tmp_path, plan):
    path = write(
        tmp_path, _actuals("  2023:\n    status: forecast\n    kpis: {uitstroom: 1}\n"), "a.yaml"
    )
    assert _check(path, "--quiet") == ("", 0)


def test_a_check_failing_on_the_expectation_is_at_the_scenario_key(tmp_path, plan):
    # forecast 2023: clienten 36 → effort 3600, headroom 5000 − 3600 = 1400 < 1500
    path = write(tmp_path, _actuals("  2023:\n    status: forecast\n    series: {clienten: 36}\n"))
    out, code = _check(path)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:2:1: check 'headroom_min >= 1500' failed: lowest headroom in a year is "
        "€1,400; on the current expectation (realised plus forecast); the check is in the "
        f"plan, {plan}:21:5"
    )


def test_the_plan_itself_still_passes(tmp_path, plan):
    write(tmp_path, _actuals("  2023:\n    status: forecast\n    series: {clienten: 36}\n"))
    out, code = _check(tmp_path, "-f", "json")
    assert code == 1
    files = {Path(f["file"]).name: f for f in json.loads(out)["files"]}
    assert (files["plan.yaml"]["kind"], files["plan.yaml"]["status"]) == ("scenario", "passed")
    assert (files["s.yaml"]["kind"], files["s.yaml"]["status"]) == ("actuals", "failed")
    assert json.loads(out)["summary"]["files"] == 2


def test_an_invalid_plan_is_reported_at_its_own_lines(tmp_path):
    write(tmp_path, PLAN.replace("tarief: 100", "tarief: honderd"), "plan.yaml")
    path = write(tmp_path, _actuals("  2021: {status: final}\n"), "a.yaml")
    out, code = _check(path)
    assert code == 2
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'plan.yaml'}:8:11: error: PC103 ")
    assert "8 |   tarief: honderd" in lines  # the plan's excerpt, from the plan's text
    # the text parameter, then the expression that names it (PC123): two errors
    assert f"{path}:2:11: error: PC501 the plan '{tmp_path / 'plan.yaml'}' has 2 error(s)" in out


def test_an_invalid_actuals_file_exits_2(tmp_path, plan):
    path = write(tmp_path, _actuals("  2021: {status: definitief}\n"), "a.yaml")
    out, code = _check(path)
    assert code == 2
    assert f"{path}:4:18: error: PC114 " in out  # "  2021: {status: " is 17


PROBABILISTIC = (
    PLAN.replace("tarief: 100", "tarief: {value: 100, low: 90, high: 110}")
    + "  - P(headroom_min >= 0) >= 0.5\n"
)


def test_checks_on_a_simulation_are_judged_on_the_expectation(tmp_path):
    """The plan's P(…) check is evaluated on the current expectation, on the same draws:
    tarief varies 90–110 and Begeleiding is clienten · tarief, with Projectleiding's 1.000
    in 2021, from a budget of 5.000 a year. With 2021 final at tarief 100 and clienten 10,
    2021 costs 1.000 + 1.000 whatever the draw; the plan's clienten of 20 and 30 in 2022 and
    2023 (costs 1.800–3.300) keep headroom_min ≥ 0 in every draw, so P = 1 ≥ 0.5 holds.
    Booking 2021's Begeleiding at 5.100 makes 2021's headroom 5.000 − 5.100 − 1.000 =
    −1.100 in every draw: P = 0, and check exits 1."""
    write(tmp_path, PROBABILISTIC, "plan.yaml")
    path = write(
        tmp_path,
        _actuals("  2021: {status: final, series: {clienten: 10}, parameters: {tarief: 100}}\n"),
        "a.yaml",
    )
    data = json.loads(_check(path, "-f", "json")[0])["files"][0]
    by_text = {c["expression"]: c for c in data["checks"]}
    assert by_text["P(headroom_min >= 0) >= 0.5"]["passed"] is True
    assert _check(path)[1] == 0
    booked = write(
        tmp_path,
        _actuals("  2021: {status: final, amounts: {effort: {Begeleiding: 5100}}}\n"),
        "b.yaml",
    )
    out, code = _check(booked, "--lang", "en")
    assert code == 1
    assert "check 'P(headroom_min >= 0) >= 0.5' failed" in out


def test_junit_has_a_test_case_per_kpi_year(tmp_path, plan):
    path = write(
        tmp_path,
        _actuals(
            "  2021:\n    status: final\n    kpis: {uitstroom: 8}\n"
            "  2022:\n    status: provisional\n    kpis: {uitstroom: 17}\n"
        ),
        "a.yaml",
    )
    out, code = _check(path, "-f", "junit")
    assert code == 1
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"headroom_min >= 1500", "KPI uitstroom 2021", "KPI uitstroom 2022"}
    failure = cases["KPI uitstroom 2021"].find("failure")
    assert failure is not None
    assert failure.get("message") == (
        "KPI 'uitstroom' is behind in 2021: 8 against target 10 (tolerance 10%)"
    )
    assert cases["KPI uitstroom 2021"].get("line") == "6"
    assert cases["KPI uitstroom 2022"].find("failure") is None  # provisional: a warning
    assert "warning: PC561" in (suite.findtext("system-out") or "")
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")


def test_the_shipped_examples_pass_with_the_provisional_warning():
    out, code = _check(ROOT / "examples", "-f", "github")
    assert code == 0
    warnings = [line for line in out.splitlines() if line.startswith("::warning ")]
    assert warnings == [
        f"::warning file={ROOT / 'examples' / 'beschermd-wonen-realisatie-2022.yaml'},"
        "line=49,col=7,title=pactcalc PC561::KPI 'uitstroom' is behind in 2022 (provisional): "
        "19 against target 20 (tolerance 0%25)"
    ]


def test_a_final_kpi_behind_in_the_example_fails_the_folder(tmp_path):
    folder = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", folder)
    actuals = folder / "beschermd-wonen-realisatie-2022.yaml"
    text = actuals.read_text("utf-8")
    assert text.splitlines()[35] == "      uitstroom: 10"  # 2021, final; target 10, no tolerance
    actuals.write_text(text.replace("      uitstroom: 10\n", "      uitstroom: 8\n", 1), "utf-8")
    result = runner.invoke(app, ["check", str(folder)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert (
        f"::error file={actuals},line=36,col=7,title=pactcalc KPI behind::KPI 'uitstroom' "
        "blijft in 2021 achter: 8 tegen doel 10 (tolerantie 0%25)"
    ) in result.stdout.splitlines()


def test_an_actuals_key_beyond_the_first_look_is_still_found(tmp_path, plan):
    padding = "# " + "x" * 78 + "\n"
    text = padding * (FIRST_LOOK // len(padding) + 1) + _actuals("  2021: {status: final}\n")
    write(tmp_path, text, "a.yaml")
    out, code = _check(tmp_path, "-f", "json")
    files = {Path(f["file"]).name: f["kind"] for f in json.loads(out)["files"]}
    assert files == {"a.yaml": "actuals", "plan.yaml": "scenario"}
    assert code == 0


def test_a_broken_actuals_file_in_a_folder_is_reported_not_skipped(tmp_path, plan):
    write(tmp_path, "pactcalc-actuals: 1\nscenario: [plan.yaml\n", "a.yaml")
    out, code = _check(tmp_path)
    assert code == 2
    assert f"{tmp_path / 'a.yaml'}:2:11: error: PC006 " in out  # the unclosed [


def test_many_files_in_processes_match_one_process(tmp_path, plan):
    for n in range(6):
        kpi = 8 if n % 2 else 10
        write(
            tmp_path,
            _actuals(f"  2021:\n    status: final\n    kpis: {{uitstroom: {kpi}}}\n"),
            f"a{n}.yaml",
        )
    serial = check_paths([tmp_path], workers=1)
    parallel = check_paths([tmp_path], workers=2)
    assert [(r.file, r.status) for r in parallel.reports] == [
        (r.file, r.status) for r in serial.reports
    ]
    assert [r.status for r in serial.reports] == ["passed", "failed"] * 3 + ["passed"]
    assert parallel.exit_code == serial.exit_code == 1
