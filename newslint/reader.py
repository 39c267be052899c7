"""Read a story's bytes into text: a BOM names the encoding (UTF-8, UTF-16, UTF-32); else the encoding asked
for; else UTF-8, where a stray byte costs one character, or cp1252 for legacy copy; refuse binary data."""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.text.lineindex import LineIndex

# Bigger than any story; an archive dump this size is still read, but a desk file never is.
MAX_BYTES = 200 * 1024 * 1024

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {encoding: bom for bom, encoding in _BOMS}
REPLACEMENT = "\ufffd"
_LOCATED_NOTICES = 3  # stray bytes located one by one; past this, a count


class UnreadableInput(Exception):
    """A file that is not a story: binary, too large, or not decodable. It is reported as not checked."""


class LossyText(UnicodeEncodeError):
    """A story read with U+FFFD in place of bytes that were not valid: writing it back would lose them."""

    def __str__(self) -> str:
        return f"it holds bytes that are not valid {self.encoding} (read as U+FFFD); repair them first"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec to write the text back with
    bom: bool
    notice: str = ""  # e.g. "decoded as cp1252"
    # Offsets in `text` of the U+FFFD that stand for bytes that were not valid: such a text cannot be
    # written back without losing those bytes, so `encode` refuses it.
    replaced: tuple[int, ...] = ()


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a story's bytes; UnreadableInput for binary data, oversized input or an unknown `encoding`."""
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a story")
    decoded = _with_bom(data) or _with_encoding(data, encoding) or _utf8_or_legacy(data)
    if "\x00" in decoded.text:
        hint = "" if encoding else "; for UTF-16 or UTF-32 without a byte order mark, give --encoding"
        raise UnreadableInput(f"binary file (contains NUL bytes){hint}")
    return decoded


def _with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, True)
            except UnicodeDecodeError as error:
                raise UnreadableInput(f"starts with a {encoding} byte order mark but is not {encoding}: "
                                      f"{error.reason} at byte {error.start + len(bom)}") from None  # fmt: skip
    return None


def _with_encoding(data: bytes, encoding: str | None) -> Decoded | None:
    """The encoding the user named (`--encoding`), for legacy archives; bytes it cannot decode are replaced."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise UnreadableInput(f"unknown encoding '{encoding}'") from None
    if name != "utf-8" and _is_utf8_beyond_ascii(data):
        # Multi-byte UTF-8 is practically never legacy text by chance: a folder's `encoding` names its old
        # archive, and a new UTF-8 story beside it would otherwise lose its dashes, quotes and columns.
        return Decoded(data.decode("utf-8"), "utf-8", False, f"valid UTF-8, so read as UTF-8 rather than {name}")
    text, replaced = _decode_replacing(data, name)
    return Decoded(text, name, False, _replaced_notice(text, replaced, name), replaced)


def _is_utf8_beyond_ascii(data: bytes) -> bool:
    """Valid UTF-8 that holds a multi-byte character; NUL-free, so UTF-16/32 without a BOM is not taken for it."""
    if data.isascii() or b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_or_legacy(data: bytes) -> Decoded:
    """UTF-8; where some bytes are not valid, a story that is otherwise UTF-8 loses one character per stray
    byte, and one with no valid UTF-8 beyond ASCII is legacy cp1252 copy (issue 14, item 4)."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as error:
        first_bad = error.start
    text, replaced = _decode_replacing(data, "utf-8")
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - len(replaced)
    if valid_non_ascii < len(replaced):
        try:
            legacy = data.decode("cp1252")
        except UnicodeDecodeError:
            pass  # bytes cp1252 leaves undefined: the UTF-8 reading, with its replacements, is the better one
        else:
            # One byte a character: the first bad byte's offset is its character's offset.
            where = "{}:{}".format(*_line_index(legacy).position(first_bad))
            return Decoded(legacy, "cp1252", False, f"not UTF-8 (at {where}, byte {first_bad}); decoded as cp1252")
    return Decoded(text, "utf-8", False, _replaced_notice(text, replaced, "utf-8"), replaced)


_state = threading.local()


def _record(error: UnicodeDecodeError) -> tuple[str, int]:
    _state.bad.append((error.start, error.end))
    return REPLACEMENT, error.end


codecs.register_error("newslint-record", _record)


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, tuple[int, ...]]:
    """The text with U+FFFD for each invalid sequence, and the offsets of those U+FFFD in the text."""
    _state.bad = []
    text = data.decode(encoding, "newslint-record")
    offsets: list[int] = []
    done_bytes, done_chars = 0, 0
    for start, end in _state.bad:  # the bytes between two bad sequences decode cleanly, so lengths add up
        done_chars += len(data[done_bytes:start].decode(encoding, "replace"))
        offsets.append(done_chars)
        done_chars += 1
        done_bytes = end
    return text, tuple(offsets)


def _replaced_notice(text: str, replaced: tuple[int, ...], encoding: str) -> str:
    if not replaced:
        return ""
    lines = _line_index(text)
    where = ", ".join("{}:{}".format(*lines.position(offset)) for offset in replaced[:_LOCATED_NOTICES])
    more = f" and {len(replaced) - _LOCATED_NOTICES} more" if len(replaced) > _LOCATED_NOTICES else ""
    count = "a byte that is" if len(replaced) == 1 else "bytes that are"
    return f"{count} not valid {encoding} at {where}{more} read as U+FFFD; the rest of the story is checked"


def _line_index(text: str) -> LineIndex:
    from newslint.text.lineindex import LineIndex  # only a story with a bad byte needs it

    return LineIndex(text)


def encode(decoded: Decoded, text: str) -> bytes:
    """Bytes for `text` in the encoding (and BOM) it was read with, so a fix changes nothing else."""
    if decoded.replaced:
        # Writing U+FFFD back would destroy the bytes it stands for; the desk must repair them first.
        raise LossyText(decoded.encoding, text, 0, 1, "not valid text")
    data = text.encode(decoded.encoding)
    return _BOM_OF.get(decoded.encoding, b"") + data if decoded.bom else data
