"""``kg serve``: a local SPARQL 1.1 Protocol endpoint and a small query page.

``/sparql`` (also ``/query``) answers GET ``?query=`` and POST (form or
``application/sparql-query``) with content negotiation; ``/`` is a page with
a query editor, the example queries of ``examples/queries`` (read at each
request, so new ones show up without a restart) and a results table;
``/network?query=`` draws the entities a result names as a network.

Queries see the set union of the report graphs as their default graph and the
prefixes of ``kg.rdf.namespaces.QUERY_PREFIXES`` are predeclared, as in
``kg query``. The store is only read: the endpoint has no update operation.
Report text is untrusted, so the page puts result values into the DOM as
text only, and every page forbids loading anything from elsewhere.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
)

from kg.errors import GovkgError
from kg.network import Network, network_from_quads
from kg.query import open_store
from kg.rdf import namespaces as ns
from kg.store import store_quads
from kg.viz import render_html, script_json

MAX_BODY = 1 << 20  # bytes; a query longer than this is refused
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "queries"

# Media types offered, best first, per kind of result.
_RESULT_TYPES: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
_GRAPH_TYPES: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
# ?format= shortcuts for browsers and curl users.
_FORMAT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                 "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
                 "jsonld": "application/ld+json"}  # fmt: skip
_PAGE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:"
)
_MEDIA_RANGE = re.compile(r"^\s*([^;\s]+)\s*(.*)$")


class QueryError(GovkgError):
    """A query the endpoint answers with 400."""


@dataclass
class Endpoint:
    """The store and what is derived from it once (the store is read-only, so it never goes stale)."""

    store: Store
    examples: Path = EXAMPLES
    _network: Network | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _union: bool | None = None

    def query(self, text: str) -> object:
        if self._union is None:
            # As in kg query: the default graph holds the set union of the report graphs when the
            # store was built or loaded that way; only an older store without it gets the
            # on-the-fly union (which counts a triple once per graph stating it).
            self._union = next(iter(self.store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None
        try:
            return self.store.query(text, prefixes=ns.QUERY_PREFIXES, use_default_graph_as_union=self._union)
        except SyntaxError as exc:
            raise QueryError(f"query syntax error: {_one_line(exc)}") from None
        except (OSError, ValueError) as exc:
            raise QueryError(f"query failed: {_one_line(exc)}") from None

    def network(self) -> Network:
        with self._lock:
            if self._network is None:
                self._network = network_from_quads(store_quads(self.store))
            return self._network


def answer(endpoint: Endpoint, text: str, accept: str, format_name: str = "") -> tuple[str, bytes]:
    """Run a query and serialise its result as the client asked; returns (content type, body)."""
    result = endpoint.query(text)
    if format_name:
        if format_name.lower() not in _FORMAT_NAMES:
            raise QueryError(f"unknown format {format_name!r}; use one of {', '.join(sorted(_FORMAT_NAMES))}")
        accept = _FORMAT_NAMES[format_name.lower()]
    if isinstance(result, QuerySolutions | QueryBoolean):
        media = negotiate(accept, list(_RESULT_TYPES))
        return media, result.serialize(format=_RESULT_TYPES[media])
    media = negotiate(accept, list(_GRAPH_TYPES))
    return media, result.serialize(format=_GRAPH_TYPES[media]) or b""


class NotAcceptable(GovkgError):
    pass


def negotiate(accept: str, offered: list[str]) -> str:
    """The offered media type the Accept header likes best (ties: the server's order)."""
    if not accept.strip():
        return offered[0]
    best: tuple[float, int, str] | None = None
    for position, item in enumerate(accept.split(",")):
        match = _MEDIA_RANGE.match(item)
        if not match:
            continue
        media, params = match.group(1).lower(), match.group(2)
        quality = _quality(params)
        chosen = _first_matching(media, offered)
        if chosen is None or quality <= 0:
            continue
        candidate = (-quality, offered.index(chosen) if "*" in media else position, chosen)
        best = candidate if best is None or candidate < best else best
    if best is None:
        raise NotAcceptable(f"none of the media types asked for is offered: {', '.join(offered)}")
    return best[2]


def _quality(params: str) -> float:
    found = re.search(r"q\s*=\s*([0-9.]+)", params)
    try:
        return float(found.group(1)) if found else 1.0
    except ValueError:
        return 0.0


def _first_matching(media: str, offered: list[str]) -> str | None:
    if media == "*/*":
        return offered[0]
    if media.endswith("/*"):
        return next((o for o in offered if o.startswith(media[:-1])), None)
    return media if media in offered else None


def example_queries(folder: Path) -> list[dict[str, str]]:
    """Every ``*.rq`` file: its name, its first comment line (the description) and its text."""
    if not folder.is_dir():
        return []
    examples = []
    for path in sorted(folder.glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # one unreadable file must not take the page down
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        description = first.lstrip("#").strip() if first.startswith("#") else ""
        examples.append({"name": path.stem, "description": description, "query": text})
    return examples


def query_page(examples: list[dict[str, str]]) -> bytes:
    template = resources.files("kg").joinpath("web/query.html").read_text(encoding="utf-8")
    return template.replace("/*@EXAMPLES@*/", script_json(examples)).encode("utf-8")


def result_network(endpoint: Endpoint, text: str) -> Network:
    """The entities (and reports) a query result names, by IRI or by label, with the edges between them."""
    result = endpoint.query(text)
    iris: set[str] = set()
    labels: set[str] = set()
    if isinstance(result, QuerySolutions):
        for row in result:
            for term in row:
                _collect(term, iris, labels)
    elif not isinstance(result, QueryBoolean):
        for triple in result:
            for term in (triple.subject, triple.object):
                _collect(term, iris, labels)
    network = endpoint.network()
    return network.keep(key for key, node in network.nodes.items() if key in iris or node.label in labels)


def _collect(term: object, iris: set[str], labels: set[str]) -> None:
    if isinstance(term, NamedNode):
        iris.add(term.value)
    elif isinstance(term, Literal):
        labels.add(term.value)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:500] or type(exc).__name__


class Handler(BaseHTTPRequestHandler):
    """Routes: / (page), /sparql and /query (protocol), /network (view), /examples (JSON)."""

    endpoint: Endpoint
    server_version = "govkg"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would drown the terminal; errors go back to the client

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        self._route(url.path, params)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body))
        elif url.path in {"/sparql", "/query"}:
            self._send_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/sparql-query or a form")
            return
        self._route(url.path, params)

    def _route(self, path: str, params: dict[str, list[str]]) -> None:
        try:
            if path == "/":
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", query_page(self._examples()), _PAGE_CSP)
            elif path == "/examples":
                self._send(HTTPStatus.OK, "application/json", json.dumps(self._examples(), ensure_ascii=False).encode())
            elif path in {"/sparql", "/query"}:
                self._sparql(params)
            elif path == "/network":
                self._network(params)
            else:
                self._send_text(HTTPStatus.NOT_FOUND, f"no page {path}")
        except NotAcceptable as exc:
            self._send_text(HTTPStatus.NOT_ACCEPTABLE, str(exc))
        except GovkgError as exc:
            self._send_text(HTTPStatus.BAD_REQUEST, str(exc))

    def _examples(self) -> list[dict[str, str]]:
        return example_queries(self.endpoint.examples)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        text = _single(params, "query")
        media, body = answer(self.endpoint, text, self.headers.get("Accept") or "", _single(params, "format", ""))
        self._send(HTTPStatus.OK, f"{media}; charset=utf-8" if media.startswith("text/") else media, body)

    def _network(self, params: dict[str, list[str]]) -> None:
        network = result_network(self.endpoint, _single(params, "query"))
        page = render_html(network, f"govkg: {len(network.nodes)} nodes from a query").encode("utf-8")
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", page, _PAGE_CSP)

    def _send_text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, csp: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _single(params: dict[str, list[str]], name: str, default: str | None = None) -> str:
    values = params.get(name, [])
    if len(values) > 1:
        raise QueryError(f"give one {name} parameter, not {len(values)}")
    if not values or not values[0].strip():
        if default is not None:
            return default
        raise QueryError(f"missing {name} parameter")
    return values[0]


def make_server(endpoint: Endpoint, host: str, port: int) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise GovkgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    return server


def open_endpoint(store_dir: Path | None, data: Path | None, examples: Path | None = None) -> Endpoint:
    return Endpoint(open_store(data=data, store_dir=store_dir), examples or EXAMPLES)
