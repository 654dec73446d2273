"""Pages per outlet: sources/ lists the outlets articles name in `source:`, sources/<slug>/ each one's articles."""

from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest

import ssg.render
from ssg.build import Builder, BuildOptions
from ssg.config import load_config
from ssg.content import ReadSettings, Source, read_article
from ssg.errors import ConfigError, SsgError
from ssg.load import content_stats
from ssg.search import SearchConfig
from ssg.search.analysis import stem
from ssg.site import assemble, reassemble
from ssg.watch import ChangeKind, Layout, classify

from .conftest import BILINGUAL_YAML, NOW, SITE_YAML, Project, article
from .test_incremental import builder_build, changed_content, cold_build, read_articles, tree

INTERFAX = "{name: Интерфакс, url: 'https://www.interfax.ru/russia/1'}"


@pytest.fixture
def outlets(project: Project) -> Project:
    """Six articles from three spellings of two outlets, and one without a source."""
    sources = [INTERFAX, "ИНТЕРФАКС", "Интерфакс", "{name: Reuters, url: 'https://www.reuters.com/world/1/'}", "Reuters", "Интерфакс"]
    project.write(
        {
            f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-0{1 + n % 3}-1{n}T10:00:00+03:00", f"Body {n}.", source=source)
            for n, source in enumerate(sources)
        }
    )
    project.write({"content/2020/none.md": article("No source", "2020-12-01", "Body.", tags="[Alpha]")})
    project.build()
    return project


def titles(html: str) -> list[str]:
    """The titles of a listing's entries, in order."""
    return re.findall(r'class="entry__title"><a href="[^"]*">([^<]*)</a>', html)


def test_each_outlet_has_a_page_of_its_articles_newest_first_paginated(outlets):
    """Spellings that make one slug are one outlet, named by the most used; paginate: 2 as every listing."""
    first, second = outlets.page("sources/interfaks/"), outlets.page("sources/interfaks/page/2/")
    assert titles(first) == ["Story 5", "Story 2"] and titles(second) == ["Story 1", "Story 0"]
    assert '<h1 class="page-header__title">Интерфакс</h1>' in first  # (2 of its 4 articles: ИНТЕРФАКС has 1)
    assert "Page 1 of 2" in first and "Articles: 4" in first
    assert titles(outlets.page("sources/reuters/")) == ["Story 4", "Story 3"]
    assert sorted(p.name for p in (outlets.public / "sources").iterdir()) == ["index.html", "interfaks", "reuters"]
    assert "No source" not in outlets.page("sources/") + first + second  # on no outlet's page


def test_the_sources_index_lists_the_outlets_by_name_with_their_counts(outlets):
    index = outlets.page("sources/")
    names = re.findall(r'<a class="source-list__item[^"]*" href="([^"]+)"[^>]*>\s*<span class="source-list__name">([^<]+)</span>', index)
    assert names == [("reuters/", "Reuters"), ("interfaks/", "Интерфакс")]  # (sorted by name, as the tags index is)
    assert '<span class="visually-hidden">Articles: 4</span><span aria-hidden="true">4</span>' in index
    assert "<title>Sources · Test archive</title>" in index and '<h1 class="page-header__title">Sources</h1>' in index


def test_an_article_links_its_outlets_page_and_the_original(outlets):
    page = outlets.page("2021/01/10/story-0/")
    line = re.search(r"Source:\s*(.*?)</span>", page, re.S)[1]
    assert line == (
        '<a href="../../../../sources/interfaks/">Интерфакс</a> '
        '(<a href="https://www.interfax.ru/russia/1" rel="external">original article</a>)'
    )
    # Without a link, the name alone leads to the outlet's page; the entry in a listing links it too.
    assert re.search(r'Source:\s*<a href="../../../../sources/interfaks/">ИНТЕРФАКС</a></span>', outlets.page("2021/02/11/story-1/"))
    assert '<span class="visually-hidden">Source:</span> <a href="../sources/interfaks/">Интерфакс</a>' in outlets.page("2021/")


def test_outlet_pages_are_in_the_sitemap_with_their_feeds_and_metadata(outlets):
    sitemap = (outlets.public / "sitemap.xml").read_text()
    for path in ("sources/", "sources/interfaks/", "sources/interfaks/page/2/", "sources/reuters/"):
        assert f"<loc>https://example.org/{path}</loc>" in sitemap
    feed = (outlets.public / "sources/reuters/feed.xml").read_text()
    assert "<title>Test archive: Reuters</title>" in feed and feed.count("<entry>") == 2
    page = outlets.page("sources/reuters/")
    assert '<link rel="alternate" type="application/atom+xml" href="feed.xml" title="Test archive: Reuters">' in page
    assert '"@type": "CollectionPage"' in page and '<link rel="canonical" href="https://example.org/sources/reuters/">' in page
    assert '<a class="feed-link" href="feed.xml">' in page and "Feed for this source" in page
    assert '<p class="page-header__kicker"><a href="../">Source</a></p>' in page


def test_site_yaml_switches_outlet_pages_off(outlets):
    outlets.write({"site.yaml": SITE_YAML + "sources: {enabled: false}\n"})
    outlets.build()
    assert not (outlets.public / "sources").exists()
    assert "sources/" not in (outlets.public / "sitemap.xml").read_text()
    page = outlets.page("2021/01/10/story-0/")
    assert re.search(r'Source:\s*<a href="https://www.interfax.ru/russia/1">Интерфакс</a></span>', page)  # as before
    assert "sources/" not in page + outlets.page("")


def nav(html: str) -> list[tuple[str, str]]:
    """The header menu's links: (href, what it says)."""
    menu = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S)[1]
    return re.findall(r'<li><a href="([^"]*)"[^>]*>([^<]*)</a></li>', menu)


def test_the_header_menu_links_the_sources_index_beside_tags_and_archive(outlets):
    """The outlet pages were reached only from an article's source line: the menu has them as it has tags."""
    assert nav(outlets.page("")) == [("./", "Home"), ("archive/", "Archive"), ("tags/", "Tags"), ("sources/", "Sources")]
    assert ("../../../../sources/", "Sources") in nav(outlets.page("2021/01/10/story-0/"))
    index, outlet = outlets.page("sources/"), outlets.page("sources/reuters/")
    assert '<li><a href="./" class="is-current" aria-current="page">Sources</a></li>' in index
    assert '<li><a href="../" class="is-current">Sources</a></li>' in outlet  # (its section, not the page itself)
    assert '<li><a href="../../sources/">Sources</a></li>' in outlets.page("tags/alpha/")  # (and in the footer's links)
    outlets.write({"site.yaml": SITE_YAML + "sources: {enabled: false}\n"})
    outlets.build()
    assert [label for _, label in nav(outlets.page(""))] == ["Home", "Archive", "Tags"]


def test_the_sources_menu_entry_is_in_each_language_under_a_sub_path(bilingual):
    """On a bilingual site under a sub-path, each language's pages name it in their own words; the one index of
    outlets is at the site's root, under base_url's path, linked relatively from any language's folder."""
    bilingual.write(
        {"content/ru/only-0.md": article("Только по-русски 0", "2022-02-01T12:00:00+03:00", "Текст.", lang="ru", source="ТАСС")}
    )
    bilingual.build(base_url="https://example.org/archive/")
    assert ("../sources/", "Источники") in nav(bilingual.page("ru/"))
    assert ("sources/", "Sources") in nav(bilingual.page(""))
    assert "ТАСС" in bilingual.page("sources/")


def test_an_outlet_name_without_letters_gets_no_page_and_a_warning(outlets):
    """`source: —` and `source: ★` (placeholders for "none") slugified to nothing: both became one outlet at
    sources/source/, a page of unrelated articles. Now they are on no outlet's page, each warned of on its line."""
    outlets.write(
        {
            "content/2022/dash.md": article("Dash", "2022-01-01", source="'—'"),
            "content/2022/star.md": article("Star", "2022-01-02", source="{name: '★', url: 'https://example.com/x'}"),
            "content/2022/word.md": article("Word", "2022-01-03", source="Source"),  # (a real outlet named Source: its own)
        }
    )
    result = outlets.build()
    told = sorted(str(w) for w in result.warnings if w.field == "source")
    assert told == [
        f"content/2022/{name}.md:4: source: name {shown!r} has no letter or digit to make its outlet's page address of, so "
        "the outlet gets no page of its own and the article is on no outlet's page: write the outlet's name (source: {name: "
        "Interfax, url: https://...}), or leave source: out where there is none"
        for name, shown in (("dash", "—"), ("star", "★"))
    ]
    assert sorted(p.name for p in (outlets.public / "sources").iterdir()) == ["index.html", "interfaks", "reuters", "source"]
    assert titles(outlets.page("sources/source/")) == ["Word"]
    star = outlets.page("2022/01/02/star/")
    assert re.search(r'Source:\s*<a href="https://example.com/x">★</a></span>', star)  # (as with outlet pages off)
    assert re.search(r"Source:\s*—</span>", outlets.page("2022/01/01/dash/"))
    hits = {hit[1]: hit[6:] for hit in search_hits(outlets)}
    assert hits["Dash"] == ["—"] and hits["Word"] == ["Source", "sources/source/"]  # (named in a hit, linking nothing)
    outlets.write({"site.yaml": SITE_YAML + "sources: {enabled: false}\n"})
    assert [w for w in outlets.build().warnings if w.field == "source"] == []  # (no pages, nothing to miss)


def test_paginate_has_a_kind_for_outlet_pages(outlets):
    outlets.write({"site.yaml": SITE_YAML.replace("paginate: 2", "paginate: {source: 3}")})
    outlets.build()
    assert titles(outlets.page("sources/interfaks/")) == ["Story 5", "Story 2", "Story 1"]
    assert len(titles(outlets.page(""))) == 7  # (the home page: 20, the default)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sources: no", "site.yaml:5: sources: no is read as false, not a mapping (write sources: {enabled: false})"),
        ("sources: {enabld: false}", "site.yaml:5: sources: unknown key 'enabld' (did you mean 'enabled'?)"),
        (
            "sources: {enabled: 'no'}",
            "site.yaml:5: sources: enabled: 'no' is text, not true or false (write enabled: false, without quotes)",
        ),
        (
            "paginate: {sources: 5}",
            "site.yaml:5: paginate: unknown key 'sources' (did you mean 'source'?; date is the year, month and day pages)",
        ),
    ],
)
def test_a_wrong_sources_option_says_what_would_be_right(project, value, message):
    project.write({"site.yaml": SITE_YAML.replace("paginate: 2\n", "") + "\n" + value + "\n"})
    with pytest.raises(SsgError) as error:
        load_config(project.root)
    assert str(error.value) == message


def test_a_page_at_sources_is_an_error_naming_both(outlets):
    """An archive that had a page (or, with its permalink, an article) at /sources/ before ssg made outlet pages is told
    how to keep its URL."""
    keep = (
        "(set a different `slug:`, or keep the URL for it with sources: {enabled: false} in site.yaml, which leaves the outlet pages out)"
    )
    outlets.write({"content/pages/sources.md": "---\ntitle: Our sources\n---\n\nText.\n"})
    with pytest.raises(SsgError) as error:
        outlets.build()
    assert str(error.value) == f"content/pages/sources.md: slug: has the same URL /sources/ as the sources page {keep}"
    outlets.remove("content/pages/sources.md")
    outlets.write({"site.yaml": SITE_YAML + 'permalink: "{slug}/"\n', "content/2021/sources.md": article("Our sources", "2021-05-01")})
    with pytest.raises(SsgError) as error:
        outlets.build()
    assert str(error.value) == f"content/2021/sources.md: slug: has the same URL /sources/ as the sources page {keep}"
    outlets.write({"site.yaml": SITE_YAML + 'permalink: "{slug}/"\nsources: {enabled: false}\n'})
    outlets.build()  # (without outlet pages, the article may have the URL)
    assert "Our sources" in outlets.page("sources/")


def test_a_bilingual_sites_outlet_pages_list_every_language_in_its_interface(bilingual):
    bilingual.write(
        {
            "content/en/story-0.md": article("Story 0", "2021-01-10T10:00:00+03:00", "English.", source="TASS"),
            "content/ru/story-0.md": article("Новость 0", "2021-01-10T10:00:00+03:00", "Русский.", lang="ru", source="ТАСС"),
            "content/ru/only-1.md": article("Только по-русски 1", "2022-02-02T12:00:00+03:00", "Текст.", lang="ru", source="ТАСС"),
            "content/en/story-1.md": article("Story 1", "2021-02-11T10:00:00+03:00", "English.", source="ТАСС"),
        }
    )
    bilingual.build()
    page = bilingual.page("sources/tass/")
    assert titles(page) == ["Только по-русски 1", "Story 1", "Story 0"]  # (a translated article once, in the default language)
    assert '<h1 class="page-header__title"><span lang="ru">ТАСС</span></h1>' in page  # (3 of 4 spell it so; the page is English)
    russian = bilingual.page("ru/2021/01/10/story-0/")
    assert re.search(r'Источник:\s*<a href="../../../../../sources/tass/">ТАСС</a></span>', russian)
    bilingual.write(
        {
            "content/ru/story-0.md": article(
                "Новость 0", "2021-01-10T10:00:00+03:00", "Т.", lang="ru", source="{name: ТАСС, url: 'https://tass.ru/1'}"
            )
        }
    )
    bilingual.build()
    assert '(<a href="https://tass.ru/1" rel="external">оригинал статьи</a>)' in bilingual.page("ru/2021/01/10/story-0/")


def test_a_theme_without_sources_html_gets_ssgs_own(outlets):
    """A theme made before outlets had pages still builds: its sources index is ssg's plain one."""
    theme = outlets.root / "themes" / "old" / "templates"
    theme.mkdir(parents=True)
    for name in ("article.html", "list.html", "tags.html", "archive.html", "404.html"):
        (theme / name).write_text('{% extends "base.html" %}', encoding="utf-8")
    (theme / "base.html").write_text("{% block content %}{% endblock %}", encoding="utf-8")
    outlets.write({"site.yaml": SITE_YAML + "theme: old\nsearch: {enabled: false}\n"})
    outlets.build()
    assert '<li><a href="reuters/">Reuters</a> (2)</li>' in outlets.page("sources/")


# Changes of sources, for the incremental builds to give exactly what a cold build gives.
CHANGES = {
    "source changed": lambda p: p.write(
        {"content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Body 2.", source="Reuters")}
    ),
    "source added": lambda p: p.write({"content/2020/none.md": article("No source", "2020-12-01", "Body.", tags="[Alpha]", source="BBC")}),
    "source removed": lambda p: p.write({"content/2021/story-3.md": article("Story 3", "2021-01-13T10:00:00+03:00", "Body 3.")}),
    # (the sitemap's lastmod of the outlet's page, its newest article's, kept the removed article's date)
    "newest article's source removed": lambda p: p.write(
        {"content/2021/story-5.md": article("Story 5", "2021-03-15T10:00:00+03:00", "Body 5.")}
    ),
    "source url changed": lambda p: p.write(
        {
            "content/2021/story-0.md": article(
                "Story 0", "2021-01-10T10:00:00+03:00", "Body 0.", source="{name: Интерфакс, url: 'https://x.org/'}"
            )
        }
    ),
    "source spelt otherwise by most": lambda p: p.write(
        {
            "content/2021/story-2.md": article("Story 2", "2021-03-12T10:00:00+03:00", "Body 2.", source="ИНТЕРФАКС"),
            "content/2021/story-5.md": article("Story 5", "2021-03-15T10:00:00+03:00", "Body 5.", source="ИНТЕРФАКС"),
        }
    ),
    "new article with a new source": lambda p: p.write({"content/2021/new.md": article("New", "2021-06-01", source="AP")}),
    "outlet's last article deleted": lambda p: [p.remove("content/2021/story-3.md"), p.remove("content/2021/story-4.md")],
    "outlet pages switched off": lambda p: p.write({"site.yaml": SITE_YAML + "sources: {enabled: false}\n"}),
    "source a placeholder without letters": lambda p: p.write(
        {"content/2021/story-3.md": article("Story 3", "2021-01-13T10:00:00+03:00", "Body 3.", source="'—'")}
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
@pytest.mark.parametrize("how", ["build", "builder", "builder told"])
def test_incremental_build_after_a_source_change_equals_cold_build(outlets, tmp_path, change, how):
    assert built_after(outlets, CHANGES[change], how) == cold_build(outlets, tmp_path)


def built_after(project, change, how: str) -> dict[str, bytes]:
    """The output after `change`, built by a new build, by a long-lived builder, or by one told which files changed."""
    builder = Builder()
    if how != "build":
        builder_build(builder, project)
    content = project.root / "content"
    before = content_stats(content)
    change(project)
    if how == "build":
        project.build()
    else:
        told = changed_content(content, before, content_stats(content)) if how == "builder told" else None
        builder.build(load_config(project.root), BuildOptions(now=NOW), told)
    return tree(project.public)


@pytest.mark.parametrize("long_lived", [False, True], ids=["build", "builder"])
def test_editing_an_article_makes_again_only_the_outlet_pages_it_is_on(outlets, monkeypatch, long_lived):
    """Story 4 is on Reuters' page: Интерфакс's pages and the sources index (whose counts are as they were) stay."""
    builder = Builder()
    if long_lived:
        builder_build(builder, outlets)
    rendered = []
    real = ssg.render.Renderer.render
    monkeypatch.setattr(ssg.render.Renderer, "render", lambda self, page: rendered.append(page.path) or real(self, page))
    outlets.write({"content/2021/story-4.md": article("Story 4", "2021-02-14T10:00:00+03:00", "Edited.", source="Reuters")})
    builder_build(builder, outlets) if long_lived else outlets.build()
    assert [path for path in rendered if path.startswith("sources/")] == ["sources/reuters/"]


@pytest.mark.parametrize("names", [None, {"Interfax": {"ru": "Интерфакс"}, "AP": {"ru": "Ассошиэйтед Пресс"}}])
def test_reassembled_site_equals_assembled_site_after_source_edits(bilingual, names):
    """The preview swaps edited articles into its last site model: after source edits (another outlet, another spelling
    of one, a new one, none, only the link, another language's name of one of `source_names:`) it is exactly the model
    `assemble` makes, outlets and their order included; each article's outlet as pages show it, asked of all at once, is
    what asking of each gives (`Site.outlets_shown`)."""
    how, articles = read_articles(bilingual)
    site = assemble(articles, *how, source_names=names)
    rng = random.Random(7)
    sources = [None, Source("ТАСС"), Source("TASS", "https://tass.com/1"), Source("Интерфакс"), Source("ИНТЕРФАКС"), Source("AP")]
    sources += [Source("Interfax"), Source("Ассошиэйтед Пресс"), Source("—"), Source("★")]
    resourced = 0
    for step in range(60):
        now = list(articles)
        for index in rng.sample(range(len(now)), rng.choice((1, 1, 2, 4))):
            edit = {"title": f"Edited {step}", "key": f"{step}-{index}"}
            if step % 2:
                edit["source"] = rng.choice(sources)
                resourced += edit["source"] != now[index].source
            now[index] = dataclasses.replace(now[index], **edit)
        again, expected = reassemble(site, articles, now, *how, source_names=names), assemble(now, *how, source_names=names)
        assert again == expected  # (an old object left anywhere has another title)
        assert list(again.outlet_articles) == list(expected.outlet_articles) and again.outlets == expected.outlets
        assert again.outlet_named == expected.outlet_named
        # (what a plan asks of every article at once, looked up in C: the same as asking of each)
        assert again.outlets_shown(again.articles) == list(map(again.outlet_shown, again.articles))
        articles, site = now, again
    assert resourced > 20 and len(site.outlets) > 1
    assert not names or any(outlet.names for outlet in site.outlets)


# One outlet named in two alphabets (site.yaml `source_names:`), as a bilingual archive's clippings name it.
NAMED = BILINGUAL_YAML + "source_names:\n  Interfax: {ru: Интерфакс}\n"


@pytest.fixture
def named(project: Project) -> Project:
    """Interfax on English clippings, Интерфакс on Russian ones (a translation among them), and an English article
    that kept the Russian name; `source_names:` makes them one outlet."""
    project.write(
        {
            "site.yaml": NAMED,
            "content/en/a.md": article("Launch", "2021-01-10T10:00:00+03:00", source="{name: Interfax, url: 'https://www.interfax.ru/1'}"),
            "content/ru/a.md": article("Запуск", "2021-01-10T10:00:00+03:00", lang="ru", source="Интерфакс"),
            "content/ru/b.md": article("Стыковка", "2021-02-11T10:00:00+03:00", lang="ru", source="ИНТЕРФАКС"),
            "content/en/c.md": article("Landing", "2021-03-12T10:00:00+03:00", source="Интерфакс"),
            "content/en/d.md": article("Other", "2021-04-13T10:00:00+03:00", source="Reuters"),
        }
    )
    project.build()
    return project


def test_source_names_make_one_outlet_of_its_names_in_two_alphabets(named):
    """Interfax and Интерфакс made two pages (sources/interfax/, sources/interfaks/), each with part of the articles, and
    sources/ listed the outlet twice. One page now, at the URL of the entry's name, headed by it on the (English) page."""
    assert sorted(p.name for p in (named.public / "sources").iterdir()) == ["index.html", "interfax", "reuters"]
    page = named.page("sources/interfax/")
    assert titles(page) == ["Landing", "Стыковка", "Launch"]  # (the translated article once, in the default language)
    assert '<h1 class="page-header__title">Interfax</h1>' in page and "<title>Interfax" in page
    index = named.page("sources/")
    names = re.findall(r'<a class="source-list__item[^"]*" href="([^"]+)"[^>]*>\s*<span class="source-list__name">([^<]+)</span>', index)
    assert names == [("interfax/", "Interfax"), ("reuters/", "Reuters")]
    assert "<title>Archive: Interfax</title>" in (named.public / "sources/interfax/feed.xml").read_text()


def search_hits(project: Project) -> list[list]:
    """What the search page shows of each article (the store's chunks: path, title, date, lang, lead, tags, outlet...)."""
    hits = []
    for store in sorted((project.public / "search/d").glob("*.js")):
        text = store.read_text(encoding="utf-8").strip()
        hits += json.loads(text.removeprefix(f'ssgSearchData("d/{store.stem}",').removesuffix(");"))
    return hits


def test_a_search_hit_links_its_outlets_page(outlets):
    """A hit named the outlet without linking its page, which the article's own source line links: the store keeps
    the page's site path after the name (search.js makes the name a link), and nothing where pages are off."""
    hits = {hit[1]: hit[6:] for hit in search_hits(outlets)}
    assert hits["Story 1"] == ["ИНТЕРФАКС", "sources/interfaks/"] and hits["Story 3"] == ["Reuters", "sources/reuters/"]
    assert hits["No source"] == [""]  # (no outlet, no page)
    outlets.write({"site.yaml": SITE_YAML + "sources: {enabled: false}\n"})
    outlets.build()
    assert {len(hit) for hit in search_hits(outlets)} == {7}  # (the store as it was before outlets had pages)


def test_an_article_names_an_outlet_of_source_names_in_its_pages_language(named):
    """As its tags are (`Tag.label`): an English clipping that kept the Russian name reads 'Interfax' beside the other
    English pages, a Russian one 'Интерфакс'; the search hit names it so too. An outlet without an entry keeps each
    article's own spelling (`ИНТЕРФАКС` is one outlet with Интерфакс by its slug alone)."""
    english = named.page("2021/03/12/c/")
    assert re.search(r'Source:\s*<a href="../../../../sources/interfax/">Interfax</a></span>', english)
    russian = named.page("ru/2021/02/11/b/")
    assert re.search(r'Источник:\s*<a href="../../../../../sources/interfax/">Интерфакс</a></span>', russian)
    assert '<span class="visually-hidden">Источник:</span> <a href="../sources/interfax/">Интерфакс</a>' in named.page("ru/")
    assert '<span class="visually-hidden">Source:</span> <a href="../../sources/interfax/">Interfax</a>' in named.page("2021/03/")
    assert {hit[1]: hit[6] for hit in search_hits(named)} == {
        "Launch": "Interfax",
        "Запуск": "Интерфакс",
        "Стыковка": "Интерфакс",
        "Landing": "Interfax",
        "Other": "Reuters",
    }


def test_the_search_index_holds_an_outlet_under_all_its_names():
    """A search for Interfax found only the clippings that spelt it so, as two-name tags are found by either name."""
    settings = ReadSettings("en", "UTC", (), SearchConfig(), source_names=(("Interfax", "Интерфакс"),))
    record = read_article("a.md", article("A", "2021-01-01", source="ИНТЕРФАКС").encode(), settings)
    terms = record["terms"]["fields"]["source"][0].split()
    assert stem("интерфакс") in terms and stem("interfax") in terms
    alone = read_article("b.md", article("B", "2021-01-01", source="Reuters").encode(), settings)
    assert alone["terms"]["fields"]["source"][0].split() == [stem("reuters")]


def test_an_outlet_named_in_another_language_too_keeps_its_url(outlets):
    """The entry's name gives the slug: an archive whose outlet page is sources/interfaks/ keeps it when site.yaml names
    the outlet in English as well, and the articles that say Interfax join it there."""
    outlets.write(
        {
            "site.yaml": SITE_YAML + "source_names:\n  Интерфакс: {en: Interfax}\n",
            "content/2021/new.md": article("New", "2021-06-01", source="Interfax"),
        }
    )
    outlets.build()
    assert sorted(p.name for p in (outlets.public / "sources").iterdir()) == ["index.html", "interfaks", "reuters"]
    assert titles(outlets.page("sources/interfaks/"))[0] == "New"
    assert "Articles: 5" in outlets.page("sources/interfaks/")


@pytest.mark.parametrize(
    ("entries", "articles", "warning"),
    [
        (
            "  Interfx: {ru: Интерфакс}\n",
            {"content/a.md": article("A", "2021-01-01", source="Interfax")},
            "'Interfx' is no article's outlet; did you mean 'Interfax'? (as written, the names given here go to no outlet)",
        ),
        (  # its Russian name brings it: an outlet 'Interfx', apart from the English clippings' Interfax
            "  Interfx: {ru: Интерфакс}\n",
            {
                "content/a.md": article("A", "2021-01-01", source="Interfax"),
                "content/b.md": article("Б", "2021-01-02", source="Интерфакс", lang="ru"),
            },
            "'Interfx' is no article's outlet; did you mean 'Interfax'? (as written, the names given here make an outlet of "
            "their own, apart from it)",
        ),
        (
            "  Interfax: {fr: Interfax France}\n",
            {"content/a.md": article("A", "2021-01-01", source="Interfax")},
            "Interfax: 'fr' is not in `languages:` (en, ru): articles with that name are on the outlet's page, but no page "
            "shows the name; add the language there or correct its code",
        ),
    ],
)
def test_a_source_names_entry_likely_wrong_is_a_warning_on_its_line(project, entries, articles, warning):
    """As of `tag_names:`: a typo in an entry's name silently left its articles apart; a language the site lacks
    named nothing. An entry far from every outlet may be for clippings to come: no word of it."""
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\nsource_names:\n" + entries + "  BBC: {ru: Би-би-си}\n"} | articles)
    assert [str(w) for w in project.build().warnings] == [f"site.yaml:7: source_names: {warning}"]
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\nsource_names:\n  Interfax: {ru: Интерфакс}\n"})
    assert project.build().warnings == []


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            "Interfax: {ru: Интерфакс}\nRIA: {ru: Интерфакс}\n",  # a copied line
            "outlets.yaml:2: RIA: 'Интерфакс' is already the ru name of 'Interfax' (one name, one outlet): remove it from one of them",
        ),
        (  # a spelling of the same slug, written from the other side
            "Interfax: {ru: Интерфакс}\nИНТЕРФАКС: {en: Interfax}\n",
            "outlets.yaml:2: ИНТЕРФАКС: 'ИНТЕРФАКС' is already the ru name of 'Interfax' (one name, one outlet): remove it from one of them",
        ),
    ],
)
def test_source_names_giving_one_name_to_two_outlets_are_errors_on_their_line(project, entries, message):
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\nsource_names: outlets.yaml\n", "outlets.yaml": entries})
    with pytest.raises(ConfigError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [message]
    project.write(
        {"site.yaml": SITE_YAML + "languages: [en, ru]\nsource_names:\n" + "".join(f"  {line}\n" for line in entries.splitlines())}
    )
    with pytest.raises(ConfigError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [message.replace("outlets.yaml:2: ", "site.yaml:8: source_names: ")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "source_names: {Interfax: Интерфакс}",
            "site.yaml:5: source_names: Interfax: must map language codes to names, e.g. {ru: Роскосмос}",
        ),
        ("source_names: outlets.yaml", "site.yaml:5: source_names: file 'outlets.yaml' not found (put it next to site.yaml)"),
        ("source_names: {Interfax: {russian: Интерфакс}}", "site.yaml:5: source_names: Interfax: 'russian' is not a language code"),
    ],
)
def test_a_wrong_source_names_option_says_what_would_be_right(project, value, message):
    project.write({"site.yaml": SITE_YAML + value + "\n"})
    with pytest.raises(SsgError) as error:
        load_config(project.root)
    assert str(error.value).startswith(message)


def test_a_source_names_file_is_settings_like_site_yaml(project):
    """`source_names: outlets.yaml`: the preview rebuilds on an edit there, as on one of site.yaml."""
    project.write({"site.yaml": "title: T\nsource_names: data/outlets.yaml\n", "data/outlets.yaml": "Interfax: {ru: Интерфакс}\n"})
    config = load_config(project.root)
    assert config.source_names == {"Interfax": {"ru": "Интерфакс"}} and config.source_names_file == "data/outlets.yaml"
    assert classify(project.root.resolve() / "data/outlets.yaml", Layout.of(config)) is ChangeKind.CONFIG


NAMED_CHANGES = {
    "entry added": lambda p: p.write({"site.yaml": NAMED + "  Reuters: {ru: Рейтер}\n"}),
    "entry removed": lambda p: p.write({"site.yaml": BILINGUAL_YAML}),
    "entry's other name changed": lambda p: p.write({"site.yaml": NAMED.replace("Интерфакс}", "Интерфаксъ}")}),
    "entries moved to a file": lambda p: p.write(
        {"site.yaml": BILINGUAL_YAML + "source_names: outlets.yaml\n", "outlets.yaml": "Interfax: {ru: Интерфакс}\nReuters: {ru: Рейтер}\n"}
    ),
    "source the outlet's other name": lambda p: p.write(
        {"content/en/d.md": article("Other", "2021-04-13T10:00:00+03:00", source="Интерфакс")}
    ),
    "source from the outlet to another": lambda p: p.write(
        {"content/ru/b.md": article("Стыковка", "2021-02-11T10:00:00+03:00", lang="ru", source="Рейтер")}
    ),
    "source removed": lambda p: p.write({"content/en/c.md": article("Landing", "2021-03-12T10:00:00+03:00")}),
}


@pytest.mark.parametrize("change", sorted(NAMED_CHANGES))
@pytest.mark.parametrize("how", ["build", "builder", "builder told"])
def test_incremental_build_after_a_source_names_change_equals_cold_build(named, tmp_path, change, how):
    assert built_after(named, NAMED_CHANGES[change], how) == cold_build(named, tmp_path)


def test_an_outlet_named_in_latin_letters_otherwise_than_ssg_spells_its_cyrillic_is_told_the_other(project):
    """A bulk import of Interfax's Russian and English pages had Интерфакс in 214 articles and Interfax in 114: ssg
    spells the first interfaks, so they were two outlets, sources/interfaks/ and sources/interfax/, each page and feed
    with part of the outlet's articles, without a word (found in a bulk importer's trial). The less used name is told
    once, on its oldest article's source: line; РИА Новости and RIA Novosti, one slug, are one outlet already."""
    ria = "{name: RIA Novosti, url: 'https://ria.ru/1'}"
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", lang="ru", source="Интерфакс"),
            "content/b.md": article("B", "2021-01-02", lang="ru", source="Интерфакс"),
            "content/c.md": article("C", "2021-01-03", source="{name: Interfax, url: 'https://www.interfax.ru/1'}"),
            "content/d.md": article("D", "2021-01-04", source="Interfax"),
            "content/e.md": article("E", "2021-01-05", lang="ru", source="Интерфакс"),
            "content/f.md": article("F", "2021-01-06", lang="ru", source="РИА Новости"),
            "content/g.md": article("G", "2021-01-07", source=ria),
        }
    )
    told = [str(w) for w in project.build().warnings]
    assert told == [
        "content/c.md:4: source: outlet 'Interfax' (2 articles) is 'Интерфакс' (3 articles) in another alphabet, so they are"
        " two outlets, sources/interfax/ and sources/interfaks/: if they are one, write the source's name Интерфакс in all of them, or name"
        " it once in site.yaml: source_names: {Interfax: {ru: Интерфакс}}"  # (the articles are in two languages)
    ]
    project.write({"site.yaml": BILINGUAL_YAML})
    (told,) = [str(w) for w in project.build().warnings if "source:" in str(w)]
    assert told.endswith(
        "write the source's name Интерфакс in all of them, or name it once in site.yaml: source_names: {Interfax: {ru: Интерфакс}}"
    )


def test_an_outlet_named_by_the_site_another_outlets_articles_link_to_is_told_the_other(project):
    """A bulk import wrote `source: {url: https://www.interfax.ru/...}` without a name where the CMS had none, which
    names the outlet interfax.ru, beside articles of `Interfax` linking to the same site: two outlets, sources/interfax-ru/
    and sources/interfax/, without a word. Told once, on the oldest such article's source: line; a host-named outlet
    whose site no other outlet's articles link to (tass.com here) is left alone."""
    interfax = "{name: Interfax, url: 'https://www.interfax.ru/%d'}"
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", source=interfax % 1),
            "content/b.md": article("B", "2021-01-02", source=interfax % 2),
            "content/c.md": article("C", "2021-01-03", source="{url: 'https://www.interfax.ru/3'}"),
            "content/d.md": article("D", "2021-01-04", source="{url: 'https://interfax.ru/4'}"),
            "content/e.md": article("E", "2021-01-05", source="{url: 'https://tass.com/5'}"),
            "content/f.md": article("F", "2021-01-06", source=interfax % 6),
        }
    )
    told = [str(w) for w in project.build().warnings]
    assert told == [
        "content/c.md:4: source: outlet 'interfax.ru' (2 articles) is named after the site of 'Interfax' (3 articles), so they"
        " are two outlets, sources/interfax-ru/ and sources/interfax/: if they are one, write the source's name Interfax in all of them"
    ]
    project.write(
        {"content/c.md": article("C", "2021-01-03", source=interfax % 3), "content/d.md": article("D", "2021-01-04", source=interfax % 4)}
    )
    assert project.build().warnings == []
