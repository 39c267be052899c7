"""Score the names and spelling rules on real copy: false alarms on clean stories, recall on planted slips.

    python scripts/eval_names.py [--style ap] [--seed 8] [--per-story 2] [--show]

1. Clean copy: the 300 ABC stories (see corpus.py) are linted with the names.* and spelling.* rules;
   findings per 1,000 words, by rule. `--show` lists each finding with its context.
2. Labelled set: in each story, up to `--per-story` names that the story uses at least twice (capitalised
   words of four or more letters, capitalised where the capital is the writer's choice, never written in
   lowercase) get one occurrence corrupted, chosen at random: into a real English word one edit away when
   there is one ("Blinken" -> "Blinked"), else by a transposition, a dropped, doubled or keyboard-adjacent
   letter. The first letter is never touched (typing slips rarely hit it). A case is caught when a names or
   spelling finding covers the slip; the suggestion is right when its first suggestion is the original.
   Findings elsewhere in the corrupted story that the clean story does not have are counted as false alarms,
   and apart those on the name's other spelling that point at the slip (a tie the story cannot settle).
   A slip never makes a word the story already uses (punctuation and possessives stripped).
3. Real wire copy, when `../shared/corpora/reuters21578-dev/` is there (evaluation data, never copied into
   the repository): the 49 names that 1987 Reuters stories really misspelt (`name-typos.tsv`), each caught
   when a finding covers an occurrence of the slip, right when it suggests the correct form first; and
   false alarms on a sample of the other stories (`--reuters-sample`), findings per 1,000 words.
The random generator is seeded, so every run builds the same set.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import CACHE, abc_stories, word_count

from newslint.checks.names.inventory import inventory_of
from newslint.checks.names.nameslist import load_names
from newslint.checks.names.places import gazetteer
from newslint.config import Settings
from newslint.finding import Finding
from newslint.linter import Linter
from newslint.text import english
from newslint.text.story import Story

FAMILIES = ("names", "spelling")
REUTERS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578-dev"
MIN_NAME_LENGTH = 4
REAL_WORD_MIN_FREQUENCY = 100  # a real-word slip must be a word a writer might type
LETTERS = "abcdefghijklmnopqrstuvwxyz"
WORD = re.compile(r"[^\W\d_]+")
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
LISTED = load_names("ap").known


@dataclass(frozen=True)
class Case:
    """One planted slip: story index, corrupted text, where the slip is, what it was and what it became."""

    story: int
    text: str
    start: int
    original: str
    slip: str
    kind: str
    uses: int  # how often the story used the name before the slip


def lint(linter: Linter, settings: Settings, text: str, name: str) -> list[Finding]:
    return linter.lint_text(text, name, settings).findings


# --- corrupting a name ------------------------------------------------------------------------------------


def keyboard_neighbours(letter: str) -> str:
    """Letters next to `letter` on a QWERTY keyboard (same row and the rows above and below)."""
    for row_index, row in enumerate(QWERTY):
        if letter in row:
            col = row.index(letter)
            rows = QWERTY[max(row_index - 1, 0) : row_index + 2]
            return "".join(r[c] for r in rows for c in range(col - 1, col + 2) if 0 <= c < len(r) and r[c] != letter)
    return ""


def real_word_slips(name: str, names: frozenset[str]) -> list[str]:
    """English words one edit from `name` (lowercase), first letter kept.

    Left out: another form of the same word (a letter added or dropped at the end: "Australian",
    "Presidents") and other well-known names ("Iran" for "Iraq"): neither is a slip anyone could catch.
    """
    low = name.lower()
    found = set()
    for i in range(1, len(low) + 1):
        found.add(low[:i] + low[i + 1 :])
        if i < len(low) - 1:
            found.add(low[:i] + low[i + 1] + low[i] + low[i + 2 :])
        for c in LETTERS:
            found.add(low[:i] + c + low[i + 1 :])
            found.add(low[:i] + c + low[i:])
    inflected = {w for w in found if w.startswith(low) or low.startswith(w)}
    return sorted(
        w for w in found - inflected
        if len(w) > 1 and w not in names and english.frequency(w) >= REAL_WORD_MIN_FREQUENCY
    )  # fmt: skip


def typo(name: str, rng: random.Random) -> tuple[str, str]:
    """A transposition, dropped, doubled or keyboard-adjacent letter, after the first letter."""
    while True:
        kind = rng.choice(("transposition", "dropped", "doubled", "keyboard"))
        i = rng.randrange(1, len(name))
        if kind == "transposition" and i < len(name) - 1 and name[i] != name[i + 1]:
            return name[:i] + name[i + 1] + name[i] + name[i + 2 :], kind
        if kind == "dropped":
            return name[:i] + name[i + 1 :], kind
        if kind == "doubled":
            return name[:i] + name[i] + name[i:], kind
        neighbours = keyboard_neighbours(name[i].lower())
        if kind == "keyboard" and neighbours:
            return name[:i] + rng.choice(neighbours) + name[i + 1 :], kind


def corrupt(name: str, taken: set[str], rng: random.Random) -> tuple[str, str]:
    """A real-word slip where one exists, else a typo; never another word the story already uses."""
    real = [w for w in real_word_slips(name, LISTED) if w not in taken]
    if real:
        return rng.choice(real).capitalize(), "real word"
    for _ in range(50):
        slip, kind = typo(name, rng)
        if slip.lower() not in taken:
            return slip, kind
    raise ValueError(f"no slip for {name}")


def repeated_names(text: str) -> dict[str, list[tuple[int, str]]]:
    """Names used at least twice: key -> occurrences (start, form) where the capital is the writer's choice."""
    inventory = inventory_of(Story(text, "case.txt"))
    names = {}
    for key, words in inventory.words.items():
        forms = {w.form for w in words}
        if len(words) < 2 or len(key) < MIN_NAME_LENGTH or key in inventory.lowercase:
            continue
        if all(w.ambiguous for w in words) or not all(f.isalpha() and not f.isupper() for f in forms):
            continue
        names[key] = [(w.start, w.form) for w in words]
    return names


def lee_stories(background: list[str]) -> list[str]:
    """The 50 stories of gensim's `lee.cor` (fetched with the background corpus) not already among them."""
    seen = set(background)
    lines = (CACHE / "lee.cor").read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and line.strip() not in seen]


def labelled_set(stories: list[str], seed: int, per_story: int) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for index, text in enumerate(stories):
        names = repeated_names(text)
        # Every word of the story, punctuation and possessives stripped: a slip into a form the story already
        # uses ("Germans" where it writes "Germans,") is another name, not a fair positive.
        taken = {w.lower() for w in WORD.findall(text)} | set(names)
        for key in rng.sample(sorted(names), min(per_story, len(names))):
            start, form = rng.choice(names[key])
            slip, kind = corrupt(form, taken, rng)
            corrupted = text[:start] + slip + text[start + len(form) :]
            cases.append(Case(index, corrupted, start, form, slip, kind, len(names[key])))
    return cases


# --- the kinds a random slip rarely makes ---------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    """A story with one name slipped at one or more places (a repeated slip is one case, caught when all are)."""

    story: int
    text: str
    starts: tuple[int, ...]
    original: str
    slip: str
    kind: str


def common_words() -> dict[str, list[str]]:
    """English words a writer might type (dictionary count >= REAL_WORD_MIN_FREQUENCY), by first letter."""
    found: dict[str, list[str]] = {}
    for word in english.english().words():
        if word.isalpha() and word.isascii() and english.frequency(word) >= REAL_WORD_MIN_FREQUENCY:
            found.setdefault(word[0], []).append(word)
    return found


def two_edit_words(name: str, words: dict[str, list[str]]) -> list[str]:
    """English words exactly two edits from `name`, first letter kept: the autocorrect case (Karzai -> Karma)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    low = name.lower()
    pool = [
        w for w in words.get(low[0], ()) if abs(len(w) - len(low)) <= 2 and not (w.startswith(low) or low.startswith(w))
    ]
    return sorted(
        w for w, d, _ in process.extract(low, pool, scorer=OSA.distance, score_cutoff=2, limit=None) if d == 2
    )


def _replace_at(text: str, starts: list[int], old: str, new: str) -> str:
    for start in sorted(starts, reverse=True):
        text = text[:start] + new + text[start + len(old) :]
    return text


def _shifted(starts: list[int], old: str, new: str) -> tuple[int, ...]:
    """Where the slips stand once each earlier one has changed the length."""
    delta = len(new) - len(old)
    return tuple(start + i * delta for i, start in enumerate(sorted(starts)))


def once_used_names(text: str, known: set[str]) -> list[tuple[int, str]]:
    """Names of five letters or more used once, where the capital is the writer's, that the names list or the
    gazetteer knows: the famous name a story cannot check against itself."""
    inventory = inventory_of(Story(text, "case.txt"))
    return [
        (ws[0].start, ws[0].form) for k, ws in inventory.words.items()
        if len(ws) == 1 and len(k) >= 5 and k in known and not ws[0].ambiguous and ws[0].form.isalpha()
        and not ws[0].form.isupper() and k not in inventory.lowercase
    ]  # fmt: skip


def listed_full_names(text: str, names: list[str]) -> list[tuple[int, str]]:
    """Each listed full name the story uses: (start of its last word, that word)."""
    found = []
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            last = name.split()[-1]
            found.append((m.end() - len(last), last))
    return found


def planted_kinds(stories: list[str], seed: int) -> list[Planted]:
    """Real-word slips two edits away, repeated slips, short names, famous names used once, full-name slips."""
    rng = random.Random(seed)
    words = common_words()
    places = gazetteer()
    names_list = load_names("ap")
    # Famous names: listed names that are no everyday word, and well-known places named by one word.
    known = set(places.well_known_single) | {k for k in names_list.canonical_words if not english.is_word(k)}
    full = sorted({e.canonical for e in names_list.entries if len(e.canonical.split()) > 1 and e.canonical.isascii()})
    cases = []
    for index, text in enumerate(stories):
        taken = {w.lower() for w in WORD.findall(text)}
        names = repeated_names(text)
        # Real-word slips two edits away, for names of five letters or more used at least twice.
        two = {k: two_edit_words(v[0][1], words) for k, v in names.items() if len(k) >= 5}
        two = {k: [w for w in ws if w not in taken and w not in LISTED] for k, ws in two.items()}
        for key in rng.sample(sorted(k for k, ws in two.items() if ws), min(1, sum(1 for ws in two.values() if ws))):
            start, form = rng.choice(names[key])
            slip = rng.choice(two[key]).capitalize()
            cases.append(
                Planted(index, _replace_at(text, [start], form, slip), (start,), form, slip, "real word, 2 edits")
            )
        # A name used four times or more, slipped the same way twice (Cronin, Chronin, Chronin).
        often = sorted(k for k, v in names.items() if len(v) >= 4 and len({f for _, f in v}) == 1)
        for key in rng.sample(often, min(1, len(often))):
            form = names[key][0][1]
            slip, _ = corrupt(form, taken, rng)
            if slip.lower() in english.english().known([slip]):
                continue
            starts = sorted(rng.sample([s for s, _ in names[key]], 2))
            cases.append(Planted(index, _replace_at(text, starts, form, slip), _shifted(starts, form, slip), form, slip,
                                 "repeated slip"))  # fmt: skip
        # Short names (three or four letters) used at least twice.
        short = short_names(text)
        for key in rng.sample(sorted(short), min(1, len(short))):
            start, form = rng.choice(short[key])
            slip, _ = corrupt(form, taken, rng)
            cases.append(Planted(index, _replace_at(text, [start], form, slip), (start,), form, slip, "short name"))
        # A famous name or place used once.
        once = once_used_names(text, known)
        for start, form in rng.sample(once, min(1, len(once))):
            slip, _ = typo(form, rng)
            if slip.lower() in taken or english.is_word(slip):
                continue
            cases.append(Planted(index, _replace_at(text, [start], form, slip), (start,), form, slip, "name used once"))
        # A listed full name with its last part slipped.
        for start, form in listed_full_names(text, full)[:1]:
            slip, _ = corrupt(form, taken, rng)
            cases.append(Planted(index, _replace_at(text, [start], form, slip), (start,), form, slip, "full name"))
    return cases


def short_names(text: str) -> dict[str, list[tuple[int, str]]]:
    """Names of three or four letters used at least twice, capitalised by the writer."""
    inventory = inventory_of(Story(text, "case.txt"))
    return {
        k: [(w.start, w.form) for w in ws] for k, ws in inventory.words.items()
        if 3 <= len(k) <= 4 and len(ws) >= 2 and k not in inventory.lowercase
        and not all(w.ambiguous for w in ws) and all(w.form.isalpha() and not w.form.isupper() for w in ws)
    }  # fmt: skip


def score_planted(linter: Linter, settings: Settings, cases: list[Planted]) -> None:
    caught, right, kinds = Counter(), Counter(), Counter(c.kind for c in cases)
    for case in cases:
        found = lint(linter, settings, case.text, f"case-{case.story}.txt")
        on = [[f for f in found if f.start <= start < f.end] for start in case.starts]
        if all(on):
            caught[case.kind] += 1
            right[case.kind] += all(hits[0].suggestions[:1] == (case.original,) for hits in on)
    print(f"\nOther kinds: {len(cases)} planted slips")
    print(f"{'slip':<20}{'cases':>8}{'caught':>10}{'recall':>9}{'right 1st':>11}")
    for kind in sorted(kinds):
        n, c, r = kinds[kind], caught[kind], right[kind]
        print(f"{kind:<20}{n:>8}{c:>10}{c / n:>9.1%}{r / max(c, 1):>11.1%}")


# --- scoring ----------------------------------------------------------------------------------------------


def score(linter: Linter, settings: Settings, cases: list[Case], clean: dict[int, list[Finding]]):
    caught, right, new_alarms, paired, missed = Counter(), Counter(), 0, 0, []
    for case in cases:
        found = lint(linter, settings, case.text, f"case-{case.story}.txt")
        on_slip = [f for f in found if f.start <= case.start < f.end]
        if on_slip:
            caught[case.kind] += 1
            right[case.kind] += on_slip[0].suggestions[:1] == (case.original,)
        else:
            missed.append(case)
        before = {(f.rule, f.matched) for f in clean[case.story]}
        new = [f for f in found if f not in on_slip and (f.rule, f.matched) not in before]
        new_alarms += len(new)
        # The other spelling of the slipped name, flagged as the odd one out (a tie the story cannot settle).
        paired += sum(1 for f in new if f.matched == case.original and f.suggestions[:1] == (case.slip,))
    return caught, right, new_alarms, paired, missed


# --- real wire copy -----------------------------------------------------------------------------------------


def reuters_text(row: dict) -> str:
    """A Reuters story as a desk would lint it: headline, a blank line, the dateline and the body."""
    return f"{row['title'] or ''}\n\n{(row['dateline'] or '').strip()} {row['body'] or ''}"


def reuters_stories() -> dict[int, dict]:
    with (REUTERS / "stories.jsonl").open(encoding="utf-8") as lines:
        return {row["newid"]: row for row in map(json.loads, lines)}


def measure_reuters(linter: Linter, settings: Settings, sample: int, seed: int, show: bool) -> None:
    if not (REUTERS / "name-typos.tsv").is_file():
        print(f"\nReal wire copy: {REUTERS} is not there; skipped")
        return
    stories = reuters_stories()
    lines = (REUTERS / "name-typos.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    slips = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    caught = right = 0
    missed = []
    for slip in slips:
        newid, wrong, correct = int(slip["newid"]), slip["misspelt"], slip["correct"]
        text = reuters_text(stories[newid])
        places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(wrong)}(?!\w)", text)]
        found = lint(linter, settings, text, f"reuters-{newid}.txt")
        on_slip = [f for f in found if any(f.start <= p < f.end for p in places)]
        if on_slip:
            caught += 1
            right += on_slip[0].suggestions[:1] == (correct,)
        else:
            missed.append(f"{newid} {correct} -> {wrong}")
    n = len(slips)
    print(
        f"\nReal wire copy: {n} names Reuters misspelt in 1987: caught {caught} ({caught / n:.1%}), "
        f"right name first {right} ({right / max(caught, 1):.1%} of caught)"
    )
    for line in missed:
        print(f"  missed: {line}")

    rng = random.Random(seed)
    slipped = {int(s["newid"]) for s in slips}
    pool = sorted(k for k, row in stories.items() if k not in slipped and (row["body"] or "").strip())
    chosen = rng.sample(pool, min(sample, len(pool)))
    texts = {k: reuters_text(stories[k]) for k in chosen}
    words = word_count(list(texts.values()))
    found = {k: lint(linter, settings, t, f"reuters-{k}.txt") for k, t in texts.items()}
    by_rule = Counter(f.rule for fs in found.values() for f in fs)
    total = sum(by_rule.values()) - by_rule["names.rejected"]
    if not chosen:
        return
    print(
        f"Clean-copy sample: {len(chosen)} other Reuters stories, {words:,} words: {total} finding(s) "
        f"({total * 1000 / words:.2f} per 1,000 words) less house-style forms; by rule {dict(sorted(by_rule.items()))}"
    )
    if show:
        for k, fs in found.items():
            for f in fs:
                context = " ".join(texts[k][max(f.start - 40, 0) : f.end + 30].split())
                print(f"  reuters-{k} {f.rule} {f.matched!r} -> {f.suggestions[:1]}: ...{context}...")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", default="ap")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--per-story", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="list clean-copy findings and missed slips")
    parser.add_argument("--reuters-sample", type=int, default=500, help="Reuters stories sampled for false alarms")
    args = parser.parse_args()

    stories = abc_stories()
    words = word_count(stories)
    linter = Linter(isolated=True)
    settings = Settings(style=args.style, select=FAMILIES)
    clean = {i: lint(linter, settings, text, f"abc-{i:03}.txt") for i, text in enumerate(stories)}
    by_rule = Counter(f.rule for found in clean.values() for f in found)

    print(f"Clean copy: {len(stories)} ABC stories, {words:,} words, style {args.style}")
    print(f"{'rule':<24}{'findings':>10}{'per 1,000 words':>18}")
    for rule in sorted(by_rule):
        print(f"{rule:<24}{by_rule[rule]:>10}{by_rule[rule] * 1000 / words:>18.2f}")
    total = sum(by_rule.values())
    house = by_rule["names.rejected"]
    print(f"{'all names + spelling':<24}{total:>10}{total * 1000 / words:>18.2f}")
    print(f"{'  less house-style forms':<24}{total - house:>10}{(total - house) * 1000 / words:>18.2f}")

    others = lee_stories(stories)
    other_found = [f for i, text in enumerate(others) for f in lint(linter, settings, text, f"lee-{i:02}.txt")]
    other_words = word_count(others)
    other_errors = [f for f in other_found if f.rule != "names.rejected"]
    print(
        f"Also: the {len(others)} other ABC stories of lee.cor, {other_words:,} words: {len(other_errors)} finding(s) "
        f"({len(other_errors) * 1000 / other_words:.2f} per 1,000 words) and {len(other_found) - len(other_errors)} "
        "house-style forms"
    )

    cases = labelled_set(stories, args.seed, args.per_story)
    caught, right, new_alarms, paired, missed = score(linter, settings, cases, clean)
    kinds = Counter(c.kind for c in cases)
    print(f"\nLabelled set: {len(cases)} planted slips (seed {args.seed}, up to {args.per_story} names a story)")
    print(f"{'slip':<18}{'cases':>8}{'caught':>10}{'recall':>9}{'right 1st':>11}")
    for kind in sorted(kinds):
        n, c, r = kinds[kind], caught[kind], right[kind]
        print(f"{kind:<18}{n:>8}{c:>10}{c / n:>9.1%}{r / max(c, 1):>11.1%}")
    typo_kinds = [k for k in kinds if k != "real word"]
    n, c, r = (sum(counter[k] for k in typo_kinds) for counter in (kinds, caught, right))
    print(f"{'typos (non-words)':<18}{n:>8}{c:>10}{c / n:>9.1%}{r / max(c, 1):>11.1%}")
    n, c, r = len(cases), sum(caught.values()), sum(right.values())
    print(f"{'all':<18}{n:>8}{c:>10}{c / n:>9.1%}{r / max(c, 1):>11.1%}")
    print(f"right name as first suggestion, of all cases: {r / n:.1%}")
    for label, group in (
        ("name used twice", [c for c in cases if c.uses == 2]),
        ("name used 3+ times", [c for c in cases if c.uses > 2]),
        ("name of 5+ letters", [c for c in cases if len(c.original) >= 5]),
    ):
        hit = sum(1 for c in group if c not in missed)
        print(f"  {label:<20}{len(group):>6} cases, recall {hit / max(len(group), 1):.1%}")
    print(f"new findings elsewhere in corrupted stories: {new_alarms} ({new_alarms / len(cases):.2f} a story)")
    print(f"  of which on the name's other spelling, pointing at the slip: {paired}; elsewhere: {new_alarms - paired}")

    score_planted(linter, settings, planted_kinds(stories, args.seed))

    measure_reuters(linter, settings, args.reuters_sample, args.seed, args.show)

    if args.show:
        print("\nClean-copy findings:")
        for i, found in clean.items():
            for f in found:
                context = stories[i][max(f.start - 40, 0) : f.end + 30]
                print(f"  abc-{i:03} {f.rule} {f.matched!r} -> {f.suggestions[:1]}: ...{context}...")
        for i, text in enumerate(others):
            for f in lint(linter, settings, text, f"lee-{i:02}.txt"):
                print(
                    f"  lee-{i:02} {f.rule} {f.matched!r} -> {f.suggestions[:1]}: ...{text[max(f.start - 40, 0) : f.end + 30]}..."
                )
        print("\nMissed slips:")
        for case in missed:
            print(f"  abc-{case.story:03} {case.original} -> {case.slip} ({case.kind})")


if __name__ == "__main__":
    main()
