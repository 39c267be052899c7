"""Suppression comments and [sic], applied after the checks."""

from __future__ import annotations

from helpers import run

from newslint.linter import Linter


def _found(text: str, name: str = "s.md") -> list[tuple[str, str]]:
    result = Linter(isolated=True, select=("style",)).lint_text(text, name)
    return [(f.rule, f.matched) for f in result.findings]


BASE = "# Truce\n\nThe ceasefire held. The ceasefire broke. The ceasefire returned.\n\n"


def test_unsuppressed_baseline():
    assert _found(BASE + "A cease-fire began.\n") == [("style.consistent-spelling", "cease-fire")]


def test_disable_enable_block():
    text = (
        BASE
        + "<!-- newslint-disable style.consistent-spelling -->\nA cease-fire began.\n<!-- newslint-enable style.consistent-spelling -->\n\nA cease-fire ended.\n"
    )
    assert _found(text) == [("style.consistent-spelling", "cease-fire")]
    assert text.rindex("cease-fire") > text.index("newslint-enable")


def test_disable_next_line_and_family_selector():
    text = BASE + "<!-- newslint-disable-next-line style -->\nA cease-fire began.\nA cease-fire ended.\n"
    found = _found(text)
    assert found == [("style.consistent-spelling", "cease-fire")]


def test_disable_without_rules_silences_everything_to_the_end():
    assert _found(BASE + "<!-- newslint-disable -->\nA cease-fire began in order to rest.\n") == []


def test_other_rules_are_not_silenced():
    text = BASE + "<!-- newslint-disable style.wordy -->\nA cease-fire began.\n"
    assert _found(text) == [("style.consistent-spelling", "cease-fire")]


def test_sic_keeps_the_word():
    assert _found(BASE + "A cease-fire [sic] began.\n", "s.txt") == []


def test_a_typo_in_a_directive_is_reported_where_it_is_written(tmp_path):
    story = tmp_path / "s.md"
    story.write_text(
        BASE + "<!-- newslint-disable-next-line style.consistent-speling -->\nA cease-fire began.\n", encoding="utf-8"
    )
    done = run("--isolated", "--select", "style", str(story))
    column = len("<!-- newslint-disable-next-line ") + 1
    expected = (
        f"newslint: {story}:5:{column}: newslint-disable names unknown rule 'style.consistent-speling'"
        " (did you mean 'style.consistent-spelling'?)"
    )
    assert expected in done.stderr.decode().splitlines()
    assert done.returncode == 1  # the typo silenced nothing: the finding is still reported
