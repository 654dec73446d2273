"""content/**/*.md -> validated, frozen `Article` objects.

`read_article` is the per-article work: it depends only on the file's bytes and the render
settings, so it runs in worker processes and its result (a JSON-able record) is cached on disk.
`Article.from_record` turns a record into the frozen model the rest of the build uses.
"""

from __future__ import annotations

import functools
import html
import html.entities
import math
import posixpath
import re
import unicodedata
import zoneinfo
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from datetime import timezone as dt_timezone
from operator import attrgetter
from sys import intern
from types import MappingProxyType
from typing import Any, NamedTuple
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from slugify import slugify

from . import hugo, search
from .charsets import not_utf8, utf16_read_as_utf8
from .conflicts import conflict_message
from .dates import DATE_HINT, against_path, date_fix, local_time_doubt, relative_fix
from .errors import Problem
from .frontmatter import FrontMatterError, read_front_matter
from .htmlbalance import balanced
from .markdown import (
    ARTICLE_SUFFIXES,
    INLINE_LINK,
    FrontLinks,
    RenderedBody,
    code_masked,
    first_paragraph,
    front_links,
    is_script_url,
    on_the_writers_disk,
    on_this_computer,
    render_markdown,
)
from .pelican import title_slug
from .scripts import (
    MOSTLY,
    composed,
    cyrillic_share,
    has_letters,
    reads_as_cyrillic,
    romanized,
    script_language,
    script_name,
    script_share,
    written_in_cyrillic,
)
from .shortcodes import is_wikilink, left_as_text, markdown_unescaped, raw_text_marked
from .yamlload import cut_by_comment, key_line, key_value, quoted

# The front-matter keys that are an article's fields of the same name, as templates see them (`theme.DOCUMENTED`).
ARTICLE_KEYS = ("title", "date", "updated", "lang", "tags", "source", "image", "rights", "summary", "slug", "draft")
KNOWN_KEYS = (
    *ARTICLE_KEYS,
    "status",  # Pelican's and WordPress's: `draft` (or `hidden`, `private`, ...) leaves the article out, as `draft: true`
    "translation_of",
    "translation_key",
    "excerpt_separator",  # Jekyll's: where the article's summary ends, instead of at <!--more-->
    "aliases",
    "redirect_from",
    "url",
    "permalink",
    "password",  # WordPress's (jekyll-import writes it): a protected post is left out; never kept for templates
    *(SEARCH_ENGINE_KEYS := ("canonical_url", "noindex", "sitemap")),  # what search engines are told of it (`_Reader.indexing`)
)
# Keys written in Russian, as a Russian CMS export or an editor new to ssg names them, and the key ssg reads for each: told
# so (`warn_typos`, `misspelt_hint`), where difflib finds no close English key for a Cyrillic one.
RUSSIAN_KEYS = {
    "заголовок": "title",
    "название": "title",
    "дата": "date",
    "обновлено": "updated",
    "язык": "lang",
    "теги": "tags",
    "метки": "tags",
    "источник": "source",
    "изображение": "image",
    "картинка": "image",
    "права": "rights",
    "аннотация": "summary",
    "анонс": "summary",
    "черновик": "draft",
    "перевод": "translation_of",
}
# Keys that name an article's old URLs, each of which gets a page redirecting to it (`redirects.py`): Hugo's `aliases`
# and Jekyll's `redirect_from` (jekyll-redirect-from), and the URL Hugo's `url` and Jekyll's `permalink` gave the
# article where it was (here site.yaml's `permalink:` pattern makes every article's URL).
OLD_URL_KEYS = ("aliases", "redirect_from", "url", "permalink")
OWN_URL_KEYS = ("url", "permalink")  # of those, the ones naming the page's own address (a clipping's may be the original's)
# A standalone page (About, Contacts: `StandalonePage`) is a file under content/pages/, Pelican's folder for them, or one
# whose front matter says `type: page` (Hugo's key) or `layout: page` (Jekyll's): it is no news, and has no date.
PAGES_FOLDER = "pages"
PAGE_MARKS = ("type", "layout")
JEKYLL_POSTS = "_posts"  # Jekyll's folder of posts, which ssg reads (`load.skipped_folder`) as articles, always
# The keys a page reads (the old URLs too, as an article does); the others are kept for templates, as an article's.
PAGE_KEYS = (
    *("title", "date", "updated", "lang", "summary", "slug", "draft", "status", "menu", "excerpt_separator"),
    *OLD_URL_KEYS,
    *SEARCH_ENGINE_KEYS,
)
# Keys that are read and still kept for templates (`article.extra.noindex`, as a site's template read it before ssg did).
_KEPT_KEYS = frozenset((*OLD_URL_KEYS, *SEARCH_ENGINE_KEYS))
# Other tools' spellings of those keys, folded (`_folded_key`): Hugo's PaperMod theme's `canonicalURL` and
# `robotsNoIndex`. (jekyll-seo-tag's `canonical_url` and jekyll-sitemap's `sitemap: false` are ssg's own.)
_SEARCH_ENGINE_SPELLINGS = {"canonicalurl": "canonical_url", "canonical": "canonical_url", "robotsnoindex": "noindex"}
# An article's keys that a page has no use for: written on one, they are kept for templates with a warning (`tags:` on
# the About page puts it on no tag's page).
ARTICLE_ONLY_KEYS = ("tags", "source", "image", "rights", "translation_of", "translation_key")
# What the cache's records hold: another value makes the cache stamp another (`stamps.cache_stamp`), so records of an
# older ssg (an article without its `aliases`) are read again, not trusted.
# 4: a page's record (`"page": true`, no date); 5: and the date written on it (`dated`); 6: `slug:` as written; 7: and
# whether the date was written in UTC (`oldurls`); 8: what search engines are told (`canonical_url`, `noindex`, `sitemap`)
RECORD_FORMAT = "8"
DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
# Said where an article has no date: the file may be meant as a page (About), which has none.
PAGE_HINT = "a page without a date, such as About, goes in {content_dir}/pages/ or takes `type: page`"
# Keys other tools write an article's date under, written in lower case without `_` or `-`: Obsidian's Web Clipper
# (published, created), RSS (pubDate), schema.org (datePublished), Hugo (publishDate), ... A clipped article has one
# of these and no `date:`. A publication date is its date then, as Hugo reads `publishDate`, `pubdate` and
# `published`; a creation date (a clipper's `created` is the day of the clipping) is only named in the error. In the
# order one is taken or named.
PUBLICATION_KEYS = ("published", "datepublished", "pubdate", "publishdate", "publishedat", "publishedon", "posted")
DATE_LIKE_KEYS = (*PUBLICATION_KEYS, "created", "datecreated", "createdat", "createdon")
# Keys other tools write the date of the last change under (Hugo's `lastmod`, Jekyll's `last_modified_at`, Pelican's
# `Modified`, schema.org's `dateModified`), as `PUBLICATION_KEYS`: an article's `updated` where it has none.
MODIFICATION_KEYS = ("lastmod", "lastmodified", "lastmodifiedat", "modified", "datemodified", "updatedat", "updatedon")
# Keys of Hugo's, Jekyll's and their themes' front matter, kept for templates as every unknown key, but never taken
# for a misspelt key of ssg's (`resources` is not `source`, `images` Hugo's list for social cards, not `image`; Pelican's
# `translation: true` marks a translation, which ssg finds by its file name or slug and date: no `translation_of`).
OTHER_TOOLS_KEYS = frozenset(
    ("resources", "images", "layout", "categories", "series", "weight", "type", "translation", *_SEARCH_ENGINE_SPELLINGS)
)
# Keys other tools write the lead image under, read as `image:` where an article has none (`_Reader.lead_image`), in
# this order: lezoo's wordpress-export-to-markdown and Gatsby's and Eleventy's starters (`coverImage`, `featuredImage`),
# Hugo's and Jekyll's themes (`featured_image`, `cover`, PaperMod's `cover: {image: ...}`, `thumbnail`).
COVER_KEYS = ("coverImage", "cover_image", "featuredImage", "featured_image", "cover", "thumbnail")
# Top-level keys that name a text of the lead image, which `image:` holds (`image: {src: ..., credit: ...}`), written
# lower case without `_` or `-`, and the image's key each is: written beside `image:`, they were kept for templates
# without a word, and the page showed no credit or caption, and the title as the picture's alt (`_Reader.warn_image_keys`).
IMAGE_TEXT_KEYS = {
    "credit": "credit",
    "imagecredit": "credit",
    "imagesource": "credit",
    "photocredit": "credit",
    "alt": "alt",
    "alttext": "alt",
    "imagealt": "alt",
    "caption": "caption",
    "imagecaption": "caption",
}
# `status:` values (Pelican's, WordPress's) that publish an article, and those that leave it out, as `draft: true` does.
_PUBLISHED_STATUSES = frozenset(("published", "publish", "future"))  # (WordPress's `future`: dated later, left out till then)
_HELD_STATUSES = frozenset(("draft", "hidden", "private", "pending", "trash"))
# A slug is one folder of the page's path: file systems take 255 bytes, and the permalink may add to it.
MAX_SLUG = 200
_NAME_MAX = 255  # the bytes of one name (`pathhints.NAME_MAX`, whose module reads this one)


def quick_pickling(cls: type) -> type:
    """Pickle a frozen dataclass with slots as a tuple of its fields, read back without looking them up again.

    The cache's snapshot pickles every article: dataclasses' own way asks `fields()` for each object,
    which made reading 10,000 articles back take 0.15 s instead of 0.02 s."""
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names)

    def __getstate__(self: object) -> tuple:  # noqa: N807 (pickle's names)
        return values(self)

    cls.__getstate__ = __getstate__  # type: ignore[attr-defined]
    cls.__setstate__ = _setter(names)  # type: ignore[attr-defined]
    return cls


def _setter(names: tuple[str, ...]) -> Callable[[object, tuple], None]:
    """`__setstate__` for a class of these fields, one statement a field: a loop over `zip(names, state)` took 0.03 s
    more of the 0.08 s of reading the snapshot of 10,000 articles back (in every new `ssg build`). A state of another
    length fails to unpack, as the zip failed: a snapshot of another shape (`load.SNAPSHOT_KIND` tells) is a miss."""
    if not all(name.isidentifier() and not name.startswith("_") for name in names):
        raise ValueError(f"not plain field names: {names!r}")
    unpacked = "".join(f"{name}, " for name in names)
    lines = [f"def __setstate__(_self, _state):\n    {unpacked}= _state\n"]
    lines += [f"    _set(_self, {name!r}, {name})\n" for name in names]
    namespace: dict[str, Any] = {"_set": object.__setattr__}
    exec("".join(lines), namespace)  # noqa: S102 (names checked above: dataclass fields)
    return namespace["__setstate__"]


class Day(datetime):
    """A date written without a time (`date: 2023-04-14`): midnight in the site's time zone, which pages show as the
    day alone (`theme.format_for`) rather than with a time nobody wrote. Equal to that midnight in every other way."""

    __slots__ = ()

    @classmethod
    def of(cls, moment: datetime) -> Day:
        return cls(moment.year, moment.month, moment.day, tzinfo=moment.tzinfo)


def _when(text: str, day: bool) -> datetime:
    """A date as the cache keeps it (ISO 8601), a `Day` again where it was one, in the one `timezone` object of its
    offset (`fixed_offset`)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=fixed_offset(moment.utcoffset()))
    return Day.of(moment) if day else moment


def _moment(text: str | None) -> datetime | None:
    """A time the cache keeps (ISO 8601) that is only compared with the clock and dates, never shown: no `Day`."""
    return _when(text, False) if text else None


@functools.cache
def fixed_offset(offset: timedelta) -> dt_timezone:
    """The `timezone` of `offset`, one object for all dates of an offset (as `datetime.fromisoformat` makes one, unnamed;
    UTC's own for +00:00). Two datetimes of one tzinfo object compare by their fields, in C; of two, by their instants,
    each asking its tzinfo its offset: the newest of 10,000 articles' dates, each read with a timezone of its own, took
    5-15 ms (every save asks, in several places), the same dates of one timezone 0.5 ms. The same instants, texts and
    order either way: a fixed offset's local time and instant order alike."""
    return dt_timezone(offset)


@quick_pickling
@dataclass(frozen=True, slots=True)
class Source:
    """Where the article was first published."""

    name: str
    url: str | None = None


@quick_pickling
@dataclass(frozen=True, slots=True)
class Image:
    """The lead image: `src` is a content-relative path or an absolute URL."""

    src: str
    credit: str | None = None
    alt: str | None = None
    caption: str | None = None
    is_local: bool = field(init=False, repr=False)  # a path under content/, not a URL (asked of every article on every build)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_local", not urlsplit(self.src).scheme)


class Alias(NamedTuple):
    """An old URL of an article, where the build writes a page that redirects to the article (`redirects.py`)."""

    key: str  # the front-matter key that names it (`OLD_URL_KEYS`): problems with it are on its line
    path: str  # a site path: `2021/05/old-slug/` (that folder's index.html) or `old.html`; from the host's root if `host`
    host: str | None = None  # written as a full URL: its host, which must be the site's
    relative: bool = False  # a path of `aliases:` without its leading `/`: from the article's folder, as Hugo reads it
    written: str = ""  # as the front matter writes it, for messages (`https://tass.ru/kosmos/1`, not tass.ru/kosmos/1/)

    @property
    def shown(self) -> str:
        """The old URL as messages quote it: as written, which a search of the archive finds."""
        return self.written or (f"{self.host}/{self.path}" if self.host else f"/{self.path}")


@dataclass(frozen=True)
class ReadSettings:
    """The part of the configuration that changes how one file is read (a cache-key input)."""

    lang: str
    timezone: str
    require: tuple[str, ...]
    search: search.SearchConfig
    tag_names: tuple[tuple[str, ...], ...] = ()  # names of one tag: a tag is indexed for search under all of them
    cyrillic_lang: str | None = None  # on a bilingual site, its language written in Cyrillic (`Config.cyrillic_lang`)
    other_alphabet_lang: str | None = None  # and its language in another alphabet (`Config.other_alphabet_lang`)
    content_dir: str = "content"  # the content folder as the user names it (a message names its pages/ folder)
    source_names: tuple[tuple[str, ...], ...] = ()  # names of one outlet: indexed for search under all of them, as tags are
    pelican_title_slugs: bool = True  # a Pelican header without `Slug:` gets its title's slug (`pelican.read_conf`)
    excerpt_separator: str | None = None  # site.yaml's: where an article without its own ends its summary (None: <!--more-->)
    # The build's moment (`BuildOptions.now`), which the error on a relative date (`вчера в 18:30`) reads it at; None:
    # the clock. Not a cache-key input: a file with a problem is never cached (`load.load_articles`).
    now: datetime | None = None
    languages: tuple[str, ...] = ()  # a bilingual site's languages: the one a `lang:` written otherwise means (`code_meant`)


@quick_pickling
@dataclass(frozen=True, slots=True)
class Article:
    """One article, complete and checked. The rendered body is kept out (see `cache.Store`).

    With slots: an archive holds 100,000 of these, and pickling (the cache's snapshot) gives an
    object without them a dictionary of its own for good, which would double its size."""

    source_path: str  # relative to content/, with forward slashes
    key: str  # content hash of the record: changes whenever anything here changes
    title: str
    date: datetime
    updated: datetime | None
    lang: str
    tags: tuple[str, ...]
    source: Source | None
    image: Image | None
    rights: str | None
    summary: str
    slug: str
    draft: bool
    extra: Mapping[str, Any] = field(hash=False, compare=False)
    article_links: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    site_links: tuple[str, ...] = ()  # what its text links to from the site's root (`/images/x.jpg` -> images/x.jpg)
    translation_of: str | None = None  # content path of the article this one translates
    translation_key: str | None = None  # articles sharing a key are translations of each other
    aliases: tuple[Alias, ...] = ()  # its old URLs, each redirected to it (`OLD_URL_KEYS`)
    publish: datetime | None = None  # published from then, not from its date (Hugo's `publishDate`: `hugo.held`)
    expires: datetime | None = None  # left out from then on, as a draft (Hugo's `expiryDate`)
    written_slug: str | None = None  # `slug:` as written (`наука-стыковка`), for the old generator's URL (`oldurls`)
    utc_date: bool = False  # its date was written in UTC (`Z`), which `date` is in the site's zone: Hugo's URLs kept UTC's day
    canonical_url: str | None = None  # the page search engines are to take for the original (a syndicated copy's outlet's)
    noindex: bool = False  # search engines are asked to leave it out (`<meta name="robots" content="noindex">`)
    sitemap: bool = True  # listed in the sitemap (jekyll-sitemap's `sitemap: false`)

    @property
    def indexed(self) -> bool:
        """Whether the sitemap lists it: published, not `noindex`, not `sitemap: false`. (A `canonical_url` alone keeps
        it: a moved archive's is often the page's own address, and its pages went out of the sitemap.)"""
        return not self.draft and not self.noindex and self.sitemap

    @property
    def publish_from(self) -> datetime:
        """When it is published: its date, or a `publish` after it (`load.published` leaves it out before then)."""
        return self.publish or self.date

    @property
    def shown_update(self) -> datetime | None:
        """`updated` where a page says it: after `date`, or a day alone of its day or later; None at or before it
        (`updated:` equal to `date:` printed "Updated" beside the same time, and one before it an update the page's own
        data, `modified`, did not have)."""
        if self.updated is None:
            return None
        if isinstance(self.updated, Day):
            return self.updated if self.updated.date() >= self.date.date() else None
        return self.updated if self.updated > self.date else None

    @property
    def modified(self) -> datetime:
        """When it last changed, for feeds, sitemaps and search engines: `updated`, never before `date` (an update
        written as a day alone is that day's midnight, earlier than a same-day article's time)."""
        return max(self.updated, self.date) if self.updated else self.date

    @classmethod
    def from_record(cls, source_path: str, key: str, record: dict) -> Article:
        meta = record["meta"]
        return cls(
            source_path=source_path,
            key=key,
            title=meta["title"],
            date=_when(meta["date"], "date" in meta["days"]),
            updated=_when(meta["updated"], "updated" in meta["days"]) if meta["updated"] else None,
            lang=intern(meta["lang"]),
            # Names that recur across an archive (tags, outlets, rights holders) are held once.
            tags=tuple(map(intern, meta["tags"])),
            source=Source(intern(meta["source"]["name"]), meta["source"]["url"]) if meta["source"] else None,
            image=Image(**meta["image"]) if meta["image"] else None,
            rights=intern(meta["rights"]) if meta["rights"] is not None else None,
            summary=meta["summary"],
            slug=meta["slug"],
            draft=meta["draft"],
            extra=MappingProxyType(meta["extra"]),
            article_links=tuple(meta["article_links"]),
            files=tuple(meta["files"]),
            site_links=tuple(meta["site_links"]),
            translation_of=meta.get("translation_of"),
            translation_key=meta.get("translation_key"),
            aliases=tuple(Alias(*alias) for alias in meta["aliases"]),  # (a record without it, of an older ssg, is read again)
            publish=_moment(meta["publish"]),
            expires=_moment(meta["expires"]),
            written_slug=meta["written_slug"],
            utc_date=meta["utc_date"],
            **_indexing(meta),
        )


@quick_pickling
@dataclass(frozen=True, slots=True)
class StandalonePage:
    """A page that is no news (About, Contacts): a file under content/pages/, or one marked `type: page` or `layout:
    page` (`is_page`). It has a title and a text but no date, tags, source or image, and is in no listing, feed,
    archive or search index; `menu` puts it in the header's menu. Read, cached and kept like an `Article` (with slots
    and quick pickling for the cache's snapshot)."""

    source_path: str  # relative to content/, with forward slashes
    key: str  # content hash of the record
    title: str
    updated: datetime | None  # when it last changed: `updated:` (or Hugo's `lastmod:`), else a `date:` written on it
    dated: datetime | None  # a `date:` written on it: before then it is not published (`load.published`)
    lang: str
    summary: str  # for the page's description and link previews
    slug: str  # its URL's: `<slug>/` (`urls.Urls.page`)
    draft: bool
    menu: int | float | None  # its place in the header's menu, lower first; None: not in the menu
    extra: Mapping[str, Any] = field(hash=False, compare=False)
    article_links: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    site_links: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()  # its old URLs, each redirected to it, as an article's
    publish: datetime | None = None  # as an article's (Hugo's `publishDate` after its `date:`)
    expires: datetime | None = None  # as an article's (Hugo's `expiryDate`)
    canonical_url: str | None = None  # as an article's
    noindex: bool = False
    sitemap: bool = True

    indexed = Article.indexed

    @property
    def publish_from(self) -> datetime | None:
        """When it is published (`load.published`): the later of a `date:` written on it and a `publish`; None: now."""
        return max(self.dated, self.publish) if self.dated and self.publish else self.publish or self.dated

    @classmethod
    def from_record(cls, source_path: str, key: str, record: dict) -> StandalonePage:
        meta = record["meta"]
        return cls(
            source_path=source_path,
            key=key,
            title=meta["title"],
            updated=_when(meta["updated"], "updated" in meta["days"]) if meta["updated"] else None,
            dated=_when(meta["dated"], "dated" in meta["days"]) if meta["dated"] else None,
            lang=intern(meta["lang"]),
            summary=meta["summary"],
            slug=meta["slug"],
            draft=meta["draft"],
            menu=meta["menu"],
            extra=MappingProxyType(meta["extra"]),
            article_links=tuple(meta["article_links"]),
            files=tuple(meta["files"]),
            site_links=tuple(meta["site_links"]),
            aliases=tuple(Alias(*alias) for alias in meta["aliases"]),
            publish=_moment(meta["publish"]),
            expires=_moment(meta["expires"]),
            **_indexing(meta),
        )


def _indexing(meta: dict) -> dict[str, Any]:
    """What a record says search engines are told of its page (`_Reader.indexing`)."""
    return {"canonical_url": meta["canonical_url"], "noindex": meta["noindex"], "sitemap": meta["sitemap"]}


def from_record(source_path: str, key: str, record: dict) -> Article | StandalonePage:
    """What a cached record (`read_article`'s) is: a page's says so (`"page": true`), the others are articles'."""
    return (StandalonePage if record["meta"].get("page") else Article).from_record(source_path, key, record)


# The keys `_own_keys_in_any_case` reads in any case: ssg's own, a page's, and the page marks (Hugo's `Type: page`).
_CASELESS_KEYS = {key.casefold(): key for key in (*KNOWN_KEYS, *PAGE_KEYS, *PAGE_MARKS)}


_OWN_KEYS = frozenset(_CASELESS_KEYS.values())


def own_keys_folded(data: dict) -> tuple[dict, dict[str, str], tuple[str, str] | None]:
    """`data` with ssg's own keys written in another case (`Draft: true`, `Tags: [A]`) under their own names, the keys
    so renamed (own -> as written), and the first key written in two spellings (both, as written), or None. Hugo reads
    front-matter keys in any case: a moved draft written `Draft: true` was published here, untagged, with a warning
    alone. (The reader, and `ssg new --translation-of` taking the original's date and tags.)"""
    if all(not isinstance(key, str) or key in _OWN_KEYS or key.casefold() not in _CASELESS_KEYS for key in data):
        return data, {}, None  # (the usual case, looked over in C)
    folded: dict = {}
    written: dict[str, str] = {}
    for key, value in data.items():
        own = _CASELESS_KEYS.get(key.casefold()) if isinstance(key, str) else None
        if own is None:
            folded[key] = value
        elif own in written:
            return data, {}, (written[own], key)
        else:
            written[own], folded[own] = key, value
    return folded, {own: key for own, key in written.items() if own != key}, None


def _own_keys_in_any_case(data: dict, lines: dict[str, int]) -> tuple[dict, tuple[int | None, str, str] | None]:
    """`own_keys_folded`, with `lines` renamed alike; or, where one key is written in two spellings, (line, key,
    message) of the error, naming both lines, as neither can be known to be the one meant."""
    folded, renamed, twice = own_keys_folded(data)
    if twice is not None:
        first, second = twice
        own = _CASELESS_KEYS[first.casefold()]
        where = [lines.get(first), lines.get(second)]
        at = " and ".join(f"line {line}" for line in where if line) or "the front matter"
        message = f"{first}: and {second}: ({at}) are one key, {own}:, written twice: keep one, as {own}:"
        return data, (max((line for line in where if line), default=None), own, message)
    for own, key in renamed.items():
        if key in lines:
            lines[own] = lines.pop(key)
    return folded, None


def is_page(source_path: str, data: dict) -> bool:
    """Whether a content file is a standalone page (`StandalonePage`) rather than an article: it is under
    content/pages/ (at any depth), or its front matter says `type: page` or `layout: page`; not one that says `type:
    post` (an archive's news kept in a folder named pages/: a `layout: post` there is a theme's look, which Jekyll
    themes give pages too), nor a Jekyll post (`_posts/`, whose every file Jekyll makes a post, whatever its layout)."""
    marks = {data[key].strip().lower() for key in PAGE_MARKS if isinstance(data.get(key), str)}
    kind = data.get("type")
    if (
        isinstance(kind, str)
        and kind.strip().lower() == "post"
        or source_path.startswith(JEKYLL_POSTS + "/")
        or f"/{JEKYLL_POSTS}/" in source_path
    ):
        return False
    return source_path.startswith(PAGES_FOLDER + "/") or "page" in marks


def read_article(source_path: str, raw: bytes, settings: ReadSettings) -> dict:
    """Read one article file. Returns `{"meta", "body", "terms", "warnings"}` or `{"problems"}`."""
    reader = _Reader(source_path, settings)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message = not_utf8(exc, f"{settings.content_dir}/{source_path}")
        return reader.failed(Problem(source_path, line, None, message))
    if "\x00" in text and (utf16 := utf16_read_as_utf8(raw, f"{settings.content_dir}/{source_path}")) is not None:
        return reader.failed(Problem(source_path, utf16[0], None, utf16[1]))  # (it was told it had no front matter)
    return reader.read(as_read(text))


def as_read(text: str) -> str:
    """An article file's text as it is read: without a byte-order mark, with Unix line ends (Windows editors add both;
    old Mac editors and some clippers end lines with a CR alone), its letters composed (`scripts.composed`): text pasted from a Mac's
    file names or PDFs writes `й` and `ё` as two characters (NFD), and the tag `Ёлки` so written was another tag than
    `Ёлки` typed (`tags/yolki-2/`, a warning naming the two alike), its title romanized `yelki`, not found by a search."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    text = text.replace("\r", "\n") if "\r" in text else text
    return composed(text)


_EMBEDDED = re.compile(r"<(?:img|iframe|video|audio|embed|object|picture|svg|table)\b", re.I)  # a body of these has something
# An <iframe> (a pasted player or map) without a title: screen readers announce it as "frame" alone (`warn_untitled_frames`).
_IFRAME = re.compile("<iframe", re.I)  # (a body's test before the slower one below: not a copy of it upper-cased)
_RAW_TAG = re.compile(r"</?[A-Za-z]")  # a tag in an article's text (not `<!--more-->`): its HTML is balanced (`htmlbalance`)
# Elements that act on the whole page wherever they stand (`_Reader.warn_page_wide`): pasted with a news site's
# fragment, its `<style>body{...}` blacked out our page, a `<meta http-equiv=refresh>` sent readers to that site.
# (Microdata's `<meta itemprop>`, `<link itemprop>` say something of their element alone; a <meta> without http-equiv
# and a <link> that loads nothing do nothing in a page's body.)
_PAGE_WIDE = re.compile(
    r"<(base|style)\b[^>]*>"
    r"|<(meta)\b(?![^>]*\bitemprop\b)(?=[^>]*\bhttp-equiv\b)[^>]*>"
    r"|<(link)\b(?![^>]*\bitemprop\b)(?=[^>]*\brel\s*=\s*[\"']?[^\"'>]*\b(?:stylesheet|preload|modulepreload|import|prefetch)\b)[^>]*>",
    re.I,
)
_PAGE_WIDE_EFFECTS = {
    "base": "changes where every relative link of the page leads, the site's own menu and links too",
    "meta": 'speaks for the whole page (http-equiv="refresh" sends its readers to another address)',
    "link": "loads into the whole page, whose look or behaviour it may change",
    "style": 'styles the whole page, the site\'s header, menu and footer too (style="..." on an element styles it alone)',
}
# An attribute of the text's own HTML that runs a script in the page (`<img src=x onerror="...">`, `<iframe srcdoc>`):
# kept as written, it ran on the site's pages, with its readers' cookies and storage (a security trial's contributor).
_RUNS_SCRIPT = re.compile(r"<([A-Za-z][\w-]*)\b[^>]*?\s(on[a-z]+|srcdoc)\s*=", re.I)
_UNTITLED_FRAME = re.compile(r"""<iframe\b(?![^>]*\stitle\s*=\s*(?:"[^"\s]|'[^'\s]|[^\s"'>]))[^>]*>""", re.I)
_SRC = re.compile(r"""\ssrc\s*=\s*["']?([^"'\s>]+)""", re.I)
# What no page or feed can show: XML 1.0's forbidden characters (the C0 controls but tab, LF and CR; U+FFFE, U+FFFF,
# which stopped every build in feedgen's traceback), and the controls HTML calls errors (DEL, the C1 controls).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# What the front matter gives that pages and feeds show (`Reader.shown_without_control_characters`).
_SHOWN_META = ("title", "summary", "rights", "tags", "source", "image")


def _without_controls(value: Any) -> tuple[Any, str]:
    """`value` (a text, or the texts of a list or mapping) without control characters, and those it had, in order."""
    if isinstance(value, str):
        found = "".join(CONTROL_CHARACTERS.findall(value))
        return (CONTROL_CHARACTERS.sub("", value) if found else value), found
    if isinstance(value, dict):
        parts = {k: _without_controls(v) for k, v in value.items()}
        return {k: kept for k, (kept, _) in parts.items()}, "".join(found for _, found in parts.values())
    if isinstance(value, (list, tuple)):
        items = [_without_controls(v) for v in value]
        return type(value)(kept for kept, _ in items), "".join(found for _, found in items)
    return value, ""


_LIST_DASH = re.compile(r"( *)- ")  # an item's line in a YAML block list
_CLIPPER_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\b.*?(?:\(UTC ?([+-]\d{2}:\d{2})\))?\s*$"
)  # `... (UTC +03:00)`
# A source written as "name, link" in one line (`ТАСС, https://tass.ru/x`, `ТАСС https://...`, `ТАСС (https://...)`,
# `ТАСС — https://...`): the link last, the name before it.
_NAME_THEN_LINK = re.compile(r"(?P<name>\S.*?)[\s,;:—–-]*(?:\s|,)\(?(?P<url>https?://[^\s()]+)\)?")
_LINK_THEN_NAME = re.compile(r"(?P<url>https?://[^\s()]+)[\s,;:—–-]*\((?P<name>[^()]*\S)\)")  # `https://... (ТАСС)`
# A credit as a clipping prints it, with its label (`Фото: Роскосмос`, `Photo — AP`, `Image source: pronedra.ru`).
_CREDIT_LABEL = re.compile(
    r"(?:фото|фотография|иллюстрация|источник(?:\s+(?:фото|изображения|иллюстрации))?|photo|image|picture|pic|illustration|credit|"
    r"image\s+(?:source|credit)|photo\s+(?:source|credit)|source)(?:\s*:|\s+[—–-])\s*(?P<name>\S.*)",
    re.I | re.S,
)
_LINK_IN_TEXT = re.compile(r"https?://[^\s()<>\]\[]+")
# A link copied from an address bar, which hides `https://` (`interfax.ru/russia/767824`): a host and a path.
_BARE_LINK = re.compile(r"(?<![\w.@/-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?/[^\s()<>\]\[]*", re.I)
_FIRST_HEADING = re.compile(r"#{1,2}\s+(.+?)(?:\s+#+)?\s*")  # a text's opening `# Title` (or `## Title`; `# Why C#` too)
_OPENING = re.compile(r"\s*<(h1|p)\b[^>]*>(.*?)</\1>\s*", re.S)  # a text's opening heading or paragraph
# Double quotes as titles are written on one site and another (`«Союз» вернулся`, `"Союз" вернулся`): one mark.
_QUOTES = str.maketrans(dict.fromkeys("«»„“”‟", '"'))
_TAG = re.compile(r"<[^>]+>")
# The HTML a title copied from a CMS or pasted from a page holds (`<b>Срочно</b>`, `<br>`, `<span class="x">`, an
# `<img>` or `<script>`): HTML's elements by name, not `<` in a text (`a <b` or `x < 5 >`).
_INLINE_HTML = re.compile(
    r"</?(?:b|i|em|strong|u|s|span|font|a|br|sup|sub|mark|small|nobr|q|abbr|cite|code|del|ins|time|wbr|img|picture|"
    r"script|style|iframe|div|p|h[1-6]|video|audio|source|embed|object|svg|link|meta|input|button|form)(?:\s[^<>]*)?/?>",
    re.I,
)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)  # (their text is no words of the title)


def _without_title_heading(body: str, title: str) -> str:
    """`body` without an opening `<h1>` or paragraph that says the title again: a clipper writes the page's title atop
    its text (MarkDownload's `# Title`, or `# Title - ТАСС` as the tab shows it), and a news page copied as text starts
    with it. The page showed it twice, a screen reader read two headings of one name, and listings took the paragraph
    as the summary. Told as the title with its quotes written otherwise (`«»` or `""`); a heading also with an outlet's
    name after a dash, a paragraph not (`Title — the lede's words` is the text). A later heading of the same words keeps
    the id Python-Markdown gave it (`_1`), which links to it may name."""
    opening = _OPENING.match(body)
    if opening is None or not _says_title(html.unescape(_TAG.sub("", opening[2])), title, opening[1] == "h1"):
        return body
    return body[opening.end() :]


def _says_title(text: str, title: str, heading: bool) -> bool:
    """Whether a heading's or paragraph's `text` is `title` (`_without_title_heading`): a heading's may end in a name
    after a dash, as a tab's title does (`- ТАСС`, `| Reuters`: three words at most, no sentence's marks)."""
    said, meant = _plain(text.translate(_QUOTES)), _plain(title.translate(_QUOTES))
    if said == meant:
        return True
    tail = _TITLE_TAIL.search(said) if heading else None
    return tail is not None and _OUTLET_NAME.fullmatch(tail["name"]) is not None and said[: tail.start()].rstrip() == meant


_OUTLET_NAME = re.compile(r"[^\s.,;:!?]+(?: [^\s.,;:!?]+){0,2}")  # (`ТАСС`, `РИА Новости`, `The Moscow Times`)


# The end of a page's <title> after its headline: a dash, bar or bullet between spaces and the site's name.
_TITLE_TAIL = re.compile(r"\s+[-–—|•·]\s+(?P<name>[^-–—|•·]+)$")


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


_TOLD_TAGS = 10  # the elements left open (and stray closing tags) of one text told one by one; more are one warning


class _Reader:
    """Checks one file's front matter, collecting every problem with its line."""

    def __init__(self, source_path: str, settings: ReadSettings):
        self.path = source_path
        self.settings = settings
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.lines: dict[str, int] = {}
        self.end_line: int | None = None  # the closing `---` line: where a missing key would go
        self.body = ""  # the text below the front matter
        self.front_text = ""  # the text above it
        self.days: set[str] = set()  # date fields written as a day alone
        self.pelican = False  # the file starts with Pelican's `Title:` header, not front matter
        self.utc_date = False  # its date is written in UTC (`Article.utc_date`)

    def failed(self, problem: Problem) -> dict:
        return {"problems": [problem.to_dict()]}

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.lines.get(key), key, message))

    def missing(self, key: str, message: str) -> None:
        """A key that is not there, on the closing `---` line: where it would go, so an editor can jump there."""
        self.problems.append(Problem(self.path, self.end_line, key, message))

    def read(self, text: str) -> dict:
        if (conflict := conflict_message(text)) is not None:  # (before YAML reads a marker as a puzzle on another line)
            return self.failed(Problem(self.path, conflict[0], None, conflict[1]))
        try:
            front = read_front_matter(text)
        except FrontMatterError as exc:
            return self.failed(Problem(self.path, exc.line, None, exc.message))
        data, body = {} if front.data is None else front.data, front.body
        if not isinstance(data, dict):
            return self.failed(Problem(self.path, 2, None, "front matter must be YAML keys and values (title: ..., date: ...)"))
        self.lines, self.end_line, self.pelican = front.lines, front.end_line, front.pelican
        if not front.pelican:  # (Pelican's header keys are read in any case already: `pelican.read_header`)
            data, twice = _own_keys_in_any_case(data, self.lines)
            if twice is not None:
                return self.failed(Problem(self.path, twice[0], twice[1], twice[2]))
        self.body = body  # (for the message of a missing title: `title_hint`)
        self.front_text = text[: len(text) - len(body)]  # (for the message of a text field YAML read as another type)
        self.warn_comments(text)
        self.warn_folded_items(text, data)
        page = is_page(self.path, data)
        meta = self.check_page(data) if page else self.check(data)
        meta = self.shown_without_control_characters(meta)
        body = self.without_control_characters(text, body)
        separator = self.text("excerpt_separator", data) or self.settings.excerpt_separator
        rendered = render_markdown(body, self.path, separator, lead_picture=bool(meta.get("image")))
        self.warn_template_tags(text, rendered.template_tags)
        front = None if page else self.front_links(meta)
        self.warn_outside(text, rendered.outside + (front.outside if front else ()))
        self.warn_loopback(text, rendered.loopback + (front.loopback if front else ()))
        self.warn_cyrillic(data, meta, rendered)
        html = _without_title_heading(rendered.html, meta.get("title") or "")
        lead = rendered.first_paragraph if html is rendered.html else first_paragraph(html)  # (not the title said again)
        if "<" in body and _RAW_TAG.search(body):  # (raw HTML: Markdown's own is balanced, and most articles have none)
            html = self.balanced(text, html)
        self.warn_empty(meta, rendered, html)
        self.warn_untitled_frames(text, html)
        if "<" in body and _PAGE_WIDE.search(html):
            self.warn_page_wide(text, html)
        if "<" in body and _RUNS_SCRIPT.search(html):
            self.warn_runs_script(text, html)
        if self.problems:  # typo warnings too: a misspelt key is often why a field is "missing"
            return {"problems": [p.to_dict() for p in self.problems], "warnings": [w.to_dict() for w in self.warnings]}
        summary = meta.pop("summary") or rendered.excerpt or shortened(lead)
        terms = (  # (pages are in no search index: see docs/search.md)
            search.article_terms(
                meta["lang"],
                meta["title"],
                self.search_tags(meta["tags"]),
                rendered.text,
                self.settings.search,
                self.search_source(meta["source"]),
            )
            if self.settings.search.enabled and not page
            else None
        )
        meta |= {
            "summary": summary,
            # (and Obsidian's `[[links]]`, which the build tells of, knowing whether an article has the name: `links.broken_links`)
            "article_links": list(rendered.article_links) + [tag for tag in rendered.template_tags if is_wikilink(tag)],
            "files": list(rendered.files),
            "site_links": list(rendered.site_links),
            "lines": self.lines,
        }
        if front:
            meta["article_links"] += front.article_links
            meta["files"] += front.files
            meta["site_links"] += front.site_links
        return {"meta": meta, "body": html, "terms": terms, "warnings": [w.to_dict() for w in self.warnings]}

    def check(self, data: dict) -> dict:
        self.warn_typos(data)
        for name in self.settings.require:
            if name in data and _is_empty(data[name]):
                self.problem(name, "is required by site.yaml `require:` but empty")
            elif name not in data:
                self.missing(name, "is required by site.yaml `require:` but missing")
        stem, self.file_lang = article_name(self.path)
        prefix = DATE_PREFIX.match(stem)
        title = self.text("title", data, required=True) or ""  # (problems are listed in this order)
        published, updated = self.date("date", data, prefix), self.date("updated", data, None)
        if prefix and published:
            self.warn_day_moved(data.get("date"), published, prefix)
        if published:
            self.warn_date_disagrees(data, published, prefix)
        if published and updated and _before(datetime.fromisoformat(updated), datetime.fromisoformat(published), "updated" in self.days):
            message = f"{updated} is before the date {published} (an update comes after it)"
            key = "updated" if "updated" in data else next((k for k, _ in date_like(data, MODIFICATION_KEYS)), "updated")  # (`lastmod:`)
            self.warnings.append(Problem(self.path, self.lines.get("updated"), key, message))
        meta = {
            "title": title,
            "date": published,
            "updated": updated,
            "days": sorted(self.days),  # which of them were written as a day alone
            "lang": self.lang(data),
            "tags": self.tags(data, jekyll=prefix is not None),
            "source": self.source(data),
            "image": self.image(data),
            "rights": self.text("rights", data),
            "summary": self.summary(data),
            "slug": self.pelican_slug(data, title) or self.slug(data, prefix.group(4) if prefix else stem),
            **self.held_back(data),
            "translation_of": self.translation_of(data),
            "translation_key": self.text("translation_key", data),
            "aliases": self.old_urls(data, _held(data)),
            "written_slug": str(data["slug"]).strip() or None if isinstance(data.get("slug"), (str, int)) else None,
            "utc_date": self.utc_date,
            **self.indexing(data),
            "extra": _json_safe({k: v for k, v in data.items() if k not in KNOWN_KEYS or k in _KEPT_KEYS}),  # (read and kept)
        }
        self.warn_outlet_in_title(title, meta["source"])
        self.warn_image_keys(data)
        return meta

    def warn_image_keys(self, data: dict) -> None:
        """A warning on the line of each of the image's texts written beside `image:` rather than under it
        (`image_credit: pronedra.ru`, `alt:`, `caption:`), giving the `image:` that holds them: kept for templates as
        any unknown key, they were dropped without a word (no "Image source: ..." under the picture, its alt the title)."""
        astray = {k: IMAGE_TEXT_KEYS[_folded_key(k)] for k in data if isinstance(k, str) and _folded_key(k) in IMAGE_TEXT_KEYS}
        if not astray:
            return
        key, value = self.lead_image(data)
        image = {"src": value} if isinstance(value, str) else dict(value) if isinstance(value, dict) else {"src": "images/x.jpg"}
        has_own = {name for name in ("credit", "alt", "caption") if not _is_empty(image.get(name))}
        first: dict[str, str] = {}  # each text -> the first key beside image: giving it (`image_credit:`, then `credit:`)
        for k, name in astray.items():
            if not _is_empty(data[k]):
                first.setdefault(name, k)
        meant = image | {name: data[k] for name, k in first.items() if name not in has_own}
        written = ", ".join(f"{name}: {_flow_text(v) if isinstance(v, str) else v}" for name, v in meant.items())
        where = "" if key == "image" else f" in place of {key}:"
        for k, name in astray.items():
            if name in has_own:
                message = f"not shown: {key}: has a {name} of its own ({_flow_text(str(image[name]))}), which the page shows: delete this one, or write it there"
            elif first.get(name, k) != k:
                message = f"not shown: the image's {name} is given twice beside image: ({first[name]}: says {_flow_text(str(data[first[name]]))}): keep one, under image:"
            elif value is None:
                message = f"not shown: the image's {name} goes under image:, and the article has none (write image: {{{written}}})"
            else:
                message = f"not shown: the image's {name} goes under image: (write image: {{{written}}}{where})"
            self.warnings.append(Problem(self.path, self.lines.get(k), k, message))

    def warn_outlet_in_title(self, title: str, source: dict | None) -> None:
        """A warning for a title that ends with its outlet's name (`... - Интерфакс`, `... | Reuters`): a clipper, or a
        copy of the browser's tab, takes the page's <title>, which the site ends with its name. Every listing, feed and
        tab showed the outlet twice (the article names its source), and a search for the title's words ranked it by it."""
        tail = _TITLE_TAIL.search(title) if source else None
        if tail is None or not title[: tail.start()].strip():
            return
        host = _plain(source_host(source["url"])) if source.get("url") else ""
        names = {_plain(source["name"] or ""), host, host.partition(".")[0]} - {""}  # (Reuters: reuters.com's)
        if _plain(tail["name"]) in names:
            message = f"ends with the outlet's name ({tail[0].strip()!r}, as its page's tab shows it), which the page names as the source: write title: {quoted(title[: tail.start()].rstrip())}"
            self.warnings.append(Problem(self.path, self.lines.get("title"), "title", message))

    def check_page(self, data: dict) -> dict:
        """A standalone page's front matter (`StandalonePage`): a title, and no date, which a page does not have; one
        written on it (an About page made by `hugo new`) is when it last changed, where there is no `updated:`."""
        self.warn_typos(data, (*KNOWN_KEYS, "menu"))
        stem, self.file_lang = article_name(self.path)
        prefix = DATE_PREFIX.match(stem)  # (`2020-01-05-about.md`, as a Jekyll or WordPress export names it: slug `about`)
        title = self.text("title", data, required=True) or ""
        if re.search(r"/(?:19|20)\d\d/", self.path) and not any(key in data for key in PAGE_MARKS):
            message = (
                f"read as a standalone page (it is under {PAGES_FOLDER}/), though it sits in a year's folder, as news does: "
                f"if it is an article, write type: post (or move it out of {PAGES_FOLDER}/), and it keeps its dated URL"
            )
            self.warnings.append(Problem(self.path, self.lines.get("title"), None, message))
        updated = self.date("updated", data, None)
        dated = None if _is_empty(data.get("date")) else self.date("date", data, None)
        if dated and "date" in self.days:
            self.days.add("dated")
        if updated is None and dated is not None:
            updated = dated
            if "date" in self.days:
                self.days.add("updated")
        for key in ARTICLE_ONLY_KEYS:
            if not _is_empty(data.get(key)):
                message = f"a page has no {key} (an article's key): not shown, kept for templates as standalone.extra.{key}"
                self.warnings.append(Problem(self.path, self.lines.get(key), key, message))
        return {
            "page": True,
            "title": title,
            "updated": updated,
            "dated": dated,
            "days": sorted(self.days),
            "lang": self.lang(data),
            "summary": self.summary(data),
            "slug": self.pelican_slug(data, title) or self.slug(data, prefix.group(4) if prefix else stem),
            **self.held_back(data, page=True),
            "menu": self.menu(data),
            "aliases": self.old_urls(data),
            **self.indexing(data),
            "extra": _json_safe({k: v for k, v in data.items() if k not in PAGE_KEYS or k in _KEPT_KEYS}),
        }

    def indexing(self, data: dict) -> dict[str, Any]:
        """What search engines are told of the page: `canonical_url:` (the original a syndicated copy points them to,
        jekyll-seo-tag's key; PaperMod's `canonicalURL`), `noindex: true` (PaperMod's `robotsNoIndex`) and
        `sitemap: false` (jekyll-sitemap's; Hugo's `sitemap: {disable: true}`). An archive of other outlets' texts had
        no way to say them: the keys were kept for templates without a word, and the page was in the sitemap."""
        keys = {name: name for name in SEARCH_ENGINE_KEYS if name in data}  # each key as written
        for written in data:  # (other tools' spellings: folded only where a key is none of ssg's, as few are)
            if isinstance(written, str) and written not in _OWN_KEYS:
                own = _SEARCH_ENGINE_SPELLINGS.get(_folded_key(written))
                if own is not None:
                    keys.setdefault(own, written)
        canonical = None
        if "canonical_url" in keys:
            value, where = data[keys["canonical_url"]], keys["canonical_url"]
            written = _with_scheme(value.strip()) if isinstance(value, str) else value
            if isinstance(written, str) and _is_web_url(written):
                canonical = web_address(written)
            elif not _is_empty(value):  # (built before ssg read the key: a warning, and the page's own canonical link)
                message = f"{value!r} is not a full http(s) URL, so the page's canonical link is its own (write the original's address: {where}: https://...)"
                self.warnings.append(Problem(self.path, self.lines.get(where), where, message))
        noindex = data[keys["noindex"]] if "noindex" in keys else False
        if noindex is not True and noindex is not False:
            self.not_a_flag(keys["noindex"], noindex, "noindex: true to ask search engines to leave the page out")
            noindex = False
        listed = data[keys["sitemap"]] if "sitemap" in keys else True
        if isinstance(listed, dict):  # (Hugo's `sitemap: {disable: true}`)
            listed = listed.get("disable") is not True
        elif listed is not True and listed is not False:
            self.not_a_flag(keys["sitemap"], listed, "sitemap: false to leave the page out of the sitemap")
            listed = True
        return {"canonical_url": canonical, "noindex": noindex, "sitemap": listed}

    def not_a_flag(self, key: str, value: Any, meant: str) -> None:
        """A warning for a key of `indexing` that is not true or false: built before ssg read it, it still builds."""
        message = f"{value!r} is not true or false, so it is not read (write {meant})"
        self.warnings.append(Problem(self.path, self.lines.get(key), key, message))

    def menu(self, data: dict) -> int | float | None:
        """A page's place in the header's menu (lower first), or None: `menu: 2`; `menu: true` (place 0); Hugo's
        `menu: main` (placed by `weight:`) and `menu: {main: {weight: 2}}`. Another of Hugo's menus (`menu: footer`) or
        any other value is not the header's: a warning, and the page is not in it."""
        value = data.get("menu")
        if value is None or value is False:
            return None
        if value is True:
            return 0
        if isinstance(value, (int, float)):
            if math.isfinite(value):
                return value
        elif _names_main(value):
            own = value.get("main") if isinstance(value, dict) else None  # (`{main: {weight: 2}}`)
            weight = own.get("weight") if isinstance(own, dict) else data.get("weight")
            return weight if isinstance(weight, (int, float)) and not isinstance(weight, bool) and math.isfinite(weight) else 0
        message = f"{value!r} is not a place in the header's menu: write a number (menu: 1; lower comes first), or leave it out to keep the page out of the menu"
        self.warnings.append(Problem(self.path, self.lines.get("menu"), "menu", message))
        return None

    def search_tags(self, tags: list[str]) -> list[str]:
        """The article's tags and their other names (Роскосмос = Roscosmos), so either finds it."""
        return with_other_names(tags, self.settings.tag_names, tag_fold)

    def search_source(self, source: dict | None) -> str:
        """The name of the article's outlet and its other names (`source_names:`, Интерфакс = Interfax), as the search
        index reads them, so either finds it, as a tag's do (none: "")."""
        return " ".join(with_other_names([source["name"]], self.settings.source_names, outlet_key)) if source else ""

    def warn_typos(self, data: dict, known: tuple[str, ...] = KNOWN_KEYS) -> None:
        for key in data:
            if key in known or not isinstance(key, str) or key.lower() in OTHER_TOOLS_KEYS:
                continue
            if RUSSIAN_KEYS.get(key.casefold()) in known:
                message = f"unknown key, kept for templates: is it {RUSSIAN_KEYS[key.casefold()]!r} (its name in Russian)?"
                self.warnings.append(Problem(self.path, self.lines.get(key), key, message))
                continue
            close = misspelling_of(key, known)
            if close:
                self.warnings.append(
                    Problem(self.path, self.lines.get(key), key, f"unknown key, kept for templates; did you mean {close!r}?")
                )

    def without_control_characters(self, text: str, body: str) -> str:
        """`body` without the control characters text copied from a PDF or a terminal carries (NUL, form feed): they
        show as nothing, and no feed can hold them (XML forbids them). A warning names the line of the first."""
        found = CONTROL_CHARACTERS.search(body)
        if found is None:
            return body
        count = len(CONTROL_CHARACTERS.findall(body))
        start = len(text) - len(body) if text.endswith(body) else 0  # (the body is the end of the file)
        line = text.count("\n", 0, start + found.start()) + 1
        more = f" and {count - 1} more" if count > 1 else ""
        message = f"a control character (U+{ord(found[0]):04X}){more} in the text, which no page or feed can show: left out (delete it)"
        self.warnings.append(Problem(self.path, line, None, message))
        return CONTROL_CHARACTERS.sub("", body)

    def shown_without_control_characters(self, meta: dict) -> dict:
        """`meta` with its shown texts (title, summary, rights, tags, the image's and source's) without control
        characters, each told on its key's line: YAML's escapes (`"\\x0c"`), TOML's (`"\\u000c"`) and entities (`&#12;`, as a
        WordPress export writes them) put them there, and the build failed writing the feeds, which XML cannot hold
        them in, with a traceback."""
        for key in sorted(_SHOWN_META, key=lambda k: self.lines.get(k) or 0):  # (told in the file's order)
            value = meta.get(key)
            kept, found = _without_controls(value)
            if not found:
                continue
            more = f" and {len(found) - 1} more" if len(found) > 1 else ""
            if key == "title" and shows_as_nothing(kept):  # (a feed's entry without a title stopped the build on feedgen's ValueError)
                self.problem(
                    key,
                    f"is a control character (U+{ord(found[0]):04X}){more} alone, which no page or feed can show: write the article's title",
                )
                continue
            message = f"a control character (U+{ord(found[0]):04X}){more}, which no page or feed can show: left out (delete it)"
            self.warnings.append(Problem(self.path, self.lines.get(key), key, message))
            meta[key] = kept
        return meta

    def warn_template_tags(self, text: str, tags: tuple[str, ...]) -> None:
        """A warning on the line of each shortcode or Liquid tag an archive moved from Hugo or Jekyll left in its text.
        Obsidian's links and embeds are the build's to tell (`links.broken_links`): their lines are kept with the front
        matter's, under the tag (a build read each such file again for them, on every save: 0.3 s at 3,000 notes)."""
        for tag in tags:
            if is_wikilink(tag):
                self.lines.setdefault(tag, body_line(text, tag, self.end_line))
            else:
                self.warnings.append(Problem(self.path, body_line(text, tag, self.end_line), None, left_as_text(tag)))

    def front_links(self, meta: dict) -> FrontLinks | None:
        """The links of the texts that show Markdown (`rights`, the image's `caption` and `credit`) made as the body's
        are (`markdown.front_links`), `meta` holding those texts with their markers: the page, the feed and the copy of
        a linked file then treat them as the body's links. None where none links (a cheap look: almost every article)."""
        image = meta.get("image")
        texts = {"rights": meta.get("rights")} | ({f"image.{k}": image[k] for k in ("caption", "credit")} if image else {})
        texts = {name: text for name, text in texts.items() if text and "](" in text}
        for name, text in texts.items():
            for url in (found[2].strip("<>") for found in INLINE_LINK.finditer(text)):
                if is_script_url(url):  # (`markdown.inline_markdown` shows it as its text alone)
                    scheme = url.partition(":")[0].strip().lower()
                    message = f"a link to a {scheme}: URL runs a script where a reader clicks it: the page shows its text alone (write an http(s) URL)"
                    key = name.partition(".")[0]
                    self.warnings.append(Problem(self.path, self.lines.get(key), name, message))
        front = front_links(texts, self.path) if texts else None
        if front is not None:
            for name, text in front.texts.items():
                if name == "rights":
                    meta["rights"] = text
                else:
                    meta["image"] = {**meta["image"], name.removeprefix("image."): text}
        return front

    def warn_outside(self, text: str, links: tuple[str, ...]) -> None:
        """A warning on the line of each link or image that leads out of the content folder (`../attachments/x.png` in
        a vault whose notes are a folder of it): the site has only what content/ and static/ hold, so the published
        page's link went nowhere, and the build said nothing (only `ssg check --links` did)."""
        files = [link for link in dict.fromkeys(links) if _EXTENSION.search(urlsplit(link).path)]  # (`../../2020/12/31/x/`: a page's URL)
        for link in files:
            message = f"{link!r} leads out of the content folder, where the published site cannot reach: put the file in content/ (or static/) and link to it there"
            self.warn_on_line(text, link, message)

    def warn_loopback(self, text: str, links: tuple[str, ...]) -> None:
        """A warning on the line of each link to this computer: an address copied from the preview's tab
        (`http://127.0.0.1:8765/2019/07/16/x/`) reads well in the preview and leads every reader nowhere."""
        for link in dict.fromkeys(links):
            if on_the_writers_disk(link):  # (Typora's `C:\Users\me\AppData\...\image.png` for a pasted picture)
                name = re.split(r"[\\/]", link)[-1] or "its-name.png"
                message = (
                    f"links to {link}, a file on the writer's computer, which readers cannot reach: copy the file into "
                    f"content/ beside the article and link to it there ({name})"
                )
                self.warn_on_line(text, link, message)
                continue
            path = urlsplit(link).path or "/"
            message = (
                f"links to {link}, an address on this computer (the preview's?), which readers cannot reach: link to the "
                f"article's file (../2019/its-name.md), or write the site's own path ({path})"
            )
            self.warn_on_line(text, link, message)

    def warn_untitled_frames(self, text: str, html: str) -> None:
        """A warning on the line of each `<iframe>` without a `title` (a player or map pasted from a share button): a
        screen reader announces it as "frame" and nothing more, so its listener cannot tell what it is or whether to go
        in (WCAG 4.1.2, axe's frame-title). The author knows what it shows; ssg does not."""
        if _IFRAME.search(html) is None:  # (almost every article)
            return
        seen: Counter[str] = Counter()  # each frame as the text is searched for it -> the frames so far found so
        for frame in _UNTITLED_FRAME.finditer(html):
            src = _SRC.search(frame[0])
            try:
                host = urlsplit(src[1]).hostname if src else None
            except ValueError:  # a host in brackets that is no IP address (a template's `https://[site]/embed`): named by none
                host = None  # (the build left it as written, then stopped here on a traceback)
            message = (
                f'an <iframe>{f" from {host}" if host else ""} has no title: screen readers announce it only as "frame"; '
                'say what it shows, e.g. <iframe title="Video: the launch of Soyuz MS-25" ...>'
            )
            # The tag as written where the text has it on one line (raw HTML passes through as it is), else its src: a
            # second player of the same video is told on its own line, not twice on the first's; a tag written over
            # several lines is found by its src's line (lines are searched one by one).
            whole = "\n" not in frame[0] and frame[0] in text
            written = frame[0] if whole else src[1] if src else "<iframe"
            seen[written] += 1
            self.warn_on_line(text, written, message, seen[written])

    def warn_page_wide(self, text: str, html: str) -> None:
        """A warning on the line of each `<base>`, `<meta>`, `<link>` or `<style>` the text holds: HTML is kept as
        written, and these act on the whole page, not on the article's text alone."""
        seen: Counter[str] = Counter()
        for found in _PAGE_WIDE.finditer(html):
            tag = found[1] or found[2] or found[3]
            name = tag.lower()
            written = found[0] if "\n" not in found[0] and found[0] in text else f"<{tag}"
            seen[written] += 1
            self.warn_on_line(text, written, f"<{name}> {_PAGE_WIDE_EFFECTS[name]}: delete it, unless that is meant", seen[written])

    def warn_runs_script(self, text: str, html: str) -> None:
        """A warning on the line of each attribute of the text's HTML that runs a script (`onerror=`, `onclick=`,
        `srcdoc=`): HTML is kept as written, and a pasted or contributed one ran on the site's pages without a word,
        where a `<style>` was told of. (A `<script>` is not told: a pasted player or post brings one.)"""
        seen: Counter[str] = Counter()
        for found in _RUNS_SCRIPT.finditer(html):
            tag, attribute = found[1].lower(), found[2].lower()
            written = next((w for w in (f" {found[2]}=", f" {attribute}=") if w in text), f"<{found[1]}")
            seen[written] += 1
            message = (
                f"<{tag} {attribute}=...> runs a script in the site's pages, with its readers' cookies: delete it, unless that is meant"
            )
            self.warn_on_line(text, written, message, seen[written])

    def balanced(self, text: str, html: str) -> str:
        """`html` with the elements it leaves open closed and its stray closing tags left out (`htmlbalance`), each told
        on its line: pasted from a news site, `<b>` without its `</b>` made the rest of the page bold."""
        found, start = balanced(html), len(self.warnings)
        if not found.unclosed and not found.stray and not found.inert:
            return html
        stray = "closes nothing the text opened (it would close the page's own): left out (delete it)"
        # The text with the body's code blanked: a tag shown as code is no tag of the page, its line not the one meant.
        head, cut = text.split("\n"), self.end_line or 0
        lines = "\n".join([*head[:cut], code_masked("\n".join(head[cut:]))])
        for tag, written, nth in found.unclosed[:_TOLD_TAGS]:
            message = f"{written} is never closed, and the page's own parts after it would go inside it: closed for the page (write </{tag}> where it ends)"
            self.warn_on_line(lines, written, message, nth)
        for written, nth in found.stray[:_TOLD_TAGS]:
            self.warn_on_line(lines, written, f"{written} {stray}", nth)
        for written, nth in [item for item in found.inert if not item[0].startswith("</")][:_TOLD_TAGS]:  # (its end tag: told with it)
            inert = "makes the rest of the page text, and nothing ends it, not even its end tag: shown as text (delete it)"
            self.warn_on_line(lines, written, f"{written} {inert}", nth)
        # (A pasted page's 10,000 `<span>` left open were 10,000 warnings, each line looked for in the whole text: 0.9 s.)
        if len(found.unclosed) > _TOLD_TAGS:
            _, written, nth = found.unclosed[_TOLD_TAGS]
            more = f"{len(found.unclosed) - _TOLD_TAGS - 1:,}"
            message = f"{written} and {more} more elements after it are never closed (closed for the page): is this a whole page's HTML?"
            self.warn_on_line(lines, written, message, nth)
        if len(found.stray) > _TOLD_TAGS:
            written, nth = found.stray[_TOLD_TAGS]
            more = f"{len(found.stray) - _TOLD_TAGS - 1:,}"
            self.warn_on_line(
                lines, written, f"{written} and {more} more closing tags after it close nothing the text opened (left out)", nth
            )
        self.warnings[start:] = sorted(self.warnings[start:], key=lambda warning: warning.line or 0)  # (in the text's order)
        return found.html

    def warn_on_line(self, text: str, written: str, message: str, nth: int = 1) -> None:
        """A warning on the line of the body that holds the `nth` `written` (the first line, where it has two; none
        found: on the front matter's line that links it, else on the file; fewer: on the last found)."""
        lines = text.split("\n")
        body, line = lines[self.end_line or 0 :], None
        for number, shown in enumerate(body, (self.end_line or 0) + 1):
            if written in shown:
                line, nth = number, nth - shown.count(written)
                if nth <= 0:
                    break
        if line is None:  # a Markdown link of the front matter's texts (`rights:`, `caption:`: `Reader.front_links`)
            line = next(
                (n for n, shown in enumerate(lines[: self.end_line or 0], 1) if f"]({written}" in shown or f"](<{written}" in shown), None
            )
        self.warnings.append(Problem(self.path, line, None, message))

    def warn_empty(self, meta: dict, rendered: RenderedBody, html: str) -> None:
        """A warning for an article with nothing below its front matter, `ssg new`'s until it is written: published,
        its page and feed entry were empty, without a word. (A body of a picture or a player alone is something; one of
        the title's heading alone, which the page leaves out, `html`, is not.)"""
        if meta.get("draft") or html.strip() and (_EMBEDDED.search(html) or rendered.text):
            return
        message = (
            "the page has no text: it is empty (write it below the front matter, or set draft: true until then)"
            if meta.get("page")
            else "the article has no text: its page and feed entry are empty (write it below the front matter, or set draft: true until then)"
        )
        self.warnings.append(Problem(self.path, self.end_line + 1 if self.end_line else None, None, message))

    def warn_comments(self, text: str) -> None:
        """A warning for `title: Запуск #2 перенесён`: YAML reads ` #` and what follows as a comment, and the page showed
        "Запуск". Only for the texts pages show (`_SHOWN_TEXT`), written without quotes, and never in a block scalar
        (`summary: |`, whose lines are text as written): a comment after a date or a flag is meant."""
        if not text.startswith("---"):
            return  # (TOML front matter quotes its strings)
        if "#" not in self.front_text:
            return  # no comment at all (most articles): no line to read
        parent, literal = None, None  # the top-level key a nested line is under; the indent a block scalar's lines exceed
        for number, line in enumerate(text.split("\n", self.end_line)[1 : self.end_line - 1], start=2):
            indent = len(line) - len(line.lstrip(" "))
            if literal is not None and (indent > literal or not line.strip()):
                continue
            literal, found = None, key_line(line)
            if found is None:
                continue
            key, written = found
            parent = key if indent == 0 else parent
            if written.startswith(("|", ">")):  # (a block scalar: its lines are text as written)
                literal = indent
                continue
            if _HASHTAG.match(written) and self.warn_commented_out(key, written, number, indent == 0):
                continue
            kept = cut_by_comment(written)
            if kept is None or not kept.strip() or key not in _SHOWN_TEXT.get(parent if indent else None, ()):
                continue
            message = f"' #' starts a YAML comment, so this reads as {kept.strip()!r}: put the value in quotes, {key}: {quoted(written)}"
            self.warnings.append(Problem(self.path, number, key, message))

    def warn_commented_out(self, key: str, written: str, number: int, top: bool) -> bool:
        """A warning for `tags: #космос #МКС` (hashtags, as social networks write them) or `summary: #1 ...` (`_HASHTAG`:
        not `tags: # none yet`, a comment meant as one): the whole value is a YAML comment, and the article had no tags, or no summary, without a word. Whether `key` is one
        warned of (a title says so in its error, `text`; a comment after a date or a flag is meant)."""
        if top and key == "tags":
            names = [name.lstrip("#") for name in re.split(r"[\s,]+", written) if name.lstrip("#")]
            fix = f"tags: [{', '.join(names)}]" if names else "tags: [...]"
            message = f"'#' at the start of the value starts a YAML comment, so the article has no tags: write {fix}"
        elif key in _SHOWN_TEXT[None] and top and key != "title":
            message = f"'#' at the start of the value starts a YAML comment, so {key}: is empty: put the value in quotes, {key}: {quoted(written)}"
        else:
            return False
        self.warnings.append(Problem(self.path, number, key, message))
        return True

    def commented_out(self, key: str) -> str | None:
        """The value of the line `key:` is on, as written, where it starts with `#` and a word (YAML reads it as a
        comment, and the key as empty: `title: #1 в мире`); else None."""
        line = self.lines.get(key)
        found = key_line(self.front_text.split("\n")[line - 1]) if line else None
        return found[1] if found and _HASHTAG.match(found[1]) else None

    def warn_commented_items(self) -> None:
        """A warning for a `tags:` item written `- #космос` (a vault's hashtag, as its text writes one): YAML reads what
        follows the dash as a comment, and the tag was left out without a word."""
        line = self.lines.get("tags")
        for number, written in enumerate(self.front_text.split("\n")[line:] if line else (), start=(line or 0) + 1):
            item = _LIST_DASH.match(written)
            if item is None:
                if written[:1] not in (" ", "\t", "#", ""):
                    return  # the next key
                continue
            name = written[item.end() :].strip()
            if _HASHTAG.match(name):
                message = f"'#' after the dash starts a YAML comment, so this tag is left out: write - {quoted(name[1:])}"
                self.warnings.append(Problem(self.path, number, "tags", message))

    def warn_folded_items(self, text: str, data: dict) -> None:
        """A warning for a `tags:` item indented past the one above (`  - Роскосмос` then `   - МКС`): YAML reads it as
        more of that one's name, and the article had one tag, "Роскосмос - МКС", on neither tag's page."""
        value, line = data.get("tags"), self.lines.get("tags")
        if not isinstance(value, list) or line is None or not any(isinstance(item, str) and " - " in item for item in value):
            return  # (the usual case: no name holds " - ")
        first = None  # the indent of the list's first dash
        for number, written in enumerate(text.split("\n")[line:], start=line + 1):
            item = _LIST_DASH.match(written)
            if item is None:
                if written[:1] not in (" ", "\t", "#", ""):
                    return  # the next key
                continue
            first = len(item[1]) if first is None else first
            folded = next((name for name in value if isinstance(name, str) and f" {written.strip()}" in name), None)
            if len(item[1]) > first and folded:
                message = f"this item is indented past the one above, so YAML reads it as more of that one: the tag is {folded!r}; put its dash under the others'"
                self.warnings.append(Problem(self.path, number, "tags", message))

    def warn_cyrillic(self, data: dict, meta: dict, rendered: RenderedBody) -> None:
        """A warning for an article whose language is in one alphabet and whose title and text are in the other, on a
        bilingual site with a language in Cyrillic: an article in Cyrillic marked (or taken to be) English was
        published as English, in English lists and feeds, and an English clipping on a Russian-default site as
        Russian, with Russian dates (only where it took the site's language: `lang: ru` over English is meant). Only
        when the title leaves no doubt (in Cyrillic: `scripts.reads_as_cyrillic`; else without a Cyrillic letter) and
        most letters of the text agree: a Russian quotation or name in an English article, an English name in a
        Russian one, never do. So too for a title in another script that is one language's alone among the site's
        (`scripts.script_language`: Arabic letters ar, kana ja), over a text mostly in it, in an article of another."""
        cyrillic = self.settings.cyrillic_lang
        lang = meta.get("lang")
        title = meta.get("title") or ""
        if lang and (meant := script_language(title, self.settings.languages)) and meant != lang:
            if script_share(rendered.text, meant) >= MOSTLY:
                self.warn_lang(data, lang, meant, f"in {script_name(meant)} script")
            return
        if not lang or (cyrillic is None and self.settings.other_alphabet_lang is None):
            return
        if not written_in_cyrillic(lang):
            # (Where a site has two languages in Cyrillic, uk and ru, which is meant is not told: nothing is said.)
            if cyrillic is None or not reads_as_cyrillic(title) or cyrillic_share(rendered.text) < MOSTLY:
                return
            meant, alphabet = cyrillic, "in Cyrillic"
        else:
            meant = self.settings.other_alphabet_lang
            if "lang" in data or self.file_lang or meant is None:  # (only the site's default, taken without a word)
                return
            if cyrillic_share(title) > 0 or not has_letters(rendered.text) or cyrillic_share(rendered.text) > 1 - MOSTLY:
                return
            alphabet = "not in Cyrillic"
        self.warn_lang(data, lang, meant, alphabet)

    def warn_lang(self, data: dict, lang: str, meant: str, alphabet: str) -> None:
        """The warning that the article is in `lang` (given, or the site's) where its title and text are `alphabet`
        (`in Cyrillic`), so are likely `meant` (`warn_cyrillic`)."""
        if "lang" in data or self.file_lang:
            where, message = (
                self.lines.get("lang"),
                f"{lang!r}, but the title and text are {alphabet} (write lang: {meant} if they are in that language; its URL moves with it, and aliases: keeps the old one working)",
            )
        else:
            where = self.lines.get("title")
            message = f"not given, so the article is in the site's {lang!r}, but the title and text are {alphabet} (add lang: {meant} if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
        self.warnings.append(Problem(self.path, where, "lang", message))

    def text(self, key: str, data: dict, required: bool = False) -> str | None:
        """A text field, stripped; None when it is absent, empty or only spaces (which a required one may not be)."""
        try:
            value = _as_text(data.get(key))
        except ValueError as exc:
            self.problem(key, f"{exc}{self.as_text_hint(key, data.get(key))}")
            return None
        if value is None:
            if required and key in data and (written := self.commented_out(key)):
                self.problem(
                    key,
                    f"is empty: '#' at the start of the value starts a YAML comment (put the value in quotes, {key}: {quoted(written)})",
                )
            elif required and key in data:
                self.problem(key, f"is empty (write the {key} after `{key}:`)")
            elif required:
                hint = self.misspelt_hint(key, data) or (key == "title" and self.title_hint())
                self.missing(key, hint or f"is missing (add `{key}: ...` to the front matter)")
            return None
        value = " ".join(value.split()) if key == "title" else value
        decoded = _entities_decoded(value) if key in _SHOWN_TEXT[None] or key in ("excerpt", "description") else value
        if required and shows_as_nothing(
            decoded
        ):  # (`title: "&#1;"`: a feed's entry without a title stopped the build on feedgen's ValueError)
            self.problem(key, f"{value!r} shows as nothing: {why_nothing_shows(value)} (write the {key})")
            return None
        if key == "title":
            self.warn_markup(key, "", decoded)
        return decoded

    def warn_markup(self, key: str, part: str, text: str) -> None:
        """A warning for HTML in a shown text (the title, the source's name) that is plain text: a CMS export's
        `<b>Срочно</b>: ...` or a page's `<img>` showed as written, tags and all, on pages, in feeds and the tab."""
        markup = _INLINE_HTML.search(text) if "<" in text else None
        if markup is None:
            return
        plain = _INLINE_HTML.sub(lambda tag: " " if tag[0][1:3].lower() == "br" else "", _SCRIPT_OR_STYLE.sub("", text))
        fix = f"{part or key}: {quoted(' '.join(plain.split()))}"
        message = f"{part + ' ' if part else ''}holds HTML ({markup[0]}), which pages show as text, tags and all: write {fix}"
        self.warnings.append(Problem(self.path, self.lines.get(key), key, message))

    def as_text_hint(self, key: str, value: Any) -> str:
        """For a text field that YAML read as something else (`title: yes` is true, `title: [Video] Launch` a list, as a
        CMS export writes titles): what to write, the value as written in quotes; "" where its line does not show it."""
        line = self.lines.get(key)
        lines = self.front_text.split("\n")
        found = key_value(lines[line - 1]) if line and line <= len(lines) else None
        if found is None or found[0].casefold() != key or not found[1]:
            return ""
        return f" (YAML reads {found[1]} as {_kind(value)}; for the text, put it in quotes: {key}: {quoted(found[1])})"

    def misspelt_hint(self, key: str, data: dict) -> str | None:
        """For a required key that is missing where an unknown key is its misspelling (`titel:`, `Title:`): the
        message naming that line. `warn_typos` warned of it too, but apart: "title: is missing (add `title: ...`)"
        sent the user to write again what the file already has."""
        typos = [k for k in data if isinstance(k, str) and k not in KNOWN_KEYS and k.lower() not in OTHER_TOOLS_KEYS]
        russian = [k for k in typos if RUSSIAN_KEYS.get(k.casefold()) == key]
        if russian:
            where = f" (line {self.lines[russian[0]]})" if russian[0] in self.lines else ""
            return f"is missing; {russian[0]}:{where} is its name in Russian: rename it to {key}:"
        close = [k for k in typos if misspelling_of(k, (key,))]
        if not close:
            return None
        where = f" (line {self.lines[close[0]]})" if close[0] in self.lines else ""
        return f"is missing; {close[0]}:{where} looks like a misspelling of it: rename it to {key}:"

    def title_hint(self) -> str | None:
        """For an article without `title:` whose text opens with a heading (MarkDownload and other clippers put the
        page's title there, `# Russia and China agree | Reuters`): the message naming it, with the line to write."""
        lines = self.body.split("\n")
        at = next((n for n, line in enumerate(lines) if line.strip()), None)
        heading = _FIRST_HEADING.fullmatch(lines[at].strip()) if at is not None else None
        if heading is None:
            return None
        number = (self.end_line or 0) + 1 + at
        return f"is missing; the text's first heading (line {number}) looks like it: move it up as title: {quoted(heading[1])}"

    def flag(self, key: str, data: dict) -> bool:
        value = data.get(key, False)
        if _is_empty(value):
            self.problem(key, "is empty (use true or false)")
            return False
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            self.problem(key, f"{value!r} is text in quotes, not true or false (write true or false without quotes)")
            return False
        if not isinstance(value, bool):
            self.problem(key, f"{value!r} is not true or false (write {key}: true or {key}: false)")
            return False
        return value

    def warn_day_moved(self, written: Any, published: str, prefix: re.Match) -> None:
        """A warning when a UTC date (`Z`), shown in the site's time zone, falls on another day than the one the file
        name and the date as written both give (`2021-12-31-x.md`, `date: 2021-12-31T22:30:00Z` is 1 January in
        Moscow): the article's URL has the new day, where a site built before (or Hugo's) had the old one."""
        try:
            as_written = written if isinstance(written, datetime) else datetime.fromisoformat(str(written).strip())
        except ValueError:
            return
        named, shown = "-".join(prefix.groups()[:3]), published[:10]
        if as_written.tzinfo is None or as_written.date().isoformat() != named or shown == named:
            return
        message = (
            f"{written} is {shown} in the site's time zone ({self.settings.timezone}), where the site shows it, and its URL "
            f"has that day; the file name says {named} (if the old URL had that day, name it in aliases:)"
        )
        self.warnings.append(Problem(self.path, self.lines.get("date"), "date", message))

    def warn_date_disagrees(self, data: dict, published: str, prefix: re.Match | None) -> None:
        """A warning where the date disagrees with what the file's path says of it: the day of its name's Jekyll-style
        prefix (`2019-03-05-x.md`), or the year of its folder (`2019/`), as the date was moved and the file was not (or
        the other way): one of them is wrong, and the URL and the archives follow the date. Only where the path
        clearly names a date (a prefix, a folder named as a year), so that archives filed otherwise hear nothing."""
        written, shown = self.written_day(data, published), date.fromisoformat(published[:10])  # (a UTC time: either day)
        named = date(*map(int, prefix.groups()[:3])) if prefix and _day_exists(prefix) else None
        dated = "date" in data or self.publication(data) is not None  # (else the date is the name's)
        wrong = against_path((written, shown), named if dated else None, folder_year(self.path))
        if wrong is None:
            return
        folder = f"{self.settings.content_dir}/{_with_year(self.path, written.year)}/" if wrong.year is not None else ""
        if wrong.named is not None:
            new_name = f"{written.isoformat()}-{prefix.group(4)}{posixpath.splitext(self.path)[1]}"
            fix = f"move the file to {folder}{new_name}" if wrong.year is not None else f"rename the file {new_name}"
            fix = f"fix the date, or {fix}"
        elif dated:
            fix = f"fix the date, or move the file to {folder}"
        else:
            fix = f"move the file to {folder}, or fix the date in its name"
        self.warnings.append(
            Problem(self.path, self.lines.get("date"), "date", f"{written.isoformat()} disagrees with its file: {wrong.told} ({fix})")
        )

    def written_day(self, data: dict, published: str) -> date:
        """The day of the article's date as written (a UTC time shown on the next day in Moscow is still the day its
        writer gave: `warn_day_moved` tells of that)."""
        value = data.get("date")
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return datetime.fromisoformat(str(value).strip()).date()
        except ValueError:
            return date.fromisoformat(published[:10])

    def summary(self, data: dict) -> str | None:
        """The file's own summary: `summary:`, else Jekyll's `excerpt:`, else a web clipper's `description:` (the
        clipped page's)."""
        return self.text(next((key for key in ("summary", "excerpt", "description") if key in data), "summary"), data)

    def held_back(self, data: dict, page: bool = False) -> dict:
        """Whether the file is left out as a draft is, and from when and until when it is published (`draft`,
        `publish`, `expires` of the record). Left out: `draft: true`; Jekyll's `published: false` and Obsidian Publish's
        `publish: false` (`_hidden_by_publisher`: a moved archive must not publish what Jekyll hid; a date there is Hugo's); a `status:` that holds it back (for a `page`, not
        Pelican's `hidden`: published, and listed nowhere, as a page without `menu:` is); a `password:`; Hugo's keys
        (`hugo.held`), each told on its line (a draft's are not told: it is left out already). The two dates are
        judged by each build (`load.published`): what a file reads as is cached beyond today."""
        status = self.status(data) and not (page and _hidden(data))
        held = self.flag("draft", data) or _hidden_by_publisher(data) or status
        hugos = hugo.held(data, lambda value: parse_date(value, self.settings.timezone))
        if not held:
            self.warnings += [Problem(self.path, self.lines.get(key), key, message) for key, message in hugos.told]
        return {
            "draft": self.password(data, held or hugos.left_out),
            "publish": hugos.publish.isoformat() if hugos.publish else None,
            "expires": hugos.expires.isoformat() if hugos.expires else None,
        }

    def status(self, data: dict) -> bool:
        """Whether Pelican's or WordPress's `status:` leaves the article out: a moved archive must not publish what its
        author kept back (`draft`; Pelican's `hidden`, published but listed nowhere, is left out too, ssg having no
        unlisted articles). A status not known is an error: publishing it could be what its author did not want."""
        value = data.get("status")
        if value is None:
            return False
        word = value.strip().lower() if isinstance(value, str) else None
        if word in _PUBLISHED_STATUSES:
            return False
        if word in _HELD_STATUSES:
            return True
        self.problem("status", f"{value!r} is not a status ssg knows (write status: draft to leave the article out, or status: published)")
        return True

    def password(self, data: dict, held: bool) -> bool:
        """Whether the file is left out, `held` back already or protected by WordPress's `password:` (jekyll-import
        writes it): ssg cannot protect a page on a static host, and publishing it would give everyone what its author
        gave only the password's holders. A warning on its line says so, for one that would be published."""
        value = data.get("password")
        if _is_empty(value) or value is False or held:
            return held
        message = (
            "it was protected by a password in WordPress, and a static host cannot protect a page: "
            "it is left out, as a draft is (remove password: to publish it to everyone)"
        )
        self.warnings.append(Problem(self.path, self.lines.get("password"), "password", message))
        return True

    def date(self, key: str, data: dict, prefix: re.Match | None) -> str | None:
        value, named = data.get(key), key
        if key == "date" and key not in data and (published := self.publication(data)) is not None:
            named, value = published  # (a clipping's `published:`: a message on its value names that key and line)
            self.lines.setdefault("date", self.lines.get(named))  # (a later message on the date names its line)
        if key == "date":
            self.utc_date = _in_utc(value)
        if key == "updated" and key not in data and (modified := self.date_like(data, MODIFICATION_KEYS)) is not None:
            value = modified[1]  # (Hugo's `lastmod:`)
            self.lines.setdefault("updated", self.lines.get(modified[0]))
        if _is_empty(value):  # `updated:` left empty is no update; `date:` takes the file name's
            if prefix is None:
                if key == "date":
                    fix = (
                        _day_named_hint(article_name(self.path)[0])
                        or f"{DATE_HINT}, or start the file name with the date: 2021-05-24-name.md"
                    )
                    if key in data:
                        self.problem(key, f"is empty ({fix})")
                    else:
                        # (the way to a page only for a file that has none of an article's keys: an About page)
                        page = (
                            ""
                            if any(k in data for k in ARTICLE_ONLY_KEYS)
                            else f"; {PAGE_HINT.format(content_dir=self.settings.content_dir)}"
                        )
                        self.missing(key, self.misspelt_hint(key, data) or self.rename_hint(data) or f"is missing ({fix}{page})")
                return None
            value = "-".join(prefix.groups()[:3])
        parsed = parse_date(value, self.settings.timezone)
        if parsed is None and isinstance(value, str) and _NEVER_PUBLISHED.match(value):
            fix = (
                "write the date it should have (it stays left out while it is a draft), or delete the file"
                if _held(data)
                else f"set draft: true to leave it out, or write its real date ({DATE_HINT})"
            )
            self.problem(named, f"{value.strip()!r} is WordPress's placeholder for a draft never published, not a date: {fix}")
            return None
        if parsed is None and outside_calendar(value, self.settings.timezone):
            message = f"is outside the years 1 to 9999 in the site's time zone ({self.settings.timezone}): write the article's real date ({DATE_HINT})"
            self.problem(named, f"{str(value).strip()!r} {message}")
            return None
        if parsed is None:
            now = self.settings.now or datetime.now(UTC)
            fix = relative_fix(value, f"{named}: ", now, self.settings.timezone) or date_fix(value, named, self.settings.timezone)
            self.problem(named, f"{str(value)!r} {fix}")
            return None
        if isinstance(parsed, Day):
            self.days.add(key)
        elif (doubt := local_time_doubt(value, self.settings.timezone)) is not None:
            self.warnings.append(Problem(self.path, self.lines.get(key), named, doubt))
        return parsed.isoformat()

    def publication(self, data: dict) -> tuple[str, Any] | None:
        """The key and value of an article's publication date under another name (`PUBLICATION_KEYS`): the first that
        holds a date, else the first that holds anything (a date in another format: its error is on its line; the
        clipping's `created:` was offered instead, and taken, would have dated the news by the day it was clipped)."""
        present = [(k, v) for k, v in date_like(data, PUBLICATION_KEYS) if not _is_empty(v) and not isinstance(v, bool)]
        return self.date_like(data, PUBLICATION_KEYS) or (present[0] if present else None)

    def date_like(self, data: dict, keys: tuple[str, ...] = DATE_LIKE_KEYS) -> tuple[str, Any] | None:
        """The key and value that hold an article's date under another name (a web clipper's `published: 2025-03-14`),
        of `keys`, the first of them in that order; None where no such key holds a date."""
        return next(((k, v) for k, v in date_like(data, keys) if parse_date(v, self.settings.timezone) is not None), None)

    def rename_hint(self, data: dict) -> str | None:
        """For an article without a date, the message naming the key that holds it under another name (a clipper's
        `created:`): told only that a date is missing, the user would write again what the file already has."""
        found = self.date_like(data)
        if found is None:
            return self.rewrite_hint(data)
        key, value = found
        written = value.isoformat() if isinstance(value, (date, time)) else str(value).strip()  # (TOML's dates are values)
        where = f" (line {self.lines[key]})" if key in self.lines else ""
        return f"is missing; {key}: {written}{where} looks like it: rename it to date:"

    def rewrite_hint(self, data: dict) -> str | None:
        """For an article without a date whose date-like key holds one in another form (MarkDownload's `created:
        2025-01-17T09:15:02 (UTC +03:00)`): the message naming it, with the date as ssg reads one."""
        for key, value in date_like(data):
            written = _CLIPPER_DATE.match(str(value).strip()) if isinstance(value, str) else None
            if written:
                iso = written[1].replace(" ", "T") + (written[2] or "")
                where = f" (line {self.lines[key]})" if key in self.lines else ""
                return f"is missing; {key}: {str(value).strip()}{where} looks like it: write date: {iso}"
        return None

    def lang(self, data: dict) -> str:
        value = data.get("lang", self.file_lang or self.settings.lang)
        try:
            return check_lang(value, self.settings.languages, self.settings.lang)
        except ValueError as exc:
            named = "lang" not in data and self.file_lang
            self.problem("lang", f"the file name's language {exc}" if named else str(exc))
            return self.settings.lang

    def tags(self, data: dict, jekyll: bool = False) -> list[str]:
        """The names of `tags:`: a list, or a string of names parted by commas; in a Jekyll post (`jekyll`: named
        `2019-03-05-name.md`), a string without a comma is names parted by spaces, as Jekyll reads it."""
        value = data.get("tags", [])
        if isinstance(value, str):
            value = value.split() if jekyll and "," not in value else value.split(",")
        if value is None:
            value = []
        if not isinstance(value, list):
            self.problem("tags", f"must be a list of names ([Roscosmos, China]) or a comma-separated string, not {_kind(value)}")
            return []
        tags, seen = [], set()
        if None in value:  # an empty item (`- ` with nothing after it), skipped as an empty name is; or `- #космос`
            self.warn_commented_items()
        for item in value:
            if item is None:
                continue
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str):
                self.problem("tags", f"{item!r} is {_kind(item)}, not a name (quote it, or write tags: [Roscosmos, China])")
                continue
            name = name_as_shown(item)  # (WordPress exports its terms escaped: `Наука &amp; техника`)
            if name[:1] == "#" and name[1:2].strip():  # Obsidian's and Twitter's way (`#космос`): the tag is the name
                name = name[1:]
            if name and not any(c.isalnum() for c in name):  # (`«»`, `—`: quotes pasted without their name)
                message = f"tag {name!r} has no letter or digit, so it names nothing and is left out (write the name it stood for)"
                self.warnings.append(Problem(self.path, self.lines.get("tags"), "tags", message))
            elif name and name.casefold() not in seen:
                seen.add(name.casefold())
                tags.append(name)
        for name in tags:
            self.name_too_long("tags", "tag", name, self.settings.tag_names)
        self.warn_semicolons(tags)
        return tags

    def warn_semicolons(self, tags: list[str]) -> None:
        """A warning for a tag with `;` in its name (`tags: Роскосмос; МКС`, as CMS exports and Russian lists part
        names): it was one tag, "Роскосмос; МКС", with a page of its own, and neither name's page listed the article."""
        parted = [[part.strip() for part in name.split(";") if part.strip()] for name in tags]
        joined = [name for name, parts in zip(tags, parted, strict=True) if len(parts) > 1]
        if joined:
            fix = ", ".join(_flow_text(part) for parts in parted for part in parts)
            names = " and ".join(repr(name) for name in joined)
            what = (
                f"tag {names} has ';' in its name, so it is one tag"
                if len(joined) == 1
                else f"tags {names} have ';' in their names, so each is one tag"
            )
            message = f"{what}: if the names are more, write tags: [{fix}] (names are parted by commas)"
            self.warnings.append(Problem(self.path, self.lines.get("tags"), "tags", message))

    def name_too_long(self, key: str, what: str, name: str, groups: tuple[tuple[str, ...], ...]) -> None:
        """A problem on `key`'s line when the tag or outlet `name` gives its page a slug too long for a folder name
        (a paragraph pasted as a tag): the build failed writing tags/<slug>/, saying to build elsewhere. A name of
        `groups` (site.yaml's `tag_names:`, `source_names:`) is left to them (`config`, where their entries are read)."""
        if (message := slug_too_long(what, name)) and not any(name in group for group in groups):
            self.problem(key, message)

    def source(self, data: dict) -> dict | None:
        """A name alone, a link alone, or {name, url}; given a url alone, the source is named after its host (`source_host`)."""
        value = data.get("source")
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            if _as_text(value) is None:
                self.problem("source", "is empty (write a name, e.g. source: Interfax, or {name: Interfax, url: https://...})")
                return None
            # A link alone (`source: https://...`, as web clippers write it) is the source's url, not its name.
            # (One whose host urlsplit refuses, `https://[site]/x`, too: its url's check says what is wrong with it.)
            written = str(value).strip()
            alone = (_is_web_url(written) or written.lower().startswith(("http://", "https://"))) and not any(map(str.isspace, written))
            value = {"url": value.strip()} if alone else self.named_link(str(value))
        if not isinstance(value, dict):
            self.problem("source", f"must be a name or {{name: Interfax, url: https://...}}, not {_kind(value)}")
            return None
        unknown = set(value) - {"name", "url"}
        if unknown:
            self.problem("source", f"unknown key {sorted(map(str, unknown))[0]!r} (use name, url)")
        url = value.get("url")
        if url is not None:
            try:
                url = web_address(check_source_url(url).strip())  # (as pages and feeds carry it; the file keeps it as written)
            except ValueError as exc:
                self.problem("source", f"url {exc}")
                return None
            if on_this_computer(urlsplit(url.strip()).hostname):  # (as a link of the text: `warn_loopback`)
                message = (
                    f"url {url.strip()} is an address on this computer (the preview's?), which readers cannot reach: give the outlet's own"
                )
                self.warnings.append(Problem(self.path, self.lines.get("source"), "source", message))
        try:
            name = _as_text(value.get("name"))
        except ValueError as exc:
            self.problem("source", f"name {exc}")
            return None
        if name is None and url is None:
            given = "name is empty" if "name" in value else "has no name"
            self.problem(
                "source", f"{given} and no url (e.g. {{name: Interfax, url: https://...}}; or only the url, which names it after its host)"
            )
            return None
        shown = name_as_shown(name) if name else name
        self.warn_markup("source", "name", shown or "")
        if url is None and shows_as_nothing(shown):  # (`source: "&#1;"`: named after the host of no url, a TypeError traceback)
            self.problem("source", f"name {name!r} shows as nothing: {why_nothing_shows(name or '')} (write the outlet's name)")
            return None
        self.name_too_long("source", "name", shown or "", self.settings.source_names)
        return {"name": source_host(url) if shows_as_nothing(shown) else shown, "url": url}

    def named_link(self, text: str) -> dict:
        """`source:` written as one line: the name and the link after it (`ТАСС, https://tass.ru/x`, `ТАСС
        https://...`, `ТАСС (https://...)`), as people write a source, are its name and url; a line with a link
        elsewhere is the name as written, with a warning giving the mapping to write (the page showed the link as
        part of the outlet's name, and linked nothing)."""
        if match := _NAME_THEN_LINK.fullmatch(text.strip()) or _LINK_THEN_NAME.fullmatch(text.strip()):
            return {"name": match["name"], "url": match["url"]}
        link = _LINK_IN_TEXT.search(text) or _BARE_LINK.search(text)
        if link:
            url = link[0].rstrip(".,;:")
            rest = " ".join((text[: link.start()] + " " + text[link.start() + len(url) :]).replace("()", " ").split())
            name = re.sub(r"\s*([,;])(?:\s*[,;])+", r"\1", rest).strip(" ,;:-—–")
            bare = not url.lower().startswith(("http://", "https://"))  # (an address bar's copy: https:// cut off)
            link_as_written = _flow_text("https://" * bare + url)  # (alone, it names the outlet after its host)
            fix = f"{{name: {_flow_text(name)}, url: {link_as_written}}}" if name else link_as_written
            what = "a link without https://" if bare else "a link"
            message = f"{text.strip()!r} holds {what}, taken as {'part of ' * bool(name)}the name (write source: {fix})"
            self.warnings.append(Problem(self.path, self.lines.get("source"), "source", message))
        return {"name": text}

    def image(self, data: dict) -> dict | None:
        key, value = self.lead_image(data)
        if value is None:
            return None
        if isinstance(value, str):
            value = {"src": value}
        example = "{src: images/x.jpg, credit: ..., alt: ..., caption: ...}"
        if not isinstance(value, dict):
            self.problem(key, f"must be a path or {example}, not {_kind(value)}")
            return None
        if "src" not in value and "path" in value:  # (jekyll-seo-tag's `image: {path: ..., width: ..., height: ...}`)
            value = {("src" if name == "path" else name): v for name, v in value.items() if name not in ("width", "height")}
        if "src" not in value:
            self.problem(key, f"has no src (the image's path under content/ or its URL: {example})")
            return None
        if _is_empty(value["src"]):
            self.problem(key, f"src is empty (the image's path under content/ or its URL: {example})")
            return None
        if not isinstance(value["src"], str):
            self.problem(key, f"src must be a path or URL, not {_kind(value['src'])}")
            return None
        unknown = set(value) - {"src", "credit", "alt", "caption"}
        if unknown:
            self.problem(key, f"unknown key {sorted(map(str, unknown))[0]!r} (use src, credit, alt, caption)")
        src = _with_scheme(value["src"].strip())
        try:
            scheme = urlsplit(src).scheme
        except ValueError as exc:  # a host in brackets that is no IP address (`https://[cdn]/x.jpg`): the build stopped on a traceback
            self.problem(key, f"src {src!r} is not a URL: {exc} (write the image's address as its site gives it)")
            return None
        if scheme:
            if not _is_web_url(src):
                self.problem(key, f"src {src!r} is not an http(s) URL or a path under content/")
            src = web_address(src)
        else:
            src = self.local_path(src, key)
        texts = {}
        for name in ("credit", "alt", "caption"):
            try:
                texts[name] = _entities_decoded(_as_text(value.get(name)))
            except ValueError as exc:
                self.problem(key, f"{name} {exc}")
        self.warn_credit_label(key, texts.get("credit"))
        return {"src": src, "credit": None, "alt": None, "caption": None} | texts

    def warn_credit_label(self, key: str, credit: str | None) -> None:
        """A warning for `credit: "Фото: Роскосмос"`, copied from the clipping with its label: the theme puts a label
        of its own before a credit, and the page showed "Источник изображения: Фото: Роскосмос"."""
        label = _CREDIT_LABEL.fullmatch(credit.strip()) if credit else None
        if label is not None:
            message = f"credit {credit.strip()!r} starts with a label, and pages put their own before it (Image source: ...): write credit: {_flow_text(label['name'])}"
            self.warnings.append(Problem(self.path, self.lines.get(key), key, message))

    def lead_image(self, data: dict) -> tuple[str, Any]:
        """The key that gives the lead image and its value: `image:`, else the first of `COVER_KEYS` that holds a path
        (other values, a theme's `thumbnail: true`, are its own). PaperMod's `cover: {image, alt, caption}` is read as
        `image:`'s mapping (with `relative: true`, beside the bundle's index.md); lezoo's `coverImage:` names a file of the `images/` folder it saves beside the article
        (`coverImage: "cover.png"` is `./images/cover.png`). A path is read as `image:` reads one."""
        if "image" in data:
            return "image", data["image"]
        for key in COVER_KEYS:
            value = data.get(key)
            if isinstance(value, dict) and key == "cover":
                src = value.get("image")
                if value.get("relative") is True and isinstance(src, str) and not src.startswith(("/", ".")) and not _names_scheme(src):
                    src = f"./{src}"  # (PaperMod's `relative: true`: the file beside the page bundle's index.md)
                value = {"src": src} | {k: v for k, v in value.items() if k in ("alt", "caption")}
                value = None if _is_empty(value["src"]) else value
            elif not isinstance(value, str) or not value.strip():
                continue
            elif key == "coverImage" and "/" not in value and not urlsplit(value.strip()).scheme:
                value = f"./images/{value.strip()}"
            if value is not None:
                self.lines.setdefault("image", self.lines.get(key))  # (a missing file is told on its line)
                return key, value
        return "image", None

    def local_path(self, src: str, key: str = "image") -> str:
        base = posixpath.dirname(self.path) if src.startswith(("./", "../")) else ""
        target = posixpath.normpath(posixpath.join(base, src.lstrip("/")))
        if target.startswith(".."):
            self.problem(key, f"src {src!r} points outside content/ (put the image under content/)")
        return target

    def translation_of(self, data: dict) -> str | None:
        value = self.text("translation_of", data)
        if value is None:
            return None
        base = posixpath.dirname(self.path) if value.startswith(("./", "../")) else ""
        target = posixpath.normpath(posixpath.join(base, value.lstrip("/")))
        if not target.endswith(ARTICLE_SUFFIXES) or target.startswith(".."):
            self.problem("translation_of", f"{value!r} is not an article file under content/ (e.g. 2021/roscosmos-china.md)")
            return None
        if target == self.path:
            self.problem(
                "translation_of", f"{value!r} is this article itself (name the original it translates, e.g. 2021/roscosmos-china.md)"
            )
            return None
        return target

    def old_urls(self, data: dict, held: bool = False) -> list[list]:
        """The article's old URLs (`OLD_URL_KEYS`: a list or one each), as `Alias` fields, in the order written. In a
        draft (`held`), an old URL with a query is a warning, not an error: wordpress-to-hugo-exporter writes
        `url: /?p=1242` in every draft never published, which had no other URL."""
        found = []
        for key in OLD_URL_KEYS:
            value = data.get(key)
            for item in value if isinstance(value, list) else [value]:
                if _is_empty(item):
                    continue
                if not isinstance(item, str):
                    self.problem(key, f"{item!r} is {_kind(item)}, not a URL (write the old URL's path: {key}: [/2021/05/old-slug/])")
                    continue
                if key == "aliases" and _a_name(item):
                    continue  # Obsidian's other name for the note (kept in `extra`), not an old URL
                try:
                    host, path = old_url(item)
                except ValueError as exc:
                    if held and "?" in item:  # (the query `old_url` refuses; urlsplit may refuse the item itself)
                        message = f"{exc} (a warning only while the article is a draft)"
                        self.warnings.append(Problem(self.path, self.lines.get(key), key, message))
                    else:
                        self.problem(key, str(exc))
                    continue
                found.append([key, path, host, key == "aliases" and host is None and not item.strip().startswith("/"), item.strip()])
        return found

    def pelican_slug(self, data: dict, title: str) -> str | None:
        """The slug Pelican gave an article whose header has no `Slug:`: its title's (`pelican.title_slug`, Pelican's
        default `SLUGIFY_SOURCE`), where it makes one ssg can write; None for the file name's, as other articles'."""
        if not self.pelican or "slug" in data or not self.settings.pelican_title_slugs:
            return None
        slug = title_slug(title)
        return slug if 0 < len(slug) <= MAX_SLUG and slug.strip("-_") else None

    def slug(self, data: dict, default: str) -> str:
        value = data.get("slug")
        if value is not None and not isinstance(value, (str, int)):
            self.problem("slug", f"must be text, not {_kind(value)}")
            value = None
        slug = slug_of(str(value if value is not None else default))
        if not slug and value is not None and not str(value).strip():
            self.problem("slug", "is empty (write some words, e.g. slug: roscosmos-china, or leave it out to take the file name)")
        elif not slug and value is not None:
            self.problem("slug", f"{value!r} gives an empty slug (set {_slug_from(data.get('title'))})")
        elif not slug:  # (on the closing `---` line, where `slug:` would go, as a missing key's)
            self.missing("slug", f"the file name {default!r} gives an empty slug (add {_slug_from(data.get('title'))}, or rename the file)")
        elif len(slug) > MAX_SLUG and value is not None:
            self.problem("slug", f"{_too_long(slug)} (set a `slug:` of at most {MAX_SLUG} characters: slug: {_shortened(slug)})")
        elif len(slug) > MAX_SLUG:
            message = f"the file name's slug {_too_long(slug)} (add slug: {_shortened(slug)}, or rename the file)"
            self.missing("slug", message)
        return slug or "article"


# Keys of the front matter (None: at its top) and of its `image:` and `source:` whose text pages show.
_SHOWN_TEXT = {None: ("title", "summary", "rights"), "image": ("credit", "caption", "alt"), "source": ("name",)}
# A value that starts with `#` and a word (`#космос`, `#1`), which YAML reads as a comment; `# note` is meant as one.
_HASHTAG = re.compile(r"#[^\s#]")
# An HTML entity, with its `;`: WordPress writes them in titles (`Газ &amp; свет&nbsp;&#8212; тарифы`), and each page,
# feed and `<title>` escaped their `&` again (`&amp;amp;`). `AT&T` and `R&D;` are no entities and stay as written.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entities_decoded(text: str | None) -> str | None:
    """`text` (of the front matter, which pages show) with its HTML entities as the characters they stand for; a name
    that is none (`&sectionx;`) stays as written (`html.unescape` would read the `&sect` in it)."""
    if not text or "&" not in text:
        return text
    return _ENTITY.sub(lambda e: html.unescape(e[0]) if e[0][1] == "#" or e[0][1:] in html.entities.html5 else e[0], text)


# What a name pasted from a news site may hold and shows as nothing (the characters the search index leaves out of
# words): `Роскосмос` with a zero-width space after it was a second tag of that name, at tags/roskosmos-2/.
_INVISIBLE = str.maketrans(dict.fromkeys(search.INVISIBLE))


def name_as_shown(text: str) -> str:
    """A tag's or outlet's name as readers see it, and a title as `ssg new` writes it: entities decoded, runs of
    spaces one, invisible characters gone."""
    return " ".join(_entities_decoded(text).translate(_INVISIBLE).split())


# What a page draws nothing for, beside spaces: format characters (a zero-width space, soft hyphen, byte-order mark, a
# direction mark), marks with no letter to sit on (a combining accent, an emoji's variation selector) and the fillers
# that are letters by their category (Hangul's, the blank braille pattern). A title of them alone was published as a
# blank headline, tab and feed entry, where `source:` of the same was refused.
_UNSEEN_CATEGORIES = frozenset(("Cf", "Mn", "Me"))
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def shows_as_nothing(text: str | None) -> bool:
    """Whether `text` (a title, an outlet's name, entities decoded) is blank as readers see it: the one check for a
    shown text that may not be empty, as `str.strip` told only spaces."""
    return not text or all(c.isspace() or c in _FILLERS or unicodedata.category(c) in _UNSEEN_CATEGORIES for c in text)


def why_nothing_shows(written: str) -> str:
    """For a message: why `written`, which `shows_as_nothing`, does (its entities; else the characters it holds, named,
    as its repr shows `'\\u200b'` and a combining accent alone shows as nothing one can read)."""
    if _ENTITY.search(written):
        return "its entities stand for no visible character"
    unseen = list(dict.fromkeys(c for c in written if not c.isspace()))
    named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in unseen[:3])
    more = f" and {len(unseen) - 3} more" if len(unseen) > 3 else ""
    return f"it holds no character a reader sees ({named}{more})"


_PATTERN_PART = re.compile(r"(^|/):[a-z_]+|\{[a-z_]+\}")  # Jekyll's `/:year/:title/`, a `{slug}` of site.yaml's permalink


def with_other_names(names: list[str], groups: tuple[tuple[str, ...], ...], fold) -> list[str]:
    """`names` and the other names of the `groups` (site.yaml `tag_names:` or `source_names:`, an entry's names each)
    holding one of them, told by `fold` (`tag_fold`, `outlet_key`): indexed for search, so that either name finds it."""
    if not groups:  # (most sites: no names to add, nor any slug to make)
        return list(names)
    index = _names_index(groups, fold)
    found = list(names)
    for group in sorted({index[key] for key in map(fold, names) if key in index}):  # (in site.yaml's order)
        found += [name for name in groups[group] if name not in found]
    return found


@functools.lru_cache(maxsize=8)
def _names_index(groups: tuple[tuple[str, ...], ...], fold) -> dict[str, int]:
    """Each name's key -> its group's place (made once a setting: an outlet's slug is not made per article)."""
    return {fold(name): n for n, group in reversed(list(enumerate(groups))) for name in group}


def tag_fold(name: str) -> str:
    """What tells a tag (`site.tag_key`): its name in any case or spacing."""
    return " ".join(name.split()).casefold()


def outlet_key(name: str) -> str:
    """What tells an outlet: the URL slug of its name (spellings making one slug are one outlet)."""
    return slug_of(name) or "source"


_EXTENSION = re.compile(r"\.[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$")  # `.html`, `.php`, `.mp4`; not `v1.2`


@functools.lru_cache(maxsize=4096)
def misspelling_of(written: str, known: tuple[str, ...]) -> str | None:
    """The key of `known` that `written` misspells, or None: one a typo explains, a letter or two (one in a key of up to
    five letters) added, dropped, changed or two swapped, case aside (`tittle`, `titel`, `Date`, `tag`). difflib's
    likeness took a word of its own for one (`subtitle:` for `title`, which --strict made an error). Cached: an
    archive's own key (`views:`) stands in every article, and each look took 0.4 ms of a cold build's reading; keys
    whose lengths differ by more than two are no typos of each other, and are not compared."""
    folded = written.casefold()
    near = [key for key in known if abs(len(key) - len(folded)) <= 2]
    edits, key = min(((_edits(folded, key.casefold()), key) for key in near), default=(0, None), key=lambda found: found[0])
    return key if key is not None and edits <= (1 if len(key) <= 5 else 2) else None


def _edits(a: str, b: str) -> int:
    """The letters to add, drop, change or swap with the next one to make `a` of `b` (Damerau-Levenshtein's optimal
    string alignment distance)."""
    before, row = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y))
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


# A file name that starts with a day but not as `DATE_PREFIX` reads one: a daily note (`2024-03-14`, Logseq's
# `2024_03_14`), or one named `2024-03-15 Clipping`.
_DAY_NAMED = re.compile(r"(\d{4})([-_.])(\d{2})\2(\d{2})(?:$|[ _.])")


def _day_named_hint(stem: str) -> str | None:
    """What to write where the file's name starts with its day, as a vault's daily notes are named, but not as ssg
    reads one (`2021-05-24-name.md`): "start the file name with the date" was said of `2024-03-14.md`."""
    named = _DAY_NAMED.match(stem)
    if named is None:
        return None
    day = f"{named[1]}-{named[3]}-{named[4]}"
    return f"write date: {day}; a file's name gives its date only written {day}-name.md, the date, a dash and the rest"


def _with_scheme(url: str) -> str:
    """A protocol-relative URL (`//upload.wikimedia.org/...`, as WordPress and Hugo exports write one) as the web
    address it is, with https: it was taken for a path under content/ ("not found"); anything else as it is."""
    return "https:" + url if url[:2] == "//" and "." in url[2:].partition("/")[0] else url


def _hidden_by_publisher(data: dict) -> bool:
    """Whether the publishing tool the file was written for hid it: Jekyll's `published: false`, Obsidian Publish's
    (and Quartz's) `publish: false`. A note kept private in a vault went live here, in the feeds and the search index,
    without a word: its one-letter-shorter key was read as no key of ours."""
    return data.get("published") is False or data.get("publish") is False


def _held(data: dict) -> bool:
    """Whether the front matter keeps the article back (`draft: true`, `published: false`, a `status:` of
    `_HELD_STATUSES`, a `password:`), as its checks will find (`_Reader.held_back`): for messages that differ for a
    draft, asked before those checks run."""
    status = data.get("status")
    password = data.get("password")
    return (
        data.get("draft") is True
        or _hidden_by_publisher(data)
        or isinstance(status, str)
        and status.strip().lower() in _HELD_STATUSES
        or not _is_empty(password)
        and password is not False
    )


def _a_name(alias: str) -> bool:
    """Whether an `aliases:` item is a name, as Obsidian's are (`Artemis 2 crew`, `U.S. sanctions`, `Экипаж`), not a
    path, as Hugo's are (`/2021/05/old-slug/`, `Old-Post`, `old.html`): no `/`, and a space, or a letter of another
    script and no `.`. Its redirect page would have stood at `/2023/04/03/Artemis 2 crew/`."""
    text = alias.strip()
    return "/" not in text and (" " in text or "." not in text and not text.isascii())


def old_url(written: str, files: tuple[str, ...] = (".html", ".htm"), example: str = "2021/05/old-slug/") -> tuple[str | None, str]:
    """An old URL as an article names it -> its host (None for a path) and its path without the leading `/`, decoded,
    as a site path: a folder's (`2021/05/old-slug/`; without an extension too) or a file's of the extensions `files`
    (`old.html`; a tag's old feed, `.xml`, for `redirects.listing_aliases`, whose messages give its `example`).

    A ValueError says what is wrong: a URL of another scheme, a query, a pattern, `..`, a file that is no page."""
    text = written.strip()
    try:
        parts = urlsplit(text)
    except ValueError as exc:  # (a host in brackets that is no IP address: `http://[site]/old/`)
        raise ValueError(f"{text!r} is not a URL: {exc} (write the old URL's path from the site's root: /{example})") from None
    host = None
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https", "") or not parts.hostname:
            raise ValueError(f"{text!r} is not a path from the site's root (/{example}) or an http(s) URL of the site")
        host = parts.hostname
    if parts.query:
        raise ValueError(f"{text!r} has a query (?{parts.query}), which no file of a static site can answer: leave it out")
    if _PATTERN_PART.search(parts.path):
        raise ValueError(
            f"{text!r} is a pattern, not a URL: write the article's old URL (/{example}); "
            "permalink: in site.yaml sets the pattern of every article's URL"
        )
    try:
        path = unquote(parts.path, errors="strict")
    except UnicodeDecodeError:
        raise ValueError(f"{text!r} has %-escapes that are not UTF-8 text") from None
    names = [name for name in path.split("/") if name not in ("", ".")]
    if ".." in names:
        raise ValueError(f"{text!r} has a '..': write the path from the site's root (/{example})")
    if CONTROL_CHARACTERS.search(path) or "\\" in path:
        raise ValueError(f"{text!r} has a character no file name may hold")
    if long := next((name for name in names if len(name.encode()) > _NAME_MAX), None):  # (stopped the build on the output file)
        raise ValueError(
            f"'{text[:40]}...' has a name of {len(long.encode())} bytes ('{long[:20]}...'), longer than a file system lets a "
            f"file or folder be ({_NAME_MAX} bytes), which no old page can have had: write the old URL as it was"
        )
    last = names[-1] if names else ""
    if path.endswith("/") or not names or not _EXTENSION.search(last):
        return host, "".join(f"{name}/" for name in names)
    if last.lower().endswith(files):
        return host, "/".join(names)
    extension = last.rsplit(".", 1)[1]
    raise ValueError(
        f"{text!r} ends in .{extension}, which a static host does not serve as a page: "
        f"only a folder's page (/{example}) or an .html file can redirect"
    )


def _hidden(data: dict) -> bool:
    """Whether `status:` is Pelican's `hidden`."""
    return isinstance(data.get("status"), str) and data["status"].strip().lower() == "hidden"


def _names_main(value: Any) -> bool:
    """Whether a `menu:` value names Hugo's main menu: `main`, `[main, footer]`, `{main: {weight: 2}}`."""
    if isinstance(value, str):
        return value.strip() == "main"
    return isinstance(value, (list, dict)) and any(isinstance(name, str) and name.strip() == "main" for name in value)


def date_like(data: dict, keys: tuple[str, ...] = DATE_LIKE_KEYS) -> list[tuple[str, Any]]:
    """The keys of `data` other tools write a date under, of `keys` (`DATE_LIKE_KEYS`, `PUBLICATION_KEYS`) in their
    order, with their values."""
    found: dict[str, tuple[str, Any]] = {}
    for key, value in data.items():
        name = _folded_key(key) if isinstance(key, str) else None
        if name in keys and name not in found:
            found[name] = (key, value)
    return [found[name] for name in sorted(found, key=keys.index)]


def _before(updated: datetime, published: datetime, day: bool) -> bool:
    """An update earlier than the article; one written as a day alone (2021-05-24, a `Day`) is earlier only on an
    earlier day."""
    return updated.date() < published.date() if day else updated < published


LANG_SUFFIX = re.compile(r"^(.+)\.([a-z]{2,3})$")
# A language code as BCP 47 writes one (en, ru, pt-BR, zh-Hant, es-419): `<html lang>`, hreflang and the sitemap carry it
# as it is, and POSIX's de_DE there is a value no validator or search engine takes.
LANG_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]+)?")


def check_lang(value: Any, codes: Sequence[str] = (), lang: str | None = None) -> str:
    """`value` if it is a language code as `lang:` takes it (en, ru, pt-BR), else a ValueError saying what would be right.

    The one rule for site.yaml, the front matter and `ssg new --lang`, so `ssg new` never writes a file `ssg check`
    rejects, and no code passes here that the pages' dates and feeds (Babel) cannot use, nor one a page's `lang` and
    `hreflang` cannot hold (BCP 47's). `codes`: a bilingual site's languages, where the one meant is likely among them;
    `lang`: the site's language, which a name may mean (`code_meant`)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("is empty (use a language code: en, ru, ...)")
    if not isinstance(value, str) or not is_lang(value.strip()):
        code = isinstance(value, str) and code_meant(value.strip(), codes, lang)
        raise ValueError(f"{value!r} is not a language code ({f'write {code}' if code else 'use en, ru, ...'})")
    return value.strip()


def code_meant(written: str, codes: Sequence[str] = (), lang: str | None = None) -> str | None:
    """The code a person who wrote `written` for a language code meant, or None.

    Where `codes` (a bilingual site's languages) has it written otherwise, that one: in another case (`RU`), with a
    region the site does not list (`ru-RU`, `de_AT` on a site of `de`), by an older code (`rus`) or by its name (`Deutsch`,
    `German`, `немецкий`: in itself, or in one of the site's languages, English or Russian; `lang`'s too, the site's
    language). Else the code as BCP 47
    writes it: a hyphen for POSIX's underscore (`de_DE`: de-DE), the language in small letters and a region in capitals
    (`EN-us`: en-US), a language's two-letter code for its ISO 639-2 one (`ger`, `deu`: de); else the code of a
    language's name in English or Russian (`Russian`, `русский`)."""
    language, *rest = re.split("[-_]", written)
    language = language.lower()
    language = preferred_language(language) or language
    candidate = "-".join([language, *map(_subtag, rest)])
    for meant in (candidate.lower(), language):  # (the site's de-AT for de_AT, before its de)
        if found := next((code for code in codes if code.lower() == meant), None):
            return found
    if is_lang(candidate):
        return candidate
    name = written.casefold()
    return _names_of(tuple(dict.fromkeys((*codes, *filter(None, [lang]))))).get(name) or _codes_by_name().get(name)


def _subtag(part: str) -> str:
    """A subtag after the language's as BCP 47 cases it: a script in title case (Hant), a region in capitals (BR)."""
    return part.title() if len(part) == 4 and part.isalpha() else part.upper() if len(part) == 2 else part


def preferred_language(language: str) -> str | None:
    """The two-letter code of a language written with another (a language subtag in small letters), or None: ISO
    639-2's three letters (ger, deu, rus, fre, cze, chi) or a withdrawn code (iw, in), as Babel's (CLDR's) aliases give it.
    BCP 47 writes a language that has a two-letter code by it alone, and so do browsers and search engines (`hreflang`)."""
    alias = get_global("language_aliases").get(language)
    if not (alias and alias != language and len(alias) == 2 and alias.isalpha()):
        return None
    return None if language in _named_languages() else alias  # (Twi's tw, which CLDR folds into Akan's ak, is a language's)


@functools.cache
def _named_languages() -> frozenset[str]:
    """The codes CLDR names a language by (in English): a code among its aliases that it names is a language's own
    (tw: Twi), not another's older spelling (iw, ger, deu)."""
    return frozenset(Locale.parse("en").languages)


@functools.cache
def _codes_by_name() -> dict[str, str]:
    """Languages' names in English and Russian (`russian`, `русский`), case folded -> their codes, as Babel knows them."""
    return {
        name.casefold(): code
        for reading in ("en", "ru")
        for code, name in Locale.parse(reading).languages.items()
        if LANG_CODE.fullmatch(code) and "-" not in code and not preferred_language(code)
    }


@functools.cache
def _names_of(codes: tuple[str, ...]) -> dict[str, str]:
    """The names of the languages `codes` in themselves and in each other (`Deutsch`, `allemand`), case folded -> their
    codes, as Babel knows them."""
    names = {}
    for code in codes:
        locale = Locale.parse(code.replace("-", "_"))
        for reading in dict.fromkeys((code, *codes)):
            for name in (
                locale.get_display_name(Locale.parse(reading.replace("-", "_"))),
                locale.get_language_name(reading.replace("-", "_")),
            ):
                if name:
                    names.setdefault(name.casefold(), code)
    return names


@functools.cache
def is_lang(code: str) -> bool:
    """A code written as `lang:` takes it that Babel knows: `xx` or `en-XX` would fail every page in that language, and
    `de_DE` or `ger` is no value of `<html lang>` (BCP 47: de-DE, de)."""
    if not LANG_CODE.fullmatch(code) or preferred_language(code.split("-")[0]):
        return False
    return babel_knows(code)


@functools.cache
def babel_knows(code: str) -> bool:
    """Whether Babel has a locale for `code` (written with a hyphen or an underscore)."""
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def slug_too_long(what: str, name: str, shorter: str = "") -> str | None:
    """What is wrong with the tag or outlet `name` (`what`: "tag", "outlet", ...) when the slug it makes is too long for a
    folder name (a paragraph pasted as a tag: the build failed writing tags/<slug>/, saying to build elsewhere); None
    when it is not. `shorter`: what to write a shorter one of (`what`'s own). (A letter romanizes to at most 4.)"""
    if len(name) * 4 > MAX_SLUG and len(slug := slug_of(name)) > MAX_SLUG:
        too_long = f"makes its page's slug {len(slug)} characters long, too long for a folder name"
        return f"{what} '{name[:40]}...' {too_long} (write a shorter {shorter or what})"
    return None


def slug_of(text: str, max_length: int = 0) -> str:
    """The one way a text becomes part of a URL (an article's file name or `slug:`, a tag, `ssg new`'s file name): lower
    case Latin letters, digits and hyphens, Cyrillic romanized (`scripts.romanized`), other letters in Latin by one
    table, text-unidecode's (slugify's `backend`: by default it takes Unidecode's where any other package of the
    environment brought it, `Є` Ie, `ツ` tsu, where text-unidecode spells E, tu: a tag had one URL on a laptop and
    another on CI); `max_length`: cut at a word.
    An apostrophe joins its word, as in Hugo's and WordPress's slugs: NASA's -> nasas, not nasa-s."""
    return slugify(
        romanized(text), max_length=max_length, word_boundary=max_length > 0, replacements=_APOSTROPHES, backend="text-unidecode"
    )


_APOSTROPHES = (("'", ""), ("\u2019", ""))


def check_slug(value: str) -> str:
    """The slug `ssg new --slug` writes for `value`, if it is one the reader takes, else a ValueError saying what would be right."""
    slug = slug_of(value)
    if not slug:
        raise ValueError(f"{value!r} gives an empty slug (use some words, e.g. roscosmos-china)")
    if len(slug) > MAX_SLUG:
        raise ValueError(f"{_too_long(slug)} (use at most {MAX_SLUG} characters)")
    return slug


def _slug_from(title: Any) -> str:
    """The `slug:` line a message suggests for an article whose file name or slug gives none (`🚀🚀🚀.md`, as a title of
    emoji alone names a file): the title's slug where it has one."""
    made = slug_of(title) if isinstance(title, str) else ""
    return f"slug: {_shortened(made) if len(made) > MAX_SLUG else made}" if made else "`slug: some-words`"


def _shortened(slug: str) -> str:
    """`slug` cut to `MAX_SLUG` characters at a hyphen, for a message to suggest."""
    cut = slug[: MAX_SLUG + 1]
    return cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:MAX_SLUG]


def _too_long(slug: str) -> str:
    return f"'{slug[:40]}...' is {len(slug)} characters long, too long for a folder name"


def check_source_url(value: Any) -> str:
    """`value` if it is an absolute http(s) URL as `source: {url: ...}` takes it, else a ValueError saying what would be right.

    The one rule for the front matter and for `ssg new --source-url`."""
    if not _is_web_url(value):
        try:
            urlsplit(value) if isinstance(value, str) else None
        except ValueError as exc:  # (`https://[site]/x`: say why, not only that it is no URL)
            raise ValueError(f"{value!r} is not a URL: {exc} (write the outlet's address, e.g. https://www.interfax.ru/...)") from None
        raise ValueError(f"{value!r} is not an absolute http(s) URL (e.g. https://www.interfax.ru/...)")
    return value


_URL_SAFE = "/:@!$&'()*+,;=%~?[]"  # what a URL's path, query and fragment may hold as it is: escapes stay escapes


def web_address(url: str) -> str:
    """`url` as pages, feeds and JSON-LD may carry it: a space or a letter outside ASCII in its path, query or
    fragment percent-encoded (an old CMS's `.../Фото запуска 480.jpg`), as a browser sends it; its host as written.

    A URL with a space is no URL to a validator, a feed reader or a link preview's crawler (og:image); one that
    needs nothing encoded is returned as it is."""
    if _URL_PLAIN.fullmatch(url):
        return url
    parts = urlsplit(url)
    path, query, fragment = (quote(part, safe=_URL_SAFE) for part in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme, parts.netloc, path, query, fragment))


# What a URL holds as it is (RFC 3986's characters): nothing to encode. (Not `< > " { } | \\ ^ `` `, printable ASCII
# too, which a feed's atom:uri and a validator refuse: a source's `?z=<3>` reached them as written.)
_URL_PLAIN = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def source_host(url: str) -> str:
    """The name of a source given only by its link: the host without `www.` (https://www.interfax.ru/... -> interfax.ru),
    which is how outlets are usually called, rather than the whole link.

    The one rule for `source: {url: ...}` in the front matter and for `ssg new --source-url` without --source-name."""
    parts = urlsplit(url)
    return (parts.hostname or parts.netloc).removeprefix("www.")


def file_stem(source_path: str) -> tuple[str, str | None]:
    """The file name without folder and extension, and the language of a `name.ru.md` file.

    `roscosmos-china.ru.md` is the Russian translation of `roscosmos-china.md` (Hugo's habit):
    same stem, so the same slug and, with the same date, a linked translation.
    """
    stem = posixpath.splitext(posixpath.basename(source_path))[0]
    suffix = LANG_SUFFIX.match(stem)
    # Only a language: `tass.com.md` is the article "tass-com", not one in the language "com".
    # (A language written otherwise, `x.rus.md`, is one too: the reader says to write x.ru.md.)
    return (suffix.group(1), suffix.group(2)) if suffix and babel_knows(suffix.group(2)) else (stem, None)


def article_name(source_path: str) -> tuple[str, str | None]:
    """The name that makes the article's slug and date and pairs its translations, and the language of its file name:
    `file_stem`, but for a Hugo page bundle's `index.md` (or `index.ru.md`), the bundle's folder name.

    A bundle is a folder holding the article and its pictures (`posts/soyuz-launch/index.md`, `cover.jpg`): its name is
    the article's, as in Hugo; every bundle of an archive would otherwise be the article "index". A folder named by a
    number (`2021/05/index.md`) is a year's or a month's, not a bundle: its `index.md` stays the article "index", as
    it was before bundles were read (its URL must not move)."""
    stem, lang = file_stem(source_path)
    folder = posixpath.basename(posixpath.dirname(source_path))
    return (folder, lang) if stem == "index" and folder and not folder.isdigit() else (stem, lang)


def body_line(text: str, tag: str, end_line: int | None) -> int | None:
    """The line of the body of an article's `text` that holds `tag` (of `shortcodes.template_tags`), below the front
    matter's closing line `end_line`: a clipper's front matter may hold the same text (`author: "[[Коммерсантъ]]"`),
    which no page shows."""
    lines = raw_text_marked(text).split("\n")
    below = [(n, line) for n, line in enumerate(lines, 1) if n > (end_line or 0)]
    line = next((n for n, line in below if tag in " ".join(line.split())), None)
    if line is None and tag.startswith("["):  # (WordPress's, as lezoo's converter escapes it: `\[gallery ids="1"\]`)
        line = next((n for n, line in below if tag in " ".join(markdown_unescaped(line).split())), None)
    if line is None and "\n" not in tag:  # (a shortcode over several lines, `{{< notice` and its parameters below: its first)
        starts, joined = [], ""
        for n, written in below:
            starts.append((len(joined), n))
            joined += " ".join(written.split()) + " "
        found = joined.find(tag)
        line = max((n for start, n in starts if start <= found), default=None) if found >= 0 else None
    return line


def folder_year(source_path: str) -> int | None:
    """The year the folders of an article name (`2019/x.md`, `news/2019/03/x.md`: the innermost folder named as a year,
    1900 to 2199), or None: an archive's year folders say when its articles were published, as the convention is."""
    for folder in reversed(posixpath.dirname(source_path).split("/")):
        if _YEAR_FOLDER.fullmatch(folder):
            return int(folder)
    return None


def _with_year(source_path: str, year: int) -> str:
    """The folder of `source_path` with its innermost year folder (`folder_year`) made `year`'s: `news/2019/03` -> `news/2016/03`."""
    parts = posixpath.dirname(source_path).split("/")
    at = max(n for n, part in enumerate(parts) if _YEAR_FOLDER.fullmatch(part))
    return "/".join([*parts[:at], str(year), *parts[at + 1 :]])


def _day_exists(prefix: re.Match) -> bool:
    try:
        date(*map(int, prefix.groups()[:3]))
    except ValueError:
        return False
    return True


_YEAR_FOLDER = re.compile(r"(?:19|20|21)\d\d")


def parse_date(value: Any, timezone: str) -> datetime | None:
    """A date or date-time in ISO 8601; without an offset it is in the site's time zone. A day alone is a `Day`."""
    day = False
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed, day = datetime.combine(value, time()), True
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        day = _DAY_ALONE.fullmatch(value.strip()) is not None
    else:
        return None
    if parsed.tzinfo is None:
        # A fixed offset (the one in force then), so the date serializes with its offset.
        local = parsed.replace(tzinfo=zoneinfo.ZoneInfo(timezone))
        parsed = parsed.replace(tzinfo=dt_timezone(local.utcoffset()))
    elif parsed.utcoffset() == timedelta(0):
        # A time in UTC (`Z`, `+00:00`) is what exporters and APIs write (WordPress's converters, Hugo's), not the time
        # an outlet showed: the site shows it in its own time zone, as the old site did (every time was 3 hours off on
        # a Moscow site, and a post of 01:30 had the day before in its URL). Another offset is the outlet's own time,
        # shown as written.
        try:
            local = parsed.astimezone(zoneinfo.ZoneInfo(timezone))
        except OverflowError:  # (9999-12-31T23:59:59Z is in the year 10000 in Moscow: the reader says so, `outside_calendar`)
            return None
        parsed = local.replace(tzinfo=dt_timezone(local.utcoffset()))
    parsed = _whole_minutes(parsed)
    if parsed.microsecond:  # (an export's `10:00:00.123456789Z`: HTML's `datetime` takes at most 3 digits of a second)
        parsed = parsed.replace(microsecond=0)
    return Day.of(parsed) if day else parsed


SUMMARY_CHARS = 320  # the most of a first paragraph that a summary takes (Hugo's 70 words, WordPress's 55)


def shortened(text: str, most: int = SUMMARY_CHARS) -> str:
    """`text` (the first paragraph, the summary where the author wrote none) cut at the last word that ends within
    `most` characters, with an ellipsis: a wire story's first paragraph of 7,500 characters was the page's description,
    og:description and JSON-LD's, its listing entry's and its feed entry's summary, where each is a line or two."""
    if len(text) <= most:
        return text
    parts = text[: most + 1].rsplit(None, 1)  # (at any white space; a text of none is cut where it reaches `most`)
    cut = parts[0] if len(parts) > 1 else text[:most]
    return cut.rstrip(" ,;:—–-") + "…"


def _whole_minutes(moment: datetime) -> datetime:
    """`moment` at its time as written, with its offset to the minute: a zone's offset before standard time had seconds
    (Moscow's +02:30:17 until 1919), which RFC 3339 (Atom's dates, a sitemap's) and HTML's `datetime` have no room for:
    a clipping of 1917 was dated `+03:31:19` in every page, feed and sitemap. At most 30 seconds off its instant."""
    offset = moment.utcoffset()
    if offset is None or not offset.seconds % 60:
        return moment
    return moment.replace(tzinfo=dt_timezone(timedelta(minutes=round(offset.total_seconds() / 60))))


def _in_utc(value: Any) -> bool:
    """Whether a date is written in UTC (`2021-03-07T22:30:00Z`), which `parse_date` gives in the site's zone."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return False
    return isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() == timedelta(0)


def outside_calendar(value: Any, timezone: str) -> bool:
    """Whether `value` is a date-time in UTC that `parse_date` cannot give in the site's time zone: it falls before the
    year 1 or after 9999 there (`9999-12-31T23:59:59Z`, a placeholder for "never"), which the build stopped on, with
    an OverflowError traceback."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return False
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() != timedelta(0):
        return False
    try:
        value.astimezone(zoneinfo.ZoneInfo(timezone))
    except OverflowError:
        return True
    return False


# The date WordPress gives a post never published (0000-00-00 00:00:00), as wordpress-to-hugo-exporter writes it
# (PHP's reading of that date: -001-11-30T00:00:00+00:00) or as it stands in the export.
_NEVER_PUBLISHED = re.compile(r"\s*(?:-0*1-11-30|0000-00-00)(?!\d)")
# ISO 8601 dates without a time: 2023-04-14, 20230414, and a week's day, 2021-W09-6, 2021W096, 2021-W09 (its Monday)
_DAY_ALONE = re.compile(r"\d{4}-?\d{2}-?\d{2}|\d{4}-?W\d{2}(?:-?\d)?")


@functools.lru_cache(maxsize=4096)
def _folded_key(key: str) -> str:
    """`key` lower case without `_`, `-` or spaces, as other tools' spellings of a key are compared (`image_credit`,
    `imageCredit`; Obsidian Linter's `date modified`). Kept: every article's keys are asked three times (its image's
    texts, its dates, what search engines are told), and an archive's keys are the same few."""
    return key.casefold().replace("_", "").replace("-", "").replace(" ", "")


def _flow_text(text: str) -> str:
    """`text` as a hint writes it in a YAML flow mapping (`{name: ТАСС, url: https://tass.ru/x}`): plain where YAML
    reads it so, else quoted (a comma would end the value)."""
    return quoted(text) if re.search(r"[,\[\]{}#]|: |^[\s'\"&*!|>%@`?:-]|\s$", text) else text


def _names_scheme(url: str) -> bool:
    """Whether `url` has a scheme (`https:`): no file's path. So has one whose host urlsplit refuses (a host in brackets
    that is no IP address, `https://[cdn]/x.jpg`, a template's), which the image's reader then names on its line."""
    try:
        return bool(urlsplit(url).scheme)
    except ValueError:
        return True


def _is_web_url(value: Any) -> bool:
    """Whether `value` is an absolute http(s) URL; not one whose host urlsplit refuses (in brackets and no IP address,
    `ftp://[cdn]/`, a template's), which stopped the build on urlsplit's ValueError where `source:` asked this."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _is_empty(value: Any) -> bool:
    """Nothing written: an empty key, text of spaces alone, [] or {}."""
    return value is None or (isinstance(value, str) and not value.strip()) or value == [] or value == {}


def _as_text(value: Any) -> str | None:
    """A text field's value, stripped: None when empty or spaces alone; a number as written; else a ValueError."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {_kind(value)}")
    return value.strip() or None


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", type(None): "empty"}
    return names.get(type(value), f"a {type(value).__name__}")


def _json_safe(value: Any) -> Any:
    """Extra keys as JSON can hold them (the cache stores records as JSON)."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (date, time)):  # TOML's dates are values (YAML's stay text): ISO 8601, as written, not str()'s space
        return value.isoformat()
    return str(value)
