"""The Story: original text, masked text, line index and typed spans, each computed once and shared."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

import regex

from newslint.text import segment
from newslint.text.datelines import Dateline, find_dateline
from newslint.text.lineindex import LineIndex
from newslint.text.markup import MARKDOWN_SUFFIXES, mask
from newslint.text.patterns import cached_pattern
from newslint.text.segment import Quote, Span, Token

_S = TypeVar("_S", bound=Span)
_T = TypeVar("_T")

HEADLINE, BYLINE, DATELINE, BODY, QUOTE = "headline", "byline", "dateline", "body", "quote"
SCOPES = (HEADLINE, BYLINE, DATELINE, BODY, QUOTE)

# Lines of wire and CMS metadata above the body: "Source: Xinhua", "By Jane Doe", a bare timestamp.
_METADATA_SOURCE = (
    r"(?i:source|editor|byline|author|reporter|reporting by|writing by|editing by|updated|published"
    r"|posted|filed|photo|credit|slug|tags?|category)[ \t]*:[ \t]*\S.*"
    r"|(?i:by)[ \t]+\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*)+(?:[ \t]*(?:,|and|&).*)?"
    r"|\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?.*"
    r"|(?i:(?:additional[ \t]+)?(?:reporting|writing|editing)[ \t]+by)[ \t]+\S.*"
    r"|(?i:updated|posted)?[ \t]*(?:\w+day,?[ \t]+)?\p{L}+\.?[ \t]+\d{1,2},[ \t]+\d{4}\b.{0,40}"
)
_HEADLINE_MAX_WORDS = 25


def _metadata() -> regex.Pattern[str]:
    """Compiled on first use: a story of long paragraphs has no line short enough to be metadata."""
    return cached_pattern(_METADATA_SOURCE)


_MARKDOWN_HEADING = regex.compile(r"[ \t]{0,3}#{1,6}[ \t]")


class Story:
    """One story. Offsets everywhere are 0-based, end-exclusive, in code points of `text`."""

    def __init__(self, text: str, path: str = "<stdin>", *, markdown: bool | None = None, lead: bool = True):
        self.text = text
        self.path = path
        self.markdown = path.lower().endswith(MARKDOWN_SUFFIXES) if markdown is None else markdown
        self._lead = lead  # False for snippets (rule examples): every paragraph is body
        self._analyses: dict[Callable[[Story], Any], Any] = {}

    @classmethod
    def snippet(cls, text: str) -> Story:
        """A bare piece of copy with no headline or metadata, as in a rule's examples."""
        return cls(text, "<example>", markdown=False, lead=False)

    @cached_property
    def masked(self) -> str:
        return mask(self.text, self.markdown)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return segment.paragraphs(self.masked)

    @cached_property
    def _layout(self) -> tuple[list[Span], list[Span], int]:
        """Headline spans, byline (metadata) spans and the index of the first body paragraph."""
        headlines: list[Span] = []
        bylines: list[Span] = []
        for index, para in enumerate(self.paragraphs):
            kind = self._lead_kind(para, is_first=index == 0) if self._lead else None
            if kind is None and index == 0 and self._lead and self._above_metadata(index):
                kind = HEADLINE  # "… Aren't Impressed." then a timestamp: a headline ending in a period
            if kind is None:
                return headlines, bylines, index
            (headlines if kind == HEADLINE else bylines).append(para)
        return headlines, bylines, len(self.paragraphs)

    def _above_metadata(self, index: int) -> bool:
        """Whether paragraph `index` is one short line and the next paragraph is a metadata line."""
        if index + 1 >= len(self.paragraphs):
            return False
        para, after = self.paragraphs[index], self.paragraphs[index + 1]
        text = self.masked[para.start : para.end].strip()
        if "\n" in text or "\r" in text or len(text.split()) > _HEADLINE_MAX_WORDS:
            return False
        return _metadata().fullmatch(self.masked[after.start : after.end].strip()) is not None

    def _lead_kind(self, para: Span, is_first: bool) -> str | None:
        """HEADLINE, BYLINE or None (body) for a paragraph above the body."""
        raw = self.text[para.start : para.end]
        if self.markdown and _MARKDOWN_HEADING.match(raw):
            return HEADLINE
        text = self.masked[para.start : para.end].strip()
        if "\n" in text or "\r" in text or len(text.split()) > _HEADLINE_MAX_WORDS:
            return None
        if _metadata().fullmatch(text):
            return BYLINE
        if find_dateline(self.masked, para.start, para.end):
            return None
        if self.markdown and not is_first:
            return None  # Markdown headlines are headings; a short later paragraph is body
        if text[-1] in ".!”\"'’" and not text.endswith(("...", "…")):
            return None
        return HEADLINE if len(self.paragraphs) > 1 else None

    @property
    def headlines(self) -> list[Span]:
        return self._layout[0]

    @property
    def bylines(self) -> list[Span]:
        return self._layout[1]

    @property
    def body(self) -> list[Span]:
        """The body paragraphs, dateline included."""
        return self.paragraphs[self._layout[2] :]

    @cached_property
    def dateline(self) -> Dateline | None:
        if not self.body:
            return None
        first = self.body[0]
        return find_dateline(self.masked, first.start, first.end)

    @cached_property
    def sentences(self) -> list[Span]:
        found: list[Span] = []
        for para in self.paragraphs:
            found.extend(segment.sentences(self.masked, para))
        return found

    @cached_property
    def quotes(self) -> list[Quote]:
        return segment.quotes(self.masked, self.body + self.headlines)

    @cached_property
    def tokens(self) -> list[Token]:
        return list(segment.tokens(self.masked))

    @cached_property
    def token_forms(self) -> list[str]:
        """Each token as the name and spelling checks read it, a final 's dropped."""
        return segment.without_possessive(token.text for token in self.tokens)

    def analysis(self, build: Callable[[Story], _T]) -> _T:
        """What `build` makes of this story, made once and shared by every check that asks: the one per-story
        cache through which each family's inventory (names, numbers, sourcing) is built."""
        try:
            return self._analyses[build]
        except KeyError:
            made = self._analyses[build] = build(self)
            return made

    # --- where an offset lies -------------------------------------------------------------------

    @cached_property
    def _blocks(self) -> tuple[list[int], list[Span], list[str]]:
        # Paragraphs only, which never overlap; the dateline inside the first body paragraph is checked apart.
        spans = [(s, HEADLINE) for s in self.headlines] + [(s, BYLINE) for s in self.bylines]
        spans += [(s, BODY) for s in self.body]
        spans.sort(key=lambda pair: pair[0].start)
        return [s.start for s, _ in spans], [s for s, _ in spans], [k for _, k in spans]

    def block_at(self, offset: int) -> str:
        """HEADLINE, BYLINE, DATELINE or BODY for the paragraph holding `offset`."""
        if self.dateline and self.dateline.span.start <= offset < self.dateline.span.end:
            return DATELINE
        starts, spans, kinds = self._blocks
        index = bisect.bisect_right(starts, offset) - 1
        return kinds[index] if index >= 0 and offset < spans[index].end else BODY

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation holding `offset`, marks included, if any."""
        return _containing(self.quotes, self._quote_starts, offset)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Span | None:
        return _containing(self.paragraphs, self._paragraph_starts, offset)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span | None:
        return _containing(self.sentences, self._sentence_starts, offset)

    def touches_quote(self, start: int, end: int) -> bool:
        """Whether an edit of [start, end) would change a quotation (an insertion at a quote's edge counts): a
        quote is the speaker's words, and no fix ever edits them (DESIGN.md §2). Quotes may nest, so every one is
        asked; only findings with a fix ask."""
        return any(q.start < max(end, start + 1) and start < q.end for q in self.quotes)

    def in_scope(self, start: int, scopes: frozenset[str]) -> bool:
        """Whether a hit starting at `start` lies in one of `scopes` (quotes only when opted in)."""
        if QUOTE not in scopes and self.quote_at(start) is not None:
            return False
        return self.block_at(start) in scopes


def _containing(spans: list[_S], starts: list[int], offset: int) -> _S | None:
    """The span of sorted, non-overlapping `spans` (with their `starts`) that holds `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    return spans[index] if index >= 0 and offset < spans[index].end else None
