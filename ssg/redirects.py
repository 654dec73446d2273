"""Articles' old URLs (and standalone pages') -> redirect pages, as Hugo writes for `aliases` (and jekyll-redirect-from
for `redirect_from`).

An archive moved from another generator brings its old URLs along in the front matter (`content.OLD_URL_KEYS`); at
each, the build writes a small page that sends readers and search engines on to the article. Such pages are planned
with the others, so they go through the same output, clash check (`collisions.collisions`) and fingerprints; they are in
no sitemap, feed or search index.
"""

from __future__ import annotations

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
    `collisions.collisions`' to report. Each page shows only the link to its article (`pages.ArticleLink`): an edit to the
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
