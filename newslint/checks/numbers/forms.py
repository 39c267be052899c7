"""The ways one kind of number can be written: separators, percent, millions, ranges and fractions.

Each `*_forms` function returns the story's occurrences of one feature, each with its form and a way to
write the same number in any other form, for the house-style and the consistency rules alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise

import regex

from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.data import NumberData
from newslint.checks.numbers.inventory import COMMA, FIGURE, PLAIN, SPACE, Inventory, Mention
from newslint.checks.numbers.words import number_words
from newslint.text.patterns import cached_pattern, word_alternation
from newslint.text.story import Story
from newslint.text.word_lookup import ODD_FOLDS, lower_cased_words

FULL, SCALE_WORD, SCALE_ABBREVIATION = "full", "word", "abbreviation"
TO_RANGE, HYPHEN_RANGE = "to", "hyphen"
WORD_FRACTION, SLASH_FRACTION = "words", "slash"


@dataclass(frozen=True)
class Occurrence:
    """One number of a feature: its span, its form, and how it reads in another form (None: cannot)."""

    start: int
    end: int
    form: str
    render: Callable[[str], str | None]
    money: bool = False
    mention: Mention | None = None
    group: str = ""  # occurrences are compared only within one group (money apart from other amounts)


def separator_forms(inv: Inventory, floor: int, exempt: frozenset[str]) -> list[Occurrence]:
    """Counts of `floor` and above: grouped with commas, with spaces, or not at all."""
    marks = {COMMA: ",", SPACE: " ", PLAIN: ""}
    found = []
    for m in inv.figures():
        if m.grouping and m.value >= floor and not m.kinds & exempt:
            found.append(
                Occurrence(m.start, m.end, m.grouping, lambda form, t=m.text: regroup(t, marks[form]), mention=m)
            )
    return found


def regroup(text: str, mark: str) -> str:
    """A figure with its integer part grouped by threes with `mark` ("" for none)."""
    m = cached_pattern(r"([\d,\s\u00a0\u2009\u202f]*\d)(.*)", regex.DOTALL).match(text)
    digits = cached_pattern(r"\D").sub("", m.group(1))
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return mark.join(groups) + m.group(2)


_PERCENT = regex.compile(r"(?P<space>\s*)(?P<word>%|per\s*cent)(?![\w])", regex.IGNORECASE)
PERCENT_FORMS = {"%": "%", "spaced %": " %", "percent": " percent", "per cent": " per cent"}


def percent_forms(story: Story, inv: Inventory) -> list[Occurrence]:
    """Percentages: "5%", "5 %", "5 percent", "5 per cent" (not "percentage points", written out everywhere)."""
    found = []
    for m in inv.mentions:
        after = _PERCENT.match(story.masked, m.end)
        if not after or (m.form == FIGURE and m.suffix):
            continue
        word = " ".join(after.group("word").lower().split())
        form = ("spaced %" if after.group("space") else "%") if word == "%" else word
        text = story.text[m.start : m.end]
        found.append(Occurrence(m.start, after.end(), form, lambda f, t=text: t + PERCENT_FORMS[f], mention=m))
    return found


def scale_forms(story: Story, inv: Inventory, lex: NumberData) -> list[Occurrence]:
    """Millions and more: "$1,000,000", "$1 million", "$1m" / "1 mln" (abbreviations only with money)."""
    scales = {**lex.scales}
    found = []
    for m in inv.figures():
        money = ctx.MONEY in m.kinds
        after = cached_pattern(r"\s+([a-z]+)\b").match(story.masked[m.end : m.end + 12])
        word = after.group(1) if after else ""
        group = "money" if money else ""
        if m.grouping and m.whole and m.value >= 1_000_000:
            render = _scaled(m.value, m.text, lex)
            if render(SCALE_WORD) is not None:  # exact figures ("$1,234,567") stay exact
                found.append(Occurrence(m.start, m.end, FULL, render, money, m, group))
        elif word in scales and not m.suffix:
            value = Decimal(cached_pattern(r"[^\d.]").sub("", m.text)) * scales[word]
            end = m.end + after.end()
            found.append(Occurrence(m.start, end, SCALE_WORD, _scaled(float(value), m.text, lex), money, m, group))
        elif _abbreviated(m, word, lex, money):
            factor = lex.scale_abbreviations[(m.suffix or word).lower()]
            end = m.end + (after.end() if not m.suffix else 0)
            value = Decimal(cached_pattern(r"[^\d.]").sub("", m.text.rstrip(m.suffix))) * factor
            render = _scaled(float(value), m.text, lex)
            found.append(Occurrence(m.start, end, SCALE_ABBREVIATION, render, money, m, group))
    return found


def _abbreviated(m: Mention, word: str, lex: NumberData, money: bool) -> bool:
    """ "5m" is metres unless money; "5bn" and "5 mln" are never anything but scale."""
    key = (m.suffix or word).lower()
    if key not in lex.scale_abbreviations:
        return False
    return money or len(key) > 1


def _scaled(value: float, original: str, lex: NumberData) -> Callable[[str], str | None]:
    """Render a value of a million or more in each form; None where it would lose precision."""

    def render(form: str) -> str | None:
        if form == FULL:
            return f"{int(value):,}"
        fitting = [(n, f) for n, f in lex.scales.items() if f <= value] or [min(lex.scales.items(), key=lambda p: p[1])]
        name, factor = max(fitting, key=lambda p: p[1])  # "0.5 million" stays in millions
        amount = Decimal(str(value)) / Decimal(factor)
        try:
            if amount != amount.quantize(Decimal("0.01")):
                return None  # AP: up to two decimal places ("$5.25 million"); exact figures stay exact
        except InvalidOperation:
            return None  # beyond any real amount: an identifier, not money

        shown = f"{amount.normalize():f}"
        if form == SCALE_WORD:
            return f"{shown} {name}"
        abbreviation = {1_000_000: "m", 1_000_000_000: "bn", 1_000_000_000_000: "tn"}[factor]
        return f"{shown}{abbreviation}"

    return render


def range_forms(story: Story, inv: Inventory, lex: NumberData) -> list[Occurrence]:
    """ "5 to 10" and "5-10" (a rising pair of plain counts; not years, times, scores or changes)."""
    figures = [m for m in inv.figures() if not m.kinds & {ctx.YEAR, ctx.TIME, ctx.DATE, ctx.PHONE, ctx.CODE}]
    change = lex.lower("change-words")
    found = []
    for a, b in pairwise(figures):
        between = story.masked[a.end : b.start]
        if not a.value < b.value or a.suffix or ctx.SCORE in a.kinds | b.kinds:
            continue
        clause = cached_pattern(r"[.!?;:]").split(story.masked[max(0, a.start - 40) : a.start])[-1]
        before = cached_pattern(r"[\p{L}]+").findall(clause.lower())[-3:]
        if between == " to " and not set(before) & change:
            form = TO_RANGE
        elif between in ("-", "–") and not cached_pattern(r"[-–/]\d").match(story.masked[b.end : b.end + 2]):
            form = HYPHEN_RANGE
        else:
            continue
        ta, tb = story.text[a.start : a.end], story.text[b.start : b.end]
        found.append(
            Occurrence(a.start, b.end, form, lambda f, x=ta, y=tb: f"{x} to {y}" if f == TO_RANGE else f"{x}-{y}")
        )
    return found


_VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅛": (1, 8)}


def fraction_forms(story: Story, inv: Inventory, lex: NumberData) -> list[Occurrence]:
    """ "one-third", "two-thirds" against "1/3", "2/3", "⅔" (fractions below one)."""
    words = number_words(lex)
    names = word_alternation(lex.fractions)
    limit = lex.threshold("fraction-max-denominator")
    found = []
    text = story.masked
    spelled = cached_pattern(rf"(?<![\w\-])(\p{{L}}+)-({names})(?![\w\-])", regex.I)
    for m in spelled.finditer(text) if _may_spell_fractions(text, lex.fractions) else ():
        parsed = words.value(m.group(1))
        if parsed and not parsed[1] and 0 < parsed[0] < lex.fractions[m.group(2).lower()] <= limit:
            num, den = parsed[0], lex.fractions[m.group(2).lower()]
            found.append(Occurrence(m.start(), m.end(), WORD_FRACTION, _fraction(num, den, m.group(), words)))
    # Not a mixed number: "3 1/2 hours" is an amount above one, in figures (AP fractions).
    slashed = cached_pattern(r"(?<![\w/.,])(?<!\d\s)(\d)/(\d{1,2})(?![\w/]|[.,]\d)|(?<!\d)[" + "".join(_VULGAR) + "]")
    for m in slashed.finditer(text) if "/" in text or any(c in text for c in _VULGAR) else ():
        num, den = _VULGAR.get(m.group()) or (int(m.group(1)), int(m.group(2)))
        if 0 < num < den <= limit:
            found.append(Occurrence(m.start(), m.end(), SLASH_FRACTION, _fraction(num, den, m.group(), words)))
    return sorted(found, key=lambda o: o.start)


def _may_spell_fractions(text: str, names: Iterable[str]) -> bool:
    """Whether `text` may hold "one-third": a hyphen before a fraction's name, in any case. Scanning for
    one with the pattern is slow, and most stories hold none."""
    if ODD_FOLDS.search(text) or not all(name.isascii() for name in names):
        return True  # a letter that folds oddly may spell a name
    lowered, _ = lower_cased_words(text)
    return any(f"-{name.lower()}" in lowered for name in names)


def _fraction(num: int, den: int, original: str, words) -> Callable[[str], str | None]:
    def render(form: str) -> str | None:
        if form == SLASH_FRACTION:
            return f"{num}/{den}"
        plural = {2: "halves", 4: "quarters"}.get(den) if num > 1 else None
        single = {2: "half", 4: "quarter"}.get(den)
        name = plural or single or (words.spell(den, ordinal=True) + ("s" if num > 1 else ""))
        text = f"{words.spell(num)}-{name}"
        return text[:1].upper() + text[1:] if original[:1].isupper() else text

    return render
