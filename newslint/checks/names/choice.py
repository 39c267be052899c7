"""The `names-choice` rule type: one name written with and without diacritics or a particle capital.

"Rodriguez" and "Rodríguez", or "al-Aqsa" and "Al-Aqsa" mid-sentence, in one story: not an error but a house
choice (AP allows accents a person uses) to make once. The story's usual form wins; a tie goes to the first.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newslint.checks.base import Check, majority
from newslint.checks.names.inventory import fold, inventory_of
from newslint.finding import Hit
from newslint.text.story import Story


@dataclass(frozen=True)
class Written:
    """A whole token as written (hyphen compounds kept)."""

    start: int
    end: int
    form: str
    ambiguous: bool  # its capital may come from its place (sentence start, headline)


class Choice(Check):
    """Minority forms of one name by diacritics or by the capital of a particle; the rule takes no keys."""

    ARGS = frozenset({"suggestion", "count", "preferred_count", "uses", "evidence"})

    def hits(self, story: Story) -> Iterable[Hit]:
        return choice_hits(story)


def choice_hits(story: Story) -> Iterable[Hit]:
    """Minority forms of each name: by diacritics anywhere, by capitals where the capital is the writer's."""
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for start, form in _whole_names(story):
        groups[fold(form)].append((start, form))
    ambiguous: dict[int, bool] | None = None
    for spelt in groups.values():
        if len(spelt) < 2 or all(form.replace("’", "'") == spelt[0][1].replace("’", "'") for _, form in spelt):
            continue  # one spelling throughout, as for nearly every name: nothing to choose
        if ambiguous is None:
            ambiguous = {w.start: w.ambiguous for words in inventory_of(story).words.values() for w in words}
        found = [Written(start, start + len(form), form, ambiguous.get(start, False)) for start, form in spelt]
        # "Rodríguez" beside "Rodriguez"; a curly or straight apostrophe ("I’m", "I'm") is typography, not a choice.
        hits = {h.start: h for h in _minority(found, lambda w: w.form.replace("’", "'").casefold())}
        placed = [w for w in found if not w.ambiguous]  # a sentence may open with "Al-Aqsa"
        if any(_inner_capital(w.form) for w in placed):
            hits.update({h.start: h for h in _minority(placed, lambda w: _plain(w.form))})  # "al-Aqsa"
        yield from hits.values()


def times(count: int) -> str:
    """ "once", "twice", "3 times": for messages."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _whole_names(story: Story) -> Iterable[tuple[int, str]]:
    """Start and form of the tokens that hold a capital or a diacritic, all-capital ones left out (a dateline
    city)."""
    for token, form in zip(story.tokens, story.token_forms):
        if form.islower() and (form.isascii() or form == _plain(form)) or len(form) > 1 and form.isupper():
            continue
        yield token.start, form


def _plain(form: str) -> str:
    """The form without diacritics, case kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


def _inner_capital(form: str) -> bool:
    """A capital after the first letter: "al-Aqsa", "McDonald"."""
    return any(c.isupper() for c in form[1:])


def _minority(found: list[Written], shape: Callable[[Written], str]) -> Iterable[Hit]:
    """Occurrences whose shape is not the story's usual one; the first-seen shape wins a tie."""
    majority_shape = majority(shape(w) for w in found)
    if majority_shape is None:
        return
    usual, tally = majority_shape
    shown = next(w.form for w in found if shape(w) == usual)
    for written in found:
        if shape(written) != usual:
            args = {
                "suggestion": shown,
                "count": tally[shape(written)],
                "preferred_count": tally[usual],
                "uses": times(tally[usual]),
                "evidence": "",
            }
            yield Hit(written.start, written.end, args, (shown,))
