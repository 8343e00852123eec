"""Bounded in time, memory and output (issue 10).

* Samples are numbers or problems: a sample that divides by zero, is not finite or
  overflows is an error (PC321) naming the line, the count and the first sample's values.
* Memory does not grow with the samples: the engine runs on chunks sized to lines × years,
  with results identical whatever the chunk size; what cannot fit is PC320.
* Output is proportional to the problems: excerpts are cut around the caret, and after
  :data:`SHOWN_PER_CODE` problems of one code in a file one line counts the rest.
* Time is linear in the problems: the source is split once per file (see
  ``benchmarks/bench_problems.py`` for the timing; here only the shape of the output).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from pactcalc import sampled, uncertainty
from pactcalc.cli import app
from pactcalc.model import Scenario
from pactcalc.pipeline import load_scenario, load_scenario_text, run_file
from pactcalc.problems import Problem
from pactcalc.render.diagnostics import (
    SHOWN_PER_CODE,
    excerpt,
    format_problem,
    format_problems,
    source_lines,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "beschermd-wonen.yaml"
runner = CliRunner()


def scenario_of(text: str) -> Scenario:
    document = load_scenario_text(textwrap.dedent(text))
    assert document.scenario is not None, [p.message("en") for p in document.problems]
    return document.scenario


# --- chunks: identical numbers whatever the chunk size -------------------------------------


def _all_numbers(simulation: uncertainty.Simulation) -> dict[str, object]:
    return {
        "summaries": simulation.summaries,
        "probabilities": simulation.probabilities,
        "npv": simulation.npv.tolist(),
        "bands": {q: band.tolist() for q, band in simulation.cumulative_bands.items()},
        "nets": {pid: net.tolist() for pid, net in simulation.partner_nets.items()},
        "payback": simulation.result.metric("payback_years").tolist(),
    }


def test_results_are_identical_whatever_the_chunk_size() -> None:
    document = load_scenario(EXAMPLE)
    assert document.scenario is not None
    samples = 20_000
    runs = {
        chunk: _all_numbers(
            uncertainty.simulate(document.scenario, document.checks, samples, 1, chunk=chunk)
        )
        for chunk in (1_000, 7_777, samples)
    }
    # exactly equal (==, not approx): every summary, probability, band and sample
    assert runs[1_000] == runs[samples]
    assert runs[7_777] == runs[samples]
    # and equal to the default chunk (the budget's, larger than 20,000 for this example)
    default = uncertainty.simulate(document.scenario, document.checks, samples, 1)
    assert _all_numbers(default) == runs[samples]


def test_the_simulation_equals_one_engine_run_over_all_samples() -> None:
    """The chunked run gives what one engine run over every sample gave before."""
    from pactcalc.engine import compute

    document = load_scenario(EXAMPLE)
    scenario = document.scenario
    assert scenario is not None
    draws = uncertainty.sample_parameters(scenario, 3_000, 5)
    whole = compute(scenario, (), parameters=draws, samples=3_000)
    simulation = uncertainty.simulate(scenario, samples=3_000, seed=5, chunk=256)
    assert simulation.npv.tolist() == np.asarray(whole.npv).reshape(-1).tolist()
    cumulative = np.asarray(whole.cumulative_per_year).reshape(3_000, -1)
    assert (
        simulation.cumulative_bands[50].tolist() == np.percentile(cumulative, 50, axis=0).tolist()
    )


def _lines_scenario(lines: int, years: int) -> Scenario:
    body = "\n".join(
        f"  - {{name: r{i}, partner: gem, amount: 1000, paid_from: own}}" for i in range(lines)
    )
    return scenario_of(
        f"""\
        pactcalc: 1
        name: groot
        start_year: 2024
        years: {years}
        partners: [{{id: gem, name: G}}]
        baseline: [{{name: b, partner: gem, amount: 100000}}]
        effort:
        """
        + textwrap.indent(body, " " * 8).strip("\n").replace(" " * 8 + "  -", "  -", 1)
        + "\n"
    )


def test_the_chunk_adapts_to_lines_times_years() -> None:
    small = _lines_scenario(2, 5)
    large = _lines_scenario(400, 30)
    # values per sample: (4 · lines + 6 · partners + 30) · years
    assert sampled.values_per_sample(small) == (4 * 3 + 6 + 30) * 5  # 240
    assert sampled.values_per_sample(large) == (4 * 401 + 6 + 30) * 30  # 49,200
    # the small one: as many as stay near the processor, 1,500,000 // 240 (25,000,000 //
    # 240 = 104,166 would fit in memory); the large one: as many as fit in memory, 508
    # (fewer than the 1,000 a chunk near the processor holds at least)
    assert sampled.chunk_samples(small) == 1_500_000 // 240  # 6,250
    assert sampled.chunk_samples(large) == 25_000_000 // 49_200  # 508
    medium = _lines_scenario(40, 30)  # (4 · 41 + 36) · 30 = 6,000 values per sample
    assert sampled.chunk_samples(medium) == 1_000  # 1,500,000 // 6,000 = 250 is too few
    for scenario in (small, large):
        per_chunk = sampled.chunk_samples(scenario)
        assert per_chunk * sampled.values_per_sample(scenario) <= sampled.CHUNK_ELEMENTS
    # a scenario larger than the budget still runs, one sample at a time
    assert sampled.chunk_samples(large, budget=10) == 1


def test_sensitivity_is_identical_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    document = load_scenario(EXAMPLE)
    assert document.scenario is not None
    whole = uncertainty.sensitivity(document.scenario, "npv", document.checks)
    # (4 × 17 lines + 6 × 5 partners + 30) × 5 years = 640 values per sample in this
    # example: a budget of 6,400 gives chunks of 10 rows
    assert sampled.values_per_sample(document.scenario) == 640
    monkeypatch.setattr(sampled, "CHUNK_ELEMENTS", 6_400)
    assert sampled.chunk_samples(document.scenario) == 10
    assert uncertainty.sensitivity(document.scenario, "npv", document.checks) == whole


# --- too many samples: PC320 ---------------------------------------------------------------

LONG = """\
pactcalc: 1
name: lang
start_year: 2024
years: 100
simulation: {samples: 1000000, seed: 1}
parameters:
  n: {value: 10, low: 5, high: 20}
partners: [{id: gem, name: G}]
baseline: [{name: b, partner: gem, amount: n * 1000}]
effort: [{name: e, partner: gem, amount: 5000, paid_from: own}]
checks: ["P(npv > 0) >= 0.5"]
"""


def test_too_many_samples_is_an_error_that_states_the_limit() -> None:
    scenario = scenario_of(LONG)
    with pytest.raises(sampled.SimulationError) as raised:
        uncertainty.simulate(scenario)
    (problem,) = raised.value.problems
    assert problem.code == "PC320"
    # kept per sample: 100 years + 1 parameter + 5 summarised metrics + 1 partner net = 107;
    # 50,000,000 // 107 = 467,289 samples at most
    assert problem.args["most"] == 467_289
    assert problem.args["limit"] == 50_000_000
    assert problem.path == ("simulation", "samples")
    assert "467289" in problem.message("en")
    assert "50000000" in problem.message("en")
    # what fits, runs
    assert uncertainty.simulate(scenario, samples=2_000).samples == 2_000


def test_too_many_samples_exits_2_in_every_command(tmp_path: Path) -> None:
    path = tmp_path / "lang.yaml"
    path.write_text(LONG)
    for command in (["check"], ["run"], ["simulate"]):
        result = runner.invoke(app, [*command, str(path), "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "PC320" in result.output
    # --samples beyond the cap on the command line: no line in the file to point at
    result = runner.invoke(app, ["simulate", str(EXAMPLE), "--samples", "10000000", "--lang", "en"])
    assert result.exit_code == 2
    assert f"{EXAMPLE}: error: PC320 10000000 samples" in result.output
    report = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(path), "--output", str(report)])
    assert result.exit_code == 2
    assert "PC320" in result.output
    assert not report.exists()  # nothing written


# --- samples are numbers or problems: PC321 ------------------------------------------------

DIVIDES = """\
pactcalc: 1
name: deling
start_year: 2024
years: 3
discount_rate: 0
simulation: {{samples: 1000, seed: 1}}
parameters:
  clients: {{value: 15, low: 0, high: 20, distribution: uniform}}
partners: [{{id: gem, name: G}}]
baseline:
  - name: b
    partner: gem
    amount: {amount}
effort: [{{name: e, partner: gem, amount: 5000, paid_from: own}}]
checks: ["P(npv > 0) >= 0.3"]
"""


def test_a_sample_that_divides_by_zero_is_an_error_not_a_zero() -> None:
    scenario = scenario_of(DIVIDES.format(amount="100000 / max(clients - 12, 0)"))
    with pytest.raises(sampled.SimulationError) as raised:
        uncertainty.simulate(scenario, chunk=300)  # the count adds up over chunks
    (problem,) = raised.value.problems
    assert problem.code == "PC321"
    assert problem.path == ("baseline", 0, "amount")
    clients = uncertainty.sample_parameters(scenario, 1000, 1)["clients"].reshape(-1)
    # max(clients − 12, 0) is 0 exactly where clients ≤ 12: about 12/20 = 60 % of 1000
    expected = int((clients <= 12).sum())
    assert 540 < expected < 660
    assert problem.args["count"] == expected
    assert problem.args["samples"] == 1000
    first = float(clients[np.argmax(clients <= 12)])
    assert problem.args["values"] == f"clients = {first:.6g}"
    message = problem.message("en")
    assert "line 'b' gives a division by zero" in message


def test_the_check_no_longer_passes_on_zeros(tmp_path: Path) -> None:
    """Before: the samples that divide by zero counted as 0 and the check passed."""
    path = tmp_path / "deling.yaml"
    path.write_text(DIVIDES.format(amount="100000 / max(clients - 12, 0)"))
    document = run_file(path)
    assert document.result is None
    (problem,) = document.errors
    assert problem.code == "PC321"
    assert problem.line == 13
    assert problem.col == 13
    result = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{path}:13:13: error: PC321" in result.output


def test_a_range_too_wide_for_floating_point_is_refused_at_load() -> None:
    """± 1e308: before, the draws overflowed and every sample was 0 (P5 = P50 = P95); now
    both ends are beyond the bound of 1e15 and the file is refused before it simulates."""
    text = DIVIDES.format(amount="huge").replace(
        "  clients:", "  huge: {value: 1, low: -1e308, high: 1e308}\n  clients:"
    )
    document = load_scenario_text(text)
    assert document.scenario is None
    assert [(p.code, p.path) for p in document.problems] == [
        ("PC309", ("parameters", "huge", "low")),
        ("PC309", ("parameters", "huge", "high")),
    ]


#: 24 factors of at least 1e13: at least 1e312, beyond the largest float (1.797e308)
OVERFLOWS_ALWAYS = " * ".join(["huge"] * 24)


def test_an_expression_that_overflows_in_every_sample_is_an_error() -> None:
    """Every number within the bounds, yet the product of 24 of them overflows in every
    sample: each sample is counted (none becomes 0) and the first one is named."""
    scenario = scenario_of(
        DIVIDES.format(amount=OVERFLOWS_ALWAYS).replace(
            "  clients:",
            "  huge: {value: 5e13, low: 1e13, high: 1e14, distribution: uniform}\n  clients:",
        )
    )
    with pytest.raises(sampled.SimulationError) as raised:
        uncertainty.simulate(scenario, chunk=300)  # the count adds up over chunks
    (problem,) = raised.value.problems
    assert problem.code == "PC321"
    assert problem.path == ("baseline", 0, "amount")
    assert problem.args["count"] == 1000  # every sample: (1e13)^24 = 1e312 > 1.797e308
    assert problem.args["samples"] == 1000
    huge = uncertainty.sample_parameters(scenario, 1000, 1)["huge"].reshape(-1)
    assert problem.args["values"].startswith(f"huge = {huge[0]:.6g}")  # the first sample


def test_overflowing_totals_in_samples_are_an_error() -> None:
    # 1e307 written as 1e13 · (1e14)^21, each number within the bound of 1e15
    scale = "clients * tens * " + " * ".join(["big"] * 21)
    scenario = scenario_of(
        DIVIDES.format(amount=scale)
        .replace("effort: [", f"benefits: [{{name: x, partner: gem, amount: {scale}}}]\neffort: [")
        .replace("  clients:", "  tens: 1e13\n  big: 1e14\n  clients:")
    )
    with pytest.raises(sampled.SimulationError) as raised:
        uncertainty.simulate(scenario, samples=500)
    found = {p.path: p for p in raised.value.problems}
    assert all(p.code == "PC321" for p in found.values())
    clients = uncertainty.sample_parameters(scenario, 500, 1)["clients"].reshape(-1)
    # one line overflows where clients · 1e307 > 1.797e308, i.e. clients > 17.97 (~10 %)
    too_large = int((clients > np.finfo(float).max / 1e307).sum())
    assert found[("baseline", 0, "amount")].args["count"] == too_large
    assert found[("benefits", 0, "amount")].args["count"] == too_large
    # the net (2 · clients · 1e307 − 5000) overflows where clients > 8.99; the samples
    # above 17.97 already count for their lines (the engine zeroed those amounts)
    net = found[None]
    assert net.args["count"] == int((clients > 1.797e308 / 2e307).sum()) - too_large
    assert "the net per year" in net.message("en")


def test_finite_samples_simulate_as_before() -> None:
    scenario = scenario_of(DIVIDES.format(amount="100000 / max(clients + 1, 1)"))
    simulation = uncertainty.simulate(scenario)
    assert np.isfinite(simulation.npv).all()


# --- excerpts cut around the caret ---------------------------------------------------------


def test_a_short_line_is_shown_whole() -> None:
    assert excerpt("amount: 1,5", 9) == ("amount: 1,5", 9)
    assert excerpt("\tamount: x", 2) == (" amount: x", 2)  # a tab shows as one space


@pytest.mark.parametrize("col", [1, 30, 50, 25_000, 49_990, 50_000])
def test_a_long_line_is_cut_with_the_caret_on_the_same_character(col: int) -> None:
    line = "".join(chr(ord("a") + i % 26) for i in range(50_000))
    shown, caret = excerpt(line, col)
    assert len(shown) <= 100 + 2  # the window and an ellipsis on each side cut
    assert shown[caret - 1] == line[col - 1]
    assert shown.startswith("…") == (col > 51)
    assert shown.endswith("…") == (col < 50_000 - 49)


def test_format_problem_cuts_the_excerpt() -> None:
    source = "a: [" + ", ".join(["1,5"] * 10_000) + "]\n"
    problem = Problem("PC102", "f.yaml", line=1, col=25_001, args={"key": "x", "suggestion": ""})
    text = format_problem(problem, "en", source)
    _head, _gutter, shown, caret = text.split("\n")
    assert len(shown) <= len("1 | ") + 102
    # the caret line has the same gutter ("  | " under "1 | "): same character below
    assert shown[caret.index("^")] == source[25_000]


# --- many problems: summarised -------------------------------------------------------------

UNKNOWN = """\
pactcalc: 1
name: k
start_year: 2024
years: 2
partners:
  - {id: gem, name: G}
baseline:
  - name: b
    partner: gem
    amount: 1000
"""


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 unknown keys (PC102) and 30 duplicate keys (PC007) in one file."""
    path = tmp_path_factory.mktemp("many") / "many.yaml"
    extra = "".join(f"    amout{i}: 1000\n" for i in range(2_000))
    extra += "".join("    name: b\n" for _ in range(30))
    path.write_text(UNKNOWN + extra)
    return path


def test_the_text_output_shows_twenty_of_a_code_and_counts_the_rest(many: Path) -> None:
    result = runner.invoke(app, ["check", str(many), "--lang", "en"], env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 2
    heads = [line for line in result.stdout.splitlines() if f"{many}:" in line]
    unknown = [h for h in heads if " PC102 " in h]
    duplicate = [h for h in heads if " PC007 " in h]
    assert len(unknown) == SHOWN_PER_CODE + 1 == 21  # 20 shown and one note
    assert unknown[-1] == f"{many}: note: PC102 … and 1,980 more like this"  # 2,000 − 20
    assert duplicate[-1] == f"{many}: note: PC007 … and 10 more like this"  # 30 − 20
    assert len(result.stdout) < 20_000
    nl = runner.invoke(app, ["check", str(many), "--lang", "nl"], env={"GITHUB_ACTIONS": None})
    assert f"{many}: note: PC102 … en nog 1.980 van deze soort" in nl.stdout


def test_json_keeps_every_problem(many: Path) -> None:
    result = runner.invoke(app, ["check", str(many), "--format", "json"])
    (found,) = json.loads(result.stdout)["files"]
    assert sum(1 for p in found["errors"] if p["code"] == "PC102") == 2_000
    assert sum(1 for p in found["errors"] if p["code"] == "PC007") == 30


def test_github_caps_annotations_and_adds_a_notice(many: Path) -> None:
    result = runner.invoke(app, ["check", str(many), "--format", "github", "--lang", "en"])
    lines = result.stdout.splitlines()
    assert sum(1 for line in lines if line.startswith("::error") and "PC102" in line) == 20
    notices = [line for line in lines if line.startswith("::notice")]
    assert len(notices) == 2
    assert any("1,980 more like this" in line for line in notices)


def test_run_prints_the_summarised_problems(many: Path) -> None:
    result = runner.invoke(app, ["run", str(many), "--lang", "en"])
    assert result.exit_code == 2
    assert "PC102 … and 1,980 more like this" in result.output


def test_format_problems_splits_the_source_once() -> None:
    source = UNKNOWN + "".join(f"    amout{i}: 1\n" for i in range(100))
    source_lines.cache_clear()
    problems = [
        Problem("PC102", "f", line=11 + i, col=5, args={"key": f"amout{i}", "suggestion": ""})
        for i in range(100)
    ]
    shown = format_problems(problems, "en", source, shown_per_code=100)
    assert len(shown) == 100
    info = source_lines.cache_info()
    assert info.misses == 1  # split once for 100 problems
