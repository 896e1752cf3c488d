"""Start the assistant's services in order, wait for each one's health, and stop them all cleanly.

Used by `make run` (through `bot.run`) and by the end-to-end tests, so both exercise the same start-up.
The Rasa side runs from the Python 3.10 virtualenv; everything crosses over HTTP only.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.dialogue_tier import DialogueTier, deploy
from deployment import table
from deployment.app_settings import AppSettings

ROOT = table.ROOT
DEFAULT_MODEL = table.DEFAULT_MODEL
# Every secret the services use; the run command hands each service the ones it needs.
STACK_SECRETS = (
    table.CHANNEL_TOKEN.variable,
    table.RASA_TOKEN.variable,
    table.PUSH_TOKEN.variable,
    table.GATEWAY_CHANNEL_SECRET.variable,
    table.CLI_CHANNEL_SECRET.variable,
)


class StackError(Exception):
    """A service did not start, or died while starting."""


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    argv: Sequence[str]
    health_url: str
    listen_url: str
    env: dict[str, str] = field(default_factory=dict)
    startup_timeout: float = 60.0


class _LoopbackUrl:
    """A read-only attribute of StackConfig: the loopback URL of the port field it names."""

    def __init__(self, port_field: str) -> None:
        self.port_field = port_field

    def __get__(self, config: object, owner: type | None = None) -> str:
        return table.loopback_url(getattr(config, self.port_field))


@dataclass(frozen=True)
class StackConfig:
    """One running stack: where everything listens, which files and which secrets it uses. Built from
    the settings (`from_settings`, the run command) or on free ports (`on_free_ports`, the tests)."""

    api_port: int
    actions_port: int
    rasa_port: int
    outbox_port: int  # the declaration outbox worker's /health
    database_url: str
    model: Path
    var_dir: Path
    api_env: str
    secrets: dict[str, str] = field(repr=False)
    rasa_venv: Path = ROOT / ".venv-rasa"
    app_venv: Path = ROOT / ".venv"
    extra_env: dict[str, str] = field(default_factory=dict)
    # Replicas, tracker store, lock store (bot/dialogue_tier.py).
    dialogue: DialogueTier = field(default_factory=DialogueTier)

    @classmethod
    def from_settings(cls, settings: AppSettings) -> StackConfig:
        """InsecureSettings outside development unless every secret is set and strong."""
        return cls(
            api_port=settings.api_port,
            actions_port=settings.actions_port,
            rasa_port=settings.rasa_port,
            outbox_port=settings.outbox_worker_port,
            database_url=settings.database_url,
            model=settings.rasa_model,
            var_dir=settings.var_dir,
            api_env=settings.api_env,
            secrets=settings.require("run command", *STACK_SECRETS),
            dialogue=DialogueTier.from_settings(settings),
        )

    @classmethod
    def on_free_ports(cls, var_dir: Path, **overrides: object) -> StackConfig:
        """A stack isolated from the developer's own: fresh ports, its own var/, database and secrets,
        in the test environment (so every service checks its secrets as production does)."""
        values: dict[str, object] = {
            "api_port": free_port(),
            "actions_port": free_port(),
            "rasa_port": free_port(),
            "outbox_port": free_port(),
            "var_dir": var_dir,
            "database_url": table.sqlite_url(var_dir),
            "model": DEFAULT_MODEL,
            "api_env": "test",
            "secrets": {name: secrets.token_urlsafe(32) for name in STACK_SECRETS},
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def secret(self, secret: table.Secret) -> str:
        return self.secrets[secret.variable]

    @property
    def channel_token(self) -> str:
        return self.secret(table.CHANNEL_TOKEN)

    api_url = _LoopbackUrl("api_port")
    actions_url = _LoopbackUrl("actions_port")
    rasa_url = _LoopbackUrl("rasa_port")


def service_specs(config: StackConfig) -> list[ServiceSpec]:
    """The services in start order: each one only needs those before it, and gets only its secrets."""
    common = {
        "PYTHONPATH": str(ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
        "API_ENV": config.api_env,
        "INTAKE_API_URL": config.api_url,
        "VAR_DIR": str(config.var_dir),
        **config.extra_env,
    }

    def secrets_of(*wanted: table.Secret) -> dict[str, str]:
        return {s.variable: config.secret(s) for s in wanted}

    rasa_python = str(config.rasa_venv / "bin" / "python")
    specs = [
        ServiceSpec(
            name="intake API",
            argv=[
                str(config.app_venv / "bin" / "python"),
                *("-m", "api", "serve", "--host", table.LOOPBACK, "--port", str(config.api_port)),
            ],
            health_url=f"{config.api_url}/health",
            listen_url=f"{config.api_url}/docs",
            env={**common, "DATABASE_URL": config.database_url, **secrets_of(table.CHANNEL_TOKEN)},
        ),
        ServiceSpec(
            # rasa_sdk's server, after rasa_addons checked its settings and installed the log filter.
            name="action server",
            argv=[rasa_python, "-m", "rasa_addons.action_server", "--port", str(config.actions_port)],
            health_url=f"{config.actions_url}/health",
            listen_url=config.actions_url,
            env={**common, **secrets_of(table.CHANNEL_TOKEN)},
        ),
        ServiceSpec(
            # `rasa run` with rasa_addons: the signed channel, the log filter, faster response checks.
            # The HTTP API exposes every conversation: rasa_addons adds --auth-token from RASA_TOKEN
            # (not on this command line, which every local user can read).
            name="Rasa server",
            argv=[
                rasa_python,
                *("-m", "rasa_addons", "run", "--enable-api"),
                *("--interface", table.LOOPBACK, "--port", str(config.rasa_port)),
                *("--model", str(config.model)),
                *("--endpoints", str(ROOT / "bot" / "endpoints.yml")),
                *("--credentials", str(ROOT / "bot" / "credentials.yml")),
            ],
            health_url=f"{config.rasa_url}/status?token={config.secret(table.RASA_TOKEN)}",
            listen_url=f"{config.rasa_url}/webhooks/rest/webhook",
            env={
                **common,
                "ACTION_ENDPOINT_URL": f"{config.actions_url}/webhook",
                **secrets_of(table.RASA_TOKEN, table.GATEWAY_CHANNEL_SECRET, table.CLI_CHANNEL_SECRET),
            },
            startup_timeout=420.0,  # loading the model takes 1-2 min idle, over 4 min on a busy 2-core machine
        ),
        ServiceSpec(
            # Files declarations queued while the intake API was down, then tells the host through Rasa.
            name="outbox worker",
            argv=[rasa_python, "-m", "actions.declare.outbox_worker"],
            health_url=f"{table.loopback_url(config.outbox_port)}/health",
            listen_url=f"{table.loopback_url(config.outbox_port)}/health",
            env={
                **common,
                "RASA_URL": config.rasa_url,
                "OUTBOX_WORKER_PORT": str(config.outbox_port),
                **secrets_of(table.CHANNEL_TOKEN, table.RASA_TOKEN, table.PUSH_TOKEN),
            },
        ),
    ]
    return deploy(config, specs)  # replicas and the balancer, when configured


@dataclass
class RunningService:
    spec: ServiceSpec
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def start_service(spec: ServiceSpec, log_dir: Path) -> RunningService:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / (spec.name.replace(" ", "-") + ".log")
    # Each service gets only its own secrets: none inherited from this process's environment.
    inherited = {k: v for k, v in os.environ.items() if k not in table.SECRETS and k != "TELEGRAM_BOT_TOKEN"}
    env = {**inherited, **spec.env}
    with log_path.open("ab") as log:
        # A new session keeps Ctrl-C in the terminal from hitting the children before we stop them in order.
        process = subprocess.Popen(
            list(spec.argv), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    service = RunningService(spec, process, log_path)
    wait_healthy(service)
    return service


def wait_healthy(service: RunningService) -> None:
    deadline = time.monotonic() + service.spec.startup_timeout
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise StackError(
                f"{service.spec.name} exited with code {service.process.returncode} while starting; "
                f"last lines of {service.log_path}:\n{service.log_tail()}"
            )
        try:
            if httpx.get(service.spec.health_url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    service.stop()
    raise StackError(
        f"{service.spec.name} was not healthy at {service.spec.health_url} after "
        f"{service.spec.startup_timeout:.0f} s; last lines of {service.log_path}:\n{service.log_tail()}"
    )


@contextmanager
def running_stack(
    config: StackConfig, specs: Sequence[ServiceSpec] | None = None, *, announce: bool = False
) -> Iterator[list[RunningService]]:
    """Start every service in order; on exit (or on a start-up failure) stop them in reverse order."""
    if not config.model.exists():
        raise StackError(f"No trained model at {config.model}: run `make train` first.")
    started: list[RunningService] = []
    try:
        for spec in specs if specs is not None else service_specs(config):
            if announce:
                print(f"… starting {spec.name}", flush=True)
            service = start_service(spec, config.var_dir / "log")
            started.append(service)
            if announce:
                print(f"✓ {spec.name} listening on {spec.listen_url}  (log: {service.log_path})", flush=True)
        yield started
    finally:
        for service in reversed(started):
            service.stop()
