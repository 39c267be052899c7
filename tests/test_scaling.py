"""Linear-time forms agree with their plain definitions, and a pattern's time budget grows with the text.

Each fast form in the story model replaced a definition that was simple but cost quadratic time on long
lines; the plain definitions live on here as the specification. What each costs is measured by
`benchmarks/benchmark.py`, not asserted in seconds.
"""

from __future__ import annotations

import os
from typing import Any

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.base import TIMEOUT_CHARS, Check, Context
from newslint.text import markup, segment

EXAMPLES = settings(max_examples=int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "60")) * 3, deadline=None)


def _text(alphabet: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=40).map("".join)


@EXAMPLES
@given(_text(["a", "B", ".", " ", "\n", "\r\n", "é", "1", "U.S", "Mr"]))
def test_word_before_a_period_is_the_letters_and_periods_ending_there(text: str) -> None:
    for dot in (i for i, c in enumerate(text) if c == "."):
        plain = regex.search(r"[\p{L}.]*$", text[:dot]).group()
        assert segment._WORD_BEFORE.match(text, 0, dot).group(1) == plain


@EXAMPLES
@given(_text(["[", "]", "(", ")", "![", "x", " ", "\n", "\r", "`"]))
def test_link_openers_are_the_brackets_the_lookahead_accepts(text: str) -> None:
    plain = {m.start() for m in regex.finditer(r"\[(?=[^\]\r\n]*\]\()", text)}
    assert markup._link_openers(text) == plain


@EXAMPLES
@given(_text([" ", "\t", "\n", "\r", "\r\n", "a", "\x0b", "\u2028", "\u00a0"]))
def test_paragraphs_start_where_the_plain_pattern_starts_them(text: str) -> None:
    plain = regex.compile(r"[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*")
    assert [(p.start, p.end) for p in segment.paragraphs(text)] == [m.span() for m in plain.finditer(text)]


@EXAMPLES
@given(_text(["a", " ", "\t", "\n", "“", "\u2003"]), st.integers(0, 40))
def test_end_of_words_drops_only_the_whitespace_before_a_mark(text: str, index: int) -> None:
    index = min(index, len(text))
    assert segment._end_of_words(text, index) == len(text[:index].rstrip())


class _Recorder:
    """Stands in for a compiled pattern and keeps the timeout it was given."""

    def __init__(self) -> None:
        self.timeout: float | None = None

    def finditer(self, text: str, pos: int, endpos: int, timeout: float) -> Any:
        self.timeout = timeout
        return iter(())


def _budget(length: int, pos: int = 0) -> float:
    recorder = _Recorder()
    Check({}, Context(regex_timeout=0.5)).finditer(recorder, " " * length, pos)  # type: ignore[arg-type]
    assert recorder.timeout is not None
    return recorder.timeout


def test_a_story_of_usual_length_gets_the_configured_timeout() -> None:
    assert _budget(5_000) == 0.5
    assert _budget(TIMEOUT_CHARS) == 0.5


def test_the_budget_grows_with_the_characters_scanned() -> None:
    assert _budget(20 * TIMEOUT_CHARS) == 10.0
    assert _budget(3 * TIMEOUT_CHARS, pos=TIMEOUT_CHARS) == 1.0  # only what is scanned counts
