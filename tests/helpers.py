"""Helpers shared by the tests: run the installed console script for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def console_script() -> str:
    """The installed `newslint` script beside this interpreter (a venv), else on PATH."""
    beside = Path(sys.executable).parent / "newslint"
    found = str(beside) if beside.exists() else shutil.which("newslint")
    assert found, "the newslint console script is not installed: pip install ."
    return found


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None):
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [console_script(), *args], cwd=cwd, input=stdin, capture_output=True, env=environment, timeout=300, check=False
    )


TESTS = Path(__file__).resolve().parent


def golden_stories(*suffixes: str) -> list[Path]:
    """Every golden story: `tests/stories/` (whole-story cases) and each family's `tests/<family>/stories/`."""
    folders = [TESTS / "stories", *sorted(TESTS.glob("*/stories"))]
    return sorted((p for folder in folders for p in folder.iterdir() if p.suffix in suffixes), key=lambda p: p.name)
