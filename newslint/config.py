"""Find and validate configuration: `newslint.toml` or `[tool.newslint]` in `pyproject.toml`, closest wins."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import regex

from newslint.errors import NewslintError, did_you_mean, locate
from newslint.finding import Level
from newslint.resources import read_toml

CONFIG_NAMES = ("newslint.toml", "pyproject.toml")
STYLES = ("ap", "reuters", "xinhua", "guardian", "abc")


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know beyond the story. Paths are absolute."""

    source: str = "<defaults>"
    style: str = "ap"
    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    levels: Mapping[str, Level] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    packs: tuple[Path, ...] = ()
    vocabulary: tuple[Path, ...] = ()
    names: tuple[Path, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    fail_level: Level = Level.WARNING
    require_dateline: bool = False
    story_date: date | None = None
    regex_timeout: float = 1.0
    encoding: str | None = None  # stories without a byte order mark are in this encoding (legacy archives)
    root: Path = field(default_factory=Path.cwd)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Selectors ignored for one file by `per-file-ignores` (globs relative to the config's folder)."""
        try:
            relative = Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        return tuple(s for glob, sels in self.per_file_ignores if fnmatch.fnmatch(relative, glob) for s in sels)


_LISTS = {"select", "extend-select", "ignore", "packs", "vocabulary", "names", "extend-exclude"}
_KEYS = _LISTS | {
    "style", "levels", "per-file-ignores", "fail-level", "require-dateline", "date", "regex-timeout", "encoding",
}  # fmt: skip


def load_settings(path: Path) -> Settings:
    """Settings from a config file; NewslintError listing every problem, each with file and line."""
    data, source = read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    problems: list[str] = []
    where = lambda key: locate(str(path), source, rf"^\s*\"?{regex.escape(key)}\"?\s*=")
    for key in data:
        if key not in _KEYS:
            problems.append(f"{where(key)}: unknown key '{key}'{did_you_mean(key, _KEYS)}")
    values = _convert(data, path.parent.resolve(), problems, where)
    if problems:
        raise NewslintError(problems)
    return Settings(source=str(path), root=path.parent.resolve(), **values)


def _convert(data: Mapping[str, Any], root: Path, problems: list[str], where) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in _LISTS & set(data):
        items = data[key]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            problems.append(f"{where(key)}: '{key}' must be a list of strings")
            continue
        if key == "select" and not items:
            # An empty list would switch every rule off and pass every story: an unset CI variable, not intent.
            problems.append(f"{where(key)}: 'select' is empty, which would check nothing; name rules or ALL")
            continue
        is_path = key in ("packs", "vocabulary", "names")
        values[key.replace("-", "_")] = tuple((root / i).resolve() if is_path else i for i in items)
    if "style" in data:
        if data["style"] not in STYLES:
            problems.append(
                f"{where('style')}: unknown style {data['style']!r}{did_you_mean(str(data['style']), STYLES)}"
            )
        values["style"] = data["style"]
    if "levels" in data:
        values["levels"] = _levels(data["levels"], problems, where)
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if isinstance(table, dict) and all(
            isinstance(v, list) and all(isinstance(i, str) for i in v) for v in table.values()
        ):
            values["per_file_ignores"] = tuple((glob, tuple(sels)) for glob, sels in table.items())
        else:
            problems.append(f"{where('per-file-ignores')}: 'per-file-ignores' must be a table of glob = [rules]")
    if "fail-level" in data:
        values["fail_level"] = _level(data["fail-level"], problems, where("fail-level"))
    if "require-dateline" in data:
        if isinstance(data["require-dateline"], bool):
            values["require_dateline"] = data["require-dateline"]
        else:  # bool("false") is True: a quoted value must not mean its opposite
            problems.append(f"{where('require-dateline')}: 'require-dateline' must be true or false, without quotes")
    if "date" in data:
        if isinstance(data["date"], date):
            values["story_date"] = data["date"]
        else:
            problems.append(f"{where('date')}: 'date' must be a TOML date such as 2024-03-22 (no quotes)")
    if "encoding" in data:
        if isinstance(data["encoding"], str) and known_encoding(data["encoding"]):
            values["encoding"] = data["encoding"]
        else:
            problems.append(f'{where("encoding")}: unknown encoding {data["encoding"]!r} (e.g. "cp1252", "latin-1")')
    if "regex-timeout" in data:
        timeout = data["regex-timeout"]
        if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) and timeout > 0:
            values["regex_timeout"] = float(timeout)
        else:
            problems.append(f"{where('regex-timeout')}: 'regex-timeout' must be a positive number of seconds")
    return values


def known_encoding(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _level(value: Any, problems: list[str], where: str) -> Level:
    try:
        return Level.parse(value)
    except (KeyError, AttributeError):
        problems.append(f"{where}: level {value!r} is not one of suggestion, warning, error")
        return Level.WARNING


def _levels(table: Any, problems: list[str], where) -> dict[str, Level]:
    if not isinstance(table, dict):
        problems.append(f"{where('levels')}: 'levels' must be a table of rule = level")
        return {}
    return {selector: _level(value, problems, where(selector)) for selector, value in table.items()}


@cache
def find_config(folder: Path) -> Path | None:
    """The closest `newslint.toml`, or `pyproject.toml` with a [tool.newslint] table, at or above `folder`."""
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or "[tool.newslint" in path.read_text("utf-8", "replace")):
                return path
    return None


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """Command-line flags win over the file; None means the flag was not given."""
    given = {key: value for key, value in overrides.items() if value is not None}
    if "extend_select" in given:
        given["extend_select"] = settings.extend_select + tuple(given["extend_select"])
    if "ignore" in given:
        given["ignore"] = settings.ignore + tuple(given["ignore"])
    return replace(settings, **given)
