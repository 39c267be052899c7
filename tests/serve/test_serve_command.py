"""`newslint serve` as a command: where it listens and says so, its config, and the errors that stop it."""

from __future__ import annotations

import signal
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpers import run

from .conftest import spawn_service, start_service, stop_service


def _listening_addresses(port: int) -> list[str]:
    """The local addresses of the sockets listening on `port`, as the kernel lists them (Linux)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.append(address)
    return found


def test_listens_on_loopback_only_and_says_so(service):
    port = urlsplit(service.url).port
    assert service.url.startswith("http://127.0.0.1:")
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp to read the listening address from")
    assert _listening_addresses(port) == ["0100007F"]  # 127.0.0.1, and nothing on any other address


def test_start_message_says_this_machine_only(tmp_path):
    process = spawn_service(cwd=tmp_path)
    try:
        lines = [process.stdout.readline(), process.stdout.readline()]
    finally:
        process.terminate()
        process.communicate(timeout=20)
    assert lines[0].startswith("newslint serve: listening on http://127.0.0.1:")
    assert lines[1] == "newslint serve: reachable from this machine only (use --host to share it)\n"


def test_port_in_use_is_a_one_line_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run("serve", "--port", str(port), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"newslint serve: error: cannot listen on 127.0.0.1:{port}: ")
    assert b"Traceback" not in done.stderr


def test_bad_config_stops_the_start_with_located_errors(tmp_path):
    (tmp_path / "newslint.toml").write_text('style = "ap"\nselcet = ["names"]\n', encoding="utf-8")
    done = run("serve", "--port", "0", "--config", "newslint.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert "newslint.toml:2: unknown key 'selcet' (did you mean 'select'?)" in done.stderr.decode()


def test_missing_config_is_an_error(tmp_path):
    done = run("serve", "--port", "0", "--config", "nowhere.toml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode() == "newslint serve: error: nowhere.toml: no such config file\n"


@pytest.mark.parametrize(("flag", "value"), [("--port", "http"), ("--port", "70000"), ("--max-body", "0")])
def test_bad_flags_exit_2(tmp_path, flag, value):
    done = run("serve", flag, value, cwd=tmp_path)
    assert done.returncode == 2 and flag in done.stderr.decode()


def test_config_sets_style_and_selection_for_every_request(tmp_path, example_text):
    (tmp_path / "newslint.toml").write_text('style = "xinhua"\nignore = ["names"]\n', encoding="utf-8")
    running = start_service("--config", "newslint.toml", cwd=tmp_path)
    try:
        assert running.request("GET", "/api/styles")[1]["default"] == "xinhua"
        findings = running.post("/api/lint", {"text": example_text})[1]["findings"]
        assert findings and not [f for f in findings if f["rule"].startswith(("names.", "dateline.dash"))]
        # A style asked for in the request wins over the config's, as --style does on the command line.
        findings = running.post("/api/lint", {"text": example_text, "style": "ap"})[1]["findings"]
        assert "dateline.dash" in {f["rule"] for f in findings}
    finally:
        stop_service(running)


def test_help_names_every_flag(tmp_path):
    done = run("serve", "--help", cwd=tmp_path)
    assert done.returncode == 0
    for flag in ("--host", "--port", "--config", "--max-body"):
        assert flag in done.stdout.decode()


def test_a_rule_past_its_timeout_is_a_problem_in_the_answer(tmp_path):
    """A newsroom's own pack with a pattern that backtracks: that rule is reported, the others still run."""
    (tmp_path / "slow.toml").write_text(
        '[house.slow]\ntype = "existence"\nmessage = "slow"\nwhy = "A pattern that backtracks."\n'
        'pattern = "(x|xx)+z"\nexamples.bad = ["xxz"]\nexamples.good = ["y"]\n',
        encoding="utf-8",
    )
    (tmp_path / "newslint.toml").write_text('packs = ["slow.toml"]\nregex-timeout = 0.05\n', encoding="utf-8")
    running = start_service("--config", "newslint.toml", cwd=tmp_path)
    try:
        text = "Blinken arrived on Tuesday. Blinked said " + "x" * 40 + " went well, Blinken added.\n"
        status, body = running.post("/api/lint", {"text": text})
        assert status == 200
        assert body["problems"] == ["story.txt: rule 'house.slow' skipped: a pattern ran longer than 0.05 s"]
        assert "names.variant" in {f["rule"] for f in body["findings"]}
        assert running.post("/api/lint", {"text": "Officials met."})[0] == 200
    finally:
        stop_service(running)


def test_ctrl_c_stops_it_cleanly(tmp_path):
    process = spawn_service(cwd=tmp_path)
    assert "listening on" in process.stdout.readline()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert out.endswith("newslint serve: stopped\n") and "Traceback" not in err
