"""A command line start builds only the command it runs; anything else gets the whole
app, so that help, errors and completion are those of every command."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", "--samples", "50"],
        ["sensitivity"],
        ["explain", "npv"],
        ["run", "--format", "json"],
    ],
    ids=lambda args: args[0],
)
def test_only_commands_that_show_the_checks_simulate_them(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``run`` shows whether ``P(…)`` holds, so it simulates the example's 10,000 samples
    for it; ``simulate`` (its own samples), ``sensitivity`` and ``explain`` show no
    checks and do not."""
    from pactcalc import uncertainty

    asked: list[int | None] = []
    simulate_checks = uncertainty.simulate_checks

    def spy(*a, **k):  # type: ignore[no-untyped-def]
        asked.append(k.get("samples"))
        return simulate_checks(*a, **k)

    monkeypatch.setattr(uncertainty, "simulate_checks", spy)
    command, *options = args
    with pytest.raises(SystemExit) as done:
        cli.main([command, "examples/beschermd-wonen.yaml", *options])
    assert done.value.code == 0, capsys.readouterr().err
    assert asked == ([None] if command == "run" else [])


def test_simulate_with_fewer_samples_runs_a_file_whose_own_samples_do_not_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file asking for more samples than fit (PC320 in ``run``, which simulates its
    ``P(…)`` check with them: 100 years + 1 parameter + 5 summarised metrics + 1 partner
    net = 107 values per sample, 1,000,000 × 107 > 50,000,000) can still be simulated with
    ``--samples``."""
    big = tmp_path / "groot.yaml"
    big.write_text(
        "pactcalc: 1\nname: lang\nstart_year: 2024\nyears: 100\n"
        "simulation: {samples: 1000000, seed: 1}\n"
        "parameters:\n  n: {value: 10, low: 5, high: 20}\n"
        "partners: [{id: gem, name: G}]\n"
        "baseline: [{name: b, partner: gem, amount: n * 1000}]\n"
        "effort: [{name: e, partner: gem, amount: 5000, paid_from: own}]\n"
        'checks: ["P(npv > 0) >= 0.5"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as run:
        cli.main(["run", str(big)])
    assert run.value.code == 2
    assert "PC320" in capsys.readouterr().err
    with pytest.raises(SystemExit) as simulate:
        cli.main(["simulate", str(big), "--samples", "200", "--format", "json"])
    assert simulate.value.code == 0, capsys.readouterr().err
    assert '"samples": 200' in capsys.readouterr().out
