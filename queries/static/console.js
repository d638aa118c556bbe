// The Cypher console: an editor, the service's named queries with a form for
// their parameters, a schema panel, and results as a table (paged on the page)
// or as a graph, downloadable as CSV or JSON. Its state (the query, the named
// query and its parameters, the tab) lives in the address, so Back, a reload
// or a shared link brings the same query and answer again.
// It talks to the service's own endpoints (POST /cypher, GET /queries,
// POST /queries/{name} with {"params": {...}}); database errors are shown as the service passes them on.

import { api, csvText, currentLang, download, errorBox, h, pager, setTitle, t, tOr } from "./core.js";
import { graphPanel, graphFromRows } from "./graph.js";

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

/** A named query's title, description and parameter help in the interface's language. */
function named(q, part, fallback) {
  return currentLang() === "zh" ? tOr(`named_${q.name}_${part}`, fallback) : fallback;
}

function schemaPanel(insert) {
  const box = h("details", { class: "schema", id: "schema-panel" }, h("summary", {}, t("console_schema")));
  let loaded = false;
  box.addEventListener("toggle", async () => {
    if (!box.open || loaded) return;
    loaded = true;
    try {
      const schema = await api("/api/schema");
      const list = (items, kind) => h("ul", { class: "schema-list" }, items.map((item) => h("li", { dataset: { name: item.name } },
        h("button", { type: "button", class: "link", onclick: () => insert(kind, item.name) },
          kind === "label" ? `:${item.name}` : `[:${item.name}]`),
        h("span", { class: "muted" }, ` ${item.count}`),
        item.properties.length ? h("span", { class: "props-list" }, ` ${item.properties.join(", ")}`) : null)));
      box.append(h("h2", { class: "minor" }, t("console_labels")), list(schema.labels, "label"),
        h("h2", { class: "minor" }, t("console_rel_types")), list(schema.relationships, "rel"));
    } catch (error) {
      box.append(errorBox(error));
    }
  });
  return box;
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

export async function consoleView(urlParams = new URLSearchParams()) {
  const editor = h("textarea", { id: "cypher-editor", class: "editor", spellcheck: "false", rows: 8 }, EXAMPLE);
  const picker = h("select", { id: "named-query" }, h("option", { value: "" }, t("console_pick")));
  const description = h("p", { class: "muted query-description" });
  const paramForm = h("form", { class: "params", id: "query-params" });
  const status = h("p", { class: "status", id: "console-status" });
  const output = h("div", { class: "console-output", id: "console-output" });
  const tableTab = h("button", { type: "button", class: "tab active", id: "tab-table" }, t("console_table"));
  const graphTab = h("button", { type: "button", class: "tab", id: "tab-graph" }, t("console_graph"));
  const runButton = h("button", { type: "submit", class: "primary", id: "console-run" }, t("console_run"));
  const csvButton = h("button", { type: "button", id: "download-csv", disabled: true }, t("console_csv"));
  const jsonButton = h("button", { type: "button", id: "download-json", disabled: true }, t("console_json"));
  let selected = null;
  let result = null;
  let mode = urlParams.get("tab") === "graph" ? "graph" : "table";
  setTitle(t("console_title"));
  if (urlParams.get("q")) editor.value = urlParams.get("q");

  /** The console's state written into the address (without a new render or history entry). */
  const remember = () => {
    const state = new URLSearchParams();
    if (selected) state.set("name", selected.name);
    state.set("q", editor.value);
    for (const input of paramForm.querySelectorAll("input")) {
      const value = input.type === "checkbox" ? String(input.checked) : input.value.trim();
      if (value) state.set(`p.${input.name}`, value);
    }
    if (mode === "graph") state.set("tab", "graph");
    history.replaceState(null, "", `#/console?${state}`);
    document.getElementById("view").dataset.route = location.hash;
  };
  csvButton.addEventListener("click", () => {
    if (result) download("query.csv", csvText(result.columns, result.rows), "text/csv;charset=utf-8");
  });
  jsonButton.addEventListener("click", () => {
    if (result) download("query.json", JSON.stringify({ columns: result.columns, rows: result.rows }, null, 1), "application/json");
  });

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
    const panel = graphPanel(graph.nodes, graph.edges, { maxNodes: GRAPH_NODES, id: "console-graph" });
    panel.element.classList.add("console-graph");
    output.append(panel.element);
    panel.drawWhenShown();
  };
  tableTab.addEventListener("click", () => { mode = "table"; show(); remember(); });
  graphTab.addEventListener("click", () => { mode = "graph"; show(); remember(); });

  const run = async (event) => {
    event?.preventDefault();
    status.replaceChildren(t("loading"));
    output.replaceChildren();
    result = null;
    csvButton.disabled = jsonButton.disabled = true;
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
      // an answer with nothing to draw opens on the table, whatever tab was last open
      if (mode === "graph" && !graphFromRows(result.rows).nodes.length) mode = "table";
      csvButton.disabled = jsonButton.disabled = false;
      remember();
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

  const choose = (name, given = null) => {
    selected = (namedCache ?? []).find((q) => q.name === name) ?? null;
    paramForm.replaceChildren();
    description.replaceChildren(selected ? named(selected, "description", selected.description ?? "") : "");
    if (!selected) return;
    const text = selected.cypher;
    if (text && !given?.get("q")) editor.value = text;
    if (selected.params.length) paramForm.append(h("h2", { class: "minor" }, t("console_params")));
    const example = (selected.examples ?? [])[0] ?? {};
    for (const param of selected.params) {
      const input = paramInput(param);
      const fromUrl = given?.get(`p.${param.name}`);
      if (input.type === "checkbox") {
        if (fromUrl !== null && fromUrl !== undefined) input.checked = fromUrl === "true";
      } else if (fromUrl !== null && fromUrl !== undefined) input.value = fromUrl;
      else if (!given && example[param.name] !== undefined) input.value = example[param.name];
      paramForm.append(h("label", { class: "param" }, h("span", { class: "param-name" }, param.name),
        input, h("span", { class: "muted" }, named(selected, `param_${param.name}`, param.description ?? ""))));
    }
  };
  picker.addEventListener("change", () => choose(picker.value));
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });

  const insert = (kind, name) => {
    editor.value = kind === "label" ? `MATCH (n:${name})\nRETURN n\nLIMIT 25` : `MATCH (a)-[r:${name}]->(b)\nRETURN a, r, b\nLIMIT 25`;
    selected = null;
    picker.value = "";
    paramForm.replaceChildren();
    description.replaceChildren();
    editor.focus();
  };
  const form = h("form", { class: "console", id: "console-form", onsubmit: run },
    h("div", { class: "console-bar" }, h("label", {}, t("console_named"), " ", picker), description),
    h("label", { for: "cypher-editor", class: "visually-hidden" }, t("console_editor")),
    editor, paramForm, h("div", { class: "console-actions" }, runButton, h("span", { class: "muted" }, t("console_hint"))));
  const view = h("div", { class: "console-view" }, h("h1", {}, t("console_title")), schemaPanel(insert), form, status,
    h("div", { class: "tabs" }, tableTab, graphTab, h("span", { class: "spacer" }), csvButton, jsonButton), output);

  namedQueries().then((list) => {
    for (const q of list) {
      const title = named(q, "title", q.title);
      picker.append(h("option", { value: q.name }, title ? `${title} (${q.name})` : q.name));
    }
    if (urlParams.get("name")) {
      picker.value = urlParams.get("name");
      choose(urlParams.get("name"), urlParams);
    }
    if (urlParams.get("q")) run();
  }).catch((error) => {
    description.replaceChildren(`${t("console_unavailable")}${error.message}`);
    if (urlParams.get("q")) run();
  });
  return view;
}
