from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.pipeline import process

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
DEV_TEXTS = SHARED / "eval" / "texts"
CORPUS = SHARED / "corpus"
PINGFANG = DATA / "pingfang-2020.txt"


def dev_text(name: str) -> Path:
    path = DEV_TEXTS / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"development text {path} not present")
    return path


def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"corpus file {path} not present")
    return path


@pytest.fixture(scope="session")
def pingfang_doc():
    return process(PINGFANG)


@pytest.fixture(scope="session")
def pingfang_quads(pingfang_doc) -> list:
    from kg.rdf.build import build_quads

    return build_quads(pingfang_doc)


@pytest.fixture(scope="session")
def pingfang_graph_file(pingfang_quads, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report's graph as a TriG file (its named graph kept)."""
    from kg.rdf.serialize import write_quads

    path = tmp_path_factory.mktemp("pingfang") / "pingfang-2020.trig"
    write_quads(pingfang_quads, path)
    return path


@pytest.fixture(scope="session")
def corpus_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole corpus built once per session into one N-Quads file (one named graph per report)."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus {CORPUS} not present")
    output = tmp_path_factory.mktemp("corpus") / "corpus.nq"
    subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS), "-o", str(output), "-q"], check=True, timeout=900)
    return output
