"""Apply findings' fixes to a story: safe ones only unless asked, never inside a quotation, until nothing changes."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from newslint.atomic import write_fixed
from newslint.checks.base import match_case
from newslint.checks.proofreading import WORD_AFTER, expected_article
from newslint.finding import Applicability, Finding
from newslint.linter import Linter, read_story_bytes
from newslint.reader import Decoded, UnreadableInput, decode, encode

# A fix that makes another fixable finding (or undoes one) is re-linted; a loop this long is a rule bug.
MAX_ROUNDS = 10


@dataclass(frozen=True)
class Fixed:
    """The outcome of fixing one text."""

    text: str
    applied: int  # fixes applied over all rounds
    rules: frozenset[str]  # the rules whose fixes were applied
    converged: bool  # False: still changing after MAX_ROUNDS, or back to an earlier text


# "a" or "an" standing just before an edit, with the spaces after it.
_ARTICLE_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}'’.\-])(an?|An?|AN?)([ \t]+(?:\r\n|\r|\n)?[ \t]*|(?:\r\n|\r|\n)[ \t]*)\Z"
)


def with_article(text: str, finding: Finding) -> Finding:
    """The finding with its fix stretched over the article before it when the fix changes the word that article
    goes with ("An end result" -> "A result", not "An result"). Where the new word's sound is not sure, the fix
    is no longer safe: a person reads it first."""
    fix = finding.fix
    if fix is None:
        return finding
    article = _ARTICLE_BEFORE.search(text, max(0, finding.start - 12), finding.start)
    if article is None:
        return finding
    after = fix.replacement + text[finding.end : finding.end + 80]
    word_now = WORD_AFTER.match(text, finding.start)
    word_then = WORD_AFTER.match(after.lstrip())
    if word_now is None or word_then is None or word_now.group() == word_then.group():
        return finding
    needed = expected_article(word_then.group())
    if needed is None:
        if expected_article(word_now.group()) is None:
            return finding  # not sure before either: the fix changes nothing the article depends on
        return replace(finding, fix=replace(fix, applicability=Applicability.UNSAFE))
    if needed == article.group(1).lower():
        return finding
    replacement = match_case(needed, article.group(1)) + article.group(2) + fix.replacement
    start = article.start()
    return replace(finding, start=start, matched=text[start : finding.end], fix=replace(fix, replacement=replacement))


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
        fixes = choose(f for f in (with_article(text, f) for f in lint(text)) if f.fixable(unsafe))
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
    """The change as `git diff` shows it, with a marker where a file ends without a newline.

    Lines are split where `patch` and git split them, after each "\n" only: U+2028, U+0085, a form feed or a
    lone "\r" stay inside their line (str.splitlines would break there and write a patch that does not apply).
    """
    lines = difflib.unified_diff(_patch_lines(before), _patch_lines(after), f"a/{path}", f"b/{path}")
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _patch_lines(text: str) -> list[str]:
    lines = text.split("\n")
    ends = [line + "\n" for line in lines[:-1]]
    return [*ends, lines[-1]] if lines[-1] else ends


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
    """Fix one story file (in its own encoding, BOM and line endings; never over an edit saved meanwhile)
    or just compute the fix."""
    try:
        original = read_story_bytes(path)  # a pipe or a device named as a story is refused, not waited on
        decoded = decode(original)
    except (OSError, UnreadableInput) as error:
        return FileFix(path, problem=f"{path}: not fixed: {_reason(error)}")
    fixed = fix_decoded(linter, decoded, path, unsafe)
    if write and fixed.changed:
        try:
            write_fixed(Path(path), original, encode(decoded, fixed.after))
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
