"""Read a story's bytes into text: UTF-8 with or without BOM, else cp1252 with a notice; refuse binary."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Bigger than any story; an archive dump this size is still read, but a desk file never is.
MAX_BYTES = 200 * 1024 * 1024


class UnreadableInput(Exception):
    """A file that is not a story: binary, too large, or not decodable. The run skips it."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec to write the text back with
    bom: bool
    notice: str = ""  # e.g. "decoded as cp1252"


def decode(data: bytes) -> Decoded:
    """Decode a story's bytes; UnreadableInput for binary data or oversized input."""
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a story")
    if b"\x00" in data:
        raise UnreadableInput("binary file (contains NUL bytes); skipped")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return Decoded(data[3:].decode("utf-8") if bom else data.decode("utf-8"), "utf-8", bom)
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableInput(f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) nor cp1252") from None
    return Decoded(text, "cp1252", False, f"not UTF-8 (byte {utf8_error.start}); decoded as cp1252")


def encode(decoded: Decoded, text: str) -> bytes:
    """Bytes for `text` in the encoding (and BOM) it was read with, so a fix changes nothing else."""
    data = text.encode(decoded.encoding)
    return codecs.BOM_UTF8 + data if decoded.bom else data
