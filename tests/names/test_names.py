"""The names checks: the story's name inventory, in-story variants, the names list, and spelling choices."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.names.inventory import fold, inventory_of
from newslint.checks.names.match import NamePool, Nearness, is_derivation, nearest, nearest_among
from newslint.checks.names.nameslist import load_names
from newslint.config import Settings
from newslint.errors import NewslintError
from newslint.linter import Linter
from newslint.packs import builtin_pack_paths, load_packs
from newslint.text.story import Story

ROOT = Path(__file__).resolve().parents[2]
RULES = load_packs(builtin_pack_paths())
LEAD = "Talks resume in Jerusalem\n\nJERUSALEM (AP) — "


def names_findings(text: str, style: str = "ap", names: tuple[Path, ...] = ()) -> list:
    settings = Settings(style=style, select=("names",), names=names)
    return Linter(isolated=True).lint_text(text, "story.txt", settings).findings


def flagged(text: str, **kwargs) -> list[tuple[str, str, str]]:
    return [(f.rule, f.matched, f.suggestions[0] if f.suggestions else "") for f in names_findings(text, **kwargs)]


# --- the inventory -------------------------------------------------------------------------------------


def test_inventory_counts_names_without_possessives_and_splits_hyphen_compounds() -> None:
    story = Story.snippet("Blinken's aides met Blinken. The Israel-Hamas war goes on; Hamas-run ministries said so.")
    inventory = inventory_of(story)
    assert inventory.count("blinken") == 2
    assert inventory.count("hamas") == 2
    assert inventory.count("israel") == 1
    assert "aides" in inventory.lowercase


def test_inventory_marks_positional_capitals_and_neighbours() -> None:
    story = Story.snippet('Officials said Antony Blinken left. "Blinken will return," they said. JERUSALEM is calm.')
    words = {w.form: w for ws in inventory_of(story).words.values() for w in ws}
    assert words["Officials"].ambiguous  # sentence start
    assert words["JERUSALEM"].ambiguous  # all capitals
    assert not words["Antony"].ambiguous
    first, second = inventory_of(story).words["blinken"]
    assert first.before == "antony" and not first.ambiguous
    assert second.ambiguous  # opens a quotation


# --- names.variant -----------------------------------------------------------------------------------


def test_xinhua_story_has_exactly_the_blinked_finding() -> None:
    path = ROOT / "examples" / "xinhua-blinken.txt"
    settings = Settings(select=("names", "spelling"))
    findings = Linter(isolated=True).lint_text(path.read_text(encoding="utf-8"), str(path), settings).findings
    assert [(f.rule, f.line, f.column, f.matched, f.suggestions[0]) for f in findings] == [
        ("names.variant", 23, 104, "Blinked", "Blinken")
    ]
    assert "6 times" in findings[0].message


BLINKEN = LEAD + "Antony Blinken met Israeli leaders on Friday. Blinken said the talks went well, and Blinken left. "


@pytest.mark.parametrize("slip", ["Blinekn", "Blnken", "Blinkenn", "Blonken", "Blinked"])
def test_a_slip_of_a_name_the_story_uses_is_flagged_with_the_name(slip: str) -> None:
    found = flagged(BLINKEN + f"Aides said {slip} would return on Monday.")
    assert found == [("names.variant", slip, "Blinken")]


def test_short_names_need_the_same_first_letter_and_for_real_words_a_shared_neighbour() -> None:
    base = LEAD + "Mr Reid said the plan was sound. Mr Reid left, and Tour officials agreed. "
    assert flagged(base + "Later Mr Riid told reporters.") == [("names.variant", "Riid", "Reid")]
    assert flagged(base + "Later Mr Rein told reporters.") == [("names.variant", "Rein", "Reid")]  # shared "Mr"
    once = LEAD + "Mr Reid said the plan was sound, and Tour officials agreed. "
    assert flagged(once + "The Rein family agreed.") == []  # a real word with nothing tying it to one Reid
    assert flagged(base + "The Rein family agreed.") == [("names.variant", "Rein", "Reid")]  # two Reids: attested
    assert flagged(base + "Jour officials agreed.") == []  # another first letter: another name


def test_the_message_gives_the_evidence() -> None:
    (finding,) = names_findings(BLINKEN + "Aides said Blinked told reporters he would return.")
    assert "3 times" in finding.message and "English word" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Australia beat Austria on Friday. Australia scored twice, and Australia held on.",
        "Hamas said its envoys reached Hama. Hamas gave no details, and Hamas declined to comment.",
        "Hillary Clinton and Bill Clinton arrived. Clinton spoke first, and Clinton left early.",
        "Shane Warne took five wickets. Warne bowled well, and Warne was the star. David Warner made 20.",
        "Blinken arrived. Blinken met the minister. Blinked and dazed, reporters waited for Blinken.",
        "The High Court ruled. Court officials said the ruling, the Court's first, was final.",
        "Israel and Israeli officials met. Israel said the Israelis would attend, and Israel agreed.",
    ],
    ids=["austria-australia", "hamas-hama", "shared-surname", "other-first-name", "sentence-start",
         "capitalised-word", "derivation"],
)  # fmt: skip
def test_legitimately_different_names_stay_silent(text: str) -> None:
    assert flagged(LEAD + text) == []


def test_a_common_word_capitalised_in_a_name_slot_is_a_real_word_slip() -> None:
    text = LEAD + "Mr Crean said the deal was done. Mr Crean left. Later Mr Creak told reporters it was signed."
    assert flagged(text) == [("names.variant", "Creak", "Crean")]


def test_a_short_real_word_in_a_person_frame_or_a_shared_frame_is_a_slip() -> None:
    text = LEAD + "Environment Minister David Kemp spoke on Monday. Later Mr Keep says the plan will work."
    assert flagged(text) == [("names.variant", "Keep", "Kemp")]  # a title before it: a person's name
    text = LEAD + "Ernst and Young audited the firm. The Ernst and Yong report was handed to the board."
    assert flagged(text) == [("names.variant", "Yong", "Young")]  # "Ernst and" before both: one frame
    text = LEAD + "Rockets hit Gaza on Monday. Helicopters flew over Gaze's north on Tuesday."
    assert flagged(text) == [("names.variant", "Gaze", "Gaza")]  # a possessive: a name's frame
    text = LEAD + "He played in the first Test against India. Lee took two wickets in the Tent against England."
    assert flagged(text) == [("names.variant", "Tent", "Test")]  # "against" after both: one frame
    text = LEAD + "He played his first Test in Adelaide. The Tent Embassy stood in Canberra."
    assert flagged(text) == []  # nothing ties "Tent" to "Test"


def test_a_tie_flags_only_the_form_the_evidence_calls_the_slip() -> None:
    # Used once each beside the same name: the odd letter sequence is the slip, and only it is flagged (the
    # right name is never reported as a misspelling of the slip).
    text = LEAD + "Shane Warne took five wickets. Later Shane Wrane said he was tired."
    assert flagged(text) == [("names.variant", "Wrane", "Warne")]
    text = LEAD + "Christmas Island was quiet. The Christmqs Island ferry ran late."
    assert flagged(text) == [("names.variant", "Christmqs", "Christmas")]
    # The names list decides before any clue.
    text = LEAD + "Hamid Karzai arrived. Later Hamid Karzia spoke."
    assert flagged(text) == [("names.variant", "Karzia", "Karzai")]


def test_two_derived_forms_in_one_name_phrase_are_a_slip_but_a_name_and_its_derivation_are_not() -> None:
    text = LEAD + "Troops searched Tora Bora on Monday, and fighters left Tora Bora. Later they fled Torn Bora."
    assert flagged(text) == [("names.variant", "Torn", "Tora")]
    assert flagged(LEAD + "Officials in South Africa met. The South African captain agreed with them.") == []
    text = LEAD + "Mr Owen opened the hearing. Mr Owen said it would take a year. Later Neville Owes adjourned it."
    assert flagged(text) == [("names.variant", "Owes", "Owen")]  # a person's name has no derived forms
    assert flagged(LEAD + "Germany sent troops. Germany will pay, and the Germans were wary.") == []


def test_a_slip_closer_to_a_derived_form_suggests_that_form() -> None:
    text = LEAD + "Australia won. Australia batted first, and the Australain crowd cheered Australia."
    assert flagged(text) == [("names.variant", "Australain", "Australian")]


# --- names.rejected and names.near-listed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "written", "expected"),
    [("ap", "Zelensky", "Zelenskyy"), ("reuters", "Zelensky", "Zelenskiy"), ("ap", "Kiev", "Kyiv"),
     ("ap", "KIEV", "KYIV"), ("ap", "Qaddafi", "Gadhafi"), ("reuters", "Gadhafi", "Gaddafi"),
     ("ap", "al-Qaeda", "al-Qaida")],
)  # fmt: skip
def test_rejected_forms_follow_the_house_style(style: str, written: str, expected: str) -> None:
    found = flagged(LEAD + f"Officials met in the capital. {written} was mentioned twice by the minister.", style=style)
    assert ("names.rejected", written, expected) in found


@pytest.mark.parametrize("written", ["Muammar  Gaddafi", "Muammar\nGaddafi", "MUAMMAR GADDAFI", "muammar\tgaddafi"])
def test_a_rejected_phrase_is_found_whatever_its_spacing_and_case(written: str) -> None:
    for lead in (LEAD, "Talks resume in Jerusalem\n\nJERUSALEM (AP) — Crème brûlée was served. "):  # ASCII or not
        found = flagged(lead + f"Officials said {written} had gone.")
        assert [f[1] for f in found if f[0] == "names.rejected"] == [written]


def test_house_forms_and_kept_phrases_are_not_rejected() -> None:
    text = LEAD + "Zelenskiy spoke in Kyiv. The chef served chicken Kiev."
    assert flagged(text, style="reuters") == []
    assert flagged(LEAD + "The chef served chicken Kiev to Zelenskyy.", style="ap") == []


def test_a_near_miss_of_a_listed_name_used_once_is_flagged() -> None:
    found = flagged(LEAD + "Prime Minister Benjamin Netanyhu spoke on Friday.")
    assert found == [("names.near-listed", "Netanyhu", "Netanyahu")]


def test_a_different_name_near_a_listed_one_is_not() -> None:
    # Jenin is not Benin (first letter), Virginie Razzano is not Virginia Woolf (another surname).
    assert flagged(LEAD + "Troops entered Jenin on Monday. Virginie Razzano won in straight sets.") == []


def test_a_newsroom_names_file_adds_rejections(tmp_path: Path) -> None:
    extra = tmp_path / "our-names.toml"
    extra.write_text('[[name]]\ncanonical = "Sissi"\nreject = ["Sisi"]\n', encoding="utf-8")
    load_names.cache_clear()
    found = flagged(LEAD + "President Abdel Fattah el-Sisi met envoys.", names=(extra,))
    assert ("names.rejected", "Sisi", "Sissi") in found


def test_a_bad_names_file_is_reported_with_its_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[name]]\ncanonical = "Sissi"\nrejects = ["Sisi"]\n', encoding="utf-8")
    with pytest.raises(NewslintError, match="unknown key 'rejects'"):
        load_names("ap", (str(bad),))


# --- names.choice ----------------------------------------------------------------------------------------


def test_diacritics_and_particle_capitals_that_change_are_a_choice() -> None:
    text = (
        LEAD + "Alex Rodríguez signed. Rodríguez smiled, and Rodriguez waved. Police shut al-Aqsa and the Al-Aqsa gate."
    )
    found = flagged(text)
    assert ("names.choice", "Rodriguez", "Rodríguez") in found
    assert ("names.choice", "Al-Aqsa", "al-Aqsa") in found


def test_a_sentence_may_open_with_a_capital_particle() -> None:
    assert flagged(LEAD + "Al-Aqsa was crowded. Police closed the al-Aqsa compound.") == []


# --- matching helpers ------------------------------------------------------------------------------------


def test_derivations_are_not_slips_but_doubled_letters_and_unknown_stems_are() -> None:
    suffixes = {"i", "s", "n"}
    assert is_derivation("israel", "israeli", suffixes, {"israel"})
    assert is_derivation("hamas", "hama", suffixes, {"hama"})
    assert is_derivation("afghani", "afghans", suffixes, {"afghan"})
    assert not is_derivation("qantas", "qanta", suffixes, set())  # "Qanta" is no name: a dropped letter
    assert not is_derivation("blinken", "blinkenn", suffixes, {"blinken"})


def test_nearest_respects_length_relative_limits() -> None:
    limits = Nearness(min_length=4, max_edits=2, max_relative=0.2)
    assert nearest("blinked", ["blinken", "brisbane"], limits) == [("blinken", 1)]
    assert nearest("iran", ["iraq"], limits) == [("iraq", 1)]  # one edit is always near
    assert nearest("blnkn", ["blinken"], limits) == []  # two edits in seven letters are too many


# --- the shipped data ------------------------------------------------------------------------------------


def test_names_lists_have_unique_names_and_no_rejection_of_an_accepted_form() -> None:
    for style in ("ap", "reuters", "guardian", "xinhua"):
        names = load_names(style)
        canonical = [e.canonical for e in names.entries]
        assert len(canonical) == len(set(canonical)), f"{style}: a name is listed twice"
        accepted = {fold(f) for e in names.entries for f in (e.canonical, *e.accept)}
        assert not accepted & set(names.rejected), f"{style}: a form is both accepted and rejected"


def test_rule_word_lists_are_sorted_without_duplicates() -> None:
    for pack in ("names", "spelling"):
        for rule in (r for r in RULES if r.pack == pack):
            for key in ("derivations", "plurals", "titles", "context_words", "prefixes", "stop_words"):
                items = list(rule.params.get(key, []))
                assert items == sorted(set(items)), f"{rule.id}: '{key}' is not sorted or has duplicates"


def test_vocabulary_sections_are_sorted_lowercase_words() -> None:
    text = (ROOT / "rules" / "data" / "vocabulary.txt").read_text(encoding="utf-8")
    for section in text.split("\n\n"):
        words = [line for line in section.splitlines() if line and not line.startswith("#")]
        assert words == sorted(set(words)), f"vocabulary section not sorted: {words[:3]}"
        assert all(w.islower() and " " not in w for w in words)


def test_between_forms_used_once_a_common_surname_is_the_name() -> None:
    text = LEAD + "Inspector Richard Butler said the site was clear. Inspectors trusted Butter, officials said."
    assert flagged(text) == [("names.variant", "Butter", "Butler")]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32))
def test_a_large_name_pool_offers_every_name_within_reach(seed: int) -> None:
    rng = random.Random(seed)
    # Names from four letters, so that many lie within two edits of each other; some too long to index.
    names = list(dict.fromkeys("".join(rng.choice("abcd") for _ in range(rng.randint(4, 9))) for _ in range(900)))
    names += ["ab" * 20, "ab" * 20 + "c"]
    pool = NamePool(names, max_edits=2)
    assert len(names) >= NamePool.INDEX_FROM
    limits = Nearness(min_length=4, max_edits=2, max_relative=0.5)
    for key in [*rng.sample(names, 20), "abcdab", "ab" * 20 + "cd", "dddd"]:
        assert nearest_among(key, pool.candidates(key), limits) == nearest_among(key, names, limits)


def test_a_name_beside_a_foreign_function_word_is_spelled_that_language_s_way() -> None:
    text = LEAD + "Brazil closed the state-owned Banco do Brasil. Brazil said the bank would reopen."
    assert flagged(text) == []
    text = LEAD + "The private Institut des Previsions Economiques spoke. The Institute of Economics agreed."
    assert flagged(text) == []
    text = LEAD + "Osama bin Laden was seen in March. Officials said bin Leaden had fled."
    assert flagged(text) == [("names.variant", "Leaden", "Laden")]  # "bin" is no foreign particle here
    text = LEAD + "Australia won. Austrlaia is 126. Waugh paid off for Austrlaia. Australia won again."
    assert flagged(text) == [("names.variant", "Austrlaia", "Australia")] * 2  # "for" is not Swedish "för"


def test_a_listed_name_after_a_common_first_name_is_another_person_and_a_ticker_is_no_name() -> None:
    assert flagged(LEAD + "Robert Bretz, chairman of the survey committee, said orders rose.") == []
    assert flagged(LEAD + "GAC TRUST <GACTZ> SELLS LAND\n\nThe trust sold land on Monday.") == []
    assert flagged(LEAD + "Officials met in Wsahington on Friday.") == [
        ("names.near-listed", "Wsahington", "Washington")
    ]
