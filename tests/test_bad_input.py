"""Bad input gets one clear, located message; exit 2 only where the run cannot go on; never a traceback."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import run

GOOD = "Truce holds\n\nThe ceasefire held. A cease-fire was called. The ceasefire broke.\n"


def _lint(tmp_path: Path, *paths: Path, args: tuple[str, ...] = ("--isolated", "--select", "style")):
    done = run(*args, *[str(p) for p in paths], cwd=tmp_path)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_invalid_utf8_is_decoded_as_cp1252_with_a_notice(tmp_path):
    story = _write(
        tmp_path,
        "cp1252.txt",
        "Head\n\n\u201cWe will hold the ceasefire,\u201d he said. The ceasefire held. A cease-fire broke.\n".encode(
            "cp1252"
        ),
    )
    done = _lint(tmp_path, story)
    assert "cp1252.txt: not UTF-8 (at 3:1, byte 6); decoded as cp1252" in done.stderr.decode()
    assert done.returncode == 1  # still linted: the ceasefire finding is reported
    assert b"style.consistent-spelling" in done.stdout


def test_nul_byte_file_is_an_error_and_the_others_are_checked(tmp_path):
    binary = _write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    story = _write(tmp_path, "story.txt", GOOD.encode())
    done = _lint(tmp_path, binary, story)
    assert done.stderr.decode().count("photo.txt: binary file") == 1
    assert b"story.txt:3:" in done.stdout
    assert done.returncode == 2  # a story that was not checked never passes


def test_nul_bytes_give_the_same_exit_code_on_lint_and_fix(tmp_path):
    binary = _write(tmp_path, "photo.txt", b"Head\n\nText\x00 here.\n")
    assert _lint(tmp_path, binary).returncode == 2
    assert _lint(tmp_path, binary, args=("--isolated", "--select", "style", "--fix")).returncode == 2
    assert binary.read_bytes() == b"Head\n\nText\x00 here.\n"


def test_twenty_megabyte_story_is_linted(tmp_path):
    paragraph = "The ceasefire held on Monday, officials said, and aid trucks crossed the border. " * 10 + "\n\n"
    big = _write(tmp_path, "big.txt", ("Head\n\n" + paragraph * (20_000_000 // len(paragraph))).encode())
    done = _lint(tmp_path, big)
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_or_blank_file_is_reported_once_and_skipped(tmp_path, content):
    blank = _write(tmp_path, "blank.txt", content)
    done = _lint(tmp_path, blank)
    assert done.returncode == 0
    assert done.stderr.decode().count("blank.txt: empty story") == 1


def test_symlink_loop_in_a_folder_terminates(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    _write(desk, "story.txt", GOOD.encode())
    os.symlink(desk, desk / "loop")
    done = _lint(tmp_path, desk)
    assert done.returncode == 1
    assert done.stdout.decode().count("style.consistent-spelling") == 1


def test_malformed_toml_config_names_file_line_and_column(tmp_path):
    config = _write(tmp_path, "newslint.toml", b'style = "ap"\nselect = ["style"\n')
    story = _write(tmp_path, "story.txt", GOOD.encode())
    done = _lint(tmp_path, story, args=())
    assert done.returncode == 2
    assert f"{config}:3:1: invalid TOML: " in done.stderr.decode()


def test_unknown_config_key_is_located_with_did_you_mean(tmp_path):
    config = _write(tmp_path, "newslint.toml", b'style = "ap"\nselcet = ["style"]\n')
    done = _lint(tmp_path, _write(tmp_path, "s.txt", GOOD.encode()), args=())
    assert done.returncode == 2
    assert f"{config}:2: unknown key 'selcet' (did you mean 'select'?)" in done.stderr.decode()


def _pack(tmp_path: Path, body: str) -> Path:
    pack = _write(tmp_path, "house.toml", body.encode())
    _write(tmp_path, "newslint.toml", b'packs = ["house.toml"]\n')
    return pack


RULE = """
[house.toward]
type = "{type}"
message = "{message}"
why = "House style."
{extra}
examples.bad = ["x"]
examples.good = ["y"]
"""


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            {"type": "substitutoin", "message": "m", "extra": 'swap = {"towards" = "toward"}'},
            "unknown type 'substitutoin' (did you mean 'substitution'?)",
        ),
        (
            {"type": "substitution", "message": "Use {sugestion}", "extra": 'swap = {"towards" = "toward"}'},
            "message placeholder '{sugestion}' is unknown",
        ),
        ({"type": "existence", "message": "m", "extra": 'pattern = "(unclosed"'}, "does not compile"),
        (
            {"type": "substitution", "message": "m", "extra": 'swapp = {"towards" = "toward"}'},
            "unknown key 'swapp' (did you mean 'swap'?)",
        ),
    ],
    ids=["unknown-type", "unknown-placeholder", "bad-regex", "unknown-key"],
)
def test_broken_pack_rule_is_reported_with_file_line_and_rule(tmp_path, fields, expected):
    pack = _pack(tmp_path, RULE.format(**fields))
    done = _lint(tmp_path, _write(tmp_path, "s.txt", GOOD.encode()), args=())
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert f"{pack}:2: rule 'house.toward': " in stderr and expected in stderr, stderr


def test_every_problem_in_a_pack_is_reported_together(tmp_path):
    _pack(
        tmp_path,
        RULE.format(type="existence", message="{nope}", extra='pattern = "("')
        + RULE.replace("toward", "whilst").format(type="bogus", message="m", extra=""),
    )
    stderr = _lint(tmp_path, _write(tmp_path, "s.txt", GOOD.encode()), args=()).stderr.decode()
    assert "house.toward" in stderr and "house.whilst" in stderr
    assert stderr.count("newslint: error:") >= 3


def test_malformed_toml_in_a_pack(tmp_path):
    pack = _pack(tmp_path, "[house.toward\ntype = 1\n")
    done = _lint(tmp_path, _write(tmp_path, "s.txt", GOOD.encode()), args=())
    assert done.returncode == 2
    assert f"{pack}:1:" in done.stderr.decode() and "invalid TOML" in done.stderr.decode()


def test_catastrophic_regex_times_out_by_rule_id_and_the_run_goes_on(tmp_path):
    _pack(tmp_path, RULE.format(type="existence", message="slow", extra='pattern = "(x+x+)+y"\nignorecase = false'))
    _write(tmp_path, "newslint.toml", b'packs = ["house.toml"]\nregex-timeout = 0.2\nselect = ["house", "style"]\n')
    slow = _write(
        tmp_path,
        "slow.txt",
        ("Head\n\n" + "x" * 5000 + "\n\nThe ceasefire held. A cease-fire began. The ceasefire broke.\n").encode(),
    )
    done = _lint(tmp_path, slow, args=())
    assert "error: " in done.stderr.decode()
    assert "rule 'house.toward' skipped: a pattern ran longer than 0.2 s" in done.stderr.decode()
    assert b"style.consistent-spelling" in done.stdout  # the other rules still ran
    assert done.returncode == 2  # part of the story went unchecked: never a pass (issue 14, item 8)
    quiet = _lint(tmp_path, slow, args=("-q",))
    assert quiet.returncode == 2 and "rule 'house.toward' skipped" in quiet.stderr.decode()
    junit = ET.fromstring(_lint(tmp_path, slow, args=("--format", "junit")).stdout).find("testsuite")
    assert junit.get("errors") == "1"
    assert "house.toward" in junit.find("testcase").find("error").get("message")


# Issue 14, items 3 and 4: a story that cannot be read fails in every format; a stray byte costs one character.

CURLY = (
    "Chef visits\n\nJos\u00e9 Andr\u00e9s said \u201cwe cook\u201d on Monday. The ceasefire held. A cease-fire broke.\n"
)


def test_utf16_with_a_bom_is_read_like_utf8(tmp_path):
    plain = _write(tmp_path, "plain.txt", GOOD.encode())
    notepad = _write(tmp_path, "notepad.txt", ("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-16-le"))
    utf32 = _write(tmp_path, "utf32.txt", ("\ufeff" + GOOD).encode("utf-32-be"))
    done = _lint(tmp_path, plain, notepad, utf32, args=("--isolated", "--select", "style", "--format", "json"))
    found = {Path(f["path"]).name: (f["line"], f["column"], f["matched"]) for f in json.loads(done.stdout)}
    assert found["notepad.txt"] == found["utf32.txt"] == found["plain.txt"]
    assert done.returncode == 1 and b"binary" not in done.stderr


def test_fix_writes_utf16_back_as_utf16(tmp_path):
    text = "Budget passes\r\n\r\nThe end result was a tax cut, officials said.\r\n"
    story = _write(tmp_path, "story.txt", ("\ufeff" + text).encode("utf-16-le"))
    done = _lint(tmp_path, story, args=("--isolated", "--select", "style", "--fix"))
    assert done.returncode == 0, done.stderr.decode()
    assert story.read_bytes() == ("\ufeff" + text.replace("end result", "result")).encode("utf-16-le")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_an_unreadable_story_fails_in_every_format(tmp_path, fmt):
    binary = _write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    done = _lint(tmp_path, binary, args=("--isolated", "--select", "style", "--format", fmt))
    assert done.returncode == 2
    assert "photo.txt: binary file" in done.stderr.decode()
    if fmt == "junit":
        suite = ET.fromstring(done.stdout).find("testsuite")
        assert suite.get("errors") == "1" and suite.find("testcase").find("error") is not None
    if fmt == "sarif":
        invocation = json.loads(done.stdout)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        notification = invocation["toolExecutionNotifications"][0]
        assert notification["level"] == "error" and "binary file" in notification["message"]["text"]
    if fmt == "github":
        assert done.stdout.decode().startswith("::error file=") and "photo.txt" in done.stdout.decode()


def test_a_stray_byte_in_utf8_costs_one_character_not_the_story(tmp_path):
    data = CURLY.encode("utf-8").replace(b"on Monday", b"on \xff Monday")
    story = _write(tmp_path, "stray.txt", data)
    done = _lint(tmp_path, story, args=("--isolated", "--select", "style", "--format", "json"))
    stderr = done.stderr.decode()
    line, column = 3, CURLY.splitlines()[2].index("on Monday") + len("on ") + 1
    assert f"stray.txt: a byte that is not valid utf-8 at {line}:{column}" in stderr
    assert "cp1252" not in stderr and done.returncode == 1
    finding = json.loads(done.stdout)[0]
    expected_column = CURLY.splitlines()[2].index("cease-fire") + len("\ufffd ") + 1
    assert (finding["line"], finding["column"], finding["matched"]) == (3, expected_column, "cease-fire")


def test_a_story_with_a_stray_byte_is_not_rewritten_by_fix(tmp_path):
    data = "Budget passes\n\nThe end result was a \u201ctax cut\u201d.\n".encode().replace(b"a \xe2", b"a \xff\xe2")
    story = _write(tmp_path, "stray.txt", data)
    done = _lint(tmp_path, story, args=("--isolated", "--select", "style", "--fix"))
    assert done.returncode == 2 and "not valid utf-8" in done.stderr.decode()
    assert story.read_bytes() == data


def test_encoding_flag_reads_a_legacy_archive(tmp_path):
    story = _write(
        tmp_path, "old.txt", "Gr\u00fc\u00dfe\n\nThe ceasefire held. A cease-fire broke.\n".encode("latin-1")
    )
    done = _lint(tmp_path, story, args=("--isolated", "--select", "style", "--encoding", "latin-1", "--format", "json"))
    assert "not UTF-8" not in done.stderr.decode()
    assert [f["matched"] for f in json.loads(done.stdout)] == ["cease-fire"]
    bad = _lint(tmp_path, story, args=("--isolated", "--encoding", "klingon"))
    assert bad.returncode == 2 and "unknown encoding 'klingon'" in bad.stderr.decode()


def test_a_utf8_story_in_a_folder_that_names_a_legacy_encoding_is_read_as_utf8(tmp_path):
    # The README's config sample sets `encoding = "cp1252"`: a UTF-8 story read as cp1252 became
    # "â€”" for its dateline dash, lost its dateline and had every later column off by two.
    story = _write(tmp_path, "new.txt", "WASHINGTON (AP) \u2014 Jos\u00e9 said the end result held.\n".encode())
    done = _lint(tmp_path, story, args=("--isolated", "--encoding", "cp1252", "--format", "json"))
    findings = json.loads(done.stdout)
    assert [(f["rule"], f["column"]) for f in findings] == [("style.redundant", 33)]
    assert "valid UTF-8" in done.stderr.decode() and done.returncode == 0


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = _lint(tmp_path, fifo, _write(tmp_path, "story.txt", GOOD.encode()))
    assert done.returncode == 2 and "pipe.txt: not a regular file" in done.stderr.decode()
    assert b"story.txt:3:" in done.stdout


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_refuse_a_fifo_rather_than_wait_on_it(tmp_path, mode):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = _lint(tmp_path, fifo, args=("--isolated", mode))
    assert done.returncode == 2 and "pipe.txt: " in done.stderr.decode()
    assert "not a regular file (a pipe or a device)" in done.stderr.decode()


def test_fix_refuses_a_story_in_a_named_legacy_encoding_and_writes_nothing(tmp_path):
    data = "Gr\u00fc\u00dfe\n\nThe end result was calm.\n".encode("latin-1")
    story = _write(tmp_path, "old.txt", data)
    done = _lint(tmp_path, story, args=("--isolated", "--select", "style", "--encoding", "latin-1", "--fix"))
    assert done.returncode == 2 and "do not read stories in a named encoding" in done.stderr.decode()
    assert story.read_bytes() == data
