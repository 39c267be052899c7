"""Check that a story read from Word gets the same findings as the same story read as text.

    python scripts/eval_docx.py [--limit 500] [--seed 18] [--show 5]

Each story is written twice: as a text story (paragraphs apart by a blank line, as wire copy is filed) and
as a .docx made with python-docx (one Word paragraph per story paragraph, no empty paragraphs between, as
Word users write). Both are linted with every default rule. A text finding on line 2k-1 must come back from
the .docx on paragraph k, same column, rule, message and matched words; any difference is a reader bug.

Stories: the 300 ABC stories (see corpus.py) and a seeded sample of the Reuters-21578 wire copy in
../shared/corpora/reuters21578-dev/ when it is there (its hard-wrapped lines joined into paragraphs).
Then both are fixed (`--fix`, safe fixes, written nowhere): the fixed .docx must read as the fixed text
story, paragraph for paragraph (each story paragraph is one run here, so every fix has a run to go in).
Also reports the time to read a .docx into text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import abc_stories

from newslint.docx import read_docx
from newslint.docx_fix import fix_docx
from newslint.fix import fix_file
from newslint.linter import Linter

REUTERS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578-dev" / "stories.jsonl"


def reuters_stories(limit: int, seed: int) -> list[list[str]]:
    """Sampled Reuters stories as paragraphs: title, then dateline and body (a paragraph starts indented)."""
    if not REUTERS.exists():
        print(f"(Reuters copy not found at {REUTERS}; ABC stories only)")
        return []
    rows = [json.loads(line) for line in REUTERS.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if (r.get("body") or "").strip() and (r.get("title") or "").strip()]
    random.Random(seed).shuffle(rows)
    stories = []
    for row in rows[:limit]:
        body = (row.get("dateline") or "").strip() + " " + row["body"].strip()
        paragraphs = [" ".join(p.split()) for p in body.split("\n    ")]
        stories.append([row["title"].strip(), *[p for p in paragraphs if p]])
    return stories


def as_word(paragraphs: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))


def same_fixes(linter: Linter, folder: Path) -> tuple[bool, int]:
    """Whether the fixed .docx reads as the fixed text story, and how many fixes the text story took."""
    text, word = (
        fix_file(linter, str(folder / "story.txt"), write=False),
        fix_docx(linter, str(folder / "story.docx"), write=False),
    )
    fixed_text = [p.strip("\n") for p in text.after.split("\n\n") if p.strip()] if text.after else []
    applied = text.fixed.applied if text.fixed else 0
    return fixed_text == [p.rstrip("\n") for p in word.after.split("\n")] and not word.problem, applied


def compare(linter: Linter, paragraphs: list[str], folder: Path) -> tuple[list[tuple], list[tuple], float]:
    text_path, word_path = folder / "story.txt", folder / "story.docx"
    text_path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    as_word(paragraphs, word_path)
    started = time.perf_counter()
    read_docx(str(word_path))
    reading = time.perf_counter() - started
    from_text = [
        ((f.line + 1) // 2, f.column, f.rule, f.message, f.matched) for f in linter.lint_file(str(text_path)).findings
    ]
    from_word = [(f.line, f.column, f.rule, f.message, f.matched) for f in linter.lint_file(str(word_path)).findings]
    return from_text, from_word, reading


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="Reuters stories to sample (default 500)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--show", type=int, default=5, help="differences to print")
    args = parser.parse_args()
    stories = [[s] for s in abc_stories()] + reuters_stories(args.limit, args.seed)
    linter = Linter(isolated=True)
    same = findings = fixed_same = fixes = 0
    readings: list[float] = []
    differences: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for index, paragraphs in enumerate(stories):
            from_text, from_word, reading = compare(linter, paragraphs, Path(folder))
            readings.append(reading)
            findings += len(from_text)
            if from_text == from_word:
                same += 1
            else:
                differences.append(
                    f"story {index}: text {sorted(set(from_text) - set(from_word))[:3]} "
                    f"docx {sorted(set(from_word) - set(from_text))[:3]}"
                )
            agreed, applied = same_fixes(linter, Path(folder))
            fixed_same += agreed
            fixes += applied
            if not agreed:
                differences.append(f"story {index}: the fixed .docx differs from the fixed text")
    readings.sort()
    print(f"{len(stories)} stories, {findings} findings from the text copies")
    print(f"same findings from the .docx: {same}/{len(stories)} stories ({100 * same / len(stories):.1f}%)")
    print(f"same text after --fix: {fixed_same}/{len(stories)} stories ({fixes} safe fixes in the text copies)")
    print(f"reading a .docx: median {1000 * readings[len(readings) // 2]:.2f} ms, max {1000 * readings[-1]:.2f} ms")
    for line in differences[: args.show]:
        print("  " + line)
    return 0 if same == fixed_same == len(stories) else 1


if __name__ == "__main__":
    raise SystemExit(main())
