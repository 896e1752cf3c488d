"""Parameter tables kept as data: a test module's rows live in tables/<module>.yaml beside it, one
list of rows under the test's name, so the module keeps only the logic that checks them."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml

Test = TypeVar("Test", bound=Callable[..., Any])


@cache
def _tables(path: Path) -> dict[str, list[list[Any]]]:
    with path.open(encoding="utf-8") as f:
        loaded: dict[str, list[list[Any]]] = yaml.safe_load(f)
    return loaded


def table(module_file: str, name: str) -> list[tuple[Any, ...]]:
    """The rows of test `name` in the table file of the module at `module_file` (pass `__file__`)."""
    module = Path(module_file)
    return [tuple(row) for row in _tables(module.parent / "tables" / f"{module.stem}.yaml")[name]]


def cases(argnames: str) -> Callable[[Test], Test]:
    """`pytest.mark.parametrize(argnames, rows)` with the rows kept under the test's own name."""

    def mark(test: Test) -> Test:
        marked: Test = pytest.mark.parametrize(argnames, table(test.__code__.co_filename, test.__name__))(
            test
        )
        return marked

    return mark
