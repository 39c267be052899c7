"""The real Reuters datelines of 1987 (`../shared/corpora/reuters21578-dev/datelines.tsv`) as a labelled set:
the wire's clean datelines, and the slips the wire itself made, each given a kind by a pattern independent
of the checker. Read from the shared corpora folder only (never copied into the repository).

Kinds and the rule that must report each:
- `city-case` (`Calgary, Alberta, March 13 -`): dateline.city-case
- `month-case` (`MARCH 16`, `MArch 25`, `march 4`, `FEb 26`): dateline.month-case
- `month-form` (`Mar 12`, `February 27`: real months, not the house form): dateline.month
- `month-spelling` (`Marc 3`, `Narch 2`, `Marchg 12`, `Mach 4`): dateline.month-spelling
- `missing-comma` (`RICHMOND, Va. Feb 26`, `JOHANNESBURG March 13`): dateline.comma
- `stray-comma` (`CHICAGO, March 4, -`, `N.Y,. March 13`): dateline.comma
- `space-before-comma` (`ATLANTA , March 3 -`): dateline.comma
- `dash-before-date` (`KANSAS CITY, Mo. - March 13 -`: a dash where the comma goes): dateline.comma
- `dash` (`March 9  -`, `March 2-`: the dash after the dateline unspaced or double-spaced): dateline.dash
- `agency-form` (`ROME, March 13, Reuter -`): dateline.agency
- `day` (`March 187`, `March 2O`, `2 March`): dateline.date
Not measured as slips, listed apart: `no-date` (`CALGARY, Alberta -`: the house style does not require a
date), `not-a-dateline` (`Wilcox/Gibbs -`: every finding there is a false one), and rows whose raw field runs on
into the headline (`ANKARA, March 8 - Engineers are ...`), whose dateline is clean.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT.parent / "shared" / "corpora" / "reuters21578-dev" / "datelines.tsv"

HOUSE_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
MONTH_FORMS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
RULE_OF_KIND = {
    "city-case": "dateline.city-case",
    "month-case": "dateline.month-case",
    "month-form": "dateline.month",
    "month-spelling": "dateline.month-spelling",
    "missing-comma": "dateline.comma",
    "stray-comma": "dateline.comma",
    "space-before-comma": "dateline.comma",
    "dash-before-date": "dateline.comma",
    "dash": "dateline.dash",
    "agency-form": "dateline.agency",
    "day": "dateline.date",
}
_MONTH_TOKEN = regex.compile(r",\s+(\p{L}+)\.?\s+\S+\s+-$")


@dataclass(frozen=True)
class WireDateline:
    ident: str
    raw: str  # the dateline as the wire sent it
    text: str  # the dateline and its first words, as the linter sees them
    kind: str  # "clean" or one of RULE_OF_KIND, "no-date", "not-a-dateline"


def _month_kind(raw: str) -> str:
    match = _MONTH_TOKEN.search(raw)
    token = match.group(1) if match else ""
    if token in HOUSE_MONTHS:
        return "month-case" if raw.count("  ") else "clean"
    if token.lower() in (m.lower() for m in HOUSE_MONTHS) and token not in MONTH_FORMS:
        return "month-case"
    if token.lower() in (m.lower() for m in MONTH_FORMS):
        return "month-form"
    return "month-spelling"


_UNPARSED = (
    ("not-a-dateline", r"/"),
    ("agency-form", r", Reuter -$"),
    ("dash-before-date", r"- \p{L}+ \d+ -$"),
    ("stray-comma", r"\d, -$|,\.\s"),
    ("day", r"\p{L} (?:\d{3}|\d[O]) -$|, \d+ \p{L}+ -$"),
    ("missing-comma", r"^[\p{Lu} ]+ \p{L}+ \d+ -$|[^,] (?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\p{L}* \d+,? (?:Reuter )?-$"),
    ("no-date", r"^[\p{Lu} ]+, [\p{L}. ]+ -$"),
    ("clean", r" - \S.*$"),  # the raw field runs on into the headline: the dateline itself is clean
)  # fmt: skip


def kind_of(raw: str, status: str) -> str:
    """A row's kind, from its raw dateline and the corpus's own label."""
    if status == "ok":
        if regex.search(r"\p{L} ,", raw):
            return "space-before-comma"
        return "clean" if regex.search(r"\S -$", raw) else "dash"
    if status == "place_not_caps":
        return "city-case"
    if status == "odd_month_token":
        return _month_kind(raw)
    for kind, pattern in _UNPARSED:
        if regex.search(pattern, raw):
            # A raw field run on into the headline: the dateline is its part up to the first dash.
            return _month_kind(raw[: raw.index(" - ") + 2]) if kind == "clean" else kind
    return "unlabelled"


def wire_datelines(path: Path = TSV) -> list[WireDateline]:
    """Every row of the labelled set, or none when the shared corpora folder is absent."""
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            raw = row["dateline_raw"].rstrip()
            text = f"{raw} {row['first_sentence'].strip()}\n"
            rows.append(WireDateline(row["newid"], raw, text, kind_of(raw, row["status"])))
    return rows


def kinds(rows: list[WireDateline]) -> Counter[str]:
    return Counter(row.kind for row in rows)


# --- planted slips: each clean wire dateline corrupted once per kind, with a fixed seed -------------------

_PARTS = regex.compile(
    r"^(?P<city>[^,]+)(?P<region>(?:, [^,]+?)*?)(?P<comma>, )(?P<month>\p{L}+) (?P<day>\d+)(?P<dash> - )"
)
MONTH_NAMES = MONTH_FORMS[:12]


def _month_slip(month: str, rng) -> str | None:
    """One letter dropped, added, changed or two swapped, giving no real month form."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(20):
        at = rng.randrange(1, len(month))
        how = rng.choice(("drop", "add", "change", "swap"))
        if how == "drop":
            slip = month[:at] + month[at + 1 :]
        elif how == "add":
            slip = month[:at] + rng.choice(letters) + month[at:]
        elif how == "change":
            slip = month[:at] + rng.choice(letters.replace(month[at].lower(), "")) + month[at + 1 :]
        else:
            slip = month[: at - 1] + month[at] + month[at - 1] + month[at + 1 :] if at > 1 else None
        near_other = any(
            name != _full(month) and _distance_one(slip.lower(), name.lower()) for name in MONTH_NAMES
        ) if slip else True  # fmt: skip
        if slip and len(slip) >= 3 and slip.lower() not in {m.lower() for m in MONTH_FORMS} and not near_other:
            return slip
    return None


def _full(month: str) -> str:
    return next(name for name in MONTH_NAMES if name.lower().startswith(month.lower()[:3]))


def _distance_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _other_form(month: str, rng) -> str:
    """A real month form the 1987 Reuters house did not use for this month: "Mar", "February", "Feb."."""
    full = _full(month)
    choices = [full[:3], full, full[:3] + "."]
    return rng.choice([c for c in choices if c not in HOUSE_MONTHS and c != month] or [full[:3] + "."])


def plant(raw: str, kind: str, rng) -> str | None:
    """The clean dateline `raw` with one slip of `kind`, or None where the kind does not apply."""
    m = _PARTS.match(raw + " ")
    if m is None:
        return None
    city, region, month, day = m["city"], m["region"], m["month"], m["day"]
    date = f"{month} {day}"
    head = city + region
    if kind == "city-case":
        return f"{city.title()}{region}, {date} -" if city.title() != city else None
    if kind == "month-case":
        cased = rng.choice((month.upper(), month.lower(), month[:2].upper() + month[2:]))
        return f"{head}, {cased} {day} -" if cased != month else None
    if kind == "month-form":
        return f"{head}, {_other_form(month, rng)} {day} -"
    if kind == "month-spelling":
        slip = _month_slip(month, rng)
        return f"{head}, {slip} {day} -" if slip else None
    if kind == "missing-comma":
        return f"{head} {date} -"
    if kind == "dash-before-date":
        return f"{head} - {date} -"
    if kind == "stray-comma":
        return f"{head}, {date}, -"
    if kind == "day":
        slip = rng.choice(
            (f"{day} {month}", f"{month} {day}{rng.randint(1, 9)}" if len(day) == 2 else f"{month} 3{day}")
        )
        if day.endswith("0"):
            slip = f"{month} {day[:-1]}O"
        return f"{head}, {slip} -"
    if kind == "dash":
        return f"{head}, {date}{rng.choice(('-', '  -', ' --', ' —', ' –'))}"
    if kind == "agency-form":
        return f"{head}, {date}, Reuter -"
    return None


PLANTED_KINDS = (
    "city-case", "month-case", "month-form", "month-spelling", "missing-comma", "dash-before-date",
    "stray-comma", "day", "dash", "agency-form",
)  # fmt: skip
