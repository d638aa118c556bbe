"""Named query files: the header format, typed parameters, and the files shipped in ``queries/``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.settings import Settings
from queries import named
from queries.named import NamedQueryError, ParameterError, UnknownQuery, parse

ROOT = Path(__file__).resolve().parent.parent.parent

SAMPLE = """// name: sample
// title: A sample
// description: First line of the description,
//   and its second line.
// param: site: string -- a site
// param: limit: int = 10 -- rows at most
// param: share: float = 0.5 -- a share
// param: only: bool = null -- a flag
// param: words: list = null -- some words
// param: label: string = "a b" -- quoted default
// derive: terms = tokens(site) -- words of site
// example: site=Songshan Lake limit=3

MATCH (s:Site) WHERE s.name CONTAINS $site AND size($terms) >= 0
RETURN s LIMIT $limit
"""


def sample():
    return parse(SAMPLE, Path("sample.cypher"))


def test_header_is_read():
    q = sample()
    assert (q.name, q.title) == ("sample", "A sample")
    assert q.description == "First line of the description, and its second line."
    assert [(p.name, p.type, p.default, p.required) for p in q.params] == [
        ("site", "string", None, True), ("limit", "int", 10, False), ("share", "float", 0.5, False),
        ("only", "bool", None, False), ("words", "list", None, False), ("label", "string", "a b", False)]
    assert q.text.startswith("MATCH (s:Site)") and "// name" not in q.text
    assert q.example_params(q.examples[0]) == {"site": "Songshan Lake", "limit": "3"}
    assert q.describe()["params"][1] == {"name": "limit", "type": "int", "json_type": "integer",
                                         "required": False, "default": 10, "description": "rows at most"}


def test_bind_from_json_is_strict_about_types():
    q = sample()
    values = q.bind({"site": "松山湖", "limit": 5, "share": 1, "only": True, "words": ["a", 2]})
    assert values["limit"] == 5 and values["share"] == 1.0 and values["only"] is True
    assert values["terms"] == ["松山湖"] and values["label"] == "a b"
    for wrong in ({"limit": "5"}, {"limit": True}, {"limit": 1.5}, {"share": "x"}, {"share": float("nan")},
                  {"only": "true"}, {"words": "a"}, {"words": [["nested"]]}, {"site": 5}):
        with pytest.raises(ParameterError) as caught:
            q.bind({"site": "x", **wrong})
        assert caught.value.param == next(iter(wrong))


def test_bind_from_strings_converts():
    q = sample()
    values = q.bind({"site": "x", "limit": "7", "share": "0.25", "only": "yes", "words": "a, b,c"},
                    from_strings=True)
    assert (values["limit"], values["share"], values["only"], values["words"]) == (7, 0.25, True, ["a", "b", "c"])
    assert q.bind({"site": "x", "words": ["a", "b"]}, from_strings=True)["words"] == ["a", "b"]
    assert q.bind({"site": "x", "words": '["a, b", 3]'}, from_strings=True)["words"] == ["a, b", 3]
    assert q.bind({"site": "x", "limit": ""}, from_strings=True)["limit"] == 10
    with pytest.raises(ParameterError, match="more than once"):
        q.bind({"site": "x", "limit": ["1", "2"]}, from_strings=True)
    with pytest.raises(ParameterError, match="boolean"):
        q.bind({"site": "x", "only": "perhaps"}, from_strings=True)


def test_unknown_and_missing_parameters():
    q = sample()
    with pytest.raises(ParameterError, match=r"unknown parameter colour .*it takes: site, limit"):
        q.bind({"site": "x", "colour": "red"})
    with pytest.raises(ParameterError, match="needs parameter site"):
        q.bind({})


@pytest.mark.parametrize(("text", "message"), [
    ("// param: x: date = null\nRETURN $x", "types are"),
    ("// param: x: int = many\nRETURN $x", "default of x"),
    ("// param x int\nRETURN 1", "a param line reads"),
    ("// param: x: int = 1\nRETURN $y", r"uses \$y without a param line"),
    ("// derive: y = shout(x)\n// param: x: string\nRETURN $y", "unknown function shout"),
    ("// derive: y = tokens(z)\nRETURN $y", "reads z"),
    ("// name: Bad Name\nRETURN 1", "lower-case"),
    ("// name: empty\n", "no query"),
])
def test_bad_headers_name_the_file(text, message):
    with pytest.raises(NamedQueryError, match=message) as caught:
        parse(text, Path("bad.cypher"))
    assert str(caught.value).startswith("bad.cypher")


def test_two_files_with_one_name(tmp_path):
    (tmp_path / "a.cypher").write_text("// name: same\nRETURN 1")
    (tmp_path / "b.cypher").write_text("// name: same\nRETURN 2")
    with pytest.raises(NamedQueryError, match=r"taken by a\.cypher"):
        named.load(tmp_path.glob("*.cypher"))


def test_shipped_queries_load_and_unknown_names_are_refused():
    queries = named.named_queries()
    for name in ("measure-owners", "agency-measures", "site-to-goals", "plan-targets", "province-overview",
                 "search", "path"):
        assert queries[name].examples, f"{name} has an example (the README and tests use it)"
    with pytest.raises(UnknownQuery, match="measure-owners"):
        named.get("nope")


def test_search_terms_are_jieba_words():
    values = named.get("search").bind({"q": "统筹科学智算 Songshan Lake"})
    assert {"科学", "智算", "songshan", "lake"} <= set(values["terms"])
    assert values["phrase"] == "统筹科学智算 songshan lake"


def test_docs_document_every_named_query_setting_and_command():
    readme = "\n".join(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md")))
    for name, query in named.named_queries().items():
        assert f"`{name}`" in readme, f"docs/ does not document the named query {name}"
        for p in query.params:
            assert re.search(rf"`{name}`.*`{p.name}`", readme), f"docs/: {name} parameter {p.name}"
    for field in Settings.model_fields:
        assert f"`{field}`" in readme, f"the settings table (docs/public.md) lacks {field}"
    for command in ("policykg serve", "policykg query", "policykg push", "POST /cypher", "GET /queries",
                    "GET /health", "POST /admin/rebuild"):
        assert command in readme
