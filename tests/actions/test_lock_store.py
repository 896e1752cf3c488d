"""The atomic Redis lock store on the real Redis (127.0.0.1:6379): two store instances stand for two
Rasa replicas; messages of one conversation get unique tickets and are served one at a time, in order."""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest
import redis
from rasa.utils.endpoints import EndpointConfig

from rasa_addons.lock_store import AtomicRedisLockStore

pytestmark = pytest.mark.redis
REDIS_URL = "redis://127.0.0.1:6379/1"


@pytest.fixture
def prefix() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.ConnectionError as error:
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    return f"test{uuid.uuid4().hex[:10]}"


def replica(prefix: str) -> AtomicRedisLockStore:
    """What Rasa builds from bot/endpoints.yml in each replica process."""
    config = EndpointConfig(
        url=REDIS_URL, type="rasa_addons.lock_store.AtomicRedisLockStore", key_prefix=prefix
    )
    return AtomicRedisLockStore(endpoint_config=config)


def test_the_url_names_host_port_and_database(prefix: str) -> None:
    store = replica(prefix)
    kwargs = store.red.connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["db"]) == ("127.0.0.1", 6379, 1)


def test_tickets_issued_at_once_by_two_replicas_are_unique(prefix: str) -> None:
    stores = [replica(prefix), replica(prefix)]
    start = threading.Barrier(16)
    tickets: list[int] = []

    def take(store: AtomicRedisLockStore) -> None:
        start.wait()
        for _ in range(10):
            tickets.append(store.issue_ticket("chat-1"))

    threads = [threading.Thread(target=take, args=(stores[i % 2],)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(tickets) == list(range(160))


async def test_messages_of_one_chat_at_two_replicas_are_served_one_at_a_time_in_order(prefix: str) -> None:
    stores = [replica(prefix), replica(prefix)]
    served: list[tuple[str, int]] = []
    inside = 0

    async def message(number: int) -> None:
        nonlocal inside
        async with stores[number % 2].lock("chat-2"):
            inside += 1
            assert inside == 1, "two messages of one chat were processed at the same time"
            served.append(("start", number))
            await asyncio.sleep(0.02)  # a turn's work, with awaits where the other replica could run
            served.append(("end", number))
            inside -= 1

    tasks = []
    for number in range(6):  # issued in this order, a few ms apart, alternating replicas
        tasks.append(asyncio.create_task(message(number)))
        await asyncio.sleep(0.003)
    await asyncio.gather(*tasks)
    assert served == [(step, n) for n in range(6) for step in ("start", "end")]
    assert stores[0].get_lock("chat-2") is None  # cleaned up once nobody waits


def test_a_finished_ticket_does_not_delete_a_lock_someone_queued_on(prefix: str) -> None:
    first, second = replica(prefix), replica(prefix)
    mine = first.issue_ticket("chat-3")
    theirs = second.issue_ticket("chat-3")
    first.cleanup("chat-3", mine)
    lock = second.get_lock("chat-3")
    assert lock is not None and not lock.is_locked(theirs)
    second.cleanup("chat-3", theirs)
    assert second.get_lock("chat-3") is None
