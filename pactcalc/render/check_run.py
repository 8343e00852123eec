"""The formats of a check run (``pactcalc check``): text (ruff-like), json, junit and
github (workflow annotations).

Every format renders the same :class:`~pactcalc.gate.CheckRun` and has the same
signature, ``(run, lang, quiet) -> str``, so the command line picks one from its table of
formats. Only the text format is quiet when all holds; a machine reads every result.

An actuals file's findings are at its own lines: a check of the plan that fails on the
current expectation at the ``scenario:`` key (its words say where the check is written in
the plan), a KPI behind in a ``final`` year at its value (a failure, like a check), and a
note where the plan's checks on a simulation are left to the plan's own check.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import Any

from pactcalc.gate import CheckRun, FileReport, KpiFinding, Location
from pactcalc.i18n import t
from pactcalc.model import CheckResult
from pactcalc.problems import Problem
from pactcalc.render.diagnostics import SHOWN_PER_CODE, format_problems, more_like_this
from pactcalc.render.json import dumps
from pactcalc.render.text import inert_lines, visible, xml_safe
from pactcalc.report.business import check_detail, located_check_line


def _detail(report: FileReport, check: CheckResult, lang: str) -> str:
    """Why a check holds or fails; for an actuals file, on what and where it is written."""
    detail = check_detail(report, check, lang)
    if report.kind != "actuals":
        return detail
    return f"{detail}; {t('gate.on_expectation', lang, plan=_plan_where(report, check))}"


def _plan_where(report: FileReport, check: CheckResult) -> str:
    line, col = report.plan_locations.get(check.index, (None, None))
    return _where(report.plan or "", (line, col))


def _where(file: str, location: Location) -> str:
    return ":".join(str(x) for x in (file, *location) if x is not None)


def _check_line(report: FileReport, check: CheckResult, lang: str) -> str:
    location = report.check_location(check)
    line = located_check_line(report.file, location, report, check, lang)
    if report.kind != "actuals":
        return line
    return f"{line}; {t('gate.on_expectation', lang, plan=_plan_where(report, check))}"


def _kpi_line(report: FileReport, kpi: KpiFinding, lang: str) -> str:
    """``file:line:col: KPI 'uitstroom' is behind in 2021: 8 against target 10 (…)``."""
    return f"{_where(report.file, (kpi.line, kpi.col))}: {kpi.message(lang)}"


def summary_line(run: CheckRun, lang: str) -> str:
    """One line: how many files were checked, passed, failed, invalid (and skipped)."""
    extra = t("skipped", lang, n=run.skipped) if run.skipped else ""
    return t(
        "summary_line",
        lang,
        files=len(run.reports),
        passed=run.count("passed"),
        failed=run.count("failed"),
        invalid=run.count("invalid"),
        skipped=extra,
    )


def as_text(run: CheckRun, lang: str, quiet: bool = False) -> str:
    """Problems with an excerpt and a caret, failing checks, and one summary line."""
    lines: list[str] = []
    for report in run.reports:
        for file, problems in groupby(report.problems, key=lambda p: p.file):
            lines += format_problems(list(problems), lang, report.source_of(file))
        lines += [visible(_check_line(report, c, lang)) for c in report.failed_checks]
        lines += [visible(_kpi_line(report, k, lang)) for k in report.failed_kpis]
    if not quiet or run.exit_code:
        lines.append(summary_line(run, lang))
    return inert_lines("".join(f"{line}\n" for line in lines))


def as_json(run: CheckRun, lang: str, quiet: bool = False) -> str:
    """Every file's status, problems (with codes and locations) and checks."""
    files: list[dict[str, Any]] = []
    for report in run.reports:
        checks = []
        for check in report.checks:
            line, col = report.check_location(check)
            checks.append(
                {
                    "expression": check.check.text,
                    "line": line,
                    "col": col,
                    "passed": check.passed,
                    "actual": check.actual,
                    "message": _detail(report, check, lang),
                }
            )
        entry: dict[str, Any] = {
            "file": report.file,
            "kind": report.kind,
            "status": report.status,
            "errors": [_problem(p, lang) for p in report.problems if p.is_error],
            "warnings": [_problem(p, lang) for p in report.problems if not p.is_error],
            "checks": checks,
        }
        if report.kind == "actuals":
            entry["plan"] = report.plan
            entry["kpis"] = [_kpi(k, lang) for k in report.kpis]
        files.append(entry)
    return dumps(
        {
            "files": files,
            "summary": {
                "files": len(run.reports),
                "passed": run.count("passed"),
                "failed": run.count("failed"),
                "invalid": run.count("invalid"),
                "skipped": run.skipped,
                "exit_code": run.exit_code,
            },
        }
    )


def _kpi(kpi: KpiFinding, lang: str) -> dict[str, Any]:
    """A KPI in a realised year: ``failed`` when it is behind in a final year."""
    return {
        "id": kpi.kpi,
        "year": kpi.year,
        "status": kpi.status,
        "value": kpi.value,
        "target": kpi.target,
        "tolerance": kpi.tolerance,
        "behind": kpi.behind,
        "failed": kpi.fails,
        "line": kpi.line,
        "col": kpi.col,
        "message": kpi.message(lang) if kpi.behind else None,
    }


def _problem(problem: Problem, lang: str) -> dict[str, Any]:
    return {
        "code": problem.code,
        "severity": problem.severity,
        "line": problem.line,
        "col": problem.col,
        "message": problem.message(lang),
    }


def as_junit(run: CheckRun, lang: str, quiet: bool = False) -> str:
    """JUnit XML: a test suite per file, a test case per check; an invalid file is one
    test case in error carrying every problem with its location. One problem is one
    line (its line breaks shown as ``\\n``); every text is XML 1.0 (see
    :func:`_xml_safe_tree`)."""
    suites = ET.Element("testsuites", name="pactcalc check")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for report in run.reports:
        suite = ET.SubElement(suites, "testsuite", name=report.file)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        errors = [p for p in report.problems if p.is_error]
        if report.status == "invalid":
            name = "valid actuals" if report.kind == "actuals" else "valid scenario"
            case = ET.SubElement(suite, "testcase", name=name, classname=report.file)
            first = errors[0] if errors else None
            element = ET.SubElement(
                case,
                "error",
                type=first.code if first else "invalid",
                message=first.message(lang) if first else "invalid",
            )
            element.text = "\n".join(
                visible(f"{p.where()}: {p.code} {p.message(lang)}") for p in errors
            )
            counts["tests"] += 1
            counts["errors"] += 1
        for check in report.checks:
            line, _col = report.check_location(check)
            case = ET.SubElement(
                suite,
                "testcase",
                name=check.check.text,
                classname=report.file,
                file=report.file,
                line=str(line or 0),
            )
            counts["tests"] += 1
            if not check.passed:
                counts["failures"] += 1
                failure = ET.SubElement(
                    case, "failure", type="check", message=_detail(report, check, lang)
                )
                failure.text = visible(_check_line(report, check, lang))
        _junit_kpis(suite, report, lang, counts)
        said = [
            f"{p.where()}: warning: {p.code} {p.message(lang)}"
            for p in report.problems
            if not p.is_error
        ]
        if said:
            out = ET.SubElement(suite, "system-out")
            out.text = "\n".join(visible(line) for line in said)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    _xml_safe_tree(suites)
    ET.indent(suites)
    written = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + inert_lines(written) + "\n"


def _junit_kpis(suite: ET.Element, report: FileReport, lang: str, counts: dict[str, int]) -> None:
    """A test case per KPI per realised year of an actuals file (``KPI uitstroom 2021``),
    at its value's line: failed when it is behind in a final year (behind in a provisional
    year is a warning, in ``system-out``)."""
    for kpi in report.kpis:
        case = ET.SubElement(
            suite,
            "testcase",
            name=f"KPI {kpi.kpi} {kpi.year}",
            classname=report.file,
            file=report.file,
            line=str(kpi.line or 0),
        )
        counts["tests"] += 1
        if kpi.fails:
            counts["failures"] += 1
            failure = ET.SubElement(case, "failure", type="kpi", message=kpi.message(lang))
            failure.text = visible(_kpi_line(report, kpi, lang))


def _xml_safe_tree(root: ET.Element) -> None:
    """Every attribute and text of the tree fit for XML 1.0 (a key may hold ``\x01``,
    which XML forbids even as a character reference): see
    :func:`~pactcalc.render.text.xml_safe`."""
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, xml_safe(value))
        if element.text:
            element.text = xml_safe(element.text)
        if element.tail:
            element.tail = xml_safe(element.tail)


def _escape_data(text: str) -> str:
    """A workflow command's message: % and line breaks escaped, so that the message is
    one line; other control and bidi characters shown escaped."""
    return visible(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: also : and , escaped."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _workflow_command(
    kind: str, message: str, file: str, line: int | None, col: int | None, title: str
) -> str:
    props = [f"file={_escape_property(file)}"]
    if line is not None:
        props.append(f"line={line}")
    if col is not None:
        props.append(f"col={col}")
    props.append(f"title={_escape_property(title)}")
    return f"::{kind} {','.join(props)}::{_escape_data(message)}"


def as_github(run: CheckRun, lang: str, quiet: bool = False) -> str:
    """GitHub Actions workflow commands: an annotation on the line of every problem and
    every failing check, then the summary line. GitHub shows only a few annotations per
    step, so after :data:`SHOWN_PER_CODE` problems of one code in a file one notice says
    how many more there are (the text and JSON formats have them all)."""
    lines: list[str] = []
    for report in run.reports:
        seen: dict[str, int] = {}
        for p in report.problems:
            seen[p.code] = seen.get(p.code, 0) + 1
            if seen[p.code] > SHOWN_PER_CODE:
                continue
            lines.append(
                _workflow_command(
                    "error" if p.is_error else "warning",
                    p.message(lang),
                    p.file,
                    p.line,
                    p.col,
                    f"pactcalc {p.code}",
                )
            )
        for code, count in seen.items():
            if count > SHOWN_PER_CODE:
                first = next(p for p in report.problems if p.code == code)
                note = more_like_this(first, count - SHOWN_PER_CODE, lang)
                lines.append(
                    _workflow_command("notice", note, report.file, None, None, f"pactcalc {code}")
                )
        for check in report.failed_checks:
            line, col = report.check_location(check)
            lines.append(
                _workflow_command(
                    "error",
                    f"check '{check.check.text}' failed: {_detail(report, check, lang)}",
                    report.file,
                    line,
                    col,
                    "pactcalc check failed",
                )
            )
        for kpi in report.failed_kpis:
            lines.append(
                _workflow_command(
                    "error",
                    kpi.message(lang),
                    report.file,
                    kpi.line,
                    kpi.col,
                    "pactcalc KPI behind",
                )
            )
    lines.append(summary_line(run, lang))
    return "".join(f"{line}\n" for line in lines)
