"""Declaring a foreign guest from the chat (issue 6): forms, validators, the intake API client, the
durable outbox and its worker. Python 3.10 (rasa_sdk); talks to the intake API over HTTP only."""
