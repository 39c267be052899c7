"""Parallel runs: the same findings, order and exit code whatever -j is, and one broken file costs only itself."""

from __future__ import annotations

import multiprocessing
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import golden_stories

from newslint.linter import FileResult, Linter
from newslint.parallel import lint_paths

ROOT = Path(__file__).resolve().parents[1]
FILES = 1000
SLIPS = (
    "A cease-fire was also discussed, and the ceasefire talks resume next week.",
    "The end result of the talks was not yet clear, officials said.",
    "Prior to the vote, members of the cabinet met in order to agree a position.",
)


def _real_paragraphs() -> list[str]:
    """Paragraphs of the repository's real stories (the examples and the golden stories)."""
    stories = sorted(ROOT.glob("examples/*.txt")) + golden_stories(".txt")
    paragraphs = [p.strip() for s in stories for p in s.read_text(encoding="utf-8").split("\n\n")]
    return [p for p in paragraphs if len(p.split()) >= 8]


def _write_stories(folder: Path, count: int) -> list[Path]:
    """`count` stories of 2 to 8 real paragraphs each, in varied encodings and line endings."""
    rng = random.Random(6)
    paragraphs = _real_paragraphs()
    paths = []
    for index in range(count):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(2, 8)))
        if index % 3 == 0:  # a slip for the desk to catch, so that there are findings to compare
            body.insert(rng.randrange(len(body) + 1), rng.choice(SLIPS))
        text = "\n\n".join([f"Story {index}: the day's news"] + body) + "\n"
        newline = "\r\n" if index % 7 == 0 else "\n"
        path = folder / f"{index // 100:02d}" / f"story-{index:04d}.{'md' if index % 5 == 0 else 'txt'}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(("\ufeff" if index % 11 == 0 else "").encode() + text.replace("\n", newline).encode())
        paths.append(path)
    (folder / "story-binary.txt").write_bytes(b"\x00\x01PK not a story")
    (folder / "story-empty.txt").write_bytes(b"")
    return paths


def _newslint(folder: Path, jobs: int) -> subprocess.CompletedProcess[bytes]:
    args = [sys.executable, "-m", "newslint", "--isolated", "--format", "json", "-j", str(jobs), str(folder)]
    return subprocess.run(args, capture_output=True, cwd=ROOT, timeout=600, check=False)


def test_two_workers_give_the_same_findings_as_one(tmp_path: Path) -> None:
    _write_stories(tmp_path, FILES)
    serial, parallel = _newslint(tmp_path, 1), _newslint(tmp_path, 2)
    # 2: the binary file among them is a story that could not be checked, a failure in every format.
    assert serial.returncode == 2, serial.stderr.decode()
    assert serial.stderr.decode().count("story-binary.txt") == 1
    assert serial.stdout.count(b'"rule"') > FILES // 10, "too few findings to compare"
    assert (parallel.returncode, parallel.stdout, parallel.stderr) == (serial.returncode, serial.stdout, serial.stderr)


@pytest.fixture
def fork() -> multiprocessing.context.BaseContext:
    # Workers must inherit the monkeypatched linter below, so this test needs the fork start method.
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs the fork start method")
    return multiprocessing.get_context("fork")


def test_a_broken_file_costs_only_its_own_result(tmp_path: Path, monkeypatch, fork) -> None:
    paths = [str(p) for p in _write_stories(tmp_path, 40)]
    linter = Linter(isolated=True)
    expected = {p: r.findings for p, r in zip(paths, lint_paths(linter, paths, jobs=1))}
    lint_text = Linter.lint_text

    def broken(self: Linter, text: str, path: str, settings=None) -> FileResult:
        if path.endswith("story-0013.txt"):
            raise RuntimeError("a bug in a check")
        if path.endswith("story-0027.txt"):
            os._exit(3)  # the worker process dies outright
        return lint_text(self, text, path, settings)

    monkeypatch.setattr(Linter, "lint_text", broken)
    results = lint_paths(Linter(isolated=True), paths, jobs=2, context=fork)

    assert [r.path for r in results] == paths
    errors = {Path(r.path).name: r.error for r in results if r.error}
    assert set(errors) == {"story-0013.txt", "story-0027.txt"}
    assert "RuntimeError: a bug in a check" in errors["story-0013.txt"]
    assert "died" in errors["story-0027.txt"]
    assert all(r.findings == expected[r.path] for r in results if not r.error)


def test_a_bad_config_stops_the_run_the_same_way_with_any_number_of_workers(tmp_path: Path) -> None:
    _write_stories(tmp_path, 20)
    (tmp_path / "newslint.toml").write_text('select = ["style.no-such-rule"]\n', encoding="utf-8")
    runs = []
    for jobs in ("1", "2"):
        args = [sys.executable, "-m", "newslint", "-j", jobs, str(tmp_path)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        runs.append(subprocess.run(args, capture_output=True, cwd=tmp_path, env=env, timeout=300, check=False))
    assert runs[0].returncode == 2 and b"no-such-rule" in runs[0].stderr
    assert (runs[1].returncode, runs[1].stdout, runs[1].stderr) == (runs[0].returncode, runs[0].stdout, runs[0].stderr)


def test_fixing_with_two_workers_writes_the_same_files_as_with_one(tmp_path: Path) -> None:
    copies = [tmp_path / "one", tmp_path / "two"]
    for copy in copies:
        copy.mkdir()
        _write_stories(copy, 60)
    runs = []
    for jobs, copy in zip(("1", "2"), copies):
        args = [sys.executable, "-m", "newslint", "--isolated", "--fix", "-j", jobs, "."]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
        runs.append(subprocess.run(args, capture_output=True, cwd=copy, env=env, timeout=300, check=False))
    assert b"fixed " in runs[0].stderr and b"fixed 0 " not in runs[0].stderr, runs[0].stderr
    assert (runs[1].returncode, runs[1].stdout, runs[1].stderr) == (runs[0].returncode, runs[0].stdout, runs[0].stderr)
    files = sorted(p.relative_to(copies[0]) for p in copies[0].rglob("*.*"))
    assert files == sorted(p.relative_to(copies[1]) for p in copies[1].rglob("*.*"))
    assert all((copies[0] / f).read_bytes() == (copies[1] / f).read_bytes() for f in files)
