"""Baselines: record today's findings in a file, then report only findings that are not in it."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from newslint.errors import NewslintError
from newslint.finding import Finding
from newslint.text.lineindex import LineIndex

VERSION = 1
# Characters of the finding's own line kept either side of it: enough to tell two "ceasefire"s apart,
# little enough that an edit elsewhere in a long paragraph leaves the entry matching.
CONTEXT_CHARS = 24


class Entry(NamedTuple):
    """What identifies a finding across edits: no line numbers, so lines added above do not matter."""

    path: str  # relative to the baseline file's folder, with forward slashes
    rule: str
    matched: str
    context: str  # the text around the finding on its line, whitespace collapsed


def entry(finding: Finding, text: str, root: Path, lines: LineIndex | None = None) -> Entry:
    """The finding's entry; `lines` is its text's LineIndex, built here when not given."""
    lines = lines or LineIndex(text)
    line_start = lines.line_span(finding.line)[0]
    line_end = lines.line_span(finding.end_line)[1]
    before = text[max(line_start, finding.start - CONTEXT_CHARS) : finding.start]
    after = text[finding.end : min(line_end, finding.end + CONTEXT_CHARS)]
    context = " ".join(f"{before}{finding.matched}{after}".split())
    return Entry(_relative(finding.path, root), finding.rule, finding.matched, context)


class _Indexes:
    """One LineIndex per story text: the findings of a story come together, so one is kept at a time."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._index: LineIndex | None = None

    def of(self, text: str) -> LineIndex:
        if self._index is None or text is not self._text:
            self._text, self._index = text, LineIndex(text)
        return self._index


def _relative(path: str, root: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def write(path: Path, findings: Iterable[tuple[Finding, str]]) -> int:
    """Write the baseline for (finding, its file's text) pairs; the number of findings recorded."""
    root = path.resolve().parent
    indexes = _Indexes()
    counts = Counter(entry(f, text, root, indexes.of(text)) for f, text in findings)
    records = [{**e._asdict(), "count": n} for e, n in sorted(counts.items())]
    document = {"newslint-baseline": VERSION, "findings": records}
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise NewslintError([f"{path}: cannot write baseline: {error.strerror or error}"]) from None
    return sum(counts.values())


def load(path: Path) -> Counter[Entry]:
    """The recorded entries with their counts; NewslintError for a file that is not a baseline."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("newslint-baseline") != VERSION:
            raise ValueError(f"not a version {VERSION} newslint baseline")
        return Counter(
            {Entry(r["path"], r["rule"], r["matched"], r["context"]): int(r["count"]) for r in document["findings"]}
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise NewslintError([f"{path}: cannot read baseline: {error}"]) from None


def new_findings(path: Path, findings: Iterable[tuple[Finding, str]]) -> list[Finding]:
    """The findings not covered by the baseline; each entry covers as many findings as it counted."""
    remaining = load(path)
    root = path.resolve().parent
    indexes = _Indexes()
    fresh: list[Finding] = []
    for finding, text in findings:
        key = entry(finding, text, root, indexes.of(text))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return fresh
