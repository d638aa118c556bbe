"""The ``policykg`` command line.

Every command takes ``--data-dir`` (default ``./.policykg`` or
``$POLICYKG_DATA``); flags override the environment, which overrides the
defaults (see ``graph.settings``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import click

from graph.errors import PolicyKGError
from graph.settings import Settings, default_inputs
from queries.cli_support import exit_on_sigterm

data_dir_option = click.option(
    "--data-dir", type=click.Path(path_type=Path), default=None,
    help="Data directory (default ./.policykg or $POLICYKG_DATA).")
store_option = click.option(
    "--store", default=None, help="'embedded' (default) or a bolt:// / neo4j:// URI.")


def settings_from(**flags) -> Settings:
    return Settings.load(**flags)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policykg")
def main() -> None:
    """policykg: a knowledge graph of Chinese AI-policy documents."""
    # every command may start the embedded server; one stopped by SIGTERM (build --watch under
    # systemd, a query under timeout) must still stop it when it was its last user
    exit_on_sigterm()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@data_dir_option
@store_option
@click.option("--prune", is_flag=True, help="Take out documents that are gone from the given folders.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
@click.option("--watch", is_flag=True,
              help="Keep building: after every change in the folders (implies --prune); stop with Ctrl-C.")
def build(paths: tuple[Path, ...], data_dir: Path | None, store: str | None, prune: bool, quiet: bool,
          watch: bool) -> None:
    """Build the graph from PATHS (files or folders; default seeds/)."""
    from loaders.build import build as run_build

    settings = settings_from(data_dir=data_dir, store=store)
    inputs = list(paths) or default_inputs()
    progress = None if quiet else (lambda line: click.echo(line, err=True))
    if watch:
        _watch(inputs, settings, progress)
        return
    try:
        report = run_build(inputs, settings, prune=prune, progress=progress)
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


def _watch(inputs: list[Path], settings: Settings, progress) -> None:
    from loaders.watch import watch

    folders = [p for p in inputs if p.is_dir()]
    if not folders or len(folders) != len(inputs):
        raise click.UsageError("--watch takes folders only")
    click.echo(f"watching {', '.join(map(str, folders))} (Ctrl-C to stop)", err=True)
    try:
        watch(folders, settings, progress=progress, on_report=lambda report: click.echo(report.summary()))
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)
        from queries import cli_support

        if cli_support.received is not None:  # SIGTERM, which watchfiles hands on as KeyboardInterrupt
            sys.exit(128 + cli_support.received)
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc


base_iri_option = click.option(
    "--base-iri", default=None, help="Namespace of RDF IRIs (default https://policykg.org/id/ or $POLICYKG_BASE_IRI).")


@main.command()
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "graphml", "gexf", "ttl", "jsonld", "nt", "xml", "trig"],
                                case_sensitive=False), help="Export format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output).")
@data_dir_option
@store_option
@base_iri_option
def export(fmt: str, output: Path | None, data_dir: Path | None, store: str | None, base_iri: str | None) -> None:
    """Export the whole graph (graphml/gexf: for Gephi, Cytoscape, yEd; ttl, jsonld, nt, xml, trig: RDF)."""
    settings = settings_from(data_dir=data_dir, store=store, base_iri=base_iri)
    try:
        if fmt in ("graphml", "gexf"):
            from graph.analysis.export import export_network

            text = export_network(settings, fmt)
            if output:
                output.write_text(text, encoding="utf-8")
            else:
                click.echo(text)
            return
        if fmt == "json":
            from graph.export_json import write_json

            _stream(lambda out: write_json(settings, out), output)
        else:
            from graph.rdf.export import write_rdf

            _stream(lambda out: write_rdf(settings, fmt, out), output)
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc


def _stream(write: Callable[[BinaryIO], None], output: Path | None) -> None:
    """``write`` to ``output``, or to standard output, as the export is generated.

    A file is written beside its name and renamed when complete: a failed
    export leaves no half file.
    """
    if output is None:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    partial = output.with_name(output.name + ".part")
    try:
        with partial.open("wb") as out:
            write(out)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


@main.command()
@data_dir_option
@store_option
@base_iri_option
def validate(data_dir: Path | None, store: str | None, base_iri: str | None) -> None:
    """Check the graph's RDF view against the contract's SHACL shapes; exit 1 on any violation."""
    from graph.rdf.export import validate_stored

    settings = settings_from(data_dir=data_dir, store=store, base_iri=base_iri)
    try:
        report = validate_stored(settings)
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


@main.command()
@data_dir_option
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(data_dir: Path | None, store: str | None, as_json: bool) -> None:
    """Counts per label and relationship type."""
    from graph.store import open_store

    settings = settings_from(data_dir=data_dir, store=store)
    try:
        graph_store = open_store(settings, must_exist=True)
        try:
            counts = graph_store.export().counts()
        finally:
            graph_store.close()
    except PolicyKGError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=1))
        return
    for kind in ("nodes", "relationships"):
        click.echo(f"{kind}:")
        for name, count in counts[kind].items():
            click.echo(f"  {name:<16}{count:>8}")


from queries.analyze_cli import COMMANDS as _ANALYSIS_COMMANDS  # noqa: E402

for _command in _ANALYSIS_COMMANDS:
    main.add_command(_command)

from queries.serve_cli import COMMANDS as _SERVE_COMMANDS  # noqa: E402

for _command in _SERVE_COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
