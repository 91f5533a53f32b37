"""SPARQL over built graphs: SELECT, ASK, CONSTRUCT and DESCRIBE with pyoxigraph.

Graph files are loaded into an in-memory store; a persistent store made by
``kg build --store`` is opened read-only. A query needs no GRAPH clause: its
default graph is the union of the named graphs (one per report), while
``GRAPH ?g { … }`` still reaches each report on its own.

For loaded files that union is materialised once, as a set, in the store's
default graph: pyoxigraph's on-the-fly union (``use_default_graph_as_union``)
is a bag, so a triple stated by ninety reports (an indicator's label) would
match ninety times and multiply every join through it. A persistent store
whose default graph is empty is queried with the on-the-fly union. The
prefixes of :data:`kg.rdf.namespaces.QUERY_PREFIXES` are predeclared; a query
may redeclare any of them.

>>> store = open_store(data=Path("out/pingfang-2020.ttl"))  # doctest: +SKIP
>>> result = run_query(store, "SELECT ?t WHERE { ?r a gov:Report ; dct:title ?t }")  # doctest: +SKIP
>>> print(format_result(result, "table"))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
)

from kg.errors import GovkgError
from kg.rdf import namespaces as ns
from kg.rdf.load import read_quads
from kg.store import is_store
from kg.store import open_store as open_store_folder

SELECT_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("turtle", "nt", "jsonld")
FORMATS = SELECT_FORMATS + GRAPH_FORMATS
QUERY_SUFFIXES = (".rq", ".sparql", ".txt")

# Shown in tables only (never predeclared in queries): report-local IRIs are long.
_DISPLAY_PREFIXES: dict[str, str] = {**ns.QUERY_PREFIXES, "report": ns.REPORT, "graph": ns.GRAPH}
_GRAPH_RDF_FORMATS = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}
_MERGE_NAMED_GRAPHS = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_ERROR_POSITION = re.compile(r"error at (\d+):(\d+):?\s*")

Term = NamedNode | BlankNode | Literal | Triple | None


@dataclass
class QueryResult:
    """A materialised result: rows for SELECT, a boolean for ASK, triples for graphs."""

    kind: str  # select / ask / graph
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term]] = field(default_factory=list)
    boolean: bool = False
    triples: list[Triple] = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "ask":
            return int(self.boolean)
        return len(self.rows) if self.kind == "select" else len(self.triples)


def read_query(query_or_file: str) -> str:
    """The query text: the argument itself, a file's contents, or stdin for ``-``."""
    if query_or_file == "-":
        return sys.stdin.read()
    path = Path(query_or_file)
    looks_like_file = "{" not in query_or_file and "\n" not in query_or_file
    if looks_like_file and path.is_file():
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GovkgError(f"{path}: cannot read query: {exc}") from None
    if looks_like_file and path.suffix.lower() in QUERY_SUFFIXES:
        raise GovkgError(f"{path}: no such query file")
    if not query_or_file.strip():
        raise GovkgError("empty query")
    return query_or_file


def open_store(
    data: Path | None = None, store_dir: Path | None = None, progress: Callable[[str], None] | None = None
) -> Store:
    """An in-memory store holding ``data`` (file or folder), or the persistent store at ``store_dir``."""
    if (data is None) == (store_dir is None):
        raise GovkgError("give exactly one of --data GRAPH_FILE_OR_FOLDER or --store DIR")
    if store_dir is not None:
        return open_persistent(store_dir)
    assert data is not None
    if is_store(data):  # --data given a store folder: just open it
        return open_persistent(data)
    quads = read_quads(data)
    if progress:
        progress(f"loaded {len(quads):,} quads from {data}")
    return store_for(quads)


def store_for(quads: Iterable[Quad]) -> Store:
    """An in-memory store holding ``quads``, with the set union of its named graphs as its default graph."""
    store = Store()
    store.bulk_extend(quads)
    store.update(_MERGE_NAMED_GRAPHS)
    return store


def open_persistent(store_dir: Path) -> Store:
    if not store_dir.is_dir():
        raise GovkgError(f"{store_dir}: no such store folder (build one with kg build --store)")
    return open_store_folder(store_dir, read_only=True)


def run_query(store: Store, query: str) -> QueryResult:
    """Run ``query`` over the union of all report graphs and materialise the result."""
    try:
        union = not _has_default_graph(store)
        answer = store.query(query, prefixes=ns.QUERY_PREFIXES, use_default_graph_as_union=union)
        return _materialise(answer)
    except SyntaxError as exc:
        raise GovkgError(f"query syntax error: {_describe_syntax_error(str(exc))}") from None
    except (OSError, ValueError) as exc:
        raise GovkgError(f"query failed: {exc}") from None


def _has_default_graph(store: Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None


def _materialise(answer: object) -> QueryResult:
    if isinstance(answer, QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [[solution[name] for name in variables] for solution in answer]
        return QueryResult("select", variables=variables, rows=rows)
    return QueryResult("graph", triples=list(answer))  # QueryTriples


def _describe_syntax_error(message: str, limit: int = 240) -> str:
    """One line: the position first, then what the parser expected (long lists of characters cut)."""
    match = _ERROR_POSITION.search(message)
    position = ""
    if match:
        line, column = match.groups()
        position = f"line {line}, column {column}: "
        message = message[: match.start()] + message[match.end() :]
    text = " ".join(message.split())
    return position + (text if len(text) <= limit else text[: limit - 1] + "…")


# ---------------------------------------------------------------- output


def format_result(result: QueryResult, output_format: str = "table", max_width: int = 60) -> str:
    """The result as text in ``output_format`` (see :data:`FORMATS`)."""
    if output_format not in FORMATS:
        raise GovkgError(f"unknown format {output_format!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        return _format_graph(result, output_format)
    if output_format in GRAPH_FORMATS:
        raise GovkgError(f"--format {output_format} is for CONSTRUCT/DESCRIBE; use one of {', '.join(SELECT_FORMATS)}")
    if output_format == "json":
        return json.dumps(sparql_json(result), ensure_ascii=False, indent=1) + "\n"
    if result.kind == "ask":
        return _format_ask(result, output_format)
    if output_format == "table":
        return format_table(result.variables, [[display(t) for t in row] for row in result.rows], max_width)
    return _format_delimited(result, "," if output_format == "csv" else "\t")


def _format_graph(result: QueryResult, output_format: str) -> str:
    if output_format in ("csv", "tsv", "json"):
        raise GovkgError(f"CONSTRUCT/DESCRIBE give a graph; use --format {'|'.join(GRAPH_FORMATS)}")
    rdf_format = _GRAPH_RDF_FORMATS.get(output_format, RdfFormat.TURTLE)
    triples = sorted(set(result.triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    prefixes = ns.PREFIXES if rdf_format == RdfFormat.TURTLE else None
    return pyoxigraph.serialize(triples, format=rdf_format, prefixes=prefixes).decode("utf-8")


def _format_ask(result: QueryResult, output_format: str) -> str:
    value = "true" if result.boolean else "false"
    if output_format == "table":
        return value + "\n"
    return f"boolean\n{value}\n"


def _format_delimited(result: QueryResult, delimiter: str) -> str:
    """SPARQL 1.1 CSV (plain values) or TSV (RDF term syntax)."""
    buffer = io.StringIO()
    if delimiter == ",":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([[_plain(t) for t in row] for row in result.rows])
        return buffer.getvalue()
    lines = ["\t".join("?" + v for v in result.variables)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def _plain(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return "_:" + term.value
    if isinstance(term, NamedNode | Literal):
        return term.value
    return str(term)


def sparql_json(result: QueryResult) -> dict[str, object]:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return {"head": {}, "boolean": result.boolean}
    bindings = [
        {name: _json_term(term) for name, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != ns.XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    assert isinstance(term, Triple)
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def display(term: Term) -> str:
    """A short readable form: literal values bare, IRIs as decoded prefixed names."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return "_:" + term.value
    if isinstance(term, NamedNode):
        return compact_iri(term.value)
    return str(term)


def compact_iri(iri: str) -> str:
    best = ""
    for prefix, namespace in _DISPLAY_PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(_DISPLAY_PREFIXES.get(best, "")):
            best = prefix
    if not best:
        return unquote(iri)
    return f"{best}:{unquote(iri[len(_DISPLAY_PREFIXES[best]) :])}"


# ---------------------------------------------------------------- aligned table


def text_width(text: str) -> int:
    """Terminal columns: wide and fullwidth (CJK) characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def truncate(text: str, max_width: int) -> str:
    text = " ".join(text.split())  # a cell is one line
    if max_width <= 0 or text_width(text) <= max_width:
        return text
    out, width = [], 0
    for ch in text:
        step = text_width(ch)
        if width + step > max_width - 1:
            break
        out.append(ch)
        width += step
    return "".join(out) + "…"


def format_table(headers: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    """An aligned plain-text table; cells wider than ``max_width`` columns are cut with …"""
    cells = [[truncate(c, max_width) for c in row] for row in [headers, *rows]]
    widths = [max((text_width(row[i]) for row in cells), default=0) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        padded = [cell + " " * (widths[i] - text_width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(padded).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
