"""--diff writes a patch that `patch` applies to give the fixed story back, whatever line breaks it holds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.fix import unified_diff

ROOT = Path(__file__).resolve().parents[1]
# Every character some tool takes for a line break: patch and git split on "\n" alone.
BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
PATCH = shutil.which("patch")
needs_patch = pytest.mark.skipif(PATCH is None, reason="the patch program is not installed")


def _apply(before: str, diff: str) -> str:
    """`before` patched by `diff` with the real `patch`, read back byte for byte."""
    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder) / "story.txt"
        story.write_bytes(before.encode("utf-8"))
        done = subprocess.run(
            [PATCH, "--batch", "--silent", "-p1"],
            cwd=folder,
            input=diff.encode("utf-8"),
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, (done.stdout + done.stderr).decode("utf-8", "replace")
        return story.read_bytes().decode("utf-8")


pieces = st.lists(st.sampled_from(["The", "end", "result", "Blinken", "said", "é", "—", " ", *BREAKS]), max_size=40)


@needs_patch
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces, pieces, pieces)
def test_the_diff_applies_to_give_the_fixed_text_back_on_every_line_break(head: list, old: list, tail: list) -> None:
    before = "".join(head + old + tail)
    after = "".join(head + [p.upper() if p.isalpha() else p for p in old] + ["fixed "] + tail)
    diff = unified_diff(before, after, "story.txt")
    assert _apply(before, diff) == after


@needs_patch
@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\u2029", "\f"])
def test_newslint_diff_of_a_story_with_unusual_line_breaks_applies(tmp_path: Path, separator: str) -> None:
    story = (
        f"Council approves budget\n\nThe council met on Monday.{separator}The end result was a tax cut, "
        f"officials said.{separator}The past history of such votes is long.\n"
    )
    path = tmp_path / "story.txt"
    path.write_bytes(story.encode("utf-8"))
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "newslint", "--isolated", "--select", "style", "--diff", "story.txt"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    diff = done.stdout.decode("utf-8")
    assert diff.count("\n@@ ") + diff.startswith("@@ ") == 1 and diff.count("\n-The council") == 1, diff
    fixed = _apply(story, diff)
    assert fixed == story.replace("The end result", "The result").replace("The past history", "The history")
    assert path.read_bytes() == story.encode("utf-8")  # --diff changes nothing
