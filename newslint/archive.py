"""`newslint learn-names ARCHIVE_FOLDER -o names.toml`: a newsroom's memory of names, read from its archive.

Every story the desk has published is read once; each capitalised name (where the capital is the writer's,
not the sentence's) is counted by the stories that use it. A name used in enough stories becomes an entry of
a names file (the format of rules/data/names/), its rarely used near-forms (non-words a slip away, in a
story or two, at most a fifth as often) listed as rejected. Point the config at the file with
`names = ["names.toml"]`: a name used once in a new story is then checked against the whole archive.

Memory stays bounded on an archive of any size: files are read a block of paragraphs at a time, and when the
tally outgrows `--max-forms` the forms seen in one story only are dropped (a name the desk uses often comes
back; a one-off was never going to be an entry). Binary and unreadable files are skipped with a notice.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newslint.atomic import write_fixed
from newslint.checks.names.inventory import inventory_of
from newslint.checks.names.match import NamePool, Nearness, is_derivation, nearest_among
from newslint.checks.names.nameslist import load_names, personal_names
from newslint.checks.names.places import gazetteer
from newslint.text import english
from newslint.text.story import Story

BLOCK_CHARS = 1_000_000  # a file is read and modelled this much at a time, cut at a blank line
_SNIFF = 8192  # bytes looked at for a NUL: a binary file
_SLIP_SHARE = 5  # a near-form used at most a fifth as often as the name is a slip of it
_SLIP_STORIES = 2  # and in at most this many stories
_EVERYDAY = 5_000  # dictionary count from which a capitalised word is an ordinary word, not a name
PERSONAL_NAMES = "names/personal.txt"
_PLURALS = ("s", "es")


@dataclass
class Tally:
    """Names by folded key: in how many stories, how often, and in which written forms."""

    stories: Counter[str] = field(default_factory=Counter)
    uses: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=dict)
    pruned: int = 0

    def add(self, story: Story) -> None:
        inventory = inventory_of(story)
        for key, words in inventory.words.items():
            placed = [w.form for w in words if not w.ambiguous and w.form.isalpha() and len(w.form) > 2]
            if not placed or key in inventory.lowercase:
                continue  # capitalised only by its place, or a word the story also writes in lowercase
            self.stories[key] += 1
            self.uses[key] += len(placed)
            self.forms.setdefault(key, Counter()).update(placed)

    def prune(self, limit: int) -> None:
        """Drop the forms seen in one story only, once the tally holds more than `limit` forms."""
        if len(self.stories) <= limit:
            return
        for key in [k for k, n in self.stories.items() if n <= 1]:
            del self.stories[key], self.uses[key], self.forms[key]
            self.pruned += 1


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    folder = Path(args.archive)
    if not folder.is_dir():
        print(f"newslint learn-names: error: {folder}: not a folder", file=sys.stderr)
        return 2
    progress = Progress(quiet=args.quiet)
    files = list(_files(folder, progress))
    tally = Tally()
    for number, path in enumerate(files, 1):
        for block in _blocks(path, progress):
            tally.add(Story(block, str(path)))
        tally.prune(args.max_forms)
        progress.show(number, len(files), len(tally.stories))
    progress.done(len(files), len(tally.stories))
    text = names_toml(tally, args.min_stories, folder.name)
    try:
        _write(Path(args.output), text.encode("utf-8"))
    except OSError as error:
        print(f"newslint learn-names: error: {args.output}: cannot write: {error}", file=sys.stderr)
        return 2
    entries = text.count("[[name]]")
    print(
        f"newslint learn-names: {entries:,} names from {len(files):,} files written to {args.output}", file=sys.stderr
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslint learn-names", description=__doc__.splitlines()[0])
    parser.add_argument("archive", metavar="ARCHIVE_FOLDER", help="a folder of published stories, read recursively")
    parser.add_argument("-o", "--output", required=True, help="the names file to write (TOML)")
    parser.add_argument("--min-stories", type=int, default=3, help="stories a name must appear in (default 3)")
    parser.add_argument("--max-forms", type=int, default=500_000, help="forms held before one-off forms are dropped")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, only notices")
    return parser


class Progress:
    """A bar on standard error: redrawn in place on a terminal, a line every tenth otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.tenth = -1

    def notice(self, message: str) -> None:
        self._clear()
        print(f"newslint learn-names: {message}", file=sys.stderr)

    def show(self, done: int, total: int, names: int) -> None:
        if self.quiet or not total:
            return
        now = time.monotonic()
        if self.tty and now - self.last < 0.2 and done < total:
            return
        tenth = done * 10 // total
        if not self.tty and tenth == self.tenth:
            return
        self.last, self.tenth = now, tenth
        bar = "#" * (done * 30 // total)
        line = f"[{bar:<30}] {done:,}/{total:,} files, {names:,} names"
        print(f"\r{line}" if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def done(self, total: int, names: int) -> None:
        self.show(total, total, names)
        self._clear()

    def _clear(self) -> None:
        if self.tty and not self.quiet and self.last:
            print(file=sys.stderr)
            self.last = 0.0


def _files(folder: Path, progress: Progress) -> Iterator[Path]:
    """Every regular file under `folder`, in a stable order; an unreadable folder is a notice."""

    def unreadable(error: OSError) -> None:
        progress.notice(f"skipped {error.filename}: cannot read folder: {error.strerror}")

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            if path.is_file() and not name.startswith("."):
                yield path


def _blocks(path: Path, progress: Progress) -> Iterator[str]:
    """The file's text a block of paragraphs at a time; a binary or undecodable file yields nothing."""
    try:
        with path.open("rb") as handle:
            if b"\0" in handle.read(_SNIFF):
                progress.notice(f"skipped {path}: binary file")
                return
            handle.seek(0)
            pending = b""
            while True:
                chunk = handle.read(BLOCK_CHARS)
                if not chunk:
                    break
                data = pending + chunk
                # A full block is cut at its last blank line, the rest carried into the next; a file's last
                # block is whole.
                cut = data.rfind(b"\n\n") if len(chunk) == BLOCK_CHARS else -1
                pending, data = (data[cut + 2 :], data[: cut + 2]) if cut > 0 else (b"", data)
                yield _decode(data, path, progress)
            if pending:
                yield _decode(pending, path, progress)
    except OSError as error:
        progress.notice(f"skipped {path}: cannot read: {error.strerror}")


def _decode(data: bytes, path: Path, progress: Progress) -> str:
    """UTF-8, as stories are saved today; an older file in a legacy code page is read as Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        progress.notice(f"{path}: not UTF-8 ({error.reason} at byte {error.start}); read as Windows-1252")
        return data.decode("cp1252", errors="replace")


def _write(path: Path, data: bytes) -> None:
    """Replace the names file at once (a linter run reading it sees the old file or the new one)."""
    if path.exists():
        write_fixed(path, path.read_bytes(), data)  # the same safe replacement --fix uses
        return
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def names_toml(tally: Tally, min_stories: int, source: str) -> str:
    """The names file: each name used in `min_stories` stories, with its rarely used near-forms rejected."""
    names = sorted(
        (k for k, n in tally.stories.items() if n >= min_stories and english.frequency(k) < _EVERYDAY),
        key=lambda k: (-tally.uses[k], k),
    )  # an everyday word capitalised in a title ("House", "Record") is no name to remember
    slips = _slips(tally, names)
    lines = [
        f"# Names learned by `newslint learn-names` from the archive '{source}': every name used in {min_stories}",
        "# or more stories, most used first, with the rarely used forms a slip away that the archive also holds.",
        "# Refresh by running the command again on the archive; edit by hand as any names file.",
        "",
    ]
    for key in names:
        form = tally.forms[key].most_common(1)[0][0]
        lines += ["[[name]]", f"canonical = {_toml_string(form)}"]
        if slips.get(key):
            lines.append("reject = [" + ", ".join(_toml_string(s) for s in slips[key]) + "]")
        lines += [f'note = "{tally.stories[key]} stories, {tally.uses[key]} uses"', ""]
    return "\n".join(lines)


def _slips(tally: Tally, names: list[str]) -> dict[str, list[str]]:
    """For each name, the forms a slip away that the archive uses rarely: non-words, in a story or two, at
    most a fifth as often, no plural of the name, not themselves listed nor names of the archive."""
    # Listed names, common first names and surnames, and places are names of their own, never slips.
    own = load_names("ap").known | personal_names(PERSONAL_NAMES) | gazetteer().words
    chosen = set(names)
    rare = [
        k for k, n in tally.stories.items()
        if n <= _SLIP_STORIES and k not in chosen and k not in own and not english.is_word(k) and len(k) >= 4
    ]  # fmt: skip
    pool = NamePool(rare, 2)
    limits = Nearness(4, 2, 0.2)
    found: dict[str, list[str]] = {}
    for key in names:
        for near, _ in nearest_among(key, pool.candidates(key), limits):
            if near[:1] != key[:1] or is_derivation(near, key, _PLURALS, {near, key}):
                continue  # another first letter is another name; "Petroleums" is a plural
            if tally.uses[near] * _SLIP_SHARE <= tally.uses[key]:
                found.setdefault(key, []).append(tally.forms[near].most_common(1)[0][0])
    return found


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
