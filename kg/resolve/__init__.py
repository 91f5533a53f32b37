"""Stage 4: mentions become entities: aliases merged, one node per thing.

Mentions that name the same thing become one Entity keyed by the normalised
canonical name, so its IRI is the same on every run and in every report:

1. mentions group by (type, identity), where the identity forgets what only
   changes the wording: the report's own place in front of an organ
   (平房区人民政府 = 区人民政府), 人民政府 for 政府, a place's admin suffix
   (哈尔滨市 = 哈尔滨), an industry's 产业/行业;
2. a short name joins the one longer name of the same type it abbreviates
   (哈飞 → 中航哈飞, 哈经开区 → 哈尔滨经济技术开发区, 新区 → 哈尔滨新区); a short
   name that could stand for two is left alone, and types never mix, so a
   homonym of another type stays a node of its own;
3. organs named only by their level (区委, 县政府, 人大) are scoped to the report's
   place, since 区委 means a different body in every report.
"""

from __future__ import annotations

from kg.model import Document, Entity, Mention
from kg.rdf.namespaces import name_key
from kg.resolve.aliases import abbreviation_target, identity, level_scoped
from kg.segment.glossary import term_aliases


def resolve(doc: Document) -> Document:
    groups = _group(doc)
    _merge_abbreviations(groups)
    entities = [_entity(doc, type_name, mentions) for (type_name, _), mentions in sorted(groups.items())]
    by_key: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        existing = by_key.get((entity.type, entity.key))
        if existing is None:
            by_key[(entity.type, entity.key)] = entity
        else:  # two identities whose labels fold to the same key: one node
            existing.aliases |= entity.aliases
            existing.mentions.extend(entity.mentions)
    _attach_glossary(doc, by_key)
    doc.entities = sorted(by_key.values(), key=lambda e: (e.type, e.key))
    return doc


def _group(doc: Document) -> dict[tuple[str, str], list[Mention]]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in sorted(doc.mentions, key=lambda m: (m.span.start, m.span.end, m.type, m.text)):
        name = mention.canonical or mention.text
        key = (mention.type, identity(mention.type, name, doc.meta.place))
        groups.setdefault(key, []).append(mention)
    return groups


def _merge_abbreviations(groups: dict[tuple[str, str], list[Mention]]) -> None:
    by_type: dict[str, list[str]] = {}
    for type_name, ident in groups:
        by_type.setdefault(type_name, []).append(ident)
    for type_name, idents in sorted(by_type.items()):
        if type_name in ("GlossaryTerm", "Person"):
            continue
        for short in sorted(idents, key=len):
            target = abbreviation_target(short, idents, type_name)
            if target is not None and (type_name, short) in groups and (type_name, target) in groups:
                groups[(type_name, target)].extend(groups.pop((type_name, short)))


def _entity(doc: Document, type_name: str, mentions: list[Mention]) -> Entity:
    names = [m.canonical or m.text for m in mentions]
    label = max(names, key=lambda n: (len(name_key(n)), n))
    aliases = {m.text for m in mentions} | set(names)
    scope = doc.meta.place if type_name == "GovernmentBody" and level_scoped(label) else ""
    return Entity(key=name_key(label), type=type_name, label=label, aliases=aliases, mentions=mentions, scope=scope)


def _attach_glossary(doc: Document, entities: dict[tuple[str, str], Entity]) -> None:
    for entry in doc.glossary:
        entity = entities.get(("GlossaryTerm", name_key(entry.term)))
        if entity is None:
            continue
        entity.label = entry.term
        entity.definition = entry.definition
        entity.glossary_number = entry.number
        entity.aliases.update(term_aliases(entry.term))
