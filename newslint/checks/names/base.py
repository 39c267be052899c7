"""What the names rule types share: the newsroom names list, and how near two spellings may be.

`ListedNames` gives a rule the names list in force for the run; `NearNames` adds the limits of a slip
(letters, edits) and the test that tells a derived form ("Israel", "Israeli") from a slip ("Qanta").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from newslint.checks.base import Check, Param
from newslint.checks.names.inventory import NameInventory, NameWord, fold
from newslint.checks.names.match import Nearness, is_derivation
from newslint.checks.names.nameslist import NamesList, load_names, personal_names
from newslint.text import english

# The placeholders every names message may use.
NAME_ARGS = frozenset({"suggestion", "count", "preferred_count", "uses", "evidence"})


class ListedNames(Check):
    """A names rule that reads the newsroom names list (shipped lists for the house style plus `names = [...]`)."""

    ARGS = NAME_ARGS

    @cached_property
    def names(self) -> NamesList:
        return load_names(self.context.style, self.context.names_files)

    def may_be_slip(self, key: str, inventory: NameInventory) -> bool:
        """A listed name, a rejected form (the list's business) or a word the story writes in lowercase is not."""
        return key not in self.names.known and key not in self.names.rejected and key not in inventory.lowercase


class NearNames(ListedNames):
    """A names rule that compares spellings: the keys of nearness, derivations and titles."""

    PARAMS = {
        "min-length": Param(int, 4, "shortest name (letters) compared with others"),
        "max-edits": Param(int, 2, "most letter edits (transposition = 1) between a slip and the name"),
        "max-relative-distance": Param((float, int), 0.2, "most edits per letter of the longer form"),
        "word-min-frequency": Param(int, 1, "dictionary frequency from which a form counts as an English word"),
        "derivations": Param(list, [], "suffixes that make a related name, not a slip (Israel/Israeli)"),
        "plurals": Param(list, [], "plural endings: a name and its plural are one name (Beatle/Beatles)"),
        "titles": Param(list, [], "capitalised words before a name that are not first names"),
        "personal-names": Param(str, "", "a file under rules/data/ of common first names and surnames"),
    }  # fmt: skip

    def setup(self) -> None:
        p = self.params
        if p["min-length"] < 2 or p["max-edits"] < 1 or not 0 < p["max-relative-distance"] < 1:
            raise ValueError("'min-length' >= 2, 'max-edits' >= 1 and 0 < 'max-relative-distance' < 1")
        self.nearness = Nearness(p["min-length"], p["max-edits"], float(p["max-relative-distance"]))
        self.derivations = frozenset(p["derivations"])
        self.plurals = frozenset(p["plurals"])
        self.titles = frozenset(fold(t) for t in p["titles"])
        self.personal = personal_names(p["personal-names"]) if p["personal-names"] else frozenset()

    def related(self, a: str, b: str) -> bool:
        """One name's derived forms ("Israel", "Israeli", "Israelis"), not a slip; the stem must be a known word
        or name, so that "Qanta" beside "Qantas" is a dropped letter."""
        if is_derivation(a, b, self.plurals, {a, b}):
            return True  # "the Beatles" and "a Beatle", "Whitbreads": plurals need no dictionary
        stems = {k for k in (a, b, *_stems(a, b)) if k in self.names.known or english.frequency(k) > 0}
        return is_derivation(a, b, self.derivations, stems)


def _stems(a: str, b: str) -> list[str]:
    """Candidate stems of two forms: their longest common beginning and one letter less."""
    common = len(next((p for p in _prefixes(a) if b.startswith(p)), ""))
    return [a[:common], a[: common - 1]] if common > 1 else []


def _prefixes(word: str) -> Iterable[str]:
    return (word[:i] for i in range(len(word), 0, -1))


def bracketed_code(text: str, word: NameWord) -> bool:
    """An all-capital form alone in brackets: a ticker ("<CYTR>") or an acronym ("(LIBOR)")."""
    before = text[word.start - 1 : word.start]
    after = text[word.end : word.end + 1]
    return word.form.isupper() and before in ("<", "(") and after in (">", ")")
