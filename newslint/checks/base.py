"""What every rule type shares: its declared parameters, its context, and the `hits` it yields."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, ClassVar, TypeVar

import regex

from newslint.finding import Hit
from newslint.text.patterns import word_alternation
from newslint.text.story import Story
from newslint.text.word_lookup import ODD_FOLDS, lower_cased_words, phrase_first_words

_K = TypeVar("_K")


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class Param:
    """One key a rule type takes from its TOML table."""

    kind: type | tuple[type, ...]
    default: Any = REQUIRED
    doc: str = ""


@dataclass(frozen=True)
class Context:
    """What a check may know beyond its own table: the house style and the newsroom's data."""

    style: str = "ap"
    vocabulary: frozenset[str] = frozenset()
    names_files: tuple[str, ...] = ()
    story_date: date | None = None
    regex_timeout: float = 1.0
    require_dateline: bool = False


# `regex_timeout` is the budget of one pattern for each this many characters it scans (at least one budget).
TIMEOUT_CHARS = 1_000_000


class Check:
    """Base of every rule type. Subclasses declare PARAMS and ARGS and implement `hits`.

    PARAMS maps each TOML key of the type to its Param; the loader validates tables against it.
    ARGS names the placeholders a hit fills in for the rule's message (`matched` is always there).
    """

    PARAMS: ClassVar[Mapping[str, Param]] = {}
    ARGS: ClassVar[frozenset[str]] = frozenset()
    # The rule's scopes, set when its pack builds it; None (a check built on its own): every hit counts.
    scopes: frozenset[str] | None = None

    def in_scope(self, story: Story, start: int) -> bool:
        """Whether the engine will keep a hit starting at `start` (the same test it applies)."""
        return self.scopes is None or story.in_scope(start, self.scopes)

    def __init__(self, params: Mapping[str, Any], context: Context) -> None:
        self.params = self.with_defaults(params)
        self.context = context
        self.setup()

    @classmethod
    def with_defaults(cls, params: Mapping[str, Any]) -> dict[str, Any]:
        """Every declared key: the rule's own value, else the type's default."""
        return {key: params.get(key, spec.default) for key, spec in cls.PARAMS.items()}

    def setup(self) -> None:
        """Compile patterns and load data once per rule; raise ValueError for a bad parameter."""

    def hits(self, story: Story) -> Iterable[Hit]:
        raise NotImplementedError

    def finditer(self, pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None):
        """`pattern.finditer` under the run's regex timeout (TimeoutError is the engine's business)."""
        end = len(text) if endpos is None else endpos
        # The timeout stops a runaway pattern, whose cost grows faster than the text; a sound pattern
        # scanning a whole 20 MB story also needs seconds. So the budget grows with the text scanned.
        budget = self.context.regex_timeout * max(1.0, (end - pos) / TIMEOUT_CHARS)
        return pattern.finditer(text, pos, end, timeout=budget)


def compile_pattern(source: str, ignorecase: bool = False) -> regex.Pattern[str]:
    """Compile a rule's pattern with the flags every rule shares; ValueError if it does not compile."""
    # VERSION0: simple case folding. VERSION1's full case folding made loading the packs twice as slow
    # (measured: 0.22 s -> 0.10 s) and changes nothing for news copy's alphabets.
    flags = regex.VERSION0 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return regex.compile(source, flags)
    except regex.error as error:
        raise ValueError(f"pattern {source!r} does not compile: {error}") from None


def word_pattern(phrases: Iterable[str], ignorecase: bool) -> regex.Pattern[str]:
    """One alternation of literal phrases, matched on word boundaries, longest first."""
    return compile_pattern(rf"(?<![\w-])(?:{word_alternation(phrases)})(?![\w-])", ignorecase)


class WordPattern:
    """`word_pattern` compiled on first use, for a text that may hold a match: every match starts with the
    first word of a phrase, whole, so a text holding none of those words (most stories, for most lists) is
    not scanned and the pattern not compiled."""

    def __init__(self, phrases: Iterable[str], ignorecase: bool) -> None:
        self.phrases, self.ignorecase = tuple(phrases), ignorecase
        self.first_words = phrase_first_words(self.phrases)  # lower-cased; None: not known

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        return word_pattern(self.phrases, self.ignorecase)

    def may_match(self, text: str) -> bool:
        if self.first_words is None or ODD_FOLDS.search(text):
            return True  # a letter that case-folds oddly may match a first word it does not lower-case to
        return not self.first_words.isdisjoint(lower_cased_words(text)[1])


def majority(keys: Iterable[_K]) -> tuple[_K, Counter[_K]] | None:
    """The story's usual form among `keys` (in the order the story uses them) and the count of each, the first
    used winning a tie; None when there is only one form. The one rule behind every "flag the minority" check."""
    counts = Counter(keys)
    if len(counts) < 2:
        return None
    return max(counts, key=counts.__getitem__), counts  # max keeps the first of equals: the first used


def match_case(replacement: str, original: str) -> str:
    """Carry the original's capitalisation onto a replacement ("Cease-fire" -> "Ceasefire")."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
