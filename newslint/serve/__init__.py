"""`newslint serve`: the desk page and the JSON API, on 127.0.0.1 unless told otherwise (newslint[serve])."""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl+C
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got '{value}'")
    return int(value)


def _bytes(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of bytes, 1 or more, got '{value}'")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    from newslint.serve.payload import DEFAULT_MAX_BODY

    parser = argparse.ArgumentParser(
        prog="newslint serve", description="Serve the desk page at / and the JSON API under /api/."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    parser.add_argument("--port", type=_port, default=8765, help="port (default: 8765; 0 picks a free one)")
    parser.add_argument("--config", type=Path, help="the config file every request uses (default: built-in rules)")
    parser.add_argument(
        "--max-body", type=_bytes, default=DEFAULT_MAX_BODY, metavar="BYTES",
        help=f"refuse request bodies over this size with 413 (default: {DEFAULT_MAX_BODY})",
    )  # fmt: skip
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)  # --help and flag errors need no service installed
    try:
        import uvicorn

        from newslint.serve.app import ServiceOptions, create_app
    except ImportError as error:
        print(
            f"newslint serve: error: {error.name} is not installed; install the service with "
            "pip install 'newslint[serve]'",
            file=sys.stderr,
        )
        return EXIT_ERROR
    from newslint.errors import NewslintError

    if args.config is not None and not args.config.is_file():
        print(f"newslint serve: error: {args.config}: no such config file", file=sys.stderr)
        return EXIT_ERROR
    try:
        app = create_app(ServiceOptions(args.config, args.max_body))
    except NewslintError as error:
        for problem in error.problems:
            print(f"newslint serve: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        listener = _listen(args.host, args.port)
    except OSError as error:
        print(f"newslint serve: error: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return EXIT_ERROR
    try:
        _say_where(listener, args.host)
        uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[listener])
    except KeyboardInterrupt:  # uvicorn shuts down cleanly, then passes Ctrl+C on: a desk's normal way to stop
        print("newslint serve: stopped", flush=True)
        return EXIT_INTERRUPTED
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """Bind the socket here rather than in uvicorn: port 0 then gives a free port this process can report,
    and an address in use is a one-line error, not a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, and TCP_NODELAY set, so that each connection sends a response's head and body at
    # once: asyncio sets TCP_NODELAY only on sockets that name their protocol, and without it Nagle's
    # algorithm holds the body until the client's delayed ACK (40 ms on Linux) -- longer than a lint takes.
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    listener.listen(128)
    listener.set_inheritable(True)
    return listener


def _say_where(listener: socket.socket, host: str) -> None:
    """The first line on standard output is the address, so that a script (or a test) can read the port."""
    address, port = listener.getsockname()[:2]
    shown = f"[{address}]" if ":" in address else address
    print(f"newslint serve: listening on http://{shown}:{port}/", flush=True)
    if host in LOOPBACK:
        print("newslint serve: reachable from this machine only (use --host to share it)", flush=True)
    else:
        print(f"newslint serve: reachable from other machines on {host}; the API has no login", flush=True)
