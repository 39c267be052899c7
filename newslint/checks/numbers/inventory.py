"""The number inventory of a story: every figure and spelled-out number, with its kinds, built once."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.data import NumberData
from newslint.checks.numbers.words import number_words
from newslint.text.patterns import cached_pattern
from newslint.text.segment import Span
from newslint.text.story import BODY, HEADLINE, Story

FIGURE, WORD = "figure", "word"
COMMA, SPACE, PLAIN = "comma", "space", "plain"

_FIGURE = regex.compile(
    r"(?:(?<![\w.,/:])|(?<=\$[A-Z]{1,3}))"  # "$US1,000" (Australian copy)
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+|\d{2,3}(?: \d{3})+|\d{1,3}(?: \d{3}){2,}|\d+)"
    r"(?P<dec>\.\d+)?"
    r"(?P<suffix>°[CF]?|[^\W\d_][\w/°]*(?:\.m\.)?)?"
    r"(?![\w])",
    regex.VERSION1,
)
# Protected spans: clock times ("4:30", "4.30pm") and phone numbers (AP: "212-621-1500").
_TIME = regex.compile(r"(?<![\w.:])\d{1,2}(?::\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\.\d{2}\s*[ap]\.?m\b\.?)", regex.I)
_PHONE = regex.compile(
    r"(?<![\w])(?:\+\d{1,3}[\s-])?(?:\(\d{2,5}\)\s?\d{3,4}[\s-]?\d{3,4}|\d{3}-\d{3}-\d{4}|0\d{2,4}\s\d{3,4}\s?\d{3,4}"
    r"|\d{1,3}(?:-\d{2,4}){3,5})(?![\w])"
)
_PROTECTED = {ctx.TIME: _TIME, ctx.PHONE: _PHONE}
# Ranges and tallies: "5-4", "5 to 10", "between 5 and 10" (not "3 or 4", which AP spells out).
_JOINED_AFTER = regex.compile(r"\s?[-–]\s?\$?\d|\s+(?:to|and)\s+\$?\d")
_JOINED_BEFORE = regex.compile(r"\d%?\s?[-–]\s?\$?$|\d%?\s+(?:to|and)\s+\$?$")
_FOR_BEFORE = regex.compile(r"\bfor\s+$")
_SCORE_END = regex.compile(r"\s*(?:[.,;)]|$)|\s+(?:with|before|after|off|when|and)\b")
_JOINED_TO_COUNT_BEFORE = regex.compile(r"\d,\d{3}\s+(?:to|and|or)\s+$|\d,\d{3}\s?[-–]\s?$")
_JOINED_TO_COUNT_AFTER = regex.compile(r"\s+(?:to|and|or)\s+\d{1,3},\d{3}|\s?[-–]\s?\d{1,3},\d{3}")
_NEXT_WORD = regex.compile(r"\s+(\p{Ll}+)\b")
_CAPITAL_NEXT = regex.compile(r"\s+(\p{Lu}[\p{L}.]*)")
_SUBHEAD = regex.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_WINDOW = 60
_LONGEST_AMOUNT = 20  # characters of an integer part (with separators) beyond which a figure is an identifier


@dataclass(frozen=True)
class Mention:
    """One number in the story. Offsets cover the number only (not "$" or "percent")."""

    start: int
    end: int
    text: str
    value: float
    form: str  # FIGURE or WORD
    ordinal: bool
    decimal: bool
    grouping: str  # COMMA, SPACE or PLAIN for 4+ integer digits, "" below 1,000
    suffix: str  # letters stuck to a figure ("m", "km", "pm", "th"), "" if none
    kinds: frozenset[str]
    sentence_start: bool
    block: str

    @property
    def whole(self) -> bool:
        """A whole, finite number (a 50,000-digit run of digits parses as infinity)."""
        return not self.decimal and math.isfinite(self.value) and self.value == int(self.value)


@dataclass(frozen=True)
class Inventory:
    mentions: tuple[Mention, ...]

    def figures(self) -> Iterator[Mention]:
        return (m for m in self.mentions if m.form == FIGURE)

    def words(self) -> Iterator[Mention]:
        return (m for m in self.mentions if m.form == WORD)


def inventory(story: Story, lex: NumberData) -> Inventory:
    """The story's numbers, built once per story (through the story's own cache) and shared by every rule."""
    return story.analysis(_inventory_builder(lex))


@cache
def _inventory_builder(lex: NumberData) -> Callable[[Story], Inventory]:
    """One builder per number data set, so that the story's cache holds one inventory for each."""

    def build(story: Story) -> Inventory:
        return _Builder(story, lex).build()

    return build


_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "cattle", "feet"})


def _plural(noun: str) -> bool:
    if noun in _IRREGULAR_PLURALS:
        return True
    return len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is", "was", "has", "does"))


def _grouping(digits: str) -> str:
    if "," in digits:
        return COMMA
    if cached_pattern(r"\s").search(digits):
        return SPACE
    return PLAIN if len(digits) >= 4 else ""


class _Spans:
    """The spans of one pattern's matches (sorted, apart), asked in logarithmic time: a story of figures
    holds thousands of them."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        spans = list(spans)
        self.starts, self.ends = [a for a, _ in spans], [b for _, b in spans]

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


_OPENING_MARKS = " \t\"“‘'([$£€"  # what may stand before a figure that still opens its sentence


class _SentenceOpenings:
    """Whether a number opens its sentence: only opening marks before it, or a currency symbol alone
    ("$5 was..."). Each sentence's opening is read once, so a sentence of a million figures costs no more
    per figure than a short one."""

    def __init__(self, text: str, symbols: tuple[str, ...], currency_before: regex.Pattern[str]) -> None:
        self.text, self.currency_before = text, currency_before
        # A symbol is what a lead stripped of white space must equal (the pattern allows nothing else
        # for one without a space); a symbol with a space inside is left to the pattern.
        self.symbols = None if any(c.isspace() for s in symbols for c in s) else frozenset(symbols)
        self.lengths = sorted({len(s) for s in symbols})
        self._marks_end: dict[int, int] = {}
        self._text_start: dict[int, int] = {}
        self._space_end: dict[int, int] = {}

    def opens(self, sentence: Span, start: int) -> bool:
        if self.symbols is None:
            lead = self.text[sentence.start : start]
            return not lead.strip(_OPENING_MARKS) or bool(self.currency_before.fullmatch(lead.strip()))
        if self._run_end(self._marks_end, sentence.start, sentence.end, marks=True) >= start:
            return True  # nothing but opening marks before it
        first = self._run_end(self._text_start, sentence.start, sentence.end, marks=False)
        return any(
            first + n <= start
            and self.text[first : first + n] in self.symbols
            and self._run_end(self._space_end, first + n, sentence.end, marks=False) >= start
            for n in self.lengths
        )  # white space, a symbol, white space: "$ 5"

    def _run_end(self, cache: dict[int, int], start: int, end: int, marks: bool) -> int:
        """Where the run of opening marks (or of white space) from `start` ends, read once."""
        if start not in cache:
            rest = self.text[start:end]
            cache[start] = start + len(rest) - len(rest.lstrip(_OPENING_MARKS if marks else None))
        return cache[start]


class _Builder:
    """Finds the numbers of one story and classifies each from its neighbours."""

    def __init__(self, story: Story, lex: NumberData) -> None:
        self.story, self.lex, self.text = story, lex, story.masked
        self.patterns = ctx.context_patterns(lex)
        self.words = number_words(lex)
        self.protected = {kind: _Spans(m.span() for m in p.finditer(self.text)) for kind, p in _PROTECTED.items()}
        self.casual = _Spans(self.patterns.casual.spans(self.text))
        self.openings = _SentenceOpenings(self.text, lex.words("currency-symbols"), self.patterns.currency_before)

    def build(self) -> Inventory:
        found = [self._figure(m) for m in _FIGURE.finditer(self.text)]
        found += [self._word(start, end) for start, end in self.words.spans(self.text)]
        mentions = sorted((m for m in found if m is not None), key=lambda m: m.start)
        return Inventory(tuple(self._with_statistics(mentions)))

    def _block(self, start: int) -> str:
        """The story block, with a Markdown subhead in the body counted as a headline (figures allowed)."""
        block = self.story.block_at(start)
        para = self.story.paragraph_at(start)
        if block == BODY and para is not None and self.story.markdown and _SUBHEAD.match(self.story.text, para.start):
            return HEADLINE
        return block

    def _window(self, start: int, end: int) -> tuple[str, str]:
        para = self.story.paragraph_at(start)
        lo, hi = (para.start, para.end) if para else (0, len(self.text))
        return self.text[max(lo, start - _WINDOW) : start], self.text[end : min(hi, end + _WINDOW)]

    def _sentence_start(self, start: int, pre: str) -> bool:
        sentence = self.story.sentence_at(start)
        return sentence is not None and self.openings.opens(sentence, start)

    def _figure(self, m: regex.Match[str]) -> Mention | None:
        start, end = m.start(), m.end()
        digits, suffix = m.group("int"), m.group("suffix") or ""
        ordinal = suffix.lower() in ("st", "nd", "rd", "th")
        value = float(cached_pattern(r"[,\s]").sub("", digits) + (m.group("dec") or ""))
        pre, post = self._window(start, end)
        kinds = self._common_kinds(start, end, pre, post)
        kinds |= ctx.kinds_of_suffix(self.lex, suffix)
        kinds |= self._figure_kinds(digits, value, m.group("dec"), pre, post, suffix)
        return Mention(
            start, end, m.group(), value, FIGURE, ordinal, bool(m.group("dec")), _grouping(digits), suffix,
            frozenset(kinds), self._sentence_start(start, pre), self._block(start),
        )  # fmt: skip

    def _common_kinds(self, start: int, end: int, pre: str, post: str) -> set[str]:
        """Kinds of a figure or a word from the words around it and the spans it lies in."""
        after = ctx.kinds_after(self.patterns, post)
        kinds = after | ctx.kinds_before(self.patterns, pre)
        if ctx.SCORE in kinds and ctx.SCORE not in after and self._counted_things(post):
            kinds.discard(ctx.SCORE)  # "made 2 controversial decisions": a count after the verb, not a score
        kinds |= {kind for kind, spans in self.protected.items() if spans.holds(start)}
        if self.casual.holds(start):
            kinds.add(ctx.CASUAL)
        kinds |= self._shape_kinds(pre, post)
        if ctx.MONEY in kinds:
            kinds.discard(ctx.CODE)  # "$US3000": the letters are the currency's
        return kinds

    def _shape_kinds(self, pre: str, post: str) -> set[str]:
        """Kinds read from punctuation and neighbouring figures: ranges, "the boy, 5,", fractions, scores."""
        kinds: set[str] = set()
        if _JOINED_AFTER.match(post) or _JOINED_BEFORE.search(pre):
            kinds.add(ctx.RANGE)
        if (
            cached_pattern(r"\p{L},\s*$", regex.REVERSE).search(pre)
            and cached_pattern(r"\s*[,)]").match(post)
            and not ctx.kinds_after(self.patterns, post.lstrip(" ,"))
        ):
            kinds.add(ctx.AGE)  # "The boy, 5, was…" (AP ages)
        if cached_pattern(r"\s*/\s*\d|\s+\d/\d|[½⅓⅔¼¾]").match(post) or cached_pattern(
            r"\d\s*/\s*$", regex.REVERSE
        ).search(pre):
            kinds.add(ctx.FRACTION)
        if pre.endswith("(") and post.startswith(")"):
            kinds.add(ctx.SEQUENCE)  # a numbered subsection or list item: "section 6B (4)"
        if _FOR_BEFORE.search(pre) and _SCORE_END.match(post):
            kinds.add(ctx.SCORE)  # cricket: "out for 9", "Henderson for 5 with a direct hit"
        return kinds

    def _figure_kinds(self, digits: str, value: float, dec: str | None, pre: str, post: str, suffix: str) -> set[str]:
        kinds: set[str] = set()
        if dec:
            kinds.add(ctx.DECIMAL)
        if digits.startswith("0") and len(digits) > 1 or len(digits) > _LONGEST_AMOUNT:
            kinds.add(ctx.CODE)  # "0800", or a long identifier rather than an amount
        if self._is_year(digits, value, pre, post, suffix):
            kinds.add(ctx.YEAR)
        elif digits.isdigit() and len(digits) == 4 and self._words_match(post, "clock-after"):
            kinds.add(ctx.TIME)  # "1800 hours"
        if suffix.lower() in ("st", "nd", "rd", "th"):
            capital = _CAPITAL_NEXT.match(post)
            streets = self.lex.words("numbered-street-words")
            if capital and capital.group(1) not in streets:
                kinds.add(ctx.NAME)  # "3rd Battalion", "1st Infantry Division" (AP: military units)
        return kinds

    def _words_match(self, post: str, key: str) -> bool:
        nxt = _NEXT_WORD.match(post) or cached_pattern(r"\s+(\p{L}+)").match(post)
        return bool(nxt) and nxt.group(1).lower() in self.lex.lower(key)

    def _is_year(self, digits: str, value: float, pre: str, post: str, suffix: str) -> bool:
        """A bare four-digit number in the year span, unless a quantity word or a unit marks a count."""
        if not (digits.isdigit() and len(digits) == 4) or suffix:
            return False
        if not self.lex.threshold("year-min") <= value <= self.lex.threshold("year-max"):
            return False
        cues = ctx.kinds_after(self.patterns, post) & {ctx.PERCENT, ctx.UNIT, ctx.MONEY, ctx.SCALE}
        before = cached_pattern(r"([\p{L}]+(?:\s+[\p{L}]+)?)\s*$").search(pre.lower())
        last = before.group(1).split()[-1] if before else ""
        quantity = self.lex.lower("quantity-before")
        counted = before is not None and (before.group(1) in quantity or last in quantity)
        joined = _JOINED_TO_COUNT_BEFORE.search(pre) or _JOINED_TO_COUNT_AFTER.match(post)
        return not (
            cues or counted or joined or self.patterns.currency_before.search(pre) or self._counts(pre, post, last)
        )

    def _counts(self, pre: str, post: str, last: str) -> bool:
        """A count like "their 2500 employees", or "Statistics, 1570 people" after a comma: a plural noun
        after, no year word ("in", "since") before."""
        nxt = _NEXT_WORD.match(post)
        if not nxt or last in self.lex.lower("year-before"):
            return False
        after_word = last and cached_pattern(r"\p{L}\s+$", regex.REVERSE).search(pre)
        after_comma = cached_pattern(r"\p{L}[,;:]\s+$", regex.REVERSE).search(pre)
        noun = nxt.group(1)
        if not after_word and not (after_comma and noun not in self.lex.lower("year-nouns")):
            return False  # ", 2019 figures show": a year before a noun that years qualify
        return _plural(noun)

    def _spoken_date(self, pre: str) -> bool:
        month = cached_pattern(r"(\p{L}+)\s+the\s+$", regex.REVERSE).search(pre)
        return bool(month) and month.group(1).lower() in self.lex.lower("months")

    def _counted_things(self, post: str) -> bool:
        """Things counted after a number: "2 controversial decisions", "3 new stadiums"; not the runs,
        goals or votes a score counts ("made 45 runs", "won 2 seats")."""
        words = cached_pattern(r"(?:\s+\p{Ll}+){1,3}").match(post)
        nouns = [word for word in (words.group().split() if words else ()) if _plural(word)]
        return bool(nouns) and nouns[0] not in self.lex.lower("score-units")

    def _word(self, start: int, end: int) -> Mention | None:
        text = self.text[start:end]
        parsed = self.words.value(text)
        if parsed is None:
            return None
        value, ordinal = parsed
        pre, post = self._window(start, end)
        kinds = self._common_kinds(start, end, pre, post) - {ctx.NAME}
        if ordinal and self._spoken_date(pre):
            kinds.add(ctx.CASUAL)  # "September the eleventh", as a speaker says it: a recast, not "11th"
        if text[:1].isupper() and not self._sentence_start(start, pre):
            kinds.add(ctx.NAME)  # "Big Ten", "Twentieth Century Fund" (AP: proper names)
        if ordinal and (
            cached_pattern(r"(?:\ba|\bone|\w-)\s*$", regex.REVERSE).search(pre.lower())
            or cached_pattern(r"\s+of\b").match(post)
        ):
            kinds.add(ctx.FRACTION)  # "a tenth of", "one-tenth"
        return Mention(
            start, end, text, float(value), WORD, ordinal, False, "", "", frozenset(kinds),
            self._sentence_start(start, pre), self._block(start),
        )  # fmt: skip

    def _with_statistics(self, mentions: list[Mention]) -> list[Mention]:
        """Mark numbers of sentences dense with figures: statistical matter keeps figures (AP)."""
        per_sentence: dict[int, int] = {}
        for m in mentions:
            sentence = self.story.sentence_at(m.start)
            if m.form == FIGURE and sentence is not None and not m.kinds & {ctx.DATE, ctx.YEAR, ctx.TIME}:
                per_sentence[sentence.start] = per_sentence.get(sentence.start, 0) + 1
        limit = self.lex.threshold("statistical-figures")
        out = []
        for m in mentions:
            sentence = self.story.sentence_at(m.start)
            if sentence is not None and per_sentence.get(sentence.start, 0) >= limit:
                m = Mention(**{**m.__dict__, "kinds": m.kinds | {ctx.STATISTICS}})
            out.append(m)
        return out
