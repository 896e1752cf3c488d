"""Alembic environment: the URL comes from the Config (set by api.migrations) or from DATABASE_URL."""

from __future__ import annotations

from alembic import context

from api.config import get_settings
from api.db import make_engine
from api.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or get_settings().database_url
engine = make_engine(url)
try:
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
finally:
    engine.dispose()
