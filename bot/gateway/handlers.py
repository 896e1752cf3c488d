"""python-telegram-bot handlers: each turns one kind of update into a job in the chat's queue."""

from __future__ import annotations

import logging
from collections import OrderedDict

from telegram import CallbackQuery, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.gateway.buttons import ButtonStore
from bot.gateway.commands import COMMANDS, PAYLOAD_BY_COMMAND
from bot.gateway.errors import ButtonExpiredError, DeliveryError
from bot.gateway.flood import call_with_flood_control
from bot.gateway.relay import ChatRelay, Incoming
from bot.gateway.rendering import escape_html
from bot.gateway.texts import language_of, text

logger = logging.getLogger(__name__)

MEDIA = (
    filters.PHOTO
    | filters.Document.ALL
    | filters.Sticker.ALL
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.VOICE
    | filters.AUDIO
)
CHOSEN_MARK = "✓"
_REMEMBERED_TAPS = 5_000


class GatewayHandlers:
    """Handlers share the relay (ordering, Rasa) and the button store; they never await before submitting."""

    def __init__(self, relay: ChatRelay, buttons: ButtonStore) -> None:
        self._relay = relay
        self._buttons = buttons
        # Keyboards already answered: a second tap (double click, two devices) must not reach Rasa twice.
        self._tapped: OrderedDict[tuple[int, int], None] = OrderedDict()

    def register(self, application: Application) -> None:  # type: ignore[type-arg]
        message_updates = filters.UpdateType.MESSAGE
        application.add_handler(CommandHandler([c.name for c in COMMANDS], self.on_command))
        application.add_handler(MessageHandler(message_updates & filters.COMMAND, self.on_unknown_command))
        application.add_handler(MessageHandler(message_updates & filters.TEXT, self.on_text))
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(MessageHandler(message_updates & MEDIA, self.on_media))
        application.add_error_handler(self.on_error)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Relay typed text to Rasa."""
        message = update.effective_message
        if message is not None and message.text is not None:
            await self._submit(update, message.text)

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Send a menu command to Rasa as the intent it stands for."""
        message = update.effective_message
        name = (message.text or "").split()[0][1:].split("@")[0].lower() if message else ""
        await self._submit(update, PAYLOAD_BY_COMMAND.get(name, "/help"))

    async def on_unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer commands we do not know with help; never pass "/whatever" to Rasa as an intent."""
        await self._submit(update, PAYLOAD_BY_COMMAND["help"])

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer the tap, mark the chosen option in its message, and send the payload to Rasa."""
        query = update.callback_query
        if query is None:
            return
        user = query.from_user
        message = query.message if isinstance(query.message, Message) else None
        chat_id = message.chat.id if message is not None else user.id
        language = language_of(user.language_code)
        try:
            payload = self._buttons.decode(chat_id, query.data or "")
        except ButtonExpiredError:
            await query.answer(text("button_expired", language), show_alert=True)
            return
        if message is not None and not self._first_tap(chat_id, message.message_id):
            await query.answer()
            return
        title = _button_title(query) or payload
        task = self._relay.submit(
            Incoming(chat_id, str(user.id), payload, user.language_code),
            before=lambda: _mark_choice(message, title),
        )
        try:
            await query.answer()
        except TelegramError as error:  # an old query cannot be answered; the tap still counts
            logger.info("could not answer a callback query: %s", error)
        await task

    async def on_media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Explain that passport data is typed or pasted as MRZ lines; the file is never downloaded."""
        chat = update.effective_chat
        user = update.effective_user
        if chat is not None:
            language = language_of(user.language_code if user else None)
            await self._relay.submit_notice(chat.id, "media_not_read", language)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log every error raised by a handler; the update itself is not retried."""
        logger.error("error while handling an update", exc_info=context.error)

    async def _submit(self, update: Update, message_text: str) -> None:
        chat = update.effective_chat
        user = update.effective_user
        if chat is None or user is None:
            return
        await self._relay.submit(Incoming(chat.id, str(user.id), message_text, user.language_code))

    def _first_tap(self, chat_id: int, message_id: int) -> bool:
        key = (chat_id, message_id)
        if key in self._tapped:
            return False
        self._tapped[key] = None
        while len(self._tapped) > _REMEMBERED_TAPS:
            self._tapped.popitem(last=False)
        return True


def _button_title(query: CallbackQuery) -> str | None:
    message = query.message if isinstance(query.message, Message) else None
    if message is None or message.reply_markup is None:
        return None
    for row in message.reply_markup.inline_keyboard:
        for button in row:
            if button.callback_data == query.data:
                return button.text
    return None


async def _mark_choice(message: Message | None, title: str) -> None:
    """Append "✓ <title>" to the message and drop its keyboard, so the choice stays visible."""
    if message is None:
        return
    marked = f"{message.text_html}\n\n{CHOSEN_MARK} {escape_html(title)}" if message.text else None
    try:
        if marked is not None:
            await call_with_flood_control(
                lambda: message.edit_text(marked, parse_mode=ParseMode.HTML, reply_markup=None),
                what="editMessageText",
            )
        else:
            await call_with_flood_control(
                lambda: message.edit_reply_markup(reply_markup=None), what="editMessageReplyMarkup"
            )
    except (TelegramError, DeliveryError) as error:  # too old to edit: the tap still goes to Rasa
        logger.info("could not mark the chosen button: %s", error)
