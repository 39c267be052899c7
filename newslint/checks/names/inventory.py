"""The story's name inventory: every capitalised word, where it stands, and how often each spelling is used."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the Story builds its inventory; importing it here at run time would be circular
    from newslint.text.segment import Token
    from newslint.text.story import Story

# After these marks a capital says nothing: a quotation, a colon or a bracket may open a sentence.
_OPENERS = frozenset(":;“\"‘'(—–•*[")
_LEAD_BLOCKS = frozenset({"headline", "byline"})


@lru_cache(maxsize=1 << 16)  # bounded: a story's words repeat, and so do a newsroom's
def fold(word: str) -> str:
    """Comparison key: diacritics dropped, case folded, curly apostrophes straightened ("Rodríguez" -> "rodriguez")."""
    if word.isascii():
        return word.lower()  # the same key, without the Unicode work
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class NameWord(NamedTuple):
    """One capitalised word of the story (a hyphen compound gives one per capitalised part).

    A named tuple: a story makes thousands, and a tuple is built several times faster than a frozen dataclass.
    """

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
    _before: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _after: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _alone: set[str] | None = field(default=None, repr=False, compare=False)

    def count(self, key: str) -> int:
        return len(self.words.get(key, ()))

    # The rules ask these of the same few keys again and again: each is worked out once.
    def neighbours_before(self, key: str) -> frozenset[str]:
        if key not in self._before:
            self._before[key] = frozenset(w.before for w in self.words.get(key, ()) if w.before)
        return self._before[key]

    def neighbours_after(self, key: str) -> frozenset[str]:
        if key not in self._after:
            self._after[key] = frozenset(w.after for w in self.words.get(key, ()) if w.after)
        return self._after[key]

    def alone(self) -> set[str]:
        """Keys used at least once with no capitalised word on either side ("Karzai" said)."""
        if self._alone is None:
            self._alone = {k for k, ws in self.words.items() if any(not w.before and not w.after for w in ws)}
        return self._alone


def build_inventory(story: Story) -> NameInventory:
    """Walk the story's tokens once; capitalised parts become NameWords, lowercase ones are remembered."""
    inventory = NameInventory()
    words = inventory.words
    tokens = story.tokens
    forms = story.token_forms
    # Most tokens are plain lowercase words, only remembered (folded once each at the end); the rest are looked
    # at part by part. A token with a period ("U.S", "a.m") is an abbreviation, not a name.
    lowercase = {f for f in forms if not f[:1].isupper() and "-" not in f and "." not in f}
    candidates = [i for i, f in enumerate(forms) if (f[:1].isupper() or "-" in f) and "." not in f]
    nearby = _Neighbours(story.masked, tokens, forms)
    for index in candidates:
        token = tokens[index]
        form = forms[index]
        parts = _parts(form)
        last = len(parts) - 1
        for number, (offset, word) in enumerate(parts):
            if not word[:1].isupper():
                lowercase.add(word)
                continue
            start = token.start + offset
            left = nearby.word(index, -1) if number == 0 else None
            right = nearby.word(index, 1) if number == last else None
            before = left if left is not None and nearby.capitalised(index - 1) else None
            after = right if right is not None and nearby.capitalised(index + 1) else None
            ambiguous = _is_ambiguous(story, tokens, index, number, start, word)
            possessive = number == last and len(form) != len(token.text)
            left2 = nearby.word(index - 1, -1) if left else None
            right2 = nearby.word(index + 1, 1) if right else None
            key = fold(word)
            name = NameWord(start, start + len(word), word, key, ambiguous, before, after, left, right, possessive,
                            left2, right2)  # fmt: skip
            words[key].append(name)
    inventory.lowercase = {fold(w) for w in lowercase}
    return inventory


def _parts(form: str) -> list[tuple[int, str]]:
    """The hyphen-separated parts of a token with their offsets in it ("al-Zawahiri": "al" at 0, "Zawahiri" at 3)."""
    if "-" not in form:
        return [(0, form)]
    parts = []
    offset = 0
    for part in form.split("-"):
        if part:
            parts.append((offset, part))
        offset += len(part) + 1
    return parts


class _Neighbours:
    """The folded words beside each token, each token's facts worked out once: a capitalised word asks about
    the words on both sides, and its neighbours ask about it."""

    def __init__(self, masked: str, tokens: list[Token], forms: list[str]):
        self.masked = masked
        self.tokens = tokens
        self.forms = forms
        self.keys: dict[int, str | None] = {}
        self.capitals: dict[int, bool] = {}

    def word(self, index: int, step: int) -> str | None:
        """The folded adjacent token in any case, when only spaces or tabs part them and it is no abbreviation."""
        other = index + step
        tokens = self.tokens
        if not 0 <= other < len(tokens):
            return None
        left, right = (tokens[other], tokens[index]) if step < 0 else (tokens[index], tokens[other])
        gap = self.masked[left.end : right.start]
        if gap != " " and (not gap or gap.strip(" \t")):  # one space, as nearly always, or spaces and tabs
            return None
        if other not in self.keys:
            form = self.forms[other]
            self.keys[other] = None if "." in form else fold(form)
        return self.keys[other]

    def capitalised(self, index: int) -> bool:
        """Whether a part of the token starts with a capital ("Ayman al-Zawahiri")."""
        if index not in self.capitals:
            form = self.forms[index]
            self.capitals[index] = form[:1].isupper() or "-" in form and any(p[:1].isupper() for p in form.split("-"))
        return self.capitals[index]


def _is_ambiguous(story: Story, tokens: list[Token], index: int, number: int, start: int, word: str) -> bool:
    """Whether the word's capital may be positional: sentence start, after an opener, headline, all capitals."""
    if len(word) > 1 and word.isupper():
        return True
    if story.block_at(start) in _LEAD_BLOCKS:
        return True
    sentence = story.sentence_at(start)
    floor = sentence.start if sentence else 0
    token = tokens[index]
    if number > 0 and token.start >= floor:
        return False  # a later part of a compound: its own first part and a hyphen come before it
    if number == 0 and index > 0 and tokens[index - 1].start >= floor:
        # The previous token is in the sentence, so a letter comes before this word; only the marks between
        # the two can open a quotation or a clause.
        previous = story.masked[tokens[index - 1].end : start].rstrip()
        return bool(previous) and previous[-1] in _OPENERS
    lead = story.masked[floor:start]
    if not any(c.isalnum() for c in lead):
        return True
    previous = lead.rstrip()
    return bool(previous) and previous[-1] in _OPENERS


def inventory_of(story: Story) -> NameInventory:
    """The story's name inventory, built once per story and shared by the names checks."""
    return story.analysis(build_inventory)
