"""Run every benchmark module in this package (`python -m benchmarks [name ...]`)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> int:
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench"))
    chosen = [m for m in modules if not names or m.removesuffix("_bench") in names or m in names]
    failed = 0
    for name in chosen:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        failed += 1 if module.main([]) else 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
