"""Contested claims in a sentence: casualty and damage counts, estimates and accusations."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint.checks.attribution.lexicon import AttributionLexicon
from newslint.checks.attribution.sourcing import Sourcing
from newslint.text.segment import Span

_FIGURE = regex.compile(r"(?<![\w$£€.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-]|[.,:/]\d)")
_YEAR = regex.compile(r"(?:1[89]|20)\d\d")
_CLAUSE_BREAK = regex.compile(r"[,;:()—–]")
_SPACE_OR_DASH = regex.compile(r"[\s-]+")


@dataclass(frozen=True)
class Claim:
    span: Span
    kind: str  # "casualty count", "estimate", "accusation": shown in the message


class ClaimFinder:
    """Finds the claims of one sentence in the reporter's own words (quotations are the speaker's)."""

    def __init__(self, lexicon: AttributionLexicon, window: int) -> None:
        self.lexicon = lexicon
        self.window = window

    def claims(self, sourcing: Sourcing, span: Span) -> list[Claim]:
        found = [Claim(s, "estimate") for s in sourcing.matches("estimate", span)]
        found += [Claim(s, "accusation") for s in sourcing.matches("accusation", span)]
        for casualty in sourcing.matches("casualty", span):
            count = self._count_near(sourcing, span, casualty)
            if count is not None:
                found.append(Claim(Span(min(count.start, casualty.start), max(count.end, casualty.end)),
                                   "casualty count"))  # fmt: skip
        fresh = [c for c in found if not self._background(sourcing.prose, span, c.span)]
        return sorted(fresh, key=lambda c: c.span.start)

    def _count_near(self, sourcing: Sourcing, span: Span, casualty: Span) -> Span | None:
        """The count the casualty word states: before it in the same clause ("32,070 Palestinians have
        been killed", "Four people were killed and eight injured") or right after it as its object
        ("killed at least 12")."""
        prose = sourcing.prose
        best: tuple[int, Span] | None = None
        for count in self._counts(sourcing, span):
            if count.end <= casualty.start:
                gap = prose[count.end : casualty.start]  # "two Palestinians who shot the settler dead": no
                if not gap.strip() and prose[casualty.start : casualty.end].lower() in self.lexicon.count_nouns:
                    continue  # "10 kills": a game's statistic
                relative = self.lexicon.relative.search(gap)
                fits = not _CLAUSE_BREAK.search(gap) and not relative and len(gap.split()) <= self.window
            elif count.start >= casualty.end:
                gap = prose[casualty.end : count.start]
                fits = self.lexicon.count_link.fullmatch(prose, casualty.end, count.start) is not None
            else:
                continue
            if fits and (best is None or len(gap.split()) < best[0]):
                best = (len(gap.split()), count)
        return best[1] if best else None

    def _counts(self, sourcing: Sourcing, span: Span) -> list[Span]:
        prose = sourcing.prose
        found = list(sourcing.matches("number_word", span))
        found += sourcing.matches("compound_number", span)  # "Twenty-one", opening a sentence
        for m in _FIGURE.finditer(prose, span.start, span.end):
            if _YEAR.fullmatch(m.group()) and "," not in m.group():
                continue
            found.append(Span(m.start(), m.end()))
        return [c for c in found if not self._not_a_count(prose, span, c)]

    def _not_a_count(self, prose: str, span: Span, count: Span) -> bool:
        """Ages, times, measures and labels: "23-year-old", "aged 80", "5 per cent", "Route 9"."""
        if prose[count.end : count.end + 1] == "-":
            return True  # "three-year-old", "32,000-strong"
        gap = _SPACE_OR_DASH.match(prose, count.end, span.end)
        if gap and self.lexicon.not_count.match(prose, gap.end(), span.end):
            return True
        return bool(self.lexicon.before_not_count.search(prose, max(span.start, count.start - 24), count.start))

    def _background(self, prose: str, sentence: Span, claim: Span) -> bool:
        """Whether the claim sits in a relative or time clause opened since the last comma."""
        head = prose[sentence.start : claim.start]
        clause = head[max(head.rfind(","), head.rfind(";")) + 1 :]
        return self.lexicon.background.search(clause) is not None
