"""The pipeline as a library: load → validate → compute, problems as values.

>>> from pactcalc import load_scenario, compute
>>> document = load_scenario("examples/beschermd-wonen.yaml")  # doctest: +SKIP
>>> result = compute(document.scenario, document.checks)       # doctest: +SKIP

:func:`run_file` does both and resolves every problem to ``file:line:col``.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pactcalc import i18n, loader
from pactcalc.engine import Result, compute
from pactcalc.model import Check, Scenario, validate
from pactcalc.problems import PathRef, Problem, sort_key
from pactcalc.sampled import SimulationError

if TYPE_CHECKING:  # an actuals file's modules are loaded when one is read
    from pactcalc.model.actuals import Actuals
    from pactcalc.monitor import Monitoring


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


def compute_document(document: Document, checks_simulated: bool = True) -> Document:
    """Compute a valid document's result (in place; returns it), with its checks: those on
    the deterministic run by the engine, those on a simulation (``P(…)``, ``P5(…)``,
    ``mean(…)``) by :mod:`pactcalc.uncertainty` — unless not ``checks_simulated`` (for a
    command that shows no check, or simulates on its own: they are then left out of
    ``result.checks``). Problems the engine finds (a division by zero in a year, a
    negative budget) join ``document.problems``."""
    if document.scenario is None or not document.ok:
        return document
    result = compute(document.scenario, document.checks)
    document.problems.extend(resolve(p, document.loaded) for p in result.problems)
    document.problems.sort(key=sort_key)
    if all(not p.is_error for p in result.problems):
        simulated = [(i, c) for i, c in enumerate(document.checks) if c.is_probabilistic]
        if simulated and checks_simulated:
            from pactcalc import uncertainty

            try:  # only the samples the checks need: no summaries, bands or risk
                simulation = uncertainty.simulate_checks(
                    document.scenario, document.checks, plan=result
                )
            except SimulationError as error:  # too many samples, or a sample without number
                add_problems(document, error.problems)
                return document
            result.checks += [
                uncertainty.evaluate_probabilistic(simulation, c, i) for i, c in simulated
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


def run_file(
    path: str | os.PathLike[str], display_name: str | None = None, checks_simulated: bool = True
) -> Document:
    """Load, validate and compute a scenario file (``checks_simulated``: see
    :func:`compute_document`)."""
    return compute_document(load_scenario(path, display_name), checks_simulated)


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


# --- actuals beside a plan (DOMAIN.md §8) ---------------------------------------------------


@dataclass
class ActualsDocument:
    """An actuals file read: the validated actuals (None if invalid), the plan's document
    (its own problems at its own ``file:line:col``), every problem of the actuals file,
    and — after :func:`monitor_document` — the monitoring."""

    file: str
    loaded: loader.Loaded
    actuals: Actuals | None
    plan: Document | None
    problems: list[Problem] = field(default_factory=list)
    monitoring: Monitoring | None = None

    @property
    def ok(self) -> bool:
        """No errors in the actuals or the plan (warnings allowed)."""
        plan_ok = self.plan is not None and self.plan.ok
        return self.actuals is not None and plan_ok and not any(p.is_error for p in self.problems)

    @property
    def all_problems(self) -> list[Problem]:
        """The plan's problems (at the plan's lines), then the actuals' own."""
        own = list(self.problems)
        return (list(self.plan.problems) if self.plan is not None else []) + own


def is_actuals(data: Any) -> bool:
    """Whether loaded data is an actuals file (its ``pactcalc-actuals`` key)."""
    from pactcalc.model.actuals import VERSION_KEY

    return isinstance(data, dict) and VERSION_KEY in data


#: A line that starts with the actuals' key: how a file that YAML cannot read (a syntax
#: error) is still known as an actuals file, and reported as one.
_ACTUALS_LINE = re.compile(r"""^["']?pactcalc-actuals["']?[ \t]*:""", re.MULTILINE)


def read_file(
    path: str | os.PathLike[str], display_name: str | None = None
) -> Document | ActualsDocument:
    """A file read once, as what it is: an actuals file (its ``pactcalc-actuals`` key, or
    a line that starts with it when the YAML cannot be read) with its plan, else a
    scenario; validated, not computed (:func:`compute_document`, :func:`monitor_document`)."""
    loaded = loader.load_file(path, display_name)
    text = loaded.text
    broken = loaded.data is None and text is not None and _ACTUALS_LINE.search(text)
    if is_actuals(loaded.data) or broken:
        return _actuals_of(loaded, os.fspath(path))
    return _validate(loaded)


def plan_path(actuals_file: str, written: str) -> str:
    """The plan's path as the actuals file names it: relative to the actuals file."""
    if os.path.isabs(written):
        return written
    return os.path.normpath(os.path.join(os.path.dirname(actuals_file), written))


def load_actuals(path: str | os.PathLike[str], display_name: str | None = None) -> ActualsDocument:
    """Read and validate an actuals file and the plan it names. Never raises for bad
    input: see ``problems`` (the actuals') and ``plan.problems`` (the plan's)."""
    return _actuals_of(loader.load_file(path, display_name), os.fspath(path))


def load_actuals_text(
    text: str | bytes, file: str = "<text>", base: str | os.PathLike[str] = "."
) -> ActualsDocument:
    """Like :func:`load_actuals`, from text in memory; the plan is found from ``base``."""
    return _actuals_of(loader.load_text(text, file), os.path.join(os.fspath(base), "actuals"))


def _actuals_of(loaded: loader.Loaded, real_path: str) -> ActualsDocument:
    from pactcalc.model.actuals import cross_check_actuals, validate_actuals

    problems = list(loaded.problems)
    document = ActualsDocument(loaded.file, loaded, None, None, problems)
    if loaded.data is None or any(p.is_error and p.code in _FATAL for p in problems):
        return _sorted(document)
    if isinstance(loaded.data, dict) and "pactcalc" in loaded.data and not is_actuals(loaded.data):
        args = {
            "version": loaded.data["pactcalc"],
            "command": "pactcalc monitor",
            "file": loaded.file,
        }
        problems.append(resolve(Problem("PC508", "", args=args, path=("pactcalc",)), loaded))
        return _sorted(document)
    actuals, found = validate_actuals(loaded.data, loaded.file)
    problems.extend(resolve(p, loaded) for p in found)
    document.actuals = actuals
    if actuals is None:
        return _sorted(document)
    real = plan_path(real_path, actuals.scenario)
    shown = plan_path(loaded.file, actuals.scenario)
    at_key = ("scenario",)
    if not os.path.isfile(real):
        reason = i18n.Text("problem.not_found" if not os.path.exists(real) else "problem.is_folder")
        problems.append(
            resolve(
                Problem("PC500", "", args={"path": shown, "reason": reason}, path=at_key), loaded
            )
        )
        return _sorted(document)
    plan = load_scenario(real, shown)
    document.plan = plan
    if plan.scenario is None or not plan.ok:
        count = len(plan.errors)
        problems.append(
            resolve(Problem("PC501", "", args={"path": shown, "count": count}, path=at_key), loaded)
        )
        return _sorted(document)
    problems.extend(resolve(p, loaded) for p in cross_check_actuals(actuals, plan.scenario, ""))
    return _sorted(document)


def _sorted(document: ActualsDocument) -> ActualsDocument:
    document.problems.sort(key=sort_key)
    return document


def monitor_document(document: ActualsDocument) -> ActualsDocument:
    """Compute a valid actuals document's monitoring (in place; returns it). The plan's
    own problems (found computing it) are resolved at the plan's ``file:line:col``; those
    only the expectation has (an actual of 0 that a line divides by, a year whose budget
    is booked away) come from the actuals, and are resolved at the actuals file: at the
    year they name, else at its ``scenario:`` key."""
    from pactcalc.monitor import monitor

    if not document.ok or document.actuals is None or document.plan is None:
        return document
    plan = document.plan
    assert plan.scenario is not None
    try:
        monitoring = monitor(plan.scenario, plan.checks, document.actuals)
    except SimulationError as error:  # too many samples, or a sample without a number
        add_problems(plan, error.problems)
        return document
    plan.problems.extend(resolve(p, plan.loaded) for p in monitoring.plan.problems)
    plan.problems.sort(key=sort_key)
    listed = set(document.actuals.years)
    for problem in monitoring.problems:
        year = str(problem.args.get("year", ""))
        at = ("years", year) if year in listed else ("scenario",)
        moved = dataclasses.replace(problem, path=at, at_key=True, offset=None)
        document.problems.append(resolve(moved, document.loaded))
    document.problems.sort(key=sort_key)
    if all(not p.is_error for p in document.all_problems):
        document.monitoring = monitoring
    return document


def monitor_file(path: str | os.PathLike[str], display_name: str | None = None) -> ActualsDocument:
    """Load an actuals file with its plan, and monitor."""
    return monitor_document(load_actuals(path, display_name))
