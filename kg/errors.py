"""Errors the CLI turns into a one-line message and exit status 2."""

from __future__ import annotations

from pathlib import Path


class GovkgError(Exception):
    """A problem with the user's input or environment, not a bug."""

    exit_code = 2


class InputError(GovkgError):
    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{printable(self.path)}: {reason}")


def printable(text: str) -> str:
    """``text`` with control characters (a line break in a file name, a terminal escape) shown escaped."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii") for ch in text
    )
