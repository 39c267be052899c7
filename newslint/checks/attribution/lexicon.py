"""The attribution word lists (TOML data under rules/data/), compiled into patterns once per process."""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path
from typing import Any

import regex

from newslint.checks.base import compile_pattern
from newslint.errors import NewslintError
from newslint.resources import builtin_rules_dir, read_toml
from newslint.text.patterns import word_alternation
from newslint.text.word_lookup import first_words, phrase_first_words

DEFAULT_LEXICON = "attribution.toml"


class AttributionLexicon:
    """Compiled attribution patterns; every one is case-insensitive and matches on word boundaries.

    Each pattern is compiled on first use (a story needs few of them, and compiling them all costs a
    one-story run more than linting it); `compile_all` compiles them at once to report a bad entry.
    """

    attribution: regex.Pattern[str]  # a speech verb or an attribution phrase ("said", "according to")
    cognition: regex.Pattern[str]  # "police believe", "officials estimate": sourced, for the claim check
    quote_verb: regex.Pattern[str]  # verbs that name a speaker only beside a quotation ("he continued")
    clause_verb: regex.Pattern[str]  # verbs that name a speaker before what was said ("vowed that")
    accusing: regex.Pattern[str]  # "accused Israel of", "blamed the army for": speech about someone
    noun_forms: frozenset[str]  # speech and cognition words that are as often nouns ("claims", "suspects")
    noun_before: frozenset[str]  # a word before one of them that makes it a noun ("his claims")
    noun_after: frozenset[str]  # a word after one of them that makes it a noun ("claims of")
    noun_before_name: frozenset[str]  # before a name before one of them: a noun ("rejected Government claims")
    not_speakers: frozenset[str]  # labels before a colon that name no speaker ("Update:")
    infinitive_verbs: frozenset[str]  # clause verbs whose "to" introduces what was said ("vowed to")
    stance: regex.Pattern[str]  # a feeling, wish or expectation in the reporter's words ("He hopes")
    count_nouns: frozenset[str]  # casualty words that are nouns right after a count ("10 kills")
    loaded: regex.Pattern[str]  # loaded verbs to replace with "said"
    speech_follower: regex.Pattern[str]  # what after a loaded verb shows it introduces speech
    not_speech_before: regex.Pattern[str]  # what before it shows a noun or a passive ("his claims")
    vague: regex.Pattern[str]  # unsupported attribution ("reportedly", "sources say")
    unnamed: regex.Pattern[str]  # the vague forms that are themselves an unnamed speaker ("sources say")
    allegation: regex.Pattern[str]  # the vague forms that make an allegation ("allegedly")
    accuser: regex.Pattern[str]  # where an allegation comes from ("charged", "police", "court")
    report: regex.Pattern[str]  # the vague forms that point to a report ("reportedly")
    reporter: regex.Pattern[str]  # what names a report ("newspaper", "radio", "news site")
    report_source: regex.Pattern[str]  # a report word that reports ("the newspaper said", "according to ... radio")
    accusation_source: regex.Pattern[str]  # where an allegation is made ("charged with", "prosecutors")
    accuser_link: regex.Pattern[str]  # between an accuser and the "allegedly" it sources ("charged with")
    governed_gap: regex.Pattern[str]  # between "reportedly" and the verb it modifies
    clause_openers: frozenset[str]  # what may stand before a quotation that opens a clause
    back_reference: frozenset[str]  # "the sources": not a new source
    not_description: frozenset[str]  # words that end a source's description
    compound_heads: frozenset[str]  # "an official statement": the source noun is an adjective
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

    def __init__(self, sources: dict[str, _Source], lists: dict[str, frozenset[str]]) -> None:
        self._sources = sources
        self.__dict__.update(lists)

    def __getattr__(self, name: str) -> regex.Pattern[str]:
        source = self.__dict__.get("_sources", {}).get(name)
        if source is None:
            raise AttributeError(name)
        pattern = compile_pattern(source.text, source.ignorecase)
        setattr(self, name, pattern)  # compiled once: found on the instance from now on
        return pattern

    def source(self, name: str) -> str:
        """The source of one pattern, without compiling it."""
        return self._sources[name].text

    def compile_all(self) -> None:
        """Compile every pattern now (ValueError if one does not compile)."""
        for name in self._sources:
            getattr(self, name)

    def first_words(self, name: regex.Pattern[str] | str) -> frozenset[str] | None:
        """The lower-cased words that every match of the pattern `name` starts with, whole; None if a match
        may start otherwise (then the pattern must scan the text) or `name` names no pattern here."""
        source = self._sources.get(name) if isinstance(name, str) else None
        return source.first_words if source else None


class _Source:
    """A pattern's source and, for an alternation of entries, what each entry starts with."""

    def __init__(self, text: str, ignorecase: bool = True, entries: tuple[str, ...] = (), literal: bool = False):
        self.text, self.ignorecase = text, ignorecase
        self.entries, self.literal = entries, literal  # literal: the entries are phrases, not expressions

    @cached_property
    def _entry_words(self) -> list[frozenset[str] | None]:
        read = phrase_first_words if self.literal else first_words
        return [read([entry]) for entry in self.entries]

    @cached_property
    def first_words(self) -> frozenset[str] | None:
        if not self.entries or None in self._entry_words:
            return None
        return frozenset().union(*self._entry_words)


_FAST_LEFT_EDGE = r"(?:^|(?<=[^\w-]))"  # the same edge as (?<![\w-]); the `regex` module scans it about 40% faster


def _words_source(phrases: list[str]) -> str:
    """Literal phrases on word boundaries (as `word_pattern` builds them, with the faster edge)."""
    return rf"{_FAST_LEFT_EDGE}(?:{word_alternation(phrases)})(?![\w-])"


def _patterns_source(entries: list[str]) -> str:
    """Regular expressions on word boundaries, longest first."""
    body = "|".join(f"(?:{s})" for s in sorted(entries, key=len, reverse=True))
    return rf"{_FAST_LEFT_EDGE}(?:{body})(?![\w-])"


def _words_pattern(phrases: list[str]) -> _Source:
    """Literal phrases on word boundaries, case-insensitive."""
    return _Source(_words_source(phrases), entries=tuple(phrases), literal=True)


def _patterns(entries: list[str], validate: bool) -> _Source:
    """One case-insensitive alternation of regular expressions, on word boundaries."""
    if validate:
        for entry in entries:
            compile_pattern(entry)  # locate a bad entry before it hides in the alternation
    return _Source(_patterns_source(entries), entries=tuple(entries))


def _compound(numbers: list[str], units: list[str]) -> _Source:
    """Hyphenated number words from the tens in `numbers` and `units`: "twenty-one", "ninety-nine"."""
    tens = [n for n in numbers if n.endswith("ty")]
    return _Source(rf"(?<![\w-])(?:{word_alternation(tens)})-(?:{word_alternation(units)})(?![\w-])")


def _stance(table: dict[str, Any], validate: bool) -> _Source:
    """ "He is confident", "Labor wants", "it is unclear": a holder and a stance, or the impersonal forms."""
    subject = _string(table, "subject-pattern")
    adverbs = rf"(?:(?:{word_alternation(_words(table, 'adverbs'))})\s+){{0,2}}"  # "is not overly concerned"
    links = word_alternation(_words(table, "feeling-links"))
    feelings, holds = word_alternation(_words(table, "feelings")), word_alternation(_words(table, "holds"))
    beliefs = word_alternation(_words(table, "beliefs"))
    personal = rf"{subject}\s+(?:(?:{links})\s+{adverbs}(?:{feelings})|{adverbs}(?:{holds}))"
    believer = rf"(?:he|she|they|we|i)\s+{adverbs}(?:{beliefs})"
    impersonal = _words(table, "impersonal-patterns")
    if validate:
        _patterns(impersonal, validate)
    return _Source(_patterns_source([personal, believer, *impersonal]))


def _string(table: dict[str, Any], key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str):
        raise ValueError(f"attribution data: '{key}' must be a string")
    return value


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


def _build(data: dict[str, Any], validate: bool = True) -> AttributionLexicon:
    """The lexicon of `data`; with `validate`, every pattern is compiled now and a bad one is a ValueError."""
    verbs, loaded, vague = _table(data, "verbs"), _table(data, "loaded-verbs"), _table(data, "vague")
    anonymous, claims, quotes = _table(data, "anonymous"), _table(data, "claims"), _table(data, "quotes")
    governed, link = vague.get("governed-gap-pattern"), vague.get("accuser-link-pattern")
    if not isinstance(governed, str) or not isinstance(link, str):
        raise ValueError("attribution data: 'governed-gap-pattern' and 'accuser-link-pattern' must be strings")
    reporter = f"(?:{word_alternation(_words(vague, 'reporters'))})"
    report_sources = [p.replace("{reporter}", reporter) for p in _words(vague, "report-source-patterns")]
    before_not_count = "|".join(f"(?:{p})" for p in _words(claims, "not-count-before-patterns"))
    speech = [w for key in ("neutral", "loaded", "corpus", "phrases") for w in _words(verbs, key)]
    not_after = _words_pattern(_words(loaded, "not-after")).text
    sources = {
        "stance": _stance(_table(data, "stance"), validate),
        "attribution": _words_pattern(speech),
        "cognition": _words_pattern(_words(verbs, "cognition")),
        "quote_verb": _words_pattern(_words(verbs, "quote-verbs")),
        "clause_verb": _words_pattern(_words(verbs, "clause-verbs")),
        "accusing": _patterns(_words(verbs, "accusing-patterns"), validate),
        "loaded": _words_pattern(_words(loaded, "verbs")),
        "speech_follower": _words_pattern(_words(loaded, "speech-followers")),
        "not_speech_before": _Source(rf"(?:{not_after})\s+$"),
        "vague": _patterns(_words(vague, "patterns") + _words(vague, "unnamed-patterns"), validate),
        "unnamed": _patterns(_words(vague, "unnamed-patterns"), validate),
        "allegation": _words_pattern(_words(vague, "allegations")),
        "accuser": _words_pattern(_words(vague, "accusers")),
        "report": _patterns(_words(vague, "report-patterns"), validate),
        "reporter": _words_pattern(_words(vague, "reporters")),
        "report_source": _patterns(report_sources, validate),
        "accusation_source": _patterns(_words(vague, "accusation-patterns"), validate),
        "accuser_link": _Source(link),
        "anonymous_noun": _words_pattern(_words(anonymous, "nouns")),
        "reason": _patterns(_words(anonymous, "reason-patterns"), validate),
        "casualty": _words_pattern(_words(claims, "casualty")),
        "number_word": _words_pattern(_words(claims, "number-words")),
        "compound_number": _compound(_words(claims, "number-words"), _words(claims, "compound-units")),
        "not_count": _words_pattern(_words(claims, "not-counts")),
        "count_link": _Source(rf"\s+(?:(?:{word_alternation(_words(claims, 'count-links'))})\s+){{0,2}}"),
        "estimate": _patterns(_words(claims, "estimate-patterns"), validate),
        "accusation": _patterns(_words(claims, "accusation-patterns"), validate),
        "governed_gap": _Source(governed, ignorecase=False),
        "background": _words_pattern(_words(claims, "background-openers")),
        "relative": _words_pattern(_words(claims, "relative-pronouns")),
        "established": _words_pattern(_words(claims, "established-by")),
        "court_lead": _words_pattern(_words(claims, "court-lead")),
        "dated": _patterns(_words(claims, "dated-patterns"), validate),
        "before_not_count": _Source(rf"(?<![\w-])(?:{before_not_count})$"),
    }
    lists = {
        "indefinite": frozenset(w.lower() for w in _words(anonymous, "indefinite")),
        "clause_openers": frozenset(_words(quotes, "clause-openers")),
        "back_reference": frozenset(w.lower() for w in _words(anonymous, "back-references")),
        "not_description": frozenset(w.lower() for w in _words(anonymous, "not-descriptions")),
        "compound_heads": frozenset(_words(anonymous, "compound-heads")),
        "noun_forms": frozenset(_words(verbs, "noun-forms")),
        "noun_before": frozenset(_words(verbs, "noun-before")),
        "noun_after": frozenset(_words(verbs, "noun-after")),
        "noun_before_name": frozenset(_words(verbs, "noun-before-name")),
        "not_speakers": frozenset(_words(quotes, "not-speakers")),
        "count_nouns": frozenset(_words(claims, "count-nouns")),
        "infinitive_verbs": frozenset(_words(verbs, "infinitive-verbs")),
    }
    lexicon = AttributionLexicon(sources, lists)
    if validate:
        lexicon.compile_all()
    return lexicon


@cache
def load_lexicon(name: str = DEFAULT_LEXICON) -> AttributionLexicon:
    """The lexicon in `name`, a file under the shipped rules/data/ folder (or an absolute path).

    The shipped lexicon compiles each pattern on first use (the test suite compiles it whole); another
    file is compiled at once, so that a bad entry is reported when the rules load, not mid-run.
    """

    path = Path(name) if Path(name).is_absolute() else builtin_rules_dir() / "data" / name
    try:
        data, _ = read_toml(path)
    except NewslintError as error:
        raise ValueError("; ".join(error.problems)) from None
    return _build(data, validate=name != DEFAULT_LEXICON)
