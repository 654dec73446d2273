"""`ssg check --links`: internal links and anchors must resolve, external ones are listed only."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from ssg.cli import main
from ssg.linkcheck import BrokenLink, by_target, check_links, site_base_url

from .conftest import article
from .publish_support import FILES, SITE_YAML

PAGES = {
    "index.html": """<!doctype html><html><head><link rel="canonical" href="https://example.org/sub/">
        <link rel="stylesheet" href="assets/style.css"></head><body id="top">
        <a href="a/">a</a> <a href="a/#part">part</a> <a href="#top">top</a> <a href="/sub/a/">root</a>
        <a href="https://example.org/sub/a/">self</a> <a href="https://elsewhere.example/x">out</a>
        <a href="mailto:x@example.org">mail</a> <img src="img/p.png" srcset="img/p.png 1x, img/p2.png 2x" alt="">
        <form action="search/"></form></body></html>""",
    "a/index.html": """<!doctype html><html><body><h2 id="part">Part</h2>
        <a href="../">home</a> <a href="../missing/">missing</a> <a href="../#nowhere">bad anchor</a>
        <a href="/elsewhere/">outside</a> <a href="../../up.html">up</a> <a href="https://elsewhere.example/x">out</a>
        <meta property="og:image" content="https://example.org/sub/img/gone.png"></body></html>""",
    "assets/style.css": "body{}",
    "img/p.png": "png",
    "feed.xml": """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
        <link href="https://example.org/sub/" rel="alternate"/><entry><link href="https://example.org/sub/b/"/></entry></feed>""",
}
BROKEN = [
    "a/index.html: ../missing/: no such file missing/index.html",
    "a/index.html: ../#nowhere: no element with id 'nowhere' in index.html",
    "a/index.html: /elsewhere/: points outside the site's path /sub/",
    "a/index.html: ../../up.html: points outside the site",
    "a/index.html: /sub/img/gone.png: no such file img/gone.png",
    "feed.xml: /sub/b/: no such file b/index.html",
    "index.html: img/p2.png: no such file img/p2.png",
    "index.html: search/: no such file search/index.html",
]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    for name, text in PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_every_kind_of_broken_link_is_found_with_its_page(built):
    report = check_links(built, "https://example.org/sub/")
    assert sorted(map(str, report.broken)) == sorted(BROKEN)
    assert report.external == {"https://elsewhere.example/x": ["a/index.html", "index.html"]}
    assert report.pages == 3


def test_base_url_is_read_from_the_home_pages_canonical_link(built):
    assert site_base_url(built) == "https://example.org/sub/"
    assert site_base_url(built / "a") is None


def test_cli_reports_broken_and_external_links_and_exits_1(built):
    result = CliRunner().invoke(main, ["-C", str(built), "check", "--links", str(built)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert sorted(line for line in lines if line.startswith("broken: ")) == sorted(f"broken: {b}" for b in BROKEN)
    assert "external (not fetched): https://elsewhere.example/x (on a/index.html and 1 more)" in lines
    assert lines[-1].startswith("Checked ") and "8 broken, 1 external" in lines[-1]
    assert all(line.startswith("broken: ") for line in lines[-9:-1])  # (last, above the count: not lost above the others)


def test_cli_base_url_option_wins(built):
    result = CliRunner().invoke(main, ["check", "--links", "--base-url", "https://example.org/", str(built)])
    assert result.exit_code == 1 and "broken: index.html: /sub/a/: no such file sub/a/index.html" in result.output


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--external"], "Error: --external works only with --links (the built site's links)"),
        (["--base-url", "https://example.org/"], "Error: --base-url works only with --links (the built site's links)"),
        (["--links", "--strict", "--drafts"], "Error: --drafts and --strict work only without --links (the content's check)"),
    ],
)
def test_an_option_of_the_other_check_is_a_usage_error(built, arguments, said):
    """`ssg check --external` checked the content and listed no URL, without a word: an option of the other check is
    a usage error (exit 2), as `ssg new`'s are."""
    result = CliRunner().invoke(main, ["-C", str(built), "check", *arguments])
    assert result.exit_code == 2 and result.output.splitlines()[-1] == said


def test_a_folder_that_holds_no_built_site_is_a_usage_error(tmp_path):
    """`ssg check --links empty` (a mistyped path, `content/`) passed "0 broken": a CI's publishing gate let it through."""
    (tmp_path / "content").mkdir()
    result = CliRunner().invoke(main, ["check", "--links", str(tmp_path / "content")])
    assert result.exit_code == 2 and "holds no built site (no index.html, no .ssg-manifest.json)" in result.output


def test_a_built_site_under_a_sub_path_passes(project):
    project.write({**FILES, "site.yaml": SITE_YAML}).build(base_url="https://example.org/news/archive/")
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    assert result.exit_code == 0, result.output
    assert "external (not fetched): https://www.interfax.ru/russia/767824" in result.output
    assert ": 0 broken, 3 external." in result.output.splitlines()[-1]


@pytest.mark.parametrize(
    "base_url",
    ["https://example.org/архив/", "https://example.org/my%20archive/", "https://пример.рф/архив/", "https://example.org/%d0%b0/"],
)
def test_a_site_under_a_path_the_build_percent_encodes_passes(project, base_url):
    """Its canonical URL is `https://example.org/%D0%B0%D1%80%D1%85%D0%B8%D0%B2/`: the encoded root path was compared
    with each link's decoded one, and every root-absolute link (the feed, the stylesheet) was "outside the site's path"
    (a user trial's CI job failed). The site's path given in any of its forms is the site's; another path is not."""
    project.write({**FILES, "site.yaml": SITE_YAML}).build(base_url=base_url)
    canonical = site_base_url(project.public)
    for given in ([], ["--base-url", base_url], ["--base-url", canonical]):
        result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links", *given])
        assert result.exit_code == 0, result.output
        assert ": 0 broken, 3 external." in result.output.splitlines()[-1]
    (project.public / "stray.html").write_text('<a href="/elsewhere/">x</a> <a href="missing/">y</a>', encoding="utf-8")
    assert sorted(map(str, check_links(project.public, canonical).broken)) == [
        f"stray.html: /elsewhere/: points outside the site's path {urlsplit(base_url).path.replace('%20', ' ').replace('%d0%b0', 'а')}",
        "stray.html: missing/: no such file missing/index.html",
    ]


@pytest.mark.parametrize("search", ["{enabled: false}", "{path: find/}"])
def test_a_site_with_search_off_or_moved_passes(project, search):
    # The header's and the 404 page's search forms go where the search page is, or are not there.
    project.write({**FILES, "site.yaml": SITE_YAML + f"search: {search}\n"}).build()
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    assert result.exit_code == 0, result.output
    home, not_found = project.page(""), (project.public / "404.html").read_text()
    if "find" in search:
        assert 'action="find/"' in home and 'action="/find/"' in not_found
    else:
        assert 'role="search"' not in home and "not-found__search" not in not_found


def test_build_warns_about_links_to_articles_that_are_not_published(project):
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", "See [b](b.md), [draft](d.md), [future](f.md#part) and [c](c.md#x)."),
            "content/c.md": article("C", "2021-01-02"),
            "content/d.md": article("D", "2021-01-03", draft="true"),
            "content/f.md": article("F", "2030-01-01"),
        }
    )
    warnings = [str(w) for w in project.build().warnings if w.field != "date"]  # (f.md's date far ahead has its own)
    assert warnings == [f"content/a.md:6: links to {name}, which is not a published article" for name in ("b.md", "d.md", "f.md")]
    # Those lead nowhere on the page, saying which file they named (an `href="#"` looked like a theme's own link), so the
    # link check of the built site reports them too, as well as the anchor into c.md, which is not known before rendering.
    page = project.page("2021/01/01/a/")
    assert '<a href="#ssg-not-published:b.md">b</a>' in page and '<a href="#ssg-not-published:f.md">future</a>' in page
    report = check_links(project.public, "https://example.org/")
    assert [str(b) for b in report.broken] == [
        f"2021/01/01/a/index.html: #ssg-not-published:{name}: links to {name}, which is not a published article "
        "(`ssg check` names the line that links it and the file likely meant)"
        for name in ("b.md", "d.md", "f.md")
    ] + ["2021/01/01/a/index.html: ../../02/c/#x: no element with id 'x' in 2021/01/02/c/index.html"]


def test_check_links_fails_on_a_link_to_an_article_that_is_not_there(project):
    """A link to an article in another folder, or misspelt, was a build warning only: the page got `href="#"`, and
    `ssg check --links` passed with 0 broken."""
    project.write(
        {
            "content/2024/байконур.md": article("Launch", "2024-05-01"),
            "content/2025/a.md": article("A", "2025-03-01", "The [launch](байконур.md)."),
        }
    )
    project.build()
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    assert result.exit_code == 1
    assert "broken: 2025/03/01/a/index.html: #ssg-not-published:2025/%D0%B1" in result.output
    assert "links to 2025/байконур.md, which is not a published article" in result.output
    assert "1 broken" in result.output


def test_missing_folder_is_a_usage_error(tmp_path):
    assert CliRunner().invoke(main, ["-C", str(tmp_path), "check", "--links"]).exit_code == 2


def test_links_to_the_sites_own_host_over_http_or_www_are_checked_as_its_own(tmp_path):
    """A moved WordPress archive links its old pages as `http://example.org/...` or `http://www.example.org/...`: listed
    as external and never checked, its links to pages that no longer exist went unreported."""
    pages = {
        "index.html": "<html><body></body></html>",
        "a/index.html": '<a href="http://example.org/">home</a> <a href="http://www.example.org/gone/">gone</a> '
        '<a href="https://www.example.org/a/">a</a> <a href="http://example.org/?p=104">p</a> '
        '<a href="http://example.org.evil/x/">other</a> <a href="http://sub.example.org/x/">sub</a>',
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = check_links(tmp_path, "https://example.org/")
    assert [str(b) for b in report.broken] == [
        "a/index.html: http://www.example.org/gone/: no such file gone/index.html",
        "a/index.html: http://example.org/?p=104: is WordPress's address by number (?p=104), which a static site cannot "
        "answer (it shows the home page): link to the article's file",
    ]
    assert sorted(report.external) == ["http://example.org.evil/x/", "http://sub.example.org/x/"]
    assert check_links(tmp_path, "https://example.org/archive/").external.keys() >= {"http://www.example.org/gone/"}  # (not under its path)


def test_a_link_to_a_host_in_brackets_that_is_no_address_is_broken(project):
    """`[link](http://[site]/x)` (a template's address an article kept) builds, as written: `ssg check --links` stopped
    on it with a ValueError traceback from urlsplit."""
    body = 'A [link](http://[site]/x) and <a href="https://[bad]/y?p=1">another</a>.'
    project.write({"content/2021/story.md": article("Story", "2021-05-01", body)}).build()
    report = check_links(project.public, "https://example.org/")
    why = "is no URL: its host, in brackets, is no IP address (write the address as its site gives it)"
    assert [str(b) for b in report.broken] == [
        f"2021/05/01/story/index.html: http://[site]/x: {why}",
        f"2021/05/01/story/index.html: https://[bad]/y?p=1: {why}",
    ]
    assert not any("[" in url for url in report.external)


def test_a_link_with_a_port_no_browser_opens_is_broken_and_another_port_is_another_site(tmp_path):
    """`https://example.org:99999/` (a typo in the site's own address) was taken for the site's own page at /, found,
    and so neither broken nor external."""
    links = ["https://example.org:99999/", "https://example.org:0/", "https://example.org:x/", "http://[::1]:99999/"]
    links += ["https://example.org:443/", "https://example.org:8080/", "https://www.example.org:8080/a/"]
    page = "<!doctype html><html><body>" + "".join(f'<a href="{url}">a</a> ' for url in links) + "</body></html>"
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    report = check_links(tmp_path, "https://example.org/")
    assert [str(b) for b in report.broken] == [
        f"index.html: {url}: is no URL: its port is not a number from 1 to 65535 (write the address as its site gives it)"
        for url in links[:4]
    ]
    assert sorted(report.external) == ["https://example.org:8080/", "https://www.example.org:8080/a/"]  # (:443 is the site's own /)


def test_a_percent_sign_that_starts_no_escape_is_broken_though_the_file_is_there(tmp_path):
    """`images/100%.jpg` for the file `100%.jpg`: nginx answers it 400 (no URL holds a `%` that is no escape), and the
    check, decoding it to the file's name, found the file."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images/100%.jpg").write_bytes(b"JPG")
    links = ["images/100%.jpg", "images/100%25.jpg", "https://example.org/images/100%.jpg", "a%zz", "x%4"]
    (tmp_path / "index.html").write_text(" ".join(f'<img src="{link}" alt="">' for link in links), encoding="utf-8")
    why = "which a server refuses (a '%' of a file's name is written %25)"
    assert [str(b) for b in check_links(tmp_path, "https://example.org/").broken] == [
        f"index.html: images/100%.jpg: is no URL: a '%' not followed by two hex digits ('%.j'), {why}",
        f"index.html: /images/100%.jpg: is no URL: a '%' not followed by two hex digits ('%.j'), {why}",
        f"index.html: a%zz: is no URL: a '%' not followed by two hex digits ('%zz'), {why}",
        f"index.html: x%4: is no URL: a '%' not followed by two hex digits ('%4'), {why}",
    ]


def test_a_link_too_long_for_a_file_name_is_broken(tmp_path):
    """`<a href="xxx...x/">` of 300 letters (or an article's link to the site's own host as long): asking whether it is
    a folder raised OSError ("File name too long"), and `ssg check --links` stopped on that traceback."""
    long = "x" * 300
    page = f'<!doctype html><html><body><a href="{long}/">a</a> <a href="https://example.org/{long}.html">b</a></body></html>'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert [str(b).replace(long, "L") for b in check_links(tmp_path, "https://example.org/").broken] == [
        "index.html: L/: no such file L/index.html",
        "index.html: /L.html: no such file L.html",
    ]


def test_a_link_broken_on_many_pages_is_one_line_naming_the_template_line_that_writes_it(project):
    """A template's mistake is on every page it makes: 3 mistakes on 21 pages were 63 lines naming built pages."""
    line = '<a href="{{ url_for(\'tgas/\') }}">t</a> <img src="{{ url_for(\'brand/logo.svg\') }}" alt="">'
    files = {f"content/{n}.md": article(f"A {n}", f"2021-05-{10 + n}") for n in range(5)}
    files["templates/article.html"] = '{% extends "base.html" %}\n{% block content %}\n' + line + "\n{% endblock %}\n"
    project.write(files).build()
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    assert result.exit_code == 1
    broken = [line for line in result.output.splitlines() if line.startswith("broken: ")]
    pages = "2021/05/10/0/index.html, 2021/05/11/1/index.html, 2021/05/12/2/index.html and 2 more"
    assert broken == [
        f"broken: ../../../../tgas/: no such file tgas/index.html, on 5 pages ({pages}) "
        "(written by templates/article.html:3: url_for('tgas/'))",
        f"broken: ../../../../brand/logo.svg: no such file brand/logo.svg, on 5 pages ({pages}) "
        "(written by templates/article.html:3: url_for('brand/logo.svg'))",
    ]
    assert result.output.splitlines()[-1].endswith(": 10 broken (2 different), 0 external.")


def test_links_broken_alike_are_grouped_by_where_they_lead(built):
    report = check_links(built, "https://example.org/sub/")
    groups = by_target(report.broken + [BrokenLink("b/index.html", "../missing/", "no such file missing/index.html", "missing/")])
    (missing,) = [group for group in groups if group.target == "missing/"]
    assert missing.pages == ("a/index.html", "b/index.html") and missing.url == "../missing/"
    assert missing.describe() == "../missing/: no such file missing/index.html, on 2 pages (a/index.html, b/index.html)"
    assert len(groups) == len(BROKEN)


def test_many_external_links_are_counted_by_host_unless_asked_for(project):
    """An archive links thousands of outlets' pages: one line each buried the broken links under 9,000 lines (found by
    a new user's trial). Past 20 they are counted by host; --external lists them all."""
    links = "\n\n".join(f"[{n}](https://{'tass.ru' if n % 3 else 'ria.ru'}/news/{n})" for n in range(30))
    project.write({**FILES, "site.yaml": SITE_YAML, "content/2021/many.md": article("Many", "2021-05-01", links)}).build()
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    external = [line for line in result.output.splitlines() if line.startswith("external")]
    assert external == [
        "external (not fetched): 33 URLs on 4 hosts, most on tass.ru 21, ria.ru 10, publisher.example 1, www.interfax.ru 1 (--external lists them)"
    ]
    listed = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links", "--external"])
    assert len([line for line in listed.output.splitlines() if line.startswith("external (not fetched): https://")]) == 33


def test_a_folder_a_stopped_build_was_moving_files_into_fails_the_check(project):
    """A build killed as it moved its files in leaves pages of two builds, and the check passed them, so a deployment
    would publish the mix (found by a new user's trial). The next build repairs it."""
    project.write({**FILES, "site.yaml": SITE_YAML}).build()
    stopped = project.public.parent / f".{project.public.name}.ssg-moving.json"
    stopped.write_text('["index.html"]', encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    assert result.exit_code == 1 and "the last build was stopped while moving its files in" in result.output
    project.build()
    assert not stopped.exists() and CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"]).exit_code == 0


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({"site.yaml": "title: T\nlatest: ten\n"}, "site.yaml:2: latest: 'ten' is not a whole number"),
        ({"site.yaml": "title: T\ntag_names: tags.yaml\n", "tags.yaml": "Moon: {ru: Луна\n"}, "tags.yaml:1: YAML syntax error"),
    ],
)
def test_check_links_with_a_broken_site_yaml_says_what_is_wrong_in_it(project, files, said):
    # A new user's trial: a typo in tags.yaml, then `ssg check --links`, which answered "no site.yaml here".
    project.write(files)
    result = CliRunner().invoke(main, ["-C", str(project.root), "check", "--links"])
    assert result.exit_code == 1, result.output
    assert said in result.output and "no site.yaml here" not in result.output


def test_the_files_a_stylesheet_loads_are_checked_relative_to_it(tmp_path):
    """A designer's custom.css named a font and a picture that were not there: the page showed a fallback font and no
    picture, and `ssg check --links` passed. A stylesheet's url(...) and @import are checked as a browser reads them,
    relative to the stylesheet; data: URLs, references within an SVG (url(#clip)) and comments are none."""
    css = (
        '/* url("commented.png") */\n@import "print.css";\n'
        '@font-face { src: url("../fonts/serif.woff2") format("woff2"), url(data:font/woff2;base64,AAAA); }\n'
        ".mast { background: url(/images/mast.png); clip-path: url(#clip) }\n.ok { background: url('../img/p.png') }\n"
    )
    for name, text in {"index.html": "<!doctype html><title>x</title>", "assets/custom.css": css, "img/p.png": "png"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert [str(b) for b in check_links(tmp_path).broken] == [
        "assets/custom.css:2: print.css: no such file assets/print.css",
        "assets/custom.css:3: ../fonts/serif.woff2: no such file fonts/serif.woff2",
        "assets/custom.css:4: /images/mast.png: no such file images/mast.png",
    ]


def test_a_url_written_inside_a_stylesheets_string_loads_nothing(tmp_path):
    """`content: "see url(nothing.png)"` (a text shown on the page) and a data: URL holding quotes were taken for files
    the stylesheet loads, and `ssg check --links` failed on them; a string that holds a comment's opening is only text."""
    css = (
        '.note::before { content: "see url(nothing.png) /*"; }\n.q { quotes: "\\"" "url(" }\n'
        ".svg { background: url(data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'></svg>) }\n"
        ".gone { background: url(gone.png) }\n"
    )
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "custom.css").write_text(css, encoding="utf-8")
    assert [str(b) for b in check_links(tmp_path).broken] == ["assets/custom.css:4: gone.png: no such file assets/gone.png"]


def test_a_fonts_format_left_out_where_another_of_its_list_is_there_is_not_broken(tmp_path):
    """A vendored icon font's stylesheet names its .eot, .woff2, .woff, .ttf and .svg; the site ships the woff2 alone,
    which every browser it serves loads: `ssg check --links` failed the deploy on the files no browser asks for. A file
    a browser asks for first is broken, even where a later one of its list is there."""
    css = (
        '@font-face { font-family: "Icons"; src: url("../fonts/icons.eot?v=4");\n'
        '  src: url("../fonts/icons.eot?#iefix") format("embedded-opentype"),\n'
        '  url("../fonts/icons.woff2?v=4") format("woff2"), url(../fonts/icons.ttf) format("truetype"); }\n'
        "@font-face { font-family: Inline; src: url(data:font/woff2;base64,AAAA) format('woff2'), url(../fonts/inline.woff); }\n"
        "@font-face { font-family: Gone; src: url(../fonts/gone.woff2) format('woff2'), url(../fonts/icons.woff2) format('woff2'); }\n"
        ".logo { background: url(../img/logo.svg) }\n"
    )
    (tmp_path / "assets").mkdir()
    (tmp_path / "fonts").mkdir()
    (tmp_path / "assets" / "vendor.css").write_text(css, encoding="utf-8")
    (tmp_path / "fonts" / "icons.woff2").write_bytes(b"wOF2")
    assert [str(b) for b in check_links(tmp_path).broken] == [
        "assets/vendor.css:5: ../fonts/gone.woff2: no such file fonts/gone.woff2",
        "assets/vendor.css:6: ../img/logo.svg: no such file img/logo.svg",
    ]


def test_pages_are_read_as_browsers_read_them(tmp_path):
    """HTML as a browser tokenizes it (libxml2): a page is UTF-8 whatever it declares, an attribute given twice is its
    first value, a tag in a script's text or a comment links nothing, and an element left open hides no later link."""
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok/index.html").write_text("<p>ok</p>", encoding="utf-8")
    page = """<?xml version="1.0" encoding="iso-8859-1"?><!doctype html><html><head><meta charset="windows-1251">
        </head><body><h2 id="раздел">Раздел</h2><a href="#раздел">к разделу</a>
        <a href="ok/" href="gone-second/">twice</a><script>var s = '<a href="gone-script/">';</script>
        <!-- <a href="gone-comment/"> --><div><p><b>open <a href="#раздел">in</a> <a href="gone-open/">x</a></body></html>
        <p>After the end, as a saved page has it: <a href="gone-after/">after</a> <a href="#раздел">up</a>"""
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    report = check_links(tmp_path, "/")
    assert list(map(str, report.broken)) == [
        "index.html: gone-open/: no such file gone-open/index.html",
        "index.html: gone-after/: no such file gone-after/index.html",
    ]
    assert report.links == 6


def test_a_page_the_parser_cannot_read_to_its_end_is_broken(tmp_path):
    """Elements nested 2,048 deep: libxml2 reads no further, and the links after them would go unchecked unsaid."""
    (tmp_path / "index.html").write_text("<p>deep</p>\n" + "<div>" * 3000 + '<a href="gone/">x</a>', encoding="utf-8")
    report = check_links(tmp_path, "/")
    assert list(map(str, report.broken)) == [
        "index.html: line 2: is not read past here (Excessive depth in document: 2048): the links after it are not checked"
    ]


def test_worker_processes_report_as_one_process_does(tmp_path):
    """`jobs`: runs of pages checked in worker processes give the report of one process, in the same order (external
    URLs by their first page, each with its pages in order; anchors into pages another worker checks)."""
    from ssg.linkcheck import PARALLEL_FROM

    count = PARALLEL_FROM + 50
    for n in range(count):
        (tmp_path / f"p{n:04}").mkdir()
        links = f'<a href="../p{(n + 1) % count:04}/#s{n}">next</a> <a href="https://out.example/{n % 7}">out</a>'
        if n % 97 == 0:
            links += f' <a href="../gone{n}/">gone</a> <a href="../p{(n + 200) % count:04}/#nowhere">anchor</a>'
        (tmp_path / f"p{n:04}/index.html").write_text(f'<h2 id="s{(n - 1) % count}">s</h2>{links}', encoding="utf-8")
    one, two = check_links(tmp_path, "/", jobs=1), check_links(tmp_path, "/", jobs=2)
    assert two == one and list(two.external) == list(one.external)
    assert len(one.broken) == 2 * len(range(0, count, 97)) and one.pages == count and one.links == 2 * count + len(one.broken)
    assert one.external["https://out.example/3"][:2] == ["p0003/index.html", "p0010/index.html"]
