"""Word lookups in place of pattern scans: what a pattern's matches start with, and the same matches found."""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.attribution.lexicon import load_lexicon
from newslint.checks.attribution.rules import AnonymousSource
from newslint.checks.attribution.sourcing import Sourcing
from newslint.checks.base import Context
from newslint.checks.numbers.data import load_number_data as load_numbers_lexicon
from newslint.checks.numbers.words import number_words
from newslint.text.segment import Span
from newslint.text.story import Story
from newslint.text.word_lookup import first_words, phrase_first_words, word_starts

ROOT = Path(__file__).resolve().parents[2]
LEXICON = load_lexicon()
PATTERN_NAMES = [
    "attribution", "cognition", "loaded", "vague", "unnamed", "accuser", "report", "reporter", "reason",
    "casualty", "number_word", "estimate", "accusation", "established", "court_lead", "dated",
]  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "words"),
    [
        (["reportedly"], {"reportedly"}),
        ([r"(?:is|are) (?:widely )?believed to"], {"is", "are"}),
        ([r"(?<!\w\s)sources (?:say|said)"], {"sources"}),  # a lookbehind reads nothing
        ([r"(?:media |press )?reports say"], {"media", "press", "reports"}),
        ([r"it's"], {"it"}),
        ([r"a(?:b|)c", r"x\.y"], {"ac", "abc", "x"}),
        ([r"ab{0,1}"], {"a", "ab"}),
        ([r"speaking anonymously|spoke privately"], {"speaking", "spoke"}),
        ([r"carried out (?:the |\w+'s )?attacks?"], {"carried"}),  # past the first word, anything goes
        ([r"[ab]c"], None),
        ([r"ab*"], None),
        ([r"(?i)said"], None),
        ([r"a\p{L}"], None),
        ([r"\d{1,2} May"], None),
        ([r"(?:on )?\d+"], None),
        ([r"said", r"it\w+"], None),  # one unknown entry makes the whole list unknown
        ([r" said"], None),
        ([r"(?:said"], None),
    ],
)
def test_first_words(sources: list[str], words: set[str] | None) -> None:
    assert first_words(sources) == (None if words is None else frozenset(words))


def test_first_words_of_the_shipped_lists() -> None:
    data = tomllib.loads((ROOT / "rules" / "data" / "attribution.toml").read_text(encoding="utf-8"))
    vague = data["vague"]["patterns"] + data["vague"]["unnamed-patterns"]
    assert {"reportedly", "is", "sources", "according", "it"} <= LEXICON.first_words("vague")
    assert LEXICON.first_words("vague") == first_words(vague)
    assert LEXICON.first_words("dated") is None  # "12 March": a date may start with a digit
    assert "according" in LEXICON.first_words("attribution")


@pytest.mark.parametrize("phrases", [["said", "according to", "a.m."], ["year-old", "Said"], ["-year"], ["café"], []])
def test_first_words_of_phrases_read_as_their_patterns(phrases: list[str]) -> None:
    assert phrase_first_words(phrases) == first_words([regex.escape(p) for p in phrases])


def test_word_starts() -> None:
    text = "said, unsaid re-said saidx said- said"
    # "re-said", "said-": the pattern decides on the hyphen
    assert word_starts(text, {"said"}, whole=True) == dict.fromkeys([0, 16, 27, 33], "said")
    assert word_starts(text, {"said"}, whole=False) == dict.fromkeys([0, 16, 21, 27, 33], "said")


# Text made of the words the patterns look for, in any case, with the characters that could trip a lookup.
_PIECES = [
    "said", "Said", "SAID", "says", "according", "to", "is", "it", "was", "believed", "reportedly", "sources",
    "say", "told", "an", "estimated", "official", "officials", "a", "senior", "two", "killed", "dead", "police",
    "court", "guilty", "of", "on", "March", "12", "the", "were", "responsible", "for", "attacks", "carried",
    "out", "condition", "anonymity", "not", "authorised", "spoke", "in", "statement", "İs", "ſaid", "Ķ",
    "unsaid", "re-said", "said-", "x", "'s", "’",
]  # fmt: skip
_GLUE = [" ", " ", " ", "  ", "\n", ", ", ". ", "-", "", '"', "“", "”", "\u00a0"]


@st.composite
def _texts(draw) -> str:
    pieces = draw(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=40))
    return "".join(word + glue for word, glue in pieces)


@settings(max_examples=300, deadline=None)
@given(text=_texts(), cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_lookups_find_what_the_scan_finds(text: str, cuts: list[int]) -> None:
    story = Story.snippet(text)
    sourcing = Sourcing(story, LEXICON, 5.0)
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    spans = [Span(a, b) for a, b in pairwise(bounds)] + [Span(0, len(text))]
    spans += [Span(s.start, s.end) for s in story.sentences]
    for name in PATTERN_NAMES:
        pattern = getattr(LEXICON, name)
        for span in spans:
            scanned = pattern.finditer(sourcing.prose, span.start, span.end)
            assert sourcing.matches(name, span) == tuple(Span(m.start(), m.end()) for m in scanned), name


@pytest.mark.parametrize(
    "text",
    [
        "Officials saidx it was reportedly killed. Two officials told reporters, according to sources.",
        'He is believed to have said: "No." It was estimated at 12 dead, police saidsaid.',
    ],
)
def test_a_span_may_end_inside_a_word(text: str) -> None:
    story = Story.snippet(text)  # the sourcing holds it weakly
    sourcing = Sourcing(story, LEXICON, 5.0)
    for end in range(len(text) + 1):
        for name in ("attribution", "vague", "estimate", "casualty"):
            pattern = getattr(LEXICON, name)
            scanned = tuple(Span(m.start(), m.end()) for m in pattern.finditer(sourcing.prose, 0, end))
            assert sourcing.matches(name, Span(0, end)) == scanned, (name, end)


@settings(max_examples=200, deadline=None)
@given(text=_texts(), cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_a_sentence_without_a_source_noun_has_no_anonymous_phrase(text: str, cuts: list[int]) -> None:
    check = AnonymousSource({}, Context())
    story = Story.snippet(text)
    sourcing = Sourcing(story, LEXICON, 5.0)
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    for span in [Span(a, b) for a, b in pairwise(bounds)]:
        scanned = check.phrase.finditer(sourcing.prose, span.start, span.end)
        expected = tuple(Span(m.start(), m.end()) for m in scanned)
        assert sourcing.matches(check.phrase, span, needs=check.nouns) == expected


_NUMBER_PIECES = [
    "one", "One", "TWO", "twenty", "Twenty-five", "hundred", "two hundred and five", "first", "twenty-first",
    "someone", "phone", "often", "ten", "nine-", "-six", "ﬁve", "ſeven", "ninety", "x", "and", "é", "_",
    "Hundred", "hundreds", " \u00a0", "seventy-", "1",
]  # fmt: skip


@pytest.mark.parametrize(
    "text", ["oneé one", "one éone", "two\u0301 two", "two\u0301 men", "Two hundred", "twenty - five", "one-half"]
)
def test_number_words_beside_other_letters(text: str) -> None:
    words = number_words(load_numbers_lexicon())
    assert list(words.spans(text)) == [m.span() for m in words.pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(_NUMBER_PIECES), st.sampled_from(_GLUE)), max_size=30))
def test_number_words_are_found_where_the_scan_finds_them(pieces: list[tuple[str, str]]) -> None:
    words = number_words(load_numbers_lexicon())
    text = "".join(word + glue for word, glue in pieces)
    assert list(words.spans(text)) == [m.span() for m in words.pattern.finditer(text)]


def test_the_shipped_lexicon_compiles_whole() -> None:
    load_lexicon().compile_all()  # it compiles each pattern on first use, so its whole is checked here


def test_another_lexicon_is_compiled_when_it_loads(tmp_path: Path) -> None:
    shipped = (ROOT / "rules" / "data" / "attribution.toml").read_text(encoding="utf-8")
    bad = tmp_path / "attribution.toml"
    bad.write_text(shipped.replace('"reportedly", "allegedly",', '"reportedly", "(?:allegedly",'), encoding="utf-8")
    with pytest.raises(ValueError, match=regex.escape("(?:allegedly")):
        load_lexicon(str(bad))
