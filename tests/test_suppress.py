"""Suppression comments and [sic], applied after the checks."""

from __future__ import annotations

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
