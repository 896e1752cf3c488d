"""Apply Alembic migrations programmatically (the CLI, the server start and the tests all use this)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from api.db import normalise_url

_INI = Path(__file__).with_name("alembic.ini")


def alembic_config(database_url: str) -> Config:
    config = Config(str(_INI))
    config.set_main_option("script_location", str(_INI.parent / "alembic"))
    # ConfigParser interpolation: a literal % in a password must be doubled.
    config.set_main_option("sqlalchemy.url", normalise_url(database_url).replace("%", "%%"))
    return config


def upgrade_to_head(database_url: str) -> None:
    """Migrates, unless the database is at head already: checked with a plain read, so that an API can
    start on a database that is read-only for the moment (api.db's engine takes SQLite's write lock at
    every BEGIN, and Alembic always begins a transaction) and report it on /health until it recovers."""
    config = alembic_config(database_url)
    if _current_revision(database_url) == head_revision():
        return
    command.upgrade(config, "head")


def head_revision() -> str | None:
    """The revision the code expects (/health compares the database's with it)."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def _current_revision(database_url: str) -> str | None:
    engine = create_engine(normalise_url(database_url))
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError:  # e.g. a new SQLite file whose directory does not exist yet: migrate
        return None
    finally:
        engine.dispose()
