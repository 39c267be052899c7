"""The English dictionary (pyspellchecker's frequency list), loaded lazily and once per process."""

from __future__ import annotations

from functools import lru_cache

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
    """Up to `limit` known words near `word`, the most frequent first (pyspellchecker's ranking)."""
    checker = english()
    found = checker.candidates(word.lower()) or set()
    ranked = sorted((c for c in found if c in checker), key=lambda c: (-checker.word_frequency[c], c))
    return tuple(ranked[:limit])
