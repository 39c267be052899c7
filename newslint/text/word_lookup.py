"""What a pattern's matches start with: the words that let a story be searched by word lookups instead of
by the pattern scanning every position (the `regex` module tries a long alternation at each one)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache

import regex

_WORD = regex.compile(r"\w+")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
# Letters that match ASCII letters case-insensitively but do not lower-case to them ("İ", long "ſ", "ß",
# the ligature "ﬁ" under full case folding): in a text holding one, a word lookup could miss a match.
ODD_FOLDS = regex.compile("[\u00df\u0130\u0131\u0149\u017f\u1e9a\u1e9e\ufb00-\ufb06]")


def lower_cased(text: str) -> str | None:
    """`text` lower-cased for a Caseless pattern, or None if it holds a letter that folds oddly."""
    return None if ODD_FOLDS.search(text) else text.lower()


class Caseless:
    """A case-insensitive pattern whose literal letters are lower-case, run case-sensitively on the
    lower-cased text: outside ODD_FOLDS a character matches an ASCII letter case-insensitively exactly
    when it lower-cases to it, so the matches are the same, and a pattern compiles in a third of the time
    without case folding (measured). A letter beyond ASCII with a case in the pattern turns this off."""

    def __init__(self, source: str, flags: int, needles: Iterable[str] = ()) -> None:
        self.source, self.flags = source, flags  # flags without IGNORECASE
        self.exact = all(c.isascii() or c.lower() == c.upper() for c in source)
        # Every match in the lower-cased text holds one of these; none given: not known. Until the pattern
        # is compiled, a text holding none is skipped without compiling it (most numbers have no age, month
        # or score by them); once compiled, the pattern answers faster than a scan for each needle.
        self.needles = tuple(needles)

    @cached_property
    def folding(self) -> regex.Pattern[str]:
        """The case-insensitive pattern itself."""
        return regex.compile(self.source, self.flags | regex.IGNORECASE)

    @cached_property
    def lower_case(self) -> regex.Pattern[str]:
        return regex.compile(self.source, self.flags)

    def match(self, text: str, lowered: str | None) -> bool:
        """Whether `folding.match(text)` matches; `lowered` is `lower_cased(text)`."""
        if lowered is None or not self.exact:
            return self.folding.match(text) is not None
        return self._may_hold(lowered) and self.lower_case.match(lowered) is not None

    def search(self, text: str, lowered: str | None) -> bool:
        """Whether `folding.search(text)` matches; `lowered` is `lower_cased(text)`."""
        if lowered is None or not self.exact:
            return self.folding.search(text) is not None
        return self._may_hold(lowered) and self.lower_case.search(lowered) is not None

    def _may_hold(self, lowered: str) -> bool:
        if not self.needles or "lower_case" in self.__dict__:  # no needles, or compiled already
            return True
        return any(needle in lowered for needle in self.needles)


class WordLookup(Caseless):
    """A Caseless pattern whose every match starts with one of `phrases`, found in a text by trying it only
    where the first word of a phrase starts whose every word the text holds."""

    def __init__(self, source: str, flags: int, phrases: Iterable[str]) -> None:
        super().__init__(source, flags)
        words = [_WORD.findall(p.lower()) if _WORD.match(p) else [] for p in phrases]
        known = source.isascii() and source == source.lower() and all(w and "".join(w).isascii() for w in words)
        # Each phrase's first word, and all its words: a match holds every one of them whole.
        self.phrases = [(w[0], frozenset(w)) for w in words] if known else None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The spans of `folding.finditer(text)`."""
        if self.phrases is None or ODD_FOLDS.search(text):
            yield from (m.span() for m in self.folding.finditer(text))
            return
        lowered, present = lower_cased_words(text)
        first = {word for word, words in self.phrases if words <= present}
        end = 0
        for start, word in sorted(word_starts(lowered, first, whole=True).items()):
            if start < end:
                continue  # inside the last match, where the scan does not look
            span = self.match_at(lowered, start, word)
            if span:
                end = span[1]
                yield span

    def match_at(self, lowered: str, start: int, word: str) -> tuple[int, int] | None:
        """The span of the match at `start` in the lower-cased text, where `word` starts, if any."""
        m = self.lower_case.match(lowered, start)
        return m.span() if m else None


@lru_cache(maxsize=1)
def lower_cased_words(text: str) -> tuple[str, frozenset[str]]:
    """`text` lower-cased and its words (for a text without ODD_FOLDS), shared by the lookups of one text."""
    lowered = text.lower()
    return lowered, frozenset(_WORD.findall(lowered))


def word_starts(lowered: str, words: Iterable[str], whole: bool) -> dict[int, str]:
    """Where each of `words` starts a word in `lowered` (a lower-cased text without ODD_FOLDS), and which:
    after no word character and, if `whole`, before no word character. A character beyond ASCII is left
    to the pattern that checks each start, so no start it could match is missed."""
    starts = {}
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or lowered[at - 1] not in _ASCII_WORD) and (
                not whole or after == len(lowered) or lowered[after] not in _ASCII_WORD
            ):
                starts[at] = word
            at = lowered.find(word, at + 1)
    return starts


def phrase_first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """`first_words` of literal phrases: the first word of each, lower-cased (None if one starts with no
    word or with a letter beyond ASCII), read without parsing them as patterns."""
    words = set()
    for phrase in phrases:
        run = _WORD.match(phrase)
        if run is None or not run.group().isascii():
            return None
        words.add(run.group().lower())
    return frozenset(words)


# What `first_words` reads of a pattern: the items of a sequence, each with its repeat bounds.
_ZERO, _LITERAL, _SPACE, _GROUP, _OTHER = "zero", "literal", "space", "group", "other"
_REPEAT = regex.compile(r"(?:\?|\*|\+|\{(\d*)(?:,(\d*))?\})[?+]?")
_WORD_CHAR = regex.compile(r"\w")


class _Unknown(Exception):
    """A pattern may start otherwise than with a known whole word."""


def first_words(sources: list[str]) -> frozenset[str] | None:
    """The lower-cased words that every match of these alternatives starts with, whole ("reportedly",
    "is" of "is believed to"), or None where a match may start otherwise (a class, a digit, a flag).
    Used on entries wrapped on word boundaries: an alternative's end is its first word's end."""
    words: set[str] = set()
    try:
        for source in sources:
            items, end = _sequence_alternatives(source, 0)
            if end != len(source):
                raise _Unknown
            for alternative in items:
                words |= _heads(tuple(alternative), "")
    except (_Unknown, IndexError, ValueError, RecursionError):
        return None
    return frozenset(words)


def _sequence_alternatives(source: str, at: int) -> tuple[list[list[tuple]], int]:
    """The alternatives from `at` up to an unmatched ")" or the end, and where they stop."""
    alternatives, items = [], []
    while at < len(source) and source[at] != ")":
        if source[at] == "|":
            alternatives.append(items)
            items, at = [], at + 1
            continue
        item, at = _item(source, at)
        repeat = _REPEAT.match(source, at)
        bounds = (1, 1)
        if repeat:
            bounds = _bounds(repeat)
            at = repeat.end()
        items.append((*item, bounds))
    alternatives.append(items)
    return alternatives, at


def _bounds(repeat: regex.Match[str]) -> tuple[int, float]:
    text = repeat.group()
    if text[0] == "?":
        return 0, 1
    if text[0] in "*+":
        return (0 if text[0] == "*" else 1), float("inf")
    low, high = repeat.group(1), repeat.group(2)
    if "," not in text:
        return int(low or 0), int(low or 0)
    return int(low or 0), float(high) if high else float("inf")


def _item(source: str, at: int) -> tuple[tuple, int]:
    """One item of a sequence and where the next starts; what `_heads` cannot read is _OTHER."""
    char = source[at]
    if char == "(":
        if source.startswith("(?:", at):
            alternatives, end = _sequence_alternatives(source, at + 3)
            return (_GROUP, alternatives), _close(source, end)
        lookaround = source.startswith(("(?<!", "(?<=", "(?!", "(?="), at)
        return (_ZERO if lookaround else _OTHER, None), _skip_group(source, at + 1)  # else a flag or capture
    if char == "[":
        return (_OTHER, None), _class_end(source, at) + 1
    if char == "\\":
        escaped = source[at + 1]
        if escaped == "s":
            return (_SPACE, None), at + 2
        if escaped in "bB":
            return (_ZERO, None), at + 2
        if escaped.isalnum():  # a class, an anchor or a code: \d, \w, \p{L}, \x{41}
            braces = source.startswith("{", at + 2)
            return (_OTHER, None), source.index("}", at) + 1 if braces else at + 2
        return (_LITERAL, escaped), at + 2
    if char in "^$":
        return (_ZERO, None), at + 1
    if char == ".":
        return (_OTHER, None), at + 1
    return (_LITERAL, char), at + 1


def _skip_group(source: str, at: int) -> int:
    """Past the ")" that closes the group whose contents start at `at` (a lookaround: not read)."""
    depth = 1
    while depth:
        char = source[at]
        if char == "\\":
            at += 1
        elif char == "[":
            at = _class_end(source, at)
        elif char in "()":
            depth += 1 if char == "(" else -1
        at += 1
    return at


def _class_end(source: str, at: int) -> int:
    """The "]" that closes the class opened at `at` ("[]...]" and "[^]...]" hold a literal "]")."""
    at += 2 if source.startswith("[^", at) else 1
    at += source[at] == "]"
    while source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at


def _close(source: str, at: int) -> int:
    if source[at] != ")":
        raise _Unknown
    return at + 1


def _heads(todo: tuple, prefix: str) -> set[str]:
    """The first words of the matches of the items in `todo`, given `prefix` read so far."""
    if not todo:
        return _ended(prefix)
    (kind, value, (low, high)), rest = todo[0], todo[1:]
    if kind == _OTHER:
        raise _Unknown
    if kind == _ZERO:
        return _heads(rest, prefix)
    skipped = _heads(rest, prefix) if low == 0 else set()
    if kind == _GROUP:
        if high != 1:
            raise _Unknown
        return skipped.union(*(_heads((*alternative, *rest), prefix) for alternative in value))
    if kind == _SPACE or not _WORD_CHAR.match(value):
        return skipped | _ended(prefix)  # a character outside words ends the first word
    if high != 1 or not value.isascii():
        raise _Unknown
    return skipped | _heads(rest, prefix + value.lower())


def _ended(prefix: str) -> set[str]:
    if not prefix:
        raise _Unknown  # a match that starts outside a word
    return {prefix}
