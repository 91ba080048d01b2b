"""Shared fixtures: paths to the project's shared seeds and gold, and small file builders."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _shared_dir(name: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{path} is not available (the shared seeds and gold sit beside the repository)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _shared_dir("seeds")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _shared_dir("gold")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples"
