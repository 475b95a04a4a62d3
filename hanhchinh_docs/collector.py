"""The cyclic garbage collector paused around work that builds many objects and frees few.

Loading and rendering a long plan make hundreds of thousands of small objects (YAML values, model
fields, table cells) that stay alive until the document is written; each collection only rescans
them, and the rescans grow with the heap (a quarter of a 5,000-task render). What they make holds
no reference cycles worth collecting early: reference counting frees it, and the collector runs
again afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
