"""``kg build``: reports to one RDF graph file."""

from __future__ import annotations

from pathlib import Path

import click

from kg.pipeline import build


@click.command("build")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file; the extension picks the format: .ttl .nt .nq .trig .jsonld")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build_command(inputs: tuple[Path, ...], output: Path, quiet: bool) -> None:
    """Build a knowledge graph from REPORT files or folders of reports."""
    summary = build(list(inputs), output)
    if not quiet:
        click.echo(f"wrote {output}")
        for line in summary.lines():
            click.echo(line)
