"""A site's interface language: its strings, its dates, and what is said where the theme lacks them."""

from __future__ import annotations

import json

from .conftest import SITE_YAML, article


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
