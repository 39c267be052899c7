"""How close two spellings of a name are, and whether the difference is a derivation rather than a slip."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

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
    """Choices within the limits of `key`, closest first, as (choice, edits); one edit is always within them."""
    if len(key) < limits.min_length:
        return []
    return nearest_among(key, [c for c in choices if len(c) >= limits.min_length], limits)


def nearest_among(key: str, pool: Sequence[str], limits: Nearness) -> list[tuple[str, int]]:
    """`nearest` for a pool already cut to `limits.min_length` (a caller asking for many keys cuts it once).

    `key` itself may be in the pool: at no distance, it is never near.
    """
    if len(key) < limits.min_length or not pool:
        return []
    found = process.extract(key, pool, scorer=OSA.distance, score_cutoff=limits.max_edits, limit=None)
    close = [(c, int(d)) for c, d, _ in found if d == 1 or 0 < d and d / max(len(key), len(c)) <= limits.max_relative]
    return sorted(close, key=lambda pair: pair[1])


def is_derivation(a: str, b: str, suffixes: Iterable[str], stems: Collection[str] = ()) -> bool:
    """Whether the forms are one stem with listed suffixes ("Israel"/"Israeli", "Afghani"/"Afghans").

    The bare stem must be a known word or name (`stems`): "Hama" beside "Hamas" is a city, "Qanta" beside
    "Qantas" is a dropped letter. A suffix that repeats the stem's last letter is a doubled-letter slip
    ("Blinkenn"), not a derivation.
    """
    endings = {"", *suffixes}
    for ending_a in endings:
        stem = a[: len(a) - len(ending_a)] if ending_a else a
        if not stem or not a.endswith(ending_a) or stem not in stems:
            continue
        for ending_b in endings - {ending_a}:
            if b == stem + ending_b and not _doubles(stem, ending_a) and not _doubles(stem, ending_b):
                return True
    return False


def _doubles(stem: str, ending: str) -> bool:
    return bool(ending) and ending[0] == stem[-1]
