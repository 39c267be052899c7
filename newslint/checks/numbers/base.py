"""What every numbers rule shares: the lexicon, the house style's forms, exempt kinds and quote-safe fixes."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks.base import Check, Param
from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.data import load_number_data
from newslint.checks.numbers.inventory import Mention
from newslint.checks.numbers.words import number_words
from newslint.finding import Applicability, Fix, Hit
from newslint.text.story import HEADLINE, Story

# Numbers inside quotations: written in the house style (the speaker said words; the writer chose figures or
# words), or left as the copy has them.
HOUSE_STYLE, AS_SPOKEN = "house-style", "as-spoken"
QUOTE_SETTINGS = (HOUSE_STYLE, AS_SPOKEN)


class NumberCheck(Check):
    """Shared set-up: the lexicon, its number words and the rule's list of exempt kinds."""

    PARAMS = {
        "exempt": Param(list, [], "context kinds where the rule is silent (age, money, date, …)"),
        "quotes": Param(
            str,
            "",
            "'house-style' (numbers in quotations follow it) or 'as-spoken' (left alone); empty: the house style's",
        ),
    }

    def setup(self) -> None:
        self.lex = load_number_data()
        self.words = number_words(self.lex)
        unknown = sorted(set(self.params["exempt"]) - ctx.KINDS)
        if unknown:
            raise ValueError(f"unknown kinds in 'exempt': {unknown}; known: {sorted(ctx.KINDS)}")
        self.exempt = frozenset(self.params["exempt"])
        if self.params["quotes"] not in ("", *QUOTE_SETTINGS):
            raise ValueError(f"'quotes' must be one of {list(QUOTE_SETTINGS)}")

    def hits(self, story: Story) -> Iterable[Hit]:
        """The rule's hits, less those inside a quotation where the house leaves the speaker's numbers alone.
        (A rule whose scope does not take in quotations never sees them: the engine drops them first.)"""
        if self.quotes() == HOUSE_STYLE:
            return self.number_hits(story)
        return (hit for hit in self.number_hits(story) if story.quote_at(hit.start) is None)

    def number_hits(self, story: Story) -> Iterable[Hit]:
        raise NotImplementedError

    def quotes(self) -> str:
        """How the house treats numbers in quotations: the rule's own `quotes` key, else the house's."""
        return self.params["quotes"] or self.lex.house_form(self.context.style, "quotes") or AS_SPOKEN

    def house(self, key: str) -> str | None:
        """The form the rule's own `form` key names, else the form the house style prescribes, else None."""
        own = self.params.get("form")
        return own if own else self.lex.house_form(self.context.style, key)

    def excused(self, mention: Mention) -> bool:
        """An exempt kind, or not running copy (a Markdown subhead takes figures like a headline)."""
        return bool(mention.kinds & self.exempt) or mention.block == HEADLINE

    @staticmethod
    def safe_fix(replacement: str, safe: bool = True) -> Fix:
        """The fix, safe or not (the engine drops any fix that would edit a quotation)."""
        return Fix(replacement, Applicability.SAFE if safe else Applicability.UNSAFE)
