"""The report's own place and speaker, from its metadata, as entities.

The place anchors every "我区/全县" fact and the speaker is a named Person;
both are stated in the front matter, which ordinary extractors may not reach.
"""

from __future__ import annotations

from kg.extract import extractor
from kg.model import Document, Mention, Span


@extractor("report")
def extract_report_entities(doc: Document) -> None:
    meta = doc.meta
    for name, type_name in ((meta.place, "Place"), (meta.speaker, "Person")):
        if name:
            doc.mentions.append(_mention(doc, name, type_name))


def _mention(doc: Document, name: str, type_name: str) -> Mention:
    position = doc.text.find(name)
    if position < 0 and type_name == "Person":
        position = doc.text.replace(" ", "\u0000").find(name)
    sentence = doc.sentence_at(position) if position >= 0 else None
    index = sentence.index if sentence else 0
    span = Span(position, position + len(name)) if position >= 0 else Span(0, 0)
    return Mention(text=name, type=type_name, span=span, sentence=index, source="report")
