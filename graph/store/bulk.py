"""Bulk work on many long-lived objects, without the cyclic garbage collector re-scanning them.

Reading a graph of a hundred thousand nodes and relationships back into
Python makes as many dicts and lists that all stay alive; CPython's
collector walks the growing heap again and again meanwhile, which doubles
the time of ``FalkorStore.export()`` at 1,000 documents (measured in
bench/RESULTS.md). Nothing built there forms reference cycles, so the
collector is paused for the duration and resumed after, as it was.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nested and threaded uses are counted).

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
