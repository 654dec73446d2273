"""The plan of pages: what a one-shot build (every `ssg build`, a new process) makes by shortcuts of its own is what a
long-lived builder's plan makes, and what the plain functions make."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import ssg.build
from ssg.pages import Page, Planned, card, period_label, plan
from ssg.site import Period
from ssg.theme import date_formatter, format_date

from .conftest import article


@pytest.fixture
def made(bilingual, monkeypatch):
    """The assembly of a bilingual site's build (translations, outlets, a one-article tag, pages of every kind)."""
    bilingual.write(
        {
            "content/en/sourced.md": article("Sourced", "2023-01-05T10:00:00+03:00", "Body.", source="{name: TASS}", tags="[Alone]"),
            "content/en/other.md": article("Other", "2023-01-06T10:00:00+03:00", "Body.", source="{name: Reuters}"),
        }
    )
    seen = []
    assemble = ssg.build.Builder._assemble_checked

    def spy(self, run, theme, loaded, **options):
        found = assemble(self, run, theme, loaded, **options)
        seen.append((found, run.config))
        return found

    monkeypatch.setattr(ssg.build.Builder, "_assemble_checked", spy)
    bilingual.build()
    ((assembly, config),) = seen
    return assembly, config


def _shown(page: Page) -> tuple:
    return (page.path, page.kind, page.template, page.lang, page.title, page.context, page.deps, page.file, page.indexed)


def test_a_one_shot_plan_makes_the_pages_a_remembering_plan_makes(made):
    """A one-shot build's plan neither compares nor keeps the inputs of its groups (`Groups.compares`), nor looks up
    the translations of every listed article: its pages are those of a plan that does, and of a plan that takes
    over the last one's."""
    assembly, config = made
    site, urls = assembly.site, assembly.urls
    one_shot = list(plan(site, config, urls, Planned(config, keep=False)))
    first = Planned(config)
    remembering = list(plan(site, config, urls, first))
    again = list(plan(site, config, urls, Planned(config, first)))
    assert {page.kind for page in one_shot} >= {"article", "home", "tag", "source", "year", "month", "day", "archive"}
    assert list(map(_shown, one_shot)) == list(map(_shown, remembering)) == list(map(_shown, again))


def test_a_plan_takes_over_what_the_date_archive_was_made_from_while_every_period_count_is_as_it_was(made):
    """`Planned.dated`: a plan of the same periods and counts (a text, title or tags saved) takes over what the last made
    of them (the same objects); one where a period's count changed makes them again (a year's page shows each month's
    count): what a plan without a last one makes of that site."""
    assembly, config = made
    site, urls = assembly.site, assembly.urls
    first = Planned(config)
    list(plan(site, config, urls, first))
    again = Planned(config, first)
    list(plan(site, config, urls, again))
    assert first.dates is not None and again.dates is first.dates
    month = next(period for period, listed in site.periods.items() if period.kind == "month" and listed)
    fewer = replace(site, periods={p: (listed[1:] if p == month else listed) for p, listed in site.periods.items()})
    changed, fresh = Planned(config, again), Planned(config)
    assert list(map(_shown, plan(fewer, config, urls, changed))) == list(map(_shown, plan(fewer, config, urls, fresh)))
    assert changed.dates == fresh.dates and changed.dates is not None and changed.dates.parts != first.dates.parts
    assert changed.dates.links == first.dates.links  # (the same periods: their links, taken over)
    assert Planned(config, keep=False).dates is None


def test_a_listings_cards_are_made_once_a_plan_and_are_each_articles_card(made):
    """`CardDeps` makes each article's card once a plan (an article is on five or six listings): every listing page's
    deps hold what `card` makes of its articles, the versions' keys of a translated one too."""
    assembly, _ = made
    listings = [page for page in assembly.pages if "paginator" in page.context]
    assert listings
    assert any(len(c) == 3 for page in listings for c in page.deps[0])  # (an article with versions)
    for page in listings:
        assert page.deps[0] == tuple(card(a, assembly.site) for a in page.context["articles"]), page.path


def test_period_labels_are_babels_format_date(made):
    """A period's label is formatted through Babel's parsed pattern (`theme.date_formatter`), as `format_date` does."""
    assembly, config = made
    periods = [page for page in assembly.pages if page.kind in ("month", "day")]
    assert periods
    for page in periods:
        parts = [int(part) for part in page.path.split("/")[:3] if part.isdigit()]
        period = Period(*parts)
        expected = format_date(period.start, "LLLL y", config.lang).capitalize() if period.kind == "month" else None
        assert page.title == period_label(period, config.lang) == (expected or format_date(period.start, "long", config.lang))


@pytest.mark.parametrize("lang", ["en", "ru", "de", "fr", "uk", "ja", "pt-BR", "zh-Hant"])
@pytest.mark.parametrize("style", ["short", "medium", "long", "full", "LLLL y", "d MMMM y", "EEEE, d. MMMM y"])
def test_date_formatter_writes_what_format_date_writes(lang, style):
    days = [date(1999, 12, 31), date(2021, 5, 24), date(2024, 2, 29), date(2026, 1, 1)]
    assert [date_formatter(style, lang)(day) for day in days] == [format_date(day, style, lang) for day in days]


def test_date_formatter_refuses_what_format_date_refuses():
    """A pattern with time fields, or one that is no pattern, is the same error as `format_date`'s."""
    for style in ("d MMMM y HH:mm", "%d.%m.%Y"):
        with pytest.raises(ValueError) as told:
            format_date(date(2021, 5, 24), style, "en")
        with pytest.raises(ValueError) as again:
            date_formatter(style, "en")
        assert str(again.value) == str(told.value)
