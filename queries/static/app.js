// The page's entry point: the hash router, the search box with suggestions and
// the language switch. Views re-render on every route change and on a switch.

import { api, currentLang, entityHref, errorBox, h, kindBadge, loadLabels, loading, relabel, setLang, t } from "./core.js";
import { consoleView } from "./console.js";
import { targetsView } from "./targets.js";
import { agencyView, homeView, nodeView, placeView, planView, searchView, siteView } from "./views.js";

const ROUTES = {
  "": homeView, search: searchView, plan: planView, agency: agencyView, site: siteView, place: placeView,
  node: nodeView, targets: targetsView, console: consoleView,
};
const ID_ROUTES = new Set(["plan", "agency", "site", "place", "node"]);

let renderCount = 0;

async function render() {
  const main = document.getElementById("view");
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  const view = ROUTES[name] ?? homeView;
  const arg = ID_ROUTES.has(name) ? decodeURIComponent(rest.join("/")) : new URLSearchParams(query);
  const mine = ++renderCount;
  main.replaceChildren(loading());
  main.dataset.view = name || "home";
  main.dataset.route = location.hash || "#/";
  main.removeAttribute("data-ready");
  for (const link of document.querySelectorAll("nav.main a")) {
    link.classList.toggle("active", link.dataset.route === (name || "home"));
  }
  try {
    const content = await view(arg);
    if (mine !== renderCount) return;
    main.replaceChildren(content);
  } catch (error) {
    if (mine !== renderCount) return;
    main.replaceChildren(errorBox(error));
  }
  main.dataset.ready = "true";
  window.scrollTo(0, 0);
}

function searchBox() {
  const input = document.getElementById("search");
  const list = document.getElementById("suggestions");
  let items = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    active = -1;
  };
  const open = (item) => {
    close();
    input.blur();
    location.hash = entityHref(item.label, item.id);
  };
  const highlight = () => {
    [...list.children].forEach((li, i) => li.classList.toggle("active", i === active));
  };
  const show = () => {
    list.replaceChildren(...items.map((item, i) => h("li", {
      class: "suggestion", role: "option", dataset: { id: item.id, label: item.label },
      onmousedown: (event) => { event.preventDefault(); open(items[i]); },
    }, kindBadge(item.label), " ", h("span", { class: "name" }, item.name),
    item.name_en ? h("span", { class: "secondary" }, ` ${item.name_en}`) : null,
    item.detail ? h("span", { class: "muted" }, ` · ${item.detail}`) : null)));
    list.hidden = !items.length;
    active = -1;
  };
  const ask = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) {
      close();
      return;
    }
    try {
      const result = await api("/api/suggest", { q, limit: 10 });
      if (mine !== asked) return;
      items = result.items;
      show();
    } catch {
      close();
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!items.length) return;
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      highlight();
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (active >= 0 && items[active]) {
      open(items[active]);
      return;
    }
    const q = input.value.trim();
    close();
    if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
  });
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
