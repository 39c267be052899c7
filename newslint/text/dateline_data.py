"""The dateline data of `rules/data/datelines.toml`: each house style's forms, read once per process."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newslint.resources import builtin_data, read_toml

DATA_FILE = "datelines.toml"


def fold_place(place: str) -> str:
    """A place or region compared without case, periods, spaces or curly apostrophes ("W. Va." ~ "W.Va.")."""
    return "".join(ch for ch in place.replace("’", "'").upper() if ch not in ". ")


@dataclass(frozen=True)
class DatelineStyle:
    """One house style's dateline: the agency it credits, its dash, its month forms and place lists."""

    name: str
    agency: str
    case: str
    dash: str
    also_dashes: frozenset[str]  # other dashes the house's own wire sends: AP's ASCII " _ " for its em dash
    months: tuple[str, ...]  # the preferred form of each month, January first
    also_months: frozenset[str]
    standalone: Mapping[str, frozenset[str]]  # folded city -> folded names of its own state or country
    standalone_prefixes: tuple[str, ...]
    states: Mapping[str, str]  # state name -> AP dateline form
    postal_codes: Mapping[str, str]  # postal code -> state name
    ambiguous_states: frozenset[str]

    def month_ok(self, form: str) -> bool:
        return form in self.months or form in self.also_months

    def stands_alone(self, city: str) -> bool:
        upper = " ".join(city.replace("’", "'").upper().split())
        return fold_place(city) in self.standalone or upper.startswith(self.standalone_prefixes)


@dataclass(frozen=True)
class DatelineData:
    """Every style's table plus what the recogniser needs to tell a dateline from an opening sentence."""

    version: str
    month_names: tuple[str, ...]
    styles: Mapping[str, DatelineStyle]
    agencies: frozenset[str]  # folded
    kickers: frozenset[str]  # folded
    min_bare_city_letters: int
    places: frozenset[str]  # folded stand-alone cities of every style
    regions: frozenset[str]  # folded U.S. state names, AP forms, postal codes, countries and provinces


def _home_regions(region: str, ap: Mapping[str, Any]) -> frozenset[str]:
    """A stand-alone city's own region under every name it goes by: "Michigan", "Mich.", "MI"."""
    names = {region, *ap.get("country-names", {}).get(region, [])}
    if region in ap.get("states", {}):
        names.add(ap["states"][region])
        names.update(code for code, state in ap.get("postal-codes", {}).items() if state == region)
    return frozenset(fold_place(n) for n in names)


def _style(name: str, table: Mapping[str, Any]) -> DatelineStyle:
    standalone = {**table.get("standalone-us", {}), **table.get("standalone-international", {})}
    return DatelineStyle(
        name=name,
        agency=table["agency"],
        case=table.get("case", "upper"),
        dash=table["dash"],
        also_dashes=frozenset(table.get("also-dashes", [])),
        months=tuple(table["months"]),
        also_months=frozenset(table.get("also-months", [])),
        standalone={fold_place(city): _home_regions(region, table) for city, region in standalone.items()},
        standalone_prefixes=tuple(table.get("standalone-prefixes", [])),
        states=dict(table.get("states", {})),
        postal_codes=dict(table.get("postal-codes", {})),
        ambiguous_states=frozenset(table.get("ambiguous-states", [])),
    )


def parse(data: Mapping[str, Any]) -> DatelineData:
    """Build the data from the parsed TOML; ValueError names what is missing or malformed."""
    month_names = tuple(data["months"]["names"])
    styles = {}
    for name, table in data.items():
        if isinstance(table, dict) and "dash" in table:
            styles[name] = _style(name, table)
            if len(styles[name].months) != 12:
                raise ValueError(f"{DATA_FILE}: [{name}] months must list 12 forms")
    recognise = data["recognise"]
    regions: set[str] = set()
    for style in styles.values():
        for state, form in style.states.items():
            regions.update((fold_place(state), fold_place(form)))
        regions.update(fold_place(code) for code in style.postal_codes)
    regions.update(fold_place(country) for country in recognise.get("countries", []))
    return DatelineData(
        version=str(data["version"]),
        month_names=month_names,
        styles=styles,
        agencies=frozenset(fold_place(a) for a in recognise["agencies"]),
        kickers=frozenset(fold_place(k) for k in recognise["kickers"]),
        min_bare_city_letters=int(recognise["min-bare-city-letters"]),
        places=frozenset(city for style in styles.values() for city in style.standalone),
        regions=frozenset(regions),
    )


@cache
def load(path: Path | None = None) -> DatelineData:
    """The shipped dateline data (or the file at `path`), parsed once per process."""
    data, _ = read_toml(path or builtin_data(DATA_FILE))
    try:
        return parse(data)
    except (KeyError, TypeError) as error:
        raise ValueError(f"{DATA_FILE}: malformed dateline data: {error!r}") from None
