"""`python -m rasa_addons.action_server --port N`: rasa_sdk's action server serving `actions`, on
loopback, after its secret (CHANNEL_TOKEN, for the intake API) is checked and the log filter is in."""

from __future__ import annotations

import os
import sys

from deployment.table import CHANNEL_TOKEN, LOOPBACK
from rasa_addons import log_privacy
from rasa_addons.startup import settings_or_exit


def main(argv: list[str]) -> None:
    settings_or_exit("action server", CHANNEL_TOKEN.variable)
    log_privacy.install()
    os.environ.setdefault("SANIC_HOST", LOOPBACK)  # rasa_sdk binds every interface otherwise

    from rasa_sdk.__main__ import main as sdk_main

    sys.argv = ["rasa_sdk", "--actions", "actions", *argv]
    sdk_main()


if __name__ == "__main__":
    main(sys.argv[1:])
