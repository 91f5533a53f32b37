"""Many reports as one graph: parallel, incremental corpus builds.

Each report is processed in a worker process into its own named graph and
handed back as sorted N-Quads bytes (pyoxigraph terms do not pickle). A
cache keeps those bytes per report, keyed by the file's sha256
(``Document.content_hash``), its report id and a fingerprint of the code,
so a rebuild re-extracts only what changed; a changed report's entry is
overwritten, so its old triples cannot leak into the new graph.

Across reports, entity IRIs are name-based, so the same enterprise in two
reports is already one node; :func:`shared_nodes` lists those merges, and
the place gazetteer adds the administrative hierarchy above the places the
reports name, in a graph of its own.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from kg.errors import GovkgError
from kg.ingest import find_reports, read_report
from kg.pipeline import BuildSummary, analyse, unique_ids
from kg.rdf import namespaces as ns
from kg.rdf.build import build_quads, entity_node_iri
from kg.rdf.namespaces import graph_iri
from kg.rdf.serialize import atomic_output, format_for, write_quads
from kg.resolve.gazetteer import division_iri, gazetteer, hierarchy_quads

Progress = Callable[[int, int], None]  # (done, total)
CACHE_VERSION = "1"


@dataclass(slots=True)
class Job:
    path: str
    doc_id: str
    key: str  # cache key: content, id, file name and code fingerprint
    explicit: bool  # named on the command line (not found in a folder)


@dataclass(slots=True)
class ReportResult:
    """What a worker hands back: plain data only, so it pickles."""

    doc_id: str
    path: str
    key: str
    nquads: bytes = b""
    error: str = ""
    characters: int = 0
    observations: int = 0
    relations: int = 0
    entity_types: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # (iri, type, label, key) of every entity node, for the merge report
    entities: list[tuple[str, str, str, str]] = field(default_factory=list)
    cached: bool = False


@dataclass
class CorpusSummary(BuildSummary):
    failed: list[str] = field(default_factory=list)
    reused: int = 0
    extracted: int = 0
    relations: int = 0
    shared: int = 0

    def lines(self) -> list[str]:
        lines = super().lines()
        lines.insert(3, f"relations: {self.relations}")
        lines.insert(1, f"extracted: {self.extracted}  reused from cache: {self.reused}  failed: {len(self.failed)}"
                        f"  nodes shared across reports: {self.shared}")  # fmt: skip
        return lines + [f"warning: {line}" for line in self.failed]


def build_corpus(
    inputs: list[Path],
    output: Path,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    merge_report: Path | None = None,
    progress: Progress | None = None,
) -> CorpusSummary:
    """Build every report under ``inputs`` into ``output``, one named graph per report.

    A bad file found in a folder becomes a warning and the rest still build;
    a bad file named explicitly, or a build where nothing succeeds, raises.
    """
    format_for(output)  # fail on a bad extension before any work
    started = time.perf_counter()
    work = plan_jobs(inputs)
    cache = ReportCache(cache_dir) if cache_dir is not None else None
    results = run_jobs(work, cache, jobs, progress)
    summary = _summarise(results)
    good = [r for r in results if not r.error]
    if not good:
        raise GovkgError(f"nothing was built: {summary.failed[0] if summary.failed else 'no reports'}")
    shared = shared_nodes(good)
    summary.shared = len(shared)
    shared += gazetteer_matches(good)
    extra = hierarchy_quads(_place_nodes(good))
    summary.triples = write_corpus(harmonise_pref_labels(good), extra, output)
    if merge_report is not None:
        write_merge_report(shared, merge_report)
    summary.seconds = time.perf_counter() - started
    return summary


def plan_jobs(inputs: list[Path]) -> list[Job]:
    paths = find_reports(inputs)
    explicit = {p.resolve() for p in inputs if p.is_file()}
    fingerprint = code_fingerprint()
    work = []
    for path, doc_id in zip(paths, unique_ids(paths), strict=True):
        key = _cache_key(path, doc_id, fingerprint)
        work.append(Job(str(path), doc_id, key, path.resolve() in explicit))
    return work


def run_jobs(
    work: list[Job], cache: ReportCache | None, jobs: int | None, progress: Progress | None
) -> list[ReportResult]:
    """Results in report-id order; cached reports are not re-extracted."""
    results: list[ReportResult] = []
    todo: list[Job] = []
    for job in work:
        hit = cache.get(job) if cache is not None else None
        if hit is None:
            todo.append(job)
        else:
            results.append(hit)
    done = len(results)
    if progress:
        progress(done, len(work))
    for result in _extract(todo, jobs):
        _raise_if_explicit(result, work)
        if cache is not None and not result.error:
            cache.put(result)
        results.append(result)
        done += 1
        if progress:
            progress(done, len(work))
    return sorted(results, key=lambda r: _graph_sort_key(r.doc_id))


def _extract(todo: list[Job], jobs: int | None) -> Iterable[ReportResult]:
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers <= 1:
        yield from (process_job(job) for job in todo)
        return
    # Largest files first, so one long report does not finish alone at the end.
    ordered = sorted(todo, key=lambda job: -_size(job.path))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(process_job, job): job for job in ordered}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:  # killed (out of memory, a signal): name the report, no traceback
                job = futures[future]
                raise GovkgError(f"{job.path}: a worker process died while building it; try -j 1") from None


def process_job(job: Job) -> ReportResult:
    """One report to N-Quads (runs in a worker process)."""
    result = ReportResult(doc_id=job.doc_id, path=job.path, key=job.key)
    try:
        doc = analyse(read_report(Path(job.path), job.doc_id))
        quads = build_quads(doc)
    except GovkgError as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # a bug on one report must not sink a corpus build
        result.error = f"{job.path}: internal error ({type(exc).__name__}: {exc})"
        return result
    result.nquads = serialize(quads, format=RdfFormat.N_QUADS) or b""
    result.characters = len(doc.text)
    result.observations = len(doc.observations)
    result.relations = len(doc.relations)
    result.entity_types = dict(sorted(Counter(e.type for e in doc.entities).items()))
    result.warnings = [f"{job.path}: {w}" for w in doc.warnings]
    result.entities = sorted((entity_node_iri(doc, e), e.type, e.label, e.key) for e in doc.entities)
    return result


def _raise_if_explicit(result: ReportResult, work: list[Job]) -> None:
    if result.error and any(job.explicit and job.doc_id == result.doc_id for job in work):
        raise GovkgError(result.error)


def _summarise(results: list[ReportResult]) -> CorpusSummary:
    summary = CorpusSummary()
    for result in results:
        if result.error:
            summary.failed.append(f"skipped {result.error}")
            continue
        summary.reports += 1
        summary.reused += result.cached
        summary.extracted += not result.cached
        summary.characters += result.characters
        summary.observations += result.observations
        summary.relations += result.relations
        summary.entities.update(result.entity_types)
        summary.warnings.extend(result.warnings)
    return summary


# --- output -----------------------------------------------------------------


def write_corpus(results: list[ReportResult], extra: list[Quad], output: Path) -> int:
    """Write every report's graph plus ``extra``; returns the number of quads written.

    N-Quads is written by concatenating the per-report bytes (each already
    sorted, graphs in sorted order), which never holds the corpus in memory
    as terms; other formats are parsed back and serialised together.
    """
    rdf_format = format_for(output)
    if rdf_format == RdfFormat.N_QUADS:
        return _concatenate_nquads(results, extra, output)
    quads = list(extra)
    for result in results:
        quads.extend(parse(result.nquads, format=RdfFormat.N_QUADS))
    quads.sort(key=_quad_sort_key)
    return write_quads(quads, output)


def _concatenate_nquads(results: list[ReportResult], extra: list[Quad], output: Path) -> int:
    extra_bytes = serialize(sorted(extra, key=_quad_sort_key), format=RdfFormat.N_QUADS) or b""
    extra_graph = str(extra[0].graph_name) if extra else ""
    count = extra_bytes.count(b"\n")
    with atomic_output(output) as stream:
        written = False
        for result in results:
            if extra_bytes and not written and extra_graph < f"<{graph_iri(result.doc_id)}>":
                stream.write(extra_bytes)
                written = True
            stream.write(result.nquads)
            count += result.nquads.count(b"\n")
        if extra_bytes and not written:
            stream.write(extra_bytes)
    return count


def _quad_sort_key(quad: Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def _graph_sort_key(doc_id: str) -> str:
    return f"<{graph_iri(doc_id)}>"  # the same order as sorting quads by graph name


# --- merges across reports ---------------------------------------------------


SKOS_PREF = f"<{ns.SKOS}prefLabel>".encode()
SKOS_ALT = f"<{ns.SKOS}altLabel>".encode()


def harmonise_pref_labels(results: list[ReportResult]) -> list[ReportResult]:
    """One skos:prefLabel per shared node across the corpus.

    Each report labels a shared node by the name it uses (长城汽车 / 长城汽车集团); in the
    union of graphs that is two prefLabels. The name most reports use stays prefLabel
    (ties: the longer, then the first in code-point order); elsewhere the report's own name
    becomes an altLabel and the chosen one is its prefLabel, so each graph still has one.
    """
    chosen = _chosen_labels(results)
    if not chosen:
        return results
    harmonised = []
    for result in results:
        demote = {iri: chosen[iri] for iri, _type, label, _key in result.entities if chosen.get(iri, label) != label}
        if demote:
            result = replace(result, nquads=_demote_pref_labels(result.nquads, demote, graph_iri(result.doc_id)))
        harmonised.append(result)
    return harmonised


def _chosen_labels(results: list[ReportResult]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for result in results:
        for iri, _type, label, _key in result.entities:
            votes.setdefault(iri, Counter())[label] += 1
    return {
        iri: min(counts, key=lambda label: (-counts[label], -len(label), label))
        for iri, counts in votes.items()
        if len(counts) > 1
    }


def _demote_pref_labels(nquads: bytes, labels: dict[str, str], graph: str) -> bytes:
    prefixes = tuple(f"<{iri}> ".encode() + SKOS_PREF for iri in labels)
    lines = nquads.splitlines(keepends=True)
    changed = [line.replace(SKOS_PREF, SKOS_ALT, 1) if line.startswith(prefixes) else line for line in lines]
    pref = NamedNode(ns.SKOS + "prefLabel")
    chosen = [
        Quad(NamedNode(iri), pref, Literal(label, language="zh"), NamedNode(graph)) for iri, label in labels.items()
    ]
    changed += serialize(chosen, format=RdfFormat.N_QUADS).splitlines(keepends=True)
    # One report's lines share their graph, so sorting the lines is sorting its quads by (s, p, o).
    return b"".join(sorted(changed))


@dataclass(frozen=True, slots=True)
class SharedNode:
    iri: str
    type: str
    key: str
    labels: tuple[str, ...]
    reports: tuple[str, ...]
    basis: str = "name"  # name: one IRI; gazetteer: several IRIs of one division, linked by skos:exactMatch

    @property
    def reason(self) -> str:
        if self.basis == "gazetteer":
            return (f"same administrative division ({self.key}) in kg/resources/admin_divisions.tsv written"
                    f" {len(self.labels)} ways in {len(self.reports)} reports; linked by skos:exactMatch")  # fmt: skip
        return f"same type ({self.type}) and normalised name ({self.key}) in {len(self.reports)} reports"


def shared_nodes(results: list[ReportResult]) -> list[SharedNode]:
    """Entity nodes that more than one report names: one IRI, many reports."""
    reports: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    kinds: dict[str, tuple[str, str]] = {}
    for result in results:
        for iri, type_name, label, key in result.entities:
            reports.setdefault(iri, set()).add(result.doc_id)
            labels.setdefault(iri, set()).add(label)
            kinds[iri] = (type_name, key)
    shared = [
        SharedNode(iri, *kinds[iri], tuple(sorted(labels[iri])), tuple(sorted(ids)))
        for iri, ids in reports.items()
        if len(ids) > 1
    ]
    return sorted(shared, key=lambda node: (-len(node.reports), node.type, node.key))


def gazetteer_matches(results: list[ReportResult]) -> list[SharedNode]:
    """Place nodes with different names for one listed division (中国 / 中华人民共和国)."""
    table = gazetteer()
    names: dict[str, set[str]] = {}
    iris: dict[str, set[str]] = {}
    reports: dict[str, set[str]] = {}
    for result in results:
        for iri, type_name, label, _key in result.entities:
            division = table.lookup(label) if type_name == "Place" else None
            if division is not None:
                names.setdefault(division.name, set()).add(label)
                iris.setdefault(division.name, set()).add(iri)
                reports.setdefault(division.name, set()).add(result.doc_id)
    matches = [
        SharedNode(
            division_iri(name), "Place", name, tuple(sorted(names[name])), tuple(sorted(reports[name])), "gazetteer"
        )
        for name in names
        if len(iris[name]) > 1  # two nodes of the corpus are one division
    ]
    return sorted(matches, key=lambda node: (-len(node.reports), node.key))


def write_merge_report(nodes: list[SharedNode], path: Path) -> None:
    """TSV (or JSON when the name ends in .json) of the nodes shared across reports."""
    if path.suffix.lower() == ".json":
        rows = [{**asdict(node), "reason": node.reason} for node in nodes]
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    else:
        buffer = io.StringIO()
        buffer.write("iri\ttype\tlabels\treports\treport_ids\treason\n")
        for node in nodes:
            cells = (node.iri, node.type, " | ".join(node.labels), str(len(node.reports)), " ".join(node.reports),
                     node.reason)  # fmt: skip
            buffer.write("\t".join(cell.replace("\t", " ") for cell in cells) + "\n")
        text = buffer.getvalue()
    with atomic_output(path) as stream:
        stream.write(text.encode("utf-8"))


def _place_nodes(results: list[ReportResult]) -> dict[str, str]:
    """IRI → label of every Place node in the corpus."""
    places: dict[str, str] = {}
    for result in results:
        for iri, type_name, label, _key in result.entities:
            if type_name == "Place":
                places.setdefault(iri, label)
    return dict(sorted(places.items()))


# --- the cache ---------------------------------------------------------------


class ReportCache:
    """Per-report N-Quads and summary, one pair of files per report id."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        if folder.exists() and not folder.is_dir():
            raise GovkgError(f"{folder}: cache must be a folder")

    def _paths(self, doc_id: str) -> tuple[Path, Path]:
        return self.folder / f"{doc_id}.json", self.folder / f"{doc_id}.nq"

    def get(self, job: Job) -> ReportResult | None:
        meta_path, quads_path = self._paths(job.doc_id)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("key") != job.key:
                return None
            data = quads_path.read_bytes()
        except (OSError, ValueError):
            return None
        if hashlib.sha256(data).hexdigest() != meta.get("nquads_sha256"):
            return None  # a torn or edited entry: extract again
        meta.pop("nquads_sha256")
        result = ReportResult(**meta, nquads=data, cached=True)
        result.entities = [tuple(row) for row in result.entities]  # type: ignore[misc]
        result.path = job.path
        return result

    def put(self, result: ReportResult) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        meta_path, quads_path = self._paths(result.doc_id)
        meta = asdict(result)
        for transient in ("nquads", "cached", "error"):
            meta.pop(transient)
        meta["nquads_sha256"] = hashlib.sha256(result.nquads).hexdigest()
        # The quads first: a meta file never points at quads that are not there yet.
        _replace_quickly(quads_path, result.nquads)
        _replace_quickly(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))


def _replace_quickly(path: Path, data: bytes) -> None:
    """Write beside ``path`` and rename, without fsync: a cache entry torn by a crash fails its
    checksum and is extracted again, so durability is not worth an fsync per report."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def default_cache_dir(output: Path) -> Path:
    """``.kg-cache/`` beside the output file."""
    return output.parent / ".kg-cache"


def _cache_key(path: Path, doc_id: str, fingerprint: str) -> str:
    try:
        with path.open("rb") as stream:  # streamed: an oversized file is refused by the worker, not read here whole
            content = hashlib.file_digest(stream, "sha256").hexdigest()  # the same digest as Document.content_hash
    except OSError:
        content = "unreadable"  # the worker reports why
    parts = (CACHE_VERSION, fingerprint, doc_id, path.name, content, _index_row(path))
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()  # non-UTF-8 file names


def _index_row(path: Path) -> str:
    """A corpus INDEX.tsv beside the file feeds the title, so it is part of the input."""
    index = path.parent / "INDEX.tsv"
    try:
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.startswith(path.name + "\t"):
                return line
    except (OSError, UnicodeDecodeError):
        pass
    return ""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the package's code and lexicons: a change to either invalidates the cache."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in {".pyc"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


__all__ = ["CorpusSummary", "build_corpus", "default_cache_dir", "shared_nodes"]
