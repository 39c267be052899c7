"""Convert 0-based code-point offsets to 1-based line/column and back, in one place.

CRLF, CR and LF each end a line; a tab is one column, like any other code point.
"""

from __future__ import annotations

import bisect

import regex

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


class LineIndex:
    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of `offset` (0 <= offset <= len(text))."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside 0..{self._length}")
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The 0-based offset of 1-based (line, column)."""
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} outside 1..{len(self._starts)}")
        offset = self._starts[line - 1] + column - 1
        if not 0 <= offset <= self._length:
            raise ValueError(f"column {column} outside line {line}")
        return offset

    def line_span(self, line: int) -> tuple[int, int]:
        """[start, end) of 1-based `line`, line break included."""
        end = self._starts[line] if line < len(self._starts) else self._length
        return self._starts[line - 1], end
