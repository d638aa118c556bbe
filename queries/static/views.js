// The entity views: home, search results, plan, agency, site, place and any node.
// Each view gets its data from one /api/ call and pages its lists through more.

import {
  amountText, api, countedSection, displayName, empty, entityHref, entityLink, evidence, facet, h, kindBadge,
  marked, ownerList, pagedList, propertyTable, roleLabel, routeWith, section, setTitle, t, targetLine, tOr,
} from "./core.js";
import { graphPanel, prefetchGraphLibrary } from "./graph.js";

const pageFetcher = (path) => (page) => api(path, { page });

function heading(label, name, nameEn, extra = null) {
  return h("header", { class: "entity-head" }, kindBadge(label),
    h("h1", { class: "entity-title" }, displayName(name, nameEn)),
    nameEn && displayName(name, nameEn) !== name ? h("p", { class: "secondary" }, name) : null,
    nameEn && displayName(name, nameEn) === name ? h("p", { class: "secondary" }, nameEn) : null,
    extra);
}

function linkItems(items, label) {
  if (!items || !items.length) return null;
  return h("ul", { class: "links" }, items.map((item) =>
    h("li", {}, entityLink(item.label ?? label, item.id, item.name, item.name_en), evidence(item.evidence))));
}

function labelled(key, content) {
  return content ? h("div", { class: "labelled" }, h("h3", {}, t(key)), content) : null;
}

// -- home -------------------------------------------------------------------
export async function homeView() {
  const plans = pageFetcher("/api/plans");
  const [facets, first] = await Promise.all([api("/api/targets/facets"), plans(1)]);
  return h("div", { class: "home" },
    h("h1", {}, t("home_title")),
    h("p", { class: "intro" }, t("home_intro")),
    h("ul", { class: "home-links" },
      h("li", {}, h("a", { href: "#/browse/plans" }, t("browse_plans"))),
      h("li", {}, h("a", { href: "#/browse/agencies" }, t("browse_agencies"))),
      h("li", {}, h("a", { href: "#/browse/sites" }, t("browse_sites"))),
      h("li", {}, h("a", { href: "#/targets" }, t("targets_title"))),
      h("li", {}, h("a", { href: "#/charts" }, t("charts_title")))),
    section("home_provinces", h("ul", { class: "chips" }, facets.provinces.map((p) =>
      h("li", {}, entityLink("Province", p.id, p.name, p.name_en))))),
    countedSection("home_plans", first.total, pagedList(first, plans, (items) =>
      h("ul", { class: "plan-list" }, items.map((p) => h("li", {},
        entityLink("Plan", p.id, p.title),
        h("span", { class: "muted" }, ` ${[p.kind, p.doc_number, (p.places || []).join("、")].filter(Boolean).join(" · ")}`)))),
    { name: "plans" })));
}

// -- search -----------------------------------------------------------------
const SEARCH_FILTERS = ["kind", "province", "plan", "year"];

function searchHit(item) {
  const amount = item.amount ? amountText(item.amount) : "";
  const inTitle = item.field === "title" && item.snippet;
  return h("li", { class: "hit", dataset: { label: item.label, id: item.id, field: item.field } },
    h("div", { class: "hit-head" }, kindBadge(item.label), " ",
      item.number ? h("span", { class: "number" }, `${item.number} `) : null,
      h("a", { href: entityHref(item.label, item.id), class: "hit-title" },
        inTitle ? marked(item.snippet) : displayName(item.title, item.name_en)),
      amount ? h("span", { class: "amount" }, ` ${amount}`) : null,
      item.year && item.label === "Target" ? h("span", { class: "year" }, ` ${item.year}`) : null),
    item.snippet && !inTitle ? h("p", { class: "hit-snippet" }, marked(item.snippet)) : null,
    item.via && item.via.length ? h("p", { class: "muted via" }, t("search_via_site", { names: item.via.join("、") })) : null,
    item.plan_id && item.label !== "Plan" ? h("p", { class: "muted hit-plan" }, entityLink("Plan", item.plan_id, item.plan),
      item.provinces && item.provinces.length ? ` · ${item.provinces.join("、")}` : "") : null);
}

export async function searchView(params) {
  const q = (params.get("q") ?? "").trim();
  if (!q) return h("div", { class: "search-view" }, h("h1", {}, t("search_results")), h("p", { class: "muted" }, t("search_empty")));
  const chosen = Object.fromEntries(SEARCH_FILTERS.map((k) => [k, params.get(k) ?? ""]));
  const fetchPage = (page) => api("/api/search", { q, ...chosen, page });
  const first = await fetchPage(1);
  setTitle(`${t("search_results")}: ${q}`);
  const hrefWith = (name, value) => routeWith("#/search", { q, ...chosen, [name]: value });
  const f = first.facets;
  return h("div", { class: "search-view" },
    h("h1", {}, `${t("search_results")}: `, h("q", {}, q)),
    h("p", { class: "muted", role: "status" }, t("search_total", { n: first.total })),
    h("div", { class: "with-facets" },
      h("aside", { class: "facets", "aria-label": t("facets") }, h("h2", { class: "visually-hidden" }, t("facets")),
        facet("facet_kind", "kind", f.kind, chosen.kind, hrefWith, (row) => t(`kind_${row.value}`)),
        facet("province", "province", f.province, chosen.province, hrefWith, (row) => displayName(row.name, row.name_en)),
        facet("plan", "plan", f.plan, chosen.plan, hrefWith),
        facet("year", "year", f.year, chosen.year, hrefWith)),
      h("div", { class: "results" }, first.total ? pagedList(first, fetchPage, (items) =>
        h("ol", { class: "search-results" }, items.map(searchHit)), { name: "search" })
        : h("p", { class: "muted" }, t("search_none")))));
}

// -- plan -------------------------------------------------------------------
function measureItem(m) {
  return h("li", { class: `measure level-${m.level ?? 1}`, dataset: { measureId: m.id } },
    h("div", { class: "measure-head" },
      h("span", { class: "number" }, m.number ?? ""), " ",
      h("a", { class: "measure-title", href: entityHref("Measure", m.id) }, m.title ?? ""),
      evidence(m.text, "text")),
    h("div", { class: "measure-facts" },
      m.owners && m.owners.length ? h("div", { class: "measure-owners" },
        h("span", { class: "facts-label" }, `${t("owners")}: `), ownerList(m.owners)) : null,
      m.sites && m.sites.length ? h("div", { class: "measure-sites" }, h("span", { class: "facts-label" }, `${t("sites")}: `),
        m.sites.map((s) => h("span", { class: "site-ref" }, entityLink("Site", s.id, s.name, s.name_en), evidence(s.evidence)))) : null,
      m.targets && m.targets.length ? h("ul", { class: "measure-targets" }, m.targets.map((tg) =>
        h("li", {}, targetLine(tg), evidence(tg.evidence)))) : null));
}

function measureOutline(items) {
  const list = h("ol", { class: "outline" });
  let section_ = null;
  for (const m of items) {
    if (m.section && m.section !== section_) {
      section_ = m.section;
      list.append(h("li", { class: "outline-section" }, m.section));
    }
    list.append(measureItem(m));
  }
  return list;
}

function targetTable(items, { withPlan = false } = {}) {
  return h("table", { class: "data targets" },
    h("thead", {}, h("tr", {}, h("th", {}, t("year")), h("th", {}, t("metric")), h("th", {}, t("value")),
      withPlan ? h("th", {}, t("plan")) : null, h("th", {}, t("measure")), h("th", {}, t("evidence")))),
    h("tbody", {}, items.map((tg) => h("tr", { dataset: { targetId: tg.id, year: tg.year ?? "" } },
      h("td", { class: "year" }, tg.year ?? ""),
      h("td", {}, h("a", { href: entityHref("Target", tg.id) }, tg.metric ?? tg.text ?? ""),
        tg.qualitative ? h("span", { class: "badge qualitative" }, t("qualitative")) : null),
      h("td", { class: "num" }, amountText(tg)),
      withPlan ? h("td", {}, tg.plan_id ? entityLink("Plan", tg.plan_id, tg.plan) : "") : null,
      h("td", {}, tg.measure_id ? h("a", { href: entityHref("Measure", tg.measure_id) }, tg.measure)
        : h("span", { class: "muted" }, t("set_by_plan"))),
      h("td", {}, evidence(tg.evidence ?? tg.text))))));
}

/** Said once for the plan: its document names no owners, or how many measures lack one. */
function ownersNote(counts) {
  if (!counts.measures) return null;
  if (!counts.owned) return h("p", { class: "note owners-note" }, t("plan_no_owners"));
  const missing = counts.measures - counts.owned;
  return missing ? h("p", { class: "note owners-note" }, t("plan_some_owners", { n: missing, total: counts.measures })) : null;
}

export async function planView(id) {
  const plan = await api(`/api/plan/${encodeURIComponent(id)}`);
  const p = plan.properties;
  const period = p.period_start || p.period_end ? `${p.period_start ?? ""}–${p.period_end ?? ""}` : null;
  const links = plan.links;
  const base = `/api/plan/${encodeURIComponent(id)}`;
  return h("div", { class: "plan-view" },
    heading("Plan", p.title),
    h("p", { class: "doc-link" }, h("a", { href: `#/doc/${encodeURIComponent(id)}`, class: "button" }, t("read_document"))),
    section("plan_meta",
      propertyTable([["prop_kind", p.kind], ["prop_doc_number", p.doc_number], ["prop_date_issued", p.date_issued],
        ["prop_date_published", p.date_published], ["prop_period", period],
        ["prop_measure_count_declared", p.measure_count_declared], ["prop_index_number", p.index_number],
        ["prop_category", p.category]]),
      h("div", { class: "plan-links" },
        labelled("issued_by", linkItems(links.issued_by, "Agency")),
        labelled("coordinators", linkItems(links.coordinates, "Agency")),
        labelled("covers", linkItems(links.covers)),
        labelled("cites", linkItems(links.cites, "Plan")),
        labelled("cited_by", linkItems(links.cited_by, "Plan")))),
    countedSection("measures", plan.counts.measures, ownersNote(plan.counts),
      pagedList(plan.measures, pageFetcher(`${base}/measures`), measureOutline, { name: "measures" })),
    countedSection("targets", plan.targets.total, pagedList(plan.targets, pageFetcher(`${base}/targets`), (items) => targetTable(items), { name: "targets" })),
    countedSection("sites", plan.sites.total, pagedList(plan.sites, pageFetcher(`${base}/sites`), (items) =>
      h("ul", { class: "links" }, items.map((s) => h("li", {}, entityLink("Site", s.id, s.name, s.name_en),
        h("span", { class: "muted" }, ` ×${s.mentions}`), evidence(s.evidence)))), { name: "sites" })));
}

// -- agency -----------------------------------------------------------------
export async function agencyView(id) {
  const agency = await api(`/api/agency/${encodeURIComponent(id)}`);
  const a = agency.properties;
  const base = `/api/agency/${encodeURIComponent(id)}`;
  const issued = agency.plans.issued_by ?? [];
  const coordinated = agency.plans.coordinates ?? [];
  const owns = agency.measures.total;
  const roles = [issued.length ? t("agency_issues_n", { n: issued.length }) : null,
    coordinated.length ? t("agency_coordinates_n", { n: coordinated.length }) : null,
    owns ? t("agency_owns_n", { n: owns }) : null].filter(Boolean);
  return h("div", { class: "agency-view" },
    heading("Agency", a.name, a.name_en),
    h("p", { class: "agency-roles" }, roles.length ? roles.join(" · ") : t("agency_no_roles")),
    propertyTable([["prop_aliases", a.aliases], ["prop_jurisdiction", a.jurisdiction],
      ["prop_kind", a.kind ? tOr(`agency_kind_${a.kind}`, a.kind) : null]]),
    issued.length ? countedSection("plans_issued", issued.length, linkItems(issued, "Plan")) : null,
    coordinated.length ? countedSection("plans_coordinated", coordinated.length, linkItems(coordinated, "Plan")) : null,
    owns ? countedSection("agency_measures", owns, pagedList(agency.measures, pageFetcher(`${base}/measures`), (items) =>
      h("table", { class: "data stack" },
        h("thead", {}, h("tr", {}, h("th", {}, t("plan")), h("th", {}, t("measure")), h("th", {}, t("role")),
          h("th", {}, t("owners")))),
        h("tbody", {}, items.map((m) => h("tr", { dataset: { measureId: m.id } },
          h("td", { dataset: { label: t("plan") } }, entityLink("Plan", m.plan_id, m.plan)),
          h("td", { dataset: { label: t("measure") } }, h("span", { class: "number" }, m.number ?? ""), " ",
            h("a", { href: entityHref("Measure", m.id) }, m.title)),
          h("td", { dataset: { label: t("role") } }, `${roleLabel(m.role)} ${m.rank ?? ""}`, evidence(m.evidence)),
          h("td", { dataset: { label: t("owners") } }, ownerList(m.owners)))))), { name: "measures" }))
      : h("p", { class: "muted no-measures" }, t("agency_owns_none")),
    owns ? countedSection("co_owners", agency.co_owners.total, pagedList(agency.co_owners, pageFetcher(`${base}/co-owners`), (items) =>
      h("table", { class: "data" },
        h("thead", {}, h("tr", {}, h("th", {}, t("kind_Agency")), h("th", {}, t("shared_measures")))),
        h("tbody", {}, items.map((b) => h("tr", {}, h("td", {}, entityLink("Agency", b.id, b.name, b.name_en)),
          h("td", { class: "num" }, b.shared))))), { name: "co-owners" })) : null);
}

// -- site -------------------------------------------------------------------
export async function siteView(id) {
  const base = `/api/site/${encodeURIComponent(id)}`;
  prefetchGraphLibrary();
  const [site, trace] = await Promise.all([api(base), api(`${base}/graph`)]);
  const s = site.properties;
  const panel = graphPanel(trace.nodes, trace.edges, { rootId: id, id: "site-graph" });
  const view = h("div", { class: "site-view" },
    heading("Site", s.name, s.name_en),
    propertyTable([["prop_aliases", s.aliases], ["prop_kind", s.kind ? tOr(`site_kind_${s.kind}`, s.kind) : null]]),
    site.places.length ? h("p", { class: "places" }, h("span", { class: "facts-label" }, `${t("located_in")}: `),
      site.places.map((pl, i) => [i ? " › " : "", entityLink(pl.label, pl.id, pl.name, pl.name_en)])) : null,
    h("div", { class: "side-by-side" },
      section("site_trace", h("p", { class: "muted" }, t("site_trace_note")),
        trace.truncated ? h("p", { class: "note" }, t("site_trace_truncated", { n: 40 })) : null, panel.element),
      countedSection("site_goals", site.targets.total, pagedList(site.targets, pageFetcher(`${base}/targets`), (items) =>
        h("ul", { class: "goals" }, items.map((tg) => h("li", { class: "goal", dataset: { year: tg.year ?? "" } },
          targetLine(tg), " ", h("span", { class: "muted" }, tg.measure_id ? t("set_by_measure") : t("set_by_plan")), " · ",
          tg.plan_id ? entityLink("Plan", tg.plan_id, tg.plan) : null,
          evidence(tg.evidence)))), { name: "goals" }))),
    countedSection("site_measures", site.measures.total, pagedList(site.measures, pageFetcher(`${base}/measures`), (items) =>
      h("ul", { class: "site-measures" }, items.map((m) => h("li", { class: "measure", dataset: { measureId: m.id } },
        h("div", {}, entityLink("Plan", m.plan_id, m.plan), " › ", h("span", { class: "number" }, m.number ?? ""), " ",
          h("a", { href: entityHref("Measure", m.id) }, m.title), evidence(m.evidence)),
        m.owners && m.owners.length ? h("div", { class: "measure-facts" },
          h("span", { class: "facts-label" }, `${t("owners")}: `), ownerList(m.owners)) : null,
        m.targets && m.targets.length ? h("ul", { class: "measure-targets" }, m.targets.map((tg) =>
          h("li", {}, targetLine(tg), evidence(tg.evidence)))) : null))), { name: "measures" })));
  panel.drawWhenShown();
  return view;
}

// -- province, city, district ---------------------------------------------------
export async function placeView(id) {
  const place = await api(`/api/place/${encodeURIComponent(id)}`);
  const p = place.properties;
  const base = `/api/place/${encodeURIComponent(id)}`;
  const province = place.label === "Province" ? id : place.places.find((x) => x.label === "Province")?.id;
  return h("div", { class: "place-view" },
    heading(place.label, p.name, p.name_en),
    place.label === "Province" ? h("p", { class: "place-actions" },
      h("a", { class: "button", href: `#/charts?province=${encodeURIComponent(id)}` }, t("charts_of_province")), " ",
      h("a", { class: "button", href: `#/browse/sites?province=${encodeURIComponent(id)}` }, t("sites_of_province")), " ",
      h("a", { class: "button", href: `#/browse/plans?province=${encodeURIComponent(id)}` }, t("plans_of_province"))) : null,
    place.places.length ? h("p", { class: "places" }, h("span", { class: "facts-label" }, `${t("located_in")}: `),
      place.places.map((pl, i) => [i ? " › " : "", entityLink(pl.label, pl.id, pl.name, pl.name_en)])) : null,
    section("place_target_years", place.target_years.length ? h("table", { class: "data years" },
      h("thead", {}, h("tr", {}, h("th", {}, t("year")), h("th", {}, t("targets")), h("th", {}, t("quantitative")))),
      h("tbody", {}, place.target_years.map((y) => h("tr", {},
        h("td", {}, province ? h("a", { href: `#/targets?year=${y.year}&province=${encodeURIComponent(province)}` }, y.year) : y.year),
        h("td", { class: "num" }, y.targets), h("td", { class: "num" }, y.quantitative))))) : empty()),
    countedSection("place_plans", place.plans.total, pagedList(place.plans, pageFetcher(`${base}/plans`), (items) =>
      h("ul", { class: "plan-list" }, items.map((pl) => h("li", {}, entityLink("Plan", pl.id, pl.title),
        h("span", { class: "muted" }, ` ${[pl.kind, pl.doc_number, pl.date_issued, (pl.places || []).join("、")].filter(Boolean).join(" · ")}`),
        evidence(pl.evidence)))), { name: "plans" })),
    countedSection("place_inside", place.inside.total, pagedList(place.inside, pageFetcher(`${base}/inside`), (items) =>
      h("ul", { class: "chips" }, items.map((x) => h("li", {}, kindBadge(x.label), " ", entityLink(x.label, x.id, x.name, x.name_en)))),
    { name: "inside" })),
    countedSection("place_agencies", place.agencies.total, pagedList(place.agencies, pageFetcher(`${base}/agencies`), (items) =>
      h("ul", { class: "chips" }, items.map((a) => h("li", {}, entityLink("Agency", a.id, a.name, a.name_en)))),
    { name: "agencies" })));
}

// -- any node ----------------------------------------------------------------------
const HIDDEN = new Set(["id", "name", "title", "text", "name_en", "source", "sources", "ordinal", "level", "aliases"]);

export async function nodeView(id) {
  const node = await api(`/api/node/${encodeURIComponent(id)}`);
  const p = node.properties;
  const title = p.name ?? p.title ?? p.metric ?? p.beneficiary ?? id;
  const rows = Object.entries(p).filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => [`prop_${key}`, typeof value === "boolean" ? t(value ? "yes" : "no")
      : key === "kind" ? tOr(`org_kind_${value}`, value) : value]);
  return h("div", { class: "node-view" },
    heading(node.label, title, p.name_en),
    propertyTable([["prop_aliases", p.aliases], ...rows]),
    p.text ? h("blockquote", { class: "node-text" }, p.text) : null,
    countedSection("links", node.neighbours.total, pagedList(node.neighbours, pageFetcher(`/api/node/${encodeURIComponent(id)}/neighbours`), (items) =>
      h("table", { class: "data stack" }, h("tbody", {}, items.map((x) => h("tr", {},
        h("td", {}, `${x.outgoing ? t("direction_out") : t("direction_in")} ${t(`rel_${x.type}`)}`),
        h("td", {}, kindBadge(x.label), " ", entityLink(x.label, x.id, x.name, x.name_en)),
        h("td", {}, x.role ? `${roleLabel(x.role)} ${x.rank ?? ""}` : ""),
        h("td", {}, evidence(x.evidence)))))), { name: "neighbours" })));
}
