"""Lint a Word (.docx) story: paragraph number as the line, character in the paragraph as the column.

The story is linted with a blank line between paragraphs, as a text story is written, so that headline,
metadata, dateline and body are found the same way; the findings are then moved onto the text a reader
sees, one paragraph per line (docs/docx.md).
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from newslint.finding import Finding
from newslint.reader import Decoded
from newslint.text.docx import DocxError, Paragraph, Piece, WordDocument, docx_paragraphs, piece_at, read_document
from newslint.text.lineindex import LineIndex

if TYPE_CHECKING:  # the linter imports this module when it meets a .docx; no circle at run time
    from newslint.linter import FileResult, Linter

__all__ = [
    "DocxError",
    "DocxStory",
    "editable_piece",
    "lint_docx",
    "read_docx",
]  # DocxError for the linter, which reports it


class DocxStory:
    """A Word story's text two ways: as linted (paragraphs apart) and as reported (a paragraph a line)."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.reported = "\n".join(paragraphs)
        self.linted = "\n\n".join(paragraphs)
        # Where each paragraph starts in the linted text; paragraph k sits k newlines further than reported.
        self._starts: list[int] = []
        # Where each paragraph starts in the reported text.
        self._reported_starts: list[int] = []
        position = 0
        for index, paragraph in enumerate(paragraphs):
            self._starts.append(position)
            self._reported_starts.append(position - index)
            position += len(paragraph) + 2
        self._lines = LineIndex(self.reported)

    def reported_offset(self, offset: int) -> int:
        """The offset in the reported text of `offset` in the linted text (the second newline of a
        separator, which the reported text lacks, maps to the start of the next paragraph)."""
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return min(offset - index, len(self.reported))

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        """The index of the paragraph holding `offset` of the reported text, and the offset within it."""
        index = max(bisect.bisect_right(self._reported_starts, offset) - 1, 0)
        return index, offset - (self._reported_starts[index] if self._reported_starts else 0)

    def moved(self, finding: Finding) -> Finding:
        start, end = self.reported_offset(finding.start), self.reported_offset(finding.end)
        (line, column), (end_line, end_column) = self._lines.position(start), self._lines.position(end)
        return replace(
            finding,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            matched=self.reported[start:end],  # the same words, unless the span crossed a paragraph break
        )


def editable_piece(
    story: DocxStory, paragraphs: tuple[Paragraph, ...], start: int, end: int
) -> tuple[Piece, int, int] | None:
    """The piece of text a fix of [start, end) of the reported text would rewrite, with that span inside the
    piece's text; None when the span crosses runs or paragraphs (such a fix is left for a person)."""
    if not paragraphs:
        return None
    index, offset = story.paragraph_at(start)
    place = piece_at(paragraphs[index], offset, offset + end - start)
    if place is None:
        return None
    piece, piece_start = place
    return piece, offset - piece_start, offset - piece_start + end - start


def read_docx(path: str) -> DocxStory:
    """The story in a .docx file; DocxError when it is not a readable Word document, OSError as for any file."""
    with open(path, "rb") as file:
        return DocxStory(docx_paragraphs(file.read()))


def lint_docx(linter: Linter, path: str, data: bytes) -> FileResult:
    """Lint the .docx whose bytes are `data`; DocxError (the caller reports it as the file's error) when it
    cannot be read."""
    document = read_document(data)
    story = DocxStory(document.texts)
    result = linter.lint_text(story.linted, path)
    result.findings = [story.moved(finding) for finding in result.findings]
    result.fixable = _fixable(story, document, result.fixable)
    result.decoded = Decoded(story.reported, "utf-8", bom=False)  # what report excerpts and baselines read
    return result


def _fixable(
    story: DocxStory, document: WordDocument, linted: frozenset[tuple[int, int, str]]
) -> frozenset[tuple[int, int, str]]:
    """The safely fixable findings' keys moved onto the reported text, keeping only those --fix can apply to
    this document: inside one run of a document part it may edit. So the summary's "fixable with --fix"
    counts what --fix will fix here."""
    if not document.editable:
        return frozenset()
    moved = ((story.reported_offset(start), story.reported_offset(end), rule) for start, end, rule in linted)
    return frozenset(
        (start, end, rule)
        for start, end, rule in moved
        if editable_piece(story, document.paragraphs, start, end) is not None
    )
