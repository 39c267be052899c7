"""Turn the engine's code-point offsets into LSP positions: 0-based line, character in the client's units.

The engine counts code points; an LSP client counts UTF-16 code units unless it agreed to UTF-8 or UTF-32 at
initialize, so an emoji before a finding is two characters to the editor and one to the engine. Lines end at
CRLF, CR or LF, as both the engine's line index and the LSP specification say (not at the other breaks that
`str.splitlines` knows, such as a form feed).
"""

from __future__ import annotations

from newslint.text.lineindex import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of `encoding` the client counts for `text`."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """Positions in one version of a document's text."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self._lines = LineIndex(text)

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based (line, character) of the code-point `offset`, the character in the client's units."""
        line, column = self._lines.position(offset)
        start, _ = self._lines.line_span(line)
        return line - 1, units(self.text[start : start + column - 1], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; past a line's end is its end (as the specification says)."""
        if line < 0:
            return 0
        if line >= self._lines.line_count:
            return len(self.text)
        start, end = self._lines.line_span(line + 1)
        content = self.text[start:end].rstrip("\r\n")
        counted = 0
        for index, char in enumerate(content):
            if counted >= character:
                return start + index
            counted += units(char, self.encoding)
        return start + len(content)

    @property
    def end(self) -> tuple[int, int]:
        return self.position(len(self.text))
