"""A starter actuals file for a plan (``pactcalc init --actuals``, DOMAIN.md §8).

The starter names the plan and lists its first year as ``final``, with everything an
actuals year can hold written out as comments with the plan's figures for that year: its
series and parameters, the euros of each line by kind, and each KPI's value. As written it
repeats the plan (only ``status`` is set); removing a ``#`` and typing the real figure
records what happened. The words around the figures are a template per language
(``pactcalc/templates/actuals/``); this module fills in the figures, as YAML.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

import numpy as np

from pactcalc.engine import compute
from pactcalc.lines import Realisation
from pactcalc.model import LINE_KINDS

if TYPE_CHECKING:
    from pactcalc.engine import Result

#: Indentation of a commented entry under a year's commented key (``    #   name: 1``).
_ENTRY = "    #   "
#: A key or text YAML reads as itself when written plainly.
_PLAIN = re.compile(r"(?:[^\W\d]|[./])[\w ./()+-]*", re.UNICODE)
#: Plain words that YAML 1.1 reads as something other than text.
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def default_path(plan: str | os.PathLike[str], year: int) -> Path:
    """``<plan stem>-realisatie-<year>.yaml`` beside the plan."""
    path = Path(plan)
    return path.with_name(f"{path.stem}-realisatie-{year}.yaml")


def starter_actuals(plan: Result, plan_file: str, destination: str, lang: str) -> str:
    """The starter text for the computed ``plan`` (read from ``plan_file``), to be written
    at ``destination`` (``scenario:`` is the plan's path relative to it), in ``lang``."""
    scenario = plan.scenario
    year = plan.years[0]
    relative = os.path.relpath(
        os.path.abspath(plan_file), os.path.dirname(os.path.abspath(destination))
    )
    blocks = {
        "series": _entries(
            (name, _first(series.values)) for name, series in scenario.series.items()
        ),
        "parameters": _entries((name, p.value) for name, p in scenario.parameters.items()),
        "amounts": _amounts(_realised_first_year(plan)),
        "kpis": _entries((kpi.id, float(kpi.values_per_year[0])) for kpi in plan.kpis),
    }
    template = files("pactcalc") / "templates" / "actuals" / f"{lang}.yaml"
    # a block the plan has nothing for leaves no empty line
    kept = [
        line
        for line in template.read_text("utf-8").splitlines(keepends=True)
        if not line.startswith("$") or blocks[line.strip()[1:]]
    ]
    return Template("".join(kept)).substitute(
        plan=_comment(f"'{scenario.name}' ({Path(plan_file).name})"),
        file=_comment(destination),
        scenario=_text(Path(relative).as_posix()),
        year=year,
        **blocks,
    )


def _realised_first_year(plan: Result) -> Result:
    """The plan with its first year realised as written: without the optimism bias, which
    corrects a forecast and is left out of a final year (DOMAIN.md §8). Its euros are what
    the starter lists, so that filling them in books what the year already is."""
    unbiased = np.zeros(len(plan.years), dtype=bool)
    unbiased[0] = True
    return compute(plan.scenario, plan=plan, realisation=Realisation(unbiased=unbiased))


def _first(values: float | list[float]) -> float:
    return values[0] if isinstance(values, list) else values


def _amounts(plan: Result) -> str:
    """Each kind with lines, and under it each line's euros in the first year."""
    blocks = []
    for kind in LINE_KINDS:
        lines = [line for line in plan.lines if line.kind == kind]
        if lines:
            euros = ((line.name, round(float(line.eur_per_year[0]), 2)) for line in lines)
            blocks.append(f"{_ENTRY}{kind}:\n" + _entries(euros, indent="  "))
    return "\n".join(blocks)


def _entries(items: Iterable[tuple[str, float]], indent: str = "") -> str:
    """``    #   name: value`` lines (empty when there are none)."""
    return "\n".join(f"{_ENTRY}{indent}{_text(name)}: {_number(value)}" for name, value in items)


def _number(value: float) -> str:
    """A number as a scenario writes it: ``10``, ``45.1``, ``171500.25``; never with an
    exponent, which the loader would read as text."""
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text


def _text(text: str) -> str:
    """Text as YAML reads it back unchanged: plain when it can be, else double-quoted."""
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    """Text on one comment line: its line breaks and other control characters as spaces."""
    return "".join(" " if not ch.isprintable() else ch for ch in text)
