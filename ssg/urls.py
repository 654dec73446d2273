"""The only place that turns articles, standalone pages, tags, outlets, dates and listings into URLs and output paths.

A *site path* is a page's path under the site root without a leading slash: `""` is the home
page, `tags/roscosmos/` a tag page, `feed.xml` a file. Pages end with `/` and are written as
`…/index.html` (pretty URLs). Links between pages are relative by default, so the same output
works under any sub-path and opened from disk; `base_url` only makes absolute URLs for places
that need them (feeds, sitemap, canonical links).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter, is_
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from .config import Config
from .content import JEKYLL_POSTS, Alias, Article, StandalonePage
from .markdown import REF_ARTICLE, REF_FILE, REF_SITE
from .pelican import TAG_LINK
from .scripts import composed
from .site import Site, tag_named

LATEST = "latest.js"
NOT_FOUND = "404.html"  # the page a server answers a path of no file with (`Urls.not_found`; the preview's too)
SOURCES_INDEX = "sources/"  # the index of outlets (`Urls.sources`), which every page's menu links
_KEY, _ARTICLE_LINKS = attrgetter("key"), attrgetter("article_links")
_REF = re.compile(r'(?P<q>["\'])ssg-ref:(?P<kind>article|file|site):(?P<target>[^"\'#]*)(?P<frag>#[^"\']*)?(?P=q)')
# A srcset holding markers (`markdown.srcset_candidates`), and each of its markers, whose path is percent-encoded.
_SRCSET = re.compile(r'(?P<attr>\bsrcset=)(?P<q>["\'])(?P<value>[^"\']*ssg-ref:[^"\']*)(?P=q)')
_SRCSET_REF = re.compile(r"ssg-ref:(?P<kind>article|file|site):(?P<target>[^\s,#]*)(?P<frag>#[^\s,]*)?")


class Urls:
    """Site paths for every kind of page, from the permalink pattern in site.yaml."""

    def __init__(
        self,
        permalink: str,
        base_url: str,
        lang_feed: str = "{lang}/feed.xml",
        prefixed: frozenset[str] = frozenset(),
        lang_folders: frozenset[str] = frozenset(),
        lang_permalinks: dict[str, str] | None = None,
        id_base: str | None = None,
        search: str = "search/",
    ):
        self.permalink = permalink
        self.search_path = search  # the search page's and its index's folder (`search.path`)
        self.prefixed = prefixed  # languages whose articles live under /<lang>/
        self.lang_permalinks = lang_permalinks or {}  # languages whose articles have a pattern of their own (`lang_permalink`)
        self.lang_folders = lang_folders  # languages whose standalone pages live under /<lang>/, with their home page
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path or "/"
        # article key -> site path: asked for ~5 times per article and build. A key (the file's path
        # and bytes) read under one config is one article, so a Builder keeps this between builds.
        self._articles: dict[str, str] = {}
        self._periods: dict[tuple, str] = {}  # (year, month, day, page) -> site path: asked ~7 times per period
        self.lang_feed_pattern = lang_feed
        # What feeds' ids are made of (`Config.feed_id_base`): split once here, as `entry_id` is asked of every entry of
        # every feed. The feed's own id is its URL under id_base; an entry's is `tag:<host>,<date>:<path><site path>`.
        self.id_base = id_base or base_url
        host, path = tag_authority(self.id_base)
        self._entry_id_prefix = (f"tag:{host},", f":{path}")

    @classmethod
    def from_config(cls, config: Config) -> Urls:
        prefixed = lang_folders = frozenset()
        if config.multilingual:
            lang_folders = frozenset(c for c in config.language_codes if c != config.lang or config.prefix_default_lang)
            prefixed = lang_folders if "{lang}" not in config.permalink else frozenset()  # (else the pattern places them)
            if config.lang_permalink:  # (the other languages' articles: where that pattern places them, not under /<lang>/)
                own = {code: config.lang_permalink for code in config.language_codes if code != config.lang}
                return cls(
                    config.permalink,
                    config.base_url,
                    config.feeds["lang_path"],
                    prefixed - own.keys(),
                    lang_folders,
                    own,
                    config.feed_id_base,
                    config.search.path,
                )
        return cls(
            config.permalink,
            config.base_url,
            config.feeds["lang_path"],
            prefixed,
            lang_folders,
            id_base=config.feed_id_base,
            search=config.search.path,
        )

    def article(self, article: Article) -> str:
        path = self._articles.get(article.key)
        if path is None:
            path = self._articles[article.key] = self._article(article)
        return path

    def articles(self, articles: Sequence[Article]) -> list[str]:
        """`article` of each of `articles`, those made before found in C (a save asks it of 10,000)."""
        paths = list(map(self._articles.get, map(_KEY, articles)))
        for n in compress(range(len(paths)), map(is_, paths, repeat(None))):
            paths[n] = self.article(articles[n])
        return paths

    def _article(self, article: Article) -> str:
        d = article.date
        prefix = f"{article.lang}/" if article.lang in self.prefixed else ""
        pattern = self.lang_permalinks.get(article.lang, self.permalink)
        categories = jekyll_categories(article.source_path, article.extra) if "{categories}" in pattern else None
        path = pattern.format(
            year=f"{d.year:04d}",
            month=f"{d.month:02d}",
            day=f"{d.day:02d}",
            slug=article.slug,
            lang=article.lang,
            categories=categories or "",
        )
        if categories == "":  # (a post without categories has no folder for them, as in Jekyll)
            path = re.sub("/{2,}", "/", path).lstrip("/")
        return prefix + path

    def page(self, page: StandalonePage) -> str:
        """A standalone page's (About): `<slug>/`, from the site's root whatever the articles' permalink, as Hugo and
        Pelican place pages; on a bilingual site, under `<lang>/` where that language's home page is (`ru/about/`)."""
        prefix = f"{page.lang}/" if page.lang in self.lang_folders else ""
        return f"{prefix}{page.slug}/"

    def alias(self, alias: Alias, article_path: str) -> str:
        """The site path of an old URL (`content.old_url`) of the article at `article_path`: as written for a path from
        the site's root; from the article's folder for one of Hugo's relative `aliases:` (at 2021/11/prichal/,
        `prichal-old` is 2021/11/prichal-old/); for a full URL, its path under base_url's, on the site's host (`www.`
        or not). A ValueError says why another is not the site's."""
        if alias.relative:
            return posixpath.join(posixpath.dirname(article_path.rstrip("/")), alias.path)
        if alias.host is None:
            return alias.path
        ours = urlsplit(self.base_url).hostname or ""
        if not self.on_host(alias.host):
            raise ValueError(f"{alias.shown} is on another host than the site ({ours}): only the site's own URLs can redirect")
        under = self.base_path.lstrip("/")
        if not (alias.path + "/").startswith(under):
            raise ValueError(f"{alias.shown} is not under the site's base_url ({self.base_url}), where its files are served")
        return alias.path[len(under) :]

    def on_host(self, host: str) -> bool:
        """Whether `host` is the site's (base_url's, `www.` or not)."""
        return on_site_host(host, self.base_url)

    def home(self, page: int = 1) -> str:
        return _paged("", page)

    def lang_home(self, lang: str, page: int = 1) -> str:
        """The home page of one language's articles on a bilingual site."""
        return _paged(f"{lang}/", page)

    def search(self) -> str:
        """The search page, whose folder holds the index too (site.yaml's `search.path`)."""
        return self.search_path

    def lang_search(self, lang: str) -> str:
        """A bilingual site's search page in one of its other languages (the index itself stays at `search`)."""
        return f"{lang}/{self.search_path}"

    def tags(self) -> str:
        return "tags/"

    def tag(self, slug: str, page: int = 1) -> str:
        return _paged(f"tags/{slug}/", page)

    def tag_feed(self, slug: str) -> str:
        return f"tags/{slug}/feed.xml"

    def sources(self) -> str:
        """The index of the outlets articles are taken from (`source:`)."""
        return SOURCES_INDEX

    def source(self, slug: str, page: int = 1) -> str:
        """One outlet's articles (`site.Outlet`)."""
        return _paged(f"sources/{slug}/", page)

    def source_feed(self, slug: str) -> str:
        return f"sources/{slug}/feed.xml"

    def listing(self, site_path: str) -> bool:
        """Whether `site_path` is where only listings go: tag and outlet pages and their indexes, any listing's later
        pages. (A page gone from there was no article's, whatever page took its name since: `redirects.moved_pages`.)"""
        return site_path.startswith((self.tags(), self.sources())) or is_later_page(site_path)

    def period(self, year: int, month: int | None = None, day: int | None = None, page: int = 1) -> str:
        key = (year, month, day, page)
        path = self._periods.get(key)
        if path is None:
            parts = [f"{year:04d}"] + [f"{n:02d}" for n in (month, day) if n is not None]
            path = self._periods[key] = _paged("/".join(parts) + "/", page)
        return path

    def archive(self) -> str:
        return "archive/"

    def feed(self) -> str:
        return "feed.xml"

    def lang_feed(self, lang: str) -> str:
        """The feed of one language's articles: `{lang}/feed.xml`, or site.yaml `feeds.lang_path`."""
        return self.lang_feed_pattern.format(lang=lang)

    def sitemap(self) -> str:
        return "sitemap.xml"

    def sitemap_part(self, number: int) -> str:
        """One of the sitemaps a sitemap index lists, when the site has too many URLs for one."""
        return f"sitemap-{number}.xml"

    def robots(self) -> str:
        return "robots.txt"

    def latest(self) -> str:
        """The latest articles' lists, as a script pages load (`render.latest_script`)."""
        return LATEST

    def entry_id(self, article: Article) -> str:
        """An article's Atom id: an RFC 4151 tag URI of id_base's host and path, the same in every build and over http or
        https, and after base_url moves where id_base keeps the old one."""
        host, path = self._entry_id_prefix
        return f"{host}{article.date:%Y-%m-%d}{path}{quote(self.article(article), safe='/%')}"

    def feed_id(self, feed_path: str) -> str:
        """A feed's own Atom id: its URL under id_base (which is base_url unless `feeds.id_base` keeps an old one)."""
        return self.id_base + quote(feed_path, safe="/#%")

    def not_found(self) -> str:
        return NOT_FOUND

    def content_file(self, content_path: str) -> str:
        """Images and other files under content/ keep their path in the output. As a site path, whose URL `absolute`
        and `relative_from` percent-encode: a `%` and a `#` of the file's name escaped first (`launch #1.jpg` is
        `launch %231.jpg`, `100%.jpg` `100%25.jpg`), which those leave as they are (a site path may hold a fragment and
        escapes of its own): the page's <img>, og:image and the feed's picture were `launch%20#1.jpg`, a fragment, and
        `100%.jpg`, which no server answers."""
        return file_path_in_url(content_path)

    def absolute(self, site_path: str) -> str:
        return self.base_url + quote(site_path, safe="/#%")

    def root_relative(self, site_path: str) -> str:
        """`/sub/path/x/`: for pages shown at any depth, like 404.html."""
        return self.base_path + quote(site_path, safe="/#%")


def tag_authority(base: str) -> tuple[str | None, str]:
    """What of a site's address its entries' tag: ids hold (`Urls.entry_id`): the host and path, not the scheme or
    the port (the same ids over http and https)."""
    parts = urlsplit(base)
    return parts.hostname, parts.path or "/"


def file_path_in_url(path: str) -> str:
    """A file's path with its `%` and `#` percent-encoded, the two characters of a name that `quote(..., safe="/#%")`
    leaves as a URL's own; `unquote` gives the path back."""
    return path.replace("%", "%25").replace("#", "%23") if "%" in path or "#" in path else path


def jekyll_categories(source_path: str, extra: Mapping[str, Any]) -> str:
    """Jekyll's `:categories` of a post, as its URLs had them (`/space/news/2018/01/09/x.html`): `categories:` (a list,
    or names parted by spaces), the folders above `_posts/` (`space/_posts/x.md`), then `category:` (one name), each
    once and in lower case, parted by `/`."""
    written = extra.get("categories")
    names = written.split() if isinstance(written, str) else list(written) if isinstance(written, list) else []
    folders = source_path.split("/")[:-1]
    if JEKYLL_POSTS in folders:
        names += folders[: folders.index(JEKYLL_POSTS)]
    if isinstance(extra.get("category"), (str, int)):
        names.append(extra["category"])
    return "/".join(dict.fromkeys(filter(None, map(_category_folder, names))))


def _category_folder(name: Any) -> str:
    """One category's folder of a URL: in lower case; a `/`, `\\`, `#`, `%` or `?` in it a `-` (a name is one folder,
    and what would end or escape the path breaks its links); none for `.` and `..`, which would write the page above
    the output folder, over files that are not ssg's (`categories: ../../x`)."""
    folder = re.sub(r"[/\\#%?]", "-", str(name).strip().lower())
    return "" if folder.strip(".") == "" else folder


def link_paths(site: Site, urls: Urls) -> dict[str, str]:
    """Where the links of articles' text lead (`markdown`'s article links): each article's (and standalone page's) file
    -> its site path (`[About](../pages/about.md)`), and each Pelican `{tag}name` an article or page writes -> the tag's
    page, where an article has the tag. Pages, feeds and page fingerprints ask (a tag's page that moves, as a slug clash
    moves one, changes the pages linking to it)."""
    paths = dict(zip(map(attrgetter("source_path"), site.articles), urls.articles(site.articles), strict=True))
    paths.update((page.source_path, urls.page(page)) for page in site.standalone.pages)
    for path, site_path in [(path, site_path) for path, site_path in paths.items() if not path.isascii()]:
        paths.setdefault(composed(path), site_path)  # (a file a Mac named, `ёлка.md` decomposed: links name it composed)
    texts = chain(site.articles, site.standalone.pages)
    for article in compress(texts, map(_ARTICLE_LINKS, chain(site.articles, site.standalone.pages))):
        for target in article.article_links:
            if target.startswith(TAG_LINK) and (tag := tag_named(site.tags, target.removeprefix(TAG_LINK))) is not None:
                paths[target] = urls.tag(tag.slug)
    return paths


def output_file(site_path: str) -> str:
    """The file a site path is written to, relative to the output folder."""
    return site_path + "index.html" if site_path == "" or site_path.endswith("/") else site_path


def folder_file(path: str) -> str:
    """The file a link to the folder `path` is answered with, written without its closing `/` (`about`): its
    index.html, as a server answers it after redirecting to `about/`."""
    return output_file(path + "/")


def relative_from(from_page: str) -> Callable[[str], str]:
    """site path -> the relative URL from the page at `from_page` to it. The page's folders are looked
    at once, not on each of its ~100 links.

    The link climbs out of the page's folder up to the deepest folder it shares with the target
    (a folder is shared when the target's path starts with it), then goes down to the target.
    """
    folders = from_page.split("/")[:-1]  # the page's folder: "a/b/" -> [a, b]; "a/x.html" -> [a]
    shared = [("/".join(folders[:n]) + "/" if n else "", "../" * (len(folders) - n)) for n in range(len(folders), -1, -1)]
    top = shared[-2][0] if folders else ""  # the page's first folder: most links (other days, tags, home) are outside it
    to_root = shared[-1][1]

    def link(target: str) -> str:
        fragment = ""
        if "#" in target:
            target, fragment = target.split("#", 1)
            fragment = "#" + fragment
        prefix, up = "", to_root
        if not top or target.startswith(top):
            for prefix, up in shared:  # noqa: B007 (kept after the break) - deepest first; "" is shared by every path
                if target.startswith(prefix):
                    break
        rel = up + target[len(prefix) :] or "./"
        return (rel if _PLAIN.fullmatch(rel) else quote(rel, safe="/#%")) + fragment

    return link


def on_site_host(host: str | None, base_url: str) -> bool:
    """Whether `host` is `base_url`'s, `www.` or not: the one notion of the site's own host, for its old URLs
    (`aliases:`) and for the link check (an old WordPress link, `http://www.example.org/x/`, is the site's own)."""
    ours = (urlsplit(base_url).hostname or "").removeprefix("www.")
    return bool(host) and bool(ours) and host.lower().removeprefix("www.") == ours  # type: ignore[union-attr]


def resolve_refs(html: str, link: Callable[[str, str], str]) -> str:
    """Replace the markers the Markdown renderer left with real URLs: `link(kind, target)`."""

    def replace(match: re.Match) -> str:
        url = _attribute(link(match["kind"], unmarked(match["target"])))
        if match["frag"] and "#" not in url:  # (a link to no page, NOT_PUBLISHED, is a fragment already)
            url += match["frag"]  # (the attribute's text as written: escaped already)
        return f"{match['q']}{url}{match['q']}"

    def replace_in_srcset(match: re.Match) -> str:
        url = link(match["kind"], unmarked(unquote(match["target"])))
        return url + (match["frag"] or "") if "#" not in url else url

    if REF_ARTICLE not in html and REF_FILE not in html and REF_SITE not in html:
        return html
    if "srcset=" in html:  # (first: `_REF` would take a srcset's candidates for one path)
        html = _SRCSET.sub(lambda m: m["attr"] + m["q"] + _SRCSET_REF.sub(replace_in_srcset, m["value"]) + m["q"], html)
    return _REF.sub(replace, html)


_PLAIN = re.compile(r"[A-Za-z0-9/._~-]*")  # nothing to percent-encode: skip quote() on the hot path
_UNMARKED = re.compile("%(25|23|26|22|27|3C|3E)")  # what `markdown.marked` escapes, each read back in one pass


def unmarked(target: str) -> str:
    """A marker's path as it was written (`markdown.marked`)."""
    return _UNMARKED.sub(lambda m: chr(int(m[1], 16)), target) if "%" in target else target


_ESCAPED = re.compile("[&<>\"']")  # what an attribute's value escapes (a URL seldom holds any)


def _attribute(url: str) -> str:
    """`url` in an attribute's quotes: a root link's query as written (`?a=1&b=2`) holds what HTML escapes."""
    return html.escape(url) if _ESCAPED.search(url) else url


_LATER_PAGE = re.compile(r"(?:^|/)page/[0-9]+/$")  # what `_paged` adds


def is_later_page(path: str) -> bool:
    """Whether the site path `path` is a listing's second page or a later one (`page/2/`, `tags/moon/page/3/`), as
    `_paged` makes them: a tag named Page has its first page at tags/page/, which is no later page."""
    return _LATER_PAGE.search(path) is not None


def _paged(path: str, page: int) -> str:
    return path if page == 1 else f"{path}page/{page}/"
