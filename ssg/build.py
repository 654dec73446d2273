"""build(config) -> BuildResult: the whole pipeline, top to bottom.

Read every article (through the cache), assemble the site, check it, plan every page, and only
then render and write. Each phase is timed (`ssg build --profile`). Nothing reaches the output
folder until every phase has succeeded.

A `Builder` runs the pipeline again and again (the preview keeps one), carrying over what does
not need doing twice; `build()` is one build by a fresh one.
"""

from __future__ import annotations

import difflib
import functools
import gc
import hashlib
import importlib.metadata
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from operator import attrgetter, eq
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import quote

import markdown as python_markdown
import slugify
from babel.core import get_global
from jinja2 import FileSystemBytecodeCache

from . import __version__, search
from .cache import Store, unusable
from .config import CONFIG_FILE, Config, option_line
from .content import RECORD_FORMAT, Article, Day, ReadSettings, StandalonePage, as_read, body_line, slug_of
from .errors import ConfigError, ContentError, OutputError, Problem, SsgError, TemplateError, with_lines
from .feeds import EntryText, Feed, feed_languages, feed_sources
from .fingerprints import READS_COUNT, Fingerprints, Remembered, Templates
from .frontmatter import FrontMatterError, read_front_matter
from .inputs import code_version, gather, record, up_to_date
from .load import Known, content_stats, linked_folders, load_articles, other_article_files, posts_outside, published, restat
from .markdown import ARTICLE_SUFFIXES, EXTENSIONS, inline_text
from .output import Manifest, Output, check_manifest, check_output_dir, empty_trash, moving_list, read_manifest
from .pages import Page, Planned, latest_links, menu_links, plan
from .pathhints import ContentPaths, image_hint, link_hint, listing_hint, relative, template_link_hint, wikilink_target
from .pelican import LISTING_LINKS, drafts_by_default
from .redirects import REDIRECT_KIND, moved_pages, redirect_pages
from .render import Bodies, Cards, Renderer, body_links, branding, check_pages, latest_script, render_pages
from .shortcodes import is_wikilink, wikilink_hint, wikilink_parts
from .site import Site, assemble, reassemble, tag_key
from .sitemap import Entries, listed, robots_txt, sitemap_files
from .standalone import Standalones
from .targets import Written, page_candidates, site_yaml_paths, template_link_problems
from .theme import CARD_TEMPLATE, REDIRECT_TEMPLATE, Theme, load_theme
from .urls import Urls, link_paths, output_file
from .yamlload import key_value, line_below

_KIND = attrgetter("kind")


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
    articles: int = 0  # article files found (read or from the cache), drafts and files with errors included
    page_files: int = 0  # standalone pages found (About: `content.StandalonePage`), drafts included
    drafts_left_out: int = 0
    later_left_out: int = 0  # articles dated after the build (not drafts)
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    peak_mib: dict[str, float] = field(default_factory=dict)  # after each phase, the largest RSS the build process has had so far
    counts: dict[str, str] = field(default_factory=dict)  # phase -> what it went through and what it wrote (the profile shows it)
    up_to_date: bool = False  # nothing changed since the last build into the same folder: nothing done
    resumed: int = 0  # files the last build was moving in when it was stopped (Ctrl-C, kill, a full disk): made again
    checked: int = 0  # ssg check: the pages rendered (one of each kind) to check the templates

    def record(self) -> dict:
        """What a later build with the same inputs reports (see `restore`)."""
        return {
            "pages": dict(self.pages),
            "files": self.files,
            "left_out": [self.drafts_left_out, self.later_left_out],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def restore(self, record: dict) -> BuildResult:
        self.pages.update(record["pages"])
        self.files = record["files"]
        self.drafts_left_out, self.later_left_out = record.get("left_out", (0, 0))
        self.warnings = [Problem.from_dict(w) for w in record["warnings"]]
        self.up_to_date = True
        return self

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.pages.items()))
        total = sum(self.pages.values())
        return (
            f"Built {total} pages ({kinds}) and {self.files} files in {self.seconds:.2f} s: "
            f"{self.changed} written, {self.deleted} removed, {_count(len(self.warnings), 'warning')}"
            + (f", {self.left_out()}" if self.left_out() else "")
            + f" -> {self.output}"
            + (" (up to date: nothing changed since the last build)" if self.up_to_date else "")
            + (
                f" (the last build was stopped while moving {_count(self.resumed, 'file')} in; this one made them again: "
                "the folder holds one build again)"
                if self.resumed
                else ""
            )
        )

    def left_out(self, include: str | None = None) -> str:
        """What the build did not publish, and the options that would: '2 drafts and 1 article dated later left out
        (--drafts, --future to include)'; empty when it published everything. `include`: what does instead, for a
        command without those options (`ssg serve --no-drafts`)."""
        parts, options = [], []
        if self.drafts_left_out:
            parts.append(_count(self.drafts_left_out, "draft"))
            options.append("--drafts")
        if self.later_left_out:
            parts.append(f"{_count(self.later_left_out, 'article')} dated later")
            options.append("--future")
        return f"{' and '.join(parts)} left out ({include or ', '.join(options) + ' to include'})" if parts else ""


def _peak_mib() -> float:
    """The largest resident size this process has had, in MiB (0 where the platform cannot tell)."""
    try:
        import resource  # not on Windows
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


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
            self.result.peak_mib[name] = _peak_mib()


class Assembled(NamedTuple):
    """A site model and what it was assembled from (`assemble`'s arguments)."""

    grouping: tuple  # languages, tag names, the content folder as problems name it, and the files that failed to read
    articles: list[Article]
    site: Site


class Builder:
    """Builds a project, and builds it again, keeping between builds what it learnt (the preview holds one).

    Every build first hashes its inputs (`inputs.py`): the same inputs as the last build into the
    same folder, whose output is intact, and there is nothing to do. Otherwise the site model and
    every fingerprint are made afresh, so a rebuild never disagrees with a cold build, and only
    pages, feeds and sitemaps whose fingerprint changed are made. Between builds it keeps what
    each content file reads as (a rebuild reads, and asks the cache about, only the changed ones),
    each content file's size and mtime (told which paths changed, as the watcher tells it, it lists
    again only their folders; else it stats every file), what each template refers to, the
    manifest it left in each output folder, each page's sitemap entry, the search index, and the hash of its own code.
    """

    def __init__(self, remember: bool = True) -> None:
        """`remember=False`: a builder for one build, which keeps nothing for a next (less memory)."""
        self.remember = remember
        self.known: Known | None = None
        self.templates: Templates | None = None
        self.manifests: dict[Path, Manifest] = {}
        self.committed: dict[Path, Manifest] = {}  # the manifest this builder last wrote to each output folder (if it remembers)
        self.trashed: set[Path] = set()  # the output folders its builds may have set files aside beside (`empty_trash`)
        self.code = ""  # ssg's code and libraries, hashed (see `inputs.code_version`)
        self.planned: Planned | None = None  # the last build's pages, by what they were made from
        self.prints: Remembered | None = None  # the last build's page fingerprints, by what they were made from
        self.urls: tuple[Config, Urls] | None = None
        self.assembled: Assembled | None = None  # the last site model, and what it was made from
        self.search = SearchWriter(remember)
        self.stats: tuple[Path, dict[str, tuple[int, int]]] | None = None  # the content folder, and its files as last stat'ed
        self.sitemap: Entries | None = None  # each page's sitemap entry, as the last sitemap made it
        self.sitemap_later: tuple[list[Page], Urls, tuple[str, ...]] | None = None  # the entries `tidy` is to make
        self.cards: Cards | None = None  # the listing entries made, kept from build to build (`render.Cards`)
        # Its owner keeps what outlives builds frozen (`gc.freeze`: the preview's `watch.collect_garbage`), so its builds
        # leave the collector's generations as they are. Told, not asked: `gc.get_freeze_count` counts every frozen
        # object (30 ms at 10,000 articles, twice a build).
        self.frozen = False

    def missed_changes(self, config: Config) -> bool:
        """Whether the content folder differs from what this builder last saw of it, and so from what file events
        since then told: a check for events the watcher missed (the preview runs it while the author pauses)."""
        if self.stats is None or self.stats[0] != config.content_path:
            return False  # the next build lists everything anyway
        return content_stats(config.content_path) != self.stats[1]

    def cards_for(self, base: str, counts: bool) -> Cards:
        """The listing entries made so far under `base` (`render.Cards`): none for a one-shot build; a long-lived
        builder's last build's, unless that was under another base. `counts`: the entry template reads tag counts."""
        if not self.remember:
            return Cards(base, counts=counts)
        if self.cards is None or self.cards.base != base:
            self.cards = Cards(base, share=True, counts=counts)
        return self.cards

    def tidy(self) -> None:
        """Do what the last build left for a quiet moment (the preview calls this when the author pauses): save the
        search index's state; make the sitemap's entries if no build has yet (the first edit that changes the list
        of pages would wait for all of them: 0.5 s at 10,000 articles); let go of the listing entries of articles that
        are no more (an edited article's earlier self)."""
        self.search.indexer.flush()
        self.empty_trash()
        if self.cards is not None and self.assembled is not None:
            self.cards.keep_only(self.assembled.site.articles)
        if self.sitemap_later is not None:
            (pages, urls, languages), self.sitemap_later = self.sitemap_later, None
            self.sitemap = Entries(urls, languages)
            self.sitemap.of(pages)

    def empty_trash(self) -> None:
        """Remove the files its builds replaced or deleted, which they set aside rather than free between a save and
        the page's reload (`Output`'s `defer`)."""
        for folder in self.trashed:
            empty_trash(folder)

    def build(
        self,
        config: Config,
        options: BuildOptions = BuildOptions(),
        changed: Collection[str] | None = None,
        committing: Callable[[], AbstractContextManager] = nullcontext,
    ) -> BuildResult:
        """Build the site; raise `SsgError` with every problem found, leaving the output untouched.

        `changed`: the content paths that file events say changed since this builder's last build (`watch`): only
        their folders are listed again. None (unknown): every content file is stat'ed. `committing`: held while files
        are moved into the output folder, the only time its files change (the preview's server waits then)."""
        with fewer_collections():
            return self._build(config, options, changed, committing)

    def _build(
        self, config: Config, options: BuildOptions, changed: Collection[str] | None, committing: Callable[[], AbstractContextManager]
    ) -> BuildResult:
        last_stats, self.stats = self.stats, None  # (a build that fails before it stats the content leaves none to go on from)
        check_content_dir(config)
        if self.remember:  # (a one-shot build's cache was checked by `build`, which goes without one it cannot write)
            check_cache_dir(config)
        if self.remember and not options.dry_run and (why := unusable(config.cache_path)) is not None:
            message = f"cannot hold the build cache ({why}, or set cache_dir in {CONFIG_FILE} to a folder ssg can write)"
            raise OutputError(Problem(str(config.cache_path), None, None, message))
        result = BuildResult(config.output_path)
        phase = _Phases(result)
        now = options.now or datetime.now(UTC)
        store = open_store(config, options.dry_run)
        try:
            inputs = None
            if not options.dry_run:
                with phase("inputs"):
                    self.code = self.code or code_version()
                    content = None
                    if changed is not None and last_stats is not None and last_stats[0] == config.content_path:
                        content = restat(config.content_path, last_stats[1], changed)
                    inputs = gather(config, (options.drafts, options.future, options.strict), self.code, content)
                    result.counts["inputs"] = _count(len(inputs.content), "content file")
                    if self.remember:
                        self.stats = (config.content_path, inputs.content)
                    saved = store.last_build(str(config.output_path))
                    summary = up_to_date(saved, inputs, now, lambda: self._manifest(config.output_path), config.output_path)
                    if moving_list(config.output_path).exists():
                        summary = None  # the last build was stopped while moving files in: some may hold an older build's
                if summary is not None and not (self.remember and self.planned is None):
                    return result.restore(summary)  # (a long-lived builder's first build learns the site: its first save is then quick)
            with phase("theme"):
                theme = load_theme(config)
                if not options.dry_run:
                    theme.env.bytecode_cache = _TemplateCache(config.cache_path / "templates")
                result.counts["theme"] = _count(theme.check_templates(), "template")
                result.warnings += theme.string_warnings(config, checking=options.dry_run)
            with phase("read"):
                stats = inputs.content if inputs else None
                loaded = load_articles(
                    config.content_path, store, read_settings(config), options.jobs, config.content_dir, self.known, stats
                )
                self.known = loaded.known
                result.read = loaded.read
                result.articles, result.page_files = len(loaded.articles) + len(loaded.unreadable), len(loaded.pages)
                result.counts["read"] = f"{_count(loaded.read, 'file')} read, the rest from the cache"
            # Every problem of the content is found before any is reported: the site is assembled from the articles that
            # read cleanly (the others count as there, so that nothing is blamed on their absence).
            with phase("assemble"):
                articles, result.drafts_left_out, later = published(loaded.articles, options.drafts, options.future, now)
                standalone, page_drafts, later_pages = published(loaded.pages, options.drafts, options.future, now, attrgetter("dated"))
                result.later_left_out, result.drafts_left_out = len(later) + len(later_pages), result.drafts_left_out + page_drafts
                problems = list(loaded.problems) + language_problems(config, [*articles, *standalone], loaded.lines)
                waiting = originals_left_out(articles, loaded.pages, loaded.unreadable) if config.multilingual else {}
                site = self._assemble(articles, standalone, config, loaded.unreadable | frozenset(waiting))
                problems += with_lines(site.problems, loaded.lines, config.content_dir)
                urls = self._urls(config)
                site_warnings = with_lines(site.warnings, loaded.lines, config.content_dir)
                told = {p.path for p in problems if p.field == "lang"}  # (one message on a wrong `lang:`: the error's)
                read_warnings = [w for w in loaded.warnings if not (w.field == "lang" and w.path in told)]
                result.warnings += read_warnings + site_warnings + broken_links(site, config, loaded.unreadable)
                result.warnings += tag_name_warnings(config, site) + spaced_tags(config, site, loaded.lines)
                result.warnings += with_lines(
                    translations_alone(waiting, loaded.articles, config.content_dir), loaded.lines, config.content_dir
                )
                result.warnings += with_lines(far_future(config, later, now), loaded.lines, config.content_dir)
                if options.dry_run or not loaded.articles:  # (a walk of the whole folder: for ssg check, or an empty site)
                    result.warnings += unread_articles(config, bool(loaded.articles or loaded.pages or loaded.problems))
                result.warnings += posts_outside(config.root, config.content_dir) + drafts_by_default(config.root)
                if not self.remember:  # (a walk of the folders alone, some 10 ms at 10,000 articles: not on every save)
                    result.warnings += linked_folders(config.root, (config.content_dir, config.static_dir))
                files, missing = files_to_copy(config, theme, site, loaded.lines)
                result.warnings += search_warnings(config, theme)
                planned = Planned(config, self.planned, self.remember)
                pages = list(plan(site, config, urls, planned)) + search_pages(config, theme, urls)
                redirects, not_ours, elsewhere = redirect_pages(site, urls, config.content_dir)
                pages += redirects
                result.warnings += with_lines(elsewhere, loaded.lines, config.content_dir)
                feeds = list(feed_sources(config, urls, site))
                generated = {feed.path: f"the feed {feed.title!r}" for feed, _ in feeds} | {
                    urls.sitemap(): "the sitemap",
                    urls.latest(): "the latest articles' list",
                }
                single_lang = None if config.multilingual else config.lang
                page_files = set(map(attrgetter("file"), pages))
                clashes = collisions(pages, files, single_lang, generated, config.content_dir, config.root, page_files)
                search_folder = [config.search.path] if config.search.enabled else []  # (its index's files: made later)
                written = Written(page_files, files, generated.keys() | {urls.robots()}, search_folder)
                result.warnings += unknown_site_links(site, config, urls, written)
                if self.templates is None:
                    self.templates = Templates(store.templates())
                # (Those of entries and redirects always: the first or last old URL of the site changes no other page's.)
                used = {page.template for page in pages}  # (16,500 pages at 10,000 articles: gone over once)
                analysis = self.templates.analyse(theme, sorted(used | {CARD_TEMPLATE, REDIRECT_TEMPLATE}))
                candidates = functools.cache(lambda: sorted({*files, *generated, *page_candidates(pages)}))  # (for a misspelt path)
                result.warnings += template_link_problems(analysis.links, written, config, candidates)
                yaml_errors, yaml_warnings = site_yaml_paths(config, written, candidates)
                problems += yaml_errors
                result.warnings += yaml_warnings
                if "base_url" in config.flagged:  # (a staging build, --base-url: an old URL on the site's own host is no mistake)
                    elsewhere = with_lines(not_ours, loaded.lines, config.content_dir)
                    result.warnings += [replace(p, message=f"{p.message}; no page there in this build (--base-url)") for p in elsewhere]
                    not_ours = []
                problems += missing + with_lines(clashes + not_ours, loaded.lines, config.content_dir)  # (on the key that makes one)
                needed = self.templates.references(theme, sorted(used), analysis)
                problems += theme.missing_templates(needed)
                if problems:  # (with --strict, the warnings are errors among them)
                    raise (
                        ContentError(problems + strict_errors(result.warnings), [])
                        if options.strict
                        else ContentError(problems, result.warnings)
                    )
                result.counts["assemble"] = (
                    f"{_count(len(site.articles), 'article')}, {_count(len(site.tags), 'tag')}, {_count(len(pages), 'page')}"
                )
            if options.strict and result.warnings:
                raise SsgError(strict_errors(result.warnings))
            if options.dry_run:  # (render one page of each kind, writing nothing: a template's runtime error fails here too)
                # Where site.yaml puts the output (`output_dir: content` passed ssg check, and failed the build); what is
                # in the folder (files ssg did not make) is the build's to say, so force.
                check_output_dir(
                    config.output_path, config.root, protected_dirs(config), True, config.cache_path, config.origin("output_dir")
                )
                with phase("pages"):
                    latest, paths = latest_links(site, config, urls), link_paths(site, urls)
                    renderer = Renderer(config, theme, site, urls, latest, Bodies.of(store.db), paths, files=files)
                    result.checked = check_pages(renderer, pages, CARD_TEMPLATE in needed)
                    result.counts["pages"] = f"{_count(result.checked, 'page')} rendered to check the templates"
                return result
            check_output_dir(
                config.output_path, config.root, protected_dirs(config), options.force, config.cache_path, config.origin("output_dir")
            )
            # Files a build would find as they were left: in the preview's folder, and where this long-lived builder
            # (`build --watch`) committed the current manifest itself.
            previous = self._manifest(config.output_path)
            inside_cache = config.cache_path.resolve() in config.output_path.resolve().parents
            private = config.output_path.resolve() == config.preview_path.resolve()  # the preview's folder: all in it is ssg's
            own = inside_cache or previous is self.committed.get(config.output_path)
            if previous.signature is None and not private:
                check_manifest(config.output_path)
            output = Output(config.output_path, previous, own, private, defer=self.remember)
            if self.remember:
                self.trashed.add(config.output_path)  # (a build that fails as it moves files in has set some aside too)
            try:  # (from here on, the output folder is locked and the staging folder made: `abort` undoes both)
                to_write = Plan(config, options, theme, site, urls, pages, files, feeds, analysis.templates)
                prints = write_site(to_write, store, output, phase, result, self)
                with phase("commit"), committing():
                    result.changed, result.resumed = len(output.changed), output.resumed
                    gone = output.commit()
                    result.deleted = len(gone)
                    result.counts["commit"] = f"{_count(result.changed, 'file')} moved in, {result.deleted} removed"
            except BaseException as error:
                output.abort()
                if isinstance(error, OSError):  # a full disk, a folder without permission: a message, not a traceback
                    raise OutputError(output.failure(error)) from error
                raise
            with phase("commit"):
                self.manifests[config.output_path] = output.manifest()
                if self.remember:
                    self.committed[config.output_path] = self.manifests[config.output_path]
                self.planned, self.prints = planned, prints
                store.remember_templates(self.templates.take_added())
                judged = None if options.future else now
                ends = [article.date - FAR_FUTURE for article in later if article.date - now > FAR_FUTURE]  # (its warning's)
                ends += [page.dated for page in later_pages]  # (a page dated later is published from its date on)
                state = record(inputs, self.manifests[config.output_path], loaded.articles, judged, files.values(), result.record(), ends)
                store.remember_build(str(config.output_path), state)
                if not private:  # (after the record: a later build that finds it all up to date has moved nothing)
                    result.warnings += moved_pages(gone, output.old, pages, config.output_dir, config.content_dir)
        finally:
            store.close()
        return result

    def _assemble(self, articles: list[Article], pages: list[StandalonePage], config: Config, unreadable: frozenset[str]) -> Site:
        """The site model: the last build's with the edited articles swapped in, where that is all that changed; with
        the standalone pages, which are few and grouped anew every build (`Standalones`)."""
        grouping = (config.language_codes if config.multilingual else (), config.tag_names, config.content_dir, unreadable)
        last = self.assembled
        site = None
        if last is not None and last.grouping == grouping:
            languages, tag_names, shown_as, _ = grouping
            site = reassemble(last.site, last.articles, articles, languages, tag_names, shown_as)
        if site is None:
            site = assemble(articles, *grouping)
        if self.remember:
            self.assembled = Assembled(grouping, articles, site)
        return replace(site, standalone=Standalones.of(pages, grouping[0]))

    def _urls(self, config: Config) -> Urls:
        """The URL map of `config`: the last build's (with the article URLs it made) while the config is the same."""
        if not (self.remember and self.urls is not None and self.urls[0] == config):
            self.urls = (config, Urls.from_config(config))
        return self.urls[1]

    def _manifest(self, folder: Path) -> Manifest:
        """The manifest of `folder`: as this builder left it, unless another build wrote there since."""
        kept = self.manifests.get(folder)
        if kept is None or not kept.still_current(folder):
            kept = self.manifests[folder] = read_manifest(folder)
        return kept


def open_store(config: Config, checking: bool) -> Store:
    """The build cache. `ssg check` (`checking`) creates none, and reads through the one a build left where there is
    one (at 10,000 articles: 1.1 s instead of 11.7 s), or keeps its records in memory where it cannot be opened (a
    read-only checkout)."""
    path, stamp = config.cache_path / "cache.sqlite", cache_stamp(config)
    if checking and not path.is_file():
        return Store(None, stamp)
    try:
        return Store(path, stamp)
    except (sqlite3.Error, OSError):
        if not checking:
            raise
        return Store(None, stamp)


def build(config: Config, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the site once; raise `SsgError` with every problem found, leaving the output untouched.

    A cache that cannot be written (a read-only checkout building into a folder elsewhere, as Hugo builds one) is not
    needed for one build: it builds through a cache of its own in a temporary folder, with a warning."""
    check_cache_dir(config)
    why = None if options.dry_run else unusable(config.cache_path)
    if why is None:
        return Builder(remember=False).build(config, options)
    with tempfile.TemporaryDirectory(prefix="ssg-cache-") as folder:
        result = Builder(remember=False).build(replace(config, cache_dir=folder), options)
    message = f"cannot hold the build cache ({why}, to spare reading every article again): built without it"
    result.warnings.append(Problem(str(config.cache_path), None, None, message))
    return result


def check_cache_dir(config: Config) -> None:
    """Refuse a cache folder that is the project folder, above it, or in a source folder: its files would land among the
    user's (`ssg serve` builds its preview in it), and deleting the cache, which the README says is always safe, would
    delete theirs."""
    cache, root = config.cache_path.resolve(), config.root.resolve()

    def refused(message: str) -> ConfigError:
        return ConfigError(Problem(CONFIG_FILE, option_line(config.root, "cache_dir"), "cache_dir", message))

    if cache == root or cache in root.parents:
        raise refused(f"{cache} is the project folder or above it; use a folder of its own, e.g. .ssg-cache")
    for folder in protected_dirs(config):
        folder = folder.resolve()
        if cache == folder or folder in cache.parents:
            raise refused(f"{cache} is inside {folder.name}/, which holds your sources; use a folder of its own, e.g. .ssg-cache")
    output = config.output_path
    if output in cache.parents and not (output == root or output in root.parents):  # (those, and the cache itself: -o's fault)
        raise refused(f"{cache} is inside the output folder, {output}, which a build publishes; use a folder of its own, e.g. .ssg-cache")


@contextmanager
def fewer_collections() -> Iterator[None]:
    """A build makes millions of objects that live until its end; collecting every 700 of them costs a fifth of a rebuild.

    (Nested, the inner one changes nothing: the preview holds one for its lifetime, see `watch.Rebuilder.run`.)"""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], 100_000), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates under the cache; a damaged file is compiled again, never an error."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - whatever a damaged file makes pickle or marshal raise
            bucket.reset()


class Plan(NamedTuple):
    """What a build writes, all decided before anything is: the settings, the theme, the site model, every page, copied file and feed."""

    config: Config
    options: BuildOptions
    theme: Theme
    site: Site
    urls: Urls
    pages: list[Page]
    files: dict[str, Path]  # output path -> source file
    feeds: list[tuple[Feed, Sequence[Article]]]  # every feed and its articles, newest first (`feeds.feed_sources`)
    templates: dict[str, tuple[str, frozenset[str]]]  # each template's fingerprint and the context names it reads


def write_site(plan: Plan, store: Store, output: Output, phase: _Phases, result: BuildResult, builder: Builder) -> Remembered | None:
    """Render every page, feed and sitemap whose inputs changed, then the search index and copied files.

    `builder` lends what it keeps between builds: the templates' references, the search writer, the page fingerprints
    of its last build into the same folder, and the hash of ssg's code (part of every fingerprint). Returns this
    build's fingerprints (for its next build, when it remembers).
    """
    config, options, theme, site, urls, pages, files, feeds, analysed = plan
    searching, previous, remember, code = builder.search, builder.prints, builder.remember, builder.code
    latest = latest_links(site, config, urls)
    bodies = Bodies(store.path)
    # Where each article and standalone page (and each tag a Pelican link names) is: pages, feeds and fingerprints ask.
    paths = link_paths(site, urls)
    with phase("plan"):
        # Every head links each language's feed, and every header shows the menu (a page added to it, or a title there
        # changed, makes every page again).
        menus = menu_links(site.standalone, config, urls)
        base = global_fingerprint(config, theme, store.stamp, code) + repr(feed_languages(site, config)) + repr(sorted(menus.items()))
        # (A theme given a search.html shows the search box on every page, as a favicon or custom.css of the site's is linked there.)
        base += repr(theme.searching(config.search.enabled)) + repr(branding(files))
        card_print, card_reads = analysed[CARD_TEMPLATE]
        renderer = Renderer(
            config, theme, site, urls, latest, bodies, paths, builder.cards_for(base + card_print, READS_COUNT in card_reads), files
        )
        prints = Fingerprints(base, analysed, site, paths, latest, previous, keep=remember)
        fingerprints = list(map(prints.page, pages))
        todo = [(p, f) for p, f in zip(pages, fingerprints, strict=True) if not output.unchanged(p.file, f)]
        result.pages.update(map(_KIND, pages))
        result.counts["plan"] = f"{len(todo)} of {_count(len(pages), 'page')} to render (their inputs changed)"
    with phase("pages"):
        before = len(output.changed)
        try:
            for staged in render_pages(renderer, output, todo, options.jobs, builder.frozen):
                output.record(staged)
        except TemplateError as error:  # every template's error, as `ssg check` finds them, not only this page's
            raise TemplateError(error.problems + sampled_problems(renderer, pages, analysed)) from None
        result.counts["pages"] = f"{len(todo)} rendered, {_since(output, before)} of them changed"
    with phase("feeds"):
        before, made = len(output.changed), 0
        from .atom import atom_feed  # only now: a render helper forked earlier would count feedgen and lxml a second time

        text = entry_text(theme, urls, bodies, paths)
        favicon = branding(files)[0]
        for feed, articles in feeds:
            fingerprint = prints.feed(feed, articles[: config.feeds["entries"]])
            if not output.unchanged(feed.path, fingerprint):
                output.write(feed.path, atom_feed(config, urls, feed, articles, site, text, favicon), fingerprint)
                made += 1
            result.pages["feed"] += 1
        output.write(urls.latest(), latest_script(theme, latest, map(attrgetter("lang"), pages)))  # (a few lines: made every time)
        result.files += 1
        result.counts["feeds"] = f"{made} of {_count(len(feeds), 'feed')} made, {_count(_since(output, before), 'file')} changed"
    with phase("sitemap"):
        before = len(output.changed)
        fingerprint = prints.sitemap(pages)
        kept = output.unchanged_group(fingerprint)
        builder.sitemap_later = None
        if kept is None:
            kept = []
            entries = Entries(urls, config.language_codes, builder.sitemap, keep=remember)
            if remember:  # (a function of each page alone: right for the next build whether or not this one succeeds)
                builder.sitemap = entries
            for path, data in sitemap_files(pages, urls, languages=config.language_codes, entries=entries):
                output.write(path, data, fingerprint)
                kept.append(path)
        elif remember and builder.sitemap is None:  # (a long-lived builder's first build, which had nothing to change)
            builder.sitemap_later = (pages, urls, config.language_codes)
        result.files += len(kept)
        result.counts["sitemap"] = f"{len(listed(pages))} URLs in {_count(len(kept), 'file')}, {_since(output, before)} changed"
        if urls.robots() not in files:  # a robots.txt of the site's own (static/) wins
            output.write(urls.robots(), robots_txt(urls))
            result.files += 1
    if theme.searching(config.search.enabled):
        with phase("search"):
            before, index_files = len(output.changed), 0
            cache = search.TermsCache(store.stamp, store.terms)
            docs = searching.docs(store.stamp, site, paths)
            for file in searching.indexer.files(docs, config.search, search_state(config), cache, builder.frozen):
                fingerprint = "search:" + file.digest  # an unchanged file is neither hashed again nor compared
                if not output.unchanged(file.path, fingerprint):
                    output.write(file.path, file.data, fingerprint)
                index_files += 1
            result.files += index_files
            result.counts["search"] = f"{_count(len(docs), 'document')} in {_count(index_files, 'file')}, {_since(output, before)} changed"
    with phase("copy"):
        before = len(output.changed)
        copy_files(files, store, output)
        result.files += len(files)
        result.counts["copy"] = f"{_count(len(files), 'file')}, {_since(output, before)} changed"
    return prints.remembered() if remember else None


def sampled_problems(renderer: Renderer, pages: list[Page], analysed: dict[str, tuple[str, frozenset[str]]]) -> list[Problem]:
    """What rendering one page of each kind finds wrong with the templates (`render.check_pages`, as `ssg check` does),
    for a build that failed on a page: it names them all, not only the first a render met."""
    cards = any("card" in analysed[name][1] for name in {page.template for page in pages} if name in analysed)
    try:
        check_pages(renderer, pages, cards)
    except TemplateError as error:
        return error.problems
    return []


def strict_errors(warnings: list[Problem]) -> list[Problem]:
    """The warnings as errors, as `--strict` makes them."""
    return [Problem(w.path, w.line, w.field, f"{w.message} (an error with --strict)") for w in warnings]


# An article dated later than this is more likely a typo (2062 for 2026) than one scheduled: an archive schedules days or
# weeks ahead (with --strict, a warning for each of those would fail the build), never years.
FAR_FUTURE = timedelta(days=366)


def far_future(config: Config, later: list[Article], now: datetime) -> list[Problem]:
    """A warning for each article left out as dated more than `FAR_FUTURE` after the build: it simply did not appear,
    and a typo in its date was the usual cause. (Only of those left out: with --future, it is there to be seen.)"""
    today = now.astimezone(config.tz).date()
    warnings = []
    for article in later:
        if article.date - now <= FAR_FUTURE:
            continue
        written = article.date.date().isoformat() if isinstance(article.date, Day) else article.date.isoformat()
        typo = f"a typo, {article.date.year} for {today.year}?" if article.date.year != today.year else "a typo?"
        message = (
            f"{written} is more than a year after this build ({today}): the article is left out until then "
            f"({typo} if the date is right, --future includes it)"
        )
        warnings.append(Problem(f"{config.content_dir}/{article.source_path}", None, "date", message))
    return warnings


def _count(n: int, thing: str) -> str:
    """The profile's counts: "1 file", "2 files"."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _since(output: Output, before: int) -> int:
    """How many files the build has changed since it had changed `before`."""
    return len(output.changed) - before


def copy_files(files: dict[str, Path], store: Store, output: Output) -> None:
    """Copy static and content files; one whose size and mtime did not change is not read (as content files)."""
    known = store.copies()
    seen = {}
    for path, source in sorted(files.items()):
        stat = os.stat(source)
        before = known.get(str(source))
        same = before is not None and before[:2] == (stat.st_size, stat.st_mtime_ns)
        seen[str(source)] = (stat.st_size, stat.st_mtime_ns, output.copy(path, source, before[2] if same else None))
    store.remember_copies([(source, *row) for source, row in seen.items() if known.get(source) != row], known.keys() - seen.keys())


_IN_PAGE_LINK = re.compile(r"""(<a\s[^>]*?\bhref=)(["'])#""")


def entry_text(theme: Theme, urls: Urls, bodies: Bodies, paths: dict[str, str]) -> EntryText:
    """What feeds show besides metadata: bodies with every link absolute, image credits in the article's language."""

    def body(article: Article) -> str:
        html = body_links(bodies(article), urls, paths, urls.absolute, theme.translator(article.lang))
        if "#" not in html:
            return html
        # A link within the article (a footnote, a heading): a reader resolves `#fn:1` against the feed, not the page.
        page = urls.absolute(urls.article(article))
        return _IN_PAGE_LINK.sub(lambda m: f"{m[1]}{m[2]}{page}#", html)

    def credit(article: Article) -> str:
        return (
            theme.t(article.lang, "image_source", credit=inline_text(article.image.credit))
            if article.image and article.image.credit
            else ""
        )

    return EntryText(body, credit)


def check_content_dir(config: Config) -> None:
    """No content folder is a mistake (a typo in `content_dir`, the wrong folder), not an empty archive: built, the
    empty site would replace the published one at the next sync."""
    if config.content_path.is_dir():
        return
    if config.content_dir == Config.content_dir:  # the default: site.yaml does not name it
        message = f"the content folder is not in {config.root}: create it (ssg new writes articles there), or set content_dir in site.yaml"
        raise ConfigError(Problem(f"{config.content_dir}/", None, None, message))
    where, key = config.origin("content_dir")
    raise ConfigError(
        Problem(where, None, key, f"the content folder {config.content_dir!r} is not in {config.root}: fix the name, or create it")
    )


def unread_articles(config: Config, any_read: bool) -> list[Problem]:
    """A warning for each file of the content folder that starts with front matter but is not Markdown
    (`load.other_article_files`): a Jekyll post written in HTML (as WordPress imports make them) was left out without
    a word, the site built empty. And one for an archive with no article at all (`any_read`: some file read, well or
    not)."""
    problems = []
    for path in other_article_files(config.content_path):
        message = (
            "not read: it has front matter, but ssg reads articles from Markdown files (.md): "
            f"rename it to {PurePosixPath(path).stem}.md (Markdown keeps its HTML as it is)"
        )
        problems.append(Problem(f"{config.content_dir}/{path}", 1, None, message))
    if not any_read and not problems:
        problems.append(
            Problem(f"{config.content_dir}/", None, None, 'no articles (Markdown files, .md) here yet: ssg new "Title" starts one')
        )
    return problems


def language_problems(config: Config, articles: list[Article], lines: dict[str, dict[str, int]]) -> list[Problem]:
    """On a bilingual site every article's language must be one of `languages:`. The fix most likely meant comes first:
    `lang: rus` (ISO 639-2), `RU` or `ru-RU` is the site's `ru` written otherwise, where adding `rus` to `languages:`
    (which the message suggested alone) would make a third language of one."""
    if not config.multilingual:
        return []
    problems = []
    for article in articles:
        wrong = config.foreign_language(article.lang)
        if wrong:
            meant = _language_meant(article.lang, config.language_codes)
            fix = (
                f": write lang: {meant} (or add {article.lang!r} to `languages:` in site.yaml)"
                if meant
                else "; add it to `languages:` in site.yaml"
            )
            problems.append(Problem(f"{config.content_dir}/{article.source_path}", None, "lang", wrong + fix))
    return with_lines(problems, lines, config.content_dir)


def _language_meant(code: str, codes: tuple[str, ...]) -> str | None:
    """The one of the site's language `codes` that `code` writes otherwise: in another case (`RU`), with a region
    (`ru-RU`, `ru_RU`), or as ISO 639-2 and older codes name it (`rus`, `eng`: Babel's aliases); None for another."""
    base = code.replace("_", "-").split("-")[0].lower()
    alias = get_global("language_aliases").get(base, base).split("_")[0].lower()
    found = [known for known in codes if known.lower() in (code.lower(), base, alias)]
    return found[0] if len(found) == 1 else None


def tag_name_warnings(config: Config, site: Site) -> list[Problem]:
    """A warning on the line of each `tag_names:` entry that is most likely a mistake:

    - It names no article's tag but is close to one that does: a typo there (`Roscosmso: {ru: Роскосмос}`) silently
      made the Russian name a tag of its own, the English one without it. An entry's tag that only its other names
      bring counts as no article's; then only a typo's distance (`_one_edit_apart`) tells, not a likeness (`Soyuz`
      with Russian articles only, beside `Soyuz-2`, is right). An entry with no close tag may be for articles to come.
    - It names a language that is not in `languages:` (`{fr: ...}`, `{rus: ...}` for ru): its articles are read
      with the tag still, but no page shows that name."""
    if not config.tag_names:
        return []
    found: list[tuple[str, str]] = []  # (entry, message)
    codes = config.language_codes if config.multilingual else ()
    for name, names in config.tag_names.items():
        other = [code for code in names if codes and code not in codes]
        if other:
            message = f"{name}: {', '.join(map(repr, other))} is not in `languages:` ({', '.join(codes)}): articles with that name get the tag, but no page shows the name; add the language there or correct its code"
            found.append((name, message))
    used = {tag.key: tag.name for tag in site.tags if tag.count}
    written = {tag_key(name) for article in site.articles for name in article.tags}  # (by the entry's own name, or else only its others)
    for key, name in sorted({tag_key(name): name for name in config.tag_names}.items()):
        if key in written:
            continue
        if key in used:  # (its other names make a tag of their own)
            close, goes = [k for k in used if k != key and _one_edit_apart(key, k)], "make a tag of their own, apart from it"
        else:
            close, goes = difflib.get_close_matches(key, used, n=1, cutoff=0.8), "go to no tag"
        close = [k for k in close if _DIGITS.sub("", k) != _DIGITS.sub("", key)]  # (Союз МС-25 beside МС-24: a series, no typo)
        if close:
            found.append(
                (name, f"{name!r} is no article's tag; did you mean {used[close[0]]!r}? (as written, the names given here {goes})")
            )
    if not found:
        return []  # (the usual case: the file is not read)
    where = config.tag_names_file or CONFIG_FILE
    after = None if config.tag_names_file else option_line(config.root, "tag_names")
    return [Problem(where, line_below(config.root / where, name, after), "tag_names", message) for name, message in found]


_DIGITS = re.compile(r"\d")


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter changed, added or dropped, or two neighbours swapped: a typo's distance."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    at = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[at + 1 :] == shorter[at:]
    return a[at + 1 :] == b[at + 1 :] or (a[at : at + 2] == b[at : at + 2][::-1] and a[at + 2 :] == b[at + 2 :])


def originals_left_out(
    published: Sequence[Article], pages: Sequence[StandalonePage] = (), unreadable: frozenset[str] = frozenset()
) -> dict[str, list[str]]:
    """The originals that published translations name (`translation_of:`) and that are not published -> those
    translations: drafts, later-dated articles, and files that are not there (an original deleted or moved). A
    translation is published alone until its original is: making the original a draft, or deleting it, failed the whole
    build (and the preview). A standalone page named so is no original, which stays an error (`translations`), and a
    file that failed to read has errors of its own."""
    published_paths = {a.source_path for a in published}
    wanted = {a.translation_of for a in published if a.translation_of and a.translation_of not in published_paths}
    if not wanted:
        return {}  # (the usual case)
    left_out = wanted - {p.source_path for p in pages} - unreadable
    waiting: dict[str, list[str]] = {}
    for article in published:
        if article.translation_of in left_out:
            waiting.setdefault(article.translation_of, []).append(article.source_path)
    return waiting


def translations_alone(waiting: dict[str, list[str]], read: Sequence[Article], content_dir: str) -> list[Problem]:
    """A warning on each translation published alone (`originals_left_out`), saying why and what to do: wait for the
    draft, or, where the original's file is not there, restore it or leave the translation on its own (a likely file
    meant named, when one of the read articles has a close path: a typo or a move)."""
    there = {a.source_path for a in read}
    problems = []
    for original, paths in sorted(waiting.items()):
        if original in there:
            message = f"{original} is a draft or dated later: this translation is published alone until it is"
        else:
            message = (
                f"{content_dir}/{original} is not there (deleted or moved?): this translation is published alone; "
                f"remove translation_of: to keep it so, or restore the original{_meant(original, there - set(paths))}"
            )
        problems += [Problem(f"{content_dir}/{path}", None, "translation_of", message) for path in sorted(paths)]
    return problems


def _meant(original: str, there: set[str]) -> str:
    """` (or name the file it likely is: translation_of: 2015/x.md)` where an article (not the translation) has the
    original's file name in another folder (moved), or a close name in its folder (a typo); else nothing."""
    paths = ContentPaths(there)
    found = paths.same_name(original) or paths.close_name(original)
    return f" (or name the file it likely is: translation_of: {found})" if found and found != original else ""


def spaced_tags(config: Config, site: Site, lines: dict[str, dict[str, int]]) -> list[Problem]:
    """A warning for `tags: Roscosmos ISS`, names parted by spaces as Jekyll writes them: here that is one new tag,
    "Roscosmos ISS", and the article is on neither tag's page. Said only when it is the article's one tag, written as a
    plain string (not in a list, quotes or with commas), and each of its words is a tag of other articles: a tag of
    several words that are not all tags (Alexander Bloshenko, Space Station) is never named. (A Jekyll post's, named
    `2019-03-05-name.md`, is read as Jekyll reads it: `content._Reader.tags`.)"""
    spaced = [a for a in site.articles if len(a.tags) == 1 and " " in a.tags[0]]
    if not spaced:
        return []  # (the usual case)
    known = {tag.key for tag in site.tags if tag.count} | {tag_key(name) for tag in site.tags if tag.count for _, name in tag.names}
    problems = []
    for article in spaced:
        words = article.tags[0].split()
        line = lines.get(article.source_path, {}).get("tags")
        if all(tag_key(word) in known for word in words) and _plain_value(config.content_path / article.source_path, line) == words:
            message = (
                f"{article.tags[0]!r} is one tag, though each of its words is a tag already: for those, write tags: [{', '.join(words)}]"
            )
            problems.append(Problem(f"{config.content_dir}/{article.source_path}", line, "tags", message))
    return problems


def _plain_value(path: Path, line: int | None) -> list[str] | None:
    """The words of a front-matter line `key: plain words` (no quotes, brackets or commas), or None."""
    try:
        text = path.read_text(encoding="utf-8").split("\n")[line - 1] if line else ""
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    _, value = key_value(text) or ("", "")
    return value.split() if value and value[0] not in "[{'\"#" and "," not in value else None


class SearchWriter:
    """The search index's side of a build: what the index shows of each article, and the index writer.

    A long-lived builder keeps one (`remember`): it hands the writer the same SearchDoc for an
    unchanged article build after build, and the writer saves its state when the preview is idle
    (`search.Indexer`)."""

    def __init__(self, remember: bool = False) -> None:
        self.remember = remember
        self.indexer = search.Indexer(defer=remember)
        self._made: dict[tuple[str, str], search.SearchDoc] = {}  # (article key, path) -> its SearchDoc
        self._reading = ""  # the `cache_stamp` they were made under: a key says what an article is only under one
        # (an article's tags as pages show them, its language) -> their names in a hit; kept while the builder lives
        self._labels: dict[tuple[tuple, str], tuple[str, ...]] = {}

    def docs(self, reading: str, site: Site, paths: dict[str, str]) -> list[search.SearchDoc]:
        """Each article as the index shows it; its terms stay in the cache (keyed by the article's key) until the
        index writer asks for them: after one edit it needs only a few. `reading`: this build's `cache_stamp`."""
        if reading != self._reading:
            self._made, self._labels, self._reading = {}, {}, reading
        articles = site.articles
        keys = list(zip(map(attrgetter("key"), articles), map(paths.__getitem__, map(attrgetter("source_path"), articles)), strict=True))
        docs = list(map(self._made.get, keys))
        # A hit shows its tags as their pages name them (site.yaml's name in the article's language, else the most used
        # spelling), not as the article spelt them: that may change while the article does not. (In C where it can be:
        # a save of the preview goes over every article.)
        labels = self._labels
        named = list(
            zip(map(site.tags_shown.__getitem__, map(attrgetter("source_path"), articles)), map(attrgetter("lang"), articles), strict=True)
        )
        tags = list(map(labels.get, named))
        for n in [n for n, found in enumerate(tags) if found is None]:
            lang = articles[n].lang
            tags[n] = labels[named[n]] = tuple(t.label(lang) for t in site.tags_of(articles[n]))
        shown = [doc.tags if doc is not None else None for doc in docs]
        for n in [n for n, same in enumerate(map(eq, shown, tags)) if not same]:
            article, path = articles[n], keys[n][1]
            date = article.date.isoformat()
            source = article.source.name if article.source else ""
            docs[n] = search.SearchDoc(path, path, article.title, date, article.lang, article.summary, tags[n], None, article.key, source)
        if self.remember:
            self._made = dict(zip(keys, docs, strict=True))
        return docs  # type: ignore[return-value]


def search_state(config: Config) -> Path:
    """Where the search index keeps what it needs to update itself: one file per output folder
    (the preview builds another site into its own folder), in the cache, safe to delete."""
    folder = hashlib.sha256(str(config.output_path).encode()).hexdigest()[:12]
    return config.cache_path / f"search-{folder}.sqlite"


def search_pages(config: Config, theme: Theme, urls: Urls) -> list[Page]:
    """The search page, when search is on and the theme has a `search.html`; on a bilingual site one more for each other
    language, in that language (the header's search box leads there), searching the same index."""
    if not theme.searching(config.search.enabled):
        return []
    index = config.search.path
    others = [code for code in config.language_codes if code != config.lang] if config.multilingual else []
    return [Page(index, "search", "search.html", config.lang, None, {"index": index}, ())] + [
        Page(urls.lang_search(code, index), "search", "search.html", code, None, {"index": index}, ()) for code in others
    ]


def files_to_copy(config: Config, theme: Theme, site: Site, lines: dict[str, dict[str, int]]) -> tuple[dict[str, Path], list[Problem]]:
    """Output path -> source file: static folders (the site's over the theme's), then referenced content files; and a
    problem for each referenced file that is not there."""
    files: dict[str, Path] = {}
    problems = []
    for folder in theme.static_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                if path.is_symlink() and not _links_within(path, config.root, folder.parent):
                    problems.append(_linked_out(config, path))
                    continue
                files[path.relative_to(folder).as_posix()] = path
    if not theme.searching(config.search.enabled):  # (the search page's scripts, and their licences with them)
        files = {path: source for path, source in files.items() if not _search_static(path, theme.search_static)}
    static = set(files)  # a file of static/ is in the site at its path too (Hugo's `image: /images/logo.png`)
    content = config.content_path
    there: ContentPaths | None = None  # the content folder's files, listed for the first one missing
    published: ContentPaths | None = None  # and the articles' (a link written as template code may name one)
    for article, wanted in _files_named(site):
        for key, target in wanted:
            source = content / target
            if source.is_file():
                files[target] = source
            elif target not in static:
                there = there or ContentPaths.files_in(content)
                published = published or ContentPaths(a.source_path for a in site.articles)
                what = "image" if key else "linked file"
                path = f"{config.content_dir}/{article.source_path}"
                message = f"{what} {target!r} not found ({_fix_missing(config, there, published, article, key, target)})"
                found = [lines.get(article.source_path, {}).get("image")] if key else _lines_naming(content / article.source_path, target)
                problems += [Problem(path, line, key, message) for line in found or [None]]
    return files, problems


def _links_within(path: Path, *folders: Path) -> bool:
    """Whether the link `path` leads to a file inside one of `folders` (the project, or the theme it is in), or to a
    git-annex object of a repository holding the project: git-annex keeps every large file (a photo archive's) as such
    a link, into `.git/annex/objects/` at the repository's top, which is outside a project kept in a subfolder."""
    target = path.resolve()
    if any(target.is_relative_to(folder.resolve()) for folder in folders):
        return True
    return any(part == ".git" and target.parts[i + 1 : i + 3] == ("annex", "objects") for i, part in enumerate(target.parts)) and any(
        target.is_relative_to(top / ".git") for top in folders[0].resolve().parents
    )


def _linked_out(config: Config, path: Path) -> Problem:
    """A static file that is a link to a file outside the project (`static/key.txt -> ~/.ssh/id_rsa`): it is not copied.
    A static folder is published whole, unread, so a link there could publish what nobody meant to (linked folders are
    not followed at all); Hugo stopped following a theme's links for that reason."""
    shown = path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else str(path)
    message = (
        f"is a link to {path.resolve()}, outside the project, which ssg does not publish: copy the file into "
        f"{path.parent.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else path.parent}/ to publish it, or remove the link"
    )
    return Problem(shown, None, None, message)


def _search_static(path: str, listed: tuple[str, ...]) -> bool:
    """Whether a static file's path is one of theme.yaml's `search_static:` (a file, or in a folder ending in `/`)."""
    return any(path == entry or (entry.endswith("/") and path.startswith(entry)) for entry in listed)


def search_warnings(config: Config, theme: Theme) -> list[Problem]:
    """A warning when site.yaml's search is on and the theme has no search page: the site is built without search (no
    index, no scripts, no search box), which a theme of one's own without `search.html` otherwise did without a word,
    while still writing the whole index."""
    if theme.searching(config.search.enabled) or not config.search.enabled:
        return []
    message = (
        f"is on, but the theme {config.theme!r} has no search.html: the site is built without search (no search page, "
        "index or scripts); give the theme a search.html (or `extends: default` in its theme.yaml), or set search: {enabled: false}"
    )
    return [Problem(CONFIG_FILE, option_line(config.root, "search"), "search", message)]


def _files_named(site: Site) -> Iterator[tuple[Article | StandalonePage, list[tuple[str | None, str]]]]:
    """Each article and standalone page that names files under content/, and those: (the key, "image" for an article's
    image, else None, and the file's content path)."""
    for article in site.articles:
        if article.files or (article.image and article.image.is_local):
            image = [("image", article.image.src)] if article.image and article.image.is_local else []
            yield article, image + [(None, f) for f in article.files]
    for page in site.standalone.pages:
        if page.files:
            yield page, [(None, f) for f in page.files]


def _with_texts(site: Site) -> tuple[Article | StandalonePage, ...]:
    """The articles and standalone pages: everything whose text may link."""
    return (*site.articles, *site.standalone.pages) if site.standalone.pages else site.articles


def _fix_missing(
    config: Config, there: ContentPaths, published: ContentPaths, article: Article | StandalonePage, key: str | None, target: str
) -> str:
    """What to do about a file an article names (its `image:` when `key` is "image", else a link in its text) that the
    content folder (`there`: its files, `published`: its articles) does not have."""
    guess = (image_hint if key else link_hint)(there, config.content_dir, article.source_path, target)
    page = None if key else next((target + s for s in ARTICLE_SUFFIXES if (config.content_path / (target + s)).is_file()), None)
    # `![x]({{ site.baseurl }}/images/x.jpg)`, `[x]({% post_url 2018-12-03-x %})`, `[x]({{< ref "x" >}})`
    if told := template_link_hint(published, config.content_dir, article.source_path, target):
        return told
    if page:  # `[x](b/)`, the page's URL: an article is linked by its file
        return f"{config.content_dir}/{page} is an article: link to its file, {relative(article.source_path, page)}"
    return guess or f"put it at {config.content_dir}/{target} or fix the path"


def broken_links(site: Site, config: Config, unreadable: frozenset[str] = frozenset()) -> list[Problem]:
    """Markdown links from one article (or standalone page) to another that is not published, each on the line that
    links (one that failed to read has its own error), with the path it was likely meant to be when a published article
    suggests one."""
    texts = _with_texts(site)
    known = {a.source_path for a in texts} | unreadable
    published = ContentPaths(known)
    problems = []
    for a in texts:
        for target in a.article_links:
            if target in known:
                continue
            if is_wikilink(target):  # Obsidian's `[[Коммерсантъ]]`, which shows as text
                linked = wikilink_target(published, wikilink_parts(target)[0])
                message = wikilink_hint(target, linked and relative(a.source_path, linked))
                problems.append(
                    Problem(
                        f"{config.content_dir}/{a.source_path}", _wikilink_line(config.content_path / a.source_path, target), None, message
                    )
                )
                continue
            if target.startswith(LISTING_LINKS):  # Pelican's `{tag}Байконур`
                if message := listing_hint(site.tags, target):
                    where = f"{config.content_dir}/{a.source_path}"
                    problems += [
                        Problem(where, line, None, message) for line in _lines_naming(config.content_path / a.source_path, target) or [None]
                    ]
                continue
            exists = (config.content_path / target).is_file()  # a draft, or dated later: that is the article meant
            guess = None if exists else link_hint(published, config.content_dir, a.source_path, target)
            message = f"links to {target}, which is not a published article" + (f" ({guess})" if guess else "")
            where = f"{config.content_dir}/{a.source_path}"
            problems += [
                Problem(where, line, None, message) for line in _lines_naming(config.content_path / a.source_path, target) or [None]
            ]
    return problems


def unknown_site_links(site: Site, config: Config, urls: Urls, written: Collection[str]) -> list[Problem]:
    """Links from the site's root (`/images/x.jpg`, as Hugo and Jekyll archives write them) to nothing the build writes,
    each on the line that links: the published page would show a broken picture or link, and nothing else would say so
    before `ssg check --links` (which names the built page, not the article). Warnings: the host may serve more than the
    site (an error with --strict)."""
    linking = [article for article in _with_texts(site) if article.site_links]
    by_slug: dict[str, list[str]] = {}  # an old site's URL ends in the article's slug (/2021/10/soyuz-ms-19/)
    problems = []
    for article in linking:
        for target in article.site_links:
            if target in written or output_file(target) in written or f"{target}/index.html" in written:
                continue
            last = target.rstrip("/").rsplit("/", 1)[-1]
            if not by_slug:
                for a in _with_texts(site):
                    by_slug.setdefault(a.slug, []).append(a.source_path)
            meant = by_slug.get(last.removesuffix(".html").removesuffix(".htm") if last.endswith((".html", ".htm")) else last, [])
            if (config.content_path / target).is_file():
                fix = f"{config.content_dir}/{target} is there: link to it from this article, {relative(article.source_path, target)}"
            elif target.startswith(urls.tags()) and target.count("/") <= 2:  # (`/tags/baikonur/`: an old site's tag page)
                fix = _tag_page_hint(site, urls, target)
            elif target.endswith("/") or "." not in last or len(meant) == 1:  # a page's URL, as the old site had it (Jekyll's x.html)
                file = relative(article.source_path, meant[0]) if len(meant) == 1 else "../2021/its-name.md"
                fix = f"link to the article's file instead ({file}), which ssg makes its URL wherever it is"
            else:
                fix = f"put the file at static/{target}, or fix the path"
            message = f"links to /{target}, which this site does not have ({fix})"
            where = f"{config.content_dir}/{article.source_path}"
            lines = _lines_naming(config.content_path / article.source_path, target.rstrip("/"))
            problems += [Problem(where, line, None, message) for line in lines or [None]]
    return problems


def _tag_page_hint(site: Site, urls: Urls, target: str) -> str:
    """What to link instead of a tag page this site does not have (`/tags/baikonur/`, an old site's spelling): the page
    of the tag whose name or slug it is closest to."""
    wanted = target.removeprefix(urls.tags()).strip("/").removesuffix(".html")
    by_spelling = {tag.slug: tag for tag in site.tags} | {slug_of(tag.name): tag for tag in site.tags}
    close = difflib.get_close_matches(slug_of(wanted) or wanted, by_spelling, n=1, cutoff=0.7)
    if close:
        tag = by_spelling[close[0]]
        return f"the tag {tag.name!r} has its page at /{urls.tag(tag.slug)}: link to that"
    return f"no tag has that page; the tags are listed at /{urls.tags()}"


def _wikilink_line(path: Path, tag: str) -> int | None:
    """The line of the body of the article at `path` holding `tag` (a wikilink), read only for its message."""
    try:
        text = as_read(path.read_text(encoding="utf-8"))
        end_line = read_front_matter(text).end_line
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None
    return body_line(text, tag, end_line)


def _lines_naming(path: Path, target: str) -> list[int]:
    """The lines of `path` that link `target`'s file (links are relative, so the file name is what they share): where
    the name stands as a link's (after `(`, `/`, `<`, a quote, `=` or a reference's `: `), else where it is written at
    all; read only for a message."""
    name = target.rsplit("/", 1)[-1]
    try:
        lines = [line + "\n" for line in path.read_text(encoding="utf-8").splitlines()]  # (a name may end its line)
    except (OSError, UnicodeDecodeError):
        return []
    # Markdown's (name), (name#part), (name "title"), <name with spaces>; HTML's href="name"; a page's URL (name/,
    # name/#part), which reaches here without its slash (the path is normalised). As written: decoded, or with its
    # spaces and letters %-encoded (схема%20запуска.png).
    ends = (")", "#", " ", '"', "'", "/", "?", ">", "\n")
    names = [name, quote(name), name.replace(" ", "%20")]
    written = [n for n, line in enumerate(lines, 1) if any(w + end in line for w in names for end in ends)]
    linked = [n for n in written if re.search(_LINKED.format("|".join(map(re.escape, names))), lines[n - 1])]
    return linked or written[:1]


_LINKED = r"""(?:[(/<"'=]|\]:\s*)(?:{})"""  # a file name where a link's path ends (`_lines_naming`)


def collisions(
    pages: list[Page],
    files: dict[str, Path],
    single_lang: str | None,
    generated: dict[str, str],
    shown_as: str,
    root: Path | None = None,
    paths: set[str] | None = None,
) -> list[Problem]:
    """Two things that would be written to one output file: a problem naming both.

    `single_lang`: the site's language when it has no `languages:` (then two articles in two languages on one URL are
    translations, and the message says how to publish both). `generated`: the other files the build writes (feeds,
    the sitemap), by what they are, so that a static file in their place is named with them. Articles are named as
    `shown_as/<path>` (the content folder). A redirect page (`redirects.py`) never takes the place of anything else:
    the problem is on the old URL that makes it, naming a file it would overwrite from `root` (the project's). `paths`:
    the pages' files, where the caller has them."""
    paths = set(map(attrgetter("file"), pages)) if paths is None else paths
    redirects = [page for page in pages if page.kind == REDIRECT_KIND]
    problems = _folder_clashes(redirects, paths | files.keys() | generated.keys(), shown_as) if redirects else []
    if len(paths) == len(pages) and paths.isdisjoint(files) and generated.keys().isdisjoint(files):
        return problems  # the usual case, found without the sorting that orders the messages
    owners: dict[str, Page] = {}
    # Articles in file order, so the message is on the file that sorts later; then standalone pages (a page on an
    # article's URL is the page's to move: its slug alone makes it), in file order; redirects last.
    for page in sorted(pages, key=lambda p: (p.kind == REDIRECT_KIND, p.kind == "page", _source_of(p) or "")):
        path = page.file
        if path in owners and page.kind == REDIRECT_KIND:
            first = owners[path]
            what = "an old URL of {} too (one page can redirect to one article: remove it from one of them)"
            what = what if first.kind == REDIRECT_KIND else "the URL of {} (a redirect cannot take its place: remove the old URL here)"
            problems.append(_redirect_clash(page, "is " + what.format(_owner(first, shown_as)), shown_as))
        elif path in owners:
            first = owners[path]
            message = _collision(page, first, single_lang, _owner(first, shown_as))
            problems.append(Problem(_owner(page, shown_as), None, "slug" if page.kind in ("article", "page") else None, message))
        owners.setdefault(path, page)
    for path, source in files.items():
        if path in owners and owners[path].kind == REDIRECT_KIND:
            shown = source.relative_to(root) if root and source.is_relative_to(root) else source
            what = f"is the path of {shown}, which the site copies there (a redirect cannot take its place: remove the old URL here)"
            problems.append(_redirect_clash(owners[path], what, shown_as))
        elif path in owners:
            problems.append(Problem(str(source), None, None, f"would overwrite /{path} of {_owner(owners[path], shown_as)}"))
        elif path in generated:  # (a name of ssg's own, such as latest.js, which a site may have used before ssg wrote it)
            message = f"would overwrite /{path} of {generated[path]}, which ssg writes there: give this file another name"
            problems.append(Problem(str(source), None, None, message))
    return problems


def _folder_clashes(redirects: list[Page], written: set[str], shown_as: str) -> list[Problem]:
    """A redirect whose path goes through a file the build writes (`/index.html/`: in the folder `index.html`), or
    that is an .html file where the build writes into a folder of that name: written, one would replace the other, a
    page of the site gone. Redirects only: every other path follows a pattern, and only a redirect is an .html file
    that could be a folder of another path (a path with `.htm` in a folder's name: a few, looked at alone)."""
    problems = []
    folders_of = {}  # a folder named like a page (x.html/) -> a path in it
    for path in written:
        if ".htm" in path.rpartition("/")[0]:
            parts = path.split("/")
            folders_of.update(("/".join(parts[:n]), path) for n in range(1, len(parts)))
    for page in redirects:
        folders = page.file.split("/")[:-1]
        through = next(("/".join(folders[: n + 1]) for n in range(len(folders)) if "/".join(folders[: n + 1]) in written), None)
        if through is not None:
            what = f"would make the file /{through}, which the site writes, a folder (a redirect cannot take its place: remove the old URL here)"
        elif page.file in folders_of:
            what = f"is a folder of the site (/{folders_of[page.file]} is in it): a redirect cannot take its place: remove the old URL here"
        else:
            continue
        problems.append(_redirect_clash(page, what, shown_as))
    return problems


def _redirect_clash(page: Page, what: str, shown_as: str) -> Problem:
    """An old URL of an article (`redirects.py`) where the site has something else, on the key that names it."""
    return Problem(_owner(page, shown_as), None, page.context["alias"].key, f"/{page.path} {what}")


def _source_of(page: Page) -> str | None:
    """The content path of the article or standalone page a page is of (its own page, or a redirect to it)."""
    if page.kind == "article":
        return page.context["article"].source_path
    if page.kind == "page":
        return page.context["standalone"].source_path
    return page.context["source_path"] if page.kind == REDIRECT_KIND else None


def _same_name(a: Page, b: Page) -> bool:
    return a.context["article"].source_path.rsplit("/", 1)[-1] == b.context["article"].source_path.rsplit("/", 1)[-1]


def _owner(page: Page, shown_as: str) -> str:
    source = _source_of(page)
    return f"{shown_as}/{source}" if source else f"the {page.kind} page"


def _collision(page: Page, first: Page, single_lang: str | None, first_owner: str) -> str:
    """What to do about two pages on one URL: a translation on a site without `languages:` needs those, not a new slug."""
    message = f"has the same URL /{page.path} as {first_owner}"
    langs = [p.lang for p in (first, page)] if {page.kind, first.kind} <= {"article", "page"} else []
    if page.kind == first.kind == "article" and not single_lang and langs[0] == langs[1] and _same_name(first, page):
        return f"{message}, in the same language: if one translates the other, give it its `lang:` (a folder's name does not set it)"
    if single_lang and len(set(langs)) == 2:
        langs = sorted(set(langs) | {single_lang}, key=lambda code: (code != single_lang, code))  # the site's own first
        return (
            f"{message}, in another language: to publish translations side by side, list the languages in site.yaml "
            f"(languages: [{', '.join(langs)}]; see docs/languages.md)"
        )
    return f"{message} (set a different `slug:`)" if page.kind == "page" else f"{message} (set a different `slug:` or date)"


def read_settings(config: Config) -> ReadSettings:
    names = tuple((name, *sorted(other.values())) for name, other in sorted(config.tag_names.items()))
    return ReadSettings(
        config.lang,
        config.timezone,
        config.require,
        config.search,
        names,
        config.cyrillic_lang,
        config.other_alphabet_lang,
        config.content_dir,
    )


def cache_stamp(config: Config) -> str:
    """Everything besides a file's bytes that changes what it reads as."""
    parts = {
        "ssg": __version__,
        "markdown": python_markdown.__version__,
        "extensions": EXTENSIONS,
        "pymdownx": _version_of("pymdown-extensions"),  # (of `EXTENSIONS`)
        "slugs": [slugify.__version__, _version_of("iuliia")],  # how a file name or `slug:` becomes the URL's
        "settings": config.render_key(),
        "search": getattr(search, "TERMS_VERSION", ""),
        "code": _reader_code(),  # a working copy's edits to how files read, between two version numbers
        "content": config.content_dir,  # files are remembered by path under it
        "record": RECORD_FORMAT,  # what a record holds
    }
    return json.dumps(parts, sort_keys=True)


@functools.cache
def _version_of(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:  # (a copy without its metadata: the code's own stamp still changes)
        return ""


@functools.cache
def _reader_code() -> str:
    """Read once a process, at its first build (the code it runs): a long `ssg serve` that hashed the files on disk after they
    changed would stamp what its old code read as the new code's."""
    here = Path(__file__).parent
    return hashlib.sha256(
        b"".join(
            (here / name).read_bytes()
            for name in (
                "content.py",
                "dates.py",
                "frontmatter.py",
                "markdown.py",
                "pelican.py",
                "scripts.py",
                "shortcodes.py",
                "yamlload.py",
            )
        )
    ).hexdigest()


def global_fingerprint(config: Config, theme: Theme, reading: str, code: str) -> str:
    """What every page depends on besides its own data and templates; `reading`: the build's `cache_stamp` (it reads
    ssg's reader code, so it is made once a build); `code`: `inputs.code_version()`, ssg's code and libraries (how
    pages render, between two version numbers too)."""
    parts = {
        "ssg": __version__,
        "code": code,
        "reading": reading,  # with it, an article's key (file path and bytes) determines all of the article
        "config": repr([(k, repr(v)) for k, v in config.settings() if k not in ("root", "output_dir", "cache_dir")]),
        "strings": theme.strings,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def protected_dirs(config: Config) -> list[Path]:
    return [
        config.content_path,
        config.root / config.static_dir,
        config.root / config.templates_dir,
        config.root / "themes",
        config.root / "i18n",  # the site's own interface strings (theme.py)
    ]
