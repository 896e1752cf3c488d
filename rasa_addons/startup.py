"""What each Rasa-side entry point checks before it starts: its secrets, from the one 3.10 settings."""

from __future__ import annotations

import sys

from deployment.errors import InsecureSettings
from deployment.rasa_settings import RasaSideSettings, current


def settings_or_exit(service: str, *secrets: str) -> tuple[RasaSideSettings, dict[str, str]]:
    """The settings and the named secrets; outside development a missing or weak secret ends the process
    with code 2 and a message naming each variable and how to generate it."""
    settings = current()
    try:
        return settings, settings.require(service, *secrets)
    except InsecureSettings as error:
        print(f"configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from error
