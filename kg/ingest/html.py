"""Saved HTML pages to plain text: block elements become line breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "table", "ul", "ol", "dt", "dd", "blockquote", "title",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe"}
# Pages may open with an XML declaration (XHTML) or a comment ("<!-- saved from url=… -->").
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.I | re.S
)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag != "head":
            self._skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag != "head" and self._skip_depth:
            self._skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """Return the page's visible text (one block a line) and its <title>."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line), collector.title.strip()
