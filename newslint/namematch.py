"""How close two spellings of a name are, and whether the difference is a derivation rather than a slip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA


@dataclass(frozen=True)
class Nearness:
    """Limits on how far a misspelling may be from the intended name (TOML parameters of the rule)."""

    min_length: int
    max_edits: int
    max_relative: float


def edits(a: str, b: str) -> int:
    """Optimal string alignment distance: a transposed pair of letters counts as one edit."""
    return OSA.distance(a, b)


def nearest(key: str, choices: Iterable[str], limits: Nearness) -> list[tuple[str, int]]:
    """Choices within the limits of `key`, closest first, as (choice, edits)."""
    pool = [c for c in choices if c != key and len(c) >= limits.min_length]
    if len(key) < limits.min_length or not pool:
        return []
    found = process.extract(key, pool, scorer=OSA.distance, score_cutoff=limits.max_edits, limit=None)
    close = [(c, int(d)) for c, d, _ in found if 0 < d and d / max(len(key), len(c)) <= limits.max_relative]
    return sorted(close, key=lambda pair: pair[1])


def is_derivation(a: str, b: str, suffixes: Iterable[str]) -> bool:
    """Whether one form is the other plus a listed suffix ("Israel"/"Israeli", "Kennedy"/"Kennedys").

    A suffix that repeats the stem's last letter is a doubled-letter slip ("Blinkenn"), not a derivation.
    """
    short, long = sorted((a, b), key=len)
    suffix = long[len(short) :]
    return long.startswith(short) and suffix in suffixes and suffix[0] != short[-1]
