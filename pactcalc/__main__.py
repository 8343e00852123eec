"""``python -m pactcalc`` and the ``pactcalc`` script: the command line's entry point."""

from __future__ import annotations

import gc
import sys
from typing import Any


def main(argv: list[str] | None = None) -> Any:
    """Run the command line (:func:`pactcalc.cli.main`) as a program.

    Its start-up (typer, pydantic's schemas of the scenario's models, numpy, pactcalc's
    own modules) makes some 40,000 objects that live as long as the process. The cyclic
    garbage collector would walk them again and again while they are made, and once more
    when the process ends, for nothing: it is off while they are made, and everything
    alive is then frozen (:func:`gc.freeze`: never walked again) before the collector is
    switched back on for the command itself. ``benchmarks/bench_cli.py`` measures the
    gain. When the command line is imported already (a program that calls this twice, or
    a test), there is no start-up to speed up and the collector is left as it is.
    """
    if "pactcalc.cli" not in sys.modules:
        enabled = gc.isenabled()
        gc.disable()
        try:
            import pactcalc.cli  # noqa: F401  (the start-up)
        finally:
            gc.freeze()
            if enabled:
                gc.enable()
    from pactcalc.cli import main as command_line

    return command_line(argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
