"""Read the paragraphs of a Word (.docx) story from its OOXML, with the standard library only.

A .docx is a zip of XML parts. The main part (found through the package's relationships) holds the body:
paragraphs (`w:p`) of runs (`w:r`) of text (`w:t`), tables of cells of paragraphs, and tracked changes.
One Word paragraph becomes one line of text, so that a finding's line is the paragraph a reader counts to.
Each piece of a paragraph's text remembers where its `w:t` sits in the part's bytes, so that a fix can
rewrite that text alone and leave every other byte of the document as it was.
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass

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
_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships}Relationship"  # as expat names it

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


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph's text: a `w:t`'s text, with the byte spans of its start tag and content in
    the part (None for a tab, a break, or an empty `<w:t/>`: nothing there to edit)."""

    raw: str
    tag: tuple[int, int] | None = None
    content: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        # A line break inside a text run would start a new line, and the lines would stop counting paragraphs.
        return self.raw.replace("\r", " ").replace("\n", " ")


Paragraph = tuple[Piece, ...]


@dataclass(frozen=True)
class WordDocument:
    """The package's bytes, the name and bytes of its main part, and the body's paragraphs."""

    data: bytes
    part: str
    xml: bytes
    paragraphs: tuple[Paragraph, ...]

    @property
    def texts(self) -> list[str]:
        return [paragraph_text(p) for p in self.paragraphs]

    @property
    def editable(self) -> bool:
        """Whether the byte spans can be rewritten with UTF-8 text (what Word writes; UTF-16 parts are not)."""
        head = self.xml[:100].lower()
        return not self.xml.startswith((b"\xff\xfe", b"\xfe\xff")) and (b"encoding" not in head or b"utf-8" in head)


def paragraph_text(paragraph: Paragraph) -> str:
    return "".join(piece.text for piece in paragraph)


def piece_at(paragraph: Paragraph, start: int, end: int) -> tuple[Piece, int] | None:
    """The editable piece holding [start, end) of the paragraph's text, and where that piece starts; None
    when the span crosses pieces (runs of different formatting) or lies on a tab or a break."""
    offset = 0
    for piece in paragraph:
        after = offset + len(piece.text)
        if piece.content is not None and offset <= start and end <= after and (start < after or start == end):
            return piece, offset
        offset = after
    return None


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of each paragraph of the document body, in reading order (table cells row by row)."""
    return read_document(data).texts


def read_document(data: bytes) -> WordDocument:
    import zipfile  # only a run that meets a .docx pays for this import

    if data.startswith(_OLE_MAGIC):
        raise DocxError("password-protected (encrypted) or an old binary Word file; save it unprotected as .docx")
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            part = _main_part(package)
            xml = _read_part(package, part)
    except DocxError:
        raise
    # What zipfile raises for a broken archive: a bad header or checksum, a cut-off file, corrupt compressed
    # data, an entry encrypted by a zip tool (RuntimeError), a compression it does not know.
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, RuntimeError, NotImplementedError, ValueError) as error:
        raise DocxError(f"not a Word document (broken or not a zip archive: {_one_line(error)})") from None
    return WordDocument(data, part, xml, body_paragraphs(xml))


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _main_part(package) -> str:
    """The name of the document part, as the package's relationships give it (Word: word/document.xml)."""
    names = set(package.namelist())
    if _PACKAGE_RELS in names:
        for relation in _relationships(_read_part(package, _PACKAGE_RELS)):
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


def _parser(xml: bytes):
    # OOXML never declares a DTD; refusing one keeps entity expansion (the "billion laughs") out entirely.
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise DocxError("not a Word document (its XML declares entities)")
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    return parser


def _parse(parser, xml: bytes) -> None:
    from xml.parsers import expat

    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:
        raise DocxError(f"not a Word document (broken XML: {expat.errors.messages[error.code]})") from None


def _relationships(xml: bytes) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    parser = _parser(xml)

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == _RELATIONSHIP:
            found.append(attributes)

    parser.StartElementHandler = start
    _parse(parser, xml)
    return found


def _local(name: str) -> str:
    """The local name of a WordprocessingML element (expat's "namespace}local"), or "" for another's."""
    namespace, _, local = name.rpartition("}")
    if namespace in _W_NAMESPACES or local == "Fallback":  # mc:Fallback is in the compatibility namespace
        return local
    return ""


def body_paragraphs(xml: bytes) -> tuple[Paragraph, ...]:
    """The body's paragraphs, each as its pieces of text, read from the document part's bytes."""
    reader = _BodyReader(xml)
    parser = _parser(xml)
    reader.parser = parser
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    _parse(parser, xml)
    if not reader.saw_body:
        raise DocxError("not a Word document (its main part has no body)")
    return tuple(reader.paragraphs)


class _BodyReader:
    """Expat handlers that gather paragraphs, in document order, with each `w:t`'s byte spans."""

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        self.parser = None
        self.paragraphs: list[Paragraph] = []
        self.saw_body = False
        self._skipping = 0  # depth inside an element whose text is not the story's
        self._paragraph: list[Piece] | None = None
        self._text: list[str] | None = None  # inside a w:t: its text so far
        self._tag: tuple[int, int] = (0, 0)
        self._empty = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self._skipping:
            self._skipping += 1
            return
        local = _local(name)
        if local in _SKIPPED or (local == "p" and self._paragraph is not None):  # a paragraph in a paragraph
            self._skipping = 1
        elif local == "body":
            self.saw_body = True
        elif local == "p":
            self._paragraph = []
        elif self._paragraph is None:
            return  # tables, rows, cells, content controls: their paragraphs are read as they come
        elif local == "t":
            start = self.parser.CurrentByteIndex
            end = self.xml.index(b">", start) + 1
            self._tag, self._empty, self._text = (start, end), self.xml[end - 2 : end] == b"/>", []
        elif local in _INLINE:
            self._paragraph.append(Piece(_INLINE[local]))

    def characters(self, data: str) -> None:
        if self._text is not None and not self._skipping:
            self._text.append(data)

    def end(self, name: str) -> None:
        if self._skipping:
            self._skipping -= 1
            return
        local = _local(name)
        if local == "p" and self._paragraph is not None:
            self.paragraphs.append(tuple(self._paragraph))
            self._paragraph = None
        elif local == "t" and self._text is not None and self._paragraph is not None:
            raw = "".join(self._text)
            if self._empty:
                self._paragraph.append(Piece(raw))
            else:
                self._paragraph.append(Piece(raw, self._tag, (self._tag[1], self.parser.CurrentByteIndex)))
            self._text = None
