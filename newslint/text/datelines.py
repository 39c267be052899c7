"""Recognise the dateline that opens a story's first body paragraph and name its parts.

Shapes: `BEIRUT (AP) — `, `KANSAS CITY, Mo. (AP) — `, `LONDON, March 3 (Reuters) - `,
`JERUSALEM, March 22 (Xinhua) -- `, `WASHINGTON, May 12 (AFP) --`, `SPRINGFIELD, Ill. — `,
`BRISBANE, Australia, Jan. 1(Xinhua) --` and TASS's `MOSCOW, February 7. /TASS/. `. The recogniser is
deliberately lenient (mixed-case cities, wrong dashes, missing spaces; an unspaced hyphen joins words,
as in "COVID-19", and is a dash only right after the agency: "(Reuters)-One") so that the dateline checks can
report what is wrong; what it will not do is take an ordinary opening sentence for a dateline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from newslint.text import dateline_data
from newslint.text.dateline_data import fold_place
from newslint.text.patterns import cached_pattern
from newslint.text.segment import Span

# Any word that may be a month as written: "March", "MArch", "Sept.", "Novem.", a slip such as "Narch". Which
# month it is, and how it is written, is read in Python (`read_month`); a word that is no month at all makes
# the match no dateline.
_MONTH = r"\p{L}{3,9}\.?(?!\p{L})"
_DAY = r"(?:\d{1,3}|\d[Oo])(?![\d\p{L}])"  # "March 2O" and "March 187" are slips to report, not non-dates
_WORD = r"\p{L}[\p{L}.'’]*"
# A region part never is a word followed by a figure: that is the date ("Va. Feb 26", comma missing).
_REGION_PART = rf"(?!{_MONTH}[ \t]*\d)\p{{Lu}}[\p{{L}}.'’]*(?:[ \t](?!{_MONTH}[ \t]*\d){_WORD}){{0,3}}?"
_DATELINE_SOURCE = rf"""
    [ \t]*
    (?P<city>{_WORD}(?:(?:[ ]|-){_WORD}){{0,3}}?)(?P<comma_space>[ \t]+(?=,))?
    (?:,[ \t]*(?P<region>{_REGION_PART}(?:,[ \t]*{_REGION_PART})?))?
    (?:
        (?P<comma>,\.?)?(?P<early_dash>[ \t]+-(?=[ \t]))?[ \t]*
        (?P<date>
            (?P<month>{_MONTH})[ \t]*(?P<day>{_DAY})(?:,[ \t]*(?P<year>\d{{4}})(?!\d))?
          | (?P<day>\d{{1,2}})[ \t]+(?P<month>{_MONTH})
        )
        (?:(?P<late_comma>,)(?=[ \t]*[-‐—–―_])|,[ \t]*(?P<agency>Reuters?)(?=[ \t]+-))?
    )?
    (?:
        (?:[ \t]*(?P<agency>\([ \t]*\p{{L}}[\p{{L}} .&-]{{0,24}}?[ \t]*\)))?
        (?P<dash>[ \t]*(?:—|–|―|--)[ \t]*|[ \t]+[-‐_][ \t]*|[-‐][ \t]+|(?<=\))[-‐_][ \t]*)
      |
        \.[ \t]*(?P<agency>/\p{{Lu}}{{2,10}}/)(?P<dash>\.[ \t]+)
    )
    (?=\S)
    """
# After a mixed-case place: a weather or results table ("Sioux City, April 7 - Sunny/34 degrees - ...") rather
# than a sentence: a slashed first cell, or a figure and then another spaced dash before any full stop (prose
# such as "The company - its chief said - ..." has a spaced dash but no figure before it).
_TABLE_AFTER = r"[^\s/]*/\S|[^.\n]{0,30}?\d[^.\n]{0,20}?[ \t]-[ \t]"
_EMBEDDED_START = regex.compile(r"(?<=[\s.!?”\"])(?=\p{Lu}{2})")
# Every dateline holds one of these (the dash group's forms, TASS's slash): a paragraph with none is not
# tried, and a story with no dateline never compiles the pattern.
_DASH_PARTS = ("—", "–", "―", "--", " -", "\t-", "- ", "-\t", ")-", " ‐", "\t‐", "‐ ", "‐\t", ")‐", "/", " _", ")_")


def _dateline_pattern() -> regex.Pattern[str]:
    return cached_pattern(_DATELINE_SOURCE, regex.VERBOSE)


def _may_hold_dateline(text: str, start: int, end: int) -> bool:
    part = text[start:end]
    return any(dash in part for dash in _DASH_PARTS)


@dataclass(frozen=True)
class Dateline:
    span: Span  # the whole dateline, dash and its spaces included
    city: Span
    region: Span | None
    date: Span | None
    agency: Span | None  # parentheses (or TASS's slashes) included
    dash: Span
    month: Span | None = None  # the month as written ("Sept.", "March")
    month_number: int | None = None  # 1-12
    day: int | None = None  # None where the day as written is no number ("2O")
    year: int | None = None  # press-release datelines carry one: "NEW YORK, Sept. 16, 2025 — "
    month_reading: MonthReading | None = None  # how the month is written: a real form, its case, a slip
    day_span: Span | None = None  # the day as written ("26", "2O", "187")
    day_first: bool = False  # "AMSTERDAM, 2 March - "
    comma: Span | None = None  # the comma before the date as written ("," or the swapped ",." of "N.Y,.")
    early_dash: Span | None = None  # a dash before the date: "KANSAS CITY, Mo. - March 13 - "
    late_comma: Span | None = None  # a comma after the date: "CHICAGO, March 4, - "
    comma_space: Span | None = None  # a space before the city's comma: "ATLANTA , March 3 - "


# How a dateline's month is written (`MonthReading.how`).
FORM = "form"  # a real month form as written: "March", "Sept.", "Mar", "February"
CASE = "case"  # a real form in the wrong case: "MARCH", "MArch", "march"; `form` is its proper case
TRUNCATED = "truncated"  # a made-up cut with a period: "Novem.", "Octo."
MISSPELT = "misspelt"  # one slip from one month's name: "Narch", "Juen", "Jne", "Marchg", "Marc"

# The month forms in use in any house: full names and the usual abbreviations, each with or without a period.
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class MonthReading:
    number: int  # 1-12
    how: str  # FORM, CASE, TRUNCATED or MISSPELT
    form: str  # the real form meant, in its proper case ("MARCH" -> "March"); for slips, the month's name


def _one_slip(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter added, dropped, changed or two swapped neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
                                   and a[diffs[1]] == b[diffs[0]])  # fmt: skip
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@cache
def read_month(token: str) -> MonthReading | None:
    """Which month a dateline's month word is and how it is written; None for a word that is no month."""
    names = dateline_data.load().month_names
    forms = {**{name: i for i, name in enumerate(names, 1)}, **{a: month_number(a) for a in _ABBREVIATIONS}}
    bare, period = token.rstrip("."), "." if token.endswith(".") else ""
    if bare in forms:
        return MonthReading(forms[bare], FORM, token)
    for form, number in forms.items():
        if form.lower() == bare.lower():
            return MonthReading(number, CASE, form + period)
    lowered = bare.lower()
    starts = {i for i, name in enumerate(names, 1) if len(lowered) >= 3 and name.lower().startswith(lowered)}
    if period and len(starts) == 1:
        number = next(iter(starts))
        return MonthReading(number, TRUNCATED, names[number - 1])
    # A three-letter word is a slip of a name only for a letter dropped ("Jne"); a slip of an abbreviation
    # ("Fbe", "Fdb", "Fkeb") keeps its first letter, so that "Man" is not taken for "Jan".
    near = starts | {
        i for i, name in enumerate(names, 1)
        if (len(lowered) > 3 or len(name) > 3) and _one_slip(lowered, name.lower())
    }  # fmt: skip
    # A slip of a name wins over a slip of an abbreviation: "Juy" is July with its "l" dropped.
    near = near or {
        forms[short] for short in (*_ABBREVIATIONS, "May")
        if lowered[:1] == short[0].lower() and _one_slip(lowered, short.lower())
    }  # fmt: skip
    if len(near) == 1:
        number = near.pop()
        return MonthReading(number, MISSPELT, names[number - 1])
    return None


def _group(match: regex.Match[str], name: str) -> Span | None:
    return Span(match.start(name), match.end(name)) if match.group(name) is not None else None


def month_number(form: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept." -> 9), else None."""
    key = form.rstrip(".").lower()
    names = dateline_data.load().month_names
    found = [i for i, name in enumerate(names, 1) if len(key) >= 3 and name.lower().startswith(key)]
    return found[0] if len(found) == 1 else None


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _agency_name(match: regex.Match[str]) -> str:
    return fold_place(match.group("agency").strip("()/ \t")) if match.group("agency") else ""


def _is_dateline(match: regex.Match[str]) -> bool:
    """Whether a dateline-shaped match is a dateline and not an opening such as "US - China talks"."""
    data = dateline_data.load()
    city = match.group("city")
    if fold_place(city) in data.kickers:
        return False
    reading = read_month(match.group("month")) if match.group("month") else None
    if match.group("month") and reading is None:
        return False  # "Smith, Aged 5 - ": a word and a figure, but no month
    if reading and reading.how == MISSPELT and not city.isupper():
        return False  # a misspelt month only after a capitals place: "Luke, Mark 5 - " is a verse
    if city.isupper() and _letters(city) > 1:
        return _capitals_place(match, data)
    if any(word.isupper() and _letters(word) > 1 for word in city.split()):
        return False  # "By JANE DOE BEIRUT (AP)": a byline run into the dateline, not a place
    return _mixed_case_place(match, data)


def _capitals_place(match: regex.Match[str], data: dateline_data.DatelineData) -> bool:
    """A capitals place ("BEIRUT (AP) — "); a bare unknown one needs a real dash and a long name."""
    city = match.group("city")
    if match.group("date") or match.group("agency") or match.group("region") or fold_place(city) in data.places:
        return True
    hyphen = match.group("dash").strip() in ("-", "‐")  # "TRIBE X - Ep.73" is a title
    return not hyphen and _letters(city) >= data.min_bare_city_letters


def _mixed_case_place(match: regex.Match[str], data: dateline_data.DatelineData) -> bool:
    """A mixed-case place ("Springfield, Ill. — "); a lowercase one ("beirut") only with a known agency."""
    if cached_pattern(_TABLE_AFTER).match(match.string, match.end()):
        return False  # "Sioux City, April 7 - Sunny/34 degrees - ": a table's first line
    agency = _agency_name(match)
    if not match.group("city")[0].isupper():
        return agency in data.agencies
    region = (match.group("region") or "").split(",")[0]
    return (
        agency in data.agencies
        or (match.group("date") is not None and match.group("comma") is not None)
        or fold_place(region) in data.regions
        # A known city alone ("Washington — ") only before a real dash: "Paris - Fashion Week" is a headline.
        or (fold_place(match.group("city")) in data.places and match.group("dash").strip() not in ("-", "‐"))
    )


def _day(written: str | None) -> int | None:
    return int(written) if written and written.isdigit() else None


def _dateline(match: regex.Match[str]) -> Dateline:
    month = _group(match, "month")
    reading = read_month(match.group("month")) if month else None
    return Dateline(
        span=Span(match.start("city"), match.end()),
        city=Span(match.start("city"), match.end("city")),
        region=_group(match, "region"),
        date=_group(match, "date"),
        agency=_group(match, "agency"),
        dash=Span(match.start("dash"), match.end("dash")),
        month=month,
        month_number=reading.number if reading else None,
        day=_day(match.group("day")),
        year=int(match.group("year")) if match.group("year") else None,
        month_reading=reading,
        day_span=_group(match, "day"),
        day_first=month is not None and match.start("day") < match.start("month"),
        comma=_group(match, "comma"),
        early_dash=_group(match, "early_dash"),
        late_comma=_group(match, "late_comma"),
        comma_space=_group(match, "comma_space"),
    )


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline at `text[start:]`, if the paragraph `[start, end)` opens with one.

    An all-capitals place is a dateline with a date, region or agency, or when long enough not to be an
    acronym; a mixed-case place needs a date, a known wire agency, a known stand-alone city or a U.S.
    state after it. That tells "BEIRUT (AP) — " and "Springfield, Ill. — " from "Meanwhile - ".
    """
    if not _may_hold_dateline(text, start, end):
        return None
    return _dateline_at(text, start, end)


def _dateline_at(text: str, start: int, end: int) -> Dateline | None:
    match = _dateline_pattern().match(text, start, end)
    if match is None or not _is_dateline(match):
        return None
    return _dateline(match)


def _capitals(text: str, span: Span) -> bool:
    return text[span.start : span.end].isupper()


def find_embedded_dateline(text: str, start: int, end: int) -> Dateline | None:
    """A wire dateline (capitals and an agency) inside `[start, end)` but not at its start.

    "By JANE DOE NEW YORK (AP) — President …": the dateline is there, in the wrong place.
    """
    best: Dateline | None = None
    if not _may_hold_dateline(text, start, end):
        return None
    for found in _EMBEDDED_START.finditer(text, start + 1, end):
        if best is not None and found.start() >= best.city.end:
            break
        dateline = _dateline_at(text, found.start(), end)
        if dateline is None or dateline.agency is None or not _capitals(text, dateline.city):
            continue
        if best is None or dateline.span.end == best.span.end:
            best = dateline  # the latest start wins: "JANE DOE BEIRUT (AP)" is "BEIRUT (AP)"
    return best
