"""sitemap.xml (split into an index above the protocol's limit) and robots.txt."""

from __future__ import annotations

import shutil
from xml.etree import ElementTree

import pytest

import ssg.build
import ssg.sitemap
from ssg.build import Builder, BuildOptions
from ssg.config import load_config

from .conftest import NOW, article
from .publish_support import FILES, PER_LANGUAGE_FILES, PER_LANGUAGE_YAML, SITE_YAML

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site(project):
    return project.write({**FILES, "site.yaml": SITE_YAML, "content/2021/draft.md": article("Draft", "2021-06-01", draft="true")})


def urlset(project, path: str = "sitemap.xml") -> dict[str, str | None]:
    root = ElementTree.parse(project.public / path).getroot()
    assert root.tag == f"{{{NS['s']}}}urlset"
    return {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS) for u in root.findall("s:url", NS)}


def html_pages(project) -> set[str]:
    """Site paths of every page a search engine should index: not the search page, nor one at an article's old URL."""
    paths = {
        p.relative_to(project.public).as_posix().removesuffix("index.html")
        for p in project.public.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    }
    return paths - {"search/"}


def test_sitemap_lists_every_article_and_listing_page_with_lastmod(site):
    site.build()
    urls = urlset(site)
    assert set(urls) == {"https://example.org/" + p for p in html_pages(site)}
    assert "https://example.org/404.html" not in urls and "https://example.org/search/" not in urls
    assert "https://example.org/новости/роскосмос/" not in urls and (site.public / "новости/роскосмос/index.html").is_file()
    assert urls["https://example.org/2021/05/24/roscosmos-china/"] == "2021-05-25T09:00:00+03:00"  # updated
    assert urls["https://example.org/2021/05/26/raketa/"] == "2021-05-26T12:00:00+03:00"
    assert urls["https://example.org/tags/moon/"] == "2020-12-31T23:00:00+03:00"  # its newest article
    assert urls["https://example.org/"] == urls["https://example.org/tags/"] == "2021-05-26T12:00:00+03:00"
    assert all(urls.values())


def test_drafts_stay_out_of_the_sitemap(site):
    site.build(drafts=True)
    assert (site.public / "2021/06/01/draft/index.html").is_file()
    assert "https://example.org/2021/06/01/draft/" not in urlset(site)


def test_a_page_that_asks_search_engines_is_told_to_them(site):
    """`canonical_url:` (a syndicated copy's original), `noindex: true` and `sitemap: false`, and other tools' keys for
    them (PaperMod's `canonicalURL`, `robotsNoIndex`), were kept for templates without a word: the page pointed search
    engines at itself and was in the sitemap (found by a search engines' trial)."""
    original = "https://www.reuters.com/world/soyuz-2021-06-02/"
    site.write(
        {
            "content/2021/copy.md": article("Copy", "2021-06-02", canonical_url=original),
            "content/2021/papermod.md": article("PaperMod", "2021-06-03", canonicalURL=original, robotsNoIndex="true"),
            "content/2021/hidden.md": article("Hidden", "2021-06-04", noindex="true"),
            "content/2021/unlisted.md": article("Unlisted", "2021-06-05", sitemap="false"),
            "content/2021/hugo.md": article("Hugo", "2021-06-06", sitemap="{disable: true}"),
            "content/pages/about.md": "---\ntitle: About\nnoindex: true\n---\nUs.\n",
        }
    )
    assert {w.path for w in site.build().warnings} == {"content/2021/ракета.md"}  # (the fixture's own: none of these)
    listed = urlset(site)
    for path in ("2021/06/03/papermod/", "2021/06/04/hidden/", "2021/06/05/unlisted/", "2021/06/06/hugo/", "about/"):
        assert f"https://example.org/{path}" not in listed, path
    assert "https://example.org/2021/05/24/roscosmos-china/" in listed and "https://example.org/2021/06/02/copy/" in listed
    copy = site.page("2021/06/02/copy/")
    assert f'<link rel="canonical" href="{original}">' in copy and f'<meta property="og:url" content="{original}">' in copy
    assert 'name="robots"' not in copy and "canonical_url" not in copy
    papermod = site.page("2021/06/03/papermod/")
    assert f'<link rel="canonical" href="{original}">' in papermod and '<meta name="robots" content="noindex">' in papermod
    for path in ("2021/06/04/hidden/", "about/"):
        assert '<meta name="robots" content="noindex">' in site.page(path), path
    assert '<link rel="canonical" href="https://example.org/2021/06/05/unlisted/">' in site.page("2021/06/05/unlisted/")
    assert 'name="robots"' not in site.page("2021/06/05/unlisted/")
    # What is not one of them is a warning on its line (built before ssg read these keys; found in review), and a
    # canonical link to the page itself keeps it in the sitemap (a moved archive's often is).
    site.write({"content/2021/copy.md": article("Copy", "2021-06-02", canonical_url="reuters.com/x", sitemap="maybe", noindex="1")})
    site.write({"content/2021/hugo.md": article("Hugo", "2021-06-06", canonical_url="https://example.org/2021/06/06/hugo/")})
    assert sorted(str(w) for w in site.build().warnings if "copy" in w.path) == [
        "content/2021/copy.md:4: canonical_url: 'reuters.com/x' is not a full http(s) URL, so the page's canonical link is its "
        "own (write the original's address: canonical_url: https://...)",
        "content/2021/copy.md:5: sitemap: 'maybe' is not true or false, so it is not read (write sitemap: false to leave the "
        "page out of the sitemap)",
        "content/2021/copy.md:6: noindex: 1 is not true or false, so it is not read (write noindex: true to ask search engines "
        "to leave the page out)",
    ]
    listed = urlset(site)
    assert "https://example.org/2021/06/02/copy/" in listed and "https://example.org/2021/06/06/hugo/" in listed


def test_a_standalone_page_that_asks_to_be_left_out_leaves_the_next_builds_sitemap(site):
    """The sitemap's fingerprint took a page's update, draft flag and language alone: `noindex: true` written on About
    left it in the sitemap of every later build, where a cold build had it out (found in review)."""
    site.write({"content/pages/about.md": "---\ntitle: About\n---\nUs.\n"}).build()
    assert "https://example.org/about/" in urlset(site)
    site.write({"content/pages/about.md": "---\ntitle: About\nnoindex: true\n---\nUs.\n"}).build()
    assert "https://example.org/about/" not in urlset(site)


def test_above_the_limit_the_sitemap_is_an_index(site, monkeypatch):
    site.build()
    everything = urlset(site)
    monkeypatch.setattr(ssg.sitemap, "MAX_URLS", 10)
    site.build()
    root = ElementTree.parse(site.public / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    parts = [s.findtext("s:loc", namespaces=NS) for s in root.findall("s:sitemap", NS)]
    assert parts == [f"https://example.org/sitemap-{n}.xml" for n in range(1, len(parts) + 1)] and len(parts) == -(-len(everything) // 10)
    merged: dict = {}
    for n in range(1, len(parts) + 1):
        urls = urlset(site, f"sitemap-{n}.xml")
        assert 1 <= len(urls) <= 10
        merged |= urls
    assert merged == everything
    assert all(s.findtext("s:lastmod", namespaces=NS) for s in root.findall("s:sitemap", NS))
    monkeypatch.undo()
    site.build()  # back under the limit: the parts are removed
    assert urlset(site) == everything and not list(site.public.glob("sitemap-*.xml"))


def test_robots_txt_points_at_the_sitemap(site):
    site.build(base_url="https://example.org/archive/")
    robots = (site.public / "robots.txt").read_text()
    assert "User-agent: *" in robots and "Sitemap: https://example.org/archive/sitemap.xml" in robots.splitlines()
    assert all(u.startswith("https://example.org/archive/") for u in urlset(site))


def test_the_sites_own_robots_txt_wins(site):
    site.write({"static/robots.txt": "User-agent: *\nDisallow: /private/\n"})
    site.build()
    assert (site.public / "robots.txt").read_text() == "User-agent: *\nDisallow: /private/\n"


@pytest.mark.parametrize("built_before", [False, True], ids=["first build writes it", "first build keeps it"])
def test_a_rebuild_makes_again_only_the_entries_of_pages_that_changed(project, monkeypatch, built_before):
    """A long-lived builder (the preview's) keeps each page's entry: a tag added re-makes the entries of the pages
    that show the edited article (and the lists dated by the newest article), not of every page, and writes the
    bytes a one-shot build writes. A first build that finds the sitemap up to date leaves the entries for the
    author's first pause (`Builder.tidy`)."""
    project.write({**FILES, **PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML})
    if built_before:
        project.build()
    builder = Builder()
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    builder.tidy()
    made: list[str] = []
    real = ssg.sitemap._items
    monkeypatch.setattr(ssg.sitemap, "_items", lambda name, rows: made.extend(loc for loc, _, _ in rows) or real(name, rows))
    project.write({"content/2020/first.md": article("First one", "2020-12-31T23:00:00+03:00", tags="[Moon, Mars]")})
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    everything = urlset(project)
    assert "https://example.org/tags/mars/" in made and "https://example.org/2020/12/31/first/" in made
    assert "https://example.org/ru/2021/05/26/raketa/" not in made and "https://example.org/2021/05/24/moon/" not in made
    assert len(made) < len(everything) / 2
    written = (project.public / "sitemap.xml").read_bytes()
    assert b"xhtml:link" in written  # (the translated article's versions, kept)
    monkeypatch.undo()
    shutil.rmtree(project.public)
    shutil.rmtree(project.root / ".ssg-cache")
    project.build()
    assert (project.public / "sitemap.xml").read_bytes() == written


@pytest.mark.parametrize("then", ["tidy again", "build unchanged, then tidy", "edit"])
def test_a_pause_stopped_halfway_through_the_entries_leaves_a_sitemap_a_one_shot_build_writes(project, monkeypatch, then):
    """A save that comes while the first pause makes the sitemap's entries stops it between batches (`Builder.tidy`):
    those made are kept, the rest is made by the next pause (also after a build that left the sitemap as it was), or by
    the next build whose sitemap changes; whichever, the bytes are a one-shot build's."""
    project.write({**FILES, **PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML})
    project.build()  # (the builder's first build then finds the sitemap up to date, and leaves the entries for a pause)
    monkeypatch.setattr(ssg.build, "SITEMAP_BATCH", 3)
    builder = Builder()
    config = load_config(project.root)
    builder.build(config, BuildOptions(now=NOW))
    later = builder.sitemap_later
    assert later is not None and len(later[0]) > 3 * 3
    builder.tidy(stop=lambda: builder.sitemap is not None)  # a save waits from the first batch on
    assert builder.sitemap_later is later and builder.sitemap is not None
    assert builder.sitemap.pages_made() == 3  # (the first batch: kept for the next pause, and for a next build)
    if then == "build unchanged, then tidy":
        assert not builder.build(config, BuildOptions(now=NOW), changed=[]).changed
        assert builder.sitemap_later is not None
    if then == "edit":
        project.write({"content/2020/first.md": article("First one", "2020-12-31T23:00:00+03:00", tags="[Moon, Mars]")})
        builder.build(config, BuildOptions(now=NOW))
        assert builder.sitemap_later is None
    else:
        asked: list[bool] = []
        builder.tidy(stop=lambda: asked.append(True) and False)
        assert builder.sitemap_later is None and asked
        assert builder.sitemap.pages_made() == len(later[0])
        project.write({"content/2020/first.md": article("First one", "2020-12-31T23:00:00+03:00", tags="[Moon, Mars]")})
        builder.build(config, BuildOptions(now=NOW))
    written = (project.public / "sitemap.xml").read_bytes()
    shutil.rmtree(project.public)
    shutil.rmtree(project.root / ".ssg-cache")
    project.build()
    assert (project.public / "sitemap.xml").read_bytes() == written


def test_a_kept_entry_dated_by_the_newest_article_shows_its_offset_as_a_one_shot_build_does(project):
    """The archive's lastmod is the newest article's date: moved to the same instant written with another offset,
    it compares equal, but the sitemap prints it otherwise, and a rebuild must write what a one-shot build writes."""
    project.write({**FILES, "site.yaml": SITE_YAML})
    builder = Builder()
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    newest = FILES["content/2021/ракета.md"]
    assert "2021-05-26T12:00:00+03:00" in newest
    project.write({"content/2021/ракета.md": newest.replace("2021-05-26T12:00:00+03:00", "2021-05-26T10:00:00+01:00")})
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    written = (project.public / "sitemap.xml").read_bytes()
    assert urlset(project)["https://example.org/archive/"] == "2021-05-26T10:00:00+01:00"
    shutil.rmtree(project.public)
    shutil.rmtree(project.root / ".ssg-cache")
    project.build()
    assert (project.public / "sitemap.xml").read_bytes() == written


def test_the_sitemap_is_the_document_element_tree_writes(project, monkeypatch):
    """Entries are written out directly (`sitemap._items`): the sitemap is the bytes ElementTree made of them, language
    versions and all."""
    site = project.write({**FILES, **PER_LANGUAGE_FILES, "site.yaml": PER_LANGUAGE_YAML})
    site.build()
    whole = (site.public / "sitemap.xml").read_bytes()
    assert b"xhtml:link" in whole and whole.count(b"<url>") > 7
    monkeypatch.setattr(ssg.sitemap, "_items", _items_by_element_tree)
    shutil.rmtree(site.public)
    site.build()
    assert (site.public / "sitemap.xml").read_bytes() == whole


def test_a_long_lived_builders_sitemap_is_a_one_shot_builds_after_each_save(project, tmp_path):
    """The entries a long-lived builder keeps (found by their pages' identity) give a one-shot build's bytes after each
    save: a newer article (the newest date, which the pages without a date of their own show, moves), a standalone
    page without a date (no lastmod, newest or not) and one with its `updated:`, an article made a draft (out of the
    sitemap) and published again, a tag added (its listing pages move)."""
    project.write(
        {
            **FILES,
            "site.yaml": SITE_YAML,
            "content/pages/about.md": "---\ntitle: About\n---\n\nWho we are.\n",
            "content/pages/team.md": "---\ntitle: Team\nupdated: 2021-02-01\n---\n\nThe team.\n",
        }
    )
    builder = Builder()
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    saves = [
        {"content/2021/newest.md": article("Newest", "2021-06-20T10:00:00+03:00", tags="[Moon]")},
        {"content/2021/newest.md": article("Newest", "2021-06-20T10:00:00+03:00", tags="[Moon]", draft="true")},
        {"content/pages/about.md": "---\ntitle: About\nupdated: 2021-07-01\n---\n\nWho we are.\n"},
        {"content/2021/newest.md": article("Newest", "2021-06-20T10:00:00+03:00", tags="[Moon, Mars]")},
        {"content/pages/about.md": "---\ntitle: About us\n---\n\nWho we are.\n"},
    ]
    for files in saves:
        project.write(files)
        builder.build(load_config(project.root), BuildOptions(now=NOW))
        written = (project.public / "sitemap.xml").read_bytes()
        once = project.__class__(tmp_path / f"once-{len(written)}")
        shutil.copytree(project.root, once.root, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
        once.build()
        assert (once.public / "sitemap.xml").read_bytes() == written, files
    assert urlset(project)["https://example.org/about/"] is None


def _items_by_element_tree(name: str, rows: list) -> list[str]:
    """The entries as ElementTree writes them (as `sitemap._items` did: one tree, indented, cut after each element)."""
    holder = ElementTree.Element("items")
    for loc, modified, versions in rows:
        item = ElementTree.SubElement(holder, name)
        ElementTree.SubElement(item, "loc").text = loc
        if modified is not None:
            ElementTree.SubElement(item, "lastmod").text = modified.isoformat(timespec="seconds")
        for hreflang, href in versions:
            ElementTree.SubElement(item, "xhtml:link", rel="alternate", hreflang=hreflang, href=href)
    ElementTree.indent(holder, space="  ")
    text = ElementTree.tostring(holder, encoding="unicode")
    close = f"</{name}>"
    inner = text.removeprefix("<items>\n  ").removesuffix(close + "\n</items>")
    return [part + close for part in inner.split(close + "\n  ")]


def test_the_entries_are_written_as_element_tree_writes_them():
    from datetime import UTC, datetime, timedelta, timezone

    moscow = timezone(timedelta(hours=3))
    rows = [
        ("https://example.org/2021/05/a/", datetime(2021, 5, 24, 10, 15, 30, 999, tzinfo=moscow), ()),
        ("https://example.org/?a=1&b=<2>", None, ()),
        (
            "https://example.org/ru/b/",
            datetime(2020, 1, 1, tzinfo=UTC),
            (("en", 'https://example.org/b/?x=1&y="2"<>'), ("ru", "https://example.org/ru/b/\r\n\t")),
        ),
    ]
    for name in ("url", "sitemap"):
        assert ssg.sitemap._items(name, rows) == _items_by_element_tree(name, rows)
