"""A script of bench/ loaded as a module (bench/ is no package): the tests build their large
inputs with the very code the benchmarks use, through bench/_support's one loader."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))  # appended: bench/ never shadows an installed module

from _support import bench_module  # noqa: E402

__all__ = ["BENCH", "bench_module"]
