"""Pages -> HTML bytes: the context every template sees, and resolution of in-body links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from markupsafe import Markup

from .config import Config
from .content import Article, Image
from .pages import ArticleLink, Page
from .site import Site, Tag
from .theme import Theme, format_for
from .urls import Urls, relative, resolve_refs


@dataclass(frozen=True)
class SiteInfo:
    """What templates know of the site as `site`."""

    title: str
    description: str
    base_url: str
    lang: str
    publisher: dict
    params: dict

    @classmethod
    def from_config(cls, config: Config) -> SiteInfo:
        return cls(config.title, config.description, config.base_url, config.lang, config.publisher, config.params)


@dataclass(frozen=True)
class PageInfo:
    """What templates know of the current page as `page`."""

    kind: str
    path: str
    lang: str
    title: str | None


class Renderer:
    """Renders planned pages with the theme; article bodies come from `body_of(article)`."""

    def __init__(self, config: Config, theme: Theme, site: Site, urls: Urls, latest: tuple[ArticleLink, ...],
                 body_of: Callable[[Article], str]):
        self.config = config
        self.theme = theme
        self.site = site
        self.urls = urls
        self.latest = latest
        self.body_of = body_of
        self.info = SiteInfo.from_config(config)
        self.article_paths = {a.source_path: urls.article(a) for a in site.articles}

    def site_path(self, target: Any) -> str:
        """The site path of anything a template may link to."""
        if isinstance(target, Article):
            return self.urls.article(target)
        if isinstance(target, ArticleLink):
            return target.path
        if isinstance(target, Tag):
            return self.urls.tag(target.slug)
        if isinstance(target, Image):
            return self.urls.content_file(target.src)
        return str(target)

    def render(self, page: Page) -> bytes:
        return self.theme.render(page.template, self.context(page)).encode("utf-8")

    def context(self, page: Page) -> dict[str, Any]:
        def url_for(target: Any) -> str:
            if isinstance(target, Image) and not target.is_local:
                return target.src
            path = self.site_path(target)
            if page.kind == "404":  # shown at any depth: links must not be relative
                return self.urls.root_relative(path)
            return relative(page.path, path)

        fmt_date, fmt_datetime, fmt_time = format_for(page.lang)
        context = {
            "site": self.info,
            "page": PageInfo(page.kind, page.path, page.lang, page.title),
            "url_for": url_for,
            "abs_url": lambda target: self.urls.absolute(self.site_path(target)),
            "t": lambda key, **values: self.theme.t(page.lang, key, **values),
            "format_date": fmt_date,
            "format_datetime": fmt_datetime,
            "format_time": fmt_time,
            "latest": self.latest,
            "tags_of": lambda article: [self.site.tag_for(name) for name in article.tags],
        } | page.context
        if page.kind == "article":
            context["content"] = Markup(self.body(page.context["article"], url_for))
        return context

    def body(self, article: Article, url_for: Callable[[Any], str]) -> str:
        def link(kind: str, target: str) -> str:
            if kind == "file":
                return url_for(self.urls.content_file(target))
            path = self.article_paths.get(target)
            return "#" if path is None else url_for(path)  # the build warned about it

        return resolve_refs(self.body_of(article), link)
