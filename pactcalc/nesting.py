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
    stack: list[tuple[int, bool]] = []  # (column, is_sequence_entry) of open block levels
    flow = 0
    quote: str | None = None
    scalar_parent: int | None = None  # inside a block scalar: lines deeper than this
    lines = LINE_BREAK.split(text)
    for number, line in enumerate(lines, 1):
        n = len(line)
        i = 0
        at_value = False  # block context: the next non-blank char starts a value
        if quote is None and flow == 0:
            content = line.lstrip(" ")
            indent = n - len(content)
            blank = not content.strip()
            if scalar_parent is not None:
                if blank or indent > scalar_parent:
                    continue
                scalar_parent = None
            if blank or content.startswith("#"):
                continue
            if indent == 0 and line.startswith("%"):
                continue  # a directive
            i = indent
            if indent == 0 and _DOC_MARKER_RE.match(line):
                stack.clear()
                i = 3
            else:
                first = True
                while i < n and line[i] in "-?" and (i + 1 == n or line[i + 1] in " \t"):
                    if first:
                        while stack and (stack[-1][0] > i or (stack[-1][0] == i and stack[-1][1])):
                            stack.pop()
                        first = False
                    stack.append((i, True))
                    if len(stack) > limit:
                        return number, i + 1
                    i += 1
                    while i < n and line[i] in " \t":
                        i += 1
            at_value = True
        key_col = i
        while i < n:
            if quote == '"':
                match = _DOUBLE_SPECIAL_RE.search(line, i)
                if match is None:
                    break
                i = match.end()
                if match.group() == "\\":
                    i += 1
                else:
                    quote = None
                continue
            if quote == "'":
                end = line.find("'", i)
                if end < 0:
                    break
                if line.startswith("''", end):
                    i = end + 2
                else:
                    quote = None
                    i = end + 1
                continue
            char = line[i]
            if flow == 0:
                if char in " \t":
                    i += 1
                    continue
                if char == "#" and (i == 0 or line[i - 1] in " \t"):
                    break
                if at_value:
                    at_value = False
                    if char in "[{":
                        flow = 1
                        if len(stack) + flow > limit:
                            return number, i + 1
                        i += 1
                        continue
                    if char in "\"'":
                        quote = char
                        i += 1
                        continue
                    if char in "|>":
                        scalar_parent = stack[-1][0] if stack else -1
                        break
                    key_col = i
                # a plain scalar (or what follows a closed quote / flow): find ': ' or ' #'
                match = _PLAIN_STOP_RE.search(line, i)
                if match is None:
                    break
                if match.group().endswith("#"):
                    break
                while stack and stack[-1][0] >= key_col:
                    stack.pop()
                stack.append((key_col, False))
                if len(stack) > limit:
                    return number, key_col + 1
                i = match.end()
                at_value = True
                continue
            # flow context
            match = _FLOW_SPECIAL_RE.search(line, i)
            if match is None:
                break
            i = match.start()
            char = match.group()
            if char in "[{":
                flow += 1
                if len(stack) + flow > limit:
                    return number, i + 1
            elif char in "]}":
                flow -= 1
                if flow == 0:
                    key_col = i + 1
            elif char == "#":
                if i == 0 or line[i - 1] in " \t":
                    break
            elif i == 0 or line[i - 1] in " \t[{,:":
                quote = char
            i += 1
    return None
