"""Rasa-side add-ons (Python 3.10 environment), started by bot/stack.py.

- ``python -m rasa_addons run ...`` is ``rasa run ...`` after checking its secrets, with the signed
  input channel (``channel``), Rasa's HTTP API behind RASA_TOKEN, personal data kept out of the logs
  (``log_privacy``) and the action-response schema checked once (``response_validation``).
- ``python -m rasa_addons.action_server --port N`` is rasa_sdk's action server after the same checks.

This module imports nothing heavy: the action server must not load Rasa.
"""
