"""``kg export``: a graph in formats for other tools (Gephi, spreadsheets, JSON-LD)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.export import EXPORT_SUFFIXES, export


@click.command("export")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help=f"Output file; the extension picks the format: {' '.join(EXPORT_SUFFIXES)}. "
                   "OUT.csv writes OUT.nodes.csv and OUT.edges.csv.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def export_command(graph: Path, output: Path, quiet: bool) -> None:
    """Export GRAPH (a graph file, folder or store): .graphml/.gexf/.csv hold the entity network, .jsonld/.nq the triples."""
    if not quiet:
        click.echo(f"reading {graph} …", err=True)
    summary = export(graph, output)
    if not quiet:
        click.echo(summary.line())
