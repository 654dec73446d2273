"""Themes of one's own: theme.yaml, a theme that extends another, `ssg theme --new`, the templates a theme must have."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssg import themeconfig
from ssg.cli import main
from ssg.errors import SsgError

from .conftest import article, tree


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def courier(project):
    """A site with a theme of its own, `courier`, that extends the default theme and changes one template, a stylesheet
    and a string."""
    return project.write(
        {
            "site.yaml": "title: Test archive\nbase_url: https://example.org/\ntheme: courier\n",
            "content/a.md": article("Soyuz lands", "2021-05-24 10:00", tags="[Soyuz]"),
            "themes/courier/theme.yaml": "name: courier\ndescription: A newsroom's look.\nextends: default\n",
            "themes/courier/templates/article.html": (
                '{% extends "base.html" %}\n{% block content %}<h1 class="courier">{{ article.title }}</h1>{{ content }}{% endblock %}\n'
            ),
            "themes/courier/static/assets/style.css": "body { color: black }\n",
            "themes/courier/i18n/en.yaml": "nav_archive: Back issues\n",
        }
    )


def test_a_theme_that_extends_another_falls_back_to_its_templates_static_files_and_strings(courier):
    courier.build()
    assert '<h1 class="courier">Soyuz lands</h1>' in courier.page("2021/05/24/a/")
    home = courier.page("")
    assert 'class="entries"' in home  # the default theme's list.html and card.html
    assert ">Back issues</a>" in home and ">Tags</a>" in home  # courier's string, the default theme's others
    assert (courier.public / "assets/style.css").read_text(encoding="utf-8") == "body { color: black }\n"
    assert (courier.public / "assets/site.js").is_file()  # the default theme's


def test_the_sites_files_still_win_over_every_theme_of_the_chain(courier):
    courier.write(
        {"templates/article.html": '{% extends "base.html" %}{% block content %}site{% endblock %}', "i18n/en.yaml": "nav_archive: All\n"}
    )
    courier.build()
    assert "<main" in courier.page("2021/05/24/a/") and 'class="courier"' not in courier.page("2021/05/24/a/")
    assert ">All</a>" in courier.page("")


def test_a_template_extends_the_one_it_replaces_by_the_themes_name(courier):
    """A site's base.html could not extend the theme's: changing the header meant copying all of it."""
    courier.write(
        {
            "templates/base.html": '{% extends "default:base.html" %}\n{% block head %}<meta name="x-site" content="1">{% endblock %}\n',
            "templates/article.html": '{% extends "courier:article.html" %}\n{% block content %}<p>before</p>{{ super() }}{% endblock %}\n',
        }
    )
    courier.build()
    page = courier.page("2021/05/24/a/")
    assert '<meta name="x-site" content="1">' in page and '<a class="skip-link"' in page  # the default's base, a block changed
    assert '<p>before</p><h1 class="courier">Soyuz lands</h1>' in page


def test_theme_yaml_is_checked_and_every_problem_of_the_chain_named_at_once(courier):
    courier.write(
        {
            "themes/courier/theme.yaml": "name: courier\nparent: default\nextends: paper\nsearch_static: assets/search.js\n",
            "themes/paper/theme.yaml": "extends: defualt\ndescripton: x\n",
        }
    )
    result = run("-C", str(courier.root), "build")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "error: themes/courier/theme.yaml:2: parent: unknown key (did you mean 'extends'?)",
        "error: themes/courier/theme.yaml:4: search_static: 'assets/search.js' is not a list of paths under static/ (e.g. [assets/search.js, vendor/lunr/])",
        "error: themes/paper/theme.yaml:1: extends: no theme 'defualt' (looked for themes/defualt/ with templates/ or theme.yaml in the project and in ssg's own themes; did you mean 'default'?)",
        "error: themes/paper/theme.yaml:2: descripton: unknown key (did you mean 'description'?)",
        "Build failed: 4 problems.",
    ]
    assert not courier.public.exists()


def test_themes_that_extend_each_other_are_an_error_naming_the_cycle(courier):
    courier.write({"themes/courier/theme.yaml": "extends: paper\n", "themes/paper/theme.yaml": "# the paper theme\nextends: courier\n"})
    with pytest.raises(SsgError) as raised:
        courier.build()
    assert [str(p) for p in raised.value.problems] == [
        "themes/paper/theme.yaml:2: extends: 'courier' makes a cycle (courier -> paper -> courier): a theme cannot extend "
        "itself or a theme that extends it; remove one of the extends:"
    ]


def test_a_theme_edit_in_the_theme_it_extends_rebuilds(courier):
    """A parent theme's file is an input of the build as the theme's own are."""
    courier.write({"themes/paper/templates/tags.html": '{% extends "base.html" %}{% block content %}paper tags{% endblock %}'})
    courier.write({"themes/courier/theme.yaml": "extends: paper\n", "themes/paper/theme.yaml": "extends: default\n"})
    courier.build()
    assert "paper tags" in courier.page("tags/")
    courier.write({"themes/paper/templates/tags.html": '{% extends "base.html" %}{% block content %}paper tags 2{% endblock %}'})
    assert not courier.build().up_to_date
    assert "paper tags 2" in courier.page("tags/")


def test_theme_new_starts_a_theme_that_extends_the_sites(project, monkeypatch):
    """Starting a theme meant copying the default's every file, which then no longer received its fixes."""
    monkeypatch.chdir(project.root)
    project.write({"content/a.md": article("A", "2021-05-24 10:00")})
    project.build()
    before = tree(project.public)
    made = run("-C", str(project.root), "theme", "--new", "courier", "article.html", "static/assets/style.css")
    assert made.exit_code == 0, made.output
    assert made.output.splitlines() == [
        "created themes/courier/static/assets/style.css",
        "created themes/courier/templates/article.html",
        "created themes/courier/theme.yaml",
        'To build with it, set `theme: courier` in site.yaml (see docs/templates.md, "Making a theme").',
    ]
    assert "\nextends: default\n" in (project.root / "themes/courier/theme.yaml").read_text(encoding="utf-8")
    project.write({"site.yaml": (project.root / "site.yaml").read_text(encoding="utf-8") + "theme: courier\n"})
    project.build()
    assert tree(project.public) == before  # copies of the default's: the same site
    listed = run("-C", str(project.root), "theme")
    assert "Theme 'courier': " in listed.output and "  which extends 'default': " in listed.output
    assert "  templates/article.html\n" in listed.output and "  templates/list.html  (from default)\n" in listed.output
    again = run("-C", str(project.root), "theme", "--new", "courier")
    assert (
        again.exit_code == 1
        and "error: themes/courier: is there already; nothing was changed (choose another name; to copy" in again.output
    )
    named = run("-C", str(project.root), "theme", "--new", "default")
    assert named.exit_code == 1 and "themes/default: is the name of a theme it would extend (courier -> default)" in named.output
    assert not (project.root / "themes/default").exists()


MINIMAL = {
    "templates/base.html": "<!doctype html><title>{{ page.title }}</title>{% block content %}{% endblock %}\n",
    "templates/article.html": '{% extends "base.html" %}{% block content %}<h1>{{ article.title }}</h1>{{ content }}{% endblock %}\n',
    "templates/list.html": '{% extends "base.html" %}{% block content %}{% for a in articles %}<a href="{{ url_for(a) }}">{{ a.title }}</a>{% endfor %}{% endblock %}\n',
}


@pytest.fixture
def minimal(project):
    """A theme written from nothing, as a newsroom's web person starts one: no theme.yaml, three templates."""
    project.write({"site.yaml": "title: Test archive\nbase_url: https://example.org/\ntheme: courier\npaginate: 1\n"})
    project.write({"content/a.md": article("A", "2021-05-24 10:00", tags="[Soyuz]"), "content/b.md": article("B", "2021-05-25 10:00")})
    return project.write({f"themes/courier/{name}": text for name, text in MINIMAL.items()})


def test_build_and_check_name_every_template_a_theme_lacks_at_once(minimal):
    """`build` named tags.html, then the next one; `check` also wanted card.html, which no template used."""
    built, checked = run("-C", str(minimal.root), "build"), run("-C", str(minimal.root), "check")
    assert built.exit_code == checked.exit_code == 1
    hint = "(write it, or add `extends: default` to themes/courier/theme.yaml to use the default theme's)"
    errors = [
        f"error: themes/courier/templates/404.html: not found: the page shown for a missing page (404.html) is made with it {hint}",
        f"error: themes/courier/templates/archive.html: not found: the archive (archive/) is made with it {hint}",
        f"error: themes/courier/templates/tags.html: not found: the tags index (tags/) is made with it {hint}",
    ]
    assert [line for line in built.output.splitlines() if line.startswith("error")] == errors
    assert [line for line in checked.output.splitlines() if line.startswith("error")] == errors


def test_ssgs_plain_sources_page_without_the_base_it_extends_is_told_where_the_theme_would_have_it(minimal):
    """A theme without base.html (or sources.html): the error was `sources.html:1: extends 'base.html'`, a template the
    user never wrote, which is ssg's own (a trial)."""
    (minimal.root / "themes/courier/templates/base.html").unlink()
    result = run("-C", str(minimal.root), "build")
    assert (
        "error: themes/courier/templates/sources.html: not there, so ssg's plain sources.html is used, which extends "
        "'base.html', which is not found (in themes/courier/templates; write it, or add `extends: default` to "
        "themes/courier/theme.yaml to use the default theme's)"
    ) in result.output.splitlines()
    assert "no page links its Atom feeds" not in result.output  # (said of base.html, which is not there)


def test_a_template_a_template_names_is_reported_on_its_line(minimal):
    minimal.write(
        {
            "themes/courier/templates/list.html": '{% extends "bsae.html" %}\n{% block content %}{% for a in articles %}{{ card(a) }}{% endfor %}{% endblock %}\n',
            "themes/courier/templates/tags.html": '{% extends "base.html" %}{% include "partial.html" ignore missing %}',
            # Jinja takes the first of a list that is there: one missing before one that is, or one made as it renders.
            "themes/courier/templates/archive.html": '{% extends "base.html" %}{% include ["parts/archive.html", "base.html"] %}\n'
            '{% include ["parts/" ~ page.kind ~ ".html", "parts/none.html"] %}\n{% include ["parts/a.html", "parts/b.html"] %}',
            "themes/courier/templates/404.html": '{% extends "base.htm" %}',
        }
    )
    for command in ("build", "check"):
        result = run("-C", str(minimal.root), command)
        assert [line for line in result.output.splitlines() if line.startswith("error")] == [
            "error: themes/courier/templates/404.html:1: extends 'base.htm', which is not found (in themes/courier/templates; did you mean 'base.html'?)",
            "error: themes/courier/templates/archive.html:3: includes 'parts/a.html', which is not found (in themes/courier/templates; write it, "
            "or add `extends: default` to themes/courier/theme.yaml to use the default theme's)",
            "error: themes/courier/templates/archive.html:3: includes 'parts/b.html', which is not found (in themes/courier/templates; write it, "
            "or add `extends: default` to themes/courier/theme.yaml to use the default theme's)",
            "error: themes/courier/templates/list.html:1: extends 'bsae.html', which is not found (in themes/courier/templates; did you mean 'base.html'?)",
            "error: themes/courier/templates/list.html:2: calls card(...), which renders card.html (an article's entry in a listing), "
            "which is not found (in themes/courier/templates; write it, or add `extends: default` to themes/courier/theme.yaml to use the default theme's)",
        ]


def test_a_theme_of_its_own_builds_without_card_or_search_templates_and_its_titles_are_never_none(minimal):
    minimal.write({f"themes/courier/templates/{name}": '{% extends "base.html" %}' for name in ("tags.html", "archive.html", "404.html")})
    assert run("-C", str(minimal.root), "check").exit_code == 0
    result = minimal.build()
    assert [str(w) for w in result.warnings if "Atom feeds" not in str(w)] == [  # (its base.html links none: reach.py)
        "site.yaml: search: is on, but the theme 'courier' has no search.html: the site is built without search (no search "
        "page, index or scripts); give the theme a search.html (or `extends: default` in its theme.yaml), or set search: {enabled: false}"
    ]
    for path in ("", "page/2/", "tags/", "archive/"):
        assert "<title>Test archive</title>" in minimal.page(path)
    assert "<title>Soyuz</title>" in minimal.page("tags/soyuz/") and "<title>A</title>" in minimal.page("2021/05/24/a/")
    assert "<title>Test archive</title>" in (minimal.public / "404.html").read_text(encoding="utf-8")
    files = set(minimal.files())
    assert not any(path.startswith(("search/", "vendor/")) or path == "assets/search.js" for path in files), files


def test_a_build_names_every_templates_error_not_only_the_first_pages(minimal):
    minimal.write(
        {
            "themes/courier/theme.yaml": "extends: default\n",
            "themes/courier/templates/article.html": '{% extends "base.html" %}{% block content %}{{ article.titel }}{% endblock %}',
            "themes/courier/templates/tags.html": '{% extends "base.html" %}{% block content %}{{ tags.size }}{% endblock %}',
        }
    )
    built, checked = run("-C", str(minimal.root), "build"), run("-C", str(minimal.root), "check")
    errors = [
        "error: themes/courier/templates/article.html:1: UndefinedError: 'Article' object has no attribute 'titel' (did you mean 'title'?)",
        "error: themes/courier/templates/tags.html:1: UndefinedError: 'tuple' object has no attribute 'size' (its attributes: count, index)",
    ]
    for output in (built.output, checked.output):  # (each names a page it rendered: which one, the build's order says)
        assert [re.sub(r" \(rendering [^)]*\)$", "", line) for line in output.splitlines() if line.startswith("error")] == errors


def test_search_off_ships_no_search_scripts(project):
    """`search: {enabled: false}` still shipped search.js and lunr (with lunr's licences, for code no page loaded)."""
    project.write({"content/a.md": article("A", "2021-05-24 10:00")})
    project.write({"site.yaml": (project.root / "site.yaml").read_text(encoding="utf-8") + "search: {enabled: false}\n"})
    project.build()
    files = set(project.files())
    assert {"assets/site.js", "assets/style.css"} <= files
    assert not any(path.startswith(("search/", "vendor/")) or path == "assets/search.js" for path in files), files
    assert 'role="search"' not in project.page("")
    project.write({"site.yaml": (project.root / "site.yaml").read_text(encoding="utf-8").replace("false", "true")})
    project.build()
    files = set(project.files())
    assert {"assets/search.js", "vendor/lunr/lunr.min.js", "vendor/lunr/LICENSE-lunr.txt", "search/index.html"} <= files


def test_templates_saved_where_ssg_never_reads_them_are_each_a_warning(courier):
    """A designer saved templates/partials/footer.html (Hugo's habit), layouts/ and _includes/ (Hugo's, Jekyll's
    folders), a misspelt templates/artcle.html and themes/courier/list.html beside the theme's templates/: the preview
    rebuilt, nothing changed, and no build said why. A partial that a template includes is no stray; nor is one where a
    template includes a name made as it renders, which may be any."""
    footer = "<footer>Newsroom</footer>\n"
    courier.write(
        {
            "templates/partials/footer.html": footer,
            "templates/artcle.html": footer,
            "templates/list.j2": footer,  # (Jinja's ending elsewhere: ssg takes templates by their .html name)
            "templates/partials/byline.html": "<p>By the desk</p>\n",  # included below: used
            "templates/head_extra.html": '{% include "partials/byline.html" %}\n',
            "layouts/footer.html": footer,
            "_includes/footer.html": footer,
            "themes/courier/list.html": footer,
            "templates/search.html": '{% extends "default:search.html" %}\n',  # a page template, whether search is on or not
        }
    )
    warnings = sorted(str(w) for w in courier.build().warnings)
    used = "not used: no page is made with it, and no template includes, extends or imports it"
    assert warnings == [
        "_includes/: Jekyll's and Eleventy's templates folder, not read: ssg reads templates from templates/, by name (see docs/templates.md)",
        "layouts/: Hugo's templates folder, not read: ssg reads templates from templates/, by name (see docs/templates.md)",
        f"templates/artcle.html: {used} (to replace the theme's article.html, save it as templates/article.html)",
        f"templates/list.j2: {used} (to replace the theme's list.html, save it as templates/list.html)",
        f"templates/partials/footer.html: {used} (to replace the theme's footer.html, save it as templates/footer.html)",
        "themes/courier/list.html: not read: a theme's templates are read from themes/courier/templates/ (move it to "
        "themes/courier/templates/list.html)",
    ]
    courier.write({"templates/head_extra.html": '{% include "partials/" ~ site.params.get("part", "byline") ~ ".html" %}\n'})
    assert not [w for w in courier.build().warnings if "not used" in str(w)]


def test_a_theme_without_interface_strings_is_not_told_to_copy_english_ones_it_does_not_have(minimal):
    """A theme written from nothing writes its words in its templates: on a bilingual site, every build told it to
    "copy the theme's i18n/en.yaml to i18n/ru.yaml", which it does not have."""
    minimal.write({f"themes/courier/templates/{name}": '{% extends "base.html" %}' for name in ("tags.html", "archive.html", "404.html")})
    minimal.write({"site.yaml": "title: Test archive\nbase_url: https://example.org/\ntheme: courier\nlanguages: {en: {}, ru: {}}\n"})
    assert not [str(w) for w in minimal.build().warnings if "interface strings" in str(w)]
    minimal.write({"themes/courier/i18n/en.yaml": "read_more: Read on\n"})  # one it has: ru lacks it
    assert [w.field for w in minimal.build().warnings if "interface strings" in str(w)] == ["languages"]


def test_the_theme_listing_says_which_files_the_site_replaces(courier):
    """After `ssg theme card.html style.css`, the listing showed the theme's files as before: which of them the pages no
    longer take (and which keep receiving the theme's fixes) was not said."""
    assert run("-C", str(courier.root), "theme", "card.html", "style.css", "i18n/en.yaml").exit_code == 0
    listed = run("-C", str(courier.root), "theme").output
    assert "  templates/card.html  (from default; the site's templates/card.html replaces it)\n" in listed
    assert "  static/assets/style.css  (the site's static/assets/style.css replaces it)\n" in listed  # (courier's own)
    assert "  i18n/en.yaml  (the site's i18n/en.yaml wins over it, key by key)\n" in listed
    assert "  templates/list.html  (from default)\n" in listed


def test_a_template_that_extends_its_own_name_says_how_to_extend_the_themes(courier):
    """A designer's templates/article.html that adds a line to the theme's, `{% extends "article.html" %}`, extended
    itself: the build stopped on "RecursionError: maximum recursion depth exceeded in comparison"."""
    courier.write({"templates/article.html": '{% extends "article.html" %}\n{% block content %}{{ super() }}<p>Desk</p>{% endblock %}\n'})
    with pytest.raises(SsgError) as error:
        courier.build()
    assert str(error.value) == (
        "templates/article.html:1: extends 'article.html', which is this template itself (to extend the theme's, write "
        '{% extends "courier:article.html" %})'
    )
    courier.write(
        {"templates/article.html": '{% extends "courier:article.html" %}\n{% block content %}{{ super() }}<p>Desk</p>{% endblock %}\n'}
    )
    courier.build()
    assert "<p>Desk</p>" in courier.page("2021/05/24/a/")


def test_a_template_that_includes_itself_on_no_condition_is_told_on_its_line(courier):
    """`{% include "article.html" %}` in the site's article.html is itself: the build reported a RecursionError on
    whichever line Python's limit was met, the theme's templates' in ssg's folder, once or twice a run (a trial).
    On a condition (a menu's nested items) a template may include itself."""
    courier.write(
        {
            "templates/article.html": '{% extends "courier:article.html" %}\n{% block content %}\n{{ super() }}\n{% include "article.html" %}\n{% endblock %}\n'
        }
    )
    for command in ("build", "check"):
        result = run("-C", str(courier.root), command)
        assert [line for line in result.output.splitlines() if line.startswith("error")] == [
            "error: templates/article.html:4: includes 'article.html', which is this template itself, on no condition: its pages "
            'would never end (to include the theme\'s, write {% include "courier:article.html" %})'
        ]
    courier.write(
        {
            "templates/article.html": '{% extends "courier:article.html" %}{% block content %}{{ super() }}'
            '{% if nested is not defined %}{% set nested = 1 %}<p>Nested</p>{% include "article.html" %}{% endif %}{% endblock %}'
        }
    )
    courier.build()
    assert courier.page("2021/05/24/a/").count("<p>Nested</p>") == 1


def test_a_partial_only_a_macro_file_of_another_ending_imports_is_used(courier):
    """templates/helpers.j2, imported by macros.j2, which search.html imports (search off: no page takes them), was
    told "not used": templates of other endings than .html, .xml and .txt were not read for what they import."""
    courier.write(
        {
            "site.yaml": "title: Test archive\nbase_url: https://example.org/\ntheme: courier\nsearch: {enabled: false}\n",
            "templates/search.html": '{% extends "default:search.html" %}{% import "macros.j2" as m %}\n',
            "templates/macros.j2": '{% import "helpers.j2" as h %}{% macro note() %}{{ h.x() }}{% endmacro %}\n',
            "templates/helpers.j2": "{% macro x() %}X{% endmacro %}\n",
        }
    )
    assert not [str(w) for w in courier.build().warnings if "not used" in str(w)]


def test_a_templates_folder_named_as_hugos_in_site_yaml_is_no_stray(project):
    """A site moved from Hugo kept its folder's name, `templates_dir: layouts`: every build warned that layouts/ was
    "Hugo's templates folder, not read: ssg reads templates from layouts/"."""
    project.write(
        {
            "site.yaml": "title: Test archive\nbase_url: https://example.org/\ntemplates_dir: layouts\n",
            "content/a.md": article("A", "2021-05-24 10:00"),
            "layouts/head_extra.html": '<meta name="desk" content="news">\n',
        }
    )
    assert project.build().warnings == []
    assert '<meta name="desk" content="news">' in project.page("")


def test_a_block_the_template_it_extends_never_shows_is_a_warning_on_its_line(courier):
    """A designer's article.html with `{% block contents %}` (base.html's is `content`) built every article page
    without its text, and neither `ssg build` nor `ssg check` said a word. A block inside one that is shown is shown."""
    courier.write(
        {
            "themes/courier/templates/article.html": (
                '{% extends "base.html" %}\n{% block head %}{% block extra_head %}{% endblock %}{% endblock %}\n'
                "{% block contents %}<h1>{{ article.title }}</h1>{% endblock %}\n"
            ),
            "templates/list.html": '{% extends "default:list.html" %}\n\n{% block sidebar %}Desk{% endblock %}\n',
        }
    )
    warnings = sorted(str(w) for w in courier.build().warnings)
    assert warnings == [
        "templates/list.html:3: {% block sidebar %} is no block of default:list.html, which never shows it (default:list.html "
        "and the templates it extends have the blocks content, head, title)",
        "themes/courier/templates/article.html:3: {% block contents %} is no block of base.html, which never shows it (did "
        "you mean {% block content %}? base.html and the templates it extends have the blocks content, head, title)",
    ]
    assert warnings == sorted(str(w) for w in courier.build(dry_run=True).warnings)  # (ssg check)
    courier.write({"themes/courier/templates/article.html": '{% extends "base.html" %}\n{% block content %}{% endblock %}\n'})
    courier.write({"templates/list.html": '{% extends "default:list.html" %}\n{% block content %}{{ super() }}{% endblock %}\n'})
    assert courier.build().warnings == []


def test_a_themes_stylesheet_url_to_nothing_is_told_on_the_line_of_the_file_to_edit(courier):
    """`ssg check --links` said `broken: css/clip.css: ../img/paper.png: no such file img/paper.png`: the built file,
    without a line, where the one to edit was themes/courier/static/css/clip.css (or the site's static/...)."""
    courier.write(
        {
            "themes/courier/static/css/clip.css": "body { color: black }\n.mast { background: url(../img/paper.png) }\n",
            "static/css/site.css": '@font-face { font-family: X; src: url("../fonts/x.woff2") format("woff2") }\n',
        }
    )
    courier.build()
    result = run("-C", str(courier.root), "check", "--links")
    assert result.exit_code == 1
    broken = sorted(line for line in result.output.splitlines() if line.startswith("broken: "))
    assert broken == [
        "broken: css/clip.css:2: ../img/paper.png: no such file img/paper.png (written by themes/courier/static/css/clip.css:2)",
        "broken: css/site.css:1: ../fonts/x.woff2: no such file fonts/x.woff2 (written by static/css/site.css:1)",
    ]


def test_a_string_printed_without_the_values_its_placeholders_ask_for_is_a_warning_on_its_line(courier):
    """A designer's `{{ t("image_source") }}: {{ image.credit }}` printed "Источник изображения: {credit}: ТАСС" on
    every article with an image, and nothing said why. A string no template fills (the search page's, which search.js
    fills) may be printed as it is."""
    courier.write(
        {
            "themes/courier/templates/article.html": (
                '{% extends "base.html" %}\n{% block content %}\n<p>{{ t("image_source") }}</p>\n'
                '<p>{{ t("page_n_of_m") }}</p>\n<p data-none="{{ t("search_no_results") }}"></p>\n'
                '<p>{{ t("article_count", count=3) }}</p>\n{% endblock %}\n'
            )
        }
    )
    assert sorted(str(w) for w in courier.build().warnings) == [
        "themes/courier/templates/article.html:3: t('image_source') prints 'Image source: {credit}' with {credit} as it is "
        "(give the value: t('image_source', credit=...))",
        "themes/courier/templates/article.html:4: t('page_n_of_m') prints 'Page {page} of {pages}' with {page}, {pages} as "
        "it is (give the values: t('page_n_of_m', page=..., pages=...))",
    ]
    # (a call the template goes on with fills its values there: no word; second reading, helper-127)
    courier.write(
        {
            "themes/courier/templates/article.html": (
                '{% extends "base.html" %}\n{% block content %}\n<p>{{ t("image_source") | replace("{credit}", "ТАСС") }}</p>\n'
                '<p>{{ t("page_n_of_m").format(page=1, pages=2) }}</p>\n{% endblock %}\n'
            )
        }
    )
    assert courier.build().warnings == []
    assert "<p>Image source: ТАСС</p>" in courier.page("2021/05/24/a/") and "<p>Page 1 of 2</p>" in courier.page("2021/05/24/a/")


def test_theme_new_copies_more_files_into_a_theme_that_is_there(courier, monkeypatch):
    """A designer who had started themes/courier and wanted the default's footer.html in it was told "themes/courier: is
    there already; nothing was changed (choose another name)", and `ssg theme footer.html` copied it into the site's
    templates/, not the theme: the one way was to find the default theme's folder and copy it by hand."""
    monkeypatch.chdir(courier.root)
    made = run("-C", str(courier.root), "theme", "--new", "courier", "footer.html", "i18n/ru.yaml")
    assert made.exit_code == 0, made.output
    assert made.output.splitlines() == ["created themes/courier/i18n/ru.yaml", "created themes/courier/templates/footer.html"]
    listed = run("-C", str(courier.root), "theme").output
    assert "  templates/footer.html\n" in listed and "copy it there: ssg theme --new courier base.html" in listed
    default = Path(re.search(r"which extends 'default': (.+)", listed)[1])
    copied = courier.root / "themes/courier/templates/footer.html"
    assert copied.read_bytes() == (default / "templates/footer.html").read_bytes()
    again = run("-C", str(courier.root), "theme", "--new", "courier", "base.html", "article.html")  # (courier's own: none copied)
    assert again.exit_code == 1 and "themes/courier/templates/article.html: is there already; nothing was changed" in again.output
    assert not (courier.root / "themes/courier/templates/base.html").exists()
    # A folder that is no theme yet (no theme.yaml) was told "site.yaml: theme: no theme 'paper'" (second reading, helper-127).
    (courier.root / "themes/paper/templates").mkdir(parents=True)
    other = run("-C", str(courier.root), "theme", "--new", "paper", "footer.html")
    assert other.exit_code == 1 and "themes/paper: is there already, and is no theme: it has no theme.yaml (write one there" in other.output


def test_a_theme_whose_pages_link_no_search_page_or_feeds_is_told_so(courier):
    """A designer's base.html, written anew, left out the header's search form and the feeds' <link rel="alternate">
    (the default's meta.html): the build wrote a search page, its index and the feeds, which no page led to, and every
    check passed. The 404 page's own search form is no way in; a literal path is one."""
    base = (
        "<!doctype html><html><head><title>{{ page.title }}</title>{{ extra_head }}</head>\n"
        "<body>{% block content %}{% endblock %}</body></html>\n"
    )
    courier.write(
        {
            "themes/courier/templates/base.html": base.replace("{{ extra_head }}", ""),
            "themes/courier/templates/404.html": '{% extends "base.html" %}{% block content %}<form action="{{ url_for(site.search) }}"></form>{% endblock %}',
        }
    )
    warnings = [str(w) for w in courier.build().warnings]
    assert warnings == [
        "themes/courier/templates/base.html: no page links to the search page (search/): readers have no way to search the "
        'archive; add a search form where every page has it, as the default theme\'s base.html does (<form role="search" '
        'action="{{ url_for(site.search) }}"><input type="search" name="q"></form>), or set search: {enabled: false}',
        "themes/courier/templates/base.html: no page links its Atom feeds: browsers and feed readers find none; include the "
        'theme\'s meta.html in <head> ({% include "meta.html" %}), or write <link rel="alternate" type="application/atom+xml" '
        'href="{{ url_for(feed) }}"> for each feed of meta.feeds',
    ]
    assert [str(w) for w in courier.build(dry_run=True).warnings] == warnings  # (ssg check)
    linked = base.replace("{{ extra_head }}", '{% include "meta.html" %}<a href="{{ url_for(\'search/\') }}">Search</a>')
    courier.write({"themes/courier/templates/base.html": linked})
    assert courier.build().warnings == []


def test_a_file_a_themes_template_names_and_nothing_has_is_to_be_put_in_the_themes_static_folder(courier):
    """`url_for('brand/mark.png')` in themes/courier/templates/base.html was told "put the file at static/brand/mark.png":
    the site's folder, where the theme, used by another site, would not have it."""
    courier.write(
        {
            "themes/courier/templates/article.html": (
                '{% extends "base.html" %}\n{% block content %}\n<img src="{{ url_for(\'brand/mark.png\') }}" alt="">\n{% endblock %}\n'
            ),
            "templates/footer.html": '<footer><img src="{{ url_for(\'brand/foot.png\') }}" alt=""></footer>\n',
        }
    )
    assert sorted(str(w) for w in courier.build().warnings) == [
        "templates/footer.html:1: url_for('brand/foot.png') links to /brand/foot.png, which this site does not have (put the "
        "file at static/brand/foot.png, or fix the path)",
        "themes/courier/templates/article.html:3: url_for('brand/mark.png') links to /brand/mark.png, which this site does not "
        "have (put the file at themes/courier/static/brand/mark.png, or fix the path)",
    ]


def test_a_sites_branding_that_its_themes_base_leaves_out_is_a_warning_saying_what_to_add(courier):
    """A site's custom.css, favicon and brand.html (docs/templates.md, "Branding your site") under a theme whose base.html
    was written anew changed nothing, and the build said nothing (brand.html was "not used ... pages are made with
    404.html, archive.html, ...", as if misnamed)."""
    base = (
        '<!doctype html><html><head><title>{{ page.title }}</title>{% include "meta.html" %}</head>\n'
        '<body><a href="{{ url_for(site.search) }}">Search</a>{% block content %}{% endblock %}</body></html>\n'
    )
    courier.write(
        {
            "themes/courier/templates/base.html": base,
            "static/assets/custom.css": "body { color: teal }\n",
            "static/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
            "templates/brand.html": '<a class="brand" href="{{ url_for(site.home) }}">Desk</a>\n',
        }
    )
    assert sorted(str(w) for w in courier.build().warnings) == [
        "static/assets/custom.css: no page links it: no template the pages are made with reads site.custom_css, as the "
        'default theme\'s base.html does; add <link rel="stylesheet" href="{{ url_for(site.custom_css) }}"> after its own '
        "stylesheet to themes/courier/templates/base.html",
        "static/favicon.svg: no page links it: no template the pages are made with reads site.favicon, as the default "
        'theme\'s base.html does; add <link rel="icon" href="{{ url_for(site.favicon) }}"> to themes/courier/templates/base.html',
        "templates/brand.html: not used: no template the pages are made with includes brand.html (the default theme's "
        'base.html does, which a template of this project replaces): add {% include "brand.html" %} where it belongs',
    ]
    linked = base.replace(
        "</title>",
        '</title><link rel="stylesheet" href="{{ url_for(site.custom_css) }}"><link rel="icon" href="{{ url_for(site.favicon) }}">',
    )
    courier.write({"themes/courier/templates/base.html": linked.replace("<body>", '<body>{% include "brand.html" %}')})
    assert courier.build().warnings == []


def test_a_page_template_that_lost_its_extends_is_a_warning_on_its_block(courier):
    """An article.html whose `{% extends "base.html" %}` was lost made every article page of its block's text alone, with
    no head, stylesheet or header, and nothing was said. A template with its own <html> is a page of its own."""
    courier.write(
        {"themes/courier/templates/article.html": "\n{% block content %}<h1>{{ article.title }}</h1>{{ content }}{% endblock %}\n"}
    )
    assert [str(w) for w in courier.build().warnings] == [
        "themes/courier/templates/article.html:2: {% block content %} in a template that extends nothing: its pages are the "
        "block's text alone, without base.html's <head>, stylesheet and header (start it with {% extends \"base.html\" %})"
    ]
    courier.write({"themes/courier/templates/article.html": "<!doctype html><html>{% block content %}{{ content }}{% endblock %}</html>\n"})
    assert courier.build().warnings == []
    # (its <html> in what it includes, a layout of includes: second reading, helper-127)
    courier.write(
        {
            "themes/courier/templates/head.html": "<!doctype html><html><head><title>x</title></head><body>",
            "themes/courier/templates/article.html": '{% include "head.html" %}{% block content %}{{ content }}{% endblock %}</body></html>\n',
        }
    )
    assert courier.build().warnings == []


@pytest.mark.parametrize(("beside", "other_found"), [("site-packages", False), ("dist-packages", False), ("checkout", True)])
def test_the_themes_folder_beside_ssg_is_searched_only_in_its_source_checkout(tmp_path, monkeypatch, beside, other_found):
    """Installed from a wheel, ssg's package folder is site-packages/ssg and the folder beside it site-packages, whose
    themes/ (any other distribution's) was searched as its source checkout's themes/ is: a site's `theme:` could be it.
    A checkout is one without its pyproject.toml too (`git archive` of ssg/ and themes/, as the benchmarks run one)."""
    beside = tmp_path / beside
    for theme in ("ssg/themes/default", "themes/other"):
        (beside / theme / "templates").mkdir(parents=True)
    monkeypatch.setattr(themeconfig, "PACKAGE_DIR", beside / "ssg")
    project = tmp_path / "site"
    assert themeconfig.find_theme(project, "default") == beside / "ssg/themes/default"
    assert (themeconfig.find_theme(project, "other") is not None) == other_found
    assert themeconfig.theme_names(project) == (["default", "other"] if other_found else ["default"])
