"""Load rule packs (TOML) into validated Rule records; every problem in a pack is reported together."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from newslint.checks.base import REQUIRED, Check, Context
from newslint.errors import NewslintError, did_you_mean, locate
from newslint.finding import Level
from newslint.registry import CHECK_TYPES, RENAMED_TYPES, SPLIT_TYPES
from newslint.resources import builtin_rules_dir, read_toml
from newslint.text.story import BODY, DATELINE, HEADLINE, SCOPES

COMMON_KEYS = {
    "type", "message", "level", "scope", "why", "link", "examples", "styles", "enabled",
}  # fmt: skip
DEFAULT_SCOPES = frozenset({HEADLINE, DATELINE, BODY})
_RULE_NAME = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A `[family.rule]` table header (names quoted or not): one pattern for every rule of a pack.
_RULE_HEADER = regex.compile(rf'^\s*\[\s*"?({_RULE_NAME.pattern})"?\s*\.\s*"?({_RULE_NAME.pattern})"?\s*\]')


@dataclass(frozen=True)
class Rule:
    """A rule as its pack defines it. `build` makes the check that runs it."""

    id: str
    pack: str
    type: str
    message: str
    level: Level
    scopes: frozenset[str]
    why: str
    link: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    styles: tuple[str, ...]
    enabled: bool
    params: Mapping[str, Any] = field(repr=False)
    location: str = ""
    deprecations: tuple[str, ...] = ()  # old spellings the pack still uses, each with its new one
    # The check built when the pack was loaded (with the default context), until a build takes it.
    spare: list[Check] = field(default_factory=list, repr=False, compare=False, hash=False)

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def applies_to(self, style: str) -> bool:
        return not self.styles or style in self.styles

    def _take_spare(self, context: Context) -> Check | None:
        if not self.spare or context != Context():
            return None
        try:
            check = self.spare.pop()  # atomic: two threads building at once cannot both take it
        except IndexError:
            return None
        # A copy of the rule with other parameters shares the list: its spare is not its check.
        return check if check.params == check.with_defaults(self.params) else None

    def build(self, context: Context) -> Check:
        # Loading the pack already built this check with the default context, to report a bad table at load:
        # the first build for that same context takes it (only once: each caller gets a check of its own).
        check = self._take_spare(context)
        if check is None:
            check = CHECK_TYPES[self.type](self.params, context)
        check.scopes = self.scopes  # a check may skip costly work on a hit the engine will drop as out of scope
        return check


def load_packs(paths: Iterable[Path]) -> list[Rule]:
    """All rules of the given pack files; NewslintError listing every problem found in any of them."""
    rules: list[Rule] = []
    problems: list[str] = []
    for path in paths:
        try:
            data, source = read_toml(path)
        except NewslintError as error:
            problems.extend(error.problems)
            continue
        pack_rules, pack_problems = _pack_rules(path, data, source)
        rules.extend(pack_rules)
        problems.extend(pack_problems)
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            problems.append(f"{rule.location}: rule '{rule.id}' is defined again (first at {seen[rule.id]})")
        seen.setdefault(rule.id, rule.location)
    if problems:
        raise NewslintError(problems)
    return rules


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_rules_dir().glob("*.toml"))


def _pack_rules(path: Path, data: dict[str, Any], source: str) -> tuple[list[Rule], list[str]]:
    rules, problems = [], []
    data.pop("pack", None)  # the pack's own description
    header_lines = _header_lines(source)
    for family, table in data.items():
        if not isinstance(table, dict) or not _RULE_NAME.fullmatch(family):
            problems.append(f"{locate(str(path), source, regex.escape(family))}: '{family}' is not a rule family table")
            continue
        for name, spec in table.items():
            rule_id = f"{family}.{name}"
            where = _rule_location(path, source, header_lines, family, name)
            if not isinstance(spec, dict) or not _RULE_NAME.fullmatch(name):
                problems.append(f"{where}: '{rule_id}' is not a rule table")
                continue
            rule, rule_problems = _make_rule(rule_id, path.stem, spec, where)
            rules.extend([rule] if rule else [])
            problems.extend(f"{where}: rule '{rule_id}': {p}" for p in rule_problems)
    return rules, problems


def _header_lines(source: str) -> dict[tuple[str, str], int]:
    """The line of each `[family.rule]` header, the first where one is written twice."""
    lines: dict[tuple[str, str], int] = {}
    for number, line in enumerate(source.splitlines(), start=1):
        header = _RULE_HEADER.match(line)
        if header:
            lines.setdefault((header.group(1), header.group(2)), number)
    return lines


def _rule_location(path: Path, source: str, header_lines: dict[tuple[str, str], int], family: str, name: str) -> str:
    """`path:line` of a rule's table header; a name that is no rule name is searched for on its own."""
    if (family, name) in header_lines:
        return f"{path}:{header_lines[family, name]}"
    if _RULE_NAME.fullmatch(family) and _RULE_NAME.fullmatch(name):
        return str(path)  # defined some other way (an inline or dotted table): no header to point at
    pattern = rf"^\s*\[\s*\"?{regex.escape(family)}\"?\s*\.\s*\"?{regex.escape(name)}\"?\s*\]"
    return locate(str(path), source, pattern)


def _make_rule(rule_id: str, pack: str, spec: dict[str, Any], where: str) -> tuple[Rule | None, list[str]]:
    """Validate one rule table; return the Rule, or None and every problem found."""
    spec, deprecations = _current_spelling(spec, where)
    type_name = spec.get("type")
    if type_name in SPLIT_TYPES:
        key, by_value = SPLIT_TYPES[type_name]
        return None, [f"type '{type_name}' was split by '{key}': write type = one of {', '.join(by_value.values())}"]
    if type_name not in CHECK_TYPES:
        return None, [f"unknown type {type_name!r}{did_you_mean(str(type_name), CHECK_TYPES)}"]
    check_class = CHECK_TYPES[type_name]
    problems = [
        f"unknown key '{key}'{did_you_mean(key, COMMON_KEYS | set(check_class.PARAMS))}"
        for key in spec
        if key not in COMMON_KEYS and key not in check_class.PARAMS
    ]
    problems += [f"missing key '{key}'" for key in ("message", "why") if not isinstance(spec.get(key), str)]
    problems += _message_problems(spec.get("message", ""), check_class)
    type_problems = _type_problems(spec, check_class)
    problems += type_problems
    params = {key: spec[key] for key in check_class.PARAMS if key in spec}
    built: list[Check] = []
    if not type_problems:
        problems += _build_problems(check_class, params, built)
    level = _level(spec.get("level", "warning"), problems)
    scopes = _scopes(spec.get("scope"), problems)
    bad, good = _examples(spec.get("examples", {}), problems)
    if problems:
        return None, problems
    rule = Rule(
        id=rule_id, pack=pack, type=type_name, message=spec["message"], level=level, scopes=scopes,
        why=spec["why"], link=spec.get("link", ""), bad=bad, good=good,
        styles=tuple(spec.get("styles", ())), enabled=spec.get("enabled", True), params=params, location=where,
        deprecations=deprecations, spare=built,
    )  # fmt: skip
    return rule, []


def _current_spelling(spec: dict[str, Any], where: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The rule table with an old type key and snake_case keys renamed, and a notice for each: packs written
    before the rename keep working and say what to write instead."""
    notices = []
    type_name = spec.get("type")
    if isinstance(type_name, str) and type_name in RENAMED_TYPES:
        new = RENAMED_TYPES[type_name]
        notices.append(f"{where}: type '{type_name}' is deprecated; write type = \"{new}\"")
        spec = {**spec, "type": new}
    elif isinstance(type_name, str) and type_name in SPLIT_TYPES:
        key, by_value = SPLIT_TYPES[type_name]
        value = spec.get(key)
        new = by_value.get(value) if isinstance(value, str) else None
        if new is not None:  # else left as it is, for the load to say which types to write
            notices.append(f'{where}: type \'{type_name}\' with {key} = "{value}" is deprecated; write type = "{new}"')
            spec = {**{k: v for k, v in spec.items() if k != key}, "type": new}
    params = CHECK_TYPES[spec["type"]].PARAMS if spec.get("type") in CHECK_TYPES else {}
    renamed = {}
    for key in spec:
        kebab = key.replace("_", "-")
        if kebab != key and kebab in params and kebab not in spec:
            notices.append(f"{where}: key '{key}' is deprecated; write '{kebab}'")
            renamed[key] = kebab
    if renamed:
        spec = {renamed.get(key, key): value for key, value in spec.items()}
    return spec, tuple(notices)


def _build_problems(check_class: type[Check], params: Mapping[str, Any], built: list[Check]) -> list[str]:
    """Build the check once so that bad patterns and values are reported at load, not mid-run; a check
    that builds is kept in `built` for the first run with the default context."""
    try:
        built.append(check_class(params, Context()))
    except ValueError as error:
        return [str(error)]
    return []


def _type_problems(spec: Mapping[str, Any], check_class: type[Check]) -> list[str]:
    problems = []
    for key, param in check_class.PARAMS.items():
        if key not in spec:
            if param.default is REQUIRED:
                problems.append(f"missing key '{key}' (type '{spec['type']}' needs it)")
        elif not isinstance(spec[key], param.kind) or isinstance(spec[key], bool) and param.kind in (int, float):
            kind = param.kind if isinstance(param.kind, type) else param.kind[0]
            problems.append(f"key '{key}' must be a {kind.__name__}, not {type(spec[key]).__name__}")
    return problems


def _message_problems(message: str, check_class: type[Check]) -> list[str]:
    allowed = {"matched"} | check_class.ARGS
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as error:
        return [f"message is not a valid template: {error}"]
    return [
        f"message placeholder '{{{name}}}' is unknown; this type offers {sorted(allowed)}"
        for name in fields
        if name not in allowed
    ]


def _level(value: Any, problems: list[str]) -> Level:
    try:
        return Level.parse(value)
    except (KeyError, AttributeError):
        problems.append(f"level {value!r} is not one of suggestion, warning, error")
        return Level.WARNING


def _scopes(value: Any, problems: list[str]) -> frozenset[str]:
    """`scope` is a string or list; `~name` removes a scope; `quote` opts in to quotations."""
    if value is None:
        return DEFAULT_SCOPES
    items = [value] if isinstance(value, str) else list(value)
    negated = [i[1:] for i in items if isinstance(i, str) and i.startswith("~")]
    positive = [i for i in items if isinstance(i, str) and not i.startswith("~")]
    unknown = [i for i in positive + negated if i not in SCOPES]
    problems += [f"unknown scope '{i}'{did_you_mean(i, SCOPES)}" for i in unknown]
    base = set(positive) if positive else set(DEFAULT_SCOPES)
    return frozenset(base - set(negated))


def _examples(value: Any, problems: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        problems.append("'examples' must be a table with 'bad' and 'good' lists")
        return (), ()
    bad, good = value.get("bad", []), value.get("good", [])
    if not bad or not good:
        problems.append("every rule needs examples.bad and examples.good")
    return tuple(bad), tuple(good)
