"""App factory: `create_app(settings)`; `app` is the instance uvicorn runs (`api.main:app`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from starlette.middleware.body_limit import RequestBodyLimitMiddleware

from api import console, handlers
from api.callers import CallerCache
from api.config import Settings, get_settings
from api.db import make_engine, make_session_factory
from api.logging_setup import install_filters
from api.middleware import MAX_BODY_BYTES, ErrorShieldMiddleware, UploadGuardMiddleware
from api.migrations import head_revision
from api.routes import declarations, establishments, health, reference, reports

DESCRIPTION = """Intake API for foreigners' temporary-residence declarations (Law 47/2014/QH13, Art. 33:
within 12 hours of arrival, 24 in remote areas). Three kinds of caller send `Authorization: Bearer`:
an establishment's API key, the chat channel's token with `X-Chat-Account`, or an officer's token.
Errors are `{"detail": [{"loc", "code", "msg", "msg_vi"}]}`. See docs/api.md."""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    channel_token = settings.effective_channel_token()  # refuses to start without one in production
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        install_filters()
        _size_threadpool(settings.db_pool_size)
        yield
        engine.dispose()

    app = FastAPI(
        title="Temporary-residence declaration intake",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.channel_token = channel_token
    app.state.schema_revision = head_revision()
    app.state.caller_cache = CallerCache(settings.caller_cache_seconds)
    handlers.install(app)
    app.add_middleware(ErrorShieldMiddleware)  # innermost of ours: sees every unexpected exception
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY_BYTES)  # counts streamed bytes
    app.add_middleware(UploadGuardMiddleware)  # added last: runs first
    for module in (health, establishments, declarations, reports, reference):
        app.include_router(module.router)
    console.install(app)  # the officers' web pages under /console/ (docs/console.md)
    return app


def _size_threadpool(pool_size: int) -> None:
    """Blocking database work runs in anyio's threadpool (40 threads by default), one connection per
    thread. As many threads as pooled connections: more threads would open overflow connections (a new
    PostgreSQL backend costs milliseconds of CPU) only to close them again, and fight over the GIL."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = pool_size


def __getattr__(name: str) -> FastAPI:
    """`api.main:app` is built on first access, so importing this module touches no database."""
    if name == "app":
        return create_app()
    raise AttributeError(name)
