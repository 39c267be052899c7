"""Where a story attributes: per sentence, the attribution outside quotations and who is still speaking."""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

import regex

from newslint.checks.attribution.lexicon import AttributionLexicon
from newslint.text.segment import Quote, Span
from newslint.text.story import BODY, Story
from newslint.text.word_lookup import ODD_FOLDS, word_starts

_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"\w+")
_TWO_WORD_CHARACTERS = regex.compile(r"\w\w")
_SPACE = regex.compile(r"\s+")
_WORD_BEFORE = regex.compile(r"([\w'’-]+)\s+$")
_WORD_AFTER = regex.compile(r"\s+([\w'’-]+)")
# A transcript paragraph: one to four capitalised words, a colon, then the answer.
_SPEAKER_LABEL = regex.compile(r"[ \t]*(?P<label>(?:\p{Lu}[\p{L}.'’-]*[ \t]+){0,3}\p{Lu}[\p{L}.'’-]*)[ \t]*:[ \t]+\S")
_QUOTE_AFTER = regex.compile(r"\s*[:,]?\s*")
_QUOTE_BEFORE = regex.compile(r"\s*,?\s*(?:[\p{L}.'’-]+\s+){0,4}")


@dataclass(frozen=True)
class SentenceFacts:
    """One sentence as the attribution checks see it; spans are offsets into the story."""

    span: Span
    paragraph: int  # index into story.paragraphs
    attributions: tuple[Span, ...]  # speech verbs and phrases outside quotations, vague ones excluded
    vague: tuple[Span, ...]  # unsupported attribution ("reportedly", "sources say")
    quote_only: bool  # nothing but quotation (and punctuation) in the sentence
    quoting: bool  # some quotation in the sentence

    @property
    def attributed(self) -> bool:
        return bool(self.attributions)


def _overlaps(span: Span, others: tuple[Span, ...]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


@cache
def _builder(lexicon: AttributionLexicon, timeout: float) -> Callable[[Story], Sourcing]:
    """One build function per lexicon and timeout: the story's analysis cache is keyed on it, so every
    check with the same lexicon shares one Sourcing (the lexicon is loaded once per process)."""
    return lambda story: Sourcing(story, lexicon, timeout)


class Sourcing:
    """The attribution facts of one story for one lexicon, computed once and shared by the checks."""

    def __init__(self, story: Story, lexicon: AttributionLexicon, timeout: float) -> None:
        # A proxy, not the story: the story holds this in its analysis cache, and a proxy makes no cycle.
        self.story: Story = weakref.proxy(story)
        self.lexicon = lexicon
        self.timeout = timeout  # the run's regex timeout: a TimeoutError reaches the engine
        # Computed once per story: where each pattern may start, where a word of a set stands, and
        # whether a span end falls inside a word.
        self._starts_by_pattern: dict[regex.Pattern[str] | str, list[int] | None] = {}
        self._starts_of: dict[frozenset[str], list[int]] = {}
        self._clipped_at: dict[int, bool] = {}
        self._paragraph_matches: dict[tuple[regex.Pattern[str] | str, int], list[tuple[int, Span]]] = {}

    @classmethod
    def of(cls, story: Story, lexicon: AttributionLexicon, timeout: float) -> Sourcing:
        """The story's sourcing for `lexicon`, built once through the story's analysis cache."""
        return story.analysis(_builder(lexicon, timeout))

    @cached_property
    def prose(self) -> str:
        """The masked text with every quotation and transcript answer blanked: the reporter's own words."""
        chars = list(self.story.masked)
        spoken = [(q.start, q.end) for q in self.story.quotes]
        spoken += [(label.end, self.story.paragraphs[i].end) for i, label in self.transcript.items()]
        for start, end in spoken:
            chars[start:end] = " " * (end - start)
        return "".join(chars)

    @cached_property
    def transcript(self) -> dict[int, Span]:
        """Per paragraph index, the speaker label of a transcript paragraph ("Prelogar: We think ...").

        A story is read as a transcript where at least two body paragraphs open with a label: one label
        alone is more often a kicker ("Analysis: ...") than an interview."""
        labels: dict[int, Span] = {}
        masked, not_speakers = self.story.masked, self.lexicon.not_speakers
        for index, para in enumerate(self.story.paragraphs):
            m = _SPEAKER_LABEL.match(masked, para.start, para.end)
            if m and m.group("label").lower() not in not_speakers and self.story.block_at(para.start) == BODY:
                labels[index] = Span(m.start("label"), m.end("label"))
        return labels if len(labels) >= 2 else {}

    def _is_noun(self, word: Span) -> bool:
        """Whether a speech or cognition word that may be a noun is one here ("his claims", "claims of")."""
        lexicon, text = self.lexicon, self.prose[word.start : word.end]
        if text.lower() not in lexicon.noun_forms:
            return False
        before = _WORD_BEFORE.search(self.prose, max(0, word.start - 40), word.start)
        if text[:1].isupper() and before:
            return True  # capitalised after another word: part of a name ("the United States")
        after = _WORD_AFTER.match(self.prose, word.end)
        if after and after.group(1).lower() in lexicon.noun_after:
            return True
        if not before:
            return False
        previous = before.group(1)
        if previous.lower() in lexicon.noun_before or previous.isdigit():
            return True
        if previous[:1].isupper():  # "rejected Government claims that": look past the name
            further = _WORD_BEFORE.search(self.prose, max(0, before.start() - 40), before.start())
            return bool(further) and further.group(1).lower() in lexicon.noun_before_name
        return False

    def verbs(self, pattern: str, span: Span) -> tuple[Span, ...]:
        """Matches of a speech or cognition pattern in `span` that are verbs, not nouns."""
        return tuple(m for m in self.matches(pattern, span) if not self._is_noun(m))

    def _before_speech(self, verb: Span) -> bool:
        """Whether what follows a verb is what was said ("vowed that", "vowed to", "recalled he")."""
        space = _SPACE.match(self.prose, verb.end)
        return bool(space) and (
            self.lexicon.speech_follower.match(self.prose, space.end()) is not None
            or self.prose.startswith("to ", space.end())
            and self.prose[verb.start : verb.end].lower() in self.lexicon.infinitive_verbs
        )

    def _beside_quote(self, verb: Span) -> bool:
        """Whether a verb names the speaker of a quotation right beside it ('"...," he continued')."""
        masked = self.story.masked
        opens = _QUOTE_AFTER.match(masked, verb.end)
        quote = opens and self.story.quote_at(opens.end())
        if quote and quote.start == opens.end():
            return True
        return any(
            _QUOTE_BEFORE.fullmatch(masked, q.end, verb.start) for q in self.quotes_ending(verb.start - 80, verb.start)
        )

    def matches(
        self, pattern: regex.Pattern[str] | str, span: Span, needs: frozenset[str] = frozenset()
    ) -> tuple[Span, ...]:
        """Matches of `pattern` (or the lexicon's pattern of that name) in the reporter's own words of `span`:
        those of `pattern.finditer` there.

        Where the lexicon knows the words every match starts with, the pattern is tried only where one
        does; `needs` names words one of which every match holds whole, so a span without one has none.
        """
        starts = self._starts_for(pattern)
        clipped = self._clipped(span.end)
        if starts is None or clipped:
            if needs and not clipped and not self._holds(needs, span):
                return ()
            found = self._pattern(pattern).finditer(self.prose, span.start, span.end, timeout=self.timeout)
            return tuple(Span(m.start(), m.end()) for m in found if m.end() > m.start())
        spans, end = [], span.start
        for start in starts[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]:
            if start < end:
                continue  # inside the last match, where the scan does not look
            m = self._pattern(pattern).match(self.prose, start, span.end, timeout=self.timeout)
            if m and m.end() > m.start():
                spans.append(Span(m.start(), m.end()))
                end = m.end()
        return tuple(spans)

    def _starts_for(self, pattern: regex.Pattern[str] | str) -> list[int] | None:
        """Where a match of `pattern` may start, in order (its first word does); None if unknown."""
        if pattern not in self._starts_by_pattern:
            self._starts_by_pattern[pattern] = self._word_starts(self.lexicon.first_words(pattern))
        return self._starts_by_pattern[pattern]

    def _pattern(self, pattern: regex.Pattern[str] | str) -> regex.Pattern[str]:
        """The pattern itself: a name is compiled only when a span may hold a match."""
        return getattr(self.lexicon, pattern) if isinstance(pattern, str) else pattern

    def _clipped(self, end: int) -> bool:
        """Whether a span ending at `end` ends inside a word, whose part in the span the lookups do not know."""
        if end not in self._clipped_at:
            self._clipped_at[end] = _TWO_WORD_CHARACTERS.match(self.prose, max(0, end - 1), end + 1) is not None
        return self._clipped_at[end]

    def _holds(self, words: frozenset[str], span: Span) -> bool:
        starts = self._word_starts(words)
        return starts is None or bisect.bisect_left(starts, span.start) < bisect.bisect_left(starts, span.end)

    def _word_starts(self, words: frozenset[str] | None) -> list[int] | None:
        """Where one of `words` stands whole in the prose, in order; None if they or the prose are unknown."""
        if words is None or self._lowered is None:
            return None
        if words not in self._starts_of:
            self._starts_of[words] = sorted(word_starts(self._lowered, words & self._words, whole=True))
        return self._starts_of[words]

    @cached_property
    def _lowered(self) -> str | None:
        """The prose lower-cased for word lookups; None where a letter's case folding defeats them."""
        return None if ODD_FOLDS.search(self.prose) else self.prose.lower()

    @cached_property
    def _words(self) -> frozenset[str]:
        """Every word of the prose, lower-cased: a word not here need not be looked for."""
        return frozenset(_WORD.findall(self._lowered or ""))

    @cached_property
    def facts(self) -> list[SentenceFacts]:
        paragraph_starts = [p.start for p in self.story.paragraphs]
        return [self._sentence(s, bisect.bisect_right(paragraph_starts, s.start) - 1) for s in self.story.sentences]

    @cached_property
    def _starts(self) -> list[int]:
        return [f.span.start for f in self.facts]

    def _sentence(self, span: Span, paragraph: int) -> SentenceFacts:
        vague = self.matches("vague", span)
        speech = self.verbs("attribution", span)
        speech += tuple(v for v in self.matches("quote_verb", span) if self._beside_quote(v))
        speech += tuple(v for v in self.matches("clause_verb", span) if self._before_speech(v) or self._beside_quote(v))
        speech += self.matches("accusing", span)
        label = self.transcript.get(paragraph)
        speakers = (label,) if label is not None else ()  # the transcript's speaker speaks every sentence
        own_words = self.prose[span.start : span.end]
        return SentenceFacts(
            span=span,
            paragraph=paragraph,
            attributions=speakers
            + tuple(sorted((s for s in speech if not _overlaps(s, vague)), key=lambda s: s.start)),
            vague=vague,
            quote_only=not _LETTER.search(own_words),
            quoting=own_words != self.story.masked[span.start : span.end],
        )

    def index(self, offset: int) -> int:
        """The index of the sentence holding `offset` (or the nearest one before it)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    @cached_property
    def _by_paragraph(self) -> dict[int, list[SentenceFacts]]:
        grouped: dict[int, list[SentenceFacts]] = {}
        for fact in self.facts:
            grouped.setdefault(fact.paragraph, []).append(fact)
        return grouped

    def in_paragraph(self, paragraph: int) -> list[SentenceFacts]:
        """The sentences of paragraph `paragraph` (an index into story.paragraphs)."""
        return self._by_paragraph.get(paragraph, [])

    def quotes_ending(self, low: int, high: int) -> list[Quote]:
        """The quotations that end from `low` to `high`, both included."""
        ends, quotes = self._quotes_by_end
        return quotes[bisect.bisect_left(ends, low) : bisect.bisect_right(ends, high)]

    @cached_property
    def _quotes_by_end(self) -> tuple[list[int], list[Quote]]:
        quotes = sorted(self.story.quotes, key=lambda q: q.end)
        return [q.end for q in quotes], quotes

    # Per-paragraph summaries, so that asking about "the rest of the paragraph" for each sentence costs
    # nothing more on a story whose paragraph breaks were lost (one paragraph of thousands of sentences):
    # issue 19, one-line copy in linear time.

    @cached_property
    def _attributed_by_paragraph(self) -> dict[int, list[int]]:
        """Per paragraph, the indexes of its attributed sentences, in order."""
        found: dict[int, list[int]] = {}
        for index, fact in enumerate(self.facts):
            if fact.attributed:
                found.setdefault(fact.paragraph, []).append(index)
        return found

    def attributed_elsewhere(self, index: int) -> bool:
        """Whether another sentence of the paragraph holding sentence `index` attributes."""
        attributed = self._attributed_by_paragraph.get(self.facts[index].paragraph, [])
        return len(attributed) > (1 if self.facts[index].attributed else 0)

    def attributed_earlier(self, index: int) -> bool:
        """Whether a sentence before sentence `index` in its paragraph attributes."""
        attributed = self._attributed_by_paragraph.get(self.facts[index].paragraph, [])
        return bool(attributed) and attributed[0] < index

    def paragraph_attributed(self, paragraph: int) -> bool:
        return paragraph in self._attributed_by_paragraph

    @cached_property
    def _vague_paragraphs(self) -> frozenset[int]:
        return frozenset(f.paragraph for f in self.facts if f.vague)

    def paragraph_vague(self, paragraph: int) -> bool:
        """Whether a sentence of the paragraph has vague sourcing."""
        return paragraph in self._vague_paragraphs

    def paragraph_matches(self, pattern: regex.Pattern[str] | str, paragraph: int) -> list[tuple[int, Span]]:
        """The matches of `pattern` in the paragraph's sentences that lie outside their vague forms, with
        the index of each one's sentence; found once per pattern and paragraph."""
        key = (pattern, paragraph)
        if key not in self._paragraph_matches:
            facts = self.in_paragraph(paragraph)
            first = self.index(facts[0].span.start) if facts else 0
            self._paragraph_matches[key] = [
                (first + offset, m)
                for offset, fact in enumerate(facts)
                for m in self.matches(pattern, fact.span)
                if not _overlaps(m, fact.vague)
            ]
        return self._paragraph_matches[key]

    def paragraph_sentences(self, index: int) -> list[SentenceFacts]:
        """The sentences of the paragraph holding sentence `index` (a new list the caller may extend)."""
        return list(self._by_paragraph[self.facts[index].paragraph])

    @cached_property
    def speaking(self) -> list[bool]:
        """Per sentence: whether an attributed quotation is running there.

        News copy attributes the first quotation and lets the quote-only paragraphs that follow run on
        under that attribution (Reuters: identify the speaker quickly, usually after the first sentence).
        A paraphrase ("Smith says the rain did little.") does not attribute the quotation after it:
        edited copy attributes that quotation again ("...," she said).
        """
        alive: list[bool] = []
        for index, fact in enumerate(self.facts):
            carried = index > 0 and alive[index - 1] and fact.quote_only
            alive.append(fact.attributed and fact.quoting or carried)
        return alive
