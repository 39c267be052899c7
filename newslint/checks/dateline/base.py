"""What the checks on a story's own dateline share: the house style's table and the dateline's text."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks.base import Check
from newslint.finding import Applicability, Hit
from newslint.text import dateline_data
from newslint.text.dateline_data import DatelineStyle
from newslint.text.datelines import Dateline
from newslint.text.segment import Span
from newslint.text.story import Story

SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


def span_text(story: Story, span: Span) -> str:
    return story.text[span.start : span.end]


class DatelineCheck(Check):
    """Base of the checks on the story's own dateline, in the context's house style."""

    def setup(self) -> None:
        self.data = dateline_data.load()

    def hits(self, story: Story) -> Iterable[Hit]:
        style = self.data.styles.get(self.context.style)
        if story.dateline is None or style is None:
            return ()
        return self.check(story, story.dateline, style)

    def check(self, story: Story, dateline: Dateline, style: DatelineStyle) -> Iterable[Hit]:
        raise NotImplementedError
