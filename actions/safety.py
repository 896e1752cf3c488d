"""The safety net of every custom action: whatever fails inside `run`, the user gets an apology.

An exception escaping an action makes the action server answer 500, and Rasa then drops the action's
events and sends the user nothing at all (issue 10, item 6). `NeverSilent` wraps the `run` of every
subclass: on an exception it logs the action's name and the exception's class and stack frames - never
its message or the tracker, which hold what the user typed - and answers with an apology in the user's
language, returning no events so the conversation stays where it was.
"""

from __future__ import annotations

import functools
import logging
import traceback
from abc import ABCMeta, abstractmethod
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from catalog import translator

logger = logging.getLogger(__name__)
_t = translator("declare")

Run = Callable[..., Awaitable[list[EventType]]]


def apology(language: str | None) -> str:
    return _t("Sorry, something went wrong on my side and nothing was changed. Please try again.", language)


def _apologising(run: Run) -> Run:
    @functools.wraps(run)
    async def guarded(
        self: Action, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            return await run(self, dispatcher, tracker, domain)
        except Exception as error:  # any failure: the point of the safety net
            frames = "".join(traceback.format_tb(error.__traceback__))
            logger.error("action %s failed: %s\n%s", self.name(), type(error).__name__, frames)
            dispatcher.utter_message(text=apology(tracker.get_slot("language")))
            return []

    guarded.never_silent = True  # type: ignore[attr-defined]
    return guarded


class NeverSilent:
    """Mixin: the `run` each subclass ends up with (its own or inherited) is wrapped once."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        run = getattr(cls, "run", None)
        if run is not None and not getattr(run, "never_silent", False):
            cls.run = _apologising(run)  # type: ignore[attr-defined]


class SafeAction(NeverSilent, Action, metaclass=ABCMeta):
    """Base of our custom actions."""

    @abstractmethod
    def name(self) -> str:
        """Abstract, so rasa_sdk registers only the concrete actions."""


class SafeFormValidation(NeverSilent, FormValidationAction):
    """Base of our form validators."""

    @abstractmethod
    def name(self) -> str:
        """Abstract, so rasa_sdk registers only the concrete validators."""
