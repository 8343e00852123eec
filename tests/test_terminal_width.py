"""The terminal fits the window (issue 10, "What the advisor hit" 1).

At 80 columns ``run`` printed lines of 106 characters, ``sensitivity`` 153 (also at 120)
and ``simulate`` 92; the adjustments table lost its name column below 120 columns. Now
every table fits the width it is drawn at: its text columns wrap, its columns split over
several tables that repeat the label, or its rows stack; a number is never cut. Measured
here on every output line, ANSI codes stripped, at 80 and 120 columns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, runner, write
from rich.console import Console

from pactcalc.cli import app
from pactcalc.cli_output import PLAIN_WIDTH, output_width
from pactcalc.pipeline import run_file
from pactcalc.render import terminal
from pactcalc.render.fitting import Column, FittedTable, wrap
from pactcalc.report import build

# A Housing First scenario as an advisor writes it: four partners with long names, ten
# years (eleven amount columns in the year tables), long line names, every adjustment.
HOUSING_FIRST = """\
pactcalc: 1
name: Housing First Middelstad — 40 dakloze inwoners met een eigen woning
municipality: {name: Gemeente Middelstad, inhabitants: 120000}
start_year: 2025
years: 10
parameters:
  caseload: {value: 40, low: 30, high: 50, unit: inwoners, source: "aanname: instroom"}
  opvang_per_plek: {value: 38000, low: 32000, high: 45000, unit: EUR/plek/jaar,
                    source: "aanname: nachtopvang en dagopvang"}
  begeleiding_per_inwoner: {value: 14500, low: 12000, high: 19000, unit: EUR/inwoner/jaar,
                            source: "aanname: intensieve ambulante begeleiding"}
  huurderving_per_woning: {value: 1800, low: 1000, high: 2600, unit: EUR/woning/jaar,
                           source: "aanname: corporatie"}
  ggz_consultatie: {value: 65000, low: 40000, high: 90000, unit: EUR/jaar,
                    source: "aanname: consultatie en terugvalopvang"}
  minder_crisisopnames: {value: 210000, low: 120000, high: 300000, unit: EUR/jaar,
                         source: "aanname: zorgverzekeraar"}
partners:
  - {id: gemeente, name: Gemeente Middelstad (Maatschappelijke Opvang)}
  - {id: corporatie, name: Woningcorporatie Thuis in Middelstad}
  - {id: ggz, name: GGZ Middelstad ambulante teams en terugvalopvang}
  - {id: zorgverzekeraar, name: Zorgverzekeraar Regio Middelstad}
baseline:
  - {name: Maatschappelijke opvang en nachtopvang voor de doelgroep, partner: gemeente,
     amount: caseload * opvang_per_plek}
budget:
  - {name: Budget maatschappelijke opvang, partner: gemeente,
     amount: caseload * opvang_per_plek}
effort:
  - {name: Intensieve ambulante begeleiding Housing First, partner: gemeente,
     amount: caseload * begeleiding_per_inwoner}
  - {name: Huurderving en woonbegeleiding door de corporatie, partner: corporatie,
     amount: caseload * huurderving_per_woning, paid_from: own}
  - {name: Consultatie en terugvalopvang door de GGZ-instelling, partner: ggz,
     amount: ggz_consultatie, paid_from: own}
investments:
  - {name: Kwartiermaker en projectleiding voor de omslag naar Housing First,
     partner: gemeente, amount: 180000, year: 2025}
  - {name: Inrichting van veertig woningen voor de eerste bewoners, partner: corporatie,
     amount: 120000, year: 2025, paid_from: own}
benefits:
  - {name: Minder crisisopnames en spoedeisende hulp in de regio, partner: zorgverzekeraar,
     amount: minder_crisisopnames, deadweight: 0.2, displacement: 0.1, attribution: 0.15,
     drop_off: 0.05}
adjustments:
  optimism_bias: {investments: 0.2, benefits: 0.1}
simulation: {samples: 500, seed: 3}
checks:
  - npv > 0
  - headroom_min >= 0
"""

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def widest(output: str) -> int:
    """The longest line of ``output``, trailing spaces included, ANSI codes stripped."""
    return max((len(line) for line in ANSI.sub("", output).split("\n")), default=0)


@pytest.fixture(scope="module")
def housing_first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("hf"), HOUSING_FIRST, "housing-first.yaml")


def _files(housing_first: Path) -> list[Path]:
    return [housing_first, *EXAMPLES]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", [["run"], ["sensitivity"], ["simulate", "-n", "300"]])
def test_every_line_fits_the_window(housing_first: Path, command: list[str], width: int) -> None:
    for path in _files(housing_first):
        result = runner.invoke(app, [*command, str(path)], env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.output
        assert widest(result.stdout) <= width, (path.name, command, widest(result.stdout))


@pytest.mark.parametrize("width", [80, 120])
def test_no_number_is_cut(housing_first: Path, width: int) -> None:
    """Every amount of every table of ``run`` is printed whole, on one line."""
    document = run_file(housing_first, "housing-first.yaml")
    built = build(document, None, "nl")
    shown = terminal.to_text(terminal.draw(built), width)
    assert widest(shown) <= width
    lines = shown.split("\n")
    for table in built.tables():
        for row in table.rows:
            for cell in row[1:]:
                if cell and table.alignment(row.index(cell)) == "right":
                    assert any(cell in line for line in lines), (table.id, cell)


@pytest.mark.parametrize("width", [80, 100, 119])
def test_the_adjustments_table_keeps_its_names_below_120(housing_first: Path, width: int) -> None:
    document = run_file(housing_first, "housing-first.yaml")
    built = build(document, None, "en")
    adjustments = [t for t in built.tables() if t.id == "adjustments"]
    assert adjustments
    assert adjustments[0].rows
    shown = terminal.to_text(terminal.draw(built), width)
    words = " ".join(re.findall(r"[\w()-]+", shown))
    for row in adjustments[0].rows:
        for word in re.findall(r"[\w()-]+", row[0]):
            assert word in words, (width, row[0], word)  # wrapped, never dropped


def test_a_rich_console_of_80_gets_tables_that_fit() -> None:
    document = run_file(EXAMPLES[0], EXAMPLES[0].name)
    console = Console(width=80, record=True, color_system=None, file=None)
    with console.capture() as captured:
        console.print(terminal.draw(build(document, None, "nl")))
    assert widest(captured.get()) <= 80


def test_a_file_is_written_100_wide_whatever_the_terminal(tmp_path: Path) -> None:
    out = tmp_path / "run.txt"
    result = runner.invoke(app, ["run", str(EXAMPLES[0]), "-o", str(out)], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    assert 80 < widest(out.read_text("utf-8")) <= PLAIN_WIDTH


def test_the_width_is_columns_else_100_for_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "132")
    assert output_width() == 132
    monkeypatch.setenv("COLUMNS", "12")
    assert output_width() == 40  # never narrower: a table would be all label
    monkeypatch.delenv("COLUMNS")
    assert output_width() == PLAIN_WIDTH  # pytest's stdout is not a terminal


# ------------------------------------------------------------ the fitting, by hand

LEDGER = FittedTable(
    [Column("Partner", wraps=True, justify="left"), *(Column(str(y)) for y in range(2021, 2026))],
    [["Instelling beschermd wonen", *(["€ 1.372.356"] * 5)], ["Totaal", *(["€ 958.424"] * 5)]],
    title="Inzet per partner",
)
# By hand: the label is 26 wide, each amount 11; boxed, six columns cost 3 · 6 + 1 = 19.
# Whole: 26 + 5 · 11 + 19 = 100. Wrapped at least: 20 + 55 + 19 = 94.


def test_a_table_that_fits_is_drawn_as_it_is() -> None:
    assert LEDGER.natural_width() == 100
    assert LEDGER.groups(100) == [[0, 1, 2, 3, 4, 5]]
    assert widest(terminal.to_text(LEDGER, 100)) == 100


def test_a_table_wraps_its_label_before_it_splits() -> None:
    assert LEDGER.groups(94) == [[0, 1, 2, 3, 4, 5]]
    shown = terminal.to_text(LEDGER, 94)
    assert widest(shown) <= 94
    assert "Instelling beschermd" in shown
    assert "wonen" in shown


def test_a_table_splits_its_columns_evenly_repeating_the_label() -> None:
    # at 80: the label and three amounts need 20 + 33 + 3 · 4 + 1 = 66, four 80 → even
    # groups of three and two (greedy would give four and one)
    assert LEDGER.groups(80) == [[0, 1, 2, 3], [0, 4, 5]]
    shown = terminal.to_text(LEDGER, 80)
    assert widest(shown) <= 80
    assert shown.count("Totaal") == 2
    assert shown.count("Inzet per partner") == 1


def test_a_table_that_cannot_split_is_stacked() -> None:
    # at 30 not even the label (20) and one amount (11) fit with 7 characters of rules
    assert LEDGER.groups(30) is None
    shown = terminal.to_text(LEDGER, 40)  # drawn at 40: a split needs 20 + 11 + 7 = 38
    assert widest(shown) <= 40
    stacked = terminal.to_text(LEDGER, 30)
    assert "  2021: € 1.372.356" in stacked
    assert widest(stacked) <= 30


def test_wrap_keeps_an_amount_whole_and_breaks_ids_at_underscores() -> None:
    assert wrap("geen tussen € 45.000 en € 125.000", 10).split("\n") == [
        "geen",
        "tussen",
        "€ 45.000",
        "en",
        "€ 125.000",
    ]
    assert wrap("bereikbaarheidsdienst_per_jaar", 24).split("\n") == [
        "bereikbaarheidsdienst_",
        "per_jaar",
    ]
