"""The terminal chat's POST /push: only the outbox worker (PUSH_TOKEN) may print into this terminal,
and only for this chat's own sender id."""

from __future__ import annotations

import io

import httpx

from bot.chat_cli import serve_push
from bot.stack import free_port

TOKEN = "Pq8Zt3Lm5Xv1Rk7Nc2Wb9Hd4Js6Fg0Ya"
MESSAGE = {"messages": [{"text": "Receipt HN-7K2M9Q is ready"}]}


async def test_push_needs_the_token_and_this_chats_sender() -> None:
    out = io.StringIO()
    port = free_port()
    server = await serve_push(port, TOKEN, "cli:anna", out)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            anonymous = await client.post("/push", json={"recipient_id": "cli:anna", **MESSAGE})
            wrong = await client.post(
                "/push", json={"recipient_id": "cli:anna", **MESSAGE}, headers={"Authorization": "Bearer x"}
            )
            other = await client.post(
                "/push",
                json={"recipient_id": "telegram:42", **MESSAGE},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert "Receipt" not in out.getvalue()
            delivered = await client.post(
                "/push",
                json={"recipient_id": "cli:anna", **MESSAGE},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
    finally:
        server.close()
        await server.wait_closed()
    assert [r.status_code for r in (anonymous, wrong, other, delivered)] == [401, 401, 404, 202]
    assert "bot> Receipt HN-7K2M9Q is ready" in out.getvalue()
