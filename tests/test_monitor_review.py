"""What a controller hit on a first try of monitoring, each fixed at its class: amounts on
the command line in Dutch habits, problems caused by the actuals reported at the actuals,
checks on a simulation judged rather than dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ACTUALS_EXAMPLES, ROOT, runner

from pactcalc.cli import app

(EXAMPLE,) = ACTUALS_EXAMPLES


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("10.000", "'10.000' has a dot between thousands; write 10000"),
        ("2,5", "'2,5' has a decimal comma; write 2.5"),
        ("inf", "'inf' is not an amount of euros of 0 or more"),
        ("nan", "'nan' is not an amount of euros of 0 or more"),
        ("-5", "'-5' is not an amount of euros of 0 or more"),
    ],
)
def test_a_threshold_in_dutch_habits_is_refused_with_the_fix(typed: str, said: str) -> None:
    result = runner.invoke(app, ["monitor", str(EXAMPLE), "--threshold", typed])
    assert result.exit_code == 2
    assert said in " ".join(result.stderr.split())


@pytest.mark.parametrize(("typed", "read"), [("10000", 10000.0), ("€ 2500.5", 2500.5)])
def test_a_threshold_in_euros(typed: str, read: float) -> None:
    import json

    result = runner.invoke(app, ["monitor", str(EXAMPLE), "--threshold", typed, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["threshold"] == read


def _actuals_beside_the_example(tmp_path: Path, years: str) -> Path:
    plan = tmp_path / "beschermd-wonen.yaml"
    plan.write_text((ROOT / "examples" / "beschermd-wonen.yaml").read_text("utf-8"), "utf-8")
    path = tmp_path / "act.yaml"
    path.write_text(
        f"pactcalc-actuals: 1\nscenario: beschermd-wonen.yaml\nyears:\n{years}", "utf-8"
    )
    return path


def test_a_problem_only_the_actuals_cause_is_reported_at_their_year_once(
    tmp_path: Path,
) -> None:
    """Booking 2021's budget as 0 leaves 2021's budget-funded costs without a budget
    (PC305): the plan is fine, the cause is the actuals' 2021 (line 4), and `check`
    says it once."""
    path = _actuals_beside_the_example(
        tmp_path,
        "  2021: {status: final, amounts: {budget: {Bestaand budget beschermd wonen: 0}}}\n",
    )
    result = runner.invoke(app, ["check", str(path), "--lang", "en"], env={"GITHUB_ACTIONS": None})
    warnings = [line for line in result.stdout.splitlines() if ": warning: PC305" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}:4:3: warning: PC305 in 2021")


def test_monitor_judges_the_checks_on_a_simulation_on_the_expectation() -> None:
    """The example's plan has two checks on a simulation (P(…)): monitor shows both among
    the checks on the expectation, with a verdict, not left out."""
    result = runner.invoke(app, ["monitor", str(EXAMPLE), "--lang", "en"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    shown = result.stdout[result.stdout.index("Checks and agreement on the expectation") :]
    assert "P(headroom_min >= 0) >= 0.8" in shown
    assert "P(net_settled_total[bw] < 0) <= 0.2" in shown
    assert "not evaluated" not in result.stdout
