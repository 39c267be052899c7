"""Lint one file or text: settings for its folder, rules for those settings, read, check, suppress."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from newslint.checks.base import Context
from newslint.config import Settings, find_config, load_settings, with_overrides
from newslint.engine import ActiveRule, RuleFailure, lint
from newslint.errors import did_you_mean
from newslint.finding import Finding
from newslint.packs import Rule, builtin_pack_paths, load_packs
from newslint.reader import Decoded, UnreadableInput, decode
from newslint.resources import read_word_list
from newslint.selection import check_selectors, is_selected, rule_level
from newslint.suppress import DIRECTIVES, named_rules, suppress, unknown_directives
from newslint.text.story import Story


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # said on stderr; the run goes on
    skipped: bool = False
    decoded: Decoded | None = None
    error: str = ""  # the file could not be checked (unreadable, a bug, a dead worker): reported, exit 2
    # The settings the story was linted with: its exit code, levels and SARIF rules come from its own config,
    # never from the folder the run started in (issue 12).
    settings: Settings | None = None
    # (start, end, rule) of the findings a plain --fix would fix, for the run's summary line.
    fixable: frozenset[tuple[int, int, str]] = frozenset()


def _folder_of(path: str) -> str:
    """The real folder whose config governs `path`: a folder itself ("." is the current folder, not its
    parent), else the folder holding the file, or holding the file a link points to."""
    if path == "-":
        return os.getcwd()
    if os.path.isdir(path):
        return os.path.realpath(path)
    if os.path.islink(path):
        return os.path.dirname(os.path.realpath(path))
    return _real_folder(os.getcwd(), os.path.dirname(path))


# Cached by the name as given (and the folder it is relative to): the files of a folder of thousands resolve
# their folder once. os.path, not pathlib, for the same reason.
@cache
def _real_folder(cwd: str, folder: str) -> str:
    return os.path.realpath(os.path.join(cwd, folder))


@cache
def _config_in(folder: str) -> Path | None:
    return find_config(Path(folder))


@cache
def _packs(paths: tuple[Path, ...]) -> tuple[Rule, ...]:
    return tuple(load_packs(paths))


class Linter:
    """Holds what a run shares across files: parsed configs, loaded packs, built rules."""

    def __init__(self, config: Path | None = None, isolated: bool = False, **overrides: Any) -> None:
        self.config = config
        self.isolated = isolated
        self.overrides = overrides
        self._settings: dict[Path | None, Settings] = {}
        self._active: dict[tuple[int, tuple[str, ...]], list[ActiveRule]] = {}
        self._said: set[str] = set()
        # The last text linted and its result: `--fix` lints the text its last round produced, and the report
        # of what is left reuses that round instead of linting the story a third time (issue 12).
        self._last: tuple[str, str, int, FileResult] | None = None

    def settings_for(self, path: str) -> Settings:
        """The closest config to the file wins, unless --config or --isolated says otherwise."""
        if self.isolated or self.config is not None:
            source = self.config
        else:
            source = _config_in(_folder_of(path))
        if source not in self._settings:
            base = load_settings(source) if source is not None else Settings()
            self._settings[source] = with_overrides(base, **self.overrides)
        return self._settings[source]

    def rules(self, settings: Settings) -> tuple[Rule, ...]:
        return _packs(tuple(builtin_pack_paths()) + settings.packs)

    def selected_rules(self, settings: Settings) -> list[Rule]:
        """The rules these settings switch on, without building their checks (for a report's rule table)."""
        return [rule for rule in self.rules(settings) if is_selected(rule, settings)]

    def active_rules(self, settings: Settings, path: str = "") -> list[ActiveRule]:
        ignores = settings.ignores_for(path) if path and settings.per_file_ignores else ()
        key = (id(settings), ignores)
        if key not in self._active:
            rules = self.rules(settings)
            self._check_selectors(settings, rules)
            context = self.context(settings)
            self._active[key] = [
                ActiveRule(rule, rule_level(rule, settings), rule.build(context))
                for rule in rules
                if is_selected(rule, settings, ignores)
            ]
        return self._active[key]

    def _check_selectors(self, settings: Settings, rules: tuple[Rule, ...]) -> None:
        """Unknown rule ids are errors, blamed where they were written: the command line or the config file."""
        given = self.overrides
        from_flags = [*(given.get("select") or ()), *(given.get("extend_select") or ()), *(given.get("ignore") or ())]
        check_selectors(from_flags, rules, "command line (--select, --extend-select, --ignore)")
        selectors = list(settings.select or ()) + list(settings.extend_select) + list(settings.ignore)
        selectors += list(settings.levels) + [s for _, sels in settings.per_file_ignores for s in sels]
        check_selectors([s for s in selectors if s not in from_flags], rules, settings.source)

    def _unknown_in_directives(self, story: Story, settings: Settings) -> list[str]:
        """A located notice for each unknown `newslint-` directive, and each rule a directive names that no pack
        defines."""
        notices = [
            f"{story.path}:{line}:{column}: unknown directive '{word}'{did_you_mean(word, DIRECTIVES)}"
            for offset, word in unknown_directives(story.text)
            for line, column in [story.lines.position(offset)]
        ]
        named = named_rules(story.text)
        if not named:
            return notices
        rules = self.rules(settings)
        known = {r.id for r in rules} | {r.family for r in rules} | {r.pack for r in rules}
        for offset, name in named:
            if name not in known:
                line, column = story.lines.position(offset)
                notices.append(
                    f"{story.path}:{line}:{column}: newslint-disable names unknown rule '{name}'"
                    f"{did_you_mean(name, known)}"
                )
        return notices

    def _first_time(self, notices: Iterable[str]) -> list[str]:
        """The notices this linter has not said yet: a deprecated key is reported once a run, not per story."""
        fresh = [notice for notice in dict.fromkeys(notices) if notice not in self._said]
        self._said.update(fresh)
        return fresh

    @staticmethod
    def context(settings: Settings) -> Context:
        vocabulary: frozenset[str] = frozenset().union(*(read_word_list(p) for p in settings.vocabulary))
        return Context(
            style=settings.style,
            vocabulary=vocabulary,
            names_files=tuple(str(p) for p in settings.names),
            story_date=settings.story_date,
            regex_timeout=settings.regex_timeout,
            require_dateline=settings.require_dateline,
        )

    def lint_text(self, text: str, path: str, settings: Settings | None = None) -> FileResult:
        settings = settings or self.settings_for(path)
        last = self._last
        if last is not None and last[0] == path and last[2] == id(settings) and last[1] == text:
            return _copy(last[3])
        result = self._lint_text(text, path, settings)
        self._last = (path, text, id(settings), _copy(result))
        return result

    def _lint_text(self, text: str, path: str, settings: Settings) -> FileResult:
        result = FileResult(path, settings=settings)
        if not text.strip():
            result.notices.append(f"{path}: empty story; nothing to check")
            result.skipped = True
            return result
        story = Story(text, path)
        active = self.active_rules(settings, path)
        result.notices += self._first_time(n for a in active for n in a.rule.deprecations)
        findings, result.failures = lint(story, active)
        result.findings = suppress(story, findings)
        result.notices += self._unknown_in_directives(story, settings)
        result.fixable = _safely_fixable(result.findings)
        return result

    def read(self, path: str, name: str = "") -> Decoded:
        """A story's text, decoded as its config says (`encoding`, `--encoding`); "-" is standard input.
        OSError or UnreadableInput when it cannot be read."""
        data = sys.stdin.buffer.read() if path == "-" else read_story_bytes(path)
        return decode(data, self.settings_for(name or path).encoding)

    def lint_file(self, path: str, name: str = "") -> FileResult:
        """Read and lint one file, or standard input for "-"; `name` is what the report and the config lookup
        use for it (`--stdin-filename`), so standard input is read and linted once."""
        name = name or path
        if path.lower().endswith(".docx"):  # a Word story, read apart: its paragraphs are the lines (docs/docx.md)
            from newslint.docx import DocxError, lint_docx

            # Read as any story is (a pipe or a device named .docx is refused, not read). A story that cannot be
            # read is its result's error: exit 2, and the other files go on.
            try:
                return lint_docx(self, path, read_story_bytes(path))
            except (OSError, UnreadableInput, DocxError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                return FileResult(name, skipped=True, error=f"{name}: {reason}; story not checked")
        try:
            decoded = self.read(path, name)
        except (OSError, UnreadableInput) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            return FileResult(name, skipped=True, error=f"{name}: {reason}; story not checked")
        result = self.lint_text(decoded.text, name)
        result.decoded = decoded
        if decoded.notice:
            result.notices.insert(0, f"{name}: {decoded.notice}")
        return result


def _safely_fixable(findings: list[Finding]) -> frozenset[tuple[int, int, str]]:
    """The findings `--fix` applies without --unsafe-fixes, by position and rule."""
    return frozenset((f.start, f.end, f.rule) for f in findings if f.fixable())


def _copy(result: FileResult) -> FileResult:
    """A result whose lists the caller may change without changing the remembered one."""
    return replace(result, findings=list(result.findings), failures=list(result.failures), notices=list(result.notices))


def read_story_bytes(path: str) -> bytes:
    """A story file's bytes; UnreadableInput for a pipe or a device, OSError as for any file."""
    # Opened without blocking and checked before reading: a named pipe or a device named as a story would
    # otherwise hang the run or read forever (issue 14, item 13). os, not pathlib: this runs once per file.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise UnreadableInput("not a regular file (a pipe or a device)")
        return file.read()
