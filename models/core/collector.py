"""Python's cyclic garbage collector paused around work that makes hundreds of thousands of
objects and no cycle worth collecting (reading a portfolio, scoring and printing it): every
collection such work would set off walks every object made so far, which at 10,000 startups
costs about as much as the work itself."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block, and on again after it if it was on before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
