"""The latency benchmark reads the database's share of an answer from its Server-Timing header."""

from __future__ import annotations

import pytest

from bench.latency import db_time


def test_the_db_entry_is_found_among_others():
    assert db_time("db;dur=18.752") == 18.752
    assert db_time('cache;desc="hit", db;desc="query";dur=3.5') == 3.5


def test_an_answer_without_it_is_an_error_not_a_zero():
    for header in (None, "", "cache;dur=1", "db"):
        with pytest.raises(RuntimeError, match="Server-Timing"):
            db_time(header)
