// The page's entry point: the hash router, the search box with suggestions and
// the language switch. Views re-render on every route change and on a switch;
// after a route change the view's heading takes the focus, so a screen reader
// and a keyboard user land on what just opened.

import { api, currentLang, entityHref, errorBox, h, kindBadge, loadLabels, loading, relabel, setLang, setTitle, t } from "./core.js";
import { browseView } from "./browse.js";
import { chartsView } from "./charts.js";
import { consoleView } from "./console.js";
import { docView, measureView, targetView } from "./entities.js";
import { targetsView } from "./targets.js";
import { agencyView, homeView, nodeView, placeView, planView, searchView, siteView } from "./views.js";

const ROUTES = {
  "": homeView, search: searchView, plan: planView, agency: agencyView, site: siteView, place: placeView,
  node: nodeView, measure: measureView, target: targetView, doc: docView, targets: targetsView,
  console: consoleView, browse: browseView, charts: chartsView,
};
const ID_ROUTES = new Set(["plan", "agency", "site", "place", "node", "measure", "target", "doc"]);

let renderCount = 0;
let firstRender = true;

/** The route's name, its argument (an id or the query parameters) and, for browse, the index. */
function parseRoute() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  if (ID_ROUTES.has(name)) return { name, arg: decodeURIComponent(rest.join("/")) };
  const params = new URLSearchParams(query);
  if (name === "browse") params.set("index", rest[0] || "plans");
  return { name, arg: params };
}

async function render() {
  const main = document.getElementById("view");
  const { name, arg } = parseRoute();
  const view = ROUTES[name] ?? homeView;
  const mine = ++renderCount;
  main.replaceChildren(loading());
  main.dataset.view = name || "home";
  main.dataset.route = location.hash || "#/";
  main.removeAttribute("data-ready");
  for (const link of document.querySelectorAll("nav.main a")) {
    const on = link.dataset.route === (name || "home");
    link.classList.toggle("active", on);
    if (on) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  setTitle();
  try {
    const content = await view(arg);
    if (mine !== renderCount) return;
    main.replaceChildren(content);
  } catch (error) {
    if (mine !== renderCount) return;
    main.replaceChildren(h("h1", {}, t("error")), errorBox(error));
  }
  const title = main.querySelector("h1");
  if (title && document.title === t("app_title") && name) setTitle(title.textContent.trim());
  main.dataset.ready = "true";
  if (!firstRender) {
    window.scrollTo(0, 0);
    if (title) {
      title.tabIndex = -1;
      title.focus({ preventScroll: true });
    }
  }
  firstRender = false;
}

function searchBox() {
  const input = document.getElementById("search");
  const list = document.getElementById("suggestions");
  let items = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const setActive = (index) => {
    active = index;
    [...list.children].forEach((li, i) => {
      li.classList.toggle("active", i === active);
      li.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  // Suggestions belong to the text they were asked for: any change of the text drops
  // them at once, so ↓ Enter never opens a suggestion for what was typed before.
  const close = () => {
    items = [];
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };
  const open = (item) => {
    close();
    location.hash = entityHref(item.label, item.id);
  };
  const show = (found) => {
    items = found;
    list.replaceChildren(...items.map((item, i) => h("li", {
      class: "suggestion", role: "option", id: `suggestion-${i}`, "aria-selected": "false",
      dataset: { id: item.id, label: item.label },
      onmousedown: (event) => { event.preventDefault(); open(items[i]); },
    }, kindBadge(item.label), " ", h("span", { class: "name" }, item.name),
    item.name_en ? h("span", { class: "secondary" }, ` ${item.name_en}`) : null,
    item.detail ? h("span", { class: "muted" }, ` · ${item.detail}`) : null)));
    list.hidden = !items.length;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    setActive(-1);
  };
  const ask = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) return;
    try {
      const result = await api("/api/suggest", { q, limit: 10 });
      if (mine !== asked || input.value.trim() !== q) return;
      show(result.items);
    } catch {
      close();
    }
  };
  input.addEventListener("input", () => {
    close();
    asked++;
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!items.length) return;
      setActive((active + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length);
    } else if (event.key === "Escape") {
      event.preventDefault(); // close the list, keep the text
      clearTimeout(timer);
      asked++;
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (active >= 0 && items[active]) {
      open(items[active]);
      return;
    }
    const q = input.value.trim();
    clearTimeout(timer);
    asked++;
    close();
    if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
  });
  // the search page keeps its query in the address, so the box shows it again after a reload
  const restore = () => {
    const { name, arg } = parseRoute();
    if (name === "search" && arg.get("q") && document.activeElement !== input) input.value = arg.get("q");
  };
  window.addEventListener("hashchange", restore);
  restore();
}

async function main() {
  await loadLabels();
  relabel();
  searchBox();
  const toggle = document.getElementById("lang-toggle");
  toggle.addEventListener("click", () => {
    setLang(currentLang() === "zh" ? "en" : "zh");
    relabel();
    render();
  });
  window.addEventListener("hashchange", render);
  await render();
}

main();
