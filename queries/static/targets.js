// The targets table: filters by year, province, unit and text (kept in the
// address, so a filtered table can be bookmarked), one page at a time, and a
// CSV export of every matching row.

import { amountText, api, currentLang, displayName, entityHref, entityLink, evidence, h, pagedList, setTitle, t, tOr } from "./core.js";

const FILTERS = ["year", "province", "unit", "category", "q"];

function select(name, choices, current) {
  return h("select", { name, id: `filter-${name}` },
    h("option", { value: "" }, t("any")),
    choices.map(([value, text]) => h("option", { value, selected: String(value) === current }, text)));
}

function table(items) {
  const cols = ["year", "metric", "value", "unit", "province", "plan", "evidence"];
  const td = (key, attrs, ...children) => h("td", { ...attrs, dataset: { label: t(key) } }, ...children);
  return h("table", { class: "data targets-table stack" },
    h("thead", {}, h("tr", {}, cols.map((k) => h("th", { scope: "col" }, t(k))))),
    h("tbody", {}, items.map((tg) => h("tr", { dataset: { targetId: tg.id } },
      td("year", { class: "year" }, tg.year ?? ""),
      td("metric", {}, h("a", { href: entityHref("Target", tg.id) }, tg.metric ?? ""),
        tg.qualitative ? h("span", { class: "badge qualitative" }, t("qualitative")) : null),
      td("value", { class: "num" }, amountText(tg, { withUnit: false })),
      td("unit", {}, tg.unit ?? ""),
      td("province", { class: "nowrap" }, (tg.provinces || []).join("、")),
      td("plan", {}, tg.plan_id ? entityLink("Plan", tg.plan_id, tg.plan) : "",
        tg.measure_id ? h("div", { class: "muted" }, h("a", { href: entityHref("Measure", tg.measure_id) }, tg.measure)) : null),
      td("evidence", {}, evidence(tg.evidence ?? tg.text))))));
}

export async function targetsView(params) {
  const current = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ""]));
  const query = Object.fromEntries(Object.entries(current).filter(([, v]) => v));
  const fetchPage = (page) => api("/api/targets", { ...query, page, page_size: 50 });
  const [facets, first] = await Promise.all([api("/api/targets/facets", query), fetchPage(1)]);
  const csv = new URL("/api/targets", location.origin);
  for (const [k, v] of Object.entries({ ...query, format: "csv", lang: currentLang() })) csv.searchParams.set(k, v);
  setTitle(t("targets_title"));
  const categoryName = (key) => tOr(`category_${key}`, key);

  const form = h("form", { class: "filters", id: "targets-filters" },
    h("label", {}, t("year"), " ", select("year", facets.years.map((y) => [y.value, `${y.value} (${y.count})`]), current.year)),
    h("label", {}, t("province"), " ", select("province", facets.provinces.map((p) => [p.id, `${displayName(p.name, p.name_en)} (${p.count ?? 0})`]), current.province)),
    h("label", {}, t("unit"), " ", select("unit", facets.units.map((u) => [u.value, `${u.value} (${u.count})`]), current.unit)),
    h("label", {}, t("target_category"), " ", select("category", (facets.categories ?? []).map((c) => [c.value, `${categoryName(c.value)} (${c.count})`]), current.category)),
    h("label", {}, t("filter_text"), " ", h("input", { type: "text", name: "q", value: current.q, size: 12 })),
    h("a", { class: "button csv", href: csv.pathname + csv.search, download: "targets.csv", id: "targets-csv" }, t("export_csv")));
  const apply = (event) => {
    event?.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const value = form.elements[k].value.trim();
      if (value) next.set(k, value);
    }
    location.hash = `#/targets?${next}`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", apply);

  return h("div", { class: "targets-view" }, h("h1", {}, t("targets_title")), form,
    h("p", { class: "muted", role: "status" }, t("targets_total", { n: first.total })),
    pagedList(first, fetchPage, table, { name: "targets" }));
}
