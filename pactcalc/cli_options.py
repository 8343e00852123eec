"""The command line's shared options: the arguments every command takes alike, how a
typed value is read (an output path, an amount of euros), the language of the output and
the format an ``--output`` suffix chooses. :mod:`pactcalc.cli` declares the commands."""

from __future__ import annotations

import math
import os
import re
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pactcalc.cli_output import fail
from pactcalc.formats import RENDERERS, SUFFIX_FORMATS, CsvDialect, OutputFormat
from pactcalc.i18n import t
from pactcalc.pipeline import Document
from pactcalc.problems import Problem

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


def output_path(value: str) -> str:
    """An output path as typed: a trailing separator (``newdir/``) is kept, so that
    :mod:`pactcalc.output` refuses a folder's name rather than write a file called
    ``newdir``. An existing folder is a usage error, as click's ``dir_okay=False`` says."""
    if os.path.isdir(value):
        raise typer.BadParameter(t("cli.usage.is_folder", "en", path=value))
    return value


def euros(value: str) -> float:
    """An amount of euros as typed on the command line: ``10000``, ``10000.50`` or
    ``€ 10000``. A Dutch ``10.000`` (a dot between thousands) or ``2,5`` (a decimal comma)
    is refused with the fix, never read as ten euros; so is a negative or endless amount."""
    text = value.strip().removeprefix("€").strip()
    if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):
        fixed = text.replace(".", "")
        raise typer.BadParameter(t("cli.usage.thousands", "en", value=value, fixed=fixed))
    if "," in text:
        fixed = text.replace(".", "").replace(",", ".")
        raise typer.BadParameter(t("cli.usage.decimal_comma", "en", value=value, fixed=fixed))
    try:
        amount = float(text)
    except ValueError:
        raise typer.BadParameter(t("cli.usage.not_euros", "en", value=value)) from None
    if not math.isfinite(amount) or amount < 0:
        raise typer.BadParameter(t("cli.usage.not_euros", "en", value=value))
    return amount


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
        parser=output_path,
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


def language_of(option: Lang | None, document: Document | None) -> str:
    """``--lang``, else the scenario's ``language`` (also of one that is invalid), else nl."""
    if option is not None:
        return option.value
    if document is not None and document.scenario is not None:
        return document.scenario.language
    data = document.loaded.data if document is not None else None
    if isinstance(data, dict) and str(data.get("language", "")) in ("nl", "en"):
        return str(data["language"])
    return "nl"
