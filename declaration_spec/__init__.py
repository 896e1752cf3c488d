"""What a temporary-residence declaration is, defined once for both environments (standard library only):
its fields (`fields`), the rules its values must pass (`rules`), passport MRZ reading (`mrz`), the
nationality table (`nationality`) and receipt codes (`receipts`). The Rasa actions (Python 3.10) and the
intake API (3.11) import it alike; the API stays the authority that files, the chat checks early."""
