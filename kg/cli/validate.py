"""``kg validate``: SHACL-check a built graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.validate import validate_file


@click.command("validate")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="SHACL shapes file (default: the ontology's shapes.ttl).")  # fmt: skip
@click.option("--examples", default=3, show_default=True, help="Example nodes shown per failing shape.")
def validate_command(graph: Path, shapes: Path | None, examples: int) -> None:
    """Validate GRAPH (a graph file or folder) against the SHACL shapes; exit 1 on violations."""
    report = validate_file(graph, shapes)
    for line in report.lines(examples):
        click.echo(line)
    if not report.conforms:
        sys.exit(1)
