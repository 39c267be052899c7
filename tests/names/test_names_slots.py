"""Repeated slips, ties, full names and the false alarms clean copy used to raise."""

from __future__ import annotations

import pytest

from newslint.config import Settings
from newslint.linter import Linter

LEAD = "Talks resume in Jerusalem\n\nJERUSALEM (AP) — "


def flagged(text: str, families: tuple[str, ...] = ("names",)) -> list[tuple[str, str, str]]:
    found = Linter(isolated=True).lint_text(text, "story.txt", Settings(select=families)).findings
    return [(f.rule, f.matched, f.suggestions[0] if f.suggestions else "") for f in found]


def test_a_minority_form_used_twice_is_flagged_each_time() -> None:
    text = LEAD + (
        "Bill Cronin said the fund was sound. Cronin added that Cronin's team agreed. "
        "Later Chronin said talks would resume, and Chronin left."
    )
    assert flagged(text) == [("names.variant", "Chronin", "Cronin")] * 2


def test_a_word_or_common_name_used_again_is_meant() -> None:
    text = LEAD + "Maura Healey said it. Laura Smith agreed, and Laura left. Laura came back."
    assert flagged(text) == []
    text = LEAD + "The V510 costs less. The V530 and the V530 model cost more than the V510 and V510 plus."
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "slip", "name"),
    [
        ("A tape from Osama bin Lady was aired on Friday.", "Lady", "Laden"),
        ("The trial of Saddle Hussein resumed on Monday.", "Saddle", "Saddam"),
        ("Yasser Arafa spoke to reporters.", "Arafa", "Arafat"),
    ],
)
def test_a_listed_full_name_with_one_part_slipped_is_flagged(text: str, slip: str, name: str) -> None:
    assert flagged(LEAD + text) == [("names.near-listed", slip, name)]


@pytest.mark.parametrize(
    "text",
    [
        "Afghan President Ashraf Ghani spoke. Ghani said Ghana was a friend, and Ghani left.",
        "House Speaker James Wright, a Texas Democrat, met key House Democratic and Democratic Party members.",
        "Shares of CYTRX <CYTR> rose. CYTRX and CYTRX units gained.",
        "Interest was set at one point over Libor, the London rate.",
        "Jumardi Jukardi, head of Pertamina, said Jukardi and Jukardi's staff agreed.",
    ],
    ids=["name-used-three-times", "forms-of-one-word", "ticker", "listed-term", "two-parts-of-one-name"],
)
def test_clean_copy_stays_silent(text: str) -> None:
    assert flagged(LEAD + text) == []


def test_curly_and_straight_apostrophes_are_no_choice() -> None:
    text = LEAD + '"I\'m here," she said. "I’m staying," she added. I\'m sure.'
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "slip", "name"),
    [
        ("Afghan leader Hamid Karzai met envoys. Karzai said talks went well. Later Hamid Karma told reporters.",
         "Karma", "Karzai"),
        ("President Bush spoke on Monday. Bush said the plan was sound, and President Bus said it again.",
         "Bus", "Bush"),
        ("Senator Reid spoke on Monday. Mr Reid said the plan was sound. Later Mr Rid said it again.",
         "Rid", "Reid"),
    ],
)  # fmt: skip
def test_in_a_name_slot_a_short_form_or_a_word_two_edits_away_is_a_slip(text: str, slip: str, name: str) -> None:
    assert flagged(LEAD + text) == [("names.variant", slip, name)]


def test_outside_a_name_slot_a_word_two_edits_away_stays_silent() -> None:
    text = LEAD + "Afghan leader Hamid Karzai met envoys. Karzai said talks went well. The karma of the talks was good."
    assert flagged(text) == []
    text = LEAD + "President Bush spoke on Monday. Bush said the plan was sound. The Bus Company agreed."
    assert flagged(text) == []
