"""Packs written before the numbers and dateline rule types were named after their rules keep loading, each
old type key with a notice naming the new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.packs import builtin_pack_paths, load_packs
from newslint.registry import CHECK_TYPES, RENAMED_TYPES

FAMILIES = ("numbers", "dateline")
OLD_KEYS = {old: new for old, new in RENAMED_TYPES.items() if new.startswith(tuple(f"{f}-" for f in FAMILIES))}


def _builtin(family: str) -> Path:
    return next(path for path in builtin_pack_paths() if path.stem == family)


def test_every_numbers_and_dateline_type_is_named_after_its_rule() -> None:
    for rule in load_packs([_builtin(family) for family in FAMILIES]):
        name = rule.id.split(".", 1)[1]
        # The five numbers.mixed-* rules share one type named after them.
        expected = "numbers-mixed" if rule.id.startswith("numbers.mixed-") else f"{rule.family}-{name}"
        assert rule.type == expected, rule.id
        words = expected.split("-", 1)[1].split("-")
        assert CHECK_TYPES[rule.type].__name__ == "".join(word.capitalize() for word in words), rule.id


@pytest.mark.parametrize("family", FAMILIES)
def test_an_old_pack_loads_with_a_notice_for_each_old_type(family: str, tmp_path: Path) -> None:
    source = _builtin(family).read_text(encoding="utf-8")
    used = [old for old, new in OLD_KEYS.items() if f'type = "{new}"' in source]
    assert used, "the family has renamed types"
    for old in used:
        source = source.replace(f'type = "{OLD_KEYS[old]}"', f'type = "{old}"')
    old_pack = tmp_path / f"{family}.toml"
    old_pack.write_text(source, encoding="utf-8")
    new_rules = {rule.id: rule for rule in load_packs([_builtin(family)])}
    for rule in load_packs([old_pack]):
        assert rule.type == new_rules[rule.id].type
        if any(f"type '{old}'" in notice for old in used for notice in rule.deprecations):
            assert f'write type = "{rule.type}"' in rule.deprecations[0]
    notices = [notice for rule in load_packs([old_pack]) for notice in rule.deprecations]
    assert {old for old in used if any(f"type '{old}'" in n for n in notices)} == set(used)
