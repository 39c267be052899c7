"""The gazetteer: the world's countries, capitals and cities, shipped in `rules/data/names/places.txt`
(built from GeoNames by scripts/build_places.py), read once on first use."""

from __future__ import annotations

from functools import cache, cached_property

from newslint.checks.names.inventory import fold
from newslint.resources import builtin_data, read_lines

PLACES_FILE = "names/places.txt"


class Gazetteer:
    """Folded words of every place (never a slip), and of the well-known ones as written (a slip's targets).

    The well-known places are read at once (every story's slip targets); the set of every place's words, 44,000 of
    them and a tenth of a one-story run, is built only when a rule first asks about a word: most stories hold no
    near miss of a listed name, and only a near miss asks.
    """

    def __init__(self, well_known_words: dict[str, str], well_known_single: dict[str, str], known_words: set[str],
                 lines: list[str]) -> None:  # fmt: skip
        self.well_known_words = well_known_words
        self.well_known_single = well_known_single  # well-known places named by one word ("Paris", "Sydney"), folded
        self._known_words = known_words
        self._lines = lines

    @cached_property
    def words(self) -> frozenset[str]:
        words = set(self._known_words)
        plain_ascii = []
        for line in self._lines:
            if line.startswith("+"):
                continue  # a well-known place: in `known_words` already
            if line.isascii():
                plain_ascii.append(line)
                continue
            words.update(fold(word) for word in line.replace("-", " ").split())
        # One lower-casing and one split of the joined ASCII names: the same keys as folding word by word (a third
        # of the time of a one-story run went to this file before).
        words.update(" ".join(plain_ascii).replace("-", " ").lower().split())
        return frozenset(words)


@cache
def gazetteer(relative: str = PLACES_FILE) -> Gazetteer:
    known_words: set[str] = set()
    well_known: dict[str, str] = {}
    single: dict[str, str] = {}
    lines = read_lines(builtin_data(relative), "gazetteer")
    for line in [line for line in lines if line.startswith("+")]:  # the rest is read when `words` is asked for
        name = line.lstrip("+")
        if " " not in name and "-" not in name:
            single.setdefault(fold(name), name)
        for word in name.replace("-", " ").split():
            key = fold(word)
            known_words.add(key)
            if word[:1].isupper():
                well_known.setdefault(key, word)
    return Gazetteer(well_known, single, known_words, lines)
