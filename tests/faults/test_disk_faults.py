"""A full or read-only data directory during a build: one clear error, the previous graph intact.

Three ways to make the disk fail, so that CI reproduces at least the first:

- a file size limit (``RLIMIT_FSIZE``, no privileges needed): writes past it
  fail with EFBIG exactly where a full disk fails with ENOSPC, in the build's
  contribution files or in the server's dump;
- a small tmpfs filled up, in a private mount namespace (``unshare -rm``): the
  real ENOSPC, where user namespaces are allowed (skipped elsewhere);
- a read-only data directory: ``chmod`` for an ordinary user, a read-only
  remount of a tmpfs in a namespace for root (whom permission bits do not stop).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from bench.corpus import write_corpus
from graph.store.falkor import FalkorStore
from loaders.build import build
from tests.conftest import ROOT, SEEDS, settings_for
from tests.faults import scenarios
from tests.faults.helpers import can_mount_tmpfs, cli, file_size_limited, snapshot
from tests.fixture_graph import small_graph


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(6, folder, seed=21)
    return folder


def test_a_dump_that_does_not_fit_restores_the_previous_graph(tmp_path):
    data = tmp_path / "data"
    store = FalkorStore(settings_for(data))
    store.replace_graph(small_graph())
    store.close()
    before = snapshot(data)
    dump = (data / "graph.rdb").read_bytes()
    # the server this child starts inherits the limit: the dump of the larger graph cannot be written
    code = ("import sys\n"
            "from graph.errors import StoreError\n"
            "from graph.store.falkor import FalkorStore\n"
            "from tests.conftest import settings_for\n"
            "from tests.graph.test_store_export_pages import plan_with_measures\n"
            f"store = FalkorStore(settings_for({str(data)!r}))\n"
            "try:\n"
            "    store.replace_graph(plan_with_measures(3000))\n"
            "except StoreError as exc:\n"
            "    print(exc); sys.exit(3)\n"
            "finally:\n"
            "    store.close()\n")
    child = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180,
                           preexec_fn=file_size_limited(len(dump) + 64 * 1024))
    assert child.returncode == 3, (child.stdout, child.stderr)
    assert "could not be saved" in child.stdout and "File too large" in child.stdout
    assert "previous graph is kept" in child.stdout
    assert (data / "graph.rdb").read_bytes() == dump
    assert snapshot(data) == before


def test_a_build_that_cannot_write_its_files_is_one_clear_error(tmp_path, corpus):
    data = tmp_path / "data"
    build([SEEDS], settings_for(data))
    before = snapshot(data)
    proc = cli("build", str(corpus), "--data-dir", str(data), "-q", preexec_fn=file_size_limited(8 * 1024))
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 1, (out, err)
    assert "cannot write to the data directory" in err and "File too large" in err
    assert "Traceback" not in err
    assert not list((data / "documents").glob("*.tmp"))
    assert snapshot(data) == before


def test_read_only_data_directory(tmp_path, corpus):
    data = tmp_path / "data"
    if os.geteuid() == 0:  # root writes through permission bits: use a read-only mount instead
        result = _in_namespace("read-only", data, corpus, tmp_path)
    else:
        folders = [data, data / "documents", data / "clients"]

        def chmod(mode: int) -> None:
            for folder in folders:
                if folder.exists():
                    folder.chmod(mode)

        result = scenarios.read_only(data, corpus, lambda: chmod(stat.S_IRUSR | stat.S_IXUSR),
                                     lambda: chmod(stat.S_IRWXU))
    assert "data directory" in (result["error"] or "") and "the stored graph is unchanged" in result["error"]
    assert "not writable" in (result["store_error"] or "")
    assert result["intact"] and result["intact_after_store"] and result["intact_after_restart"], result


def test_a_full_filesystem(tmp_path, corpus):
    if not can_mount_tmpfs(tmp_path / "probe"):
        pytest.skip("no user namespaces here to mount a small tmpfs (the file size limit tests stand in for it)")
    result = _in_namespace("full", tmp_path / "data", corpus, tmp_path)
    assert "No space left on device" in (result["error"] or ""), result
    assert not result["leftover_tmp"]
    assert "could not be saved" in (result["store_error"] or "") and "No space left" in result["store_error"]
    assert result["intact"] and result["intact_after_store"] and result["intact_after_restart"], result


def _in_namespace(scenario: str, data, corpus, tmp_path) -> dict:
    if not can_mount_tmpfs(tmp_path / "probe"):
        pytest.skip("no user namespaces here to mount a read-only filesystem")
    proc = subprocess.run(["unshare", "-rm", sys.executable, "-m", "tests.faults.scenarios", scenario, str(data),
                           str(corpus)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])
