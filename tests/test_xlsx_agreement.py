"""The workbook of a scenario with an agreement (DOMAIN.md §7): the terms on the Inputs
sheet as named input cells, each rule's transfers as live formulas on the Agreement
sheet, each partner's settlement and net after the agreement on the Partners sheet.

Every workbook is recalculated with the ``formulas`` package and compared, cell by cell,
to the engine; then a term is changed in the workbook and the recalculated settlement is
compared to arithmetic written beside the assertion."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

openpyxl = pytest.importorskip("openpyxl")

from test_xlsx import (  # noqa: E402 (the shared helpers of the workbook tests)
    Book,
    assert_matches_engine,
    close,
    find_row,
    formulas_values,
)

from pactcalc.engine import Result  # noqa: E402
from pactcalc.pipeline import Document, evaluate, load_scenario_text  # noqa: E402
from pactcalc.render import xlsx  # noqa: E402

HEAD = """\
pactcalc: 1
name: Pact
start_year: 2024
years: {years}
partners:
  - {{id: gemeente, name: Gemeente}}
  - {{id: wmo, name: Wmo-aanbieder}}
  - {{id: bw, name: BW-instelling}}
  - {{id: zk, name: Zorgkantoor}}
"""

# Overrun beyond the band: C = uren·10 = 1200 a year, L = 1000, D = 200, b·L = 50,
# X = 150, s·X = 75: the gemeente pays the provider L − C + s·X = −125 a year.
CORRIDOR = """\
parameters:
  uren: {value: 120}
baseline: [{name: Zorg, partner: gemeente, amount: 3000}]
budget: [{name: Wmo-budget, partner: gemeente, amount: 5000}]
effort: [{name: Begeleiding, partner: wmo, amount: "uren * 10"}]
agreement:
  - {name: Lumpsum Wmo, rule: lumpsum, payer: gemeente, receiver: wmo, amount: 1000,
     corridor: {band: 0.05, share: 0.5}}
"""

# Per year: B = 1000; cost 500 in 2024 (G = 500, rate 50 %: shared 0.6·500 = 300 > cap
# 0.1·1000 = 100, so bw gets 100·0.5/0.6 = 83.33…, zk 16.67) and 1300 in 2025 (G = −300:
# bw pays 0.4·300 = 120 > losses cap 0.05·1000 = 50, so bw pays 50).
GAIN_SHARE = """\
parameters:
  kosten: {value: 1}
series:
  inzet: [500, 1300]
baseline: [{name: Zorg, partner: gemeente, amount: 1000}]
effort: [{name: Inzet, partner: wmo, amount: "inzet * kosten", paid_from: own}]
agreement:
  - {name: Gedeelde besparing, rule: gain_share, payer: gemeente, period: year,
     shares: {bw: 0.5, zk: 0.1}, cap: 0.1, minimum_rate: 0.02,
     losses: {shares: {bw: 0.4}, cap: 0.05}}
"""

# Over the horizon (booked in 2026): B = 3·1000, cost 3·400, G = 1800, rate 60 %:
# bw gets 0.5·1800 = 900 in 2026 (no cap), nothing before.
GAIN_SHARE_HORIZON = """\
baseline: [{name: Zorg, partner: gemeente, amount: 1000}]
effort: [{name: Inzet, partner: wmo, amount: 400, paid_from: own}]
agreement:
  - {name: Besparing, rule: gain_share, payer: gemeente, shares: {bw: 0.5}}
"""

# K = 12 each year, R = 5: 7 units · 100 = 700, capped at 600 a year; the total cap 1500
# leaves 1500 − 600 − 600 = 300 for 2026.
OUTCOME = """\
parameters:
  ambulant: {value: 12}
baseline: [{name: Zorg, partner: gemeente, amount: 1000}]
kpis:
  uitstroom: {name: Uitstroom, unit: inwoners, direction: higher, value: ambulant,
              reference: 5}
  crises: {name: Crises, direction: lower, value: "ambulant - 2", reference: 12}
agreement:
  - {name: Resultaat, rule: outcome_payment, payer: zk, receiver: bw, kpi: uitstroom,
     price: 100, cap: 600, total_cap: 1500}
  - {name: Minder crises, rule: outcome_payment, payer: gemeente, receiver: wmo,
     kpi: crises, price: 10}
"""

# Only in 2025 and 2026 of 2024–2027: the contribution and the lumpsum (L = 1000, C =
# 800: the provider keeps 200) transfer nothing in 2024 and 2027.
FROM_UNTIL = """\
indexation: 0.1
budget: [{name: Wmo-budget, partner: gemeente, amount: 5000}]
effort: [{name: Begeleiding, partner: wmo, amount: 800}]
agreement:
  - {name: Bijdrage, rule: contribution, payer: zk, receiver: gemeente, amount: 500,
     from: 2025, until: 2026}
  - {name: Lumpsum, rule: lumpsum, payer: gemeente, receiver: wmo, amount: 1000,
     from: 2025, until: 2026}
"""

SCENARIOS = {
    "corridor": (CORRIDOR, 2),
    "gain_share": (GAIN_SHARE, 2),
    "gain_share_horizon": (GAIN_SHARE_HORIZON, 3),
    "outcome": (OUTCOME, 3),
    "from_until": (FROM_UNTIL, 4),
}


def document(body: str, years: int) -> Document:
    found = evaluate(load_scenario_text(HEAD.format(years=years) + body, "pact.yaml"))
    assert found.ok, [p.message("en") for p in found.problems]
    assert found.result is not None
    return found


def recalculated(found: Document, path: Path, lang: str = "nl") -> Book:
    xlsx.write(found, path, lang)
    return Book(path, formulas_values(path), lang)


def transfer_rows(book: Book) -> list[int]:
    """The Agreement sheet's transfer rows, in the order of the rules and their transfers."""
    sheet = book.sheet("agreement")
    name = xlsx.label("transfer", book.lang)
    return [row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == name]


def assert_agreement_matches_engine(book: Book, result: Result) -> None:
    """Every transfer cell, every settlement and net-after cell equals the engine's."""
    n = len(result.years)
    agreement = book.sheet("agreement")
    transfers = [t for rule in result.agreement for t in rule.transfers]
    rows = transfer_rows(book)
    assert len(rows) == len(transfers)
    for row, transfer in zip(rows, transfers, strict=True):
        assert agreement.cell(row, 2).value == f"{transfer.payer} → {transfer.receiver}"
        for t in range(n):
            got = book.value(agreement, row, 3 + t)
            want = float(np.asarray(transfer.per_year).reshape(-1)[t])
            assert close(got, want), (transfer.payer, transfer.receiver, result.years[t], got)
        assert close(book.value(agreement, row, 3 + n), float(transfer.total))
    partners = book.sheet("partners")
    for key, field in (
        ("settlement", "settlement_per_year"),
        ("net_settled", "net_settled_per_year"),
    ):
        title = find_row(partners, 1, xlsx.label(key, book.lang))
        for index, partner in enumerate(result.partners):
            row = title + 1 + index
            assert partners.cell(row, 1).value == partner.id
            series = np.asarray(getattr(partner, field)).reshape(-1)
            for t in range(n):
                got = book.value(partners, row, 3 + t)
                assert close(got, series[t]), (key, partner.id, result.years[t], got)
            assert close(book.value(partners, row, 3 + n), series.sum()), (key, partner.id)
        # every year the settlements add up to zero; the nets after it to the net
        total = title + 1 + len(result.partners)
        for t in range(n):
            want = 0.0 if key == "settlement" else float(result.net_per_year[t])
            assert close(book.value(partners, total, 3 + t), want)
    # the who-pays table: settlement and net after the agreement as its last two columns
    table = find_row(partners, 1, xlsx.label("partners_totals", book.lang)) + 1
    assert partners.cell(table, 7).value == xlsx.label("settlement", book.lang)
    for index, partner in enumerate(result.partners):
        row = table + 1 + index
        assert close(book.value(partners, row, 7), float(partner.total("settlement_total")))
        assert close(book.value(partners, row, 8), float(partner.total("net_settled_total")))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_transfers_settlements_and_nets_recalculate_to_the_engine(
    name: str, tmp_path: Path
) -> None:
    body, years = SCENARIOS[name]
    found = document(body, years)
    assert found.result is not None
    book = recalculated(found, tmp_path / f"{name}.xlsx")
    assert_matches_engine(book, found.result)  # the sheets of the business case too
    assert_agreement_matches_engine(book, found.result)


def engine_transfers(body: str, years: int) -> list[list[float]]:
    result = document(body, years).result
    assert result is not None
    return [np.asarray(t.per_year).tolist() for r in result.agreement for t in r.transfers]


def assert_close(got: Any, want: Any) -> None:
    np.testing.assert_allclose(np.asarray(got, dtype=float), want, rtol=1e-9, atol=1e-6)


def test_the_engine_settles_the_scenarios_as_their_arithmetic_says() -> None:
    """The arithmetic beside each scenario, so that the workbook is compared to known
    numbers, not only to the engine."""
    assert_close(engine_transfers(CORRIDOR, 2), [[-125, -125]])
    bw, zk = engine_transfers(GAIN_SHARE, 2)
    # 2024: capped pro rata (100 · 0.5/0.6, 100 · 0.1/0.6); 2025: bw pays the capped 50
    assert bw == pytest.approx([100 * 0.5 / 0.6, -50])
    assert zk == pytest.approx([100 * 0.1 / 0.6, 0])
    assert_close(engine_transfers(GAIN_SHARE_HORIZON, 3), [[0, 0, 900]])
    # crises: K = 10, R = 12, lower: 2 units · 10 = 20 a year
    assert_close(engine_transfers(OUTCOME, 3), [[600, 600, 300], [20, 20, 20]])
    # 500 · 1.1^(y − 2024) in 2025–26; L = 1000 · 1.1^…, C = 800 · 1.1^…: L − C = 200 · 1.1^…
    assert_close(engine_transfers(FROM_UNTIL, 4), [[0, 550, 605, 0], [0, 220, 242, 0]])


def term_cells(book: Any, name: str) -> list[Any]:
    """The Inputs cells a defined name refers to (a cell or the row of years)."""
    destinations = list(book.defined_names[name].destinations)
    assert len(destinations) == 1, destinations
    sheet, cells = destinations[0]
    found = book[sheet][cells.replace("$", "")]
    return [cell for row in found for cell in row] if isinstance(found, tuple) else [found]


@pytest.mark.slow
def test_changing_the_lumpsum_moves_the_settlement_and_the_nets(tmp_path: Path) -> None:
    """Issue 11's "done when": change the lumpsum on the Inputs sheet, recompute, and
    the settlement and the partners' nets follow."""
    found = document(CORRIDOR, 2)
    before = found.result
    assert before is not None
    path = tmp_path / "pact.xlsx"
    xlsx.write(found, path, "nl")
    workbook = openpyxl.load_workbook(path)
    cells = term_cells(workbook, "rule1_amount")
    assert [cell.value for cell in cells] == [1000, 1000]
    for cell in cells:
        cell.value = 1100
    changed = tmp_path / "changed.xlsx"
    workbook.save(changed)
    book = Book(changed, formulas_values(changed))
    # L = 1100, C = 1200: D = 100, b·L = 55, X = 45, s·X = 22.5;
    # L − C + s·X = 1100 − 1200 + 22.5 = −77.5 a year (was −125)
    (row,) = transfer_rows(book)
    agreement = book.sheet("agreement")
    assert [book.value(agreement, row, 3 + t) for t in range(2)] == pytest.approx([-77.5] * 2)
    partners = book.sheet("partners")
    settlement = find_row(partners, 1, xlsx.label("settlement", "nl"))
    net_settled = find_row(partners, 1, xlsx.label("net_settled", "nl"))
    ids = [p.id for p in before.partners]
    gemeente, wmo = 1 + ids.index("gemeente"), 1 + ids.index("wmo")
    # the gemeente pays −77.5 (receives 77.5), the provider receives −77.5
    assert book.value(partners, settlement + gemeente, 3) == pytest.approx(77.5)
    assert book.value(partners, settlement + wmo, 3) == pytest.approx(-77.5)
    # nets before: gemeente 3000 − 1200 = 1800 a year, wmo 0; after: 1877.5 and −77.5,
    # over the two years 3755 and −155 (the who-pays table's last column)
    assert book.value(partners, net_settled + gemeente, 3) == pytest.approx(1877.5)
    assert book.value(partners, net_settled + wmo, 3) == pytest.approx(-77.5)
    table = find_row(partners, 1, xlsx.label("partners_totals", "nl")) + 1
    assert book.value(partners, table + gemeente, 8) == pytest.approx(3755)
    assert book.value(partners, table + wmo, 8) == pytest.approx(-155)
    # and the engine, with the lumpsum written as 1100, agrees cell by cell
    moved = document(CORRIDOR.replace("amount: 1000", "amount: 1100"), 2).result
    assert moved is not None
    assert_agreement_matches_engine(book, moved)


@pytest.mark.slow
def test_a_realised_cost_moves_the_settlement_not_the_terms(tmp_path: Path) -> None:
    """Terms are fixed at signing: raise the hours on the Inputs sheet, and the covered
    cost C moves while L stays; the transfer follows the corridor."""
    found = document(CORRIDOR, 2)
    path = tmp_path / "pact.xlsx"
    xlsx.write(found, path, "nl")
    workbook = openpyxl.load_workbook(path)
    (cell,) = term_cells(workbook, "uren")
    cell.value = 80
    changed = tmp_path / "changed.xlsx"
    workbook.save(changed)
    book = Book(changed, formulas_values(changed))
    # underrun beyond the band: C = 800, D = −200, X = −150, s·X = −75;
    # L − C + s·X = 200 − 75 = 125 a year
    (row,) = transfer_rows(book)
    agreement = book.sheet("agreement")
    assert [book.value(agreement, row, 3 + t) for t in range(2)] == pytest.approx([125.0] * 2)


@pytest.mark.slow
def test_changing_from_until_moves_the_rule_years(tmp_path: Path) -> None:
    """A rule's years are inputs too: with until 2025 the 2026 transfers are 0."""
    found = document(FROM_UNTIL, 4)
    path = tmp_path / "pact.xlsx"
    xlsx.write(found, path, "nl")
    workbook = openpyxl.load_workbook(path)
    for name in ("rule1_until", "rule2_until"):
        (cell,) = term_cells(workbook, name)
        assert cell.value == 2026
        cell.value = 2025
    changed = tmp_path / "changed.xlsx"
    workbook.save(changed)
    book = Book(changed, formulas_values(changed))
    agreement = book.sheet("agreement")
    got = [[book.value(agreement, row, 3 + t) for t in range(4)] for row in transfer_rows(book)]
    assert_close(got, [[0, 550, 0, 0], [0, 220, 0, 0]])


def test_terms_and_sheets(tmp_path: Path) -> None:
    """The Agreement sheet sits after Partners; every term has its defined name; a
    scenario without an agreement keeps its sheets."""
    found = document(GAIN_SHARE, 2)
    path = tmp_path / "pact.xlsx"
    xlsx.write(found, path, "en")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "Summary",
        "Year by year",
        "Partners",
        "Agreement",
        "Lines",
        "Inputs",
    ]
    for name in (
        "rule1_from",
        "rule1_until",
        "rule1_benchmark",
        "rule1_minimum_rate",
        "rule1_cap",
        "rule1_share_bw",
        "rule1_share_zk",
        "rule1_loss_share_bw",
        "rule1_loss_minimum_rate",
        "rule1_loss_cap",
    ):
        assert name in workbook.defined_names, name
    (share,) = term_cells(workbook, "rule1_share_bw")
    assert share.value == 0.5
    assert share.number_format == xlsx.PERCENT_FORMAT
    plain = document("baseline: [{name: Zorg, partner: gemeente, amount: 1000}]\n", 2)
    xlsx.write(plain, tmp_path / "plain.xlsx", "en")
    assert openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames == [
        "Summary",
        "Year by year",
        "Partners",
        "Lines",
        "Inputs",
    ]


@pytest.mark.slow
def test_english_workbook_recalculates_with_live_kpis(tmp_path: Path) -> None:
    found = document(OUTCOME, 3)
    result = found.result
    assert result is not None
    book = recalculated(found, tmp_path / "en.xlsx", "en")
    assert_agreement_matches_engine(book, result)
    # the KPI rows are live formulas over the parameters: crises = ambulant − 2 = 10
    agreement = book.sheet("agreement")
    row = find_row(agreement, 1, "Crises")
    assert agreement.cell(row, 3).value == "=ambulant-2"
    assert math.isclose(book.value(agreement, row, 3), 10.0)
    assert book.value(agreement, row, 3 + 3) == pytest.approx(30.0)
