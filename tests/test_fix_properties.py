"""Properties of --fix on generated stories: safe fixes settle, a second pass changes nothing, quotes stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import golden_stories
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.fix import fix_text
from newslint.linter import Linter
from newslint.text.story import Story

ROOT = Path(__file__).resolve().parents[1]
# Slips with safe fixes in the shipped packs, placed anywhere: in the body, in a quote, across sentences.
SLIPS = ("end result", "past history", "future plans", "completely destroyed", "close proximity", "free gift")
# A house rule that reads quotes and has safe fixes: the fixer, not the rule's scope, must keep quotes intact.
HOUSE = """
[house.quoted-redundant]
type = "substitution"
message = "'{matched}': '{suggestion}'"
why = "Redundant pairs, read in quotes too."
scope = ["body", "quote"]
swap = { "end result" = "result", "past history" = "history", "future plans" = "plans" }
examples.bad = ["The end result."]
examples.good = ["The result."]
"""


def _paragraphs() -> list[str]:
    stories = sorted(ROOT.glob("examples/*.txt")) + golden_stories(".txt")
    found = [p.strip() for s in stories for p in s.read_text(encoding="utf-8").split("\n\n")]
    return sorted({p for p in found if len(p.split()) >= 6})


PARAGRAPHS = _paragraphs()


@st.composite
def stories(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5))
    words = "\n\n".join(chosen).split(" ")
    for slip in draw(st.lists(st.sampled_from(SLIPS), max_size=4)):
        article = draw(st.sampled_from(["the", "a", "an", "An", "A"]))  # the fix must keep "a"/"an" right
        words.insert(draw(st.integers(0, len(words))), f"{article} {slip}")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return ("Headline for the story\n\n" + " ".join(words) + "\n").replace("\n", newline)


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    folder = tmp_path_factory.mktemp("house")
    (folder / "house.toml").write_text(HOUSE, encoding="utf-8")
    (folder / "newslint.toml").write_text('packs = ["house.toml"]\nextend-select = ["house"]\n', encoding="utf-8")
    return Linter(config=folder / "newslint.toml")


def _quotes(text: str, path: str) -> list[str]:
    return [text[q.start : q.end] for q in Story(text, path).quotes]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(), st.sampled_from(["story.txt", "story.md"]))
def test_safe_fixes_settle_keep_quotes_and_are_idempotent(linter: Linter, text: str, path: str) -> None:
    def lint(story: str):
        return linter.lint_text(story, path).findings

    fixed = fix_text(text, path, lint)
    assert fixed.converged
    assert _quotes(fixed.text, path) == _quotes(text, path)
    assert fix_text(fixed.text, path, lint).text == fixed.text
    assert fixed.text.count("\r\n") == text.count("\r\n")
    assert _article_slips(fixed.text, path) <= _article_slips(text, path)


ARTICLES = Linter(isolated=True, select=("style.article-agreement",))


def _article_slips(text: str, path: str) -> int:
    """How many "a"/"an" disagree with the next word: a fix may mend them, never make one."""
    return len(ARTICLES.lint_text(text, path).findings)


REDUNDANT_ONLY = Linter(isolated=True, select=("style.redundant",))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_fixes_keep_the_article_right_with_no_article_rule_running(text: str) -> None:
    # The article rule is not selected: the fixer itself must mend the "a"/"an" before a fixed word.
    fixed = fix_text(text, "story.txt", lambda story: REDUNDANT_ONLY.lint_text(story, "story.txt").findings)
    assert fixed.converged
    assert _article_slips(fixed.text, "story.txt") <= _article_slips(text, "story.txt")
