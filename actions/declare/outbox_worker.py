"""`python -m actions.declare.outbox_worker`: files queued declarations and tells the host.

Started by bot/stack.py after Rasa. Each loop takes the due outbox items and moves each one step:
pending -> file it (same Idempotency-Key every time; 5xx/unreachable -> retry with backoff, 4xx -> rejected);
filed/rejected -> Rasa `trigger_intent` EXTERNAL_declaration_filed, keep the bot's messages;
announced -> POST {"recipient_id", "messages"} to every NOTIFY_URL not yet reached (retried alone).
GET /health on OUTBOX_WORKER_PORT answers with the outbox counts. Outside development it refuses to
start unless CHANNEL_TOKEN, RASA_TOKEN and PUSH_TOKEN are set and strong (deployment.rasa_settings).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
from collections import Counter
from urllib.parse import quote

import aiohttp
from aiohttp import web

from actions.declare.errors import IntakeRejected, IntakeUnavailable
from actions.declare.identity import mask_document
from actions.declare.intake import IntakeClient
from actions.declare.outbox import Outbox, OutboxItem
from actions.declare.receipts import receipt_summary
from deployment.table import CHANNEL_TOKEN, PUSH_TOKEN, RASA_TOKEN
from rasa_addons import log_privacy
from rasa_addons.startup import settings_or_exit

logger = logging.getLogger("actions.declare.outbox_worker")

TRIGGER_INTENT = "EXTERNAL_declaration_filed"
POLL_SECONDS = 1.0
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=30)


class OutboxWorker:
    def __init__(
        self,
        outbox: Outbox,
        rasa_url: str,
        notify_urls: list[str],
        push_token: str | None = None,
        rasa_token: str | None = None,
    ):
        self.rasa_token = rasa_token
        self.outbox = outbox
        self.rasa_url = rasa_url.rstrip("/")
        self.notify_urls = notify_urls
        self.push_token = push_token

    async def run_once(self) -> int:
        """One pass over the due items; returns how many were looked at."""
        items = self.outbox.due()
        for item in items:
            try:
                await self.step(item)
            except Exception as error:  # one bad item must not stop the others
                logger.exception("outbox item %s failed", item.id)
                self.outbox.failed_attempt(item.id, f"{type(error).__name__}")
        return len(items)

    async def step(self, item: OutboxItem) -> None:
        if item.state == "pending":
            await self._file(item)
        elif item.state in ("filed", "rejected"):
            await self._announce(item)
        elif item.state == "announced":
            await self._deliver(item)

    async def _file(self, item: OutboxItem) -> None:
        masked = mask_document(item.body.get("guest", {}).get("document_number"))
        try:
            answer = await IntakeClient(item.sender_id).file_declaration(item.body, item.idempotency_key)
        except IntakeUnavailable as error:
            logger.info("outbox %s: still unavailable (%s), attempt %d", item.id, error, item.attempts + 1)
            self.outbox.failed_attempt(item.id, str(error))
            return
        except IntakeRejected as error:
            logger.warning(
                "outbox %s: refused with %s (document %s); not retried", item.id, error.status, masked
            )
            self.outbox.mark_rejected(item.id, error.detail, item.body.get("guest", {}).get("full_name"))
            return
        logger.info("outbox %s: filed %s (document %s)", item.id, answer.get("receipt_code"), masked)
        self.outbox.mark_filed(item.id, receipt_summary(answer))

    async def _announce(self, item: OutboxItem) -> None:
        url = f"{self.rasa_url}/conversations/{quote(item.sender_id, safe='')}/trigger_intent"
        body = {"name": TRIGGER_INTENT, "entities": {"declare_outcome": json.dumps(item.result or {})}}
        try:
            async with (
                aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session,
                session.post(
                    url, json=body, params={"token": self.rasa_token} if self.rasa_token else None
                ) as response,
            ):
                if response.status != 200:
                    raise aiohttp.ClientError(f"Rasa answered {response.status}")
                payload = await response.json()
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            logger.info("outbox %s: Rasa not reached (%s)", item.id, error)
            self.outbox.failed_attempt(item.id, f"rasa: {error}")
            return
        messages = [m for m in payload.get("messages") or [] if isinstance(m, dict)]
        self.outbox.mark_announced(item.id, messages)
        if not self.notify_urls or not messages:
            self.outbox.mark_done(item.id)

    async def _deliver(self, item: OutboxItem) -> None:
        if not self.notify_urls:
            self.outbox.mark_done(item.id)
            return
        headers = {"Authorization": f"Bearer {self.push_token}"} if self.push_token else {}
        body = {"recipient_id": item.sender_id, "messages": item.messages or [], "language": item.language}
        failed = False
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            for url in self.notify_urls:
                if url in item.delivered:
                    continue
                try:
                    async with session.post(url, json=body, headers=headers) as response:
                        ok = 200 <= response.status < 300
                        # 404: that endpoint does not serve this recipient (e.g. Telegram vs terminal).
                        if ok or response.status == 404:
                            self.outbox.mark_delivered(item.id, url, self.notify_urls)
                            continue
                        logger.info("outbox %s: push to %s answered %s", item.id, url, response.status)
                except (aiohttp.ClientError, TimeoutError, OSError) as error:
                    logger.info("outbox %s: push to %s failed (%s)", item.id, url, type(error).__name__)
                failed = True
        if failed:
            self.outbox.failed_attempt(item.id, "push not delivered")

    def counts(self) -> dict[str, int]:
        return dict(Counter(item.state for item in self.outbox.all_items()))


async def serve(worker: OutboxWorker, port: int, stop: asyncio.Event) -> None:
    async def health(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "outbox": worker.counts()})

    app = web.Application()
    app.router.add_get("/health", health)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    logger.info("outbox worker: health on 127.0.0.1:%d, outbox %s", port, worker.outbox.path)
    try:
        while not stop.is_set():
            await worker.run_once()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=POLL_SECONDS)
    finally:
        await runner.cleanup()


def main() -> None:
    settings, secrets = settings_or_exit(
        "outbox worker", CHANNEL_TOKEN.variable, RASA_TOKEN.variable, PUSH_TOKEN.variable
    )
    log_privacy.install()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    worker = OutboxWorker(
        Outbox(settings.outbox_path),
        settings.rasa_url,
        settings.notify_url_list,
        secrets[PUSH_TOKEN.variable],
        secrets[RASA_TOKEN.variable],
    )
    port = settings.outbox_worker_port

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve(worker, port, stop)

    asyncio.run(run())


if __name__ == "__main__":
    main()
