"""Synthetic policy documents at any scale, reproducible from a seed number.

    python -m bench.corpus N OUT_DIR [--seed S]

writes N documents in the layouts of the seed documents and of the
development set (a news report with markdown headings and a task list; an
一、/（一） outline with （责任单位：…） lists; a web page with menus, footers,
专栏 boxes, numbered items and city-by-city bases; a news report followed by
unrelated headlines; a government page with a metadata header and 1.–45.
items; 牵头单位/配合单位 lists; 第一条【…】 articles), some of them reposted in
Traditional script or saved as GB18030, with CRLF line ends or a BOM.

Each document is drawn from its own generator seeded by (seed, number), so
the same N and seed give byte-identical files, and the first 100 documents of
a 1,000-document corpus are the 100-document corpus. No two documents share a
title (a plan is known by its title: they would be one plan). Places come from
``loaders/dictionaries/regions.csv``, department forms from
``agency_forms.csv``, known sites and organizations from their lists, and the
wording from ``bench/corpus_vocab.toml``. It knows nothing of how the
extractor works: it only writes documents the way governments publish them.
``manifest.jsonl`` beside them says what each document was made of (layout,
region, measure and goal counts), for checks at scale.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import tomllib
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from bench import corpus_layouts as layouts

HERE = Path(__file__).resolve().parent
DICTIONARIES = HERE.parent / "loaders" / "dictionaries"

#: layout name -> share of the corpus
LAYOUT_WEIGHTS = {
    "news_markdown": 12, "outline_responsible": 18, "web_page_boxes": 10, "news_headlines": 10,
    "gov_page_numbered": 18, "lead_support": 18, "articles": 14,
}
TRADITIONAL_SHARE = 0.12
GB18030_SHARE = 0.05
BOM_SHARE = 0.03
CRLF_SHARE = 0.04


# -- the facts the corpus draws from -------------------------------------------------------------
@dataclass(frozen=True)
class Region:
    name: str
    short: str
    level: str  # Province, City, District
    province: str
    city: str  # the city of a district, the city itself, "" for a province
    name_en: str
    #: what departments of this region are prefixed with: 省, 自治区, 市, 区, 县
    prefix: str

    @property
    def provincial(self) -> bool:
        return self.level == "Province" or self.name == self.province


@dataclass(frozen=True)
class Facts:
    provinces: tuple[Region, ...]
    cities: tuple[Region, ...]
    districts: tuple[Region, ...]
    by_name: dict[str, Region]
    abbreviations: dict[str, str]
    sites: tuple[dict[str, str], ...]
    organizations: tuple[str, ...]
    institutes: tuple[dict[str, str], ...]
    forms: tuple[dict[str, str], ...]
    vocab: dict


@cache
def facts() -> Facts:
    vocab = tomllib.loads((HERE / "corpus_vocab.toml").read_text(encoding="utf-8"))
    abbreviations = vocab["provinces"]
    rows = _csv("regions.csv")
    by_name: dict[str, Region] = {}
    provinces, cities, districts = [], [], []
    for row in rows:
        if row["level"] == "Province" and row["name"] in abbreviations:
            prefix = "自治区" if row["name"].endswith("自治区") else "省"
            region = Region(row["name"], row["short"], "Province", row["name"], "", row["name_en"], prefix)
            provinces.append(region)
        elif row["level"] == "City" and row["provincial_level"] and row["name"] in abbreviations:
            region = Region(row["name"], row["short"], "City", row["name"], row["name"], row["name_en"], "市")
            provinces.append(region)
        elif (row["level"] == "City" and not row["county_level"] and row["name"].endswith("市")
              and row["province"] in abbreviations):
            region = Region(row["name"], row["short"], "City", row["province"], row["name"], row["name_en"], "市")
            cities.append(region)
        else:
            continue
        by_name[region.name] = region
    for row in rows:
        parent = by_name.get(row["parent"])
        if row["level"] == "District" and parent and row["name"][-1] in "区县" and len(row["name"]) >= 2:
            region = Region(row["name"], row["short"], "District", parent.province, parent.name,
                            row["name_en"], row["name"][-1])
            districts.append(region)
    forms = tuple(r for r in _csv("agency_forms.csv") if r["kind"] in ("government", "party"))
    return Facts(tuple(provinces), tuple(cities), tuple(districts), by_name, abbreviations,
                 tuple(_csv("sites.csv")), tuple(r["name"] for r in _csv("organizations.csv")),
                 tuple(_csv("agencies.csv")), forms, vocab)


def _csv(name: str) -> list[dict[str, str]]:
    with open(DICTIONARIES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- what one plan says, before it is laid out ---------------------------------------------------
@dataclass
class Measure:
    title: str
    sentences: list[str]
    responsible: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    goal: str | None = None

    @property
    def text(self) -> str:
        return "".join(self.sentences)


@dataclass
class Section:
    title: str
    measures: list[Measure]


@dataclass
class Plan:
    region: Region
    title: str  # without 《》
    kind: str
    theme: str
    short_name: str  # 《行动方案》
    period: tuple[int, int] | None
    issuer: list[str]  # full names
    signature: list[str]  # as signed (short forms)
    doc_number: str
    issued: dt.date
    published: dt.date
    purpose: str
    aims: list[str]
    cited: list[tuple[str, str]]
    goals: list[str]  # goal paragraphs
    goal_count: int
    sections: list[Section]
    closing: list[tuple[str, str]]
    coordinator: str
    leading_group: str
    sites: list[str]
    site_cities: list[tuple[str, list[str]]]  # (city short, sites) for a bases box
    organizations: list[str]
    category: str

    @property
    def measures(self) -> list[Measure]:
        return [m for s in self.sections for m in s.measures]


def draw_plan(rng: random.Random) -> Plan:
    """One plan's content: where, what, who, which goals and measures."""
    f = facts()
    v = f.vocab
    level = rng.choices(["Province", "City", "District"], [35, 45, 20])[0]
    region = rng.choice({"Province": f.provinces, "City": f.cities, "District": f.districts}[level])
    title_phrase, theme = rng.choice(v["plan"]["themes"])
    kind, has_period = rng.choice(v["plan"]["kinds"])
    start = rng.randint(2019, 2026)
    period = (start, start + rng.choice([2, 2, 3, 4, 5])) if has_period else None
    title_region = _title_region(region, rng)
    if has_period:
        title = f"{title_region}{title_phrase}{kind}（{period[0]}—{period[1]}年）"
    elif rng.random() < 0.5:
        title = f"{title_region}关于{title_phrase.removeprefix('推动').removeprefix('支持')}的{kind}"
    else:
        title = f"{title_region}{title_phrase}{kind}"
    end_year = period[1] if period else start + rng.choice([1, 2, 3])
    issued = dt.date(start - rng.choice([0, 0, 1]), rng.randint(1, 12), rng.randint(1, 28))
    published = issued + dt.timedelta(days=rng.randint(1, 20))
    issuer, signature = _issuer(region, rng)
    departments = _departments(region, rng)
    sites, site_cities = _sites(region, rng)
    organizations = rng.sample(f.organizations, rng.randint(0, 3))
    goal_count, goals = _goals(region, start, end_year, rng)
    sections = _sections(region, kind, theme, start, end_year, departments, sites, organizations, rng)
    closing = [tuple(item) for item in rng.sample(v["outline"]["closing_items"], rng.randint(2, 5))]
    return Plan(
        region=region, title=title, kind=kind, theme=theme, short_name=f"《{_core_kind(kind)}》",
        period=period, issuer=issuer, signature=signature, doc_number=_doc_number(region, issued.year, rng),
        issued=issued, published=published, purpose=rng.choice(v["plan"]["purposes"]),
        aims=rng.sample(v["plan"]["aims"], 2), cited=[tuple(c) for c in rng.sample(v["plan"]["cited"], 2)],
        goals=goals, goal_count=goal_count, sections=sections, closing=closing,
        coordinator=departments[0], leading_group=f"{region.prefix}人工智能发展领导小组",
        sites=sites, site_cities=site_cities, organizations=organizations,
        category=rng.choice(v["plan"]["categories"]),
    )


def _core_kind(kind: str) -> str:
    return {"三年行动计划": "行动计划", "若干政策措施": "若干措施"}.get(kind, kind)


def _title_region(region: Region, rng: random.Random) -> str:
    if region.level == "District" and rng.random() < 0.6:
        return facts().by_name[region.city].name + region.name
    return region.name


def _issuer(region: Region, rng: random.Random) -> tuple[list[str], list[str]]:
    """Full issuer names and the short forms a signature uses."""
    p = region.prefix
    if region.level == "Province" and rng.random() < 0.35:
        a = ("科学技术厅", "科技厅")
        b = rng.choice([("工业和信息化厅", "工业和信息化厅"), ("发展和改革委员会", "发展改革委")])
        return [region.name + a[0], region.name + b[0]], [p + a[1], p + b[1]]
    if region.level == "Province" and rng.random() < 0.15:
        return [f"中共{region.name}委科技委员会"], [f"{p}委科技委员会"]
    office = "人民政府办公厅" if region.provincial else "人民政府办公室"
    if region.level == "District" and rng.random() < 0.5:
        return [region.name + "人民政府"], [region.name + "人民政府"]
    return [region.name + office], [p + "政府" + office[4:]]


def _departments(region: Region, rng: random.Random) -> list[str]:
    """Departments as a plan of this region writes them: 省科技厅, 市发改委, 区工信局."""
    f = facts()
    pool = f.vocab["responsibility"]["province_forms" if region.level == "Province" else "city_forms"]
    known = {r["short"] for r in f.forms}
    pool = [form for form in pool if form in known]
    extra = [r["short"] for r in f.forms if r["short"].endswith("厅" if region.level == "Province" else "局")
             and len(r["short"]) <= 6 and r["short"] not in pool]
    chosen = rng.sample(pool, min(len(pool), rng.randint(6, 12))) + rng.sample(extra, min(len(extra), 2))
    full = {r["short"]: r["full"] for r in f.forms}
    seen: set[str] = set()
    names = []
    for form in chosen:  # two short forms of one department (工信厅, 工业和信息化厅) name one body
        if full[form] not in seen:
            seen.add(full[form])
            names.append(region.prefix + form)
    institutes = [r["name"] for r in f.institutes if r["jurisdiction"] in (region.province, region.city)]
    if institutes and rng.random() < 0.5:
        names.insert(rng.randint(1, 3), rng.choice(institutes))
    return names


def _sites(region: Region, rng: random.Random) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Sites a plan names: known ones of its province and made-up ones of its cities."""
    f = facts()
    endings = f.vocab["sites"]["endings"]
    known = [s["name"] for s in f.sites if s["city"] in f.by_name and (
        f.by_name[s["city"]].province == region.province if region.level == "Province" else s["city"] == region.city)]
    if region.level == "Province":
        places = [c for c in f.cities if c.province == region.province] or [region]
    elif region.level == "City":
        places = [d for d in f.districts if d.city == region.name] or [region]
    else:
        places = [region]
    site_cities = []
    for place in rng.sample(places, min(len(places), rng.randint(3, 6))):
        site_cities.append((place.short, [place.short + e for e in rng.sample(endings, rng.randint(1, 3))]))
    made = [s for _, names in site_cities for s in names]
    sites = rng.sample(known, min(len(known), rng.randint(0, 2))) + rng.sample(made, min(len(made), rng.randint(1, 3)))
    return sites, site_cities


def _number(rng: random.Random, low: float, high: float, unit: str) -> str:
    value = rng.uniform(low, high)
    if unit in ("EFLOPS", "亿元") and high <= 100 and rng.random() < 0.3:
        return f"{value:.1f}"
    return str(int(value))


def _goals(region: Region, start: int, end: int, rng: random.Random) -> tuple[int, list[str]]:
    v = facts().vocab["targets"]
    quantitative = rng.sample(v["quantitative"], rng.randint(2, 6))
    clauses = [q[0].format(value=_number(rng, q[2], q[3], q[1])) for q in quantitative]
    qual = rng.sample(v["qualitative"], 2)
    split = max(1, len(clauses) - rng.randint(0, 2))
    paragraphs = [f"到{end}年，{region.short}{qual[0]}，" + "，".join(clauses[:split]) + "。"]
    count = split + 1
    if clauses[split:] or rng.random() < 0.5:
        later = end + rng.choice([3, 5])
        rest = "，".join(clauses[split:])
        paragraphs.append(f"到{later}年，{qual[1]}" + (f"，{rest}" if rest else "") + "。")
        count += len(clauses[split:]) + 1
    return count, paragraphs


def _sections(region, kind, theme, start, end, departments, sites, organizations, rng) -> list[Section]:
    v = facts().vocab
    m = v["measures"]
    total = rng.choice([rng.randint(8, 16), rng.randint(14, 28), rng.randint(24, 45)])
    n_sections = max(2, min(5, total // rng.randint(3, 6)))
    titles = rng.sample(v["outline"]["task_sections"], n_sections)
    cuts = sorted(rng.sample(range(1, total), n_sections - 1))
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    used: set[str] = set()
    sections = []
    grants = "措施" in kind or "政策" in kind
    for title, size in zip(titles, sizes, strict=True):
        measures = []
        for _ in range(size):
            name = measure_title(rng, used)
            sentences = [s.format(theme=theme, region=region.short, n=rng.randint(2, 30))
                         for s in rng.sample(m["sentences"], rng.randint(3, 6))]
            measure = Measure(name, sentences)
            if sites and rng.random() < 0.3:
                site = rng.choice(sites)
                measure.sites.append(site)
                sentences.insert(rng.randint(0, len(sentences)), rng.choice(m["site_sentences"]).format(site=site))
            if organizations and rng.random() < 0.15:
                sentences.append(rng.choice(m["org_sentences"]).format(org=rng.choice(organizations)))
            if rng.random() < 0.15:
                template, _unit = rng.choice(m["measure_goals"])
                measure.goal = template.format(year=rng.randint(start, end), value=rng.randint(2, 80))
                sentences.append(measure.goal)
            if grants and rng.random() < 0.5:
                sentences.append(rng.choice(m["incentives"]).format(
                    rate=rng.choice([5, 10, 20, 30, 50]), cap=rng.choice([50, 100, 200, 500, 600, 1000]),
                    years=rng.randint(2, 3)))
            names = rng.sample(departments, min(len(departments), rng.randint(1, 5)))
            measure.responsible = names
            measure.lead, measure.support = names[:1 + (len(names) > 3 and rng.random() < 0.3)], names[1:]
            if len(measure.lead) == 2:
                measure.support = names[2:]
            measures.append(measure)
        sections.append(Section(title, measures))
    return sections


def title_pool() -> list[tuple[list[str], str]]:
    """(verbs, object) pairs of measure titles: 统筹|加强:科学智算高效供给."""
    pairs = []
    for entry in facts().vocab["measures"]["titles"]:
        verbs, obj = entry.split(":", 1)
        pairs.append((verbs.split("|"), obj))
    return pairs


def measure_title(rng: random.Random, used: set[str] | None = None) -> str:
    used = set() if used is None else used
    pool = title_pool()
    for _ in range(50):
        verbs, obj = rng.choice(pool)
        title = rng.choice(verbs) + obj
        if title not in used:
            break
    used.add(title)
    return title


def _doc_number(region: Region, year: int, rng: random.Random) -> str:
    f = facts()
    n = rng.randint(1, 160)
    if region.level == "Province" or region.provincial:
        return f"{f.abbreviations[region.province]}{rng.choice(['办函', '府办', '府办发', '科发'])}〔{year}〕{n}号"
    return f"{region.short[:1]}{rng.choice(['府办', '府', '府办发', '政办发'])}〔{year}〕{n}号"


# -- writing the corpus --------------------------------------------------------------------------
@dataclass
class Written:
    file: str
    layout: str
    traditional: bool
    encoding: str
    region: str
    level: str
    title: str
    #: numbered items the page shows (measures at every depth)
    items: int
    #: dated goal clauses the page states (the plan's and those inside measures)
    goals: int
    #: (agency, measure) pairs named in responsibility brackets
    responsible: int
    chars: int


def document(seed: int, number: int, taken: set[str] | None = None) -> tuple[str, bytes, Written]:
    """The file name, bytes and description of document ``number`` of the corpus ``seed``.

    ``taken`` holds the titles of the documents before it: a plan is known by its title, so two
    different documents under one title would be one plan; a title already taken is drawn again
    (from the same generator, so the corpus stays reproducible).
    """
    rng = random.Random(f"policykg-corpus:{seed}:{number}")
    plan = draw_plan(rng)
    while taken is not None and plan.title in taken:
        plan = draw_plan(rng)
    if taken is not None:
        taken.add(plan.title)
    layout = rng.choices(list(LAYOUT_WEIGHTS), list(LAYOUT_WEIGHTS.values()))[0]
    page = layouts.LAYOUTS[layout](plan, rng)
    text = page.text
    traditional = rng.random() < TRADITIONAL_SHARE
    if traditional:
        text = _traditional(text)
    encoding = "utf-8"
    roll = rng.random()
    if roll < GB18030_SHARE:
        encoding = "gb18030"
    elif roll < GB18030_SHARE + BOM_SHARE:
        encoding = "utf-8-sig"
    if rng.random() < CRLF_SHARE:
        text = text.replace("\n", "\r\n")
    name = f"{number:05d}_{layout}{'_trad' if traditional else ''}.txt"
    info = Written(name, layout, traditional, encoding, plan.region.name, plan.region.level, plan.title,
                   page.items, (plan.goal_count if page.states_goals else 0)
                   + sum(1 for m in plan.measures if m.goal), page.responsible, len(text))
    return name, text.encode(encoding), info


def _traditional(text: str) -> str:
    return _s2t().convert(text)


@cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2tw")


def write_corpus(n: int, out_dir: Path, seed: int = 0) -> list[Written]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    taken: set[str] = set()
    with open(out_dir / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for number in range(n):
            name, data, info = document(seed, number, taken)
            (out_dir / name).write_bytes(data)
            manifest.write(json.dumps(asdict(info), ensure_ascii=False) + "\n")
            written.append(info)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out_dir", type=Path, help="folder to write them to (created)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = parser.parse_args(argv)
    written = write_corpus(args.n, args.out_dir, args.seed)
    chars = sum(w.chars for w in written)
    print(f"wrote {len(written)} documents, {chars} characters, to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
