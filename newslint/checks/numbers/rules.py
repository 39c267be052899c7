"""House number style (AP default): words or figures, sentence-initial figures, separators, millions, percent."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks.base import Check, Param
from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.base import NumberCheck
from newslint.checks.numbers.consistency import Mixed
from newslint.checks.numbers.forms import (
    FULL,
    PERCENT_FORMS,
    SCALE_ABBREVIATION,
    SCALE_WORD,
    percent_forms,
    regroup,
    scale_forms,
)
from newslint.checks.numbers.inventory import COMMA, FIGURE, PLAIN, SPACE, WORD, Mention, inventory
from newslint.checks.numbers.ranges import FromTo, MoneyRange
from newslint.checks.numbers.words import figure_with_suffix
from newslint.finding import Hit
from newslint.text.patterns import cached_pattern
from newslint.text.story import HEADLINE, Story
from newslint.text.word_lookup import lower_cased

_GROUPING = {",": COMMA, " ": SPACE, "": PLAIN}


class SpellOut(NumberCheck):
    """AP: one to nine in words, figures from 10; ordinals likewise (first–ninth, 10th)."""

    PARAMS = {
        **NumberCheck.PARAMS,
        "spell-max": Param(int, 9, "the largest number spelled out in an ordinary count"),
        "word-exempt": Param(list, [], "kinds where a spelled-out number above spell-max is left alone"),
    }
    ARGS = frozenset({"suggestion"})

    def number_hits(self, story: Story) -> Iterable[Hit]:
        word_exempt = frozenset(self.params["word-exempt"])
        for m in inventory(story, self.lex).mentions:
            # Every exception is a reason for figures: a spelled-out 10 or more keeps only its own few.
            excused = m.kinds & word_exempt or m.block == HEADLINE if m.form == WORD else self.excused(m)
            if m.sentence_start or excused or not m.whole:
                continue
            suggestion = self._suggestion(story, m)
            if suggestion:
                fix = self.safe_fix(suggestion, safe=False)
                yield Hit(m.start, m.end, {"suggestion": suggestion}, (suggestion,), fix)

    def _suggestion(self, story: Story, m: Mention) -> str | None:
        """Words for a figure up to spell-max, figures for words above it; None where the form is right."""
        limit, value = self.params["spell-max"], int(m.value)
        if m.form == FIGURE and 1 <= value <= limit and (not m.suffix or m.ordinal) and not m.grouping:
            words = self.words.spell(value, m.ordinal)
            if words and m.ordinal and cached_pattern(r"\s+\p{Lu}").match(story.masked[m.end : m.end + 3]):
                return words.capitalize()  # a numbered street: "Fifth Avenue" (AP addresses)
            return words
        if m.form == WORD and limit < value < (100 if m.ordinal else 1000):
            return figure_with_suffix(value) if m.ordinal else str(value)
        return None


class SentenceStart(NumberCheck):
    """A figure opening a sentence, unless a calendar year (AP; BBC and Guardian likewise)."""

    def number_hits(self, story: Story) -> Iterable[Hit]:
        for m in inventory(story, self.lex).figures():
            if not m.sentence_start or self.excused(m):
                continue
            if cached_pattern(r"[.)]\s").match(story.masked[m.end : m.end + 2]) and m.value < 100:
                continue  # a list item: "1. The first point"
            spelled = self.words.spell(int(m.value)) if m.whole and not m.suffix and not m.grouping else None
            suggestions = (spelled[:1].upper() + spelled[1:],) if spelled else ()
            yield Hit(m.start, m.end, suggestions=suggestions)


class ThousandsSeparator(NumberCheck):
    """Thousands separators from 1,000 (AP: "23,444"; not years, addresses, phone or model numbers)."""

    PARAMS = {**NumberCheck.PARAMS, "form": Param(str, "", "',' or ' '; empty: the house style's")}
    ARGS = frozenset({"suggestion"})

    def setup(self) -> None:
        super().setup()
        if self.params["form"] not in ("", ",", " "):
            raise ValueError("'form' must be ',' or ' '")

    def number_hits(self, story: Story) -> Iterable[Hit]:
        mark = self.house("thousands")
        if mark is None:
            return
        floor = self.lex.threshold("separator-min")
        for m in inventory(story, self.lex).figures():
            if not m.grouping or m.grouping == _GROUPING[mark] or m.value < floor or self.excused(m):
                continue
            suggestion = regroup(m.text, mark)
            yield Hit(m.start, m.end, {"suggestion": suggestion}, (suggestion,), self.safe_fix(suggestion))


class PercentSign(NumberCheck):
    """The house form of percent: AP since 2019 "5%" (figures always); others as their data says."""

    PARAMS = {**NumberCheck.PARAMS, "form": Param(str, "", "'%', 'percent' or 'per cent'; empty: the house style's")}
    ARGS = frozenset({"suggestion"})

    def setup(self) -> None:
        super().setup()
        if self.params["form"] not in ("", *PERCENT_FORMS):
            raise ValueError(f"'form' must be one of {sorted(PERCENT_FORMS)}")

    def number_hits(self, story: Story) -> Iterable[Hit]:
        form = self.house("percent")
        if form not in PERCENT_FORMS:
            return
        for occ in percent_forms(story, inventory(story, self.lex)):
            m = occ.mention
            if occ.form == form or m.sentence_start or self.excused(m):
                continue
            number = m.text if m.form == FIGURE else self._figure(m)
            suggestion = number + PERCENT_FORMS[form]
            fix = self.safe_fix(suggestion, safe=m.form == FIGURE)
            yield Hit(occ.start, occ.end, {"suggestion": suggestion}, (suggestion,), fix)

    @staticmethod
    def _figure(m: Mention) -> str:
        return str(int(m.value)) if m.whole else str(m.value)


class Millions(NumberCheck):
    """Millions and billions: AP "$1 million" (not "$1,000,000"); the Guardian "£5m" for money."""

    PARAMS = {**NumberCheck.PARAMS, "form": Param(str, "", "'word' or 'abbreviation'; empty: the house style's")}
    ARGS = frozenset({"suggestion"})

    def setup(self) -> None:
        super().setup()
        if self.params["form"] not in ("", SCALE_WORD, SCALE_ABBREVIATION):
            raise ValueError("'form' must be 'word' or 'abbreviation'")

    def number_hits(self, story: Story) -> Iterable[Hit]:
        form = self.house("scale")
        if form not in (SCALE_WORD, SCALE_ABBREVIATION):
            return
        for occ in scale_forms(story, inventory(story, self.lex), self.lex):
            if occ.form == form or self.excused(occ.mention) or not self._applies(occ, form):
                continue
            suggestion = occ.render(form)
            if suggestion is None:
                continue
            yield Hit(
                occ.start,
                occ.end,
                {"suggestion": suggestion},
                (suggestion,),
                self.safe_fix(suggestion),
            )

    @staticmethod
    def _applies(occ, form: str) -> bool:
        """Abbreviations are for money only (Guardian: "1 million people" but "£5m")."""
        if form == SCALE_ABBREVIATION:
            return occ.money
        return occ.form == SCALE_ABBREVIATION or occ.form == FULL


class DateSuffix(NumberCheck):
    """AP dates take no ordinal suffix: "July 4", not "July 4th" (reference §1.1, dates)."""

    ARGS = frozenset({"suggestion"})

    def number_hits(self, story: Story) -> Iterable[Hit]:
        month_before = ctx.context_patterns(self.lex).before[ctx.DATE]
        for m in inventory(story, self.lex).figures():
            # Only "June 12th": "the 5th of May" needs a recast ("May 5"), not a deleted suffix.
            before = story.masked[max(0, m.start - 12) : m.start]
            if (
                m.ordinal
                and ctx.DATE in m.kinds
                and month_before.search(before, lower_cased(before))
                and not before.rstrip().lower().endswith(" the")  # "June the 12th" needs a recast
                and not self.excused(m)
            ):
                suggestion = m.text[: -len(m.suffix)]
                yield Hit(m.start, m.end, {"suggestion": suggestion}, (suggestion,), self.safe_fix(suggestion))


NUMBER_TYPES: dict[str, type[Check]] = {
    "numbers-spell-out": SpellOut,
    "numbers-sentence-start": SentenceStart,
    "numbers-thousands-separator": ThousandsSeparator,
    "numbers-percent-sign": PercentSign,
    "numbers-millions": Millions,
    "numbers-date-suffix": DateSuffix,
    "numbers-from-to": FromTo,
    "numbers-money-range": MoneyRange,
    "numbers-mixed": Mixed,
}
