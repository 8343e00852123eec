"""Names other modules still import from here; the report's content now lives in
:mod:`pactcalc.report` and the metrics' kinds in :mod:`pactcalc.metrics`.

# TODO(integrator): point compare.py, xlsx.py, checks.py and charts.py at
# ``pactcalc.report.business`` / ``pactcalc.report.values`` / ``pactcalc.metrics`` and
# delete this module.
"""

from __future__ import annotations

from pactcalc import metrics
from pactcalc.engine import Result
from pactcalc.report import values
from pactcalc.report.business import check_detail, check_line, header_lines, rate_source

#: Metrics in euros (the rest are ratios or years), from the registry.
MONEY_METRICS = frozenset(m.name for m in metrics.REGISTRY.values() if m.kind == "money")
PAYBACK_METRICS = frozenset(m.name for m in metrics.REGISTRY.values() if m.kind == "years")

__all__ = [
    "MONEY_METRICS",
    "PAYBACK_METRICS",
    "check_detail",
    "check_line",
    "header_lines",
    "metric_text",
    "rate_source",
]


def metric_text(
    result: Result, name: str, value: float | None, lang: str, payback_decimals: int = 1
) -> str:
    """A scenario's metric as text (see :func:`pactcalc.report.values.metric_text`)."""
    return values.metric_text(name, value, lang, len(result.years), payback_decimals)
