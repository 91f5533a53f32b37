"""``kg load``: push report graphs into a remote triple store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import GovkgError
from kg.load import DEFAULT_CHUNK, DEFAULT_JOBS, PRESETS, Client, Credentials, Endpoints, load


@click.command("load")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, help="Server base URL, e.g. http://localhost:7878 or http://host:3030/ds.")
@click.option("--server", type=click.Choice(sorted(PRESETS)), default="oxigraph", show_default=True,
              help="Which paths below --endpoint serve the graph store, query and update.")  # fmt: skip
@click.option("--gsp-endpoint", default=None, help="Graph Store Protocol URL (overrides the preset).")
@click.option("--query-endpoint", default=None, help="SPARQL query URL (overrides the preset).")
@click.option("--update-endpoint", default=None, help="SPARQL update URL (overrides the preset).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK, show_default=True,
              help="Triples per request; larger graphs are sent in several.")  # fmt: skip
@click.option("--retries", type=click.IntRange(min=0), default=4, show_default=True,
              help="Retries of a request after a 5xx answer, a reset connection or a timeout.")  # fmt: skip
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=DEFAULT_JOBS, show_default=True,
              help="Graphs sent at the same time.")  # fmt: skip
@click.option("--bulk", is_flag=True,
              help="Oxigraph server only: use its bulk loader (about twice as fast; a graph is not replaced atomically).")  # fmt: skip
@click.option("--timeout", type=click.FloatRange(min=1), default=120.0, show_default=True, help="Seconds per request.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def load_command(
    source: Path,
    endpoint: str,
    server: str,
    gsp_endpoint: str | None,
    query_endpoint: str | None,
    update_endpoint: str | None,
    chunk_size: int,
    retries: int,
    jobs: int,
    bulk: bool,
    timeout: float,
    quiet: bool,
) -> None:
    """Load each named graph of SOURCE (graph file, folder or store) into a SPARQL server.

    A graph that is already there is replaced, so loading twice gives the same
    store. Credentials come from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD
    (basic or digest) or KG_ENDPOINT_TOKEN (bearer).
    """
    if bulk and server != "oxigraph":
        raise GovkgError("--bulk uses the Oxigraph server's bulk loader; it needs --server oxigraph")
    endpoints = Endpoints.for_server(endpoint, server, query=query_endpoint, update=update_endpoint, gsp=gsp_endpoint)
    client = Client(Credentials.from_environment(), timeout=timeout, retries=retries)
    summary = load(source, endpoints, client, chunk_size, jobs=jobs, bulk=bulk)
    if not quiet:
        click.echo(f"loaded {source} into {endpoint}")
        for line in summary.lines():
            click.echo(line)
