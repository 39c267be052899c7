"""Proofreading basics: a word typed twice and a/an agreement, on the shipped rules."""

from __future__ import annotations

import pytest

from newslint.checks.proofreading import expected_article
from newslint.linter import Linter

RULES = ("style.repeated-word", "style.article-agreement")


def _findings(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    result = Linter(isolated=True, select=RULES).lint_text(text, "story.txt")
    return [(f.rule, f.matched, f.suggestions) for f in result.findings]


# fmt: off
SOUNDS = [
    ("hour", "an"), ("honest", "an"), ("heir", "an"), ("university", "a"), ("union", "a"), ("uninsured", "an"),
    ("unidentified", "an"), ("umbrella", "an"), ("European", "a"), ("one-time", "a"), ("onerous", "an"),
    ("FBI", "an"), ("U.S.", "a"), ("UN-brokered", "a"), ("NATO", "a"), ("UNESCO", "a"), ("MP", "an"),
    ("F-16", "an"), ("X-ray", "an"), ("U-turn", "a"), ("mRNA", "an"), ("8", "an"), ("18-year-old", "an"),
    ("11,000", "an"), ("1800s", "an"), ("100", "a"), ("1990s", "a"), ("110", "a"), ("historic", "a"),
    ("herb", None), ("AAA", None), ("NEWS", None), ("ORDER", "an"), ("$8", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("word", "article"),
    SOUNDS,
)
def test_the_article_goes_by_the_first_sound(word: str, article: str | None) -> None:
    assert expected_article(word) == article


def test_a_word_typed_twice_is_found_across_a_line_break_and_fixed_to_one() -> None:
    assert _findings("Storm hits town\n\nThe the council met.\nIt voted to\nto raise taxes.\n") == [
        ("style.repeated-word", "The the", ("The",)),
        ("style.repeated-word", "to\nto", ("to",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Those who had had enough left early.",
        "She said that that was final.",
        "They flew to Walla Walla on Monday.",
        "Its new New York office opened.",
        "Storm\n\nStorm damage was heavy.",  # a headline over its paragraph, not a repeat
        '"No, no, it is is fine," he said.',  # the speaker's words
    ],
)
def test_repeats_english_allows_are_not_findings(text: str) -> None:
    assert _findings(text) == []


def test_article_findings_suggest_the_other_article_in_its_case() -> None:
    found = _findings("Talks\n\nAn university opened. He waited a hour for a FBI agent.\n")
    assert found == [
        ("style.article-agreement", "An", ("A",)),
        ("style.article-agreement", "a", ("an",)),
        ("style.article-agreement", "a", ("an",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vitamin A intake rose in Group A areas.",  # a capital A mid-sentence is a label
        "The warrants come in two classes,\nA and B, each with its own price.",
        "Officials named the man as Nguyen Van An on Monday.",
        "A NEW DEAL FOR AN OLD TOWN\n\nThe council met.",  # a capitals headline
        "The a.m. flight and the A-list guests.",
        'He called it "an historic day," she said.',  # inside a quote
    ],
)
def test_articles_that_are_not_articles_or_not_sure_are_left(text: str) -> None:
    assert _findings(text) == []


def test_a_newsroom_lists_its_own_words_said_either_way(tmp_path) -> None:
    (tmp_path / "house.toml").write_text(
        '[house.article]\ntype = "article-agreement"\nmessage = "{matched}: {suggestion}"\nwhy = "House a/an."\n'
        'either = ["histor"]\nexamples.bad = ["A hour."]\nexamples.good = ["An historic day."]\n',
        encoding="utf-8",
    )
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\nselect = ["house"]\n', encoding="utf-8")
    text = "Talks\n\nIt was an historic day and an historical low, after a hour of talks.\n"
    found = Linter(config=tmp_path / "newslint.toml").lint_text(text, "story.txt").findings
    assert [(f.rule, f.matched) for f in found] == [("house.article", "a")]
    assert [f.matched for f in _linter_findings(text)] == ["an", "an", "a"]  # the shipped rule: "a historic"


def _linter_findings(text: str):
    return Linter(isolated=True, select=("style.article-agreement",)).lint_text(text, "story.txt").findings
