"""Pausing Python's garbage collector while large lists of new objects are built (a list of
100,000 rows, an import's rows): none of them is garbage, yet each full collection would walk
them all. Standard library only: the window's first read uses it before SQLAlchemy loads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# gc.freeze() is process-wide and the start-up freeze (a worker thread) and an import's
# keep=True (any thread) both use it: one lock makes "check the freeze count, then
# freeze/unfreeze" and "set the flag, then freeze/thaw" atomic against each other, so an
# import can never thaw the start-up's frozen rows nor the start-up miss its own thaw.
_lock = threading.Lock()
_start_frozen = False


def freeze_gc() -> None:
    """The first snapshot has been read (gui/startup_load.py's worker): its rows and
    everything loaded so far are left out of garbage collection until the first paint (each
    collection would walk them: at 10,000 rows the first young collection after the read and
    the next middle one cost ~17 ms)."""
    global _start_frozen
    with _lock:
        if not _start_frozen:
            _start_frozen = True
            gc.freeze()


def resume_gc() -> None:
    """The start is past its first paint (or took the ordinary way): collection as usual."""
    global _start_frozen
    with _lock:
        if _start_frozen:
            _start_frozen = False
            gc.unfreeze()


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """No garbage collection inside the block; the collector runs as usual afterwards.

    `keep`: what the block built mostly lives on (an import's plan, its rows): it is moved to
    the oldest generation as the block ends, instead of the first young collection afterwards
    walking every object made in the block (about 0.1 s after an import's 10,000 rows). Not
    while objects are frozen (the start-up's `freeze_gc`): thawing them is not ours to do."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if keep:
                with _lock:
                    if gc.get_freeze_count() == 0:
                        gc.freeze()  # every generation into the permanent one, counts reset …
                        gc.unfreeze()  # … and back, all into the oldest: no object walked
            gc.enable()
