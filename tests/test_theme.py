"""The theme's Jinja environment: its quicker function calls behave exactly as Jinja's own."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import jinja2
import jinja2.runtime

from ssg.theme import _Context


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
