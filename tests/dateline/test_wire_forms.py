"""The dateline forms agencies really send (issue 15), and the slips the 1987 Reuters wire really made: each
form recognised and silent under its own agency's style, each slip one finding of its own rule on the right
words, with the house form as a safe fix where the fix is certain."""

from __future__ import annotations

import pytest

from newslint.checks.base import Context
from newslint.engine import ActiveRule, lint
from newslint.packs import builtin_pack_paths, load_packs
from newslint.text.datelines import CASE, FORM, MISSPELT, TRUNCATED, find_dateline, read_month
from newslint.text.story import Story

RULES = [rule for rule in load_packs(builtin_pack_paths()) if rule.family == "dateline"]
BODY = "Officials said the talks would resume on Monday."


def _findings(text: str, style: str):
    context = Context(style=style)
    active = [ActiveRule(r, r.level, r.build(context)) for r in RULES if r.applies_to(style)]
    findings, failures = lint(Story(text, "story.txt"), active)
    assert not failures
    return findings


@pytest.mark.parametrize(
    ("dateline", "style", "city"),
    [
        ("NEW YORK, March 3 - ", "reuters", "NEW YORK"),  # Reuters 1987: no agency tag
        ("RICHMOND, Va., Feb 26 - ", "reuters", "RICHMOND"),
        ("LONDON (Reuters) - ", "reuters", "LONDON"),
        ("NAJAF, Iraq - ", "reuters", "NAJAF"),
        ("CALGARY, Alberta, March 13 - ", "reuters", "CALGARY"),
        ("NAIROBI, Kenya (AP) _ ", "ap", "NAIROBI"),  # AP's old ASCII wire dash
        ("JERUSALEM (AP)_ ", "ap", "JERUSALEM"),
        ("BEIJING, Nov. 18 (Xinhua) -- ", "xinhua", "BEIJING"),
        ("BEIJING, November 18 (Xinhua) -- ", "xinhua", "BEIJING"),
    ],
)
def test_each_agency_form_is_silent_under_its_own_style(dateline: str, style: str, city: str) -> None:
    text = dateline + BODY
    found = find_dateline(text, 0, len(text))
    assert found is not None and text[found.city.start : found.city.end] == city
    assert [(f.rule, f.matched) for f in _findings(text, style)] == []


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        ("Perth, Australia — Bushfires spread overnight.", "Perth", "Australia"),
        ("HONG KONG (Dow Jones)--Shares fell.", "HONG KONG", None),
        ("Panama City, Sept. 8 (CNA) -- The canal reopened.", "Panama City", None),
    ],
)
def test_other_real_forms_are_recognised(text: str, city: str, region: str | None) -> None:
    found = find_dateline(text, 0, len(text))
    assert found is not None
    assert text[found.city.start : found.city.end] == city
    assert (text[found.region.start : found.region.end] if found.region else None) == region


def test_a_byline_before_the_dateline_leaves_the_dateline_its_own() -> None:
    text = "Storm hits coast\n\nBy Jane Doe\n\nMIAMI (AP) — The storm came ashore at dawn.\n"
    story = Story(text, "story.txt")
    assert story.dateline is not None and text[story.dateline.city.start : story.dateline.city.end] == "MIAMI"
    assert _findings(text, "ap") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sioux City, April 7 - Sunny/34 degrees - Des Moines, April 7 - Cloudy/30 degrees",
        "Wilcox/Gibbs - New York",
        "Luke, Mark 5 - a verse read at the service.",
    ],
)
def test_a_line_that_only_looks_like_a_dateline_is_not_one(text: str) -> None:
    assert find_dateline(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("token", "number", "how", "form"),
    [
        ("March", 3, FORM, "March"), ("Mar", 3, FORM, "Mar"), ("Sept.", 9, FORM, "Sept."),
        ("MARCH", 3, CASE, "March"), ("MArch", 3, CASE, "March"), ("march", 3, CASE, "March"),
        ("FEb", 2, CASE, "Feb"), ("FEB.", 2, CASE, "Feb."),
        ("Novem.", 11, TRUNCATED, "November"), ("Octo.", 10, TRUNCATED, "October"),
        ("Narch", 3, MISSPELT, "March"), ("Juen", 6, MISSPELT, "June"), ("Jne", 6, MISSPELT, "June"),
        ("Marchg", 3, MISSPELT, "March"), ("Mach", 3, MISSPELT, "March"), ("Fbe", 2, MISSPELT, "February"),
    ],
)  # fmt: skip
def test_month_readings(token: str, number: int, how: str, form: str) -> None:
    reading = read_month(token)
    assert reading is not None and (reading.number, reading.how, reading.form) == (number, how, form)


@pytest.mark.parametrize("token", ["Aged", "Monday", "Version", "Mon", "Sat"])
def test_words_that_are_no_month(token: str) -> None:
    assert read_month(token) is None


@pytest.mark.parametrize(
    ("dateline", "style", "rule", "matched", "fixed"),
    [
        ("WASHINGTON, FEB 26 - ", "reuters", "dateline.month-case", "FEB", "WASHINGTON, Feb 26 - "),
        ("DENVER, MArch 11 - ", "reuters", "dateline.month-case", "MArch", "DENVER, March 11 - "),
        ("HOUSTON, APril 3 - ", "reuters", "dateline.month-case", "APril", "HOUSTON, April 3 - "),
        ("Bogota, march 4 - ", "reuters", "dateline.month-case", "march", None),
        ("NEW YORK, Narch 2 - ", "reuters", "dateline.month-spelling", "Narch", "NEW YORK, March 2 - "),
        ("RENO, Nev., Juen 4 - ", "reuters", "dateline.month-spelling", "Juen", "RENO, Nev., June 4 - "),
        (
            "FORT WAYNE, IND., Marchg 12 - ",
            "reuters",
            "dateline.month-spelling",
            "Marchg",
            "FORT WAYNE, IND., March 12 - ",
        ),
        ("LONDON, Mar 2 - ", "reuters", "dateline.month", "Mar", "LONDON, March 2 - "),
        ("FRANKFURT, February 27 - ", "reuters", "dateline.month", "February", "FRANKFURT, Feb 27 - "),
        ("NEW YORK, MAR 5 - ", "reuters", "dateline.month", "MAR", "NEW YORK, March 5 - "),
        ("BEIJING, Novem. 18 (Xinhua) -- ", "xinhua", "dateline.month", "Novem.", "BEIJING, November 18 (Xinhua) -- "),
        ("RICHMOND, Va. Feb 26 - ", "reuters", "dateline.comma", " ", "RICHMOND, Va., Feb 26 - "),
        ("JOHANNESBURG March 13 - ", "reuters", "dateline.comma", " ", "JOHANNESBURG, March 13 - "),
        ("KANSAS CITY, Mo. - March 13 - ", "reuters", "dateline.comma", " -", "KANSAS CITY, Mo., March 13 - "),
        ("CHEVY CHASE, Md., - March 4 - ", "reuters", "dateline.comma", " -", "CHEVY CHASE, Md., March 4 - "),
        ("ATLANTA , March 3 - ", "reuters", "dateline.comma", " ", "ATLANTA, March 3 - "),
        ("CHICAGO, March 4, - ", "reuters", "dateline.comma", ",", None),
        ("ROME, March 13, Reuter - ", "reuters", "dateline.agency", "Reuter", None),
        ("BELGRADE, March 2O - ", "reuters", "dateline.date", "2O", "BELGRADE, March 20 - "),
        ("BOSTON, March 187 - ", "reuters", "dateline.date", "187", None),
        ("AMSTERDAM, 2 March - ", "reuters", "dateline.date", "2 March", "AMSTERDAM, March 2 - "),
        ("WASHINGTON, March 9  - ", "reuters", "dateline.dash", "  - ", "WASHINGTON, March 9 - "),
        ("WASHINGTON, MARCH 18 — ", "ap", "dateline.month-case", "MARCH", "WASHINGTON, March 18 — "),
        ("SPRINGFIELD, Ill. Sept. 3 — ", "ap", "dateline.comma", " ", "SPRINGFIELD, Ill., Sept. 3 — "),
    ],
)
def test_each_wire_slip_is_one_finding_of_its_rule(dateline, style, rule, matched, fixed) -> None:
    text = dateline + BODY
    found = [(f.rule, f.matched) for f in _findings(text, style) if f.rule != "dateline.city-case"]
    assert found == [(rule, matched)]
    if fixed is not None:
        [finding] = [f for f in _findings(text, style) if f.rule == rule]
        assert finding.fix is not None and finding.fix.applicability.value == "safe"
        assert text[: finding.start] + finding.fix.replacement + text[finding.end :] == fixed + BODY
