"""Async client for the intake API, acting as the chat channel for one chat account.

Every failure becomes IntakeUnavailable (unreachable, timeout, 5xx: retry later) or IntakeRejected
(4xx: the host must change something). Request bodies are never logged: they hold passport data.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import aiohttp

from actions.declare import settings
from actions.declare.errors import IntakeRejected, IntakeUnavailable
from actions.declare.identity import chat_account

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0


class IntakeClient:
    def __init__(self, sender_id: str, base_url: str | None = None, token: str | None = None) -> None:
        self.base_url = (base_url or settings.intake_api_url()).rstrip("/")
        self.account = chat_account(sender_id)
        self._headers = {
            "Authorization": f"Bearer {token or settings.channel_token()}",
            "X-Chat-Account": self.account,
        }

    async def request(
        self,
        method: str,
        path: str,
        *,
        body: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[int, Any]:
        headers = dict(self._headers)
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.request(
                    method, self.base_url + path, json=body, params=params, headers=headers
                ) as response,
            ):
                status = response.status
                text = await response.text()
        # asyncio.TimeoutError is not TimeoutError before Python 3.11: aiohttp's total timeout (a hung
        # API, e.g. stopped with SIGSTOP) raises it, and it must queue the declaration like a refusal.
        except (aiohttp.ClientError, asyncio.TimeoutError, TimeoutError, OSError) as error:
            logger.warning("intake API unreachable on %s %s: %s", method, path, type(error).__name__)
            raise IntakeUnavailable(f"intake API unreachable: {type(error).__name__}") from error
        try:
            payload = json.loads(text) if text else None
        except json.JSONDecodeError:
            payload = None
        if status >= 500:
            logger.warning("intake API answered %s on %s %s", status, method, path)
            raise IntakeUnavailable(f"intake API answered {status}")
        if status >= 400:
            detail = payload.get("detail") if isinstance(payload, dict) else None
            if not isinstance(detail, list):
                detail = [
                    {"loc": [], "msg": str(detail or f"HTTP {status}"), "msg_vi": str(detail or status)}
                ]
            logger.info("intake API refused %s %s with %s", method, path, status)
            raise IntakeRejected(status, detail)
        return status, payload

    async def me(self) -> dict[str, Any]:
        _, payload = await self.request("GET", "/v1/me")
        return payload if isinstance(payload, dict) else {}

    async def register_establishment(self, body: dict[str, Any]) -> dict[str, Any]:
        _, payload = await self.request("POST", "/v1/establishments", body=body)
        return payload if isinstance(payload, dict) else {}

    async def validate_declaration(self, body: dict[str, Any]) -> dict[str, Any]:
        _, payload = await self.request("POST", "/v1/declarations/validate", body=body)
        return payload if isinstance(payload, dict) else {}

    async def file_declaration(self, body: dict[str, Any], key: str) -> dict[str, Any]:
        _, payload = await self.request("POST", "/v1/declarations", body=body, idempotency_key=key)
        return payload if isinstance(payload, dict) else {}

    async def list_declarations(self, limit: int = 5) -> list[dict[str, Any]]:
        _, payload = await self.request("GET", "/v1/declarations", params={"limit": str(limit)})
        if isinstance(payload, dict) and isinstance(payload.get("items"), list):
            return list(payload["items"])
        return list(payload) if isinstance(payload, list) else []

    async def cancel_declaration(self, receipt: str, reason: str) -> dict[str, Any]:
        _, payload = await self.request("POST", f"/v1/declarations/{receipt}/cancel", body={"reason": reason})
        return payload if isinstance(payload, dict) else {}
