"""Serve the built site on 127.0.0.1, as GitHub Pages would.

Text files and WebAssembly are sent gzip-compressed and may be cached for ten
minutes, as on GitHub Pages. The site can be mounted under a sub-path
(``--base /after-the-massage/``) the way a project site is on GitHub Pages;
missing pages get the site's own 404 page.
``--link phone`` sends everything as slowly as a phone on mobile data gets it
(see build_scripts/link.py).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path

from build_scripts.link import PROFILES, Link, LinkWriter

# Types the browser insists on: WebAssembly streaming compile needs
# application/wasm, and module workers refuse a script of the wrong type.
CONTENT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
}


# Compressed on the way out when the browser accepts it, as GitHub Pages does.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".webmanifest", ".txt",
              ".wasm"}


@functools.lru_cache(maxsize=256)
def compressed(file: Path, mtime_ns: int) -> bytes:
    """Return the file's bytes gzip-compressed (cached while the file is unchanged)."""
    return gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from the site folder, mounted at ``base`` (``/`` or ``/name/``)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def __init__(self, *args, base: str, quiet: bool, link: Link | None = None, **kwargs):
        self.base = base
        self.quiet = quiet
        self.link = link
        super().__init__(*args, **kwargs)

    # Through the simulated link, when there is one: its shared pipe, and its delay.
    def setup(self):
        super().setup()
        if self.link:
            self.wfile = LinkWriter(self.wfile, self.link, self)

    def send_response(self, *args, **kwargs):
        if self.link:
            self.link.wait_before_response()
        super().send_response(*args, **kwargs)

    # Send a request outside the mount point to the site, or answer 404.
    def send_head(self):
        path, _, query = self.path.split("#", 1)[0].partition("?")
        if self.base != "/" and path in ("/", self.base.rstrip("/")):
            return self.redirect(302, self.base)
        if not path.startswith(self.base):
            return self.send_not_found()
        self.path = "/" + self.path[len(self.base):]
        file = Path(self.translate_path(self.path))
        if not file.exists():
            return self.send_not_found()
        if file.is_dir() and not path.endswith("/"):
            # A folder without its slash, as GitHub Pages does, within the mount point.
            return self.redirect(301, path + "/" + (f"?{query}" if query else ""))
        if file.is_dir() and (file / "index.html").is_file():
            file = file / "index.html"
        if file.is_file() and file.suffix in COMPRESSED and "gzip" in self.headers.get(
                "Accept-Encoding", ""):
            return self.send_compressed(file)
        return super().send_head()

    # Send the browser elsewhere on this server.
    def redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # Text files and WebAssembly gzip-compressed, as GitHub Pages sends them.
    def send_compressed(self, file: Path):
        body = compressed(file, file.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    # The site's own 404 page, with the 404 status, as GitHub Pages does.
    def send_not_found(self):
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self):
        # As GitHub Pages: browsers may reuse a file for ten minutes.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if not self.quiet:
            super().log_message(format, *args)


def normalise_base(base: str) -> str:
    """Return ``base`` as ``/`` or ``/name/``."""
    return "/" + base.strip("/") + "/" if base.strip("/") else "/"


class SiteServer(http.server.ThreadingHTTPServer):
    """The threaded server, quiet when a browser drops a connection it no longer needs."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site: Path, host: str = "127.0.0.1", port: int = 0, base: str = "/",
                quiet: bool = True, link: Link | None = None) -> http.server.ThreadingHTTPServer:
    """Return a server (not yet serving) for ``site``; port 0 picks a free port. With a
    ``link``, every response goes through it.

    Raises FileNotFoundError when ``site`` holds no built site.
    """
    site = Path(site)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} holds no built site (no index.html): build it first")
    handler = functools.partial(SiteHandler, directory=str(site), base=normalise_base(base),
                                quiet=quiet, link=link)
    return SiteServer((host, port), handler)


def serve_in_background(site: Path, base: str = "/", port: int = 0, link: Link | None = None,
                        ) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving ``site`` in a daemon thread (port 0: a free one); return the server and
    its URL. Stop it with ``server.shutdown()`` and ``server.server_close()``."""
    server = make_server(site, port=port, base=base, link=link)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    return server, f"http://127.0.0.1:{port}{normalise_base(base)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base", default="/",
                        help="serve under this sub-path, e.g. /after-the-massage/")
    parser.add_argument("--link", choices=sorted(PROFILES),
                        help="send everything as slowly as this link: " + "; ".join(
                            f"{name}, {profile}" for name, profile in PROFILES.items()))
    args = parser.parse_args(argv)
    link = Link(PROFILES[args.link]) if args.link else None
    try:
        server = make_server(args.site, args.host, args.port, args.base, quiet=False, link=link)
    except (FileNotFoundError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Serving {args.site} at http://{args.host}:{server.server_address[1]}"
          f"{normalise_base(args.base)}{f' over {link.profile}' if link else ''} (Ctrl+C stops)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
