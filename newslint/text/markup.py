"""Mask markup out of a story: a same-length copy where syntax is spaces and words keep their offsets.

Masking, never stripping, means every match on the masked text already has the source's offset
(DESIGN.md §2; Vale's re-search of stripped text is the counter-example). Line breaks are kept so that
paragraphs and lines stay where they are.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from newslint.text.patterns import cached_pattern

# Masked in every story: addresses are not words to spell-check or count.
_URL = r"(?:https?://|ftp://|www\.)[^\s<>()\"'“”]+[^\s<>()\"'“”.,;:!?]"
# Tried only where a run of address characters starts (or where the previous match ended, \G): tried at
# every position inside a long run of letters or digits, it scanned to the run's end each time, which made
# one long "word" cost quadratic time. Whatever would match inside a run also matches from its start.
_EMAIL = r"(?:\G|(?<![\w.+-]))[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HTML_COMMENT = r"<!--.*?-->"
_PLAIN_MARKERS = ("<!--", "://", "www.", "@")  # every match of _plain() contains one of these

_MARKDOWN_SOURCE = "|".join(
    (
        r"\A---[ \t]*\r?\n.*?\n---[ \t]*(?=\r?\n|\Z)",  # YAML front matter
        r"\A\+\+\+[ \t]*\r?\n.*?\n\+\+\+[ \t]*(?=\r?\n|\Z)",  # TOML front matter
        r"(?m)^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[ \t]*$",  # fenced code
        _HTML_COMMENT,
        r"`[^`\r\n]+`",  # inline code
        r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>",  # HTML tags
        # link target: "](url "title")"; possessive, since giving back characters of the URL can never
        # reach a ")" or a title, and trying it made a long run of "](" many times slower
        r"\]\([^)\s]*+(?:\s+\"[^\"]*\")?\)",
        r"(?m)^[ \t]{0,3}\[[^\]\r\n]+\]:[^\r\n]*",  # reference definition
        _URL,
        _EMAIL,
        r"(?m)^[ \t]{0,3}#{1,6}(?=[ \t])",  # heading markers
        r"(?m)^[ \t]{0,3}(?:>[ \t]?)+",  # block quotes
        r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])",  # list bullets
        r"(?m)^[ \t]{0,3}(?:[-*_][ \t]*){3,}$",  # thematic breaks
        r"(?P<opener>!?\[)",  # "[" or "![" opening a link or image, if _link_openers says so
        r"(?<![\w*_])(?:\*\*|__|\*|_)(?=\S)|(?<=\S)(?:\*\*|__|\*|_)(?![\w*_])",  # emphasis
    )
)


def _plain() -> regex.Pattern[str]:
    """Compiled on first use: most plain stories hold no marker, so nothing to mask."""
    return cached_pattern("|".join((_HTML_COMMENT, _URL, _EMAIL)), regex.DOTALL)


def _markdown() -> regex.Pattern[str]:
    """Compiled on the first Markdown story: a plain-text run (a hook on .txt copy) never pays for it."""
    return cached_pattern(_MARKDOWN_SOURCE, regex.DOTALL)


MARKDOWN_SUFFIXES = (".md", ".markdown")


_NOT_A_BREAK = regex.compile(r"[^\r\n]")


def _blank(match: regex.Match[str]) -> str:
    return _NOT_A_BREAK.sub(" ", match.group())


# A "[" opens a link when the first "]" or line break after it is a "]" followed by "(". Asked by a
# lookahead at every "[", that scanned to the "]" each time: quadratic on a line of many "[". Every "["
# of one stretch without "]" or line break has the same answer, so one pass over the stretches gives all.
_STRETCH = regex.compile(r"[^\]\r\n]*(?:\](?=\())?")


def _link_openers(text: str) -> set[int]:
    """Offsets of every "[" that opens a link or image."""
    openers: set[int] = set()
    for stretch in _STRETCH.finditer(text):
        if stretch.group().endswith("]"):
            start = text.find("[", stretch.start(), stretch.end())
            while start != -1:
                openers.add(start)
                start = text.find("[", start + 1, stretch.end())
    return openers


def _markdown_blank(openers: set[int]) -> Callable[[regex.Match[str]], str]:
    def blank(match: regex.Match[str]) -> str:
        if match.group("opener") is not None and match.end() - 1 not in openers:
            return match.group()  # a "[" that opens nothing stays, as if never matched
        return _blank(match)

    return blank


def mask(text: str, markdown: bool) -> str:
    """Return `text` with markup replaced by spaces; same length, same line breaks."""
    if not markdown and not any(marker in text for marker in _PLAIN_MARKERS):
        return text  # most plain stories: nothing to mask, and a substring test is far cheaper than the scan
    if markdown:
        masked = _markdown().sub(_markdown_blank(_link_openers(text) if "[" in text else set()), text)
    else:
        masked = _plain().sub(_blank, text)
    assert len(masked) == len(text)
    return masked
