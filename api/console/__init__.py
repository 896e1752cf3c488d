"""The officers' web console under /console/: sign-in, declarations, establishments, reports, exports.

Server-rendered (Jinja2), scoped to the signed-in officer's province on every query, every view of
personal data written to the audit log like the API's reads. See docs/console.md.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).with_name("static")


def install(app: FastAPI) -> None:
    """Mount the console's pages and its static files (chart library, stylesheet) on the API app."""
    from api.console import routes

    routes.install(app)
    app.include_router(routes.router)
    app.mount("/console/static", StaticFiles(directory=STATIC_DIR), name="console-static")
