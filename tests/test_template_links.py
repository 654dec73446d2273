"""What templates link to: `url_for`'s arguments, the site paths templates name literally, site.yaml's `publisher.logo`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ssg.build import Builder, BuildOptions
from ssg.cache import Store
from ssg.cli import main
from ssg.config import load_config
from ssg.errors import TemplateError
from ssg.stamps import cache_stamp

from .conftest import NOW, SITE_YAML, article


def with_line_3(line_3: str) -> str:
    """An article template whose line 3 is `line_3`."""
    return '{% extends "base.html" %}\n{% block content %}\n' + line_3 + "\n{% endblock %}\n"


def test_a_site_path_written_from_the_root_links_as_one_without_its_slash(project):
    # Hugo's and Jekyll's authors write `/tags/`: it made `../../../..//tags/`, which a browser reads as the host `tags`.
    line = "<a href=\"{{ url_for('/tags/') }}\">t</a> <a href=\"{{ url_for('//archive/') }}\">a</a> {{ abs_url('/feed.xml') }}"
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/article.html": with_line_3(line)})
    project.build()
    page = project.page("2021/05/24/a/")
    assert '<a href="../../../../tags/">t</a> <a href="../../../../archive/">a</a> https://example.org/feed.xml' in page
    assert "//tags/" not in page


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("42", "TypeError: url_for(42): int is no page (url_for takes a site path, a string such as 'tags/'"),
        ("article.date.year", "TypeError: url_for(2021): int is no page ("),
        ("none", "TypeError: url_for(None): nothing to link to (url_for takes "),
        ("article.extra.logo", "UndefinedError: no key 'logo' here"),
        # Flask's way (a user trial): Python's "url_for() got an unexpected keyword argument 'slug'", without a word of what it takes.
        (
            '"article", slug=article.slug',
            "TypeError: url_for('article', slug='a'): url_for takes one argument, a site path, a string such as 'tags/' or "
            "'assets/style.css' ('' is the home page), or an object templates are given: an article, page, tag, outlet, "
            "image, feed, date or link (e.g. url_for(article))",
        ),
        ("article, 'x'", "TypeError: url_for(<Article>, 'x'): url_for takes one argument, a site path, "),
        ("", "TypeError: url_for(): url_for takes one argument, a site path, "),
    ],
)
def test_url_for_of_what_is_no_page_is_an_error_on_the_templates_line(project, argument, message):
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/article.html": with_line_3(f"{{{{ url_for({argument}) }}}}")})
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith(f"templates/article.html:3: {message}")


def test_abs_url_called_as_flasks_url_for_says_what_it_takes(project):
    project.write(
        {"content/a.md": article("A", "2021-05-24"), "templates/article.html": with_line_3('{{ abs_url("article", slug=article.slug) }}')}
    )
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith(
        "templates/article.html:3: TypeError: abs_url('article', slug='a'): abs_url takes one argument, a site path, a string "
        "such as 'tags/' or 'assets/style.css' ('' is the home page), or an object templates are given: an article, page, "
        "tag, outlet, image, feed, date or link (e.g. abs_url(article))"
    )


def test_url_for_takes_every_link_templates_are_given(project):
    """`up`, `prev_period`, the archive's years and months link by their own `path` (they printed their repr)."""
    project.write(
        {
            "content/a.md": article("A", "2021-05-24"),
            "content/b.md": article("B", "2021-06-02"),
            "templates/list.html": '{% extends "base.html" %}\n{% block content %}'
            "{% if up %}[{{ url_for(up) }}]{% endif %}{% if prev_period %}[{{ url_for(prev_period) }}]{% endif %}"
            "{{ url_for('tags/' | safe) }}{% endblock %}\n",
            "templates/archive.html": '{% extends "base.html" %}\n{% block content %}'
            "{% for y in years %}<{{ url_for(y) }}>{% for m in y.months %}({{ url_for(m) }}){% endfor %}{% endfor %}{% endblock %}\n",
        }
    )
    project.build()
    assert "[../][../05/]../../tags/" in project.page("2021/06/")
    assert "<../2021/>(../2021/06/)(../2021/05/)" in project.page("archive/")


# Site paths a template names literally: checked against what the build writes, on the template's line.

BRAND = '<img src="{{ url_for(\'brand/logo.svg\') }}" alt=""> <a href="{{ url_for(\'tgas/\') }}">t</a>'


@pytest.fixture
def branded(project):
    return project.write(
        {
            "content/a.md": article("A", "2021-05-24"),
            "content/b.md": article("B", "2021-05-25"),
            "static/brand/logo.svg": "<svg/>",
            "templates/article.html": with_line_3(BRAND),
        }
    )


def test_a_path_a_template_names_that_the_build_does_not_write_is_a_warning_on_its_line(branded):
    warnings = [str(w) for w in branded.build().warnings]
    assert warnings == ["templates/article.html:3: url_for('tgas/') links to /tgas/, which this site does not have (did you mean 'tags/'?)"]
    branded.remove("static/brand/logo.svg")
    warnings = [str(w) for w in branded.build().warnings]
    assert warnings == [
        "templates/article.html:3: url_for('brand/logo.svg') links to /brand/logo.svg, which this site does not have "
        "(put the file at static/brand/logo.svg, or fix the path)",
        "templates/article.html:3: url_for('tgas/') links to /tgas/, which this site does not have (did you mean 'tags/'?)",
    ]


def test_a_path_shown_on_a_condition_is_left_to_the_link_check(branded):
    """`{% if site.search %}url_for('search/'){% endif %}` on a site without search was warned of, and failed a build
    with --strict (found by a review): a link under a condition is there only where the page is."""
    guarded = "{% if site.search %}<a href=\"{{ url_for('search/') }}\">s</a>{% endif %} {{ url_for('ru/') if site.languages }}"
    branded.write({"site.yaml": SITE_YAML + "search: {enabled: false}\n", "templates/article.html": with_line_3(guarded)})
    assert branded.build(strict=True).warnings == []


def test_the_link_check_names_a_template_line_once_where_a_theme_extends_another(branded):
    """A theme that extends another is also reachable by its name (`mine:footer.html`): the link check named each line
    twice (found by a review)."""
    branded.write(
        {
            "site.yaml": SITE_YAML + "theme: mine\n",
            "themes/mine/theme.yaml": "extends: default\n",
            "themes/mine/templates/footer.html": "<a href=\"{{ url_for('tgas/') }}\">t</a>\n",
            "templates/article.html": with_line_3(""),
        }
    )
    branded.build()
    result = CliRunner().invoke(main, ["-C", str(branded.root), "check", "--links"])
    broken = [line for line in result.output.splitlines() if line.startswith("broken:")]
    assert len(broken) == 1 and broken[0].endswith("(written by themes/mine/templates/footer.html:1: url_for('tgas/'))")


def test_ssg_check_and_strict_builds_report_it_too(branded):
    result = CliRunner().invoke(main, ["-C", str(branded.root), "check"])
    assert result.exit_code == 0
    assert "warning: templates/article.html:3: url_for('tgas/') links to /tgas/" in result.output
    assert "1 warning." in result.output
    result = CliRunner().invoke(main, ["-C", str(branded.root), "build", "--strict"])
    assert result.exit_code == 1
    assert "error: templates/article.html:3: url_for('tgas/') links to /tgas/, which this site does not have" in result.output
    assert "(an error with --strict)" in result.output


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("'tags'", "a page's path ends with a slash: write 'tags/' (opened from disk, 'tags' shows a folder's listing)"),
        ("'brand/logo.png'", "did you mean 'brand/logo.svg'? else put the file at static/brand/logo.png"),
        ("'https://example.com/x.css'", "url_for and abs_url take a path of this site: write another site's URL as it is"),
        ("'news/'", "no page of the site is there"),
    ],
)
def test_what_to_write_instead(branded, written, fix):
    branded.write({"templates/article.html": with_line_3(f"{{{{ abs_url({written}) }}}}")})
    (warning,) = branded.build().warnings
    assert warning.message.endswith(f", which this site does not have ({fix})")


def test_what_a_build_writes_is_there_whoever_writes_it(branded):
    """Pages, static and content files, feeds, the sitemap, robots.txt, the latest list and the search index, from the
    root or not, with a fragment or a query; and the default theme's own paths."""
    names = [
        "",
        "/",
        "archive/",
        "/tags/#list",
        "2021/05/24/a/",
        "brand/logo.svg",
        "images/x.png",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "latest.js",
        "search/?q=x",
        "search/index.js",
        "404.html",
    ]
    line = " ".join(f"{{{{ url_for({name!r}) }}}}" for name in names)
    branded.write(
        {
            "templates/article.html": with_line_3(line),
            "content/images/x.png": b"png",
            "content/c.md": article("C", "2021-05-26", "![x](images/x.png)"),
        }
    )
    assert branded.build().warnings == []


def test_only_the_templates_the_site_uses_are_checked(branded):
    # The search page's template names its scripts; with search off, it makes no page, and its paths are not looked at.
    branded.write(
        {
            "site.yaml": SITE_YAML + "search: {enabled: false}\n",
            "templates/article.html": with_line_3("{{ article.title }}"),
            "templates/search.html": '{% extends "base.html" %}\n{% block content %}{{ url_for("gone.js") }}{% endblock %}\n',
            "templates/unused.html": "{{ url_for('gone.js') }}",
        }
    )
    # (no path of theirs is looked at: the one warning is that nothing uses unused.html, `strays.py`)
    assert [(w.path, w.message.split(":")[0]) for w in branded.build().warnings] == [("templates/unused.html", "not used")]


def test_a_path_named_in_a_template_another_includes_or_extends_is_on_that_templates_line(branded):
    branded.write(
        {
            "templates/article.html": with_line_3('{% include "byline.html" %}'),
            "templates/byline.html": "<p>\n<a href=\"{{ url_for('staff/') }}\">Staff</a>\n</p>\n",
        }
    )
    (warning,) = branded.build().warnings
    assert (warning.path, warning.line) == ("templates/byline.html", 2)


def test_the_preview_warns_when_a_file_a_template_names_is_deleted(branded):
    """A long-lived builder (`ssg serve`, `build --watch`) checks again on each save."""
    builder = Builder()
    config = load_config(branded.root)
    options = BuildOptions(now=NOW)
    branded.write({"templates/article.html": with_line_3(BRAND.replace("tgas/", "tags/"))})
    assert builder.build(config, options).warnings == []
    branded.remove("static/brand/logo.svg")
    (warning,) = builder.build(config, options).warnings
    assert str(warning).startswith("templates/article.html:3: url_for('brand/logo.svg') links to /brand/logo.svg, which this")
    branded.write({"static/brand/logo.svg": "<svg/>"})
    assert builder.build(config, options).warnings == []


def test_a_template_analysed_by_an_earlier_process_is_checked_alike(branded):
    """What a template names is kept with its analysis in the build cache: a new process reads it from there."""
    first = [str(w) for w in branded.build().warnings]
    store = Store(branded.root / ".ssg-cache" / "cache.sqlite", cache_stamp(load_config(branded.root)))
    assert any(links for _, _, links in store.templates().values())
    store.close()
    branded.write({"content/a.md": article("A", "2021-05-24", "Edited.")})
    assert [str(w) for w in branded.build().warnings] == first


@pytest.mark.parametrize(
    ("publisher", "line"),
    [
        ("publisher: {name: Newsroom, logo: brand/nope.svg}\n", 5),
        ("publisher:\n  name: Newsroom\n  logo: /brand/nope.svg\nparams: {logo: x}\n", 7),
    ],
)
def test_a_publisher_logo_that_is_no_file_of_the_site_is_a_warning_on_its_line(branded, publisher, line):
    branded.write({"site.yaml": SITE_YAML + publisher, "templates/article.html": with_line_3("")})
    (warning,) = branded.build().warnings
    written = "/brand/nope.svg" if "/brand" in publisher else "brand/nope.svg"
    assert str(warning) == (
        f"site.yaml:{line}: publisher: logo: {written!r} is no file of the site: every page's JSON-LD (and the feeds) would name "
        "https://example.org/brand/nope.svg, which is not there (did you mean 'brand/logo.svg'? else put the file at "
        "static/brand/nope.svg, or give the logo's full URL)"
    )
    branded.write({"site.yaml": SITE_YAML + publisher.replace("nope", "logo")})
    assert branded.build().warnings == []
    branded.write({"site.yaml": SITE_YAML + "publisher: {logo: 'https://cdn.example.com/logo.svg'}\n"})
    assert branded.build().warnings == []


def test_a_path_a_templates_own_html_writes_from_the_root_is_a_warning_saying_how_to_write_it(project):
    """A designer pasted the newsroom's header, `<link href="/css/site.css">`, into a template: right on the host's root
    alone, it led nowhere under a sub-path and opened from disk, and no build said so (`ssg check --links` neither,
    where the file is there). A URL to another host (`//cdn...`) and url_for's paths are no such path."""
    head = (
        '<link rel="stylesheet" href="/css/site.css">\n'
        '<a href="/tags/{{ page.lang }}/">t</a> <a href="//cdn.example.org/x.js">cdn</a> <a href="{{ url_for(\'tags/\') }}">ok</a>\n'
        '<style>.mast { background: url("/images/mast.png") }</style>\n'
    )
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/head_extra.html": head, "static/css/site.css": "b{}"})
    warnings = [str(w) for w in project.build().warnings]
    shared = "is written from the host's root, which a site under a sub-path and a page opened from disk do not share"
    assert warnings == [
        f"""templates/head_extra.html:1: href="/css/site.css" {shared} (write href="{{{{ url_for('css/site.css') }}}}")""",
        f"""templates/head_extra.html:2: href="/tags/…" {shared} (write href="{{{{ url_for('tags/' ~ ...) }}}}")""",
        f"""templates/head_extra.html:3: url(/images/mast.png) {shared} (write url({{{{ url_for('images/mast.png') }}}}))""",
    ]
    [first] = project.build(base_url="https://example.org/archive/").warnings[:1]
    assert str(first).startswith(
        'templates/head_extra.html:1: href="/css/site.css" is written from the host\'s root: it leads to '
        "https://example.org/css/site.css, not https://example.org/archive/css/site.css, nor to a file opened from disk"
    )


def test_a_root_path_in_an_html_comment_is_none_and_a_lazy_images_is_named_by_its_attribute(project):
    """The newsroom's old header kept in a comment, `<!-- <link href="/css/old.css"> -->`, links nothing, and was a
    warning on every build; `data-src="/images/a.png"` (a lazy-loaded picture) was named `src="/images/a.png"`, which
    the template does not have. A path of the host's own server, outside the site, written as an expression is left
    alone (`{{ '/cgi-bin/subscribe' }}`)."""
    head = (
        '<!-- the old header:\n<link href="/css/old.css">\n-->\n<img data-src="/images/a.png" alt="">\n'
        "<form action=\"{{ '/cgi-bin/subscribe' }}\"></form>\n"
    )
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/head_extra.html": head})
    assert [str(w).split(" is written")[0] for w in project.build().warnings] == ['templates/head_extra.html:4: data-src="/images/a.png"']
