"""site.yaml -> a frozen `Config`.

Each option is declared once, with its type, default and meaning (the same table `ssg init`
writes as a commented site.yaml). Unknown keys, wrong types and bad values are all reported
together, each with the line it is on; nothing silently falls back to a default.
"""

from __future__ import annotations

import difflib
import math
import posixpath
import re
import shlex
import zoneinfo
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

import yaml

from . import __version__
from .charsets import not_utf8
from .content import CONTROL_CHARACTERS, check_lang, code_meant, slug_too_long
from .datepatterns import EXAMPLE, bad_pattern, pattern_problem
from .errors import ConfigError, Problem
from .exclude import Exclusions
from .exclude import checked as _exclude
from .oldurls import checked as _old_urls
from .pelican import PelicanConf, read_conf
from .scripts import alphabet_languages, cyrillic_language
from .search import FIELDS, SUPPORTED_LANGUAGES, SearchConfig
from .site import outlet_key, tag_key
from .yamlload import YamlSyntaxError, key_value, line_below_in, load_yaml_with_lines, toml_line

CONFIG_FILE = "site.yaml"
PERMALINK_FIELDS = ("year", "month", "day", "slug", "lang", "categories")
ARTICLE_FIELDS = ("title", "date", "updated", "lang", "tags", "source", "image", "rights", "summary", "slug", "draft")


@dataclass(frozen=True)
class Option:
    """One site.yaml key: how to check it, its default, and the comment `ssg init` writes."""

    name: str
    default: Any
    doc: str
    check: Callable[[Any], Any]
    example: Any = None  # what `ssg init` shows for an option whose default is none (None): a value to uncomment


class _MisreadError(ValueError):
    """A value YAML read as another kind than the option takes: `title: 42` (a number), `latest: yes` (true),
    `enabled: "no"` (text). Its message is finished where the key is known (`_keyed`, `_check`), and for a top-level
    option the value as site.yaml writes it (YAML reads yes, on and True as true), so that the fix is a line to copy.

    `fix` says what to write, with `{key}` (the key and its colon, where known) and `{value}` (the value as written)."""

    def __init__(self, value: Any, wanted: str, fix: str):
        self.value, self.wanted, self.fix = value, wanted, fix
        super().__init__(self.said())

    def said(self, key: str | None = None, written: str | None = None) -> str:
        word = _yaml_word(self.value)
        value = written if written and isinstance(self.value, bool) else word  # (a text's own quotes are no part of it)
        if isinstance(self.value, bool):
            what = f"{written} is read as {word}" if written and written != word else word
            what += ", not" if written and written != word else " is not"
        else:
            what = f"{value} is a number, not" if isinstance(self.value, (int, float)) else f"{self.value!r} is text, not"
        return f"{what} {self.wanted} ({self.fix.format(key=f'{key}: ' if key else '', value=value)})"


def _yaml_word(value: Any) -> str:
    """A scalar as YAML writes it: true, 42, text."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _str(value: Any) -> str:
    if value is None:
        raise ValueError("is empty (write the text, or leave the key out)")
    if isinstance(value, (bool, int, float)):
        raise _MisreadError(value, "text", 'put it in quotes: {key}"{value}"')
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    if (found := CONTROL_CHARACTERS.search(value)) is not None:  # (a YAML escape, "\uFFFE": feeds failed in a traceback)
        raise ValueError(f"has a control character (U+{ord(found[0]):04X}), which no page or feed can show: delete it")
    return value


def _seconds(value: Any) -> float:
    """A number of seconds: 60, 2.5, or as Hugo's `timeout` writes it, "60s" or "2m"."""
    if isinstance(value, bool):
        raise _MisreadError(value, "a number", "write a number of seconds, e.g. {key}60")
    if isinstance(value, str) and (match := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([sm])\s*", value)):
        value = float(match[1]) * (60 if match[2] == "m" else 1)
    if not isinstance(value, (int, float)) or not value > 0 or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number of seconds (write e.g. timeout: 60)")
    return value


def _positive_int(value: Any) -> int:
    if value is None:
        raise ValueError("is empty (write a whole number of at least 1, or leave the key out)")
    if isinstance(value, bool):
        raise _MisreadError(value, "a number", "write a whole number of at least 1, e.g. {key}10")
    if isinstance(value, str) and value.strip().isdigit() and value.strip().startswith("0") and int(value) > 0:
        return int(value)  # (`entries: 020`: decimal, as `yamlload` reads no other numbers, where YAML 1.1 read it as octal)
    if isinstance(value, str) and value.strip().isdigit():
        raise _MisreadError(value, "a number", "write {key}{value}, without quotes")
    if not isinstance(value, int) or value < 1:
        raise ValueError(f"{value!r} is not a whole number of at least 1")
    return value


@dataclass(frozen=True)
class Paginate:
    """Articles per page of each kind of listing: the home page (each language's too), tag pages, outlet pages, date archives."""

    home: int = 20
    tag: int = 20
    date: int = 20  # a year's, a month's and a day's
    source: int = 20  # an outlet's (sources/<slug>/)

    def of(self, kind: str) -> int:
        """Articles per page of a listing of `kind` (`home`, `tag`, `source`, `year`, `month`, `day`)."""
        if kind in ("year", "month", "day"):
            return self.date
        return self.tag if kind == "tag" else self.source if kind == "source" else self.home


PAGINATE_KINDS = ("home", "tag", "source", "date")


def _paginate(value: Any) -> Paginate:
    """`paginate: 20`, every listing; or `{home: 20, tag: 50, source: 50, date: 100}`, each kind its own (20 where left out)."""
    if not isinstance(value, dict):
        n = _positive_int(value)
        return Paginate(n, n, n, n)
    for key in value:
        if key not in PAGINATE_KINDS:
            fix = closest(
                str(key),
                PAGINATE_KINDS,
                {"date": ("year", "month", "day", "period", "archive"), "source": ("sources", "outlet", "outlets")},
            )
            raise ValueError(f"unknown key {key!r} ({fix}; date is the year, month and day pages)")
    return Paginate(**{str(k): _keyed(str(k), _positive_int, v) for k, v in value.items()})


def _base_url(value: Any) -> str:
    url = _str(value)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not an absolute http(s) URL ({_with_scheme(url)})")
    if any(c.isspace() or not c.isprintable() for c in url):  # (letters of any script are fine: browsers take IRIs)
        written = "".join(quote(c) if c.isspace() or not c.isprintable() else c for c in url)
        raise ValueError(f"{url!r} holds a space or a control character (write it as {written!r})")
    page = parts.path.rsplit("/", 1)[-1]
    if re.search(r"\.(?:s?html?|xhtml|php\d?|aspx?|jsp|cfm)\Z", page, re.IGNORECASE):  # (the home page's address, from the address bar)
        folder = urlunsplit((parts.scheme, parts.netloc, parts.path[: -len(page)], "", ""))
        raise ValueError(f"{url!r} is the address of a page, not of the folder the site is in (write {folder})")
    return ascii_url(parts)


def _with_scheme(url: str) -> str:
    """What to write for a base URL without `https://` (`example.org/archive/`, as an address bar shows it): the
    same with it; for another, the usual forms."""
    written = url.strip()
    host = written.split("/", 1)[0]
    if "://" not in written and re.fullmatch(r"(?:[\w-]+\.)+[^\W\d_]{2,}(?::\d+)?", host):
        return f"write https://{written}{'' if '/' in written else '/'}"
    return "use https://example.org/ or https://user.github.io/archive/"


def ascii_url(parts: SplitResult) -> str:
    """The base URL as sitemaps, feeds' ids and robots.txt need it: the host in ASCII (`пример.рф` is
    `xn--e1afmkfd.xn--p1ai`), the path's other letters percent-encoded, one slash between its parts, and one at its end.
    Browsers show both forms alike; a `.рф` address written as is went raw into the sitemap and feeds."""
    host = parts.hostname or ""
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise ValueError(f"{parts.netloc!r} is not a host name ssg can write in ASCII ({exc})") from None
    # (Its scheme's own port goes, as a browser drops it: `https://example.org:443/` kept it in canonical links and
    # the feed's id, where the entries' tag: ids had none; and `.` and `..` are resolved, as a browser resolves them.)
    netloc = host + (f":{parts.port}" if parts.port and parts.port != {"http": 80, "https": 443}.get(parts.scheme) else "")
    path = posixpath.normpath(re.sub("/{2,}", "/", parts.path)) if parts.path.strip("/") else "/"
    path = quote(path, safe="/%:@!$&'()*+,;=-._~")
    return f"{parts.scheme}://{netloc}{path if path.endswith('/') else path + '/'}"


def _lang(value: Any) -> str:
    # The articles' own rule: a code site.yaml took and the front matter refused failed every article without `lang:`.
    return check_lang(_str(value))


# Names of the zone database that are no place's zone: `localtime` is the machine's own (/etc/localtime), so each
# machine built the site in its zone, where one commit builds the same bytes everywhere; `posixrules` and `Factory`
# are the database's defaults and placeholder.
_NO_PLACE = frozenset({"localtime", "posixrules", "factory"})


def _timezone(value: Any) -> str:
    name = _str(value)
    if name.strip().lower() in _NO_PLACE:
        raise ValueError(f"{name!r} is no place's time zone (the machine's, or the database's own): use a name like Europe/Moscow or UTC")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not a time zone (use a name like Europe/Moscow or UTC)") from None
    return name


# Jekyll's and Hugo's permalink words (`:year`), and Jekyll's named styles, as ssg writes them: a pattern pasted from
# their config was refused as having "no {slug}", which left the user to translate it.
_FOREIGN_PLACEHOLDERS = {
    "year": "year",
    "month": "month",
    "day": "day",
    "title": "slug",
    "slug": "slug",
    "filename": "slug",
    "lang": "lang",
    "categories": "categories",
}
# Jekyll's styles start with its posts' categories (its default, `date`, made /jekyll/update/2015/11/06/welcome.html):
# translated without them, every post with `categories:` got another URL, without a word (a keeper's move from Jekyll).
_JEKYLL_STYLES = {
    "pretty": "{categories}/{year}/{month}/{day}/{slug}/",
    "date": "{categories}/{year}/{month}/{day}/{slug}.html",
    "none": "{categories}/{slug}.html",
}


def _foreign_permalink(pattern: str) -> str | None:
    """The ssg pattern for a Jekyll or Hugo permalink (`/:year/:month/:title/`, `pretty`), or None where it has none.
    A placeholder ssg has no counterpart of (Jekyll's `:y_day`) is a ValueError naming it."""
    if pattern in _JEKYLL_STYLES:
        return _JEKYLL_STYLES[pattern]
    if "{" in pattern:  # (ssg's own, whatever colons it holds: `{year}/news:en/{slug}/`)
        return None
    pattern = pattern.replace(":output_ext", ".html")  # (Jekyll's: the page's suffix, .html for a post)
    words = re.findall(r":(\w+)", pattern)
    if not words:
        return None
    if unknown := [word for word in words if word not in _FOREIGN_PLACEHOLDERS]:
        braces = ", ".join("{" + name + "}" for name in PERMALINK_FIELDS)
        raise ValueError(f"{pattern!r}: :{unknown[0]} has no counterpart in ssg's patterns, whose placeholders are {braces}")
    return re.sub(r":(\w+)", lambda m: "{" + _FOREIGN_PLACEHOLDERS[m[1]] + "}", pattern).strip("/") + (
        "" if pattern.endswith(".html") else "/"
    )


def _permalink(value: Any) -> str:
    foreign = _foreign_permalink(_str(value).strip())
    if foreign is not None:
        if value.strip() in _JEKYLL_STYLES:
            raise ValueError(
                f"{value!r} is Jekyll's name for the pattern ssg writes {foreign} (a post's categories: start its URL, as in Jekyll)"
            )
        raise ValueError(f"{value!r} has Jekyll's and Hugo's :placeholders; ssg writes them in braces: {foreign}")
    pattern = _str(value).strip("/")
    pattern += "" if pattern.endswith(".html") else "/"  # Pelican's `{slug}.html` keeps its URLs; else a folder
    names = set(re.findall(r"{(\w+)}", pattern))
    unknown = names - set(PERMALINK_FIELDS)
    if unknown:
        raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}} (use {', '.join('{' + f + '}' for f in PERMALINK_FIELDS)})")
    if "slug" not in names:
        raise ValueError(f"{value!r} has no {{slug}}, so articles would share one URL (e.g. {{year}}/{{month}}/{{day}}/{{slug}}/)")
    if ".." in pattern.split("/"):
        raise ValueError(f"{value!r} may not contain '..'")
    return pattern


def _separator(value: Any) -> str:
    """Jekyll's site-wide `excerpt_separator:` (`<!--cut-->`): a moved archive's summaries ended there, and without it
    each was its article's first paragraph, the marker an HTML comment no one saw, without a word."""
    text = _str(value)
    if not text.strip():
        raise ValueError("is empty (write the marker that ends a summary, e.g. <!--cut-->, or leave the key out for <!--more-->)")
    return text


def _lang_permalink(value: Any) -> str:
    """A pattern for the articles of the languages other than `lang:` (Pelican put them at `{slug}-{lang}.html`, its
    ARTICLE_LANG_URL, beside the default language's `{slug}.html`): with `{lang}`, which tells them apart."""
    pattern = _permalink(value)
    if "{lang}" not in pattern:
        raise ValueError(f"{value!r} has no {{lang}}, so a translation would share its original's URL (e.g. {{slug}}-{{lang}}.html)")
    return pattern


def _required_fields(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{value!r} is not a list of field names (e.g. [source, rights])")
    unknown = [v for v in value if v not in ARTICLE_FIELDS]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not an article field (use {', '.join(ARTICLE_FIELDS)})")
    return tuple(value)


def _title(value: Any) -> str:
    """The site's title: feeds cannot be written without one, so spaces alone are no title."""
    if not _str(value).strip():
        raise ValueError("is empty (write the site's name, e.g. title: Space news archive)")
    return value


def _keyed(key: str, check: Callable[[Any], Any], value: Any) -> Any:
    """`check(value)` for the value of `key` inside an option; its error names the key (publisher: name: is empty ...)."""
    try:
        return check(value)
    except _MisreadError as exc:
        raise ValueError(f"{key}: {exc.said(key)}") from None
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def _known_keys(data: dict, known: Collection[str]) -> None:
    """Refuse a key of an option's mapping that is not one of `known`, naming the one it most likely meant."""
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} ({closest(unknown[0], known)})")


def closest(name: str, known: Collection[str], aliases: Mapping[str, Collection[str]] | None = None, listed: str = "use") -> str:
    """ "did you mean 'x'?" for the known key a misspelt one (or another tool's word for it: `aliases`, known key -> such
    words) most likely meant, else the list of them after `listed`: the hint of every unknown key of site.yaml and
    theme.yaml."""
    hint = [key for key, words in (aliases or {}).items() if name in words] or difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean {hint[0]!r}?" if hint else f"{listed} {', '.join(known)}"


def _mapping(value: Any) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{value!r} is not a mapping")
    return value


def _publisher(value: Any) -> dict:
    data = _mapping(value)
    _known_keys(data, ("name", "url", "logo"))
    return {k: _keyed(k, _publisher_url if k == "url" else _str, v) for k, v in data.items()}


def _publisher_url(value: Any) -> str:
    """The publisher's web address (the feeds' author link, the JSON-LD's): `javascript:alert(1)` there was written as
    it was, a link that runs a script."""
    text = _str(value).strip()
    parts = urlsplit(text)
    if text and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ValueError(f"{text!r} is not an http(s) URL (e.g. https://newsroom.example/)")
    return text


def _image(value: Any) -> str:
    """A picture of the site: an http(s) URL, or its path in the site (a file of static/), without a leading slash."""
    text = _str(value).strip()
    if not text:
        return ""  # (`image: ''`, as `ssg init` writes it: none)
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{text!r} is not an http(s) URL or a path in the site (e.g. images/share.png, a file of static/)")
        return text
    path = text.lstrip("/")
    if not path or ".." in PurePosixPath(path).parts:
        raise ValueError(f"{value!r} is not a path in the site (e.g. images/share.png, a file of static/) or an http(s) URL")
    return path


@dataclass(frozen=True)
class MenuEntry:
    """A link of site.yaml's `menu:` in the header's menu, among the standalone pages with `menu:`."""

    names: tuple[tuple[str, str], ...]  # (language, name), the first for a language without its own; ("", name): one name
    url: str  # an address on another site (https://..., mailto:...), or a path in this site ("" the home page)
    weight: int | float  # its place among them, lower first, as a page's `menu:` number

    @property
    def external(self) -> bool:
        """An address on another site (`https://`, `mailto:`), written out as it is; not a path of this one that holds a
        colon (`2021/a:b/`)."""
        return urlsplit(self.url).scheme in _SCHEMES or self.url.startswith("//")

    def name_in(self, lang: str, default: str) -> tuple[str, str]:
        """(the name shown on a page in `lang`, its language): `lang`'s, else the site language's (`default`), else the
        first given; a name given for every language is in the site's."""
        names = dict(self.names)
        for code in (lang, default):
            if code in names:
                return names[code], code
        code, name = self.names[0]
        return name, code or default


MENU_KEYS = ("name", "url", "weight")
_SCHEMES = ("http", "https", "mailto", "tel")


def _menu(value: Any) -> tuple[MenuEntry, ...]:
    if not isinstance(value, list):
        raise ValueError(f"{value!r} is not a list of links, e.g. [{{name: Main site, url: 'https://example.org/', weight: 10}}]")
    return tuple(_menu_entry(n, entry) for n, entry in enumerate(value, 1))


def _menu_entry(n: int, entry: Any) -> MenuEntry:
    where = f"entry {n}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: {entry!r} is not a link: write {{name: ..., url: ..., weight: ...}}")
    if isinstance(entry.get("name"), str):
        where += f" ({entry['name']})"
    for key in entry:
        if key not in MENU_KEYS:
            raise ValueError(f"{where}: unknown key {key!r} ({closest(str(key), MENU_KEYS, {'name': ('title', 'label')})})")
    for key in ("name", "url"):
        if entry.get(key) is None:
            raise ValueError(
                f"{where}: {key} is missing (each link has a name and a url, e.g. {{name: Main site, url: 'https://example.org/'}})"
            )
    name = entry["name"]
    if isinstance(name, dict) and name:
        names = tuple(
            (_keyed(f"{where}: name", _lang, str(code)), _keyed(f"{where}: name: {code}", _menu_text, text)) for code, text in name.items()
        )
    else:
        names = (("", _keyed(f"{where}: name", _menu_text, name)),)
    url = _keyed(f"{where}: url", _menu_url, entry["url"])
    weight = entry.get("weight", 0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight):  # (.nan: no order)
        raise ValueError(f"{where}: weight: {weight!r} is not a number (its place in the menu, lower first, as pages' menu:)")
    return MenuEntry(names, url, weight)


def _menu_text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not a name (write the link's text, or {{en: ..., ru: ...}} for one in each language)")
    return value.strip()


def _menu_url(value: Any) -> str:
    """An address on another site, kept as it is, or a path in this site, as pages link it (a leading slash dropped)."""
    url = _str(value).strip()
    scheme = urlsplit(url).scheme if ":" in url else ""
    if scheme:
        if scheme not in _SCHEMES or (scheme in ("http", "https") and not urlsplit(url).netloc):
            raise ValueError(f"{url!r} is not a link: an http(s) or mailto: address, or a path in the site (archive/, tags/roscosmos/)")
        return url
    path = url.lstrip("/")
    if ".." in PurePosixPath(path.split("#")[0].split("?")[0]).parts or url.startswith("//"):
        raise ValueError(f"{url!r} is not a path in the site (archive/, tags/roscosmos/) or an http(s) address")
    return path


def _str_list(value: Any) -> tuple[str, ...]:
    if value is None:
        raise ValueError("is empty (write a list, e.g. [a, b], or leave the key out)")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{value!r} is not a list of strings")
    return tuple(value)


def _search(value: Any) -> SearchConfig:
    _not_a_switch(value)  # ("False is not a mapping" was said of `search: false`)
    data = _mapping(value)
    _known_keys(data, ("enabled", "fields", "languages", "path"))
    config = SearchConfig()
    if "enabled" in data:
        config = replace(config, enabled=_keyed("enabled", _bool, data["enabled"]))
    if "fields" in data:
        fields = _keyed("fields", _str_list, data["fields"])
        bad = [f for f in fields if f not in FIELDS]
        if bad:  # (named: "fields must list some of ..." left the user to find which one of theirs was not)
            raise ValueError(f"fields: {bad[0]!r} is not a field the index has ({closest(bad[0], FIELDS, listed='use some of')})")
        if not fields:
            raise ValueError(f"fields must list some of {', '.join(FIELDS)}")
        config = replace(config, fields=fields)
    if "path" in data:
        config = replace(config, path=_keyed("path", _site_dir, data["path"]))
    if "languages" in data:
        config = replace(config, languages=_keyed("languages", _search_languages, data["languages"]))
    return config


def _search_languages(value: Any) -> tuple[str, ...]:
    """The languages whose stemmers and stop words the index uses: those ssg has (the browser's lunr-languages must
    stem a query as the index was). Checked here, on site.yaml's line: the index refused them with a traceback."""
    codes = tuple(_lang(code) for code in _str_list(value))
    unsupported = [code for code in codes if code not in SUPPORTED_LANGUAGES]
    if unsupported:
        raise ValueError(f"{unsupported[0]!r} is not supported (use {', '.join(SUPPORTED_LANGUAGES)})")
    return codes


def _site_dir(value: Any) -> str:
    path = _str(value).strip("/")
    if not path or ".." in path.split("/"):
        raise ValueError(f"{value!r} is not a folder path inside the site (e.g. search/)")
    return path + "/"


@dataclass(frozen=True)
class Sources:
    """`sources:`, the pages per outlet: sources/ lists the outlets articles name in `source:`, sources/<slug>/ (and its
    feed) each one's articles. On unless switched off: readers of a clippings archive look for them as for tag pages."""

    enabled: bool = True


def _not_a_switch(value: Any) -> None:
    """Refuse `search: false` or `sources: no`, a switch written as elsewhere, with the line to write: these options are
    mappings, which leave room for more than `enabled`."""
    if isinstance(value, bool):
        raise _MisreadError(value, "a mapping", "write {key}{{enabled: " + _yaml_word(value) + "}}")


def _sources(value: Any) -> Sources:
    _not_a_switch(value)
    data = _mapping(value)
    _known_keys(data, ("enabled",))
    return Sources(_keyed("enabled", _bool, data["enabled"])) if "enabled" in data else Sources()


# `id_base`: None is the site's base_url (`Config.feed_id_base`).
FEED_DEFAULTS = {"entries": 20, "full_content": True, "lang_path": "{lang}/feed.xml", "old_paths": (), "id_base": None}


def _feeds(value: Any) -> dict:
    data = _mapping(value)
    known = {
        "entries": _positive_int,
        "full_content": _bool,
        "lang_path": _lang_feed_path,
        "old_paths": _old_feed_paths,
        "id_base": _base_url,  # (an address as base_url is one, written alike: ids made of it match the old site's to the byte)
    }
    _known_keys(data, known)
    return FEED_DEFAULTS | {k: _keyed(k, known[k], v) for k, v in data.items()}


def _lang_feed_path(value: Any) -> str:
    path = _str(value).lstrip("/")
    if set(re.findall(r"{(\w+)}", path)) != {"lang"} or not path.endswith(".xml") or ".." in path.split("/"):
        raise ValueError(f"lang_path {value!r} must hold {{lang}} and end in .xml (e.g. {{lang}}/feed.xml or feed-{{lang}}.xml)")
    return path


def _old_feed_paths(value: Any) -> tuple[str, ...]:
    """Where the old site's feed was (Hugo's `index.xml`, Pelican's `feeds/all.atom.xml`): the site's feed is written
    there too. Its readers were subscribed there, and no redirect page leads a feed reader on: after a move, their
    feed was gone, and they were told nothing. A path from the site's root, of a feed's file."""
    paths = [value] if isinstance(value, str) else value
    if not isinstance(paths, list) or not all(isinstance(path, str) for path in paths):
        raise ValueError(f"{value!r} is not a list of paths (e.g. [index.xml, feeds/all.atom.xml])")
    cleaned = []
    for path in paths:
        clean = posixpath.normpath(path.strip().lstrip("/"))  # (`./feed.xml` is feed.xml: one file, two names)
        if "://" in path or clean.startswith("..") or not re.search(r"[^/]\.(xml|atom|rss)$", clean):
            raise ValueError(f"{path!r} is not the path of a feed's file from the site's root (e.g. index.xml, feeds/all.atom.xml)")
        if clean == "feed.xml" or clean.startswith(("tags/", "sources/")) or re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]+)?/feed\.xml", clean):
            raise ValueError(f"{path!r} is where ssg writes a feed of its own: leave it out")
        if re.fullmatch(r"sitemap[^/]*\.xml", clean):
            raise ValueError(f"{path!r} is where ssg writes the sitemap: leave it out")
        cleaned.append(clean)
    return tuple(dict.fromkeys(cleaned))


def _bool(value: Any) -> bool:
    if value is None:
        raise ValueError("is empty (write true or false, or leave the key out)")
    if isinstance(value, str) and value.strip().lower() in _YAML_BOOLS:  # (`enabled: "no"`: quoted, it is text)
        raise _MisreadError(value, "true or false", "write {key}" + _YAML_BOOLS[value.strip().lower()] + ", without quotes")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _MisreadError(value, "true or false", "write {key}true or {key}false")
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not true or false (write true or false, without quotes)")
    return value


_YAML_BOOLS = {"true": "true", "yes": "true", "on": "true", "false": "false", "no": "false", "off": "false"}


@dataclass(frozen=True)
class Language:
    """Per-language settings: what the interface says in that language."""

    code: str
    title: str | None = None
    description: str | None = None
    date_format: str | None = None  # a Babel pattern or style for article dates ("d MMMM y, HH:mm")
    date_format_short: str | None = None  # the same for the compact lists (latest articles, the 404 page)


LANGUAGE_KEYS = ("title", "description", "date_format", "date_format_short")


def _languages(value: Any) -> tuple[Language, ...]:
    if isinstance(value, list):
        value = {code: {} for code in value}
    data = _mapping(value)
    languages = []
    for code, settings in data.items():
        _lang(code)
        settings = settings or {}
        if not isinstance(settings, dict):
            raise ValueError(f"{code}: must be a mapping like {{title: ..., description: ..., date_format: ...}}")
        languages.append(_keyed(code, lambda settings, code=code: _language(code, settings), settings))
    return tuple(languages)  # (none, `[]`, is the default written out, as `ssg init` shows it: a one-language site)


def _language(code: str, settings: dict) -> Language:
    """One language's settings, checked: its date formats as Babel patterns, here rather than on the page that
    formats the first date with them."""
    _known_keys(settings, LANGUAGE_KEYS)
    checks = {"title": _str, "description": _str, "date_format": _date_format, "date_format_short": _date_format}
    # (Spaces alone are no title: the site's own stands in, as when it is left out.)
    return Language(code, **{k: _keyed(k, checks[k], v).strip() for k, v in settings.items()})


def _date_format(value: Any) -> str:
    """A Babel date pattern (`d MMMM y, HH:mm`) or style (`long`)."""
    pattern = _str(value).strip()
    problem = pattern_problem(pattern)
    if problem == "is empty":
        raise ValueError(f"is empty (write a Babel pattern such as {EXAMPLE!r}, or leave the key out)")
    if problem:
        raise ValueError(bad_pattern(pattern, problem))
    return pattern


def _tag_names(value: Any) -> dict | str:
    """`{Roscosmos: {ru: Роскосмос}}`, or the name of a YAML file holding that mapping."""
    if isinstance(value, str):
        return value
    data = _mapping(value)
    for name, names in data.items():
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            raise ValueError(f"{name}: must map language codes to names, e.g. {{ru: Роскосмос}}")
        for code in names:
            try:
                _lang(code)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
    return {str(k): dict(v) for k, v in data.items()}


def _aliases(value: Any) -> dict[str, tuple[str, ...]]:
    """`{Roscosmos: [Роскосмос ГК, /tags/роскосмос/]}`: each tag's (or outlet's) old names and old URLs, one or a list."""
    found = {}
    for name, old in _mapping(value).items():
        items = old if isinstance(old, list) else [old]
        if not items or not all(isinstance(item, str) and item.strip() for item in items):
            raise ValueError(f"{name}: must be its old names or old URLs, one or a list, e.g. [Роскосмос ГК, /tags/roskosmos-gk/]")
        found[str(name)] = tuple(item.strip() for item in items)
    return found


# `old_tag_urls:`'s placeholders: how another generator made a tag's name into its URL.
TAG_URL_MAKERS = ("hugo", "pelican")


def _old_tag_urls(value: Any) -> tuple[str, ...]:
    """`[/tags/{hugo}/, /tags/{hugo}/index.xml]`: where a moved archive had every tag's page (and feed), as patterns."""
    items = value if isinstance(value, list) else [value]
    example = "e.g. ['/tags/{hugo}/', '/tags/{hugo}/index.xml'] (Hugo's; in [...] quoted, as YAML reads { there) or /tag/{pelican}.html (Pelican's)"
    found = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"must be old URLs with the tag's name in them, one or a list, {example}")
        item = item.strip()
        fields = re.findall(r"\{([^{}]*)\}", item)
        if not fields or set(fields) - set(TAG_URL_MAKERS) or "{" in re.sub(r"\{[^{}]*\}", "", item):
            raise ValueError(
                f"{item!r} must hold the tag's name as {{hugo}} or {{pelican}} (as that generator made it into URLs), and no other {{...}}: {example}"
            )
        if not item.startswith("/") and not re.match(r"https?://", item, re.IGNORECASE):
            raise ValueError(f"{item!r} is not a URL from the site's root (start it with /): {example}")
        found.append(item)
    return tuple(found)


def _folder(value: Any) -> str:
    # PurePosixPath drops a trailing slash but keeps "/" itself (stripping slashes by hand made it ".", the project folder).
    # `~/` is the home folder, as a shell and Jekyll read it: `output_dir: ~/site` built into a folder named ~ in the
    # project (which `rm -rf ~` then empties the home folder to remove).
    text = _str(value)
    return str(PurePosixPath(Path(text).expanduser() if text == "~" or text.startswith("~/") else text))


OPTIONS: tuple[Option, ...] = (
    Option("title", "My news archive", "The site's name, shown in the header and in feeds.", _title),
    Option("description", "", "One sentence about the archive, for the home page and search engines.", _str),
    Option("base_url", "https://example.org/", "Where the site will live; may carry a path (https://user.github.io/archive/).", _base_url),
    Option("lang", "en", "Language of articles that do not set `lang:` (en, ru, ...).", _lang),
    Option("timezone", "UTC", "Time zone for dates written without an offset, and for `ssg new`.", _timezone),
    Option(
        "date_format",
        None,
        "How pages show an article's date and time: a Babel pattern (https://babel.pocoo.org/en/latest/dates.html) or "
        "style (short, medium, long, full). Default: the theme's for the site's language, else that language's usual one.",
        _date_format,
        EXAMPLE,
    ),
    Option(
        "date_format_short",
        None,
        "The same for the compact lists (latest articles, the 404 page); default: date_format where set, else the theme's.",
        _date_format,
        "d MMM y, HH:mm",
    ),
    Option("theme", "default", "Theme folder under themes/ (the project's own, else the one ssg ships).", _str),
    Option(
        "permalink",
        "{year}/{month}/{day}/{slug}/",
        "Article URL pattern: {year} {month} {day} {slug} {lang} {categories}; a folder, or a page when it ends in .html ({slug}.html).",
        _permalink,
    ),
    Option(
        "paginate",
        Paginate(),
        "Articles per page on the home, tag, source and date pages; or each its own: {home: 20, tag: 50, source: 50, date: 100} "
        "(20 where left out).",
        _paginate,
    ),
    Option("latest", 10, "How many articles the 'Latest articles' list shows.", _positive_int),
    Option(
        "timeout",
        30,
        "Seconds one page's templates may take before the build stops it, on the line it was at (a loop that never ends).",
        _seconds,
    ),
    Option(
        "languages",
        (),
        "Languages of a bilingual archive, the default (lang) first in URLs: [en, ru] or "
        "{ru: {title: ..., description: ..., date_format: 'd MMMM y, HH:mm', date_format_short: ...}}. Other languages' "
        "articles live under /<lang>/. The site's language alone keeps a one-language site (and sets its settings).",
        _languages,
    ),
    Option("prefix_default_lang", False, "Put the default language's articles under /<lang>/ too.", _bool),
    Option(
        "lang_permalink",
        None,
        "The URL pattern of the other languages' articles, in place of permalink under /<lang>/ (Pelican's ARTICLE_LANG_URL).",
        _lang_permalink,
        "{slug}-{lang}.html",
    ),
    Option(
        "excerpt_separator",
        None,
        "Where an article's summary ends, for those without their own excerpt_separator: (Jekyll's _config.yml setting).",
        _separator,
        "<!--more-->",
    ),
    Option("tag_names", {}, "One tag, several names: {Roscosmos: {ru: Роскосмос}}, or a YAML file holding that mapping.", _tag_names),
    Option(
        "source_names",
        {},
        "One outlet, several names (one page): {Interfax: {ru: Интерфакс}}, or a YAML file holding that mapping.",
        _tag_names,
    ),
    Option(
        "tag_aliases",
        {},
        "A renamed tag's old names and old URLs, each kept working by a page that redirects to its page (and its feed "
        "written at the old name's too): {Roscosmos: [Роскосмос ГК, /tags/роскосмос/]}.",
        _aliases,
    ),
    Option(
        "source_aliases",
        {},
        "The same for outlets' pages (sources/<slug>/): an outlet's old names and old URLs, e.g. {Interfax: [Интерфакс-АВН]}.",
        _aliases,
    ),
    Option(
        "old_tag_urls",
        (),
        "Where an archive moved from Hugo or Pelican had every tag's page, kept working by pages that redirect to each "
        "tag's page (an address ending in .xml: its feed written there), {hugo} or {pelican} the tag's name as that one "
        "made it: ['/tags/{hugo}/', '/tags/{hugo}/index.xml'] (Hugo's: /tags/роскосмос/), /tag/{pelican}.html (Pelican's).",
        _old_tag_urls,
    ),
    Option(
        "old_urls",
        None,
        "Where an archive moved from Hugo or Jekyll had every article, as that generator's permalink pattern, made for "
        "each article as it made it: a page there redirects to the article (where it is not there now): "
        "{hugo: /:sections/:slugorfilename/} (Hugo's default: /posts/союз-вернулся/), {jekyll: date} (Jekyll's).",
        _old_urls,
        {"hugo": "/:sections/:slugorfilename/"},
    ),
    Option("require", (), "Front-matter fields every article must have, e.g. [source, rights].", _required_fields),
    Option(
        "publisher",
        {},
        "Who publishes the archive: {name: ..., url: ..., logo: ...}; the logo (a file of static/, or a URL) is the feeds' logo.",
        _publisher,
    ),
    Option(
        "image",
        "",
        "The picture link previews show for pages without a lead image (a file of static/, e.g. images/share.png, or a URL); "
        "default: publisher.logo.",
        _image,
    ),
    Option(
        "menu",
        (),
        "Links in the header's menu besides the pages with `menu:`: [{name: Main site, url: 'https://example.org/', weight: 10}]; "
        "url: an address, or a path in the site (archive/2021/); name: a text, or {en: ..., ru: ...}; weight: its place, lower first.",
        _menu,
    ),
    Option("params", {}, "Free-form values for templates (site.params.x).", _mapping),
    Option(
        "feeds",
        FEED_DEFAULTS,
        "Atom feeds (site, per tag, per outlet, per language): newest `entries`, with the whole text or only summaries, language feeds at `lang_path`, the site's feed also at the old site's `old_paths` ([index.xml]); "
        "`id_base`, the address the entries' ids are made of (default: base_url): after base_url moves, the old base_url there keeps every id, so readers show no entry again.",
        _feeds,
    ),
    Option(
        "sources",
        Sources(),
        "Pages per outlet: sources/ lists the outlets articles name in `source:`, sources/<slug>/ each one's articles "
        "(with a feed), and an article's source links there; {enabled: false} leaves them out.",
        _sources,
    ),
    Option(
        "search",
        SearchConfig(),
        "Client-side search: what it indexes, where its page is, and the languages whose stemmers it uses (each word by its alphabet's).",
        _search,
    ),
    Option("content_dir", "content", "Folder of the Markdown articles and their images.", _folder),
    Option(
        "exclude",
        None,
        "Files and folders of content_dir that are no part of the site, as a .gitignore writes them (an Obsidian vault's "
        "templates, drawings, private notes): Templates/ is a folder of that name anywhere, /Templates/ the one at the top, "
        "'*.excalidraw.md' any such file (in quotes: YAML reads * otherwise), drafts/old-*.md one place. Not read, not "
        "watched, not published even where an article links to them. Names starting with . or _ are left out anyway.",
        _exclude,
        ["Templates/", "*.excalidraw.md", "private/"],
    ),
    Option("output_dir", "public", "Folder the site is built into.", _folder),
    Option("static_dir", "static", "Files copied to the site root as they are (override the theme's).", _folder),
    Option("templates_dir", "templates", "Templates that override the theme's by name.", _folder),
    Option("cache_dir", ".ssg-cache", "Build cache (safe to delete).", _folder),
)
OPTION_NAMES = tuple(o.name for o in OPTIONS)
PREVIEW_FOLDER = "serve"  # the preview's output, inside the cache
# The options `ssg build` also takes as flags, for one build: a bad value given there is the flag's, not site.yaml's.
FLAGS = {"base_url": "--base-url", "output_dir": "-o/--output"}


def _origin(name: str, flagged: Collection[str]) -> tuple[str, str | None]:
    """Where option `name` was set, as messages name it: (the flag, None) when one of `flagged` set it, else (site.yaml, the key)."""
    return (FLAGS[name], None) if name in flagged else (CONFIG_FILE, name)


@dataclass(frozen=True)
class Config:
    """Everything site.yaml says, checked, with defaults filled in, and the project's location."""

    root: Path
    title: str
    description: str
    base_url: str
    lang: str
    timezone: str
    theme: str
    permalink: str
    paginate: Paginate  # articles per page of each kind of listing
    latest: int
    require: tuple[str, ...]
    languages: tuple[Language, ...]
    prefix_default_lang: bool
    tag_names: dict = field(hash=False)
    publisher: dict = field(hash=False)
    image: str  # the pages' picture for link previews where they have none of their own ("": publisher.logo, or none)
    menu: tuple[MenuEntry, ...]  # links in the header's menu besides the pages with `menu:`
    params: dict = field(hash=False)
    feeds: dict = field(hash=False)
    search: SearchConfig = SearchConfig()
    sources: Sources = Sources()  # the pages per outlet
    date_format: str | None = None  # the default language's (`languages:` may set it too, and wins): see `date_formats`
    date_format_short: str | None = None
    content_dir: str = "content"
    exclude: Exclusions | None = None  # what of content_dir is no part of the site (`exclude.Exclusions`; None: nothing)
    output_dir: str = "public"
    static_dir: str = "static"
    templates_dir: str = "templates"
    cache_dir: str = ".ssg-cache"
    flagged: tuple[str, ...] = ()  # the options this build took from command-line flags (FLAGS) instead of site.yaml
    preview: bool = False  # the config of `ssg serve`'s builds (`watch.preview_config`), the only ones made inside the cache
    tag_names_file: str | None = None  # the file `tag_names:` named, if it named one (the preview watches it like site.yaml)
    source_names: dict = field(default_factory=dict, hash=False)  # `source_names:`, as `tag_names:` is for tags
    source_names_file: str | None = None  # the file `source_names:` named, as `tag_names_file`
    timeout: float = 30  # seconds a page's templates may take (`timelimit`); changes no page, so in no fingerprint
    lang_permalink: str | None = None  # the other languages' articles' pattern, where they are not under /<lang>/
    excerpt_separator: str | None = None  # where summaries end, unless an article says (None: at <!--more-->)
    tag_aliases: dict = field(default_factory=dict, hash=False)  # a tag's old names and URLs -> redirects (`redirects`)
    source_aliases: dict = field(default_factory=dict, hash=False)  # an outlet's, as `tag_aliases`
    old_tag_urls: tuple[str, ...] = ()  # every tag's old URLs, as patterns of `TAG_URL_MAKERS` (`redirects`)
    old_urls: dict | None = field(default=None, hash=False)  # every article's old URL: {generator: its pattern} (`oldurls`)
    pelicanconf: PelicanConf = PelicanConf()  # what the project's pelicanconf.py says of slugs and drafts (`pelican.read_conf`)
    # site.yaml as read, for the line a message names (`line_of`, `line_below`): each top-level key's line, and the text's
    # lines. No setting: not compared (a comment edited keeps the builder's theme and URLs), nor in `settings`.
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    text_lines: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def settings(self) -> list[tuple[str, Any]]:
        """Every value of the configuration, sorted, without where a value came from (`flagged`) or whose build it is
        (`preview`): the same value given by a flag or by site.yaml makes the same site (the build's inputs and
        fingerprints use this)."""
        return sorted((k, v) for k, v in vars(self).items() if k not in ("flagged", "preview", "key_lines", "text_lines"))

    def line_of(self, name: str) -> int | None:
        """The line of site.yaml that sets option `name`, for a message about a value found wrong after reading; None
        where it sets none. From site.yaml as it was read: a message named the line of the file on disk by then."""
        return self.key_lines.get(name)

    def line_below(self, key: str, after: int | None = None) -> int | None:
        """The line of site.yaml that sets `key` within the option on line `after` (`yamlload.line_below`)."""
        return line_below_in(self.text_lines, key, after)

    def origin(self, name: str) -> tuple[str, str | None]:
        """Where option `name` was set, as (file or flag, key), so a message about its value blames the right one."""
        return _origin(name, self.flagged)

    @property
    def preview_path(self) -> Path:
        """Where `ssg serve` builds: a folder of its own in the cache (drafts never reach the deploy folder)."""
        return self.cache_path / PREVIEW_FOLDER

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def output_path(self) -> Path:
        return (self.root / self.output_dir).resolve()

    @property
    def cache_path(self) -> Path:
        return self.root / self.cache_dir

    @property
    def multilingual(self) -> bool:
        """Language-aware URLs, translations and per-language pages: only when `languages:` lists a second language
        (or puts the one under its prefix, `prefix_default_lang: true`), so sites that never set it keep exactly the
        URLs they had. `languages: {uk: {date_format: ...}}` on a Ukrainian site sets its language's settings: it
        made a second home page, /uk/, and feed, whose canonical link went there."""
        return _multilingual(self.languages, self.prefix_default_lang)

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The site's languages, the default first."""
        codes = [language.code for language in self.languages]
        return (self.lang, *[c for c in codes if c != self.lang])

    @property
    def cyrillic_lang(self) -> str | None:
        """The one of a bilingual site's languages written in Cyrillic (ru on an en/ru site), or None: a title or text in
        Cyrillic letters is in it."""
        return cyrillic_language(self.language_codes) if self.multilingual else None

    @property
    def other_alphabet_lang(self) -> str | None:
        """Where a bilingual site has a language in Cyrillic, its one language in another alphabet (en on an en/ru site),
        or None: a title and text without Cyrillic are in it."""
        return alphabet_languages(self.language_codes)[1] if self.multilingual else None

    def language(self, code: str) -> Language:
        return next((language for language in self.languages if language.code == code), Language(code))

    def date_formats(self, code: str) -> tuple[str | None, str | None]:
        """The long and the short date format site.yaml sets for `code` (None where it sets none: the theme's then):
        `languages.<code>`'s, else the top-level one for the default language, and on a site without `languages:` for
        every language (its English articles on a Russian site showed the theme's format, the home page listing them
        the site's). The short one follows the long one where only that is set, so that one `date_format:` is every
        date of the site."""
        language = self.language(code)
        own = code == self.lang or not self.multilingual
        long = language.date_format or (self.date_format if own else None)
        short = language.date_format_short or (self.date_format_short if own else None)
        return long, short or long

    def foreign_language(self, lang: str, written: str = "lang: ") -> str | None:
        """What is wrong with an article in `lang` here, or None: a bilingual site publishes only its `languages:`
        (the build's rule, which `ssg new --lang` follows too). The fix most likely meant comes first: `ru-RU` or `RU` is
        the site's `ru` written otherwise (`code_meant`; `written`: how the fix is written, `lang: ru`, `--lang ru`),
        where adding it to `languages:` would make another language of one; only a valid code is offered to add."""
        if not self.multilingual or lang in self.language_codes:
            return None
        wrong = f"{lang!r} is not one of the site's languages ({', '.join(self.language_codes)})"
        meant = code_meant(lang, self.language_codes)
        if meant in self.language_codes:
            return f"{wrong}: write {written}{meant} (or add {lang!r} to `languages:` in site.yaml)"
        return f"{wrong}; add it to `languages:` in site.yaml"

    def title_in(self, lang: str) -> str:
        """The site's title as shown in `lang`: `languages.<lang>.title`, else `title`.

        The one place that decides it: pages (`SiteInfo`), feeds and page metadata all ask here.
        """
        return self.language(lang).title or self.title

    def description_in(self, lang: str) -> str:
        """The site's description as shown in `lang`: `languages.<lang>.description` (even an empty one), else `description`."""
        description = self.language(lang).description
        return self.description if description is None else description

    @property
    def share_image(self) -> str | None:
        """The picture link previews show for a page without a lead image: `image`, else `publisher.logo`, else None.
        A path in the site (a file of static/) or an http(s) URL."""
        return self.image or self.publisher.get("logo") or None

    def publisher_name(self, lang: str) -> str:
        """Who publishes the site, as feeds and JSON-LD name it: `publisher.name`, else the site's title in `lang`."""
        return self.publisher.get("name") or self.title_in(lang)

    @property
    def feed_id_base(self) -> str:
        """The address feeds' ids are made of: `feeds.id_base`, else base_url. Apart from base_url because a feed reader
        takes an entry of a new id for a new entry: a site moved to another address keeps its readers' ids with its old
        one here (RFC 4287 §4.2.6: an id does not change when the document is relocated)."""
        return self.feeds["id_base"] or self.base_url

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def render_key(self) -> dict:
        """The options that change how a single article is read and rendered (part of the cache key)."""
        return {
            "lang": self.lang,
            "timezone": self.timezone,
            "require": list(self.require),
            "search": [self.search.enabled, list(self.search.fields), list(self.search.languages)],
            "tag_names": self.tag_names,
            "source_names": self.source_names,  # (an outlet is indexed for search under all its names)
            "cyrillic_lang": self.cyrillic_lang,  # (an article in Cyrillic with another lang is warned of, and the other way)
            "other_alphabet_lang": self.other_alphabet_lang,
            "excerpt_separator": self.excerpt_separator,
        }


def config_missing(root: Path) -> Problem | None:
    """Where `root` (resolved) holds no site.yaml: what is wrong, with the archive's folder above it (a command run
    from content/, say) or `ssg init` to suggest."""
    if (root / CONFIG_FILE).is_file():
        return None
    above = next((folder for folder in root.parents if (folder / CONFIG_FILE).is_file()), None)
    if above is not None:
        fix = f"the archive is {above}: run ssg there, or pass -C {shlex.quote(str(above))}"
    else:
        fix = f"run `ssg init {shlex.quote(str(root))}` to start an archive there"
    return Problem(CONFIG_FILE, message=f"not found in {root} ({fix})")


def load_config(root: Path, base_url: str | None = None, output_dir: str | None = None) -> Config:
    """Read and check `root/site.yaml`; `base_url` and `output_dir` override it for one build."""
    root = Path(root).resolve()
    path = root / CONFIG_FILE
    if (missing := config_missing(root)) is not None:
        raise ConfigError(missing)
    try:
        text = path.read_text(encoding="utf-8")
        data, lines = load_yaml_with_lines(text)
    except UnicodeDecodeError as exc:
        line, message = not_utf8(exc, CONFIG_FILE)
        raise ConfigError(Problem(CONFIG_FILE, line, message=message)) from None
    except YamlSyntaxError as exc:
        raise ConfigError(Problem(CONFIG_FILE, exc.line, message=exc.message)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        line, hint = _toml_hint(text)
        raise ConfigError(Problem(CONFIG_FILE, line, message="must be a mapping of option: value" + hint))
    overrides = {k: v for k, v in (("base_url", base_url), ("output_dir", output_dir)) if v is not None}
    used = {k: v for k, v in lines.items() if k not in overrides}  # site.yaml's lines no longer hold the values used
    rows = tuple(text.split("\n"))
    config = _check(root, data | overrides, used, tuple(sorted(overrides)), _written(text, used), rows)
    return replace(config, key_lines=used, text_lines=rows)


def _toml_hint(text: str) -> tuple[int, str]:
    """The line to blame and what to say of a site.yaml that is no mapping: written in TOML (Hugo's config.toml pasted
    whole, which YAML reads as one text), its first line of it and how YAML writes it."""
    lines = text.split("\n")
    n = next((n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), 0)
    found = toml_line(lines[n]) if lines else None
    if found is None:
        return 1, ""
    key, value = found
    return n + 1, f" (this is TOML, as Hugo's config.toml writes it; YAML writes {key} = {value} as {key}: {value})"


def _written(text: str, lines: dict[str, int]) -> dict[str, str]:
    """Each top-level `key: value` of site.yaml's text, the value as written there (without a comment)."""
    rows = text.split("\n")
    found = {key: key_value(rows[line - 1]) for key, line in lines.items() if 0 < line <= len(rows)}
    return {key: pair[1] for key, pair in found.items() if pair and pair[1]}


def _check(
    root: Path, data: dict, lines: dict[str, int], flagged: tuple[str, ...], written: dict[str, str] | None = None, text: Sequence[str] = ()
) -> Config:
    """`data` checked into a `Config`, or every problem of it at once. `written`: each top-level value as site.yaml
    writes it (`yes`, which YAML reads as true), for the messages; `text`: its lines."""
    problems, values = [], {}
    for key in sorted(set(data) - set(OPTION_NAMES), key=str):
        problems.append(Problem(CONFIG_FILE, lines.get(key), str(key), _unknown_option(str(key))))
    written = written or {}
    for option in OPTIONS:
        if option.name not in data:
            values[option.name] = option.default
            continue
        where, key = _origin(option.name, flagged)
        if data[option.name] is None:
            problems.append(Problem(where, lines.get(option.name), key, _empty_option(option)))
            continue
        try:
            values[option.name] = option.check(data[option.name])
        except _MisreadError as exc:
            problems.append(Problem(where, lines.get(option.name), key, exc.said(option.name, written.get(option.name))))
        except ValueError as exc:
            problems.append(Problem(where, lines.get(option.name), key, str(exc)))
    codes = [language.code for language in values.get("languages") or ()]
    if codes and "lang" in values and values["lang"] not in codes:
        where = lines.get("lang", lines.get("languages"))
        problems.append(
            Problem(CONFIG_FILE, where, "lang", f"{values['lang']!r} is not one of `languages:` ({', '.join(codes)}); add it there")
        )
    if values.get("lang_permalink") and not _multilingual(values.get("languages") or (), values.get("prefix_default_lang")):
        message = (
            f"places the articles of the site's other languages, and it has none: add them (languages: [{values.get('lang') or 'en'}, ...])"
        )
        problems.append(Problem(CONFIG_FILE, lines.get("lang_permalink"), "lang_permalink", message))
    if _multilingual(values.get("languages") or (), values.get("prefix_default_lang")) and isinstance(values.get("search"), SearchConfig):
        values["search"] = replace(values["search"], language_filter=True)
    for option in NAMES_OPTIONS:
        _names_checked(root, option, values, lines, problems, text)
    if problems:
        raise ConfigError(problems)
    return Config(root=root, **values, flagged=flagged, pelicanconf=read_conf(root))


# Options of Hugo's and Jekyll's configs that people moving an archive paste into site.yaml, lower-cased (Hugo reads its
# keys in any case): whose they are, ssg's option for the same thing (None: it has none), and what to know. A guess by
# spelling sent `destination:` (Jekyll's output folder) to `description`, and `languageCode:` to `languages`.
FOREIGN_OPTIONS: dict[str, tuple[str, str | None, str]] = {
    "baseurl": ("Hugo's baseURL or Jekyll's baseurl", "base_url", "the whole address, path included: https://example.org/archive/"),
    "url": ("Jekyll's", "base_url", "the whole address, with baseurl's path: https://example.org/archive/"),
    "languagecode": ("Hugo's", "lang", "the language's code alone: lang: en"),
    "defaultcontentlanguage": ("Hugo's", "lang", "and languages: for the others"),
    "timezone": ("Hugo's", "timezone", ""),
    "publishdir": ("Hugo's", "output_dir", ""),
    "destination": ("Jekyll's", "output_dir", ""),
    "contentdir": ("Hugo's", "content_dir", ""),
    "staticdir": ("Hugo's", "static_dir", ""),
    "layoutdir": ("Hugo's", "templates_dir", ""),
    "cachedir": ("Hugo's", "cache_dir", ""),
    "permalinks": ("Hugo's", "permalink", "one pattern for articles, e.g. '{year}/{month}/{slug}/'"),
    "pagination": ("Hugo's", "paginate", "articles per page: paginate: 20"),
    "menus": ("Hugo's", "menu", "a list of {name: ..., url: ...}"),
    "ignorefiles": (
        "Hugo's",
        "exclude",
        "a .gitignore's patterns of content_dir's files, not regular expressions: ['*.excalidraw.md', private/]",
    ),
    "paginatepath": ("Hugo's", None, "its listing pages are page/2/, page/3/, ..."),
    "paginate_path": ("Jekyll's", None, "its listing pages are page/2/, page/3/, ..."),
    "taxonomies": ("Hugo's", None, "the articles' tags: make the tag pages, at tags/<name>/"),
    "builddrafts": ("Hugo's", None, "ssg build --drafts does that"),
    "show_drafts": ("Jekyll's", None, "ssg build --drafts does that"),
    "buildfuture": ("Hugo's", None, "ssg build --future does that"),
    "future": ("Jekyll's", None, "ssg build --future does that"),
    "enablerobotstxt": ("Hugo's", None, "every build writes robots.txt, unless static/ has one"),
    "source": ("Jekyll's", None, "it builds the folder of site.yaml: ssg -C FOLDER build"),
    "author": ("Jekyll's", None, "the site's publisher is publisher: {name: ...}"),
    **dict.fromkeys(
        ("hascjklanguage", "summarylength", "disablekinds", "markup", "outputs", "enablegitinfo", "googleanalytics"),
        ("Hugo's", None, ""),
    ),
    **dict.fromkeys(
        ("include", "plugins", "gems", "markdown", "kramdown", "collections", "defaults", "sass", "keep_files"),
        ("Jekyll's", None, ""),
    ),
}


def _unknown_option(key: str) -> str:
    """The message for an unknown top-level key: what ssg calls another generator's option, else the known key it likely
    meant, else the known ones, and that a newer ssg may know it: a site.yaml written for a newer ssg, read by an older
    one (another editor's, a CI image's), was told of "unknown option" with no word of versions."""
    foreign = FOREIGN_OPTIONS.get(key.lower())
    if foreign is None:
        listed = "known options:"
        hint = closest(key, OPTION_NAMES, listed=listed)  # (a misspelling of one of them, or the list of them all)
        newer = f", or an option of a newer ssg than this one ({__version__})" if hint.startswith(listed) else ""
        return f"unknown option ({hint}){newer}"
    tool, ours, note = foreign
    if ours is not None:
        return f"unknown option ({tool}; ssg's is {ours}" + (f", {note})" if note else ")")
    return f"unknown option ({tool}; ssg has none: {note or 'remove the line'})"


def _multilingual(languages: tuple[Language, ...], prefix_default_lang: bool | None) -> bool:
    """Whether `languages:` makes a site of several languages (`Config.multilingual`)."""
    return len(languages) > 1 or (bool(languages) and bool(prefix_default_lang))


def _empty_option(option: Option) -> str:
    """What to say of an option written with no value (`lang:`): what would be right, never Python's None."""
    if option.example is not None:
        return f"is empty; give it a value ({_option_yaml(option, option.example)}) or remove the line for the default"
    if option.default in ("", (), {}):
        return f"is empty; give it a value ({option.doc.rstrip('.')}) or remove the line"
    return f"is empty; give it a value or remove the line for the default ({_option_yaml(option, option.default)})"


def option_text(name: str, value: Any) -> str:
    """`name: value` as `ssg init` writes it in site.yaml (what it tells it took from another generator's settings)."""
    return _option_yaml(next(option for option in OPTIONS if option.name == name), value)


def _language_entry(language: Language) -> dict[str, str]:
    """A language's settings as `languages:` writes them: those it has."""
    return {key: value for key in LANGUAGE_KEYS if (value := getattr(language, key)) is not None}


def _option_yaml(option: Option, value: Any) -> str:
    """`name: value` as one line of YAML, the way `ssg init` writes it in site.yaml."""
    if isinstance(value, SearchConfig):
        value = {"enabled": value.enabled, "fields": list(value.fields), "path": value.path, "languages": list(value.languages)}
    if isinstance(value, Sources):
        value = {"enabled": value.enabled}
    if isinstance(value, Paginate):
        same = value.home == value.tag == value.source == value.date
        value = value.home if same else {k: getattr(value, k) for k in PAGINATE_KINDS}
    if isinstance(value, tuple) and value and all(isinstance(each, Language) for each in value):
        value = {each.code: _language_entry(each) for each in value}
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, Exclusions):
        value = list(value.patterns)
    if option.name == "feeds":  # (an unset id_base is base_url: `id_base: null` uncommented would be an empty value)
        value = {k: v for k, v in value.items() if v is not None}
    dumped = yaml.safe_dump({option.name: value}, allow_unicode=True, default_flow_style=True, sort_keys=False, width=1000).strip()
    return dumped[1:-1] if dumped.startswith("{") else dumped


# The options naming one thing in several languages (`tag_names:`, `source_names:`) -> what each entry names, and how
# two names are told to be one (a tag's key; an outlet's URL slug, as spellings making one slug are one outlet).
NAMES_OPTIONS = {"tag_names": ("tag", tag_key), "source_names": ("outlet", outlet_key)}
_NAMES_EXAMPLE = {"tag_names": "Roscosmos: {ru: Роскосмос}", "source_names": "Interfax: {ru: Интерфакс}"}


def _names_checked(root: Path, option: str, values: dict, lines: dict[str, int], problems: list[Problem], text: Sequence[str]) -> None:
    """`values[option]` (`tag_names:` or `source_names:`) read from the file it names, if it names one (kept as
    `<option>_file`), and a problem on the line of each entry giving a name another entry gives."""
    if isinstance(values.get(option), str):
        values[f"{option}_file"] = values[option]
        values[option], entry_lines = _tag_names_file(root, values[option], problems, option, lines.get(option))
        where = values[f"{option}_file"]
    else:
        entry_lines, where = {}, CONFIG_FILE
    noun = NAMES_OPTIONS[option][0]
    # (An entry's name is its tag's or outlet's, which its page's slug is made of: too long a one is refused here, as
    # it is on an article's line, rather than failing the build as it writes tags/<slug>/.)
    too_long = [(entry, message) for entry in values.get(option) or {} if (message := slug_too_long(noun, entry, "name"))]
    for entry, message in tag_names_problems(values.get(option) or {}, option) + too_long:
        line = entry_lines.get(entry) if entry_lines else line_below_in(text, entry, lines.get(option))
        problems.append(Problem(where, line, None if entry_lines else option, message))


def _tag_names_file(
    root: Path, name: str, problems: list[Problem], option: str = "tag_names", line: int | None = None
) -> tuple[dict, dict[str, int]]:
    """The `tag_names:` (or `source_names:`) mapping kept in a file of its own (e.g. tags.yaml), and the line of each of
    its entries. `line`: site.yaml's line that names the file."""
    path = root / name
    try:
        data, lines = load_yaml_with_lines(path.read_text(encoding="utf-8"))
    except OSError:
        problems.append(Problem(CONFIG_FILE, line, option, f"file {name!r} not found (put it next to site.yaml)"))
        return {}, {}
    except YamlSyntaxError as exc:
        problems.append(Problem(name, exc.line, None, exc.message))
        return {}, {}
    if not isinstance(data or {}, dict):
        noun = NAMES_OPTIONS[option][0]
        problems.append(Problem(name, 1, None, f"must be a mapping of {noun}: {{language: name}}, e.g. {_NAMES_EXAMPLE[option]}"))
        return {}, {}
    found = {}
    for tag, names in (data or {}).items():  # each entry on its own, so every bad one is named with its line
        try:
            found |= _tag_names({tag: names})
        except ValueError as exc:
            problems.append(Problem(name, lines.get(str(tag)), None, str(exc)))
    return found, lines


def tag_names_problems(tag_names: dict[str, dict[str, str]], option: str = "tag_names") -> list[tuple[str, str]]:
    """(entry, what is wrong) for each `tag_names:` (or `source_names:`) entry that gives a name another entry gives.

    Each name is one tag: a name given to two entries (a copied line, `ISS: {ru: Роскосмос}` under `Roscosmos: {ru:
    Роскосмос}`) silently moved every article of the first to the second, and an entry keyed by another's translated
    name (`Роскосмос: {en: Roscosmos}`) made a tag of its own. The same holds of outlets."""
    noun, key = NAMES_OPTIONS[option]
    problems: list[tuple[str, str]] = []
    owner: dict[str, tuple[str, str]] = {}  # a name's key -> (the entry that gives it, as what)
    for tag, names in tag_names.items():
        for name, what in [(tag, "an entry"), *((other, f"the {code} name of") for code, other in names.items())]:
            first, first_what = owner.setdefault(key(name), (tag, what))
            if first != tag:
                said = "an entry of its own" if first_what == "an entry" else f"{first_what} {first!r}"
                problems.append((tag, f"{tag}: {name!r} is already {said} (one name, one {noun}): remove it from one of them"))
                break  # (one problem an entry)
    return problems


def init_value(name: str, value: Any) -> Any:
    """A value another generator's configuration gives option `name` (`oldconfig`), as site.yaml takes it, or a
    ValueError saying why not: a Jekyll or Hugo permalink pattern in ssg's words (`date` is Jekyll's default)."""
    if name == "permalink" and isinstance(value, str):
        value = _foreign_permalink(value.strip()) or value
    return next(option for option in OPTIONS if option.name == name).check(value)


def default_site_yaml(title: str = "My news archive", languages: tuple[str, ...] = (), taken: dict | None = None) -> str:
    """The commented site.yaml that `ssg init` writes: every option, its default and meaning. `languages` (`ssg init
    --languages ru,en`): the default first, which is `lang`; two or more make the archive bilingual. `taken`: options'
    values from the configuration of the generator the archive comes from (`oldconfig`), written uncommented."""
    # A bilingual archive's languages each with the site's title, to translate: without one, a language's pages and
    # feeds were titled "<title> (English)", the default language's title with the language's name.
    title = (taken or {}).get("title", title)
    titled = {code: {"title": title} for code in languages}
    if not languages and len(moved := (taken or {}).get("languages") or ()) > 1:  # (the old generator's, each titled)
        titled = {each.code: {"title": title} | _language_entry(each) for each in moved}
        languages = tuple(titled)
    bilingual = len(languages) > 1
    given = {"title": title} | (taken or {}) | ({"lang": languages[0]} if languages else {}) | ({"languages": titled} if bilingual else {})
    if bilingual:  # (a bilingual archive's pages show each language's title, the old generator's one in each where it had none)
        del given["title"]
    out = [
        "# ssg site configuration. Every option is listed with its default, or an example (e.g.) where it has none; uncomment to change."
    ]
    for option in OPTIONS:
        default = option.example if option.default is None else option.default
        dumped = _option_yaml(option, given.get(option.name, default))
        if option.default is None and option.name not in given:
            dumped += "  # e.g."  # (lang_permalink's example is an error on a one-language site: not what it does unset)
        prefix = "" if option.name in ("base_url", "lang", "timezone", *given) or option.name == "title" and not bilingual else "# "
        doc = option.doc + (
            " On a bilingual archive, each language's title in languages: takes its place." if option.name == "title" and bilingual else ""
        )
        out += ["", f"# {doc}", prefix + dumped]
        if option.name == "languages" and "languages" in given:
            out.insert(-1, "# The site's title in each language (write each in its language): pages and feeds in it show it.")
    return "\n".join(out) + "\n"
