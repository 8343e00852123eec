"""`pactcalc report` and `pactcalc compare`: formats, escaping, atomic output."""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap

import pytest
from conftest import ROOT, runner, write

from pactcalc.cli import app
from pactcalc.i18n import money
from pactcalc.pipeline import evaluate, load_scenario_text, run_file

pytest.importorskip("matplotlib")

HOSTILE = textwrap.dedent("""\
    pactcalc: 1
    name: "<script>alert('x')</script> & co"
    start_year: 2024
    years: 2
    partners:
      - {id: gem, name: "<b>Gemeente</b>"}
      - {id: zorg, name: "=HYPERLINK(\\"http://x\\",\\"y\\")"}
    baseline:
      - {name: Oud, partner: gem, amount: 1000, source: "<img src=x onerror=alert(1)>"}
    budget:
      - {name: Budget, partner: gem, amount: 1000}
    effort:
      - {name: "-2+3", partner: zorg, amount: 400}
    """)


def test_html_report_escapes_scenario_text(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(write(tmp_path, HOSTILE)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert "<script" not in page.lower()
    assert "<img" not in page
    assert "<b>Gemeente" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert "&lt;b&gt;Gemeente&lt;/b&gt;" in page


def test_html_report_is_self_contained_and_has_the_headlines(tmp_path):
    out = tmp_path / "bw.html"
    assert (
        runner.invoke(app, ["report", "examples/beschermd-wonen.yaml", "-o", str(out)]).exit_code
        == 0
    )
    page = out.read_text("utf-8")
    document = run_file(ROOT / "examples" / "beschermd-wonen.yaml")
    assert document.result is not None
    for value in (
        document.result.npv,
        document.result.metric("headroom_min"),
        document.result.metric("effort_total"),
    ):
        assert money(float(value), "nl") in page
    assert page.count("<svg") >= 3
    assert not re.search(r"(src|href)=['\"]?https?:", page)  # no network fetches
    assert 'href="#trail-npv"' in page
    assert 'id="trail-npv"' in page
    assert "@page" in page
    assert "A4" in page


@pytest.mark.slow
def test_reports_are_byte_identical(tmp_path):
    for suffix in (".html", ".md", ".csv"):
        (tmp_path / "a").mkdir(exist_ok=True)
        (tmp_path / "b").mkdir(exist_ok=True)
        a, b = tmp_path / "a" / f"r{suffix}", tmp_path / "b" / f"r{suffix}"
        for out in (a, b):
            assert (
                runner.invoke(
                    app, ["report", "examples/crisisinterventie-jeugd.yaml", "-o", str(out)]
                ).exit_code
                == 0
            )
        assert a.read_bytes() == b.read_bytes(), suffix


def test_markdown_report_writes_charts_beside_it(tmp_path):
    out = tmp_path / "bw.md"
    assert (
        runner.invoke(
            app, ["report", "examples/beschermd-wonen.yaml", "-o", str(out), "--lang", "en"]
        ).exit_code
        == 0
    )
    text = out.read_text("utf-8")
    for name in ("cumulative", "effort_vs_budget", "baseline_vs_pact"):
        assert f"](bw-{name}.svg)" in text
        assert (tmp_path / f"bw-{name}.svg").read_text("utf-8").lstrip().startswith("<")
    assert "## Audit trail" in text
    # Deliberately changed (issue 10): a figure's trail leads with its label, then the
    # name that explain and a check use ("### npv = " before).
    assert "### Net present value — npv = " in text


def test_markdown_report_escapes_html(tmp_path):
    out = tmp_path / "r.md"
    assert (
        runner.invoke(app, ["report", str(write(tmp_path, HOSTILE)), "-o", str(out)]).exit_code == 0
    )
    text = out.read_text("utf-8")
    assert "<script" not in text
    assert "<b>" not in text


def test_csv_report_neutralises_formulas(tmp_path):
    out = tmp_path / "r.csv"
    assert (
        runner.invoke(app, ["report", str(write(tmp_path, HOSTILE)), "-o", str(out)]).exit_code == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert rows[0] == ["metric", "2024", "2025", "total"]
    cells = [c for row in rows for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert "'=effort[zorg]" not in cells  # ids are plain; names never reach this table
    # headroom by hand: 1000 − 400 = 600 a year
    assert ["headroom", "600.0", "600.0", "1200.0"] in rows


def test_report_needs_a_known_extension_and_writes_nothing_when_invalid(tmp_path):
    bad = runner.invoke(
        app, ["report", "examples/beschermd-wonen.yaml", "-o", str(tmp_path / "r.pdf")]
    )
    assert bad.exit_code == 2
    assert "PC025" in bad.stderr
    invalid = write(tmp_path, HOSTILE.replace("years: 2", "years: 2\nyeers: 1"))
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(invalid), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert list(tmp_path.glob(".r.html*")) == []


def test_report_refuses_to_overwrite_the_input(tmp_path):
    path = write(tmp_path, HOSTILE, "s.html")
    # a scenario named .html is odd but possible: the input is never overwritten
    result = runner.invoke(app, ["report", str(path), "-o", str(path)])
    assert result.exit_code == 2
    assert path.read_text("utf-8") == HOSTILE


SLOWER = (ROOT / "examples" / "beschermd-wonen.yaml").read_text("utf-8")


def test_compare_two_variants(tmp_path):
    base = ROOT / "examples" / "beschermd-wonen.yaml"
    # a variant with a 50,000 euro larger transition investment
    variant = write(
        tmp_path,
        SLOWER.replace("\nname: ", "\nname: Variant — ", 1).replace(
            "value: 150000", "value: 200000", 1
        ),
        "variant.yaml",
    )
    assert "value: 200000" in variant.read_text("utf-8")
    out = runner.invoke(app, ["compare", str(base), str(variant), "--lang", "en"])
    assert out.exit_code == 0, out.output
    # investment_total differs by (200,000 − 150,000) × 1.2 (the example's 20 % optimism bias)
    assert "+€60,000" in out.stdout  # the difference, in a column of its own
    data = tmp_path / "c.csv"
    assert runner.invoke(app, ["compare", str(base), str(variant), "-o", str(data)]).exit_code == 0
    rows = {r[0]: r for r in csv.reader(io.StringIO(data.read_text("utf-8")))}
    assert float(rows["investment_total"][3]) == pytest.approx(60_000.0)
    for suffix in (".html", ".md"):
        target = tmp_path / f"c{suffix}"
        assert (
            runner.invoke(app, ["compare", str(base), str(variant), "-o", str(target)]).exit_code
            == 0
        )
        assert "Variant" in target.read_text("utf-8")


def test_compare_invalid_file_exits_2(tmp_path):
    bad = write(tmp_path, "pactcalc: 1\n")
    result = runner.invoke(app, ["compare", "examples/beschermd-wonen.yaml", str(bad)])
    assert result.exit_code == 2


def test_run_shows_the_cumulative_picture(tmp_path):
    text = textwrap.dedent("""\
        pactcalc: 1
        name: Plaatje
        start_year: 2024
        years: 2
        partners: [{id: gem, name: Gemeente}]
        baseline: [{name: Oud, partner: gem, amount: 1000}]
        effort: [{name: Nieuw, partner: gem, amount: 400, paid_from: own}]
        investments: [{name: Start, partner: gem, amount: 2000, paid_from: own}]
        """)
    # cumulative: 600 − 2000 = −1400, then −800: both bars left of the axis
    result = runner.invoke(app, ["run", str(write(tmp_path, text)), "--lang", "en"])
    lines = [line for line in result.stdout.splitlines() if line.startswith(("2024 ", "2025 "))]
    assert lines[0].split("│")[0].strip().endswith("█")
    assert "-€1,400" in lines[0]
    assert "-€800" in lines[1]


def test_json_still_carries_no_report_only_fields():
    document = evaluate(load_scenario_text(HOSTILE, "t.yaml"))
    from pactcalc.render import json as render_json

    data = json.loads(render_json.render(document, "en"))
    assert data["scenario"] == "<script>alert('x')</script> & co"  # JSON keeps text as data


def test_compare_to_excel(tmp_path):
    import openpyxl

    base = ROOT / "examples" / "beschermd-wonen.yaml"
    variant = write(
        tmp_path,
        SLOWER.replace("\nname: ", "\nname: Variant — ", 1).replace(
            "value: 150000", "value: 200000", 1
        ),
        "variant.yaml",
    )
    book = tmp_path / "c.xlsx"
    result = runner.invoke(app, ["compare", str(base), str(variant), "-o", str(book)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(book).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0]]
    investment = next(r for r in rows if r[0].startswith("Investering"))
    # transition 150,000 + 45,000 adaptations + 30,000 training = 225,000 in the example,
    # × 1.2 optimism bias = 270,000; the variant's transition is 200,000: 275,000 × 1.2 =
    # 330,000, a difference of 60,000
    assert investment[1:] == pytest.approx((270_000, 330_000, 60_000))
