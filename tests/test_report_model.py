"""The report model: sections built once, drawn by every format (issue 9)."""

from __future__ import annotations

import json
from pathlib import Path

from pactcalc import report
from pactcalc.pipeline import run_file
from pactcalc.render import html, markdown, terminal
from pactcalc.render import json as json_format
from pactcalc.report.blocks import Bullets, Paragraph, Section, Table

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "beschermd-wonen.yaml"


def _extra() -> Section:
    # A section no report has (the agreement is one today): its id, title and data key
    # appear nowhere else, so finding them proves the new section reached each format.
    return Section(
        "extra",
        "Extra afspraken",
        [
            Paragraph("Wat de partners met elkaar afspreken."),
            Table(
                "settlement",
                "Verrekening",
                ["Partner", "Verrekend"],
                [["Wmo-aanbieder", "€ 1.234"]],
                [["wmo", 1234.0]],
            ),
            Bullets(["Eerste afspraak", "Tweede afspraak"]),
        ],
        data={"extra": {"settlement_total": {"wmo": 1234.0}}},
    )


def test_a_new_section_is_one_change_and_shows_in_every_format() -> None:
    document = run_file(EXAMPLE, "examples/beschermd-wonen.yaml")
    built = report.build(document, None, "nl")
    built.sections.append(_extra())

    shown = terminal.to_text(terminal.draw(built))
    md = markdown.draw(built)
    page = html.draw(built, {})
    data = json.loads(json_format.draw(built))

    for text in (shown, md, page):
        assert "Extra afspraken" in text
        assert "Wat de partners met elkaar afspreken." in text
        assert "Verrekening" in text
        assert "Wmo-aanbieder" in text
        assert "€ 1.234" in text
        assert "Eerste afspraak" in text
        assert "Tweede afspraak" in text
    assert "## Extra afspraken" in md
    assert "- Eerste afspraak" in md
    assert "<h2>Extra afspraken</h2>" in page
    assert "<li>Tweede afspraak</li>" in page
    assert data["extra"] == {"settlement_total": {"wmo": 1234.0}}
    assert list(data)[-1] == "extra"  # merged after the sections before it


def test_json_is_the_merge_of_the_sections_data() -> None:
    document = run_file(EXAMPLE, "examples/beschermd-wonen.yaml")
    built = report.build(document, None, "en")
    merged: dict[str, object] = {}
    for section in built.sections:
        merged.update(section.data)
    assert json.loads(json_format.render(document, "en")) == merged
    assert list(merged)[:2] == ["pactcalc_version", "scenario"]
    assert list(merged)[-2:] == ["warnings", "checks"]


def test_the_full_report_adds_its_chapters_in_one_order() -> None:
    document = run_file(EXAMPLE, "examples/beschermd-wonen.yaml")
    quick = [s.id for s in report.build(document, None, "nl").sections]
    full = [s.id for s in report.build(document, None, "nl", full=True).sections]
    assert quick == [s for s in full if s in quick]  # the same order, fewer sections
    assert {"payback", "inputs", "audit_trail"} <= set(full) - set(quick)
