"""The attribution word lists (TOML data under rules/data/), compiled into patterns once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex

from newslint.checks.base import compile_pattern, word_pattern
from newslint.errors import NewslintError

DEFAULT_LEXICON = "attribution.toml"


@dataclass(frozen=True)
class Lexicon:
    """Compiled attribution patterns; every one is case-insensitive and matches on word boundaries."""

    attribution: regex.Pattern[str]  # a speech verb or an attribution phrase ("said", "according to")
    cognition: regex.Pattern[str]  # "police believe", "officials estimate": sourced, for the claim check
    loaded: regex.Pattern[str]  # loaded verbs to replace with "said"
    speech_follower: regex.Pattern[str]  # what after a loaded verb shows it introduces speech
    not_speech_before: regex.Pattern[str]  # what before it shows a noun or a passive ("his claims")
    vague: regex.Pattern[str]  # unsupported attribution ("reportedly", "sources say")
    unnamed: regex.Pattern[str]  # the vague forms that are themselves an unnamed speaker ("sources say")
    allegation: regex.Pattern[str]  # the vague forms that make an allegation ("allegedly")
    accuser: regex.Pattern[str]  # where an allegation comes from ("charged", "police", "court")
    report: regex.Pattern[str]  # the vague forms that point to a report ("reportedly")
    reporter: regex.Pattern[str]  # what names a report ("newspaper", "radio", "news site")
    governed_gap: regex.Pattern[str]  # between "reportedly" and the verb it modifies
    clause_openers: frozenset[str]  # what may stand before a quotation that opens a clause
    back_reference: frozenset[str]  # "the sources": not a new source
    not_description: frozenset[str]  # words that end a source's description
    anonymous_noun: regex.Pattern[str]  # "official", "sources"
    indefinite: frozenset[str]  # "a", "an", "two": the noun phrase is an unnamed source
    reason: regex.Pattern[str]  # why a source was granted anonymity
    casualty: regex.Pattern[str]
    number_word: regex.Pattern[str]
    compound_number: regex.Pattern[str]  # "twenty-one": a tens word, a hyphen, a unit word
    not_count: regex.Pattern[str]  # units after a number that make it no count ("23-year-old")
    count_link: regex.Pattern[str]  # between a casualty word and its count ("toll tops 32,000")
    estimate: regex.Pattern[str]
    accusation: regex.Pattern[str]
    background: regex.Pattern[str]  # a clause opener that makes a claim background ("which killed")
    relative: regex.Pattern[str]  # "two Palestinians who shot ... dead": not a casualty count
    established: regex.Pattern[str]  # a court's finding sources a claim ("found guilty of")
    court_lead: regex.Pattern[str]  # a lead that makes the story court copy ("charged with", "sentenced")
    dated: regex.Pattern[str]  # a month-and-figure date: an event more than a week old ("on December 2")
    before_not_count: regex.Pattern[str]  # "aged 80", "Route 9": ends at the number


_LEFT_EDGE = r"(?<![\w-])"
_FAST_LEFT_EDGE = r"(?:^|(?<=[^\w-]))"  # the same edge; the `regex` module scans it about 40% faster


def _words_pattern(phrases: list[str]) -> regex.Pattern[str]:
    """Literal phrases on word boundaries, case-insensitive (as `word_pattern`, with the faster edge)."""
    source = word_pattern(phrases, ignorecase=True).pattern
    return compile_pattern(_FAST_LEFT_EDGE + source.removeprefix(_LEFT_EDGE), ignorecase=True)


def _patterns(sources: list[str]) -> regex.Pattern[str]:
    """One case-insensitive alternation of regular expressions, on word boundaries."""
    for source in sources:
        compile_pattern(source)  # locate a bad entry before it hides in the alternation
    body = "|".join(f"(?:{s})" for s in sorted(sources, key=len, reverse=True))
    return compile_pattern(rf"{_FAST_LEFT_EDGE}(?:{body})(?![\w-])", ignorecase=True)


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _compound(numbers: list[str], units: list[str]) -> regex.Pattern[str]:
    """Hyphenated number words from the tens in `numbers` and `units`: "twenty-one", "ninety-nine"."""
    tens = [n for n in numbers if n.endswith("ty")]
    return compile_pattern(rf"(?<![\w-])(?:{_alternation(tens)})-(?:{_alternation(units)})(?![\w-])", True)


def _words(table: dict[str, Any], key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"attribution data: '{key}' must be a list of strings")
    return value


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ValueError(f"attribution data: missing table [{key}]")
    return value


def _build(data: dict[str, Any]) -> Lexicon:
    verbs, loaded, vague = _table(data, "verbs"), _table(data, "loaded-verbs"), _table(data, "vague")
    anonymous, claims, quotes = _table(data, "anonymous"), _table(data, "claims"), _table(data, "quotes")
    governed = vague.get("governed-gap-pattern")
    if not isinstance(governed, str):
        raise ValueError("attribution data: 'governed-gap-pattern' must be a string")
    before_not_count = "|".join(f"(?:{p})" for p in _words(claims, "not-count-before-patterns"))
    speech = _words(verbs, "neutral") + _words(verbs, "loaded") + _words(verbs, "corpus") + _words(verbs, "phrases")
    return Lexicon(
        attribution=_words_pattern(speech),
        cognition=_words_pattern(_words(verbs, "cognition")),
        loaded=_words_pattern(_words(loaded, "verbs")),
        speech_follower=_words_pattern(_words(loaded, "speech-followers")),
        not_speech_before=compile_pattern(rf"(?:{_words_pattern(_words(loaded, 'not-after')).pattern})\s+$", True),
        vague=_patterns(_words(vague, "patterns") + _words(vague, "unnamed-patterns")),
        unnamed=_patterns(_words(vague, "unnamed-patterns")),
        allegation=_words_pattern(_words(vague, "allegations")),
        accuser=_words_pattern(_words(vague, "accusers")),
        report=_patterns(_words(vague, "report-patterns")),
        reporter=_words_pattern(_words(vague, "reporters")),
        anonymous_noun=_words_pattern(_words(anonymous, "nouns")),
        indefinite=frozenset(w.lower() for w in _words(anonymous, "indefinite")),
        reason=_patterns(_words(anonymous, "reason-patterns")),
        casualty=_words_pattern(_words(claims, "casualty")),
        number_word=_words_pattern(_words(claims, "number-words")),
        compound_number=_compound(_words(claims, "number-words"), _words(claims, "compound-units")),
        not_count=_words_pattern(_words(claims, "not-counts")),
        count_link=compile_pattern(rf"\s+(?:(?:{_alternation(_words(claims, 'count-links'))})\s+){{0,2}}", True),
        estimate=_patterns(_words(claims, "estimate-patterns")),
        accusation=_patterns(_words(claims, "accusation-patterns")),
        governed_gap=compile_pattern(governed),
        clause_openers=frozenset(_words(quotes, "clause-openers")),
        back_reference=frozenset(w.lower() for w in _words(anonymous, "back-references")),
        not_description=frozenset(w.lower() for w in _words(anonymous, "not-descriptions")),
        background=_words_pattern(_words(claims, "background-openers")),
        relative=_words_pattern(_words(claims, "relative-pronouns")),
        established=_words_pattern(_words(claims, "established-by")),
        court_lead=_words_pattern(_words(claims, "court-lead")),
        dated=_patterns(_words(claims, "dated-patterns")),
        before_not_count=compile_pattern(rf"(?<![\w-])(?:{before_not_count})$", ignorecase=True),
    )


@cache
def load_lexicon(name: str = DEFAULT_LEXICON) -> Lexicon:
    """The lexicon in `name`, a file under the shipped rules/data/ folder (or an absolute path)."""
    from newslint.packs import builtin_rules_dir, read_toml  # packs imports the check table: import late

    path = Path(name) if Path(name).is_absolute() else builtin_rules_dir() / "data" / name
    try:
        data, _ = read_toml(path)
    except NewslintError as error:
        raise ValueError("; ".join(error.problems)) from None
    return _build(data)
