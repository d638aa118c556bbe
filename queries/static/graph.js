// Drawing graphs with Cytoscape.js (shipped in /static/vendor, loaded as a
// classic script so it works offline). Nodes are {id, label, name}; edges are
// {start, end, type}. Labels are shown whole (wrapped, never cut), the layout
// counts each label in its node's size so no two overlap, a legend names the
// colours, and a click expands the node in place (its neighbours are added)
// while a panel offers its page: the reader stays where they are.

import { api, entityHref, h, loadScript, t } from "./core.js";

const CYTOSCAPE = "/static/vendor/cytoscape.min.js";

const COLOURS = {
  Plan: "#2f5f93", Measure: "#5b7fb3", Agency: "#a8433e", Site: "#4d8a3a", Target: "#b07a00",
  Province: "#7d5a91", City: "#8e6aa6", District: "#a58bbd", Organization: "#6f6f6f", Incentive: "#8f7a00",
};
const EXPAND_LIMIT = 30;

function nodeData(n) {
  const name = n.name ?? n.id;
  return { id: n.id, name, label: n.label, colour: COLOURS[n.label] ?? "#777" };
}

function layoutOptions(rootId, count = 0) {
  const common = { animate: false, padding: 24, nodeDimensionsIncludeLabels: true, fit: true };
  // many nodes in one row are unreadable: past 20, the depths go on circles around the root
  return rootId
    ? { name: "breadthfirst", roots: [rootId], directed: false, spacingFactor: 1.05, avoidOverlap: true, circle: count > 20, ...common }
    : { name: "cose", nodeRepulsion: 12000, idealEdgeLength: 90, componentSpacing: 80, ...common };
}

/**
 * Draw `nodes` and `edges` into `container`. `rootId` (optional) is placed at
 * the top of a breadth-first layout; otherwise a force layout is used.
 * `onTap(node)` is called when a node is clicked. Returns the Cytoscape instance
 * (or null when the library is missing).
 */
export function drawGraph(container, nodes, edges, { rootId = null, maxNodes = 500, onTap = null } = {}) {
  if (!window.cytoscape) {
    container.textContent = "cytoscape.min.js is missing from /static/vendor";
    return null;
  }
  const kept = nodes.slice(0, maxNodes);
  const ids = new Set(kept.map((n) => n.id));
  const elements = [
    ...kept.map((n) => ({ data: nodeData(n) })),
    ...edges.filter((e) => ids.has(e.start) && ids.has(e.end)).map((e) => ({
      data: { id: `${e.start}>${e.type}>${e.end}`, source: e.start, target: e.end, type: e.type },
    })),
  ];
  const cy = window.cytoscape({
    container,
    elements,
    minZoom: 0.05,
    maxZoom: 2,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", label: "data(name)", "font-size": 11, color: "#1f2328",
        "text-valign": "bottom", "text-halign": "center", "text-margin-y": 4, width: 16, height: 16,
        "text-wrap": "wrap", "text-max-width": "120px", "text-overflow-wrap": "anywhere", "text-background-color": "#ffffff",
        "text-background-opacity": 0.85, "text-background-padding": "1px",
      } },
      { selector: `node[id = "${rootId ?? ""}"]`, style: { width: 26, height: 26, "border-width": 3, "border-color": "#1f2328" } },
      { selector: "node.expanded", style: { "border-width": 2, "border-color": "#1f2328" } },
      { selector: "node:selected", style: { "overlay-opacity": 0.15 } },
      { selector: "edge", style: {
        width: 1.2, "line-color": "#b5bcc4", "target-arrow-color": "#b5bcc4", "target-arrow-shape": "triangle",
        "curve-style": "bezier",
      } },
    ],
    layout: layoutOptions(rootId, kept.length),
  });
  if (onTap) cy.on("tap", "node", (event) => onTap(event.target));
  container.cy = cy;
  return cy;
}

/** Start fetching the graph library (a view that will draw calls this before asking for its data). */
export function prefetchGraphLibrary() {
  loadScript(CYTOSCAPE).catch(() => null);
}

/** The colours of the kinds present, named in the interface's language. */
function legend(labels) {
  return h("ul", { class: "graph-legend", "aria-label": t("graph_legend") }, [...labels].filter(Boolean).map((label) =>
    h("li", { dataset: { label } }, h("span", { class: "swatch", style: `background:${COLOURS[label] ?? "#777"}`, "aria-hidden": "true" }),
      t(`kind_${label}`))));
}

/**
 * A graph with its legend and an information panel. A click on a node adds its
 * neighbours in place (at most EXPAND_LIMIT) and shows its name and a link to its page.
 * `drawWhenShown()` draws once the element is in the document (Cytoscape measures it).
 */
export function graphPanel(nodes, edges, { rootId = null, id = null, maxNodes = 500 } = {}) {
  const canvas = h("div", { class: "graph", id, role: "img", "aria-label": t("graph_aria") });
  const info = h("div", { class: "graph-info", "aria-live": "polite" }, h("p", { class: "muted" }, t("graph_hint")));
  const legendBox = h("div", { class: "legend-box" }, legend(new Set(nodes.map((n) => n.label))));
  const element = h("div", { class: "graph-panel" }, legendBox, canvas, info);
  let cy = null;

  const expand = async (node) => {
    const data = node.data();
    info.replaceChildren(h("p", {}, h("strong", {}, data.name), " ",
      entityHref(data.label, data.id) ? h("a", { href: entityHref(data.label, data.id), class: "open-page" }, t("graph_open_page")) : null));
    if (node.hasClass("expanded")) return;
    node.addClass("expanded");
    let added = 0;
    try {
      const result = await api(`/api/node/${encodeURIComponent(data.id)}/neighbours`, { page_size: EXPAND_LIMIT });
      const fresh = [];
      for (const x of result.items) {
        if (!x.id) continue;
        if (!cy.getElementById(x.id).length) {
          fresh.push({ group: "nodes", data: nodeData({ id: x.id, label: x.label, name: x.name_en && document.documentElement.lang === "en" ? x.name_en : x.name }) });
          added++;
        }
        const [start, end] = x.outgoing ? [data.id, x.id] : [x.id, data.id];
        const edgeId = `${start}>${x.type}>${end}`;
        if (!cy.getElementById(edgeId).length) fresh.push({ group: "edges", data: { id: edgeId, source: start, target: end, type: x.type } });
      }
      if (!canvas.isConnected) return;
      cy.add(fresh);
      cy.layout(layoutOptions(rootId, cy.nodes().length)).run();
      cy.fit(node.closedNeighborhood(), 30); // show what was just added, readable
      legendBox.replaceChildren(legend(new Set(cy.nodes().map((n) => n.data("label")))));
      info.append(h("p", { class: "muted expanded-note" }, t("graph_expanded", { n: added, total: result.total })));
    } catch (error) {
      info.append(h("p", { class: "error" }, error.message));
    }
    element.dataset.expanded = String(Number(element.dataset.expanded ?? 0) + 1);
  };

  return {
    element,
    drawWhenShown() {
      loadScript(CYTOSCAPE).catch(() => null).then(() => requestAnimationFrame(() => {
        if (!canvas.isConnected) return; // the reader has moved on: nothing to draw into
        cy = drawGraph(canvas, nodes, edges, { rootId, maxNodes, onTap: expand });
        element.cy = cy;
      }));
    },
  };
}

/** The nodes and relationships found anywhere in query result rows (nodes, relationships, paths, lists, maps). */
export function graphFromRows(rows) {
  const nodes = new Map();
  const edges = new Map();
  const walk = (value) => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (Array.isArray(value.labels) && value.id !== undefined && value.properties) {
      const p = value.properties;
      nodes.set(value.id, { id: value.id, label: value.labels[0], name: p.name ?? p.title ?? p.metric ?? p.text ?? value.id });
      return;
    }
    if (typeof value.type === "string" && value.start !== undefined && value.end !== undefined) {
      edges.set(value.id ?? `${value.start}-${value.type}-${value.end}`, { start: value.start, end: value.end, type: value.type });
      return;
    }
    if (Array.isArray(value.nodes) && Array.isArray(value.relationships)) {
      value.nodes.forEach(walk);
      value.relationships.forEach(walk);
      return;
    }
    Object.values(value).forEach(walk);
  };
  walk(rows);
  for (const edge of edges.values()) {
    for (const end of [edge.start, edge.end]) {
      if (!nodes.has(end)) nodes.set(end, { id: end, label: "", name: end });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
