"""Checks: the assertions of a scenario (``payback_years <= 3``), parsed and evaluated.

* ``METRIC OP NUMBER`` or ``METRIC[partner] OP NUMBER`` — on the deterministic run;
* ``P(METRIC OP NUMBER) OP PROBABILITY`` — the share of simulated samples;
* ``P5(METRIC) OP NUMBER`` (any percentile 1–99) or ``mean(METRIC) OP NUMBER``.

Which metrics a check may name comes from :mod:`pactcalc.metrics`; a check on money is
compared at the cent (:func:`compare`), its bound lies within :mod:`pactcalc.limits`. A check on the
deterministic run is evaluated here (:func:`evaluate_check`) on anything that has the
engine's ``metric(name, partner)``; a check on a simulation by
:func:`pactcalc.uncertainty.evaluate_probabilistic`, with the same :data:`COMPARE`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import numpy as np
from pydantic import BaseModel, ConfigDict

from pactcalc import finance, i18n, metrics
from pactcalc.expressions import beginner_fix
from pactcalc.limits import MAX_ABS_NUMBER_TEXT, number_within_bounds
from pactcalc.loader import MAX_NUMBER_DIGITS, overlong_number, shortened_number
from pactcalc.problems import Problem, suggestion

Operator = Literal["<", "<=", ">", ">="]

#: The operators of a check, as numpy comparisons (element-wise on samples).
COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
}

_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
# A metric is its name or a label the output shows (``terugverdientijd``, ``Netto
# contante waarde``); a partner its id, or by mistake its name (``GGZ Middelstad``),
# which the validator answers with the id.
_TARGET = (
    r"(?P<metric>[A-Za-z_](?:[A-Za-z0-9_ \-]*[A-Za-z0-9_])?)\s*"
    r"(?:\[\s*(?P<partner>[^\]]*[^\]\s])\s*\])?"
)
_OP = r"<=|>=|<|>"
_CHECK = re.compile(rf"\s*{_TARGET}\s*(?P<op>{_OP})\s*(?P<bound>{_NUM})\s*\Z")
_PROBABILITY = re.compile(
    rf"\s*P\s*\(\s*{_TARGET}\s*(?P<inner_op>{_OP})\s*(?P<inner_bound>{_NUM})\s*\)\s*"
    rf"(?P<op>{_OP})\s*(?P<bound>{_NUM})\s*\Z"
)
_STATISTIC = re.compile(
    rf"\s*(?:P(?P<percentile>\d{{1,2}})|(?P<mean>mean))\s*\(\s*{_TARGET}\s*\)\s*"
    rf"(?P<op>{_OP})\s*(?P<bound>{_NUM})\s*\Z"
)


class Check(BaseModel):
    """A parsed check (the forms are in the module's docstring)."""

    model_config = ConfigDict(frozen=True)

    text: str
    metric: str
    partner: str | None
    op: Operator
    bound: float
    statistic: Literal["value", "probability", "percentile", "mean"] = "value"
    percentile: int | None = None
    inner_op: Operator | None = None
    inner_bound: float | None = None

    @property
    def is_probabilistic(self) -> bool:
        return self.statistic != "value"


def compare(metric: str | None, op: str, value: Any, bound: float) -> Any:
    """``value OP bound`` for a check on ``metric`` (element-wise on samples): the one way
    a check compares. Money is compared at the cent (:func:`pactcalc.finance.money_compare`:
    a headroom of −4.5e-13 is 0 and passes ``headroom_min >= 0``); years, ratios and a
    probability (``metric`` None: the ``>= 0.9`` of ``P(npv > 0) >= 0.9``) exactly."""
    if metric is not None and metrics.kind_of(metric) == "money":
        return finance.money_compare(op, value, bound)  # type: ignore[arg-type]
    return COMPARE[op](value, bound)


def _bound_problem(match: re.Match[str]) -> Problem | None:
    """The first bound of a check that is not a number a scenario may hold, at its place:
    PC340 for one written with more digits than any number in a scenario has (a typo),
    else PC309 for one of 1e15 or more in absolute value (``1e400`` reads as infinity and
    would make ``npv < 1e400`` pass whatever the scenario). The same two rules, in the
    same order, as for a number in the YAML or in an expression."""
    for group in ("bound", "inner_bound"):
        written = match.groupdict().get(group)
        if written is None:
            continue
        digits = overlong_number(written)
        if digits is not None:
            args = {"text": shortened_number(written), "digits": digits, "limit": MAX_NUMBER_DIGITS}
            return Problem("PC340", "", args=args, offset=match.start(group))
        if not number_within_bounds(float(written)):
            args = {"text": written, "bound": MAX_ABS_NUMBER_TEXT}
            return Problem("PC309", "", args=args, offset=match.start(group))
    return None


def parse_check(text: str) -> Check | Problem:
    """Parse a check; a :class:`Problem` (without location) when it cannot be read."""
    fields: dict[str, Any]
    if match := _CHECK.match(text):
        fields = {}
    elif match := _PROBABILITY.match(text):
        fields = {
            "statistic": "probability",
            "inner_op": match["inner_op"],
            "inner_bound": float(match["inner_bound"]),
        }
        if not 0 <= float(match["bound"]) <= 1:
            return Problem("PC137", "", args={"text": text.strip(), "bound": match["bound"]})
    elif match := _STATISTIC.match(text):
        if match["mean"]:
            fields = {"statistic": "mean"}
        else:
            percentile = int(match["percentile"])
            if not 1 <= percentile <= 99:
                reason = i18n.Text("problem.check_percentile")
                return Problem("PC131", "", args={"text": text, "reason": reason})
            fields = {"statistic": "percentile", "percentile": percentile}
    else:
        return Problem("PC131", "", args={"text": text, "reason": _unreadable(text)})
    if (out_of_bounds := _bound_problem(match)) is not None:
        return out_of_bounds
    written, partner = match["metric"], match["partner"]
    metric = metrics.by_alias(written)
    if metric is None or not metrics.is_known(metric, partner=partner is not None):
        allowed = metrics.names(
            metrics.indexed_metrics() if partner else metrics.scenario_metrics()
        )
        return Problem(
            "PC134",
            "",
            args={
                "what": i18n.Text("problem.what_metric"),
                "name": written,
                "suggestion": valid_names(written, allowed),
            },
        )
    return Check(
        text=text.strip(),
        metric=metric,
        partner=partner,
        op=match["op"],  # the regex admits only the four operators
        bound=float(match["bound"]),
        **fields,
    )


def valid_names(
    name: str, valid: Sequence[str], display: Mapping[str, str] | None = None
) -> i18n.Text:
    """What an "unknown name" message adds: "use the id 'ggz'" when ``name`` is the
    display name of one of ``display`` (id → name), else "did you mean …" (when one is
    close) and the valid names."""
    written = " ".join(str(name).split()).casefold()
    for identifier, shown in (display or {}).items():
        if written == " ".join(str(shown).split()).casefold():
            return i18n.Text("problem.use_id", {"id": identifier})
    listed = ", ".join(str(option) for option in valid)
    return i18n.Text(
        "problem.valid_names", {"suggestion": suggestion(name, valid), "names": listed}
    )


def _unreadable(text: str) -> i18n.Text:
    """Why a check cannot be read: a beginner's mistake (a percentage, a euro sign, a
    thousands dot) with the check as it should be written, a decimal comma, ``=`` or
    ``==`` for a comparison, or else the forms a check takes."""
    fix = beginner_fix(text)
    if fix is not None:
        mistakes, fixed = fix
        if fixed is not None and isinstance(parse_check(fixed), Check):
            return i18n.Text("problem.mistake_fix", {"mistakes": mistakes, "fixed": fixed})
        return mistakes
    if re.search(r"\d,\d", text):
        return i18n.Text("problem.decimal_point")
    if re.search(r"==|!=|(?<![<>!=])=(?!=)", text):
        return i18n.Text("problem.check_operator")
    return i18n.Text("problem.check_form")


@dataclass(frozen=True)
class CheckResult:
    """A check evaluated: ``actual`` is None when the metric does not exist (no payback
    within the horizon, no investment for roi/bcr); such a check fails."""

    check: Check
    index: int
    actual: float | None
    passed: bool
    missing: str | None = None  # 'payback' | 'ratio' | 'partner' | None
    se: float | None = None  # Monte Carlo standard error of a probabilistic check
    too_close: bool = False  # within two standard errors of the bound
    samples: int | None = None  # of the simulation a probabilistic check was evaluated on


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class Measured(Protocol):
    """What a check is evaluated on: the engine's Result (its partners, and a metric by
    name, per partner when given)."""

    @property
    def partners(self) -> Sequence[_Identified]: ...

    def metric(self, name: str, partner: str | None = None) -> Any: ...


def evaluate_check(result: Measured, check: Check, index: int) -> CheckResult:
    """Evaluate one check on a deterministic result. A metric that does not exist fails,
    whatever the operator."""
    by_kpi = metrics.is_kpi_indexed(check.metric)  # indexed by KPI id, not partner id
    if (
        check.partner is not None
        and not by_kpi
        and all(p.id != check.partner for p in result.partners)
    ):
        return CheckResult(check, index, None, False, missing="partner")
    value = float(np.asarray(result.metric(check.metric, check.partner)).reshape(-1)[0])
    if math.isnan(value):
        missing = "payback" if metrics.kind_of(check.metric) == "years" else "ratio"
        return CheckResult(check, index, None, False, missing=missing)
    passed = bool(compare(check.metric, check.op, value, check.bound))
    return CheckResult(check, index, value, passed)
