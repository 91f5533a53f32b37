"""Namespaces and the IRI scheme.

IRIs are minted from names, never from counters that shift between runs:
``id/{type}/{name}`` for things that can be shared across reports (the same
enterprise in two reports is one node), ``report/{slug}/…`` for things that
belong to one report (its sentences, sections, observations, glossary).
Names are percent-encoded UTF-8, so every IRI is plain ASCII and valid in any
RDF syntax and any store; the Chinese name lives in ``rdfs:label``.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

BASE = "https://w3id.org/govkg/"
GOV = BASE + "ontology#"
ID = BASE + "id/"
REPORT = BASE + "report/"
GRAPH = BASE + "graph/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
QB = "http://purl.org/linked-data/cube#"
SDMX_MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#"
SCHEMA = "https://schema.org/"
SH = "http://www.w3.org/ns/shacl#"

# Prefixes written into Turtle/TriG. ``id:`` is left out on purpose: local
# names of percent-encoded IRIs would need backslash escapes (valid, unreadable).
PREFIXES: dict[str, str] = {
    "gov": GOV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dct": DCT,
    "org": ORG,
    "qb": QB,
    "schema": SCHEMA,
}
# Prefixes predeclared for SPARQL queries.
QUERY_PREFIXES: dict[str, str] = {**PREFIXES, "id": ID, "sh": SH}

# Characters kept as they are in an IRI path segment; everything else is %-encoded.
_SAFE = "-._~"


def name_key(name: str) -> str:
    """The identity of a name: NFKC-folded, quotes and spaces dropped, lower-cased.

    NFKC is right here (unlike for the text itself): the key is never shown,
    and it should not tell 'Ａ' from 'A' or '“一带一路”' from '一带一路'.
    """
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if ch not in _DROP).lower()


_DROP = set("“”\"'‘’《》〈〉「」『』 \t\r\n\u3000")


def segment(name: str) -> str:
    """One IRI path segment for ``name``: percent-encoded UTF-8, never empty."""
    encoded = _no_dot_segment(quote(name_key(name) or "_", safe=_SAFE))
    cut = encoded[:600]
    escape = cut.rfind("%", len(cut) - 2)
    return cut[:escape] if escape >= 0 else cut  # never split a %XX escape


def entity_iri(type_name: str, key: str, scope: str = "") -> str:
    path = f"{segment(scope)}/{segment(key)}" if scope else segment(key)
    return f"{ID}{type_name.lower()}/{path}"


def indicator_iri(name: str) -> str:
    return f"{ID}indicator/{segment(name)}"


def _no_dot_segment(encoded: str) -> str:
    """Escape the dots of "." and "..": such dot segments vanish when an IRI is normalised."""
    return encoded if encoded.strip(".") else encoded.replace(".", "%2E")


def report_iri(doc_id: str) -> str:
    return REPORT + _no_dot_segment(quote(doc_id, safe=_SAFE))


def graph_iri(doc_id: str) -> str:
    return GRAPH + _no_dot_segment(quote(doc_id, safe=_SAFE))
