"""``policykg serve``, ``policykg query`` and ``policykg push``: the graph served, asked and copied.

``query`` takes the same path as the HTTP endpoints (``queries.run``), so the
read-only rule, the time limit and the row cap are the same on the command
line as over HTTP.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import sys
from pathlib import Path

import click

from graph.errors import PolicyKGError
from graph.settings import Settings, default_inputs

data_dir_option = click.option(
    "--data-dir", type=click.Path(path_type=Path), default=None,
    help="Data directory (default ./.policykg or $POLICYKG_DATA).")
store_option = click.option(
    "--store", default=None, help="'embedded' (default) or a bolt:// / neo4j:// URI.")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1, the setting host).")
@click.option("--port", type=int, default=None, help="Port (default 8000, the setting port; 0 picks a free one).")
@data_dir_option
@store_option
@click.option("--no-build", is_flag=True, help="Do not build from the seeds when the graph is empty.")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
def serve(host: str | None, port: int | None, data_dir: Path | None, store: str | None, no_build: bool,
          inputs: tuple[Path, ...]) -> None:
    """Serve the graph over HTTP: Cypher, named queries, analyses (docs at /docs).

    On an empty graph it builds first from INPUTS (files or folders; default seeds/),
    which POST /admin/rebuild reads again.
    """
    import uvicorn

    from graph.store import open_store
    from loaders.build import build
    from queries.app import create_app

    settings = Settings.load(host=host, port=port, data_dir=data_dir, store=store)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    sources = list(inputs) or default_inputs()
    try:
        graph_store = open_store(settings)
        if not no_build and not graph_store.exists():
            click.echo(f"the graph is empty: building it from {', '.join(map(str, sources))}", err=True)
            report = build(sources, settings, store=graph_store, progress=lambda line: click.echo(line, err=True))
            click.echo(report.summary(), err=True)
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc
    if not _is_loopback(settings.host) and not settings.api_key:
        click.echo(f"warning: serving on {settings.host} without an API key; admin actions are refused to "
                   "other machines until api_key (POLICYKG_API_KEY) is set", err=True)
    if settings.host in ("0.0.0.0", "::") and not settings.allowed_hosts:
        click.echo(f"warning: serving on {settings.host}: clients must use localhost or 127.0.0.1 until the names "
                   "they use are listed in allowed_hosts (POLICYKG_ALLOWED_HOSTS='[\"kg.example.org\"]')", err=True)
    app = create_app(settings, store=graph_store, inputs=sources)
    # one log line per request comes from the app (logger policykg.http), so uvicorn's own is off
    uvicorn.run(app, host=settings.host, port=settings.port, access_log=False, log_level="info")


@click.command()
@click.argument("cypher", required=False)
@click.option("--name", "-n", default=None, help="Run the named query NAME instead (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter; repeat for more (a list: repeat the key or give a,b).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--timeout-ms", type=int, default=None, help="Lower the time limit (query_time_limit_ms).")
@click.option("--max-rows", type=int, default=None, help="Lower the row cap (max_rows).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@data_dir_option
@store_option
def query(cypher: str | None, name: str | None, params: tuple[str, ...], fmt: str, timeout_ms: int | None,
          max_rows: int | None, list_queries: bool, data_dir: Path | None, store: str | None) -> None:
    """Run a read-only Cypher query, or a named one, and print the rows.

    \b
    policykg query "MATCH (s:Site) RETURN s.name LIMIT 5"
    policykg query --name site-to-goals --param site=松山湖 --format csv
    """
    from queries import named
    from queries.run import parse_cli_value, result_csv, result_json, result_table, run_cypher, run_named

    if list_queries:
        _print_named(named.named_queries().values())
        return
    if bool(cypher) == bool(name):
        raise click.UsageError("give either a Cypher query or --name NAME (see --list)")
    given: dict[str, object] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param takes KEY=VALUE, not {item!r}")
        given.setdefault(key, []).append(value)  # type: ignore[union-attr]
    settings = Settings.load(data_dir=data_dir, store=store)
    from graph.store import open_store

    try:
        named_query = named.get(name) if name else None
        graph_store = open_store(settings, must_exist=True)
        try:
            if named_query is not None:
                values = {k: (v if len(v) > 1 or _is_list(named_query, k) else v[0]) for k, v in given.items()}
                result = run_named(graph_store, named_query, values, from_strings=True, timeout_ms=timeout_ms,
                                   max_rows=max_rows, settings=settings)
            else:
                values = {k: (parse_cli_value(v[0]) if len(v) == 1 else [parse_cli_value(x) for x in v])
                          for k, v in given.items()}
                result = run_cypher(graph_store, cypher or "", values, timeout_ms=timeout_ms, max_rows=max_rows,
                                    settings=settings)
        finally:
            graph_store.close()
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(result_json(result), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo(result_csv(result), nl=False)
    else:
        click.echo(result_table(result))
    if result.truncated:
        click.echo(f"truncated at the row cap of {max_rows or settings.max_rows} rows (the setting is max_rows)",
                   err=True)


def _is_list(named_query, key: str) -> bool:
    p = named_query.param(key)
    return p is not None and p.type == "list"


def _print_named(queries) -> None:
    for q in queries:
        click.echo(f"{q.name}: {q.title}")
        for p in q.params:
            default = "required" if p.required else f"default {json.dumps(p.default, ensure_ascii=False)}"
            click.echo(f"    --param {p.name}=<{p.type}>  ({default}) {p.description}")
        for example in q.examples:
            shown = " ".join(f'--param {k}="{v}"' if " " in v else f"--param {k}={v}"
                             for k, v in q.example_params(example).items())
            click.echo(f"    e.g. policykg query --name {q.name} {shown}")


@click.command()
@click.option("--to", "target", required=True, metavar="URI", help="bolt:// or neo4j:// URI of the Neo4j to fill.")
@click.option("--database", default=None, help="Database in the target (default: its default database).")
@click.option("--prune", is_flag=True, help="Also delete what the target holds of the contract's labels "
                                            "and types that this graph does not have.")
@data_dir_option
@store_option
def push(target: str, database: str | None, prune: bool, data_dir: Path | None, store: str | None) -> None:
    """Copy the graph into a Neo4j (MERGE on ids in UNWIND batches: pushing twice changes nothing).

    Credentials: POLICYKG_NEO4J_USER and POLICYKG_NEO4J_PASSWORD.
    """
    from graph.store import open_store
    from graph.store.neo4j import Neo4jStore

    if not target.startswith(("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")):
        raise click.UsageError(f"--to takes a bolt:// or neo4j:// URI, not {target!r}")
    settings = Settings.load(data_dir=data_dir, store=store)
    try:
        target_settings = settings.model_copy(update={"neo4j_database": database or settings.neo4j_database})
        sink = Neo4jStore(target_settings, uri=target)
        try:
            sink.check_reachable()  # before the graph is read: a wrong URI is told in a second, not minutes
            source = open_store(settings, must_exist=True)
            try:
                graph = source.export()
            finally:
                source.close()
            if not graph.nodes:
                raise click.ClickException("the graph is empty: run `policykg build` first (or give --data-dir)")
            done = sink.merge_graph(graph, prune=prune)
        finally:
            sink.close()
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc
    line = f"pushed {done['nodes']} nodes and {done['relationships']} relationships to {target}"
    if prune:
        line += f"; deleted {done['deleted_nodes']} nodes and {done['deleted_relationships']} relationships"
    click.echo(line)
    sys.stdout.flush()


COMMANDS = [serve, query, push]
