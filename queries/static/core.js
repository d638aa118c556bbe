// Shared pieces of the page: labels in two languages, the JSON client, DOM
// building (text only, never HTML from data), entity links, evidence on
// demand, and the pager every list goes through.

let LABELS = {};
let lang = "zh";

export async function loadLabels() {
  LABELS = await (await fetch("/static/labels.json", { mode: "cors", credentials: "same-origin" })).json();
  const stored = localStorage.getItem("policykg.lang");
  lang = stored && LABELS[stored] ? stored : "zh";
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next;
  localStorage.setItem("policykg.lang", next);
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

/** The interface label `key` in the current language, with {name} slots filled. */
export function t(key, slots = {}) {
  const text = (LABELS[lang] && LABELS[lang][key]) ?? (LABELS.zh && LABELS.zh[key]) ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(slots[name] ?? ""));
}

/** The label `key` if the interface has one, else `fallback` (a value the labels do not know yet). */
export function tOr(key, fallback) {
  const known = (LABELS[lang] && LABELS[lang][key]) ?? (LABELS.zh && LABELS.zh[key]);
  return known ?? fallback;
}

/** Re-label every element that carries data-i18n (static parts of the page). */
export function relabel(root = document) {
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  for (const node of root.querySelectorAll("[data-i18n-aria-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
  }
  const toggle = document.getElementById("lang-toggle");
  if (toggle) toggle.lang = lang === "zh" ? "en" : "zh-CN";
}

/** The tab's title: what the view shows, then the application's name. */
export function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), t("app_title")].join(" · ");
}

const scripts = new Map();

/** A classic script from /static (the vendored libraries), loaded once and only by the views that draw. */
export function loadScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error(`${src} could not be loaded`));
      document.head.append(tag);
    }));
  }
  return scripts.get(src);
}

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The message an error answer carries, whatever shape the service gives it. */
export function errorMessage(body, fallback) {
  if (!body) return fallback;
  if (typeof body === "string") return body;
  const err = body.error ?? body;
  if (typeof err === "string") return err;
  if (typeof err.message === "string") return err.message;
  if (typeof err.detail === "string") return err.detail;
  if (Array.isArray(err.detail)) return err.detail.map((d) => d.msg ?? JSON.stringify(d)).join("; ");
  return fallback;
}

export async function api(path, params = {}, options = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, options);
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) throw new ApiError(response.status, errorMessage(body, `${response.status} ${response.statusText}`), body);
  return body;
}

/** h("a", {href: "#/x", class: "y"}, "text", child…): an element with text children only. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const ROUTE_OF = {
  Plan: "plan", Agency: "agency", Site: "site", Province: "place", City: "place", District: "place",
  Measure: "measure", Target: "target",
};

export function entityHref(label, id) {
  return `#/${ROUTE_OF[label] ?? "node"}/${encodeURIComponent(id)}`;
}

/** The name to show: the English name first when the interface is English and one is known. */
export function displayName(name, nameEn) {
  if (lang === "en" && nameEn) return nameEn;
  return name ?? nameEn ?? "";
}

export function entityLink(label, id, name, nameEn, attrs = {}) {
  const secondary = lang === "en" && nameEn && name ? h("span", { class: "secondary" }, name) : null;
  return h("a", { href: entityHref(label, id), class: `entity kind-${label}`, ...attrs },
    displayName(name, nameEn), secondary ? " " : null, secondary);
}

export function kindBadge(label) {
  return h("span", { class: `badge kind-${label}` }, t(`kind_${label}`));
}

/** A sentence shown on demand: a small toggle that opens the quoted evidence. */
export function evidence(text, key = "evidence") {
  if (!text) return null;
  return h("details", { class: "evidence" }, h("summary", {}, t(key)), h("blockquote", {}, text));
}

export function section(titleKey, ...children) {
  return h("section", { class: "block", dataset: { section: titleKey } }, h("h2", {}, t(titleKey)), ...children);
}

/** A section whose heading also shows how many items its list holds. */
export function countedSection(titleKey, total, ...children) {
  return h("section", { class: "block", dataset: { section: titleKey } },
    h("h2", {}, t(titleKey), h("span", { class: "count" }, ` (${total ?? 0})`)), ...children);
}

export function empty() {
  return h("p", { class: "muted" }, t("none"));
}

export function errorBox(error) {
  return h("div", { class: "error", role: "alert" }, h("strong", {}, `${t("error")}: `),
    h("pre", { class: "error-message" }, error instanceof Error ? error.message : String(error)));
}

export function loading() {
  return h("p", { class: "muted loading" }, t("loading"));
}

/**
 * A list that shows one page at a time. `first` is the first page the view
 * already has (or null), `fetchPage(n)` gets page n, `render(items)` draws it.
 */
export function pagedList(first, fetchPage, render, { name = "" } = {}) {
  const box = h("div", { class: "paged", dataset: { list: name } });
  const show = (result) => {
    box.replaceChildren();
    if (!result.items.length) {
      box.append(empty());
      return;
    }
    box.append(render(result.items, result));
    if (result.total > result.page_size) box.append(pager(result, go));
  };
  const go = async (page) => {
    box.classList.add("busy");
    try {
      show(await fetchPage(page));
    } catch (error) {
      box.replaceChildren(errorBox(error));
    } finally {
      box.classList.remove("busy");
    }
  };
  if (first) show(first);
  else go(1);
  return box;
}

export function pager(result, go) {
  const from = (result.page - 1) * result.page_size + 1;
  const to = Math.min(result.total, result.page * result.page_size);
  const last = Math.max(1, Math.ceil(result.total / result.page_size));
  return h("div", { class: "pager", role: "group", "aria-label": t("pages") },
    h("button", { type: "button", class: "prev", disabled: result.page <= 1, onclick: () => go(result.page - 1) }, `‹ ${t("prev")}`),
    h("span", { class: "range" }, t("page_of", { from, to, total: result.total })),
    h("button", { type: "button", class: "next", disabled: result.page >= last, onclick: () => go(result.page + 1) }, `${t("next")} ›`));
}

/** Text with its matched ranges in <mark>, built as text nodes (never HTML from data). */
export function marked(snip) {
  if (!snip) return null;
  const parts = [];
  let at = 0;
  for (const [start, end] of snip.marks ?? []) {
    if (start > at) parts.push(snip.text.slice(at, start));
    parts.push(h("mark", {}, snip.text.slice(start, end)));
    at = end;
  }
  parts.push(snip.text.slice(at));
  return h("span", { class: "snippet" }, parts);
}

/** Plan › section › measure: where an item sits, each step a link where it has a page. */
export function breadcrumb(crumbs, current) {
  return h("nav", { class: "breadcrumb", "aria-label": t("breadcrumb") }, h("ol", {},
    crumbs.map((c) => h("li", {}, c.id ? h("a", { href: entityHref(c.label, c.id) },
      [c.number, c.name].filter(Boolean).join(" ")) : h("span", {}, c.name))),
    current ? h("li", { "aria-current": "page" }, current) : null));
}

/**
 * A facet: its values with counts, each a link to the same view with that value chosen
 * (or, for the chosen one, a link that clears it).
 */
export function facet(titleKey, name, rows, chosen, hrefWith, labelOf = (row) => row.name ?? String(row.value)) {
  if (!rows || !rows.length) return null;
  return h("section", { class: "facet", dataset: { facet: name } }, h("h3", {}, t(titleKey)),
    h("ul", {}, rows.map((row) => {
      const on = String(row.value) === String(chosen ?? "");
      return h("li", {}, h("a", {
        href: hrefWith(name, on ? null : row.value), class: on ? "chosen" : null, "aria-current": on ? "true" : null,
        dataset: { value: row.value },
      }, labelOf(row), " ", h("span", { class: "count" }, `(${row.count})`), on ? h("span", { class: "clear" }, " ×") : null));
    })));
}

/** A hash route with the given query parameters (empty ones left out). */
export function routeWith(route, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return text ? `${route}?${text}` : route;
}

/** Save `text` as a file named `name`. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV for a spreadsheet: a UTF-8 BOM (Excel needs it for Chinese), yes/no in the page's language. */
export function csvText(columns, rows) {
  const cell = (value) => {
    let text = value;
    if (value === true || value === false) text = t(value ? "yes" : "no");
    else if (value === null || value === undefined) text = "";
    else if (typeof value === "object") text = JSON.stringify(value);
    text = String(text);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return "\ufeff" + [columns, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function propertyTable(rows) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== "" &&
    !(Array.isArray(value) && !value.length));
  return h("table", { class: "props" }, h("tbody", {}, shown.map(([key, value]) =>
    h("tr", {}, h("th", { scope: "row" }, tOr(key, key.replace(/^prop_/, ""))),
      h("td", {}, Array.isArray(value) ? value.join("、") : String(value))))));
}

export function roleLabel(role) {
  return role ? t(`role_${role}`) : "";
}

/** Responsible agencies in the plan's order, each with its role, rank and evidence. */
export function ownerList(owners) {
  if (!owners || !owners.length) return null;
  return h("ol", { class: "owners" }, owners.map((o) =>
    h("li", { class: "owner", dataset: { role: o.role ?? "", rank: o.rank ?? "" } },
      entityLink("Agency", o.id, o.name, o.name_en, { class: "entity kind-Agency owner-name" }),
      h("span", { class: `role role-${o.role}` }, roleLabel(o.role)),
      evidence(o.evidence))));
}

const COMPARATORS = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "≈", "=": "" };

/** A target's amount as written: ≥60 EFLOPS, 2–3 个, ≈1.9 万亿元; empty for a qualitative goal. */
export function amountText(target, { withUnit = true } = {}) {
  if (target.value === null || target.value === undefined) return "";
  const max = target.value_max !== null && target.value_max !== undefined ? `–${target.value_max}` : "";
  const unit = withUnit && target.unit ? ` ${target.unit}` : "";
  return `${COMPARATORS[target.comparator] ?? target.comparator ?? ""}${target.value}${max}${unit}`;
}

export function targetLine(target) {
  const amount = amountText(target);
  return h("span", { class: "target-line" },
    h("span", { class: "year" }, target.year ?? ""), " ",
    h("a", { href: entityHref("Target", target.id), class: "metric" }, target.metric ?? target.text ?? ""),
    amount ? h("span", { class: "amount" }, ` ${amount}`) : null,
    target.qualitative ? h("span", { class: "badge qualitative" }, t("qualitative")) : null);
}
