"""A bilingual archive: language URLs, linked translations, per-language homes and feeds, two-name tags."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import feedparser
import pytest

from ssg.config import load_config
from ssg.content import ReadSettings, read_article
from ssg.errors import ConfigError, ContentError
from ssg.render import SiteInfo
from ssg.search import SearchConfig
from ssg.search.analysis import stem

from .conftest import BILINGUAL_YAML, PAIRS, REPO, SITE_YAML, article


def links(html: str, rel: str = "alternate") -> dict[str, str]:
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', html))


def test_site_title_and_description_in_each_language(project):
    languages = "languages: {en: {}, ru: {title: Архив, description: Новости}, de: {description: ''}}\n"
    project.write({"site.yaml": SITE_YAML + "description: News.\n" + languages})
    config = load_config(project.root)
    assert [config.title_in(code) for code in ("en", "ru", "de", "fr")] == ["Test archive", "Архив", "Test archive", "Test archive"]
    assert [config.description_in(code) for code in ("en", "ru", "de", "fr")] == ["News.", "Новости", "", "News."]
    assert config.publisher_name("ru") == "Архив"
    project.write({"site.yaml": SITE_YAML + "languages: {en: {}, ru: {title: '  '}}\n"})
    assert load_config(project.root).title_in("ru") == "Test archive"  # spaces alone are no title
    info = SiteInfo.from_config(config, "ru")  # what templates show: the same answer
    assert (info.title, info.description) == ("Архив", "Новости")
    assert SiteInfo.from_config(config).title == "Test archive"


def test_a_site_title_that_every_language_s_own_title_hides_is_a_warning_on_its_line(project):
    """`ssg init --languages ru,en` writes each language's title as the site's; an author who then changed `title:` saw
    no page change and no word of why (found by a daily user's trial)."""
    body = "base_url: https://example.org/\nlang: ru\n"
    project.write({"site.yaml": "title: Архив ВПК\n" + body + "languages: {ru: {title: Arch}, en: {title: Arch}}\n"})
    project.write({"content/2021/a.md": article("Запуск", "2021-05-24", "Текст.", lang="ru")})
    assert [str(w) for w in project.build().warnings] == [
        "site.yaml:1: title: 'Архив ВПК' is shown on no page: each language's title in languages: (ru: 'Arch', en: 'Arch')"
        " takes its place in pages and feeds; change the title there"
    ]
    assert "<title>Arch</title>" in project.page("")
    # Not where one language's title is the site's, nor where a language shows the site's for want of its own.
    for languages in ("{ru: {title: Архив ВПК}, en: {title: Arch}}", "{ru: {title: Arch}, en: {}}"):
        project.write({"site.yaml": "title: Архив ВПК\n" + body + f"languages: {languages}\n"})
        assert project.build().warnings == []
    # Nor where site.yaml has no `title:`: its default hides no title of the author's (deleting the line, as the
    # warning seemed to ask, gave one about 'My news archive', on no line).
    project.write({"site.yaml": body + "languages: {ru: {title: Arch}, en: {title: Arch}}\n"})
    assert project.build().warnings == []


def test_init_of_a_bilingual_archive_leaves_title_to_each_language(tmp_path):
    """Its site.yaml wrote `title:` as "shown in the header and in feeds", where each language's title shows instead."""
    from ssg.config import default_site_yaml

    text = default_site_yaml("Space archive", ("ru", "en"))
    assert "\n# title: My news archive\n" in text and "each language's title in languages: takes its place" in text
    assert "languages: {ru: {title: Space archive}, en: {title: Space archive}}" in text
    assert "\ntitle: Space archive\n" in default_site_yaml("Space archive", ("ru",))


def test_an_article_in_russian_left_as_english_is_warned_of_on_a_bilingual_site(project):
    body = "Роскосмос сообщил о запуске ракеты «Союз» с космодрома Байконур."
    project.write({"site.yaml": BILINGUAL_YAML, "content/2021/zapusk.md": article("Роскосмос сообщил о запуске", "2021-05-24", body)})
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/zapusk.md:2: lang: not given, so the article is in the site's 'en', but the title and text are in "
        "Cyrillic (add lang: ru if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    project.write({"site.yaml": SITE_YAML})  # one language: the site's, whatever the letters
    assert project.build().warnings == []


def test_translations_have_their_own_urls_and_link_both_ways(bilingual):
    bilingual.build()
    for n in range(0, PAIRS * 2, 2):
        day = f"2021/0{1 + n % 6}/1{n % 10}"
        en, ru = bilingual.page(f"{day}/story-{n}/"), bilingual.page(f"ru/{day}/story-{n}/")
        expected = {
            "en": f"https://example.org/{day}/story-{n}/",
            "ru": f"https://example.org/ru/{day}/story-{n}/",
            "x-default": f"https://example.org/{day}/story-{n}/",
        }
        assert links(en) == expected and links(ru) == expected
        assert (
            '<html lang="ru"' in ru and "Эта статья на других языках:" in ru and 'hreflang="en" lang="en" rel="alternate">English</a>' in ru
        )
        assert "This article in:" in en and ">Русский</a>" in en
        # (Open Graph's way to the other language: a search engines' trial found the hreflang links alone.)
        assert '<meta property="og:locale" content="en_US">\n  <meta property="og:locale:alternate" content="ru_RU">' in en
        assert '<meta property="og:locale" content="ru_RU">\n  <meta property="og:locale:alternate" content="en_US">' in ru
    untranslated = bilingual.page("2021/02/11/story-1/")
    assert links(untranslated) == {} and "This article in:" not in untranslated and "og:locale:alternate" not in untranslated


def test_language_switch_goes_to_translation_or_language_home(bilingual):
    bilingual.build()
    translated = bilingual.page("2021/01/10/story-0/")
    assert 'href="../../../../ru/2021/01/10/story-0/" hreflang="ru"' in translated
    alone = bilingual.page("2021/02/11/story-1/")
    assert 'href="../../../../ru/" hreflang="ru"' in alone
    home = bilingual.page("")
    assert 'href="ru/" hreflang="ru"' in home and '<span aria-current="true" lang="en">EN</span>' in home


def test_the_one_404_page_speaks_to_the_readers_of_every_language(bilingual):
    """Hosts serve /404.html for a missing path in any language's section: a reader of the Russian half got a page in
    English alone. Each other language gets its words and its home page, marked as in that language."""
    bilingual.build()
    page = bilingual.page("404.html")
    assert '<html lang="en"' in page and '<h1 class="not-found__title">Page not found</h1>' in page
    section = re.search(r'<section class="not-found__other" lang="ru"[^>]*>(.*?)</section>', page, re.S)
    assert section, page
    assert '<h2 id="not-found-ru" class="not-found__other-title">Страница не найдена</h2>' in section[1]
    assert "Такой страницы здесь нет." in section[1]
    assert '<a href="/ru/" hreflang="ru">На главную</a>' in section[1]  # (root-relative: the page is shown at any depth)
    assert "not-found__other" not in bilingual.page("ru/")


def test_t_gives_another_languages_string_as_format_date_its_date(project):
    """`t(key, lang=...)`: what the 404 page above uses; a string that language lacks falls back as its own pages do."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "i18n/ru.yaml": "greeting: Привет, {name}\n",
            "i18n/en.yaml": "greeting: Hello, {name}\n",
            "templates/404.html": '{{ t("greeting", name="Ann") }}|{{ t("greeting", lang="ru", name="Аня") }}|{{ t("nav_home", lang="de") }}|{{ t("nav_home", lang="en") }}',
        }
    )
    project.build()
    assert project.page("404.html") == "Hello, Ann|Привет, Аня|Startseite|Home"


def test_a_language_s_pages_lead_home_to_its_own_home_and_feed(bilingual):
    bilingual.build()
    ru = bilingual.page("ru/2021/01/10/story-0/")  # five folders deep; ru/ is four up, the site's root five
    assert '<a class="brand" href="../../../../">' in ru and '<a class="feed-link" href="../../../../feed.xml">' in ru  # ru/, ru/feed.xml
    ru_home = bilingual.page("ru/")
    assert '<li><a href="./" class="is-current" aria-current="page">Главная</a></li>' in ru_home
    en = bilingual.page("2021/01/10/story-0/")  # the default language: the site's home and feed
    assert '<a class="brand" href="../../../../">' in en and '<a class="feed-link" href="../../../../feed.xml">' in en


def test_a_listing_of_one_language_is_named_so_and_home_is_current_on_its_own(bilingual):
    """/en/ (the default language's articles alone) had the title and heading of /, its readers' home, which lists every
    language, and its Home, which leads to /, was marked current (a reader's trial)."""
    bilingual.build()
    en, root = bilingual.page("en/"), bilingual.page("")
    assert "<title>English · Archive</title>" in en and '<p class="page-header__kicker">English</p>' in en
    assert 'class="is-current"' not in en.split('class="site-nav"')[1].split("</nav>")[0]
    assert "<title>Archive</title>" in root and "page-header__kicker" not in root.split("<main")[1].split("</h1>")[0]
    assert '<li><a href="./" class="is-current" aria-current="page">Home</a></li>' in root
    assert "<title>Архив</title>" in bilingual.page("ru/")  # (the Russian readers' home: its language's site)


def test_listings_show_a_translated_article_once_with_its_other_language(bilingual):
    bilingual.build()
    home = bilingual.page("")
    assert home.count(">Story 0</a>") == 1 and ">Новость 0</a>" not in home
    assert "Also in" in home and "Только по-русски 0" in home
    assert len(re.findall(r'<li class="entry"', home)) == PAIRS * 2 + PAIRS


def test_each_language_has_a_home_and_a_feed(bilingual):
    bilingual.build()
    ru_home = bilingual.page("ru/")
    assert '<html lang="ru"' in ru_home and "Архив" in ru_home and ">Story 0</a>" not in ru_home
    assert len(re.findall(r'<li class="entry"', ru_home)) == PAIRS + PAIRS
    en_home = bilingual.page("en/")
    assert ">Новость" not in en_home and len(re.findall(r'<li class="entry"', en_home)) == PAIRS * 2
    feed = feedparser.parse((bilingual.public / "ru/feed.xml").read_bytes())
    assert not feed.bozo and feed.entries and all(e.link.startswith("https://example.org/ru/") for e in feed.entries)
    assert {e.title for e in feed.entries} >= {"Новость 0", "Только по-русски 0"}


def test_an_entry_of_a_feed_that_mixes_languages_says_its_language(bilingual):
    """The site feed and the tag feeds are xml:lang="en": without a language of its own, a Russian entry was
    declared English (readers hyphenate, pick fonts and voices by it)."""
    bilingual.build()
    for path in ("feed.xml", "tags/roscosmos/feed.xml"):
        entries = feedparser.parse((bilingual.public / path).read_bytes()).entries
        languages = {e.title: e.content[0].language for e in entries}
        assert languages["Только по-русски 0"] == "ru" and languages["Story 1"] == "en", path
    root = ElementTree.parse(bilingual.public / "ru/feed.xml").getroot()  # one language: said once, on the feed
    assert not [e for e in root.iter() if "{http://www.w3.org/XML/1998/namespace}lang" in e.attrib and e is not root]


def test_one_tag_page_for_a_tag_with_two_names(bilingual):
    bilingual.build()
    assert not (bilingual.public / "tags/roskosmos").exists()
    tag = bilingual.page("tags/roscosmos/")
    assert "Story 1" in tag and "Только по-русски 0" in tag
    ru_article = bilingual.page("ru/2021/01/10/story-0/")
    assert 'rel="tag">Роскосмос</a>' in ru_article and 'href="../../../../../tags/roscosmos/"' in ru_article
    en_article = bilingual.page("2021/01/10/story-0/")
    assert 'rel="tag">Roscosmos</a>' in en_article


def test_a_tag_lists_the_version_that_carries_it(project):
    """Where only one language version has a tag, its page and feed show that version, not the other."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/china.md": article("Roscosmos and China", "2021-05-24 10:00", tags="[China]"),
            "content/china.ru.md": article("Роскосмос и Китай", "2021-05-24 10:00", tags="[Китай]"),
        }
    )
    project.build()
    ru_tag, en_tag = project.page("tags/kitay/"), project.page("tags/china/")
    assert ">Роскосмос и Китай<" in ru_tag and ">Roscosmos and China<" not in ru_tag  # (the other is only "Also in EN")
    assert ">Roscosmos and China<" in en_tag and ">Роскосмос и Китай<" not in en_tag
    feed = feedparser.parse((project.public / "tags/kitay/feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Роскосмос и Китай"]


def test_russian_dates_use_the_site_yaml_format(bilingual):
    bilingual.build()
    assert "10 января 2021, 10:00" in bilingual.page("ru/2021/01/10/story-0/")


def test_the_latest_list_of_each_language_shows_its_versions_and_dates(bilingual):
    bilingual.build()
    script = (bilingual.public / "latest.js").read_text(encoding="utf-8")
    lists = json.loads(script.partition("window.ssgLatest = ")[2].rstrip().removesuffix(";"))
    assert sorted(lists) == ["en", "ru"] and len(lists["en"]) == len(lists["ru"]) == 10
    newest = lists["ru"][0]
    assert (newest["title"], newest["lang"], newest["url"]) == ("Только по-русски 5", "ru", "ru/2022/02/06/only-5/")
    # (site.yaml's date_format for ru: the short lists follow it, where only the theme's short format did)
    assert newest["date"] == "2022-02-06T12:00:00+03:00" and newest["shown"] == "6 февраля 2022, 12:00"
    assert lists["en"][0]["title"] == "Только по-русски 5" and "Feb" in lists["en"][0]["shown"]  # (no English version)
    shown = [item["title"] for item in lists["ru"] if item["title"].startswith(("Story", "Новость"))]
    assert shown == ["Story 5", "Story 11", "Новость 4", "Новость 10"]  # the Russian version, where there is one
    assert [item["title"] for item in lists["en"]][6:] == ["Story 5", "Story 11", "Story 4", "Story 10"]
    page = bilingual.page("ru/2021/01/10/story-0/")
    assert 'src="../../../../../latest.js"' in page and 'data-root="../../../../../"' in page


def test_sitemap_carries_the_alternates(bilingual):
    bilingual.build()
    root = ElementTree.parse(bilingual.public / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        u.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)} for u in root.findall("s:url", ns)
    }
    en, ru = "https://example.org/2021/01/10/story-0/", "https://example.org/ru/2021/01/10/story-0/"
    assert entries[en] == entries[ru] == {"en": en, "ru": ru, "x-default": en}
    assert entries["https://example.org/2021/02/11/story-1/"] == {}
    homes = {"en": "https://example.org/en/", "ru": "https://example.org/ru/", "x-default": "https://example.org/"}
    assert entries["https://example.org/"] == entries["https://example.org/en/"] == entries["https://example.org/ru/"] == homes


def test_the_language_homes_link_one_another_for_search_engines(bilingual):
    """The home pages of a bilingual site said nothing of one another, so a search engine showed a Russian reader
    the English or the mixed home; now each names each language's home, and the mixed one as x-default, as Hugo's do.
    A later page lists other articles than its counterpart, and names none."""
    bilingual.write({"site.yaml": BILINGUAL_YAML.replace("paginate: 50", "paginate: 2")}).build()
    homes = {"en": "https://example.org/en/", "ru": "https://example.org/ru/", "x-default": "https://example.org/"}
    for path in ("", "en/", "ru/"):
        assert links(bilingual.page(path)) == homes, path
    for path in ("page/2/", "en/page/2/", "ru/page/2/", "tags/roscosmos/"):
        assert links(bilingual.page(path)) == {}, path


def test_explicit_translation_links(project):
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/original.md": article("Original", "2021-05-24T10:00:00+03:00"),
            "content/perevod.md": article("Перевод", "2021-05-25T09:00:00+03:00", lang="ru", translation_of="original.md"),
            "content/a.md": article("Keyed", "2021-06-01", translation_key="launch"),
            "content/b.md": article("По ключу", "2021-06-02", lang="ru", translation_key="launch"),
        }
    )
    project.build()
    assert links(project.page("2021/05/24/original/"))["ru"] == "https://example.org/ru/2021/05/25/perevod/"
    assert links(project.page("ru/2021/06/02/b/"))["en"] == "https://example.org/2021/06/01/a/"


def test_bad_translation_links_are_errors_naming_the_files(project):
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/x.md": article("X", "2021-05-24", lang="ru", translation_of="pages/about.md"),
            "content/pages/about.md": "---\ntitle: About\n---\nText.\n",
            "content/a.md": article("A", "2021-06-01"),
            "content/b.md": article("B", "2021-06-01", lang="ru", translation_of="a.md"),
            "content/c.md": article("C", "2021-06-01", lang="ru", translation_of="a.md"),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value).splitlines() == [
        "content/a.md: translation_of: translations of one article must be in different languages: "
        "content/a.md (en), content/b.md (ru), content/c.md (ru)",
        "content/x.md:5: translation_of: pages/about.md is a standalone page, not an article "
        "(name the original article's file under content/, or remove translation_of:)",
    ]


def test_a_translation_whose_original_is_deleted_is_published_alone_with_a_warning(project):
    """Deleting the original of a translation (`ssg new --translation-of 2014/x.md`, then `rm content/2014/x.md`)
    stopped every build and the preview: "translation_of: 2014/x.md is not a published article"."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/2014/soyuz-landing.md": article("Soyuz lands", "2014-03-11"),
            "content/2014/soyuz-landing.ru.md": article(
                "«Союз» приземлился", "2014-03-11", lang="ru", translation_of="2014/soyuz-landing.md"
            ),
            "content/2015/proton.md": article("Proton", "2015-05-16"),
        }
    )
    assert project.build().warnings == [] and 'rel="alternate" hreflang="en"' in project.page("ru/2014/03/11/soyuz-landing/")
    (project.root / "content/2014/soyuz-landing.md").unlink()
    result = project.build()  # (the same builder would go on in the preview; here a rebuild from the cache)
    assert [str(w) for w in result.warnings] == [
        "content/2014/soyuz-landing.ru.md:5: translation_of: content/2014/soyuz-landing.md is not there (deleted or moved?): "
        "this translation is published alone; remove translation_of: to keep it so, or restore the original"
    ]
    assert 'rel="alternate" hreflang="en"' not in project.page("ru/2014/03/11/soyuz-landing/")
    # Moved to another folder, or misspelt: the file it likely is, named.
    project.write({"content/archive/soyuz-landing.md": article("Soyuz lands", "2014-03-11")})
    (warning,) = project.build().warnings
    assert str(warning).endswith("or restore the original (or name the file it likely is: translation_of: archive/soyuz-landing.md)")
    project.write(
        {"content/2014/soyuz-landing.ru.md": article("«Союз» приземлился", "2014-03-11", lang="ru", translation_of="2015/proton.md")}
    )
    (project.root / "content/archive/soyuz-landing.md").unlink()
    assert project.build().warnings == []  # (a translation of Proton now; as the file says)


def test_every_kind_of_content_problem_is_reported_in_one_run(project):
    """Broken front matter, a language the site lacks, a dangling translation_of, a missing image and a URL clash: one
    run lists them all (it took five, fixing one kind after another); a translation of a broken file is not blamed."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/broken.md": "---\ntitle: [unclosed\n---\n",
            "content/broken.ru.md": article("Перевод", "2021-05-24", lang="ru", translation_of="broken.md"),
            "content/de.md": article("Nachricht", "2021-05-25", lang="de"),
            "content/x.md": article("X", "2021-05-26", lang="ru", translation_of="pages/about.md"),
            "content/pages/about.md": "---\ntitle: About\n---\nText.\n",
            "content/pic.md": article("Pic", "2021-05-27", image="{src: 2021/none.jpg}"),
            "content/a.md": article("Same", "2021-05-28"),
            "content/b.md": article("Same", "2021-05-28", slug="a"),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    reported = str(error.value).splitlines()
    assert sorted(line.split(":")[0] for line in reported) == [
        "content/b.md",  # the URL clash
        "content/broken.md",
        "content/de.md",
        "content/pic.md",  # the missing image
        "content/x.md",
    ], reported
    assert not project.public.exists()


def test_translation_problems_name_the_content_folder_site_yaml_sets(project):
    project.write(
        {
            "site.yaml": BILINGUAL_YAML + "content_dir: articles\n",
            "articles/x.md": article("X", "2021-05-24", lang="ru", translation_of="pages/a.md"),
            "articles/pages/a.md": "---\ntitle: About\n---\nText.\n",
            "articles/y.md": article("Y", "2021-05-25"),
            "articles/z.md": article("Z", "2021-05-25", slug="y"),
        }
    )
    with pytest.raises(ContentError) as error:
        project.build()
    assert str(error.value).splitlines() == [
        "articles/x.md:5: translation_of: pages/a.md is a standalone page, not an article "
        "(name the original article's file under articles/, or remove translation_of:)",
        "articles/z.md:4: slug: has the same URL /2021/05/25/y/ as articles/y.md (set a different `slug:` or date)",
    ]


@pytest.mark.parametrize("written", ["rus", "ru-RU", "ru_RU", "RU", "Русский"])
def test_a_sites_language_written_otherwise_is_one_error_with_the_code_to_write_first(project, written):
    """`lang: rus` was an error suggesting to add `rus` to `languages:`, while a separate warning said "write lang: ru".
    A valid code with a region (ru-RU) may be added; one no page may carry (rus, ISO 639-2; ru_RU, POSIX's: `<html
    lang>` and hreflang take BCP 47's) is only to be written as the site's (a preview trial added de_DE, as told)."""
    text = "Роскосмос сообщил о запуске ракеты с космодрома Восточный сегодня утром, как и планировалось."
    project.write({"site.yaml": BILINGUAL_YAML, "content/a.md": article("Роскосмос сообщил о запуске", "2021-01-01", text, lang=written)})
    with pytest.raises(ContentError) as error:
        project.build()
    if written == "ru-RU":
        assert str(error.value) == (
            f"content/a.md:4: lang: {written!r} is not one of the site's languages (en, ru): write lang: ru "
            f"(or add {written!r} to `languages:` in site.yaml)"
        )
    else:
        assert str(error.value) == f"content/a.md:4: lang: {written!r} is not a language code (write ru)"
    assert [w for w in error.value.warnings if w.field == "lang"] == []


def test_unknown_language_is_an_error_naming_the_configured_ones(project):
    project.write({"site.yaml": BILINGUAL_YAML, "content/de.md": article("Nachricht", "2021-01-01", lang="de")})
    with pytest.raises(ContentError) as error:
        project.build()
    assert (
        str(error.value) == "content/de.md:4: lang: 'de' is not one of the site's languages (en, ru); add it to `languages:` in site.yaml"
    )
    project.write({"site.yaml": BILINGUAL_YAML.replace("lang: en", "lang: de")})
    with pytest.raises(ConfigError, match="'de' is not one of `languages:` \\(en, ru\\)"):
        project.build()


def test_same_language_on_one_url_is_still_an_error(project):
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/a/x.md": article("A", "2021-01-01", lang="ru"),
            "content/b/x.md": article("B", "2021-01-01", lang="ru"),
        }
    )
    with pytest.raises(ContentError, match="content/b/x.md: slug: has the same URL /ru/2021/01/01/x/ as content/a/x.md"):
        project.build()


def test_every_language_under_its_prefix_on_request(bilingual):
    bilingual.write({"site.yaml": BILINGUAL_YAML + "prefix_default_lang: true\n"})
    bilingual.build()
    assert (bilingual.public / "en/2021/01/10/story-0/index.html").is_file()
    assert not (bilingual.public / "2021/01/10/story-0").exists()


def test_search_indexes_a_tag_under_both_names():
    settings = ReadSettings("en", "UTC", (), SearchConfig(), (("Roscosmos", "Роскосмос"),))
    record = read_article("a.md", article("A", "2021-01-01", tags="[Roscosmos]").encode(), settings)
    tags = json.dumps(record["terms"]["fields"]["tags"], ensure_ascii=False)
    assert stem("роскосмос") in tags and stem("roscosmos") in tags


def test_language_switch_in_the_browser_lands_on_the_translation(bilingual, browser):
    bilingual.build()
    page = browser.new_page()
    page.goto((bilingual.public / "2021/01/10/story-0/index.html").as_uri())
    assert page.locator("h1").inner_text() == "Story 0"
    with page.expect_navigation():
        page.locator('.lang-switch a[hreflang="ru"]').click()
    assert page.url.endswith("/ru/2021/01/10/story-0/index.html")
    assert page.locator("h1").inner_text() == "Новость 0"
    assert page.evaluate("document.documentElement.lang") == "ru"
    with page.expect_navigation():
        page.locator('.lang-switch a[hreflang="en"]').click()
    assert page.locator("h1").inner_text() == "Story 0"
    page.close()


def test_hugo_style_language_suffix_links_a_translation(project):
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/2021/launch.md": article("Launch", "2021-05-24T10:00:00+03:00"),
            "content/2021/launch.ru.md": article("Запуск", "2021-05-24T10:00:00+03:00"),
        }
    )
    project.build()
    assert links(project.page("2021/05/24/launch/"))["ru"] == "https://example.org/ru/2021/05/24/launch/"


def test_search_results_are_marked_and_filtered_by_language(bilingual, browser):
    bilingual.build()
    page = browser.new_page()
    search = (bilingual.public / "search/index.html").as_uri()

    def titles(query: str) -> list[str]:
        page.goto(f"{search}?q={query}")
        page.wait_for_selector(".search-hit, #search-status:has-text('No')", timeout=10_000)
        return page.locator(".search-hit__title").all_inner_texts()

    def found() -> int:
        return int(page.locator("#search-status").inner_text().split()[0])

    titles("roscosmos")  # the English name finds every article: both languages
    assert found() == PAIRS * 2 + PAIRS + PAIRS
    russian = titles("roscosmos&lang=ru")
    assert found() == PAIRS + PAIRS and all(t.startswith(("Новость", "Только")) for t in russian)
    assert page.locator(".search-hit__title[lang='ru']").count() == len(russian)
    assert page.locator("#search-lang").input_value() == "ru"
    page.select_option("#search-lang", "en")
    page.wait_for_function("[...document.querySelectorAll('.search-hit__title')].every(e => e.lang === 'en')")
    assert "lang=en" in page.url
    page.close()


def test_a_search_hit_names_its_tags_as_their_pages_do_in_its_language(project):
    """Hits showed tags as each article spelt them (`spacex`, `roscosmos` on an English article) where tag pages
    showed SpaceX and Roscosmos."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/a.md": article("A", "2021-05-24 10:00", tags="[SpaceX, roscosmos]"),
            "content/b.md": article("B", "2021-05-25 10:00", tags="[SpaceX]"),
            "content/c.md": article("C", "2021-05-26 10:00", tags="[spacex, Роскосмос]", lang="ru"),
        }
    )
    project.build()
    store = (project.public / "search/d/0.js").read_text(encoding="utf-8").strip()
    hits = json.loads(store.removeprefix('ssgSearchData("d/0",').removesuffix(");"))
    assert {hit[1]: hit[5] for hit in hits} == {"A": ["SpaceX", "Roscosmos"], "B": ["SpaceX"], "C": ["SpaceX", "Роскосмос"]}


@pytest.mark.parametrize(
    ("en_date", "ru_date", "later", "ru_day"),
    [
        ("2021-03-02T23:30:00+03:00", "2021-03-03T00:10:00+03:00", "2021-03-03 12:00", "2021/03/03/"),
        ("2019-12-31T23:00", "2020-01-01T01:00", "2020-01-01 12:00", "2020/01/01/"),
    ],
)
def test_a_translation_published_on_another_day_is_listed_on_its_day(project, en_date, ru_date, later, ru_day):
    """Its page links its own day, which was never made (only the listed version's days were): `check --links` failed,
    and across a new year the year had no page at all."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/launch.md": article("Progress launched", en_date, translation_key="progress"),
            "content/zapusk.md": article("«Прогресс» запущен", ru_date, lang="ru", translation_key="progress"),
            "content/later.md": article("Later news", later),
        }
    )
    project.build()
    day = project.page(ru_day)
    assert day.index("Later news") < day.index("«Прогресс» запущен")  # listed there, newest first
    assert f'href="../../../../../{ru_day}"' in project.page(f"ru/{ru_day}zapusk/")
    assert project.page(ru_day[:5]).count('<li class="entry"') == 2  # the article once in its year, and the later one


@pytest.mark.parametrize("ru_date", ["2021-03-02T06:00:00+03:00", "2021-03-03T09:00:00+03:00"])
def test_a_translation_beside_its_original_is_one_whatever_its_day(project, ru_date):
    """`docking.ru.md` beside `docking.md` was left alone, without a word, when its day differed: the same instant
    written with another offset, or published the next morning."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/2021/docking.md": article("Soyuz docks with ISS", "2021-03-01T22:00:00-05:00"),
            "content/2021/docking.ru.md": article("«Союз» пристыковался к МКС", ru_date, lang="ru"),
        }
    )
    project.build()
    ru_path = f"ru/{ru_date[:10].replace('-', '/')}/docking/"
    assert '<link rel="alternate" hreflang="en" href="https://example.org/2021/03/01/docking/">' in project.page(ru_path)
    assert f'<link rel="alternate" hreflang="ru" href="https://example.org/{ru_path}">' in project.page("2021/03/01/docking/")


def test_a_translation_of_a_draft_is_published_alone_with_a_warning(project):
    """Making the original a draft failed the whole build: "translation_of: 2021/raketa.md is not a published article
    (it should name the original's file...)", though it did name it."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/2021/raketa.md": article("Ракета", "2021-05-24 10:00", lang="ru", draft="true"),
            "content/2021/raketa.en.md": article("The rocket", "2021-05-24 10:00", translation_of="2021/raketa.md"),
        }
    )
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "content/2021/raketa.en.md:4: translation_of: 2021/raketa.md is a draft or dated later: "
        "this translation is published alone until it is"
    ]
    assert "The rocket" in project.page("2021/05/24/raketa/") and not (project.public / "ru/2021/05/24/raketa").exists()
    project.write({"content/2021/raketa.md": article("Ракета", "2021-05-24 10:00", lang="ru")})
    assert project.build().warnings == [] and 'hreflang="ru"' in project.page("2021/05/24/raketa/")


def test_a_name_in_the_other_alphabet_is_marked_with_its_language_for_screen_readers(project):
    """A tag named only in Russian, or a Russian agency as an English article's source, sat on English pages under
    lang="en", so a screen reader spelled it out in an English voice (WCAG 3.1.2, language of parts); a Russian
    entry's source on an English listing was in its lang="en" line. Now each is in a `<span lang="ru">`, and a name in
    the page's own alphabet is left as it is."""
    project.write(
        {
            "site.yaml": BILINGUAL_YAML,
            "content/2021/a.md": article(
                "Gazprom signs a deal",
                "2021-05-24",
                tags="[Газпром, SpaceX]",
                source="{name: ТАСС, url: 'https://tass.ru/1'}",
                rights="CC BY",
            ),
            "content/2021/b.ru.md": article(
                "Газпром подписал договор",
                "2021-05-25",
                lang="ru",
                tags="[Газпром, the crew]",
                source="{name: РИА Новости}",
                rights="CC BY",
            ),
        }
    )
    project.build()
    ru = '<span lang="ru">{}</span>'
    en_article = project.page("2021/05/24/a/")
    assert f'rel="tag">{ru.format("Газпром")}</a>' in en_article and 'rel="tag">SpaceX</a>' in en_article
    assert (
        f'<a href="../../../../sources/tass/">{ru.format("ТАСС")}</a>' in en_article
        and f"<strong>{ru.format('ТАСС')}</strong>" in en_article
    )
    home = project.page("")
    assert f'</span> <a href="sources/ria-novosti/">{ru.format("РИА Новости")}</a></span>' in home  # (the entry's meta line is in English)
    assert f'rel="tag">{ru.format("Газпром")}</a>' in home
    assert f'<h1 class="page-header__title">{ru.format("Газпром")}</h1>' in project.page("tags/gazprom/")
    assert f'>{ru.format("Газпром")} <span class="count">' in project.page("tags/")
    ru_article = project.page("ru/2021/05/25/b/")
    assert 'rel="tag">Газпром</a>' in ru_article and 'rel="tag"><span lang="en">the crew</span></a>' in ru_article
    assert "<strong>РИА Новости</strong>" in ru_article


def test_the_tags_and_sources_indexes_are_in_the_alphabetical_order_of_the_names_they_show(project):
    """A Russian editor's trial: on a site of `lang: ru` with `tag_names: {Dmitry Rogozin: {ru: Дмитрий Рогозин}}` (and
    `source_names:` alike), tags/ and sources/ showed the Russian names in the order of the entries' English ones
    (Дмитрий Рогозин among the Latin names, between China and Elon Musk; Интерфакс before Reuters), Ёлки after
    Ярославль (ё is the code point after я; ёлки go before ель), and «Союз МС-18» after every Latin name, before А. Now each index is in the
    order of the names it shows, as a Russian index is: case aside, ё with е, a leading quote not counted, and (a later
    product decision, from the same trial) Cyrillic names before Latin ones, as CLDR's Russian order has them."""
    names = "Dmitry Rogozin: {ru: Дмитрий Рогозин}"
    project.write(
        {
            "site.yaml": SITE_YAML
            + f"lang: ru\nlanguages: [ru, en]\ntag_names: {{{names}}}\nsource_names: {{Interfax: {{ru: Интерфакс}}}}\n",
            "content/a.md": article("Запуск", "2021-01-10T10:00:00+03:00", tags="[Ёлки, Ярославль, Ель, ельник]", source="Интерфакс"),
            "content/b.md": article("Стыковка", "2021-01-11T10:00:00+03:00", tags="[«Союз МС-18», Дмитрий Рогозин, China]", source="ТАСС"),
            "content/c.md": article("Посадка", "2021-01-12T10:00:00+03:00", tags="[Elon Musk, Армия]", source="Reuters"),
            "content/d.md": article("Landing", "2021-01-13T10:00:00+03:00", lang="en", tags="[Dmitry Rogozin]", source="Interfax"),
        }
    )
    project.build()
    tags = re.findall(r'<a class="tag" href="[^"]+">([^<]+) <span', project.page("tags/"))
    # (and Cyrillic names before Latin ones on Russian pages, as CLDR's Russian order has them; after them on English)
    assert tags == ["Армия", "Дмитрий Рогозин", "Ёлки", "Ель", "ельник", "«Союз МС-18»", "Ярославль", "China", "Elon Musk"]
    outlets = re.findall(r'<span class="source-list__name">([^<]+)</span>', project.page("sources/"))
    assert outlets == ["Интерфакс", "ТАСС", "Reuters"]
    project.write({"site.yaml": SITE_YAML + f"lang: en\ntag_names: {{{names}}}\nsource_names: {{Interfax: {{ru: Интерфакс}}}}\n"})
    project.build()
    tags = re.findall(r'<a class="tag" href="[^"]+">(?:<span lang="ru">)?([^<]+)(?:</span>)? <span', project.page("tags/"))
    assert tags == ["China", "Dmitry Rogozin", "Elon Musk", "Армия", "Ёлки", "Ель", "ельник", "«Союз МС-18»", "Ярославль"]
    outlets = re.findall(r'<span class="source-list__name">(?:<span lang="ru">)?([^<]+)', project.page("sources/"))
    assert outlets == ["Interfax", "Reuters", "ТАСС"]


def test_a_ukrainian_index_is_in_the_ukrainian_alphabets_order(project):
    """A Kyiv editor's trial: tags/ went Архів, Музей, Місяць, Євросоюз, Історія, Ґрунт (by code point: є, і, ї and ґ
    stand after я there), and "Європейська правда" after "Укрінформ" on sources/."""
    names = "[Музей, Місяць, Євросоюз, Історія, Ґрунт, Архів, Їжак, Иран, Ђоковић, 東京, NASA]"
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: uk\n",
            "content/a.md": article("Новина", "2021-01-10T10:00:00+03:00", tags=names, source="Укрінформ"),
            "content/b.md": article("Інша", "2021-01-11T10:00:00+03:00", source="Європейська правда"),
        }
    )
    project.build()
    tags = re.findall(r'<a class="tag" href="[^"]+">(?:<span lang="" dir="auto">)?([^<]+)(?:</span>)? <span', project.page("tags/"))
    # (Cyrillic's other letters after я, as before; Latin after Cyrillic on a page in Cyrillic, Chinese last)
    assert tags == ["Архів", "Ґрунт", "Євросоюз", "Иран", "Історія", "Їжак", "Місяць", "Музей", "Ђоковић", "NASA", "東京"]
    assert re.findall(r'<span class="source-list__name">([^<]+)</span>', project.page("sources/")) == ["Європейська правда", "Укрінформ"]


RTL_ARTICLES = {
    "content/2025/probe.md": article(
        "A new probe reaches Mars", "2025-11-10T10:00:00Z", "The probe reached Mars orbit.", lang="en", tags="[NASA, علم]"
    ),
    "content/2025/msbar.md": article(
        "مسبار جديد يصل إلى المريخ", "2025-11-12T10:00:00Z", "وصل المسبار إلى المريخ.", lang="ar", tags="[علم, NASA]"
    ),
}


def test_a_right_to_left_language_is_marked_with_its_direction(project):
    """An Arabic or Hebrew article was published with `<html lang="ar">` and no `dir` anywhere: a browser showed it
    left-aligned, its sentences' final "." at the wrong end, its Arabic dates in lists reordered (122026/11/). Every
    element given the lang of a right-to-left language gets dir="rtl" (CLDR's direction, Babel's), and one in a
    left-to-right language inside a right-to-left page dir="ltr"; a left-to-right page is as it was."""
    project.write({"site.yaml": SITE_YAML + "lang: en\nlanguages: [en, ar]\n", **RTL_ARTICLES})
    project.build()
    home = project.page("")
    assert '<html lang="en">' in home
    assert '<li class="entry" lang="ar" dir="rtl">' in home
    assert '<p class="meta entry__meta" lang="en" dir="ltr">' in home  # (the entry's meta line is the page's)
    assert '<li class="entry">' in home and 'lang="en" dir' not in home.split('<li class="entry" lang="ar"')[0]
    assert '<a href="ar/" hreflang="ar" lang="ar" dir="rtl"' in home  # (the language switch)
    assert '<html lang="ar" dir="rtl">' in project.page("ar/2025/11/12/msbar/")
    assert 'data-rtl="ar"' in project.page("search/")
    latest = json.loads((project.public / "latest.js").read_text(encoding="utf-8").split("window.ssgLatest = ")[1].rstrip(";\n"))
    assert [(item["lang"], item.get("dir")) for item in latest["en"]] == [("ar", "rtl"), ("en", None)]
    # An Arabic-first site: its pages are right-to-left, an English entry on them left-to-right.
    project.write({"site.yaml": SITE_YAML + "lang: ar\nlanguages: [ar, en]\n"})
    project.build()
    ar_home = project.page("")
    assert '<html lang="ar" dir="rtl">' in ar_home
    assert '<li class="entry" lang="en" dir="ltr">' in ar_home
    assert '<p class="meta entry__meta" lang="ar" dir="rtl">' in ar_home
    assert 'hreflang="en" lang="en" dir="ltr"' in ar_home
    assert '<html lang="en">' in project.page("en/2025/11/10/probe/")


def test_the_default_theme_lays_out_with_logical_properties():
    """A right-to-left page is the left-to-right one mirrored only where the stylesheet says start and end, not left and
    right; the prev/next arrows turn with it, and a date in a line is a run of its own (`unicode-bidi: isolate`)."""
    css = (REPO / "themes/default/static/assets/style.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    assert not re.findall(r"(?:margin|padding|border)-(?:left|right)|text-align: (?:left|right)|(?<![-\w])(?:left|right):", rules)
    assert re.search(r"time \{\s*unicode-bidi: isolate;", rules)
    assert ':dir(rtl)::after {\n  content: " ←";' in rules and ':dir(rtl)::before {\n  content: "→ ";' in rules


def test_a_name_whose_script_tells_its_language_is_marked_with_it(project):
    """On an English home page an Arabic entry's tags were in its `<ul lang="en">`, `علم` among them, and the tag pages'
    headings for `علم`, `北京`, `Διάστημα` had no lang: a name whose script one of the site's languages alone is
    written in is in that language (and direction), Han without kana zh where ja is one too; one whose script tells no
    one language (Arabic letters where ar and fa both are) is marked unknown (lang=""), not the page's."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: en\nlanguages: [en, ar, el, zh, ja]\n",
            **RTL_ARTICLES,
            "content/2025/other.md": article("Space news", "2025-11-11T10:00:00Z", "Text.", tags="[北京, Διάστημα]"),
        }
    )
    project.build()
    home = project.page("")
    arabic_entry = home.split('<li class="entry" lang="ar" dir="rtl">')[1].split("</li>\n  \n")[0]
    assert 'rel="tag"><span lang="ar" dir="rtl">علم</span></a>' in arabic_entry
    assert 'rel="tag">NASA</a>' in arabic_entry
    assert '<h1 class="page-header__title"><span lang="ar" dir="rtl">علم</span></h1>' in project.page("tags/lm/")
    assert '<h1 class="page-header__title"><span lang="el">Διάστημα</span></h1>' in project.page("tags/diastema/")
    assert '<h1 class="page-header__title"><span lang="zh">北京</span></h1>' in project.page("tags/bei-jing/")  # (no kana)
    assert '<h1 class="page-header__title">NASA</h1>' in project.page("tags/nasa/")
    # On a page in the name's own language, nothing; on the Arabic pages an English name is left-to-right.
    ar_article = project.page("ar/2025/11/12/msbar/")
    assert 'rel="tag">علم</a>' in ar_article
    # With only zh of the two, Han is Chinese.
    project.write({"site.yaml": SITE_YAML + "lang: en\nlanguages: [en, ar, zh]\n"})
    project.build()
    assert '<h1 class="page-header__title"><span lang="zh">北京</span></h1>' in project.page("tags/bei-jing/")


def test_a_latin_name_on_a_right_to_left_page_is_marked_left_to_right(project):
    """A reviewer's finding: on an en+ar site the Arabic article's tags NASA, C++ and Falcon 9 sat in its lang="ar"
    with no dir, and a browser showed C++ as ++C. A name in a script the page's language is not written in is marked:
    with the one site language written in it (Latin: en), else unknown (lang="" dir="auto")."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: en\nlanguages: [en, ar]\n",
            "content/2025/msbar.md": article(
                "مسبار جديد يصل إلى المريخ", "2025-11-12T10:00:00Z", "وصل المسبار إلى المريخ.", lang="ar",
                tags="[علم, NASA, C++, Falcon 9, Роскосмос]",
            ),
        }
    )  # fmt: skip
    project.build()
    ar_article = project.page("ar/2025/11/12/msbar/")
    assert 'rel="tag"><span lang="en" dir="ltr">C++</span></a>' in ar_article
    assert 'rel="tag"><span lang="en" dir="ltr">NASA</span></a>' in ar_article
    assert 'rel="tag"><span lang="en" dir="ltr">Falcon 9</span></a>' in ar_article
    assert 'rel="tag"><span lang="" dir="auto">Роскосмос</span></a>' in ar_article  # (no language of the site in Cyrillic)
    assert 'rel="tag">علم</a>' in ar_article
    assert 'rel="tag">C++</a>' in project.page("")  # (an English page: its tag list is English, as before)


def test_an_entry_without_a_picture_is_one_column_only_against_the_pages_direction():
    """A reviewer's finding: `.entry:not(:has(> .entry__image))` made every left-to-right entry without a picture one
    column, 1.5rem wider than before (its lines rewrapped). Only an entry whose direction is not the page's (a
    right-to-left one on a left-to-right page, or the other way round), whose empty column's gap fell on its start, is."""
    css = (REPO / "themes/default/static/assets/style.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    selectors = [m[1] for m in re.finditer(r"\n([^{}@]*:has\(> \.entry__image\)[^{}]*)\{", rules)]
    assert selectors, "the one-column rule for an entry without a picture"
    for selector in selectors:
        for one in selector.split(","):
            assert re.search(r'\.entry\[dir="(?:rtl|ltr)"\]', one) and re.search(r'html(?::not\()?\[dir="rtl"\]', one), one


def test_search_js_gives_an_element_the_direction_lang_attrs_gives_it():
    """The rule "dir where the element's language or the one around it is right-to-left" is written three times
    (render.lang_attrs, search.js's directionOf for its hits, site.js's latest list): search.js's gives, for every pair
    of a left-to-right and a right-to-left language, what Python's does."""
    import subprocess

    from ssg.render import lang_attrs

    codes, rtl = ["en", "ru", "zh", "ar", "he", "fa"], ["ar", "he", "fa"]
    pairs = [(code, around) for code in codes for around in codes]
    script = (
        "const { directionOf } = require(process.argv[1]); const [pairs, rtl] = JSON.parse(require('fs').readFileSync(0));"
        "process.stdout.write(JSON.stringify(pairs.map(([c, a]) => directionOf(c, rtl.includes(a) ? 'rtl' : 'ltr', rtl))));"
    )
    search_js = str(REPO / "themes" / "default" / "static" / "assets" / "search.js")
    done = subprocess.run(["node", "-e", script, search_js], input=json.dumps([pairs, rtl]), capture_output=True, text=True, check=True)
    python = [re.search(r'dir="(\w+)"', lang_attrs(around)(code)) for code, around in pairs]
    assert json.loads(done.stdout) == [m[1] if m else None for m in python]
    site_js = (REPO / "themes" / "default" / "static" / "assets" / "site.js").read_text(encoding="utf-8")
    assert 'if (item.dir === "rtl" || dir === "rtl") {' in site_js  # (the latest list: the same rule)
