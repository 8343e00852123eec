"""The pipeline as a library: load → validate → compute, problems as values.

>>> from pactcalc import load_scenario, compute
>>> document = load_scenario("examples/beschermd-wonen.yaml")  # doctest: +SKIP
>>> result = compute(document.scenario, document.checks)       # doctest: +SKIP

:func:`run_file` does both and resolves every problem to ``file:line:col``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pactcalc import loader
from pactcalc.engine import Result, compute
from pactcalc.model import Check, Scenario, validate
from pactcalc.problems import PathRef, Problem, sort_key
from pactcalc.sampled import SimulationError


@dataclass
class Document:
    """A scenario file read: the validated scenario (None if invalid), its checks, every
    problem with its location, and — after :func:`compute_document` — the result."""

    file: str
    loaded: loader.Loaded
    scenario: Scenario | None
    checks: list[Check]
    problems: list[Problem] = field(default_factory=list)
    result: Result | None = None

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return self.scenario is not None and not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def locate(self, path: Sequence[Any]) -> tuple[int | None, int | None]:
        return self.loaded.locate(tuple(path))


def load_scenario(path: str | os.PathLike[str], display_name: str | None = None) -> Document:
    """Read and validate a scenario file. Never raises for bad input: see ``problems``."""
    return _validate(loader.load_file(path, display_name))


def load_scenario_text(text: str | bytes, file: str = "<text>") -> Document:
    """Like :func:`load_scenario`, from text in memory."""
    return _validate(loader.load_text(text, file))


def _validate(loaded: loader.Loaded) -> Document:
    problems = list(loaded.problems)
    scenario: Scenario | None = None
    checks: list[Check] = []
    if loaded.data is not None and not any(p.is_error and p.code in _FATAL for p in problems):
        scenario, checks, found = validate(loaded.data, loaded.file)
        problems.extend(resolve(p, loaded) for p in found)
    document = Document(loaded.file, loaded, scenario, checks, problems)
    document.problems.sort(key=sort_key)
    return document


# Problems after which the data cannot be validated meaningfully.
_FATAL = frozenset({"PC001", "PC002", "PC003", "PC004", "PC005", "PC006", "PC010"})


def compute_document(document: Document) -> Document:
    """Compute a valid document's result (in place; returns it), with its checks: those on
    the deterministic run by the engine, those on a simulation (``P(…)``, ``P5(…)``,
    ``mean(…)``) by :mod:`pactcalc.uncertainty`. Problems the engine finds (a division by
    zero in a year, a negative budget) join ``document.problems``."""
    if document.scenario is None or not document.ok:
        return document
    result = compute(document.scenario, document.checks)
    document.problems.extend(resolve(p, document.loaded) for p in result.problems)
    document.problems.sort(key=sort_key)
    if all(not p.is_error for p in result.problems):
        probabilistic = [(i, c) for i, c in enumerate(document.checks) if c.is_probabilistic]
        if probabilistic:
            from pactcalc import uncertainty

            try:  # only the samples the checks need: no summaries, bands or risk
                simulation = uncertainty.simulate_checks(
                    document.scenario, document.checks, plan=result
                )
            except SimulationError as error:  # too many samples, or a sample without number
                add_problems(document, error.problems)
                return document
            result.checks += [
                uncertainty.evaluate_probabilistic(simulation, c, i) for i, c in probabilistic
            ]
            result.checks.sort(key=lambda c: c.index)
        document.result = result
    return document


def add_problems(document: Document, problems: Sequence[Problem]) -> None:
    """Add problems found in the scenario's data (with a ``path``) to ``document``, each
    at its ``file:line:col``, in the document's order."""
    document.problems.extend(resolve(p, document.loaded) for p in problems)
    document.problems.sort(key=sort_key)


#: The former name, kept for the CLI, the package's API and tests.
evaluate = compute_document


def run_file(path: str | os.PathLike[str], display_name: str | None = None) -> Document:
    """Load, validate and compute a scenario file."""
    return compute_document(load_scenario(path, display_name))


def resolve(problem: Problem, loaded: loader.Loaded) -> Problem:
    """Give a problem found in the data (it has a ``path``) its file, line and column."""
    args = {key: _resolve_arg(value, loaded) for key, value in problem.args.items()}
    if problem.path is None:
        return dataclasses.replace(problem, file=loaded.file, args=args)
    line, col = loaded.locate(tuple(problem.path), key=problem.at_key)
    if col is not None and problem.offset is not None:
        value = _at(loaded.data, problem.path)
        quoted = isinstance(value, str) and not isinstance(value, loader.Plain)
        col += problem.offset + (1 if quoted else 0)
    return dataclasses.replace(problem, file=loaded.file, line=line, col=col, args=args)


def _resolve_arg(value: Any, loaded: loader.Loaded) -> Any:
    if isinstance(value, PathRef):
        line, _ = loaded.locate(tuple(value.path), key=value.key)
        return line if line is not None else "?"
    return value


def _at(data: Any, path: Sequence[Any]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
