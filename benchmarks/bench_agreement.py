"""Side-by-side benchmark of a simulation with an agreement against the same without one.

Run from the repository root, in the project's virtual environment:

    python benchmarks/bench_agreement.py [--repeat 7] [--samples 100000]

``pactcalc simulate examples/beschermd-wonen.yaml --samples 100000`` (the example with its
KPIs and its agreement: a lumpsum with a corridor and a gain share) against the same
scenario with ``kpis:`` and ``agreement:`` stripped, in a temporary copy. The settlement
stays on the sample axis (DOMAIN.md §7): the target is a ratio of at most 1.2×.

The checks that name the agreement's metrics are stripped from the copy too (they would
not validate without an agreement), and the copy keeps every other check, so that both
runs evaluate the same probabilistic check on the business case. Pairs run interleaved;
the report gives medians and the ratio of the medians: first of the command (start-up,
loading, simulation and output), then of :func:`pactcalc.uncertainty.simulate` alone, in
this process (the simulation without the start-up that both commands share).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "beschermd-wonen.yaml"
PACTCALC = [sys.executable, "-m", "pactcalc"]
#: The metrics that exist only with an agreement (DOMAIN.md §7 "Results and metrics").
AGREEMENT_METRICS = ("settlement_total", "net_settled_total", "kpi_last", "kpi_total")


def measure(command: list[str]) -> float:
    """Wall seconds of one run of ``command`` (its output discarded)."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The median wall time of each command, the commands taking turns."""
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        measure(command)  # warm the file cache
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))
    return {name: statistics.median(times) for name, times in runs.items()}


def simulate_in_process(path: Path, samples: int) -> Callable[[], object]:
    """A call that runs the simulation of ``path`` (loaded once) with its checks."""
    from pactcalc.pipeline import run_file
    from pactcalc.uncertainty import simulate

    document = run_file(path)
    assert document.scenario is not None, path
    scenario, checks = document.scenario, document.checks
    return lambda: simulate(scenario, checks, samples=samples)


def interleaved_calls(calls: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The median wall time of each call, the calls taking turns (one warm-up each)."""
    runs: dict[str, list[float]] = {name: [] for name in calls}
    for call in calls.values():
        call()
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in runs.items()}


def without_agreement(source: Path, target: Path) -> None:
    """Write ``source`` without its ``kpis``, its ``agreement`` and the checks on their
    metrics to ``target``."""
    data: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.pop("kpis", None)
    data.pop("agreement", None)
    data["checks"] = [
        check
        for check in data.get("checks", [])
        if not any(metric in str(check) for metric in AGREEMENT_METRICS)
    ]
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--samples", type=int, default=100_000)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        stripped = Path(folder) / EXAMPLE.name
        without_agreement(EXAMPLE, stripped)
        simulate = ["simulate", "--samples", str(args.samples), "--format", "json"]
        found = interleaved(
            {
                "with": [*PACTCALC, simulate[0], str(EXAMPLE), *simulate[1:]],
                "without": [*PACTCALC, simulate[0], str(stripped), *simulate[1:]],
            },
            args.repeat,
        )
        engine = interleaved_calls(
            {
                "with": simulate_in_process(EXAMPLE, args.samples),
                "without": simulate_in_process(stripped, args.samples),
            },
            args.repeat,
        )
    for what, times in (
        (f"pactcalc simulate --samples {args.samples}", found),
        (f"uncertainty.simulate(samples={args.samples}) in process", engine),
    ):
        with_agreement, without = times["with"], times["without"]
        print(
            f"\n{what}, {EXAMPLE.relative_to(ROOT)}: with its agreement "
            f"{with_agreement:.3f} s, without {without:.3f} s; ratio "
            f"{with_agreement / without:.2f}x (target <= 1.2x; medians of {args.repeat})"
        )


if __name__ == "__main__":
    main()
