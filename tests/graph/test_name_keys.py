"""The ``_names`` keys of plans, agencies, sites, organizations and regions (``graph.store.names``) on the seed graph.

The named queries look a part of a name up under one key, and a name inside a
text under the keys of the text's parts, then test the names exactly: the keys
must find every node whose names would pass that test, or a query would lose
rows. Checked here for every name form of the seed graph, through the store's
own index, and for what the store writes and answers.
"""

from __future__ import annotations

import pytest

from graph.store.names import EVERY, NAMED_LABELS, NAMES_PROPERTY, contains_key, name_lookup


def _forms(props: dict) -> list[str]:
    out = []
    for key in ("name", "aliases", "name_en", "aliases_en", "title", "doc_number", "short"):
        value = props.get(key)
        out += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
    return out


def _under(store, label: str, keys: list[str]) -> set[str]:
    rows = store.read(f"UNWIND $keys AS k MATCH (n:{label}) WHERE k IN n.{NAMES_PROPERTY} RETURN DISTINCT n.id",
                      {"keys": keys}).rows
    return {r[0] for r in rows}


@pytest.mark.parametrize("label", NAMED_LABELS)
def test_a_part_of_any_name_finds_its_node_under_one_key(seed_store, seed_graph, label):
    nodes = [n for n in seed_graph.nodes.values() if n.label == label]
    assert nodes
    for node in nodes:
        for form in _forms(node.properties):
            for part in {form, form[:3], form[-2:], form[1:5], form.upper(), form[:1]}:
                if part:
                    assert node.id in _under(seed_store, label, [contains_key(part)]), (node.id, form, part)


@pytest.mark.parametrize("label", NAMED_LABELS)
def test_a_name_inside_a_longer_text_finds_its_node_under_the_texts_keys(seed_store, seed_graph, label):
    for node in (n for n in seed_graph.nodes.values() if n.label == label):
        for form in _forms(node.properties):
            text = f"关于{form}的 Notice"
            assert node.id in _under(seed_store, label, name_lookup(text)), (node.id, form)


def test_one_character_asks_for_every_node():
    assert contains_key("局") == EVERY and contains_key("") == EVERY


def test_a_rare_pair_finds_few_nodes_where_a_scan_read_them_all(seed_store):
    every = seed_store.read("MATCH (a:Agency) RETURN count(a)").rows[0][0]
    found = _under(seed_store, "Agency", [contains_key("之江实验室")])
    assert 0 < len(found) < every / 4


def test_the_keys_are_in_no_answer_and_no_export(seed_store, seed_graph):
    assert all(NAMES_PROPERTY not in n.properties for n in seed_graph.nodes.values())
    (node,) = seed_store.read("MATCH (a:Agency) RETURN a LIMIT 1").rows[0]
    assert "name" in node["properties"] and NAMES_PROPERTY not in node["properties"]


def test_a_graph_stored_without_the_keys_gets_them_when_a_store_opens_it(tmp_path, seed_store, seed_graph):
    from graph.settings import Settings
    from graph.store.falkor import FalkorStore
    from queries import named
    from queries.run import run_named

    query, params = named.get("agency-measures"), {"agency": "之江实验室"}
    expected = run_named(seed_store, query, params).rows
    path, ends = named.get("path"), {"from": "新一代人工智能创新发展行动计划", "to": "东莞"}  # a plan, a city
    connected = run_named(seed_store, path, ends).rows
    assert expected and connected
    settings = Settings(data_dir=tmp_path)
    store = FalkorStore(settings)
    try:
        store.replace_graph(seed_graph)
        # as an earlier version stored it: no keys, no index of them
        store.graph.query(f"MATCH (n) WHERE n.{NAMES_PROPERTY} IS NOT NULL SET n.{NAMES_PROPERTY} = NULL")
        for label in NAMED_LABELS:
            store.graph.query(f"DROP INDEX ON :{label}({NAMES_PROPERTY})")
        assert run_named(store, query, params).rows == []
        assert run_named(store, path, ends).rows == []
    finally:
        store.close()
    store = FalkorStore(settings)
    try:
        assert run_named(store, query, params).rows == expected
        assert run_named(store, path, ends).rows == connected
        indexed = store.graph.ro_query("CALL db.indexes() YIELD label, properties RETURN label, properties").result_set
        assert {label for label, fields in indexed if NAMES_PROPERTY in fields} == set(NAMED_LABELS)
    finally:
        store.close()
