"""Issue 15's numbers settings and cues: numbers inside quotations per house, the year and score cues, and a
house that writes "per cent"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint.checks.base import Context
from newslint.checks.numbers.data import load_number_data
from newslint.checks.numbers.inventory import inventory
from newslint.engine import ActiveRule, lint
from newslint.packs import builtin_pack_paths, load_packs
from newslint.text.story import Story

RULES = {rule.id: rule for rule in load_packs(builtin_pack_paths()) if rule.family == "numbers"}
LEX = load_number_data()


def found(text: str, style: str = "ap", rule_ids: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    active = [
        ActiveRule(r, r.level, r.build(Context(style=style)))
        for r in RULES.values()
        if r.applies_to(style) and (rule_ids is None or r.id in rule_ids)
    ]
    findings, failures = lint(Story.snippet(text), active)
    assert not failures
    return [(f.rule, f.matched) for f in findings]


def kinds_of(text: str, number: str) -> frozenset[str]:
    return next(m for m in inventory(Story.snippet(text), LEX).mentions if m.text == number).kinds


QUOTED = '"Let the 2 countries talk," he said. "We took about 5000 calls, 3 percent of them angry."'


def test_ap_writes_numbers_in_quotations_in_its_style_and_never_fixes_them() -> None:
    assert found(QUOTED) == [
        ("numbers.spell-out", "2"),
        ("numbers.thousands-separator", "5000"),
        ("numbers.percent-sign", "3 percent"),
    ]
    rule = RULES["numbers.spell-out"]
    findings, _ = lint(Story.snippet(QUOTED), [ActiveRule(rule, rule.level, rule.build(Context(style="ap")))])
    assert findings and all(finding.fix is None for finding in findings)  # the engine keeps fixes out of quotes


def test_a_house_with_no_quotation_setting_leaves_the_speakers_numbers_alone() -> None:
    # The Guardian shares AP's one-to-nine rule but the reference gives no word on quotations.
    assert found(QUOTED, style="guardian", rule_ids=("numbers.spell-out",)) == []
    assert found("They saw 2 countries.", style="guardian", rule_ids=("numbers.spell-out",)) == [
        ("numbers.spell-out", "2")
    ]


def test_a_rule_may_set_its_own_quotation_treatment(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    source = (Path(builtin_pack_paths()[0]).parent / "numbers.toml").read_text(encoding="utf-8")
    pack.write_text(source.replace("spell-max = 9\n", 'spell-max = 9\nquotes = "as-spoken"\n', 1), encoding="utf-8")
    [rule] = [r for r in load_packs([pack]) if r.id == "numbers.spell-out"]
    hits = list(rule.build(Context(style="ap")).hits(Story.snippet(QUOTED)))
    assert hits == []


def test_an_unknown_quotation_setting_is_an_error(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    source = (Path(builtin_pack_paths()[0]).parent / "numbers.toml").read_text(encoding="utf-8")
    pack.write_text(source.replace("spell-max = 9\n", 'spell-max = 9\nquotes = "sometimes"\n', 1), encoding="utf-8")
    from newslint.errors import NewslintError

    with pytest.raises(NewslintError, match="quotes"):
        load_packs([pack])


@pytest.mark.parametrize(
    ("text", "number", "is_year"),
    [
        ("According to the Bureau of Statistics, 1570 people were surveyed.", "1570", False),
        ("In the end, 2020 students graduated.", "2020", False),
        ("Voters, 2019 figures show, stayed home.", "2019", True),
        ("In 1999 people left the city.", "1999", True),
        ("Since 1987, prices have doubled.", "1987", True),
    ],
)
def test_year_cue_after_a_comma(text: str, number: str, is_year: bool) -> None:
    assert ("year" in kinds_of(text, number)) is is_year


@pytest.mark.parametrize(
    ("text", "number", "is_score"),
    [
        ("The umpire made 2 controversial decisions in the match.", "2", False),
        ("The club won 3 new sponsors this year.", "3", False),
        ("Smith made 45 runs before lunch.", "45", True),
        ("Smith made 45 before lunch.", "45", True),
        ("The party won 7 seats in the election.", "7", True),
    ],
)
def test_score_cue_needs_no_counted_things_after_it(text: str, number: str, is_score: bool) -> None:
    assert ("score" in kinds_of(text, number)) is is_score


def test_spoken_dates_and_a_cricket_eleven_are_no_count() -> None:
    assert found('"September the eleventh changed everything," she said.', rule_ids=("numbers.spell-out",)) == []
    assert found('"We will pick the best possible eleven," he said.', rule_ids=("numbers.spell-out",)) == []
    assert found("It was the September eleven attacks.", rule_ids=("numbers.spell-out",)) == [
        ("numbers.spell-out", "eleven")
    ]


def test_the_abc_house_writes_per_cent_and_flags_the_sign() -> None:
    text = "Prices rose 3 per cent, wages 2.5%, rents 4 percent."
    assert found(text, style="abc", rule_ids=("numbers.percent-sign",)) == [
        ("numbers.percent-sign", "2.5%"),
        ("numbers.percent-sign", "4 percent"),
    ]
    assert found(text, style="ap", rule_ids=("numbers.percent-sign",)) == [
        ("numbers.percent-sign", "3 per cent"),
        ("numbers.percent-sign", "4 percent"),
    ]


def test_the_abc_style_on_the_command_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Rates\n\nThe bank raised rates by 0.25% to 4.5 per cent.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "--style", "abc", "--select", "numbers", str(story)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "numbers.percent-sign Write '0.25%' as '0.25 per cent'" in run.stdout
