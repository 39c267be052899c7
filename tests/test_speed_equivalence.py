"""Speed work must not change what is found: each fast form against the plain one it replaced."""

from __future__ import annotations

from pathlib import Path

from newslint.checks.names.inventory import fold
from newslint.checks.names.places import PLACES_FILE, gazetteer
from newslint.linter import Linter
from newslint.resources import builtin_data, read_lines
from newslint.text import english

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinhua-blinken.txt"


def _plain_gazetteer() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """The gazetteer as first written: every word of every line folded on its own."""
    words: set[str] = set()
    well_known: dict[str, str] = {}
    single: dict[str, str] = {}
    for line in read_lines(builtin_data(PLACES_FILE), "gazetteer"):
        known = line.startswith("+")
        name = line.lstrip("+")
        if known and " " not in name and "-" not in name:
            single.setdefault(fold(name), name)
        for word in name.replace("-", " ").split():
            key = fold(word)
            words.add(key)
            if known and word[:1].isupper():
                well_known.setdefault(key, word)
    return frozenset(words), well_known, single


def test_gazetteer_folds_the_ascii_names_at_once_to_the_same_keys():
    words, well_known, single = _plain_gazetteer()
    built = gazetteer()
    assert built.words == words
    assert list(built.well_known_words.items()) == list(well_known.items())
    assert list(built.well_known_single.items()) == list(single.items())


def test_spelling_suggests_nothing_for_a_word_out_of_scope(monkeypatch):
    """'huaxia' on the `Editor:` line is out of the spelling rule's scope: no dictionary scan for it."""
    asked: list[str] = []
    plain = english.corrections

    def recording(word: str, limit: int, two_edits: bool = True) -> tuple[str, ...]:
        asked.append(word)
        return plain(word, limit, two_edits)

    monkeypatch.setattr(english, "corrections", recording)
    result = Linter(isolated=True, select=("ALL",)).lint_text(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE))
    assert "huaxia" not in asked
    assert any(f.matched == "Blinked" for f in result.findings)  # the story is still checked


def test_the_check_built_to_validate_a_rule_serves_one_build_only():
    """A pack's load builds each check once (to report a bad table); the first run with the default context
    takes that check, and every later build is a fresh one, so no two linters share a check's state."""
    from newslint.checks.base import Context
    from newslint.packs import builtin_pack_paths, load_packs

    rule = next(r for r in load_packs(builtin_pack_paths()) if r.id == "spelling.typo")
    spare = rule.spare[0]
    first, second = rule.build(Context()), rule.build(Context())
    assert first is spare and second is not spare
    assert type(second) is type(first) and first.scopes == second.scopes == rule.scopes
    assert rule.build(Context(style="reuters")).context.style == "reuters"


def test_slot_slip_candidates_grouped_by_initial_are_the_plain_scan():
    """names.variant's slot slips look among the story's keys with the same first letter: grouped once per
    story, in inventory order, they are exactly the keys the scan of every key for each form found."""
    import random
    import string

    from newslint.checks.names.inventory import inventory_of
    from newslint.checks.names.variant import _by_initial
    from newslint.text.story import Story

    rng = random.Random(19)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 8))).title() for _ in range(3000)]
    inventory = inventory_of(Story(" ".join(words) + ".\n\nÉmile Zola met Émile and Ülker.\n", "s.txt"))
    for shortest in (3, 4):
        groups = _by_initial(inventory, shortest)
        for key in inventory.words:
            plain = [k for k in inventory.words if k != key and k[:1] == key[:1] and len(k) >= shortest]
            assert [k for k in groups.get(key[:1], ()) if k != key] == plain
