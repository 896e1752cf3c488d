"""Compile every catalog/locale/*/LC_MESSAGES/*.po to .mo (build step; needs Babel, Python 3.11 env).

`python -m catalog.build` compiles; `python -m catalog.build --check` also fails when a sentence used in
code is missing, untranslated or fuzzy in any language (the same check the tests make).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from catalog import DOMAINS, LOCALE_DIR, TRANSLATED

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_t": (1,), "N_": None}


def compile_all() -> list[Path]:
    written = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parts[-3])
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


def used_messages(domain: str) -> set[str]:
    """The message ids that the domain's code passes to `_t(...)` or marks with `N_(...)`."""
    found: set[str] = set()
    for rel in DOMAINS[domain]:
        path = ROOT / rel
        if path.is_file():
            files = [path]
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*.py") if "builder" not in p.parts)
        else:
            continue
        for file in files:
            for _lineno, message, _comments, _context in _extract_file(file):
                found.add(message if isinstance(message, str) else message[0])
    return found


def _extract_file(path: Path) -> list[tuple[int, str | tuple[str, ...], list[str], str | None]]:

    with path.open("rb") as handle:
        return list(extract("python", handle, keywords=KEYWORDS))


def problems() -> list[str]:
    """Every sentence used in code must have a non-empty, non-fuzzy translation in each language."""
    found: list[str] = []
    for domain in DOMAINS:
        used = used_messages(domain)
        for lang in TRANSLATED:
            po_path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
            if not po_path.exists():
                found.extend(f"{lang}/{domain}: no catalogue for {m!r}" for m in sorted(used))
                continue
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
            for message in sorted(used):
                entry = catalog.get(message)
                if entry is None or not entry.string:
                    found.append(f"{lang}/{domain}: untranslated {message!r}")
                elif entry.fuzzy:
                    found.append(f"{lang}/{domain}: fuzzy {message!r}")
    return found


def main(argv: list[str]) -> int:
    written = compile_all()
    print(f"compiled {len(written)} catalogues")
    if "--check" in argv:
        missing = problems()
        for line in missing:
            print(line, file=sys.stderr)
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
