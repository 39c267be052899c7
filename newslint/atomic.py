"""Replace a file's bytes all at once: write a temporary file beside it, then rename it over the original."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def write_atomic(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of each; on any failure the original stays.

    A read-only file is refused even where a rename could replace it (as root, or in a writable folder):
    read-only is the owner saying "do not change this".
    """
    target = Path(os.path.realpath(path))  # through a symlink, so the link itself stays a link
    mode = stat.S_IMODE(os.stat(target).st_mode)
    if not mode & _WRITE_BITS:
        raise PermissionError(errno.EACCES, "read-only file", str(path))
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
