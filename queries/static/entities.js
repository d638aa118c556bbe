// Readable pages for a measure, a target and a source document: a breadcrumb
// (plan › section › measure), the document's title with a link to its text,
// and every fact with its sentence; no property dumps, no file names.

import {
  amountText, api, breadcrumb, currentLang, displayName, entityHref, entityLink, evidence, h, kindBadge, ownerList, section,
  setTitle, t, targetLine,
} from "./core.js";

function sourceLine(plan) {
  return h("p", { class: "source-line" }, h("span", { class: "facts-label" }, `${t("source_document")}: `),
    entityLink("Plan", plan.id, plan.title), plan.doc_number ? h("span", { class: "muted" }, ` ${plan.doc_number}`) : null, " · ",
    h("a", { href: `#/doc/${encodeURIComponent(plan.id)}`, class: "doc-text-link" }, t("read_document")));
}

function ownersBlock(m) {
  if (m.owners.length) return section("owners", ownerList(m.owners));
  const key = m.plan.owned ? "measure_no_owner" : "plan_no_owners";
  return section("owners", h("p", { class: "muted" }, t(key)));
}

export async function measureView(id) {
  const m = await api(`/api/measure/${encodeURIComponent(id)}`);
  setTitle(m.title, m.plan.title);
  return h("div", { class: "measure-view" },
    breadcrumb(m.breadcrumb, [m.number, m.title].filter(Boolean).join(" ")),
    h("header", { class: "entity-head" }, kindBadge("Measure"),
      h("h1", { class: "entity-title" }, m.number ? h("span", { class: "number" }, `${m.number} `) : null, m.title ?? "")),
    sourceLine(m.plan),
    m.text ? section("measure_text", h("blockquote", { class: "node-text" }, m.text)) : null,
    ownersBlock(m),
    m.targets.length ? section("targets", h("ul", { class: "measure-targets" }, m.targets.map((tg) =>
      h("li", {}, targetLine(tg), evidence(tg.evidence))))) : null,
    m.sites.length ? section("sites", h("ul", { class: "links" }, m.sites.map((s) =>
      h("li", {}, entityLink("Site", s.id, s.name, s.name_en), evidence(s.evidence))))) : null,
    m.children.length ? section("sub_measures", h("ul", { class: "links" }, m.children.map((c) =>
      h("li", {}, h("span", { class: "number" }, `${c.number ?? ""} `), h("a", { href: entityHref("Measure", c.id) }, c.title))))) : null,
    m.organizations.length ? section("organizations", h("ul", { class: "links" }, m.organizations.map((o) =>
      h("li", {}, entityLink(o.label, o.id, o.name, o.name_en), evidence(o.evidence))))) : null,
    m.incentives.length ? section("incentives", h("ul", { class: "links" }, m.incentives.map((o) =>
      h("li", {}, h("a", { href: `#/node/${encodeURIComponent(o.id)}` }, o.name ?? o.text ?? ""), evidence(o.evidence))))) : null);
}

export async function targetView(id) {
  const tg = await api(`/api/target/${encodeURIComponent(id)}`);
  const amount = amountText(tg);
  const category = tg.category ? (currentLang() === "en" ? tg.category.en : tg.category.zh) ?? tg.category.key : null;
  setTitle(`${tg.year ?? ""} ${tg.metric ?? ""}`.trim(), tg.plan.title);
  const facts = [
    ["target_year", tg.year],
    ["target_amount", amount || null],
    ["target_category", category],
    ["target_kind", tg.qualitative ? t("target_qualitative_kind") : t("target_quantitative_kind")],
    ["target_set_by", tg.measure ? t("set_by_measure") : t("set_by_plan")],
    ["province", tg.provinces.map((p) => displayName(p.name, p.name_en)).join("、") || null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== "");
  return h("div", { class: "target-view" },
    breadcrumb(tg.breadcrumb, `${tg.year ?? ""} ${tg.metric ?? ""}`.trim()),
    h("header", { class: "entity-head" }, kindBadge("Target"),
      h("h1", { class: "entity-title" }, h("span", { class: "year" }, `${tg.year ?? ""} `), tg.metric ?? "",
        amount ? h("span", { class: "amount" }, ` ${amount}`) : null)),
    sourceLine(tg.plan),
    h("dl", { class: "facts" }, facts.map(([key, value]) => [h("dt", {}, t(key)), h("dd", {}, String(value))])),
    section("target_sentence", h("blockquote", { class: "node-text" }, tg.evidence ?? tg.text ?? "")),
    tg.measure ? section("set_by_measure", h("p", {}, h("span", { class: "number" }, `${tg.measure.number ?? ""} `),
      h("a", { href: entityHref("Measure", tg.measure.id) }, tg.measure.title))) : null,
    tg.sites.length ? section("sites", h("ul", { class: "links" }, tg.sites.map((s) =>
      h("li", {}, entityLink("Site", s.id, s.name, s.name_en), evidence(s.evidence))))) : null);
}

export async function docView(planId) {
  const doc = await api(`/api/document/${encodeURIComponent(planId)}`);
  setTitle(doc.title, t("document_text"));
  return h("div", { class: "doc-view" },
    breadcrumb([{ label: "Plan", id: planId, name: doc.title }], t("document_text")),
    h("h1", {}, doc.title ?? ""),
    doc.doc_number ? h("p", { class: "muted" }, doc.doc_number) : null,
    doc.text ? h("pre", { class: "document-text", tabindex: "0" }, doc.text)
      : h("p", { class: "note" }, t("document_missing")),
    doc.truncated ? h("p", { class: "note" }, t("document_truncated")) : null,
    h("p", {}, h("a", { href: `#/plan/${encodeURIComponent(planId)}` }, t("back_to_plan"))));
}
