"""The page fingerprints one `ssg build` process leaves for the next (`ssg.printmemo`): used where a page's inputs are
as they were, never trusted where damaged, foreign or stale, and safe to lose."""

from __future__ import annotations

import hashlib
import marshal
import shutil

import pytest

import ssg.fingerprints
from ssg.build import Builder
from ssg.config import load_config
from ssg.printmemo import FORMAT, PrintMemo

from .conftest import Project, article
from .test_incremental import CHANGES, cold_build, stories, tree

STORY = "content/2021/story-2.md"


@pytest.fixture
def site(project):
    project.write(stories())
    project.write({"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha]")})
    project.build()
    return project


@pytest.fixture
def hashed(monkeypatch):
    """The paths of the pages a build fingerprints by hashing their inputs (not taken from the memo)."""
    found: list[str] = []
    real = ssg.fingerprints.Fingerprints.page

    def page(self, page):
        found.append(page.path)
        return real(self, page)

    monkeypatch.setattr(ssg.fingerprints.Fingerprints, "page", page)
    return found


def edit_body(project: Project, body: str = "New body.") -> None:
    project.write({STORY: article("Story 2", "2021-03-12T10:00:00+03:00", body, tags="[Alpha, T0]")})


def stored(project: Project) -> bytes:
    return project.cache_sql("SELECT value FROM prints WHERE output = ?", str(project.public))[0][0]


def store(project: Project, value: bytes) -> None:
    project.cache_sql("UPDATE prints SET value = ? WHERE output = ?", value, str(project.public))


UNCHANGED = "2021/01/10/story-0/"  # a page no edit of the tests' changes


def test_a_new_process_hashes_only_the_pages_an_edit_changed(site, tmp_path, hashed):
    """A new process had every page's inputs made into text and hashed (17,000 at 10,000 articles, 0.3 s) to find the
    few an edit changed: the memo gives the others' fingerprints."""
    edit_body(site)
    site.build()
    assert "2021/03/12/story-2/" in hashed
    assert UNCHANGED not in hashed
    assert tree(site.public) == cold_build(site, tmp_path)


@pytest.mark.parametrize("change", ["edit title", "tag added", "tag removed", "date moved to another month", "linked target moved"])
def test_a_build_through_the_memo_equals_a_cold_build(site, tmp_path, change):
    CHANGES[change](site)
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


def checked(data: bytes) -> bytes:
    """`data` behind its checksum, as `PrintMemo.dumps` stores it."""
    return hashlib.sha256(data).digest() + data


@pytest.mark.parametrize(
    "damage",
    [
        lambda value: b"\x00",
        lambda value: value[:-10],  # cut short: fails its checksum
        lambda value: value[:40] + bytes([value[40] ^ 1]) + value[41:],  # a byte changed
        lambda value: checked(marshal.dumps(("another format", (), {}))),
        lambda value: checked(marshal.dumps((FORMAT, ("too few",), {}))),
        lambda value: checked(b"not marshal's"),
        # Of the right shape but for its entries: each page's is a number, not (signature, fingerprint).
        lambda value: checked(
            marshal.dumps((FORMAT, tuple(PrintMemo.loads(value).shared), dict.fromkeys(PrintMemo.loads(value).pages, 5)))
        ),
    ],
)
def test_a_damaged_memo_is_none(site, tmp_path, hashed, damage):
    store(site, damage(stored(site)))
    edit_body(site)
    site.build()
    assert UNCHANGED in hashed  # nothing taken from it
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_memo_of_other_settings_is_not_used(site, tmp_path, hashed):
    """Another project's memo (another title: every page's fingerprint is another) gives no fingerprint here."""
    other = Project(tmp_path / "other")
    shutil.copytree(site.root, other.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    other.write({"site.yaml": (site.root / "site.yaml").read_text(encoding="utf-8").replace("title:", "title: Other", 1)})
    other.build()
    foreign = stored(other)
    assert PrintMemo.loads(foreign) is not None
    store(site, foreign)
    edit_body(site)
    site.build()
    assert UNCHANGED in hashed
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_memo_of_an_older_state_of_the_content_is_safe(site, tmp_path):
    """A memo left by a build of other content (a tag renamed in every article since, and the memo of before put back):
    its pages' signatures tell what is as it was; the output is a cold build's."""
    older = stored(site)
    CHANGES["tag renamed in every article"](site)
    site.build()
    store(site, older)
    edit_body(site)
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)
    assert stored(site) != older  # (the build's own memo replaced it)


def test_a_build_with_the_memo_deleted_or_the_cache_deleted_equals_a_cold_build(site, tmp_path, hashed):
    site.cache_sql("DELETE FROM prints")
    edit_body(site)
    site.build()
    assert UNCHANGED in hashed
    assert tree(site.public) == cold_build(site, tmp_path)
    shutil.rmtree(site.root / ".ssg-cache")
    edit_body(site, "Again.")
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_long_lived_builder_neither_takes_nor_stores_a_memo(site, tmp_path, hashed):
    """`ssg build --watch` and the preview keep each page's inputs from build to build, which a fingerprint from the memo
    comes without: they hash their first build's pages, and their saves store no memo (it would cost each save the
    time of storing it)."""
    before = stored(site)
    edit_body(site)
    builder = Builder()
    builder.build(load_config(site.root))
    assert UNCHANGED in hashed
    edit_body(site, "Saved again.")
    builder.build(load_config(site.root))
    assert stored(site) == before
    assert tree(site.public) == cold_build(site, tmp_path)
