"""The one configured Markdown renderer.

Links and images that point at other files under content/ are rewritten to `ssg-ref:` markers
and listed: their final URLs depend on the whole site (the target's date and slug) and on the
page that shows them, so the renderer resolves them at write time (see `urls.resolve_refs`).
Links from the site's root (`/tags/`) get a marker too, to become relative (or absolute in feeds)
like every other link of the site.
"""

from __future__ import annotations

import functools
import html
import importlib
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress
from typing import Any, NamedTuple
from urllib.parse import quote, unquote, urlsplit
from xml.etree import ElementTree

import markdown
from markdown.blockprocessors import BlockProcessor, BlockQuoteProcessor, HashHeaderProcessor, ListIndentProcessor
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.md_in_html import HtmlBlockPreprocessor as HtmlInMarkdownPreprocessor
from markdown.extensions.sane_lists import SaneOListProcessor, SaneUListProcessor
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import NormalizeWhitespace, Preprocessor
from markdown.serializers import BOOLEAN_ATTRIBUTES, _escape_attrib_html, _escape_cdata, _serialize_html, to_html_string
from markdown.treeprocessors import InlineProcessor, Treeprocessor, UnescapeTreeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, INLINE_PLACEHOLDER_RE, STX, AtomicString, Registry
from markupsafe import Markup, escape

from .pelican import link as pelican_link
from .scripts import composed
from .shortcodes import CODE, HTML_TAG, RAW_MARK, ShortcodesExtension, template_tags

# The names of article files: `.markdown` too, as Jekyll writes its posts (`jekyll new`) and Hugo reads them, and the
# other suffixes Pelican reads as Markdown (its MarkdownReader's `.mdown`, `.mkd`, ...), whose articles were left out
# without a word.
ARTICLE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn")
REF_PREFIX = "ssg-ref:"
REF_ARTICLE = REF_PREFIX + "article:"
REF_FILE = REF_PREFIX + "file:"
REF_SITE = REF_PREFIX + "site:"  # a link from the site's root (`/images/logo.png`): made relative like the others
# What a marker's path has escaped (`marked`): what would end it (`#`, a quote) and what HTML writes as an entity in an
# attribute (`&`, `<`, `>`), with `%` so that `urls.unmarked` undoes each exactly. A picture named `Tom & Jerry.jpg`
# was linked as `Tom%20%26amp%3B%20Jerry.jpg` and one named `it's.jpg` left its marker in the page, without a word.
_MARKED = str.maketrans({"%": "%25", "#": "%23", "&": "%26", '"': "%22", "'": "%27", "<": "%3C", ">": "%3E"})
_TO_MARK = re.compile("[%#&\"'<>]")  # (most paths hold none: a search is a fifth of a translate)


def marked(path: str) -> str:
    """`path` as a marker holds it (`_MARKED`)."""
    return path.translate(_MARKED) if _TO_MARK.search(path) else path


# Where a link to an article that is not published leads: nowhere on the page, saying which file it named
# (`#ssg-not-published:2021/x.md`), so that the link check of the built site reports it as broken.
NOT_PUBLISHED = "#ssg-not-published:"
# Each footnote's way back is titled in the page's language at write time (see `render.body_links`).
FOOTNOTE_BACK = "ssg-footnote-back:"
# The extensions and their settings, as the build cache's stamp holds them (so: JSON). `_renderer` adds the function
# that makes heading ids, and ssg's own extensions below (this file's code is stamped too).
EXTENSIONS = (
    ("extra", {"footnotes": {"BACKLINK_TITLE": FOOTNOTE_BACK + "%d"}}),
    ("sane_lists", {}),
    ("toc", {}),
    # What GitHub adds to Markdown, for text pasted from GitHub, Obsidian or a web clipper: ~~struck~~ (a single ~,
    # "~5 km", stays text), bare URLs, www. and e-mail addresses as links (no repository shorthands), - [ ] and - [x].
    ("pymdownx.tilde", {"subscript": False}),
    ("pymdownx.mark", {}),  # ==highlighted== (Obsidian's), as <mark>
    ("pymdownx.magiclink", {"repo_url_shorthand": False, "social_url_shorthand": False}),
    ("pymdownx.tasklist", {}),
)
# The elements a page shows apart from the words around them: a break between words (`<summary>Quokka</summary>Wombat`
# was the one word QuokkaWombat, in summaries and search). Grouped by first letter, as the regex tries each at every
# `<`: the 33 names cost what the 18 before did.
_BLOCK_TAG = re.compile(
    r"</?(?:p(?:re)?|d(?:iv|[ldt]|etails)|h(?:[1-6r]|eader)|l(?:i|egend)|[uo]l|b(?:r|lockquote)|t(?:[rdh]|able)|caption|"
    r"f(?:igure|igcaption|ooter|ieldset)|s(?:ummary|ection)|a(?:rticle|side|ddress)|nav|main)\b[^>]*>",
    re.I,
)
# A footnote's number in the text and its way back ("↩") are links, not words of the article.
_FOOTNOTE_LINKS = re.compile(r'<sup id="fnref[^"]*">.*?</sup>|<a class="footnote-backref"[^>]*>.*?</a>', re.S)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
# What a page never shows of an HTML text: a script's code, a style sheet, a comment (pasted from a news site with its
# ad counters and CSS, whose `background` and `important` found the article in search). To their end tag or the end.
_UNSHOWN = re.compile(r"<(script|style|audio|video|object|canvas|iframe)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)", re.S | re.I)
# (A player's text is for a browser that has none: "Your browser does not support the audio element." was a podcast's
# summary, in its listing, feed, page description and search lead.)
_MAY_HIDE = ("<!--", "<s", "<S", "<audio", "<video", "<object", "<canvas", "<iframe", "<AUDIO", "<VIDEO", "<IFRAME")


@dataclass(frozen=True)
class RenderedBody:
    """A rendered article body and what it points at inside content/."""

    html: str
    first_paragraph: str  # plain text of the first paragraph that has any, the default summary
    excerpt: str  # plain text of what stands before the excerpt separator (`<!--more-->`), the summary then; "" without one
    article_links: tuple[str, ...]  # content-relative .md paths
    files: tuple[str, ...]  # content-relative paths of linked or embedded files
    site_links: tuple[str, ...] = ()  # paths from the site's root (`/images/logo.png` -> images/logo.png), checked once the site is planned
    template_tags: tuple[str, ...] = ()  # the shortcodes, Liquid tags and Obsidian links its text shows (see `template_tags`)
    outside: tuple[str, ...] = ()  # links and images that lead out of content/, as written (no published page reaches there)
    loopback: tuple[str, ...] = ()  # links to this computer (`http://127.0.0.1:8765/...`, the preview's address), as written

    @functools.cached_property
    def text(self) -> str:
        """The plain text, for the search index: made when asked, so a site without search does not pay for it."""
        return plain_text(self.html)


def render_markdown(source: str, article_path: str, excerpt_separator: str | None = None, lead_picture: bool = False) -> RenderedBody:
    """Render `source` (the body of content/`article_path`) to HTML. The summary ends at `excerpt_separator` (Jekyll's
    key of that name), or at `<!--more-->` without one. `lead_picture`: the article has one (`image:`), which the page
    shows above the text, so none of the text's pictures is at the top (`_RefTreeprocessor`)."""
    md = _renderer()
    md.reset()
    refs = md.ssg_refs
    refs.start(article_path, eager_pictures=0 if lead_picture else 1)
    body = md.convert(source)
    tags = template_tags(body)  # (before the marks of `{% raw %}` text go: what they mark is not warned about)
    if RAW_MARK in body:
        body = body.replace(RAW_MARK, "")
    body, excerpt = _excerpt(body, excerpt_separator)
    return RenderedBody(
        html=body,
        first_paragraph=first_paragraph(body),
        excerpt=excerpt,
        article_links=tuple(refs.articles),
        files=tuple(refs.files),
        site_links=tuple(refs.site),
        template_tags=tuple(tags),
        outside=tuple(refs.outside),
        loopback=tuple(refs.loopback),
    )


# Where Hugo, Jekyll and WordPress let an author end the summary; as Hugo reads it, with spaces and in any case.
_MORE_SEPARATOR = re.compile(r"<!--\s*more\s*-->", re.I)


def _excerpt(body: str, separator: str | None) -> tuple[str, str]:
    """`body` (HTML) without its excerpt separator, and the plain text before it ("" without one). A separator in
    code is text; one that is a paragraph of its own goes with its paragraph, one on a line of its own with the line."""
    if separator is None:
        if "<!--" not in body:
            return body, ""
        written = _MORE_SEPARATOR.pattern
    elif separator in body or html.escape(separator, quote=False) in body:
        written = "|".join(map(re.escape, dict.fromkeys([separator, html.escape(separator, quote=False)])))
    else:
        return body, ""
    flags = re.M | (re.I if separator is None else 0)
    pattern = re.compile(rf"<p>\s*(?:{written})\s*</p>\n?|^(?:{written})\n+|(?:{written})", flags)
    code = [match.span() for match in CODE.finditer(body)]
    for found in pattern.finditer(body):
        if not any(start <= found.start() < end for start, end in code):
            return body[: found.start()] + body[found.end() :], plain_text(body[: found.start()])
    return body, ""


def first_paragraph(body: str) -> str:
    """The plain text of the first paragraph of `body` (HTML) that has text, or "".

    An article often opens with a picture: a paragraph of only an image, a linked image or white
    space reads as nothing, and a summary made of it would leave the page description empty. So does one of only
    Obsidian's embeds (`![[Pasted image 2024.png]]`), which shows as text: it was a vault's notes' description."""
    texts = (plain_text(match.group(1)) for match in _PARAGRAPH.finditer(body))
    return next((text for text in texts if text and not _EMBEDS_ALONE.fullmatch(text)), "")


_EMBEDS_ALONE = re.compile(r"(?:!\[\[[^\[\]]+\]\]\s*)+")


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment as a page shows it, with whitespace collapsed and without footnote links."""
    if "fnref" in fragment:
        fragment = _FOOTNOTE_LINKS.sub("", fragment)
    if any(map(fragment.__contains__, _MAY_HIDE)):
        fragment = _UNSHOWN.sub(" ", fragment)
    return " ".join(html.unescape(HTML_TAG.sub("", _BLOCK_TAG.sub(" ", fragment))).split())


_ONE_PARAGRAPH = re.compile(r"<p>(.*)</p>", re.S)
# What inline Markdown cannot be without: a text holding none of these is printed as it is.
_INLINE_MARKS = re.compile(r"[*_`\[<~&\\]|://|www\.|@")


def markdownify(value: Any) -> Markup:
    """The `markdownify` filter: `inline_markdown` of a text; nothing for an empty or missing value (a key of
    `article.extra` one article lacks), as Hugo's filter gives."""
    return inline_markdown(str(value)) if value is not None and str(value) else Markup("")


@functools.lru_cache(maxsize=4096)
def inline_markdown(text: str) -> Markup:
    """A short text of the front matter (a rights notice, an image's caption) with its inline Markdown as HTML: a
    licence's link, emphasis. Always one line of text, never a block: "1961. *Vostok*" is no list, "# 5" no heading,
    and line breaks are spaces. Cached: the same notice stands on thousands of pages. Its links are written as given
    (an absolute URL works on every page)."""
    text = " ".join(text.split())
    if not _INLINE_MARKS.search(text):
        return escape(text)
    made = _inline_renderer().reset().convert(text)
    one = _ONE_PARAGRAPH.fullmatch(made)
    return Markup(one[1] if one else made)


def inline_text(text: str | None) -> str | None:
    """What `inline_markdown` shows of `text`, as plain text: a feed's <rights>, JSON-LD's copyrightNotice."""
    return plain_text(inline_markdown(text)) if text else text


@functools.cache
def _inline_renderer() -> markdown.Markdown:
    """The body's extensions (GitHub's ~~, bare URLs) without its own (headings' ids, links to articles), and without
    HTML: such a text was always printed as text (`<` as `&lt;`), and an unclosed tag in it would break the page."""
    configs = {name: dict(config) for name, config in EXTENSIONS if name != "toc"}
    md = markdown.Markdown(extensions=_extensions(configs), output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    for name in [item.name for item in md.parser.blockprocessors._priority if item.name != "paragraph"]:  # noqa: SLF001
        md.parser.blockprocessors.deregister(name)  # (one line is one paragraph: no list, heading, quote or rule)
    md.treeprocessors.register(_ScriptLinksOut(md), "ssg_script_links_out", 0)  # (after inline's links: 20)
    return md


def is_script_url(url: str) -> bool:
    """Whether a link's URL runs code where it is followed (`javascript:alert(1)`, `vbscript:`, a `data:` page), as a
    browser reads its scheme: past leading spaces and control characters, and tabs and newlines within it, in any case
    (spaces within are dropped too: such a URL is no web address either)."""
    return _SCRIPT_SCHEME.match(_UNREAD.sub("", url[:64])) is not None


_UNREAD = re.compile(r"[\x00-\x20]")  # what a browser skips of a URL's scheme (C0 controls, the space)
_SCRIPT_SCHEME = re.compile(r"(?:javascript|vbscript|data):", re.I)


class _ScriptLinksOut(Treeprocessor):
    """A front matter's short texts show no HTML (a pasted `<img onerror>` is text there), and no link that runs code
    either: `[credit](javascript:alert(1))` in an image's credit, a rights notice or the footer ran a contributor's
    script in every reader's browser that clicked it. Such a link is its text alone (`content` warns of it)."""

    def run(self, root):
        for element in root.iter("a"):
            if is_script_url(element.get("href", "")):
                del element.attrib["href"]


@functools.cache
def _renderer() -> markdown.Markdown:
    # One Markdown object per process: building it costs far more than rendering a page.
    refs = _RefCollector()
    configs = {name: dict(config) for name, config in EXTENSIONS}
    configs["toc"]["slugify"] = _heading_id
    md = markdown.Markdown(
        extensions=[*_extensions(configs), _GitHubExtension(), ShortcodesExtension(), _RefExtension(refs)],
        output_format="html",
    )
    md.ssg_refs = refs  # type: ignore[attr-defined]
    _quicker_preprocessors(md)
    if {item.name for item in md.inlinePatterns._priority} <= _KNOWN_INLINE_PATTERNS:  # noqa: SLF001 (the registry lists no names otherwise)
        md.treeprocessors.register(_PlainTextSkippingInline(md), "inline", 20)
    if {item.name for item in md.parser.blockprocessors._priority} == _KNOWN_BLOCK_PROCESSORS:  # noqa: SLF001
        md.parser.blockprocessors.register(_PlainParagraph(md.parser), "ssg_plain_paragraph", 1000)
    md.parser.blockprocessors = _ListedRegistry(md.parser.blockprocessors)
    md.is_block_level = _BlockLevelTags(md).__getitem__  # type: ignore[method-assign]
    if md.serializer is to_html_string:
        md.serializer = _HtmlSerializer()
    return md


def _extensions(configs: dict[str, dict[str, Any]]) -> list[Extension]:
    """The extensions `EXTENSIONS` names, made as Markdown makes them of their names (a module's `makeExtension`), in
    their order; `extra` as the extensions it stands for, each with its part of `extra`'s settings, in its order, as it
    registers them. Given names, Markdown first looks each up among the entry points of every installed package
    (importlib.metadata and the email package it reads them with, imported and gone through: 25-30 ms of every process
    that reads an article, a one-edit build's among them); the same objects, so the same HTML."""
    made: list[Extension] = []
    for name, config in configs.items():
        module = importlib.import_module(name if "." in name else f"markdown.extensions.{name}")
        if name == "extra":
            made += (
                importlib.import_module(f"markdown.extensions.{part}").makeExtension(**config.get(part, {})) for part in module.extensions
            )
        else:
            made.append(module.makeExtension(**config))
    return made


class _HtmlSerializer(dict):
    """Python-Markdown's serializer to HTML (`serializers.to_html_string`), which every article's tree goes through
    (3% of its reading): an element whose tag is a text goes the same way here without the library's queue of every
    element, end tag and tail, its tests of each for a comment, a processing instruction, a tag without a name or a
    qualified one, and three lower-cased copies of its tag; any other element (and any deeper than `DEEPEST`, where the
    library's loop needs no stack of calls) the library writes, with what it holds and its tail, as it does inside a
    whole tree. As a mapping: each tag's (whether its text is written as it is, whether it has no end tag)."""

    DEEPEST = 100

    def __call__(self, element: ElementTree.Element) -> str:
        written: list[str] = []
        self.write(written.append, element, 0)
        return "".join(written)

    def __missing__(self, tag: str) -> tuple[bool, bool]:
        self[tag] = kind = (tag.lower() in ("script", "style"), tag.lower() in ElementTree.HTML_EMPTY)
        return kind

    def write(self, write: Callable[[str], None], element: ElementTree.Element, depth: int) -> None:
        tag = element.tag
        if type(tag) is not str or depth > self.DEEPEST:
            _serialize_html(write, element, "html")
            return
        items = element.items()
        write(f"<{tag}{_html_attributes(items)}>" if items else f"<{tag}>")
        raw, empty = self[tag]
        if text := element.text:
            write(text if raw else _escape_cdata(text) if "&" in text or "<" in text or ">" in text else text)
        for child in element:
            self.write(write, child, depth + 1)
        if not empty:
            write(f"</{tag}>")
        if tail := element.tail:
            write(_escape_cdata(tail) if "&" in tail or "<" in tail or ">" in tail else tail)


def _html_attributes(items: list[tuple[Any, Any]]) -> str:
    """An element's attributes as Python-Markdown's serializer writes them: in order of their names, a qualified name
    or value as its text, one without a value (None) as its name alone, a boolean one (`checked="checked"`) too."""
    written = []
    for name, value in sorted(items):
        name = name.text if isinstance(name, ElementTree.QName) else name
        value = value.text if isinstance(value, ElementTree.QName) else value
        if value is None:
            written.append(f" {name}")
            continue
        value = _escape_attrib_html(value)
        written.append(f" {value}" if name == value and name in BOOLEAN_ATTRIBUTES["html"] else f' {name}="{value}"')
    return "".join(written)


class _BlockLevelTags(dict):
    """Python-Markdown's `Markdown.is_block_level` (whether an element of a tag is a block), each tag's answer kept:
    the library looks a lower-cased copy of the tag up in its list of 60 names, 6,000 instructions a call, and its
    treeprocessors ask it of every element of every article, the prettify one three times (50 calls an article).
    The list is made as the extensions register, and not changed once the renderer is made."""

    def __init__(self, md: markdown.Markdown):
        super().__init__()
        self.ask = md.is_block_level

    def __missing__(self, tag: Any) -> bool:
        self[tag] = answer = self.ask(tag)
        return answer


class _ListedRegistry(Registry):
    """A registry of Python-Markdown (the parser's block processors) that lists its items once, until one is registered
    or removed: the parser asks for the list at every block (17 of them in a news article), and the library's
    registry made a new one each time, sorted again."""

    def __init__(self, items: Registry):
        super().__init__()
        self._listed: list | None = None
        for item in list(items._priority):  # noqa: SLF001 (the registry lists no places otherwise; a lookup sorts them)
            self.register(items[item.name], item.name, item.priority)

    def register(self, item: Any, name: str, priority: float) -> None:
        self._listed = None
        super().register(item, name, priority)

    def deregister(self, name: str, strict: bool = True) -> None:
        self._listed = None
        super().deregister(name, strict)

    def __iter__(self) -> Iterator[Any]:
        if self._listed is None:
            self._listed = list(super().__iter__())
        return iter(self._listed)


class _NormalizeWhitespace(NormalizeWhitespace):
    """Python-Markdown's first step, without the passes that find nothing: a text without tabs is not expanded, one
    without a space at a line's end is not searched for lines of spaces alone (a regular expression over the whole
    text, which looks behind at every character: 5% of an article's reading). The same text comes out."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if STX in source or ETX in source:
            source = source.replace(STX, "").replace(ETX, "")
        if "\r" in source:
            source = source.replace("\r\n", "\n").replace("\r", "\n")
        source += "\n\n"
        if "\t" in source:
            source = source.expandtabs(self.md.tab_length)
        if " \n" in source:  # (what a line of spaces alone ends with)
            source = _SPACES_LINE.sub("\n", source)
        return source.split("\n")


_SPACES_LINE = re.compile(r"(?<=\n) +\n")  # (NormalizeWhitespace's)


class _SkippedWithout(Preprocessor):
    """A preprocessor of Python-Markdown run only on a text that holds one of the strings it looks for (`needs`): the
    fenced blocks' (a regular expression over the whole text), or the HTML blocks' (an HTML parser fed the whole text,
    which hands back a text without `<` or `&` as it is). Others get what it gives for a text it leaves as it is."""

    def __init__(self, md: markdown.Markdown, inner: Preprocessor, needs: tuple[str, ...]):
        super().__init__(md)
        self.inner, self.needs = inner, needs

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if any(map(source.__contains__, self.needs)):
            return self.inner.run(lines)
        return source.split("\n")


# Python-Markdown's preprocessors that `_SkippedWithout` may skip, and what each cannot do anything without.
_PREPROCESSOR_NEEDS = {
    "fenced_code_block": (FencedBlockPreprocessor, ("```", "~~~")),
    "html_block": (HtmlInMarkdownPreprocessor, ("<", "&")),
}


def _quicker_preprocessors(md: markdown.Markdown) -> None:
    """Python-Markdown's own preprocessors (and its unescaping and the toc extension's treeprocessors), where they are
    the known ones, replaced by quicker ones of the same output (tests/test_markdown.py renders documents of every kind
    both ways)."""
    places = _places(md.preprocessors)
    if type(md.preprocessors["normalize_whitespace"]) is NormalizeWhitespace:
        md.preprocessors.register(_NormalizeWhitespace(md), "normalize_whitespace", places["normalize_whitespace"])
    for name, (kind, needs) in _PREPROCESSOR_NEEDS.items():
        if name in places and type(md.preprocessors[name]) is kind:
            md.preprocessors.register(_SkippedWithout(md, md.preprocessors[name], needs), name, places[name])
    if type(md.treeprocessors["unescape"]) is UnescapeTreeprocessor:
        md.treeprocessors.register(_UnescapeWhereEscaped(md), "unescape", _places(md.treeprocessors)["unescape"])
    toc = next((ext for ext in md.registeredExtensions if type(ext) is TocExtension), None)
    if toc is not None and type(md.treeprocessors["toc"]) is TocTreeprocessor:
        place = next(item.priority for item in md.treeprocessors._priority if item.name == "toc")  # noqa: SLF001
        md.treeprocessors.register(_TocWhereMarked(md, toc.getConfigs()), "toc", place)


def _places(registry: Registry) -> dict[str, float]:
    """The place (priority) of each item of one of Python-Markdown's registries, by name: to put another in its place."""
    return {item.name: item.priority for item in registry._priority}  # noqa: SLF001 (the registry lists no places otherwise)


class _UnescapeWhereEscaped(UnescapeTreeprocessor):
    """Python-Markdown's last treeprocessor, which puts back the characters escaped with a backslash (`\\*`, kept as
    STX, their number, ETX): it ran a regular expression over every text and tail of the tree, 40 of them in an
    article; only those that hold an STX are searched now (the same text comes out of the others)."""

    def unescape(self, text: str) -> str:
        return super().unescape(text) if STX in text else text


class _TocWhereMarked(TocTreeprocessor):
    """The toc extension's treeprocessor (the headings' ids, and the table of contents where the text asks for one),
    which looked for its marker (`[TOC]`) by joining the text of each element's whole subtree, for every element of
    every document: it now looks only in a document whose text holds the marker somewhere. And only there is the
    table made: the library made it for every document (its elements, laid out by the prettify treeprocessor, written
    as HTML and through every postprocessor, for `md.toc`, which ssg never reads), where no marker places it."""

    marked = False  # the document holds the marker somewhere (set for each document by `run`)

    def run(self, doc: ElementTree.Element) -> None:
        # (The headings' ids that the library's loop sets before it makes the table change no text.)
        self.marked = bool(self.marker) and any(self.marker in text for text in doc.itertext())
        super().run(doc)

    def build_toc_div(self, toc_list: list) -> ElementTree.Element:
        return super().build_toc_div(toc_list) if self.marked else ElementTree.Element("div")

    def replace_marker(self, root: ElementTree.Element, elem: ElementTree.Element) -> None:
        if self.marked:  # (the library replaces an element whose text is the marker)
            super().replace_marker(root, elem)


_NOT_IN_ID = re.compile(r"[^\w\- ]")


# The ids the default theme gives elements of its pages (base.html's and the templates' own): a heading "Main" got
# `id="main"` beside the page's <main id="main">, and its table of contents' link led to the page's top (a rich
# author's trial). Such a heading's id is the name and `_1`, as the second of two headings of one name is.
THEME_IDS = frozenset(
    {
        "main",
        "latest-title",
        "mentions-title",
        "not-found-q",
        "period-parts-title",
        "search-heading",
        "search-help",
        "search-lang",
        "search-more",
        "search-page",
        "search-page-q",
        "search-q",
        "search-results",
        "search-status",
        "search-strings",
    }
)


def heading_id(text: str) -> str:
    """The id of a heading of `text` (`_heading_id`), for a message that writes a link to it."""
    return _heading_id(text, "-")


def _heading_id(text: str, separator: str) -> str:
    """A heading's id as GitHub makes it: lower case, letters of any script kept, punctuation dropped, each space a
    hyphen (`## Итоги года` -> `итоги-года`, `## Roscosmos — NASA` -> `roscosmos--nasa`), so the links writers copy
    from there (`other.md#итоги-года`) work; never one of the page's own (`THEME_IDS`)."""
    del separator  # (always "-")
    made = _NOT_IN_ID.sub("", text.strip().lower()).replace(" ", "-") or "section"
    return f"{made}_1" if made in THEME_IDS else made


# The inline patterns of Python-Markdown, its `extra` extension and pymdownx's (names across versions), and what
# each cannot match without: a text holding none of a pattern's strings is not searched by it, and a
# text holding none of them at all by no pattern.
_PATTERN_NEEDS = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[^",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "backslash_break": ("\\\n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
    "not_strong": ("*", "_"),
    "strong_em": ("*", "_"),
    "strong": ("*", "_"),
    "emphasis": ("*", "_"),
    # pymdownx: `tilde` (~~ only, its subscript is off), `magiclink` (http://, ftp://, www. in any case, a@b.org).
    # "delimiter" is the name of pymdownx's one pattern for ~, ^ and ==: with `caret` or `mark`, add their strings.
    "delimiter": ("~~", "=="),
    "magic-link": ("://", "ww.", "wW.", "Ww.", "WW."),
    "magic-mail": ("@",),
}
_KNOWN_INLINE_PATTERNS = frozenset(_PATTERN_NEEDS)
_NEEDED = {needed for needs in _PATTERN_NEEDS.values() for needed in needs}
# What any pattern needs (less those holding another: `![` holds `[`): a text holding none of them is searched by none.
# Looked for one by one, each a quick scan in C: a regular expression of them all tried each at every character of
# every text, a twentieth of an article's reading.
_INLINE_TRIGGERS = tuple(sorted((n for n in _NEEDED if not any(o != n and o in n for o in _NEEDED)), key=lambda n: (len(n), n)))
# The patterns of links and images to the document's references (`[text][id]`, `[id]`): where it defines none, each
# would read every bracket's text and find no reference of its name, and leave the text as it is.
_NEEDED_IN_ORDER = tuple(sorted(_NEEDED))  # (each text's strings, told as one flag each: `bytes(map(...))`)
_BY_REFERENCE = ("reference", "image_reference", "short_reference", "short_image_ref")


class _PlainTextSkippingInline(InlineProcessor):
    """Python-Markdown's inline processor, which tries each of its patterns on a text in turn: most
    texts of a news article (a paragraph of prose, a heading) hold none of the characters any
    pattern starts with, and are handed back as they are without trying them (a third of the
    Markdown time of an archive). The others are searched only by the patterns whose characters
    they hold: a text with a link is not searched for code, emphasis or entities. Used only while
    the registered patterns are the known ones; the output is the same either way (tested on
    every kind of inline markup and on random texts)."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.needs = {md.inlinePatterns[name]: needs for name, needs in _PATTERN_NEEDS.items() if name in md.inlinePatterns}
        self.triggers = _INLINE_TRIGGERS
        self.needed = _NEEDED_IN_ORDER
        self.by_reference = frozenset(md.inlinePatterns[name] for name in _BY_REFERENCE if name in md.inlinePatterns)
        # (the strings a text holds, the first pattern it may go through, whether the document defines references) ->
        # the patterns (and their places) it goes through; the same few combinations come back in every article.
        self.tried: dict[tuple[bytes, int, bool], tuple[tuple[int, Any], ...]] = {}

    def run(self, tree: ElementTree.Element, ancestors: list[str] | None = None) -> ElementTree.Element:
        # Each pattern with what it needs, in the registry's order: asked of the registry, a pattern's lookup cost as
        # much as its test, 24 of them for every text with a link.
        patterns = [(pattern, self.needs.get(pattern), pattern in self.by_reference) for pattern in self.inlinePatterns]
        if patterns != getattr(self, "patterns", None):
            self.patterns = patterns
            self.tried.clear()  # (told of the patterns before)
        # The texts no pattern can match (most of an article's paragraphs) are passed over by the library's loop, as it
        # passes over an AtomicString, then given back as they were: it would take each out of its element, run it
        # through `__handleInline` (which gives it back as it is) and put it back, 2-3 µs a text. (Below the root only:
        # the library leaves the root's own text alone. Tails are few before inline patterns run: they take the long way.)
        plain = [
            (element, text)
            for element in tree.iter()
            if element is not tree and (text := element.text) and type(text) is str and not any(map(text.__contains__, self.triggers))
        ]
        for element, text in plain:
            element.text = AtomicString(text)
        try:
            return super().run(tree, ancestors)
        finally:
            for element, text in plain:
                element.text = text

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803 (the library's names)
        """The library's loop over the patterns from `patternIndex` on, each tried until it no longer matches; a pattern
        whose strings `data` does not hold (or one of references, where the document defines none) is passed over as
        one that does not match.

        Which patterns those are is told at once, by the strings the text holds (`tried`), and told again only once a
        pattern has matched, which puts a placeholder (STX, letters, digits, ETX) for what it matched: a link's text
        and URL gone, its "://" leads no pattern after it to search the text. (Asked pattern by pattern, 15 times for
        each text, the tests were 3% of an article's reading.)"""
        if isinstance(data, AtomicString) or patternIndex == 0 and not any(map(data.__contains__, self.triggers)):
            return data
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        tried, place = self._tried(data, patternIndex), 0
        while place < len(tried):
            index, pattern, needs = tried[place]
            data, matched, start = apply(pattern, data, index, 0)
            if not matched:
                place += 1
                continue
            while matched and (needs is None or any(map(data.__contains__, needs))):  # (tried again where it stopped)
                data, matched, start = apply(pattern, data, index, start)
            tried, place = self._tried(data, index + 1), 0
        return data

    def _tried(self, data: str, first: int) -> tuple[tuple[int, Any, tuple[str, ...] | None], ...]:
        """The patterns from the `first` on (with their places and what they need) that `data` may match."""
        key = (bytes(map(data.__contains__, self.needed)), first, bool(self.md.references))
        tried = self.tried.get(key)
        if tried is None:
            if len(self.tried) >= 4096:  # (a bound, for texts of every kind of markup: a few dozen come back in practice)
                self.tried.clear()
            held = set(compress(self.needed, key[0]))
            tried = self.tried[key] = tuple(
                (index, pattern, needs)
                for index, (pattern, needs, by_reference) in enumerate(self.patterns)
                if index >= first and (needs is None or not held.isdisjoint(needs)) and (key[2] or not by_reference)
            )
        return tried


# The block processors of Python-Markdown with `extra` and `sane_lists` (and ssg's lists, below). Each looks for something a
# line starts with (after up to three spaces: # > * + - = _ : [ or a digit of any script), a block
# that starts indented, is empty or only white space, a "|" (tables) or the placeholder of stashed
# HTML; a block with none of these is a paragraph.
_KNOWN_BLOCK_PROCESSORS = frozenset(
    [
        "markdown_block",
        "empty",
        "indent",
        "defindent",
        "code",
        "table",
        "hashheader",
        "setextheader",
        "hr",
        "olist",
        "ulist",
        "deflist",
        "quote",
        "footnote",
        "abbr",
        "reference",
        "list_after_paragraph",
        "paragraph",
    ]
)
_LINE_MARKS = frozenset("#>*+-=_:[")  # what a line of another block starts with, after up to three spaces (or a digit)


def _plain_lines(block: str) -> bool:
    """Whether no line of `block` starts, after up to three spaces, with one of `_LINE_MARKS` or a digit of any script
    (`str.isdecimal`: the digits of `\\d`), and it holds no `|` and no placeholder of stashed HTML. (A regular
    expression of that, with `^` at every line, tried it at every character: 5% of an article's reading.)"""
    if "|" in block or "\x02" in block or "\x03" in block:
        return False
    for line in block.split("\n") if "\n" in block else (block,):
        first = line[:4].lstrip(" ")[:1]
        if first and (first in _LINE_MARKS or first.isdecimal()):
            return False
    return True


class _PlainParagraph(BlockProcessor):
    """A block of prose becomes a paragraph at once: Python-Markdown would first try each of its
    sixteen other block processors on it (about a fifth of an article's Markdown time). The test is
    the union of theirs, so every other block goes the usual way; the paragraph made is the one
    `ParagraphProcessor` makes outside a tight list. Used only with the known processors (tested:
    the same HTML for every kind of block, and for random documents built of their markers)."""

    def test(self, parent: ElementTree.Element, block: str) -> bool:
        # (A block of only no-break spaces and the like is no paragraph: ParagraphProcessor drops it.)
        plain = block[:1] not in ("", " ", "\n") and not block.isspace() and _plain_lines(block)
        return plain and not self.parser.state.isstate("list")

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> None:
        ElementTree.SubElement(parent, "p").text = blocks.pop(0).lstrip()


# Lists as CommonMark (GitHub, Obsidian, Hugo) reads them, where Python-Markdown reads them otherwise. Only the lists
# change: indented code, paragraphs and the tab length stay Python-Markdown's.
# An item that starts on the line after a paragraph's: of a bullet list, or of a numbered list from 1 (CommonMark lets
# no other number interrupt a paragraph: "2021. That year" on a line of its own is still the sentence).
_LIST_AFTER_TEXT = re.compile(r"\n[ ]{0,3}(?:[*+-]|1\.)[ ]+\S")


class _ListIndents(Preprocessor):
    """What belongs to a list item, as CommonMark (GitHub, Obsidian, Hugo) reads it, moved to where Python-Markdown
    reads it there: four spaces a level (`_reindented`).

    CommonMark puts a line in an item when it is indented as far as the item's text (two spaces after `- `, three
    after `1. `), after a blank line too, and nests an item under the one whose text it starts at or after;
    Python-Markdown wants four spaces a level. So `1. Install:` / blank / `   more` kept `more` out of the list, and a
    fenced block there was not one at all (its lines ran into a paragraph). A fenced block indented (in an item, or
    up to three spaces anywhere) or in a quote becomes fenced code as Python-Markdown's own extension makes it, where
    the block stood (`_fenced`); one at the margin is left to that extension. Code and HTML blocks stay as written."""

    def run(self, lines: list[str]) -> list[str]:
        if not any(line[:1] in _STARTS for line in lines):
            return lines  # no line is indented, quoted, a table's or an item's: nothing for it to do
        return _reindented(lines, self._fenced, self.md.is_block_level)

    def _fenced(
        self, lines: list[str], start: int, indent: int, fence: re.Match[str], column: int, in_item: bool, unclosed: dict
    ) -> tuple[list[str], int] | None:
        """The block of `fence` (`_FENCE`'s, or `_QUOTED_FENCE`'s in a quote), which opens on `lines[start]` (indented
        `indent`, in an item whose text is at `column`): the lines that stand for it (as indented as the block was) and
        the index of the line after it; None when it is no block (never closed in its item, or an opening the fence
        extension does not take). The extension makes it, from the lines without their indent and quote marks (a
        quote's lines keep them); a block at the margin is left to it as it is (its lines are code)."""
        if ("rejected", lines[start]) in unclosed:
            return None
        quoted = fence.re is _QUOTED_FENCE
        marks, mark = (fence[1], fence[2]) if quoted else ("", fence[1])
        end = (
            _quoted_fence_end(lines, start, fence, indent, unclosed)
            if quoted
            else _fence_end(lines, start, fence, indent, column, unclosed)
        )
        if end is None:
            return None
        if quoted:
            body = [text[indent + len(marks) :] for text in lines[start:end]]
        elif not indent:
            return lines[start : end + 1], end + 1
        else:
            body = [text[min(indent, len(text) - len(text.lstrip(" "))) :] for text in lines[start:end]]
        made = self.md.preprocessors["fenced_code_block"].run([*body, mark])
        if body[0] in made:
            unclosed["rejected", lines[start]] = True  # (and not asked again: many such openings took each to the end)
            return None  # (not a block to the extension: an opening it does not take, `{attrs}` unclosed)
        made = [text for text in made if text]
        # Set apart from the text around, as at the margin: in a quote, from the quote's text only (a blank line of the
        # quote after its last would end the code's paragraph in a newline, and the code stay in it); in an item, not
        # at all (a blank line would loosen a tight list: `_CodeOutOfParagraphs` takes it out of a loose one's text).
        if marks:
            quote = marks.rstrip()
            before = lines[start - 1][indent:].startswith(quote) if start else False
            after = lines[end + 1][indent:].startswith(quote) if end + 1 < len(lines) else False
            ends = not after and end + 1 < len(lines) and bool(lines[end + 1].strip())  # (text after it is not the quote's)
            return [quote] * before + [marks + text for text in made] + [quote] * after + [""] * ends, end + 1
        return made if in_item else ["", *made, ""], end + 1


class _Item(NamedTuple):
    """An open list item, as `_reindented` reads the text."""

    column: int  # of its text
    moved: int  # how far its line moved
    marker: int  # the column of its marker
    ordered: bool


def _reindented(lines: list[str], fenced: Callable | None = None, block_level: Callable[[str], bool] | None = None) -> list[str]:
    """`lines` with each list item's lines moved to four spaces a level (see `_ListIndents`), and with `fenced`, its
    fenced blocks made (`_ListIndents._fenced`); with `block_level` (is a tag's name a block's), HTML blocks copied
    as they are. A list block alone (in a quote, a footnote, a definition: `_NestingOListProcessor`) takes neither.

    Each line moves with what it belongs to: an item's line to four spaces for each item it is in; a block after a
    blank line in an item, to the item's four spaces (`_shift`: code keeps its indent past them), the block's lines
    with it; a line of text that goes on a block, with the innermost item whose text it reaches. Where CommonMark
    starts a block without a blank line, and Python-Markdown would read the line as more of the block before, a blank
    line is put before it: an item after a block in an item (`- b`, blank, `  c`, then `- d`), an item of the other
    kind (`- b` then `1. c`), a line less indented than the indented code above it, a heading, quote, fence or
    rule less indented than the text of the item above it, a quote in an item's text, and a table after a line of
    text (its header row, then a row of dashes)."""
    out: list[str] = []
    items: list[_Item] = []  # the open items, outermost first
    shift, column = 0, 0  # how far the current block's lines move; the text column of the item the block is in
    block_start, code = True, False  # the line follows a blank line (or starts the text); the block is indented code
    continued = False  # the block is in an item and opened with no item's line (text, code, a quote after a blank line)
    depth = 0  # how many items the block is in
    first = " "  # the block's first line, stripped (with `>`, a quote; with `|`, a table)
    unclosed: dict[tuple, Any] = {}  # (see `_fence_end`, `_ListIndents._fenced`)
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip(" ")
        if not stripped:
            out.append(line)
            block_start, index = True, index + 1
            continue
        indent = len(line) - len(stripped)
        if not block_start and items and indent < column:
            if block_level and (html := _html_block_end(lines, index, stripped, block_level)) is not None:
                out.extend(lines[index:html])  # (an HTML block ends the list: its lines are the HTML's, as written)
                items, index, shift, column, continued = [], html, 0, 0, False
                continue
            if code and indent - column < 4 or not code and _INTERRUPTS.match(stripped):
                out.append("")  # (the code ends; a heading, quote, fence or rule ends the item's text)
                block_start = True
        elif not block_start and not items and block_level and (html := _html_block_end(lines, index, stripped, None)):
            out.extend(lines[index:html])  # (a <pre>, a comment after a line of text: their lines are the HTML's, as written)
            index, shift, column, continued = html, 0, 0, False
            continue
        elif not block_start and code and items and indent - column < 4:
            out.append("")  # (a line less indented than the code in the item ends it)
            block_start = True
        elif (
            not block_start
            and not code
            and (items and stripped[0] == ">" != first[0] or first[0] != "|" and _table_starts(lines, index, stripped))
        ):
            out.append("")  # (a quote in an item's text, a table after a line of text: blocks of their own, as on GitHub)
            block_start = True
        if block_start:
            while items and indent < min(items[-1].column, items[-1].marker + 4):
                items.pop()  # the line starts before their text: they are closed
            depth, first = len(items), stripped  # (a quote's or a table's first line: the lines after it are the quote's, the table's)
            code = indent - (items[-1].column if items else 0) > 3  # (indented code, in an item or not: no marker or fence in it)
            if not items and indent < 4 and block_level and (html := _html_block_end(lines, index, stripped, block_level)) is not None:
                out.extend(lines[index:html])  # (an HTML block: its lines are the HTML's, as written)
                index, shift, column, continued = html, 0, 0, False
                continue
        fence = item = quoted = None
        if not code:
            fence = _FENCE.match(stripped)
            item = _ITEM.match(stripped) if fence is None and not _RULE.match(stripped) else None
            quoted = _QUOTED_FENCE.match(stripped) if stripped[0] == ">" and fenced else None
        sibling = None
        if item or fence:
            kept = len(items)  # the items the line is in
            while kept and indent < min(items[kept - 1].column, items[kept - 1].marker + 4):
                kept -= 1
            sibling = items[kept] if kept < len(items) else None  # (the item before this one at its level, if it is one)
            if indent - (items[kept - 1].column if kept else 0) > 3:  # (an item's text, four past it: no marker or fence)
                item = fence = None
            # A list may interrupt text with a bullet or 1. only (see `_LIST_AFTER_TEXT`); out of an item's text (less
            # indented: it is no more of it), with any number.
            if item and not (block_start or item[1] in ("-", "*", "+", "1.") or (items and indent < items[-1].column)):
                item = None
            if item or fence:
                del items[kept:]  # (they are closed)
        if item:
            ordered = item[1][0].isdigit()
            if not block_start and (continued or len(items) < depth or (sibling is not None and sibling.ordered != ordered)):
                out.append("")  # (an item after a block of an item's, or out of the item the block is in; a list of the other kind)
                depth = len(items)
            shift = 4 * len(items) - indent if items else 0
            spaces = len(item[2])
            column = indent + len(item[1]) + (spaces if 0 < spaces <= 4 else 1)
            items.append(_Item(column, shift, indent, ordered))
            continued = False
        elif block_start or fence or quoted:
            shift, column = _shift(indent, items), items[-1].column if items else 0
            continued = continued if not block_start else bool(items)
        elif not code and indent < column:  # (text that goes on a block, less indented than its first line's item)
            shift = next((item.moved for item in reversed(items) if item.column <= indent), 0)
        block_start = False
        container = min(items[-1].column, items[-1].marker + 4) if items else 0  # (where the item's lines may be, at the least)
        made = fenced(lines, index, indent, fence or quoted, container, bool(items), unclosed) if fenced and (fence or quoted) else None
        if made is not None:
            block, index = made
            out.extend(" " * (indent + shift) + text if text.strip() else text for text in block)
            continue
        out.append(" " * max(0, indent + shift) + stripped if shift else line)
        index += 1
    return out


# What `_reindented` takes for an item's line (as the list processors do), a fence's opening, a rule, an HTML block.
_ITEM = re.compile(r"([*+-]|\d+\.)( +|$)")
_STARTS = frozenset(" >|*+-0123456789")  # what a line `_reindented` may change starts with (`_ListIndents.run`)
_FENCE = re.compile(r"(`{3,}(?=[^`]*$)|~{3,})")
_RULE = re.compile(r"([-*_])(?: *\1){2,} *$")
_QUOTED_FENCE = re.compile(r"((?:> ?)+)(`{3,}(?=[^`]*$)|~{3,})")  # a fence in a quote: the quote's marks, the fence's
_INTERRUPTS = re.compile(r"#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,}|([-*_])(?: *\1){2,} *$")  # what ends an item's text less indented
_HTML_START = re.compile(r"<(?:(pre|script|style|textarea)(?=[\s>]|$)|(!--)|/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$))", re.I)


def _table_starts(lines: list[str], index: int, stripped: str) -> bool:
    """Whether a table's header row is `lines[index]`: a row of cells between pipes, then a row of dashes."""
    return stripped[0] == "|" and index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1]) is not None


_TABLE_RULE = re.compile(r" *\|(?: *:?-+:? *\|)+ *$|(?: *:?-+:? *\|)+ *:?-+:? *$")  # |---|:--:| or ---|---


def _html_block_end(lines: list[str], start: int, stripped: str, block_level: Callable[[str], bool] | None) -> int | None:
    """The index after the HTML block that opens on `lines[start]`, or None when none does: as CommonMark ends one,
    `<pre>`, `<script>`, `<style>` and `<textarea>` at their closing tag, a comment at `-->`, another block's tag
    (`<div>`, `<table>`; `block_level` tells them) at a blank line. Without `block_level`, only the first kinds: right
    after a line of text, which only they end, or in code's search for what is written as it is (`_code_lines`)."""
    found = _HTML_START.match(stripped) if stripped[0] == "<" else None
    if found is None:
        return None
    if found[1] or found[2]:
        close = "-->" if found[2] else f"</{found[1].lower()}>"
        return next((n + 1 for n in range(start, len(lines)) if close in lines[n].lower()), len(lines))
    if block_level is None or not block_level(found[3].lower()):
        return None
    return next((n for n in range(start, len(lines)) if not lines[n].strip()), len(lines))


def _shift(indent: int, items: list[_Item]) -> int:
    """How far a block indented `indent` in the innermost of `items` moves: to that item's four spaces a level. Code
    (four past the item's text) keeps its indent past there; a block already four past those four spaces (as
    Python-Markdown would have it: `- a`, blank, eight spaces) is code written for Python-Markdown, and stays."""
    if not items:
        return 0
    place, text = 4 * len(items), min(items[-1].column, indent)
    if indent >= place + 4:
        return 0
    return place - text if indent - text >= 4 else place - indent


def _quoted_fence_end(lines: list[str], start: int, fence: re.Match[str], indent: int, unclosed: dict) -> int | None:
    """`_fence_end` of a fence in a quote (`> ````): every line to the closing one has the same quote marks (an empty
    line of the code may have lost the space after them), or it is no fence (the quote ended first)."""
    marks, mark = fence[1], fence[2]
    key = (marks, mark, indent)
    if key in unclosed and unclosed[key][0] < start < unclosed[key][1]:
        return unclosed[key][2]
    for index in range(start + 1, len(lines)):
        line = lines[index][indent:]
        if not (line.startswith(marks) or line == marks.rstrip()) or lines[index][:indent].strip():
            unclosed[key] = (start, index, None)
            return None
        text = line[len(marks) :].strip()
        if text.startswith(mark[0] * len(mark)) and not text.strip(mark[0]):
            unclosed[key] = (start, index, index)
            return index
    unclosed[key] = (start, len(lines), None)
    return None


def _fence_end(lines: list[str], start: int, fence: re.Match[str], indent: int, column: int, unclosed: dict) -> int | None:
    """The index of the line that closes the fence opened on `lines[start]` (indented `indent`, in an item whose text
    is at `column`), or None: the same mark, at least as long, indented less than four spaces past the opening's, before
    a line that ends the item (less indented than its text). `unclosed`: (the fence's marks, indent, column) -> (a line,
    the one it looked up to, the closing one or None): a later opening between the two has the same answer, without
    looking again (a text of many openings and no closing took each to its end: 5,000 lines, 3 s)."""
    mark = fence[1]
    key = (mark, indent, column)
    if key in unclosed and unclosed[key][0] < start < unclosed[key][1]:
        return unclosed[key][2]
    for index in range(start + 1, len(lines)):
        stripped = lines[index].lstrip(" ")
        spaces = len(lines[index]) - len(stripped)
        if stripped and spaces < column:
            unclosed[key] = (start, index, None)
            return None
        if stripped.startswith(mark[0] * len(mark)) and not stripped.strip(mark[0] + " ") and spaces < indent + 4:
            unclosed[key] = (start, index, index)
            return index
    unclosed[key] = (start, len(lines), None)
    return None


class _NestingOListProcessor(SaneOListProcessor):
    """A list in a quote, a footnote or a definition, nested as CommonMark nests it (`_reindented`): `_ListIndents`
    sees the text's own lines, not those of the blocks Python-Markdown takes out of them."""

    def get_items(self, block: str) -> list[str]:
        return super().get_items(_reindented_block(block))


class _NestingUListProcessor(SaneUListProcessor):
    def get_items(self, block: str) -> list[str]:
        return super().get_items(_reindented_block(block))


def _reindented_block(block: str) -> str:
    return "\n".join(_reindented(block.split("\n"))) if "\n " in block else block  # (no line indented: nothing nested)


class _ObsidianComments(Preprocessor):
    """Obsidian's comments, `%%...%%` in a line, or a block of lines from one that opens with `%%` to one that ends
    with it: Obsidian never shows them, and notes keep what is not to be read in them (a private remark, a to-do);
    they were published, in the page, its summary, the feeds and the search index. Nothing else goes: not code
    (fenced blocks are stashed by now, and code spans, indented code and `<pre>` are left as they are:
    `printf("%%d")`, `for %%i in ...`), not a `%%` in a line that no `%%` after it in its paragraph closes, even one
    far below (text between two of them, a percent sign written twice, would have been lost). One opened in a line and
    closed in a later line of its paragraph goes (`_closing_line`): a vault's private text was published."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("%%" in line for line in lines):
            return lines
        lines = list(lines)  # (a comment over lines joins its first line's start to its last line's end, read again)
        code = _code_lines(lines)
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if code[index] or "%%" not in line:
                out.append(line)
                index += 1
                continue
            stripped = line.strip()
            if stripped.startswith("%%") and "%%" not in stripped[2:]:  # a block opens
                end = next((n for n in range(index + 1, len(lines)) if not code[n] and lines[n].rstrip().endswith("%%")), None)
                if end is not None:
                    out.append("")  # (the text around it stays apart, as the block kept it)
                    index = end + 1
                    continue
            masked = _masked_spans(line)
            kept, at = [], 0
            for comment in _COMMENT.finditer(masked):
                kept.append(line[at : comment.start()])
                at = comment.end()
            opened = masked.find("%%", at)
            if opened != -1 and (end := _closing_line(lines, code, index)) is not None:
                lines[end] = "".join(kept) + line[at:opened] + lines[end][_masked_spans(lines[end]).index("%%") + 2 :]
                index = end
                continue
            out.append("".join(kept) + line[at:] if kept else line)
            index += 1
        return out


def _masked_spans(line: str) -> str:
    """`line` with its code spans blanked, at the same length: a `%%` in code is no comment's end."""
    return _CODE_SPAN.sub(lambda m: " " * len(m[0]), line) if "`" in line else line


def _closing_line(lines: list[str], code: list[bool], index: int) -> int | None:
    """The line after `index` that closes a comment opened in it, in its paragraph (Obsidian's `text %% private⏎more
    %% text`): its text was published. Not past a blank line or code, where a `%%` is more likely a percent sign."""
    for at in range(index + 1, len(lines)):
        if code[at] or not lines[at].strip():
            return None
        if "%%" in _masked_spans(lines[at]):
            return at
    return None


def _code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is code or raw HTML that stands as written: indented code (four spaces after a blank
    line, and the lines that go on with it), and `<pre>`, `<script>`, `<style>`, `<textarea>` and comments."""
    code, blank, indented, index = [False] * len(lines), True, False, 0
    while index < len(lines):
        stripped = lines[index].lstrip(" ")
        if not stripped:
            blank, index = True, index + 1
            continue
        indented = len(lines[index]) - len(stripped) >= 4 and (blank or indented)
        end = index + 1 if indented else _html_block_end(lines, index, stripped, None)
        if end is not None:
            code[index:end] = [True] * (end - index)
        blank, index = False, end or index + 1
    return code


class _HtmlBlocks(Preprocessor):
    """HTML blocks as CommonMark (GitHub, Hugo, Obsidian) ends one of a block-level tag (`<figure>`, `<div>`,
    `</figcaption>`): at the blank line after it, the lines after it Markdown again; and such a tag after a line of
    text starts a block of its own.

    Python-Markdown reads raw HTML on to the element's closing tag, blank lines and all: the picture and caption a
    WordPress export writes between `<figure>` and `</figure>` as Markdown, blank lines around, showed as text
    (`![](images/x.png)`), and the picture was not copied; a `</div>` right after a line of text went inside its
    paragraph. Such a block is stashed as written up to its blank line (as Python-Markdown stashes raw HTML), and a
    blank line is put before a tag that ends a paragraph. A block that closes its element before the blank line is
    Python-Markdown's as before, and so is an element whose Markdown it is asked to read (`markdown="1"`, md_in_html)
    with all in it. An indented tag under a list item, a footnote or a quote is theirs, and stays in them; none in code
    (`_code_lines`: `<pre>`, comments and indented code among it)."""

    def run(self, lines: list[str]) -> list[str]:
        if not any(line[:4].lstrip(" ")[:1] == "<" for line in lines):
            return lines
        code = _code_lines(lines)
        out: list[str] = []
        index, container = 0, False
        while index < len(lines):
            line = lines[index]
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if stripped and not indent and not code[index]:  # (the last line at the margin opened an item, a footnote, ...)
                container = bool(_ITEM.match(line)) or line.startswith(_CONTAINERS)
            # Indented up to three spaces, a tag is a block's only outside those: there it is theirs, and stays in them.
            found = None if code[index] or indent >= 4 or indent and container else _HTML_START.match(stripped)
            if found is None or not found[3] or not self.md.is_block_level(found[3].lower()):  # (`<pre>`, comments: code)
                out.append(line)
                index += 1
                continue
            if out and out[-1].strip():
                out.append("")  # (CommonMark: the tag ends a paragraph, an item's lazy line, indented code)
            name, closing = found[3].lower(), stripped.startswith("</")
            if not closing and _MARKDOWN_ATTRIBUTE.search(stripped):  # md_in_html's: all of it is Python-Markdown's
                end = _element_end(lines, index, name)
                out.extend(lines[index:end])
            else:
                end = next((n for n in range(index, len(lines)) if not lines[n].strip()), len(lines))
                block = "\n".join(lines[index:end]).lstrip(" ")  # (as at the margin: so it is taken for a block's HTML)
                open_tags = len(re.findall(rf"<{name}(?=[\s>])(?:[^>]*[^/])?>", block, re.I))
                unclosed = open_tags > len(re.findall(rf"</{name}\s*>", block, re.I))
                # (unclosed: Python-Markdown would read on past the blank line; a closing tag: it would leave the lines
                # after it, still the block's for CommonMark, as text)
                out.extend([self.md.htmlStash.store(block)] if closing or unclosed else lines[index:end])
            index = end
        return out


# What a line at the margin opens, in which an indented tag stays (`_HtmlBlocks`): a footnote, a definition, a quote.
_CONTAINERS = ("[^", ":", ">")
# A `markdown` attribute (md_in_html's) in an HTML block's first tag (`_HtmlBlocks`).
_MARKDOWN_ATTRIBUTE = re.compile(r"""^<[^>]*\smarkdown\s*=\s*["']?(?:1|block|span)""", re.I)


def _element_end(lines: list[str], start: int, name: str) -> int:
    """The index after the line that closes the `name` element opening on `lines[start]` (elements of that name in it
    counted), or the end."""
    depth = 0
    for index in range(start, len(lines)):
        depth += len(re.findall(rf"<{name}(?=[\s>])", lines[index], re.I)) - len(re.findall(rf"</{name}\s*>", lines[index], re.I))
        if depth <= 0:
            return index + 1
    return len(lines)


_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")  # (in one line)


def code_masked(source: str) -> str:
    """`source` (Markdown) with its code blanked, each line kept: fenced blocks' lines, indented code (four spaces
    after a blank line, and the lines that go on with it) and code spans. Where the reader looks for the line of a tag
    the page has (`content._Reader.balanced`): HTML shown as code (`` `<b>` ``) is escaped in the page, so no tag of it,
    and counting it put a warning on the code's line."""
    out, fence, blank, indented = [], None, True, False
    for line in source.split("\n"):
        stripped = line.lstrip(" ")
        opened = _FENCE.match(stripped) if len(line) - len(stripped) < 4 else None
        if fence is not None:  # (inside a fence: up to one of its kind, at least as long)
            if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence) and not stripped[len(opened[1]) :].strip():
                fence = None
            out.append("")
            continue
        if opened:
            fence, blank = opened[1], False
            out.append("")
            continue
        indented = bool(stripped) and len(line) - len(stripped) >= 4 and (blank or indented)
        blank = not stripped
        out.append("" if indented else _CODE_SPAN.sub(lambda span: " " * len(span[0]), line) if "`" in line else line)
    return "\n".join(out)


_COMMENT = re.compile(r"%%.*?%%")


class _QuotesApart(BlockQuoteProcessor):
    """Two quotes with a blank line between are two quotes, as GitHub and Obsidian show them (two callouts one after
    the other, two sources quoted): Python-Markdown put every quote that follows a quote into it."""

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        found = self.RE.search(block)
        if found:
            self.parser.parseBlocks(parent, [block[: found.start()]])  # (the lines before the quote)
            block = "\n".join(self.clean(line) for line in block[found.start() :].split("\n"))
        if any(line[:1] in _STARTS for line in block.split("\n")):  # (its lists and fences, as the text's own: `_ListIndents`)
            block = "\n".join(
                _reindented(block.split("\n"), self.parser.md.preprocessors["ssg_list_indents"]._fenced, self.parser.md.is_block_level)
            )
        self.parser.state.set("blockquote")
        self.parser.parseChunk(ElementTree.SubElement(parent, "blockquote"), block)
        self.parser.state.reset()


class _CodeOutOfParagraphs(Treeprocessor):
    """A fenced block right after an item's line of text (`1. Install it:`, then the fence, no blank line: a README's
    way) stands in that text (`_ListIndents._fenced` keeps a tight list tight); in a loose list the text is a
    paragraph, and the code was inside it, `<p>Install it: <pre>…</pre></p>`, which a browser ends early (an empty
    paragraph after the code). The code comes out, after the paragraph, as a blank line before it would have put it.
    (Before the inline processor: a paragraph is still its Markdown text.)"""

    def run(self, root: ElementTree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for parent in root.iter():
            for index in range(len(parent) - 1, -1, -1):
                paragraph = parent[index]
                if paragraph.tag != "p" or not paragraph.text or "\x02" not in paragraph.text or len(paragraph):
                    continue
                parts = _CODE_LINE.split(paragraph.text)  # [text, placeholder, number, text, ...]
                if len(parts) == 1 or not all(str(stash[int(n)]).startswith("<pre") for n in parts[2::3] if int(n) < len(stash)):
                    continue
                made = []
                for at in range(0, len(parts), 3):
                    if parts[at].strip():
                        made.append(ElementTree.Element("p"))
                        made[-1].text = parts[at].strip("\n")
                    if at + 1 < len(parts):
                        made.append(ElementTree.Element("p"))
                        made[-1].text = parts[at + 1]  # (`<p>placeholder</p>`: the stash's block, as it is, in its place)
                made[-1].tail = paragraph.tail
                parent[index : index + 1] = made


_CODE_LINE = re.compile(r"(?:^|\n)[ ]*(\x02wzxhzdk:(\d+)\x03)[ ]*(?=\n|$)")  # a line that is only a stashed block


class _ItemAfterIndentedText(ListIndentProcessor):
    """An item's indented paragraph, then the next item at the list's own indent (`- one` / blank / `    more of
    one` / `- two`): the next item is a sibling, as CommonMark has it. Python-Markdown takes the whole block as the
    indented text's, and `two` became an item of a list nested in `one` (or its text)."""

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> None:
        found = _ITEM_AT_LIST_INDENT.search(blocks[0])
        if found and not blocks[0].startswith(" " * 2 * self.tab_length):  # (the item's text, not code in it: as before)
            blocks[0:1] = [blocks[0][: found.start()], blocks[0][found.start() + 1 :]]  # the item: a block of its own
        super().run(parent, blocks)


_ITEM_AT_LIST_INDENT = re.compile(r"\n(?:[*+-]|\d+\.)[ ]+\S")  # (of a list not indented itself: the usual one)


class _ListAfterParagraph(BlockProcessor):
    """A paragraph's text up to a list that starts on its next line (`Key points:` then `- first`) is the paragraph,
    and the list is a list: Python-Markdown would run the items into the paragraph's text. Tried last before the
    paragraph, so code, quotes, tables and headings have had their turn. Not in the text of a list's item (an item of
    the other kind there, `1. a` then `- b`, is a list of its own by `_reindented`'s blank line)."""

    def test(self, parent: ElementTree.Element, block: str) -> bool:
        return _LIST_AFTER_TEXT.search(block) is not None and not self.parser.state.isstate("list")

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> bool:
        start = _LIST_AFTER_TEXT.search(blocks[0]).start()  # type: ignore[union-attr]
        blocks[0:1] = [blocks[0][:start], blocks[0][start + 1 :]]
        return False  # the paragraph processor takes the text; the list is the next block


_RAW_A = re.compile(r"<(/?)a\b", re.I)


class _OutsideRawLinks(InlinePattern):
    """A pattern of `magiclink` (a bare URL or e-mail address), except in the text of a link written in HTML
    (`<a href="https://tass.ru/1">https://tass.ru/1</a>`, as web clippers paste them): a link in a link is no HTML."""

    def __init__(self, pattern: InlinePattern, md: markdown.Markdown):
        super().__init__(pattern.compiled_re.pattern, md)
        self.compiled_re, self.ANCESTOR_EXCLUDES, self.pattern = pattern.compiled_re, pattern.ANCESTOR_EXCLUDES, pattern

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int | None, int | None]:  # noqa: N802 (the library's name)
        if "\x02" in data and self._in_raw_link(data[: m.start(0)]):
            return None, None, None
        return self.pattern.handleMatch(m, data)

    def _in_raw_link(self, before: str) -> bool:
        """Whether the last HTML tag `a` in `before` opens a link. The text holds the inline processor's placeholders;
        an HTML tag's holds the HTML stash's placeholder."""
        inside = False
        nodes = self.md.treeprocessors["inline"].stashed_nodes
        for placeholder in INLINE_PLACEHOLDER_RE.finditer(before):
            html_placeholder = HTML_PLACEHOLDER_RE.search(node) if isinstance(node := nodes.get(placeholder[1]), str) else None
            raw = self.md.htmlStash.rawHtmlBlocks[int(html_placeholder[1])] if html_placeholder else None
            tag = _RAW_A.match(raw) if isinstance(raw, str) else None
            inside = not tag[1] if tag else inside
        return inside


class _AttrListOnly(AttrListTreeprocessor):
    """`attr_list`, which took any braces at the end of a block for its attributes: `a` then `{1, 2}` on the next line
    was `<p 1_ 2>a</p>`, and a Liquid tag (`{% include x.html %}`) went the same way. Only an attribute list is taken,
    as Hugo reads one: `{: ...}`, or braces that open with `#id`, `.class` or `key=`."""

    BASE_RE = r"\{(?:\:[ ]*|[ ]*(?=#\w|\.[^\W\d]|[\w:-]+=))([^\}\n ][^\n]*)\}"
    HEADER_RE = re.compile(rf"[ ]+{BASE_RE}[ ]*$")
    BLOCK_RE = re.compile(rf"\n[ ]*{BASE_RE}[ ]*$")
    INLINE_RE = re.compile(rf"^{BASE_RE}")

    def run(self, doc: ElementTree.Element) -> None:
        # Every attribute list is in braces: a tree whose texts hold none (most articles) is not searched element by
        # element, each asked whether it is a block and its text tried by one of the expressions above.
        if any("{" in text for element in doc.iter() for text in (element.text, element.tail) if text):
            super().run(doc)


class _BackslashBreak(InlinePattern):
    """A backslash at the end of a line is a line break, as CommonMark (Hugo, GitHub) has it; Python-Markdown showed the
    backslash. (An escaped one, `\\\\`, is the escape pattern's first; at a block's end no newline follows.)"""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[ElementTree.Element, int, int]:  # noqa: N802 (the library's name)
        return ElementTree.Element("br"), m.start(0), m.end(0)


class _HashtagsAreNoHeading(HashHeaderProcessor):
    """Python-Markdown's `# heading`, but not for a line of hashtags (`#Роскосмос #Восточный`, as a post pasted from
    Telegram or VK ends): Python-Markdown needs no space after the `#`, and such a line was a heading, `<h1>Роскосмос
    #Восточный</h1>`; GitHub, Hugo and Obsidian (CommonMark) need one, and show it as text. A line of two or more
    `#word`s alone, each a single `#` before letters, digits, `_` or `-` only, is text; so is a line of Obsidian's
    nested tags (`#space/iss #космос`, one alone too) and Bear's (`#космос/ракеты# #важное#`). One `#word` stays a
    heading, as archives written for Python-Markdown have them (`#Итоги`, `#Глава_1`, `#1`), and so does a line with
    other punctuation (`#Итоги.`, `#Главное:`), `##Итоги` and `# Итоги`."""

    _TAG = r"#[\w-]+(?:/[\w-]+)*#?"
    RE = re.compile(
        rf"(?:^|\n)(?!(?:{_TAG}(?:[ \t]+{_TAG})+|#[\w-]+(?:/[\w-]+)+#?)[ \t]*(?:\n|$))"
        + HashHeaderProcessor.RE.pattern.removeprefix(r"(?:^|\n)")
    )


class _GitHubExtension(Extension):
    """What ssg adds itself for Markdown as GitHub (and Hugo) reads it: lists, no link in a link, a backslash's line
    break, braces that are no attribute list."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.parser.blockprocessors.register(_ItemAfterIndentedText(md.parser), "indent", 90)  # (Python-Markdown's name and place)
        md.parser.blockprocessors.register(_HashtagsAreNoHeading(md.parser), "hashheader", 70)  # (the same)
        md.preprocessors.register(_ListIndents(md), "ssg_list_indents", 26)  # after Jekyll's blocks (27), before fences (25)
        md.parser.blockprocessors.register(_NestingOListProcessor(md.parser), "olist", 40)  # sane_lists' names and places
        md.parser.blockprocessors.register(_NestingUListProcessor(md.parser), "ulist", 30)
        md.treeprocessors.register(_CodeOutOfParagraphs(md), "ssg_code_out_of_paragraphs", 21)  # before inline (20)
        md.preprocessors.register(_ObsidianComments(md), "ssg_obsidian_comments", 24)  # after fences (25), before HTML (20)
        md.preprocessors.register(_HtmlBlocks(md), "ssg_html_blocks", 22)  # after fences (25) and comments, before HTML (20)
        md.parser.blockprocessors.register(_QuotesApart(md.parser), "quote", 20)  # (Python-Markdown's name and place)
        md.parser.blockprocessors.register(_ListAfterParagraph(md.parser), "list_after_paragraph", 12)  # after "reference" (15)
        md.inlinePatterns.register(_BackslashBreak(r"\\\n", md), "backslash_break", 99)  # after linebreak (100): both are <br>
        md.treeprocessors.register(_AttrListOnly(md), "attr_list", 8)  # (attr_list's name and place)
        for item in list(md.inlinePatterns._priority):  # noqa: SLF001 (the registry lists no places otherwise)
            if item.name in ("magic-link", "magic-mail"):
                md.inlinePatterns.register(_OutsideRawLinks(md.inlinePatterns[item.name], md), item.name, item.priority)


def on_this_computer(host: str | None) -> bool:
    """Whether a link's host is the computer it is opened on (a copied address of `ssg serve`'s preview, or of
    another local program): no reader of the published site reaches it."""
    return host is not None and (host in ("localhost", "0.0.0.0", "::1") or host.startswith("127.") or host.endswith(".localhost"))


# A link that starts so is a web address (urlsplit's scheme, whatever follows), left as written; one to this computer
# (`on_this_computer`) has one of these in its host, lower-cased as urlsplit gives it, or a tab or line break that
# urlsplit takes out ("local\thost"). A link without any is not parsed only to be found leading elsewhere.
_WEB = ("http://", "https://")
_MAYBE_ON_THIS_COMPUTER = ("localhost", "0.0.0.0", "::1", "127.", "\t", "\r", "\n")


class _RefCollector:
    """What the current document links to; reset before each document."""

    def start(self, article_path: str, eager_pictures: int = 1) -> None:
        self.base = posixpath.dirname(article_path)
        self.eager_pictures = eager_pictures  # the text's first pictures loaded with the page (`_RefTreeprocessor`)
        self.articles: list[str] = []
        self.files: list[str] = []
        self.outside: list[str] = []  # links and images that lead out of content/, as written
        self.site: list[str] = []
        self.loopback: list[str] = []  # links to this computer, as written

    def rewrite(self, url: str) -> str:
        url = url.replace(RAW_MARK, "") if RAW_MARK in url else url  # (a link's `{{ }}` in `{% raw %}` text is what it says)
        if url.startswith(_WEB) and not any(map(url.lower().__contains__, _MAYBE_ON_THIS_COMPUTER)):
            return url  # (most links of a news article: left as written, whatever urlsplit finds, and leading elsewhere)
        try:
            parts = urlsplit(url)
        except ValueError:  # a host in brackets that is no IP address (`http://[site]/x`, a template's): a web address still
            return url  # (left as written, as Hugo leaves it: the build stopped on a traceback)
        if parts.scheme or parts.netloc or not parts.path:
            if parts.scheme in ("http", "https") and on_this_computer(parts.hostname) or on_the_writers_disk(url):
                self.loopback.append(url)
            return url
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if fragment and _in_template_tag(url, url.index("#")):  # `{{< ref "x.md#intro" >}}`: the tag's, whole
            return self.content_file(url, posixpath.join(self.base, url), "")
        if url[:1] in "{|" and (pelican := pelican_link(url)) is not None:
            try:
                return self.pelican(*pelican)
            except ValueError:  # (`{filename}//[site]/x.md`: urlsplit refuses a host in brackets that is no IP address)
                return url  # (left as written, as a link that is no URL is: the build stopped on a traceback)
        if url.startswith("/"):  # Hugo's and Jekyll's way to a static file or a page; under a sub-path it would leave the site
            target = unquote(parts.path[1:])
            if target.lower().endswith(ARTICLE_SUFFIXES):  # no file of the site: an article's file, from content/
                self.articles.append(target := composed(posixpath.normpath(target)))
                return f"{REF_ARTICLE}{marked(target)}{_heading_fragment(fragment)}"
            self.site.append(target)
            written, mark, fragment = url[1:].partition("#")  # (as written, its query too: `urls.resolve_refs`)
            return REF_SITE + marked(written) + mark + fragment
        return self.content_file(url, posixpath.join(self.base, unquote(parts.path)), fragment)

    def pelican(self, kind: str, rest: str) -> str:
        """A link of Pelican's (`pelican.link`): to a content file as a relative link is (`{filename}/2020/x.md` from
        content/, `{filename}x.md` from the article); to a tag's (category's, author's) page, by the name, which the
        site's tags resolve at write time (`urls.link_paths`) and the build's check of links reports when none has it
        (`links.broken_links`); to the home page."""
        if kind == "listing":
            self.articles.append(rest)
            return REF_ARTICLE + marked(rest)
        parts = urlsplit(rest)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if kind == "index":
            self.site.append("")
            return REF_SITE + fragment
        path = unquote(parts.path)
        return self.content_file(rest, path.lstrip("/") if path.startswith("/") else posixpath.join(self.base, path), fragment)

    def content_file(self, url: str, path: str, fragment: str) -> str:
        """The marker of a link to `path` under content/ (an article's file or another file), as `url` wrote it."""
        target = composed(posixpath.normpath(path))
        if target.startswith("../") or target == "..":
            self.outside.append(url)
            return url  # outside content/: left as written (its reader warns; the link check reports it)
        if target.lower().endswith(ARTICLE_SUFFIXES):  # (`REPORT.MD`: an article misnamed, not a file to copy)
            self.articles.append(target)
            return f"{REF_ARTICLE}{marked(target)}{_heading_fragment(fragment)}"
        self.files.append(target)
        return f"{REF_FILE}{marked(target)}{fragment}"


# A path on a Windows disk (`C:\Users\me\image.png`, `C:/Users/...`, which an editor such as Typora writes for a
# pasted picture) or a `file:` URL: a link to the writer's own computer, which URL parsing reads as the scheme `c`.
_ON_A_DISK = re.compile(r"(?:[A-Za-z]:[\\/]|file:)", re.IGNORECASE)


def on_the_writers_disk(url: str) -> bool:
    """Whether `url` is a file of the writer's computer (`_ON_A_DISK`), which no reader can open."""
    return _ON_A_DISK.match(url) is not None


class FrontLinks(NamedTuple):
    """The texts of the front matter that show Markdown (`rights`, an image's `caption` and `credit`) with their links'
    paths as markers, and what those link to: as a body's (`RenderedBody`), so the build copies, checks and rewrites
    them as it does the body's."""

    texts: dict[str, str]  # each changed text by its field (`rights`, `image.caption`, `image.credit`)
    article_links: tuple[str, ...]
    files: tuple[str, ...]
    site_links: tuple[str, ...]
    outside: tuple[str, ...]
    loopback: tuple[str, ...]


# Where a Markdown link's (or image's) path starts in one line of text: `](path`, `](<path with spaces>`.
INLINE_LINK = re.compile(r"(\]\(\s*)(<[^<>\n]*>|[^\s()<>]+)")


def front_links(texts: dict[str, str], article_path: str) -> FrontLinks | None:
    """`texts` (an image's caption, a rights notice: `field -> text`) with each link's path made a marker as the body's
    are (`_RefCollector`): written as given, `[the map](images/map.png)` led nowhere on the article's page (relative
    to its URL, not its file), and no one copied the file or said it was missing. None where no text links (most)."""
    refs, changed = _RefCollector(), {}
    refs.start(article_path)
    for name, text in texts.items():
        if "](" in text:
            code = [span.span() for span in _CODE_SPAN.finditer(text)] if "`" in text else []  # (`[x](y)` shown as code)

            def marked(m: re.Match[str], code: list[tuple[int, int]] = code) -> str:
                if any(start <= m.start() < end for start, end in code):
                    return m[0]
                return m[1] + _marker_in_markdown(refs.rewrite(m[2].strip("<>")))

            changed[name] = INLINE_LINK.sub(marked, text)
    if not changed:
        return None
    return FrontLinks(changed, tuple(refs.articles), tuple(refs.files), tuple(refs.site), tuple(refs.outside), tuple(refs.loopback))


def _marker_in_markdown(url: str) -> str:
    """`url` as a Markdown link's path: in `<>` where it holds what would end it there (a space, a bracket)."""
    return f"<{url}>" if any(c in url for c in " ()<>\t") else url


def _heading_fragment(fragment: str) -> str:
    """A link's `#fragment` to another article, as that article's heading ids are made (`_heading_id`) when it is
    written as Obsidian writes one, the heading itself (`Note.md#The%20crew`, `<Note.md#The crew>`: `#the-crew`). One
    without a space is left as written: an id (`#the-crew`, GitHub's), or one set on the heading (`{#Crew2021}`); but
    a heading's id that is one of the page's own is the heading's there (`#main`: `#main_1`)."""
    text = unquote(fragment)
    if any(c.isspace() for c in text) or text[1:] in THEME_IDS:
        return f"#{_heading_id(text[1:], '-')}"
    return fragment


_URL_ATTRIBUTES = {"a": "href", "img": "src"}  # the attribute of each element of Markdown's that holds a URL


class _RefTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, refs: _RefCollector):
        super().__init__(md)
        self.refs = refs

    def run(self, root: ElementTree.Element) -> None:
        pictures = 0
        for element in root.iter():
            attribute = _URL_ATTRIBUTES.get(element.tag)
            url = element.get(attribute) if attribute else None
            # (An e-mail address's `mailto:` is written as character references, to keep it from address harvesters.)
            if url and not url.startswith(markdown.util.AMP_SUBSTITUTE):
                element.set(attribute, self.refs.rewrite(url))
            if element.tag == "img":
                pictures += 1
                # (The first may be at the top of the page, which waits on it: loaded at once; under a lead picture, none
                # is: a trial of local pictures found the text's first loaded with the page where a lead one stood above.)
                if pictures > self.refs.eager_pictures:
                    _lazy(element)


def _lazy(picture: ElementTree.Element) -> None:
    """A picture of the text loaded once a reader scrolls near it, and decoded apart from the page's drawing, as the
    theme's cards' are: every picture of an article was loaded with its stylesheet, on a phone's slow link too, where
    the reader might never scroll to them (a trial of slow networks)."""
    picture.set("loading", "lazy")
    picture.set("decoding", "async")


# The path of each element written in HTML whose file a page shows or links: a pasted chart (`<iframe src>`), a PDF
# (`<object data>`, `<embed src>`) too, which were left as written (broken on the page and in feeds, the file not copied).
_HTML_REF = re.compile(
    r"""(<(?:(?:a|img|source|video|audio|track|iframe|embed)\s[^>]*?\b(?:href|src)|object\s[^>]*?\bdata)=)(["'])((?:(?!\2)[^>])*)\2""", re.I
)
# A video's still (`poster`), and the pictures a browser picks from by screen (`srcset`): each candidate of a srcset
# gets a marker of its own, its path percent-encoded, since spaces and commas divide the candidates.
_HTML_POSTER = re.compile(r"""(<video\s[^>]*?\bposter=)(["'])((?:(?!\2)[^>])*)\2""", re.I)
_HTML_SRCSET = re.compile(r"""(<(?:img|source)\s[^>]*?\bsrcset=)(["'])((?:(?!\2)[^>])*)\2""", re.I)
_SRCSET_URL = re.compile(r"[\s,]*([^\s,]\S*)")


def srcset_candidates(value: str) -> list[tuple[str, str]]:
    """A srcset's (URL, descriptors) pairs, read as HTML reads them: a URL runs to white space (commas within it are
    its own, `w_100,h_200.jpg`; one that ends it ends its candidate), its descriptors (`2x`, `800w`) to the next comma."""
    candidates, pos = [], 0
    while (match := _SRCSET_URL.match(value, pos)) is not None:
        url, pos = match[1], match.end()
        if url.endswith(","):
            candidates.append((url.rstrip(","), ""))
            continue
        end = value.find(",", pos)
        end = len(value) if end < 0 else end
        candidates.append((url, value[pos:end].strip()))
        pos = end + 1
    return candidates


def _in_template_tag(url: str, at: int) -> bool:
    """Whether `url[at]` is inside a Hugo shortcode or Liquid tag (`{{< ref "x.md#intro" >}}`): a link's `#` there
    is no fragment of it, and the tag split there was named by half (`2021/{{< ref "x.md`), as no published article."""
    before = url[:at]
    return before.count("{{") > before.count("}}") or before.count("{%") > before.count("%}")


class _RawHtmlRefs(Postprocessor):
    """The same for HTML written in the article (a pasted `<img src="map.png">`, `<a href="other.md">`), which
    Markdown passes through as text: run once it is back in place, only when the article has some."""

    def __init__(self, md: markdown.Markdown, refs: _RefCollector):
        super().__init__(md)
        self.refs = refs

    def run(self, text: str) -> str:
        if not self.md.htmlStash.html_counter:
            return text
        text = _HTML_REF.sub(lambda m: m[1] + m[2] + self._rewritten(m[3], m[2]) + m[2], text)
        text = _HTML_POSTER.sub(lambda m: m[1] + m[2] + self._rewritten(m[3], m[2]) + m[2], text)
        return _HTML_SRCSET.sub(lambda m: m[1] + m[2] + self._srcset(m[3]) + m[2], text)

    def _rewritten(self, value: str, quote_mark: str) -> str:
        """The attribute's value rewritten, escaped again as the value of an attribute in `quote_mark`: a `"` it held
        (as `&quot;`; Markdown's own links are in this text too) ended the attribute where it was written back raw."""
        rewritten = html.escape(self.refs.rewrite(html.unescape(value)), quote=False)
        return rewritten.replace(quote_mark, "&quot;" if quote_mark == '"' else "&#x27;")

    def _srcset(self, value: str) -> str:
        """Each candidate's URL rewritten; a marker's path percent-encoded (`urls.resolve_refs` decodes it)."""
        candidates = []
        for url, descriptors in srcset_candidates(html.unescape(value)):
            rewritten = self.refs.rewrite(url)
            if rewritten.startswith(REF_PREFIX):
                head, _, target = rewritten[len(REF_PREFIX) :].partition(":")
                rewritten = f"{REF_PREFIX}{head}:{quote(target, safe='/#')}"
            candidates.append(f"{rewritten} {descriptors}" if descriptors else rewritten)
        return html.escape(", ".join(candidates), quote=False)


class _RefExtension(Extension):
    def __init__(self, refs: _RefCollector):
        super().__init__()
        self.refs = refs

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_RefTreeprocessor(md, self.refs), "ssg_refs", 1)
        md.postprocessors.register(_RawHtmlRefs(md, self.refs), "ssg_raw_html_refs", 1)  # after raw_html (30)
