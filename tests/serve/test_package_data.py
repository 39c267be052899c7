"""The desk page ships inside the wheel: an installed `newslint serve` has its page, not only a source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from .conftest import ROOT

DESK_FILES = ("index.html", "desk.css", "desk.js")
NEEDS_SERVE_EXTRA = False  # building a wheel needs no service


def test_without_the_extra_serve_says_how_to_install_it(tmp_path):
    script = "import sys; sys.modules['uvicorn'] = None; from newslint.cli import main; sys.exit(main(['serve']))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 2
    assert done.stderr == (
        "newslint serve: error: uvicorn is not installed; install the service with pip install 'newslint[serve]'\n"
    )


def test_wheel_holds_the_desk_page(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)], check=True
    )
    wheel = next(tmp_path.glob("newslint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"newslint/serve/static/{name}" for name in DESK_FILES} <= names
    assert "newslint/api.py" in names


def test_without_the_extra_help_still_answers(tmp_path):
    script = (
        "import sys; sys.modules['uvicorn'] = None; from newslint.cli import main; sys.exit(main(['serve', '--help']))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0 and "--max-body BYTES" in done.stdout
