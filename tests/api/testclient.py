"""Starlette's TestClient, imported once with its 'use httpx2' notice silenced.

Starlette 1.x warns (as a UserWarning, which our filterwarnings=error turns into a failure) when only
httpx is installed. httpx works; the lead decides whether requirements should move to httpx2.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient` is deprecated")
    from starlette.testclient import TestClient

__all__ = ["TestClient"]
