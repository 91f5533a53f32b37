"""The plain dataclasses that carry a report through the pipeline.

Every stage reads and fills one :class:`Document`; no stage reaches into
another stage's internals. Offsets are character offsets into
``Document.source`` (the decoded text), and ``Document.text`` is its
normalised form of exactly the same length, so an offset means the same
character in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES: tuple[str, ...] = (
    "Enterprise",
    "Park",
    "Project",
    "Policy",
    "GlossaryTerm",
    "GovernmentBody",
    "Institution",
    "Place",
    "Person",
    "Event",
    "Industry",
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class DocumentMeta:
    title: str = ""
    year: int | None = None
    place: str = ""
    level: str = ""  # 区 / 县 / 市 / 省 / 国家
    date: str = ""  # ISO 8601 date, when the text states one
    speaker: str = ""
    role: str = ""
    meeting: str = ""
    source: str = ""  # the publishing office ("来源:…")
    encoding: str = ""
    media_type: str = "text/plain"


@dataclass(slots=True)
class Section:
    """A heading and the text it governs; ``kind`` says which level."""

    kind: str  # part (一、) / section ((一)) / action (第一，/一是) / highlight (——) / glossary
    number: int | None
    title: str
    span: Span  # the whole section, heading included
    heading: Span
    parent: int | None = None  # index into Document.sections


@dataclass(slots=True)
class Sentence:
    index: int
    span: Span
    text: str  # normalised text of the span
    section: int | None = None  # index into Document.sections (innermost)


@dataclass(slots=True)
class GlossaryEntry:
    number: int | None
    term: str
    definition: str
    span: Span  # the whole entry
    term_span: Span


@dataclass(slots=True)
class Marker:
    """An in-text pointer to a glossary entry: 【3】, [3], ^[3], 〔3〕."""

    number: int
    span: Span


@dataclass(slots=True)
class Mention:
    """A surface form of an entity in one sentence."""

    text: str
    type: str
    span: Span
    sentence: int
    source: str = ""  # the extractor that found it
    canonical: str = ""  # a fuller name this mention stands for, when known
    score: float = 1.0


@dataclass(slots=True)
class Entity:
    key: str  # stable identity within the type: the normalised canonical name
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    definition: str = ""
    glossary_number: int | None = None
    scope: str = ""  # non-empty when the name only means something inside one place


@dataclass(slots=True)
class Relation:
    kind: str  # partOf, partner, locatedIn, operatedBy, investsIn, memberOf, hostedBy, subordinateTo
    subject: tuple[str, str]  # (type, key) of an Entity
    object: tuple[str, str]
    sentence: int
    trigger: str = ""


@dataclass(slots=True)
class Observation:
    indicator: str
    value: float | str
    unit: str
    sentence: int
    span: Span
    measure: str = "level"  # growth / level / share / rank / ratio
    period: str = ""
    status: str = "actual"  # actual / expected / target
    qualifier: str = ""
    direction: str = ""  # increase / decrease
    baseline: str = ""
    subject: tuple[str, str] | None = None
    unit_multiplier: float | None = None
    base_unit: str = ""
    range_low: float | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    id: str  # the report's slug, stable across runs
    path: Path | None
    source: str  # decoded text (HTML reduced to text)
    text: str  # normalised, same length as source
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    content_hash: str = ""

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search over sorted spans)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            span = self.sentences[mid].span
            if offset < span.start:
                hi = mid
            elif offset >= span.end:
                lo = mid + 1
            else:
                return self.sentences[mid]
        return None
