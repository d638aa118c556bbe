"""The benchmark's arithmetic: growth exponents, percentiles, peak memory of a phase, RESULTS.md splicing."""

from __future__ import annotations

import time

import pytest

from bench.measure import fit_exponent, percentile, phase
from bench.report import SECTION_END, SECTION_START, splice


def test_fitted_exponent_is_the_slope_in_log_log():
    assert fit_exponent([100, 1000, 10000], [1.0, 10.0, 100.0]) == pytest.approx(1.0)
    assert fit_exponent([100, 1000, 10000], [1.0, 100.0, 10000.0]) == pytest.approx(2.0)
    assert fit_exponent([100], [1.0]) is None


def test_percentiles_interpolate():
    values = list(range(1, 101))
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 99) == pytest.approx(99.01)


def test_a_phase_sees_the_memory_it_takes():
    with phase(interval_s=0.005) as measured:
        block = bytearray(64 * 2**20)
        block[::4096] = b"x" * len(block[::4096])
        time.sleep(0.1)  # held long enough for the sampler to see it
        del block
    assert measured.grown_mb >= 50 and measured.seconds > 0


def test_splice_replaces_only_its_own_section():
    others = "# Benchmark results\n\n## Formats (issue 8)\n\ntheirs\n"
    mine = f"{SECTION_START}\n## Scale\n\nfirst\n{SECTION_END}\n"
    once = splice(others, mine)
    assert once.startswith(others.rstrip("\n")) and "first" in once
    again = splice(once, mine.replace("first", "second"))
    assert "theirs" in again and "second" in again and "first" not in again
    assert splice(again, mine.replace("first", "second")) == again


def _scale(docs: int, seconds: float, probe_chars_s: float | None, sample_chars_s: float) -> dict:
    scale = {"docs": docs, "throughput": {"chars": sample_chars_s, "seconds": {"segment": 1.0}},
             "build": {"seconds": seconds, "grown_mb": docs}, "load": {"replace_s": [seconds]},
             "export": {"json_s": seconds, "rdf": None}}
    if probe_chars_s is not None:
        scale["probe"] = {"before": {"chars_s": probe_chars_s}, "after": {"chars_s": probe_chars_s}}
    return scale


def test_calibration_uses_the_fixed_probe_not_the_samples_rate():
    """A slower machine at one size (the probe says so) excuses its time; a sample's own rate does not count."""
    from bench.report import exponents

    # the machine ran at half speed for the 10,000 documents: its time doubled without growing
    probed = [_scale(100, 1.0, 2.0, 1.0), _scale(1000, 10.0, 2.0, 5.0), _scale(10000, 200.0, 1.0, 1.0)]
    assert exponents(probed)["build"] == pytest.approx(1.15, abs=0.01)
    assert exponents(probed, calibrated=True)["build"] == pytest.approx(1.0)
    # without a probe the sample's rate is all there is
    unprobed = [_scale(100, 1.0, None, 1.0), _scale(1000, 10.0, None, 1.0), _scale(10000, 100.0, None, 1.0)]
    assert exponents(unprobed, calibrated=True)["build"] == pytest.approx(1.0)


def test_a_measured_command_reports_its_own_peak_memory_not_its_parents(tmp_path):
    """A program exec'd from a large process inherits that process's high-water mark in its own
    ``ru_maxrss`` on Linux; the launcher keeps the export's figure its own."""
    import sys

    from bench.scale import run_measured

    ballast = bytearray(400 * 2**20)  # this process: 400 MB more, resident
    ballast[::4096] = b"x" * len(ballast[::4096])
    proc, small = run_measured([sys.executable, "-c", "pass"], tmp_path)
    assert proc.returncode == 0 and 0 < small < 200
    proc, large = run_measured([sys.executable, "-c", "b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096])"],
                               tmp_path)
    assert proc.returncode == 0 and large > small + 250
    assert not list(tmp_path.iterdir()), "the launcher's note is removed"
    del ballast
