"""Side-by-side benchmarks of simulation and sensitivity against one run.

Run from the repository root, in the project's virtual environment:

    python benchmarks/bench_uncertainty.py [--repeat 7] [--only simulate|sensitivity|chunks]

1. ``pactcalc simulate examples/beschermd-wonen.yaml --samples 100000`` against
   ``pactcalc run`` of the same file: wall time ratio (target <= 2.0x) and the simulation's
   peak memory (target <= 500 MB, the child's maximum resident set size).
2. ``pactcalc sensitivity`` of a generated scenario with 20 ranged parameters against one
   ``pactcalc run`` of it (target <= 1.5x).
3. The simulation of each example's ``P(…)`` checks (10,000 samples, as ``run`` and
   ``check`` make it, in a fresh process) in the default chunks, which stay near the
   processor (``pactcalc.sampled.CACHE_ELEMENTS``), against one chunk of all samples.

Pairs run interleaved; the report gives medians and the ratio of the medians.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACTCALC = [sys.executable, "-m", "pactcalc"]


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    _, _status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024  # Linux: kilobytes


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        measure(command)  # warm the file cache
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))
    return {
        name: (statistics.median(w for w, _ in r), max(m for _, m in r)) for name, r in runs.items()
    }


def twenty_parameters(path: Path) -> None:
    """A scenario whose effort rests on 20 ranged parameters."""
    params = "\n".join(
        f"  p{i}: {{value: {10 + i}, low: {5 + i}, high: {20 + i}, distribution: "
        f"{('pert', 'triangular', 'uniform')[i % 3]}}}"
        for i in range(20)
    )
    effort = "\n".join(
        f"  - {{name: Inzet {i}, partner: gem, amount: p{i} * 1000}}" for i in range(20)
    )
    path.write_text(
        "pactcalc: 1\nname: Twintig parameters\nstart_year: 2024\nyears: 5\n"
        f"parameters:\n{params}\n"
        "partners:\n  - {id: gem, name: Gemeente}\n"
        "baseline:\n  - {name: Oud, partner: gem, amount: 600000}\n"
        "budget:\n  - {name: Budget, partner: gem, amount: 600000}\n"
        f"effort:\n{effort}\n"
        "investments:\n  - {name: Start, partner: gem, amount: 200000}\n",
        encoding="utf-8",
    )


#: One simulation of a scenario's checks, timed in a fresh process: argv is the file and
#: the chunk (0: the default). Prints milliseconds.
CHECKS_SIMULATION = """
import sys, time
from pathlib import Path
from pactcalc import engine, uncertainty
from pactcalc.pipeline import load_scenario
document = load_scenario(Path(sys.argv[1]))
plan = engine.compute(document.scenario, document.checks)
uncertainty.sample_parameters(document.scenario, 10, 1)  # numpy's generator imported
start = time.perf_counter()
uncertainty.simulate_checks(document.scenario, document.checks, plan=plan,
                            chunk=int(sys.argv[2]) or None)
print((time.perf_counter() - start) * 1000)
"""


def bench_chunks(repeat: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print("\n3. a check's simulation (10,000 samples, fresh process): default chunks vs one")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        if "\npactcalc-actuals:" in example.read_text("utf-8"):
            continue
        times: dict[str, list[float]] = {"default": [], "one": []}
        for round_ in range(repeat + 1):
            for name, chunk in (("default", "0"), ("one", "10000")):
                out = subprocess.run(
                    [sys.executable, "-c", CHECKS_SIMULATION, str(example), chunk],
                    env=env,
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                if round_:  # the first round warms the caches
                    times[name].append(float(out))
        default, one = (statistics.median(times[name]) for name in ("default", "one"))
        print(
            f"   {example.name:32s} default {default:5.1f} ms, one chunk {one:5.1f} ms: "
            f"ratio {default / one:.2f}x"
        )


def bench_simulate(repeat: int) -> None:
    example = "examples/beschermd-wonen.yaml"
    found = interleaved(
        {
            "simulate": [*PACTCALC, "simulate", example, "--samples", "100000", "--format", "json"],
            "run": [*PACTCALC, "run", example, "--format", "json"],
        },
        repeat,
    )
    (sim_wall, sim_mb), (run_wall, run_mb) = found["simulate"], found["run"]
    print(
        f"\n1. simulate --samples 100000: {sim_wall:.3f} s, peak {sim_mb:.0f} MB; run "
        f"{run_wall:.3f} s, peak {run_mb:.0f} MB; ratio {sim_wall / run_wall:.2f}x "
        f"(target <= 2.0x, peak <= 500 MB)"
    )


def bench_sensitivity(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scenario = Path(folder) / "twenty.yaml"
        twenty_parameters(scenario)
        found = interleaved(
            {
                "sensitivity": [*PACTCALC, "sensitivity", str(scenario), "--format", "json"],
                "run": [*PACTCALC, "run", str(scenario), "--format", "json"],
            },
            repeat,
        )
    (sens_wall, _), (run_wall, _) = found["sensitivity"], found["run"]
    print(
        f"\n2. sensitivity, 20 ranged parameters: {sens_wall:.3f} s; run {run_wall:.3f} s; "
        f"ratio {sens_wall / run_wall:.2f}x (target <= 1.5x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", choices=("simulate", "sensitivity", "chunks"))
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    if args.only in (None, "simulate"):
        bench_simulate(args.repeat)
    if args.only in (None, "sensitivity"):
        bench_sensitivity(args.repeat)
    if args.only in (None, "chunks"):
        bench_chunks(max(args.repeat, 15))


if __name__ == "__main__":
    main()
