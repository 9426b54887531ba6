"""The one Jinja environment for the build's own templates, build_scripts/templates/.

HTML templates (``*.html.j2``) escape what they show; Markdown and JavaScript
templates do not. Comments are written ``{## ... ##}``, because Markdown's
attribute lists (``{#anchor}``) would otherwise open a Jinja comment. Templates
that need the theme's filters (its ``url`` filter, for links relative to the
page) are rendered with the theme's own environment, ``config.theme.get_env()``,
as mkdocs-material's hooks do.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from checker.i18n import _, ngettext
from checker.wording import upper_first

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    """Return the environment, made once per build."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                            default_for_string=False),
        comment_start_string="{##",
        comment_end_string="##}",
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["upper_first"] = upper_first
    add_translations(env)
    return env


def add_translations(env: jinja2.Environment) -> None:
    """Let templates write ``{{ _("Sources") }}``: their words, in the language being
    spoken (checker/i18n.py), from the same catalogs as the checker's."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)  # type: ignore[attr-defined]


def render(name: str, **data: object) -> str:
    """Return the template ``name`` rendered with ``data``."""
    return environment().get_template(name).render(**data)
