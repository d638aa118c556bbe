"""``policykg analyze agencies|plans|sites|targets`` and ``policykg compare-targets``.

Every command reads the stored graph, cuts it to ``--plan``/``--province``
when asked, and prints a table (default), CSV or JSON; ``--chart FILE.png``
or ``.svg`` also draws the matching chart. A filter that names nothing is an
error that says which option to change.
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.errors import PolicyKGError
from graph.settings import Settings

#: output formats (as graph.analysis.tables.FORMATS; repeated so ``policykg --help`` does not import networkx)
FORMATS = ("table", "csv", "json")


class _LazyService:
    """``queries.analysis_service``, imported on first use: networkx and jieba load only for analyses."""

    def __getattr__(self, name):
        from queries import analysis_service

        return getattr(analysis_service, name)


service = _LazyService()

data_dir_option = click.option(
    "--data-dir", type=click.Path(path_type=Path), default=None,
    help="Data directory (default ./.policykg or $POLICYKG_DATA).")
store_option = click.option("--store", default=None, help="'embedded' (default) or a bolt:// / neo4j:// URI.")
plan_option = click.option("--plan", default=None, help="Only this plan: part of its title or its document number.")
province_option = click.option("--province", default=None,
                               help="Only plans covering this province: 广东, 广东省 or Guangdong.")
format_option = click.option("--format", "fmt", default="table", show_default=True,
                             type=click.Choice(FORMATS, case_sensitive=False), help="Output format.")
chart_option = click.option("--chart", type=click.Path(path_type=Path), default=None,
                            help="Also draw the chart to this .png or .svg file.")
category_option = click.option("--category", default=None,
                               help="Metric category: key, English or Chinese name (e.g. computing_capacity).")
year_option = click.option("--year", type=int, default=None, help="Target year, e.g. 2027.")


def _graph(data_dir: Path | None, store: str | None, plan: str | None, province: str | None):
    settings = Settings.load(data_dir=data_dir, store=store)
    return service.load_graph(settings, plan=plan, province=province)


def _run(action):
    """Run ``action``; our errors become one clear message and exit 1, a missing option a usage error (2)."""
    from queries.analysis_service import MissingParameter

    try:
        return action()
    except MissingParameter as exc:
        raise click.UsageError(exc.for_cli()) from exc
    except (PolicyKGError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


def _check_chart(kind: str, path: Path | None, **params) -> None:
    """Before the table is printed: a chart that cannot be drawn from these options is a usage error."""
    if path is not None:
        _run(lambda: service.check_chart(kind, **params))


def _print(report, fmt: str) -> None:
    from graph.analysis.tables import format_rows

    columns = report.columns if fmt == "table" else None
    click.echo(format_rows(report.rows, fmt, columns))


def _chart(G, kind: str, path: Path | None, **kwargs) -> None:
    if path is None:
        return
    _run(lambda: service.chart(G, kind, path, **kwargs))
    click.echo(f"chart written to {path}", err=True)


@click.group()
def analyze() -> None:
    """Analyses for analysts: agencies, plan similarity, site reach, comparable targets."""


@analyze.command()
@plan_option
@province_option
@format_option
@chart_option
@click.option("--seed", type=int, default=None, help="Seed of the Louvain community detection.")
@data_dir_option
@store_option
def agencies(plan, province, fmt, chart, seed, data_dir, store) -> None:
    """Measures per agency with roles, centrality in the co-responsibility network, community."""
    _check_chart("agencies", chart)
    G = _run(lambda: _graph(data_dir, store, plan, province))
    _print(_run(lambda: service.agencies(G, seed=seed)), fmt)
    _chart(G, "agencies", chart, seed=seed)


@analyze.command()
@plan_option
@province_option
@format_option
@click.option("--top", type=int, default=None, help="Only the N most similar pairs.")
@data_dir_option
@store_option
def plans(plan, province, fmt, top, data_dir, store) -> None:
    """Pairs of plans by shared agencies, sites, target categories and vocabulary."""
    G = _run(lambda: _graph(data_dir, store, plan, province))
    _print(_run(lambda: service.plans(G, top=top)), fmt)


@analyze.command()
@plan_option
@province_option
@format_option
@click.option("--from", "source", default=None, help="A site: with --to, the shortest chains between the two.")
@click.option("--to", "target", default=None, help="The other site.")
@data_dir_option
@store_option
def sites(plan, province, fmt, source, target, data_dir, store) -> None:
    """For each site the measures, targets, plans and provinces reaching it (or chains between two)."""
    if bool(source) != bool(target):  # before the graph is read
        _run(lambda: service.sites(None, source, target))
    G = _run(lambda: _graph(data_dir, store, plan, province))
    _print(_run(lambda: service.sites(G, source, target)), fmt)


@analyze.command()
@plan_option
@province_option
@category_option
@year_option
@click.option("--qualitative", is_flag=True, help="Also list qualitative goals (no value).")
@format_option
@chart_option
@data_dir_option
@store_option
def targets(plan, province, category, year, qualitative, fmt, chart, data_dir, store) -> None:
    """Targets with their category and normalised value, sorted to compare."""
    _check_chart("targets", chart, category=category)
    G = _run(lambda: _graph(data_dir, store, plan, province))
    _print(_run(lambda: service.targets(G, category=category, year=year, qualitative=qualitative)), fmt)
    _chart(G, "targets", chart, category=category, year=year)


@click.command("compare-targets")
@category_option
@year_option
@province_option
@click.option("--trajectory", is_flag=True,
              help="One province's category across its plans (needs --province and --category).")
@format_option
@chart_option
@data_dir_option
@store_option
def compare_targets(category, year, province, trajectory, fmt, chart, data_dir, store) -> None:
    """Comparable targets by category and year across plans and provinces, with the source sentence."""
    if trajectory and not (province and category):
        raise click.UsageError("--trajectory needs --province and --category")
    _check_chart("trajectory" if trajectory else "targets", chart, category=category, province=province)
    G = _run(lambda: _graph(data_dir, store, None, None))
    if trajectory:
        _print(_run(lambda: service.province_trajectory(G, province, category)), fmt)
        _chart(G, "trajectory", chart, category=category, province=province)
        return
    _print(_run(lambda: service.targets(G, category=category, year=year, province=province)), fmt)
    _chart(G, "targets", chart, category=category, year=year, province=province)


COMMANDS = (analyze, compare_targets)
