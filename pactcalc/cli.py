"""The command line: options in, library calls, output, exit code. Nothing more.

Exit codes: 0 all well; 1 a check does not hold (``check``); 2 invalid input or usage.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from pactcalc import __version__
from pactcalc.api import Document, run_file
from pactcalc.i18n import t
from pactcalc.problems import Problem, format_problem

app = typer.Typer(
    name="pactcalc",
    help="Business cases for PACT agreements in the Dutch social domain: each partner's "
    "effort in euros, the budget and its headroom, savings, NPV and payback.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    """The formats of run, sensitivity and simulate."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class Case(str, Enum):
    beschermd_wonen = "beschermd-wonen"
    crisis = "crisis"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Output language; default: the scenario's `language`, else nl."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False
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


def _language(option: Lang | None, document: Document | None) -> str:
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
        _print_problems(document.problems, document, language, err=True)
        raise typer.Exit(2)
    return document, language


def _print_problems(
    problems: list[Problem], document: Document, lang: str, err: bool = False
) -> None:
    for problem in problems:
        typer.echo(format_problem(problem, lang, document.loaded.text), err=err)


def _refuse_input(path: Path, inputs: list[Path], lang: str) -> None:
    for source in inputs:
        if path.exists() and source.exists() and path.resolve() == source.resolve():
            _fail(Problem("PC020", str(path), args={"path": str(path)}), lang)


def write_file_atomic(path: Path, write: Any, lang: str) -> None:
    """Let ``write(temporary_path)`` make the file, then rename it into place, so that a
    reader never sees half a file and a failure leaves nothing behind."""
    import tempfile  # only when a file is written: keeps start-up quick

    directory = path.parent if str(path.parent) else Path(".")
    temp = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
        os.close(handle)
        write(temp)
        # mkstemp makes the file private (0600); a report is meant to be shared, so it
        # gets the mode any new file gets here (0666 less the umask), as `init` does.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as error:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        reason = error.strerror or str(error)
        _fail(Problem("PC023", str(path), args={"path": str(path), "reason": reason}), lang)


def write_atomic(path: Path, text: str, inputs: list[Path], lang: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`write_file_atomic`). Refuses to
    overwrite an input file."""
    _refuse_input(path, inputs, lang)

    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)

    write_file_atomic(path, write, lang)


def _fail(problem: Problem, lang: str) -> None:
    typer.echo(format_problem(problem, lang), err=True)
    raise typer.Exit(2)


@app.command()
def run(
    file: Annotated[
        Path, typer.Argument(help="The scenario file (YAML).", dir_okay=False, metavar="FILE")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """Compute a scenario and show its business case.

    Tables answer first: effort, budget and headroom, investment, savings, NPV, payback;
    then each partner's effort per year, the year-by-year table, who pays and who
    benefits, the checks, warnings, sources and assumptions. Exits 0 when the file is
    valid, also when a check does not hold (gating is `pactcalc check`'s job); 2 when it
    is invalid, with every problem at file:line:col.

    Example: pactcalc run examples/beschermd-wonen.yaml --lang en --format json
    """
    document, language = _computed(file, lang)
    assert document.result is not None and document.scenario is not None
    text = _render(document, output_format, language, to_terminal=output is None)
    if output is not None:
        write_atomic(output, text, [file], language)
        typer.echo(t("written", language, path=output), err=True)
    elif text:
        typer.echo(text, nl=False)


def _render(document: Document, output_format: OutputFormat, lang: str, to_terminal: bool) -> str:
    if output_format is OutputFormat.json:
        from pactcalc.render import json as renderer

        return renderer.render(document, lang)
    if output_format is OutputFormat.csv:
        from pactcalc.render import csv as renderer_csv

        return renderer_csv.render(document, lang)
    if output_format is OutputFormat.markdown:
        from pactcalc.render import markdown

        return markdown.render(document, lang)
    from pactcalc.render import terminal

    if to_terminal:
        from rich.console import Console

        console = Console()
        console.width = max(console.width, terminal.required_width(document, lang))
        console.print(terminal.renderable(document, lang), crop=False)
        return ""
    return terminal.render(document, lang)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


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
    from pactcalc.checking import check_paths
    from pactcalc.render import checks as check_formats

    language = lang.value if lang else "nl"
    if output_format is None:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = CheckFormat.github if in_actions else CheckFormat.text
    run_ = check_paths(paths, skip_named_others=skip_other_yaml)
    if not run_.reports:
        where = ", ".join(map(str, paths))
        _fail(Problem("PC022", where, args={"path": where}), language)
    text = check_formats.render(run_, output_format.value, language, quiet)
    if output is not None:
        write_atomic(output, text, list(paths), language)
    else:
        typer.echo(text, nl=False)
    raise typer.Exit(run_.exit_code)


REPORT_SUFFIXES = (".html", ".xlsx", ".md", ".csv")


@app.command()
def report(
    file: Annotated[
        Path, typer.Argument(help="The scenario file (YAML).", dir_okay=False, metavar="FILE")
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="The report: .html (one self-contained page), .xlsx (Excel with live "
            "formulas), .md (Markdown, charts as SVG files beside it) or .csv (year by year).",
        ),
    ],
    lang: LangOption = None,
) -> None:
    """Write a report an advisor can hand to a municipality.

    The format follows the extension of --output. The answer first (does the budget
    suffice, when does the investment pay back, who pays and who benefits), charts, the
    tables, the checks, the inputs with their sources and the audit trail of every
    headline figure. Files are written atomically; nothing is written for an invalid
    scenario.

    Example: pactcalc report examples/beschermd-wonen.yaml --output bw.html
    """
    language_option = lang
    suffix = output.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        _fail(
            Problem(
                "PC025",
                str(output),
                args={"suffix": suffix or "''", "choices": ", ".join(REPORT_SUFFIXES)},
            ),
            language_option.value if language_option else "nl",
        )
    document, language = _computed(file, lang)
    assert document.result is not None and document.scenario is not None
    from pactcalc.uncertainty import analyse

    assert document.scenario is not None
    analysis = (
        analyse(document.scenario, document.checks) if suffix in (".html", ".md", ".xlsx") else None
    )
    if suffix == ".html":
        from pactcalc.render import html

        write_atomic(output, html.render(document, language, analysis), [file], language)
    elif suffix == ".xlsx":
        from pactcalc.render import xlsx

        _refuse_input(output, [file], language)
        write_file_atomic(
            output, lambda path: xlsx.write(document, path, language, analysis), language
        )
    elif suffix == ".csv":
        from pactcalc.render import csv as report_csv

        write_atomic(output, report_csv.render(document, language), [file], language)
    else:
        from pactcalc.render import markdown
        from pactcalc.render.charts import all_charts
        from pactcalc.render.uncertainty import section_charts

        charts = {
            **all_charts(document.result, language),
            **section_charts(analysis, document.result, language),
        }
        files = {name: f"{output.stem}-{name}.svg" for name in charts}
        for name, svg in charts.items():
            write_atomic(output.with_name(files[name]), svg, [file], language)
        write_atomic(output, markdown.render(document, language, files, analysis), [file], language)
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
    from pactcalc.render import compare as render_compare

    if len(files) < 2:
        raise typer.BadParameter("give two or more scenario files", param_hint="FILE...")

    documents = [run_file(f, str(f)) for f in files]
    language = lang.value if lang else _language(None, documents[0])
    invalid = [d for d in documents if d.result is None]
    for document in invalid:
        _print_problems(document.problems, document, language, err=True)
    if invalid:
        raise typer.Exit(2)
    results = [d.result for d in documents if d.result is not None]
    comparison = compare_results(results)
    if output is None:
        from rich.console import Console
        from rich.table import Table as RichTable

        header, rows = render_compare.table(comparison, results, language)
        table = RichTable(
            title=t("compare_title", language), title_justify="left", header_style="bold"
        )
        for i, head in enumerate(header):
            table.add_column(head, justify="left" if i == 0 else "right", overflow="fold")
        for row in rows:
            table.add_row(*row)
        Console().print(table, crop=False)
        return
    suffix = output.suffix.lower()
    if suffix == ".xlsx":
        _refuse_input(output, list(files), language)
        write_file_atomic(
            output, lambda path: render_compare.xlsx(comparison, results, language, path), language
        )
    elif suffix in (".html", ".md", ".csv"):
        text = {
            ".html": lambda: render_compare.html(comparison, results, language),
            ".md": lambda: render_compare.markdown(comparison, results, language),
            ".csv": lambda: render_compare.as_csv(comparison),
        }[suffix]()
        write_atomic(output, text, list(files), language)
    else:
        _fail(
            Problem(
                "PC025",
                str(output),
                args={"suffix": suffix or "''", "choices": ".html, .md, .xlsx, .csv"},
            ),
            language,
        )
    typer.echo(t("written", language, path=output), err=True)


def _emit(shown: Any, output: Path | None, inputs: list[Path], language: str) -> None:
    """Print text, or a rich renderable (the table format) on a console wide enough for
    it; or write either, as text, to --output."""
    from pactcalc.render.uncertainty import required_width, to_text

    text = shown if isinstance(shown, str) else None
    if output is not None:
        write_atomic(output, text if text is not None else to_text(shown), inputs, language)
        typer.echo(t("written", language, path=output), err=True)
    elif text is not None:
        typer.echo(text, nl=False)
    else:
        from rich.console import Console

        console = Console()
        console.width = max(console.width, required_width(shown))
        console.print(shown, crop=False)


@app.command()
def sensitivity(
    file: Annotated[
        Path, typer.Argument(help="The scenario file (YAML).", dir_okay=False, metavar="FILE")
    ],
    metric: Annotated[
        str,
        typer.Option(
            "--metric", "-m", help="The metric: npv, headroom_min, payback_years, savings_total, …"
        ),
    ] = "npv",
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """One-way sensitivity: a tornado of the parameters with a range, and switching values.

    For each parameter with low and high: the metric with that parameter at low and at
    high (all others at their value), ordered by swing; and its switching value — where
    the metric reaches its threshold (0 for npv and headroom_min, or the bound of a check
    such as payback_years <= 3) — as a value and a change in %, or "none between X and Y".

    Example: pactcalc sensitivity examples/beschermd-wonen.yaml --metric headroom_min
    """
    from pactcalc import uncertainty
    from pactcalc.model import METRICS
    from pactcalc.problems import suggestion
    from pactcalc.render import uncertainty as render

    document, language = _computed(file, lang)
    assert document.result is not None and document.scenario is not None
    if metric not in METRICS:
        _fail(
            Problem(
                "PC026",
                str(file),
                args={
                    "name": metric,
                    "suggestion": suggestion(metric, METRICS),
                    "choices": ", ".join(METRICS),
                },
            ),
            language,
        )
    result = uncertainty.sensitivity(document.scenario, metric, document.checks)
    scenario = document.scenario
    renderers = {
        OutputFormat.json: render.sensitivity_json,
        OutputFormat.csv: render.sensitivity_csv,
        OutputFormat.markdown: render.sensitivity_markdown,
        OutputFormat.table: render.sensitivity_renderable,
    }
    _emit(renderers[output_format](result, scenario, language), output, [file], language)


@app.command()
def simulate(
    file: Annotated[
        Path, typer.Argument(help="The scenario file (YAML).", dir_okay=False, metavar="FILE")
    ],
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
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
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
    from pactcalc.render import uncertainty as render

    document, language = _computed(file, lang)
    assert document.result is not None and document.scenario is not None
    result = uncertainty.simulate(document.scenario, document.checks, samples, seed)
    renderers = {
        OutputFormat.json: render.simulation_json,
        OutputFormat.csv: render.simulation_csv,
        OutputFormat.markdown: render.simulation_markdown,
        OutputFormat.table: render.simulation_renderable,
    }
    _emit(renderers[output_format](result, language), output, [file], language)


@app.command()
def explain(
    file: Annotated[
        Path, typer.Argument(help="The scenario file (YAML).", dir_okay=False, metavar="FILE")
    ],
    name: Annotated[
        str,
        typer.Argument(
            help="A metric (npv, headroom_min, payback_years, …) or the name of a line."
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
    from pactcalc import explain as trails
    from pactcalc.problems import suggestion
    from pactcalc.render import terminal

    document, language = _computed(file, lang)
    assert document.result is not None and document.scenario is not None
    trail = trails.explain(document.result, name, language)
    if trail is None:
        known = trails.names(document.result)
        _fail(
            Problem("PC024", str(file), args={"name": name, "suggestion": suggestion(name, known)}),
            language,
        )
    assert trail is not None
    from rich.console import Console

    Console().print(terminal.explain_renderable(trail, language), crop=False)


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
        with open(path, "x", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except FileExistsError:
        _fail(Problem("PC021", str(path), args={"path": str(path)}), language)
    except OSError as error:
        _fail(
            Problem("PC023", str(path), args={"path": str(path), "reason": error.strerror}),
            language,
        )
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
        write_atomic(output, text, [], "nl")
    else:
        typer.echo(text, nl=False)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``pactcalc`` script."""
    return app(args=argv, prog_name="pactcalc")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
