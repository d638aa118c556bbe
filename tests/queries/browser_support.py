"""What the browser tests share: one headless Chromium per module, a real ``policykg serve``, helpers.

Debian's ``chromium`` is driven by Playwright (never ``playwright install``).
In CI (``CI`` set, where ``.ci/run`` installs Chromium) a missing or broken
Chromium fails the tests with how to install it. On a machine with only Python
(the README's test command), a missing Chromium is reported as a skip with the
same instruction, so the rest of the suite still runs there. Each module that
imports the fixtures gets its own browser and server (module scope).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.queries.web_support import policykg_serve

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
INSTALL = "apt-get install -y chromium (Debian's package; .ci/run installs it when it is missing)"
TIMEOUT_MS = 20_000


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    message = f"Chromium is not installed, so the web page cannot be tested: {INSTALL}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One Chromium with a fresh profile for all tests of this module."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[test]'")
    executable = chromium_path()
    playwright = sync_playwright().start()
    try:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    except Exception as exc:
        playwright.stop()
        pytest.fail(f"Chromium ({executable}) could not be started: {exc}\nInstall or repair it: {INSTALL}")
    context.set_default_timeout(TIMEOUT_MS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield context
    context.close()
    playwright.stop()


AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="module")
def base_url(seed_settings):
    """``policykg serve`` over the seed graph, in its own process."""
    with policykg_serve(seed_settings.data_dir) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    """A fresh tab on the home page, in the default language; a script error fails the test."""
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(base_url + "/")
    tab.evaluate("localStorage.clear()")
    tab.reload()
    wait_view(tab, "#/")
    yield tab
    tab.close()
    assert not errors, f"script errors on the page: {errors}"


def wait_view(tab, route_prefix: str) -> None:
    """Wait until the view for a route starting with ``route_prefix`` has rendered."""
    tab.wait_for_function(
        "prefix => { const m = document.getElementById('view');"
        " return m && m.dataset.ready === 'true' && m.dataset.route.startsWith(prefix); }", arg=route_prefix)


def shot(tab, name: str, *, readme: bool = False) -> None:
    """A screenshot of the whole page in ``tests/artifacts/``; ``readme``: of the window only, the size the
    README's pictures are (copied to ``docs/`` by hand when the views change)."""
    tab.screenshot(path=str(ARTIFACTS / f"{'readme' if readme else 'web'}-{name}.png"), full_page=not readme)



def axe_violations(tab, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """axe-core's violations of the page as it is now (axe is injected from the tests' copy, never fetched)."""
    if not tab.evaluate("() => Boolean(window.axe)"):
        # evaluated through the browser's own protocol, which the page's Content-Security-Policy (script-src
        # 'self', as served) does not govern: a <script> tag with the text inline would be refused
        tab.evaluate("() => { " + AXE.read_text(encoding="utf-8") + "\n}")
    found = tab.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                         ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                         " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))")
    return [v for v in found if v["impact"] in impacts]


def open_route(tab, base_url: str, route: str) -> None:
    """Go to ``route`` (``#/…``) and wait for its view."""
    tab.goto(f"{base_url}/{route}")
    wait_view(tab, route.split("?")[0] if route != "#/" else "#/")
