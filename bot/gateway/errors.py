"""Exceptions of the Telegram gateway: one hierarchy, rooted at GatewayError."""

from __future__ import annotations


class GatewayError(Exception):
    """Base class of everything the gateway raises on purpose."""


class SettingsError(GatewayError):
    """The environment does not describe a runnable gateway; the message says what to set."""


class ButtonExpiredError(GatewayError):
    """A tapped button's token is no longer known (evicted, expired, or from another state file)."""


class PushRequestError(GatewayError):
    """A proactive-message request is malformed; the message says what to fix."""

    def __init__(self, message: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.status_code = status_code


class DeliveryError(GatewayError):
    """Telegram refused a message for good (blocked bot, unknown chat, flood limit kept hitting)."""


class StoreError(GatewayError):
    """The gateway's state file cannot be opened; the message says what to fix (EN/VI)."""
