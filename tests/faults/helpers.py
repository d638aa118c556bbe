"""Shared pieces of the fault tests: the CLI in a subprocess, snapshots, resource limits, namespaces."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.export_json import export_graph
from tests.conftest import ROOT, settings_for


def cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """``policykg ARGS`` as a child process (the same interpreter and checkout)."""
    return subprocess.Popen([sys.executable, "-m", "queries.cli", *args], cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def snapshot(data_dir: Path) -> str:
    """The stored graph as sorted JSON text, read through a store opened (and closed) for it."""
    return json.dumps(export_graph(settings_for(data_dir)).to_json(), ensure_ascii=False, sort_keys=True)


def logged_url(proc: subprocess.Popen, log: Path, timeout_s: float = 120) -> str:
    """The address a ``serve --port 0`` child logs to the file ``log`` once uvicorn listens; fails with the
    log when the child ends or the time runs out first (a file, not a pipe: nobody has to keep reading it)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and proc.poll() is None:
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", log.read_text(errors="replace"))
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise AssertionError("policykg serve did not start:\n" + log.read_text(errors="replace"))


def wait_for(condition, timeout_s: float, interval_s: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval_s)
    return False


def kill9(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def file_size_limited(limit_bytes: int):
    """A preexec function: files this process (and the server it starts) writes stop at ``limit_bytes``.

    SIGXFSZ is ignored, so a write past the limit fails with EFBIG ("File too
    large") as a write to a full disk fails with ENOSPC, instead of killing the
    writer; an ignored signal stays ignored across exec, so the redis-server
    the process starts inherits both. This needs no privileges, so CI runs it.
    """
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return limit


def can_mount_tmpfs(where: Path) -> bool:
    """True if a user namespace can mount a tmpfs here (root, or unprivileged namespaces allowed)."""
    if not shutil.which("unshare"):
        return False
    where.mkdir(parents=True, exist_ok=True)
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs '{where}'"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0
