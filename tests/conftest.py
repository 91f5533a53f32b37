from __future__ import annotations

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
