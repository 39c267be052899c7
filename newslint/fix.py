"""Apply findings' fixes to a story: safe ones only unless asked, never inside a quotation, until nothing changes."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from newslint.atomic import write_atomic
from newslint.finding import Applicability, Finding
from newslint.reader import Decoded, UnreadableInput, decode, encode
from newslint.linter import Linter
from newslint.text.story import Story

# A fix that makes another fixable finding (or undoes one) is re-linted; a loop this long is a rule bug.
MAX_ROUNDS = 10


@dataclass(frozen=True)
class Fixed:
    """The outcome of fixing one text."""

    text: str
    applied: int  # fixes applied over all rounds
    rules: frozenset[str]  # the rules whose fixes were applied
    converged: bool  # False: still changing after MAX_ROUNDS, or back to an earlier text


def is_fixable(finding: Finding, story: Story, unsafe: bool) -> bool:
    """A fix `--fix` may apply: safe (or unsafe when opted in) and touching no quotation."""
    if finding.fix is None or finding.fix.replacement == finding.matched:  # no fix, or one that changes nothing
        return False
    if finding.fix.applicability is Applicability.UNSAFE and not unsafe:
        return False
    # A quote is the speaker's words; the desk never edits them, even where a rule reads inside (DESIGN.md §2).
    return not _touches_quote(story, finding.start, finding.end)


def _touches_quote(story: Story, start: int, end: int) -> bool:
    return any(q.start < max(end, start + 1) and start < q.end for q in story.quotes)


def choose(findings: Iterable[Finding]) -> list[Finding]:
    """Fixes that do not overlap, earliest first; the rest wait for the next round."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        if not chosen or (finding.start >= chosen[-1].end and finding.start != chosen[-1].start):
            chosen.append(finding)
    return chosen


def apply(text: str, fixes: list[Finding]) -> str:
    """`text` with each chosen finding's span replaced by its fix (spans sorted and disjoint)."""
    parts: list[str] = []
    position = 0
    for finding in fixes:
        assert finding.fix is not None
        parts.append(text[position : finding.start])
        parts.append(finding.fix.replacement)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def fix_text(text: str, path: str, lint: Callable[[str], list[Finding]], unsafe: bool = False) -> Fixed:
    """Lint, apply the fixable findings, and lint again until a round changes nothing."""
    seen = {text}
    applied, rules = 0, set[str]()
    for _ in range(MAX_ROUNDS):
        story = Story(text, path)
        fixes = choose(f for f in lint(text) if is_fixable(f, story, unsafe))
        if not fixes:
            return Fixed(text, applied, frozenset(rules), True)
        text = apply(text, fixes)
        applied += len(fixes)
        rules.update(f.rule for f in fixes)
        if text in seen:  # two rules undoing each other
            return Fixed(text, applied, frozenset(rules), False)
        seen.add(text)
    return Fixed(text, applied, frozenset(rules), False)


def unified_diff(before: str, after: str, path: str) -> str:
    """The change as `git diff` shows it, with a marker where a file ends without a newline."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass(frozen=True)
class FileFix:
    """Fixing one file: its text before and after, or why it was left alone."""

    path: str
    before: str = ""
    after: str = ""
    fixed: Fixed | None = None
    problem: str = ""  # not read, not converged, or not written: the file is unchanged on disk

    @property
    def changed(self) -> bool:
        return not self.problem and self.before != self.after


def fix_file(linter: Linter, path: str, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one story file in place (atomically, in its own encoding, BOM and line endings) or just compute it."""
    try:
        decoded = decode(Path(path).read_bytes())
    except (OSError, UnreadableInput) as error:
        return FileFix(path, problem=f"{path}: not fixed: {_reason(error)}")
    fixed = fix_decoded(linter, decoded, path, unsafe)
    if write and fixed.changed:
        try:
            write_atomic(Path(path), encode(decoded, fixed.after))
        except (OSError, UnicodeEncodeError) as error:
            return replace(fixed, problem=f"{path}: not fixed: {_reason(error)}")
    return fixed


def fix_input(linter: Linter, name: str, unsafe: bool = False, write: bool = False) -> FileFix:
    """Fix standard input, reported and configured as `name`. With `write`, the whole story goes to standard
    output: fixed, or exactly as it came when it cannot be fixed, so that a pipe loses nothing."""
    data = sys.stdin.buffer.read()
    try:
        decoded = decode(data)
    except UnreadableInput as error:
        fixed = FileFix(name, problem=f"{name}: not fixed: {error}")
    else:
        fixed = fix_decoded(linter, decoded, name, unsafe)
    if write:
        output = data
        if fixed.changed:
            try:
                output = encode(decoded, fixed.after)
            except UnicodeEncodeError as error:
                fixed = replace(fixed, problem=f"{name}: not fixed: {_reason(error)}")
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
    return fixed


def fix_decoded(linter: Linter, decoded: Decoded, path: str, unsafe: bool) -> FileFix:
    settings = linter.settings_for(path)
    fixed = fix_text(decoded.text, path, lambda text: linter.lint_text(text, path, settings).findings, unsafe)
    if not fixed.converged:
        return FileFix(path, decoded.text, fixed.text, fixed, f"{path}: not fixed: the fixes do not settle")
    return FileFix(path, decoded.text, fixed.text, fixed)


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)
