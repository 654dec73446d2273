"""Articles' old URLs (and standalone pages') -> redirect pages, as Hugo writes for `aliases` (and jekyll-redirect-from
for `redirect_from`).

An archive moved from another generator brings its old URLs along in the front matter (`content.OLD_URL_KEYS`); at
each, the build writes a small page that sends readers and search engines on to the article. Such pages are planned
with the others, so they go through the same output, clash check (`build.collisions`) and fingerprints; they are in
no sitemap, feed or search index.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable
from itertools import chain

from .content import OWN_URL_KEYS
from .errors import Problem
from .pages import Page, link, page_link
from .site import Site
from .theme import REDIRECT_TEMPLATE
from .urls import Urls, output_file

REDIRECT_KIND = "redirect"


def redirect_pages(site: Site, urls: Urls, content_dir: str) -> tuple[list[Page], list[Problem], list[Problem]]:
    """A page at each old URL of each published article, a problem for each old URL that is not the site's, and a
    warning for each `url:` or `permalink:` that is another site's address (`content.OWN_URL_KEYS`).

    An old URL that is the article's own URL (its author kept it) makes no page; one that another page has is
    `build.collisions`' to report. Each page shows only the link to its article (`pages.ArticleLink`): an edit to the
    article's text leaves it as it was."""
    pages: list[Page] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    linked = chain(
        ((article, link(article, urls)) for article in site.articles if article.aliases),
        ((page, page_link(page, urls)) for page in site.standalone.pages if page.aliases),
    )
    for article, target in linked:
        written = {output_file(target.path)}  # (an old URL twice, under two keys, is one page)
        for alias in article.aliases:
            try:
                path = urls.alias(alias, target.path)
            except ValueError as exc:
                where = f"{content_dir}/{article.source_path}"
                if alias.key in OWN_URL_KEYS and alias.host is not None and not urls.on_host(alias.host):
                    # A clipping's `url:` is often the original's address: it built before ssg read the key.
                    message = (
                        f"{alias.host}/{alias.path} is another site's address, not an old URL of this one: no page redirects "
                        f"from it (kept for templates, article.extra.{alias.key}; the original's link is written source:)"
                    )
                    warnings.append(Problem(where, None, alias.key, message))
                else:
                    problems.append(Problem(where, None, alias.key, str(exc)))
                continue
            if output_file(path) in written:
                continue
            written.add(output_file(path))
            context = {"target": target, "source_path": article.source_path, "alias": alias}
            pages.append(Page(path, REDIRECT_KIND, REDIRECT_TEMPLATE, article.lang, article.title, context, (repr(target),)))
    return pages, problems, warnings


MOVED_KINDS = ("article", "page")  # the pages whose addresses people link to and bookmark, and an alias can keep


def moved_pages(gone: Iterable[str], was: Collection[str], pages: Iterable[Page], output: str, content_dir: str) -> list[Problem]:
    """A warning when files of the last build that are gone were article pages (or standalone pages) that are at
    another address now: site.yaml changed what makes URLs (`languages:` moved English articles under /en/, a new
    `permalink:` or `lang:`), or an article its slug or date. Once published, every link to the old addresses breaks;
    Hugo and Jekyll say nothing of it. An old page is told by its last folder's name, an article's slug: one page of this
    build with that name (no more), new to this build (`was`: the last one's files), is where it went: a translation at
    /ru/x/ was there before its original at /x/ was deleted."""
    if not gone:
        return []  # (most builds: the 16,500 pages of 10,000 articles are not gone over)
    by_name: dict[str, list[Page]] = {}
    for page in pages:
        if page.kind in MOVED_KINDS:
            by_name.setdefault(_name(page.file), []).append(page)
    moved = []
    for file in sorted(gone):
        found = by_name.get(_name(file), [])
        if len(found) == 1 and found[0].file not in was:
            moved.append((file, found[0]))
    if not moved:
        return []
    file, page = moved[0]
    old, source = _site_path(file), page.context.get("article", page.context.get("standalone"))
    more = f", and {len(moved) - 1} more" if len(moved) > 1 else ""
    where = f" (in {content_dir}/{source.source_path})" if source is not None else ""
    count = f"{len(moved)} page{'s' * (len(moved) != 1)}"
    message = (
        f"{count} of the last build moved: /{old} is /{page.path} now{more}. Once this is published, links and bookmarks "
        f"to the old addresses break: aliases: [/{old}]{where} keeps one working (docs/content.md, Old URLs)"
    )
    return [Problem(output, None, None, message)]


def _name(file: str) -> str:
    """A page file's name as its URL ends: `x` of `2021/05/24/x/index.html` and of `x.html`."""
    folder, name = posixpath.split(file)
    return posixpath.basename(folder) if name == "index.html" else posixpath.splitext(name)[0]


def _site_path(file: str) -> str:
    return file.removesuffix("index.html")
