"""The command line's output: problems on stderr, output files written safely, and text
or rich renderables shown as wide as the terminal (or written plain to a file).

The commands in :mod:`pactcalc.cli` call these; each one either succeeds or prints what
went wrong and exits 2 (a usage error, an output that cannot be written).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from pactcalc import output
from pactcalc.i18n import t
from pactcalc.problems import Problem
from pactcalc.render.diagnostics import format_problem, format_problems
from pactcalc.render.text import inert_lines

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.pipeline import Document


def print_problems(document: Document, lang: str) -> None:
    for line in format_problems(document.problems, lang, document.loaded.text):
        typer.echo(line, err=True)


def fail(problem: Problem, lang: str) -> NoReturn:
    """Print ``problem`` on stderr and exit 2."""
    typer.echo(format_problem(problem, lang), err=True)
    raise typer.Exit(2)


def refused(error: output.OutputError, lang: str) -> NoReturn:
    args = {"path": error.path, "reason": error.reason_text(lang)}
    fail(Problem(error.code, error.path, args=args), lang)


def check_destination(destination: str | None, inputs: Iterable[Path], lang: str) -> None:
    """Refuse a bad ``--output`` before any work is done."""
    if destination is not None:
        try:
            output.check_destination(destination, inputs)
        except output.OutputError as error:
            refused(error, lang)


def write(destination: str, content: output.Content, inputs: Iterable[Path], lang: str) -> None:
    """Write one output file (see :mod:`pactcalc.output`); exit 2 when it cannot be."""
    try:
        output.write(destination, content, inputs)
    except output.OutputError as error:
        refused(error, lang)


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


def plain_text(renderable: Any, width: int) -> str:
    """A rich renderable as plain text, on a console ``width`` wide."""
    import io

    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable, crop=False)
    return console.export_text()


def show(shown: Any, destination: str | None, inputs: list[Path], lang: str) -> None:
    """Print text, or a rich renderable on a console as wide as :func:`output_width`
    (its tables fit: they wrap, split or stack), no line a CI command
    (:func:`~pactcalc.render.text.inert_lines`); or write either, as text, to
    ``destination`` (a renderable drawn :data:`PLAIN_WIDTH` wide)."""
    if destination is not None:
        text = shown if isinstance(shown, str) else plain_text(shown, PLAIN_WIDTH)
        write(destination, text, inputs, lang)
        typer.echo(t("written", lang, path=destination), err=True)
    elif isinstance(shown, str):
        if shown:
            typer.echo(inert_lines(shown), nl=False)
    else:
        typer.echo(inert_lines(console_text(shown)), nl=False)


def console_text(renderable: Any) -> str:
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


def create(path: str | Path, text: str, lang: str) -> None:
    """Write a new file whole, never over an existing one; exit 2 when it cannot be."""
    try:
        output.create(path, text)
    except output.OutputError as error:
        refused(error, lang)
