// Drawing graphs with Cytoscape.js (shipped in /static/vendor, loaded as a
// classic script so it works offline). Nodes are {id, label, name}; edges are
// {start, end, type}. Clicking a node opens its page.

import { entityHref, t } from "./core.js";

const COLOURS = {
  Plan: "#3b6ea5", Measure: "#6c8ebf", Agency: "#b85450", Site: "#82b366", Target: "#d79b00",
  Province: "#9673a6", City: "#a680b8", District: "#b5a0c8", Organization: "#999999", Incentive: "#c0a000",
};

function short(text, n = 10) {
  const s = String(text ?? "");
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * Draw `nodes` and `edges` into `container`. `rootId` (optional) is placed at
 * the top of a breadth-first layout; otherwise a force layout is used.
 * Returns the Cytoscape instance (or null when the library is missing).
 */
export function drawGraph(container, nodes, edges, { rootId = null, maxNodes = 500 } = {}) {
  if (!window.cytoscape) {
    container.textContent = "cytoscape.min.js is missing from /static/vendor";
    return null;
  }
  const kept = nodes.slice(0, maxNodes);
  const ids = new Set(kept.map((n) => n.id));
  const elements = [
    ...kept.map((n) => ({
      data: { id: n.id, name: short(n.name ?? n.id), full: n.name ?? n.id, label: n.label, colour: COLOURS[n.label] ?? "#777" },
    })),
    ...edges.filter((e) => ids.has(e.start) && ids.has(e.end)).map((e, i) => ({
      data: { id: `e${i}`, source: e.start, target: e.end, type: t(`rel_${e.type}`) },
    })),
  ];
  const cy = window.cytoscape({
    container,
    elements,
    minZoom: 0.1,
    maxZoom: 1.5,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", label: "data(name)", "font-size": 11, color: "#222",
        "text-valign": "bottom", "text-margin-y": 4, width: 18, height: 18,
        "text-wrap": "ellipsis", "text-max-width": "120px",
      } },
      { selector: `node[id = "${rootId ?? ""}"]`, style: { width: 28, height: 28, "border-width": 3, "border-color": "#333" } },
      { selector: "edge", style: {
        width: 1.5, "line-color": "#bbb", "target-arrow-color": "#bbb", "target-arrow-shape": "triangle",
        "curve-style": "bezier", label: "data(type)", "font-size": 9, color: "#777", "text-rotation": "autorotate",
      } },
    ],
    layout: rootId
      ? { name: "breadthfirst", roots: [rootId], directed: false, spacingFactor: 1.1, padding: 20, animate: false }
      : { name: "cose", animate: false, padding: 20, nodeRepulsion: 8000 },
  });
  cy.on("tap", "node", (event) => {
    const data = event.target.data();
    location.hash = entityHref(data.label, data.id);
  });
  cy.on("mouseover", "node", (event) => {
    container.title = event.target.data("full");
  });
  return cy;
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
