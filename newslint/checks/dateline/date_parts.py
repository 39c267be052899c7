"""The dateline's date as written: the month's form, case and spelling, the day, and the commas around it.

Each slip is one finding of one rule: "MAR" is a month form the house does not use (the month rule, which
names the house form), "MARCH" only the wrong case, "Narch" a misspelling; the house form of the month is the
fix each time, safe because the month is certain from the letters written.
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks.dateline.base import SAFE, UNSAFE, DatelineCheck, span_text
from newslint.finding import Fix, Hit
from newslint.text.dateline_data import DatelineStyle
from newslint.text.datelines import CASE, FORM, MISSPELT, Dateline
from newslint.text.segment import Span
from newslint.text.story import Story

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _house_month(style: DatelineStyle, number: int) -> str:
    return style.months[number - 1]


class Month(DatelineCheck):
    """A real month form the style does not use: "Mar.", "Sep." in AP; "Jan." with a period or "February" in
    Reuters; and made-up cuts such as "Novem." (§2.5, §2.6)."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        reading = dateline.month_reading
        if dateline.month is None or reading is None or reading.how == MISSPELT:
            return
        if reading.how in (FORM, CASE) and style.month_ok(reading.form):
            return  # the house form (in the wrong case, perhaps: the month-case rule's business)
        form = _house_month(style, reading.number)
        yield Hit(dateline.month.start, dateline.month.end, {"suggestion": form}, (form,), Fix(form, SAFE))


class MonthCase(DatelineCheck):
    """The month in capitals or mixed case: "FEB 26", "MArch 11", "march 4" (Reuters Handbook "D": the date in
    upper and lower case; AP likewise)."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        reading = dateline.month_reading
        if dateline.month is None or reading is None or reading.how != CASE or not style.month_ok(reading.form):
            return
        form = reading.form
        yield Hit(dateline.month.start, dateline.month.end, {"suggestion": form}, (form,), Fix(form, SAFE))


class MonthSpelling(DatelineCheck):
    """A month misspelt: "Narch", "Juen", "Jne", "Marchg", "Marc" (each one slip from one month only)."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        reading = dateline.month_reading
        if dateline.month is None or reading is None or reading.how != MISSPELT:
            return
        form = _house_month(style, reading.number)
        yield Hit(dateline.month.start, dateline.month.end, {"suggestion": form}, (form,), Fix(form, SAFE))


class Date(DatelineCheck):
    """The date written Month Day with a day the month has: not "2 March", "March 2O", "March 187"."""

    ARGS = frozenset({"suggestion", "problem"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        if dateline.date is None or dateline.day_span is None or dateline.month_reading is None:
            return
        written = span_text(story, dateline.day_span)
        number = dateline.month_reading.number
        month = span_text(story, dateline.month) if dateline.month else ""
        if not written.isdigit():
            day = written.replace("O", "0").replace("o", "0")  # a letter O keyed for a zero: "2O"
            if int(day) <= _DAYS_IN_MONTH[number - 1]:
                yield self._hit(dateline.day_span, f"a letter O for a zero: write '{day}'", day, SAFE)
            else:
                yield self._hit(dateline.day_span, "the month has no such day", None, None)
        elif not 1 <= int(written) <= _DAYS_IN_MONTH[number - 1]:
            yield self._hit(dateline.day_span, "the month has no such day", None, None)
        elif dateline.day_first:
            yield self._hit(dateline.date, f"month before day: write '{month} {written}'", f"{month} {written}", SAFE)

    @staticmethod
    def _hit(span: Span, problem: str, suggestion: str | None, applicability) -> Hit:
        if suggestion is None:
            return Hit(span.start, span.end, {"suggestion": "", "problem": problem})
        fix = Fix(suggestion, applicability)
        return Hit(span.start, span.end, {"suggestion": suggestion, "problem": problem}, (suggestion,), fix)


class Comma(DatelineCheck):
    """The commas of a dateline: missing before the date ("RICHMOND, Va. Feb 26"), swapped ("N.Y,. March 13"),
    a dash in its place ("KANSAS CITY, Mo. - March 13 -"), stray after the date ("CHICAGO, March 4, -") or
    with a space before it ("ATLANTA , March 3 -")."""

    ARGS = frozenset({"suggestion", "problem"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        if dateline.comma_space is not None:
            span = dateline.comma_space
            yield Hit(
                span.start, span.end, {"suggestion": "", "problem": "no space before the comma"}, ("",), Fix("", SAFE)
            )
        if dateline.date is None:
            return
        before = dateline.region or dateline.city
        if dateline.comma is None and dateline.early_dash is None:
            gap = Span(before.end, dateline.date.start)
            written = span_text(story, gap)
            yield Hit(gap.start, gap.end or gap.start, {"suggestion": ", ", "problem": "a comma goes between the place and the date"}, (", ",),
                      Fix(", ", SAFE) if written.strip() == "" else None)  # fmt: skip
        elif dateline.early_dash is not None:
            span, wanted = dateline.early_dash, "" if dateline.comma else ","
            problem = "a dash after the comma" if dateline.comma else "a dash where the comma goes"
            yield Hit(span.start, span.end, {"suggestion": wanted, "problem": problem}, (wanted,),
                      Fix(wanted, SAFE))  # fmt: skip
        elif dateline.comma is not None and span_text(story, dateline.comma) == ",.":
            yield Hit(dateline.comma.start, dateline.comma.end, {"suggestion": ".,", "problem": "the comma and the period are swapped"}, (".,",),
                      Fix(".,", SAFE))  # fmt: skip
        if dateline.late_comma is not None:
            span = dateline.late_comma
            yield Hit(
                span.start, span.end, {"suggestion": "", "problem": "no comma after the date"}, ("",), Fix("", UNSAFE)
            )
