"""Docs that cannot go stale: generated references are current, README examples run."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import pytest
from cogapp import Cog
from conftest import ROOT
from typer.testing import CliRunner

from pactcalc.cli import app
from tools import docs

README = (ROOT / "README.md").read_text("utf-8")


def _blocks(language: str, section: str | None = None) -> list[str]:
    text = README
    if section is not None:  # only the blocks under this heading
        text = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


def test_format_reference_is_current():
    assert (ROOT / "docs" / "format.md").read_text("utf-8") == docs.format_markdown(), (
        "run: python -m tools.docs"
    )


def test_cli_reference_is_current():
    status = Cog().main(["cog", "--check", str(ROOT / "docs" / "cli.md")])
    assert status == 0, "run: python -m tools.docs"


@pytest.mark.parametrize("command", docs.COMMANDS)
def test_cli_reference_covers_every_command(command):
    assert f"Usage: pactcalc {command}".strip() in (ROOT / "docs" / "cli.md").read_text("utf-8")


def test_every_command_is_in_the_reference():
    names = {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
    assert names == set(docs.COMMANDS) - {""}


def test_every_field_in_the_format_reference_has_a_meaning():
    rows = [line for line in docs.format_markdown().splitlines() if line.startswith("| `")]
    assert rows
    assert all(not line.rstrip().endswith("|  |") for line in rows), [
        line for line in rows if line.rstrip().endswith("|  |")
    ]


def _readme_commands() -> list[str]:
    commands = []
    for block in _blocks("sh", "Commands"):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            for part in line.split(";"):
                part = part.strip()
                if part.startswith(("pactcalc ", "python -m pactcalc")):
                    commands.append(part)
    return commands


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", _readme_commands())
def test_readme_command_runs(command, workdir):
    argv = shlex.split(command)
    argv = argv[3:] if argv[0] == "python" else argv[1:]  # drop `python -m pactcalc`
    if "--install-completion" in argv:
        pytest.skip("changes the shell's configuration")
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, (command, result.output)


def test_readme_lists_commands():
    assert len(_readme_commands()) >= 6


def test_readme_scenario_passes_check(workdir):
    scenario = next(b for b in _blocks("yaml") if "pactcalc: 1" in b)
    path = workdir / "examples" / "readme.yaml"
    path.write_text(scenario, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_readme_library_example_runs(workdir):
    code = next(b for b in _blocks("python") if "run_file" in b)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=workdir
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()  # printed the npv and payback


def _error_reference_sections() -> dict[str, list[str]]:
    """The codes under each ``## `` heading of the error reference."""
    sections: dict[str, list[str]] = {}
    heading = ""
    for line in docs.errors_markdown().splitlines():
        if line.startswith("## "):
            heading = line[3:]
            sections[heading] = []
        elif match := re.match(r"### (PC\d{3}) ", line):
            sections[heading].append(match[1])
    return sections


def test_error_reference_sections_match_the_severities():
    """Under "Warnings" (which says they never change the exit code) every warning and
    nothing else; the errors of the 300s under their own headings."""
    from pactcalc.problems import CATALOGUE

    sections = _error_reference_sections()
    warnings = sorted(code for code, spec in CATALOGUE.items() if spec.severity == "warning")
    assert sections["Warnings"] == warnings
    assert sections["Numbers and limits"] == ["PC307", "PC308", "PC309", "PC340", "PC341"]
    assert sections["The simulation"] == ["PC320", "PC321"]
    assert all(code.startswith("PC4") for code in sections["The agreement"])
    listed = [code for codes in sections.values() for code in codes]
    assert sorted(listed) == sorted(CATALOGUE)  # every code once
