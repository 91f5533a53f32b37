"""Stage 5: a Document becomes quads in the report's own named graph.

Quads are built as pyoxigraph terms (fast) and sorted before writing, so
the same input always gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from kg.ingest import display_name
from kg.model import Document, Entity, Observation, Relation, Sentence
from kg.rdf import namespaces as ns

_TYPE = NamedNode(ns.RDF + "type")
_XSD_INT = NamedNode(ns.XSD + "integer")
_XSD_DEC = NamedNode(ns.XSD + "decimal")
_XSD_YEAR = NamedNode(ns.XSD + "gYear")
_XSD_DATE = NamedNode(ns.XSD + "date")


def gov(name: str) -> NamedNode:
    return NamedNode(ns.GOV + name)


def term(namespace: str, name: str) -> NamedNode:
    return NamedNode(namespace + name)


def zh(text: str) -> Literal:
    return Literal(text, language="zh")


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_XSD_INT)


def decimal(value: float | str) -> Literal:
    return Literal(format_decimal(value), datatype=_XSD_DEC)


def format_decimal(value: float | str) -> str:
    """Canonical xsd:decimal lexical form (what stores write back): 7.0, 18.1, 0.05."""
    text = format(Decimal(str(value)), "f")
    if "." in text:
        text = text.rstrip("0")
    return text + "0" if text.endswith(".") else (text if "." in text else text + ".0")


class GraphWriter:
    """Collects the quads of one report's named graph."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.graph = NamedNode(ns.graph_iri(doc.id))
        self.report = NamedNode(ns.report_iri(doc.id))
        self.quads: list[Quad] = []

    def add(self, subject: NamedNode, predicate: NamedNode, obj: NamedNode | Literal) -> None:
        self.quads.append(Quad(subject, predicate, obj, self.graph))

    def sentence(self, index: int) -> NamedNode:
        return NamedNode(f"{self.report.value}/sentence/{index}")

    def section(self, index: int) -> NamedNode:
        return NamedNode(f"{self.report.value}/section/{index}")

    def entity(self, entity: Entity) -> NamedNode:
        return NamedNode(entity_node_iri(self.doc, entity))


def entity_node_iri(doc: Document, entity: Entity) -> str:
    if entity.type == "GlossaryTerm":
        return f"{ns.report_iri(doc.id)}/term/{ns.segment(entity.key)}"
    return ns.entity_iri(entity.type, entity.key, entity.scope)


# Builders registered in order; each adds one part of the graph.
Builder = Callable[[GraphWriter], None]
BUILDERS: list[Builder] = []


def builder(function: Builder) -> Builder:
    BUILDERS.append(function)
    return function


def build_quads(doc: Document) -> list[Quad]:
    writer = GraphWriter(doc)
    for build in BUILDERS:
        build(writer)
    return sorted(set(writer.quads), key=_sort_key)


def _sort_key(quad: Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


@builder
def _report(w: GraphWriter) -> None:
    meta, r = w.doc.meta, w.report
    w.add(r, _TYPE, gov("Report"))
    w.add(r, _TYPE, term(ns.PROV, "Entity"))
    w.add(r, term(ns.DCT, "identifier"), Literal(w.doc.id))
    w.add(r, term(ns.DCT, "language"), Literal("zh"))
    w.add(r, term(ns.DCT, "format"), Literal(meta.media_type))
    if meta.title:
        w.add(r, term(ns.DCT, "title"), zh(meta.title))
        w.add(r, term(ns.RDFS, "label"), zh(meta.title))
    if meta.year:
        w.add(r, gov("year"), Literal(f"{meta.year:04d}", datatype=_XSD_YEAR))
    if meta.date:
        w.add(r, term(ns.DCT, "date"), Literal(meta.date, datatype=_XSD_DATE))
    if meta.level:
        w.add(r, gov("level"), zh(meta.level))
    for field, prop in (("meeting", "meeting"), ("role", "speakerRole"), ("speaker", "speakerName")):
        value = getattr(meta, field)
        if value:
            w.add(r, gov(prop), zh(value))
    if meta.source:
        w.add(r, term(ns.DCT, "publisher"), zh(meta.source))
    if meta.encoding:
        w.add(r, gov("sourceEncoding"), Literal(meta.encoding))
    if w.doc.content_hash:
        w.add(r, gov("contentHash"), Literal("sha256:" + w.doc.content_hash))
    if w.doc.path is not None:
        w.add(r, gov("sourceFile"), Literal(display_name(w.doc.path)))
    w.add(r, gov("characterCount"), integer(len(w.doc.text)))
    for warning in w.doc.warnings:
        w.add(r, gov("buildWarning"), Literal(warning))
    place = _report_place(w)
    if place is not None:
        w.add(r, term(ns.DCT, "spatial"), place)
    speaker = _entity_by_label(w, "Person", meta.speaker)
    if speaker is not None:
        w.add(r, gov("speaker"), speaker)


def _report_place(w: GraphWriter) -> NamedNode | None:
    return _entity_by_label(w, "Place", w.doc.meta.place)


def _entity_by_label(w: GraphWriter, type_name: str, label: str) -> NamedNode | None:
    if not label:
        return None
    for entity in w.doc.entities:
        if entity.type == type_name and (entity.label == label or label in entity.aliases):
            return w.entity(entity)
    return None


@builder
def _sections(w: GraphWriter) -> None:
    for index, section in enumerate(w.doc.sections):
        node = w.section(index)
        w.add(node, _TYPE, gov("Section"))
        w.add(node, gov("sectionKind"), Literal(section.kind))
        w.add(node, term(ns.RDFS, "label"), zh(section.title))
        w.add(node, term(ns.DCT, "isPartOf"), w.report)
        w.add(node, gov("startOffset"), integer(section.span.start))
        w.add(node, gov("endOffset"), integer(section.span.end))
        w.add(node, gov("order"), integer(index))
        if section.number is not None:
            w.add(node, gov("sectionNumber"), integer(section.number))
        if section.parent is not None:
            w.add(node, gov("parentSection"), w.section(section.parent))


@builder
def _sentences(w: GraphWriter) -> None:
    for sentence in w.doc.sentences:
        _sentence(w, sentence)


def _sentence(w: GraphWriter, sentence: Sentence) -> None:
    node = w.sentence(sentence.index)
    w.add(node, _TYPE, gov("Sentence"))
    w.add(node, gov("text"), zh(sentence.text))
    w.add(node, gov("startOffset"), integer(sentence.span.start))
    w.add(node, gov("endOffset"), integer(sentence.span.end))
    w.add(node, gov("order"), integer(sentence.index))
    w.add(node, term(ns.DCT, "isPartOf"), w.report)
    if sentence.section is not None:
        w.add(node, gov("inSection"), w.section(sentence.section))


@builder
def _glossary_scheme(w: GraphWriter) -> None:
    if not w.doc.glossary:
        return
    scheme = NamedNode(f"{w.report.value}/glossary")
    w.add(scheme, _TYPE, term(ns.SKOS, "ConceptScheme"))
    w.add(scheme, term(ns.RDFS, "label"), zh(f"{w.doc.meta.title or w.doc.id} 名词解释"))
    w.add(scheme, term(ns.DCT, "isPartOf"), w.report)


@builder
def _entities(w: GraphWriter) -> None:
    scheme = NamedNode(f"{w.report.value}/glossary")
    for entity in w.doc.entities:
        node = w.entity(entity)
        w.add(node, _TYPE, gov(entity.type))
        w.add(node, term(ns.RDFS, "label"), zh(entity.label))
        w.add(node, term(ns.SKOS, "prefLabel"), zh(entity.label))
        for alias in sorted(entity.aliases - {entity.label}):
            w.add(node, term(ns.SKOS, "altLabel"), zh(alias))
        w.add(node, gov("mentionCount"), integer(len(entity.mentions)))
        w.add(node, gov("mentionedIn"), w.report)
        for index in sorted({m.sentence for m in entity.mentions}):
            w.add(node, term(ns.PROV, "wasDerivedFrom"), w.sentence(index))
        if entity.type == "GlossaryTerm":
            w.add(node, _TYPE, term(ns.SKOS, "Concept"))
            w.add(node, term(ns.SKOS, "inScheme"), scheme)
        if entity.definition:
            w.add(node, term(ns.SKOS, "definition"), zh(entity.definition))
        if entity.glossary_number is not None:
            w.add(node, gov("glossaryNumber"), integer(entity.glossary_number))


@builder
def _relations(w: GraphWriter) -> None:
    nodes = {(e.type, e.key): w.entity(e) for e in w.doc.entities}
    # Extractors name an end by the mention's own name; resolve may have merged it into a longer label.
    for entity in w.doc.entities:
        for alias in sorted(entity.aliases):
            nodes.setdefault((entity.type, ns.name_key(alias)), w.entity(entity))
    for relation in w.doc.relations:
        _relation(w, relation, nodes)


def _relation(w: GraphWriter, relation: Relation, nodes: dict[tuple[str, str], NamedNode]) -> None:
    subject, obj = nodes.get(relation.subject), nodes.get(relation.object)
    if subject is None or obj is None or subject == obj:
        return
    w.add(subject, gov(relation.kind), obj)
    # The statement itself, with its source sentence (RDF reification keeps it plain RDF 1.1).
    statement = NamedNode(f"{w.report.value}/relation/{_relation_id(relation)}")
    w.add(statement, _TYPE, gov("RelationStatement"))
    w.add(statement, term(ns.RDF, "subject"), subject)
    w.add(statement, term(ns.RDF, "predicate"), gov(relation.kind))
    w.add(statement, term(ns.RDF, "object"), obj)
    w.add(statement, term(ns.PROV, "wasDerivedFrom"), w.sentence(relation.sentence))
    if relation.trigger:
        w.add(statement, gov("trigger"), zh(relation.trigger))


def _relation_id(relation: Relation) -> str:
    parts = (relation.kind, *relation.subject, *relation.object, str(relation.sentence))
    return ns.segment("|".join(parts))


@builder
def _observations(w: GraphWriter) -> None:
    dataset = NamedNode(f"{w.report.value}/dataset")
    if w.doc.observations:
        w.add(dataset, _TYPE, term(ns.QB, "DataSet"))
        w.add(dataset, term(ns.QB, "structure"), gov("ReportIndicatorStructure"))
        w.add(dataset, term(ns.DCT, "source"), w.report)
        w.add(dataset, term(ns.RDFS, "label"), zh(f"{w.doc.meta.title or w.doc.id} 指标"))
    subjects = _subject_nodes(w)
    for index, observation in enumerate(w.doc.observations):
        if _finite(observation):  # a figure too large for a float ("1" and 400 zeros) has no xsd:decimal form
            _observation(w, index, observation, dataset, subjects)


def _finite(ob: Observation) -> bool:
    return all(not isinstance(n, float) or math.isfinite(n) for n in (ob.value, ob.unit_multiplier, ob.range_low))


def _subject_nodes(w: GraphWriter) -> dict[tuple[str, str], NamedNode]:
    """(type, key) → entity node, by canonical key and by every alias (resolve may merge a short name)."""
    nodes: dict[tuple[str, str], NamedNode] = {}
    for entity in sorted(w.doc.entities, key=lambda e: (e.type, e.key)):
        for alias in sorted(entity.aliases):
            nodes.setdefault((entity.type, ns.name_key(alias)), w.entity(entity))
    for entity in w.doc.entities:
        nodes[(entity.type, entity.key)] = w.entity(entity)
    return nodes


def _observation(
    w: GraphWriter,
    index: int,
    ob: Observation,
    dataset: NamedNode,
    subjects: dict[tuple[str, str], NamedNode],
) -> None:
    node = NamedNode(f"{w.report.value}/observation/{index}")
    indicator = NamedNode(ns.indicator_iri(ob.indicator))
    w.add(node, _TYPE, gov("Observation"))
    w.add(node, _TYPE, term(ns.QB, "Observation"))
    w.add(node, term(ns.QB, "dataSet"), dataset)
    w.add(node, gov("indicator"), indicator)
    w.add(indicator, _TYPE, gov("Indicator"))
    w.add(indicator, term(ns.RDFS, "label"), zh(ob.indicator))
    w.add(indicator, term(ns.SKOS, "prefLabel"), zh(ob.indicator))
    w.add(node, gov("value"), decimal(ob.value))
    w.add(node, gov("unit"), zh(ob.unit))
    w.add(node, term(ns.RDFS, "label"), zh(f"{ob.indicator} {format_decimal(ob.value)}{ob.unit}"))
    w.add(node, gov("measure"), Literal(ob.measure))
    w.add(node, gov("status"), Literal(ob.status))
    w.add(node, term(ns.PROV, "wasDerivedFrom"), w.sentence(ob.sentence))
    w.add(node, gov("startOffset"), integer(ob.span.start))
    w.add(node, gov("endOffset"), integer(ob.span.end))
    _optional(w, node, ob)
    if ob.subject is not None and ob.subject in subjects:
        w.add(node, gov("subject"), subjects[ob.subject])
    else:  # the report's own place, also when the named subject did not survive resolve
        place = _report_place(w)
        if place is not None:
            w.add(node, gov("refArea"), place)


def _optional(w: GraphWriter, node: NamedNode, ob: Observation) -> None:
    if ob.period:
        period = ob.period
        if period.isdigit() and len(period) == 4:
            w.add(node, gov("period"), Literal(period, datatype=_XSD_YEAR))
        else:
            w.add(node, gov("period"), zh(period))
    for name, value in (("qualifier", ob.qualifier), ("direction", ob.direction), ("baseline", ob.baseline),
                        ("baseUnit", ob.base_unit)):  # fmt: skip
        if value:
            w.add(node, gov(name), zh(value) if name != "direction" else Literal(value))
    if ob.unit_multiplier is not None:
        w.add(node, gov("unitMultiplier"), decimal(ob.unit_multiplier))
    if ob.range_low is not None:
        w.add(node, gov("rangeLow"), decimal(ob.range_low))
    for key, value in sorted(ob.extra.items()):
        w.add(node, gov(key), zh(value))
