"""The spelling check: lowercase typos only, with the newsroom vocabulary and British/Australian forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.checks.spelling import _SUGGESTED, _any_of
from newslint.config import Settings
from newslint.linter import Linter
from newslint.text import english


def typos(text: str, vocabulary: tuple[Path, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    settings = Settings(select=("spelling",), vocabulary=vocabulary)
    findings = Linter(isolated=True).lint_text(text, "story.txt", settings).findings
    return [(f.matched, f.suggestions) for f in findings]


def test_a_typo_is_flagged_with_the_likely_word_first() -> None:
    found = typos("The goverment said officials recieved the report.")
    assert [(word, suggestions[0]) for word, suggestions in found] == [
        ("goverment", "government"),
        ("recieved", "received"),
    ]


def test_long_typos_get_two_edit_suggestions() -> None:
    (found,) = typos("There are inconsistancies in the account.")
    assert found == ("inconsistancies", ("inconsistencies",))


def test_a_story_of_many_typos_has_every_one_flagged_but_suggestions_only_for_the_first() -> None:
    # Garbled or foreign copy: suggesting for thousands of words would take minutes, flagging them does not.
    common = [w for w in english.english().words() if len(w) >= 7 and w.isalpha() and english.frequency(w) > 500]
    slips = [w[:2] + w[3] + w[2] + w[4:] for w in common]  # one transposition each: "goevrnment"
    slips = list(dict.fromkeys(s for s in slips if not english.is_word(s)))[: _SUGGESTED + 100]
    found = typos("Officials said " + " and ".join(slips) + ".")
    assert len(found) > _SUGGESTED + 20  # a few slips make compounds of known words ("aim" + "lent") and pass
    assert all(suggestions for _, suggestions in found[:_SUGGESTED])
    assert not any(suggestions for _, suggestions in found[_SUGGESTED:])


def test_a_run_on_suggests_the_split() -> None:
    assert typos("Crews cleared thehuge trees.") == [("thehuge", ("the huge",))]


def test_capitalised_words_are_left_to_the_names_rules() -> None:
    assert typos("Netanyahu met Zelenskyy and Barnea in Rafah.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The organisation's defence centre was criticised for its colour and behaviour.",
        "They travelled 40 kilometres to the programme, a favourite of paedophile hunters' critics.",
        "Scepticism grew as counselling ended.",
        "Prisoners were reoffending and unindicted co-conspirators fled.",
    ],
)
def test_british_and_australian_spellings_and_prefixes_pass(text: str) -> None:
    assert typos(text) == []


def test_urls_emails_handles_and_hashtags_are_skipped() -> None:
    text = "See https://example.org/plannning or write to plannning@example.org, @plannningdesk and #plannning."
    assert typos(text) == []


def test_the_newsroom_vocabulary_from_config_is_used(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# our words\nwarrawong\n", encoding="utf-8")
    assert [word for word, _ in typos("The warrawong project began.")] == ["warrawong"]
    assert typos("The warrawong project began.", vocabulary=(words,)) == []


def test_a_word_used_again_and_again_is_taken_as_deliberate() -> None:
    assert typos("The zorbing park opened; zorbing fans came; zorbing is popular.") == []
    assert [m for m, _ in typos("The zorbing park opened.")] == ["zorbing"]


def test_the_dictionary_loads_once_per_process() -> None:
    assert english.english() is english.english()


def test_a_story_written_in_british_spelling_gets_british_suggestions_first() -> None:
    british = dict(typos("The organisation said the colur was wrong."))
    american = dict(typos("The organization said the colur was wrong."))
    assert british["colur"][0] == "colour"
    assert american["colur"][0] == "color"


def test_equivalents_are_joined_into_one_quick_test_only_when_that_changes_none() -> None:
    joined = _any_of(["our", "tre(?=s?$)", "is(?=(e|ed)$)", "(?<!a)ae"])
    assert joined is not None
    assert [bool(joined.search(w)) for w in ("colour", "centres", "organise", "paediatric", "baaed")] == [
        True, True, True, True, False,
    ]  # fmt: skip
    for entangling in (r"(a)\1", "(?i)our", "(?P<x>a)", "(?1)"):
        assert _any_of(["our", entangling]) is None


def test_a_dropped_apostrophe_is_suggested_first() -> None:
    assert typos("She won the womens final.")[0][1][0] == "women's"


def test_current_news_words_and_wire_abbreviations_pass() -> None:
    text = "The webinar on malware and ransomware, exoplanets, quinoa at 60 mph; profit of 5 mln dlrs, up 3 pct."
    assert typos(text) == []


def test_plurals_of_known_nouns_pass_but_not_an_s_on_an_irregular_plural() -> None:
    assert typos("Early redemptions and the bourses of Zurich were discussed.") == []
    assert [word for word, _ in typos("She won the womens final.")] == ["womens"]
    assert [word for word, _ in typos("The goverments met.")] == ["goverments"]  # a typo's plural is a typo


def test_a_foreign_function_word_passes_only_inside_a_name() -> None:
    def typos(text: str) -> list[str]:
        found = Linter(isolated=True).lint_text(text, "story.txt", Settings(select=("spelling",))).findings
        return [f.matched for f in found]

    assert typos("Mannesmann bought into Fichtel und Sachs and Den norske Creditbank on Monday.") == []
    assert typos("He said the und was lost on Monday.") == ["und"]  # not between two capitalised words
