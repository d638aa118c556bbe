"""Which plans resemble each other, and in what.

Each plan gets a profile: the agencies it names (responsible, coordinating,
issuing), the sites its measures and targets name, the categories of its
quantitative targets, and the vocabulary of its measures (jieba tokens). The
word splitter is a parameter: by default jieba with its own dictionary; the
service (``queries.analysis_service``) passes the loaders' segmenter, whose
dictionary also knows the names of places, sites and agencies, so the words
are the units the loaders and the search use (this package reads nothing of
the extraction).
Two plans compare aspect by aspect — Jaccard overlap for the sets, cosine of
tf-idf weights for the vocabulary, so words every plan uses (推动, 加强) count
little — and the score is the mean over the aspects either plan has. Every pair
comes with what the two plans share, so an analyst can see why.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from graph.analysis.convert import display_name, in_edges, nodes_with_label, out_edges
from graph.model import Label, Rel

ASPECTS = ("agencies", "sites", "categories", "vocabulary")
#: splits a text into words
Tokens = Callable[[str], list[str]]
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
#: how many shared words a pair lists (the most distinctive first)
SHARED_WORDS = 12


@dataclass
class PlanProfile:
    """What one plan is made of, as sets an analyst can read."""

    plan: str
    title: str
    agencies: set[str] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    words: Counter = field(default_factory=Counter)


def jieba_words(text: str) -> list[str]:
    """Words of ``text`` by jieba's own dictionary (punctuation and blanks dropped): the default splitter.

    >>> jieba_words("推动湖区打造人工智能产业集群。")
    ['推动', '湖区', '打造', '人工智能', '产业', '集群']
    """
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [w for w in jieba.lcut(text) if _WORD.match(w)]


def plan_profiles(G: nx.MultiDiGraph, tokens: Tokens | None = None) -> dict[str, PlanProfile]:
    """A profile per plan held in full (cited-only plans have no content to compare).

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> p = plan_profiles(to_networkx(tiny_graph()))["plan-b"]
    >>> sorted(p.sites), sorted(p.categories), p.words["湖区"]
    (['湖区'], ['ai_core_industry_scale'], 1)
    """
    tokens = tokens or jieba_words
    profiles = {}
    for plan in nodes_with_label(G, Label.PLAN):
        attrs = G.nodes[plan]
        if attrs.get("cited_only"):
            continue
        profile = PlanProfile(plan, display_name(attrs, plan))
        measures = [m for m, _ in out_edges(G, plan, Rel.HAS_MEASURE)]
        targets = [t for t, _ in out_edges(G, plan, Rel.SETS_TARGET)]
        targets += [t for m in measures for t, _ in out_edges(G, m, Rel.SETS_TARGET)]
        agencies = {a for m in measures for a, _ in in_edges(G, m, Rel.RESPONSIBLE_FOR)}
        agencies |= {a for a, _ in in_edges(G, plan, Rel.COORDINATES)}
        agencies |= {a for a, _ in out_edges(G, plan, Rel.ISSUED_BY)}
        profile.agencies = {display_name(G.nodes[a], a) for a in agencies}
        sites = {s for n in [*measures, *targets] for s, _ in out_edges(G, n, Rel.AT_SITE)}
        profile.sites = {display_name(G.nodes[s], s) for s in sites}
        profile.categories = {G.nodes[t]["metric_category"] for t in targets
                              if G.nodes[t].get("metric_category") and not G.nodes[t].get("qualitative")}
        for m in measures:
            text = G.nodes[m].get("text") or G.nodes[m].get("title") or ""
            profile.words.update(w for w in tokens(text) if len(w) >= 2 and not w.isdigit())
        profiles[plan] = profile
    return profiles


def _jaccard(a: set[str], b: set[str]) -> float | None:
    union = a | b
    return len(a & b) / len(union) if union else None


def _tfidf(profiles: dict[str, PlanProfile]) -> dict[str, dict[str, float]]:
    """Smoothed tf-idf (as scikit-learn's default), so a word all plans use still counts a little."""
    n = len(profiles)
    df = Counter(w for p in profiles.values() for w in p.words)
    idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
    return {k: {w: c * idf[w] for w, c in p.words.items()} for k, p in profiles.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float | None:
    if not a and not b:
        return None
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def plan_similarity(G: nx.MultiDiGraph, top: int | None = None, tokens: Tokens | None = None) -> list[dict[str, Any]]:
    """Pairs of plans, most similar first, with each aspect's score and what they share.

    ``tokens`` splits measures' text into words (default ``jieba_words``).

    >>> from graph.analysis import to_networkx
    >>> from graph.analysis.examples import tiny_graph
    >>> pairs = plan_similarity(to_networkx(tiny_graph()))
    >>> first = pairs[0]
    >>> first["plan_a"][:2], first["plan_b"][:2], first["shared_categories"]
    ('乙省', '乙市', ['ai_core_industry_scale'])
    >>> [round(first[a], 2) if first[a] is not None else None for a in ASPECTS]
    [None, 1.0, 1.0, 0.0]
    """
    profiles = plan_profiles(G, tokens)
    weights = _tfidf(profiles)
    n = len(profiles)
    df = Counter(w for p in profiles.values() for w in p.words)
    # for listing shared words: words every plan uses (人工智能, 推动) say nothing about a pair
    distinct = {w: math.log((1 + n) / (1 + d)) for w, d in df.items()}
    rows = []
    for a, b in combinations(sorted(profiles), 2):
        pa, pb = profiles[a], profiles[b]
        scores = {
            "agencies": _jaccard(pa.agencies, pb.agencies),
            "sites": _jaccard(pa.sites, pb.sites),
            "categories": _jaccard(pa.categories, pb.categories),
            "vocabulary": _cosine(weights[a], weights[b]),
        }
        present = [s for s in scores.values() if s is not None]
        shared_words = sorted(set(pa.words) & set(pb.words),
                              key=lambda w: (-min(pa.words[w], pb.words[w]) * distinct[w],
                                             -min(pa.words[w], pb.words[w]), w))[:SHARED_WORDS]
        rows.append({
            "plan_a": pa.title, "plan_b": pb.title,
            "score": round(sum(present) / len(present), 6) if present else 0.0,
            **{k: None if v is None else round(v, 6) for k, v in scores.items()},
            "shared_agencies": sorted(pa.agencies & pb.agencies), "shared_sites": sorted(pa.sites & pb.sites),
            "shared_categories": sorted(pa.categories & pb.categories), "shared_words": shared_words,
            "plan_a_id": a, "plan_b_id": b,
        })
    rows.sort(key=lambda r: (-r["score"], r["plan_a"], r["plan_b"]))
    return rows[:top] if top else rows


def similarity_graph(G: nx.MultiDiGraph, min_score: float = 0.0, tokens: Tokens | None = None) -> nx.Graph:
    """Plans as nodes, linked by their similarity ``weight`` (pairs above ``min_score``)."""
    S = nx.Graph()
    for plan, profile in plan_profiles(G, tokens).items():
        S.add_node(plan, title=profile.title)
    for row in plan_similarity(G, tokens=tokens):
        if row["score"] > min_score:
            S.add_edge(row["plan_a_id"], row["plan_b_id"], weight=row["score"])
    return S
