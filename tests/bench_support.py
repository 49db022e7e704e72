"""A script of bench/ loaded as a module (bench/ is no package): the tests build their large
inputs with the very code the benchmarks use."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


@functools.cache
def bench_module(stem: str) -> ModuleType:
    """bench/<stem>.py, once per test run ("generate" → module bench_generate)."""
    name = stem if stem.startswith("bench_") else f"bench_{stem}"
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{stem}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module
