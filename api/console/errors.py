"""The console's one exception hierarchy. Routes turn each into a page or a redirect (api.console.routes)."""

from __future__ import annotations

from datetime import datetime


class ConsoleError(Exception):
    """Base of every console error."""


class NotSignedIn(ConsoleError):
    """No session cookie, or one that is unknown or expired: the browser goes to the sign-in page."""


class PasswordChangeRequired(ConsoleError):
    """Signed in with a one-time password: every page but the password form redirects there."""


class CsrfRejected(ConsoleError):
    """A form post without the token of the session (or of the sign-in page) that served the form."""


class SignInRefused(ConsoleError):
    """Wrong login or password; the same message for both, so logins cannot be probed."""


class AccountLocked(ConsoleError):
    """Too many failed sign-ins in a row: refused until `until`, even with the right password."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


class PasswordRejected(ConsoleError):
    """A new password that does not meet the rules; `reason` is an English catalogue sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OutOfScope(ConsoleError):
    """A declaration or establishment that does not exist in the officer's province (shown as 404)."""
