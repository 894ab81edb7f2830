"""``make bench``: speed and size figures for every part. Prints; asserts nothing.

Each part contributes a module in this folder with ``bench() -> dict[str, str]``; a part that is not
built yet is reported as missing rather than failing the others.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
import traceback

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

PARTS = [
    ("engine", "tests.bench.engine"),
    ("authoring", "tests.bench.authoring"),
    ("art", "tests.art.bench"),
    ("ui", "tests.bench.ui"),
    ("startup", "tests.bench.startup"),
    ("exports", "tests.bench.exports"),
    ("delivery", "tests.bench.delivery"),
    ("room", "tests.bench.room"),
    ("web", "tests.bench.web"),
]


def main() -> int:
    only = set(sys.argv[1:])
    failed = False
    for name, module_name in PARTS:
        if only and name not in only:
            continue
        print(f"== {name}")
        start = time.perf_counter()
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                print("   (not built yet)")
                continue
            raise
        try:
            figures = module.bench()
        except Exception:  # a bench that breaks is reported, the others still run
            failed = True
            traceback.print_exc()
            continue
        width = max((len(k) for k in figures), default=0)
        for key, value in figures.items():
            print(f"   {key:<{width}}  {value}")
        print(f"   ({time.perf_counter() - start:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
