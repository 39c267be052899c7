"""`newslint learn-names`: a desk's archive read into a names file that the config can point to."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.checks.names.nameslist import load_names
from newslint.config import Settings
from newslint.linter import Linter

STORY = (
    "Officials meet in Canberra\n\n"
    "Finance Minister Kathryn Brennock said on {day} that the budget was sound. "
    "Ms Brennock told reporters the Wollstonecraft fund would grow, and Brennock left for Canberra.\n"
)


def newslint() -> list[str]:
    found = shutil.which("newslint")
    return [found] if found else [sys.executable, "-m", "newslint"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    for number, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday"]):
        (folder / "2024" / f"story-{number}.txt").write_text(STORY.format(day=day), encoding="utf-8")
    # One story slipped the name once; a binary file and a file in an old code page sit beside them.
    slipped = STORY.format(day="Friday").replace("Ms Brennock", "Ms Brenock")
    (folder / "slipped.txt").write_text(slipped, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\0\0JFIF\0binary")
    (folder / "old.txt").write_bytes("Caf\xe9 owner Brennock said so.\n".encode("cp1252"))
    return folder


def learn(folder: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*newslint(), "learn-names", str(folder), "-o", str(output), *extra],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_archive_becomes_a_names_file_with_its_slips_rejected(archive: Path, tmp_path: Path) -> None:
    output = tmp_path / "names.toml"
    run = learn(archive, output)
    assert run.returncode == 0, run.stderr
    names = load_names("ap", (str(output),))
    entry = next(e for e in names.entries if e.canonical == "Brennock")
    assert entry.reject == ("Brenock",) and "stories" in entry.note
    assert any(e.canonical == "Wollstonecraft" for e in names.entries)
    assert "photo.jpg: binary file" in run.stderr  # skipped, said so
    assert "old.txt: not UTF-8" in run.stderr  # read all the same
    assert "files written to" in run.stderr and run.stdout == ""


def test_a_name_used_once_is_checked_against_the_archive(archive: Path, tmp_path: Path) -> None:
    output = tmp_path / "names.toml"
    assert learn(archive, output, "--quiet").returncode == 0
    text = "Budget talks resume\n\nThe Wolstonecraft fund grew on Monday, officials said.\n"
    settings = Settings(select=("names",), names=(output,))
    found = Linter(isolated=True).lint_text(text, "new.txt", settings).findings
    assert [(f.rule, f.matched, f.suggestions[0]) for f in found] == [
        ("names.near-listed", "Wolstonecraft", "Wollstonecraft")
    ]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    run = learn(tmp_path / "nowhere", tmp_path / "names.toml")
    assert run.returncode == 2 and "not a folder" in run.stderr
    assert not (tmp_path / "names.toml").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_skipped_with_a_notice(archive: Path, tmp_path: Path) -> None:
    locked = archive / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        run = learn(archive, tmp_path / "names.toml")
    finally:
        locked.chmod(0o755)
    assert run.returncode == 0 and "cannot read folder" in run.stderr


def test_a_huge_file_is_read_in_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    stories = "".join(STORY.format(day=f"day {n}") + "\n" for n in range(6000))  # about 2 MB, several blocks
    (folder / "all.txt").write_text(stories, encoding="utf-8")
    output = tmp_path / "names.toml"
    assert learn(folder, output, "--quiet", "--min-stories", "2").returncode == 0
    entry = next(e for e in load_names("ap", (str(output),)).entries if e.canonical == "Brennock")
    assert entry.note.startswith(("2 stories", "3 stories"))  # one story a block of about 1 MB
