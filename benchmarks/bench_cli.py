"""Side-by-side wall-time benchmarks of the command line (issue: "keep it fast").

Run from the repository root, in the project's virtual environment:

    python benchmarks/bench_cli.py [--repeat 11] [--files 1000]

Each pair of commands runs interleaved (A, B, A, B, …) so that machine noise hits both
alike; the report gives the median wall time of each and the ratio of the medians.

1. ``pactcalc run examples/beschermd-wonen.yaml --format json`` against a bare
   ``python -c "import typer, pydantic, yaml, rich.console, numpy"`` (target ≤ 1.25×).
   For context it also times the bare import plus pydantic's first model class, the floor
   for any tool that validates with pydantic.
2. ``pactcalc check`` on a folder of generated scenario files against plain
   ``yaml.safe_load`` (PyYAML's pure-Python loader) of the same files in one Python loop
   (target ≤ 1.0×).
"""

from __future__ import annotations

import argparse
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


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT
    )
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache once
        wall(command)
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(wall(command))
    return {name: statistics.median(values) for name, values in times.items()}


def generate_one(source: Path, target: Path, prefix: str) -> None:
    """A copy of an example without its probabilistic checks, its name prefixed."""
    text = source.read_text("utf-8").replace("\nname: ", f"\nname: {prefix}", 1)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("  - P("))
    target.write_text(text + "\n", encoding="utf-8")


def generate(folder: Path, count: int) -> None:
    """``count`` scenario files: the examples with their scenario names numbered, without
    their probabilistic checks — those run a 10,000-sample simulation each, which is
    measured by bench_uncertainty.py, not here."""
    sources = sorted((ROOT / "examples").glob("*.yaml"))
    for i in range(count):
        generate_one(sources[i % len(sources)], folder / f"s{i:04d}.yaml", f"{i} — ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )

    deterministic = Path(tempfile.mkdtemp(prefix="pactcalc-bench-")) / "bw.yaml"
    generate_one(ROOT / "examples" / "beschermd-wonen.yaml", deterministic, "")
    medians = interleaved(
        {
            "run": [*PACTCALC, "run", "examples/beschermd-wonen.yaml", "--format", "json"],
            "run_deterministic": [*PACTCALC, "run", str(deterministic), "--format", "json"],
            "bare": [PYTHON, "-c", BARE],
            "floor": [PYTHON, "-c", FLOOR],
        },
        args.repeat,
    )
    shutil.rmtree(deterministic.parent)
    print(
        f"\n1. pactcalc run --format json: {medians['run']:.3f} s; bare import "
        f"{medians['bare']:.3f} s; ratio {medians['run'] / medians['bare']:.2f}x "
        f"(target <= 1.25x)"
    )
    print(
        f"   bare import + pydantic's first model: {medians['floor']:.3f} s "
        f"({medians['floor'] / medians['bare']:.2f}x the bare import)"
    )
    print(
        f"   the same without its probabilistic check (no 10,000-sample simulation): "
        f"{medians['run_deterministic']:.3f} s, "
        f"{medians['run_deterministic'] / medians['bare']:.2f}x"
    )

    folder = Path(tempfile.mkdtemp(prefix="pactcalc-bench-"))
    try:
        generate(folder, args.files)
        loop = (
            f"import pathlib, yaml\nfor p in sorted(pathlib.Path({str(folder)!r})"
            f".glob('*.yaml')):\n    yaml.safe_load(p.read_text('utf-8'))"
        )
        medians = interleaved(
            {
                "check": [*PACTCALC, "check", str(folder), "--quiet"],
                "safe_load": [PYTHON, "-c", loop],
            },
            max(3, args.repeat // 3),
        )
        print(
            f"\n2. pactcalc check on {args.files} files: {medians['check']:.3f} s; "
            f"yaml.safe_load loop {medians['safe_load']:.3f} s; ratio "
            f"{medians['check'] / medians['safe_load']:.2f}x (target <= 1.0x)"
        )
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
