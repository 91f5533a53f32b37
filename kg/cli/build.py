"""``kg build``: reports to one RDF graph file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kg.corpus import Progress, build_corpus, default_cache_dir
from kg.store import check_store_output, store_graph_file


@click.command("build")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file; the extension picks the format: .ttl .nt .nq .trig .jsonld")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core).")  # fmt: skip
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Reuse per-report results here; only changed reports are extracted again. "
                   "Default for folder builds: .kg-cache/ beside the output.")  # fmt: skip
@click.option("--no-cache", is_flag=True, help="Extract every report again and keep no cache.")
@click.option("--merge-report", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the nodes shared across reports, and why, to this .tsv (or .json).")  # fmt: skip
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Also put each named graph into this embedded triple store, replacing its old version.")  # fmt: skip
def build_command(
    inputs: tuple[Path, ...],
    output: Path,
    quiet: bool,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    merge_report: Path | None,
    store_dir: Path | None = None,
) -> None:
    """Build a knowledge graph from REPORT files or folders of reports.

    Each report becomes its own named graph, built in parallel. In a folder,
    a report that cannot be read is skipped with a warning; the build fails
    (exit 2) only when a report named on the command line is bad or nothing
    could be built.
    """
    if store_dir is not None:
        check_store_output(output)
    if cache_dir is None and not no_cache and any(path.is_dir() for path in inputs):
        cache_dir = default_cache_dir(output)
    with _progress_bar(enabled=not quiet and sys.stderr.isatty()) as progress:
        summary = build_corpus(list(inputs), output, None if no_cache else cache_dir, jobs, merge_report, progress)
    if not quiet:
        click.echo(f"wrote {output}")
        for line in summary.lines():
            click.echo(line)
    elif summary.failed:
        for line in summary.failed:
            click.echo(f"warning: {line}", err=True)
    if store_dir is not None:
        counts = store_graph_file(store_dir, output)
        if not quiet:
            click.echo(f"stored {len(counts)} graphs ({sum(counts.values())} triples) in {store_dir}")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A bar on stderr, opened at the first report count so it never shows a placeholder total."""
    if not enabled:
        yield None
        return
    bars: list[Any] = []  # the click ProgressBar, once the total is known

    def update(done: int, total: int) -> None:
        if not bars:
            bars.append(click.progressbar(length=total, label="building", file=sys.stderr, show_pos=True))
            bars[0].__enter__()
        bars[0].update(done - bars[0].pos)

    try:
        yield update
    finally:
        if bars:
            bars[0].__exit__(None, None, None)
