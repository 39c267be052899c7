"""Where the shipped data lives and how every data file is read: a leaf that imports no other newslint module
but the error type, so any loader (packs, names lists, lexicons, dateline data) can use it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

import regex

from newslint.errors import NewslintError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


def builtin_rules_dir() -> Path:
    """The shipped packs: inside the package when installed from a wheel, else the checkout's rules/."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def builtin_data(relative: str) -> Path:
    """A shipped data file under rules/data/."""
    return builtin_rules_dir() / "data" / relative


# A config, pack or word list is data a person writes: a newsroom's biggest vocabulary is a few megabytes.
# The bound keeps `vocabulary = ["/dev/zero"]` or a mistyped archive path from eating the machine.
MAX_DATA_BYTES = 32 * 1024 * 1024


def read_text(path: Path, what: str = "file") -> str:
    """A data file's text (UTF-8, a leading BOM dropped); a NewslintError naming the file if it is not a
    regular file, larger than MAX_DATA_BYTES, or not UTF-8."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise NewslintError([f"{path}: cannot read {what}: not a regular file"])
        with open(path, "rb") as file:
            data = file.read(MAX_DATA_BYTES + 1)  # bounded even if the file grows after the check
        if info.st_size > MAX_DATA_BYTES or len(data) > MAX_DATA_BYTES:
            raise NewslintError([f"{path}: cannot read {what}: larger than {MAX_DATA_BYTES // (1024 * 1024)} MB"])
        return data.decode("utf-8-sig")  # Notepad's "UTF-8" writes a BOM; tomllib would call it invalid
    except OSError as error:
        raise NewslintError([f"{path}: cannot read {what}: {error.strerror or error}"]) from None
    except UnicodeDecodeError as error:
        raise NewslintError([f"{path}: cannot read {what}: not UTF-8 ({error.reason} at byte {error.start})"]) from None


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; a located NewslintError if it cannot be read or parsed."""
    source = read_text(path)
    try:
        return tomllib.loads(source), source
    except tomllib.TOMLDecodeError as error:
        raise NewslintError(
            [f"{path}{_toml_position(str(error), source)}: invalid TOML: {_toml_detail(error)}"]
        ) from None


def _toml_position(message: str, source: str) -> str:
    """The `:line:column` in tomllib's message; "at end of document" is just past the last line."""
    where = regex.search(r"\(at line (\d+), column (\d+)\)", message)
    if where:
        return f":{where.group(1)}:{where.group(2)}"
    if "end of document" in message:
        return f":{source.count(chr(10)) + 1}:{len(source) - source.rfind(chr(10))}"
    return ""


def _toml_detail(error: Exception) -> str:
    return regex.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(error))


def read_lines(path: Path, what: str = "word list") -> list[str]:
    """The entries of a one-entry-a-line file: `#` starts a comment, blank lines are skipped."""
    lines = read_text(path, what).splitlines()
    # Most lines hold no `#`: skipping the split for them halves the time of the 49,000-line gazetteer.
    entries = (line.split("#", 1)[0].strip() if "#" in line else line.strip() for line in lines)
    return [entry for entry in entries if entry]


def read_word_list(path: Path) -> frozenset[str]:
    """A word list: one word or phrase a line; `#` starts a comment."""
    return frozenset(read_lines(path))
