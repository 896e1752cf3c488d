"""Telegram commands, the Rasa intents they trigger, and the command menu in English and Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import BotCommand


@dataclass(frozen=True)
class Command:
    name: str
    rasa_payload: str
    description_en: str
    description_vi: str


# Payload names are the dialogue team's intents; "/intent" is Rasa's syntax for triggering one directly.
COMMANDS: tuple[Command, ...] = (
    Command("start", "/greet", "Start talking to the assistant", "Bắt đầu trò chuyện với trợ lý"),
    Command("help", "/help", "What I can help with", "Tôi có thể giúp gì"),
    Command("language", "/choose_language", "Change the language", "Đổi ngôn ngữ"),
    Command(
        "declare",
        "/declare_guest",
        "Declare a foreign guest's temporary residence",
        "Khai báo tạm trú cho khách nước ngoài",
    ),
    Command("mydeclarations", "/list_declarations", "My declarations", "Các khai báo của tôi"),
    Command("cancel", "/stop", "Stop the current step", "Dừng bước hiện tại"),
)

PAYLOAD_BY_COMMAND: dict[str, str] = {command.name: command.rasa_payload for command in COMMANDS}


def menu(language: str) -> list[BotCommand]:
    """The command menu for one language ("en" is also the default for every other language)."""
    return [
        BotCommand(command.name, command.description_vi if language == "vi" else command.description_en)
        for command in COMMANDS
    ]
