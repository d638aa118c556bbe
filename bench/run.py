"""Run the scale benchmarks and rewrite their section of bench/RESULTS.md and docs/scale.md's headline figures.

    bench/run [--quick] [--sizes 100,1000,10000] [--work DIR] [--keep] [--render-only]

``--quick`` measures the 100- and 1,000-document corpora (a few minutes);
without it 10,000 documents are added. Each size runs in a fresh process
(``bench.scale``), the build profile in another (``bench.profile_build``),
and the query latency (``bench.latency``) once the HTTP service is on main.
Only this benchmark's section of RESULTS.md is rewritten (the others belong
to other benchmarks); the raw numbers go to ``bench/scale_results.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import report
from bench.corpus import write_corpus
from bench.machine import describe

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def python(*args: str) -> None:
    subprocess.run([sys.executable, "-m", *args], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 documents only")
    parser.add_argument("--sizes", default=None, help="comma-separated corpus sizes (overrides --quick)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and data directories")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--readme", type=Path, action="append", default=None,
                        help="a page whose headline block is rewritten (default: docs/scale.md)")
    parser.add_argument("--render-only", action="store_true",
                        help="rewrite RESULTS.md and docs/scale.md from bench/scale_results.json, measuring nothing")
    parser.add_argument("--export-memory-again", action="store_true",
                        help="measure the exports' peak memory again on the graphs a run kept in --work, "
                             "replace it in bench/scale_results.json and rewrite the pages")
    parser.add_argument("--latency-again", action="store_true",
                        help="measure the named queries and the concurrent clients again on the graphs a run kept "
                             "in --work, replace them in bench/scale_results.json and rewrite the pages")
    args = parser.parse_args(argv)
    args.readme = args.readme or [ROOT / "docs" / "scale.md"]
    if args.export_memory_again or args.latency_again:
        results = json.loads((args.results.parent / "scale_results.json").read_text(encoding="utf-8"))
        if args.export_memory_again:
            export_memory_again(results, args.work)
        if args.latency_again:
            latency_again(results, args.work)
        (args.results.parent / "scale_results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                                                encoding="utf-8")
        write(results, args.results, args.readme)
        return 0
    if args.render_only:
        results = json.loads((args.results.parent / "scale_results.json").read_text(encoding="utf-8"))
        write(results, args.results, args.readme)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([100, 1000] if args.quick
                                                                          else [100, 1000, 10000])
    work = args.work or Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict = {"quick": args.quick and not args.sizes, "date": report.now(), "machine": describe(),
                     "sizes": sizes, "seed": args.seed, "scales": []}
    try:
        for n in sizes:
            corpus = work / f"corpus-{n}"
            log(f"corpus of {n} documents")
            t = time.perf_counter()
            shutil.rmtree(corpus, ignore_errors=True)
            write_corpus(n, corpus, seed=args.seed)
            corpus_s = time.perf_counter() - t
            log(f"measuring {n} documents")
            out = work / f"scale-{n}.json"
            python("bench.scale", str(corpus), str(work / f"data-{n}"), str(out),
                   "--load-rounds", "1" if n >= 5000 else "3")
            scale = json.loads(out.read_text(encoding="utf-8"))
            scale["corpus_s"] = corpus_s
            results["scales"].append(scale)
        profiled = max((n for n in sizes if n <= 1000), default=sizes[0])
        log(f"profiling the build on the {profiled}-document corpus")
        python("bench.profile_build", str(work / f"corpus-{profiled}"), str(work / "profile.json"))
        results["profile"] = json.loads((work / "profile.json").read_text(encoding="utf-8"))
        if importlib.util.find_spec("bench.latency") and _service_available():
            log("query latency through HTTP")
            latency_sizes = [n for n in sizes if n >= 1000] or sizes[-1:]
            try:  # the other figures are kept and written even when this part fails
                python("bench.latency", str(work / "latency.json"),
                       *[str(work / f"data-{n}") for n in latency_sizes],
                       "--requests", "8", "--budget-s", "2.5" if results["quick"] else "4")
                results["latency"] = json.loads((work / "latency.json").read_text(encoding="utf-8"))
            except subprocess.CalledProcessError as exc:
                log(f"query latency failed ({exc}); the other figures are written without it")
                results["latency_failed"] = f"bench.latency exited with status {exc.returncode} (its output is above)"
    finally:
        if not args.keep:
            for folder in [work] if args.work is None else [*work.glob("data-*"), *work.glob("corpus-*")]:
                shutil.rmtree(folder, ignore_errors=True)
    results["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = time.perf_counter() - started
    (args.results.parent / "scale_results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                                            encoding="utf-8")
    write(results, args.results, args.readme)
    log(f"wrote {args.results} in {results['seconds'] / 60:.1f} min")
    return 0


def export_memory_again(results: dict, work: Path | None) -> None:
    """Each kept graph's exports run again, their peak memory (only) replacing the run's, with a note.

    For a run whose export memory was measured wrongly (before ``bench.scale.LAUNCHER``, every
    export reported the benchmark process's own size): the times stay the run's.
    """
    if work is None:
        raise SystemExit("--export-memory-again needs the --work folder of a run made with --keep")
    sizes = []
    for scale in results["scales"]:
        data = work / f"data-{scale['docs']}"
        if not (data / "graph.rdb").exists():
            continue
        out = work / f"exports-{scale['docs']}.json"
        if not out.exists():  # measured already (one size at a time, say, while another was busy)
            log(f"exports of {scale['docs']} documents again, for their peak memory")
            python("bench.scale", str(work / f"corpus-{scale['docs']}"), str(data), str(out), "--exports-only")
        again = json.loads(out.read_text(encoding="utf-8"))
        scale["export"]["json_peak_mb"] = again["export"]["json_peak_mb"]
        scale["export"]["rdf"]["peak_mb"] = again["export"]["rdf"]["peak_mb"]
        # a figure taken another way (by watching the run's own export processes) says how
        sizes.append(f"{scale['docs']:,}" + (f" ({again['method']})" if again.get("method") else ""))
    results.setdefault("notes", []).append(
        f"export peak memory measured again on {report.now()} on the graphs this run kept ({', '.join(sizes)} "
        "documents), each export started from a small launcher: started from the benchmark's process, an "
        "export's `ru_maxrss` was that process's size, not its own (Linux keeps the forked copy's high-water "
        "mark across exec); the export times are the run's")


def latency_again(results: dict, work: Path | None) -> None:
    """``bench.latency`` again on the kept graphs of 1,000 documents and more, with this checkout's
    named queries and indexes (made on the kept graphs if they lack one), replacing the run's, with a note."""
    if work is None:
        raise SystemExit("--latency-again needs the --work folder of a run made with --keep")
    sizes = [s["docs"] for s in results["scales"] if s["docs"] >= 1000 and (work / f"data-{s['docs']}").exists()]
    log(f"query latency again on {', '.join(map(str, sizes))} documents")
    for n in sizes:
        python("bench.latency", "--indexes-only", str(work / f"data-{n}"))
    python("bench.latency", str(work / "latency.json"), *[str(work / f"data-{n}") for n in sizes],
           "--requests", "8", "--budget-s", "4")
    results["latency"] = json.loads((work / "latency.json").read_text(encoding="utf-8"))
    results.pop("latency_failed", None)
    results.setdefault("notes", []).append(
        f"named queries and concurrent clients measured again on {report.now()} on the graphs this run kept, with "
        "the named queries and indexes of the commit that carries these results")


def write(results: dict, results_md: Path, pages: list[Path]) -> None:
    existing = results_md.read_text(encoding="utf-8") if results_md.exists() else "# Benchmark results\n"
    results_md.write_text(report.splice(existing, report.render(results)), encoding="utf-8")
    for page in pages:
        update_readme(page, report.headline(results))


def _service_available() -> bool:
    return importlib.util.find_spec("queries.service") is not None or any(ROOT.glob("queries/routes/cypher*.py"))


def update_readme(readme: Path, block: str) -> None:
    """Replace a page's headline block (between the markers) with the one just measured; a page
    without the markers is left as it is."""
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    if report.START not in text or report.END not in text:
        return
    head, rest = text.split(report.START, 1)
    _, tail = rest.split(report.END, 1)
    readme.write_text(head + block + tail, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
