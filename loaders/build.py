"""``build()``: documents in, the corpus graph stored. Short enough to read in one go.

read -> prepare -> extract (per document, cached by content) -> merge -> store.
A document that cannot be read or holds no policy text is one error in the
report, with its file name; the others still load, and nothing of the failed
one stays behind.

Extraction is per document and takes most of a build's time, so the documents
to extract go to a pool of ``build_workers`` processes (default: one per core).
Each worker gives back the document's graph or the reason it failed, and the
results are taken in the order of the files, so the report, the cache and the
merged graph are those of a serial build, byte for byte in the export. The pool
starts its workers from a fresh ``forkserver`` process (not by forking this one,
which may hold threads and locks: the service rebuilds from inside uvicorn), and
a build with few documents to read stays in this process.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import select
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import PolicyKGError, SourceError, StoreError
from graph.model import GraphData, merge_documents
from graph.settings import Settings
from graph.store.bulk import collector_paused
from graph.store.embedded import process_alive
from loaders.cache import Contribution, ContributionCache, StoredSources
from loaders.extract import EXTRACTOR_VERSION, extract
from loaders.read import read_document, walk_inputs

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    """What a build did to the stored graph: documents added, changed, unchanged and removed
    compared with the graph stored before it (not with the contribution cache), and failed."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: added or changed documents taken from the cache without being read again: an earlier
    #: build read them and was stopped before it stored the graph
    reused: list[str] = field(default_factory=list)
    #: paths inside the given folders that were not read, with the reason (not failures)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    #: where the time went: read+extract, cache (contributions written), merge, store
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        nodes = sum(self.counts.get("nodes", {}).values())
        rels = sum(self.counts.get("relationships", {}).values())
        lines = [f"added {len(self.added)}, changed {len(self.changed)}, unchanged {len(self.unchanged)}, "
                 f"removed {len(self.removed)}, failed {len(self.failed)} "
                 f"-> {nodes} nodes, {rels} relationships in {duration(self.seconds)}"]
        for name, sources in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            if sources:
                more = f" (+{len(sources) - 20} more)" if len(sources) > 20 else ""
                lines.append(f"{name}: {', '.join(sources[:20])}{more}")
        if self.reused:
            lines.append(f"{len(self.reused)} of these were read by an earlier build that stopped before it stored "
                         "the graph; they were not read again")
        lines += [f"FAILED {source}: {reason}" for source, reason in self.failed]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} paths that are no documents:")
            lines += [f"  {path}: {reason}" for path, reason in self.skipped[:50]]
            if len(self.skipped) > 50:
                lines.append(f"  (+{len(self.skipped) - 50} more)")
        return "\n".join(lines)


def build(inputs: list[Path], settings: Settings, *, prune: bool = False,
          progress: Progress | None = None, store=None) -> BuildReport:
    """Read ``inputs`` (files or folders) into the graph under ``settings``."""
    started = time.perf_counter()
    report = BuildReport()
    cache = ContributionCache(Path(settings.data_dir) / "documents")
    record = StoredSources(Path(settings.data_dir), settings.store, settings.graph_name)
    stored = _stored_before(record, cache, settings)
    files, missing, report.skipped = walk_inputs(inputs)
    report.failed += [(e.source, e.reason) for e in missing]
    seen: dict[str, str] = {}  # source -> digest, in the order read
    fresh: dict[str, GraphData] = {}  # what this build extracted: merged as it is, not read back
    try:
        jobs: list[_Job] = []
        for number, path in enumerate(files, 1):
            source = path.name
            label = f"[{number}/{len(files)}] {source}"
            if source in seen:
                report.failed.append((source, f"another file of the same name was read already ({path})"))
                continue
            checked = _check_one(path, cache, report, seen, settings.max_file_bytes, progress, label)
            if isinstance(checked, _Job):
                jobs.append(checked)
            elif progress:
                if checked == "cached":
                    checked = "unchanged" if stored.get(source) == seen[source] else "read before, not read again"
                progress(f"{label}: {checked}")
        extracting = time.perf_counter()
        for job, outcome in zip(jobs, _extracted(jobs, workers(settings)), strict=True):
            status = _finish(job, outcome, cache, report, fresh)
            if progress:
                progress(f"{job.label}: {status}")
        report.stage_seconds["extract"] = time.perf_counter() - extracting - report.stage_seconds.get("cache", 0.0)
        if prune:
            _prune(inputs, set(seen), cache)
    except OSError as exc:
        # reading a document fails inside _check_one; what gets here is the data directory
        # (full or read-only): stop before the stored graph is touched
        raise StoreError(f"cannot write to the data directory {settings.data_dir}: {exc.strerror or exc}; "
                         "the stored graph is unchanged (the setting is data_dir)") from exc
    merging = time.perf_counter()
    with collector_paused():  # every contribution read back stays alive in the merged graph
        cached = cache.all(skip=fresh)
        graphs = {c.source: c.graph for c in cached} | fresh
        digests = {c.source: c.digest for c in cached} | {s: seen[s] for s in fresh}
        graph = merge_documents(graphs[source] for source in sorted(graphs))
    report.stage_seconds["merge"] = time.perf_counter() - merging
    storing = time.perf_counter()
    _store(graph, settings, store)
    record.save(digests)  # only once the graph holds them
    report.stage_seconds["store"] = time.perf_counter() - storing
    _compare(report, stored, digests, seen, fresh)
    report.counts = graph.counts()
    report.seconds = time.perf_counter() - started
    return report


def _stored_before(record: StoredSources, cache: ContributionCache, settings: Settings) -> dict[str, str]:
    """{source: digest} of the graph stored before this build. A data directory built before the
    record existed has none: its cache is taken as the record when a graph was stored there."""
    stored = record.load()
    if stored is not None:
        return stored
    if settings.embedded and not (Path(settings.data_dir) / "graph.rdb").exists():
        return {}  # nothing stored yet: whatever the cache holds came from a build that did not finish
    return {c.source: c.digest for c in cache.all()}


def _compare(report: BuildReport, stored: dict[str, str], digests: dict[str, str], seen: dict[str, str],
             fresh: dict[str, GraphData]) -> None:
    """Sort the documents of the new graph by what they did to the stored one.

    The documents read by this build come first, in the order read, then any others
    the graph now holds (those an earlier build read and did not store)."""
    failed = {source for source, _ in report.failed}
    order = [s for s in seen if s in digests] + sorted(s for s in digests if s not in seen)
    for source in order:
        if source in failed:  # reported as failed (an unreadable file keeps what it gave before)
            continue
        before = stored.get(source)
        if before is None:
            report.added.append(source)
        elif before != digests[source]:
            report.changed.append(source)
        elif source in seen:
            report.unchanged.append(source)
            continue
        else:
            continue
        if source not in fresh:
            report.reused.append(source)
    report.removed += [s for s in stored if s not in digests and s not in failed]


def duration(seconds: float) -> str:
    """A build's time as a reader wants it: an incremental build of a few milliseconds is not "0.0 s".

    >>> duration(0.0042), duration(0.31), duration(12.345)
    ('4 ms', '310 ms', '12.3 s')
    """
    if seconds < 1:
        return f"{max(seconds * 1000, 1):.0f} ms"
    return f"{seconds:.1f} s"


def workers(settings: Settings) -> int:
    """Processes that extract documents: ``build_workers``, or one per usable core when it is 0."""
    if settings.build_workers:
        return settings.build_workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


#: below this many documents to extract per worker a build stays in its own process: starting
#: the workers (each loads jieba's dictionaries, about 1.5 s) would cost more than it saves
MIN_DOCUMENTS_PER_WORKER = 8


@dataclass
class _Job:
    """A document to extract: where it is, its name in the report, what the cache had, its digest."""

    path: Path
    label: str
    previous: Contribution | None
    digest: str


def _extracted(jobs: list[_Job], count: int) -> Iterator[tuple[bool, GraphData | str]]:
    """Each job's outcome (``extract_outcome``), in the order of ``jobs``."""
    paths = [str(job.path) for job in jobs]
    if count <= 1 or len(jobs) < count * MIN_DOCUMENTS_PER_WORKER:
        yield from map(extract_outcome, paths)
        return
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_warm_worker,
                               initargs=(os.getpid(),))
    try:
        # small chunks: documents differ a lot in size, and results are taken in order
        yield from pool.map(extract_outcome, paths, chunksize=4)
    finally:  # a build stopped half-way (the disk full) does not wait for the documents still queued
        pool.shutdown(wait=True, cancel_futures=True)


def _warm_worker(build_pid: int) -> None:
    """Load the dictionaries once per worker, before its first document, and end the worker with
    the build that started it.

    A build killed with ``kill -9`` cannot shut its pool down: its workers, children of the
    forkserver and not of the build, stayed behind for good, one blocked writing a result to a pipe
    the other still held (found after the kill -9 fault tests), each with its dictionaries
    loaded. So each worker watches the build's process and leaves as soon as it is gone.
    """
    from loaders.segment import tokenize

    threading.Thread(target=_exit_with, args=(build_pid,), name="exit-with-build", daemon=True).start()
    tokenize("预热")


def _exit_with(pid: int) -> None:
    """Wait for process ``pid`` to end (its pidfd turns readable), then end this process at once."""
    try:
        handle = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd (not Linux, or before 5.3): look once a second
        while process_alive(pid):
            time.sleep(1)
    else:
        select.select([handle], [], [])
    os._exit(1)


def extract_outcome(path: str) -> tuple[bool, GraphData | str]:
    """``(True, graph)`` of one file, or ``(False, reason)``: what a worker sends back (an exception
    of our own would not survive the trip between processes with its fields)."""
    try:
        return True, extract_file(Path(path))
    except SourceError as exc:
        return False, exc.reason
    except Exception as exc:  # a bug on one document must not cost the others
        return False, f"extraction failed: {type(exc).__name__}: {exc}"


def _prune(inputs: list[Path], seen: set[str], cache: ContributionCache) -> None:
    """Take documents that are gone from the given folders out of the cache (and so of the graph)."""
    roots = [p.resolve() for p in inputs if p.is_dir()]
    for contribution in cache.all():
        where = Path(contribution.path)
        if contribution.source not in seen and any(_under(where, r) for r in roots) and not where.exists():
            cache.remove(contribution.source)


def _check_one(path: Path, cache: ContributionCache, report: BuildReport, seen: dict[str, str], max_bytes: int,
               progress: Progress | None = None, label: str = "") -> _Job | str:
    """The document as a job to extract, or what became of it when there is none: failed, or
    found in the cache already ("cached"). Its digest goes into ``seen``."""
    source = path.name
    seen[source] = ""
    previous = cache.get(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            if previous:
                cache.remove(source)
            report.failed.append((source, f"the file is {size / 2**20:.1f} MB, over the limit of "
                                          f"{max_bytes / 2**20:.1f} MB per file (the setting is max_file_bytes)"))
            return "failed"
        if progress and size > 1 << 20:
            progress(f"{label}: reading {size / 2**20:.1f} MB")
        data = path.read_bytes()
    except OSError as exc:
        report.failed.append((source, f"cannot read the file: {exc.strerror or exc}"))
        return "failed"
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode() + b"\0" + data).hexdigest()
    seen[source] = digest
    if previous and previous.digest == digest:
        return "cached"
    return _Job(path, label, previous, digest)


def _finish(job: _Job, outcome: tuple[bool, GraphData | str], cache: ContributionCache, report: BuildReport,
            fresh: dict[str, GraphData]) -> str:
    """Record one extracted document: its contribution cached, or its failure reported."""
    source = job.path.name
    ok, value = outcome
    if not ok:
        if job.previous:
            cache.remove(source)
        report.failed.append((source, str(value)))
        return "failed"
    graph = value
    assert isinstance(graph, GraphData)
    caching = time.perf_counter()
    cache.put(Contribution(source, str(job.path.resolve()), job.digest, graph))
    fresh[source] = graph
    _add_time(report, "cache", caching)
    return f"{len(graph.nodes)} entities"


def _add_time(report: BuildReport, stage: str, since: float) -> None:
    report.stage_seconds[stage] = report.stage_seconds.get(stage, 0.0) + time.perf_counter() - since


def extract_file(path: Path) -> GraphData:
    """One file's contribution to the graph (raises ``SourceError`` with the reason)."""
    return extract(read_document(path))


def _store(graph: GraphData, settings: Settings, store=None) -> None:
    from graph.store import open_store

    own = store is None
    store = store or open_store(settings)
    try:
        store.replace_graph(graph)
    finally:
        if own:
            store.close()


def _under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


__all__ = ["BuildReport", "PolicyKGError", "build", "extract_file"]
