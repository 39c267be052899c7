"""The gazetteer: the world's countries, capitals and cities, shipped in `rules/data/names/places.txt`
(built from GeoNames by scripts/build_places.py), read once on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.checks.names.inventory import fold
from newslint.resources import builtin_data, read_lines

PLACES_FILE = "names/places.txt"


@dataclass(frozen=True)
class Gazetteer:
    """Folded words of every place (never a slip), and of the well-known ones as written (a slip's targets)."""

    words: frozenset[str]
    well_known_words: dict[str, str]
    well_known_single: dict[str, str]  # well-known places named by one word ("Paris", "Sydney"), folded


@cache
def gazetteer(relative: str = PLACES_FILE) -> Gazetteer:
    words: set[str] = set()
    well_known: dict[str, str] = {}
    single: dict[str, str] = {}
    plain_ascii: list[str] = []
    for line in read_lines(builtin_data(relative), "gazetteer"):
        known = line.startswith("+")
        if not known and line.isascii():
            plain_ascii.append(line)  # folded all at once below: most of the file, and `fold` is `lower` here
            continue
        name = line.lstrip("+")
        if known and " " not in name and "-" not in name:
            single.setdefault(fold(name), name)
        for word in name.replace("-", " ").split():
            key = fold(word)
            words.add(key)
            if known and word[:1].isupper():
                well_known.setdefault(key, word)
    # One lower-casing and one split of the joined ASCII names: the same keys as folding word by word (a third of
    # the time of a one-story run went to this file before).
    words.update(" ".join(plain_ascii).replace("-", " ").lower().split())
    return Gazetteer(frozenset(words), well_known, single)
