"""Many concurrent reads on a small pool never stall (a liveness check, not a speed target).

Sync routes need a thread twice (the route, then FastAPI's answer validation). A session that kept its
connection, or SQLite's write lock, between the two could leave every thread waiting for it: with the
threadpool sized to the pool, the server then stood still until the 30 s pool or busy timeout.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.api.factories import CHANNEL_TOKEN, channel_headers, declaration_body, establishment_body
from tests.api.server import running_server

CONCURRENT = 32


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_concurrent_reads_on_a_two_connection_pool_all_answer(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DB_POOL_SIZE", "2")  # two threads, twelve connections at most
    with running_server(db_url, CHANNEL_TOKEN) as base:
        registered = httpx.post(
            f"{base}/v1/establishments", json=establishment_body(), headers=channel_headers("telegram:c1")
        )
        headers = {"Authorization": f"Bearer {registered.json()['api_key']}"}
        filed = httpx.post(f"{base}/v1/declarations", json=declaration_body(), headers=headers)
        receipt = filed.json()["receipt_code"]
        paths = [
            f"/v1/declarations/{receipt}",
            "/v1/declarations?limit=5",
            f"/v1/declarations/{receipt}/history",
        ]

        def read(i: int) -> int:
            with httpx.Client(base_url=base, headers=headers, timeout=15) as client:
                return client.get(paths[i % len(paths)]).status_code

        with ThreadPoolExecutor(CONCURRENT) as pool:
            statuses = list(pool.map(read, range(CONCURRENT * 3)))
    assert statuses == [200] * (CONCURRENT * 3)
