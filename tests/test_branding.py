"""Branding a site without copying base.html: a favicon, a stylesheet, a logo, a footer line, the head's extras."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import article

THEME_ICON = '<link rel="icon" href="assets/icon.svg" type="image/svg+xml">'


@pytest.fixture
def site(project):
    return project.write({"content/a.md": article("A", "2021-05-24 10:00"), "content/b.md": article("B", "2021-05-25 10:00")})


def test_a_favicon_in_static_is_the_pages_icon(site):
    """A static/favicon.ico was published, but browsers kept showing the icon the pages gave inline. (The theme's is a
    file of its own: a data: URL is refused by a Content-Security-Policy of default-src 'self', a security trial's.)"""
    site.build()
    assert THEME_ICON in site.page("") and (site.public / "assets/icon.svg").is_file()
    site.write({"static/favicon.ico": b"\x00\x00\x01\x00", "static/favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"})
    result = site.build()
    assert result.changed > 3  # every page again: each links the icon
    home, article_page = site.page(""), site.page("2021/05/24/a/")
    assert THEME_ICON not in home and '<link rel="icon" href="favicon.svg" type="image/svg+xml">' in home  # an SVG first
    assert '<link rel="icon" href="../../../../favicon.svg" type="image/svg+xml">' in article_page  # relative: sub-paths, disk
    assert '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' in site.page("404.html")
    assert (site.public / "favicon.ico").is_file()
    site.remove("static/favicon.svg")
    site.build()
    assert '<link rel="icon" href="favicon.ico">' in site.page("")


def test_a_stylesheet_of_the_sites_own_is_linked_after_the_themes(site):
    site.build()
    assert "custom.css" not in site.page("")
    site.write({"static/assets/custom.css": ":root { --light-accent: #0a6e4f; --dark-accent: #5fd3a8; }\n"})
    site.build()
    head = site.page("2021/05/24/a/").split("</head>")[0]
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', head)
    assert links == ["../../../../assets/style.css", "../../../../assets/custom.css"]


def test_the_header_footer_and_head_are_partials_a_site_overrides_one_by_one(site):
    """A logo, footer text or a web font meant copying all of base.html, which then no longer received the theme's fixes."""
    site.write(
        {
            "static/images/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "templates/brand.html": (
                '<a class="brand" href="{{ url_for(site.home) }}"><img class="brand__logo" src="{{ url_for(\'images/logo.svg\') }}" '
                'alt="" width="120" height="32"><span class="brand__title">{{ site.title }}</span></a>\n'
            ),
            "templates/head_extra.html": '<link rel="preload" href="{{ url_for(\'fonts/x.woff2\') }}" as="font" crossorigin>\n',
        }
    )
    site.build()
    page = site.page("2021/05/24/a/")
    assert '<img class="brand__logo" src="../../../../images/logo.svg"' in page and "brand__mark" not in page
    assert '<link rel="preload" href="../../../../fonts/x.woff2" as="font" crossorigin>' in page.split("</head>")[0]
    assert '<footer class="site-footer">' in page and 'class="site-nav"' in page  # the rest is the theme's


def test_a_footer_line_in_each_language_with_its_links(bilingual):
    bilingual.write(
        {
            "i18n/en.yaml": 'footer_text: "© 2026 The Newsroom. [Contact us](https://newsroom.example/contact)"\n',
            "i18n/ru.yaml": 'footer_text: "© 2026 Редакция. [Связаться с нами](https://newsroom.example/contact)"\n',
        }
    )
    bilingual.build()
    assert (
        '<p class="site-footer__text">© 2026 The Newsroom. <a href="https://newsroom.example/contact">Contact us</a></p>'
        in bilingual.page("")
    )
    assert '<p class="site-footer__text">© 2026 Редакция. <a href="https://newsroom.example/contact">Связаться с нами</a></p>' in (
        bilingual.page("ru/")
    )


def test_no_footer_line_by_default(site):
    site.build()
    assert "site-footer__text" not in site.page("")


def test_a_string_of_the_sites_that_nothing_asks_for_is_a_warning_with_the_one_likely_meant(site):
    """`footer_txt:` in i18n/en.yaml changed nothing, and no build said why. A string a template of the site asks for,
    by its name or by a part written (`t("desk_" ~ kind)`), is no such string."""
    site.write(
        {
            "i18n/en.yaml": 'footer_txt: "© The Newsroom"\ncorrections: "Spotted a mistake?"\ndesk_news: "News desk"\n',
            "templates/head_extra.html": '{{ t("corrections") }}{% if page.kind == "news" %}{{ t("desk_" ~ page.kind) }}{% endif %}\n',
        }
    )
    assert [str(w) for w in site.build().warnings] == [
        "i18n/en.yaml:1: footer_txt: no theme has this string, and no template asks for it (did you mean 'footer_text'?)"
    ]
    site.write({"templates/head_extra.html": "{% if page.kind == 'news' %}{{ t(page.kind) }}{% endif %}\n"})  # (any: none told)
    assert site.build().warnings == []


def test_a_search_hits_language_named_by_the_site_is_a_string_the_search_page_reads(site):
    """A trial named French hits by adding `search_lang_fr: French` to i18n/search.en.yaml: the build warned "no theme has
    this string ... (did you mean 'search_lang_ru'?)", and the hits still said "fr". The search page reads a
    `search_lang_<code>` string for each of the site's languages, the language's own name where there is none."""
    site.write({"site.yaml": site.root.joinpath("site.yaml").read_text() + "languages: [en, fr, es]\n"})
    site.write({"i18n/search.en.yaml": "search_lang_fr: French\n"})
    built = site.build()
    assert [str(w) for w in built.warnings if "search_lang" in str(w)] == []
    strings = json.loads(site.page("search/").split('id="search-strings">')[1].split("</script>")[0])
    assert (strings["search_lang_fr"], strings["search_lang_es"], strings["search_lang_en"]) == ("French", "Español", "English")
    assert 'data-own-names="es"' in site.page("search/")


def test_a_string_asked_for_only_in_a_macro_file_of_another_ending_is_no_stray(site):
    """A designer's macros kept in templates/macros.j2 (Jinja's ending elsewhere), imported by head_extra.html, asked
    for `desk_note`: the build warned that no template asks for it, as only .html, .xml and .txt templates were read."""
    site.write(
        {
            "i18n/en.yaml": 'desk_note: "From the desk"\n',
            "templates/macros.j2": "{% macro note() %}{{ t('desk_note') }}{% endmacro %}\n",
            "templates/head_extra.html": "{% import 'macros.j2' as m with context %}{{ m.note() }}\n",
        }
    )
    assert site.build().warnings == []
    assert "From the desk" in site.page("")
