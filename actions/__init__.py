"""Rasa SDK custom actions (Python 3.10 environment). One module per capability."""
