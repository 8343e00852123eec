"""The bounds of the numbers a scenario may hold, chosen once for every reader.

A number outside these bounds is an error at its place in the file (PC309 "too large",
PC113 for a year), never a traceback, an infinity or a check that passes by accident.
The JSON Schema carries the same bounds (``minimum``/``maximum``), so an editor warns too.

Why these values:

* :data:`MAX_ABS_NUMBER` = 10^15 (a thousand trillion; 1.000 biljoen): about two thousand
  times the Dutch national budget, so no business case of a municipality comes near it,
  while a typo (``1e51``, a pasted 30-digit figure) does. Below it, sums over 100 years of
  dozens of lines stay far from the floating-point limit (1.8e308), and a euro amount
  still carries its cents to the precision of a float (16 significant digits).
* :data:`MAX_ABS_INTEGER` = 2^63 − 1: the largest whole number a seed (numpy's PCG64) or
  a count can be; the ranges of ``years``, ``samples`` and the years themselves are
  narrower and checked with the scenario.
* :data:`FIRST_YEAR` – :data:`LAST_YEAR` (1900–2200): the calendar years a horizon, a
  price year or a line's ``from``/``until`` can plausibly mean; a chart or a table of
  year 10^29 is nonsense and was a crash.
"""

from __future__ import annotations

import math

#: The largest absolute value of any number read from a scenario (amounts, parameter
#: values and ranges, series entries, rates, check bounds).
MAX_ABS_NUMBER = 1e15
#: The largest absolute value of a whole number (a seed, a count of inhabitants).
MAX_ABS_INTEGER = 2**63 - 1
#: The first and last calendar year a scenario may name.
FIRST_YEAR = 1900
LAST_YEAR = 2200
#: The bound as the file would write it, for messages ("1e15").
MAX_ABS_NUMBER_TEXT = f"1e{round(math.log10(MAX_ABS_NUMBER))}"


def number_within_bounds(value: float) -> bool:
    """Finite and below :data:`MAX_ABS_NUMBER` in absolute value.

    >>> number_within_bounds(2.5e14), number_within_bounds(-1e15), number_within_bounds(1e400)
    (True, False, False)
    """
    return math.isfinite(value) and abs(value) < MAX_ABS_NUMBER
