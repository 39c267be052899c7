"""The files git says changed since a reference, so that a pull request is judged on its own stories."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from newslint.errors import NewslintError


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise NewslintError(["--changed-since needs git, and git is not installed"]) from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
        raise NewslintError([f"--changed-since: git {args[0]} failed: {message}"])
    return done.stdout


def changed_since(ref: str) -> set[Path]:
    """Absolute paths added, modified or renamed since `ref`'s merge base with HEAD, uncommitted work and
    new untracked files included; deleted files are not listed."""
    top = Path(_git("rev-parse", "--show-toplevel").strip())
    base = _merge_base(ref)
    # Against the working tree, not HEAD: a desk running it before committing sees its own edits too.
    changed = _git("diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--")
    untracked = _git("ls-files", "-z", "--others", "--exclude-standard", "--full-name", ":/")
    names = [n for n in (changed + untracked).split("\0") if n]
    return {(top / name).resolve() for name in names}


def _merge_base(ref: str) -> str:
    """The branch point with `ref`: main's own later commits are not ours. A CI checkout is often shallow
    (one commit), where git finds no merge base and says only "exit 1": say what to do instead."""
    try:
        return _git("merge-base", ref, "HEAD").strip()
    except NewslintError:
        if _git("rev-parse", "--is-shallow-repository").strip() != "true":
            raise
        message = (
            f"--changed-since: git finds no merge base with '{ref}' because this clone is shallow: fetch the "
            "history first (`git fetch --unshallow`, or actions/checkout with `fetch-depth: 0`, or "
            "GIT_DEPTH: 0 on GitLab)"
        )
        raise NewslintError([message]) from None


def keep_changed(paths: Iterable[str], changed: set[Path]) -> list[str]:
    """The discovered story paths that are among the changed files, in their discovered order."""
    return [p for p in paths if p != "-" and Path(os.path.abspath(p)).resolve() in changed]
