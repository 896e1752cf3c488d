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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "assistant.tar.gz"
DEVELOPMENT_CHANNEL_TOKEN = "dev-channel-token"  # accepted by the intake API only when API_ENV=development


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


@dataclass(frozen=True)
class StackConfig:
    """Where everything listens and which files it uses. Defaults are the embedded development setup."""

    api_port: int = 8000
    actions_port: int = 5055
    rasa_port: int = 5005
    outbox_port: int = 5056  # the declaration outbox worker's /health
    database_url: str = f"sqlite:///{ROOT / 'var' / 'intake.sqlite3'}"
    model: Path = DEFAULT_MODEL
    var_dir: Path = ROOT / "var"
    channel_token: str = DEVELOPMENT_CHANNEL_TOKEN
    # A fresh secret per run unless RASA_TOKEN is set; only the outbox worker needs Rasa's HTTP API.
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    api_env: str = "development"
    rasa_venv: Path = ROOT / ".venv-rasa"
    app_venv: Path = ROOT / ".venv"
    extra_env: dict[str, str] = field(default_factory=dict)
    # Replicas, tracker store, lock store (bot/dialogue_tier.py).
    dialogue: DialogueTier = field(default_factory=DialogueTier)

    @classmethod
    def from_env(cls) -> StackConfig:
        env = os.environ
        defaults = cls()
        var_dir = Path(env.get("VAR_DIR", defaults.var_dir))
        return cls(
            api_port=int(env.get("API_PORT", defaults.api_port)),
            actions_port=int(env.get("ACTIONS_PORT", defaults.actions_port)),
            rasa_port=int(env.get("RASA_PORT", defaults.rasa_port)),
            outbox_port=int(env.get("OUTBOX_WORKER_PORT", defaults.outbox_port)),
            var_dir=var_dir,
            database_url=env.get("DATABASE_URL", f"sqlite:///{var_dir / 'intake.sqlite3'}"),
            model=Path(env.get("RASA_MODEL", defaults.model)),
            channel_token=env.get("CHANNEL_TOKEN", defaults.channel_token),
            rasa_token=env.get("RASA_TOKEN", defaults.rasa_token),
            api_env=env.get("API_ENV", defaults.api_env),
            dialogue=DialogueTier.from_env(env),
        )

    @classmethod
    def on_free_ports(cls, var_dir: Path, **overrides: object) -> StackConfig:
        """A stack isolated from the developer's own: fresh ports, its own var/ and database."""
        values: dict[str, object] = {
            "api_port": free_port(),
            "actions_port": free_port(),
            "rasa_port": free_port(),
            "outbox_port": free_port(),
            "var_dir": var_dir,
            "database_url": f"sqlite:///{var_dir / 'intake.sqlite3'}",
            "api_env": "test",
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"


def service_specs(config: StackConfig) -> list[ServiceSpec]:
    """The services in start order: each one only needs those before it."""
    common = {
        "PYTHONPATH": str(ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
        "INTAKE_API_URL": config.api_url,
        "CHANNEL_TOKEN": config.channel_token,
        "VAR_DIR": str(config.var_dir),
        **config.extra_env,
    }
    rasa_bin = config.rasa_venv / "bin"
    specs = [
        ServiceSpec(
            name="intake API",
            argv=[
                str(config.app_venv / "bin" / "python"),
                "-m",
                "api",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(config.api_port),
            ],
            health_url=f"{config.api_url}/health",
            listen_url=f"{config.api_url}/docs",
            env={**common, "DATABASE_URL": config.database_url, "API_ENV": config.api_env},
        ),
        ServiceSpec(
            name="action server",
            argv=[
                str(rasa_bin / "python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "--port",
                str(config.actions_port),
            ],
            health_url=f"{config.actions_url}/health",
            listen_url=config.actions_url,
            env={**common, "SANIC_HOST": "127.0.0.1"},  # rasa_sdk binds every interface otherwise
        ),
        ServiceSpec(
            name="Rasa server",
            argv=[
                # `rasa run` with rasa_addons' faster action-response validation.
                str(rasa_bin / "python"),
                "-m",
                "rasa_addons",
                "run",
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(config.rasa_port),
                "--model",
                str(config.model),
                "--endpoints",
                str(ROOT / "bot" / "endpoints.yml"),
                "--credentials",
                str(ROOT / "bot" / "credentials.yml"),
                # The HTTP API exposes every conversation (personal data included): token-protected.
                "--auth-token",
                config.rasa_token,
            ],
            health_url=f"{config.rasa_url}/status?token={config.rasa_token}",
            listen_url=f"{config.rasa_url}/webhooks/rest/webhook",
            env={**common, "ACTION_ENDPOINT_URL": f"{config.actions_url}/webhook"},
            startup_timeout=240.0,
        ),
        ServiceSpec(
            # Files declarations queued while the intake API was down, then tells the host through Rasa.
            name="outbox worker",
            argv=[str(rasa_bin / "python"), "-m", "actions.declare.outbox_worker"],
            health_url=f"http://127.0.0.1:{config.outbox_port}/health",
            listen_url=f"http://127.0.0.1:{config.outbox_port}/health",
            env={
                **common,
                "RASA_URL": config.rasa_url,
                "RASA_TOKEN": config.rasa_token,
                "OUTBOX_WORKER_PORT": str(config.outbox_port),
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
    env = {**os.environ, **spec.env}
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
