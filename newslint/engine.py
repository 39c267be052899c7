"""Run rules on a story: each check yields hits; the engine scopes them and makes located findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.finding import Finding, Fix, Hit, Level
from newslint.packs import Rule
from newslint.text.story import Story


@dataclass(frozen=True)
class ActiveRule:
    """A selected rule, its effective level and its built check."""

    rule: Rule
    level: Level
    check: Check


@dataclass(frozen=True)
class RuleFailure:
    """A rule that could not finish on a story (a regex timeout, a bug): reported by id, run goes on."""

    path: str
    rule: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: rule '{self.rule}' skipped: {self.reason}"


def lint(story: Story, rules: Iterable[ActiveRule]) -> tuple[list[Finding], list[RuleFailure]]:
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    for active in rules:
        try:
            hits = list(active.check.hits(story))
        except TimeoutError:
            timeout = active.check.context.regex_timeout
            failures.append(RuleFailure(story.path, active.rule.id, f"a pattern ran longer than {timeout:g} s"))
            continue
        findings.extend(
            make_finding(story, active, hit) for hit in hits if story.in_scope(hit.start, active.rule.scopes)
        )
    findings.sort(key=Finding.sort_key)
    return findings, failures


def make_finding(story: Story, active: ActiveRule, hit: Hit) -> Finding:
    """The one place where offsets become line/column, and where a fix that would edit a quotation is dropped
    (a rule may read inside quotes; no fix ever edits the speaker's words)."""
    matched = story.text[hit.start : hit.end]
    line, column = story.lines.position(hit.start)
    end_line, end_column = story.lines.position(hit.end)
    level = min(active.level, hit.level) if hit.level is not None else active.level
    message = active.rule.message.format_map({"matched": matched, **hit.args})
    return Finding(
        path=story.path, rule=active.rule.id, level=level, message=message,
        line=line, column=column, end_line=end_line, end_column=end_column,
        start=hit.start, end=hit.end, matched=matched, suggestions=hit.suggestions, fix=_outside_quotes(story, hit),
    )  # fmt: skip


def _outside_quotes(story: Story, hit: Hit) -> Fix | None:
    return hit.fix if hit.fix is None or not story.touches_quote(hit.start, hit.end) else None
