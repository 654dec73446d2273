"""A site's interface language: its strings, its dates, and what is said where the theme lacks them."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from click.testing import CliRunner

from ssg.cli import main

from .conftest import REPO, SITE_YAML, article

STRINGS = REPO / "themes/default/i18n"
ENGLISH = yaml.safe_load((STRINGS / "en.yaml").read_text(encoding="utf-8"))
SEARCH_ENGLISH = yaml.safe_load((STRINGS / "search.en.yaml").read_text(encoding="utf-8"))


def latest_shown(project) -> dict[str, list[str]]:
    """Each page language's dates in latest.js, as its pages show them."""
    script = (project.public / "latest.js").read_text(encoding="utf-8")
    lists = json.loads(script.partition("window.ssgLatest = ")[2].rstrip().removesuffix(";"))
    return {lang: [item["shown"] for item in items] for lang, items in lists.items()}


def test_a_top_level_date_format_is_every_date_of_a_single_language_site(project):
    """`date_format:` was refused as unknown without `languages:`, and `languages.<lang>.date_format` left the latest
    list and the 404 page with the theme's `Dec 5, 2026, 6:18 AM`."""
    project.write({"site.yaml": SITE_YAML + 'date_format: "d MMMM y"\n', "content/a.md": article("A", "2025-12-05T06:18:00+03:00")})
    project.build()
    for page in ("2025/12/05/a/", "", "404.html"):
        assert "5 December 2025<" in project.page(page) and "Dec 5" not in project.page(page)
    assert latest_shown(project) == {"en": ["5 December 2025"]}
    project.write({"site.yaml": SITE_YAML + 'date_format: "d MMMM y"\ndate_format_short: "dd.MM.y"\n'})
    project.build()
    assert "5 December 2025<" in project.page("2025/12/05/a/") and latest_shown(project) == {"en": ["05.12.2025"]}
    assert "05.12.2025<" in project.page("404.html")


def test_a_top_level_date_format_is_also_the_date_of_a_single_language_sites_articles_in_other_languages(project):
    """A new user's trial: `date_format: yyyy-MM-dd` on a site without `languages:` whose articles are in Russian and
    English; a Russian article's page showed `24 октября 2019, 05:05`, while the home page listed it as 2019-10-24."""
    project.write(
        {
            "site.yaml": SITE_YAML + 'date_format: "yyyy-MM-dd"\n',
            "content/a.md": article("A", "2025-12-05T06:18:00+03:00"),
            "content/b.md": article("Новость", "2019-10-24T05:05:00+03:00", lang="ru"),
        }
    )
    project.build()
    for page in ("2019/10/24/b/", "", "404.html"):
        assert "2019-10-24<" in project.page(page) and "октября" not in project.page(page), page
    assert latest_shown(project) == {"en": ["2025-12-05", "2019-10-24"], "ru": ["2025-12-05", "2019-10-24"]}


def test_languages_with_only_the_sites_language_keeps_a_one_language_site(project):
    """`languages: {uk: {date_format: ...}}` on a Ukrainian site made a second home page at /uk/ and a feed there,
    whose canonical link went to /uk/."""
    project.write(
        {
            "site.yaml": SITE_YAML + 'lang: uk\nlanguages:\n  uk: {title: Архів, date_format: "d MMMM y"}\n',
            "content/a.md": article("Новина", "2025-12-05T06:18:00+03:00"),
        }
    )
    project.build()
    assert not (project.public / "uk/index.html").exists() and (project.public / "2025/12/05/a/index.html").is_file()
    # (a language's feed, as every site has one, goes to the one home page)
    assert '<link href="https://example.org/" rel="alternate" type="text/html"/>' in (project.public / "uk/feed.xml").read_text(
        encoding="utf-8"
    )
    home = project.page("")
    assert '<link rel="canonical" href="https://example.org/">' in home and "5 грудня 2025<" in home and "Архів" in home
    assert 'hreflang="uk"' not in home and "search-lang" not in project.page("search/")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def failed(project, command: str = "build") -> list[str]:
    """The lines `ssg <command>` printed, which must have failed."""
    result = run("-C", str(project.root), command)
    assert result.exit_code == 1 and "Traceback" not in result.output
    return result.output.splitlines()


def test_a_placeholder_the_string_may_not_use_is_an_error_on_its_line_when_the_strings_load(project):
    """`article_count: "Articles: {cnt}"` failed the tags page as `themes/default/templates/tags.html:15: KeyError:
    'cnt'`: a bare KeyError, on a theme folder the project does not have."""
    project.write(
        {
            "i18n/en.yaml": '# ours\narticle_count: "Articles: {cnt}"\npage_n_of_m: "Page {page} of {pages"\nlatest: "Latest {n}"\n',
            "content/a.md": article("A", "2021-01-01"),
        }
    )
    for command in ("build", "check"):
        assert failed(project, command)[:2] == [
            "error: i18n/en.yaml:2: article_count: unknown placeholder {cnt} in 'Articles: {cnt}' (this string may use {count})",
            "error: i18n/en.yaml:3: page_n_of_m: 'Page {page} of {pages' has a { without its } (the placeholders it may use: "
            "{page}, {pages}; a brace itself is written {{)",
        ]  # (latest: a string the theme formats with no values: its braces are text)


def test_strings_files_are_named_from_the_project(project):
    """They were named by their absolute path, where every other message names a file from the project."""
    project.write({"i18n/uk.yaml": "nav_home: Головна\nnav_tags: [a\n", "content/a.md": article("A", "2021-01-01")})
    assert failed(project)[0].startswith("error: i18n/uk.yaml:2: YAML syntax error")
    project.write({"i18n/uk.yaml": "nav_home:\ndatetime_long: 'd MMMMMM y'\n"})
    assert failed(project)[:2] == [
        "error: i18n/uk.yaml:1: nav_home: is empty (write its text, or remove the line for the English one)",
        "error: i18n/uk.yaml:2: datetime_long: 'd MMMMMM y' is not a Babel date pattern: MMMMMM has 6 letters, and M takes 1 to 5 "
        "letters (e.g. 'd MMMM y, HH:mm', or a style: short, medium, long, full)",
    ]


def test_an_unknown_string_is_an_error_on_the_template_line_saying_where_to_add_it(project):
    """`{{ t("outlet_label") }}` printed `outlet_label`, in build, check and --strict alike."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: uk\n",
            "i18n/uk.yaml": "nav_home: Головна\n",
            "templates/404.html": '{% extends "base.html" %}\n{% block content %}\n{{ t("outlet_label") }} {{ t("nav_hom") }}\n{% endblock %}\n',
            "content/a.md": article("A", "2021-01-01"),
        }
    )
    for command in ("build", "check"):
        assert failed(project, command)[0] == (
            "error: templates/404.html:3: UndefinedError: t('outlet_label'): no interface string 'outlet_label' in uk or any "
            "language (add outlet_label: ... to i18n/uk.yaml, and to i18n/en.yaml for the languages that fall back to English) "
            "(rendering /404.html)"
        )
    project.write({"i18n/uk.yaml": "nav_home: Головна\noutlet_label: Видання\n"})
    assert failed(project)[0] == (
        "error: templates/404.html:3: UndefinedError: t('nav_hom'): no interface string 'nav_hom' in uk or any language "
        "(add nav_hom: ... to i18n/uk.yaml, and to i18n/en.yaml for the languages that fall back to English; did you mean 'nav_home'?) "
        "(rendering /404.html)"
    )


def test_a_string_missing_in_a_language_shows_the_english_one(project):
    """Only a key no language has is an error: a translation that lags behind shows English where it lags."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: fr\n",
            "i18n/fr.yaml": "nav_home: Accueil\n",
            "i18n/en.yaml": "outlet_label: Outlet\n",
            "templates/404.html": '{% extends "base.html" %}\n{% block content %}[{{ t("outlet_label") }}]{% endblock %}\n',
            "content/a.md": article("A", "2021-01-01"),
        }
    )
    project.build()
    page = project.page("404.html")
    assert "[Outlet]" in page and ">Accueil<" in page and ">Archive<" in page


def test_a_string_given_in_another_language_only_is_an_error_saying_so(project):
    project.write(
        {
            "site.yaml": SITE_YAML + "languages: [en, ru]\n",
            "i18n/ru.yaml": "outlet_label: Издание\n",
            "templates/404.html": '{% extends "base.html" %}\n{% block content %}{{ t("outlet_label") }}{% endblock %}\n',
            "content/a.md": article("A", "2021-01-01"),
        }
    )
    assert failed(project)[0] == (
        "error: templates/404.html:2: UndefinedError: t('outlet_label'): no interface string 'outlet_label' in en, only in ru "
        "(add it to i18n/en.yaml, which every language falls back to) (rendering /404.html)"
    )


def test_a_sites_own_string_asking_for_a_value_the_call_does_not_give_names_its_file_and_line(project):
    project.write(
        {
            "i18n/en.yaml": "nav_home: Front\nviews_count: '{views} views'\n",
            "templates/404.html": '{% extends "base.html" %}\n{% block content %}\n{{ t("views_count", count=3) }}\n{% endblock %}\n',
            "content/a.md": article("A", "2021-01-01"),
        }
    )
    assert failed(project)[0] == (
        "error: templates/404.html:3: UndefinedError: t('views_count'): the string '{views} views' (i18n/en.yaml:2) uses {views}, "
        "which this call does not give (it gives count) (rendering /404.html)"
    )


def test_a_language_without_strings_is_a_warning_and_its_dates_are_in_its_own_format(project):
    """`lang: uk` (before the theme had Ukrainian) gave an English interface, silently, and dates in the English
    pattern with Ukrainian month names: "грудня 5, 2026, 3:19 дп"."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: fr\n",
            "content/a.md": article("A", "2025-12-05T06:18:00+03:00"),
            "content/b.md": article("B", "2025-11-04"),
        }
    )
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        "site.yaml:5: lang: the theme 'default' has no interface strings in fr (French), so its pages show the English ones "
        "(dates are in fr's own format): copy the theme's i18n/en.yaml and i18n/search.en.yaml to i18n/fr.yaml and "
        "i18n/search.fr.yaml in the project and translate them (`ssg theme` says where the theme is)"
    ]
    assert ">5 décembre 2025, 06:18</time>" in project.page("2025/12/05/a/")
    assert ">4 novembre 2025</time>" in project.page("2025/11/04/b/")  # (a day written alone: the locale's date)
    assert latest_shown(project) == {"fr": ["5 déc. 2025, 06:18", "4 nov. 2025"]}


def test_a_day_written_alone_keeps_what_its_locale_writes_after_the_year(project):
    project.write({"site.yaml": SITE_YAML + "lang: be\n", "content/b.md": article("B", "2025-11-04")})
    project.build()
    assert ">4 лістапада 2025\u202fг.</time>" in project.page("2025/11/04/b/")  # (CLDR: a narrow no-break space)


def test_check_lists_the_strings_a_language_lacks_and_a_build_does_not(project):
    """A translation that lags behind a theme's update shows English where it lags: `ssg check` says which strings;
    every build saying it would bury the warnings to act on."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: fr\n",
            "i18n/fr.yaml": "".join(f"{key}: x\n" for key in ENGLISH if key not in ("nav_home", "latest")),
            "content/a.md": article("A", "2025-12-05"),
        }
    )
    assert project.build().warnings == []
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert warnings[0] == (
        "warning: i18n/fr.yaml: 2 of the theme's strings are not translated into fr and show in English: latest, nav_home "
        "(copy them from the theme's i18n/en.yaml and translate them)"
    )
    assert warnings[1].startswith(f"warning: i18n/search.fr.yaml: {len(SEARCH_ENGLISH)} of the theme's strings are not translated")
    assert len(warnings) == 2


def test_every_language_of_the_default_theme_has_the_english_keys_and_placeholders():
    """A string missing shows in English; one with another placeholder fails (the strings' check): keep them in step."""
    for part in ("", "search."):
        english = yaml.safe_load((STRINGS / f"{part}en.yaml").read_text(encoding="utf-8"))
        for lang in ("ru", "uk", "de"):
            strings = yaml.safe_load((STRINGS / f"{part}{lang}.yaml").read_text(encoding="utf-8"))
            assert list(strings) == list(english), f"{part}{lang}.yaml"
            for key, text in english.items():
                assert set(re.findall(r"{(\w+)}", strings[key])) == set(re.findall(r"{(\w+)}", text)), f"{part}{lang}.yaml: {key}"


def test_the_rights_line_of_a_russian_or_ukrainian_page_reads_with_the_outlet_named_as_written(project):
    """A Russian editor's trial: "Права на этот материал принадлежат <b>Коммерсантъ</b>" (Известия, Интерфакс likewise):
    принадлежат asks for the dative (Коммерсанту), which an outlet's name, written as the clipping has it, is not; the
    Ukrainian "належать" too. Now "Правообладатель: Коммерсантъ", which takes the name as it is."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: ru\n",
            "content/a.md": article("Запуск", "2021-05-24", source="Коммерсантъ", rights="Все права защищены."),
            "content/b.md": article("Запуск", "2021-05-25", lang="uk", source="Укрінформ", rights="Усі права захищено."),
        }
    )
    project.build()
    assert "<span>Правообладатель: <strong>Коммерсантъ</strong>. Все права защищены.</span>" in project.page("2021/05/24/a/")
    assert "<span>Правовласник: <strong>Укрінформ</strong>. Усі права захищено.</span>" in project.page("2021/05/25/b/")


def test_the_tags_sources_and_archive_pages_are_named_in_the_browsers_tab(project):
    """A Russian editor's trial: the tab (and a bookmark, a search engine's result) of tags/, sources/ and archive/ read
    "Архив новостей", the site's title alone, as the home page's does, where the search page's read "Поиск · Архив
    новостей". Each is now named by its heading, as the search and 404 pages are."""
    project.write(
        {
            "site.yaml": SITE_YAML.replace("Test archive", "Архив новостей") + "lang: ru\n",
            "content/a.md": article("А", "2021-05-24", tags="[Луна]", source="ТАСС"),
        }
    )
    project.build()
    for path, heading in (("tags/", "Теги"), ("sources/", "Источники"), ("archive/", "Архив")):
        assert f"<title>{heading} · Архив новостей</title>" in project.page(path), path
    assert "<title>Архив новостей</title>" in project.page("")


@pytest.mark.parametrize(
    ("lang", "shown", "words"),
    [
        ("uk", "5 грудня 2025, 06:18", ["Перейти до змісту", "Головна", "Пошук статей…", "Останні новини"]),
        ("de", "5. Dezember 2025, 06:18", ["Zum Inhalt springen", "Startseite", "Artikel suchen…", "Neueste Artikel"]),
    ],
)
def test_a_ukrainian_or_german_site_has_its_interface_in_its_language(tmp_path, lang, shown, words):
    """`ssg init --languages uk` then a build: `<html lang="uk">` around "Home", "Skip to content", "Search articles…"
    and `грудня 5, 2026, 3:19 дп`."""
    assert run("init", str(tmp_path / "site"), "--languages", lang).exit_code == 0
    site = tmp_path / "site"
    (site / "content/2025").mkdir(exist_ok=True)
    (site / "content/2025/news.md").write_text(article("A", "2025-12-05T06:18:00+00:00"), encoding="utf-8")
    built = run("-C", str(site), "build")
    assert built.exit_code == 0 and "0 warnings" in built.output
    page = (site / "public/2025/12/05/news/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page and f">{shown}</time>" in page
    assert all(word in page for word in words) and "Skip to content" not in page


@pytest.mark.parametrize(
    ("languages", "title", "lang"),
    [
        ("uk", "Ласкаво просимо до вашого архіву новин", None),
        ("de", "Willkommen in Ihrem Nachrichtenarchiv", None),
        ("ru", "Добро пожаловать в ваш архив новостей", None),
        ("en,ru", "Welcome to your news archive", None),
        ("fr,ru", "Добро пожаловать в ваш архив новостей", "ru"),  # (ssg has no French text: the first language it has)
        ("fr", "Welcome to your news archive", None),
    ],
)
def test_init_writes_its_example_article_in_the_archives_language(tmp_path, languages, title, lang):
    """It was in English with `lang: en` on every archive: a Ukrainian one listed an English article, and one of French
    and Russian failed its first build (en was none of its languages)."""
    assert run("init", str(tmp_path / "site"), "--languages", languages).exit_code == 0
    welcome = next((tmp_path / "site/content").rglob("welcome.md")).read_text(encoding="utf-8")
    front = yaml.safe_load(welcome.split("---")[1])
    assert front["title"] == title and front.get("lang") == lang
    built = run("-C", str(tmp_path / "site"), "build")
    assert built.exit_code == 0, built.output


def test_a_site_of_two_languages_in_cyrillic_and_one_other_tells_english_by_its_letters(project):
    """uk, ru, en (a Kyiv editor's trial): an English clipping left in the default Ukrainian was built with Ukrainian
    dates and interface without a word, and an English name on a Ukrainian page was not marked for screen readers."""
    project.write(
        {
            "site.yaml": SITE_YAML + "lang: uk\nlanguages: [uk, ru, en]\n",
            "content/2021/plain.md": article("Satellite reaches orbit", "2021-05-24", "The satellite reached orbit, officials said."),
            "content/2021/uk.md": article(
                "Супутник на орбіті", "2021-05-25", "Супутник вийшов на орбіту.", tags="[space debris]", lang="uk"
            ),
        }
    )
    result = project.build()
    assert [w.message for w in result.warnings if w.field == "lang"] == [
        "not given, so the article is in the site's 'uk', but the title and text are not in Cyrillic (add lang: en if they "
        "are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    assert '<span lang="en">space debris</span>' in project.page("2021/05/25/uk/")


def test_the_letters_tell_only_ukrainian_from_russian():
    """Belarusian has Russian's ы, э, ё and Ukrainian's і, Bulgarian Russian's ъ: on such sites the letters told a
    Belarusian or Bulgarian title Russian (a second reading)."""
    from ssg.scripts import cyrillic_by_letters

    assert cyrillic_by_letters("Київ", ("uk", "ru", "en")) == "uk" and cyrillic_by_letters("ракеты", ("en", "ru", "uk")) == "ru"
    assert cyrillic_by_letters("Гэта навіны з Мінска", ("be", "ru", "en")) is None
    assert cyrillic_by_letters("Вести от България", ("bg", "ru")) is None
    assert cyrillic_by_letters("Ёлка в Києві", ("uk", "ru")) is None  # (both: the site's)
