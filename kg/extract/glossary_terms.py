"""Glossary headwords as GlossaryTerm mentions: the entry itself, its in-text
markers (the term the marker follows), and each later use of the headword."""

from __future__ import annotations

from kg.extract import extractor
from kg.model import Document, GlossaryEntry, Mention, Span
from kg.segment.glossary import term_aliases

_MIN_FORM_LENGTH = 2


@extractor("glossary")
def extract_glossary_terms(doc: Document) -> None:
    by_number = {entry.number: entry for entry in doc.glossary if entry.number is not None}
    for entry in doc.glossary:
        _add(doc, entry, entry.term_span, entry.term)
    for marker in doc.markers:
        entry = by_number.get(marker.number)
        if entry is not None:
            _add(doc, entry, marker.span, entry.term)
    _uses(doc)


def _uses(doc: Document) -> None:
    """Each sentence outside the glossary that writes a headword's form."""
    glossary_start = min((e.span.start for e in doc.glossary), default=len(doc.text))
    forms = [(form, entry) for entry in doc.glossary for form in term_aliases(entry.term)
             if len(form) >= _MIN_FORM_LENGTH]  # fmt: skip
    for sentence in doc.sentences:
        if sentence.span.start >= glossary_start:
            break
        for form, entry in forms:
            position = sentence.text.find(form)
            if position >= 0:
                start = sentence.span.start + position
                _add(doc, entry, Span(start, start + len(form)), form)


def _add(doc: Document, entry: GlossaryEntry, span: Span, text: str) -> None:
    sentence = doc.sentence_at(span.start)
    if sentence is None:
        return
    doc.mentions.append(
        Mention(
            text=text, type="GlossaryTerm", span=span, sentence=sentence.index, source="glossary", canonical=entry.term
        )
    )
