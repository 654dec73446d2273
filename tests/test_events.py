"""The kernel's file events (`events.ContentEvents`), which the build server's builder hears instead of listing every
content file: what they tell, when they cannot be trusted, and a build that goes by them giving a cold build's output."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import ssg.events
import ssg.inputs
import ssg.load
from ssg.build import Builder, BuildOptions
from ssg.config import load_config
from ssg.events import ContentEvents, can_hear, file_system, unheard

from .conftest import NOW, Project, article
from .test_incremental import CHANGES, builder_build, cold_build, story_site, tree


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021" / "a.md").write_text("a")
    (folder / "2021" / "b.md").write_text("b")
    return folder


def heard(events: ContentEvents, content: Path) -> set[str]:
    changed = events.take()
    assert changed is not None
    return {Path(path).relative_to(content).as_posix() for path in changed}


def test_this_system_hears_them():
    """Linux, with inotify_simple installed (a dependency there): CI's, where every test below must run."""
    assert can_hear()


def test_the_first_take_knows_nothing_and_later_ones_name_what_changed(content):
    events = ContentEvents(content)
    assert events.take() is None  # (the caller lists every file: the folders are watched from before that listing)
    assert heard(events, content) == set()
    (content / "2021" / "a.md").write_text("a, edited")
    (content / "2021" / "c.md").write_text("new")
    (content / "2021" / "b.md").unlink()
    assert events.pending()
    assert heard(events, content) == {"2021/a.md", "2021/c.md", "2021/b.md"}
    assert not events.pending()
    os.utime(content / "2021" / "a.md", (0, 0))  # (touch: a new mtime, the same bytes)
    (content / "2021" / "c.md").rename(content / "2021" / "d.md")
    assert heard(events, content) == {"2021/a.md", "2021/c.md", "2021/d.md"}


def test_a_new_folder_is_named_and_watched_from_then_on(content):
    events = ContentEvents(content)
    events.take()
    (content / "2022" / "03").mkdir(parents=True)  # (its files made before its watch: the folder is listed whole)
    (content / "2022" / "03" / "x.md").write_text("x")
    assert "2022" in heard(events, content)
    (content / "2022" / "03" / "x.md").write_text("x, edited")
    (content / "2022" / "03" / "y.md").write_text("y")
    assert heard(events, content) == {"2022/03/x.md", "2022/03/y.md"}


def test_hidden_and_underscore_folders_are_not_watched(content):
    events = ContentEvents(content)
    (content / ".git").mkdir()
    (content / "_notes").mkdir()
    events.take()
    (content / ".git" / "index").write_text("i")
    (content / "_notes" / "todo.md").write_text("t")
    assert heard(events, content) == set()


def test_a_deleted_folder_is_named_and_a_renamed_one_makes_the_next_take_list_all(content):
    events = ContentEvents(content)
    (content / "2020").mkdir()
    (content / "2020" / "old.md").write_text("o")
    events.take()
    shutil.rmtree(content / "2020")
    assert heard(events, content) == {"2020", "2020/old.md"}
    (content / "2021").rename(content / "2019")  # (its watch would go on naming 2021)
    assert events.take() is None
    (content / "2019" / "a.md").write_text("a, edited")
    assert heard(events, content) == {"2019/a.md"}


def test_the_content_folder_deleted_and_made_again_makes_the_next_take_list_all(content):
    events = ContentEvents(content)
    events.take()
    shutil.rmtree(content)
    content.mkdir()
    (content / "a.md").write_text("a")
    assert events.take() is None
    (content / "a.md").write_text("a, edited")
    assert heard(events, content) == {"a.md"}


def test_lost_events_make_the_next_take_list_all(content):
    """More events than the kernel queues (`fs.inotify.max_queued_events`, 16,384 by default): the queue overflows."""
    events = ContentEvents(content)
    events.take()
    limit = int(Path("/proc/sys/fs/inotify/max_queued_events").read_text())
    first, second = content / "2021" / "a.md", content / "2021" / "b.md"
    for n in range(limit // 2 + 10):  # (a touch of each in turn: two events the kernel cannot merge into one)
        os.utime(first, ns=(n, n))
        os.utime(second, ns=(n, n))
    assert events.take() is None
    assert heard(events, content) == set()


def test_an_article_that_is_a_link_is_named_at_every_take(content, tmp_path):
    """Its target changes with no event in the content folder: it is named changed each time, and so looked at."""
    elsewhere = tmp_path / "clippings" / "linked.md"
    elsewhere.parent.mkdir()
    elsewhere.write_text("l")
    (content / "2021" / "linked.md").symlink_to(elsewhere)
    events = ContentEvents(content)
    events.take()
    assert heard(events, content) == {"2021/linked.md"}
    (content / "2021" / "later.md").symlink_to(elsewhere)
    assert heard(events, content) == {"2021/linked.md", "2021/later.md"}
    (content / "2021" / "linked.md").unlink()
    assert heard(events, content) == {"2021/linked.md", "2021/later.md"}
    assert heard(events, content) == {"2021/later.md"}


def test_a_content_folder_that_is_a_link_is_watched_where_it_leads(tmp_path, content):
    link = tmp_path / "linked-content"
    link.symlink_to(content)
    events = ContentEvents(link)
    events.take()
    (content / "2021" / "a.md").write_text("a, edited")
    assert heard(events, link) == {"2021/a.md"}


def test_a_content_folder_swapped_without_an_event_on_it_makes_the_next_take_list_all(tmp_path):
    """A link retargeted (`ln -sfn B content`) or a copy moved in over the path: the watches are on the old folder."""
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "x.md").write_text(folder.name)
    link = tmp_path / "content"
    link.symlink_to(first)
    events = ContentEvents(link)
    events.take()
    (tmp_path / "new-link").symlink_to(second)
    (tmp_path / "new-link").replace(link)
    assert events.pending()
    assert events.take() is None
    (second / "x.md").write_text("b, edited")
    assert heard(events, link) == {"x.md"}


def test_a_folder_gone_while_the_tree_is_watched_leaves_the_rest_heard(content, monkeypatch):
    events = ContentEvents(content)
    real = os.scandir

    def gone_first(path):  # (2021/ removed between its parent's listing and its own watch)
        if str(path).endswith("2021"):
            shutil.rmtree(path)
        return real(path)

    monkeypatch.setattr(ssg.events.os, "scandir", gone_first)
    assert events.take() is None
    monkeypatch.undo()
    assert not events.deaf
    (content / "new.md").write_text("n")
    assert {"2021", "new.md"} <= heard(events, content)


def test_a_file_system_whose_changes_may_go_untold_is_not_trusted(content, monkeypatch):
    assert file_system(str(content)) in ssg.events.LOCAL_FILE_SYSTEMS  # (the tests' own folder)
    monkeypatch.setattr(ssg.events, "LOCAL_FILE_SYSTEMS", frozenset())  # as on NFS or a FUSE mount
    events = ContentEvents(content)
    assert events.take() is None
    assert "on a file system whose changes the kernel may not tell" in events.deaf
    (content / "2021" / "a.md").write_text("a, edited")
    assert events.take() is None


def test_unheard_names_a_folder_on_a_file_system_that_may_not_tell_its_changes(tmp_path, monkeypatch):
    """What `ssg serve` and `ssg build --watch` poll for (`watch.Rebuilder.start`), judged as `ContentEvents` judges."""
    assert unheard([tmp_path]) is None  # (the tests' own folder: local)
    monkeypatch.setattr(ssg.events, "LOCAL_FILE_SYSTEMS", frozenset())  # as on NFS or a FUSE mount
    assert unheard([tmp_path / "gone", tmp_path]) == (tmp_path / "gone", file_system(str(tmp_path)))
    monkeypatch.setattr(ssg.events, "file_system", lambda folder: "")  # (not known, as off Linux: the system's watcher is trusted)
    assert unheard([tmp_path]) is None


def test_file_system_reads_the_mount_nearest_to_the_folder():
    assert file_system("/proc/self") == "proc"
    assert file_system("/") != ""


# ---- a builder that hears them -------------------------------------------------------------------------------------


@pytest.fixture
def site(project: Project) -> Project:
    return story_site(project)


def full_listings(monkeypatch, site: Project) -> list[Path]:
    """The content folder listed whole from now on (`inputs.gather` lists it when not given the files, `load.restat`
    where an event names it)."""
    listed: list[Path] = []
    real, content = ssg.load.content_stats, os.path.abspath(site.root / "content")

    def counted(folder: Path, *args: object, **kwargs: object):
        if os.path.abspath(folder) == content:
            listed.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(ssg.inputs, "content_stats", counted)
    monkeypatch.setattr(ssg.load, "content_stats", counted)
    return listed


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_builder_that_hears_the_events_lists_no_folder_whole_and_gives_a_cold_builds_output(site, tmp_path, change, monkeypatch):
    builder = Builder(hears=True, looks_anew=True)
    builder_build(builder, site)
    stats = ssg.load.content_stats
    before = stats(site.root / "content")
    listed = full_listings(monkeypatch, site)
    CHANGES[change](site)
    builder_build(builder, site)
    after = stats(site.root / "content")
    at_top = any("/" not in path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert listed == ([site.root / "content"] if at_top else [])  # (a file at the top: its folder, the root, listed again)
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_change_the_events_missed_is_found_at_the_pause_and_every_file_is_listed_from_then_on(site, tmp_path, monkeypatch):
    """An article edited through a hard link from outside the content folder makes no event there (as one changed on
    a network drive by another machine): the build after it misses it, the server's pause finds it, and the next
    build lists every file, as `ssg build` does."""
    outside = tmp_path / "elsewhere.md"
    os.link(site.root / "content/2021/story-2.md", outside)
    builder = Builder(hears=True, looks_anew=True)
    config = load_config(site.root)
    builder.build(config, BuildOptions(now=NOW))
    assert builder.check_hearing() is None  # (nothing missed)
    outside.write_text(article("Story 2", "2021-03-12T10:00:00+03:00", "Edited elsewhere.", tags="[Alpha, T0]"), encoding="utf-8")
    assert builder.build(config, BuildOptions(now=NOW)).up_to_date  # (no event: nothing looked at)
    assert "change that no file event told" in builder.check_hearing()
    listed = full_listings(monkeypatch, site)
    builder.build(config, BuildOptions(now=NOW))
    assert listed == [config.content_path]  # (gather's)
    assert "Edited elsewhere." in site.page("2021/03/12/story-2/")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_the_pause_finds_nothing_missed_where_changes_wait_for_the_next_build(site):
    builder = Builder(hears=True, looks_anew=True)
    config = load_config(site.root)
    builder.build(config, BuildOptions(now=NOW))
    site.write({"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Saved.", tags="[Alpha, T0]")})
    assert builder.check_hearing() is None  # (an event waits: the next build lists its folder)
    assert not builder.events.deaf
    builder.build(config, BuildOptions(now=NOW))
    assert "Saved." in site.page("2021/03/12/story-2/")
    assert builder.check_hearing() is None
