"""Start-up shortcuts give what the plain patterns give: a numbers context pattern skipped for a text that
holds none of its words (never compiled for it) matches no such text; nor does the dateline pattern match a
paragraph with no dash."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from helpers import golden_stories

from newslint.checks.base import WordPattern
from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.data import load_number_data
from newslint.text import datelines
from newslint.text.word_lookup import lower_cased

LEX = load_number_data()
PATTERNS = ctx.context_patterns(LEX)
STORIES = golden_stories(".txt")


def _agree(text: str) -> None:
    """The shortcuts answer as the patterns do, and each gate lets through every text its pattern matches."""
    lowered = lower_cased(text)
    for kind, gated in [*PATTERNS.after_cased.items(), ("address", PATTERNS.address)]:
        assert gated.match(text) == (gated.pattern.match(text) is not None), (kind, text)
        assert gated.gate(text) or gated.pattern.match(text) is None, (kind, text)
    for kind, gated in PATTERNS.before_cased.items():
        assert gated.search(text) == (gated.pattern.search(text) is not None), (kind, text)
        assert gated.gate(text) or gated.pattern.search(text) is None, (kind, text)
    for kind, pattern in PATTERNS.after.items():
        assert pattern.match(text, lowered) == (pattern.folding.match(text) is not None), (kind, text)
        if lowered is not None and pattern.needles and pattern.lower_case.match(lowered):
            assert any(needle in lowered for needle in pattern.needles), (kind, text)
    for kind, pattern in PATTERNS.before.items():
        assert pattern.search(text, lowered) == (pattern.folding.search(text) is not None), (kind, text)
        if lowered is not None and pattern.needles and pattern.lower_case.search(lowered):
            assert any(needle in lowered for needle in pattern.needles), (kind, text)


def test_the_prefiltered_patterns_are_the_ones_with_word_lists() -> None:
    assert {k for k, p in PATTERNS.after.items() if p.needles} == {"percent", "age", "money", "scale", "date", "score"}
    assert {k for k, p in PATTERNS.before.items() if p.needles} == {"age", "score", "sequence", "date"}


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name)
def test_around_every_figure_of_the_test_stories(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for m in regex.finditer(r"\d+", text):
        _agree(text[m.end() : m.end() + 60])
        _agree(text[max(0, m.start() - 60) : m.start()])


def _listed(key: str) -> list[str]:
    return list(LEX.words(key))


@pytest.mark.parametrize("case", [str.lower, str.upper, str.title], ids=["lower", "upper", "title"])
def test_every_listed_word_in_its_place_is_still_found(case) -> None:
    after = [" " + w for w in (*_listed("percent-words"), *LEX.scales, *_listed("months"))]
    after += [" " + w.lstrip("-") for w in _listed("age-after")] + ["-" + w.lstrip("-") for w in _listed("age-after")]
    after += [" million " + w for w in _listed("currency-words")] + [" " + w for w in _listed("currency-words")]
    after += ["-3 " + w for w in _listed("score-words")] + [" for 3"]
    before = [w + " " for w in (*_listed("age-before"), *_listed("sequence-before"), *_listed("months"))]
    before += [w + " " for w in _listed("score-before")] + ["3 for "]
    money = (*_listed("currency-symbols"), *_listed("currency-codes"))
    before += [f"paid {w}{s}" for w in money for s in ("", " ", "\u00a0", "\n", " \n")]
    after += [s + w for w in (*_listed("units"), *_listed("time-after")) for s in (" ", "-", "\u00a0 ", "")]
    after += [" Main " + w for w in _listed("street-suffixes")]
    for text in after + before:
        _agree(case(text).replace("  ", " \t"))
        _agree(case(text))
        _agree(text)


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name)
def test_a_paragraph_skipped_for_want_of_a_dash_holds_no_dateline(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line in regex.finditer(r"[^\n]+", text):
        words = regex.finditer(r"(?<=\s)\S", line.group())
        for at in [line.start(), *(line.start() + m.start() for m in words)][:50]:
            assert datelines.find_dateline(text, at, line.end()) == datelines._dateline_at(text, at, line.end())


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT (AP) \u2014 Text",
        "BEIRUT (AP)-Text",
        "Springfield, Ill. - Text",
        "MOSCOW, October 2. /TASS/. Text",
        "PARIS -- Text",
        "LONDON (Reuters)\u2010Text",
        "JERUSALEM\t\u2013\tText",
    ],
)
def test_the_dash_forms_are_each_let_through(text: str) -> None:
    assert datelines.find_dateline(text, 0, len(text)) is not None


_PHRASES = ["web site", "Cease-fire", "e-mail", "at this point in time", "toward", "Rs.", "$5", "İstanbul", "naïve"]


@pytest.mark.parametrize("ignorecase", [True, False])
@pytest.mark.parametrize("path", STORIES[:40], ids=lambda p: p.name)
def test_a_text_skipped_for_want_of_a_first_word_holds_no_phrase(path: Path, ignorecase: bool) -> None:
    text = path.read_text(encoding="utf-8")
    for phrase in _PHRASES:
        words = WordPattern([phrase], ignorecase)
        for sample in (text, f"{text} {phrase}.", f"x {phrase.upper()}-y", f"({phrase.lower()}\u017f)"):
            if words.pattern.search(sample):
                assert words.may_match(sample), (phrase, sample[-40:])


def test_the_first_words_are_known_for_word_phrases_only() -> None:
    assert WordPattern(["Web site", "website"], True).first_words == {"web", "website"}
    assert WordPattern(["$5"], True).first_words is None
    assert WordPattern(["web site"], True).may_match("A WEB  SITE")
    assert not WordPattern(["web site"], True).may_match("A webbed site")
