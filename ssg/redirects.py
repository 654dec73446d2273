"""Articles' old URLs (and standalone pages') -> redirect pages, as Hugo writes for `aliases` (and jekyll-redirect-from
for `redirect_from`); a renamed tag's or outlet's old names and URLs (site.yaml `tag_aliases:`, `source_aliases:`) too,
and every tag's address on the generator an archive moved from (`old_tag_urls:`).

An archive moved from another generator brings its old URLs along in the front matter (`content.OLD_URL_KEYS`); at
each, the build writes a small page that sends readers and search engines on to the article. Such pages are planned
with the others, so they go through the same output, clash check (`collisions.collisions`) and fingerprints; they are in
no sitemap, feed or search index.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

from .config import CONFIG_FILE, TAG_URL_MAKERS, Config
from .content import OWN_URL_KEYS, Alias, old_url, outlet_key
from .errors import Problem
from .hugo import term_path
from .oldurls import OldUrls
from .pages import Page, PageLink, link, page_link
from .pelican import title_slug
from .site import Site, TagNames, names_index, tag_slug
from .theme import REDIRECT_TEMPLATE
from .urls import Urls, output_file
from .yamlload import quoted

REDIRECT_KIND = "redirect"


def redirect_pages(
    site: Site,
    urls: Urls,
    content_dir: str,
    old_urls: OldUrls | None = None,
    taken: Iterable[Page] = (),
    copied: Collection[str] = (),
    case_blind: bool = False,
) -> tuple[list[Page], list[Problem], list[Problem]]:
    """A page at each old URL of each published article, a problem for each old URL that is not the site's, and a
    warning for each `url:` or `permalink:` that is another site's address (`content.OWN_URL_KEYS`).

    An old URL that is the article's own URL (its author kept it) makes no page; one that another page has is
    `collisions.collisions`' to report. Each page shows only the link to its article (`pages.ArticleLink`): an edit to the
    article's text leaves it as it was. `old_urls`: site.yaml's, which makes every article's old address by the old
    generator's pattern (`oldurls`), a page each too, after those the front matter names; where one is another page's
    (`taken`: the site's other pages; `copied`: its copied files), a warning. `case_blind`: the project is on a disk
    whose names ignore case (a Mac's, Windows'), where an old address that is the article's in other capitals
    (Jekyll's `Big-News.html`, ssg's `big-news.html`) is one file with its page: it is left out there, not written over it."""
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
                        f"{alias.shown} is another site's address, not an old URL of this one: no page redirects "
                        f"from it (kept for templates, article.extra.{alias.key}; the original's link is written source:)"
                    )
                    warnings.append(Problem(where, None, alias.key, message))
                else:
                    problems.append(Problem(where, None, alias.key, str(exc)))
                continue
            if output_file(path) in written:
                continue
            written.add(output_file(path))
            pages.append(_redirect(article, target, alias, path))
            if _doubled_base(alias, urls):
                warnings.append(_base_doubled(alias, urls, f"{content_dir}/{article.source_path}"))
    if old_urls:
        made, told = _every_articles_old_url(site, urls, content_dir, old_urls, [*taken, *pages], copied, case_blind)
        pages, warnings = pages + made, warnings + told
    return pages, problems, warnings


def _doubled_base(alias: Alias, urls: Urls) -> bool:
    """Whether an old URL written as a path from the site's root starts with base_url's own path (`/archive/2019/x/`
    under `https://example.org/archive/`), as the address bar shows it: it is read from the site's root, as Hugo reads
    one, and made /archive/archive/2019/x/ without a word (a search engines' trial)."""
    base = urls.base_path
    return alias.host is None and not alias.relative and base != "/" and f"/{alias.path}".startswith(base)


def _base_doubled(alias: Alias, urls: Urls, where: str) -> Problem:
    shown = f"/{alias.path[len(urls.base_path) - 1 :]}"
    message = (
        f"{alias.shown} starts with base_url's path ({urls.base_path}), and an old URL's path is read from the site's "
        f"root, so its page is at {urls.base_path}{alias.path}: write {shown}, or the full URL {urls.absolute(shown.lstrip('/'))}"
    )
    return Problem(where, None, alias.key, message)


def _redirect(article: Any, target: PageLink, alias: Alias, path: str) -> Page:
    """The page at `path` that redirects to `target`, of `article`'s old URL `alias`."""
    context = {"target": target, "source_path": article.source_path, "alias": alias}
    return Page(path, REDIRECT_KIND, REDIRECT_TEMPLATE, article.lang, article.title, context, (repr(target),))


def _every_articles_old_url(
    site: Site, urls: Urls, content_dir: str, old: OldUrls, taken: list[Page], copied: Collection[str], case_blind: bool
) -> tuple[list[Page], list[Problem]]:
    """`old_urls:`, a redirect page at each article's address on the old site where it is not its address now, and a
    warning naming both where another page or copied file is there, or another article had it too (the first by file
    keeps it: Hugo wrote one of them there). An article whose `url:` or `permalink:` set its old address has that one."""
    owners: dict[str, str] | None = None  # an output file -> what is there (made for the first old address that is not the page's)
    claimed: dict[str, str] = {}  # an old address's file -> the article whose old address it is
    pages: list[Page] = []
    warnings: list[Problem] = []
    for article in sorted(site.articles, key=_SOURCE_PATH):
        if any(alias.key in OWN_URL_KEYS for alias in article.aliases):
            continue
        path = old.path(article)
        if path is None:
            continue
        target = link(article, urls)
        file, own = output_file(path), output_file(target.path)
        if file == own or (case_blind and file.lower() == own.lower()):
            continue
        if owners is None:
            owners = {page.file: _what(page, content_dir) for page in taken} | {name: f"the copied file /{name}" for name in copied}
        there = owners.get(file) or (f"the old address of {content_dir}/{claimed[file]} too" if file in claimed else None)
        if there is not None:
            message = (
                f"/{path}, its address on the old site (site.yaml old_urls:), is {there}: no page there redirects to it "
                "(a page can lead to one place only: give it aliases: of another old address, if it had one)"
            )
            warnings.append(Problem(f"{content_dir}/{article.source_path}", None, "old_urls", message))
            continue
        claimed[file] = article.source_path
        pages.append(_redirect(article, target, Alias("old_urls", path), path))
    return pages, warnings


_SOURCE_PATH = attrgetter("source_path")


def _what(page: Page, content_dir: str) -> str:
    """A page as a warning names it: `the URL of content/x.md`, `an old URL of content/y.md`, `the tag page of 'X'`."""
    if page.kind == REDIRECT_KIND and "owner" in page.context:
        return f"an old address of {page.context['owner']}"
    if page.kind == REDIRECT_KIND:
        return f"an old URL of {content_dir}/{page.context['source_path']}"
    made_from = _source(page)
    return f"the URL of {content_dir}/{made_from}" if made_from else f"the {page.kind} page {page.title!r}"


class ListingAlias(NamedTuple):
    """An old address of a tag's or an outlet's page (site.yaml `tag_aliases:`, `source_aliases:`): the build writes a
    page there that redirects to the page now, and the listing's feed at the old feed's address too (a feed reader
    follows no page's redirect, and its readers are subscribed there)."""

    path: str | None  # the old page's site path (tags/roskosmos/); None for an old feed's address alone (Hugo's index.xml)
    target: PageLink  # the listing's page now
    feed: str  # the listing's feed now
    old_feed: str | None  # where its feed was (tags/roskosmos/feed.xml); None where another generator's page was
    option: str  # `tag_aliases` or `source_aliases`
    line: int | None  # its entry's line in site.yaml
    owner: str  # what collisions name it by: "the tag 'Soyuz spacecraft' (site.yaml:7)"


class _Listings(NamedTuple):
    """What `listing_aliases` looks up of one kind of listing: tags or outlets."""

    noun: str
    names: TagNames  # a name -> its key (`tag_names:`, `source_names:`)
    live: dict  # key -> the site's Tag or Outlet
    articles: dict  # key -> its articles
    folder: str  # where their pages are (tags/)
    page: Callable[[str], str]  # a slug -> its page
    feed: Callable[[str], str]  # a slug -> its feed
    slug: Callable[[str], str]  # a key -> the slug this site gives it

    def name_slug(self, name: str) -> str:
        """The slug a name had as a listing of its own, before `tag_names:` made it one of another's names (`Байконур`:
        baykonur, where its key is Baikonur's now)."""
        return self.slug(self.names.fold(name))


# site.yaml's options of listings' old names and URLs -> what each names.
LISTING_ALIASES = {"tag_aliases": "tag", "source_aliases": "outlet", "old_tag_urls": "tag"}


def _listings(site: Site, config: Config, urls: Urls) -> dict[str, _Listings]:
    tags = {tag.key: tag for tag in site.tags}
    outlets = {outlet.slug: outlet for outlet in site.outlets}
    return {
        "tag_aliases": _Listings(
            "tag", names_index(config.tag_names), tags, site.tag_articles, urls.tags(), urls.tag, urls.tag_feed, tag_slug
        ),
        "source_aliases": _Listings(
            "outlet",
            names_index(config.source_names, outlet_key),
            outlets,
            site.outlet_articles,
            urls.sources(),
            urls.source,
            urls.source_feed,
            str,
        ),
    }


def listing_aliases(site: Site, config: Config, urls: Urls) -> tuple[list[ListingAlias], list[Problem], list[Problem]]:
    """Each old address of a tag's or outlet's page that site.yaml names, a problem for each old URL that is not the
    site's, and a warning for each entry that cannot redirect: its tag is no article's (a typo, or renamed again), or
    an old name is still an article's tag, whose page stays (the `sed` that renamed it missed some files).

    An old name is at the address this site gave it (`tags/<its slug>/`, and its feed); an address another generator
    gave it (Hugo's `/tags/роскосмос/`, and its feed `/tags/роскосмос/index.xml`) is written as a URL, from the root or
    whole. An entry may name its tag by any of its names (`tag_names:`)."""
    if not config.tag_aliases and not config.source_aliases and not config.old_tag_urls:
        return [], [], []
    found: list[ListingAlias] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    old_names: dict[str, set[str]] = {}  # a tag's key -> its old names in tag_aliases: (`old_tag_urls:` made addresses of them)
    listings = _listings(site, config, urls)
    for option, kind in listings.items():
        entries, after = getattr(config, option), config.line_of(option)
        if entries and kind.noun == "outlet" and not config.sources.enabled:
            message = "names outlets' old pages, and sources: {enabled: false} leaves out their pages: no page redirects (remove it, or turn sources on)"
            warnings.append(Problem(CONFIG_FILE, after, option, message))
            continue
        for name, olds in entries.items():
            line = config.line_below(name, after) or after
            now = kind.live.get(kind.names.key(name))
            if now is None:
                message = (
                    f"{name!r} is no article's {kind.noun}: no page redirects from its old names and URLs (name the {kind.noun} "
                    f"as articles write it; renamed again? make its new name the entry's, with {name!r} among the old names)"
                )
                warnings.append(Problem(CONFIG_FILE, line, option, message))
                continue
            target = PageLink(now.label(config.lang), config.lang, kind.page(now.slug))
            owner = f"the {kind.noun} {name!r} ({CONFIG_FILE}:{line})" if line else f"the {kind.noun} {name!r} ({CONFIG_FILE})"
            for old in olds:
                try:
                    path, old_feed = _old_address(old, kind, now, urls, target.path)
                except ValueError as exc:
                    problems.append(Problem(CONFIG_FILE, line, option, f"{name}: {exc}"))
                    continue
                except _StillListedError as still:
                    articles = kind.articles[still.key]
                    message = (
                        f"{name}: {old!r} is still the {kind.noun} of {len(articles)} article{'s' if len(articles) > 1 else ''} "
                        f"({config.content_dir}/{articles[0].source_path}{', ...' if len(articles) > 1 else ''}), whose page "
                        f"stays at /{kind.page(kind.live[still.key].slug)}: rename it there too, or take it out of {option}:"
                    )
                    warnings.append(Problem(CONFIG_FILE, line, option, message))
                    continue
                if option == "tag_aliases" and _is_name(old):
                    old_names.setdefault(now.key, set()).add(old)
                if path is not None or old_feed is not None:
                    found.append(ListingAlias(path, target, kind.feed(now.slug), old_feed, option, line, owner))
    if config.old_tag_urls:
        made, wrong, told = _every_tags_old_urls(site, config, urls, listings["tag_aliases"], found, old_names)
        found, problems, warnings = found + made, problems + wrong, warnings + told
    return found, problems, warnings


def _every_tags_old_urls(
    site: Site, config: Config, urls: Urls, kind: _Listings, named: Sequence[ListingAlias], old_names: dict[str, set[str]]
) -> tuple[list[ListingAlias], list[Problem], list[Problem]]:
    """`old_tag_urls:`, each tag's old addresses made of the patterns, a problem for each pattern no static host can
    serve (a query, another host), and a warning where two tags made one address. An address `tag_aliases:` (`named`)
    gives already, or one that is a tag's page or feed now, is left as it is."""
    line = config.line_of("old_tag_urls")
    templates, problems = [], []
    for pattern in config.old_tag_urls:
        try:
            templates.append(_url_template(pattern, urls))
        except ValueError as exc:
            problems.append(Problem(CONFIG_FILE, line, "old_tag_urls", str(exc)))
    taken = {output_file(alias.path) for alias in named if alias.path is not None} | {alias.old_feed for alias in named}
    live = {output_file(kind.page(tag.slug)) for tag in kind.live.values()} | {kind.feed(tag.slug) for tag in kind.live.values()}
    claims = _claims(site, kind, templates, live | taken, old_names)
    made, warnings = [], []
    shared: dict[tuple[str, ...], list[str]] = {}  # the tags that made one address, the one it leads to first -> those
    leads: dict[str, tuple[PageLink, str, str]] = {}  # a tag's slug -> its page, its feed, what collisions name it by
    for address, tags in sorted(claims.items(), key=lambda claim: (claim[0].endswith(".xml"), claim[0])):
        tags.sort()
        _, name, slug = tags[0]
        if len(tags) > 1:
            shared.setdefault(tuple(tag[1] for tag in tags), []).append(f"/{address}")
        if slug not in leads:
            owner = f"the tag {name!r} (old_tag_urls, {CONFIG_FILE}:{line})" if line else f"the tag {name!r} (old_tag_urls)"
            lead = PageLink(kind.live[kind.names.key(name)].label(config.lang), config.lang, kind.page(slug))
            leads[slug] = (lead, kind.feed(slug), owner)
        target, feed, owner = leads[slug]
        page, old_feed = (None, address) if address.endswith(".xml") else (address, None)
        made.append(ListingAlias(page, target, feed, old_feed, "old_tag_urls", line, owner))
    for names, addresses in shared.items():
        more = f" (and {len(addresses) - 1} more)" if len(addresses) > 1 else ""
        message = (
            f"{addresses[0]}{more} is the old address of the tags {', '.join(map(repr, names[:-1]))} and {names[-1]!r}, which "
            f"the old site made one page of: it leads to {names[0]!r}, of more articles (the first by name where as many; "
            "one name in all their articles makes them one tag here too)"
        )
        warnings.append(Problem(CONFIG_FILE, line, "old_tag_urls", message))
    return made, problems, warnings


def _claims(
    site: Site, kind: _Listings, templates: list[tuple[str, tuple[str, ...]]], occupied: set[str], old_names: dict[str, set[str]]
) -> dict[str, list[tuple[int, str, str]]]:
    """Each old address `templates` make -> the tags that make it, as (minus its articles, name, slug): of every name
    its articles give a tag (Hugo made a page of each spelling, and one of `«Роскосмос»` and `Роскосмос`, one path),
    its names in `tag_names:` and its old names in `tag_aliases:`. A page's address ends in `/` or `.html`, a feed's
    in `.xml` (where the tag's feed is written); an address in `occupied` is left as it is."""
    claims: dict[str, list[tuple[int, str, str]]] = {}
    spellings = site.tag_index.spellings if site.tag_index is not None else {}
    for key, articles in site.tag_articles.items():
        now = kind.live[key]
        if key in spellings:  # (each name articles write for it, gathered as the tags were made)
            names = set(spellings[key])
        else:
            names = {name for article in articles for name in article.tags if kind.names.key(name) == key}
        names |= {now.name} | {name for _, name in now.names} | old_names.get(key, set())
        for address in {path for template, fields in templates for name in names if (path := _filled(template, fields, name))}:
            if output_file(address) not in occupied and address not in occupied:
                claims.setdefault(address, []).append((-len(articles), now.name, now.slug))
    return claims


def _url_template(pattern: str, urls: Urls) -> tuple[str, tuple[str, ...]]:
    """A pattern of `old_tag_urls:` as a site path with its fields in (`{hugo}`), and those fields: read once as an old
    URL is (`content.old_url`: from the root or whole, on the site's host, a page or an `.xml` feed), not per tag."""
    fields = tuple(field for field in TAG_URL_MAKERS if f"{{{field}}}" in pattern)
    stand_ins = {field: f"ssg-{field}-name" for field in fields}  # (`old_url` refuses a `{...}`: a pattern's)
    try:
        host, path = old_url(pattern.format(**stand_ins), (".html", ".htm", ".xml"), pattern.lstrip("/"))
        path = urls.alias(Alias("", path, host), "")
    except ValueError as exc:
        raise ValueError(_put_back(str(exc), stand_ins)) from None
    return _put_back(path, stand_ins), fields


def _put_back(text: str, stand_ins: dict[str, str]) -> str:
    for field, stand_in in stand_ins.items():
        text = text.replace(stand_in, f"{{{field}}}")
    return text


def _filled(template: str, fields: tuple[str, ...], name: str) -> str | None:
    """`template` (`_url_template`) with the tag `name` as the generators of `fields` made it into paths; None where
    one made nothing of it (no page), or where its address could not work: a name of `#`, `?` or `%` (`C#`: a link to
    `/tags/c#/` leads to `/tags/c`, and one to `/tags/20%ab/` decodes to another file), a backslash, a folder's name
    longer than a file system takes (255 bytes: 128 Cyrillic letters)."""
    parts = {field: _made(field, name) for field in fields}
    for value in parts.values():
        if not value or any(char in value for char in "#?%\\") or any(len(part.encode()) > 255 for part in value.split("/")):
            return None
    for field, part in parts.items():
        template = template.replace(f"{{{field}}}", part)
    return template


@lru_cache(maxsize=1 << 16)
def _made(field: str, name: str) -> str:
    """A tag's name as the generator `field` made it into its page's path (`TAG_URL_MAKERS`). (Kept: 12-13 us a name,
    which every build, and the preview's every save, asks of each tag's every name: 0.08 s at 3,000 tags.)"""
    return term_path(name) if field == "hugo" else title_slug(name)


class _StillListedError(Exception):
    """An old name that is still some article's tag (outlet): `key`, its key."""

    def __init__(self, key: str) -> None:
        self.key = key


def _old_address(old: str, kind: _Listings, now: tuple, urls: Urls, target: str) -> tuple[str | None, str | None]:
    """(the old page's path, the old feed's path) of `old`, an old name or URL of the listing `now` at `target`; None
    for what is the listing's own now or is not known. An old URL (from the root, or whole) ending in .xml is an old
    feed's; one of this site's listing pages (tags/<x>/) keeps that listing's feed too."""
    if _is_name(old):
        key = kind.names.key(old)
        if key in kind.live and kind.live[key] != now:
            raise _StillListedError(key)
        # (At the address the name had as a listing of its own: `Байконур` merged into Baikonur by `tag_names:` was at
        # tags/baykonur/, which the merge took away; the name's key now is Baikonur's, whose address is its page.)
        slug = kind.name_slug(old)
        path, feed = kind.page(slug), kind.feed(slug)
    else:
        host, path = old_url(old, (".html", ".htm", ".xml"), kind.page("old-name"))
        path = urls.alias(Alias("", path, host), target)
        own = path[len(kind.folder) : -1] if path.startswith(kind.folder) and path.endswith("/") else ""
        feed = path if path.endswith(".xml") else kind.feed(own) if own and "/" not in own else None
        path = None if path.endswith(".xml") else path
    own_page, own_feed = path is not None and output_file(path) == output_file(target), feed == kind.feed(now.slug)
    return (None if own_page else path), (None if own_feed else feed)


_WHOLE_URL = re.compile(r"https?://", re.IGNORECASE)


def _is_name(old: str) -> bool:
    """Whether an entry's old item is a name, not a URL (`9/11 attacks` has a slash too)."""
    return not old.startswith("/") and not _WHOLE_URL.match(old)


def listing_redirects(aliases: Iterable[ListingAlias]) -> list[Page]:
    """The redirect page at each old address of `listing_aliases` (one for an address given twice, by name and URL)."""
    pages: dict[tuple[str, str], Page] = {}
    for alias in aliases:
        if alias.path is None:
            continue
        context = {
            "target": alias.target,
            "source_path": None,
            "alias": Alias(alias.option, alias.path),
            "line": alias.line,
            "owner": alias.owner,
        }
        page = Page(alias.path, REDIRECT_KIND, REDIRECT_TEMPLATE, alias.target.lang, alias.target.title, context, (repr(alias.target),))
        pages.setdefault((page.file, alias.target.path), page)  # (two tags' is a clash: `collisions.collisions`)
    return list(pages.values())


def old_feeds(aliases: Iterable[ListingAlias]) -> dict[str, list[str]]:
    """A listing's feed -> where its old names' feeds were (`feeds.feed_sources` writes it there too)."""
    found: dict[str, list[str]] = {}
    for alias in aliases:
        if alias.old_feed is not None and alias.old_feed not in found.get(alias.feed, ()):
            found.setdefault(alias.feed, []).append(alias.old_feed)
    return found


def old_feed_clashes(aliases: Iterable[ListingAlias], feeds: Sequence[str], taken: Collection[str]) -> list[Problem]:
    """An error on the entry of each old feed's address (`listing_aliases`) where the build writes something else: the
    site's feed (`/feed.xml` given for a tag's), another feed, a page, the sitemap, a copied file. `feeds`: every feed's
    path, the old ones among them; `taken`: every other file the build writes."""
    written = Counter(feeds)
    return [
        Problem(
            CONFIG_FILE,
            alias.line,
            alias.option,
            f"/{alias.old_feed} is a file the build writes already (a feed, the sitemap, a page or a copied file): "
            f"{_a_noun(LISTING_ALIASES[alias.option])}'s old feed cannot take its place (remove it here)",
        )
        for alias in aliases
        if alias.old_feed is not None
        and (written[alias.old_feed] > 1 or alias.old_feed in taken)
        and (alias.path is None or output_file(alias.path) not in taken)  # (its page's clash is told: `collisions`)
    ]


def _a_noun(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


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


def renamed_listings(
    gone: Iterable[str], was: Collection[str], pages: Sequence[Page], site: Site, config: Config, urls: Urls
) -> list[Problem]:
    """A warning for each tag's (or outlet's) page gone since the last build that another tag's page likely took over,
    with the `tag_aliases:` entry that keeps its address (a page there redirects, and its feed is written there too:
    `listing_aliases`). Once published, every link and bookmark to the old address breaks; Hugo and Jekyll say nothing.

    From the output's files and the site now: a page gone whose name one of a tag's names makes (`tag_names:` made
    `Байконур` one tag with Baikonur, as the build had advised); else the one page gone, or the pages of the one
    `tag_aliases:` entry whose tag is gone (renamed again), beside the one tag's page that came (renamed: a `sed` over
    its articles) or a few (split). Several gone at once cannot be paired, nor a tag merged into one that was there
    before, from the output's files: nothing is said then, nor when a tag's last article went and no new tag came."""
    gone = list(gone)
    problems: list[Problem] = []
    if not gone:
        return problems
    kinds = _listings(site, config, urls)
    for kind, option in (("tag", "tag_aliases"), ("source", "source_aliases")):
        listings = kinds[option]
        # (a page gone at another generator's address, `old_tag_urls:`' /tags/ёлка/ as the tag was renamed, is no listing's)
        went = {
            slug: file
            for file in gone
            if _is_listing_page(file, listings.folder) and _SLUG.fullmatch(slug := file[len(listings.folder) : -len("/index.html")])
        }
        if not went:
            continue
        for slug, (now, name) in _other_names(listings).items():
            if slug in went:
                del went[slug]
                problems.append(_merged(listings, option, slug, now, name, config.output_dir))
        groups = _dead_entries(listings, getattr(config, option), went)
        groups += [([], (slug,)) for slug in went if not any(slug in slugs for _, slugs in groups)]
        came = [page for page in pages if page.kind == kind and page.file not in was and _is_listing_page(page.file, listings.folder)]
        if len(groups) == 1 and 1 <= len(came) <= SPLIT_INTO:
            problems.append(_renamed(listings, option, *groups[0], came, config.output_dir))
    return problems


SPLIT_INTO = 3  # a tag split into more new ones than this is told of no more: which took its page cannot be told


def _other_names(kind: _Listings) -> dict[str, tuple[Any, str]]:
    """The address each other name of a listing had as a listing of its own (tags/baykonur/ of `Байконур`, which
    `tag_names:` makes one with Baikonur) -> (that listing, the name)."""
    found = {}
    for now in kind.live.values():
        for _, name in now.names:
            slug = kind.name_slug(name)
            if slug != now.slug:
                found.setdefault(slug, (now, name))
    return found


def _dead_entries(kind: _Listings, entries: dict[str, list[str]], went: dict[str, str]) -> list[tuple[list[str], tuple[str, ...]]]:
    """The entries of `tag_aliases:` whose tag is gone (renamed again), each as (its name and old names, the addresses
    of them that `went`): its page and its old names' redirect pages went together, one tag's pages."""
    found = []
    for name, olds in entries.items():
        if kind.names.key(name) in kind.live:
            continue
        own = kind.name_slug(name)
        slugs = {kind.name_slug(item) for item in olds if _is_name(item)} | {own}
        if slugs & went.keys():  # (its own page first, where it went: it held the articles)
            found.append(([*olds, name], tuple(sorted(slugs & went.keys(), key=lambda slug: (slug != own, slug)))))
    return found


def _merged(kind: _Listings, option: str, slug: str, now: Any, name: str, output: str) -> Problem:
    message = (
        f"the page of the {kind.noun} {name!r} is gone since the last build into {output} (/{kind.page(slug)}): "
        f"{'tag_names' if option == 'tag_aliases' else 'source_names'}: makes it one {kind.noun} with {now.name!r} now (/{kind.page(now.slug)}); links and bookmarks to the old address break once "
        f"this is published, and {option}: {{{_flow_key(now.name)}: [{_flow_key(name)}]}} keeps it working (a page there "
        "redirects, and its feed is written there too)"
    )
    return Problem(CONFIG_FILE, None, None, message)


def _renamed(kind: _Listings, option: str, olds: list[str], slugs: tuple[str, ...], came: list[Page], output: str) -> Problem:
    noun, old, now = kind.noun, " and /".join(map(kind.page, slugs)), came[0]
    if len(came) == 1:
        what = f"one {noun}'s is new (/{now.path}, {now.title}): if it is that {noun} renamed"
    else:
        listed = ", ".join(f"/{page.path} ({page.title})" for page in came)
        what = f"{len(came)} {noun}s' are new: {listed}; if its articles are under those now"
    keep = ", ".join(map(_flow_key, olds)) if olds else f"/{old}"
    entry = f"{{{_flow_key(now.title)}: [{keep}]}}" + (f" in place of its entry for {olds[-1]!r}" if olds else "")
    message = (
        f"the page of one {noun} is gone since the last build into {output} (/{old}), and {what}, links and bookmarks to the old address "
        f"break once this is published; {option}: {entry} keeps it working{' (leading to the first)' if len(came) > 1 else ''} "
        "(a page there redirects, and its feed is written there too)"
    )
    return Problem(CONFIG_FILE, None, None, message)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # what this site's tags' and outlets' URLs are made of (`content.slug_of`)


def _is_listing_page(file: str, folder: str) -> bool:
    """Whether output file `file` is the first page of a listing in `folder` (tags/<slug>/index.html)."""
    return file.startswith(folder) and file.endswith("/index.html") and file.count("/") == folder.count("/") + 1


def _flow_key(text: str) -> str:
    """`text` as a key of a YAML flow mapping: quoted where it holds what YAML reads otherwise (`: `, `#`, `,`, brackets)."""
    return quoted(text) if _FLOW_SPECIAL.search(text) or text != text.strip() else text


_FLOW_SPECIAL = re.compile(r"[:#,\[\]{}&*!|>'\"%@`]")


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
            f"languages:, timezone:, dates, file names), or keep each with aliases:, as aliases: [/{_site_path(file)}]{where} does "
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
