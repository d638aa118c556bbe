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

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from graph.model import Label
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

    def keeps(self, hit: dict[str, Any], skip: str | None = None) -> bool:
        """Whether ``hit`` passes every filter except ``skip`` (for that facet's own counts)."""
        return ((skip == "kind" or self.kind is None or hit["label"] == self.kind)
                and (skip == "province" or self.province is None or self.province in hit["province_ids"])
                and (skip == "plan" or self.plan is None or hit.get("plan_id") == self.plan)
                and (skip == "year" or self.year is None or hit.get("year") == self.year))


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


def _name_score(record: dict[str, Any], q: str) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for name in _names(record):
        key = compact(name)
        score = 100 if key == q else 80 if key.startswith(q) else 60 if q in key else 0
        if score and (best is None or score > best[0]):
            best = (score, name)
    return best


def _all_in(terms: list[str], text: str) -> bool:
    return all(t in text for t in terms)


class Searcher:
    """One query over one catalogue."""

    def __init__(self, cat: Catalogue, text: str) -> None:
        self.cat = cat
        self.terms = terms_of(text[:MAX_QUERY])
        self.q = compact(text[:MAX_QUERY])

    def _plan_facts(self, plan_id: str | None) -> dict[str, Any]:
        plan = self.cat.plans.get(plan_id or "")
        if not plan:
            return {"plan_id": None, "plan": None, "province_ids": []}
        return {"plan_id": plan["id"], "plan": plan["title"], "province_ids": plan["provinces"]}

    def _entities(self) -> Iterator[dict[str, Any]]:
        kinds = ((self.cat.places, None), (self.cat.sites, None), (self.cat.agencies, None),
                 (self.cat.organizations, None))
        for records, _ in kinds:
            for record in records.values():
                found = _name_score(record, self.q)
                if found:
                    score, name = found
                    yield {"label": record["label"], "id": record["id"], "title": record.get("name"),
                           "name_en": record.get("name_en"), "field": "name",
                           "snippet": snippet(name, [self.q]) if name != record.get("name") else None,
                           "score": score, "province_ids": record.get("provinces") or [], "plan_id": None,
                           "plan": None, "year": None, "detail": record.get("kind") or record.get("jurisdiction")}
        for plan in self.cat.plans.values():
            if plan["cited_only"]:
                continue
            found = _name_score(plan, self.q)
            if found:
                yield {"label": Label.PLAN, "id": plan["id"], "title": plan["title"], "field": "title",
                       "snippet": snippet(plan["title"], self.terms, before=200, after=200),
                       "score": found[0] - 30, "province_ids": plan["provinces"], "plan_id": plan["id"],
                       "plan": plan["title"], "year": plan["year"], "detail": plan.get("doc_number")}

    def _matching_sites(self) -> dict[str, str]:
        return {sid: site["name"] for sid, site in self.cat.sites.items() if _name_score(site, self.q)}

    def _texts(self) -> Iterator[dict[str, Any]]:
        sites = self._matching_sites()
        for m in self.cat.measures.values():
            title, text = (m.get("title") or ""), (m.get("text") or "")
            via = [sites[s] for s in m["sites"] if s in sites]
            if _all_in(self.terms, m["_title"]):
                score, field, shown = 40, "title", title
            elif _all_in(self.terms, m["_text"]):
                score, field, shown = 20, "text", text
            elif via:
                score, field, shown = 15, "site", text
            else:
                continue
            plan = self._plan_facts(m["plan_id"])
            yield {"label": Label.MEASURE, "id": m["id"], "title": title, "number": m.get("number"), "field": field,
                   "snippet": snippet(shown, self.terms if field != "site" else [v.lower() for v in via]),
                   "score": score, "via": via, **plan, "year": self.cat.plans[m["plan_id"]]["year"],
                   "detail": m.get("section")}
        for t in self.cat.targets.values():
            metric, text = (t.get("metric") or ""), (t.get("text") or "")
            via = [sites[s] for s in t["sites"] if s in sites]
            if _all_in(self.terms, t["_title"]):
                score, field, shown = 35, "metric", text or metric
            elif _all_in(self.terms, t["_text"]):
                score, field, shown = 18, "text", text
            elif via:
                score, field, shown = 14, "site", text or metric
            else:
                continue
            plan = self._plan_facts(t["plan_id"])
            yield {"label": Label.TARGET, "id": t["id"], "title": metric, "field": field,
                   "snippet": snippet(shown, self.terms if field != "site" else [v.lower() for v in via]),
                   "score": score, "via": via, **plan, "year": t.get("year"),
                   "amount": {k: t.get(k) for k in ("comparator", "value", "value_max", "unit", "qualitative")}}

    def hits(self) -> list[dict[str, Any]]:
        if not self.terms:
            return []
        found = [*self._entities(), *self._texts()]
        order = {label: i for i, label in enumerate(KIND_ORDER)}
        found.sort(key=lambda h: (-h["score"], order.get(h["label"], 99), len(h["title"] or ""), h["id"]))
        return found


def _facets(cat: Catalogue, hits: list[dict[str, Any]], where: SearchFilter) -> dict[str, list[dict[str, Any]]]:
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    for hit in hits:
        if where.keeps(hit, "kind"):
            counts["kind"][hit["label"]] += 1
        if where.keeps(hit, "province"):
            counts["province"].update(set(hit["province_ids"]))
        if where.keeps(hit, "plan") and hit.get("plan_id"):
            counts["plan"][hit["plan_id"]] += 1
        if where.keeps(hit, "year") and hit.get("year"):
            counts["year"][hit["year"]] += 1
    order = {label: i for i, label in enumerate(KIND_ORDER)}
    return {
        "kind": [{"value": k, "count": n} for k, n in sorted(counts["kind"].items(), key=lambda kv: order[kv[0]])],
        "province": [{"value": k, "name": cat.province_name(k), "name_en": cat.places.get(k, {}).get("name_en"),
                      "count": n} for k, n in sorted(counts["province"].items(), key=lambda kv: (-kv[1], kv[0]))],
        "plan": [{"value": k, "name": cat.plans[k]["title"], "count": n}
                 for k, n in counts["plan"].most_common(PLAN_FACET_LIMIT)],
        "year": [{"value": k, "count": n} for k, n in sorted(counts["year"].items())],
    }


def search(cat: Catalogue, text: str, where: SearchFilter, page: PageRequest) -> dict[str, Any]:
    """One page of hits for ``text`` narrowed by ``where``, with the facet counts."""
    hits = Searcher(cat, text).hits()
    kept = [h for h in hits if where.keeps(h)]
    facets = _facets(cat, hits, where)
    items = [{**h, "provinces": [cat.province_name(p) for p in h["province_ids"]]}
             for h in kept[page.skip:page.skip + page.limit]]
    for item in items:
        del item["province_ids"]
    return {"q": text, "items": items, "page": max(1, page.page), "page_size": page.limit, "total": len(kept),
            "facets": facets}
