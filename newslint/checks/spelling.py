"""The `spelling-typo` rule type: ordinary lowercase words the English dictionary and the newsroom vocabulary lack.

Capitalised words are names, the `names` rules' business. URLs, e-mail addresses and code are masked out
of the story before any check runs; handles (@name), hashtags and path-like words are skipped here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cached_property

import regex

from newslint.checks.base import Check, Param, compile_pattern
from newslint.finding import Hit
from newslint.resources import builtin_data, read_word_list
from newslint.text import english
from newslint.text.segment import Token
from newslint.text.story import Story

_PART = regex.compile(r"[^-]+")
_TECHNICAL = frozenset("@#/\\_=<>~")  # a word touching these is a handle, hashtag, path or code
# In an equivalent's pattern: anything but a plain group, a non-capturing group or a lookaround after "(?",
# and back-references ("\\1", "\\g<1>", "\\k<name>").
_ENTANGLING = regex.compile(r"\(\?(?!<?[=!]|:)|\\[1-9gk]")
_MEMORY = 50_000  # words whose verdict a check remembers across stories before it starts afresh
# Typos of one story that get suggestions, and of those, the ones that may get a two-edit suggestion (a scan
# of the whole dictionary, about 10 ms; one edit costs about 1 ms). Edited copy has a handful of typos at
# most; a story of foreign or garbled words has thousands, and suggesting for each would take minutes.
# Past these limits a typo is still flagged.
_SUGGESTED, _TWO_EDIT_SEARCHES = 500, 50


class Typo(Check):
    """Flag lowercase words unknown to the dictionary, the shipped vocabulary and the newsroom's own."""

    PARAMS = {
        "min-length": Param(int, 3, "shortest word checked (letters)"),
        "min-frequency": Param(int, 1, "dictionary frequency below which a word counts as unknown"),
        "max-repeats": Param(int, 2, "a word used more often than this in one story is taken as deliberate"),
        "suggestions": Param(int, 3, "how many corrections to offer"),
        "split-min-frequency": Param(int, 1000, "both halves of a run-on ('thehuge') must be this common"),
        "equivalents": Param(list, [], "[pattern, replacement] pairs mapping a British or Australian spelling "
                             "to the dictionary's ('our$' -> 'or'); a word whose mapped form is known passes"),
        "contractions": Param(list, [], "endings after an apostrophe that make a contraction ('ll, 've)"),
        "vocabulary-files": Param(list, [], "word lists under rules/data/, one word a line"),
        "prefixes": Param(list, [], "a prefix plus a known word passes ('reoffending', 'unindicted')"),
        "plural-endings": Param(list, [], "endings of a plural ('s', 'es'): a known noun's plural passes"),
        "plural-min-stem": Param(int, 0, "shortest singular (letters) whose plural passes (0: none do)"),
        "plural-nouns": Param(list, [], "plurals that take no ending ('women': 'womens' is a typo for women's)"),
        "compound-min-part": Param(int, 3, "closed compounds ('paceman'): shortest part"),
        "compound-max-length": Param(int, 0, "closed compounds: longest whole word (0: no compounds pass); "
                                     "longer run-ons ('defunctoperator') are typos"),
        "stop-words": Param(list, [], "words that never start or end a closed compound ('thehuge', 'alsosaid')"),
        "name-particles": Param(list, [], "lowercase words of other languages that pass between two capitalised "
                                "words, inside a foreign name ('Fichtel und Sachs', 'Den norske Creditbank')"),
    }  # fmt: skip
    ARGS = frozenset({"suggestion", "hint"})

    def setup(self) -> None:
        pairs = self.params["equivalents"]
        if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs):
            raise ValueError("'equivalents' must be a list of [pattern, replacement] pairs")
        self.equivalents = [(compile_pattern(a), b) for a, b in pairs]
        self.contractions = tuple(c.replace("’", "'") for c in self.params["contractions"])

        shipped = frozenset().union(*(read_word_list(builtin_data(name)) for name in self.params["vocabulary-files"]))
        self.vocabulary = frozenset(w.lower() for w in shipped | self.context.vocabulary)
        self.prefixes = tuple(self.params["prefixes"])
        self.plural_endings = tuple(sorted(self.params["plural-endings"], key=len, reverse=True))
        self.plural_nouns = frozenset(self.params["plural-nouns"])
        self.stop_words = frozenset(self.params["stop-words"])
        self.particles = frozenset(self.params["name-particles"])
        self._known: dict[str, bool] = {}
        self._british: dict[str, bool] = {}

    @cached_property
    def any_equivalent(self) -> regex.Pattern[str] | None:
        """The equivalents joined into one quick test (compiled on first use: most stories have no typo)."""
        return _any_of([pattern.pattern for pattern, _ in self.equivalents])

    def hits(self, story: Story) -> Iterable[Hit]:
        words = self._words(story)
        seen = Counter(word for _, _, word in words)
        repeats = self.params["max-repeats"]
        unknown = self._unknown([w for w, n in seen.items() if n <= repeats])
        typos = [(s, e, w) for s, e, w in words if w in unknown]
        british = bool(typos) and any(self._is_british(w) for w in seen)
        for number, (start, end, word) in enumerate(typos):
            if not self.in_scope(story, start):
                # Dropped by the engine anyway (a metadata line, a quotation): no suggestions, which may scan the
                # whole dictionary. Still counted in `number`, so the typos that count get the same suggestions.
                yield Hit(start, end, {"suggestion": "", "hint": ""}, ())
                continue
            suggestions = self._suggest(word, british, number < _TWO_EDIT_SEARCHES) if number < _SUGGESTED else ()
            best = suggestions[0] if suggestions else ""
            args = {"suggestion": best, "hint": f"; did you mean '{best}'?" if best else ""}
            yield Hit(start, end, args, suggestions)

    def _words(self, story: Story) -> list[tuple[int, int, str]]:
        """Lowercase parts of lowercase tokens, possessives dropped, technical tokens skipped."""
        shortest = self.params["min-length"]
        # Most stories hold no @, #, / or the like at all: then no token needs a look at its sides.
        technical = any(mark in story.text for mark in _TECHNICAL)
        found = []
        forms = story.token_forms
        for index, (token, text) in enumerate(zip(story.tokens, forms)):
            if not text.islower():
                continue  # a name or an acronym
            if text in self.particles and _between_capitals(story, index):
                continue  # a word of a foreign name: "Fichtel und Sachs"
            if text.isalpha():  # no digit, period, hyphen or apostrophe: the word is the token
                if len(text) >= shortest and not (technical and _technical(story, token)):
                    found.append((token.start, token.start + len(text), text))
                continue
            text = text.replace("’", "'")
            if "." in text or any(c.isdigit() for c in text) or technical and _technical(story, token):
                continue
            for part in _PART.finditer(text):
                if len(part.group()) >= shortest:
                    found.append((token.start + part.start(), token.start + part.end(), part.group()))
        return found

    def _unknown(self, words: list[str]) -> set[str]:
        """Those of `words` that are not known; each verdict is remembered across stories, as most words recur."""
        known = self._known
        if len(known) > _MEMORY:
            known.clear()
        for word in words:
            if word not in known:
                known[word] = self._is_known(word)
        return {w for w in words if not known[w]}

    def _is_known(self, word: str) -> bool:
        """In a dictionary, or a prefix or closed compound built of known words."""
        if self._is_listed(word):
            return True
        if any(
            word.startswith(p) and len(word) - len(p) >= 4 and self._is_listed(word[len(p) :]) for p in self.prefixes
        ):
            return True  # "reoffending", "unindicted"
        return self._is_plural(word) or self._is_compound(word)

    def _is_plural(self, word: str) -> bool:
        """The plural of a known noun the dictionary lists only in the singular ("redemptions", "bourses")."""
        shortest = self.params["plural-min-stem"]
        if not shortest:
            return False
        stems = [word[: -len(end)] for end in self.plural_endings if word.endswith(end)]
        return any(len(stem) >= shortest and stem not in self.plural_nouns and self._is_listed(stem) for stem in stems)

    def _is_listed(self, word: str) -> bool:
        """In the vocabulary or the dictionary, as written, as a contraction, or in its American spelling."""
        if word in self.vocabulary or english.is_word(word, self.params["min-frequency"]):
            return True
        if any(word.endswith(c) and self._is_listed(word[: -len(c)]) for c in self.contractions if len(word) > len(c)):
            return True  # "that'll"
        return any(english.is_word(p.sub(r, word), self.params["min-frequency"]) for p, r in self.equivalents)

    def _is_compound(self, word: str) -> bool:
        """A short closed compound of two known words ("paceman", "gasfield"); long run-ons are typos."""
        shortest = self.params["compound-min-part"]
        if len(word) > self.params["compound-max-length"]:
            return False
        for cut in range(shortest, len(word) - shortest + 1):
            head, tail = word[:cut], word[cut:]
            if (
                head not in self.stop_words
                and tail not in self.stop_words
                and self._is_listed(head)
                and self._is_listed(tail)
            ):
                return True
        return False

    def _suggest(self, word: str, british: bool, two_edits: bool) -> tuple[str, ...]:
        """The dictionary's corrections; in British copy, each in its British form where it has one."""
        limit = self.params["suggestions"]
        found = english.corrections(word, limit, two_edits)
        if british or any(p.search(word) for p, _ in self.equivalents):  # "fertalisation" is written British
            found = self._british_forms(word, found) + found
        if word.endswith("s") and english.is_word(word[:-1], self.params["split-min-frequency"]):
            found = (f"{word[:-1]}'s", *found)  # "womens" -> "women's": a dropped apostrophe
        unique = tuple(dict.fromkeys(found))
        return unique[:limit] or _run_on(word, self.params["split-min-frequency"])

    def _british_forms(self, word: str, american: tuple[str, ...]) -> tuple[str, ...]:
        """Words one edit from `word` whose American form is one of the corrections ("colur" -> "colour")."""
        forms = {}
        for candidate in english.english().edit_distance_1(word):
            if self.any_equivalent is not None and not self.any_equivalent.search(candidate):
                continue  # no equivalent applies: its American form is itself (most of the hundreds of candidates)
            mapped = self._american(candidate)
            if mapped in american and mapped != candidate:
                forms[candidate] = american.index(mapped)
        return tuple(sorted(forms, key=lambda c: (forms[c], c)))

    def _american(self, word: str) -> str:
        """The dictionary's spelling of a British form ("colour" -> "color"), or the word itself."""
        if english.is_word(word, self.params["min-frequency"]):
            return word
        for pattern, replacement in self.equivalents:
            mapped = pattern.sub(replacement, word)
            if mapped != word and english.is_word(mapped, self.params["min-frequency"]):
                return mapped
        return word

    def _is_british(self, word: str) -> bool:
        """Known only in its British spelling ("organisation", "colour"): the story is written that way."""
        british = self._british.get(word)
        if british is None:
            british = self._british[word] = word not in self.vocabulary and self._american(word) != word
            if len(self._british) > _MEMORY:
                self._british.clear()
        return british


def _any_of(sources: list[str]) -> regex.Pattern[str] | None:
    """One pattern that matches wherever one of `sources` does, or None when joining them could change one
    (a back-reference, a group call or an inline flag would reach across into another)."""
    if not sources or any(_ENTANGLING.search(source) for source in sources):
        return None
    return compile_pattern("|".join(f"(?:{source})" for source in sources))


def _technical(story: Story, token: Token) -> bool:
    """A word touching @, #, / and the like is a handle, hashtag, path or code, not prose."""
    before = story.text[token.start - 1] if token.start else ""
    after = story.text[token.end] if token.end < len(story.text) else ""
    return before in _TECHNICAL or after in _TECHNICAL


def _run_on(word: str, min_frequency: int) -> tuple[str, ...]:
    """Two common words run together ("thehuge" -> "the huge"), best split first."""
    longest = english.english().longest_word_length  # cuts leaving a longer part cannot split into two words
    splits = [
        (word[:i], word[i:]) for i in range(max(1, len(word) - longest), min(len(word), longest + 1))
        if english.is_word(word[:i], min_frequency) and english.is_word(word[i:], min_frequency)
    ]  # fmt: skip
    splits.sort(key=lambda pair: -min(english.frequency(pair[0]), english.frequency(pair[1])))
    return tuple(f"{a} {b}" for a, b in splits[:1])


def _between_capitals(story: Story, index: int) -> bool:
    """The token at `index` stands between two capitalised words, with only spaces or a hyphen between."""
    if not 0 < index < len(story.tokens) - 1:
        return False
    before, token, after = story.tokens[index - 1], story.tokens[index], story.tokens[index + 1]
    forms = story.token_forms
    gaps = (story.text[before.start + len(forms[index - 1]) : token.start], story.text[token.end : after.start])
    return forms[index - 1][:1].isupper() and forms[index + 1][:1].isupper() and all(g.strip(" -") == "" for g in gaps)
