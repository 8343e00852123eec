"""pactcalc: business cases for PACT agreements in the Dutch social domain.

The library works without the command line::

    from pactcalc import run_file
    document = run_file("examples/beschermd-wonen.yaml")
    if document.ok:
        print(document.result.npv)
"""

#: The one place the version is written: pyproject.toml reads it (``dynamic = ["version"]``)
#: and ``pactcalc --version`` prints it. Keep it a plain string literal.
__version__ = "0.1.0"

from pactcalc.engine import Result, compute
from pactcalc.pipeline import Document, evaluate, load_scenario, load_scenario_text, run_file

__all__ = [
    "Document",
    "Result",
    "__version__",
    "compute",
    "evaluate",
    "load_scenario",
    "load_scenario_text",
    "run_file",
]
