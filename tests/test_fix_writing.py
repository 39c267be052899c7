"""--fix writes over the story it read and nothing else: an edit saved meanwhile wins, owner and hard links stay."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from newslint import atomic
from newslint.config import Settings
from newslint.fix import fix_file
from newslint.linter import FileResult, Linter

STORY = "Council approves budget\n\nThe council met on Monday. The end result was a tax cut, officials said.\n"
FIXED = STORY.replace("The end result", "The result")
EDITED = STORY.replace("Monday", "Tuesday")


class _EditorSavesDuringTheRun(Linter):
    """A linter during whose first lint an editor saves the story: by writing it, or by a rename (vim, VS Code)."""

    def __init__(self, path: Path, rename: bool) -> None:
        super().__init__(isolated=True, select=("style",))
        self.path, self.rename, self.saved = path, rename, False

    def lint_text(self, text: str, path: str, settings: Settings | None = None) -> FileResult:
        if not self.saved:
            self.saved = True
            if self.rename:
                (self.path.parent / "saved.tmp").write_text(EDITED, encoding="utf-8")
                os.replace(self.path.parent / "saved.tmp", self.path)
            else:
                self.path.write_text(EDITED, encoding="utf-8")
        return super().lint_text(text, path, settings)


def _linter() -> Linter:
    return Linter(isolated=True, select=("style",))


@pytest.mark.parametrize("rename", [False, True], ids=["written", "renamed"])
def test_an_edit_saved_while_fixing_is_kept_and_the_fix_refused(tmp_path: Path, rename: bool) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = fix_file(_EditorSavesDuringTheRun(path, rename), str(path))
    assert "changed on disk" in result.problem, result
    assert path.read_text(encoding="utf-8") == EDITED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_an_edit_between_the_last_check_and_the_rename_is_not_lost(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    checks = []
    real = atomic._check_unchanged

    def edit_before_the_second_check(target: Path, expected: bytes) -> None:
        checks.append(target)
        if len(checks) == 2:  # after the temporary file is written, just before the rename
            path.write_text(EDITED, encoding="utf-8")
        real(target, expected)

    monkeypatch.setattr(atomic, "_check_unchanged", edit_before_the_second_check)
    result = fix_file(_linter(), str(path))
    assert len(checks) == 2 and "changed on disk" in result.problem
    assert path.read_text(encoding="utf-8") == EDITED


def test_hard_links_stay_linked_and_both_names_see_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    other = tmp_path / "archive.txt"
    os.link(path, other)
    inode = path.stat().st_ino
    assert not fix_file(_linter(), str(path)).problem
    assert path.stat().st_ino == inode == other.stat().st_ino and path.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED


def test_a_symlink_stays_a_link_to_the_fixed_story(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text(STORY, encoding="utf-8")
    link = tmp_path / "story.txt"
    link.symlink_to(real.name)
    assert not fix_file(_linter(), str(link)).problem
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
@pytest.mark.parametrize("linked", [False, True], ids=["replaced", "in-place"])
def test_a_file_fixed_as_root_keeps_its_owner_group_and_mode(tmp_path: Path, linked: bool) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    if linked:
        os.link(path, tmp_path / "other.txt")
    os.chown(path, 4321, 8765)
    path.chmod(0o640)
    assert not fix_file(_linter(), str(path)).problem
    status = path.stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (4321, 8765, 0o640)
    assert path.read_text(encoding="utf-8") == FIXED


def test_a_failed_write_in_place_puts_the_original_back(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-8"))
    os.link(path, tmp_path / "other.txt")  # a hard link: written in place
    calls = []
    real_fsync = os.fsync

    def full_disk_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk_once)
    result = fix_file(_linter(), str(path))
    assert "No space left on device" in result.problem
    assert path.read_bytes() == STORY.encode("utf-8") and path.stat().st_nlink == 2


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", True, "\r\n"),
        ("cp1252", False, "\r\n"),
        ("utf-8", False, "\r"),
        ("utf-16", False, "\n"),
    ],
)
@pytest.mark.parametrize("linked", [False, True], ids=["replaced", "in-place"])
def test_both_ways_of_writing_are_byte_exact(tmp_path: Path, encoding: str, bom: bool, newline: str, linked: bool):
    original = STORY.replace("Council", "Café council").replace("\n", newline)
    prefix = "\ufeff".encode(encoding) if bom else b""
    path = tmp_path / "story.txt"
    path.write_bytes(prefix + original.encode(encoding))
    if linked:
        os.link(path, tmp_path / "other.txt")
    result = fix_file(_linter(), str(path))
    assert not result.problem, result.problem
    expected = FIXED.replace("Council", "Café council").replace("\n", newline)
    assert path.read_bytes() == prefix + expected.encode(encoding)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks on this platform")
def test_ctrl_c_during_a_write_in_place_waits_until_the_story_is_whole(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    os.link(path, tmp_path / "other.txt")  # a hard link: written in place
    real_overwrite = atomic._overwrite

    def interrupted(stream, data: bytes) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C as the bytes start to go out
        real_overwrite(stream, data)

    monkeypatch.setattr(atomic, "_overwrite", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_file(_linter(), str(path))
    assert path.read_text(encoding="utf-8") == FIXED  # acted on after the write, not in the middle of it
