"""The rule types of the newsroom names list: `names-rejected` (a form the list rejects, "Kiev" for AP's
"Kyiv") and `names-near-listed` (a near miss of a listed name, "Netanyhu", that the story does not establish).
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable
from functools import cached_property

import regex

from newslint.checks.base import Param, compile_pattern, match_case
from newslint.checks.names.base import ListedNames, NearNames, bracketed_code
from newslint.checks.names.inventory import NameInventory, NameWord, fold, inventory_of
from newslint.checks.names.match import Nearness, edits, nearest_among
from newslint.checks.names.nameslist import NamesList
from newslint.checks.names.places import gazetteer
from newslint.finding import Applicability, Fix, Hit
from newslint.text import english
from newslint.text.patterns import word_alternation
from newslint.text.story import Story

_EVERYDAY = 5_000  # dictionary count from which a word is an everyday word, whatever place it names
_ORDINARY = 20_000  # dictionary count from which a personal name ("South", "Grant") is foremost an ordinary word
_COMMON = 500  # dictionary count from which a capitalised word beside a name is an ordinary word
_MEMORY = 50_000  # forms whose near listed words a rule remembers across stories before it starts afresh


class Rejected(ListedNames):
    """A form the names list rejects, replaced by its canonical spelling (never inside a `keep` phrase)."""

    def setup(self) -> None:
        self.rejected_forms = sorted(self.names.rejected, key=len, reverse=True)
        # For the quick look below: plain ASCII forms, one space between words (the folded forms are lowercase).
        plain = all(f.isascii() and f == " ".join(f.split()) for f in self.rejected_forms)
        self.literal_forms = tuple(self.rejected_forms) if plain else None

    # Compiled on first use: most stories hold no rejected form, and the quick look says so without them.
    @cached_property
    def rejected(self) -> regex.Pattern[str] | None:
        return _phrases(self.rejected_forms) if self.rejected_forms else None

    @cached_property
    def keep(self) -> regex.Pattern[str] | None:
        return _phrases(self.names.keep) if self.names.keep else None

    def _may_hold_rejected(self, text: str) -> bool:
        """Whether a rejected form may occur: in ASCII copy, lowercased with its spaces collapsed, a match is a
        plain substring, and most stories hold none; for the rest, the scan decides."""
        if self.literal_forms is None or not text.isascii():
            return True
        flat = " ".join(text.lower().split())
        return any(form in flat for form in self.literal_forms)

    def hits(self, story: Story) -> Iterable[Hit]:
        if not self.rejected_forms or not self._may_hold_rejected(story.masked):
            return
        kept = [(m.start(), m.end()) for m in self.finditer(self.keep, story.masked)] if self.keep else []
        for m in self.finditer(self.rejected, story.masked):
            if any(a <= m.start() < b for a, b in kept):
                continue
            found = story.text[m.start() : m.end()]
            suggestion = match_case(self.names.rejected[fold(" ".join(found.split()))], found)
            args = {"suggestion": suggestion, "count": 1, "preferred_count": 0, "uses": "", "evidence": ""}
            yield Hit(m.start(), m.end(), args, (suggestion,), Fix(suggestion, Applicability.UNSAFE))


class NearListed(NearNames):
    """A non-word one slip from a listed name or a well-known place that the story does not itself use, and a
    listed full name with one part slipped ("Saddle Hussein", "Osama bin Lady")."""

    PARAMS = {
        **NearNames.PARAMS,
        "same-first-letter": Param(bool, True, "the slip keeps the listed name's first letter"),
        "defer-count": Param(int, 1, "a near miss of a name the story itself uses this often is left to the "
                             "variant rule"),
        "max-uses": Param(int, 2, "a form the story uses more often than this is a name of its own"),
        "places": Param(str, "", "the gazetteer under rules/data/: its places are names, and a near miss of a "
                        "well-known one is a slip (\"Sydeny\")"),
        "full-name-max-relative-distance": Param((float, int), 0.4, "most edits per letter between one part "
                                                 "of a listed full name and its slip (\"Saddle\" for \"Saddam\")"),
        "place-words": Param(list, [], "words before a place (in, at, near): a slip of a well-known place is "
                             "flagged after one of these"),
        "place-nouns": Param(list, [], "words after a place (Oval, Airport, Harbour): or before one of these"),
        "slot-min-length": Param(int, 0, "a shorter form than min-length, down to this, is compared (one edit) "
                                 "where a place or a person stands: \"left Kabl\", \"Mr Bsh\" (0: never)"),
    }  # fmt: skip

    def setup(self) -> None:
        super().setup()
        places = gazetteer(self.params["places"]) if self.params["places"] else None
        self.gazetteer = places
        # The listed words and well-known places long enough to compare (a place that is also an English word,
        # "Nice", "Reading", is no slip's target); each form's near ones, once found.
        targets = dict(places.well_known_words) if places else {}
        # A place's name that is an everyday word is no target ("Nice", "Reading", "Coast" of "Ivory Coast"),
        # but a place named by one word the dictionary only knows as a name is ("Paris", "Victoria").
        single = places.well_known_single if places else {}
        self.place_targets = {
            k: _plain(w) for k, w in targets.items()
            if not english.is_word(k) or k in single and english.frequency(k) < _EVERYDAY
        }  # fmt: skip
        self.targets = {**self.place_targets, **self.names.canonical_words}
        self.place_words = frozenset(fold(w) for w in self.params["place-words"])
        self.place_nouns = frozenset(fold(w) for w in self.params["place-nouns"])
        self.pool = [w for w in self.targets if len(w) >= self.nearness.min_length]
        self._close_to_list: dict[str, list[str]] = {}
        self.full_names = _full_names(self.names)
        shortest = self.params["slot-min-length"] or self.nearness.min_length
        self.short_nearness = Nearness(shortest, 1, 0.5)
        self.short_pool = [w for w in self.targets if shortest <= len(w) <= self.nearness.min_length]

    def hits(self, story: Story) -> Iterable[Hit]:
        inventory = inventory_of(story)
        for key, words in inventory.words.items():
            if len(words) > self.params["max-uses"]:
                continue  # "Ghani" three times is the story's own name, not a slip of "Ghana"
            listed = self._listed_near(key, inventory)
            if listed is None:
                short = len(key) < self.nearness.min_length
                found = list(self._short_hits(story, words, inventory)) if short else []
                yield from found or self._full_name_hits(words, inventory)
                continue
            place_only = fold(listed) not in self.names.canonical_words
            for word in words:
                if self._beside_other_name(word, fold(listed)) or place_only and not self._in_place_slot(word):
                    continue
                if bracketed_code(story.masked, word):
                    continue  # a ticker ("<GACTZ>"), not a name
                yield _hit(word, listed, len(words))

    def _short_hits(self, story: Story, words: list[NameWord], inventory: NameInventory) -> Iterable[Hit]:
        """A short non-word one edit from a listed name or a well-known place, where the slot says which:
        "left Kabl" (a place), "President Bsh" (a person)."""
        key = words[0].key
        if not self.may_be_slip(key, inventory) or english.is_word(key) or key in self.personal:
            return
        if words[0].form.isupper():
            return  # an acronym ("ASIO"), not a short name
        close = [c for c, _ in nearest_among(key, self.short_pool, self.short_nearness) if c[:1] == key[:1]]
        if not close or inventory.count(close[0]) >= self.params["defer-count"]:
            return
        listed = self.targets[close[0]]
        found = [
            _hit(word, listed, len(words))
            for word in words
            if "-" not in story.masked[word.start - 1 : word.end + 1]  # not a part of a compound ("Bayu-Undan")
            and (self._in_place_slot(word) or word.left in self.titles and not word.after)
        ]
        if found and not self._is_place(key):  # asked last: the gazetteer's word set is built on its first question
            yield from found

    def _full_name_hits(self, words: list[NameWord], inventory: NameInventory) -> Iterable[Hit]:
        """ "Saddle Hussein": a word beside one part of a listed full name, a slip or two from its other part,
        even an English word."""
        key = words[0].key
        if key in self.names.known or inventory.count(key) > 1:
            return
        for word in words:
            for pair in ((word.left, 0), (word.right, 1)):
                part = self.full_names.get(pair)  # the other part, as written, beside this neighbour
                if part is None or fold(part)[:1] != key[:1]:
                    continue
                if inventory.count(fold(part)) >= self.params["defer-count"]:
                    continue  # the story uses the name itself: the variant rule's business
                distance = edits(key, fold(part))
                if 0 < distance <= self.nearness.max_edits and distance / max(len(key), len(part)) <= float(
                    self.params["full-name-max-relative-distance"]
                ):
                    yield _hit(word, part, len(words))
                    break

    def _listed_near(self, key: str, inventory: NameInventory) -> str | None:
        """The listed word this non-word is a slip for, unless the story uses that word itself."""
        if not self.may_be_slip(key, inventory):
            return None
        close = self._listed_close(key)
        if not close or inventory.count(close[0]) >= self.params["defer-count"]:
            return None
        return self.targets[close[0]]

    def _listed_close(self, key: str) -> list[str]:
        """The folded listed words a non-word may be a slip for, closest first: the same for every story,
        so remembered (the stories of a run share most of their capitalised words)."""
        close = self._close_to_list.get(key)
        if close is None:
            close = self._close_to_list[key] = self._listed_close_afresh(key)
            if len(self._close_to_list) > _MEMORY:
                self._close_to_list.clear()
        return close

    def _listed_close_afresh(self, key: str) -> list[str]:
        if english.is_word(key, self.params["word-min-frequency"]) or key in self.personal:
            return []  # a word or a common name ("Fontaine")
        close = [c for c, _ in nearest_among(key, self.pool, self.nearness) if not self.related(key, c)]
        if self.params["same-first-letter"]:
            close = [c for c in close if c[:1] == key[:1]]  # "Jenin" is not "Benin": slips rarely hit the first letter
        if close and self._is_place(key):
            return []  # a place of its own ("Kandy"); asked last, as the gazetteer's word set is built on first use
        return close

    def _is_place(self, key: str) -> bool:
        return self.gazetteer is not None and key in self.gazetteer.words

    def _in_place_slot(self, word: NameWord) -> bool:
        """Where a place stands: after "in", "at", "near" ("In Wsahington"), or before "Oval", "Airport"
        ("Adelide Oval"); not after a person's title ("Mr Annan")."""
        if word.left in self.titles or word.before and word.before not in self.place_words:
            return False
        return word.left in self.place_words or word.after in self.place_nouns

    def _first_name(self, word: str) -> bool:
        """A common personal name that is rarer as an ordinary word than "South", "Grant" or "Mark": "Robert",
        "Hugh", "John" beside a form mark a person."""
        return word in self.personal and english.frequency(word) < _ORDINARY

    def _beside_other_name(self, word: NameWord, listed: str) -> bool:
        """ "Virginie Razzano" is not "Virginia Woolf": a first or last name beside it that the list does not
        pair. A word beside it ("Adelide Oval", "In Wsahington") or a title says nothing."""
        partners = self.names.partners.get(listed, frozenset())
        beside = {
            n for n in (word.before, word.after)
            if n and n not in self.titles and (self._first_name(n) or not _common_word(n))
        }  # fmt: skip  # a common first name marks a person: "Robert Bretz" is not "Brett", "Hugh Wyles" not "Wales"
        return bool(beside - partners)


def _full_names(names: NamesList) -> dict[tuple[str, int], str]:
    """(folded neighbour, side) -> the listed part that stands there: ("hussein", 1) -> "Saddam" (the part
    whose right-hand neighbour is "hussein"); ("bin", 0) -> "Laden" (the part whose left-hand neighbour is "bin")."""
    found: dict[tuple[str, int], str] = {}
    for entry in names.entries:
        for form in (entry.canonical, *entry.accept):
            words = form.split()
            for first, second in itertools.pairwise(words):
                if second[:1].isupper() and len(second) >= 3:
                    found.setdefault((fold(first), 0), second)
                if first[:1].isupper() and len(first) >= 3:
                    found.setdefault((fold(second), 1), first)
    return found


def _common_word(word: str) -> bool:
    """An English word common enough that it says nothing of a name beside it ("Oval", "In"; not "Gerber")."""
    return english.frequency(word) >= _COMMON


def _plain(form: str) -> str:
    """The form without diacritics, as English copy writes a place ("Tartus" for "Ţarţūs")."""
    if form.isascii():
        return form  # NFKD leaves ASCII as it is: most of the 2,000 well-known places built at every start
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


def _hit(word: NameWord, listed: str, count: int) -> Hit:
    suggestion = match_case(listed, word.form) if word.form.isupper() else listed
    args = {"suggestion": suggestion, "count": count, "preferred_count": 0, "uses": "", "evidence": ""}
    return Hit(word.start, word.end, args, (suggestion,), Fix(suggestion, Applicability.UNSAFE))


def _phrases(forms: Iterable[str]) -> regex.Pattern[str]:
    """Literal phrases on word boundaries, case-insensitive; hyphens may join them ("el-Sisi", "Kiev-based")."""
    return compile_pattern(rf"(?<!\w)(?:{word_alternation(forms)})(?!\w)", ignorecase=True)
