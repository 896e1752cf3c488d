"""`python -m rasa_addons <rasa arguments>`: the rasa command line with rasa_addons installed.

For `run`, the secrets are checked first (RASA_TOKEN, GATEWAY_CHANNEL_SECRET, CLI_CHANNEL_SECRET) and
RASA_TOKEN becomes `--auth-token` here, not on the command line that every local user can read.
"""

from __future__ import annotations

import sys

from deployment.table import CLI_CHANNEL_SECRET, GATEWAY_CHANNEL_SECRET, RASA_TOKEN
from rasa_addons import log_privacy
from rasa_addons.startup import settings_or_exit


def with_auth_token(argv: list[str], token: str) -> list[str]:
    """`rasa run` arguments with the HTTP API's token, unless one was given. One argument with "=":
    a token that starts with "-" (1 in 64 from token_urlsafe) would otherwise read as an option."""
    if any(arg.startswith(("--auth-token", "-t")) for arg in argv):
        return argv
    return [*argv, f"--auth-token={token}"]


def main(argv: list[str]) -> None:
    if argv[:1] == ["run"]:
        _, secrets = settings_or_exit(
            "Rasa server", RASA_TOKEN.variable, GATEWAY_CHANNEL_SECRET.variable, CLI_CHANNEL_SECRET.variable
        )
        argv = with_auth_token(argv, secrets[RASA_TOKEN.variable])
    log_privacy.install()

    from rasa.__main__ import main as rasa_main  # after the checks: loading Rasa takes seconds

    from rasa_addons import response_validation

    response_validation.install()
    log_privacy.install_rasa_anonymizer()
    sys.argv = ["rasa", *argv]
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
