"""``check``'s workers keep the memory they free for the next file, so that each file's
simulation does not fault in fresh pages from the system (glibc on Linux)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pactcalc import gate

#: 20 arrays of 400 kB (a simulation's arrays: 10,000 samples × 5 years) made and freed
#: 50 times after one warm-up round; prints the page faults of those 50 rounds.
ROUNDS = """
import resource, sys
import numpy as np
from pactcalc import gate
if sys.argv[1] == "keep":
    gate._keep_freed_memory()
def one_round():
    arrays = [np.ones(50_000) for _ in range(20)]
    del arrays
one_round()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(50):
    one_round()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _page_faults(mode: str) -> int:
    found = subprocess.run(
        [sys.executable, "-c", ROUNDS, mode], capture_output=True, text=True, check=True
    )
    return int(found.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt: Linux only")
def test_a_worker_reuses_the_memory_it_freed() -> None:
    # by default the 8 MB freed at the top of the heap go back to the system each round
    # and come back as fresh pages: 50 rounds × 8 MB / 4 kB ≈ 100,000 page faults
    assert _page_faults("default") > 20_000
    # kept for reuse, the same pages serve every round
    assert _page_faults("keep") < 1_000


def test_the_workers_are_set_up_to_keep_freed_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool's workers start with :func:`gate._keep_freed_memory` on Linux."""
    seen: dict[str, object] = {}

    class Pool:
        def __init__(self, **options: object) -> None:
            seen.update(options)

        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def map(self, function: object, jobs: list[object], chunksize: int) -> list[object]:
            seen["chunksize"] = chunksize
            return [None for _ in jobs]

    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    jobs = [(Path(f"f{i}.yaml"), True) for i in range(200)]
    assert gate._checked(jobs, 2) == [None] * 200
    linux = sys.platform.startswith("linux")
    assert seen["initializer"] is (gate._keep_freed_memory if linux else None)
    assert seen["chunksize"] == gate.MOST_PER_BATCH  # 200 // (4 × 2) = 25, at most 8
