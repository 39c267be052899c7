"""The newsroom names list: canonical spellings, accepted variants and rejected forms, read from TOML files.

A names file is a plain TOML array of tables a desk can edit:

    [[name]]
    canonical = "Zelenskyy"                 # the house spelling
    accept = ["Zelenskyy's"]                # other forms that are fine (optional)
    reject = ["Zelensky", "Zelenskiy"]      # forms to replace with the canonical one (optional)
    keep = ["chicken Kiev"]                 # phrases where a rejected form stays (optional)
    note = "AP since 2022"                  # why (optional)

The shipped lists live in `rules/data/names/`: `common.toml` for every house style, plus `<style>.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from newslint.checks.names.inventory import fold
from newslint.errors import NewslintError
from newslint.resources import builtin_data, read_toml

_ENTRY_KEYS = {"canonical", "accept", "reject", "keep", "note"}


@dataclass(frozen=True)
class NameEntry:
    """One listed name."""

    canonical: str
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class NamesList:
    """All entries in force for a run, with lookups by folded form."""

    entries: tuple[NameEntry, ...]

    @cached_property
    def known(self) -> frozenset[str]:
        """Folded canonical and accepted forms, and each of their words."""
        forms = [f for e in self.entries for f in (e.canonical, *e.accept)]
        return frozenset(fold(w) for f in forms for w in (f, *f.split()))

    @cached_property
    def rejected(self) -> dict[str, str]:
        """Folded rejected form -> canonical spelling."""
        return {fold(r): e.canonical for e in self.entries for r in e.reject}

    @cached_property
    def keep(self) -> tuple[str, ...]:
        return tuple(k for e in self.entries for k in e.keep)

    @cached_property
    def canonical_words(self) -> dict[str, str]:
        """Folded single word of every canonical spelling -> that word as written (near misses are words)."""
        return {fold(w): w for e in self.entries for w in e.canonical.split() if len(w) > 1 and "." not in w}

    @cached_property
    def partners(self) -> dict[str, frozenset[str]]:
        """Folded word of a listed name -> the folded words beside it in listed names ("netanyahu" -> "benjamin")."""
        found: dict[str, set[str]] = {}
        for entry in self.entries:
            for form in (entry.canonical, *entry.accept):
                words = [fold(w) for w in form.split()]
                for i, word in enumerate(words):
                    found.setdefault(word, set()).update(words[max(i - 1, 0) : i] + words[i + 1 : i + 2])
        return {word: frozenset(near) for word, near in found.items()}


@cache
def personal_names(relative: str) -> frozenset[str]:
    """Folded common first names and surnames from a file under rules/data/ (one a line, `#` comments)."""

    path = builtin_data(relative)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise NewslintError([f"{path}: cannot read names: {error}"]) from None
    plain = text.isascii()  # folding ASCII is lowercasing, done to the whole file at once
    lines = (text.lower() if plain else text).splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return frozenset(names if plain else map(fold, names))


def builtin_names_files(style: str) -> tuple[Path, ...]:

    folder = builtin_data("names")
    return tuple(p for p in (folder / "common.toml", folder / f"{style}.toml") if p.is_file())


@cache
def load_names(style: str, extra: tuple[str, ...] = ()) -> NamesList:
    """The shipped lists for `style` and the newsroom's own files, later files adding to earlier ones."""
    entries: list[NameEntry] = []
    problems: list[str] = []
    for path in (*builtin_names_files(style), *(Path(p) for p in extra)):
        entries.extend(_read_entries(path, problems))
    if problems:
        raise NewslintError(problems)
    return NamesList(tuple(entries))


def _read_entries(path: Path, problems: list[str]) -> list[NameEntry]:

    data, _ = read_toml(path)
    unknown = set(data) - {"name"}
    problems += [f"{path}: unknown table '{key}' (a names file holds [[name]] entries)" for key in sorted(unknown)]
    entries = []
    for number, item in enumerate(data.get("name", []), 1):
        bad = _entry_problems(item)
        if bad:
            problems += [f"{path}: name #{number}: {p}" for p in bad]
            continue
        lists = {key: tuple(item.get(key, ())) for key in ("accept", "reject", "keep")}
        entries.append(NameEntry(item["canonical"], note=item.get("note", ""), **lists))
    return entries


def _entry_problems(item: object) -> list[str]:
    if not isinstance(item, dict):
        return ["is not a table"]
    problems = [f"unknown key '{key}'" for key in item if key not in _ENTRY_KEYS]
    if not isinstance(item.get("canonical"), str) or not item.get("canonical"):
        problems.append("needs a 'canonical' spelling")
    for key in ("accept", "reject", "keep"):
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"'{key}' must be a list of strings")
    return problems
