# The site in every language the checker speaks: one MkDocs build per language.
# The English build (mkdocs.yml) builds each other edition (mkdocs.<language>.yml,
# which INHERITs mkdocs.yml) into site/<language>/ after its own pages and runtime
# and before the Content-Security-Policy and the service worker (hooks/csp.py,
# hooks/offline.py), so that one policy and one service worker cover every
# language. The other editions share the English site's runtime, scripts and
# stylesheets (one folder up): only their pages, search and theme are their own.
# Every build gets Material's language switcher, with addresses derived from
# site_url, so that it works under a GitHub Pages sub-path too.
#
# An edition's build puts its texts together in its language (checker/i18n.py):
# the hooks' and templates' words, and the checker's, come from the catalogs.

from __future__ import annotations

import logging
import re
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from build_scripts.jinja_env import add_translations
from build_scripts.site_layout import ROOT
from build_scripts.translations import edition_language, has_translation
from checker.i18n import LANGUAGES, SOURCE_LANGUAGE, speaking

log = logging.getLogger("mkdocs.hooks.languages")


# ---------------------------------------------------------------------------
# Hooks

# Every edition: the language switcher. Another edition: its share of the English
# site's files, one folder up.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = edition_language(config)
    # Each edition's root, relative to this one's: Material links to it in each page's
    # head and reads its sitemap.xml from there, which stays on the page's own host.
    config.extra["alternate"] = [
        {"name": NAMES[other], "lang": other,
         "link": ("" if language == SOURCE_LANGUAGE else "../")
         + ("" if other == SOURCE_LANGUAGE else f"{other}/")}
        for other in LANGUAGES]
    # Where this edition's pages find the English site's files (the runtime, the
    # scripts, the stylesheets, the icons), relative to its own root.
    config.extra["site_root"] = "" if language == SOURCE_LANGUAGE else "../"
    return config


# The theme's templates (the translation notice, the warning-sign lists, the 404 page)
# write {{ _("...") }} for their words, in the build's language.
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: object) -> jinja2.Environment:
    add_translations(env)
    return env


# A translated page's link to its English original (docs/overrides/main.html): the
# same page, one folder up, relative to the page so that it works at any address.
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig,
                    nav: object) -> dict:
    url = page.url
    language = edition_language(config)
    # From this page to the root of the English site.
    to_root = "../" * (url.count("/") + (0 if language == SOURCE_LANGUAGE else 1))
    context["english_original"] = to_root + url
    # The language switcher (docs/overrides/partials/alternate.html): the same page in
    # each language where it has one, else that language's home page.
    context["alternates"] = [
        {"name": NAMES[other], "lang": other,
         "link": to_root + ("" if other == SOURCE_LANGUAGE else f"{other}/")
         # Every page of another edition translates an English one.
         + (url if other == SOURCE_LANGUAGE or has_translation(other, page.file.src_uri)
            else "")}
        for other in LANGUAGES]
    return context


# Another edition's search: Material's search worker, through a wrapper that stems
# each word of a query before Material's search-as-you-type wildcard, which Lunr
# never stems ("массажа*" finds no "массажем"; "массаж*" does).
def on_post_page(output: str, *, page: object, config: MkDocsConfig) -> str:
    if edition_language(config) == SOURCE_LANGUAGE:
        return output
    return MATERIAL_WORKER.sub(STEMMED_WORKER, output, count=1)


@event_priority(-20)
def on_post_build(*, config: MkDocsConfig) -> None:
    if edition_language(config) != SOURCE_LANGUAGE:
        write_stemmed_worker(Path(config.site_dir))
        return
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE:
            build_edition(config, language)


def write_stemmed_worker(site: Path) -> None:
    """Write the search worker that stems each word of a query, beside Material's."""
    workers = site / "assets" / "javascripts" / "workers"
    material = sorted(path.name for path in workers.glob("search.*.min.js"))
    if len(material) != 1:
        raise PluginError(f"expected Material's one search worker in {workers}, found {material}")
    (workers / STEMMED_WORKER).write_text(STEMMED_WORKER_JS.replace("MATERIAL", material[0]),
                                          encoding="utf-8")


# The English build: build each other edition into site/<language>/, after the runtime
# (hooks/pyodide_runtime.py, priority 0) and before the policy (hooks/csp.py, -50).
# ---------------------------------------------------------------------------
# The editions

def build_edition(english: MkDocsConfig, language: str) -> None:
    """Build the edition in ``language`` into site/<language>/, strictly if the English
    build is strict, with the English build's engine settings (one folder up)."""
    config_file = ROOT / f"mkdocs.{language}.yml"
    if not config_file.is_file():
        raise PluginError(f"{config_file.name} is missing: the checker speaks {language}, "
                          "so the site has an edition in it")
    site_dir = Path(english.site_dir) / language
    edition = load_config(str(config_file), site_dir=str(site_dir),
                          site_url=(english.site_url or "").rstrip("/") + f"/{language}/",
                          strict=english.strict)
    # What the English build's hooks tell the checker page's head
    # (hooks/pyodide_runtime.py), its paths one folder up.
    shared = english.extra
    edition.extra.update(runtime_prefetch=[f"../{path}" for path in shared["runtime_prefetch"]],
                         checker_worker=f"../{shared['checker_worker']}",
                         checker_package=shared["checker_package"])
    log.info("Building the %s edition into %s", language, site_dir)
    with speaking(language):
        build(edition)


# ---------------------------------------------------------------------------
# Data

# Material's search worker, as a page's configuration names it, and the wrapper that
# stands in for it in another edition (Material 9.8's worker: it defines lunr).
MATERIAL_WORKER = re.compile(r"(?<=workers/)search\.[0-9a-f]+\.min\.js(?=\")")
STEMMED_WORKER = "search-stemmed.js"
STEMMED_WORKER_JS = """\
// The search of a language edition (written by build_scripts/hooks/languages.py):
// Material's own worker, with each word of a query stemmed by the edition's Lunr
// pipeline before Material's search-as-you-type wildcard, which Lunr never stems.
importScripts("MATERIAL");
(() => {
  const search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    const stem = (word) => this.pipeline.runString(word)[0] || word;
    return search.call(this, query.replace(/(^|\\s)([+-]?)([^\\s*~^:+-]+)\\*/g,
      (whole, space, sign, word) => `${space}${sign}${stem(word)}*`));
  };
})();
"""

# Each language's name in itself, as the switcher shows it.
NAMES = {"en": "English", "ru": "Русский"}

