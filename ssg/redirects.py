"""Articles' old URLs -> redirect pages, as Hugo writes for `aliases` (and jekyll-redirect-from for `redirect_from`).

An archive moved from another generator brings its old URLs along in the front matter (`content.OLD_URL_KEYS`); at
each, the build writes a small page that sends readers and search engines on to the article. Such pages are planned
with the others, so they go through the same output, clash check (`build.collisions`) and fingerprints; they are in
no sitemap, feed or search index.
"""

from __future__ import annotations

from .errors import Problem
from .pages import Page, link
from .site import Site
from .theme import REDIRECT_TEMPLATE
from .urls import Urls, output_file

REDIRECT_KIND = "redirect"


def redirect_pages(site: Site, urls: Urls, content_dir: str) -> tuple[list[Page], list[Problem]]:
    """A page at each old URL of each published article, and a problem for each old URL that is not the site's.

    An old URL that is the article's own URL (its author kept it) makes no page; one that another page has is
    `build.collisions`' to report. Each page shows only the link to its article (`pages.ArticleLink`): an edit to the
    article's text leaves it as it was."""
    pages, problems = [], []
    for article in site.articles:
        if not article.aliases:
            continue
        target = link(article, urls)
        written = {output_file(target.path)}  # (an old URL twice, under two keys, is one page)
        for alias in article.aliases:
            try:
                path = urls.alias(alias, target.path)
            except ValueError as exc:
                problems.append(Problem(f"{content_dir}/{article.source_path}", None, alias.key, str(exc)))
                continue
            if output_file(path) in written:
                continue
            written.add(output_file(path))
            context = {"target": target, "source_path": article.source_path, "alias": alias}
            pages.append(Page(path, REDIRECT_KIND, REDIRECT_TEMPLATE, article.lang, article.title, context, (repr(target),)))
    return pages, problems
