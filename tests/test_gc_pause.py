"""gc_paused(keep=True): what the block built goes to the oldest generation, the collector
is on again, and objects someone froze (the window's start) stay frozen."""

from __future__ import annotations

import gc

from proposal_desk.gc_pause import gc_paused


def _generation(obj: object) -> int | None:
    for generation in range(3):
        if any(o is obj for o in gc.get_objects(generation=generation)):
            return generation
    return None


def test_kept_objects_go_to_the_oldest_generation() -> None:
    assert gc.isenabled()
    with gc_paused(keep=True):
        assert not gc.isenabled()
        made = [[i] for i in range(100)]
    assert gc.isenabled() and _generation(made[0]) == 2
    with gc_paused():
        young = [[i] for i in range(100)]
    assert gc.isenabled() and _generation(young[0]) in (0, 1)


def test_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with gc_paused(keep=True):
            made = [[i] for i in range(100)]
        assert gc.get_freeze_count() == frozen and gc.isenabled()
        assert _generation(made[0]) in (0, 1)
    finally:
        gc.unfreeze()
