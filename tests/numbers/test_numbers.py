"""The numbers checks: number words, the inventory's context kinds, each rule, fixes and house styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.base import Context
from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.data import load_number_data
from newslint.checks.numbers.forms import regroup
from newslint.checks.numbers.inventory import inventory
from newslint.checks.numbers.words import figure_with_suffix, number_words
from newslint.engine import ActiveRule, lint
from newslint.finding import Applicability
from newslint.linter import Linter
from newslint.packs import builtin_pack_paths, load_packs
from newslint.text.story import Story

ROOT = Path(__file__).resolve().parents[2]
RULES = {rule.id: rule for rule in load_packs(builtin_pack_paths()) if rule.family == "numbers"}
LEX = load_number_data()


def findings(rule_id: str, text: str, style: str = "ap", scopes: frozenset[str] | None = None):
    rule = RULES[rule_id]
    if scopes is not None:
        rule = type(rule)(**{**rule.__dict__, "scopes": scopes})
    active = ActiveRule(rule, rule.level, rule.build(Context(style=style)))
    found, failures = lint(Story.snippet(text), [active])
    assert not failures
    return found


def kinds_of(text: str, number: str) -> frozenset[str]:
    story = Story.snippet(text)
    mention = next(m for m in inventory(story, LEX).mentions if m.text == number)
    return mention.kinds


# --- number words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "ordinal"),
    [("seven", 7, False), ("Twelve", 12, False), ("twenty-five", 25, False), ("two hundred", 200, False),
     ("eighth", 8, True), ("twentieth", 20, True), ("twenty-first", 21, True), ("ninety-nine", 99, False)],
)  # fmt: skip
def test_number_words_read_values(phrase: str, value: int, ordinal: bool) -> None:
    words = number_words(LEX)
    assert words.pattern.fullmatch(phrase)
    assert words.value(phrase) == (value, ordinal)


def test_number_words_spell_and_ordinal_suffixes() -> None:
    words = number_words(LEX)
    assert [words.spell(n) for n in (1, 7, 9, 21)] == ["one", "seven", "nine", "twenty-one"]
    assert words.spell(3, ordinal=True) == "third"
    assert words.spell(120) is None
    assert [figure_with_suffix(n) for n in (10, 11, 21, 22, 23, 112)] == [
        "10th",
        "11th",
        "21st",
        "22nd",
        "23rd",
        "112th",
    ]


def test_regroup_thousands() -> None:
    assert regroup("32000", ",") == "32,000"
    assert regroup("12 500", ",") == "12,500"
    assert regroup("1234567.5", ",") == "1,234,567.5"
    assert regroup("32,000", "") == "32000"


# --- the inventory's context kinds: each AP exception ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        ("A 5-year-old boy was hurt.", "5", ctx.AGE),
        ("The boy, 5, was hurt.", "5", ctx.AGE),
        ("Children as young as 6 were hurt.", "6", ctx.AGE),
        ("Prices rose 3% last year.", "3", ctx.PERCENT),
        ("Prices rose 3 per cent last year.", "3", ctx.PERCENT),
        ("It cost $4 and 5 cents.", "4", ctx.MONEY),
        ("It cost $4 and 5 cents.", "5", ctx.MONEY),
        ("It happened on March 5 at dawn.", "5", ctx.DATE),
        ("It happened on 5 March at dawn.", "5", ctx.DATE),
        ("It happened in 1999 at dawn.", "1999", ctx.YEAR),
        ("They met at 3 p.m. on Friday.", "3", ctx.TIME),
        ("They met at 4:30 on Friday.", "4", ctx.TIME),
        ("The court ruled 5-4 on Friday.", "5", ctx.RANGE),
        ("Lee took 3 for 77 on the day.", "3", ctx.SCORE),
        ("He was out for 9 after lunch.", "9", ctx.SCORE),
        ("The wall is 6 feet high.", "6", ctx.UNIT),
        ("It was 5 degrees at noon.", "5", ctx.UNIT),
        ("The odds were 1 in 5 at best.", "1", ctx.RATIO),
        ("The odds were 1 in 5 at best.", "5", ctx.RATIO),
        ("He lives at 3 Main St. in town.", "3", ctx.ADDRESS),
        ("The city has 3 million people.", "3", ctx.SCALE),
        ("The rate is 2.5 now.", "2.5", ctx.DECIMAL),
        ("The Apollo 11 crew landed.", "11", ctx.NAME),
        ("He served in the 3rd Battalion.", "3rd", ctx.NAME),
        ("He was ranked No. 1 last year.", "1", ctx.SEQUENCE),
        ("See page 4 of the report.", "4", ctx.SEQUENCE),
        ("It breached section 6B (4) of the act.", "4", ctx.SEQUENCE),
        ("Call 212-621-1500 today.", "1500", ctx.PHONE),
        ("It took 3 1/2 hours.", "3", ctx.FRACTION),
        ("In the '90s it boomed.", "90s", ctx.DECADE),
        ("She is in her 30s now.", "30s", ctx.DECADE),
        ("They scored 3, 4, 5 and 6 runs in 7 overs.", "3", ctx.STATISTICS),
    ],
)
def test_inventory_kinds(text: str, number: str, kind: str) -> None:
    assert kind in kinds_of(text, number)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Police said 7 Israelis were hurt.", "7"),
        ("Gunships destroyed Mr Arafat's 3 helicopters.", "3"),
        ("About 7 people were hurt.", "7"),
        ("He was jailed for 3 months.", "3"),
    ],
)
def test_inventory_plain_counts_have_no_exception(text: str, number: str) -> None:
    exempt = set(RULES["numbers.spell-out"].params["exempt"])
    assert not kinds_of(text, number) & exempt


@pytest.mark.parametrize(
    ("text", "number", "is_year"),
    [
        ("In 2000 the plant opened.", "2000", True),
        ("The 1999 season was long.", "1999", True),
        ("About 1500 people marched.", "1500", False),
        ("Between 4000 and 5,000 firefighters are out.", "4000", False),
        ("They hired 2500 workers last week.", "2500", False),
        ("It cost $2000 to fix.", "2000", False),
    ],
)
def test_inventory_tells_years_from_counts(text: str, number: str, is_year: bool) -> None:
    assert (ctx.YEAR in kinds_of(text, number)) is is_year


def test_inventory_is_built_once_per_story() -> None:
    story = Story.snippet("It rose 5% in 2 weeks.")
    assert inventory(story, LEX) is inventory(story, LEX)


# --- style rules -----------------------------------------------------------------------------------


def test_spell_out_flags_digits_under_ten_and_words_from_ten() -> None:
    found = findings("numbers.spell-out", "Police said 7 people and twelve officers were hurt on his 4th day.")
    assert [(f.matched, f.suggestions) for f in found] == [("7", ("seven",)), ("twelve", ("12",)), ("4th", ("fourth",))]
    assert all(f.fix and f.fix.applicability is Applicability.UNSAFE for f in found)


def test_spell_out_keeps_words_that_must_be_figures_even_with_units() -> None:
    found = findings("numbers.spell-out", "Police walked twelve kilometres in twenty-four hours with two hundred men.")
    assert [f.suggestions for f in found] == [("12",), ("24",), ("200",)]


def test_spell_out_leaves_names_casual_phrases_and_fractions() -> None:
    text = "He told Channel Ten that one or two of the Big Ten fans ate a tenth of it at the eleventh hour."
    assert findings("numbers.spell-out", text) == []


@pytest.mark.parametrize("style", ["ap", "reuters", "xinhua", "guardian"])
def test_no_numbers_finding_on_the_example_story(style: str) -> None:
    text = (ROOT / "examples" / "xinhua-blinken.txt").read_text(encoding="utf-8")
    result = Linter(isolated=True, style=style, select=("numbers",)).lint_text(text, "xinhua-blinken.txt")
    assert result.findings == []


def test_sentence_start_flags_figures_not_years_or_list_items() -> None:
    found = findings("numbers.sentence-start", "It rained. 12 people were hurt. 1999 was worse.\n\n1. Stay home.")
    assert [(f.matched, f.suggestions) for f in found] == [("12", ("Twelve",))]


def test_thousands_separator_fixes_counts_only() -> None:
    text = "About 32000 people came in 1999 to 1600 Main St. and called 312-555-0100 on Flight 3411."
    found = findings("numbers.thousands-separator", text)
    assert [(f.matched, f.fix.replacement, f.fix.applicability) for f in found] == [
        ("32000", "32,000", Applicability.SAFE)
    ]


def test_percent_sign_fixes_figures_safely_and_words_unsafely() -> None:
    found = findings("numbers.percent-sign", "Prices rose 3 percent, rents 4.5 per cent and fees five percent.")
    assert [(f.matched, f.fix.replacement, f.fix.applicability) for f in found] == [
        ("3 percent", "3%", Applicability.SAFE),
        ("4.5 per cent", "4.5%", Applicability.SAFE),
        ("five percent", "5%", Applicability.UNSAFE),
    ]


def test_percent_sign_takes_no_space() -> None:
    found = findings("numbers.percent-sign", "Prices rose 3 % and 4%.")
    assert [(f.matched, f.fix.replacement) for f in found] == [("3 %", "3%")]


def test_percent_sign_is_silent_where_the_house_style_names_no_form() -> None:
    assert findings("numbers.percent-sign", "Prices rose 3 percent.", style="guardian") == []


def test_no_fix_inside_a_quotation_even_when_a_rule_opts_in() -> None:
    scopes = frozenset({"body", "quote"})
    found = findings("numbers.percent-sign", '"Prices rose 3 percent," she said.', scopes=scopes)
    assert [f.matched for f in found] == ["3 percent"]
    assert found[0].fix is None and found[0].suggestions == ("3%",)


def test_millions_ap_and_guardian_forms() -> None:
    ap = findings("numbers.millions", "It paid $1,000,000, then $4.5bn, then $1,234,567.")
    assert [(f.matched, f.suggestions) for f in ap] == [("1,000,000", ("1 million",)), ("4.5bn", ("4.5 billion",))]
    guardian = findings("numbers.millions", "It paid £5 million for land that 1 million people use.", style="guardian")
    assert [(f.matched, f.suggestions) for f in guardian] == [("5 million", ("5m",))]


def test_date_suffix_drops_ordinal_suffixes_in_dates_only() -> None:
    found = findings("numbers.date-suffix", "It starts June 12th, the 12th law since the 5th of May or Oct. 7th.")
    assert [(f.matched, f.fix.replacement) for f in found] == [("12th", "12"), ("7th", "7")]


def test_from_to_and_between_and() -> None:
    text = "Prices rose from 5-10 cents, between 3–5 years, back from 3-1 down, from 4-4-2 to 3-5-2."
    found = findings("numbers.from-to", text)
    assert [(f.matched, f.suggestions) for f in found] == [
        ("from 5-10", ("from 5 to 10",)),
        ("between 3–5", ("between 3 and 5",)),
    ]


def test_money_range_repeats_the_unit() -> None:
    found = findings("numbers.money-range", "It costs $12-14 million, $4 to $5 billion, or $12-14 a seat.")
    assert [f.suggestions for f in found] == [("$12 million to $14 million",), ("$4 billion to $5 billion",)]


def test_rule_form_key_overrides_the_house_style() -> None:
    rule = RULES["numbers.percent-sign"]
    house = type(rule)(**{**rule.__dict__, "params": {**rule.params, "form": "per cent"}})
    active = ActiveRule(house, house.level, house.build(Context(style="reuters")))
    found, _ = lint(Story.snippet("Prices rose 3% and 4 per cent."), [active])
    assert [(f.matched, f.suggestions) for f in found] == [("3%", ("3 per cent",))]


def test_documented_house_pack_loads_and_runs(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "numbers.md").read_text(encoding="utf-8")
    snippet = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "house.toml").write_text(snippet, encoding="utf-8")
    (rule,) = load_packs([tmp_path / "house.toml"])
    active = ActiveRule(rule, rule.level, rule.build(Context(style="ap")))
    found, _ = lint(Story.snippet("Prices rose 3% and 4 per cent."), [active])
    assert [f.suggestions for f in found] == [("3 per cent",)]


def test_bad_exempt_kind_is_rejected() -> None:
    rule = RULES["numbers.spell-out"]
    broken = type(rule)(**{**rule.__dict__, "params": {**rule.params, "exempt": ["agee"]}})
    with pytest.raises(ValueError, match="agee"):
        broken.build(Context())


# --- consistency rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "text", "flagged", "suggestion"),
    [
        ("numbers.mixed-separators", "About 32,000 fled, 14,500 returned and 12000 stayed.", "12000", "12,000"),
        ("numbers.mixed-separators", "About 32 000 fled, 14 500 returned and 12,000 stayed.", "12,000", "12 000"),
        ("numbers.mixed-percent", "Sales rose 5 per cent, profit 8 per cent and costs 2%.", "2%", "2 per cent"),
        ("numbers.mixed-millions", "It cost $3 million, $2 million and $1,000,000.", "1,000,000", "1 million"),
        ("numbers.mixed-ranges", "Groups of 10 to 20, then 30 to 40, then 50-60.", "50-60", "50 to 60"),
        ("numbers.mixed-fractions", "One-third left, two-thirds stayed and 1/3 came back.", "1/3", "one-third"),
    ],
)
def test_consistency_flags_the_minority(rule_id: str, text: str, flagged: str, suggestion: str) -> None:
    found = findings(rule_id, text, style="reuters")
    assert [(f.matched, f.suggestions) for f in found] == [(flagged, (suggestion,))]


def test_consistency_tie_goes_to_the_first_form() -> None:
    found = findings("numbers.mixed-percent", "Sales rose 5 per cent and costs 2%.", style="reuters")
    assert [f.matched for f in found] == ["2%"]


def test_consistency_only_safe_fix_is_adding_commas() -> None:
    found = findings(
        "numbers.mixed-separators", "About 32,000 fled, 14,500 returned and 12000 stayed.", style="reuters"
    )
    assert found[0].fix.applicability is Applicability.SAFE
    found = findings("numbers.mixed-percent", "Sales rose 5 per cent, 8 per cent and 2%.", style="reuters")
    assert found[0].fix.applicability is Applicability.UNSAFE


def test_consistency_stands_aside_where_the_house_style_fixes_the_form() -> None:
    assert findings("numbers.mixed-percent", "Sales rose 5 per cent, 8 per cent and 2%.", style="ap") == []


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("numbers.mixed-separators", "It has 1684 beds and 25 000 staff."),  # SI style
        ("numbers.mixed-separators", "In 1999 about 32,000 fled and 14,500 returned."),
        ("numbers.mixed-ranges", "Prices rose from 10 to 20, and groups of 30-40 met."),
        ("numbers.mixed-ranges", "Groups of 10 to 20 met, and the team won 21-14."),
        ("numbers.mixed-fractions", "One-third left on 9/11 and crews worked 24/7."),
        ("numbers.mixed-fractions", "One-third left after 3 1/2 hours and 2½ days."),
        ("numbers.mixed-millions", "It cost $3 million; the region has 2,000,000 people."),
    ],
)
def test_consistency_silent_cases(rule_id: str, text: str) -> None:
    assert findings(rule_id, text, style="reuters") == []


def test_headline_forms_do_not_count_for_consistency() -> None:
    story = "Inflation hits 5%\n\nInflation rose 5 per cent in May and 4 per cent in June, officials said."
    result = Linter(isolated=True, style="reuters", select=("numbers",)).lint_text(story, "s.txt")
    assert result.findings == []


# --- data ------------------------------------------------------------------------------------------


def test_style_rules_name_only_styles_whose_data_defines_their_form() -> None:
    keys = {"numbers-percent-sign": "percent", "numbers-millions": "scale", "numbers-thousands-separator": "thousands"}
    for rule in RULES.values():
        if rule.type in keys:
            assert rule.styles and all(LEX.house_form(s, keys[rule.type]) for s in rule.styles), rule.id


def test_data_lists_are_sorted_without_duplicates() -> None:
    for key, words in LEX.context.items():
        assert len(words) == len(set(words)), key
        if key != "months":  # calendar order
            assert list(words) == sorted(words, key=lambda w: (w.lower(), w)), key


# --- robustness ------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["5", "12", "1,000", "32000", "12 500", "0.5", "3rd", "21st", "5m", "4.5bn", "$", "£", "%", " percent",
     " per cent", " million", " billion", "-", "–", " to ", "/", "1/3", "one-third", "twelve", "twenty-first",
     "March", " 5th", "'90s", " p.m.", ":", ", ", ". ", "\n\n", '"', " people", " feet", "No. ", "Apollo ",
     " and ", "9999999999999999999999", "½"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join), st.sampled_from(["ap", "reuters", "guardian"]))
def test_numbers_rules_never_crash_and_spans_match(text: str, style: str) -> None:
    linter = Linter(isolated=True, style=style, select=("numbers",))
    result = linter.lint_text("Headline\n\n" + text, "fuzz.txt")
    assert not result.failures
    story = "Headline\n\n" + text
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(story) and story[f.start : f.end] == f.matched


@pytest.mark.parametrize("style", ["ap", "reuters", "guardian"])
def test_endless_digit_runs_are_identifiers_not_amounts(style: str) -> None:
    text = "Headline\n\n" + "1234567890" * 5_000 + " people. It cost $" + "9" * 400 + " and 9" + "9" * 400 + "%."
    result = Linter(isolated=True, style=style, select=("numbers",)).lint_text(text, "story.txt")
    assert not result.failures and result.findings == []
