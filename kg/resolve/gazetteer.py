"""The administrative hierarchy above the places a corpus names.

``kg/resources/admin_divisions.tsv`` lists divisions with their parents; a
Place node whose label is a listed name, a listed short form or a
parent+child compound (保定市满城区) is linked up the chain with
``gov:partOf`` (满城区 → 保定市 → 河北省 → 中华人民共和国). The links live in
a graph of their own, since no single report states them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf import namespaces as ns

GAZETTEER_GRAPH = ns.GRAPH + "gazetteer"


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    parent: str
    level: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    divisions: dict[str, Division]
    aliases: dict[str, str]  # short form → full name, only where the short form is unambiguous

    def lookup(self, label: str) -> Division | None:
        """The division a place name stands for, or None."""
        name = self.aliases.get(label, label)
        if name in self.divisions:
            return self.divisions[name]
        return self._compound(label)

    def _compound(self, label: str) -> Division | None:
        # 保定市满城区 / 哈尔滨市平房区: a listed parent followed by a listed child of it.
        for cut in range(2, len(label) - 1):
            outer, inner = self.lookup_plain(label[:cut]), self.lookup_plain(label[cut:])
            if outer and inner and outer.name in self.ancestors(inner):
                return inner
        return None

    def lookup_plain(self, label: str) -> Division | None:
        return self.divisions.get(self.aliases.get(label, label))

    def ancestors(self, division: Division) -> list[str]:
        chain: list[str] = []
        parent = division.parent
        while parent and parent in self.divisions and parent not in chain:
            chain.append(parent)
            parent = self.divisions[parent].parent
        return chain


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    text = resources.files("kg").joinpath("resources", "admin_divisions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    divisions: dict[str, Division] = {}
    short: dict[str, set[str]] = {}
    for name, parent, level, aliases in (row + [""] * (4 - len(row)) for row in rows[1:]):
        divisions[name] = Division(name, parent, level)
        for alias in filter(None, aliases.split(",")):
            short.setdefault(alias, set()).add(name)
    unique = {alias: next(iter(names)) for alias, names in short.items() if len(names) == 1}
    return Gazetteer(divisions, {a: n for a, n in sorted(unique.items()) if a not in divisions})


def division_iri(name: str) -> str:
    """The node of a listed division: the Place IRI of its full name."""
    return ns.entity_iri("Place", name)


def hierarchy_quads(places: dict[str, str]) -> list[Quad]:
    """``gov:partOf`` links from each place (IRI → label) up to the country.

    A place written another way (中国, 保定市满城区) is also ``skos:exactMatch``
    the node of the division's full name, so the corpus can be read by division.
    """
    table = gazetteer()
    graph = NamedNode(GAZETTEER_GRAPH)
    part_of, label = NamedNode(ns.GOV + "partOf"), NamedNode(ns.RDFS + "label")
    exact = NamedNode(ns.SKOS + "exactMatch")
    quads: set[Quad] = set()
    for iri, name in places.items():
        division = table.lookup(name)
        if division is None:
            continue
        child = NamedNode(iri)
        canonical = NamedNode(division_iri(division.name))
        if canonical != child:
            quads.add(Quad(child, exact, canonical, graph))
            quads.add(Quad(canonical, label, Literal(division.name, language="zh"), graph))
            parent = table.ancestors(division)[:1]
            if parent:
                quads.add(Quad(canonical, part_of, NamedNode(division_iri(parent[0])), graph))
        for parent in table.ancestors(division):
            parent_node = NamedNode(division_iri(parent))
            if parent_node != child:
                quads.add(Quad(child, part_of, parent_node, graph))
                quads.add(Quad(parent_node, label, Literal(parent, language="zh"), graph))
            child = parent_node
    return sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
