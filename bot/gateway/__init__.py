"""Telegram gateway: relays Telegram chats to the Rasa server over its REST channel (see docs/telegram.md)."""
