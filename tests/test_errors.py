"""The error catalogue, hledger style: one scenario per problem code in ``tests/errors/``.

``PCxxx-slug.yaml`` triggers exactly the problem ``PCxxx``; ``PCxxx-slug.expected`` is what
``pactcalc check FILE --lang en`` prints for it, minus the summary line, with the path
written as ``FILE`` (``PCxxx-slug.nl.expected``: the same with ``--lang nl``). The expected
files were reviewed by hand (line and column counted, wording and proposed fix read); where
the program is wrong, the expected file holds the *correct* output and the case is listed
in ``XFAIL`` with the reason. Problems that cannot come from a committed file (unreadable,
too large, not UTF-8) are generated here into ``tmp_path``. ``docs/errors.md`` is generated
from the same files (``python -m tools.docs``) and must be up to date.

The actuals cases (``PC5xx``) name a plan in ``tests/errors/plans/``: a scenario that is no
case of its own. Their expected output names it as ``tests/errors/plans/…``, as
``pactcalc check`` prints it when run from the repository's root.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, runner

from pactcalc import loader
from pactcalc.cli import app
from pactcalc.problems import CATALOGUE
from tools.docs import ERRORS_MD, errors_markdown

ERRORS = ROOT / "tests" / "errors"

#: About the command line (paths, the name given to explain), tested in test_cli.py and
#: test_explain.py.
CLI_CODES = {"PC020", "PC021", "PC022", "PC023", "PC024", "PC025", "PC026"}
#: Cannot be a committed file; tested directly below.
DIRECT_CODES = {"PC001", "PC002", "PC004", "PC508"}
#: The plans that the actuals cases name: scenarios, not cases.
PLANS = ERRORS / "plans"

#: Cases where pactcalc's output is wrong; the expected file holds the correct output.
XFAIL: dict[str, str] = {}


def _cases() -> list[tuple[Path, str, Path]]:
    cases = []
    for scenario in sorted(ERRORS.glob("PC*.yaml")):
        for lang, suffix in (("en", ".expected"), ("nl", ".nl.expected")):
            expected = scenario.with_suffix(suffix)
            if expected.is_file():
                cases.append((scenario, lang, expected))
    return cases


CASES = _cases()


def _param(scenario: Path, lang: str, expected: Path) -> object:
    marks = []
    if scenario.stem in XFAIL:
        marks.append(pytest.mark.xfail(reason=XFAIL[scenario.stem], strict=True))
    return pytest.param(scenario, lang, expected, marks=marks, id=f"{scenario.stem}-{lang}")


def _check(path: Path, lang: str = "en") -> tuple[list[str], int]:
    """stdout lines of `pactcalc check PATH --lang LANG` and the exit code."""
    # Inside GitHub Actions `check` defaults to the github format: ask for the plain one.
    result = runner.invoke(app, ["check", str(path), "--lang", lang], env={"GITHUB_ACTIONS": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout.splitlines(), result.exit_code


def _code_of(scenario: Path) -> str:
    return scenario.name.split("-", 1)[0]


@pytest.mark.parametrize(("scenario", "lang", "expected"), [_param(*case) for case in CASES])
def test_catalogue_case(scenario: Path, lang: str, expected: Path) -> None:
    lines, exit_code = _check(scenario, lang)
    assert lines, "no output at all"
    summary, diagnostics = lines[-1], lines[:-1]
    assert "FILE" not in str(scenario)
    actual = "\n".join(diagnostics).replace(str(scenario), "FILE")
    actual = actual.replace(str(ERRORS), "tests/errors") + "\n"  # an actuals case's plan
    wanted = expected.read_text(encoding="utf-8")
    assert actual == wanted
    has_error = re.search(r"^FILE(:\d+)*: error: ", wanted, re.MULTILINE) is not None
    # Warnings never change the exit code: a warning-only case must pass its checks.
    assert exit_code == (2 if has_error else 0), summary


@pytest.mark.parametrize(
    ("scenario", "lang", "expected"), CASES, ids=[f"{s.stem}-{lang}" for s, lang, _ in CASES]
)
def test_case_triggers_its_code_only(scenario: Path, lang: str, expected: Path) -> None:
    """Each case shows the problem it is named after, and nothing else."""
    codes = set(
        re.findall(
            r"^FILE(?::\d+)*: (?:error|warning): (PC\d{3}) ",
            expected.read_text(encoding="utf-8"),
            re.MULTILINE,
        )
    )
    assert codes == {_code_of(scenario)}


def test_every_code_has_a_case() -> None:
    """A new catalogue code without a case in tests/errors/ fails here."""
    covered = {_code_of(scenario) for scenario, _, _ in CASES}
    missing = sorted(set(CATALOGUE) - CLI_CODES - DIRECT_CODES - covered)
    assert not missing, f"no tests/errors/ case for {', '.join(missing)}"


def test_every_case_is_complete() -> None:
    scenarios = sorted(ERRORS.glob("*.yaml"))
    assert scenarios
    for scenario in scenarios:
        assert re.fullmatch(r"PC\d{3}-[a-z0-9-]+\.yaml", scenario.name), scenario.name
        assert _code_of(scenario) in CATALOGUE, scenario.name
        assert scenario.with_suffix(".expected").is_file(), f"{scenario.name}: no .expected"
    for stem in XFAIL:
        assert (ERRORS / f"{stem}.yaml").is_file(), f"XFAIL names a missing case: {stem}"
    for other in ERRORS.iterdir():
        if other == PLANS:
            continue
        assert other.suffix in (".yaml", ".expected"), f"unexpected file {other.name}"
        assert other.with_name(other.name.split(".")[0] + ".yaml").is_file(), other.name


def test_every_plan_is_named_by_a_case_and_valid_or_meant_not_to_be() -> None:
    """The plans beside the actuals cases: each named by one, each valid but the one that
    PC501 is about."""
    from pactcalc.pipeline import load_scenario

    named = {
        line.split(":", 1)[1].strip()
        for case in ERRORS.glob("PC5*.yaml")
        for line in case.read_text(encoding="utf-8").splitlines()
        if line.startswith("scenario:")
    }
    for plan in PLANS.iterdir():
        assert f"plans/{plan.name}" in named, f"no case names {plan.name}"
        assert load_scenario(plan).ok == (plan.name != "invalid-plan.yaml"), plan.name


def test_committed_cases_are_small_utf8() -> None:
    for path in [*ERRORS.glob("*.*"), *PLANS.iterdir()]:
        data = path.read_bytes()
        assert len(data) < 10_000, path.name
        data.decode("utf-8")


# --- problems that cannot be a committed file ---------------------------------------------


def test_pc001_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    lines, exit_code = _check(path)
    assert lines[:-1] == [f"{path}: error: PC001 cannot read the file: not found"]
    assert exit_code == 2


def test_pc001_nl(tmp_path: Path) -> None:
    path = tmp_path / "ontbreekt.yaml"
    lines, exit_code = _check(path, "nl")
    assert lines[:-1] == [f"{path}: error: PC001 kan het bestand niet lezen: niet gevonden"]
    assert exit_code == 2


def test_pc001_unreadable(tmp_path: Path) -> None:
    # A directory cannot be opened as a file (chmod 000 does not stop root).
    loaded = loader.load_file(tmp_path, "FILE")
    assert [p.code for p in loaded.problems] == ["PC001"]
    assert loaded.problems[0].message("en").startswith("cannot read the file: ")
    assert loaded.data is None


def test_pc002_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    body = b"pactcalc: 1\n" + b"# padding\n" * 110_000  # 12 + 1,100,000 bytes
    path.write_bytes(body)
    lines, exit_code = _check(path)
    assert lines[:-1] == [
        f"{path}: error: PC002 the file is 1100012 bytes; a scenario may be at most 1 MiB "
        "(1,048,576 bytes)"
    ]
    assert exit_code == 2


def test_pc002_one_byte_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "limit.yaml"
    path.write_bytes(b"#" * (1_048_576 + 1))
    lines, exit_code = _check(path, "nl")
    assert lines[:-1] == [
        f"{path}: error: PC002 het bestand is 1048577 bytes; een scenario mag hoogstens 1 MiB "
        "(1.048.576 bytes) zijn"
    ]
    assert exit_code == 2


def test_pc004_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    # 'Café' in Latin-1: é is the single byte 0xE9, at line 2, column 10 ("name: Caf" is 9).
    path.write_bytes("pactcalc: 1\nname: Café\n".encode("latin-1"))
    lines, exit_code = _check(path)
    assert lines[:-1] == [
        f"{path}:2:10: error: PC004 the file is not valid UTF-8 text (byte 0xe9); save it as UTF-8"
    ]
    assert exit_code == 2


# --- the generated reference --------------------------------------------------------------


def test_docs_errors_md_is_up_to_date() -> None:
    assert ERRORS_MD.is_file(), "run: python -m tools.docs"
    assert ERRORS_MD.read_text(encoding="utf-8") == errors_markdown(), (
        "docs/errors.md is stale; run: python -m tools.docs"
    )


def test_docs_cover_every_code() -> None:
    text = errors_markdown()
    assert text.splitlines()[0].startswith("<!-- Generated by `python -m tools.docs`")
    for code, spec in CATALOGUE.items():
        assert f"### {code} — {spec.title}\n" in text
    for scenario, _, _ in CASES:
        assert f"Example: `tests/errors/{scenario.name}`" in text


def test_docs_without_examples(tmp_path: Path) -> None:
    """An installed package has no tests/errors/: the reference is made without examples."""
    text = errors_markdown(tmp_path / "absent")
    assert "Example:" not in text
    assert "### PC104 — quoted number" in text


def test_every_problem_word_in_both_languages_with_the_same_placeholders() -> None:
    """The problems area of the catalogue: a template for every code, and every entry
    worded in Dutch and English with the same named placeholders."""
    import string

    from pactcalc.catalogue.problems import WORDS

    assert set(CATALOGUE) <= set(WORDS)
    for key, (nl, en) in WORDS.items():
        assert nl, key
        assert en, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (nl, en)]
        assert fields[0] == fields[1], key


def test_pc508_a_plan_where_actuals_are_expected(tmp_path: Path) -> None:
    """`check` reads a plan as a plan; `monitor` is where a plan given by mistake meets
    the actuals format: one problem that says so, not twenty unknown keys."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("pactcalc: 1\nname: Een plan\nstart_year: 2021\nyears: 1\n", "utf-8")
    result = runner.invoke(app, ["monitor", str(plan), "--lang", "en"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert lines == [
        f"{plan}:1:11: error: PC508 this is a scenario (a plan, 'pactcalc: 1'), not an "
        "actuals file; pactcalc monitor reads a file with 'pactcalc-actuals: 1' that names "
        f"the plan. Write one with: pactcalc init --actuals {plan}"
    ]
