"""The `names-variant` rule type: a name spelled two ways in one story.

An occurrence that is a likely misspelling of a better-attested name in the same story ("Blinked" once where
"Blinken" is used six times), decided from evidence, every threshold a key of the rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from newslint.checks.base import Param, match_case
from newslint.checks.names.base import NearNames, bracketed_code
from newslint.checks.names.choice import times
from newslint.checks.names.inventory import NameInventory, NameWord, fold, inventory_of
from newslint.checks.names.match import NamePool, Nearness, edits, is_derivation, nearest_among
from newslint.finding import Applicability, Fix, Hit
from newslint.text import english
from newslint.text.story import Story

_ACRONYM = 5  # letters: a shorter all-capital word in running copy is an acronym
_COMMON = 500  # dictionary count from which a capitalised word is an ordinary word, not a first name
# Endings that make another form of one word, not a slip: "Democrat(ic)", "Agricultur(e/al)", "Chairm(e/a)n".
_FAMILY_ENDINGS = frozenset({"", "a", "al", "an", "e", "en", "es", "ian", "ic", "ical", "ism", "ist", "ists", "s"})


class Variant(NearNames):
    """A form used rarely that is one slip from a name the story uses more (or as often, with less evidence)."""

    PARAMS = {
        **NearNames.PARAMS,
        "short-length": Param(int, 0, "a form shorter than this keeps the name's first letter, and a real word "
                              "that short needs a shared neighbour"),
        "max-rare-count": Param(int, 1, "a form used more often than this is not a slip"),
        "min-count": Param(int, 1, "the intended name must be used at least this often"),
        "min-ratio": Param((float, int), 1.0, "and this many times as often as the slip"),
        "plausibility-margin": Param((float, int), 1.0, "between forms used equally often, the one whose least "
                                     "likely letter trigram is this much less likely (log) is the slip"),
        "context-words": Param(list, [], "words that follow a person's name (said, told): evidence of a name"),
        "context-window": Param(int, 2, "how many words after the form are searched for context-words"),
        "frame-stop-words": Param(list, [], "words beside a name that say nothing about it (the, of, his): "
                                  "neither a shared frame nor, among the titles, a person's title"),
        "short-min-count": Param(int, 0, "a short real word needs no frame when the name is used this often "
                                 "(0: always needs one)"),
        "siblings-in-phrase": Param(bool, False, "two derived forms of one stem beside the same capitalised word "
                                    "(\"Kofi Annas\", \"Kofi Annan\") are a slip, not a derivation"),
        "slot-min-length": Param(int, 0, "in a person's slot (after a title, before a verb of saying), a form this "
                                 "long or longer is compared with the story's names (0: never)"),
        "slot-max-relative-distance": Param((float, int), 0.4, "in a person's slot: most edits (at most two) per "
                                            "letter between the form and the name"),
        "foreign-particles": Param(list, [], "function words of other languages (do, des, und): a form beside one "
                                   "is a word of a foreign name (\"Banco do Brasil\"), not a slip of a name the "
                                   "story never writes beside it"),
        "flag-ties-in-phrase": Param(bool, False, "flag both of two forms used equally often beside the same "
                                     "capitalised word, when nothing says which is the name"),
    }  # fmt: skip

    def setup(self) -> None:
        super().setup()
        p = self.params
        self.context_words = frozenset(fold(w) for w in p["context-words"])
        self.stop_words = frozenset(fold(w) for w in p["frame-stop-words"])
        self.person_titles = self.titles - self.stop_words
        self.particles = frozenset(fold(w) for w in p["foreign-particles"])

    def hits(self, story: Story) -> Iterable[Hit]:
        inventory = inventory_of(story)
        shortest = self.nearness.min_length
        # Names used often enough to be the intended form, long enough to compare (the forms close to a slip
        # are searched among these, so the list is cut once, and once per floor below).
        codes = self._codes(story, inventory)
        established = [
            k for k, ws in inventory.words.items()
            if len(ws) >= self.params["min-count"] and len(k) >= shortest and k not in codes
        ]  # fmt: skip
        pools: dict[float, NamePool] = {}
        initials = _by_initial(inventory, self.params["slot-min-length"])
        for key, words in list(inventory.words.items()):
            if len(words) > self.params["max-rare-count"] or not self.may_be_slip(key, inventory):
                continue
            if len(key) < shortest:
                yield from self._slot_hits(story, key, words, inventory, initials)
                continue
            if any(c.isdigit() for c in key) or key in codes:
                continue  # a model number ("V530" beside "V510") or an acronym ("IRNA" beside "Iran"), not a name
            if len(words) > 1 and (english.is_word(key, self.params["word-min-frequency"]) or key in self.personal):
                continue  # a word or a common name used again and again is meant ("Maura", "Song")
            target = self._target(story, key, established, pools)
            if target is None:
                yield from self._slot_hits(story, key, words, inventory, initials)
                continue
            if len(words) > 1 and is_derivation(key, target, {*self.plurals, *self.derivations}, {key, target}):
                continue  # used again and again, a stem of the name is a name of its own ("Saud", "Saudi")
            # Both forms of a tie in one phrase are flagged, each pointing at the other: say so in both. A tie
            # that only clues settle (no list, no count) is said to be one, so the desk checks both forms.
            tied = self._tied_in_phrase(key, target, inventory)
            tie = "; each form is used as often, beside the same name: check which is right" if tied else ""
            if not tied and inventory.count(key) == inventory.count(target) and target not in self.names.known:
                tie = "; each form is used as often: check which is right"
            found = [
                self._variant_hit(word, target, inventory, evidence + tie) for word in words
                if (evidence := self._evidence(story, word, target, inventory)) is not None
            ]  # fmt: skip
            yield from found or self._slot_hits(story, key, words, inventory, initials)

    def _codes(self, story: Story, inventory: NameInventory) -> set[str]:
        """Keys written only as codes: a ticker in brackets ("<CAME>"), or a short all-capital word in the body
        ("IRNA", "NYFE"): acronyms and symbols, neither slips nor names a slip is of."""
        return {
            k for k, ws in inventory.words.items()
            if all(bracketed_code(story.masked, w) or _body_acronym(story, w) for w in ws)
        }  # fmt: skip

    def _slot_hits(
        self, story: Story, key: str, words: list[NameWord], inventory: NameInventory, initials: dict[str, list[str]]
    ) -> Iterable[Hit]:
        """A form where only a person's name stands ("President Bus said", "Mr Karma told") or in the name's own
        phrase ("Hamid Karma" beside "Hamid Karzai") that is one edit from a short name the story uses as a
        person's, or two from a longer one: the autocorrect slip.

        Only a form used once, with the name's first letter, that is no common personal name; the name must be
        used more often and stand in a person's slot itself."""
        slot_length = self.params["slot-min-length"]
        if not slot_length or len(words) > 1 or len(key) < slot_length or key in self.personal:
            return
        if any(c.isdigit() for c in key):
            return
        word = words[0]
        strong = self._in_strong_slot(story, word) and not (word.ambiguous and word.left not in self.person_titles)
        limits = Nearness(slot_length, 2, float(self.params["slot-max-relative-distance"]))
        pool = [k for k in initials.get(key[:1], ()) if k != key]
        close = [
            c for c, _ in nearest_among(key, pool, limits)
            if (strong and self._is_person(story, c) or self._shares_neighbour(word, c, inventory)
                or not word.ambiguous and self._shares_frame(word, c, inventory))
            and self._outranks(story, c, key) and not self._kin(story, key, c) and not _word_family(key, c)
            and not _both_derived(key, c)  # "Foreign Ministry" beside "Foreign Minister": two words
        ]  # fmt: skip
        if close:
            evidence = f"; '{word.form}' stands where this story's name stands"
            yield self._variant_hit(word, max(close, key=inventory.count), inventory, evidence)

    def _in_strong_slot(self, story: Story, word: NameWord) -> bool:
        """After a person's title ("Mr", "President") with no other name beside it, or alone right before a
        verb of saying ("Karma told")."""
        alone = not word.after and (not word.before or word.before in self.person_titles)
        return alone and (word.left in self.person_titles or word.right in self.context_words)

    def _target(self, story: Story, key: str, established: list[str], pools: dict[float, NamePool]) -> str | None:
        """The better-attested name this form is closest to, if any (`pools`: the candidates by floor count)."""
        inventory = inventory_of(story)
        floor = max(self.params["min-count"], self.params["min-ratio"] * inventory.count(key))
        if floor not in pools:
            pools[floor] = NamePool([k for k in established if inventory.count(k) >= floor], self.nearness.max_edits)
        close = [
            (c, d) for c, d in nearest_among(key, pools[floor].candidates(key), self.nearness)
            if not self._kin(story, key, c)
            and (self._outranks(story, c, key) or self._tied_in_phrase(key, c, inventory)
                 and not self._outranks(story, key, c, strongly=True))
        ]  # fmt: skip
        if not close:
            return None
        best = [c for c, d in close if d == close[0][1]]
        return max(best, key=inventory.count)

    def _tied_in_phrase(self, a: str, b: str, inventory: NameInventory) -> bool:
        """Two forms used equally often in one name phrase ("Shane Warne", "Shane Wayne"): one is wrong, and the
        story holds no evidence which, so both are flagged. Titles ("Mr Hall", "Mr Hill") make no phrase."""
        if not self.params["flag-ties-in-phrase"] or inventory.count(a) != inventory.count(b):
            return False
        return self._same_phrase(a, b, inventory)

    def _same_phrase(self, a: str, b: str, inventory: NameInventory) -> bool:
        """The forms stand beside one capitalised word that is no title: "Shane Warne", "Shane Wayne"."""
        befores = (inventory.neighbours_before(a) & inventory.neighbours_before(b)) - self.titles
        afters = (inventory.neighbours_after(a) & inventory.neighbours_after(b)) - self.titles
        return bool(befores or afters)

    def _same_frame(self, a: str, b: str, inventory: NameInventory) -> bool:
        """The same capitalised word on both sides of both forms: one name written two ways."""
        befores = (inventory.neighbours_before(a) & inventory.neighbours_before(b)) - self.titles
        return bool(befores and inventory.neighbours_after(a) & inventory.neighbours_after(b))

    def _kin(self, story: Story, a: str, b: str) -> bool:
        """Forms of one name ("Israel", "Israeli"), not a slip; but two derived forms of a common stem, neither
        the stem nor a plural of the other, are one name spelled two ways when they stand in one name phrase
        ("Torn Bora" beside "Tora Bora"; "South Africa" and "South African" are a name and its derivation) or
        name a person, whose name has no derived forms ("Neville Owes" beside "Mr Owen")."""
        if _word_family(a, b) and not {a, b} & self.personal:
            return True  # "a Texas Democrat" beside "Democratic", "Agriculture" beside "Agricultural"
        if not self.related(a, b):
            return False
        if self._same_frame(a, b, inventory_of(story)):
            return False  # "First Amer-Cable Corp" beside "First Ameri-Cable Corp": one name, not a derivation
        if not self.params["siblings-in-phrase"] or is_derivation(a, b, {*self.plurals, *self.derivations}, {a, b}):
            return True
        titled = any(
            w.left in self.person_titles for w in inventory_of(story).words.get(b, ())
        )  # "Mr Owen", not "Germany said"
        return not (self._same_phrase(a, b, inventory_of(story)) or titled)

    def _outranks(self, story: Story, a: str, b: str, strongly: bool = False) -> bool:
        """Whether form `a` is better attested as the name than form `b`: used more often; between equals,
        listed in the names list; a common first name or surname ("Butler", not "Butter"); clearly more
        English-looking (a slip makes an odd letter sequence: "Wlfowitz"); known to the dictionary (a non-word
        is a typo); more common; the form of the story's first full reference ("Alexander Downer"). When
        nothing decides, neither outranks the other and neither is flagged: flagging the right name as a slip
        of the wrong one is the worst finding a desk can get.

        `strongly`: only the count, the list and the first full reference count; the other steps are clues,
        too weak to clear a form that ties with its neighbour in one name phrase.
        """
        inventory = inventory_of(story)
        margin = self.params["plausibility-margin"]
        steps = (  # (strong, step), evaluated lazily: the trigram model loads only when a tie needs it
            (True, lambda: (inventory.count(a), inventory.count(b))),
            (True, lambda: (a in self.names.known, b in self.names.known)),
            (False, lambda: (a in self.personal, b in self.personal)),
            (False, lambda: _with_margin(english.plausibility(a), english.plausibility(b), margin)),
            (False, lambda: (english.frequency(a) > 0, english.frequency(b) > 0)),
            (False, lambda: (english.frequency(a), english.frequency(b))),
            (True, lambda: (-self._first_full_reference(inventory, a), -self._first_full_reference(inventory, b))),
        )  # which form comes first says nothing: on planted ties it picked the slip a third of the time
        for strong, step in steps:
            if strongly and not strong:
                continue
            mine, theirs = step()
            if mine != theirs:
                return mine > theirs
        return False

    def _first_full_reference(self, inventory: NameInventory, key: str) -> float:
        """Where the story first writes the form in a full name ("Alexander Downer"): a story names a person in
        full first, so between two forms used as often, the one of the first full reference is the name."""
        starts = [w.start for w in inventory.words[key] if w.before and w.before not in self.titles]
        return min(starts, default=float("inf"))

    def _leads_phrase(self, word: NameWord) -> bool:
        """A capitalised word follows: "High Court", "Sooth Australia"."""
        return bool(word.after) and word.after not in self.titles

    def _ends_phrase(self, word: NameWord) -> bool:
        """Last word after a capitalised one that is not a title: a surname ("Peter Balder") or "Supreme Court"."""
        return bool(word.before) and word.before not in self.titles

    def _is_person(self, story: Story, key: str) -> bool:
        """The story uses the form as a person's name: after a title, before a verb of saying, as the first
        name of a surname it also uses alone ("Hamid Karzai" ... "Karzai"), or as the surname after a common
        first name and nothing more ("Ron Grant,")."""
        inventory = inventory_of(story)
        alone = inventory.alone()
        return any(
            self._in_name_slot(story, w) or w.after in alone or self._after_first_name(w)
            for w in inventory.words[key]
        )  # fmt: skip

    def _after_first_name(self, word: NameWord) -> bool:
        """ "Ron Grant": the last word of a name after a common first name that is no ordinary word ("Ron",
        not "Will" or "Bill")."""
        first = word.before
        return bool(first and not word.after and first in self.personal and not _common(first) and word.key != first)

    def _in_name_slot(self, story: Story, word: NameWord) -> bool:
        """Standing alone where a person's name stands: after a title, or before a verb of saying."""
        beside = {n for n in (word.before, word.after) if n and n not in self.titles}
        return not beside and (word.before in self.titles or self._followed_by_context(story, word))

    def _evidence(self, story: Story, word: NameWord, target: str, inventory: NameInventory) -> str | None:
        """Why this occurrence is a slip for `target`, or None when it may well be a different name."""
        if self._different_person(story, word, target) or target in (word.before, word.after):
            return None  # "Jumardi Jukardi": one name's two parts, not a slip and its name
        if bracketed_code(story.masked, word):
            return None  # a ticker or an acronym in brackets: "<CYTR>", "(LIBOR)"
        if self._foreign(word, target, inventory):
            return None  # "Banco do Brasil" beside "Brazil", "Institut des" beside "Institute": another language
        if (
            word.key[:1] != target[:1]
            and word.key in self.personal
            and not self._shares_neighbour(word, target, inventory)
        ):
            return None  # "Maura Healey" beside "Laura Smith": two common names, two people
        short = len(word.key) < self.params["short-length"]
        if short and word.key[:1] != target[:1]:
            return None  # "Jour" is not "Tour": in a short name a different first letter is another name
        if not english.is_word(word.key, self.params["word-min-frequency"]):
            return ""  # a non-word one slip from a name the story uses
        shared = self._shares_neighbour(word, target, inventory) or self._shares_frame(word, target, inventory)
        floor = self.params["short-min-count"]
        attested = 0 < floor <= inventory.count(target) and not word.ambiguous  # "Gala" beside four "Gaza"
        if short and not (shared or attested or word.possessive or self._in_person_frame(story, word, target)):
            return None  # "Tent" beside "Test": in a short word one edit is too much without a name's frame
        # (a shared frame, a name used twice, a possessive as in "above Gaze's north", or a person's slot)
        if word.ambiguous and not (shared or self._followed_by_context(story, word)):
            return None  # an ordinary word capitalised by its place (sentence start, headline)
        # An ordinary word in a longer name ("High Court") is no slip, unless the name it is close to leads
        # phrases too ("Sooth Africa" beside "South Australia") or is a person's ("Peter Balder", "Mr Balmer");
        # a title ("Mr Creak") makes no phrase.
        personal = target in self.personal  # "Saran Payne" beside "Sarah": a first name leads a phrase
        leads = (
            self._leads_phrase(word) and not personal and not inventory_of(story).neighbours_after(target) - self.titles
        )
        if not shared and (leads or self._ends_phrase(word) and not (personal or self._is_person(story, target))):
            return None
        return f"; '{word.form}' is an English word used here as a name"

    def _foreign(self, word: NameWord, target: str, inventory: NameInventory) -> bool:
        """A foreign function word beside the form ("do Brasil", "Arabe de") that never stands beside the name:
        the form is a word of a name in another language, spelled its own way."""
        beside = {w for w in (word.left, word.right) if w in self.particles}
        if not beside:
            return False
        return not any({w.left, w.right} & beside for w in inventory.words.get(target, ()))

    def _shares_neighbour(self, word: NameWord, target: str, inventory: NameInventory) -> bool:
        """ "Antony Blinked" where the story has "Antony Blinken": the same name phrase."""
        return bool(
            word.before
            and word.before in inventory.neighbours_before(target)
            or word.after
            and word.after in inventory.neighbours_after(target)
        )

    def _shares_frame(self, word: NameWord, target: str, inventory: NameInventory) -> bool:
        """ "bin Leaden" beside "bin Laden", "first Tent" beside "first Test": a word on the same side of both
        forms, in any case, that is not a function word."""
        others = inventory.words.get(target, ())
        lefts = {w.left for w in others} - self.stop_words
        rights = {w.right for w in others} - self.stop_words
        if word.left and word.left in lefts or word.right and word.right in rights:
            return True
        # Two words, one of them no function word: "Ernst and Yong" beside "Ernst and Young".
        frames = [({(w.left2, w.left) for w in others}, (word.left2, word.left))]
        frames.append(({(w.right, w.right2) for w in others}, (word.right, word.right2)))
        return any(all(pair) and pair in pairs and not set(pair) <= self.stop_words for pairs, pair in frames)

    def _in_person_frame(self, story: Story, word: NameWord, target: str) -> bool:
        """Where only a person's name stands: after a title ("Mr Keep", "President Bust"), right before a verb
        of saying ("Pane said"; "the Rein family agreed" is no person's name), or in the slot of a person's
        name the story uses: a first name before a surname it uses alone ("Tory Lockett" beside "Tony" and
        "Lockett"), a surname after a common first name ("Gerald Form" beside "Mr Ford said")."""
        if word.left in self.person_titles or word.right in self.context_words:
            return True
        inventory = inventory_of(story)
        first_slot = target in self.personal and any(
            not w.before and not w.after for w in inventory.words.get(word.after or "", ())
        )
        surname_slot = word.before in self.personal and self._is_person(story, target)
        return bool(first_slot or surname_slot)

    def _different_person(self, story: Story, word: NameWord, target: str) -> bool:
        """Another first name before the surname ("David Warner" beside "Shane Warne"), or another surname
        after the first name, is another person.

        Only for a person (a form the story puts after a title or before a verb of saying) not on the list.
        """
        befores = inventory_of(story).neighbours_before(target) - self.titles
        afters = inventory_of(story).neighbours_after(target) - self.titles
        partners = self.names.partners.get(target, frozenset())
        if (
            word.before
            and partners
            and word.before not in partners | befores | self.titles
            and (word.before in self.personal or not _common(word.before))
        ):
            return True  # "Sayed Hamed Gailani" beside the listed "Hamid Karzai"
        if target in self.names.known or not self._is_person(story, target):
            return False  # "Western Australia" beside "South Australia", "Boston Airport": one place
        other_first = (
            word.before
            and word.before not in self.titles | befores
            and befores
            and (word.before in self.personal or not _common(word.before))
        )  # "David Warner" is another person; "Later Chronin said": a capitalised common word is no first name
        other_last = word.after and word.after not in self.titles and afters and word.after not in afters
        return bool(other_first or other_last)  # "Sayed Hamed Gailani" beside "Hamid Karzai"

    def _followed_by_context(self, story: Story, word: NameWord) -> bool:
        """A verb of saying after the form ("Blinked reportedly told"): it stands where a name stands."""
        following = regex.findall(r"\p{L}+", story.masked[word.end : word.end + 80])
        return any(fold(w) in self.context_words for w in following[: self.params["context-window"]])

    def _variant_hit(self, word: NameWord, target: str, inventory: NameInventory, evidence: str) -> Hit:
        usual = _usual_form(inventory.words[target])
        # "Australain" beside "Australia": the slip is closer to a derived form, so suggest "Australian".
        derived = [
            usual + s for s in sorted(self.derivations)
            if s[0] != usual[-1] and fold(usual + s) != word.key and english.is_word(usual + s)
        ]  # fmt: skip
        shown = min([usual, *derived], key=lambda form: edits(word.key, fold(form)))
        suggestion = match_case(shown, word.form) if word.form.isupper() else shown
        preferred = inventory.count(target)
        args = {
            "suggestion": suggestion, "count": 1, "preferred_count": preferred, "uses": times(preferred),
            "evidence": evidence,
        }  # fmt: skip
        return Hit(word.start, word.end, args, (suggestion,), Fix(suggestion, Applicability.UNSAFE))


def _with_margin(a: float, b: float, margin: float) -> tuple[float, float]:
    """The pair as it is when it differs by at least `margin`, else a tie."""
    return (a, b) if abs(a - b) >= margin else (0.0, 0.0)


def _usual_form(words: list[NameWord]) -> str:
    """The spelling the story uses most where the capitals are its own (not all caps, not a headline)."""
    plain = [w.form for w in words if not w.ambiguous] or [w.form for w in words]
    return Counter(plain).most_common(1)[0][0]


def _common(word: str) -> bool:
    """A common English word ("New" in "New Sooth Wales"), not a first name that marks another person."""
    return english.frequency(word) >= _COMMON


def _both_derived(a: str, b: str) -> bool:
    """Two common words of one stem ("Minister", "Ministry"; "Nations", "Nationals"): two words, no slip."""
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= 4 and _common(a) and _common(b)


def _word_family(a: str, b: str) -> bool:
    """Two dictionary words that differ only by a derivational ending ("Democrat", "Democratic"; "Chairmen",
    "Chairman"; "Agriculture", "Agricultural"): one word's forms, each capitalised by its place in a name."""
    if not (english.is_word(a) and english.is_word(b)):
        return False
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= 4 and a[common:] in _FAMILY_ENDINGS and b[common:] in _FAMILY_ENDINGS


def _body_acronym(story: Story, word: NameWord) -> bool:
    """A short all-capital word outside the headline: an acronym ("IRNA", "NYFE"), not a name in capitals."""
    return len(word.form) <= _ACRONYM and word.form.isupper() and story.block_at(word.start) != "headline"


def _by_initial(inventory: NameInventory, shortest: int) -> dict[str, list[str]]:
    """The story's keys of at least `shortest` letters by first letter, in inventory order: a slot slip's
    candidates, grouped once per story (a scan of every key for each rare form was quadratic: 100,000
    characters of distinct capitalised words took 30 s)."""
    groups: dict[str, list[str]] = {}
    if shortest:
        for key in inventory.words:
            if len(key) >= shortest:
                groups.setdefault(key[:1], []).append(key)
    return groups
