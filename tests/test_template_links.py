"""What templates link to: `url_for`'s arguments, the site paths templates name literally, site.yaml's `publisher.logo`."""

from __future__ import annotations

import pytest

from ssg.errors import TemplateError

from .conftest import article


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
    ],
)
def test_url_for_of_what_is_no_page_is_an_error_on_the_templates_line(project, argument, message):
    project.write({"content/a.md": article("A", "2021-05-24"), "templates/article.html": with_line_3(f"{{{{ url_for({argument}) }}}}")})
    with pytest.raises(TemplateError) as error:
        project.build()
    assert str(error.value).startswith(f"templates/article.html:3: {message}")


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
