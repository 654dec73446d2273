"""What each output file is made from, as one hash: equal fingerprints, equal files.

A page's fingerprint covers the build-wide inputs (config, interface strings, each language's
feed), its templates, its `deps`, and what it reads from the shared context: the latest list,
the tags of the articles it shows, the URLs its article's body links to. Feeds and the sitemap get
fingerprints too, so an unchanged one is kept without being made again.

Computed for every page of every build, so this is one of the hot loops of a rebuild: parts shared
by many pages (the latest list, an article's tags) are turned into text once per build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import fields
from operator import attrgetter

import jinja2
import jinja2.meta

from . import sitemap
from .content import Article
from .feeds import Feed
from .pages import ArticleLink, Page
from .site import Site
from .theme import Theme
from .urls import Urls

# What of an article the sitemap never shows. Everything else counts, new fields included.
TEXT_FIELDS = frozenset({"key", "title", "summary", "source", "rights", "image", "extra", "article_links", "files"})
SITEMAP_FIELDS = tuple(f.name for f in fields(Article) if f.name not in TEXT_FIELDS)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Templates:
    """Each template's fingerprint (its source and all it extends or includes) and the context names it reads.

    Parsing is what costs, so what a source refers to is kept by the source's hash: a `Builder`
    keeps one of these across builds, and the cache keeps the analyses for the next process.
    """

    def __init__(self, parsed: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None) -> None:
        self.parsed = dict(parsed or {})  # source hash -> (templates it refers to, context names it reads)
        self.added: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # parsed since the last `take_added`

    def analyse(self, theme: Theme, names: Iterable[str]) -> dict[str, tuple[str, frozenset[str]]]:
        """name -> (fingerprint, context names read), for each of `names`."""
        sources: dict[str, str | None] = {}
        result = {}
        for name in names:
            digest = hashlib.sha256()
            used: set[str] = set()
            for member in sorted(self._closure(theme, name, sources)):
                source = sources[member]
                if source is not None:
                    digest.update(f"{member}\0{source}\0".encode())
                    used.update(self._parse(theme, source)[1])
            result[name] = (digest.hexdigest(), frozenset(used))
        return result

    def take_added(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        added, self.added = self.added, {}
        return added

    def _closure(self, theme: Theme, name: str, sources: dict[str, str | None]) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            member = todo.pop()
            if member in seen:
                continue
            seen.add(member)
            if member not in sources:
                try:
                    sources[member] = theme.env.loader.get_source(theme.env, member)[0]
                except jinja2.TemplateNotFound:
                    sources[member] = None  # reported when the page is rendered
            if sources[member] is not None:
                todo += self._parse(theme, sources[member])[0]
        return seen

    def _parse(self, theme: Theme, source: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        key = _hash(source)
        if key not in self.parsed:
            try:
                ast = theme.env.parse(source)
                found = (
                    tuple(sorted(n for n in jinja2.meta.find_referenced_templates(ast) if n)),
                    tuple(sorted(jinja2.meta.find_undeclared_variables(ast))),
                )
            except jinja2.TemplateSyntaxError:
                found = ((), ())  # reported by the theme check
            self.parsed[key] = self.added[key] = found
        return self.parsed[key]


class Fingerprints:
    """The fingerprints of one build's pages and feeds."""

    def __init__(
        self,
        base: str,
        templates: dict[str, tuple[str, frozenset[str]]],
        site: Site,
        urls: Urls,
        latest: dict[str, tuple[ArticleLink, ...]],
    ):
        self.base = base
        self.templates = templates
        self.site = site
        self.urls = urls
        self.latest = latest
        self.paths = {a.source_path: urls.article(a) for a in site.articles}
        self._latest: dict[str, str] = {}
        self._tags: dict[str, str] = {}

    def page(self, page: Page) -> str:
        template, uses = self.templates[page.template]
        parts = [self.base, template, repr(page.deps)]
        if "latest" in uses:
            parts.append(self._latest_text(page.lang))
        if "tags_of" in uses:
            shown = page.context.get("articles") or ([page.context["article"]] if "article" in page.context else [])
            parts += [self._tags_text(article) for article in shown]
        if page.kind == "article":
            parts.append(self._links_text(page.context["article"]))
        return _hash("\0".join(parts))

    def feed(self, feed: Feed, entries: Sequence[Article]) -> str:
        """A feed shows its entries' metadata, tags and bodies (whose links name other articles' URLs)."""
        parts = [self.base, "feed", repr(feed)]
        for article in entries:
            parts += (article.key, self.paths[article.source_path], self._tags_text(article), self._links_text(article))
        return _hash("\0".join(parts))

    def sitemap(self, pages: Sequence[Page]) -> str:
        """The sitemap lists pages with their dates and translations, never their text.

        So it is made from which pages there are and every article's fields but its text (which
        articles a listing shows, and their dates, follow from these): editing an article's body
        or title leaves the sitemap alone. A new field of `Article` is included until named here.
        """
        structure = attrgetter(*SITEMAP_FIELDS)
        parts = [self.base, "sitemap", str(sitemap.MAX_URLS), *(page.kind + "\0" + page.path for page in pages)]
        parts.append(repr([structure(article) for article in self.site.articles]))
        return _hash("\0".join(parts))

    def _latest_text(self, lang: str) -> str:
        """The latest list, hashed once: most pages show it."""
        text = self._latest.get(lang)
        if text is None:
            text = self._latest[lang] = _hash(repr(self.latest[lang]))
        return text

    def _tags_text(self, article: Article) -> str:
        text = self._tags.get(article.source_path)
        if text is None:
            text = self._tags[article.source_path] = repr(self.site.tags_of(article))
        return text

    def _links_text(self, article: Article) -> str:
        """Where the articles its body links to are now (a linked article moved: the link changes)."""
        if not article.article_links:
            return ""
        return repr([self.paths.get(target) for target in article.article_links])
