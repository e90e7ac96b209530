"""Building many objects at once: the data files' entries, a long timeline's events.

Python's cyclic garbage collector runs every few hundred new containers and, as they
pile up, walks everything built so far again: a quarter of the time of loading a data
set of 10,000 events, none of it finding garbage (plain data has no reference cycles).
`paused_gc()` holds it off for such a stretch of work and then lets it run as before;
memory is still freed as usual (reference counting) meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
