"""An incremental build after any kind of change gives exactly the output of a cold build."""

from __future__ import annotations

import copy
import dataclasses
import gc
import os
import random
import re
import shutil
import sqlite3
import weakref
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

import ssg.build
import ssg.cache
import ssg.fingerprints
import ssg.load
import ssg.render
import ssg.searching
import ssg.site
import ssg.stamps
from ssg.build import Builder, BuildOptions, build
from ssg.cache import Store
from ssg.config import load_config
from ssg.content import Article, Day, ReadSettings, Source, read_article
from ssg.errors import SsgError
from ssg.load import content_stats, load_articles, restat
from ssg.output import Output
from ssg.search import SearchConfig
from ssg.site import assemble, reassemble
from ssg.stamps import cache_stamp, read_settings
from ssg.watch import preview_config

from .conftest import BILINGUAL_YAML, NOW, REPO, SITE_YAML, Project, article


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cold_build(project: Project, tmp_path: Path) -> dict[str, bytes]:
    fresh = Project(tmp_path / "cold")
    shutil.rmtree(fresh.root, ignore_errors=True)
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    fresh.build()
    return tree(fresh.public)


def stories() -> dict[str, str]:
    """Six stories over three months, tagged Alpha and one of T0, T1: the archive these tests (and test_printmemo's) edit."""
    return {
        f"content/2021/story-{n}.md": article(
            f"Story {n}", f"2021-0{1 + n % 3}-1{n}T10:00:00+03:00", f"Body {n}.", tags=f"[Alpha, T{n % 2}]"
        )
        for n in range(6)
    }


@pytest.fixture
def site(project):
    return story_site(project)


def story_site(project: Project) -> Project:
    """The stories, an older article with old URLs, a static file and pages, built: the archive `CHANGES` edit."""
    project.write(stories())
    project.write(
        {"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha]", aliases=OLD_URLS)}
    )
    project.write({"static/extra.css": "body { color: black }\n"})
    project.write(PAGES)
    project.build()
    return project


OLD_URLS = "[/2020/old/, /old.html]"  # old.md's old URLs, each a page redirecting to it
# Two standalone pages in the header's menu, which every page shows: one in content/pages/, one marked as a page.
PAGES = {
    "content/pages/about.md": "---\ntitle: About\nmenu: 1\n---\n\nWe keep [stories](../2021/story-1.md).\n",
    "content/team.md": "---\ntitle: Team\ntype: page\nmenu: 2\nupdated: 2021-02-01\naliases: /people/\n---\n\nWho we are.\n",
}
FILES = 9  # content files: 7 articles and the 2 pages


def page(title: str, body: str = "Text.", **front: object) -> str:
    """The text of a standalone page's file; extra front matter as YAML flow values."""
    lines = [f"title: {title}"] + [f"{k}: {v}" for k, v in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


CHANGES = {
    "edit body": lambda p: p.write(
        {"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "New body.", tags="[Alpha, T0]")}
    ),
    "edit title": lambda p: p.write(
        {"content/2021/story-3.md": article("Renamed story", "2021-01-13T10:00:00+03:00", "Body 3.", tags="[Alpha, T1]")}
    ),
    "add": lambda p: p.write({"content/2021/new.md": article("New", "2021-02-20", tags="[Beta]")}),
    "delete": lambda p: p.remove("content/2021/story-4.md"),
    "rename": lambda p: (p.root / "content/2021/story-5.md").rename(p.root / "content/2021/renamed.md"),
    "delete linked target": lambda p: p.remove("content/2021/story-1.md"),
    "tag added": lambda p: p.write(
        {"content/2021/story-0.md": article("Story 0", "2021-01-10T10:00:00+03:00", "Body 0.", tags="[Alpha, T0, Gamma]")}
    ),
    "tag removed": lambda p: p.write(
        {"content/2021/story-1.md": article("Story 1", "2021-02-11T10:00:00+03:00", "Body 1.", tags="[Alpha]")}
    ),
    # The same instant, now shown with its time: pages that only link to it (neighbours, latest lists) show it too.
    "day given its midnight time": lambda p: p.write(
        {"content/2020/old.md": article("Old", "2020-12-01T00:00:00", "See [story](../2021/story-1.md).", tags="[Alpha]", aliases=OLD_URLS)}
    ),
    "date moved to another month": lambda p: p.write(
        {"content/2021/story-2.md": article("Story 2", "2021-07-01T10:00:00+03:00", "Body 2.", tags="[Alpha, T0]")}
    ),
    "template change": lambda p: p.write(
        {"templates/list.html": "{% extends 'base.html' %}{% block content %}{{ articles|length }}{% endblock %}"}
    ),
    "config change": lambda p: p.write(
        {"site.yaml": "title: Renamed\nbase_url: https://example.org/x/\ntimezone: Europe/Moscow\npaginate: 3\n"}
    ),
    # Articles read differently (dates without an offset) under the same keys and URLs.
    "timezone changed": lambda p: p.write({"site.yaml": SITE_YAML.replace("Europe/Moscow", "Asia/Tokyo")}),
    "interface strings": lambda p: p.write({"i18n/en.yaml": "nav_home: Front page\n"}),
    "static file": lambda p: p.write({"static/robots.txt": "User-agent: *\n"}),
    "static file edited": lambda p: p.write({"static/extra.css": "body { color: navy }\n"}),
    "static file deleted": lambda p: p.remove("static/extra.css"),
    # Its URL changes, and with it the link in old.md's page and in the feeds that show old.md's body.
    "linked target moved": lambda p: p.write(
        {"content/2021/story-1.md": article("Story 1", "2021-05-11T10:00:00+03:00", "Body 1.", tags="[Alpha, T1]")}
    ),
    "draft": lambda p: p.write(
        {"content/2021/story-3.md": article("Story 3", "2021-01-13T10:00:00+03:00", "Body 3.", tags="[Alpha, T1]", draft="true")}
    ),
    "tag renamed in every article": lambda p: [
        p.write(
            {
                f"content/2021/story-{n}.md": article(
                    f"Story {n}", f"2021-0{1 + n % 3}-1{n}T10:00:00+03:00", f"Body {n}.", tags="[Alpha, Odd]"
                )
            }
        )
        for n in (1, 3, 5)
    ],
    # Most articles now spell Alpha "alpha": the tag's name, shown on the pages and search hits of the others too (the
    # oldest four, whose search store chunk holds none of the articles changed).
    "tag spelt otherwise by most": lambda p: p.write(
        {
            **{
                f"content/2021/story-{n}.md": article(
                    f"Story {n}", f"2021-0{1 + n % 3}-1{n}T10:00:00+03:00", f"Body {n}.", tags=f"[alpha, T{n % 2}]"
                )
                for n in (2, 4, 5)
            },
            "content/2021/later-1.md": article("Later 1", "2021-04-01", tags="[alpha]"),
            "content/2021/later-2.md": article("Later 2", "2021-04-02", tags="[alpha]"),
        }
    ),
    "old URL added": lambda p: p.write(
        {
            "content/2021/story-2.md": article(
                "Story 2", "2021-03-12T10:00:00+03:00", "Body 2.", tags="[Alpha, T0]", redirect_from="/2021/story-2.html"
            )
        }
    ),
    "old URL removed": lambda p: p.write(
        {"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha]", aliases="[/2020/old/]")}
    ),
    # Its redirect pages lead to its new URL; so does the title they show, after an edit.
    "article with old URLs moved": lambda p: p.write(
        {"content/2020/old.md": article("Old news", "2020-11-01", "See [story](../2021/story-1.md).", tags="[Alpha]", aliases=OLD_URLS)}
    ),
    # Every page's head then links the new language's feed.
    "first article in another language": lambda p: p.write({"content/2021/ru.md": article("Новость", "2021-02-02", lang="ru")}),
    # Standalone pages. One in the menu changed, added or gone changes every page's header.
    "page edited": lambda p: p.write({"content/pages/about.md": page("About", "We keep [stories](../2021/story-1.md) and more.", menu=1)}),
    "page title in the menu changed": lambda p: p.write({"content/pages/about.md": page("About us", menu=1)}),
    "page menu order changed": lambda p: p.write({"content/pages/about.md": page("About", menu=3)}),
    "page taken out of the menu": lambda p: p.write({"content/pages/about.md": page("About")}),
    "page added to the menu": lambda p: p.write({"content/pages/contacts.md": page("Contacts", "Write to us.", menu=0)}),
    "page added": lambda p: p.write({"content/pages/legal.md": page("Legal", "Terms.")}),
    "page deleted": lambda p: p.remove("content/pages/about.md"),
    "page in the menu deleted": lambda p: p.remove("content/team.md"),
    "page slug changed": lambda p: p.write({"content/team.md": page("Team", type="page", menu=2, slug="people-here")}),
    "page updated date changed": lambda p: p.write(
        {"content/team.md": page("Team", "Who we are.", type="page", menu=2, updated="2022-05-05")}
    ),
    "page made a draft": lambda p: p.write({"content/pages/about.md": page("About", menu=1, draft="true")}),
    "page made an article": lambda p: p.write({"content/team.md": article("Team", "2021-02-01", "Who we are.", tags="[Alpha]")}),
    "article made a page": lambda p: p.write({"content/2021/story-4.md": page("Story 4", "Body 4.", type="page", menu=5)}),
    "article links a page": lambda p: p.write(
        {"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "See [us](../pages/about.md).", tags="[Alpha, T0]")}
    ),
    "page in another language": lambda p: p.write({"content/pages/o-nas.md": page("О нас", "Текст.", lang="ru", menu=1)}),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_build_equals_cold_build(site, tmp_path, change):
    CHANGES[change](site)
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize("long_lived", [False, True])
def test_a_template_named_as_the_page_renders_is_followed_when_added_edited_or_deleted(site, tmp_path, long_lived):
    """An include whose name is made as the page renders (Hugo's `partial (printf "head/%s.html" .Kind)`): a partial
    added, edited or deleted under its name's start made no page again, and left what a cold build makes otherwise."""
    builder = Builder() if long_lived else None
    rebuild = (lambda: builder_build(builder, site)) if builder else site.build
    site.write({"templates/head_extra.html": '{% include ["parts/head_" ~ page.kind ~ ".html", "parts/none.html"] ignore missing %}'})
    # A Mac's and an editor's files beside the partials are no templates (read as one, the build stopped on a traceback).
    (site.root / "templates/parts").mkdir()
    (site.root / "templates/parts/.DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00\x00\xff\xfe")
    (site.root / "templates/parts/head_list.html~").write_bytes(b"b0VIM 9.0\xff\xfe")
    rebuild()
    steps = [
        lambda: site.write({"templates/parts/head_article.html": '<meta name="x-kind" content="article">'}),
        lambda: site.write({"templates/parts/head_article.html": '<meta name="x-kind" content="edited">'}),
        lambda: site.write({"templates/parts/head_list.html": '<meta name="x-kind" content="list">'}),
        lambda: site.remove("templates/parts/head_article.html"),
    ]
    for step, shown in zip(steps, ['content="article"', 'content="edited"', 'content="edited"', None], strict=True):
        step()
        rebuild()
        made = tree(site.public)
        assert made == cold_build(site, tmp_path)
        page = made["2021/01/10/story-0/index.html"].decode()
        assert (shown in page) if shown else 'name="x-kind"' not in page


def test_link_follows_a_moved_article(project, tmp_path):
    """A body links to an article that is neither its neighbour nor in the latest list: when that one's
    URL changes, only the link tells the linking page (and the feeds showing its body) to change."""
    project.write({"site.yaml": "title: T\nbase_url: https://example.org/\nlatest: 1\nfeeds: {entries: 3}\n"})
    project.write({f"content/filler-{n}.md": article(f"Filler {n}", f"2022-01-0{n + 1}") for n in range(4)})
    project.write({"content/a.md": article("A", "2020-01-01", "See [B](b.md).")})
    project.write({"content/x.md": article("X", "2020-06-01")})
    project.write({"content/b.md": article("B", "2021-01-01")})
    project.build()
    project.write({"content/b.md": article("B", "2021-01-01", slug="b-moved")})
    project.build()
    assert "2021/01/01/b-moved/" in project.page("2020/01/01/a/")
    assert tree(project.public) == cold_build(project, tmp_path)


def test_unchanged_project_is_up_to_date(site):
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "New body.", tags="[Alpha, T0]")})
    first = site.build()
    again = site.build()
    assert again.up_to_date and not first.up_to_date
    assert (again.pages, again.files, again.warnings, again.changed) == (first.pages, first.files, first.warnings, 0)


def test_up_to_date_keeps_warnings_and_strict_still_fails(project):
    project.write({"content/a.md": article("A", "2021-01-01", tilte="typo")})
    first = project.build()
    assert first.warnings and project.build().warnings == first.warnings
    with pytest.raises(SsgError):
        project.build(strict=True)


def test_future_article_is_published_once_due(project, tmp_path):
    project.write({"content/now.md": article("Now", "2025-12-01"), "content/later.md": article("Later", "2026-03-01")})
    later = datetime(2026, 4, 1, tzinfo=UTC)
    project.build()
    assert project.build().up_to_date
    result = build(load_config(project.root), BuildOptions(now=later))
    assert not result.up_to_date and "2026/03/01/later/index.html" in tree(project.public)
    fresh = Project(tmp_path / "cold")
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    build(load_config(fresh.root), BuildOptions(now=later))
    assert tree(project.public) == tree(fresh.public)


def test_linked_file_edited(project, tmp_path):
    project.write({"content/a.md": article("A", "2021-01-01", "![Chart](chart.svg)"), "content/chart.svg": "<svg>1</svg>"})
    project.build()
    project.write({"content/chart.svg": "<svg>2, and longer</svg>"})
    project.build()
    assert (project.public / "chart.svg").read_text() == "<svg>2, and longer</svg>"
    assert tree(project.public) == cold_build(project, tmp_path)


def test_parallel_build_equals_serial_build(site, tmp_path, monkeypatch):
    """Reading in a process pool, rendering here and in forked helpers: the same bytes as one process."""
    monkeypatch.setattr(ssg.load, "PARALLEL_FROM", 1)
    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    shutil.rmtree(site.root / ".ssg-cache")
    shutil.rmtree(site.public)
    result = build(load_config(site.root), BuildOptions(now=NOW, jobs=3))
    assert result.read == FILES and result.changed == len(tree(site.public)) - 1  # all but the manifest
    fresh = Project(tmp_path / "serial")
    shutil.copytree(site.root, fresh.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    build(load_config(fresh.root), BuildOptions(now=NOW, jobs=1))
    assert tree(site.public) == tree(fresh.public)


@pytest.mark.parametrize("frozen_before", [False, True])
def test_parallel_render_leaves_the_collector_as_it_found_it(site, monkeypatch, frozen_before):
    """Forked helpers need the parent's objects frozen while they run; after, what the caller froze (the preview
    keeps its long-lived objects frozen, `watch.collect_garbage`) stays frozen, and nothing else does."""
    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    shutil.rmtree(site.public)
    try:
        builder = Builder(remember=False)
        if frozen_before:
            gc.freeze()
            builder.frozen = True  # (as the preview tells its builder)
        builder.build(load_config(site.root), BuildOptions(now=NOW, jobs=2))
        assert (gc.get_freeze_count() > 0) is frozen_before
    finally:
        gc.unfreeze()


class _Cycle:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_parallel_render_under_the_previews_freeze_freezes_nothing_new(site, monkeypatch):
    """The preview keeps what lived through its last pause frozen; a render that forks must not freeze what was made
    since (the last build's renderer, this build's garbage): those would wait for a full collection, which comes only
    after a pause, so saves without a pause between them grew the preview by every forking build's garbage."""
    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    shutil.rmtree(site.public)
    gc.collect()
    gc.freeze()  # the preview's last pause
    try:
        made_since = weakref.ref(cycle := _Cycle())
        builder = Builder(remember=False)
        builder.frozen = True
        builder.build(load_config(site.root), BuildOptions(now=NOW, jobs=2))
        del cycle
        gc.collect()
        assert made_since() is None
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("template", ["article.html", "list.html"])  # pages at the front and at the back of the list
def test_parallel_render_reports_a_template_error_and_writes_nothing(site, monkeypatch, template):
    """Whichever process renders the failing page, the build stops with its error and the output stays as it was."""
    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    before = tree(site.public)
    site.write({f"templates/{template}": "line one\n{{ 1 / 0 }}\n"})
    with pytest.raises(SsgError, match=rf"^templates/{re.escape(template)}:2: ZeroDivisionError"):
        build(load_config(site.root), BuildOptions(now=NOW, jobs=2))
    assert tree(site.public) == before


def builder_build(builder: Builder, project: Project):
    return builder.build(load_config(project.root), BuildOptions(now=NOW))


def test_a_long_lived_builder_keeps_its_theme_until_a_theme_file_or_site_yaml_changes(site, tmp_path):
    """Saves of content keep the theme (its templates compiled once); a template edited, one that does not compile (the
    build fails, and the next one that finds it fixed succeeds), a string of i18n/ and site.yaml each load it again.
    Every output is a cold build's."""
    builder = Builder()
    builder_build(builder, site)
    first = builder.theme[1]
    story = site.root / "content/2021/story-3.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    builder_build(builder, site)
    assert builder.theme[1] is first
    assert tree(site.public) == cold_build(site, tmp_path)
    steps = {
        "template": lambda: site.write({"templates/card.html": "<li>{{ article.title }}!</li>\n"}),
        "broken template": lambda: site.write({"templates/card.html": "<li>{{ article.title </li>\n"}),
        "fixed template": lambda: site.write({"templates/card.html": "<li>{{ article.title }}?</li>\n"}),
        "interface strings": lambda: site.write({"i18n/en.yaml": "nav_home: Front page\n"}),
        "site.yaml": lambda: site.write({"site.yaml": SITE_YAML.replace("Europe/Moscow", "Asia/Tokyo")}),
    }
    for name, step in steps.items():
        before = builder.theme[1] if builder.theme else None
        step()
        if name == "broken template":
            with pytest.raises(SsgError):
                builder_build(builder, site)
            assert builder.theme is None, name
            continue
        builder_build(builder, site)
        assert builder.theme[1] is not before, name
        assert tree(site.public) == cold_build(site, tmp_path), name


def test_a_long_lived_builders_search_documents_are_those_a_fresh_writer_makes(site, monkeypatch):
    """Through every kind of change in a row, the documents a long-lived builder hands the index writer (those of
    articles at their last places, with the same tags and paths, taken over without a look: `SearchWriter.docs`) are
    those a writer that keeps nothing makes of the same site."""
    real, compared = ssg.searching.SearchWriter.docs, []

    def docs(self, reading, site_model, paths, outlet_pages):
        made = real(self, reading, site_model, paths, outlet_pages)
        if self.remember:
            assert made == real(ssg.searching.SearchWriter(), reading, site_model, paths, outlet_pages)
            compared.append(len(made))
        return made

    monkeypatch.setattr(ssg.searching.SearchWriter, "docs", docs)
    builder = Builder()
    builder_build(builder, site)
    for name in sorted(CHANGES):
        CHANGES[name](site)
        try:
            builder_build(builder, site)
        except SsgError:
            continue
        assert compared, name
        compared.clear()


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_builder_rebuild_equals_cold_build(site, tmp_path, change):
    """A long-lived Builder (the preview's) carries what it learnt over: still exactly a cold build."""
    builder = Builder()
    builder_build(builder, site)
    CHANGES[change](site)
    builder_build(builder, site)
    assert tree(site.public) == cold_build(site, tmp_path)


def output_state(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file of an output folder, its manifest too, and of its working files beside it (`.public.ssg-*`), with
    its bytes, modification time and mode."""
    ours = (folder.name, *(f".{folder.name}.ssg-{kind}" for kind in ("staging", "trash", "moving.json", "lock")))
    files = [p for p in sorted(folder.parent.rglob("*")) if p.is_file() and p.relative_to(folder.parent).parts[0] in ours]
    return {p.as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in files}


THEME = REPO / "themes" / "default"
# Changes that change no page's bytes, only what the output's manifest lists (its fingerprints).
UNSEEN_CHANGES = {
    "a key no template shows": lambda p: p.write(
        {"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Body 2.", tags="[Alpha, T0]", notes="private")}
    ),
    "a Jinja comment in a template": lambda p: p.write(
        {"templates/article.html": (THEME / "templates/article.html").read_text(encoding="utf-8") + "{# seen by no reader #}\n"}
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES) + sorted(UNSEEN_CHANGES))
def test_a_build_that_only_learns_writes_nothing(site, tmp_path, change):
    """The build server learns the archive after its first command (`Builder.learning`): a file changed since that
    command is not built then, by no command, but by the next command; the builder says why it did not learn. Nor
    is the manifest written where no page's bytes change."""
    {**CHANGES, **UNSEEN_CHANGES}[change](site)
    assert_not_learned(site, r"the archive is not learned: it would write \d+ files?, remove")


def assert_not_learned(site: Project, message: str) -> None:
    """A build that only learns (the server's builder's) stops with `message`, having written nothing."""
    before = output_state(site.public)
    builder = Builder(looks_anew=True)
    with builder.learning(), pytest.raises(ssg.build.NotLearnedError, match=message):
        builder_build(builder, site)
    assert builder.unlearned is not None
    assert output_state(site.public) == before


def test_a_build_that_only_learns_an_archive_changed_as_it_builds_writes_nothing(site, monkeypatch):
    """A template changed after the build hashed its inputs, before it loaded the theme: the pages it would change are
    not written either."""
    real = Builder._inputs

    def inputs(self, *args):
        found = real(self, *args)
        CHANGES["template change"](site)
        return found

    monkeypatch.setattr(Builder, "_inputs", inputs)
    assert_not_learned(site, r"it would write \d+ files, remove 0 and change the manifest of public")


def test_a_build_that_only_learns_a_broken_archive_fails_as_ssg_build_did(site):
    """The command it learns by failed (an article's front matter broken): it fails alike, writing nothing, and counts
    as learned (the server's next commands fail, or build once fixed, with what it learned)."""
    site.write({"content/2021/story-2.md": "---\ntitle: [Story 2\n---\n\nBody.\n"})
    with pytest.raises(SsgError):
        site.build()
    before = output_state(site.public)
    builder = Builder(looks_anew=True)
    with builder.learning(), pytest.raises(SsgError) as failed:
        builder_build(builder, site)
    assert not isinstance(failed.value, ssg.build.NotLearnedError) and builder.unlearned is None
    assert output_state(site.public) == before


def test_a_build_that_only_learns_an_unchanged_archive_learns_it(site, tmp_path):
    """Nothing changed since the output was built: the builder learns the archive, writing nothing, and its next build
    goes on from it."""
    before = output_state(site.public)
    builder = Builder(looks_anew=True)
    with builder.learning():
        builder_build(builder, site)
    assert builder.unlearned is None and builder.planned is not None
    assert output_state(site.public) == before
    CHANGES["edit body"](site)
    builder_build(builder, site)
    assert tree(site.public) == cold_build(site, tmp_path)


def changed_content(content: Path, before: dict, after: dict) -> list[str]:
    """The content paths a file watcher reports between two listings: made, changed and gone files."""
    return sorted(str(content / path) for path in before.keys() | after.keys() if before.get(path) != after.get(path))


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_builder_told_what_changed_equals_cold_build(site, tmp_path, change):
    """The preview's builder, told by file events which content files changed, lists only their folders again:
    still exactly a cold build, whatever the change (templates, static files and settings are looked at as always)."""
    builder = Builder()
    builder_build(builder, site)
    content = site.root / "content"
    before = content_stats(content)
    CHANGES[change](site)
    builder.build(load_config(site.root), BuildOptions(now=NOW), changed_content(content, before, content_stats(content)))
    assert tree(site.public) == cold_build(site, tmp_path)


def test_builder_trusts_the_events_and_can_tell_what_they_missed(site):
    builder = Builder()
    config = load_config(site.root)
    builder.build(config, BuildOptions(now=NOW))
    assert not builder.missed_changes(config)
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Unreported.", tags="[Alpha, T0]")})
    assert builder.build(config, BuildOptions(now=NOW), changed=[]).up_to_date  # no event: nothing looked at
    assert "Unreported." not in site.page("2021/03/12/story-2/")
    assert builder.missed_changes(config)  # what the preview checks while the author pauses
    builder.build(config, BuildOptions(now=NOW))  # and then builds listing every file
    assert "Unreported." in site.page("2021/03/12/story-2/")
    assert not builder.missed_changes(config)


def test_a_look_for_missed_changes_stops_when_a_save_waits_and_the_next_finds_them(site, monkeypatch):
    """The preview's pause lists every content file (0.1 s at 10,000 articles); a save that comes in meanwhile stops
    it (`stop`), and it says nothing was missed: the save's build comes first, and the next pause looks again."""
    builder = Builder()
    config = load_config(site.root)
    builder.build(config, BuildOptions(now=NOW))
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Unreported.", tags="[Alpha, T0]")})
    monkeypatch.setattr(ssg.load, "STATS_BETWEEN_STOPS", 2)
    for n in range(4):  # (stopped before any folder, and between folders or files)
        assert not builder.missed_changes(config, stop=true_after(n))
        with pytest.raises(ssg.load.ListingStoppedError):
            content_stats(site.root / "content", stop=true_after(n))
    assert builder.missed_changes(config, stop=lambda: False)
    builder.build(config, BuildOptions(now=NOW))
    assert "Unreported." in site.page("2021/03/12/story-2/")


def test_files_of_the_output_deleted_by_hand_are_found_as_the_author_pauses_and_made_again(site, tmp_path, monkeypatch):
    """A long-lived builder (`build --watch`, the preview) trusts the files it moved in to be there: a page, a feed, the
    sitemap, a static file or a file of the search index deleted by hand stayed missing until its inputs changed. The
    pause looks for each (`output_gone`), and the next build, with nothing else changed, makes them again; a look that
    a save stops finds none (the save builds first, and the next pause looks again)."""
    builder = Builder()
    config = load_config(site.root)
    builder.build(config, BuildOptions(now=NOW))
    assert builder.output_gone(config) == []
    deleted = ["2021/03/12/story-2/index.html", "extra.css", "search/d/0.js", "sitemap.xml", "tags/t0/feed.xml"]
    for path in deleted:
        (site.public / path).unlink()
    monkeypatch.setattr(ssg.build, "OUTPUT_BATCH", 2)
    for n in range(3):
        assert builder.output_gone(config, stop=true_after(n)) == []
    assert builder.output_gone(config, stop=lambda: False) == deleted
    result = builder.build(config, BuildOptions(now=NOW), changed=[])  # (as the pause builds: no event since)
    assert (result.up_to_date, result.changed, result.read) == (False, len(deleted), 0)
    assert tree(site.public) == cold_build(site, tmp_path)
    assert builder.output_gone(config) == [] and not builder.distrusted  # (the builds after it trust the manifest again)


def true_after(n: int):
    """A `stop` that says False `n` times, then True: a save that comes in after that many looks."""
    calls = iter(range(n))
    return lambda: next(calls, None) is None


def test_restat_lists_again_only_the_folders_events_name(tmp_path):
    content = tmp_path / "content"
    files = ["2021/a.md", "2021/b.md", "2022/c.md", "2022/deep/d.md", "_drafts/x.md", ".hidden/y.md", "top.md", "2023/e.md"]
    for name in files:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(name)
    (content / "linked").symlink_to(content / "2021")
    stats = content_stats(content)
    assert "linked/a.md" not in stats and "_drafts/x.md" not in stats and "top.md" in stats

    (content / "2021/a.md").write_text("edited, and longer")
    (content / "2021/b.md").rename(content / "2021/b2.md")
    (content / "2021/.b2.md.swp").write_text("an editor's swap file")
    (content / "2022").rename(content / "2019")  # a folder moved: both ends are events
    (content / "2024/new").mkdir(parents=True)
    (content / "2024/new/f.md").write_text("f")
    (content / "_drafts/x.md").write_text("x, edited")
    (content / "2023/e.md").unlink()
    (content / "2023").rmdir()
    events = ["2021/a.md", "2021/b.md", "2021/b2.md", "2021/.b2.md.swp", "2022", "2019", "2024", "_drafts/x.md", "2023/e.md"]
    assert restat(content, stats, [content / e for e in events]) == content_stats(content)
    assert list(restat(content, stats, [content / e for e in events])) == sorted(content_stats(content))

    # Only what the events name is looked at: a file changed without one keeps its old stat.
    now = content_stats(content)
    (content / "2019/c.md").write_text("changed, no event")
    assert restat(content, now, [content / "2021/a.md"]) == now
    assert restat(content, now, [content / "2019/deep/d.md"]) == now  # another folder
    assert restat(content, now, [content / "2019/gone.tmp"]) == content_stats(content)  # its folder, listed again
    assert restat(content, now, [content / "top.md"]) == content_stats(content)  # a file at the top: everything
    assert restat(content, now, [tmp_path / "elsewhere.md"]) == content_stats(content)  # a path it cannot place: everything


def test_builder_through_every_change(site, tmp_path):
    builder = Builder()
    builder_build(builder, site)
    for number, change in enumerate(sorted(CHANGES)):
        CHANGES[change](site)
        builder_build(builder, site)
        assert tree(site.public) == cold_build(site, tmp_path / str(number)), change


def test_fingerprints_and_kept_files_found_in_bulk_are_those_found_one_by_one(site, tmp_path, monkeypatch):
    """A long-lived builder's plan takes over most fingerprints, and most files as they are, in bulk (in C:
    `Fingerprints.pages`, `Output.unchanged_many`): through every kind of change, each gives what asking of each page
    one by one (`Fingerprints.page`, `Output.unchanged`) gives, and what it keeps for the next build, and the output is a
    cold build's."""
    real_pages, real_many = ssg.fingerprints.Fingerprints.pages, Output.unchanged_many
    bulk = []

    def pages(self, pages):
        twin = copy.copy(self)
        twin._made = {}
        expected = [twin.page(page) for page in pages]
        got = real_pages(self, pages)
        assert got == expected and self._made == twin._made
        bulk.append(self._kept_as_was and bool(self._previous))
        return got

    def unchanged_many(self, paths, fingerprints):
        twin = copy.copy(self)
        twin.new = dict(self.new)
        expected = list(map(twin.unchanged, paths, fingerprints))
        got = real_many(self, paths, fingerprints)
        assert got == expected and self.new == twin.new and list(self.new) == list(twin.new)
        return got

    monkeypatch.setattr(ssg.fingerprints.Fingerprints, "pages", pages)
    monkeypatch.setattr(Output, "unchanged_many", unchanged_many)
    builder = Builder()
    builder_build(builder, site)
    for number, change in enumerate(["edit body", "date moved to another month", "add", "tag added", "template change", "delete"]):
        CHANGES[change](site)
        builder_build(builder, site)
        assert tree(site.public) == cold_build(site, tmp_path / str(number)), change
    assert sum(bulk) >= 4  # (the bulk path was taken: a template changed makes every fingerprint again)


def test_kept_files_found_in_bulk_by_a_one_shot_build_are_those_found_one_by_one(site, tmp_path, monkeypatch):
    """`ssg build` does not trust the output folder to hold what its manifest lists (a file may have been deleted since):
    it compares the fingerprints in C and looks only for the files whose fingerprint is the same
    (`Output.unchanged_many`), with the answers, and the files kept for the manifest, of `Output.unchanged` asked page
    by page; a kept page's file deleted from the output is made again."""
    real_many = Output.unchanged_many
    seen = []

    def unchanged_many(self, paths, fingerprints):
        twin = copy.copy(self)
        twin.new = dict(self.new)
        expected = list(map(twin.unchanged, paths, fingerprints))
        got = real_many(self, paths, fingerprints)
        assert got == expected and list(self.new.items()) == list(twin.new.items())
        seen.append((self._trusted, dict(zip(paths, got, strict=True))))
        return got

    monkeypatch.setattr(Output, "unchanged_many", unchanged_many)
    site.build()
    for number, change in enumerate(["edit body", "tag added", "date moved to another month"]):
        CHANGES[change](site)
        (site.public / "archive" / "index.html").unlink()
        site.build()
        trusted, kept = seen[-1]
        assert not trusted and not kept["archive/index.html"] and sum(kept.values()) > len(kept) // 2, change
        assert tree(site.public) == cold_build(site, tmp_path / str(number)), change


@pytest.mark.parametrize("drafts", [False, True])
@pytest.mark.parametrize("future", [False, True])
def test_what_is_published_is_found_in_c_as_article_by_article(bilingual, drafts, future):
    """`load.published` finds in C that nothing is left out (no draft, nothing dated later, nothing expired: most
    saves); it keeps what going article by article keeps, with the same counts, with and without drafts, articles
    dated later, published later (Hugo's `publishDate`) and expired (its `expiryDate`), in any mix, and standalone pages
    without a date."""
    _, articles = read_articles(bilingual)
    rng = random.Random(4)
    moment = NOW
    for step in range(40):
        mixed = [
            dataclasses.replace(
                a,
                draft=rng.random() < step / 400,
                date=moment + timedelta(days=1) if rng.random() < step / 400 else a.date,
                publish=moment + timedelta(hours=1) if rng.random() < step / 400 else None,
                expires=moment + timedelta(hours=rng.choice((-1, 0, 1))) if rng.random() < step / 400 else None,
            )
            for a in articles
        ]
        assert ssg.load.published(mixed, drafts, future, moment) == ssg.load._sorted_out(mixed, drafts, future, moment)
    pages = [
        SimpleNamespace(draft=False, publish_from=None, expires=None),
        SimpleNamespace(draft=False, publish_from=moment - timedelta(days=1), expires=None),
        SimpleNamespace(draft=False, publish_from=moment + timedelta(days=1), expires=None),
        SimpleNamespace(draft=False, publish_from=None, expires=moment),
    ]
    for chosen in (pages[:2], pages[:3], pages):
        assert ssg.load.published(chosen, drafts, future, moment) == ssg.load._sorted_out(chosen, drafts, future, moment)


def test_builder_reads_only_what_changed(site):
    builder = Builder()
    builder_build(builder, site)
    assert builder_build(builder, site).read == 0
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Changed.", tags="[Alpha, T0]")})
    result = builder_build(builder, site)
    assert result.read == 1 and 0 < result.changed < len(tree(site.public)) / 3  # its page, listings, feeds, search shards


def test_builder_keeps_only_the_records_it_needs(site):
    """A long-lived Builder forgets an edited file's old record without listing the whole cache (`Known.pruned`)."""
    builder = Builder()
    builder_build(builder, site)
    for text in ("One.", "Two.", "Three."):
        site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", text, tags="[Alpha, T0]")})
        builder_build(builder, site)
    site.remove("content/2021/story-3.md")
    builder_build(builder, site)
    config = load_config(site.root)
    store = Store(config.cache_path / "cache.sqlite", cache_stamp(config))
    try:
        current = {digest for _, _, digest in store.known_files().values()}
        assert len(current) == len(list((site.root / "content").rglob("*.md")))
        assert store.digests() == current | builder.known.snapshot
    finally:
        store.close()


def test_builder_survives_a_deleted_cache(site, tmp_path):
    builder = Builder()
    builder_build(builder, site)
    shutil.rmtree(site.root / ".ssg-cache")
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Changed.", tags="[Alpha, T0]")})
    assert builder_build(builder, site).read == FILES
    assert tree(site.public) == cold_build(site, tmp_path)


def test_editing_one_article_rerenders_only_its_pages(site):
    before = {p: (site.public / p).stat().st_mtime_ns for p in tree(site.public)}
    site.write({"content/2020/old.md": article("Old", "2020-12-01", "Changed body.", tags="[Alpha]", aliases=OLD_URLS)})
    result = site.build()
    assert result.read == 1
    changed = sorted(p for p, m in before.items() if (site.public / p).stat().st_mtime_ns != m)
    assert "2020/12/01/old/index.html" in changed and "feed.xml" in changed
    assert "old.html" not in changed and "2020/old/index.html" not in changed  # its redirects show its link alone
    assert not any(p.startswith("2021/") for p in changed)  # other articles and their dates untouched


def test_a_new_article_leaves_the_other_article_pages_alone(site):
    """The latest list changes with every new article: the pages read it from latest.js, so only the new article's
    neighbour (its "next" link) is rewritten, not every article page (nor uploaded again by every rsync)."""
    before = {p: (site.public / p).stat().st_mtime_ns for p in tree(site.public)}
    site.write({"content/2021/newest.md": article("Newest", "2021-06-01T10:00:00+03:00", "Fresh.", tags="[Alpha]")})
    site.build()
    changed = {p for p, m in before.items() if (site.public / p).stat().st_mtime_ns != m}
    assert "latest.js" in changed and "Newest" in (site.public / "latest.js").read_text()
    article_pages = {p for p in before if re.fullmatch(r"\d{4}/\d\d/\d\d/[^/]+/index\.html", p)}
    assert article_pages & changed == {"2021/03/15/story-5/index.html"}  # the newest until now: it links to the next


@pytest.mark.parametrize("builder", [False, True], ids=["one-shot", "long-lived builder"])
def test_new_articles_change_a_years_month_counts_and_the_pagers_window_as_in_a_cold_build(site, tmp_path, builder):
    """A year's page lists its months' counts and every listing page numbers the pages around it: five new articles of
    February 2021 change February's count on each page of 2021 (and add its days to February's page), and the home
    listing's pages from four to six, which each of its pages numbers (`1 2 3 … 6`). Made again as a cold build makes them."""
    long_lived = Builder() if builder else None
    if long_lived is not None:
        builder_build(long_lived, site)
    site.write({f"content/2021/extra-{n}.md": article(f"Extra {n}", f"2021-02-2{n}T10:00:00+03:00", "More.") for n in range(5)})
    builder_build(long_lived, site) if long_lived is not None else site.build()
    assert tree(site.public) == cold_build(site, tmp_path)
    for year_page in ("2021/index.html", "2021/page/2/index.html", "2021/page/6/index.html"):
        assert '<span class="visually-hidden">Articles: 7</span>' in (site.public / year_page).read_text()  # February's
    assert re.findall(r'href="(2\d/)"', (site.public / "2021/02/index.html").read_text()) == [f"2{n}/" for n in range(5)]
    home = (site.public / "index.html").read_text()
    assert 'aria-label="Page 6">6</a>' in home and '<li class="pagination__gap" aria-hidden="true">…</li>' in home


@pytest.mark.parametrize("change", ["newest article retitled", "article added"])
def test_a_theme_whose_article_pages_show_the_latest_list_gets_them_all_again_when_it_changes(site, tmp_path, change):
    """Templates may still show `latest` (the default theme's 404 page does): a long-lived builder's pages that
    show it are made again when it changes, though the plan took them over unchanged."""
    latest = "{% for item in latest %}<a href='{{ url_for(item) }}'>{{ item.title }}</a>{% endfor %}"
    site.write({"templates/article.html": "{% extends 'base.html' %}{% block content %}" + latest + "{% endblock %}"})
    builder = Builder()
    builder_build(builder, site)
    if change == "article added":
        site.write({"content/2021/newest.md": article("Newest", "2021-06-01T10:00:00+03:00", "Fresh.", tags="[Alpha]")})
    else:
        site.write({"content/2021/story-5.md": article("Newest", "2021-03-15T10:00:00+03:00", "Body 5.", tags="[Alpha, T1]")})
    builder_build(builder, site)
    assert ">Newest</a>" in site.page("2020/12/01/old/")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_tag_given_to_one_more_article_makes_again_only_the_pages_that_show_it_or_its_count(site, monkeypatch):
    """T0's count goes up: the tags page shows counts and is made again, the pages of the other T0 articles show the
    tag without its count and are not (they used to be: every page showing an article of a common tag)."""
    rendered = []
    real = ssg.render.Renderer.render
    monkeypatch.setattr(ssg.render.Renderer, "render", lambda self, page: rendered.append(page.path) or real(self, page))
    site.write(
        {"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha, T0]", aliases=OLD_URLS)}
    )
    site.build()
    assert {"2020/12/01/old/", "tags/", "tags/t0/"} <= set(rendered)
    assert not {"2021/01/10/story-0/", "2021/03/12/story-2/", "2021/02/14/story-4/"} & set(rendered)


def test_a_long_lived_builder_takes_over_the_pages_of_articles_whose_tag_only_counts_one_more(site, tmp_path, monkeypatch):
    """The preview's rebuild after an article is tagged T0: T0's count changes, which no article page of the default
    theme shows, so the pages of the other T0 articles are the last build's, and so are their fingerprints, taken
    without gathering their inputs again (at 10,000 articles, a common tag's 1,900 pages were planned again and
    every page's inputs gathered and compared: 0.3-0.4 s of such a rebuild)."""
    builder = Builder()
    builder_build(builder, site)
    planned, compared = [], []
    real_plan, real_page = ssg.pages._article_page, ssg.fingerprints.Fingerprints.page
    monkeypatch.setattr(ssg.pages, "_article_page", lambda article, *rest: planned.append(article.source_path) or real_plan(article, *rest))

    def page(self, page):  # an article page's inputs include the links of its body, asked for only when gathered
        real_links = self._links_text
        self._links_text = lambda article: compared.append(article.source_path) or real_links(article)
        try:
            return real_page(self, page)
        finally:
            del self._links_text

    monkeypatch.setattr(ssg.fingerprints.Fingerprints, "page", page)
    site.write(
        {"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha, T0]", aliases=OLD_URLS)}
    )
    builder_build(builder, site)
    assert sorted(planned) == ["2020/old.md", "2021/story-0.md"]  # (story-0, its newer neighbour, links to it)
    assert sorted(set(compared) - {"2020/old.md", "2021/story-0.md"}) == []  # no other T0 article's page, nor any other
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "with a render helper"])
def test_a_long_lived_builder_places_the_entries_it_made_before_on_the_listings_a_new_article_moves(site, tmp_path, monkeypatch, jobs):
    """The preview's rebuild after a new article: every listing page it is on moves its articles by one, and their
    entries (`card.html`) are the ones made before, also those a forked render helper made."""
    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    if jobs > 1:  # the helper renders every page: this process takes none
        take = ssg.render._take
        monkeypatch.setattr(ssg.render, "_take", lambda bounds, size, from_back: None if from_back else take(bounds, size, from_back))
    shutil.rmtree(site.public)  # (its first build renders every page)
    builder = Builder()
    builder.build(load_config(site.root), BuildOptions(now=NOW, jobs=jobs))
    assert len(builder.cards.entries) == 7  # (the helper's too)
    assert builder.cards.made is None  # (only a helper lists what it made: kept here, it would hold every entry let go)
    made, handed = [], []
    real, add = ssg.render.Renderer._render_card, ssg.render.Cards.add
    monkeypatch.setattr(ssg.render.Renderer, "_render_card", lambda self, a, *rest: made.append(a.title) or real(self, a, *rest))
    monkeypatch.setattr(ssg.render.Cards, "add", lambda self, entries: handed.append(len(entries)) or add(self, entries))
    site.write({"content/2021/newest.md": article("Newest", "2021-06-01T10:00:00+03:00", "Fresh.", tags="[Alpha, T0]")})
    result = builder.build(load_config(site.root), BuildOptions(now=NOW, jobs=jobs))
    assert result.changed > 10  # (the home page's articles moved: two a page)
    assert (made, handed) == (["Newest"], []) if jobs == 1 else ([], [1])  # (a helper's are made there, and handed back)
    site.write({"content/2021/newest.md": article("Newest", "2021-06-01T10:00:00+03:00", "Edited.", tags="[Alpha, T0]")})
    builder.build(load_config(site.root), BuildOptions(now=NOW, jobs=jobs))
    assert len(builder.cards.entries) == 9  # (the edited article's earlier entry too, until the author pauses)
    builder.tidy()
    assert len(builder.cards.entries) == 8
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_long_lived_builder_makes_the_entries_while_the_author_pauses(site, tmp_path, monkeypatch):
    """The preview's first build renders no page where the output is as it was, so it made no entry (`card.html`), and
    the first save that moved a listing made every entry of it (1,906 for a tag given to an article at 10,000
    articles). The pause after a build makes them (`Builder.tidy`), a batch at a time while no save waits; the save
    after it renders only the entry of the article it changed, and gives a cold build's output."""
    monkeypatch.setattr(ssg.render, "CARDS_LOOK", 0)
    builder = Builder()
    builder_build(builder, site)
    assert len(builder.cards.entries) == 0  # (the output was as it was: no page rendered)
    looks = []
    builder.tidy(stop=lambda: looks.append(1) or len(looks) == 3)  # a save waits at the third look: the rest left for later
    assert (len(builder.cards.entries), len(looks)) == (3, 3)
    builder.tidy()
    assert len(builder.cards.entries) == 7  # every article's, on the listings of one language
    made = []
    real = ssg.render.Renderer._render_card
    monkeypatch.setattr(ssg.render.Renderer, "_render_card", lambda self, a, *rest: made.append(a.title) or real(self, a, *rest))
    site.write(
        {"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha, T0]", aliases=OLD_URLS)}
    )
    result = builder_build(builder, site)
    assert result.changed > 2 and made == ["Old"]  # (T0's listing and the home's pages show the others' entries as made)
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda site: site.write({"templates/card.html": "<li>{{ article.title }}: {{ t('draft') }}</li>\n"}), id="template"),
        pytest.param(lambda site: site.write({"i18n/en.yaml": "mentions: Tagged\n"}), id="interface strings"),
        pytest.param(
            lambda site: site.write({f"content/2021/{n}.md": article(n, "2021-01-01", tags="[t1]") for n in "xy"}), id="a tag's name"
        ),
    ],
)
def test_a_long_lived_builders_entries_follow_what_they_show(site, tmp_path, change):
    """Its kept entries are made again when what they show changes otherwise than by an edit of the article: the
    entry template, the interface strings, a tag's name (its most written spelling: `t1` once new articles have it)."""
    site.write({"content/2021/story-1.md": article("Story 1", "2021-02-11T10:00:00+03:00", "Body 1.", tags="[Alpha, t1]")})
    shutil.rmtree(site.public)
    builder = Builder()
    builder_build(builder, site)
    change(site)
    builder_build(builder, site)
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize("builder", [False, True], ids=["one-shot", "long-lived builder"])
def test_a_theme_that_shows_tag_counts_on_article_pages_gets_them_again_when_a_count_changes(site, tmp_path, builder):
    counts = "{% for tag in tags_of(article) %}<i>{{ tag.name }}={{ tag.count }}</i>{% endfor %}"
    site.write({"templates/article.html": "{% extends 'base.html' %}{% block content %}" + counts + "{% endblock %}"})
    long_lived = Builder()
    build_once = (lambda: builder_build(long_lived, site)) if builder else site.build
    build_once()
    assert "<i>T0=3</i>" in site.page("2021/01/10/story-0/")
    site.write(
        {"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha, T0]", aliases=OLD_URLS)}
    )
    build_once()
    assert "<i>T0=4</i>" in site.page("2021/01/10/story-0/")
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize("damage", [b"garbage, not a database", b""])
def test_corrupted_cache_is_rebuilt(site, tmp_path, damage):
    for file in (site.root / ".ssg-cache").glob("cache.sqlite*"):
        file.write_bytes(damage)
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    result = site.build()
    assert result.read == FILES
    assert tree(site.public) == cold_build(site, tmp_path)


def test_foreign_cache_stamp_is_discarded(site):
    change_cache(site, "UPDATE stamp SET value = 'another version'")
    assert site.build().read == FILES


@pytest.mark.parametrize(
    "shape",
    [
        # (records without its last column; builds with one more: an older version's, a later one's)
        "CREATE TABLE records (digest TEXT PRIMARY KEY, meta TEXT, body TEXT)",
        "CREATE TABLE builds (output TEXT PRIMARY KEY, state TEXT NOT NULL, at TEXT)",
    ],
)
def test_a_cache_of_another_versions_tables_is_started_afresh(site, tmp_path, shape):
    """A cache.sqlite whose table another version of ssg made otherwise: the stamp deleted its rows, but the table stayed,
    and the build failed where it wrote one ("the build cache cannot be written (SQLite: table records has 3 columns but
    4 values were supplied): deleting .ssg-cache is safe"), on every build until the user deleted it."""
    table = shape.split()[2]
    change_cache(site, f"DROP TABLE {table}", shape, "UPDATE stamp SET value = 'another version'")
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    result = site.build()
    assert (result.read, result.warnings) == (FILES, [])
    assert site.cache_sql("SELECT sql FROM sqlite_master WHERE name = ?", table) != [(shape,)]  # (made anew, this version's)
    assert tree(site.public) == cold_build(site, tmp_path)
    assert site.build().up_to_date


def test_the_cache_stamp_is_of_the_code_running_not_of_the_files_on_disk(site, monkeypatch):
    """`ssg serve` left running while ssg's files change (an upgrade, a working copy's edit) stamped what its old
    code read with the new code's hash: restarted, ssg trusted those records and kept the old rendering."""
    config = load_config(site.root)
    before = cache_stamp(config)
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: real(path) + b"# edited" if path.name == "markdown.py" else real(path))
    assert cache_stamp(config) == before


def change_cache(site: Project, *statements: str) -> None:
    db = sqlite3.connect(site.root / ".ssg-cache" / "cache.sqlite")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def test_damaged_record_is_a_cache_miss(site, tmp_path):
    change_cache(site, "UPDATE records SET meta = '{not json'", "DELETE FROM snapshot", "DELETE FROM builds")
    assert site.build().read == FILES
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE snapshot SET value = X'00'",  # fails its checksum
        "UPDATE snapshot SET checksum = 'x'",
        "UPDATE snapshot SET kind = 'made for other classes'",
    ],
)
def test_damaged_snapshot_is_ignored(site, tmp_path, damage):
    change_cache(site, damage)
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    assert site.build().read == 1  # the others come from their records
    assert tree(site.public) == cold_build(site, tmp_path)


def test_snapshot_of_objects_of_another_shape_is_ignored(site, tmp_path, monkeypatch):
    """A snapshot whose articles hold one field fewer than the running code's (checksum and kind as they should be):
    reading one back fails to unpack (`content._setter`), and the snapshot is a miss, not articles with a field
    missing or shifted."""
    store = Store(site.root / ".ssg-cache" / "cache.sqlite", cache_stamp(load_config(site.root)))
    entries = store.snapshot(ssg.load.SNAPSHOT_KIND)
    assert entries
    state = Article.__getstate__
    monkeypatch.setattr(Article, "__getstate__", lambda article: state(article)[:-1])
    store.save_snapshot(ssg.load.SNAPSHOT_KIND, entries)
    store.close()
    monkeypatch.undo()
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    assert site.build().read == 1  # the others come from their records
    assert tree(site.public) == cold_build(site, tmp_path)


def test_search_terms_come_back_from_the_cache_as_read_and_one_cut_short_is_a_miss():
    """The cache keeps each article's search terms in marshal's form (JSON took a cold build's search phase 0.14 s to read
    back at 10,000 articles): they come back as the reader made them, and one cut short (a damaged file) is left out, as
    one that was not JSON was (marshal raised EOFError there, which no JSON reader ever raised)."""
    settings = ReadSettings("en", "UTC", (), SearchConfig(), ())
    records = {
        f"d{n}": read_article(
            f"{n}.md", article(f"Story {n}", "2021-01-10", f"Ракеты летят, rockets fly {n}.", tags="[Alpha]").encode(), settings
        )
        for n in range(3)
    }
    store = Store(None, "stamp")
    for digest, record in records.items():
        store.put(digest, record)
    assert store.terms(["d0", "d1", "d2", "gone"]) == {digest: record["terms"] for digest, record in records.items()}
    store.db.execute("UPDATE records SET terms = substr(terms, 1, 20) WHERE digest = 'd1'")
    assert store.terms(["d0", "d1", "d2"]) == {"d0": records["d0"]["terms"], "d2": records["d2"]["terms"]}


def test_a_cache_storing_records_otherwise_is_started_afresh(site, monkeypatch):
    """How the cache stores a record (`cache.STORAGE`: the terms in marshal's form, of this Python's marshal) is part of
    its stamp: a cache an older ssg wrote, the terms as JSON, or another Python, is started afresh, never misread."""
    before = cache_stamp(load_config(site.root))
    monkeypatch.setattr(ssg.stamps, "STORAGE", "1/json")
    assert cache_stamp(load_config(site.root)) != before
    assert site.build().read == FILES  # every file read again, none taken from records stored the other way


def test_snapshot_entry_without_its_record_is_read_again(site, tmp_path):
    change_cache(site, "DELETE FROM records WHERE rowid IN (SELECT rowid FROM records LIMIT 2)", "DELETE FROM builds")
    assert site.build().read == 2
    assert tree(site.public) == cold_build(site, tmp_path)


def test_reverted_edit_finds_its_body(site, tmp_path):
    """The snapshot still holds the first version after an edit: its record must be kept for a revert."""
    original = (site.root / "content/2021/story-2.md").read_bytes()
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Edited.", tags="[Alpha, T0]")})
    site.build()
    site.write({"content/2021/story-2.md": original})
    assert site.build().read == 0
    assert tree(site.public) == cold_build(site, tmp_path)


def test_damaged_compiled_template_is_compiled_again(site, tmp_path):
    for file in (site.root / ".ssg-cache" / "templates").iterdir():
        file.write_bytes(file.read_bytes()[:12] + b"garbage")
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


def test_templates_compiled_for_a_filter_without_the_context_are_compiled_again(project, tmp_path, monkeypatch):
    """`markdownify` came to take the page's context (its links made real for the page): Jinja compiles a filter's
    call with or without it, and templates an older ssg had compiled, kept in the cache, called it without: every page
    of every archive built before failed ("markdownify_in() missing 1 required positional argument"). Which filters
    take the context is part of the compiled code's key."""
    import ssg.theme
    from ssg.markdown import markdownify

    site = story_site(project)
    site.write(
        {"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", rights="'© [TASS](https://tass.ru)'")}
    )
    with monkeypatch.context() as older:
        older.setattr(ssg.theme, "markdownify_in", markdownify)  # (as an older ssg registered the filter)
        site.build()
    site.write(
        {"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body!", rights="'© [TASS](https://tass.ru)'")}
    )
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_renderer_kept_after_its_build_resolves_a_front_matter_link_with_its_own_links(project, monkeypatch):
    """`markdownify` resolved a front-matter text's links with the renderer set on the theme's environment, which a
    long-lived builder keeps from build to build: the last build's renderer, kept to make its listings' entries in a
    pause (`Builder.cards_later`), linked with the links of whichever renderer was made after it. Each resolves with
    its own, which the page's context holds."""
    made: list[ssg.render.Renderer] = []

    class Recording(ssg.render.Renderer):
        def __init__(self, *args: object, **kwargs: object):
            super().__init__(*args, **kwargs)
            self.pages: dict[str, object] = {}
            made.append(self)

        def render(self, page):  # noqa: ANN001, ANN202
            self.pages[page.path] = page
            return super().render(page)

    monkeypatch.setattr(ssg.build, "Renderer", Recording)
    rights = "'See [the other](other.md)'"
    project.write(
        {
            "content/2021/story.md": article("Story", "2021-01-10T10:00:00+03:00", "Body.", rights=rights),
            "content/2021/other.md": article("Other", "2021-01-11T10:00:00+03:00", "Body.", slug="before"),
        }
    )
    builder = Builder()
    builder_build(builder, project)
    project.write({"content/2021/other.md": article("Other", "2021-01-11T10:00:00+03:00", "Body.", slug="after")})
    builder_build(builder, project)
    first, _ = made
    story = next(page for path, page in first.pages.items() if path.endswith("/story/"))
    assert 'See <a href="../../11/before/">' in first.render(story).decode()  # (the second renderer's: ../../11/after/)
    assert 'See <a href="../../11/after/">' in (project.public / story.path / "index.html").read_text(encoding="utf-8")


def test_output_file_deleted_by_hand_is_written_again(site, tmp_path):
    for name in ("2021/01/10/story-0/index.html", "sitemap.xml", "feed.xml", "extra.css"):
        (site.public / name).unlink()
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


def test_builder_on_a_bilingual_site_after_a_failed_build_and_a_deleted_cache(bilingual, tmp_path):
    """Pages a Builder keeps from an earlier build hold that build's article objects; a failed build
    or a deleted cache gives the same articles new objects. Listings show each article's other
    languages: still exactly a cold build."""
    builder = Builder()
    builder_build(builder, bilingual)
    story = bilingual.root / "content/en/story-4.md"
    good = story.read_bytes()
    story.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(SsgError):
        builder_build(builder, bilingual)
    story.write_bytes(good)
    builder_build(builder, bilingual)
    new = {"content/en/new-moon.md": article("New Moon", "2021-07-01T10:00:00+03:00", "Body.", tags="[Moon]")}
    bilingual.write(new)  # the Moon tag's count changes: listings that show its articles render again
    builder_build(builder, bilingual)
    assert tree(bilingual.public) == cold_build(bilingual, tmp_path)
    shutil.rmtree(bilingual.root / ".ssg-cache")
    bilingual.write({"content/en/new-moon.md": article("New Moon", "2021-07-01T10:00:00+03:00", "Body.", tags="[Moon, Roscosmos]")})
    builder_build(builder, bilingual)
    assert tree(bilingual.public) == cold_build(bilingual, tmp_path)


@pytest.mark.parametrize("by_place", [True, False])
def test_builder_through_a_random_sequence_of_edits_equals_cold_builds(bilingual, tmp_path, monkeypatch, by_place):
    """Many builds of one Builder in a row (the preview's life), each a different kind of change to
    a bilingual site whose listings span several pages: every build equals a cold build. (`by_place=False`: what the
    sitemap's fingerprint takes over of the last build's pages and articles is looked up by identity, as after a
    change that shifts many of them.)"""
    if not by_place:
        monkeypatch.setattr(ssg.fingerprints, "_FEW_PAGES", 0)
        monkeypatch.setattr(ssg.fingerprints, "_FEW_ARTICLES", 0)
    bilingual.write({"site.yaml": BILINGUAL_YAML.replace("paginate: 50", "paginate: 3")})
    content = bilingual.root / "content"
    rng = random.Random(7)
    builder = Builder()
    builder_build(builder, bilingual)

    def some(folder: str = "*") -> Path:
        return rng.choice(sorted(content.glob(f"{folder}/*.md")))

    def body(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")

    def title(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("title: ", "title: Renamed ", 1), encoding="utf-8")

    def tags(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"tags: \[.*\]", rng.choice(["tags: [Mars]", "tags: [Moon, Roscosmos]", "tags: []"]), text), encoding="utf-8"
        )

    def date(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"date: \S+", f"date: 2020-{rng.randint(1, 12):02d}-0{rng.randint(1, 9)}T08:00:00+03:00", text), encoding="utf-8"
        )

    def add(path: Path) -> None:
        number = rng.randint(100, 999)
        lang = rng.choice(["en", "ru"])
        bilingual.write(
            {f"content/{lang}/added-{number}.md": article(f"Added {number}", "2021-06-15T09:00:00+03:00", lang=lang, tags="[Moon]")}
        )

    def delete(path: Path) -> None:
        path.unlink()

    steps = [body, title, tags, date, add, delete, body, tags, date, title, add, delete]
    rng.shuffle(steps)
    for n, step in enumerate(steps):
        step(some(rng.choice(["en", "ru"])))
        builder_build(builder, bilingual)
        if n % 2:
            builder.tidy()  # the author paused: the search index's state is saved now, not by the next build
        if n % 3 == 2:
            assert tree(bilingual.public) == cold_build(bilingual, tmp_path), f"after {[s.__name__ for s in steps[: n + 1]]}"


def read_articles(project: Project) -> tuple[tuple, list]:
    config = load_config(project.root)
    loaded = load_articles(config.content_path, Store(None, cache_stamp(config)), read_settings(config), 1, config.content_dir)
    return (config.language_codes, config.tag_names), list(loaded.articles)


def test_reassembled_site_equals_assembled_site(bilingual):
    """Swapping edited articles into the last site model gives exactly the model `assemble` makes: after text edits,
    and after tag edits (a tag's translated name, another spelling, a new tag, one whose slug another has, none)."""
    how, articles = read_articles(bilingual)
    site = assemble(articles, *how)
    rng = random.Random(5)
    spellings = [(), ("Roscosmos",), ("Роскосмос", "Moon"), ("roscosmos",), ("МКС",), ("MKS", "Moon"), ("New tag",), ("Moon", "moon")]
    retagged, clashes = 0, 0
    for step in range(60):
        now = list(articles)
        for index in rng.sample(range(len(now)), rng.choice((1, 1, 2, 4))):
            edit = {"title": f"Edited {step}", "summary": f"{step}", "key": f"{step}-{index}"}
            if step % 2:
                edit["tags"] = rng.choice(spellings)
                retagged += edit["tags"] != now[index].tags
            now[index] = dataclasses.replace(now[index], **edit)
        again, expected = reassemble(site, articles, now, *how), assemble(now, *how)
        assert again == expected  # (an old object left anywhere has another title)
        for field in ("tag_articles", "periods", "versions", "by_lang", "neighbours_of", "article_tags"):
            assert list(getattr(again, field)) == list(getattr(expected, field))  # the same order too
        articles, site = now, again
        clashes += bool(site.warnings)
    assert retagged > 20 and 0 < clashes < 60  # (tags were changed, and a slug clash came and went)
    assert reassemble(site, articles, list(articles), *how) == site


@pytest.mark.parametrize("languages", [True, False])
def test_retagging_from_the_kept_index_equals_assembling(bilingual, monkeypatch, languages):
    """A save that adds an archive's tag to an article, takes one off or spells one otherwise updates the tags from
    what the site model keeps (`site._retagged`) instead of going over every article again: the model is the one
    `assemble` makes, the order of every mapping included, on a bilingual site (a translation retagged, an
    article whose translation shows the tag) and on one language alone."""
    how, articles = read_articles(bilingual)
    if not languages:
        how = ((), *how[1:])
    pool = ["Moon", "Mars", "Roscosmos", "Роскосмос", "NASA", "ISS", "МКС"]
    rng = random.Random(11)
    # The oldest article has every tag, so no save moves a tag's plain URL (those are assembled again).
    oldest = min(articles, key=lambda a: (a.date.timestamp(), a.source_path))
    articles = [dataclasses.replace(a, tags=tuple(pool) if a is oldest else tuple(rng.sample(pool, rng.randint(0, 3)))) for a in articles]
    site = assemble(articles, *how)
    assembled = []
    real = ssg.site._tagged
    monkeypatch.setattr(ssg.site, "_tagged", lambda *args: assembled.append(1) or real(*args))
    spellings = [*pool, "moon", "nasa", "Iss"]
    for step in range(80):
        now = list(articles)
        for index in rng.sample([n for n, a in enumerate(now) if a is not oldest], rng.choice((1, 1, 1, 2, 3))):
            edit = {"key": f"{step}-{index}", "summary": f"{step}"}
            if rng.random() < 0.8:
                edit["tags"] = tuple(rng.sample(spellings, rng.randint(0, 4)))
            now[index] = dataclasses.replace(now[index], **edit)
        again = reassemble(site, articles, now, *how)
        monkeypatch.setattr(ssg.site, "_tagged", real)
        expected = assemble(now, *how)
        monkeypatch.setattr(ssg.site, "_tagged", lambda *args: assembled.append(1) or real(*args))
        assert again == expected
        for field in ("tags", "tag_articles", "article_tags", "tags_shown", "periods", "versions", "by_lang", "neighbours_of"):
            assert list(getattr(again, field)) == list(getattr(expected, field)), field  # the same order too
        assert again.tag_index == expected.tag_index
        articles, site = now, again
    assert len(assembled) < 20  # (the tags are made again where a spelling comes or goes for good)


MODEL_FIELDS = (
    "tags",
    "tag_articles",
    "article_tags",
    "tags_shown",
    "periods",
    "versions",
    "by_lang",
    "neighbours_of",
    "outlet_articles",
    "outlet_named",
)


def assert_same_model(again, expected) -> None:
    """`again` is the model `assemble` made as `expected`: equal, with every mapping in the same order, and the same tags'
    index (which the model does not compare), its mappings' order included (it numbers the slugs of clashing tags)."""
    assert again is not None
    assert again == expected
    for field in MODEL_FIELDS:
        assert list(getattr(again, field)) == list(getattr(expected, field)), field  # the same order too
    assert again.tag_index == expected.tag_index
    for part in ("spellings", "oldest", "slugs"):
        assert list(getattr(again.tag_index, part)) == list(getattr(expected.tag_index, part)), part


@pytest.fixture
def one_language(project):
    """Thirty articles in one site language (Russian and English among them), with tags that clash (МКС and MKS make
    one slug), spellings of one tag, a tag on one article alone, outlets, dates written as days, in other offsets, and
    two articles at one instant."""
    pool = ["Moon", "moon", "Mars", "МКС", "MKS", "Space X", "SpaceX", "Roscosmos", "Alone"]
    rng = random.Random(3)
    files = {}
    for n in range(30):
        date = f"20{19 + n % 3}-{1 + n * 5 % 12:02d}-{1 + n * 7 % 28:02d}"
        date += "" if n % 7 == 0 else f"T{n % 24:02d}:30:00{'+03:00' if n % 2 else '-05:00'}"
        tags = rng.sample(pool[:-1], rng.randint(0, 3)) + (["Alone"] if n == 11 else [])
        front = {"tags": "[" + ", ".join(tags) + "]", "lang": "ru" if n % 3 == 0 else "en"}
        if n % 4:
            front["source"] = rng.choice(["Interfax", "ИНТЕРФАКС", "TASS", "Reuters"])
        files[f"content/{n:02d}.md"] = article(f"Story {n}", date, f"Body {n}.", **front)
    files["content/30.md"] = article("Same instant", "2020-06-01T12:30:00+03:00", tags="[Moon]")
    files["content/31.md"] = article("Same instant too", "2020-06-01T09:30:00+00:00", tags="[Mars]")
    return project.write(files)


def test_articles_moved_added_and_removed_on_a_site_in_one_language_reassemble_as_assembled(one_language):
    """A date moved (to another day, month or year, to another offset of the same instant, to another article's
    instant, forward and back), an article added (the newest, the oldest, one between, with a tag of its own, with a
    tag that clashes with another's slug, another spelling), one removed (a tag's or a day's last, a tag's oldest), and
    several at once: on a site in one language the last model is reordered rather than assembled again
    (`site._reordered`), and the model is the one `assemble` makes, the order of every mapping included."""
    how, articles = read_articles(one_language)
    how = ((), *how[1:])  # (as a build assembles a site in one language: `Builder._assemble`)
    site = assemble(articles, *how)
    rng = random.Random(7)
    moscow, new_york = timezone(timedelta(hours=3)), timezone(timedelta(hours=-5))
    pool = ["Moon", "moon", "Mars", "МКС", "MKS", "Space X", "SpaceX", "Roscosmos", "Alone", "Fresh"]
    slugs, counts, newest = set(), set(), set()
    real = ssg.site.assemble
    for step in range(150):
        now = list(articles)

        def when(now=now):
            choice = rng.randrange(6)
            if choice == 0:  # another article's instant (the order is then by path)
                return rng.choice(now).date
            if choice == 1:  # the same instant in another offset (another day, maybe)
                return rng.choice(now).date.astimezone(rng.choice([UTC, moscow, new_york]))
            if choice == 2:
                return Day(rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28), tzinfo=moscow)
            if choice == 3:  # the newest or the oldest of all
                dates = [a.date for a in now]
                return max(dates) + timedelta(hours=1) if rng.random() < 0.5 else min(dates) - timedelta(hours=1)
            moment = rng.choice(now).date
            return (moment + timedelta(days=rng.choice([-400, -31, -1, 1, 31, 400]))).astimezone(rng.choice([UTC, moscow]))

        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            kind = rng.choice(("move", "move", "add", "add", "remove", "move and retag"))
            if kind == "remove" and len(now) > 5:
                now.pop(rng.randrange(len(now)))
            elif kind == "add":
                template = rng.choice(now)
                tags = tuple(rng.sample(pool, rng.randint(0, 3)))
                path = f"added/{step}-{rng.randint(0, 10**6)}.md"
                lang = rng.choice(("en", "ru"))
                now.append(
                    dataclasses.replace(template, source_path=path, key=path, date=when(), tags=tags, title=f"Added {step}", lang=lang)
                )
            else:
                index = rng.randrange(len(now))
                change = {"date": when(), "key": f"{step}-{index}"}
                if kind == "move and retag":
                    change["tags"] = tuple(rng.sample(pool, rng.randint(0, 3)))
                now[index] = dataclasses.replace(now[index], **change)
        rng.shuffle(now)  # (the order the loader gives does not count)
        again = reassemble(site, articles, now, *how)
        assert_same_model(again, real(now, *how))
        articles, site = now, again
        slugs.add(tuple(sorted((t.name, t.slug) for t in site.tags if t.key in ("мкс", "mks"))))
        counts.add(len(site.tags))
        newest.add(tuple(site.by_lang))
    # (The clashing tags' plain URL went from one to the other; tags came and went; the newest article's language changed.)
    assert len(slugs) > 1 and len(counts) > 2 and len(newest) > 1


def test_dates_moved_with_their_sources_kept_or_swapped_keep_the_outlets_as_assembled(one_language, monkeypatch):
    """Saves whose articles taken out and put in name the same sources as many times (a date moved; two articles that
    swap their outlets; a name without letters, `source: —`, which has no outlet): the outlets are kept and only their
    lists reordered (`site._moved_outlets`, no `_outleted`), and the model is the one `assemble` makes, the order of
    the outlets' lists included. A new article (a count changes) has them made again."""
    how, articles = read_articles(one_language)
    how = ((), *how[1:])
    site = assemble(articles, *how)
    rng = random.Random(11)
    real, remade = ssg.site._outleted, []
    monkeypatch.setattr(ssg.site, "_outleted", lambda *args: remade.append(args) or real(*args))
    kept = 0
    for step in range(120):
        now = list(articles)
        moved = rng.sample(range(len(now)), rng.choice((1, 2, 2, 3)))
        sources = [now[n].source for n in moved]
        if step % 5 == 0:
            sources[0] = Source("—")
        elif rng.random() < 0.5:
            rng.shuffle(sources)
        for n, source in zip(moved, sources, strict=True):
            date = (now[n].date + timedelta(days=rng.choice([-400, -31, -1, 1, 31, 400]))).astimezone(UTC)
            now[n] = dataclasses.replace(now[n], date=date, source=source, key=f"{step}-{n}")
        rng.shuffle(now)
        remade.clear()
        again = reassemble(site, articles, now, *how)
        kept += not remade
        assert_same_model(again, assemble(now, *how))
        articles, site = now, again
    assert kept > 40
    template = articles[0]
    added = [*articles, dataclasses.replace(template, source_path="added.md", key="added", date=template.date + timedelta(days=1))]
    remade.clear()
    again = reassemble(site, articles, added, *how)
    assert remade or template.source is None
    assert_same_model(again, assemble(added, *how))


def test_a_long_lived_builder_after_dates_moved_and_articles_added_and_removed_equals_cold_builds(site, tmp_path, monkeypatch):
    """The saves the preview answers by reordering its last site model (`site._reordered`): a date moved to the next
    month, back a year, forward past every other article and back, to another article's instant; an article added as
    the newest and as the oldest, with a tag of its own; one removed. Each output is a cold build's, byte for byte, and
    no save assembled the site again."""
    builder = Builder()
    builder_build(builder, site)
    assembled = []
    real = ssg.build.assemble
    monkeypatch.setattr(ssg.build, "assemble", lambda *args: assembled.append(args) or real(*args))
    story = site.root / "content/2021/story-3.md"

    def date(value: str):
        return lambda: story.write_text(re.sub(r"date: \S+", f"date: {value}", story.read_text(encoding="utf-8")), encoding="utf-8")

    newest = article("Newest", "2025-05-05T10:00:00+03:00", "Fresh.", tags="[Alpha, Fresh]")
    oldest = article("Oldest", "2001-01-01", "Early.", tags="[T1]", source="Interfax")
    steps = {
        "next month": date("2021-02-13T10:00:00+03:00"),
        "a year back": date("2020-02-13T10:00:00+03:00"),
        "newest of all": date("2024-12-31T23:00:00+00:00"),
        "back between": date("2021-03-11T09:00:00+03:00"),
        "another's instant": date("2021-01-10T10:00:00+03:00"),
        "a new newest": lambda: site.write({"content/2021/newest.md": newest}),
        "a new oldest": lambda: site.write({"content/2001/oldest.md": oldest}),
        "the newest removed": lambda: site.remove("content/2021/newest.md"),
        "one removed": lambda: site.remove("content/2021/story-5.md"),
    }
    for name, step in steps.items():
        step()
        builder_build(builder, site)
        assert not assembled, name
        assert tree(site.public) == cold_build(site, tmp_path), name
        assembled.clear()  # (the cold build's)


def test_reordering_gives_up_on_a_bilingual_site(bilingual):
    """On a bilingual site a date decides which articles are translations of each other (`translations`): a moved
    date, a new or a removed article is assembled again."""
    how, articles = read_articles(bilingual)
    site = assemble(articles, *how)
    now = list(articles)
    now[3] = dataclasses.replace(now[3], date=datetime(2020, 5, 5, 12, tzinfo=UTC))
    assert reassemble(site, articles, now, *how) is None
    assert reassemble(site, articles, articles[1:], *how) is None
    assert reassemble(site, articles, [*articles, dataclasses.replace(articles[0], source_path="en/new.md")], *how) is None


def test_builder_after_tags_added_and_taken_off(project, tmp_path):
    """Tags added to an article in the middle of the archive (the tag's later listing pages, its count and the
    sitemap change), taken off, spelt otherwise: each rebuild equals a cold build."""
    project.write(
        {
            f"content/2021/story-{n:02d}.md": article(
                f"Story {n}", f"2021-{1 + n % 12:02d}-{10 + n % 9}T10:00:00+03:00", f"Body {n}.", tags=f"[Alpha, T{n % 3}]"
            )
            for n in range(40)
        }
    )
    builder = Builder()
    builder_build(builder, project)
    story = project.root / "content/2021/story-17.md"
    for tags in ["[Alpha, T2, T0]", "[Alpha, T2, T0, T1]", "[T2, t0]", "[Alpha, T2]"]:
        story.write_text(re.sub(r"tags: \[.*\]", f"tags: {tags}", story.read_text(encoding="utf-8")), encoding="utf-8")
        builder_build(builder, project)
        assert tree(project.public) == cold_build(project, tmp_path), tags


def test_builder_after_a_neighbour_moves_to_another_offset(site, tmp_path):
    """The same instant with another offset is an equal date that prints differently: the pages
    linking to the article must show the new time."""
    site.write(
        {
            "site.yaml": SITE_YAML + "latest: 1\n",  # (the latest list would show it anyway)
            "templates/article.html": "{{ article.title }}: {% for link in [prev, next] %}{{ link.date.isoformat() if link }} {% endfor %}",
        }
    )
    builder = Builder()
    builder_build(builder, site)
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T08:00:00+01:00", "Body 2.", tags="[Alpha, T0]")})
    builder_build(builder, site)
    assert "2021-03-12T08:00:00+01:00" in site.page("2021/02/14/story-4/")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_builder_after_a_timezone_change(project, tmp_path):
    """Articles dated without an offset read differently under the same keys and URLs: nothing the
    Builder kept from before may stand for them (the search index's documents included)."""
    project.write({f"content/a{n}.md": article(f"A {n}", f"2021-05-2{n}T10:00:00", "Body words here.") for n in range(3)})
    builder = Builder()
    builder_build(builder, project)
    project.write({"site.yaml": SITE_YAML.replace("Europe/Moscow", "Asia/Tokyo")})
    builder_build(builder, project)
    assert tree(project.public) == cold_build(project, tmp_path)


def test_editing_a_translation_alone_on_its_day(project, tmp_path):
    """A translation dated another day than its original is not listed, so no date page has it: a
    rebuild after editing it must not look for it there."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/en/a.md": article("A", "2021-05-20T10:00:00+03:00", "English."),
            "content/ru/a.md": article("А", "2021-05-22T10:00:00+03:00", "Русский.", lang="ru", translation_of="en/a.md"),
        }
    )
    builder = Builder()
    builder_build(builder, project)
    project.write({"content/ru/a.md": article("А", "2021-05-22T10:00:00+03:00", "Русский, правка.", lang="ru", translation_of="en/a.md")})
    builder_build(builder, project)
    assert tree(project.public) == cold_build(project, tmp_path)


@pytest.mark.parametrize(
    "change",
    [
        {"date": datetime(2020, 5, 5, 12, tzinfo=UTC)},
        {"lang": "de"},
        {"slug": "moved"},
        {"translation_key": "k"},
    ],
)
def test_reassembling_gives_up_on_what_changes_the_structure(bilingual, change):
    how, articles = read_articles(bilingual)
    site = assemble(articles, *how)
    now = list(articles)
    now[3] = dataclasses.replace(now[3], **change)
    assert reassemble(site, articles, now) is None
    assert reassemble(site, articles, articles[1:]) is None


def test_reassembling_tells_equal_instants_on_different_days_apart(bilingual):
    how, articles = read_articles(bilingual)
    site = assemble(articles, *how)
    now = list(articles)
    same_instant = now[0].date.astimezone(timezone(timedelta(hours=-12)))  # (the day before, where the clock is behind)
    assert same_instant == now[0].date and same_instant.day != now[0].date.day
    now[0] = dataclasses.replace(now[0], date=same_instant)
    assert reassemble(site, articles, now) is None


def test_a_long_lived_builder_learns_the_site_on_its_first_build(site):
    """`build --watch` and the preview start on an up-to-date output: their first build still plans every page,
    so the first save costs what every later one does. A one-shot build takes the shortcut."""
    site.build()
    builder = Builder()
    first = builder_build(builder, site)
    assert not first.up_to_date and first.changed == 0 and builder.planned is not None
    assert site.build().up_to_date


def test_a_watching_builder_trusts_only_the_output_it_wrote_itself(site, tmp_path):
    """Where the long-lived builder committed the output's manifest, it does not look for every kept file again; a
    build by anyone else in between (here a deleted page, then a one-shot build) and it looks again."""
    builder = Builder()
    builder_build(builder, site)  # the output was there before: every file looked for
    gone = site.public / "2021/01/10/story-0/index.html"
    gone.unlink()
    builder_build(builder, site)  # its own output, as it left it (a page deleted by hand stays missing: see `Output`)
    assert not gone.exists()
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Changed.", tags="[Alpha, T0]")})
    site.build()  # another build wrote the folder (and put the page back)
    assert gone.exists()
    (site.public / "feed.xml").unlink()
    builder_build(builder, site)  # not its manifest any more: every kept file is looked for again
    assert tree(site.public) == cold_build(site, tmp_path)


def test_new_render_code_renders_every_page_again(site, monkeypatch):
    """ssg's own code is part of every page's fingerprint: a working copy that renders differently (between two
    version numbers) rewrites the pages, not only what articles read as (the cache stamp covers those)."""
    site.build()
    render = ssg.render.Renderer.render
    monkeypatch.setattr(ssg.build, "code_version", lambda: "other code")
    monkeypatch.setattr(ssg.render.Renderer, "render", lambda self, page: render(self, page) + b"<!-- new code -->")
    site.build()
    pages = [p for p in site.public.rglob("*.html")]
    assert pages and all(p.read_bytes().endswith(b"<!-- new code -->") for p in pages)


def test_a_flag_with_the_value_site_yaml_has_is_the_same_build(site):
    site.build()
    assert site.build(base_url="https://example.org/").up_to_date  # as in site.yaml (conftest's SITE_YAML)


def test_a_failed_render_leaves_no_pages_to_take():
    """Helpers and this process take pages from both ends of one shared range; after a failure neither takes more."""
    import multiprocessing

    bounds = multiprocessing.get_context("fork").Array("q", [0, 10])
    assert ssg.render._take(bounds, 4, from_back=False) == (0, 4)
    assert ssg.render._take(bounds, 4, from_back=True) == (6, 10)
    ssg.render._give_up(bounds)
    assert ssg.render._take(bounds, 4, from_back=False) is None and ssg.render._take(bounds, 4, from_back=True) is None


def test_a_broken_link_is_no_content_file(tmp_path):
    """A link to a file that is gone (or, for a moment, being replaced by an editor's save) lists as no file: never
    a crash of the build, nor of the preview's look for missed changes at every pause."""
    content = tmp_path / "content"
    (content / "2021").mkdir(parents=True)
    (content / "2021/a.md").write_text("a")
    (content / "2021/linked.md").symlink_to(tmp_path / "gone.md")
    assert content_stats(content) == {"2021/a.md": (1, (content / "2021/a.md").stat().st_mtime_ns)}
    assert restat(content, {}, [content / "2021/linked.md"]) == content_stats(content)


def test_a_long_lived_builder_follows_a_moved_article_that_only_a_page_links_to(site, tmp_path):
    """A page the plan takes over unchanged reads article paths only through the text it shows (`render.body_links`): a
    moved date or a new article makes again only the pages whose text links to one that moved, not every page's inputs
    (0.15 s of a save at 10,000 articles). The About page alone links to story 4: its link follows it."""
    site.write({"content/pages/about.md": "---\ntitle: About\nmenu: 1\n---\n\nWe keep [a story](../2021/story-4.md).\n"})
    builder = Builder()
    builder_build(builder, site)
    site.write({"content/2021/story-4.md": article("Story 4", "2021-06-14T10:00:00+03:00", "Body 4.", tags="[Alpha, T0]")})
    builder_build(builder, site)
    about = next(path for path in tree(site.public) if "about" in path and path.endswith(".html"))
    assert "2021/06/14/story-4/" in (site.public / about).read_text(encoding="utf-8")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_cold_build_hashes_each_file_once_and_a_warm_one_finds_it(project, monkeypatch):
    """An empty cache has no record to look up: a cold build read and hashed every file to look, then its readers read
    and hashed each again. Each is hashed by its reader alone; the next build finds every one in the cache."""
    project.write({f"content/2021/a{n}.md": article(f"Story {n}", f"2021-05-{n + 1:02d}T10:00:00+03:00") for n in range(5)})
    hashed = []
    digest = ssg.load.file_digest
    monkeypatch.setattr(ssg.load, "file_digest", lambda path, raw: hashed.append(path) or digest(path, raw))
    cold = project.build()
    assert sorted(hashed) == [f"2021/a{n}.md" for n in range(5)] and cold.read == 5
    (project.root / "content/2021/a0.md").touch()  # (a changed mtime: hashed to find its bytes the same)
    hashed.clear()
    warm = project.build()
    assert hashed == ["2021/a0.md"] and warm.read == 0


def test_a_build_leaves_no_write_ahead_log_beside_its_cache(project):
    """After a cold build of 30,000 articles the cache's write-ahead log, 320 MB, stayed beside the 318 MB cache until
    the next build: the connection that read the articles' bodies was still open as the build closed the cache, which
    then could not take the log into its file. The build closes it once its pages and feeds are written."""
    project.write({f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-03-{10 + n}T10:00:00+03:00", "Body.") for n in range(5)})
    project.build()
    log = project.root / ".ssg-cache" / "cache.sqlite-wal"
    assert not log.exists() or log.stat().st_size == 0
    project.write({"content/2021/story-1.md": article("Story 1", "2021-03-11T10:00:00+03:00", "Edited.")})
    project.build()
    assert not log.exists() or log.stat().st_size == 0


def test_the_cache_gives_back_the_room_of_records_a_reorganised_content_folder_left(project, monkeypatch):
    """A keeper moved 30,000 articles from year folders into month folders: each record was written again beside its
    old one (a record is keyed by its file's path too), the old ones were dropped, and the cache file stayed twice as
    large for good (597 MB, 280 of them free). A build that leaves over a quarter of its cache file free gives the room back."""
    monkeypatch.setattr(ssg.cache, "SHRINK_ABOVE", 0)  # (the size worth it at scale: here, any)
    body = " ".join(f"word{n}" for n in range(1500))
    project.write({f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-03-{10 + n}T10:00:00+03:00", body) for n in range(12)})
    project.build()
    cache = project.root / ".ssg-cache"

    def size() -> int:  # (with its write-ahead log, were one left)
        return sum(path.stat().st_size for path in cache.glob("cache.sqlite*"))

    before = size()
    for path in sorted((project.root / "content" / "2021").glob("*.md")):
        (path.parent / "03").mkdir(exist_ok=True)
        path.rename(path.parent / "03" / path.name)
    project.build()
    assert size() <= before * 1.2
    assert project.build().read == 0  # (and it holds what the next build reads)


def test_the_previews_saves_leave_giving_the_caches_room_back_to_the_next_build(project, monkeypatch):
    """Giving the room back (a VACUUM) took 2.5 s once at 30,000 articles: a save of the preview that came after content
    was reorganised waited for it before its reload. The preview's builder leaves it to the next `ssg build`."""
    monkeypatch.setattr(ssg.cache, "SHRINK_ABOVE", 0)
    vacuums: list[str] = []
    monkeypatch.setattr(ssg.cache.Store, "_shrink", lambda store: vacuums.append("one-shot"))
    project.write({f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-03-{10 + n}T10:00:00+03:00", "Text.") for n in range(3)})
    config = load_config(project.root)
    preview = Builder()
    preview.build(config, BuildOptions(now=NOW))
    assert vacuums == []
    project.build()
    assert vacuums == ["one-shot"]


def damage_terms_and_search_state(site: Project, digest: str) -> None:
    """One record's search terms cut short (a damaged cache file), and the search index's state gone: the next build's
    search phase reads every article's terms back from the cache."""
    change_cache(site, f"UPDATE records SET terms = substr(terms, 1, 20) WHERE digest = '{digest}'", "DELETE FROM builds")
    for state in (site.root / ".ssg-cache").glob("search-*.sqlite"):
        state.unlink()


def test_damaged_search_terms_are_named_dropped_and_read_again(site, tmp_path):
    """A record whose search terms were damaged ended the search phase of every build on a ValueError traceback saying
    they did not match site.yaml: the build now names the article and the cache, and drops the record, so that the
    next build reads the file again and makes the cold build's site."""
    config = load_config(site.root)
    store = Store(site.root / ".ssg-cache" / "cache.sqlite", cache_stamp(config))
    loaded = load_articles(config.content_path, store, read_settings(config), 1)
    store.close()
    damage_terms_and_search_state(site, next(a.key for a in loaded.articles if a.source_path == "2021/story-3.md"))
    with pytest.raises(SsgError, match=r"content/2021/story-3\.md: its search terms in the build cache \(.*cache\.sqlite\) are damaged"):
        site.build()
    assert site.build().read == 1
    assert tree(site.public) == cold_build(site, tmp_path)


def test_preview_recovers_from_damaged_search_terms_at_the_next_build(site, tmp_path):
    """The preview's builder, whose build failed on damaged search terms, makes the cold build's site at the next one
    (it holds the article read from the record the failed build dropped)."""
    builder = Builder()
    builder_build(builder, site)
    config = load_config(site.root)
    store = Store(site.root / ".ssg-cache" / "cache.sqlite", cache_stamp(config))
    loaded = load_articles(config.content_path, store, read_settings(config), 1)
    store.close()
    damage_terms_and_search_state(site, next(a.key for a in loaded.articles if a.source_path == "2021/story-3.md"))
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    with pytest.raises(SsgError, match=r"content/2021/story-3\.md: its search terms"):
        builder_build(builder, site)
    builder_build(builder, site)
    assert tree(site.public) == cold_build(site, tmp_path)


def test_search_terms_whose_damaged_bytes_ask_too_much_memory_are_a_miss(monkeypatch):
    """Damaged bytes of a record's terms can ask marshal for a list of 2^31 items (`[\\xff\\xff\\xff\\x7f`): where
    the system refuses the memory, marshal raises MemoryError, which ended the build on a traceback; the record is a
    miss, as one cut short is. (marshal.loads stands in for the refusal: the real one takes 4 s where it is given.)"""
    store = Store(None, "stamp")
    store.put(
        "d0", read_article("0.md", article("Story", "2021-01-10", "Rockets.").encode(), ReadSettings("en", "UTC", (), SearchConfig(), ()))
    )
    store.db.execute("UPDATE records SET terms = ? WHERE digest = 'd0'", (b"[\xff\xff\xff\x7f",))

    def refused(data: bytes) -> object:
        raise MemoryError

    monkeypatch.setattr(ssg.cache.marshal, "loads", refused)
    assert store.terms(["d0"]) == {}


def test_preview_learns_the_cache_again_after_another_build_wrote_it(site):
    """The preview's builder knows which records the cache holds. A `ssg build` run beside it (of edits the preview had
    not built yet) dropped the records of the articles as the preview had read them; the edits undone and a change that
    makes every page again, the preview's next build asked the cache for one of those bodies: a traceback, "no cached
    body", at every save until the preview restarted. It now sees that another build wrote the cache, and learns it
    again."""
    stories = [site.root / "content" / "2021" / f"story-{n}.md" for n in range(4)]
    before = [story.read_text(encoding="utf-8") for story in stories]
    builder = Builder()
    builder.build(preview_config(load_config(site.root)), BuildOptions(now=NOW))
    for story, text in zip(stories, before, strict=True):
        story.write_text(text.replace("Body", "Edited body"), encoding="utf-8")
    site.build()  # (a new snapshot of the cache, without the records of the stories as the preview read them)
    for story, text in zip(stories, before, strict=True):
        story.write_text(text, encoding="utf-8")
    site.write({"site.yaml": SITE_YAML.replace("Test archive", "Renamed archive")})  # every page again
    changed = [f"2021/story-{n}.md" for n in range(4)]
    result = builder.build(preview_config(load_config(site.root)), BuildOptions(now=NOW), changed=changed)
    assert result.read == 4  # (the files whose records the other build dropped)
    site.build()
    assert tree(site.root / ".ssg-cache" / "serve") == tree(site.public)


def test_a_new_cache_is_made_of_large_pages_and_one_made_before_keeps_its_own(tmp_path):
    """A cache file made anew takes `PAGE_SIZE` pages (a record is several of SQLite's default 4 KB: a cold build wrote
    and copied twice as many pages); one made before with other pages is opened and used as it is."""
    made = Store(tmp_path / "new.sqlite", "stamp")
    made.put("d", {"meta": {}, "warnings": [], "body": "<p>x</p>", "terms": {}})
    made.close()
    old = tmp_path / "old.sqlite"
    db = sqlite3.connect(old)
    db.execute("PRAGMA page_size=4096")
    db.execute("CREATE TABLE t (x)")
    db.close()
    kept = Store(old, "stamp")
    kept.put("d", {"meta": {}, "warnings": [], "body": "<p>x</p>", "terms": {}})
    kept.close()
    for path, size in ((tmp_path / "new.sqlite", ssg.cache.PAGE_SIZE), (old, 4096)):
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA page_size").fetchone()[0] == size
        assert db.execute("SELECT body FROM records").fetchall() == [("<p>x</p>",)]
        db.close()


def test_a_build_by_an_earlier_clock_than_the_last_is_no_up_to_date_one(project):
    """`ssg build --clock 2027-06-01` published an article dated later, and the next `ssg build` (today's clock) said "up
    to date" and left it published, with its pages, listings, feeds and sitemap: the record held when the output would
    next change (`due`), not since when it was so (second reading, helper-128). An expired article (Hugo's expiryDate)
    likewise came back under a clock before its end."""
    project.write(
        {
            "content/2026/a.md": article("Now", "2025-12-01"),
            "content/2026/later.md": article("Later", "2026-06-01"),
            "content/2026/gone.md": article("Gone", "2025-11-01").replace("---\n\n", "expiryDate: 2025-12-15\n---\n\n", 1),
        }
    )
    config = load_config(project.root)
    build(config, BuildOptions(now=datetime(2027, 1, 1, tzinfo=UTC)))
    assert (project.public / "2026/06/01/later/index.html").is_file()
    assert not (project.public / "2025/11/01/gone/index.html").exists()
    earlier = build(config, BuildOptions(now=NOW))
    assert not earlier.up_to_date
    assert not (project.public / "2026/06/01/later/index.html").exists()
    again = build(config, BuildOptions(now=datetime(2025, 12, 10, tzinfo=UTC)))  # (before the expiry: it is back)
    assert not again.up_to_date and (project.public / "2025/11/01/gone/index.html").is_file()
    assert build(config, BuildOptions(now=datetime(2025, 12, 11, tzinfo=UTC))).up_to_date  # (nothing between the two)


def test_the_versions_the_stamp_names_are_those_importlib_metadata_tells(tmp_path, monkeypatch):
    """The libraries' versions in the cache stamp are read off their .dist-info folders (importing importlib.metadata
    was 20-25 ms of every build): the same versions; a library installed twice in one folder (an upgrade cut short)
    or without such a folder is asked of importlib.metadata, never guessed."""
    import importlib.metadata

    for distribution in ("pymdown-extensions", "iuliia", "text-unidecode"):
        assert ssg.stamps._version_of(distribution) == importlib.metadata.version(distribution)
    folder = tmp_path / "site-packages"
    for name in ("Some.Lib-1.0.dist-info", "twice-1.0.dist-info", "twice-2.0.dist-info"):
        (folder / name).mkdir(parents=True)
        (folder / name / "METADATA").write_text(f"Metadata-Version: 2.1\nName: x\nVersion: {name.split('-')[1][:3]}\n")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(ssg.stamps, "_version_of", ssg.stamps._version_of.__wrapped__)
    monkeypatch.setattr(ssg.stamps, "_installed", ssg.stamps._installed.__wrapped__)
    asked = []
    monkeypatch.setattr(importlib.metadata, "version", lambda name: asked.append(name) or "2.0")
    assert ssg.stamps._version_of("some-lib") == "1.0"
    assert ssg.stamps._version_of("twice") == "2.0"
    assert ssg.stamps._version_of("nowhere") == "2.0"
    assert asked == ["twice", "nowhere"]
    # A copy with an .egg-info earlier on the path (a source checkout, `setup.py develop`) is the one imported, and the
    # one importlib.metadata names: the .dist-info of a later folder was taken, and a cache of its version trusted for
    # this one's (found in a second reading); an entry that is no folder (a zip file) before it likewise.
    earlier = tmp_path / "checkout"
    (earlier / "iuliia-0.99.0-py3.11.egg-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(earlier))
    assert ssg.stamps._version_of("iuliia") == "2.0" and asked[-1] == "iuliia"
    zipped = tmp_path / "libs.zip"
    zipped.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.syspath_prepend(str(zipped))
    assert ssg.stamps._version_of("some-lib") == "2.0" and asked[-1] == "some-lib"


def test_latest_js_is_made_again_where_a_list_or_what_shows_it_changed(project, tmp_path, monkeypatch):
    """latest.js was made by every build, each page language's dates formatted with Babel's data of that language (a
    build in a new process that made no Russian page read all of Russian's for it); it is made where a latest list,
    the strings or patterns that show it, or the page languages changed, and is what a cold build makes."""
    project.write({"site.yaml": SITE_YAML + "latest: 2\n", **stories()})
    project.build()
    made = []
    real = ssg.build.latest_script
    monkeypatch.setattr(ssg.build, "latest_script", lambda *args: made.append(args[2]) or real(*args))
    CHANGES["edit title"](project)  # (story 3, of January: in no latest list)
    project.build()
    assert made == []
    CHANGES["edit body"](project)  # (story 2, of March: the newest but one, its title and date as they were)
    project.build()
    assert made == []
    project.write({"content/2021/ru.md": article("Новость", "2021-02-20T10:00:00+03:00", "Текст.", lang="ru")})
    project.build()  # (a page language more: its list)
    assert made == [["en", "ru"]]
    project.write({"content/2021/story-5.md": article("Story 5, renamed", "2021-03-15T10:00:00+03:00", "Body 5.", tags="[Alpha, T1]")})
    project.build()
    assert len(made) == 2 and "Story 5, renamed" in (project.public / "latest.js").read_text(encoding="utf-8")
    project.write({"i18n/en.yaml": 'datetime_short: "d.M.y HH:mm"\n'})
    project.build()
    assert len(made) == 3 and "15.3.2021" in (project.public / "latest.js").read_text(encoding="utf-8")
    (project.public / "latest.js").unlink()
    project.build()
    assert len(made) == 4
    assert tree(project.public) == cold_build(project, tmp_path)


# An edit that keeps the file's size (е made ё: two bytes each), and an mtime set back as it was (`touch -d` giving a
# clipping its publication date, `cp -p`, `rsync -a`): each build took the file as unchanged, until the cache was deleted.
SAME_SIZE_EDITS = {
    "article": ("content/2021/story-2.md", "", ""),  # (its own text, "Body 2." made "Bоdy 2": a Cyrillic о, two bytes)
    "template": ("templates/card.html", "<li>{{ article.title }}</li>\n", "<li>{{ article.title }}.</li>"),
    "static file": ("static/extra.css", "body { color: black }\n", "body { color: white }\n"),
}


@pytest.mark.parametrize("kind", sorted(SAME_SIZE_EDITS))
@pytest.mark.parametrize("how", ["ssg build", "long-lived builder told by events", "long-lived builder that lists"])
def test_an_edit_that_keeps_the_size_under_an_old_mtime_is_built(site, tmp_path, kind, how):
    path, before, after = SAME_SIZE_EDITS[kind]
    file = site.root / path
    if kind == "article":
        before, after = file.read_text(encoding="utf-8"), file.read_text(encoding="utf-8").replace("Body 2.", "Bоdy 2")
    assert len(before.encode()) == len(after.encode())
    site.write({path: before})
    os.utime(file, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    builder = Builder()
    builder_build(builder, site) if how != "ssg build" else site.build()
    file.write_text(after, encoding="utf-8")
    os.utime(file, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    if how == "ssg build":
        result = site.build()
    else:
        changed = [str(file)] if how == "long-lived builder told by events" else None
        result = builder.build(load_config(site.root), BuildOptions(now=NOW), changed)
    assert not result.up_to_date
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_file_gone_that_no_event_told_of_is_no_file_not_a_traceback(project, tmp_path):
    """An editor's trial: an article's deletion the preview did not hear, then a `ssg build` of another process (which
    wrote the cache the preview learns again), then any save: every build of the preview failed in a traceback
    (`FileNotFoundError`, "internal error") on the file its listing still held. A file gone when it is read is none."""
    project.write(stories())
    config = load_config(project.root)
    builder = Builder(remember=True)
    builder.build(config, BuildOptions(now=NOW), changed=None)
    (project.root / "content/2021/story-2.md").unlink()  # (unheard)
    build(config, BuildOptions(now=NOW))  # (another process's, which wrote the cache)
    result = builder.build(config, BuildOptions(now=NOW), changed=set())
    assert result.articles == 5
    assert tree(project.public) == cold_build(project, tmp_path)


def test_names_are_marked_in_their_language_on_a_site_of_one_language_from_its_first_article_in_another(project, tmp_path):
    """An accessibility trial: on an English site without `languages:`, a Russian tag or outlet on an English page was
    left unmarked, and an English voice spelt it out letter by letter. Names in Cyrillic are marked `ru` where the
    site's articles are in one language written in Cyrillic and one other; the first such article marks them on pages
    it is not on (its languages are part of every page's fingerprint), as a cold build does."""
    project.write(
        {
            "content/2021/iss.md": article("ISS crew", "2021-03-01T10:00:00+03:00", "Body.", tags="[МКС, Space]"),
            "content/2021/other.md": article("Other", "2021-03-02T10:00:00+03:00", "Body.", tags="[Space]"),
        }
    )
    project.build()
    assert ">МКС</a>" in project.page("2021/03/01/iss/")  # (one language: nothing tells which МКС is in)
    project.write({"content/2021/raketa.md": article("Ракета", "2021-03-03T10:00:00+03:00", "Текст.", lang="ru", tags="[Луна]")})
    project.build()
    assert '<span lang="ru">МКС</span>' in project.page("2021/03/01/iss/")
    assert tree(project.public) == cold_build(project, tmp_path)


@pytest.mark.parametrize("hears", [False, True])
def test_exclude_changed_in_site_yaml_makes_a_cold_builds_output(site, tmp_path, hears):
    """`exclude:` added, widened, then taken away: a long-lived builder's output is a cold build's each time. Its last
    listing was made by the old patterns, so events (the build server's) or the preview's changed paths since then are
    no guide: the folder is listed whole again (else a folder newly excluded kept its articles, and one no longer
    excluded stayed off the site)."""
    site.write(
        {
            "content/Templates/daily.md": article("Daily template", "2021-01-05T10:00:00+03:00", "From a template."),
            "content/2021/plan.excalidraw.md": article("A drawing", "2021-01-06T10:00:00+03:00", "Drawn."),
        }
    )
    builder = Builder(hears=hears)
    builder_build(builder, site)
    assert (site.public / "2021/01/05/daily/index.html").exists()
    steps = [
        SITE_YAML + "exclude: [Templates/]\n",
        SITE_YAML + "exclude: [Templates/, '*.excalidraw.md']\n",
        SITE_YAML + "exclude: ['*.excalidraw.md']\n",
        SITE_YAML,
    ]
    for step in steps:
        site.write({"site.yaml": step})
        config = load_config(site.root)
        result = builder.build(config, BuildOptions(now=NOW), None if hears else set())
        assert tree(site.public) == cold_build(site, tmp_path), step
        # (The pages an article left out or taken back is on, as for one deleted or added: not every page.)
        todo, _, total = result.counts["plan"].split(" ", 3)[:3]
        assert int(todo) < int(total) / 2, (step, result.counts["plan"])
    assert (site.public / "2021/01/06/plan-excalidraw/index.html").exists()


def test_a_future_article_in_the_preview_makes_about_as_many_pages_again_as_a_past_one(project, tmp_path):
    """What is marked Scheduled was in every page's fingerprint: in the preview (which shows the future), adding or
    re-dating a future article made every page again (110 of 110 on the sample site, 17,000 at 10,000 articles). Its
    mark is in the fingerprint of the pages, entries and latest lists that show it: about as many as a past one's."""
    project.write(
        {f"content/2025/a-{n}.md": article(f"Article {n}", f"2025-{n % 12 + 1:02}-10", tags=f"[Moon, T{n % 5}]") for n in range(40)}
    )
    builder, options = Builder(), BuildOptions(now=NOW, future=True)
    config = load_config(project.root)
    builder.build(config, options)

    def added(path: str, date: str) -> int:
        project.write({path: article(f"Added {date}", date, tags="[Moon]")})
        result = builder.build(config, options)
        todo, _, total = result.counts["plan"].split(" ", 3)[:3]
        assert int(total) > 80
        return int(todo)

    past = added("content/2025/past.md", "2025-12-20")
    future = added("content/2026/future.md", "2026-01-20")
    redated = added("content/2026/future.md", "2026-01-21")
    assert future <= past + 4 and redated <= past + 4, (past, future, redated)
    assert "Scheduled" in (project.public / "2026/01/21/future/index.html").read_text()
    built = tree(project.public)
    fresh = Project(tmp_path / "cold")
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    fresh.build(future=True)  # (a cold build: the same site)
    assert tree(fresh.public) == built
