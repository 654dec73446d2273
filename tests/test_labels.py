"""The texts Babel makes that one `ssg build` process leaves for the next (`ssg.labels`: the date archive's labels, the
languages' names): taken where they were made by the same code for the same language, never trusted where damaged,
foreign or of another language, safe to lose."""

from __future__ import annotations

import marshal

import pytest

import ssg.build
import ssg.feeds
import ssg.pages
import ssg.render
from ssg.labels import Labels

from .conftest import BILINGUAL_YAML, Project, article
from .test_incremental import cold_build, stories, tree

STORY = "content/2021/story-2.md"


@pytest.fixture
def site(project):
    project.write(stories())
    project.write({"content/2021/novost.md": article("Новость", "2021-02-20T10:00:00+03:00", "Текст.", lang="ru", tags="[Alpha]")})
    project.build()
    return project


@pytest.fixture
def formatted(monkeypatch):
    """The months and days whose labels a build formats (not taken from the memo)."""
    found: list[tuple] = []
    real = ssg.pages.period_label

    def period_label(period, lang):
        if period.kind != "year":
            found.append((period.year, period.month, period.day))
        return real(period, lang)

    monkeypatch.setattr(ssg.pages, "period_label", period_label)
    return found


def edit(project: Project, date: str = "2021-03-12T10:00:00+03:00", body: str = "New body.") -> None:
    project.write({STORY: article("Story 2", date, body, tags="[Alpha, T0]")})


def stored(project: Project) -> bytes:
    return project.cache_sql("SELECT value FROM labels")[0][0]


def store(project: Project, value: bytes) -> None:
    project.cache_sql("UPDATE labels SET value = ?", value)


def test_a_new_process_formats_only_the_labels_of_periods_no_build_labelled(site, tmp_path, formatted):
    """Every build in a new process formatted each month's and day's label with Babel (4,000 at 10,000 articles, 40-60
    ms): an edit now formats none, a date moved to a new day only that day's and its month's."""
    edit(site)
    site.build()
    assert formatted == []
    edit(site, date="2021-07-01T10:00:00+03:00")
    site.build()
    assert set(formatted) == {(2021, 7, None), (2021, 7, 1)}
    assert tree(site.public) == cold_build(site, tmp_path)
    formatted.clear()
    edit(site, body="Again.")
    site.build()
    assert formatted == []  # (the new ones were stored with the others)


def _foreign(project: Project) -> bytes:
    """A memo of well-formed labels, all wrong, under another key (another ssg, another Babel)."""
    _, key, periods, languages = marshal.loads(stored(project)[32:])
    return Labels(key + "x", dict.fromkeys(periods, "WRONG LABEL"), dict.fromkeys(languages, "WRONG LABEL")).dumps()


def _unchecked(project: Project) -> bytes:
    """The stored memo with a label changed and its checksum left as it was (a damaged file)."""
    value = stored(project)
    return value.replace(b"March", b"Mbrch")


@pytest.mark.parametrize(
    "damage",
    [
        _foreign,
        _unchecked,
        lambda p: stored(p)[:40],  # cut short
        lambda p: b"",
        lambda p: Labels(marshal.loads(stored(p)[32:])[1], {(2021, 3, 12): 7}).dumps(),  # a label of another type
        lambda p: Labels(marshal.loads(stored(p)[32:])[1], {}, {"ru": None}).dumps(),  # a name of another type
    ],
    ids=["foreign", "checksum", "cut short", "empty", "label shape", "name shape"],
)
def test_damaged_or_foreign_labels_are_made_again(site, tmp_path, formatted, damage):
    assert b"March" in stored(site)
    store(site, damage(site))
    edit(site)
    site.build()
    assert formatted  # none taken from what was stored
    assert tree(site.public) == cold_build(site, tmp_path)
    assert "WRONG LABEL" not in str(tree(site.public))


@pytest.fixture
def named(monkeypatch):
    """The languages a build names with Babel (not taken from the memo)."""
    found: list[str] = []
    real = ssg.feeds.language_name

    def language_name(lang):
        found.append(lang)
        return real(lang)

    monkeypatch.setattr(ssg.feeds, "language_name", language_name)
    monkeypatch.setattr(ssg.build, "language_name", language_name)
    monkeypatch.setattr(ssg.render, "language_name", language_name)
    return found


def test_a_new_process_names_no_language_an_earlier_build_named(site, tmp_path, named):
    """Each language feed's title names its language in itself ("Test archive (русский)"), in the feed and in every
    page's head: Babel read all of its data for it in every build in a new process (20-30 ms for Russian, where the
    pages the build made were all English). The memo's names make the same titles."""
    edit(site)
    site.build()
    assert named == []
    assert "(русский)" in site.page("2021/03/")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_new_process_on_a_bilingual_site_names_no_language_for_the_switch(site, tmp_path, named):
    """A bilingual site's language switch, on every page, names each language in itself ("Русский"): Babel read all of
    Russian's data for it in every build in a new process though the memo had the name (found in a second reading)."""
    site.write({"site.yaml": BILINGUAL_YAML})
    site.build()
    named.clear()
    edit(site)
    site.build()
    assert named == []
    assert "Русский" in site.page("2021/03/")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_labels_of_another_language_are_not_taken(site, tmp_path):
    """The site's language changed (an archive turned Russian): the months are named in Russian, as a cold build
    names them, not as the English memo holds them."""
    site.write({"site.yaml": (site.root / "site.yaml").read_text(encoding="utf-8") + "lang: ru\n"})
    site.build()
    assert "Март 2021" in site.page("2021/03/")
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_lost_memo_is_made_again(site, tmp_path, formatted):
    site.cache_sql("DELETE FROM labels")
    edit(site)
    site.build()
    assert formatted
    assert b"March" in stored(site)
    assert tree(site.public) == cold_build(site, tmp_path)
