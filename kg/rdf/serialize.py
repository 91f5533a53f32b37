"""Writing quads to a file in the format its extension names, atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.errors import GovkgError
from kg.rdf.namespaces import PREFIXES

FORMATS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
}
DATASET_FORMATS = {RdfFormat.N_QUADS, RdfFormat.TRIG, RdfFormat.JSON_LD}


def format_for(path: Path) -> RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        names = " ".join(sorted(FORMATS))
        raise GovkgError(f"{path}: unknown output format {path.suffix or '(none)'}; use one of {names}") from None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_output(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise GovkgError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, mode) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _new_file_mode())  # mkstemp makes 0600; outputs get the usual umask mode
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):  # disk full, output is a folder
            raise GovkgError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise


def write_quads(quads: list[Quad], path: Path) -> int:
    """Serialise sorted quads; triple formats get the union of the named graphs."""
    rdf_format = format_for(path)
    with atomic_output(path) as stream:
        write_stream(quads, stream, rdf_format)
    return len(quads)


def write_stream(quads: list[Quad], stream: IO[bytes], rdf_format: RdfFormat) -> None:
    items: list[Quad] | list[Triple]
    items = quads if rdf_format in DATASET_FORMATS else _unique_triples(quads)
    prefixes = PREFIXES if rdf_format in {RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML} else None
    serialize(items, stream, rdf_format, prefixes=prefixes)


def _unique_triples(quads: list[Quad]) -> list[Triple]:
    seen: dict[Triple, None] = {}
    for quad in quads:
        seen.setdefault(quad.triple, None)
    return sorted(seen, key=_triple_key)


def _triple_key(triple: Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))
