"""Code-point offsets to LSP positions in UTF-16, UTF-8 or UTF-32 units, and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.lsp.positions import UTF8, UTF16, UTF32, PositionMap, units


@pytest.mark.parametrize(("encoding", "character"), [(UTF8, 7), (UTF16, 5), (UTF32, 4)])
def test_the_specifications_example(encoding, character):
    """The LSP specification: the closing quote of x="😋" is at 7 (UTF-8), 5 (UTF-16), 4 (UTF-32)."""
    text = 'x="😋"'
    assert PositionMap(text, encoding).position(text.rindex('"')) == (0, character)
    assert PositionMap(text, encoding).offset(0, character) == text.rindex('"')


def test_lines_end_at_crlf_cr_and_lf_only():
    text = "a\r\nb\rc\nd\u2028e\x0cf"
    positions = PositionMap(text)
    assert [positions.position(text.index(c)) for c in "abcdef"] == [(0, 0), (1, 0), (2, 0), (3, 0), (3, 2), (3, 4)]


def test_a_position_past_the_end_of_a_line_is_its_end():
    positions = PositionMap("ab\ncd")
    assert positions.offset(0, 99) == 2
    assert positions.offset(9, 0) == 5
    assert positions.end == (1, 2)


def test_an_unknown_encoding_is_utf16():
    assert PositionMap("😀x", "latin-1").position(1) == (0, 2)


PIECES = ["a", " ", "é", "😀", "\U0001f4f0", "\r", "\n", "\r\n", "\u2028", "\t"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(TEXT, st.sampled_from([UTF8, UTF16, UTF32]), st.data())
def test_every_offset_goes_there_and_back(text, encoding, data):
    offset = data.draw(st.integers(0, len(text)))
    positions = PositionMap(text, encoding)
    line, character = positions.position(offset)
    if offset and text[offset - 1] == "\r" and text[offset : offset + 1] == "\n":
        return  # between the two halves of a CRLF: not a place an editor can name
    assert positions.offset(line, character) == offset
    before = text[:offset]
    assert line == before.count("\r\n") + before.replace("\r\n", "\n").count("\r") + before.replace("\r\n", "").count(
        "\n"
    )
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    assert character == units(text[start:offset], encoding)
