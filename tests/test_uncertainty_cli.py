"""`pactcalc simulate`, `pactcalc sensitivity`, probabilistic checks in every check format,
and the uncertainty section of the reports — end to end through the CLI."""

from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, runner

from pactcalc.cli import app

pytest.importorskip("matplotlib")

# npv by hand at a 0 % rate: savings 1000 − 10·c a year over 2 years, minus 500:
# npv = 2·(1000 − 10c) − 500 = 1500 − 20c; it is 0 at c = 75 (the switching value).
# With c uniform on [40, 100], P(npv > 0) = P(c < 75) = (75 − 40)/60 = 0.583.
SCENARIO = textwrap.dedent("""\
    pactcalc: 1
    name: Onzeker
    start_year: 2024
    years: 2
    discount_rate: 0.0
    parameters:
      c: {value: 50, low: 40, high: 100, distribution: uniform}
    partners:
      - {id: gem, name: Gemeente}
    baseline:
      - {name: Oud, partner: gem, amount: 1000}
    effort:
      - {name: Nieuw, partner: gem, amount: 10 * c, paid_from: own}
    investments:
      - {name: Start, partner: gem, amount: 500, paid_from: own}
    simulation: {samples: 4000, seed: 3}
    checks:
      - npv > 0
      - P(npv > 0) >= 0.9
    """)


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "onzeker.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


@pytest.mark.slow
def test_simulate_same_seed_same_bytes(scenario: Path) -> None:
    for fmt in ("table", "json", "csv", "markdown"):
        first = runner.invoke(app, ["simulate", str(scenario), "--seed", "7", "-f", fmt])
        again = runner.invoke(app, ["simulate", str(scenario), "--seed", "7", "-f", fmt])
        assert first.exit_code == 0, first.output
        assert first.stdout == again.stdout, fmt
    seven = runner.invoke(app, ["simulate", str(scenario), "--seed", "7", "-f", "json"])
    other = runner.invoke(app, ["simulate", str(scenario), "--seed", "8", "-f", "json"])
    assert other.exit_code == 0, other.output
    drawn = [json.loads(done.stdout) for done in (seven, other)]
    assert [d["seed"] for d in drawn] == [7, 8]
    means = [d["metrics"]["npv"]["mean"] for d in drawn]
    assert means[0] != means[1]  # another seed draws other samples
    # both estimate the same mean: E[npv] = 1500 − 20·E[c] = 1500 − 20·70 = 100, and
    # sd(npv) = 20 · 60/√12 = 346.4, so a mean of 4,000 samples has a standard error of
    # 346.4/√4000 = 5.48: each lies within 4 standard errors (21.9) of 100
    assert all(abs(mean - 100) < 21.9 for mean in means), means


def test_simulate_json_probability_and_standard_error(scenario: Path) -> None:
    out = runner.invoke(app, ["simulate", str(scenario), "-f", "json", "--samples", "20000"])
    data = json.loads(out.stdout)
    text = json.dumps(data)
    assert "NaN" not in text
    assert "Infinity" not in text
    found = [p for p in data["probabilities"] if p["event"] == "npv > 0"][0]
    # P(c < 75) = 35/60 = 0.5833; se = sqrt(p(1 − p)/n) ≈ 0.0035 at n = 20,000
    assert found["p"] == pytest.approx(35 / 60, abs=4 * 0.0035)
    assert found["se"] == pytest.approx((found["p"] * (1 - found["p"]) / 20000) ** 0.5)


def test_sensitivity_switching_value_by_hand(scenario: Path) -> None:
    out = runner.invoke(app, ["sensitivity", str(scenario), "-f", "json", "--lang", "en"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    row = data["parameters"][0]
    assert row["parameter"] == "c"
    # npv at low 40: 1500 − 800 = 700; at high 100: 1500 − 2000 = −500
    assert row["metric_at_low"] == pytest.approx(700)
    assert row["metric_at_high"] == pytest.approx(-500)
    assert row["switching_value"] == pytest.approx(75, abs=1e-6)
    table = runner.invoke(app, ["sensitivity", str(scenario), "--lang", "en"])
    assert "75.0 (+50% from value)" in table.stdout


def test_sensitivity_unknown_metric(scenario: Path) -> None:
    out = runner.invoke(app, ["sensitivity", str(scenario), "--metric", "npvv"])
    assert out.exit_code == 2
    assert "PC026" in out.stderr


def test_failing_probabilistic_check_in_junit_and_github(scenario: Path) -> None:
    junit = runner.invoke(app, ["check", str(scenario), "-f", "junit", "--lang", "en"])
    assert junit.exit_code == 1
    cases = {c.get("name"): c for c in ET.fromstring(junit.stdout).iter("testcase")}
    assert cases["npv > 0"].find("failure") is None  # at c = 50: 1500 − 1000 = 500
    failure = cases["P(npv > 0) >= 0.9"].find("failure")
    assert failure is not None
    assert failure.get("message", "").startswith("P(npv > 0) is 5")  # ≈ 58 %
    github = runner.invoke(app, ["check", str(scenario), "-f", "github", "--lang", "en"])
    assert any(
        line.startswith("::error file=")
        and ",line=19,col=5," in line
        and "P(npv > 0) >= 0.9" in line
        for line in github.stdout.splitlines()
    )


def test_probabilistic_check_too_close_to_call(tmp_path: Path) -> None:
    # P(npv > 0) ≈ 0.583 with se ≈ 0.022 at 500 samples: 0.58 is within two se
    path = tmp_path / "close.yaml"
    path.write_text(
        SCENARIO.replace("samples: 4000", "samples: 500").replace(
            "P(npv > 0) >= 0.9", "P(npv > 0) >= 0.58"
        ),
        encoding="utf-8",
    )
    out = runner.invoke(app, ["run", str(path), "-f", "json", "--lang", "en"])
    check = [c for c in json.loads(out.stdout)["checks"] if c["expression"].startswith("P(")][0]
    assert "too close to call at 500 samples" in check["message"]


def test_examples_probabilistic_claims_hold() -> None:
    result = runner.invoke(app, ["check", str(ROOT / "examples"), "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)

    def probabilistic(kind: str) -> list[dict[str, object]]:
        files = [f for f in data["files"] if f["kind"] == kind]
        return [c for f in files for c in f["checks"] if str(c["expression"])[:2] == "P("]

    # one per example on its business case, and one per pact on the net after the agreement
    # (beschermd-wonen: P(net_settled_total[bw] < 0); crisis: P(net_settled_total[gemeenten] < 0))
    assert len(probabilistic("scenario")) == 5
    # the realisation of Beschermd Wonen: its plan's two, on the current expectation
    assert len(probabilistic("actuals")) == 2
    assert all(c["passed"] for c in probabilistic("scenario") + probabilistic("actuals"))


def test_html_report_with_ranges_has_the_uncertainty_section(tmp_path: Path) -> None:
    out = tmp_path / "bw.html"
    result = runner.invoke(app, ["report", "examples/beschermd-wonen.yaml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.count("<svg") >= 7  # three charts + tornado, npv, fan chart, partner nets
    assert "bw_kosten_per_plek" in page
    assert "P10" in page
    assert "P90" in page


def test_report_without_ranges_has_no_uncertainty_section(tmp_path: Path) -> None:
    path = tmp_path / "vast.yaml"
    path.write_text(
        SCENARIO.replace(
            "c: {value: 50, low: 40, high: 100, distribution: uniform}", "c: 50"
        ).replace("  - P(npv > 0) >= 0.9\n", ""),
        encoding="utf-8",
    )
    out = tmp_path / "vast.html"
    assert runner.invoke(app, ["report", str(path), "-o", str(out)]).exit_code == 0
    assert out.read_text("utf-8").count("<svg") == 3


def test_xlsx_report_has_an_uncertainty_sheet(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "bw.xlsx"
    assert (
        runner.invoke(
            app, ["report", "examples/beschermd-wonen.yaml", "-o", str(out), "--lang", "en"]
        ).exit_code
        == 0
    )
    book = openpyxl.load_workbook(out)
    assert "Uncertainty" in book.sheetnames
    rows = [r for r in book["Uncertainty"].iter_rows(values_only=True) if r[0]]
    assert rows[0][0].startswith("Values from pactcalc simulate (10000 samples, seed 1)")
    # the sensitivity's rows (as CSV has them): the parameter in its own column
    header = next(r for r in rows if r[0] == "metric")
    column = header.index("parameter")
    assert any(r[column] == "bw_kosten_per_plek" for r in rows)
