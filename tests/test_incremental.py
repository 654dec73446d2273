"""An incremental build after any kind of change gives exactly the output of a cold build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import Project, article


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cold_build(project: Project, tmp_path: Path) -> dict[str, bytes]:
    fresh = Project(tmp_path / "cold")
    shutil.rmtree(fresh.root, ignore_errors=True)
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    fresh.build()
    return tree(fresh.public)


@pytest.fixture
def site(project):
    project.write(
        {
            f"content/2021/story-{n}.md": article(
                f"Story {n}", f"2021-0{1 + n % 3}-1{n}T10:00:00+03:00", f"Body {n}.", tags=f"[Alpha, T{n % 2}]"
            )
            for n in range(6)
        }
    )
    project.write({"content/2020/old.md": article("Old", "2020-12-01", "See [story](../2021/story-1.md).", tags="[Alpha]")})
    project.build()
    return project


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
    "date moved to another month": lambda p: p.write(
        {"content/2021/story-2.md": article("Story 2", "2021-07-01T10:00:00+03:00", "Body 2.", tags="[Alpha, T0]")}
    ),
    "template change": lambda p: p.write(
        {"templates/list.html": "{% extends 'base.html' %}{% block content %}{{ articles|length }}{% endblock %}"}
    ),
    "config change": lambda p: p.write(
        {"site.yaml": "title: Renamed\nbase_url: https://example.org/x/\ntimezone: Europe/Moscow\npaginate: 3\n"}
    ),
    "interface strings": lambda p: p.write({"i18n/en.yaml": "nav_home: Front page\n"}),
    "static file": lambda p: p.write({"static/robots.txt": "User-agent: *\n"}),
    # Every page's head then links the new language's feed.
    "first article in another language": lambda p: p.write({"content/2021/ru.md": article("Новость", "2021-02-02", lang="ru")}),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_build_equals_cold_build(site, tmp_path, change):
    CHANGES[change](site)
    site.build()
    assert tree(site.public) == cold_build(site, tmp_path)


def test_editing_one_article_rerenders_only_its_pages(site):
    before = {p: (site.public / p).stat().st_mtime_ns for p in tree(site.public)}
    site.write({"content/2020/old.md": article("Old", "2020-12-01", "Changed body.", tags="[Alpha]")})
    result = site.build()
    assert result.read == 1
    changed = sorted(p for p, m in before.items() if (site.public / p).stat().st_mtime_ns != m)
    assert "2020/12/01/old/index.html" in changed and "feed.xml" in changed
    assert not any(p.startswith("2021/") for p in changed)  # other articles and their dates untouched


@pytest.mark.parametrize("damage", [b"garbage, not a database", b""])
def test_corrupted_cache_is_rebuilt(site, tmp_path, damage):
    for file in (site.root / ".ssg-cache").glob("cache.sqlite*"):
        file.write_bytes(damage)
    site.write({"content/2021/story-0.md": article("Story zero", "2021-01-10T10:00:00+03:00", "Body.", tags="[Alpha]")})
    result = site.build()
    assert result.read == 7
    assert tree(site.public) == cold_build(site, tmp_path)


def test_foreign_cache_stamp_is_discarded(site):
    import sqlite3

    db = sqlite3.connect(site.root / ".ssg-cache" / "cache.sqlite")
    db.execute("UPDATE stamp SET value = 'another version'")
    db.commit()
    db.close()
    assert site.build().read == 7


def test_damaged_record_is_a_cache_miss(site, tmp_path):
    import sqlite3

    db = sqlite3.connect(site.root / ".ssg-cache" / "cache.sqlite")
    db.execute("UPDATE records SET meta = '{not json'")
    db.commit()
    db.close()
    assert site.build().read == 7
    assert tree(site.public) == cold_build(site, tmp_path)
