"""Apply fixes to a Word (.docx) story by rewriting the text of its runs, keeping every other byte.

A fix is applied only where its words lie inside one `w:t` (one run of one formatting): the run keeps its
bold, italics, comments and tracked changes around it, and the rest of the package is copied unchanged.
A fix across runs (half a word bold, say) is left for a person: it stays a finding. The new document is
read back before it is written, and written as `--fix` writes any story (newslint/atomic.py): never over a
save made meanwhile, keeping owner, mode and hard links, and never half-written (docs/docx.md).
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from newslint.atomic import write_fixed
from newslint.docx import DocxStory, editable_piece
from newslint.finding import Finding
from newslint.fix import MAX_ROUNDS, FileFix, Fixed, choose, with_article
from newslint.linter import Linter, read_story_bytes
from newslint.reader import UnreadableInput
from newslint.text.docx import DocxError, Paragraph, Piece, body_paragraphs, paragraph_text, read_document

_PRESERVE = b' xml:space="preserve"'


def fix_docx(linter: Linter, path: str, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one .docx in place (or with write=False only compute it); the texts compared are its paragraphs."""
    try:  # read as the linter reads it: a pipe or a device named .docx is refused, not waited on
        document = read_document(read_story_bytes(path))
    except (OSError, UnreadableInput, DocxError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return FileFix(path, problem=f"{path}: not fixed: {reason}")
    before = "\n".join(document.texts)
    if not document.editable:
        return FileFix(path, before, before, problem=f"{path}: not fixed: its document part is not UTF-8")
    xml, fixed = fix_part(linter, path, document.xml, unsafe)
    after = fixed.text
    if not fixed.converged:
        return FileFix(path, before, after, fixed, f"{path}: not fixed: the fixes do not settle")
    if write and after != before:
        package = repackaged(document.data, document.part, xml)
        if "\n".join(read_document(package).texts) != after:  # never write what does not read back as meant
            return FileFix(path, before, after, fixed, f"{path}: not fixed: the edited document did not read back")
        try:  # over the bytes read above only: an edit saved meanwhile is kept and the fix refused
            write_fixed(Path(path), document.data, package)
        except OSError as error:
            return FileFix(path, before, after, fixed, f"{path}: not fixed: {error.strerror or error}")
    return FileFix(path, before, after, fixed)


def fix_part(linter: Linter, path: str, xml: bytes, unsafe: bool) -> tuple[bytes, Fixed]:
    """The document part with the fixes applied, round after round until nothing more applies."""
    settings = linter.settings_for(path)
    seen = {xml}
    applied, rules = 0, set[str]()
    for _ in range(MAX_ROUNDS):
        paragraphs = body_paragraphs(xml)
        story = DocxStory([paragraph_text(p) for p in paragraphs])
        findings = linter.lint_text(story.linted, path, settings).findings
        # As for a text story, a fix that changes the word after "a" or "an" takes the article with it.
        findings = [with_article(story.linted, finding) for finding in findings]
        edits = run_edits(story, paragraphs, choose(f for f in findings if f.fixable(unsafe)))
        if not edits:
            return xml, Fixed(story.reported, applied, frozenset(rules), True)
        xml = edited(xml, edits)
        applied += sum(len(fixes) for fixes in edits.values())
        rules.update(f.rule for fixes in edits.values() for f, _, _ in fixes)
        if xml in seen:  # two rules undoing each other
            break
        seen.add(xml)
    return xml, Fixed("\n".join(paragraph_text(p) for p in body_paragraphs(xml)), applied, frozenset(rules), False)


Edits = dict[Piece, list[tuple[Finding, int, int]]]


def run_edits(story: DocxStory, paragraphs: tuple[Paragraph, ...], fixes: Iterable[Finding]) -> Edits:
    """The fixes that lie inside one editable piece, by piece, each with its span in the piece's text."""
    edits: Edits = defaultdict(list)
    for finding in fixes:
        start, end = story.reported_offset(finding.start), story.reported_offset(finding.end)
        place = editable_piece(story, paragraphs, start, end)
        if place is not None:
            piece, piece_start, piece_end = place
            edits[piece].append((finding, piece_start, piece_end))
    return edits


def edited(xml: bytes, edits: Edits) -> bytes:
    """The part with each piece's text replaced, its start tag told to keep spaces where the text needs it."""
    out = xml
    for piece in sorted(edits, key=lambda p: p.tag[0] if p.tag else 0, reverse=True):
        assert piece.tag is not None and piece.content is not None
        text = piece.raw
        for finding, start, end in sorted(edits[piece], key=lambda e: e[1], reverse=True):
            assert finding.fix is not None
            text = text[:start] + finding.fix.replacement + text[end:]
        tag = xml[piece.tag[0] : piece.tag[1]]
        if text != text.strip() or "  " in text:
            tag = _preserving(tag)
        out = out[: piece.tag[0]] + tag + _escaped(text) + out[piece.content[1] :]
    return out


def _preserving(tag: bytes) -> bytes:
    """A `w:t` start tag that keeps the spaces at its text's ends (Word drops them otherwise)."""
    if b"xml:space" in tag:
        return tag
    return tag[:-1] + _PRESERVE + b">"


def _escaped(text: str) -> bytes:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


def repackaged(data: bytes, part: str, xml: bytes) -> bytes:
    """The package with one part replaced; every other part, its name, date and compression as it was."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        target.comment = source.comment
        for info in source.infolist():
            target.writestr(info, xml if info.filename == part else source.read(info))
    return out.getvalue()
