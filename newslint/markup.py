"""Mask markup out of a story: a same-length copy where syntax is spaces and words keep their offsets.

Masking, never stripping, means every match on the masked text already has the source's offset
(DESIGN.md §2; Vale's re-search of stripped text is the counter-example). Line breaks are kept so that
paragraphs and lines stay where they are.
"""

from __future__ import annotations

from functools import cache

import regex

# Masked in every story: addresses are not words to spell-check or count.
_URL = r"(?:https?://|ftp://|www\.)[^\s<>()\"'“”]+[^\s<>()\"'“”.,;:!?]"
# Tried only where a run of address characters starts (or where the previous match ended, \G): tried at
# every position inside a long run of letters or digits, it scanned to the run's end each time, which made
# one long "word" cost quadratic time. Whatever would match inside a run also matches from its start.
_EMAIL = r"(?:\G|(?<![\w.+-]))[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HTML_COMMENT = r"<!--.*?-->"
_PLAIN = regex.compile("|".join((_HTML_COMMENT, _URL, _EMAIL)), regex.DOTALL)
_PLAIN_MARKERS = ("<!--", "://", "www.", "@")  # every match of _PLAIN contains one of these

_MARKDOWN_SOURCE = "|".join(
    (
        r"\A---[ \t]*\r?\n.*?\n---[ \t]*(?=\r?\n|\Z)",  # YAML front matter
        r"\A\+\+\+[ \t]*\r?\n.*?\n\+\+\+[ \t]*(?=\r?\n|\Z)",  # TOML front matter
        r"(?m)^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[ \t]*$",  # fenced code
        _HTML_COMMENT,
        r"`[^`\r\n]+`",  # inline code
        r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>",  # HTML tags
        r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)",  # link target: "](url "title")"
        r"(?m)^[ \t]{0,3}\[[^\]\r\n]+\]:[^\r\n]*",  # reference definition
        _URL,
        _EMAIL,
        r"(?m)^[ \t]{0,3}#{1,6}(?=[ \t])",  # heading markers
        r"(?m)^[ \t]{0,3}(?:>[ \t]?)+",  # block quotes
        r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])",  # list bullets
        r"(?m)^[ \t]{0,3}(?:[-*_][ \t]*){3,}$",  # thematic breaks
        r"!?\[(?=[^\]\r\n]*\]\()",  # "[" or "![" opening a link or image
        r"(?<![\w*_])(?:\*\*|__|\*|_)(?=\S)|(?<=\S)(?:\*\*|__|\*|_)(?![\w*_])",  # emphasis
    )
)


@cache
def _markdown() -> regex.Pattern[str]:
    """Compiled on the first Markdown story: a plain-text run (a hook on .txt copy) never pays for it."""
    return regex.compile(_MARKDOWN_SOURCE, regex.DOTALL)


MARKDOWN_SUFFIXES = (".md", ".markdown")


_NOT_A_BREAK = regex.compile(r"[^\r\n]")


def _blank(match: regex.Match[str]) -> str:
    return _NOT_A_BREAK.sub(" ", match.group())


def mask(text: str, markdown: bool) -> str:
    """Return `text` with markup replaced by spaces; same length, same line breaks."""
    if not markdown and not any(marker in text for marker in _PLAIN_MARKERS):
        return text  # most plain stories: nothing to mask, and a substring test is far cheaper than the scan
    pattern = _markdown() if markdown else _PLAIN
    masked = pattern.sub(_blank, text)
    assert len(masked) == len(text)
    return masked
