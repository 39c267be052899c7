"""Ranges written against the grammar or the stylebook: "from 5-10", "$12-14 million"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import regex

from newslint.checks.numbers.base import NumberCheck
from newslint.finding import Hit
from newslint.text.patterns import cached_pattern, word_alternation
from newslint.text.story import Story

_NUMBER = r"\d[\d,]*(?:\.\d+)?"
# "from 5-10" and "between 5-10": the preposition asks for "to" and "and" (proselint dates_times,
# Google "Ranges"); "from 3-1 down" is a score, not a range.
_PREPOSITION_RANGE = regex.compile(
    rf"(?<![\w-])(?P<prep>from|between)\s+(?P<a>\$?{_NUMBER})\s?[-–]\s?(?P<b>\$?{_NUMBER})(?![\w.,]*\d|[-–/]\d)",
    regex.IGNORECASE,
)
_AFTER_SCORE = regex.compile(r"\s+(?:down|up|behind|ahead|deficit|lead|win|loss|victory|defeat)\b", regex.I)


class FromTo(NumberCheck):
    """ "from 5-10" -> "from 5 to 10"; "between 5-10" -> "between 5 and 10"."""

    ARGS = frozenset({"suggestion"})

    def number_hits(self, story: Story) -> Iterable[Hit]:
        for m in self.finditer(_PREPOSITION_RANGE, story.masked):
            if _AFTER_SCORE.match(story.masked, m.end()):
                continue
            link = "to" if m.group("prep").lower() == "from" else "and"
            text = story.text
            suggestion = f"{text[m.start('prep') : m.end('prep')]} {m.group('a')} {link} {m.group('b')}"
            fix = self.safe_fix(suggestion, safe=False)
            yield Hit(m.start(), m.end(), {"suggestion": suggestion}, (suggestion,), fix)


class MoneyRange(NumberCheck):
    """AP repeats the unit in money ranges: "$12 million to $14 million", not "$12-14 million"."""

    ARGS = frozenset({"suggestion"})

    def setup(self) -> None:
        super().setup()
        self.symbols = self.lex.words("currency-symbols")

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Compiled on first use: most stories hold no currency symbol."""
        symbols = word_alternation(self.symbols)
        scales = word_alternation(self.lex.scales)
        return cached_pattern(
            rf"(?<![\w$])(?P<sym>{symbols})(?P<a>{_NUMBER})\s*(?:[-–]|\s+to\s+)\s*(?P=sym)?(?P<b>{_NUMBER})"
            rf"\s+(?P<scale>{scales})\b"
        )

    def number_hits(self, story: Story) -> Iterable[Hit]:
        if not any(symbol in story.masked for symbol in self.symbols):
            return  # every range it flags opens with a currency symbol
        for m in self.finditer(self.pattern, story.masked):
            sym, scale = m.group("sym"), m.group("scale")
            suggestion = f"{sym}{m.group('a')} {scale} to {sym}{m.group('b')} {scale}"
            fix = self.safe_fix(suggestion, safe=False)
            yield Hit(m.start(), m.end(), {"suggestion": suggestion}, (suggestion,), fix)
