"""The published pre-commit hook, run by the real pre-commit in a copy repository of stories.

pre-commit clones this repository at the commit under test (HEAD: in CI that is the commit being tested;
uncommitted work is not seen) and installs it with pip, so this test needs the package registry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The selection keeps this test about the hook, not about which other rules a short story trips.
CONFIG = 'select = ["names"]\n'
BLOCKED = (
    "Blinken presses Israel on Gaza aid\n\n"
    "U.S. Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem on Friday.\n\n"
    "Blinken urged Israel to let more aid into Gaza, the State Department said.\n\n"
    "The talks were candid, Blinked told reporters before leaving for Cairo.\n"
)
ALLOWED = BLOCKED.replace("Blinked", "Blinken")
FINDING = "names.variant"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


def _head() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip("not a git checkout (an sdist): pre-commit needs a commit to clone")
    head = done.stdout.strip()
    shown = subprocess.run(["git", "cat-file", "-e", f"{head}:.pre-commit-hooks.yaml"], cwd=ROOT, check=False)
    assert shown.returncode == 0, "the commit under test has no .pre-commit-hooks.yaml"
    return head


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home / "cache"), GIT_CONFIG_NOSYSTEM="1")
    env["GIT_CONFIG_GLOBAL"] = str(home / "gitconfig")  # no user hooksPath or templates from this machine
    (home / "gitconfig").write_text("[user]\n\tname = Copy Desk\n\temail = desk@example.com\n", encoding="utf-8")
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


def _copy_repository(path: Path, head: str, env: dict[str, str], hook_id: str = "newslint", config: str = CONFIG):
    path.mkdir()
    _run(["git", "init", "-q"], path, env)
    hook = f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {head}\n    hooks:\n      - id: {hook_id}\n"
    (path / ".pre-commit-config.yaml").write_text(hook, encoding="utf-8")
    (path / "newslint.toml").write_text(config, encoding="utf-8")
    (path / "stories").mkdir()
    _run(["git", "add", "."], path, env)
    setup = _run(["git", "commit", "-q", "-m", "Copy repository"], path, env)
    assert setup.returncode == 0, setup.stderr
    installed = _run([sys.executable, "-m", "pre_commit", "install"], path, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr


def _commit_story(repo: Path, text: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (repo / "stories" / "blinken.txt").write_text(text, encoding="utf-8")
    _run(["git", "add", "stories/blinken.txt"], repo, env)
    return _run(["git", "commit", "-m", "File the Blinken story"], repo, env)


def _commits(repo: Path, env: dict[str, str]) -> int:
    return int(_run(["git", "rev-list", "--count", "HEAD"], repo, env).stdout)


def test_precommit_hook_blocks_a_story_with_blinked_and_allows_it_fixed(tmp_path: Path) -> None:
    head = _head()
    env = _environment(tmp_path)
    repo = tmp_path / "copy"
    _copy_repository(repo, head, env)

    blocked = _commit_story(repo, BLOCKED, env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert FINDING in output and "stories/blinken.txt:7:24:" in output, output
    assert _commits(repo, env) == 1

    allowed = _commit_story(repo, ALLOWED, env)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert _commits(repo, env) == 2


def test_the_fixing_hook_fixes_the_story_fails_the_commit_and_passes_once_the_fix_is_added(tmp_path: Path) -> None:
    head = _head()
    env = _environment(tmp_path)
    repo = tmp_path / "copy"
    _copy_repository(repo, head, env, hook_id="newslint-fix", config='select = ["style"]\n')
    story = (
        "Council approves budget\n\nThe council met on Monday. An end result was a tax cut, officials said.\n\n"
        '"The end result is what counts," the mayor said.\n'
    )
    fixed = story.replace("An end result", "A result")

    first = _commit_story(repo, story, env)
    output = first.stdout + first.stderr
    assert first.returncode != 0 and "files were modified by this hook" in output, output
    assert "newslint (fix)" in output and "fixed 1 finding" in output, output
    assert (repo / "stories" / "blinken.txt").read_text(encoding="utf-8") == fixed  # the quote is untouched
    assert _commits(repo, env) == 1

    _run(["git", "add", "stories/blinken.txt"], repo, env)
    second = _run(["git", "commit", "-m", "File the budget story"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert _commits(repo, env) == 2


def test_the_hook_manifest_and_the_projects_own_config_are_valid() -> None:
    for command, path in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        done = _run([sys.executable, "-m", "pre_commit", command, path], ROOT, dict(os.environ))
        assert done.returncode == 0, done.stdout + done.stderr
