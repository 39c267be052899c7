"""Time `newslint lsp` as an editor sees it: the first diagnostics after opening a story, then after each edit.

    python scripts/measure_lsp.py [--edits 20] [--story examples/xinhua-blinken.txt]

Drives the installed `newslint lsp --debounce 0` over stdio with the tests' client; the first lint includes
building every rule. An edit's time runs from sending the whole new text to receiving its diagnostics.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "lsp")]

from lsp_client import LspClient


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--story", type=Path, default=ROOT / "examples" / "xinhua-blinken.txt")
    args = parser.parse_args()
    text = args.story.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder) / args.story.name
        story.write_text(text, encoding="utf-8")
        client = LspClient("--debounce", "0")
        try:
            started = time.perf_counter()
            client.initialize(Path(folder))
            uri = client.open(story)
            client.diagnostics(uri, version=1)
            first = time.perf_counter() - started
            edits = []
            for version in range(2, args.edits + 2):
                started = time.perf_counter()
                client.change(uri, version, text + " Edit" * version)
                client.diagnostics(uri, version=version)
                edits.append(time.perf_counter() - started)
            code = client.shutdown_and_exit()
        finally:
            client.close()
    words = len(text.split())
    print(f"{args.story.name}: {words} words")
    print(f"start, initialize, open to first diagnostics: {1000 * first:.0f} ms")
    print(f"edit to diagnostics: median {1000 * statistics.median(edits):.0f} ms, max {1000 * max(edits):.0f} ms")
    print(f"exit code after shutdown and exit: {code}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
