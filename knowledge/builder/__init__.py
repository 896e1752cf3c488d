"""Builder: parses the decrees in knowledge/sources/ and writes knowledge/data/kb.json (needs spaCy, Python 3.11)."""
