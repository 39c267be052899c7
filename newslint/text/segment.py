"""Split masked story text into paragraphs, sentences, quotations and word tokens.

Every function takes the masked text and returns spans as 0-based, end-exclusive offsets into it,
which are also offsets into the original text because masking keeps the length.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote(Span):
    """A quotation, marks included. `run` is the index of the first quote of a multi-paragraph quotation
    (news style repeats the opening mark at each new paragraph and closes only at the end)."""

    run: int
    closed: bool


@dataclass(frozen=True, slots=True)
class Token(Span):
    text: str


# Tried only at line starts ("(?<![^\r\n])"), where every match starts anyway: tried at each position of a
# line of nothing but spaces (a blank line, or a long line of masked markup), it scanned to the line's end
# every time, which cost quadratic time.
_PARAGRAPH = regex.compile(r"(?<![^\r\n])[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}\p{Nd}]*(?:['’\-.][\p{L}\p{M}\p{Nd}]+)*")

# Words after which a period does not end a sentence (AP titles, months, initials are handled apart).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col capt cmdr maj sgt cpl pvt adm gov lt.gov sen rep rev fr sr jr st mt ft
    no nos vol vs etc inc corp co ltd bros dept univ assn ave blvd rd hwy
    jan feb aug sept sep oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn vt va wash wis wyo
    approx est fig
    """.split()
)
# After a dotted acronym ("U.S.") these words start a new sentence; any other word continues it.
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I But And In On At This That These Those There His Her Its Their "
    "Our However Meanwhile Officials Police".split()
)

_SENTENCE_END = regex.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[\p{Lu}\p{Nd}])|[.!?]+[\"”’')\]]*(?=\s*$)")


def paragraphs(masked: str) -> list[Span]:
    """Runs of non-blank lines."""
    return [Span(m.start(), m.end()) for m in _PARAGRAPH.finditer(masked)]


# Matched in place (a reverse match ends at the period) rather than on a copy of the text before it:
# copying and searching the prefix made a long paragraph cost quadratic time.
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}.]*)\n?")  # "\n?": as "$" did, a line break may sit between
_WORD_AFTER = regex.compile(r"\s+[\"“]?(\w+)")


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the period at `dot` ends a sentence, judging the word before it and the word after."""
    if text[dot] != ".":
        return True
    word = _WORD_BEFORE.match(text, 0, dot).group(1)
    bare = word.lower().rstrip(".")
    if len(bare) == 1 and word[:1].isupper():
        return False  # an initial: "Antony J. Blinken"
    if bare in ABBREVIATIONS:
        return False
    if "." in word:  # "U.S." or "a.m.": ends only before a typical sentence opener
        following = _WORD_AFTER.match(text, dot + 1)
        return bool(following) and following.group(1) in SENTENCE_STARTERS
    return True


def sentences(masked: str, paragraph: Span) -> list[Span]:
    """Sentences of one paragraph; abbreviations, initials and "U.S." do not end one."""
    text = masked[paragraph.start : paragraph.end]
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if _ends_sentence(text, m.start()):
            spans.append((start, m.end()))
            start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [_trimmed(text, paragraph.start, a, b) for a, b in spans if text[a:b].strip()]


def _trimmed(text: str, base: int, start: int, end: int) -> Span:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return Span(base + start + lead, base + end - trail)


_OPEN, _CLOSE, _STRAIGHT = "“«", "”»", '"'
_QUOTE_MARK = regex.compile(r'["“”«»]')


def _direction(masked: str, index: int) -> str:
    """Whether the quotation mark at `index` opens, closes or could do either, from it and its neighbours."""
    mark = masked[index]
    if mark in _OPEN or mark in _CLOSE:
        return "open" if mark in _OPEN else "close"
    before = masked[index - 1] if index > 0 else " "
    after = masked[index + 1] if index + 1 < len(masked) else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-/")
    return "open" if opens and not closes else "close" if closes and not opens else "either"


def _end_of_words(masked: str, index: int) -> int:
    """`index` less the whitespace just before it; walked back in place, since copying the text up to
    every mark (`masked[:index].rstrip()`) made copy flattened to one line cost quadratic time."""
    while index > 0 and masked[index - 1].isspace():
        index -= 1
    return index


def quotes(masked: str, paras: list[Span]) -> list[Quote]:
    """Quotations in double marks (straight or curly, « ») and in single marks (British style, AP headlines
    and quotes within quotes), continuing over paragraphs in the news convention, in text order.

    A quotation inside one of the other kind ('He said "no",' she said) belongs to the outer one and is
    not listed apart; `run` is renumbered to index this list.
    """
    # Sorted: the story passes its body before its headlines. `run` stays an id of the run within a kind.
    double = sorted(_double_quotes(masked, paras), key=lambda q: q.start)
    single = sorted(_single_quotes(masked, paras), key=lambda q: q.start)
    double_starts, single_starts = [q.start for q in double], [q.start for q in single]
    kept = [("d", q) for q in double if not _nested_in(q, single, single_starts)]
    kept += [("s", q) for q in single if not _crosses(q, double, double_starts)]
    kept.sort(key=lambda pair: pair[1].start)
    first_of_run: dict[tuple[str, int], int] = {}
    merged: list[Quote] = []
    for kind, quote in kept:
        run = first_of_run.setdefault((kind, quote.run), len(merged))
        merged.append(Quote(quote.start, quote.end, run, quote.closed))
    return merged


def _nested_in(quote: Quote, others: list[Quote], starts: list[int]) -> bool:
    """Whether `quote` lies inside one of `others` (sorted by start, none overlapping; `starts` theirs)."""
    index = bisect.bisect_right(starts, quote.start) - 1
    return index >= 0 and others[index].start <= quote.start and quote.end <= others[index].end


def _crosses(quote: Quote, others: list[Quote], starts: list[int]) -> bool:
    """Whether `quote` overlaps one of `others` (sorted, none overlapping; `starts` theirs) without holding
    it whole: the double marks win."""
    before = bisect.bisect_right(starts, quote.start) - 1  # the one starting at or before it
    if before >= 0 and others[before].end > quote.start and others[before].start < quote.start:
        return True
    last = bisect.bisect_left(starts, quote.end) - 1  # the last one starting inside it
    return last >= 0 and others[last].start >= quote.start and others[last].end > quote.end


def _double_quotes(masked: str, paras: list[Span]) -> list[Quote]:
    """Double-quoted spans, straight or curly, continuing over paragraphs in the news convention.

    A mark that can only open, met while a quotation is open, means a paragraph break was lost (copy
    flattened to one line): the open quotation runs on unclosed and the new one continues its run.
    """
    found: list[Quote] = []
    run: int | None = None  # index of the first quote of a quotation still running on
    for index, para in enumerate(paras):
        opened: int | None = None
        for m in _QUOTE_MARK.finditer(masked, para.start, para.end):
            direction = _direction(masked, m.start())
            if opened is None:
                opened = m.start() if direction != "close" else None  # a stray closing mark is ignored
            elif direction == "open":
                run = len(found) if run is None else run
                found.append(Quote(opened, _end_of_words(masked, m.start()), run, False))
                opened = m.start()
            else:
                found.append(Quote(opened, m.end(), len(found) if run is None else run, True))
                opened, run = None, None
        if opened is None:
            run = None
            continue
        following = paras[index + 1] if index + 1 < len(paras) else None
        continues = following is not None and masked[following.start] in _OPEN + _STRAIGHT
        this_run = len(found) if run is None else run
        found.append(Quote(opened, para.end, this_run, False))
        run = this_run if continues else None
    return found


# Single marks. An apostrophe inside a word (don't, O'Brien) is no mark at all; one that stands for left-out
# letters or digits at a word's start ('90s, rock 'n' roll, 'em, 'tis) is an elision, not an opening quote.
_SINGLE_MARK = regex.compile(r"['‘’]")
_ELISION = regex.compile(
    r"(?<![\p{L}\p{N}])['‘’](?:\d\d(?:s|th)?|n['‘’]|em|tis|twas|til|cause|bout|burbs|round|cos|nuff|ol['‘’]?)(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
_OPENS_AFTER = '([{—–-/"“:'  # what may stand before an opening single mark besides a space
_CLOSES_BEFORE = '.,;:!?)]}—–-/"”…'  # what may follow a closing single mark besides a space
_PUNCTUATION = ".,;:!?…—–-"


def _single_direction(masked: str, index: int) -> str | None:
    """ "open", "close", "weak-close" or None (an apostrophe) for the single mark at `index`.

    A closing mark right after a word and before a space ('End result' of talks) may also be a plural
    possessive (the ministers' view) or a dropped letter (goin'): "weak-close" closes a quotation unless a
    plain closing mark follows before the next opening one.
    """
    mark = masked[index]
    before = masked[index - 1] if index > 0 else " "
    after = masked[index + 1] if index + 1 < len(masked) else " "
    if before.isalnum() and after.isalnum():
        return None  # inside a word: don't, O'Brien
    opens = (
        mark != "’" and (before.isspace() or before in _OPENS_AFTER) and not (after.isspace() or after in _PUNCTUATION)
    )
    closes = mark != "‘" and not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE)
    if opens == closes:
        return None
    if opens:
        return "open"
    return "weak-close" if before.isalnum() and after.isspace() else "close"


def _single_marks(masked: str, para: Span) -> list[tuple[int, str]]:
    """The single marks of a paragraph that may open or close a quotation, with their direction."""
    elided: set[int] = set()
    for m in _ELISION.finditer(masked, para.start, para.end):
        elided.update((m.start(), m.end() - 1))  # both marks of 'n' and ol'
    marks = []
    for m in _SINGLE_MARK.finditer(masked, para.start, para.end):
        direction = None if m.start() in elided else _single_direction(masked, m.start())
        if direction is not None:
            marks.append((m.start(), direction))
    return marks


def _single_quotes(masked: str, paras: list[Span]) -> list[Quote]:
    """Single-quoted spans ('The end result matters,' the minister said), paragraph by paragraph.

    An opening mark left unclosed makes a quotation only where news copy runs a quotation on: the next
    paragraph opens with a single mark, or the paragraph itself opens with it; elsewhere it is more likely
    an apostrophe than a quotation with its closing mark lost.
    """
    found: list[Quote] = []
    run: int | None = None
    for index, para in enumerate(paras):
        marks = _single_marks(masked, para)
        # Per mark: whether a closing mark after punctuation follows before the next opening mark: only then
        # is a weak one a possessive inside the quotation ('The ministers' view is clear,' he said) rather
        # than its end ('no deal' on Monday, and the bosses' offer).
        closer_ahead, seen = [False] * len(marks), False
        for k in range(len(marks) - 1, -1, -1):
            closer_ahead[k] = seen
            seen = marks[k][1] == "close" or seen and marks[k][1] == "weak-close"
        opened: int | None = None
        for k, (position, direction) in enumerate(marks):
            if opened is None:
                opened = position if direction == "open" else None  # a stray closing mark is an apostrophe
            elif direction == "open":
                run = len(found) if run is None else run
                found.append(Quote(opened, _end_of_words(masked, position), run, False))
                opened = position
            elif direction == "close" or not closer_ahead[k]:
                found.append(Quote(opened, position + 1, len(found) if run is None else run, True))
                opened, run = None, None
        if opened is None:
            run = None
            continue
        following = paras[index + 1] if index + 1 < len(paras) else None
        continues = following is not None and masked[following.start] in "'‘"
        if not (continues or run is not None or opened == para.start):
            run = None
            continue
        this_run = len(found) if run is None else run
        found.append(Quote(opened, para.end, this_run, False))
        run = this_run if continues else None
    return found


_POSSESSIVE_ENDINGS = frozenset({"'s", "'S", "’s", "’S"})


def without_possessive(words: Iterable[str]) -> list[str]:
    """Each word with a final 's dropped: "Blinken's" -> "Blinken"."""
    endings = _POSSESSIVE_ENDINGS
    return [w[:-2] if w[-2:] in endings else w for w in words]


def tokens(masked: str) -> Iterator[Token]:
    """Word tokens: letters, with inner apostrophes, hyphens and periods ("al-Qaida", "U.S")."""
    # A word met again shares the first one's string: news copy repeats its words, and on a long story
    # the tokens' texts are a large part of the peak memory.
    seen: dict[str, str] = {}
    for m in _WORD.finditer(masked):
        text = m.group()
        yield Token(m.start(), m.end(), seen.setdefault(text, text))
