"""Disk fault scenarios, run in this process or in a private mount namespace (``unshare -rm``).

    python -m tests.faults.scenarios read-only DATA CORPUS
    python -m tests.faults.scenarios full DATA CORPUS

Each prints one JSON object: the error the build gave and whether the graph
served before was still served (through a store kept open across the fault,
since a server cannot be started in a read-only or full directory) and still
there after a restart. Inside the namespace DATA is a fresh tmpfs the
scenario mounts, so the mount and the full disk vanish with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from graph.errors import PolicyKGError
from graph.store.falkor import FalkorStore
from loaders.build import build
from tests.conftest import SEEDS, settings_for
from tests.graph.test_store_export_pages import plan_with_measures


def _text(store: FalkorStore) -> str:
    return json.dumps(store.export().to_json(), ensure_ascii=False, sort_keys=True)


def read_only(data: Path, corpus: Path, make_read_only: Callable[[], None],
              make_writable: Callable[[], None]) -> dict:
    settings = settings_for(data)
    store = FalkorStore(settings)
    result: dict = {}
    try:
        build([SEEDS], settings, store=store)
        before = _text(store)
        make_read_only()
        try:
            try:
                build([corpus], settings, store=store)
                result["error"] = None
            except PolicyKGError as exc:
                result["error"] = str(exc)
            result["intact"] = _text(store) == before
            try:
                store.replace_graph(plan_with_measures(10))  # the store itself refuses too
                result["store_error"] = None
            except PolicyKGError as exc:
                result["store_error"] = str(exc)
            result["intact_after_store"] = _text(store) == before
        finally:
            make_writable()
    finally:
        store.close()
    result["intact_after_restart"] = _restarted(settings) == before
    return result


def full(data: Path, corpus: Path, headroom: int = 64 * 1024) -> dict:
    """A nearly full filesystem: a build that needs room, then a store write whose dump does not fit."""
    settings = settings_for(data)
    store = FalkorStore(settings)
    filler = data / "filler"
    result: dict = {}
    try:
        build([SEEDS], settings, store=store)
        before = _text(store)
        _fill(filler, headroom)
        try:
            build([corpus], settings, store=store)
            result["error"] = None
        except PolicyKGError as exc:
            result["error"] = str(exc)
        result["intact"] = _text(store) == before
        result["leftover_tmp"] = sorted(p.name for p in (data / "documents").glob("*.tmp"))
        try:
            store.replace_graph(plan_with_measures(3000))
            result["store_error"] = None
        except PolicyKGError as exc:
            result["store_error"] = str(exc)
        result["intact_after_store"] = _text(store) == before
    finally:
        filler.unlink(missing_ok=True)
        store.close()
    result["intact_after_restart"] = _restarted(settings) == before
    return result


def _fill(filler: Path, headroom: int) -> None:
    """Write zeros until the filesystem is full, then give back ``headroom`` bytes."""
    chunk = b"\0" * (1 << 16)
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - headroom))


def _restarted(settings) -> str:
    store = FalkorStore(settings)
    try:
        return _text(store)
    finally:
        store.close()


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)


def _bind_read_only(where: Path) -> None:
    """Lay a read-only view of the folder over itself (the running server's open files keep theirs:
    a remount would be refused while its log is open for writing)."""
    subprocess.run(["mount", "--bind", str(where), str(where)], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(where)], check=True)


def _unmount(where: Path) -> None:
    subprocess.run(["umount", str(where)], check=True)


def main(argv: list[str]) -> int:
    scenario, data, corpus = argv[0], Path(argv[1]), Path(argv[2])
    if scenario == "read-only":
        _mount_tmpfs(data, "64m")
        result = read_only(data, corpus, lambda: _bind_read_only(data), lambda: _unmount(data))
    else:
        _mount_tmpfs(data, "8m")
        result = full(data, corpus)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
