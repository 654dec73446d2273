"""Check a built site: every internal link (and #anchor), and every file a stylesheet loads, must resolve to a file in it.

Internal links are relative ones, root-absolute ones under the site's path, and absolute URLs
under its `base_url` (canonical links, Open Graph images, and the URLs in feeds and the
sitemap, which must be absolute by their standards), http or https, `www.` or not (a moved
WordPress archive's links to its own old pages). Every other absolute URL is external: it
is listed with the pages it is on, never fetched. A link in an article to another article that is
not published leads nowhere (`markdown.NOT_PUBLISHED`): it is broken too, named by the file it linked. Used by `ssg check --links` and by the tests
on every site they build.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit
from xml.etree import ElementTree

import tinycss2
from lxml import etree

from .config import ascii_url
from .markdown import NOT_PUBLISHED
from .pelican import LISTING_LINKS
from .urls import folder_file, on_site_host, output_file

# The attributes of each element that hold one URL; srcset holds several.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "object": ("data",),
    "input": ("src",),
    "form": ("action",),
}
SRCSET_ELEMENTS = frozenset({"img", "source"})
META_URLS = frozenset({"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image"})
# URLs in feeds and sitemaps: (element, attribute or None for its text).
XML_URLS = (
    ("{http://www.w3.org/2005/Atom}link", "href"),
    ("{http://search.yahoo.com/mrss/}content", "url"),
    ("{http://www.sitemaps.org/schemas/sitemap/0.9}loc", None),
)
NOT_FETCHED = ("mailto", "tel", "data", "javascript")
PARALLEL_FROM = 400  # files: fewer are checked in one process (starting workers costs ~0.1 s)
RUN = 250  # files a worker checks at a time: ~0.5 s (the heavy ones, an archive's articles, lie together; Ctrl-C waits for a run)
EXAMPLE_PAGES = 3  # the pages named of a broken link found on more


@dataclass(frozen=True)
class BrokenLink:
    page: str
    url: str
    reason: str
    target: str = ""  # the site path it leads to, where it leads into the site (`tgas/`): the same from every page
    line: int | None = None  # a stylesheet's line that writes it (a page's links are told by the template that writes them)

    @property
    def where(self) -> str:
        return self.page if self.line is None else f"{self.page}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.url}: {self.reason}"


@dataclass(frozen=True)
class BrokenTarget:
    """One broken link's target, and every page that links to it: a template's mistake is on every page it makes."""

    url: str  # as the first page writes it
    reason: str
    target: str
    pages: tuple[str, ...]

    def describe(self, written_by: Sequence[str] = ()) -> str:
        """`page: url: reason` for a link on one page; on several, how many and the first few. `written_by`: the
        template lines that write the link (`templates/article.html:12: url_for('tgas/')`), where they are known."""
        where = ""
        if written_by:
            where = f" (written by {', '.join(written_by[:2])}{f' and {len(written_by) - 2} more' if len(written_by) > 2 else ''})"
        if len(self.pages) == 1:
            return f"{self.pages[0]}: {self.url}: {self.reason}{where}"
        shown = ", ".join(self.pages[:EXAMPLE_PAGES]) + (
            f" and {len(self.pages) - EXAMPLE_PAGES} more" if len(self.pages) > EXAMPLE_PAGES else ""
        )
        return f"{self.url}: {self.reason}, on {len(self.pages)} pages ({shown}){where}"


def by_target(broken: list[BrokenLink]) -> list[BrokenTarget]:
    """`broken` grouped by where the links lead (by their URL as written where that is all there is to go by), in the
    order each was first found."""
    groups: dict[tuple[str, str], list[BrokenLink]] = {}
    for link in broken:
        groups.setdefault((link.target or link.url, link.reason), []).append(link)
    return [
        BrokenTarget(links[0].url, links[0].reason, links[0].target, tuple(dict.fromkeys(link.where for link in links)))
        for links in groups.values()
    ]


@dataclass
class LinkReport:
    broken: list[BrokenLink] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)  # URL -> pages it is on
    pages: int = 0
    links: int = 0

    def add(self, later: LinkReport) -> None:
        """Take in the report of the pages after this one's (`check_links` in runs)."""
        self.broken += later.broken
        for url, pages in later.external.items():
            self.external.setdefault(url, []).extend(pages)
        self.pages += later.pages
        self.links += later.links


@dataclass
class _Collected:
    """The URLs an HTML page links to, and the ids its anchors can point at."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    canonical: str | None = None
    unread: tuple[int, str] | None = None  # (line, why) where the parser stopped before the page's end


# A closing </html>: libxml2 stops reading there, where a browser reads on into the body (a saved page with a part
# after it: its links went unchecked, without a word). Taken out before parsing.
_END_OF_HTML = re.compile(rb"</html\s*>", re.IGNORECASE)


def _collect(path: Path) -> _Collected:
    """What the HTML page at `path` links to and holds. An attribute given twice counts once, as its first value (as a
    browser reads it).

    Parsed by libxml2 (lxml), which tokenizes as browsers do (HTML5): the standard library's `html.parser` took 76% of
    a check's time (`ssg check --links` of 17,000 pages: 68 s of CPU), and 3.5 times as long as libxml2 to parse. The
    text is read as the build writes it, UTF-8 (a byte that is none is replaced), whatever charset the page declares."""
    collected = _Collected()
    data = _END_OF_HTML.sub(b"", path.read_text(encoding="utf-8", errors="replace").encode("utf-8"))
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, no_network=True)  # (1 µs: one a page, none shared)
    root = etree.fromstring(data, parser) if data.strip() else None
    fatal = next((error for error in parser.error_log if error.level == etree.ErrorLevels.FATAL), None)
    if fatal is not None:  # (elements nested 2,048 deep: it stops there, and reads nothing after)
        collected.unread = (fatal.line, f"is not read past here ({fatal.message.split(',')[0]}): the links after it are not checked")
    if root is None:
        return collected
    for element in root.iter(etree.Element):  # (comments and processing instructions are no elements)
        if not element.attrib:
            continue
        tag, values = element.tag, dict(element.attrib)  # (a dict's look-ups: half the time of lxml's own)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                collected.ids.add(values[name])
        for attribute in URL_ATTRIBUTES.get(tag, ()):
            if (value := values.get(attribute, "").strip()) != "":
                collected.links.append(value)
        if tag in SRCSET_ELEMENTS and values.get("srcset"):
            collected.links += [candidate.split()[0] for candidate in values["srcset"].split(",") if candidate.strip()]
        if tag == "meta" and (values.get("property") or values.get("name")) in META_URLS and values.get("content"):
            collected.links.append(values["content"])
        if tag == "link" and "canonical" in values.get("rel", "").split() and values.get("href"):
            collected.canonical = values["href"]
    return collected


def check_links(folder: Path, base: str = "/", jobs: int = 1) -> LinkReport:
    """Check every HTML page, feed and sitemap under `folder`.

    `base` is the site's `base_url` (`https://example.org/archive/`), or only its path
    (`/archive/`): root-absolute links must be under that path, and absolute URLs under the base
    URL are checked as internal ones. `jobs`: worker processes, each checking a run of the pages in
    order (the report is the same as one process's).
    """
    base_url = _written_as_built(base) if urlsplit(base).scheme else None
    root_path = (urlsplit(base_url).path or "/") if base_url else base
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.suffix in (".html", ".xml", ".css") and p.is_file())
    if (folder / "robots.txt").is_file():
        files.append("robots.txt")
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        return _check_files(folder, files, base_url, root_path)
    from .workers import worker_pool  # (only now: a small site's check spares starting processes)

    size = min(RUN, -(-len(files) // jobs))
    runs = [files[start : start + size] for start in range(0, len(files), size)]
    report = LinkReport()
    with worker_pool(jobs) as pool:  # (Ctrl-C: the runs not started are dropped)
        for part in pool.map(_check_files, repeat(folder), runs, repeat(base_url), repeat(root_path)):
            report.add(part)
    return report


def _written_as_built(base_url: str) -> str:
    """`base_url` as the build writes it (`config.ascii_url`): the host in ASCII, the path's other letters
    percent-encoded; a `--base-url https://пример.рф/архив/` is the site whose pages link `https://xn--e1afmkfd.xn--p1ai/
    %D0%B0%D1%80%D1%85%D0%B8%D0%B2/`. As given where it is no base URL the build takes."""
    try:
        return ascii_url(urlsplit(base_url))
    except ValueError:
        return base_url


def _check_files(folder: Path, files: list[str], base_url: str | None, root_path: str) -> LinkReport:
    """`check_links` of `files`, in order (a page linked with an #anchor is read, wherever it is). `root_path` is
    compared decoded, as every link's path is: the canonical URL's `/%D0%B0%D1%80%D1%85%D0%B8%D0%B2/` is the site's
    path `/архив/` (an encoded root path, from a Cyrillic or spaced sub-path, made every root-absolute link
    "outside the site's path")."""
    report = LinkReport()
    site_path = unquote(root_path)
    parsed: dict[str, _Collected] = {}

    def parse(rel: str) -> _Collected:
        if rel not in parsed:
            parsed[rel] = _collect(folder / rel)
        return parsed[rel]

    # (2.6 million links of 30,000 articles' pages lead to some 100,000 files: each looked up once, not two stats a link)
    locate = functools.cache(functools.partial(_locate, folder))
    for page in files:
        report.pages += not page.endswith(".css")  # (the pages, feeds and sitemaps: a stylesheet is no page)
        first_broken = len(report.broken)
        lines: list[int | None] = []
        if page.endswith(".html"):
            collected = parse(page)
            links = collected.links
            if collected.unread is not None:
                report.broken.append(BrokenLink(page, f"line {collected.unread[0]}", collected.unread[1]))
        elif page.endswith(".css"):
            found = list(_css_links(folder / page))
            links, lines = [url for url, _ in found], [line for _, line in found]
        else:
            links = list(_other_links(folder / page))
        for number, url in enumerate(links):
            report.links += 1
            written = url
            if base_url and url.startswith(base_url):
                url = written = root_path + url[len(base_url) :]
            elif base_url and (own := _own_url(url, base_url, site_path)) is not None:
                url = own  # (told as written: `http://www.example.org/x/` is what to find in the article)
            problem, target = _wordpress_query(url), ""
            if problem is None:
                problem, target = _check(locate, page, url, site_path, parse, report)
            if problem:
                report.broken.append(BrokenLink(page, written, problem, target, lines[number] if lines else None))
        if page.endswith(".css") and len(report.broken) > first_broken:
            report.broken[first_broken:] = _fonts_loaded(report.broken[first_broken:], folder / page)
    return report


def _fonts_loaded(broken: list[BrokenLink], path: Path) -> list[BrokenLink]:
    """`broken`, the stylesheet's, but the font files no browser of today asks for: a vendored icon font's stylesheet
    names the .eot and .svg of old browsers (in a format() they skip, or in an earlier `src:` that the last replaces),
    and the formats after one that is there (a browser loads the first it can); a site that ships the woff2 alone shows
    its font, and `ssg check --links` failing its deploy said otherwise. A missing file a browser asks for first is
    broken, even where a later one of its list is there."""
    missing = {link.url for link in broken}
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8", errors="replace"), skip_comments=True)
    left_out = set()
    for face in (rule for rule in rules if rule.type == "at-rule" and rule.lower_at_keyword == "font-face" and rule.content):
        declarations = tinycss2.parse_blocks_contents(face.content, skip_comments=True, skip_whitespace=True)
        sources = [d.value for d in declarations if d.type == "declaration" and d.lower_name == "src"]
        for number, value in enumerate(sources, start=1):
            loaded = False
            for source in _comma_separated(value):
                urls = list(_css_urls(source))
                old = any(t.type == "function" and t.lower_name == "format" and _old_format(t) for t in source)
                for url in urls:
                    if url not in missing:
                        loaded = True
                    elif loaded or number < len(sources) or old:
                        left_out.add(url)
    return [link for link in broken if link.url not in left_out]


def _comma_separated(tokens: list) -> list[list]:
    """A declaration's value split at its top-level commas (`src: url(a) format("woff2"), url(b)`)."""
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _old_format(function: object) -> bool:
    """Whether a `format(...)` names one browsers of today skip: `embedded-opentype` (IE's .eot) or `svg` fonts."""
    names = [arg.value.lower() for arg in function.arguments if arg.type in ("string", "ident")]  # type: ignore[attr-defined]
    return bool(names) and names[0] in ("embedded-opentype", "svg")


def _own_url(url: str, base_url: str, site_path: str) -> str | None:
    """`url` from the site's root if it is an absolute URL of the site under another spelling of its base URL: http
    for https, `www.` or not (`urls.on_site_host`), its path encoded or not, as a moved WordPress archive links its own
    old pages; else None (another site, or another path of the host). `site_path`: the base URL's path, decoded."""
    if ":" not in url:  # (no scheme: most links of a page, which need no parsing here)
        return None
    parts = _split(url)
    if parts is None or parts.scheme not in ("http", "https") or not on_site_host(parts.hostname, base_url):
        return None
    if _port(parts) != _port(urlsplit(base_url)):  # (the host's other server, `:8080`: another site)
        return None
    path = parts.path or "/"
    if not unquote(path + "/").startswith(site_path):
        return None
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


# WordPress's addresses by number (`/?p=104`, `/?page_id=2`): a static host answers them with the home page.
_WORDPRESS_QUERY = re.compile(r"(?:^|&)(?:p|page_id|attachment_id|cat)=\d+(?:&|$)")


def _wordpress_query(url: str) -> str | None:
    """Why a link of the site to WordPress's address by number is broken: the page it named is not there."""
    if "?" not in url:  # (no query: most links of a page, which need no parsing here)
        return None
    parts = _split(url)
    if parts is None or parts.scheme or parts.netloc or not _WORDPRESS_QUERY.search(parts.query):
        return None
    return f"is WordPress's address by number (?{parts.query}), which a static site cannot answer (it shows the home page): link to the article's file"


@functools.lru_cache(maxsize=65536)  # (a page's links are mostly the site's own, on every page: 872,000 links, 20 s)
def _split(url: str) -> SplitResult | None:
    """`urlsplit(url)`, or None for what it refuses: a host in brackets that is no IP address (`http://[site]/x`, a
    template's address an article kept), on which `ssg check --links` stopped with a traceback, and a port that is no
    port (`https://example.org:99999/`), which no browser opens."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - (raises ValueError for a port out of range or not a number)
    except ValueError:
        return None
    return None if parts.port == 0 else parts


def _unsplit(url: str) -> str:
    """Why `_split` refused `url`."""
    try:
        urlsplit(url)
    except ValueError:
        return "is no URL: its host, in brackets, is no IP address (write the address as its site gives it)"
    return "is no URL: its port is not a number from 1 to 65535 (write the address as its site gives it)"


def _port(parts: SplitResult) -> int | None:
    """The port a URL is served on, None for its scheme's own (`https://x:443/` is `https://x/`)."""
    return None if parts.port == {"http": 80, "https": 443}.get(parts.scheme) else parts.port


def site_base_url(folder: Path) -> str | None:
    """The base URL a built site was made for: its home page's canonical URL, if it has one."""
    if not (folder / "index.html").is_file():
        return None
    canonical = _collect(folder / "index.html").canonical
    return canonical if canonical and urlsplit(canonical).scheme in ("http", "https") else None


# A stylesheet's `url(...)` and `@import "..."`, relative to the stylesheet as a browser reads them; read from left to
# right with the comments and the other strings, which are skipped: `content: "url(x.png)"` and `/* url(old.png) */`
# load nothing.
def _css_links(path: Path) -> Iterator[tuple[str, int]]:
    """The files a stylesheet loads (fonts, pictures, other stylesheets), each with its line: a designer's
    `url("../fonts/x.woff2")` to a file that is not there showed only as a fallback font; a reference within an SVG
    document (`url(#clip)`) is none, nor is a `url(...)` written in a comment or a string (`content: "see url(x.png)"`),
    which tinycss2 tells apart."""
    for url, line in _css_urls_and_lines(tinycss2.parse_stylesheet(path.read_text(encoding="utf-8", errors="replace"))):
        if url and not url.startswith("#"):
            yield url, line


def _css_urls(nodes: Iterable) -> Iterator[str]:
    """The URLs parsed CSS names, in order: `url(x)`, `url("x")`, `@import "x"`, within rules, blocks and functions."""
    return (url for url, _ in _css_urls_and_lines(nodes))


def _css_urls_and_lines(nodes: Iterable) -> Iterator[tuple[str, int]]:
    """`_css_urls`, each with the line it is written on."""
    for node in nodes:
        if node.type == "url":
            yield node.value.strip(), node.source_line
        elif node.type == "function" and node.lower_name == "url":
            yield next((arg.value.strip() for arg in node.arguments if arg.type == "string"), ""), node.source_line
        elif node.type == "at-rule" and node.lower_at_keyword == "import":
            yield from ((token.value.strip(), token.source_line) for token in node.prelude[:3] if token.type == "string")
        for inside in ("prelude", "content", "arguments"):
            yield from _css_urls_and_lines(getattr(node, inside, None) or ())


def _other_links(path: Path) -> Iterator[str]:
    """URLs in robots.txt (`Sitemap:`), feeds and sitemaps."""
    if path.name == "robots.txt":
        yield from re.findall(r"(?im)^\s*sitemap:\s*(\S+)", path.read_text(encoding="utf-8", errors="replace"))
        return
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError:
        return
    for element_name, attribute in XML_URLS:
        for element in root.iter(element_name):
            value = element.get(attribute) if attribute else element.text
            if value and value.strip():
                yield value.strip()


def _locate(folder: Path, file: str) -> tuple[str, bool]:
    """The file of the site a link to `file` (a path in `folder`) is answered with, its folder's `index.html` where it
    is a folder, and whether it is there."""
    try:
        if (folder / file).is_dir():
            file = folder_file(file)
        return file, (folder / file).is_file()
    except OSError:  # (a name over 255 bytes, a link of 300 letters: is_dir raised, and the check stopped on that traceback)
        return file, False


_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2}).{0,2}", re.DOTALL)  # a `%` not followed by two hex digits, and what follows


def _check(
    locate: Callable[[str], tuple[str, bool]],
    page: str,
    url: str,
    site_path: str,
    parse: Callable[[str], _Collected],
    report: LinkReport,
) -> tuple[str | None, str]:
    """Why the link `url` of `page` is broken (None if it is not), and the site path it leads to ("" where it does not
    lead into the site). `site_path`: the path the site is served under, decoded (`/архив/`)."""
    if url.startswith(NOT_PUBLISHED):
        target = unquote(url.removeprefix(NOT_PUBLISHED))
        if target.startswith(LISTING_LINKS):  # Pelican's `{tag}name` with no tag page
            return f"links to {target}, which leads to no page of the site (`ssg check` names the line that links it and what to write)", ""
        return (
            f"links to {target}, which is not a published article (`ssg check` names the line that links it and the file likely meant)",
            "",
        )
    parts = _split(url)
    if parts is None:
        return _unsplit(url), ""
    if parts.scheme in ("http", "https") or parts.netloc:
        pages = report.external.setdefault(url, [])
        if not pages or pages[-1] != page:
            pages.append(page)
        return None, ""
    if parts.scheme in NOT_FETCHED:
        return None, ""
    if parts.scheme:
        return f"unknown scheme {parts.scheme!r}", ""
    if "%" in url and (bad := _BAD_ESCAPE.search(url)):  # (a server answers it 400; `unquote` kept it, and found the file)
        return (
            f"is no URL: a '%' not followed by two hex digits ({bad[0]!r}), which a server refuses (a '%' of a file's name is written %25)",
            "",
        )
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(site_path):
            return f"points outside the site's path {site_path}", ""
        target = path[len(site_path) :]
    elif path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/"):
            target += "/"
    else:
        target = page
    if target.startswith("../") or target == "..":
        return "points outside the site", ""
    if target in (".", "./", "/"):
        target = ""
    if target.startswith("./"):
        target = target[2:]
    file, found = locate(output_file(target))
    if not found:
        return f"no such file {file}", target
    if parts.fragment and file.endswith(".html") and unquote(parts.fragment) not in parse(file).ids:
        return f"no element with id {parts.fragment!r} in {file}", target
    return None, target
