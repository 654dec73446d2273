"""A Pelican archive as Pelican writes it: its `Title:` header and its `{filename}`, `{static}`, `{tag}` links."""

from __future__ import annotations

import pytest

from ssg.build import Builder, BuildOptions, build
from ssg.config import load_config
from ssg.errors import ConfigError
from ssg.linkcheck import check_links
from ssg.markdown import render_markdown
from ssg.pelican import PelicanConf

from .conftest import NOW, SITE_YAML
from .test_content import meta, problems, read

ROCKOT = """\
Title: Плесецк: пуск «Рокота»
Date: 2020-10-14 08:45
Modified: 2020-10-15
Tags: МКС, Роскосмос, Морской старт
Category: Космос
Slug: plesetsk-rokot
Authors: Иванов, Петров
Summary: Ракета «Рокот»: последний пуск
    с космодрома Плесецк.
Lang: ru
Translation: true

Текст: пуск состоялся.
"""


def test_a_pelican_header_is_read_as_written():
    """Values are text, not YAML (`: ` in a title, a summary on two lines); keys in any case; the lines are the file's."""
    record = read(ROCKOT, path="2020/rokot.md")
    assert record["warnings"] == []  # (`Translation: true` too: ssg pairs translations by slug and date, as Pelican by slug)
    m = record["meta"]
    assert m["title"] == "Плесецк: пуск «Рокота»"
    assert m["date"] == "2020-10-14T08:45:00+03:00" and m["updated"] == "2020-10-15T00:00:00+03:00"
    assert m["tags"] == ["МКС", "Роскосмос", "Морской старт"]
    assert (m["slug"], m["lang"], m["draft"]) == ("plesetsk-rokot", "ru", False)
    assert m["summary"] == "Ракета «Рокот»: последний пуск с космодрома Плесецк."
    assert m["extra"] == {"modified": "2020-10-15", "category": "Космос", "authors": ["Иванов", "Петров"], "translation": "true"}
    assert m["lines"] == {
        "title": 1,
        "date": 2,
        "modified": 3,
        "updated": 3,
        "tags": 4,
        "category": 5,
        "slug": 6,
        "authors": 7,
        "summary": 8,
        "lang": 10,
        "translation": 11,
    }


def test_pelican_keys_are_case_insensitive_and_lists_part_by_semicolons_where_written():
    m = meta("title: T\nDATE: 2020-10-14\ntags: Doyle, Conan; pelican\n\nText.\n")
    assert m["title"] == "T" and m["date"] == "2020-10-14T00:00:00+03:00"
    assert m["tags"] == ["Doyle, Conan", "pelican"]
    assert meta("title: T\ndate: 2020-10-14\ntags: [a, b]\n\nText.\n")["tags"] == ["a", "b"]  # (YAML's list, as meant)


def test_status_draft_or_hidden_leaves_the_article_out_and_another_is_refused():
    """As `status:` in YAML front matter: ssg has no unlisted articles, so Pelican's `hidden` is left out."""
    assert meta("Title: T\nDate: 2020-10-14\nStatus: draft\n\nText.\n")["draft"] is True
    assert meta("Title: T\nDate: 2020-10-14\nStatus: hidden\n\nText.\n")["draft"] is True
    assert meta("Title: T\nDate: 2020-10-14\nStatus: Published\n\nText.\n")["draft"] is False
    assert meta("Title: T\nDate: 2020-10-14\nDraft: true\n\nText.\n")["draft"] is True  # (ssg's key, added by hand)
    assert problems("Title: T\nDate: 2020-10-14\nStatus: review\n\nText.\n") == [
        "2021/story.md:3: status: 'review' is not a status ssg knows (write status: draft to leave the article out, or status: published)"
    ]


def test_a_bad_value_in_a_pelican_header_is_reported_on_its_line():
    assert problems("Title: T\nTags: a\nDate: 14.10.2020 08:45\n\nText.\n") == [
        "2021/story.md:3: date: '14.10.2020 08:45' is not an ISO 8601 date (write date: 2020-10-14T08:45:00; with no offset written, the time is in the site's time zone, Europe/Moscow)"
    ]
    assert problems("Title: T\nDate: 2020-10-14\nTitle: U\n\nText.\n") == [
        "2021/story.md:3: None: Title: is written twice, on line 1 and here (keep one)"
    ]
    # A missing title is named where it would go: the blank line that ends the header.
    assert problems("Date: 2020-10-14\nTags: a\n\nText.\n") == ["2021/story.md:3: title: is missing (add `title: ...` to the front matter)"]


def test_text_that_starts_like_a_key_is_no_pelican_header():
    """Without Title: or Date:, or ended by another line than a blank one (YAML keys without their `---` lines), the
    file has no front matter, and the error says so, as before Pelican's header was read."""
    (note,) = problems("Note: this text was moved from the old site.\n\nThe text.\n")
    assert note.startswith("2021/story.md:1: None: no front matter: the file starts with the key Note: but not with a line '---'")
    (yaml,) = problems("title: T\ndate: 2021-01-01\ntags:\n  - a\n---\n\nText.\n")
    assert "no front matter: the file starts with the key title:" in yaml
    # Logseq's page properties (`title:: ISS`): the title was ": ISS", and `date::`'s ": 2024-03-10" no date (a vault's trial).
    assert all("': " not in p for p in problems("title:: ISS\ndate:: 2024-03-10\n\n- A note.\n"))


def test_a_pelican_link_with_a_host_in_brackets_that_is_no_ip_address_is_left_as_written():
    """`[x]({filename}//[site]/a.md)` stopped the build on urlsplit's ValueError traceback: it is left as written, as a
    link that is no URL is (`ssg check --links` reports it)."""
    rendered = render_markdown("[a]({filename}//[site]/a.md) [b]({static}http://[::1)", "2020/rokot.md")
    assert rendered.html == '<p><a href="{filename}//[site]/a.md">a</a> <a href="{static}http://[::1">b</a></p>'
    assert rendered.article_links == () and rendered.files == ()


def test_pelican_links_are_read_as_ssg_links():
    html = render_markdown(
        "[a]({filename}/2020/x.md) [b]({filename}x.md#part) [c](|filename|../y.md) ![d]({static}/images/a.jpg) "
        '![e]({attach}b.png) [f]({tag}Морской%20старт) [g]({index}) <a href="{filename}/2020/z.md">h</a>',
        "2020/rokot.md",
    )
    assert html.article_links == ("2020/x.md", "2020/x.md", "y.md", "{tag}Морской старт", "2020/z.md")
    assert html.files == ("images/a.jpg", "2020/b.png") and html.site_links == ("",)
    assert 'href="ssg-ref:article:2020/x.md#part"' in html.html and 'href="ssg-ref:site:"' in html.html


def test_a_pelican_archive_builds(project):
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: ru\nlanguages: [ru, en]\npermalink: '{slug}.html'\ntag_names:\n  Roscosmos: {ru: Роскосмос}\n",
            "content/2020/rokot.md": ROCKOT.replace(
                "Текст: пуск состоялся.",
                "См. [статью]({filename}/2020/hls.md) ![карта]({static}/images/map.jpg) [Роскосмос]({tag}roscosmos) "
                "[старт]({tag}Морской  старт) [Космос]({category}Космос) [нет]({filename}/2020/gone.md)",
            ),
            "content/2020/hls.md": "Title: HLS: SpaceX\nDate: 2020-10-14 10:00\nTags: Roscosmos\nSlug: hls-spacex\nLang: en\n"
            "Aliases: /hls-spacex-en.html\n\n"
            "[Back]({filename}rokot.md), [draft]({filename}draft.md).\n",
            "content/2020/draft.md": "Title: Черновик\nDate: 2020-10-16\nStatus: draft\n\nЧерновик.\n",
            "content/images/map.jpg": b"jpeg",
        }
    )
    result = project.build()
    assert result.drafts_left_out == 1
    assert [str(w) for w in result.warnings] == [
        "content/2020/hls.md:8: links to 2020/draft.md, which is not a published article",
        "content/2020/rokot.md:13: links to the category 'Космос' ({category}Космос), but ssg makes no category pages "
        "(Pelican's Category: is kept for templates): give its articles the tag 'Космос' and write {tag}Космос, or take the link out",
        "content/2020/rokot.md:13: links to 2020/gone.md, which is not a published article",
    ]
    rokot = project.page("plesetsk-rokot.html")
    assert "<h1" in rokot and "Плесецк: пуск «Рокота»" in rokot
    assert '<a href="en/hls-spacex.html">статью</a>' in rokot and '<img alt="карта" src="images/map.jpg">' in rokot
    assert '<a href="tags/roscosmos/">Роскосмос</a>' in rokot and '<a href="tags/morskoy-start/">старт</a>' in rokot
    assert 'content="Ракета «Рокот»: последний пуск с космодрома Плесецк."' in rokot
    # On a bilingual site the English article is under en/, where Pelican had it at hls-spacex-en.html: its old URL
    # named in the header redirects there.
    assert '<a href="../plesetsk-rokot.html">Back</a>' in project.page("en/hls-spacex.html")
    assert 'href="en/hls-spacex.html"' in project.page("hls-spacex-en.html")
    assert (project.public / "images/map.jpg").read_bytes() == b"jpeg"
    assert not (project.public / "chernovik.html").exists()


def test_a_tag_link_follows_the_tag_in_a_rebuild(project):
    """A `{tag}` link leads nowhere while no article has the tag; the article that brings it makes the link lead there,
    in the next build of the preview's builder too (the linking page, unchanged itself, is made again)."""
    project.write({"content/a.md": "Title: A\nDate: 2020-10-14\n\nSee [Байконур]({tag}Байконур).\n"})
    config, options = load_config(project.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    result = builder.build(config, options)
    assert "links to the tag 'Байконур' ({tag}Байконур), which no published article has" in str(result.warnings[0])
    assert "ssg-not-published" in project.page("2020/10/14/a/")
    project.write({"content/b.md": "Title: B\nDate: 2020-10-15\nTags: байконур\n\nText.\n"})
    assert builder.build(config, options).warnings == []
    assert '<a href="../../../../tags/baykonur/">Байконур</a>' in project.page("2020/10/14/a/")


def test_pelicans_drafts_by_default_are_warned_of_on_their_line(project):
    """A pelicanconf.py with `DEFAULT_METADATA = {'status': 'draft'}` keeps back every article without `Status:`; ssg
    reads no pelicanconf.py and published them all without a word."""
    project.write(
        {
            "pelicanconf.py": "AUTHOR = 'Olga'\nDEFAULT_METADATA = {\n    'status': 'draft',\n}\n",
            "content/a.md": "Title: A\nDate: 2020-10-14\n\nText.\n",
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "pelicanconf.py:2: DEFAULT_METADATA: Pelican leaves out every article without Status: here, but ssg reads no "
        "pelicanconf.py and publishes them: write Status: draft in those to keep back (Status: published in the others), "
        "then delete this line"
    ]


def test_a_pelican_article_without_a_slug_keeps_the_url_pelican_made_of_its_title(project):
    """Pelican makes the slug of an article without `Slug:` of its title (its default SLUGIFY_SOURCE), spelling Russian
    as the unidecode tables do: ssg made it of the file's name, and every such article of a moved archive got another
    URL without a word, though `permalink: '{slug}.html'` was to keep them (a keeper's move: 24 of 55 articles; the
    names below are those Pelican 4 wrote for these titles). YAML front matter, and a `Slug:`, are read as before;
    pelicanconf.py's `SLUGIFY_SOURCE = 'basename'` keeps the file's name."""
    header = "Title: {}\nDate: 2020-10-14 08:45\n\nText.\n"
    assert meta(header.format("Глава Роскосмоса о лунной станции 14"))["slug"] == "glava-roskosmosa-o-lunnoi-stantsii-14"
    assert meta(header.format("«Союз МС-25» пристыковался к МКС"))["slug"] == "soiuz-ms-25-pristykovalsia-k-mks"
    assert meta(header.format("SpaceX's Starship: flight_2 -- done!"))["slug"] == "spacexs-starship-flight_2-done"
    assert meta(header.format("T").replace("\n\n", "\nSlug: plesetsk-rokot\n\n"))["slug"] == "plesetsk-rokot"
    assert meta(header.format("★"), path="2020/rokot.md")["slug"] == "rokot"  # (no letter: the file's)
    assert meta("---\ntitle: Союз\ndate: 2020-10-14\n---\nText.\n", path="2020/rokot.md")["slug"] == "rokot"
    project.write(
        {
            "site.yaml": SITE_YAML + "permalink: '{slug}.html'\n",
            "content/2020/article-1.md": header.format("Запуск «Прогресса» перенесён"),
            "pelicanconf.py": "SITENAME = 'Архив'\n",
        }
    )
    project.build()
    assert (project.public / "zapusk-progressa-perenesion.html").is_file()
    project.write({"pelicanconf.py": "SITENAME = 'Архив'\nSLUGIFY_SOURCE = 'basename'\n"})
    project.build()
    assert (project.public / "article-1.html").is_file() and not (project.public / "zapusk-progressa-perenesion.html").exists()
    # Without pelicanconf.py (an archive that has been ssg's, built before ssg read Pelican's slugs), the URLs it had stay.
    project.remove("pelicanconf.py")
    project.build()
    assert (project.public / "article-1.html").is_file() and not (project.public / "zapusk-progressa-perenesion.html").exists()


def test_pelicanconf_is_read_with_site_yaml(project):
    """The settings taken of pelicanconf.py are read once, with site.yaml, into the config: a long-lived builder (the
    preview's) builds with the file as it was when the config was read, and a fresh read of the config sees an edit."""
    project.write(
        {
            "site.yaml": SITE_YAML + "permalink: '{slug}.html'\n",
            "content/2020/article-1.md": "Title: Запуск «Прогресса» перенесён\nDate: 2020-10-14 08:45\n\nText.\n",
            "pelicanconf.py": "SITENAME = 'Архив'\n",
        }
    )
    config = load_config(project.root)
    assert config.pelicanconf == PelicanConf(title_slugs=True)
    project.write({"pelicanconf.py": "SLUGIFY_SOURCE = 'basename'\nDEFAULT_METADATA = {'status': 'draft'}\n"})
    build(config, BuildOptions(now=NOW))  # (the config read before the edit)
    assert (project.public / "zapusk-progressa-perenesion.html").is_file()
    assert load_config(project.root).pelicanconf == PelicanConf(title_slugs=False, drafts_line=2)


def test_the_other_languages_articles_keep_pelicans_lang_urls(project):
    """Pelican put an article in another language than DEFAULT_LANG at `{slug}-{lang}.html` (ARTICLE_LANG_URL): ssg put
    it under en/, and each needed its old URL written in its header to keep it (a keeper's move: 19 of 55 articles).
    site.yaml's `lang_permalink:` is that pattern (`ssg init` takes it from pelicanconf.py): the English translation is
    at hls-spacex-en.html, and links, language switches and checks follow it; one without {lang} is refused."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: ru\nlanguages: [ru, en]\npermalink: '{slug}.html'\nlang_permalink: '{slug}-{lang}.html'\n",
            "content/hls.md": "Title: HLS: SpaceX\nDate: 2020-10-14 10:00\nSlug: hls-spacex\nLang: ru\n\n[English]({filename}hls-en.md)\n",
            "content/hls-en.md": "Title: HLS: SpaceX\nDate: 2020-10-14 10:00\nSlug: hls-spacex\nLang: en\nTranslation: true\n\nText.\n",
        }
    )
    project.build()
    assert '<a href="hls-spacex-en.html">English</a>' in project.page("hls-spacex.html")
    assert 'hreflang="en" href="https://example.org/hls-spacex-en.html"' in project.page("hls-spacex.html")
    assert not (project.public / "en/hls-spacex.html").exists() and (project.public / "en/index.html").is_file()
    assert not check_links(project.public, "https://example.org/").broken
    project.write({"site.yaml": SITE_YAML + "lang: ru\nlanguages: [ru, en]\nlang_permalink: '{slug}.html'\n"})
    with pytest.raises(ConfigError) as refused:
        project.build()
    assert str(refused.value).endswith(
        "lang_permalink: '{slug}.html' has no {lang}, so a translation would share its original's URL (e.g. {slug}-{lang}.html)"
    )
