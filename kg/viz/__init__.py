"""An interactive network view of a graph, as one self-contained HTML file.

The page works with no network connection: vis-network's JavaScript and CSS
(shipped inside the pyvis package) are inlined, and a Content-Security-Policy
forbids fetching anything. Node and edge data are written as JSON directly
(pyvis's own ``from_nx`` is superlinear in the node count). Labels come from
untrusted report text, so the JSON is escaped for a <script> element and the
page only ever puts text into the DOM with ``textContent``.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

from kg.errors import GovkgError
from kg.network import MENTIONED_IN, NODE_TYPES, REPORT_TYPE, Edge, Network, Node, ontology_labels
from kg.rdf import namespaces as ns
from kg.rdf.serialize import atomic_output
from kg.viz.layout import report_layout

# One colour per class (colour-blind-safe-ish, distinct on white), in NODE_TYPES order.
PALETTE: dict[str, str] = {
    "Enterprise": "#e6550d",
    "Park": "#31a354",
    "Project": "#3182bd",
    "Policy": "#756bb1",
    "GlossaryTerm": "#e7ba52",
    "GovernmentBody": "#d62728",
    "Institution": "#17becf",
    "Place": "#8c6d31",
    "Person": "#e377c2",
    "Event": "#bcbd22",
    "Industry": "#393b79",
    "Report": "#444444",
}
_TEMPLATE = Path(__file__).with_name("template.html")
_TOKEN = re.compile(r"@TITLE@|/\*@(?:VIS_CSS|VIS_JS|DATA)@\*/")
_TOOLTIP_CHARS = 240
MEDIUM = 300  # nodes; above this the simulation is cheapened
LARGE = 1000  # nodes; above this there is no simulation, positions are precomputed
EDGE_LABELS_MAX = 400  # edges; above this relation names only show in tooltips


def write_html(network: Network, path: Path, title: str) -> None:
    """Write the page atomically as UTF-8."""
    page = render_html(network, title)
    with atomic_output(path) as stream:
        stream.write(page.encode("utf-8"))


def render_html(network: Network, title: str) -> str:
    template = _TEMPLATE.read_text(encoding="utf-8")
    css, js = vis_assets()
    parts = {
        "@TITLE@": html.escape(title),
        "/*@VIS_CSS@*/": css.replace("</style", "<\\/style"),
        "/*@VIS_JS@*/": re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE),
        "/*@DATA@*/": script_json(graph_data(network, title)),
    }
    # One pass, so a token inside the inserted text is never replaced again.
    return _TOKEN.sub(lambda match: parts[match.group(0)], template)


def script_json(value: object) -> str:
    """JSON that cannot end its <script> element or open a comment or markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(raw, escaped)
    return text


def vis_assets() -> tuple[str, str]:
    """vis-network's CSS and JS from the pyvis package (newest bundled version)."""
    candidates = []
    for folder in ("lib", "templates/lib"):
        base = resources.files("pyvis").joinpath(folder)
        if base.is_dir():
            candidates.extend(
                p for p in base.iterdir() if p.name.startswith("vis-") and p.joinpath("vis-network.min.js").is_file()
            )
    if not candidates:
        raise GovkgError("vis-network is missing from the pyvis package; reinstall pyvis")
    newest = max(candidates, key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    css = newest.joinpath("vis-network.css").read_text(encoding="utf-8")
    js = newest.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    return css, js


# ---------------------------------------------------------------- data


def graph_data(network: Network, title: str) -> dict[str, object]:
    """Everything the page draws, as plain JSON-able data (nodes numbered in IRI order)."""
    labels = ontology_labels()
    order = sorted(network.nodes)
    index = {iri: number for number, iri in enumerate(order)}
    nodes = [_node_json(network.nodes[iri], index[iri], labels) for iri in order]
    large = len(nodes) > LARGE
    if large:  # too many to simulate: place them, and draw without physics
        positions = report_layout(network)
        for iri, node in zip(order, nodes, strict=True):
            node["x"], node["y"] = positions[iri]
    edge_labels = len(network.edges) <= EDGE_LABELS_MAX
    edges = [_edge_json(e, number, index, labels, edge_labels, large) for number, e in enumerate(network.edges)]
    counts = Counter(node.type for node in network.nodes.values())
    types = [
        {"name": name, "label": labels.get(name, name), "color": PALETTE[name], "border": _darker(PALETTE[name]),
         "count": counts[name]}
        for name in NODE_TYPES if counts[name]
    ]  # fmt: skip
    return {"title": title, "nodes": nodes, "edges": edges, "types": types, "options": vis_options(len(nodes))}


def _node_json(node: Node, number: int, labels: dict[str, str]) -> dict[str, object]:
    lines = [f"{labels.get(node.type, node.type)} ({node.type})"]
    label = node.label
    if node.type == REPORT_TYPE:  # titles are long: draw the report id, show the title on hover
        label = unquote(node.id.removeprefix(ns.REPORT))
        lines.append(node.label)
    if node.aliases:
        lines.append("别名: " + "、".join(node.aliases))
    if node.definition:
        lines.append("释义: " + _clip(node.definition))
    if node.type != REPORT_TYPE:
        lines.append(f"提及: {node.mentions} 次, {len(node.reports)} 份报告")
    if node.sentence:
        lines.append("来源: " + _clip(node.sentence))
    return {
        "id": number,
        "label": label,
        "group": node.type,
        "value": max(node.mentions, 1) if node.type != REPORT_TYPE else 5,
        "title": "\n".join(lines),
        "iri": node.id,
    }


def _edge_json(
    edge: Edge, number: int, index: dict[str, int], labels: dict[str, str], with_labels: bool, large: bool
) -> dict[str, object]:
    name = labels.get(edge.kind, edge.kind)
    title = f"{name} ({edge.kind})" + (f"\n来源: {_clip(edge.sentence)}" if edge.sentence else "")
    out: dict[str, object] = {"id": number, "from": index[edge.source], "to": index[edge.target], "title": title}
    if edge.kind == MENTIONED_IN:
        out.update(color={"color": "#cccccc", "opacity": 0.5}, dashes=True, width=0.5)
        if large:  # the layout already groups entities by report; thousands of lines would hide it
            out["hidden"] = True
    else:
        out.update(arrows="to", width=1 + min(edge.count, 5) / 2, color={"color": "#555555"})
        if with_labels:
            out["label"] = name
    return out


def vis_options(node_count: int) -> dict[str, object]:
    """Small graphs are simulated; medium ones get a cheaper solver and capped iterations;
    large ones come with positions (kg.viz.layout) and no physics at all, so they draw at once."""
    medium, large = node_count > MEDIUM, node_count > LARGE
    physics: dict[str, object] = {
        "enabled": not large,
        "solver": "forceAtlas2Based" if medium else "barnesHut",
        "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 60, "avoidOverlap": 0},
        "barnesHut": {"gravitationalConstant": -6000, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": 150 if medium else 300, "updateInterval": 25, "fit": True},
        "timestep": 0.5,
        "minVelocity": 1.0,
    }
    return {
        "autoResize": True,
        "nodes": {"scaling": {"min": 6, "max": 40, "label": {"enabled": True, "min": 12, "max": 28, "drawThreshold": 6}},
                  "font": {"size": 14}},
        "edges": {"smooth": False if medium else {"type": "continuous"}, "font": {"size": 10, "align": "middle"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": medium, "hideEdgesOnZoom": large,
                        "navigationButtons": False},
        "layout": {"improvedLayout": not medium, "randomSeed": 7},
        "physics": physics,
    }  # fmt: skip


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TOOLTIP_CHARS else text[: _TOOLTIP_CHARS - 1] + "…"


def _darker(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (red, green, blue)))
