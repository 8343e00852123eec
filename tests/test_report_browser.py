"""The HTML report as a person sees it: rendered by headless Chromium.

Checks, for every example: the headline numbers are on the page, the charts are drawn,
nothing overflows the width of an A4 page, and printing to PDF gives A4 pages. CI
installs Debian's chromium (`.ci/run`); elsewhere the test is skipped without it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES

from pactcalc.i18n import money
from pactcalc.pipeline import run_file
from pactcalc.render import html as report_html

pytest.importorskip("matplotlib")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None and os.environ.get("CI") != "true",
        reason="chromium is not installed (CI installs it)",
    ),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch

# Injected into a copy of the report (the report itself has no script): measures the page
# after layout and writes the findings into the DOM, which --dump-dom prints.
PROBE = """<script>
window.addEventListener('load', () => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .map(el => el.tagName + ':' + (el.textContent || '').slice(0, 40));
  const charts = [...document.querySelectorAll('figure svg')]
    .filter(svg => svg.getBoundingClientRect().width > 300
                && svg.getBoundingClientRect().height > 100).length;
  const out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({scrollWidth: document.documentElement.scrollWidth,
    width: width, wide: wide.slice(0, 5), charts: charts,
    text: document.body.innerText});
  document.body.appendChild(out);
});
</script>"""


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "CI must install chromium (see .ci/run)"
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_report_renders_on_an_a4_width(example: Path, tmp_path: Path) -> None:
    import json

    document = run_file(example, example.name)
    assert document.result is not None
    page = report_html.render(document, "nl")
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = chromium(
        tmp_path,
        f"--window-size={A4_WIDTH_PX},1123",
        "--virtual-time-budget=5000",
        "--dump-dom",
        probe.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]  # chromium's stderr is noisy; rc counts
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, flags=re.S)
    assert found, "the page did not load"
    seen = json.loads(html.unescape(found.group(1)))
    assert seen["wide"] == [], seen["wide"]
    assert seen["scrollWidth"] <= seen["width"], seen["wide"]
    # three charts of the business case, and each partner's net before and after the
    # agreement when the example has one (issue 11)
    has_agreement = "\nagreement:" in example.read_text(encoding="utf-8")
    assert seen["charts"] == (4 if has_agreement else 3)
    result = document.result
    for value in (
        result.npv,
        result.metric("headroom_min"),
        result.metric("effort_total"),
        result.metric("investment_total"),
    ):
        assert money(float(value), "nl") in seen["text"]


@pytest.mark.parametrize("example", EXAMPLES[:1], ids=lambda p: p.stem)
def test_report_prints_to_a4_pages(example: Path, tmp_path: Path) -> None:
    document = run_file(example, example.name)
    page = tmp_path / "report.html"
    page.write_text(report_html.render(document, "nl"), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    # The answer, charts and tables fill the first pages; inputs and the audit trail of
    # every line follow. More than 40 pages would mean the layout broke apart.
    assert 4 <= pages <= 40, pages
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data))
    assert boxes, "no page sizes in the PDF"
    for width, height in boxes:  # A4 is 595.28 × 841.89 points
        assert abs(float(width) - 595.28) < 1.5
        assert abs(float(height) - 841.89) < 1.5
