"""Read a scenario file: bytes → plain Python data with a line/column for every value.

The loader is the only place that knows about YAML. It turns the file into a tree of
``dict`` / ``list`` / :class:`Plain` / ``str`` / ``None`` and records, for every path in
that tree, where its value (and its key) was written, so that the validator can report
``file:line:col`` for anything it finds. Every problem is *collected* as a
:class:`~pactcalc.problems.Problem`; nothing is raised.

Why not ``yaml.safe_load``? Because PyYAML resolves plain scalars with YAML 1.1 rules
(``no`` → ``False``, ``010`` → 8, ``12:30`` → 750, ``2021-01-01`` → a date), forgets
positions, silently keeps the last of two duplicate keys and expands anchors. Instead the
tree is built from parse *events*, plain scalars keep their text (:class:`Plain`) plus a
strict YAML 1.2 core reading, and the validator decides what a value means in context.

Order of work, and why:

1. size (PC002) before reading everything, read errors (PC001);
2. UTF-8 decoding (PC004), a BOM is accepted;
3. characters YAML forbids (PC006) and a cheap nesting-depth pre-scan (PC005,
   :mod:`pactcalc.nesting`): very deep nesting is refused *before* libyaml/PyYAML see it;
4. parsing events into an intermediate node tree, collecting PC006–PC009, PC011–PC014,
   PC112 and PC304, and repairing the Dutch decimal comma and unquoted-comma cases so
   that the validator does not report a cascade of follow-up errors;
5. converting the node tree to plain data plus ``marks`` / ``key_marks`` (PC003, PC010).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from pactcalc.i18n import Text
from pactcalc.nesting import LINE_BREAK, nesting_overflow
from pactcalc.problems import Problem

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "Loaded",
    "Plain",
    "load_file",
    "load_text",
    "overlong_number",
    "resolve_plain",
]

#: Largest accepted file, in bytes (1 MiB).
MAX_BYTES = 1_048_576
#: Deepest accepted nesting of collections (a real scenario nests about five deep).
MAX_DEPTH = 64
#: Most digits a number may be written with (PC340). An amount of a thousand billion
#: euros has 16 digits and a float keeps only 17 significant ones, so 30 is far beyond
#: any real scenario; a longer number is a typo (or an attack), and one of about 310
#: digits no longer fits a float at all.
MAX_NUMBER_DIGITS = 30

Path = tuple[Any, ...]
Position = tuple[int, int]

_LOADER: Any = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

# --- plain scalars: strict YAML 1.2 core schema ---------------------------------------------

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_RE = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT_RE = re.compile(
    r"[-+]?(?:"
    r"(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?[eE][-+]?[0-9]+"
    r"|(?:0|[1-9][0-9]*)\."
    r")"
)
_INF_RE = re.compile(r"([-+]?)\.(?:inf|Inf|INF)")
_NAN_RE = re.compile(r"\.(?:nan|NaN|NAN)")
# "62.000": probably 62000 with a Dutch thousands dot. An integer part of 0 ("0.025") is
# left alone: that is an ordinary fraction, never a thousands separator.
_THOUSANDS_RE = re.compile(r"-?[1-9][0-9]{0,2}\.[0-9]{3}")
_DIGITS_RE = re.compile(r"[0-9]+")

_UNSET: Any = object()


def resolve_plain(text: str) -> int | float | bool | None:
    """The YAML 1.2 core meaning of a plain scalar's text: int, float or bool, else None.

    Strict on purpose: YAML 1.1 readings (``yes``/``no``/``on``/``off``, ``010``,
    ``12:30``, ``2021-01-01``, ``1_000``) and ``0x``/``0o`` integers stay text (None), so
    that the validator can explain them instead of silently using a surprising number.
    Nulls (``~``, ``null``, empty) are also None here; the loader maps them to ``None``
    before ever making a :class:`Plain`.
    A number written with more than :data:`MAX_NUMBER_DIGITS` digits is text too (None):
    the validator reports it as PC340 instead of computing with it.
    """
    if overlong_number(text) is not None:
        return None
    if _INT_RE.fullmatch(text):
        return int(text)
    if _FLOAT_RE.fullmatch(text):
        return float(text)
    if text in _BOOLS:
        return _BOOLS[text]
    inf = _INF_RE.fullmatch(text)
    if inf:
        return float("-inf") if inf.group(1) == "-" else float("inf")
    if _NAN_RE.fullmatch(text):
        return float("nan")
    return None


_MANTISSA_RE = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?=[eE]|\Z)")


def overlong_number(text: str) -> int | None:
    """How many digits ``text`` is written with, when it is a number (``12``, ``-1.5``,
    ``2e3``) of more than :data:`MAX_NUMBER_DIGITS` digits; else None.

    >>> overlong_number("1" * 400), overlong_number("62000"), overlong_number("abc")
    (400, None, None)
    """
    written = text.strip()
    mantissa = _MANTISSA_RE.match(written)
    if mantissa is None:
        return None
    exponent = written[mantissa.end() :]
    if exponent and not re.fullmatch(r"[eE][-+]?[0-9]+", exponent):
        return None
    digits = sum(char.isdigit() for char in mantissa.group())
    return digits if digits > MAX_NUMBER_DIGITS else None


def shortened_number(text: str) -> str:
    """A long number as a message shows it: its first and last digits (``12345…7890``)."""
    written = text.strip()
    return written if len(written) <= 24 else f"{written[:12]}…{written[-6:]}"


class Plain(str):
    """A plain (unquoted) YAML scalar. ``str(self)`` is the text as written.

    ``.value`` is its YAML 1.2-core meaning: int, float or bool; or None when it is just
    text. Keeping both lets the validator accept ``1e5`` as a number while explaining why
    ``010`` or ``no`` is not one, and lets text fields keep ``2021`` as the text "2021".
    """

    value: int | float | bool | None

    def __new__(cls, text: str, value: int | float | bool | None = _UNSET) -> Plain:
        self = super().__new__(cls, text)
        self.value = resolve_plain(text) if value is _UNSET else value
        return self

    def __repr__(self) -> str:
        return f"Plain({str.__repr__(self)})"

    def __getnewargs__(self) -> tuple[str, int | float | bool | None]:  # type: ignore[override]
        return (str(self), self.value)


# --- the result ------------------------------------------------------------------------------


@dataclass
class Loaded:
    """What :func:`load_file` / :func:`load_text` found: data, positions and problems."""

    file: str
    text: str | None
    data: Any
    problems: list[Problem] = field(default_factory=list)
    marks: dict[Path, Position] = field(default_factory=dict)
    key_marks: dict[Path, Position] = field(default_factory=dict)

    def locate(self, path: Path, key: bool = False) -> tuple[int | None, int | None]:
        """Position of ``path`` (of its key when ``key`` and the key is known).

        Falls back to the longest prefix of ``path`` that is known (a missing key is
        reported at the mapping that should hold it); ``(None, None)`` if nothing is.
        """
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        for end in range(len(path), -1, -1):
            mark = self.marks.get(path[:end])
            if mark is not None:
                return mark
        return (None, None)


def load_file(path: str | os.PathLike[str], display_name: str | None = None) -> Loaded:
    """Read and load the file at ``path``; problems name it ``display_name`` if given.

    The size is checked before the file is read whole (PC002), so a huge file costs
    nothing; any OS error is PC001.
    """
    name = display_name if display_name is not None else os.fspath(path)
    try:
        with open(path, "rb") as handle:
            try:
                size: int | None = os.fstat(handle.fileno()).st_size
            except OSError:
                size = None
            if size is not None and size > MAX_BYTES:
                return _too_large(name, str(size))
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        reason: str | Text = error.strerror or str(error)
        if isinstance(error, FileNotFoundError):
            reason = Text("problem.not_found")
        elif isinstance(error, IsADirectoryError):
            reason = Text("problem.is_folder")
        elif isinstance(error, PermissionError):
            reason = Text("problem.no_permission")
        return Loaded(name, None, None, [Problem("PC001", name, args={"reason": reason})])
    if len(raw) > MAX_BYTES:  # st_size lied (a pipe, a growing file)
        return _too_large(name, Text("problem.more_than", {"limit": MAX_BYTES}))
    return load_text(raw, name)


def load_text(data: bytes | str, file: str) -> Loaded:
    """Load scenario source given as bytes (decoded as UTF-8) or as already-decoded text."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            return _too_large(file, str(len(data)))
        text, problem = _decode(data, file)
        if problem is not None:
            return Loaded(file, None, None, [problem])
    else:
        size = len(data.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            return _too_large(file, str(size))
        text = data[1:] if data.startswith("\ufeff") else data
    assert text is not None
    return _Reader(text, file).run()


def _too_large(file: str, size: str | Text) -> Loaded:
    return Loaded(file, None, None, [Problem("PC002", file, args={"size": size})])


def _decode(data: bytes, file: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without BOM) → text; else PC004 at the first bad byte."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = body[: error.start].decode("utf-8")
        line, col = _position_of(before, len(before))
        byte = f"0x{body[error.start]:02x}"
        return None, Problem("PC004", file, line, col, {"byte": byte})


# --- positions in the source -----------------------------------------------------------------


def _position_of(text: str, offset: int) -> Position:
    """1-based (line, col) of character ``offset`` in ``text``, counting YAML line breaks."""
    line = 1
    start = 0
    for match in LINE_BREAK.finditer(text, 0, offset):  # matches end at or before offset
        line += 1
        start = match.end()
    return line, offset - start + 1


# Characters YAML does not allow in a stream (c-printable, YAML 1.2 §5.1).
_FORBIDDEN_RE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


# --- events → node tree ----------------------------------------------------------------------


class _Node:
    """One YAML node while reading: a scalar, mapping, sequence or alias, with positions."""

    __slots__ = (
        "kind",
        "line",
        "col",
        "start",
        "end",
        "value",
        "text",
        "plain",
        "flow",
        "items",
        "pairs",
        "entries",
    )

    def __init__(self, kind: str, event: Any) -> None:
        self.kind = kind  # "scalar" | "map" | "seq" | "alias"
        self.line: int = event.start_mark.line + 1
        self.col: int = event.start_mark.column + 1
        self.start: int = event.start_mark.index
        self.end: int = event.end_mark.index
        self.value: Any = None  # scalars: None | Plain | str
        self.text: str = ""  # scalars: the event's text
        self.plain = False
        self.flow = bool(getattr(event, "flow_style", False))
        self.items: list[_Node] = []  # sequences
        self.pairs: list[tuple[_Node, _Node]] = []  # mappings, as read
        self.entries: list[tuple[str, _Node, _Node]] = []  # mappings, after checks

    @property
    def position(self) -> Position:
        return self.line, self.col

    def is_null_plain(self) -> bool:
        return self.kind == "scalar" and self.plain and self.value is None

    def is_plain_int(self) -> bool:
        return (
            self.kind == "scalar"
            and isinstance(self.value, Plain)
            and type(self.value.value) is int
        )


class _SyntaxStop(Exception):
    """Reading stops: a syntax error or a second document (already reported)."""


# Words for PC010's {kind} and PC112's {got}; the validator words kinds the same way.
_KIND_WORDS = {
    "map": Text("problem.kind_mapping"),
    "seq": Text("problem.kind_list"),
    "scalar": Text("problem.kind_single"),
    "alias": Text("problem.kind_single"),
}
_KEY_TEXT = Text("problem.expected_key_text")
_ONE_DOCUMENT = Text("problem.one_document")


def _event_position(event: Any) -> Position:
    """1-based (line, col) where a parse event starts."""
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Reader:
    """Does the work of :func:`load_text` for one decoded text."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, code: str, position: Position | None, **args: Any) -> None:
        line, col = position if position is not None else (None, None)
        self.problems.append(Problem(code, self.file, line, col, args))

    def run(self) -> Loaded:
        loaded = Loaded(self.file, self.text, None, self.problems)
        forbidden = _FORBIDDEN_RE.search(self.text)
        if forbidden is not None:
            char = ord(forbidden.group())
            self.problem(
                "PC006",
                _position_of(self.text, forbidden.start()),
                problem=Text("problem.forbidden_character", {"code": f"{char:04X}"}),
            )
            return loaded
        overflow = nesting_overflow(self.text, MAX_DEPTH)
        if overflow is not None:
            self.problem("PC005", overflow, limit=MAX_DEPTH)
            return loaded
        root = self.read_nodes()
        if root is None:
            self.sort()
            return loaded
        if root.kind == "scalar" and root.plain and root.text == "":
            self.problem("PC003", None)  # only a '---': nothing written
        elif root.kind != "map":
            self.problem("PC010", root.position, kind=_KIND_WORDS[root.kind])
        else:
            loaded.data = self.convert(root, loaded.marks, loaded.key_marks)
        self.sort()
        return loaded

    def sort(self) -> None:
        self.problems.sort(key=lambda p: (p.line or 0, p.col or 0))

    # -- events -------------------------------------------------------------------------------

    def events(self) -> Iterator[Any]:
        return iter(yaml.parse(self.text, Loader=_LOADER))

    def read_nodes(self) -> _Node | None:
        """Build the node tree; None when there is no document or reading stopped."""
        stack: list[_Node] = []  # the collections open while reading
        try:
            root, documents = self.build_tree(stack)
        except yaml.MarkedYAMLError as error:
            position, problem = self.syntax_error(error)
            self.problem("PC006", position, problem=problem)
            self.finish_open(stack)
            return None
        except yaml.YAMLError as error:  # e.g. a reader error the pre-scan did not foresee
            self.problem("PC006", None, problem=str(error))
            self.finish_open(stack)
            return None
        except _SyntaxStop:
            self.finish_open(stack)
            return None
        if documents == 0:
            self.problem("PC003", None)
            return None
        return root

    def build_tree(self, stack: list[_Node]) -> tuple[_Node | None, int]:
        """The root node from the parse events, and how many documents started. Raises
        PyYAML's errors, or :class:`_SyntaxStop` at a second document."""
        pending_keys: list[_Node | None] = []  # per open mapping: a key awaiting its value
        root: _Node | None = None
        documents = 0
        for event in self.events():
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problem("PC006", _event_position(event), problem=_ONE_DOCUMENT)
                    raise _SyntaxStop
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node = stack.pop()
                pending_keys.pop()
                self.finish(node)
            elif isinstance(event, yaml.AliasEvent):
                node = _Node("alias", event)
                self.problem("PC008", node.position)
            elif isinstance(event, yaml.ScalarEvent):
                node = self.scalar_node(event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                node = _Node(kind, event)
                self.node_props(event)
                stack.append(node)
                pending_keys.append(None)
                continue
            else:  # stream start/end, document end
                continue
            if stack:
                self.attach(node, stack[-1], pending_keys)
            else:
                root = node
        return root, documents

    def attach(self, node: _Node, parent: _Node, pending_keys: list[_Node | None]) -> None:
        """Attach a complete node to its parent: an item, a key, or a key's value."""
        key = pending_keys[-1] if pending_keys else None
        if parent.kind == "seq":
            parent.items.append(node)
            self.check_thousands(node)
        elif key is None:
            pending_keys[-1] = node
        else:
            parent.pairs.append((key, node))
            pending_keys[-1] = None
            self.check_thousands(node)

    def syntax_error(self, error: yaml.MarkedYAMLError) -> tuple[Position | None, str | Text]:
        """Where a YAML syntax error is, and what it says (PC006's ``problem``)."""
        mark = error.problem_mark or error.context_mark
        # At the end of the stream (an unclosed quote or bracket) the problem mark lies
        # past the last line; where the construct began says more.
        if error.context_mark is not None and (
            mark is None or mark.line >= len(self.text.splitlines())
        ):
            mark = error.context_mark
        if "could not find expected ':'" in (error.problem or "") and error.context_mark:
            mark = error.context_mark  # the line without ':', not the one after it
        position = (mark.line + 1, mark.column + 1) if mark is not None else None
        explained = self.explain_syntax(error, mark)
        if explained is not None:
            return position, explained
        problem: str | Text = error.problem or str(error)
        if error.context:
            problem = f"{error.context}, {problem}"
        return position, problem

    def explain_syntax(self, error: yaml.MarkedYAMLError, mark: Any) -> Text | None:
        """PyYAML's words for the syntax errors a beginner makes, as a catalogue message
        that names the mistake and its fix: a tab, a key indented further than the key
        above it, a list item or key out of line with its neighbours, a ``: `` inside an
        unquoted value. None for other errors (PyYAML's own text is shown)."""
        if mark is None:
            return None
        lines = self.text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        problem = error.problem or ""
        if "\t" in indent or (
            "cannot start any token" in problem and self.text[mark.index : mark.index + 1] == "\t"
        ):
            return Text("problem.yaml_tab")
        above = _line_above(lines, mark.line)
        above_indent = len(above) - len(above.lstrip(" "))
        if "mapping values are not allowed" in problem:
            if len(indent) > above_indent and not above.rstrip().endswith(":"):
                return Text(
                    "problem.yaml_key_too_far",
                    {"indent": len(indent), "above": above_indent},
                )
            return Text("problem.yaml_colon_in_value")
        # libyaml: "did not find expected key / '-' indicator"; PyYAML: "expected <block end>"
        misplaced = "expected key" in problem or "expected <block end>" in problem
        if "expected '-' indicator" in problem or (misplaced and line.lstrip().startswith("-")):
            return Text("problem.yaml_item_indent", {"indent": len(indent)})
        if misplaced:
            return Text("problem.yaml_key_indent", {"indent": len(indent)})
        if "quoted scalar" in (error.context or "") and "end of stream" in problem:
            return Text("problem.yaml_unclosed_quote")
        if "could not find expected ':'" in problem:
            return Text("problem.yaml_no_colon")
        return None

    def finish_open(self, stack: list[_Node]) -> None:
        """Check the collections still open when reading stopped, for problems so far."""
        for node in reversed(stack):
            self.finish(node)

    def node_props(self, event: Any) -> None:
        """Report an anchor (PC008) or an explicit tag (PC014) on a node's event."""
        position = _event_position(event)
        if event.anchor is not None:
            self.problem("PC008", position)
        if event.tag is not None:
            tag = event.tag
            if tag.startswith("tag:yaml.org,2002:"):
                tag = "!!" + tag[len("tag:yaml.org,2002:") :]
            self.problem("PC014", position, tag=tag)

    def scalar_node(self, event: Any) -> _Node:
        node = _Node("scalar", event)
        self.node_props(event)
        node.text = event.value
        node.plain = not event.style  # None (pure-Python parser) or "" (libyaml)
        if not node.plain:
            node.value = event.value
        elif event.value in _NULLS:
            node.value = None
        else:
            node.value = Plain(event.value)
        return node

    def check_thousands(self, node: _Node) -> None:
        """PC304: ``62.000`` is read as 62.0; warn that it may mean 62000."""
        text = node.text
        if (
            node.kind == "scalar"
            and isinstance(node.value, Plain)
            and _THOUSANDS_RE.fullmatch(text)
        ):
            self.problem(
                "PC304",
                node.position,
                text=text,
                value=repr(float(text)),
                thousands=text.replace(".", ""),
            )

    # -- finishing collections ----------------------------------------------------------------

    def finish(self, node: _Node) -> None:
        if node.kind == "map":
            if node.flow:
                self.repair_flow_mapping(node)
            self.check_keys(node)
        elif node.kind == "seq" and node.flow:
            self.repair_flow_sequence(node)

    def check_keys(self, node: _Node) -> None:
        """Keys must be text (PC112), not ``<<`` (PC009), and unique (PC007)."""
        seen: dict[str, int] = {}
        for key, value in node.pairs:
            if key.kind in ("map", "seq"):
                self.problem("PC112", key.position, expected=_KEY_TEXT, got=_KIND_WORDS[key.kind])
                continue
            if key.kind == "alias":
                continue  # reported as PC008 already
            if key.plain and key.text == "<<":
                self.problem("PC009", key.position)
                continue
            name = key.text
            if name in seen:
                self.problem("PC007", key.position, key=name, first_line=seen[name])
                continue
            seen[name] = key.line
            node.entries.append((name, key, value))

    def repair_flow_mapping(self, node: _Node) -> None:
        """PC011 (``{value: 57,60}``) and PC013 (``{amount: max(0, x)}``), repaired.

        In a flow mapping YAML ends a value at a comma, so a Dutch decimal comma or an
        unquoted expression with commas leaves bogus keys with no value. Both are reported
        once, at the value, and the value is restored so the validator judges what the
        author meant instead of a cascade of "unknown key" errors.
        """
        pairs = node.pairs
        kept: list[tuple[_Node, _Node]] = []
        i = 0
        while i < len(pairs):
            key, value = pairs[i]
            previous = kept[-1][1] if kept else None
            if previous is not None and _is_bogus_key(key, value):
                if previous.is_plain_int() and _DIGITS_RE.fullmatch(key.text):
                    number = previous.text
                    self.problem("PC011", previous.position, number=number, digits=key.text)
                    previous.value = Plain(f"{number}.{key.text}")
                    previous.text = str(previous.value)
                    i += 1
                    continue
                if _opens_more(previous):
                    balance = previous.text.count("(") - previous.text.count(")")
                    last = key
                    while i < len(pairs) and balance > 0 and _is_bogus_key(*pairs[i]):
                        last = pairs[i][0]
                        balance += last.text.count("(") - last.text.count(")")
                        i += 1
                    text = self.text[previous.start : last.end]
                    self.problem("PC013", previous.position, text=text)
                    previous.value = Plain(text, None)
                    previous.text = text
                    continue
            kept.append((key, value))
            i += 1
        node.pairs = kept

    def repair_flow_sequence(self, node: _Node) -> None:
        """PC012: ``[10,5, 20]`` — a comma without a space between two integers, where
        other items are separated with a space, is a decimal comma: merge into 10.5."""
        items = node.items
        if len(items) < 2:
            return
        separators = [self.text[a.end : b.start] for a, b in zip(items, items[1:], strict=False)]
        if not any(any(c.isspace() for c in sep) for sep in separators):
            return
        merged: list[_Node] = []
        i = 0
        while i < len(items):
            item = items[i]
            if (
                i + 1 < len(items)
                and separators[i] == ","
                and item.is_plain_int()
                and items[i + 1].is_plain_int()
                and _DIGITS_RE.fullmatch(items[i + 1].text)
            ):
                digits = items[i + 1].text
                self.problem("PC012", item.position, number=item.text, digits=digits)
                item.value = Plain(f"{item.text}.{digits}")
                item.text = str(item.value)
                merged.append(item)
                i += 2
                continue
            merged.append(item)
            i += 1
        node.items = merged

    # -- node tree → plain data ---------------------------------------------------------------

    def convert(
        self, root: _Node, marks: dict[Path, Position], key_marks: dict[Path, Position]
    ) -> Any:
        """The plain-data tree, filling ``marks``/``key_marks``; iterative, not recursive."""
        data = _container(root)
        marks[()] = root.position
        todo: list[tuple[_Node, Any, Path]] = [(root, data, ())]
        while todo:
            node, obj, path = todo.pop()
            if node.kind == "map":
                for name, key, value in node.entries:
                    child_path = path + (name,)
                    child = _container(value)
                    obj[name] = child
                    marks[child_path] = value.position
                    key_marks[child_path] = key.position
                    if value.kind in ("map", "seq"):
                        todo.append((value, child, child_path))
            else:
                for index, value in enumerate(node.items):
                    child_path = path + (index,)
                    child = _container(value)
                    obj.append(child)
                    marks[child_path] = value.position
                    if value.kind in ("map", "seq"):
                        todo.append((value, child, child_path))
        return data


def _line_above(lines: list[str], index: int) -> str:
    """The nearest line above ``index`` with something on it (not blank, not a comment)."""
    for line in reversed(lines[:index]):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return ""


def _container(node: _Node) -> Any:
    if node.kind == "map":
        return {}
    if node.kind == "seq":
        return []
    return node.value  # scalars; None for an alias


def _is_bogus_key(key: _Node, value: _Node) -> bool:
    """A plain key with no value: what a comma inside a flow-mapping value leaves behind."""
    return key.kind == "scalar" and key.plain and key.value is not None and value.is_null_plain()


def _opens_more(node: _Node) -> bool:
    """A plain text value with more ``(`` than ``)``: an expression cut at a comma."""
    return (
        node.kind == "scalar"
        and isinstance(node.value, Plain)
        and node.text.count("(") > node.text.count(")")
    )
