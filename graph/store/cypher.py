"""All write Cypher of policykg, in one place, in the dialect both engines run.

Writes are batched ``UNWIND $rows`` statements keyed on the indexed ``id``
(matching by id without an index is catastrophically slow at a few thousand
nodes, so the index statements come first). Relationships are written per
(type, start label, end label) so each ``MATCH`` can use the label's index.
Values are plain: strings, numbers, booleans and lists of those; dates are ISO
strings, because FalkorDB's Bolt listener aborts on a ``date()`` value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from graph.model import GraphData, Label, Node, Relationship
from graph.store.names import NAMED_LABELS, NAMES_PROPERTY, name_keys
from graph.store.search import SEARCH_PROPERTY, search_text

#: range indexes: ``id`` of every label (the writes match on it), and what the named queries
#: look things up by (names, aliases, short names, titles, document numbers, years, units)
RANGE_INDEXES: dict[str, tuple[str, ...]] = {label: ("id",) for label in Label.ALL} | {
    Label.PLAN: ("id", "title", "doc_number", NAMES_PROPERTY),
    Label.MEASURE: ("id", "title"),
    Label.AGENCY: ("id", "name", "name_en", "aliases", NAMES_PROPERTY),
    Label.SITE: ("id", "name", "name_en", "aliases", NAMES_PROPERTY),
    Label.ORGANIZATION: ("id", "name", "name_en", "aliases", NAMES_PROPERTY),
    Label.PROVINCE: ("id", "name", "short", "name_en", NAMES_PROPERTY),
    Label.CITY: ("id", "name", "short", "name_en", NAMES_PROPERTY),
    Label.DISTRICT: ("id", "name", "short", "name_en", NAMES_PROPERTY),
    Label.TARGET: ("id", "year", "unit", "unit_norm", "metric_category"),
}
#: properties the store writes for its indexes (``_search`` words, ``_names`` keys): not the graph's,
#: so answers and exports leave them out
STORE_PROPERTIES = (SEARCH_PROPERTY, NAMES_PROPERTY)
#: the name of Neo4j's full-text index of measures (FalkorDB names a full-text index by its label)
FULLTEXT_INDEX = "measure_search"


def index_statements(dialect: str = "falkordb") -> tuple[str, ...]:
    """The statements that create the range indexes and Neo4j's full-text index, in the engine's syntax.

    Neo4j's full-text index reads titles and texts through its ``cjk`` analyzer;
    FalkorDB's is made after the data is written (``FULLTEXT_STATEMENTS``).
    """
    if dialect == "neo4j":
        statements = [f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Measure) "
                      "ON EACH [n.title, n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"]
        statements += [f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                       for label, props in RANGE_INDEXES.items() for prop in props]
        return tuple(statements)
    return tuple(f"CREATE INDEX FOR (n:{label}) ON ({', '.join(f'n.{p}' for p in props)})"
                 for label, props in RANGE_INDEXES.items())


#: FalkorDB's full-text index of measures: their ``_search`` words (``graph.store.search``), no stop
#: words. Made once the graph is written: building it in one pass took a third of the time that
#: indexing each measure as it was written did (measured at 1,000 documents)
FULLTEXT_STATEMENTS = (
    f"CALL db.idx.fulltext.createNodeIndex({{label: 'Measure', stopwords: []}}, '{SEARCH_PROPERTY}')",)


INDEX_STATEMENTS = index_statements("falkordb")


def node_batches(graph: GraphData, size: int, *, merge: bool = False,
                 searchable: bool = False) -> Iterator[tuple[str, list[dict]]]:
    """(statement, rows) pairs creating (or merging) every node, ``size`` rows at a time.

    ``searchable``: measures also get the ``_search`` words of FalkorDB's full-text index. Plans,
    agencies, sites, organizations and regions always get their ``_names`` keys
    (``graph.store.names``): the named queries of both engines look them up.

    Each batch's rows are made when it is asked for, not all before the first: a store that
    sends a batch before it makes the next (``FalkorStore``) has the database write one while
    it makes the other, and only one batch of rows is alive at a time."""
    by_label: dict[str, list[Node]] = defaultdict(list)
    for node in graph.nodes.values():
        by_label[node.label].append(node)
    for label in sorted(by_label):
        if merge:
            statement = f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) SET n = r.props"
        else:
            statement = f"UNWIND $rows AS r CREATE (n:{label}) SET n = r.props"
        nodes = by_label[label]
        search, named = searchable and label == Label.MEASURE, label in NAMED_LABELS
        for i in range(0, len(nodes), size):
            yield statement, [_node_row(node, search, named) for node in nodes[i:i + size]]


def _node_row(node: Node, search: bool, named: bool) -> dict[str, Any]:
    props = plain_properties(node.properties, node.id)
    if search:
        props[SEARCH_PROPERTY] = search_text(props.get("title"), props.get("text"))
    if named:
        props[NAMES_PROPERTY] = name_keys(props, node.id)
    return {"id": node.id, "props": props}


def relationship_batches(graph: GraphData, size: int, *, merge: bool = False) -> Iterator[tuple[str, list[dict]]]:
    """(statement, rows) pairs creating (or merging) every relationship, each batch's rows made
    when it is asked for (as ``node_batches``)."""
    groups: dict[tuple[str, str, str], list[Relationship]] = defaultdict(list)
    for rel in graph.relationships.values():
        start, end = graph.nodes.get(rel.start), graph.nodes.get(rel.end)
        if start is None or end is None:
            continue
        groups[(rel.type, start.label, end.label)].append(rel)
    for (type_, start_label, end_label) in sorted(groups):
        verb = "MERGE" if merge else "CREATE"
        statement = (f"UNWIND $rows AS r MATCH (a:{start_label} {{id: r.s}}) MATCH (b:{end_label} {{id: r.e}}) "
                     f"{verb} (a)-[x:{type_} {{id: r.props.id}}]->(b) SET x = r.props")
        rels = groups[(type_, start_label, end_label)]
        for i in range(0, len(rels), size):
            yield statement, [{"s": rel.start, "e": rel.end, "props": plain_properties(rel.properties, rel.id)}
                              for rel in rels[i:i + size]]


def plain_properties(properties: dict[str, Any], id_: str) -> dict[str, Any]:
    """Properties as the engines store them: ``id`` included, no nulls, no empty lists."""
    out: dict[str, Any] = {"id": id_}
    for key, value in properties.items():
        if value is None or value == []:
            continue
        if isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out


#: reads the whole graph back, for the JSON export
EXPORT_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
EXPORT_RELATIONSHIPS = ("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                        "properties(r) AS props")
