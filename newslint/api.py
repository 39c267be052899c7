"""The stable Python API: lint or fix a story held in memory, list and explain the rules.

A CMS integration written in Python, and `newslint serve`, call these functions. The engine behind them (packs
loaded, rules built, dictionaries read) is built once per (style, config) in the process and kept warm, so only
the first call with a new style pays for it. Calls are safe from several threads; they run one at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from newslint.config import STYLES
from newslint.errors import NewslintError, did_you_mean
from newslint.finding import Finding
from newslint.linter import FileResult, Linter
from newslint.packs import Rule
from newslint.selection import is_selected

__all__ = [
    "DEFAULT_FILENAME",
    "FixResult",
    "LintResult",
    "NotFixable",
    "UnknownRule",
    "default_style",
    "explain_rule",
    "fix_finding",
    "fix_text",
    "lint",
    "lint_text",
    "list_rules",
    "warm",
]

# The name a story is reported under when none is given: plain text, so no Markdown masking.
DEFAULT_FILENAME = "story.txt"

ConfigPath = str | PathLike[str] | None


class UnknownRule(NewslintError, LookupError):
    """A rule id no loaded pack defines."""


class NotFixable(NewslintError, LookupError):
    """No finding at the named place has a fix that may be applied (the text changed, or the fix is unsafe or
    would edit a quotation)."""


@dataclass(frozen=True)
class LintResult:
    """What linting one text found: the findings (as `--format json` shows them), how each may be fixed,
    notices (a deprecated key in a pack, an empty story) and rules that could not finish (a timeout)."""

    findings: list[Finding]
    # One per finding: "safe" (`fix_text` applies it), "unsafe" (applied only when asked for, one by one or
    # with unsafe=True), or None (no fix, or one that would edit a quotation).
    fixable: list[str | None] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FixResult:
    """A text with fixes applied, and what is left in it."""

    text: str  # fixed; exactly the text given when nothing applied or the fixes do not settle
    applied: int  # fixes applied over every round
    rules: tuple[str, ...]  # the rules whose fixes were applied, sorted
    left: LintResult  # the findings still in `text`
    converged: bool = True  # False: the fixes kept changing the text, so none were kept

    @property
    def findings(self) -> list[Finding]:
        return self.left.findings


# One warm engine per (style, config file); a lock because a Linter's caches are filled on first use.
_engines: dict[tuple[str | None, str | None], Linter] = {}
_lock = threading.RLock()


def _engine(style: str | None, config: ConfigPath) -> Linter:
    if style is not None and style not in STYLES:
        raise ValueError(f"unknown style {style!r}{did_you_mean(str(style), STYLES)}; one of {', '.join(STYLES)}")
    path = str(Path(config).resolve()) if config is not None else None
    key = (style, path)
    if key not in _engines:
        # No config file named: the built-in defaults, never a config found by where the caller happens to run.
        linter = Linter(config=Path(path) if path else None, isolated=path is None, style=style)
        linter.active_rules(linter.settings_for(DEFAULT_FILENAME))  # load packs, build rules: errors show now
        _engines[key] = linter
    return _engines[key]


def warm(style: str | None = None, config: ConfigPath = None) -> None:
    """Build the engine for a style now (a service does this at start), so the first story is answered fast.

    Raises NewslintError, with every problem located, when the config file or a pack it names is bad.
    """
    with _lock:
        linter = _engine(style, config)
        # Many patterns compile, and the dictionary's word list loads, only when a story first needs them (the
        # command line lints one story and exits). The rules' own examples need most of them, and a typo with
        # no correction one edit away loads the word list the two-edit search scans: linted here, the first
        # real story does not wait for them (150 ms and more).
        rules = linter.rules(linter.settings_for(DEFAULT_FILENAME))
        examples = [example for rule in rules for example in rule.bad]
        text = "\n\n".join([*examples, "Officials said the recieveing line held."])
        _result(text, DEFAULT_FILENAME, linter.lint_text(text, DEFAULT_FILENAME))


def default_style(config: ConfigPath = None) -> str:
    """The style a call without one gets: the config file's, else ap."""
    with _lock:
        return _engine(None, config).settings_for(DEFAULT_FILENAME).style


def lint(
    text: str, style: str | None = None, filename: str = DEFAULT_FILENAME, config: ConfigPath = None
) -> LintResult:
    """Lint one story: findings with which are fixable, notices and problems. See `lint_text`."""
    with _lock:
        linter = _engine(style, config)
        return _result(text, filename, linter.lint_text(text, filename))


def lint_text(
    text: str, style: str | None = None, filename: str = DEFAULT_FILENAME, config: ConfigPath = None
) -> list[Finding]:
    """The findings in one story, sorted by position.

    `style` is a house style (ap, reuters, xinhua, guardian; default: the config's, else ap). `filename` is the
    name findings carry; it also decides Markdown (`.md`) and the config's per-file-ignores. `config` names a
    newslint.toml or pyproject.toml; without one the built-in defaults apply.
    """
    return lint(text, style, filename, config).findings


def fix_text(
    text: str,
    style: str | None = None,
    filename: str = DEFAULT_FILENAME,
    config: ConfigPath = None,
    unsafe: bool = False,
) -> FixResult:
    """Apply every safe fix (and unsafe ones when asked), never inside a quotation, until nothing changes."""
    from newslint import fix as fixing  # only callers that fix need the fixer

    with _lock:
        linter = _engine(style, config)
        settings = linter.settings_for(filename)
        fixed = fixing.fix_text(text, filename, lambda t: linter.lint_text(t, filename, settings).findings, unsafe)
        if not fixed.converged:
            return FixResult(text, 0, (), _relint(linter, text, filename), converged=False)
        return FixResult(fixed.text, fixed.applied, tuple(sorted(fixed.rules)), _relint(linter, fixed.text, filename))


def fix_finding(
    text: str,
    rule: str,
    start: int,
    style: str | None = None,
    filename: str = DEFAULT_FILENAME,
    config: ConfigPath = None,
    unsafe: bool = False,
) -> FixResult:
    """Apply the one fix of the finding of `rule` starting at offset `start` (as `fix_text` would apply it).

    Raises NotFixable when the text holds no such finding with a fix that may be applied.
    """
    from newslint import fix as fixing

    with _lock:
        linter = _engine(style, config)
        for finding in linter.lint_text(text, filename).findings:
            if finding.rule == rule and finding.start == start and finding.fixable(unsafe):
                fixed = fixing.apply(text, [finding])
                return FixResult(fixed, 1, (rule,), _relint(linter, fixed, filename))
    raise NotFixable([f"{filename}: no fixable '{rule}' finding at offset {start}"])


def list_rules(style: str | None = None, config: ConfigPath = None) -> list[dict[str, Any]]:
    """Every rule, sorted by id, as `--list-rules --format json` shows it (plus its link)."""
    with _lock:
        linter = _engine(style, config)
        settings = linter.settings_for(DEFAULT_FILENAME)
        rules = sorted(linter.rules(settings), key=lambda r: r.id)
        return [_summary(rule, is_selected(rule, settings)) for rule in rules]


def explain_rule(rule_id: str, style: str | None = None, config: ConfigPath = None) -> dict[str, Any]:
    """One rule as `--explain` shows it: why, link, styles, and the examples it flags and leaves alone."""
    with _lock:
        linter = _engine(style, config)
        settings = linter.settings_for(DEFAULT_FILENAME)
        by_id = {rule.id: rule for rule in linter.rules(settings)}
        if rule_id not in by_id:
            raise UnknownRule([f"unknown rule '{rule_id}'{did_you_mean(rule_id, by_id)}"])
        rule = by_id[rule_id]
        return {**_summary(rule, is_selected(rule, settings)), "bad": list(rule.bad), "good": list(rule.good)}


def _summary(rule: Rule, enabled: bool) -> dict[str, Any]:
    return {
        "id": rule.id,
        "type": rule.type,
        "level": str(rule.level),
        "enabled": enabled,
        "styles": list(rule.styles),
        "why": rule.why,
        "link": rule.link,
    }


def _relint(linter: Linter, text: str, filename: str) -> LintResult:
    return _result(text, filename, linter.lint_text(text, filename))


def _result(text: str, filename: str, result: FileResult) -> LintResult:
    return LintResult(
        findings=result.findings,
        fixable=_fixable(result.findings),
        notices=list(result.notices),
        problems=[str(failure) for failure in result.failures],
    )


def _fixable(findings: Sequence[Finding]) -> list[str | None]:
    """How each finding may be fixed: "safe", "unsafe", or None."""
    return [f.fix.applicability.value if f.fix and f.fixable(unsafe=True) else None for f in findings]
