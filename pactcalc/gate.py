"""``pactcalc check`` as a library: find scenario and actuals files, validate, compute,
evaluate checks.

The result is a list of :class:`FileReport` values; the output formats (text, json, junit,
github) in :mod:`pactcalc.render.check_run` all render that same list.

An actuals file (``pactcalc-actuals: 1``, DOMAIN.md §8) is checked on the current
expectation (:func:`pactcalc.pipeline.monitor_document`): the plan's checks that fail on
it, and a KPI behind its target in a ``final`` year, fail the file (exit 1); a KPI behind
in a ``provisional`` year is a warning (PC561). Every finding is at the actuals file's
lines, so that CI points at the figures that changed; an invalid plan's problems are at
the plan's own lines.

A file's report keeps its findings only — problems, check results and where they are —
not the file's :class:`~pactcalc.pipeline.Document` (10,000 files kept 2.9 GB of them).
Many files are checked in several processes (:func:`check_paths`), one file at a time
each, the reports in the order of the files: the output is that of a serial run.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pactcalc.i18n import Text, t
from pactcalc.model import CheckResult
from pactcalc.pipeline import (
    ActualsDocument,
    Document,
    compute_document,
    monitor_document,
    read_file,
)
from pactcalc.problems import Figure, Percent, Problem, sort_key

Status = Literal["passed", "failed", "invalid"]


Location = tuple[int | None, int | None]


@dataclass(frozen=True)
class KpiFinding:
    """A KPI in a realised year of an actuals file, against its target: ``behind`` in a
    ``final`` year fails the file; in a ``provisional`` year it is warning PC561. ``line``
    and ``col``: the measured value's key in the actuals file, else the year's key."""

    kpi: str
    year: int
    status: str
    value: float
    target: float
    tolerance: float
    behind: bool
    line: int | None
    col: int | None

    @property
    def fails(self) -> bool:
        return self.behind and self.status == "final"

    @property
    def args(self) -> dict[str, object]:
        """The message's values, each worded in the reader's language."""
        return {
            "kpi": self.kpi,
            "year": self.year,
            "value": Figure(self.value),
            "target": Figure(self.target),
            "tolerance": Percent(self.tolerance, 0),
        }

    def message(self, lang: str) -> str:
        """ "KPI 'uitstroom' is behind in 2021: 8 against target 10 (tolerance 0%)"."""
        args = {
            key: value.text(lang) if isinstance(value, Figure | Percent) else value
            for key, value in self.args.items()
        }
        return t("gate.kpi_behind", lang, **args)


@dataclass
class FileReport:
    """One scenario or actuals file checked: its findings. ``computed``: the file is valid
    and its checks were evaluated (else it is invalid); ``years`` the horizon's years (for
    the words about a check); ``source`` the file's text when it has problems to show with
    an excerpt (``sources``: the texts of other files that problems are in, an actuals
    file's plan); ``locations`` each check's line and column, by the check's index.

    An actuals file (``kind`` ``actuals``) has its plan's checks evaluated on the current
    expectation, each located at the ``scenario:`` key (``plan_locations``: where the check
    is written in the plan, ``plan`` the plan's file); ``kpis`` its KPIs in realised
    years."""

    file: str
    problems: list[Problem]
    checks: list[CheckResult] = field(default_factory=list)
    computed: bool = False
    years: list[int] = field(default_factory=list)
    source: str | None = None
    locations: dict[int, Location] = field(default_factory=dict)
    kind: Literal["scenario", "actuals"] = "scenario"
    sources: dict[str, str] = field(default_factory=dict)
    plan: str | None = None
    plan_locations: dict[int, Location] = field(default_factory=dict)
    kpis: list[KpiFinding] = field(default_factory=list)

    @classmethod
    def of(cls, file: str, document: Document) -> FileReport:
        """The findings of a loaded (and, if valid, computed) ``document``."""
        result = document.result
        checks = list(result.checks) if result is not None else []
        return cls(
            file,
            document.problems,
            checks,
            computed=result is not None,
            years=list(result.years) if result is not None else [],
            source=document.loaded.text if document.problems else None,
            locations={c.index: document.locate(("checks", c.index)) for c in checks},
        )

    @classmethod
    def of_actuals(cls, file: str, document: ActualsDocument) -> FileReport:
        """The findings of a loaded (and, if valid, monitored) actuals ``document``."""
        plan = document.plan
        monitoring = document.monitoring
        if monitoring is None or plan is None or document.actuals is None:
            failing_plan = plan is not None and not plan.ok
            problems = document.all_problems if failing_plan else list(document.problems)
            return cls(
                file,
                problems,
                kind="actuals",
                source=document.loaded.text,
                sources=_texts_of([plan] if failing_plan and plan is not None else []),
            )
        loaded = document.loaded
        # what the actuals change in the plan's computation is among the document's own
        # problems (at the actuals' lines); the plan's own warnings are for its own check
        keys = {int(key): key for key in document.actuals.years}
        kpis = []
        for progress in monitoring.kpis:
            for year in progress.years:
                if year.behind is None:
                    continue
                where = ("years", keys[year.year])
                measured = (*where, "kpis", progress.id)
                line, col = loaded.locate(measured if year.measured else where, key=True)
                kpis.append(
                    KpiFinding(
                        progress.id,
                        year.year,
                        year.status,
                        year.value,
                        year.target,
                        progress.tolerance,
                        year.behind,
                        line,
                        col,
                    )
                )
        own = [
            Problem("PC561", file, k.line, k.col, args=k.args)
            for k in kpis
            if k.behind and not k.fails
        ]
        at_plan = loaded.locate(("scenario",), key=True)
        checks = list(monitoring.expectation.checks)
        problems = sorted([*document.problems, *own], key=sort_key)
        return cls(
            file,
            problems,
            checks,
            computed=True,
            years=list(monitoring.years),
            source=document.loaded.text if problems else None,
            locations={c.index: at_plan for c in checks},
            kind="actuals",
            sources=_texts_of([]),
            plan=plan.file,
            plan_locations={c.index: plan.locate(("checks", c.index)) for c in checks},
            kpis=kpis,
        )

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]

    @property
    def failed_kpis(self) -> list[KpiFinding]:
        """The KPIs behind their target in a ``final`` year (actuals files)."""
        return [k for k in self.kpis if k.fails]

    @property
    def status(self) -> Status:
        if not self.computed:
            return "invalid"
        return "failed" if self.failed_checks or self.failed_kpis else "passed"

    def check_location(self, check: CheckResult) -> Location:
        return self.locations.get(check.index, (None, None))

    def source_of(self, file: str) -> str | None:
        """The text of ``file`` (this one, or another that a problem is in)."""
        return self.source if file == self.file else self.sources.get(file)


def _texts_of(documents: Sequence[Document]) -> dict[str, str]:
    return {d.file: d.loaded.text for d in documents if d.loaded.text is not None}


@dataclass
class CheckRun:
    """Every file checked, and how many YAML files were skipped as not-a-scenario."""

    reports: list[FileReport] = field(default_factory=list)
    skipped: int = 0
    #: Entries of a folder that are not regular files (a FIFO, socket or device): skipped
    #: unread, since reading one may block forever.
    not_regular: list[Path] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.reports if r.status == status)

    @property
    def exit_code(self) -> int:
        """2 when a file is invalid (wins), 1 when a check fails, else 0."""
        if self.count("invalid"):
            return 2
        return 1 if self.count("failed") else 0


def scenario_files(
    paths: Sequence[Path], not_regular: list[Path] | None = None
) -> tuple[list[Path], list[Path]]:
    """Named files always; folders recursively (``*.yaml``, ``*.yml``), skipping hidden
    files and folders, and entries that are not regular files (a FIFO would block the
    read forever; they are added to ``not_regular``). Returns (files, paths that do not
    exist). A named path that cannot be looked at is a file: reading it says why (PC001)."""
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if _is(path, stat.S_ISDIR):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                        found = Path(root) / name
                        if not _is(found, lambda mode: not stat.S_ISREG(mode)):
                            files.append(found)
                        elif not_regular is not None:
                            not_regular.append(found)
        elif _is_missing(path):
            missing.append(path)
        else:
            files.append(path)
    return files, missing


def _is(path: Path, kind: Callable[[int], bool]) -> bool:
    """Whether ``path`` is of ``kind`` (a ``stat.S_IS*`` test); False when it cannot be
    looked at."""
    try:
        return kind(path.stat().st_mode)
    except OSError:
        return False


def _is_missing(path: Path) -> bool:
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:  # no permission to look: not missing, unreadable
        return False
    return False


_PACTCALC_KEY = re.compile(r"^pactcalc[ \t]*:", re.MULTILINE)


def is_scenario(document: Document) -> bool:
    """A YAML file is a scenario when it has a top-level ``pactcalc`` key. One that cannot
    be read as a mapping (empty, a syntax error, several documents) counts as one when a
    line starts with ``pactcalc:``, so that a broken scenario is reported, not skipped,
    and an unrelated broken YAML file is skipped."""
    data = document.loaded.data
    if isinstance(data, dict):
        return "pactcalc" in data
    text = document.loaded.text
    return text is None or bool(_PACTCALC_KEY.search(text))


#: From how many files on, ``check`` uses several processes (each one's start costs about
#: as much as checking 10 files).
PARALLEL_FROM = 50


def usable_cpus() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def check_paths(
    paths: Sequence[Path], skip_named_others: bool = False, workers: int | None = None
) -> CheckRun:
    """Check files and folders of scenarios. A file named in ``paths`` is always checked,
    unless ``skip_named_others`` and it is not a scenario.

    ``workers``: how many processes check the files (default: one per usable processor
    when there are :data:`PARALLEL_FROM` files or more, else 1); the reports are in the
    order of the files whatever the number."""
    run = CheckRun()
    files, missing = scenario_files(paths, run.not_regular)
    for path in missing:
        run.reports.append(
            FileReport(
                str(path),
                [Problem("PC001", str(path), args={"reason": Text("problem.not_found")})],
            )
        )
    named = set(paths)
    jobs = [(path, (skip_named_others or path not in named)) for path in files]
    if workers is None:
        workers = usable_cpus() if len(files) >= PARALLEL_FROM else 1
    workers = max(1, min(workers, len(files)))
    for report in _checked(jobs, workers):
        if report is None:
            run.skipped += 1
        else:
            run.reports.append(report)
    return run


def check_file(path: Path, only_scenarios: bool) -> FileReport | None:
    """One file checked — a scenario, or an actuals file on its plan's current
    expectation; None when ``only_scenarios`` and it is neither (skipped)."""
    document = read_file(path, str(path))
    if isinstance(document, ActualsDocument):
        return FileReport.of_actuals(str(path), monitor_document(document))
    if only_scenarios and not is_scenario(document):
        return None
    return FileReport.of(str(path), compute_document(document))


def _check_job(job: tuple[Path, bool]) -> FileReport | None:
    return check_file(*job)


#: Most files a worker takes at a time: a few tenths of a second of work, so that no
#: worker is left with a long last batch while the others have finished.
MOST_PER_BATCH = 8


def _checked(jobs: list[tuple[Path, bool]], workers: int) -> list[FileReport | None]:
    """Every job's report, in order: in this process, or spread over ``workers``.

    On Linux the workers are forked after this process has imported everything a check
    needs (the simulation too), so that no worker imports anything or starts a fresh
    interpreter; elsewhere (macOS's system libraries are not safe to fork) the platform's
    default start method is used."""
    if workers == 1:
        return [_check_job(job) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pactcalc import uncertainty  # noqa: F401  (imported once, before the fork)

    linux = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if linux else None)
    chunk = max(1, min(MOST_PER_BATCH, len(jobs) // (4 * workers)))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_keep_freed_memory if linux else None
    ) as pool:
        return list(pool.map(_check_job, jobs, chunksize=chunk))


#: glibc's ``mallopt`` parameters (malloc.h) and the values a worker sets.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_KEEP_FREE = 256 * 2**20  # bytes of freed memory kept for reuse
_LARGEST_FROM_HEAP = 32 * 2**20  # larger blocks are mapped (and unmapped) on their own


def _keep_freed_memory() -> None:
    """A worker keeps the memory it frees for the next file (glibc on Linux).

    By default glibc returns freed memory to the system as soon as a little lies free at
    the top of the heap, so every file's simulation (arrays of 10,000 samples × years,
    400 kB each for 5 years) gets fresh pages from the system and faults each one in:
    half of the engine's time. Keeping up to :data:`_KEEP_FREE` of freed memory makes
    the next file reuse the same pages; the peak memory stays what the largest file needs.
    Without glibc (no ``mallopt``) nothing changes."""
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return
    mallopt(_M_MMAP_THRESHOLD, _LARGEST_FROM_HEAP)
    mallopt(_M_TRIM_THRESHOLD, _KEEP_FREE)
