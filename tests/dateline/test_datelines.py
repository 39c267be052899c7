"""Datelines: the recogniser, the style data, each dateline rule in each style, fixes and date agreement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newslint.checks.base import Context
from newslint.checks.dateline.dates import dateline_date, parse_timestamp
from newslint.cli import main
from newslint.engine import ActiveRule, lint
from newslint.packs import builtin_pack_paths, load_packs
from newslint.text import dateline_data
from newslint.text.datelines import find_dateline, month_number
from newslint.text.story import Story

RULES = {rule.id: rule for rule in load_packs(builtin_pack_paths()) if rule.family == "dateline"}
STAMP = "Blinken visits Israel\n\n2024-03-23 03:08:00\n\n"


def _parts(text: str) -> dict[str, str] | None:
    found = find_dateline(text, 0, len(text))
    if found is None:
        return None
    spans = {"city": found.city, "region": found.region, "date": found.date, "agency": found.agency}
    return {name: text[s.start : s.end] for name, s in spans.items() if s is not None}


def _findings(text: str, style: str = "ap", story_date: date | None = None, require: bool = False):
    context = Context(style=style, story_date=story_date, require_dateline=require)
    active = [ActiveRule(r, r.level, r.build(context)) for r in RULES.values() if r.applies_to(style)]
    findings, failures = lint(Story(text, "story.txt"), active)
    assert not failures
    return findings


def _rules(text: str, style: str = "ap", **kwargs) -> list[str]:
    return [f.rule for f in _findings(text, style, **kwargs)]


def _fixed(text: str, style: str = "ap") -> str:
    """Apply every safe fix (end first, so offsets hold)."""
    for finding in sorted(_findings(text, style), key=lambda f: f.start, reverse=True):
        if finding.fix is not None and finding.fix.applicability.value == "safe":
            text = text[: finding.start] + finding.fix.replacement + text[finding.end :]
    return text


# --- the recogniser ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("BEIRUT (AP) — Fighting resumed.", {"city": "BEIRUT", "agency": "(AP)"}),
        ("KANSAS CITY, Mo. (AP) — The Chiefs won.", {"city": "KANSAS CITY", "region": "Mo.", "agency": "(AP)"}),
        ("LONDON, March 3 (Reuters) - Rates held.", {"city": "LONDON", "date": "March 3", "agency": "(Reuters)"}),
        ("JERUSALEM, March 22 (Xinhua) -- Talks.", {"city": "JERUSALEM", "date": "March 22", "agency": "(Xinhua)"}),
        ("WASHINGTON, May 12 (AFP) --Talks.", {"city": "WASHINGTON", "date": "May 12", "agency": "(AFP)"}),
        ("SPRINGFIELD, Ill. — The governor spoke.", {"city": "SPRINGFIELD", "region": "Ill."}),
        ("BEIRUT, Lebanon, June 2 — Fighting.", {"city": "BEIRUT", "region": "Lebanon", "date": "June 2"}),
        (
            "BRISBANE, Australia, Jan. 1(Xinhua) -- X.",
            {"city": "BRISBANE", "region": "Australia", "date": "Jan. 1", "agency": "(Xinhua)"},
        ),
        ("WINSTON-SALEM, N.C. (AP) — X.", {"city": "WINSTON-SALEM", "region": "N.C.", "agency": "(AP)"}),
        ("ST. LOUIS (AP) — X.", {"city": "ST. LOUIS", "agency": "(AP)"}),
        (
            "MOSCOW, February 7. /TASS/. Investigators said.",
            {"city": "MOSCOW", "date": "February 7", "agency": "/TASS/"},
        ),
        ("Panama City, Sept. 8 (CNA) -- X.", {"city": "Panama City", "date": "Sept. 8", "agency": "(CNA)"}),
        ("Springfield, Ill. — The governor spoke.", {"city": "Springfield", "region": "Ill."}),
        ("Washington — The Senate voted.", {"city": "Washington"}),
        ("WASHINGTON — The Senate voted.", {"city": "WASHINGTON"}),
    ],
)
def test_every_common_shape_is_recognised(text: str, parts: dict[str, str]) -> None:
    assert _parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile - the talks went on.",
        "NATO — the alliance's chief said — will meet.",
        "COVID-19 cases rose again.",
        "WASHINGTON-based groups met.",
        "EDITOR’S NOTE — This story contains descriptions of violence.",
        "On March 3 - a Sunday - the talks began.",
        "US - China talks resumed.",
        "Apple (AAPL) - shares rose.",
        "By JANE DOE BEIRUT (AP) — Fighting resumed.",
        "Ramallah - Palestinian politicians warned.",
        "The U.S. - led coalition struck.",
        "Paris - Fashion Week opens with a show of restraint",
        "TRIBE X - Ep.73",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert _parts(text) is None


def test_dateline_date_parts_and_year() -> None:
    text = "NEW YORK, Sept. 16, 2025 — The company said."
    found = find_dateline(text, 0, len(text))
    assert (found.month_number, found.day, found.year) == (9, 16, 2025)
    assert text[found.month.start : found.month.end] == "Sept."


def test_month_numbers() -> None:
    assert [month_number(m) for m in ("Jan.", "Sept", "Sep.", "March", "Mar.", "Mayor", "Ju")] == [
        1,
        9,
        9,
        3,
        3,
        None,
        None,
    ]


# --- the data ---------------------------------------------------------------------------------------


def test_style_data_is_complete() -> None:
    data = dateline_data.load()
    ap = data.styles["ap"]
    assert set(data.styles) == {"ap", "reuters", "xinhua"} and data.version
    assert len(ap.standalone) == 30 + 49
    never = sorted(state for state, form in ap.states.items() if form == state)
    assert never == ["Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah"]
    assert set(ap.postal_codes.values()) == set(ap.states)
    assert ap.months[8] == "Sept." and data.styles["reuters"].months[0] == "Jan"


def test_data_lists_are_sorted_and_well_formed() -> None:
    from newslint.packs import builtin_rules_dir, read_toml

    raw, _ = read_toml(builtin_rules_dir() / "data" / dateline_data.DATA_FILE)
    for key in ("agencies", "kickers"):
        assert raw["recognise"][key] == sorted(raw["recognise"][key], key=str.casefold), key
    for table in ("standalone-us", "standalone-international"):
        cities = list(raw["ap"][table])
        assert cities == sorted(cities) and all(city == city.upper() for city in cities), table
    assert all(raw["ap"]["states"].get(state) for state in raw["ap"]["postal-codes"].values())
    weekday = RULES["dateline.weekday"].params
    for key in ("not-dates", "future-words"):
        assert weekday[key] == sorted(weekday[key], key=str.casefold), key


# --- each rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "lead", "rule"),
    [
        ("ap", "Beirut (AP) — Fighting resumed.", "dateline.city-case"),
        ("reuters", "London, March 22 (Reuters) - Rates held.", "dateline.city-case"),
        ("xinhua", "Beijing, March 22 (Xinhua) -- Tents sent.", "dateline.city-case"),
        ("ap", "SPRINGFIELD — The governor spoke.", "dateline.needs-region"),
        ("ap", "DETROIT, Mich. (AP) — Sales rose.", "dateline.standalone-region"),
        ("ap", "LONDON, England — Parliament met.", "dateline.standalone-region"),
        ("ap", "MACON, GA (AP) — The county voted.", "dateline.postal-code"),
        ("ap", "AUSTIN, Tex. (AP) — Lawmakers met.", "dateline.state-abbreviation"),
        ("ap", "WORCESTER, Mass (AP) — The council met.", "dateline.state-abbreviation"),
        ("ap", "WASHINGTON, Mar. 22 — The Senate voted.", "dateline.month"),
        ("reuters", "WASHINGTON, Jan. 5 (Reuters) - The Senate voted.", "dateline.month"),
        ("xinhua", "BEIJING, Mar. 22 (Xinhua) -- Tents sent.", "dateline.month"),
        ("ap", "BEIRUT (AP) -- Fighting resumed.", "dateline.dash"),
        ("reuters", "LONDON, March 22 (Reuters) — Rates held.", "dateline.dash"),
        ("xinhua", "BEIJING, March 22 (Xinhua) - Tents sent.", "dateline.dash"),
        ("ap", "LONDON, March 22 (Reuters) — Rates held.", "dateline.agency"),
        ("reuters", "LONDON, March 22 (AP) - Rates held.", "dateline.agency"),
        ("xinhua", "WASHINGTON, March 22 (AFP) -- Talks.", "dateline.agency"),
        ("ap", "BEIRUT(AP) — Fighting resumed.", "dateline.agency-spacing"),
        ("reuters", "LONDON, March 22 ( Reuters ) - Rates held.", "dateline.agency-spacing"),
        ("xinhua", "GAZA, Jan. 1(Xinhua) -- Talks.", "dateline.agency-spacing"),
    ],
)
def test_each_rule_fires_alone(style: str, lead: str, rule: str) -> None:
    assert _rules(STAMP + lead, style) == [rule]


@pytest.mark.parametrize(
    ("style", "lead"),
    [
        ("ap", "BEIRUT (AP) — Fighting resumed."),
        ("ap", "KANSAS CITY, Mo. (AP) — The Chiefs won."),
        ("ap", "ROME, Ga. (AP) — The council met."),
        ("ap", "TBILISI, Georgia (AP) — Protesters gathered."),
        ("ap", "ABOARD AIR FORCE ONE (AP) — The president spoke."),
        ("ap", "WASHINGTON, Sept. 22 — The Senate voted."),
        ("reuters", "LONDON, March 22 (Reuters) - Rates held."),
        ("reuters", "SEOUL (Reuters) - Samsung's chief was arrested."),
        ("reuters", "DETROIT, Mich. (Reuters) - Sales rose."),
        ("xinhua", "JERUSALEM, March 22 (Xinhua) -- Talks went on."),
        ("xinhua", "GAZA, Dec. 1 (Xinhua) -- Hamas spoke."),
    ],
)
def test_clean_datelines_are_silent(style: str, lead: str) -> None:
    assert _rules(STAMP + lead, style) == []


@pytest.mark.parametrize(
    ("style", "before", "after"),
    [
        ("ap", "BEIRUT (AP) - Fighting.", "BEIRUT (AP) — Fighting."),
        ("ap", "WASHINGTON, Sep. 5 — Vote.", "WASHINGTON, Sept. 5 — Vote."),
        ("ap", "MACON, GA (AP) — Vote.", "MACON, Ga. (AP) — Vote."),
        ("ap", "AUSTIN, TX (AP) — Vote.", "AUSTIN, Texas (AP) — Vote."),
        ("ap", "GAZA, Jan. 1(AP) — Talks.", "GAZA, Jan. 1 (AP) — Talks."),
        ("reuters", "LONDON, Jan. 5 (Reuters) — Rates.", "LONDON, Jan 5 (Reuters) - Rates."),
        ("xinhua", "BEIJING, March 31 (Xinhua)--Tents.", "BEIJING, March 31 (Xinhua) -- Tents."),
    ],
)
def test_safe_fixes_make_the_dateline_clean(style: str, before: str, after: str) -> None:
    fixed = _fixed(STAMP + before, style)
    assert fixed == STAMP + after
    assert _fixed(fixed, style) == fixed  # a second pass changes nothing


def test_city_case_and_region_fixes_are_not_safe() -> None:
    findings = _findings(STAMP + "Detroit, Mich. (AP) — Sales rose.")
    assert {f.rule: f.fix.applicability.value for f in findings} == {
        "dateline.city-case": "unsafe",
        "dateline.standalone-region": "unsafe",
    }


def test_misplaced_dateline_and_missing_dateline() -> None:
    later = STAMP + "Fighting resumed on Friday.\n\nBEIRUT (AP) — Officials said so."
    assert _rules(later, require=True) == ["dateline.position"]
    assert _rules(STAMP + "Fighting resumed on Friday.", require=True) == ["dateline.missing"]
    assert _rules(STAMP + "Fighting resumed on Friday.") == []


# --- dates that agree -------------------------------------------------------------------------------


def test_seed_weekday_agrees_and_a_changed_one_does_not() -> None:
    lead = "JERUSALEM, March 22 (Xinhua) -- Blinken made his eighth visit to Israel on {} since October."
    assert _rules(STAMP + lead.format("Friday"), "xinhua") == []
    findings = _findings(STAMP + lead.format("Thursday"), "xinhua")
    assert [(f.rule, f.matched) for f in findings] == [("dateline.weekday", "Thursday")]
    assert "March 22, 2024 was a Friday" in findings[0].message


def test_weekday_needs_a_year_from_the_story_or_the_run() -> None:
    lead = "JERUSALEM, March 22 (Xinhua) -- Blinken visited Israel on Thursday."
    assert _rules(lead, "xinhua") == []  # no timestamp, no --date: the weekday cannot be known
    assert _rules(lead, "xinhua", story_date=date(2024, 3, 23)) == ["dateline.weekday"]
    assert _rules(lead, "xinhua", story_date=date(2018, 3, 23)) == []  # March 22, 2018 was a Thursday


def test_weekday_skips_future_sentences_named_days_and_later_sentences() -> None:
    base = STAMP + "JERUSALEM, March 22 (AP) — {}"
    assert _rules(base.format("Blinken will fly to Cairo on Monday.")) == []
    assert _rules(base.format("Worshippers attended Friday prayers and Good Friday rites.")) == []
    assert _rules(base.format("Blinken arrived on Friday. He had met aides on Wednesday.")) == []


def test_future_dateline_against_the_timestamp() -> None:
    assert _rules(STAMP + "JERUSALEM, March 26 (AP) — Talks.") == ["dateline.future-date"]
    assert _rules(STAMP + "JERUSALEM, March 24 (AP) — Talks.") == []  # one day: time zones
    year_end = "Fireworks\n\n2025-01-01 02:00:00\n\nNEW YORK, Dec. 31 — Crowds gathered on Tuesday."
    assert _rules(year_end) == []


def test_timestamps_and_dateline_dates() -> None:
    assert parse_timestamp("2024-03-23 03:08:00") == date(2024, 3, 23)
    assert parse_timestamp("Updated Saturday, March 23, 2024 at 3 a.m.") == date(2024, 3, 23)
    assert parse_timestamp("Published 23 March 2024") == date(2024, 3, 23)
    assert parse_timestamp("Source: Xinhua") is None
    text = "NEW YORK, Dec. 31 — Crowds."
    assert dateline_date(find_dateline(text, 0, len(text)), date(2025, 1, 1)) == date(2024, 12, 31)


def test_example_story_in_both_styles(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(Path(__file__).resolve().parents[2] / "examples" / "xinhua-blinken.txt")
    assert main(["--isolated", "--select", "dateline", "--style", "xinhua", example]) == 0
    assert capsys.readouterr().out == ""
    main(["--isolated", "--select", "dateline", example])
    rules = [line.split()[2] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert rules == ["dateline.agency", "dateline.dash"]


def test_date_flag_gives_the_year(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "s.txt"
    story.write_text("JERUSALEM, March 22 (AP) — Blinken visited Israel on Thursday.\n", encoding="utf-8")
    assert main(["--isolated", "--select", "dateline", str(story)]) == 0
    main(["--isolated", "--select", "dateline", "--date", "2024-03-23", str(story)])
    assert "dateline.weekday" in capsys.readouterr().out


def test_a_desk_may_accept_yesterday_after_a_reporting_verb() -> None:
    from newslint.checks.dateline.agreement import Weekday

    params = dict(RULES["dateline.weekday"].params)
    lead = STAMP + "JERUSALEM, March 22 (AP) — Netanyahu told Blinken on {} that Israel would not wait."
    strict = Weekday(params, Context())
    lenient = Weekday({**params, "reported-words": ["said", "told"]}, Context())
    assert len(list(strict.hits(Story(lead.format("Thursday"), "s.txt")))) == 1
    assert list(lenient.hits(Story(lead.format("Thursday"), "s.txt"))) == []
    assert len(list(lenient.hits(Story(lead.format("Tuesday"), "s.txt")))) == 1  # only the day before
