"""site.yaml: every bad value is reported on its line, saying what would be right, never with a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import ssg
from ssg.cli import main
from ssg.config import load_config
from ssg.errors import ConfigError

from .conftest import SITE_YAML, article


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def problems(project, yaml: str) -> list[str]:
    """The messages site.yaml (SITE_YAML and `yaml` after it) gives when it is read."""
    project.write({"site.yaml": SITE_YAML + yaml})
    with pytest.raises(ConfigError) as caught:
        load_config(project.root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("code", ["uk", "de"])
def test_a_search_language_without_a_stemmer_is_an_error_on_its_line(project, command, code):
    """`search: {languages: [uk]}` stopped build and check with a Python traceback from the index's code (and the
    preview showed "internal error")."""
    project.write({"site.yaml": SITE_YAML + f"search: {{languages: [en, {code}]}}\n", "content/a.md": article("A", "2021-01-01")})
    result = run("-C", str(project.root), command)
    assert result.exit_code == 1
    assert f"error: site.yaml:5: search: languages: '{code}' is not supported (use en, ru)\n" in result.output
    assert "Traceback" not in result.output and not (project.root / "public").exists()


def test_search_languages_take_language_codes_by_the_articles_rule(project):
    assert problems(project, "search:\n  languages: [EN]\n") == ["site.yaml:5: search: languages: 'EN' is not a language code (write en)"]


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("date_fromat: 'd MMMM y'\n", "site.yaml:5: date_fromat: unknown option (did you mean 'date_format'?)"),
        (
            "languages: {en: {date_fromat: 'd MMMM y'}}\n",
            "site.yaml:5: languages: en: unknown key 'date_fromat' (did you mean 'date_format'?)",
        ),
        ("search: {enabeld: false}\n", "site.yaml:5: search: unknown key 'enabeld' (did you mean 'enabled'?)"),
        ("feeds: {entires: 5}\n", "site.yaml:5: feeds: unknown key 'entires' (did you mean 'entries'?)"),
        ("publisher: {nmae: Roscosmos}\n", "site.yaml:5: publisher: unknown key 'nmae' (did you mean 'name'?)"),
        ("publisher: {x: 1}\n", "site.yaml:5: publisher: unknown key 'x' (use name, url, logo)"),
    ],
)
def test_every_misspelt_key_gets_the_one_it_most_likely_meant(project, yaml, message):
    """`paginte:` had a did-you-mean, `date_fromat:` (top-level or a language's) and a search or feeds key none."""
    assert problems(project, yaml) == [message]


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("latest: yes\n", "latest: yes is read as true, not a number (write a whole number of at least 1, e.g. latest: 10)"),
        ("latest: true  # all of them\n", "latest: true is not a number (write a whole number of at least 1, e.g. latest: 10)"),
        ("latest: '10'\n", "latest: '10' is text, not a number (write latest: 10, without quotes)"),
        ("description: 42\n", 'description: 42 is a number, not text (put it in quotes: description: "42")'),
        # (an escape YAML takes, which no feed can hold: every build failed in feedgen's traceback)
        ('description: "News\\uFFFE"\n', "description: has a control character (U+FFFE), which no page or feed can show: delete it"),
        ("description: No\n", 'description: No is read as false, not text (put it in quotes: description: "No")'),
        ('search: {enabled: "no"}\n', "search: enabled: 'no' is text, not true or false (write enabled: false, without quotes)"),
        ("search: {enabled: 0}\n", "search: enabled: 0 is a number, not true or false (write enabled: true or enabled: false)"),
        ("feeds: {full_content: maybe}\n", "feeds: full_content: 'maybe' is not true or false (write true or false, without quotes)"),
        (
            "prefix_default_lang: 'on'\n",
            "prefix_default_lang: 'on' is text, not true or false (write prefix_default_lang: true, without quotes)",
        ),
        ("publisher: {name: 1961}\n", 'publisher: name: 1961 is a number, not text (put it in quotes: name: "1961")'),
        ("languages: {en: {}, ru: {title: 2024}}\n", 'languages: ru: title: 2024 is a number, not text (put it in quotes: title: "2024")'),
    ],
)
def test_a_value_yaml_reads_as_another_kind_says_what_to_write(project, yaml, message):
    """`latest: yes` said "True is not a whole number", `title: 42` "42 is not a string", `enabled: "no"` "enabled
    must be true or false": each now says what YAML made of it and the line to write instead."""
    assert problems(project, yaml) == [f"site.yaml:5: {message}"]


def test_a_title_yaml_reads_as_a_number_says_to_quote_it(project):
    project.write({"site.yaml": SITE_YAML.replace("title: Test archive", "title: 42")})
    with pytest.raises(ConfigError) as caught:
        load_config(project.root)
    assert str(caught.value) == 'site.yaml:1: title: 42 is a number, not text (put it in quotes: title: "42")'


PATTERN_HINT = "(e.g. 'd MMMM y, HH:mm', or a style: short, medium, long, full)"


@pytest.mark.parametrize(
    ("written", "seconds"), [("timeout: 60", 60), ("timeout: 2.5", 2.5), ('timeout: "90s"', 90.0), ("timeout: 2m", 120.0), ("", 30)]
)
def test_timeout_is_a_number_of_seconds_as_hugo_writes_it_too(project, written, seconds):
    project.write({"site.yaml": SITE_YAML + written + "\n"})
    assert load_config(project.root).timeout == seconds


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("timeout: 0", "0 is not a number of seconds (write e.g. timeout: 60)"),
        ("timeout: -1", "-1 is not a number of seconds (write e.g. timeout: 60)"),
        ("timeout: 1h", "'1h' is not a number of seconds (write e.g. timeout: 60)"),
        ("timeout: .inf", "inf is not a number of seconds (write e.g. timeout: 60)"),
        ("timeout: yes", "yes is read as true, not a number (write a number of seconds, e.g. timeout: 60)"),
    ],
)
def test_a_timeout_that_is_no_number_of_seconds_is_refused_on_its_line(project, written, message):
    assert problems(project, written + "\n") == [f"site.yaml:5: timeout: {message}"]


@pytest.mark.parametrize("option", ["tag_names", "source_names"])
def test_a_names_entry_too_long_for_its_pages_folder_is_a_problem_on_its_line(project, option):
    """A paragraph pasted as a `tag_names:` entry was let through (an article's tag or outlet as long is refused on its
    line): the build failed writing tags/<slug>/, saying only that the file name is too long and to build elsewhere."""
    long = "ж" * 101  # (romanized: 2 letters each)
    noun = "tag" if option == "tag_names" else "outlet"
    assert problems(project, f"{option}:\n  Moon: {{ru: Луна}}\n  {long}: {{en: Moon2}}\n  {long[:100]}: {{en: Moon3}}\n") == [
        f"site.yaml:7: {option}: {noun} '{long[:40]}...' makes its page's slug 202 characters long, too long for a folder name"
        " (write a shorter name)"
    ]
    project.write({"tags.yaml": f"{long}: {{ru: Луна}}\n"})
    assert problems(project, f"{option}: tags.yaml\n") == [
        f"tags.yaml:1: {noun} '{long[:40]}...' makes its page's slug 202 characters long, too long for a folder name (write a shorter name)"
    ]


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("d MMMMMM y", "MMMMMM has 6 letters, and M takes 1 to 5 letters"),
        ("d MMMM y at HH:mm", "'at' is no date field (text goes in single quotes: 'at')"),
        ("d MMMM y 'г.", "has a ' that opens text no ' closes (text goes between two, an apostrophe is written '')"),
        ("EEEEEEE, d MMMM", "EEEEEEE has 7 letters, and E takes 1 to 6 letters"),
    ],
)
def test_a_date_format_babel_cannot_use_is_an_error_on_site_yamls_line(project, pattern, problem):
    """It was reported on the template line that formatted the first date (`templates/article.html:28: ValueError:
    Invalid length for field: 'MMMMMM'`), where the mistake was not."""
    quoted = f'"{pattern}"'
    for yaml, key in (
        (f"languages:\n  en: {{date_format: {quoted}}}\n  ru: {{}}\n", "site.yaml:5: languages: en: date_format"),
        (f"date_format: {quoted}\n", "site.yaml:5: date_format"),
        (f"date_format_short: {quoted}\n", "site.yaml:5: date_format_short"),
    ):
        assert problems(project, yaml) == [f"{key}: {pattern!r} is not a Babel date pattern: {problem} {PATTERN_HINT}"]


@pytest.mark.parametrize("pattern", ["d MMMM y", "d MMMM y 'г'., HH:mm", "EEEE, d. MMMM y, HH:mm 'Uhr'", "long", "short", "dd.MM.yy"])
def test_a_date_format_babel_takes_is_taken(project, pattern):
    project.write({"site.yaml": SITE_YAML + f'date_format: "{pattern}"\nlanguages: {{en: {{}}, ru: {{date_format: "{pattern}"}}}}\n'})
    config = load_config(project.root)
    assert config.date_formats("en") == (pattern, pattern) and config.date_formats("ru") == (pattern, pattern)


def test_an_empty_date_format_says_what_to_write(project):
    assert problems(project, "date_format: ' '\n") == [
        "site.yaml:5: date_format: is empty (write a Babel pattern such as 'd MMMM y, HH:mm', or leave the key out)"
    ]


def test_an_empty_top_level_date_format_shows_one_to_write(project):
    assert problems(project, "date_format:\n") == [
        "site.yaml:5: date_format: is empty; give it a value (date_format: 'd MMMM y, HH:mm') or remove the line for the default"
    ]


def test_the_top_level_date_formats_are_the_default_languages_and_the_short_one_follows_the_long_one(project):
    project.write({"site.yaml": SITE_YAML + "date_format: 'd MMMM y'\nlanguages: {en: {}, ru: {date_format_short: 'd.MM.y'}}\n"})
    config = load_config(project.root)
    assert config.date_formats("en") == ("d MMMM y", "d MMMM y")
    assert config.date_formats("ru") == (None, "d.MM.y")  # (the long one: the theme's Russian one)
    project.write({"site.yaml": SITE_YAML + "date_format_short: 'd.MM.y'\nlanguages: {en: {date_format: long}, ru: {}}\n"})
    config = load_config(project.root)
    assert config.date_formats("en") == ("long", "d.MM.y") and config.date_formats("ru") == (None, None)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("https://пример.рф/архив/", "https://xn--e1afmkfd.xn--p1ai/%D0%B0%D1%80%D1%85%D0%B8%D0%B2/"),
        ("https://example.org/archive//", "https://example.org/archive/"),
        ("https://example.org//news//archive", "https://example.org/news/archive/"),
        ("https://Example.org:8080/a", "https://example.org:8080/a/"),
        ("https://example.org/%D0%B0/", "https://example.org/%D0%B0/"),
        # (a feeds trial: the scheme's own port went into canonical links and the feed's id, not the entries' ids)
        ("https://Example.ORG:443/news/", "https://example.org/news/"),
        ("http://example.org:80", "http://example.org/"),
        ("https://example.org/./news/../news/", "https://example.org/news/"),
    ],
)
def test_a_base_url_is_read_as_sitemaps_and_feeds_need_it(project, written, read):
    """A `.рф` address went raw into the sitemap, robots.txt and the feeds' ids, and `archive//` into every canonical
    link (found by a new user's trial): the host in ASCII, the path percent-encoded, one slash between its parts."""
    project.write({"site.yaml": SITE_YAML.replace("https://example.org/", written), "content/a.md": article("A", "2021-05-24")})
    assert load_config(project.root).base_url == read
    project.build()
    assert f"<loc>{read}2021/05/24/a/</loc>" in (project.public / "sitemap.xml").read_text(encoding="utf-8")


def test_an_option_no_name_is_close_to_may_be_a_newer_ssgs(project):
    """An older ssg reading a site.yaml written for a newer one said only "unknown option": a key none is close to says
    it may be a newer ssg's, naming this one's version; a misspelling keeps its did-you-mean alone."""
    [told] = problems(project, "sitemap_priority: 0.5\n")
    assert told.startswith("site.yaml:5: sitemap_priority: unknown option (known options: title, description, ")
    assert told.endswith(f"cache_dir), or an option of a newer ssg than this one ({ssg.__version__})")
    assert problems(project, "paginte: 5\n") == ["site.yaml:5: paginte: unknown option (did you mean 'paginate'?)"]


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("baseURL: https://example.org/\n", "baseURL: unknown option (Hugo's baseURL or Jekyll's baseurl; ssg's is base_url, "),
        ("destination: _site\n", "destination: unknown option (Jekyll's; ssg's is output_dir)"),
        ("languageCode: en-us\n", "languageCode: unknown option (Hugo's; ssg's is lang, the language's code alone: lang: en)"),
        ("publishDir: docs\n", "publishDir: unknown option (Hugo's; ssg's is output_dir)"),
        ("buildDrafts: true\n", "buildDrafts: unknown option (Hugo's; ssg has none: ssg build --drafts does that)"),
        ("plugins: [jekyll-feed]\n", "plugins: unknown option (Jekyll's; ssg has none: remove the line)"),
        (
            "permalink: pretty\n",
            "permalink: 'pretty' is Jekyll's name for the pattern ssg writes {categories}/{year}/{month}/{day}/{slug}/ "
            "(a post's categories: start its URL, as in Jekyll)",
        ),
        (
            "permalink: /:year/:month/:title/\n",
            "permalink: '/:year/:month/:title/' has Jekyll's and Hugo's :placeholders; ssg writes them in braces: {year}/{month}/{slug}/",
        ),
        (  # (it was "has no {slug}": :output_ext was no placeholder ssg knew, and the pattern no foreign one)
            "permalink: /:categories/:year/:month/:day/:title:output_ext\n",
            "permalink: '/:categories/:year/:month/:day/:title:output_ext' has Jekyll's and Hugo's :placeholders; ssg writes "
            "them in braces: {categories}/{year}/{month}/{day}/{slug}.html",
        ),
        (
            "permalink: /:year/:y_day/:title.html\n",
            "permalink: '/:year/:y_day/:title.html': :y_day has no counterpart in ssg's patterns, whose placeholders are "
            "{year}, {month}, {day}, {slug}, {lang}, {categories}",
        ),
    ],
)
def test_another_generators_option_is_named_with_ssgs_own(project, yaml, message):
    """A new user's trial pasted Hugo's and Jekyll's options into site.yaml: `destination:` was taken for a misspelt
    `description`, `languageCode:` for `languages`, `baseURL:` got the list of every option, and `permalink: pretty` was
    "has no {slug}"."""
    [said] = problems(project, yaml)
    assert said.startswith(f"site.yaml:5: {message}")


def test_a_folder_under_the_home_folder_is_read_as_a_shell_reads_it(project, monkeypatch, tmp_path):
    # A new user's trial: `output_dir: ~/out` built into a folder named "~" inside the project.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    project.write({"site.yaml": SITE_YAML + "output_dir: ~/out\ncache_dir: ~/cache/\n"})
    config = load_config(project.root)
    assert config.output_path == tmp_path / "home" / "out" and config.cache_path == tmp_path / "home" / "cache"


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("search: false\n", "site.yaml:5: search: false is not a mapping (write search: {enabled: false})"),
        (
            "search: {fields: [title, author]}\n",
            "site.yaml:5: search: fields: 'author' is not a field the index has (use some of title, tags, source, body)",
        ),
        ("search: {fields: [title, tag]}\n", "site.yaml:5: search: fields: 'tag' is not a field the index has (did you mean 'tags'?)"),
        ("tag_names: nothere.yaml\n", "site.yaml:5: tag_names: file 'nothere.yaml' not found (put it next to site.yaml)"),
    ],
)
def test_search_and_tag_names_mistakes_say_which_value_and_line(project, yaml, message):
    """A new user's trial: `search: false` said "False is not a mapping", `fields: [title, author]` "fields must list
    some of ..." without naming author, and a tag_names file not there had no line."""
    assert problems(project, yaml) == [message]


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("dd/mm/yyyy", "mm is minutes, and the pattern shows no hour: the month is MM (dd/MM/yyyy)"),
        ("d.MM.YYYY", "YYYY is the year of the week (29 December 2025 is in 2026's first week): the year is yyyy (d.MM.yyyy)"),
        ("DD.MM.y", "DD is the day of the year (5 December is its 339th): the day of the month is dd (dd.MM.y)"),
        ("%d.%m.%Y", "%-letters are strftime's (Python's, Jekyll's date filter); Babel's fields are letters: dd.MM.y"),
        ("January 2, 2006", "2006 is Go's reference date (Hugo's dateFormat); Babel's fields are letters: MMMM d, y"),
    ],
)
def test_a_date_format_babel_would_misread_is_refused_with_babels_own(project, pattern, problem):
    """A new user's trial: `date_format: dd/mm/yyyy` was taken, and every article showed its minutes as its month;
    `%d.%m.%Y` printed "%5.%19.%2026", and Hugo's `January 2, 2006` that very date under every article."""
    assert problems(project, f'date_format: "{pattern}"\n') == [
        f"site.yaml:5: date_format: {pattern!r} is not a Babel date pattern: {problem} {PATTERN_HINT}"
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            '# from Hugo\nbaseURL = "https://example.org/"\ntitle = "Archive"\n',
            "site.yaml:2: must be a mapping of option: value (this is TOML, as Hugo's config.toml writes it; YAML writes "
            'baseURL = "https://example.org/" as baseURL: "https://example.org/")',
        ),
        (
            'title: T\nbaseURL = "https://example.org/"\n',
            'site.yaml:2: YAML syntax error: `baseURL = ...` is TOML (Hugo\'s config.toml); YAML writes baseURL: "https://example.org/"',
        ),
    ],
)
def test_hugos_toml_in_site_yaml_is_told_as_such(project, text, said):
    """A new user's trial pasted Hugo's config.toml: "must be a mapping of option: value", or "if baseURL is a key,
    write baseURL: = ..." for one line of it."""
    project.write({"site.yaml": text})
    with pytest.raises(ConfigError) as caught:
        load_config(project.root)
    assert [str(p) for p in caught.value.problems] == [said]


def test_excerpt_separator_is_the_sites_marker_and_not_empty(project):
    project.write({"site.yaml": SITE_YAML + "excerpt_separator: <!--cut-->\n"})
    assert load_config(project.root).excerpt_separator == "<!--cut-->"
    assert problems(project, "excerpt_separator: ' '\n") == [
        "site.yaml:5: excerpt_separator: is empty (write the marker that ends a summary, e.g. <!--cut-->, or leave the key out for <!--more-->)"
    ]


def test_lang_permalink_on_a_site_of_one_language_is_refused_on_its_line(tmp_path):
    """`lang_permalink:` (which `ssg init` took from every pelicanconf.py) was passed over without a word on a site
    without `languages:`: the articles it was to place went where `permalink:` puts them."""
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\nlang: ru\nlang_permalink: '{slug}-{lang}.html'\n")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert str(error.value).startswith("site.yaml:4: lang_permalink: places the articles of the site's other languages, and it has none")


def test_a_pattern_of_ssgs_braces_may_hold_a_colon(tmp_path):
    """A `:word` made a pattern Jekyll's or Hugo's, so `{year}/news:en/{slug}/`, valid before, stopped the build."""
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\npermalink: '{year}/news:en/{slug}/'\n")
    assert load_config(tmp_path).permalink == "{year}/news:en/{slug}/"


def test_every_default_ssg_init_shows_may_be_uncommented_and_the_examples_are_marked(tmp_path):
    """The site.yaml `ssg init` writes says every option is listed with its default: uncommenting `languages: []` made
    the build fail ("list at least one language"), and `lang_permalink: '{slug}-{lang}.html'`, an example, read as a
    default. The empty list is the default written out; each example is marked `# e.g.`."""
    from ssg.config import default_site_yaml

    text = default_site_yaml("T")
    assert "\n# lang_permalink: '{slug}-{lang}.html'  # e.g.\n" in text and "\n# languages: []\n" in text
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and ": " in line and line[2].islower() and "# e.g." not in line else line
        for line in text.splitlines()
    )
    (tmp_path / "site.yaml").write_text(uncommented, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.languages == () and not config.multilingual


def test_the_publishers_url_is_a_web_address(tmp_path):
    """`publisher: {url: "javascript:alert(1)"}` reached the feeds' author link and the JSON-LD as it was."""
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\npublisher: {name: P, url: 'javascript:alert(1)'}\n")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert str(error.value) == "site.yaml:3: publisher: url: 'javascript:alert(1)' is not an http(s) URL (e.g. https://newsroom.example/)"


def test_a_whole_number_written_with_a_leading_zero_is_that_number(tmp_path):
    """Numbers are read in decimal only (`yamlload`): `entries: 020` was told to write `entries: 020` "without quotes"."""
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://example.org/\nfeeds: {entries: 020}\n")
    assert load_config(tmp_path).feeds["entries"] == 20


@pytest.mark.parametrize("name", ["localtime", "posixrules", "Factory"])
def test_a_zone_name_that_is_no_places_zone_is_refused(project, name):
    """`timezone: localtime` built with each machine's own zone (/etc/localtime), where one commit builds the same bytes
    on every machine (deploy.md); `posixrules` and `Factory` are the zone database's own names."""
    project.write({"site.yaml": SITE_YAML.replace("timezone: Europe/Moscow", f"timezone: {name}")})
    with pytest.raises(ConfigError) as error:
        load_config(project.root)
    assert f"timezone: {name!r} is no place's time zone (the machine's, or the database's own): use a name like" in str(error.value)


def test_a_line_told_after_reading_is_site_yamls_as_read_and_its_lines_are_no_setting(project):
    """A message about a value found wrong after reading names its line of site.yaml as the config read it: it read the
    file again from disk (`yamlload.line_of`), where a save meanwhile (the preview's) had moved the line or removed it.
    The lines kept are no setting: a comment edited leaves the config equal, and its settings (every fingerprint's) the same."""
    from ssg.build import check_cache_dir

    project.write({"site.yaml": SITE_YAML + "cache_dir: content\n"})
    config = load_config(project.root)
    line = SITE_YAML.count("\n") + 1
    project.write({"site.yaml": "# A comment.\n" + SITE_YAML + "cache_dir: content\n"})
    with pytest.raises(ConfigError) as error:
        check_cache_dir(config)
    assert str(error.value).startswith(f"site.yaml:{line}: cache_dir: ")
    again = load_config(project.root)
    assert again == config and again.settings() == config.settings() and again.line_of("cache_dir") == line + 1
