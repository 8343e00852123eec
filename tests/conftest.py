"""Helpers shared by the test files: the repository's paths, one CLI runner, and the
scenario-to-result steps that several files need.

pytest loads this file before any test module; the modules import the names they use
(``from conftest import ROOT, runner``), as they import ``strategies``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer.testing import CliRunner

if TYPE_CHECKING:  # imported when used: a renamed module breaks only the tests that use it
    from pactcalc.engine import Result
    from pactcalc.model import Scenario
    from pactcalc.pipeline import Document

#: The repository root (this file is ``<root>/tests/conftest.py``).
ROOT = Path(__file__).resolve().parent.parent
#: The example scenarios shipped in ``examples/``, sorted by name (not the actuals files
#: beside them, which name their plan with ``pactcalc-actuals: 1``).
EXAMPLES = sorted(
    path
    for path in (ROOT / "examples").glob("*.yaml")
    if "\npactcalc-actuals:" not in path.read_text(encoding="utf-8")
)
#: The example actuals files (DOMAIN.md §8) shipped beside their plans.
ACTUALS_EXAMPLES = sorted(set((ROOT / "examples").glob("*.yaml")) - set(EXAMPLES))
#: One Typer test runner for the CLI tests (it keeps no state between invocations).
runner = CliRunner()


def describe(document: Document) -> list[tuple[str, int | None, str]]:
    """A document's problems as (code, line, English message): readable in a failed assert."""
    return [(p.code, p.line, p.message("en")) for p in document.problems]


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    """``text`` written as ``tmp_path / name`` (UTF-8), for the CLI to read."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def document_of(text: str) -> Document:
    """A whole scenario text (dedented) that must load and compute without any problem."""
    from pactcalc.pipeline import evaluate, load_scenario_text

    document = evaluate(load_scenario_text(textwrap.dedent(text), "t.yaml"))
    assert document.problems == [], describe(document)
    assert document.result is not None
    return document


def result_of_text(text: str) -> Result:
    """The result of a whole scenario text that computes without any problem."""
    result = document_of(text).result
    assert result is not None
    return result


def scenario_of_text(text: str) -> Scenario:
    """The validated scenario of a whole text that computes without any problem."""
    scenario = document_of(text).scenario
    assert scenario is not None
    return scenario


def en(value: Any) -> Any:
    """The English side of a (possibly not yet worded) message argument."""
    from pactcalc.i18n import Text

    return value.text("en") if isinstance(value, Text) else value


def undescribed(schema: dict[str, Any]) -> list[str]:
    """The properties of a JSON Schema (top level and ``$defs``) without a description:
    the editor's hover help and the generated reference come from those."""
    missing = [
        f"{model}.{name}"
        for model, body in schema["$defs"].items()
        for name, prop in body.get("properties", {}).items()
        if "description" not in prop
    ]
    return missing + [
        name for name, prop in schema["properties"].items() if "description" not in prop
    ]
