"""Make the repository root importable (pyproject has no `pythonpath` setting yet; the lead may add one), and
build the knowledge base once for the builder's tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture(scope="session")
def built() -> tuple[dict[str, Any], dict[str, Any]]:
    """The knowledge base and its build report as the builder makes them from the sources, once a session
    (tests read them, never change them)."""
    from knowledge.builder.build import build  # spaCy: only for the tests that build

    return build(progress=lambda _line: None)


@pytest.fixture(scope="session")
def kb(built: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    return built[0]
