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


def test_an_unknown_directive_silences_nothing_and_is_named(tmp_path):
    # "newslint-disable-line" (ESLint's spelling) was read as "newslint-disable" of a rule "-line": it
    # silenced the named rule to the end of the story, and the notice blamed a rule called '-line'.
    story = tmp_path / "s.md"
    story.write_text(
        "Budget\n\nThe end result held. <!-- newslint-disable-line style.redundant -->\n\nAn end result.\n",
        encoding="utf-8",
    )
    done = run("--isolated", "--select", "style.redundant", "--fail-level", "suggestion", str(story))
    assert [line.split(": ")[0] for line in done.stdout.decode().splitlines() if "style.redundant" in line] == [
        f"{story}:3:5",
        f"{story}:5:4",
    ]
    column = len("The end result held. <!-- ") + 1
    expected = (
        f"newslint: {story}:3:{column}: unknown directive 'newslint-disable-line'"
        " (did you mean 'newslint-disable-next-line'?)"
    )
    assert expected in done.stderr.decode().splitlines()
    assert "'-line'" not in done.stderr.decode() and done.returncode == 1
