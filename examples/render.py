"""Regenerate examples/README.md: every example query with its answer on the bundled report.

    .venv/bin/python examples/render.py

The graph is built in memory from data/pingfang-2020.txt with the current
pipeline, so the README shows what the code does today.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.pipeline import process
from kg.query import format_result, run_query, store_for
from kg.rdf.build import build_quads
from kg.rdf.serialize import atomic_output

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries"
REPORT = HERE.parent / "data" / "pingfang-2020.txt"
MAX_ROWS = 12
MAX_GRAPH_LINES = 30
CELL_WIDTH = 36

INTRO = """# Example queries

Analyst questions as SPARQL, in [`queries/`](queries/). Run one with

```bash
kg build data/pingfang-2020.txt -o out/pingfang-2020.trig
kg query examples/queries/glossary.rq --data out/pingfang-2020.trig            # aligned table
kg query examples/queries/glossary.rq --data out/pingfang-2020.trig -f csv     # or tsv, json
```

The prefixes `gov: rdf: rdfs: owl: xsd: skos: prov: dct: org: qb: schema: id: sh:` are predeclared, and the
report graphs are queried as one union graph (no `GRAPH` clause needed). Below, each query and its answer on the
bundled report (`data/pingfang-2020.txt`; first {rows} rows, cells cut at {width} columns). Regenerate this file
with `.venv/bin/python examples/render.py`.
"""


def main() -> int:
    store = store_for(build_quads(process(REPORT)))
    parts = [INTRO.format(rows=MAX_ROWS, width=CELL_WIDTH)]
    for path in sorted(QUERIES.glob("*.rq")):
        parts.append(section(path, store))
    with atomic_output(HERE / "README.md") as stream:
        stream.write("\n".join(parts).encode("utf-8"))
    print(f"wrote {HERE / 'README.md'} ({len(parts) - 1} queries)")
    return 0


def section(path: Path, store: object) -> str:
    query = path.read_text(encoding="utf-8")
    question = query.splitlines()[0].lstrip("# ").strip()
    result = run_query(store, query)
    if result.kind == "graph":
        lines = format_result(result, "turtle").splitlines()
        lines = [line for line in lines if not line.startswith("@prefix")]
        shown = lines[:MAX_GRAPH_LINES] + (["# …"] if len(lines) > MAX_GRAPH_LINES else [])
        answer, note, fence = "\n".join(shown), f"{len(result.triples)} triples", "turtle"
    else:
        total = len(result.rows) if result.kind == "select" else 1
        result.rows = result.rows[:MAX_ROWS]
        answer, fence = format_result(result, "table", CELL_WIDTH).rstrip("\n"), "text"
        note = f"{total} row{'s' if total != 1 else ''}" if result.kind == "select" else "ASK"
        if total == 0:
            note += "; the bundled report states nothing this query asks about"
    return (
        f"## {path.name}\n\n{question}\n\n```sparql\n{query.rstrip()}\n```\n\n"
        f"Answer ({note}):\n\n```{fence}\n{answer}\n```\n"
    )


if __name__ == "__main__":
    sys.exit(main())
