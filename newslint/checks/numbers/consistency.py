"""One kind of number written two ways in one story: flag the minority form, suggest the majority one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newslint.checks.base import Param, majority
from newslint.checks.numbers.base import NumberCheck
from newslint.checks.numbers.forms import (
    Occurrence,
    fraction_forms,
    percent_forms,
    range_forms,
    scale_forms,
    separator_forms,
)  # fmt: skip
from newslint.checks.numbers.inventory import COMMA, PLAIN, SPACE, inventory
from newslint.finding import Hit
from newslint.text.story import BODY, Story

# Each feature and the house-style key that, when the house style fixes it, takes the feature over.
FEATURES = {"separators": "thousands", "percent": "percent", "scale": "scale", "ranges": "", "fractions": ""}
FORM_NAMES = {
    COMMA: "with a comma", SPACE: "with a space", PLAIN: "with no separator", "%": "with %",
    "spaced %": "with a space before %", "percent": "with 'percent'", "per cent": "with 'per cent'", "full": "in full", "word": "with the word",
    "abbreviation": "abbreviated", "to": "with 'to'", "hyphen": "with a hyphen", "words": "in words",
    "slash": "with a slash",
}  # fmt: skip


class Mixed(NumberCheck):
    """Style-free: within one story's body, each feature keeps the form the story uses most."""

    PARAMS = {
        **NumberCheck.PARAMS,
        "feature": Param(str, doc="separators, percent, scale, ranges or fractions"),
        "safe-forms": Param(list, [], "target forms whose fix is safe (unambiguous), e.g. ['comma']"),
    }
    ARGS = frozenset({"suggestion", "form", "preferred_form", "count", "preferred_count"})

    def setup(self) -> None:
        super().setup()
        if self.params["feature"] not in FEATURES:
            raise ValueError(f"'feature' must be one of {sorted(FEATURES)}")
        self.feature = self.params["feature"]

    def number_hits(self, story: Story) -> Iterable[Hit]:
        house_key = FEATURES[self.feature]
        if house_key and self.house(house_key) is not None:
            return  # the house-style rule for this feature already names the one right form
        body = [o for o in self._occurrences(story) if story.block_at(o.start) == BODY]
        for group in sorted({o.group for o in body}):
            yield from self._group_hits(story, [o for o in body if o.group == group])

    def _group_hits(self, story: Story, found: list[Occurrence]) -> Iterable[Hit]:
        usual = majority(o.form for o in sorted(found, key=lambda o: o.start))  # a tie: the first form used
        if usual is None:
            return
        preferred, counts = usual
        if self.feature == "separators" and set(counts) == {SPACE, PLAIN} and self._si_style(found):
            return  # SI style: 1684 but 25 000 (reference §1.3)
        for o in found:
            if o.form != preferred:
                yield self._hit(story, o, preferred, counts)

    def _hit(self, story: Story, o: Occurrence, preferred: str, counts: Counter) -> Hit:
        suggestion = o.render(preferred)
        args = {
            "suggestion": suggestion or FORM_NAMES[preferred], "form": FORM_NAMES[o.form],
            "preferred_form": FORM_NAMES[preferred], "count": counts[o.form], "preferred_count": counts[preferred],
        }  # fmt: skip
        if suggestion is None:
            return Hit(o.start, o.end, args)
        fix = self.safe_fix(suggestion, safe=preferred in self.params["safe-forms"])
        return Hit(o.start, o.end, args, (suggestion,), fix)

    @staticmethod
    def _si_style(found: list[Occurrence]) -> bool:
        return all(o.mention is not None and o.mention.value < 10_000 for o in found if o.form == PLAIN)

    def _occurrences(self, story: Story) -> list[Occurrence]:
        inv = inventory(story, self.lex)
        if self.feature == "separators":
            return separator_forms(inv, self.lex.threshold("separator-min"), self.exempt)
        if self.feature == "percent":
            return percent_forms(story, inv)
        if self.feature == "scale":
            return scale_forms(story, inv, self.lex)
        if self.feature == "ranges":
            return range_forms(story, inv, self.lex)
        return fraction_forms(story, inv, self.lex)
