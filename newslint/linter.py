"""Lint one file or text: settings for its folder, rules for those settings, read, check, suppress."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from newslint.checks.base import Context
from newslint.config import Settings, find_config, load_settings, with_overrides
from newslint.engine import ActiveRule, RuleFailure, lint
from newslint.errors import NewslintError
from newslint.finding import Finding
from newslint.packs import Rule, builtin_pack_paths, load_packs
from newslint.resources import read_word_list
from newslint.reader import Decoded, UnreadableInput, decode
from newslint.selection import check_selectors, is_selected, rule_level
from newslint.text.story import Story
from newslint.suppress import suppress


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # said on stderr; the run goes on
    skipped: bool = False
    decoded: Decoded | None = None
    error: str = ""  # the file could not be checked (a bug, a dead worker): reported, exit 2


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

    def active_rules(self, settings: Settings, path: str = "") -> list[ActiveRule]:
        ignores = settings.ignores_for(path) if path and settings.per_file_ignores else ()
        key = (id(settings), ignores)
        if key not in self._active:
            rules = self.rules(settings)
            selectors = list(settings.select or ()) + list(settings.extend_select) + list(settings.ignore)
            selectors += list(settings.levels) + [s for _, sels in settings.per_file_ignores for s in sels]
            check_selectors(selectors, rules, settings.source)
            context = self.context(settings)
            self._active[key] = [
                ActiveRule(rule, rule_level(rule, settings), rule.build(context))
                for rule in rules
                if is_selected(rule, settings, ignores)
            ]
        return self._active[key]

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
        result = FileResult(path)
        if not text.strip():
            result.notices.append(f"{path}: empty story; nothing to check")
            result.skipped = True
            return result
        story = Story(text, path)
        active = self.active_rules(settings, path)
        result.notices += self._first_time(n for a in active for n in a.rule.deprecations)
        findings, result.failures = lint(story, active)
        result.findings = suppress(story, findings)
        return result

    def lint_file(self, path: str) -> FileResult:
        if path.lower().endswith(".docx"):  # a Word story, read apart: its paragraphs are the lines (docs/docx.md)
            from newslint.docx import DocxError, lint_docx

            try:
                return lint_docx(self, path)
            except (OSError, DocxError) as error:  # a story that cannot be read: exit 2, the other files go on
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                return FileResult(path, skipped=True, error=f"{path}: {reason}")
        try:
            data = sys.stdin.buffer.read() if path == "-" else _read_bytes(path)
            decoded = decode(data)
        except (OSError, UnreadableInput) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            return FileResult(path, notices=[f"{path}: {reason}"], skipped=True)
        result = self.lint_text(decoded.text, path)
        result.decoded = decoded
        if decoded.notice:
            result.notices.insert(0, f"{path}: {decoded.notice}")
        return result


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as file:  # not Path.read_bytes: a pathlib object per file costs more than the read
        return file.read()
