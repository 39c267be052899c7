"""Read the paragraphs of a Word (.docx) story from its OOXML, with the standard library only.

A .docx is a zip of XML parts. The main part (found through the package's relationships) holds the body:
paragraphs (`w:p`) of runs (`w:r`) of text (`w:t`), tables of cells of paragraphs, and tracked changes.
One Word paragraph becomes one line of text, so that a finding's line is the paragraph a reader counts to.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

DOCX_SUFFIX = ".docx"

# Bigger than any story's document part: a zip that inflates past this is refused, not read into memory.
MAX_PART_BYTES = 64 * 1024 * 1024

# An encrypted (password-protected) Office file is not a zip but an OLE compound file holding the
# encrypted package; an old binary .doc renamed .docx starts the same way.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  # transitional (what Word writes)
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict
)
_OFFICE_DOCUMENT = "/officeDocument"  # the end of the main part's relationship type, in both flavours
_PACKAGE_RELS = "_rels/.rels"
_DEFAULT_MAIN = "word/document.xml"

# Elements whose text a reader does not see as the story: deleted or moved-away tracked changes, text
# boxes and drawings (floating pull quotes and captions, read apart from the flow), the fallback copy of
# alternate content, and properties (whose `w:tab` is a tab stop, not a tab).
_SKIPPED = frozenset(
    "del moveFrom txbxContent Fallback pPr rPr sectPr sdtPr tblPr trPr tcPr tblGrid drawing pict object".split()
)
# What a run's inline elements read as. A soft line break stays inside its paragraph's line (a space), so
# that lines keep counting paragraphs; a soft hyphen is invisible and would split a word.
_INLINE = {"tab": "\t", "br": " ", "cr": " ", "noBreakHyphen": "-", "softHyphen": ""}


class DocxError(ValueError):
    """The file is not a readable Word document; the message says why in a few words."""


def is_docx(path: str) -> bool:
    return path.lower().endswith(DOCX_SUFFIX)


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of each paragraph of the document body, in reading order (table cells row by row)."""
    import zipfile  # only a run that meets a .docx pays for these imports

    if data.startswith(_OLE_MAGIC):
        raise DocxError("password-protected (encrypted) or an old binary Word file; save it unprotected as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = _read_part(package, _main_part(package))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, OSError) as error:
        raise DocxError(f"not a Word document (broken or not a zip archive: {error})") from None
    return list(_body_paragraphs(_parse(xml)))


def _main_part(package) -> str:
    """The name of the document part, as the package's relationships give it (Word: word/document.xml)."""
    names = set(package.namelist())
    if _PACKAGE_RELS in names:
        for relation in _parse(_read_part(package, _PACKAGE_RELS)):
            if relation.get("Type", "").endswith(_OFFICE_DOCUMENT) and relation.get("TargetMode") != "External":
                target = posixpath.normpath(relation.get("Target", "").lstrip("/"))
                if target in names:
                    return target
    if _DEFAULT_MAIN in names:
        return _DEFAULT_MAIN
    raise DocxError("not a Word document (no document part in the archive)")


def _read_part(package, name: str) -> bytes:
    if package.getinfo(name).file_size > MAX_PART_BYTES:
        raise DocxError(f"its part {name} is larger than {MAX_PART_BYTES // (1024 * 1024)} MB; not a story")
    return package.read(name)


def _parse(xml: bytes) -> Element:
    # OOXML never declares a DTD; refusing one keeps entity expansion (the "billion laughs") out entirely.
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise DocxError("not a Word document (its XML declares entities)")
    from xml.etree.ElementTree import ParseError, fromstring

    try:
        return fromstring(xml)
    except ParseError as error:
        raise DocxError(f"not a Word document (broken XML: {error})") from None


def _name(element: Element) -> str:
    """The local name of a WordprocessingML element, or "" for any other namespace's."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    namespace, _, local = tag[1:].partition("}")
    if namespace in _W_NAMESPACES or local == "Fallback":  # mc:Fallback is in the compatibility namespace
        return local
    return ""


def _body_paragraphs(root: Element) -> Iterator[str]:
    body = next((child for child in root if _name(child) == "body"), None)
    if body is None:
        raise DocxError("not a Word document (its main part has no body)")
    yield from _paragraphs_in(body)


def _paragraphs_in(element: Element) -> Iterator[str]:
    for child in element:
        name = _name(child)
        if name in _SKIPPED:
            continue
        if name == "p":
            yield _paragraph_text(child)
        else:
            yield from _paragraphs_in(child)  # tables, rows, cells, content controls, other namespaces


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    # A line break inside a text run would start a new line, and the lines would stop counting paragraphs.
    return "".join(parts).replace("\r", " ").replace("\n", " ")


def _collect(element: Element, parts: list[str]) -> None:
    for child in element:
        name = _name(child)
        if name in _SKIPPED or name == "p":
            continue
        if name == "t":
            parts.append(child.text or "")
        elif name in _INLINE:
            parts.append(_INLINE[name])
        else:
            _collect(child, parts)  # runs, hyperlinks, inserted text, simple fields, smart tags
