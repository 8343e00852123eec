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
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pactcalc import __version__
from pactcalc.cli_options import (
    Case,
    CsvDialectOption,
    FileArgument,
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    euros,
    format_of_suffix,
    language_of,
    output_path,
)
from pactcalc.cli_output import (
    check_destination,
    create,
    fail,
    print_problems,
    show,
    write,
)
from pactcalc.formats import (
    CheckFormat,
    CsvDialect,
    OutputFormat,
    drawn,
    renderer,
)
from pactcalc.i18n import t
from pactcalc.pipeline import (
    ActualsDocument,
    Document,
    add_problems,
    compute_document,
    load_actuals,
    monitor_document,
    read_file,
    run_file,
)
from pactcalc.problems import Problem
from pactcalc.render.diagnostics import format_problems
from pactcalc.sampled import SimulationError

T = TypeVar("T")

app = typer.Typer(
    name="pactcalc",
    help="Business cases for PACT agreements in the Dutch social domain: each partner's "
    "effort in euros, the budget and its headroom, savings, NPV and payback.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


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


def _computed(
    file: Path, lang: Lang | None, read: Document | None = None, checks_simulated: bool = True
) -> tuple[Document, str]:
    """A valid, computed document (of ``file``, or of the scenario ``read`` from it
    already) and its output language; exit 2 with every problem otherwise. Without
    ``checks_simulated`` the checks on a simulation are left out: for the commands that
    show no checks (``simulate`` runs its own simulation)."""
    if read is None:
        document = run_file(file, str(file), checks_simulated)
    else:
        document = compute_document(read, checks_simulated)
    language = language_of(lang, document)
    if document.result is None:
        print_problems(document, language)
        raise typer.Exit(2)
    return document, language


def _simulated(document: Document, lang: str, simulation: Callable[[], T]) -> T:
    """The outcome of ``simulation``; exit 2 with every problem when its samples do not
    fit in memory (PC320) or a sample is not a number (PC321)."""
    try:
        return simulation()
    except SimulationError as error:
        add_problems(document, error.problems)
        print_problems(document, lang)
        raise typer.Exit(2) from None


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
    show(drawn(output_format, built, csv_dialect), output, [file], language)


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Scenario or actuals files, or folders.", metavar="PATH..."),
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
    *.yaml and *.yml (hidden ones skipped; YAML files without a `pactcalc` or
    `pactcalc-actuals` key are skipped and counted). An actuals file is checked on its
    plan's current expectation: a check that fails on it, or a KPI behind its target in a
    final year, fails the file (at the actuals file's line); a KPI behind in a provisional
    year is a warning. Exit 0: all checks hold; 1: a check fails; 2: a file (or an actuals
    file's plan) is invalid (wins over a failing check).

    Example: pactcalc check examples/ --format junit --output report.xml
    """
    from pactcalc.gate import check_paths, scenario_files

    language = lang.value if lang else "nl"
    if output_format is None:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = CheckFormat.github if in_actions else CheckFormat.text
    read, _missing = scenario_files(paths)  # every file the run reads, not its folders
    check_destination(output, read, language)
    checked = check_paths(paths, skip_named_others=skip_other_yaml)
    for skipped in checked.not_regular:
        typer.echo(t("cli.check.not_regular", language, path=skipped), err=True)
    if not checked.reports:
        where = ", ".join(map(str, paths))
        fail(Problem("PC022", where, args={"path": where}), language)
    text = renderer("check", output_format.value)(checked, language, quiet)
    if output is not None:
        write(output, text, read, language)
    else:
        typer.echo(text, nl=False)
    raise typer.Exit(checked.exit_code)


@app.command()
def report(
    file: Annotated[
        Path,
        typer.Argument(
            help="The scenario file, or an actuals file (YAML).", dir_okay=False, metavar="FILE"
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            parser=output_path,
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
    headline figure. Given an actuals file (`pactcalc-actuals: 1`), the monitoring comes
    first (plan against expectation, the variance, KPIs against target; .csv: the
    variance), then the plan's report. Files are written atomically; nothing is written
    for an invalid scenario.

    Example: pactcalc report examples/beschermd-wonen.yaml --output bw.html
    """
    check_destination(output, [], lang.value if lang else "nl")  # a folder's name first
    report_format = format_of_suffix("report", output, lang.value if lang else "nl")
    read = read_file(file, str(file))
    if isinstance(read, ActualsDocument):
        _report_actuals(read, file, output, report_format, lang, csv_dialect)
        return
    document, language = _computed(file, lang, read)
    assert document.result is not None
    assert document.scenario is not None
    check_destination(output, [file], language)  # before a chart is written beside it
    render = renderer("report", report_format)
    if report_format == "csv":
        write(output, render(document, language, csv_dialect.value), [file], language)
    else:
        from pactcalc.uncertainty import analyse

        scenario = document.scenario
        analysis = _simulated(document, language, lambda: analyse(scenario, document.checks))
        if report_format == "html":
            write(output, render(document, language, analysis), [file], language)
        elif report_format == "xlsx":
            write(output, lambda path: render(document, path, language, analysis), [file], language)
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
                write(str(Path(output).with_name(files[name])), svg, [file], language)
            write(output, render(document, language, files, analysis), [file], language)
    typer.echo(t("written", language, path=output), err=True)


def _monitored(read: ActualsDocument, lang: Lang | None) -> tuple[ActualsDocument, str]:
    """An actuals file (read) monitored against its plan, and the output language
    (``--lang``, else the plan's); exit 2 with every problem, the plan's at its lines."""
    document = monitor_document(read)
    language = language_of(lang, document.plan)
    if document.monitoring is None:
        if document.plan is not None:
            print_problems(document.plan, language)
        for line in format_problems(document.problems, language, document.loaded.text):
            typer.echo(line, err=True)
        raise typer.Exit(2)
    return document, language


def _report_actuals(
    read: ActualsDocument,
    file: Path,
    output: str,
    report_format: str,
    lang: Lang | None,
    dialect: CsvDialect,
) -> None:
    """``pactcalc report ACTUALS``: the monitoring, then the plan's full report (.csv:
    the variance, as ``monitor`` writes it)."""
    from pactcalc.report.monitoring import build_monitor, build_with_plan

    document, language = _monitored(read, lang)
    assert document.plan is not None
    assert document.plan.scenario is not None
    inputs = [file, Path(document.plan.file)]
    check_destination(output, inputs, language)
    render = renderer("report-actuals", report_format)
    if report_format == "xlsx":
        write(output, lambda path: render(document, path, language), inputs, language)
    elif report_format == "csv":
        write(output, render(build_monitor(document, language), dialect.value), inputs, language)
    else:
        from pactcalc.render.figures import report_charts
        from pactcalc.uncertainty import analyse

        plan, scenario = compute_document(document.plan), document.plan.scenario
        analysis = _simulated(plan, language, lambda: analyse(scenario, plan.checks))
        built = build_with_plan(document, plan, analysis, language)
        charts = report_charts(built)
        if report_format == "markdown":
            files = {name: f"{Path(output).stem}-{name}.svg" for name in charts}
            for name, svg in charts.items():
                write(str(Path(output).with_name(files[name])), svg, inputs, language)
            charts = files
        write(output, render(built, charts), inputs, language)
    typer.echo(t("written", language, path=output), err=True)


@app.command()
def monitor(
    file: Annotated[
        Path,
        typer.Argument(
            help="The actuals file (YAML, `pactcalc-actuals: 1`).", dir_okay=False, metavar="FILE"
        ),
    ],
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            parser=euros,
            metavar="EUR",
            help="Mark the differences over the horizon above this many euros; default: "
            "every difference shown, none marked.",
        ),
    ] = None,
    output: OutputOption = None,
    csv_dialect: CsvDialectOption = CsvDialect.standard,
) -> None:
    """Compare actuals with the signed plan: the variance, the re-forecast and the KPIs.

    The status of each year (final, provisional, forecast, plan); per line, per partner
    and in total the plan, the current expectation (realised years plus forecast), the
    difference, V/N (F/U in English) and its bias, volume, price and booked parts,
    largest difference first; every headline metric re-forecast beside the plan's and
    whether the payback holds; the KPIs against their targets; corridors breached; the
    checks on the expectation. Exits 0 when shown (judging is `pactcalc check`'s job); 2
    for an invalid actuals file or plan, with every problem at file:line:col.

    Example: pactcalc monitor examples/beschermd-wonen-realisatie-2022.yaml --threshold 10000
    """
    from pactcalc.report.monitoring import build_monitor

    document, language = _monitored(load_actuals(file, str(file)), lang)
    assert document.plan is not None
    built = build_monitor(document, language, threshold)
    inputs = [file, Path(document.plan.file)]
    show(drawn(output_format, built, csv_dialect), output, inputs, language)


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
    language = lang.value if lang else language_of(None, documents[0])
    invalid = [d for d in documents if d.result is None]
    for document in invalid:
        print_problems(document, language)
    if invalid:
        raise typer.Exit(2)
    compare_format = "table" if output is None else format_of_suffix("compare", output, language)
    results = [d.result for d in documents if d.result is not None]
    comparison = compare_results(results)
    render = renderer("compare", compare_format)
    if output is None:
        show(render(comparison, results, language), None, [], language)
        return
    if compare_format == "xlsx":
        write(output, lambda path: render(comparison, path, language), files, language)
    else:
        write(output, render(comparison, results, language), files, language)
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

    document, language = _computed(file, lang, checks_simulated=False)
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
    show(drawn(output_format, built, csv_dialect), output, [file], language)


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

    document, language = _computed(file, lang, checks_simulated=False)
    assert document.scenario is not None
    scenario, plan = document.scenario, document.result
    result = _simulated(
        document,
        language,
        lambda: uncertainty.simulate(scenario, document.checks, samples, seed, plan=plan),
    )
    shown = drawn(output_format, build_simulation(result, language), csv_dialect)
    show(shown, output, [file], language)


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

    document, language = _computed(file, lang, checks_simulated=False)
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
    show(terminal.explain_renderable(worded, language), None, [], language)


@app.command()
def init(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The new scenario file (with --actuals: the new actuals file).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    case: Annotated[
        Case, typer.Option("--case", help="Which starter scenario.")
    ] = Case.beschermd_wonen,
    actuals: Annotated[
        Path | None,
        typer.Option(
            "--actuals",
            help="Write a starter actuals file for this plan (its first year, final) "
            "instead; default name: <plan>-realisatie-<year>.yaml beside the plan.",
            dir_okay=False,
            metavar="PLAN",
        ),
    ] = None,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="The new file (as PATH).", parser=output_path, metavar="<file>"
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Write a commented starter scenario that passes `pactcalc check`.

    With --actuals PLAN: a commented starter actuals file for the plan's first year
    (status final; its series, parameters, booked amounts by line and KPIs written out as
    comments with the plan's figures), which repeats the plan until a figure is filled in.
    Never overwrites an existing file.

    Example: pactcalc init mijn-scenario.yaml --case crisis; pactcalc init --actuals plan.yaml
    """
    from importlib.resources import files

    if path is not None and output_file is not None:
        raise typer.BadParameter("the new file is PATH or --output, not both", param_hint="PATH")
    destination = output_file if path is None else str(path)
    if actuals is not None:
        _init_actuals(actuals, destination, lang)
        return
    if destination is None:
        raise typer.BadParameter("the new scenario file is missing", param_hint="PATH")
    language = lang.value if lang else "nl"
    text = (files("pactcalc") / "templates" / f"{case.value}.yaml").read_text("utf-8")
    create(destination, text, language)
    typer.echo(t("created", language, path=destination))


def _init_actuals(plan: Path, destination: str | None, lang: Lang | None) -> None:
    """``init --actuals``: the starter beside the plan, or at ``destination``."""
    from pactcalc.starter import default_path, starter_actuals

    document, language = _computed(plan, lang, checks_simulated=False)
    assert document.result is not None
    target = destination or str(default_path(plan, document.result.years[0]))
    create(target, starter_actuals(document.result, str(plan), target, language), language)
    typer.echo(t("written", language, path=target))


@app.command()
def schema(
    output: OutputOption = None,
    actuals: Annotated[
        bool,
        typer.Option("--actuals", help="The actuals format's schema (pactcalc-actuals: 1)."),
    ] = False,
) -> None:
    """Print the JSON Schema of the scenario format (for editors and validators).

    Point an editor at it with a first line
    `# yaml-language-server: $schema=scenario.schema.json`; with --actuals, the schema of
    an actuals file (`$schema=actuals.schema.json`).

    Example: pactcalc schema --actuals --output actuals.schema.json
    """
    if actuals:
        from pactcalc.model.actuals import json_schema
    else:
        from pactcalc.model import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is not None:
        write(output, text, [], "nl")
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
