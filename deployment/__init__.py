"""What a deployment of the assistant is made of: ports, development defaults, secrets, environments,
and the signature the chat clients put on their calls to Rasa's channel.

Imported by both interpreters, so everything here except the two settings modules is standard library
only: ``app_settings`` (pydantic-settings, Python 3.11 side: API, run command, gateway, terminal chat)
and ``rasa_settings`` (pydantic 1.10 ``BaseSettings``, Python 3.10 side: Rasa, actions, outbox worker)
both take their defaults from ``deployment.table``, so each port and default is written once.
"""
