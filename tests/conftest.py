"""Shared fixtures. Tests under tests/actions/ need Rasa SDK (Python 3.10) and run with
`make test-rasa`; the rest run on the 3.11 environment."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from bot.stack import DEFAULT_MODEL, StackConfig, running_stack

collect_ignore = ["actions"] if sys.version_info >= (3, 11) else []

# CI runs the same examples every time (a red build must be reproducible); locally they vary.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StackConfig]:
    """The real intake API, action server and Rasa server (trained model) on free loopback ports."""
    if not DEFAULT_MODEL.exists():
        pytest.fail(f"No trained model at {DEFAULT_MODEL}: `make test` trains it; alone, run `make train`.")
    config = StackConfig.on_free_ports(Path(tmp_path_factory.mktemp("stack")))
    with running_stack(config):
        yield config
