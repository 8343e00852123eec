"""One problem as a compiler-style diagnostic: ``file:line:col: error: PC102 message``,
then the offending line with a gutter and a caret under the column.

Every human format that shows a problem (the ``check`` text, ``run``'s errors, the
reports' warnings) words it here, so a problem reads the same everywhere.

Output stays proportional to the problems, whatever the file (issue 10):

* the source is split into lines once per file, not once per problem (30,000 problems in
  one file re-split it 30,000 times);
* an excerpt shows at most :data:`EXCERPT_WIDTH` characters around the caret, with ``…``
  where the line is cut (a 50 KB flow list on one line was printed whole per problem);
* :func:`format_problems` shows the first :data:`SHOWN_PER_CODE` problems of one code in
  one file and then one line saying how many more there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pactcalc.i18n import number, t
from pactcalc.problems import Problem
from pactcalc.render.text import inert_lines, visible

#: The most characters of a source line an excerpt shows (the caret's surroundings).
EXCERPT_WIDTH = 100

#: Problems of one code in one file shown in full; the rest are counted in one line.
SHOWN_PER_CODE = 20

ELLIPSIS = "…"


@lru_cache(maxsize=4)
def source_lines(source: str) -> tuple[str, ...]:
    """The lines of a file's text, split once: every problem of the file reuses them (a
    string's hash is cached, so finding them again costs nothing)."""
    return tuple(source.splitlines())


def format_problem(
    problem: Problem, lang: str = "nl", source: str | Sequence[str] | None = None
) -> str:
    """``file:line:col: error: PC102 message``, then the line with a gutter and a caret.

    ``source`` is the file's text, or its lines already split. The words
    ``error``/``warning`` stay English in both languages so that CI problem matchers and
    grep find them; the message follows ``lang``. Scenario text in it (a file name, a
    key, a name, the line) shows through :func:`~pactcalc.render.text.visible`: a control
    character or a line break never acts and never starts a line of its own.
    """
    message = f"{problem.where()}: {problem.severity}: {problem.code} {problem.message(lang)}"
    head = inert_lines(visible(message))  # a file named ::error::x.yaml is no command
    if source is None or problem.line is None:
        return head
    lines = source_lines(source) if isinstance(source, str) else source
    if not 1 <= problem.line <= len(lines):
        return head
    text, caret = excerpt(lines[problem.line - 1], max(1, problem.col or 1))
    number_text = str(problem.line)
    pad = " " * len(number_text)
    return f"{head}\n{pad} |\n{number_text} | {text}\n{pad} | {' ' * (caret - 1)}^"


def excerpt(line: str, col: int, width: int = EXCERPT_WIDTH) -> tuple[str, int]:
    """The part of ``line`` shown under a diagnostic and the caret's column in it.

    A line of at most ``width`` characters is shown whole; a longer one as ``width``
    characters around column ``col`` (1-based), with ``…`` on each side that is cut, the
    caret still under the same character. Tabs show as one space each, so that columns
    keep counting characters; other control and bidi characters show escaped
    (:func:`~pactcalc.render.text.visible`), the caret moved past their escapes.

    >>> excerpt("a: [1,5, 1,5]", 5)
    ('a: [1,5, 1,5]', 5)
    >>> excerpt("x" * 50 + "Y" + "x" * 50, 51, width=10)
    ('…xxxxxYxxxx…', 7)
    >>> excerpt("a: \x1b[2J x", 9)
    ('a: \\\\x1b[2J x', 12)
    """
    text = line.replace("\t", " ")
    if len(text) <= width:
        return _visible_excerpt(text, col)
    start = max(0, min(col - 1 - width // 2, len(text) - width))
    end = start + width
    shown = text[start:end]
    caret = col - start
    if start > 0:
        shown = ELLIPSIS + shown
        caret += 1
    if end < len(text):
        shown += ELLIPSIS
    return _visible_excerpt(shown, caret)


def _visible_excerpt(shown: str, caret: int) -> tuple[str, int]:
    """An excerpt with its active characters escaped and the caret under the same
    character (each escape before it moves it right)."""
    before = visible(shown[: caret - 1])
    return before + visible(shown[caret - 1 :]), len(before) + 1


def more_like_this(problem: Problem, hidden: int, lang: str) -> str:
    """The line that stands for ``hidden`` further problems of ``problem``'s code:
    ``file: note: PC012 … and 9,950 more like this``. ``note`` is neither ``error`` nor
    ``warning``, so a CI problem matcher does not count it as one more problem."""
    more = t("problem.more_like_this", lang, n=number(hidden, lang))
    return inert_lines(visible(f"{problem.file}: note: {problem.code} {more}"))


def format_problems(
    problems: Sequence[Problem],
    lang: str = "nl",
    source: str | Sequence[str] | None = None,
    shown_per_code: int = SHOWN_PER_CODE,
) -> list[str]:
    """The diagnostics of one file's problems (in their order): the first
    ``shown_per_code`` of each code in full, then, right after the last one shown, one
    line saying how many more of that code there are."""
    lines = source_lines(source) if isinstance(source, str) else source
    totals: dict[tuple[str, str], int] = {}
    for problem in problems:
        key = (problem.file, problem.code)
        totals[key] = totals.get(key, 0) + 1
    seen: dict[tuple[str, str], int] = {}
    out: list[str] = []
    for problem in problems:
        key = (problem.file, problem.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > shown_per_code:
            continue
        out.append(format_problem(problem, lang, lines))
        if seen[key] == shown_per_code and totals[key] > shown_per_code:
            out.append(more_like_this(problem, totals[key] - shown_per_code, lang))
    return out
