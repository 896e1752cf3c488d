"""The dialogue tier's settings and layout: N Rasa servers and M action servers, one tracker store, one
lock store, and an nginx balancer in front when there is more than one of either.

With one of each (the default) nothing is in front: Rasa listens on RASA_PORT and the action server on
ACTIONS_PORT, as before. Above one, nginx (bot/balancer.py) takes those two ports and the replicas
listen on their own, so every client (gateway, terminal chat, outbox worker, Rasa calling its actions)
keeps one address. Conversations live in the tracker store (rasa_addons/tracker_store.py) and more
than one Rasa process needs the Redis lock store so two messages of one chat are never processed at
once (rasa_addons/lock_store.py). bot/endpoints.yml reads the values set here from the environment.

Settings (deployment/app_settings.py; environment, all optional):
  RASA_REPLICAS, ACTION_REPLICAS    how many of each (1)
  TRACKER_STORE_URL                 SQLAlchemy URL (sqlite:///$VAR_DIR/dialogue/trackers.sqlite3);
                                    PostgreSQL in production, required when replicas run on several hosts
  TRACKER_STORE_KEY                 Fernet key(s), comma-separated, newest first; otherwise a key file
                                    made once at $VAR_DIR/secrets/tracker-store.key (mode 600)
  TRACKER_RETENTION_DAYS            conversations' events are deleted after this (30)
  LOCK_STORE_URL                    Redis for more than one Rasa replica (redis://127.0.0.1:6379/1)
  RASA_REPLICA_PORTS, ACTION_REPLICA_PORTS   comma-separated; default RASA_PORT+100+i, ACTIONS_PORT+100+i
"""

from __future__ import annotations

import base64
import dataclasses
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deployment import table

if TYPE_CHECKING:
    from bot.stack import ServiceSpec, StackConfig
    from deployment.app_settings import AppSettings

RASA_SERVICE = "Rasa server"
ACTION_SERVICE = "action server"
IN_MEMORY_LOCK_STORE = "in_memory"
REDIS_LOCK_STORE = "rasa_addons.lock_store.AtomicRedisLockStore"


class DialogueTierError(Exception):
    """The dialogue tier's settings are inconsistent (e.g. fewer ports than replicas)."""


def _ports(raw: str | None) -> tuple[int, ...]:
    return tuple(int(port) for port in (raw or "").split(",") if port.strip())


@dataclass(frozen=True)
class DialogueTier:
    rasa_replicas: int = 1
    action_replicas: int = 1
    tracker_store_url: str | None = None  # None: the SQLite file under the stack's var/
    tracker_store_key: str | None = None  # None: the key file under the stack's var/
    retention_days: float = table.TRACKER_RETENTION_DAYS
    lock_store_url: str = table.LOCK_STORE_URL
    rasa_ports: tuple[int, ...] = ()  # empty: RASA_PORT+100+i
    action_ports: tuple[int, ...] = ()

    @classmethod
    def from_settings(cls, settings: AppSettings) -> DialogueTier:
        key = settings.tracker_store_key
        return cls(
            rasa_replicas=settings.rasa_replicas,
            action_replicas=settings.action_replicas,
            tracker_store_url=settings.tracker_store_url or None,
            tracker_store_key=key.get_secret_value() if key is not None else None,
            retention_days=settings.tracker_retention_days,
            lock_store_url=settings.lock_store_url,
            rasa_ports=_ports(settings.rasa_replica_ports),
            action_ports=_ports(settings.action_replica_ports),
        )

    @property
    def balanced(self) -> bool:
        return self.rasa_replicas > 1 or self.action_replicas > 1

    def replica_ports(self, config: StackConfig) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Where each Rasa and action replica listens (the public ports themselves when unbalanced)."""
        if not self.balanced:
            return (config.rasa_port,), (config.actions_port,)
        rasa = self.rasa_ports or tuple(
            config.rasa_port + table.REPLICA_PORT_OFFSET + i for i in range(self.rasa_replicas)
        )
        actions = self.action_ports or tuple(
            config.actions_port + table.REPLICA_PORT_OFFSET + i for i in range(self.action_replicas)
        )
        if len(rasa) != self.rasa_replicas or len(actions) != self.action_replicas:
            raise DialogueTierError(
                f"{self.rasa_replicas} Rasa and {self.action_replicas} action replicas need as many ports; "
                f"got RASA_REPLICA_PORTS={rasa} and ACTION_REPLICA_PORTS={actions}"
            )
        return rasa, actions

    def tracker_url(self, var_dir: Path) -> str:
        return self.tracker_store_url or f"sqlite:///{var_dir / 'dialogue' / 'trackers.sqlite3'}"

    def rasa_env(self, var_dir: Path) -> dict[str, str]:
        """What bot/endpoints.yml and rasa_addons read in every Rasa process."""
        env = {
            "TRACKER_STORE_URL": self.tracker_url(var_dir),
            "TRACKER_RETENTION_DAYS": str(self.retention_days),
            # One process: its own memory serialises a chat's messages. Several: only Redis can.
            "LOCK_STORE_TYPE": REDIS_LOCK_STORE if self.rasa_replicas > 1 else IN_MEMORY_LOCK_STORE,
            "LOCK_STORE_URL": self.lock_store_url,
        }
        if self.tracker_store_key:
            env["TRACKER_STORE_KEY"] = self.tracker_store_key
        else:
            env["TRACKER_STORE_KEY_FILE"] = str(ensure_key_file(var_dir / "secrets" / "tracker-store.key"))
        return env


def ensure_key_file(path: Path) -> Path:
    """A Fernet key (32 random bytes, url-safe base64) made once, readable by its owner only."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(key + "\n")
    return path


def _on_port(spec: ServiceSpec, old: int, new: int, suffix: str, env: dict[str, str]) -> ServiceSpec:
    """The same service listening on `new` instead of `old` (argv, health and listen URLs)."""
    argv = [str(new) if arg == str(old) else arg for arg in spec.argv]
    return dataclasses.replace(
        spec,
        name=f"{spec.name}{suffix}",
        argv=argv,
        health_url=spec.health_url.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}"),
        listen_url=spec.listen_url.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}"),
        env={**spec.env, **env},
    )


def deploy(config: StackConfig, specs: Sequence[ServiceSpec]) -> list[ServiceSpec]:
    """The stack's services with the Rasa and action servers replicated and the balancer added.

    Called last by bot.stack.service_specs; services other than Rasa and the actions pass unchanged.
    """
    from bot.balancer import balancer_spec  # bot.balancer imports this module's settings

    tier = config.dialogue
    rasa_ports, action_ports = tier.replica_ports(config)
    rasa_env = tier.rasa_env(config.var_dir)
    out: list[ServiceSpec] = []
    for spec in specs:
        if spec.name == ACTION_SERVICE:
            ports, env, public = action_ports, {}, config.actions_port
        elif spec.name == RASA_SERVICE:
            ports, env, public = rasa_ports, rasa_env, config.rasa_port
        else:
            out.append(spec)
            continue
        for number, port in enumerate(ports, start=1):
            suffix = f" {number}" if tier.balanced else ""
            out.append(_on_port(spec, public, port, suffix, env))
        if spec.name == RASA_SERVICE and tier.balanced:
            out.append(balancer_spec(config, rasa_ports, action_ports))
    return out
