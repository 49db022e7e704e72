"""Loading a script by its path (bench/ is no package): the one loader for the bench scripts
and for tests/bench_support, so the tests build their large inputs with the very code the
benchmarks use."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent


def load_file(name: str, path: Path) -> ModuleType:
    """The Python file at `path` run as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


@functools.cache
def bench_module(stem: str) -> ModuleType:
    """bench/<stem>.py, once per process ("generate" → module bench_generate)."""
    name = stem if stem.startswith("bench_") else f"bench_{stem}"
    return load_file(name, BENCH / f"{stem}.py")
