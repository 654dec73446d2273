"""A template's runtime error (an unknown name or attribute): `ssg check` finds what `ssg build` finds, and the preview
shows it over the page and goes on."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from ssg.cli import main
from ssg.errors import TemplateError

from .conftest import article
from .test_invalid_sites import CASES, clock_args
from .test_server import ARTICLE_URL, Events, get, running, site  # noqa: F401 - `site`: the fixture, used by name


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_check_reports_what_build_reports_and_writes_nothing(case, tmp_path):
    """Each invalid site gives `ssg check` the messages it gives `ssg build` (tests/test_invalid_sites.py)."""
    project = tmp_path / case
    shutil.copytree(CASES / case, project, ignore=shutil.ignore_patterns("expected.txt", "clock.txt"))
    (project / "content").mkdir(exist_ok=True)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = CliRunner().invoke(main, ["-C", str(project), "check", *clock_args(case)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == (CASES / case / "expected.txt").read_text(encoding="utf-8").replace("Build failed", "Check failed")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_an_unknown_name_in_the_preview_is_shown_over_the_page_and_the_server_goes_on(site):  # noqa: F811 - the fixture
    with running(site.root) as preview:
        events = Events(preview)
        events.until(lambda m: True)
        site.write({"templates/article.html": '{% extends "base.html" %}\n{% block content %}\n{{ article.subtitel }}\n{% endblock %}'})
        problem = events.until(lambda m: m["problems"])["problems"][0]
        assert (problem["path"], problem["line"]) == ("templates/article.html", 3)
        assert problem["message"].startswith("UndefinedError: 'Article' object has no attribute 'subtitel' (its attributes: ")
        status, _, body = get(preview, ARTICLE_URL)  # the last good page, with the error over it
        assert status == 200 and b"Russia and China agree" in body
        site.write({"templates/article.html": '{% extends "base.html" %}\n{% block content %}\n{{ article.title }}!\n{% endblock %}'})
        events.until(lambda m: not m["problems"])
        assert b"Russia and China agree!" in get(preview, ARTICLE_URL)[2]
        events.close()


ARTICLE_LINE_3 = '{% extends "base.html" %}\n{% block content %}\n{{ article.extra.views + 1 }}\n{% endblock %}\n'


@pytest.mark.parametrize("command", ["build", "check"])
def test_an_error_that_depends_on_the_article_names_the_article_and_its_page(project, command):
    """`views` is one article's: the error said only "no key 'views' here", leaving the author to find which lacks it."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-24", views=3),
            "content/2021/b.md": article("B", "2021-05-25", tags="[Moon]"),
            "templates/article.html": ARTICLE_LINE_3,
        }
    )
    result = CliRunner().invoke(main, ["-C", str(project.root), command], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "error: templates/article.html:3: UndefinedError: no key 'views' here (rendering content/2021/b.md at /2021/05/25/b/)"
    )


def test_a_mistake_on_every_page_is_told_once_by_ssg_check(project):
    # Every article page of the sample fails alike: one problem, named on the first page that shows it.
    project.write(
        {
            "content/a.md": article("A", "2021-05-24", image="{src: 'https://example.com/a.jpg'}"),
            "content/b.md": article("B", "2021-05-25", tags="[Moon]"),
            "templates/article.html": ARTICLE_LINE_3.replace("article.extra.views + 1", "article.titel"),
        }
    )
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("error: ") == 1 and "Check failed: 1 problem." in result.output
    assert "(rendering content/b.md at /2021/05/25/b/)" in result.output  # (the newest, planned first)


def test_a_mistake_in_base_html_is_told_once_though_each_kind_of_page_has_other_names(project):
    """`{{ sidebar }}` in a base.html was told once per kind of page (eight times here), each naming the names its page
    has: the same mistake on its one line."""
    project.write(
        {
            "content/a.md": article("A", "2021-05-24", tags="[Moon]"),
            "templates/head_extra.html": "{{ sidebar }}\n",
        }
    )
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"], catch_exceptions=False)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(
        "error: templates/head_extra.html:1: UndefinedError: 'sidebar' is undefined (names here: "
    )


def test_a_standalone_page_and_a_listing_are_named_too(project):
    project.write(
        {
            "content/a.md": article("A", "2021-05-24", tags="[Moon]"),
            "content/pages/about.md": "---\ntitle: About\n---\nUs.\n",
            "templates/page.html": '{% extends "base.html" %}\n{% block content %}{{ standalone.extra.since + 1 }}{% endblock %}\n',
        }
    )
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).endswith("no key 'since' here (rendering content/pages/about.md at /about/)")
    project.remove("templates/page.html")
    project.write(
        {"templates/list.html": '{% extends "base.html" %}\n{% block content %}{% if tag %}{{ tag.name.x }}{% endif %}{% endblock %}\n'}
    )
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith("templates/list.html:2: UndefinedError: 'str' object has no attribute 'x'")
    assert str(error.value).endswith(" (rendering /tags/moon/)")


def test_an_extra_key_no_article_has_beside_a_close_one_is_told_on_its_line(project):
    """`article.extra.sectoin` printed nothing on every page, and nothing said why: no article has `sectoin:`, and
    `section:` is close. A key close to none (`subtitle`, which this archive's articles do not use yet) is left alone,
    as are the keys articles, drafts and pages have, a mapping's own methods, and a key whose close one the same line
    reads too (`author or authors`, a fallback written on purpose). A draft's `topics:` is a key an article has."""
    card = (
        '<li><a href="{{ url_for(article) }}">{{ article.title }}</a>\n'
        "{{ article.extra.sectoin }} {{ article.extra['secton'] }}\n"
        "{{ article.extra.get('sections', '') }} {{ article.extra.subtitle }}\n"
        "{{ article.extra.section }} {{ article.extra.menu_note }} {{ article.extra.items() | list | length }}\n"
        "{{ article.extra.author or article.extra.authors | join(', ') }} {{ article.extra.topic }}</li>\n"
    )
    project.write(
        {
            "content/a.md": article("A", "2021-05-24", section="Космос"),
            "content/b.md": article("B", "2021-05-25"),
            "content/pages/about.md": "---\ntitle: About\nmenu_note: x\n---\n\nText.\n",
            "content/c.md": article("C", "2021-05-26", authors="[A, B]", topics="[x]", draft="true"),  # (a draft's keys count)
            "templates/card.html": card,
        }
    )
    result = CliRunner().invoke(main, ["-C", str(project.root), "build"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    told = sorted(line for line in result.output.splitlines() if ".extra." in line)
    assert told == [
        "warning: templates/card.html:2: article.extra.sectoin: no article or page has sectoin: in its front matter, so this prints"
        " nothing (did you mean article.extra.section?)",
        "warning: templates/card.html:2: article.extra.secton: no article or page has secton: in its front matter, so this prints"
        " nothing (did you mean article.extra.section?)",
        "warning: templates/card.html:3: article.extra.sections: no article or page has sections: in its front matter, so this"
        " prints nothing (did you mean article.extra.section?)",
        "warning: templates/card.html:5: article.extra.topic: no article or page has topic: in its front matter, so this prints"
        " nothing (did you mean article.extra.topics?)",
    ]
    # Read twice on one line (tested, then printed): told, and counted, once (a user trial: twice).
    project.write({"templates/card.html": "{% if article.extra.sectoin %}<p>{{ article.extra.sectoin }}</p>{% endif %}\n"})
    result = CliRunner().invoke(main, ["-C", str(project.root), "build"], catch_exceptions=False)
    assert [line for line in result.output.splitlines() if ".extra." in line] == [
        "warning: templates/card.html:1: article.extra.sectoin: no article or page has sectoin: in its front matter, so this prints"
        " nothing (did you mean article.extra.section?)"
    ]
    assert " 1 warning, " in result.output
    # Once the key is spelt as the articles have it, nothing is told.
    fixed = card.replace("sectoin", "section").replace("secton", "section").replace("sections", "section")
    project.write({"templates/card.html": fixed.replace(".topic ", ".topics ")})
    result = CliRunner().invoke(main, ["-C", str(project.root), "build"], catch_exceptions=False)
    assert result.exit_code == 0 and ".extra." not in result.output
