"""Packs written before the renames keep working: an old type key or a snake_case key is read as the new one,
and the run says once what to write instead."""

from __future__ import annotations

import pytest
from helpers import run

from newslint.packs import builtin_pack_paths, load_packs
from newslint.registry import CHECK_TYPES, RENAMED_TYPES
from newslint.resources import read_toml


def _shipped_tables() -> dict[str, dict]:
    """Every shipped rule table by id, as its pack writes it."""
    tables = {}
    for path in builtin_pack_paths():
        data, _ = read_toml(path)
        data.pop("pack", None)
        tables.update({f"{family}.{name}": spec for family, rules in data.items() for name, spec in rules.items()})
    return tables


def _write_pack(path, rule_id: str, spec: dict) -> None:
    """A one-rule pack: `spec` written back as TOML (strings, numbers, booleans and lists of those)."""

    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{ " + ", ".join(f'"{k}" = {value(x)}' for k, x in v.items()) + " }"
        return str(v)

    family, name = rule_id.split(".", 1)
    lines = [f"[house.{family}-{name}]"] + [f'"{k}" = {value(v)}' for k, v in spec.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_shipped_type_key_is_current():
    tables = _shipped_tables()
    assert tables
    assert sorted({spec["type"] for spec in tables.values()} - set(CHECK_TYPES)) == []
    assert sorted({spec["type"] for spec in tables.values()} & set(RENAMED_TYPES)) == []


def test_renamed_types_name_existing_types():
    assert all(new in CHECK_TYPES for new in RENAMED_TYPES.values())
    assert not set(RENAMED_TYPES) & set(CHECK_TYPES)


def test_shipped_rule_keys_are_kebab_case():
    snake = sorted(f"{rid}: {key}" for rid, spec in _shipped_tables().items() for key in spec if "_" in key)
    assert snake == []


@pytest.mark.parametrize("old, new", sorted(RENAMED_TYPES.items()) or [pytest.param("", "", marks=pytest.mark.skip)])
def test_an_old_type_key_loads_with_a_notice(tmp_path, old, new):
    rule_id, spec = next((rid, s) for rid, s in _shipped_tables().items() if s["type"] == new)
    pack = tmp_path / "house.toml"
    _write_pack(pack, rule_id, {**spec, "type": old})
    (rule,) = load_packs([pack])
    assert rule.type == new
    assert rule.deprecations == (f"{pack}:1: type '{old}' is deprecated; write type = \"{new}\"",)


def test_a_snake_case_key_loads_with_a_notice_said_once(tmp_path):
    rule_id, spec, key = next(
        (rid, s, k) for rid, s in _shipped_tables().items() for k in s if "-" in k and k != "type"
    )
    pack = tmp_path / "house.toml"
    _write_pack(pack, rule_id, {k.replace("-", "_") if k == key else k: v for k, v in spec.items()})
    (rule,) = load_packs([pack])
    assert rule.params[key] == spec[key]
    old = key.replace("-", "_")
    assert rule.deprecations == (f"{pack}:1: key '{old}' is deprecated; write '{key}'",)
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Police said the crowd dispersed.\n", encoding="utf-8")
    done = run("a.txt", "b.txt", cwd=tmp_path)
    assert done.stderr.decode().count(f"key '{old}' is deprecated") == 1, done.stderr.decode()
