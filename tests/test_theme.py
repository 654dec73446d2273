"""The theme's Jinja environment: its quicker function calls and escaping behave exactly as Jinja's own."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import feedparser
import jinja2
import jinja2.runtime
import markupsafe
import pytest

import ssg.render
import ssg.timelimit
from ssg.build import Builder, BuildOptions
from ssg.config import load_config
from ssg.errors import SsgError, TemplateError
from ssg.render import links_printed_as_is
from ssg.theme import Theme, _CodeGenerator, _Context, _Template, _Undefined, date_part, load_theme, quick_escape, render_named

from .conftest import NOW, REPO, SITE_YAML, article, tree


class Named:
    def __init__(self, name: str):
        self.name = name

    def label(self, suffix: str = "") -> str:
        return self.name + suffix

    @jinja2.pass_context
    def in_context(self, context: jinja2.runtime.Context) -> str:
        return f"{self.name}@{context['place']}"


@jinja2.pass_context
def where(context: jinja2.runtime.Context, suffix: str = "") -> str:
    return context["place"] + suffix


@jinja2.pass_environment
def env_name(environment: jinja2.Environment) -> str:
    return type(environment).__name__


def stops() -> str:
    raise StopIteration


TEMPLATE = """\
{{ plain("a") }}|{{ plain(x="b") }}|{{ where() }}|{{ where(suffix="!") }}|{{ env_name() }}|{{ item.label("?") }}|{{ item.in_context() }}|\
{% for n in [1, 2] %}{{ plain(n) }}{{ where() }}{{ loop.index }}{% endfor %}|{% set v = 3 %}{{ plain(v) }}|\
{{ day.isoformat() }}|{{ {"k": 1}.get("k") }}|{{ stops() is undefined }}|{% macro m(x) %}<{{ plain(x) }}>{% endmacro %}{{ m(4) }}|\
{% block b %}{{ plain("in block") }}{{ where() }}{% endblock %}
"""


def render(context_class: type) -> str:
    env = jinja2.Environment(autoescape=True)
    env.context_class = context_class
    return env.from_string(TEMPLATE).render(
        plain=lambda x="", **kw: f"plain({x}{''.join(kw.values())})",
        where=where,
        env_name=env_name,
        item=Named("tag"),
        day=date(2024, 5, 1),
        stops=stops,
        place="here",
    )


def test_quick_calls_render_what_jinja_renders() -> None:
    # Functions and methods that ask for the context or the environment must still get them (also
    # in loops and blocks, where Jinja passes its own keywords), and plain ones their arguments.
    ours, jinjas = render(_Context), render(jinja2.runtime.Context)
    assert ours == jinjas
    assert ours.startswith("plain(a)|plain(b)|here|here!|Environment|tag?|tag@here|plain(1)here1plain(2)here2|plain(3)|2024-05-01|1|True|")


def test_a_build_imports_feedgen_only_for_the_feeds() -> None:
    # Each module imported before the pages is counted again in the forked render helper.
    code = "import sys, ssg.cli, ssg.build; print(sorted(m for m in sys.modules if m.split('.')[0] in ('feedgen', 'lxml')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


class Html:
    def __html__(self) -> str:
        return "<i>safe</i>"


class Text(str):
    """A str subclass: not a plain str, so it takes markupsafe's own path."""


@pytest.mark.parametrize(
    "value",
    ["", "plain", "a < b & 'c' \"d\" > e", "Ракета & «Союз»", "\x00\ud800", markupsafe.Markup("<b>x</b>"), Html(), 42, None, Text("<t>")],
)
def test_quick_escape_is_markupsafes(value: object) -> None:
    ours, theirs = quick_escape(value), markupsafe.escape(value)
    assert isinstance(ours, str)
    assert str(ours) == str(theirs)


def test_templates_print_through_the_quick_escape_with_the_same_output() -> None:
    source = '{% set s %}<b>{{ x }}</b>{% endset %}{{ x }}|{{ s }}|{{ m }}|{{ "<" ~ x }}|{% macro f(v) %}[{{ v }}]{% endmacro %}{{ f(x) }}|{{ n }}'
    values = {"x": "<a href='q'>&", "m": markupsafe.Markup("<em>ok</em>"), "n": 7}
    ours, jinjas = jinja2.Environment(autoescape=True), jinja2.Environment(autoescape=True)
    ours.template_class = _Template
    template = ours.from_string(source)
    assert template.root_render_func.__globals__["escape"] is quick_escape
    assert template.render(values) == jinjas.from_string(source).render(values)


def test_the_jinja_whose_internals_theme_overrides_is_bounded_in_pyproject() -> None:
    """The tests above compare `_Context`, `_CodeGenerator` and `_Template` with Jinja's own on the installed Jinja:
    pyproject allowed any later one (`jinja2>=3.1.5`), whose internals they override unseen. The bound admits the Jinja
    they pass on; MarkupSafe's private `_escape_inner` has its fallback (`quick_escape`), so it needs none."""
    import importlib.metadata
    import tomllib

    from packaging.requirements import Requirement

    wanted = {
        (r := Requirement(line)).name.lower(): r for line in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    assert any(spec.operator == "<" for spec in wanted["jinja2"].specifier)
    assert wanted["jinja2"].specifier.contains(importlib.metadata.version("jinja2"))
    assert wanted["markupsafe"].specifier.contains(importlib.metadata.version("markupsafe"))


def test_text_and_values_between_tags_are_printed_as_one_piece_as_jinja_prints_them() -> None:
    """`_CodeGenerator` joins a run of text and `{{ }}` before yielding it: the page is Jinja's, and an error is
    still named on the line of the `{{ }}` that raised it, not on the first line of the run."""
    source = (
        "<p>{{ a }} and {{ b }}</p>\n"
        "{% for x in xs %}<i>{{ x }}</i>{{ loop.index }}\n"
        "{% endfor %}{% if a %}[{{ a ~ b }}]{% endif %}\n"
        "{% macro m(v) %}<{{ v }}>{% endmacro %}{{ m(a) }}{% set s %}{{ a }}!{% endset %}{{ s }}{% filter upper %}{{ b }}x{% endfilter %}\n"
        "<q>{{ a }}\n"
        "{{ 1 // n }}</q>\n"
    )
    ours, jinjas = jinja2.Environment(autoescape=True), jinja2.Environment(autoescape=True)
    ours.code_generator_class, ours.template_class = _CodeGenerator, _Template
    assert "yield concat(" in ours.compile(source, raw=True)
    values = {"a": "<&>", "b": "'b'", "xs": [1, "<2>"], "n": 3}
    assert ours.from_string(source).render(values) == jinjas.from_string(source).render(values)
    with pytest.raises(ZeroDivisionError) as error:
        ours.from_string(source).render(values | {"n": 0})
    assert [frame.lineno for frame in traceback.extract_tb(error.value.__traceback__) if frame.filename == "<template>"][-1] == 6


def test_rights_notice_names_the_source_then_the_notice(project) -> None:
    project.write(
        {
            "content/a.md": article("A", "2021-05-24", source="{name: Interfax, url: 'https://www.interfax.ru/'}", rights="Public domain"),
            "content/b.md": article("B", "2021-05-25", rights="'Text: CC BY 4.0'"),
        }
    )
    project.build()
    assert "<span>The rights to this material belong to <strong>Interfax</strong>. Public domain</span>" in project.page("2021/05/24/a/")
    assert "<span>Text: CC BY 4.0</span>" in project.page("2021/05/25/b/")


@pytest.mark.parametrize(
    ("line_3", "message"),
    [
        # Babel formats None as today: an article without `updated` would show today's date, changing every day.
        ("<p>{{ format_date(article.updated) }}</p>", "TypeError: format_date: None is not a date"),
        # Something else than a date is the wrong value, not an empty field.
        (
            "{{ format_date(article.title) }}",
            "TypeError: format_date takes a date (article.date, article.updated), and got the text 'A' (rendering",
        ),
        (
            "{{ format_datetime(42) }}",
            "TypeError: format_datetime takes a date and time (article.date, article.updated), and got 42 (an int)",
        ),
        (
            "{{ format_date(article.extra.published) }}",
            "TypeError: format_date takes a date (article.date, article.updated), and got the text '2021-05-20': a date "
            "written in front matter's other keys is text",
        ),
        ("{{ format_date(article.extra.nothing) }}", "UndefinedError: no key 'nothing' here"),
        (
            "{{ format_number(article.title) }}",
            "TypeError: format_number takes a number (tag.count, paginator.total), and got the text 'A'",
        ),
        # A template's own pattern is checked as site.yaml's is: strftime's printed "%24.%00.%2021" under every article,
        # and a time in format_date stopped the build on "'datetime.date' object has no attribute 'hour'".
        (
            "{{ format_datetime(article.date, '%d.%m.%Y %H:%M') }}",
            "ValueError: format_datetime: '%d.%m.%Y %H:%M' is not a Babel date pattern: %-letters are strftime's (Python's, "
            "Jekyll's date filter); Babel's fields are letters: dd.MM.y HH:mm",
        ),
        (
            "{{ format_date(article.date, 'dd.MM HH:mm') }}",
            "ValueError: format_date shows a date alone, and 'dd.MM HH:mm' has time fields (H, m): "
            "format_datetime(d, 'dd.MM HH:mm') shows a date with its time",
        ),
        (
            "{{ format_time(article.date, 'd MMM, HH:mm') }}",
            "ValueError: format_time shows a time alone, and 'd MMM, HH:mm' has date fields (M, d)",
        ),
        # A missing include is blamed on the template and line that include it, before anything is rendered.
        ('{% include "nothere.html" %}', "includes 'nothere.html', which is not found (in templates, themes/default/templates; write it)"),
    ],
)
def test_a_template_error_is_named_on_its_line(project, line_3, message):
    template = '{% extends "base.html" %}\n{% block content %}\n' + line_3 + "\n{% endblock %}\n"
    project.write({"content/a.md": article("A", "2021-05-24", published="'2021-05-20'"), "templates/article.html": template})
    with pytest.raises(SsgError) as error:
        project.build()
    assert str(error.value).startswith(f"templates/article.html:3: {message}")


@pytest.mark.parametrize(
    ("pattern", "date_only"),
    [
        ("MMMM d, y, h:mm a", "MMMM d, y"),
        ("d MMM y, HH:mm", "d MMM y"),
        ("MMMM d, y 'at' h:mm a", "MMMM d, y"),
        ("HH:mm, d MMMM", "d MMMM"),
        ("medium", "medium"),
        ("HH:mm", "long"),
    ],
)
def test_date_part_of_a_pattern(pattern, date_only):
    assert date_part(pattern) == date_only


def test_a_day_written_alone_is_shown_without_a_made_up_time(project):
    """`date: 2023-04-14` is that day, not 12:00 AM; an `updated` day never makes a feed say it changed before it was
    published."""
    project.write(
        {
            "content/day.md": article("Day", "2023-04-14"),
            "content/timed.md": article("Timed", "2021-03-01T10:15:00+03:00", updated="2021-03-01"),
        }
    )
    project.build()
    day = project.page("2023/04/14/day/")
    assert ">April 14, 2023</time>" in day and "12:00" not in day
    timed = project.page("2021/03/01/timed/")
    assert ">March 1, 2021, 10:15 AM</time>" in timed and "Updated <time" in timed and ">March 1, 2021</time>" in timed
    feed = feedparser.parse((project.public / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "Timed")
    assert entry.updated_parsed >= entry.published_parsed


def test_a_footnotes_way_back_is_titled_in_the_articles_language(project):
    """Python-Markdown titles each footnote's ↩ "Jump back to footnote 1 in the text": on a Russian page, and in
    its feed entry, that English sentence is what a screen reader says and a mouse shows."""
    body = "Текст.[^1]\n\n[^1]: Сноска."
    project.write(
        {
            "content/ru.md": article("Р", "2021-05-24", body, lang="ru"),
            "content/en.md": article("E", "2021-05-25", "Text.[^1]\n\n[^1]: Note."),
        }
    )
    project.build()
    assert 'title="Назад к сноске 1 в тексте"' in project.page("2021/05/24/ru/")
    assert 'title="Back to footnote 1 in the text"' in project.page("2021/05/25/en/")
    assert "Jump back" not in project.page("2021/05/24/ru/")
    entries = {e.title: e.content[0].value for e in feedparser.parse(project.page("feed.xml")).entries}
    assert 'title="Назад к сноске 1 в тексте"' in entries["Р"] and 'title="Back to footnote 1 in the text"' in entries["E"]


@pytest.fixture
def listed(project):
    """Articles on listings of every depth: the home page, tag pages, and year, month and day archives."""
    return project.write(
        {
            "content/a.md": article("A", "2021-05-24", tags="[Space, Moon]", image="{src: 'https://example.com/a.jpg', credit: X}"),
            "content/b.md": article("B", "2021-05-25", tags="[Space]"),
            "content/c.md": article("C", "2021-06-01", tags="[Moon]"),
        }
    )


def test_an_entry_is_made_once_per_article_and_language_and_linked_from_each_listing(listed, monkeypatch):
    made = []
    real = ssg.render.Renderer._render_card
    monkeypatch.setattr(ssg.render.Renderer, "_render_card", lambda self, a, *rest: made.append(a.title) or real(self, a, *rest))
    listed.build(jobs=1)
    assert sorted(made) == ["A", "B", "C"]
    # Each page links the entry relative to itself, and an external image as it is.
    links = {
        "page/2/": "../../2021/05/24/a/",  # (two a page)
        "tags/space/": "../../2021/05/24/a/",
        "2021/page/2/": "../../05/24/a/",
        "2021/05/": "24/a/",
        "2021/05/24/": "a/",
    }
    for page, href in links.items():
        assert f'<h2 class="entry__title"><a href="{href}">A</a></h2>' in listed.page(page)
    assert '<a class="tag" href="../moon/" rel="tag">Moon</a>' in listed.page("tags/space/")
    assert 'src="https://example.com/a.jpg"' in listed.page("tags/moon/")


def test_entries_made_again_once_let_go_are_the_same(listed, tmp_path, monkeypatch):
    listed.build()
    kept = tree(listed.public)
    shutil.rmtree(listed.public)
    monkeypatch.setattr(ssg.render, "CARDS_KEPT", 1)
    listed.build(jobs=1)
    assert tree(listed.public) == kept


def test_an_entry_whose_link_a_filter_changes_is_rendered_for_each_page(listed):
    card = '<li><a href="{{ url_for(article) | replace("/", "|") }}">{{ article.title }}</a></li>\n'
    listed.write({"templates/card.html": card})
    listed.build()
    assert '<a href="..|..|2021|05|24|a|">A</a>' in listed.page("tags/space/")


def test_editing_the_entry_template_makes_the_listings_again(listed):
    listed.build()
    listed.write({"templates/card.html": "<li>{{ article.title }} (edited)</li>\n"})
    listed.build()
    assert "<li>A (edited)</li>" in listed.page("tags/space/")


def test_an_error_in_the_entry_template_is_named_on_its_line(listed):
    listed.write({"templates/card.html": "<li>\n{{ format_date(article.updated) }}</li>\n"})
    with pytest.raises(TemplateError) as error:
        listed.build()
    assert str(error.value).startswith("templates/card.html:2: TypeError: format_date: None is not a date")


@pytest.mark.parametrize(
    ("source", "as_is"),
    [
        ('<a href="{{ url_for(article) }}">{{ article.title }}</a>', True),
        ('<a href="{{ url_for(article) ~ "#comments" }}">', True),
        ('{% for tag in tags_of(article) %}<a href="{{ url_for(tag) }}">{% endfor %}', True),
        ("{{ url_for(article) | upper }}", False),
        ('{% if url_for(article) == "a/" %}here{% endif %}', False),
        ("{% set link = url_for(article) %}{{ link }}", False),
        ('{{ url_for(article) if article.image else "" }}', False),
        ("{{ url_for(url_for) }}", False),
        ('{% include "other.html" %}', False),
        ("{% macro m() %}{{ url_for(article) }}{% endmacro %}{{ m() }}", False),
    ],
)
def test_an_entry_template_is_made_once_only_where_it_prints_its_links_as_they_are(source, as_is):
    env = jinja2.Environment(loader=jinja2.DictLoader({"card.html": source}))
    theme = Theme(env=env, template_dirs=(), static_dirs=(), strings={}, default_lang="en", project_root=Path("/nowhere"))
    assert links_printed_as_is(theme, "card.html") is as_is


def test_the_default_entry_template_prints_its_links_as_they_are(listed):
    assert links_printed_as_is(load_theme(load_config(listed.root)), "card.html")


def test_an_entry_holding_the_marks_character_is_rendered_for_each_page(listed):
    """A link's mark is a NUL between two: an entry whose own text holds one (here its template) is not placed."""
    listed.write({"templates/card.html": '<li>\x00<a href="{{ url_for(article) }}">{{ article.title }}</a></li>\n'})
    listed.build()
    assert '<li>\x00<a href="../../2021/05/24/a/">A</a></li>' in listed.page("tags/space/")


# Unknown names and attributes are errors (`_Undefined`); what tests for an optional thing still works.


def named(source: str, **context: object) -> str:
    env = jinja2.Environment(undefined=_Undefined)
    return render_named(env.from_string(source), context)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ site.titel }}", "'SimpleNamespace' object has no attribute 'titel' (did you mean 'title'?)"),
        ("{{ site.slogan }}", "'SimpleNamespace' object has no attribute 'slogan' (its attributes: lang, title)"),
        ("{{ artcle.title }}", "'artcle' is undefined (did you mean 'article'?)"),
        ("{{ subtitle }}", "'subtitle' is undefined (names here: article, site)"),
        ("{% if artcle %}x{% endif %}", "'artcle' is undefined (did you mean 'article'?)"),  # tested, not only printed
        ("{% for a in artcles %}{% endfor %}", "'artcles' is undefined (did you mean 'article'?)"),
        ("{{ article.image.src }}", "None has no attribute 'src' (a field that may be empty wants an {% if %} around it)"),
        ("{{ article.extra.views.count }}", "no key 'views' here (its keys: pages)"),
        # article.tags holds names: a tag's attribute read from one says where the Tag objects are, not str's 47 methods.
        (
            "{% for t in article.tags %}{{ t.slug }}{% endfor %}",
            "'str' object has no attribute 'slug' ('Moon' is text: article.tags holds the tags' names; tags_of(article) "
            "gives its tags as Tag objects, with name, slug, count and label(lang))",
        ),
        ("{{ site.title.foo }}", "'str' object has no attribute 'foo' ('T' is text)"),
        ("{{ site.title.uper() }}", "'str' object has no attribute 'uper' (did you mean 'upper'?)"),
    ],
)
def test_an_unknown_name_or_attribute_is_an_error_that_says_what_is_there(source, message) -> None:
    site = SimpleNamespace(title="T", lang="en")
    article = SimpleNamespace(image=None, extra={"pages": 2}, tags=("Moon",))
    with pytest.raises(jinja2.UndefinedError) as error:
        named(source, site=site, article=article)
    assert str(error.value) == message


def test_what_tests_for_an_optional_thing_still_works() -> None:
    article = SimpleNamespace(title="T", image=None, summary="", extra={"pages": 2})
    source = (
        "{{ subtitle is defined }}|{{ subtitle | default('none') }}|{{ article.subtitle is defined }}|"
        "{{ article.subtitle | default('-') }}|{% if article.image %}img{% endif %}|{% if not article.summary %}no summary{% endif %}|"
        # A key a mapping lacks (front-matter extras differ from article to article) is empty and false.
        "{% if article.extra.views %}views{% endif %}[{{ article.extra.views }}]{{ article.extra.pages }}|"
        "{{ article.extra.views is number }}{{ 'x' in article.extra.views }}|{{ 'yes' if false }}"
    )
    assert named(source, article=article) == "False|none|False|-||no summary|[]2|FalseFalse|"


def test_an_unknown_name_in_the_entry_template_is_named_with_the_entrys_names(listed):
    listed.write({"templates/card.html": "<li>\n{{ artcle.title }}</li>\n"})
    with pytest.raises(TemplateError) as error:
        listed.build()
    assert str(error.value) == (
        "templates/card.html:2: UndefinedError: 'artcle' is undefined (did you mean 'article'?) "
        "(rendering the entry of content/c.md on /)"  # (the newest article's entry, on the home page: the first made)
    )
    listed.write({"templates/card.html": "<li>{{ pgae.kind }}</li>\n"})  # `page` is not an entry's: no suggestion of it
    with pytest.raises(TemplateError) as error:
        listed.build()
    assert "'pgae' is undefined (names here: article, format_date, " in str(error.value)
    assert "page," not in str(error.value)


def test_the_default_theme_builds_an_article_with_every_optional_field_and_one_with_none(project) -> None:
    full = article(
        "Full",
        "2021-05-24T10:00:00+03:00",
        updated="2021-05-25",
        tags="[Space]",
        source="{name: Interfax, url: 'https://www.interfax.ru/'}",
        image="{src: 'https://example.com/a.jpg', credit: X, caption: C}",
        rights="Public domain",
        views="12",
        summary="S.",
    )
    project.write({"content/full.md": full, "content/bare.md": article("Bare", "2021-05-23")})
    project.build()
    assert "Full" in project.page("") and "Bare" in project.page("2021/05/23/bare/")


def test_an_articles_unknown_attribute_lists_its_documented_fields_only(project) -> None:
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/article.html": "{{ article.nonsense }}"})
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith(
        "templates/article.html:1: UndefinedError: 'Article' object has no attribute 'nonsense' (its attributes: canonical_url, "
        "date, draft, extra, image, lang, noindex, rights, slug, source, source_path, summary, tags, title, updated)"
    )
    project.write({"templates/article.html": "{{ article.translaton_of }}"})  # (one left out of the list is still suggested)
    with pytest.raises(TemplateError) as error:
        project.build()
    assert "'Article' object has no attribute 'translaton_of' (did you mean 'translation_of'?)" in str(error.value)


def test_an_articles_front_matter_key_read_as_its_attribute_says_to_read_extra(project) -> None:
    """A user trial: `{{ article.subtitle }}` (the article has `subtitle:`) was told "did you mean 'title'?", which
    printed the wrong text; `{{ article.author }}` (Pelican's way) and `article.params.author` (Hugo's .Params) were
    given no way to `article.extra.author`."""
    project.write(
        {
            "content/a.md": article("A", "2021-05-24", subtitle="Second line"),
            "content/b.md": article("B", "2021-05-25", author="Jane Doe"),
            "templates/article.html": "{{ article.subtitle }}",
        }
    )

    def error(template: str) -> str:
        project.write({"templates/article.html": template})
        with pytest.raises(TemplateError) as raised:
            project.build()
        return str(raised.value).split(" (rendering")[0]

    no_attribute = "templates/article.html:1: UndefinedError: 'Article' object has no attribute"
    assert error("{% if article.source_path.endswith('a.md') %}{{ article.subtitle }}{% endif %}") == (
        f"{no_attribute} 'subtitle' (subtitle: is a front-matter key of this article: write article.extra.subtitle)"
    )
    assert error("{% if article.source_path.endswith('a.md') %}{{ article.author }}{% endif %}") == (
        f"{no_attribute} 'author' (author: is a front-matter key of some articles: write article.extra.author, empty where one has none)"
    )
    assert error("{{ article.params.author }}") == (
        f"{no_attribute} 'params' (Hugo's .Params: the front matter's other keys are article.extra here: write article.extra.author)"
    )
    assert error("{% if article.source_path.endswith('b.md') %}{{ article.subtitle }}{% endif %}") == (
        f"{no_attribute} 'subtitle' (subtitle: is a front-matter key of some articles: write article.extra.subtitle, empty where one has none)"
    )
    # No article has it: it holds `title` as a word of its own, no typo of it.
    assert error("{{ article.subtitle_en }}").startswith(
        f"{no_attribute} 'subtitle_en' (its attributes: canonical_url, date, draft, extra,"
    )


def test_an_attribute_read_of_a_text_gives_the_tags_hint_only_for_a_tags_name(project) -> None:
    """A user trial: `{{ article.extra.author.name }}` (author: Jane Doe) was told "article.tags holds the tags' names;
    tags_of(article) gives its tags", which has nothing to do with it."""
    project.write({"content/a.md": article("A", "2021-05-24", author="Jane Doe", tags="[Moon]")})

    def error(template: str) -> str:
        project.write({"templates/article.html": template})
        with pytest.raises(TemplateError) as raised:
            project.build()
        return str(raised.value).split(" (rendering")[0]

    assert error("<p>\n{% if article.extra.author %}By {{ article.extra.author.name }}{% endif %}</p>") == (
        "templates/article.html:2: UndefinedError: 'str' object has no attribute 'name' (article.extra.author is text "
        "('Jane Doe'): print it as {{ article.extra.author }})"
    )
    tags_hint = (
        "UndefinedError: 'str' object has no attribute 'slug' ('Moon' is text: article.tags holds the tags' names; "
        "tags_of(article) gives its tags as Tag objects, with name, slug, count and label(lang))"
    )
    assert error("{% for t in article.tags %}\n{{ t.slug }}\n{% endfor %}") == f"templates/article.html:2: {tags_hint}"
    assert error("{{ (article.tags | first).slug }}") == f"templates/article.html:1: {tags_hint}"


def test_the_documented_fields_are_the_objects_and_the_docs():
    """Each field an unknown attribute's message lists is one of the object's, and docs/templates.md names it."""
    from ssg.content import Article, Image, Source, StandalonePage
    from ssg.feeds import Feed
    from ssg.pages import ArchiveMonth, ArchiveYear, ArticleLink, Link, PageLink, Paginator
    from ssg.render import LanguageLink, PageInfo, SiteInfo
    from ssg.site import Outlet, Tag
    from ssg.theme import DOCUMENTED

    types = (Article, StandalonePage, Tag, Outlet, Image, Source, Paginator, ArticleLink, PageLink, Link, LanguageLink, Feed)
    types += (ArchiveYear, ArchiveMonth, SiteInfo, PageInfo)
    assert sorted(DOCUMENTED) == sorted(t.__name__ for t in types)
    docs = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    for kind in types:
        for name in DOCUMENTED[kind.__name__]:
            assert hasattr(kind, name) or name in getattr(kind, "__dataclass_fields__", {}), (kind, name)
            assert f"`{name}`" in docs or f"`{name}(" in docs or f".{name}" in docs, (kind, name)


def _article_template_error(project, line_3: str) -> str:
    """The error of a build whose article template has `line_3` as its third line."""
    template = '{% extends "base.html" %}\n{% block content %}\n' + line_3 + "\n{% endblock %}\n"
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/article.html": template})
    with pytest.raises(TemplateError) as error:
        project.build()
    return str(error.value)


@pytest.mark.parametrize(
    ("line_3", "message"),
    [
        ("{{ article.title | upcase }}", "No filter named 'upcase' (did you mean 'upper'?)"),  # Liquid's name
        ("{{ article.title | uppr }}", "No filter named 'uppr' (did you mean 'upper'?)"),
        ("{{ article.date | format_date }}", "No filter named 'format_date' (format_date is a function here: write format_date(value)"),
        ("{{ article.date | date }}", "No filter named 'date' (did you mean format_date(value)? a function here, not a filter)"),
        ("{{ article.title | zzz }}", "No filter named 'zzz' (the filters: abs, attr, batch, "),
        # Within an `{% if %}`, Jinja finds it out as the page renders.
        ("{% if article.title %}{{ article.title | upcase }}{% endif %}", "No filter named 'upcase' (did you mean 'upper'?) (rendering "),
        ("{% if article.title is strng %}{% endif %}", "No test named 'strng' (did you mean 'string'?)"),
    ],
)
def test_an_unknown_filter_or_test_says_which_was_likely_meant(project, line_3, message):
    assert _article_template_error(project, line_3).startswith(f"templates/article.html:3: {message}")


@pytest.mark.parametrize(
    ("line_3", "message"),
    [
        # Liquid's (Jekyll's) way to give a filter its argument: Jinja said only "expected token ..., got ':'".
        (
            '{{ article.title | default: "x" }}',
            """expected token 'end of print statement', got ':' (a filter takes its \
arguments in parentheses: write | default("x"), not | default: "x")""",
        ),
        (
            "{{ article.title | truncate 50 }}",
            "expected token 'end of print statement', got 'integer' (a filter takes its "
            "arguments in parentheses: write | truncate(50), not | truncate 50)",
        ),
        (
            '{{ article.date | date: "%Y" }}',
            """expected token 'end of print statement', got ':' (a filter takes its \
arguments in parentheses, not as in | date: "%Y"; and no filter named 'date' (did you mean format_date(value)?""",
        ),
        # A `{{` left open: Jinja named the first token after it, the `/` of `</h1>`.
        ("<h1>{{ article.title</h1>", "unexpected '/' (a {{ is not closed: end it with }})"),
        # A misspelt closing tag: Jinja listed the tags it looked for, or named the word after `endblock` alone.
        (
            "{% if article.title %}x{% endfi %}",
            "Encountered unknown tag 'endfi'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The "
            "innermost block that needs to be closed is 'if'. (did you mean {% endif %}?)",
        ),
        # Twig's `elseif` is Jinja's elif, not else (second reading, helper-127).
        (
            "{% if article.title %}x{% elseif article.lang %}y{% endif %}",
            "Encountered unknown tag 'elseif'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The "
            "innermost block that needs to be closed is 'if'. (did you mean {% elif %}?)",
        ),
        (
            "{% block lead %}x{% endblock lede %}",
            "expected token 'end of statement block', got 'lede' ({% endblock lede %} closes {% block lead %} of line 3: write "
            "{% endblock lead %}, or {% endblock %})",
        ),
    ],
)
def test_a_syntax_error_says_what_to_write(project, line_3, message):
    assert _article_template_error(project, line_3).startswith(f"templates/article.html:3: {message}")


def test_a_loops_variable_after_its_loop_is_told_so_not_as_a_misspelling_of_itself(project):
    """`{{ item.name }}` after its `{% for item in ... %}` ended was told "'item' is undefined (did you mean 'item'?)"
    (second reading, helper-127)."""
    message = _article_template_error(project, "{% for item in article.tags %}{% endfor %}{{ item.name }}")
    assert message.startswith(
        "templates/article.html:3: UndefinedError: 'item' is undefined here: the template sets 'item' elsewhere (a loop's "
        "variable is known only inside its loop)"
    ), message


def test_a_template_that_never_ends_is_stopped_on_its_line_and_the_next_build_works(project, monkeypatch):
    """A loop that never ends (here one of 10**9 turns, a minute's) kept `ssg build` running forever, and held the preview's builder: the save that fixed the
    template was never built, and nothing said why. It is stopped after the limit (as Hugo's `timeout` does), on its
    line, without rendering a page of each kind after it (each would wait as long), and the builder goes on."""
    project.write({"site.yaml": SITE_YAML + "timeout: 0.5s\n"})  # (Hugo's way of writing it; 30 where left out)
    endless = '{% extends "base.html" %}\n{% block content %}\n{% for i in range(10**9) %}{% endfor %}\n{% endblock %}\n'
    project.write({f"content/{n}.md": article(n.upper(), f"2021-05-2{i}") for i, n in enumerate("abc")})
    project.write({"templates/article.html": endless})
    config, options, builder = load_config(project.root), BuildOptions(now=NOW, jobs=1), Builder()
    started = time.monotonic()
    with pytest.raises(TemplateError) as error:
        builder.build(config, options)
    assert time.monotonic() - started < 5
    assert str(error.value).startswith("templates/article.html:3: stopped after 0.5 s on this line, rendering one page")
    assert "a loop that never ends" in str(error.value)
    project.write({"templates/article.html": endless.replace("range(10**9)", "range(3)")})
    builder.build(config, options)
    time.sleep(0.6)  # (a stop told too late must not reach what the thread does next)
    assert (project.public / "2021/05/20/a/index.html").is_file()


def test_a_macro_imported_without_the_pages_names_says_to_import_it_with_context(project):
    """Jinja imports a template without the page's names: its macro's `t(...)` was told "'t' is undefined (did you mean
    't'?)", naming the very name it said was missing."""
    macros = '{% macro note() %}<p>{{ t("nav_archive") }}</p>{% endmacro %}\n'
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/macros.html": macros})
    project.write({"templates/head_extra.html": '{% import "macros.html" as m %}\n{{ m.note() }}\n'})
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith(
        "templates/macros.html:1: UndefinedError: 't' is undefined in an imported template: import it with the page's names"
        ' ({% import "macros.html" as m with context %}, or {% from "macros.html" import ... with context %}), or pass it to the'
        " macro"
    ), str(error.value)
    project.write({"templates/head_extra.html": '{% import "macros.html" as m with context %}\n{{ m.note() }}\n'})
    project.build()


def test_an_unknown_name_is_told_the_name_likely_meant_among_those_the_template_gives_itself(project):
    """`{{ by_line(article) }}` after `{% from "macros.html" import byline %}` was told the page's names alone (abs_url,
    article, card, ...), without the macro it imports, and a loop's `tga` for `tag` the same."""
    macros = "{% macro byline(a) %}<p>{{ a.title }}</p>{% endmacro %}\n"
    template = '{{% extends "base.html" %}}\n{{% from "macros.html" import byline %}}\n{{% block content %}}\n{line}\n{{% endblock %}}\n'
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/macros.html": macros})
    for line, message in [
        ("{{ by_line(article) }}", "'by_line' is undefined (did you mean 'byline'?)"),
        ("{% for tag in [1] %}{{ tga }}{% endfor %}", "'tga' is undefined (did you mean 'tag'?)"),
    ]:
        project.write({"templates/article.html": template.format(line=line)})
        with pytest.raises(TemplateError) as error:
            project.build()
        assert str(error.value).startswith(f"templates/article.html:4: UndefinedError: {message} (rendering "), str(error.value)


def test_a_filters_sequence_printed_as_it_is_fails_on_its_line_not_with_a_different_page_every_build(project):
    """`{{ tags_of(article) | map(attribute="name") }}` printed `<generator object sync_do_map at 0x7f828b082e40>`, an
    address that differs from build to build (so the page was written again each time), and `article.tags |
    map(attribute="slug") | list` printed `[Undefined, Undefined]`: neither said a word."""
    template = '{{% extends "base.html" %}}\n{{% block content %}}\n<p>{line}</p>\n{{% endblock %}}\n'
    project.write({"content/a.md": article("A", "2021-05-24", tags="[Soyuz, ISS]")})
    for line, message in [
        (
            '{{ tags_of(article) | map(attribute="name") }}',
            "TypeError: a filter's sequence (map, select, reject, reverse, ...) printed as it is shows as <generator object ...>, "
            'another on every build: end it with | join(", "), or | list',
        ),
        ('{{ article.tags | map(attribute="slug") | list }}', "UndefinedError: 'str' object has no attribute 'slug' ('Soyuz' is text"),
        # (`| reverse` gives an iterator, printed as <list_reverseiterator object at 0x...>: second reading, helper-127)
        ("{{ article.tags | reverse }}", "TypeError: a filter's sequence (map, select, reject, reverse, ...) printed as it is"),
    ]:
        project.write({"templates/article.html": template.format(line=line)})
        with pytest.raises(TemplateError) as error:
            project.build()
        assert str(error.value).startswith(f"templates/article.html:3: {message}"), str(error.value)
    project.write({"templates/article.html": template.format(line='{{ tags_of(article) | map(attribute="name") | join(", ") }}')})
    project.build()
    assert "<p>Soyuz, ISS</p>" in project.page("2021/05/24/a/")


def test_a_macro_that_calls_itself_without_end_says_so(project):
    """Python's "RecursionError: maximum recursion depth exceeded" alone did not say what in a template recurses."""
    endless = "{% macro more(n) %}{{ more(n + 1) }}{% endmacro %}{{ more(0) }}"
    project.write(
        {
            "content/a.md": article("A", "2021-05-24"),
            "templates/article.html": '{% extends "base.html" %}\n{% block content %}\n' + endless + "\n{% endblock %}\n",
        }
    )
    with pytest.raises(TemplateError) as error:
        project.build()
    message = str(error.value)
    assert message.startswith("templates/article.html:3: RecursionError: maximum recursion depth exceeded")
    assert "(a macro that calls itself, or a template that includes itself, with no condition that ends it)" in message


def test_a_page_stopped_just_as_it_ends_fails_on_its_template_not_on_a_traceback(project, monkeypatch):
    """The watchdog tells a page to stop at the limit; a page that ended just then met the stop in `Watchdog.stop`,
    after its template's own handler, and the build failed on Python's bare "RenderTimeoutError" traceback (here stop
    is made slow once, as a page that ends at the limit's instant is)."""
    project.write({"site.yaml": SITE_YAML + "timeout: 0.2\n"})
    stop, slowed = ssg.timelimit.Watchdog.stop, []

    def slow_stop(watchdog, ident):
        if not slowed:
            slowed.append(ident)
            until = time.monotonic() + 1.0
            while time.monotonic() < until:  # (Python's own lines: where a stop is met)
                pass
        stop(watchdog, ident)

    monkeypatch.setattr(ssg.timelimit.Watchdog, "stop", slow_stop)
    project.write({"content/a.md": article("A", "2021-05-24")})
    with pytest.raises(TemplateError) as error:
        project.build(jobs=1)
    assert str(error.value).startswith("article.html: stopped after 0.2 s"), str(error.value)
    time.sleep(0.5)  # (and no stop is left to reach what the thread does next)
    project.build(jobs=1)


def test_a_mistake_in_a_tag_over_two_lines_is_not_told_as_a_tag_left_open(project):
    """`{% set desks = {` on one line and `'news': 1,, } %}` on the next: the `{%` opened on the line before was taken
    for one left open, and the message said to close it, which it is."""
    template = "{% extends \"base.html\" %}\n{% set desks = {\n  'news': 1,, } %}\n"
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/article.html": template})
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value) == "templates/article.html:3: unexpected ','"


@pytest.mark.parametrize(
    ("line_3", "message"),
    [
        ("{{ article.url }}", "'Article' object has no attribute 'url' (its link is url_for(article), relative, which works under"),
        ("{{ page.Permalink }}", "'PageInfo' object has no attribute 'Permalink' (its link is url_for(page.path), relative"),
        (
            "{{ article.Content }}",
            "'Article' object has no attribute 'Content' (the page's rendered text is a name of its own: {{ content }}, on its "
            "own page; a listing's entry (card.html) shows its summary, {{ article.summary }})",
        ),
    ],
)
def test_a_pages_link_or_text_read_as_other_generators_name_them_says_what_to_write(project, line_3, message):
    """`{{ article.url }}` and `{{ article.Content }}` (Hugo's .Permalink and .Content, Jekyll's page.url) were told the
    attributes an article has, none of which is its link or its text."""
    assert _article_template_error(project, line_3).startswith(f"templates/article.html:3: UndefinedError: {message}")


def test_a_listing_entry_that_reads_the_page_says_what_an_entry_sees(project):
    """`{{ page.lang }}` in a card.html was told "'page' is undefined (names here: article, entry_tag, ...)", as if
    misspelt: an entry is made once for every listing page that shows it, and sees `lang`, not the page."""
    project.write(
        {
            "content/a.md": article("A", "2021-05-24"),
            "templates/card.html": '<li lang="{{ page.lang }}"><a href="{{ url_for(article) }}">{{ article.title }}</a></li>\n',
        }
    )
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith(
        "templates/card.html:1: UndefinedError: 'page' is undefined in card.html, an article's entry, made once and shown on "
        "every listing page that has the article: it sees article, lang (the page's language), site and the functions, not "
        "the page (see docs/templates.md, card(article)) (rendering the entry of content/a.md on /"
    ), str(error.value)


def test_counts_are_grouped_as_the_language_writes_them(project) -> None:
    """A Russian editor's trial: a tag of 10432 articles showed "10432" (Russian groups thousands with a no-break
    space, "10 432"; English with a comma). The theme shows its counts by `format_number`, which templates also have."""
    project.write({"site.yaml": SITE_YAML + "lang: ru\n", "content/en.md": article("E", "2021-06-01", lang="en")})
    project.write({f"content/2021/a{i}.md": article(f"Статья {i}", f"2021-05-{1 + i % 28:02d}", tags="[Роскосмос]") for i in range(1000)})
    project.write(
        {"templates/article.html": '{% extends "base.html" %}{% block content %}<p id=n>{{ format_number(10432) }}</p>{% endblock %}'}
    )
    project.build()
    grouped = '<span class="visually-hidden">Материалов: 1\u00a0000</span><span aria-hidden="true">1\u00a0000</span>'
    assert grouped in project.page("tags/")
    assert "Материалов: 1\u00a0000" in project.page("tags/roskosmos/")
    assert "Материалов: 1\u00a0001" in project.page("archive/") and "Материалов: 1\u00a0001" in project.page("2021/")
    assert "<p id=n>10\u00a0432</p>" in project.page("2021/05/01/a0/")
    assert "<p id=n>10,432</p>" in project.page("2021/06/01/en/")
    # (and a number still: a site's own string that formats it, as it did before, and a template that counts with it)
    project.write({"i18n/ru.yaml": 'article_count: "{count:d} шт."\n'})
    project.write(
        {"templates/article.html": '{% extends "base.html" %}{% block content %}<p id=n>{{ format_number(9999) + 1 }}</p>{% endblock %}'}
    )
    project.build()
    assert "1000 шт." in project.page("tags/") and "<p id=n>10000</p>" in project.page("2021/05/01/a0/")


def test_a_function_with_attributes_of_its_own_is_called_the_quick_way_unless_jinja_marked_it():
    """`_Context.call` calls a plain function directly, without Jinja's protocol; "plain" was "without attributes", so
    the strings' `t`, once given `t.has` (the search page's), went Jinja's slow way on each of its calls on every page
    (+11% of a page's instructions, `benchmarks/render_cost.py`). Only Jinja's mark makes a function ask for more, as
    Jinja itself tells (`_PassArg.from_obj`)."""
    from jinja2.utils import _PassArg

    from ssg.theme import _plain

    def t(key):
        return key

    t.has = {}.__contains__

    @jinja2.pass_context
    def marked(context, key):
        return key

    for function in (t, marked, t.has, len, SimpleNamespace(f=t).f):
        assert _plain(function) == (_PassArg.from_obj(function) is None)
    assert _plain(t) and not _plain(marked)
