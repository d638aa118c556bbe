"""A public query service meets careless and hostile clients: many at once, and generated requests.

- 32 concurrent clients mix named queries (GET and POST) and console Cypher
  against a real ``policykg serve`` process, for a bounded number of requests:
  no errors, the 99th percentile reported, and the resident memory of the
  service and of redis-server flat from one round of load to the next.
- schemathesis generates requests from the service's own OpenAPI document
  (bounded examples per operation) and sends them over real HTTP, with all its
  checks: no 5xx, and every status, media type, header and body as the
  document says. Only "a schema-valid request is accepted" is left out where
  validity lies beyond any schema: a Cypher or SPARQL text, a chart that needs
  a category, two site names that must exist.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from bench.latency import Service, crowd, named_calls
from bench.measure import rss_bytes
from graph.settings import Settings
from queries.app import create_app
from tests.queries.http_server import serving

CLIENTS = 32
REQUESTS_PER_CLIENT = int(os.environ.get("POLICYKG_LOAD_REQUESTS", "6"))
#: what one more round of the same load may add to a process's resident memory
FLAT_MB = 25


def test_32_concurrent_clients_get_answers_and_memory_stays_flat(seed_settings, record_property):
    service = Service(seed_settings.data_dir)
    try:
        url = service.wait()
        calls = named_calls()
        server_pid = int((seed_settings.data_dir / "falkordb.pid").read_text())
        warm = crowd(url, CLIENTS, REQUESTS_PER_CLIENT, calls)  # caches, pools and threads fill up here
        before = rss_bytes(service.proc.pid), rss_bytes(server_pid)
        rounds = [crowd(url, CLIENTS, REQUESTS_PER_CLIENT, calls) for _ in range(3)]
        after = rss_bytes(service.proc.pid), rss_bytes(server_pid)
    finally:
        service.stop()
    for load in [warm, *rounds]:
        assert load["errors"] == 0, load["first_errors"]
        assert load["requests"] == CLIENTS * REQUESTS_PER_CLIENT
    p99 = max(load["p99_ms"] for load in rounds)
    record_property("p99_ms", round(p99, 1))
    print(f"\n32 clients, {sum(r['requests'] for r in rounds)} requests: p50 "
          f"{rounds[-1]['p50_ms']:.1f} ms, p99 {p99:.1f} ms; service {before[0] / 2**20:.0f} -> "
          f"{after[0] / 2**20:.0f} MB, redis-server {before[1] / 2**20:.0f} -> {after[1] / 2**20:.0f} MB")
    assert (after[0] - before[0]) / 2**20 < FLAT_MB, "the service's memory grows with the load"
    assert (after[1] - before[1]) / 2**20 < FLAT_MB, "redis-server's memory grows with the load"


@pytest.fixture(scope="module")
def served_seed_app(seed_settings):
    with serving(create_app(seed_settings)) as url:
        yield url


#: the service's own OpenAPI document, as it describes itself (no store is opened to make it); admin
#: actions rebuild the graph and have their own tests
schema = schemathesis.openapi.from_dict(create_app(Settings(data_dir=Path("unused"))).openapi()).exclude(
    path_regex="^/admin")


@schema.parametrize()
@settings(max_examples=int(os.environ.get("POLICYKG_SCHEMATHESIS_EXAMPLES", "12")), deadline=None,
          derandomize=True, suppress_health_check=list(HealthCheck))
def test_generated_requests_get_no_server_error_and_match_the_document(case, served_seed_app):
    response = case.call(base_url=served_seed_app, timeout=60)
    beyond_schema = case.operation.path in _VALIDITY_BEYOND_SCHEMA
    case.validate_response(response, excluded_checks=[positive_data_acceptance] if beyond_schema else None)


#: operations whose valid requests the schema cannot describe (a query language, dependent parameters)
_VALIDITY_BEYOND_SCHEMA = {"/cypher", "/sparql", "/analysis/charts/{chart}.{ext}", "/analysis/sites/chains"}

