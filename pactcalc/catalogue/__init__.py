"""The one catalogue of words: a message id → its Dutch and English text.

Every sentence, label and problem message that pactcalc shows is an entry here, with
``{named}`` placeholders that :func:`pactcalc.i18n.t` fills in. The entries are kept in a
module per area (labels, problems, report, charts, explain, cli, monitor) so that each is
easy to find; together they are one catalogue, and an id may occur only once. A metric's
label is its registry row (:mod:`pactcalc.metrics`), read through the same lookup by its
name.
"""

from __future__ import annotations

from pactcalc import metrics
from pactcalc.catalogue import charts, cli, explain, labels, monitor, problems, report

_AREAS = (labels, problems, report, charts, explain, cli, monitor)


def _merge() -> tuple[dict[str, tuple[str, str]], list[str]]:
    entries: dict[str, tuple[str, str]] = {}
    duplicates: list[str] = []
    for area in _AREAS:
        for key, words in area.WORDS.items():
            if key in entries:
                duplicates.append(key)
            entries[key] = words
    for metric in metrics.REGISTRY.values():
        if metric.name in entries:
            duplicates.append(metric.name)
        entries[metric.name] = (metric.nl, metric.en)
    return entries, duplicates


#: Every message id with its (nl, en) text.
ENTRIES, DUPLICATES = _merge()
