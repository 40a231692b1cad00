"""Pausing Python's cyclic garbage collector around work that builds many objects and no reference cycles.

Reference counting frees such objects all the same; the collector would only
sweep them again and again while they live. ``cyclic_gc_paused()`` turns it
off for the block and back on afterwards only if it was running, so nesting
and callers that switched it off themselves are respected.
"""

import gc
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
