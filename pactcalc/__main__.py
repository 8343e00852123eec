"""``python -m pactcalc`` and the ``pactcalc`` script: the command line's entry point."""

from __future__ import annotations

import gc
from typing import Any


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (:func:`pactcalc.cli.main`).

    Its start-up (typer, pydantic's schemas of the scenario's models, numpy, pactcalc's
    own modules) makes some 40,000 objects that live as long as the process.
    The cyclic garbage collector would walk them again and again while they are made,
    and once more when the process ends, for nothing: it is off while they are made, and
    they are then frozen (:func:`gc.freeze`: never walked again) before the collector is
    switched on for the command itself. ``benchmarks/bench_cli.py`` measures the gain.
    """
    gc.disable()
    try:
        from pactcalc.cli import main as command_line
    finally:
        gc.freeze()
        gc.enable()
    return command_line(argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
