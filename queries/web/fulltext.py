"""Full-text search over the catalogue: measures and targets by their words, entities by their names.

The search box's suggestions (``search.py``) only look at names; an analyst
typing 揭榜挂帅 or 材料基因数据库 wants the measures whose text says so, and
typing 松山湖 wants the site and every measure and goal naming it. So a query
(words separated by spaces must all appear, case ignored) is matched against:

- entity names, short forms, English names and aliases, plan titles and
  document numbers (spaces ignored, as in the suggestions);
- a measure's title and text, a target's metric and sentence;
- the sites a measure or target names (松山湖 finds the measures naming
  松山湖 even where the text writes 松山湖科学城).

Hits are ranked (a name before a title before a sentence), carry a snippet
with the matched ranges (the page highlights them as text, never as HTML), and
come with facet counts (kind, province, plan, year), each counted over the
hits the *other* filters leave, so a chosen facet still shows its siblings.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from itertools import chain, compress, repeat
from operator import contains
from typing import Any

from graph.model import Label
from queries.web import catalogue as catalogue_module
from queries.web.catalogue import Catalogue
from queries.web.paging import PageRequest

MAX_QUERY = 200
SNIPPET_BEFORE = 30
SNIPPET_AFTER = 90
PLAN_FACET_LIMIT = 15
_SPACES = re.compile(r"\s+")
#: kinds in the order their hits rank among equal scores
KIND_ORDER = (Label.PROVINCE, Label.CITY, Label.DISTRICT, Label.SITE, Label.AGENCY, Label.PLAN, Label.ORGANIZATION,
              Label.MEASURE, Label.TARGET)
FACETS = ("kind", "province", "plan", "year")


@dataclass(frozen=True)
class SearchFilter:
    """The facets a search is narrowed to; ``None`` means any."""

    kind: str | None = None
    province: str | None = None
    plan: str | None = None
    year: int | None = None



def terms_of(text: str) -> list[str]:
    """The words of a query, lower-cased; every one must appear.

    >>> terms_of("  Songshan  LAKE "), terms_of("揭榜挂帅")
    (['songshan', 'lake'], ['揭榜挂帅'])
    """
    return [t for t in _SPACES.split(text.strip().lower()) if t]


def compact(text: str) -> str:
    """Lower-cased and without spaces: how names are compared.

    >>> compact("Songshan Lake")
    'songshanlake'
    """
    return _SPACES.sub("", text).lower()


def snippet(text: str, terms: Iterable[str], before: int = SNIPPET_BEFORE,
            after: int = SNIPPET_AFTER) -> dict[str, Any]:
    """A window of ``text`` around the first matched term, with every match in it as [start, end).

    >>> snippet("一二三揭榜挂帅四五", ["揭榜挂帅"], before=2, after=6)
    {'text': '…二三揭榜挂帅四五', 'marks': [[3, 7]]}
    """
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: match on the text as written
        lower = text
    terms = [t for t in terms if t]
    found = [i for i in (lower.find(t) for t in terms) if i >= 0]
    first = min(found) if found else 0
    start = max(0, first - before)
    end = min(len(text), first + after)
    prefix = "…" if start > 0 else ""
    window = lower[start:end]
    marks: list[list[int]] = []
    for term in terms:
        at = window.find(term)
        while at >= 0:
            marks.append([at + len(prefix), at + len(prefix) + len(term)])
            at = window.find(term, at + len(term))
    marks.sort()
    merged: list[list[int]] = []
    for mark in marks:
        if merged and mark[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], mark[1])
        else:
            merged.append(mark)
    return {"text": prefix + text[start:end] + ("…" if end < len(text) else ""), "marks": merged}


def _names(record: dict[str, Any]) -> list[str]:
    values = [record.get("name"), record.get("short"), record.get("name_en"), record.get("title"),
              record.get("doc_number"), *(record.get("aliases") or [])]
    return [v for v in values if v]


def _name_score(keys: list[tuple[str, str]], q: str) -> tuple[int, str] | None:
    """The best of exact (100), prefix (80) or any (60) match of ``q`` among a record's compacted names."""
    best: tuple[int, str] | None = None
    for key, name in keys:
        if q not in key:
            continue
        score = 100 if key == q else 80 if key.startswith(q) else 60
        if best is None or score > best[0]:
            best = (score, name)
    return best


#: below this many occurrences a word is looked up in the joined texts, above it text by text
RARE = 5000


class _Column:
    """Texts by position, also joined in one string so a rare word is found by one scan in C."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.starts: list[int] = []
        at = 0
        for text in texts:
            self.starts.append(at)
            at += len(text) + 1
        self.blob = "\x00".join(texts)

    def _rare(self, term: str) -> list[int] | None:
        """The texts holding ``term`` by scanning the joined texts; None once it is found in more than RARE."""
        found: list[int] = []
        at = self.blob.find(term)
        last = len(self.starts) - 1
        while at >= 0:
            index = bisect_right(self.starts, at) - 1
            found.append(index)
            if len(found) > RARE:
                return None
            if index >= last:
                break
            at = self.blob.find(term, self.starts[index + 1])
        return found

    def matching(self, terms: list[str]) -> list[int]:
        """Positions of the texts holding every term, in order."""
        longest = max(terms, key=len)  # the longest word is the likeliest to be rare
        found = self._rare(longest)
        if found is None:  # a common word: test every text, the loop in C (map/compress)
            found = list(compress(range(len(self.texts)), map(contains, self.texts, repeat(longest))))
        others = [t for t in terms if t != longest]
        return [i for i in found if all(t in self.texts[i] for t in others)] if others else found


class _Texts:
    """The measures (or targets) of a catalogue, ordered for display, with their facet values in columns."""

    def __init__(self, label: str, records: list[dict[str, Any]], cat: Catalogue) -> None:
        self.label = label
        self.records = sorted(records, key=lambda r: (len(r["_title"]), r["id"]))
        self.titles = [r["_title"] for r in self.records]
        self.texts = [r["_text"] for r in self.records]
        #: title and text together: one scan finds both kinds of match
        self.words = _Column([f"{r['_title']}\x01{r['_text']}" for r in self.records])
        self.by_site: dict[str, list[int]] = {}
        for i, r in enumerate(self.records):
            for site in r["sites"]:
                self.by_site.setdefault(site, []).append(i)
        self.plan_ids = [r["plan_id"] for r in self.records]
        self.years = [r.get("year") for r in self.records] if label == Label.TARGET else \
            [cat.plans[r["plan_id"]]["year"] for r in self.records]
        self.provinces = [tuple(cat.plans[r["plan_id"]]["provinces"]) for r in self.records]


class Index:
    """What a search reads, built once per catalogue (a few seconds at 10,000 documents, in the background)."""

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat
        self.entities: list[tuple[dict[str, Any], list[tuple[str, str]]]] = []
        for records in (cat.places, cat.sites, cat.agencies, cat.organizations):
            for record in records.values():
                self.entities.append((record, [(compact(n), n) for n in _names(record)]))
        self.plans = [(p, [(compact(n), n) for n in _names(p)]) for p in cat.plans.values() if not p["cited_only"]]
        self.entity_names = _Column(["\x01".join(k for k, _ in keys) for _, keys in self.entities])
        self.plan_names = _Column(["\x01".join(k for k, _ in keys) for _, keys in self.plans])
        self.measures = _Texts(Label.MEASURE, list(cat.measures.values()), cat)
        self.targets = _Texts(Label.TARGET, list(cat.targets.values()), cat)
        self.measure_titles = _Column([compact(r.get("title") or "") for r in self.measures.records])
        #: every plan, those only cited included (they have pages too): what the suggestions offer
        self.every_plan = [(p, [compact(n) for n in _names(p)]) for p in cat.plans.values()]
        self.every_plan_names = _Column(["\x01".join(keys) for _, keys in self.every_plan])


def index_of(cat: Catalogue) -> Index:
    found = cat.cache.get("fulltext")
    if found is None:
        found = cat.cache["fulltext"] = Index(cat)
    return found


catalogue_module.PREPARE.append(index_of)


@dataclass
class _Group:
    """Hits of one kind with one score, in display order: measure or target positions, or entity hits."""

    score: int
    order: int
    label: str
    field: str
    texts: _Texts | None = None
    positions: list[int] = dataclass_field(default_factory=list)
    entities: list[dict[str, Any]] = dataclass_field(default_factory=list)
    tiebreak: str = ""

    def __len__(self) -> int:
        return len(self.positions) if self.texts else len(self.entities)

    def narrowed(self, where: SearchFilter, skip: str | None = None) -> _Group:
        """The group's hits that pass every filter except ``skip``."""
        if skip != "kind" and where.kind is not None and where.kind != self.label:
            return _Group(self.score, self.order, self.label, self.field, self.texts)
        plan = where.plan if skip != "plan" else None
        year = where.year if skip != "year" else None
        province = where.province if skip != "province" else None
        if self.texts is None:
            kept = [e for e in self.entities if (plan is None or e["plan_id"] == plan)
                    and (year is None or e["year"] == year) and (province is None or province in e["province_ids"])]
            return _Group(self.score, self.order, self.label, self.field, entities=kept, tiebreak=self.tiebreak)
        pos, t = self.positions, self.texts
        if plan is not None:
            pos = [i for i in pos if t.plan_ids[i] == plan]
        if year is not None:
            pos = [i for i in pos if t.years[i] == year]
        if province is not None:
            pos = [i for i in pos if province in t.provinces[i]]
        return _Group(self.score, self.order, self.label, self.field, t, pos)

    def column(self, name: str) -> list[Any]:
        if self.texts is None:
            key = {"plan": "plan_id", "year": "year", "province": "province_ids"}[name]
            return [e[key] for e in self.entities]
        values = {"plan": self.texts.plan_ids, "year": self.texts.years, "province": self.texts.provinces}[name]
        return list(map(values.__getitem__, self.positions))


class Searcher:
    """One query over one catalogue's index."""

    def __init__(self, cat: Catalogue, text: str) -> None:
        self.cat = cat
        self.index = index_of(cat)
        self.terms = terms_of(text[:MAX_QUERY])
        self.q = compact(text[:MAX_QUERY])
        self.site_names: dict[str, str] = {}

    def _entity_hits(self) -> list[dict[str, Any]]:
        out = []
        for position in self.index.entity_names.matching([self.q]):
            record, keys = self.index.entities[position]
            found = _name_score(keys, self.q)
            if not found:
                continue
            score, name = found
            if record["label"] == Label.SITE:
                self.site_names[record["id"]] = record["name"]
            out.append({"label": record["label"], "id": record["id"], "title": record.get("name"),
                        "name_en": record.get("name_en"), "field": "name",
                        "snippet": snippet(name, [self.q]) if name != record.get("name") else None,
                        "score": score, "province_ids": record.get("provinces") or [], "plan_id": None,
                        "plan": None, "year": None, "detail": record.get("kind") or record.get("jurisdiction")})
        for position in self.index.plan_names.matching([self.q]):
            plan, keys = self.index.plans[position]
            found = _name_score(keys, self.q)
            if found:
                out.append({"label": Label.PLAN, "id": plan["id"], "title": plan["title"], "field": "title",
                            "snippet": None,
                            "score": found[0] - 30, "province_ids": plan["provinces"], "plan_id": plan["id"],
                            "plan": plan["title"], "year": plan["year"], "detail": plan.get("doc_number")})
        return out

    def groups(self) -> list[_Group]:
        """Every hit, grouped by kind and score, the groups in rank order."""
        if not self.terms:
            return []
        order = {label: i for i, label in enumerate(KIND_ORDER)}
        by_rank: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for hit in self._entity_hits():
            by_rank.setdefault((hit["score"], hit["label"]), []).append(hit)
        groups = []
        for (score, label), hits in by_rank.items():
            hits.sort(key=lambda e: (len(e["title"] or ""), e["title"] or "", e["id"]))
            groups.append(_Group(score, order[label], label, hits[0]["field"], entities=hits,
                                 tiebreak=hits[0]["title"] or ""))
        for texts, scores in ((self.index.measures, (40, 20, 15)), (self.index.targets, (35, 18, 14))):
            found = texts.words.matching(self.terms)
            titles = texts.titles
            if len(self.terms) == 1:
                term = self.terms[0]
                in_title = [i for i in found if term in titles[i]]
            else:
                in_title = [i for i in found if all(t in titles[i] for t in self.terms)]
            seen = set(in_title)
            in_text = [i for i in found if i not in seen]
            seen.update(in_text)
            via = sorted({i for site in self.site_names for i in texts.by_site.get(site, ()) if i not in seen})
            for score, positions, field in ((scores[0], in_title, "title"), (scores[1], in_text, "text"),
                                            (scores[2], via, "site")):
                if positions:
                    groups.append(_Group(score, order[texts.label], texts.label, field, texts, positions))
        groups.sort(key=lambda g: (-g.score, g.order, len(g.tiebreak), g.tiebreak))
        return groups

    def show(self, group: _Group, item: Any) -> dict[str, Any]:
        """A hit as the page shows it."""
        if group.texts is None:
            hit = dict(item)
            if hit["label"] == Label.PLAN:
                hit["snippet"] = snippet(hit["title"], self.terms, before=200, after=200)
            return hit
        record = group.texts.records[item]
        field = group.field
        plan = self.cat.plans[record["plan_id"]]
        via = [self.site_names[s] for s in record["sites"] if s in self.site_names]
        if group.label == Label.MEASURE:
            shown = record.get("title") if field == "title" else record.get("text")
            extra = {"number": record.get("number"), "detail": record.get("section")}
        else:
            shown = record.get("text") or record.get("metric")
            field = "metric" if field == "title" else field
            extra = {"amount": {k: record.get(k) for k in ("comparator", "value", "value_max", "unit", "qualitative")}}
        terms = self.terms if field != "site" else [v.lower() for v in via]
        return {"label": group.label, "id": record["id"], "title": record.get("title") or record.get("metric"),
                "field": field, "snippet": snippet(shown or "", terms), "via": via, "plan_id": plan["id"],
                "plan": plan["title"], "province_ids": list(group.texts.provinces[item]),
                "year": group.texts.years[item], **extra}


def _facets(cat: Catalogue, groups: list[_Group], where: SearchFilter) -> dict[str, list[dict[str, Any]]]:
    """Counts per facet value, each over the hits that the other facets' choices leave."""
    kinds: Counter = Counter()
    for group in groups:
        kinds[group.label] += len(group.narrowed(where, "kind"))
    provinces: Counter = Counter()
    plans: Counter = Counter()
    years: Counter = Counter()
    for group in groups:
        provinces.update(chain.from_iterable(group.narrowed(where, "province").column("province")))
        plans.update(group.narrowed(where, "plan").column("plan"))
        years.update(group.narrowed(where, "year").column("year"))
    plans.pop(None, None)
    years.pop(None, None)
    order = {label: i for i, label in enumerate(KIND_ORDER)}
    return {
        "kind": [{"value": k, "count": n} for k, n in sorted(kinds.items(), key=lambda kv: order[kv[0]]) if n],
        "province": [{"value": k, "name": cat.province_name(k), "name_en": cat.places.get(k, {}).get("name_en"),
                      "count": n} for k, n in sorted(provinces.items(), key=lambda kv: (-kv[1], kv[0]))],
        "plan": [{"value": k, "name": cat.plans[k]["title"], "count": n}
                 for k, n in plans.most_common(PLAN_FACET_LIMIT)],
        "year": [{"value": k, "count": n} for k, n in sorted(years.items())],
    }


def search(cat: Catalogue, text: str, where: SearchFilter, page: PageRequest) -> dict[str, Any]:
    """One page of hits for ``text`` narrowed by ``where``, with the facet counts."""
    searcher = Searcher(cat, text)
    groups = searcher.groups()
    kept = [g.narrowed(where) for g in groups]
    total = sum(len(g) for g in kept)
    items: list[dict[str, Any]] = []
    skip, room = page.skip, page.limit
    for group in kept:
        members = group.positions if group.texts else group.entities
        if skip >= len(members):
            skip -= len(members)
            continue
        for member in members[skip:skip + room]:
            items.append(searcher.show(group, member))
        room -= len(members[skip:skip + room])
        skip = 0
        if room <= 0:
            break
    for item in items:
        item["provinces"] = [cat.province_name(p) for p in item.pop("province_ids")]
    return {"q": text, "items": items, "page": max(1, page.page), "page_size": page.limit, "total": total,
            "facets": _facets(cat, groups, where)}


#: kinds in the order the suggestions list them among equal scores (as ``search.suggest`` does)
SUGGEST_ORDER = (Label.PROVINCE, Label.SITE, Label.AGENCY, Label.PLAN, Label.CITY, Label.DISTRICT,
                 Label.ORGANIZATION, Label.MEASURE)
_DETAIL = {Label.PROVINCE: "short", Label.SITE: "kind", Label.AGENCY: "jurisdiction", Label.PLAN: "doc_number",
           Label.CITY: "short", Label.DISTRICT: "short", Label.ORGANIZATION: "kind"}


def suggest(cat: Catalogue, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """The search box's suggestions from the catalogue, as ``search.suggest`` gives them from Cypher
    (exact, then prefix, then any match; by kind; shorter names first), without scanning the graph."""
    q = compact(text)
    if not q:
        return []
    index = index_of(cat)
    order = {label: i for i, label in enumerate(SUGGEST_ORDER)}

    def rank(keys: list[str]) -> int:
        return 0 if q in keys else 1 if any(k.startswith(q) for k in keys) else 2

    found: list[tuple[int, int, int, str, dict[str, Any]]] = []
    for position in index.entity_names.matching([q]):
        record, keys = index.entities[position]
        name = record.get("name") or ""
        found.append((rank([k for k, _ in keys]), order[record["label"]], len(name), record["id"], {
            "id": record["id"], "label": record["label"], "name": name, "name_en": record.get("name_en"),
            "detail": record.get(_DETAIL[record["label"]])}))
    for position in index.every_plan_names.matching([q]):
        plan, keys = index.every_plan[position]
        found.append((rank(keys), order[Label.PLAN], len(plan["title"] or ""), plan["id"], {
            "id": plan["id"], "label": Label.PLAN, "name": plan["title"], "name_en": None,
            "detail": plan.get("doc_number")}))
    titles = index.measure_titles.texts
    measures = index.measures.records
    best = heapq.nsmallest(limit, ((0 if titles[i] == q else 1 if titles[i].startswith(q) else 2,
                                    len(measures[i].get("title") or ""), measures[i]["id"], i)
                                   for i in index.measure_titles.matching([q])))
    for score, size, measure_id, i in best:
        record = measures[i]
        found.append((score, order[Label.MEASURE], size, measure_id, {
            "id": measure_id, "label": Label.MEASURE, "name": record.get("title"), "name_en": None,
            "detail": cat.plans[record["plan_id"]]["title"]}))
    found.sort(key=lambda item: item[:4])
    return [row for *_, row in found[:limit]]
