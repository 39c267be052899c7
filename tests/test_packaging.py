"""A real wheel, installed into a new virtual environment, finds its rule packs from any folder."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_install_ships_the_rule_packs(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)], check=True
    )
    wheel = next(wheels.glob("newslint-*.whl"))
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listing = subprocess.run(
        [str(env / "bin" / "newslint"), "--list-rules", "--format", "json"],
        cwd=elsewhere,
        capture_output=True,
        check=False,
    )
    installed = {rule["id"] for rule in json.loads(listing.stdout)}
    shipped_packs = {p.stem for p in (ROOT / "rules").glob("*.toml")}
    assert {rule_id.split(".")[0] for rule_id in installed} >= shipped_packs - {"pack"}
    story = elsewhere / "story.txt"
    story.write_text("Truce\n\nThe ceasefire held. The ceasefire broke. A cease-fire began.\n", encoding="utf-8")
    done = subprocess.run([str(env / "bin" / "newslint"), "story.txt"], cwd=elsewhere, capture_output=True, check=False)
    assert b"style.consistent-spelling" in done.stdout, done.stderr
