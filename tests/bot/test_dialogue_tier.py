"""The dialogue tier's layout: one Rasa needs no balancer; several get nginx (a configuration nginx
itself accepts), the Redis lock store and one tracker store; settings come from the environment."""

from __future__ import annotations

import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from bot.balancer import nginx_binary, write_config
from bot.dialogue_tier import DialogueTier, DialogueTierError, ensure_key_file
from bot.stack import StackConfig, free_port, service_specs
from deployment.app_settings import AppSettings


def test_one_replica_of_each_runs_as_before_with_a_durable_store(tmp_path: Path) -> None:
    config = StackConfig.on_free_ports(tmp_path)
    specs = service_specs(config)
    assert [spec.name for spec in specs] == ["intake API", "action server", "Rasa server", "outbox worker"]
    rasa = specs[2]
    assert str(config.rasa_port) in rasa.argv
    assert rasa.env["LOCK_STORE_TYPE"] == "in_memory"
    assert rasa.env["TRACKER_STORE_URL"] == f"sqlite:///{tmp_path / 'dialogue' / 'trackers.sqlite3'}"
    assert rasa.env["ACTION_ENDPOINT_URL"] == f"{config.actions_url}/webhook"


def test_two_replicas_sit_behind_the_balancer_on_the_public_ports(tmp_path: Path) -> None:
    ports = (free_port(), free_port())
    action_ports = (free_port(), free_port())
    tier = DialogueTier(rasa_replicas=2, action_replicas=2, rasa_ports=ports, action_ports=action_ports)
    config = StackConfig.on_free_ports(tmp_path, dialogue=tier)
    specs = {spec.name: spec for spec in service_specs(config)}
    assert list(specs) == [
        "intake API", "action server 1", "action server 2", "Rasa server 1", "Rasa server 2",
        "balancer", "outbox worker",
    ]  # fmt: skip
    for number, port in enumerate(ports, start=1):
        rasa = specs[f"Rasa server {number}"]
        assert str(port) in rasa.argv and str(config.rasa_port) not in rasa.argv
        assert f"127.0.0.1:{port}/status" in rasa.health_url
        assert rasa.env["LOCK_STORE_TYPE"] == "rasa_addons.lock_store.AtomicRedisLockStore"
        assert rasa.env["ACTION_ENDPOINT_URL"] == f"{config.actions_url}/webhook"  # through nginx
    assert specs["balancer"].health_url == f"{config.rasa_url}/"
    conf = (tmp_path / "balancer" / "nginx.conf").read_text()
    for port in (*ports, *action_ports):
        assert f"server 127.0.0.1:{port} " in conf
    assert (
        f"listen 127.0.0.1:{config.rasa_port};" in conf and f"listen 127.0.0.1:{config.actions_port};" in conf
    )


def test_nginx_accepts_the_generated_configuration(tmp_path: Path) -> None:
    config = StackConfig.on_free_ports(tmp_path)
    conf = write_config(config, [free_port(), free_port()], [free_port()])
    checked = subprocess.run(
        [nginx_binary(), "-t", "-p", str(conf.parent), "-c", str(conf), "-e", str(tmp_path / "err.log")],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr


def _default_config() -> StackConfig:
    """The developer's stack: default ports, development secrets."""
    return StackConfig.from_settings(AppSettings(api_env="development"))


def test_settings_from_the_environment() -> None:
    tier = DialogueTier.from_settings(
        AppSettings.model_validate(
            {"RASA_REPLICAS": "3", "ACTION_REPLICAS": "2", "TRACKER_STORE_URL": "postgresql://db/trackers",
             "TRACKER_RETENTION_DAYS": "7", "RASA_REPLICA_PORTS": "6001,6002,6003"}
        )
    )  # fmt: skip
    assert (tier.rasa_replicas, tier.action_replicas, tier.retention_days) == (3, 2, 7.0)
    assert tier.rasa_ports == (6001, 6002, 6003) and tier.action_ports == ()
    config = replace(_default_config(), dialogue=tier)
    assert tier.replica_ports(config) == ((6001, 6002, 6003), (5155, 5156))
    assert tier.rasa_env(Path("/unused"))["TRACKER_STORE_URL"] == "postgresql://db/trackers"


def test_fewer_ports_than_replicas_is_refused() -> None:
    tier = DialogueTier(rasa_replicas=2, rasa_ports=(6001,))
    with pytest.raises(DialogueTierError, match="as many ports"):
        tier.replica_ports(replace(_default_config(), dialogue=tier))


def test_the_development_key_is_made_once_and_private(tmp_path: Path) -> None:
    path = ensure_key_file(tmp_path / "secrets" / "tracker-store.key")
    key = path.read_text()
    assert len(key.strip()) == 44 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert ensure_key_file(path).read_text() == key
    tier_env = DialogueTier().rasa_env(tmp_path)
    assert tier_env["TRACKER_STORE_KEY_FILE"] == str(path) and "TRACKER_STORE_KEY" not in tier_env
    assert DialogueTier(tracker_store_key="k").rasa_env(tmp_path)["TRACKER_STORE_KEY"] == "k"
