"""The texts the benchmark lints: a replicated corpus of real stories, long single stories, pathological input."""

from __future__ import annotations

import random
import string
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from corpus import abc_stories


def stories() -> list[str]:
    """The 300 professionally edited ABC stories, one string each."""
    return abc_stories()


def word_count(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def write_corpus(folder: Path, target_words: int) -> tuple[int, int]:
    """Write the stories, replicated until `target_words`, one file each; return (files, words)."""
    base = stories()
    files = words = 0
    copy = 0
    while words < target_words:
        shard = folder / f"copy-{copy:03d}"
        shard.mkdir(parents=True)
        for index, text in enumerate(base):
            (shard / f"abc-{index:03d}.txt").write_text(text + "\n", encoding="utf-8")
            files += 1
            words += len(text.split())
            if words >= target_words:
                break
        copy += 1
    return files, words


def story_near(words: int) -> str:
    """The real story whose length is closest to `words` (a desk-sized story for the start-up test)."""
    return min(stories(), key=lambda text: abs(len(text.split()) - words))


def long_story(size: int) -> str:
    """One story of about `size` characters: the real stories as paragraphs, repeated."""
    paragraphs = "\n\n".join(stories())
    repeats = size // len(paragraphs) + 1
    return "\n\n".join([paragraphs] * repeats)[:size]


def one_line(text: str) -> str:
    """The same words on one line: every line break and run of spaces made one space."""
    return " ".join(text.split())


def _one_line(size: int) -> str:
    line = " ".join(stories())
    return (line * (size // len(line) + 1))[:size]


def _quote_marks(size: int) -> str:
    return '"' * size


def _open_quotes(size: int) -> str:
    # Every paragraph opens a quotation and none closes: the multi-paragraph rule keeps continuing runs.
    return "\n\n".join(["“He said so"] * (size // 13 + 1))[:size]


def _flattened_quotes(size: int) -> str:
    # Copy flattened to one line: every opening mark meets a quotation still open.
    return (" He said “yes and she said “no" * (size // 30 + 1))[:size]


def _nested_markdown(size: int) -> str:
    depth = size // 4
    quotes = "> " * depth + "Text.\n\n"
    emphasis = "*" * depth + "word" + "*" * depth + "\n\n"
    links = "[" * depth + "x" + "](y)" * depth + "\n\n"
    lists = "".join("  " * (i % 40) + "- item\n" for i in range(depth // 8))
    return quotes + emphasis + links + lists


def _blank_line(size: int) -> str:
    return "A headline\n\n" + " " * size + "\n\nA body paragraph."


def _markdown_code_line(size: int) -> str:
    # Masked to one long line of spaces: a base64 image or minified code pasted into a story.
    return "# A headline\n\n```\n" + "x" * size + "\n```\n\nA body paragraph."


def _digits(size: int) -> str:
    return ("1234567890" * (size // 10 + 1))[:size]


def _long_word(size: int) -> str:
    # One run of letters in plain text (a pasted base64 blob): a single token the spelling rule sees.
    return "A headline\n\n" + "x" * size + "\n\nA body paragraph."


def _random_words(size: int, capitalised: bool) -> str:
    # Garbled or foreign copy: every word unknown to the dictionary, or every one a different name.
    rng = random.Random(size)
    words = ("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9))) for _ in range(size // 7))
    return " ".join(w.title() if capitalised else w for w in words)[:size]


def _spaced_digits(size: int) -> str:
    return ("12 345 6,789 10.5 1999 " * (size // 23 + 1))[:size]


# name -> (builder(size) -> text, file suffix, the size the issue names)
PATHOLOGICAL: dict[str, tuple[Callable[[int], str], str, int]] = {
    "one 5 MB line": (_one_line, ".txt", 5_000_000),
    "100,000 quotation marks": (_quote_marks, ".txt", 100_000),
    "20,000 unclosed quotations": (_open_quotes, ".txt", 260_000),
    "one line of unclosed quotations": (_flattened_quotes, ".txt", 1_000_000),
    "deeply nested Markdown": (_nested_markdown, ".md", 100_000),
    "a 1 MB line of spaces": (_blank_line, ".txt", 1_000_000),
    "a 1 MB line in a Markdown code block": (_markdown_code_line, ".md", 1_000_000),
    "only digits (1 MB, no spaces)": (_digits, ".txt", 1_000_000),
    "a 1 MB word (letters, no spaces)": (_long_word, ".txt", 1_000_000),
    "garbled words (1 MB, none in the dictionary)": (lambda size: _random_words(size, False), ".txt", 1_000_000),
    "distinct capitalised words (1 MB)": (lambda size: _random_words(size, True), ".txt", 1_000_000),
    "only numbers (1 MB, spaced)": (_spaced_digits, ".txt", 1_000_000),
}
