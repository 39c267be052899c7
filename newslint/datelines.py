"""Recognise the dateline that opens a story's first body paragraph and name its parts.

Shapes: `BEIRUT (AP) — `, `KANSAS CITY, Mo. (AP) — `, `LONDON, March 3 (Reuters) - `,
`JERUSALEM, March 22 (Xinhua) -- `, `SPRINGFIELD, Ill. — `. The recogniser is deliberately lenient
(lowercase cities, wrong dashes, missing spaces) so that the dateline checks can report what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint.segment import Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = regex.compile(
    rf"""
    (?P<city>\p{{Lu}}[\p{{L}}.'’]*(?:[ -][\p{{L}}.'’]+){{0,3}}?)
    (?:,[ \t]*(?P<region>(?!{_MONTH}[ \t]+\d)\p{{Lu}}[\p{{L}}.'’]*(?:[ \t][\p{{L}}.'’]+){{0,3}}?))?
    (?:,?[ \t]*(?P<date>{_MONTH}[ \t]*\d{{1,2}}))?
    (?:[ \t]*(?P<agency>\([ \t]*[\p{{L}}][\p{{L}} .&-]{{0,24}}?[ \t]*\)))?
    (?P<dash>[ \t]*(?:—|–|--|-|‐)[ \t]*)
    (?=\S)
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    span: Span  # the whole dateline, dash and its spaces included
    city: Span
    region: Span | None
    date: Span | None
    agency: Span | None
    dash: Span


def _group(match: regex.Match[str], name: str) -> Span | None:
    return Span(match.start(name), match.end(name)) if match.group(name) is not None else None


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline at `text[start:]`, if the paragraph `[start, end)` opens with one.

    A dateline needs a capitalised city and at least one of: an all-capitals city, a date, an agency.
    That tells "BEIRUT (AP) — " from an ordinary opening such as "Meanwhile - ".
    """
    match = _DATELINE.match(text, start, end)
    if match is None:
        return None
    city = match.group("city")
    if not (city.upper() == city and len(city) > 1 or match.group("date") or match.group("agency")):
        return None
    return Dateline(
        span=Span(match.start(), match.end()),
        city=Span(match.start("city"), match.end("city")),
        region=_group(match, "region"),
        date=_group(match, "date"),
        agency=_group(match, "agency"),
        dash=Span(match.start("dash"), match.end("dash")),
    )
