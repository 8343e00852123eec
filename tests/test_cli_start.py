"""A command line start builds only the command it runs; anything else gets the whole
app, so that help, errors and completion are those of every command."""

from __future__ import annotations

import pytest

from pactcalc import cli


def _names(app: object) -> list[str]:
    return [info.callback.__name__ for info in app.registered_commands]  # type: ignore[attr-defined]


def test_a_command_is_built_alone() -> None:
    lean = cli.app_for(["run", "examples/beschermd-wonen.yaml", "--format", "json"])
    assert _names(lean) == ["run"]
    assert len(_names(cli.app)) >= 9  # the app itself keeps every command


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["rn", "x.yaml"]])
def test_anything_but_a_command_gets_the_whole_app(args: list[str]) -> None:
    assert cli.app_for(args) is cli.app


def test_shell_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_PACTCALC_COMPLETE", "complete_bash")
    assert cli.app_for(["run"]) is cli.app


def test_the_command_alone_runs_as_in_the_whole_app(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as alone:
        cli.main(["check", "examples/schuldhulpverlening.yaml", "--quiet"])
    assert alone.value.code == 0  # its four checks hold
    with pytest.raises(SystemExit) as usage:
        cli.main(["run"])  # FILE missing: click's usage error, exit 2
    assert usage.value.code == 2
    assert "Usage: pactcalc run [OPTIONS] {FILE}" in capsys.readouterr().err
