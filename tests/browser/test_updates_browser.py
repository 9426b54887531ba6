"""Updates and faults, as a reader meets them, in real headless Chromium against a
server that sends `Cache-Control: max-age=600` as GitHub Pages does and can swap
the build it serves at the same address (a deployment): a returning reader gets
the new engine on the next visit, also within the HTTP cache's ten minutes, and
keeps it offline; a page and an engine of different builds never exchange
answers; a damaged file on the host is never kept, and the checker works again
once the host is fixed; a stalled download ends in the warning signs; and two
copies of the site on one origin keep their own offline caches."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from build_scripts.site_layout import CACHE_PREFIX, ENGINE_MANIFEST, RUNTIME_FOLDER, SNAPSHOT_CACHE
from tests.browser.checker_form import ENGINE_TIMEOUT
from tests.browser.test_offline_browser import wait_until
from tests.conftest import Host, build_site, copy_of_the_project, free_port

pytestmark = pytest.mark.browser

# A question that only the second build asks, as a new policy would add one.
NEW_FIELD = "new_in_this_build"
NEW_QUESTION = f'''    Question("{NEW_FIELD}", kind=BOOLEAN, section="symptoms_more",
             text="Is this a question that only the new build asks?",
             help="It is there to test a deployment.",
             topic="a question new in this build", default=False),
'''
ANSWERS = {"hours_since_massage": 30, "severity": 3}

# True once the service worker controls the checker page and this copy of the site
# (its caches end in "@<its path>") keeps every file of the engine: each file its
# manifest names, and the manifest.
KEPT_HERE = """async () => {
    if (!navigator.serviceWorker.controller) return false;
    const manifest = new URL("../RUNTIME/MANIFEST", location.href);
    const files = Object.values((await (await fetch(manifest)).json()).files).flat();
    const scope = "@" + new URL("../", location.href).pathname;
    const kept = [];
    for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || !name.endsWith(scope)) continue;
        const cache = await caches.open(name);
        kept.push(...(await cache.keys()).map(request => request.url.split("/").pop()));
    }
    return [...files, "MANIFEST"].every(file => kept.includes(file));
}""".replace("PREFIX", json.dumps(CACHE_PREFIX)).replace("RUNTIME", RUNTIME_FOLDER) \
    .replace("MANIFEST", ENGINE_MANIFEST)

# The limits the page's script takes from the test (in milliseconds), so that a test
# of a stall or a silent engine ends in seconds rather than at the real limits.
QUICK_LIMITS = "window.checkerLimits = { start: 6000, answer: 4000 };"


# ---------------------------------------------------------------------------
# The session's host (tests/conftest.py's Host), deployed to

@pytest.fixture(scope="module")
def builds(tmp_path_factory, built_site, site_url):
    """Two builds for the session's address: today's (the session's own), and one whose
    checker asks a new question."""
    folder = tmp_path_factory.mktemp("deploy")
    project = copy_of_the_project(folder / "project")
    questions = project / "checker" / "questions.py"
    text = questions.read_text(encoding="utf-8")
    anchor = '    Question("weight_loss", kind=BOOLEAN, section="symptoms_more",\n'
    assert anchor in text
    questions.write_text(text.replace(anchor, NEW_QUESTION + anchor), encoding="utf-8")
    second = build_site(folder / "v2", root=project, SITE_URL=site_url)
    return {"v1": built_site, "v2": second}


@pytest.fixture
def host(own_site_host):
    """The session's host at the root, that the test deploys to, stalls or switches off;
    the next test finds it serving the session's build again."""
    return own_site_host


def build_of(site: Path) -> str:
    return json.loads((site / "pyodide" / "engine.json").read_text())["checker_build"]


def core_cache_of(site: Path) -> str:
    """Return the name (without its scope) of the build's cache of pages."""
    text = (site / "sw.js").read_text()
    caches = json.loads(re.search(r"^const CACHES = (.*);$", text, re.MULTILINE).group(1))
    return next(cache["name"] for cache in caches if "-core-" in cache["name"])


# True once the service worker of the build whose pages' cache is named is in charge.
NEW_VERSION_ACTIVE = """async (core) => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration || registration.installing || registration.waiting) return false;
    return (await caches.keys()).some((name) => name.startsWith(core + "@"));
}"""


# What the browser's service workers are doing, for a failure's message.
WORKER_STATE = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const url = (worker) => worker && worker.scriptURL;
    return { installing: url(registration?.installing), waiting: url(registration?.waiting),
             active: url(registration?.active), caches: await caches.keys() };
}"""


def became_true(page, predicate: str, arg, seconds: float) -> bool:
    """Whether an async predicate in the page became true within ``seconds``."""
    try:
        wait_until(page, predicate, arg, seconds=seconds)
    except AssertionError:
        return False
    return True


def damaged_copy(site: Path, folder: Path, name: str) -> Path:
    """Return a copy of the built site with one of its engine's files damaged."""
    copy = folder / f"damaged-{name.replace('/', '-')}"
    shutil.copytree(site, copy, symlinks=True)
    target = copy / name
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2] if name.endswith(".wasm") else data[:-40] + b"!" * 40)
    return copy


# ---------------------------------------------------------------------------
# The reader

# What Playwright says when the page navigates while a script of the test runs in it.
NAVIGATED_AWAY = "Execution context was destroyed"


def engine_answers(page) -> dict:
    """Wait for the engine and return its build, the page's, and a check of the page's
    own questions (the new one too, where the page asks it).

    The page may load itself again once, onto its engine's build (checker.js,
    reloadForBuild), while this reads it: then read the page it loaded."""
    try:
        return engine_answers_once(page)
    except PlaywrightError as error:
        if NAVIGATED_AWAY not in str(error):
            raise
    page.wait_for_load_state("domcontentloaded", timeout=ENGINE_TIMEOUT)
    return engine_answers_once(page)


def engine_answers_once(page) -> dict:
    """engine_answers, for a page that stays where it is."""
    page.wait_for_function("() => window.checker !== undefined", timeout=ENGINE_TIMEOUT)
    page.evaluate("() => window.checker.ready")
    fields = page.evaluate("() => [...document.querySelectorAll('[data-field]')]"
                           ".map(q => q.dataset.field)")
    answers = {**ANSWERS, **({NEW_FIELD: True} if NEW_FIELD in fields else {})}
    reply = page.evaluate("""(answers) => window.checker.assess(answers).then(
        (result) => ({ level: result.level }), (error) => ({ error: error.message }))""", answers)
    return {"page": page.locator("#checker-form").get_attribute("data-build"),
            "engine": page.evaluate("() => window.checker.build"), "reply": reply,
            "asks_new": NEW_FIELD in fields}


def visit_until_kept(page, url: str) -> None:
    """Open the checker page and wait until the service worker keeps the engine."""
    page.goto(url + "checker/")
    state = engine_answers(page)
    assert state["reply"] == {"level": "self_care"}, state
    wait_until(page, KEPT_HERE)
    page.wait_for_function("() => window.checkerSnapshot !== undefined", timeout=ENGINE_TIMEOUT)


def fallback_shown(page, seconds: float) -> float:
    """Wait for the warning signs in place of the checker; return how long it took."""
    since = time.monotonic()
    expect(page.locator("#checker-fallback")).to_be_visible(timeout=seconds * 1000)
    return time.monotonic() - since


# ---------------------------------------------------------------------------
# Tests

def test_a_new_version_reaches_a_returning_reader_within_the_cache_lifetime(page, host, builds):
    host.deploy(builds["v1"])
    visit_until_kept(page, host.url)
    assert engine_answers(page)["engine"] == build_of(builds["v1"])

    # A deployment; the reader comes back a minute later, well within max-age=600.
    host.deploy(builds["v2"])
    seen, workers = [], []
    for _visit in range(4):
        # The page and its engine are what matter, not every file's "load": on a busy
        # machine a file the service worker is replacing can hold that up.
        try:
            page.reload(wait_until="commit")
        except PlaywrightError as error:
            # The page may reload itself as the new version takes over (checker.js: a
            # page and an engine of different builds), which cuts the reader's reload
            # short; on a busy machine a reload can stall while the service workers
            # change over. Either way the reader reloads again: that counts as a visit.
            if not isinstance(error, PlaywrightTimeoutError) and "ERR_ABORTED" not in str(error):
                raise
            workers.append(f"a reload ended: {str(error).splitlines()[0]}")
            continue
        state = engine_answers(page)
        seen.append(state)
        # Whatever the page shows, it and its engine are of one build, and every
        # question it asks is one the engine knows.
        assert state["page"] == state["engine"], seen
        assert "error" not in state["reply"], seen
        if state["engine"] == build_of(builds["v2"]):
            break
        # The visit finds the new version and installs it while the reader reads. The
        # browser checks for it at each visit; on a machine busy enough to lose one
        # check, the reader's next visit checks again.
        if not became_true(page, NEW_VERSION_ACTIVE, core_cache_of(builds["v2"]), seconds=60):
            workers.append(page.evaluate(WORKER_STATE))
    assert seen and seen[-1]["engine"] == build_of(builds["v2"]), \
        f"still the old engine: {seen} {workers}"
    assert seen[-1]["asks_new"] and seen[-1]["reply"] == {"level": "self_care"}

    # Offline afterwards: still the new build, answered from what the browser kept.
    wait_until(page, KEPT_HERE)
    host.stop()
    page.reload()
    state = engine_answers(page)
    assert state["engine"] == state["page"] == build_of(builds["v2"]), state
    assert state["reply"] == {"level": "self_care"}


def test_a_page_never_talks_to_an_engine_of_another_build_after_instant_navigation(
        page, host, builds):
    host.deploy(builds["v1"])
    visit_until_kept(page, host.url)
    before = page.evaluate("() => caches.keys()")
    # A deployment while the tab stays open: the new service worker takes over.
    host.deploy(builds["v2"])
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    wait_until(page, """async (before) => {
        const names = await caches.keys();
        return names.some(name => name.includes("-core-") && !before.includes(name))
            && !before.some(name => name.includes("-core-") && names.includes(name));
    }""", before, seconds=60)
    # Away and back by instant navigation: the new build's checker page, in a tab
    # whose script still holds the old build's engine.
    page.locator("a.md-nav__link[href$='relief/']").first.click()
    page.wait_for_url("**/relief/")
    page.locator("a.md-nav__link[href$='checker/']").first.click()
    page.wait_for_url("**/checker/")
    page.locator("#checker-form").wait_for()
    state = engine_answers(page)
    assert state["page"] == build_of(builds["v2"]) and state["asks_new"], state
    assert state["engine"] == state["page"], state
    assert state["reply"] == {"level": "self_care"}, state


@pytest.mark.parametrize("damaged", ["pyodide/pyodide.asm.wasm", "pyodide/engine.json", "wheel"])
def test_a_damaged_file_on_the_host_is_never_kept(page, host, builds, tmp_path, damaged):
    site = builds["v1"]
    name = damaged
    if damaged == "wheel":
        name = "pyodide/" + next(path.name for path in (site / "pyodide").glob("*.whl"))
    host.deploy(damaged_copy(site, tmp_path, name))
    for _visit in range(2):  # the first visit installs the service worker; the second uses it
        page.goto(host.url + "checker/")
        fallback_shown(page, 60)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)

    # Nothing damaged was kept: the host is fixed, and the next visit works.
    host.deploy(site)
    page.goto(host.url + "checker/")
    state = engine_answers(page)
    assert state["reply"] == {"level": "self_care"}, state
    expect(page.locator("#checker-fallback")).to_be_hidden()


def test_a_stalled_download_ends_in_the_warning_signs(page, host, builds):
    host.deploy(builds["v1"])
    host.stall = {"pyodide.asm.wasm"}
    page.add_init_script(QUICK_LIMITS)
    page.goto(host.url + "checker/")
    took = fallback_shown(page, 30)
    assert took < 20, f"the warning signs took {took:.0f} s"
    expect(page.locator("#checker-fallback")).to_contain_text("taking longer than usual")

    # It kept trying quietly: once the link recovers, the checker comes back.
    host.stall = set()
    host.released.set()
    page.wait_for_function("() => window.checker !== undefined", timeout=ENGINE_TIMEOUT)
    page.evaluate("() => window.checker.ready")
    expect(page.locator("#checker-form")).to_be_visible(timeout=ENGINE_TIMEOUT)
    expect(page.locator("#checker-fallback")).to_be_hidden()


def test_two_copies_on_one_origin_keep_their_own_offline_caches(page, builds, tmp_path):
    # A project site at /a/ and a preview of another build at /b/, on one origin.
    origin = tmp_path / "origin"
    origin.mkdir()
    (origin / "index.html").write_text("<!doctype html><title>origin</title>")
    shutil.copytree(builds["v1"], origin / "a", symlinks=True)
    shutil.copytree(builds["v2"], origin / "b", symlinks=True)
    host = Host(tmp_path / "host", origin, free_port())
    try:
        visit_until_kept(page, host.url + "a/")
        visit_until_kept(page, host.url + "b/")
        names = page.evaluate("() => caches.keys()")
        for copy in ("a", "b"):
            assert any(name.startswith(CACHE_PREFIX + "core-") and name.endswith(f"@/{copy}/")
                       for name in names), names
            assert f"{SNAPSHOT_CACHE}@/{copy}/" in names, names
    finally:
        host.stop()
    for copy, site in (("a", builds["v1"]), ("b", builds["v2"])):
        page.goto(host.url + f"{copy}/checker/")
        state = engine_answers(page)
        assert state["engine"] == build_of(site), (copy, state)
        assert state["reply"] == {"level": "self_care"}, (copy, state)
        assert page.evaluate("() => window.checkerStartup.snapshot") is True, copy


# Malformed answers given to window.checker.assess: each refused with a short message
# that names its field, never the page's own error.
MALFORMED = """async () => {
    const deep = []; let inner = deep;
    for (let i = 0; i < 100000; i++) { const next = []; inner.push(next); inner = next; }
    const cycle = { a: 1 }; cycle.self = cycle;
    const cases = {
        deep: { hours_since_massage: 1, severity: 1, pain_areas: deep },
        bigint: { hours_since_massage: 10n, severity: 1 },
        cycle: { hours_since_massage: 1, severity: 1, conditions: cycle },
        huge: { hours_since_massage: 1, severity: 1, fever: "x".repeat(1000000) },
        hugeName: { hours_since_massage: 1, severity: 1, ["y".repeat(1000000)]: true },
        notObject: 5n,
        fn: { hours_since_massage: 1, severity: 1, trend: () => 1 },
    };
    const replies = {};
    for (const [name, answers] of Object.entries(cases)) {
        replies[name] = await window.checker.assess(answers).then(
            () => ({ accepted: true }),
            (error) => ({ message: error.message, field: error.field ?? null,
                          invalid: Boolean(error.invalidAnswers) }));
    }
    return replies;
}"""


def test_malformed_answers_are_refused_by_name_in_short_messages(checker_page):
    page = checker_page  # the session's build, as a returning reader's browser has it
    replies = page.evaluate(MALFORMED)
    fields = {"deep": "pain_areas", "bigint": "hours_since_massage", "cycle": "conditions",
              "huge": "fever", "fn": "trend"}
    for name, reply in replies.items():
        assert reply.get("invalid") is True, (name, reply)
        assert len(reply["message"]) < 300, (name, reply["message"][:300])
        if name in fields:
            assert reply["field"] == fields[name], (name, reply)
            assert reply["message"].startswith(fields[name] + ":"), (name, reply)
    assert "nested too deeply" in replies["deep"]["message"]
    assert "BigInt" in replies["bigint"]["message"]
    assert "contains itself" in replies["cycle"]["message"]
    assert replies["hugeName"]["message"].startswith('"yyyy')
    # The engine still answers afterwards.
    assert engine_answers(page)["reply"] == {"level": "self_care"}
