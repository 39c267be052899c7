"""One rule type per names rule: each declares only its own keys, and packs written for the old `names` type
with `kind` keep working with a notice, or say which types to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.checks.names.choice import Choice
from newslint.checks.names.listed import NearListed, Rejected
from newslint.checks.names.variant import Variant
from newslint.errors import NewslintError
from newslint.packs import builtin_pack_paths, load_packs
from newslint.registry import CHECK_TYPES

MESSAGE = (
    'message = "{matched} -> {suggestion}"\nwhy = "test"\n'
    'examples.bad = ["Benjamin Netanyhu spoke."]\nexamples.good = ["Benjamin Netanyahu spoke."]\n'
)


def pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_each_names_rule_has_a_type_named_after_it() -> None:
    rules = {r.id: r for r in load_packs(builtin_pack_paths()) if r.family == "names"}
    assert {rid: r.type for rid, r in rules.items()} == {
        "names.variant": "names-variant",
        "names.rejected": "names-rejected",
        "names.near-listed": "names-near-listed",
        "names.choice": "names-choice",
    }
    assert CHECK_TYPES["names-variant"] is Variant and CHECK_TYPES["names-choice"] is Choice
    assert CHECK_TYPES["names-rejected"] is Rejected and CHECK_TYPES["names-near-listed"] is NearListed
    assert "names" not in CHECK_TYPES


def test_every_names_and_spelling_key_is_kebab_case() -> None:
    for check in (Variant, Rejected, NearListed, Choice, CHECK_TYPES["spelling-typo"]):
        assert all("_" not in key for key in check.PARAMS), check


@pytest.mark.parametrize(
    ("type_name", "key"),
    [
        ("names-choice", "max-rare-count = 2"),  # a variant key
        ("names-rejected", "titles = []"),  # a comparing key
        ("names-near-listed", "flag-ties-in-phrase = true"),  # a variant key
        ("names-variant", "defer-count = 1"),  # a near-listed key
    ],
)
def test_a_key_of_another_names_rule_is_an_unknown_key(tmp_path: Path, type_name: str, key: str) -> None:
    path = pack(tmp_path, f'[house.check]\ntype = "{type_name}"\n{MESSAGE}{key}\n')
    with pytest.raises(NewslintError) as error:
        load_packs([path])
    assert f"unknown key '{key.split()[0]}'" in str(error.value)


def test_an_old_names_table_with_kind_maps_to_its_type_with_a_notice(tmp_path: Path) -> None:
    path = pack(tmp_path, f'[house.near]\ntype = "names"\nkind = "near-listed"\n{MESSAGE}min_length = 6\n')
    (rule,) = load_packs([path])
    assert rule.type == "names-near-listed"
    assert rule.params["min-length"] == 6
    notices = " ".join(rule.deprecations)
    assert 'write type = "names-near-listed"' in notices and "write 'min-length'" in notices


def test_an_old_names_table_without_a_known_kind_names_the_new_types(tmp_path: Path) -> None:
    path = pack(tmp_path, f'[house.odd]\ntype = "names"\nkind = "sideways"\n{MESSAGE}')
    with pytest.raises(NewslintError) as error:
        load_packs([path])
    text = str(error.value)
    assert "house.toml:1" in text
    assert "names-variant, names-rejected, names-near-listed, names-choice" in text


def test_the_old_spelling_type_still_loads_with_a_notice(tmp_path: Path) -> None:
    path = pack(tmp_path, f'[house.typo]\ntype = "spelling"\n{MESSAGE}max_repeats = 3\n')
    (rule,) = load_packs([path])
    assert rule.type == "spelling-typo" and rule.params["max-repeats"] == 3
    assert any('write type = "spelling-typo"' in n for n in rule.deprecations)
