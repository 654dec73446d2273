"""Atom feeds, read back with a real feed reader (feedparser): site, language and tag feeds."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import feedparser
import pytest

from ssg.config import default_site_yaml, load_config
from ssg.errors import ConfigError, ContentError

from .conftest import article
from .publish_support import FILES, PER_LANGUAGE_FILES, PER_LANGUAGE_YAML, SITE_YAML


@pytest.fixture
def site(project):
    return project.write({**FILES, "site.yaml": SITE_YAML})


def parse(project, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((project.public / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def named(project):
    """A bilingual site with a Russian title and description, and a Russian name for the tag Moon."""
    return project.write({**PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML})


def categories(entry: feedparser.FeedParserDict) -> list[tuple[str, str]]:
    return [(tag.term, tag.label) for tag in entry.tags]


def test_site_feed_has_every_article_newest_first_with_cyrillic_intact(site):
    site.build()
    feed = parse(site, "feed.xml")
    assert feed.feed.title == "Test archive" and feed.feed.subtitle == "News about rockets."
    assert [e.title for e in feed.entries] == [
        "Ракета «Союз» стартовала с Байконура",
        "Russia and China agree on rockets",
        "Memo signed",
        "First one",
    ]
    assert feed.feed.links[1].href == "https://example.org/feed.xml" and feed.feed.links[1].rel == "self"
    assert feed.feed.author_detail == {"name": "Test Publisher", "href": "https://publisher.example/"}


def test_entry_carries_dates_source_tags_rights_and_content(site):
    site.build()
    entry = parse(site, "feed.xml").entries[1]
    assert entry.link == "https://example.org/2021/05/24/roscosmos-china/"
    assert entry.id == "tag:example.org,2021-05-24:/2021/05/24/roscosmos-china/"
    assert entry.published == "2021-05-24T10:15:00+03:00" and entry.updated == "2021-05-25T09:00:00+03:00"
    assert entry.summary == "Roscosmos and CNSA agree."
    assert [t.term for t in entry.tags] == ["Roscosmos", "China"]
    assert entry.author_detail == {"name": "Interfax", "href": "https://www.interfax.ru/russia/767824"}
    assert {link.rel: link.href for link in entry.links}["via"] == "https://www.interfax.ru/russia/767824"
    assert entry.rights == "Public domain"
    body = entry.content[0].value
    assert 'href="https://example.org/2021/05/26/raketa/"' in body  # links between articles made absolute
    assert 'href="https://example.org/2021/03/09/memo/#details"' in body


def test_entry_image_has_its_credit(site):
    site.build()
    entry = parse(site, "feed.xml").entries[1]
    assert entry.enclosures == [{"href": "https://example.org/images/soyuz.png", "type": "image/png", "title": "pronedra.ru"}]
    assert entry.media_content == [{"url": "https://example.org/images/soyuz.png", "type": "image/png", "medium": "image"}]
    assert entry.media_credit == [{"content": "pronedra.ru"}]
    body = entry.content[0].value
    assert body.startswith("<figure><img") and 'src="https://example.org/images/soyuz.png"' in body
    assert "<figcaption>The rocket.<br />Image source: pronedra.ru</figcaption>" in body  # (not one run-on line; as feedparser reads it)


@pytest.mark.parametrize(
    ("src", "mime"),
    [
        ("https://img.example.com/a.webp?w=2", "image/webp"),  # (its query said "jpeg", the fallback)
        ("https://img.example.com/a.png?x=1&y=2#top", "image/png"),
        ("https://img.example.com/a.JPG", "image/jpeg"),
        ("https://img.example.com/photo?id=5", None),  # (no suffix: no type, rather than a wrong one)
    ],
)
def test_an_entrys_image_type_is_told_by_its_urls_path(project, src, mime):
    """A feeds trial: an external image whose URL has a query string was typed image/jpeg whatever it was."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", image=f"{{src: '{src}'}}")})
    project.build()
    entry = parse(project, "feed.xml").entries[0]
    if mime is None:  # (feedparser reads a link without a type as text/html: the feed's own text says it has none)
        xml = (project.public / "feed.xml").read_text(encoding="utf-8")
        assert 'rel="enclosure"' in xml and "image/" not in xml
    else:
        assert entry.enclosures[0]["type"] == mime and entry.media_content[0]["type"] == mime


def test_an_entrys_image_without_alt_text_is_named_by_the_title_as_on_the_page(project):
    """The feed gave such an image `alt=""` (nothing to a screen reader), where the article page gives the title."""
    project.write({"content/a.md": article("Soyuz lands", "2021-05-24", image="{src: 'https://example.org/x.jpg', credit: NASA}")})
    project.build()
    assert (
        '<img alt="Soyuz lands" src="https://example.org/x.jpg" />' in parse(project, "feed.xml").entries[0].content[0].value
    )  # (as feedparser writes it)
    assert 'alt="Soyuz lands"' in project.page("2021/05/24/a/")


def test_language_feeds_hold_one_language_each(site):
    site.build()
    ru, en = parse(site, "ru/feed.xml"), parse(site, "en/feed.xml")
    assert [e.title for e in ru.entries] == ["Ракета «Союз» стартовала с Байконура"]
    assert ru.feed.language == "ru" and ru.feed.title == "Test archive (русский)"
    assert ru.entries[0].author == "ТАСС" and ru.entries[0].rights == "ТАСС"
    assert [e.title for e in en.entries] == ["Russia and China agree on rockets", "Memo signed", "First one"]


def test_tag_feeds(site):
    site.build()
    feed = parse(site, "tags/roscosmos/feed.xml")
    assert feed.feed.title == "Test archive: Roscosmos"
    assert [e.title for e in feed.entries] == ["Ракета «Союз» стартовала с Байконура", "Russia and China agree on rockets"]
    assert [e.title for e in parse(site, "tags/roskosmos/feed.xml").entries] == ["Ракета «Союз» стартовала с Байконура"]


def test_entry_count_and_summaries_only_are_configurable(site):
    site.write({"site.yaml": SITE_YAML + "feeds: {entries: 2, full_content: false, lang_path: 'feeds/{lang}.xml'}\n"})
    site.build()
    feed = parse(site, "feed.xml")
    assert [e.title for e in feed.entries] == ["Ракета «Союз» стартовала с Байконура", "Russia and China agree on rockets"]
    entry = feed.entries[1]
    assert entry.summary == "Roscosmos and CNSA agree."
    assert [c.type for c in entry.content] == ["text/plain"]  # only media:description: no text
    assert len(parse(site, "feeds/en.xml").entries) == 2 and not (site.public / "en/feed.xml").exists()
    assert 'href="feeds/ru.xml"' in site.page("")


def test_ids_do_not_change_between_builds_or_feeds(site):
    site.build()
    before = {e.title: e.id for e in parse(site, "feed.xml").entries}
    site.write({"content/2022/new.md": article("Newer", "2022-01-01T10:00:00+03:00", tags="[Roscosmos]")})
    site.build()
    after = {e.title: e.id for e in parse(site, "feed.xml").entries}
    assert {t: after[t] for t in before} == before and len(set(after.values())) == 5
    assert {e.title: e.id for e in parse(site, "tags/roscosmos/feed.xml").entries}.items() <= after.items()


def test_empty_site_has_a_valid_empty_feed(project):
    project.build()
    assert parse(project, "feed.xml").entries == [] and parse(project, "en/feed.xml").entries == []


def test_every_page_links_its_feeds_from_the_head(site):
    site.build()
    alternates = re.compile(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"[^>]*>')
    for page in site.public.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert alternates.search(text) or 'http-equiv="refresh"' in text, page  # (an old URL's page leads on at once)
    article = alternates.findall(site.page("2021/05/24/roscosmos-china/"))
    assert article == ["../../../../feed.xml", "../../../../en/feed.xml", "../../../../ru/feed.xml"]
    assert alternates.findall(site.page("tags/china/"))[-1] == "feed.xml"
    assert 'hreflang="ru"' in site.page("") and 'title="Test archive: China"' in site.page("tags/china/")
    assert alternates.findall((site.public / "404.html").read_text())[0] == "/feed.xml"


def test_one_language_sites_link_only_the_site_feed(project):
    project.write({"content/a.md": article("A", "2021-01-01")})
    project.build()
    assert project.page("").count("application/atom+xml") == 1 and (project.public / "en/feed.xml").is_file()
    assert parse(project, "en/feed.xml").feed.link == "https://example.org/"  # no page of its own: the home page


@pytest.mark.parametrize("value", ["'{slug}.xml'", "'feeds/{lang}.html'", "'../{lang}.xml'", "'x.xml'"])
def test_bad_language_feed_path_is_an_error(project, value):
    project.write({"site.yaml": SITE_YAML + f"feeds: {{lang_path: {value}}}\n"})
    with pytest.raises(ConfigError, match="lang_path"):
        project.build()


def test_language_feed_names_the_site_and_tags_in_its_language(named):
    named.build()
    ru, en = parse(named, "ru/feed.xml"), parse(named, "en/feed.xml")
    assert ru.feed.title == "Пробный архив (русский)" and ru.feed.subtitle == "Новости о ракетах."
    assert ru.feed.author == "Пробный архив"  # no `publisher:`: the site names itself
    assert {e.title: categories(e) for e in ru.entries} == {
        "Только о Луне": [("Moon", "Луна")],
        "Посадка на Луну": [("Moon", "Луна"), ("China", "China")],
    }
    assert en.feed.title == "Archive (English)" and en.feed.subtitle == "News about rockets." and en.feed.author == "Archive"
    assert ru.feed.link == "https://example.org/ru/" and en.feed.link == "https://example.org/en/"  # each language's home page
    assert [categories(e) for e in en.entries] == [[("Moon", "Moon"), ("China", "China")]]


def test_mixed_feeds_speak_the_default_language_but_label_each_entry_in_its_own(named):
    named.build()
    site, tag = parse(named, "feed.xml"), parse(named, "tags/moon/feed.xml")
    assert site.feed.title == "Archive" and site.feed.subtitle == "News about rockets." and site.feed.author == "Archive"
    assert tag.feed.title == "Archive: Moon" and tag.feed.subtitle == "News about rockets."
    for feed in (site, tag):  # one term for the tag in both languages, each entry's label in its language
        assert {e.title: categories(e)[0] for e in feed.entries} == {"Только о Луне": ("Moon", "Луна"), "Moon landing": ("Moon", "Moon")}


def test_heads_link_each_language_feed_by_its_own_title(named):
    named.build()
    for page in ("ru/2021/06/01/luna/", "2021/05/24/moon/", "tags/moon/"):
        head = named.page(page)
        assert 'title="Пробный архив (русский)" hreflang="ru"' in head and 'title="Archive (English)" hreflang="en"' in head
    assert 'title="Archive: Moon"' in named.page("tags/moon/")


def test_links_within_an_article_lead_to_its_page_from_a_feed_reader(project):
    """A footnote's `#fn:1` and a link to a heading, resolved by a reader against the feed, led nowhere."""
    body = "Claim.[^1] See [the details](#details).\n\n## Details\n\nText.\n\n[^1]: A note."
    project.write({"content/2021/a.md": article("A", "2021-05-24T10:00:00+03:00", body)})
    project.build()
    html = parse(project, "feed.xml").entries[0].content[0].value
    page = "https://example.org/2021/05/24/a/"
    assert f'href="{page}#fn:1"' in html and f'href="{page}#fnref:1"' in html and f'href="{page}#details"' in html
    assert 'href="#' not in html
    assert 'href="#details"' in project.page("2021/05/24/a/")  # (the page itself keeps them within the page)


def test_a_link_of_a_query_alone_leads_to_the_page_with_it_from_a_feed_reader(project):
    """`[the second page](?page=2)` stayed `href="?page=2"` in feeds, which have no base to resolve it against (a user's
    trial): a browser on the page reads it as the page's URL with that query, and so does the feed now."""
    body = "See [the second page](?page=2) of the list, or <a href='?page=3'>the third</a>."
    project.write(
        {"site.yaml": "title: T\nbase_url: https://example.org/archive/\n", "content/2025/x.md": article("X", "2025-03-11", body)}
    )
    project.build()
    html = parse(project, "feed.xml").entries[0].content[0].value
    page = "https://example.org/archive/2025/03/11/x/"
    assert f'href="{page}?page=2"' in html and f'href="{page}?page=3"' in html
    assert 'href="?page=2"' in project.page("2025/03/11/x/")  # (the page keeps it: its own URL is the base)


def test_a_rights_notice_and_a_caption_show_their_markdown_and_feeds_their_text(project):
    """`rights: "[CC BY 4.0](https://...)"` showed its brackets on the page (a licence is usually a link)."""
    licence = "https://creativecommons.org/licenses/by/4.0/"
    project.write(
        {
            "content/a.md": article(
                "A",
                "2021-05-24 10:00",
                rights=f"'Published under [CC BY 4.0]({licence}) <sic>'",
                image="{src: 'https://example.org/a.jpg', caption: 'The *Soyuz* at Baikonur', credit: '[Roscosmos](https://roscosmos.ru) & co'}",
            )
        }
    )
    project.build()
    page = project.page("2021/05/24/a/")
    assert f'Published under <a href="{licence}">CC BY 4.0</a> &lt;sic&gt;</span>' in page  # (no HTML from a front matter)
    assert '<span class="article__caption">The <em>Soyuz</em> at Baikonur</span>' in page
    assert 'alt="The Soyuz at Baikonur"' in page and 'alt="The Soyuz at Baikonur"' in project.page("")  # (its text)
    assert 'Image source: <a href="https://roscosmos.ru">Roscosmos</a> &amp; co</span>' in page  # (found by a new user)
    feed = (project.public / "feed.xml").read_text(encoding="utf-8")
    assert ">Roscosmos &amp; co</media:credit>" in feed  # (its text)
    # (The article's rights are the entry's <rights>, not the picture's: a NASA photo in a TASS article was TASS's.)
    assert "media:copyright" not in feed and "<rights>Published under CC BY 4.0 &lt;sic&gt;</rights>" in feed
    entry = feedparser.parse((project.public / "feed.xml").read_bytes()).entries[0]
    assert entry.rights == "Published under CC BY 4.0 <sic>"
    assert '"copyrightNotice": "Published under CC BY 4.0 \\u003csic\\u003e"' in page  # (JSON-LD: the text)


CAPTIONED = """\
---
title: Caption
date: 2025-03-11 10:00
image:
  src: 2025/images/iss-orbit.jpg
  caption: "The station, see [the map](images/cooperation-map.png), [the other story](other.md) or [tags](/tags/)"
  credit: "[our photo desk](other.md)"
rights: "See [our terms](other.md) and [tags](/tags/)"
---

Body text.
"""


def test_links_of_a_caption_a_credit_and_rights_are_resolved_as_the_bodys(project):
    """A relative link of a caption, credit or rights notice was written as given (`<a href="other.md">`): broken on the
    page, its file not copied, and the build said nothing (a user's trial). Now each is a body's link: an article's
    file is its URL, a file is copied, a root path is under the site's sub-path, and all are absolute in feeds."""
    png = b"\x89PNG\r\n\x1a\n"
    project.write(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/archive/\ntimezone: UTC\n",
            "content/2025/cap.md": CAPTIONED,
            "content/2025/other.md": article("Other", "2025-03-10 10:00"),
            "content/2025/images/iss-orbit.jpg": png,
            "content/2025/images/cooperation-map.png": png,
        }
    )
    assert project.build().warnings == []
    page = project.page("2025/03/11/cap/")
    caption = (
        'The station, see <a href="../../../images/cooperation-map.png">the map</a>, <a href="../../10/other/">the other '
        'story</a> or <a href="../../../../tags/">tags</a>'
    )
    assert f'<span class="article__caption">{caption}</span>' in page
    assert 'Image source: <a href="../../10/other/">our photo desk</a></span>' in page
    assert '<span>See <a href="../../10/other/">our terms</a> and <a href="../../../../tags/">tags</a></span>' in page
    assert (project.public / "2025/images/cooperation-map.png").read_bytes() == png
    entry = feedparser.parse((project.public / "feed.xml").read_bytes()).entries[0]
    base = "https://example.org/archive/"
    assert (
        f'<figcaption>The station, see <a href="{base}2025/images/cooperation-map.png">the map</a>, '
        f'<a href="{base}2025/03/10/other/">the other story</a> or <a href="{base}tags/">tags</a><br />Image source: our photo desk</figcaption>'
    ) in entry.content[0].value
    assert entry.rights == "See our terms and tags"


def test_a_missing_file_a_caption_links_is_an_error_on_its_front_matter_line(project):
    project.write(
        {
            "content/2025/cap.md": CAPTIONED,
            "content/2025/other.md": article("Other", "2025-03-10 10:00"),
            "content/2025/images/iss-orbit.jpg": b"jpg",
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value) == (
        "content/2025/cap.md:6: linked file '2025/images/cooperation-map.png' not found "
        "(put it at content/2025/images/cooperation-map.png or fix the path)"
    )
    project.write(
        {
            "content/2025/images/cooperation-map.png": b"png",
            "content/2025/cap.md": CAPTIONED.replace("terms](other.md)", "terms](others.md)"),
        }
    )
    warnings = [str(w) for w in project.build().warnings]
    assert warnings == [
        "content/2025/cap.md:8: links to 2025/others.md, which is not a published article (did you mean content/2025/other.md? write other.md)"
    ]


def test_a_caption_linking_out_of_content_or_to_this_computer_is_warned_on_its_line(project):
    """As a body's link: the published page could not reach either (they were written as given, without a word)."""
    credit = "'[our desk](../../x/desk.png), [preview](http://localhost:8000/x/)'"
    project.write({"content/2025/cap.md": article("Cap", "2025-03-11", image=f"{{src: 'https://example.org/a.jpg', credit: {credit}}}")})
    assert [str(w) for w in project.build().warnings] == [
        "content/2025/cap.md:4: '../../x/desk.png' leads out of the content folder, where the published site cannot reach: "
        "put the file in content/ (or static/) and link to it there",
        "content/2025/cap.md:4: links to http://localhost:8000/x/, an address on this computer (the preview's?), which "
        "readers cannot reach: link to the article's file (../2019/its-name.md), or write the site's own path (/x/)",
    ]


def test_feeds_show_the_publishers_logo_and_the_sites_icon(site):
    site.build()
    feed = parse(site, "feed.xml").feed
    assert feed.logo == feed.icon == "https://example.org/assets/logo.png"
    site.write({"static/favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"}).build()
    for path in ("feed.xml", "tags/china/feed.xml"):
        feed = parse(site, path).feed
        assert (feed.logo, feed.icon) == ("https://example.org/assets/logo.png", "https://example.org/favicon.svg"), path


def test_pasted_html_pictures_in_srcset_and_a_videos_poster_are_found_on_the_page_and_absolute_in_feeds(project):
    """A pasted `<img srcset>`, `<picture><source srcset>` or `<video poster src>` (a WordPress or Hugo export's) kept
    its paths as written from the article's folder: broken on the page (a 2x screen loads the srcset's picture) and
    relative in feeds, where a reader has no page to resolve them against."""
    body = (
        '<img src="../images/a.png" srcset="../images/a.png 1x, ../images/a%202x.png 2x,https://cdn.example/c.png 3x" alt="A">\n\n'
        '<picture><source srcset="../images/b.png"><img src="../images/a.png" alt="B"></picture>\n\n'
        '<video controls poster="../images/b.png" src="../images/clip.mp4"></video>\n'
    )
    png = b"\x89PNG\r\n\x1a\n"
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24 10:00", body),
            **{f"content/images/{name}": png for name in ("a.png", "a 2x.png", "b.png", "clip.mp4")},
        }
    )
    project.build()
    page = project.page("2021/05/24/a/")
    up = "../../../../images/"
    assert f'srcset="{up}a.png 1x, {up}a%202x.png 2x, https://cdn.example/c.png 3x"' in page
    assert f'<source srcset="{up}b.png">' in page and f'poster="{up}b.png" src="{up}clip.mp4"' in page
    assert {p.name for p in (project.public / "images").iterdir()} == {"a.png", "a 2x.png", "b.png", "clip.mp4"}
    feed = ElementTree.parse(project.public / "feed.xml")  # (as written: feedparser's sanitizer drops srcset and poster)
    body = feed.getroot().findtext("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content")
    assert re.findall(r'(?:srcset|poster|src)="([^"]*)"', body) == [
        "https://example.org/images/a.png",
        "https://example.org/images/a.png 1x, https://example.org/images/a%202x.png 2x, https://cdn.example/c.png 3x",
        "https://example.org/images/b.png",
        "https://example.org/images/a.png",
        "https://example.org/images/b.png",
        "https://example.org/images/clip.mp4",
    ]


CHART = (
    "The chart of launches:\n\n"
    '<iframe src="../charts/launches.html" title="Launches by year"></iframe>\n\n'
    '<object data="../charts/report.pdf" type="application/pdf"></object>\n\n'
    '<embed src="../charts/report.pdf" type="application/pdf">\n'
)


def test_a_pasted_iframe_object_and_embed_show_their_files_as_a_video_does(project):
    """`<iframe src>`, `<object data>` and `<embed src>` of a file under content/ (a chart, a PDF) kept their paths as
    written: broken on the page and in feeds, the files not copied, and 0 warnings (a user's trial)."""
    project.write(
        {
            "content/2025/chart.md": article("Chart", "2025-03-11 10:00", CHART),
            "content/charts/launches.html": "<!doctype html><title>Launches</title>",
            "content/charts/report.pdf": b"%PDF-1.4",
        }
    )
    assert project.build().warnings == []
    page = project.page("2025/03/11/chart/")
    up = "../../../../charts/"
    assert f'<iframe src="{up}launches.html" title="Launches by year">' in page
    assert f'<object data="{up}report.pdf" type="application/pdf">' in page and f'<embed src="{up}report.pdf"' in page
    assert sorted(p.name for p in (project.public / "charts").iterdir()) == ["launches.html", "report.pdf"]
    feed = ElementTree.parse(project.public / "feed.xml")
    body = feed.getroot().findtext("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content")
    assert re.findall(r'(?:src|data)="([^"]*)"', body) == [
        "https://example.org/charts/launches.html",
        "https://example.org/charts/report.pdf",
        "https://example.org/charts/report.pdf",
    ]
    project.remove("content/charts/launches.html")
    with pytest.raises(ContentError) as error:
        project.build()
    assert (
        str(error.value)
        == "content/2025/chart.md:8: linked file 'charts/launches.html' not found (put it at content/charts/launches.html or fix the path)"
    )


def test_a_missing_picture_of_a_srcset_is_an_error_naming_the_article(project):
    project.write(
        {
            "content/2021/a.md": article(
                "A", "2021-05-24 10:00", '<img src="https://x.example/a.png" srcset="../images/none.png 2x" alt="A">'
            )
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert "content/2021/a.md" in str(error.value) and "images/none.png" in str(error.value)


def test_a_control_character_escaped_in_the_front_matter_leaves_the_feeds_well_formed(project):
    """`summary: "…\\x0c…"` (or `&#12;` in a WordPress title) failed the build in the feed writer, with a traceback."""
    project.write({"content/a.md": article("Gas &#12;and light", "2021-05-24", summary='"Copied\\x0c from a PDF"')})
    result = project.build()
    assert [w.field for w in result.warnings] == ["title", "summary"]
    entry = parse(project, "feed.xml").entries[0]
    assert (entry.title, entry.summary) == ("Gas and light", "Copied from a PDF")


def test_the_site_feed_is_written_at_the_old_sites_feed_addresses_too(project):
    """A keeper's move from Hugo (its feed at /index.xml) and Pelican (/feeds/all.atom.xml): the readers subscribed there
    lost the feed, and nothing said so (a feed reader follows no redirect page). `feeds: {old_paths: ...}` writes the
    site's feed there too, with the same entries and ids; one left out of site.yaml later is removed."""
    yaml = SITE_YAML + "feeds: {old_paths: [index.xml, /feeds/all.atom.xml]}\n"
    project.write({**FILES, "site.yaml": yaml})
    project.build()
    ours = parse(project, "feed.xml")
    for path in ("index.xml", "feeds/all.atom.xml"):
        old = parse(project, path)
        assert [e.id for e in old.entries] == [e.id for e in ours.entries] and len(ours.entries) > 1
        assert old.feed.title == ours.feed.title and old.feed.id == f"https://example.org/{path}"
    assert b"index.xml" not in (project.public / "index.html").read_bytes()  # (pages name the site's own feed alone)
    project.write({"site.yaml": SITE_YAML + "feeds: {old_paths: index.xml}\n"})
    project.build()
    assert (project.public / "index.xml").is_file() and not (project.public / "feeds").exists()


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        ("feed.xml", "'feed.xml' is where ssg writes a feed of its own: leave it out"),
        ("[tags/nasa/index.xml]", "'tags/nasa/index.xml' is where ssg writes a feed of its own: leave it out"),
        ("[/feed/]", "'/feed/' is not the path of a feed's file from the site's root (e.g. index.xml, feeds/all.atom.xml)"),
        ("[../x.xml]", "'../x.xml' is not the path of a feed's file from the site's root (e.g. index.xml, feeds/all.atom.xml)"),
        ("[./feed.xml]", "'./feed.xml' is where ssg writes a feed of its own: leave it out"),
        ("[en/feed.xml]", "'en/feed.xml' is where ssg writes a feed of its own: leave it out"),
        ("[./sitemap.xml]", "'./sitemap.xml' is where ssg writes the sitemap: leave it out"),
        ("[a/../../x.xml]", "'a/../../x.xml' is not the path of a feed's file from the site's root (e.g. index.xml, feeds/all.atom.xml)"),
        ("{a: 1}", "{'a': 1} is not a list of paths (e.g. [index.xml, feeds/all.atom.xml])"),
    ],
)
def test_an_old_feed_path_that_cannot_be_one_is_refused(project, paths, message):
    project.write({**FILES, "site.yaml": SITE_YAML + f"feeds: {{old_paths: {paths}}}\n"})
    with pytest.raises(ConfigError) as error:
        project.build()
    assert str(error.value).endswith(f"feeds: old_paths: {message}")


def feed_ids(project) -> dict[str, list[str]]:
    """Every feed's ids, its own first, by the feed's path."""
    feeds = sorted(path.relative_to(project.public).as_posix() for path in project.public.rglob("feed.xml"))
    return {path: re.findall(r"<id>([^<]*)</id>", (project.public / path).read_text(encoding="utf-8")) for path in feeds}


@pytest.mark.parametrize(
    ("base_url", "entry_id"),
    [
        ("https://news.example.com/archive/", "tag:news.example.com,2021-05-24:/archive/2021/05/24/roscosmos-china/"),
        ("https://www.example.org/", "tag:www.example.org,2021-05-24:/2021/05/24/roscosmos-china/"),
        ("https://example.org/archive/", "tag:example.org,2021-05-24:/archive/2021/05/24/roscosmos-china/"),
    ],
)
def test_feeds_id_base_keeps_every_id_when_base_url_moves(project, base_url, entry_id):
    """A user's trial: base_url moved (another host, `www.`, a sub-path) gave every entry of every feed a new id, and
    readers showed the latest 20 of each again as new. `feeds: {id_base: <the old base_url>}` keeps each id, the feeds'
    own too, byte for byte; the links follow base_url."""
    project.write({**FILES, "site.yaml": SITE_YAML})
    project.build()
    old = feed_ids(project)
    assert old["feed.xml"][0] == "https://example.org/feed.xml" and len(old) > 3
    moved = SITE_YAML.replace("base_url: https://example.org/", f"base_url: {base_url}")
    project.write({"site.yaml": moved})
    project.build()
    assert parse(project, "feed.xml").entries[1].id == entry_id
    assert feed_ids(project)["tags/china/feed.xml"][0] == f"{base_url}tags/china/feed.xml"
    project.write({"site.yaml": moved + "feeds: {id_base: 'https://example.org'}\n"})  # (written as base_url may be)
    project.build()
    assert feed_ids(project) == old
    assert parse(project, "feed.xml").entries[1].link == f"{base_url}2021/05/24/roscosmos-china/"


def test_feeds_id_base_under_a_path_is_the_ids_path(project):
    """An id_base with a path (the old site under /archive/, the new one at a host's root) puts the article's site path
    after it, as the old site's build did."""
    project.write({**FILES, "site.yaml": SITE_YAML + "feeds: {id_base: 'https://old.example.net/archive'}\n"})
    project.build()
    feed = parse(project, "feed.xml")
    assert feed.feed.id == "https://old.example.net/archive/feed.xml"
    assert feed.entries[1].id == "tag:old.example.net,2021-05-24:/archive/2021/05/24/roscosmos-china/"
    assert feed.entries[1].link == "https://example.org/2021/05/24/roscosmos-china/"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("example.org/", "'example.org/' is not an absolute http(s) URL (write https://example.org/)"),
        ("'ftp://example.org/'", "'ftp://example.org/' is not an absolute http(s) URL (use https://example.org/ or https://user.github.io/archive/)"),
        ("'https://example.org/index.html'", "'https://example.org/index.html' is the address of a page, not of the folder the site is in (write https://example.org/)"),
    ],
)  # fmt: skip
def test_a_feeds_id_base_that_is_no_address_is_refused_on_its_line(project, value, message):
    project.write({**FILES, "site.yaml": SITE_YAML + f"feeds: {{id_base: {value}}}\n"})
    with pytest.raises(ConfigError) as error:
        project.build()
    line = SITE_YAML.count("\n") + 1
    assert str(error.value) == f"site.yaml:{line}: feeds: id_base: {message}"


def yaml_warnings(result) -> list[str]:
    """The build's warnings on site.yaml (the sample archive's content has one of its own)."""
    return [str(w) for w in result.warnings if w.path == "site.yaml"]


MOVED_WARNING = (
    "the last build into public made the feeds for https://example.org/ and this one makes them for {new}: every entry's id"
    " is made of that address, so each changes with it, and feed readers show the latest entries of every feed again as"
    " new; id_base: 'https://example.org/' under feeds: in site.yaml (feeds: {{id_base: 'https://example.org/'}}) keeps every"
    " id as it was (the links follow base_url)"
)


def test_a_base_url_that_moves_every_feeds_ids_is_warned_of_on_its_line(project):
    """The move gave every id anew, and the build said nothing. Now it says so, on base_url's line, with the setting
    that keeps the ids; not on the first build."""
    project.write({**FILES, "site.yaml": SITE_YAML})
    assert yaml_warnings(project.build()) == []
    moved = SITE_YAML.replace("https://example.org/", "https://news.example.com/archive/", 1)
    project.write({"site.yaml": moved})
    assert yaml_warnings(project.build()) == ["site.yaml:3: base_url: " + MOVED_WARNING.format(new="https://news.example.com/archive/")]
    # Set after that build, as told, id_base gives the old ids back, which that build wrote but likely did not publish:
    # no warning (it told to undo its own advice, the ids of the base_url it had warned of).
    project.write({"site.yaml": moved + "feeds: {entries: 5, id_base: 'https://example.org/'}\n"})
    assert yaml_warnings(project.build()) == []
    assert "<id>tag:example.org," in (project.public / "feed.xml").read_text(encoding="utf-8")


def test_a_base_url_moved_with_feeds_id_base_set_to_the_old_one_is_no_warning(project):
    project.write({**FILES, "site.yaml": SITE_YAML})
    project.build()
    moved = SITE_YAML.replace("https://example.org/", "https://news.example.com/archive/", 1)
    project.write({"site.yaml": moved + "feeds: {id_base: 'https://example.org/'}\n"})
    assert yaml_warnings(project.build()) == []


def test_a_moved_feeds_id_is_warned_of_once_and_not_again(project):
    project.write({**FILES, "site.yaml": SITE_YAML})
    project.build()
    project.write({"site.yaml": SITE_YAML.replace("https://example.org/", "https://www.example.org/", 1)})
    assert [w.split(": ")[1] for w in yaml_warnings(project.build())] == ["base_url"]
    assert yaml_warnings(project.build()) == []  # (this build's feeds are the last build's now)
    project.write({"site.yaml": SITE_YAML.replace("https://example.org/", "http://www.example.org:8080/", 1)})
    assert yaml_warnings(project.build()) == []  # (the scheme and port: no entry's id holds them)


def test_a_staging_build_with_base_url_is_not_warned_of_moved_feeds(project):
    project.write({**FILES, "site.yaml": SITE_YAML})
    project.build()
    assert yaml_warnings(project.build(base_url="https://staging.example.org/")) == []


def test_init_explains_id_base_and_its_feeds_line_loads_uncommented(tmp_path):
    """`ssg init`'s site.yaml says what id_base is for, and leaves it out of the feeds line (an unset id_base is
    base_url: `id_base: null`, uncommented, would be an empty value)."""
    text = default_site_yaml()
    line = next(row for row in text.splitlines() if row.startswith("# feeds:"))
    assert "id_base" in text[: text.index(line)].rsplit("\n\n", 1)[1] and "id_base" not in line
    (tmp_path / "site.yaml").write_text(f"title: T\nbase_url: https://example.org/\n{line[2:]}\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.feeds["id_base"] is None and config.feed_id_base == "https://example.org/"
