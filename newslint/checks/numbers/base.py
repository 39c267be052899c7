"""What every numbers rule shares: the lexicon, the house style's forms, exempt kinds and quote-safe fixes."""

from __future__ import annotations

from newslint.checks.numbers import context as ctx
from newslint.checks.base import Check, Param, touches_quote
from newslint.checks.numbers.inventory import Mention
from newslint.checks.numbers.lexicon import load_lexicon
from newslint.checks.numbers.words import number_words
from newslint.finding import Applicability, Fix
from newslint.text.story import HEADLINE, Story


class NumberCheck(Check):
    """Shared set-up: the lexicon, its number words and the rule's list of exempt kinds."""

    PARAMS = {"exempt": Param(list, [], "context kinds where the rule is silent (age, money, date, …)")}

    def setup(self) -> None:
        self.lex = load_lexicon()
        self.words = number_words(self.lex)
        unknown = sorted(set(self.params["exempt"]) - ctx.KINDS)
        if unknown:
            raise ValueError(f"unknown kinds in 'exempt': {unknown}; known: {sorted(ctx.KINDS)}")
        self.exempt = frozenset(self.params["exempt"])

    def house(self, key: str) -> str | None:
        """The form the rule's own `form` key names, else the form the house style prescribes, else None."""
        own = self.params.get("form")
        return own if own else self.lex.house_form(self.context.style, key)

    def excused(self, mention: Mention) -> bool:
        """An exempt kind, or not running copy (a Markdown subhead takes figures like a headline)."""
        return bool(mention.kinds & self.exempt) or mention.block == HEADLINE

    @staticmethod
    def safe_fix(story: Story, start: int, replacement: str, safe: bool = True) -> Fix | None:
        """No fix ever edits a quotation (the speaker's words)."""
        if touches_quote(story, start, start):
            return None
        return Fix(replacement, Applicability.SAFE if safe else Applicability.UNSAFE)
