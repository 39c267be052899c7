"""--changed-since: only the stories git says changed since a reference are linted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SLIP = "Talks\n\nThe ceasefire held. The ceasefire was signed. A cease-fire was called.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    identity = ["-c", "user.name=Desk", "-c", "user.email=desk@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, env=env, check=True, capture_output=True)


def _newslint(*args: str, cwd: Path, isolated: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    config = ["--isolated"] if isolated else []
    command = [sys.executable, "-m", "newslint", *config, "--select", "style", "--format", "json", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main has stories a, b and old; the branch edits b, adds c, deletes old, and leaves d untracked."""
    (tmp_path / "desk").mkdir()
    for name in ("a.txt", "b.txt", "old.txt"):
        (tmp_path / "desk" / name).write_text(SLIP, encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "stories")
    _git(tmp_path, "checkout", "-q", "-b", "edits")
    (tmp_path / "desk" / "b.txt").write_text(SLIP + "\nMore.\n", encoding="utf-8")
    (tmp_path / "desk" / "c.md").write_text(SLIP, encoding="utf-8")
    (tmp_path / "desk" / "notes.csv").write_text("not, a, story\n", encoding="utf-8")
    (tmp_path / "desk" / "old.txt").unlink()
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "edits")
    (tmp_path / "desk" / "d.txt").write_text(SLIP, encoding="utf-8")
    return tmp_path


def _paths(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode in (0, 1), done.stderr
    return sorted({f["path"] for f in json.loads(done.stdout)})


def test_only_changed_stories_are_linted(repo: Path) -> None:
    assert _paths(_newslint("--changed-since", "main", cwd=repo)) == ["desk/b.txt", "desk/c.md", "desk/d.txt"]


def test_changed_since_works_from_a_subfolder_and_within_named_paths(repo: Path) -> None:
    assert _paths(_newslint("--changed-since", "main", cwd=repo / "desk")) == ["b.txt", "c.md", "d.txt"]
    assert _paths(_newslint("--changed-since", "main", "desk/b.txt", "desk/a.txt", cwd=repo)) == ["desk/b.txt"]


def test_main_moving_on_does_not_count_against_the_branch(repo: Path) -> None:
    _git(repo, "checkout", "-q", "main")
    (repo / "desk" / "a.txt").write_text(SLIP + "\nLater.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "main moves on")
    _git(repo, "checkout", "-q", "edits")
    assert "desk/a.txt" not in _paths(_newslint("--changed-since", "main", cwd=repo))


def test_nothing_changed_is_a_clean_run(repo: Path) -> None:
    (repo / "desk" / "d.txt").unlink()
    done = _newslint("--changed-since", "HEAD", cwd=repo)
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


def test_an_unknown_reference_is_a_usage_error(repo: Path) -> None:
    done = _newslint("--changed-since", "no-such-branch", cwd=repo)
    assert done.returncode == 2 and "no-such-branch" in done.stderr


def test_the_current_folders_config_applies_to_the_whole_run(repo: Path) -> None:
    (repo / "newslint.toml").write_text('extend-exclude = ["d.txt"]\nfail-level = "error"\n', encoding="utf-8")
    done = _newslint("--changed-since", "main", cwd=repo, isolated=False)
    assert _paths(done) == ["desk/b.txt", "desk/c.md"]
    assert done.returncode == 0  # the findings are warnings, below this config's fail level


def test_a_shallow_clone_is_told_to_fetch_history(repo: Path, tmp_path_factory) -> None:
    # A one-commit CI checkout: git has no merge base to give, and the message must say why and what to do.
    # Both branch tips shallow, as a CI checkout of a pull request has them.
    _git(repo, "checkout", "-q", "main")
    (repo / "desk" / "a.txt").write_text(SLIP + "\nLater.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "main moves on")
    _git(repo, "checkout", "-q", "edits")
    shallow = tmp_path_factory.mktemp("ci") / "checkout"
    _git(repo.parent, "clone", "-q", "--depth", "1", "--no-single-branch", "-b", "edits", repo.as_uri(), str(shallow))
    done = _newslint("--changed-since", "origin/main", cwd=shallow)
    assert done.returncode == 2
    assert "this clone is shallow: fetch the history first" in done.stderr, done.stderr
