"""Write a fixed story back over the file it was read from without losing anything the file was.

Two ways, one chosen per file:
- replace: write a temporary file beside it and rename it over the original, so that readers see the old
  story or the new one, never half of each. Used when the new file can be given the original's owner, group
  and mode, and the file has no other hard link (a rename would leave the other names on the old text).
- in place: rewrite the same file (same inode), so that hard links, owner, ACLs and extended attributes stay.
  Signals are held off while the bytes go out, and if the write fails (a full disk) the original bytes go back.

Either way the file is read once more just before the write: if it is no longer the text newslint fixed (an
editor saved meanwhile), nothing is written and `ChangedOnDisk` says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
_DEFERRED_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


class ChangedOnDisk(OSError):
    """The file is no longer the text that was fixed: someone saved it while newslint ran."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EAGAIN, "the file changed on disk while it was being fixed; run again", str(path))


def write_fixed(path: Path, expected: bytes, data: bytes) -> None:
    """Put `data` where `path`'s bytes are `expected`; on any failure the original stays as it was.

    A read-only file is refused even where a rename could replace it (as root, or in a writable folder):
    read-only is the owner saying "do not change this".
    """
    target = Path(os.path.realpath(path))  # through a symlink, so the link itself stays a link
    status = os.stat(target)
    if not stat.S_IMODE(status.st_mode) & _WRITE_BITS:
        raise PermissionError(errno.EACCES, "read-only file", str(path))
    _check_unchanged(target, expected)
    if status.st_nlink == 1 and _replace(target, status, expected, data):
        return
    _write_in_place(target, status, expected, data)


def _check_unchanged(target: Path, expected: bytes) -> None:
    if target.read_bytes() != expected:
        raise ChangedOnDisk(target)


def _replace(target: Path, status: os.stat_result, expected: bytes, data: bytes) -> bool:
    """Rename a new file over `target`; False (nothing changed) when the new file cannot get its owner."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if not _same_owner(temporary, status):
            os.unlink(temporary)
            return False
        _check_unchanged(target, expected)  # the last moment before the rename: the smallest window
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True


def _same_owner(temporary: str, status: os.stat_result) -> bool:
    """Give the temporary file the original's owner and group, as far as this user may."""
    mine = os.stat(temporary)
    if (mine.st_uid, mine.st_gid) == (status.st_uid, status.st_gid):
        return True
    try:
        os.chown(temporary, status.st_uid, status.st_gid)  # root may; an owner may pick one of their groups
    except OSError:
        return False
    return True


def _write_in_place(target: Path, status: os.stat_result, expected: bytes, data: bytes) -> None:
    with open(target, "r+b") as stream:
        if os.fstat(stream.fileno()).st_ino != status.st_ino:
            raise ChangedOnDisk(target)  # renamed over since it was read: an editor's save
        if stream.read() != expected:
            raise ChangedOnDisk(target)
        with _signals_held():
            try:
                _overwrite(stream, data)
            except BaseException:
                with contextlib.suppress(OSError):
                    _overwrite(stream, expected)  # its blocks are still allocated: this write fits
                raise


def _overwrite(stream: BinaryIO, data: bytes) -> None:
    stream.seek(0)
    stream.write(data)
    stream.truncate(len(data))
    stream.flush()
    os.fsync(stream.fileno())


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C or a kill during the few writes that make the file is acted on just after them."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
