"""Stage 3: extractors, registered in one place and run in order.

An extractor is a function ``(doc) -> None`` that appends Mentions,
Relations or Observations to the Document. Register it with
``@extractor("name")`` in its own module and list the module in
``_MODULES``; ``kg build --only`` and the tests can run a subset by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from kg.model import Document

Extractor = Callable[[Document], None]
EXTRACTORS: dict[str, Extractor] = {}

# Modules that register extractors, in the order they run.
_MODULES = (
    "kg.extract.report_entities",
    "kg.extract.glossary_terms",
    "kg.extract.entities",
    # After the entity extractors: relations link the mentions they found.
    "kg.extract.relations",
    # Keep last: figures inside entity names (30万吨…项目) are skipped, so mentions must exist first.
    "kg.extract.observations",
)


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    def register(function: Extractor) -> Extractor:
        if name in EXTRACTORS and EXTRACTORS[name] is not function:
            raise ValueError(f"extractor {name!r} registered twice")
        EXTRACTORS[name] = function
        return function

    return register


def load_extractors() -> dict[str, Extractor]:
    for module in _MODULES:
        importlib.import_module(module)
    # In _MODULES order, not import order: a test may import one extractor module before the rest.
    order = {module: index for index, module in enumerate(_MODULES)}
    ranked = sorted(EXTRACTORS.items(), key=lambda item: order.get(item[1].__module__, len(order)))
    return dict(ranked)


def run_extractors(doc: Document, names: Iterable[str] | None = None) -> Document:
    registry = load_extractors()
    wanted = list(registry) if names is None else list(names)
    unknown = [name for name in wanted if name not in registry]
    if unknown:
        raise KeyError(f"unknown extractor(s): {', '.join(unknown)}; known: {', '.join(registry)}")
    for name in wanted:
        registry[name](doc)
    return doc
