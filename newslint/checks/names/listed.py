"""The rule types of the newsroom names list: `names-rejected` (a form the list rejects, "Kiev" for AP's
"Kyiv") and `names-near-listed` (a near miss of a listed name, "Netanyhu", that the story does not establish).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import regex

from newslint.checks.base import Param, compile_pattern, match_case, word_alternation
from newslint.checks.names.base import ListedNames, NearNames
from newslint.checks.names.inventory import NameInventory, NameWord, fold, inventory_of
from newslint.checks.names.match import nearest_among
from newslint.finding import Applicability, Fix, Hit
from newslint.text import english
from newslint.text.story import Story

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
    """A non-word one slip from a listed name that the story does not itself use."""

    PARAMS = {
        **NearNames.PARAMS,
        "same-first-letter": Param(bool, True, "the slip keeps the listed name's first letter"),
        "defer-count": Param(int, 1, "a near miss of a name the story itself uses this often is left to the "
                             "variant rule"),
    }  # fmt: skip

    def setup(self) -> None:
        super().setup()
        # The listed words long enough to compare; each form's near ones, once found.
        self.listed_pool = [w for w in self.names.canonical_words if len(w) >= self.nearness.min_length]
        self._close_to_list: dict[str, list[str]] = {}

    def hits(self, story: Story) -> Iterable[Hit]:
        inventory = inventory_of(story)
        for key, words in inventory.words.items():
            listed = self._listed_near(key, inventory)
            if listed is None:
                continue
            for word in words:
                if self._beside_other_name(word, fold(listed)):
                    continue
                suggestion = match_case(listed, word.form) if word.form.isupper() else listed
                args = {"suggestion": suggestion, "count": len(words), "preferred_count": 0, "uses": "", "evidence": ""}
                yield Hit(word.start, word.end, args, (suggestion,), Fix(suggestion, Applicability.UNSAFE))

    def _listed_near(self, key: str, inventory: NameInventory) -> str | None:
        """The listed word this non-word is a slip for, unless the story uses that word itself."""
        if not self.may_be_slip(key, inventory):
            return None
        close = self._listed_close(key)
        if not close or inventory.count(close[0]) >= self.params["defer-count"]:
            return None
        return self.names.canonical_words[close[0]]

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
        if english.is_word(key, self.params["word-min-frequency"]):
            return []
        close = [c for c, _ in nearest_among(key, self.listed_pool, self.nearness) if not self.related(key, c)]
        if self.params["same-first-letter"]:
            close = [c for c in close if c[:1] == key[:1]]  # "Jenin" is not "Benin": slips rarely hit the first letter
        return close

    def _beside_other_name(self, word: NameWord, listed: str) -> bool:
        """ "Virginie Razzano" is not "Virginia Woolf": a first or last name beside it that the list does not pair."""
        partners = self.names.partners.get(listed, frozenset())
        beside = {n for n in (word.before, word.after) if n and n not in self.titles}
        return bool(beside - partners)


def _phrases(forms: Iterable[str]) -> regex.Pattern[str]:
    """Literal phrases on word boundaries, case-insensitive; hyphens may join them ("el-Sisi", "Kiev-based")."""
    return compile_pattern(rf"(?<!\w)(?:{word_alternation(forms)})(?!\w)", ignorecase=True)
