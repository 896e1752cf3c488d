"""A 201 means committed: SIGKILL the server during a burst; every acknowledged receipt is in the database."""

from __future__ import annotations

import signal
import threading
import time

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Declaration
from tests.api.factories import CHANNEL_TOKEN, declaration_body, establishment_body
from tests.api.server import free_port, start_server, stop_server

THREADS = 6


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_every_acknowledged_receipt_survives_sigkill(db_url: str, session: Session) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db_url, port, CHANNEL_TOKEN)
    channel = {"Authorization": f"Bearer {CHANNEL_TOKEN}", "X-Chat-Account": "telegram:kill"}
    key = httpx.post(f"{base}/v1/establishments", json=establishment_body(), headers=channel).json()[
        "api_key"
    ]
    headers = {"Authorization": f"Bearer {key}"}
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def fire(worker: int) -> None:
        with httpx.Client(base_url=base, timeout=5) as client:
            n = 0
            while not stop.is_set():
                n += 1
                body = declaration_body(guest={"document_number": f"K{worker}{n:06d}"})
                try:
                    r = client.post("/v1/declarations", json=body, headers=headers)
                except httpx.HTTPError:
                    return  # the server is gone: this request was never acknowledged
                if r.status_code == 201:
                    with lock:
                        acknowledged.append(r.json()["receipt_code"])

    threads = [threading.Thread(target=fire, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 60 and time.monotonic() < deadline:
        time.sleep(0.02)
    stop_server(server, signal.SIGKILL)  # mid-burst: requests are in flight
    stop.set()
    for t in threads:
        t.join(timeout=10)
    assert len(acknowledged) >= 20, "the burst never got going"

    restarted = start_server(db_url, port, CHANNEL_TOKEN)
    try:
        stored = set(session.scalars(select(Declaration.receipt_code)))
        session.rollback()
        missing = [code for code in acknowledged if code not in stored]
        assert missing == []
        # and the restarted server serves them
        r = httpx.get(f"{base}/v1/declarations/{acknowledged[-1]}", headers=headers)
        assert r.status_code == 200
    finally:
        stop_server(restarted)
