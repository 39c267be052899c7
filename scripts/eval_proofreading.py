"""Score the proofreading rules (style.repeated-word, style.article-agreement) on real copy.

    python scripts/eval_proofreading.py [--reuters N] [--seed 14] [--show]

1. Clean copy: the 300 ABC stories (see corpus.py): findings per 1,000 words, by rule. Edited copy holds
   few such slips, so nearly every finding here is a false alarm; `--show` prints each with its context.
2. Wire copy: the first N 1987 Reuters stories from ../shared/corpora/reuters21578-dev/ (hard-wrapped lines,
   capitals headlines), when present: findings per 1,000 words, to read with --show (real slips and false
   alarms both). Evaluation data only: it is read from there and never copied.
3. Planted slips in the ABC copy, chosen at random (seeded): one word typed twice (half of them across a
   line break), and one article swapped ("a" <-> "an") where the story has one, both outside quotations
   (the rules leave the speaker's words alone). A case is caught when a finding of the rule covers the
   slip. The article swap is scored only on articles the rule does not already flag in the clean story;
   a word the house allows twice ("had had") is not planted.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import abc_stories, word_count

from newslint.finding import Finding
from newslint.linter import Linter
from newslint.text.story import Story

RULES = ("style.repeated-word", "style.article-agreement")
REUTERS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578-dev" / "stories.jsonl"
WORD = re.compile(r"(?<![\w'-])[a-z]{3,}(?![\w'-])")
ARTICLE = re.compile(r"(?<![\w'.-])(an?) (?=[a-z])")


def _lint(linter: Linter, text: str) -> list[Finding]:
    return [f for f in linter.lint_text(text, "story.txt").findings if f.rule in RULES]


def _rate(linter: Linter, label: str, stories: list[str], show: bool) -> None:
    counts: Counter[str] = Counter()
    for text in stories:
        for finding in _lint(linter, text):
            counts[finding.rule] += 1
            if show:
                context = text[max(0, finding.start - 40) : finding.end + 40].replace("\n", " ")
                print(f"  {finding.rule}: ...{context}...")
    words = word_count(stories)
    rates = ", ".join(f"{rule} {counts[rule]} ({1000 * counts[rule] / words:.3f}/1k)" for rule in RULES)
    print(f"{label}: {len(stories)} stories, {words} words: {rates}")


def _outside_quotes(text: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    quotes = Story(text, "story.txt").quotes
    return [m for m in matches if not any(q.start <= m.start() < q.end for q in quotes)]


def _plant_repeat(text: str, rng: random.Random, allowed: frozenset[str]) -> tuple[str, int] | None:
    words = [m for m in _outside_quotes(text, list(WORD.finditer(text))) if m.group() not in allowed]
    if not words:
        return None
    m = rng.choice(words)
    gap = "\n" if rng.random() < 0.5 else " "
    return text[: m.end()] + gap + m.group() + text[m.end() :], m.start()


def _plant_article(text: str, rng: random.Random, flagged: set[int]) -> tuple[str, int] | None:
    articles = [m for m in _outside_quotes(text, list(ARTICLE.finditer(text))) if m.start() not in flagged]
    if not articles:
        return None
    m = rng.choice(articles)
    swapped = "an" if m.group(1) == "a" else "a"
    return text[: m.start()] + swapped + text[m.end(1) :], m.start()


def _recall(linter: Linter, stories: list[str], seed: int) -> None:
    rng = random.Random(seed)
    rules = linter.rules(linter.settings_for("story.txt"))
    allowed = frozenset(next(r for r in rules if r.id == "style.repeated-word").params["allow"])
    caught: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    for text in stories:
        flagged = {f.start for f in _lint(linter, text)}
        for rule, case in (
            ("style.repeated-word", _plant_repeat(text, rng, allowed)),
            ("style.article-agreement", _plant_article(text, rng, flagged)),
        ):
            if case is None:
                continue
            slipped, at = case
            planted[rule] += 1
            if any(f.rule == rule and f.start <= at < f.end for f in _lint(linter, slipped)):
                caught[rule] += 1
    for rule in RULES:
        print(f"planted {rule}: {caught[rule]}/{planted[rule]} caught ({100 * caught[rule] / planted[rule]:.1f}%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=2000, help="how many Reuters stories (0: none)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--show", action="store_true", help="print each finding on real copy with its context")
    args = parser.parse_args()
    linter = Linter(isolated=True, select=RULES)
    abc = abc_stories()
    _rate(linter, "ABC clean copy", abc, args.show)
    if args.reuters and REUTERS.exists():
        with REUTERS.open(encoding="utf-8") as lines:
            records = [json.loads(line) for _, line in zip(range(args.reuters), lines)]
        _rate(linter, "Reuters 1987 wire copy", [f"{r['title']}\n\n{r['body']}" for r in records], args.show)
    elif args.reuters:
        print(f"Reuters wire copy: not found at ../shared/corpora/ ({REUTERS.name}); skipped")
    _recall(linter, abc, args.seed)


if __name__ == "__main__":
    main()
