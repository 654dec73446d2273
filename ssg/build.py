"""build(config) -> BuildResult: the whole pipeline, top to bottom.

Read every article (through the cache), assemble the site, check it, plan every page, and only
then render and write. Each phase is timed (`ssg build --profile`). Nothing reaches the output
folder until every phase has succeeded.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import markdown as python_markdown

from . import __version__, search
from .cache import Store
from .config import Config
from .content import Article, ReadSettings
from .errors import ContentError, Problem, SsgError
from .feeds import EntryText, all_feeds, feed_languages
from .load import load_articles, published
from .markdown import EXTENSIONS
from .output import Output, check_output_dir
from .pages import Page, latest_links, plan
from .render import Bodies, Renderer, render_pages
from .site import Site, assemble
from .sitemap import robots_txt, sitemap_files
from .theme import Theme, load_theme
from .urls import Urls, output_file, resolve_refs


@dataclass(frozen=True)
class BuildOptions:
    """What one build does besides what site.yaml says."""

    drafts: bool = False
    future: bool = False
    strict: bool = False
    force: bool = False
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    now: datetime | None = None  # "future" is relative to this; default: the clock
    dry_run: bool = False  # check everything, write nothing (ssg check)


@dataclass
class BuildResult:
    """What a build did, for the summary line and the profile."""

    output: Path
    pages: Counter = field(default_factory=Counter)
    files: int = 0
    changed: int = 0
    deleted: int = 0
    read: int = 0
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.pages.items()))
        total = sum(self.pages.values())
        return (
            f"Built {total} pages ({kinds}) and {self.files} files in {self.seconds:.2f} s: "
            f"{self.changed} written, {self.deleted} removed, {len(self.warnings)} warnings -> {self.output}"
        )


class _Phases:
    def __init__(self, result: BuildResult):
        self.result = result

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.result.timings[name] = self.result.timings.get(name, 0.0) + time.perf_counter() - start


def build(config: Config, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the site; raise `SsgError` with every problem found, leaving the output untouched."""
    result = BuildResult(config.output_path)
    phase = _Phases(result)
    with phase("theme"):
        theme = load_theme(config)
        theme.check_templates()
    store = Store(None if options.dry_run else config.cache_path / "cache.sqlite", cache_stamp(config))
    try:
        with phase("read"):
            loaded = load_articles(config.content_path, store, read_settings(config), options.jobs, config.content_dir)
            result.read = loaded.read
            if loaded.problems:
                raise ContentError(loaded.problems, loaded.warnings)
        with phase("assemble"):
            now = options.now or datetime.now(UTC)
            articles = published(loaded.articles, options.drafts, options.future, now)
            check_languages(config, articles, loaded.lines)
            site = assemble(articles, config.language_codes if config.multilingual else (), config.tag_names)
            if site.problems:
                raise ContentError(site.problems)
            urls = Urls.from_config(config)
            result.warnings += list(loaded.warnings) + list(site.warnings) + broken_links(site, config.content_dir)
            files = files_to_copy(config, theme, site, loaded.lines)
            pages = list(plan(site, config, urls)) + search_pages(config, theme)
            check_collisions(pages, files, urls)
        if options.strict and result.warnings:
            raise SsgError([Problem(w.path, w.line, w.field, f"{w.message} (an error with --strict)") for w in result.warnings])
        if options.dry_run:
            return result
        check_output_dir(config.output_path, config.root, protected_dirs(config), options.force, config.cache_path)
        output = Output(config.output_path)
        try:
            write_site(config, options, theme, site, urls, pages, files, store, output, phase, result)
        except BaseException:
            output.abort()
            raise
        with phase("commit"):
            result.changed = len(output.changed)
            result.deleted = len(output.commit())
    finally:
        store.close()
    return result


def write_site(
    config: Config,
    options: BuildOptions,
    theme: Theme,
    site: Site,
    urls: Urls,
    pages: list[Page],
    files: dict[str, Path],
    store: Store,
    output: Output,
    phase: _Phases,
    result: BuildResult,
) -> None:
    """Render every page whose inputs changed, then feeds, search index and copied files."""
    renderer = Renderer(config, theme, site, urls, latest_links(site, config, urls), Bodies(store.path))
    with phase("plan"):
        base = global_fingerprint(config, theme) + repr(feed_languages(site, config))  # every head links each language's feed
        templates = sorted({p.template for p in pages})
        by_template = {name: theme.fingerprint(name) for name in templates}
        uses = {name: theme.uses(name) for name in templates}
        latest = latest_links(site, config, urls)
        todo = []
        for page in pages:
            deps = page.deps + shared_deps(page, uses[page.template], latest[page.lang], site)
            fingerprint = hashlib.sha256(f"{base}{by_template[page.template]}{deps!r}".encode()).hexdigest()[:32]
            if not output.unchanged(output_file(page.path), fingerprint):
                todo.append((page, fingerprint))
            result.pages[page.kind] += 1
    with phase("pages"):
        for staged in render_pages(renderer, output, todo, options.jobs):
            output.record(staged)
    with phase("feeds"):
        for path, data in all_feeds(config, urls, site, entry_text(theme, site, urls, store)):
            output.write(path, data)
            result.pages["feed"] += 1
    with phase("sitemap"):
        for path, data in sitemap_files(pages, urls, languages=config.language_codes):
            output.write(path, data)
            result.files += 1
        if urls.robots() not in files:  # a robots.txt of the site's own (static/) wins
            output.write(urls.robots(), robots_txt(urls))
            result.files += 1
    if config.search.enabled:
        with phase("search"):
            for path, data in search.write_index(search_docs(site, urls, store), config.search):
                output.write(path, data, "search")
                result.files += 1
    with phase("copy"):
        for path, source in sorted(files.items()):
            output.copy(path, source)
        result.files += len(files)


def shared_deps(page: Page, uses: set[str], latest: tuple, site: Site) -> tuple:
    """What a page shows from the site-wide context, when its templates read it."""
    deps: tuple = ()
    if "latest" in uses:
        deps += (latest,)
    if "tags_of" in uses:
        shown = page.context.get("articles") or ([page.context["article"]] if "article" in page.context else [])
        deps += tuple(tag for article in shown for tag in site.tags_of(article))
    return deps


def entry_text(theme: Theme, site: Site, urls: Urls, store: Store) -> EntryText:
    """What feeds show besides metadata: bodies with every link absolute, image credits in the article's language."""
    article_path = {a.source_path: urls.article(a) for a in site.articles}

    def body(article: Article) -> str:
        return resolve_refs(
            store.body(article.key),
            lambda kind, target: urls.absolute(urls.content_file(target) if kind == "file" else article_path.get(target, "")),
        )

    def credit(article: Article) -> str:
        return theme.t(article.lang, "image_source", credit=article.image.credit) if article.image and article.image.credit else ""

    return EntryText(body, credit)


def check_languages(config: Config, articles: list[Article], lines: dict[str, dict[str, int]]) -> None:
    """On a bilingual site every article's language must be one of `languages:`."""
    if not config.multilingual:
        return
    codes = config.language_codes
    problems = [
        Problem(
            f"{config.content_dir}/{a.source_path}",
            lines.get(a.source_path, {}).get("lang"),
            "lang",
            f"{a.lang!r} is not one of the site's languages ({', '.join(codes)}); add it to `languages:` in site.yaml",
        )
        for a in articles
        if a.lang not in codes
    ]
    if problems:
        raise ContentError(problems)


def search_docs(site: Site, urls: Urls, store: Store) -> Iterator[search.SearchDoc]:
    terms = dict(store.terms([a.key for a in site.articles]))
    for article in site.articles:
        path = urls.article(article)
        yield search.SearchDoc(
            path, path, article.title, article.date.isoformat(), article.lang, article.summary, article.tags, terms[article.key]
        )


def search_pages(config: Config, theme: Theme) -> list[Page]:
    """The search page, when search is on and the theme has a `search.html`."""
    if not config.search.enabled or "search.html" not in theme.env.list_templates():
        return []
    return [Page(config.search.path, "search", "search.html", config.lang, None, {}, ())]


def files_to_copy(config: Config, theme: Theme, site: Site, lines: dict[str, dict[str, int]]) -> dict[str, Path]:
    """Output path -> source file: static folders (the site's over the theme's), then referenced content files."""
    files: dict[str, Path] = {}
    for folder in theme.static_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files[path.relative_to(folder).as_posix()] = path
    problems = []
    for article in site.articles:
        wanted = ([("image", article.image.src)] if article.image and article.image.is_local else []) + [(None, f) for f in article.files]
        for key, target in wanted:
            source = config.content_path / target
            if source.is_file():
                files[target] = source
            else:
                what = "image" if key else "linked file"
                problems.append(
                    Problem(
                        f"{config.content_dir}/{article.source_path}",
                        lines.get(article.source_path, {}).get("image") if key else None,
                        key,
                        f"{what} {target!r} not found (put it at {config.content_dir}/{target} or fix the path)",
                    )
                )
    if problems:
        raise ContentError(problems)
    return files


def broken_links(site: Site, shown_as: str) -> list[Problem]:
    """Markdown links from one article to another that is not published."""
    known = {a.source_path for a in site.articles}
    return [
        Problem(f"{shown_as}/{a.source_path}", None, None, f"links to {target}, which is not a published article")
        for a in site.articles
        for target in a.article_links
        if target not in known
    ]


def check_collisions(pages: list[Page], files: dict[str, Path], urls: Urls) -> None:
    """Two things that would be written to one output file: an error naming both."""
    owners: dict[str, str] = {}
    problems = []
    # Articles in file order, so the message is on the file that sorts later.
    for page in sorted(pages, key=lambda p: p.context["article"].source_path if p.kind == "article" else ""):
        owner = f"content/{page.context['article'].source_path}" if page.kind == "article" else f"the {page.kind} page"
        path = output_file(page.path)
        if path in owners:
            problems.append(
                Problem(
                    owner,
                    None,
                    "slug" if page.kind == "article" else None,
                    f"has the same URL /{page.path} as {owners[path]} (set a different `slug:` or date)",
                )
            )
        owners.setdefault(path, owner)
    for path, source in files.items():
        if path in owners:
            problems.append(Problem(str(source), None, None, f"would overwrite /{path} of {owners[path]}"))
    if problems:
        raise ContentError(problems)


def read_settings(config: Config) -> ReadSettings:
    names = tuple((name, *sorted(other.values())) for name, other in sorted(config.tag_names.items()))
    return ReadSettings(config.lang, config.timezone, config.require, config.search, names)


def cache_stamp(config: Config) -> str:
    """Everything besides a file's bytes that changes what it reads as."""
    parts = {
        "ssg": __version__,
        "markdown": python_markdown.__version__,
        "extensions": EXTENSIONS,
        "settings": config.render_key(),
        "search": getattr(search, "TERMS_VERSION", ""),
    }
    return json.dumps(parts, sort_keys=True)


def global_fingerprint(config: Config, theme: Theme) -> str:
    """What every page depends on besides its own data and templates."""
    parts = {
        "ssg": __version__,
        "config": repr(sorted((k, repr(v)) for k, v in vars(config).items() if k not in ("root", "output_dir", "cache_dir"))),
        "strings": theme.strings,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def protected_dirs(config: Config) -> list[Path]:
    return [
        config.content_path,
        config.root / config.static_dir,
        config.root / config.templates_dir,
        config.root / "themes",
    ]
