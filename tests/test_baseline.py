"""Baselines: recorded findings stay quiet after edits above them; new findings still show and fail the run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "Truce holds\n\n"
    "The ceasefire held on Monday, officials said.\n\n"
    "The ceasefire was agreed in Cairo. A cease-fire in January collapsed.\n\n"
    "The end result was calm.\n"
)


def _newslint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "newslint", "--isolated", "--select", "style", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def _setup(tmp_path: Path) -> Path:
    (tmp_path / "stories").mkdir()
    story = tmp_path / "stories" / "truce.txt"
    story.write_text(STORY, encoding="utf-8")
    done = _newslint("--write-baseline", "baseline.json", "stories", cwd=tmp_path)
    assert done.returncode == 0 and "recorded 2 findings" in done.stderr, done.stderr
    return story


def test_baselined_findings_are_not_reported(tmp_path: Path) -> None:
    _setup(tmp_path)
    assert _newslint("stories", cwd=tmp_path).returncode == 1
    done = _newslint("--baseline", "baseline.json", "stories", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")


def test_baseline_survives_lines_added_above(tmp_path: Path) -> None:
    story = _setup(tmp_path)
    story.write_text(
        STORY.replace("Truce holds\n\n", "Truce holds\n\nUPDATED with new detail.\n\nMore.\n\n"), encoding="utf-8"
    )
    done = _newslint("--baseline", "baseline.json", "stories", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")


def test_new_findings_are_reported_beside_a_baseline(tmp_path: Path) -> None:
    story = _setup(tmp_path)
    story.write_text(STORY + "\nAnother cease-fire was proposed.\n", encoding="utf-8")
    done = _newslint("--baseline", "baseline.json", "stories", cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("stories/truce.txt:9:9: warning style.consistent-spelling")


def test_each_entry_covers_as_many_findings_as_it_counted(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Talks\n\nThe end result was calm.\n\nThe end result was calm.\n", encoding="utf-8")
    _newslint("--write-baseline", "b.json", "s.txt", cwd=tmp_path)
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"][0]["count"] == 2
    (tmp_path / "s.txt").write_text("Talks\n\n" + "The end result was calm.\n\n" * 3, encoding="utf-8")
    done = _newslint("--baseline", "b.json", "s.txt", cwd=tmp_path)
    assert len(done.stdout.splitlines()) == 1


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path: Path) -> None:
    _setup(tmp_path)
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"stories/truce.txt"}
    done = _newslint("--baseline", "../baseline.json", "truce.txt", cwd=tmp_path / "stories")
    assert (done.returncode, done.stdout) == (0, "")


def test_a_file_that_is_not_a_baseline_is_a_usage_error(tmp_path: Path) -> None:
    _setup(tmp_path)
    (tmp_path / "baseline.json").write_text("[]", encoding="utf-8")
    done = _newslint("--baseline", "baseline.json", "stories", cwd=tmp_path)
    assert done.returncode == 2 and "cannot read baseline" in done.stderr


def test_a_baseline_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(STORY, encoding="utf-8")
    done = _newslint("--write-baseline", "no-such-folder/b.json", "s.txt", cwd=tmp_path)
    assert done.returncode == 2 and "cannot write baseline" in done.stderr
