"""The two environments meet over HTTP only: the 3.11 side never imports Rasa, the 3.10 side never
imports the API, and knowledge's query code uses the standard library alone."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_roots(package: str, *, skip: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in (ROOT / package).rglob("*.py"):
        if any(part in skip for part in path.relative_to(ROOT).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update((str(path.relative_to(ROOT)), a.name.split(".")[0]) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((str(path.relative_to(ROOT)), node.module.split(".")[0]))
    return found


@pytest.mark.parametrize("package", ["api", "bot", "knowledge", "deployment"])
def test_python311_side_never_imports_rasa(package: str) -> None:
    offenders = {(f, m) for f, m in imported_roots(package) if m in {"rasa", "rasa_sdk"}}
    assert not offenders


@pytest.mark.parametrize("package", ["actions", "rasa_addons"])
def test_python310_side_never_imports_the_api_or_gateway(package: str) -> None:
    offenders = {(f, m) for f, m in imported_roots(package) if m in {"api", "bot", "telegram", "fastapi"}}
    assert not offenders


@pytest.mark.parametrize(
    ("package", "skip"),
    [
        ("knowledge", ("builder",)),
        ("catalog", ("build.py",)),
        ("declaration_spec", ()),
        ("deployment", ("app_settings.py", "rasa_settings.py")),  # one settings module per interpreter
    ],
)
def test_shared_packages_use_only_the_standard_library(package: str, skip: tuple[str, ...]) -> None:
    """knowledge's query code, the text catalogue, the declaration spec and the deployment table are
    imported by both interpreters."""
    allowed = set(sys.stdlib_module_names) | {"knowledge", "catalog", "declaration_spec", "deployment"}
    offenders = {(f, m) for f, m in imported_roots(package, skip=skip) if m not in allowed}
    assert offenders <= SHARED_LIBRARIES.get(package, set())


# The one library a shared package may use beyond the standard library: phone numbers in the spec, read
# with libphonenumber. Both environments must pin the same version, or the chat and the API would differ.
SHARED_LIBRARIES = {"declaration_spec": {("declaration_spec/phone.py", "phonenumbers")}}


def _pins(lock: str) -> dict[str, str]:
    lines = (ROOT / "requirements" / lock).read_text(encoding="utf-8").splitlines()
    return dict(line.lower().split("==", 1) for line in lines if "==" in line and not line.startswith("#"))


def test_libraries_of_shared_packages_are_pinned_alike_in_both_environments() -> None:
    app, rasa = _pins("app.lock"), _pins("rasa.lock")
    for library in {m for pairs in SHARED_LIBRARIES.values() for _, m in pairs}:
        assert library in app and app[library] == rasa.get(library), library
