"""``kg query``: run a SPARQL query over graph files or a store."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kg.query import FORMATS, format_result, open_store, read_query, run_query
from kg.rdf.serialize import atomic_output


@click.command("query")
@click.argument("query_or_file")
@click.option("--data", type=click.Path(path_type=Path), help="Graph file or folder of graph files.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Persistent store folder made by kg build --store (opened read-only).")  # fmt: skip
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table/csv/tsv/json for SELECT and ASK; turtle/nt/jsonld for CONSTRUCT and DESCRIBE "
                   "(which print Turtle by default).")  # fmt: skip
@click.option(
    "--max-width", default=60, show_default=True, help="Table cells are cut to this many columns (0: no limit)."
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to a file, not stdout.")
def query_command(
    query_or_file: str, data: Path | None, store_dir: Path | None, output_format: str, max_width: int,
    output: Path | None,
) -> None:  # fmt: skip
    """Run QUERY_OR_FILE (SPARQL text, a .rq file or - for stdin) over the union of all report graphs.

    Prefixes gov: rdf: rdfs: owl: xsd: skos: prov: dct: org: qb: schema: id: sh: are predeclared.
    """
    query = read_query(query_or_file)
    store = open_store(data, store_dir, progress=_progress())
    result = run_query(store, query)
    text = format_result(result, output_format, max_width)
    if output is None:
        click.echo(text, nl=False)
    else:
        with atomic_output(output) as stream:
            stream.write(text.encode("utf-8"))
    if result.kind == "select" and output_format == "table":
        click.echo(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})", err=True)


def _progress() -> Callable[[str], None] | None:
    """Progress lines on stderr, only for a person watching a terminal."""
    return (lambda line: click.echo(line, err=True)) if sys.stderr.isatty() else None
