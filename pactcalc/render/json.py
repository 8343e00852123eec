"""JSON output: a stable interface for scripts and CI — the merge of the report's
sections' data, in section order. Money in euros, unrounded; a missing payback, roi or
bcr is ``null``."""

from __future__ import annotations

import json
from typing import Any

from pactcalc.pipeline import Document
from pactcalc.render.text import json_safe
from pactcalc.report import build
from pactcalc.report.blocks import Report


def draw(report: Report) -> str:
    """The report's data as JSON text (UTF-8 kept, indented, one newline at the end)."""
    return dumps(report.data())


def dumps(data: Any) -> str:
    """``data`` as JSON text: UTF-8 kept, indented, one newline at the end; C1, bidi and
    line-separator characters as ``\\uNNNN`` (the same value, inert when printed)."""
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def result_object(document: Document, lang: str) -> dict[str, Any]:
    """The documented JSON object of one computed scenario (see the README)."""
    return build(document, None, lang).data()


def render(document: Document, lang: str) -> str:
    return draw(build(document, None, lang))
