"""Standalone pages (About, Contacts): where they are built, what links to them, and where they are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ssg.cli import main
from ssg.content import ReadSettings, read_article
from ssg.errors import SsgError
from ssg.pages import Page
from ssg.search import SearchConfig
from ssg.targets import page_candidates

from .conftest import BILINGUAL_YAML, article

SETTINGS = ReadSettings(lang="en", timezone="UTC", require=(), search=SearchConfig(enabled=False))


def page(title: str, body: str = "Text.", **front: object) -> str:
    """The text of a page's file; extra front matter as YAML flow values."""
    lines = [f"title: {title}"] + [f"{k}: {v}" for k, v in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def menu_of(html: str) -> list[tuple[str, str]]:
    """The header's menu entries after Home, Archive, Tags and Sources: (href, text)."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)[0]
    return re.findall(r'<li><a href="([^"]*)"[^>]*>([^<]*)</a></li>', nav)[4:]


@pytest.fixture
def paged(project):
    """Two articles, and pages of each kind: in content/pages/ (one a bundle with its picture), marked `type: page` and
    `layout: page`, one left out of the menu and a draft."""
    return project.write(
        {
            "content/2021/first.md": article(
                "First news", "2021-05-01T10:00:00+03:00", "Read [about us](../pages/about.md).", tags="[Moon]"
            ),
            "content/2021/second.md": article("Second news", "2021-06-01T10:00:00+03:00", "Second.", tags="[Moon]"),
            "content/pages/about.md": page("About", "We archive [the news](../2021/first.md).", menu=2),
            "content/pages/team/index.md": page("Team", "![Us](us.png)", menu=1, summary="Who we are."),
            "content/pages/team/us.png": b"\x89PNG",
            "content/contacts.md": page("Contacts", "Write to us.", type="page", menu=2),
            "content/imprint.md": page("Imprint", "The legal part.", layout="page"),
            "content/pages/plans.md": page("Plans", "Not yet.", menu=9, draft="true"),
        }
    )


def test_pages_are_built_at_their_slugs_with_the_page_template(paged):
    result = paged.build()
    assert result.warnings == [] and result.pages["page"] == 4 and result.drafts_left_out == 1
    for slug, title in [("about", "About"), ("team", "Team"), ("contacts", "Contacts"), ("imprint", "Imprint")]:
        html = paged.page(f"{slug}/")
        assert f'<h1 class="article__title">{title}</h1>' in html and 'class="article standalone"' in html
        assert "<time" not in html and "tag-list" not in html and "data-latest" not in html  # no date, tags or latest list
    assert not (paged.public / "plans").exists()  # a draft
    assert (paged.public / "pages/team/us.png").read_bytes() == b"\x89PNG"
    assert '<img alt="Us" src="../pages/team/us.png">' in paged.page("team/")
    assert '<meta name="description" content="Who we are.">' in paged.page("team/")


def test_the_menu_lists_the_pages_with_menu_in_its_order_on_every_page(paged):
    paged.build()
    expected = [("team/", "Team"), ("about/", "About"), ("contacts/", "Contacts")]  # 1, then 2 by title
    assert menu_of(paged.page("")) == expected
    assert menu_of(paged.page("2021/05/01/first/")) == [(f"../../../../{path}", title) for path, title in expected]
    about = paged.page("about/")
    assert menu_of(about) == [("../team/", "Team"), ("./", "About"), ("../contacts/", "Contacts")]
    assert '<a href="./" class="is-current" aria-current="page">About</a>' in about
    assert "Imprint" not in paged.page("")  # no menu: not in the menu


MENU_YAML = """\
menu:
  - {name: Main site, url: 'https://newsroom.example/', weight: 10}
  - {name: {en: 2021 in review, ru: Итоги 2021}, url: /2021/, weight: 1.5}
  - {name: Write to the desk, url: 'mailto:desk@newsroom.example', weight: 10}
"""


def test_site_yaml_menu_links_join_the_pages_in_the_menu_by_their_places(paged):
    """A link to the newsroom's main site in the header meant copying base.html."""
    paged.write({"site.yaml": (paged.root / "site.yaml").read_text(encoding="utf-8") + MENU_YAML})
    paged.build()
    expected = [("team/", "Team"), ("2021/", "2021 in review"), ("about/", "About"), ("contacts/", "Contacts")]
    external = [("https://newsroom.example/", "Main site"), ("mailto:desk@newsroom.example", "Write to the desk")]  # 10, by name
    assert menu_of(paged.page("")) == expected + external
    from_article = [("../../../../team/", "Team"), ("../../../", "2021 in review"), ("../../../../about/", "About")]
    assert menu_of(paged.page("2021/05/01/first/")) == from_article + [("../../../../contacts/", "Contacts"), *external]
    assert '<a href="./" class="is-current" aria-current="page">2021 in review</a>' in paged.page("2021/")


def test_a_menu_link_is_named_in_the_pages_language(bilingual):
    bilingual.write({"site.yaml": (bilingual.root / "site.yaml").read_text(encoding="utf-8") + MENU_YAML})
    bilingual.build()
    assert ('<a href="../2021/">Итоги 2021</a>') in bilingual.page("ru/")
    assert '<a href="https://newsroom.example/" lang="en">Main site</a>' in bilingual.page("ru/")  # (no Russian name given)
    assert '<a href="https://newsroom.example/">Main site</a>' in bilingual.page("")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{name: Main, link: 'https://x.example/'}", "menu: entry 1 (Main): unknown key 'link' (use name, url, weight)"),
        ("{title: Main, url: 'https://x.example/'}", "menu: entry 1: unknown key 'title' (did you mean 'name'?)"),
        (
            "{name: Main}",
            "menu: entry 1 (Main): url is missing (each link has a name and a url, e.g. {name: Main site, url: 'https://example.org/'})",
        ),
        (
            "{name: Main, url: 'ftp://x.example/'}",
            "menu: entry 1 (Main): url: 'ftp://x.example/' is not a link: an http(s) or mailto: address, or a path in the site (archive/, tags/roscosmos/)",
        ),
        (
            "{name: Main, url: ../up/}",
            "menu: entry 1 (Main): url: '../up/' is not a path in the site (archive/, tags/roscosmos/) or an http(s) address",
        ),
        (
            "{name: Main, url: /, weight: first}",
            "menu: entry 1 (Main): weight: 'first' is not a number (its place in the menu, lower first, as pages' menu:)",
        ),
        ("{name: {english: Main}, url: /}", "menu: entry 1: name: 'english' is not a language code"),
    ],
)
def test_a_wrong_menu_link_is_named_with_what_would_be_right(project, entry, message):
    project.write({"site.yaml": (project.root / "site.yaml").read_text(encoding="utf-8") + f"menu:\n  - {entry}\n"})
    with pytest.raises(SsgError) as raised:
        project.build()
    assert str(raised.value).startswith(f"site.yaml:5: {message}")


def test_a_menu_link_to_no_page_of_the_site_is_a_warning_with_the_page_meant(paged):
    paged.write({"site.yaml": (paged.root / "site.yaml").read_text(encoding="utf-8") + "menu: [{name: Archive, url: archiv}]\n"})
    warnings = [str(w) for w in paged.build().warnings]
    assert warnings == [
        "site.yaml:5: menu: entry 1 (Archive): 'archiv' is no page or file of the site (did you mean 'archive/'? else put "
        "the file at static/archiv, or give an http(s) address)"
    ]


def test_a_menu_link_misspelling_a_tag_named_page_is_told_its_page(project):
    """The pages suggested for a misspelt path left out a listing's later pages by `/page/` in the path: a tag named
    Page (tags/page/) was never suggested, and the home page's second page (page/2/) was; `urls.is_later_page` says."""
    project.write(
        {
            "site.yaml": (project.root / "site.yaml").read_text(encoding="utf-8") + "menu: [{name: Pages, url: tags/pagee/}]\n",
            "content/2021/a.md": "---\ntitle: A\ndate: 2021-03-04T10:00:00Z\ntags: [Page]\n---\nText.\n",
        }
    )
    warnings = [str(w) for w in project.build().warnings]
    assert warnings == ["site.yaml:5: menu: entry 1 (Pages): 'tags/pagee/' is no page or file of the site (did you mean 'tags/page/'?)"]
    assert page_candidates([Page(path, "home", "", "en", None, {}, ()) for path in ("", "page/", "page/2/", "tags/page/3/")]) == [
        "",
        "page/",
    ]


def test_pages_are_in_the_sitemap_and_in_no_listing_feed_tag_archive_latest_list_or_search(paged):
    paged.build()
    sitemap = (paged.public / "sitemap.xml").read_text()
    for slug in ("about", "team", "contacts", "imprint"):
        assert f"<loc>https://example.org/{slug}/</loc>" in sitemap
    assert "plans" not in sitemap
    # Not a lastmod of their own (they have no date), nor one for the listings.
    assert re.search(r"<loc>https://example.org/about/</loc>\s*</url>", sitemap)
    assert re.search(r"<loc>https://example.org/archive/</loc>\s*<lastmod>2021-06-01T10:00:00\+03:00</lastmod>", sitemap)
    everything_else = {
        path: text
        for path, data in paged.files().items()
        if path.endswith((".html", ".xml", ".js", ".json")) and not path.startswith(("about/", "team/", "contacts/", "imprint/"))
        for text in [data.decode("utf-8", "replace")]
        if path != "sitemap.xml"
    }
    for path, text in everything_else.items():
        for title in ("We archive", "The legal part", "Imprint", "Who we are"):
            assert title not in text, (path, title)
    assert "About" not in (paged.public / "feed.xml").read_text() and "About" not in (paged.public / "latest.js").read_text()
    tag = paged.page("tags/moon/")
    assert "About" not in tag.split("<main")[1] and "Articles: 2" in tag
    first = paged.page("2021/05/01/first/")
    assert 'rel="next"' in first and "Second news" in first  # its neighbour is the article, never a page


def test_links_between_pages_and_articles_are_relative_and_follow_the_page(paged):
    paged.build()
    assert '<a href="../../../../about/">about us</a>' in paged.page("2021/05/01/first/")
    assert '<a href="../2021/05/01/first/">the news</a>' in paged.page("about/")
    paged.write({"content/pages/about.md": page("About", "We archive [the news](../2021/first.md).", menu=2, slug="who")})
    paged.build()
    assert '<a href="../../../../who/">about us</a>' in paged.page("2021/05/01/first/")
    assert not (paged.public / "about").exists()


def test_pages_under_a_sub_path(paged):
    paged.build(base_url="https://example.org/archive/")
    about = paged.page("about/")
    assert '<link rel="canonical" href="https://example.org/archive/about/">' in about
    assert "<loc>https://example.org/archive/about/</loc>" in (paged.public / "sitemap.xml").read_text()
    assert '<a href="../">Home</a>' in about and menu_of(paged.page(""))[0] == ("team/", "Team")  # relative: any sub-path


def test_a_date_on_a_page_is_when_it_was_updated(project):
    project.write({"content/pages/about.md": page("About", date="2024-03-05", menu=1), "content/a.md": article("A", "2021-01-01")})
    project.build()
    html = project.page("about/")
    assert '<p class="meta article__meta">Updated <time datetime="2024-03-05T00:00:00+03:00">March 5, 2024</time></p>' in html
    assert '"dateModified": "2024-03-05T00:00:00+03:00"' in html and "datePublished" not in html
    assert re.search(r"<loc>https://example.org/about/</loc>\s*<lastmod>2024-03-05T00:00:00\+03:00</lastmod>", project.page("sitemap.xml"))
    assert "2024" not in project.page("archive/")  # the archive has no 2024


def test_a_page_dated_later_waits_for_its_date_as_an_article_does(project):
    """Found in review: a page dated 2099 (`status: future` too) was published at once; an article is held back."""
    project.write({"content/pages/later.md": page("Later", date="2099-01-01", status="future"), "content/a.md": article("A", "2021-01-01")})
    result = project.build()
    assert not (project.public / "later/index.html").exists() and result.later_left_out == 1
    project.build(future=True)
    assert (project.public / "later/index.html").is_file()


def test_a_jekyll_post_or_a_post_under_pages_stays_an_article(project):
    """Found in review: `layout: page` in Jekyll's _posts/ made a post a page (Jekyll makes every file there a post),
    and an archive's news in a folder named pages/ had no way to stay news."""
    project.write(
        {
            "content/_posts/2020-03-01-jpost.md": page("Post", layout="page", tags="[Moon]"),
            "content/pages/2020/story.md": page("Story", date="2020-01-01", type="post"),
            "content/pages/2019/old.md": page("Old", date="2019-05-05"),
            "content/pages/2020-01-05-about.md": page("About"),
            "content/pages/styled.md": page("Styled", layout="post"),  # (a Jekyll theme's look: still a page)
        }
    )
    result = project.build()
    assert (project.public / "2020/03/01/jpost/index.html").is_file() and (project.public / "2020/01/01/story/index.html").is_file()
    assert (project.public / "about/index.html").is_file()  # (a date before a page's name is no part of its slug)
    assert (project.public / "styled/index.html").is_file()
    assert (project.public / "old/index.html").is_file() and [str(w) for w in result.warnings] == [
        "content/pages/2019/old.md:2: read as a standalone page (it is under pages/), though it sits in a year's folder, as news "
        "does: if it is an article, write type: post (or move it out of pages/), and it keeps its dated URL"
    ]


def test_drafts_are_shown_with_drafts_and_never_indexed(paged):
    paged.build(drafts=True)
    plans = paged.page("plans/")
    assert '<meta name="robots" content="noindex">' in plans and ">Draft</p>" in plans
    assert "plans" not in (paged.public / "sitemap.xml").read_text()


def test_a_page_without_a_title_is_an_error_on_its_line(project):
    project.write({"content/pages/about.md": "---\nmenu: 1\n---\n\nText.\n", "content/a.md": article("A", "2021-01-01")})
    with pytest.raises(SsgError) as error:
        project.build()
    assert [str(p) for p in error.value.problems] == ["content/pages/about.md:3: title: is missing (add `title: ...` to the front matter)"]


def test_an_article_without_a_date_is_told_where_a_page_goes(project):
    project.write({"content/about.md": "---\ntitle: About\n---\n\nText.\n", "site.yaml": "title: T\ncontent_dir: posts\n"})
    (project.root / "posts").mkdir()
    (project.root / "content/about.md").rename(project.root / "posts/about.md")
    with pytest.raises(SsgError) as error:
        project.build()
    assert [str(p) for p in error.value.problems] == [
        "posts/about.md:3: date: is missing (use 2021-05-24 or 2021-05-24T10:15:00+03:00, or start the file name with the date: "
        "2021-05-24-name.md; a page without a date, such as About, goes in posts/pages/ or takes `type: page`)"
    ]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # the tags index's URL
            {"content/pages/tags.md": page("Tags we use")},
            "content/pages/tags.md: slug: has the same URL /tags/ as the tags page (set a different `slug:`)",
        ),
        (  # another page's
            {"content/pages/about.md": page("About"), "content/pages/more/about.md": page("About again")},
            "content/pages/more/about.md: slug: has the same URL /about/ as content/pages/about.md (set a different `slug:`)",
        ),
        (  # an article's: the page is the one to move, though its file sorts first
            {
                "site.yaml": "title: T\npermalink: '{slug}/'\n",
                "content/pages/moon.md": page("Moon"),
                "content/x/moon.md": article("Moon", "2021-01-01"),
            },
            "content/pages/moon.md: slug: has the same URL /moon/ as content/x/moon.md (set a different `slug:`)",
        ),
        (  # a year's
            {"content/pages/y.md": page("2021", slug="2021")},
            "content/pages/y.md:3: slug: has the same URL /2021/ as the year page (set a different `slug:`)",
        ),
    ],
)
def test_a_page_on_a_url_the_site_has_is_an_error_on_its_file(project, files, expected):
    project.write({"content/2021/a.md": article("A", "2021-05-01"), **files})
    with pytest.raises(SsgError) as error:
        project.build()
    assert [str(p) for p in error.value.problems] == [expected]


def test_two_languages_on_one_url_on_a_single_language_site_are_told_to_list_the_languages(project):
    project.write(
        {"content/pages/about.md": page("About"), "content/pages/about.ru.md": page("О нас"), "content/a.md": article("A", "2021-01-01")}
    )
    with pytest.raises(
        SsgError,
        match=r"content/pages/about.ru.md: slug: has the same URL /about/ as content/pages/about.md, in another language: .*languages: \[en, ru\]",
    ):
        project.build()


def test_a_pages_old_url_redirects_to_it(project):
    project.write({"content/pages/about.md": page("About", aliases="[/about-us.html]"), "content/a.md": article("A", "2021-01-01")})
    project.build()
    redirect = project.page("about-us.html")
    assert '<link rel="canonical" href="https://example.org/about/">' in redirect and "This page has moved:" in redirect
    assert "about-us" not in project.page("sitemap.xml")


def test_bilingual_pages_live_with_their_languages_home_and_link_each_other(bilingual):
    bilingual.write(
        {
            "content/pages/about.md": page("About", "English.", menu=1),
            "content/pages/about.ru.md": page("О нас", "По-русски.", menu=1),
            "content/pages/contacts.md": page("Contacts", "Write.", menu=2),
        }
    )
    bilingual.build()
    english, russian = bilingual.page("about/"), bilingual.page("ru/about/")
    assert '<html lang="ru"' in russian and "Эта страница на других языках:" in russian
    assert '<link rel="alternate" hreflang="ru" href="https://example.org/ru/about/">' in english
    assert '<a href="../ru/about/" hreflang="ru" lang="ru" title="Русский">RU</a>' in english  # the language switch
    # Each language's menu shows its version of a page, else the default language's.
    assert menu_of(russian) == [("./", "О нас"), ("../../contacts/", "Contacts")]
    assert menu_of(bilingual.page("ru/")) == [("about/", "О нас"), ("../contacts/", "Contacts")]
    assert menu_of(bilingual.page("")) == [("about/", "About"), ("contacts/", "Contacts")]
    sitemap = bilingual.page("sitemap.xml")
    assert '<xhtml:link rel="alternate" hreflang="ru" href="https://example.org/ru/about/" />' in sitemap


def test_a_theme_without_a_page_template_shows_pages_in_its_base(project):
    project.write(
        {
            "templates/base.html": "<title>{{ page.title }}</title>{% for item in menu %}[{{ item.title }}]{% endfor %}{% block content %}{% endblock %}",
            "content/pages/about.md": page("About", "Our *story*.", menu=1),
            "content/a.md": article("A", "2021-01-01"),
        }
    )
    (project.root / "themes/bare/templates").mkdir(parents=True)
    for name in ("article.html", "list.html", "tags.html", "archive.html", "404.html", "card.html"):
        (project.root / f"themes/bare/templates/{name}").write_text("{% extends 'base.html' %}")
    project.write({"site.yaml": "title: T\ntheme: bare\nsearch: {enabled: false}\n"})
    project.build()
    assert project.page("about/") == "<title>About</title>[About]<article>\n  <h1>About</h1>\n  <p>Our <em>story</em>.</p>\n</article>\n"


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("2", 2),
        ("-1.5", -1.5),
        ("true", 0),
        ("false", None),
        ("main", 0),
        ("main\nweight: 7", 7),
        ("{main: {weight: 3}}", 3),
        ("[main, footer]", 0),
    ],
)
def test_menu_takes_a_place_or_hugos_main_menu(written, place):
    record = read_article("pages/about.md", f"---\ntitle: About\nmenu: {written}\n---\n\nText.\n".encode(), SETTINGS)
    assert record["meta"]["menu"] == place and record["meta"]["page"] and record["warnings"] == []
    assert "menu" not in record["meta"]["extra"] and record["terms"] is None


def test_a_menu_that_is_no_place_is_a_warning(tmp_path):
    record = read_article("pages/about.md", b"---\ntitle: About\nmenu: footer\n---\n\nText.\n", SETTINGS)
    assert record["meta"]["menu"] is None
    assert [w["message"] for w in record["warnings"]] == [
        "'footer' is not a place in the header's menu: write a number (menu: 1; lower comes first), or leave it out to keep the page out of the menu"
    ]


def test_an_articles_keys_on_a_page_are_kept_with_a_warning():
    record = read_article("about.md", b"---\ntitle: About\ntype: page\ntags: [Moon]\nsource: TASS\n---\n\nText.\n", SETTINGS)
    assert record["meta"]["extra"] == {"type": "page", "tags": ["Moon"], "source": "TASS"}
    assert [(w["line"], w["field"]) for w in record["warnings"]] == [(4, "tags"), (5, "source")]


def test_new_page_writes_content_pages(project):
    result = run("-C", str(project.root), "new", "--page", "About us")
    assert result.exit_code == 0, result.output
    path = (Path.cwd() / result.output.strip()).resolve()
    assert path == project.root / "content/pages/about-us.md"
    assert yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) == {"title": "About us"}
    assert "# menu: 1" in path.read_text(encoding="utf-8")
    result = run("-C", str(project.root), "new", "--page", "Contacts", "--menu", "2", "--draft")
    assert yaml.safe_load(Path(result.output.strip()).read_text(encoding="utf-8").split("---")[1]) == {
        "title": "Contacts",
        "draft": True,
        "menu": 2,
    }
    path.write_text(path.read_text(encoding="utf-8") + "We are.\n", encoding="utf-8")
    project.write({"content/a.md": article("A", "2021-01-01")})
    assert run("-C", str(project.root), "build").exit_code == 0
    assert (project.public / "about-us/index.html").is_file() and not (project.public / "contacts").exists()
    again = run("-C", str(project.root), "new", "--page", "About us")
    assert again.exit_code == 1 and "already exists" in again.output


def test_new_page_in_a_bilingual_sites_other_language_is_the_translation_of_its_slug(project):
    project.write({"site.yaml": BILINGUAL_YAML})
    result = run("-C", str(project.root), "new", "--page", "О нас", "--slug", "about")
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip())
    assert path.name == "about.ru.md" and yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) == {
        "title": "О нас",
        "lang": "ru",
    }


@pytest.mark.parametrize("extra", [["--tag", "Moon"], ["--date", "2021-01-01"], ["--source-url", "https://x.org/"]])
def test_new_page_takes_no_news_options(project, extra):
    result = run("-C", str(project.root), "new", "--page", "About", *extra)
    assert result.exit_code == 2 and "--page starts a page" in result.output
    assert run("-C", str(project.root), "new", "Story", "--menu", "1").exit_code == 2
    assert not any((project.root / "content").iterdir())


def test_check_reads_pages_and_renders_their_template(paged):
    result = run("-C", str(paged.root), "check")
    assert result.exit_code == 0 and "2 articles, 5 standalone pages" in result.output
    paged.write({"templates/page.html": "{% extends 'base.html' %}{% block content %}{{ standalone.titel }}{% endblock %}"})
    result = run("-C", str(paged.root), "check")
    assert (
        result.exit_code == 1 and "templates/page.html:1: UndefinedError: 'StandalonePage' object has no attribute 'titel'" in result.output
    )


@pytest.mark.parametrize(("status", "draft"), [("hidden", False), ("published", False), ("draft", True)])
def test_pelicans_status_on_a_page(status, draft):
    """Pelican's hidden page is published and listed nowhere: here, a page without `menu:`. A draft is a draft."""
    record = read_article("pages/about.md", f"---\ntitle: About\nstatus: {status}\n---\n\nText.\n".encode(), SETTINGS)
    assert record["meta"]["draft"] is draft and "status" not in record["meta"]["extra"]
