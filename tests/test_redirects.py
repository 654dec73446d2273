"""An article's old URLs (aliases:, redirect_from:, url:, permalink:) get pages that lead to it."""

from __future__ import annotations

import re
import shutil

import pytest

from ssg.build import Builder, BuildOptions
from ssg.config import load_config
from ssg.content import Article, ReadSettings, read_article
from ssg.errors import SsgError
from ssg.linkcheck import check_links
from ssg.search import SearchConfig

from .conftest import NOW, REPO, article

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def redirect(project, path: str) -> tuple[str, str]:
    """The refresh target and canonical URL of the redirect page at output file `path`."""
    page = (project.public / path).read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page and f'<a href="{REFRESH.search(page)[1]}">' in page
    return REFRESH.search(page)[1], CANONICAL.search(page)[1]


def problems(project, **options) -> list[str]:
    with pytest.raises(SsgError) as error:
        project.build(**options)
    return [str(p) for p in error.value.problems]


@pytest.mark.parametrize(
    ("written", "file", "target"),
    [
        ("/2021/05/old-slug/", "2021/05/old-slug/index.html", "../24/a/"),
        ("/old.html", "old.html", "2021/05/24/a/"),
        ("/x.htm", "x.htm", "2021/05/24/a/"),
        # Without its leading `/`, from the article's folder, as Hugo reads `aliases:` (a new user's archive).
        ("old-slug", "2021/05/24/old-slug/index.html", "../a/"),
        ("x.htm", "2021/05/24/x.htm", "a/"),
        ("/post/x/index.html", "post/x/index.html", "../../2021/05/24/a/"),
        ("/новости/старое/", "новости/старое/index.html", "../../2021/05/24/a/"),
        ("/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/x/", "новости/x/index.html", "../../2021/05/24/a/"),
        ("https://example.org/2019/a/", "2019/a/index.html", "../../2021/05/24/a/"),
        ("https://www.example.org/2019/a.html", "2019/a.html", "../2021/05/24/a/"),
    ],
)
def test_an_old_url_gets_a_page_leading_to_the_article(project, written, file, target):
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases=f'["{written}"]')})
    result = project.build()
    assert redirect(project, file) == (target, "https://example.org/2021/05/24/a/")
    assert result.pages["redirect"] == 1 and result.warnings == []
    assert check_links(project.public, "https://example.org/").broken == []


def test_an_old_url_through_a_file_of_the_site_is_an_error_and_the_page_stays(project):
    """`aliases: /index.html/` made the home page a folder holding the redirect, on a build after a first (found in
    review); a cold build failed writing."""
    project.write({"content/2021/a.md": article("A", "2021-05-24")})
    project.build()
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases='["/index.html/", "/2021/05/24/a/index.html/x/"]')})
    assert problems(project) == [
        "content/2021/a.md:4: aliases: /2021/05/24/a/index.html/x/ would make the file /2021/05/24/a/index.html, which the "
        "site writes, a folder (a redirect cannot take its place: remove the old URL here)",
        "content/2021/a.md:4: aliases: /index.html/ would make the file /index.html, which the site writes, a folder (a "
        "redirect cannot take its place: remove the old URL here)",
    ]
    assert (project.public / "index.html").is_file()
    # The other way: an .html file where the site writes into a folder of that name.
    project.write({"static/old.html/map.png": b"png", "content/2021/a.md": article("A", "2021-05-24", aliases='["/old.html"]')})
    assert problems(project) == [
        "content/2021/a.md:4: aliases: /old.html is a folder of the site (/old.html/map.png is in it): a redirect cannot take "
        "its place: remove the old URL here"
    ]


def test_a_clippings_url_of_another_site_is_kept_with_a_warning_not_an_error(project):
    """`url: https://www.interfax.ru/...` (the original's address) built before ssg read the key; then it failed. The
    message quotes the URL as written (it showed `www.interfax.ru/russia/767824/`, which a search of the files missed)."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", url="https://www.interfax.ru/russia/767824")})
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/2021/a.md:4: url: https://www.interfax.ru/russia/767824 is another site's address, not an old URL of this one: no "
        "page redirects from it (kept for templates, article.extra.url; the original's link is written source:)"
    ]
    assert result.pages["redirect"] == 0


def test_a_path_without_its_slash_is_from_the_sites_root_but_under_aliases(project):
    """Jekyll's `redirect_from:` and `url:` are paths from the root, written with a `/` or not; Hugo's `aliases:` without
    one are from the article's folder."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", redirect_from="2021/05/old-slug", aliases="[older]")})
    project.build()
    assert redirect(project, "2021/05/old-slug/index.html") == ("../24/a/", "https://example.org/2021/05/24/a/")
    assert redirect(project, "2021/05/24/older/index.html") == ("../a/", "https://example.org/2021/05/24/a/")


def test_an_old_url_written_with_base_urls_path_is_told_the_path_to_write(project):
    """Under `base_url: https://example.org/archive/`, `aliases: [/archive/2019/old/]`, the address as the address bar
    shows it, made /archive/archive/2019/old/ without a word (found by a search engines' trial)."""
    yaml = (project.root / "site.yaml").read_text().replace("https://example.org/", "https://example.org/archive/")
    project.write({"site.yaml": yaml, "content/2021/a.md": article("A", "2021-05-24", aliases="[/archive/2019/old/, /2019/older/]")})
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/a.md:4: aliases: /archive/2019/old/ starts with base_url's path (/archive/), and an old URL's path is "
        "read from the site's root, so its page is at /archive/archive/2019/old/: write /2019/old/, or the full URL "
        "https://example.org/archive/2019/old/"
    ]
    assert (project.public / "archive/2019/old/index.html").is_file()  # (made as before: the warning says where)


def test_obsidians_aliases_are_names_not_old_urls(project):
    """`aliases: [Artemis 2 crew, Экипаж Артемиды]` (Obsidian's other names for a note) made pages at
    `2023/04/03/Artemis 2 crew/` without a word (found by a new user's trial); Hugo's paths keep theirs."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases="[Artemis 2 crew, U.S. sanctions, Экипаж, Old-Post, older]")})
    project.build()
    made = sorted(p.relative_to(project.public).as_posix() for p in (project.public / "2021/05/24").rglob("index.html"))
    assert made == ["2021/05/24/Old-Post/index.html", "2021/05/24/a/index.html", "2021/05/24/index.html", "2021/05/24/older/index.html"]


@pytest.mark.parametrize(
    ("front", "count"),
    [
        ({"aliases": "/old/"}, 1),
        ({"aliases": "[/old/, /other.html]"}, 2),
        ({"redirect_from": "/old/"}, 1),
        ({"redirect_from": "[/old/, /other.html]"}, 2),
        ({"url": "/old/", "permalink": "/other.html"}, 2),
        ({"permalink": "[/old/]"}, 1),
        ({"aliases": "[/old/]", "redirect_from": "[/old/index.html]", "url": "/other.html"}, 2),  # one page for the first two
    ],
)
def test_every_key_names_old_urls_as_a_list_or_one(project, front, count):
    project.write({"content/2021/a.md": article("A", "2021-05-24", **front)})
    result = project.build()
    assert redirect(project, "old/index.html") == ("../2021/05/24/a/", "https://example.org/2021/05/24/a/")
    assert result.pages["redirect"] == count
    if count == 2:
        assert redirect(project, "other.html") == ("2021/05/24/a/", "https://example.org/2021/05/24/a/")


def test_under_a_sub_path_an_old_url_is_from_the_site_root(project):
    base = "https://x.org/archive/"
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases="[/old/, 'https://x.org/archive/2019/a.html']")})
    project.build(base_url=base)
    assert redirect(project, "old/index.html") == ("../2021/05/24/a/", base + "2021/05/24/a/")
    assert redirect(project, "2019/a.html") == ("../2021/05/24/a/", base + "2021/05/24/a/")
    assert check_links(project.public, base).broken == []


def test_an_old_url_that_is_the_articles_own_is_no_redirect(project):
    """An archive that kept its URLs (site.yaml's permalink: as the old site's) keeps `url:` or `permalink:` too."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", url="/2021/05/24/a/", aliases="[/2021/05/24/a/index.html]")})
    result = project.build()
    assert "redirect" not in result.pages and result.warnings == []
    assert "refresh" not in project.page("2021/05/24/a/")


def test_redirects_are_in_no_sitemap_feed_or_search_index_and_links_to_them_are_no_broken_links(project):
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", aliases="[/old-a/]"),
            "content/2021/b.md": article("B", "2021-05-25", "See [A](/old-a/)."),
        }
    )
    result = project.build()
    assert result.warnings == []  # (a link to /old-a/ leads somewhere)
    assert "old-a" not in project.page("sitemap.xml") and '<link href="https://example.org/old-a/"' not in project.page("feed.xml")
    index = "".join(p.read_text(encoding="utf-8") for p in (project.public / "search").rglob("*") if p.is_file())
    assert "2021/05/24/a/" in index and "old-a" not in index
    assert 'href="../../../../old-a/"' in project.page("2021/05/25/b/")


def test_a_draft_has_no_redirects(project):
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases="[/old/]", draft="true")})
    project.build()
    assert not (project.public / "old").exists()
    project.build(drafts=True)
    assert (project.public / "old/index.html").is_file()


def test_an_old_url_where_the_site_has_something_else_is_an_error_naming_both(project):
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", aliases="[/tags/, /2021/05/24/b/, /shared/]"),
            "content/2021/b.md": article("B", "2021-05-24", redirect_from="/shared/index.html", url="/file.html"),
            "static/file.html": "<p>mine</p>",
        }
    )
    assert problems(project) == [
        "content/2021/a.md:4: aliases: /2021/05/24/b/ is the URL of content/2021/b.md "
        "(a redirect cannot take its place: remove the old URL here)",
        "content/2021/a.md:4: aliases: /tags/ is the URL of the tags page (a redirect cannot take its place: remove the old URL here)",
        "content/2021/b.md:4: redirect_from: /shared/index.html is an old URL of content/2021/a.md too "
        "(one page can redirect to one article: remove it from one of them)",
        "content/2021/b.md:5: url: /file.html is the path of static/file.html, which the site copies there "
        "(a redirect cannot take its place: remove the old URL here)",
    ]


def test_an_old_url_of_another_site_is_an_error(project):
    project.write(
        {
            "site.yaml": "title: T\nbase_url: https://x.org/archive/\n",
            "content/2021/a.md": article("A", "2021-05-24", aliases="['https://old.example.com/x/', 'https://x.org/y/']"),
        }
    )
    assert problems(project) == [
        "content/2021/a.md:4: aliases: https://old.example.com/x/ is on another host than the site (x.org): only the site's own URLs can redirect",
        "content/2021/a.md:4: aliases: https://x.org/y/ is not under the site's base_url (https://x.org/archive/), where its files are served",
    ]


def test_a_staging_build_leaves_out_old_urls_on_the_sites_host_with_a_warning(project):
    """`ssg build --base-url https://staging.example.net/` (docs/deploy.md) failed on every full old URL on the real host."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases="['https://example.org/old/a.html', '/kept/']")})
    result = project.build(base_url="https://staging.example.net/")
    assert [str(w) for w in result.warnings] == [
        "content/2021/a.md:4: aliases: https://example.org/old/a.html is on another host than the site (staging.example.net): only the "
        "site's own URLs can redirect; no page there in this build (--base-url)"
    ]
    assert (project.public / "kept/index.html").is_file() and not (project.public / "old/a.html").exists()


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("/?p=12", "'/?p=12' has a query (?p=12), which no file of a static site can answer: leave it out"),
        ("/old.php", "'/old.php' ends in .php, which a static host does not serve as a page: only a folder's page"),
        ("/:year/:title/", "'/:year/:title/' is a pattern, not a URL: write the article's old URL (/2021/05/old-slug/)"),
        ("/a/../../b/", "'/a/../../b/' has a '..': write the path from the site's root"),
        ("ftp://x.org/a/", "'ftp://x.org/a/' is not a path from the site's root (/2021/05/old-slug/) or an http(s) URL"),
        ("[{a: 1}]", "{'a': 1} is a mapping, not a URL"),
    ],
)
def test_a_value_that_is_no_old_url_is_an_error_on_its_line(project, written, message):
    value = written if written.startswith("[") else f'"{written}"'
    project.write({"content/2021/a.md": article("A", "2021-05-24", summary="S.", permalink=value)})
    (found,) = problems(project)
    assert found.startswith(f"content/2021/a.md:5: permalink: {message}"), found


def test_ssg_check_reports_them_too(project):
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases="[/tags/]")})
    assert problems(project, dry_run=True) == [
        "content/2021/a.md:4: aliases: /tags/ is the URL of the tags page (a redirect cannot take its place: remove the old URL here)"
    ]


def test_a_theme_without_a_redirect_template_uses_the_built_in_one(project):
    theme = project.root / "themes/bare"  # (its strings too: a string no language has is an error)
    shutil.copytree(REPO / "themes/default", theme, ignore=shutil.ignore_patterns("redirect.html"))
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "theme: bare\n"})
    project.write({"content/2021/a.md": article("A", "2021-05-24", aliases="[/old/]")})
    project.build()
    assert redirect(project, "old/index.html") == ("../2021/05/24/a/", "https://example.org/2021/05/24/a/")
    project.write({"templates/redirect.html": "{{ url_for(target) }} {{ target.title }}\n"})  # the site's own wins
    project.build()
    assert project.page("old/") == "../2021/05/24/a/ A\n"


def test_old_urls_are_read_into_the_article_and_a_record_without_them_is_no_record():
    settings = ReadSettings(lang="en", timezone="UTC", require=(), search=SearchConfig(enabled=False))
    record = read_article(
        "a.md", b"---\ntitle: T\ndate: 2021-05-24\naliases: [/x/, 'https://h.org/y.html', w]\nurl: z\n---\nText.\n", settings
    )
    article = Article.from_record("a.md", "k", record)
    assert [tuple(a) for a in article.aliases] == [
        ("aliases", "x/", None, False, "/x/"),
        ("aliases", "y.html", "h.org", False, "https://h.org/y.html"),
        ("aliases", "w/", None, True, "w"),  # (Hugo's relative alias: from the article's folder)
        ("url", "z/", None, False, "z"),
    ]
    assert article.extra["url"] == "z" and article.extra["aliases"] == ["/x/", "https://h.org/y.html", "w"]  # (kept, as before)
    del record["meta"]["aliases"]  # as an older ssg cached it: read again (`load._load_records` takes a KeyError so)
    with pytest.raises(KeyError):
        Article.from_record("a.md", "k", record)


def moved(result) -> list[str]:
    return [str(w) for w in result.warnings if "since the last build" in w.message or "of the last build moved" in w.message]


def test_a_published_page_that_moves_is_told_with_the_old_address_to_keep(project):
    """A date or a file name changed moves the article's page: every link to the old address (bookmarks, other sites,
    search engines) leads nowhere once the site is published again, and nothing said so. The build that moves it says
    which address went, and the `aliases:` that keeps it; with that written, a page there redirects and nothing is said."""
    project.write({"content/2021/a.md": article("A", "2021-05-24"), "content/2021/b.md": article("B", "2021-05-25")})
    assert moved(project.build()) == []  # (the first build into public/: nothing to compare with)
    project.write({"content/2021/a.md": article("A", "2021-05-20")})
    assert moved(project.build()) == [
        "content/2021/a.md: its page moved from /2021/05/24/a/ to /2021/05/20/a/ since the last build into public: once "
        "this is published, links and bookmarks to the old address break; aliases: [/2021/05/24/a/] keeps it working (a "
        "page there redirects)"
    ]
    assert moved(project.build()) == []  # (said once: the next build, up to date, moved nothing)
    (project.root / "content/2021/b.md").rename(project.root / "content/2021/b-renamed.md")  # (the one new page in its folder)
    assert moved(project.build()) == [  # (or one deleted and another written that day: the output cannot tell)
        "content/2021/b-renamed.md: its page is new in public, and /2021/05/25/b/, the one page gone from its folder since "
        "the last build, was likely its page: once this is published, links and bookmarks to the old address break; if it "
        "was, aliases: [/2021/05/25/b/] keeps it working (a page there redirects)"
    ]
    project.write({"content/2021/a.md": article("A", "2021-05-21", aliases="[/2021/05/20/a/]")})
    assert moved(project.build()) == []
    assert redirect(project, "2021/05/20/a/index.html")[0] == "../../21/a/"


def test_pages_moved_by_a_setting_are_told_once(project):
    """`permalink:` changed moves every article's page: one warning with an example, not one per article."""
    project.write({f"content/2021/a{n}.md": article(f"A{n}", f"2021-05-{n + 10}") for n in range(12)})
    project.build()
    with (project.root / "site.yaml").open("a", encoding="utf-8") as config:
        config.write('permalink: "{year}/{slug}/"\n')
    assert moved(project.build()) == [
        "public: 12 pages of the last build moved: /2021/05/10/a0/ is /2021/a0/ now, and 11 more. Once this is published, "
        "links and bookmarks to the old addresses break: undo what moved them (permalink:, languages:, timezone:, dates, file names), "
        "or keep each with aliases:, as aliases: [/2021/05/10/a0/] (in content/2021/a0.md) does (docs/content.md, Old URLs)"
    ]


def test_a_page_moved_is_not_told_where_its_old_address_is_taken_nor_in_the_preview_or_a_check(project):
    """Two articles that swap their dates leave no address empty; the preview's folder moves pages as the author writes
    (a date set, a file named) and `ssg check` builds nothing: neither tells."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", slug="x"), "content/2021/b.md": article("B", "2021-05-25", slug="x")})
    project.build()
    project.write({"content/2021/a.md": article("A", "2021-05-25", slug="x"), "content/2021/b.md": article("B", "2021-05-24", slug="x")})
    assert moved(project.build()) == []
    from ssg.build import BuildOptions, build
    from ssg.config import load_config
    from ssg.watch import preview_config

    def in_preview():  # (as `ssg serve` builds: drafts left out here, as in the rest of the test)
        return build(preview_config(load_config(project.root)), BuildOptions(now=NOW))

    in_preview()
    project.write({"content/2021/a.md": article("A", "2021-05-01", slug="x")})
    assert moved(in_preview()) == []
    assert moved(project.build(dry_run=True)) == []


def test_a_long_lived_builder_tells_a_moved_page_once(project):
    """`ssg build --watch` into public/ tells a moved page as `ssg build` does, once."""
    from ssg.build import Builder, BuildOptions
    from ssg.config import load_config

    from .conftest import NOW

    project.write({"content/2021/a.md": article("A", "2021-05-24"), "content/2021/b.md": article("B", "2021-05-25")})
    builder, config, options = Builder(), load_config(project.root), BuildOptions(now=NOW)
    builder.build(config, options)
    project.write({"content/2021/a.md": article("A", "2021-05-20")})
    assert [w.split(":")[0] for w in moved(builder.build(config, options))] == ["content/2021/a.md"]
    project.write({"content/2021/a.md": article("A", "2021-05-20", "Another text.")})
    assert moved(builder.build(config, options)) == []


def test_article_pages_a_settings_change_moves_are_a_warning_until_aliases_keep_them(project):
    """A new user's trial: `languages: [ru, en]` added to a Russian site moved every English article under /en/; the
    build removed the old pages and said only "39 removed", though links and bookmarks to them break once published."""
    project.write(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/\nlang: ru\n",
            "content/2021/a.md": article("Launch", "2021-05-24", lang="en"),
            "content/2021/b.md": article("Another", "2021-05-25", lang="en"),
            "content/2021/c.md": article("Запуск", "2021-05-26"),
        }
    )
    assert moved(project.build()) == []
    project.write({"site.yaml": "title: T\nbase_url: https://example.org/\nlang: ru\nlanguages: [ru, en]\n"})
    assert [w.split(" since")[0] for w in moved(project.build())] == [
        "content/2021/a.md: its page moved from /2021/05/24/a/ to /en/2021/05/24/a/",
        "content/2021/b.md: its page moved from /2021/05/25/b/ to /en/2021/05/25/b/",
    ]
    assert moved(project.build()) == []  # (said once: the next build, up to date, moved nothing)
    project.write({"site.yaml": "title: T\nbase_url: https://example.org/\nlang: ru\n"})
    project.build()
    project.write(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/\nlang: ru\nlanguages: [ru, en]\n",
            "content/2021/a.md": article("Launch", "2021-05-24", lang="en", aliases="[/2021/05/24/a/]"),
        }
    )
    assert [w.split(" since")[0] for w in moved(project.build())] == [
        "content/2021/b.md: its page moved from /2021/05/25/b/ to /en/2021/05/25/b/"
    ]


def test_a_translation_that_was_there_is_no_moved_original(project):
    """An original deleted whose translation has its slug (/ru/2014/03/11/x/, there before): nothing moved."""
    project.write(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/\nlanguages: [en, ru]\n",
            "content/2014/x.md": article("Soyuz lands", "2014-03-11"),
            "content/2014/x.ru.md": article("«Союз» приземлился", "2014-03-11", lang="ru", translation_of="2014/x.md"),
        }
    )
    project.build()
    (project.root / "content/2014/x.md").unlink()
    assert moved(project.build()) == []


def test_a_listing_gone_is_no_page_moved_to_an_article_of_its_name(project):
    """The last article tagged Moon (or taken from TASS) deleted, and a new one named moon.md (tass.md) written: the tag's
    (the outlet's) page went and an article has its name, which was told as the tag page moved to the article, with
    aliases: [/tags/moon/] to write (a redirect from a tag's address to one article)."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", tags="[moon]", source="TASS"),
            "content/2021/b.md": article("B", "2021-05-25", tags="[mars]"),
            "content/2021/c.md": article("C", "2021-05-26", tags="[mars]"),
            "content/2021/d.md": article("D", "2021-05-27", tags="[mars]"),
        }
    )
    project.build()
    assert (project.public / "tags/mars/page/2/index.html").is_file() and (project.public / "sources/tass/index.html").is_file()
    project.remove("content/2021/a.md")
    project.remove("content/2021/d.md")  # (the tag's second page goes: page/2/ has the name of an article "2")
    project.write(
        {
            "content/2021/moon.md": article("Moon", "2021-06-02"),
            "content/2021/tass.md": article("T", "2021-06-03"),
            "content/2021/2.md": article("Two", "2021-06-04"),
        }
    )
    result = project.build()
    assert not (project.public / "tags/moon/index.html").exists() and not (project.public / "sources/tass/index.html").exists()
    assert moved(result) == []


def test_warnings_of_one_file_with_and_without_a_line_sort(project):
    """A moved page's warning is on its file (no line); a date that disagrees with its folder is on line 3 of the same
    file. `ssg build --watch` sorts the warnings it prints, and stopped with "'<' not supported between NoneType and
    int" (found by the benchmark's moved date)."""
    project.write({"content/2021/a.md": article("A", "2021-05-24"), "content/2021/b.md": article("B", "2021-05-25")})
    project.build()
    project.write({"content/2021/a.md": article("A", "2020-05-20")})
    warnings = project.build().warnings
    assert [(w.path, w.line) for w in sorted(set(warnings))] == [("content/2021/a.md", None), ("content/2021/a.md", 3)]


# A tag's (an outlet's) old names and URLs: site.yaml `tag_aliases:`, `source_aliases:`.


def renamed(project, aliases: str = "", sources: str = "") -> None:
    """Two articles tagged Soyuz spacecraft (once Soyuz) from the outlet Interfax, and `aliases` / `sources` appended
    to site.yaml as its `tag_aliases:` and `source_aliases:`."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", tags="[Soyuz spacecraft, ISS]", source="{name: Interfax}"),
            "content/2021/b.md": article("B", "2021-05-25", tags="[Soyuz spacecraft]", source="{name: Interfax}"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8").split("tag_aliases:")[0]
    text += f"tag_aliases:\n{aliases}\n" if aliases else ""
    text += f"source_aliases:\n{sources}\n" if sources else ""
    (project.root / "site.yaml").write_text(text, encoding="utf-8")


def test_a_renamed_tags_old_name_and_urls_lead_to_its_page_and_its_old_feed_is_kept(project):
    """A tag renamed in every article (`sed`) lost its page and feed: every link to /tags/soyuz/ broke, and its feed's
    subscribers heard no more. Its old name keeps both: a page redirecting to the tag, and the tag's feed written at
    the old feed's address (a feed reader follows no page's redirect) under its old id; an old URL of another generator
    (Hugo's /tags/союз/, Cyrillic kept) redirects too. An outlet's likewise."""
    renamed(
        project,
        "  Soyuz spacecraft: [Soyuz, /tags/союз/, 'https://example.org/old/soyuz.html']",
        "  Interfax: Интерфакс-АВН",
    )
    result = project.build()
    assert result.warnings == [] and result.pages["redirect"] == 4
    assert redirect(project, "tags/soyuz/index.html") == ("../soyuz-spacecraft/", "https://example.org/tags/soyuz-spacecraft/")
    assert redirect(project, "tags/союз/index.html") == ("../soyuz-spacecraft/", "https://example.org/tags/soyuz-spacecraft/")
    assert redirect(project, "old/soyuz.html") == ("../tags/soyuz-spacecraft/", "https://example.org/tags/soyuz-spacecraft/")
    assert redirect(project, "sources/interfaks-avn/index.html") == ("../interfax/", "https://example.org/sources/interfax/")
    old, now = ((project.public / f"{f}/feed.xml").read_text(encoding="utf-8") for f in ("tags/soyuz", "tags/soyuz-spacecraft"))
    assert old.replace("tags/soyuz/feed.xml", "tags/soyuz-spacecraft/feed.xml") == now
    assert "<id>https://example.org/tags/soyuz/feed.xml</id>" in old and old.count("<entry>") == 2
    assert (project.public / "sources/interfaks-avn/feed.xml").is_file()
    # (an old address in the tags' folder gets a feed.xml as a tag's; Hugo's was index.xml: write that one as a URL too)
    assert (project.public / "tags/союз/feed.xml").is_file()
    assert "soyuz/" not in (project.public / "sitemap.xml").read_text(encoding="utf-8").replace("soyuz-spacecraft/", "")
    assert check_links(project.public, "https://example.org/").broken == []


def test_a_tag_alias_is_found_by_any_name_of_its_tag(project):
    """An entry may name its tag as `tag_names:` gives it in another language, and an old name that is one of the tag's
    names now makes no page (it is the tag's own address)."""
    renamed(project, "  Союз: [Soyuz, Soyuz spacecraft]")
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + "tag_names: {Soyuz spacecraft: {ru: Союз}}\n", encoding="utf-8")
    result = project.build()
    assert result.warnings == [] and result.pages["redirect"] == 1
    assert redirect(project, "tags/soyuz/index.html")[0] == "../soyuz-spacecraft/"


def test_tag_aliases_that_cannot_redirect_are_told_on_their_lines(project):
    """A tag no article has (a typo, or renamed again) and an old name still some article's tag (the `sed` missed a file:
    its page stays, and a redirect could not take its place) are warnings on the entry's line; an old URL that no static
    host can serve is an error there, as an article's is."""
    renamed(project, "  Soyuz craft: [Soyuz]\n  Soyuz spacecraft: [ISS]")
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + "source_aliases: {Interfax AVN: [Interfax-AVN]}\n", encoding="utf-8")
    warnings = [str(w) for w in project.build().warnings]
    assert warnings == [
        "site.yaml:6: tag_aliases: 'Soyuz craft' is no article's tag: no page redirects from its old names and URLs (name the tag as "
        "articles write it; renamed again? make its new name the entry's, with 'Soyuz craft' among the old names)",
        "site.yaml:7: tag_aliases: Soyuz spacecraft: 'ISS' is still the tag of 1 article (content/2021/a.md), whose page stays at "
        "/tags/iss/: rename it there too, or take it out of tag_aliases:",
        # (an entry written in flow style is told on its option's line)
        "site.yaml:8: source_aliases: 'Interfax AVN' is no article's outlet: no page redirects from its old names and URLs (name the "
        "outlet as articles write it; renamed again? make its new name the entry's, with 'Interfax AVN' among the old names)",
    ]
    assert (project.public / "tags/iss/index.html").is_file() and not (project.public / "tags/soyuz").exists()
    errors = {
        "[/tags/?tag=soyuz]": "site.yaml:6: tag_aliases: Soyuz spacecraft: '/tags/?tag=soyuz' has a query (?tag=soyuz), which no "
        "file of a static site can answer: leave it out",
        "[/tags/iss/]": "site.yaml:6: tag_aliases: /tags/iss/ is the URL of the tag page of 'ISS' (a redirect cannot take its place: "
        "remove the old URL here)",
        "[Apollo]\n  ISS: [Apollo]": "site.yaml:7: tag_aliases: /tags/apollo/ is an old address of the tag 'Soyuz spacecraft' "
        "(site.yaml:6) too (a page can lead to one place only: remove it from one of them)",
        "[/tags/soyuz/index.php]": "site.yaml:6: tag_aliases: Soyuz spacecraft: '/tags/soyuz/index.php' ends in .php, which a static "
        "host does not serve as a page: only a folder's page (/tags/old-name/) or an .html file can redirect",
        "[/feed.xml]": "site.yaml:6: tag_aliases: /feed.xml is a file the build writes already (a feed, the sitemap, a page or a "
        "copied file): a tag's old feed cannot take its place (remove it here)",
        "3": "site.yaml:5: tag_aliases: Soyuz spacecraft: must be its old names or old URLs, one or a list, e.g. [Роскосмос ГК, "
        "/tags/roskosmos-gk/]",
    }
    for aliases, error in errors.items():
        renamed(project, f"  Soyuz spacecraft: {aliases}")
        assert problems(project) == [error]


def test_a_tag_renamed_since_the_last_build_is_told_with_the_alias_that_keeps_its_address(project):
    """Links to a renamed tag's page break without a word in Hugo and Jekyll; the build after the rename pairs the one
    tag page gone with the one come, and gives the entry to write. Once written, the old address is a page again and
    nothing is said; a tag whose last article went, with no new one, is no rename."""
    project.write({"content/2021/a.md": article("A", "2021-05-24", tags="[Soyuz]")})
    project.build()
    project.write({"content/2021/a.md": article("A", "2021-05-24", tags="[Soyuz spacecraft]")})
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml: the page of one tag is gone since the last build into public (/tags/soyuz/), and one tag's is new "
        "(/tags/soyuz-spacecraft/, Soyuz spacecraft): if it is that tag renamed, links and bookmarks to the old address "
        "break once this is published; tag_aliases: {Soyuz spacecraft: [/tags/soyuz/]} keeps it working (a page there redirects, "
        "and its feed is written there too)"
    ]
    renamed(project, "  Soyuz spacecraft: [/tags/soyuz/]")
    project.write({"content/2021/b.md": article("B", "2021-05-25", tags="[Apollo]")})
    project.build()
    assert (project.public / "tags/soyuz/feed.xml").is_file()  # (the address given as written: its feed is kept)
    (project.root / "content/2021/b.md").unlink()
    assert project.build().warnings == []


def test_a_tag_merged_by_tag_names_is_told_and_its_old_name_keeps_its_address(project):
    """The build advises `tag_names:` for a tag written in both alphabets; following it took the Russian name's page
    (tags/baykonur/) away without a word, and `tag_aliases:` naming that name did nothing (its key is Baikonur's now,
    whose address is the tag's own page). The merge is told with the entry, and the entry keeps the address."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", tags="[Baikonur]"),
            "content/2021/b.md": article("Б", "2021-05-25", tags="[Байконур]", lang="ru"),
        }
    )
    project.build()
    assert (project.public / "tags/baykonur/index.html").is_file()
    site_yaml = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(site_yaml + "tag_names: {Baikonur: {ru: Байконур}}\n", encoding="utf-8")
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml: the page of the tag 'Байконур' is gone since the last build into public (/tags/baykonur/): tag_names: makes "
        "it one tag with 'Baikonur' now (/tags/baikonur/); links and bookmarks to the old address break once this is published, "
        "and tag_aliases: {Baikonur: [Байконур]} keeps it working (a page there redirects, and its feed is written there too)"
    ]
    (project.root / "site.yaml").write_text(
        site_yaml + "tag_names: {Baikonur: {ru: Байконур}}\ntag_aliases: {Baikonur: [Байконур]}\n", encoding="utf-8"
    )
    assert project.build().warnings == []
    assert redirect(project, "tags/baykonur/index.html")[0] == "../baikonur/"
    old, now = ((project.public / f"tags/{slug}/feed.xml").read_text(encoding="utf-8") for slug in ("baykonur", "baikonur"))
    assert old.replace("tags/baykonur/feed.xml", "tags/baikonur/feed.xml") == now


def test_a_tag_renamed_again_or_split_is_told_with_the_entry_that_keeps_its_addresses(project):
    """A tag renamed a second time took its page and its old name's redirect away at once (two pages gone: no pairing),
    and the entry's warning said only that it redirects "to nothing". The two go together as the entry's, and the
    warning gives the entry to write in its place. A tag split into two new ones is told too, leading to the first."""
    project.write({f"content/2021/a{n}.md": article(f"A{n}", f"2021-05-2{n}", tags="[Soyuz, Defence]") for n in range(1, 5)})
    project.build()
    for n in range(1, 5):
        project.write({f"content/2021/a{n}.md": article(f"A{n}", f"2021-05-2{n}", tags="[Soyuz spacecraft, Defence]")})
    renamed_once = project.build().warnings
    assert len(renamed_once) == 1 and "tag_aliases: {Soyuz spacecraft: [/tags/soyuz/]}" in str(renamed_once[0])
    site_yaml = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(site_yaml + "tag_aliases:\n  Soyuz spacecraft: [Soyuz]\n", encoding="utf-8")
    project.build()
    for n in range(1, 5):
        project.write({f"content/2021/a{n}.md": article(f"A{n}", f"2021-05-2{n}", tags="[Soyuz ships, Defence]")})
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml:6: tag_aliases: 'Soyuz spacecraft' is no article's tag: no page redirects from its old names and URLs (name the "
        "tag as articles write it; renamed again? make its new name the entry's, with 'Soyuz spacecraft' among the old names)",
        "site.yaml: the page of one tag is gone since the last build into public (/tags/soyuz-spacecraft/ and /tags/soyuz/), and "
        "one tag's is new (/tags/soyuz-ships/, Soyuz ships): if it is that tag renamed, links and bookmarks to the old address "
        "break once this is published; tag_aliases: {Soyuz ships: [Soyuz, Soyuz spacecraft]} in place of its entry for "
        "'Soyuz spacecraft' keeps it working (a page there redirects, and its feed is written there too)",
    ]
    (project.root / "site.yaml").write_text(site_yaml + "tag_aliases:\n  Soyuz ships: [Soyuz, Soyuz spacecraft]\n", encoding="utf-8")
    assert project.build().warnings == []
    assert redirect(project, "tags/soyuz/index.html")[0] == redirect(project, "tags/soyuz-spacecraft/index.html")[0] == "../soyuz-ships/"
    for n in range(1, 5):
        tags = "[Soyuz ships, Army]" if n < 3 else "[Soyuz ships, Navy]"
        project.write({f"content/2021/a{n}.md": article(f"A{n}", f"2021-05-2{n}", tags=tags)})
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml: the page of one tag is gone since the last build into public (/tags/defence/), and 2 tags' are new: "
        "/tags/army/ (Army), /tags/navy/ (Navy); if its articles are under those now, links and bookmarks to the old address "
        "break once this is published; tag_aliases: {Army: [/tags/defence/]} keeps it working (leading to the first) (a page "
        "there redirects, and its feed is written there too)"
    ]


def test_another_generators_tag_feed_and_a_name_with_a_slash(project):
    """Hugo's tag feed (/tags/союз/index.xml), written as an old URL, gets the tag's feed; an old name holding a slash
    (`9/11`) is a name, at the address this site gave it, not a path from the root."""
    renamed(project, "  Soyuz spacecraft: [/tags/союз/, /tags/союз/index.xml, 9/11 launch]")
    assert project.build().warnings == []
    feed = (project.public / "tags/союз/index.xml").read_text(encoding="utf-8")
    assert "<id>https://example.org/tags/%D1%81%D0%BE%D1%8E%D0%B7/index.xml</id>" in feed or "tags/союз/index.xml</id>" in feed
    assert feed.count("<entry>") == 2
    assert redirect(project, "tags/9-11-launch/index.html")[0] == "../soyuz-spacecraft/"
    assert (project.public / "tags/9-11-launch/feed.xml").is_file() and not (project.public / "9").exists()


# Every tag's old address as another generator made it: site.yaml `old_tag_urls:`.

# Tag names and the paths Hugo 0.111 gave their pages (`hugo` over a post with these tags, public/tags/ listed).
HUGO_TERMS = {
    "Роскосмос": "роскосмос",
    "«Роскосмос»": "роскосмос",
    "Союз МС-17": "союз-мс-17",
    "Газпром нефть": "газпром-нефть",
    "Москва — Сити": "москва-сити",
    "Что? Где? Когда?": "что-где-когда",
    "Б. Ельцин": "б.-ельцин",
    "О'Брайен": "обрайен",
    "Ёж ёлка": "ёж-ёлка",
    "Ж/д": "ж/д",
    "AT&T": "att",
    "C++": "c++",
    "Tesla's Model 3": "teslas-model-3",
    "100%": "100",
    "%41bc": "%41bc",
    "x%zz": "xzz",
    "#hashtag": "#hashtag",
    "Tom & Jerry": "tom-jerry",
    "a - b": "a-b",
    "Foo--Bar": "foo--bar",
    "  -x": "-x",
    "trail-": "trail-",
    "a_b c.d": "a_b-c.d",
    "x@y": "x@y",
    "a~b": "a~b",
    "tab\ttab": "tab-tab",
    "  Spaced  ": "spaced",
    "Café Noir": "café-noir",
    "ÄÖÜ ß": "äöü-ß",
    "İstanbul": "istanbul",
    "Σίσυφος": "σίσυφος",
    "日本 語": "日本-語",
    "٣٤": "٣٤",
    "①②": "",
    "x'y’z": "xyz",
    # As a path: `a//b` is a/b, `/lead/trail/` lead/trail; of `..` and `...` Hugo made no page.
    "a//b": "a/b",
    "/lead/trail/": "lead/trail",
    "x / y": "x-/-y",
    "p/./q": "p/q",
    "/": "",
    "..": "",
    "...": "",
    ".NET": ".net",
    "C#": "c#",
}


def test_hugos_tag_paths_are_made_as_hugo_made_them():
    from ssg.hugo import term_path

    assert {name: term_path(name) for name in HUGO_TERMS} == HUGO_TERMS


def test_every_tags_hugo_and_pelican_addresses_lead_to_its_page(project):
    """A Russian archive moved from Hugo lost every tag's address: Hugo kept the letters (/tags/роскосмос/, its feed
    /tags/роскосмос/index.xml), ssg spells them in Latin, and `tag_aliases:` needed an entry per tag (hundreds). One
    pattern keeps them all, Pelican's (/tag/roskosmos.html, its own transliteration) likewise; a tag whose address is
    the same here keeps its page, and gets Hugo's feed address."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", tags="[Роскосмос, Союз МС-17, NASA, Ж/д]"),
            "content/2021/b.md": article("B", "2021-05-25", tags="[Роскосмос]"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    patterns = "old_tag_urls:\n  - /tags/{hugo}/\n  - /tags/{hugo}/index.xml\n  - /tag/{pelican}.html\n"
    (project.root / "site.yaml").write_text(text + patterns, encoding="utf-8")
    result = project.build()
    assert result.warnings == []
    assert redirect(project, "tags/роскосмос/index.html") == ("../roskosmos/", "https://example.org/tags/roskosmos/")
    assert redirect(project, "tags/союз-мс-17/index.html")[0] == "../soyuz-ms-17/"
    assert redirect(project, "tags/ж/д/index.html")[0] == "../../zh-d/"
    assert redirect(project, "tag/roskosmos.html") == ("../tags/roskosmos/", "https://example.org/tags/roskosmos/")
    assert redirect(project, "tag/soiuz-ms-17.html")[0] == "../tags/soyuz-ms-17/"
    assert redirect(project, "tag/nasa.html")[0] == "../tags/nasa/" and redirect(project, "tag/zhd.html")[0] == "../tags/zh-d/"
    hugo_feed = (project.public / "tags/роскосмос/index.xml").read_text(encoding="utf-8")
    assert hugo_feed.count("<entry>") == 2 and (project.public / "tags/nasa/index.xml").is_file()
    # (a feed only where the pattern names one: no tags/роскосмос/feed.xml, an address no site had)
    assert sorted(path.name for path in (project.public / "tags/роскосмос").iterdir()) == ["index.html", "index.xml"]
    assert "refresh" not in (project.public / "tags/nasa/index.html").read_text(encoding="utf-8")  # (its own page)
    assert result.pages["redirect"] == 7  # (Hugo's but NASA's, which is its page's here too, and Pelican's)
    assert check_links(project.public, "https://example.org/").broken == []


def test_tags_hugo_made_one_page_of_redirect_to_the_one_of_more_articles(project):
    """Hugo made one page of `Роскосмос` and `«Роскосмос»`, which are two tags here: its address leads to the tag of more
    articles, said once for all its addresses; a pattern with no tag's name, or another's placeholder, is an error on
    its line, as is one written in [...] unquoted (YAML reads `{hugo}` there as a mapping)."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", tags="[Роскосмос]"),
            "content/2021/b.md": article("B", "2021-05-25", tags="[Роскосмос]"),
            "content/2021/c.md": article("C", "2021-05-26", tags="['«Роскосмос»']"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + "old_tag_urls: ['/tags/{hugo}/', '/tags/{hugo}/index.xml']\n", encoding="utf-8")
    line = text.count("\n") + 1
    warnings = [str(w) for w in project.build().warnings if "old_tag_urls" in str(w)]
    assert warnings == [
        f"site.yaml:{line}: old_tag_urls: /tags/роскосмос/ (and 1 more) is the old address of the tags 'Роскосмос' and "
        "'«Роскосмос»', which the old site made one page of: it leads to 'Роскосмос', of more articles (the first by name "
        "where as many; one name in all their articles makes them one tag here too)"
    ]
    assert redirect(project, "tags/роскосмос/index.html")[0] == "../roskosmos/"
    for written, error in [
        ("/tags/x/", "'/tags/x/' must hold the tag's name as {hugo} or {pelican}"),
        ("/tags/{slug}/", "'/tags/{slug}/' must hold the tag's name as {hugo} or {pelican}"),
        ("tags/{hugo}/", "'tags/{hugo}/' is not a URL from the site's root (start it with /)"),
        ("/tags/{hugo}/?x=1", "'/tags/{hugo}/?x=1' has a query (?x=1), which no file of a static site can answer"),
        ("https://other.org/tags/{hugo}/", "other.org/tags/{hugo}/ is on another host than the site (example.org)"),
    ]:
        (project.root / "site.yaml").write_text(text + f"old_tag_urls: {written}\n", encoding="utf-8")
        assert problems(project)[0].startswith(f"site.yaml:{line}: old_tag_urls: {error}")


def test_old_tag_urls_leave_out_addresses_that_could_not_work(project):
    """A tag of `#` (`C#`: Hugo's /tags/c#/ led browsers to /tags/c), of a `%` (which a link decodes), of slashes that
    make no folder (`/`: tags///, onto the tags' index page), or too long for a folder's name (Hugo could not write
    it) gets no old address, and the build goes on; a name with a slash inside is a folder, as Hugo made it."""
    long = "Роскосмос" * 15
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", tags=f"[C#, 'Скидки 20%ab', /, Bar/, {long}, Ж/д]"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + "old_tag_urls: ['/tags/{hugo}/', '/tags/{hugo}/index.xml']\n", encoding="utf-8")
    result = project.build()
    # (`/` alone names no tag, as `«»` does: left out with a warning, ff10649; it had a page of its own and no old address)
    assert [w.message for w in result.warnings] == [
        "tag '/' has no letter or digit, so it names nothing and is left out (write the name it stood for)"
    ]
    old = [
        str(path.relative_to(project.public))
        for path in project.public.rglob("*")
        if path.name == "index.xml" or (path.suffix == ".html" and 'http-equiv="refresh"' in path.read_text(encoding="utf-8"))
    ]
    assert sorted(old) == ["tags/bar/index.xml", "tags/ж/д/index.html", "tags/ж/д/index.xml"]  # (Bar/ is bar: its own page here)
    assert "refresh" not in (project.public / "tags/index.html").read_text(encoding="utf-8")
    assert "refresh" not in (project.public / "tags/bar/index.html").read_text(encoding="utf-8")
    assert check_links(project.public, "https://example.org/").broken == []


def test_a_renamed_tag_keeps_its_old_names_hugo_address_and_is_told(project):
    """With old_tag_urls: set, the build after a rename said nothing (the old tag's Hugo page gone was counted as a
    second tag page gone), and the old name's Hugo address went with it; named in tag_aliases:, the old name keeps its
    Hugo address too. An incremental build gives what a cold one does."""
    text = (project.root / "site.yaml").read_text(encoding="utf-8") + "old_tag_urls: ['/tags/{hugo}/', '/tags/{hugo}/index.xml']\n"
    (project.root / "site.yaml").write_text(text, encoding="utf-8")
    project.write({"content/2021/a.md": article("A", "2021-05-24", tags="[Ёлка]")})
    project.build()
    assert redirect(project, "tags/ёлка/index.html")[0] == "../yolka/"
    project.write({"content/2021/a.md": article("A", "2021-05-24", tags="[Ель]")})
    warnings = [str(w) for w in project.build().warnings]
    assert len(warnings) == 1 and "(/tags/yolka/), and one tag's is new (/tags/yel/, Ель)" in warnings[0]
    (project.root / "site.yaml").write_text(text + "tag_aliases: {Ель: [Ёлка]}\n", encoding="utf-8")
    assert project.build().warnings == []
    assert redirect(project, "tags/ёлка/index.html")[0] == "../yel/" and redirect(project, "tags/yolka/index.html")[0] == "../yel/"
    assert (project.public / "tags/ёлка/index.xml").is_file()
    incremental = {path.relative_to(project.public): path.read_bytes() for path in project.public.rglob("*") if path.is_file()}
    shutil.rmtree(project.public)
    shutil.rmtree(project.root / ".ssg-cache")
    project.build()
    assert {path.relative_to(project.public): path.read_bytes() for path in project.public.rglob("*") if path.is_file()} == incremental


# A Hugo archive's posts, and where Hugo 0.111 put each (its public/ with that `[permalinks]`; none: its default).
HUGO_POSTS = {
    "posts/союз-вернулся.md": article("Союз вернулся", "2021-10-17T07:35:00+03:00"),
    "posts/Plain_Post.md": article("Plain", "2021-07-29"),
    "posts/nauka.md": article("Наука", "2021-07-29", slug="наука-стыковка"),
    "posts/nauka-docking/index.md": article("«Наука» пристыковалась к МКС", "2021-07-29T16:29:00+03:00"),  # (a bundle)
    "posts/2021/Deep_Итоги.md": article("'Что дальше? Итоги: 2021'", "2021-12-30"),  # (a folder in a section)
    "news/csharp.md": article("'C# и Ж/д'", "2021-12-31"),
    "news/moved.md": article("Moved", "2021-12-31", url="/moved-here/"),  # (its url: was its address: that one redirects)
}
HUGO_ADDRESSES = {
    "/:sections/:slugorfilename/": [
        "news/csharp/",
        "posts/2021/deep_итоги/",
        "posts/nauka-docking/",
        "posts/plain_post/",
        "posts/наука-стыковка/",
        "posts/союз-вернулся/",
    ],
    # (and /2021/c#-и-ж/д/, which a link cannot reach: `#` ends its path, as old_tag_urls: leaves such out)
    "/:year/:title/": [
        "2021/plain/",
        "2021/наука-пристыковалась-к-мкс/",
        "2021/наука/",
        "2021/союз-вернулся/",
        "2021/что-дальше-итоги-2021/",
    ],
    "/:section/:slug/": [
        "posts/plain/",
        "posts/наука-пристыковалась-к-мкс/",
        "posts/наука-стыковка/",
        "posts/союз-вернулся/",
        "posts/что-дальше-итоги-2021/",
    ],
    "/:year/:slug.html": [  # (uglyURLs: Hugo's /2021/x.html)
        "2021/plain.html",
        "2021/наука-пристыковалась-к-мкс.html",
        "2021/наука-стыковка.html",
        "2021/союз-вернулся.html",
        "2021/что-дальше-итоги-2021.html",
    ],
}


@pytest.mark.parametrize("pattern", list(HUGO_ADDRESSES))
def test_every_articles_hugo_address_leads_to_it(project, pattern):
    """A Hugo archive moved without `[permalinks]` had its posts at their content path, letters kept
    (`/posts/союз-вернулся/`), and Hugo's `:title` and `:slug` are the urlized title: ssg's permalink: says none of them,
    and every article's URL changed without a word (a keeper's trial). `old_urls:` makes each article's address as
    Hugo 0.111 made it (its public/ folder's, above), and a page there leads to the article."""
    project.write({f"content/{path}": text for path, text in HUGO_POSTS.items()})
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + f"old_urls: {{hugo: '{pattern}'}}\n", encoding="utf-8")
    result = project.build()
    assert result.warnings == []
    made = sorted(
        path.relative_to(project.public).as_posix().removesuffix("index.html")
        for path in project.public.rglob("*.html")
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")
    )
    assert made == sorted([*HUGO_ADDRESSES[pattern], "moved-here/"])
    assert redirect(project, "moved-here/index.html")[1] == "https://example.org/2021/12/31/moved/"
    if pattern.startswith("/:sections"):
        assert redirect(project, "posts/союз-вернулся/index.html")[1] == "https://example.org/2021/10/17/soyuz-vernulsya/"
        assert redirect(project, "posts/nauka-docking/index.html")[1] == "https://example.org/2021/07/29/nauka-docking/"
        assert redirect(project, "posts/2021/deep_итоги/index.html")[1] == "https://example.org/2021/12/30/deep-itogi/"
    assert check_links(project.public, "https://example.org/").broken == []


def test_every_articles_jekyll_address_keeps_its_case(project):
    """Jekyll's `:title` is the post's `slug:` or file name as written, its case and letters kept
    (`/2021/03/09/Big-News.html`), where ssg's {slug} is in lower case Latin: a link to the old address broke on a
    host that tells capitals apart. An article whose `permalink:` was its address keeps that one alone; one whose
    address is the same here gets no page."""
    project.write(
        {
            "content/_posts/2021-03-09-Big-News.md": article("Big news", "2021-03-09"),
            "content/_posts/2021-03-10-причал.md": article("Причал", "2021-03-10"),
            "content/_posts/2021-03-11-under_score.md": article("Under", "2021-03-11", categories="[Space, ISS]"),
            "content/_posts/2021-03-12-named.md": article("Named", "2021-03-12", slug="Own Name!"),
            "content/_posts/2021-03-04-soyuz-launch.md": article("Soyuz", "2021-03-04"),
            "content/_posts/2021-03-05-Crew.md": article("Crew", "2021-03-05", permalink="/crew-arrival/"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    options = "permalink: '{categories}/{year}/{month}/{day}/{slug}.html'\nold_urls: {jekyll: date}\n"
    (project.root / "site.yaml").write_text(text + options, encoding="utf-8")
    result = project.build()
    assert result.warnings == []
    made = sorted(
        path.relative_to(project.public).as_posix()
        for path in project.public.rglob("*.html")
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")
    )
    assert made == [
        "2021/03/09/Big-News.html",
        "2021/03/10/причал.html",
        "2021/03/12/Own-Name!.html",
        "crew-arrival/index.html",
        "space/iss/2021/03/11/under_score.html",
    ]
    assert redirect(project, "2021/03/09/Big-News.html") == ("big-news.html", "https://example.org/2021/03/09/big-news.html")
    assert redirect(project, "2021/03/10/причал.html")[1] == "https://example.org/2021/03/10/prichal.html"


def test_an_old_address_another_page_has_is_told_naming_both(project):
    """An article's old address that another article's page has now, or that another article had too, makes no page
    (a page leads to one place): a warning on the article names the other."""
    project.write(
        {
            "content/posts/x.md": article("X", "2021-05-24", slug="y"),  # (old: posts/x/, which z.md's page is now)
            "content/posts/z.md": article("Z", "2021-05-25", slug="x"),
            "content/news/a.md": article("Same", "2021-05-26"),
            "content/news/b.md": article("Same", "2021-05-27"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    options = "permalink: 'posts/{slug}/'\nold_urls: {hugo: '/:section/:filename/'}\n"
    (project.root / "site.yaml").write_text(text + options, encoding="utf-8")
    told = [
        "content/posts/x.md: old_urls: /posts/x/, its address on the old site (site.yaml old_urls:), is the URL of "
        "content/posts/z.md: no page there redirects to it (a page can lead to one place only: give it aliases: of another "
        "old address, if it had one)"
    ]
    assert [str(w) for w in project.build().warnings] == told
    assert redirect(project, "posts/z/index.html")[1] == "https://example.org/posts/x/"
    (project.root / "site.yaml").write_text(text + options.replace(":filename", ":title"), encoding="utf-8")
    assert [str(w) for w in project.build().warnings] == [
        "content/news/b.md: old_urls: /news/same/, its address on the old site (site.yaml old_urls:), is the old address of "
        "content/news/a.md too: no page there redirects to it (a page can lead to one place only: give it aliases: of "
        "another old address, if it had one)",
        *told,  # (X's title makes posts/x/ too)
    ]
    assert redirect(project, "news/same/index.html")[1] == "https://example.org/posts/a/"


@pytest.mark.parametrize(
    ("written", "error"),
    [
        ("{hugo: '/:year/:name/'}", "hugo: '/:year/:name/': :name is not one of Hugo's (:year, :month"),
        ("{hugo: '/:year/'}", "hugo: '/:year/' has no :title or :slug, so it gives every article one URL"),
        ("{wordpress: '/:year/:slug/'}", "'wordpress' is no generator ssg knows the URLs of (use hugo or jekyll)"),
        ("/:year/:slug/", "must name the generator and its permalink pattern, one of them"),
    ],
)
def test_old_urls_of_no_known_pattern_are_errors(project, written, error):
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + f"old_urls: {written}\n", encoding="utf-8")
    assert problems(project)[0].startswith(f"site.yaml:{text.count(chr(10)) + 1}: old_urls: {error}")


def test_a_hugo_address_has_the_day_of_a_date_written_in_utc(project, monkeypatch):
    """A date written in UTC (`Z`, as exporters write them) is shown in the site's zone, which is the next day late at
    night in Moscow; Hugo 0.111 kept UTC's day in the URL (its public/2021/03/07/late/). On a disk whose names ignore
    case (a Mac's), an old address that is the article's own in other capitals would be written over its page: left out."""
    project.write(
        {
            "content/posts/late.md": article("Late", "2021-03-07T22:30:00Z"),
            "content/posts/Moon.md": article("Moon", "2021-03-09T10:00:00+03:00"),
        }
    )
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    options = "permalink: '{year}/{month}/{day}/{slug}/'\nold_urls: {hugo: '/:year/:month/:day/:slug/'}\n"
    (project.root / "site.yaml").write_text(text + options, encoding="utf-8")
    assert project.build().warnings == []
    assert redirect(project, "2021/03/07/late/index.html")[1] == "https://example.org/2021/03/08/late/"
    assert not (project.public / "2021/03/09/moon/index.html").read_text(encoding="utf-8").count("refresh")
    (project.root / "site.yaml").write_text(
        text + "permalink: '{year}/{month}/{day}/{slug}.html'\nold_urls: {jekyll: date}\n", encoding="utf-8"
    )
    project.build()
    assert redirect(project, "2021/03/09/Moon.html")[1] == "https://example.org/2021/03/09/moon.html"
    monkeypatch.setattr("ssg.build._ignores_case", lambda root: True)
    project.write({"content/posts/Moon.md": article("Moon", "2021-03-09T10:00:00+03:00", body="Edited.")})  # (a build to make)
    assert project.build().pages.get("redirect") is None
    assert not (project.public / "2021/03/09/Moon.html").exists()
    assert "refresh" not in (project.public / "2021/03/09/moon.html").read_text(encoding="utf-8")


def test_a_long_lived_builder_makes_an_edited_articles_old_address_again(project):
    """The preview keeps each article's old address (`oldurls.OldUrls`, by its record's hash) from save to save: a
    title edited under Hugo's `:title` gives the old address of the new title, as a cold build does."""
    text = (project.root / "site.yaml").read_text(encoding="utf-8")
    (project.root / "site.yaml").write_text(text + "old_urls: {hugo: '/:year/:title/'}\n", encoding="utf-8")
    project.write({"content/posts/a.md": article("Союз вернулся", "2021-03-07T10:00:00+03:00")})
    builder = Builder(remember=True)
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    assert (project.public / "2021/союз-вернулся/index.html").is_file()
    project.write({"content/posts/a.md": article("Прогресс улетел", "2021-03-07T10:00:00+03:00")})
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    assert (project.public / "2021/прогресс-улетел/index.html").is_file()
    assert not (project.public / "2021/союз-вернулся").exists()
