"""Stage 4: mentions become entities: aliases merged, one node per thing.

Mentions that name the same thing (the same canonical name, or a short form
the resolver links to a full one) become one Entity keyed by the normalised
canonical name, so its IRI is the same on every run and in every report.
"""

from __future__ import annotations

from kg.model import Document, Entity, Mention
from kg.rdf.namespaces import name_key
from kg.segment.glossary import term_aliases


def resolve(doc: Document) -> Document:
    entities: dict[tuple[str, str], Entity] = {}
    for mention in sorted(doc.mentions, key=lambda m: (m.span.start, m.span.end, m.type)):
        canonical = mention.canonical or mention.text
        key = (mention.type, name_key(canonical))
        entity = entities.get(key)
        if entity is None:
            entity = Entity(key=key[1], type=mention.type, label=canonical)
            entities[key] = entity
        entity.aliases.add(mention.text)
        entity.aliases.add(canonical)
        entity.mentions.append(mention)
    _attach_glossary(doc, entities)
    doc.entities = sorted(entities.values(), key=lambda e: (e.type, e.key))
    return doc


def _attach_glossary(doc: Document, entities: dict[tuple[str, str], Entity]) -> None:
    for entry in doc.glossary:
        entity = entities.get(("GlossaryTerm", name_key(entry.term)))
        if entity is None:
            continue
        entity.label = entry.term
        entity.definition = entry.definition
        entity.glossary_number = entry.number
        entity.aliases.update(term_aliases(entry.term))


def mentions_of(doc: Document, type_name: str) -> list[Mention]:
    return [m for m in doc.mentions if m.type == type_name]
