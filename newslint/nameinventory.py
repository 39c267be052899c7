"""The story's name inventory: every capitalised word, where it stands, and how often each spelling is used."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # the Story builds its inventory; importing it here at run time would be circular
    from newslint.story import Story

_POSSESSIVE = regex.compile(r"['’][sS]$")
_PART = regex.compile(r"[^-]+")
# After these marks a capital says nothing: a quotation, a colon or a bracket may open a sentence.
_OPENERS = frozenset(":;“\"‘'(—–•*[")
_LEAD_BLOCKS = frozenset({"headline", "byline"})


def fold(word: str) -> str:
    """Comparison key: diacritics dropped, case folded, curly apostrophes straightened ("Rodríguez" -> "rodriguez")."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class NameWord:
    """One capitalised word of the story (a hyphen compound gives one per capitalised part)."""

    start: int
    end: int
    form: str  # as written, possessive dropped: "Blinken" for "Blinken's"
    key: str  # folded form: the unit of counting
    ambiguous: bool  # its capital may come from its position (sentence start, headline, all capitals)
    before: str | None  # folded capitalised word right before it, as in "Antony Blinken"
    after: str | None  # folded capitalised word right after it
    left: str | None = None  # folded word right before it in any case ("bin" in "bin Laden"), spaces only between
    right: str | None = None  # folded word right after it in any case ("cricket" in "Test cricket")
    possessive: bool = False  # written with 's: "Gaza's north"
    left2: str | None = None  # the word before `left` ("ernst" in "Ernst and Young")
    right2: str | None = None  # the word after `right`


@dataclass
class NameInventory:
    """Capitalised words by folded key, and the lowercase words the story uses."""

    words: dict[str, list[NameWord]] = field(default_factory=lambda: defaultdict(list))
    lowercase: set[str] = field(default_factory=set)

    def count(self, key: str) -> int:
        return len(self.words.get(key, ()))

    def neighbours_before(self, key: str) -> set[str]:
        return {w.before for w in self.words.get(key, ()) if w.before}

    def neighbours_after(self, key: str) -> set[str]:
        return {w.after for w in self.words.get(key, ()) if w.after}


def build_inventory(story: Story) -> NameInventory:
    """Walk the story's tokens once; capitalised parts become NameWords, lowercase ones are remembered."""
    inventory = NameInventory()
    tokens = story.tokens
    for index, token in enumerate(tokens):
        if "." in token.text:
            continue  # "U.S", "a.m": abbreviations, not names
        text = _POSSESSIVE.sub("", token.text)
        parts = [m for m in _PART.finditer(text) if m.group()]
        for number, part in enumerate(parts):
            word = part.group()
            if not word[:1].isupper():
                inventory.lowercase.add(fold(word))
                continue
            start = token.start + part.start()
            before = _neighbour(story, tokens, index, -1) if number == 0 else None
            after = _neighbour(story, tokens, index, 1) if number == len(parts) - 1 else None
            ambiguous = _is_ambiguous(story, start, word)
            left = _neighbour(story, tokens, index, -1, any_case=True) if number == 0 else None
            right = _neighbour(story, tokens, index, 1, any_case=True) if number == len(parts) - 1 else None
            possessive = number == len(parts) - 1 and text != token.text
            left2 = _neighbour(story, tokens, index - 1, -1, any_case=True) if left else None
            right2 = _neighbour(story, tokens, index + 1, 1, any_case=True) if right else None
            frame = (left, right, possessive, left2, right2)
            name = NameWord(start, start + len(word), word, fold(word), ambiguous, before, after, *frame)
            inventory.words[name.key].append(name)
    return inventory


def _neighbour(story: Story, tokens: list, index: int, step: int, any_case: bool = False) -> str | None:
    """The folded adjacent token, when only spaces part them and it is capitalised (or `any_case`)."""
    other = index + step
    if not 0 <= other < len(tokens):
        return None
    left, right = (tokens[other], tokens[index]) if step < 0 else (tokens[index], tokens[other])
    gap = story.masked[left.end : right.start]
    word = _POSSESSIVE.sub("", tokens[other].text)
    capitalised = any(part[:1].isupper() for part in word.split("-"))  # "Ayman al-Zawahiri"
    if gap.strip(" \t") or not gap or not (capitalised or any_case) or "." in word:
        return None
    return fold(word)


def _is_ambiguous(story: Story, start: int, word: str) -> bool:
    """Whether the word's capital may be positional: sentence start, after an opener, headline, all capitals."""
    if len(word) > 1 and word.isupper():
        return True
    if story.block_at(start) in _LEAD_BLOCKS:
        return True
    sentence = story.sentence_at(start)
    lead = story.masked[sentence.start : start] if sentence else story.masked[:start]
    if not any(c.isalnum() for c in lead):
        return True
    previous = lead.rstrip()
    return bool(previous) and previous[-1] in _OPENERS
