"""Conversations that survive restarts and replica failures (issue 14), on the real stack.

- One Rasa replica, the default SQLite tracker store: stop the whole stack mid-form and another chat
  mid-clarification, start it again, both go on; a declaration confirmed before a stop is filed once.
- Two Rasa replicas and two action servers behind nginx, PostgreSQL tracker store, Redis lock store:
  two messages of one chat sent to the two replicas at once are processed one after the other;
  SIGKILL a replica mid-form and the other one finishes the form, filed once.
- After filing, the raw tracker table holds no name, date of birth or document number.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from bot.dialogue_tier import DialogueTier
from bot.rasa_client import ChannelCredentials, RasaClient
from bot.stack import RunningService, StackConfig, free_port, running_stack
from deployment.table import CLI_CHANNEL_SECRET, RASA_TOKEN
from tests.e2e.chat import api_headers, call_api, joined, payloads, register_establishment, say
from tests.e2e.test_declare import guest_answers
from tests.postgres import temporary_database

pytestmark = [pytest.mark.stack, pytest.mark.slow]

NAME, DOCUMENT = "KIM MIN JUN", "M12345678"
BIRTH_FORMS = ("05/03/1990", "1990-03-05", "05-03-1990")
ANSWERS = guest_answers()  # name, sex, birth, nationality, document, expiry, arrival, stay, room


async def filed_receipts(config: StackConfig, sender: str) -> list[str]:
    listed = await call_api(
        "GET", f"{config.api_url}/v1/declarations", headers=api_headers(config, f"cli:{sender}")
    )
    assert listed.status_code == 200, listed.text
    return [item["receipt_code"] for item in listed.json()["items"]]


def receipt_in(text: str) -> str:
    assert "Receipt code:" in text, text
    return text.split("Receipt code:")[1].split()[0]


def assert_no_personal_data(rows: list[Any]) -> None:
    dump = repr(rows)
    assert len(rows) > 30, "the tracker table is nearly empty: is the tracker store in use?"
    for secret in (NAME, DOCUMENT, *BIRTH_FORMS):
        assert secret not in dump, f"{secret!r} is stored in clear in the tracker table"


def sqlite_rows(config: StackConfig) -> list[Any]:
    path = config.var_dir / "dialogue" / "trackers.sqlite3"
    with sqlite3.connect(path) as connection:
        return list(connection.execute("SELECT * FROM events"))


def postgres_rows(url: str) -> list[Any]:
    with psycopg.connect(url) as connection:
        return list(connection.execute("SELECT * FROM events").fetchall())


def service(services: list[RunningService], name: str) -> RunningService:
    return next(s for s in services if s.spec.name == name)


# -- one replica, restarts ------------------------------------------------------------------------


async def test_whole_stack_restart_mid_form_resumes_and_files_once(tmp_path: Path) -> None:
    config = StackConfig.on_free_ports(tmp_path)
    sender, asker = f"e2e-restart-{uuid.uuid4().hex[:8]}", f"e2e-clarify-{uuid.uuid4().hex[:8]}"
    with running_stack(config):
        await register_establishment(config, f"cli:{sender}")
        assert "Sao Mai Homestay" in joined(await say(config, sender, "declare a guest"))
        for answer in ANSWERS[:3]:
            await say(config, sender, answer)
        # Another chat stops in the middle of a clarification: it asked which office, and the assistant
        # asked for the province.
        answered = await say(config, asker, "how do I get a criminal record certificate?")
        assert '/inform{"facet": "where"}' in payloads(answered)
        asked = await say(config, asker, '/inform{"facet": "where"}')
        assert '/inform{"province": "Hà Nội"}' in payloads(asked)

    with running_stack(config):  # every process is new; only var/ (the tracker store) is left
        answer = joined(await say(config, asker, '/inform{"province": "Hà Nội"}'))
        # the question asked before the restart: which office issues criminal-record certificates
        assert "criminal-record certificates" in answer and "216/2026" in answer, answer
        replies: list[Any] = []
        for answer in ANSWERS[3:]:
            replies = await say(config, sender, answer)
        summary = joined(replies)
        assert "Please check the declaration" in summary, summary
        assert NAME in summary and "05/03/1990" in summary  # typed before the restart
        receipt = receipt_in(joined(await say(config, sender, "/confirm_declaration")))

    with running_stack(config):
        again = joined(await say(config, sender, "/confirm_declaration"))
        assert f"already filed: receipt {receipt}" in again, again
        assert await filed_receipts(config, sender) == [receipt]
    assert_no_personal_data(sqlite_rows(config))


# -- two replicas behind nginx --------------------------------------------------------------------


@pytest.fixture(scope="module")
def tracker_database() -> Iterator[str]:
    with temporary_database("trackers_e2e") as url:
        yield url


@pytest.fixture(scope="module")
def replicated(
    tmp_path_factory: pytest.TempPathFactory, tracker_database: str
) -> Iterator[tuple[StackConfig, list[RunningService]]]:
    tier = DialogueTier(
        rasa_replicas=2,
        action_replicas=2,
        tracker_store_url=tracker_database,
        rasa_ports=(free_port(), free_port()),
        action_ports=(free_port(), free_port()),
    )
    config = StackConfig.on_free_ports(tmp_path_factory.mktemp("replicas"), dialogue=tier)
    with running_stack(config) as services:
        yield config, services


async def tracker_events(config: StackConfig, port: int, sender: str) -> list[dict[str, Any]]:
    url = f"http://127.0.0.1:{port}/conversations/cli:{sender}/tracker"  # the channel namespaces ids
    response = await call_api("GET", url, params={"token": config.secret(RASA_TOKEN)})
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


async def post_to(config: StackConfig, port: int, sender: str, text: str) -> list[Any]:
    """Straight to one replica, past the balancer, signed as the terminal chat."""
    credentials = ChannelCredentials("cli", config.secret(CLI_CHANNEL_SECRET))
    async with RasaClient(f"http://127.0.0.1:{port}", credentials, timeout=60) as client:
        replies: list[Any] = await client.send(sender, text)
    assert replies, f"no reply to {text!r} at port {port}"
    return replies


def lock_held(sender: str, db: int = 1) -> bool:
    """Whether Redis holds the conversation's ticket lock (Rasa's key `lock:<sender>`), in RESP inline form."""
    with socket.create_connection(("127.0.0.1", 6379), timeout=2) as connection:
        connection.sendall(f"SELECT {db}\r\nEXISTS lock:cli:{sender}\r\n".encode())
        answer = b""
        while answer.count(b"\r\n") < 2:
            answer += connection.recv(64)
    return answer.split(b"\r\n")[1] == b":1"


def assert_turns_whole(events: list[dict[str, Any]], expected: list[str]) -> None:
    """Each message was read once and its turn ran to its end (bot answered, then listened) before the
    next message was read: two replicas never worked on the conversation at the same time."""
    said = [e["text"] for e in events if e["event"] == "user"]
    assert said == expected, said
    for index, event in enumerate(events):
        if event["event"] == "user" and index > 0:
            actions = [e for e in events[:index] if e["event"] == "action"]
            assert actions[-1]["name"] == "action_listen", events
    turns = joined_turns(events)
    assert all(bot_lines for _, bot_lines in turns), turns
    for text, bot_lines in turns:
        if text == QUICK:
            assert "welcome" in " ".join(bot_lines), turns
        if text == SLOW:
            assert "219/2025/NĐ-CP" in " ".join(bot_lines), turns  # the work-permit decree answers it


SLOW, QUICK = "how do I get a work permit in Bac Ninh?", "thanks"


async def test_a_message_arriving_while_another_replica_holds_the_chat_waits_its_turn(
    replicated: tuple[StackConfig, list[RunningService]],
) -> None:
    config, _ = replicated
    first_port, second_port = config.dialogue.rasa_ports
    for _ in range(3):
        sender = f"e2e-order-{uuid.uuid4().hex[:8]}"
        await say(config, sender, "hello")
        slow = asyncio.create_task(post_to(config, first_port, sender, SLOW))
        for _ in range(3000):  # replica 1 has taken its ticket: the chat is locked
            if lock_held(sender):
                break
            await asyncio.sleep(0.002)
        assert not slow.done(), "the first message finished before the second was sent: nothing overlapped"
        await asyncio.gather(slow, post_to(config, second_port, sender, QUICK))
        assert_turns_whole(await tracker_events(config, first_port, sender), ["hello", SLOW, QUICK])


async def test_messages_of_one_chat_sent_to_two_replicas_at_once_are_processed_one_by_one(
    replicated: tuple[StackConfig, list[RunningService]],
) -> None:
    config, _ = replicated
    first_port, second_port = config.dialogue.rasa_ports
    senders = [f"e2e-burst-{uuid.uuid4().hex[:8]}" for _ in range(6)]
    for sender in senders:
        await say(config, sender, "hello")
    await asyncio.gather(
        *(
            asyncio.gather(post_to(config, first_port, s, SLOW), post_to(config, second_port, s, QUICK))
            for s in senders
        )
    )
    for sender in senders:
        events = await tracker_events(config, first_port, sender)
        said = [e["text"] for e in events if e["event"] == "user"]
        # Whichever took its ticket first went first; neither was lost, neither ran alongside the other.
        assert sorted(said[1:]) == sorted([SLOW, QUICK]), said
        assert_turns_whole(events, said)


def joined_turns(events: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(user text, the bot texts that followed it) per user message."""
    turns: list[tuple[str, list[str]]] = []
    for event in events:
        if event["event"] == "user":
            turns.append((event["text"], []))
        elif event["event"] == "bot" and turns:
            turns[-1][1].append(event.get("text") or "")
    return turns


async def test_sigkill_one_replica_mid_form_the_other_finishes_it_filed_once(
    replicated: tuple[StackConfig, list[RunningService]], tracker_database: str
) -> None:
    config, services = replicated
    sender = f"e2e-failover-{uuid.uuid4().hex[:8]}"
    await register_establishment(config, f"cli:{sender}")
    assert "Sao Mai Homestay" in joined(await say(config, sender, "declare a guest"))
    for answer in ANSWERS[:4]:  # through nginx: the turns alternate between the replicas
        await say(config, sender, answer)

    victim = service(services, "Rasa server 1")
    victim.process.kill()  # SIGKILL: no shutdown, nothing flushed
    victim.process.wait(timeout=10)

    replies: list[Any] = []
    for answer in ANSWERS[4:]:
        replies = await say(config, sender, answer)
    summary = joined(replies)
    assert "Please check the declaration" in summary, summary
    assert NAME in summary and "05/03/1990" in summary and "M12345678" in summary
    receipt = receipt_in(joined(await say(config, sender, "/confirm_declaration")))
    assert f"already filed: receipt {receipt}" in joined(await say(config, sender, "/confirm_declaration"))
    assert await filed_receipts(config, sender) == [receipt]
    assert_no_personal_data(postgres_rows(tracker_database))
