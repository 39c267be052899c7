"""A small language-server client for the tests: JSON-RPC messages framed by Content-Length over a real
`newslint lsp` subprocess's standard input and output."""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from helpers import console_script

TIMEOUT = 60.0  # the first lint builds every rule; a busy machine makes that slow


class LspClient:
    def __init__(self, *args: str, cwd: Path | None = None) -> None:
        self.process = subprocess.Popen(
            [console_script(), "lsp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
        )
        self._ids = itertools.count(1)
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._unclaimed: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    # --- framing ---------------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self._messages.put(None)  # the server closed its output
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self._messages.put(json.loads(body))

    def _next(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no message from the server in time")
        try:
            message = self._messages.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError("no message from the server in time") from None
        if message is None:
            raise EOFError("the server closed its output")
        return message

    # --- requests and notifications --------------------------------------------------------------

    def request(self, method: str, params: Any = None) -> Any:
        """Send a request and wait for its response (notifications meanwhile are kept for `wait_for`)."""
        number = next(self._ids)
        self._send({"id": number, "method": method, **({} if params is None else {"params": params})})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline)
            if message.get("id") == number and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")
            if "id" in message and "method" in message:  # a request from the server: answer it plainly
                self._send({"id": message["id"], "result": None})
            else:
                self._unclaimed.append(message)

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"method": method, **({} if params is None else {"params": params})})

    def wait_for(self, method: str, match=lambda params: True, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The params of the first notification `method` (already received or to come) that `match`es."""
        for index, message in enumerate(self._unclaimed):
            if message.get("method") == method and match(message.get("params")):
                del self._unclaimed[index]
                return message["params"]
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("method") == method and match(message.get("params")):
                return message["params"]
            if "id" in message and "method" in message:
                self._send({"id": message["id"], "result": None})
            else:
                self._unclaimed.append(message)

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        """The next diagnostics published for `uri` (for `version`, when given)."""

        def mine(params: dict[str, Any]) -> bool:
            return params["uri"] == uri and (version is None or params.get("version") == version)

        return self.wait_for("textDocument/publishDiagnostics", mine)["diagnostics"]

    # --- the session -----------------------------------------------------------------------------

    def initialize(self, root: Path, capabilities: dict[str, Any] | None = None, options: Any = None) -> Any:
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "capabilities": capabilities or {},
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None, language: str = "plaintext", version: int = 1) -> str:
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8") if text is None else text
        item = {"uri": uri, "languageId": language, "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        """The document's whole new text, as a client does under full synchronisation."""
        change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}
        self.notify("textDocument/didChange", change)

    def shutdown_and_exit(self, timeout: float = TIMEOUT) -> int:
        assert self.request("shutdown") is None
        self.notify("exit")
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        """Make sure the process is gone, whatever the test did."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
