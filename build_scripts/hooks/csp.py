# Puts the site's Content-Security-Policy (build_scripts/content_security_policy.py)
# into every built page as a meta tag, GitHub Pages being unable to send it as a
# header. The hashes of the inline scripts are read from the built HTML, never
# written by hand. Every page carries the same policy, with the hashes of every
# page's inline scripts: instant navigation keeps the first page's policy while
# it swaps in the next page. Runs late, after every hook that writes HTML, and
# before hooks/offline.py (last), which versions the service worker's caches by
# the pages' contents and stops the build if a page has no policy yet.

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts.content_security_policy import policy_for, read_page, with_policy

# ---------------------------------------------------------------------------
# Hooks


# Write the policy into every page; stop the build on anything inline it would block.
@event_priority(-50)
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    inline_scripts = []
    for path, html in pages.items():
        found = read_page(html)
        name = path.relative_to(site).as_posix()
        if found.policies:
            raise PluginError(f"{name} already carries a Content-Security-Policy: the csp hook "
                              "writes the site's one policy")
        if found.blocked:
            raise PluginError(f"{name} has inline code the Content-Security-Policy blocks: "
                              f"{'; '.join(found.blocked)}. Move it into a file under "
                              "docs/assets/ (a script, or a class in site.css)")
        inline_scripts += found.inline_scripts
    policy = policy_for(inline_scripts)
    for path, html in pages.items():
        try:
            path.write_text(with_policy(html, policy), encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"{path.relative_to(site).as_posix()}: {error}") from None
