"""Rasa project files (domain, stories, endpoints) and the Python 3.11 clients that talk to Rasa over HTTP."""
