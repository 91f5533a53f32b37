"""A reproducible random sample of extracted relations, for judging precision by hand.

    python benchmarks/relation_sample.py GRAPH.nq [--seed 41] [--size 30] [--exclude bd025- bd071-]

Prints each sampled relation (subject --kind--> object) with its report and the
part of its source sentence around the trigger. The development reports'
corpus copies (bd025 清苑 2021, bd071 定兴 2021) are left out by default, so the
sample is of reports the rules were not tuned on. The judged sample of issue 5
is in ``relations_judged_sample.md`` beside this script.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

QUERY = """
PREFIX gov: <https://w3id.org/govkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?statement ?graph ?subject ?predicate ?object ?text ?trigger WHERE {
  GRAPH ?graph {
    ?statement a gov:RelationStatement ; rdf:subject ?s ; rdf:predicate ?predicate ; rdf:object ?o ;
               prov:wasDerivedFrom ?sentence .
    ?s rdfs:label ?subject . ?o rdfs:label ?object . ?sentence gov:text ?text .
    OPTIONAL { ?statement gov:trigger ?trigger }
  }
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--seed", type=int, default=41)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--exclude", nargs="*", default=["bd025-", "bd071-"])
    args = parser.parse_args()
    store = ox.Store()
    store.bulk_load(path=str(args.graph), format=ox.RdfFormat.N_QUADS)
    rows = [row for row in store.query(QUERY) if not any(part in row["graph"].value for part in args.exclude)]
    rows.sort(key=lambda row: row["statement"].value)
    kinds = Counter(row["predicate"].value.split("#")[-1] for row in rows)
    print(f"{len(rows)} relations; " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    for number, row in enumerate(random.Random(args.seed).sample(rows, min(args.size, len(rows))), start=1):
        text = row["text"].value
        trigger = row["trigger"].value if row["trigger"] else ""
        at = text.find(trigger[:6]) if trigger else -1
        context = text[max(0, at - 40) : at + 80] if at >= 0 else text[:120]
        kind = row["predicate"].value.split("#")[-1]
        report = row["graph"].value.rsplit("/", 1)[-1]
        print(f"{number}. [{report}] {row['subject'].value} --{kind}--> {row['object'].value}\n     «{context}»")


if __name__ == "__main__":
    main()
