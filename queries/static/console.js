// The Cypher console: an editor, the service's named queries with a form for
// their parameters, and results as a table (paged on the page) or as a graph.
// It talks to the service's own endpoints (POST /cypher, GET /queries,
// POST /queries/{name} with {"params": {...}}); database errors are shown as the service passes them on.

import { api, errorBox, h, pager, t } from "./core.js";
import { drawGraph, graphFromRows } from "./graph.js";

const TABLE_PAGE = 100;
const GRAPH_NODES = 300;
const EXAMPLE = "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(m:Measure)\nRETURN a.name AS agency, r.role AS role, r.rank AS rank, m.title AS measure\nLIMIT 25";

let namedCache = null;

/** The service's named queries as [{name, title, description, params: [{name, type, default, description}], cypher}]. */
async function namedQueries() {
  if (namedCache) return namedCache;
  const body = await api("/queries");
  namedCache = (body.queries ?? []).map((q) => ({ ...q, params: q.params ?? [] }));
  return namedCache;
}

async function postJson(path, body) {
  return api(path, {}, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** The service's answer {columns, rows, stats: {elapsed_ms, rows, truncated}} as {columns, rows, truncated, elapsed_ms}. */
function normalise(result) {
  const stats = result.stats ?? {};
  return { columns: result.columns ?? [], rows: result.rows ?? [], truncated: Boolean(stats.truncated ?? result.truncated),
    elapsed_ms: stats.elapsed_ms ?? result.elapsed_ms };
}

function cellText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value.labels) && value.properties) {
    const p = value.properties;
    return `(:${value.labels.join(":")} ${p.name ?? p.title ?? p.metric ?? value.id})`;
  }
  if (typeof value.type === "string" && value.start !== undefined) return `[:${value.type}]`;
  return JSON.stringify(value);
}

function resultTable(result, page) {
  const rows = result.rows.slice((page - 1) * TABLE_PAGE, page * TABLE_PAGE);
  return h("table", { class: "data console-table" },
    h("thead", {}, h("tr", {}, result.columns.map((c) => h("th", {}, c)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, row.map((v) => h("td", {}, cellText(v)))))));
}

function paramInput(param) {
  const type = (param.type ?? "string").toLowerCase();
  const attrs = { name: param.name, dataset: { type }, placeholder: param.default ?? "" };
  if (type === "bool") return h("input", { ...attrs, type: "checkbox", checked: param.default === true || param.default === "true" });
  if (type === "int" || type === "float") return h("input", { ...attrs, type: "number", step: type === "int" ? "1" : "any" });
  return h("input", { ...attrs, type: "text" });
}

function paramValue(input) {
  const type = input.dataset.type;
  if (type === "bool") return input.checked;
  const raw = input.value.trim();
  if (!raw) return undefined;
  if (type === "int") return parseInt(raw, 10);
  if (type === "float") return parseFloat(raw);
  if (type === "list") {
    try {
      const parsed = JSON.parse(raw);
      if (Array.isArray(parsed)) return parsed;
    } catch { /* a comma-separated list */ }
    return raw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  }
  return raw;
}

export async function consoleView() {
  const editor = h("textarea", { id: "cypher-editor", class: "editor", spellcheck: "false", rows: 8 }, EXAMPLE);
  const picker = h("select", { id: "named-query" }, h("option", { value: "" }, t("console_pick")));
  const description = h("p", { class: "muted query-description" });
  const paramForm = h("form", { class: "params", id: "query-params" });
  const status = h("p", { class: "status", id: "console-status" });
  const output = h("div", { class: "console-output", id: "console-output" });
  const tableTab = h("button", { type: "button", class: "tab active", id: "tab-table" }, t("console_table"));
  const graphTab = h("button", { type: "button", class: "tab", id: "tab-graph" }, t("console_graph"));
  const runButton = h("button", { type: "submit", class: "primary", id: "console-run" }, t("console_run"));
  let selected = null;
  let result = null;
  let mode = "table";

  const show = () => {
    output.replaceChildren();
    if (!result) return;
    tableTab.classList.toggle("active", mode === "table");
    graphTab.classList.toggle("active", mode === "graph");
    if (mode === "table") {
      const go = (page) => {
        output.replaceChildren(resultTable(result, page));
        if (result.rows.length > TABLE_PAGE) output.append(pager({ page, page_size: TABLE_PAGE, total: result.rows.length }, go));
      };
      go(1);
      return;
    }
    const graph = graphFromRows(result.rows);
    if (!graph.nodes.length) {
      output.append(h("p", { class: "muted" }, t("console_no_graph")));
      return;
    }
    if (graph.nodes.length > GRAPH_NODES) output.append(h("p", { class: "note" }, t("console_graph_capped", { n: GRAPH_NODES })));
    const canvas = h("div", { class: "graph console-graph" });
    output.append(canvas);
    requestAnimationFrame(() => drawGraph(canvas, graph.nodes, graph.edges, { maxNodes: GRAPH_NODES }));
  };
  tableTab.addEventListener("click", () => { mode = "table"; show(); });
  graphTab.addEventListener("click", () => { mode = "graph"; show(); });

  const run = async (event) => {
    event?.preventDefault();
    status.replaceChildren(t("loading"));
    output.replaceChildren();
    result = null;
    runButton.disabled = true;
    try {
      const params = {};
      for (const input of paramForm.querySelectorAll("input")) {
        const value = paramValue(input);
        if (value !== undefined) params[input.name] = value;
      }
      const text = editor.value;
      const named = selected && text === (selected.cypher ?? null);
      if (selected && !named) {
        // an edited named query runs as plain Cypher: its defaults must then be given here
        for (const p of selected.params) if (!(p.name in params)) params[p.name] = p.default ?? null;
      }
      const answer = named
        ? await postJson(`/queries/${encodeURIComponent(selected.name)}`, { params })
        : await postJson("/cypher", { query: text, params });
      result = normalise(answer);
      status.replaceChildren(
        h("span", { class: "rows" }, t("console_rows", { n: result.rows.length })),
        result.elapsed_ms !== undefined ? ` · ${t("console_ms", { ms: result.elapsed_ms })}` : "",
        result.truncated ? h("span", { class: "note" }, ` · ${t("console_truncated")}`) : "");
      show();
    } catch (error) {
      status.replaceChildren();
      output.replaceChildren(errorBox(error));
    } finally {
      runButton.disabled = false;
    }
  };

  picker.addEventListener("change", () => {
    selected = (namedCache ?? []).find((q) => q.name === picker.value) ?? null;
    paramForm.replaceChildren();
    description.replaceChildren(selected?.description ?? "");
    if (!selected) return;
    const text = selected.cypher;
    if (text) editor.value = text;
    if (selected.params.length) paramForm.append(h("h3", {}, t("console_params")));
    const example = (selected.examples ?? [])[0] ?? {};
    for (const param of selected.params) {
      const input = paramInput(param);
      if (example[param.name] !== undefined && input.type !== "checkbox") input.value = example[param.name];
      paramForm.append(h("label", { class: "param" }, h("span", { class: "param-name" }, param.name),
        input, h("span", { class: "muted" }, param.description ?? "")));
    }
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });

  const form = h("form", { class: "console", id: "console-form", onsubmit: run },
    h("div", { class: "console-bar" }, h("label", {}, t("console_named"), " ", picker), description),
    editor, paramForm, h("div", { class: "console-actions" }, runButton, h("span", { class: "muted" }, t("console_hint"))));
  const view = h("div", { class: "console-view" }, h("h1", {}, t("console_title")), form, status,
    h("div", { class: "tabs" }, tableTab, graphTab), output);

  namedQueries().then((list) => {
    for (const q of list) picker.append(h("option", { value: q.name }, q.title ? `${q.title} (${q.name})` : q.name));
  }).catch((error) => {
    description.replaceChildren(`${t("console_unavailable")}${error.message}`);
  });
  return view;
}
