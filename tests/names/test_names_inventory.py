"""The name inventory against a plain, slow statement of what it must hold, on generated copy."""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.names.inventory import fold, inventory_of
from newslint.text.story import Story

_POSSESSIVE = regex.compile(r"['’][sS]$")
_PART = regex.compile(r"[^-]+")
_OPENERS = frozenset(":;“\"‘'(—–•*[")


def slow_fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def neighbour(story: Story, index: int, step: int, any_case: bool = False) -> str | None:
    tokens = story.tokens
    other = index + step
    if not 0 <= other < len(tokens):
        return None
    left, right = (tokens[other], tokens[index]) if step < 0 else (tokens[index], tokens[other])
    gap = story.masked[left.end : right.start]
    word = _POSSESSIVE.sub("", tokens[other].text)
    capitalised = any(part[:1].isupper() for part in word.split("-"))
    if gap.strip(" \t") or not gap or not (capitalised or any_case) or "." in word:
        return None
    return slow_fold(word)


def ambiguous(story: Story, start: int, word: str) -> bool:
    if len(word) > 1 and word.isupper():
        return True
    if story.block_at(start) in ("headline", "byline"):
        return True
    sentence = story.sentence_at(start)
    lead = story.masked[sentence.start : start] if sentence else story.masked[:start]
    if not any(c.isalnum() for c in lead):
        return True
    previous = lead.rstrip()
    return bool(previous) and previous[-1] in _OPENERS


def slow_inventory(story: Story) -> tuple[dict[str, list[tuple]], set[str]]:
    """Every capitalised part with its facts, each looked up afresh; the folded lowercase parts."""
    words: dict[str, list[tuple]] = {}
    lowercase = set()
    for index, token in enumerate(story.tokens):
        if "." in token.text:
            continue
        text = _POSSESSIVE.sub("", token.text)
        parts = list(_PART.finditer(text))
        for number, part in enumerate(parts):
            word = part.group()
            if not word[:1].isupper():
                lowercase.add(slow_fold(word))
                continue
            first, last = number == 0, number == len(parts) - 1
            start = token.start + part.start()
            left = neighbour(story, index, -1, any_case=True) if first else None
            right = neighbour(story, index, 1, any_case=True) if last else None
            facts = (
                start, start + len(word), word, slow_fold(word), ambiguous(story, start, word),
                neighbour(story, index, -1) if first else None, neighbour(story, index, 1) if last else None,
                left, right, last and text != token.text,
                neighbour(story, index - 1, -1, any_case=True) if left else None,
                neighbour(story, index + 1, 1, any_case=True) if right else None,
            )  # fmt: skip
            words.setdefault(slow_fold(word), []).append(facts)
    return words, lowercase


PIECES = st.sampled_from([
    "Blinken", "Blinken's", "BLINKEN", "blinken", "al-Qaida", "Israel-Hamas", "Hamas-run", "U.S.", "a.m.",
    "Rodríguez", "Rodriguez", "Zelenskyy’s", "Kiev", "said", "the", "bin", "Laden", "Mr", "Mr.", "Ernst", "and",
    "Ayman", "al-Zawahiri", "well-known", "É", "Ökonom", "x2", "Öl's", "IT", "A",
])  # fmt: skip
GAPS = st.sampled_from([" ", " ", "  ", "\t", ". ", ", ", ": ", " “", "” ", "\n", "\n\n", " — ", " (", ") ", "; ", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PIECES, GAPS), min_size=1, max_size=30), st.booleans())
def test_the_inventory_holds_what_a_plain_walk_finds(pieces: list[tuple[str, str]], lead: bool) -> None:
    text = "".join(word + gap for word, gap in pieces)
    story = Story(text, "story.txt", lead=lead)
    words, lowercase = slow_inventory(story)
    inventory = inventory_of(story)
    assert {key: [tuple(w) for w in found] for key, found in inventory.words.items()} == words
    assert inventory.lowercase == lowercase


@given(st.text(max_size=12))
def test_fold_is_the_unicode_fold_with_or_without_its_ascii_shortcut(word: str) -> None:
    assert fold(word) == slow_fold(word)
