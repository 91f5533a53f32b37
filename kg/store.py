"""The embedded triple store: a persistent pyoxigraph (RocksDB) store on disk.

Every report lives in its own named graph, and the default graph holds their
set union (so a query needs no GRAPH clause, and a triple stated by ninety
reports matches once, not ninety times). Storing a report replaces its graph
and updates the union in ONE SPARQL Update request (``DELETE`` what only this
graph stated from the union, ``DROP SILENT GRAPH <g>``, ``INSERT DATA``, copy
into the union): Oxigraph evaluates a whole update request inside one storage
transaction, so a rebuilt report leaves no duplicates and no orphan triples
from its previous version, and a process killed mid-way leaves each graph
either whole (old or new) or absent, never half-written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, QuerySolutions, RdfFormat, Store, Triple, serialize

from kg.errors import GovkgError
from kg.rdf.load import read_quads
from kg.rdf.serialize import DATASET_FORMATS, FORMATS, format_for

GraphName = NamedNode | BlankNode | DefaultGraph
# Called after each graph is committed, with its IRI and triple count.
Progress = Callable[[str, int], None]

_COUNT_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def is_store(path: Path) -> bool:
    """A RocksDB folder (as pyoxigraph writes it) rather than a folder of graph files."""
    return path.is_dir() and (path / "CURRENT").is_file()


def open_store(path: Path, read_only: bool = False) -> Store:
    """Open (or create) the store at ``path``; errors become one-line GovkgErrors."""
    if path.exists() and not path.is_dir():
        raise GovkgError(f"{path}: a store must be a folder, not a file")
    if read_only and not is_store(path):
        raise GovkgError(f"{path}: not a triple store folder")
    try:
        return Store.read_only(str(path)) if read_only else Store(str(path))
    except OSError as exc:
        # The usual cause is another process holding the RocksDB lock.
        raise GovkgError(f"{path}: cannot open store: {_first_line(exc)}") from None


def triples_by_graph(quads: Iterable[Quad]) -> dict[GraphName, list[Triple]]:
    """Group quads by graph name, dropping repeated triples (a graph is a set)."""
    graphs: dict[GraphName, dict[Triple, None]] = defaultdict(dict)
    for quad in quads:
        graphs[quad.graph_name].setdefault(quad.triple, None)
    return {name: list(triples) for name, triples in sorted(graphs.items(), key=lambda kv: str(kv[0]))}


def replace_graph(store: Store, graph: NamedNode, triples: list[Triple]) -> None:
    """Replace the whole content of ``graph`` with ``triples``, and keep the union current, atomically."""
    body = serialize(triples, format=RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
    try:
        store.update(_REPLACE.format(graph=str(graph), body=body))
    except (OSError, SyntaxError, ValueError) as exc:
        raise GovkgError(f"cannot store graph {graph.value}: {_first_line(exc)}") from None


# One update request = one transaction. The default graph is kept as the set union of the
# report graphs (what queries read, as in kg.query): a triple leaves it only when no other
# graph states it; each operation sees the writes of the ones before it.
_REPLACE = """DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH {graph} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }}
}} ;
DROP SILENT GRAPH {graph} ;
INSERT DATA {{ GRAPH {graph} {{
{body}}} }} ;
INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"""


def replace_report_graphs(store_dir: Path, quads: Iterable[Quad], progress: Progress | None = None) -> dict[str, int]:
    """Store each report's named graph, replacing its earlier version; returns triples per graph."""
    graphs = triples_by_graph(quads)
    store = open_store(store_dir)
    counts: dict[str, int] = {}
    try:
        _store_graphs(store, graphs, counts, progress)
        store.flush()
    finally:
        del store  # release the RocksDB lock now, not at garbage collection
    return counts


def _store_graphs(
    store: Store, graphs: dict[GraphName, list[Triple]], counts: dict[str, int], progress: Progress | None
) -> None:
    unnamed = [name for name in graphs if not isinstance(name, NamedNode)]
    if unnamed:
        raise GovkgError(f"{len(graphs[unnamed[0]])} triples are outside any named report graph; not stored")
    for graph, triples in graphs.items():
        assert isinstance(graph, NamedNode)  # checked above; narrows the type
        replace_graph(store, graph, triples)
        counts[graph.value] = len(triples)
        if progress is not None:
            progress(graph.value, len(triples))


def check_store_output(output: Path) -> None:
    """Fail before building when the graph file would lose the named graphs the store needs."""
    if format_for(output) not in DATASET_FORMATS:
        names = " ".join(sorted(ext for ext, fmt in FORMATS.items() if fmt in DATASET_FORMATS))
        raise GovkgError(f"{output}: --store needs an output format that keeps named graphs ({names})")


def store_graph_file(store_dir: Path, graph_file: Path, progress: Progress | None = None) -> dict[str, int]:
    """Put every named graph of a graph file (or folder of them) into the store."""
    return replace_report_graphs(store_dir, read_quads(graph_file), progress)


def graph_counts(store: Store) -> dict[str, int]:
    """Triples per named graph, by IRI (blank-node graph names are left out)."""
    counts: dict[str, int] = {}
    solutions = store.query(_COUNT_QUERY)
    assert isinstance(solutions, QuerySolutions)
    for row in solutions:
        graph, count = row["g"], row["n"]
        if isinstance(graph, NamedNode) and count is not None:
            counts[graph.value] = int(count.value)
    return dict(sorted(counts.items()))


def store_quads(store: Store) -> list[Quad]:
    """Every quad of the store in its named graphs, sorted (deterministic output)."""
    quads = [quad for quad in store if isinstance(quad.graph_name, NamedNode)]
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
