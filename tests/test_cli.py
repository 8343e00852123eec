"""The command line end to end: exit codes, output formats, atomic writes, examples."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, runner, undescribed, write

from pactcalc import __version__, loader, output
from pactcalc.cli import app
from pactcalc.formats import (
    DRAWERS,
    RENDERERS,
    SUFFIX_FORMATS,
    CheckFormat,
    OutputFormat,
    drawer,
    renderer,
)
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
    result = runner.invoke(app, ["check", str(ROOT / "examples"), "--quiet"])
    assert result.exit_code == 0
    # the three scenarios are silent; the actuals file warns of its provisional 2022, whose
    # KPI uitstroom (19) is behind its target (20): the warning with its excerpt
    assert result.stdout.count("\n") == 4
    assert ": warning: PC561 KPI 'uitstroom' blijft in 2022 (voorlopig) achter" in result.stdout


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "schema" / "scenario.schema.json").read_text("utf-8"))
    assert committed == json_schema(), "run: pactcalc schema --output schema/scenario.schema.json"


def test_every_schema_field_has_a_description():
    assert undescribed(json_schema()) == []


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
    assert "1 file(s) checked: 1 passed" in result.stdout
    assert "1 YAML file(s) without a 'pactcalc' or 'pactcalc-actuals' key skipped" in result.stdout


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
    assert "4 YAML file(s) without a 'pactcalc' or 'pactcalc-actuals' key skipped" in result.stdout
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


# ------------------------------------------------------------ never lose or damage a file


def _good(tmp_path: Path, name: str = "good.yaml") -> Path:
    return write(tmp_path, SMALL.replace("headroom_min >= 500", "headroom_min >= 0"), name)


def test_check_output_never_over_a_file_read_from_a_folder(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    _good(folder, "a.yaml")
    second = _good(folder, "b.yaml")
    before = second.read_text("utf-8")
    result = runner.invoke(app, ["check", str(folder), "-f", "json", "-o", str(second)])
    assert result.exit_code == 2
    assert "PC020" in result.stderr
    assert second.read_text("utf-8") == before


def test_output_never_over_an_input_by_another_name(tmp_path):
    path = _good(tmp_path)
    hard_link = tmp_path / "same.yaml"
    os.link(path, hard_link)
    symbolic = tmp_path / "link.yaml"
    symbolic.symlink_to(path)
    for other in (hard_link, symbolic):
        result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(other)])
        assert result.exit_code == 2
        assert "PC020" in result.stderr
    assert path.read_text("utf-8") == _good(tmp_path, "again.yaml").read_text("utf-8")


def test_output_to_a_device_writes_to_it_and_keeps_it_a_device(tmp_path):
    path = _good(tmp_path)
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", os.devnull])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert not [p for p in Path(os.devnull).parent.glob(".pactcalc-*")]


def test_output_to_a_fifo_writes_through_it(tmp_path):
    path = _good(tmp_path)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert json.loads(received[0])["scenario"] == "Klein scenario"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_to_dev_stdout_prints(tmp_path):
    path = _good(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pactcalc", "run", str(path), "-f", "json", "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scenario"] == "Klein scenario"
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/stdout").st_mode)


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    path = _good(tmp_path)
    target = tmp_path / "reports" / "target.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert json.loads(target.read_text("utf-8"))["scenario"] == "Klein scenario"


def test_output_that_names_a_folder_is_refused(tmp_path):
    path = _good(tmp_path)
    folder = tmp_path / "newdir"
    for command in (["run", str(path)], ["check", str(path)], ["report", str(path)]):
        result = runner.invoke(app, [*command, "-o", f"{folder}{os.sep}", "--lang", "en"])
        assert result.exit_code == 2
        assert "PC023" in result.stderr
        assert "names a folder" in result.stderr
        assert not folder.exists()


def test_read_only_output_is_refused_and_kept(tmp_path):
    path = _good(tmp_path)
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2
    assert "PC023" in result.stderr
    assert "read-only" in result.stderr
    assert out.read_text("utf-8") == "keep me"
    assert out.stat().st_mode & 0o777 == 0o444


def test_replaced_output_keeps_its_mode(tmp_path):
    path = _good(tmp_path)
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o640
    assert json.loads(out.read_text("utf-8"))["scenario"] == "Klein scenario"


def test_long_output_name_fits_the_temporary_name(tmp_path):
    path = _good(tmp_path)
    out = tmp_path / ("x" * 245 + ".json")  # 250 bytes, near the 255-byte name limit
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["scenario"] == "Klein scenario"


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = _good(tmp_path)
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    result = runner.invoke(app, ["run", str(path), "-f", "json", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 2
    assert "PC023 cannot write" in result.stderr
    assert "No space left" in result.stderr
    assert out.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.yaml", "out.json"]


def test_init_on_a_full_disk_leaves_no_truncated_file(tmp_path, monkeypatch):
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    result = runner.invoke(app, ["init", str(tmp_path / "nieuw.yaml")])
    assert result.exit_code == 2
    assert "PC023" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_init_never_over_a_link(tmp_path):
    target = tmp_path / "target.yaml"
    target.write_text("mine\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(target)
    result = runner.invoke(app, ["init", str(tmp_path / "link.yaml")])
    assert result.exit_code == 2
    assert "PC021" in result.stderr
    assert target.read_text("utf-8") == "mine\n"


def test_check_folder_skips_a_fifo_and_says_so(tmp_path):
    _good(tmp_path, "a.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "pactcalc", "check", str(tmp_path), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # reading the FIFO would block forever
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 file(s) checked: 1 passed" in done.stdout
    assert f"{tmp_path / 'pipe.yaml'}: warning: not a regular file" in done.stderr


def test_check_reports_an_unreadable_file_and_checks_the_rest(tmp_path, monkeypatch):
    good = _good(tmp_path)
    locked = tmp_path / "locked" / "bad.yaml"  # in a folder without search permission

    real_stat = Path.stat

    def no_permission(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    def no_open(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "stat", no_permission)
    monkeypatch.setattr(loader, "open", no_open, raising=False)
    result = runner.invoke(app, ["check", str(good), str(locked), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert f"{locked}: error: PC001 cannot read the file" in result.stdout
    assert "2 file(s) checked: 1 passed, 0 with failing checks, 1 invalid" in result.stdout


# ------------------------------------------------------------------ the table of formats


def test_every_renderer_in_the_table_exists():
    for command, formats in RENDERERS.items():
        for output_format in formats:
            assert callable(renderer(command, output_format)), (command, output_format)
    for output_format in DRAWERS:
        assert callable(drawer(output_format)), output_format


def test_the_table_offers_what_the_options_accept():
    # run, sensitivity and simulate build a report model and draw it in any of DRAWERS
    assert set(DRAWERS) == {f.value for f in OutputFormat}
    assert set(RENDERERS["check"]) == {f.value for f in CheckFormat}
    for command in ("report", "compare"):  # a file format for every suffix --output takes
        assert set(SUFFIX_FORMATS.values()) <= set(RENDERERS[command])


@pytest.mark.parametrize("suffix", [".html", ".md", ".csv", ".xlsx"])
def test_compare_writes_every_suffix_of_the_table(tmp_path, suffix):
    out = tmp_path / f"vergelijking{suffix}"
    files = ["examples/beschermd-wonen.yaml", "examples/crisisinterventie-jeugd.yaml"]
    result = runner.invoke(app, ["compare", *(str(ROOT / f) for f in files), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_compare_refuses_an_unknown_suffix_listing_the_table(tmp_path):
    files = [str(ROOT / "examples/beschermd-wonen.yaml")] * 2
    result = runner.invoke(app, ["compare", *files, "-o", str(tmp_path / "x.pdf"), "--lang", "en"])
    assert result.exit_code == 2
    assert "PC025 unknown format '.pdf'" in result.stderr
    assert ".html, .xlsx, .md, .csv" in result.stderr


def test_the_package_api_is_every_name_it_lists_and_imported_when_used() -> None:
    """``import pactcalc`` loads no engine (the entry point sets up the interpreter first);
    each name of ``__all__`` is found, from the module that defines it."""
    import subprocess
    import sys

    code = (
        "import sys, pactcalc\n"
        "assert 'pactcalc.engine' not in sys.modules, 'engine loaded on import'\n"
        "from pactcalc import run_file, compute, Document\n"
        "import pactcalc.engine, pactcalc.pipeline\n"
        "assert compute is pactcalc.engine.compute and run_file is pactcalc.pipeline.run_file\n"
        "assert [n for n in pactcalc.__all__ if not hasattr(pactcalc, n)] == []\n"
        "import importlib; importlib.import_module('pactcalc')\n"
        "assert pactcalc.metrics.REGISTRY  # a submodule, as an eager package gave it\n"
        "assert 'import_module' not in dir(pactcalc) and 'run_file' in dir(pactcalc)\n"
        "try:\n"
        "    pactcalc.no_such_name\n"
        "except AttributeError as error:\n"
        "    assert 'no_such_name' in str(error)\n"
        "else:\n"
        "    raise AssertionError('no error')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_entry_point_freezes_what_start_up_made_and_collects_during_the_command() -> None:
    """The script and ``python -m pactcalc`` start at ``pactcalc.__main__:main``: the
    start-up runs with the collector off, its objects are then frozen (never walked
    again) and the collector is on for the command. Called again in the same process
    there is no start-up: the collector is left as the caller set it, nothing is frozen."""
    import subprocess
    import sys

    project = Path("pyproject.toml").read_text("utf-8")
    assert '[project.scripts]\npactcalc = "pactcalc.__main__:main"\n' in project
    code = """
import gc, sys
import pactcalc.__main__ as entry
assert "pactcalc.cli" not in sys.modules
during = []
class Watch:  # sees the collector's state when the start-up imports the command line
    def find_spec(self, name, path=None, target=None):
        if name == "pactcalc.cli":
            during.append(gc.isenabled())
sys.meta_path.insert(0, Watch())
def version():
    try:
        entry.main(["--version"])
    except SystemExit as done:
        assert done.code == 0
version()
assert during == [False], during
assert gc.isenabled() and gc.get_freeze_count() > 10_000
gc.disable()
frozen = gc.get_freeze_count()
version()
assert not gc.isenabled() and gc.get_freeze_count() <= frozen  # none added
"""
    subprocess.run([sys.executable, "-c", code], check=True)
