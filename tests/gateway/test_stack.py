"""The gateway against the REAL Rasa server (trained model, action server, intake API) on free ports.

Telegram is still the loopback fake Bot API: the real PTB client polls it, so this is the whole path
a Telegram user's message takes, buttons included.
"""

from __future__ import annotations

import secrets

import pytest
from pydantic import SecretStr

from bot.gateway.runner import Gateway
from bot.stack import StackConfig
from deployment.table import GATEWAY_CHANNEL_SECRET

from .conftest import FAST_POLICY
from .fake_telegram import FakeTelegram
from .test_network import fake_telegram_server, loopback_settings
from .updates import button_tap, text_message

pytestmark = pytest.mark.stack


async def test_a_full_conversation_with_the_real_rasa(stack: StackConfig) -> None:
    user_id = 10_000 + secrets.randbelow(10**9)  # the stack is shared: start a fresh conversation
    fake = FakeTelegram()
    async with fake_telegram_server(fake) as telegram_url:
        settings = loopback_settings(
            telegram_url,
            stack.rasa_url,
            gateway_channel_secret=SecretStr(stack.secret(GATEWAY_CHANNEL_SECRET)),
        )
        gateway = Gateway(settings, policy=FAST_POLICY)
        await gateway.start()
        try:
            fake.add_update(text_message("/start", user_id=user_id))
            [greeting] = await fake.wait_for_calls("sendMessage", 1, timeout=60)
            assert "Hello" in greeting.params["text"]

            fake.add_update(text_message("/language", user_id=user_id))
            await fake.wait_for_calls("sendMessage", 2, timeout=60)
            question = fake.sent[-1]
            keyboard = question["reply_markup"]["inline_keyboard"]
            buttons = {b["text"]: b["callback_data"] for row in keyboard for b in row}
            assert set(buttons) == {"English", "Tiếng Việt", "中文", "한국어"}

            fake.add_update(button_tap(question, buttons["Tiếng Việt"], user_id=user_id))
            await fake.wait_for_calls("sendMessage", 3, timeout=60)
            [edit] = await fake.wait_for_calls("editMessageText", 1)
        finally:
            await gateway.stop()

    assert edit.params["text"].endswith("✓ Tiếng Việt")
    assert "tiếng Việt" in fake.sent_texts(user_id)[-1]  # "Đã chọn tiếng Việt…": the language is set
    assert len(fake.calls_to("answerCallbackQuery")) == 1
    assert fake.calls_to("sendChatAction"), "typing… is shown while Rasa works"
