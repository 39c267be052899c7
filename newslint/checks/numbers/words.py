"""Spelled-out numbers: read them ("twenty-five" -> 25), write them (7 -> "seven"), find them in text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from newslint.checks.numbers.data import NumberData
from newslint.text.patterns import cached_pattern, word_alternation
from newslint.text.word_lookup import WordLookup

_WORD_OR_HYPHEN = regex.compile(r"[\w\-]")
# Not "[\s\-]*hundred": the `regex` module looks for a pattern's literal text to the end of the string
# before matching at a position, which makes one match cost the length of the story.
_SEPARATORS = regex.compile(r"[\s\-]*")


class _NumberWordLookup(WordLookup):
    """The number-word pattern reads past a word only before a hyphen ("twenty-five", "one-hundred") or
    "hundred" ("two hundred and five"); anywhere else a number word standing alone is the whole match.
    So most stories find theirs without compiling the pattern, which is slow to compile."""

    def match_at(self, lowered: str, start: int, word: str) -> tuple[int, int] | None:
        end = start + len(word)
        if start and _WORD_OR_HYPHEN.match(lowered, start - 1):
            return None  # the pattern's left edge: no word character or hyphen before
        if lowered.startswith("-", end) or lowered.startswith("hundred", _SEPARATORS.match(lowered, end).end()):
            return super().match_at(lowered, start, word)
        return None if _WORD_OR_HYPHEN.match(lowered, end) else (start, end)


@dataclass(frozen=True)
class NumberWordTable:
    """Value tables built from the lexicon: cardinal and ordinal words up to ninety-nine, and hundreds."""

    values: dict[str, int]  # "seven" -> 7, "twenty" -> 20
    ordinal_values: dict[str, int]  # "seventh" -> 7, "twentieth" -> 20
    lookup: WordLookup  # one spelled number: "twenty-five", "two hundred", "twenty-first"

    @property
    def pattern(self) -> regex.Pattern[str]:
        return self.lookup.folding

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The spans of `pattern`'s matches in `text`, tried only where a number word starts (scanning the
        text with the alternation is slow)."""
        return self.lookup.spans(text)

    def value(self, phrase: str) -> tuple[int, bool] | None:
        """(value, is_ordinal) of a phrase the pattern matched, or None."""
        words = cached_pattern(r"[\s\-]+(?:and[\s\-]+)?").split(phrase.lower())
        total, ordinal = 0, False
        for word in words:
            if word == "hundred":
                total = max(total, 1) * 100
            elif word in self.values:
                total += self.values[word]
            elif word in self.ordinal_values:
                total += self.ordinal_values[word]
                ordinal = True
            else:
                return None
        return total, ordinal

    def spell(self, value: int, ordinal: bool = False) -> str | None:
        """Words for 0–99 ("seven", "twenty-first"); None beyond."""
        table = self.ordinal_values if ordinal else self.values
        names = {v: k for k, v in table.items()}
        if value in names:
            return names[value]
        if 20 < value < 100:
            unit_name = names.get(value % 10)
            tens_name = {v: k for k, v in self.values.items()}.get(value - value % 10)
            if unit_name and tens_name:
                return f"{tens_name}-{unit_name}"
        return None


def figure_with_suffix(value: int) -> str:
    """An ordinal in figures: 10th, 21st, 22nd, 23rd, 111th."""
    if 10 <= value % 100 <= 20:
        return f"{value}th"
    return f"{value}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(value % 10, 'th') }"


@cache
def number_words(lexicon: NumberData) -> NumberWordTable:
    """The tables and pattern for one lexicon (built once)."""
    values = {w: i for i, w in enumerate(lexicon.cardinals)}
    values.update({w: 20 + 10 * i for i, w in enumerate(lexicon.tens)})
    ordinal_values = {w: i for i, w in enumerate(lexicon.ordinals)}
    ordinal_values.update({w: 20 + 10 * i for i, w in enumerate(lexicon.tens_ordinals)})
    # Lower-cased: the lookup runs the pattern case-sensitively on lower-cased text.
    cardinals, ordinals = [w.lower() for w in lexicon.cardinals], [w.lower() for w in lexicon.ordinals]
    unit = word_alternation(cardinals[1:10])
    unit_ord = word_alternation(ordinals[1:10])
    simple = word_alternation(cardinals + ordinals)
    tens = word_alternation(w.lower() for w in lexicon.tens)
    tens_ord = word_alternation(w.lower() for w in lexicon.tens_ordinals)
    source = (
        rf"(?<![\w\-])(?:"
        rf"(?:{unit})[\s\-]+hundred(?:[\s\-]+(?:and[\s\-]+)?(?:(?:{tens})(?:-(?:{unit}))?|{simple}))?"
        rf"|(?:{tens})-(?:{unit_ord}|{unit})"
        rf"|{tens_ord}|{tens}|{simple}"
        rf")(?![\w\-])"
    )
    words = (*lexicon.cardinals, *lexicon.tens, *lexicon.ordinals, *lexicon.tens_ordinals)
    lookup = _NumberWordLookup(source, regex.VERSION1, words)
    return NumberWordTable(values, ordinal_values, lookup)
