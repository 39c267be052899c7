"""Measurements: a child process's wall time, CPU time and peak memory; in-process time per rule family."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from newslint.engine import ActiveRule
from newslint.linter import Linter
from newslint.text.story import Story

STORY_MODEL = "(story)"


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    wall: float  # seconds, interpreter start-up included
    cpu: float  # user + system seconds of the child and the children it waited for
    peak_mb: float  # ru_maxrss of the child (the largest of it and its waited-for children)
    returncode: int
    stdout: str = ""
    stderr: str = ""


# A minimal launcher (no site, three stdlib modules) spawns the command and reports its rusage. ru_maxrss
# starts from the spawning process's own high-water mark, so spawning from this benchmark process, which
# holds corpora and rules, would report our memory instead of the tool's.
_LAUNCHER = """
import json, os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    json.dump([wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)], out)
"""


def run(command: Sequence[str], capture: bool = False, timeout: float = 600.0) -> Run:
    """Run `command` to the end through the launcher; wall, CPU and peak memory are the command's own."""
    with tempfile.TemporaryDirectory() as tmp:
        report, output, errors = Path(tmp) / "usage.json", Path(tmp) / "stdout", Path(tmp) / "stderr"
        with open(output, "w", encoding="utf-8") as out, open(errors, "w", encoding="utf-8") as err:
            launcher = [sys.executable, "-S", "-c", _LAUNCHER, str(report), *command]
            process = subprocess.Popen(launcher, stdout=out if capture else subprocess.DEVNULL,
                                       stderr=err if capture else subprocess.DEVNULL, start_new_session=True)  # fmt: skip
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                raise
        wall, cpu, peak_kb, code = json.loads(report.read_text())
        stdout = output.read_text(encoding="utf-8") if capture else ""
        stderr = errors.read_text(encoding="utf-8", errors="replace") if capture else ""
    return Run(wall, cpu, peak_kb / 1024, code, stdout, stderr)


def all_rules(linter: Linter, path: str = "story.txt") -> list[ActiveRule]:
    """Every built-in rule the run selects (the linter is made with select=("ALL",))."""
    return linter.active_rules(linter.settings_for(path), path)


def shared_parts() -> list[str]:
    """The story model's shared parts: whatever cached properties Story has today, in definition order."""
    return [name for name, attribute in vars(Story).items() if isinstance(attribute, cached_property)]


def warm(story: Story) -> dict[str, float]:
    """Compute every shared part of the story model; seconds per part (one part may use another)."""
    spent = {}
    for name in shared_parts():
        start = time.perf_counter()
        getattr(story, name)
        spent[name] = time.perf_counter() - start
    return spent


@dataclass
class FamilyTime:
    rules: int = 0
    first_call: float = 0.0  # the first story: compiles and lazy data loads happen here
    seconds: float = 0.0  # every story after the warm-up, hits only
    hits: int = 0


@dataclass
class Profile:
    words: int
    total: float  # lint_text on fresh stories, everything in-process
    families: dict[str, FamilyTime] = field(default_factory=dict)


def profile_families(texts: list[str], rules: list[ActiveRule], linter: Linter) -> Profile:
    """Time the story model and each rule's `hits`, summed by family, over `texts` (one pass each)."""
    families: dict[str, FamilyTime] = defaultdict(FamilyTime)
    for active in rules:
        families[active.rule.family].rules += 1
    warmup = Story(texts[0], "warmup.txt")
    _time_story_model(warmup, families, first=True)
    for active in rules:
        families[active.rule.family].first_call += _timed_hits(active, warmup)[0]
    for text in texts:
        story = Story(text, "story.txt")
        _time_story_model(story, families, first=False)
        for active in rules:
            seconds, count = _timed_hits(active, story)
            families[active.rule.family].seconds += seconds
            families[active.rule.family].hits += count
    start = time.perf_counter()
    for text in texts:
        linter.lint_text(text, "story.txt")
    total = time.perf_counter() - start
    return Profile(sum(len(t.split()) for t in texts), total, dict(families))


def _time_story_model(story: Story, families: dict[str, FamilyTime], first: bool) -> None:
    for part, elapsed in warm(story).items():
        timing = families[f"{STORY_MODEL} {part.lstrip('_')}"]
        if first:
            timing.first_call += elapsed
        else:
            timing.seconds += elapsed


def _timed_hits(active: ActiveRule, story: Story) -> tuple[float, int]:
    start = time.perf_counter()
    try:
        count = sum(1 for _ in active.check.hits(story))
    except TimeoutError:
        count = 0
    return time.perf_counter() - start, count


def lint_one(path: Path) -> dict[str, float | int]:
    """Lint one file in this process with every rule; what the parent prints for a scaling workload."""
    linter = Linter(isolated=True, select=("ALL",))
    text = path.read_text(encoding="utf-8")
    all_rules(linter, path.name)
    linter.lint_text("Warm-up story.\n\nIt has two paragraphs.", path.name)  # loads lazy data first
    start, cpu = time.perf_counter(), time.process_time()
    result = linter.lint_text(text, path.name)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "findings": len(result.findings), "failures": len(result.failures),
            "failed rules": sorted({f.rule for f in result.failures})}  # fmt: skip


def lint_one_in_child(path: Path, timeout: float) -> tuple[dict[str, float | int], Run]:
    """`lint_one` in a fresh interpreter, so that its peak memory is its own."""
    command = [sys.executable, str(Path(__file__).with_name("benchmark.py")), "--lint-one", str(path)]
    child = run(command, capture=True, timeout=timeout)
    if child.returncode != 0:
        last = child.stderr.strip().splitlines()[-1:] or [f"exit {child.returncode}"]
        raise RuntimeError(f"crashed: {last[0][:80]}")
    return json.loads(child.stdout), child
