"""The command line: options in, library calls, output, exit code. Nothing more.

Each command parses its options, calls the library and draws the output in the asked
format: ``run``, ``sensitivity`` and ``simulate`` build a report model
(:mod:`pactcalc.report`) and draw it with the format's ``draw``; ``check``, ``report``
and ``compare`` pick their renderer — both from the one table in :mod:`pactcalc.formats`.
Files are written through :mod:`pactcalc.output`; the exit code is 0 all well, 1 a check
does not hold (``check``), 2 invalid input or usage.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from pactcalc import __version__, output
from pactcalc.formats import (
    RENDERERS,
    SUFFIX_FORMATS,
    CheckFormat,
    CsvDialect,
    OutputFormat,
    drawn,
    renderer,
)
from pactcalc.i18n import t
from pactcalc.pipeline import Document, add_problems, run_file
from pactcalc.problems import Problem
from pactcalc.render.diagnostics import format_problem, format_problems
from pactcalc.render.text import inert_lines
from pactcalc.sampled import SimulationError

T = TypeVar("T")

if TYPE_CHECKING:  # pragma: no cover
    pass

app = typer.Typer(
    name="pactcalc",
    help="Business cases for PACT agreements in the Dutch social domain: each partner's "
    "effort in euros, the budget and its headroom, savings, NPV and payback.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


# ------------------------------------------------------------------ formats and renderers


def format_of_suffix(command: str, destination: str, lang: str) -> str:
    """The format ``--output``'s suffix chooses for ``command``; exit 2 (PC025) for a
    suffix it does not write."""
    suffix = Path(destination).suffix.lower()
    chosen = SUFFIX_FORMATS.get(suffix)
    if chosen is None or chosen not in RENDERERS[command]:
        choices = [s for s, f in SUFFIX_FORMATS.items() if f in RENDERERS[command]]
        args = {"suffix": suffix or "''", "choices": ", ".join(choices)}
        fail(Problem("PC025", destination, args=args), lang)
    return chosen


# ----------------------------------------------------------------------- shared options


class Lang(str, Enum):
    """The languages of the output."""

    nl = "nl"
    en = "en"


class Case(str, Enum):
    """The starter scenarios of init."""

    beschermd_wonen = "beschermd-wonen"
    crisis = "crisis"


def _destination(value: str) -> str:
    """An output path as typed: a trailing separator (``newdir/``) is kept, so that
    :mod:`pactcalc.output` refuses a folder's name rather than write a file called
    ``newdir``. An existing folder is a usage error, as click's ``dir_okay=False`` says."""
    if os.path.isdir(value):
        raise typer.BadParameter(t("cli.usage.is_folder", "en", path=value))
    return value


FileArgument = Annotated[
    Path, typer.Argument(help="The scenario file (YAML).", dir_okay=False, metavar="FILE")
]
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Output language; default: the scenario's `language`, else nl."),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of stdout.",
        parser=_destination,
        metavar="<file>",
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


CsvDialectOption = Annotated[
    CsvDialect,
    typer.Option(
        "--csv-dialect",
        help="CSV only: standard (comma, decimal point; for scripts and CI) or excel-nl "
        "(semicolon, decimal comma, UTF-8 mark: opens in Dutch Excel as columns).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pactcalc {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """pactcalc: the business case of a PACT, from a YAML scenario."""


# ----------------------------------------------------------------- problems and output


def _language(option: Lang | None, document: Document | None) -> str:
    """``--lang``, else the scenario's ``language`` (also of one that is invalid), else nl."""
    if option is not None:
        return option.value
    if document is not None and document.scenario is not None:
        return document.scenario.language
    data = document.loaded.data if document is not None else None
    if isinstance(data, dict) and str(data.get("language", "")) in ("nl", "en"):
        return str(data["language"])
    return "nl"


def _computed(file: Path, lang: Lang | None) -> tuple[Document, str]:
    """A valid, computed document and its output language; exit 2 with every problem
    otherwise."""
    document = run_file(file, str(file))
    language = _language(lang, document)
    if document.result is None:
        _print_problems(document, language)
        raise typer.Exit(2)
    return document, language


def _print_problems(document: Document, lang: str) -> None:
    for line in format_problems(document.problems, lang, document.loaded.text):
        typer.echo(line, err=True)


def _simulated(document: Document, lang: str, simulation: Callable[[], T]) -> T:
    """The outcome of ``simulation``; exit 2 with every problem when its samples do not
    fit in memory (PC320) or a sample is not a number (PC321)."""
    try:
        return simulation()
    except SimulationError as error:
        add_problems(document, error.problems)
        _print_problems(document, lang)
        raise typer.Exit(2) from None


def fail(problem: Problem, lang: str) -> NoReturn:
    """Print ``problem`` on stderr and exit 2."""
    typer.echo(format_problem(problem, lang), err=True)
    raise typer.Exit(2)


def _refused(error: output.OutputError, lang: str) -> NoReturn:
    args = {"path": error.path, "reason": error.reason_text(lang)}
    fail(Problem(error.code, error.path, args=args), lang)


def _check_destination(destination: str | None, inputs: Iterable[Path], lang: str) -> None:
    """Refuse a bad ``--output`` before any work is done."""
    if destination is not None:
        try:
            output.check_destination(destination, inputs)
        except output.OutputError as error:
            _refused(error, lang)


def _write(destination: str, content: output.Content, inputs: Iterable[Path], lang: str) -> None:
    """Write one output file (see :mod:`pactcalc.output`); exit 2 when it cannot be."""
    try:
        output.write(destination, content, inputs)
    except output.OutputError as error:
        _refused(error, lang)


#: The width of terminal-format text when no terminal says how wide it is: written to a
#: file (``--output``) always, printed to a pipe (CI, ``| less``) unless ``COLUMNS`` is set.
PLAIN_WIDTH = 100

#: The narrowest width drawn at: below it a table would be all label.
LEAST_WIDTH = 40


def output_width() -> int:
    """The width the terminal format is drawn at on stdout: ``COLUMNS`` when it is set
    (as every terminal program reads it), else the terminal's width, else (stdout is a
    pipe or a file) :data:`PLAIN_WIDTH`; never less than :data:`LEAST_WIDTH`."""
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    elif sys.stdout.isatty():
        width = shutil.get_terminal_size((PLAIN_WIDTH, 24)).columns
    else:
        width = PLAIN_WIDTH
    return max(LEAST_WIDTH, width)


def _plain_text(renderable: Any, width: int) -> str:
    """A rich renderable as plain text, on a console ``width`` wide."""
    import io

    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable, crop=False)
    return console.export_text()


def _show(shown: Any, destination: str | None, inputs: list[Path], lang: str) -> None:
    """Print text, or a rich renderable on a console as wide as :func:`output_width`
    (its tables fit: they wrap, split or stack), no line a CI command
    (:func:`~pactcalc.render.text.inert_lines`); or write either, as text, to
    ``destination`` (a renderable drawn :data:`PLAIN_WIDTH` wide)."""
    if destination is not None:
        text = shown if isinstance(shown, str) else _plain_text(shown, PLAIN_WIDTH)
        _write(destination, text, inputs, lang)
        typer.echo(t("written", lang, path=destination), err=True)
    elif isinstance(shown, str):
        if shown:
            typer.echo(inert_lines(shown), nl=False)
    else:
        typer.echo(inert_lines(_console_text(shown)), nl=False)


def _console_text(renderable: Any) -> str:
    """A rich renderable as the terminal would show it (colours only on a terminal),
    :func:`output_width` wide, as text: printed through :func:`inert_lines`, so that a
    line starting with scenario text (a title, a wrapped source) is never a workflow
    command under GitHub Actions."""
    import io

    from rich.console import Console

    terminal = Console()
    console = Console(
        file=io.StringIO(),
        width=output_width(),
        force_terminal=terminal.is_terminal,
        color_system=terminal.color_system,  # type: ignore[arg-type]
        legacy_windows=False,
    )
    console.print(renderable, crop=False)
    text: str = console.file.getvalue()  # type: ignore[attr-defined]
    return text


# ----------------------------------------------------------------------------- commands


@app.command()
def run(
    file: FileArgument,
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
    csv_dialect: CsvDialectOption = CsvDialect.standard,
) -> None:
    """Compute a scenario and show its business case.

    Tables answer first: effort, budget and headroom, investment, savings, NPV, payback;
    then each partner's effort per year, the year-by-year table, who pays and who
    benefits, the checks, warnings, sources and assumptions. Exits 0 when the file is
    valid, also when a check does not hold (gating is `pactcalc check`'s job); 2 when it
    is invalid, with every problem at file:line:col.

    Example: pactcalc run examples/beschermd-wonen.yaml --lang en --format json
    """
    from pactcalc.report import build

    document, language = _computed(file, lang)
    built = build(document, None, language)
    _show(drawn(output_format, built, csv_dialect), output, [file], language)


@app.command()
def check(
    paths: Annotated[
        list[Path], typer.Argument(help="Scenario files or folders.", metavar="PATH...")
    ],
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text (default), json, junit (JUnit XML) or github "
            "(workflow annotations; the default inside GitHub Actions).",
        ),
    ] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line when all is well.")
    ] = False,
    skip_other_yaml: Annotated[
        bool,
        typer.Option(
            "--skip-other-yaml",
            help="Skip named YAML files without a top-level `pactcalc` key "
            "too (folders always skip them); for pre-commit, which names every file.",
        ),
    ] = False,
) -> None:
    """Validate scenarios, compute them and evaluate their checks, for CI.

    Quiet when everything holds (one summary line). Prints every problem as
    file:line:col and every failing check as
    `file:line:col: check 'payback_years <= 3' failed: …`. Folders are searched for
    *.yaml and *.yml (hidden ones skipped; YAML files without a `pactcalc` key are skipped
    and counted). Exit 0: all checks hold; 1: a check fails; 2: a file is invalid (wins
    over a failing check).

    Example: pactcalc check examples/ --format junit --output report.xml
    """
    from pactcalc.gate import check_paths, scenario_files

    language = lang.value if lang else "nl"
    if output_format is None:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = CheckFormat.github if in_actions else CheckFormat.text
    read, _missing = scenario_files(paths)  # every file the run reads, not its folders
    _check_destination(output, read, language)
    checked = check_paths(paths, skip_named_others=skip_other_yaml)
    for skipped in checked.not_regular:
        typer.echo(t("cli.check.not_regular", language, path=skipped), err=True)
    if not checked.reports:
        where = ", ".join(map(str, paths))
        fail(Problem("PC022", where, args={"path": where}), language)
    text = renderer("check", output_format.value)(checked, language, quiet)
    if output is not None:
        _write(output, text, read, language)
    else:
        typer.echo(text, nl=False)
    raise typer.Exit(checked.exit_code)


@app.command()
def report(
    file: FileArgument,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            parser=_destination,
            metavar="<file>",
            help="The report: .html (one self-contained page), .xlsx (Excel with live "
            "formulas), .md (Markdown, charts as SVG files beside it) or .csv (year by year).",
        ),
    ],
    lang: LangOption = None,
    csv_dialect: CsvDialectOption = CsvDialect.standard,
) -> None:
    """Write a report an advisor can hand to a municipality.

    The format follows the extension of --output. The answer first (does the budget
    suffice, when does the investment pay back, who pays and who benefits), charts, the
    tables, the checks, the inputs with their sources and the audit trail of every
    headline figure. Files are written atomically; nothing is written for an invalid
    scenario.

    Example: pactcalc report examples/beschermd-wonen.yaml --output bw.html
    """
    _check_destination(output, [], lang.value if lang else "nl")  # a folder's name first
    report_format = format_of_suffix("report", output, lang.value if lang else "nl")
    document, language = _computed(file, lang)
    assert document.result is not None
    assert document.scenario is not None
    _check_destination(output, [file], language)  # before a chart is written beside it
    render = renderer("report", report_format)
    if report_format == "csv":
        _write(output, render(document, language, csv_dialect.value), [file], language)
    else:
        from pactcalc.uncertainty import analyse

        scenario = document.scenario
        analysis = _simulated(document, language, lambda: analyse(scenario, document.checks))
        if report_format == "html":
            _write(output, render(document, language, analysis), [file], language)
        elif report_format == "xlsx":
            _write(
                output, lambda path: render(document, path, language, analysis), [file], language
            )
        else:
            from pactcalc.render.charts import all_charts
            from pactcalc.render.figures import section_charts

            charts = {
                **all_charts(document.result, language),
                **section_charts(analysis, document.result, language),
            }
            stem = Path(output).stem
            files = {name: f"{stem}-{name}.svg" for name in charts}
            for name, svg in charts.items():
                _write(str(Path(output).with_name(files[name])), svg, [file], language)
            _write(output, render(document, language, files, analysis), [file], language)
    typer.echo(t("written", language, path=output), err=True)


@app.command()
def compare(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Two or more scenario files; the first is the reference.", metavar="FILE..."
        ),
    ],
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Compare scenarios: the headline metrics side by side, with the differences to the
    first.

    Advisors compare variants (a slower phasing, a higher tariff) this way. Without
    --output a table in the terminal; with --output the format follows the extension
    (.html, .md, .xlsx, .csv).

    Example: pactcalc compare bw.yaml bw-trager.yaml --output vergelijking.html
    """
    from pactcalc.engine import compare_results

    if len(files) < 2:
        # a usage error, framed by click in English: English unless --lang says so
        words = t("cli.compare.two_files", lang.value if lang else "en")
        raise typer.BadParameter(words, param_hint="FILE...")
    documents = [run_file(f, str(f)) for f in files]
    language = lang.value if lang else _language(None, documents[0])
    invalid = [d for d in documents if d.result is None]
    for document in invalid:
        _print_problems(document, language)
    if invalid:
        raise typer.Exit(2)
    compare_format = "table" if output is None else format_of_suffix("compare", output, language)
    results = [d.result for d in documents if d.result is not None]
    comparison = compare_results(results)
    render = renderer("compare", compare_format)
    if output is None:
        _show(render(comparison, results, language), None, [], language)
        return
    if compare_format == "xlsx":
        _write(output, lambda path: render(comparison, path, language), files, language)
    else:
        _write(output, render(comparison, results, language), files, language)
    typer.echo(t("written", language, path=output), err=True)


@app.command()
def sensitivity(
    file: FileArgument,
    metric: Annotated[
        str,
        typer.Option(
            "--metric",
            "-m",
            help="The metric: npv, headroom_min, payback_years, savings_total, …, or one per "
            "partner or KPI such as net_settled_total[wmo] or kpi_last[uitstroom]; a label "
            "the output shows (NCW, terugverdientijd) works too",
        ),
    ] = "npv",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
    csv_dialect: CsvDialectOption = CsvDialect.standard,
) -> None:
    """One-way sensitivity: a tornado of the parameters with a range, and switching values.

    For each parameter with low and high: the metric with that parameter at low and at
    high (all others at their value), ordered by swing; and its switching value — where
    the metric reaches its threshold (0 for npv and headroom_min, or the bound of a check
    such as payback_years <= 3) — as a value and a change in %, or "none between X and Y".

    Example: pactcalc sensitivity examples/beschermd-wonen.yaml --metric headroom_min
    """
    from pactcalc import metrics, uncertainty
    from pactcalc.problems import suggestion
    from pactcalc.report import build_sensitivity

    document, language = _computed(file, lang)
    assert document.scenario is not None
    allowed = metrics.choices(
        [p.id for p in document.scenario.partners], list(document.scenario.kpis)
    )
    chosen = metrics.canonical(metric)  # "NCW", "terugverdientijd", "saldo[wmo]" too
    if chosen not in allowed:
        args = {
            "name": metric,
            "suggestion": suggestion(metric, [*allowed, *metrics.aliases()]),
            "choices": ", ".join(allowed),
        }
        fail(Problem("PC026", str(file), args=args), language)
    result = uncertainty.sensitivity(document.scenario, chosen, document.checks)
    built = build_sensitivity(result, document.scenario, language)
    _show(drawn(output_format, built, csv_dialect), output, [file], language)


@app.command()
def simulate(
    file: FileArgument,
    samples: Annotated[
        int | None,
        typer.Option(
            "--samples",
            "-n",
            min=1,
            max=10_000_000,
            help="Number of draws; default: the scenario's simulation.samples, else 10,000.",
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            min=0,
            help="Seed of the generator; default: the scenario's simulation.seed, else 1.",
        ),
    ] = None,
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
    csv_dialect: CsvDialectOption = CsvDialect.standard,
) -> None:
    """Monte Carlo: draw the parameters with a range and show the spread of the outcome.

    Mean, P5, P50 and P95 of the npv, the lowest headroom, the savings, both paybacks and
    each partner's net; the probabilities (npv > 0, headroom >= 0, payback within the
    horizon and within each checked threshold, each partner's loss) with their standard
    errors; and a histogram of the npv. The same file, seed and samples give the same
    output, byte for byte.

    Example: pactcalc simulate examples/crisisinterventie-jeugd.yaml --seed 7
    """
    from pactcalc import uncertainty
    from pactcalc.report import build_simulation

    document, language = _computed(file, lang)
    assert document.scenario is not None
    scenario = document.scenario
    result = _simulated(
        document,
        language,
        lambda: uncertainty.simulate(scenario, document.checks, samples, seed),
    )
    shown = drawn(output_format, build_simulation(result, language), csv_dialect)
    _show(shown, output, [file], language)


@app.command()
def explain(
    file: FileArgument,
    name: Annotated[
        str,
        typer.Argument(
            help="A metric (npv, headroom_min, payback_years, …, or a label the output "
            "shows, such as NCW or terugverdientijd) or the name of a line."
        ),
    ],
    lang: LangOption = None,
) -> None:
    """Show how one number is made: the audit trail of a metric or a line.

    The formula, then year by year the formula with the values put in and the result,
    what feeds it (lines, other metrics) and the parameters and series it rests on, with
    their sources — so a controller can follow a figure to its inputs.

    Example: pactcalc explain examples/beschermd-wonen.yaml npv
    """
    from pactcalc import metrics
    from pactcalc.explain import names, trace
    from pactcalc.problems import suggestion
    from pactcalc.render import terminal
    from pactcalc.report.trails import word_trail

    document, language = _computed(file, lang)
    assert document.result is not None
    known = names(document.result)
    metric = metrics.by_alias(name)  # "NCW", "terugverdientijd": the labels the output shows
    if name not in known and metric is not None and metric in known:
        name = metric
    trail = trace(document.result, name)
    if trail is None:
        scenario_metrics = metrics.names(metrics.scenario_metrics())
        lines = [line.name for line in document.result.lines]
        args = {
            "name": name,
            "suggestion": suggestion(name, [*known, *metrics.aliases()]),
            "metrics": ", ".join(scenario_metrics),
            "lines": ", ".join(f"'{line}'" for line in lines),
        }
        fail(Problem("PC024", str(file), args=args), language)
    worded = word_trail(trail, language)
    _show(terminal.explain_renderable(worded, language), None, [], language)


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="The new scenario file.", dir_okay=False)],
    case: Annotated[
        Case, typer.Option("--case", help="Which starter scenario.")
    ] = Case.beschermd_wonen,
    lang: LangOption = None,
) -> None:
    """Write a commented starter scenario that passes `pactcalc check`.

    Never overwrites an existing file.

    Example: pactcalc init mijn-scenario.yaml --case crisis
    """
    from importlib.resources import files

    language = lang.value if lang else "nl"
    text = (files("pactcalc") / "templates" / f"{case.value}.yaml").read_text("utf-8")
    try:
        output.create(path, text)
    except output.OutputError as error:
        _refused(error, language)
    typer.echo(t("created", language, path=path))


@app.command()
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of the scenario format (for editors and validators).

    Point an editor at it with a first line
    `# yaml-language-server: $schema=scenario.schema.json`.

    Example: pactcalc schema --output scenario.schema.json
    """
    from pactcalc.model import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        _write(output, text, [], "nl")
    else:
        typer.echo(text, nl=False)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``pactcalc`` script."""
    return app_for(sys.argv[1:] if argv is None else argv)(args=argv, prog_name="pactcalc")


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command that ``args`` start with: typer builds the options of
    every command it holds at each start (about 3 ms for all of them). The whole app for
    anything else: no command, ``--help``, ``--version``, a mistyped name, or shell
    completion (which lists every command)."""
    import copy

    from typer.main import get_command_name

    if not args or any(name.startswith("_PACTCALC_COMPLETE") for name in os.environ):
        return app
    named = [
        info
        for info in app.registered_commands
        if (info.name or get_command_name(info.callback.__name__ if info.callback else ""))
        == args[0]
    ]
    if len(named) != 1:
        return app
    lean = copy.copy(app)
    lean.registered_commands = named
    return lean


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
