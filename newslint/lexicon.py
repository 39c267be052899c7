"""The English dictionary (pyspellchecker's frequency list), loaded lazily and once per process.

The list ships digested in `data/` (scripts/build_english.py writes it; a test checks it against its source):
pyspellchecker's own SpellChecker spends a seventh of a second decompressing and recounting it on every start.
"""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Iterable
from functools import cache, cached_property
from itertools import chain, repeat
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
WORDS_FILE = DATA / "english-words.txt"
TRIGRAMS_FILE = DATA / "english-trigrams.txt"


class English:
    """Word counts with pyspellchecker's `known` and `edit_distance_1`, which must give the same answers."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.word_frequency = counts  # lower-cased word -> count

    @cached_property
    def letters(self) -> frozenset[str]:
        """Every character of the dictionary's words: the alphabet of the one-edit neighbours."""
        return frozenset("".join(self.word_frequency))

    @cached_property
    def longest_word_length(self) -> int:
        return max(map(len, self.word_frequency))

    def known(self, words: Iterable[str]) -> set[str]:
        """The lower-cased `words` that are in the dictionary (numbers and lone punctuation never are)."""
        lowered = (w.lower() for w in words)
        return {w for w in lowered if w in self.word_frequency and self._is_checkable(w)}

    def edit_distance_1(self, word: str) -> set[str]:
        """Every string one deletion, transposition, replacement or insertion away from the lower-cased word."""
        word = word.lower()
        if not self._is_checkable(word):
            return {word}
        letters = self.letters
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        deletes = [left + right[1:] for left, right in splits if right]
        transposes = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
        replaces = [left + c + right[1:] for left, right in splits if right for c in letters]
        inserts = [left + c + right for left, right in splits for c in letters]
        return set(deletes + transposes + replaces + inserts)

    def _is_checkable(self, word: str) -> bool:
        """pyspellchecker's test of a word worth spelling: not lone punctuation, not a number, not too long."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self.longest_word_length + 3:
            return False
        if word.lower() in ("nan", "inf", "infinity"):
            return True
        try:
            float(word)
        except ValueError:
            return True
        return False


@cache
def english() -> English:
    """The shared English dictionary; only the first call reads it."""
    return English(_read_counts(WORDS_FILE))


def _data_lines(path: Path) -> list[str]:
    """The lines of a shipped data file after its `#` comments (bytes decoded as-is: no newline translation)."""
    lines = path.read_bytes().decode("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return lines[start : -1 if lines[-1] == "" else None]


def _read_counts(path: Path) -> dict[str, int]:
    """`english-words.txt`: a line of `count*run` pairs, then the words in that order, one a line."""
    runs, *words = _data_lines(path)
    counts = chain.from_iterable(repeat(int(count), int(run)) for count, run in (r.split("*") for r in runs.split()))
    return dict(zip(words, counts))


def frequency(word: str) -> int:
    """How often `word` (any case) occurs in the dictionary's corpus; 0 for an unknown word."""
    return english().word_frequency.get(word.lower(), 0)


def is_word(word: str, min_frequency: int = 1) -> bool:
    """Whether `word` is in the dictionary at least `min_frequency` times."""
    return frequency(word) >= max(min_frequency, 1)


def corrections(word: str, limit: int) -> tuple[str, ...]:
    """Up to `limit` known words near `word`: one edit away if any, else two; the most frequent first.

    The same ranking as pyspellchecker's `candidates`, but its two-edit search builds every string two
    edits away (seconds for a long word); rapidfuzz scans the dictionary in C++ instead.
    """
    checker = english()
    lowered = word.lower()
    near = checker.known(checker.edit_distance_1(lowered)) - {lowered}
    if not near:
        from rapidfuzz import process  # imported on the first word with no one-edit correction
        from rapidfuzz.distance import OSA

        found = process.extract(lowered, _words(), scorer=OSA.distance, score_cutoff=2, limit=None)
        near = {w for w, d, _ in found if d > 0}
    counts = checker.word_frequency
    ranked = sorted(near, key=lambda c: (-counts.get(c, 0), c))
    return tuple(ranked[:limit])


@cache
def _words() -> tuple[str, ...]:
    """Every dictionary word, for the two-edit search."""
    return tuple(english().word_frequency)


def plausibility(word: str) -> float:
    """How English-looking a spelling is: the log-probability of its least likely letter trigram.

    A typing slip usually makes one unlikely sequence ("Wlfowitz", "Sxvarese") that the intended name lacks;
    between two spellings used equally often, the less plausible one is the likelier slip.
    """
    counts, contexts = _trigrams()
    padded = f"^^{word.lower()}$"
    worst = 0.0
    for i in range(len(padded) - 2):
        gram = padded[i : i + 3]
        worst = min(worst, math.log((counts[gram] + 1) / (contexts[gram[:2]] + 28)))
    return worst


@cache
def _trigrams() -> tuple[Counter[str], Counter[str]]:
    """Letter-trigram and bigram-context counts over the dictionary's words (each word once)."""
    counts: Counter[str] = Counter()
    for line in _data_lines(TRIGRAMS_FILE):
        gram, count = line.split("\t")
        counts[gram] = int(count)
    contexts: Counter[str] = Counter()
    for gram, n in counts.items():
        contexts[gram[:2]] += n
    return counts, contexts
