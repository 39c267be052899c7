"""The English dictionary (pyspellchecker's frequency list), loaded lazily and once per process.

The list ships digested in `data/` (scripts/build_english.py writes it; a test checks it against its source):
pyspellchecker's own SpellChecker spends a seventh of a second decompressing and recounting it on every start.
"""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
WORDS_FILE = DATA / "english-words.txt"
TRIGRAMS_FILE = DATA / "english-trigrams.txt"

# Lookups answered by binary search before the run builds a table of every word instead. One story looks up
# a few hundred words (a millisecond or two); the table of 160,000 costs about as much as this many searches.
SEARCHES_BEFORE_TABLE = 5000


class English:
    """Word counts with pyspellchecker's `known` and `edit_distance_1`, which must give the same answers.

    The counts are `word<TAB>count` lines in code-point order, searched in place: building a dictionary of
    160,000 words would cost a one-story run more than all its lookups. A run that looks up many words
    (a folder of stories) builds the dictionary once it has searched enough to pay for it.
    """

    def __init__(self, lines: str, letters: str, longest_word_length: int) -> None:
        self._lines = lines
        self.letters = frozenset(letters)  # every character of the words: the alphabet of the one-edit neighbours
        self.longest_word_length = longest_word_length
        self._table: dict[str, int] | None = None
        self._searches = 0

    def count(self, word: str) -> int:
        """How often the (lower-cased) word occurs; 0 if it is not in the dictionary."""
        if self._table is not None:
            return self._table.get(word, 0)
        self._searches += 1
        if self._searches > SEARCHES_BEFORE_TABLE:
            return self.table().get(word, 0)
        return self._search(word)

    def table(self) -> dict[str, int]:
        """Every word and its count."""
        if self._table is None:
            fields = self._lines.split()
            self._table = dict(zip(fields[::2], map(int, fields[1::2])))
        return self._table

    def _search(self, word: str) -> int:
        """Binary search over the sorted lines; `low` and `high` are always the starts of lines."""
        lines, low, high = self._lines, 0, len(self._lines)
        while low < high:
            start = lines.rfind("\n", low, (low + high) // 2) + 1 or low
            tab = lines.find("\t", start)
            key = lines[start:tab]
            if key < word:
                low = lines.find("\n", tab) + 1
            elif key > word:
                high = start
            else:
                return int(lines[tab + 1 : lines.find("\n", tab)])
        return 0

    def known(self, words: Iterable[str]) -> set[str]:
        """The lower-cased `words` that are in the dictionary (numbers and lone punctuation never are)."""
        lowered = {w.lower() for w in words}
        return {w for w in lowered if self.count(w) and self._is_checkable(w)}

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
    text = _data_text(WORDS_FILE)
    first, _, lines = text.partition("\n")
    letters, longest = first.split("\t")
    return English(lines, letters, int(longest))


def _data_text(path: Path) -> str:
    """A shipped data file after its `#` comment lines (bytes decoded as-is: no newline translation)."""
    text = path.read_bytes().decode("utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return text[start:]


def frequency(word: str) -> int:
    """How often `word` (any case) occurs in the dictionary's corpus; 0 for an unknown word."""
    return english().count(word.lower())


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
    ranked = sorted(near, key=lambda c: (-checker.count(c), c))
    return tuple(ranked[:limit])


@cache
def _words() -> tuple[str, ...]:
    """Every dictionary word, for the two-edit search."""
    return tuple(english().table())


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
    for line in _data_text(TRIGRAMS_FILE).rstrip("\n").split("\n"):
        gram, count = line.split("\t")
        counts[gram] = int(count)
    contexts: Counter[str] = Counter()
    for gram, n in counts.items():
        contexts[gram[:2]] += n
    return counts, contexts
