"""The desk page ships inside the wheel: an installed `newslint serve` has its page, not only a source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from .conftest import ROOT

DESK_FILES = ("index.html", "desk.css", "desk.js")


def test_wheel_holds_the_desk_page(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)], check=True
    )
    wheel = next(tmp_path.glob("newslint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"newslint/serve/static/{name}" for name in DESK_FILES} <= names
    assert "newslint/api.py" in names
