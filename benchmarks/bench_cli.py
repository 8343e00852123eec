"""Side-by-side wall-time benchmarks of the command line, on the examples as shipped.

Run from the repository root, in the project's virtual environment:

    python benchmarks/bench_cli.py [--repeat 21] [--files 1000] [--memory-files 10000]
    python benchmarks/bench_cli.py --only run        # or: --only check, --only memory

Each group of commands runs interleaved (A, B, C, A, B, C, …) so that machine noise hits
all alike; the report gives each command's median wall time with its spread (the
quartiles and the extremes), the ratio of the medians, and the median CPU time (user +
system, ``check``'s workers included), which other jobs on a shared machine disturb less.

1. ``pactcalc run examples/beschermd-wonen.yaml --format json`` (the example as shipped,
   with its ``P(headroom_min >= 0) >= 0.8`` check) against
   (a) the bare import of its five dependencies,
   ``python -c "import typer, pydantic, yaml, rich.console, numpy"``, and
   (b) that import plus one pydantic model defined and used — the floor of any tool that
   validates with pydantic. Target: ≤ 1.1× (b).
2. ``pactcalc check`` on ``--files`` copies of the three examples as shipped (each with
   its ``P(…)`` check, so each simulates) against plain ``yaml.safe_load`` (PyYAML's
   pure-Python loader) of the same files in one Python loop. Target: ≤ 1.0×.
3. Where ``run``'s time goes beyond the floor (``--only breakdown``): the same work as
   ``run --format json`` on the example, in one process started as the command line
   starts (the collector off during start-up), timed phase by phase and set against (b).
4. The peak resident memory of ``pactcalc check`` on ``--memory-files`` such copies
   (``ru_maxrss`` of the largest process, as ``/usr/bin/time -v`` reports it).

Every command runs with Python's bytecode cache, as an installed package has it (pip
compiles it at install time; the warm-up round writes it here), even when the shell sets
``PYTHONDONTWRITEBYTECODE``: without it every start compiles pactcalc's ~80 modules from
source, which the dependencies, installed with their bytecode, never do. ``--no-bytecode``
measures that case too.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PACTCALC = [PYTHON, "-m", "pactcalc"]
BARE = "import typer, pydantic, yaml, rich.console, numpy"
FLOOR = BARE + "\nfrom pydantic import BaseModel\nclass A(BaseModel):\n    x: int\nA(x=1)"


#: A command and the folder it runs in: ``python -m pactcalc`` imports pactcalc from the
#: folder it runs in, so a command run in another checkout (``--before``) times that one.
Command = tuple[list[str], Path]

#: Whether the commands use (and write) Python's bytecode cache; see ``--no-bytecode``.
BYTECODE = True


def measure(command: Command) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, of the command and the processes it
    waited for: ``check``'s workers too) and peak resident memory (MB, the largest
    process) of one run of ``command``."""
    argv, folder = command
    env = {**os.environ, "PYTHONPATH": str(folder)}
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder, env=env
    )
    _, _status, usage = os.wait4(process.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024  # Linux: kilobytes


#: Every command's CPU seconds of the last :func:`interleaved` rounds, by name: less
#: sensitive than wall time to other jobs on a shared machine (not to their caches).
CPU: dict[str, list[float]] = {}


def interleaved(commands: dict[str, Command], repeat: int) -> dict[str, list[float]]:
    """Every command's wall times over ``repeat`` interleaved rounds (after one warm-up
    round that fills the file cache); their CPU times go to :data:`CPU`."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    CPU.clear()
    CPU.update({name: [] for name in commands})
    for command in commands.values():
        measure(command)
    for _ in range(repeat):
        for name, command in commands.items():
            wall, cpu, _peak = measure(command)
            times[name].append(wall)
            CPU[name].append(cpu)
    return times


def cpu_line(times: dict[str, list[float]], name: str) -> str:
    """The median CPU seconds of ``name`` and its share of the wall time."""
    cpu = statistics.median(CPU[name])
    return f"CPU {cpu:.3f} s (median; {cpu / statistics.median(times[name]):.2f} of a core)"


def spread(values: list[float]) -> str:
    """Median, quartiles and extremes: ``0.412 s (IQR 0.401–0.430, 0.390–0.512)``."""
    ordered = sorted(values)
    if len(ordered) >= 4:
        low, _, high = statistics.quantiles(ordered, n=4)
    else:
        low, high = ordered[0], ordered[-1]
    return (
        f"{statistics.median(ordered):.3f} s (IQR {low:.3f}–{high:.3f}, "
        f"range {ordered[0]:.3f}–{ordered[-1]:.3f}, n={len(ordered)})"
    )


def ratio(times: dict[str, list[float]], over: str, under: str) -> float:
    return statistics.median(times[over]) / statistics.median(times[under])


def copies(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the examples as shipped (their checks included), each with its
    scenario name numbered."""
    sources = sorted((ROOT / "examples").glob("*.yaml"))
    # the scenarios: an actuals file beside them names its plan, which a copy would lack
    texts = [
        text
        for text in (source.read_text("utf-8") for source in sources)
        if "\npactcalc-actuals:" not in text
    ]
    written = []
    for i in range(count):
        text = texts[i % len(texts)].replace("\nname: ", f"\nname: {i} — ", 1)
        target = folder / f"s{i:05d}.yaml"
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def bench_run(repeat: int, before: Path | None) -> None:
    example = str(ROOT / "examples" / "beschermd-wonen.yaml")
    commands = {
        "run": ([*PACTCALC, "run", example, "--format", "json"], ROOT),
        "bare": ([PYTHON, "-c", BARE], ROOT),
        "floor": ([PYTHON, "-c", FLOOR], ROOT),
    }
    if before is not None:
        commands["before"] = ([*PACTCALC, "run", example, "--format", "json"], before)
    times = interleaved(commands, repeat)
    print("\n1. pactcalc run examples/beschermd-wonen.yaml --format json (as shipped)")
    print(f"   run:                          {spread(times['run'])}; {cpu_line(times, 'run')}")
    if before is not None:
        print(f"   run, --before:                {spread(times['before'])}")
        print(f"                                 {cpu_line(times, 'before')}")
    print(f"   (a) bare import:              {spread(times['bare'])}")
    print(f"   (b) import + pydantic model:  {spread(times['floor'])}")
    print(f"                                 {cpu_line(times, 'floor')}")
    for name in ("run", "before") if before is not None else ("run",):
        print(
            f"   {name}: ratio to (a) {ratio(times, name, 'bare'):.2f}x; ratio to (b) "
            f"{ratio(times, name, 'floor'):.2f}x (target <= 1.1x of (b))"
        )
    print(f"   (b)/(a) {ratio(times, 'floor', 'bare'):.2f}x")


#: ``run --format json`` of the example, phase by phase, in one process as the command
#: line runs it (``pactcalc.__main__``: the collector off during start-up, then frozen).
#: Prints each phase's seconds as JSON; pydantic's model classes and the draws are timed
#: inside the phases that make them.
PHASES = r"""
import gc, json, sys, time
gc.disable()
marks = [("start", time.perf_counter())]
inside = {}
def mark(name):
    marks.append((name, time.perf_counter()))
def timed(owner, attribute, name):
    original = getattr(owner, attribute)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            inside[name] = inside.get(name, 0.0) + time.perf_counter() - start
    setattr(owner, attribute, wrapper)
import typer, pydantic, yaml, rich.console, numpy
mark("floor: the five dependencies")
from pydantic import BaseModel
class A(BaseModel):
    x: int
A(x=1)
mark("floor: one pydantic model")
from pydantic._internal import _model_construction
timed(_model_construction.ModelMetaclass, "__new__", "pydantic model classes")
import dataclasses
timed(dataclasses, "_process_class", "dataclasses (their methods compiled)")
import pactcalc.cli
gc.freeze(); gc.enable()
mark("pactcalc's modules for run")
from pathlib import Path
from pactcalc import pipeline
path = Path(sys.argv[1])
document = pipeline.load_scenario(path, str(path))
mark("read and validate the scenario")
import numpy.random
from pactcalc import uncertainty
mark("the simulation's modules (numpy.random)")
timed(uncertainty, "sample_parameters", "draws of the parameters")
timed(uncertainty, "simulate_checks", "simulation for the P(...) checks")
pipeline.compute_document(document)
assert document.result is not None
mark("compute, and simulate for the checks")
from pactcalc import i18n
i18n.money(1.0, "nl")
mark("Babel: import and nl_NL locale data")
from pactcalc.report import build
mark("the report model's modules")
built = build(document, None, "nl")
mark("build the report")
from pactcalc.formats import CsvDialect, OutputFormat, drawn
text = drawn(OutputFormat.json, built, CsvDialect.standard)
mark("draw JSON")
phases = {b[0]: b[1] - a[1] for a, b in zip(marks, marks[1:])}
json.dump({"phases": phases, "inside": inside}, sys.stdout)
"""


def bench_breakdown(repeat: int) -> None:
    example = str(ROOT / "examples" / "beschermd-wonen.yaml")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs: list[dict[str, dict[str, float]]] = []
    floor: list[float] = []
    for _ in range(repeat + 1):  # the first round warms the caches and is dropped
        out = subprocess.run(
            [PYTHON, "-c", PHASES, example], env=env, cwd=ROOT, capture_output=True, check=True
        ).stdout
        runs.append(json.loads(out))
        floor.append(measure(([PYTHON, "-c", FLOOR], ROOT))[0])
    runs, floor = runs[1:], floor[1:]
    base = statistics.median(floor)
    print(f"\n3. run --format json of the example, phase by phase (medians of {repeat})")
    print(f"   (b) import + pydantic model, whole process: {base * 1000:.1f} ms")
    beyond = 0.0
    for name in runs[0]["phases"]:
        ms = statistics.median(r["phases"][name] for r in runs) * 1000
        if not name.startswith("floor"):
            beyond += ms
        print(f"   {name:45s} {ms:6.1f} ms  {ms / base / 10:5.1f}% of (b)")
        for inner, within in (
            ("pydantic model classes", "pactcalc's modules for run"),
            ("simulation for the P(...) checks", "compute, and simulate for the checks"),
            ("draws of the parameters", "compute, and simulate for the checks"),
        ):
            if within == name:
                ms = statistics.median(r["inside"].get(inner, 0.0) for r in runs) * 1000
                print(f"     of which {inner:35s} {ms:6.1f} ms  {ms / base / 10:5.1f}% of (b)")
    inner = "dataclasses (their methods compiled)"
    ms = statistics.median(r["inside"].get(inner, 0.0) for r in runs) * 1000
    print(f"   in all phases: {inner:35s} {ms:6.1f} ms  {ms / base / 10:5.1f}% of (b)")
    print(
        f"   beyond the floor: {beyond:.1f} ms = {beyond / base / 10:.0f}% of (b); "
        f"the target (<= 1.1x) allows {base * 100:.1f} ms"
    )


def bench_check(files: int, repeat: int, before: Path | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pactcalc-bench-"))
    try:
        copies(folder, files)
        loop = (
            f"import pathlib, yaml\nfor p in sorted(pathlib.Path({str(folder)!r})"
            f".glob('*.yaml')):\n    yaml.safe_load(p.read_text('utf-8'))"
        )
        commands = {
            "check": ([*PACTCALC, "check", str(folder), "--quiet"], ROOT),
            "safe_load": ([PYTHON, "-c", loop], ROOT),
        }
        if before is not None:
            commands["before"] = ([*PACTCALC, "check", str(folder), "--quiet"], before)
        times = interleaved(commands, repeat)
    finally:
        shutil.rmtree(folder)
    print(f"\n2. pactcalc check on {files} copies of the examples as shipped (P(…) checks)")
    print(f"   check:                {spread(times['check'])}; {cpu_line(times, 'check')}")
    if before is not None:
        print(f"   check, --before:      {spread(times['before'])}")
        print(f"                         {cpu_line(times, 'before')}")
    print(f"   yaml.safe_load loop:  {spread(times['safe_load'])}")
    print(f"                         {cpu_line(times, 'safe_load')}")
    for name in ("check", "before") if before is not None else ("check",):
        print(f"   {name}: ratio {ratio(times, name, 'safe_load'):.2f}x (target <= 1.0x)")


def bench_memory(files: int, before: Path | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pactcalc-bench-"))
    trees = {"check": ROOT} if before is None else {"check": ROOT, "check, --before": before}
    try:
        copies(folder, files)
        for name, tree in trees.items():
            wall, _cpu, peak = measure(([*PACTCALC, "check", str(folder), "--quiet"], tree))
            print(f"\n4. {name} on {files} copies: {wall:.1f} s, peak RSS {peak:.0f} MB")
    finally:
        shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="rounds of the run benchmark")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--check-repeat", type=int, default=7, help="rounds of the check one")
    parser.add_argument("--memory-files", type=int, default=10000)
    parser.add_argument("--only", choices=("run", "breakdown", "check", "memory"))
    parser.add_argument(
        "--before",
        type=Path,
        help="another checkout of pactcalc to time side by side (git worktree add DIR main)",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="compile every module from source at every start (PYTHONDONTWRITEBYTECODE=1)",
    )
    args = parser.parse_args()
    global BYTECODE
    BYTECODE = not args.no_bytecode
    before = args.before.resolve() if args.before else None
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}; bytecode cache "
        f"{'used' if BYTECODE else 'not used'}"
    )
    if args.only in (None, "run"):
        bench_run(args.repeat, before)
    if args.only in (None, "breakdown"):
        bench_breakdown(args.repeat)
    if args.only in (None, "check"):
        bench_check(args.files, args.check_repeat, before)
    if args.only in (None, "memory"):
        bench_memory(args.memory_files, before)


if __name__ == "__main__":
    main()
