"""One problem as a compiler-style diagnostic: ``file:line:col: error: PC102 message``,
then the offending line with a gutter and a caret under the column.

Every human format that shows a problem (the ``check`` text, ``run``'s errors, the
reports' warnings) words it here, so a problem reads the same everywhere.
"""

from __future__ import annotations

from pactcalc.problems import Problem


def format_problem(problem: Problem, lang: str = "nl", source: str | None = None) -> str:
    """``file:line:col: error: PC102 message``, then the line with a gutter and a caret.

    The words ``error``/``warning`` stay English in both languages so that CI problem
    matchers and grep find them; the message follows ``lang``.
    """
    head = f"{problem.where()}: {problem.severity}: {problem.code} {problem.message(lang)}"
    if source is None or problem.line is None:
        return head
    lines = source.splitlines()
    if not 1 <= problem.line <= len(lines):
        return head
    text = lines[problem.line - 1].replace("\t", " ")
    number = str(problem.line)
    pad = " " * len(number)
    caret_col = max(1, problem.col or 1)
    return f"{head}\n{pad} |\n{number} | {text}\n{pad} | {' ' * (caret_col - 1)}^"
