"""What ``run`` and ``check`` compute for a check on a simulation, and ``check`` over many
files in two processes: the same verdicts and the same output as the whole simulation
and the serial run (issue 10, "Speed, measured as shipped"). No timing here: the
benchmarks (benchmarks/bench_cli.py) measure; these tests pin the behaviour."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLES

from pactcalc import uncertainty
from pactcalc.pipeline import load_scenario, load_scenario_text
from pactcalc.sampled import SimulationError

CHECKS = textwrap.dedent(
    """\
    pactcalc: 1
    name: Checks op de trekkingen
    start_year: 2024
    years: 4
    parameters:
      deelnemers: {value: 20, low: 10, high: 40}
      prijs: {value: 1000, low: 800, high: 1500, distribution: triangular}
    partners: [{id: gem, name: Gemeente}, {id: zk, name: Zorgkantoor}]
    baseline: [{name: Oud, partner: zk, amount: deelnemers * prijs * 2}]
    budget: [{name: Budget, partner: gem, amount: 30000}]
    effort: [{name: Inzet, partner: gem, amount: deelnemers * prijs}]
    investments: [{name: Start, partner: gem, amount: 20000}]
    simulation: {samples: 2000, seed: 7}
    checks:
      - npv > 0
      - P(npv > 0) >= 0.9
      - P(payback_years <= 2) >= 0.5
      - P5(npv) > 0
      - P95(payback_years) <= 3
      - mean(headroom_min) >= -20000
      - mean(net_total[zk]) > 0
      - P(net_total[gem] < 0) >= 0.5
    """
)


def _documents() -> list[tuple[str, object]]:
    found = []
    for path in EXAMPLES:
        document = load_scenario(path)
        found.append((path.name, document))
    found.append(("checks", load_scenario_text(CHECKS)))
    return found


@pytest.mark.parametrize(("name", "document"), _documents(), ids=lambda x: str(x)[:30])
def test_checks_on_the_samples_they_need_equal_those_on_a_whole_simulation(
    name: str, document: object
) -> None:
    assert document.ok, document.problems  # type: ignore[attr-defined]
    scenario, checks = document.scenario, document.checks  # type: ignore[attr-defined]
    probabilistic = [(i, c) for i, c in enumerate(checks) if c.is_probabilistic]
    assert probabilistic
    whole = uncertainty.simulate(scenario, checks)
    needed = uncertainty.simulate_checks(scenario, checks)
    for index, check in probabilistic:
        assert uncertainty.evaluate_probabilistic(
            needed, check, index
        ) == uncertainty.evaluate_probabilistic(whole, check, index)
    # only the checks' metrics are kept, and no fan chart
    assert set(needed.result.values) == {(c.metric, c.partner) for _, c in probabilistic}
    assert needed.result.transfers == []


def test_checks_on_the_samples_refuse_what_a_simulation_refuses() -> None:
    # the same capacity as a whole simulation: PC320 at the same number of samples
    document = load_scenario_text(CHECKS.replace("samples: 2000", "samples: 10000000"))
    assert document.scenario is not None
    with pytest.raises(SimulationError) as whole:
        uncertainty.simulate(document.scenario, document.checks)
    with pytest.raises(SimulationError) as needed:
        uncertainty.simulate_checks(document.scenario, document.checks)
    assert [p.args for p in needed.value.problems] == [p.args for p in whole.value.problems]


# --- check over many files: two processes, the output of one -----------------------------

SMALL = CHECKS.replace("samples: 2000", "samples: 300")


def _folder(folder: Path, count: int) -> list[Path]:
    """``count`` files of every kind a check meets: passing and failing checks, warnings,
    a YAML syntax error, an invalid scenario, a YAML file that is no scenario."""
    kinds = [
        SMALL,
        SMALL.replace("P5(npv) > 0", "P5(npv) > 40000"),  # fails: P5 is about 32,900
        SMALL.replace("name: Checks", "name: Checks\nunknown_key: 1"),  # invalid (PC1xx)
        SMALL.replace("years: 4", "years: [4"),  # a YAML syntax error
        SMALL.replace("deelnemers * prijs * 2", "deelnemers * prijs * 2 / (deelnemers - 20)"),
        "just: yaml\n",  # not a scenario: skipped in a folder
    ]
    written = []
    for i in range(count):
        path = folder / f"s{i:03d}.yaml"
        path.write_text(kinds[i % len(kinds)].replace("Checks op", f"{i} op"), "utf-8")
        written.append(path)
    return written


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    _folder(folder, 60)
    return folder


def test_two_processes_give_the_reports_of_one(many: Path) -> None:
    from pactcalc.gate import check_paths
    from pactcalc.render import check_run

    serial = check_paths([many], workers=1)
    parallel = check_paths([many], workers=2)
    assert [r.file for r in parallel.reports] == [r.file for r in serial.reports]
    assert parallel.reports == serial.reports
    assert (parallel.skipped, parallel.exit_code) == (serial.skipped, serial.exit_code) == (10, 2)
    statuses = {r.status for r in serial.reports}
    assert statuses == {"passed", "failed", "invalid"}
    for render in (check_run.as_text, check_run.as_json, check_run.as_junit, check_run.as_github):
        for lang in ("nl", "en"):
            assert render(parallel, lang, False) == render(serial, lang, False)


def test_check_of_a_folder_prints_what_a_serial_run_renders(many: Path) -> None:
    from typer.testing import CliRunner

    from pactcalc.cli import app
    from pactcalc.gate import PARALLEL_FROM, check_paths
    from pactcalc.render import check_run

    assert len(list(many.glob("*.yaml"))) >= PARALLEL_FROM  # in processes, where it can
    for fmt, render in (("text", check_run.as_text), ("json", check_run.as_json)):
        found = CliRunner().invoke(app, ["check", str(many), "--format", fmt, "--lang", "en"])
        assert found.exit_code == 2
        assert found.stdout == render(check_paths([many], workers=1), "en", False)


def test_a_report_keeps_findings_not_the_document(tmp_path: Path) -> None:
    from pactcalc.gate import check_paths

    files = _folder(tmp_path, 4)
    run = check_paths(files, workers=1)
    passed, failed, invalid, broken = run.reports
    assert not hasattr(passed, "document")
    assert passed.status == "passed"
    assert passed.source is None  # no problem to show an excerpt of
    assert failed.status == "failed"
    assert [c.index for c in failed.failed_checks] == [3]
    # the check's line: "checks:" is line 14 of the file, its fourth item line 18
    assert failed.check_location(failed.failed_checks[0]) == (18, 5)
    assert failed.years == [2024, 2025, 2026, 2027]
    assert invalid.status == broken.status == "invalid"
    assert invalid.source is not None
    assert "unknown_key" in invalid.source


def test_run_as_json_loads_no_masked_arrays_and_no_report_libraries() -> None:
    # run shows whether its P(…) check holds: no percentiles (numpy.ma came with
    # np.percentile), no report libraries
    import subprocess
    import sys

    code = (
        "import contextlib, io, runpy, sys\n"
        f"sys.argv = ['pactcalc', 'run', {str(EXAMPLES[0])!r}, '--format', 'json']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        runpy.run_module('pactcalc', run_name='__main__')\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, done.code\n"
        "heavy = ('numpy.ma', 'matplotlib', 'openpyxl')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m == 'numpy.ma'))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert EXAMPLES[0].name == "beschermd-wonen.yaml"
    assert found.stdout.strip() == "[]"
