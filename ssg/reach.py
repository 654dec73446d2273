"""What a theme's pages give readers no way to reach: the search page, the feeds.

A theme written from nothing (or a base.html rewritten) that leaves out the header's search form, or the `<link
rel="alternate">` of the feeds that `meta.html` writes, built a search page and its index, and feeds, that no page led
to: the build wrote them, every check passed, and readers, browsers and feed readers found none of them. Told once per
build, from what `fingerprints.Templates` finds in the templates the pages take (kept by each source's hash: no
template is parsed again for it), on the template every page is made within.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from .config import Config
from .errors import Problem
from .render import branding
from .theme import SEARCH_TEMPLATE, Theme
from .urls import Urls

# What a template's analysis notes, among the context names it reads, of the links it writes.
LINKS_SEARCH, LINKS_FEEDS, LINKS_CUSTOM_CSS, LINKS_FAVICON = ".links-search", ".links-feeds", ".links-custom-css", ".links-favicon"
_MARKS = {
    ("site", "search"): LINKS_SEARCH,
    ("meta", "feeds"): LINKS_FEEDS,
    ("site", "feed"): LINKS_FEEDS,
    ("site", "custom_css"): LINKS_CUSTOM_CSS,
    ("site", "favicon"): LINKS_FAVICON,
}
# What a site's own file of `static/` is linked by in the default theme's base.html, for a theme that leaves it out.
_BRANDING = {
    LINKS_CUSTOM_CSS: ("site.custom_css", '<link rel="stylesheet" href="{{ url_for(site.custom_css) }}"> after its own stylesheet'),
    LINKS_FAVICON: ("site.favicon", '<link rel="icon" href="{{ url_for(site.favicon) }}">'),
}
NOT_FOUND_TEMPLATE = "404.html"  # (a page readers see only when lost: its search form is no way in)
SEARCH_FORM = '<form role="search" action="{{ url_for(site.search) }}"><input type="search" name="q"></form>'


def marks(ast: nodes.Template) -> set[str]:
    """`LINKS_SEARCH` where the template reads `site.search`, `LINKS_FEEDS` where it reads `meta.feeds` or `site.feed`
    (`meta.feed` alone is a listing's own feed, which the default theme links on tag pages only)."""
    return {
        _MARKS[(node.node.name, node.attr)]
        for node in ast.find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Name) and (node.node.name, node.attr) in _MARKS
    }


def unreached(
    theme: Theme, config: Config, urls: Urls, needed: Mapping[str, Sequence[str]], sources: Mapping[str, Any], files: Mapping[str, Path]
) -> list[Problem]:
    """A warning for the search page, where search is on and no template the pages take but search.html and 404.html
    reads `site.search` or names its path, for the feeds, where none links them (`marks`, or a literal `feed.xml`), and
    for the site's `custom.css` and favicon (`render.branding` of `files`, the copied files), where none reads
    `site.custom_css` or `site.favicon`: a site's colours in static/assets/custom.css changed nothing under a theme whose
    base.html did not link it, without a word. `sources`: `fingerprints.Analysis.sources`, each template's `_Source` (its
    `parsed`: referred, names, links)."""
    read = [sources[name].parsed for name in needed if name not in (SEARCH_TEMPLATE, NOT_FOUND_TEMPLATE) and sources.get(name)]
    if not read or ("base.html" in needed and sources.get("base.html") is None):
        return []  # (a base.html the pages extend and the theme lacks is the error: what it would link is not known)
    names = {name for parsed in read for name in parsed[1]}
    paths = {path.lstrip("/").split("#")[0].split("?")[0] for parsed in read for _, _, path in parsed[2]}
    problems, where = [], _frame(theme, needed)
    search = urls.search()
    if theme.searching(config.search.enabled) and LINKS_SEARCH not in names and search not in paths:
        message = (
            f"no page links to the search page ({search}): readers have no way to search the archive; add a search form "
            f"where every page has it, as the default theme's base.html does ({SEARCH_FORM}), or set search: {{enabled: false}}"
        )
        problems.append(Problem(where, None, None, message))
    if LINKS_FEEDS not in names and not any(path.endswith("feed.xml") for path in paths):
        message = (
            "no page links its Atom feeds: browsers and feed readers find none; include the theme's meta.html in <head> "
            '({% include "meta.html" %}), or write <link rel="alternate" type="application/atom+xml" href="{{ url_for(feed) }}"> '
            "for each feed of meta.feeds"
        )
        problems.append(Problem(where, None, None, message))
    for mark, found in zip((LINKS_FAVICON, LINKS_CUSTOM_CSS), branding(files), strict=True):
        if found is not None and mark not in names and found not in paths:
            shown = theme.display(str(files[found]))
            read, html = _BRANDING[mark]
            message = f"no page links it: no template the pages are made with reads {read}, as the default theme's base.html does; add {html} to {where}"
            problems.append(Problem(shown, None, None, message))
    return problems


def _frame(theme: Theme, needed: Mapping[str, Sequence[str]]) -> str:
    """The file of the template the pages are made within (base.html), where to add what is missing."""
    name = "base.html" if "base.html" in needed else "article.html"
    try:
        _, file, _ = theme.env.loader.get_source(theme.env, name)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return name
    return theme.display(file) if file else name
