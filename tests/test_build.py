"""Whole builds of small sites: the pages written, their links, and the safety rules."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import ssg.build
import ssg.links
import ssg.output
from ssg.build import Builder, BuildOptions, BuildResult, build
from ssg.code import current_umask
from ssg.config import load_config
from ssg.errors import ConfigError, ContentError, OutputError, SsgError, TemplateError
from ssg.linkcheck import check_links
from ssg.locks import hold_lock, release_lock
from ssg.output import MANIFEST, Output, working_path
from ssg.urls import output_file

from .conftest import NOW, SITE_YAML, article, ssg_env, tree


@pytest.fixture
def site(project):
    return project.write(
        {
            "content/2021/roscosmos-china.md": article(
                "Russia and China agree",
                "2021-05-24T10:15:00+03:00",
                "Moscow. May 24. INTERFAX - agreement.\n\nMore [earlier](../2020/first.md) text.",
                tags="[Roscosmos, China]",
                source="{name: Interfax, url: 'https://www.interfax.ru/1'}",
                image="{src: images/soyuz.png, credit: pronedra.ru, alt: Soyuz}",
                rights="Public domain",
                views=2101,
            ),
            "content/2021/ракета.md": article(
                "Ракета стартовала", "2021-05-24T12:00:00+03:00", "Текст о ракете.", lang="ru", tags="[roscosmos]"
            ),
            "content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00", tags="[China]"),
            "content/2020/first.md": article("First one", "2020-12-31T23:00:00+03:00", tags="[Moon]"),
            "content/2021/draft.md": article("A draft", "2021-07-01", draft="true"),
            "content/2027/future.md": article("From the future", "2027-01-01"),
            "content/images/soyuz.png": b"\x89PNG fake",
        }
    )


def test_pages_at_their_urls(site):
    result = site.build()
    files = site.files()
    for path in [
        "index.html",
        "page/2/index.html",
        "2021/05/24/roscosmos-china/index.html",
        "2021/05/24/raketa/index.html",
        "2021/index.html",
        "2021/05/index.html",
        "2021/05/24/index.html",
        "2020/12/31/index.html",
        "tags/index.html",
        "tags/roscosmos/index.html",
        "tags/china/index.html",
        "tags/moon/index.html",
        "archive/index.html",
        "404.html",
        "feed.xml",
        "tags/china/feed.xml",
        "images/soyuz.png",
    ]:
        assert path in files, path
    assert "2021/07/01/draft/index.html" not in files and "2027/01/01/future/index.html" not in files
    assert result.pages["article"] == 4 and result.warnings == []  # (a year ahead: scheduled, not a typo)


def test_article_page_shows_everything(site):
    site.build()
    html = site.page("2021/05/24/roscosmos-china/")
    for text in [
        "Russia and China agree",
        "Interfax",
        'href="https://www.interfax.ru/1"',
        "pronedra.ru",
        "Public domain",
        'src="../../../../images/soyuz.png"',
        'href="../../../../tags/roscosmos/"',
        'href="../../../../2020/12/31/first/"',
        'datetime="2021-05-24T10:15:00+03:00"',
        "Ракета стартовала",
    ]:
        assert text in html, text


def test_russian_article_has_russian_dates_and_interface(site):
    site.build()
    html = site.page("2021/05/24/raketa/")
    assert '<html lang="ru"' in html and "мая 2021" in html


def test_tags_differing_in_case_are_one_tag_and_tag_pages_paginate(site):
    site.build()
    roscosmos = site.page("tags/roscosmos/")
    assert "Russia and China agree" in roscosmos and "Ракета стартовала" in roscosmos
    tags = site.page("tags/")
    assert tags.count('href="roscosmos/"') == 1


def test_home_paginates_newest_first(site):
    site.build()
    home, second = site.page(""), site.page("page/2/")
    assert home.index("June news") < home.index("Ракета стартовала")
    assert "Russia and China agree" in second and 'href="../../"' in second


def test_each_kind_of_listing_may_have_its_own_page_size(project):
    """A tag's or a year's page of 20 meant paging through hundreds, when the home page wanted 20."""
    project.write({f"content/a{n}.md": article(f"Story {n}", f"2021-05-{n + 1:02d}T10:00:00+03:00", tags="[Moon]") for n in range(7)})
    yaml = (project.root / "site.yaml").read_text(encoding="utf-8").replace("paginate: 2", "paginate: {home: 3, tag: 5}")
    project.write({"site.yaml": yaml}).build()
    later_pages = {p.relative_to(project.public).as_posix() for p in project.public.glob("**/page/*/index.html")}
    # 3 a page at home, 5 on a tag's, and 20 (left out) on a year's and a month's: those have one page.
    assert later_pages == {"page/2/index.html", "page/3/index.html", "tags/moon/page/2/index.html"}
    assert "Story 6" in project.page("") and "Story 3" not in project.page("")
    bad = yaml.replace("{home: 3, tag: 5}", "{home: 3, tags: 5}")
    project.write({"site.yaml": bad})
    with pytest.raises(SsgError) as raised:
        project.build()
    assert str(raised.value) == "site.yaml:4: paginate: unknown key 'tags' (did you mean 'tag'?; date is the year, month and day pages)"


def test_date_archives_link_up_and_sideways(site):
    site.build()
    may = site.page("2021/05/")
    assert 'href="../"' in may and 'href="../06/"' in may
    assert 'href="../../2020/12/"' in may


def test_drafts_and_future_on_request(site):
    result = site.build(drafts=True, future=True)
    assert (site.public / "2021/07/01/draft/index.html").is_file()
    assert (site.public / "2027/01/01/future/index.html").is_file()
    assert result.left_out() == "" and " left out" not in result.summary() and result.warnings == []


def test_the_summary_says_what_was_left_out_and_a_far_future_date_warns(project):
    """A draft or an article dated later simply did not appear: a mistyped year (2062 for 2026) vanished without a
    word. The summary counts them; one dated more than a year later gets a warning on its date line."""
    project.write(
        {
            "content/2025/now.md": article("Now", "2025-12-31"),
            "content/2025/draft-1.md": article("Draft", "2025-12-30", draft="true"),
            "content/2062/draft-2.md": article("Draft in 2062", "2062-01-01", draft="true"),  # a draft: left out as one
            "content/2026/tomorrow.md": article("Later today", "2026-01-01T20:00:00+03:00"),  # (scheduled: no warning)
            "content/2026/12/next-year.md": article("Next year", "2026-12-31"),
            "content/2062/typo.md": article("Typo", "2062-01-01T10:00:00+03:00"),
            "content/2026/2026-01-03-named.md": "---\ntitle: Dated by its name\n---\nText.\n",  # (no date: line)
        }
    )
    result = project.build()
    assert (result.drafts_left_out, result.later_left_out) == (2, 4)
    assert result.left_out() == "2 drafts and 4 articles dated later left out (--drafts, --future to include)"
    assert ", 0 removed, 1 warning, 2 drafts and 4 articles dated later left out (--drafts, --future to include) -> " in result.summary()
    assert [str(w) for w in result.warnings] == [
        "content/2062/typo.md:3: date: 2062-01-01T10:00:00+03:00 is more than a year after this build (2026-01-01): the article "
        "is left out until then (a typo, 2062 for 2026? if the date is right, --future includes it)",
    ]
    again = project.build()  # nothing changed: the last build's summary, left out included
    assert again.up_to_date and again.left_out() == result.left_out() and again.warnings == result.warnings
    # With --drafts, the draft of 2062 is left out as dated later.
    assert project.build(drafts=True).left_out() == "5 articles dated later left out (--future to include)"
    assert project.build(future=True).left_out() == "2 drafts left out (--drafts to include)"


def test_an_update_dated_after_the_build_warns_until_its_day(project):
    """A date trial: `updated: 2062-12-02` (for 2026) was shown as "Updated December 2, 2062" on the page and given as
    the article's last change in its feed entry and the sitemap, without a word, where the same typo in `date:` warns;
    so was one some weeks ahead (a feeds trial: the feed's own `<updated>` too, which search engines distrust)."""
    project.write(
        {
            "content/2026/typo.md": article("Typo", "2026-01-01T10:00:00+03:00", updated="2062-12-02"),
            "content/2026/soon.md": article("Soon", "2026-01-01T11:00:00+03:00", updated="2026-02-01T10:00:00+03:00"),
            "content/2026/today.md": article("Today", "2026-01-01T12:00:00+03:00", updated="2026-01-02T23:00:00+03:00"),
        }
    )
    now = datetime(2026, 1, 2, tzinfo=UTC)
    result = project.build(now=now)
    assert sorted(str(w) for w in result.warnings) == [
        "content/2026/soon.md:4: updated: 2026-02-01T10:00:00+03:00 is after this build (2026-01-02): an update is dated when it "
        "was made (a typo?)",
        "content/2026/typo.md:4: updated: 2062-12-02 is after this build (2026-01-02): an update is dated when it was made (a "
        "typo, 2062 for 2026?)",
    ]
    again = project.build(now=now)
    assert again.up_to_date and again.warnings == result.warnings
    later = project.build(now=datetime(2026, 1, 31, 21, 0, tzinfo=UTC))  # (nothing changed but the clock: 1 February in Moscow)
    assert [w.path for w in later.warnings] == ["content/2026/typo.md"]


def test_autoescape_shows_a_script_title(project):
    project.write({"content/x.md": article("'<script>alert(1)</script>'", "2021-01-01")})
    project.build()
    html = project.page("2021/01/01/x/")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_output_is_deterministic(site, tmp_path):
    site.build()
    first = site.files()
    site.build(output_dir=str(tmp_path / "again"))
    again = {p.relative_to(tmp_path / "again").as_posix(): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    first.pop(".ssg-manifest.json")
    again.pop(".ssg-manifest.json")
    assert first == again


def test_missing_image_is_an_error_naming_the_article(site):
    site.remove("content/images/soyuz.png")
    with pytest.raises(ContentError) as error:
        site.build()
    assert str(error.value) == (
        "content/2021/roscosmos-china.md:6: image: image 'images/soyuz.png' not found (put it at content/images/soyuz.png or static/images/soyuz.png, or fix the path)"
    )


def test_an_image_from_the_site_root_is_found_in_static_and_told_there_when_missing(project):
    """`image: /uploads/2024/03/photo.jpg`, as Hugo and WordPress archives write it, is the site's file at that path:
    one in static/ is published and shown. A missing one was told to go under content/ only (found by an import trial)."""
    front = "---\ntitle: A\ndate: 2024-03-01\nimage: /uploads/2024/03/photo.jpg\n---\nText.\n"
    project.write({"content/2024/a.md": front, "static/uploads/2024/03/photo.jpg": b"jpg"})
    project.build()
    assert 'src="../../../../uploads/2024/03/photo.jpg"' in project.page("2024/03/01/a/")
    project.remove("static/uploads/2024/03/photo.jpg")
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2024/a.md:4: image: image 'uploads/2024/03/photo.jpg' not found (put it at content/uploads/2024/03/photo.jpg "
        "or static/uploads/2024/03/photo.jpg, or fix the path)"
    )


ERROR_PAGE = b"<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>Hotlinking not allowed</body></html>"


def test_an_empty_picture_or_a_saved_error_page_is_told_on_the_line_naming_it(project):
    """An empty photo.jpg, and the HTML page a site that refuses its pictures to others answered (saved as photo.jpg),
    were published as an article's lead picture and in its text with no word (a trial of an archive that keeps its
    pictures as files): each is a warning, once, on the line of the first article naming it, or of the file itself
    where none does (a static folder's). A picture's bytes are not judged otherwise: a WebP named .jpg shows."""
    lead = "---\ntitle: {0}\ndate: 2024-03-0{1}\nimage: {{src: ./photo.jpg, credit: X}}\n---\n\nBody.\n"
    project.write(
        {
            "content/2024/03/empty/index.md": lead.format("Empty", 1),
            "content/2024/03/empty/photo.jpg": b"",
            "content/2024/03/page/index.md": "---\ntitle: Page\ndate: 2024-03-02\n---\n\nText.\n\n![x](photo.jpg)\n",
            "content/2024/03/page/photo.jpg": b"\n  " + ERROR_PAGE,
            "content/2024/03/also/index.md": "---\ntitle: Also\ndate: 2024-03-03\n---\n\n![x](../page/photo.jpg)\n",
            "content/2024/03/webp/index.md": lead.format("WebP", 4),
            "content/2024/03/webp/photo.jpg": b"RIFF\x1a\x00\x00\x00WEBPVP8L" + b"\x00" * 20,
            "static/images/logo.png": b"<html><body>Not found</body></html>",
            "static/empty.txt": b"",
            "static/page.html": ERROR_PAGE,
        }
    )
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/2024/03/also/index.md:6: content/2024/03/page/photo.jpg is an HTML page, not a picture (a site's answer in "
        "place of its picture, saved: one that refuses its pictures to other sites answers so): save the picture itself, "
        "from its page in a browser (1 more article names it)",
        "content/2024/03/empty/index.md:4: image: content/2024/03/empty/photo.jpg is empty: no browser shows it (copy the "
        "picture there again)",
        "static/images/logo.png: is an HTML page, not a picture (a site's answer in place of its picture, saved: one that "
        "refuses its pictures to other sites answers so): save the picture itself, from its page in a browser",
    ]


def test_a_small_picture_copied_as_it_is_is_not_read_again_and_a_page_is_told_still(project, monkeypatch):
    """Each build opened every picture of 64 KB or less to tell a page saved as one: 10,000 thumbnails cost 0.1-0.15 s
    of every build. One the last build copied as it is now is not read again, and what it was is kept: a page is told
    at every build, until it is replaced."""
    from ssg import copies

    page = b"<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>" + b"x" * 2000 + b"</body></html>"
    project.write(
        {
            "content/2024/a.md": "---\ntitle: A\ndate: 2024-03-01\n---\n\n![x](../images/page.jpg) ![y](../images/fine.png)\n",
            "content/2024/b.md": "---\ntitle: B\ndate: 2024-03-02\n---\n\nText.\n",
            "content/images/page.jpg": page,
            "content/images/fine.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 3000,
        }
    )
    told = [str(w) for w in project.build().warnings]
    assert len(told) == 1 and "content/images/page.jpg is an HTML page" in told[0]
    opened = []
    real = open
    monkeypatch.setattr(copies, "open", lambda path, *a, **k: opened.append(path) or real(path, *a, **k), raising=False)
    project.write({"content/2024/b.md": "---\ntitle: B\ndate: 2024-03-02\n---\n\nText, edited.\n"})
    assert [str(w) for w in project.build().warnings] == told
    pictures = [Path(p).name for p in opened if Path(p).parent.name == "images"]  # (not the theme's few files of 512 bytes or less)
    assert pictures == []
    project.write({"content/images/page.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 3000})
    assert project.build().warnings == []
    assert [Path(p).name for p in opened if Path(p).parent.name == "images"] == ["page.jpg"]


def test_a_large_lead_picture_is_told_once_on_its_image_line(project):
    """A camera's original of 23 MB as image: was loaded whole for every listing's card of the article, and as its
    og:image, which X (5 MB) and Facebook (8 MB) leave out, with no word (a trial of an archive that keeps its pictures
    as files). Told on the image: line of the first article that has it, once however many do; a large picture the
    text links (a download) is not told. The size is the one `stat` the build makes of each file."""
    big = "---\ntitle: {0}\ndate: 2024-04-0{1}\nimage: {{src: /images/big.jpg, credit: X}}\n---\n\nBody.\n"
    project.write(
        {
            "content/2024/a.md": big.format("A", 1),
            "content/2024/b.md": big.format("B", 2),
            "content/2024/c.md": "---\ntitle: C\ndate: 2024-04-03\n---\n\n[The original](../images/original.jpg)\n",
        }
    )
    for name in ("big.jpg", "original.jpg"):
        (project.root / "content/images").mkdir(exist_ok=True)
        with open(project.root / "content/images" / name, "wb") as file:
            file.write(b"\xff\xd8\xff\xe0")
            file.truncate(23_400_000)  # (sparse: no 23 MB written)
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/2024/a.md:4: image: content/images/big.jpg is 23.4 MB: every listing that shows the article loads it whole "
        "for its card, and a link's preview leaves it out (X and LinkedIn take 5 MB at most, Facebook 8): give image: a "
        "smaller copy (1600 px wide is enough for both, a few hundred KB), and link the original from the text if readers "
        "are to have it (1 more article names it)"
    ]


def test_a_file_of_content_at_a_static_files_path_is_told_naming_both(project):
    """content/images/logo.png, which an article names, silently replaced static/images/logo.png in the site (a trial of
    an archive that keeps its pictures as files): a warning names both and which the site has, once however many
    articles name it. A site's static/ replacing its theme's file is what a static/ is for, and is not told."""
    project.write(
        {
            "content/2024/a.md": "---\ntitle: A\ndate: 2024-01-01\nimage: {src: images/logo.png, credit: X}\n---\n\n![s](../images/logo.png)\n",
            "content/2024/b.md": "---\ntitle: B\ndate: 2024-01-02\n---\n\n![r](/images/logo.png)\n",
            "content/images/logo.png": b"\x89PNG content",
            "static/images/logo.png": b"\x89PNG static",
            "static/assets/site.js": "// the site's own\n",
        }
    )
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/images/logo.png: is published at the same path as static/images/logo.png, and takes its place: the site "
        "has this one, not static/images/logo.png (rename or delete one)"
    ]
    assert (project.public / "images/logo.png").read_bytes() == b"\x89PNG content"


def test_a_warning_on_a_picture_of_content_does_not_have_every_build_walk_the_folder(project, monkeypatch):
    """A warning on a file of content/ the build does not read has its record hash the folder's file names (deleted, the
    file is told no more). The check counted a picture's (or a linked folder's) warning as one, and every later build,
    a no-change one too, walked all of content/ for its names; only a Markdown file's warning is of such a file."""
    from ssg import inputs

    project.write(
        {
            "content/2024/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\n![r](../images/logo.png)\n",
            "content/images/logo.png": b"\x89PNG content",
            "static/images/logo.png": b"\x89PNG static",
        }
    )
    assert len(project.build().warnings) == 1
    walks = []
    monkeypatch.setattr(inputs, "_file_names", lambda content: walks.append(content) or "")
    project.build()
    assert walks == []


def test_a_bundles_renamed_picture_is_told_with_the_pictures_beside_the_article(project):
    """After photo.jpg beside a bundle's index.md was renamed cover.jpg, `image: {src: ./photo.jpg}` was told to go to
    static/2024/03/bundle-01/photo.jpg, which a path from the article never names, and not a word of cover.jpg (a
    trial of an archive that keeps its pictures as files). A path from the site's top keeps static/ in its message; a
    folder of many pictures is not listed."""
    lead = "---\ntitle: {0}\ndate: 2024-03-0{1}\nimage: {{src: {2}, credit: X}}\n---\n\n![x]({3})\n"
    project.write(
        {
            "content/2024/03/bundle-01/index.md": lead.format("One", 1, "./photo.jpg", "photo.jpg"),
            "content/2024/03/bundle-01/cover.jpg": b"\xff\xd8\xff",
            "content/2024/03/bundle-01/map.png": b"\x89PNG",
            "content/2024/03/bundle-01/notes.txt": "",
            "content/2024/03/bundle-02/index.md": lead.format("Two", 2, "2024/03/bundle-02/photo.jpg", "cover.jpg"),
            "content/2024/03/bundle-02/cover.jpg": b"\xff\xd8\xff",
            "content/2024/03/bundle-03/index.md": lead.format("Three", 3, "./photo.jpg", "a.jpg"),
            **{f"content/2024/03/bundle-03/{name}.jpg": b"\xff\xd8\xff" for name in "abcdef"},
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert [str(p) for p in error.value.problems] == [
        "content/2024/03/bundle-01/index.md:4: image: image '2024/03/bundle-01/photo.jpg' not found (put it at "
        "content/2024/03/bundle-01/photo.jpg or fix the path; beside the article: cover.jpg, map.png)",
        "content/2024/03/bundle-01/index.md:7: linked file '2024/03/bundle-01/photo.jpg' not found (put it at "
        "content/2024/03/bundle-01/photo.jpg or fix the path; beside the article: cover.jpg, map.png)",
        "content/2024/03/bundle-02/index.md:4: image: image '2024/03/bundle-02/photo.jpg' not found (put it at "
        "content/2024/03/bundle-02/photo.jpg or static/2024/03/bundle-02/photo.jpg, or fix the path; beside the article: "
        "cover.jpg)",
        "content/2024/03/bundle-03/index.md:4: image: image '2024/03/bundle-03/photo.jpg' not found (put it at "
        "content/2024/03/bundle-03/photo.jpg or fix the path)",
    ]


def test_a_missing_file_the_body_links_is_told_on_its_line_alone(project):
    """A title that shows `<img src=x>` as text links nothing: the body's one missing `x` was told on the title's line
    too, two problems for one (a trial's paste)."""
    project.write({"content/2021/a.md": '---\ntitle: "Breaking <img src=x>"\ndate: 2021-05-24\n---\n\n<img src="x">\n'})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == "content/2021/a.md:6: linked file '2021/x' not found (put it at content/2021/x or fix the path)"


def test_a_missing_file_is_not_told_on_a_later_link_to_another_file_of_its_name(project):
    """`images/a.jpg` missing and `../images/a.jpg`, which is there, share the file's name: the second, right as
    written, was told to write what it says (a user may "fix" the line that is right)."""
    project.write(
        {
            "content/images/a.jpg": "x",
            "content/2021/a.md": "---\ntitle: A\ndate: 2021-05-24\n---\n\n![bad](images/a.jpg)\n\nText.\n\n![ok](../images/a.jpg)\n",
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2021/a.md:6: linked file '2021/images/a.jpg' not found (content/images/a.jpg is there: a link in the text is "
        "relative to the article, so write ../images/a.jpg)"
    )
    # (a caption's link, missing, with the body's right one: the body's was told, and not the caption's line)
    project.write({"content/2021/a.md": "---\ntitle: A\ndate: 2021-05-24\nrights: '[m](images/a.jpg)'\n---\n\n![ok](../images/a.jpg)\n"})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value).startswith("content/2021/a.md:4: linked file '2021/images/a.jpg' not found")


def test_a_link_to_a_content_folder_is_told_as_a_folder_on_its_line(project):
    """`[news](../2025/)` was told "linked file '2025' not found (put it at content/2025 ...)" though content/2025 is
    there, and `[x](./)` the same without its line (a user's trial): a folder is no page; the year's archive is /2025/."""
    project.write(
        {
            "content/2025/a.md": article("A", "2025-03-11", "Intro.\n\nSee [this year's news](../2025/) here."),
            "content/2025/b.md": article("B", "2025-03-10", "Text.\n\n[all of them](./)"),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    fix = "which is not a page or a file of the site: for the year's archive write /2025/ (from the site's root), for an article write its .md file"
    assert str(error.value).splitlines() == [
        f"content/2025/a.md:8: links to the folder content/2025, {fix} (b.md), for a file in it its path",
        f"content/2025/b.md:8: links to the folder content/2025, {fix} (a.md), for a file in it its path",
    ]


def test_a_liquid_tag_in_a_path_is_told_to_be_left_out(project):
    """Jekyll posts write `![x]({{ site.baseurl }}/images/x.jpg)`: the error said to put the picture at
    content/2021/{{ site.baseurl }}/images/x.jpg."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", "![Rocket]({{ site.baseurl }}/images/rocket.jpg)")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2021/a.md:6: linked file '2021/{{ site.baseurl }}/images/rocket.jpg' not found "
        "({{ site.baseurl }} is a Liquid tag (Jekyll's), which ssg does not fill in: write /images/rocket.jpg, which works under any base URL)"
    )


def test_a_liquid_tag_before_an_old_page_url_is_told_the_article_file_or_the_url_with_its_slash(project):
    """`[x]({{ site.baseurl }}/2021/03/04/name/)` was told "write /2021/03/04/name": no closing slash, a link that opened
    a folder listing from disk; the article's file is what works wherever its URL goes."""
    body = "[a]({{ site.baseurl }}/2018/12/03/soyuz/) [b]({{ site.baseurl }}/tags/#nasa)"
    project.write(
        {
            "content/2018/2018-12-03-soyuz.md": article("Soyuz", "2018-12-03"),
            "content/2021/a.md": article("A", "2021-05-24", body),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    told = "{{ site.baseurl }} is a Liquid tag (Jekyll's), which ssg does not fill in"
    assert str(error.value).split("\n") == [
        "content/2021/a.md:6: linked file '2021/{{ site.baseurl }}/2018/12/03/soyuz' not found "
        f"({told}: link to the article's file, ../2018/2018-12-03-soyuz.md (content/2018/2018-12-03-soyuz.md))",
        f"content/2021/a.md:6: linked file '2021/{{{{ site.baseurl }}}}/tags' not found ({told}: write /tags/, which works under any base URL)",
    ]


def test_a_link_written_as_template_code_is_told_what_file_or_path_it_names(project):
    """Hugo's `ref` and Jekyll's `post_url` name an article, `relative_url` a path: the error said to write an empty
    path, and called a Hugo shortcode Liquid."""
    body = (
        '[a]({% post_url 2018-12-03-soyuz %}) [b]({{< ref "soyuz" >}}) [c]({{< relref "2018/gone.md" >}})\n\n'
        '[d]({{ "/about/" | relative_url }}) [e]({{ site.baseurl }}{% post_url 2018-12-03-soyuz %})'
    )
    project.write(
        {
            "content/2018/2018-12-03-soyuz.md": article("Soyuz", "2018-12-03"),
            "content/2021/a.md": article("A", "2021-05-24", body),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    told = "which ssg does not fill in: link to the article's file"
    assert str(error.value).split("\n") == [
        "content/2021/a.md:6: linked file '2021/{% post_url 2018-12-03-soyuz %}' not found ({% post_url 2018-12-03-soyuz %} is "
        f"a Liquid tag (Jekyll's), {told}, ../2018/2018-12-03-soyuz.md (content/2018/2018-12-03-soyuz.md))",
        'content/2021/a.md:6: linked file \'2021/{{< ref "soyuz" >}}\' not found ({{< ref "soyuz" >}} is a Hugo shortcode, '
        f"{told}, as a path from this one (soyuz is no published article's file))",
        'content/2021/a.md:6: linked file \'2021/{{< relref "2018/gone.md" >}}\' not found ({{< relref "2018/gone.md" >}} is a '
        f"Hugo shortcode, {told}, as a path from this one (2018/gone.md is no published article's file))",
        'content/2021/a.md:8: linked file \'2021/{{ "/about/" | relative_url }}\' not found ({{ "/about/" | relative_url }} is '
        "a Liquid tag (Jekyll's), which ssg does not fill in: write the path it names, /about/)",
        "content/2021/a.md:8: linked file '2021/{{ site.baseurl }}{% post_url 2018-12-03-soyuz %}' not found "
        f"({{% post_url 2018-12-03-soyuz %}} is a Liquid tag (Jekyll's), {told}, ../2018/2018-12-03-soyuz.md (content/2018/2018-12-03-soyuz.md))",
    ]


def test_a_ref_with_an_anchor_or_in_an_html_attribute_is_told_the_file_to_link(project):
    """A user trial moving from Hugo: `({{< ref "target.md#intro" >}})` was split at its `#`, its link written with a
    raw `"` in the attribute, and the warning named half the shortcode ('2021/{{< ref "target.md') as no published
    article; `<a href="{{< ref "target.md" >}}">`, Hugo's documented form, showed as text with "</a> closes nothing"."""
    body = 'Read <a href="{{< ref "target.md" >}}">the earlier report</a> first.\n\nAnchor: [sec]({{< ref "target.md#intro" >}})'
    project.write({"content/2021/target.md": article("Target", "2021-01-08"), "content/2021/attr.md": article("A", "2021-01-09", body)})
    with pytest.raises(ContentError) as error:
        project.build()
    told = "is a Hugo shortcode, which ssg does not fill in: link to the article's file"
    assert str(error.value).split("\n") == [
        f'content/2021/attr.md:6: linked file \'2021/{{{{< ref "target.md" >}}}}\' not found ({{{{< ref "target.md" >}}}} {told}, target.md (content/2021/target.md))',
        f'content/2021/attr.md:8: linked file \'2021/{{{{< ref "target.md#intro" >}}}}\' not found ({{{{< ref "target.md#intro" >}}}} {told}, target.md#intro (content/2021/target.md))',
    ]


def test_jekylls_link_tag_and_a_ref_with_a_path_parameter_are_told_the_file_to_link(project):
    """A user trial: `{% link _posts/2021-03-06-other.md %}` and `{{< ref path="d.md" >}}` were told "write the path it
    stands for", where the file each names is known, as a plain `ref`'s error names it."""
    body = '[o]({% link _posts/2021-03-06-other.md %}) [m]({% link _posts/2021-03-07-moved.md %})\n\n[d]({{< ref path="d.md" >}})'
    project.write(
        {
            "content/_posts/2021-03-06-other.md": article("Other", "2021-03-06"),
            "content/2021/2021-03-07-moved.md": article("Moved", "2021-03-07"),  # (moved out of _posts/)
            "content/2021/d.md": article("D", "2021-03-08"),
            "content/2021/a.md": article("A", "2021-05-24", body),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    told = "which ssg does not fill in: link to the article's file"
    assert str(error.value).split("\n") == [
        "content/2021/a.md:6: linked file '2021/{% link _posts/2021-03-06-other.md %}' not found ({% link _posts/2021-03-06-other.md %} "
        f"is a Liquid tag (Jekyll's), {told}, ../_posts/2021-03-06-other.md (content/_posts/2021-03-06-other.md))",
        "content/2021/a.md:6: linked file '2021/{% link _posts/2021-03-07-moved.md %}' not found ({% link _posts/2021-03-07-moved.md %} "
        f"is a Liquid tag (Jekyll's), {told}, 2021-03-07-moved.md (content/2021/2021-03-07-moved.md))",
        'content/2021/a.md:8: linked file \'2021/{{< ref path="d.md" >}}\' not found ({{< ref path="d.md" >}} is a Hugo shortcode, '
        f"{told}, d.md (content/2021/d.md))",
    ]


def test_a_links_path_holding_quotes_or_ampersands_is_escaped_in_its_attribute(project):
    """The link's path was written back into its `href` as the HTML text it was read from, `"` raw where there was
    raw HTML in the article (ending the attribute early), and `&quot;`, `&amp;` percent-encoded where not: a link to
    `a&b.md` led to no article."""
    body = '[a](<a&b.md>) <b>x</b> [c](<we"ird.md#x>)'
    project.write({"content/2021/a&b.md": article("AB", "2021-01-08"), "content/2021/amp.md": article("Amp", "2021-01-09", body)})
    project.build()
    page = project.page("2021/01/09/amp/")
    assert '<p><a href="../../08/a-b/">a</a> <b>x</b> <a href="#ssg-not-published:2021/we%22ird.md">c</a></p>' in page


def test_a_missing_file_is_reported_on_every_line_that_links_it_not_where_its_name_is_text(project):
    body = (
        'The file map.png is lost.\n\n![Map](map.png)\n\nAgain: ![Map again](map.png "the map")\n\nSee [the map][map].\n\n[map]: map.png\n'
    )
    project.write({"content/a.md": article("A", "2021-05-24", body)})
    with pytest.raises(ContentError) as error:
        project.build()
    assert [line.split(": linked")[0] for line in str(error.value).split("\n")] == ["content/a.md:8", "content/a.md:10", "content/a.md:14"]


def test_a_link_to_an_old_sites_url_is_told_the_article_whose_slug_ends_it(project):
    project.write(
        {
            "content/post/soyuz-ms-19/index.md": article("Soyuz MS-19", "2021-10-05"),
            "content/2021/a.md": article("A", "2021-10-06", "[Soyuz](/2021/10/soyuz-ms-19/)\n\n[Again](/2021/10/05/soyuz-ms-19.html)"),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/a.md:6: links to /2021/10/soyuz-ms-19/, which this site does not have (link to the article's file instead "
        "(../post/soyuz-ms-19/index.md), which ssg makes its URL wherever it is)",
        "content/2021/a.md:8: links to /2021/10/05/soyuz-ms-19.html, which this site does not have (link to the article's file "
        "instead (../post/soyuz-ms-19/index.md), which ssg makes its URL wherever it is)",
    ]


def test_a_link_to_an_old_sites_tag_page_is_told_the_tag_page_it_means(project):
    """`/tags/baikonur/` (the old site's transliteration) was told to link an article's file instead."""
    body = "[B](/tags/baikonur/)\n\n[C](/tags/nothing-like-it/)"
    project.write({"content/2021/a.md": article("A", "2021-10-06", body, tags="[Байконур]")})
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/a.md:7: links to /tags/baikonur/, which this site does not have (the tag 'Байконур' has its page at "
        "/tags/baykonur/: link to that)",
        "content/2021/a.md:9: links to /tags/nothing-like-it/, which this site does not have (no tag has that page; the tags are "
        "listed at /tags/)",
    ]


def test_a_markdown_file_whose_suffix_is_in_capitals_is_warned_of_by_check(project):
    """`Статья.MD`, as Windows (whose file names ignore case) saves one, was left out without a word, even by check."""
    project.write({"content/2021/Статья.MD": article("Статья", "2021-01-01"), "content/2021/b.Markdown": "x\n"})
    expected = [
        "content/2021/b.Markdown:1: not read: ssg reads articles from files whose names end in .markdown, in lower case: "
        "rename it to b.markdown",
        "content/2021/Статья.MD:1: not read: ssg reads articles from files whose names end in .md, in lower case: rename it to Статья.md",
    ]
    assert [str(w) for w in project.build().warnings] == expected
    project.write({"content/a.md": article("A", "2021-01-01")})
    assert [str(w) for w in project.build(dry_run=True).warnings] == expected
    (project.root / "content/2021/Статья.MD").rename(project.root / "content/2021/Статья.md")
    (project.root / "content/2021/b.Markdown").unlink()
    assert project.build().warnings == []
    assert "Статья" in project.page("2021/01/01/statya/")


def test_pelicans_markdown_suffixes_are_articles_and_its_rst_and_html_articles_are_told_not_read(project):
    """A user trial moving from Pelican: `.mdown` and `.mkd` articles (Markdown, to Pelican) were left out, and `.rst`
    and HTML ones (`<meta name="date">`) too, without a word; an archive of only those was told it had no articles."""
    rst = "RST title\n#########\n\n:date: 2021-01-03\n:tags: a\n\nText.\n"
    html = '<html><head><title>H</title><meta name="date" content="2021-01-04"></head><body>x</body></html>'
    project.write({"content/rst.rst": rst, "content/two.rst": rst, "content/h.html": html, "content/page.html": "<p>x</p>\n"})
    told_rst = (
        "not read: ssg reads articles from Markdown files, not reStructuredText: convert it (pandoc -f rst -t markdown), "
        "then write its title and :date: as front matter (Title: ..., Date: ...)"
    )
    expected = [
        "content/h.html:1: not read: an article in HTML (Pelican's), and ssg reads articles from Markdown files: convert it "
        "(pandoc -f html -t markdown), then write its <title> and <meta> date and tags as front matter (Title: ..., Date: ...)",
        f"content/rst.rst:1: {told_rst}",
        f"content/two.rst:1: {told_rst}",
    ]
    assert [str(w) for w in project.build().warnings] == expected
    project.write(
        {
            "content/mdown.mdown": "Title: Mdown\nDate: 2021-01-01\n\nText.\n",
            "content/2021/mkd.mkd": article("Mkd", "2021-01-02"),
            "content/2021/mkdn.mkdn": article("Mkdn", "2021-01-02"),
            "content/2021/mdwn.mdwn": article("Mdwn", "2021-01-02"),
        }
    )
    result = project.build(dry_run=True)
    assert [str(w) for w in result.warnings] == expected
    project.build()
    assert [project.page(p).count("<h1") for p in ("2021/01/01/mdown/", "2021/01/02/mkd/", "2021/01/02/mkdn/", "2021/01/02/mdwn/")] == [
        1,
        1,
        1,
        1,
    ]


def test_an_article_in_a_file_that_is_not_markdown_is_warned_of_not_dropped_silently(project):
    """A Jekyll post in HTML (as WordPress imports make them) was left out without a word: the site built empty."""
    post = "---\nlayout: post\ntitle: Proton launch\n---\n<p>Proton flew.</p>\n"
    project.write(
        {
            "content/_posts/2019-11-20-proton.html": post,
            "content/page.html": "<p>Not an article.</p>\n",
            "content/_index.html": post,  # (skipped as `_index.md` is: not to be renamed to one; found in review)
            "content/_drafts/draft.html": post,
        }
    )
    expected = (
        "content/_posts/2019-11-20-proton.html:1: not read: it has front matter, but ssg reads articles from Markdown files "
        "(.md): rename it to 2019-11-20-proton.md (Markdown keeps its HTML as it is)"
    )
    assert [str(w) for w in project.build().warnings] == [expected]
    # Among Markdown articles, `ssg check` (which walks the whole folder) says so; a build does not look.
    project.write({"content/a.md": article("A", "2021-01-01")})
    assert project.build().warnings == []
    assert [str(w) for w in project.build(dry_run=True).warnings] == [expected]
    project.remove("content/_posts/2019-11-20-proton.html")
    project.remove("content/a.md")
    assert [str(w) for w in project.build().warnings] == [
        'content/: no articles (Markdown files, .md) here yet: ssg new "Title" starts one'
    ]


def test_markdown_files_left_out_for_a_hash_or_tilde_are_told_once_a_build(project):
    """`#1-launch.md`, `~tilde.md` were left out without a word (the docs named only `.` and `_`), and the build said
    there were no articles. No editor names a Markdown file so (its autosave is `#x.md#`, its backup `x.md~`, its lock
    `.#x.md`), and `_` keeps a note out on purpose: one warning for them all, with the first and the rule."""
    project.write(
        {
            "content/2024/#1-launch.md": article("Number one launch", "2024-03-05"),
            "content/2024/~tilde.md": article("Tilde", "2024-03-05"),
            "content/2024/#1-launch.md#": "autosave",
            "content/2024/.#1-launch.md": "lock",
            "content/2024/tilde.md~": "backup",
            "content/2024/_note.md": "a note",
            "content/_drafts/#draft.md": "in a folder left out",
        }
    )
    rule = (
        "ssg leaves out files whose names start with . or _ (hidden files, notes kept out on purpose), # or ~ (as editors' "
        "lock and backup files do)"
    )
    told = (
        f"content/2024/#1-launch.md: not read, nor 1 other Markdown file whose name starts with # or ~: {rule}; rename them "
        "(this one to 1-launch.md) to have them published"
    )
    assert [str(w) for w in project.build().warnings] == [told]  # (and not "no articles here yet")
    assert [str(w) for w in project.build(dry_run=True).warnings] == [told]
    project.remove("content/2024/#1-launch.md")
    project.write({"content/2024/a.md": article("A", "2024-03-05")})
    assert [str(w) for w in project.build().warnings] == [
        f"content/2024/~tilde.md: not read: {rule}; rename it to tilde.md to have it published"
    ]
    project.remove("content/2024/~tilde.md")
    assert project.build().warnings == []


def test_strict_counts_the_warnings_as_errors_when_there_are_errors_too(project):
    """With errors in the content, --strict printed the warnings as warnings and counted only the errors."""
    project.write({"content/a.md": article("A", "2021-01-01", "![x](gone.png)", tag="[Moon]")})
    with pytest.raises(ContentError) as error:
        project.build(strict=True)
    assert error.value.warnings == []
    assert [p.message for p in error.value.problems] == [
        "unknown key, kept for templates; did you mean 'tags'? (an error with --strict)",
        "linked file 'gone.png' not found (put it at content/gone.png or fix the path)",
    ]


def test_a_path_too_long_for_a_file_name_is_a_file_not_found(project):
    """`image: xxx...x.jpg` or a link of 300 letters names a file no file system can hold: asking whether it is there
    raised OSError ("File name too long"), and the build stopped on that traceback. Nor is it told to put the file
    there, which no file system allows."""
    long = "x" * 300
    body = f'![x]({long}.png) [y]({long}.md) <a href="/{long}/">z</a>'
    project.write({"content/2021/a.md": article("A", "2021-01-01", body, image=f"{long}.jpg")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert [str(p).replace(long, "L") for p in error.value.problems] == [
        f"content/2021/a.md:4: image: image 'L.jpg' not found ('{long[:40]}...' is 304 bytes long, longer than a file name"
        " can be (255): fix the path)",
        f"content/2021/a.md:7: linked file '2021/L.png' not found ('{long[:40]}...' is 304 bytes long, longer than a file"
        " name can be (255): fix the path)",
    ]
    assert [str(w).replace(long, "L") for w in error.value.warnings] == [
        "content/2021/a.md:7: links to /L/, which this site does not have (link to the article's file instead"
        " (../2021/its-name.md), which ssg makes its URL wherever it is)",
        "content/2021/a.md:7: links to 2021/L.md, which is not a published article",
    ]


def test_a_lead_image_beside_the_article_is_told_to_be_written_from_it(project):
    """A Hugo page bundle writes `image: cover.jpg` for the picture beside its index.md: the error said to put a second
    copy at content/cover.jpg rather than to write ./cover.jpg."""
    project.write(
        {"content/posts/soyuz/index.md": article("Soyuz", "2021-05-24", image="cover.jpg"), "content/posts/soyuz/cover.jpg": b"JPG"}
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/posts/soyuz/index.md:4: image: image 'cover.jpg' not found "
        "(content/posts/soyuz/cover.jpg is there: `image:` is read from content/, so write ./cover.jpg)"
    )
    project.write({"content/posts/soyuz/index.md": article("Soyuz", "2021-05-24", image="./cover.jpg")})
    project.build()
    assert (project.public / "posts/soyuz/cover.jpg").read_bytes() == b"JPG"


def test_an_image_from_static_is_found_where_the_site_has_it(project):
    """A Hugo archive keeps its pictures in static/ and writes `image: /images/logo.png`: the file is in the site at
    that path, yet the build failed with "put it at content/images/logo.png"."""
    body = "![Logo](/images/logo.png) ![Again](../images/logo.png)"
    project.write({"content/2021/a.md": article("A", "2021-05-24", body, image="/images/logo.png"), "static/images/logo.png": b"\x89PNG"})
    project.build()
    assert (project.public / "images/logo.png").read_bytes() == b"\x89PNG"
    page = project.page("2021/05/24/a/")
    assert (
        '<img src="../../../../images/logo.png" alt="A">' in page
        and '<img alt="Again" decoding="async" loading="lazy" src="../../../../images/logo.png">' in page
    )
    project.remove("static/images/logo.png")
    with pytest.raises(ContentError) as error:
        project.build()
    assert "content/2021/a.md:4: image: image 'images/logo.png' not found (put it at content/images/logo.png" in str(error.value)
    assert "content/2021/a.md:7: linked file 'images/logo.png' not found" in str(error.value)  # on the line that links


@pytest.mark.parametrize(
    "written",
    [
        "img/схема%20запуска.png",
        "<img/схема запуска.png>",
        "img/%D1%81%D1%85%D0%B5%D0%BC%D0%B0%20%D0%B7%D0%B0%D0%BF%D1%83%D1%81%D0%BA%D0%B0.png",
    ],
)
def test_a_missing_file_named_with_spaces_or_percent_signs_is_reported_on_its_line(project, written):
    """Found by a new user: `![b](img/схема%20запуска.png)` named no line, where `![c](map.png)` did."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", f"Text.\n\n![b]({written})\n")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert "content/2021/a.md:8: linked file '2021/img/схема запуска.png' not found" in str(error.value)


def test_a_file_named_with_a_hash_or_a_percent_sign_is_linked_by_urls_that_reach_it(project):
    """`image: {src: "images/launch #1.jpg"}` was linked as `images/launch%20#1.jpg` (its <img>, og:image, JSON-LD and the
    feed's picture), the `#` a fragment, and `100%.jpg` as written, which nginx answers 400; `ssg check --links` passed
    both. Each is now escaped, `%23` and `%25`. The text's links are URLs: `%23` and `%25` write them, a `%` that starts
    no escape is itself, and `%20` a space."""
    body = "![a](../images/launch%20%231.jpg) ![b](../images/100%.jpg) ![c](../images/50%25.jpg) ![d](../images/a%20b.jpg)"
    files = {name: b"JPG" for name in ("launch #1.jpg", "100%.jpg", "50%.jpg", "a b.jpg")}
    project.write({f"content/images/{name}": data for name, data in files.items()})
    project.write({"content/2021/a.md": article("A", "2021-05-24", body, image='{src: "images/launch #1.jpg", alt: A launch}')}).build()
    page, feed = project.page("2021/05/24/a/"), (project.public / "feed.xml").read_text()
    up = "../../../../images/"
    assert f'<img src="{up}launch%20%231.jpg" alt="A launch">' in page
    assert (
        f'<img alt="a" decoding="async" loading="lazy" src="{up}launch%20%231.jpg"> <img alt="b" decoding="async" loading="lazy" src="{up}100%25.jpg"> <img alt="c" decoding="async" loading="lazy" src="{up}50%25.jpg"> <img alt="d" decoding="async" loading="lazy" src="{up}a%20b.jpg">'
        in page
    )
    assert '<meta property="og:image" content="https://example.org/images/launch%20%231.jpg">' in page
    assert '"contentUrl": "https://example.org/images/launch%20%231.jpg"' in page
    assert 'url="https://example.org/images/launch%20%231.jpg"' in feed and "https://example.org/images/100%25.jpg" in feed
    assert all((project.public / "images" / name).read_bytes() == b"JPG" for name in files)
    assert check_links(project.public, "https://example.org/").broken == []


def test_files_and_articles_named_with_an_ampersand_or_quotes_are_linked(project):
    """`Tom & Jerry.jpg`, `it's.jpg`, `report"2026".pdf` and the article `Q&A.md`, names a Mac or Windows allows: the
    marker's path was read from the page's HTML with its entities (`Tom%20%26amp%3B%20Jerry.jpg`), or ended at the
    quote (the page and the feed held `src="ssg-ref:file:..."`), and the link to the article led nowhere; no warning,
    no error. A root link's query keeps its `&`, escaped for the attribute."""
    names = ("Tom & Jerry.jpg", "it's.jpg", 'report"2026".pdf', "<b>.jpg")
    project.write({f"content/2021/files/{name}": b"F" for name in names})
    body = (
        '![a](<files/Tom & Jerry.jpg>) ![b](<files/it\'s.jpg>) [c](<files/report"2026".pdf>) ![d](files/%3Cb%3E.jpg)\n\n'
        "[qa](<Q&A.md>) [its](<it's.md>) [search](/search/?q=a&lang=ru)\n\n[frag](<Q&A.md#q&a>) [s](/search/?q=a&b=c#x&y)\n\n"
        '<img src="files/it\'s.jpg" alt="raw">'
    )
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", body, image="./files/it's.jpg"),
            "content/2021/Q&A.md": article("Q and A", "2021-05-23"),
            "content/2021/it's.md": article("Its", "2021-05-22"),
        }
    )
    assert project.build().warnings == []
    page, feed = project.page("2021/05/24/a/"), (project.public / "feed.xml").read_text()
    files = "../../../files/"
    assert (
        f'<img alt="a" decoding="async" loading="lazy" src="{files}Tom%20%26%20Jerry.jpg"> <img alt="b" decoding="async" loading="lazy" src="{files}it%27s.jpg">'
        in page
    )
    assert f'<a href="{files}report%222026%22.pdf">c</a> <img alt="d" decoding="async" loading="lazy" src="{files}%3Cb%3E.jpg">' in page
    assert '<a href="../../23/q-a/">qa</a> <a href="../../22/its/">its</a>' in page
    assert '<a href="../../../../search/?q=a&amp;lang=ru">search</a>' in page
    assert f'<img src="{files}it%27s.jpg" alt="raw">' in page  # (raw HTML's value ended at the other quote, left as written)
    assert '<a href="../../23/q-a/#q&amp;a">frag</a> <a href="../../../../search/?q=a&amp;b=c#x&amp;y">s</a>' in page
    assert "ssg-ref" not in page and "ssg-ref" not in feed and "ssg-not-published" not in page
    assert 'src="https://example.org/2021/files/Tom%20%26%20Jerry.jpg"' in feed
    broken = check_links(project.public, "https://example.org/").broken
    assert {b.url for b in broken} == {"../../23/q-a/#q&a", "../../../../search/?q=a&b=c#x&y"}  # (no such ids: fragments)


def test_an_image_path_is_its_files_name_as_written_and_one_copied_from_a_url_is_told_the_name(project):
    """`image:` is a path (a `#`, `?` or `%` is of the name): a file named `c%20d.jpg` is that file. One copied from the
    old site's URL writes a space as `%20`: where the file is `a b.jpg`, the error gives the path to write."""
    project.write({"content/images/c d.jpg": b"SPACE", "content/images/c%20d.jpg": b"LITERAL"})
    project.write({"content/2021/c.md": article("C", "2021-05-24", image="images/c%20d.jpg")}).build()
    assert (project.public / "images/c%20d.jpg").read_bytes() == b"LITERAL" and not (project.public / "images/c d.jpg").exists()
    assert '<img src="../../../../images/c%2520d.jpg" alt="C">' in project.page("2021/05/24/c/")
    assert check_links(project.public, "https://example.org/").broken == []
    project.write({"content/images/a b.jpg": b"SPACE", "content/2021/a.md": article("A", "2021-05-24", image="images/a%20b.jpg")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2021/a.md:4: image: image 'images/a%20b.jpg' not found (content/images/a b.jpg is there: image: is a file's "
        "path, not a URL, so write images/a b.jpg)"
    )


def test_a_link_cut_at_a_hash_of_a_files_name_is_told_on_its_line_to_write_23(project):
    """`![pic](<../images/launch #1.jpg>)` reads `#1.jpg` as the fragment: the error named the front matter's
    `image:` line, which names the same file, and said to put a file at `content/images/launch `. A `?` alike."""
    body = "Text.\n\n![pic](<../images/launch #1.jpg>)"
    project.write({"content/images/launch #1.jpg": b"JPG"})
    project.write({"content/2021/a.md": article("A", "2021-05-24", body, image='{src: "images/launch #1.jpg", alt: A launch}')})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2021/a.md:9: linked file 'images/launch ' not found (a link's '#' starts its fragment: "
        "content/images/launch #1.jpg is there, so write %23 for the '#' of its name)"
    )
    project.write({"content/images/what?.jpg": b"JPG", "content/2021/a.md": article("A", "2021-05-24", "![pic](<../images/what?.jpg>)")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2021/a.md:6: linked file 'images/what' not found (a link's '?' starts its query: "
        "content/images/what?.jpg is there, so write %3F for the '?' of its name)"
    )


def test_a_link_written_as_a_page_url_is_reported_on_its_line(project):
    """`[earlier](../b/#part)`, the page's URL rather than its file: the error named the article but no line, and
    told to put a file at content/2021/b when content/2021/b.md is the article the link meant."""
    body = "First paragraph.\n\nSee [earlier](../b/#part) and [again](b/?x=1)."
    project.write({"content/2021/a.md": article("A", "2021-05-24", body), "content/2021/b.md": article("B", "2021-05-23")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert sorted(str(error.value).splitlines()) == [
        "content/2021/a.md:8: linked file '2021/b' not found (content/2021/b.md is an article: link to its file, b.md)",
        "content/2021/a.md:8: linked file 'b' not found (put it at content/b or fix the path)",
    ]


def test_a_text_link_written_from_content_like_image_is_told_the_path_from_the_article(project):
    """`image: images/x.png` is from content/, the text's links from the article: `![x](images/x.png)` in 2021/a.md
    was told to put the picture at content/2021/images/x.png, a second copy, rather than to write ../images/x.png."""
    body = "![Map](images/map.png) [B](2021/b.md) [C](c.md)"
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", body),
            "content/2021/b.md": article("B", "2021-05-25"),
            "content/images/map.png": b"PNG",
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2021/a.md:6: linked file '2021/images/map.png' not found "
        "(content/images/map.png is there: a link in the text is relative to the article, so write ../images/map.png)"
    )
    project.write({"content/2021/a.md": article("A", "2021-05-24", "[B](2021/b.md) [C](c.md)")})
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/a.md:6: links to 2021/2021/b.md, which is not a published article "
        "(content/2021/b.md is there: a link in the text is relative to the article, so write b.md)",
        "content/2021/a.md:6: links to 2021/c.md, which is not a published article",  # (no such file anywhere: no hint)
    ]


def test_a_link_to_a_missing_article_suggests_the_file_likely_meant(project):
    """`[launch](baikonur-launch.md)` copied from an article in another year's folder, or a misspelt name, was
    reported with no hint of the article meant: the same guesses as for a missing picture now name it."""
    body = (
        "The [launch](baikonur-launch.md), [Artemis](../2025/nasa-artemiss.md#crew), [the report](report.md), "
        "[the draft](draft.md), [the later one](later.md) and [nothing](nothing-like-it.md)."
    )
    project.write(
        {
            "content/2024/baikonur-launch.md": article("Launch", "2024-05-01"),
            "content/2025/nasa-artemis.md": article("Artemis", "2025-02-01"),
            "content/2023/report.md": article("Report 2023", "2023-12-31"),  # two of that name: no guess
            "content/2024/report.md": article("Report 2024", "2024-12-31"),
            "content/2024/draft.md": article("Draft", "2024-06-01"),
            "content/2025/draft.md": article("Draft", "2025-03-02", draft="true"),  # the one meant: no other guessed
            "content/2025/a.md": article("A", "2025-03-01", body),
            # Its name in another folder, dated later: the one meant, not a published article of a close name (a trial).
            "content/2027/later.md": article("Later", "2027-01-01"),
            "content/2025/latter.md": article("Latter", "2025-01-01"),
            "content/_notes/nothing-like-it.md": article("Notes", "2025-01-01"),  # (never read: named by no hint)
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2025/a.md:6: links to 2025/baikonur-launch.md, which is not a published article "
        "(content/2024/baikonur-launch.md has that name: write ../2024/baikonur-launch.md)",
        "content/2025/a.md:6: links to 2025/nasa-artemiss.md, which is not a published article "
        "(did you mean content/2025/nasa-artemis.md? write nasa-artemis.md)",
        "content/2025/a.md:6: links to 2025/report.md, which is not a published article",
        "content/2025/a.md:6: links to 2025/draft.md, which is not a published article",
        "content/2025/a.md:6: links to 2025/later.md, which is not a published article (content/2027/later.md has its name, a draft "
        "or dated later: write ../2027/later.md, which leads there once it is published)",
        "content/2025/a.md:6: links to 2025/nothing-like-it.md, which is not a published article",
    ]


def test_an_obsidian_link_is_warned_of_on_the_texts_line_with_a_link_to_the_article_of_its_name_or_plain_text(project):
    """An Obsidian Web Clipper file names the outlet in its front matter (`author: - "[[Коммерсантъ]]"`) and in its text:
    the warning named the front matter's line, never shown, and suggested `[Коммерсантъ](%D0%9A...md)`, %-encoded and
    linking a file that does not exist (found by a new user's trial)."""
    clipping = (
        '---\ntitle: Клиппинг\ndate: 2021-05-24\nsource: https://www.kommersant.ru/doc/1\nauthor:\n  - "[[Коммерсантъ]]"\n---\n\n'
        "Текст.\n\nИсточник: [[Коммерсантъ]], см. также [[Crew note#The crew|экипаж]].\n"
    )
    project.write({"content/2021/clip.md": clipping, "content/2019/crew note.md": article("Crew", "2019-01-01")})
    assert sorted((w.line, w.message) for w in project.build().warnings) == [
        (
            11,
            "[[Crew note#The crew|экипаж]] is Obsidian's, which ssg does not read: it shows as text "
            "(write [экипаж](<../2019/crew note.md#The crew>), a link to its article)",
        ),
        (
            11,
            "[[Коммерсантъ]] is Obsidian's, which ssg does not read: it shows as text "
            "(no article is named 'Коммерсантъ': write Коммерсантъ as plain text)",
        ),
    ]
    # An article of that name, added (in the preview, a save later): the link to it, as written by hand.
    project.write({"content/2020/коммерсантъ.md": article("Коммерсантъ", "2020-01-01")})
    messages = [w.message for w in project.build().warnings]
    assert (
        "[[Коммерсантъ]] is Obsidian's, which ssg does not read: it shows as text (write [Коммерсантъ](../2020/коммерсантъ.md), a link to its article)"
        in messages
    )


def test_an_obsidian_embed_is_told_the_path_of_the_file_of_its_name(project):
    """`![[Pasted image 2024.png]]` in Space/ was told to write `![](Pasted%20image%202024.png)`, the name alone, beside
    the article; the file was in attachments/, and the next build said so (a vault's trial). The one file of that name,
    in any folder, as Obsidian finds it; a note's embed is told the link to the note."""
    text = "Text.\n\n![[Pasted image 2024.png|300]]\n\n![[gone.png]]\n\n![[Baikonur#History]]\n"
    project.write(
        {
            "content/Space/a.md": article("A", "2021-05-24", text),
            "content/attachments/Pasted image 2024.png": b"png",
            "content/Places/Baikonur.md": article("Baikonur", "2021-05-20"),
        }
    )
    # (Found in review: of two files of one name the note's neighbour is meant, as Obsidian takes it; a path names one.)
    project.write({"content/Space/b.md": article("B", "2021-05-25", "B.\n\n![[pic.png]] ![[Sub/pic.png]] ![[map.png]]\n")})
    project.write(
        {"content/Space/pic.png": b"1", "content/attachments/pic.png": b"2", "content/x/map.png": b"3", "content/y/map.png": b"4"}
    )
    warnings = project.build().warnings
    assert sorted(w.message for w in warnings if w.path.endswith("b.md")) == [
        "![[Sub/pic.png]] is Obsidian's, which ssg does not read: it shows as text (no file of the content folder is named "
        "'Sub/pic.png': put it there and write ![](its path from this article))",
        "![[map.png]] is Obsidian's, which ssg does not read: it shows as text (2 files of the content folder are named "
        "'map.png': write ![](the path of the one meant), as ../x/map.png, ../y/map.png)",
        "![[pic.png]] is Obsidian's, which ssg does not read: it shows as text (write ![](pic.png))",
    ]
    assert sorted((w.line, w.message) for w in warnings if w.path.endswith("a.md")) == [
        (
            8,
            "![[Pasted image 2024.png|300]] is Obsidian's, which ssg does not read: it shows as text (write ![](<../attachments/Pasted image 2024.png>))",
        ),
        (
            10,
            "![[gone.png]] is Obsidian's, which ssg does not read: it shows as text (no file of the content folder is named 'gone.png': put "
            "it there and write ![](its path from this article))",
        ),
        (
            12,
            "![[Baikonur#History]] is Obsidian's, which ssg does not read: it shows as text (write [Baikonur](../Places/Baikonur.md#History), a link to its article)",
        ),
    ]


def test_an_embeds_warning_follows_its_file_appearing(project):
    """A note's `![[pic.png]]` was told "no file of the content folder is named 'pic.png'" after the file was added: the
    build was "up to date", the file being no input of the articles (found in review)."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", "Text.\n\n![[pic.png]]\n")})
    assert "no file of the content folder" in project.build().warnings[0].message
    project.write({"content/attachments/pic.png": b"png"})
    result = project.build()
    assert not result.up_to_date and "write ![](../attachments/pic.png)" in result.warnings[0].message
    assert project.build().up_to_date  # (and nothing changed since: up to date, as before)


def test_an_obsidian_tags_line_is_kept_from_its_reading(project, monkeypatch):
    """Each save read every note with a wikilink or an embed again, for its line alone: 0.3 s at 3,000 notes (found in
    review). The reading keeps it, as it keeps the front matter's."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", "Text.\n\n![[gone.png]] [[Nobody]]\n")})
    monkeypatch.setattr(ssg.links, "_wikilink_line", lambda *args: pytest.fail("read again"))
    assert [w.line for w in project.build().warnings] == [8, 8]


def test_an_obsidian_link_to_a_heading_of_its_own_note_is_told_the_link_to_the_heading(project):
    """`[[#Details]]` was told "no article is named '': write  as plain text" (found by a vault's trial)."""
    text = "Text.\n\nSee [[#Crew list]] and [[#Итоги года|итоги]].\n\n## Crew list\n\nA.\n\n## Итоги года\n\nB.\n"
    project.write({"content/2021/a.md": article("A", "2021-05-24", text)})
    assert sorted(w.message for w in project.build().warnings) == [
        "[[#Crew list]] is Obsidian's, which ssg does not read: it shows as text (write [Crew list](#crew-list), a link to its heading)",
        "[[#Итоги года|итоги]] is Obsidian's, which ssg does not read: it shows as text (write [итоги](#итоги-года), a link to its heading)",
    ]
    assert 'id="crew-list"' in project.page("2021/05/24/a/")


def test_links_and_images_pasted_as_html_are_made_real_like_markdown_ones(project):
    """Clippings are pasted as HTML: `<img src="map.png">` beside the article was not copied and its link, like a
    raw `<a href="other.md">`, led nowhere from the article's page; only `ssg check --links` said so."""
    body = (
        '<figure>\n  <img src="map.png" alt="The map">\n  <figcaption>Map</figcaption>\n</figure>\n\n'
        'Inline <img src=\'map.png\' alt="inline"> and <a href="other.md#part">the other</a>, <a href="gone.md">gone</a>.'
    )
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", body),
            "content/2021/map.png": b"\x89PNG",
            "content/2021/other.md": article("Other", "2021-05-20", "## Part"),
        }
    )
    result = project.build()
    page = project.page("2021/05/24/a/")
    assert '<img src="../../../map.png" alt="The map">' in page and "<img src='../../../map.png' alt=\"inline\">" in page
    assert '<a href="../../20/other/#part">the other</a>' in page
    assert (project.public / "2021/map.png").is_file()
    assert [str(w) for w in result.warnings] == ["content/2021/a.md:11: links to 2021/gone.md, which is not a published article"]


def test_two_articles_on_one_url_name_both_files(project):
    project.write({"content/a/x.md": article("A", "2021-01-01"), "content/b/x.md": article("B", "2021-01-01")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == "content/b/x.md: slug: has the same URL /2021/01/01/x/ as content/a/x.md (set a different `slug:` or date)"
    project.write({"content/c.md": article("C", "2021-01-02", slug="x-2"), "content/d.md": article("D", "2021-01-02", slug="x-2")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert "content/d.md:4: slug: has the same URL /2021/01/02/x-2/ as content/c.md" in str(error.value)  # on the line that set it


def test_a_translation_on_a_site_without_languages_points_to_languages(project):
    # A translation keeps the original's file name; without `languages:` both land on one URL, and a new slug is the wrong fix.
    project.write({"content/x.md": article("Moon", "2021-01-01"), "content/x.ru.md": article("Луна", "2021-01-01")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/x.ru.md: slug: has the same URL /2021/01/01/x/ as content/x.md, in another language: to publish translations "
        "side by side, list the languages in site.yaml (languages: [en, ru]; see docs/languages.md)"
    )
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\n"})
    project.build()


@pytest.mark.parametrize("code", ["EN", "zh_Hant_TW"])
def test_site_yaml_takes_a_language_code_by_the_articles_rule(project, code):
    """site.yaml took `lang: EN`, which the front matter refuses: every article without `lang:` failed, blamed for it."""
    project.write({"site.yaml": SITE_YAML + f"lang: {code}\n", "content/a.md": article("A", "2021-01-01")})
    with pytest.raises(ConfigError) as error:
        project.build()
    fix = "write en" if code == "EN" else "use en, ru, ..."
    assert str(error.value) == f"site.yaml:5: lang: '{code}' is not a language code ({fix})"
    project.write({"site.yaml": SITE_YAML + "languages: [en, pt-BR]\n"})  # (refused before, though articles take it)
    project.build()


@pytest.mark.parametrize(("written", "code"), [("de_DE", "de-DE"), ("ger", "de"), ("fre", "fr")])
def test_a_sites_language_no_page_may_carry_is_an_error_with_the_bcp_47_code(project, written, code):
    """A preview trial: site.yaml took `languages: [en, de_DE]` and `ger` (the front matter's error had said "or add
    'de_DE' to languages:"), and every page said `<html lang="de_DE">`, `hreflang="de_DE"`: no valid value."""
    project.write({"site.yaml": SITE_YAML + f"languages: [en, {written}]\n", "content/a.md": article("A", "2021-01-01")})
    with pytest.raises(ConfigError) as error:
        project.build()
    assert str(error.value) == f"site.yaml:5: languages: '{written}' is not a language code (write {code})"
    project.write({"site.yaml": SITE_YAML + f"lang: {written}\n"})
    with pytest.raises(ConfigError, match=f"'{written}' is not a language code \\(write {code}\\)"):
        project.build()
    project.write({"site.yaml": SITE_YAML + "languages: [en, de-AT, zh-Hant, es-419]\n"})  # (valid ones, as before)
    project.build()


@pytest.mark.parametrize(
    ("permalink", "a", "b", "link"),
    [("{year}/{slug}.html", "2021/a.html", "2021/b.html", "b.html"), ("/{year}/{slug}", "2021/a/", "2021/b/", "../b/")],
)
def test_a_permalink_ending_in_html_is_a_page_of_that_name(project, permalink, a, b, link):
    """Pelican's `{slug}.html` (an archive moved keeps its URLs) was written as the folder b.html/, with an index.html."""
    project.write(
        {
            "site.yaml": SITE_YAML + f"permalink: {permalink!r}\n",
            "content/2021/a.md": article("A", "2021-05-24", "See [b](b.md) ![Map](map.png)"),
            "content/2021/b.md": article("B", "2021-05-25"),
            "content/2021/map.png": b"PNG",
        }
    )
    project.build()
    assert (project.public / output_file(b)).is_file() and not (project.public / "2021/b.html/index.html").exists()
    assert f'<a href="{link}">b</a>' in project.page(a)
    assert not check_links(project.public, "https://example.org/").broken


def test_jekylls_default_permalink_keeps_its_posts_categories_in_their_urls(project):
    """Jekyll's default style, `date`, is /:categories/:year/:month/:day/:title:output_ext: it was told as
    {year}/{month}/{day}/{slug}.html (the pattern pasted, as "has no {slug}"), and every post with categories got another
    URL, without a word (a keeper's move from Jekyll). {categories} is `categories:` (a list, or names parted by spaces),
    the folders above _posts/, then `category:`, in lower case; a post without them has none."""
    project.write(
        {
            "site.yaml": SITE_YAML + "permalink: '{categories}/{year}/{month}/{day}/{slug}.html'\n",
            "content/_posts/2018-01-09-launch.md": "---\ntitle: Launch\ncategories: Space News\n---\n\nSee [the docking](../space/_posts/2018-01-10-docking.md).\n",
            "content/space/_posts/2018-01-10-docking.md": "---\ntitle: Docking\ncategories: [ISS]\ncategory: Crew\n---\n\nText.\n",
            "content/_posts/2018-01-11-plain.md": "---\ntitle: Plain\n---\n\nText.\n",
        }
    )
    project.build()
    assert '<a href="../../../../../iss/space/crew/2018/01/10/docking.html">the docking</a>' in project.page(
        "space/news/2018/01/09/launch.html"
    )
    assert (project.public / "2018/01/11/plain.html").is_file()
    assert not check_links(project.public, "https://example.org/").broken


def test_a_category_is_one_folder_of_the_url_and_never_leads_out_of_the_output(project, tmp_path):
    """`categories: "../../victim"` wrote the post over a file two folders above the output, which was not ssg's, and
    `C#` or `50%` gave pages whose links were broken: each category is one folder, `.` and `..` none, and what would end
    or escape the path a `-`."""
    victim = project.root / "victim/2020/01/02/a.html"
    victim.parent.mkdir(parents=True)
    victim.write_text("MINE")
    project.write(
        {
            "site.yaml": SITE_YAML + "permalink: '{categories}/{year}/{month}/{day}/{slug}.html'\n",
            "content/_posts/2020-01-02-a.md": '---\ntitle: A\ncategories: "../../victim"\n---\n\nText.\n',
            "content/_posts/2020-01-03-b.md": "---\ntitle: B\ncategories: [C#, 50%, a/b, ..]\n---\n\nSee [A](2020-01-02-a.md).\n",
        }
    )
    project.build()
    assert victim.read_text() == "MINE"
    assert (project.public / "..-..-victim/2020/01/02/a.html").is_file()  # (one folder)
    assert (project.public / "c-/50-/a-b/2020/01/03/b.html").is_file()
    assert not check_links(project.public, "https://example.org/").broken


def test_a_jekyll_post_named_markdown_is_an_article(project):
    """`jekyll new` writes `_posts/2021-05-24-welcome-to-jekyll.markdown`: such posts were skipped without a word."""
    project.write(
        {
            "content/2021/2021-05-24-launch.markdown": "---\ntitle: Launch\nlayout: post\n---\n\nThe rocket flew.\n",
            "content/2021/b.md": article("B", "2021-05-25", "See [the launch](2021-05-24-launch.markdown)."),
        }
    )
    result = project.build()
    assert "The rocket flew." in project.page("2021/05/24/launch/") and not result.warnings
    assert '<a href="../../24/launch/">the launch</a>' in project.page("2021/05/25/b/")


def test_jekyll_posts_folder_is_read_and_underscore_files_are_skipped(project):
    """A Jekyll site keeps its articles in `_posts/`: copied into content/, all of them were skipped without a word
    (0 articles, exit 0). Hugo's `_index.md` (a section's list page, no date) failed the build although files starting
    with `_` are documented as ignored."""
    project.write(
        {
            "content/_posts/2021-05-24-launch.md": "---\ntitle: Launch\nlayout: post\n---\n\nThe rocket flew.\n",
            "content/news/_posts/2021-05-25-docking.md": "---\ntitle: Docking\n---\n\nIt docked.\n",
            "content/_drafts/later.md": "---\ntitle: Later\n---\n\nNot yet.\n",
            "content/posts/_index.md": "---\ntitle: Posts\n---\n\nAll the posts.\n",
        }
    )
    result = project.build()
    assert "The rocket flew." in project.page("2021/05/24/launch/") and "It docked." in project.page("2021/05/25/docking/")
    assert not result.warnings and not (project.public / "posts").exists()


def test_a_hugo_page_bundle_is_named_after_its_folder(project):
    """Hugo keeps an article with its pictures in a folder, as `<folder>/index.md`: every such article got the slug
    "index" (/2021/05/24/index/), and two on one day clashed."""
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\n"})
    project.write(
        {
            "content/posts/soyuz-launch/index.md": article("Soyuz", "2021-05-24", "![Cover](cover.jpg)"),
            "content/posts/soyuz-launch/index.ru.md": article("Союз", "2021-05-24", "![Обложка](cover.jpg)"),
            "content/posts/soyuz-launch/cover.jpg": b"JPG",
            "content/posts/2021-05-24-docking/index.md": "---\ntitle: Docking\n---\n\nSee [the launch](../soyuz-launch/index.md).\n",
            "content/2021/05/index.md": article("May in review", "2021-05-31"),  # a month's folder: no bundle
        }
    )
    result = project.build()
    assert not result.warnings
    assert "May in review" in project.page("2021/05/31/index/")
    assert '<img alt="Cover" src="../../../../posts/soyuz-launch/cover.jpg">' in project.page("2021/05/24/soyuz-launch/")
    assert 'hreflang="ru"' in project.page("2021/05/24/soyuz-launch/")  # the translation is paired by its name too
    assert "Обложка" in project.page("ru/2021/05/24/soyuz-launch/")
    assert '<a href="../soyuz-launch/">the launch</a>' in project.page("2021/05/24/docking/")


def test_failed_build_leaves_previous_output_untouched(site):
    site.build()
    before = {p: (data, (site.public / p).stat().st_mtime_ns) for p, data in site.files().items()}
    site.write({"content/2021/june.md": "---\ntitle: [broken\n---\n"})
    with pytest.raises(ContentError):
        site.build()
    after = {p: (data, (site.public / p).stat().st_mtime_ns) for p, data in site.files().items()}
    assert before == after
    assert not list(site.root.glob(".public.ssg-staging"))


def test_first_build_into_a_new_folder_an_empty_folder_and_a_full_one_is_the_same(site, tmp_path):
    """Into a folder that is not there yet the staged tree is moved whole; an existing folder, even empty, keeps
    its identity (it is the user's) and gets the files moved in one by one. Either way: the same files."""
    made = site.build(output_dir=str(tmp_path / "deep" / "new" / "out"))
    empty = tmp_path / "empty"
    empty.mkdir()
    inode = empty.stat().st_ino
    site.build(output_dir=str(empty))
    assert empty.stat().st_ino == inode
    site.build()
    files = {p.relative_to(site.public).as_posix(): p.read_bytes() for p in site.public.rglob("*") if p.is_file()}
    for folder in (tmp_path / "deep" / "new" / "out", empty):
        assert {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()} == files
    assert made.changed == len(files) - 1  # all but the manifest
    assert not list(tmp_path.rglob("*.ssg-staging")) and not list(site.root.glob(".*.ssg-staging"))


@pytest.mark.parametrize("into", ["existing", "new"])
def test_a_build_stopped_while_moving_files_in_leaves_none_the_next_build_refuses(site, tmp_path, monkeypatch, into):
    """Files are in the manifest before they are moved in: after a Ctrl-C halfway, the next build takes them as
    its own (a file missing from the manifest would be the user's, and refused)."""
    out = tmp_path / "out"
    if into == "existing":
        out.mkdir()
    real_replace, moves = os.replace, []

    def interrupted(source, target):
        if ".ssg-staging" in str(source) and not str(target).endswith(".json"):
            moves.append(target)
            if len(moves) == (5 if into == "existing" else 1):  # a new folder gets the staged tree in one rename
                raise KeyboardInterrupt
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        site.build(output_dir=str(out))
    monkeypatch.setattr(os, "replace", real_replace)
    site.build(output_dir=str(out))
    site.build()
    assert tree(out) == tree(site.public)


def _stop_before_moving_in(site, monkeypatch) -> None:
    """Build, stopped once the list of files being moved is written, before any is moved in."""

    def stopped(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Output, "_move_staged", stopped)
    with pytest.raises(KeyboardInterrupt):
        site.build()
    monkeypatch.undo()


def test_a_rebuild_stopped_while_moving_files_in_is_redone_whole(site, monkeypatch):
    """An edit and a new article, stopped after the manifest lists the new page but before any file moved in: the
    edited page keeps its old entry, so the next build writes it again (it did not, listed as made already)."""
    site.build()
    site.write(
        {
            "content/2020/first.md": article("First, edited", "2020-12-31", "Second version."),
            "content/2021/new.md": article("New", "2021-08-01"),
        }
    )
    _stop_before_moving_in(site, monkeypatch)
    site.build()
    assert "Second version." in site.page("2020/12/31/first/")
    cold = site.root / "cold"
    site.build(output_dir=str(cold))
    assert tree(cold) == tree(site.public)


@pytest.mark.parametrize("then", ["kept", "deleted"])
def test_a_rebuild_stopped_after_a_new_page_moved_in_takes_it_for_its_own(site, monkeypatch, then):
    """A new article's page moved in, the build stopped before the manifest is written again: the page is in no manifest,
    only in the list of files being moved (a rebuild writes the manifest once, after moving). The next build takes it
    for its own: it writes it again (`kept`), or deletes it where the article is gone meanwhile (`deleted`); nothing
    is refused as the user's, and the output is a cold build's."""
    site.build()
    site.write({"content/2021/new.md": article("New", "2021-08-01")})
    _stop_after_new_page_moved_in(site, monkeypatch)
    assert (site.public / "2021/08/01/new/index.html").is_file()
    assert "2021/08/01/new/index.html" not in json.loads((site.public / MANIFEST).read_text())["files"]
    if then == "deleted":
        site.remove("content/2021/new.md")
    site.build()
    assert (site.public / "2021/08/01/new/index.html").is_file() == (then == "kept")
    cold = site.root / "cold"
    site.build(output_dir=str(cold))
    assert tree(cold) == tree(site.public)


def _stop_after_new_page_moved_in(site, monkeypatch) -> None:
    """Build the article `content/2021/new.md` adds, stopped right after its page moved in (before the manifest)."""
    real_replace = os.replace

    def stopped(source, target):
        real_replace(source, target)
        if str(target).endswith(os.path.join("2021", "08", "01", "new", "index.html")):
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", stopped)
    with pytest.raises(KeyboardInterrupt):
        site.build()
    monkeypatch.undo()


def test_a_list_of_a_stopped_build_never_names_the_users_files_in_a_folder_filled_again(site, monkeypatch):
    """A build stopped as it moved a new article's page in leaves the list of files it was moving beside the output.
    The author then emptied the folder and put their own files in it, one at that page's address, and built there with
    --force (the article gone meanwhile): the build took the list's page for its own, and deleted the author's file.
    A listed file the manifest does not name counts as ssg's only where it holds what the stopped build moved in."""
    site.build()
    site.write({"content/2021/new.md": article("New", "2021-08-01")})
    _stop_after_new_page_moved_in(site, monkeypatch)
    assert (site.root / ".public.ssg-moving.json").is_file()
    shutil.rmtree(site.public)
    mine = site.public / "2021/08/01/new/index.html"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own page")
    site.remove("content/2021/new.md")
    site.build(force=True)
    assert mine.read_text() == "my own page"
    assert "2021/08/01/new/index.html" not in json.loads((site.public / MANIFEST).read_text())["files"]


def test_a_file_the_author_put_where_a_stopped_build_was_to_move_its_new_page_stays_theirs(site, monkeypatch):
    """A build stopped before moving a new article's page in; the author then saved a file of their own at that page's
    address. The next build took it for its own, since the list of files being moved named it: it wrote the page over
    it, or deleted it once the article was gone. A listed file counts as ssg's only where it holds what a stopped build
    moved in (or nothing is there): the author's is refused as any file of theirs in the way, and else left alone."""
    site.build()
    site.write({"content/2021/new.md": article("New", "2021-08-01")})
    _stop_before_moving_in(site, monkeypatch)
    mine = site.public / "2021/08/01/new/index.html"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own page")
    with pytest.raises(OutputError, match="not ssg's"):
        site.build()
    assert mine.read_text() == "my own page"
    site.remove("content/2021/new.md")
    site.build()
    assert mine.read_text() == "my own page"
    assert "2021/08/01/new/index.html" not in json.loads((site.public / MANIFEST).read_text())["files"]


def test_a_rebuild_stopped_after_one_stopped_keeps_the_first_ones_new_page_for_its_own(site, monkeypatch):
    """A new article's page moved in, the build stopped; the article deleted, and the next build stopped too before its
    manifest (its list named only the files it made): the page was then in no manifest nor list, and the build after took
    it for the author's (left in the output, an article's page that is no more; the article written again, refused). Each
    list names the new files of the list before it that its build did not make: the page is deleted as ssg's."""
    site.build()
    site.write({"content/2021/new.md": article("New", "2021-08-01")})
    _stop_after_new_page_moved_in(site, monkeypatch)
    site.remove("content/2021/new.md")
    _stop_before_moving_in(site, monkeypatch)
    site.build()
    cold = site.root / "cold"
    site.build(output_dir=str(cold))
    assert tree(cold) == tree(site.public)
    site.write({"content/2021/new.md": article("New", "2021-08-01")})
    site.build()
    assert (site.public / "2021/08/01/new/index.html").is_file()


def test_a_static_file_that_becomes_a_folder_and_back(site):
    # The last build's file where a folder goes now, and its folder where a file goes: replaced, not refused nor a crash.
    site.write({"static/notes": "a file"})
    site.build()
    site.remove("static/notes")
    site.write({"static/notes/a.txt": "in a folder"})
    site.build()
    assert (site.public / "notes/a.txt").read_text() == "in a folder"
    site.remove("static/notes/a.txt")
    (site.root / "static/notes").rmdir()
    site.write({"static/notes": "a file again"})
    site.build()
    assert (site.public / "notes").read_text() == "a file again"
    assert json.loads((site.public / MANIFEST).read_text())["files"].keys() >= {"notes"}


def test_a_folder_of_the_users_where_a_file_goes_is_refused(site):
    site.build()
    (site.public / "notes").mkdir()
    (site.public / "notes/mine.txt").write_text("mine")
    site.write({"static/notes": "a file"})
    with pytest.raises(OutputError) as error:
        site.build()
    assert "is not ssg's" in str(error.value)
    assert (site.public / "notes/mine.txt").read_text() == "mine"


def test_unchanged_files_are_not_rewritten(site):
    site.build()
    mtimes = {p: (site.public / p).stat().st_mtime_ns for p in site.files()}
    result = site.build()
    assert result.changed == 0 and result.read == 0
    assert mtimes == {p: (site.public / p).stat().st_mtime_ns for p in site.files()}


def test_deleted_article_pages_are_removed_but_foreign_files_kept(site):
    site.build()
    (site.public / "CNAME").write_text("example.org")
    site.remove("content/2021/june.md")
    result = site.build(force=True)
    assert not (site.public / "2021/06").exists()
    assert (site.public / "CNAME").read_text() == "example.org"
    assert result.deleted >= 1


def test_refuses_folder_with_foreign_files_unless_forced(site):
    site.public.mkdir()
    (site.public / "mine.txt").write_text("keep me")
    with pytest.raises(OutputError, match="holds files ssg did not create"):
        site.build()
    site.build(force=True)
    assert (site.public / "mine.txt").read_text() == "keep me"


def snapshot(folder):
    """Every file and folder under `folder` with its bytes (None for a folder) and mtime: "exactly as it was"."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_forced_build_never_writes_over_nor_adopts_the_users_files(site):
    """--force builds beside the user's files; one where a page goes stops the build before anything is moved in,
    every such file named at once (and a robots.txt of the output folder's own is the user's, not the site's)."""
    site.write({"public/tags/index.html": "MYFILE", "public/robots.txt": "MYROBOTS", "public/notes/mine.txt": "keep me"})
    before = snapshot(site.public)
    with pytest.raises(OutputError) as error:
        site.build(force=True)
    assert [p.path for p in error.value.problems] == [str(site.public / "robots.txt"), str(site.public / "tags/index.html")]
    assert "this build writes /robots.txt here, but this file is not ssg's (not in .ssg-manifest.json)" in str(error.value)
    assert all("move or delete it" in p.message and "build elsewhere (-o DIR)" in p.message for p in error.value.problems)
    assert snapshot(site.public) == before
    assert not list(site.root.glob(".*.ssg-staging"))
    (site.public / "robots.txt").unlink()
    (site.public / "tags/index.html").unlink()
    site.build(force=True)
    assert (site.public / "notes/mine.txt").read_text() == "keep me"
    manifest = json.loads((site.public / ".ssg-manifest.json").read_text())["files"]
    assert "notes/mine.txt" not in manifest and "tags/index.html" in manifest and "robots.txt" in manifest


def test_a_file_where_the_build_needs_a_folder_is_named(site):
    site.write({"public/tags": "a file, not a folder"})
    with pytest.raises(OutputError) as error:
        site.build(force=True)
    assert [str(p) for p in error.value.problems] == [
        f"{site.public / 'tags'}: this build needs a folder here (for /tags/china/feed.xml), but this file is not ssg's "
        "(not in .ssg-manifest.json) and ssg will not replace it: move or delete it (a file to publish with the site goes in "
        "its static folder), or build elsewhere (-o DIR)"
    ]
    assert (site.public / "tags").read_text() == "a file, not a folder"
    assert sorted(p.name for p in site.public.iterdir()) == ["tags"]


def test_the_users_file_on_a_new_page_path_stops_a_rebuild_too(site):
    """In a folder ssg built before (no --force needed), a file put on the path of a page the next build adds."""
    site.build()
    site.write({"public/2021/06/03/new/index.html": "MINE", "public/static-note.txt": "mine too"})
    before = snapshot(site.public)
    site.write({"content/2021/new.md": article("New", "2021-06-03T09:00:00+03:00")})
    with pytest.raises(OutputError, match="new/index.html: this build writes /2021/06/03/new/index.html here"):
        site.build()
    assert snapshot(site.public) == before
    (site.public / "2021/06/03/new/index.html").unlink()
    site.build()
    assert "New" in site.page("2021/06/03/new/") and (site.public / "static-note.txt").read_text() == "mine too"


def test_a_static_robots_txt_wins_over_the_generated_one_but_not_over_the_users(site):
    site.write({"static/robots.txt": "User-agent: *\nDisallow: /drafts/\n"})
    site.build()
    assert (site.public / "robots.txt").read_text() == "User-agent: *\nDisallow: /drafts/\n"
    elsewhere = site.root / "elsewhere"
    site.write({"elsewhere/robots.txt": "MYROBOTS"})
    with pytest.raises(OutputError, match="robots.txt: this build writes /robots.txt here"):
        site.build(output_dir=str(elsewhere), force=True)
    assert (elsewhere / "robots.txt").read_text() == "MYROBOTS"


def test_the_preview_folder_is_ssgs_alone(site):
    """Inside the cache every file is ssg's: one its lost manifest no longer lists is replaced, not refused."""
    from ssg.watch import preview_config

    config = preview_config(load_config(site.root))
    preview = config.output_path
    build(config, BuildOptions(now=NOW))
    (preview / ".ssg-manifest.json").unlink()
    build(config, BuildOptions(now=NOW, force=True))
    assert (preview / ".ssg-manifest.json").is_file()


@pytest.mark.parametrize("under", ["file/sub", "file/a/b/out"])
def test_output_folder_under_a_file_is_a_clear_error_leaving_nothing_behind(site, tmp_path, under):
    """A file in the output's path fails for root too (unlike a folder without write permission)."""
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError) as error:
        site.build(output_dir=str(tmp_path / under))
    assert str(error.value) == (
        f"{tmp_path / under}: cannot create the output folder ({tmp_path / 'file'} is not a folder); "
        "build elsewhere (-o DIR or output_dir in site.yaml)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "site"] and (tmp_path / "file").read_text() == "x"


def test_output_folder_that_is_a_file_is_a_clear_error(site, tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputError, match="cannot create the output folder \\(a file of that name is there\\)"):
        site.build(output_dir=str(tmp_path / "out"))
    assert (tmp_path / "out").read_text() == "x" and not list(tmp_path.glob(".*.ssg-staging"))


def test_output_folder_without_permission_is_a_clear_error(site, tmp_path, monkeypatch):
    """Root may write anywhere, so the refusal is simulated where the staging folder is made; the output's
    parents made before it are removed again."""
    make = Path.mkdir

    def refuse(self, *args, **kwargs):
        if self.name.endswith(".ssg-staging"):
            raise PermissionError(13, "Permission denied", str(self))
        return make(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(OutputError) as error:
        site.build(output_dir=str(tmp_path / "new/deep/out"))
    assert str(error.value) == (
        f"{tmp_path / 'new/deep/out'}: cannot create the output folder (permission denied in {tmp_path / 'new/deep'}); "
        "build elsewhere (-o DIR or output_dir in site.yaml)"
    )
    assert not (tmp_path / "new").exists()


def test_failed_build_into_a_new_folder_leaves_no_parents_behind(site, tmp_path):
    site.write({"templates/tags.html": "{{ 1 / 0 }}\n"})
    with pytest.raises(TemplateError):
        site.build(output_dir=str(tmp_path / "new/deep/out"))
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("output", [".", "content", "content/sub", "..", "static", "templates", "themes/x", "i18n"])
def test_refuses_project_and_source_folders(site, output):
    with pytest.raises(OutputError):
        site.build(output_dir=str((site.root / output).resolve()))


def test_template_error_names_template_and_line(site):
    site.write({"templates/list.html": "{% extends 'base.html' %}\n{% block content %}\n{{ articles|nosuchfilter }}\n{% endblock %}\n"})
    with pytest.raises(TemplateError) as error:
        site.build()
    assert str(error.value).startswith("templates/list.html:3: No filter named 'nosuchfilter'")


def test_template_runtime_error_names_template_and_line(site):
    site.write({"templates/tags.html": "line one\n{{ 1 / 0 }}\n"})
    with pytest.raises(TemplateError) as error:
        site.build()
    assert str(error.value) == "templates/tags.html:2: ZeroDivisionError: division by zero (rendering /tags/)"


def test_site_templates_override_theme_by_name(site):
    site.write({"templates/404.html": "custom {{ url_for('tags/') }}"})
    site.build()
    assert site.page("404.html") == "custom /tags/"


def test_colliding_tag_slugs_are_both_kept_with_a_warning(project):
    project.write({"content/a.md": article("A", "2021-01-01", tags="['C++']"), "content/b.md": article("B", "2021-01-02", tags="['C']")})
    result = project.build()
    assert "C++" in project.page("tags/c/") and ">C<" in project.page("tags/c-2/")
    assert list(map(str, result.warnings)) == [
        "content/b.md:4: tags: tag 'C' has the same URL slug as 'C++'; it gets tags/c-2/ "
        "(the one with the oldest article keeps the plain URL: if they are two things, give one a distinct name)"
    ]


def test_a_tag_written_with_and_without_quotes_is_told_to_write_it_one_way(project):
    """A Russian editor's trial: «Союз МС-18» in one article and Союз МС-18 in another made two tags, tags/soyuz-ms-18/
    and tags/soyuz-ms-18-2/, and the warning said to give one a distinct name, as for two things (C and C++). Names that
    differ by their quotes alone are one thing written two ways: the warning now says to write the first one in all."""
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", tags="[«Союз МС-18»]", lang="ru"),
            "content/b.md": article("B", "2021-01-02", tags='["\\"Прогресс МС-17\\"", Союз МС-18]', lang="ru"),
            "content/c.md": article("C", "2021-01-03", tags="[„Прогресс МС-17“]", lang="ru"),
        }
    )
    assert list(map(str, project.build().warnings)) == [
        "content/c.md:4: tags: tag '„Прогресс МС-17“' has the same URL slug as '\"Прогресс МС-17\"'; it gets"
        " tags/progress-ms-17-2/ (they differ by their quotes alone: if they are one, write '\"Прогресс МС-17\"' in all of them)",
        "content/b.md:4: tags: tag 'Союз МС-18' has the same URL slug as '«Союз МС-18»'; it gets tags/soyuz-ms-18-2/"
        " (they differ by their quotes alone: if they are one, write '«Союз МС-18»' in all of them)",
    ]


def test_tags_spelt_with_e_for_yo_or_with_a_space_are_told_the_other_spelling(project):
    """An archive of many editors writes Ёлка and Елка, Space X and SpaceX: two tags, each page with part of the
    articles, and no word of it. The less used spelling is told the other on its oldest article, with both pages."""
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", tags="[Ёлка, Space X]", lang="ru"),
            "content/b.md": article("B", "2021-01-02", tags="[ёлка, Space  X]", lang="ru"),
            "content/c.md": article("C", "2021-01-03", tags="[Елка, SpaceX]", lang="ru"),
            "content/d.md": article("D", "2021-01-04", tags="[МКС, Мир]", lang="ru"),
        }
    )
    result = project.build()

    def entries(path: str) -> list[str]:  # (a title of one letter is in any page: "C" of CSS)
        return re.findall(r'<h2 class="entry__title"><a href="[^"]*">([^<]*)</a>', project.page(path))

    assert (entries("tags/yelka/"), entries("tags/yolka/")) == (["C"], ["B", "A"])
    assert (entries("tags/spacex/"), entries("tags/space-x/")) == (["C"], ["B", "A"])
    assert sorted(map(str, result.warnings)) == [
        "content/c.md:4: tags: tag 'SpaceX' is 'Space X' but for a space or hyphen, so they are two tags, tags/spacex/ (1 article) "
        "and tags/space-x/ (2): if they are one, write 'Space X' in all of them",
        "content/c.md:4: tags: tag 'Елка' is 'Ёлка' but for ё written е, so they are two tags, tags/yelka/ (1 article) and "
        "tags/yolka/ (2): if they are one, write 'Ёлка' in all of them",
    ]


def test_a_tag_written_in_latin_letters_otherwise_than_ssg_spells_its_cyrillic_is_told_the_other(project):
    """A bulk import of Russian and English outlets' news over years had Байконур (97 articles) and Baikonur (80):
    ssg spells the first baykonur, so they were two tags, tags/baykonur/ and tags/baikonur/, each page with part of the
    articles, and nothing said so, where Роскосмос and Roskosmos (one slug) were told (found in a bulk importer's
    trial). Names that differ otherwise (Китай and China, Илон Маск and Elon Musk) are not told."""
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", tags="[Байконур, Роскосмос, Китай]", lang="ru"),
            "content/b.md": article("B", "2021-01-02", tags="[Байконур, Роскосмос, Илон Маск]", lang="ru"),
            "content/c.md": article("C", "2021-01-03", tags="[Baikonur, Roscosmos, China, Elon Musk]", lang="en"),
            "content/d.md": article("D", "2021-01-04", tags="[Dmitriy Rogozin]"),
            "content/e.md": article("E", "2021-01-05", tags="[Дмитрий Рогозин]", lang="ru"),
            "content/f.md": article("F", "2021-01-06", tags="[Дмитрий Рогозин]", lang="ru"),
            # Short names alike in two alphabets are most often other things: not told (found in a second reading).
            "content/g.md": article("G", "2021-01-07", tags="[Мак, Кола, Бокс, Хит]", lang="ru"),
            "content/h.md": article("H", "2021-01-08", tags="[Mac, Cola, Box, Hit]", lang="en"),
            "content/i.md": article("I", "2021-01-09", tags="[Мак, Кола, Бокс, Хит]", lang="ru"),
        }
    )
    result = project.build()
    # The articles are in two languages: on a site in one (no `languages:`), each article's page shows a tag by its name
    # in the article's language too, so `tag_names:` is the other way (a generated bilingual archive was told only to
    # write the English name in its Russian articles).
    assert sorted(map(str, result.warnings)) == [
        "content/c.md:4: tags: tag 'Baikonur' is 'Байконур' in another alphabet, so they are two tags, tags/baikonur/ (1 "
        "article) and tags/baykonur/ (2): if they are one, write 'Байконур' in all of them, or name it once in site.yaml:"
        " tag_names: {Baikonur: {ru: Байконур}}",
        "content/c.md:4: tags: tag 'Roscosmos' is 'Роскосмос' in another alphabet, so they are two tags, tags/roscosmos/ (1 "
        "article) and tags/roskosmos/ (2): if they are one, write 'Роскосмос' in all of them, or name it once in site.yaml:"
        " tag_names: {Roscosmos: {ru: Роскосмос}}",
        "content/d.md:4: tags: tag 'Dmitriy Rogozin' is 'Дмитрий Рогозин' in another alphabet, so they are two tags,"
        " tags/dmitriy-rogozin/ (1 article) and tags/dmitry-rogozin/ (2): if they are one, write 'Дмитрий Рогозин' in all of"
        " them, or name it once in site.yaml: tag_names: {Dmitriy Rogozin: {ru: Дмитрий Рогозин}}",
    ]
    # Written as told, they are one tag, named in each article's language.
    site_yaml = project.root.joinpath("site.yaml").read_text(encoding="utf-8")
    names = "tag_names: {Baikonur: {ru: Байконур}, Roscosmos: {ru: Роскосмос}, Dmitriy Rogozin: {ru: Дмитрий Рогозин}}\n"
    project.write({"site.yaml": site_yaml + names})
    # (each page the names took away is told, with the entry that keeps its address: `redirects.renamed_listings`)
    assert [w.message.split(": tag_names: makes it one tag with ")[1].split(" now")[0] for w in project.build().warnings] == [
        "'Baikonur'",
        "'Dmitriy Rogozin'",
        "'Roscosmos'",
    ]
    assert project.build().warnings == []
    assert not project.root.joinpath("public/tags/baykonur").exists()
    assert '">Байконур</a>' in project.page("2021/01/01/a/") and '">Baikonur</a>' in project.page("2021/01/03/c/")
    project.write({"site.yaml": site_yaml})
    # On a bilingual site, the name of each language's is the other way to make them one.
    project.write({"site.yaml": SITE_YAML + "lang: ru\nlanguages: [ru, en]\n"})
    warnings = [str(w) for w in project.build().warnings if "Baikonur" in str(w)]
    assert warnings == [
        "content/c.md:4: tags: tag 'Baikonur' is 'Байконур' in another alphabet, so they are two tags, tags/baikonur/ (1 "
        "article) and tags/baykonur/ (2): if they are one, write 'Байконур' in all of them, or name it once in site.yaml:"
        " tag_names: {Байконур: {en: Baikonur}}"
    ]


def test_a_tag_in_two_alphabets_in_articles_of_one_language_is_not_offered_tag_names(project):
    """Where every article is in one language, the names are not one tag's in two languages: one spelling is the way."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: ru\n",
            "content/a.md": article("А", "2021-01-01", tags="[Байконур]"),
            "content/b.md": article("Б", "2021-01-02", tags="[Байконур]"),
            "content/c.md": article("В", "2021-01-03", tags="[Baikonur]"),
        }
    )
    (warning,) = project.build().warnings
    assert warning.message.endswith("(2): if they are one, write 'Байконур' in all of them")


def test_tags_spelt_with_a_hyphen_or_a_space_on_one_url_get_one_warning(project):
    """`Space-X` and `Space X` make one slug: the tag of the newer article gets tags/space-x-2/ with a warning naming
    both, and the warning of near spellings said it again, on the other file."""
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", tags="[Space-X]"),
            "content/b.md": article("B", "2021-01-02", tags="[Space X]"),
            "content/c.md": article("C", "2021-01-03", tags="[Space X]"),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/b.md:4: tags: tag 'Space X' has the same URL slug as 'Space-X'; it gets tags/space-x-2/ (the one with the "
        "oldest article keeps the plain URL: if they are two things, give one a distinct name)"
    ]


def test_a_new_tag_never_moves_an_older_tag_to_another_url(project):
    """МКС had tags/mks/ for years; an article tagged MKS took that URL and moved МКС to tags/mks-2/ (names sort so)."""
    project.write({"content/old.md": article("Old", "2019-01-01", tags="[МКС]", lang="ru")})
    project.build()
    assert "МКС" in project.page("tags/mks/")
    project.write({"content/new.md": article("New", "2026-01-01", tags="[MKS]")})
    result = project.build()
    assert "МКС" in project.page("tags/mks/") and "MKS" in project.page("tags/mks-2/")
    assert [w.path for w in result.warnings] == ["content/new.md"]


@pytest.mark.parametrize(("languages", "hint"), [("[en, ru]", "{Sputnik: {ru: Спутник}}"), ("[ru, en]", "{Спутник: {en: Sputnik}}")])
def test_a_tag_clashing_with_its_other_language_name_points_at_tag_names(project, languages, hint):
    """Keyed by the default language's name, with the other language's code (what docs/languages.md describes)."""
    project.write(
        {
            "site.yaml": f"title: T\nbase_url: https://example.org/\nlang: {languages[1:3]}\nlanguages: {languages}\n",
            "content/a.md": article("A", "2021-01-01", tags="[Спутник]", lang="ru"),
            "content/b.md": article("B", "2021-01-02", tags="[Sputnik]", lang="en"),
        }
    )
    result = project.build()
    assert [w.message.split("; ")[1] for w in result.warnings] == [
        f"it gets tags/sputnik-2/ (if they are one tag in two languages, name it once in site.yaml: tag_names: {hint})"
    ]


@pytest.mark.parametrize(
    ("languages", "hint"),
    [("[en, ru]", "{Dmitry Rogozin: {ru: Дмитрий Рогозин}}"), ("[ru, en]", "{Дмитрий Рогозин: {en: Dmitry Rogozin}}")],
)
def test_a_tag_clash_on_a_translation_points_at_tag_names_by_the_names_alphabets(project, languages, hint):
    """`ssg new --translation-of` copies the English tags: the Russian version carries `Dmitry Rogozin`, where Russian
    articles have `Дмитрий Рогозин`, and the warning landing on it said "give one a distinct name" (both names' first
    articles being Russian), where the one on the English original suggested `tag_names:` (a new user's trial)."""
    project.write(
        {
            "site.yaml": f"title: T\nbase_url: https://example.org/\nlang: {languages[1:3]}\nlanguages: {languages}\n",
            "content/2020/old.md": article("Старое", "2020-01-01", tags="[Дмитрий Рогозин]", lang="ru"),
            "content/2021/x.md": article("X", "2021-01-02", tags="[Dmitry Rogozin]", lang="en"),
            "content/2021/x.ru.md": article("Икс", "2021-01-02", tags="[Dmitry Rogozin]", lang="ru", translation_of="2021/x.md"),
        }
    )
    (warning,) = project.build().warnings
    assert warning.message.split("; ")[1] == (
        f"it gets tags/dmitry-rogozin-2/ (if they are one tag in two languages, name it once in site.yaml: tag_names: {hint})"
    )


def test_a_tag_clash_names_each_tag_as_its_page_shows_it(project):
    """A bulk import had Роскосмос 67 times, РОСКОСМОС 29 and Roskosmos 36: the tag's page showed Роскосмос, and the
    warning of Roskosmos's tags/roskosmos-2/ said tag_names: {РОСКОСМОС: {en: Roskosmos}}, the spelling that sorts
    first; written into site.yaml as told, it made the page show РОСКОСМОС (found in a bulk importer's trial)."""
    project.write(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/\nlang: ru\nlanguages: [ru, en]\n",
            "content/a.md": article("A", "2021-01-01", tags="[РОСКОСМОС]", lang="ru"),
            "content/b.md": article("B", "2021-01-02", tags="[Роскосмос]", lang="ru"),
            "content/c.md": article("C", "2021-01-03", tags="[Роскосмос]", lang="ru"),
            "content/d.md": article("D", "2021-01-04", tags="[Roskosmos]", lang="en"),
        }
    )
    (warning,) = project.build().warnings
    hint = "{Роскосмос: {en: Roskosmos}}"
    assert warning.message == (
        "tag 'Roskosmos' has the same URL slug as 'Роскосмос'; it gets tags/roskosmos-2/ (if they are one tag in two"
        f" languages, name it once in site.yaml: tag_names: {hint})"
    )
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + f"tag_names: {hint}\n"})
    assert not project.build().warnings
    assert '<h1 class="page-header__title">Роскосмос' in project.page("tags/roskosmos/")


def test_tags_parted_by_spaces_that_are_each_a_tag_are_warned_of(project):
    """Jekyll's `tags: Roscosmos ISS` silently made one new tag "Roscosmos ISS" where the site has both."""
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", tags="[Roscosmos, Moon]"),
            "content/b.md": article("B", "2021-01-02", tags="ISS, Alexander"),
            "content/spaced.md": article("Spaced", "2021-01-03", tags="Roscosmos ISS  # from Jekyll"),
            # Not all words tags, a list, quotes, commas: meant as written.
            "content/person.md": article("Person", "2021-01-04", tags="Alexander Bloshenko"),
            "content/listed.md": article("Listed", "2021-01-05", tags="[Roscosmos ISS]"),
            "content/quoted.md": article("Quoted", "2021-01-06", tags="'Moon ISS'"),
            "content/commas.md": article("Commas", "2021-01-07", tags="Roscosmos ISS, Moon"),
            # A Jekyll post: its author meant three tags, whatever the others have, and gets them, as Jekyll reads it
            # (a new user's archive: a warning asked to edit every post); with a comma, names parted by commas.
            "content/_posts/2019-03-05-baikonur.md": article("Baikonur", "2019-03-05", tags="Baikonur Soyuz Roscosmos"),
            "content/_posts/2019-03-06-space-station.md": article("Station", "2019-03-06", tags="Space Station, Moon"),
        }
    )
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/spaced.md:4: tags: 'Roscosmos ISS' is one tag, though each of its words is a tag already: "
        "for those, write tags: [Roscosmos, ISS]",
    ]
    assert "tags/baikonur/" in project.page("2019/03/05/baikonur/") and "tags/soyuz/" in project.page("2019/03/05/baikonur/")
    assert "tags/space-station/" in project.page("2019/03/06/space-station/")


def test_broken_article_link_is_a_warning_and_strict_fails(project):
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", "See [b](b.md)."),
            "content/2021/c.md": article("C", "2021-01-02", "One.\n\nTwo [a](../a.md), [x](../x/y.md#part)."),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/c.md:8: links to x/y.md, which is not a published article",  # the line that links
        "content/a.md:6: links to b.md, which is not a published article",
    ]
    with pytest.raises(SsgError, match="an error with --strict"):
        project.build(strict=True)


def test_links_from_the_site_root_to_nothing_the_site_has_are_warnings_on_their_lines(project):
    """Hugo and Jekyll archives link pictures and pages from the site's root (`/images/x.jpg`, `/2019/05/old/`):
    those the build writes are fine; the others are told on the line that links, with what to do."""
    body = (
        "Fine: ![logo](/images/logo.png), [home](/), [tags](/tags/), [feed](/feed.xml), [search](/search/?q=x), [b](/2021/b.md).\n\n"
        "![gone](/images/gone.png)\n\n"
        "[old post](/2019/05/old-post/)\n\n"
        "![here](/2021/pic.jpg)\n"
    )
    project.write(
        {
            "static/images/logo.png": b"png",
            "content/2021/pic.jpg": b"jpg",
            "content/2021/a.md": article("A", "2021-01-01", body),
            "content/2021/b.md": article("B", "2021-01-02", "Linked from a: [a](/2021/01/01/a/)."),
        }
    )
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/2021/a.md:8: links to /images/gone.png, which this site does not have (put the file at static/images/gone.png, "
        "or fix the path)",
        "content/2021/a.md:10: links to /2019/05/old-post/, which this site does not have (link to the article's file instead "
        "(../2021/its-name.md), which ssg makes its URL wherever it is)",
        "content/2021/a.md:12: links to /2021/pic.jpg, which this site does not have (content/2021/pic.jpg is there: link to it "
        "from this article, pic.jpg)",
    ]
    page = project.page("2021/01/01/a/")
    assert 'src="../../../../images/logo.png"' in page and 'href="../../02/b/"' in page  # (relative: they work under a sub-path)
    with pytest.raises(SsgError, match="an error with --strict"):
        project.build(strict=True)


def test_a_tag_names_entry_close_to_an_articles_tag_but_no_articles_tag_is_a_warning_on_its_line(project):
    """A typo in site.yaml `tag_names:` gave the translated names to no tag, without a word; an entry far from every tag
    may be for articles to come, and is not mentioned."""
    project.write(
        {
            "site.yaml": SITE_YAML + "tag_names:\n  Roscosmso: {ru: Роскосмос}\n  Venus Express: {ru: Венера-Экспресс}\n",
            "content/a.md": article("A", "2021-01-01", tags="[Roscosmos]"),
        }
    )
    line = (project.root / "site.yaml").read_text().split("\n").index("  Roscosmso: {ru: Роскосмос}") + 1
    assert [str(w) for w in project.build().warnings] == [
        f"site.yaml:{line}: tag_names: 'Roscosmso' is no article's tag; did you mean 'Roscosmos'? (as written, the names given here "
        "go to no tag)"
    ]
    project.write({"site.yaml": SITE_YAML + "tag_names:\n  Roscosmos: {ru: Роскосмос}\n"})
    assert project.build().warnings == []


def test_a_tag_names_entry_whose_tag_only_its_other_names_bring_is_a_typo_too(project):
    """`Roscosmso: {ru: Роскосмос}` with Russian articles: the Russian ones made a tag 'Roscosmso' apart from the English
    'Roscosmos', and the entry counted as used, so nothing was said."""
    project.write(
        {
            "site.yaml": SITE_YAML + "languages: [en, ru]\ntag_names:\n  Roscosmso: {ru: Роскосмос}\n",
            "content/a.md": article("A", "2021-01-01", tags="[Roscosmos]"),
            "content/b.md": article("Б", "2021-01-02", tags="[Роскосмос]", lang="ru"),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml:7: tag_names: 'Roscosmso' is no article's tag; did you mean 'Roscosmos'? (as written, the names given here "
        "make a tag of their own, apart from it)"
    ]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            "Roscosmos: {ru: Роскосмос}\nISS: {ru: Роскосмос}\n",  # a copied line
            "tags.yaml:2: ISS: 'Роскосмос' is already the ru name of 'Roscosmos' (one name, one tag): remove it from one of them",
        ),
        (
            "Roscosmos: {ru: Роскосмос}\nРоскосмос: {en: Roscosmos}\n",  # the same tag, written from both sides
            "tags.yaml:2: Роскосмос: 'Роскосмос' is already the ru name of 'Roscosmos' (one name, one tag): remove it from one of them",
        ),
    ],
)
def test_tag_names_that_give_one_name_to_two_tags_are_errors_on_their_line(project, entries, message):
    """A name given twice moved every article of one tag to the other, silently."""
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\ntag_names: tags.yaml\n", "tags.yaml": entries})
    with pytest.raises(ConfigError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [message]
    # In site.yaml, on the entry's line too.
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\ntag_names:\n" + "".join(f"  {line}\n" for line in entries.splitlines())})
    with pytest.raises(ConfigError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [message.replace("tags.yaml:2: ", "site.yaml:8: tag_names: ")]


def test_a_tag_names_language_the_site_lacks_is_a_warning_on_its_line(project):
    """`{fr: Lune}` on an en/ru site (or `{rus: ...}` for ru): silently, no page showed the name. A warning, not an
    error: a name kept for a language still to come builds as it did."""
    project.write(
        {
            "site.yaml": SITE_YAML + "languages: [en, ru]\ntag_names:\n  Roscosmos: {ru: Роскосмос}\n  Moon: {fr: Lune}\n",
            "content/a.md": article("A", "2021-01-01", tags="[Moon]"),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml:8: tag_names: Moon: 'fr' is not in `languages:` (en, ru): articles with that name get the tag, but no page shows "
        "the name; add the language there or correct its code"
    ]


def test_a_tag_names_entry_of_a_numbered_series_is_no_typo(project):
    """`Союз МС-25` beside `Союз МС-24`, `Прогресс МС-27` kept for articles to come: a series, not a typo (found in
    review)."""
    project.write(
        {
            "site.yaml": SITE_YAML
            + "languages: [en, ru]\ntag_names:\n  Союз МС-25: {en: Soyuz MS-25}\n  Прогресс МС-27: {en: Progress MS-27}\n",
            "content/a.md": article("A", "2021-01-01", tags="[Soyuz MS-25]"),
            "content/b.md": article("Б", "2021-01-02", tags="[Союз МС-24, Прогресс МС-26]", lang="ru"),
        }
    )
    assert project.build().warnings == []


def test_a_tag_names_entry_used_by_its_translations_only_is_no_typo_of_a_like_tag(project):
    """`Soyuz: {ru: Союз}` with Russian articles only, beside articles tagged Soyuz-2: right as written (found in
    review: any like tag was taken for the one meant)."""
    project.write(
        {
            "site.yaml": SITE_YAML + "languages: [en, ru]\ntag_names:\n  Soyuz: {ru: Союз}\n",
            "content/a.md": article("A", "2021-01-01", tags="[Soyuz-2]"),
            "content/b.md": article("Б", "2021-01-02", tags="[Союз]", lang="ru"),
        }
    )
    assert project.build().warnings == []


def test_a_tag_page_is_headed_by_the_name_the_other_pages_give_the_tag(project):
    """`tag_names: {Roscosmos: {ru: Роскосмос}}` on a Russian archive: the tags index, the article's tags and the feed
    said Роскосмос, the tag's own page was headed Roscosmos."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: ru\ntag_names:\n  Roscosmos: {ru: Роскосмос}\n",
            "content/a.md": article("Запуск", "2021-01-01", tags="[Roscosmos]"),
        }
    )
    project.build()
    page = project.page("tags/roscosmos/")
    assert '<h1 class="page-header__title">Роскосмос</h1>' in page and "Roscosmos" not in page.split("<body")[1]
    assert "<title>Роскосмос" in page


def test_manifest_lists_what_was_written(site):
    site.build()
    manifest = json.loads((site.public / ".ssg-manifest.json").read_text())
    assert set(manifest["files"]) == set(site.files()) - {".ssg-manifest.json"}


def test_manifest_is_sorted_by_path_whatever_order_files_were_made_in(site):
    """The manifest's bytes depend only on what it lists (a reproducible output folder): files are made in the
    pipeline's order (pages, feeds, the sitemap, the index), and listed by path."""
    site.build()
    text = (site.public / MANIFEST).read_text(encoding="utf-8")
    files = json.loads(text)["files"]
    assert list(files) == sorted(files)
    about = {"generator": "ssg", "umask": f"{current_umask():03o}"}
    assert text == json.dumps({**about, "files": files}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_same_instant_in_two_offsets_prints_each_local_time(project):
    project.write(
        {
            "content/a.md": article("A", "2024-05-22T12:42:00+01:00"),
            "content/b.md": article("B", "2024-05-22T14:42:00+03:00"),
        }
    )
    project.build()
    assert "12:42" in project.page("2024/05/22/a/") and "2:42" in project.page("2024/05/22/b/")


def test_article_opening_with_an_image_is_summarised_by_its_first_text(project):
    body = "![Pic](../images/x.png)\n\nThen text.\n\nMore."
    project.write({"content/2021/s.md": article("S", "2021-06-05", body), "content/images/x.png": b"\x89PNG fake"})
    project.build()
    page = project.page("2021/06/05/s/")
    assert '<meta name="description" content="Then text.">' in page
    assert '<meta property="og:description" content="Then text.">' in page
    assert '<p class="entry__summary">Then text.</p>' in project.page("")


def test_an_article_summarised_up_to_its_more_marker(project):
    body = "Soyuz *lifted off*.\n\nIt docked.\n\n<!--more-->\n\nThe crew went aboard."
    project.write({"content/2021/s.md": article("S", "2021-06-05", body)})
    project.build()
    page = project.page("2021/06/05/s/")
    assert '<meta name="description" content="Soyuz lifted off. It docked.">' in page and "more-->" not in page
    assert "<p>It docked.</p>\n<p>The crew went aboard.</p>" in page
    assert '<p class="entry__summary">Soyuz lifted off. It docked.</p>' in project.page("")


def test_an_output_folder_inside_the_cache_still_keeps_the_users_files(site):
    # Only the preview's own folder there is ssg's alone; any other output folder is the user's to share.
    site.write({"site.yaml": site.root.joinpath("site.yaml").read_text() + "output_dir: _build/html\ncache_dir: _build\n"})
    site.build()
    out = site.root / "_build/html"
    mine = out / "2021/08/01/new/index.html"
    mine.parent.mkdir(parents=True)
    mine.write_text("MINE")
    site.write({"content/2021/new.md": article("New", "2021-08-01")})
    with pytest.raises(OutputError):
        site.build()
    assert mine.read_text() == "MINE"


def test_the_languages_hint_starts_with_the_sites_own(project):
    # Following the hint must not lead to the next error ("lang: 'en' is not one of `languages:`").
    project.write({"content/x.de.md": article("Mond", "2021-01-01"), "content/x.ru.md": article("Луна", "2021-01-01")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert "(languages: [en, de, ru]; see docs/languages.md)" in str(error.value)


def test_a_folder_put_where_ssgs_file_was_is_left_alone(site):
    site.write({"static/notes": "a file"})
    site.build()
    (site.public / "notes").unlink()
    (site.public / "notes").mkdir()
    (site.public / "notes/mine.txt").write_text("mine")
    site.write({"static/notes": "a file, changed"})
    with pytest.raises(OutputError, match="is not ssg's"):
        site.build()
    assert (site.public / "notes/mine.txt").read_text() == "mine"


def test_two_language_folders_without_lang_point_to_lang(project):
    # docs/languages.md: en/2021/launch.md and ru/2021/launch.md are versions of one article once each says its language.
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\n"})
    project.write(
        {"content/en/2021/launch.md": article("Launch", "2021-06-01"), "content/ru/2021/launch.md": article("Запуск", "2021-06-01")}
    )
    with pytest.raises(ContentError, match="in the same language: if one translates the other, give it its `lang:`"):
        project.build()
    project.write({"content/ru/2021/launch.md": article("Запуск", "2021-06-01", lang="ru")})
    project.build()
    assert "Запуск" in project.page("ru/2021/06/01/launch/")


def test_a_static_file_where_a_feed_or_page_goes_is_named_with_it(site):
    site.write({"static/feed.xml": "<mine/>", "static/tags/index.html": "mine"})
    with pytest.raises(ContentError) as error:
        site.build()
    # (named from the project, as every other problem is, each with what to do: the second was absolute, and said nothing)
    assert str(error.value).splitlines() == [
        "static/feed.xml: would overwrite /feed.xml of the feed 'Test archive', which ssg writes there: give this file another name",
        "static/tags/index.html: would overwrite /tags/index.html of the tags page: give this file another name, or remove it",
    ]


def test_a_static_latest_js_of_the_site_is_named_with_what_to_do(site):
    """latest.js is new in the output: a site that had a script of that name learns it must rename it, and nothing is written."""
    site.build()
    before = (site.public / "latest.js").read_bytes()
    site.write({"static/latest.js": "console.log('mine');\n"})
    with pytest.raises(ContentError) as error:
        site.build()
    assert str(error.value).splitlines() == [
        "static/latest.js: would overwrite /latest.js of the latest articles' list, which ssg writes there: give this file another name"
    ]
    assert (site.public / "latest.js").read_bytes() == before


def test_a_manifest_naming_files_outside_the_output_deletes_none_of_them(site, tmp_path):
    """The manifest is a file anyone can edit (or damage): an entry that leads out of the output folder, by `..`, an
    absolute path or a link to a folder elsewhere, is not ssg's file, and a rebuild that finds it gone deletes nothing
    there (it deleted each, and then every empty folder above one, up to the root)."""
    site.build()
    outside = tmp_path / "outside"
    (outside / "empty/chain").mkdir(parents=True)
    for name in ("precious.txt", "absolute.txt", "linked/kept.txt"):
        (outside / name).parent.mkdir(parents=True, exist_ok=True)
        (outside / name).write_text("mine")
    (site.public / "linked").symlink_to(outside / "linked")
    manifest = json.loads((site.public / MANIFEST).read_text())
    relative = os.path.relpath(outside, site.public)
    for path in (f"{relative}/precious.txt", str(outside / "absolute.txt"), f"{relative}/empty/chain/x", "linked/kept.txt"):
        manifest["files"][path] = ["0" * 32, "x"]
    (site.public / MANIFEST).write_text(json.dumps(manifest))
    site.build()
    assert all((outside / name).read_text() == "mine" for name in ("precious.txt", "absolute.txt", "linked/kept.txt"))
    assert (outside / "empty/chain").is_dir()
    assert not {path for path in json.loads((site.public / MANIFEST).read_text())["files"] if ".." in path or path.startswith("/")}


def fail_moving_in(monkeypatch: pytest.MonkeyPatch, nth: int, fault: BaseException) -> None:
    """`fault` raised as the build moves its `nth` staged file into the output folder (a Ctrl-C, a refused file)."""
    real_replace, moves = os.replace, []

    def replace(source, target):
        if ".ssg-staging" in str(source) and not str(target).endswith(".json"):
            moves.append(target)
            if len(moves) == nth:
                raise fault
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)


def test_a_commit_stopped_halfway_then_a_reverted_edit_makes_the_first_sites_pages(site, monkeypatch):
    """Pages moved in by a stopped build hold its text while their entries still said the last build's: an author who
    undid the edit and built again got some pages of the undone edit (the build even took itself as up to date)."""
    site.build()
    first = tree(site.public)
    yaml = site.root.joinpath("site.yaml").read_text()
    site.write({"site.yaml": yaml.replace("Test archive", "Renamed archive")})
    fail_moving_in(monkeypatch, 5, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        site.build()
    monkeypatch.undo()
    site.write({"site.yaml": yaml})
    site.build()
    assert tree(site.public) == first


def test_two_builds_into_one_folder_at_once_the_second_is_refused_by_name(site):
    """Two builds at once (a `build --watch` and a `build`) share the staging folder: each removed the other's files from
    it, one crashed halfway through moving in and the other blamed a file in the way. The second now says what it is."""
    site.build()
    before = tree(site.public)
    first = Output(site.public)
    with pytest.raises(OutputError, match="another ssg build is writing this folder now"):
        site.build(base_url="https://other.example.org/")
    assert tree(site.public) == before and (site.root / ".public.ssg-staging").is_dir()
    first.abort()
    site.build(base_url="https://other.example.org/")
    assert not [p.name for p in site.root.iterdir() if p.name.startswith(".public.")]


@pytest.mark.parametrize("when", ["staging", "moving"])
def test_a_full_disk_is_a_message_naming_the_file_and_the_output_stays_or_is_remade(site, monkeypatch, when):
    """A write failing as on a full disk: one line naming the output file, what to do, and what state the folder is in
    (it was a traceback). One failing as the files are moved in left part of the build in the output folder (a
    careless user's trial): now what was moved in is taken out, and the folder is as the last build left it."""

    site.build()
    before = tree(site.public)
    site.write({"site.yaml": site.root.joinpath("site.yaml").read_text().replace("Test archive", "Renamed archive")})

    def full(path, *args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    if when == "staging":  # a staged file on a full disk: made, but every write fails (and names no file)
        real_open, real_write, real_close, staged = os.open, os.write, os.close, set()

        def opened(path, *args, **kwargs):
            handle = real_open(path, *args, **kwargs)
            if "ssg-staging" in str(path):
                staged.add(handle)
            return handle

        def write(handle, data):
            if handle in staged:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(handle, data)

        def closed(handle):
            staged.discard(handle)
            real_close(handle)

        monkeypatch.setattr(os, "open", opened)
        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "close", closed)
    else:  # (the fourth file moved in fails: the three before are taken out again, their last versions put back)
        real_replace, moves = os.replace, []
        monkeypatch.setattr(
            os, "replace", lambda a, b: (full if "ssg-staging" in str(a) and len(moves.append(b) or moves) == 4 else real_replace)(a, b)
        )
    with pytest.raises(OutputError) as error:
        site.build()
    [problem] = error.value.problems
    assert problem.path.startswith(str(site.public) + os.sep) and "no space left on device: make room on that disk" in problem.message
    assert os.path.splitext(problem.path)[1] in (".html", ".xml", ".js", ".json", ".css", ".txt")  # (not the staged file's hash)
    assert not (site.root / ".public.ssg-staging").exists() and not (site.root / ".public.ssg-lock").exists()
    monkeypatch.undo()
    assert "(the output folder is as the last build left it)" in problem.message and tree(site.public) == before
    site.build()
    assert "Renamed archive" in site.page("") and not (site.root / ".public.ssg-moving.json").exists()


def test_a_full_disk_on_a_first_build_says_no_output_folder_was_made(site, monkeypatch):
    """It said "the output folder is as the last build left it", where no build had made one."""
    real_write = os.write

    def write(handle, data):
        if "ssg-staging" in os.readlink(f"/proc/self/fd/{handle}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(OutputError) as error:
        site.build()
    [problem] = error.value.problems
    assert problem.message == "no space left on device: make room on that disk, or build elsewhere (-o DIR) (no output folder was made)"
    assert not site.public.exists() and not [p.name for p in site.root.iterdir() if p.name.startswith(".public.")]


@pytest.mark.parametrize("builder", ["one-shot", "long-lived"])  # (the preview's and --watch's set files aside in a trash folder)
@pytest.mark.parametrize("refused", ["replaced", "removed"])
def test_a_file_that_cannot_be_replaced_or_removed_leaves_the_output_as_the_last_build_did(site, monkeypatch, refused, builder):
    """A file of the output that refuses to be replaced or removed (made immutable, `chattr +i`; another user's in a
    shared folder), found only as the build moved its files in: the output held part of the new build, pages of two
    builds linking each other (a careless user's trial). Now the files moved in are taken out, those replaced and
    removed put back, the folders made for new pages removed, and the next build that can makes the whole site."""
    config, options = load_config(site.root), BuildOptions(now=NOW, jobs=1)
    keeper = Builder()
    build = site.build if builder == "one-shot" else lambda: keeper.build(config, options)
    build()
    site.write({"content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00", "Edited.", tags="[China]")})
    build()  # (the long-lived builder's trash then holds a spare, which the next build stages in and swaps in)
    before = tree(site.public)
    folders = sorted(p for p in site.public.rglob("*") if p.is_dir())
    site.remove("content/2020/first.md")  # (its pages and its day's, month's and year's go)
    site.write({"content/2022/new.md": article("New one", "2022-03-01", tags="[Mars]")})  # (new folders: 2022/, tags/mars/)
    locked = str(site.public / ("index.html" if refused == "replaced" else "2020/12/31/first/index.html"))

    def refusing(real):
        def call(*args, **kwargs):
            if locked in map(str, args[:2]):
                raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), locked)
            return real(*args, **kwargs)

        return call

    for name in ("replace", "rename", "unlink", "link"):
        monkeypatch.setattr(os, name, refusing(getattr(os, name)))
    exchange = ssg.output._exchange  # (renameat2's: the long-lived builder swaps a spare in)
    monkeypatch.setattr(ssg.output, "_exchange", lambda a, b: errno.EPERM if locked in (a, b) else exchange(a, b))
    with pytest.raises(OutputError) as error:
        build()
    monkeypatch.undo()
    [problem] = error.value.problems
    assert problem.path == locked and problem.message.startswith("operation not permitted: make it writable")
    assert problem.message.endswith("(the output folder is as the last build left it)")
    assert tree(site.public) == before and sorted(p for p in site.public.rglob("*") if p.is_dir()) == folders
    if builder == "one-shot":
        assert not [p.name for p in site.root.iterdir() if p.name.startswith(".public.")]
    build()
    site.build(output_dir=str(site.root / "cold"))
    assert tree(site.public) == tree(site.root / "cold")


def test_a_commit_that_fails_after_a_stopped_one_keeps_what_the_next_build_needs(site, monkeypatch):
    """A second reading: a commit that failed while resuming one stopped by Ctrl-C put back the stopped build's files
    and deleted its list of them, so the manifest described the build before: an edit undone then built as up to date
    with the edit's pages in, and a tag page it added was "not ssg's". Now the list stays, and the next build makes
    the rest."""
    site.build()
    first = tree(site.public)
    yaml = site.root.joinpath("site.yaml").read_text()
    site.write({"site.yaml": yaml.replace("Test archive", "Renamed archive")})
    site.write({"content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00", tags="[China, Brandnewtag]")})
    fail_moving_in(monkeypatch, 6, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        site.build()
    monkeypatch.undo()
    fail_moving_in(monkeypatch, 6, PermissionError(errno.EPERM, "Operation not permitted"))
    with pytest.raises(OutputError) as error:
        site.build()
    monkeypatch.undo()
    assert "(the output folder is as the last build, stopped while moving files in, left it;" in str(error.value)
    site.write({"site.yaml": yaml, "content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00", tags="[China]")})
    site.build()
    assert tree(site.public) == first


def test_a_commit_that_fails_puts_back_a_folder_a_file_took_the_place_of(site, monkeypatch):
    """A second reading: where this build's file goes in place of the last build's folder (static/x/a.txt, then a file
    static/x), the folder was removed first, and a failure after it said the output was as the last build left it."""
    site.write({"static/x/a.txt": "in a folder"})
    site.build()
    before = tree(site.public)
    shutil.rmtree(site.root / "static/x")
    site.write({"static/x": "a file now"})
    target, real_replace, tries = str(site.public / "x"), os.replace, []

    def refused(source, destination):
        if str(destination) == target and ".ssg-staging" in str(source):
            tries.append(source)
            if len(tries) == 2:  # (the first met the folder: IsADirectoryError)
                raise PermissionError(errno.EPERM, "Operation not permitted", target)
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OutputError) as error:
        site.build()
    monkeypatch.undo()
    assert "(the output folder is as the last build left it)" in str(error.value) and tree(site.public) == before
    site.build()
    assert (site.public / "x").read_text() == "a file now"


def test_a_damaged_manifest_is_one_error_naming_it(site):
    """A manifest that is not JSON (a merge conflict where the output is kept in git) made every file of the folder
    the user's: the build refused each one alone, 30 errors that never named the cause."""
    site.build()
    before = tree(site.public)
    (site.public / MANIFEST).write_text("<<<<<<< HEAD\n{}\n=======\n")
    with pytest.raises(OutputError) as error:
        site.build()
    [problem] = error.value.problems
    assert problem.path == str(site.public / MANIFEST) and problem.message.startswith("is damaged")
    assert tree(site.public) == before


def test_a_warning_about_a_date_far_ahead_goes_once_the_date_is_near(project):
    """The warning depends on the day of the build: a later build of the same files is not the last one again."""
    project.write({"content/now.md": article("Now", "2025-12-31"), "content/later.md": article("Later", "2027-06-01")})
    first = build(load_config(project.root), BuildOptions(now=datetime(2026, 1, 1, tzinfo=UTC)))
    assert [w.field for w in first.warnings] == ["date"]
    again = build(load_config(project.root), BuildOptions(now=datetime(2026, 8, 1, tzinfo=UTC)))  # (10 months ahead: scheduled)
    assert not again.up_to_date and again.warnings == [] and again.later_left_out == 1


def test_hugos_publish_and_expiry_dates_are_judged_by_each_build_not_by_the_reading_of_the_file(project):
    """Hugo's `publishDate` and `expiryDate` were judged when the file was read, and what a file reads as is cached: an
    article scheduled for a day to come stayed out after the day, one to be taken down stayed online after it, until
    the file changed; and a cold build then differed from the cached one. Each build judges them by its own time, the
    one after the day included (the last build's "nothing changed" holds until then)."""
    project.write(
        {
            "content/2026/old.md": article("Old", "2025-12-01"),
            "content/2026/scheduled.md": article("Scheduled", "2025-12-02", publishDate="2026-03-01T09:00:00+03:00"),
            "content/2026/expiring.md": article("Expiring", "2025-12-03", expiryDate="2026-06-01"),
            "content/pages/offer.md": "---\ntitle: Offer\nexpiryDate: 2026-06-01\n---\nUntil June.\n",
        }
    )
    config = load_config(project.root)

    def built(when: datetime) -> tuple[BuildResult, list[str]]:
        result = build(config, BuildOptions(now=when))
        return result, sorted(p.parent.name for p in project.public.glob("2025/12/0[1-3]/*/index.html"))

    january, listed = built(datetime(2026, 1, 1, tzinfo=UTC))
    assert listed == ["expiring", "old"] and (january.later_left_out, january.drafts_left_out) == (1, 0)
    assert (project.public / "offer/index.html").exists()
    same, _ = built(datetime(2026, 2, 1, tzinfo=UTC))
    assert same.up_to_date
    march, listed = built(datetime(2026, 3, 2, tzinfo=UTC))  # (the files unchanged, read from the cache)
    assert not march.up_to_date and listed == ["expiring", "old", "scheduled"] and march.later_left_out == 0
    july, listed = built(datetime(2026, 7, 1, tzinfo=UTC))
    assert listed == ["old", "scheduled"] and july.drafts_left_out == 2 and not (project.public / "offer/index.html").exists()
    with_drafts = build(config, BuildOptions(now=datetime(2026, 7, 1, tzinfo=UTC), drafts=True))
    assert with_drafts.drafts_left_out == 0 and (project.public / "2025/12/03/expiring/index.html").exists()
    # A cold build of the same day makes the same site.
    kept = tree(project.public)
    shutil.rmtree(project.root / ".ssg-cache")
    build(config, BuildOptions(now=datetime(2026, 7, 1, tzinfo=UTC), drafts=True))
    assert tree(project.public) == kept


def test_a_hugo_shortcode_written_over_several_lines_renders_as_on_one(project):
    """A user trial moving from Hugo: `{{< figure` with its parameters on the lines below and `>}}` on its own (which
    Hugo renders as a figure) stayed text, `>}}` a quote, and the warning had no line and misquoted it ('... }}')."""
    one = 'Docked.\n\n{{< figure src="dock.jpg" caption="Docking" >}}\n\nAfter {{< notice type="x" >}} end.\n'
    several = 'Docked.\n\n{{< figure\n    src="dock.jpg"\n    caption="Docking"\n>}}\n\nAfter {{< notice\n  type="x"\n>}} end.\n'
    several += '\n```\n{{< figure\n  src="x.jpg"\n>}}\n```\n'  # (in code: as written)
    project.write(
        {
            "content/2021/one/index.md": article("One", "2021-05-24", one),
            "content/2021/one/dock.jpg": b"jpeg",
            "content/2021/several/index.md": article("Several", "2021-05-25", several),
            "content/2021/several/dock.jpg": b"jpeg",
        }
    )
    told = '{{< notice type="x" >}} is a Hugo shortcode, which ssg does not run: it shows as text (write Markdown or HTML in its place)'
    assert [str(w) for w in project.build().warnings] == [
        f"content/2021/one/index.md:10: {told}",
        f"content/2021/several/index.md:13: {told}",
    ]

    def body(page: str) -> str:
        return page.split("<p>Docked.</p>", 1)[1].split("end.</p>", 1)[0]

    figure = body(project.page("2021/05/25/several/"))
    assert (
        figure == body(project.page("2021/05/24/one/")).replace("/one/", "/several/")
        and "<figcaption>" in figure
        and "<blockquote>" not in figure
    )
    assert "<pre><code>{{&lt; figure\n  src=&quot;x.jpg&quot;\n&gt;}}\n</code></pre>" in project.page("2021/05/25/several/")


def test_a_hugo_figure_copies_and_links_its_picture_and_other_shortcodes_are_warned_on_their_lines(project):
    """A page bundle's picture shown only by `{{< figure >}}` was not copied: the shortcode was text."""
    body = (
        "Launch.\n\n"  # line 6
        '{{< figure src="rocket.jpg" caption="The *Soyuz*" link="./big.jpg" >}}\n\n'  # line 8
        "{{< notice >}}\n\n"  # line 10
        '{{< figure src="/images/logo.png" >}} {{</* notice */>}}\n\n'  # line 12
        '{{< figure src="lost.jpg" >}}\n'  # line 14
    )
    project.write(
        {
            "content/2021/soyuz/index.md": article("Soyuz", "2021-05-24", body),
            "content/2021/soyuz/rocket.jpg": b"jpeg",
            "content/2021/soyuz/big.jpg": b"big",
            "static/images/logo.png": b"png",
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value).startswith("content/2021/soyuz/index.md:14: linked file '2021/soyuz/lost.jpg' not found")
    project.write({"content/2021/soyuz/index.md": article("Soyuz", "2021-05-24", body.replace("lost.jpg", "rocket.jpg"))})
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/2021/soyuz/index.md:10: {{< notice >}} is a Hugo shortcode, which ssg does not run: it shows as text "
        "(write Markdown or HTML in its place)"
    ]
    files = project.files()
    assert files["2021/soyuz/rocket.jpg"] == b"jpeg" and files["2021/soyuz/big.jpg"] == b"big"
    page = project.page("2021/05/24/soyuz/")
    assert '<figure><a href="../../../soyuz/big.jpg"><img alt="The Soyuz" src="../../../soyuz/rocket.jpg"></a>' in page
    assert '<img alt="" decoding="async" loading="lazy" src="../../../../images/logo.png">' in page and "{{&lt; notice &gt;}}" in page


def test_a_long_lived_builder_sets_replaced_files_aside_and_writes_over_them_later(project, monkeypatch):
    """Freeing a replaced file's blocks took 0.13 ms a file on our box, 0.12 s of a save that moves a date: the
    preview's builder sets the files it replaces or deletes aside; its next builds write over them rather than make
    files (0.35-0.8 ms each), it keeps `SPARES_KEPT` of them when the author pauses (`tidy`) and removes them all when
    it stops; a one-shot build removes what a stopped one left. The output is the same either way."""
    monkeypatch.setattr(ssg.build, "SPARES_KEPT", 3)
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00"), "content/b.md": article("B", "2021-01-02T10:00:00+03:00")})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    trash = project.root / ".public.ssg-trash"
    page = project.public / "2021/01/01/a/index.html"
    before, gone = page.read_bytes(), (project.public / "2021/01/02/b/index.html").read_bytes()
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00", "Edited.")})
    project.remove("content/b.md")
    result = builder.build(config, options)
    aside = sorted(path.read_bytes() for path in trash.iterdir() if path.name != ".ssg-trash")  # (its mark: the folder is ssg's)
    assert before in aside and gone in aside and result.deleted < len(aside) <= result.changed + result.deleted
    assert b"Edited." in page.read_bytes()
    text = (project.public / MANIFEST).read_text(encoding="utf-8")  # (its entries kept where files were, others made)
    about = {"generator": "ssg", "umask": f"{current_umask():03o}"}
    assert text == json.dumps({**about, "files": json.loads(text)["files"]}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    incremental = project.files()
    builder.tidy()
    kept = {path.name: path.read_bytes() for path in trash.iterdir() if path.name != ".ssg-trash"}
    assert len(kept) == 3 and set(kept.values()) <= set(aside)  # (the last set aside)
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00", "Again.")})
    written = builder.build(config, options).changed
    # Each written over as one of its files, then swapped with the file it replaced, which has its name now (or, where
    # none can be swapped, moved in).
    now = {path.name: path.read_bytes() for path in trash.iterdir()}
    assert all(now.get(name) != data for name, data in kept.items()) and written >= 3
    assert b"Again." in page.read_bytes() and _without_manifest(project.files()) == _cold(project)
    _stopped_then_killed(project, builder, trash, "content/a.md", article("A", "2021-01-01T10:00:00+03:00", "Once more."))
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00", "Edited.")})
    project.build()  # a one-shot build: nothing set aside, and what was is gone
    assert project.files() == incremental and not trash.exists()


def _stopped_then_killed(project, builder: Builder, folder: Path, path: str, text: str) -> None:
    """The preview's builder stops (`empty_trash`), which removes `folder` (its trash, its staging folder); a later one
    that builds once and is killed before it stops leaves `folder` there again (for the next build to deal with)."""
    builder.empty_trash()  # (as the preview does when it stops)
    assert not folder.exists()
    project.write({path: text})
    builder.build(load_config(project.root), BuildOptions(now=NOW, jobs=1))
    assert folder.is_dir()


def test_a_long_lived_builder_leaves_its_staging_folder_empty_for_its_next_build(project):
    """Removing the staging folder a save moved a thousand files out of, and making it again, took 20-30 ms of each
    moved date's save at 10,000 articles: the preview's builder leaves it there, empty, for its next build, and removes
    it when it stops; what a stopped build left in it is removed first; a one-shot build leaves none. The output is
    the same either way."""
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00"), "content/b.md": article("B", "2021-01-02T10:00:00+03:00")})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    staging = project.root / ".public.ssg-staging"
    project.build()
    assert not staging.exists()
    builder = Builder()
    builder.build(config, options)
    project.write({"content/a.md": article("A", "2021-02-01T10:00:00+03:00", "Moved.")})
    builder.build(config, options)
    assert staging.is_dir() and not list(staging.iterdir())
    (staging / "left-by-a-stopped-build").write_text("x")
    project.write({"content/c.md": article("C", "2021-03-01T10:00:00+03:00")})
    builder.build(config, options)
    assert staging.is_dir() and not list(staging.iterdir())
    assert _without_manifest(project.files()) == _cold(project)
    _stopped_then_killed(project, builder, staging, "content/c.md", article("C", "2021-03-01T10:00:00+03:00", "Edited."))
    project.write({"content/c.md": article("C", "2021-03-01T10:00:00+03:00", "Edited again.")})
    project.build()  # a one-shot build removes it
    assert not staging.exists() and _without_manifest(project.files()) == _cold(project)


def test_a_preview_stopping_leaves_the_staging_folder_of_a_build_under_way(project):
    """A preview that stops removes the staging folder its builds left empty; a `build` into the same folder under way
    then has one just as empty until it stages its first file, and lost it (its build failed: no such file). One
    another build holds the lock of is left to it."""
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00")})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    staging = project.root / ".public.ssg-staging"
    builder = Builder()
    builder.build(config, options)
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00", "Edited.")})
    builder.build(config, options)
    assert staging.is_dir() and not list(staging.iterdir())
    lock = working_path(project.public, "lock")
    held = hold_lock(lock)  # (another build's: `Output` holds it from making its staging folder on)
    try:
        builder.empty_trash()
        assert staging.is_dir()
    finally:
        release_lock(lock, held)
    builder.empty_trash()
    assert not staging.exists() and not lock.exists()


def test_a_long_lived_builders_save_after_one_stopped_as_it_removed_files_makes_them_again(project, monkeypatch):
    """A preview's save stopped as it removed a deleted article's pages (after the first): its manifest was still the
    one the preview last wrote, whose files it trusts to be there without looking. The article written again, the
    next save took the removed page for kept, and it stayed missing until the preview restarted."""
    a, b = article("A", "2021-01-01T10:00:00+03:00"), article("B", "2021-02-01T10:00:00+03:00", tags="[Solo]")
    project.write({"content/a.md": a, "content/b.md": b})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    project.remove("content/b.md")

    def stopped(self, path):
        raise KeyboardInterrupt

    monkeypatch.setattr(Output, "_remove_empty_parents", stopped)
    with pytest.raises(KeyboardInterrupt):
        builder.build(config, options)
    monkeypatch.undo()
    project.write({"content/b.md": b})
    builder.build(config, options)
    assert _without_manifest(project.files()) == _cold(project)


def test_a_file_set_aside_that_a_backup_links_to_is_never_written_over(project):
    """A backup of the output made with hard links (`cp -al`, rsync's --link-dest) shares its files: a file the preview's
    builder set aside is then linked from the backup too, and writing over it would change the backup. Such files are
    let go, and new ones made."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    backup = project.root / "backup"
    for path in sorted(project.public.rglob("*")):
        if path.is_file():
            (backup / path.relative_to(project.public)).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, backup / path.relative_to(project.public))
    before = tree(backup)
    for n, body in enumerate(["Edited.", "Again.", "Once more."]):
        project.write({f"content/{1 + n % 3}.md": article(f"A{1 + n % 3}", f"2021-01-0{1 + n % 3}T10:00:00+03:00", body)})
        builder.build(config, options)
    assert tree(backup) == before and _without_manifest(project.files()) == _cold(project)


def test_a_file_set_aside_that_a_program_holds_open_is_never_written_over(project):
    """A program that holds a page open as a save replaces it (`less`, an rsync or tar of the output under way, a web
    server sending it) holds the file the builder sets aside: a later save wrote another page over it, and the program
    read that page's bytes (found in review: a page held across five saves read as another). Such files are let go,
    and new ones made: a reader of the output sees the file it opened, as with any atomic replace."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    before = tree(project.public)
    held = {path: open(project.public / path, "rb") for path in before}  # noqa: SIM115 (closed below)
    try:
        for body in ["Edited.", "Again.", "Once more.", "Four."]:
            project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00", body) for n in range(1, 4)})
            builder.build(config, options)
        assert {path: handle.read() for path, handle in held.items()} == before
    finally:
        for handle in held.values():
            handle.close()
    assert _without_manifest(project.files()) == _cold(project)


def test_a_file_linked_as_a_save_runs_is_never_written_over(project, monkeypatch):
    """A backup made with hard links as a save runs (`cp -al` of an output whose working files are inside it, on a disk
    of its own) may link a file set aside after the build listed it as one to write over: it is looked at again once
    open, and let go."""
    import ssg.output

    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    backup, listed, linked = project.root / "backup", ssg.output.Spares._listed, {}
    backup.mkdir()

    def linked_meanwhile(self):
        spares = listed(self)
        for files in spares.values():
            for path in files:
                os.link(path, backup / os.path.basename(path))
                linked[os.path.basename(path)] = Path(path).read_bytes()
        return spares

    monkeypatch.setattr(ssg.output.Spares, "_listed", linked_meanwhile)
    for body in ["Edited.", "Again.", "Once more."]:
        project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00", body) for n in range(1, 4)})
        builder.build(config, options)
    assert linked and tree(backup) == linked and _without_manifest(project.files()) == _cold(project)


@pytest.mark.parametrize("first", [True, False])
def test_files_are_made_with_the_mode_the_umask_gives(project, first):
    """Staged files are made with one `os.open` each (not Python's file objects, a fifth of a build's system calls):
    with the mode `open(path, "wb")` gives a file (0o666 less the umask), whole, in a first build (a tree of folders
    staged) as in one into a folder that is there (staged side by side)."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00", "Body " * 3000) for n in range(1, 3)})
    if not first:
        project.build()
        project.write({"content/1.md": article("A1", "2021-01-01T10:00:00+03:00", "Edited " * 3000)})
    umask = os.umask(0o027)
    try:
        project.build()
    finally:
        os.umask(umask)
    made = [p for p in project.public.rglob("*") if p.is_file() and p.name != MANIFEST and (first or "Edited" in p.read_text())]
    assert made and {stat.S_IMODE(p.stat().st_mode) for p in made} == {0o640}
    assert _without_manifest(project.files()) == _cold(project)


@contextlib.contextmanager
def umask_of(mask: int) -> Iterator[None]:
    before = os.umask(mask)
    try:
        yield
    finally:
        os.umask(before)


def modes(folder: Path) -> dict[str, set[int]]:
    """The modes of a built folder's files and of its folders (itself too)."""
    found = [folder, *folder.rglob("*")]
    return {
        "files": {stat.S_IMODE(p.stat().st_mode) for p in found if p.is_file()},
        "folders": {stat.S_IMODE(p.stat().st_mode) for p in found if p.is_dir()},
    }


@pytest.mark.parametrize("folder_made_by", ["ssg", "the user, private"])
def test_a_build_under_another_umask_gives_the_files_it_keeps_its_modes(project, tmp_path, folder_made_by):
    """A build under umask 027 (a cron job's), then an edit built under 022 (a shell's): the files it kept kept 640
    and its folders 750, pages some readable to the web server and some not (403s), until public/ was deleted (a new
    user's trial). Now each file and each folder a build made takes the new umask's mode, even where nothing else
    changed; an output folder the user made private keeps its mode."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    if folder_made_by == "the user, private":
        project.public.mkdir(mode=0o700)
    with umask_of(0o027):
        project.build()
    assert modes(project.public) == {"files": {0o640}, "folders": {0o750} | ({0o700} if folder_made_by == "the user, private" else set())}
    project.write({"content/1.md": article("A1", "2021-01-01T10:00:00+03:00", "Edited.")})
    with umask_of(0o022):
        project.build()
    assert modes(project.public) == {"files": {0o644}, "folders": {0o755} | ({0o700} if folder_made_by == "the user, private" else set())}
    with umask_of(0o077):
        project.build()  # (nothing else changed)
    assert modes(project.public) == {"files": {0o600}, "folders": {0o700}}
    assert _without_manifest(project.files()) == _cold(project)


def test_a_build_under_another_umask_keeps_the_modes_the_user_chose(project, tmp_path):
    """A page made private by hand (600), a shared web root's setgid folder (2750) and a folder of the output replaced
    by a link to the user's own (public/sources -> elsewhere): the page keeps its mode, the web root its setgid bit,
    and nothing reached through the link is touched."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    project.public.mkdir()
    project.public.chmod(0o2750)
    with umask_of(0o027):
        project.build()
    private = project.public / "2021/01/02/2/index.html"
    private.chmod(0o600)
    theirs = tmp_path / "theirs"
    shutil.move(project.public / "2021/01/03", theirs)
    (project.public / "2021/01/03").symlink_to(theirs)
    before = modes(theirs)
    with umask_of(0o022):
        project.build()
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(project.public.stat().st_mode) == 0o2755
    assert modes(theirs) == before and before["files"] == {0o640}
    assert {
        stat.S_IMODE(p.stat().st_mode) for p in project.public.rglob("*.html") if p != private and theirs not in p.resolve().parents
    } == {0o644}


def test_an_output_whose_manifest_says_no_umask_keeps_its_modes_and_learns_the_umask(project):
    """A manifest of an older ssg's says no umask: which modes the last umask gave and which the user chose (`chmod -R
    o-rwx public`, a web root served by its group) is not known, so none is changed; the manifest then says the umask,
    and a later build under another changes the modes it gave."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    with umask_of(0o022):
        project.build()
    for path in [project.public, *project.public.rglob("*")]:
        path.chmod(0o750 if path.is_dir() else 0o640)  # (the user's choice)
    manifest = project.public / MANIFEST
    manifest.write_text(re.sub(r',"umask":"\d+"', "", manifest.read_text(encoding="utf-8")), encoding="utf-8")
    project.write({"content/1.md": article("A1", "2021-01-01T10:00:00+03:00", "Edited.")})
    with umask_of(0o022):
        project.build()
    kept = {p for p in project.public.rglob("*") if p.is_file() and "2021/01/01" not in p.as_posix() and p.name != MANIFEST}
    assert {stat.S_IMODE(p.stat().st_mode) for p in kept} - {0o644} == {0o640}  # (what this build rewrote is 644)
    assert stat.S_IMODE(project.public.stat().st_mode) == 0o750
    assert '"umask":"022"' in manifest.read_text(encoding="utf-8")
    project.write({"content/1.md": article("A1", "2021-01-01T10:00:00+03:00", "Again.")})
    with umask_of(0o077):
        project.build()
    assert {stat.S_IMODE(p.stat().st_mode) for p in project.public.rglob("*") if p.is_file()} <= {0o640, 0o600}


def test_a_page_made_private_by_hand_gives_its_mode_to_no_other_page(project):
    """A page made private by hand (`chmod 600`) was set aside as a save replaced it, then written over as another page
    by a later save: that page, private too, was one the web server could not read (403)."""
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    (project.public / "2021/01/02/2/index.html").chmod(0o600)
    for body in ["Edited.", "Again.", "Once more.", "Four.", "Five."]:
        project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00", body) for n in (2, 3)})
        builder.build(config, options)
        _cold(project)
        cold = {p.relative_to(project.root / "cold"): p.stat().st_mode for p in (project.root / "cold").rglob("*") if p.is_file()}
        assert {p.relative_to(project.public): p.stat().st_mode for p in project.public.rglob("*") if p.is_file()} == cold


def test_a_file_set_aside_is_written_over_whole_by_a_shorter_or_a_longer_file(project):
    """A file set aside is written over through its descriptor, and cut only where it held more than the new bytes (it
    is taken for a file of as many blocks or more: `Spares.take`): each save gives the file exactly its bytes, as a
    cold build does, and takes the files set aside rather than make new ones."""
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00"), "static/f.bin": b"a" * 8000})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    trash = project.root / ".public.ssg-trash"
    last = b"a" * 8000
    for data in [b"b" * 7000, b"c" * 6000, b"d" * 7500, b"e" * 4097, b"f" * 8190]:
        aside = {path.name: path.read_bytes() for path in trash.iterdir()} if trash.exists() else {}
        project.write({"static/f.bin": data})
        builder.build(config, options)
        assert (project.public / "f.bin").read_bytes() == data
        now = {path.name: path.read_bytes() for path in trash.iterdir()}
        assert last in now.values()  # (the file replaced, set aside)
        if aside.keys() - {".ssg-trash"}:  # (a file set aside by a save before, of two blocks: taken, not a new one made)
            assert any(now.get(name) != before for name, before in aside.items())
        last = data
    assert _without_manifest(project.files()) == _cold(project)


@pytest.mark.parametrize("swaps", [True, False])
def test_a_file_written_where_it_was_set_aside_takes_the_place_of_the_one_it_replaces(project, monkeypatch, swaps):
    """The preview's builder writes over a file set aside where it is, in the trash folder, and swaps it with the file
    it replaces (renameat2's exchange: one step, where moving it to the staging folder, setting the old file aside by a
    link and moving the new one in took three): the file replaced is set aside under its name. Where no swap can be
    made (`swaps=False`: not Linux, a file system without it), it is moved in as a staged file is. The output is a cold
    build's either way; and a folder of the user's put where ssg's file was is left alone."""
    import ssg.output

    if not swaps:
        monkeypatch.setattr(ssg.output, "_renameat2", lambda: None)
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00") for n in range(1, 4)})
    project.write({"static/notes": "a file"})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    trash, page = project.root / ".public.ssg-trash", project.public / "2021/01/01/1/index.html"
    swapped = 0
    for body in ["Edited.", "Again.", "Once more.", "Four."]:
        aside = {path.name for path in trash.iterdir()} if trash.exists() else set()
        before = page.read_bytes()
        project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-0{n}T10:00:00+03:00", body) for n in range(1, 4)})
        builder.build(config, options)
        assert body.encode() in page.read_bytes() and _without_manifest(project.files()) == _cold(project)
        holding = [path.name for path in trash.iterdir() if path.read_bytes() == before]
        assert holding  # (the page replaced, set aside)
        swapped += holding[0] in aside  # (under the name of the file written over in its place)
    assert swapped == (3 if swaps else 0)
    (project.public / "notes").unlink()
    (project.public / "notes").mkdir()
    (project.public / "notes/mine.txt").write_text("mine")
    project.write({"static/notes": "a file, changed"})
    with pytest.raises(OutputError, match="is not ssg's"):
        builder.build(config, options)
    assert (project.public / "notes/mine.txt").read_text() == "mine"


def test_files_set_aside_are_shared_with_render_helpers(project, monkeypatch):
    """Forked render helpers take files set aside too, each claimed by moving it (the move tells whether another
    process took it first); this process writes over them where they are only once the helpers are done: each save
    gives a cold build's output."""
    import ssg.render

    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-{n:02}T10:00:00+03:00", tags="[Solo, Duo]") for n in range(1, 25)})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=3)
    builder = Builder()
    builder.build(config, options)
    for round, body in enumerate(["Edited.", "Again.", "Once more."]):
        project.write({f"content/{n}.md": article(f"A{n}", f"2021-01-{n:02}T10:00:00+03:00", body) for n in range(1, 25, 2)})
        project.write(
            {f"content/{n}.md": article(f"A{n}", f"2021-02-{n:02}T10:00:00+03:00", tags="[Solo]") for n in range(2 + round, 25, 6)}
        )
        builder.build(config, options)
        assert _without_manifest(project.files()) == _cold(project)


def test_a_long_lived_builder_keeps_files_set_aside_of_spares_bytes_in_all(project, monkeypatch):
    """The preview kept the last `SPARES_KEPT` files its saves replaced, whatever their size, for as long as it ran: a
    large file of static/ replaced a few times (a video, a photo exported again) held its every version on the disk
    until the preview stopped. It keeps files set aside of `SPARES_BYTES` in all, the newest first."""
    import ssg.output

    monkeypatch.setattr(ssg.output, "SPARES_BYTES", 500_000)
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00"), "static/media/video.bin": b"1" * 600_000})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    project.write({"static/media/video.bin": b"2" * 600_000})
    builder.build(config, options)
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00", "Edited.")})  # (pages set aside last)
    builder.build(config, options)
    trash = project.root / ".public.ssg-trash"
    aside = {path.read_bytes() for path in trash.iterdir() if path.name != ".ssg-trash"}
    builder.tidy()
    kept = {path.read_bytes() for path in trash.iterdir() if path.name != ".ssg-trash"}
    assert b"1" * 600_000 in aside and len(aside) > 1 and kept == aside - {b"1" * 600_000}
    assert _without_manifest(project.files()) == _cold(project)


def _cold(project) -> dict[str, bytes]:
    """The files a one-shot build of the project makes, in a folder of its own."""
    folder = project.root / "cold"
    shutil.rmtree(folder, ignore_errors=True)
    build(load_config(project.root, output_dir=str(folder)), BuildOptions(now=NOW, jobs=1))
    return _without_manifest(tree(folder))


def _without_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if path != MANIFEST}


@pytest.mark.parametrize("kind", ["folder", "link", "dangling"])
def test_a_trash_folder_ssg_did_not_make_is_left_alone(project, tmp_path, kind):
    """`.public.ssg-trash` that is the user's (a folder with their files, a link to their home, a dangling link): it was
    emptied by every build, filled through the link, or made a preview's every save fail halfway (found in review).
    Nothing is set aside then: replaced files are freed at once, as by a one-shot build."""
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00")})
    trash = project.root / ".public.ssg-trash"
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("mine")
    if kind == "folder":
        trash.mkdir()
        (trash / "notes.txt").write_text("mine")
    else:
        trash.symlink_to(home if kind == "link" else tmp_path / "nowhere")
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    project.write({"content/a.md": article("A", "2021-01-01T10:00:00+03:00", "Edited.")})
    builder.build(config, options)
    builder.tidy()
    project.build()
    assert b"Edited." in (project.public / "2021/01/01/a/index.html").read_bytes()
    assert sorted(p.name for p in home.iterdir()) == ["notes.txt"]
    if kind == "folder":
        assert sorted(p.name for p in trash.iterdir()) == ["notes.txt"]
    else:
        assert trash.is_symlink()


def test_a_wordpress_export_builds_as_wordpress_showed_it(project):
    """lezoo's wordpress-export-to-markdown and jekyll-import: the featured image (`coverImage:`, a file of the bundle's
    images/ folder) was dropped, `[caption]` and `[embed]` shown as text, a title's `&amp;` escaped again, and a
    password-protected post published."""
    caption = r'\[caption id="attachment\_105" align="aligncenter" width="640"\]![Мост](images/most.png) Мост. Фото: ТАСС\[/caption\]'
    project.write(
        {
            "content/post/2020-11-04-most/index.md": article(
                '"Газ &amp; свет&nbsp;&#8212; мост"',
                "2020-11-04T09:01:00.000Z",
                caption + "\n\n[embed]https://youtu.be/abc[/embed]",
                coverImage='"cover-0.png"',
            ),
            "content/post/2020-11-04-most/images/cover-0.png": b"PNG",
            "content/post/2020-11-04-most/images/most.png": b"PNG",
            "content/post/2020-11-05-other/index.md": article("Other", "2020-11-05", coverImage="./cover.png"),
            "content/post/2020-11-05-other/images/cover.png": b"PNG",
            "content/post/2020-11-06-closed/index.md": article("Closed", "2020-11-06", password="secret"),
        }
    )
    with pytest.raises(ContentError) as failed:
        project.build()
    assert [str(p) for p in failed.value.problems] == [
        "content/post/2020-11-05-other/index.md:4: image: image 'post/2020-11-05-other/cover.png' not found "
        "(content/post/2020-11-05-other/images/cover.png has that name: write ./images/cover.png)"
    ]
    project.write({"content/post/2020-11-05-other/index.md": article("Other", "2020-11-05", coverImage="cover.png")})
    result = project.build()
    assert [w.field for w in result.warnings] == ["password"]
    page = project.page("2020/11/04/most/")
    assert "<title>Газ &amp; свет\u00a0— мост" in page and "&amp;amp;" not in page
    assert 'property="og:image" content="https://example.org/post/2020-11-04-most/images/cover-0.png"' in page
    assert (
        '<figure class="wp-caption aligncenter"><img alt="Мост" decoding="async" loading="lazy" src="../../../../post/2020-11-04-most/images/most.png">'
        in page
    )
    assert "youtube-nocookie.com/embed/abc" in page and "[embed]" not in page and "[caption" not in page
    assert (project.public / "post/2020-11-04-most/images/cover-0.png").is_file()
    assert not (project.public / "2020/11/06/closed").exists()
    assert ">Газ &amp; свет\u00a0— мост</title>" in (project.public / "feed.xml").read_text()


def test_the_search_state_of_an_output_folder_that_is_gone_is_removed(project, tmp_path):
    """Each output folder's search index keeps a state in the cache (tens of megabytes at 10,000 articles): every
    `-o DIR` left one for good, found by a trial living through site.yaml changes. One whose folder is gone goes."""
    from ssg.config import load_config
    from ssg.searching import search_state

    project.write({"content/2021/a.md": article("A", "2021-05-24")})
    first, second = tmp_path / "first", tmp_path / "second"
    project.build(output_dir=str(first))
    project.build(output_dir=str(second))
    config = load_config(project.root)
    states = [search_state(config, folder) for folder in (first, second)]
    assert all(state.is_file() for state in states)
    shutil.rmtree(first)
    project.write({"content/2021/a.md": article("A", "2021-05-24", "Another text.")})  # (a build with something to do)
    project.build(output_dir=str(second))
    assert [state.is_file() for state in states] == [False, True]
    assert not list(config.cache_path.glob(states[0].name + "*"))


def test_a_build_waits_while_another_process_uses_the_build_cache_and_says_so(site):
    """`ssg build` run while `ssg serve` rebuilt the same project: both wrote records into the cache, and the one that
    waited more than SQLite's 5 s for the other's write ended in a traceback ("database is locked"). A build now waits
    for the other to let go of the cache, and says why it waits."""
    site.build()
    lock = site.root / ".ssg-cache" / "lock"
    held = hold_lock(lock)  # (another process's: a lock held through another open file waits as one there would)
    os.write(held, b"process 4242")
    told: list[str] = []

    def waiting(message: str) -> None:
        told.append(message)
        threading.Timer(0.3, release_lock, (lock, held)).start()  # the other build ends a moment later

    site.write({"content/2021/roscosmos-china.md": article("Edited", "2021-03-01T10:00:00+03:00", "Body.")})
    result = site.build(waiting=waiting)
    assert result.read == 1
    assert told == [
        "Another ssg build, build --watch or serve (process 4242) is using the build cache (.ssg-cache): waiting until it is done (Ctrl-C stops)."
    ]
    assert not lock.exists()  # (let go, and its file removed, as the build ended)
    assert any("Edited" in page.read_text(encoding="utf-8") for page in site.public.rglob("index.html"))


def test_ssg_check_without_a_build_cache_takes_no_lock(site):
    """`ssg check` where no build left a cache reads the articles in memory: nothing to wait for, nothing made."""
    result = site.build(dry_run=True)
    assert result.checked and not (site.root / ".ssg-cache" / "lock").exists()


def test_a_long_lived_builder_warns_of_a_clipping_saved_twice_as_a_one_shot_build_does(project):
    """The preview's builder takes over what it compared of each unchanged article (`checks.ClippingKeys`): each save
    (a clipping pasted, retitled, moved to another day, made a draft, a file added or gone) warns as a one-shot build
    of the same files does."""
    source = "{name: Interfax, url: 'https://www.interfax.ru/russia/767824'}"
    nauka = article("Nauka docks with the ISS", "2021-07-29", "The module docked.", source=source)
    project.write({f"content/2021/{n}.md": article(f"Other {n}", f"2021-0{n}-01", "Text.") for n in range(1, 6)})
    project.write({"content/2021/nauka.md": nauka})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    saves = [
        {"content/2021/nauka-again.md": article("Nauka  docks with the ISS", "2021-07-29T16:00", "Again.", source=source)},
        {"content/2021/nauka-again.md": article("Nauka is docked", "2021-07-29T16:00", "Again.", source=source)},
        {"content/2021/nauka-again.md": article("Nauka docks with the ISS", "2021-07-29T16:00", "Again.", source=source)},
        {"content/2021/nauka.md": article("Nauka docks with the ISS", "2021-07-30", "The module docked.", source=source)},
        {"content/2021/nauka.md": nauka},
        {"content/2021/nauka.md": article("Nauka docks with the ISS", "2021-07-29", "The module docked.", source=source, draft="true")},
        {"content/2021/nauka.md": nauka, "content/2021/0.md": article("Other 0", "2021-01-01", "Text.")},
        {"content/2021/3.md": None},
    ]
    for save in saves:
        for path, text in save.items():
            if text is None:
                project.remove(path)
            else:
                project.write({path: text})
        warnings = [str(w) for w in builder.build(config, options).warnings if w.field == "title"]
        assert warnings == [str(w) for w in build(load_config(project.root, output_dir="cold"), options).warnings if w.field == "title"]
        assert bool(warnings) == (save not in (saves[1], saves[3], saves[5]))  # (another title, day; a draft)


def test_a_clipping_saved_twice_is_warned_of_on_the_title_of_the_second_file(project):
    """The same clipping pasted into a second file was published twice, at two URLs, without a word."""
    source = "{name: Interfax, url: 'https://www.interfax.ru/russia/767824'}"
    project.write(
        {
            "content/2021/nauka.md": article("Nauka docks with the ISS", "2021-07-29", "The module docked.", source=source),
            "content/2021/nauka-again.md": article("Nauka  docks with the ISS", "2021-07-29T16:00", "Docked, again.", source=source),
            "content/2021/soyuz.md": article("Союз стартовал", "2021-10-05", "Корабль стартовал с Байконура."),
            "content/2021/soyuz-copy.md": article("Союз стартовал", "2021-10-05", "Корабль стартовал с Байконура."),
            # Two outlets' articles under one headline are two articles; so are a text and its translation.
            "content/2021/nauka-reuters.md": article("Nauka docks with the ISS", "2021-07-29", "Reuters' text."),
            "content/2021/nauka-ru.md": article("«Наука» пристыковалась к МКС", "2021-07-29", "Модуль.", source=source, lang="ru"),
            # A draft (a new version being written) and a weekly column under one title and lead are not told of.
            "content/2021/soyuz-draft.md": article("Союз стартовал", "2021-10-05", "Корабль стартовал с Байконура.", draft="true"),
            "content/2021/week-1.md": article("Week in space", "2021-10-01", "Our weekly review."),
            "content/2021/week-2.md": article("Week in space", "2021-10-08", "Our weekly review."),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/nauka-again.md:2: title: the same title and source link as content/2021/nauka.md: one clipping saved "
        "twice? (delete one of the files)",
        "content/2021/soyuz-copy.md:2: title: the same title and opening text as content/2021/soyuz.md: one clipping saved "
        "twice? (delete one of the files)",
    ]


def test_copies_dropbox_and_windows_made_are_told_as_copies_of_the_original(project):
    """`x (1).md`, `x (conflicted copy 2021-03-04).md` and `x - Copy.md` sort before `x.md` (a space before the dot):
    the warning was on `x.md`, naming `x (1).md`, and a user who deleted "one of the files" deleted the original. Each
    copy is told, naming the original: the shortest name."""
    text = article("Союз стартовал", "2021-10-05", "Корабль стартовал с Байконура.")
    names = ("soyuz (1).md", "soyuz (conflicted copy 2021-03-04).md", "soyuz - Copy.md", "soyuz.md")
    project.write({f"content/2021/{name}": text for name in names})
    warnings = [w for w in project.build().warnings if "saved twice" in w.message]
    assert sorted(w.path for w in warnings) == [f"content/2021/{name}" for name in names[:3]]
    assert all("as content/2021/soyuz.md:" in w.message for w in warnings)


def test_a_tag_or_outlet_a_typo_away_from_a_common_one_is_warned_of_on_its_line(project):
    """A keeper's trial: `Роскомос` and `Интефракс` in a morning's clipping each made a page of their own for it, which
    the tag's and the outlet's pages and feeds missed, without a word. Names apart by digits (a series), short names (Иран,
    Ирак) and names as common as each other are not told of."""
    interfax = "{name: Интерфакс, url: 'https://www.interfax.ru/russia/1'}"
    files = {
        f"content/2021/n{n}.md": article(
            f"Новость {n}", f"2021-03-{n + 1:02d}", "Текст.", lang="ru", tags="[Роскосмос, Иран, Союз МС-24]", source=interfax
        )
        for n in range(10)
    }
    files["content/2021/typo.md"] = article(
        "Опечатка",
        "2021-04-01",
        "Текст.",
        lang="ru",
        tags="[Ирак, Роскомос, Союз МС-25]",
        source="{name: Интефракс, url: 'https://www.interfax.ru/2'}",
    )
    files["content/2021/other.md"] = article("Other", "2021-04-02", "Text.", tags="[Roscosmos]", source="Interfax")
    project.write(files)
    assert [str(w) for w in project.build().warnings] == [
        # (no typo, but the name in another alphabet, spelt otherwise than ssg spells Роскосмос: two tags all the same)
        "content/2021/other.md:4: tags: tag 'Roscosmos' is 'Роскосмос' in another alphabet, so they are two tags, tags/roscosmos/"
        " (1 article) and tags/roskosmos/ (10): if they are one, write 'Роскосмос' in all of them, or name it once in site.yaml:"
        " tag_names: {Roscosmos: {ru: Роскосмос}}",
        "content/2021/typo.md:5: tags: 'Роскомос' (1 article) is a letter off the tag 'Роскосмос' (10 articles): a typo? "
        "(write tags: [Ирак, Роскосмос, Союз МС-25])",
        "content/2021/typo.md:6: source: 'Интефракс' (1 article) is a letter off the outlet 'Интерфакс' (10 articles): a typo? "
        "(write the source's name Интерфакс)",
        "content/2021/other.md:5: source: outlet 'Interfax' (1 article) is 'Интерфакс' (10 articles) in another alphabet, so they"
        " are two outlets, sources/interfax/ and sources/interfaks/: if they are one, write the source's name Интерфакс in all of them, or"
        " name it once in site.yaml: source_names: {Interfax: {ru: Интерфакс}}",
    ]


def test_a_tag_or_outlet_with_a_letter_of_the_other_alphabet_that_looks_the_same_is_warned_of_on_its_line(project):
    """A Russian editor's trial: `Роскосмоc` with a Latin c (the keyboard switched a letter late) was told it was a
    letter off 'Roscosmos', the tag_names: entry's English name, which an editor looking at two identical Russian words
    could not make out; `MКС` with a Latin M made a tag of its own without a word; and `Дмитрий Рoгозин` with a Latin o,
    on the URL of Dmitry Rogozin, was offered a tag_names: entry of the misspelt name. Each is now told which letter is of
    the other alphabet and what to write; `Интерфаkс` (a Latin k) likewise on its source: line."""
    names = "{Roscosmos: {ru: Роскосмос}, ISS: {ru: МКС}, Dmitry Rogozin: {ru: Дмитрий Рогозин}}"
    files = {
        f"content/2021/n{n}.md": article(
            f"Новость {n}", f"2021-03-{n + 1:02d}", "Текст.", lang="ru", tags="[Роскосмос, МКС, Дмитрий Рогозин]", source="Интерфакс"
        )
        for n in range(10)
    }
    files["site.yaml"] = SITE_YAML + f"lang: ru\nlanguages: [ru, en]\ntag_names: {names}\n"
    files["content/2021/odd.md"] = article("Опечатки", "2021-04-01", "Текст.", lang="ru", tags="[Роскосмоc, MКС]", source="Интерфаkс")
    files["content/2021/name.md"] = article("Имя", "2021-04-02", "Текст.", lang="ru", tags="[Дмитрий Рoгозин]")
    files["content/2021/en.md"] = article("Dmitry Rogozin on the Moon", "2021-04-03", "Text.", lang="en", tags="[Rоscosmos]")
    project.write(files)
    assert [str(w) for w in project.build().warnings] == [
        # (a URL numbered for it says so too, with what to write in place of a tag_names: entry of the misspelt name)
        "content/2021/name.md:5: tags: tag 'Дмитрий Рoгозин' has the same URL slug as 'Dmitry Rogozin'; it gets"
        " tags/dmitry-rogozin-2/ (it has a Latin o among Cyrillic letters, which look the same: write 'Дмитрий Рогозин')",
        "content/2021/en.md:5: tags: tag 'Rоscosmos' has the same URL slug as 'Roscosmos'; it gets tags/roscosmos-2/ (it has a"
        " Cyrillic о among Latin letters, which look the same: write 'Roscosmos')",
        "content/2021/en.md:5: tags: 'Rоscosmos' has a Cyrillic о among Latin letters, which look the same but make another tag:"
        " write tags: [Roscosmos]",
        "content/2021/name.md:5: tags: 'Дмитрий Рoгозин' has a Latin o among Cyrillic letters, which look the same but make"
        " another tag: write tags: [Дмитрий Рогозин]",
        "content/2021/odd.md:5: tags: 'Роскосмоc' has a Latin c among Cyrillic letters, which look the same but make another"
        " tag: write tags: [Роскосмос, МКС]",
        "content/2021/odd.md:5: tags: 'MКС' has a Latin M among Cyrillic letters, which look the same but make another tag:"
        " write tags: [Роскосмос, МКС]",
        "content/2021/odd.md:6: source: 'Интерфаkс' has a Latin k among Cyrillic letters, which look the same but make another"
        " outlet: write the source's name Интерфакс",
    ]


def test_a_look_alike_letter_in_a_word_of_as_many_letters_of_each_alphabet_is_told_too(project):
    """МС with a Latin M (one letter of each alphabet) was passed over, so `Сoюз MС-18` was told to write `Союз MС-18`,
    the Latin M kept, another article's tag; `Mи-8` (и has no Latin twin) and `Союз MС-18` got only the numbered URL's
    "give one a distinct name"; and where the misspelt name was the older one, the name written right was told that
    (found in a second reading). A word tells by its letter without a twin, else the name by its other words."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: ru\n",
            "content/a.md": article("А", "2021-01-01", "Текст.", tags="[MКС, Mи-8]"),
            "content/b.md": article("Б", "2021-01-02", "Текст.", tags="[МКС, Ми-8, Союз МС-18]"),
            "content/c.md": article("В", "2021-01-03", "Текст.", tags="[Сoюз MС-18]"),
        }
    )
    warnings = [str(w) for w in project.build().warnings]
    assert "content/c.md:4: tags: 'Сoюз MС-18' has Latin o and M among Cyrillic letters, which look the same but make" \
        " another tag: write tags: [Союз МС-18]" in warnings  # fmt: skip
    assert "content/a.md:4: tags: 'Mи-8' has a Latin M among Cyrillic letters, which look the same but make another tag:" \
        " write tags: [МКС, Ми-8]" in warnings  # fmt: skip
    told_b = [w for w in warnings if w.startswith("content/b.md")]
    assert told_b and all(
        "has a Latin M among Cyrillic letters, which look the same: write" in w and "they are one tag" in w for w in told_b
    )
    assert not any("give one a distinct name" in w for w in warnings)


def test_a_name_typed_whole_in_the_other_alphabet_beside_a_commoner_one_is_told(project):
    """A second reading's leftover: `TACC` typed in Latin letters beside `ТАСС` (every letter has a twin, so no letter
    stands out) made an outlet of its own without a word, as `MKC` did a tag beside `МКС`. The rarer of the two is the
    slip; two names as common are left alone (either may be meant)."""
    files = {f"content/n{n}.md": article(f"Н{n}", f"2021-03-{n + 1:02d}", "Текст.", tags="[МКС]", source="ТАСС") for n in range(3)}
    files["site.yaml"] = SITE_YAML + "lang: ru\n"
    files["content/odd.md"] = article("Опечатки", "2021-04-01", "Текст.", tags="[MKC, Роскосмос]", source="TACC")
    files["content/en.md"] = article("E", "2021-04-02", "Text.", lang="en", tags="[MAX]")
    files["content/ru.md"] = article("Р", "2021-04-03", "Текст.", tags="[МАХ]")
    project.write(files)
    assert [str(w) for w in project.build().warnings] == [
        "content/odd.md:4: tags: 'MKC' has Latin letters where 'МКС' has Cyrillic ones, which look the same but make another"
        " tag: write tags: [МКС, Роскосмос]",
        "content/odd.md:5: source: 'TACC' has Latin letters where 'ТАСС' has Cyrillic ones, which look the same but make"
        " another outlet: write the source's name ТАСС",
    ]


# What a `ssg build` that reads and renders a few pages in its own process does without: a process pool (multiprocessing,
# socket), tomllib. Each was 5-20 ms of every such build, one after a single edit among them. (importlib.metadata, which
# the cache stamp asks for three libraries' versions, stays: reading their metadata by hand was 20 ms of less.)
NOT_IMPORTED = ("multiprocessing", "concurrent.futures.process", "tomllib")


def test_a_build_of_a_few_pages_imports_no_process_pool(project):
    project.write(
        {f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-05-0{n + 1}T10:00:00+03:00", tags="[Alpha]") for n in range(3)}
    )
    code = (
        "import sys, ssg.cli\n"
        "try:\n    ssg.cli.main(['-C', sys.argv[1], 'build', '-j', '2'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {NOT_IMPORTED!r} if m in sys.modules))"
    )
    for _ in range(2):  # a cold build, then one from the cache
        done = subprocess.run([sys.executable, "-c", code, str(project.root)], capture_output=True, text=True, env=ssg_env(), check=True)
        assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_a_time_in_another_offset_than_the_sites_is_shown_with_it(project):
    """A Moscow site listed New York's 23:30 of 31 March (an outlet's own time, shown as written) above Moscow's 01:30
    of 1 April, newest first, as though time ran back, and its "Updated" line (read in the site's zone) was in another
    zone beside it, without a word (two readers' trials). A time in another offset than the site's zone has at that
    moment says which; the site's own times (DST's too) say nothing more."""
    project.write(
        {
            "content/2021/ny.md": article("NY", "2021-03-31T23:30:00-05:00", updated="2021-04-01T09:00:00Z"),
            "content/2021/wire.md": article("Wire", "2021-03-31T22:30:00Z"),
            "content/2021/delhi.md": article("Delhi", "2021-03-30T10:00:00+05:30"),
            "content/1917/old.md": article("Old", "1917-03-01T10:00:00"),  # (Moscow's +02:31:19 then, read to the minute)
        }
    ).build()
    home, ny = project.page(""), project.page("2021/03/31/ny/")
    assert '<time datetime="2021-03-31T23:30:00-05:00">March 31, 2021, 11:30 PM GMT-5</time>' in home
    assert '<time datetime="2021-04-01T01:30:00+03:00">April 1, 2021, 1:30 AM</time>' in home
    assert ">March 30, 2021, 10:00 AM GMT+5:30</time>" in project.page("2021/03/30/")
    assert ">March 1, 1917, 10:00 AM</time>" in project.page("1917/03/01/old/")
    assert "11:30 PM GMT-5</time>" in ny and 'datetime="2021-04-01T12:00:00+03:00">April 1, 2021, 12:00 PM</time>' in ny
    assert '"shown": "Mar 31, 2021, 11:30 PM GMT-5"' in (project.public / "latest.js").read_text()
    # A style that shows a zone itself (long, full, z), or no time, gets none more (a second reading: long showed two).
    for style, shown in (("long", "March 31, 2021, 11:30:00\u202fPM -0500"), ("d MMMM y", "31 March 2021"), ("h:mm a z", "11:30 PM -0500")):
        project.write({"site.yaml": SITE_YAML + f"date_format: {style!r}\n"}).build()
        assert f">{shown}</time>" in project.page("2021/03/31/ny/"), style
    # A pattern that names the zone names the site's (a time trial: "Unknown Region (UTC+03:00) Time", of the fixed
    # offset every date is read with).
    project.write({"site.yaml": SITE_YAML + "date_format: 'd MMMM y, HH:mm zzzz'\n"}).build()
    assert ">1 April 2021, 01:30 Moscow Standard Time</time>" in project.page("2021/04/01/wire/")


def test_an_update_at_or_before_the_date_shows_no_updated_line(project):
    """`updated:` equal to `date:` printed "Updated" beside the same time, and one before it (an earlier day, a time before the
    date) printed an update the page's own data (JSON-LD dateModified, the feed's <updated>) did not have. A day alone
    of the article's day is that day's update (test_theme's)."""
    project.write(
        {
            "content/2021/same.md": article("Same", "2021-05-06T10:00:00+03:00", updated="2021-05-06T10:00:00+03:00"),
            "content/2021/before.md": article("Before", "2021-05-06T10:00:00+03:00", updated="2021-05-01"),
            "content/2021/early.md": article("Early", "2021-05-06T10:00:00+03:00", updated="2021-05-06T09:00:00+03:00"),
            "content/2021/later.md": article("Later", "2021-05-06T10:00:00+03:00", updated="2021-05-07T09:00:00+03:00"),
        }
    ).build()
    for slug in ("same", "before", "early"):
        assert "Updated" not in project.page(f"2021/05/06/{slug}/"), slug
    assert 'Updated <time datetime="2021-05-07T09:00:00+03:00">May 7, 2021, 9:00 AM</time>' in project.page("2021/05/06/later/")


def test_a_template_compiled_by_another_jinja_is_compiled_again(tmp_path, monkeypatch):
    """Jinja's own key for a compiled template names the Python alone: a template a newer Jinja compiled was run by an
    older one, which could not compile it, so one folder built and a fresh copy failed with the same libraries (found by
    a reproducible builds trial)."""
    cache = ssg.build._TemplateCache(tmp_path, "form")
    first = cache.get_source_checksum("{{ x }}")
    monkeypatch.setattr(ssg.build.jinja2, "__version__", "3.1.2")
    assert cache.get_source_checksum("{{ x }}") != first


def test_an_article_dated_later_is_marked_scheduled_where_the_future_is_shown(project):
    """The preview shows articles dated after now, and one stood unmarked at the top of the home list and of
    latest.js, indexable, as if published (a preview trial), where a draft has its badge and noindex: it is marked
    "Scheduled", with the moment it is published from in the label's title, and its page is not indexed. The build
    after that moment shows it published; `ssg build`, which leaves it out, marks nothing."""
    project.write(
        {
            "content/2025/past.md": article("Past news", "2025-12-01T10:00:00Z"),
            "content/2026/later.md": article("Later news", "2026-03-01T10:00:00Z"),
            "content/pages/soon.md": "---\ntitle: Soon\ndate: 2026-02-01T10:00:00Z\n---\n\nText.\n",
            "site.yaml": (project.root / "site.yaml").read_text() + "lang: ru\n",
        }
    )
    project.build(future=True)
    later = (project.public / "2026/03/01/later/index.html").read_text()
    label = re.search(r'<p class="badge badge--scheduled" title="([^"]*)">([^<]*)</p>', later)
    assert label is not None and label[2] == "Запланировано" and "2026" in label[1] and "13:00" in label[1], later[:3000]
    assert '<meta name="robots" content="noindex">' in later
    home = (project.public / "index.html").read_text()
    assert home.count("badge--scheduled") == 1 and home.index("badge--scheduled") < home.index("Past news")
    soon = (project.public / "soon/index.html").read_text()
    assert "badge--scheduled" in soon and '<meta name="robots" content="noindex">' in soon
    past = (project.public / "2025/12/01/past/index.html").read_text()
    assert "badge--scheduled" not in past and "noindex" not in past
    latest = json.loads((project.public / "latest.js").read_text().split("=", 1)[1].rstrip().rstrip(";"))
    assert [item.get("scheduled") for item in latest["ru"]] == ["Запланировано", None]
    project.build(future=True, now=NOW + timedelta(days=90))  # (its moment has come: published, unmarked)
    assert "badge--scheduled" not in (project.public / "2026/03/01/later/index.html").read_text()
    assert "badge--scheduled" not in (project.public / "index.html").read_text()
    assert "scheduled" not in (project.public / "latest.js").read_text()
