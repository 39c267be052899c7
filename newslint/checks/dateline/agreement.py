"""Dates that agree: the lead's weekday against the dateline's date, the dateline against the timestamp."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import regex

from newslint.checks.base import Check, Param, word_pattern
from newslint.checks.dateline.dates import WEEKDAYS, dateline_date, days_between, reference_date, story_timestamp
from newslint.finding import Hit
from newslint.text.segment import Span
from newslint.text.story import Story

_WEEKDAY = regex.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b(?!s\b)")


def _long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


class Weekday(Check):
    """A weekday in the lead that does not fall on the dateline's date (§2.5; §2.10 (8): stale weekdays)."""

    PARAMS = {
        "lead-sentences": Param(int, 1, "how many sentences after the dateline to check"),
        "days-before": Param(int, 0, "how many days before the dateline's date a weekday may name"),
        "not-dates": Param(list, [], "phrases whose weekday is no date: 'Good Friday', 'Friday prayers'"),
        "future-words": Param(list, [], "words that put a weekday in the future: 'will', 'next'"),
        "future-window": Param(int, 8, "how many words before a weekday a future word may stand"),
        "reported-words": Param(list, [], "reporting verbs that may name the day before: 'said', 'told'"),
        "reported-window": Param(int, 6, "how many words before a weekday a reporting verb may stand"),
    }
    ARGS = frozenset({"date", "weekday"})

    def setup(self) -> None:
        if self.params["lead-sentences"] < 1 or not 0 <= self.params["days-before"] < 7:
            raise ValueError("'lead-sentences' must be at least 1 and 'days-before' from 0 to 6")
        self.not_dates = word_pattern(self.params["not-dates"], True) if self.params["not-dates"] else None
        future = self.params["future-words"]
        self.future = word_pattern(future, True) if future else None
        reported = self.params["reported-words"]
        self.reported = word_pattern(reported, True) if reported else None

    def hits(self, story: Story) -> Iterable[Hit]:
        dateline = story.dateline
        if dateline is None:
            return
        day = dateline_date(dateline, reference_date(story, self.context.story_date))
        if day is None:
            return
        for sentence in self._lead(story, dateline.span.end):
            yield from self._sentence_hits(story, sentence, day)

    def _lead(self, story: Story, after: int) -> list[Span]:
        first = story.paragraph_at(after - 1)
        spans = [s for s in story.sentences if first and s.end > after and s.start < first.end]
        return spans[: self.params["lead-sentences"]]

    def _sentence_hits(self, story: Story, sentence: Span, day: date) -> Iterable[Hit]:
        text = story.masked[sentence.start : sentence.end]
        if self.not_dates:
            text = self.not_dates.sub(lambda m: " " * len(m.group()), text)  # "Good Friday" is no date
        for match in _WEEKDAY.finditer(text):
            before = (day.weekday() - WEEKDAYS.index(match.group())) % 7
            if before == 0 or before <= self.params["days-before"] or self._future(text, match.start()):
                continue
            if before == 1 and self._reported(text, match.start()):
                continue  # "said on Wednesday" under a Thursday dateline: yesterday's statement
            args = {"date": _long_date(day), "weekday": WEEKDAYS[day.weekday()]}
            yield Hit(sentence.start + match.start(), sentence.start + match.end(), args)

    def _future(self, text: str, weekday_at: int) -> bool:
        """A future word in the few words before the weekday: "will fly to Cairo on Monday"."""
        return self._near(self.future, text, weekday_at, self.params["future-window"])

    def _reported(self, text: str, weekday_at: int) -> bool:
        """A reporting verb in the few words before the weekday: "told TASS on Friday"."""
        return self._near(self.reported, text, weekday_at, self.params["reported-window"])

    @staticmethod
    def _near(pattern: regex.Pattern[str] | None, text: str, at: int, words: int) -> bool:
        if pattern is None:
            return False
        return pattern.search(" ".join(text[:at].split()[-words:])) is not None


class FutureDate(Check):
    """A dateline dated after the story's own timestamp, beyond the time-zone slack (§2.10, inference)."""

    PARAMS = {"tolerance-days": Param(int, 1, "days a dateline may run ahead of the timestamp (time zones)")}
    ARGS = frozenset({"date", "timestamp", "days"})

    def setup(self) -> None:
        if self.params["tolerance-days"] < 0:
            raise ValueError("'tolerance-days' must not be negative")

    def hits(self, story: Story) -> Iterable[Hit]:
        dateline = story.dateline
        stamp = story_timestamp(story) or self.context.story_date
        if dateline is None or dateline.date is None or stamp is None:
            return
        day = dateline_date(dateline, stamp)
        if day is None:
            return
        ahead = days_between(stamp, day)
        if ahead > self.params["tolerance-days"]:
            args = {"date": _long_date(day), "timestamp": _long_date(stamp), "days": ahead}
            yield Hit(dateline.date.start, dateline.date.end, args)
