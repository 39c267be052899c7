"""Benchmark newslint on real copy against its speed, start-up, memory and scaling targets (and proselint).

    python benchmarks/benchmark.py            # the full run: about 1 million words, writes docs/benchmark.md
    python benchmarks/benchmark.py --quick    # a smaller corpus and no 20 MB story, for a quick look

Every built-in rule is on (`--select ALL`). Whole-process numbers include interpreter start-up and
output, the way a desk, a hook or a CI job sees them; the per-family table is measured in-process.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import measure
import report
import workloads
from measure import Run
from report import Row, Section

import newslint
from newslint import __version__
from newslint.linter import Linter

NEWSLINT = [sys.executable, "-m", "newslint", "--isolated", "--select", "ALL"]
# The issues' targets (issues 7 and 19): words/s against proselint, start-up, memory, linear cost.
TARGET_J1, TARGET_J2 = 1.5, 1.8
TARGET_STARTUP = 0.10
TARGET_MEMORY_MB = 150.0
TARGET_ONE_LINE = 2.5  # a story on one line may cost at most this times the same text in paragraphs
TARGET_LARGE_PEAK_MB = 1024.0  # the peak of the 20 MB story
LINEAR_SLACK = 1.3  # a 20x bigger story may cost up to 1.3 x 20 before we call it worse than linear


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000, help="corpus size for the whole-process runs")
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="100,000 words, 1 MB vs 4 MB, small pathological")
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmark.md", help="'-' for none")
    parser.add_argument("--lint-one", type=Path, help=argparse.SUPPRESS)  # the child of a scaling run
    return parser.parse_args()


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return {
        "date (UTC)": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "CPU": model.group(1).strip() if model else platform.processor() or "unknown",
        "cores (nproc)": str(len(os.sched_getaffinity(0))),
        "memory": f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "OS": platform.platform(terse=True),
        "newslint": f"{__version__} ({commit.stdout.strip() or 'no git'})",
        "proselint": _proselint_version() or "not installed",
    }


def _proselint_version() -> str | None:
    if shutil.which("proselint") is None:
        return None
    try:
        return metadata.version("proselint")
    except metadata.PackageNotFoundError:  # a script without package metadata: runnable, version unknown
        return "unknown version"


def supports_jobs() -> bool:
    """Whether this newslint has `-j` (the workflow work adds it); read from `--help`, not assumed."""
    helptext = subprocess.run(NEWSLINT[:3] + ["--help"], capture_output=True, text=True, check=False).stdout
    return re.search(r"(?:^|[\s,\[])-j\b", helptext) is not None


def preflight(story: Path) -> str | None:
    """Why newslint cannot lint with every rule right now (a pack that does not load), or None."""
    done = subprocess.run(NEWSLINT + [str(story)], capture_output=True, text=True, check=False)
    return done.stderr.strip() or f"exit {done.returncode}" if done.returncode not in (0, 1) else None


def throughput(corpus: Path, words: int, use_proselint: bool) -> tuple[list[Row], dict[str, Run]]:
    """Whole-process words per second: newslint (-j 1, -j 2 when offered) and proselint, same files."""
    runs: dict[str, Run] = {}
    same_output: bool | None = None
    if supports_jobs():
        json_run = [*NEWSLINT, "--format", "json"]
        runs["newslint -j 1"] = measure.run([*json_run, "-j", "1", str(corpus)], capture=True)
        runs["newslint -j 2"] = measure.run([*json_run, "-j", "2", str(corpus)], capture=True)
        same_output = runs["newslint -j 1"].stdout == runs["newslint -j 2"].stdout
    else:
        runs["newslint (no -j yet)"] = measure.run(NEWSLINT + [str(corpus)])
    if use_proselint:
        runs["proselint check"] = measure.run(["proselint", "check", str(corpus)])
    rows = [Row(f"{name}: words/s", f"{words / r.wall:,.0f}") for name, r in runs.items()]
    prose = runs.get("proselint check")
    if prose and "newslint -j 1" in runs:  # cpu: what a busy shared machine distorts least
        rows.append(Row("newslint -j 1 / proselint, cpu", f"{prose.cpu / runs['newslint -j 1'].cpu:.2f}x"))
    for name, target in (
        ("newslint -j 1", TARGET_J1),
        ("newslint -j 2", TARGET_J2),
        ("newslint (no -j yet)", TARGET_J1),
    ):
        if prose and name in runs:
            ratio = prose.wall / runs[name].wall
            rows.append(Row(f"{name} / proselint", f"{ratio:.2f}x", f">= {target:g}x", ratio >= target))
    if same_output is not None:
        found = len(json.loads(runs["newslint -j 1"].stdout or "[]"))
        rows.append(Row("findings per 1,000 words (clean copy, every rule)", f"{found * 1000 / words:.2f}"))
        rows.append(Row("same findings with -j 1 and -j 2", "yes" if same_output else "NO", "identical", same_output))
    peak = max(r.peak_mb for n, r in runs.items() if n.startswith("newslint"))
    rows.append(
        Row(
            "newslint peak memory (largest process)",
            f"{peak:.0f} MB",
            f"< {TARGET_MEMORY_MB:.0f} MB",
            peak < TARGET_MEMORY_MB,
        )
    )
    return rows, runs


def startup(story: Path, runs: int) -> list[Row]:
    """Median wall time of a whole `newslint` run on one desk-sized story, interpreter start included.

    The package's bytecode is compiled first, as `pip install` does: where Python may not write it (a
    read-only tree, PYTHONDONTWRITEBYTECODE), every run would otherwise recompile every module."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(newslint.__file__).parent)], check=True)
    bare = statistics.median(measure.run([sys.executable, "-c", "pass"]).wall for _ in range(runs))
    done = [measure.run(NEWSLINT + [str(story)]) for _ in range(runs)]
    median = statistics.median(r.wall for r in done)
    words = len(story.read_text(encoding="utf-8").split())
    return [
        Row("bare `python -c pass`", f"{bare:.3f} s"),
        Row(f"newslint on one {words}-word story (median of {runs})", f"{median:.3f} s",
            f"< {TARGET_STARTUP} s", median < TARGET_STARTUP),
        Row(f"the same, cpu (user + sys of the child, median of {runs})",
            f"{statistics.median(r.cpu for r in done):.3f} s"),
    ]  # fmt: skip


def scaling(folder: Path, small: int, large: int) -> tuple[list[Row], list[tuple[str, ...]]]:
    """In-process lint time of one story of `small` and of `large` characters (the ratio should be
    ~large/small), and of the `small` story's words on one line (CMS exports and pasted copy arrive so)."""
    texts = {f"one {small / 1e6:g} MB story": workloads.long_story(small)}
    texts[f"the same {small / 1e6:g} MB on one line"] = workloads.one_line(texts[f"one {small / 1e6:g} MB story"])
    texts[f"one {large / 1e6:g} MB story"] = workloads.long_story(large)
    results = {}
    for number, (name, text) in enumerate(texts.items()):
        path = folder / f"long-{number}.txt"
        path.write_text(text, encoding="utf-8")
        results[name] = (len(text), *measure.lint_one_in_child(path, timeout=1200))
    (_, first, _), (_, flat, _), (_, second, large_run) = results.values()
    ratio = second["cpu"] / first["cpu"]
    factor = large / small
    label = f"{small / 1e6:g} MB -> {large / 1e6:g} MB story: cost ratio (cpu)"
    flat_ratio = flat["cpu"] / first["cpu"]
    rows = [
        Row(label, f"{ratio:.1f}x", f"~{factor:g}x (linear)", ratio <= factor * LINEAR_SLACK),
        Row(f"{small / 1e6:g} MB on one line / in paragraphs (cpu)", f"{flat_ratio:.2f}x", f"<= {TARGET_ONE_LINE:g}x",
            flat_ratio <= TARGET_ONE_LINE),
        Row(f"{large / 1e6:g} MB story: peak memory", f"{large_run.peak_mb:.0f} MB",
            f"< {TARGET_LARGE_PEAK_MB:.0f} MB", large_run.peak_mb < TARGET_LARGE_PEAK_MB),
    ]  # fmt: skip
    detail = [
        (name, f"{r['seconds']:.2f} s", f"{r['cpu']:.2f} s", f"{size / 1e6 / r['cpu']:.2f} MB/s",
         f"{run.peak_mb:.0f} MB", f"{run.peak_mb / (size / 1e6):.0f} MB", str(r["findings"]),
         ", ".join(r["failed rules"]) or "0")
        for name, (size, r, run) in results.items()
    ]  # fmt: skip
    return rows, detail


def pathological(folder: Path, shrink: int) -> list[tuple[str, ...]]:
    """Each pathological input at a quarter of its size and at full size: a linear cost gives a ratio near 4."""
    rows = []
    for name, (build, suffix, size) in workloads.PATHOLOGICAL.items():
        size //= shrink
        timings = []
        for part in (size // 4, size):
            path = folder / f"patho-{len(rows)}-{part}{suffix}"
            path.write_text(build(part), encoding="utf-8")
            try:
                timings.append(measure.lint_one_in_child(path, timeout=300))
            except subprocess.TimeoutExpired:
                timings.append("timed out after 300 s")
            except RuntimeError as error:  # a check raised: the run would lose this file
                timings.append(str(error))
        rows.append(_pathological_row(name, size, timings))
    return rows


def _pathological_row(name: str, size: int, timings: list) -> tuple[str, ...]:
    failed = [t for t in timings if isinstance(t, str)]
    if failed:
        return (name, f"{size:,}", failed[0], "", "FAILED", "", "")
    (quarter, _), (full, run) = timings
    # cpu, not wall: on a shared machine a sub-second wall time is mostly other work's noise.
    ratio = full["cpu"] / max(quarter["cpu"], 1e-4)
    verdict = "linear" if ratio <= 4 * LINEAR_SLACK or full["cpu"] < 0.05 else "WORSE THAN LINEAR"
    return (name, f"{size:,}", f"{full['cpu']:.2f} s", f"{ratio:.1f}x", verdict, f"{run.peak_mb:.0f} MB",
            ", ".join(full["failed rules"]) or "0")  # fmt: skip


def families(texts: list[str]) -> Section:
    """Time per rule family over real stories (in-process), with hits per 1,000 words on clean copy."""
    linter = Linter(isolated=True, select=("ALL",))
    rules = measure.all_rules(linter)
    profile = measure.profile_families(texts, rules, linter)
    measured = sum(f.seconds for f in profile.families.values())
    rows = []
    for name, fam in sorted(profile.families.items(), key=lambda item: -item[1].seconds):
        shared = name.startswith(measure.STORY_MODEL)
        rows.append((name, "" if shared else str(fam.rules), f"{fam.seconds * 1000:.0f} ms",
                     f"{fam.seconds / measured:.0%}", f"{profile.words / fam.seconds:,.0f}" if fam.seconds else "-",
                     f"{fam.first_call * 1000:.0f} ms", "" if shared else f"{fam.hits * 1000 / profile.words:.2f}"))  # fmt: skip
    rows.append(("lint_text, whole pipeline", str(len(rules)), f"{profile.total * 1000:.0f} ms", "",
                 f"{profile.words / profile.total:,.0f}", "", ""))  # fmt: skip
    note = (
        f"{len(texts)} stories, {profile.words:,} words, one pass each. A '(story) x' row is one shared part "
        "of the story model (masking, segments, tokens, inventories), computed for every story whether a rule "
        "uses it or not; a family's time is its rules' `hits` on stories already modelled. 'first call' is the "
        "first story, where compiling and lazy data loading happen. Hits are counted before scope filtering "
        "and suppression. The last row is `Linter.lint_text` on fresh stories: model, checks, engine and "
        "suppression together."
    )
    header = ("family", "rules", "time", "share", "words/s", "first call", "hits/1k words")
    return Section("Time per family", header, tuple(rows), note)


def main() -> int:
    args = parse_args()
    if args.lint_one:
        print(json.dumps(measure.lint_one(args.lint_one)))
        return 0
    words_target = 100_000 if args.quick else args.words
    use_proselint = not args.no_proselint and shutil.which("proselint") is not None
    info = machine()
    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        folder = Path(tmp)
        story = folder / "desk-story.txt"
        story.write_text(workloads.story_near(600) + "\n", encoding="utf-8")
        problem = preflight(story)
        if problem:
            print(f"newslint cannot run with every rule:\n{problem}", file=sys.stderr)
            return 2
        targets = startup(story, args.startup_runs)
        files, words = workloads.write_corpus(folder / "corpus", words_target)
        rows, runs = throughput(folder / "corpus", words, use_proselint)
        targets = rows + targets
        family_section = families(workloads.stories())
        small, large = (1_000_000, 4_000_000) if args.quick else (1_000_000, 20_000_000)
        scale_rows, scale_detail = scaling(folder, small, large)
        targets += scale_rows
        patho = pathological(folder, shrink=10 if args.quick else 1)
    sections = [
        report.target_section(targets),
        Section("Whole-process runs", ("run", "wall", "cpu", "words/s", "peak memory"),
                tuple((n, f"{r.wall:.2f} s", f"{r.cpu:.2f} s", f"{words / r.wall:,.0f}", f"{r.peak_mb:.0f} MB")
                      for n, r in runs.items()),
                f"{files:,} files, {words:,} words: the 300 ABC stories, replicated."),
        family_section,
        Section("Long single stories (in-process, fresh interpreter each)",
                ("story", "lint wall", "lint cpu", "speed (cpu)", "peak memory", "peak per MB", "findings",
                 "rule failures"), tuple(scale_detail),
                "Peak memory is the whole process (interpreter, rules and data included: about 45 MB for an "
                "empty story), so the peak per MB of a small story overstates what each MB costs."),
        Section("Pathological input (fresh interpreter each; ratio = full size / quarter size, linear is ~4x)",
                ("input", "size (chars)", "lint cpu", "ratio", "", "peak memory", "rule failures"), tuple(patho),
                "A rule failure is a rule stopped by the regex timeout: the run goes on, but it hides the true cost."),
    ]  # fmt: skip
    info["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print("\n\n".join(report.text_table(s) for s in sections))
    print("\n" + "\n".join(f"{k}: {v}" for k, v in info.items()))
    if str(args.output) != "-":
        intro = f"Written by `python benchmarks/benchmark.py{' --quick' if args.quick else ''}`; numbers from one run."
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(report.markdown_page(intro + "\n\n" + PAGE_NOTE, info, sections), encoding="utf-8")
        print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


PAGE_NOTE = """\
Every built-in rule is on (`--select ALL`). Whole-process runs time `python -m newslint` from start to exit,
interpreter start-up and output included, over a folder of real stories (the 300 ABC news stories of
`scripts/corpus.py`, replicated to about a million words), and `proselint check` on the same folder in the
same run. Peak memory is `ru_maxrss` of the child (with `-j 2`, the largest single process). The machine may
be shared, so the load average is printed at the start and the end: other work on the machine slows every
number down, and with two cores it takes most of what `-j 2` can gain."""


if __name__ == "__main__":
    sys.exit(main())
