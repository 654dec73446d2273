"""build(config) -> BuildResult: the whole pipeline, top to bottom.

Read every article (through the cache), assemble the site, check it, plan every page, and only
then render and write: `Builder._build` is that list, one method per phase, each timed (`ssg build
--profile`). Nothing reaches the output folder until every phase has succeeded. What the checks
look for is in `checks`, `links`, `copies` and `collisions`; how files are written, in `output`.

A `Builder` runs the pipeline again and again (the preview keeps one), carrying over what does
not need doing twice; `build()` is one build by a fresh one.
"""

from __future__ import annotations

import errno
import functools
import gc
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import accumulate, chain, compress, filterfalse
from operator import attrgetter, not_
from pathlib import Path
from typing import NamedTuple

import jinja2
from jinja2 import FileSystemBytecodeCache

from . import checks, search
from .cache import Held, Store, disk_full, foreign_files, give_back, held, record_failure, tracked_by_git, unusable, write_failure
from .charsets import name_not_utf8
from .checks import check_content_dir, check_folder_loops
from .code import code_version, current_umask
from .collisions import case_clashes, collisions, old_url_case_clashes
from .config import CONFIG_FILE, Config
from .content import Article, StandalonePage
from .copies import conflicted, copy_files, file_problems, files_to_copy
from .errors import (
    ConfigError,
    ContentError,
    OutputError,
    Problem,
    SsgError,
    TemplateError,
    TemplateTimeoutError,
    once,
    unreadable,
    with_lines,
)
from .events import ContentEvents
from .exclude import Exclusions
from .feeds import EntryText, Feed, feed_languages, feed_sources, language_name, moved_feed_ids
from .fingerprints import READS_COUNT, Analysis, Fingerprints, Remembered, Templates
from .inputs import Inputs, gather, record, up_to_date
from .labels import Labels
from .leaks import Reach
from .links import broken_links, unknown_site_links
from .load import (
    Known,
    ListingStoppedError,
    Loaded,
    content_stats,
    linked_folders,
    load_articles,
    posts_outside,
    published,
    restat,
    scheduled,
)
from .locks import release_lock, wait_for_lock
from .markdown import ARTICLE_SUFFIXES, REF_PREFIX, inline_markdown, inline_text
from .oldurls import OldUrls
from .output import (
    SPARES_KEPT,
    Manifest,
    Output,
    check_manifest,
    check_output_dir,
    empty_trash,
    moving_list,
    read_manifest,
    remove_staging,
    some_of,
    untouched_state,
)
from .pages import ArticleLink, Page, Planned, latest_links, menu_links, plan
from .pelican import drafts_by_default
from .printmemo import PrintMemo
from .reach import unreached
from .redirects import (
    listing_aliases,
    listing_redirects,
    moved_pages,
    old_feed_clashes,
    old_feeds,
    redirect_pages,
    renamed_listings,
)
from .render import (
    Bodies,
    Cards,
    Renderer,
    body_links,
    branding,
    check_pages,
    latest_script,
    name_languages,
    render_pages,
    script_languages,
)
from .resources import no_inodes, out_of_memory, out_of_memory_error
from .searching import SearchWriter, prune_search_states, search_pages, search_state
from .shortcodes import is_file_embed
from .site import Site, assemble, reassemble
from .sitemap import Entries, listed, robots_txt, sitemap_files
from .stamps import cache_stamp, global_fingerprint, read_settings
from .standalone import Standalones
from .strays import stray_templates
from .targets import Written, page_candidates, site_yaml_paths, template_link_problems
from .theme import CARD_TEMPLATE, REDIRECT_TEMPLATE, Theme, compiled_form, load_theme
from .urls import Urls, link_paths
from .workers import usable_cores

_KIND, _FILE, _TEMPLATE = attrgetter("kind"), attrgetter("file"), attrgetter("template")


@dataclass(frozen=True)
class BuildOptions:
    """What one build does besides what site.yaml says."""

    drafts: bool = False
    future: bool = False
    strict: bool = False
    force: bool = False
    jobs: int = field(default_factory=usable_cores)
    now: datetime | None = None  # "future" is relative to this; default: the clock
    dry_run: bool = False  # check everything, write nothing (ssg check)
    # Told what holds the build cache, when another ssg process is using it and this build waits for it (`cache_lock`).
    waiting: Callable[[str], None] | None = None


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


@dataclass(frozen=True)
class _Run:
    """One build under way: what each of its phases reads (the settings, the cache, the build's moment) and fills in
    (the result, each phase's time)."""

    config: Config
    options: BuildOptions
    store: Store
    now: datetime
    result: BuildResult
    phase: _Phases
    # Warnings of what this build changes in the last one's output: true until it is moved in, so added to the result
    # after its record (a later build that finds everything up to date changes nothing).
    changes: list[Problem] = field(default_factory=list)


class Assembled(NamedTuple):
    """A site model and what it was assembled from (`assemble`'s arguments)."""

    grouping: tuple  # languages, tag names, the content folder as problems name it, the files that failed to read, source names
    articles: list[Article]
    site: Site


SITEMAP_BATCH = 1000  # pages whose sitemap entries `Builder.tidy` makes between two looks for a waiting save (20-40 ms)


class Builder:
    """Builds a project, and builds it again, keeping between builds what it learnt (the preview holds one).

    Every build first hashes its inputs (`inputs.py`): the same inputs as the last build into the
    same folder, whose output is intact, and there is nothing to do. Otherwise the site model and
    every fingerprint are made afresh, so a rebuild never disagrees with a cold build, and only
    pages, feeds and sitemaps whose fingerprint changed are made. Between builds it keeps what
    each content file reads as (a rebuild reads, and asks the cache about, only the changed ones),
    each content file's size and change time (told which paths changed, as the watcher tells it, it lists
    again only their folders; else it stats every file), what each template refers to, the
    manifest it left in each output folder, each page's sitemap entry, the search index, the theme (while its files and
    site.yaml are as they were), and the hash of its own code.
    """

    def __init__(self, remember: bool = True, looks_anew: bool = False, hears: bool = False, gives_back: bool = False) -> None:
        """`remember=False`: a builder for one build, which keeps nothing for a next (less memory). `looks_anew`: each
        build looks anew at what a long-lived builder otherwise takes as its last build left it, as `ssg build` does:
        every file of the output folder, even where this builder wrote them, and whether git tracks the cache (the
        build server's: a file may be deleted by hand, or the cache untracked, between two commands). `hears`: a build
        told nothing of what changed in the content folder asks the kernel's file events (`events.ContentEvents`, the
        build server's), and lists again only the folders they name. `gives_back`: a build that fails as the cache's disk
        fills, before the output was touched, gives the disk back the room it took in the cache (`cache.give_back`,
        `build`'s), while it still holds the cache's lock; `given_back` then says whether it deleted the database."""
        self.remember = remember
        self.gives_back = gives_back
        self.given_back: bool | None = None
        self.looks_anew = looks_anew
        self.hears = hears
        self.events: ContentEvents | None = None  # (where it hears them: those of the content folder of its last build)
        self.known: Known | None = None
        self.templates: Templates | None = None
        self.manifests: dict[Path, Manifest] = {}
        self.committed: dict[Path, Manifest] = {}  # the manifest this builder last wrote to each output folder (if it remembers)
        # Output folders where a file its last build there left is gone since (`output_gone`): the next build looks for each.
        self.distrusted: set[Path] = set()
        self.trashed: set[Path] = set()  # the output folders its builds may have set files aside beside (`empty_trash`)
        self.code = ""  # ssg's code and libraries, hashed (see `code.code_version`)
        self.planned: Planned | None = None  # the last build's pages, by what they were made from
        self.prints: Remembered | None = None  # the last build's page fingerprints, by what they were made from
        self.urls: tuple[Config, Urls] | None = None
        self.theme: tuple[tuple[Config, str], Theme] | None = None  # the last theme, and the settings and files it was loaded from
        self.assembled: Assembled | None = None  # the last site model, and what it was made from
        # The last build's standalone pages (About), which the model above leaves out (`_assemble`): the preview's tab
        # showing one follows it where its slug changed.
        self.standalone = Standalones()
        self.search = SearchWriter(remember)
        # The content folder, its files as last stat'ed, and `exclude:` as they were listed by (another lists them all anew)
        self.stats: tuple[Path, dict[str, tuple[int, int]], Exclusions | None] | None = None
        self.sitemap: Entries | None = None  # each page's sitemap entry, as the last sitemap made it
        self.sitemap_later: tuple[list[Page], Urls, tuple[str, ...]] | None = None  # the entries `tidy` is to make
        self.cards: Cards | None = None  # the listing entries made, kept from build to build (`render.Cards`)
        self.cards_later: tuple[Renderer, list[Page]] | None = None  # the last build's renderer and pages: `tidy` makes their entries
        self.git_told: dict[Path, Problem | None] = {}  # each cache folder's `tracked_by_git`, asked once per builder
        self.clippings = checks.ClippingKeys() if remember else None  # what its builds' `clippings_saved_twice` compared
        self.old_urls: OldUrls | None = None  # site.yaml's `old_urls:`, with each article's old address it made
        # Its owner keeps what outlives builds frozen (`gc.freeze`: the preview's `watch.collect_garbage`), so its builds
        # leave the collector's generations as they are. Told, not asked: `gc.get_freeze_count` counts every frozen
        # object (30 ms at 10,000 articles, twice a build).
        self.frozen = False
        self.moved = False  # whether its build's files were moved into the output folder yet: what a failure leaves there
        self.only_learns = False  # (while `learning` is held)
        self.unlearned: str | None = None  # why a build that only learns stopped: it would have changed the output (`learning`)

    @contextmanager
    def learning(self) -> Iterator[None]:
        """Its builds while this is held learn the archive and change nothing in the output folder, its manifest
        included (the build server's first, by the command it answered as `ssg build` does): one that would (a file
        changed since that command) stops with `NotLearnedError`, having written nothing, and says why in
        `unlearned`. Else the change would come from no command: after the command that asked for the output, with
        the server's umask (a test found 644 pages under a command's 077), while a deploy may be copying the output."""
        self.only_learns, self.unlearned = True, None
        try:
            yield
        finally:
            self.only_learns = False

    def missed_changes(self, config: Config, stop: Callable[[], bool] | None = None) -> bool:
        """Whether the content folder differs from what this builder last saw of it, and so from what file events
        since then told: a check for events the watcher missed (the preview runs it while the author pauses).

        `stop`: asked while it lists (`content_stats`); when it says so, it stops and says False: the next pause looks
        again (a save that waits is built first, and its build lists what its events name)."""
        if self.stats is None or self.stats[0] != config.content_path or self.stats[2] != config.exclude:
            return False  # the next build lists everything anyway
        return self._listing_differs(self.stats, stop)

    def check_hearing(self, stop: Callable[[], bool] | None = None) -> str | None:
        """Where this builder `hears` the content folder's changes: list it, and stop hearing them (every later build
        lists every file) where the listing differs from what the last build saw with no event to tell why, a change
        the kernel did not tell (on a network drive, made by another machine; through a hard link from elsewhere).
        Returns why it stopped, where it did now. The build server asks while the author pauses: such a change
        reaches the build after the one that missed it, not never. `stop` as in `missed_changes`."""
        events, stats = self.events, self.stats
        if events is None or events.deaf or stats is None or os.path.abspath(stats[0]) != events.root or events.pending():
            return None  # (changes wait for the next build, which lists their folders: a later pause looks)
        if self._listing_differs(stats, stop) and not events.pending():
            events.missed("a listing of the content folder found a change that no file event told")
            return events.deaf
        return None

    @staticmethod
    def _listing_differs(stats: tuple[Path, dict[str, tuple[int, int]], Exclusions | None], stop: Callable[[], bool] | None) -> bool:
        """Whether the content folder `stats` lists differs from them now (False where `stop` stopped the listing)."""
        try:
            return content_stats(stats[0], stop, stats[2]) != stats[1]
        except ListingStoppedError:
            return False
        except PermissionError:  # (a folder made unreadable: the build tells it)
            return True

    def output_gone(self, config: Config, stop: Callable[[], bool] | None = None) -> list[str]:
        """The files this builder's last build into the output folder left there that are gone since (deleted by hand),
        sorted; where there are any, its next build there looks for every file, as `ssg build` does, and makes those
        again. Its builds trust the files of the manifest they wrote to be there (`Output`'s `own`: 16,000 stats spared
        on each save at 10,000 articles), and such a file stayed missing until its inputs changed or the watch restarted:
        the watcher does not watch the output folder, where it would hear every file each build writes. (The preview
        asks while the author pauses, after it lists the content: 20,534 files looked for in 64-100 ms at 10,000
        articles, on our 2-core box while busy, and the listing 54-58 ms.)

        `stop`: asked every OUTPUT_BATCH files; when it says so, it stops and says none (the next pause looks again)."""
        folder = config.output_path
        manifest = self.committed.get(folder)
        if manifest is None or not manifest.still_current(folder):
            return []  # (none, or another build's since: the next build looks for every file anyway)
        paths, prefix, isfile, gone = list(manifest.files), os.path.join(folder, ""), os.path.isfile, []
        for start in range(0, len(paths), OUTPUT_BATCH):
            if stop is not None and stop():
                return []
            gone += [path[len(prefix) :] for path in filterfalse(isfile, map(prefix.__add__, paths[start : start + OUTPUT_BATCH]))]
        if gone:
            self.distrusted.add(folder)
        return sorted(gone)

    def cards_for(self, base: str, counts: bool) -> Cards:
        """The listing entries made so far under `base` (`render.Cards`): none for a one-shot build; a long-lived
        builder's last build's, unless that was under another base. `counts`: the entry template reads tag counts."""
        if not self.remember:
            return Cards(base, counts=counts)
        if self.cards is None or self.cards.base != base:
            self.cards = Cards(base, share=True, counts=counts)
        return self.cards

    def tidy(self, stop: Callable[[], bool] | None = None) -> None:
        """Do what the last build left for a quiet moment (the preview calls this when the author pauses): save the
        search index's state; make the sitemap's entries if no build has yet (the first edit that changes the list
        of pages would wait for all of them: 0.5 s at 10,000 articles); let go of the listing entries of articles that
        are no more (an edited article's earlier self); make the listing entries the last build did not
        (`Renderer.make_cards`: a first build that rendered nothing left the first save that moves a listing to make
        all of its entries); keep only as many of the files its builds set aside as the next ones may write over
        (`SPARES_KEPT`).

        `stop`: asked while the search index's state is written (0.2-0.45 s after a moved date at 10,000 articles),
        whether the author saved again: it stops then, and the next build saves it with its own (`Indexer.flush`).
        Asked too between batches of sitemap entries (0.23-0.29 s for all at 10,000 articles, which a save 0.3 s after
        the preview's first build waited for), and of listing entries: those made so far are kept, and the next pause
        makes the rest."""
        if not self.search.indexer.flush(stop):
            return
        self.empty_trash(keep=SPARES_KEPT)
        if self.cards is not None and self.assembled is not None:
            self.cards.keep_only(self.assembled.site.articles)
        if self.sitemap_later is not None:
            pages, urls, languages = self.sitemap_later
            # Each batch is made over the pages so far, taking over what the last made (`Entries`): an entry dated by
            # the newest of all is made again once a later batch moves that date, so the last is what one pass makes.
            # A pause that goes on where one stopped takes over what that made (by each page's identity: right even
            # where a build since changed the pages; `sitemap_later` is set only while no build made all the entries).
            start = self.sitemap.pages_made() if self.sitemap is not None else 0
            for end in [*range(start + SITEMAP_BATCH, len(pages), SITEMAP_BATCH), len(pages)]:
                entries = Entries(urls, languages, self.sitemap)
                entries.of(pages[:end])
                self.sitemap = entries  # (a previous for the next build as good as any: it takes over only the same pages)
                if end < len(pages) and stop is not None and stop():
                    return  # (`sitemap_later` stays: the next pause, or the next build's sitemap, goes on)
            self.sitemap_later = None
        if self.cards_later is not None:
            (renderer, pages), self.cards_later = self.cards_later, None  # (a failure is told once, not every pause)
            if not renderer.make_cards(pages, stop):
                self.cards_later = (renderer, pages)  # (the next pause goes on)

    def empty_trash(self, keep: int = 0) -> None:
        """Remove the files its builds replaced or deleted, which they set aside rather than free between a save and
        the page's reload (`Output`'s `defer`), but the last `keep`, which later builds write over. With none kept (the
        builder is done: the preview stops), the staging folders its builds left empty for the next go too."""
        for folder in self.trashed:
            empty_trash(folder, keep)
            if not keep:
                remove_staging(folder)

    def build(
        self,
        config: Config,
        options: BuildOptions = BuildOptions(),
        changed: Collection[str] | None = None,
        committing: Callable[[BuildResult], AbstractContextManager] = nullcontext,
    ) -> BuildResult:
        """Build the site; raise `SsgError` with every problem found, leaving the output untouched.

        `changed`: the content paths that file events say changed since this builder's last build (`watch`): only
        their folders are listed again. None (unknown): every content file is stat'ed. `committing`: held while files
        are moved into the output folder, the only time its files change (the preview's server waits then); called with
        the build's result, which says on leaving it what was moved in and removed (the preview publishes its epoch then)."""
        try:
            with fewer_collections():
                result = self._build(config, options, changed, committing)
        except sqlite3.OperationalError as error:  # (the cache's disk full: a message, not SQLite's traceback)
            raise OutputError(write_failure(config.cache_path, error, self._state(config))) from error
        except PermissionError as error:  # (writing is `Output`'s, which tells its own: this is a source not readable)
            raise ContentError([self._unreadable(config, error)]) from None
        except (MemoryError, RuntimeError, ImportError, OSError) as error:  # (out of memory before the output was written)
            if not out_of_memory(error):
                raise
            raise out_of_memory_error(self._state(config)) from error
        if (tracked := self._cache_in_git(config)) is not None:  # (after the record: a build with nothing to do tells it too)
            result.warnings.append(tracked)
        return result

    def _state(self, config: Config) -> str:
        """What state the output folder is in after a build of this builder that failed where `Output` did not tell it."""
        return "the output folder holds this build, whole" if self.moved else untouched_state(config.output_path)

    def _old_urls(self, config: Config) -> OldUrls | None:
        """site.yaml's `old_urls:` made ready: the last build's, with the addresses it made, where the option is the same."""
        if not config.old_urls:
            return None
        made_of = (config.old_urls, config.lang if config.multilingual else None)
        if self.old_urls is None or self.old_urls.made_of != made_of:
            self.old_urls = OldUrls(*made_of)
        return self.old_urls

    @staticmethod
    def _unreadable(config: Config, error: PermissionError) -> Problem:
        """The problem of the source the build may not read: the folder above it that keeps it from the build where one
        does (a file in a folder without x, which `chmod a+r` of the file would not help), else it."""
        path = os.path.abspath(error.filename or config.root)
        root = os.path.join(os.path.abspath(config.root), "")
        inside = path.startswith(root)
        folders = accumulate(os.path.relpath(path, root).split(os.sep)[:-1], os.path.join) if inside else ()
        path = next((root + f for f in folders if not os.access(root + f, os.R_OK | os.X_OK)), path)
        return unreadable(path, os.path.relpath(path, root) if inside else path)

    def _cache_in_git(self, config: Config) -> Problem | None:
        """A warning where git tracks files of the cache folder (`tracked_by_git`): asked once per builder, which is once
        per build, and once for the preview's whole run rather than on each save (each build for one that `looks_anew`)."""
        folder = config.cache_path
        if folder not in self.git_told or self.looks_anew:
            told = tracked_by_git(folder, config.cache_dir)
            self.git_told[folder] = Problem(config.cache_dir, None, None, told) if told else None
        return self.git_told[folder]

    def _build(
        self,
        config: Config,
        options: BuildOptions,
        changed: Collection[str] | None,
        committing: Callable[[BuildResult], AbstractContextManager],
    ) -> BuildResult:
        last_stats, self.stats = self.stats, None  # (a build that fails before it stats the content leaves none to go on from)
        self.moved = False
        self._check_folders(config, options)
        result = BuildResult(config.output_path)
        new_folder = not os.path.isdir(config.cache_path)  # (`cache_lock` makes it)
        lock = cache_lock(config, options)
        before = held(config.cache_path) if self.gives_back else None  # (under the lock: what is there is not this build's)
        # (Made by this build: none was there, and under the lock it holds the lock alone, not another's made meanwhile.)
        made_folder = new_folder and before is not None and before.names <= {lock[0].name}
        self.given_back = None
        try:
            run = _Run(config, options, open_store(config, options.dry_run), options.now or datetime.now(UTC), result, _Phases(result))
        except BaseException:
            release_lock(*lock)
            raise
        phase = run.phase
        failed: sqlite3.OperationalError | None = None
        try:
            inputs = None
            if not options.dry_run:
                with phase("inputs"):
                    inputs, summary = self._inputs(run, changed, last_stats)
                if summary is not None and not (self.remember and self.planned is None):
                    return result.restore(summary)  # (a long-lived builder's first build learns the site: its first save is then quick)
            with phase("theme"):
                theme = self._theme(run, inputs)
            with lasting(not (self.remember or self.frozen)):  # (else its owner collects and freezes: `watch.collect_garbage`)
                with phase("read"):
                    loaded = self._read(run, inputs)
                with phase("assemble"):
                    made = self._assemble_checked(run, theme, loaded, listed_all=changed is None)
            if options.strict and result.warnings:
                raise SsgError(checks.strict_errors(result.warnings))
            if options.dry_run:  # `ssg check`: the output folder's place, and one page of each kind rendered, writing nothing
                with phase("pages"):
                    _check_pages(run, theme, made)
                return result
            output, prints, gone = self._write(run, theme, made, committing)
            self.moved = True
            self.distrusted.discard(config.output_path)  # (it looked for every file: those gone are made again)
            with phase("commit"):
                if (unsaved := self._remember(run, inputs, loaded, made, output, prints)) is not None:
                    result.warnings.append(unsaved)  # (the output is whole: the build succeeds, the next one checks every page)
                if not config.preview:  # (after the record: a later build that finds it all up to date has moved nothing)
                    result.warnings += moved_pages(gone, output.old, made.pages, config.output_dir, config.content_dir, made.urls.listing)
                    result.warnings += renamed_listings(gone, output.old, made.pages, made.site, config, made.urls)
                    result.warnings += run.changes  # (the preview's feeds are made for its own address: no reader's)
        except sqlite3.OperationalError as error:
            failed = error
            raise
        finally:
            try:
                run.store.close(shrink=not self.remember)  # (a long-lived builder's are the preview's saves)
            except sqlite3.OperationalError as error:
                failed = failed or error
                raise
            finally:
                self._let_go(config, lock, before, made_folder, failed)
        return result

    def _let_go(
        self, config: Config, lock: tuple[Path, int | None], before: Held | None, made_folder: bool, failed: sqlite3.Error | None
    ) -> None:
        """Let go of the cache's lock; first, where the build failed as the cache's disk filled before the output was
        touched (`failed`), give the disk back the room it took there (`cache.give_back`), while no other build may
        write there (the waiting one built in between, and lost its compiled templates, or its whole cache folder, with
        a running preview's). A folder this build made (`made_folder`) is then removed where it is empty: what another
        process put there since stays, and the folder with it."""
        try:
            if before is not None and failed is not None and not self.moved and disk_full(failed):
                self.given_back = give_back(config.cache_path, before)
        finally:
            release_lock(*lock)
        if self.given_back is not None and made_folder:
            with suppress(OSError):
                config.cache_path.rmdir()

    def _not_learned(self, why: str) -> None:
        self.unlearned = why
        raise NotLearnedError(f"the archive is not learned: {why}")

    def _check_folders(self, config: Config, options: BuildOptions) -> None:
        """Refuse a missing content folder, and a cache folder that is misplaced or cannot be written."""
        check_content_dir(config)
        if self.remember:  # (a one-shot build's cache was checked by `build`, which goes without one it cannot write)
            check_source_dirs(config)
            check_cache_dir(config)
        if self.remember and not options.dry_run and (why := unusable(config.cache_path)) is not None:
            message = f"cannot hold the build cache ({why}, or set cache_dir in {CONFIG_FILE} to a folder ssg can write)"
            raise OutputError(Problem(str(config.cache_path), None, None, message))

    def _inputs(
        self, run: _Run, changed: Collection[str] | None, last_stats: tuple[Path, dict[str, tuple[int, int]], Exclusions | None] | None
    ) -> tuple[Inputs, dict | None]:
        """Every input hashed (`inputs.gather`), and the last build's summary when the output it left is of the same
        inputs and intact (there is nothing to do), else None."""
        config, options, result = run.config, run.options, run.result
        self.code = self.code or code_version()
        content = None
        if changed is None and self.hears:
            changed = self._heard(config.content_path, config.exclude)
        # (Listed by another `exclude:`, the files of before are no guide: site.yaml changed, and every file is listed.)
        if changed is not None and last_stats is not None and last_stats[0] == config.content_path and last_stats[2] == config.exclude:
            content = restat(config.content_path, last_stats[1], changed, config.exclude)
        # (The umask too: the files a build under another keeps take its modes, `Output._set_modes`.)
        inputs = gather(config, (options.drafts, options.future, options.strict, current_umask()), self.code, content)
        _refuse_names(inputs.content, config)
        result.counts["inputs"] = _count(len(inputs.content), "content file")
        if self.remember:
            self.stats = (config.content_path, inputs.content, config.exclude)
        saved = run.store.last_build(str(config.output_path))
        summary = up_to_date(saved, inputs, run.now, lambda: self._manifest(config.output_path), config.output_path)
        if moving_list(config.output_path).exists():
            summary = None  # the last build was stopped while moving files in: some may hold an older build's
        return inputs, summary

    def stop_hearing(self) -> None:
        """Stop hearing the content folder's events (a later build lists every file, then hears them again)."""
        if self.events is not None:
            self.events.close()
            self.events = None

    def _heard(self, content: Path, exclude: Exclusions | None = None) -> set[str] | None:
        """The paths the kernel's events say changed under `content` since this builder last asked; None where not
        known (the first time, lost events, a file system whose changes it may not tell): every file is listed then.
        `exclude`: site.yaml's `exclude:`, whose folders are not watched."""
        if self.events is not None and (self.events.root != os.path.abspath(content) or self.events.exclude != exclude):
            self.stop_hearing()  # (site.yaml's content_dir or exclude: changed: the folders of before are left alone)
        if self.events is None:
            self.events = ContentEvents(content, exclude)
        return self.events.take()

    def _theme(self, run: _Run, inputs: Inputs | None) -> Theme:
        """The theme, checked. A long-lived builder keeps it while site.yaml and the theme's, the site's templates' and
        strings' files are as they were (`Inputs.folders`: every save stats them): its templates stay compiled, where a
        theme loaded anew read each one from the bytecode cache again, on every save."""
        config, options, result = run.config, run.options, run.result
        key = (config, inputs.folders) if self.remember and inputs is not None else None
        if key is not None and self.theme is not None and self.theme[0] == key:
            theme = self.theme[1]
        else:
            self.theme = None
            theme = load_theme(config)
            if not options.dry_run:
                theme.env.bytecode_cache = _TemplateCache(config.cache_path / "templates", compiled_form(theme.env))
        result.counts["theme"] = _count(theme.check_templates(), "template")
        result.warnings += theme.string_warnings(config, checking=options.dry_run)
        if key is not None:
            self.theme = (key, theme)  # (checked: a template that does not compile is not kept)
        return theme

    def _read(self, run: _Run, inputs: Inputs | None) -> Loaded:
        """Every article and standalone page: the changed ones read (in worker processes), the others from the cache."""
        config, result = run.config, run.result
        stats = inputs.content if inputs else None
        if stats is None:  # (`ssg check`, which gathers no inputs)
            stats = content_stats(config.content_path, exclude=config.exclude)
            _refuse_names(stats, config)
        loaded = load_articles(
            config.content_path,
            run.store,
            read_settings(config, run.now),
            run.options.jobs,
            config.content_dir,
            self.known,
            stats,
            Reach.of(config),
        )
        self.known = loaded.known
        result.read = loaded.read
        result.articles, result.page_files = len(loaded.articles) + len(loaded.unreadable), len(loaded.pages)
        result.counts["read"] = f"{_count(loaded.read, 'file')} read, the rest from the cache"
        return loaded

    def _assemble_checked(self, run: _Run, theme: Theme, loaded: Loaded, listed_all: bool) -> Assembly:
        """The site model and everything the build will write, checked: warnings go into `result`; every problem found
        raises one `ContentError`. Every problem of the content is found before any is reported: the site is assembled
        from the articles that read cleanly (the others count as there, so that nothing is blamed on their absence)."""
        config, options, now, result = run.config, run.options, run.now, run.result
        articles, result.drafts_left_out, later = published(loaded.articles, options.drafts, options.future, now)
        standalone, page_drafts, later_pages = published(loaded.pages, options.drafts, options.future, now)
        result.later_left_out, result.drafts_left_out = len(later) + len(later_pages), result.drafts_left_out + page_drafts
        waiting = checks.originals_left_out(articles, loaded.pages, loaded.unreadable) if config.multilingual else {}
        site = self._assemble(articles, standalone, config, loaded.unreadable | frozenset(waiting))
        if options.future:  # (shown before their time: marked as such, `Site.scheduled`)
            site = replace(site, scheduled=scheduled(articles, now) | scheduled(standalone, now))
        urls = self._urls(config)
        files, missing, shadowing = files_to_copy(config, theme, site, loaded.lines)
        unusable, file_warnings = file_problems(files, config, site, loaded.lines, run.store)
        missing += conflicted(files, run.store, config.root) + unusable  # (before anything is written)
        labels = self._labels(run)
        planned = Planned(config, self.planned, self.remember, labels)
        pages = list(plan(site, config, urls, planned)) + search_pages(config, theme, urls)
        names = {}  # (the languages' names, for the feeds' titles: those an earlier process's build made)
        if labels is not None:
            names = {lang: labels.language(lang, functools.partial(language_name, lang)) for lang in feed_languages(site, config)}
        if labels is not None and labels.added:
            run.store.remember_labels(labels.dumps())
        old_urls = self._old_urls(config)
        more = (old_urls, pages, files.keys(), _ignores_case(config.root)) if old_urls else ()
        redirects, not_ours, elsewhere = redirect_pages(site, urls, config.content_dir, *more)
        renamed, not_ours_either, unredirected = listing_aliases(site, config, urls)
        pages += redirects + listing_redirects(renamed)
        feeds = list(feed_sources(config, urls, site, old_feeds(renamed), names))
        if self.templates is None:
            self.templates = Templates(run.store.templates())
        # (Those of entries and redirects always: the first or last old URL of the site changes no other page's.)
        used = set(map(_TEMPLATE, pages))  # (16,500 pages at 10,000 articles: gone over once, in C)
        analysis = self.templates.analyse(theme, sorted(used | {CARD_TEMPLATE, REDIRECT_TEMPLATE}))
        needed = self.templates.references(theme, sorted(used), analysis)
        generated = {feed.path: f"the feed {feed.title!r}" for feed, _ in feeds} | {
            urls.sitemap(): "the sitemap",
            urls.latest(): "the latest articles' list",
        }
        search_folder = [urls.search()] if config.search.enabled else []  # (its index's files: made later)
        written = Written(set(map(attrgetter("file"), pages)), files, generated.keys() | {urls.robots()}, search_folder)
        made = Assembly(site, urls, planned, pages, files, feeds, analysis, needed, later, later_pages, waiting, generated, written, names)
        problems = list(loaded.problems) + checks.language_problems(config, [*articles, *standalone], loaded.lines)
        problems += with_lines(site.problems, loaded.lines, config.content_dir)
        # (A long-lived builder walks the folders at its first build, and where it lists every content file, as the build
        # server does for each command: the preview told nothing of an article that is a link leading nowhere, or of a
        # linked folder, which `ssg build` tells.)
        walk = not self.remember or not self.manifests or listed_all
        result.warnings += _content_warnings(run, theme, loaded, made, problems, walk, self.clippings)
        result.warnings += with_lines(elsewhere, loaded.lines, config.content_dir) + unredirected
        result.warnings += shadowing + file_warnings
        problems += _output_problems(run, theme, loaded, made, missing, not_ours) + not_ours_either
        if renamed:  # (a renamed tag's old feed where something else is written)
            others = written.pages | files.keys() | {urls.sitemap(), urls.latest(), urls.robots()}
            problems += old_feed_clashes(renamed, [feed.path for feed, _ in feeds], others)
        if problems:  # (with --strict, the warnings are errors among them)
            raise (
                ContentError(problems + checks.strict_errors(result.warnings), [])
                if options.strict
                else ContentError(problems, result.warnings)
            )
        result.counts["assemble"] = (
            f"{_count(len(site.articles), 'article')}, {_count(len(site.tags), 'tag')}, {_count(len(pages), 'page')}"
        )
        return made

    def _write(
        self, run: _Run, theme: Theme, made: Assembly, committing: Callable[[BuildResult], AbstractContextManager]
    ) -> tuple[Output, Remembered | None, list[str]]:
        """Stage every changed file beside the output folder, then move them in (`committing` held meanwhile); a failure
        on the way removes what was staged and leaves the output as it was. Returns the output, this build's
        fingerprints (`write_site`) and the files of the last build it removed."""
        config, options, phase, result = run.config, run.options, run.phase, run.result
        check_output_dir(
            config.output_path,
            config.root,
            protected_dirs(config),
            options.force,
            config.cache_path,
            config.origin("output_dir"),
            _others_preview(config),
        )
        # Files a build would find as they were left: in the preview's folder, and where this long-lived builder
        # (`build --watch`) committed the current manifest itself; but where one was found gone since (`output_gone`), and
        # not by a builder that trusts no output (the build server's).
        previous = self._manifest(config.output_path)
        inside_cache = config.cache_path.resolve() in config.output_path.resolve().parents
        private = config.preview  # the preview's folder (`watch.preview_config`): all in it is ssg's
        current = inside_cache or previous is self.committed.get(config.output_path)
        own = not self.looks_anew and current and config.output_path not in self.distrusted
        if previous.signature is None and not private:
            check_manifest(config.output_path)
        output = Output(config.output_path, previous, own, private, defer=self.remember)
        if self.remember:
            self.trashed.add(config.output_path)  # (a build that fails as it moves files in has set some aside too)
        try:  # (from here on, the output folder is locked and the staging folder made: `abort` undoes both)
            prints = write_site(run, theme, made, output, self)
            # (Its manifest too: a change of no page's bytes, a Jinja comment or a key no template shows, changes what
            # it lists, and the record the next build takes for this output's.)
            if self.only_learns and (output.new != output.old or output.resumed or output.sets_modes):
                removed = len(output.old.keys() - output.new.keys())
                self._not_learned(
                    f"it would write {_count(len(output.changed), 'file')}, remove {removed} and change the manifest of {config.output_dir}"
                )
            with phase("commit"), committing(result):
                result.changed, result.resumed = len(output.changed), output.resumed
                gone = output.commit()
                result.deleted = len(gone)
                result.counts["commit"] = f"{_count(result.changed, 'file')} moved in, {result.deleted} removed"
        except BaseException as error:
            inodes = isinstance(error, OSError) and error.errno == errno.ENOSPC and no_inodes(error.filename or config.output_path)
            output.abort()
            if out_of_memory(error):  # (`ulimit -v`: a MemoryError, or a thread or a library that could not be mapped)
                raise out_of_memory_error(output.state()) from error
            if isinstance(error, OSError):  # a full disk, a folder without permission: a message, not a traceback
                raise OutputError(output.failure(error, inodes)) from error
            raise
        return output, prints, gone

    def _remember(
        self, run: _Run, inputs: Inputs | None, loaded: Loaded, made: Assembly, output: Output, prints: Remembered | None
    ) -> Problem | None:
        """Keep what the next build goes on from: in this builder, and in the cache (this build's inputs and summary, so
        that a build of the same inputs has nothing to do). Returns the warning where the cache cannot take it (a full
        disk, `record_failure`): the output is moved in by then, whole, and the build is not failed for a record the next
        build goes without (it finds the files it made by the output's manifest)."""
        config, store, now = run.config, run.store, run.now
        self.manifests[config.output_path] = output.manifest()
        if self.remember:
            self.committed[config.output_path] = self.manifests[config.output_path]
        self.planned, self.prints = made.planned, prints
        judged = None if run.options.future else now
        ends = [article.date - checks.FAR_FUTURE for article in made.later if article.date - now > checks.FAR_FUTURE]  # (its warning's)
        ends += checks.updates_told_until(config, made.site.articles, now)  # (likewise)
        ends += [page.publish_from for page in made.later_pages]  # (a page dated later is published from its date on)
        ends += made.site.scheduled.values()  # (one shown marked Scheduled: unmarked from then on)
        ends += [each.expires for each in (*loaded.articles, *loaded.pages) if each.expires]  # (Hugo's expiryDate: before now too)
        ends += [page.publish_from for page in loaded.pages if page.publish_from is not None and page.publish_from <= now]
        embeds = any(is_file_embed(link) for each in (*loaded.articles, *loaded.pages) if each.article_links for link in each.article_links)
        # A warning on a Markdown file of the content folder the build does not read (`load.linked_folders`': a link to
        # nothing, a named pipe, `#1-launch.md`) is of no input: renamed or deleted, the build was "up to date", and told
        # it still. (Only such a file's: a linked folder's or a picture's warning would have every later build walk the
        # folder for its names.)
        shown = f"{config.content_dir}/"
        unread = any(
            w.path.startswith(shown) and w.path.lower().endswith(ARTICLE_SUFFIXES) and w.path[len(shown) :] not in inputs.content
            for w in run.result.warnings
        )
        state = record(
            inputs,
            self.manifests[config.output_path],
            loaded.articles,
            judged,
            made.files.values(),
            run.result.record(),
            ends,
            config.content_path if embeds or unread else None,
        )
        try:
            store.remember_templates(self.templates.take_added())
            store.remember_build(str(config.output_path), state)
            store.commit()  # (here, not as the store closes, which would fail the build with the output moved in)
        except sqlite3.OperationalError as error:
            store.rollback()  # (all since the articles' records: the prints memo, copies, labels, as much as the record)
            return record_failure(config.cache_path, error)
        if not self.remember:  # (a one-shot build's: not on every save of the preview, which builds into one folder)
            prune_search_states(config, store.outputs())
        return None

    def _assemble(self, articles: list[Article], pages: list[StandalonePage], config: Config, unreadable: frozenset[str]) -> Site:
        """The site model: the last build's with the edited articles swapped in, where that is all that changed; with
        the standalone pages, which are few and grouped anew every build (`Standalones`)."""
        languages = config.language_codes if config.multilingual else ()
        grouping = (languages, config.tag_names, config.content_dir, unreadable, config.source_names, config.lang)
        last = self.assembled
        site = None
        if last is not None and last.grouping == grouping:
            site = reassemble(
                last.site, last.articles, articles, languages, config.tag_names, config.content_dir, config.source_names, config.lang
            )
        if site is None:
            site = assemble(articles, *grouping)
        standalone = Standalones.of(pages, grouping[0])
        if self.remember:
            self.assembled, self.standalone = Assembled(grouping, articles, site), standalone
        return replace(site, standalone=standalone)

    def _labels(self, run: _Run) -> Labels | None:
        """The date archive's labels and the languages' names an earlier build stored, for the plan and the feeds to
        take (`labels.Labels`); none for `ssg check`, which neither hashes the code they are keyed by nor writes to the
        cache, nor for a long-lived builder after its first plan, which takes over the last plan's links instead."""
        if run.options.dry_run or not self.code or (self.planned is not None and self.planned.config == run.config):
            return None
        key = f"{self.code}\0{run.config.lang}"
        return Labels.loads(run.store.labels(), key)

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


class Assembly(NamedTuple):
    """What a build writes, decided and checked before anything is: the site model, its URL map, every page (and what
    planned them, for the next build), copied file and feed, and the templates the pages take."""

    site: Site
    urls: Urls
    planned: Planned
    pages: list[Page]
    files: dict[str, Path]  # output path -> source file
    feeds: list[tuple[Feed, Sequence[Article]]]  # every feed and its articles, newest first (`feeds.feed_sources`)
    analysis: Analysis  # the templates the pages use (`fingerprints.Templates.analyse`)
    needed: dict[str, list[str]]  # every template rendering takes -> those referring to it (`Templates.references`)
    later: list[Article]  # articles left out as dated after the build (each is published from its date on)
    later_pages: list[StandalonePage]
    waiting: dict[str, list[str]]  # originals not published -> their translations published alone (`checks.originals_left_out`)
    generated: dict[str, str]  # the files the build makes besides pages (feeds, the sitemap) -> what they are, for messages
    written: Written  # every file the build writes
    language_names: dict[str, str]  # each feed's language -> its name in itself (`feeds.lang_feed`), as far as known


def _content_warnings(
    run: _Run, theme: Theme, loaded: Loaded, made: Assembly, errors: list[Problem], walk: bool, clippings: checks.ClippingKeys | None
) -> list[Problem]:
    """What is likely a mistake in the content, on the line to fix, though the site can be built as it is. `errors`:
    the content's errors found so far; `walk`: whether to walk the source folders for links (a one-shot build's, and a
    long-lived builder's first: not on every save); `clippings`: what its last build compared of each article
    (`checks.ClippingKeys`)."""
    config, site, lines, shown_as = run.config, made.site, loaded.lines, run.config.content_dir
    told = {p.path for p in errors if p.field == "lang"}  # (one message on a wrong `lang:`: the error's)
    warnings = [w for w in loaded.warnings if not (w.field == "lang" and w.path in told)]
    warnings += with_lines(site.warnings, lines, shown_as) + broken_links(site, config, loaded.unreadable, lines)
    warnings += checks.tag_name_warnings(config, site) + checks.source_name_warnings(config, site)
    warnings += checks.spaced_tags(config, site, lines) + checks.nameless_outlets(config, site, lines)
    warnings += checks.lookalike_names(config, site, lines) + checks.misspelt_names(config, site, lines)
    warnings += checks.outlets_in_two_alphabets(config, site, lines)
    warnings += checks.outlets_named_by_their_site(config, site, lines)
    warnings += with_lines(checks.translations_alone(made.waiting, loaded.articles, shown_as), lines, shown_as)
    warnings += with_lines(checks.far_future(config, made.later, run.now), lines, shown_as)
    warnings += with_lines(checks.later_updates(config, site.articles, run.now), lines, shown_as)
    warnings += with_lines(checks.clippings_saved_twice(config, loaded.articles, clippings), lines, shown_as)
    if run.options.dry_run or not loaded.articles:  # (a walk of the whole folder: for ssg check, or an empty site)
        warnings += checks.unread_articles(config, bool(loaded.articles or loaded.pages or loaded.problems))
    warnings += posts_outside(config.root, config.content_dir) + drafts_by_default(config.pelicanconf)
    if walk:  # (a walk of the folders alone, some 10 ms at 10,000 articles: not on every save)
        warnings += linked_folders(
            config.root, (config.content_dir, config.static_dir), config.content_dir, loaded.known.files, config.exclude
        )
        warnings += checks.unmatched_exclusions(config)
    warnings += checks.misspelt_extra_keys(theme, chain(loaded.articles, loaded.pages))
    return once(warnings + checks.search_warnings(config, theme) + checks.title_shown_nowhere(config))


def _output_problems(
    run: _Run, theme: Theme, loaded: Loaded, made: Assembly, missing: list[Problem], not_ours: list[Problem]
) -> list[Problem]:
    """Errors of what the build would write (two things on one output file, a file or template not there, a link of
    site.yaml's to nothing); the warnings of those that may be right go into the result."""
    config, result, urls, pages, files, shown_as = run.config, run.result, made.urls, made.pages, made.files, run.config.content_dir
    generated, written, single_lang = made.generated, made.written, None if config.multilingual else config.lang
    clashes = collisions(pages, files, single_lang, generated, shown_as, config.root, written.pages)
    result.warnings += unknown_site_links(made.site, config, urls, written) + case_clashes(files, config.root)
    result.warnings += with_lines(old_url_case_clashes(pages, written.pages, shown_as), loaded.lines, shown_as)
    candidates = functools.cache(lambda: sorted({*files, *generated, *page_candidates(pages)}))  # (for a misspelt path)
    result.warnings += template_link_problems(made.analysis.links, written, config, candidates)
    yaml_errors, yaml_warnings = site_yaml_paths(config, written, candidates)
    result.warnings += yaml_warnings
    if "base_url" in config.flagged:  # (a staging build, --base-url: an old URL on the site's own host is no mistake)
        elsewhere = with_lines(not_ours, loaded.lines, shown_as)
        result.warnings += [replace(p, message=f"{p.message}; no page there in this build (--base-url)") for p in elsewhere]
        not_ours = []
    problems = yaml_errors + missing + with_lines(clashes + not_ours, loaded.lines, shown_as)  # (on the key that makes one)
    result.warnings += stray_templates(theme, config, made.needed) + unreached(
        theme, config, made.urls, made.needed, made.analysis.sources, made.files
    )
    return problems + theme.missing_templates(made.needed)


def _check_pages(run: _Run, theme: Theme, made: Assembly) -> None:
    """`ssg check`: where site.yaml puts the output (`output_dir: content` passed the check, and failed the build; what
    is in the folder is the build's to say, so force), and one page of each kind rendered, writing nothing, so that a
    template's runtime error is found too."""
    config, store, result = run.config, run.store, run.result
    check_output_dir(
        config.output_path,
        config.root,
        protected_dirs(config),
        True,
        config.cache_path,
        config.origin("output_dir"),
        _others_preview(config),
    )
    latest, paths = latest_links(made.site, config, made.urls), link_paths(made.site, made.urls)
    renderer = Renderer(config, theme, made.site, made.urls, latest, Bodies.of(store.db), paths, files=made.files)
    result.checked = check_pages(renderer, made.pages, CARD_TEMPLATE in made.needed)
    result.counts["pages"] = f"{_count(result.checked, 'page')} rendered to check the templates"


class NotLearnedError(SsgError):
    """A build that only learns the archive (`Builder.learning`) would have changed the output."""


def cache_lock(config: Config, options: BuildOptions) -> tuple[Path, int | None]:
    """Hold the build cache for this build, waiting while another ssg process of the project holds it (told to
    `options.waiting`): a `ssg build` run while `ssg serve` previewed the project wrote records into the cache beside
    it, and whichever waited more than SQLite's 5 s for the other's long write ended in a traceback ("database is
    locked"). As Hugo's `.hugo_build.lock`, the second waits for the first. Returns what `release_lock` takes; no
    lock (None) where the cache folder cannot hold one (a read-only checkout: `build` gives the build a cache of its
    own), or for `ssg check` where there is no cache to read through."""
    path = config.cache_path / "lock"
    if options.dry_run and not (config.cache_path / "cache.sqlite").is_file():
        return path, None
    for _ in range(3):
        try:
            config.cache_path.mkdir(parents=True, exist_ok=True)
            handle = wait_for_lock(path, functools.partial(_waiting, options.waiting, config.cache_dir))
            break
        except FileNotFoundError:  # (the folder removed by the build waited for: it gave a full disk back its room)
            continue
        except OSError:  # (no lock can be made there: nor then a cache, which tells why)
            return path, None
    else:
        return path, None
    if handle is not None:
        with suppress(OSError):  # (what a build that waits for this one names)
            os.write(handle, f"process {os.getpid()}".encode())
    return path, handle


def _waiting(tell: Callable[[str], None] | None, cache_dir: str, held: str) -> None:
    if tell is not None:
        by = f" ({held})" if held else ""
        tell(
            f"Another ssg build, build --watch or serve{by} is using the build cache ({cache_dir}): waiting until it is done (Ctrl-C stops)."
        )


def _refuse_names(stats: dict[str, tuple[int, int]], config: Config) -> None:
    """Raise `ContentError` for the content files whose names are not UTF-8 (`charsets.name_not_utf8`): such a name
    stopped the build in a traceback, where the cache went to store it."""
    if named := [problem for path in stats if (problem := name_not_utf8(path, config.content_dir))]:
        raise ContentError(named, [])


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
    check_source_dirs(config)
    check_cache_dir(config)
    why = None if options.dry_run else unusable(config.cache_path)
    full: OutputError | None = None
    given_back = ""
    if why is None:
        builder = Builder(remember=False, gives_back=True)
        try:
            return builder.build(config, options)
        except OutputError as error:
            # A disk that fills under the cache, before the output was touched, stops no build either (the output may be
            # on another disk): it stopped one, telling to make room, where a read-only cache is gone without.
            if builder.moved or not disk_full(error.__cause__):
                raise
            full, why = error, "its disk is full: make room on it, or set cache_dir in site.yaml to a folder on another disk"
            given_back = (
                ", and deleted it to give its disk back the room (the next build with room makes it again)"
                if builder.given_back
                else ", giving its disk back the room this build took in it"
            )
    with tempfile.TemporaryDirectory(prefix="ssg-cache-") as folder:
        try:
            result = Builder(remember=False).build(replace(config, cache_dir=folder), options)
        except OutputError as error:
            if full is not None and disk_full(error.__cause__):  # (the temporary folder's disk full too: told of the cache's)
                raise full from None
            raise
    result.warnings.append(without_cache(config, why, given_back))
    return result


def without_cache(config: Config, why: str, more: str = "") -> Problem:
    """The warning of a build that goes without the cache `config` names, as it cannot be written there (`why`):
    `build`'s, and `build --watch`'s for its whole run (`cli`)."""
    message = f"cannot hold the build cache ({why}, to spare reading every article again): built without it{more}"
    return Problem(str(config.cache_path), None, None, message)


def _others_preview(config: Config) -> Path | None:
    """The preview's folder, where the build is not the preview's: one it may not build into (`check_output_dir`)."""
    return None if config.preview else config.preview_path


def check_source_dirs(config: Config) -> None:
    """Refuse a source folder site.yaml names (content_dir, static_dir, templates_dir) that is the project folder or
    above it, or the output folder or the cache left at its default place, or in them: the output's and the cache's
    checks blamed those, on no line, and told to use the folder they were (content_dir: public had 'output_dir:
    .../public is inside public/, which holds your sources; use a folder of its own, e.g. public'). Where site.yaml or
    -o sets both, those checks tell it, as before."""
    check_folder_loops(config)  # (before any is resolved: pathlib's RuntimeError)
    root, output, cache = config.root.resolve(), config.output_path, config.cache_path.resolve()
    output_given = config.output_dir != Config.output_dir or "output_dir" in config.flagged
    for key in ("content_dir", "static_dir", "templates_dir"):
        given, default = getattr(config, key), getattr(Config, key)
        folder = (config.root / given).resolve()
        if given == default:
            continue  # (where the output or the cache is set among the sources, those checks tell it)
        if folder == root or folder in root.parents:
            what = "is the project folder or above it, which holds the output folder and the build cache too"
        elif folder == output and not output_given:
            what = "is the output folder, which every build replaces"
        elif output in folder.parents and not output_given:
            what = f"is inside the output folder, {output}, which every build replaces"
        elif (folder == cache or cache in folder.parents) and config.cache_dir == Config.cache_dir:
            what = "is the build cache" if folder == cache else f"is inside the build cache, {cache}"
        else:
            continue
        message = f"{folder} {what}; use a folder of its own, e.g. {default}"
        raise ConfigError(Problem(CONFIG_FILE, config.line_of(key), key, message))


def check_cache_dir(config: Config) -> None:
    """Refuse a cache folder that is the project folder, above it, or in a source folder: its files would land among the
    user's (`ssg serve` builds its preview in it), and deleting the cache, which the README says is always safe, would
    delete theirs."""
    cache, root = config.cache_path.resolve(), config.root.resolve()

    def refused(message: str) -> ConfigError:
        return ConfigError(Problem(CONFIG_FILE, config.line_of("cache_dir"), "cache_dir", message))

    if cache == root or cache in root.parents:
        raise refused(f"{cache} is the project folder or above it; use a folder of its own, e.g. .ssg-cache")
    for folder in protected_dirs(config):
        folder = folder.resolve()
        if cache == folder or folder in cache.parents:
            raise refused(f"{cache} is inside {folder.name}/, which holds your sources; use a folder of its own, e.g. .ssg-cache")
    output = config.output_path
    if output in cache.parents and not (output == root or output in root.parents):  # (those, and the cache itself: -o's fault)
        raise refused(f"{cache} is inside the output folder, {output}, which a build publishes; use a folder of its own, e.g. .ssg-cache")
    # (Only a folder site.yaml names: the default .ssg-cache is ssg's by its name, and a stray file there, a sync tool's
    # conflicted copy or a note, stopped every build of a project that had built, blaming a cache_dir: it did not have.)
    named = config.cache_dir != Config.cache_dir
    if named and (foreign := foreign_files(cache)) and cache == output.resolve():  # (site.yaml's cache_dir: public)
        raise refused(f"{cache} is the output folder, which a build publishes; use a folder of its own, e.g. .ssg-cache")
    if named and foreign:
        shown = some_of(foreign)
        raise refused(
            f"{cache} holds files ssg did not create ({shown}): the cache needs a folder of its own, which deleting is always "
            "safe; use one, e.g. .ssg-cache"
        )


OUTPUT_BATCH = 2000  # files of the output looked for between two questions whether a save waits (`Builder.output_gone`)

BUILD_GEN0 = 100_000  # objects made (net) between two collections of the youngest generation, during a build


@contextmanager
def fewer_collections(gen0: int = BUILD_GEN0) -> Iterator[None]:
    """A build makes millions of objects that live until its end; collecting every 700 of them costs a fifth of a rebuild.

    `gen0`: the objects made between two collections of the young ones (each looks at all of them). (Nested, the inner
    one changes nothing where the outer asks more: the preview holds one for its lifetime, see `watch.Rebuilder.run`.)"""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], gen0), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def lasting(paused: bool = True) -> Iterator[None]:
    """No collections while a one-shot build makes what lives until its end (the articles read back, the site model,
    every page), which holds next to no reference cycles; then all of it goes to the oldest generation at once
    (`gc.freeze`, `gc.unfreeze`), or the next collections would look at it all again as young objects. At 10,000
    articles a young and a middle collection in the assembly took 0.15 s of a 2 s build in a new process, and the full
    one they led to after the build another 0.1 s.

    `paused=False`: leave the collector alone (a long-lived builder's owner, or one that keeps objects frozen as the
    preview does, freezes what lives through its builds, which a thaw here would hand back to the collector)."""
    if not paused or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates under the cache; a damaged file is compiled again, never an error."""

    def __init__(self, folder: Path, form: str):
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))
        self.form = form

    def get_source_checksum(self, source: str) -> str:
        """The source's, the form ssg compiles it to (`theme.compiled_form`) and Jinja's version: what an older ssg
        compiled loads, and runs, but without what the compiler does since, calling a filter as that ssg's took it; and
        what a newer Jinja compiled, an older one ran, where it could not compile the template (Jinja's own key names
        the Python alone: the build passed on one computer, and failed on another with the same libraries)."""
        return super().get_source_checksum(f"{self.form}\0{jinja2.__version__}\0{source}")

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - whatever a damaged file makes pickle or marshal raise
            bucket.reset()


class Rendering(NamedTuple):
    """What rendering pages and feeds looks up besides the site model: the latest articles' list, each article's body
    (`render.Bodies`), and each article's and page's site path (`urls.link_paths`)."""

    latest: dict[str, tuple[ArticleLink, ...]]  # (`pages.latest_links`)
    bodies: Bodies
    paths: dict[str, str]


def write_site(run: _Run, theme: Theme, made: Assembly, output: Output, builder: Builder) -> Remembered | None:
    """Render every page, feed and sitemap whose inputs changed, then the search index and copied files.

    `builder` lends what it keeps between builds: the templates' references, the search writer, the page fingerprints
    of its last build into the same folder, and the hash of ssg's code (part of every fingerprint). Returns this
    build's fingerprints (for its next build, when it remembers).
    """
    config, site, urls, phase = run.config, made.site, made.urls, run.phase
    # Where each article and standalone page (and each tag a Pelican link names) is: pages, feeds and fingerprints ask.
    paths = link_paths(site, urls)
    rendering = Rendering(latest_links(site, config, urls), Bodies(run.store.path), paths)
    try:
        with phase("plan"):
            renderer, prints, todo = _plan_pages(run, theme, made, output, builder, rendering)
        with phase("pages"):
            _render_pages(run, renderer, made, output, todo, builder.frozen)
        builder.cards_later = (renderer, made.pages) if builder.remember and not renderer.cards.complete else None
        with phase("feeds"):
            _write_feeds(run, theme, made, output, prints, rendering)
    finally:
        rendering.bodies.close()  # (the bodies are read: see `Bodies.close`)
    with phase("sitemap"):
        _write_sitemap(run, made, output, prints, builder)
    if theme.searching(config.search.enabled):
        with phase("search"):
            _write_search(run, made, output, builder, paths)
    with phase("copy"):
        before = len(output.changed)
        copy_files(made.files, run.store, output)
        run.result.files += len(made.files)
        run.result.counts["copy"] = f"{_count(len(made.files), 'file')}, {_since(output, before)} changed"
    return prints.remembered() if builder.remember else None


def _plan_pages(
    run: _Run, theme: Theme, made: Assembly, output: Output, builder: Builder, rendering: Rendering
) -> tuple[Renderer, Fingerprints, list[tuple[Page, str]]]:
    """The renderer, every page's fingerprint, and the pages whose fingerprint the output does not have (to render)."""
    config, site, urls, result = run.config, made.site, made.urls, run.result
    # Every head links each language's feed, and every header shows the menu (a page added to it, or a title there
    # changed, makes every page again).
    menus = menu_links(site.standalone, config, urls)
    base = global_fingerprint(config, theme, run.store.stamp, builder.code)
    base += repr(feed_languages(site, config)) + repr(sorted(menus.items())) + repr(name_languages(config, site))
    base += repr(script_languages(config, site))
    # (A theme given a search.html shows the search box on every page, as a favicon or custom.css of the site's is linked there.)
    base += repr(theme.searching(config.search.enabled)) + repr(branding(made.files))
    card_print, card_reads = made.analysis.templates[CARD_TEMPLATE]
    cards = builder.cards_for(base + card_print, READS_COUNT in card_reads)
    renderer = Renderer(
        config, theme, site, urls, rendering.latest, rendering.bodies, rendering.paths, cards, made.files, made.language_names
    )
    # A one-shot build (every `ssg build`) takes the fingerprints of the pages whose inputs are as an earlier process's
    # build left them (`printmemo`), and leaves its own for the next. A long-lived builder keeps each page's inputs for
    # its next build, which a fingerprint taken from the memo would not have: it goes without.
    output_key, one_shot = str(config.output_path), not builder.remember
    memo = PrintMemo.loads(run.store.prints(output_key)) if one_shot else None
    prints = Fingerprints(
        base,
        made.analysis.templates,
        site,
        rendering.paths,
        rendering.latest,
        builder.prints,
        keep=builder.remember,
        memo=memo,
        memoize=one_shot,
    )
    del memo  # (the fingerprints let go of it once used)
    fingerprints = prints.pages(made.pages)
    if prints.memo_made is not None:
        run.store.remember_prints(output_key, prints.memo_made.dumps())
        prints.memo_made = None
    kept = output.unchanged_many(list(map(_FILE, made.pages)), fingerprints)
    todo = list(compress(zip(made.pages, fingerprints, strict=True), map(not_, kept)))
    result.pages.update(map(_KIND, made.pages))
    result.counts["plan"] = f"{len(todo)} of {_count(len(made.pages), 'page')} to render (their inputs changed)"
    return renderer, prints, todo


def _render_pages(run: _Run, renderer: Renderer, made: Assembly, output: Output, todo: list[tuple[Page, str]], frozen: bool) -> None:
    before = len(output.changed)
    try:
        for staged in render_pages(renderer, output, todo, run.options.jobs, frozen):
            output.record(staged)
    except TemplateTimeoutError:  # (a page that never ends: the others would each wait as long)
        raise
    except TemplateError as error:  # every template's error, as `ssg check` finds them, not only this page's
        raise TemplateError(error.problems + sampled_problems(renderer, made.pages, made.analysis.templates)) from None
    run.result.counts["pages"] = f"{len(todo)} rendered, {_since(output, before)} of them changed"


def _write_feeds(run: _Run, theme: Theme, made: Assembly, output: Output, prints: Fingerprints, rendering: Rendering) -> None:
    """Each feed whose entries changed, and the latest articles' list where it changed."""
    config, urls, result = run.config, made.urls, run.result
    before, made_feeds = len(output.changed), 0
    text = entry_text(theme, urls, rendering.bodies, rendering.paths)
    favicon = branding(made.files)[0]
    for feed, articles in made.feeds:
        fingerprint = prints.feed(feed, articles[: config.feeds["entries"]])
        if not output.unchanged(feed.path, fingerprint):
            # Only now, and only for a feed to make: a render helper forked earlier would count feedgen and lxml a second
            # time, and a build that makes none (an edit to an article older than every feed's entries) spares their
            # import, 20-25 ms of a one-edit build in a new process.
            from .atom import atom_feed

            # (The site's feed alone, where it is made again: its old id tells whether every feed's ids moved.)
            site_feed = feed.path == urls.feed() and feed.path in output.old
            if site_feed and (moved := moved_feed_ids(config, urls, output.folder / feed.path)) is not None:
                run.changes.append(moved)
            output.write(feed.path, atom_feed(config, urls, feed, articles, made.site, text, favicon), fingerprint)
            made_feeds += 1
        result.pages["feed"] += 1
    # (Made only where a list or what shows it changed: each language's dates are shown with Babel's data of it, which
    # a build that makes no page in that language reads for nothing, 20-30 ms for Russian.)
    langs = sorted(set(map(attrgetter("lang"), made.pages)))
    fingerprint = prints.latest_script(langs)
    if not output.unchanged(urls.latest(), fingerprint):
        marked = {rendering.paths[path] for path in made.site.scheduled if path in rendering.paths}
        output.write(urls.latest(), latest_script(theme, rendering.latest, langs, config.timezone, marked), fingerprint)
    result.files += 1
    result.counts["feeds"] = f"{made_feeds} of {_count(len(made.feeds), 'feed')} made, {_count(_since(output, before), 'file')} changed"


def _write_sitemap(run: _Run, made: Assembly, output: Output, prints: Fingerprints, builder: Builder) -> None:
    """The sitemap (in parts above 50,000 URLs), unless no page was added, removed or changed in what it lists; and
    robots.txt, unless the site has one of its own (static/)."""
    config, urls, pages, result, remember = run.config, made.urls, made.pages, run.result, builder.remember
    before = len(output.changed)
    fingerprint = prints.sitemap(pages)
    kept = output.unchanged_group(fingerprint)
    unfinished = builder.sitemap_later is not None  # (a pause stopped making them halfway: `Builder.tidy`)
    builder.sitemap_later = None
    if kept is None:
        kept = []
        entries = Entries(urls, config.language_codes, builder.sitemap, keep=remember)
        if remember:  # (a function of each page alone: right for the next build whether or not this one succeeds)
            builder.sitemap = entries
        for path, data in sitemap_files(pages, urls, languages=config.language_codes, entries=entries):
            output.write(path, data, fingerprint)
            kept.append(path)
    elif remember and (builder.sitemap is None or unfinished):  # (a long-lived builder's first build, which had nothing to change)
        builder.sitemap_later = (pages, urls, config.language_codes)
    result.files += len(kept)
    result.counts["sitemap"] = f"{len(listed(pages))} URLs in {_count(len(kept), 'file')}, {_since(output, before)} changed"
    if urls.robots() not in made.files:  # a robots.txt of the site's own (static/) wins
        output.write(urls.robots(), robots_txt(urls))
        result.files += 1


def _write_search(run: _Run, made: Assembly, output: Output, builder: Builder, paths: dict[str, str]) -> None:
    """The search index's files that changed (`search.Indexer`: after one edit, it encodes again only what it changes)."""
    config, store, result = run.config, run.store, run.result
    before, index_files = len(output.changed), 0
    cache = search.TermsCache(store.stamp, store.terms)
    docs = builder.search.docs(store.stamp, made.site, paths, made.urls if config.sources.enabled else None)
    try:
        for file in builder.search.indexer.files(docs, config.search, search_state(config), cache, builder.frozen):
            fingerprint = "search:" + file.digest  # an unchanged file is neither hashed again nor compared
            if not output.unchanged(file.path, fingerprint):
                output.write(file.path, file.data, fingerprint)
            index_files += 1
    except search.DamagedTermsError as error:
        # (A traceback, and at every build after it: the record is dropped, so that the next build reads the file again;
        # the preview's builder too, which would have taken the file's record as it knew it.)
        store.forget([error.key])
        store.commit()
        builder.known = None
        source = next(
            (f"{config.content_dir}/{a.source_path}" for a in (*made.site.articles, *made.site.standalone.pages) if a.key == error.key), ""
        )
        message = (
            f"its search terms in the build cache ({store.path}) are damaged: they are dropped; build again, which reads the file anew"
        )
        raise SsgError(Problem(source or error.ref, None, None, message)) from None
    result.files += index_files
    result.counts["search"] = f"{_count(len(docs), 'document')} in {_count(index_files, 'file')}, {_since(output, before)} changed"


def sampled_problems(renderer: Renderer, pages: list[Page], analysed: dict[str, tuple[str, frozenset[str]]]) -> list[Problem]:
    """What rendering one page of each kind finds wrong with the templates (`render.check_pages`, as `ssg check` does),
    for a build that failed on a page: it names them all, not only the first a render met."""
    cards = any("card" in analysed[name][1] for name in {page.template for page in pages} if name in analysed)
    try:
        check_pages(renderer, pages, cards)
    except TemplateError as error:
        return error.problems
    return []


def _count(n: int, thing: str) -> str:
    """The profile's counts: "1 file", "2 files"."""
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _since(output: Output, before: int) -> int:
    """How many files the build has changed since it had changed `before`."""
    return len(output.changed) - before


_IN_PAGE_LINK = re.compile(r"""(<a\s[^>]*?\bhref=)(["'])([#?])""")  # `#fn:1`, and `?page=2` (the page's own query)


def entry_text(theme: Theme, urls: Urls, bodies: Bodies, paths: dict[str, str]) -> EntryText:
    """What feeds show besides metadata: bodies with every link absolute, image credits in the article's language."""

    def body(article: Article) -> str:
        html = body_links(bodies(article), urls, paths, urls.absolute, theme.translator(article.lang))
        if "#" not in html and '="?' not in html and "='?" not in html:
            return html
        # A link within the article (a footnote, a heading), or to the page with a query (`?page=2`, as a browser reads
        # it there): a reader resolves `#fn:1` and `?page=2` against the feed, not the page.
        page = urls.absolute(urls.article(article))
        return _IN_PAGE_LINK.sub(lambda m: f"{m[1]}{m[2]}{page}{m[3]}", html)

    def credit(article: Article) -> str:
        return (
            theme.t(article.lang, "image_source", credit=inline_text(article.image.credit))
            if article.image and article.image.credit
            else ""
        )

    def caption(article: Article) -> str:
        shown = inline_markdown(article.image.caption) if article.image and article.image.caption else ""
        return body_links(shown, urls, paths, urls.absolute, theme.translator(article.lang)) if REF_PREFIX in shown else shown

    return EntryText(body, credit, caption)


def protected_dirs(config: Config) -> list[Path]:
    return [
        config.content_path,
        config.root / config.static_dir,
        config.root / config.templates_dir,
        config.root / "themes",
        config.root / "i18n",  # the site's own interface strings (theme.py)
    ]


def _ignores_case(root: Path) -> bool:
    """Whether the project is on a disk whose names ignore case (a Mac's, Windows'): its site.yaml is there as SITE.YAML."""
    return (root / CONFIG_FILE.upper()).exists()
