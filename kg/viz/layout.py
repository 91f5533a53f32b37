"""A precomputed layout for networks too large to simulate in a browser.

A force simulation of ten thousand nodes takes a minute in a browser and
still looks like a hairball. Reports are what organise a corpus graph, so the
layout is built around them, in linear time: reports sit on a sunflower (Vogel spiral) around the middle, the
entities only one report mentions form a sunflower (Vogel spiral) around it,
and the entities several reports share gather near the middle of those
reports, so the common vocabulary of the corpus ends up in the centre.
"""

from __future__ import annotations

import math
from collections import defaultdict

from kg.network import REPORT_TYPE, Network

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING = 14.0  # distance between neighbouring nodes in a spiral
Point = tuple[float, float]


def report_layout(network: Network) -> dict[str, Point]:
    """Positions for every node; deterministic (everything is placed in sorted order)."""
    reports = sorted(iri for iri, node in network.nodes.items() if node.type == REPORT_TYPE)
    petals: dict[str, list[str]] = defaultdict(list)
    shared: list[str] = []
    for iri in sorted(network.nodes):
        node = network.nodes[iri]
        mentioned_by = [r for r in node.reports if r in network.nodes]
        if node.type == REPORT_TYPE:
            continue
        if len(mentioned_by) == 1 and len(reports) > 1:
            petals[mentioned_by[0]].append(iri)
        else:
            shared.append(iri)
    # The most widely shared, most mentioned entities innermost.
    shared.sort(key=lambda iri: (-len(network.nodes[iri].reports), -network.nodes[iri].mentions, iri))
    core_radius = _radius(len(shared))
    petal_radius = _radius(max((len(members) for members in petals.values()), default=0)) + 2 * SPACING
    positions = _report_positions(reports, core_radius, petal_radius)
    for i, iri in enumerate(shared):
        positions[iri] = _spiral((0.0, 0.0), i + (1 if len(reports) == 1 else 0))
    for report, members in petals.items():
        for i, iri in enumerate(members):
            positions[iri] = _spiral(positions[report], i + 1)  # index 0 is the report itself
    return positions


def _radius(count: int) -> float:
    return SPACING * 1.6 * math.sqrt(count)


def _report_positions(reports: list[str], core_radius: float, petal_radius: float) -> dict[str, Point]:
    """Reports on a sunflower of their own around the core: denser than a ring, so nodes stay visible."""
    if len(reports) == 1:
        return {reports[0]: (0.0, 0.0)}
    step = 1.25 * petal_radius  # sunflower points at this scale are about two petal radii apart
    first = math.ceil(((core_radius + petal_radius) / step) ** 2)  # skip the indexes inside the core
    positions = {}
    for i, iri in enumerate(reports):
        radius, angle = step * math.sqrt(first + i), (first + i) * GOLDEN_ANGLE
        positions[iri] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions


def _spiral(centre: Point, index: int) -> Point:
    radius = _radius(index)
    angle = index * GOLDEN_ANGLE
    return (round(centre[0] + radius * math.cos(angle), 1), round(centre[1] + radius * math.sin(angle), 1))
