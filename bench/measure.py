"""Measuring tools: wall time, peak memory of a phase, fitted growth exponents.

Every figure the benchmarks publish is a ratio against a baseline measured
in the same run, because on a shared 2-core machine absolute times move by a
factor of two from one minute to the next while ratios of interleaved runs
hold. Peak memory is sampled from ``/proc`` by a thread, so it can be
scoped to one phase of a long-running process (``ru_maxrss`` only ever grows).
"""

from __future__ import annotations

import math
import os
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes(pid: int | None = None) -> int:
    """Resident set size of a process (this one by default), 0 if it is gone."""
    try:
        with open(f"/proc/{pid or 'self'}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def peak_rss_bytes(pid: int) -> int:
    """The highest resident set size a process has had (VmHWM), 0 if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class Phase:
    """What one measured phase took: seconds, and this process's peak RSS above its start."""

    seconds: float = 0.0
    rss_start: int = 0
    rss_peak: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def peak_mb(self) -> float:
        return self.rss_peak / 2**20

    @property
    def grown_mb(self) -> float:
        return max(0, self.rss_peak - self.rss_start) / 2**20


@contextmanager
def phase(interval_s: float = 0.01) -> Iterator[Phase]:
    """Time a block and sample this process's RSS while it runs."""
    result = Phase(rss_start=rss_bytes())
    result.rss_peak = result.rss_start
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(interval_s):
            result.rss_peak = max(result.rss_peak, rss_bytes())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    started = time.perf_counter()
    try:
        yield result
    finally:
        result.seconds = time.perf_counter() - started
        stop.set()
        thread.join()
        result.rss_peak = max(result.rss_peak, rss_bytes())


class Stopwatch:
    """Adds up the time of many short sections under names (for interleaved runs)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def fit_exponent(sizes: list[float], values: list[float]) -> float | None:
    """Least-squares slope of log(value) against log(size): 1.0 is linear growth.

    >>> round(fit_exponent([100, 1000, 10000], [1.0, 10.0, 100.0]), 3)
    1.0
    >>> round(fit_exponent([100, 1000], [1.0, 100.0]), 3)
    2.0
    """
    points = [(math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True) if s > 0 and v > 0]
    if len(points) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation.

    >>> percentile([1, 2, 3, 4], 50)
    2.5
    """
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
