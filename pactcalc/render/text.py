"""Scenario text as data: characters that would act instead of show, made visible.

A name, a source or a key comes from a file that anyone may have written. Shown as it is,
an ESC starts a terminal escape (``\\x1b]52;…`` writes the clipboard, ``\\x1b[2J`` clears
the screen), a C1 control does the same on some terminals, a bidi control (U+202E) shows
text in an order other than the one it has, and a newline or a carriage return starts a
line of its own (under GitHub Actions a line ``::error …`` is a workflow command; in
Markdown a ``\\r`` starts a heading). Every human format therefore writes scenario text
through :func:`visible` at the one place it writes a string (a table cell, a line):

* a C0 control, DEL and a C1 control as ``\\xNN`` (``\\n``, ``\\r`` and ``\\t`` by name);
* a bidi control (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), a line or
  paragraph separator (U+2028, U+2029), a surrogate and the non-characters U+FFFE and
  U+FFFF as ``\\uNNNN``.

A backslash itself is left as it is: the escapes are for a reader, not for a parser (the
JSON output keeps every character exactly). Formats that must encode a line break in
their own way (a workflow command, XML) pass it in ``keep``.
"""

from __future__ import annotations

import re

#: The characters :func:`visible` escapes (see the module's docstring).
ACTIVE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_character(character: str) -> str:
    """One active character as a visible escape: ``\\n``, ``\\x1b``, ``\\u202e``.

    >>> escape_character("\\x1b"), escape_character("\\u202e"), escape_character("\\n")
    ('\\\\x1b', '\\\\u202e', '\\\\n')
    """
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, keep: str = "") -> str:
    """``text`` with every active character shown as an escape (``keep``: characters
    the caller encodes itself, such as ``"\\n"``).

    >>> visible("Gemeente\\x1b[2J\\n::error::x")
    'Gemeente\\\\x1b[2J\\\\n::error::x'
    >>> visible("a\\u202eb\\tc", keep="\\t")
    'a\\\\u202eb\\tc'
    """
    shown = str(text)
    if not ACTIVE.search(shown):
        return shown  # the common case: nothing to do, nothing copied
    return ACTIVE.sub(
        lambda found: found[0] if found[0] in keep else escape_character(found[0]), shown
    )


#: Characters that JSON may hold as they are but a terminal acts on (``cat out.json``):
#: C1 controls, bidi controls and the line separators (JSON itself escapes C0).
_JSON_ACTIVE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_safe(dumped: str) -> str:
    """JSON text (from ``json.dumps``) with C1, bidi and line-separator characters written
    as ``\\uNNNN`` escapes: the same JSON value, but inert when printed. These characters
    can only occur inside strings, so the replacement never touches the structure.

    >>> json_safe('{"a": "x\\u202ey"}')
    '{"a": "x\\\\u202ey"}'
    """
    return _JSON_ACTIVE.sub(lambda found: f"\\u{ord(found[0]):04x}", dumped)


def xml_safe(text: str) -> str:
    """``text`` fit for an XML 1.0 attribute or element. XML forbids every C0 control
    but tab, line feed and carriage return, lone surrogates and U+FFFE/U+FFFF; those, and
    the characters that act when the XML is shown, are escaped visibly. Tab, line feed
    and carriage return stay (ElementTree writes them in attributes as references).

    >>> xml_safe("a\\x01b\\ufffe\\nc")
    'a\\\\x01b\\\\ufffe\\nc'
    """
    return visible(text, keep="\t\n\r")


#: A line a CI runner reads as a command: GitHub's ``::error …``/``::add-mask::…`` and
#: the older ``##[error]``, after any white space (the runner trims it).
_COMMAND_START = re.compile(r"^(\s*)(?=::|##\[)")


def inert_lines(text: str) -> str:
    """``text`` with a backslash put before every line that a CI runner would execute
    as a workflow command. Escaping line breaks is not enough: a scenario named
    ``::add-mask::x`` is the first line of ``run``, and a long source may wrap so that a
    word ``::error`` starts a line. The human formats pass what they print through this
    (``check --format github`` writes its own commands and does not).

    >>> inert_lines("Titel\\n::error::x\\n  ##[warning]y\\nC::D")
    'Titel\\n\\\\::error::x\\n  \\\\##[warning]y\\nC::D'
    """
    if "::" not in text and "##[" not in text:
        return text
    return "\n".join(_COMMAND_START.sub(r"\1\\", line) for line in text.split("\n"))
