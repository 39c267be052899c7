"""What a number's neighbours make it: an age, money, a date, a score, a unit of measure, a name…

Each kind here is one of the categories for which AP and the other house styles use figures whatever the
value (reference §1.1: ages, percentages, money, dates, years, times, scores and votes, dimensions,
temperatures, ratios, addresses, millions, decimals, names, rankings and sequences).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

import regex

from newslint.checks.numbers.data import NumberData
from newslint.text.patterns import cached_pattern, word_alternation
from newslint.text.word_lookup import Caseless, WordLookup, lower_cased

AGE, PERCENT, MONEY, DATE, YEAR, TIME, SCORE, UNIT = "age", "percent", "money", "date", "year", "time", "score", "unit"
RATIO, ADDRESS, SCALE, DECIMAL, NAME, SEQUENCE = "ratio", "address", "scale", "decimal", "name", "sequence"
STATISTICS, RANGE, FRACTION, PHONE, CODE, DECADE, CASUAL = (
    "statistics", "range", "fraction", "phone", "code", "decade", "casual",
)  # fmt: skip
KINDS = frozenset(
    {AGE, PERCENT, MONEY, DATE, YEAR, TIME, SCORE, UNIT, RATIO, ADDRESS, SCALE, DECIMAL, NAME, SEQUENCE,
     STATISTICS, RANGE, FRACTION, PHONE, CODE, DECADE, CASUAL}
)  # fmt: skip

# Searched backwards (REVERSE): a pattern anchored at the end of the text before a number fails at once
# everywhere else, where a forward search tries every position (measured: 15 times faster here).
_WORD_BEFORE = regex.compile(r"([#\p{L}\p{N}$£€¥₹'’.\-]+)[\s\u00a0]*$", regex.REVERSE)
# The kinds read before a number whose patterns search fastest backwards; the two led by a symbol or a
# digit search faster forwards (measured).
_FORWARD_BEFORE = frozenset({MONEY, RATIO})
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


def _lowered(words: tuple[str, ...]) -> str:
    """The alternation of `words` lower-cased, for a Caseless pattern (the same length order)."""
    return word_alternation(tuple(w.lower() for w in words))


def _needles(*word_lists: tuple[str, ...]) -> frozenset[str]:
    """What a match of an alternation of the words, lower-cased, holds: one word's part before its first space
    (the rest of the word may stand across any spaces)."""
    return frozenset(w.lower().split(" ")[0] for words in word_lists for w in words)


class Gated:
    """A case-sensitive pattern compiled on first use and, until then, run only on a text `gate` lets through
    (every text it matches is): most figures have no unit, time or street after them, and then none is
    compiled. Once compiled, the pattern answers faster than the gate."""

    def __init__(self, source: str, flags: int, gate: Callable[[str], bool]) -> None:
        self.source, self.flags, self.gate = source, flags, gate

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        return cached_pattern(self.source, self.flags)

    def match(self, text: str) -> bool:
        return self._needed(text) and self.pattern.match(text) is not None

    def search(self, text: str) -> bool:
        return self._needed(text) and self.pattern.search(text) is not None

    def _needed(self, text: str) -> bool:
        return "pattern" in self.__dict__ or self.gate(text)  # compiled already, or the text may match


def _opens_with(heads: tuple[str, ...], hyphen: bool) -> Callable[[str], bool]:
    r"""Whether a text opens with one of `heads` after its spaces or, with `hyphen`, after one hyphen: what
    `\s*(?:heads...)` and `(?:\s+|-)(?:heads...)` need (`str.lstrip` strips every character `\s` matches)."""

    def gate(text: str) -> bool:
        rest = text[1:] if hyphen and text.startswith("-") else text.lstrip()
        return rest.startswith(heads)

    return gate


def _closes_with(tails: tuple[str, ...]) -> Callable[[str], bool]:
    r"""Whether a text closes with one of `tails` before its last spaces: what `(?:tails...)\s?$` needs."""
    return lambda text: text.rstrip().endswith(tails)


def _holds_one(needles: tuple[str, ...]) -> Callable[[str], bool]:
    return lambda text: any(needle in text for needle in needles)


def _heads(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each word's part before its first space (an alternation of the words lets any spaces stand there)."""
    return tuple({w.split(" ")[0] for w in words})


@dataclass(frozen=True)
class ContextPatterns:
    """The lexicon's lists compiled once into the patterns the classifier runs."""

    lexicon: NumberData
    currency_before: regex.Pattern[str]
    after: dict[str, Caseless]  # case-insensitive: "Percent", "YEARS OLD"
    after_cased: dict[str, Gated]  # "5 GB", "5 PM"
    before: dict[str, Caseless]
    before_cased: dict[str, Gated]  # "US$", "A-"
    address: Gated
    months: frozenset[str]
    openers: frozenset[str]
    casual: WordLookup  # set phrases: "at sixes and sevens", "the eighties"


@cache
def context_patterns(lex: NumberData) -> ContextPatterns:
    """Compile the context lists of one lexicon."""
    symbols = word_alternation(lex.words("currency-symbols"))
    codes = word_alternation(lex.words("currency-codes"))
    units = word_alternation(lex.words("units"))
    scales = _lowered(tuple(lex.scales))

    def words(key: str) -> str:
        return _lowered(lex.words(key))

    age_after = tuple(w.lstrip("-") for w in lex.words("age-after"))
    after = {
        PERCENT: rf"\s*(?:{words('percent-words')})(?!\w)",
        AGE: rf"(?:\s+|-)(?:{_lowered(age_after)})(?!\w)",
        MONEY: rf"(?:\s+(?:{scales}))?\s+(?:{words('currency-words')})(?![\w])",
        SCALE: rf"\s+(?:{scales})(?![\w])",
        DATE: rf"\s+(?:of\s+)?(?:{words('months')})\b",
        RATIO: rf"(?:\s+(?:in|out\s+of)\s+|-to-|\s*:\s*)(?:\d|every\b|(?:{_lowered(lex.cardinals[2:11])})\b)",
        SCORE: rf"\s+for\s+\d|-\d+(?:\s+|-)(?:{words('score-words')})\b",
        CODE: r"[/\-]\p{L}",
    }
    needles_after = {
        PERCENT: _needles(lex.words("percent-words")),
        AGE: _needles(age_after),
        MONEY: _needles(lex.words("currency-words")),
        SCALE: _needles(tuple(lex.scales)),
        DATE: _needles(lex.words("months")),
        SCORE: _needles(("for",), lex.words("score-words")),
    }
    after_cased = {
        TIME: rf"\s*(?:{word_alternation(lex.words('time-after'))})(?![\w])",
        UNIT: rf"(?:\s+|-)(?:{units})(?![\w])",
    }
    before = {
        AGE: rf"(?<![\p{{L}}\p{{N}}])(?:{words('age-before')})\s*$",
        SCORE: rf"(?:\b(?:{words('score-before')})|\d\s+for)\s*$",
        SEQUENCE: rf"(?<![\p{{L}}\p{{N}}])(?:{words('sequence-before')})\s*$",
        DATE: rf"(?<![\p{{L}}\p{{N}}])(?:{words('months')})\.?\s*$",
        DECADE: r"['’]$",
        RATIO: r"\d\s+(?:in|out\s+of)\s+$|\d-to-$|\d\s*:\s*$",
    }
    needles_before = {
        AGE: _needles(lex.words("age-before")),
        SCORE: _needles(lex.words("score-before"), ("for",)),
        SEQUENCE: _needles(lex.words("sequence-before")),
        DATE: _needles(lex.words("months")),
    }
    before_cased = {
        MONEY: rf"(?<![\p{{L}}])(?:(?:{symbols})\s?|(?:{codes})\s)$",
        CODE: r"(?:\p{L}[\-/]|[#\p{L}]\.?)$",
    }
    money_tails = _heads((*lex.words("currency-symbols"), *lex.words("currency-codes")))
    street = word_alternation(lex.words("street-suffixes"))
    address = rf"(?:\s+\p{{Lu}}[\p{{L}}'.\-]*){{1,3}}\s+(?:{street})(?!\w)"
    return ContextPatterns(
        lexicon=lex,
        currency_before=regex.compile(rf"(?:{symbols})\s?$", regex.VERSION1),
        after={k: Caseless(v, regex.VERSION1, needles_after.get(k, ())) for k, v in after.items()},
        after_cased={
            TIME: Gated(after_cased[TIME], regex.VERSION1, _opens_with(_heads(lex.words("time-after")), False)),
            UNIT: Gated(after_cased[UNIT], regex.VERSION1, _opens_with(_heads(lex.words("units")), True)),
        },
        before={k: Caseless(v, _before_flags(k), needles_before.get(k, ())) for k, v in before.items()},
        before_cased={
            MONEY: Gated(before_cased[MONEY], _before_flags(MONEY), _closes_with(money_tails)),
            CODE: Gated(before_cased[CODE], _before_flags(CODE), lambda _: True),
        },
        address=Gated(address, regex.VERSION1, _holds_one(_heads(lex.words("street-suffixes")))),
        months=frozenset(m.lower() for m in lex.words("months")),
        openers=lex.lower("sentence-openers"),
        casual=_casual(lex.words("casual-phrases")),
    )


def _before_flags(kind: str) -> int:
    return regex.VERSION1 if kind in _FORWARD_BEFORE else regex.VERSION1 | regex.REVERSE


def _casual(phrases: tuple[str, ...]) -> WordLookup:
    source = rf"(?<!\w)(?:{word_alternation(tuple(p.lower() for p in phrases))})(?!\w)"
    return WordLookup(source, regex.VERSION1, phrases)


def kinds_after(patterns: ContextPatterns, post: str) -> set[str]:
    """Kinds read from the words right after a number ("percent", "years old", "Main St.")."""
    lowered = lower_cased(post)
    found = {kind for kind, pattern in patterns.after.items() if pattern.match(post, lowered)}
    found |= {kind for kind, pattern in patterns.after_cased.items() if pattern.match(post)}
    if patterns.address.match(post):
        found.add(ADDRESS)
    return found


def kinds_before(patterns: ContextPatterns, pre: str) -> set[str]:
    """Kinds read from the words right before a number ("aged", "No.", "$", "March")."""
    lowered = lower_cased(pre)
    found = {kind for kind, pattern in patterns.before.items() if pattern.search(pre, lowered)}
    found |= {kind for kind, pattern in patterns.before_cased.items() if pattern.search(pre)}
    if _name_before(patterns, pre):
        found.add(NAME)
    return found


def _name_before(patterns: ContextPatterns, pre: str) -> bool:
    """A capitalised word right before the number that is not a common opener: "Apollo 11", "Channel 9"."""
    m = _WORD_BEFORE.search(pre)
    if not m or not pre.endswith((" ", "\u00a0")) or not any(c.isupper() for c in m.group(1)):
        return False  # a capital anywhere: "Apollo 11", "iPhone 6"
    word = m.group(1).rstrip(".")
    if word.lower() in patterns.months or word.endswith(("'s", "’s", "s'")):
        return False  # a date, or a possessive: "Arafat's 3 helicopters" counts helicopters
    # "Steinlager 2 beat…" and "Apollo 11" name something; "About 7 people" does not.
    return word.lower() not in patterns.openers


def kinds_of_suffix(lex: NumberData, suffix: str) -> set[str]:
    """Kinds read from letters stuck to a figure: "5km", "5m", "5pm", "1990s", "3D"."""
    if not suffix:
        return set()
    low = suffix.lower()
    if low in _ORDINAL:
        return set()
    if suffix in lex.scale_abbreviations:  # "5m", "5bn"; "3M" is a company
        return {SCALE}
    if low in ("am", "pm", "hrs", "h") or low.startswith(("a.m", "p.m")):
        return {TIME}
    if low == "s":
        return {DECADE}
    if suffix in lex.words("units") or low in {u.lower() for u in lex.words("units") if len(u) > 2}:
        return {UNIT}
    return {CODE}
