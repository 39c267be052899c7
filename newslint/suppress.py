"""Drop findings the copy itself silences: HTML-comment directives and `[sic]` (applied after the checks)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newslint.finding import Finding
from newslint.text.story import Story

DIRECTIVES = ("newslint-disable-next-line", "newslint-disable", "newslint-enable")
# The keyword ends at a space or the comment's end: "newslint-disable-line" is not "newslint-disable" of a
# rule named "-line" (which silenced the rest of the story); it is an unknown directive, reported.
_DIRECTIVE_SOURCE = r"<!--\s*newslint-(disable-next-line|disable|enable)(?![\w-])([^>]*?)-->"
_ANY_DIRECTIVE_SOURCE = r"<!--\s*(newslint-[\w-]+)"
_SIC = regex.compile(r"\s*\[sic\]", regex.IGNORECASE)
_SPACES = regex.compile(r"\s*")


def _sic_after(text: str, end: int) -> bool:
    """Whether "[sic]" follows `end`, spaces between. The match is bounded: unbounded, the regex module looks
    for the literal to the end of the text first, which made every finding cost time in the story's length."""
    return _SIC.match(text, end, _SPACES.match(text, end).end() + len("[sic]")) is not None


def named_rules(text: str) -> list[tuple[int, str]]:
    """(offset, selector) for every rule id or family a directive names, so that a typo can be reported
    instead of silencing nothing (issue 14, item 13)."""
    if "newslint-" not in text:
        return []
    return [
        (directive.start(2) + name.start(), name.group())
        for directive in regex.finditer(_DIRECTIVE_SOURCE, text)
        for name in regex.finditer(r"[\w.-]+", directive.group(2))
    ]


def unknown_directives(text: str) -> list[tuple[int, str]]:
    """(offset, word) for every `<!-- newslint-... -->` comment whose keyword is none of DIRECTIVES."""
    if "newslint-" not in text:
        return []
    return [
        (m.start(1), m.group(1)) for m in regex.finditer(_ANY_DIRECTIVE_SOURCE, text) if m.group(1) not in DIRECTIVES
    ]


def _rules(text: str) -> frozenset[str]:
    return frozenset(regex.findall(r"[\w.-]+", text))


def _matches(rules: frozenset[str], rule_id: str) -> bool:
    """An empty list silences every rule; otherwise a rule id or its family."""
    return not rules or rule_id in rules or rule_id.split(".", 1)[0] in rules


def _silenced_ranges(story: Story) -> list[tuple[int, int, frozenset[str]]]:
    """[start, end) offset ranges and the rules silenced in each."""
    ranges: list[tuple[int, int, frozenset[str]]] = []
    open_blocks: list[tuple[int, frozenset[str]]] = []
    if "newslint-" not in story.text:
        return ranges  # most stories silence nothing: the pattern is not even compiled
    for m in regex.finditer(_DIRECTIVE_SOURCE, story.text):
        kind, rules = m.group(1), _rules(m.group(2))
        if kind == "disable":
            open_blocks.append((m.end(), rules))
        elif kind == "enable":
            keep = [(s, r) for s, r in open_blocks if rules and not (r and r <= rules)]
            ranges += [(s, m.start(), r) for s, r in open_blocks if (s, r) not in keep]
            open_blocks = keep
        else:
            line, _ = story.lines.position(m.end())
            if line < story.lines.line_count:
                ranges.append((*story.lines.line_span(line + 1), rules))
    ranges += [(s, len(story.text), r) for s, r in open_blocks]
    return ranges


def suppress(story: Story, findings: Iterable[Finding]) -> list[Finding]:
    ranges = _silenced_ranges(story) if "newslint-" in story.text else []
    kept = []
    for finding in findings:
        if any(s <= finding.start < e and _matches(r, finding.rule) for s, e, r in ranges):
            continue
        if _sic_after(story.text, finding.end):
            continue
        kept.append(finding)
    return kept
