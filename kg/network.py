"""The entity network of a built graph: the nodes and edges that viz and export draw.

Nodes are the named entities (one per IRI, merged over all reports) and the
reports themselves; edges are the relations between entities (gov:partOf,
gov:locatedIn …) and, lighter, "mentioned in" links from each entity to the
reports that mention it. Everything is read in one pass over the quads and
sorted, so the same graph always gives the same network.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import GovkgError
from kg.model import ENTITY_TYPES
from kg.rdf import namespaces as ns
from kg.rdf.load import read_quads
from kg.store import is_store, open_store, store_quads

REPORT_TYPE = "Report"
NODE_TYPES: tuple[str, ...] = (*ENTITY_TYPES, REPORT_TYPE)
MENTIONED_IN = "mentionedIn"
RELATION_KINDS = ("partOf", "partner", "locatedIn", "operatedBy", "investsIn", "memberOf", "hostedBy", "subordinateTo")

_TYPE = ns.RDF + "type"
_NODE_CLASSES = {ns.GOV + name: name for name in NODE_TYPES}
_RELATIONS = {ns.GOV + kind: kind for kind in RELATION_KINDS}


@dataclass
class Node:
    id: str  # the IRI
    type: str
    label: str = ""
    mentions: int = 0
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    sentence: str = ""  # one source sentence, for the tooltip
    reports: list[str] = field(default_factory=list)  # IRIs of reports mentioning it


@dataclass
class Edge:
    source: str
    target: str
    kind: str  # a relation kind or "mentionedIn"
    count: int = 1  # how many statements (reports, sentences) say it
    sentence: str = ""


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def keep(self, ids: Iterable[str]) -> Network:
        """The sub-network of the given nodes and the edges between them."""
        wanted = set(ids)
        nodes = {key: node for key, node in self.nodes.items() if key in wanted}
        edges = [e for e in self.edges if e.source in nodes and e.target in nodes]
        return Network(nodes, edges)

    def neighbours(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = defaultdict(list)
        for edge in self.edges:
            table[edge.source].append(edge.target)
            table[edge.target].append(edge.source)
        return table


# ---------------------------------------------------------------- reading


def load_network(path: Path) -> Network:
    return network_from_quads(read_graph(path))


def read_graph(path: Path) -> list[Quad]:
    """The quads of a graph file, a folder of them, or a store made by ``kg build --store``."""
    if is_store(path):
        # Its named graphs only: the default graph repeats their union, and would count every mention twice.
        return store_quads(open_store(path, read_only=True))
    return read_quads(path)


def network_from_quads(quads: Iterable[Quad]) -> Network:
    reader = _Reader()
    for quad in quads:
        reader.add(quad)
    return reader.network()


class _Reader:
    """Collects what the network needs from the quads, in one pass."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.definitions: dict[str, str] = {}
        self.mentions: Counter[str] = Counter()
        self.reports: dict[str, set[str]] = defaultdict(set)
        self.sources: dict[str, set[str]] = defaultdict(set)  # entity -> sentence IRIs
        self.sentence_text: dict[str, str] = {}
        self.sentence_order: dict[str, int] = {}
        self.titles: dict[str, str] = {}
        self.relations: Counter[tuple[str, str, str]] = Counter()
        self.statements: dict[str, dict[str, str]] = defaultdict(dict)  # reified relations

    def add(self, quad: Quad) -> None:
        s, p, o = quad.subject.value, quad.predicate.value, quad.object
        handler = _HANDLERS.get(p)
        if handler is not None:
            handler(self, s, o)
        elif p in _RELATIONS and isinstance(o, NamedNode):
            self.relations[(s, _RELATIONS[p], o.value)] += 1

    def network(self) -> Network:
        network = Network()
        for iri in sorted(self.types):
            network.nodes[iri] = self._node(iri)
        network.edges = self._relation_edges(network) + self._mention_edges(network)
        return network

    def _node(self, iri: str) -> Node:
        type_name = self.types[iri]
        labels = self.labels.get(iri)
        # The most common label across reports; ties go to the first in sort order.
        label = min(labels.items(), key=lambda item: (-item[1], item[0]))[0] if labels else _last_segment(iri)
        if type_name == REPORT_TYPE:
            label = self.titles.get(iri, label)
        return Node(
            id=iri,
            type=type_name,
            label=label,
            mentions=self.mentions[iri],
            aliases=sorted(self.aliases[iri] - {label}),
            definition=self.definitions.get(iri, ""),
            sentence=self._first_sentence(self.sources.get(iri, set())),
            reports=sorted(self.reports[iri]),
        )

    def _first_sentence(self, sentences: set[str]) -> str:
        if not sentences:
            return ""
        first = min(sentences, key=lambda iri: (iri.rsplit("/sentence/", 1)[0], self.sentence_order.get(iri, 0)))
        return self.sentence_text.get(first, "")

    def _relation_edges(self, network: Network) -> list[Edge]:
        evidence: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for iri, statement in self.statements.items():
            key = (statement.get("s", ""), _RELATIONS.get(statement.get("p", ""), ""), statement.get("o", ""))
            evidence[key].update(self.sources.get(iri, ()))
        edges = []
        for (s, kind, o), count in sorted(self.relations.items()):
            if s in network.nodes and o in network.nodes:
                sentence = self._first_sentence(evidence.get((s, kind, o), set()))
                edges.append(Edge(s, o, kind, count, sentence))
        return edges

    def _mention_edges(self, network: Network) -> list[Edge]:
        edges = []
        for entity in sorted(self.reports):
            if entity not in network.nodes or network.nodes[entity].type == REPORT_TYPE:
                continue
            for report in sorted(self.reports[entity]):
                if report in network.nodes:
                    edges.append(Edge(entity, report, MENTIONED_IN))
        return edges


def _on_type(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, NamedNode) and o.value in _NODE_CLASSES:
        reader.types[s] = _NODE_CLASSES[o.value]


def _on_label(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal):
        reader.labels[s][o.value] += 1


def _on_alias(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal):
        reader.aliases[s].add(o.value)


def _on_definition(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal):
        reader.definitions.setdefault(s, o.value)


def _on_mention_count(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal) and o.value.isdigit():
        reader.mentions[s] += int(o.value)  # one count per report graph: the sum is the corpus total


def _on_mentioned_in(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, NamedNode):
        reader.reports[s].add(o.value)


def _on_derived_from(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, NamedNode):
        reader.sources[s].add(o.value)


def _on_text(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal):
        reader.sentence_text[s] = o.value


def _on_order(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal) and o.value.isdigit():
        reader.sentence_order[s] = int(o.value)


def _on_title(reader: _Reader, s: str, o: object) -> None:
    if isinstance(o, Literal):
        reader.titles[s] = o.value


def _statement_part(part: str) -> Callable[[_Reader, str, object], None]:
    def handler(reader: _Reader, s: str, o: object) -> None:
        if isinstance(o, NamedNode):
            reader.statements[s][part] = o.value

    return handler


_HANDLERS = {
    _TYPE: _on_type,
    ns.RDFS + "label": _on_label,
    ns.SKOS + "altLabel": _on_alias,
    ns.SKOS + "definition": _on_definition,
    ns.GOV + "mentionCount": _on_mention_count,
    ns.GOV + "mentionedIn": _on_mentioned_in,
    ns.PROV + "wasDerivedFrom": _on_derived_from,
    ns.GOV + "text": _on_text,
    ns.GOV + "order": _on_order,
    ns.DCT + "title": _on_title,
    ns.RDF + "subject": _statement_part("s"),
    ns.RDF + "predicate": _statement_part("p"),
    ns.RDF + "object": _statement_part("o"),
}


def _last_segment(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1])


# ---------------------------------------------------------------- selecting


def select(
    network: Network,
    types: Iterable[str] | None = None,
    report: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    top: int | None = None,
) -> Network:
    """Narrow the network: by node type, to one report, around a focus entity, to the top N."""
    if types:
        network = by_types(network, types)
    if report:
        network = by_report(network, report)
    if focus:
        network = around(network, focus, depth)
    if top is not None:
        network = most_mentioned(network, top)
    return network


def by_types(network: Network, types: Iterable[str]) -> Network:
    known = {name.lower(): name for name in NODE_TYPES}
    wanted = set()
    for name in types:
        if name.strip().lower() not in known:
            raise GovkgError(f"unknown type {name!r}; use some of {', '.join(NODE_TYPES)}")
        wanted.add(known[name.strip().lower()])
    return network.keep(key for key, node in network.nodes.items() if node.type in wanted)


def by_report(network: Network, report: str) -> Network:
    """Only the given report (its id, file stem or IRI) and what it mentions."""
    reports = {n.id for n in network.nodes.values() if n.type == REPORT_TYPE}
    candidates = [report] if report.startswith(ns.REPORT) else [ns.report_iri(report), ns.report_iri(Path(report).stem)]
    iri = next((c for c in candidates if c in reports), None)
    if iri is None:
        known = ", ".join(sorted(unquote(r.removeprefix(ns.REPORT)) for r in reports)[:10])
        raise GovkgError(f"no report {report!r} in the graph; reports: {known or 'none'}")
    return network.keep(key for key, node in network.nodes.items() if key == iri or iri in node.reports)


def around(network: Network, focus: str, depth: int) -> Network:
    """The focus entity and everything within ``depth`` links; reports are reached but not passed through."""
    if depth < 0:
        raise GovkgError("--depth must be 0 or more")
    seeds = find_nodes(network, focus)
    neighbours = network.neighbours()
    distance = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        current = queue.popleft()
        if distance[current] >= depth or (network.nodes[current].type == REPORT_TYPE and current not in seeds):
            continue
        for other in sorted(neighbours.get(current, [])):
            if other not in distance:
                distance[other] = distance[current] + 1
                queue.append(other)
    return network.keep(distance)


def find_nodes(network: Network, name: str) -> list[str]:
    """Nodes whose label or alias is ``name``; failing that, whose label contains it."""
    wanted = ns.name_key(name)
    exact = [n.id for n in network.nodes.values() if wanted in {ns.name_key(x) for x in (n.label, *n.aliases)}]
    if exact:
        return sorted(exact)
    partial = [n.id for n in network.nodes.values() if wanted and wanted in ns.name_key(n.label)]
    if not partial:
        raise GovkgError(f"no entity named {name!r} in the graph")
    return sorted(partial)


def most_mentioned(network: Network, count: int) -> Network:
    """The ``count`` most-mentioned entities, with the reports that mention them."""
    if count < 1:
        raise GovkgError("--top must be 1 or more")
    entities = [n for n in network.nodes.values() if n.type != REPORT_TYPE]
    chosen = sorted(entities, key=lambda n: (-n.mentions, n.label, n.id))[:count]
    keep = {n.id for n in chosen}
    keep.update(r for n in chosen for r in n.reports)
    return network.keep(keep)


# ---------------------------------------------------------------- labels


def ontology_labels() -> dict[str, str]:
    """Chinese labels of the ontology's classes and properties, by local name (企业, 位于 …)."""
    path = Path(__file__).resolve().parent / "ontology" / "govkg.ttl"
    if not path.is_file():
        path = Path(str(resources.files("kg") / "ontology" / "govkg.ttl"))
    labels: dict[str, str] = {}
    for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        obj = triple.object
        if (
            triple.predicate.value == ns.RDFS + "label"
            and isinstance(obj, Literal)
            and obj.language == "zh"
            and triple.subject.value.startswith(ns.GOV)
        ):
            labels[triple.subject.value.removeprefix(ns.GOV)] = obj.value
    return labels
