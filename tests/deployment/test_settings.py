"""One table of defaults, ports and secrets: both environments' settings read it, and agree."""

from __future__ import annotations

import json
import subprocess

from api.config import Settings
from bot.gateway.settings import GatewaySettings
from bot.stack import StackConfig
from deployment import table
from deployment.app_settings import AppSettings

RASA_PYTHON = table.ROOT / ".venv-rasa" / "bin" / "python"


def test_the_311_settings_take_their_defaults_from_the_table() -> None:
    settings = AppSettings(_env_file=None)  # type: ignore[call-arg]
    assert settings.api_env == table.DEVELOPMENT
    assert settings.intake_api_url == table.loopback_url(table.API_PORT)
    assert settings.rasa_url == table.loopback_url(table.RASA_PORT)
    assert settings.database_url == table.sqlite_url(table.DEFAULT_VAR_DIR)
    assert (settings.actions_port, settings.outbox_worker_port, settings.gateway_push_port) == (
        table.ACTIONS_PORT,
        table.OUTBOX_WORKER_PORT,
        table.GATEWAY_PUSH_PORT,
    )
    # The API, the gateway and the run command read the same class.
    assert issubclass(Settings, AppSettings) and GatewaySettings is AppSettings
    config = StackConfig.from_settings(settings)
    assert config.secrets == {name: table.SECRETS[name].development_default for name in config.secrets}


def test_both_spellings_of_a_setting_are_accepted() -> None:
    by_variable = AppSettings(API_ENV="test", RASA_PORT=6001, _env_file=None)  # type: ignore[call-arg]
    by_field = AppSettings(api_env="test", rasa_port=6001, _env_file=None)  # type: ignore[call-arg]
    assert by_variable.rasa_url == by_field.rasa_url == "http://127.0.0.1:6001"


def test_the_310_settings_agree_with_the_311_settings() -> None:
    script = (
        "import json; from deployment.rasa_settings import current; s = current(); "
        "print(json.dumps({'intake': s.intake_api_url, 'rasa': s.rasa_url, "
        "'outbox_port': s.outbox_worker_port, 'var_dir': str(s.var_dir), "
        "'channel_token': s.require('x', 'CHANNEL_TOKEN')['CHANNEL_TOKEN']}))"
    )
    env = {"PYTHONPATH": str(table.ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [str(RASA_PYTHON), "-c", script], env=env, capture_output=True, text=True, check=True, timeout=60
    )
    rasa_side = json.loads(done.stdout)
    app_side = AppSettings(_env_file=None)  # type: ignore[call-arg]
    assert rasa_side == {
        "intake": app_side.intake_api_url,
        "rasa": app_side.rasa_url,
        "outbox_port": app_side.outbox_worker_port,
        "var_dir": str(app_side.var_dir),
        "channel_token": table.CHANNEL_TOKEN.development_default,
    }
