"""Name keys: what lets a named query find a plan, agency, site, organization or region by a part of
its name through a range index instead of reading every name.

The named queries find these by a part of a name, an alias or an English name
(``a.name CONTAINS $agency``), and ``search`` and ``site-to-goals`` also by a name
that is a part of the user's text (``$phrase CONTAINS s.name``). ``CONTAINS`` can
use no index, and at 10,000 documents reading the 19,574 agencies' or 12,612
sites' names took 25-95 ms a query. So the store writes, with each node of
these labels, one list property ``_names`` (``name_keys``) under a range index
(FalkorDB indexes each element of a list and answers ``$key IN n._names`` from
the index):

- each pair of neighbouring characters of every name form, lower-cased (a
  blank as ``_``: the index trims the blanks at either end of a key), and
  of the form without blanks and hyphens (how ``site-to-goals`` compares
  English names): a form that holds a text holds every pair of it, so the
  nodes under one pair of the text (``contains_key``) are a superset of those
  whose names hold it;
- ``^`` and the first four characters of every form, lower-cased (the whole form
  when shorter): a form that is a part of a text starts with one of the text's
  parts of at most four characters, so the nodes under the ``^`` keys of those
  (``name_lookup``) are a superset of those with a name inside the text (a key
  list short enough for FalkorDB's Bolt listener, which crashes on a query of
  about 4 kB with its parameters);
- ``=`` and the node's id, for ``path``, which takes an id too;
- ``*``, on every node: a text of one character has no pair, and asks for
  every node under it, as the query read them before (FalkorDB's index
  keeps no empty string).

The query keeps its exact condition after the lookup, so it answers the same
rows; only the nodes it reads are fewer. The key lists are the store's, like
``_search``: answers and exports leave them out.

Plans (their titles and document numbers) and provinces, cities and districts
(their names, short names and English names) have them too, for ``path``,
which takes any of these by a part of a name: reading every plan's title and
every district's names for both ends was 10 of its 14 ms at 10,000 documents
before it searched a single step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from graph.model import NODE_ID

#: the list property of name keys (written by the store, never exported)
NAMES_PROPERTY = "_names"
#: the labels whose nodes carry it
NAMED_LABELS = ("Agency", "Site", "Organization", "Plan", "Province", "City", "District")
#: the name forms it is made of (a plan's title and document number, a region's short name)
NAME_FORMS = ("name", "aliases", "name_en", "aliases_en", "title", "doc_number", "short")
#: the key every node has
EVERY = "*"
#: how many first characters of a form its ``^`` key holds
PREFIX = 4

_BLANKS = re.compile(r"[\s\-]+")
_SPACE = re.compile(r"\s")
#: characters that begin or end most names, so a pair holding them finds many nodes: the pair
#: looked up for a text avoids them when it can (a pair of rarer characters finds fewer)
_COMMON = set("省市区县局厅委会办公室人民政府中心部门管理服务发展改革科技信息数据产业研究院所集团有限司中国"
              "州江山东西南北新城国家工业园_-aeioustnrhlg")


def _low(text: str) -> str:
    """``text`` as its keys hold it: lower-cased, each blank as ``_`` (FalkorDB's index trims the blanks
    at either end of a key, and a key looked up with them is then not found)."""
    return _SPACE.sub("_", text.lower())


def pairs(text: str) -> list[str]:
    """Each pair of neighbouring characters of ``text``."""
    return [text[i:i + 2] for i in range(len(text) - 1)]


def name_keys(properties: dict[str, Any], node_id: str | None = None) -> list[str]:
    """The ``_names`` keys of a node with these properties, sorted.

    >>> name_keys({"name": "之江实验室", "aliases": ["之江"]}, "agency-1")
    ['*', '=agency-1', '^之江', '^之江实验', '之江', '实验', '江实', '验室']
    """
    keys = {EVERY}
    if node_id:
        keys.add("=" + node_id.lower())
    for form in _forms(properties):
        low = _low(form)
        keys.add("^" + low[:PREFIX])
        keys.update(pairs(low))
        squashed = _BLANKS.sub("", form.lower())
        if squashed != low:
            keys.update(pairs(squashed))
    return sorted(keys)


def _forms(properties: dict[str, Any]) -> Iterable[str]:
    for key in NAME_FORMS:
        value = properties.get(key)
        for form in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(form, str) and form:
                yield form


def contains_key(text: str | None) -> str | None:
    """The one key to look up for the nodes with a name form holding ``text``: a pair of its
    lower-cased characters, the rarest-looking one; ``*`` (every node) for one character.

    >>> contains_key("规划局"), contains_key("之江实验室"), contains_key("局")
    ('规划', '实验', '*')
    """
    if text is None:
        return None
    candidates = pairs(_low(text))
    if not candidates:
        return EVERY
    return min(candidates, key=lambda p: sum(c in _COMMON for c in p))


def end_key(text: str | None) -> str | None:
    """The one key to look up for what ``path`` takes as an end: ``=`` and the text when it is a
    node's id (every node keyed is under ``=`` and its id), else ``contains_key``. One key, so the
    query asks the index once per label (its text must stay short, see ``queries/path.cypher``);
    a name holding a whole node id is not a name the graph has.

    >>> end_key("agency-6655f78075168a87"), end_key("规划局")
    ('=agency-6655f78075168a87', '规划')
    """
    if text is not None and NODE_ID.match(text):
        return "=" + text
    return contains_key(text)


def starts_keys(text: str | None) -> list[str]:
    """The ``^`` keys of every part of ``text`` (lower-cased) of at most ``PREFIX`` characters: the
    nodes under them are those that may have a name form inside ``text``.

    >>> starts_keys("松山湖")
    ['^山', '^山湖', '^松', '^松山', '^松山湖', '^湖']
    """
    if text is None:
        return []
    low = _low(text)
    return sorted({"^" + low[i:j] for i in range(len(low)) for j in range(i + 1, min(i + PREFIX, len(low)) + 1)})


def name_lookup(text: str | None) -> list[str]:
    """Every key to look up for the nodes with a name form holding ``text`` (also without blanks and
    hyphens) or inside it (also with its blanks folded, as ``search`` compares): ``contains_key``
    of both, and ``starts_keys`` of both, once each.

    >>> name_lookup("Bio Island")[:4]
    ['^_', '^_i', '^_is', '^_isl']
    """
    if text is None:
        return []
    keys = {contains_key(text) or EVERY, contains_key(_BLANKS.sub("", text)) or EVERY}
    keys.update(starts_keys(text), starts_keys(" ".join(text.split())))
    return sorted(keys)
