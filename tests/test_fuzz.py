"""Fuzzing the CLI: damaged scenario files never produce a traceback.

The example files are mutated at random (lines deleted, duplicated, swapped or indented;
YAML tokens such as ``: - [ { & * ! % , 010 no 12:30 ~`` or random characters inserted;
the text truncated; random bytes spliced in) and fed to ``pactcalc run --format json
--output OUT`` and ``pactcalc check``. Whatever the input (STYLE.md: "No traceback ever
reaches a user for bad input"):

* no traceback in the output and no exception other than SystemExit;
* ``run`` exits 0 (valid) or 2 (invalid); ``check`` exits 0, 1 or 2;
* ``run`` writes the output file exactly when it exits 0 (valid JSON), and leaves no
  temporary file behind.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES as SCENARIO_EXAMPLES
from conftest import runner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import mutated_texts

from pactcalc.cli import app

EXAMPLES = [path.read_text(encoding="utf-8") for path in SCENARIO_EXAMPLES]


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    # One folder for all examples (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory(prefix="pactcalc-fuzz-") as name:
        yield Path(name)


def _no_crash(result: object, what: str) -> None:
    output = getattr(result, "output", "")
    exception = getattr(result, "exception", None)
    assert "Traceback" not in output, (what, output)
    assert exception is None or isinstance(exception, SystemExit), (what, repr(exception), output)


def run_and_check(folder: Path, content: str | bytes) -> None:
    scenario = folder / "scenario.yaml"
    out = folder / "out.json"
    for stale in folder.iterdir():
        stale.unlink()
    scenario.write_bytes(
        content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    )

    ran = runner.invoke(app, ["run", str(scenario), "--format", "json", "--output", str(out)])
    _no_crash(ran, "run")
    assert ran.exit_code in (0, 2), ("run", ran.exit_code, ran.output)
    if ran.exit_code == 2:
        assert not out.exists()
        assert ran.output.strip(), "exit 2 without saying why"
    else:
        json.loads(out.read_text(encoding="utf-8"))
    leftovers = sorted(p.name for p in folder.iterdir())
    assert leftovers in (["scenario.yaml"], ["out.json", "scenario.yaml"]), leftovers

    checked = runner.invoke(app, ["check", str(scenario)])
    _no_crash(checked, "check")
    assert checked.exit_code in (0, 1, 2), ("check", checked.exit_code, checked.output)
    # The two commands agree on validity: run refuses exactly the files check calls invalid.
    assert (ran.exit_code == 2) == (checked.exit_code == 2), (ran.output, checked.output)


@pytest.mark.slow
@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_texts(EXAMPLES))
def test_mutated_examples_never_crash_the_cli(folder: Path, content: str | bytes) -> None:
    run_and_check(folder, content)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, database=None)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.text(
            alphabet=st.sampled_from(list(":-[]{}&*!%,~'\"#|>?@` \n\t0123456789ab")), max_size=80
        ),
    )
)
def test_random_input_never_crashes_the_cli(folder: Path, content: str | bytes) -> None:
    run_and_check(folder, content)


def test_unmutated_examples_are_valid(folder: Path) -> None:
    """The fuzz starts from valid files: each example runs (exit 0) as it is."""
    written = []
    for text in EXAMPLES:
        run_and_check(folder, text)
        assert (folder / "out.json").exists()
        written.append(json.loads((folder / "out.json").read_text(encoding="utf-8")))
    assert len(EXAMPLES) >= 1
    # each output is the run of its own example, by file name: its `name`, and the years
    # start_year … start_year + years − 1 (5 years each): 2021–2025 for beschermd-wonen,
    # 2020–2024 for crisisinterventie-jeugd, 2022–2026 for schuldhulpverlening
    assert [(run["scenario"], run["years"]) for run in written] == [
        ("Beschermd Wonen — ambulante ondersteuning voor 30 inwoners", list(range(2021, 2026))),
        ("Crisisinterventie jeugd — één triage voor de regio", list(range(2020, 2025))),
        ("Vroegsignalering schulden — eerder erbij, minder ontruimingen", list(range(2022, 2027))),
    ]
