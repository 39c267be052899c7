"""`path:line:col: level rule message`, one a line; on a terminal also the source line and a caret.

A news paragraph is one line of 200-300 characters, so the excerpt is a window around the finding that fits
the terminal, measured in the columns a terminal gives each character (two for CJK and most emoji, none for
combining marks), so that the caret lands under the word.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Mapping
from typing import IO

from newslint.finding import Finding, Level
from newslint.output import Report
from newslint.text.lineindex import LineIndex

_COLORS = {Level.ERROR: "\x1b[31m", Level.WARNING: "\x1b[33m", Level.SUGGESTION: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_ELLIPSIS = "…"
_FALLBACK_WIDTH = 80


def terminal_style(choice: str, stream: IO[str], environ: Mapping[str, str] = os.environ) -> tuple[bool, bool]:
    """(colour, excerpt) for a text report to `stream` under `--color choice`.

    The excerpt is for a person at a terminal; colour is a separate wish: NO_COLOR (no-color.org) and
    TERM=dumb take away colour only, and `--color always` asks for both even through a pipe.
    """
    terminal = stream.isatty()
    if choice != "auto":
        return choice == "always", terminal or choice == "always"
    plain = bool(environ.get("NO_COLOR")) or environ.get("TERM") == "dumb"
    return terminal and not plain, terminal


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def char_width(ch: str) -> int:
    """Columns a terminal gives `ch`: 2 for wide (CJK, most emoji), 0 for combining and format marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


_ZWJ = "\u200d"


def line_widths(line: str) -> list[int]:
    """Each character's columns in `line`: an emoji joined to the one before it (U+200D) or a skin-tone
    modifier is drawn inside that emoji, so it takes none."""
    widths = [char_width(_printable(ch)) for ch in line]
    for i, ch in enumerate(line):
        if "\U0001f3fb" <= ch <= "\U0001f3ff" or (i and line[i - 1] == _ZWJ):
            widths[i] = 0
    return widths


def _printable(ch: str) -> str:
    """A tab, U+2028, U+0085 and other controls inside a line would move the terminal's cursor: one space."""
    return " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch


def _window(line: str, start: int, end: int, width: int) -> tuple[int, int]:
    """[left, right) of `line` holding [start, end) (as much as fits) and the context either side, within
    `width` columns counting an ellipsis at each cut end."""
    widths = line_widths(line)
    if sum(widths) <= width:
        return 0, len(line)
    budget = width - 2  # room for an ellipsis at both ends
    left, right, used = start, start, 0
    while right < max(end, start + 1) and right < len(line) and used + widths[right] <= budget:
        used, right = used + widths[right], right + 1
    # Context: two-thirds after the finding (where the sentence goes on), a third before.
    before = max(0, (budget - used) // 3)
    while left > 0 and before - widths[left - 1] >= 0:
        before -= widths[left - 1]
        used, left = used + widths[left - 1], left - 1
    while right < len(line) and used + widths[right] <= budget:
        used, right = used + widths[right], right + 1
    while left > 0 and used + widths[left - 1] <= budget:
        used, left = used + widths[left - 1], left - 1
    return left, right


def excerpt(finding: Finding, source: str, lines: LineIndex, color: bool, columns: int) -> list[str]:
    """The finding's line (a window of it that fits `columns`) with a caret run under its span."""
    if not 1 <= finding.line <= lines.line_count:
        return []
    line_start, line_end = lines.line_span(finding.line)
    line = source[line_start:line_end].rstrip("\r\n")
    start = min(finding.column - 1, len(line))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(start, min(end, len(line)))
    gutter = f"{finding.line} | "
    left, right = _window(line, start, end, max(20, columns - len(gutter) - 1))
    shown = "".join(_printable(ch) for ch in line[left:right])
    head = _ELLIPSIS if left > 0 else ""
    tail = _ELLIPSIS if right < len(line) else ""
    widths = line_widths(line)
    pad = sum(widths[left:start]) + len(head)
    caret_width = max(1, sum(widths[start : min(end, right)]))
    caret = _paint("^" * caret_width, _COLORS[finding.level], color)
    return [_paint(gutter, _DIM, color) + head + shown + tail, " " * (len(gutter) + pad) + caret, ""]


def _suggested(finding: Finding) -> str:
    """The first suggestion as written, quoted when its edges are spaces (a dash " — "); an empty one is a
    deletion, said as one."""
    if not finding.suggestions:
        return ""
    text = finding.suggestions[0]
    if not text:
        return f" (suggestion: delete '{finding.matched}')"
    return f" (suggestion: '{text}')" if text != text.strip() else f" (suggestion: {text})"


def format_finding(finding: Finding, color: bool = False) -> str:
    where = _paint(f"{finding.path}:{finding.line}:{finding.column}:", _BOLD, color)
    level = _paint(str(finding.level), _COLORS[finding.level], color)
    return f"{where} {level} {finding.rule} {finding.message}{_suggested(finding)}"


def render(report: Report) -> str:
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}
    columns = shutil.get_terminal_size((_FALLBACK_WIDTH, 24)).columns if report.show_source else 0
    for finding in report.findings:
        out.append(format_finding(finding, report.color))
        source = report.sources.get(finding.path) if report.show_source else None
        if source is not None:
            if finding.path not in indexes:
                indexes[finding.path] = LineIndex(source)  # the positions the finding was given in
            out.extend(excerpt(finding, source, indexes[finding.path], report.color, columns))
    return "\n".join(out) + ("\n" if out else "")
