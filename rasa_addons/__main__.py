"""`python -m rasa_addons <rasa arguments>`: the rasa command line with rasa_addons installed."""

from __future__ import annotations

import sys

from rasa.__main__ import main

from rasa_addons import install

if __name__ == "__main__":
    install()
    sys.argv = ["rasa", *sys.argv[1:]]
    main()
