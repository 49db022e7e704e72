"""Pausing Python's garbage collector while large lists of new objects are built (a list of
100,000 rows, an import's rows): none of them is garbage, yet each full collection would walk
them all. Standard library only: the window's first read uses it before SQLAlchemy loads."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """No garbage collection inside the block; the collector runs as usual afterwards.

    `keep`: what the block built mostly lives on (an import's plan, its rows): it is moved to
    the oldest generation as the block ends, instead of the first young collection afterwards
    walking every object made in the block (about 0.1 s after an import's 10,000 rows). Not
    while objects are frozen (gui.launch): thawing them is not ours to do."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if keep and gc.get_freeze_count() == 0:
                gc.freeze()  # every generation into the permanent one, counts reset …
                gc.unfreeze()  # … and back, all into the oldest: no object walked
            gc.enable()
