"""The navigation of a date archive and its listings: a year page's months, a month page's days, and the numbered pager."""

from __future__ import annotations

import re

import pytest

from ssg.pages import page_window

from .conftest import article


def parts_of(html: str) -> list[tuple[str | None, str, str | None]]:
    """The months or days a period page lists: (href or None where unlinked, name as shown, count as shown)."""
    nav = re.search(r'<nav class="period-parts.*?</nav>', html, re.S)
    if nav is None:
        return []
    found = []
    for item in re.findall(r"<li>(.*?)</li>", nav[0], re.S):
        href = re.search(r'href="([^"]*)"', item)
        name = re.search(r'class="period-part__name"[^>]*>([^<]*)', item)[1].strip()
        count = re.search(r'<span aria-hidden="true">(\d+)</span>', item)
        found.append((href[1] if href else None, name, count[1] if count else None))
    return found


def numbers_of(html: str) -> list[str]:
    """The numbered pager's entries: `3`, `[6]` for the current page, `…` for a run left out."""
    block = re.search(r'<li class="pagination__numbers">(.*?)</ul>', html, re.S)[1]
    entries = []
    for attributes, item in re.findall(r"<li([^>]*)>(.*?)</li>", block, re.S):
        if item == "…":
            entries.append(item if "is-phone-gap" not in attributes else "(…)")  # (a gap on a phone only)
        else:
            number = re.search(r">(\d+)</a>", item)[1]
            entries.append(f"[{number}]" if 'aria-current="page"' in item else number)
    return entries


@pytest.fixture
def dated(project):
    """Five articles of 2021 in three months (none in the others), one of 2020."""
    return project.write(
        {
            "content/2021/a.md": article("Launch", "2021-01-15T10:00:00+03:00"),
            "content/2021/b.md": article("Docking", "2021-03-02T10:00:00+03:00"),
            "content/2021/c.md": article("Spacewalk", "2021-03-02T18:00:00+03:00"),
            "content/2021/d.md": article("Landing", "2021-03-24T09:00:00+03:00"),
            "content/2021/e.md": article("Crew", "2021-11-30T23:30:00+03:00"),
            "content/2020/f.md": article("Old news", "2020-07-01T12:00:00+03:00"),
        }
    )


def test_a_year_page_lists_its_twelve_months_with_counts_linking_only_those_with_articles(dated):
    dated.build()
    year = dated.page("2021/")
    months = parts_of(year)
    assert len(months) == 12 and [name for _, name, _ in months][:3] == ["January", "February", "March"]
    assert months[0] == ("01/", "January", "1") and months[2] == ("03/", "March", "3") and months[10] == ("11/", "November", "1")
    assert months[1] == (None, "February", None) and '<span class="visually-hidden">no articles</span>' in year
    # A heading names the list for screen readers, and each count is read as words.
    assert '<nav class="period-parts period-parts--months" aria-labelledby="period-parts-title">' in year
    assert '<h2 class="period-parts__title" id="period-parts-title">Months</h2>' in year
    assert '<span class="visually-hidden">Articles: 3</span><span aria-hidden="true">3</span>' in year
    # The second page of the year (paginate: 2) shows them too; a month's and a day's page does not show months.
    assert parts_of(dated.page("2021/page/2/")) == [(f"../../{href}" if href else None, name, n) for href, name, n in months]
    assert parts_of(dated.page("2020/"))[6] == ("07/", "July", "1")


def test_a_month_page_lists_its_days_with_articles(dated):
    dated.build()
    march = dated.page("2021/03/")
    assert parts_of(march) == [("02/", "2", "2"), ("24/", "24", "1")]
    assert '<h2 class="period-parts__title" id="period-parts-title">Days</h2>' in march
    assert '<span class="period-part__weekday">Tue</span>' in march  # 2 March 2021
    assert '<span class="visually-hidden">Tuesday, March 2, 2021</span>' in march
    assert parts_of(dated.page("2021/03/02/")) == []  # a day has no parts


def test_months_and_days_are_named_in_the_sites_language(project):
    project.write(
        {
            "site.yaml": "title: Архив\nbase_url: https://example.org/\ntimezone: Europe/Moscow\nlang: ru\n",
            "content/2021/a.md": article("Запуск", "2021-05-24T10:00:00+03:00"),
        }
    )
    project.build()
    year = project.page("2021/")
    assert parts_of(year)[4] == ("05/", "май", "1") and parts_of(year)[0] == (None, "январь", None)
    assert "Месяцы</h2>" in year and "нет материалов" in year and "Материалов: 1" in year
    month = project.page("2021/05/")
    assert parts_of(month) == [("24/", "24", "1")] and "понедельник, 24 мая 2021\u202fг." in month and "Дни</h2>" in month


@pytest.mark.parametrize(
    ("page", "pages", "window"),
    [
        (1, 1, (1,)),
        (1, 2, (1, 2)),
        (3, 5, (1, 2, 3, 4, 5)),
        (1, 10, (1, 2, 3, None, 10)),
        (4, 10, (1, 2, 3, 4, 5, 6, None, 10)),  # a run of one page (2) is shown, not a … for it
        (6, 1000, (1, None, 4, 5, 6, 7, 8, None, 1000)),
        (1000, 1000, (1, None, 998, 999, 1000)),
    ],
)
def test_the_page_window_shows_the_ends_and_two_pages_each_side(page, pages, window):
    assert page_window(page, pages) == window


def test_the_pager_numbers_the_pages_around_the_current_one_and_keeps_first_prev_next_last(project):
    project.write({f"content/2021/n{n:02d}.md": article(f"News {n}", f"2021-05-{n:02d}T10:00:00+03:00") for n in range(1, 21)})
    project.build()  # paginate: 2, so 10 home pages
    assert numbers_of(project.page("")) == ["[1]", "2", "3", "…", "10"]
    sixth = project.page("page/6/")
    assert numbers_of(sixth) == ["1", "…", "4", "5", "[6]", "7", "8", "9", "(…)", "10"]
    # On a phone 4, 8 and 9 are left out: 8 and 9 leave a gap of their own, or 7 and 10 read as pages in a row (a
    # reader's trial: "1 4 5 6 … 12"); 4's is the gap there is.
    assert '<li class="pagination__gap is-phone-gap" aria-hidden="true">…</li>\n        <li><a href="../10/"' in sixth
    assert '<li><a href="./" aria-label="Page 6" aria-current="page">6</a></li>' in sixth
    assert '<li class="is-far"><a href="../4/" aria-label="Page 4">4</a></li>' in sixth  # left out on a phone
    assert '<li class="pagination__gap" aria-hidden="true">…</li>' in sixth
    assert '<a href="../5/" rel="prev">Previous</a>' in sixth and '<a href="../7/" rel="next">Next</a>' in sixth
    assert '<li class="pagination__first"><a href="../../">First</a></li>' in sixth
    assert '<li class="pagination__last"><a href="../10/">Last</a></li>' in sixth
    assert numbers_of(project.page("page/10/")) == ["1", "…", "8", "9", "[10]"]
    # A listing of one page has no pager.
    assert 'class="pagination"' not in project.page("2021/05/01/")
