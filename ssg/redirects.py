"""Articles' old URLs (and standalone pages') -> redirect pages, as Hugo writes for `aliases` (and jekyll-redirect-from
for `redirect_from`).

An archive moved from another generator brings its old URLs along in the front matter (`content.OLD_URL_KEYS`); at
each, the build writes a small page that sends readers and search engines on to the article. Such pages are planned
with the others, so they go through the same output, clash check (`collisions.collisions`) and fingerprints; they are in
no sitemap, feed or search index.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Iterable
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


MOVED_KINDS = ("article", "page")  # the pages whose addresses people link to and bookmark, and an alias can keep
# More pages than this moved at once are one warning, not one each: a setting moved them (`permalink:`, `languages:`), or
# an old branch was checked out, and a message per article would bury the rest.
MOVED_ONE_BY_ONE = 10


def moved_pages(
    gone: Iterable[str], was: Collection[str], pages: Iterable[Page], output: str, content_dir: str, listing: Callable[[str], bool]
) -> list[Problem]:
    """A warning when files of the last build that are gone were article pages (or standalone pages) that are at
    another address now: site.yaml changed what makes URLs (`languages:` moved English articles under /en/, a new
    `permalink:` or `lang:`), or an article its date, slug or file name. Once published, every link to the old address
    breaks; Hugo and Jekyll say nothing of it. Each is told on its file with the `aliases:` that keeps the old address
    (a page there redirects); many at once are one warning.

    Where an old page went, from the output's files alone (the cache may be gone, or of another ssg): a page new to this
    build (`was`: the last one's files) with the old one's last name (its slug: a moved date, a new pattern), the one
    such page; else the one new page in the old one's folder, where it was the one gone there (a file renamed, which
    renames the slug). A translation at /ru/x/ that was there before its original at /x/ was deleted is no move, nor is
    a listing gone (`listing`: `Urls.listing`), such as the page of a tag no article has now, where a new article has
    its name (tags/moon/ and 2021/06/02/moon/)."""
    gone = [file for file in gone if not listing(_site_path(file))]
    if not gone:
        return []  # (most builds: the 16,500 pages of 10,000 articles are not gone over)
    new = [page for page in pages if page.kind in MOVED_KINDS and page.file not in was]
    if not new:
        return []
    by_name: dict[str, list[Page]] = {}
    by_folder: dict[str, list[Page]] = {}
    for page in new:
        by_name.setdefault(_name(page.file), []).append(page)
        by_folder.setdefault(_folder(page.file), []).append(page)
    moved: list[tuple[str, Page, bool]] = []  # (the old file, the page now, whether only its folder tells: a guess)
    unmatched = []
    for file in sorted(gone):
        found = by_name.get(_name(file), [])
        if len(found) == 1:
            moved.append((file, found[0], False))
        else:
            unmatched.append(file)
    taken = {page.file for _, page, _ in moved}
    left: dict[str, list[str]] = {}
    for file in unmatched:
        left.setdefault(_folder(file), []).append(file)
    for folder, files in left.items():
        came = [page for page in by_folder.get(folder, []) if page.file not in taken]
        if len(files) == 1 and len(came) == 1 and files[0].endswith("index.html"):
            moved.append((files[0], came[0], True))
    return _moved_warnings(sorted(moved, key=lambda found: found[0]), output, content_dir)


def _moved_warnings(moved: list[tuple[str, Page, bool]], output: str, content_dir: str) -> list[Problem]:
    if not moved:
        return []
    if len(moved) > MOVED_ONE_BY_ONE:
        file, page, _ = moved[0]
        source = _source(page)
        where = f" (in {content_dir}/{source})" if source else ""
        message = (
            f"{len(moved)} pages of the last build moved: /{_site_path(file)} is /{page.path} now, and {len(moved) - 1} more. "
            f"Once this is published, links and bookmarks to the old addresses break: undo what moved them (permalink:, "
            f"languages:, dates, file names), or keep each with aliases:, as aliases: [/{_site_path(file)}]{where} does "
            "(docs/content.md, Old URLs)"
        )
        return [Problem(output, None, None, message)]
    problems = []
    for file, page, guessed in moved:
        old, source = _site_path(file), _source(page)
        # (A file renamed, or one article deleted and another written the same day: the output's files cannot tell.)
        was = (
            f"its page is new in {output}, and /{old}, the one page gone from its folder since the last build, was likely its page"
            if guessed
            else f"its page moved from /{old} to /{page.path} since the last build into {output}"
        )
        message = (
            f"{was}: once this is published, links and bookmarks to the old address break; "
            f"{'if it was, ' if guessed else ''}aliases: [/{old}] keeps it working (a page there redirects)"
        )
        problems.append(Problem(f"{content_dir}/{source}" if source else output, None, None, message))
    return problems


def _source(page: Page) -> str | None:
    """The content path of the article or standalone page a page shows."""
    made_from = page.context.get("article", page.context.get("standalone"))
    return made_from.source_path if made_from is not None else None


def _name(file: str) -> str:
    """A page file's name as its URL ends: `x` of `2021/05/24/x/index.html` and of `x.html`."""
    folder, name = posixpath.split(file)
    return posixpath.basename(folder) if name == "index.html" else posixpath.splitext(name)[0]


def _folder(file: str) -> str:
    """The folder a page's folder (or .html file) is in: `2021/05/24` of `2021/05/24/x/index.html`."""
    folder, name = posixpath.split(file)
    return posixpath.dirname(folder) if name == "index.html" else folder


def _site_path(file: str) -> str:
    return file.removesuffix("index.html")
