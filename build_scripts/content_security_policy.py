"""The site's Content-Security-Policy: what it allows, and how it reaches a page.

GitHub Pages cannot send response headers, so the policy travels in each page
as ``<meta http-equiv="Content-Security-Policy">``, placed before anything the
page loads (a policy in a meta tag governs only what comes after it). Scripts
run only from the site's own files, or inline when the sha256 of their text is
listed; the hashes are taken from the built HTML by hooks/csp.py, so an edit to
an inline script, the theme's or ours, changes its hash with it.

What a meta policy cannot do (it does not reach the workers, which take their
policy from their own response; frame-ancestors and reporting are ignored in a
meta tag) is written up in the README's privacy section.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

# ---------------------------------------------------------------------------
# Data: the policy, directive by directive, with why each source is there.

DIRECTIVES: dict[str, tuple[str, ...]] = {
    # Anything not named below: the site's own files only.
    "default-src": ("'self'",),
    # The site's own script files; inline scripts are added by their hashes.
    # 'wasm-unsafe-eval' lets WebAssembly compile (Pyodide is WebAssembly)
    # wherever a browser applies this policy to the checker's worker; it does
    # not allow eval() of strings.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # Material's stylesheets are files, and it sets its few computed styles
    # (tooltip and progress positions) through element.style, which CSP does
    # not restrict: the built pages carry no <style> element and no style
    # attribute (hooks/csp.py stops the build if one appears).
    "style-src": ("'self'",),
    # Material draws its icons in CSS as data: SVG images.
    "img-src": ("'self'", "data:"),
    # fetch, instant navigation and the search index: the site only, so
    # nothing on a page can send an answer to another host.
    "connect-src": ("'self'",),
    # The checker's engine, Material's search worker and the service worker.
    "worker-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

META_NAME = "Content-Security-Policy"

# The types of <script> the browser runs; any other type is a data block that
# never runs (Material's JSON configuration), so it needs no hash.
# https://html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element
JAVASCRIPT_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
})

# Where the meta tag goes: after the character set (which must come first),
# or else at the start of <head>; and what must not come before it.
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
LOADS_SOMETHING = re.compile(r"<(?:script|link|style|img|base)\b", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Reading a built page

class PageScripts(HTMLParser):
    """What in one page the policy must allow or would block: the text of each
    inline script the browser runs, and anything inline no hash can allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts: list[str] = []
        self.blocked: list[str] = []  # descriptions of what the policy would refuse
        self.policies: list[str] = []  # policies the page already carries
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=...>: an inline event handler")
            elif name == "style":
                self.blocked.append(f"<{tag} style=...>: an inline style")
            elif value.strip().lower().startswith("javascript:"):
                self.blocked.append(f"<{tag} {name}=\"javascript:...\">: a javascript: URL")
        if tag == "style":
            self.blocked.append("<style>: an inline stylesheet")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == META_NAME.lower():
            self.policies.append(attributes.get("content", ""))
        if tag == "script" and "src" not in attributes \
                and attributes.get("type", "").strip().lower() in JAVASCRIPT_TYPES:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


def read_page(html: str) -> PageScripts:
    """Return what the policy must allow, or would block, in one page's HTML."""
    page = PageScripts()
    page.feed(html)
    page.close()
    return page


# ---------------------------------------------------------------------------
# The policy

def script_hash(text: str) -> str:
    """Return the CSP source that allows an inline script with this text.

    The browser hashes the script's text as UTF-8 after the parser has turned
    every CR LF or lone CR into LF, so the hash is taken the same way.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(inline_scripts: list[str]) -> str:
    """Return the policy that allows the site's files and exactly these inline scripts."""
    hashes = sorted({script_hash(text) for text in inline_scripts})
    directives = {**DIRECTIVES, "script-src": DIRECTIVES["script-src"] + tuple(hashes)}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str, policy: str) -> str:
    """Return the page's HTML with the policy's meta tag before anything it loads.

    Raises ValueError when the page has no <head>, or loads something before
    the place the tag would go (the policy would not cover it).
    """
    tag = f'<meta http-equiv="{META_NAME}" content="{policy}">'
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head> to put the policy in")
    early = LOADS_SOMETHING.search(html, 0, anchor.start())
    if early is not None:
        raise ValueError(f"the page loads something ({early[0]}...) before its <meta charset>, "
                         "where the policy would not cover it")
    return html[:anchor.end()] + tag + html[anchor.end():]
