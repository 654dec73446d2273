"""Canonical URLs, Open Graph, Twitter cards and schema.org JSON-LD, read back with extruct."""

from __future__ import annotations

import re

import extruct
import pytest

from ssg.errors import SsgError
from ssg.metadata import og_locale

from .conftest import article
from .publish_support import FILES, PER_LANGUAGE_FILES, PER_LANGUAGE_YAML, SITE_YAML


@pytest.fixture
def site(project):
    project.write({**FILES, "site.yaml": SITE_YAML}).build()
    return project


def structured(html: str, url: str = "https://example.org/") -> tuple[list[dict], dict[str, list[str]]]:
    """(JSON-LD items, Open Graph property -> values) of a page."""
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=False)
    og: dict[str, list[str]] = {}
    for item in data["opengraph"]:
        for key, value in item["properties"]:
            og.setdefault(key, []).append(value)
    return data["json-ld"], og


def twitter(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta name="(twitter:[^"]+)" content="([^"]*)">', html))


def test_article_is_a_news_article_with_attribution(site):
    page = site.page("2021/05/24/roscosmos-china/")
    (data,), _ = structured(page)
    url = "https://example.org/2021/05/24/roscosmos-china/"
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["headline"] == "Russia and China agree on rockets" and data["description"] == "Roscosmos and CNSA agree."
    assert data["datePublished"] == "2021-05-24T10:15:00+03:00" and data["dateModified"] == "2021-05-25T09:00:00+03:00"
    assert data["inLanguage"] == "en" and data["keywords"] == ["Roscosmos", "China"]
    assert data["image"] == {
        "@type": "ImageObject",
        "url": "https://example.org/images/soyuz.png",
        "contentUrl": "https://example.org/images/soyuz.png",
        "caption": "The rocket.",
        "creditText": "pronedra.ru",
    }  # (no copyrightNotice: the article's "Public domain" need not be the image's, nor is its source the holder)
    assert data["isBasedOn"] == "https://www.interfax.ru/russia/767824"
    # The outlet at its site's address (the article's own is isBasedOn), holding the rights the page names it for (a
    # print-and-cite trial: the author's url was the article's, and the holder was missing).
    assert data["author"] == {"@type": "Organization", "name": "Interfax", "url": "https://www.interfax.ru/"}
    assert data["copyrightHolder"] == {"@type": "Organization", "name": "Interfax"}
    assert '<meta name="author" content="Interfax">' in page  # (what Zotero and other citation managers take for it)
    assert data["copyrightNotice"] == "Public domain"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Test Publisher",
        "url": "https://publisher.example/",
        "logo": {"@type": "ImageObject", "url": "https://example.org/assets/logo.png"},
    }


def test_article_without_updated_or_image(site):
    (data,), og = structured(site.page("2021/05/26/raketa/"))
    assert data["headline"] == "Ракета «Союз» стартовала с Байконура" and data["inLanguage"] == "ru"
    assert data["dateModified"] == data["datePublished"] == "2021-05-26T12:00:00+03:00"
    assert "image" not in data and og["og:locale"] == ["ru_RU"]
    assert twitter(site.page("2021/05/26/raketa/"))["twitter:card"] == "summary"


def test_article_open_graph_and_twitter_card(site):
    html = site.page("2021/05/24/roscosmos-china/")
    _, og = structured(html)
    assert og["og:type"] == ["article"] and og["og:title"] == ["Russia and China agree on rockets"]
    assert og["og:url"] == ["https://example.org/2021/05/24/roscosmos-china/"] and og["og:site_name"] == ["Test archive"]
    assert og["og:description"] == ["Roscosmos and CNSA agree."] and og["og:locale"] == ["en_US"]
    assert og["og:image"] == ["https://example.org/images/soyuz.png"] and og["og:image:alt"] == ["A Soyuz on the pad"]
    assert og["article:published_time"] == ["2021-05-24T10:15:00+03:00"] and og["article:modified_time"] == ["2021-05-25T09:00:00+03:00"]
    assert og["article:tag"] == ["Roscosmos", "China"]
    assert twitter(html) == {
        "twitter:card": "summary_large_image",
        "twitter:title": "Russia and China agree on rockets",
        "twitter:description": "Roscosmos and CNSA agree.",
        "twitter:image": "https://example.org/images/soyuz.png",
        "twitter:image:alt": "A Soyuz on the pad",
    }


@pytest.mark.parametrize(
    ("path", "name"), [("", "Test archive"), ("page/2/", "Test archive"), ("tags/china/", "China"), ("2021/05/", None)]
)
def test_listings_are_collection_pages(site, path, name):
    html = site.page(path)
    (data,), og = structured(html)
    assert data["@type"] == "CollectionPage" and data["url"] == f"https://example.org/{path}"
    assert data["inLanguage"] == "en" and data["isPartOf"] == {"@type": "WebSite", "name": "Test archive", "url": "https://example.org/"}
    assert data["publisher"]["name"] == "Test Publisher"
    if name:
        assert data["name"] == name
    items = data["mainEntity"]["itemListElement"]
    links = re.findall(r'<h2 class="entry__title"><a href="([^"]+)"', html)
    assert [i["position"] for i in items] == list(range(1, len(links) + 1)) and len(links) >= 1
    assert all(i["url"].startswith("https://example.org/20") for i in items)
    assert og["og:type"] == ["website"] and og["og:url"] == [f"https://example.org/{path}"]


def test_every_page_but_404_has_its_canonical_url(site):
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)">')
    for page in site.public.rglob("*.html"):
        path = page.relative_to(site.public).as_posix()
        found = canonical.findall(page.read_text(encoding="utf-8"))
        if path == "404.html":
            assert found == []
        elif path in ("2021/05/roscosmos-china.html", "новости/роскосмос/index.html"):  # the article's old URLs: its own
            assert found == ["https://example.org/2021/05/24/roscosmos-china/"], path
        else:
            assert found == ["https://example.org/" + path.removesuffix("index.html")], path


def test_json_ld_cannot_be_closed_by_the_data(project):
    title = "</script><script>alert(1)</script> & <!--"
    project.write({"content/a.md": article(f"'{title}'", "2021-01-01", summary="'</SCRIPT>'")}).build()
    html = project.page("2021/01/01/a/")
    (data,), _ = structured(html)
    assert data["headline"] == title and data["description"] == "</SCRIPT>"
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S | re.I)[1]
    assert "<" not in script and ">" not in script


def test_cyrillic_stays_readable_in_json_ld(site):
    assert '"headline": "Ракета «Союз» стартовала с Байконура"' in site.page("2021/05/26/raketa/")


def test_pages_name_the_site_and_tags_in_their_language(project):
    project.write({**PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML}).build()
    html = project.page("ru/2021/06/01/luna/")
    (data,), og = structured(html, "https://example.org/ru/2021/06/01/luna/")
    assert og["og:site_name"] == ["Пробный архив"] and og["og:locale"] == ["ru_RU"] and og["article:tag"] == ["Луна"]
    assert data["keywords"] == ["Луна"] and data["inLanguage"] == "ru"
    assert data["publisher"] == {"@type": "Organization", "name": "Пробный архив", "url": "https://example.org/"}
    assert twitter(html)["twitter:title"] == "Только о Луне"
    html = project.page("ru/")
    (data,), og = structured(html, "https://example.org/ru/")
    assert data["name"] == data["isPartOf"]["name"] == data["publisher"]["name"] == "Пробный архив"
    assert data["description"] == "Новости о ракетах." and data["inLanguage"] == "ru"
    assert og["og:site_name"] == og["og:title"] == ["Пробный архив"] and og["og:description"] == ["Новости о ракетах."]
    assert twitter(html)["twitter:title"] == "Пробный архив"


def test_default_language_pages_keep_the_site_title_and_tag_names(project):
    project.write({**PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML}).build()
    (data,), og = structured(project.page("2021/05/24/moon/"), "https://example.org/2021/05/24/moon/")
    assert og["og:site_name"] == ["Archive"] and og["article:tag"] == ["Moon", "China"]
    assert data["keywords"] == ["Moon", "China"] and data["publisher"]["name"] == "Archive"
    for path in ("", "tags/moon/"):  # shared listings are in the default language
        (data,), og = structured(project.page(path), f"https://example.org/{path}")
        assert data["isPartOf"]["name"] == data["publisher"]["name"] == "Archive" and og["og:site_name"] == ["Archive"]
        assert data["description"] == "News about rockets." and og["og:description"] == ["News about rockets."]


def test_a_listing_describes_itself_in_its_description(project):
    """Every tag, outlet and date page had the site's description (search engines report such pages as alike, and it
    said nothing of /tags/moon/): its own name comes first now; without a site description, its name alone."""
    project.write({**PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML}).build()
    assert '<meta name="description" content="Moon — News about rockets.">' in project.page("tags/moon/")
    assert '<meta name="description" content="May 2021 — News about rockets.">' in project.page("2021/05/")
    assert '<meta name="description" content="News about rockets.">' in project.page("")  # (the home page: the site's)


def test_a_named_publisher_keeps_its_name_in_every_language(project):
    yaml = PER_LANGUAGE_YAML + "publisher: {name: Test Publisher}\n"
    project.write({**PER_LANGUAGE_FILES, "site.yaml": yaml}).build()
    (data,), og = structured(project.page("ru/2021/06/01/luna/"), "https://example.org/ru/2021/06/01/luna/")
    assert data["publisher"]["name"] == "Test Publisher" and og["og:site_name"] == ["Пробный архив"]


def test_no_empty_description_meta(project):
    """Without a site description (ssg init's default) listings have no description rather than an empty one."""
    project.write(
        {"content/a.md": article("A", "2021-01-01", "First paragraph."), "content/b.md": article("B", "2021-01-02", "![Only](x.png)")}
    )
    project.write({"content/x.png": b"\x89PNG"})
    project.build()
    assert '<meta name="description"' not in project.page("") and 'content=""' not in project.page("")
    assert '<meta name="description" content="January 2021">' in project.page("2021/01/")
    assert '<meta name="description" content="First paragraph.">' in project.page("2021/01/01/a/")
    assert '<meta name="description"' not in project.page("2021/01/02/b/")


def test_pages_without_a_lead_image_preview_the_sites_image(project):
    """A link to an article without a picture, or to the home page, was shared with none: site.yaml's `image:`."""
    project.write({**FILES, "static/images/share.png": FILES["static/assets/logo.png"]})
    project.write({"site.yaml": SITE_YAML + "image: images/share.png\n"}).build()
    without = project.page("2021/05/26/raketa/")
    _, og = structured(without)
    assert og["og:image"] == ["https://example.org/images/share.png"]
    assert twitter(without)["twitter:image"] == "https://example.org/images/share.png"
    assert twitter(without)["twitter:card"] == "summary"  # (a large card is for an article's own picture)
    for path in ("", "tags/", "2021/"):
        assert structured(project.page(path))[1]["og:image"] == ["https://example.org/images/share.png"], path
    assert structured(project.page("2021/05/24/roscosmos-china/"))[1]["og:image"] == ["https://example.org/images/soyuz.png"]


@pytest.mark.parametrize("kind", ["svg", "avif"])
def test_a_lead_svg_is_previewed_by_the_sites_image(project, kind):
    """No link preview shows an SVG (Facebook's, X's, Telegram's): a lead diagram made a large card with no picture.
    The site's picture stands in, in a small card, as for an article without one; the page and JSON-LD keep the SVG.
    (An AVIF photo did the same: a search engines' trial.)"""
    project.write({**FILES, "static/images/share.png": FILES["static/assets/logo.png"], f"content/2021/images/orbit.{kind}": "<svg/>"})
    project.write({"content/2021/orbit.md": article("Orbit", "2021-06-01", image=f"{{src: 2021/images/orbit.{kind}, alt: An orbit}}")})
    project.write({"site.yaml": SITE_YAML + "image: images/share.png\n"}).build()
    page = project.page("2021/06/01/orbit/")
    (data, *_), og = structured(page)
    assert og["og:image"] == ["https://example.org/images/share.png"] and "og:image:alt" not in og
    assert twitter(page)["twitter:card"] == "summary" and twitter(page)["twitter:image"] == "https://example.org/images/share.png"
    assert data["image"]["url"] == f"https://example.org/2021/images/orbit.{kind}" and f'src="../../../images/orbit.{kind}"' in page


def test_the_publishers_logo_is_the_preview_without_an_image_of_the_site(site):
    _, og = structured(site.page("2021/05/26/raketa/"))
    assert og["og:image"] == ["https://example.org/assets/logo.png"]
    assert structured(site.page(""))[1]["og:image"] == ["https://example.org/assets/logo.png"]


def test_a_site_image_or_logo_that_is_not_a_file_of_the_site_is_named_with_the_one_meant(project):
    project.write({**FILES, "static/images/share.png": FILES["static/assets/logo.png"]})
    yaml = SITE_YAML.replace("logo: assets/logo.png", "logo: assets/logo.svg") + "image: images/shar.png\n"
    project.write({"site.yaml": yaml})
    with pytest.raises(SsgError) as raised:
        project.build()
    assert [str(p) for p in raised.value.problems] == [
        "site.yaml:7: image: 'images/shar.png' is no file of the site: link previews of pages without a picture would show "
        "a missing one (did you mean 'images/share.png'? else put the file at static/images/shar.png, or give its URL (https://...))"
    ]
    assert [str(w) for w in raised.value.warnings if w.path == "site.yaml"] == [  # (the site's Роскосмос and Roscosmos told too)
        "site.yaml:6: publisher: logo: 'assets/logo.svg' is no file of the site: every page's JSON-LD (and the feeds) would name "
        "https://example.org/assets/logo.svg, which is not there (did you mean 'assets/logo.png'? else put the file at "
        "static/assets/logo.svg, or give the logo's full URL)"
    ]
    # A query or a part is no other file; static/ is the site's root (found by a review: both were errors).
    project.write({"site.yaml": yaml.replace("images/shar.png", "/images/share.png?v=2")})
    project.build()
    project.write({"site.yaml": yaml.replace("images/shar.png", "/static/images/share.png")})
    with pytest.raises(SsgError) as raised:
        project.build()
    assert "(the files of static/ are at the site's root: write 'images/share.png')" in str(raised.value.problems[0])
    project.write({"site.yaml": yaml.replace("images/shar.png", "https://cdn.example/share.png")})
    project.build()
    assert structured(project.page(""))[1]["og:image"] == ["https://cdn.example/share.png"]


def test_a_cms_image_url_with_spaces_and_cyrillic_is_percent_encoded_everywhere(project):
    """An old CMS's picture (`.../Фото запуска 480.jpg`) and a source link with a space: as written, every page, feed and
    JSON-LD carried a URL with spaces, which is no URL to a validator, a feed reader or a link preview's crawler."""
    image = "http://old-cms.example/images/Фото запуска 480.jpg"
    source = "https://tass.ru/космос/запуск 1?q=а б"
    project.write(
        {
            "content/2021/launch.md": article(
                "Launch", "2021-05-24T10:15:00+03:00", image=f'{{src: "{image}", alt: A rocket}}', source=f'{{name: TASS, url: "{source}"}}'
            ),
            "content/2021/plain.md": article("Plain", "2021-05-23", image="https://cdn.example/a%20b.jpg?w=1&h=2"),
        }
    ).build()
    encoded = "http://old-cms.example/images/%D0%A4%D0%BE%D1%82%D0%BE%20%D0%B7%D0%B0%D0%BF%D1%83%D1%81%D0%BA%D0%B0%20480.jpg"
    (data,), og = structured(project.page("2021/05/24/launch/"))
    assert og["og:image"] == [encoded] and data["image"]["url"] == encoded
    assert (
        data["isBasedOn"]
        == "https://tass.ru/%D0%BA%D0%BE%D1%81%D0%BC%D0%BE%D1%81/%D0%B7%D0%B0%D0%BF%D1%83%D1%81%D0%BA%201?q=%D0%B0%20%D0%B1"
    )
    assert f'<img src="{encoded}"' in project.page("2021/05/24/launch/") and f'src="{encoded}"' in project.page("")
    assert encoded in (project.public / "feed.xml").read_text(encoding="utf-8")
    for name, data in project.files().items():
        assert b"\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe \xd0\xb7" not in data, f"{name} holds the URL with its space"
    # A URL with nothing to encode stays as written (an escape stays one, & stays &).
    assert structured(project.page("2021/05/23/plain/"))[1]["og:image"] == ["https://cdn.example/a%20b.jpg?w=1&h=2"]


def test_a_source_url_with_characters_no_url_holds_is_percent_encoded(project):
    """A feeds trial: `?z=<3>` reached the feed's atom:uri and rel="via" link, the JSON-LD and the page's link as
    written (ASCII, but no URL's: an IRI has no < or >), where a space or a Cyrillic letter was encoded."""
    source = 'https://example.com/a?x=1&y=2&z=<3>&q="{a|b}"'
    project.write({"content/2021/a.md": article("A", "2021-05-24", source=f"{{name: X, url: '{source}'}}")}).build()
    encoded = "https://example.com/a?x=1&y=2&z=%3C3%3E&q=%22%7Ba%7Cb%7D%22"
    (data,), _ = structured(project.page("2021/05/24/a/"))
    assert data["isBasedOn"] == encoded
    feed = (project.public / "feed.xml").read_text(encoding="utf-8")
    assert encoded.replace("&", "&amp;") in feed and "z=&lt;3&gt;" not in feed


def test_a_first_paragraph_too_long_for_a_summary_is_cut_at_a_word(project):
    """A feeds trial: a wire story's first paragraph of 7,537 characters was the page's description, og:description,
    JSON-LD's, and its listing and feed entries' summary. Where the author wrote no summary, the first paragraph is cut
    at its last word within 320 characters, with an ellipsis; a summary written is the author's, whole."""
    long = " ".join(f"слово{n}" for n in range(1500))
    project.write(
        {
            "content/2021/long.md": article("Long", "2021-05-24", long),
            "content/2021/written.md": article("Written", "2021-05-23", long, summary=f"'{long[:900]}'"),
        }
    ).build()
    (data,), og = structured(project.page("2021/05/24/long/"))
    summary = data["description"]
    assert summary.endswith("…") and len(summary) <= 321 and long.startswith(summary[:-1]) and summary[-2].isdigit()
    assert og["og:description"] == [summary]
    assert f'<meta name="description" content="{summary}">' in project.page("2021/05/24/long/")
    assert structured(project.page("2021/05/23/written/"))[0][0]["description"] == long[:900]


@pytest.mark.parametrize(
    ("lang", "locale"),
    [
        ("ru", "ru_RU"),
        ("en", "en_US"),
        ("pt-BR", "pt_BR"),
        ("zh-Hant", "zh_TW"),
        ("zh-Hans", "zh_CN"),
        ("pa-Arab", "pa_PK"),
        ("uz-Cyrl", "uz_UZ"),
    ],
)
def test_og_locale_takes_the_territory_of_the_language_and_its_script(lang, locale):
    """`zh-Hant` was `zh_CN` (the script dropped, the likely territory of `zh` taken): Traditional Chinese is Taiwan's,
    and Punjabi in Arabic script Pakistan's."""
    assert og_locale(lang) == locale
