"""The English dictionary (pyspellchecker's frequency list), loaded lazily and once per process.

The list ships digested in `data/` (scripts/build_english.py writes it; a test checks it against its source):
pyspellchecker's own SpellChecker spends a seventh of a second decompressing and recounting it on every start.
"""

from __future__ import annotations

import bisect
import math
import string
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"  # newslint/data
WORDS_FILE = DATA / "english-words.txt"
TRIGRAMS_FILE = DATA / "english-trigrams.txt"

# Characters of the sorted lines per page of the index: a lookup bisects the pages' first words, then finds
# the word inside one page.
PAGE_CHARS = 1024


class English:
    """Word counts with pyspellchecker's `known` and `edit_distance_1`, which must give the same answers.

    The counts are `word<TAB>count` lines in code-point order, searched in place through an index of every
    page's first word: a dictionary of 160,000 words would take a one-story run longer to build (40 ms)
    than all its lookups, and five times the memory.
    """

    def __init__(self, lines: str, letters: str, longest_word_length: int) -> None:
        self._lines = "\n" + lines  # every line follows a line break: "\n{word}\t" matches one whole word
        self.letters = frozenset(letters)  # every character of the words: the alphabet of the one-edit neighbours
        self.longest_word_length = longest_word_length
        self._page_starts, self._page_words = self._index()

    def _index(self) -> tuple[list[int], list[str]]:
        """Where each page's first line starts, and its word; a last start marks the end of the text."""
        lines, starts, words = self._lines, [], []
        start = 1
        while 0 < start < len(lines):
            starts.append(start)
            words.append(lines[start : lines.index("\t", start)])
            start = lines.find("\n", start + PAGE_CHARS) + 1
        starts.append(len(lines))
        return starts, words

    def count(self, word: str) -> int:
        """How often the (lower-cased) word occurs; 0 if it is not in the dictionary."""
        page = bisect.bisect_right(self._page_words, word) - 1
        if page < 0 or "\t" in word or "\n" in word:
            return 0
        at = self._lines.find(f"\n{word}\t", self._page_starts[page] - 1, self._page_starts[page + 1])
        if at < 0:
            return 0
        digits = at + len(word) + 2
        return int(self._lines[digits : self._lines.index("\n", digits)])

    def words(self) -> list[str]:
        """Every word, in code-point order."""
        return [line.partition("\t")[0] for line in self._lines.strip("\n").split("\n")]

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


def corrections(word: str, limit: int, two_edits: bool = True) -> tuple[str, ...]:
    """Up to `limit` known words near `word`: one edit away if any, else (if `two_edits`) two; the most
    frequent first.

    The same ranking as pyspellchecker's `candidates`, but its two-edit search builds every string two
    edits away (seconds for a long word); rapidfuzz scans the dictionary in C++ instead.
    """
    checker = english()
    lowered = word.lower()
    if len(lowered) > checker.longest_word_length + 2:
        return ()  # no word is two edits away; scanning the dictionary with it would cost its length each time
    near = checker.known(checker.edit_distance_1(lowered)) - {lowered}
    if not near and two_edits:
        from rapidfuzz import process  # imported on the first word with no one-edit correction
        from rapidfuzz.distance import OSA

        found = process.extract(lowered, _words(), scorer=OSA.distance, score_cutoff=2, limit=None)
        near = {w for w, d, _ in found if d > 0}
    ranked = sorted(near, key=lambda c: (-checker.count(c), c))
    return tuple(ranked[:limit])


@cache
def _words() -> tuple[str, ...]:
    """Every dictionary word, for the two-edit search."""
    return tuple(english().words())


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
