"""Local servers for tests and benchmarks: started on a free loopback port, always stopped."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def oxigraph_command() -> str | None:
    """The ``oxigraph`` server from the PyPI package, beside this Python or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


class ServerExited(RuntimeError):
    """The server process ended before it answered, typically because its port was taken meanwhile."""


def _tail(output: BinaryIO, characters: int = 2000) -> str:
    output.flush()
    output.seek(0)
    return output.read().decode("utf-8", errors="replace")[-characters:]


def _wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float, output: BinaryIO) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            status = process.returncode
            raise ServerExited(f"server exited with status {status} before answering {url}; it said:\n{_tail(output)}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server did not answer {url} within {seconds:.0f} s; it said:\n{_tail(output)}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def running(command: list[str], probe_path: str, port: int, startup_seconds: float = 60) -> Iterator[str]:
    """Run ``command`` (already bound to ``port``) until the block ends; yields the base URL.

    If the server fails to start, the error quotes the end of what it printed.
    """
    base = f"http://{LOOPBACK}:{port}"
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(base + probe_path, process, startup_seconds, output)
            yield base
        finally:
            _stop(process)


@contextmanager
def on_a_free_port(start: Callable[[int, int], AbstractContextManager[str]], attempts: int = 3) -> Iterator[str]:
    """``start(port, attempt)`` a server, trying again on a new port if it exits before answering.

    A port found free can be taken by another process before the server binds it; the server then exits.
    """
    for attempt in range(1, attempts + 1):
        started = ExitStack()
        try:
            base = started.enter_context(start(free_port(), attempt))
        except ServerExited:
            if attempt == attempts:
                raise
            continue
        with started:
            yield base
        return


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """An Oxigraph server persisting to ``location``; yields its base URL."""
    binary = oxigraph_command()
    if binary is None:
        raise RuntimeError("the oxigraph command is not installed (pip install oxigraph)")

    def start(port: int, attempt: int) -> AbstractContextManager[str]:
        command = [binary, "serve", "--location", str(location), "--bind", f"{LOOPBACK}:{port}"]
        return running(command, "/query?query=ASK%7B%7D", port)

    with on_a_free_port(start) as base:
        yield base


@contextmanager
def kg_server(*arguments: str) -> Iterator[str]:
    """``kg serve`` with ``arguments`` on a free port; yields its base URL."""

    def start(port: int, attempt: int) -> AbstractContextManager[str]:
        command = [sys.executable, "-m", "kg", "serve", *arguments, "--port", str(port)]
        return running(command, "/sparql?query=ASK%7B%7D", port)

    with on_a_free_port(start) as base:
        yield base


_VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = {host}:{sql_port}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dir}

[HTTPServer]
ServerPort = {host}:{http_port}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""
VIRTUOSO_USER = ("dba", "dba")  # a new Virtuoso database's administrator


def virtuoso_command() -> str | None:
    return shutil.which("virtuoso-t")


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """A throwaway Virtuoso (Debian virtuoso-opensource-7-bin) in ``folder``; yields its HTTP base URL."""
    binary = virtuoso_command()
    if binary is None:
        raise RuntimeError("virtuoso-t is not installed (apt-get install virtuoso-opensource-7-bin)")

    def start(http_port: int, attempt: int) -> AbstractContextManager[str]:
        database = folder / f"attempt-{attempt}"  # a failed start leaves a database behind
        database.mkdir(parents=True)
        sql_port = free_port()
        ini = database / "virtuoso.ini"
        settings = _VIRTUOSO_INI.format(dir=database, host=LOOPBACK, sql_port=sql_port, http_port=http_port)
        ini.write_text(settings, "utf-8")
        command = [binary, "+foreground", "+configfile", str(ini)]
        return running(command, "/sparql?query=ASK%7B%7D", http_port, startup_seconds=120)

    with on_a_free_port(start) as base:
        yield base


@contextmanager
def in_thread(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A stub HTTP server running ``handler`` in a thread of this process; yields its base URL."""
    server = ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
