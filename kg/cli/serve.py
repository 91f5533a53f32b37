"""``kg serve``: a local SPARQL endpoint and query page over a store or graph file."""

from __future__ import annotations

from pathlib import Path

import click

from kg.serve import make_server, open_endpoint


@click.command("serve")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Embedded store made by kg build --store (opened read-only).")  # fmt: skip
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="Graph file or folder of them, loaded into memory.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True, help="Port to listen on.")
@click.option("--examples", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of example .rq queries for the page (default: examples/queries).")  # fmt: skip
def serve_command(store_dir: Path | None, data: Path | None, host: str, port: int, examples: Path | None) -> None:
    """Answer SPARQL queries at /sparql and show a query page at /."""
    endpoint = open_endpoint(store_dir, data, examples)
    server = make_server(endpoint, host, port)
    click.echo(f"serving http://{host}:{server.server_address[1]}/ (SPARQL endpoint /sparql); Ctrl-C stops")
    try:
        server.serve_forever()
    finally:
        server.server_close()
