"""``kg viz``: an interactive HTML network of a graph, usable offline."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import GovkgError
from kg.network import load_network, select
from kg.viz import write_html


@click.command("viz")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write."
)
@click.option("--types", help="Comma-separated node types to keep, e.g. Enterprise,Park,Report.")
@click.option("--report", help="Only this report (its id or file name) and what it mentions.")
@click.option("--focus", help="Only the entity with this name and its neighbourhood.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0), help="Links to follow from --focus.")
@click.option("--top", type=click.IntRange(1), help="Only the N most-mentioned entities.")
@click.option("--title", help="Page title (default: the graph file's name).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def viz_command(
    graph: Path, output: Path, types: str | None, report: str | None, focus: str | None, depth: int,
    top: int | None, title: str | None, quiet: bool,
) -> None:  # fmt: skip
    """Draw GRAPH (a graph file, folder of them, or store) as an interactive network in one self-contained HTML page."""
    if output.suffix.lower() not in (".html", ".htm"):
        raise GovkgError(f"{output}: the output must be an .html file")
    if depth != 1 and not focus:
        raise GovkgError("--depth needs --focus")
    say = (lambda line: None) if quiet else (lambda line: click.echo(line, err=True))
    network = load_network(graph)
    say(f"read {len(network.nodes)} nodes, {len(network.edges)} edges from {graph}")
    type_list = [t for t in types.split(",") if t.strip()] if types else None
    network = select(network, type_list, report, focus, depth, top)
    if not network.nodes:
        raise GovkgError("nothing left to draw after filtering")
    write_html(network, output, title or graph.name)
    if not quiet:
        click.echo(f"wrote {output} ({len(network.nodes)} nodes, {len(network.edges)} edges)")
