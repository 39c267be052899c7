"""The numbers inventory's shortcuts give what the plain forms give: casual phrases found by word lookups,
sentence openings read once per sentence, spans asked by bisection."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks.numbers import context as ctx
from newslint.checks.numbers.data import load_number_data
from newslint.checks.numbers.forms import _may_spell_fractions
from newslint.checks.numbers.inventory import _OPENING_MARKS, _SentenceOpenings, _Spans
from newslint.text.segment import Span
from newslint.text.word_lookup import lower_cased

LEX = load_number_data()
PATTERNS = ctx.context_patterns(LEX)
_GLUE = [" ", "  ", "\n", ", ", ". ", "-", "", '"', "\u00a0", "ß"]
_CASUAL = [
    "at",
    "sixes",
    "and",
    "SEVENS",
    "the",
    "The",
    "eighties",
    "TWENTIES",
    "catch-22",
    "one",
    "or",
    "ﬁfty",
    "Ｔhe",
]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(_CASUAL), st.sampled_from(_GLUE)), max_size=30))
def test_casual_phrases_are_found_where_the_scan_finds_them(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + glue for word, glue in pieces)
    assert list(PATTERNS.casual.spans(text)) == [m.span() for m in PATTERNS.casual.folding.finditer(text)]


def _opens(text: str, sentence: Span, start: int) -> bool:
    """The plain definition: only opening marks, or a currency symbol alone, before the number."""
    lead = text[sentence.start : start]
    return not lead.strip(_OPENING_MARKS) or bool(PATTERNS.currency_before.fullmatch(lead.strip()))


_LEAD = st.lists(st.sampled_from([*_OPENING_MARKS, "\n", "\u00a0", "\x1c", "US$", "Rs.", "€", "x", "A", "HK"])).map(
    "".join
)


@settings(max_examples=500, deadline=None)
@given(leads=st.lists(_LEAD, min_size=1, max_size=4))
def test_a_sentence_opening_is_read_once_with_the_same_answer(leads: list[str]) -> None:
    text = "".join(lead + "5 " for lead in leads)
    sentence = Span(0, len(text))
    openings = _SentenceOpenings(text, LEX.words("currency-symbols"), PATTERNS.currency_before)
    for figure in regex.finditer(r"5", text):
        assert openings.opens(sentence, figure.start()) == _opens(text, sentence, figure.start())


def test_spans_hold_an_offset_as_the_list_did() -> None:
    spans = _Spans(m.span() for m in regex.finditer(r"\d+", "12 345 x 6"))
    assert [o for o in range(11) if spans.holds(o)] == [0, 1, 3, 4, 5, 9]


_WINDOW = st.lists(
    st.sampled_from(
        [
            "AGED ",
            "aged",
            " ",
            "No. ",
            "Page",
            "March",
            "MARCH ",
            "per cent",
            "Percent",
            "ſ",
            "İ",
            "ß",
            "5",
            "-",
            "’",
            "x",
        ]
    )
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_WINDOW)
def test_caseless_context_patterns_match_as_their_case_folding_form(text: str) -> None:
    lowered = lower_cased(text)
    for pattern in PATTERNS.after.values():
        assert pattern.match(text, lowered) == (pattern.folding.match(text) is not None)
    for pattern in PATTERNS.before.values():
        assert pattern.search(text, lowered) == (pattern.folding.search(text) is not None)


_FRACTION_TEXT = st.lists(
    st.sampled_from(["one", "Two", "-", "THIRDS", "third", "half", "ſixths", " ", "x", "-Quarter"])
)


@settings(max_examples=300, deadline=None)
@given(pieces=_FRACTION_TEXT)
def test_a_text_the_fraction_check_skips_has_no_spelled_fraction(pieces: list[str]) -> None:
    text = "".join(pieces)
    names = "|".join(LEX.fractions)
    if regex.search(rf"(?<![\w\-])(\p{{L}}+)-({names})(?![\w\-])", text, regex.I):
        assert _may_spell_fractions(text, LEX.fractions)
