"""Everything measured on one corpus size, in one fresh process, as JSON.

    python -m bench.scale CORPUS_DIR DATA_DIR OUT.json [--sample 1000] [--load-rounds 3] [--exports-only]

Phases, each timed with its peak memory (``bench.measure.phase``):

1. throughput: on an even sample of the documents, in blocks of ten, the
   project's jieba (``loaders.segment.tokenize``), stock jieba and
   read + extract, in rotating order so a burst of load on the machine hits
   all three alike;
2. build: ``loaders.build.build`` into an empty data directory (read,
   extract, write each contribution, merge, store), with its stage times;
3. load: ``FalkorStore.replace_graph`` of the merged graph (as the build made
   it from its per-document cache) against one bare
   batched ``UNWIND … CREATE`` of the same rows through the same client,
   alternating, ``--load-rounds`` times each;
4. export: ``policykg export --format json`` and ``--format ttl``, each in a
   process of its own as users run it, with its time and peak memory;
5. quality: what was extracted per document against what the corpus wrote
   (its manifest), so a rule that goes wrong at scale shows.

A fresh process per size keeps one size's memory out of the next one's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.measure import Stopwatch, peak_rss_bytes, phase, rss_bytes

ROOT = Path(__file__).resolve().parent.parent


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix == ".txt")


def throughput(files: list[Path], sample: int) -> dict:
    """Interleaved blocks: project jieba, stock jieba, read + extract over the same texts."""
    import jieba

    from loaders.extract import extract
    from loaders.read import read_document
    from loaders.segment import tokenize

    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    watch = Stopwatch()
    chars = 0
    operations = {
        "segment": lambda raws: [tokenize(r.text) for r in raws],
        "stock_jieba": lambda raws: [list(jieba.tokenize(r.text)) for r in raws],
        "extract": lambda raws: [extract(r) for r in raws],
    }
    order = list(operations)
    for start in range(0, len(chosen), 10):
        block = chosen[start:start + 10]
        with watch("read"):
            raws = [read_document(p) for p in block]
        chars += sum(len(r.text) for r in raws)
        for name in order:
            with watch(name):
                operations[name](raws)
        order = order[1:] + order[:1]
    return {"docs": len(chosen), "chars": chars, "seconds": watch.seconds}


def warm_up(corpus_files_: list[Path]) -> dict:
    """Load the dictionaries and compile the rules once, outside every timed phase."""
    import jieba

    from loaders.extract import extract
    from loaders.read import read_document
    from loaders.segment import tokenize

    started = time.perf_counter()
    tokenize("预热")
    project = time.perf_counter() - started
    started = time.perf_counter()
    jieba.initialize()
    stock = time.perf_counter() - started
    extract(read_document(corpus_files_[0]))
    return {"project_jieba_load_s": project, "stock_jieba_load_s": stock}


def speed_probe(rounds: int = 3) -> dict:
    """The machine's speed now: the project's tokenizer over one fixed text (the seeds), best of ``rounds``.

    The same work at every corpus size, so the rates compare across sizes; the
    sample's own jieba rate does not, since its texts differ with the corpus.
    """
    from loaders.segment import tokenize

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    best = min(_timed(lambda: tokenize(text)) for _ in range(rounds))
    return {"chars": len(text), "chars_s": len(text) / best}


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bare_rows(graph, size: int) -> list[tuple[str, list[dict]]]:
    """The rows replace_graph writes, prepared before the clock starts, as bare CREATE statements."""
    from graph.store import cypher

    return [*cypher.node_batches(graph, size, searchable=True), *cypher.relationship_batches(graph, size)]


def bare_load(store, batches: list[tuple[str, list[dict]]], key: str = "bench_bare") -> float:
    """One bare batched UNWIND … CREATE of the same rows through the same client."""
    from graph.store import cypher
    from graph.store.falkor import _await_indexes

    conn = store.db.connection
    conn.delete(key)
    target = store.db.select_graph(key)
    started = time.perf_counter()
    for statement in cypher.INDEX_STATEMENTS:
        target.query(statement)
    for statement, rows in batches:
        target.query(statement, {"rows": rows})
    for statement in cypher.FULLTEXT_STATEMENTS:  # as replace_graph does: the same work, bare
        target.query(statement)
    _await_indexes(target, None)
    seconds = time.perf_counter() - started
    conn.delete(key)
    return seconds


def load(store, graph, rounds: int, batch_size: int) -> dict:
    batches = bare_rows(graph, batch_size)
    replace, bare = [], []
    with phase() as mem:
        for _ in range(rounds):
            started = time.perf_counter()
            store.replace_graph(graph)
            replace.append(time.perf_counter() - started)
            bare.append(bare_load(store, batches))
    conn = store.db.connection
    started = time.perf_counter()
    conn.save()
    save = time.perf_counter() - started
    info = conn.info("memory")
    server_pid = store.server.pid()
    return {"replace_s": replace, "bare_s": bare, "save_s": save, "peak_mb": mem.peak_mb,
            "grown_mb": mem.grown_mb, "server_used_mb": info.get("used_memory", 0) / 2**20,
            "server_peak_rss_mb": peak_rss_bytes(server_pid) / 2**20 if server_pid else None}


#: starts a command, waits for it and writes its peak resident memory (``ru_maxrss``, KiB) to a file.
#: Linux carries the peak of the process that forked a program into the program's ``ru_maxrss``
#: (exec keeps the forked copy's high-water mark), so an export started straight from this process
#: reported this process's size (551 MB for both exports at 1,000 documents); started from this
#: small launcher, it reports its own.
LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def exported(data_dir: Path, fmt: str, out_dir: Path) -> dict:
    """What ``policykg export --format FMT -o FILE`` takes, run as users run it: in a process of its
    own (on the benchmark's running embedded server), timed, with that process's peak resident
    memory (its ``ru_maxrss``, through ``LAUNCHER``); the file is kept for its size, then removed."""
    target = out_dir / f"export.{fmt}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    started = time.perf_counter()
    proc, peak_mb = run_measured([sys.executable, "-m", "queries.cli", "export", "--format", fmt, "-o", str(target),
                                  "--data-dir", str(data_dir)], out_dir, cwd=ROOT, env=env)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", errors="replace")
        raise RuntimeError(f"policykg export --format {fmt} failed ({proc.returncode}): {stderr[-2000:]}")
    size = target.stat().st_size
    target.unlink()
    return {"seconds": seconds, "bytes": size, "peak_mb": peak_mb}


def run_measured(command: list[str], folder: Path, **kwargs) -> tuple[subprocess.CompletedProcess, float]:
    """``command`` run through ``LAUNCHER`` (stderr captured): its outcome and its own peak resident
    memory in MB. ``folder`` holds the launcher's note of it meanwhile."""
    handle, name = tempfile.mkstemp(prefix="maxrss-", dir=folder)
    os.close(handle)
    note = Path(name)
    try:
        proc = subprocess.run([sys.executable, "-c", LAUNCHER, str(note), *command], stderr=subprocess.PIPE,
                              check=False, **kwargs)
        return proc, int(note.read_text() or 0) / 1024
    finally:
        note.unlink(missing_ok=True)


def export(store, out_dir: Path) -> dict:
    """The JSON and the Turtle export of the stored graph, each as ``policykg export`` runs it."""
    data_dir = store.settings.data_dir
    json_run = exported(data_dir, "json", out_dir)
    ttl = exported(data_dir, "ttl", out_dir)
    return {"json_s": json_run["seconds"], "json_bytes": json_run["bytes"], "json_peak_mb": json_run["peak_mb"],
            "rdf": {"seconds": ttl["seconds"], "bytes": ttl["bytes"], "peak_mb": ttl["peak_mb"]}}


def quality(graph, corpus: Path) -> dict:
    """Extracted measures, targets and responsibility links per document, against what was written."""
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    measures, targets = Counter(), Counter()
    for node in graph.nodes.values():
        if node.label == "Measure":
            measures[node.properties.get("source")] += 1
        elif node.label == "Target":
            targets[node.properties.get("source")] += 1
    responsible = Counter(r.properties.get("source") for r in graph.relationships.values()
                          if r.type == "RESPONSIBLE_FOR")
    by_layout: dict[str, dict[str, int]] = {}
    for doc in manifest:
        row = by_layout.setdefault(doc["layout"], Counter())
        row["docs"] += 1
        row["items"] += doc["items"]
        row["measures"] += measures[doc["file"]]
        row["items_matched_docs"] += measures[doc["file"]] == doc["items"]
        row["goals"] += doc["goals"]
        row["targets"] += targets[doc["file"]]
        row["responsible_written"] += doc["responsible"]
        row["responsible"] += responsible[doc["file"]] if doc["responsible"] else 0
    return {k: dict(v) for k, v in sorted(by_layout.items())}


def run(corpus: Path, data_dir: Path, sample: int, load_rounds: int) -> dict:
    from graph.settings import Settings
    from graph.store.falkor import FalkorStore
    from loaders.build import build

    files = corpus_files(corpus)
    result: dict = {"docs": len(files), "bytes": sum(p.stat().st_size for p in files),
                    "rss_start_mb": rss_bytes() / 2**20}
    result["warm_up"] = warm_up(files)
    result["probe"] = {"before": speed_probe()}
    result["throughput"] = throughput(files, sample)
    shutil.rmtree(data_dir, ignore_errors=True)
    settings = Settings(data_dir=data_dir)
    store = FalkorStore(settings)
    try:
        with phase() as build_phase:
            report = build([corpus], settings, store=store)
        result["build"] = {"seconds": build_phase.seconds, "stages": report.stage_seconds,
                           "peak_mb": build_phase.peak_mb, "grown_mb": build_phase.grown_mb,
                           "failed": report.failed[:20], "failed_count": len(report.failed),
                           "nodes": sum(report.counts["nodes"].values()),
                           "relationships": sum(report.counts["relationships"].values()),
                           "counts": report.counts}
        result["chars"] = None
        merged = merged_graph(data_dir)  # what the build stored, as the build made it
        result["load"] = load(store, merged, load_rounds, settings.write_batch_size)
        result["load"]["nodes"] = len(merged.nodes)
        result["load"]["relationships"] = len(merged.relationships)
        del merged
        result["export"] = export(store, data_dir.parent)
        graph = store.export()
        if (corpus / "manifest.jsonl").exists():
            result["quality"] = quality(graph, corpus)
            result["chars"] = sum(json.loads(line)["chars"] for line in
                                  (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
        del graph
        result["server"] = server_facts(store)
        result["probe"]["after"] = speed_probe()
    finally:
        store.close()
    return result


def exports_only(data_dir: Path) -> dict:
    """Phase 4 alone, on a graph an earlier run built and kept (``bench/run --keep``)."""
    from graph.settings import Settings
    from graph.store.falkor import FalkorStore

    store = FalkorStore(Settings(data_dir=data_dir, server_start_timeout_s=600))
    try:
        return {"docs": len(list((data_dir / "documents").glob("*.json"))), "export": export(store, data_dir.parent)}
    finally:
        store.close()


def merged_graph(data_dir: Path):
    from graph.model import merge_documents
    from loaders.cache import ContributionCache

    return merge_documents(c.graph for c in ContributionCache(data_dir / "documents").all())


def server_facts(store) -> dict:
    conn = store.db.connection
    modules = conn.execute_command("MODULE", "LIST")
    versions = {}
    for module in modules:
        fields = dict(zip(module[::2], module[1::2], strict=False))
        name = fields.get(b"name", fields.get("name"))
        ver = fields.get(b"ver", fields.get("ver"))
        versions[name.decode() if isinstance(name, bytes) else str(name)] = ver
    return {"redis_version": conn.info("server").get("redis_version"), "modules": versions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=int, default=1000, help="documents in the interleaved throughput run")
    parser.add_argument("--load-rounds", type=int, default=3)
    parser.add_argument("--exports-only", action="store_true",
                        help="only phase 4, on the graph DATA_DIR already holds (CORPUS is not read)")
    args = parser.parse_args(argv)
    result = exports_only(args.data_dir) if args.exports_only else run(args.corpus, args.data_dir, args.sample,
                                                                         args.load_rounds)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
