"""Validation: loaded data → a :class:`~pactcalc.model.scenario.Scenario`, its parsed
checks, and every problem found at once.

pydantic reads the data through the strict readers of :mod:`pactcalc.model.values`; its
errors are translated here into coded :class:`~pactcalc.problems.Problem` values (an
unknown key with "did you mean", a misplaced adjustment …). The rules that need the
whole file are the cross-checks of :mod:`pactcalc.model.cross_checks`; when pydantic
refused part of the file, they run on what is left, so that one run reports everything.
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError

from pactcalc import i18n, metrics
from pactcalc.loader import MAX_NUMBER_DIGITS, Plain, overlong_number, shortened_number
from pactcalc.model.checks import Check, parse_check, valid_names
from pactcalc.model.cross_checks import cross_check, cross_check_raw
from pactcalc.model.scenario import ADJUSTMENTS, Parameter, Scenario
from pactcalc.model.values import describe
from pactcalc.problems import Problem, suggested, suggestion


def validate(data: Any, file: str) -> tuple[Scenario | None, list[Check], list[Problem]]:
    """Validate loaded data: the scenario, its parsed checks, and every problem found.

    Problems carry a ``path`` into the data; the caller resolves it to ``line:col``.
    """
    problems: list[Problem] = []
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        problems.extend(_drop_shadowed_missing(list(_from_pydantic(exc, file, data))))
        problems.extend(cross_check_raw(data, file))
        problems.extend(_cross_check_pruned(data, exc, file, problems))
        return None, [], problems
    checks: list[Check] = []
    names = {p.id: p.name for p in scenario.partners}
    for index, text in enumerate(scenario.checks):
        parsed = parse_check(text)
        by_kpi = isinstance(parsed, Check) and metrics.is_kpi_indexed(parsed.metric)
        known = list(scenario.kpis) if by_kpi else list(names)
        if isinstance(parsed, Check) and parsed.partner is not None and parsed.partner not in known:
            parsed = Problem(
                "PC134",
                file,
                args={
                    "what": i18n.Text("problem.what_kpi" if by_kpi else "problem.what_partner"),
                    "name": parsed.partner,
                    "suggestion": suggestion(parsed.partner, known)
                    if by_kpi
                    else valid_names(parsed.partner, list(names), names),
                },
            )
        if isinstance(parsed, Problem):
            problems.append(
                Problem(
                    parsed.code,
                    file,
                    args=parsed.args,
                    path=("checks", index),
                    offset=parsed.offset,
                )
            )
        else:
            checks.append(parsed)
    problems.extend(cross_check(scenario, file))
    return scenario, checks, problems


# --- pydantic's errors as problems -----------------------------------------------------------

#: What pydantic expected, for PC112 "X is expected here, not Y".
_EXPECTED = {
    "list_type": "problem.expected_list",
    "dict_type": "problem.expected_mapping",
    "model_type": "problem.expected_mapping",
    "model_attributes_type": "problem.expected_mapping",
}


def _union_tag(part: Any) -> bool:
    """A step of pydantic's location that names a member of a union (a series' ``values``
    is a number or a list of numbers), not a key or index of the data."""
    return isinstance(part, str) and part.startswith(("function-before[", "list["))


def _errors(exc: ValidationError) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """pydantic's errors with their locations in the data. Where a value may be a number
    or a list (``values: [1, 2, 1e29]``) and the list branch found the wrong entry, that
    entry is the problem: "a number is expected, not a list" from the other branch would
    only contradict it."""
    errors = [(tuple(error["loc"]), dict(error)) for error in exc.errors()]
    in_lists = {loc[: loc.index(part)] for loc, _ in errors for part in loc if _is_list(part)}
    for loc, error in errors:
        tags = [i for i, part in enumerate(loc) if _union_tag(part)]
        if tags and not _is_list(loc[tags[0]]) and loc[: tags[0]] in in_lists:
            continue
        yield tuple(part for part in loc if not _union_tag(part)), error


def _is_list(part: Any) -> bool:
    return isinstance(part, str) and part.startswith("list[")


def _in_data(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """pydantic's location of a value as a path into the data as written: a key that the
    data does not hold on the way is a shorthand's (``clienten: [10, 1e29]`` is read as
    ``{values: [10, 1e29]}``), and is left out, so that the problem points at the entry."""
    path: list[Any] = []
    node = data
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            node = node[part]
        elif isinstance(part, str) and not isinstance(node, dict):
            continue  # the shorthand's implied key
        else:
            return loc
        path.append(part)
    return tuple(path)


def pydantic_problems(
    exc: ValidationError, file: str, data: Any, root: type[BaseModel]
) -> Iterator[Problem]:
    """pydantic's errors on ``data`` read as the model ``root`` (the scenario, or another
    file format such as the actuals), as coded problems with their paths."""
    return iter(_drop_shadowed_missing(list(_from_pydantic(exc, file, data, root))))


def _from_pydantic(
    exc: ValidationError, file: str, data: Any = None, root: type[BaseModel] | None = None
) -> Iterator[Problem]:
    for loc, error in _errors(exc):
        kind = error["type"]
        context = dict(error.get("ctx") or {})
        digits = _overlong_input(error.get("input"))
        if digits is not None and kind in ("PC103", "PC110", "PC104"):
            text = str(error["input"])
            args = {"text": shortened_number(text), "digits": digits, "limit": MAX_NUMBER_DIGITS}
            yield Problem("PC340", file, args=args, path=loc)
        elif kind.startswith("PC"):
            loc = _in_data(data, loc)
            offset = context.pop("offset", None)
            if kind == "PC113":  # a reader's range (a year) is named after its key
                context.setdefault("name", loc[-1])
            yield Problem(
                kind, file, args=context, path=loc, offset=None if offset is None else int(offset)
            )
        elif kind == "missing":
            yield Problem("PC101", file, args={"key": loc[-1], "where": ""}, path=loc[:-1])
        elif kind == "extra_forbidden" and _misplaced_adjustment(loc):
            takes = [k for k, names in ADJUSTMENTS.items() if loc[-1] in names]
            yield Problem(
                "PC135",
                file,
                args={
                    "key": loc[-1],
                    "kind": loc[0],
                    "allowed": i18n.Text("problem.applies_to", {"kinds": ", ".join(takes)}),
                },
                path=loc,
                at_key=True,
            )
        elif (
            kind == "extra_forbidden"
            and len(loc) == 1
            and root in (None, Scenario)
            and _looks_like_parameter(error["input"])
        ):
            yield Problem(
                "PC102",
                file,
                args={"key": loc[-1], "suggestion": i18n.Text("problem.dedented_parameter")},
                path=loc,
                at_key=True,
            )
        elif kind == "extra_forbidden":
            fields = _field_names(loc[:-1], root or Scenario)
            yield Problem(
                "PC102",
                file,
                args={"key": loc[-1], "suggestion": suggestion(str(loc[-1]), fields)},
                path=loc,
                at_key=True,
            )
        elif kind == "too_short":
            yield Problem(
                "PC113",
                file,
                args={
                    "name": loc[-1],
                    "rule": i18n.Text("problem.rule_non_empty"),
                    "value": i18n.Text(
                        "problem.empty_mapping"
                        if isinstance(error.get("input"), dict)
                        else "problem.empty_list"
                    ),
                },
                path=loc,
            )
        else:
            expected = i18n.Text(_EXPECTED[kind]) if kind in _EXPECTED else error["msg"]
            yield Problem(
                "PC112",
                file,
                args={"expected": expected, "got": describe(error.get("input"))},
                path=loc,
            )


def _overlong_input(value: Any) -> int | None:
    """The digits of a refused value that is a number of more digits than any number in
    a scenario has (the loader leaves it text; PC340 says why, not "not a number")."""
    return overlong_number(value) if isinstance(value, str) else None


def _looks_like_parameter(value: Any) -> bool:
    """A top-level value that is a number, or a mapping of a parameter's keys with a
    ``value`` (``caseload: 12``, ``rate: {value: 80, unit: EUR}``): a parameter that lost
    its indentation under ``parameters:``. Its "did you mean" (``case``) would mislead."""
    if isinstance(value, Plain):
        return isinstance(value.value, int | float) and not isinstance(value.value, bool)
    if isinstance(value, dict):
        return "value" in value and set(value) <= set(_keys(Parameter))
    return False


def _misplaced_adjustment(loc: tuple[Any, ...]) -> bool:
    """An adjustment key on a line whose kind does not take it (``deadweight`` on an
    effort line, ``optimism_bias`` on a budget line)."""
    every = {name for names in ADJUSTMENTS.values() for name in names}
    return len(loc) == 3 and loc[0] in ADJUSTMENTS and loc[-1] in every


def _drop_shadowed_missing(problems: list[Problem]) -> list[Problem]:
    """A misspelt key gives "unknown key 'amout'; did you mean 'amount'?" — the "missing
    key 'amount'" beside it says the same thing again, so it is left out."""
    shadowed = set()
    for problem in problems:
        name = suggested(problem.args.get("suggestion"))
        if problem.code == "PC102" and problem.path and name is not None:
            shadowed.add((problem.path[:-1], name))
    return [
        p
        for p in problems
        if not (p.code == "PC101" and p.path is not None and (p.path, p.args["key"]) in shadowed)
    ]


def _unwrap(annotation: Any) -> Iterator[Any]:
    """The model classes an annotation may hold (through Annotated, Optional, list, dict)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        yield from _unwrap(typing.get_args(annotation)[0])
    elif origin in (list, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _unwrap(arg)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation


def _field_names(loc: tuple[Any, ...], root: type[BaseModel]) -> list[str]:
    """The valid keys of the model at ``loc`` (for "did you mean …")."""
    model: type[BaseModel] = root
    for part in loc:
        if isinstance(part, int) or part not in _keys(model):
            # a list index, or a dict key (a parameter name, say): the model stays the
            # type of the list's items or of the dict's values
            continue
        field = next(f for name, f in model.model_fields.items() if part in (name, f.alias))
        candidates = list(_unwrap(field.annotation))
        if not candidates:
            return []
        model = candidates[0]
    return _keys(model)


def _keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


# --- every problem at once --------------------------------------------------------------------


def _cross_check_pruned(
    data: Any, exc: ValidationError, file: str, found: list[Problem]
) -> list[Problem]:
    """Every problem at once: the values pydantic refused are left out of a copy of the
    data; when what is left is a valid scenario, its cross-checks (duplicate ids, the
    horizon, `from` after `until` …) are reported too, without repeating a problem."""
    pruned = copy.deepcopy(data)
    for error in exc.errors():
        if not _remove(pruned, tuple(error["loc"])):
            return []  # removing it would shift a list, and so the places of problems
    try:
        scenario = Scenario.model_validate(pruned)
    except ValidationError:
        return []  # a required value was refused: the rest waits for a valid file
    seen = {(p.code, p.path) for p in found}
    refused = [p.path for p in found if p.path]
    return [
        p
        for p in cross_check(scenario, file)
        if (p.code, p.path) not in seen and not _follows_from(p, refused)
    ]


def _follows_from(problem: Problem, refused: list[tuple[Any, ...]]) -> bool:
    """A cross-check problem about a value that holds a refused one (a parameter whose
    ``low`` of 1e308 was refused is not also "low without high"): it would only be a
    consequence of leaving that value out."""
    path = problem.path or ()
    return bool(path) and any(place[: len(path)] == path for place in refused)


def _remove(data: Any, loc: tuple[Any, ...]) -> bool:
    """Delete the key at ``loc`` from its mapping (or the deepest key of ``loc`` that still
    exists). False when that would mean deleting an item of a list."""
    for depth in range(len(loc), 0, -1):
        parent = data
        try:
            for part in loc[: depth - 1]:
                parent = parent[part]
        except (KeyError, IndexError, TypeError):
            continue
        key = loc[depth - 1]
        if isinstance(parent, dict) and key in parent:
            del parent[key]
            return True
        if isinstance(parent, list):
            return False
    return True  # already gone
