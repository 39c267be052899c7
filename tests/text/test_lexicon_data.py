"""The shipped English dictionary is pyspellchecker's list, and answers as pyspellchecker would."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from newslint.text import english

spellchecker = pytest.importorskip("spellchecker")

ROOT = Path(__file__).resolve().parents[2]


def _build_script():
    spec = importlib.util.spec_from_file_location("build_english", ROOT / "scripts" / "build_english.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def source():
    return spellchecker.SpellChecker(language="en", distance=2)


def test_the_shipped_files_are_what_the_script_builds_from_pyspellchecker():
    build = _build_script()
    counts = build.source_counts()
    words_same = english.WORDS_FILE.read_bytes().decode("utf-8") == build.words_text(counts)
    trigrams_same = english.TRIGRAMS_FILE.read_bytes() == build.trigrams_text(build.trigram_counts(counts)).encode()
    # Compared first, asserted after: pytest's diff of two megabyte texts would take minutes.
    assert words_same and trigrams_same, "newslint/data is stale: run scripts/build_english.py"


def test_counts_letters_and_trigrams_match_pyspellchecker(source):
    dictionary = english.english()
    assert {word: dictionary.count(word) for word in dictionary.words()} == dict(source.word_frequency.dictionary)
    assert dictionary.letters == source.word_frequency.letters
    assert dictionary.longest_word_length == source.word_frequency.longest_word_length
    counts, contexts = english._trigrams()
    assert counts == _build_script().trigram_counts(source.word_frequency.dictionary)
    assert sum(contexts.values()) == sum(counts.values())


def test_the_search_finds_every_word_and_no_other(source):
    dictionary = english.english()
    words = sorted(source.word_frequency.dictionary)
    first_of_pages = dictionary._page_words
    strangers = ["", "zzzz", "\uffff", "a a", "0", "a\t", "a\t48779620\na's"] + [w + "\u00e6" for w in words[:50]]
    near_pages = [w[:-1] for w in first_of_pages] + [w + "a" for w in first_of_pages]
    for word in words[:300] + random.Random(3).sample(words, 3000) + words[-300:] + first_of_pages + near_pages:
        assert dictionary.count(word) == source.word_frequency.dictionary.get(word, 0), word
    for word in strangers:
        assert dictionary.count(word) == 0, word


@pytest.mark.parametrize(
    "word", ["colur", "teh", "Recieve", "sxvarese", "a", "'", "12", "1e5", "nan", "x" * 50, "", "naïve", "İstanbul"]
)
def test_edits_and_known_words_match_pyspellchecker(source, word):
    dictionary = english.english()
    assert dictionary.edit_distance_1(word) == source.edit_distance_1(word)
    assert dictionary.known(dictionary.edit_distance_1(word)) == source.known(source.edit_distance_1(word))
    assert english.frequency(word) == source.word_frequency[word.lower()]


def test_random_words_have_pyspellchecker_frequencies_and_neighbours(source):
    words = sorted(source.word_frequency.dictionary)
    dictionary = english.english()
    for word in random.Random(7).sample(words, 200):
        typo = word[:1] + word[2:] if len(word) > 2 else word + "q"
        assert english.frequency(word.upper()) == source.word_frequency[word]
        assert dictionary.known(dictionary.edit_distance_1(typo)) == source.known(source.edit_distance_1(typo))
