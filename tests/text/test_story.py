"""The story model: layout, sentences, quotations, tokens and positions."""

from __future__ import annotations

from pathlib import Path

from newslint.text.lineindex import LineIndex
from newslint.text.story import BODY, BYLINE, DATELINE, HEADLINE, Story

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "xinhua-blinken.txt").read_text(encoding="utf-8")


def _texts(story: Story, spans) -> list[str]:
    return [story.text[s.start : s.end] for s in spans]


def test_wire_story_layout():
    story = Story(EXAMPLE, "x.txt")
    assert _texts(story, story.headlines)[1] == "Roundup: Blinken visits Israel as Gaza death toll tops 32,000"
    assert _texts(story, story.bylines) == ["Source: Xinhua", "Editor: huaxia", "2024-03-23 03:08:00"]
    dateline = story.dateline
    assert story.text[dateline.span.start : dateline.span.end] == "JERUSALEM, March 22 (Xinhua) -- "
    assert story.block_at(dateline.span.start) == DATELINE
    assert story.block_at(dateline.span.end) == BODY
    assert story.block_at(0) == HEADLINE
    assert story.block_at(story.bylines[0].start) == BYLINE


def test_one_paragraph_story_has_no_headline():
    story = Story("Hundreds of people have been forced to vacate their homes. Rain has fallen.", "abc.txt")
    assert story.headlines == [] and len(story.body) == 1


def test_markdown_headline_is_the_first_heading_and_markup_is_masked():
    text = "---\ntitle: x\n---\n# Blinken visits *Israel*\n\nSee [the report](https://example.com/a_b) now.\n"
    story = Story(text, "s.md")
    assert len(story.masked) == len(text)
    assert "https" not in story.masked and "title" not in story.masked
    assert story.block_at(text.index("Blinken")) == HEADLINE
    assert [t.text for t in story.tokens] == ["Blinken", "visits", "Israel", "See", "the", "report", "now"]


def test_sentences_survive_abbreviations_and_initials():
    text = "U.S. Secretary Antony J. Blinken met Gov. Smith on Sept. 5 in Washington. He left at 3 p.m. Friday. The U.S. Embassy said so."
    story = Story.snippet(text)
    assert _texts(story, story.sentences) == [
        "U.S. Secretary Antony J. Blinken met Gov. Smith on Sept. 5 in Washington.",
        "He left at 3 p.m. Friday.",
        "The U.S. Embassy said so.",
    ]


def test_quotes_straight_curly_and_over_paragraphs():
    text = (
        '"We will stay," he said. \u201cWe have no choice.\u201d\n\n'
        '"The first paragraph runs on.\n\n'
        '"And ends here," she said.\n\n'
        "It's the '90s and the players' union met."
    )
    story = Story.snippet(text)
    quoted = _texts(story, story.quotes)
    assert quoted == [
        '"We will stay,"',
        "\u201cWe have no choice.\u201d",
        '"The first paragraph runs on.',
        '"And ends here,"',
    ]
    assert story.quotes[2].run == story.quotes[3].run == 2 and not story.quotes[2].closed
    assert story.quote_at(text.index("'90s")) is None


def test_positions_do_not_shift_with_crlf_tabs_or_astral_characters():
    text = "Head\r\n\r\n\tThe \U0001f600 ceasefire\r\nheld.\rNext"
    index = LineIndex(text)
    assert index.position(text.index("ceasefire")) == (3, 8)  # tab, "The ", one code point, space
    assert index.position(text.index("held")) == (4, 1)
    assert index.position(text.index("Next")) == (5, 1)
    for offset in range(len(text) + 1):
        assert index.offset(*index.position(offset)) == offset


def test_quotes_in_copy_flattened_to_one_line_keep_their_direction():
    text = 'He said "we will stay" and left. "The first paragraph runs on. "The second ends," she said. A 12" pipe.'
    story = Story.snippet(text)
    assert _texts(story, story.quotes) == ['"we will stay"', '"The first paragraph runs on.', '"The second ends,"']
    assert story.quotes[1].run == story.quotes[2].run == 1
    assert story.quote_at(text.index("pipe")) is None


def test_single_quotes_are_quotations_and_apostrophes_stay_apostrophes():
    text = (
        "'The end result matters,' the minister said. \u2018We will act,\u2019 she said.\n\n"
        "'The ministers' view is clear,' he said. It's the '90s, rock 'n' roll and O'Brien's band.\n\n"
        "The Smiths' home and the players' union met. 'Yes' and 'no' were the answers."
    )
    story = Story.snippet(text)
    assert _texts(story, story.quotes) == [
        "'The end result matters,'",
        "\u2018We will act,\u2019",
        "'The ministers' view is clear,'",
        "'Yes'",
        "'no'",
    ]
    for apostrophe in ("It's", "'90s", "'n'", "O'Brien", "Smiths'", "players'"):
        assert story.quote_at(text.index(apostrophe)) is None, apostrophe
    after = Story.snippet("The union said 'no deal' on Monday, and the bosses' offer stands.")
    assert [after.text[q.start : q.end] for q in after.quotes] == ["'no deal'"]


def test_a_headline_quote_in_single_marks_and_quotes_within_quotes():
    text = "Biden: 'End result' of talks\n\nWASHINGTON (AP) \u2014 \"He said 'no' to me,\" she said. 'She said \"yes\",' he said."
    story = Story(text, "s.txt")
    assert _texts(story, story.quotes) == ["'End result'", "\"He said 'no' to me,\"", "'She said \"yes\",'"]
    assert [q.run for q in story.quotes] == [0, 1, 2]
    assert story.quote_at(text.index("End")) is not None


def test_single_quotes_run_over_paragraphs_and_a_lone_apostrophe_opens_none():
    text = "'We will fight on.\n\n'We will not give up,' he said.\n\nThe 'new rules start today, he said."
    story = Story.snippet(text)
    assert _texts(story, story.quotes) == ["'We will fight on.", "'We will not give up,'"]
    assert story.quotes[0].run == story.quotes[1].run == 0 and not story.quotes[0].closed
