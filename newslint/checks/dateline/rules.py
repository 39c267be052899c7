"""The dateline rule types: the opening `CITY, Month Day (Agency) —` in the house style (news-style §2)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newslint.checks.base import Check, Param
from newslint.checks.dateline.agreement import FutureDate, Weekday
from newslint.checks.dateline.base import SAFE, UNSAFE, DatelineCheck
from newslint.checks.dateline.base import span_text as _text
from newslint.checks.dateline.date_parts import Comma, Date, Month, MonthCase, MonthSpelling
from newslint.finding import Applicability, Fix, Hit
from newslint.text.dateline_data import DatelineStyle, fold_place
from newslint.text.datelines import Dateline, find_dateline, find_embedded_dateline
from newslint.text.segment import Span
from newslint.text.story import Story

_FIRST_WORD = regex.compile(r"\S+")


def _first_region(story: Story, dateline: Dateline) -> Span | None:
    """The first comma-separated part of the region: "Ga." of "Macon, Ga., USA"."""
    if dateline.region is None:
        return None
    part = _text(story, dateline.region).split(",")[0].rstrip()
    return Span(dateline.region.start, dateline.region.start + len(part))


class CityCase(DatelineCheck):
    """The dateline's city in capitals (§2.1, §2.6, §2.7)."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        city = _text(story, dateline.city)
        if style.case == "upper" and city != city.upper():
            upper = city.upper()
            yield Hit(dateline.city.start, dateline.city.end, {"suggestion": upper}, (upper,), Fix(upper, UNSAFE))


class NeedsRegion(DatelineCheck):
    """A city that does not stand alone needs its state or country (§2.1, §2.10 (4)); AP lists only."""

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        if not style.standalone or dateline.region is not None:
            return
        if not style.stands_alone(_text(story, dateline.city)):
            yield Hit(dateline.city.start, dateline.city.end)


class StandaloneRegion(DatelineCheck):
    """A stand-alone city given its own state or country: "DETROIT, Mich.", "LONDON, England" (§2.10 (3))."""

    ARGS = frozenset({"city", "region"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        region = _first_region(story, dateline)
        if region is None or dateline.region is None:
            return
        city = _text(story, dateline.city)
        home = style.standalone.get(fold_place(city))
        # Only the city's own region: "ROME, Ga." and "LONDON, Ontario" are other places.
        if home and fold_place(_text(story, region)) in home:
            args = {"city": city, "region": _text(story, dateline.region)}
            yield Hit(dateline.city.end, dateline.region.end, args, ("",), Fix("", UNSAFE))


class PostalCode(DatelineCheck):
    """A postal code for a state: "Macon, GA" is "Macon, Ga." (§2.4)."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        region = _first_region(story, dateline)
        state = style.postal_codes.get(_text(story, region)) if region else None
        if region and state:
            form = style.states[state]
            yield Hit(region.start, region.end, {"suggestion": form}, (form,), Fix(form, SAFE))


class StateAbbreviation(DatelineCheck):
    """A state written other than AP's dateline form: "Tex.", "Mass" without its period, "Illinois" (§2.4)."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        region = _first_region(story, dateline)
        if region is None:
            return
        written = _text(story, region)
        if written in style.postal_codes:
            return  # the postal-code rule's business
        found = self._ap_form(written, style)
        if found:
            form, applicability = found
            yield Hit(region.start, region.end, {"suggestion": form}, (form,), Fix(form, applicability))

    @staticmethod
    def _ap_form(written: str, style: DatelineStyle) -> tuple[str, Applicability] | None:
        forms = set(style.states.values())
        if written in forms:
            return None
        for state, form in style.states.items():
            if fold_place(written) == fold_place(form) or written == state and state not in style.ambiguous_states:
                return form, SAFE
        # A made-up abbreviation of one state only ("Tex.", "Penn."): likely, so an unsafe fix.
        if written.endswith(".") and len(written) > 2:
            stem = written[:-1].lower()
            matches = [form for state, form in style.states.items() if state.lower().startswith(stem)]
            if len(matches) == 1:
                return matches[0], UNSAFE
        return None


class Dash(DatelineCheck):
    """The dash after the dateline, and its spaces, in the style's form (§2.1, §2.6, §2.7)."""

    ARGS = frozenset({"expected"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        written = _text(story, dateline.dash)
        if written == style.dash or written in style.also_dashes:
            return
        slashed = dateline.agency is not None and story.text[dateline.agency.start] == "/"
        fix = None if slashed else Fix(style.dash, SAFE)  # TASS's ". /TASS/. " has no dash to replace
        yield Hit(dateline.dash.start, dateline.dash.end, {"expected": style.dash.strip()}, (style.dash,), fix)


class Agency(DatelineCheck):
    """The agency credited in the dateline is the house style's own: "(AP)", "(Reuters)", "(Xinhua)"."""

    ARGS = frozenset({"agency", "expected"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        if dateline.agency is None:
            return
        written = _text(story, dateline.agency)
        agency = written.strip("()/ \t")
        # A credit run on after a comma ("ROME, March 13, Reuter - ") is the wrong form even when it names the house.
        if agency != style.agency or written[0] not in "(/":
            yield Hit(dateline.agency.start, dateline.agency.end, {"agency": agency, "expected": style.agency})


class AgencySpacing(DatelineCheck):
    """One space before the agency's parenthesis and none inside it: "Jan. 1(Xinhua)" (§2.10 (10))."""

    ARGS = frozenset({"suggestion"})

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        agency = dateline.agency
        if agency is None or story.text[agency.start] != "(":
            return
        before = max(span.end for span in (dateline.city, dateline.region, dateline.date) if span is not None)
        written = story.text[before : agency.end]
        wanted = f" ({_text(story, agency).strip('() ')})"
        if written != wanted:
            yield Hit(before, agency.end, {"suggestion": wanted.strip()}, (wanted,), Fix(wanted, SAFE))


class Position(Check):
    """A dateline that is not at the start of the story body: further down, or after other words."""

    PARAMS = {"paragraphs": Param(int, 3, "how many body paragraphs to look at")}

    def setup(self) -> None:
        if self.params["paragraphs"] < 1:
            raise ValueError("'paragraphs' must be at least 1")

    def hits(self, story: Story) -> Iterable[Hit]:
        found = misplaced_dateline(story, self.params["paragraphs"])
        if found is not None:
            yield Hit(found.span.start, found.dash.start)


def misplaced_dateline(story: Story, paragraphs: int) -> Dateline | None:
    """A dated or credited dateline opening a later paragraph, or inside the first when it has none."""
    body = story.body[:paragraphs]
    if body and story.dateline is None:
        embedded = find_embedded_dateline(story.masked, body[0].start, body[0].end)
        if embedded is not None:
            return embedded
    for para in body[1:]:
        found = find_dateline(story.masked, para.start, para.end)
        if found is not None and (found.agency or found.date):
            return found
    return None


class Missing(Position):
    """No dateline where the newsroom's config says stories need one (`require-dateline = true`)."""

    def hits(self, story: Story) -> Iterable[Hit]:
        if not self.context.require_dateline or story.dateline is not None or not story.body:
            return
        if misplaced_dateline(story, self.params["paragraphs"]) is not None:
            return  # the position rule reports it
        first = story.body[0]
        word = _FIRST_WORD.search(story.masked, first.start, first.end)
        yield Hit(word.start(), word.end()) if word else Hit(first.start, first.end)


DATELINE_TYPES: dict[str, type[Check]] = {
    "dateline-city-case": CityCase,
    "dateline-needs-region": NeedsRegion,
    "dateline-standalone-region": StandaloneRegion,
    "dateline-postal-code": PostalCode,
    "dateline-state-abbreviation": StateAbbreviation,
    "dateline-month": Month,
    "dateline-month-case": MonthCase,
    "dateline-month-spelling": MonthSpelling,
    "dateline-date": Date,
    "dateline-comma": Comma,
    "dateline-dash": Dash,
    "dateline-agency": Agency,
    "dateline-agency-spacing": AgencySpacing,
    "dateline-position": Position,
    "dateline-missing": Missing,
    "dateline-weekday": Weekday,
    "dateline-future-date": FutureDate,
}
