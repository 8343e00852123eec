"""JSON output: a stable interface for scripts and CI. Money in euros, unrounded; a
missing payback, roi or bcr is ``null``."""

from __future__ import annotations

import json
from typing import Any

from pactcalc import __version__
from pactcalc.api import Document
from pactcalc.engine import Result
from pactcalc.i18n import optional
from pactcalc.render.common import check_detail


def _list(values: Any) -> list[float]:
    return [float(v) for v in values]


def _num(value: Any) -> float | None:
    return optional(float(value))


def result_object(document: Document, lang: str) -> dict[str, Any]:
    """The documented JSON object of one computed scenario (see the README)."""
    result: Result | None = document.result
    assert result is not None
    partners = [
        {
            "id": p.id,
            "name": p.name,
            "effort_per_year": _list(p.effort_per_year),
            "effort_total": float(p.total("effort_total")),
            "budget_total": float(p.total("budget_total")),
            "pays_per_year": _list(p.pays_per_year),
            "pays_total": float(p.total("pays_total")),
            "baseline_total": float(p.total("baseline_total")),
            "benefits_total": float(p.total("benefits_total")),
            "net_per_year": _list(p.net_per_year),
            "net_total": float(p.total("net_total")),
        }
        for p in result.partners
    ]
    checks = []
    for check in result.checks:
        line, col = document.locate(("checks", check.index))
        checks.append(
            {
                "expression": check.check.text,
                "file": document.file,
                "line": line,
                "col": col,
                "passed": check.passed,
                "actual": check.actual,
                "message": check_detail(result, check, lang),
            }
        )
    lines = [
        {
            "kind": line.kind,
            "name": line.name,
            "partner": line.partner,
            "paid_from": line.paid_from,
            "eur_per_year": _list(line.eur_per_year),
            "total": float(line.total),
            "gross_per_year": _list(
                line.gross_per_year if line.gross_per_year is not None else line.eur_per_year
            ),
            "gross_total": float(line.gross_total),
            "adjustments": {name: _list(effect) for name, effect in line.adjustments},
        }
        for line in result.lines
    ]
    warnings = [
        {"code": p.code, "file": p.file, "line": p.line, "col": p.col, "message": p.message(lang)}
        for p in document.warnings
    ]
    return {
        "pactcalc_version": __version__,
        "scenario": result.scenario.name,
        "file": document.file,
        "language": lang,
        "years": result.years,
        "discount_rate": result.discount_rate,
        "discount_rate_source": result.discount_rate_source,
        "partners": partners,
        "lines": lines,
        "effort_per_year": _list(result.effort_per_year),
        "effort_total": float(result.metric("effort_total")),
        "budget_per_year": _list(result.budget_per_year),
        "budget_total": float(result.metric("budget_total")),
        "headroom_per_year": _list(result.headroom_per_year),
        "headroom_total": float(result.metric("headroom_total")),
        "headroom_min": float(result.metric("headroom_min")),
        "baseline_per_year": _list(result.baseline_per_year),
        "baseline_total": float(result.metric("baseline_total")),
        "savings_per_year": _list(result.savings_per_year),
        "savings_total": float(result.metric("savings_total")),
        "benefits_per_year": _list(result.benefits_per_year),
        "benefits_total": float(result.metric("benefits_total")),
        "investment_per_year": _list(result.investment_per_year),
        "investment_total": float(result.metric("investment_total")),
        "net_per_year": _list(result.net_per_year),
        "cumulative_per_year": _list(result.cumulative_per_year),
        "discount_factor_per_year": _list(result.discount_factor_per_year),
        "npv": float(result.npv),
        "pv_investment": float(result.pv_investment),
        "pv_returns": float(result.pv_returns),
        "roi": _num(result.roi),
        "bcr": _num(result.bcr),
        "payback_years": _num(result.payback_years),
        "discounted_payback_years": _num(result.discounted_payback_years),
        "warnings": warnings,
        "checks": checks,
    }


def render(document: Document, lang: str) -> str:
    return json.dumps(result_object(document, lang), ensure_ascii=False, indent=2) + "\n"
