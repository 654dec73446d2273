"""Page fingerprints: the texts made once a build for many pages are the texts they stand for."""

from __future__ import annotations

import ssg.build
from ssg.fingerprints import Fingerprints

from .conftest import article


def test_texts_made_once_a_build_are_the_reprs_they_stand_for(bilingual, monkeypatch):
    """A listing's cards, its articles' outlets and an article's tags are made into text once a build
    (`Fingerprints._deps_text`, `_outlets_text`): every page's text is `repr` of what it stands for, on a site with
    translations (cards with their versions' keys), outlets, a one-article listing and pages of every kind."""
    bilingual.write(
        {
            "content/en/sourced.md": article("Sourced", "2023-01-05T10:00:00+03:00", "Body.", source="{name: TASS}", tags="[Alone]"),
            "content/en/other.md": article("Other", "2023-01-06T10:00:00+03:00", "Body.", source="{name: Reuters}"),
        }
    )
    seen = []
    plan = ssg.build._plan_pages

    def spy(run, theme, made, output, builder, rendering):
        renderer, prints, todo = plan(run, theme, made, output, builder, rendering)
        seen.append((made, prints))
        return renderer, prints, todo

    monkeypatch.setattr(ssg.build, "_plan_pages", spy)
    bilingual.build()
    ((made, prints),) = seen
    assert isinstance(prints, Fingerprints)
    kinds = {page.kind for page in made.pages}
    assert {"article", "home", "tag", "source", "year", "month", "day", "tags", "sources", "archive"} <= kinds
    assert any(len(page.deps[0]) == 1 for page in made.pages if page.kind == "tag")  # (a one-card listing)
    assert any(len(card) == 3 for page in made.pages if page.kind == "home" for card in page.deps[0])  # (with versions)
    assert all(made.site.tags_of(page.context["article"]) in page.deps for page in made.pages if page.kind == "article")
    for page in made.pages:
        assert prints._deps_text(page) == repr(page.deps), page.path
        articles = page.context.get("articles", ())
        assert prints._outlets_text(articles) == repr(list(map(made.site.outlet_shown, articles))), page.path
