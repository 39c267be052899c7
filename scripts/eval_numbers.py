"""Measure the numbers rules: findings per 1,000 words on clean copy, recall on corrupted real stories.

Usage: python scripts/eval_numbers.py [--list] [--seed N]

Precision: every numbers finding on the 300 ABC stories (professionally edited, Australian style) is
counted per 1,000 words, the consistency rules under a house style that fixes no form (they are the
style-free rules) and the style rules under AP (the ABC is not AP copy, so those are reported apart and
judged in docs/numbers.md). Recall: one error of a known type is planted in copies of real stories,
chosen with a fixed seed by patterns independent of the checker, and an error counts as caught when a
numbers finding overlaps it.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import CACHE, abc_stories, word_count

from newslint.finding import Finding
from newslint.linter import Linter
from newslint.text.story import Story

SHARED_WITH_ABC = (
    "numbers.spell-out", "numbers.sentence-start", "numbers.thousands-separator", "numbers.millions",
    "numbers.date-suffix",
)  # fmt: skip
CONSISTENCY = ("numbers.mixed-separators", "numbers.mixed-percent", "numbers.mixed-millions",
               "numbers.mixed-ranges", "numbers.mixed-fractions")  # fmt: skip
STYLE_FREE = (*CONSISTENCY, "numbers.from-to")
SMALL = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
DECADES = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Nouns after which AP itself uses figures (units of measure, money): a digit there is no error.
MEASURES = frozenset(
    [
        "metres",
        "meters",
        "kilometres",
        "kilometers",
        "centimetres",
        "millimetres",
        "miles",
        "feet",
        "inches",
        "tonnes",
        "tons",
        "kilograms",
        "kilos",
        "grams",
        "litres",
        "liters",
        "hectares",
        "acres",
        "degrees",
        "cents",
        "dollars",
        "pounds",
        "euros",
        "knots",
    ]
)


def spell(value: int) -> str:
    """Words for 10–99, for planting spelled-out numbers (independent of the checker's own tables)."""
    if value < 20:
        return TENS[value - 10]
    tens, unit = divmod(value, 10)
    return DECADES[tens - 2] + ("-" + ["one", *SMALL][unit - 1] if unit else "")


def lint(linter: Linter, text: str) -> list[Finding]:
    return linter.lint_text(text, "story.txt").findings


def in_quote(text: str, offset: int) -> bool:
    """Inside a quotation as the story model reads it (quotes are out of scope: no error is planted there)."""
    return Story(text).quote_at(offset) is not None


@dataclass(frozen=True)
class Plant:
    """One planted error: the corrupted story and the span of the error in it."""

    kind: str
    text: str
    start: int
    end: int


def _replace(text: str, start: int, end: int, new: str, kind: str) -> Plant:
    return Plant(kind, text[:start] + new + text[end:], start, start + len(new))


def drop_comma(text: str, rng: random.Random, least: int = 2) -> Plant | None:
    found = [m for m in regex.finditer(r"(?<![\d$£€.,])\d{1,3}(?:,\d{3})+(?![\d.,])(?=\s+\p{Ll})", text)
             if not in_quote(text, m.start())]  # fmt: skip
    if len(found) < least:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(), m.end(), m.group().replace(",", ""), "comma dropped from thousands")


def digit_for_small(text: str, rng: random.Random) -> Plant | None:
    words = "|".join(SMALL)
    found = [m for m in regex.finditer(rf"(?<=\p{{Ll}},?\s)({words})\s+(\p{{Ll}}+s)\b", text)
             if not in_quote(text, m.start()) and m.group(2) not in MEASURES]  # fmt: skip
    if not found:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(1), m.end(1), str(SMALL.index(m.group(1)) + 2), "digit for a count under ten")


def words_for_large(text: str, rng: random.Random) -> Plant | None:
    found = [m for m in regex.finditer(r"(?<=\p{Ll}\s)([1-9]\d)(?=\s+\p{Ll}+s\b)", text)
             if not in_quote(text, m.start())]  # fmt: skip
    if not found:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(), m.end(), spell(int(m.group())), "spelled-out number over ten")


def figure_first(text: str, rng: random.Random) -> Plant | None:
    """Drop the word before a sentence-opening figure ("About 60 units" -> "60 units"), or write a
    spelled-out opening number in figures ("Fourteen homes" -> "14 homes")."""
    lead = r"(?:About|More than|At least|Nearly|Almost|Some|Around|Over|Another|Only|Just)"
    found = [
        (m.start(), m.end(), m.group(2))
        for m in regex.finditer(rf"(?<=[.!?]\s)({lead}\s)(\d[\d,]*)(?=\s+\p{{Ll}})", text)
        if not in_quote(text, m.start())
    ]
    spelled = {w.capitalize(): str(n) for n, w in _words_to_99().items()}
    names = "|".join(sorted(spelled, key=len, reverse=True))
    found += [
        (m.start(), m.end(), spelled[m.group(1)])
        for m in regex.finditer(rf"(?<=[.!?]\s)({names})(?=\s+\p{{Ll}})", text)
        if not in_quote(text, m.start())
    ]
    if not found:
        return None
    start, end, figure = rng.choice(sorted(found))
    return _replace(text, start, end, figure, "figure opening a sentence")


def _words_to_99() -> dict[int, str]:
    return {**{n + 2: w for n, w in enumerate(SMALL)}, **{n: spell(n) for n in range(10, 100)}}


def mixed_percent(text: str, rng: random.Random) -> Plant | None:
    found = [m for m in regex.finditer(r"(?<=\d) per cent\b", text) if not in_quote(text, m.start())]
    if len(found) < 2:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(), m.end(), "%", "mixed % and per cent")


def digit_in_quote(text: str, rng: random.Random) -> Plant | None:
    """A count under ten in a quotation written as a digit: AP writes quotations' numbers in its style."""
    words = "|".join(SMALL)
    found = [m for m in regex.finditer(rf"(?<=\p{{Ll}},?\s)({words})\s+(\p{{Ll}}+s)\b", text)
             if in_quote(text, m.start()) and m.group(2) not in MEASURES]  # fmt: skip
    if not found:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(1), m.end(1), str(SMALL.index(m.group(1)) + 2), "digit for a count, in a quotation")


def year_like_count(text: str, rng: random.Random) -> Plant | None:
    """A count between 1,000 and 2,100 (the span of years) with its comma dropped: "1,570 people" -> "1570
    people", "Statistics, 1,570 people" -> "Statistics, 1570 people". Taken for a year, it goes unflagged."""
    found = [m for m in regex.finditer(r"(?<![\d$£€.,])(1,\d{3}|20\d\d|2,0\d\d)(?![\d.,])(?=\s+\p{Ll}+s\b)", text)
             if "," in m.group() and not in_quote(text, m.start())]  # fmt: skip
    if not found:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(), m.end(), m.group().replace(",", ""), "comma dropped from a year-like count")


def percent_sign_in_per_cent_copy(text: str, rng: random.Random) -> Plant | None:
    """One "per cent" of ABC copy (a house that writes "per cent") as "%"."""
    found = [m for m in regex.finditer(r"(?<=\d) per cent\b", text) if not in_quote(text, m.start())]
    if not found:
        return None
    m = rng.choice(found)
    return _replace(text, m.start(), m.end(), "%", "% in 'per cent' copy")


PLANTERS: dict[str, tuple[Callable[[str, random.Random], Plant | None], str]] = {
    "comma dropped from thousands": (drop_comma, "ap"),
    "digit for a count under ten": (digit_for_small, "ap"),
    "spelled-out number over ten": (words_for_large, "ap"),
    "figure opening a sentence": (figure_first, "ap"),
    "mixed % and per cent": (mixed_percent, "reuters"),
    "comma dropped (style-free rule)": (drop_comma, "reuters"),
    "digit for a count, in a quotation": (digit_in_quote, "ap"),
    "comma dropped from a year-like count": (year_like_count, "ap"),
    "% in 'per cent' copy": (percent_sign_in_per_cent_copy, "abc"),
}


def precision(stories: list[str], style: str, rules: tuple[str, ...] | None, show: bool) -> tuple[int, Counter]:
    linter = Linter(isolated=True, style=style, select=("numbers",))
    by_rule: Counter = Counter()
    for index, text in enumerate(stories):
        for f in lint(linter, text):
            if rules is None or f.rule in rules:
                by_rule[f.rule] += 1
                if show:
                    context = text[max(0, f.start - 50) : f.end + 30].replace("\n", " ")
                    print(f"  [{index}] {f.rule}: {f.matched!r} -> {list(f.suggestions)} | …{context}…")
    return sum(by_rule.values()), by_rule


def caught(linter: Linter, clean: str, plant: Plant, style_free: bool) -> bool:
    """The planted span is flagged; for a style-free rule, in a one-to-one tie (no side is the minority)
    a new finding on the other member of the pair also reports the mix."""
    findings = lint(linter, plant.text)
    if any(f.start < plant.end and plant.start < f.end for f in findings):
        return True
    if not style_free:
        return False
    before = {(f.rule, f.matched) for f in lint(linter, clean)}
    return any((f.rule, f.matched) not in before for f in findings if f.rule in CONSISTENCY)


def recall(stories: list[str], seed: int, show: bool) -> dict[str, tuple[int, int]]:
    results: dict[str, tuple[int, int]] = {}
    for name, (planter, style) in PLANTERS.items():
        rng = random.Random(seed)
        linter = Linter(isolated=True, style=style, select=("numbers",))
        caught_count = total = 0
        for index, text in enumerate(stories):
            plant = planter(text, rng)
            if plant is None:
                continue
            total += 1
            hit = caught(linter, text, plant, style_free=style not in ("ap", "abc"))
            caught_count += hit
            if show and not hit:
                print(f"  missed [{index}] {name}: …{plant.text[max(0, plant.start - 50) : plant.end + 30]}…")
        results[name] = (caught_count, total)
    return results


def held_out() -> list[str]:
    """The 50 ABC stories of `lee.cor`, never used while tuning the rules (fetched with the main corpus)."""
    abc_stories()
    path = CACHE / "lee.cor"
    return [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]


def report(label: str, stories: list[str], seed: int, show: bool) -> None:
    words = word_count(stories)
    print(f"{label}: {len(stories)} stories, {words} words")
    for name, style, rules in (
        ("style-free rules, style 'reuters' (fixes no form)", "reuters", STYLE_FREE),
        ("style-free rules, style 'ap'", "ap", STYLE_FREE),
        ("AP style rules that ABC shares (all but percent-sign)", "ap", SHARED_WITH_ABC),
        ("AP percent-sign (ABC writes 'per cent' by house style)", "ap", ("numbers.percent-sign",)),
        ("ABC house percent-sign ('per cent')", "abc", ("numbers.percent-sign",)),
        ("AP money-range (ABC's range style is not known)", "ap", ("numbers.money-range",)),
        ("Guardian millions (ABC writes '$2 million', the Guardian '£2m')", "guardian", ("numbers.millions",)),
    ):
        count, by_rule = precision(stories, style, rules, show)
        print(f"  {name}: {count} findings, {1000 * count / words:.2f} per 1,000 words {dict(by_rule)}")
    print(f"  recall on planted errors (seed {seed}):")
    caught_all = total_all = 0
    for name, (caught_count, total) in recall(stories, seed, show).items():
        caught_all, total_all = caught_all + caught_count, total_all + total
        print(f"    {name}: {caught_count}/{total} = {100 * caught_count / max(total, 1):.1f}%")
    print(f"    all: {caught_all}/{total_all} = {100 * caught_all / max(total_all, 1):.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every finding and every miss")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    report("ABC tuning set (lee_background.cor)", abc_stories(), args.seed, args.list)
    report("ABC held-out set (lee.cor)", held_out(), args.seed, args.list)


if __name__ == "__main__":
    main()
