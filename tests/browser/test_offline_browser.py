"""Offline use through the service worker, in real headless Chromium: after one
visit to the checker page the whole site works with the server gone, at the
root and under a sub-path, and a changed build replaces the old cache. The
session's hosts serve (see tests/conftest.py): a test switches one off, or deploys
another build to it, and the next test finds it as it was."""

from __future__ import annotations

import json
import time

import pytest

from build_scripts.site_layout import CACHE_PREFIX, SNAPSHOT_CACHE
from tests.browser.conftest import NEW_SENTENCE
from tests.browser.test_checker_browser import ENGINE_TIMEOUT, wait_for_engine, wait_for_snapshot
from tests.browser.test_site_browser import search_for
from tests.conftest import Host

pytestmark = pytest.mark.browser

# True once the service worker controls the page and keeps every file of the
# checker's runtime (the names given).
RUNTIME_KEPT = """async (files) => {
    if (!navigator.serviceWorker.controller) return false;
    const kept = [];
    for (const name of await caches.keys()) {
        if (!["runtime-", "checker-"].some(group => name.startsWith(PREFIX + group))) continue;
        const cache = await caches.open(name);
        kept.push(...(await cache.keys()).map(request => request.url.split("/").pop()));
    }
    return files.every(file => kept.includes(file));
}""".replace("PREFIX", json.dumps(CACHE_PREFIX))


def visit_checker_until_kept(page, server: Host) -> None:
    """Visit the checker page until the service worker keeps its runtime and the
    checker keeps its engine's snapshot."""
    page.goto(server.url + "checker/")
    wait_for_engine(page)
    engine = json.loads((server.site / "pyodide" / "engine.json").read_text())
    runtime = ["engine.json", *(name for names in engine["files"].values() for name in names)]
    assert len(runtime) >= 6, runtime
    wait_until(page, RUNTIME_KEPT, runtime)
    assert wait_for_snapshot(page)["kept"] is True


def wait_until(page, predicate: str, arg=None, seconds: float = ENGINE_TIMEOUT / 1000) -> None:
    """Poll an async predicate in the page (wait_for_function does not await promises)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {predicate[:60]}..."
        page.wait_for_timeout(250)


# The session's hosts of the site, at the root and under a sub-path: switched off here,
# and on again for the next test.
@pytest.mark.parametrize("own_host", ["own_site_host", "own_sub_path_host"],
                         ids=["root", "sub-path"])
def test_whole_site_works_offline_after_one_checker_visit(page, request, own_host):
    server = request.getfixturevalue(own_host)
    try:
        visit_checker_until_kept(page, server)
    finally:
        server.stop()  # from here on, nothing answers on that port

    # Offline, from the snapshot this browser kept, and without it: an ordinary start
    # from what the service worker kept.
    for from_snapshot in (True, False):
        if not from_snapshot:
            page.evaluate(f"() => caches.delete('{SNAPSHOT_CACHE}@{server.base}')")
        page.reload()
        wait_for_engine(page)
        assert page.evaluate("() => window.checkerStartup.snapshot") is from_snapshot
        result = page.evaluate("() => window.checker.assess("
                               "{hours_since_massage: 30, severity: 8, painkillers: 'not_helped'})")
        assert result["level"] == "urgent"

    page.goto(server.url + "relief/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Relief and self-care"
    page.locator("a[href$='warning-signs/']").first.click()
    page.locator("#saddle-numbness").wait_for()

    page.goto(server.url)
    search_for(page, "fever", expect="warning-signs/")


def test_a_changed_build_replaces_the_old_cache(page, own_site_host, pages_changed_site):
    server = own_site_host
    visit_checker_until_kept(page, server)
    before = set(page.evaluate("() => caches.keys()"))

    # Deploy a build at the same address whose pages changed (an article, an inline script).
    server.deploy(pages_changed_site)
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    wait_until(page, """async (before) => {
        const names = await caches.keys();
        return names.some(name => name.includes("-core-"))
            && !names.some(name => before.includes(name) && name.includes("-core-"));
    }""", sorted(before))
    after = set(page.evaluate("() => caches.keys()"))
    page.goto(server.url + "relief/")
    assert page.get_by_text(NEW_SENTENCE).is_visible()
    old_core = {name for name in before if "-core-" in name}
    assert old_core and not old_core & after, "the old build's cache is still there"
    # The runtime did not change, so its cache is kept rather than downloaded again;
    # the checker's own engine snapshot is left to the checker.
    assert {name for name in before if "-runtime-" in name} <= after
    assert {name for name in before if "-checker-" in name} <= after
    assert f"{SNAPSHOT_CACHE}@/" in before and f"{SNAPSHOT_CACHE}@/" in after
