"""``python -m tests.benchmarks [NAME...]``: run benchmarks, print JSON lines."""

from __future__ import annotations

import importlib
import json
import sys

from tests.benchmarks import NAMES


def main(argv: list[str]) -> int:
    names = argv or list(NAMES)
    unknown = [name for name in names if name not in NAMES]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(NAMES)}",
            file=sys.stderr,
        )
        return 2
    for name in names:
        module = importlib.import_module(f"tests.benchmarks.{name}")
        for line in module.run():
            print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
