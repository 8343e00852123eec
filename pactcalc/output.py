"""Writing output files without ever losing or damaging one.

Every command that writes a file (``run``, ``check``, ``report``, ``compare``,
``sensitivity``, ``simulate``, ``schema``, ``init``) writes through :func:`write` or
:func:`create`. They promise:

- **Never half a file.** A regular file is written to a temporary file beside it, synced
  and renamed into place, so a reader (or a full disk, or Ctrl-C) never leaves a
  truncated file behind. The temporary name is short (``.pactcalc-XXXXXXXX.tmp``), so it
  fits the file system's name limit whatever the output's name.
- **Never an input.** An output that is (by path, link or hard link) a file read in the
  same run is refused (PC020).
- **Devices, pipes and links are what they say.** ``/dev/null``, ``/dev/stdout`` or a FIFO
  is written to directly (a rename would replace the device with a regular file); a
  symbolic link is written through to its target and stays a link.
- **A file keeps what it was.** Replacing an existing file keeps its mode (and, where
  allowed, its owner); a read-only file is refused rather than replaced, as ``cp`` refuses
  it: read-only is how a user protects a file. A path that ends in a separator
  (``newdir/``) names a folder, not a file, and is refused.

Refusals are :class:`OutputError` values carrying the problem code (PC020, PC021, PC023);
the CLI prints them and exits 2.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pactcalc.i18n import Text

#: What an output is: text, bytes, or a function that writes the file at the path it is
#: given (a workbook library that wants a path, say).
Content = str | bytes | Callable[[Path], None]

_TEMPORARY_PREFIX = ".pactcalc-"
_TEMPORARY_SUFFIX = ".tmp"


@dataclass
class OutputError(Exception):
    """Why an output was not written: a problem code (PC020 the input, PC021 exists,
    PC023 cannot write), the path as given, and the reason (worded by the catalogue
    when it is a :class:`~pactcalc.i18n.Text`, else the operating system's words)."""

    code: str
    path: str
    reason: str | Text = ""

    def __str__(self) -> str:
        return f"{self.code} {self.path}: {self.reason_text('en')}"

    def reason_text(self, lang: str) -> str:
        return self.reason.text(lang) if isinstance(self.reason, Text) else self.reason


def check_destination(destination: str | os.PathLike[str], inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done, an output that cannot or must not be written:
    a folder's name, one of ``inputs``, a folder, a read-only file. Raises
    :class:`OutputError`; :func:`write` checks the same again."""
    name = os.fspath(destination)
    if name.endswith(tuple(sep for sep in (os.sep, os.altsep) if sep)):
        raise OutputError("PC023", name, Text("cli.write.folder_name"))
    for source in inputs:
        if _same_file(Path(name), source):
            raise OutputError("PC020", name)
    try:
        status = os.stat(name)  # follows a link: what would be written is its target
    except OSError:
        return  # a new file (or a dangling link): writing it says why it cannot be made
    if stat.S_ISDIR(status.st_mode):
        raise OutputError("PC023", name, Text("cli.write.is_folder"))
    if stat.S_ISREG(status.st_mode) and not _writable(name, status):
        raise OutputError("PC023", name, Text("cli.write.read_only"))


def write(
    destination: str | os.PathLike[str], content: Content, inputs: Iterable[Path] = ()
) -> None:
    """Write ``content`` to ``destination``, replacing what is there, as promised in the
    module's docstring. Raises :class:`OutputError`."""
    name = os.fspath(destination)
    check_destination(name, list(inputs))
    try:
        if _is_special(name):
            _write_directly(name, content)
        else:
            _replace_atomically(Path(os.path.realpath(name)), content)
    except OSError as error:
        raise OutputError("PC023", name, error.strerror or str(error)) from error


def create(destination: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a new file at ``destination`` whole or not at all, never over an existing
    file or link (PC021): the temporary file is linked to its name, which fails when the
    name is taken. Raises :class:`OutputError`."""
    name = os.fspath(destination)
    check_destination(name)
    path = Path(name)
    try:
        if os.path.lexists(name):
            raise FileExistsError(name)
        temporary = _temporary_beside(path, content, mode=None)
        try:
            _link_or_claim(temporary, path)
        finally:
            if os.path.lexists(temporary):
                os.unlink(temporary)
    except FileExistsError as error:
        raise OutputError("PC021", name) from error
    except OSError as error:
        raise OutputError("PC023", name, error.strerror or str(error)) from error


def _link_or_claim(temporary: Path, path: Path) -> None:
    """Give ``temporary`` the name ``path`` unless the name is taken (FileExistsError).
    A hard link does both at once; a file system without hard links gets the name claimed
    first (``open(.., "x")``) and then filled by a rename."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        with open(path, "xb"):
            pass
        os.replace(temporary, path)


def _same_file(output: Path, source: Path) -> bool:
    """Whether writing ``output`` would replace ``source``: the same path once links are
    resolved, or the same file under another name (a hard link)."""
    try:
        if output.resolve() == source.resolve():
            return True
        return output.exists() and source.exists() and os.path.samefile(output, source)
    except OSError:
        return False


def _writable(name: str, status: os.stat_result) -> bool:
    """A file its owner may write, and this user may: a read-only file is read-only on
    purpose, also for the super-user (who could write it anyway)."""
    return bool(status.st_mode & stat.S_IWUSR) and os.access(name, os.W_OK)


def _is_special(name: str) -> bool:
    """A device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe)."""
    try:
        return not stat.S_ISREG(os.stat(name).st_mode)
    except OSError:
        return False


def _write_directly(name: str, content: Content) -> None:
    """Write to a device or pipe as it is: no temporary file, no rename."""
    data = _bytes_of(content)
    with open(name, "wb") as stream:
        stream.write(data)


def _bytes_of(content: Content) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    if isinstance(content, bytes):
        return content
    import tempfile  # a writer that wants a path: let it write a file, then read it

    with tempfile.TemporaryDirectory(prefix=_TEMPORARY_PREFIX) as folder:
        path = Path(folder) / "output"
        content(path)
        return path.read_bytes()


def _replace_atomically(target: Path, content: Content) -> None:
    """Write ``target`` through a temporary file beside it and a rename. An existing
    file keeps its mode and, where this user may set it, its owner."""
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    temporary = _temporary_beside(target, content, existing.st_mode if existing else None)
    try:
        if existing is not None:
            # not ours to give away: the new file is then this user's, as with cp
            with contextlib.suppress(OSError):
                os.chown(temporary, existing.st_uid, existing.st_gid)
        os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _temporary_beside(target: Path, content: Content, mode: int | None) -> Path:
    """A temporary file in ``target``'s folder holding ``content``, synced to disk, with
    ``mode`` (default: what a new file gets, 0666 less the umask — mkstemp's private 0600
    would not do for a report meant to be shared)."""
    import tempfile  # only when a file is written: keeps start-up quick

    handle, name = tempfile.mkstemp(
        prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=target.parent
    )
    temporary = Path(name)
    try:
        if callable(content):
            os.close(handle)
            content(temporary)
            with open(temporary, "rb+") as stream:
                os.fsync(stream.fileno())
        else:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise
    return temporary


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
