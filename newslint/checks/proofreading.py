"""Proofreading basics a copy desk expects of any checker: a word typed twice, and "a" or "an" before a word.

`expected_article` is also what the fixer asks before an edit that changes the word after an article.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from newslint.checks.base import Check, Param, match_case
from newslint.finding import Applicability, Fix, Hit
from newslint.resources import builtin_data, read_toml
from newslint.text.story import Story


@dataclass(frozen=True)
class _Sounds:
    prefixes: tuple[tuple[str, str | None], ...]  # (prefix, article or None for "either"), longest first
    an_letters: frozenset[str]
    acronym_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def _sounds() -> _Sounds:
    data, _ = read_toml(builtin_data("articles.toml"))
    table = [(p, "an") for p in data["an"]] + [(p, "a") for p in data["a"]] + [(p, None) for p in data["either"]]
    return _Sounds(
        tuple(sorted(table, key=lambda entry: -len(entry[0]))),
        frozenset(data["an-letters"]),
        frozenset(data["acronym-words"]),
    )


# What follows an article: a word, initials ("U.S.", "F-16", "S&P"), or a number ("18-year-old", "8,000").
WORD_AFTER = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.&'’]*(?:-[\p{L}\p{N}]+)*")
_DIGITS = regex.compile(r"\d[\d,]*")
_NOT_LETTER = regex.compile(r"[^\p{L}]")


@functools.lru_cache(maxsize=4096)  # a story's articles go before the same few hundred words
def expected_article(word: str) -> str | None:
    """ "a" or "an" for the word that follows the article, or None where it is not sure (say, an all-capitals
    word that may be an ordinary word in a capitals headline, or an acronym said as a word)."""
    if not word:
        return None
    if word[0].isdigit():
        return _number_article(_DIGITS.match(word).group().replace(",", ""))
    if not word[0].isalpha():
        return None
    head = word.split("-", 1)[0]
    if head != word and (head.isupper() or head.isdigit()):
        word = head  # "UN-brokered", "F-16", "X-ray": the initials are what is said first
    sounds = _sounds()
    letters = _NOT_LETTER.sub("", word)
    if letters.upper() in sounds.acronym_words:
        return "an" if letters[0].upper() in "AEIO" else "a"
    if len(letters) > 1 and letters.isupper() and len(set(letters)) == 1:
        return None  # a rating, "a AAA rating" (triple-A) or "an AAA rating": either is said
    if _said_as_letters(word):
        return "an" if word[0].upper() in sounds.an_letters else "a"
    if word.isupper() and len(letters) > 1:
        # An unknown word in capitals: initials (an MP) or a word in a capitals headline (A NEW DEAL).
        by_letter = "an" if word[0] in sounds.an_letters else "a"
        by_sound = "an" if word[0] in "AEIOU" else "a"
        return by_letter if by_letter == by_sound else None
    if len(letters) == 1:
        return None  # "a b c": letters as letters, lower case: rarely an article at all
    lower = word.lower()
    for prefix, article in sounds.prefixes:
        if lower.startswith(prefix):
            return article
    return "an" if lower[0] in "aeiou" else "a"


def _said_as_letters(word: str) -> bool:
    """Initials: "FBI", "U.S.", "F-16", "X-ray", "mRNA", a single capital ("an A grade")."""
    if len(word) == 1:
        return word.isupper()
    if word[0].isupper() and not word[1].isalpha():  # U.S., F-16, S&P
        return True
    if word[0].islower() and word[1].isupper():  # mRNA, eBay is "ee-bay": both take "an" either way
        return True
    letters = _NOT_LETTER.sub("", word)
    return word.isupper() and 2 <= len(letters) <= 3


def _number_article(digits: str) -> str:
    """As the number is said: an 8, an 11, an 18, an 80, an 800, an 11,000, an 1800s; a 1, a 100, a 1990s."""
    if digits.startswith("8"):
        return "an"
    said_as_eleven = len(digits) % 3 == 2 or len(digits) == 4  # 11, 11,000, 11 million; 1812 "eighteen twelve"
    return "an" if said_as_eleven and digits[:2] in ("11", "18") else "a"


# An article is "a" or "an" standing alone; a capital one only where a sentence or line starts, since a capital
# "A" mid-sentence is a label ("Vitamin A intake", "Group A") and "An" a name ("Nguyen Van An").
_ARTICLE = regex.compile(
    r"(?<![\p{L}\p{N}'’.\-])(?:(an?)|(An?|AN?))(?=(?:[ \t]+(?:\r\n|\r|\n)?|\r\n|\r|\n)[ \t]*[\"“‘']?[\p{L}\p{N}])"
)
_CONJUNCTIONS = frozenset({"and", "or", "nor", "to", "through"})
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"“”‘’—–(\r\n][ \t]*)\Z")


class ArticleAgreement(Check):
    """ "a" before a vowel sound or "an" before a consonant sound: a university, an hour, an FBI agent."""

    PARAMS = {
        "fix": Param(str, "safe", "safe, unsafe or none"),
        "either": Param(list, [], "the newsroom's own words said either way (an herb, a herb): never flagged"),
    }
    ARGS = frozenset({"suggestion", "word"})

    def setup(self) -> None:
        if self.params["fix"] not in ("safe", "unsafe", "none"):
            raise ValueError("'fix' must be safe, unsafe or none")
        if not all(isinstance(word, str) and word.strip() for word in self.params["either"]):
            raise ValueError("'either' must be a list of words")
        self.either = tuple(word.strip().lower() for word in self.params["either"])

    def hits(self, story: Story) -> Iterable[Hit]:
        text = story.masked
        for m in self.finditer(_ARTICLE, text):
            if m.group(2) and not _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
                continue
            word = _word_after(text, m.end())
            if word is None or (m.group(2) and word.group().lower() in _CONJUNCTIONS):
                continue  # a capital A before "and" or "or" is a label: "classes A and B", "rated A or better"
            if self.either and word.group().lower().startswith(self.either):
                continue
            expected = expected_article(word.group())
            if expected is None or expected == m.group().lower() or _in_capitals_line(text, m.start()):
                continue
            suggestion = match_case(expected, m.group())
            fix = None if self.params["fix"] == "none" else Fix(suggestion, Applicability(self.params["fix"]))
            yield Hit(m.start(), m.end(), {"suggestion": suggestion, "word": word.group()}, (suggestion,), fix)


def _word_after(text: str, position: int) -> regex.Match[str] | None:
    return WORD_AFTER.search(text, position, position + 80)


def _in_capitals_line(text: str, offset: int) -> bool:
    """A headline in capitals: "AN EXTRA" there may be initials or a word, so the article is left alone."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    end = regex.compile(r"\r|\n").search(text, offset)
    line = text[start : end.start() if end else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


class RepeatedWord(Check):
    """A word typed twice ("the the"), across a line break too; the repeats English allows are `allow`ed."""

    PARAMS = {
        "allow": Param(list, [], "words that may stand twice in a row: had had, that that"),
        "fix": Param(str, "safe", "safe, unsafe or none"),
    }
    ARGS = frozenset({"word", "suggestion"})

    def setup(self) -> None:
        if self.params["fix"] not in ("safe", "unsafe", "none"):
            raise ValueError("'fix' must be safe, unsafe or none")
        self.allowed = frozenset(word.lower() for word in self.params["allow"])

    def hits(self, story: Story) -> Iterable[Hit]:
        tokens = story.tokens  # the story's words, shared with the other checks
        for first, second in itertools.pairwise(tokens):
            if first.text.lower() != second.text.lower() or first.text.lower() in self.allowed:
                continue
            if second.text[0].isupper():
                continue  # a name: Walla Walla, Sirhan Sirhan, "its new New York ticker"
            if not _BETWEEN_REPEATS.fullmatch(story.masked, first.end, second.start):
                continue
            fix = None if self.params["fix"] == "none" else Fix(first.text, Applicability(self.params["fix"]))
            yield Hit(first.start, second.end, {"word": first.text, "suggestion": first.text}, (first.text,), fix)


# Between a word and its repeat: one space, or one line break with any spaces around it. A blank line ends a
# paragraph (the headline "Storm" over a first paragraph "Storm damage ..." is no repeat); words split by
# punctuation are not repeats; and a run of spaces inside a line is a table's columns ("nil      nil").
_BETWEEN_REPEATS = regex.compile(r" |[ \t]*(?:\r\n|\r|\n)[ \t]*")
