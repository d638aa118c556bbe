"""The graph model: nodes and relationships as the graph contract names them.

Every stage of the loaders ends in a ``GraphData`` for one document; the
corpus graph is the deterministic merge of those, so that building A then B
gives exactly the graph of building A and B together, and re-building a
changed document replaces what it contributed. The contract's names live
here once (``Label``, ``Rel``), and ids are derived from content with
``make_id`` so the same document always yields the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


class Label:
    """Node labels of the graph contract."""

    PLAN = "Plan"
    MEASURE = "Measure"
    AGENCY = "Agency"
    SITE = "Site"
    TARGET = "Target"
    PROVINCE = "Province"
    CITY = "City"
    DISTRICT = "District"
    ORGANIZATION = "Organization"
    INCENTIVE = "Incentive"

    ALL = (PLAN, MEASURE, AGENCY, SITE, TARGET, PROVINCE, CITY, DISTRICT, ORGANIZATION, INCENTIVE)
    REGIONS = (PROVINCE, CITY, DISTRICT)
    #: labels whose nodes can be met in several documents and keep ``sources``
    SHARED = (PLAN, AGENCY, SITE, PROVINCE, CITY, DISTRICT, ORGANIZATION)


class Rel:
    """Relationship types of the graph contract."""

    ISSUED_BY = "ISSUED_BY"
    COVERS = "COVERS"
    HAS_MEASURE = "HAS_MEASURE"
    PART_OF = "PART_OF"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    COORDINATES = "COORDINATES"
    SETS_TARGET = "SETS_TARGET"
    AT_SITE = "AT_SITE"
    LOCATED_IN = "LOCATED_IN"
    CITES = "CITES"
    MENTIONS = "MENTIONS"
    OFFERS = "OFFERS"

    ALL = (
        ISSUED_BY, COVERS, HAS_MEASURE, PART_OF, RESPONSIBLE_FOR, COORDINATES,
        SETS_TARGET, AT_SITE, LOCATED_IN, CITES, MENTIONS, OFFERS,
    )


def make_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same parts always give the same id.

    >>> make_id("agency", "浙江省科学技术厅")
    'agency-f55436e882c232c5'
    """
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:ID_DIGITS]}"


#: how many hexadecimal digits of the digest an id keeps
ID_DIGITS = 16
#: what ``make_id`` gives: a lower-case prefix and the digits (``path`` takes such a text as an id only)
NODE_ID = re.compile(rf"^[a-z]+-[0-9a-f]{{{ID_DIGITS}}}$")


@dataclass
class Node:
    id: str
    label: str
    properties: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "labels": [self.label], "properties": self.properties}


@dataclass
class Relationship:
    type: str
    start: str
    end: str
    properties: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_id("rel", self.type, self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "start": self.start, "end": self.end,
                "properties": self.properties}


#: list-valued properties that merge as ordered unions across documents
LIST_PROPERTIES = ("aliases", "sources", "cited_in")


@dataclass
class GraphData:
    """A set of nodes and relationships keyed by id, with contract-aware merging."""

    nodes: dict[str, Node] = field(default_factory=dict)
    relationships: dict[str, Relationship] = field(default_factory=dict)

    # -- building ---------------------------------------------------------
    def add_node(self, node: Node) -> Node:
        """Add ``node``, or fold its properties into the node already there."""
        have = self.nodes.get(node.id)
        if have is None:
            self.nodes[node.id] = node
            return node
        _fold(have.properties, node.properties)
        return have

    def add_relationship(self, rel: Relationship) -> Relationship:
        have = self.relationships.get(rel.id)
        if have is None:
            self.relationships[rel.id] = rel
            return rel
        _fold(have.properties, rel.properties)
        return have

    def link(self, type_: str, start: str, end: str, **properties: Any) -> Relationship:
        return self.add_relationship(Relationship(type_, start, end, dict(properties)))

    # -- reading ----------------------------------------------------------
    def by_label(self, label: str) -> Iterator[Node]:
        return (n for n in self.nodes.values() if n.label == label)

    def out(self, node_id: str, type_: str | None = None) -> Iterator[Relationship]:
        return (r for r in self.relationships.values()
                if r.start == node_id and (type_ is None or r.type == type_))

    def counts(self) -> dict[str, dict[str, int]]:
        labels: dict[str, int] = {}
        types: dict[str, int] = {}
        for n in self.nodes.values():
            labels[n.label] = labels.get(n.label, 0) + 1
        for r in self.relationships.values():
            types[r.type] = types.get(r.type, 0) + 1
        return {"nodes": dict(sorted(labels.items())), "relationships": dict(sorted(types.items()))}

    # -- (de)serialising --------------------------------------------------
    def sorted_nodes(self) -> list[Node]:
        """The nodes by id: the export's order, so equal graphs give equal text."""
        return [self.nodes[k] for k in sorted(self.nodes)]

    def sorted_relationships(self) -> list[Relationship]:
        """The relationships by start, type, end and id: the export's order."""
        return sorted(self.relationships.values(), key=lambda r: (r.start, r.type, r.end, r.id))

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON export shape, sorted so equal graphs give equal text."""
        return {"nodes": [n.to_json() for n in self.sorted_nodes()],
                "relationships": [r.to_json() for r in self.sorted_relationships()]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GraphData:
        graph = cls()
        for n in data.get("nodes", []):
            graph.nodes[n["id"]] = Node(n["id"], n["labels"][0], dict(n.get("properties", {})))
        for r in data.get("relationships", []):
            rel = Relationship(r["type"], r["start"], r["end"], dict(r.get("properties", {})), r["id"])
            graph.relationships[rel.id] = rel
        return graph


def _fold(into: dict[str, Any], new: dict[str, Any]) -> None:
    """Merge ``new`` into ``into``: lists union in order, scalars keep the first value."""
    for key, value in new.items():
        if value is None:
            continue
        have = into.get(key)
        if key in LIST_PROPERTIES or (isinstance(have, list) and isinstance(value, list)):
            merged = list(have or [])
            for item in value if isinstance(value, list) else [value]:
                if item not in merged:
                    merged.append(item)
            into[key] = merged
        elif have is None:
            into[key] = value


def merge_documents(contributions: Iterable[GraphData]) -> GraphData:
    """The corpus graph: each document's contribution folded in a fixed order.

    The caller passes contributions sorted by source; nodes a document holds
    for itself are folded before the cited-only mentions of other documents,
    so the result never depends on which document was built first. Scalars
    keep their first value, lists (aliases, sources) are ordered unions, a
    plan is ``cited_only`` only if no document holds it, and ``source`` of a
    shared node is the first of its ``sources``.
    """
    parts = list(contributions)
    graph = GraphData()
    for cited_pass in (False, True):
        for part in parts:
            for node in part.nodes.values():
                if bool(node.properties.get("cited_only")) != cited_pass:
                    continue
                props = dict(node.properties)
                have = graph.nodes.get(node.id)
                if cited_pass and have is not None and not have.properties.get("cited_only"):
                    # a document citing a plan that is itself in the graph: the citation
                    # is recorded in cited_in, the plan's sources stay its own documents
                    props = {"cited_in": props.get("cited_in", [])}
                elif node.label in Label.SHARED and props.get("source"):
                    props.setdefault("sources", [props["source"]])
                graph.add_node(Node(node.id, node.label, props))
    for part in parts:
        for rel in part.relationships.values():
            graph.add_relationship(Relationship(rel.type, rel.start, rel.end, dict(rel.properties), rel.id))
    for node in graph.nodes.values():
        sources = node.properties.get("sources")
        if sources:
            node.properties["sources"] = sorted(sources)
            if node.label != Label.PLAN or node.properties.get("cited_only"):
                node.properties["source"] = node.properties["sources"][0]
    return graph
