"""The command line end to end: exit codes, output formats, atomic writes, examples."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, runner, write

from pactcalc import __version__
from pactcalc.cli import app
from pactcalc.model import json_schema

SMALL = """\
pactcalc: 1
name: Klein scenario
start_year: 2024
years: 2
partners:
  - {id: gemeente, name: Gemeente}
  - {id: wmo, name: Wmo-aanbieder}
baseline:
  - {name: Oude zorg, partner: gemeente, amount: 1000}
budget:
  - {name: Budget, partner: gemeente, amount: 1000}
effort:
  - {name: Begeleiding, partner: wmo, amount: 400}
investments:
  - {name: Start, partner: gemeente, amount: 300}
checks:
  - payback_years <= 1
  - headroom_min >= 500
"""
# By hand: savings 1000 − 400 = 600 a year; investment 300 at the start of 2024.
# Payback: 300 / 600 = 0.5 year → holds. Headroom 2024: 1000 − 400 − 300 = 300 < 500 → fails.


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"pactcalc {__version__}"


def test_python_dash_m(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pactcalc", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"pactcalc {__version__}"


@pytest.mark.parametrize(
    "command", [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
)
def test_every_command_has_help_with_an_example(command):
    assert command  # every registered command, so a new one without an example fails
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: pactcalc " + command in result.stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_passes_check(example):
    result = runner.invoke(app, ["check", str(example)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_starts_with_the_schema_modeline(example):
    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/scenario.schema.json"


def test_check_on_the_examples_folder_is_quiet_and_green():
    result = runner.invoke(app, ["check", str(ROOT / "examples")])
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1  # the one summary line
    assert "3 in orde" in result.stdout


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "schema" / "scenario.schema.json").read_text("utf-8"))
    assert committed == json_schema(), "run: pactcalc schema --output schema/scenario.schema.json"


def test_every_schema_field_has_a_description():
    schema = json_schema()
    missing = [
        f"{model}.{name}"
        for model, body in schema["$defs"].items()
        for name, prop in body.get("properties", {}).items()
        if "description" not in prop
    ]
    missing += [name for name, prop in schema["properties"].items() if "description" not in prop]
    assert missing == []


def test_run_table_in_dutch(tmp_path):
    result = runner.invoke(app, ["run", str(write(tmp_path, SMALL))])
    assert result.exit_code == 0
    # savings total 2 × 600 = 1.200; npv = (600 − 300) + 600 / 1.0225 = 886,80 → € 887
    assert "€ 1.200" in result.stdout
    assert "€ 887" in result.stdout
    assert "0,5 jaar" in result.stdout
    assert "Terugverdientijd" in result.stdout


def test_run_exits_0_even_when_a_check_fails(tmp_path):
    result = runner.invoke(app, ["run", str(write(tmp_path, SMALL)), "--lang", "en"])
    assert result.exit_code == 0
    assert "headroom_min >= 500 — fails" in result.stdout
    assert "Payback" in result.stdout


def test_run_json(tmp_path):
    result = runner.invoke(app, ["run", str(write(tmp_path, SMALL)), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["years"] == [2024, 2025]
    assert data["effort_per_year"] == [400.0, 400.0]
    assert data["headroom_per_year"] == [300.0, 600.0]  # 1000 − 400 − 300; 1000 − 400
    assert data["payback_years"] == pytest.approx(0.5)
    assert data["npv"] == pytest.approx(300 + 600 / 1.0225)
    assert data["roi"] == pytest.approx((300 + 600 / 1.0225) / 300)
    assert data["discount_rate"] == 0.0225
    assert "2,25%" in data["discount_rate_source"]
    wmo = next(p for p in data["partners"] if p["id"] == "wmo")
    assert wmo["effort_total"] == 800.0
    assert wmo["pays_total"] == 0.0
    gemeente = next(p for p in data["partners"] if p["id"] == "gemeente")
    # gemeente holds the whole budget: pays 400 + 400 + 300, stops paying 2000 → net 900
    assert gemeente["net_total"] == pytest.approx(900.0)
    checks = {c["expression"]: c for c in data["checks"]}
    assert checks["payback_years <= 1"]["passed"] is True
    assert checks["headroom_min >= 500"]["passed"] is False
    assert checks["headroom_min >= 500"]["line"] == 18
    assert checks["headroom_min >= 500"]["col"] == 5


def test_run_json_without_payback_is_null(tmp_path):
    text = SMALL.replace("amount: 300}", "amount: 3000}")
    data = json.loads(
        runner.invoke(app, ["run", str(write(tmp_path, text)), "--format", "json"]).stdout
    )
    assert data["payback_years"] is None  # 3000 > 2 × 600 returned within the horizon
    check = next(c for c in data["checks"] if c["expression"] == "payback_years <= 1")
    assert check["passed"] is False
    assert check["actual"] is None


def test_run_csv_and_markdown(tmp_path):
    path = write(tmp_path, SMALL)
    csv_out = runner.invoke(app, ["run", str(path), "--format", "csv"]).stdout
    assert csv_out.splitlines()[0] == "metric,2024,2025,total"
    assert "headroom,300.0,600.0,900.0" in csv_out
    md = runner.invoke(app, ["run", str(path), "--format", "markdown", "--lang", "en"]).stdout
    assert md.startswith("# Klein scenario")
    assert "| Headroom | €300 | €600 | €900 |" in md


def test_output_is_written_and_never_over_the_input(tmp_path):
    path = write(tmp_path, SMALL)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["run", str(path), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text("utf-8"))["scenario"] == "Klein scenario"
    result = runner.invoke(app, ["run", str(path), "--format", "json", "--output", str(path)])
    assert result.exit_code == 2
    assert "PC020" in result.stderr
    assert path.read_text("utf-8") == SMALL


def test_invalid_file_exit_2_nothing_written(tmp_path):
    path = write(tmp_path, SMALL.replace("years: 2", "years: 2\nyeers: 3"))
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["run", str(path), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert "Traceback" not in result.output
    assert f"{path}:5:1: error: PC102" in result.stderr


def test_three_mistakes_reported_at_once(tmp_path):
    text = (
        SMALL.replace("amount: 400}", "amount: uren * tarief}")
        .replace("years: 2", "years: 2\nyears: 3")
        .replace("  - {id: wmo,", "  - {idd: x, id: wmo,")
    )
    result = runner.invoke(app, ["check", str(write(tmp_path, text)), "--lang", "en"])
    assert result.exit_code == 2
    out = result.stdout
    assert ":5:1: error: PC007 key 'years' appears twice" in out
    assert ":8:6: error: PC102 unknown key 'idd'" in out
    assert ":14:47: error: PC123 unknown name 'uren'" in out
    assert ":14:54: error: PC123 unknown name 'tarief'" in out


def test_check_exit_codes(tmp_path):
    good = write(tmp_path, SMALL.replace("headroom_min >= 500", "headroom_min >= 0"), "good.yaml")
    failing = write(tmp_path, SMALL, "failing.yaml")
    bad = write(tmp_path, SMALL.replace("years: 2", "years: two"), "bad.yaml")
    assert runner.invoke(app, ["check", str(good)]).exit_code == 0
    result = runner.invoke(app, ["check", str(failing), "--lang", "en"])
    assert result.exit_code == 1
    assert (
        f"{failing}:18:5: check 'headroom_min >= 500' failed: lowest headroom in a year "
        "is €300" in result.stdout
    )
    assert runner.invoke(app, ["check", str(failing), str(bad)]).exit_code == 2


def test_check_missing_payback_says_so(tmp_path):
    path = write(tmp_path, SMALL.replace("amount: 300}", "amount: 3000}"))
    result = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert (
        "check 'payback_years <= 1' failed: there is no payback within the 2-year "
        "horizon" in result.stdout
    )


def test_check_folder_skips_hidden_and_non_scenarios(tmp_path):
    write(tmp_path, SMALL.replace("headroom_min >= 500", "headroom_min >= 0"), "a.yaml")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "other: config\n", "config.yml")
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden", "pactcalc: 1\n", "broken.yaml")
    result = runner.invoke(app, ["check", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 0, result.stdout
    assert "1 scenario(s) checked: 1 passed" in result.stdout
    assert "1 YAML file(s) without a 'pactcalc' key skipped" in result.stdout


def test_check_nothing_found_is_an_error(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "PC022" in result.stderr


@pytest.mark.parametrize("case", ["beschermd-wonen", "crisis"])
def test_init_writes_a_starter_that_passes_check(tmp_path, case):
    path = tmp_path / "nieuw.yaml"
    assert runner.invoke(app, ["init", str(path), "--case", case]).exit_code == 0
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    before = path.read_text("utf-8")
    again = runner.invoke(app, ["init", str(path)])
    assert again.exit_code == 2
    assert path.read_text("utf-8") == before


def test_schema_command_prints_the_schema():
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout) == json_schema()


def test_skip_other_yaml_skips_unreadable_non_scenarios(tmp_path):
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    (tmp_path / "comment.yaml").write_text("# only a comment\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("a: [1, 2\n", encoding="utf-8")
    (tmp_path / "multi.yaml").write_text("a: 1\n---\nb: 2\n", encoding="utf-8")
    # a broken file that starts like a scenario is reported, never skipped
    (tmp_path / "scenario.yaml").write_text("pactcalc: 1\nname: [x\n", encoding="utf-8")
    named = sorted(str(p) for p in tmp_path.iterdir())
    result = runner.invoke(app, ["check", "--skip-other-yaml", *named, "--lang", "en"])
    assert result.exit_code == 2
    assert "4 YAML file(s) without a 'pactcalc' key skipped" in result.stdout
    assert "scenario.yaml:2:7: error: PC006" in result.stdout


def test_output_files_get_the_usual_mode(tmp_path):
    import os

    out = tmp_path / "r.json"
    assert (
        runner.invoke(
            app, ["run", "examples/beschermd-wonen.yaml", "-f", "json", "-o", str(out)]
        ).exit_code
        == 0
    )
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600


def test_compare_needs_two_files():
    result = runner.invoke(app, ["compare", "examples/beschermd-wonen.yaml"])
    assert result.exit_code == 2


def test_run_missing_file_says_not_found(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope.yaml"), "--lang", "en"])
    assert result.exit_code == 2
    assert "PC001 cannot read the file: not found" in result.stderr


def test_one_refused_value_does_not_hide_the_cross_checks(tmp_path):
    text = (
        "pactcalc: 1\nname: Fasen\nstart_year: 2024\nyears: 3\nx: true\npartners:\n"
        "  - {id: gem, name: Gemeente}\n  - {id: gem, name: Nogmaals}\n"
        "baseline:\n  - {name: Oud, partner: gem, amount: 1000, from: 2026, until: 2025}\n"
        "investments:\n  - {name: Start, partner: gem, amount: 100, year: 2030}\n"
    )
    result = runner.invoke(app, ["check", str(write(tmp_path, text)), "--lang", "en"])
    codes = [
        line.split(": ")[2].split()[0] for line in result.stdout.splitlines() if ": error: " in line
    ]
    # the unknown key, and behind it the duplicate id, from > until, the year outside
    assert codes == ["PC102", "PC116", "PC126", "PC127"]


def test_simulation_settings_are_validated(tmp_path):
    text = SMALL + "simulation: {samples: 0, seed: -1}\n"
    result = runner.invoke(app, ["check", str(write(tmp_path, text)), "--lang", "en"])
    assert result.exit_code == 2
    assert "PC113 samples must be a whole number from 1 to 1,000,000, not 0" in result.stdout
    assert "PC113 seed must be a whole number from 0, not -1" in result.stdout
    assert "Traceback" not in result.output


def test_no_payback_said_in_dutch(tmp_path):
    text = SMALL.replace("amount: 300}", "amount: 3000}")
    result = runner.invoke(app, ["run", str(write(tmp_path, text))])
    assert "De investering wordt niet binnen de horizon van 2 jaar terugverdiend." in result.stdout
