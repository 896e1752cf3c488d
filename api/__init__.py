"""Police intake API for foreigners' temporary-residence declarations (FastAPI, SQLAlchemy 2, Alembic)."""
