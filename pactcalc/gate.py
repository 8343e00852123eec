"""``pactcalc check`` as a library: find scenario files, validate, compute, evaluate checks.

The result is a list of :class:`FileReport` values; the output formats (text, json, junit,
github) in :mod:`pactcalc.render.check_run` all render that same list.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pactcalc.i18n import Text
from pactcalc.model import CheckResult
from pactcalc.pipeline import Document, compute_document, load_scenario
from pactcalc.problems import Problem

Status = Literal["passed", "failed", "invalid"]


@dataclass
class FileReport:
    """One scenario file checked."""

    file: str
    document: Document | None  # None: the path does not exist
    problems: list[Problem]

    @property
    def checks(self) -> list[CheckResult]:
        if self.document is None or self.document.result is None:
            return []
        return self.document.result.checks

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]

    @property
    def status(self) -> Status:
        if self.document is None or self.document.result is None:
            return "invalid"
        return "failed" if self.failed_checks else "passed"

    def check_location(self, check: CheckResult) -> tuple[int | None, int | None]:
        assert self.document is not None
        return self.document.locate(("checks", check.index))


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


def check_paths(paths: Sequence[Path], skip_named_others: bool = False) -> CheckRun:
    """Check files and folders of scenarios. A file named in ``paths`` is always checked,
    unless ``skip_named_others`` and it is not a scenario."""
    run = CheckRun()
    files, missing = scenario_files(paths, run.not_regular)
    for path in missing:
        run.reports.append(
            FileReport(
                str(path),
                None,
                [Problem("PC001", str(path), args={"reason": Text("problem.not_found")})],
            )
        )
    named = set(paths)
    for path in files:
        document = load_scenario(path, str(path))
        if (skip_named_others or path not in named) and not is_scenario(document):
            run.skipped += 1
            continue
        compute_document(document)
        run.reports.append(FileReport(str(path), document, document.problems))
    return run
