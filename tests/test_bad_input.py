"""Bad input gets one clear, located message; exit 2 only where the run cannot go on; never a traceback."""

from __future__ import annotations

import os
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
    assert "cp1252.txt: not UTF-8" in done.stderr.decode()
    assert done.returncode == 1  # still linted: the ceasefire finding is reported
    assert b"style.consistent-spelling" in done.stdout


def test_nul_byte_file_is_skipped_and_the_others_are_checked(tmp_path):
    binary = _write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    story = _write(tmp_path, "story.txt", GOOD.encode())
    done = _lint(tmp_path, binary, story)
    assert done.stderr.decode().count("photo.txt: binary file") == 1
    assert b"story.txt:3:" in done.stdout
    assert done.returncode == 1


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
    assert "rule 'house.toward' skipped: a pattern ran longer than 0.2 s" in done.stderr.decode()
    assert b"style.consistent-spelling" in done.stdout  # the other rules still ran
    assert done.returncode == 1
