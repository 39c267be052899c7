"""The text report on a terminal: a window of a long paragraph around the finding, the caret under the word
whatever the width of the characters before it, colour only where wanted, and the right line always."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from newslint.output import Report
from newslint.output.text import line_widths, render, terminal_style

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# One real-length news paragraph (about 280 characters) holding the slip late in the line.
PARAGRAPH = (
    "U.S. Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem on Friday, "
    "the third visit of his tour, and Blinken urged Israel to let more aid into Gaza through the northern "
    "crossings, while Blinked told reporters before leaving for Cairo that the talks had been candid."
)
STORY = f"Blinken presses Israel on Gaza aid\n\n{PARAGRAPH}\n\nBlinken flew to Cairo on Saturday.\n"


def _columns(text: str) -> int:
    """Terminal columns of `text`: two for wide characters, none for combining marks."""
    wide = ("W", "F")
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in wide else 1 for c in text)


def _run_on_terminal(story: str, tmp_path: Path, **environ: str) -> str:
    """newslint run with its standard output on a real pseudo-terminal, as a desk runs it."""
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "FORCE_COLOR")}
    env.update({"PYTHONPATH": str(ROOT), "COLUMNS": "80", "TERM": "xterm-256color", **environ})
    master, slave = pty.openpty()
    command = [sys.executable, "-m", "newslint", "--isolated", "--select", "names", "story.txt"]
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert process.wait(timeout=300) == 1, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _excerpt(output: str, word: str) -> tuple[str, str]:
    lines = [ANSI.sub("", line) for line in output.splitlines()]
    at = next(i for i, line in enumerate(lines) if " | " in line and word in line)
    return lines[at], lines[at + 1]


def _caret_under(source: str, caret: str, word: str) -> None:
    assert _columns(source[: source.index(word)]) == caret.index("^"), (source, caret)
    assert caret.count("^") == _columns(word)


def test_a_long_paragraph_shows_a_window_that_fits_with_the_caret_under_the_word(tmp_path: Path) -> None:
    output = _run_on_terminal(STORY, tmp_path)
    source, caret = _excerpt(output, "Blinked")
    assert source.startswith("3 | …") and _columns(source) <= 80, source
    _caret_under(source, caret, "Blinked")
    assert "\x1b[" in output  # colour on a terminal by default


@pytest.mark.parametrize("environ", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=["NO_COLOR", "TERM=dumb"])
def test_no_color_and_a_dumb_terminal_drop_the_colour_and_keep_the_excerpt(tmp_path: Path, environ) -> None:
    output = _run_on_terminal(STORY, tmp_path, **environ)
    assert "\x1b[" not in output
    source, caret = _excerpt(output, "Blinked")
    _caret_under(source, caret, "Blinked")


@pytest.mark.parametrize(
    "before",
    ["香港特别行政区政府发言人表示，", "Les négociations ont été « franches », a déclaré ", "🇺🇸🤝🇮🇱 👍 Talks: "],
    ids=["CJK", "combining", "emoji"],
)
def test_wide_and_combining_characters_before_the_word_keep_the_caret_under_it(tmp_path: Path, before: str) -> None:
    text = "e\u0301" if before.startswith("Les") else ""  # a combining accent: one column, two code points
    story = STORY.replace("while Blinked", f"while {text}{before * 3}Blinked")
    source, caret = _excerpt(_run_on_terminal(story, tmp_path, NO_COLOR="1"), "Blinked")
    assert _columns(source) <= 80
    _caret_under(source, caret, "Blinked")


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
def test_a_story_with_u2028_or_u0085_shows_the_findings_own_line(separator: str) -> None:
    # LineIndex breaks lines at \r\n, \r and \n only: the excerpt must show the line the position counts.
    story = f"Headline{separator}more\n\nThe ceasefire held.{separator}A cease-fire was signed. The ceasefire held.\n"
    from newslint.linter import Linter

    findings = Linter(isolated=True, select=("style",)).lint_text(story, "s.txt").findings
    assert [(f.rule, f.line) for f in findings] == [("style.consistent-spelling", 3)]
    report = Report(findings, ["s.txt"], {}, {"s.txt": story}, color=False, show_source=True)
    source, caret = _excerpt(render(report), "cease-fire")
    assert source.startswith("3 | The ceasefire held. A cease-fire")  # the separator shown as a space
    _caret_under(source, caret, "cease-fire")


class _Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("choice", "terminal", "environ", "expected"),
    [
        ("auto", True, {}, (True, True)),
        ("auto", True, {"NO_COLOR": "1"}, (False, True)),
        ("auto", True, {"TERM": "dumb"}, (False, True)),
        ("auto", False, {}, (False, False)),
        ("never", True, {}, (False, True)),
        ("always", False, {"NO_COLOR": "1"}, (True, True)),
    ],
)
def test_colour_and_excerpt_are_decided_apart(choice: str, terminal: bool, environ, expected) -> None:
    assert terminal_style(choice, _Stream(terminal), environ) == expected


@pytest.mark.parametrize(
    ("text", "columns"),
    [("Blinken", 7), ("香港", 4), ("👍", 2), ("👍🏽", 2), ("👨\u200d👩\u200d👧", 2), ("e\u0301", 1), ("\u2028", 1)],
)
def test_display_width_of_a_line(text: str, columns: int) -> None:
    assert sum(line_widths(text)) == columns


def test_a_deletion_is_suggested_as_one_and_a_spaced_suggestion_is_quoted():
    from newslint.finding import Finding, Level

    def finding(matched: str, suggestion: str) -> Finding:
        return Finding(
            path="s.txt", rule="dateline.standalone-region", level=Level.WARNING, message="m",
            line=1, column=8, end_line=1, end_column=8 + len(matched), start=7, end=7 + len(matched),
            matched=matched, suggestions=(suggestion,),
        )  # fmt: skip

    assert render(Report(findings=[finding(", Mich.", "")], paths=["s.txt"], rules={})).endswith(
        "(suggestion: delete ', Mich.')\n"
    )
    assert "(suggestion: ' — ')" in render(Report(findings=[finding(" -- ", " — ")], paths=["s.txt"], rules={}))
    assert "(suggestion: Blinken)" in render(
        Report(findings=[finding("Blinked", "Blinken")], paths=["s.txt"], rules={})
    )
