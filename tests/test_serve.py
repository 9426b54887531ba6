"""The local server: serves the site as GitHub Pages does, at the root or under
a sub-path, compressed, with the site's own 404 page."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from build_scripts.link import PHONE, Link, Profile
from build_scripts.serve import main, make_server, normalise_base, serve_in_background


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>" * 50)
    (tmp_path / "404.html").write_text("<h1>Not here</h1>")
    (tmp_path / "pyodide").mkdir()
    (tmp_path / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm" + b"\1" * 100)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "index.html").write_text("notes")
    return tmp_path


@pytest.fixture
def serve(tiny_site):
    servers = []

    def start(base="/"):
        server, _ = serve_in_background(tiny_site, base)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(url, gzip_ok=False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@pytest.mark.parametrize(("given", "expected"), [
    ("/", "/"), ("", "/"), ("after-the-massage", "/after-the-massage/"),
    ("/after-the-massage/", "/after-the-massage/"),
])
def test_normalise_base(given, expected):
    assert normalise_base(given) == expected


def test_serves_pages_with_the_types_browsers_need(serve):
    url = serve()
    status, headers, body = fetch(url + "/")
    assert status == 200 and body.startswith(b"<h1>Home")
    status, headers, _ = fetch(url + "/pyodide/pyodide.asm.wasm")
    assert headers["Content-Type"] == "application/wasm"
    assert fetch(url + "/notes/")[2] == b"notes"


def test_compresses_when_the_browser_accepts_it(serve):
    url = serve()
    status, headers, body = fetch(url + "/", gzip_ok=True)
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"<h1>Home")
    assert "Content-Encoding" not in fetch(url + "/")[1]


def test_missing_pages_get_the_site_404_page(serve):
    status, _, body = fetch(serve() + "/nowhere/")
    assert status == 404 and b"Not here" in body


def test_under_a_sub_path(serve):
    url = serve("/after-the-massage/")
    assert fetch(url + "/after-the-massage/")[0] == 200
    assert fetch(url + "/after-the-massage/notes/")[2] == b"notes"
    assert fetch(url + "/notes/")[0] == 404
    status, _, body = fetch(url + "/")  # redirected to the mount point
    assert status == 200 and body.startswith(b"<h1>Home")


def test_refuses_a_folder_without_a_site(tmp_path, capsys):
    with pytest.raises(FileNotFoundError, match="no index.html"):
        make_server(tmp_path)
    assert main([str(tmp_path), "--port", "0"]) == 1
    assert "holds no built site" in capsys.readouterr().err


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Let a test see a redirect instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


def head_without_following(url):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers


# A folder without its trailing slash is redirected inside the mount point, as
# GitHub Pages does, keeping the query.
@pytest.mark.parametrize(("base", "path", "location"), [
    ("/", "/notes", "/notes/"),
    ("/after-the-massage/", "/after-the-massage/notes", "/after-the-massage/notes/"),
    ("/after-the-massage/", "/after-the-massage/notes?snapshot=off",
     "/after-the-massage/notes/?snapshot=off"),
])
def test_a_folder_without_its_slash_is_redirected_within_the_mount_point(
        serve, base, path, location):
    status, headers = head_without_following(serve(base) + path)
    assert (status, headers["Location"]) == (301, location)
    status, _, body = fetch(serve(base) + path)
    assert (status, body) == (200, b"notes")


# ---------------------------------------------------------------------------
# The simulated link (for the benchmark): one shared pipe, a delay per response

class FakeTime:
    """A clock that only moves when the link sleeps, so no test waits or depends on speed."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Sink:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, chunk) -> None:
        self.data += chunk


def test_the_phone_profile_is_lighthouses_slow_4g():
    assert (PHONE.megabits_per_second, PHONE.delay_ms) == (1.6, 150)


def test_a_link_sends_every_byte_at_the_shared_bandwidth_and_counts_them_per_path():
    time = FakeTime()
    link = Link(Profile("test", megabits_per_second=0.8, delay_ms=0), time.clock, time.sleep)
    first, second = Sink(), Sink()
    link.send(first, "/a", b"x" * 100_000)
    link.send(second, "/b", b"y" * 50_000)
    assert first.data == b"x" * 100_000 and second.data == b"y" * 50_000
    # 150 000 bytes at 100 000 bytes a second, whichever response they belong to.
    assert time.now == pytest.approx(1.5)
    assert link.sent == {"/a": 100_000, "/b": 50_000} and link.total_sent() == 150_000


def test_a_local_link_counts_without_slowing_down():
    time = FakeTime()
    link = Link(None, time.clock, time.sleep)
    link.send(Sink(), "/a", b"x" * 100_000)
    link.wait_before_response()
    assert time.sleeps == [] and link.total_sent() == 100_000


def test_the_server_sends_through_its_link_with_a_delay_per_response(tiny_site):
    time = FakeTime()
    link = Link(Profile("test", megabits_per_second=1000, delay_ms=150), time.clock, time.sleep)
    server, url = serve_in_background(tiny_site, link=link)
    try:
        assert fetch(url)[2].startswith(b"<h1>Home")
        assert fetch(url + "pyodide/pyodide.asm.wasm")[0] == 200
    finally:
        server.shutdown()
        server.server_close()
    assert time.sleeps.count(0.15) == 2  # one delay per response
    counts = link.counts()
    assert counts["/"] > len("<h1>Home</h1>" * 50)  # the body and its headers
    assert counts["/pyodide/pyodide.asm.wasm"] > 104

