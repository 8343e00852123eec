"""Issue 10, "What the advisor hit": Dutch names on the command line, the budget that pays
by default (PC360), ratios that say what they divide and the MKBA ratio beside them,
CSV for Dutch Excel, and a format reference whose links resolve."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, runner

from pactcalc import metrics
from pactcalc.cli import app
from pactcalc.pipeline import compute_document as evaluate
from pactcalc.pipeline import load_scenario_text
from tools import docs

EXAMPLE = ROOT / "examples" / "beschermd-wonen.yaml"

#: Two years at 10 %: df = [1, 1/1.1]. Baseline 1000 a year (gemeente), budget 800
#: (gemeente), effort 600 a year (wmo, from the budget), an investment of 300 in the first
#: year (gemeente) and benefits of 100 a year (corporatie).
SMALL = """\
pactcalc: 1
name: Klein
start_year: 2024
years: 2
discount_rate: {{value: 0.1, source: test}}
partners:
  - {{id: gemeente, name: Gemeente}}
  - {{id: wmo, name: Wmo-aanbieder}}
  - {{id: corporatie, name: Woningcorporatie}}
baseline:
  - {{name: Oude zorg, partner: gemeente, amount: 1000}}
budget:
  - {{name: Budget, partner: gemeente, amount: 800}}
effort:
  - {{name: Begeleiding, partner: wmo, amount: 600{effort_paid}}}
investments:
  - {{name: Opzet, partner: {investor}, amount: 300{investment_paid}}}
benefits:
  - {{name: Minder huisuitzettingen, partner: corporatie, amount: 100}}
checks:
  - mkba_ratio > 1
"""


def small(
    effort_paid: str = ", paid_from: budget",
    investor: str = "gemeente",
    investment_paid: str = "",
) -> str:
    return SMALL.format(effort_paid=effort_paid, investor=investor, investment_paid=investment_paid)


def document_of(text: str):  # type: ignore[no-untyped-def]
    return evaluate(load_scenario_text(text, "t.yaml"))


def codes(text: str) -> list[str]:
    return [p.code for p in document_of(text).problems]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. Dutch names on the command line -----------------------------------------------------


@pytest.mark.parametrize(
    ("word", "metric"),
    [("NCW", "npv"), ("terugverdientijd", "payback_years"), ("Netto contante waarde", "npv")],
)
def test_explain_accepts_the_labels_the_output_shows(word: str, metric: str) -> None:
    by_label = runner.invoke(app, ["explain", str(EXAMPLE), word, "--lang", "en"])
    by_name = runner.invoke(app, ["explain", str(EXAMPLE), metric, "--lang", "en"])
    assert by_label.exit_code == 0, by_label.output
    assert by_label.stdout == by_name.stdout
    assert by_label.stdout.startswith(f"{metric} = ")


def test_explain_of_an_unknown_name_lists_the_metrics_and_the_lines() -> None:
    result = runner.invoke(app, ["explain", str(EXAMPLE), "terugverdientyd", "--lang", "en"])
    assert result.exit_code == 2
    message = result.stderr
    assert "PC024 'terugverdientyd' is not a metric or line of this scenario" in message
    assert "did you mean 'terugverdientijd'?" in message  # the Dutch label is suggested
    for name in metrics.names(metrics.scenario_metrics()):
        assert name in message
    assert "'Reguliere begeleiding'" in message  # a line of the example


def test_sensitivity_accepts_a_dutch_metric_name() -> None:
    args = ["sensitivity", str(EXAMPLE), "--format", "json", "--lang", "en"]
    by_label = runner.invoke(app, [*args, "--metric", "NCW"])
    by_name = runner.invoke(app, [*args, "--metric", "npv"])
    assert by_label.exit_code == 0, by_label.output
    assert by_label.stdout == by_name.stdout
    indexed = runner.invoke(app, [*args, "--metric", "saldo [wmo]"])
    assert indexed.stdout == runner.invoke(app, [*args, "--metric", "net_total[wmo]"]).stdout


def test_sensitivity_of_an_unknown_metric_lists_the_valid_ones() -> None:
    result = runner.invoke(
        app, ["sensitivity", str(EXAMPLE), "--metric", "rendament", "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "PC026 unknown metric 'rendament'" in result.stderr
    assert "choose one of effort_total, budget_total" in result.stderr
    assert "net_total[wmo]" in result.stderr


def test_canonical_resolves_names_aliases_and_indexes() -> None:
    assert metrics.canonical("npv") == "npv"
    assert metrics.canonical("NCW") == "npv"
    assert metrics.canonical("saldo[ wmo ]") == "net_total[wmo]"
    assert metrics.canonical("on zin") == "onzin"


# --- 2. the budget pays by default: PC360 ---------------------------------------------------


def test_budget_paid_effort_of_a_partner_without_budget_warns_at_its_line() -> None:
    document = document_of(small(effort_paid=""))
    warnings = [p for p in document.problems if p.code == "PC360"]
    assert len(warnings) == 1
    warning = warnings[0]
    assert not warning.is_error
    assert warning.line == 15  # the effort line
    en, nl = warning.message("en"), warning.message("nl")
    assert "'Begeleiding' of Wmo-aanbieder is paid from the budget of Gemeente" in en
    assert "`paid_from: own`" in en
    assert "'Begeleiding' van Wmo-aanbieder wordt uit het budget van Gemeente betaald" in nl
    assert "`paid_from: own`" in nl
    # a warning: the numbers are there and unchanged
    assert document.result is not None
    assert float(document.result.headroom_per_year[0]) == pytest.approx(800 - 600 - 300)


@pytest.mark.parametrize("paid", [", paid_from: budget", ", paid_from: own"])
def test_a_written_paid_from_settles_it(paid: str) -> None:
    assert "PC360" not in codes(small(effort_paid=paid))


def test_the_budget_holders_own_lines_do_not_warn() -> None:
    # the gemeente's investment is budget-paid by default, but the gemeente holds the budget
    assert "PC360" not in codes(small())


def test_an_investment_of_a_partner_without_budget_warns_too() -> None:
    problems = document_of(small(investor="corporatie")).problems
    assert [(p.code, p.line) for p in problems if p.code == "PC360"] == [("PC360", 17)]
    assert "'Opzet' of Woningcorporatie" in problems[0].message("en")


def test_several_holders_are_named() -> None:
    text = small(effort_paid="").replace(
        "budget:\n",
        "budget:\n  - {name: Zorgkantoor, partner: corporatie, amount: 10}\n",
    )
    # now the corporatie holds a budget too; wmo still holds none
    [warning] = [p for p in document_of(text).problems if p.code == "PC360"]
    assert "budget of Woningcorporatie, Gemeente" in warning.message("en")


def test_no_budget_at_all_is_pc129_alone() -> None:
    text = small(effort_paid="").replace(
        "budget:\n  - {name: Budget, partner: gemeente, amount: 800}\n",
        "budget:\n  - {name: Budget, partner: gemeente, amount: 0}\n",
    )
    assert codes(text) == ["PC129"]


def test_the_examples_and_starters_write_paid_from_out() -> None:
    for path in [
        *EXAMPLES,
        *sorted((ROOT / "pactcalc" / "templates").glob("*.yaml")),
    ]:
        text = path.read_text(encoding="utf-8")
        assert "PC360" not in [p.code for p in document_of(text).problems], path.name


# --- 3. ratios that say what they divide, and the MKBA ratio ---------------------------------


def test_the_ratio_labels_say_what_they_divide() -> None:
    assert metrics.get("roi").nl == "NCW per euro investering (ROI)"
    assert metrics.get("bcr").label("en") == "Savings and benefits per euro invested (BCR)"
    assert "baten / kosten" in metrics.get("mkba_ratio").nl
    assert all("Rendement" not in m.nl for m in metrics.REGISTRY.values())
    assert metrics.by_alias("baten-kostenverhouding") == "mkba_ratio"
    assert metrics.by_alias("benefit cost ratio") == "mkba_ratio"


def test_the_mkba_ratio_from_the_arithmetic() -> None:
    document = document_of(small())
    result = document.result
    assert result is not None
    df = [1.0, 1 / 1.1]
    # baten: baseline avoided 1000 + benefits 100 a year; kosten: effort 600 a year + 300
    pv_baten = 1100 * df[0] + 1100 * df[1]  # 2100.00
    pv_kosten = (600 + 300) * df[0] + 600 * df[1]  # 1445.45
    assert float(result.pv_gross_benefits) == pytest.approx(pv_baten)
    assert float(result.pv_costs) == pytest.approx(pv_kosten)
    assert float(result.metric("mkba_ratio")) == pytest.approx(pv_baten / pv_kosten)  # 1.4528
    # the npv is the difference of the two present values
    assert float(result.npv) == pytest.approx(pv_baten - pv_kosten)
    # bcr sets the returns (savings + benefits, effort netted out) against the investment
    assert float(result.bcr) == pytest.approx((500 * df[0] + 500 * df[1]) / 300)
    [check] = result.checks
    assert check.passed


def test_the_mkba_ratio_is_none_without_costs() -> None:
    text = (
        small()
        .replace(
            "effort:\n  - {name: Begeleiding, partner: wmo, amount: 600, paid_from: budget}",
            "effort: []",
        )
        .replace(
            "investments:\n  - {name: Opzet, partner: gemeente, amount: 300}", "investments: []"
        )
    )
    result = document_of(text).result
    assert result is not None
    assert float(result.pv_costs) == 0
    assert result.metric("mkba_ratio") != result.metric("mkba_ratio")  # NaN
    assert not result.checks[0].passed  # a check on a ratio that does not exist fails


def test_the_mkba_ratio_is_in_json_and_explain(tmp_path: Path) -> None:
    path = write(tmp_path, small())
    out = runner.invoke(app, ["run", str(path), "--format", "json"])
    data = json.loads(out.stdout)
    assert data["mkba_ratio"] == pytest.approx(2100 / (900 + 600 / 1.1))
    assert list(data)[list(data).index("bcr") + 1] == "mkba_ratio"
    explained = runner.invoke(app, ["explain", str(path), "baten-kostenverhouding", "--lang", "en"])
    assert explained.exit_code == 0, explained.output
    assert "mkba_ratio = pv_gross_benefits / pv_costs = €2,100 / €1,445" in explained.stdout


# --- 4. CSV for Dutch Excel -----------------------------------------------------------------


def test_csv_stays_comma_and_point_by_default(tmp_path: Path) -> None:
    path = write(tmp_path, small())
    out = runner.invoke(app, ["run", str(path), "--format", "csv", "--lang", "nl"])
    lines = out.stdout.splitlines()
    assert lines[0] == "metric,2024,2025,total"
    assert lines[1] == "budget,800.0,800.0,1600.0"


def test_csv_excel_nl_is_semicolon_and_decimal_comma(tmp_path: Path) -> None:
    path = write(tmp_path, small())
    target = tmp_path / "out.csv"
    args = ["run", str(path), "--format", "csv", "--csv-dialect", "excel-nl", "-o", str(target)]
    assert runner.invoke(app, args).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfmetric;2024;2025;total\nbudget;800,0;800,0;1600,0\n")
    # headroom 800 − 600 − 300 = −100, then 200: negative numbers stay numbers
    assert b"\nheadroom;-100,0;200,0;100,0\n" in data
    standard = runner.invoke(app, ["run", str(path), "--format", "csv"]).stdout
    # the same cells: only the separator and the decimal mark differ
    converted = data.decode("utf-8-sig").replace(",", ".").replace(";", ",")
    assert converted == standard


def test_report_csv_takes_the_dialect_too(tmp_path: Path) -> None:
    path = write(tmp_path, small())
    target = tmp_path / "r.csv"
    args = ["report", str(path), "-o", str(target), "--csv-dialect", "excel-nl"]
    assert runner.invoke(app, args).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfmetric;2024;2025;total\n")


def test_a_text_cell_with_a_semicolon_is_quoted() -> None:
    from pactcalc.render.csv import draw
    from pactcalc.report.blocks import Report, Section, Table

    table = Table("t", "", ["a"], [["x"]], [["a; b", 1.5]], raw_header=["name", "value"])
    report = Report("r", "nl", [Section("s", "", [table])])
    assert draw(report, "excel-nl") == '\ufeffname;value\n"a; b";1,5\n'
    assert draw(report) == "name,value\na; b,1.5\n"


# --- 5. the format reference ----------------------------------------------------------------


def _anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_every_link_of_the_format_reference_resolves() -> None:
    text = docs.format_markdown()
    anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links, "the reference links its nested models"
    assert links <= anchors, sorted(links - anchors)
    assert {"adjustments", "simulation", "optimismbias"} <= links


def test_the_format_reference_names_the_types_in_words() -> None:
    text = docs.format_markdown()
    assert "Any" not in text
    assert "| `amount` | number or expression | yes |" in text
    assert "| `deadweight` | fraction in [0, 1) or parameter name |" in text
    assert "| `simulation` | [Simulation](#simulation) |  | `{samples: 10000, seed: 1}` |" in text


def test_the_readme_says_how_to_run_the_browser_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "apt-get install chromium" in readme
    assert "-rs" in readme
    assert "--csv-dialect excel-nl" in readme
    assert "mkba_ratio" in readme


# --- a parameter's label -------------------------------------------------------------------


def test_a_parameter_may_carry_a_label() -> None:
    text = (
        small()
        .replace(
            "checks:",
            "parameters:\n"
            "  tarief: {value: 600, label: Uurtarief begeleiding, unit: EUR/jaar}\n"
            "checks:",
        )
        .replace("amount: 600, paid_from", "amount: tarief, paid_from")
    )
    document = document_of(text)
    assert document.result is not None, [p.message("en") for p in document.problems]
    assert document.scenario is not None
    assert document.scenario.parameters["tarief"].label == "Uurtarief begeleiding"
    assert float(document.result.effort_per_year[0]) == 600
