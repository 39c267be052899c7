"""The installed console script, run as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import console_script, run

CEASEFIRE = "Truce holds\n\nThe ceasefire held on Monday. A cease-fire was called. The ceasefire broke.\n"
COLUMN = CEASEFIRE.splitlines()[2].index("cease-fire") + 1
ANSI = re.compile(r"\x1b\[[0-9;]*m")
_NO_COLOR = {**os.environ, "NO_COLOR": "1"}


def _story(tmp_path: Path, name: str = "story.txt", text: str = CEASEFIRE) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_names_path_line_column_level_rule(tmp_path):
    story = _story(tmp_path)
    done = run("--isolated", "--select", "style", str(story))
    assert done.returncode == 1
    line = done.stdout.decode().strip()
    assert line.startswith(f"{story}:3:{COLUMN}: warning style.consistent-spelling ")
    assert "'cease-fire'" in line


def test_clean_story_exits_zero(tmp_path):
    story = _story(tmp_path, text="Truce holds\n\nThe ceasefire held on Monday.\n")
    done = run("--isolated", "--select", "style", str(story))
    assert (done.returncode, done.stdout) == (0, b"")


def test_fail_level_raises_the_bar(tmp_path):
    story = _story(tmp_path)
    assert run("--isolated", "--select", "style", "--fail-level", "error", str(story)).returncode == 0


def test_stdin_and_stdin_filename(tmp_path):
    done = run("--isolated", "--select", "style", "--stdin-filename", "desk/draft.txt", "-", stdin=CEASEFIRE.encode())
    assert done.stdout.decode().startswith(f"desk/draft.txt:3:{COLUMN}:")


def test_folders_are_walked_for_stories_skipping_hidden_and_excluded(tmp_path):
    (tmp_path / "drafts").mkdir()
    _story(tmp_path, "drafts/a.txt")
    _story(tmp_path, "drafts/b.md")
    _story(tmp_path, "drafts/notes.csv")
    (tmp_path / "drafts" / ".git").mkdir()
    _story(tmp_path, "drafts/.git/c.txt")
    (tmp_path / "drafts" / "archive").mkdir()
    _story(tmp_path, "drafts/archive/d.txt")
    done = run(
        "--isolated", "--select", "style", "--format", "json", "--extend-exclude", "archive", "drafts", cwd=tmp_path
    )
    paths = sorted({f["path"] for f in json.loads(done.stdout)})
    assert paths == ["drafts/a.txt", "drafts/b.md"]


def test_missing_path_is_an_error_that_names_it_and_other_files_are_still_checked(tmp_path):
    story = _story(tmp_path)
    done = run("--isolated", "--select", "style", str(tmp_path / "nope.txt"), str(story))
    assert done.returncode == 2
    assert "nope.txt: no such file or folder" in done.stderr.decode()
    assert b"style.consistent-spelling" in done.stdout


def test_quiet_prints_nothing(tmp_path):
    done = run("--isolated", "--select", "style", "--quiet", str(_story(tmp_path)))
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")


def test_statistics_counts_per_rule(tmp_path):
    done = run("--isolated", "--select", "style", "--statistics", str(_story(tmp_path)))
    assert "     1  style.consistent-spelling" in done.stdout.decode()


def test_color_caret_under_the_span_when_forced(tmp_path):
    done = run("--isolated", "--select", "style", "--color", "always", str(_story(tmp_path)))
    out = done.stdout.decode()
    assert "\x1b[" in out
    source_line, caret_line = (ANSI.sub("", line) for line in out.splitlines()[1:3])
    assert source_line == "3 | " + CEASEFIRE.splitlines()[2]
    assert caret_line.index("^") == source_line.index("cease-fire")
    assert caret_line.count("^") == len("cease-fire")


def test_no_color_on_a_pipe():
    done = run("--isolated", "--select", "style", "-", stdin=CEASEFIRE.encode())
    assert b"\x1b[" not in done.stdout


def test_python_dash_m_works_the_same(tmp_path):
    story = _story(tmp_path)
    module = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "--select", "style", str(story)],
        capture_output=True,
        check=False,
    )
    assert module.returncode == 1
    assert module.stdout == run("--isolated", "--select", "style", str(story)).stdout


def test_list_rules_and_explain():
    listing = run("--list-rules", "--format", "json")
    rules = {r["id"]: r for r in json.loads(listing.stdout)}
    assert "style.consistent-spelling" in rules
    explained = run("--explain", "style.redundant").stdout.decode()
    assert "Flagged:" in explained and "completely destroyed" in explained


def test_a_reader_that_stops_early_gets_no_traceback():
    # The read end is closed before the script writes a byte, as `newslint --list-rules | head -0` does.
    process = subprocess.Popen(
        [console_script(), "--list-rules"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_NO_COLOR
    )
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=300) == 141
    assert errors == ""


def test_unknown_rule_gets_a_did_you_mean():
    done = run("--isolated", "--select", "style.redundent", "-", stdin=b"Head\n\nText here.\n")
    assert done.returncode == 2
    assert "did you mean 'style.redundant'" in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_no_paths_is_a_usage_error():
    assert run().returncode == 2


def test_bom_and_crlf_do_not_shift_positions(tmp_path):
    plain = _story(tmp_path, "plain.txt")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + CEASEFIRE.replace("\n", "\r\n").encode())
    found = json.loads(run("--isolated", "--select", "style", "--format", "json", str(plain), str(bom)).stdout)
    positions = {Path(f["path"]).name: (f["line"], f["column"], f["matched"]) for f in found}
    assert positions["bom.txt"] == positions["plain.txt"] == (3, COLUMN, "cease-fire")


# Issue 12: each story's result carries its own settings; a story is read and linted once.

HOUSE_PACK = """
[house.towards]
type = "substitution"
message = "Use '{suggestion}' (house style)."
why = "House style: toward, not towards."
swap = {"towards" = "toward"}
examples.bad = ["They walked towards the border."]
examples.good = ["They walked toward the border."]
"""


def test_fail_level_from_the_storys_own_folder_is_honoured_from_the_parent_folder(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "newslint.toml").write_text('select = ["style"]\nfail-level = "error"\n', encoding="utf-8")
    _story(desk, "story.txt")
    from_parent = run("desk/story.txt", cwd=tmp_path)
    from_desk = run("story.txt", cwd=desk)
    assert b"style.consistent-spelling" in from_parent.stdout  # a warning, below the story's fail level
    assert (from_parent.returncode, from_desk.returncode) == (0, 0)


def test_a_rule_from_a_subfolder_pack_is_in_sarif_driver_rules(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    (desk / "newslint.toml").write_text('packs = ["house.toml"]\nselect = ["house"]\n', encoding="utf-8")
    _story(desk, "story.txt", "Talks move on\n\nThe envoy walked towards the border on Monday.\n")
    done = run("--format", "sarif", "desk/story.txt", cwd=tmp_path)
    run_log = json.loads(done.stdout)["runs"][0]
    rules = [r["id"] for r in run_log["tool"]["driver"]["rules"]]
    assert "house.towards" in rules
    result = run_log["results"][0]
    assert rules[result["ruleIndex"]] == result["ruleId"] == "house.towards"


def _count_lint_passes(monkeypatch, argv: list[str], stdin: bytes = b"") -> tuple[int, int]:
    """Run the command in this process, counting how often the engine checks a story."""
    import io

    from newslint import cli, linter

    passes = []
    real_lint = linter.lint

    def counting(story, rules):
        passes.append(story.path)
        return real_lint(story, rules)

    monkeypatch.setattr(linter, "lint", counting)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO()))
    return cli.main(argv), len(passes)


def test_standard_input_with_a_filename_is_linted_once(monkeypatch):
    argv = ["--isolated", "--select", "style", "--stdin-filename", "desk/draft.txt", "-"]
    assert _count_lint_passes(monkeypatch, argv, CEASEFIRE.encode()) == (1, 1)


def test_fix_lints_a_fixed_story_twice_not_three_times(monkeypatch, tmp_path):
    # One round that fixes, one that finds nothing left to fix; the report reuses the second.
    story = _story(tmp_path, text="Budget passes\n\nThe end result was a tax cut, officials said.\n")
    code, passes = _count_lint_passes(monkeypatch, ["--isolated", "--select", "style", "--fix", "-j", "1", str(story)])
    assert story.read_text(encoding="utf-8") == "Budget passes\n\nThe result was a tax cut, officials said.\n"
    assert (code, passes) == (0, 2)


# Issue 14: machine output stays machine-readable; one run feeds CI a file and the log a text report.


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_statistics_never_corrupt_machine_output(tmp_path, fmt):
    done = run("--isolated", "--select", "style", "--statistics", "--format", fmt, str(_story(tmp_path)))
    out = done.stdout.decode()
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    else:
        assert all(line.startswith("::") for line in out.splitlines())
    assert "     1  style.consistent-spelling" in done.stderr.decode()


def test_sarif_uris_are_percent_encoded_and_titles_have_no_placeholders(tmp_path):
    names = ["sp ace \u00e9.txt", "100%.txt", "hash#1.txt"]
    for name in names:
        _story(tmp_path, name)
    done = run("--isolated", "--select", "style", "--format", "sarif", *names, cwd=tmp_path)
    run_log = json.loads(done.stdout)["runs"][0]
    uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_log["results"])
    assert uris == ["100%25.txt", "hash%231.txt", "sp%20ace%20%C3%A9.txt"]
    titles = [r["shortDescription"]["text"] for r in run_log["tool"]["driver"]["rules"]]
    assert titles and not any("{" in t for t in titles)
    absolute = run("--isolated", "--select", "style", "--format", "sarif", str(tmp_path / names[0]))
    uri = json.loads(absolute.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"].startswith("file:///") and uri["artifactLocation"]["uri"].endswith(
        "/sp%20ace%20%C3%A9.txt"
    )


def test_output_file_gets_the_format_and_the_terminal_gets_text(tmp_path):
    story = _story(tmp_path)
    done = run(
        "--isolated",
        "--select",
        "style",
        "--format",
        "sarif",
        "--output-file",
        "report.sarif",
        str(story),
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert done.stdout.decode().startswith(f"{story}:3:{COLUMN}: warning style.consistent-spelling")


def test_output_file_that_cannot_be_written_is_a_located_error(tmp_path):
    done = run("--isolated", "--select", "style", "--format", "junit", "--output-file", str(tmp_path / "no" / "r.xml"),
               str(_story(tmp_path)))  # fmt: skip
    assert done.returncode == 2 and "r.xml: cannot write the report" in done.stderr.decode()


def test_summary_line_counts_levels_stories_and_fixable(tmp_path):
    _story(tmp_path, "a.txt")
    _story(tmp_path, "b.txt", "Budget passes\n\nThe end result was a tax cut, officials said.\n")
    _story(tmp_path, "c.txt", "Truce holds\n\nThe ceasefire held on Monday.\n")
    done = run("--isolated", "--select", "style", "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    last = done.stderr.decode().splitlines()[-1]
    assert last == "newslint: 2 findings (1 warning, 1 suggestion) in 2 of 3 stories; 1 fixable with --fix"
    assert b"newslint:" not in done.stdout
    clean = run("--isolated", "--select", "style", "c.txt", cwd=tmp_path)
    assert (clean.returncode, clean.stderr) == (0, b"")


def test_fix_says_fixed_1_finding(tmp_path):
    story = _story(tmp_path, text="Budget passes\n\nThe end result was a tax cut, officials said.\n")
    done = run("--isolated", "--select", "style", "--fix", str(story))
    assert "newslint: fixed 1 finding in 1 file\n" in done.stderr.decode()


def test_extend_exclude_in_the_config_covers_files_named_on_the_command_line(tmp_path):
    # pre-commit names every changed file; the documented `extend-exclude` recipe must hold for them.
    (tmp_path / "newslint.toml").write_text(
        'select = ["style"]\nextend-exclude = ["README.md", "notes"]\n', encoding="utf-8"
    )
    (tmp_path / "notes").mkdir()
    for name in ("README.md", "notes/todo.md", "story.txt"):
        _story(tmp_path, name)
    done = run("--format", "json", "README.md", "notes/todo.md", "story.txt", cwd=tmp_path)
    assert sorted({f["path"] for f in json.loads(done.stdout)}) == ["story.txt"]
    flag = run("--format", "json", "--extend-exclude", "story.txt", "story.txt", "README.md", cwd=tmp_path)
    assert json.loads(flag.stdout) == [] and flag.returncode == 0


def test_each_check_is_built_once_in_a_run_with_the_default_context(monkeypatch):
    """Validating a pack builds each rule's check; a run in the default context uses that check, not a second."""
    from collections import Counter

    from newslint import linter as linter_module
    from newslint.checks.base import Check
    from newslint.packs import builtin_pack_paths, load_packs

    linter_module._packs.cache_clear()
    built: Counter[str] = Counter()
    original = Check.__init__

    def counting(self, params, context):
        built[type(self).__name__] += 1
        original(self, params, context)

    monkeypatch.setattr(Check, "__init__", counting)
    rules = load_packs(builtin_pack_paths())
    expected = Counter(type(rule.spare[0]).__name__ for rule in rules)
    built.clear()
    linter_module._packs.cache_clear()
    linter = linter_module.Linter(isolated=True, extend_select=("style",))
    result = linter.lint_text("Budget talks\n\nThe the talks ended on Monday, officials said.\n", "story.txt")
    assert result.findings  # the rules ran
    assert built == expected  # each rule's check built once: at validation, none again for the run
    linter_module._packs.cache_clear()
