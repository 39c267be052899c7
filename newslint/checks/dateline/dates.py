"""Dates for the dateline checks: the story's own timestamp and the full date a dateline stands for."""

from __future__ import annotations

from datetime import date, timedelta

import regex

from newslint.text.datelines import Dateline, month_number
from newslint.text.story import Story

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A timestamp on a metadata line: "2024-03-23 03:08:00", "March 23, 2024", "Sat 23 March 2024".
_ISO = regex.compile(r"(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_MONTH_FIRST = regex.compile(r"\b(\p{L}{3,9})\.?[ \t]+(\d{1,2}),?[ \t]+(\d{4})\b")
_DAY_FIRST = regex.compile(r"\b(\d{1,2})[ \t]+(\p{L}{3,9})\.?,?[ \t]+(\d{4})\b")


def _safe_date(year: int, month: int | None, day: int) -> date | None:
    try:
        return date(year, month, day) if month else None
    except ValueError:
        return None


def parse_timestamp(line: str) -> date | None:
    """The first calendar date written on a metadata line, if any."""
    if match := _ISO.search(line):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _MONTH_FIRST.search(line):
        return _safe_date(int(match[3]), month_number(match[1]), int(match[2]))
    if match := _DAY_FIRST.search(line):
        return _safe_date(int(match[3]), month_number(match[2]), int(match[1]))
    return None


def story_timestamp(story: Story) -> date | None:
    """The date on the story's own metadata lines (the story model's `bylines`), first one wins."""
    for line in story.bylines:
        found = parse_timestamp(story.masked[line.start : line.end])
        if found:
            return found
    return None


def reference_date(story: Story, given: date | None) -> date | None:
    """The story's own timestamp, else the date the run was given (`--date`, config `date`)."""
    return story_timestamp(story) or given


def dateline_date(dateline: Dateline, reference: date | None) -> date | None:
    """The dateline's month and day in the year that puts it nearest `reference` (Dec. 31 filed Jan. 1)."""
    if dateline.month_number is None or dateline.day is None:
        return None
    if dateline.year is not None:
        return _safe_date(dateline.year, dateline.month_number, dateline.day)
    if reference is None:
        return None
    candidates = [_safe_date(reference.year + k, dateline.month_number, dateline.day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    return min(valid, key=lambda c: abs(c - reference)) if valid else None


def days_between(earlier: date, later: date) -> int:
    return (later - earlier) // timedelta(days=1)
