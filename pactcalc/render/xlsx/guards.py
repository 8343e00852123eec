"""Text from a scenario is data, never a formula: the guards on every text cell.

A spreadsheet takes text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or line
break before one) as a formula when it is typed or imported (formula injection): every
text cell is written with :func:`set_text`, which stores it as a string and marks a
formula-like one with Excel's quote prefix. XML (and so xlsx) cannot hold most control
characters: they are dropped.
"""

from __future__ import annotations

import re
from typing import Any

# What a spreadsheet reads as the start of a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Control characters XML 1.0 cannot hold (tab, line feed and carriage return it can).
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# The most characters a cell holds.
CELL_MAX_CHARS = 32767


def is_formula_like(text: str) -> bool:
    """Text that a spreadsheet would take as a formula when typed.

    >>> is_formula_like("=1+1"), is_formula_like("-5 %"), is_formula_like("a = b")
    (True, True, False)
    """
    return text.startswith(_FORMULA_START)


def clean_text(text: str) -> str:
    """Text without the control characters that XML (and so xlsx) cannot hold, cut to
    what a cell holds.

    >>> clean_text("a\\x00b\\tc")
    'ab\\tc'
    """
    return _ILLEGAL.sub("", text)[:CELL_MAX_CHARS]


def set_text(cell: Any, value: str | None) -> Any:
    """Put ``value`` in ``cell`` as text, never as a formula: a leading = + - @ gets a quote
    prefix (formula injection), control characters are dropped. None leaves the cell
    as it is. Returns the cell (to set a font on)."""
    if value is None:
        return cell
    value = clean_text(str(value))
    cell.value = value
    cell.data_type = "s"
    if is_formula_like(value):
        cell.quotePrefix = True
    return cell
