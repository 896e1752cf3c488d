"""A uvicorn server that runs inside the gateway's event loop, next to the PTB Application."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator

import uvicorn
from starlette.types import ASGIApp


class _EmbeddedServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # The gateway owns SIGINT/SIGTERM and stops this server itself; uvicorn must not take them.
        yield


class EmbeddedHttpServer:
    """Binds first (port 0 picks a free port), then serves until stop()."""

    def __init__(self, app: ASGIApp, host: str, port: int, *, name: str) -> None:
        self._config = uvicorn.Config(app, lifespan="off", log_level="warning", access_log=False)
        self._server = _EmbeddedServer(self._config)
        self._host = host
        self._requested_port = port
        self._socket: socket.socket | None = None
        self._task: asyncio.Task[None] | None = None
        self.name = name

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError(f"the {self.name} server is not started")
        return int(self._socket.getsockname()[1])

    async def start(self) -> None:
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on accepted sockets whose proto says TCP;
        # without it Nagle holds a response body until the headers are ACKed (~40 ms delayed ACK).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self._host, self._requested_port))
        sock.set_inheritable(True)
        self._socket = sock
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                await self._task  # surfaces the start-up error
                raise RuntimeError(f"the {self.name} server stopped during start-up")
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        if self._task is None:
            return
        self._server.should_exit = True
        await self._task
        self._task = None
        if self._socket is not None:
            self._socket.close()
