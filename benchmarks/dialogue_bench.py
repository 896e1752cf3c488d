"""Turn latency and throughput of the whole assistant over Rasa's REST channel.

Starts the real stack (intake API, action server with the knowledge base, Rasa with the trained model)
on free ports, then drives scripted conversations with 1 and 8 concurrent users for a bounded number of
messages each. Writes benchmarks/results/dialogue.json.

Reference on these 2-core machines (shared/measured.md): a stock `rasa init` bot serves about 20
messages/s single-stream with p50 45 ms and p95 65 ms. Target (issue #13): p95 < 100 ms single-stream, and
at least 20 messages/s. The conversation covers what users do: a national question, facet follow-ups on the
last topic, the office question with its province and zone, another province, Vietnamese, Chinese, Korean.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bot.stack import StackConfig, running_stack
from deployment.channel_signature import sign
from deployment.table import CLI_CHANNEL_SECRET

RESULTS = Path(__file__).parent / "results" / "dialogue.json"
CONVERSATION = [
    "hello",
    "What's the fine for not declaring a foreign guest?",
    "How long is a work permit valid?",
    "what documents do I need?",
    "and the fee?",
    '/inform{"facet": "where"}',
    '/inform{"province": "Hà Nội"}',
    '/inform{"zone": "outside"}',
    "and in Bắc Ninh?",
    "show me the decree text",
    "khai báo tạm trú cho khách nước ngoài trong bao lâu?",
    "越南工作许可证有效期是多久?",
    "범죄경력증명서 발급은 며칠 걸리나요?",
    "thanks",
]
ROUNDS_PER_USER = {1: 12, 8: 4}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def user(
    client: httpx.AsyncClient, secret: str, sender: str, rounds: int, latencies: list[float]
) -> None:
    """Each round is one conversation of a new chat user (Rasa sends the whole conversation to the
    action server on every custom action, so one endless conversation would measure its length)."""
    for round_number in range(rounds):
        for text in CONVERSATION:
            started = time.perf_counter()
            # Signed as the terminal chat, as every caller of the channel must (counted in the latency).
            body = json.dumps({"sender": f"cli:{sender}-{round_number}", "message": text}).encode()
            headers = {"Content-Type": "application/json", **sign("cli", secret, body)}
            response = await client.post("/webhooks/rest/webhook", content=body, headers=headers)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200 or not response.json():
                raise RuntimeError(f"{sender}: no reply to {text!r} (HTTP {response.status_code})")


async def measure(rasa_url: str, secret: str, users: int) -> dict[str, float]:
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=rasa_url, timeout=60) as client:
        warm: list[float] = []
        await user(client, secret, "bench-warmup", 1, warm)
        started = time.perf_counter()
        await asyncio.gather(
            *(
                user(client, secret, f"bench-{users}-{n}", ROUNDS_PER_USER[users], latencies)
                for n in range(users)
            )
        )
        elapsed = time.perf_counter() - started
    return {
        "users": users,
        "messages": len(latencies),
        "messages_per_second": round(len(latencies) / elapsed, 2),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
    }


def main(argv: list[str]) -> int:
    """`python -m benchmarks.dialogue_bench [--rasa-url URL]`: start the stack on free ports, or measure a
    running Rasa server (e.g. when the machine is too loaded for the stack's start-up timeout); calls are
    signed as the terminal chat (CLI_CHANNEL_SECRET from the settings for a running server)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rasa-url", default=None, help="a running Rasa server (REST channel) to measure")
    args = parser.parse_args(argv)
    if args.rasa_url:
        from deployment.app_settings import AppSettings

        secret = AppSettings().require("dialogue benchmark", CLI_CHANNEL_SECRET.variable)
        runs = [asyncio.run(measure(args.rasa_url, secret[CLI_CHANNEL_SECRET.variable], u)) for u in (1, 8)]
    else:
        with tempfile.TemporaryDirectory() as tmp:
            config = StackConfig.on_free_ports(Path(tmp))
            with running_stack(config):
                secret_value = config.secret(CLI_CHANNEL_SECRET)
                runs = [asyncio.run(measure(config.rasa_url, secret_value, u)) for u in (1, 8)]
    report = {
        "benchmark": "REST channel turn latency, full stack",
        "conversation": CONVERSATION,
        "runs": runs,
        "target": {"single_stream_p95_ms_below": 100, "single_stream_messages_per_second_at_least": 20},
        "single_stream_meets_target": runs[0]["p95_ms"] < 100 and runs[0]["messages_per_second"] >= 20,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(runs, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
