"""--fix and --diff: safe fixes only, never in quotes, atomic, encoding kept, idempotent; --diff writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.finding import Applicability, Finding, Fix, Level
from newslint.fix import fix_file, fix_text, unified_diff
from newslint.linter import Linter

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "Council approves budget\n\n"
    "The council approved the budget on Monday. The end result was a tax cut, officials said.\n\n"
    '"The end result is what counts," the mayor said. Prior to the vote, members met in order to agree.\n\n'
    "The past history of such votes is long, and future plans were not discussed.\n"
)
SAFE_FIXED = (
    "Council approves budget\n\n"
    "The council approved the budget on Monday. The result was a tax cut, officials said.\n\n"
    '"The end result is what counts," the mayor said. Prior to the vote, members met in order to agree.\n\n'
    "The history of such votes is long, and plans were not discussed.\n"
)


def _linter() -> Linter:
    return Linter(isolated=True, select=("style",))


def _newslint(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "newslint", "--isolated", "--select", "style", *args]
    return subprocess.run(
        command, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def _write(tmp_path: Path, text: str, name: str = "story.txt", encoding: str = "utf-8", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + text.encode(encoding))
    return path


def test_fix_applies_safe_fixes_outside_quotes_only(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    result = fix_file(_linter(), str(path))
    assert not result.problem
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    assert result.fixed is not None and result.fixed.rules == {"style.redundant"}


def test_fixing_is_idempotent(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    fix_file(_linter(), str(path), unsafe=True)
    once = path.read_bytes()
    again = fix_file(_linter(), str(path), unsafe=True)
    assert not again.changed and path.read_bytes() == once


def test_fixed_file_relints_clean_of_the_fixed_rules(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    result = fix_file(_linter(), str(path), unsafe=True)
    assert result.fixed is not None and result.fixed.rules == {"style.redundant", "style.wordy"}
    left = _linter().lint_file(str(path)).findings
    assert [f.rule for f in left if f.rule in result.fixed.rules] == []


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    fix_file(_linter(), str(path))
    assert "in order to" in path.read_text(encoding="utf-8")
    fix_file(_linter(), str(path), unsafe=True)
    text = path.read_text(encoding="utf-8")
    assert "members met to agree" in text and "Before the vote" in text
    assert '"The end result is what counts,"' in text  # the quote is untouched even with unsafe fixes


def test_a_rule_that_reads_quotes_still_never_fixes_them(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        '[house.towards]\ntype = "substitution"\nmessage = "m"\nwhy = "w"\nscope = ["body", "quote"]\n'
        'swap = { towards = "toward" }\nexamples.bad = ["He went towards it."]\nexamples.good = ["Toward."]\n',
        encoding="utf-8",
    )
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\nselect = ["house"]\n', encoding="utf-8")
    path = _write(tmp_path, 'Talks\n\nThey moved towards a deal. "We moved towards peace," she said.\n')
    linter = Linter(config=tmp_path / "newslint.toml")
    assert len(linter.lint_file(str(path)).findings) == 2  # the rule does see the quote
    fix_file(linter, str(path))
    assert (
        path.read_text(encoding="utf-8") == 'Talks\n\nThey moved toward a deal. "We moved towards peace," she said.\n'
    )


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"), [("utf-8", True, "\r\n"), ("cp1252", False, "\r\n"), ("utf-8", False, "\r")]
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path: Path, encoding: str, bom: bool, newline: str) -> None:
    original = STORY.replace("Council", "Café council").replace("\n", newline)
    path = _write(tmp_path, original, encoding=encoding, bom=bom)
    fix_file(_linter(), str(path))
    expected = SAFE_FIXED.replace("Council", "Café council").replace("\n", newline)
    assert path.read_bytes() == ("\ufeff" if bom else "").encode(encoding) + expected.encode(encoding)


def test_read_only_file_is_left_intact(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    path.chmod(0o444)
    result = fix_file(_linter(), str(path))
    assert "read-only" in result.problem
    assert path.read_text(encoding="utf-8") == STORY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]  # no temporary file left behind


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write in a read-only folder")
def test_read_only_folder_is_left_intact(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    tmp_path.chmod(0o555)
    try:
        result = fix_file(_linter(), str(path))
    finally:
        tmp_path.chmod(0o755)
    assert result.problem and path.read_text(encoding="utf-8") == STORY


def test_failure_after_the_temporary_file_is_written_leaves_the_original(tmp_path: Path, monkeypatch) -> None:
    path = _write(tmp_path, STORY)

    def no_rename(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    result = fix_file(_linter(), str(path))
    assert "No space left on device" in result.problem
    assert path.read_text(encoding="utf-8") == STORY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_fixes_that_undo_each_other_are_not_written(tmp_path: Path) -> None:
    def flip(text: str) -> list[Finding]:
        word, other = ("towards", "toward") if "towards" in text else ("toward", "towards")
        start = text.index(word)
        fix = Fix(other, Applicability.SAFE)
        return [Finding("s.txt", "house.flip", Level.WARNING, "m", 1, 1, 1, 1, start, start + len(word), word, fix=fix)]

    fixed = fix_text("Talks\n\nThey moved towards a deal.\n", "s.txt", flip)
    assert not fixed.converged


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    done = _newslint("--diff", "story.txt", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout == unified_diff(STORY, SAFE_FIXED, "story.txt")
    assert done.stdout.count("\n-") == 2 and "Monday. The result was a tax cut" in done.stdout
    assert path.read_text(encoding="utf-8") == STORY


def test_diff_reads_standard_input_under_its_stdin_filename(tmp_path: Path) -> None:
    done = _newslint("--diff", "--stdin-filename", "desk/story.txt", "-", cwd=tmp_path, stdin=STORY)
    assert done.returncode == 1, done.stderr
    assert done.stdout == unified_diff(STORY, SAFE_FIXED, "desk/story.txt")


def test_fix_on_standard_input_writes_the_story_out_and_the_report_to_standard_error(tmp_path: Path) -> None:
    done = _newslint("--fix", "--stdin-filename", "desk/story.txt", "-", cwd=tmp_path, stdin=STORY)
    assert done.stdout == SAFE_FIXED
    assert "fixed 3 findings in 1 file" in done.stderr
    assert "desk/story.txt:" in done.stderr and "style.wordy" in done.stderr  # left: its fix is not safe
    assert "style.redundant" not in done.stderr
    assert done.returncode == 0


def test_fix_on_unreadable_standard_input_passes_it_through_unchanged(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "newslint", "--isolated", "--fix", "-"]
    data = b"\x00\x01 not a story"
    done = subprocess.run(command, cwd=tmp_path, env=env, input=data, capture_output=True, timeout=300, check=False)
    assert (done.returncode, done.stdout) == (2, data)
    assert b"not fixed" in done.stderr


def test_diff_of_a_clean_story_is_empty(tmp_path: Path) -> None:
    _write(tmp_path, SAFE_FIXED)
    done = _newslint("--diff", "story.txt", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")


def test_fix_on_the_command_line_reports_what_is_left(tmp_path: Path) -> None:
    path = _write(tmp_path, STORY)
    done = _newslint("--fix", "story.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    assert "fixed 3 findings in 1 file" in done.stderr
    assert "style.wordy" in done.stdout and "style.redundant" not in done.stdout
    assert done.returncode == 0  # what is left are suggestions, below the default fail level


def test_a_fix_that_changes_nothing_is_not_a_change() -> None:
    text = "Talks\n\nThey moved toward a deal.\n"
    start = text.index("toward")
    fix = Fix("toward", Applicability.SAFE)
    same = Finding("s.txt", "house.same", Level.WARNING, "m", 3, 11, 3, 17, start, start + 6, "toward", fix=fix)
    fixed = fix_text(text, "s.txt", lambda _: [same])
    assert (fixed.text, fixed.applied, fixed.converged) == (text, 0, True)
