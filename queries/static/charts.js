// The charts page: targets by year and category for a province, a trajectory per
// metric (what was promised for which year, plan after plan), and two provinces
// side by side. Drawn by Chart.js (shipped in /static/vendor); every chart has
// its numbers in a table below it, and every point and row links to its target,
// so each figure is one click from its sentence.

import {
  amountText, api, currentLang, displayName, entityHref, entityLink, h, loadScript, routeWith, section, setTitle, t,
} from "./core.js";

const CHART_JS = "/static/vendor/chart.umd.min.js";

const PALETTE = ["#2f5f93", "#b07a00", "#4d8a3a", "#a8433e", "#7d5a91", "#1b7f86", "#c05a1a", "#5b6b7a", "#8f7a00",
  "#b0457a", "#3d8f6a", "#6a5acd", "#9c6b3c", "#4a7fb0", "#a0a0a0"];

function categoryName(data, key) {
  const names = data.categories[key];
  return names ? (currentLang() === "en" ? names.en : names.zh) : key;
}

function chartCanvas(label) {
  return h("div", { class: "chart-box" }, h("canvas", { role: "img", "aria-label": label }));
}

function draw(box, config) {
  loadScript(CHART_JS).catch(() => null).then(() => requestAnimationFrame(() => {
    const canvas = box.querySelector("canvas");
    if (!box.isConnected) return; // the reader has moved on
    if (!window.Chart) {
      box.replaceChildren(h("p", { class: "error" }, "chart.umd.min.js is missing from /static/vendor"));
      return;
    }
    canvas.chart = new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    box.dataset.drawn = "true";
  }));
}

function byYearChart(data, side) {
  const label = t("chart_by_year_of", { name: side.id ? displayName(side.name, side.name_en) : t("chart_all_provinces") });
  const box = chartCanvas(label);
  box.dataset.chart = "by-year";
  draw(box, {
    type: "bar",
    data: { labels: side.by_year.years, datasets: side.by_year.series.map((s, i) => ({
      label: categoryName(data, s.category), data: s.counts, backgroundColor: PALETTE[i % PALETTE.length] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: t("chart_targets_count") } } },
      plugins: { legend: { position: "bottom" } },
      onClick: (_event, found) => {
        if (!found.length) return;
        const year = side.by_year.years[found[0].index];
        location.hash = routeWith("#/targets", { year, province: side.id });
      } },
  });
  const table = h("details", { class: "chart-data" }, h("summary", {}, t("chart_numbers")),
    h("table", { class: "data" },
      h("thead", {}, h("tr", {}, h("th", {}, t("target_category")), side.by_year.years.map((y) => h("th", { class: "num" }, y)))),
      h("tbody", {}, side.by_year.series.map((s) => h("tr", {}, h("th", { scope: "row" }, categoryName(data, s.category)),
        s.counts.map((n, i) => h("td", { class: "num" }, n ? h("a", {
          href: routeWith("#/targets", { year: side.by_year.years[i], province: side.id, category: s.category === "qualitative" ? null : s.category }),
        }, n) : "")))))));
  return h("div", { class: "chart-part" }, h("h3", {}, label), box, table);
}

function trajectoryPart(data, side, chosen) {
  if (!side.id) return h("p", { class: "muted" }, t("chart_pick_province"));
  if (!side.trajectories.length) return h("p", { class: "muted" }, t("chart_no_trajectory"));
  const series = side.trajectories.find((s) => `${s.category}|${s.unit}` === chosen) ?? side.trajectories[0];
  const key = `${series.category}|${series.unit}`;
  const picker = h("select", { id: "trajectory-metric", "aria-label": t("chart_metric") }, side.trajectories.map((s) =>
    h("option", { value: `${s.category}|${s.unit}`, selected: `${s.category}|${s.unit}` === key },
      `${categoryName(data, s.category)} (${s.unit}) · ${t("chart_plans_n", { n: s.plans })}`)));
  picker.addEventListener("change", () => {
    const params = new URLSearchParams(location.hash.split("?")[1] ?? "");
    params.set("metric", picker.value);
    location.hash = `#/charts?${params}`;
  });
  const plans = [...new Map(series.points.map((p) => [p.plan_id, p])).values()];
  const label = t("chart_trajectory_of", { metric: categoryName(data, series.category), unit: series.unit });
  const box = chartCanvas(label);
  box.dataset.chart = "trajectory";
  draw(box, {
    type: "line",
    data: { datasets: plans.map((plan, i) => ({
      label: `${plan.plan_year ?? ""} ${plan.plan}`.trim(),
      data: series.points.filter((p) => p.plan_id === plan.plan_id).map((p) => ({ x: p.year, y: p.value, id: p.id })),
      borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], pointRadius: 5, tension: 0,
    })) },
    options: {
      scales: { x: { type: "linear", ticks: { stepSize: 1, callback: (v) => String(v) }, title: { display: true, text: t("year") } },
        y: { beginAtZero: true, title: { display: true, text: series.unit } } },
      plugins: { legend: { position: "bottom" } },
      onClick: (_event, found) => {
        if (!found.length) return;
        const point = found[0].element.$context.raw;
        location.hash = entityHref("Target", point.id);
      },
    },
  });
  return h("div", { class: "chart-part" }, h("h3", {}, label), h("label", { class: "inline" }, `${t("chart_metric")} `, picker),
    series.plans_left_out ? h("p", { class: "note" }, t("chart_plans_left_out", { n: series.plans_left_out, k: series.plans - series.plans_left_out })) : null,
    box,
    h("table", { class: "data trajectory-table" },
      h("thead", {}, h("tr", {}, h("th", {}, t("year")), h("th", {}, t("value")), h("th", {}, t("metric")), h("th", {}, t("plan")))),
      h("tbody", {}, series.points.map((p) => h("tr", {},
        h("td", { class: "year" }, p.year),
        h("td", { class: "num" }, h("a", { href: entityHref("Target", p.id) }, amountText({ comparator: p.comparator, value: p.value, unit: series.unit }))),
        h("td", {}, p.metric ?? ""),
        h("td", {}, entityLink("Plan", p.plan_id, p.plan)))))));
}

function compareTable(data, left, right, rows) {
  const cell = (p) => (p ? [h("a", { href: entityHref("Target", p.id) }, amountText({ comparator: p.comparator, value: p.value, unit: p.unit })),
    h("span", { class: "muted" }, ` ${p.year}`)] : h("span", { class: "muted" }, "—"));
  return h("table", { class: "data compare-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("metric")), h("th", {}, displayName(left.name, left.name_en)),
      h("th", {}, displayName(right.name, right.name_en)))),
    h("tbody", {}, rows.map((r) => h("tr", { dataset: { metric: r.metric } },
      h("th", { scope: "row" }, `${categoryName(data, r.category)} (${r.unit})`), h("td", {}, cell(r.left)), h("td", {}, cell(r.right))))));
}

function comparePart(data) {
  const { left, right } = data;
  const categories = [...new Set([...left.by_year.series, ...right.by_year.series].map((s) => s.category))];
  const total = (side, cat) => (side.by_year.series.find((s) => s.category === cat)?.counts ?? []).reduce((a, b) => a + b, 0);
  const label = t("chart_compare_of", { a: displayName(left.name, left.name_en), b: displayName(right.name, right.name_en) });
  const box = chartCanvas(label);
  box.dataset.chart = "compare";
  draw(box, {
    type: "bar",
    data: { labels: categories.map((c) => categoryName(data, c)), datasets: [left, right].map((side, i) => ({
      label: displayName(side.name, side.name_en), data: categories.map((c) => total(side, c)), backgroundColor: PALETTE[i] })) },
    options: { indexAxis: "y", plugins: { legend: { position: "bottom" } }, scales: { x: { title: { display: true, text: t("chart_targets_count") } } } },
  });
  return section("chart_compare", h("div", { class: "chart-part" }, h("h3", {}, label), box),
    h("h3", {}, t("chart_latest_goals")), compareTable(data, left, right, data.compare));
}

export async function chartsView(params) {
  const province = params.get("province") ?? "";
  const compare = params.get("compare") ?? "";
  loadScript(CHART_JS).catch(() => null); // fetched while the numbers are asked for
  const data = await api("/api/charts", { province, compare });
  const left = data.left;
  setTitle(t("charts_title"), left.id ? displayName(left.name, left.name_en) : null);
  const choose = (name, current, withAll) => {
    const select = h("select", { id: `chart-${name}`, name },
      h("option", { value: "" }, withAll ? t("chart_all_provinces") : t("chart_none")),
      data.provinces.map((p) => h("option", { value: p.id, selected: p.id === current }, `${displayName(p.name, p.name_en)} (${p.targets})`)));
    select.addEventListener("change", () => {
      location.hash = routeWith("#/charts", { province, compare, [name]: select.value });
    });
    return select;
  };
  const heading = left.id ? t("charts_of", { name: displayName(left.name, left.name_en) }) : t("charts_title");
  return h("div", { class: "charts-view" },
    h("h1", {}, heading),
    h("form", { class: "filters", onsubmit: (e) => e.preventDefault() },
      h("label", {}, `${t("province")} `, choose("province", province, true)),
      h("label", {}, `${t("chart_compare_with")} `, choose("compare", compare, false))),
    section("chart_by_year", h("div", { class: data.right ? "two-charts" : "" }, byYearChart(data, left),
      data.right ? byYearChart(data, data.right) : null)),
    section("chart_trajectory", trajectoryPart(data, left, params.get("metric"))),
    data.right && data.compare ? comparePart(data) : h("p", { class: "muted" }, t("chart_pick_compare")));
}
