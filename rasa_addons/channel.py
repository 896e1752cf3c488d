"""Rasa's REST channel with authentication: `rasa_addons.channel.SignedRestInput` in credentials.yml.

Same URL and wire format as Rasa's RestInput (/webhooks/rest/webhook), but every call must be signed
by a known client (deployment.channel_signature): the Telegram gateway with GATEWAY_CHANNEL_SECRET,
the terminal chat with CLI_CHANNEL_SECRET; the sender id must lie in the signer's namespace
("telegram:<id>", "cli:<id>"). Anything else gets 401 before Rasa sees the message, so no tracker is
created and no action runs. The intake identity the actions use is this namespaced sender id.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa.core.channels.rest import RestInput
from sanic.exceptions import SanicException
from sanic.request import Request

from deployment.channel_signature import NonceCache, check_sender, verify
from deployment.errors import BadSignature
from deployment.table import CHANNEL_CLIENTS
from rasa_addons import log_privacy
from rasa_addons.startup import settings_or_exit

logger = logging.getLogger(__name__)


class Unauthenticated(SanicException):
    status_code = 401
    quiet = True  # Sanic would log a traceback for every refused call otherwise


class SignedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # replaces the open REST channel at the same URL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SignedRestInput:
        variables = [secret.variable for secret in CHANNEL_CLIENTS.values()]
        _, secrets = settings_or_exit("Rasa server", *variables)
        return cls({client: secrets[secret.variable] for client, secret in CHANNEL_CLIENTS.items()})

    def __init__(self, client_secrets: dict[str, str]) -> None:
        self._client_secrets = dict(client_secrets)
        self._nonces = NonceCache()

    async def _extract_sender(self, req: Request) -> str | None:
        """Called first by RestInput's handler: authenticate here, before anything else happens."""
        try:
            client = verify(self._client_secrets, req.headers, req.body, self._nonces)
            body = json.loads(req.body or b"null")
            return check_sender(client, body.get("sender") if isinstance(body, dict) else None)
        except (BadSignature, ValueError) as error:
            logger.warning("refused a channel call from %s: %s", req.ip, error)
            raise Unauthenticated(f"Unauthorized: {error}") from error

    def _extract_message(self, req: Request) -> str | None:
        text = super()._extract_message(req)
        log_privacy.remember(text)  # names and dates typed as free text, out of the logs
        return text

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # never what the caller claims
