"""The ``kg`` command: a thin click layer over the library.

Each command lives in its own module under ``kg/cli/`` and is listed in
``_COMMANDS``; commands only parse arguments, call the library and print.
"""

from __future__ import annotations

import importlib
import sys

import click

from kg import __version__
from kg.errors import GovkgError, printable

# (module, command function name), in --help order.
_COMMANDS = (
    ("kg.cli.build", "build_command"),
    ("kg.cli.validate", "validate_command"),
    ("kg.cli.load", "load_command"),
    ("kg.cli.serve", "serve_command"),
    ("kg.cli.query", "query_command"),
    ("kg.cli.viz", "viz_command"),
    ("kg.cli.export", "export_command"),
)


class _Group(click.Group):
    """Turns library errors into one line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except GovkgError as exc:
            click.echo(f"kg: error: {printable(str(exc))}", err=True)  # one line, whatever a name holds
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """govkg: knowledge graphs from Chinese government work reports."""


for _module, _name in _COMMANDS:
    main.add_command(getattr(importlib.import_module(_module), _name))
