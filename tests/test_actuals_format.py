"""The actuals format's tooling (DOMAIN.md §8): its JSON Schema, every problem of a file at
once, and the starter that `pactcalc init --actuals` writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ACTUALS_EXAMPLES, ROOT, runner, undescribed, write

from pactcalc.cli import app
from pactcalc.model.actuals import json_schema
from pactcalc.pipeline import monitor_file

SCHEMA = ROOT / "schema" / "actuals.schema.json"
PLAN = ROOT / "tests" / "errors" / "plans" / "plan.yaml"


def _invoke(*args: str | Path) -> tuple[str, str, int]:
    result = runner.invoke(app, [str(a) for a in args], env={"GITHUB_ACTIONS": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout, result.stderr, result.exit_code


# --- the schema ------------------------------------------------------------------------------


def test_committed_schema_is_current():
    committed = json.loads(SCHEMA.read_text("utf-8"))
    assert committed == json_schema(), (
        "run: pactcalc schema --actuals --output schema/actuals.schema.json"
    )


def test_schema_command_prints_and_writes_it(tmp_path):
    out, _, code = _invoke("schema", "--actuals")
    assert code == 0
    assert json.loads(out) == json_schema()
    target = tmp_path / "actuals.schema.json"
    assert _invoke("schema", "--actuals", "--output", target)[2] == 0
    assert target.read_text("utf-8") == SCHEMA.read_text("utf-8")
    assert json.loads(_invoke("schema")[0])["title"] == "pactcalc scenario"  # unchanged


def test_schema_names_the_version_key_and_year_keys():
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "pactcalc actuals"
    assert schema["required"] == ["pactcalc-actuals", "scenario", "years"]
    assert schema["properties"]["pactcalc-actuals"]["const"] == 1
    years = schema["properties"]["years"]
    assert years["patternProperties"] == {"^[0-9]{4}$": {"$ref": "#/$defs/ActualYear"}}
    assert years["additionalProperties"] is False
    pattern = re.compile(next(iter(years["patternProperties"])))
    assert [bool(pattern.match(k)) for k in ("2021", "221", "20x1", "20211")] == [
        True,
        False,
        False,
        False,
    ]
    status = schema["$defs"]["ActualYear"]["properties"]["status"]
    assert status["enum"] == ["final", "provisional", "forecast"]


def test_every_schema_field_has_a_description():
    assert undescribed(json_schema()) == []


@pytest.mark.parametrize("example", ACTUALS_EXAMPLES, ids=lambda p: p.name)
def test_every_actuals_example_points_at_the_schema(example):
    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/actuals.schema.json"
    assert (example.parent / "../schema/actuals.schema.json").resolve() == SCHEMA


def test_the_format_reference_documents_the_actuals():
    text = (ROOT / "docs" / "format.md").read_text("utf-8")
    assert "# The actuals format" in text
    for key in ("pactcalc-actuals", "scenario", "status", "amounts", "kpis", "investments"):
        assert f"| `{key}` |" in text


# --- every problem at once ------------------------------------------------------------------

ALL_AT_ONCE = """\
pactcalc-actuals: 1
scenario: plan.yaml
years:
  2021:
    status: final
    series: {clienen: 12}
    amounts:
      effort:
        Begeleiding: twaalfhonderd
        Begeleiding 24/7: 1200
  2022: {status: forecast}
  2023: {status: final}
  2030: {status: forecast}
"""


def test_every_problem_of_an_actuals_file_at_once(tmp_path):
    write(tmp_path, PLAN.read_text("utf-8"), "plan.yaml")
    path = write(tmp_path, ALL_AT_ONCE, "a.yaml")
    out, _, code = _invoke("check", path, "--lang", "en")
    assert code == 2
    found = re.findall(rf"^{re.escape(str(path))}:(\d+):(\d+): error: (PC\d+) (.*)$", out, re.M)
    assert found == [
        # the series, in a flow mapping: "    series: {" is 13 characters
        (
            "6",
            "14",
            "PC502",
            "series 'clienen' is not in the plan (it has: clienten); did you mean 'clienten'?",
        ),
        # the booked amount that is text: "        Begeleiding: " is 21
        ("9", "22", "PC103", "a number is expected here, not the text 'twaalfhonderd'"),
        (
            "10",
            "9",
            "PC502",
            "effort line 'Begeleiding 24/7' is not in the plan (it has: Begeleiding); "
            "did you mean 'Begeleiding'?",
        ),
        (
            "12",
            "3",
            "PC504",
            "2023 (final) comes after 2022 (forecast): years run from final, through "
            "provisional, to forecast; a realised year never follows a forecast",
        ),
        ("13", "3", "PC503", "'2030' is not a year of the plan's horizon (2021–2023)"),
    ]
    assert "Traceback" not in out


def test_a_salvaged_file_is_never_monitored(tmp_path):
    """The problems are all reported, but a file with errors gives no monitoring."""
    write(tmp_path, PLAN.read_text("utf-8"), "plan.yaml")
    path = write(tmp_path, ALL_AT_ONCE, "a.yaml")
    document = monitor_file(path)
    assert not document.ok
    assert document.monitoring is None


def test_a_version_beside_a_wrong_value_is_reported_too(tmp_path):
    write(tmp_path, PLAN.read_text("utf-8"), "plan.yaml")
    text = ALL_AT_ONCE.replace("pactcalc-actuals: 1", "pactcalc-actuals: 2")
    codes = [p.code for p in monitor_file(write(tmp_path, text, "a.yaml")).problems]
    assert codes == ["PC506", "PC502", "PC103", "PC502", "PC504", "PC503"]


def test_a_file_without_its_required_keys_stops_at_them(tmp_path):
    path = write(tmp_path, "pactcalc-actuals: 1\nyears:\n  2021: {status: final}\n", "a.yaml")
    document = monitor_file(path)
    assert [(p.code, p.line) for p in document.problems] == [("PC101", 1)]
    assert document.actuals is None


# --- the starter -----------------------------------------------------------------------------


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write(tmp_path, PLAN.read_text("utf-8"), "plan.yaml")


def test_init_actuals_writes_a_valid_starter_beside_the_plan(plan):
    out, _, code = _invoke("init", "--actuals", plan)
    target = plan.with_name("plan-realisatie-2021.yaml")
    assert code == 0
    assert out == f"geschreven: {target}\n"
    text = target.read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=actuals.schema.json"
    assert "\nscenario: plan.yaml " in text
    document = monitor_file(target)
    assert document.all_problems == []
    assert document.monitoring is not None
    assert document.monitoring.status == {2021: "final", 2022: "plan", 2023: "plan"}
    assert _invoke("check", target, "--quiet") == ("", "", 0)


def test_the_starter_lists_the_plan_figures_of_its_first_year(plan):
    _invoke("init", "--actuals", plan, "--lang", "en")
    text = plan.with_name("plan-realisatie-2021.yaml").read_text("utf-8")
    # 2021: clienten 10, tarief 100 → Begeleiding 10 · 100 = 1000; the investment of 1000
    # in 2021; KPI uitstroom = clienten = 10
    for entry in (
        "    #   clienten: 10\n",
        "    #   tarief: 100\n",
        "    #   baseline:\n    #     Opvang: 5000\n",
        "    #   effort:\n    #     Begeleiding: 1000\n",
        "    #   investments:\n    #     Projectleiding: 1000\n",
        "    #   benefits:\n    #     Minder schulden: 500\n",
        "    #   uitstroom: 10\n",
    ):
        assert entry in text
    assert "# Actuals of the plan 'Plan voor de realisatiegevallen' (plan.yaml)" in text


def _uncommented(text: str) -> str:
    """The starter with every figure filled in: its commented keys made real."""
    text = re.sub(r"(?m)^    # source:.*\n", "", text)
    return re.sub(r"(?m)^    # ", "    ", text)


def test_the_starter_as_written_is_the_plan_realised_and_filling_it_in_changes_nothing(
    tmp_path,
):
    """As written (status final, every figure commented) the first year is the plan
    without its optimism bias (DOMAIN.md §8): Beschermd Wonen's 2021 investments lose
    their 20 %: 150.000 · 0,2 + 45.000 · 0,2 = 39.000. The figures it lists are that
    realised year's, so filling every one of them in books no difference at all."""
    plan = write(
        tmp_path, (ROOT / "examples" / "beschermd-wonen.yaml").read_text("utf-8"), "bw.yaml"
    )
    _invoke("init", "--actuals", plan, "--output", tmp_path / "start.yaml")
    as_written = monitor_file(tmp_path / "start.yaml").monitoring
    filled = write(tmp_path, _uncommented((tmp_path / "start.yaml").read_text("utf-8")), "f.yaml")
    assert "\n        Transitie en projectleiding: 150000\n" in filled.read_text("utf-8")
    document = monitor_file(filled)
    assert document.all_problems == []
    monitoring = document.monitoring
    assert monitoring is not None
    assert as_written is not None
    for found in (as_written, monitoring):
        assert found.total.part("bias") == pytest.approx(39000.0, abs=0.005)
        assert found.total.difference == pytest.approx(39000.0, abs=0.005)
    assert all(abs(line.part("booked")) < 0.005 for line in monitoring.lines)
    assert all(abs(line.part("price")) < 0.005 for line in monitoring.lines)
    assert float(monitoring.expectation.npv) == pytest.approx(
        float(as_written.expectation.npv), abs=0.005
    )


def test_init_actuals_never_overwrites(plan):
    target = plan.with_name("plan-realisatie-2021.yaml")
    target.write_text("mine\n", "utf-8")
    _, err, code = _invoke("init", "--actuals", plan)
    assert code == 2
    assert "PC021" in err
    assert target.read_text("utf-8") == "mine\n"


def test_init_actuals_at_a_path_in_another_folder(plan, tmp_path):
    (tmp_path / "realisatie").mkdir()
    target = tmp_path / "realisatie" / "2021.yaml"
    assert _invoke("init", target, "--actuals", plan)[2] == 0
    assert "\nscenario: ../plan.yaml " in target.read_text("utf-8")
    assert monitor_file(target).all_problems == []


def test_init_actuals_of_an_invalid_plan_writes_nothing(tmp_path):
    plan = write(tmp_path, PLAN.read_text("utf-8").replace("tarief: 100", "tarief: x"), "p.yaml")
    _, err, code = _invoke("init", "--actuals", plan)
    assert code == 2
    assert f"{plan}:" in err
    assert list(tmp_path.iterdir()) == [plan]


def test_init_takes_its_file_once(plan, tmp_path):
    _, _, code = _invoke("init", tmp_path / "a.yaml", "--output", tmp_path / "b.yaml")
    assert code == 2
    assert _invoke("init")[2] == 2  # a scenario needs its new file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]
