"""How deep a YAML text nests, estimated before any parser sees it (PC005).

libyaml and PyYAML recurse per nesting level; a file that nests thousands deep would
exhaust the stack before the loader could report it. :func:`nesting_overflow` scans the
text line by line instead and finds where it first nests deeper than the limit, so the
loader can refuse it with a position.
"""

from __future__ import annotations

import re

Position = tuple[int, int]

#: YAML's line breaks (libyaml and PyYAML count all of these).
LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")

_PLAIN_STOP_RE = re.compile(r":(?=[ \t]|$)|[ \t]#")
_FLOW_SPECIAL_RE = re.compile(r"""[\[\]{}"'#]""")
_DOUBLE_SPECIAL_RE = re.compile(r'[\\"]')
_DOC_MARKER_RE = re.compile(r"(?:---|\.\.\.)(?=[ \t]|$)")


def nesting_overflow(text: str, limit: int) -> Position | None:
    """Estimate how deep ``text`` nests; the position where it first exceeds ``limit``.

    A cheap, linear, line-by-line scan (never recursion), deliberately not a parser: it
    counts block levels by indentation (mapping keys, ``-`` and ``?`` entries, including
    compact ``- - -`` on one line) and flow levels by ``[``/``{`` outside quotes and
    comments, and skips block scalars. It may overestimate by a level in odd layouts,
    which is harmless next to a limit of 64 when real scenarios nest about five deep.
    """
    scan = _DepthScan(limit)
    for number, line in enumerate(LINE_BREAK.split(text), 1):
        try:
            scan.line(line)
        except _TooDeep as deep:
            return number, deep.col
    return None


class _TooDeep(Exception):
    """The scan went past the limit at column ``col`` (1-based) of the current line."""

    def __init__(self, col: int) -> None:
        super().__init__(col)
        self.col = col


class _DepthScan:
    """The state of :func:`nesting_overflow` from one line to the next. Each step below
    takes the index in the line to go on from and returns the next one, or None when the
    rest of the line says nothing about nesting (a comment, a block scalar, no closing
    quote)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.stack: list[tuple[int, bool]] = []  # (column, is_sequence_entry) of block levels
        self.flow = 0  # open [ and { levels
        self.quote: str | None = None  # inside a quoted scalar: its quote character
        self.scalar_parent: int | None = None  # inside a block scalar: lines deeper than this
        self.key_col = 0  # where the current block key starts
        self.at_value = False  # block context: the next non-blank char starts a value

    def line(self, line: str) -> None:
        """Scan one line, carrying the open levels, quote and flow over to the next."""
        self.at_value = False
        start = 0
        if self.quote is None and self.flow == 0:
            found = self.line_start(line)
            if found is None:
                return
            start = found
        self.key_col = start
        index: int | None = start
        while index is not None and index < len(line):
            if self.quote is not None:
                index = self.in_quote(line, index)
            elif self.flow == 0:
                index = self.in_block(line, index)
            else:
                index = self.in_flow(line, index)

    def open_level(self, col: int, is_entry: bool) -> None:
        self.stack.append((col, is_entry))
        if len(self.stack) > self.limit:
            raise _TooDeep(col + 1)

    def open_flow(self, col: int) -> None:
        self.flow += 1
        if len(self.stack) + self.flow > self.limit:
            raise _TooDeep(col + 1)

    def line_start(self, line: str) -> int | None:
        """A line in block context: skip blank lines, comments, directives and the lines
        of a block scalar; a document marker closes every level; then the entries
        (``- ``, ``? ``) it opens."""
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        blank = not content.strip()
        if self.scalar_parent is not None:
            if blank or indent > self.scalar_parent:
                return None
            self.scalar_parent = None
        if blank or content.startswith("#"):
            return None
        if indent == 0 and line.startswith("%"):
            return None  # a directive
        self.at_value = True
        if indent == 0 and _DOC_MARKER_RE.match(line):
            self.stack.clear()
            return 3
        return self.entries(line, indent)

    def entries(self, line: str, index: int) -> int:
        """``- `` and ``? `` entries from ``index`` on (``- - -`` opens three levels)."""
        size = len(line)
        first = True
        while (
            index < size and line[index] in "-?" and (index + 1 == size or line[index + 1] in " \t")
        ):
            if first:
                while self.stack and (
                    self.stack[-1][0] > index or (self.stack[-1][0] == index and self.stack[-1][1])
                ):
                    self.stack.pop()
                first = False
            self.open_level(index, True)
            index += 1
            while index < size and line[index] in " \t":
                index += 1
        return index

    def in_quote(self, line: str, index: int) -> int | None:
        """Inside a quoted scalar: to its closing quote (escapes and ``''`` skipped)."""
        if self.quote == '"':
            match = _DOUBLE_SPECIAL_RE.search(line, index)
            if match is None:
                return None
            if match.group() == "\\":
                return match.end() + 1
            self.quote = None
            return match.end()
        end = line.find("'", index)
        if end < 0:
            return None
        if line.startswith("''", end):
            return end + 2
        self.quote = None
        return end + 1

    def in_block(self, line: str, index: int) -> int | None:
        """Block context: a value that opens a flow, a quote or a block scalar; else a
        plain scalar, which is a key when ``: `` follows it."""
        char = line[index]
        if char in " \t":
            return index + 1
        if char == "#" and (index == 0 or line[index - 1] in " \t"):
            return None
        if self.at_value:
            self.at_value = False
            if char in "[{":
                self.open_flow(index)
                return index + 1
            if char in "\"'":
                self.quote = char
                return index + 1
            if char in "|>":
                self.scalar_parent = self.stack[-1][0] if self.stack else -1
                return None
            self.key_col = index
        # a plain scalar (or what follows a closed quote / flow): find ': ' or ' #'
        match = _PLAIN_STOP_RE.search(line, index)
        if match is None or match.group().endswith("#"):
            return None
        while self.stack and self.stack[-1][0] >= self.key_col:
            self.stack.pop()
        self.open_level(self.key_col, False)
        self.at_value = True
        return match.end()

    def in_flow(self, line: str, index: int) -> int | None:
        """Flow context: brackets open and close levels; a quote may start a scalar."""
        match = _FLOW_SPECIAL_RE.search(line, index)
        if match is None:
            return None
        index = match.start()
        char = match.group()
        if char in "[{":
            self.open_flow(index)
        elif char in "]}":
            self.flow -= 1
            if self.flow == 0:
                self.key_col = index + 1
        elif char == "#":
            if index == 0 or line[index - 1] in " \t":
                return None
        elif index == 0 or line[index - 1] in " \t[{,:":
            self.quote = char
        return index + 1
