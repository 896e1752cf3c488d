"""Is a secret good enough outside development? (standard library)

A secret must come from a random generator: at least 32 characters, at least two of lower case, upper
case and digits, no character making up 40 % of it, enough distinct characters, no repeated pattern
(it must not compress), not mostly a run of consecutive characters ("abcde", "12345"), and not one of the
values this project ever shipped as a default or example. Measured: secrets.token_urlsafe(32), the
documented generator, was never refused in 1,000,000 draws; token_hex(16) about twice per million
(all digits, or one character 13 times out of 32): generate again.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections import Counter
from collections.abc import Mapping

from deployment.errors import InsecureSettings
from deployment.table import DEVELOPMENT, SECRETS

MIN_LENGTH = 32
MIN_DISTINCT = 8
# Empirical entropy of the characters (bits per character x length): token_urlsafe(32) scores about 200,
# token_hex(16) never less than 92 in 50,000 draws.
MIN_BITS = 80.0
MAX_SHARE_OF_ONE_CHARACTER = 0.4
# zlib output / input: random text does not compress (token_hex(32) >= 0.84, base64 >= 1.1), while
# "Password123Password123..." gives 0.68 and "abcabc..." 0.36.
MIN_COMPRESSED_RATIO = 0.75
MAX_SHARE_OF_UNIT_STEPS = 0.5
GENERATE = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'

# Values shipped as defaults or examples at some point: refused whatever their length.
KNOWN_DEFAULTS = frozenset(
    {s.development_default for s in SECRETS.values()}
    | {
        "dev-channel-token",
        "dev-channel-token-not-for-production",
        "a-long-random-secret-shared-by-the-assistant-and-the-api",
        "secret-for-the-push-endpoint",
        "change-me",
        "changeme",
    }
)
_PLACEHOLDER_WORDS = ("change-me", "changeme", "not-for-production", "never-in-production", "example")


def weakness(value: str) -> str | None:
    """Why `value` is not an acceptable secret, or None when it is."""
    if value in KNOWN_DEFAULTS or any(word in value.lower() for word in _PLACEHOLDER_WORDS):
        return "is a known default or example value"
    if len(value) < MIN_LENGTH:
        return f"is too short ({len(value)} characters; at least {MIN_LENGTH})"
    classes = sum(any(test(c) for c in value) for test in (str.islower, str.isupper, str.isdigit))
    if classes < 2:
        return "mixes too few kinds of characters (use at least two of lower case, upper case, digits)"
    counts = Counter(value)
    if max(counts.values()) > MAX_SHARE_OF_ONE_CHARACTER * len(value):
        return "repeats one character too often"
    if len(counts) < MIN_DISTINCT:
        return f"uses too few different characters ({len(counts)}; at least {MIN_DISTINCT})"
    bits = -sum(n * math.log2(n / len(value)) for n in counts.values())
    if bits < MIN_BITS:
        return f"is too predictable (about {bits:.0f} bits; at least {MIN_BITS:.0f})"
    if len(zlib.compress(value.encode(), 9)) < MIN_COMPRESSED_RATIO * len(value.encode()):
        return "repeats a pattern"
    if _share_of_unit_steps(value) > MAX_SHARE_OF_UNIT_STEPS:
        return "is mostly a run of consecutive characters (like 'abcde' or '12345')"
    return None


def _share_of_unit_steps(value: str) -> float:
    """How many neighbours are one code point apart ("abcd", "4321"): 1/8 in random hex, ~1 in a walk."""
    steps = [abs(ord(after) - ord(before)) == 1 for before, after in itertools.pairwise(value)]
    return sum(steps) / max(len(steps), 1)


def require_secrets(environment: str, values: Mapping[str, str | None], service: str) -> dict[str, str]:
    """The secrets `service` uses, by variable name; development fills the gaps from the table.

    Outside development every one must be set and strong, otherwise InsecureSettings names each bad
    variable and says how to generate a value: there is no default to fall back on.
    """
    if environment == DEVELOPMENT:
        return {name: value or SECRETS[name].development_default for name, value in values.items()}
    problems = []
    for name, value in values.items():
        reason = "is not set" if not value else weakness(value)
        if reason:
            problems.append(f"{name} {reason} ({SECRETS[name].purpose})")
    if problems:
        raise InsecureSettings(
            f"The {service} refuses to start with API_ENV={environment}: "
            + "; ".join(problems)
            + f". Set each to its own random value, e.g. from `{GENERATE}`, in the environment or .env "
            "(see docs/production.md)."
        )
    return {name: str(value) for name, value in values.items()}
