"""networkx analysis of the policy graph: agencies, plans, sites, targets.

Functions take the networkx graph made by ``to_networkx`` first and return
plain data (lists of dicts, dicts), as networkx's own algorithms do, so the
CLI, the HTTP API and a notebook all print the same answers.
"""

from graph.analysis.agencies import (
    agency_centrality,
    agency_communities,
    agency_measures,
    agency_table,
    co_responsibility,
)
from graph.analysis.convert import NoMatch, find_nodes, select_plans, to_networkx

__all__ = [
    "NoMatch",
    "agency_centrality",
    "agency_communities",
    "agency_measures",
    "agency_table",
    "co_responsibility",
    "find_nodes",
    "select_plans",
    "to_networkx",
]
