"""The English dictionary (pyspellchecker's frequency list), loaded lazily and once per process."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker


@lru_cache(maxsize=1)
def english() -> SpellChecker:
    """The shared English SpellChecker; loading it takes a tenth of a second, so only the first call pays."""
    return SpellChecker(language="en", distance=2)


def frequency(word: str) -> int:
    """How often `word` (any case) occurs in the dictionary's corpus; 0 for an unknown word."""
    return english().word_frequency[word.lower()]


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
        found = process.extract(lowered, _words(), scorer=OSA.distance, score_cutoff=2, limit=None)
        near = {w for w, d, _ in found if d > 0}
    ranked = sorted(near, key=lambda c: (-checker.word_frequency[c], c))
    return tuple(ranked[:limit])


@lru_cache(maxsize=1)
def _words() -> tuple[str, ...]:
    """Every dictionary word, for the two-edit search."""
    return tuple(english().word_frequency.keys())


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


@lru_cache(maxsize=1)
def _trigrams() -> tuple[Counter[str], Counter[str]]:
    """Letter-trigram and bigram-context counts over the dictionary's words (each word once)."""
    padded = (f"^^{word}$" for word in english().word_frequency)
    counts: Counter[str] = Counter(p[i : i + 3] for p in padded for i in range(len(p) - 2))
    contexts: Counter[str] = Counter()
    for gram, n in counts.items():
        contexts[gram[:2]] += n
    return counts, contexts
