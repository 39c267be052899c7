"""How close two spellings of a name are, and whether the difference is a derivation rather than a slip."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
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


class NamePool:
    """The names a rare form may be a slip of, and the ones worth comparing it with.

    A small pool is compared whole. A large one (a story of thousands of distinct names) is indexed by the
    strings left after deleting up to `max_edits` letters: two spellings within that many edits (a
    transposition or a replacement costs one deletion on each side) leave a string in common, so a form is
    compared only with the names that share one, instead of with every name. Candidates keep the pool's
    order, which decides ties.
    """

    INDEX_FROM = 300  # names; below this a whole comparison is cheaper than building the index
    INDEX_LONGEST = 32  # letters; a longer name has too many deletions to index and is always compared

    def __init__(self, names: list[str], max_edits: int) -> None:
        self.names = names
        self.max_edits = max_edits
        self._index: dict[str, list[int]] | None = None
        self._long: list[int] = []
        if len(names) >= self.INDEX_FROM:
            self._index = defaultdict(list)
            for place, name in enumerate(names):
                if len(name) > self.INDEX_LONGEST:
                    self._long.append(place)
                    continue
                for variant in _deletions(name, max_edits):
                    self._index[variant].append(place)

    def candidates(self, key: str) -> Sequence[str]:
        if self._index is None or len(key) > self.INDEX_LONGEST:
            return self.names
        places = set(self._long)
        for variant in _deletions(key, self.max_edits):
            places.update(self._index.get(variant, ()))
        return [self.names[place] for place in sorted(places)]


def _deletions(word: str, depth: int) -> Iterator[str]:
    """`word` and every string left by deleting up to `depth` of its letters (repeats possible)."""
    level = {word}
    yield word
    for _ in range(depth):
        level = {w[:i] + w[i + 1 :] for w in level for i in range(len(w))}
        yield from level


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
