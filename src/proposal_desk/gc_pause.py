"""Pausing Python's garbage collector while large lists of new objects are built (a list of
100,000 rows, an import's rows): none of them is garbage, yet each full collection would walk
them all. Standard library only: the window's first read uses it before SQLAlchemy loads."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection inside the block; the collector runs as usual afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
