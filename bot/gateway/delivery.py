"""Sending Rasa's bot messages to a Telegram chat: escaped HTML, split text, inline keyboards."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.gateway.buttons import ButtonStore
from bot.gateway.errors import DeliveryError
from bot.gateway.flood import call_with_flood_control
from bot.gateway.rendering import escape_html, split_message
from bot.gateway.texts import Language, text
from bot.rasa_client import BotMessage, Button

logger = logging.getLogger(__name__)


class Delivery:
    """Renders and sends messages to one chat at a time; callers keep per-chat order."""

    def __init__(self, bot: Bot, buttons: ButtonStore) -> None:
        self._bot = bot
        self._buttons = buttons

    async def send_notice(self, chat_id: int, notice: str) -> None:
        """Send one of the gateway's own notices (already plain text)."""
        await self._send(chat_id, escape_html(notice), None)

    async def send_messages(self, chat_id: int, messages: Sequence[BotMessage], language: Language) -> None:
        for message in messages:
            await self.send_message(chat_id, message, language)

    async def send_message(self, chat_id: int, message: BotMessage, language: Language) -> None:
        chunks = split_message(message.text)
        keyboard = self._keyboard(chat_id, message.buttons) if message.buttons else None
        if keyboard is not None and not chunks:
            chunks = [text("choose", language)]  # Telegram needs text to hang a keyboard on
        if not chunks:
            logger.info("skipping a Rasa message with neither text nor buttons (custom=%s)", message.custom)
            return
        for index, chunk in enumerate(chunks):
            is_last = index == len(chunks) - 1
            await self._send(chat_id, escape_html(chunk), keyboard if is_last else None)

    def _keyboard(self, chat_id: int, buttons: Sequence[Button]) -> InlineKeyboardMarkup:
        # One button per row: Rasa titles are often whole phrases ("Tiếng Việt", "Declare a guest").
        data = self._buttons.encode(chat_id, [button.payload for button in buttons])
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(button.title, callback_data=callback_data)]
                for button, callback_data in zip(buttons, data, strict=True)
            ]
        )

    async def _send(self, chat_id: int, html: str, keyboard: InlineKeyboardMarkup | None) -> None:
        try:
            await call_with_flood_control(
                lambda: self._bot.send_message(
                    chat_id, html, parse_mode=ParseMode.HTML, reply_markup=keyboard
                ),
                what="sendMessage",
            )
        except TelegramError as error:
            # Blocked bot, deleted chat, network trouble: the caller decides what to report.
            raise DeliveryError(f"Telegram refused a message to chat {chat_id}: {error.message}") from error
