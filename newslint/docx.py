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
from newslint.text.docx import DocxError, docx_paragraphs
from newslint.text.lineindex import LineIndex

if TYPE_CHECKING:  # the linter imports this module when it meets a .docx; no circle at run time
    from newslint.linter import FileResult, Linter

__all__ = ["DocxError", "DocxStory", "lint_docx", "read_docx"]  # DocxError for the linter, which reports it


class DocxStory:
    """A Word story's text two ways: as linted (paragraphs apart) and as reported (a paragraph a line)."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.reported = "\n".join(paragraphs)
        self.linted = "\n\n".join(paragraphs)
        # Where each paragraph starts in the linted text; paragraph k sits k newlines further than reported.
        self._starts: list[int] = []
        position = 0
        for paragraph in paragraphs:
            self._starts.append(position)
            position += len(paragraph) + 2
        self._lines = LineIndex(self.reported)

    def reported_offset(self, offset: int) -> int:
        """The offset in the reported text of `offset` in the linted text (the second newline of a
        separator, which the reported text lacks, maps to the start of the next paragraph)."""
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return min(offset - index, len(self.reported))

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


def read_docx(path: str) -> DocxStory:
    """The story in a .docx file; DocxError when it is not a readable Word document, OSError as for any file."""
    with open(path, "rb") as file:
        return DocxStory(docx_paragraphs(file.read()))


def lint_docx(linter: Linter, path: str) -> FileResult:
    """Lint a .docx file; DocxError (the caller reports it as the file's error) when it cannot be read."""
    story = read_docx(path)
    result = linter.lint_text(story.linted, path)
    result.findings = [story.moved(finding) for finding in result.findings]
    result.decoded = Decoded(story.reported, "utf-8", bom=False)  # what report excerpts and baselines read
    return result
