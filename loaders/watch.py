"""``policykg build --watch``: keep the graph in step with folders while the service runs.

Each change to a watched folder (a document saved, replaced or deleted) runs
the incremental ``build()`` again with ``prune``: only new and changed files
are read, removed ones are taken out, and the graph is swapped into the store
in one step (``replace_graph`` writes a staging graph and renames it), so a
running ``policykg serve`` on the same data directory answers from the old
graph until the new one is complete. Changes are collected for
``watch_debounce_ms`` before a build starts, so saving a batch of files gives
one build; watchfiles waits on the operating system's file events, or polls
every ``watch_poll_interval_ms`` where those do not work (network shares,
some containers: ``watch_force_polling``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from graph.settings import Settings
from loaders.build import BuildReport, Progress, build
from loaders.read import SUFFIXES


def relevant(paths: Iterable[str]) -> bool:
    """Do these changed paths touch a document (not an editor's temp or lock file)?

    >>> relevant(["/d/plan.pdf"]), relevant(["/d/.~lock.plan.docx#", "/d/~$plan.docx"])
    (True, False)
    """
    from loaders import formats

    suffixes = {*SUFFIXES, *formats.SUFFIXES}
    for path in map(Path, paths):
        if path.name.startswith((".", "~$")) or path.suffix.lower() not in suffixes:
            continue
        return True
    return False


def watch(folders: list[Path], settings: Settings, *, on_report: Callable[[BuildReport], None],
          progress: Progress | None = None, stop: threading.Event | None = None, store=None) -> None:
    """Build ``folders`` now and again after every change, until ``stop`` is set or Ctrl-C.

    One store stays open for the whole watch, so the embedded database is
    not restarted between builds. Ctrl-C raises ``KeyboardInterrupt`` out of
    the wait, between builds or in one; the store swap is atomic and the
    contribution cache is written file by file, so an interrupted build
    leaves the previous graph in place.
    """
    import watchfiles

    from graph.store import open_store

    own = store is None
    store = store or open_store(settings)
    try:
        on_report(build(folders, settings, prune=True, progress=progress, store=store))
        for changes in watchfiles.watch(
                *folders, stop_event=stop, debounce=settings.watch_debounce_ms, step=50,
                force_polling=settings.watch_force_polling or None,
                poll_delay_ms=settings.watch_poll_interval_ms, raise_interrupt=True, recursive=True):
            if relevant(path for _change, path in changes):
                on_report(build(folders, settings, prune=True, progress=progress, store=store))
    finally:
        if own:
            store.close()
