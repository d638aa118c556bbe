// Browse pages: every plan, agency and site, narrowed by facets whose counts
// say how many each choice leaves (province, level, kind, year; role; city).
// The choices live in the address, so a narrowed list can be bookmarked.

import { api, displayName, entityLink, facet, h, kindBadge, pagedList, routeWith, setTitle, t, tOr } from "./core.js";

const INDEXES = {
  plans: { facets: ["province", "level", "kind", "year"], title: "browse_plans" },
  agencies: { facets: ["province", "kind", "role"], title: "browse_agencies" },
  sites: { facets: ["province", "city", "kind"], title: "browse_sites" },
};

function facetLabel(index, name, row) {
  if (name === "province") return displayName(row.name, row.name_en);
  if (name === "level") return t(`kind_${row.value}`);
  if (name === "role") return t(`agency_role_${row.value}`);
  if (name === "kind" && index === "sites") return tOr(`site_kind_${row.value}`, row.value);
  if (name === "kind" && index === "agencies") return tOr(`agency_kind_${row.value}`, row.value);
  return String(row.value);
}

function row(index, item) {
  if (index === "plans") {
    return h("li", { class: "browse-item" }, entityLink("Plan", item.id, item.title),
      h("span", { class: "muted" }, ` ${[item.year, item.kind, item.doc_number, (item.places || []).join("、")].filter(Boolean).join(" · ")}`),
      h("span", { class: "muted counts" }, ` · ${t("browse_plan_counts", { m: item.measures, t: item.targets })}`));
  }
  if (index === "agencies") {
    const roles = [item.issued ? t("agency_issues_n", { n: item.issued }) : null,
      item.coordinated ? t("agency_coordinates_n", { n: item.coordinated }) : null,
      item.measures ? t("agency_owns_n", { n: item.measures }) : null].filter(Boolean);
    return h("li", { class: "browse-item" }, entityLink("Agency", item.id, item.name, item.name_en),
      h("span", { class: "muted" }, ` ${[item.jurisdiction, roles.join("，")].filter(Boolean).join(" · ")}`));
  }
  return h("li", { class: "browse-item" }, kindBadge("Site"), " ", entityLink("Site", item.id, item.name, item.name_en),
    h("span", { class: "muted" }, ` ${[tOr(`site_kind_${item.kind}`, item.kind), (item.places || []).map((p) => p.name).join(" › "),
      t("browse_site_mentions", { n: item.mentions })].filter(Boolean).join(" · ")}`));
}

export async function browseView(params) {
  const index = INDEXES[params.get("index")] ? params.get("index") : "plans";
  const spec = INDEXES[index];
  const chosen = Object.fromEntries([...spec.facets, "q"].map((k) => [k, params.get(k) ?? ""]));
  const fetchPage = (page) => api(`/api/browse/${index}`, { ...chosen, page });
  const first = await fetchPage(1);
  setTitle(t(spec.title));
  const hrefWith = (name, value) => routeWith(`#/browse/${index}`, { ...chosen, [name]: value });
  const filter = h("form", { class: "browse-filter", role: "search", "aria-label": t("browse_filter") },
    h("label", { for: "browse-q" }, t("browse_filter")), " ",
    h("input", { id: "browse-q", name: "q", type: "text", value: chosen.q }), " ",
    h("button", { type: "submit" }, t("search_go")));
  filter.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = routeWith(`#/browse/${index}`, { ...chosen, q: filter.elements.q.value.trim() });
  });
  return h("div", { class: "browse-view", dataset: { index } },
    h("h1", {}, t(spec.title)),
    h("nav", { class: "tabs browse-tabs", "aria-label": t("nav_browse") }, Object.entries(INDEXES).map(([name, s]) =>
      h("a", { href: `#/browse/${name}`, class: name === index ? "tab active" : "tab", "aria-current": name === index ? "page" : null }, t(s.title)))),
    filter,
    h("p", { class: "muted", role: "status" }, t("browse_total", { n: first.total })),
    h("div", { class: "with-facets" },
      h("aside", { class: "facets", "aria-label": t("facets") }, h("h2", { class: "visually-hidden" }, t("facets")), spec.facets.map((name) =>
        facet(`facet_${name}`, name, first.facets[name], chosen[name], hrefWith, (r) => facetLabel(index, name, r)))),
      h("div", { class: "results" }, pagedList(first, fetchPage, (items) =>
        h("ul", { class: "browse-list" }, items.map((item) => row(index, item))), { name: index }))));
}
