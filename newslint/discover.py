"""Find the story files named on the command line: files, folders (recursively) and `-` for stdin."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STORY_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
STDIN = "-"


@dataclass(frozen=True)
class Missing:
    path: str


def discover(
    paths: Iterable[str],
    exclude: Iterable[str] = (),
    exclude_for: Callable[[str], tuple[str, ...]] | None = None,
) -> Iterator[str | Missing]:
    """Yield story paths in a stable order; a folder is walked without following links (no loops).

    `exclude_for(path)` adds the globs of the config governing a named file or folder. A file named on the
    command line is excluded too when it or a folder above it matches: pre-commit and CI name every
    changed file, and `extend-exclude` must hold for them as it does for a walk (issue 14, item 6).
    """
    given = tuple(exclude)
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        patterns = given + (exclude_for(raw) if exclude_for else ())
        if os.path.isdir(raw):
            yield from _walk(raw, patterns)
        elif not os.path.exists(raw):
            yield Missing(raw)
        elif not _excluded_named(raw, patterns):
            yield raw  # named explicitly: linted whatever its suffix


def _walk(root: str, patterns: tuple[str, ...]) -> Iterator[str]:
    for folder, subfolders, files in os.walk(root, followlinks=False):
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and not _excluded(os.path.join(folder, d), patterns)
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            # "~$story.docx" is the lock file Word keeps beside an open document, not a story.
            is_story = name.lower().endswith(STORY_SUFFIXES) and not name.startswith((".", "~$"))
            if is_story and not _excluded(path, patterns) and os.path.isfile(path):  # isfile skips dangling links
                yield path


def _excluded_named(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether a named file, or any folder it is named under, matches a glob."""
    if not patterns:
        return False
    parts = Path(path).parts
    return any(_excluded(os.path.join(*parts[:end]), patterns) for end in range(len(parts), 0, -1))


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    posix = Path(path).as_posix()
    name = os.path.basename(path)
    return any(
        fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(posix, f"*/{p}") for p in patterns
    )
