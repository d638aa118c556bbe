"""What every ``policykg`` command that holds the embedded database needs from its process.

The embedded FalkorDB is stopped by its last user when that user closes its
store (``graph.store.embedded``). A process ended by a bare SIGTERM runs no
``finally`` and no ``atexit`` handler, so it never closes its store and leaves
its redis-server running: ``exit_on_sigterm`` makes SIGTERM a normal exit.
"""

from __future__ import annotations

import signal

#: the signal that ended the process, once one did (watchfiles reports any signal as a
#: KeyboardInterrupt: this tells ``build --watch`` which exit status to give)
received: int | None = None


def exit_on_sigterm() -> None:
    """Turn SIGTERM into ``SystemExit(143)``, so stores are closed and the embedded server is
    stopped when this process was its last user (``kill``, ``timeout``, systemd, docker stop)."""

    def stop(signum, frame):
        global received
        received = signum
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
