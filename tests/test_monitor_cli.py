"""``pactcalc monitor`` (issue 12, DOMAIN.md §8): actuals against the signed plan on the
command line — which lines drove the difference, whether the payback holds, the JSON a
script reads, the threshold's marks, the width of a terminal, text as data, exit codes.

Expected numbers from the arithmetic beside them, on the example
``examples/beschermd-wonen-realisatie-2022.yaml`` (plan: ``beschermd-wonen.yaml``):

* "Woningen voor uitstromers" = inwoners_ambulant · € 2.000 (woonbijdrage_per_woning):
  plan 10, 20, 30, 30, 30 → € 240.000; actuals 10, 19, 29 (2021–2023) → € 236.000; so
  2022: 20 · 2.000 = 40.000 against 19 · 2.000 = 38.000, −2.000, favourable (a cost);
* "Resterende intramurale plekken" = inwoners_intramuraal · € 62.000: plan 20, 10, 0, 0,
  0 = 30 places → € 1.860.000; actuals 20, 11, 1 = 32 → € 1.984.000: +124.000, the
  largest difference, unfavourable;
* "Bereikbaarheid 24/7": € 60.000 a year, 2021 booked € 63.800: +3.800, all booked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ACTUALS_EXAMPLES, ROOT, runner, write

from pactcalc.cli import app

EXAMPLE = ROOT / "examples" / "beschermd-wonen-realisatie-2022.yaml"
PLAN = ROOT / "examples" / "beschermd-wonen.yaml"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def monitor(*args: str, width: int = 100) -> str:
    result = runner.invoke(app, ["monitor", *args], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


def monitor_json(*args: str) -> dict:
    return json.loads(monitor(str(EXAMPLE), "--format", "json", *args))


def variance_of(data: dict, name: str) -> dict:
    return next(v for v in data["variance"] if v["name"] == name)


def test_the_example_is_the_actuals_example() -> None:
    assert EXAMPLE in ACTUALS_EXAMPLES


# ------------------------------------------------------------------ the table, in words


def test_the_dutch_table_names_the_drivers_and_says_the_payback_holds() -> None:
    shown = monitor(str(EXAMPLE), width=120)
    # the three largest differences: 124.000 (N), 18.600 and 17.971 (V)
    assert (
        "Het verschil komt vooral van: Resterende intramurale plekken (€ 124.000 N), "
        "Frictiekosten gesloten plekken (€ -18.600 V) en Specialistische begeleiding"
    ) in " ".join(shown.split())
    assert "De terugverdientijd houdt stand" in shown
    assert "2021 definitief, 2022 voorlopig, 2023 prognose; 2024–2025 volgen het plan" in shown
    # the largest difference stands first in the table, before the smaller ones
    assert shown.index("Resterende intramurale") < shown.index("Woningen voor uitstromers")
    assert "Zonder verschil (7)" in shown  # the unchanged lines, collapsed into one note
    assert "blijft in 2022 (voorlopig) achter: 19 tegen een doel van 20" in shown


def test_the_english_table_says_f_and_u() -> None:
    shown = " ".join(monitor(str(EXAMPLE), "--lang", "en", width=120).split())
    assert "The payback still holds" in shown
    assert "Resterende intramurale plekken (€124,000 U)" in shown
    assert "F/U" in shown
    assert "2021 final, 2022 provisional, 2023 forecast; 2024–2025 follow the plan" in shown
    assert "behind in 2022 (provisional): 19 against a target of 20" in shown
    assert "V/N" not in shown


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_line_fits_the_window(width: int, lang: str) -> None:
    shown = ANSI.sub("", monitor(str(EXAMPLE), "--lang", lang, "--threshold", "1", width=width))
    assert max(len(line) for line in shown.split("\n")) <= width
    for amount in ("€ 1.984.000", "€1,984,000"):  # never cut: whole on one line
        if (lang == "nl") == ("." in amount):
            assert amount in shown


# ------------------------------------------------------------------ JSON


def test_json_has_the_documented_keys() -> None:
    data = monitor_json()
    for key in ("status", "plan", "expectation", "variance", "variance_partners"):
        assert key in data
    for key in ("variance_total", "kpis", "breaches", "checks", "threshold"):
        assert key in data
    assert data["status"] == {
        "2021": "final",
        "2022": "provisional",
        "2023": "forecast",
        "2024": "plan",
        "2025": "plan",
    }
    assert data["threshold"] is None
    line = variance_of(data, "Woningen voor uitstromers")
    assert set(line) >= {
        "kind",
        "name",
        "partner",
        "plan_total",
        "expectation_total",
        "difference",
        "favourable",
        "parts",
        "per_year",
    }
    assert set(line["parts"]) == {"bias", "volume", "price", "booked"}
    assert set(line["per_year"][0]) >= {"year", "plan", "expectation", "difference", "parts"}


def test_plan_and_expectation_have_the_keys_of_runs_json() -> None:
    data = monitor_json()
    run = runner.invoke(app, ["run", str(PLAN), "--format", "json"])
    assert run.exit_code == 0
    run_data = json.loads(run.stdout)
    assert set(data["plan"]) == set(run_data)
    assert set(data["expectation"]) == set(run_data)
    # the plan is run's, to the cent
    assert data["plan"]["npv"] == pytest.approx(run_data["npv"], abs=0.005)
    assert data["plan"]["net_per_year"] == pytest.approx(run_data["net_per_year"], abs=0.005)


def test_a_line_from_my_own_arithmetic() -> None:
    line = variance_of(monitor_json(), "Woningen voor uitstromers")
    assert line["kind"] == "effort"
    assert line["partner"] == "corporatie"
    assert line["plan_total"] == pytest.approx(240_000)  # 2.000 · (10 + 20 + 30 + 30 + 30)
    assert line["expectation_total"] == pytest.approx(236_000)  # 2.000 · (10 + 19 + 29 + 60)
    assert line["difference"] == pytest.approx(-4_000)
    assert line["favourable"] is True  # a cost that is lower
    assert line["parts"]["volume"] == pytest.approx(-4_000)  # all of it volume
    assert line["parts"]["bias"] == pytest.approx(0)
    assert line["parts"]["booked"] == 0
    year_2022 = next(y for y in line["per_year"] if y["year"] == 2022)
    assert year_2022["status"] == "provisional"
    assert year_2022["plan"] == pytest.approx(40_000)  # 20 · 2.000
    assert year_2022["expectation"] == pytest.approx(38_000)  # 19 · 2.000
    assert year_2022["difference"] == pytest.approx(-2_000)
    assert year_2022["favourable"] is True
    year_2024 = next(y for y in line["per_year"] if y["year"] == 2024)
    assert year_2024["difference"] == 0  # a year the actuals do not list keeps the plan


def test_booked_and_unfavourable_lines() -> None:
    data = monitor_json()
    places = variance_of(data, "Resterende intramurale plekken")
    assert places["difference"] == pytest.approx(124_000)  # (32 − 30) · 62.000
    assert places["favourable"] is False
    reachable = variance_of(data, "Bereikbaarheid 24/7")
    assert reachable["difference"] == pytest.approx(3_800)  # 63.800 booked − 60.000
    assert reachable["parts"]["booked"] == pytest.approx(3_800)
    assert reachable["favourable"] is False
    # the corporation's net: −(240.000 + 54.000) in the plan, −(236.000 + 45.000) now
    corporation = next(p for p in data["variance_partners"] if p["partner"] == "corporatie")
    assert corporation["kind"] == "partner"
    assert corporation["plan_total"] == pytest.approx(-294_000)
    assert corporation["expectation_total"] == pytest.approx(-281_000)
    assert corporation["favourable"] is True
    # the partners' nets add up to the total net, in the plan and in the expectation
    total = data["variance_total"]
    assert total["kind"] == "total"
    for key in ("plan_total", "expectation_total", "difference"):
        parts = sum(p[key] for p in data["variance_partners"])
        assert parts == pytest.approx(total[key], abs=0.01)


def test_kpis_breaches_and_checks() -> None:
    data = monitor_json()
    uitstroom = next(k for k in data["kpis"] if k["id"] == "uitstroom")
    years = {y["year"]: y for y in uitstroom["years"]}
    assert (years[2022]["value"], years[2022]["target"], years[2022]["behind"]) == (19, 20, True)
    assert years[2021]["behind"] is False  # 10 against 10
    assert years[2023]["behind"] is None  # a forecast: expected, not judged
    assert [(b["rule"], b["year"], b["over"]) for b in data["breaches"]] == [
        ("Lumpsum Wmo-begeleiding", 2022, False)
    ]
    assert data["checks"]
    assert all(c["passed"] for c in data["checks"])
    assert {c["expression"] for c in data["checks"]} >= {"headroom_min >= 0", "npv > 0"}


# ------------------------------------------------------------------ the threshold


def test_the_threshold_marks_the_differences_above_it() -> None:
    data = monitor_json("--threshold", "10000")
    assert data["threshold"] == 10_000
    marked = {v["name"] for v in data["variance"] if v["above_threshold"]}
    # 124.000, 18.600, 17.971 and 11.251 are above 10.000; 9.628 (Dagbesteding) is not
    assert marked == {
        "Resterende intramurale plekken",
        "Frictiekosten gesloten plekken",
        "Specialistische begeleiding",
        "Reguliere begeleiding",
    }
    shown = monitor(str(EXAMPLE), "--threshold", "10000", width=200)
    assert "* verschil groter dan de drempel van € 10.000" in shown
    rows = shown.split("\n")
    row = next(line for line in rows if "Resterende intramurale plekken (inzet)" in line)
    assert "N *" in row
    row = next(line for line in shown.split("\n") if "Dagbesteding (inzet)" in line)
    assert "*" not in row


def test_without_a_threshold_nothing_is_marked() -> None:
    assert not any(v["above_threshold"] for v in monitor_json()["variance"])
    shown = monitor(str(EXAMPLE), width=200)
    assert " *" not in shown
    assert "drempel" not in shown


def test_csv_has_a_row_per_variance_and_year(tmp_path: Path) -> None:
    shown = monitor(str(EXAMPLE), "--format", "csv", "--threshold", "10000")
    lines = shown.splitlines()
    assert lines[0].startswith("kind,name,partner,year,status,plan,expectation,difference")
    # 2021: 10 · 2.000 = 20.000 in both, no difference (favourable empty)
    year_2021 = next(line for line in lines if line.startswith("effort,Woningen voor uitstromers,"))
    assert year_2021.split(",")[2:9] == [
        "corporatie",
        "2021",
        "final",
        "20000.0",
        "20000.0",
        "0.0",
        "",
    ]
    year_2022 = next(
        line
        for line in lines
        if line.startswith("effort,Woningen voor uitstromers,corporatie,2022")
    )
    assert year_2022.split(",")[5:9] == ["40000.0", "38000.0", "-2000.0", "true"]
    dutch = monitor(str(EXAMPLE), "--format", "csv", "--csv-dialect", "excel-nl")
    assert dutch.startswith("\ufeffkind;name;partner")
    assert "40000,0;38000,0;-2000,0;true" in dutch


def test_markdown_is_a_document() -> None:
    shown = monitor(str(EXAMPLE), "--format", "markdown")
    assert shown.startswith("# Monitoring: ")
    assert "| Regel | Partner | Plan | Verwachting | Verschil | % | V/N |" in shown


# ------------------------------------------------------------------ text is data


PLAN_WITH_MARKUP = """\
pactcalc: 1
name: "Plan | \\e[31m rood"
start_year: 2024
years: 2
partners: [{id: a, name: "Partner | A"}]
series:
  n: {values: [10, 10]}
budget: [{name: Budget, partner: a, amount: 1000}]
effort:
  - {name: "Zorg | \\e[31m *rood*", partner: a, amount: n * 50}
"""
ACTUALS_WITH_MARKUP = """\
pactcalc-actuals: 1
scenario: plan.yaml
name: "Realisatie | *vet*"
years:
  2024: {status: final, series: {n: 8}}
"""


@pytest.fixture
def markup(tmp_path: Path) -> Path:
    write(tmp_path, PLAN_WITH_MARKUP, "plan.yaml")
    return write(tmp_path, ACTUALS_WITH_MARKUP, "actuals.yaml")


def test_names_are_text_in_every_format(markup: Path) -> None:
    table = monitor(str(markup))
    assert "\x1b" not in table  # the escape shows as text, never colours the terminal
    assert "Zorg | \\x1b[31m *rood* (inzet)" in table
    markdown = monitor(str(markup), "--format", "markdown")
    assert "Zorg \\| \\\\x1b\\[31m \\*rood\\* (inzet)" in markdown  # no cell break, no emphasis
    assert "Realisatie \\| \\*vet\\*" in markdown
    data = json.loads(monitor(str(markup), "--format", "json"))
    assert data["variance"][1]["name"] == "Zorg | \x1b[31m *rood*"  # JSON keeps the value
    # 2024: 8 · 50 = 400 against 10 · 50 = 500: −100, favourable
    assert data["variance"][1]["per_year"][0]["difference"] == pytest.approx(-100)


# ------------------------------------------------------------------ exit codes and errors


def test_shown_is_exit_0_even_with_a_kpi_behind() -> None:
    result = runner.invoke(app, ["monitor", str(EXAMPLE)])
    assert result.exit_code == 0  # monitor shows; `pactcalc check` judges


def test_an_invalid_actuals_file_is_exit_2_at_its_line(markup: Path) -> None:
    bad = write(
        markup.parent,
        ACTUALS_WITH_MARKUP.replace("series: {n: 8}", "series: {m: 8}"),
        "bad.yaml",
    )
    result = runner.invoke(app, ["monitor", str(bad), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{bad}:5:34: error: PC502" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_an_invalid_plan_is_exit_2_at_the_plans_line(markup: Path) -> None:
    write(markup.parent, PLAN_WITH_MARKUP.replace("years: 2", "years: two"), "plan.yaml")
    result = runner.invoke(app, ["monitor", str(markup)])
    assert result.exit_code == 2
    plan = markup.parent / "plan.yaml"
    assert re.search(rf"{re.escape(str(plan))}:4:\d+: error: PC", result.stderr)
    assert f"{markup}:2:" in result.stderr  # and the actuals' scenario: names the bad plan


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["monitor", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2


def test_output_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "monitor.json"
    result = runner.invoke(app, ["monitor", str(EXAMPLE), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["status"]["2021"] == "final"


def test_output_never_overwrites_the_plan(tmp_path: Path, markup: Path) -> None:
    plan = markup.parent / "plan.yaml"
    before = plan.read_text("utf-8")
    result = runner.invoke(app, ["monitor", str(markup), "-o", str(plan)])
    assert result.exit_code == 2
    assert plan.read_text("utf-8") == before
