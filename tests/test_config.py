"""Configuration: where it is found, what it selects, and how it fails."""

from __future__ import annotations

import os

import pytest
from helpers import run

from newslint.config import Settings
from newslint.errors import NewslintError
from newslint.finding import Level
from newslint.linter import Linter
from newslint.selection import is_selected, rule_level

STORY = "Truce holds\n\nThe ceasefire held. A cease-fire was called in order to rest. The ceasefire broke.\n"


def _rules(linter: Linter, path: str) -> list[str]:
    return sorted({f.rule for f in linter.lint_text(STORY, path).findings})


def test_closest_config_wins(tmp_path, monkeypatch):
    (tmp_path / "newslint.toml").write_text('select = ["style.consistent-spelling"]\n')
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "pyproject.toml").write_text('[tool.newslint]\nselect = ["style.wordy"]\n')
    monkeypatch.chdir(tmp_path)
    linter = Linter()
    assert _rules(linter, str(tmp_path / "top.txt")) == ["style.consistent-spelling"]
    assert _rules(linter, str(tmp_path / "desk" / "inner.txt")) == ["style.wordy"]


def test_pyproject_without_a_newslint_table_is_not_a_config(tmp_path):
    (tmp_path / "newslint.toml").write_text('select = ["style.wordy"]\n')
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert _rules(Linter(), str(tmp_path / "desk" / "a.txt")) == ["style.wordy"]


def test_cli_overrides_and_isolated(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('select = ["style.wordy"]\n')
    assert _rules(Linter(config=config, select=("style",), ignore=["style.wordy"]), "a.txt") == [
        "style.consistent-spelling"
    ]
    isolated = Linter(isolated=True, select=("style",))
    assert "style.wordy" in _rules(isolated, str(tmp_path / "a.txt"))


def test_most_specific_selector_wins():
    linter = Linter(isolated=True)
    rules = {r.id: r for r in linter.rules(Settings())}
    wordy, spelling = rules["style.wordy"], rules["style.consistent-spelling"]
    settings = Settings(select=("style",), ignore=("style.wordy",))
    assert not is_selected(wordy, settings) and is_selected(spelling, settings)
    settings = Settings(select=("style.wordy",), ignore=("style",))
    assert is_selected(wordy, settings) and not is_selected(spelling, settings)
    assert not is_selected(rules["style.long-sentence"], Settings())  # off by default
    assert is_selected(rules["style.long-sentence"], Settings(select=("ALL",)))


def test_levels_and_per_file_ignores(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'select = ["style"]\n[levels]\n"style.wordy" = "error"\n[per-file-ignores]\n"archive/*" = ["style.consistent-spelling"]\n'
    )
    linter = Linter()
    fresh = linter.lint_text(STORY, str(tmp_path / "a.txt")).findings
    assert {f.rule: f.level for f in fresh}["style.wordy"] == Level.ERROR
    (tmp_path / "archive").mkdir()
    old = linter.lint_text(STORY, str(tmp_path / "archive" / "b.txt")).findings
    assert {f.rule for f in old} == {"style.wordy"}


@pytest.mark.parametrize(
    "config, expected",
    [
        ('style = "ap"\nselect = ["stlye"]\n', ":2: unknown rule or family 'stlye' (did you mean 'style'?)"),
        ('style = "apx"\n', ":1: unknown style 'apx' (did you mean 'ap'?)"),
        ('fail-level = "fatal"\n', ":1: level 'fatal' is not one of suggestion, warning, error"),
        ('vocabulary = "words.txt"\n', ":1: 'vocabulary' must be a list of strings"),
        ('date = "2024-03-22"\n', ":1: 'date' must be a TOML date"),
        ("regex-timeout = 0\n", ":1: 'regex-timeout' must be a positive number"),
        ('per-file-ignores = ["archive/*"]\n', ":1: 'per-file-ignores' must be a table"),
    ],
)
def test_config_errors_are_located(tmp_path, config, expected):
    path = tmp_path / "newslint.toml"
    path.write_text(config)
    with pytest.raises(NewslintError) as raised:
        Linter(config=path).lint_text(STORY, "a.txt")
    assert f"{path}{expected}" in str(raised.value)


def test_rule_level_override_by_family():
    linter = Linter(isolated=True)
    wordy = next(r for r in linter.rules(Settings()) if r.id == "style.wordy")
    assert rule_level(wordy, Settings(levels={"style": Level.ERROR})) == Level.ERROR
    assert rule_level(wordy, Settings(levels={"style": Level.ERROR, "style.wordy": Level.WARNING})) == Level.WARNING


# Issue 14, item 11: config gaps, each run as a user would.


GOOD = "Truce holds\n\nThe ceasefire held. A cease-fire was called. The ceasefire broke.\n"


def _desk(tmp_path, config: bytes):
    (tmp_path / "newslint.toml").write_bytes(config)
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    return run("story.txt", cwd=tmp_path)


def test_a_quoted_boolean_is_an_error_not_its_opposite(tmp_path):
    done = _desk(tmp_path, b'require-dateline = "false"\n')
    assert done.returncode == 2
    assert f"{tmp_path / 'newslint.toml'}:1: 'require-dateline' must be true or false" in done.stderr.decode()


def test_an_empty_select_in_the_config_is_an_error(tmp_path):
    done = _desk(tmp_path, b"select = []\n")
    assert done.returncode == 2 and "'select' is empty" in done.stderr.decode()


def test_an_empty_select_flag_is_an_error(tmp_path):
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    done = run("--isolated", "--select", "", "story.txt", cwd=tmp_path)
    assert done.returncode == 2 and "--select: empty" in done.stderr.decode()


def test_a_typo_on_the_command_line_is_blamed_on_the_command_line(tmp_path):
    (tmp_path / "newslint.toml").write_text('select = ["style"]\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    done = run("--ignore", "style.wordyy", "story.txt", cwd=tmp_path)
    stderr = done.stderr.decode()
    assert done.returncode == 2
    assert "command line (--select, --extend-select, --ignore): unknown rule or family 'style.wordyy'" in stderr
    assert "newslint.toml" not in stderr


def test_a_bom_in_the_config_is_read(tmp_path):
    done = _desk(tmp_path, b'\xef\xbb\xbfselect = ["style"]\nfail-level = "error"\n')
    assert done.returncode == 0, done.stderr.decode()
    assert b"style.consistent-spelling" in done.stdout


@pytest.mark.parametrize("target", ["/dev/zero", "folder"])
def test_a_word_list_must_be_a_regular_file(tmp_path, target):
    (tmp_path / "folder").mkdir()
    if target == "/dev/zero" and not os.path.exists(target):
        pytest.skip("no /dev/zero here")
    done = _desk(tmp_path, f'vocabulary = ["{target}"]\n'.encode())
    assert done.returncode == 2
    assert "cannot read word list: not a regular file" in done.stderr.decode()


def test_a_huge_pack_is_refused_with_its_size(tmp_path):
    pack = tmp_path / "house.toml"
    with open(pack, "wb") as file:
        file.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    done = _desk(tmp_path, b'packs = ["house.toml"]\n')
    assert done.returncode == 2 and f"{pack}: cannot read file: larger than 32 MB" in done.stderr.decode()


def test_a_folder_config_names_its_archive_encoding(tmp_path):
    (tmp_path / "newslint.toml").write_text('select = ["style"]\nencoding = "latin-1"\n', encoding="utf-8")
    (tmp_path / "old.txt").write_bytes("Gr\u00fc\u00dfe\n\nThe ceasefire held. A cease-fire broke.\n".encode("latin-1"))
    done = run("old.txt", cwd=tmp_path)
    assert done.returncode == 1 and b"old.txt:3:" in done.stdout and "not UTF-8" not in done.stderr.decode()
    (tmp_path / "newslint.toml").write_text('encoding = "klingon"\n', encoding="utf-8")
    bad = run("old.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "newslint.toml:1: unknown encoding 'klingon'" in bad.stderr.decode()
