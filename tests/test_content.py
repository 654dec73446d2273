"""Reading one article file: front matter rules, defaults, and messages."""

from __future__ import annotations

import sys
import types
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ssg.content import Article, ReadSettings, read_article, slug_of
from ssg.dates import against_path, date_fix, relative, understand
from ssg.frontmatter import split_front_matter
from ssg.search import SearchConfig

SETTINGS = ReadSettings(lang="en", timezone="Europe/Moscow", require=(), search=SearchConfig(enabled=False))


def read(text: str, path: str = "2021/story.md", settings: ReadSettings = SETTINGS) -> dict:
    return read_article(path, text.encode("utf-8"), settings)


def problems(text: str, **kwargs) -> list[str]:
    record = read(text, **kwargs)
    return [f"{p['path']}:{p['line']}: {p['field']}: {p['message']}" for p in record.get("problems", [])]


def meta(text: str, **kwargs) -> dict:
    record = read(text, **kwargs)
    assert "problems" not in record, record
    return record["meta"]


def test_full_front_matter_is_read():
    m = meta(
        "---\ntitle: Russia and China agree\ndate: 2021-05-24T10:15:00+03:00\nupdated: 2021-05-25\nlang: ru\n"
        "tags: [Roscosmos, China, Moon]\nsource: {name: Interfax, url: 'https://www.interfax.ru/x'}\n"
        "image: {src: images/soyuz.jpg, credit: pronedra.ru, alt: A rocket}\nrights: Public domain\n"
        "views: 2101\n---\n\nFirst *paragraph*.\n\nSecond.\n"
    )
    assert m["title"] == "Russia and China agree"
    assert m["date"] == "2021-05-24T10:15:00+03:00"
    assert m["updated"] == "2021-05-25T00:00:00+03:00"
    assert m["lang"] == "ru"
    assert m["tags"] == ["Roscosmos", "China", "Moon"]
    assert m["source"] == {"name": "Interfax", "url": "https://www.interfax.ru/x"}
    assert m["image"] == {"src": "images/soyuz.jpg", "credit": "pronedra.ru", "alt": "A rocket", "caption": None}
    assert m["rights"] == "Public domain"
    assert m["summary"] == "First paragraph."
    assert m["extra"] == {"views": 2101}
    article = Article.from_record("2021/story.md", "k", {"meta": m})
    assert article.extra["views"] == 2101 and article.date.utcoffset().total_seconds() == 3 * 3600


def test_default_summary_skips_a_leading_image():
    body = "![Soyuz](../images/soyuz.jpg)\n\nThe rocket *lifted off*.\n\nMore.\n"
    assert meta(f"---\ntitle: T\ndate: 2021-01-01\n---\n{body}")["summary"] == "The rocket lifted off."
    assert meta(f"---\ntitle: T\ndate: 2021-01-01\nsummary: Given.\n---\n{body}")["summary"] == "Given."


def test_defaults_date_without_offset_uses_site_timezone_and_lang_from_site():
    m = meta("---\ntitle: T\ndate: 2021-01-10 09:30\n---\nx\n")
    assert m["date"] == "2021-01-10T09:30:00+03:00"
    assert m["lang"] == "en" and m["tags"] == [] and m["source"] is None and m["draft"] is False


def test_a_utc_date_is_shown_in_the_sites_time_zone_and_another_offset_as_written():
    """WordPress's converters write every date in UTC (`...Z`): on a Moscow site every time was 3 hours off, and a post
    of 01:30 had the day before in its URL. A clipping's own offset is the outlet's time, and stays."""
    assert meta('---\ntitle: T\ndate: "2021-03-03T22:30:00.000Z"\n---\nx\n')["date"] == "2021-03-04T01:30:00+03:00"
    assert meta("---\ntitle: T\ndate: 2021-03-03T22:30:00+00:00\n---\nx\n")["date"] == "2021-03-04T01:30:00+03:00"
    assert meta("---\ntitle: T\ndate: 2021-03-03T22:30:00-04:00\n---\nx\n")["date"] == "2021-03-03T22:30:00-04:00"


def test_a_date_with_a_fraction_of_a_second_is_kept_to_the_second():
    """An export's `2021-03-03T10:00:00.123456789Z` (Hugo's, an API's) was `datetime="...00.123456+03:00"` on the
    page, which HTML's `datetime` does not take (three digits of a second at most), in every page that shows it."""
    assert meta('---\ntitle: T\ndate: "2021-03-03T10:00:00.123456Z"\n---\nx\n')["date"] == "2021-03-03T13:00:00+03:00"
    assert meta("---\ntitle: T\ndate: 2021-03-03 10:00:00.5\n---\nx\n")["date"] == "2021-03-03T10:00:00+03:00"


def test_a_week_date_is_a_day_alone():
    """`2021-W09-6` (ISO 8601's Saturday of week 9) was shown "March 6, 2021, 12:00 AM", where `2021-03-06` is the day."""
    assert meta('---\ntitle: T\ndate: "2021-W09-6"\n---\nx\n')["date"] == meta("---\ntitle: T\ndate: 2021-03-06\n---\nx\n")["date"]
    assert meta('---\ntitle: T\ndate: "2021W096"\n---\nx\n')["days"] == ["date"]
    assert meta('---\ntitle: T\ndate: "2021-W09"\n---\nx\n')["days"] == ["date"]  # (its Monday)


def test_a_utc_date_past_the_calendar_in_the_sites_time_zone_is_a_problem_on_its_line():
    """`date: 9999-12-31T23:59:59Z` (a placeholder for "never") is in the year 10000 in Moscow: the build stopped on
    an OverflowError traceback where the reader moved it into the site's time zone."""
    assert problems("---\ntitle: T\ndate: 2021-01-01\nupdated: 9999-12-31T23:59:59Z\n---\nx\n") == [
        "2021/story.md:4: updated: '9999-12-31T23:59:59Z' is outside the years 1 to 9999 in the site's time zone (Europe/Moscow):"
        " write the article's real date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)"
    ]
    assert meta("---\ntitle: T\ndate: 9999-12-31T23:59:59-05:00\n---\nx\n")["date"] == "9999-12-31T23:59:59-05:00"  # (as written)


def test_a_utc_date_moved_to_another_day_than_its_file_names_is_a_warning():
    """Second review: `2021-12-31-x.md` with `date: 2021-12-31T22:30:00Z` moved to 2022/01/01/ on a Moscow site, without a
    word, where a site built before (or Hugo's) had it under 2021/12/31/."""
    record = read("---\ntitle: T\ndate: 2021-12-31T22:30:00Z\n---\nx\n", path="2021/2021-12-31-x.md")
    assert record["meta"]["date"] == "2022-01-01T01:30:00+03:00" and [w["line"] for w in record["warnings"]] == [3]
    assert "the file name says 2021-12-31 (if the old URL had that day, name it in aliases:)" in record["warnings"][0]["message"]
    assert read("---\ntitle: T\ndate: 2021-12-31T20:30:00Z\n---\nx\n", path="2021/2021-12-31-x.md")["warnings"] == []


def test_date_from_file_name_and_slug_without_the_prefix():
    m = meta("---\ntitle: T\n---\nx\n", path="2022/2022-03-09-lunar-station.md")
    assert m["date"].startswith("2022-03-09T00:00:00") and m["slug"] == "lunar-station"


def test_jekyll_published_false_is_a_draft():
    """Jekyll hides a post with `published: false`; moved to ssg, such posts were published."""
    assert meta("---\ntitle: T\nlayout: post\npublished: false\n---\nx\n", path="2021/2021-03-21-hidden.md")["draft"] is True
    assert meta("---\ntitle: T\ndate: 2021-01-01\npublished: true\n---\n")["draft"] is False
    m = meta("---\ntitle: T\ndate: 2021-01-01\npublished: 2021-01-02\n---\n")  # (a date there, as Hugo and clippers write it)
    assert m["draft"] is False and m["extra"] == {"published": "2021-01-02"}


@pytest.mark.parametrize("name", ["2024-03-14", "2024_03_14", "2024-03-14 Clipping"])
def test_a_file_named_by_its_day_alone_is_told_the_date_to_write(name):
    """A vault's daily note, `2024-03-14.md` (Logseq's `2024_03_14.md`), was told "or start the file name with the
    date: 2021-05-24-name.md", which it does (found by a vault's trial)."""
    assert problems("---\ntitle: T\n---\nText.\n", path=f"notes/{name}.md") == [
        f"notes/{name}.md:3: date: is missing (write date: 2024-03-14; a file's name gives its date only written "
        "2024-03-14-name.md, the date, a dash and the rest; a page without a date, such as About, goes in content/pages/ "
        "or takes `type: page`)"
    ]


def test_a_protocol_relative_image_is_the_web_address_it_is():
    """`image: {src: //upload.wikimedia.org/...}`, as WordPress and Hugo exports write one, was taken for a path under
    content/: "not found (put it at content/upload.wikimedia.org/...)" (found by a search engines' trial)."""
    m = meta("---\ntitle: T\ndate: 2021-01-01\nimage: {src: //upload.wikimedia.org/a/b.jpg}\n---\nx\n")
    assert m["image"]["src"] == "https://upload.wikimedia.org/a/b.jpg"
    assert meta("---\ntitle: T\ndate: 2021-01-01\nimage: {src: //images/b.jpg}\n---\nx\n")["image"]["src"] == "images/b.jpg"


def test_the_keys_search_engines_are_told_by_are_kept_for_templates_too():
    """A site's template that read `article.extra.noindex` before ssg read the key lost its robots tag (found in review)."""
    m = meta("---\ntitle: T\ndate: 2021-01-01\nnoindex: true\nsitemap: false\ncanonical_url: https://tass.ru/1\n---\nx\n")
    assert m["noindex"] is True and m["sitemap"] is False and m["canonical_url"] == "https://tass.ru/1"
    assert m["extra"] == {"noindex": True, "sitemap": False, "canonical_url": "https://tass.ru/1"}


def test_obsidian_publish_false_is_a_draft():
    """Obsidian Publish (and Quartz) leave out a note with `publish: false`; pointed at a vault, ssg published it on
    its page, the feeds and the search, with its tags' pages (found by a vault's trial)."""
    assert meta("---\ntitle: T\ndate: 2021-01-01\npublish: false\n---\nx\n")["draft"] is True
    assert meta("---\ntitle: T\ndate: 2021-01-01\npublish: true\n---\nx\n")["draft"] is False


@pytest.mark.parametrize("status", ["draft", "Draft", "hidden", "private", "pending", "trash"])
def test_a_pelican_or_wordpress_status_that_holds_an_article_back_is_a_draft(status):
    """Pelican's and WordPress's `status: draft` was kept for templates, and the article published: on its page, in
    the feeds, the search and a tag page of its own."""
    assert meta(f"---\ntitle: T\ndate: 2021-01-01\nstatus: {status}\n---\nx\n")["draft"] is True


@pytest.mark.parametrize("status", ["published", "publish", "future"])
def test_a_status_that_publishes_leaves_the_article_in(status):
    m = meta(f"---\ntitle: T\ndate: 2021-01-01\nstatus: {status}\n---\nx\n")
    assert m["draft"] is False and "status" not in m["extra"]


def test_an_unknown_status_is_an_error_on_its_line():
    """Publishing an article whose status ssg cannot read could publish what its author kept back."""
    assert problems("---\ntitle: T\ndate: 2021-01-01\nstatus: review\n---\nx\n") == [
        "2021/story.md:4: status: 'review' is not a status ssg knows (write status: draft to leave the article out, or status: published)"
    ]


def test_cyrillic_file_name_gives_transliterated_slug():
    assert meta("---\ntitle: T\ndate: 2021-01-01\n---\n", path="2021/Роскосмос.md")["slug"] == "roskosmos"
    assert meta("---\ntitle: T\ndate: 2021-01-01\nslug: ../../etc/Самолёт\n---\n")["slug"] == "etc-samolyot"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Союз МС-27 вернулся на Землю", "soyuz-ms-27-vernulsya-na-zemlyu"),  # (unidecode: soiuz-ms-27-vernulsia-na-zemliu)
        ("Юрий Гагарин", "yury-gagarin"),
        ("Мария Захарова", "mariya-zakharova"),
        ("Сергей Шойгу", "sergey-shoygu"),
        ("Roscosmos и NASA: café", "roscosmos-i-nasa-cafe"),  # Latin as slugify makes it
        ("Київ", "kiiv"),  # not Russian: slugify's own transliteration
        ("NASA's Artemis: it\u2019s here", "nasas-artemis-its-here"),
    ],
)
def test_cyrillic_is_romanized_as_a_russian_reader_writes_it(text, slug):
    assert slug_of(text) == slug


@pytest.mark.parametrize(("text", "slug"), [("Європа", "evropa"), ("ツナミ", "tunami"), ("חדשות", "khdshvt")])
def test_a_slug_is_the_same_where_the_unidecode_package_is_installed(text, slug, monkeypatch):
    """python-slugify spells other letters with Unidecode where any package of the environment brought it (`ievropa`,
    `tsunami`, `hdshvt`), with text-unidecode where not: the same tag had one URL on a laptop and another on CI."""
    unidecode = types.ModuleType("unidecode")
    unidecode.unidecode = lambda text: "".join(char if char.isascii() else "q" for char in text)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "unidecode", unidecode)  # (python-slugify 9 imports it when it transliterates)
    for name, module in list(sys.modules.items()):  # (8 imported it once, as its module's `unidecode`)
        if name.startswith("slugify") and isinstance(getattr(module, "unidecode", None), types.ModuleType):
            monkeypatch.setattr(module, "unidecode", unidecode)
    assert slug_of(text) == slug


def test_tags_as_comma_string_are_trimmed_and_deduplicated():
    assert meta("---\ntitle: T\ndate: 2021-01-01\ntags: ' Moon,  China ,moon, '\n---\n")["tags"] == ["Moon", "China"]


def test_source_as_bare_string_is_the_name():
    assert meta("---\ntitle: T\ndate: 2021-01-01\nsource: TASS\n---\n")["source"] == {"name": "TASS", "url": None}


def test_source_as_a_bare_link_is_the_url_named_after_its_host():
    """Web clippers write `source: "https://..."`: the link was the source's name, shown as text and not linked."""
    m = meta('---\ntitle: T\ndate: 2021-01-01\nsource: "https://www.interfax.ru/russia/767824"\n---\n')
    assert m["source"] == {"name": "interfax.ru", "url": "https://www.interfax.ru/russia/767824"}


def test_a_source_whose_host_is_in_brackets_and_no_ip_address_is_a_problem_on_its_line():
    """`source: "ftp://[zz]/"` stopped the build on urlsplit's ValueError traceback (asked whether it is a link); a
    template's `source: https://[site]/x` said only that 'site' is no IP address."""
    assert meta('---\ntitle: T\ndate: 2021-01-01\nsource: "ftp://[zz]/"\n---\nx\n')["source"] == {"name": "ftp://[zz]/", "url": None}
    for value in ('"https://[site]/x"', '{name: A, url: "https://[site]/x"}'):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nsource: {value}\n---\nx\n") == [
            "2021/story.md:4: source: url 'https://[site]/x' is not a URL: 'site' does not appear to be an IPv4 or IPv6 address"
            " (write the outlet's address, e.g. https://www.interfax.ru/...)"
        ]


def test_a_source_named_by_entities_for_nothing_is_a_problem_on_its_line():
    """`source: "&#1;"` (an export's escapes) decoded to no name, and the reader named the source after the host of no
    url: a TypeError traceback stopped the build. With a url, it is named after the url's host."""
    assert problems('---\ntitle: T\ndate: 2021-01-01\nsource: "&#1;"\n---\nx\n') == [
        "2021/story.md:4: source: name '&#1;' shows as nothing: its entities stand for no visible character (write the outlet's name)"
    ]
    m = meta('---\ntitle: T\ndate: 2021-01-01\nsource: {name: "&#32;", url: "https://www.tass.ru/x"}\n---\nx\n')
    assert m["source"] == {"name": "tass.ru", "url": "https://www.tass.ru/x"}


def test_a_tag_or_outlet_too_long_for_its_pages_folder_is_a_problem_on_its_line():
    """A paragraph pasted as a tag (or an outlet's name) made a slug of 300 letters: the build failed writing
    tags/<slug>/index.html, saying only that the file name is too long and to build elsewhere."""
    long = "ж" * 101  # (romanized: 2 letters each)
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\ntags: [Луна, {long}]\nsource: {{name: {long}}}\n---\nx\n") == [
        f"2021/story.md:{line}: {key}: {what} '{long[:40]}...' makes its page's slug 202 characters long, too long for a folder name"
        f" (write a shorter {what})"
        for line, key, what in [(4, "tags", "tag"), (5, "source", "name")]
    ]
    assert meta(f"---\ntitle: T\ndate: 2021-01-01\ntags: [{long[:100]}]\n---\nx\n")["tags"] == [long[:100]]


def test_no_front_matter_and_unclosed_front_matter():
    assert problems("Just text\n") == [
        "2021/story.md:1: None: no front matter: the file must start with a line '---', the YAML keys, then '---' (e.g. title: ...); a note of your own that is no article stays out of the site under a name starting with _ (_notes.md)"
    ]
    assert "never closed" in problems("---\ntitle: T\n")[0]


@pytest.mark.parametrize("text", ["", "\n", "  \r\n\t\n", "\ufeff"])
def test_an_empty_file_says_it_is_empty_not_that_it_has_no_front_matter(text):
    """An editor's new file saved before it was written said "no front matter: the file must start with a line '---'"."""
    assert problems(text) == [
        "2021/story.md:1: None: the file is empty (write the front matter, e.g. ---, title: ..., date: ..., ---, and the "
        "text below it; or delete the file)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "\n---\ntitle: T\ndate: 2021-01-01\n---\nx\n",
            "2: None: the front matter's '---' must be the file's first line (delete the blank line above it)",
        ),
        (
            "\r\n \r\n---\r\ntitle: T\r\n---\r\n",
            "3: None: the front matter's '---' must be the file's first line (delete the 2 blank lines above it)",
        ),
        ('\n+++\ntitle = "T"\n+++\n', "2: None: the front matter's '+++' must be the file's first line (delete the blank line above it)"),
    ],
)
def test_front_matter_under_blank_lines_names_its_line_and_the_lines_to_delete(text, message):
    """A blank first line, which no editor shows, gave "no front matter: the file must start with a line '---'" for a
    file that visibly had it."""
    assert problems(text) == [f"2021/story.md:{message}"]


def test_yaml_syntax_error_has_the_line_in_the_file():
    (message,) = problems("---\ntitle: T\ndate: 2021-01-01\ntags: [a, b\n---\n")
    assert message.startswith("2021/story.md:4: None: YAML syntax error")


def test_an_unclosed_bracket_or_quote_is_reported_where_it_opened():
    """PyYAML notices a [ left open only on the next key's line: `title: [broken` on line 2 was reported on line 3."""
    (message,) = problems("---\ntitle: T\nimage:\n  src: {x.jpg\n  alt: A rocket\ndate: 2021-01-01\n---\n")
    assert message == (
        "2021/story.md:4: None: YAML syntax error: the { opened here is not closed "
        '(end the mapping with }; if the { is part of the text, put the value in quotes: src: "{x.jpg")'
    )
    # A list over several lines: where it opened, and no quotes suggested for what is a list.
    assert problems("---\ntitle: T\ntags: [Roscosmos,\n  NASA\ndate: 2021-01-01\n---\n") == [
        "2021/story.md:3: None: YAML syntax error: the [ opened here is not closed (end the list with ])"
    ]
    assert problems("---\ntitle: 'Soyuz\ndate: 2021-01-01\nlang: en\n---\n") == [
        "2021/story.md:2: None: YAML syntax error: the ' opened here is not closed (end the value with '; a ' inside it is written '')"
    ]
    # Obsidian's tags in a list, `[#space, #news]`: YAML's comment cut the list (found by a new user's trial).
    assert problems("---\ntitle: T\ndate: 2021-01-01\ntags: [#space, #news]\n---\n") == [
        "2021/story.md:4: None: YAML syntax error: a # after [ or a comma starts a YAML comment, so the list ends there: "
        'write tags: ["#space", "#news"] (or tags: [space, news])'
    ]
    # Not for a list that YAML reads with its comment, the error being elsewhere, nor for text in brackets (found in review).
    assert "not closed" in problems('---\ntitle: "Soyuz\ndate: 2021-01-01\ntags: [ # keywords\n  a, b]\n---\n')[0]
    assert 'put the value in quotes: title: "[#1] Top news"' in problems("---\ntitle: [#1] Top news\ndate: 2021-01-01\n---\n")[0]
    # A quoted value may span lines: another error on a later one is not an unclosed quote.
    (message,) = problems('---\ndate: 2021-01-01\ntitle: "Soyuz\n  \\q docks"\n---\n')
    assert "unknown escape" in message and "not closed" not in message


def test_a_quote_left_open_that_a_later_line_closes_is_reported_where_it_opened():
    """`title: "Беспилотник упал` with `credit: "Фото: ТАСС"` four lines below reads as one value up to the quote before
    Фото; PyYAML then said `while parsing a block mapping did not find expected key (check quotes, colons and
    indentation)` on the credit's line, which was fine (found by a daily user's trial)."""
    text = '---\ntitle: "Беспилотник упал\ndate: 2026-07-11\nlang: ru\ntags: []\nimage: {src: x.jpg, credit: "ТАСС", alt: A}\n---\n'
    assert problems(text) == [
        '2021/story.md:2: None: YAML syntax error: the " opened here is not closed on its line, so the value runs on to the " 4 lines'
        ' below (end the value with "; a " inside it is written \\")'
    ]
    assert problems("---\ntitle: 'Мантуров: ОПК\ndate: '2025-07-08'\n---\n") == [
        "2021/story.md:2: None: YAML syntax error: the ' opened here is not closed on its line, so the value runs on to the ' 1 line"
        " below (end the value with '; a ' inside it is written '')"
    ]
    # An item of a list; and a '' inside single quotes is no closing quote.
    assert problems('---\ntitle: T\ntags:\n  - "Роскосмос\n  - "NASA"\n---\n')[0].startswith(
        '2021/story.md:4: None: YAML syntax error: the " opened here is not closed on its line'
    )
    assert problems("---\ntitle: T\nrights: 'It''s ours\nsummary: 'x'\n---\n")[0].startswith(
        "2021/story.md:3: None: YAML syntax error: the ' opened here"
    )
    # A quoted value over two lines is fine.
    assert meta('---\ntitle: "Soyuz\n  docks"\ndate: 2021-01-01\n---\nx\n')["title"] == "Soyuz docks"


def test_a_key_without_a_space_after_its_colon_or_indented_out_of_line_is_told_on_its_line():
    """`title:Текст` was "mapping values are not allowed in this context (check quotes, colons and indentation)" on the
    next key's line, and ` url:` one space left of `  name:` under `source:`, at the end of the front matter, was
    "did not find expected key" on the title's line, where the top mapping starts (found by a daily user's trial)."""
    assert problems("---\ntitle:Текст\ndate: 2021-01-01\n---\n") == [
        "2021/story.md:2: None: YAML syntax error: no space after the colon of title:, so YAML reads the line as text, not a key:"
        " write title: Текст"
    ]
    indented = "this key is indented 1 space, the key above it 2: keys of one mapping line up (indent it 2 spaces)"
    for after in ("", "lang: ru\n"):  # (last in the front matter, or not)
        text = f"---\ntitle: T\ndate: 2021-01-01\nsource:\n  name: ТАСС\n url: https://tass.ru/1\n{after}---\n"
        assert problems(text) == [f"2021/story.md:6: None: YAML syntax error: {indented}"]


@pytest.mark.parametrize(
    ("keys", "line", "fix"),
    [
        ("title:Текст\ndate: 2026-01-01\nlang: ru\n", 2, "title: Текст"),
        ("date: 2026-01-01\ntitle:Текст\nlang: ru\n", 3, "title: Текст"),
        ("date: 2026-01-01\nlang: ru\ntitle:Текст\n", 4, "title: Текст"),
        ("date: 2026-01-01\ntitle:Soyuz docks\nlang: ru\n", 3, "title: Soyuz docks"),
        ("date: 2026-01-01\nlang: ru\ntitle:Soyuz\n", 4, "title: Soyuz"),
        ("source:https://tass.ru/x\ndate: 2026-01-01\ntitle: T\n", 2, "source: https://tass.ru/x"),
        ("title: T\ndate: 2026-01-01\nsource:https://tass.ru/x\n", 4, "source: https://tass.ru/x"),
        ("title: T\nurl:https://x.org/a\ndate: 2026-01-01\n", 3, "url: https://x.org/a"),
        ("title: T\ndate: 2026-01-01\nsource:\n  name: ТАСС\n  url:https://tass.ru/x\n", 6, "url: https://tass.ru/x"),
    ],
)
def test_a_key_without_a_space_after_its_colon_is_told_so_wherever_it_is(keys, line, fix):
    """Only the first key was told so (PyYAML's "mapping values are not allowed"): glued after another key, PyYAML
    says "could not find expected ':'", and the message was a plain line's, "indent it or join it to that line"."""
    key = fix.partition(":")[0]
    assert problems(f"---\n{keys}---\n") == [
        f"2021/story.md:{line}: None: YAML syntax error: no space after the colon of {key}:, so YAML reads the line as text,"
        f" not a key: write {fix}"
    ]


def test_a_value_holding_an_alias_of_its_own_anchor_is_a_yaml_error_on_its_line():
    """`a: &a [*a]` (an anchor's alias inside itself) made a list holding itself, and the reader went round it (keeping
    the unknown key for templates) until a RecursionError traceback stopped the build."""
    for value in ("&a [*a]", "&b {x: [1, *b]}"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nmore: {value}\n---\nx\n") == [
            "2021/story.md:4: None: YAML syntax error: this value holds an alias of its own anchor (&a [*a]), which makes it"
            " without end: write the value out"
        ]
    assert meta("---\ntitle: T\ndate: 2021-01-01\nmore: &x [1]\nagain: [*x, *x]\n---\nx\n")["extra"]["again"] == [[1], [1]]


def test_aliases_that_make_too_many_values_are_a_yaml_error_on_the_key_that_passes_the_limit():
    """A "billion laughs" (`b: &b [*a, *a, ...]` over `a: &a [...]`, each key ten times the one above) was read for
    minutes, then written out as JSON a thousand million times over: the build never ended."""
    keys = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"] + [
        f"{key}: &{key} [{', '.join([f'*{above}'] * 10)}]" for above, key in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    front = "\n".join(keys)
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\n{front}\n---\nx\n") == [
        "2021/story.md:8: None: YAML syntax error: its aliases (*a) make more than the 100,000 values a file may hold: write the values out"
    ]


def test_the_checks_of_aliases_are_made_wherever_a_text_may_hold_an_anchor():
    """The walks that look for aliases are skipped in front matter without an anchor (`yamlload._ANCHOR`); an `&` in a
    value (`AT&T`) takes them, and finds nothing; a document of more values than a file may hold is still one."""
    assert meta("---\ntitle: AT&T buys Time Warner\ndate: 2021-01-01\nrights: News & Media\n---\nx\n")["title"] == "AT&T buys Time Warner"
    many = "\n".join(f"  - {n}" for n in range(100_001))
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\nlots:\n{many}\n---\nx\n") == [
        "2021/story.md:4: None: YAML syntax error: its aliases (*a) make more than the 100,000 values a file may hold: write the values out"
    ]


_YAML_PIECES = [
    "title: Plain text", "n: 12", "n: 0x1F", "n: 1_000", "n: 0o17", "n: 1:30", "f: 1.5", "f: .inf", "f: -.Inf", "f: .nan", "f: 1e3",
    "b: yes", "b: No", "b: true", "b: off", "z: ~", "z: null", "z:", "d: 2021-01-01", "d: 2021-01-01T10:00:00+03:00",
    "s: '12'", 's: "yes"', "s: !!str 12", "i: !!int '7'", "i: !!int x", "b: !!bool maybe", "f: !!float '2'", "x: !!binary aGk=",
    "set: !!set {a, b}", "o: !!omap [a: 1, b: 2]", "p: !!pairs [a: 1]", "t: !!timestamp 2021-01-01", "u: !local x",
    "tags: [NASA, Роскосмос, 1, 2.5, yes, ~]", "source: {name: TASS, url: 'https://tass.ru/x'}", "image:\n  src: x.png\n  alt: A",
    "list:\n  - a\n  - [b, {c: d}]\n  - {e: [f]}", "1: number key", "true: bool key", "~: null key", "1.5: float key",
    "? [a, b]\n: list key", "? {a: b}\n: map key", "m: {[a]: b}", "<<: {merged: 1}", "m: {<<: {a: 1}, b: 2}", "=: value key",
    "m: {=: v}", "s: !!str {a: b}", "q: !!seq {a: b}", "r: !!map [a]", "deep: " + "[" * 30 + "x" + "]" * 30, "e: ''", "e: []",
    "e: {}", "text: |\n  two\n  lines", "folded: >\n  one\n  line",
]  # fmt: skip


def test_plain_front_matter_is_made_as_pyyamls_constructor_makes_it(monkeypatch):
    """`yamlload._plain_data` makes the data of a document without an anchor itself, or leaves it to PyYAML: the same
    data (the same types: 1, 1.0 and True are told apart), or the same error, as PyYAML's constructor alone."""
    import random

    from ssg import yamlload

    def loaded(text):
        try:
            data, lines = yamlload.load_yaml_with_lines(text)
        except Exception as exc:  # noqa: BLE001 (compared as they are)
            return ("error", type(exc).__name__, str(exc), getattr(exc, "line", None))
        return repr(data), lines

    rng = random.Random(3)
    texts = [*_YAML_PIECES, "\n".join(_YAML_PIECES[:40])]
    texts += ["\n".join(rng.sample(_YAML_PIECES, rng.randint(1, 8))) for _ in range(3000)]
    made, plain_data = [], yamlload._plain_data
    monkeypatch.setattr(yamlload, "_plain_data", lambda loader, node: made.append(plain_data(loader, node)) or made[-1])
    fast = [loaded(text) for text in texts]
    assert sum(data is not yamlload._NOT_PLAIN for data in made) > 300 and sum(data is yamlload._NOT_PLAIN for data in made) > 300
    monkeypatch.setattr(yamlload, "_plain_data", lambda loader, node: yamlload._NOT_PLAIN)
    slow = [loaded(text) for text in texts]
    for text, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, text
    assert sum(isinstance(a, tuple) and a[0] == "error" for a in fast) > 100  # (errors are compared too)


def test_a_tab_in_the_front_matter_is_named():
    (message,) = problems("---\ntitle: T\ndate: 2021-01-01\nsource:\n\tname: TASS\n---\n")
    assert message.startswith("2021/story.md:5: None: YAML syntax error") and message.endswith("(a tab: YAML indents with spaces only)")
    # On the last line, after a plain value: the tab's line, not the value's (which an unclosed bracket would get).
    (message,) = problems("---\ntitle: T\ndate: 2021-01-01\n\ttags: [x]\n---\n")
    assert message.startswith("2021/story.md:4: None: YAML syntax error") and message.endswith("(a tab: YAML indents with spaces only)")


def test_a_key_given_twice_is_an_error_naming_both_lines():
    # PyYAML keeps the last one silently; the first was as likely the one meant.
    assert problems("---\ntitle: First\ndate: 2021-01-01\ntitle: Second\n---\n") == [
        "2021/story.md:4: None: title: given twice, here and 2 lines above (keep one)"
    ]


def test_a_key_given_twice_inside_a_block_is_an_error_too():
    # The same rule and wording at every depth: in a block, a flow mapping, a mapping inside a list.
    assert problems("---\ntitle: T\ndate: 2021-01-01\nimage:\n  src: x.jpg\n  credit: Photo A\n  credit: Photo B\n---\n") == [
        "2021/story.md:7: None: credit: given twice, here and 1 line above (keep one)"
    ]
    assert problems("---\ntitle: T\ndate: 2021-01-01\nsource: {name: TASS, name: Interfax}\n---\n") == [
        "2021/story.md:4: None: name: given twice on this line (keep one)"
    ]
    assert problems("---\ntitle: T\ndate: 2021-01-01\nlinks:\n  - {a: 1}\n  - a: 1\n    a: 2\n---\n") == [
        "2021/story.md:7: None: a: given twice, here and 1 line above (keep one)"
    ]
    # Several repeats: the first in the text is named, whichever mapping holds it.
    text = "---\ntitle: T\nsource:\n  name: TASS\n  name: Interfax\ndate: 2021-01-01\ntitle: U\n---\n"
    assert problems(text) == ["2021/story.md:5: None: name: given twice, here and 1 line above (keep one)"]
    # The same key in two different mappings is no repeat, nor is a key that overrides one merged in.
    m = meta("---\ntitle: T\ndate: 2021-01-01\nimage: {src: x.jpg, credit: A}\nsource: {name: A}\nextra: {<<: {name: B}, name: C}\n---\n")
    assert m["image"]["credit"] == "A" and m["extra"] == {"extra": {"name": "C"}}


def test_missing_title_and_bad_date_are_both_reported_with_lines():
    assert problems("---\ndate: May 24\n---\n") == [
        "2021/story.md:3: title: is missing (add `title: ...` to the front matter)",
        "2021/story.md:2: date: 'May 24' has no year (write date: YYYY-05-24, the article's year for YYYY)",
    ]


def test_a_missing_key_is_reported_on_the_closing_line_where_it_would_go():
    """`title: is missing` had no line, unlike every other problem: an editor jumping to it landed nowhere."""
    fix = (
        "use 2021-05-24 or 2021-05-24T10:15:00+03:00, or start the file name with the date: 2021-05-24-name.md; "
        "a page without a date, such as About, goes in content/pages/ or takes `type: page`"
    )
    assert problems("---\nlang: en\ntags: [a]\n---\nBody.\n") == [  # (tags: an article's, so no word of pages)
        "2021/story.md:4: title: is missing (add `title: ...` to the front matter)",
        f"2021/story.md:4: date: is missing ({fix.split('; a page')[0]})",
    ]
    assert problems('+++\nlang = "en"\n+++\n') == [
        "2021/story.md:3: title: is missing (add `title: ...` to the front matter)",
        f"2021/story.md:3: date: is missing ({fix})",
    ]
    assert problems("---\n---\n") == [
        "2021/story.md:2: title: is missing (add `title: ...` to the front matter)",
        f"2021/story.md:2: date: is missing ({fix})",
    ]


def test_tags_that_are_not_strings():
    (message,) = problems("---\ntitle: T\ndate: 2021-01-01\ntags: [Moon, {a: b}]\n---\n")
    assert message.startswith("2021/story.md:4: tags: {'a': 'b'} is a mapping, not a name")


def test_bad_source_url():
    (message,) = problems("---\ntitle: T\ndate: 2021-01-01\nsource: {name: X, url: 'www.x.ru'}\n---\n")
    assert message == "2021/story.md:4: source: url 'www.x.ru' is not an absolute http(s) URL (e.g. https://www.interfax.ru/...)"


def test_not_utf8_names_the_line():
    record = read_article("2021/story.md", b"---\ntitle: T\n" + "Привет".encode("cp1251"), SETTINGS)
    (problem,) = record["problems"]
    assert problem["line"] == 3 and "is not UTF-8" in problem["message"]


def test_typo_of_known_key_warns_and_keeps_the_key():
    record = read("---\ntittle: T\ntitle: T\ndate: 2021-01-01\ntag: x\nlayout: post\n---\nText.\n")
    warnings = [(w["line"], w["field"], w["message"]) for w in record["warnings"]]
    assert warnings == [
        (2, "tittle", "unknown key, kept for templates; did you mean 'title'?"),
        (5, "tag", "unknown key, kept for templates; did you mean 'tags'?"),
    ]
    assert record["meta"]["extra"] == {"tittle": "T", "tag": "x", "layout": "post"}


def test_ssgs_own_keys_are_read_in_any_case_as_hugo_reads_them():
    """A user trial moving from Hugo: `Draft: true` and `Tags: [A]` (Hugo reads front-matter keys in any case, and left
    the draft out) published the draft, untagged, with a warning alone ("Draft: unknown key ... did you mean 'draft'?")."""
    record = read("---\ntitle: Caps\ndate: 2021-01-07\nDraft: true\nTags: [A]\n---\nx\n")
    assert record["meta"]["draft"] is True and record["meta"]["tags"] == ["A"] and record["meta"]["extra"] == {}
    assert record.get("warnings", []) == []
    m = meta('+++\nTITLE = "Caps"\nDate = 2021-01-07\nSlug = "caps-2"\n+++\nx\n')
    assert (m["title"], m["slug"]) == ("Caps", "caps-2")
    assert problems("---\ntitle: T\nDate: 2021-01-07\nTitle: yes\n---\nx\n") == [
        "2021/story.md:4: title: title: and Title: (line 2 and line 4) are one key, title:, written twice: keep one, as title:"
    ]
    assert problems("---\nTitle: Refs\ndate: 2021-01-07\n\ntitle: again\n---\nx\n") == [  # (the other order: both lines too)
        "2021/story.md:5: title: Title: and title: (line 2 and line 5) are one key, title:, written twice: keep one, as title:"
    ]
    assert problems("---\nTitle: yes\ndate: 2021-01-07\n---\nx\n") == [
        '2021/story.md:2: title: must be text, not true/false (YAML reads yes as true/false; for the text, put it in quotes: title: "yes")'
    ]


def test_a_key_holding_a_known_key_whole_is_no_typo_of_it():
    """A user trial: `subtitle:` was warned of as a typo of `title` (difflib finds them alike), and --strict failed on a
    key docs/content.md says is kept for templates. Only what a typo explains is told: a letter or two added, dropped,
    changed or swapped."""
    text = "---\nsubtitle: S\ntitle_en: E\ndate_published: x\nTitel: T\ndate: 2021-01-01\nsumary: S\nimgae: a.jpg\n---\nText.\n"
    assert [(w["field"], w["message"]) for w in read(text)["warnings"]] == [
        ("Titel", "unknown key, kept for templates; did you mean 'title'?"),
        ("sumary", "unknown key, kept for templates; did you mean 'summary'?"),
        ("imgae", "unknown key, kept for templates; did you mean 'image'?"),
    ]
    assert problems("---\nsubtitle: S\ndate: 2021-01-01\n---\n") == [
        "2021/story.md:4: title: is missing (add `title: ...` to the front matter)"
    ]


def test_the_images_texts_written_beside_it_are_told_where_they_go():
    """A user trial: `image_credit:` (or `credit:`, `alt:`, `caption:`) beside `image:` was kept for templates without a
    word, and the page showed no "Image source: ...", no caption, and the title as the picture's alt."""
    text = "---\ntitle: T\ndate: 2021-01-01\nimage: https://cdn.example.com/b.jpg\nimage_credit: pronedra.ru  # or\ncaption: A launch, at night\n---\nText.\n"
    fix = '(write image: {src: https://cdn.example.com/b.jpg, credit: pronedra.ru, caption: "A launch, at night"})'
    assert [(w["line"], w["field"], w["message"]) for w in read(text)["warnings"]] == [
        (5, "image_credit", f"not shown: the image's credit goes under image: {fix}"),
        (6, "caption", f"not shown: the image's caption goes under image: {fix}"),
    ]
    text = "---\ntitle: T\ndate: 2021-01-01\nimage: {src: a.jpg, credit: TASS}\ncredit: pronedra.ru\nimageAlt: A rocket\n---\nText.\n"
    assert [(w["field"], w["message"]) for w in read(text)["warnings"]] == [
        ("credit", "not shown: image: has a credit of its own (TASS), which the page shows: delete this one, or write it there"),
        ("imageAlt", "not shown: the image's alt goes under image: (write image: {src: a.jpg, credit: TASS, alt: A rocket})"),
    ]
    text = "---\ntitle: T\ndate: 2021-01-01\nalt: A rocket\n---\nText.\n"
    assert [w["message"] for w in read(text)["warnings"]] == [
        "not shown: the image's alt goes under image:, and the article has none (write image: {src: images/x.jpg, alt: A rocket})"
    ]
    # (two keys of one text: each line's warning gave the last one's value, line 5 told to write credit: TASS)
    text = "---\ntitle: T\ndate: 2021-01-01\nimage: a.jpg\nimage_credit: pronedra.ru\ncredit: TASS\n---\nText.\n"
    assert [(w["line"], w["message"]) for w in read(text)["warnings"]] == [
        (5, "not shown: the image's credit goes under image: (write image: {src: a.jpg, credit: pronedra.ru})"),
        (6, "not shown: the image's credit is given twice beside image: (image_credit: says pronedra.ru): keep one, under image:"),
    ]


def test_front_matter_keys_written_in_russian_are_told_their_names():
    """A Russian editor's trial: `заголовок:`, `дата:` and `теги:` were told only "title: is missing" and "date: is
    missing (use 2021-05-24 ...)", sending the editor to write again what the file had, and `теги:` not at all (the
    article had no tags without a word). Each is now told the key ssg reads."""
    text = "---\nЗаголовок: Пуск\nдата: 2021-05-24\nтеги: [Луна]\nисточник: ТАСС\n---\nТекст.\n"
    assert problems(text) == [
        "2021/story.md:6: title: is missing; Заголовок: (line 2) is its name in Russian: rename it to title:",
        "2021/story.md:6: date: is missing; дата: (line 3) is its name in Russian: rename it to date:",
    ]
    warnings = [(w["line"], w["field"], w["message"]) for w in read(text)["warnings"]]
    assert (4, "теги", "unknown key, kept for templates: is it 'tags' (its name in Russian)?") in warnings
    assert (5, "источник", "unknown key, kept for templates: is it 'source' (its name in Russian)?") in warnings


def test_required_fields_from_site_yaml():
    settings = ReadSettings("en", "UTC", ("source", "rights"), SearchConfig(enabled=False))
    assert problems("---\ntitle: T\ndate: 2021-01-01\nsource: X\n---\n", settings=settings) == [
        "2021/story.md:5: rights: is required by site.yaml `require:` but missing"
    ]


def test_image_path_cannot_leave_content():
    (message,) = problems("---\ntitle: T\ndate: 2021-01-01\nimage: ../../secret.jpg\n---\n")
    assert "points outside content/" in message


def test_markdown_links_to_articles_and_files_are_recorded():
    m = meta("---\ntitle: T\ndate: 2021-01-01\n---\n[a](../2020/other.md#x) ![i](../images/p.png) [w](https://x.org/)\n")
    assert m["article_links"] == ["2020/other.md"] and m["files"] == ["images/p.png"]


def test_toml_front_matter_as_hugo_and_zola_write_it_is_read():
    """Hugo's and Zola's `+++` TOML front matter was refused as "no front matter", so a Hugo archive built nothing."""
    text = (
        '+++\ntitle = "Artemis I: SLS"\ndate = 2021-04-01T10:22:00+03:00\nupdated = 2021-04-02\ntags = [\n  "NASA",\n  "Artemis",\n]\n'
        'draft = false\ncategories = ["space"]\n[params]\ntitle = "not the title"\n+++\n\nThe rocket *flew*.\n'
    )
    m = meta(text)
    assert (m["title"], m["date"], m["updated"], m["tags"], m["draft"]) == (
        "Artemis I: SLS",
        "2021-04-01T10:22:00+03:00",
        "2021-04-02T00:00:00+03:00",
        ["NASA", "Artemis"],
        False,
    )
    assert m["summary"] == "The rocket flew." and m["extra"] == {"categories": ["space"], "params": {"title": "not the title"}}
    assert m["lines"] == {"title": 2, "date": 3, "updated": 4, "tags": 5, "draft": 9, "categories": 10}
    assert problems('+++\ntitle = "T"\ndate = "24.05.2021"\n+++\n') == [
        "2021/story.md:3: date: '24.05.2021' is not an ISO 8601 date (write date: 2021-05-24)"
    ]


def test_toml_dates_of_extra_keys_reach_templates_as_iso_8601_as_yaml_ones_do():
    """Hugo's `lastmod = 2021-05-25T10:00:00Z` is a date-time value in TOML (text in YAML): it reached templates as
    '2021-05-25 10:00:00+00:00', which is not the ISO 8601 a `<time datetime>` or a script expects."""
    text = '+++\ntitle = "T"\ndate = 2021-05-24\nlastmod = 2021-05-25T10:00:00Z\nexpiry = 2022-01-01\nat = 10:30:00\n+++\n'
    assert meta(text)["extra"] == {"lastmod": "2021-05-25T10:00:00+00:00", "expiry": "2022-01-01", "at": "10:30:00"}


def test_another_tools_modification_date_is_the_updated_one_where_there_is_none():
    """Hugo's `lastmod` (and Jekyll's `last_modified_at`, Pelican's `Modified`) were kept, not shown as the update."""
    hugo = meta('+++\ntitle = "T"\ndate = 2021-05-24\nlastmod = 2021-05-25T10:00:00Z\n+++\n')
    assert hugo["updated"] == "2021-05-25T13:00:00+03:00" and hugo["lines"]["updated"] == 4  # (UTC: in the site's zone)
    assert meta("---\ntitle: T\ndate: 2021-05-24\nlast_modified_at: 2021-06-01\n---\n")["updated"].startswith("2021-06-01T00:00")
    assert meta("---\ntitle: T\ndate: 2021-05-24\nModified: 2021-06-02\n---\n")["updated"].startswith("2021-06-02T00:00")
    # (A vault's trial: Obsidian Linter's `date modified:`, a key with a space, was kept and not shown.)
    assert meta("---\ntitle: T\ndate: 2021-05-24\ndate modified: 2021-06-03\n---\n")["updated"].startswith("2021-06-03T00:00")
    # `updated:` wins; a value that is no date stays a kept key, without a word.
    both = meta("---\ntitle: T\ndate: 2021-05-24\nupdated: 2021-05-26\nlastmod: 2021-05-25\n---\n")
    assert both["updated"].startswith("2021-05-26")
    assert meta("---\ntitle: T\ndate: 2021-05-24\nlastmod: ':git'\n---\n")["updated"] is None
    # Earlier than the date: the warning names the key the file has (found in review).
    assert [(w["line"], w["field"]) for w in read("---\ntitle: T\ndate: 2021-05-24\nlastmod: 2021-05-01\n---\nText.\n")["warnings"]] == [
        (4, "lastmod")
    ]


def test_other_tools_keys_are_not_taken_for_typos_of_ssgs():
    """`resources:` (Hugo's) was warned of as a typo of `source`, which --strict made an error."""
    text = "---\ntitle: T\ndate: 2021-05-24\nresources: [{src: a.jpg}]\nimages: [a.jpg]\nlayout: post\nsoruce: TASS\n---\nText.\n"
    assert [(w["field"], w["message"]) for w in read(text)["warnings"]] == [
        ("soruce", "unknown key, kept for templates; did you mean 'source'?")
    ]


def test_a_shortcode_ssg_renders_left_as_text_is_told_why():
    """`{{< youtube x >}}` inside an HTML block was warned of as "{{}} is a Liquid tag", without a line (found in review)."""
    body = '<div class="video">\n{{< youtube abc >}}\n</div>\n\n{{< figure source="x.jpg" >}}\n\n{{< notice >}}\n'
    assert [(w["line"], w["message"]) for w in read(f"---\ntitle: T\ndate: 2021-01-01\n---\n{body}")["warnings"]] == [
        (
            6,
            "{{< youtube abc >}} is a Hugo shortcode ssg renders only in Markdown text (not inside HTML) and with a video id "
            "(the letters after v= in its link): here it shows as text",
        ),
        (
            9,
            '{{< figure source="x.jpg" >}} is a Hugo shortcode ssg renders only in Markdown text (not inside HTML) and with a '
            "src: here it shows as text",
        ),
        (11, "{{< notice >}} is a Hugo shortcode, which ssg does not run: it shows as text (write Markdown or HTML in its place)"),
    ]


def test_double_braces_in_prose_around_other_braces_are_no_liquid_tag():
    """`{{1}, {2}}` (a set of sets), and a `{{` whose `}}` comes a paragraph later with braces between: both were
    warned as Liquid tags (errors with --strict), the second with every word between them as the 'tag'."""
    body = "The partition {{1}, {2}} of {1, 2}.\n\nOpen {{ here,\n\nand {2} closed }} there.\n"
    assert read(f"---\ntitle: T\ndate: 2021-01-01\n---\n\n{body}")["warnings"] == []


def test_hugo_shortcodes_and_liquid_tags_left_in_the_text_are_warnings_on_their_lines():
    """A moved archive's own shortcode (`{{< notice >}}`) or `{% include %}` was published as that text, without a word; the
    shortcodes ssg renders, and an escaped one, are no warning."""
    body = (
        'Launch.\n\n{{< notice  title="Rocket" >}}\n\n{%  include note.html %}\n\n'
        "See {{ site.baseurl }}/about.\n\n`{{< x >}}` in code, and:\n\n```\n{% include shown.html %}\n```\n\n"
        '{{< figure src="/images/rocket.jpg" title="Rocket" >}} {{< youtube w7Ft2ymGmfc >}} and {{</* notice */>}} shown\n'
    )
    warnings = read(f"---\ntitle: T\ndate: 2021-01-01\n---\n\n{body}")["warnings"]
    assert [f"{w['line']}: {w['message']}" for w in warnings] == [
        '8: {{< notice title="Rocket" >}} is a Hugo shortcode, which ssg does not run: '
        "it shows as text (write Markdown or HTML in its place)",
        "10: {% include note.html %} is a Liquid tag (Jekyll's), which ssg does not run: it shows as text (write Markdown or HTML in its place)",
        "12: {{ site.baseurl }} is a Liquid tag (Jekyll's), which ssg does not run: it shows as text (write Markdown or HTML in its place)",
    ]


def test_obsidian_templater_commands_left_in_the_text_are_warnings_on_their_lines():
    """A note made from a Templater template kept `<% tp.date.now("YYYY-MM-DD") %>`, shown as written, without a word
    (found by a vault's trial); one in code is meant."""
    body = 'Clipped <% tp.date.now("YYYY-MM-DD") %>.\n\n<%* tR += "x" %>\n\n`<% tp.file.title %>` in code.\n'
    warnings = read(f"---\ntitle: T\ndate: 2021-01-01\n---\n\n{body}")["warnings"]
    assert [f"{w['line']}: {w['message']}" for w in warnings] == [
        '6: <% tp.date.now("YYYY-MM-DD") %> is a Templater command (Obsidian\'s), which ssg does not run: it shows as text '
        "(write Markdown or HTML in its place)",
        '8: <%* tR += "x" %> is a Templater command (Obsidian\'s), which ssg does not run: it shows as text (write Markdown or '
        "HTML in its place)",
    ]


def test_jekylls_highlight_and_raw_blocks_are_no_warnings_and_other_tags_keep_theirs_on_their_lines():
    """`{% endhighlight %}` and `{% endraw %}` at the end of a block were taken for attributes: the tags went
    without a warning, and the code became a paragraph."""
    body = (
        "{% highlight python %}\ndef launch():\n    return 'ok'\n{% endhighlight %}\n\n"  # lines 6-9
        "{% raw %}\n{{ page.title }} and {% include note.html %}\n{% endraw %}\n\n"  # lines 11-13
        "Before the note\n{% include note.html %}\n\n"  # line 16: at the end of a paragraph, as in the raw text
        "- item\n{% endcapture %}\n"  # line 19
    )
    warnings = read(f"---\ntitle: T\ndate: 2021-01-01\n---\n\n{body}")["warnings"]
    end = ", which ssg does not run: it shows as text (write Markdown or HTML in its place)"
    assert [f"{w['line']}: {w['message']}" for w in warnings] == [
        f"16: {{% include note.html %}} is a Liquid tag (Jekyll's){end}",
        f"19: {{% endcapture %}} is a Liquid tag (Jekyll's){end}",
    ]


def test_the_summary_ends_at_more_or_at_the_articles_excerpt_separator():
    front = "---\ntitle: T\ndate: 2021-01-01\n"
    body = "---\n\nThe rocket *lifted off*.\n\nIt reached orbit.\n\n<!-- more -->\n\nDetails.\n\n<!--cut-->\n\nMore details.\n"
    assert meta(front + body)["summary"] == "The rocket lifted off. It reached orbit."
    assert meta(front + "excerpt_separator: <!--cut-->\n" + body)["summary"] == "The rocket lifted off. It reached orbit. Details."
    assert meta(front + "summary: Given.\n" + body)["summary"] == "Given."  # the front matter's wins
    assert meta(front + "---\n\nThe rocket lifted off.\n\nMore.\n")["summary"] == "The rocket lifted off."  # no marker: as before
    assert "excerpt_separator" not in meta(front + "excerpt_separator: <!--cut-->\n" + body)["extra"]
    assert read(front + body)["body"].count("more") == 0


def test_split_front_matter_reports_body_line():
    assert split_front_matter("---\na: 1\n---\nbody") == ("a: 1", "body", 4)


def test_language_suffix_in_file_name_sets_lang_and_keeps_the_slug():
    m = meta("---\ntitle: T\ndate: 2021-01-01\n---\n", path="2021/roscosmos-china.ru.md")
    assert m["lang"] == "ru" and m["slug"] == "roscosmos-china"
    assert meta("---\ntitle: T\ndate: 2021-01-01\nlang: en\n---\n", path="2021/x.ru.md")["lang"] == "en"


def test_a_language_code_babel_does_not_know_is_an_error_not_a_crash_later():
    """`lang: xx` passed the check, then every page in that language failed with Babel's traceback."""
    for code in ("xx", "en-XX"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nlang: {code}\n---\n") == [
            f"2021/story.md:4: lang: '{code}' is not a language code (use en, ru, ...)"
        ]
    assert meta("---\ntitle: T\ndate: 2021-01-01\nlang: pt-BR\n---\n")["lang"] == "pt-BR"


@pytest.mark.parametrize(
    ("written", "code"),
    [("RU", "ru"), ("En", "en"), ("EN-us", "en-US"), ("Russian", "ru"), ("русский", "ru"), ("Английский", "en"), ("english", "en")],
)
def test_a_language_written_in_capitals_or_by_its_name_gets_the_code_to_write(written, code):
    """`lang: RU` and `lang: Russian` said "is not a language code (use en, ru, ...)", leaving the reader to guess
    that case matters."""
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\nlang: {written}\n---\n") == [
        f"2021/story.md:4: lang: '{written}' is not a language code (write {code})"
    ]


@pytest.mark.parametrize(
    ("written", "code"), [("de_DE", "de-DE"), ("pt_BR", "pt-BR"), ("zh_Hant", "zh-Hant"), ("ger", "de"), ("deu", "de"),
                          ("fre", "fr"), ("cze", "cs"), ("dut", "nl"), ("chi", "zh"), ("rus", "ru"), ("iw", "he")],
)  # fmt: skip
def test_a_code_no_page_may_carry_is_an_error_with_the_bcp_47_one(written, code):
    """A preview trial: `lang: de_DE` (POSIX's) and `ger` (ISO 639-2) were taken, and the pages said `<html lang="de_DE">`
    and `hreflang="de_DE"`, which no validator or search engine reads. A page's language is a BCP 47 tag."""
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\nlang: {written}\n---\n") == [
        f"2021/story.md:4: lang: '{written}' is not a language code (write {code})"
    ]


def test_every_bcp_47_code_taken_before_is_taken():
    """Existing sites keep their codes: a region, a script, a region of numbers, a variant, any case BCP 47 allows; a
    language's own code that CLDR folds into another's (tw, Twi, into Akan's ak: a second reading found it refused)."""
    for code in ("en", "ru", "pt-BR", "de-AT", "zh-Hant", "es-419", "sr-Latn", "de-de", "en-us", "de-1901", "gsw", "fil", "tl", "tw"):
        assert meta(f"---\ntitle: T\ndate: 2021-01-01\nlang: {code}\n---\n")["lang"] == code


def test_a_code_written_otherwise_is_the_sites_own_where_the_site_has_it():
    """On a site of en and de, `de_DE`, `ger` and the language's name (in itself, or in another of the site's languages)
    are its `de`: "write de-DE" would have the reader add a third language."""
    site = ReadSettings("en", "UTC", (), SearchConfig(enabled=False), languages=("en", "de", "fr"))
    for written in ("de_DE", "ger", "Deutsch", "allemand", "German", "DE"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nlang: {written}\n---\n", settings=site) == [
            f"2021/story.md:4: lang: '{written}' is not a language code (write de)"
        ], written
    german = ReadSettings("de", "UTC", (), SearchConfig(enabled=False))  # (a site of one language: its name too)
    assert problems("---\ntitle: T\ndate: 2021-01-01\nlang: Deutsch\n---\n", settings=german) == [
        "2021/story.md:4: lang: 'Deutsch' is not a language code (write de)"
    ]


def test_a_file_names_language_written_otherwise_is_told_as_the_file_names():
    assert problems("---\ntitle: T\ndate: 2021-01-01\n---\n", path="2021/x.rus.md") == [
        "2021/x.rus.md:None: lang: the file name's language 'rus' is not a language code (write ru)"
    ]


def test_a_dotted_file_name_whose_last_part_is_no_language_is_the_slug():
    """`tass.com.md` was an article in the language "com" (and the build crashed on it)."""
    m = meta("---\ntitle: T\ndate: 2021-01-01\n---\n", path="2021/tass.com.md")
    assert m["lang"] == "en" and m["slug"] == "tass-com"
    assert meta("---\ntitle: T\ndate: 2021-01-01\n---\n", path="2021/tass.ru.md")["lang"] == "ru"


def test_an_update_before_the_date_is_a_warning():
    record = read("---\ntitle: T\ndate: 2021-05-24\nupdated: 2021-05-20\n---\nBody.\n")
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (4, "updated", "2021-05-20T00:00:00+03:00 is before the date 2021-05-24T00:00:00+03:00 (an update comes after it)")
    ]
    assert read("---\ntitle: T\ndate: 2021-05-24\nupdated: 2021-05-25\n---\nBody.\n")["warnings"] == []
    assert read("---\ntitle: T\ndate: 2021-05-24T10:00\nupdated: 2021-05-24\n---\nBody.\n")["warnings"] == []  # the same day
    assert read("---\ntitle: T\ndate: 2021-05-24T10:00\nupdated: '20210524'\n---\nBody.\n")["warnings"] == []  # (written so, too)


def test_merge_keys_are_not_keys_given_twice():
    assert (
        meta("---\nbase: &base {rights: Public domain}\n<<: *base\ntitle: T\ndate: 2021-05-24\n---\nBody.\n")["rights"] == "Public domain"
    )
    assert problems("---\n{title: a, title: b, date: 2021-05-24}\n---\n") == [
        "2021/story.md:2: None: title: given twice on this line (keep one)"
    ]


def test_a_day_written_alone_stays_a_day_through_the_cache():
    import pickle

    from ssg.content import Day

    settings = ReadSettings("en", "Europe/Moscow", (), SearchConfig())
    record = read_article("2023-04-14-name.md", b"---\ntitle: T\nupdated: 2023-04-15\n---\n\nText.\n", settings)  # date from the name
    article = Article.from_record("2023-04-14-name.md", "k", record)
    assert isinstance(article.date, Day) and isinstance(article.updated, Day)
    assert article.date.isoformat() == "2023-04-14T00:00:00+03:00"
    assert isinstance(pickle.loads(pickle.dumps(article.date)), Day)  # (the snapshot pickles articles)
    timed = Article.from_record("a.md", "k", read_article("a.md", b"---\ntitle: T\ndate: 2023-04-14 00:00\n---\n", settings))
    assert not isinstance(timed.date, Day) and timed.date == article.date


def test_dates_read_back_share_one_timezone_object_an_offset_and_read_as_written():
    """Articles read from the cache hold one `timezone` object for each offset (compared by their fields, in C, where
    10,000 articles each with a zone of its own were compared by their instants), UTC's own for +00:00; their dates
    print, compare and pickle as written (`content.fixed_offset`)."""
    import pickle
    from datetime import UTC, datetime, timedelta

    from ssg.content import Day, fixed_offset

    settings = ReadSettings("en", "Europe/Moscow", (), SearchConfig())
    dates = ["2023-04-14T10:00:00+03:00", "2023-01-02", "2023-07-01T00:30:00+04:00", "2022-12-31T23:00:00+00:00", "2023-04-14 09:00"]
    records = [read_article(f"{n}.md", f"---\ntitle: T\ndate: {d}\n---\n".encode(), settings) for n, d in enumerate(dates)]
    read = [Article.from_record(f"{n}.md", "k", record) for n, record in enumerate(records)]
    by_offset = {}
    for article in read:
        by_offset.setdefault(article.date.utcoffset(), set()).add(id(article.date.tzinfo))
    assert all(len(ids) == 1 for ids in by_offset.values()) and len(by_offset) == 2  # (+00:00 is read in the site's zone)
    assert fixed_offset(timedelta(0)) is UTC and isinstance(read[1].date, Day)
    for article, record in zip(read, records, strict=True):
        assert article.date == datetime.fromisoformat(record["meta"]["date"])
        assert article.date.isoformat() == record["meta"]["date"]
        assert repr(article.date.tzinfo) == repr(datetime.fromisoformat(article.date.isoformat()).tzinfo)
    assert sorted(read, key=lambda a: a.date) == sorted(read, key=lambda a: a.date.timestamp())
    again = pickle.loads(pickle.dumps([a.date for a in read]))  # (as the snapshot keeps them: one zone an offset still)
    assert again == [a.date for a in read] and again[0].tzinfo is again[4].tzinfo


def test_a_blank_title_is_empty_like_an_empty_one():
    for blank in ('""', '" "', "'\t  '", ""):
        assert problems(f"---\ntitle: {blank}\ndate: 2021-01-01\n---\n") == [
            "2021/story.md:2: title: is empty (write the title after `title:`)"
        ], blank


def test_text_of_spaces_alone_is_no_text():
    # As if left empty: none of these is shown (an empty credit would print "Source: " under the image).
    m = meta(
        "---\ntitle: T\ndate: 2021-01-01\nrights: ' '\nsummary: '  '\ntranslation_key: ' '\n"
        "image: {src: images/a.jpg, credit: ' ', alt: '', caption: '\t'}\n---\nFirst paragraph.\n"
    )
    assert m["rights"] is None and m["translation_key"] is None and m["summary"] == "First paragraph."
    assert m["image"] == {"src": "images/a.jpg", "credit": None, "alt": None, "caption": None}
    assert problems("---\ntitle: T\ndate: 2021-01-01\nimage: {src: a.jpg, credit: [pronedra.ru]}\n---\n") == [
        "2021/story.md:4: image: credit must be text, not a list"
    ]


def test_a_required_field_of_spaces_alone_is_empty():
    settings = ReadSettings("en", "UTC", ("rights", "tags"), SearchConfig(enabled=False))
    assert problems("---\ntitle: T\ndate: 2021-01-01\nrights: '  '\n---\n", settings=settings) == [
        "2021/story.md:4: rights: is required by site.yaml `require:` but empty",
        "2021/story.md:5: tags: is required by site.yaml `require:` but missing",
    ]


def test_a_colon_in_an_unquoted_value_says_to_quote_it():
    assert problems("---\ndate: 2021-01-01\ntitle: Artemis I: ракета SLS готова\n---\n") == [
        "2021/story.md:3: None: YAML syntax error: mapping values are not allowed in this context "
        '(a colon in the value: put the value in quotes, title: "Artemis I: ракета SLS готова")'
    ]
    (message,) = problems('---\ntitle: T\ndate: 2021-01-01\nsource:\n  name: Он сказал "да": ТАСС\n---\n')
    assert message.startswith("2021/story.md:5: None: YAML syntax error")
    assert message.endswith("""(a colon in the value: put the value in quotes, name: 'Он сказал "да": ТАСС')""")
    (message,) = problems("---\ndate: 2021-01-01\ntitle: Artemis I: SLS  # from TASS\n---\n")
    assert message.endswith('title: "Artemis I: SLS")')  # (a comment is not part of the value)
    # Not a colon in a value: the general hint.
    (message,) = problems("---\ntitle: T\n  date: 2021-01-01\n---\n")
    assert message.endswith("(check quotes, colons and indentation)")


def test_spaces_around_a_language_code_and_an_empty_slug():
    assert meta("---\ntitle: T\ndate: 2021-01-01\nlang: ' ru '\n---\n")["lang"] == "ru"
    assert problems("---\ntitle: T\ndate: 2021-01-01\nslug: ''\n---\n") == [
        "2021/story.md:4: slug: is empty (write some words, e.g. slug: roscosmos-china, or leave it out to take the file name)"
    ]


def test_a_slug_too_long_for_a_folder_name_is_an_error_not_a_crash_when_writing():
    assert meta(f"---\ntitle: T\ndate: 2021-01-01\nslug: {'a' * 200}\n---\n")["slug"] == "a" * 200
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\nslug: {'a' * 300}\n---\n") == [
        f"2021/story.md:4: slug: '{'a' * 40}...' is 300 characters long, too long for a folder name (set a `slug:` of at most 200 characters: slug: {'a' * 200})"
    ]


def test_a_file_name_that_gives_no_slug_or_too_long_a_one_is_told_where_slug_goes_and_what_to_write():
    """A CMS export names files after titles: emoji alone, punctuation, 300 characters of Chinese. The error had no line
    and said `slug:` of a file without one; it is now on the closing `---`, where `slug:` would go, with one to write."""
    text = "---\ntitle: Rocket lands\ndate: 2021-01-01\n---\n"
    assert problems(text, path="2021/🚀🚀🚀.md") == [
        "2021/🚀🚀🚀.md:4: slug: the file name '🚀🚀🚀' gives an empty slug (add slug: rocket-lands, or rename the file)"
    ]
    assert problems(text.replace("Rocket lands", '"!!!"'), path="2021/!!!.md") == [
        "2021/!!!.md:4: slug: the file name '!!!' gives an empty slug (add `slug: some-words`, or rename the file)"
    ]
    name = "神舟火箭月球" * 12  # 323 characters of slug: shen-zhou-huo-jian-yue-qiu-...
    (message,) = problems(text, path=f"2021/{name}.md")
    assert message.startswith(f"2021/{name}.md:4: slug: the file name's slug 'shen-zhou-huo-jian-yue-qiu-shen-zhou-huo...' is 323")
    suggested = message.split("(add slug: ")[1].split(", or rename the file)")[0]
    assert len(suggested) <= 200 and suggested.endswith("-zhou") and meta(text.replace("date:", f"slug: {suggested}\ndate:"))


def test_an_empty_key_says_it_is_empty_never_none():
    for empty in ("", "''", "' '"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nlang: {empty}\ndraft: {empty}\n---\n") == [
            "2021/story.md:4: lang: is empty (use a language code: en, ru, ...)",
            "2021/story.md:5: draft: is empty (use true or false)",
        ], empty
        assert problems(f"---\ntitle: T\ndate: {empty}\n---\n") == [
            "2021/story.md:3: date: is empty (use 2021-05-24 or 2021-05-24T10:15:00+03:00, "
            "or start the file name with the date: 2021-05-24-name.md)"
        ], empty
    # Where empty means none, it is none: no update, no such tag, the date from the file name.
    m = meta("---\ntitle: T\ndate:\nupdated: ''\ntags:\n  - Moon\n  -\n---\n", path="2021/2021-05-24-x.md")
    assert m["updated"] is None and m["tags"] == ["Moon"] and m["date"].startswith("2021-05-24T")


def test_an_article_cannot_be_a_translation_of_itself():
    for written in ("./z.md", "2021/z.md", "/2021/z.md", "../2021/z.md"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\ntranslation_of: {written}\n---\n", path="2021/z.md") == [
            f"2021/z.md:4: translation_of: '{written}' is this article itself "
            "(name the original it translates, e.g. 2021/roscosmos-china.md)"
        ], written
    assert meta("---\ntitle: T\ndate: 2021-01-01\ntranslation_of: ./z.md\n---\n", path="2021/z.ru.md")["translation_of"] == "2021/z.md"


def test_a_source_given_only_by_its_url_is_named_after_the_host():
    # The same name `ssg new --source-url` writes (content.source_host serves both).
    for source in ("{url: 'https://www.interfax.ru/russia/1'}", "{name: ' ', url: 'https://www.interfax.ru/russia/1'}"):
        m = meta(f"---\ntitle: T\ndate: 2021-01-01\nsource: {source}\n---\n")
        assert m["source"] == {"name": "interfax.ru", "url": "https://www.interfax.ru/russia/1"}, source
    assert meta("---\ntitle: T\ndate: 2021-01-01\nsource: {url: 'https://tass.ru/x'}\n---\n")["source"]["name"] == "tass.ru"


def test_a_source_without_name_or_url_says_which_is_missing():
    hint = "(e.g. {name: Interfax, url: https://...}; or only the url, which names it after its host)"
    for source, message in [
        ("{}", f"has no name and no url {hint}"),
        ("{name: }", f"name is empty and no url {hint}"),
        ("' '", "is empty (write a name, e.g. source: Interfax, or {name: Interfax, url: https://...})"),
        ("[TASS]", "must be a name or {name: Interfax, url: https://...}, not a list"),
        ("{name: [TASS]}", "name must be text, not a list"),
    ]:
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nsource: {source}\n---\n") == [f"2021/story.md:4: source: {message}"], source


def test_an_image_without_src_says_so():
    example = "{src: images/x.jpg, credit: ..., alt: ..., caption: ...}"
    for image, message in [
        ("{credit: TASS}", f"has no src (the image's path under content/ or its URL: {example})"),
        ("{src: , credit: TASS}", f"src is empty (the image's path under content/ or its URL: {example})"),
        ("' '", f"src is empty (the image's path under content/ or its URL: {example})"),
        ("{src: [a.jpg]}", "src must be a path or URL, not a list"),
        ("[a.jpg]", f"must be a path or {example}, not a list"),
    ]:
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nimage: {image}\n---\n") == [f"2021/story.md:4: image: {message}"], image


def test_an_image_url_with_a_host_in_brackets_that_is_no_address_is_a_problem_on_its_line():
    """`https://[cdn]/x.jpg` (a template's address): urlsplit refuses it, and the build stopped on a ValueError traceback."""
    for image in ("https://[cdn]/x.jpg", "{src: 'https://[cdn]/x.jpg', alt: Soyuz}"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\nimage: {image}\n---\n") == [
            "2021/story.md:4: image: src 'https://[cdn]/x.jpg' is not a URL: 'cdn' does not appear to be an IPv4 or IPv6 address "
            "(write the image's address as its site gives it)"
        ], image


def test_an_old_url_with_a_host_in_brackets_that_is_no_address_is_a_problem_on_its_line():
    """`aliases: [http://[site]/old/]` said only "'site' does not appear to be an IPv4 or IPv6 address", and in a draft
    the check for a query asked urlsplit again and stopped the build on its ValueError traceback."""
    for draft in ("", "draft: true\n"):
        assert problems(f"---\ntitle: T\ndate: 2021-01-01\n{draft}aliases: ['http://[site]/old/']\n---\n") == [
            f"2021/story.md:{4 + bool(draft)}: aliases: 'http://[site]/old/' is not a URL: 'site' does not appear to be an "
            "IPv4 or IPv6 address (write the old URL's path from the site's root: /2021/05/old-slug/)"
        ], draft


def test_a_papermod_cover_url_with_a_host_in_brackets_is_a_problem_on_its_line():
    """PaperMod's `cover: {image: ..., relative: true}` with a template's address (`https://[cdn]/x.jpg`): `image:` with it
    is a problem on its line (f4d9af8), but the cover stopped the build on a ValueError traceback from urlsplit first,
    where it asked whether the image is a file beside the bundle."""
    text = "---\ntitle: T\ndate: 2021-01-01\ncover: {image: 'https://[cdn]/x.jpg', relative: true}\n---\n"
    assert problems(text, path="post/bundle/index.md") == [
        "post/bundle/index.md:4: cover: src 'https://[cdn]/x.jpg' is not a URL: 'cdn' does not appear to be an IPv4 or IPv6 "
        "address (write the image's address as its site gives it)"
    ]


def test_a_clippings_publication_date_is_its_date_and_a_creation_date_is_only_named():
    """50 clipped files each failed on `date: is missing` though their `published:` held it (Hugo reads it)."""
    clipped = read("---\ntitle: T\ncreated: 2025-03-20\npublished: 2025-03-14\n---\nText.\n")
    assert (clipped["meta"]["date"], clipped["meta"]["days"]) == ("2025-03-14T00:00:00+03:00", ["date"])
    assert read("---\ntitle: T\npubDate: 2025-03-14T10:00\n---\n")["meta"]["date"] == "2025-03-14T10:00:00+03:00"
    assert read("---\ntitle: T\ndate: 2025-01-01\npublished: 2025-03-14\n---\n")["meta"]["date"] == "2025-01-01T00:00:00+03:00"
    assert problems("---\ntitle: T\ncreated: 2025-03-20\n---\n") == [
        "2021/story.md:4: date: is missing; created: 2025-03-20 (line 3) looks like it: rename it to date:"
    ]
    # MarkDownload's `created:` (found by a new user's trial: only "date: is missing" was said).
    assert problems("---\ntitle: T\ncreated: 2025-01-17T09:15:02 (UTC +03:00)\n---\n") == [
        "2021/story.md:4: date: is missing; created: 2025-01-17T09:15:02 (UTC +03:00) (line 3) looks like it: write date: 2025-01-17T09:15:02+03:00"
    ]
    # A publication date in another format is the date, wrong: its error is on its line (found by a new user's trial:
    # the clipping's `created:` was offered instead, which dates the news by the day it was clipped).
    assert problems("---\ntitle: T\ncreated: 2025-04-20\npublished: 20.04.2025\n---\n") == [
        "2021/story.md:4: published: '20.04.2025' is not an ISO 8601 date (write published: 2025-04-20)"
    ]


def test_obsidians_embeds_and_links_are_left_to_the_build():
    """(Found by a new user's trial: a vault's `![[soyuz launch.png]]` and `[[Crew note]]` showed as text, silently.)
    A link's warning needs to know whether an article has the note's name, an embed's where the file of its name is
    (a vault's trial: it was told the name alone, beside the article): the build gives them (`test_build`). Not those
    of the front matter, where a clipper writes them (`author: "[[Коммерсантъ]]"`)."""
    record = read("---\ntitle: T\ndate: 2021-01-01\n---\nSee [[Crew note#The crew|the crew]].\n\n![[soyuz launch.png]]\n\n`[[code]]`\n")
    assert record["warnings"] == []
    assert record["meta"]["article_links"] == ["[[Crew note#The crew|the crew]]", "![[soyuz launch.png]]"]
    record = read('---\ntitle: T\ndate: 2021-01-01\nauthor:\n  - "![[logo.png]]"\n---\nText.\n\n![[logo.png]]\n')
    assert record["meta"]["article_links"] == ["![[logo.png]]"]


def test_a_link_out_of_the_content_folder_is_warned_of_on_its_line():
    """`![Soyuz](../attachments/soyuz%20launch.png)` in a vault whose notes are one of its folders: the published page's
    image went nowhere, and the build said nothing (found by a new user's trial)."""
    record = read("---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n![Soyuz](../../attachments/soyuz%20launch.png)\n", path="2021/a.md")
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (
            7,
            "'../../attachments/soyuz%20launch.png' leads out of the content folder, where the published site cannot reach: "
            "put the file in content/ (or static/) and link to it there",
        )
    ]
    assert read("---\ntitle: T\ndate: 2021-01-01\n---\n![x](../images/x.png)\n", path="2021/a.md")["warnings"] == []


def test_a_link_to_this_computer_is_warned_of_on_its_line():
    """An address copied from the preview's tab (`http://127.0.0.1:8765/...`) reads well there and leads every reader
    nowhere; the build said nothing (found by a new user's trial). Other hosts, and the same text in code, are no link."""
    text = (
        "---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n[награды](http://127.0.0.1:8765/2019/07/16/putin/) and "
        "<http://localhost:1313/x/>.\n\n[ok](https://example.com/) `http://localhost:8000/`\n"
    )
    assert [(w["line"], w["message"]) for w in read(text)["warnings"]] == [
        (
            7,
            "links to http://127.0.0.1:8765/2019/07/16/putin/, an address on this computer (the preview's?), which readers "
            "cannot reach: link to the article's file (../2019/its-name.md), or write the site's own path (/2019/07/16/putin/)",
        ),
        (
            7,
            "links to http://localhost:1313/x/, an address on this computer (the preview's?), which readers cannot reach: "
            "link to the article's file (../2019/its-name.md), or write the site's own path (/x/)",
        ),
    ]


def test_an_iframe_without_a_title_is_warned_of_on_its_line():
    """A player pasted from a share button (`<iframe src=... width=560>`) has no title: a screen reader announces it as
    "frame" alone (axe's frame-title; found by a reader's trial). One with a title, a shortcode's player (which gets one)
    and an iframe shown as code are no matter; an empty title is none."""
    text = (
        "---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n"
        '<iframe src="https://www.youtube.com/embed/xyz" width="560" height="315"></iframe>\n\n'
        "<iframe title='Map of Baikonur' src='https://maps.example/b'></iframe>\n\n"
        '<IFRAME SRC="https://vk.com/video_ext.php?oid=1" TITLE=""></IFRAME>\n\n'
        "`<iframe src=x>`\n"
    )
    assert [(w["line"], w["message"]) for w in read(text)["warnings"]] == [
        (
            7,
            'an <iframe> from www.youtube.com has no title: screen readers announce it only as "frame"; say what it shows, '
            'e.g. <iframe title="Video: the launch of Soyuz MS-25" ...>',
        ),
        (
            11,
            'an <iframe> from vk.com has no title: screen readers announce it only as "frame"; say what it shows, '
            'e.g. <iframe title="Video: the launch of Soyuz MS-25" ...>',
        ),
    ]
    assert read("---\ntitle: T\ndate: 2021-01-01\n---\n{{< youtube xyz >}}\n")["warnings"] == []


def test_a_whole_pages_html_is_closed_with_a_few_warnings_and_plaintext_is_shown_as_text():
    """A pasted page's thousands of elements left open were a warning each (and each line looked for in the whole text:
    10,000 `<span>` took 1.6 s to read, 10,000 `<div>` 3.3 s); ten are told, then one for the rest. A `<plaintext>`,
    which no end tag ends, was "closed for the page" with `</plaintext>`: a browser showed the rest of the page, the
    footer and scripts, as their source (a hostile-input trial). It is shown as text, and told."""
    record = read("---\ntitle: T\ndate: 2021-01-01\n---\n\n" + "<span>" * 30 + "x\n\n" + "</div>" * 12 + "\n")
    messages = [(w["line"], w["message"]) for w in record["warnings"]]
    assert len(messages) == 22 and record["body"].count("</span>") == 30 and "</div>" not in record["body"]
    assert messages[10] == (
        6,
        "<span> and 19 more elements after it are never closed (closed for the page): is this a whole page's HTML?",
    )
    assert messages[21] == (8, "</div> and 1 more closing tags after it close nothing the text opened (left out)")
    record = read("---\ntitle: T\ndate: 2021-01-01\n---\n\nBefore.\n\n<plaintext> inside\n\nAfter </plaintext>.\n")
    assert record["body"] == "<p>Before.</p>\n<p>&lt;plaintext&gt; inside</p>\n<p>After &lt;/plaintext&gt;.</p>"
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (8, "<plaintext> makes the rest of the page text, and nothing ends it, not even its end tag: shown as text (delete it)")
    ]


def test_html_pasted_with_an_element_left_open_is_closed_and_warned_of_on_its_line():
    """A fragment pasted from a news site's page, `<div class="article__text"><p>... <b>упал на дом.</p>`, left its
    <div> and <b> open: the previous/next links, the latest list and the footer went inside them and showed bold (found
    by a daily user's trial). A closing tag that closes nothing of the text's closed the page's own <div>."""
    text = (
        "---\ntitle: T\ndate: 2021-01-01\n---\n"
        '<div class="article__text"><p>Беспилотник <b>упал на дом.</p>\n\n'
        "<p>Второй абзац.</p>\n\n"
        "<section><i>курсив</section>\n\n"
        "Текст.\n\n</div>\n\n</div>\n\n"
        '<div class="note">Конец.\n'
    )
    record = read(text)
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (5, "<b> is never closed, and the page's own parts after it would go inside it: closed for the page (write </b> where it ends)"),
        (9, "<i> is never closed, and the page's own parts after it would go inside it: closed for the page (write </i> where it ends)"),
        (15, "</div> closes nothing the text opened (it would close the page's own): left out (delete it)"),
        (17, '<div class="note"> is never closed, and the page\'s own parts after it would go inside it: closed for the page (write </div> where it ends)'),
    ]  # fmt: skip
    body = record["body"]
    assert "<section><i>курсив</i></section>" in body and "упал на дом.</b></p>" in body and body.endswith("</div>")
    assert body.count("<div") == body.count("</div>") == 2
    # A link left open in a paragraph Markdown makes ends with it: every paragraph after it had been a link to ria.ru
    # in the browser, which carries an <a> on past the </p> (a trial's paste of "Читайте также").
    text = '---\ntitle: T\ndate: 2021-01-01\n---\nЧитайте также: <a href="https://ria.ru/x">МКС продлят\n\nСледующий.\n\n<ul><li><i>Пункт</li></ul>\n'
    record = read(text)
    assert [w["line"] for w in record["warnings"]] == [5, 9]
    assert record["body"] == (
        '<p>Читайте также: <a href="https://ria.ru/x">МКС продлят</a></p>\n<p>Следующий.</p>\n<ul><li><i>Пункт</i></li></ul>'
    )
    # Balanced HTML, void elements, comments, scripts and HTML shown as code are as written, without a word.
    fine = (
        "---\ntitle: T\ndate: 2021-01-01\n---\n<figure><img src='https://x.org/a.jpg'><figcaption>A</figcaption></figure>\n\n"
        "<p>a<br>b <!-- <div> --></p>\n\n<script>if (a<b) {}</script>\n\n`<div>` and\n\n    <b>\n"
    )
    assert read(fine)["warnings"] == [] and read(fine)["body"].endswith("<pre><code>&lt;b&gt;\n</code></pre>")
    # A block in a paragraph ends it, as a browser ends it: its </p> after the block closes nothing (a second reading).
    block = read('---\ntitle: T\ndate: 2021-01-01\n---\nRead more <div class="note">\nInside the note\n\n</div>\n')
    assert block["warnings"] == [] and block["body"] == '<p>Read more <div class="note">\nInside the note</p>\n</div>'


def test_pasted_html_that_acts_on_the_whole_page_is_warned_of_on_its_line():
    """A news site's fragment pasted with its `<style>body{background:black}` blacked out the page and hid the text; a
    `<meta http-equiv=refresh>` sent every reader to the other site; `<base href>` moved every link (a trial's pastes).
    Shown as code, they are text."""
    text = (
        "---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n<style>body { background: black }</style>\n\n"
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n<base href="https://ria.ru/">\n\n'
        'A <LINK rel="stylesheet" href="https://ria.ru/a.css"> and `<style>`.\n'
    )
    assert [(w["line"], w["message"]) for w in read(text)["warnings"]] == [
        (7, "<style> styles the whole page, the site's header, menu and footer too (style=\"...\" on an element styles it alone): delete it, unless that is meant"),
        (9, '<meta> speaks for the whole page (http-equiv="refresh" sends its readers to another address): delete it, unless that is meant'),
        (11, "<base> changes where every relative link of the page leads, the site's own menu and links too: delete it, unless that is meant"),
        (13, "<link> loads into the whole page, whose look or behaviour it may change: delete it, unless that is meant"),
    ]  # fmt: skip
    assert read("---\ntitle: T\ndate: 2021-01-01\n---\nA `<style>` and\n\n    <meta charset=utf-8>\n")["warnings"] == []
    # Schema.org's microdata in an embed says something of its element alone (a second reading: --strict failed on it).
    microdata = '<div itemscope><meta itemprop="name" content="Launch"><link itemprop="embedUrl" href="https://v.example/1"></div>'
    assert read(f"---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n{microdata}\n")["warnings"] == []


def test_pasted_html_that_runs_a_script_is_warned_of_on_its_line():
    """A contributor's `<img src=x onerror="...">` ran on the site's pages, without a word, where a `<style>` was told of
    (a security trial); shown as code it is text, and a player's `<script src>` is no warning."""
    text = (
        '---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n<img src="x.png" alt="x" onerror="alert(1)">\n\n'
        '<iframe title="t" srcdoc="<p>hi</p>"></iframe>\n\n<a href="#" onClick="go()">go</a>\n\n'
        '`<img onerror=x>` and <script async src="https://telegram.org/js/telegram-widget.js"></script>\n'
    )
    assert [(w["line"], w["message"]) for w in read(text)["warnings"]] == [
        (7, "<img onerror=...> runs a script in the site's pages, with its readers' cookies: delete it, unless that is meant"),
        (9, "<iframe srcdoc=...> runs a script in the site's pages, with its readers' cookies: delete it, unless that is meant"),
        (11, "<a onclick=...> runs a script in the site's pages, with its readers' cookies: delete it, unless that is meant"),
    ]


def test_an_untitled_iframe_whose_host_is_in_brackets_is_warned_of_without_a_host():
    """A player pasted from a template (`<iframe src="https://[site]/embed">`): the build leaves such a link as written
    (1b74797), then stopped on a ValueError traceback from urlsplit while it named the untitled frame's host."""
    text = '---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n<iframe src="https://[site]/embed"></iframe>\n'
    assert [(w["line"], w["message"]) for w in read(text)["warnings"]] == [
        (
            7,
            'an <iframe> has no title: screen readers announce it only as "frame"; say what it shows, '
            'e.g. <iframe title="Video: the launch of Soyuz MS-25" ...>',
        )
    ]


def test_two_identical_untitled_iframes_are_each_warned_of_on_their_own_line():
    """The same player pasted twice (a video shown again at the end): both warnings were on the first one's line, and the
    preview, which prints a warning once, showed one. A frame without src, and two on one line, are found as well."""
    player = '<iframe src="https://www.youtube.com/embed/xyz" width="560" height="315"></iframe>'
    text = (
        f"---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n{player}\n\nMore text.\n\n{player}\n\n"
        "<iframe title='Map' src='https://maps.example/b'></iframe>\n\n<p><iframe></iframe> <iframe></iframe></p>\n"
    )
    lines = [w["line"] for w in read(text)["warnings"]]
    assert lines == [7, 11, 15, 15]


def test_an_untitled_iframe_written_over_several_lines_is_warned_of_on_its_src_line():
    """An embed code pasted with its attributes one per line: the warning lost its line (it looked for the whole tag,
    newlines and all, on one line) and named only the file."""
    player = '<iframe\n  src="https://www.youtube.com/embed/xyz"\n  width="560"></iframe>'
    text = f"---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n{player}\n\nMore text.\n\n{player}\n"
    assert [w["line"] for w in read(text)["warnings"]] == [8, 14]


def test_a_source_on_this_computer_is_warned_of_on_its_line():
    """`source: ТАСС, http://127.0.0.1:8765/x` published a link to the preview without a word (found by a review)."""
    record = read("---\ntitle: T\ndate: 2021-01-01\nsource: {name: ТАСС, url: 'http://127.0.0.1:8765/x'}\n---\nText.\n")
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (
            4,
            "url http://127.0.0.1:8765/x is an address on this computer (the preview's?), which readers cannot reach: give the outlet's own",
        )
    ]


def test_a_missing_title_names_the_texts_opening_heading():
    """MarkDownload puts the page's title in the text (`# Russia and China agree | Reuters`), none in the front matter
    (found by a new user's trial: the error said only that the title is missing)."""
    assert problems("---\ndate: 2025-01-17\n---\n\n# Russia and China agree | Reuters\n\nText.\n") == [
        '2021/story.md:3: title: is missing; the text\'s first heading (line 5) looks like it: move it up as title: "Russia and China agree | Reuters"'
    ]
    assert problems("---\ndate: 2025-01-17\n---\nText.\n") == ["2021/story.md:3: title: is missing (add `title: ...` to the front matter)"]


def test_a_tag_written_with_obsidians_hash_is_the_tag():
    """`- "#космос"` and `tags: "#ISS, #SpaceX"` (Obsidian's, a clipper's): `#NASA` and `NASA` were two tags."""
    assert meta('---\ntitle: T\ndate: 2021-01-01\ntags: ["#космос", NASA, "#NASA", "# spaced", "#"]\n---\nx\n')["tags"] == [
        "космос",
        "NASA",
        "# spaced",
    ]  # (and "#" alone names nothing: left out with a warning)
    assert meta('---\ntitle: T\ndate: 2021-01-01\ntags: "#ISS, #SpaceX"\n---\nx\n')["tags"] == ["ISS", "SpaceX"]


def test_a_comment_cutting_a_shown_text_is_warned_of():
    """`title: Запуск #2 перенесён` read as "Запуск" without a word (YAML's comment); a comment after a date is meant."""
    text = (
        "---\ntitle: Запуск #2 перенесён\ndate: 2021-01-01  # from TASS\ndraft: false # checked\nrights: 'ТАСС #1'\n"
        "image:\n  src: https://example.org/a.jpg\n  credit: Роскосмос #фото\ntags: Moon  # from Jekyll\nsummary: C# and F#\n---\nText.\n"
    )
    record = read(text)
    assert record["meta"]["title"] == "Запуск"  # (what YAML reads: the warning says so)
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (2, "title", "' #' starts a YAML comment, so this reads as 'Запуск': put the value in quotes, title: \"Запуск #2 перенесён\""),
        (8, "credit", "' #' starts a YAML comment, so this reads as 'Роскосмос': put the value in quotes, credit: \"Роскосмос #фото\""),
    ]
    # Text as written (a block scalar's lines), a free-form mapping's key: nothing to say (found in review).
    literal = "---\ntitle: T\ndate: 2021-01-01\nsummary: |\n  title: Foo #bar\nextra:\n  name: x #y\n---\nText.\n"
    assert read(literal)["warnings"] == []


def test_a_tags_item_indented_past_the_one_above_is_warned_of_on_its_line():
    """`  - Роскосмос` then `   - МКС`: YAML reads the second as more of the first, and the article had one tag,
    "Роскосмос - МКС", without a word. A name that holds " - " as written is no mistake."""
    record = read("---\ntitle: T\ndate: 2021-01-01\ntags:\n  - Роскосмос\n   - МКС\n  - NASA\n---\nText.\n")
    assert record["meta"]["tags"] == ["Роскосмос - МКС", "NASA"]
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (
            6,
            "tags",
            "this item is indented past the one above, so YAML reads it as more of that one: the tag is 'Роскосмос - МКС'; put its dash under the others'",
        )
    ]
    assert read("---\ntitle: T\ndate: 2021-01-01\ntags:\n  - Союз - Аполлон\n  - NASA\n---\nText.\n")["warnings"] == []


def test_an_article_in_cyrillic_with_a_language_in_another_alphabet_is_warned_of():
    """On an en/ru site, a Russian article without `lang: ru` was published as English without a word."""
    bilingual = ReadSettings("en", "UTC", (), SearchConfig(enabled=False), cyrillic_lang="ru")
    russian = "Роскосмос сообщил о запуске ракеты «Союз-2.1б» с космодрома Восточный, сообщает ТАСС."

    def warnings(front: str, body: str = russian, settings: ReadSettings = bilingual) -> list[str]:
        record = read(f"---\ntitle: {front}\ndate: 2021-01-01\n---\n\n{body}\n", settings=settings)
        return [f"{w['line']}: {w['field']}: {w['message']}" for w in record["warnings"]]

    assert warnings("Роскосмос сообщил о запуске\nlang: en") == [
        "3: lang: 'en', but the title and text are in Cyrillic (write lang: ru if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    assert warnings("Роскосмос сообщил о запуске") == [
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Cyrillic "
        "(add lang: ru if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    # Written in Cyrillic, or on a site with no language in Cyrillic to suggest: nothing to say.
    assert warnings("Роскосмос сообщил о запуске\nlang: ru") == warnings("Роскосмос сообщил о запуске\nlang: uk") == []
    assert warnings("Роскосмос сообщил о запуске", settings=SETTINGS) == []
    # Mixed texts never: an English text quoting Russian, a Russian title over English text or the other way round,
    # a title mostly of Latin names, an article not written yet.
    quoting = f"Roscosmos said on Tuesday that the launch went as planned. The statement read: «{russian}»"
    assert warnings("Роскосмос сообщил о запуске", quoting) == []
    assert warnings("Роскосмос сообщил о запуске", "Roscosmos reported the launch of a Soyuz.") == []
    assert warnings("Roscosmos reports a launch") == []
    assert warnings("'Interview: «Роскосмос» chief on the ISS'") == []
    assert [w for w in warnings("Роскосмос сообщил о запуске", "") if ": lang: " in w] == []  # (its only one: no text)
    # A Russian headline of Latin names over Russian text full of them (found by a new user: published as English).
    spacex = "Компания SpaceX провела пятый испытательный запуск корабля Starship. Старт прошёл с площадки в Бока-Чика."
    assert warnings("SpaceX запустила Starship", spacex) == [
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Cyrillic "
        "(add lang: ru if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]


def test_an_article_not_in_cyrillic_taken_for_the_cyrillic_language_is_warned_of():
    """`ssg init --languages ru,en`: English clippings without `lang:` were published as Russian, with Russian dates,
    without a word (a new user moving an archive); the warning went only the other way."""
    russian_first = ReadSettings("ru", "UTC", (), SearchConfig(enabled=False), cyrillic_lang="ru", other_alphabet_lang="en")
    english = "NASA said on Tuesday that the launch from Cape Canaveral went as planned."

    def warnings(front: str, body: str = english) -> list[str]:
        record = read(f"---\ntitle: {front}\ndate: 2021-01-01\n---\n\n{body}\n", settings=russian_first)
        return [f"{w['line']}: {w['field']}: {w['message']}" for w in record["warnings"]]

    assert warnings("NASA launches a rocket") == [
        "2: lang: not given, so the article is in the site's 'ru', but the title and text are not in Cyrillic "
        "(add lang: en if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    # Its language given: meant (a placeholder text, a Russian article still to be written).
    assert warnings("NASA launches a rocket\nlang: ru") == warnings("NASA launches a rocket\nlang: en") == []
    # A Russian article headed by a name, an English one quoting Russian at length, a Cyrillic title, no text: nothing.
    assert warnings("Starship", "Компания SpaceX провела пятый испытательный запуск корабля Starship.") == []
    assert warnings("NASA launches a rocket", f"{english} «Роскосмос сообщил о запуске ракеты с космодрома Восточный»") == []
    assert warnings("Запуск NASA") == []
    assert [w for w in warnings("NASA launches a rocket", "") if ": lang: " in w] == []


def test_an_article_in_a_script_of_one_of_the_sites_languages_alone_is_warned_of():
    """With zh and ar among `languages:`, `مسبار جديد يصل إلى المريخ` without `lang:` was published as English without a
    word, where a Cyrillic one was warned of: a script that is one of the site's languages' alone tells it too."""
    site = ReadSettings("en", "UTC", (), SearchConfig(enabled=False), languages=("en", "zh", "ar", "he", "el"))
    arabic = "وصل المسبار الجديد إلى مدار المريخ بعد رحلة استغرقت سبعة أشهر، وفق ما أعلنت الوكالة."

    def warnings(front: str, body: str = arabic, settings: ReadSettings = site) -> list[str]:
        record = read(f"---\ntitle: {front}\ndate: 2021-01-01\n---\n\n{body}\n", settings=settings)
        return [f"{w['line']}: {w['field']}: {w['message']}" for w in record["warnings"] if w["field"] == "lang"]

    assert warnings("مسبار جديد يصل إلى المريخ") == [
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Arabic script "
        "(add lang: ar if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    assert warnings("مسبار جديد\nlang: zh") == [
        "3: lang: 'zh', but the title and text are in Arabic script (write lang: ar if they are in that language; its URL moves with it, and aliases: keeps the old one working)"
    ]
    assert warnings("中国发射新卫星", "中国今天成功发射了一颗新的通信卫星，卫星顺利进入预定轨道。")[0].startswith(
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Han script (add lang: zh"
    )
    greek = ("Διάστημα", "Η διαστημική υπηρεσία ανακοίνωσε νέα αποστολή.")
    assert warnings(*greek)[0].startswith(
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Greek script"
    )
    assert warnings(*greek, settings=replace(site, languages=("en", "ar"))) == []  # (no language in Greek letters to tell)
    assert warnings("מסע לחלל", "סוכנות החלל הודיעה על משימה חדשה.")[0].startswith("2: lang: not given")
    # Its language written, a text mostly in another script (an English article quoting a headline), a site whose
    # languages do not tell one (ar and fa both in Arabic letters), a one-language site: nothing.
    assert warnings("مسبار جديد\nlang: ar") == []
    assert warnings("مسبار جديد", "The probe reached Mars orbit after seven months, the agency said on Tuesday.") == []
    assert warnings("مسبار جديد", settings=replace(site, languages=("en", "ar", "fa"))) == []
    assert warnings("مسبار جديد", settings=SETTINGS) == []
    assert warnings("北京", "北京今天天气很好。", settings=replace(site, languages=("en", "zh", "ja")))[0].startswith(
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Han script (add lang: zh"
    )  # (Han alone is not Japanese, which writes kana)
    chinese = "尤里・加加林今天访问北京，并与航天员见面。"  # (the katakana middle dot: punctuation, not kana)
    assert warnings("尤里・加加林访问北京\nlang: zh", chinese, settings=replace(site, languages=("en", "zh", "ja"))) == []
    assert warnings("ガガーリン", "ガガーリンは宇宙へ行った。", settings=replace(site, languages=("en", "zh", "ja")))[0].startswith(
        "2: lang: not given, so the article is in the site's 'en', but the title and text are in Japanese script (add lang: ja"
    )


MOSCOW_TIME = "; with no offset written, the time is in the site's time zone, Europe/Moscow"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("31.12.2025", "write date: 2025-12-31"),
        ("31/12/2025", "write date: 2025-12-31"),
        ("31-12-2025", "write date: 2025-12-31"),
        ("2025.12.31", "write date: 2025-12-31"),
        ("2025-1-5", "write date: 2025-01-05"),
        ("12/31/2025", "write date: 2025-12-31"),  # the month first, as in the US: the only reading
        ("05.05.2025", "write date: 2025-05-05"),
        ("24.05.2021 10:15", "write date: 2021-05-24T10:15:00" + MOSCOW_TIME),
        ("01.02.2025", "write date: 2025-02-01 if it is 1 February, or date: 2025-01-02 if it is 2 January"),
        ("31.12.25", None),  # which century is a guess
        ("24.05.2021 25:15", None),
        ("на днях", None),  # "the other day": no date of the news (`вчера` is told its day: `relative`)
        # As journalists write them, copied from the outlet's page (found by a new user's trial: all were "not a date").
        ("5 марта 2019, 14:30", "write date: 2019-03-05T14:30:00" + MOSCOW_TIME),
        ("2019-03-05 14:30 MSK", "write date: 2019-03-05T14:30:00+03:00"),
        ("5 марта 2019 года, 14:30 мск", "write date: 2019-03-05T14:30:00+03:00"),
        ("Tue, 05 Mar 2019 14:30:00 +0300", "write date: 2019-03-05T14:30:00+03:00"),
        ("Вт, 5 мар 2019 14:30:00 +0300", "write date: 2019-03-05T14:30:00+03:00"),
        ("5 March 2019", "write date: 2019-03-05"),
        ("March 5, 2019 2:30 PM EST", "write date: 2019-03-05T14:30:00-05:00"),
        ("2019-03-05, 14:30", "write date: 2019-03-05T14:30:00" + MOSCOW_TIME),
        # An offset in hours alone, as people write Moscow's (was "is not a date").
        ("2019-03-05 14:30:00 +3", "write date: 2019-03-05T14:30:00+03:00"),
        ("5 марта 2019, 14:30 +3", "write date: 2019-03-05T14:30:00+03:00"),
        ("2019-03-05 14:30 -5", "write date: 2019-03-05T14:30:00-05:00"),
        (
            "05.03.2019 14:30 UTC",
            "write date: 2019-03-05T14:30:00+00:00 if it is 5 March, or date: 2019-05-03T14:30:00+00:00 if it is 3 May",
        ),
    ],
)
def test_a_date_written_otherwise_is_told_the_exact_iso_date_to_write(written, hint):
    """`date: 31.12.2025` got "use 2021-05-24 ...", leaving the user to work out which number goes where; a date
    either way round gets both readings, as a guess would be wrong for someone. Front matter stays strict: the value
    is an error, with the value to write (with the offset the text names, else in the site's time zone)."""
    (message,) = problems(f"---\ntitle: T\ndate: {written}\n---\n")
    expected = f"is not an ISO 8601 date ({hint})" if hint else "is not a date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)"
    assert message == f"2021/story.md:3: date: {written!r} {expected}"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("May 24", "write date: YYYY-05-24"),
        ("9 июля 09:51", "write date: YYYY-07-09T09:51:00, the article's year for YYYY" + MOSCOW_TIME),
        ("24 мая в 10:15 мск", "write date: YYYY-05-24T10:15:00+03:00"),
        ("Tue, 24 May 10:15 +0300", "write date: YYYY-05-24T10:15:00+03:00"),
        ("29.02", "write date: YYYY-02-29"),
        (
            "08.07 06:48",
            "write date: YYYY-07-08T06:48:00 if it is 8 July, or date: YYYY-08-07T06:48:00 if it is 7 August, the article's year"
            " for YYYY" + MOSCOW_TIME,
        ),
    ],
)
def test_a_date_without_its_year_is_told_so_with_the_iso_date_to_write_but_for_the_year(written, hint):
    """`09.07 09:51` and `9 июля 09:51`, as a news site's latest list dates its items, got "is not a date (use
    2021-05-24 or ...)", which said nothing of what was missing (found by a daily user's trial). No year is guessed."""
    (message,) = problems(f"---\ntitle: T\ndate: {written}\n---\n")
    if "the article's year" not in hint:
        hint += ", the article's year for YYYY"
    assert message == f"2021/story.md:3: date: {written!r} has no year ({hint})"


@pytest.mark.parametrize(
    ("written", "unit", "iso"),
    [
        ("1625813460", "seconds", "2021-07-09T09:51:00+03:00"),
        ("'1625813460'", "seconds", "2021-07-09T09:51:00+03:00"),
        ("1625813460.5", "seconds", "2021-07-09T09:51:00+03:00"),
        ("1625813460123", "milliseconds", "2021-07-09T09:51:00+03:00"),
        ("946684800", "seconds", "2000-01-01T03:00:00+03:00"),
    ],
)
def test_a_unix_time_is_told_as_the_moment_it_is_in_the_sites_time_zone(written, unit, iso):
    """A CMS's database exports dates as Unix times (`date: 1625813460`), and an importer who wrote them as they came
    was told "'1625813460' is not a date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)", in 208 files, as if it were
    no date at all (found in a bulk importer's trial); `ssg new --date` takes it as the moment it is."""
    (message,) = problems(f"---\ntitle: T\ndate: {written}\n---\n")
    value = written.strip("'")
    assert message == (
        f"2021/story.md:3: date: '{value}' is not an ISO 8601 date: a Unix time, {unit} since 1970 (write date: {iso}, that"
        " moment in the site's time zone, Europe/Moscow)"
    )
    assert understand(value, "--date ", "Europe/Moscow")[0] == iso
    assert understand(value, "--date ", "UTC")[0][:19] == (datetime.fromisoformat(iso).astimezone(UTC).isoformat()[:19])


@pytest.mark.parametrize("written", ["2021052410", "202105241", "1999999999"])
def test_digits_that_start_with_a_day_or_make_a_time_years_ahead_are_no_unix_time(written):
    """2021052410 (a day and its hour) is a Unix time of 2034, and 202105241 (a day's digits mistyped) one of 1976: read
    as such, `ssg new --date 2021052410` filed content/2034/ without a word, and the reader told the importer to write
    2034 (found in a second reading). Only a time up to a year ahead, whose digits start with no day, is one."""
    (message,) = problems(f"---\ntitle: T\ndate: {written}\n---\n")
    assert message == f"2021/story.md:3: date: '{written}' is not a date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)"
    assert understand(written, "--date ", "Europe/Moscow")[0] is None


def test_a_day_in_eight_digits_is_told_the_iso_date_to_write():
    """A CMS export's `date: 20210524`, a number to YAML, was "is not a date (use 2021-05-24 or ...)", as if no date
    were there (found in a bulk importer's trial), where '20210524' in quotes is read as the day; eight digits that are
    no day (20211324) stay no date."""
    assert problems("---\ntitle: T\ndate: 20210524\n---\n") == [
        "2021/story.md:3: date: '20210524' is a number to YAML, not a date (write date: 2021-05-24)"
    ]
    assert meta("---\ntitle: T\ndate: '20210524'\n---\nText.\n")["date"].startswith("2021-05-24T00:00:00")
    assert understand("20210524", "--date ", "UTC")[0] == "2021-05-24"
    assert understand(20211324, "date: ", "UTC") == (None, "is not a date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)")


@pytest.mark.parametrize(
    ("written", "number", "quoted"),
    [
        ("10.10", "10.1", "write date: YYYY-10-10, the article's year for YYYY"),
        ("12.30", "12.3", "write date: YYYY-12-30, the article's year for YYYY"),
    ],
)
def test_a_day_and_month_that_yaml_reads_as_a_number_get_no_readings_of_its_digits(written, number, quoted):
    """YAML reads `date: 10.10` as the number 10.1, and the readings of its digits were 10 January or 1 October
    (`12.30`: 12 March or 3 December), neither of them the date written."""
    assert problems(f"---\ntitle: T\ndate: {written}\n---\n") == [
        f"2021/story.md:3: date: '{number}' is a number to YAML, which drops a trailing zero ({number}0 is read as {number}), so its"
        " day and month are not known: write the full date, with its year, in ISO 8601 (date: YYYY-MM-DD)"
    ]
    # In quotes it is text, read as written; two digits after the dot are the ones written (29.02 above).
    (both,) = problems('---\ntitle: T\ndate: "09.07 09:51"\n---\n')
    assert "date: YYYY-07-09T09:51:00 if it is 9 July, or date: YYYY-09-07T09:51:00 if it is 7 September" in both
    assert problems(f'---\ntitle: T\ndate: "{written}"\n---\n') == [f"2021/story.md:3: date: '{written}' has no year ({quoted})"]


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2019-02-30", "February 2019 has 28 days"),
        ("2024-02-30T10:00:00+03:00", "February 2024 has 29 days"),
        ("2024-12-32", "a month has at most 31 days"),
        ("2024-04-31", "April 2024 has 30 days"),
        ("2024-13-01", "there is no month 13 (in ISO 8601 the month comes before the day: 2024-01-13 if it is 13 January)"),
        ("2024-00-10", "there is no month 0 (in ISO 8601 the month comes before the day)"),
        ("31.02.2025", "February 2025 has 28 days"),
        # (a Russian editor's trial: a day the month has not, its month in words, got "is not a date (use 2021-05-24 or
        # ...)", as ssg new --date did, though 30 апреля 2015 is read)
        ("31 апреля 2015", "April 2015 has 30 days"),
        ("29 февраля 2015 г., 10:00", "February 2015 has 28 days"),
        ("31 сент. 2015г.", "September 2015 has 30 days"),
        ("31 June 2015", "June 2015 has 30 days"),
        # (German and American sites write theirs so: they got "is not a date (use 2021-05-24 or ...)")
        ("31. April 2015", "April 2015 has 30 days"),
        ("April 31, 2015", "April 2015 has 30 days"),
        ("Feb 29th, 2015 10:00", "February 2015 has 28 days"),
        ("31st of June 2015", "June 2015 has 30 days"),
        # (a clipper that wrote minute 66 into 9 files: "is not a date (use 2021-05-24 or ...)", found in a bulk importer's
        # trial)
        ("2015-03-16T10:66:00+03:00", "there is no minute 66 (a day's time runs from 00:00:00 to 23:59:59)"),
        ("2015-03-16 24:30", "there is no hour 24 (a day's time runs from 00:00:00 to 23:59:59)"),
        ("2015-03-16T10:15:60Z", "there is no second 60 (a day's time runs from 00:00:00 to 23:59:59)"),
    ],
)
def test_an_impossible_date_says_why(written, why):
    """`2019-02-30` got "is not a date (use 2021-05-24 ...)", which it looks like already: the user saw no mistake."""
    assert problems(f"---\ntitle: T\ndate: {written}\n---\n") == [f"2021/story.md:3: date: {written!r} is not a date: {why}"]


def test_control_characters_in_the_text_are_left_out_with_a_warning_on_their_line():
    """Text copied from a PDF or a terminal carries NULs and form feeds: they show as nothing, and a feed (XML) cannot
    hold them, so the build failed in the feed writer."""
    record = read("---\ntitle: T\ndate: 2021-05-24\n---\n\nFirst line.\nA \x00NUL and a \x0cform feed.\n")
    assert "A NUL and a form feed." in record["body"]
    assert [w["message"] for w in record["warnings"]] == [
        "a control character (U+0000) and 1 more in the text, which no page or feed can show: left out (delete it)"
    ]
    assert record["warnings"][0]["line"] == 7


def test_characters_xml_forbids_and_the_c1_controls_are_left_out_too():
    """A feeds trial: U+FFFE or U+FFFF (raw in the text, or escaped in the front matter) stopped every build in
    feedgen's traceback, with no file or line, and `ssg check` passed the archive; DEL and the C1 controls went into
    titles, feeds and the search index."""
    record = read('---\ntitle: "Sony\\uFFFEX"\ndate: 2021-05-24\ntags: ["A\\x7fB"]\n---\n\nText \ufffe here\x85 and\x9f.\n')
    assert record["meta"]["title"] == "SonyX" and record["meta"]["tags"] == ["AB"] and "Text  here and." in record["body"]
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (2, "a control character (U+FFFE), which no page or feed can show: left out (delete it)"),
        (4, "a control character (U+007F), which no page or feed can show: left out (delete it)"),
        (7, "a control character (U+FFFE) and 2 more in the text, which no page or feed can show: left out (delete it)"),
    ]


def test_a_title_of_control_characters_or_entities_alone_is_a_problem_on_its_line():
    """`title: "\\x01\\x1b"` or `title: "&#1;"` left the title empty once its control characters were left out (or its
    entities decoded to nothing), and the build stopped on feedgen's ValueError traceback writing the feed."""
    assert problems('---\ntitle: "\\x01\\x1b "\ndate: 2021-05-24\n---\nText.\n') == [
        "2021/story.md:2: title: is a control character (U+0001) and 1 more alone, which no page or feed can show: write the article's title"
    ]
    assert problems('---\ntitle: "&#1; &#32;"\ndate: 2021-05-24\n---\nText.\n') == [
        "2021/story.md:2: title: '&#1; &#32;' shows as nothing: its entities stand for no visible character (write the title)"
    ]


def test_a_title_or_source_name_of_invisible_characters_alone_shows_as_nothing_on_its_line():
    """`title: "\\u200b"` (a zero-width space; a soft hyphen, byte-order mark, direction mark, emoji's variation
    selector or a combining accent alone) was published as a blank headline, tab and feed entry without a word, where
    `source:` of the same was refused: both are told on their line, naming what the text holds."""
    for escape, named in [
        ("\\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\\u00ad\\ufeff", "U+00AD SOFT HYPHEN, U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\\u200f \\ufe0f", "U+200F RIGHT-TO-LEFT MARK, U+FE0F VARIATION SELECTOR-16"),
        ("\\u0301\\u0308", "U+0301 COMBINING ACUTE ACCENT, U+0308 COMBINING DIAERESIS"),
        ("\\u3164", "U+3164 HANGUL FILLER"),
    ]:
        written = escape.encode().decode("unicode_escape")
        assert problems(f'---\ntitle: "{escape}"\ndate: 2021-05-24\n---\nText.\n') == [
            f"2021/story.md:2: title: {written!r} shows as nothing: it holds no character a reader sees ({named}) (write the title)"
        ]
    assert problems('---\ntitle: T\ndate: 2021-01-01\nsource: "\\u200f"\n---\nx\n') == [
        "2021/story.md:4: source: name '\\u200f' shows as nothing: it holds no character a reader sees (U+200F RIGHT-TO-LEFT MARK)"
        " (write the outlet's name)"
    ]
    m = meta('---\ntitle: T\ndate: 2021-01-01\nsource: {name: "\\u0301", url: "https://www.tass.ru/x"}\n---\nx\n')
    assert m["source"] == {"name": "tass.ru", "url": "https://www.tass.ru/x"}
    assert problems('---\ntitle: "\\x01\\u200b"\ndate: 2021-05-24\n---\nText.\n') == [
        "2021/story.md:2: title: is a control character (U+0001) alone, which no page or feed can show: write the article's title"
    ]
    assert (
        meta('---\ntitle: "Caf\\u0065\\u0301 \\U0001F680\\ufe0f"\ndate: 2021-05-24\n---\nText.\n')["title"] == "Cafe\u0301 \U0001f680\ufe0f"
    )


def test_control_characters_in_the_front_matters_shown_texts_are_left_out_with_a_warning_on_their_key():
    """An escaped one (YAML's "\\x0c", TOML's "\\u0001") or an entity (`&#12;`, as WordPress exports write them) in a
    summary, title, source, image text, tag or rights notice reached the feed writer, and the build failed with
    lxml's traceback ("All strings must be XML compatible")."""
    record = read(
        '---\ntitle: "Газ &#12;и свет"\ndate: 2021-05-24\nsummary: "copied\\x01 from a PDF"\n'
        'source: {name: "ТА\\x02СС"}\nimage: {src: \'https://x.example/a.jpg\', credit: "a\\x03", alt: "b\\x04"}\n'
        'tags: ["Луна\\x05", Mars]\nrights: "CC\\x06 BY"\n---\n\nText.\n'
    )
    meta = record["meta"]
    assert (meta["title"], meta["summary"], meta["source"]["name"], meta["rights"]) == ("Газ и свет", "copied from a PDF", "ТАСС", "CC BY")
    assert (meta["image"]["credit"], meta["image"]["alt"], meta["tags"]) == ("a", "b", ["Луна", "Mars"])
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (line, key, f"a control character (U+{code:04X}){more}, which no page or feed can show: left out (delete it)")
        for line, key, code, more in [
            (2, "title", 12, ""),
            (4, "summary", 1, ""),
            (5, "source", 2, ""),
            (6, "image", 3, " and 1 more"),
            (7, "tags", 5, ""),
            (8, "rights", 6, ""),
        ]
    ]


def test_a_control_character_written_in_the_front_matter_is_an_error_on_its_line():
    """PyYAML's own words named no line: `YAML error: unacceptable character #x0001: control characters are not allowed
    in "<unicode string>", position 48`."""
    assert problems("---\ntitle: T\ndate: 2021-05-24\nsummary: copied \x01from a PDF\n---\n") == [
        "2021/story.md:4: None: YAML error: a control character (U+0001), which YAML does not allow (delete it)"
    ]


def test_an_opening_heading_that_says_the_title_again_is_left_out():
    """MarkDownload and other clippers put the page's title atop the text (`# Title`): with `title:` set too, the page
    showed it twice, as two <h1> of one name to a screen reader. A heading that says something else stays."""
    record = read(
        "---\ntitle: Soyuz MS-19 lands & rolls\ndate: 2021-05-24\n---\n\n#  Soyuz  MS-19 LANDS &amp; rolls\n\nText.\n\n# Details\n"
    )
    assert record["body"] == '<p>Text.</p>\n<h1 id="details">Details</h1>'
    kept = "---\ntitle: Soyuz MS-19 lands\ndate: 2021-05-24\n---\n\n# Soyuz MS-19 lands in Kazakhstan\n\nText.\n"
    assert read(kept)["body"].startswith('<h1 id="soyuz-ms-19-lands-in-kazakhstan">')
    later = "---\ntitle: Soyuz\ndate: 2021-05-24\n---\n\nText.\n\n# Soyuz\n"
    assert read(later)["body"] == '<p>Text.</p>\n<h1 id="soyuz">Soyuz</h1>'  # (not at the opening: a section of its own)
    alone = read("---\ntitle: Soyuz\ndate: 2021-05-24\n---\n\n# Soyuz\n")  # (a clipping whose text did not come along)
    assert alone["body"] == "" and [w["message"] for w in alone["warnings"]] == [
        "the article has no text: its page and feed entry are empty (write it below the front matter, or set draft: true until then)"
    ]


def test_a_title_said_again_as_a_clipper_or_a_copy_of_the_page_says_it_is_left_out():
    """A news page copied as text opens with its title as a paragraph: the page showed it twice and every listing took
    it as the summary. MarkDownload's heading is the tab's title, `# Title - ТАСС`; another site writes «» for "".
    A lede that goes on after the title is the text."""
    copied = read("---\ntitle: Russia and China agree\ndate: 2021-05-24\n---\n\nRussia and China agree\n\nThe text.\n")
    assert copied["body"] == "<p>The text.</p>" and copied["meta"]["summary"] == "The text."
    tab = read('---\ntitle: «Союз ТМА-14М» вернулся\ndate: 2021-05-24\n---\n\n# "Союз ТМА-14М" вернулся - ТАСС\n\nТекст.\n')
    assert tab["body"] == "<p>Текст.</p>"
    kept = read("---\ntitle: Союз вернулся\ndate: 2021-05-24\n---\n\nСоюз вернулся на Землю.\n")
    assert kept["body"] == "<p>Союз вернулся на Землю.</p>"
    # A lede that goes on after the title and a dash is the text (a second reading: it was dropped without a word).
    lede = read("---\ntitle: Союз вернулся\ndate: 2021-05-24\n---\n\nСоюз вернулся — экипаж доставлен в Звёздный городок.\n\nДалее.\n")
    assert lede["body"].startswith("<p>Союз вернулся — экипаж")
    assert read("---\ntitle: Союз вернулся\ndate: 2021-05-24\n---\n\n# Союз вернулся — экипаж в порядке, сообщили врачи\n\nТекст.\n")[
        "body"
    ].startswith("<h1")  # (a heading's tail is a name of three words at most, without a sentence's marks)
    # A later heading of the same words keeps the id links to it name.
    again = read("---\ntitle: Союз вернулся\ndate: 2021-05-24\n---\n\n# Союз вернулся\n\nТекст.\n\n## Союз вернулся\n")
    assert again["body"] == '<p>Текст.</p>\n<h2 id="союз-вернулся_1">Союз вернулся</h2>'


def test_lines_ended_by_a_cr_alone_read_as_lines():
    """A file from an old Mac editor or a clipper: "no front matter: the file must start with a line '---'"."""
    record = read("---\rtitle: T\rdate: 2021-01-01\r---\r\rText.\r")
    assert record["meta"]["title"] == "T" and "<p>Text.</p>" in record["body"]


def test_a_clippings_description_is_its_summary_where_it_has_none():
    """Obsidian's Web Clipper writes the page's summary as `description:`; it was ignored."""
    assert read("---\ntitle: T\ndate: 2021-01-01\ndescription: The gist.\n---\n\nText.\n")["meta"]["summary"] == "The gist."
    both = "---\ntitle: T\ndate: 2021-01-01\nsummary: Mine.\ndescription: The gist.\n---\n\nText.\n"
    assert read(both)["meta"]["summary"] == "Mine."
    assert read("---\ntitle: T\ndate: 2021-01-01\n---\n\nText.\n")["meta"]["summary"] == "Text."


def test_jekyll_seo_tags_image_path_is_the_lead_image():
    """jekyll-seo-tag's `image: {path: ..., height: ..., width: ...}` was an error: "has no src"."""
    m = meta("---\ntitle: T\ndate: 2021-01-01\nimage:\n  path: /assets/a.jpg\n  width: 800\n  height: 450\n  alt: A launch\n---\nx\n")
    assert m["image"] == {"src": "assets/a.jpg", "credit": None, "alt": "A launch", "caption": None}


def test_jekylls_excerpt_is_the_summary_where_there_is_none():
    """Jekyll's `excerpt:` replaces the first paragraph in listings and feeds; it was kept for templates only."""
    excerpt = "---\ntitle: T\ndate: 2021-01-01\nexcerpt: The gist.\ndescription: For search engines.\n---\n\nText.\n"
    assert read(excerpt)["meta"]["summary"] == "The gist."
    assert read(excerpt.replace("excerpt:", "summary: Mine.\nexcerpt:"))["meta"]["summary"] == "Mine."


def test_an_article_with_nothing_below_its_front_matter_is_warned_of():
    """`ssg new` starts one so; published, its page and feed entry were empty without a word. A picture or a player
    alone is something, and a draft is not published."""
    message = "the article has no text: its page and feed entry are empty (write it below the front matter, or set draft: true until then)"
    assert [(w["line"], w["message"]) for w in read("---\ntitle: T\ndate: 2021-01-01\n---\n\n<!-- to do -->\n")["warnings"]] == [
        (5, message)
    ]
    for something in ("![Lead](https://example.org/a.jpg)", "<iframe src='https://example.org/v' title='A player'></iframe>", "Text."):
        assert read(f"---\ntitle: T\ndate: 2021-01-01\n---\n{something}\n")["warnings"] == []
    assert read("---\ntitle: T\ndate: 2021-01-01\ndraft: true\n---\n")["warnings"] == []


def test_wordpress_shortcodes_left_as_text_are_warnings_on_their_lines():
    """A moved WordPress archive's `[gallery]` and contact form were published as that text, without a word (lezoo's
    converter escapes the brackets)."""
    body = '\\[gallery ids="119,120,121"\\]\n\n[contact-form-7 id="5" title="Связь"]\n\n[caption]no picture[/caption]\n'
    warnings = read(f"---\ntitle: T\ndate: 2021-01-01\n---\n\n{body}")["warnings"]
    assert [f"{w['line']}: {w['message']}" for w in warnings] == [
        '6: [gallery ids="119,120,121"] is WordPress\'s, which ssg does not run: it shows as text (its ids name the old '
        "site's attachments, which the export does not hold: write the images in its place as Markdown, one "
        "![alt](images/x.jpg) a line)",
        '8: [contact-form-7 id="5" title="Связь"] is WordPress\'s, which ssg does not run: it shows as text (a static site '
        "cannot send a form: write how to reach you, an e-mail address or a link to a form service)",
        "10: [caption] is WordPress's, which ssg does not run: it shows as text (ssg renders [caption] around an image, "
        "<img> or ![alt](src), followed by its caption, in one paragraph: write it so, or the image and its caption as Markdown)",
    ]


@pytest.mark.parametrize(
    ("front", "image"),
    [
        ('coverImage: "cover-0.png"', "post/bundle/images/cover-0.png"),  # lezoo's: a file of its images/ folder
        ("coverImage: ./cover.png", "post/bundle/cover.png"),
        ("featuredImage: ./cover.png", "post/bundle/cover.png"),
        ("featured_image: /images/cover.png", "images/cover.png"),
        ("cover: {image: ./c.png, alt: A, relative: true, hidden: false}", "post/bundle/c.png"),
        ("cover: {image: c.png, relative: true}", "post/bundle/c.png"),  # (PaperMod's: beside the bundle's index.md)
        ("cover: {image: images/c.png}", "images/c.png"),  # (from content/, as image: reads it)
        ("thumbnail: https://e.org/t.jpg", "https://e.org/t.jpg"),
        ("image: ./lead.png\ncoverImage: cover-0.png", "post/bundle/lead.png"),  # image: first
        ('coverImage: ""', None),
        ("thumbnail: true", None),  # a theme's own
    ],
)
def test_other_tools_keys_for_the_lead_image_are_read_as_image(front, image):
    m = meta(f"---\ntitle: T\ndate: 2021-01-01\n{front}\n---\nx\n", path="post/bundle/index.md")
    assert (m["image"] or {}).get("src") == image
    assert m["lines"]["image"] == 4 if image else True


def test_html_entities_in_tag_names_are_the_characters_and_a_name_that_is_none_stays():
    """WordPress exports its terms escaped: the tag page showed `Наука &amp;amp; техника` (second review)."""
    m = meta("---\ntitle: T &sectionx;\ndate: 2021-01-01\ntags: [Наука &amp; техника, AT&T]\n---\nx\n")
    assert m["tags"] == ["Наука & техника", "AT&T"] and m["title"] == "T &sectionx;"


def test_html_entities_in_front_matter_texts_are_the_characters_they_stand_for():
    """WordPress writes `&amp;` and `&#8212;` in titles: pages, `<title>` and feeds showed `&amp;amp;`."""
    m = meta(
        '---\ntitle: "Газ &amp; свет&nbsp;&#8212; тарифы"\ndate: 2021-01-01\nsummary: "AT&T, R&D; and a < b &copy 2021"\n'
        'image: {src: a.jpg, caption: "&laquo;ТАСС&raquo;", alt: "A &amp; B"}\nsource: "Ведомости &amp; Co"\n---\nx\n'
    )
    assert m["title"] == "Газ & свет\u00a0— тарифы"
    assert m["summary"] == "AT&T, R&D; and a < b &copy 2021"  # (no entity: as written)
    assert (m["image"]["caption"], m["image"]["alt"], m["source"]["name"]) == ("«ТАСС»", "A & B", "Ведомости & Co")


def test_a_password_protected_post_is_left_out_with_a_warning():
    record = read("---\ntitle: T\ndate: 2021-01-01\npassword: podpiska2021\n---\nx\n")
    assert record["meta"]["draft"] is True and "password" not in record["meta"]["extra"]
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (
            4,
            "it was protected by a password in WordPress, and a static host cannot protect a page: it is left out, "
            "as a draft is (remove password: to publish it to everyone)",
        )
    ]
    assert meta("---\ntitle: T\ndate: 2021-01-01\npassword: ''\n---\nx\n")["draft"] is False  # (jekyll-import's for every post)
    assert read("---\ntitle: T\ndate: 2021-01-01\npassword: x\ndraft: true\n---\nx\n")["warnings"] == []


def test_wordpress_never_published_drafts_are_told_what_their_date_and_url_are():
    """wordpress-to-hugo-exporter writes `date: -001-11-30T00:00:00+00:00` and `url: /?p=1242` in each draft never
    published: each was an error saying only that it is no date, and that the URL has a query."""
    draft = "---\ntitle: T\ndate: -001-11-30T00:00:00+00:00\ndraft: true\nurl: /?p=1242\n---\nx\n"
    assert problems(draft) == [
        "2021/story.md:3: date: '-001-11-30T00:00:00+00:00' is WordPress's placeholder for a draft never published, not a "
        "date: write the date it should have (it stays left out while it is a draft), or delete the file"
    ]
    record = read(draft.replace("-001-11-30T00:00:00+00:00", "2021-01-01"))
    assert record["meta"]["aliases"] == [] and [(w["line"], w["field"]) for w in record["warnings"]] == [(5, "url")]
    protected = read(draft.replace("-001-11-30T00:00:00+00:00", "2021-01-01").replace("draft: true", "password: s3cret"))
    assert [(w["line"], w["field"]) for w in protected["warnings"]] == [(4, "password"), (5, "url")]  # (held back: a warning too)
    assert problems("---\ntitle: T\ndate: '0000-00-00 00:00:00'\nurl: /?p=1\n---\nx\n") == [
        "2021/story.md:3: date: '0000-00-00 00:00:00' is WordPress's placeholder for a draft never published, not a date: "
        "set draft: true to leave it out, or write its real date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)",
        "2021/story.md:4: url: '/?p=1' has a query (?p=1), which no file of a static site can answer: leave it out",
    ]


@pytest.mark.parametrize(
    "written",
    [
        "ТАСС, https://tass.ru/x",
        "ТАСС https://tass.ru/x",
        "ТАСС (https://tass.ru/x)",
        "ТАСС — https://tass.ru/x",
        "https://tass.ru/x (ТАСС)",
    ],
)
def test_a_source_written_as_name_and_link_in_one_line_is_both(written):
    """`source: ТАСС, https://tass.ru/x` was the outlet's name whole: the page showed the link as text, and linked nothing."""
    record = read(f"---\ntitle: T\ndate: 2021-01-01\nsource: {written}\n---\nText.\n")
    assert record["meta"]["source"] == {"name": "ТАСС", "url": "https://tass.ru/x"} and record["warnings"] == []


def test_a_source_with_a_link_inside_its_name_is_warned_of_with_the_mapping_to_write():
    record = read("---\ntitle: T\ndate: 2021-01-01\nsource: ТАСС, https://tass.ru/x, 2019\n---\nText.\n")
    assert record["meta"]["source"] == {"name": "ТАСС, https://tass.ru/x, 2019", "url": None}
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (
            4,
            "'ТАСС, https://tass.ru/x, 2019' holds a link, taken as part of the name (write source: {name: \"ТАСС, 2019\", url: https://tass.ru/x})",
        )
    ]


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("interfax.ru/russia/767824", "https://interfax.ru/russia/767824"),
        ("www.interfax.ru/russia/767824?utm=1", "https://www.interfax.ru/russia/767824?utm=1"),
        ("ТАСС, tass.ru/kosmos/1", "{name: ТАСС, url: https://tass.ru/kosmos/1}"),
    ],
)
def test_a_source_link_copied_without_https_is_warned_of_with_the_link_to_write(written, fix):
    """An address bar hides `https://`: `source: interfax.ru/russia/767824` made an outlet of that name (a page at
    sources/interfax-ru-russia-767824/) without a word, where `{url: interfax.ru/...}` is an error."""
    record = read(f"---\ntitle: T\ndate: 2021-01-01\nsource: {written}\n---\nText.\n")
    assert record["meta"]["source"] == {"name": written, "url": None}
    part = "part of " if "," in written else ""
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [
        (4, f"{written!r} holds a link without https://, taken as {part}the name (write source: {fix})")
    ]


@pytest.mark.parametrize("name", ["Lenta.ru", "RT.com", "Радио 1/2", "ria.ru"])
def test_an_outlet_named_by_its_domain_is_no_link(name):
    assert read(f"---\ntitle: T\ndate: 2021-01-01\nsource: {name}\n---\nText.\n")["warnings"] == []


@pytest.mark.parametrize(
    ("path", "front", "warning"),
    [
        (
            "2019/2019-03-05-x.md",
            "date: 2016-03-04\n",
            "2016-03-04 disagrees with its file: the file name says 2019-03-05 and its folder 2019 "
            "(fix the date, or move the file to content/2016/2016-03-04-x.md)",
        ),
        (
            "2019/2019-03-05-x.md",
            "date: 2019-03-04\n",
            "2019-03-04 disagrees with its file: the file name says 2019-03-05 (fix the date, or rename the file 2019-03-04-x.md)",
        ),
        (
            "2019/x.md",
            "date: 2016-03-04\n",
            "2016-03-04 disagrees with its file: the file is in the folder of 2019 (fix the date, or move the file to content/2016/)",
        ),
        (
            "news/2019/03/x.md",
            "date: 2016-03-04\n",
            "2016-03-04 disagrees with its file: the file is in the folder of 2019 (fix the date, or move the file to content/news/2016/03/)",
        ),
        (
            "2018/2019-03-05-x.md",
            "",
            "2019-03-05 disagrees with its file: the file is in the folder of 2018 (move the file to content/2019/, or fix the date in its name)",
        ),
        # Agreeing, or nothing in the path that clearly names a date: nothing said.
        ("2019/2019-03-05-x.md", "date: 2019-03-05T10:00:00+03:00\n", None),
        ("2019/2019-03-05-x.md", "date: 2019-03-04T22:30:00Z\n", None),  # (05 March in Moscow: the file name's day)
        ("2020/x.md", "date: 2019-12-31T23:30:00Z\n", None),  # (2020 in Moscow)
        ("news/x.md", "date: 2016-03-04\n", None),
        ("pages-2019/x.md", "date: 2016-03-04\n", None),
        ("2019/index.md", "date: 2019-05-01\n", None),
    ],
)
def test_a_date_that_disagrees_with_the_file_name_or_year_folder_is_warned_of(path, front, warning):
    """`content/2019/2019-03-05-x.md` whose `date:` was moved to 2016-03-04 said nothing: its URL and archives moved to
    2016, with its name and folder still saying 2019 (a new user's trial)."""
    record = read(f"---\ntitle: T\n{front}---\nText.\n", path=path)
    assert [w["message"] for w in record["warnings"]] == ([warning] if warning else [])


def test_the_date_against_the_path_is_one_comparison_any_day_the_date_may_be_read_as_agrees():
    """The reader's warning and `ssg new`'s refusal compare a date with its file's path by one function."""
    day = date(2019, 3, 5)
    assert against_path({day}, day, 2019) is None and against_path({day}, None, None) is None
    assert against_path({date(2019, 12, 31), date(2020, 1, 1)}, None, 2020) is None  # (UTC, and the day in Moscow)
    assert against_path({date(2020, 1, 1)}, None, 2019).told == "the file is in the folder of 2019"
    assert against_path({date(2016, 3, 4)}, day, 2019).told == "the file name says 2019-03-05 and its folder 2019"
    assert against_path({date(2019, 3, 4)}, day, 2019).told == "the file name says 2019-03-05"


@pytest.mark.parametrize(
    ("written", "iso"),
    [("5 марта 2019", "2019-03-05"), ("01.07.2019", None), ("2019-02-30", None), ("на днях", None)],
)
def test_a_date_in_words_is_understood_one_way_for_front_matter_and_ssg_new(written, iso):
    """`ssg new --date` had its own copy of the reader's date fix, with another hint for a text that is no date."""
    understood, why = understand(written, "date: ", "Europe/Moscow")
    assert understood == iso and why == date_fix(written, "date", "Europe/Moscow")
    assert problems(f"---\ntitle: T\ndate: {written}\n---\n") == [f"2021/story.md:3: date: {written!r} {why}"]


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ('title: "Он сказал "нет""', 'write title: \'Он сказал "нет"\' (the other quotes outside), or title: "Он сказал \\"нет\\""'),
        ("title: 'It's here'", "write title: \"It's here\" (the other quotes outside), or title: 'It''s here'"),
        ('title: "Он сказал "нет" и \'да\'"', 'write title: "Он сказал \\"нет\\" и \'да\'"'),
    ],
)
def test_a_quote_inside_a_quoted_value_is_told_the_exact_line_to_write(line, fix):
    """`title: "Он сказал "нет""` got "did not find expected key (check quotes, colons and indentation)"."""
    kind = "double" if line.startswith('title: "') else "single"
    assert problems(f"---\n{line}\ndate: 2021-01-01\n---\nText.\n") == [
        f"2021/story.md:2: None: YAML syntax error: a {kind} quote inside the value ends it early: {fix}"
    ]


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        (
            "tags: #космос #МКС",
            (4, "tags", "'#' at the start of the value starts a YAML comment, so the article has no tags: write tags: [космос, МКС]"),
        ),
        (
            "tags: #Space, #ISS",
            (4, "tags", "'#' at the start of the value starts a YAML comment, so the article has no tags: write tags: [Space, ISS]"),
        ),
        (
            "summary: #1 in the world",
            (
                4,
                "summary",
                "'#' at the start of the value starts a YAML comment, so summary: is empty: put the value in quotes, summary: \"#1 in the world\"",
            ),
        ),
    ],
)
def test_a_value_written_as_hashtags_is_warned_of_not_dropped(front, warning):
    """`tags: #космос #МКС`, as social networks write tags, is a YAML comment: the article had no tags, without a word."""
    record = read(f"---\ntitle: T\ndate: 2021-01-01\n{front}\n---\nText.\n")
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [warning]


def test_a_tag_item_written_as_a_hashtag_is_warned_of_not_dropped():
    """`- #космос` under `tags:`, as a vault writes its hashtags, is a YAML comment: the tag was left out without a word
    (found by a vault's trial); an item with nothing after its dash, or a comment meant as one, is not warned of."""
    record = read("---\ntitle: T\ndate: 2021-01-01\ntags:\n  - ok\n  - #космос\n  -\n  - # later\n---\nText.\n")
    assert record["meta"]["tags"] == ["ok"]
    message = "'#' after the dash starts a YAML comment, so this tag is left out: write - \"космос\""
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [(6, "tags", message)]


@pytest.mark.parametrize("front", ["tags: # none yet", "rights: # to ask", "tags: #", "views: 5 #approximately"])
def test_a_comment_meant_as_one_is_not_warned_of(front):
    assert read(f"---\ntitle: T\n{front}\ndate: 2021-01-02\n---\nText.\n")["warnings"] == []


def test_a_title_yaml_reads_as_a_comment_says_why_it_is_empty():
    """`title: #1 в мире` said "title: is empty (write the title after `title:`)" of a line with a title on it."""
    assert problems("---\ntitle: #1 в мире\ndate: 2021-01-01\n---\nText.\n") == [
        "2021/story.md:2: title: is empty: '#' at the start of the value starts a YAML comment (put the value in quotes, "
        'title: "#1 в мире")'
    ]


@pytest.mark.parametrize("tags", ["[МКС, , Роскосмос]", "[, МКС]", "[МКС,, Роскосмос]"])
def test_an_empty_item_in_a_list_names_the_extra_comma(tags):
    """`tags: [МКС, , Роскосмос]` said "while parsing a flow node did not find expected node content (check quotes,
    colons and indentation)", none of which was wrong."""
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\ntags: {tags}\n---\nText.\n") == [
        "2021/story.md:4: None: YAML syntax error: a list with an empty item (two commas with nothing between, or a comma "
        "right after [): delete the extra comma"
    ]


@pytest.mark.parametrize(
    ("tags", "fixed"),
    [("[Банк России], МКС]", "[Банк России, МКС]"), ("[МКС, Банк России]]", "[МКС, Банк России]"), ("[a], [b]", "[a, b]")],
)
def test_a_list_closed_too_early_gives_the_line_to_write(tags, fixed):
    """A keeper's trial: a tag renamed with sed (`s/Банк России, /Банк России], /`) left `tags: [Банк России], МКС]`,
    told as "while parsing a block mapping did not find expected key (check quotes, colons and indentation)"."""
    assert problems(f"---\ntitle: T\ndate: 2021-01-01\ntags: {tags}\n---\nText.\n") == [
        f"2021/story.md:4: None: YAML syntax error: the list ends at its first ], and what follows it is no YAML: write tags: {fixed}"
    ]


def test_a_comma_inside_quotes_is_no_empty_item():
    assert meta('---\ntitle: T\ndate: 2021-01-01\ntags: ["a, , b", c]\n---\nText.\n')["tags"] == ["a, , b", "c"]


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("'Фото: Роскосмос'", "Роскосмос"),
        ("'Image source: pronedra.ru'", "pronedra.ru"),
        ("Photo — AP", "AP"),
        ("'Источник фото: ТАСС'", "ТАСС"),
    ],
)
def test_a_credit_copied_with_its_label_is_warned_of_with_the_name_to_write(credit, name):
    """`credit: "Фото: Роскосмос"` showed as "Источник изображения: Фото: Роскосмос": the theme adds its own label."""
    record = read(f"---\ntitle: T\ndate: 2021-01-01\nimage: {{src: 'https://x.org/a.jpg', credit: {credit}}}\n---\nText.\n")
    written = credit.strip("'")
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (4, "image", f"credit {written!r} starts with a label, and pages put their own before it (Image source: ...): write credit: {name}")
    ]
    assert record["meta"]["image"]["credit"] == written  # (shown as written: the warning says what to change)


@pytest.mark.parametrize("credit", ["pronedra.ru", "Фото ТАСС", "Фотохроника ТАСС", "Source-X Media", "AP Photo"])
def test_a_credit_without_a_label_is_not_warned_of(credit):
    assert read(f"---\ntitle: T\ndate: 2021-01-01\nimage: {{src: 'https://x.org/a.jpg', credit: {credit}}}\n---\nText.\n")["warnings"] == []


def test_a_required_key_misspelt_is_named_in_its_missing_message():
    """`titel: ...` gave "title: is missing (add `title: ...` to the front matter)", and the typo's warning apart."""
    assert problems("---\ntitel: Nauka docks\nDate: 2021-07-29\n---\nText.\n") == [  # (Date: is read as date:)
        "2021/story.md:4: title: is missing; titel: (line 2) looks like a misspelling of it: rename it to title:",
    ]


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        (
            "Роскосмос; МКС",
            "tag 'Роскосмос; МКС' has ';' in its name, so it is one tag: if the names are more, write tags: [Роскосмос, МКС]",
        ),
        (
            "[Роскосмос; МКС, NASA, ESA;CNES]",
            "tags 'Роскосмос; МКС' and 'ESA;CNES' have ';' in their names, so each is one tag: if the names are more, write "
            "tags: [Роскосмос, МКС, NASA, ESA, CNES]",
        ),
    ],
)
def test_tags_parted_by_semicolons_are_warned_of_with_the_list_to_write(tags, message):
    """`tags: Роскосмос; МКС`, as CMS exports part names, made one tag "Роскосмос; МКС" without a word."""
    record = read(f"---\ntitle: T\ndate: 2021-01-01\ntags: {tags}\n---\nText.\n")
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [(4, f"{message} (names are parted by commas)")]
    assert read("---\ntitle: T\ndate: 2021-01-01\ntags: [Роскосмос;, МКС]\n---\nText.\n")["warnings"] == []


def test_a_tag_of_quotes_alone_is_left_out_with_a_warning():
    """A careless user's trial: `tags: [Роскосмос, «»]`, the quotes of a name pasted without it, made a tag «» with a
    page of its own, tags/tag/, without a word. Empty names (`a, b,`) are still left out silently: nothing was written."""
    record = read("---\ntitle: T\ndate: 2021-01-01\ntags: [Роскосмос, «», '—', '', C++, '№ 5']\n---\nText.\n")
    assert record["meta"]["tags"] == ["Роскосмос", "C++", "№ 5"]
    told = "has no letter or digit, so it names nothing and is left out (write the name it stood for)"
    assert [(w["line"], w["message"]) for w in record["warnings"]] == [(4, f"tag '«»' {told}"), (4, f"tag '—' {told}")]


@pytest.mark.parametrize(
    ("title", "plain", "tag"),
    [
        ("<b>Срочно</b>: «Союз» стартовал", "Срочно: «Союз» стартовал", "<b>"),
        ("Вышел Windows<br/>11", "Вышел Windows 11", "<br/>"),
        ('<span class="red">NASA</span> &amp; Roscosmos', "NASA & Roscosmos", '<span class="red">'),
        # (pasted from a page: a trial found these shown as written without a word)
        ("<script>alert(1)</script> Breaking", "Breaking", "<script>"),
        ("Breaking <img src=x> news", "Breaking news", "<img src=x>"),
    ],
)
def test_html_in_a_title_is_warned_of_with_the_title_to_write(title, plain, tag):
    """A CMS export's `title: "<b>Срочно</b>: ..."` showed "<b>Срочно</b>" on the page, in feeds and the browser's tab."""
    record = read(f"---\ntitle: '{title}'\ndate: 2021-01-01\n---\nText.\n")
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (2, "title", f'holds HTML ({tag}), which pages show as text, tags and all: write title: "{plain}"')
    ]


def test_html_in_a_sources_name_is_warned_of_with_the_name_to_write():
    record = read("---\ntitle: T\ndate: 2021-01-01\nsource: {name: '<b>Evil</b> News', url: 'https://evil.example/x'}\n---\nText.\n")
    assert [(w["line"], w["field"], w["message"]) for w in record["warnings"]] == [
        (4, "source", 'name holds HTML (<b>), which pages show as text, tags and all: write name: "Evil News"')
    ]


@pytest.mark.parametrize("title", ["x < y and a > b", "<Видео> запуск", "Boeing <-> Airbus", "a <b and c"])
def test_angle_brackets_that_are_no_html_are_not_warned_of(title):
    assert read(f"---\ntitle: '{title}'\ndate: 2021-01-01\n---\nText.\n")["warnings"] == []


def test_a_pasted_names_invisible_characters_are_not_part_of_it():
    """A keeper's trial: `Роскосмос` pasted with a zero-width space after it was a second tag, at tags/roskosmos-2/,
    both listed as Роскосмос; an outlet's name pasted with a soft hyphen or a no-break space showed them."""
    m = meta(
        '---\ntitle: T\ndate: 2021-01-01\ntags: ["Роскосмос\\u200b", "Юрий\\u00a0Бори\\u00adсов", "\\ufeffМКС"]\n'
        'source: {name: "РИА\\u00a0Ново\\u00adсти\\u2060", url: https://ria.ru/1}\n---\nx\n'
    )
    assert m["tags"] == ["Роскосмос", "Юрий Борисов", "МКС"] and m["source"]["name"] == "РИА Новости"


@pytest.mark.parametrize(
    ("title", "source", "fixed"),
    [
        ("Роскосмос продлил контракт - Интерфакс", "{name: Интерфакс, url: 'https://www.interfax.ru/1'}", "Роскосмос продлил контракт"),
        ("SpaceX launches Starlink | Reuters", "https://www.reuters.com/x/", "SpaceX launches Starlink"),
        ("Ракета - носитель «Союз» — tass.ru", "{name: ТАСС, url: 'https://tass.ru/1'}", "Ракета - носитель «Союз»"),
    ],
)
def test_a_title_ending_with_its_outlets_name_gets_the_title_to_write(title, source, fixed):
    """A keeper's trial: a title copied from the page's tab (`... - Интерфакс`) showed the outlet twice in every listing
    and feed, without a word."""
    record = read(f"---\ntitle: {title}\ndate: 2021-01-01\nsource: {source}\n---\nx\n")
    assert [f"{w['line']}: {w['field']}: {w['message']}" for w in record["warnings"]] == [
        f"2: title: ends with the outlet's name ({title[len(fixed) :].strip()!r}, as its page's tab shows it), "
        f'which the page names as the source: write title: "{fixed}"'
    ]


@pytest.mark.parametrize("title", ["Интерфакс - итоги года", "Интервью - Коммерсантъ о запуске", "Союз - Интерфакс - ТАСС"])
def test_a_title_naming_its_outlet_elsewhere_is_no_tab_title(title):
    record = read(f"---\ntitle: {title}\ndate: 2021-01-01\nsource: {{name: Интерфакс, url: 'https://www.interfax.ru/1'}}\n---\nx\n")
    assert record["warnings"] == []


def test_hugo_keys_that_kept_a_page_off_the_site_leave_the_article_out_with_a_warning():
    """A Hugo archive's `publishDate` after its date, an `expiryDate`, `headless: true` and `build: {render: never}` were
    kept for templates, and every such page published without a word (a keeper's move from Hugo: what they had taken
    down was online again). The two dates are kept for each build to judge (what a file reads as is cached: the time of
    reading decides nothing); the others leave the article out."""
    head = "---\ntitle: T\ndate: 2019-03-05T10:00:00+03:00\n"

    def told(extra: str) -> tuple[tuple, list]:
        record = read(head + extra + "---\nx\n", "posts/x.md")
        held = tuple(record["meta"][key] for key in ("draft", "publish", "expires"))
        return held, [(w["line"], w["field"], w["message"]) for w in record["warnings"]]

    assert told("publishDate: 2099-01-01T00:00:00+03:00\n") == ((False, "2099-01-01T00:00:00+03:00", None), [])
    assert told("publishDate: 2019-03-05\n") == ((False, None, None), [])  # (on its date or before: the date orders it, as before)
    assert told("expiryDate: 2020-01-01\n") == (
        (False, None, "2020-01-01T00:00:00+03:00"),
        [
            (
                4,
                "expiryDate",
                "2020-01-01: Hugo takes the article down then, and so does ssg: a build from then on leaves it out, as a "
                "draft (remove expiryDate: to keep it published)",
            )
        ],
    )
    assert told("expirydate: next week\n")[0] == (False, None, None)
    assert "takes the article down on none" in told("expirydate: next week\n")[1][0][2]
    assert told("headless: true\n")[0] == (True, None, None)
    assert told("build:\n  render: never\n") == (
        (True, None, None),
        [(4, "build", "{render: never}: Hugo made no page of it; ssg leaves it out, as a draft (remove build: to publish it)")],
    )
    assert told("_build: {list: false}\n")[0][0] is True
    assert told("build: {list: always}\n") == ((False, None, None), [])
    assert told("draft: true\nexpiryDate: 2020-01-01\n")[1] == []  # (a draft: left out already, nothing to tell)
    toml = read("+++\ntitle = 'T'\ndate = 2019-03-05T10:00:00+03:00\nexpiryDate = 2020-01-01\n+++\nx\n", "posts/x.md")
    assert toml["meta"]["expires"] == "2020-01-01T00:00:00+03:00" and [w["line"] for w in toml["warnings"]] == [4]


def test_the_sites_excerpt_separator_ends_the_summaries_of_articles_without_their_own():
    """Jekyll's `_config.yml` sets `excerpt_separator: <!--cut-->` for every post: site.yaml had no such option, so each
    summary was the post's first paragraph, the marker an HTML comment no one saw, without a word (a keeper's move)."""
    cut = ReadSettings(lang="en", timezone="Europe/Moscow", require=(), search=SearchConfig(enabled=False), excerpt_separator="<!--cut-->")
    text = "---\ntitle: T\ndate: 2021-01-01\n---\nFirst.\n\nSecond.\n\n<!--cut-->\n\nThird.\n"
    assert meta(text, settings=cut)["summary"] == "First. Second." and meta(text)["summary"] == "First."
    own = text.replace("date: 2021-01-01\n", "date: 2021-01-01\nexcerpt_separator: <!--more-->\n").replace("Second.", "<!--more-->")
    assert meta(own, settings=cut)["summary"] == "First."  # (an article's own marker wins)


# 09:02:30 in Moscow (UTC+3) on 6 December 2026: the moment the relative dates below are read at.
_READ_AT = datetime(2026, 12, 6, 6, 2, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("сегодня в 09:15", "2026-12-06T09:15:00"),
        ("Вчера, 18:30", "2026-12-05T18:30:00"),
        ("позавчера", "2026-12-04"),
        ("Today 09:15", "2026-12-06T09:15:00"),
        ("yesterday at 9:05", "2026-12-05T09:05:00"),
        ("2 hours ago", "2026-12-06T07:02:00"),
        ("an hour ago", "2026-12-06T08:02:00"),
        ("5 минут назад", "2026-12-06T08:57:00"),
        ("час назад", "2026-12-06T08:02:00"),
        ("1 мин. назад", "2026-12-06T09:01:00"),
        ("3 дня назад", "2026-12-03"),  # a day back names the day, not the time it was read
        ("только что", "2026-12-06T09:02:00"),
        ("завтра в 10:00", "2026-12-07T10:00:00"),  # (ahead: an article scheduled; "not a date" before)
        ("послезавтра", "2026-12-08"),
        ("tomorrow 10:00", "2026-12-07T10:00:00"),
        ("через 2 часа", "2026-12-06T11:02:00"),
        ("in an hour", "2026-12-06T10:02:00"),
        ("вчера в 25:00", None),
        ("99999999 дней назад", None),  # (before the year 1, or past 9999: OverflowError stopped the build, and ssg new)
        ("in 99999999999999999 days", None),
        ("May 24", None),
        ("5 марта 2019", None),
    ],
)
def test_relative_dates_read_at_a_moment_in_the_sites_time_zone(written, iso):
    found = relative(written, _READ_AT, "Europe/Moscow")
    assert (found.iso if found else None) == iso


def test_a_relative_day_before_the_calendar_begins_is_none():
    assert relative("вчера", datetime(1, 1, 2, tzinfo=UTC), "Etc/GMT+12") is None
    assert relative("сегодня", datetime(1, 1, 2, tzinfo=UTC), "Etc/GMT+12").iso == "0001-01-01"


def test_a_relative_date_in_front_matter_is_refused_with_the_day_it_is_at_the_builds_moment():
    """`date: вчера в 18:30` got the generic "not a date": a build must not read it by the clock, but can say what to write."""
    settings = ReadSettings("en", "Europe/Moscow", (), SearchConfig(enabled=False), now=_READ_AT)
    text = "---\ntitle: Crew lands\ndate: вчера в 18:30\n---\nText.\n"
    (problem,) = read_article("crew.md", text.encode(), settings)["problems"]
    assert problem["line"] == 3
    assert problem["message"] == (
        "'вчера в 18:30' is a date relative to when it was copied: write the day it means (if it was copied today, "
        "2026-12-06, write date: 2026-12-05T18:30:00; with no offset written, the time is in the site's time zone, Europe/Moscow)"
    )


def test_html_balancing_reads_tags_as_browsers_do():
    """A second reading of the balancing (d359f36) found its own tag reader wrong where browsers are right: a `/` at
    the end of an unquoted value (`<a href=https://x.org/>`) or on an HTML element (`<div class="lead"/>`, which opens a
    div) made it drop the real closing tag as stray, and an unclosed <textarea> or <script> took the page's own parts as
    its text without a word. And a tag shown as code (`` `<b>` ``) took the warning meant for the real one's line."""
    fine = (
        "---\ntitle: T\ndate: 2021-01-01\n---\n<a href=https://x.org/>link</a> after\n\n"
        '<div class="lead"/>Лид</div>\n\n<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>\n\n<textarea><b></textarea>\n'
    )
    record = read(fine)
    assert record["warnings"] == [] and "</a>" in record["body"] and record["body"].count("</div>") == 1
    for left_open, tag in [("<textarea>\n\nMore text.", "textarea"), ("<script>if (a<b) {}", "script")]:
        record = read(f"---\ntitle: T\ndate: 2021-01-01\n---\nText.\n\n{left_open}\n")
        assert record["body"].endswith(f"</{tag}>"), left_open
        assert [(w["line"], w["message"].split(" is ")[0]) for w in record["warnings"]] == [(7, f"<{tag}>")]
    shown = "---\ntitle: T\ndate: 2021-01-01\n---\nUse `<b>` for bold.\n\n```html\n</div>\n<b>\n```\n\n    <b>\n\nReal <b>bold.\n\n</div>\n"
    assert [(w["line"], w["message"].split(" ")[0]) for w in read(shown)["warnings"]] == [(14, "<b>"), (16, "</div>")]


def test_a_script_link_in_a_short_text_of_the_front_matter_is_its_text_alone_and_told():
    """`[credit](javascript:alert(document.domain))` in an image's credit, a caption or a rights notice ran a contributor's
    script in the browser of every reader who clicked it, where the same texts show HTML as text (a hostile-input
    trial). The page shows the link's text alone, and the line is warned of."""
    from ssg.markdown import inline_markdown

    text = (
        "---\ntitle: T\ndate: 2021-01-01\nimage: {src: a.jpg, credit: '[c](javascript:alert(1))', caption: '[x](https://a.org)'}\n"
        "rights: '[r]( JavaScript:alert(2)) and [d](data:text/html,x)'\n---\nText.\n"
    )
    told = "a link to a {}: URL runs a script where a reader clicks it: the page shows its text alone (write an http(s) URL)"
    assert sorted((w["line"], w["field"], w["message"]) for w in read(text)["warnings"]) == [
        (4, "image.credit", told.format("javascript")),
        (5, "rights", told.format("data")),
        (5, "rights", told.format("javascript")),
    ]
    assert inline_markdown("[r]( JavaScript:alert(2)) and [x](https://a.org) [d](data:text/html,x)") == (
        '<a>r</a> and <a href="https://a.org">x</a> <a>d</a>'
    )


def test_a_title_or_tag_that_yaml_1_1_read_as_a_number_is_the_text_written():
    """YAML 1.1 read `12:30` as 750 (base 60) and a score's tag `2:0` as 120, `0x1F` as 31, `1_000` as 1000, `007` as 7:
    the page's heading said 750, without a word (a hostile-input trial). As YAML 1.2 reads them, they are text."""
    record = read("---\ntitle: 12:30\ndate: 2021-01-01\ntags: [2:0, 0x1F, 1_000, '007', 007, 5]\n---\nText.\n")
    assert record["meta"]["title"] == "12:30" and record["meta"]["tags"] == ["2:0", "0x1F", "1_000", "007", "5"]


def test_a_plaintext_is_shown_as_text_on_a_python_that_reads_the_rest_as_its_text():
    """Pythons with gh-137836's fix (3.12 on) put the parser in <plaintext>'s text mode at once: nothing after it was
    balanced. The scanner stays out of it, as on this Python."""
    from ssg.htmlbalance import _Scanner

    scanner = _Scanner("<b>x</b><i>y")
    scanner.set_cdata_mode("plaintext")  # (as such a Python calls it after the start tag)
    scanner.feed("<b>x</b><i>y")
    assert scanner.cdata_elem is None and [name for name, _, _ in scanner.open_] == ["i"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [("ガガーリン", "gagarin"), ("ビデオ", "bideo"), ("ﾋﾞﾃﾞｵ", "bideo"), ("ぱぴぷ", "papipu"), ("バ\u3099", "ba")],
)
def test_voiced_kana_keep_their_voicing_in_a_slug(text, slug):
    """python-slugify decomposes a text (NFKD) before text-unidecode spells it, which parts ガ from its dakuten: `ssg new
    "ガガーリン" --lang ja` wrote kakarin.md, ビデオ was hiteo."""
    assert slug_of(text) == slug


def test_slugs_without_kana_are_as_they_were():
    """The kana's spelling leaves every other slug as python-slugify made it (Latin decomposed, ё and й as iuliia spells
    them): the words of the search data, and each Latin, Cyrillic, Greek, Hebrew, Arabic and Han letter in a word."""
    import iuliia
    from slugify import slugify

    from ssg.scripts import composed

    def before(text: str) -> str:
        cyrillic = any("\u0400" <= char <= "\u052f" for char in text)
        spelt = iuliia.WIKIPEDIA.translate(composed(text)) if cyrillic else text
        return slugify(spelt, replacements=(("'", ""), ("\u2019", "")), backend="text-unidecode")

    data = Path(__file__).parent / "data"
    words = {word for name in ("search_en.txt", "search_ru.txt") for word in (data / name).read_text("utf-8").split()}
    letters = [*range(0xC0, 0x250), *range(0x370, 0x530), *range(0x5D0, 0x5EB), *range(0x620, 0x64B), *range(0x4E00, 0x5000)]
    words |= {f"Ab{chr(code)}ёй {chr(code)}" for code in letters} | {f"{chr(code)}ё{chr(code)}" for code in letters}
    words |= {"Ёлка", "йод", "Crème brûlée", "Łódź", "Straße", "İstanbul", "Ærø", "ﬁne", "Ǆemal", "Zoë's café"}
    assert len(words) > 2000
    changed = {word: (slug_of(word), before(word)) for word in words if slug_of(word) != before(word)}
    assert not changed
