"""The linter for each document: the closest config to its file wins, and an edited config is read again.

A command-line run reads its configs once; an editor session lasts all day, in which the desk edits
`newslint.toml` (or adds one). So the config is found afresh for each lint (a few stat calls) and a
linter is kept per config file and its modification time.
"""

from __future__ import annotations

import os
from pathlib import Path

from newslint.config import find_config
from newslint.linter import Linter


class Linters:
    def __init__(self, root: str | None = None) -> None:
        self.root = root or os.getcwd()  # the workspace's folder: the config of a document with no file
        self._linters: dict[tuple[str, tuple[int, int]], Linter] = {}

    def for_path(self, path: str | None) -> Linter:
        folder = os.path.dirname(os.path.realpath(path)) if path else self.root
        config = find_config(Path(folder))
        key = (str(config), _version(config)) if config else ("", (0, 0))
        if key not in self._linters:
            # A config file that changed replaces its old linter, whose rules were built from the old file.
            for old in [k for k in self._linters if k[0] == key[0]]:
                del self._linters[old]
            self._linters[key] = Linter(config=config) if config else Linter(isolated=True)
        return self._linters[key]


def _version(path: Path) -> tuple[int, int]:
    """What tells an edited config from the one read: its modification time and size."""
    try:
        status = path.stat()
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)
