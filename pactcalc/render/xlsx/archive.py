"""The deterministic xlsx file: the same workbook gives the same bytes.

openpyxl stamps the document with the current time and :mod:`zipfile` dates every entry
of the archive: :func:`save_stable` fixes both, so that a workbook can be compared (and
checked in) byte for byte.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from typing import Any

from pactcalc.render.xlsx.guards import clean_text

#: The creation and modification time written into every workbook's properties.
FIXED_TIME = datetime.datetime(2000, 1, 1, 0, 0, 0)
#: The date of every entry in the zip archive.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def save_stable(workbook: Any, path: str | os.PathLike[str], title: str) -> None:
    """Save an openpyxl ``workbook`` to ``path`` so that the same workbook gives the same
    bytes: fixed document dates, ``title`` as the document title, fixed dates on every
    entry of the zip archive."""
    from openpyxl.writer.excel import ExcelWriter

    properties = workbook.properties
    properties.creator = "pactcalc"
    properties.title = clean_text(title)
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.lastModifiedBy = None

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    with open(path, "wb") as out:
        out.write(with_fixed_zip_times(raw.getvalue()))


def with_fixed_zip_times(data: bytes) -> bytes:
    """The same zip archive with every entry dated :data:`ZIP_TIME` (zipfile stamps the
    current time) and the same permissions, so that the same content gives the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
