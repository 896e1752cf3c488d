"""Console fixtures: the API suite's databases (a fresh SQLite file and PostgreSQL, see tests/api) and
the in-process app; officers with console passwords; a signed-in HTTP client."""

from __future__ import annotations

from tests.api.conftest import client, db_url, engine, postgres_url, session, settings

__all__ = ["client", "db_url", "engine", "postgres_url", "session", "settings"]
