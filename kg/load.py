"""Pushing report graphs into a remote triple store over HTTP.

Each named graph is sent with the SPARQL 1.1 Graph Store HTTP Protocol
(``PUT ?graph=IRI`` replaces the graph, so loading again gives the same
store, never duplicates); a server without it gets SPARQL 1.1 Update
(``DROP SILENT GRAPH`` + ``INSERT DATA``). Large graphs go in chunks: the
first replaces, the rest append. Afterwards the triples of every graph are
counted through the query endpoint and compared with what was sent.

Only the standard library is used (urllib), so no client package is needed.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from kg.errors import GovkgError
from kg.rdf.load import read_quads
from kg.store import GraphName, is_store, open_store, store_quads, triples_by_graph

# Paths below --endpoint for each server: (graph store, query, update).
PRESETS: dict[str, tuple[str, str, str]] = {
    "oxigraph": ("/store", "/query", "/update"),
    "fuseki": ("/data", "/query", "/update"),
    "virtuoso": ("/sparql-graph-crud-auth", "/sparql", "/sparql-auth"),
    "graphdb": ("/rdf-graphs/service", "", "/statements"),
}
DEFAULT_CHUNK = 50_000
DEFAULT_JOBS = 2  # graphs sent at once
# Turtle is a superset of N-Triples and every Graph Store implementation reads it.
_GRAPH_CONTENT_TYPE = "text/turtle; charset=utf-8"
_GSP_MISSING = {404, 405, 501}  # answers meaning "no Graph Store Protocol here"
_TRANSIENT_ERRORS = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError, TimeoutError, socket.timeout,
                     http.client.RemoteDisconnected, http.client.IncompleteRead)  # fmt: skip

Progress = Callable[[str, int], None]
# Said when a server refuses a client that sent no credentials; it may even hang up before
# reading the body (Virtuoso does), which shows as a broken pipe.
_CREDENTIALS_HINT = (
    " (if the server needs credentials, set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD or KG_ENDPOINT_TOKEN)"
)


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str
    gsp: str

    @classmethod
    def for_server(
        cls, endpoint: str, server: str = "oxigraph", *, query: str | None = None, update: str | None = None,
        gsp: str | None = None,
    ) -> Endpoints:  # fmt: skip
        if server not in PRESETS:
            raise GovkgError(f"unknown server kind {server!r}; use one of {', '.join(sorted(PRESETS))}")
        if not endpoint.startswith(("http://", "https://")):
            raise GovkgError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
        base = endpoint.rstrip("/")
        gsp_path, query_path, update_path = PRESETS[server]
        return cls(query=query or base + query_path, update=update or base + update_path, gsp=gsp or base + gsp_path)


@dataclass
class Credentials:
    """From KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD (basic, or digest when challenged) or KG_ENDPOINT_TOKEN."""

    user: str = ""
    password: str = ""
    token: str = ""

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Credentials:
        env = os.environ if environ is None else environ
        return cls(
            env.get("KG_ENDPOINT_USER", ""), env.get("KG_ENDPOINT_PASSWORD", ""), env.get("KG_ENDPOINT_TOKEN", "")
        )

    def header(self) -> str | None:
        if self.token:
            return f"Bearer {self.token}"
        if self.user:
            pair = f"{self.user}:{self.password}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None


class HttpError(GovkgError):
    def __init__(self, method: str, url: str, status: int | None, detail: str) -> None:
        self.status = status
        where = f"HTTP {status}" if status is not None else "no answer"
        super().__init__(f"{method} {url}: {where}: {detail}")


class _Digest:
    """Preemptive HTTP digest auth from one challenge (Virtuoso's ``*-auth`` endpoints ask for it).

    Answering each request's 401 would send every body twice, and Virtuoso hangs up on a body it
    will refuse, so the challenge is fetched once (a GET, which writes nothing) and every request
    carries its own digest; urllib's handler computes it and counts the nonce uses.
    """

    def __init__(self, challenge: str, url: str, credentials: Credentials) -> None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, credentials.user, credentials.password)
        self._handler = urllib.request.HTTPDigestAuthHandler(passwords)
        fields = challenge.split(None, 1)[1] if " " in challenge else ""
        self._challenge = urllib.request.parse_keqv_list(urllib.request.parse_http_list(fields))
        self._lock = threading.Lock()

    def header(self, method: str, url: str) -> str | None:
        with self._lock:
            fields = self._handler.get_authorization(urllib.request.Request(url, method=method), self._challenge)
        return f"Digest {fields}" if fields else None


@dataclass
class Client:
    """Small HTTP client: auth headers, bounded retries with exponential backoff."""

    credentials: Credentials = field(default_factory=Credentials)
    timeout: float = 120.0
    retries: int = 4
    backoff: float = 0.5
    sleep: Callable[[float], None] = time.sleep
    _digest: _Digest | None = None

    def send(self, method: str, url: str, body: bytes | None = None, content_type: str = "",
             accept: str = "") -> bytes:  # fmt: skip
        for attempt in range(self.retries + 1):
            try:
                return self._send_once(method, url, body, content_type, accept)
            except HttpError as exc:
                if attempt == self.retries or not _is_transient(exc):
                    raise
            self.sleep(min(self.backoff * 2**attempt, 30.0))
        raise AssertionError("unreachable")

    def _send_once(self, method: str, url: str, body: bytes | None, content_type: str, accept: str,
                   fresh_challenge: bool = False) -> bytes:  # fmt: skip
        request = urllib.request.Request(url, data=body, method=method)
        for name, value in (
            ("Content-Type", content_type),
            ("Accept", accept),
            ("Authorization", self._auth(method, url)),
        ):
            if value:
                request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            refused, detail, status = exc.code == 401, _error_detail(exc), exc.code
        except urllib.error.URLError as exc:
            refused, detail, status = isinstance(exc.reason, BrokenPipeError), _reason(exc.reason), None
        except (*_TRANSIENT_ERRORS, OSError) as exc:
            refused, detail, status = isinstance(exc, BrokenPipeError), _reason(exc), None
        # A refusal (or a server hanging up on the body) may be a call for digest auth, or a stale nonce.
        if refused and not fresh_challenge and self._ask_for_digest(url):
            return self._send_once(method, url, body, content_type, accept, fresh_challenge=True)
        hint = _CREDENTIALS_HINT if (refused or status == 403) and not self.credentials.header() else ""
        raise HttpError(method, url, status, detail + hint)

    def _auth(self, method: str, url: str) -> str | None:
        return self._digest.header(method, url) if self._digest is not None else self.credentials.header()

    def _ask_for_digest(self, url: str) -> bool:
        if not self.credentials.user or self.credentials.token:
            return False
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="GET"), timeout=self.timeout):
                return False  # open to anyone: the refusal was not about credentials
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate") or ""
        except OSError:
            return False
        if not challenge.lower().startswith("digest"):
            return False
        self._digest = _Digest(challenge, url, self.credentials)
        return True


def _is_transient(exc: HttpError) -> bool:
    if exc.status is None:
        return "refused" not in str(exc).lower()  # nothing listens there: retrying will not help
    return exc.status >= 500 or exc.status == 429


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(400).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    first = text.splitlines()[0] if text else ""
    return f"{exc.reason} {first}".strip()[:300]


def _reason(reason: object) -> str:
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    text = str(reason).strip() or type(reason).__name__
    return text.splitlines()[0][:300]


@dataclass
class LoadSummary:
    graphs: dict[str, int] = field(default_factory=dict)  # triples sent per graph
    counted: dict[str, int] = field(default_factory=dict)  # triples the server reports per graph
    protocol: str = "graph-store"
    requests: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())

    def lines(self) -> list[str]:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return [
            f"graphs: {len(self.graphs)}  triples: {self.triples:,}  requests: {self.requests}  via {self.protocol}",
            f"time: {self.seconds:.2f} s ({rate:,.0f} triples/s); verified: triple counts match per graph",
        ]


class Loader:
    """Sends graphs to one server, falling back from Graph Store Protocol to Update once."""

    def __init__(
        self, endpoints: Endpoints, client: Client, chunk_size: int = DEFAULT_CHUNK, bulk: bool = False
    ) -> None:
        if chunk_size < 1:
            raise GovkgError("the chunk size must be at least 1 triple")
        self.endpoints, self.client, self.chunk_size = endpoints, client, chunk_size
        self.bulk = bulk
        self.use_gsp = True
        self.requests = 0
        self._lock = threading.Lock()  # graphs may be sent from several threads

    def put_graph(self, graph: str, triples: list[Triple]) -> None:
        if self.bulk:
            self._put_graph_bulk(graph, triples)
            return
        for index, chunk in enumerate(_chunks(triples, self.chunk_size)):
            body = serialize(chunk, format=RdfFormat.N_TRIPLES) if chunk else b""
            if self.use_gsp:
                try:
                    self._send_gsp(graph, body, replace=index == 0)
                    continue
                except HttpError as exc:
                    if exc.status not in _GSP_MISSING or index > 0 or self.requests > 0:
                        raise
                    self.use_gsp = False  # this server has no Graph Store Protocol: use Update from now on
            self._send_update(graph, body, replace=index == 0)

    def _put_graph_bulk(self, graph: str, triples: list[Triple]) -> None:
        """Oxigraph only: drop the graph, then add it through the server's bulk loader (``no_transaction``).

        About twice as fast as a transactional PUT, but not atomic: a load that fails half-way leaves
        the graph partial until the next load (the count check afterwards reports it).
        """
        self._send_update(graph, b"", replace=True)
        for chunk in _chunks(triples, self.chunk_size):
            if chunk:
                url = f"{self.endpoints.gsp}?{urlencode({'graph': graph}, quote_via=quote)}&no_transaction"
                self.client.send("POST", url, serialize(chunk, format=RdfFormat.N_TRIPLES), _GRAPH_CONTENT_TYPE)
                self._count_request()

    def _send_gsp(self, graph: str, body: bytes, replace: bool) -> None:
        url = f"{self.endpoints.gsp}?{urlencode({'graph': graph}, quote_via=quote)}"
        self.client.send("PUT" if replace else "POST", url, body, _GRAPH_CONTENT_TYPE)
        self._count_request()

    def _send_update(self, graph: str, body: bytes, replace: bool) -> None:
        target = f"<{graph}>"
        drop = f"DROP SILENT GRAPH {target} ;\n" if replace else ""
        text = f"{drop}INSERT DATA {{ GRAPH {target} {{\n{body.decode('utf-8')}}} }}"
        if replace and not body:
            text = f"DROP SILENT GRAPH {target}"
        self.client.send(
            "POST", self.endpoints.update, text.encode("utf-8"), "application/sparql-update; charset=utf-8"
        )
        self._count_request()

    def _count_request(self) -> None:
        with self._lock:
            self.requests += 1

    def count_triples(self, graphs: list[str]) -> dict[str, int]:
        """Triples per graph as the server's query endpoint counts them (absent graphs: 0)."""
        counts = dict.fromkeys(graphs, 0)
        for start in range(0, len(graphs), 200):
            values = " ".join(f"<{g}>" for g in graphs[start : start + 200])
            query = (
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
            )
            answer = self.client.send("POST", self.endpoints.query, urlencode({"query": query}).encode("ascii"),
                                      "application/x-www-form-urlencoded", "application/sparql-results+json")  # fmt: skip
            counts.update(_parse_counts(answer, self.endpoints.query))
        return counts


def _parse_counts(answer: bytes, url: str) -> dict[str, int]:
    try:
        rows = json.loads(answer)["results"]["bindings"]
        return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    except (ValueError, KeyError, TypeError) as exc:
        raise GovkgError(f"{url}: unexpected answer to the count query ({type(exc).__name__})") from None


def _chunks(triples: list[Triple], size: int) -> Iterator[list[Triple]]:
    if not triples:
        yield []
    for start in range(0, len(triples), size):
        yield triples[start : start + size]


def read_graphs(source: Path) -> dict[str, list[Triple]]:
    """The named graphs of a graph file, a folder of them, or an embedded store."""
    if is_store(source):
        store = open_store(source, read_only=True)
        quads = store_quads(store)
        del store
    else:
        quads = read_quads(source)
    graphs = triples_by_graph(quads)
    return {_graph_iri(name, source): triples for name, triples in graphs.items()}


def _graph_iri(name: GraphName, source: Path) -> str:
    if not isinstance(name, NamedNode):
        raise GovkgError(f"{source}: has triples outside named graphs; load an .nq/.trig graph or a store")
    return name.value


def load(source: Path, endpoints: Endpoints, client: Client | None = None, chunk_size: int = DEFAULT_CHUNK,
         progress: Progress | None = None, jobs: int = DEFAULT_JOBS, bulk: bool = False) -> LoadSummary:  # fmt: skip
    """Push every named graph of ``source`` to the server, then verify the counts."""
    graphs = read_graphs(source)
    if not graphs:
        raise GovkgError(f"{source}: holds no named graphs to load")
    loader = Loader(endpoints, client or Client(Credentials.from_environment()), chunk_size, bulk)
    started = time.perf_counter()
    _send_all(loader, list(graphs.items()), jobs, progress)
    protocol = "oxigraph bulk loader" if bulk else "graph-store" if loader.use_gsp else "update"
    summary = LoadSummary({g: len(t) for g, t in graphs.items()}, protocol=protocol)
    summary.counted = loader.count_triples(list(graphs))
    summary.requests, summary.seconds = loader.requests, time.perf_counter() - started
    _check_counts(summary)
    return summary


def _send_all(loader: Loader, graphs: list[tuple[str, list[Triple]]], jobs: int, progress: Progress | None) -> None:
    """The first graph alone (it settles which protocol the server speaks), the rest ``jobs`` at a time."""
    (first, triples), rest = graphs[0], graphs[1:]
    loader.put_graph(first, triples)
    if progress is not None:
        progress(first, len(triples))
    # The server parses and indexes; sending graphs concurrently keeps its cores busy.
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(loader.put_graph, graph, triples) for graph, triples in rest]
        try:
            for future, (graph, triples) in zip(futures, rest, strict=True):
                future.result()
                if progress is not None:
                    progress(graph, len(triples))
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def _check_counts(summary: LoadSummary) -> None:
    wrong = [(g, n, summary.counted.get(g, 0)) for g, n in summary.graphs.items() if summary.counted.get(g, 0) != n]
    if wrong:
        graph, sent, found = wrong[0]
        raise GovkgError(
            f"verification failed for {len(wrong)} graphs, e.g. {graph}: sent {sent} triples, server has {found}"
        )
