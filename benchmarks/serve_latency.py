"""How fast the warm `newslint serve` answers: POST /api/lint on a desk-sized story, median of 30 requests.

    python benchmarks/serve_latency.py              # the ABC story nearest 600 words, 30 timed requests
    python benchmarks/serve_latency.py --runs 100   # more requests

The service runs in its own process, as a desk or CMS would use it, and every request is a real HTTP
request on one kept-alive connection; the time is the client's, from sending to the whole answer read.
The first requests are not timed (the engine is built at start, but the first story still fills caches).
Then a 60 MB body is sent to show that it is refused with 413 and the service still answers.
Needs the serve extra: pip install '.[serve]'. The target: a median under 25 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from workloads import story_near

TARGET_MS = 25.0
WARM_UP = 5
EXAMPLE = ROOT / "examples" / "xinhua-blinken.txt"


def start() -> tuple[subprocess.Popen, str, int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    first = process.stdout.readline()
    if "listening on" not in first:
        process.kill()
        sys.exit(f"the service did not start: {first}")
    address = urlsplit(first.split("listening on ", 1)[1].strip())
    return process, address.hostname, address.port


def cpu_seconds(pid: int) -> float | None:
    """The processor time the service has used (Linux): on a shared machine the wall time of a request also
    counts the time it waited for a core, this does not."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def timed_lints(host: str, port: int, text: str, runs: int) -> tuple[list[float], int]:
    """Milliseconds per request, and the findings of the last answer."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    headers = {"Content-Type": "application/json"}
    times: list[float] = []
    findings = 0
    for run in range(WARM_UP + runs):
        # A name of its own for each request: the engine answers a repeat of its last story from memory,
        # and an editor's requests are never the same story twice in a row.
        body = json.dumps({"text": text, "filename": f"story-{run}.txt"}).encode("utf-8")
        started = time.perf_counter()
        connection.request("POST", "/api/lint", body, headers)
        response = connection.getresponse()
        answer = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            sys.exit(f"/api/lint answered {response.status}: {answer[:200]!r}")
        if run >= WARM_UP:
            times.append(elapsed)
        findings = len(json.loads(answer)["findings"])
    connection.close()
    return times, findings


def oversized(host: str, port: int, size: int) -> tuple[str, float, int]:
    """Send `size` bytes (declared with Content-Length) while reading: the status line, the seconds it took
    to come, and the bytes sent by then."""
    connection = socket.create_connection((host, port), timeout=60)
    connection.sendall(f"POST /api/lint HTTP/1.1\r\nHost: {host}\r\nContent-Length: {size}\r\n\r\n".encode())
    sent = [0]

    def send() -> None:
        piece = b"x" * (1 << 20)
        try:
            while sent[0] < size:
                connection.sendall(piece[: size - sent[0]])
                sent[0] += min(len(piece), size - sent[0])
        except OSError:
            pass  # refused and closed: expected

    started = time.perf_counter()
    threading.Thread(target=send, daemon=True).start()
    answer = b""
    while b"\r\n" not in answer:
        data = connection.recv(4096)
        if not data:
            break
        answer += data
    elapsed, sent_then = time.perf_counter() - started, sent[0]
    connection.close()
    return answer.split(b"\r\n", 1)[0].decode(), elapsed, sent_then


def summary(name: str, words: int, times: list[float], findings: int) -> str:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    median = statistics.median(times)
    verdict = "meets" if median < TARGET_MS else "MISSES"
    return (
        f"{name}: {words} words, {findings} findings, {len(times)} requests: median {median:.1f} ms, "
        f"90th percentile {p90:.1f} ms, fastest {ordered[0]:.1f} ms, slowest {ordered[-1]:.1f} ms "
        f"({verdict} the {TARGET_MS:.0f} ms target)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed requests per story (default: 30)")
    args = parser.parse_args()
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    desk_story = story_near(600)
    process, host, port = start()
    try:
        for name, text in (
            ("ABC story nearest 600 words", desk_story),
            ("examples/xinhua-blinken.txt", EXAMPLE.read_text("utf-8")),
        ):
            timed_lints(host, port, text, 0)  # the warm-up requests, so that the processor time is of timed ones
            before = cpu_seconds(process.pid)
            times, findings = timed_lints(host, port, text, args.runs)
            after = cpu_seconds(process.pid)
            print(summary(name, len(text.split()), times, findings))
            if before is not None and after is not None:
                print(
                    f"    service processor time per request: {(after - before) * 1000 / (WARM_UP + args.runs):.1f} ms"
                )
        status, seconds, sent = oversized(host, port, 60_000_000)
        print(f"60 MB body: {status} after {seconds * 1000:.0f} ms, with {sent / 1e6:.0f} MB of 60 sent")
        after, _ = timed_lints(host, port, desk_story, 1)
        print(f"then /api/lint answers again: {after[0]:.1f} ms; service running: {process.poll() is None}")
    finally:
        process.terminate()
        process.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
