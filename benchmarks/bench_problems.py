"""Time, memory and output of ``pactcalc check`` against the number of problems, and the
memory of a large simulation (issue 10: "bounded in time, memory and output").

Run from the repository root, in the project's virtual environment:

    python benchmarks/bench_problems.py [--size 30000] [--before /path/to/old/checkout]

Generated files (in a temporary folder):

* ``unknown``: ``size`` unknown keys (PC102) in one line item;
* ``duplicate``: ``size`` duplicate keys (PC007);
* ``commas``: a flow list with ``size / 3`` decimal commas (PC012) on one line of
  ``size`` characters × 1.7.

For each, ``pactcalc check`` at ``size`` and at ``size / 10``: wall seconds, peak memory
(MB, the child's maximum resident set size) and bytes printed. Time linear in the problems
gives a ratio of about 10 between the two sizes; the output stays near 20 problems of a
kind. Then ``simulate examples/beschermd-wonen.yaml`` at 100,000 and 1,000,000 samples:
memory bounded by the chunks gives a ratio well below 10.

``--before DIR`` runs the same commands on another checkout (e.g. ``git worktree add
/tmp/old <commit>``) and prints the ratio before/after for each.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEAD = """\
pactcalc: 1
name: Veel problemen
start_year: 2024
years: 2
partners:
  - {id: gemeente, name: Gemeente}
baseline:
  - name: Oude zorg
    partner: gemeente
    amount: 1000
"""


def unknown_keys(count: int) -> str:
    return HEAD + "".join(f"    amout{i}: 1000\n" for i in range(count))


def duplicate_keys(count: int) -> str:
    return HEAD + "    amount: 1000\n" * count


def decimal_commas(count: int) -> str:
    return HEAD + "series:\n  s: [" + ", ".join(["1,5"] * (count // 3)) + "]\n"


GENERATORS = {"unknown": unknown_keys, "duplicate": duplicate_keys, "commas": decimal_commas}


def measure(arguments: list[str], tree: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory (MB) and bytes printed of ``pactcalc ARGS`` run
    from the checkout ``tree``."""
    environment = {**os.environ, "PYTHONPATH": str(tree), "GITHUB_ACTIONS": ""}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pactcalc", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tree,
        env=environment,
    )
    assert process.stdout is not None
    printed = 0
    while chunk := process.stdout.read(1 << 20):
        printed += len(chunk)
    _, _status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, printed


def row(name: str, found: tuple[float, float, int]) -> str:
    seconds, megabytes, printed = found
    return f"  {name:<34} {seconds:8.2f} s {megabytes:9.0f} MB {printed:>13,} bytes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    parser.add_argument("--no-simulate", action="store_true")
    options = parser.parse_args()
    trees = {"after": ROOT}
    if options.before:
        trees = {"before": options.before.resolve(), "after": ROOT}
    results: dict[tuple[str, str], tuple[float, float, int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind, generate in GENERATORS.items():
            for size in (options.size // 10, options.size):
                path = Path(folder) / f"{kind}-{size}.yaml"
                path.write_text(generate(size), encoding="utf-8")
                for label, tree in trees.items():
                    name = f"check {kind} × {size:,}"
                    results[(label, name)] = measure(["check", str(path)], tree)
                    print(f"{label:>6}" + row(name, results[(label, name)]), flush=True)
            for label in trees:
                small = results[(label, f"check {kind} × {options.size // 10:,}")][0]
                large = results[(label, f"check {kind} × {options.size:,}")][0]
                print(f"{label:>6}   time ×10 problems: ×{large / small:.1f} (linear: ~10)")
    if not options.no_simulate:
        example = str(ROOT / "examples" / "beschermd-wonen.yaml")
        for samples in (100_000, 1_000_000):
            for label, tree in trees.items():
                name = f"simulate --samples {samples:,}"
                results[(label, name)] = measure(
                    ["simulate", example, "--samples", str(samples)], tree
                )
                print(f"{label:>6}" + row(name, results[(label, name)]), flush=True)
    if "before" in trees:
        print("\nbefore / after (time, memory, output):")
        for name in dict.fromkeys(name for _label, name in results):
            before, after = results[("before", name)], results[("after", name)]
            ratios = [b / a if a else float("inf") for b, a in zip(before, after, strict=True)]
            print(
                f"  {name:<34} ×{ratios[0]:.1f} time  ×{ratios[1]:.1f} memory  "
                f"×{ratios[2]:.0f} output"
            )


if __name__ == "__main__":
    main()
