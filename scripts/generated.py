"""The command line shared by the scripts that write generated files: write, or `--check` for staleness."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(output: Path, text: str, script: str, argv: list[str] | None = None) -> int:
    """Write `text` to `output`; with --check, exit status 1 when the committed file differs instead."""
    parser = argparse.ArgumentParser(description=f"write {output.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args(argv)
    relative = output.relative_to(ROOT)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"{relative} is stale: run python {script}")
            return 1
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {relative}")
    return 0
