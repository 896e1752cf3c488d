"""Exceptions of the deployment package: one hierarchy, rooted at DeploymentError."""

from __future__ import annotations


class DeploymentError(Exception):
    """Base class of everything this package raises on purpose."""


class InsecureSettings(DeploymentError):
    """A secret is missing or weak outside development; the message names each variable and how to fix it."""


class BadSignature(DeploymentError):
    """A call to Rasa's channel is unsigned, wrongly signed, stale, replayed or claims another namespace."""
