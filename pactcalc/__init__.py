"""pactcalc: business cases for PACT agreements in the Dutch social domain.

The library works without the command line::

    from pactcalc import run_file
    document = run_file("examples/beschermd-wonen.yaml")
    if document.ok:
        print(document.result.npv)
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

#: The one place the version is written: pyproject.toml reads it (``dynamic = ["version"]``)
#: and ``pactcalc --version`` prints it. Keep it a plain string literal.
__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from pactcalc.engine import Result, compute
    from pactcalc.pipeline import Document, evaluate, load_scenario, load_scenario_text, run_file

#: The package's API, each name with the module that defines it: imported when first
#: used (PEP 562), so that ``import pactcalc.cli`` runs nothing before the command line's
#: entry point has set up the interpreter (see :mod:`pactcalc.__main__`).
_API = {
    "Document": "pactcalc.pipeline",
    "Result": "pactcalc.engine",
    "compute": "pactcalc.engine",
    "evaluate": "pactcalc.pipeline",
    "load_scenario": "pactcalc.pipeline",
    "load_scenario_text": "pactcalc.pipeline",
    "run_file": "pactcalc.pipeline",
}

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


def __getattr__(name: str) -> Any:
    """A name of the API (imported from its module when first used), else a submodule
    (``pactcalc.engine`` after ``import pactcalc``, as an eager package gave it)."""
    module = _API.get(name)
    if module is not None:
        value = getattr(import_module(module), name)
    elif not name.startswith("_") and find_spec(f"pactcalc.{name}") is not None:
        value = import_module(f"pactcalc.{name}")
    else:
        raise AttributeError(f"module 'pactcalc' has no attribute {name!r}")
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(n for n in globals() if n.startswith("__"))})
