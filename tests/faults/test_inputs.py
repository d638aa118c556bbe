"""What a folder build meets besides documents: every path it leaves out is reported with the reason,
a file over ``max_file_bytes`` is refused by name, and a FIFO is never opened (reading one blocks)."""

from __future__ import annotations

import os
import shutil

from loaders.build import build
from tests.conftest import SEEDS, settings_for


def test_a_folder_build_reports_every_path_it_leaves_out(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)
    (folder / "huge.txt").write_bytes(seed.read_bytes() * 40)
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "linked-folder").symlink_to(tmp_path)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / ".hidden.txt").write_text("x")
    limit = seed.stat().st_size * 2
    report = build([folder], settings_for(tmp_path / "data", max_file_bytes=limit))
    assert report.added == [seed.name]
    failed = dict(report.failed)
    assert "max_file_bytes" in failed["huge.txt"] and "MB" in failed["huge.txt"]
    skipped = {os.path.basename(path): reason for path, reason in report.skipped}
    assert skipped["pipe.txt"] == "not a regular file (a FIFO)"
    assert "target is missing" in skipped["gone.txt"]
    assert skipped["loop.txt"] == "a symbolic link loop"
    assert "not followed" in skipped["linked-folder"]
    assert "not a document type" in skipped["photo.jpg"]
    assert skipped[".hidden.txt"] == "hidden"
    summary = report.summary()
    assert "FAILED huge.txt" in summary and "pipe.txt: not a regular file (a FIFO)" in summary
