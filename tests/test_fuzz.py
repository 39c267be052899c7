"""Property tests: the reader, the story model, the line index and the whole pipeline never break their invariants.

Random Unicode, random Markdown and stories assembled from the repository's real copy go through every
built-in rule. Pathological shapes (one long line, a flood of quotation marks, deep Markdown nesting, a story
of digits) are checked here at sizes small enough to be quick; their cost at full size is measured by
`benchmarks/benchmark.py`, not by a timed test.
"""

from __future__ import annotations

import codecs
import os
import random
import string
from functools import cache, cached_property
from pathlib import Path

import pytest
from helpers import golden_stories
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.finding import Finding
from newslint.linter import FileResult, Linter
from newslint.reader import Decoded, LossyText, UnreadableInput, decode, encode
from newslint.text.lineindex import LineIndex
from newslint.text.story import Story

ROOT = Path(__file__).resolve().parent.parent
# Modest by default so the suite stays quick on two cores; NEWSLINT_FUZZ_EXAMPLES=2000 for a deep run.
_EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(max_examples=_EXAMPLES * 2 // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def linter() -> Linter:
    """One linter with every built-in rule, shared by every example (rules build once, as in a run)."""
    return Linter(isolated=True, select=("ALL",))


@cache
def real_paragraphs() -> tuple[str, ...]:
    """Paragraphs of the real stories kept in the repository (examples and golden stories)."""
    files = sorted(ROOT.glob("examples/*.txt")) + golden_stories(".txt")
    paragraphs = {p.strip() for f in files for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()}
    return tuple(sorted(paragraphs))


# --- strategies ---------------------------------------------------------------------------------------

NEWLINES = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])
# Characters that matter to the model: quotation marks, apostrophes, dashes, periods, digits, tabs,
# combining marks, astral code points, the BOM and bidi marks.
SPECIALS = st.sampled_from(list("\"“”‘’'«»—–-.!?,;:()[]{}<>#*_`~|\\/@%$€£0123456789\t \u0301\u200b\ufeff\u202e😀𝔘"))
UNICODE_TEXT = st.lists(st.one_of(st.text(max_size=12), SPECIALS, NEWLINES), max_size=60).map("".join)

MARKDOWN_PIECES = st.sampled_from(
    [
        "# ", "## ", "###### ", "> ", "> > ", "- ", "* ", "+ ", "1. ", "10) ", "    ", "---\n", "***\n",
        "```\n", "```python\n", "~~~\n", "`code`", "`", "**", "__", "*", "_", "[", "]", "](", ")", "![", "](http://example.com/a_b \"t\")",
        "[ref]: http://example.com\n", "<b>", "</b>", "<br/>", "<!-- note -->", "<!--", "-->",
        "<!-- newslint-disable -->", "<!-- newslint-enable -->", "<!-- newslint-disable-next-line -->",
        "https://example.com/path?q=1.", "www.example.org", "desk@example.com", "+++\ntitle = 'x'\n+++\n",
        "---\ntitle: x\n---\n", "[sic]", "“", "”", "\"", "'", "’",
    ]
)  # fmt: skip
WORDS = st.sampled_from(
    ["Blinken", "said", "the", "U.S.", "Gaza", "32,000", "percent", "Mr.", "Jan. 5", "reportedly", "ceasefire",
     "cease-fire", "J.", "Smith", "on", "Friday", "(AP)", "—", "3", "three", "per cent", "%", "NEW YORK", "1.5"]
)  # fmt: skip
MARKDOWN_TEXT = st.lists(st.one_of(MARKDOWN_PIECES, WORDS, st.just(" "), NEWLINES), max_size=80).map("".join)


@st.composite
def assembled_stories(draw: st.DrawFn) -> str:
    """A story built like wire copy: optional headline, metadata and dateline, then real paragraphs, roughed up."""
    paragraphs = list(draw(st.lists(st.sampled_from(real_paragraphs()), min_size=1, max_size=8)))
    if draw(st.booleans()):
        paragraphs.insert(0, draw(st.sampled_from(["Source: Xinhua", "By Jane Doe", "2024-03-23 03:08:00"])))
    if draw(st.booleans()):
        paragraphs.insert(0, draw(st.sampled_from(["Blinken visits Israel", "Gaza toll tops 32,000", "# Roundup"])))
    mangled = [_mangle(p, draw(st.integers(0, 5))) for p in paragraphs]
    return draw(st.sampled_from(["\n\n", "\r\n\r\n", "\r\r", "\n\n\n", "\n"])).join(mangled)


def _mangle(paragraph: str, how: int) -> str:
    """Damage copy the way real files are damaged: flattened quotes, lost periods, pasted line breaks."""
    return [
        paragraph,
        paragraph.replace("“", '"').replace("”", '"'),
        paragraph.replace(".", ""),
        paragraph.replace(". ", ".\n"),
        paragraph.replace('"', "“"),
        paragraph.upper(),
    ][how]


ANY_STORY = st.one_of(UNICODE_TEXT, MARKDOWN_TEXT, assembled_stories())


# --- reader -------------------------------------------------------------------------------------------


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# Bytes that are never valid UTF-8 nor the start of a valid sequence: each costs exactly one character.
STRAY_BYTES = st.sampled_from([bytes([b]) for b in (*range(0x80, 0xC0), 0xC0, 0xC1, *range(0xF8, 0x100))])
NO_NUL_TEXT = st.text(max_size=200).filter(lambda t: "\x00" not in t)


@FUZZ
@given(st.binary(max_size=300))
def test_decode_gives_text_or_unreadable_input(data: bytes) -> None:
    try:
        decoded = decode(data)
    except UnreadableInput:
        assert b"\x00" in data or data.startswith(_BOMS)
        return
    assert isinstance(decoded, Decoded) and isinstance(decoded.text, str)
    if not decoded.replaced:
        assert encode(decoded, decoded.text) == data  # what is read is written back byte for byte
        return
    assert all(decoded.text[i] == "\ufffd" for i in decoded.replaced)
    with pytest.raises(LossyText):  # never written back with the stray bytes lost
        encode(decoded, decoded.text)


@FUZZ
@given(NO_NUL_TEXT, st.booleans())
def test_utf8_text_round_trips_with_and_without_bom(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom, decoded.notice) == (text, "utf-8", bom, "")


@FUZZ
@given(NO_NUL_TEXT, st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]))
def test_utf16_and_utf32_with_a_bom_are_read_and_written_back(text: str, encoding: str) -> None:
    data = "\ufeff".encode(encoding) + text.encode(encoding)
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom) == (text, encoding, True)
    assert encode(decoded, decoded.text) == data


@FUZZ
@given(st.lists(st.tuples(NO_NUL_TEXT, STRAY_BYTES), min_size=1, max_size=6), NO_NUL_TEXT)
def test_a_stray_byte_in_utf8_costs_one_character_and_positions_stay_right(pieces, tail: str) -> None:
    # Each piece carries a curly quote, so the copy is plainly UTF-8 with stray bytes, not legacy cp1252.
    pieces = [(f"{text}\u201d", stray) for text, stray in pieces]
    data = b"".join(text.encode("utf-8") + stray for text, stray in pieces) + tail.encode("utf-8")
    decoded = decode(data)
    assert decoded.text == "".join(f"{text}\ufffd" for text, _ in pieces) + tail
    expected, offset = [], 0
    for text, _ in pieces:
        offset += len(text)
        expected.append(offset)
        offset += 1
    assert decoded.replaced == tuple(expected)
    first_line, first_column = LineIndex(decoded.text).position(expected[0])
    assert f"{first_line}:{first_column}" in decoded.notice


@FUZZ
@given(
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"), max_size=200)
)
def test_legacy_cp1252_copy_is_read_as_cp1252(text: str) -> None:
    data = text.encode("cp1252", "ignore")
    decoded = decode(data)
    if decoded.encoding == "cp1252":
        assert encode(decoded, decoded.text) == data
    else:  # it happened to be valid UTF-8 (or plain ASCII)
        assert decoded.text == data.decode("utf-8", "replace") and decoded.encoding == "utf-8"


# --- story model --------------------------------------------------------------------------------------


def _spans(story: Story) -> list[tuple[str, int, int]]:
    """Every span the model offers, named, as (kind, start, end)."""
    spans = [("paragraph", s.start, s.end) for s in story.paragraphs]
    spans += [("headline", s.start, s.end) for s in story.headlines]
    spans += [("byline", s.start, s.end) for s in story.bylines]
    spans += [("body", s.start, s.end) for s in story.body]
    spans += [("sentence", s.start, s.end) for s in story.sentences]
    spans += [("quote", q.start, q.end) for q in story.quotes]
    spans += [("token", t.start, t.end) for t in story.tokens]
    if story.dateline is not None:
        spans += [("dateline", story.dateline.span.start, story.dateline.span.end)]
    return spans


def _model_holds(story: Story) -> None:
    text = story.text
    for name, attribute in vars(Story).items():  # every shared part, including ones added later
        if isinstance(attribute, cached_property):
            getattr(story, name)
    assert len(story.masked) == len(text)
    assert [i for i, c in enumerate(story.masked) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    for kind, start, end in _spans(story):
        assert 0 <= start <= end <= len(text), (kind, start, end)
    for token in story.tokens:
        assert story.masked[token.start : token.end] == token.text
    starts = [p.start for p in story.paragraphs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(story.paragraphs, story.paragraphs[1:]))
    for sentence in story.sentences:
        paragraph = story.paragraph_at(sentence.start)
        assert paragraph is not None and sentence.end <= paragraph.end
    for offset in range(0, len(text) + 1, max(1, len(text) // 50)):
        story.block_at(offset), story.quote_at(offset), story.sentence_at(offset)


@FUZZ
@given(ANY_STORY, st.sampled_from(["story.txt", "story.md"]))
def test_story_model_spans_stay_in_bounds(text: str, path: str) -> None:
    _model_holds(Story(text, path))


@FUZZ
@given(st.one_of(UNICODE_TEXT, MARKDOWN_TEXT))
def test_snippet_model_spans_stay_in_bounds(text: str) -> None:
    _model_holds(Story.snippet(text))


# --- line index ---------------------------------------------------------------------------------------

LINE_TEXT = st.lists(
    st.sampled_from(["a", "é", "\t", " ", "😀", "\n", "\r", "\r\n", "\u0301", "\u2028"]), max_size=80
).map("".join)


def _expected_line_starts(text: str) -> list[int]:
    """Line starts by a plain walk over the text: CRLF, CR and LF each end one line."""
    starts, index = [0], 0
    while index < len(text):
        if text.startswith("\r\n", index):
            index += 2
            starts.append(index)
            continue
        index += 1
        if text[index - 1] in "\r\n":
            starts.append(index)
    return starts


@FUZZ
@given(LINE_TEXT)
def test_line_index_round_trips_every_offset(text: str) -> None:
    index = LineIndex(text)
    starts = _expected_line_starts(text)
    assert index.line_count == len(starts)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert index.offset(line, column) == offset
        assert starts[line - 1] + column - 1 == offset
    for line in range(1, len(starts) + 1):
        assert index.position(starts[line - 1]) == (line, 1)


@FUZZ
@given(LINE_TEXT)
def test_line_index_refuses_offsets_outside_the_text(text: str) -> None:
    index = LineIndex(text)
    for bad in (-1, len(text) + 1):
        with pytest.raises(ValueError):
            index.position(bad)


# --- whole pipeline -----------------------------------------------------------------------------------


def _findings_hold(text: str, result: FileResult) -> None:
    lines = LineIndex(text)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert text[finding.start : finding.end] == finding.matched, finding
        assert lines.position(finding.start) == (finding.line, finding.column), finding
        assert lines.position(finding.end) == (finding.end_line, finding.end_column), finding
        assert lines.offset(finding.line, finding.column) == finding.start
        assert finding.message and finding.rule, finding
    assert result.findings == sorted(result.findings, key=Finding.sort_key)


@PIPELINE
@given(ANY_STORY, st.sampled_from(["story.txt", "story.md"]))
def test_every_rule_on_any_story_keeps_finding_invariants(text: str, path: str) -> None:
    result = linter().lint_text(text, path)
    _findings_hold(text, result)
    assert result.failures == []  # a rule stopped by the regex timeout on a tiny story is a runaway pattern


@PIPELINE
@given(assembled_stories(), st.sampled_from(["ap", "reuters", "xinhua", "guardian"]))
def test_every_house_style_keeps_finding_invariants(text: str, style: str) -> None:
    result = Linter(isolated=True, select=("ALL",), style=style).lint_text(text, "story.txt")
    _findings_hold(text, result)


@PIPELINE
@given(assembled_stories(), st.lists(st.tuples(st.integers(min_value=0), STRAY_BYTES), max_size=4), st.booleans())
def test_a_real_story_with_stray_bytes_keeps_its_positions(text: str, strays, crlf: bool) -> None:
    # Real copy, UTF-8 (with a curly quote, as wire copy has), a few bytes broken in transit: every finding
    # is still located in the text as read, and each stray byte cost exactly one character.
    text = ("\u201cHead\u201d\n\n" + text).replace("\n", "\r\n" if crlf else "\n")
    data = bytearray(text.encode("utf-8"))
    boundaries = [i for i in range(len(data) + 1) if i == len(data) or data[i] & 0xC0 != 0x80]
    for where, stray in sorted(strays, reverse=True):
        at = boundaries[where % len(boundaries)]
        data[at:at] = stray
    decoded = decode(bytes(data))
    if decoded.encoding == "utf-8":
        assert len(decoded.text) == len(text) + len(strays) and len(decoded.replaced) == len(strays)
    _findings_hold(decoded.text, linter().lint_text(decoded.text, "story.txt"))


def test_linting_twice_gives_the_same_findings() -> None:
    """Nothing leaks from one story into the next: the shared linter is stateless across stories."""
    first, second = real_paragraphs()[:6], real_paragraphs()[6:12]
    story = "\n\n".join(first)
    before = linter().lint_text(story, "a.txt").findings
    linter().lint_text("\n\n".join(second), "b.txt")
    assert linter().lint_text(story, "a.txt").findings == before


# --- pathological shapes, at quick sizes --------------------------------------------------------------


def _sentence_line(size: int) -> str:
    line = " ".join(real_paragraphs())
    return (line * (size // len(line) + 1))[:size]


def _random_words(count: int) -> list[str]:
    rng = random.Random(count)
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9))) for _ in range(count)]


PATHOLOGICAL = {
    "one long line": (_sentence_line(60_000), "story.txt"),
    "quotation marks": ('"' * 5_000, "story.txt"),
    "curly marks": ("“" * 2_500 + "”" * 2_500, "story.txt"),
    "unclosed quotations": ("\n\n".join(["“He said so"] * 1_000), "story.txt"),
    "one line of unclosed quotations": (" He said “yes and she said “no" * 2_000, "story.txt"),
    "nested block quotes": ("> " * 2_000 + "Text.", "story.md"),
    "nested emphasis": ("*" * 2_000 + "word" + "*" * 2_000, "story.md"),
    "nested links": ("[" * 1_000 + "x" + "](y)" * 1_000, "story.md"),
    "nested lists": ("".join("  " * (i % 40) + "- item\n" for i in range(1_000)), "story.md"),
    "only digits": ("1234567890" * 5_000, "story.txt"),
    "only numbers": ("12 345 6,789 10.5 1999 " * 2_000, "story.txt"),
    "one long word": ("a" * 50_000, "story.txt"),
    "a long line of spaces": ("A headline\n\n" + " " * 50_000 + "\n\nA body paragraph.", "story.txt"),
    "a long line of code": ("# A headline\n\n```\n" + "x" * 50_000 + "\n```\n\nA body.", "story.md"),
    "periods": ("U.S. " * 5_000, "story.txt"),
    "garbled words": (" ".join(_random_words(1_500)), "story.txt"),
    "distinct names": (" ".join(w.title() for w in _random_words(1_500)), "story.txt"),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_finishes_with_every_rule(name: str) -> None:
    text, path = PATHOLOGICAL[name]
    result = linter().lint_text(text, path)
    _findings_hold(text, result)
    assert result.failures == [], [str(f) for f in result.failures]
    story = Story(text, path)
    assert len(story.masked) == len(text)
    assert all(0 <= q.start < q.end <= len(text) for q in story.quotes)
