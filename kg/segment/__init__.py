"""Stage 2: sections, glossary, in-text markers and sentences with character offsets."""

from __future__ import annotations

from kg.model import Document, Section, Span
from kg.segment.glossary import MAX_GLOSSARY_ENTRIES, find_glossary_start, find_markers, parse_glossary
from kg.segment.sentences import assign_sections, split_sentences
from kg.segment.structure import close_spans, find_headings


def segment(doc: Document) -> Document:
    text = doc.text
    glossary_at = find_glossary_start(text)
    body_end = glossary_at[0] if glossary_at else len(text)
    sections = find_headings(text, body_end)
    close_spans(sections, body_end)
    if glossary_at:
        doc.glossary = parse_glossary(text, glossary_at[1])
        heading = Span(*glossary_at)
        title = text[heading.start : heading.end].strip()
        sections.append(Section("glossary", None, title, Span(heading.start, len(text)), heading))
        if not doc.glossary:
            doc.warnings.append("glossary heading found but no entries could be read")
        elif len(doc.glossary) == MAX_GLOSSARY_ENTRIES:
            doc.warnings.append(f"glossary cut after {MAX_GLOSSARY_ENTRIES} entries: the rest is read as plain text")
    doc.sections = sections
    numbers = {entry.number for entry in doc.glossary if entry.number is not None}
    doc.markers = find_markers(text, body_end, numbers)
    doc.sentences = split_sentences(text)
    assign_sections(doc.sentences, [(s.span, i) for i, s in enumerate(sections)])
    if not any(s.kind in {"part", "section"} for s in sections):
        doc.warnings.append("no part or section headings: not a well-formed report, built as plain text")
    return doc
